/* Wegweiser search, the words: folding, stemming, and which offerings match a query and
 * how well. The index files are described in generator/render/search_files.py; suche.js
 * creates one matcher per manifest and shows the results. */
(function () {
  "use strict";
  /* Must match fold() in generator/text.py (a browser test compares them). */
  function fold(text) {
    return text.normalize("NFC").toLowerCase()
      .replace(/ß/g, "ss").replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue")
      .normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function create(manifest, load) {
    /* The language's word endings (manifest.endings, from search_words.ENDINGS), so
     * "Schulden" finds "Schuldnerberatung" and "drogy" finds "drogová"; the rest of the
     * word is matched as a word beginning. Must match stem() in search_words.py. */
    function stem(word) {
      var endings = manifest.endings;
      for (var i = 0; i < endings.length; i++) {
        var ending = endings[i];
        if (word.length - ending.length >= manifest.minStem && word.slice(-ending.length) === ending) {
          return word.slice(0, -ending.length);
        }
      }
      return word;
    }

    function queryWords(query) {
      var stop = manifest.stopwords;
      return (fold(query).match(/[a-z0-9]+/g) || []).filter(function (w) {
        return w.length > 1 && stop.indexOf(w) < 0;
      }).map(function (w) {
        return w.slice(0, manifest.maxWord);  /* the index cuts long words the same way */
      });
    }

    function decode(text) {
      var ids = [], previous = 0;
      if (!text) return ids;
      text.split(",").forEach(function (gap) {
        previous += parseInt(gap, 36);
        ids.push(previous);
      });
      return ids;
    }

    function flags(ids) {
      var set = new Uint8Array(manifest.docs);
      ids.forEach(function (id) { set[id] = 1; });
      return set;
    }

    /* A compound typed as one word also finds its parts written apart:
     * "suchtberatung" finds "Sucht- und Drogenberatung" (sucht + ...beratung). */
    function scoreWord(word, asTyped) {
      var tail = null;
      if (word.length >= 8) {
        tail = manifest.tails.filter(function (t) {
          return word.length - t.length >= 3 && word.slice(-t.length) === t;
        })[0];
      }
      if (!tail) return scoreWhole(word, asTyped);
      var head = word.slice(0, -tail.length);
      return Promise.all([scoreWhole(word, asTyped), scoreWhole(head, asTyped), scoreWhole(tail, asTyped)])
        .then(function (found) {
          var whole = found[0] || {}, heads = found[1] || {}, tails = found[2] || {};
          Object.keys(heads).forEach(function (id) {
            if (tails[id]) {
              var parts = Math.min(heads[id], tails[id]) * 0.7;
              if (!whole[id] || whole[id] < parts) whole[id] = parts;
            }
          });
          return whole;
        });
    }

    /* Scores of the documents whose index words in the file of ``shard`` ``weigh`` gives a
     * factor (0: not at all): per field the best match, summed over the fields, so a word in
     * the title and the text counts more than in the title alone. */
    function shardScores(shard, weigh) {
      if (manifest.shards.indexOf(shard) < 0) return Promise.resolve({});
      return load("w-" + shard + ".json").then(function (entries) {
        var best = manifest.fields.map(function () { return {}; });
        Object.keys(entries).forEach(function (token) {
          var factor = weigh(token);
          if (!factor) return;
          entries[token].forEach(function (encoded, field) {
            var weight = manifest.fields[field] * factor, inField = best[field];
            decode(encoded).forEach(function (id) {
              if (!inField[id] || inField[id] < weight) inField[id] = weight;
            });
          });
        });
        var scores = {};
        best.forEach(function (inField) {
          Object.keys(inField).forEach(function (id) { scores[id] = (scores[id] || 0) + inField[id]; });
        });
        return scores;
      });
    }

    /* One query word: index words that begin with its stem, exact words counting more. A
     * word that finds nothing so may have a typo (unless ``asTyped``): see typoScores. */
    function scoreWhole(word, asTyped) {
      var root = stem(word);
      if (root.length < 2) return Promise.resolve(null);
      return shardScores(root.slice(0, 2), function (token) {
        if (token.indexOf(root) !== 0) return 0;
        if (root.length < 4 && token.length > root.length + manifest.shortReach) return 0;
        return token === word || token === root ? 2 : 1;
      }).then(function (scores) {
        var limit = allowedEdits(word);
        if (asTyped || !limit || root.length < 4 || Object.keys(scores).length) return scores;
        return typoScores(root, limit);
      });
    }

    /* Typos. A word of manifest.typos[0] letters or more that finds nothing as typed also
     * finds index words one edit away (a letter missing, added or changed, or two
     * neighbours swapped), from manifest.typos[1] letters on two (TYPOS in
     * search_words.py). They score below the same words typed right. */
    var TYPO_WEIGHT = 0.4;  /* an exact word counts 2, a word it begins 1 */
    var MAX_CORRECTIONS = 20;  /* the work a short typo with many near words can cause */

    function allowedEdits(word) {
      return word.length >= manifest.typos[1] ? 2 : word.length >= manifest.typos[0] ? 1 : 0;
    }

    /* The last row of the Damerau-Levenshtein table (optimal string alignment) from ``a`` to
     * the first ``m`` letters of ``b``: its entry j is the distance from ``a`` to the first
     * j letters. Null once a row is all beyond ``limit``: no later row comes back under it. */
    function lastRow(a, b, limit, m) {
      var before = null, previous = [], row, i, j;
      for (j = 0; j <= m; j++) previous.push(j);
      for (i = 1; i <= a.length; i++) {
        row = [i];
        var least = i;
        for (j = 1; j <= m; j++) {
          var d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
          row.push(d);
          if (d < least) least = d;
        }
        if (least > limit) return null;
        before = previous;
        previous = row;
      }
      return previous;
    }

    /* The distance between two words, at most limit + 1. */
    function distance(a, b, limit) {
      if (Math.abs(a.length - b.length) > limit) return limit + 1;
      var row = lastRow(a, b, limit, b.length);
      return row ? Math.min(row[b.length], limit + 1) : limit + 1;
    }

    /* The beginning of ``b`` closest to ``a``, as [edits, its length], the longer of equally
     * close ones; edits at most limit + 1. "suchtberatng" is one edit from the beginning
     * "suchtberatung" of "suchtberatungsstelle", as a query's stem is matched as a beginning. */
    function closestBeginning(a, b, limit) {
      var m = Math.min(b.length, a.length + limit), row = lastRow(a, b, limit, m);
      if (!row) return [limit + 1, 0];
      var best = m;
      for (var j = m - 1; j >= Math.max(0, a.length - limit); j--) if (row[j] < row[best]) best = j;
      return [Math.min(row[best], limit + 1), best];
    }

    /* What a typo stands for: the beginnings of index words fewest edits away from ``root``
     * (at most ``limit``), as [{word, edits}]. Only the index words of the root's own file
     * are compared (its first two letters as typed, as Lucene's fuzzy query keeps a
     * prefix), so a typo costs no file beyond the first query's budget: "Schludnerberatung"
     * (letters 4 and 5 swapped) is found. A swap of the first two letters ("uschtberatung")
     * is looked up in the file of the swapped pair, counted as one edit; any other typo that
     * changes the first two letters ("cuchtberatung", "shculdnerberatung") is not found, and
     * the empty result offers words instead (keine-treffer.js). */
    function corrections(root, limit) {
      function near(wanted, allowed, spent) {
        var shard = wanted.slice(0, 2);
        if (manifest.shards.indexOf(shard) < 0) return Promise.resolve([]);
        return load("w-" + shard + ".json").then(function (entries) {
          var best = {}, fewest = allowed + 1;
          Object.keys(entries).forEach(function (token) {
            var found = closestBeginning(wanted, token, allowed);
            if (found[0] > fewest || found[0] > allowed) return;
            if (found[0] < fewest) { fewest = found[0]; best = {}; }
            best[token.slice(0, found[1])] = true;
          });
          return Object.keys(best).filter(function (word) { return word !== root; }).sort()
            .slice(0, MAX_CORRECTIONS).map(function (word) { return { word: word, edits: fewest + spent }; });
        });
      }
      return near(root, limit, 0).then(function (found) {
        var swapped = root.charAt(1) + root.charAt(0) + root.slice(2);
        if (found.length || swapped === root) return found;
        return near(swapped, limit - 1, 1);
      });
    }

    /* The offerings of the words a typo stands for, as if those were typed (so a compound
     * is found in parts too: "Suchtberatng" finds "Sucht- und Drogenberatung" like
     * "Suchtberatung" does), each score lowered by TYPO_WEIGHT per edit. */
    function typoScores(root, limit) {
      return corrections(root, limit).then(function (found) {
        return Promise.all(found.map(function (c) { return scoreWord(c.word, true); })).then(function (each) {
          var best = {};
          each.forEach(function (scores, i) {
            var factor = TYPO_WEIGHT / found[i].edits;
            Object.keys(scores || {}).forEach(function (id) {
              if (!best[id] || best[id] < scores[id] * factor) best[id] = scores[id] * factor;
            });
          });
          return best;
        });
      });
    }

    /* How many edits a query word is from a listed word (the synonyms' everyday words), as a
     * typo may have them; Infinity if more. */
    function typoEdits(typed, listed) {
      var limit = allowedEdits(typed), edits = limit ? distance(typed, listed, limit) : 1;
      return edits <= limit ? edits : Infinity;
    }

    var synonyms = window.wegweiserSynonyme.create(manifest, {
      stem: stem, decode: decode, scoreWord: scoreWord, typoEdits: typoEdits
    });

    function textMatches(query) {
      var words = queryWords(query);
      if (!words.length) return Promise.resolve(fold(query).trim() ? { ignored: true } : null);
      /* Each query word, or a phrase of the synonyms ("Hartz IV") as one. A weak word
       * ("help", "pomoc") only ranks: an offering need not contain it. */
      var parts = synonyms.parts(words);
      var weak = manifest.weak.map(stem);  /* so "poradnu" and "poradně" are weak like "poradna" */
      var strong = parts.filter(function (part) {
        return part.synonym || part.words.length > 1 || weak.indexOf(stem(part.words[0])) < 0;
      });
      if (!strong.length) strong = parts;
      return Promise.all(parts.map(synonyms.score)).then(function (perPart) {
        var total = {}, hits = {}, needed = 0;
        perPart.forEach(function (scores, i) {
          if (!scores) return;
          var counts = strong.indexOf(parts[i]) >= 0;
          if (counts) needed += 1;
          var ids = Object.keys(scores);
          var rarity = Math.log(1 + manifest.docs / Math.max(1, ids.length));
          ids.forEach(function (id) {
            total[id] = (total[id] || 0) + scores[id] * rarity;
            if (counts) hits[id] = (hits[id] || 0) + 1;
          });
        });
        /* Offerings with every query word first; after them those with most of the words.
         * Among equals, on the Czech and English sites, those with texts in that language. */
        var own = manifest.inLanguage ? flags(decode(manifest.inLanguage)) : null;
        var ids = Object.keys(total).map(Number).filter(function (id) { return hits[id] || !needed; });
        var all = ids.filter(function (id) { return (hits[id] || 0) === needed; });
        var scores = {};
        ids.forEach(function (id) { scores[id] = (hits[id] || 0) * 1e6 + total[id] + (own && own[id] ? 0.1 : 0); });
        return { scores: scores, ids: ids, complete: all.length ? flags(all) : null,
                 partial: !all.length && ids.length > 0 };
      });
    }

    /* textMatches for suche.js; the rest for keine-treffer.js (what an empty result offers). */
    return { textMatches: textMatches, stem: stem, decode: decode, flags: flags, manifest: manifest, load: load,
             queryWords: queryWords, scoreWord: scoreWord, allowedEdits: allowedEdits, distance: distance,
             everydayPhrases: synonyms.typed };
  }

  window.wegweiserSuchwoerter = { fold: fold, create: create };
})();

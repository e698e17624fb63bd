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
    function scoreWord(word) {
      var tail = null;
      if (word.length >= 8) {
        tail = manifest.tails.filter(function (t) {
          return word.length - t.length >= 3 && word.slice(-t.length) === t;
        })[0];
      }
      if (!tail) return scoreWhole(word);
      var head = word.slice(0, -tail.length);
      return Promise.all([scoreWhole(word), scoreWhole(head), scoreWhole(tail)]).then(function (found) {
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

    /* Scores of the documents that match one query word: per field the best match (exact
     * words count more), summed over the fields, so a word in the title and the text
     * counts more than in the title alone. */
    function scoreWhole(word) {
      var root = stem(word);
      if (root.length < 2) return Promise.resolve(null);
      var shard = root.slice(0, 2);
      if (manifest.shards.indexOf(shard) < 0) return Promise.resolve({});
      return load("w-" + shard + ".json").then(function (entries) {
        var best = manifest.fields.map(function () { return {}; });
        Object.keys(entries).forEach(function (token) {
          if (token.indexOf(root) !== 0) return;
          if (root.length < 4 && token.length > root.length + manifest.shortReach) return;
          var exact = token === word || token === root ? 2 : 1;
          entries[token].forEach(function (encoded, field) {
            var weight = manifest.fields[field] * exact, inField = best[field];
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

    function textMatches(query) {
      var words = queryWords(query);
      if (!words.length) return Promise.resolve(fold(query).trim() ? { ignored: true } : null);
      /* A weak word ("help", "pomoc") only ranks: an offering need not contain it. */
      var weak = manifest.weak.map(stem);  /* so "poradnu" and "poradně" are weak like "poradna" */
      var strong = words.filter(function (w) { return weak.indexOf(stem(w)) < 0; });
      if (!strong.length) strong = words;
      return Promise.all(words.map(scoreWord)).then(function (perWord) {
        var total = {}, hits = {}, needed = 0;
        perWord.forEach(function (scores, i) {
          if (!scores) return;
          var counts = strong.indexOf(words[i]) >= 0;
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

    return { textMatches: textMatches, stem: stem, decode: decode, flags: flags };
  }

  window.wegweiserSuchwoerter = { fold: fold, create: create };
})();

/* Wegweiser search, the everyday words: "Hartz IV" finds what the records call
 * "Bürgergeld", "Depression" the offerings on mental health. The entries are data
 * (schemas/vokabulare/synonyme.yml), carried in manifest.synonyms as rows of [everyday
 * phrases, phrases found, "facet=value" …, and maybe {phrase: as written}]
 * (generator/render/search_synonyms.py), each phrase folded and without stop words like a
 * query. suchwoerter.js asks this script to cut a query into parts and to score a part;
 * keine-treffer.js for the phrases as written, to suggest them. */
(function () {
  "use strict";
  /* Found through a synonym counts a little less than found as typed: offerings that use
   * the visitor's own word come first. */
  var SYNONYM_WEIGHT = 0.8;

  function create(manifest, words) {
    var entries = (manifest.synonyms || []).map(function (row) {
      return { typed: row[0].map(function (phrase) { return phrase.split(" "); }), finds: row[1], values: row[2],
               written: row[3] || {} };
    });
    var members = {};  /* "thema=sucht" -> the encoded ids of its offerings */
    manifest.facets.forEach(function (facet) {
      facet.values.forEach(function (value) { members[facet.key + "=" + value[0]] = value[2]; });
    });

    /* How far a query word is from an everyday word: 0 if it is that word or bends it
     * ("Depressionen" for "Depression"), else the edits of a typo ("Depresion"), Infinity
     * if it is no typo of it either. */
    function apart(typed, listed) {
      if (typed === listed || words.stem(typed) === listed || words.stem(typed) === words.stem(listed)) return 0;
      return words.typoEdits(typed, listed);
    }

    /* The query's words as parts: each word on its own, or where an everyday phrase starts,
     * the longest such phrase as one part with its entry ("hartz iv", not "hartz" and "iv",
     * which alone finds nothing); of equally long ones the one with the fewest typos. */
    function parts(queryWords) {
      var found = [], i = 0;
      while (i < queryWords.length) {
        var entry = null, length = 1, fewest = Infinity;
        entries.forEach(function (candidate) {
          candidate.typed.forEach(function (phrase) {
            if (phrase.length < length || i + phrase.length > queryWords.length) return;
            var edits = 0;
            for (var k = 0; k < phrase.length && edits < Infinity; k++) edits += apart(queryWords[i + k], phrase[k]);
            if (edits === Infinity || (phrase.length === length && edits >= fewest)) return;
            entry = candidate;
            length = phrase.length;
            fewest = edits;
          });
        });
        found.push({ words: queryWords.slice(i, i + length), synonym: entry });
        i += length;
      }
      return found;
    }

    /* The offerings with every word of a phrase, each scored by the sum of its words'. */
    function phraseScores(phrase, asTyped, factor) {
      return Promise.all(phrase.map(function (word) { return words.scoreWord(word, asTyped); })).then(function (each) {
        each = each.filter(Boolean);  /* a word too short to look up says nothing */
        if (!each.length) return null;
        var scores = {};
        Object.keys(each[0]).forEach(function (id) {
          if (!each.every(function (s) { return s[id]; })) return;
          scores[id] = factor * each.reduce(function (sum, s) { return sum + s[id]; }, 0);
        });
        return scores;
      });
    }

    /* A filter value counts like an exact word among an offering's features. */
    function valueScores(values) {
      var scores = {}, weight = manifest.fields[1] * 2 * SYNONYM_WEIGHT;
      values.forEach(function (value) {
        words.decode(members[value]).forEach(function (id) { scores[id] = weight; });
      });
      return scores;
    }

    /* The scores of one part: a plain word as suchwoerter.js scores it (typos forgiven);
     * an everyday phrase by the best of the phrases it finds and of the filter values it
     * finds, and by its own words as typed. Neither side is read with typos: a recognised
     * everyday word needs no more, and the coordinators' words are spelt right. */
    function score(part) {
      if (!part.synonym) return words.scoreWord(part.words[0]);
      var entry = part.synonym;
      return Promise.all([phraseScores(part.words, true, 1)].concat(entry.finds.map(function (phrase) {
        return phraseScores(phrase.split(" "), true, SYNONYM_WEIGHT);
      }), [valueScores(entry.values)])).then(function (found) {
        var typed = found[0] || {}, best = {}, highest = 0;
        found.slice(1).forEach(function (scores) {
          Object.keys(scores || {}).forEach(function (id) {
            if (!best[id] || best[id] < scores[id]) best[id] = scores[id];
            if (highest < scores[id]) highest = scores[id];
          });
        });
        /* The visitor's own word first: an offering that has it ranks above every one found
         * only through the entry, even if that has the entry's word in its name. */
        Object.keys(typed).forEach(function (id) { best[id] = highest + typed[id]; });
        return best;
      });
    }

    /* Every everyday phrase, folded and as written, for the suggestions of an empty result. */
    function typed() {
      return [].concat.apply([], entries.map(function (entry) {
        return entry.typed.map(function (phrase) {
          var folded = phrase.join(" ");
          return { phrase: folded, text: entry.written[folded] || folded };
        });
      }));
    }

    return { parts: parts, score: score, typed: typed };
  }

  window.wegweiserSynonyme = { create: create };
})();

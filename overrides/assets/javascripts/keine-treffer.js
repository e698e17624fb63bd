/* Wegweiser search, when nothing is found: never a dead end. search.html holds the block
 * (the plain words, the ways to the lists, the emergency numbers); this script shows it
 * and fills in the nearest known words as buttons that search for them ("Meinten Sie …?"),
 * with the matcher of suchwoerter.js. suche.js calls show() after every search. */
(function () {
  "use strict";
  var SUGGESTIONS = 5;
  var fold = window.wegweiserSuchwoerter.fold;

  /* ``search(text)``: searches for the text as if typed, and resolves when shown. */
  function create(root, matcher, search) {
    var block = root.querySelector(".ww-keine-treffer");
    var offer = block.querySelector(".ww-vorschlaege");
    var choices = offer.querySelector(".ww-vorschlaege__knoepfe");
    var statusLine = root.querySelector(".ww-treffer");
    var shown = 0;

    /* For a search that found nothing: known words near the query's words that find
     * nothing, nearest first, at most ``count``. Near is one edit more than a typo may have
     * (so also for words under five letters, which never match with a typo): the labels of
     * the filters (topics, target groups, regions …), the everyday words of the synonyms,
     * and the index words of the files a typo in the first two letters points to (nearFiles),
     * shown as written ("glücksspiel", from s-<xx>.json). Label words of under four letters
     * and stop words are no suggestion: "hri" is not "při". */
    function nearest(query, count) {
      var typed = matcher.queryWords(query);
      return Promise.all(typed.map(function (word) { return matcher.scoreWord(word, true); })).then(function (found) {
        var missing = typed.filter(function (word, i) { return found[i] && !Object.keys(found[i]).length; });
        return Promise.all(missing.map(function (word) {
          var limit = matcher.allowedEdits(word) + 1, candidates = [];
          function consider(text, compared, weight) {
            var edits = matcher.distance(word, compared, limit);
            if (edits > 0 && edits <= limit) candidates.push({ text: text, edits: edits, weight: weight });
          }
          matcher.manifest.facets.forEach(function (facet) {
            facet.values.forEach(function (value) {
              (fold(value[1]).match(/[a-z0-9]+/g) || []).forEach(function (part) {
                if (part.length >= 4 && matcher.manifest.stopwords.indexOf(part) < 0) consider(value[1], part, 1e6);
              });
            });
          });
          matcher.everydayPhrases().forEach(function (synonym) { consider(synonym.text, synonym.phrase.split(" ")[0], 1e6); });
          return Promise.all(nearFiles(word).map(function (shard) {
            /* the spellings are a nicety: without them the words are shown folded */
            var spellings = matcher.load("s-" + shard + ".json").catch(function () { return {}; });
            return Promise.all([matcher.load("w-" + shard + ".json"), spellings]).then(function (files) {
              var entries = files[0], written = files[1];
              Object.keys(entries).forEach(function (token) {
                /* the weight: about how many offerings have it */
                consider(written[token] || token, token, entries[token].join(",").length);
              });
            });
          })).then(function () { return candidates; });
        })).then(function (lists) {
          lists.push(nearPhrases(typed));
          var all = [].concat.apply([], lists).sort(function (a, b) {
            return a.edits - b.edits || b.weight - a.weight || (a.text < b.text ? -1 : 1);
          });
          var seen = {}, chosen = [];
          all.forEach(function (candidate) {
            var key = fold(candidate.text);
            if (seen[key] || chosen.length >= count) return;
            seen[key] = true;
            chosen.push(candidate.text);
          });
          return chosen;
        });
      });
    }

    /* Everyday phrases of more than one word near the whole query: "hazardni hri" is
     * "hazardní hry", though its first word alone is no typo of anything. */
    function nearPhrases(typed) {
      if (typed.length < 2) return [];
      var whole = typed.join(" "), limit = matcher.allowedEdits(typed.join("")) + 1, near = [];
      matcher.everydayPhrases().forEach(function (synonym) {
        if (synonym.phrase.indexOf(" ") < 0) return;
        var edits = matcher.distance(whole, synonym.phrase, limit);
        if (edits > 0 && edits <= limit) near.push({ text: synonym.text, edits: edits, weight: 1e6 });
      });
      return near;
    }

    /* The index files that hold the words a typo of ``word`` most likely stands for: its own,
     * and those of the first two letters with the typo undone where it is among them: two
     * swapped ("shculdnerberatung", "uschtberatung") or one letter too many ("sxchulden",
     * "xschulden"). A missing or wrong first letter is not guessed: that would be a file
     * for every letter of the alphabet. Only an empty result loads these. */
    function nearFiles(word) {
      var first = word.charAt(0), second = word.charAt(1), third = word.charAt(2);
      var pairs = [first + second, second + first, first + third, second + third];
      return pairs.filter(function (pair, i) {
        return pair.length === 2 && pairs.indexOf(pair) === i && matcher.manifest.shards.indexOf(pair) >= 0;
      });
    }

    /* ``query``: what was searched for when nothing was found; null when something was. */
    function show(query) {
      var now = ++shown;
      block.hidden = query === null;
      offer.hidden = true;
      choices.textContent = "";
      if (query === null || !query.trim()) return Promise.resolve();
      return nearest(query, SUGGESTIONS).then(function (words) {
        if (now !== shown || !words.length) return;  /* a newer search has answered meanwhile */
        words.forEach(function (word, i) {
          var choice = document.createElement("button");
          choice.type = "button";
          choice.className = "md-button ww-vorschlag";
          choice.textContent = word;
          choice.addEventListener("click", function () {
            /* The button goes with the empty result: focus moves to the count, read out,
               and the next Tab reaches the first result. */
            Promise.resolve(search(word)).then(function () {
              statusLine.setAttribute("tabindex", "-1");
              statusLine.focus();
            });
          });
          if (i) choices.appendChild(document.createTextNode(" "));
          choices.appendChild(choice);
        });
        offer.hidden = false;
      });
    }

    return { show: show };
  }

  window.wegweiserKeineTreffer = { create: create };
})();

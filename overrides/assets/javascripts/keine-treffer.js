/* Wegweiser search, when nothing is found: never a dead end. search.html holds the block
 * (the plain words, the ways to the lists, the emergency numbers); this script shows it
 * and fills in the nearest known words as buttons that search for them ("Meinten Sie …?",
 * from suchwoerter.js). suche.js calls show() after every search. */
(function () {
  "use strict";
  var SUGGESTIONS = 5;

  /* ``search(text)``: searches for the text as if typed, and resolves when shown. */
  function create(root, matcher, search) {
    var block = root.querySelector(".ww-keine-treffer");
    var offer = block.querySelector(".ww-vorschlaege");
    var choices = offer.querySelector(".ww-vorschlaege__knoepfe");
    var statusLine = root.querySelector(".ww-treffer");
    var shown = 0;

    /* ``query``: what was searched for when nothing was found; null when something was. */
    function show(query) {
      var now = ++shown;
      block.hidden = query === null;
      offer.hidden = true;
      choices.textContent = "";
      if (query === null || !query.trim()) return Promise.resolve();
      return matcher.nearest(query, SUGGESTIONS).then(function (words) {
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

/* Wegweiser search near a place: a postcode or town looked up in the places the build
 * ships (o-*.json), the distance to every offering (k.json), the regions the place lies in
 * and who is responsible for them (z.json), the radius, and what a result and the count
 * say about where. suche.js asks for all this; it sorts and shows the results. */
(function () {
  "use strict";

  /* root: the search page; load: its index files; decode: the index's id lists; say and
     counted: its messages filled in; searchAgain: a new search after a choice made here
     (a suggested place, a wider radius). */
  function create(root, load, decode, say, counted, searchAgain) {
    var MESSAGES = JSON.parse(root.getAttribute("data-meldungen"));
    var form = root.querySelector("form");
    var placeInput = form.querySelector("[name=ort]");
    var placeNote = root.querySelector(".ww-ort-hinweis");
    var fold = window.wegweiserSuchwoerter.fold;

    function distanceKm(a, b) {
      var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
      var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
        Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
      return 12742 * Math.asin(Math.sqrt(h));
    }

    /* A postcode or town typed by the visitor, looked up in the places the build ships. */
    function findPlace(text) {
      var name = text.trim();
      if (!name) return Promise.resolve(null);
      var digits = /^\d/.test(name);
      var key = digits ? "p" : fold(name).charAt(0);
      return load("o-" + key + ".json").catch(function () { return []; }).then(function (places) {
        var wanted = digits ? name.replace(/\s/g, "") : fold(name);
        var exact = places.filter(function (p) { return (digits ? p[0] : fold(p[0])) === wanted; });
        var begins = places.filter(function (p) { return (digits ? p[0] : fold(p[0])).indexOf(wanted) === 0; });
        /* A name is found by its first words ("Aue" is "Aue-Bad Schlema"), never by a part of
           a word: "Berlin" is not silently "Berlingen", which is offered as a suggestion. */
        var words = digits ? begins : begins.filter(function (p) {
          return !/[a-z0-9]/.test(fold(p[0]).charAt(wanted.length));
        });
        /* Of towns that share a name ("Oelsnitz" in the Erzgebirge and in the Vogtland,
           "Glashütten" in the Taunus and in Franconia), the one in a region of this directory. */
        function inRegion(p) { return p[3]; }
        var found = exact.filter(inRegion)[0] || exact[0] || words.filter(inRegion)[0] || words[0];
        if (found) return { name: found[0], point: [found[1], found[2]], regions: found[3] || [] };
        return { missing: name, suggestions: begins.slice(0, 5).map(function (p) { return p[0]; }) };
      });
    }

    /* A place we do not know: said plainly, with the places whose names begin so, each a
       button that searches near it. */
    function showMissing(place) {
      placeNote.textContent = place ? say("unknownPlace", { place: place.missing }) : "";
      if (!place || !place.suggestions.length) return;
      placeNote.appendChild(document.createTextNode(" " + MESSAGES.suggestPlaces + " "));
      place.suggestions.forEach(function (name, i) {
        var choice = document.createElement("button");
        choice.type = "button";
        choice.className = "md-button ww-ort-vorschlag";
        choice.textContent = name;
        choice.addEventListener("click", function () {
          placeInput.value = name;
          placeInput.removeAttribute("data-punkt");
          searchAgain();
        });
        if (i) placeNote.appendChild(document.createTextNode(" "));
        placeNote.appendChild(choice);
      });
    }

    function currentPoint() {
      var here = placeInput.getAttribute("data-punkt");
      var place = here ? ownPlace(here.split(",").map(Number)) : findPlace(placeInput.value);
      return place.then(measured);
    }

    /* The visitor's own location lies in the regions of the nearest postcode the build
       knows (o-p.json, which also holds the towns beginning with "p"), if that is at most
       NEAR_PLACE_KM away: so offices responsible for the visitor's Kreis count as near from
       a phone's location as from its postcode. */
    var NEAR_PLACE_KM = 5;
    function ownPlace(point) {
      return load("o-p.json").catch(function () { return []; }).then(function (places) {
        var nearest = null, best = NEAR_PLACE_KM;
        places.filter(function (p) { return /^\d/.test(p[0]); }).forEach(function (p) {
          var km = distanceKm(point, [p[1], p[2]]);
          if (km <= best) { best = km; nearest = p; }
        });
        return { own: true, point: point, regions: nearest && nearest[3] || [] };
      });
    }

    /* The radius in km, Infinity for "ganze Region". 25 km by default (search.html): in the
       rural Erzgebirge one advice centre often serves a whole Versorgungsregion from one
       town, 15 to 25 km from its villages; 10 km would often show nothing, 50 km reaches
       Chemnitz, Zwickau and Czechia, farther than most visitors can travel. */
    var radiusChoice = form.querySelector("[name=umkreis]");
    var widenNote = root.querySelector(".ww-umkreis-weiter");
    function kmOf(value) {
      return Number(value) > 0 ? Number(value) : Infinity;
    }

    /* The place with what "near" needs for every offering: its distance (k.json); if it is
       responsible for a region the place lies in, that region's name; and whether it is
       anywhere at all (z.json). */
    function measured(place) {
      if (!place || !place.point) return Promise.resolve(place);
      return Promise.all([load("k.json"), load("z.json")]).then(function (loaded) {
        var points = loaded[0], regions = loaded[1];
        place.distances = points.map(function (each) {
          return (each || []).reduce(function (best, c) { return Math.min(best, distanceKm(place.point, c)); }, Infinity);
        });
        place.responsible = responsibleNear(place.regions, regions);
        /* An offering with neither an address (null in k.json) nor a region (online, or
           visiting people wherever they are) is as near to one place as to any: it stays
           in every radius. */
        var bound = new Uint8Array(points.length);
        regions.forEach(function (region) { decode(region[2]).forEach(function (id) { bound[id] = 1; }); });
        place.everywhere = points.map(function (each, id) { return each === null && !bound[id]; });
        return place;
      });
    }

    /* The regions a place lies in and those they are part of, the smallest first, so an
       offering for both the Versorgungsregion and the Kreis is "zuständig" for the first. */
    function responsibleNear(regionNumbers, regions) {
      if (!regionNumbers.length) return {};
      function chain(n) {  /* the region and those it is part of (rules.py rules out circles) */
        var found = [];
        for (; n >= 0 && regions[n] && found.length < regions.length; n = regions[n][1]) found.push(n);
        return found;
      }
      var within = {};
      regionNumbers.forEach(function (n) { chain(n).forEach(function (m) { within[m] = chain(m).length; }); });
      var responsible = {};
      Object.keys(within).map(Number).sort(function (a, b) { return within[b] - within[a] || a - b; }).forEach(function (n) {
        decode(regions[n][2]).forEach(function (id) { if (!(id in responsible)) responsible[id] = regions[n][0]; });
      });
      return responsible;
    }

    /* Near: within the radius as the distance is shown, responsible for the place, or
       without a place of its own. */
    function isNear(place, id, km) {
      return shownDistance(place.distances[id]) <= km || place.responsible[id] !== undefined || place.everywhere[id];
    }

    /* For sorting: nearer first, those without a distance last (never Infinity - Infinity). */
    function nearer(a, b) {
      return a === b ? 0 : a < b ? -1 : 1;
    }

    /* What a result says about where it is, for render(): " · 3,2 km"; for an office beyond
       the radius (or none) that is responsible for the place " · 21 km · zuständig für
       Erzgebirgskreis", so the visitor sees why it is listed. */
    function whereText(id, place) {
      if (!place || !place.distances) return "";
      var km = place.distances[id], words = "";
      if (km < Infinity) words += " · " + shownDistance(km).toLocaleString(document.documentElement.lang) + " km";
      if (place.responsible[id] !== undefined && !(shownDistance(km) <= kmOf(radiusChoice.value))) {
        words += " · " + say("responsible", { region: place.responsible[id] });
      }
      return words;
    }

    /* The status line's words for the place: the radius, or the whole region by distance. */
    function nearWords(place) {
      if (!place || !place.point) return "";
      var km = kmOf(radiusChoice.value);
      if (km === Infinity) return place.own ? MESSAGES.byLocation : say("byPlace", { place: place.name });
      var values = { km: km.toLocaleString(document.documentElement.lang), place: place.name };
      return say(place.own ? "withinLocation" : "withinPlace", values);
    }

    /* Offerings that match but lie beyond the radius are never hidden silently: the note says
       how many, with a button for the next radius that reaches at least one of them. */
    function showFarther(matching, pass, place, count) {
      widenNote.textContent = "";
      var km = kmOf(radiusChoice.value);
      if (!place || !place.point || km === Infinity) return;
      var farther = [];
      for (var i = 0; i < count; i++) if (matching[i] && pass[i] && !isNear(place, i, km)) farther.push(i);
      if (!farther.length) return;
      var wider = Array.from(radiusChoice.options).filter(function (option) {
        var reach = kmOf(option.value);
        return reach > km && farther.some(function (id) { return shownDistance(place.distances[id]) <= reach; });
      })[0];
      if (!wider) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button ww-umkreis-erweitern";
      button.textContent = kmOf(wider.value) === Infinity ? MESSAGES.widenAll : say("widen", { km: wider.value });
      button.addEventListener("click", function () {
        radiusChoice.value = wider.value;
        searchAgain();
      });
      widenNote.appendChild(document.createTextNode(counted("farther", farther.length) + " "));
      widenNote.appendChild(button);
    }

    function shownDistance(km) {
      return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
    }

    /* The radius chosen, in km, where there is a place; Infinity for the whole region. */
    function radius(place) {
      return place && place.point ? kmOf(radiusChoice.value) : Infinity;
    }

    return { current: currentPoint, radius: radius, isNear: isNear, whereText: whereText, nearWords: nearWords,
             showMissing: showMissing, showFarther: showFarther, shownDistance: shownDistance, nearer: nearer };
  }

  window.wegweiserNaehe = { create: create };
})();

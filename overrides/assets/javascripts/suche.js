/* Wegweiser search: a German-aware index loaded in small pieces, facet filters with
 * counts, "near a place", and the whole state in the URL (bookmark, send, back button).
 * The index format is described in generator/render/search_files.py. */
(function () {
  "use strict";
  var root = document.querySelector("[data-suche-index]");
  if (!root) return;
  var base = root.getAttribute("data-suche-index");
  var FORMAT_VERSION = 3;  /* FORMAT_VERSION in generator/render/search_files.py */
  /* What this script says, in the page's language (PageRenderer.search_messages). */
  var MESSAGES = JSON.parse(root.getAttribute("data-meldungen"));

  function say(key, values) {
    return MESSAGES[key].replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  function counted(key, n) {
    var forms = MESSAGES[key];
    var form = n === 1 ? forms.one : (n >= 2 && n <= 4 ? forms.few : forms.many);
    return form.replace("%(num)s", String(n));
  }
  var form = root.querySelector("form");
  var queryInput = form.querySelector("[name=q]");
  var placeInput = form.querySelector("[name=ort]");
  var statusLine = root.querySelector(".ww-treffer");
  var resultList = root.querySelector(".ww-ergebnisse");
  var moreButton = root.querySelector(".ww-mehr");
  var placeNote = root.querySelector(".ww-ort-hinweis");
  var PAGE = 20;
  var cache = {};
  var manifest = null;
  var facetSets = {};
  var shown = PAGE;
  var lastRun = 0;

  function load(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name).then(function (response) {
        if (!response.ok) throw new Error(name + ": " + response.status);
        return response.json();
      });
    }
    return cache[name];
  }

  /* fold, stem and the scoring of query words: suchwoerter.js, loaded before this script. */
  var matcher = null, decode = null, flags = null;
  var noResults = null;  /* the way on when nothing is found: keine-treffer.js */
  var results = window.wegweiserTreffer.create(root, MESSAGES);  /* one result's list item: treffer.js */
  var fold = window.wegweiserSuchwoerter.fold;

  function selected() {
    var chosen = {};
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  function facetFilter(chosen, except) {
    var pass = new Uint8Array(manifest.docs).fill(1);
    Object.keys(chosen).forEach(function (key) {
      if (key === except) return;
      var any = new Uint8Array(manifest.docs);
      chosen[key].forEach(function (value) {
        var set = facetSets[key + "=" + value];
        if (set) for (var i = 0; i < set.length; i++) any[i] |= set[i];
      });
      for (var i = 0; i < pass.length; i++) pass[i] &= any[i];
    });
    return pass;
  }

  function updateCounts(textSet, chosen) {
    form.querySelectorAll(".ww-facette input[type=checkbox]").forEach(function (box) {
      // No offering has it: hide it, unless it is ticked (an old link) and must stay untickable.
      if (!facetSets[box.name + "=" + box.value]) box.closest("li").hidden = !box.checked;
    });
    manifest.facets.forEach(function (facet) {
      var pass = facetFilter(chosen, facet.key);
      facet.values.forEach(function (value) {
        var set = facetSets[facet.key + "=" + value[0]], count = 0;
        for (var i = 0; i < set.length; i++) if (set[i] && pass[i] && textSet[i]) count++;
        var box = form.querySelector("input[name='" + facet.key + "'][value='" + value[0] + "']");
        if (!box) return;
        box.closest("li").querySelector(".ww-anzahl").textContent = "(" + count + ")";
        box.closest("li").hidden = count === 0 && !box.checked;
      });
    });
  }

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
  function showMissingPlace(place) {
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
        shown = PAGE; toUrl(true); run();
      });
      if (i) placeNote.appendChild(document.createTextNode(" "));
      placeNote.appendChild(choice);
    });
  }

  function currentPoint() {
    var here = placeInput.getAttribute("data-punkt");
    var place = here ? Promise.resolve({ own: true, point: here.split(",").map(Number), regions: [] })
      : findPlace(placeInput.value);
    return place.then(measured);
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

  /* The place with what "near" needs for every offering: its distance (k.json) and, if it
     is responsible for a region the place lies in, that region's name (z.json). */
  function measured(place) {
    if (!place || !place.point) return Promise.resolve(place);
    return Promise.all([load("k.json"), responsibleNear(place.regions)]).then(function (loaded) {
      place.distances = loaded[0].map(function (points) {
        return points.reduce(function (best, c) { return Math.min(best, distanceKm(place.point, c)); }, Infinity);
      });
      place.responsible = loaded[1];
      return place;
    });
  }

  /* The regions a place lies in and those they are part of, the smallest first, so an
     offering for both the Versorgungsregion and the Kreis is "zuständig" for the first. */
  function responsibleNear(regionNumbers) {
    if (!regionNumbers.length) return Promise.resolve({});
    return load("z.json").then(function (regions) {
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
    });
  }

  /* Near: within the radius as the distance is shown, or responsible for the place. */
  function isNear(place, id, km) {
    return shownDistance(place.distances[id]) <= km || place.responsible[id] !== undefined;
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
  function showFarther(matching, pass, place) {
    widenNote.textContent = "";
    var km = kmOf(radiusChoice.value);
    if (!place || !place.point || km === Infinity) return;
    var farther = [];
    for (var i = 0; i < manifest.docs; i++) if (matching[i] && pass[i] && !isNear(place, i, km)) farther.push(i);
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
      shown = PAGE; toUrl(true); run();
    });
    widenNote.appendChild(document.createTextNode(counted("farther", farther.length) + " "));
    widenNote.appendChild(button);
  }

  function render(order, distances, total, partial, place, run, ignored, more) {
    var ids = order.slice(0, shown);
    var files = {};
    ids.forEach(function (id) { files[Math.floor(id / manifest.perFile)] = true; });
    return Promise.all(Object.keys(files).map(function (n) {
      return load("d-" + n + ".json").then(function (docs) { return [Number(n), docs]; });
    }).concat([load("f.json")])).then(function (loaded) {
      if (run !== lastRun) return;  // a newer search has started meanwhile
      var holidays = loaded.pop();
      var byFile = {};
      loaded.forEach(function (pair) { byFile[pair[0]] = pair[1]; });
      resultList.textContent = "";
      ids.forEach(function (id) {
        var doc = byFile[Math.floor(id / manifest.perFile)][id % manifest.perFile];
        var distance = whereText(id, place);
        resultList.appendChild(results.item(doc, holidays, distance));
      });
      var words = counted("found", total - more);
      words += nearWords(place);
      if (more) words += counted("alsoPartial", more);
      if (partial) words += MESSAGES.partial;
      if (ignored) words += MESSAGES.ignored;
      statusLine.textContent = words + ".";
      moreButton.hidden = total <= shown;
      return noResults.show(total ? null : queryInput.value);
    });
  }

  function shownDistance(km) {
    return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  }

  /* "Jetzt geöffnet" as one more filter value: the offerings open at this minute on the
     site's clock, from every offering's hours (h.json, loaded only when the box is ticked). */
  var openNow = form.querySelector(".ww-jetzt-offen input");
  function openNowSet() {
    if (!openNow.checked) return Promise.resolve(null);
    return Promise.all([load("h.json"), load("f.json")]).then(function (loaded) {
      var open = new Uint8Array(manifest.docs);
      loaded[0].forEach(function (hours, id) { open[id] = hours === 1 || (hours && results.isOpen(hours, loaded[1])) ? 1 : 0; });
      facetSets[openNow.name + "=" + openNow.value] = open;
    });
  }

  function run() {
    var run = ++lastRun;
    var chosen = selected();
    return Promise.all([matcher.textMatches(queryInput.value), currentPoint(), openNowSet()]).then(function (results) {
      if (run !== lastRun) return;
      var text = results[0], place = results[1], ignored = false;
      if (text && text.ignored) { ignored = true; text = null; }
      var textSet = text ? flags(text.ids) : new Uint8Array(manifest.docs).fill(1);
      /* The radius is one more filter (the counts beside the filters obey it too); what
         matches farther away is offered by showFarther, not hidden. */
      var radius = place && place.point ? kmOf(radiusChoice.value) : Infinity, matching = textSet;
      if (radius < Infinity) textSet = textSet.map(function (hit, id) { return hit && isNear(place, id, radius) ? 1 : 0; });
      updateCounts(textSet, chosen);
      var pass = facetFilter(chosen, null);
      var order = [];
      for (var i = 0; i < manifest.docs; i++) if (textSet[i] && pass[i]) order.push(i);
      showMissingPlace(place && place.missing ? place : null);
      showFarther(matching, pass, place);
      var sorting = Promise.resolve(null);
      if (place && place.point) {
        var distances = place.distances, complete = text && text.complete;
        var score = function (id) { return text ? text.scores[id] || 0 : 0; };
        order.sort(radius < Infinity
          /* Within the radius every offering is near enough: the better match for the words
             first (those with every word before the others), of equal ones the nearer. */
          ? function (a, b) { return score(b) - score(a) || distances[a] - distances[b] || a - b; }
          /* In the whole region nearest first (those with every word before the others), by
             the distance as shown (tenths of a kilometre below 10 km, whole ones beyond):
             where two are shown as equally far, often in one town, the better match first. */
          : function (a, b) {
            return (complete ? complete[b] - complete[a] : 0)
              || shownDistance(distances[a]) - shownDistance(distances[b]) || score(b) - score(a) || a - b;
          });
        sorting = Promise.resolve(distances);
      } else if (text) {
        order.sort(function (a, b) { return text.scores[b] - text.scores[a] || a - b; });
      }
      return sorting.then(function (distances) {
        if (run !== lastRun) return;
        var more = text && text.complete ? order.filter(function (id) { return !text.complete[id]; }).length : 0;
        return render(order, distances, order.length, text && text.partial, place, run, ignored, more);
      });
    }).catch(function (error) {
      statusLine.textContent = MESSAGES.failed;
      if (window.console) console.error(error);
    });
  }

  function toUrl(push) {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (key) { if (!params.get(key)) params.delete(key); });
    var here = placeInput.getAttribute("data-punkt");
    if (here) params.set("punkt", here);
    if (!params.get("ort") && !here) params.delete(radiusChoice.name);  /* a radius around nothing */
    var url = location.pathname + (params.toString() ? "?" + params.toString() : "");
    if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function fromUrl() {
    var params = new URLSearchParams(location.search);
    queryInput.value = params.get("q") || "";
    placeInput.value = params.get("ort") || "";
    if (params.get("punkt")) placeInput.setAttribute("data-punkt", params.get("punkt"));
    else placeInput.removeAttribute("data-punkt");
    var radius = params.get(radiusChoice.name);
    radiusChoice.value = Array.from(radiusChoice.options).some(function (option) { return option.value === radius; })
      ? radius : Array.from(radiusChoice.options).filter(function (option) { return option.defaultSelected; })[0].value;
    form.querySelectorAll(".ww-facette input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      if (box.checked) box.closest("details.ww-facette").open = true;
    });
    if (form.querySelector(".ww-facette input[type=checkbox]:checked")) form.querySelector("details.ww-filter").open = true;
    openNow.checked = params.get(openNow.name) === openNow.value;
    shown = PAGE;
  }

  var typing = null;
  queryInput.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { shown = PAGE; toUrl(false); run(); }, 200);
  });
  placeInput.addEventListener("change", function () {
    placeInput.removeAttribute("data-punkt");
    shown = PAGE; toUrl(true); run();
  });
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") { shown = PAGE; toUrl(true); run(); }
  });
  radiusChoice.addEventListener("change", function () { shown = PAGE; toUrl(true); run(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    placeInput.removeAttribute("data-punkt");
    shown = PAGE; toUrl(true); run();
  });
  moreButton.addEventListener("click", function () { shown += PAGE; run(); });
  var locate = root.querySelector(".ww-standort");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        placeInput.value = "";
        placeInput.setAttribute("data-punkt",
          position.coords.latitude.toFixed(3) + "," + position.coords.longitude.toFixed(3));
        shown = PAGE; toUrl(true); run();
      }, function () {
        placeNote.textContent = MESSAGES.noLocation;
      });
    });
  }
  window.addEventListener("popstate", function () { fromUrl(); run(); });

  load("manifest.json").then(function (data) {
    if (data.version !== FORMAT_VERSION) {
      /* A page from before an update meets the new index, or the other way round. */
      statusLine.textContent = MESSAGES.updating;
      return null;
    }
    manifest = data;
    matcher = window.wegweiserSuchwoerter.create(manifest, load);
    decode = matcher.decode;  /* the index's id lists, and sets of ids as flags */
    flags = matcher.flags;
    noResults = window.wegweiserKeineTreffer.create(root, matcher, function (text) {
      queryInput.value = text;
      shown = PAGE; toUrl(true); return run();
    });
    manifest.facets.forEach(function (facet) {
      facet.values.forEach(function (value) { facetSets[facet.key + "=" + value[0]] = flags(decode(value[2])); });
    });
    fromUrl();
    root.classList.add("ww-suche--bereit");
    window.wegweiserSuche = { run: run, fold: fold, stem: matcher.stem };  /* for the tests against search_words.py */
    /* Arriving with a search from another page (start page, header), the visitor wants the
       answer: focus goes to the number found (screen readers read it), the next Tab to the
       first result; to a place we do not know, focus goes to that field and its note. */
    var arrived = /[?&](q|ort|punkt)=[^&]/.test(location.search);
    return run().then(function () {
      if (!arrived) return;
      var target = placeNote.textContent ? placeInput : statusLine;
      if (target === statusLine) statusLine.setAttribute("tabindex", "-1");
      target.focus();
      /* The count at the top of the screen, the first result under it, even on a phone. */
      if (target === statusLine) statusLine.scrollIntoView({ block: "start" });
    });
  });
})();

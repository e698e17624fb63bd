/* Wegweiser search: a German-aware index loaded in small pieces, facet filters with
 * counts, "near a place", and the whole state in the URL (bookmark, send, back button).
 * The index format is described in generator/render/search_files.py. */
(function () {
  "use strict";
  var root = document.querySelector("[data-suche-index]");
  if (!root) return;
  var base = root.getAttribute("data-suche-index");
  var offeringLink = root.getAttribute("data-angebot");  /* with {id} for the offering's id */
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
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
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
      var found = exact[0] || words[0];
      if (found) return { name: found[0], point: [found[1], found[2]] };
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
    if (here) return Promise.resolve({ own: true, point: here.split(",").map(Number) });
    return findPlace(placeInput.value);
  }

  function render(order, distances, total, partial, place, run, ignored, more) {
    var ids = order.slice(0, shown);
    var files = {};
    ids.forEach(function (id) { files[Math.floor(id / manifest.perFile)] = true; });
    return Promise.all(Object.keys(files).map(function (n) {
      return load("d-" + n + ".json").then(function (docs) { return [Number(n), docs]; });
    })).then(function (loaded) {
      if (run !== lastRun) return;  // a newer search has started meanwhile
      var byFile = {};
      loaded.forEach(function (pair) { byFile[pair[0]] = pair[1]; });
      resultList.textContent = "";
      ids.forEach(function (id) {
        var doc = byFile[Math.floor(id / manifest.perFile)][id % manifest.perFile];
        var item = document.createElement("li");
        item.className = "ww-eintrag";
        var link = document.createElement("a");
        link.className = "ww-eintrag__name";
        link.href = offeringLink.replace("{id}", encodeURIComponent(doc[1]));
        link.textContent = doc[0];
        if (doc[5]) link.lang = doc[5];  /* a German name on the Czech or English site */
        item.appendChild(link);
        if (doc[4]) {
          var badge = document.createElement("strong");
          badge.className = "ww-status";
          badge.textContent = doc[4];
          item.appendChild(document.createTextNode(" "));
          item.appendChild(badge);
        }
        var details = document.createElement("span");
        details.className = "ww-eintrag__details";
        var distance = distances && distances[id] !== undefined && distances[id] < Infinity
          ? " · " + shownDistance(distances[id]).toLocaleString(document.documentElement.lang) + " km"
          : "";
        var organisation = document.createElement("span");
        organisation.textContent = doc[2];
        if (doc[6]) organisation.lang = doc[6];
        details.appendChild(organisation);
        details.appendChild(document.createTextNode((doc[3] ? " · " + doc[3] : "") + distance));
        item.appendChild(details);
        if (window.wegweiserMerkliste) item.appendChild(window.wegweiserMerkliste.button(doc[1]));
        resultList.appendChild(item);
      });
      var words = counted("found", total - more);
      if (place && place.point) words += place.own ? MESSAGES.byLocation : say("byPlace", { place: place.name });
      if (more) words += counted("alsoPartial", more);
      if (partial) words += MESSAGES.partial;
      if (ignored) words += MESSAGES.ignored;
      statusLine.textContent = words + ".";
      moreButton.hidden = total <= shown;
    });
  }

  function shownDistance(km) {
    return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  }

  function run() {
    var run = ++lastRun;
    var chosen = selected();
    return Promise.all([matcher.textMatches(queryInput.value), currentPoint()]).then(function (results) {
      if (run !== lastRun) return;
      var text = results[0], place = results[1], ignored = false;
      if (text && text.ignored) { ignored = true; text = null; }
      var textSet = text ? (place && place.point && text.complete) || flags(text.ids)
        : new Uint8Array(manifest.docs).fill(1);  /* by distance: only the offerings with every word */
      updateCounts(textSet, chosen);
      var pass = facetFilter(chosen, null);
      var order = [];
      for (var i = 0; i < manifest.docs; i++) if (textSet[i] && pass[i]) order.push(i);
      showMissingPlace(place && place.missing ? place : null);
      var sorting = Promise.resolve(null);
      if (place && place.point) {
        sorting = load("k.json").then(function (coordinates) {
          var distances = {};
          order.forEach(function (id) {
            distances[id] = coordinates[id].reduce(function (best, c) {
              return Math.min(best, distanceKm(place.point, c));
            }, Infinity);
          });
          /* Nearest first, by the distance as shown (tenths of a kilometre below 10 km,
             whole ones beyond): where two are shown as equally far, often in one town, the
             better match for the words comes first. */
          order.sort(function (a, b) {
            return shownDistance(distances[a]) - shownDistance(distances[b])
              || (text ? (text.scores[b] || 0) - (text.scores[a] || 0) : 0) || a - b;
          });
          return distances;
        });
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
    var url = location.pathname + (params.toString() ? "?" + params.toString() : "");
    if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function fromUrl() {
    var params = new URLSearchParams(location.search);
    queryInput.value = params.get("q") || "";
    placeInput.value = params.get("ort") || "";
    if (params.get("punkt")) placeInput.setAttribute("data-punkt", params.get("punkt"));
    else placeInput.removeAttribute("data-punkt");
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      if (box.checked) box.closest("details.ww-facette").open = true;
    });
    if (form.querySelector("input[type=checkbox]:checked")) form.querySelector("details.ww-filter").open = true;
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
    });
  });
})();

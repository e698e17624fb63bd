/* Wegweiser search: a German-aware index loaded in small pieces, facet filters with
 * counts, results sorted by relevance or near a place (naehe.js), and the whole state in
 * the URL (bookmark, send, back button).
 * The index format is described in generator/render/search_files.py. */
(function () {
  "use strict";
  var root = document.querySelector("[data-suche-index]");
  if (!root) return;
  var base = root.getAttribute("data-suche-index");
  var FORMAT_VERSION = 4;  /* FORMAT_VERSION in generator/render/search_files.py */
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
  /* The newest search: a search overtaken by a newer one (typing goes on) resolves when the
     newer one is shown, so whoever waits for run() always sees the results on screen. */
  var latest = null;

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
  var near = null;  /* the place, its distances and the radius: naehe.js */
  var radiusChoice = form.querySelector("[name=umkreis]");
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

  function render(order, distances, total, partial, place, run, ignored, more) {
    var ids = order.slice(0, shown);
    var files = {};
    ids.forEach(function (id) { files[Math.floor(id / manifest.perFile)] = true; });
    return Promise.all(Object.keys(files).map(function (n) {
      return load("d-" + n + ".json").then(function (docs) { return [Number(n), docs]; });
    }).concat([load("f.json")])).then(function (loaded) {
      if (run !== lastRun) return latest;  // a newer search has started meanwhile
      var holidays = loaded.pop();
      var byFile = {};
      loaded.forEach(function (pair) { byFile[pair[0]] = pair[1]; });
      resultList.textContent = "";
      ids.forEach(function (id) {
        var doc = byFile[Math.floor(id / manifest.perFile)][id % manifest.perFile];
        var distance = near.whereText(id, place);
        resultList.appendChild(results.item(doc, holidays, distance));
      });
      var words = counted("found", total - more);
      words += near.nearWords(place);
      if (more) words += counted("alsoPartial", more);
      if (partial) words += MESSAGES.partial;
      if (ignored) words += MESSAGES.ignored;
      statusLine.textContent = words + ".";
      moreButton.hidden = total <= shown;
      return noResults.show(total ? null : queryInput.value);
    });
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
    latest = showRun(run);
    return latest;
  }

  function showRun(run) {
    var chosen = selected();
    return Promise.all([matcher.textMatches(queryInput.value), near.current(), openNowSet()]).then(function (results) {
      if (run !== lastRun) return latest;
      var text = results[0], place = results[1], ignored = false;
      if (text && text.ignored) { ignored = true; text = null; }
      var textSet = text ? flags(text.ids) : new Uint8Array(manifest.docs).fill(1);
      /* The radius is one more filter (the counts beside the filters obey it too); what
         matches farther away is offered by near.showFarther, not hidden. */
      var radius = near.radius(place), matching = textSet;
      if (radius < Infinity) textSet = textSet.map(function (hit, id) { return hit && near.isNear(place, id, radius) ? 1 : 0; });
      updateCounts(textSet, chosen);
      var pass = facetFilter(chosen, null);
      var order = [];
      for (var i = 0; i < manifest.docs; i++) if (textSet[i] && pass[i]) order.push(i);
      near.showMissing(place && place.missing ? place : null);
      /* Farther away counts only offerings with every word, like the results it would add. */
      near.showFarther(text && text.complete ? text.complete : matching, pass, place, manifest.docs);
      var sorting = Promise.resolve(null);
      if (place && place.point) {
        var distances = place.distances, complete = text && text.complete;
        var score = function (id) { return text ? text.scores[id] || 0 : 0; };
        order.sort(radius < Infinity
          /* Within the radius every offering is near enough: the better match for the words
             first (those with every word before the others), of equal ones the nearer. */
          ? function (a, b) { return score(b) - score(a) || near.nearer(distances[a], distances[b]) || a - b; }
          /* In the whole region nearest first (those with every word before the others), by
             the distance as shown (tenths of a kilometre below 10 km, whole ones beyond):
             where two are shown as equally far, often in one town, the better match first. */
          : function (a, b) {
            return (complete ? complete[b] - complete[a] : 0)
              || near.nearer(near.shownDistance(distances[a]), near.shownDistance(distances[b])) || score(b) - score(a)
              || a - b;
          });
        sorting = Promise.resolve(distances);
      } else if (text) {
        order.sort(function (a, b) { return text.scores[b] - text.scores[a] || a - b; });
      }
      return sorting.then(function (distances) {
        if (run !== lastRun) return latest;
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
    near = window.wegweiserNaehe.create(root, load, decode, say, counted, function () {
      shown = PAGE; toUrl(true); return run();
    });
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

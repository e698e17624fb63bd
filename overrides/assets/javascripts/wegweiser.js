/* Wegweiser: load a map only after the visitor asked for it.
 * Until then the page makes no request to the tile server. The choice is remembered
 * for this browser tab only (sessionStorage), never in a cookie. */
(function () {
  "use strict";
  var KEY = "wegweiser-karten-erlaubt";

  function allowed() {
    try { return window.sessionStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function remember() {
    try { window.sessionStorage.setItem(KEY, "1"); } catch (e) { /* private mode: ask again */ }
  }

  /* The map's sandbox leaves its document no origin to read the site's files with
     (karte.js): the page reads the map's markers and hands their text over when the map
     asks, only to this frame. The file is published, so "*" gives nothing away; a frame
     without an origin of its own cannot be named as a target.
     When the file cannot be read (offline, not found, a server's error page), the page
     answers that there are none and says so in the note before the map; the same when the
     map could not use what it was given. The list beside the map has every offering. */
  function handOver(frame, file, failed) {
    var markers = fetch(file).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).catch(function () {
      failed();
      return null;
    });
    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || !event.data) return;
      if (event.data.wegweiser === "markierungen-unbrauchbar") failed();
      if (event.data.wegweiser !== "markierungen?") return;
      markers.then(function (json) {
        frame.contentWindow.postMessage(
          json === null ? { wegweiser: "markierungen-fehlen" } : { wegweiser: "markierungen", json: json }, "*");
      });
    });
  }

  function load(box) {
    var frame = document.createElement("iframe");
    frame.src = box.getAttribute("data-karte");
    frame.title = box.getAttribute("data-karte-titel");
    frame.className = "ww-karte__rahmen";
    // The map runs in its own sandbox: scripts yes, but no access to this page.
    frame.setAttribute("sandbox", "allow-scripts allow-popups allow-top-navigation-by-user-activation");
    frame.setAttribute("referrerpolicy", "no-referrer");
    // Focus goes to this note, not to the frame: from a focused frame element the next Tab
    // leaves the map, from the element before it the next Tab enters it. A status, so that
    // a screen reader also reads it out when it changes to say the markers are missing.
    var note = document.createElement("p");
    note.className = "ww-karte__geladen";
    note.tabIndex = -1;
    note.setAttribute("role", "status");
    note.textContent = box.getAttribute("data-karte-geladen");
    var missing = box.getAttribute("data-karte-fehlt");
    handOver(frame, box.getAttribute("data-karte-markierungen"), function () {
      if (missing) note.textContent = missing;  /* a page from before this sentence keeps its note */
    });
    box.replaceWith(note, frame);
    return note;
  }

  document.querySelectorAll("[data-karte]").forEach(function (box) {
    if (allowed()) {
      load(box);
      return;
    }
    var button = box.querySelector(".ww-karte__laden");
    button.setAttribute("role", "button");
    function open(event) {
      event.preventDefault();
      remember();
      load(box).focus();  // keyboard users continue into the map, not at the top of the page
    }
    button.addEventListener("click", open);
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") open(event);  // a button opens with Space as well as Enter
    });
  });
})();

/* Wegweiser: Material's menu button is a label for a hidden checkbox, which the keyboard
 * cannot reach. Make it a button: focusable, named, saying whether the menu is open, opened
 * with Enter (Material clicks a focused label on Enter) or Space, closed with Escape. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!drawer || !button) return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-labelledby", "ww-menue-name");
  function show() { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }
  drawer.addEventListener("change", function () {
    show();
    if (drawer.checked && document.activeElement === button) {
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) window.setTimeout(function () { first.focus(); }, 0);  // once the drawer is visible
    }
  });
  button.addEventListener("keydown", function (event) {
    if (event.key !== " ") return;
    event.preventDefault();
    drawer.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer.checked) return;
    drawer.click();
    button.focus();
  });
  show();
})();

/* Wegweiser on paper (druck.css): the footer of every printed page names the site, the
 * page's address and the day it was printed; the search page's print-out says what was
 * searched. Filled in when the page loads and again just before printing, when the
 * Merkliste or the search may have changed. */
(function () {
  "use strict";
  var data = document.getElementById("ww-druck");
  if (!data) return;
  var TEXTS = JSON.parse(data.getAttribute("data-texte"));

  /* The page's whole address (with site_url its public one), and what makes it this
     page: the search's words and filters, the Merkliste's offerings (its shared link). */
  function address() {
    var own = data.getAttribute("data-adresse") || location.href.split(/[?#]/)[0];
    var shared = document.querySelector(".ww-merkliste__link");
    var list = shared && shared.value.indexOf("#") >= 0 ? shared.value.slice(shared.value.indexOf("#")) : "";
    var whole = own + location.search + list;
    try { return decodeURI(whole); } catch (e) { return whole; }  /* "Stollberg", not "St%C3%B6..." */
  }

  function cssString(text) {
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\n\r\f]/g, "\\A ") + '"';
  }

  function today() {
    return new Date().toLocaleDateString(TEXTS.locale, { day: "numeric", month: "long", year: "numeric",
                                                           timeZone: TEXTS.zone });
  }

  /* "„Sucht“ · in der Nähe von Aue · Thema: Sucht": the words, the place and the chosen
     filters, as the form holds them. */
  function searched(line) {
    var form = document.querySelector(".ww-suchformular");
    if (!form) return;
    var says = JSON.parse(line.getAttribute("data-texte"));
    var parts = [];
    var words = form.querySelector("[name=q]");
    if (words && words.value.trim()) parts.push(says.words.replace("%(words)s", words.value.trim()));
    var place = form.querySelector("[name=ort]");
    if (place && place.value.trim()) parts.push(says.near.replace("%(place)s", place.value.trim()));
    form.querySelectorAll(".ww-jetzt-offen input:checked").forEach(function (box) {
      parts.push(box.closest("label").textContent.trim());
    });
    form.querySelectorAll(".ww-facette").forEach(function (facet) {
      var chosen = Array.prototype.map.call(facet.querySelectorAll("input:checked"), function (box) {
        return box.closest("label").textContent.trim();
      });
      if (chosen.length) parts.push(facet.querySelector("summary").textContent.trim() + ": " + chosen.join(", "));
    });
    line.textContent = says.searched + " " + (parts.length ? parts.join(" · ") : says.all);
  }

  function fill() {
    var root = document.documentElement.style;
    root.setProperty("--ww-druck-fuss", cssString(data.getAttribute("data-name") + " · "
                                                   + TEXTS.printed.replace("%(date)s", today()) + "\n" + address()));
    document.querySelectorAll(".ww-suchanfrage").forEach(searched);
  }

  fill();
  window.addEventListener("beforeprint", fill);
})();

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

  function load(box) {
    var frame = document.createElement("iframe");
    frame.src = box.getAttribute("data-karte");
    frame.title = box.getAttribute("data-karte-titel");
    frame.className = "ww-karte__rahmen";
    // The map runs in its own sandbox: scripts yes, but no access to this page.
    frame.setAttribute("sandbox", "allow-scripts allow-popups allow-top-navigation-by-user-activation");
    frame.setAttribute("referrerpolicy", "no-referrer");
    // Focus goes to this note, not to the frame: from a focused frame element the next Tab
    // leaves the map, from the element before it the next Tab enters it.
    var note = document.createElement("p");
    note.className = "ww-karte__geladen";
    note.tabIndex = -1;
    note.textContent = box.getAttribute("data-karte-geladen");
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

/* Wegweiser: the Merkliste. Offerings a visitor (often an advisor for a client) wants to
 * keep: collected with one tap on an offering page or a search result, kept in this
 * browser only (localStorage: no account, no server, nothing sent anywhere), shown side by
 * side on the Merkliste page, shared as a link whose #fragment holds the ids (a fragment
 * never reaches a server), printed and emptied there. */
(function () {
  "use strict";
  var KEY = "wegweiser-merkliste";
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;  // an offering id (the schema's pattern)
  var textsNode = document.getElementById("ww-merkliste-texte");
  if (!textsNode) return;
  var TEXTS = JSON.parse(textsNode.getAttribute("data-texte"));
  var announcer = document.getElementById("ww-merkliste-meldung");

  function valid(ids) {
    var seen = {};
    return ids.filter(function (id) {
      if (typeof id !== "string" || !ID.test(id) || seen[id]) return false;
      seen[id] = true;
      return true;
    }).slice(0, 100);
  }

  function saved() {
    try { return valid(JSON.parse(window.localStorage.getItem(KEY) || "[]")); } catch (e) { return []; }
  }

  function save(ids) {
    try { window.localStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* private mode: this page only */ }
    showCount();
  }

  function say(text) {
    if (!announcer) return;
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);  // read again if the same
  }

  function showCount() {
    var count = saved().length;
    document.querySelectorAll(".ww-merkliste-zahl").forEach(function (node) {
      node.textContent = count ? "(" + count + ")" : "";
    });
  }

  function label(button, on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.querySelector(".ww-merken__text").textContent = on ? TEXTS.remembered : TEXTS.remember;
  }

  function toggle(button) {
    var id = button.getAttribute("data-angebot");
    var ids = saved();
    var at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1); else ids.push(id);
    save(ids);
    label(button, at < 0);
    say((at < 0 ? TEXTS.added : TEXTS.removed).replace("%(num)s", String(ids.length)));
  }

  /* A "Merken" button for one offering: on its page, and in every search result. */
  function button(id) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "md-button ww-merken";
    node.setAttribute("data-angebot", id);
    var text = document.createElement("span");
    text.className = "ww-merken__text";
    node.appendChild(text);
    label(node, saved().indexOf(id) >= 0);
    node.addEventListener("click", function () { toggle(node); });
    return node;
  }

  document.querySelectorAll("[data-merken]").forEach(function (place) {
    place.replaceWith(button(place.getAttribute("data-merken")));
  });
  window.wegweiserMerkliste = { button: button, saved: saved };
  showCount();
  window.addEventListener("storage", function (event) { if (event.key === KEY) showCount(); });

  /* Passing a page on: the phone's own way of sharing where the browser has one, else the
     address copied; and printing. On offering pages and the Merkliste page. */
  function share(link) {
    if (navigator.share) {
      navigator.share({ title: document.title, url: link }).catch(function () { /* cancelled */ });
      return;
    }
    var copied = navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject();
    copied.then(function () { say(TEXTS.copied); }, function () { say(TEXTS.copyYourself); });
  }
  document.querySelectorAll(".ww-teilen").forEach(function (node) {
    node.addEventListener("click", function () { share(location.href.split("#")[0]); });
  });
  document.querySelectorAll(".ww-drucken").forEach(function (node) {
    node.addEventListener("click", function () { window.print(); });
  });

  /* The Merkliste page. */
  var page = document.querySelector(".ww-merkliste");
  if (!page) return;
  var offeringLink = page.getAttribute("data-angebot");
  var cards = page.querySelector(".ww-merkliste__angebote");
  var status = page.querySelector(".ww-merkliste__status");
  var shareField = page.querySelector(".ww-merkliste__link");

  function shared() {
    var match = /(?:^#|&)a=([^&]*)/.exec(location.hash);
    return match ? valid(decodeURIComponent(match[1]).split(",")) : null;
  }

  function linkFor(ids) {
    return location.href.split("#")[0] + "#a=" + ids.join(",");
  }

  /* An offering's own page holds everything an advisor compares and hands over; the card
     is that page's content, its links made to work from here. */
  function card(id) {
    var address = new URL(offeringLink.replace("{id}", encodeURIComponent(id)), location.href);
    return fetch(address, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      var found = new DOMParser().parseFromString(html, "text/html").querySelector(".ww-angebot");
      if (!found) throw new Error("no offering");
      found.querySelectorAll(".ww-aktionen, .ww-karte, .ww-melden, .ww-quellen, [data-merken]")
        .forEach(function (node) { node.remove(); });
      found.querySelectorAll("a[href]").forEach(function (link) {
        link.href = new URL(link.getAttribute("href"), address).href;
      });
      found.querySelectorAll("h2").forEach(function (h) {  // one level down: the card's title is h2
        var smaller = document.createElement("h3");
        smaller.innerHTML = h.innerHTML;
        smaller.className = h.className;
        if (h.id) smaller.id = id + "-" + h.id;  // ids stay unique with several cards
        h.replaceWith(smaller);
      });
      found.querySelectorAll("[aria-labelledby]").forEach(function (node) {
        node.setAttribute("aria-labelledby", id + "-" + node.getAttribute("aria-labelledby"));
      });
      var heading = document.createElement("h2");
      var title = document.createElement("a");
      title.href = address.href;
      title.textContent = found.querySelector("h1").textContent;
      heading.appendChild(title);
      found.querySelector("h1").replaceWith(heading);
      var item = document.createElement("li");
      item.className = "ww-merkliste__angebot";
      item.appendChild(found);
      item.appendChild(button(id));
      return item;
    }).catch(function () {
      var item = document.createElement("li");
      item.className = "ww-merkliste__angebot";
      var gone = document.createElement("p");
      gone.textContent = TEXTS.gone;
      item.appendChild(gone);
      return item;
    });
  }

  function show() {
    var fromLink = shared();
    var ids = fromLink || saved();
    page.classList.toggle("ww-merkliste--geteilt", !!fromLink);
    if (shareField) shareField.value = linkFor(ids);
    status.textContent = ids.length ? TEXTS.count.replace("%(num)s", String(ids.length)) : TEXTS.empty;
    page.classList.toggle("ww-merkliste--leer", !ids.length);
    return Promise.all(ids.map(card)).then(function (items) {
      cards.textContent = "";
      items.forEach(function (item) { cards.appendChild(item); });
    });
  }

  page.querySelector(".ww-merkliste__uebernehmen").addEventListener("click", function () {
    var mine = saved();
    (shared() || []).forEach(function (id) { if (mine.indexOf(id) < 0) mine.push(id); });
    save(mine);
    history.replaceState(null, "", location.pathname + location.search);
    say(TEXTS.taken);
    show();
  });
  page.querySelector(".ww-merkliste__teilen").addEventListener("click", function () {
    shareField.select();
    share(shareField.value);
  });
  page.querySelector(".ww-merkliste__leeren").addEventListener("click", function () {
    save([]);
    say(TEXTS.emptied);
    show();
  });
  window.addEventListener("hashchange", show);
  show();
})();

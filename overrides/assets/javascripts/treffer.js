/* Wegweiser search: one result as a list item that an advisor can compare with the next
 * without opening either: name, provider, towns and distance, whether it is open now or
 * when it opens, the phone as a link, the address, e-mail and web address, cost, way in,
 * languages and accessibility (each with an icon and its words, never an icon alone);
 * on paper the week's hours and the day of the last check instead of "open now".
 * The row format is described in generator/render/search_rows.py; suche.js decides which
 * results to show. */
(function () {
  "use strict";

  function create(root, messages) {
    var symbols = root.querySelector("#ww-symbole");
    var openingTexts = JSON.parse(root.getAttribute("data-sprechzeiten-texte"));
    var hours = window.wegweiserSprechzeiten;

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    function symbol(name) {
      var found = symbols && symbols.content.querySelector("[data-symbol=" + name + "]");
      return found ? found.cloneNode(true) : document.createTextNode("");
    }

    function link(href, text) {
      var a = element("a", "", text);
      a.href = href;
      return a;
    }

    /* A line with its icon and a label ("Kosten: Kostenlos"): the label says what the
       words are to someone who cannot see the icon, or does not know it. */
    function line(list, className, icon, label, content) {
      var item = element("li", className);
      item.appendChild(symbol(icon));
      item.appendChild(element("span", "ww-eintrag__bezeichnung", label + ": "));
      item.appendChild(typeof content === "string" ? document.createTextNode(content) : content);
      list.appendChild(item);
    }

    /* "Jetzt geöffnet bis 16 Uhr." on the site's clock, as on the offering page. */
    function openingSentence(data, holidays) {
      var rules = { w: data[0], z: data[1], f: holidays[data[2]] || [] };
      return hours.sentence(hours.evaluate(rules, hours.clock(new Date(), openingTexts.zone)), openingTexts);
    }

    function isOpen(data, holidays) {
      var rules = { w: data[0], z: data[1], f: holidays[data[2]] || [] };
      return hours.evaluate(rules, hours.clock(new Date(), openingTexts.zone)).open;
    }

    function item(doc, holidays, where) {
      var details = doc[5];
      var entry = element("li", "ww-eintrag");
      var name = element("a", "ww-eintrag__name", doc[0]);
      name.href = root.getAttribute("data-angebot").replace("{id}", encodeURIComponent(doc[1]));
      if (doc[6]) name.lang = doc[6];  /* a German name on the Czech or English site */
      entry.appendChild(name);
      if (doc[4]) {
        entry.appendChild(document.createTextNode(" "));
        entry.appendChild(element("strong", "ww-status", doc[4]));
      }
      var about = element("span", "ww-eintrag__details");
      var organisation = element("span", "", doc[2]);
      if (doc[7]) organisation.lang = doc[7];
      about.appendChild(organisation);
      about.appendChild(document.createTextNode((doc[3] ? " · " + doc[3] : "") + (where || "")));
      entry.appendChild(about);

      /* Around the clock stays true on paper; "open now" and "opens at" are moments (screen only). */
      if (details.r) entry.appendChild(element("p", "ww-eintrag__zeiten", openingTexts.aroundTheClock));
      else if (details.h && hours) entry.appendChild(element("p", "ww-eintrag__zeiten ww-eintrag__jetzt", openingSentence(details.h, holidays)));

      var reach = element("ul", "ww-eintrag__kontakt");
      if (details.t) line(reach, "ww-eintrag__telefon", "telefon", messages.phone, link(details.t[1], details.t[0]));
      (details.a || []).forEach(function (address) {
        line(reach, "ww-eintrag__adresse", "adresse", messages.address, address);
      });
      if (details.m) line(reach, "ww-eintrag__mail", "mail", messages.email, link("mailto:" + details.m, details.m));
      if (details.u && /^https:\/\//.test(details.u)) line(reach, "ww-eintrag__web", "web", messages.web, link(details.u, details.u.replace(/^https:\/\//, "")));
      if (reach.firstChild) entry.appendChild(reach);

      var features = element("ul", "ww-eintrag__merkmale");
      if (details.k) line(features, "ww-eintrag__kosten", "kosten", messages.cost, details.k);
      if (details.g) line(features, "ww-eintrag__zugang", "zugang", messages.access, details.g.join("; "));
      if (details.s) line(features, "ww-eintrag__sprachen", "sprachen", messages.languages, details.s.join(", "));
      if (details.b) line(features, "ww-eintrag__barrierefrei", "barrierefrei", messages.accessibility, details.b.join(", "));
      /* For paper, where "open now" means nothing a day later: the week, the last check. */
      if (details.w) line(features, "ww-eintrag__woche ww-nur-im-druck", "zeiten", messages.hours, details.w.join("; "));
      if (features.firstChild) entry.appendChild(features);
      if (details.c) entry.appendChild(element("p", "ww-eintrag__geprueft ww-nur-im-druck",
                                                messages.checked.replace("%(day)s", details.c)));

      if (window.wegweiserMerkliste) entry.appendChild(window.wegweiserMerkliste.button(doc[1]));
      return entry;
    }

    return { item: item, isOpen: hours ? isOpen : function () { return false; } };
  }

  window.wegweiserTreffer = { create: create };
})();

/* Wegweiser: markers of one map document, built from JSON with DOM text nodes only.
 * Record values are never parsed as HTML here: names like "${alert(1)}" or
 * "</script><img onerror=...>" are shown literally. */
(function () {
  "use strict";
  var ASK = "markierungen?";  /* the messages between this frame and the page (wegweiser.js) */
  var GIVE = "markierungen";
  var NONE = "markierungen-fehlen";  /* the page could not read them */
  var UNUSABLE = "markierungen-unbrauchbar";  /* this frame could not use what it was given */

  /* The markers lie in a JSON file beside this document (maps.py). Framed in a page, the
     sandbox leaves this document no origin to read the site's files with: the page reads
     the file and hands its text over when asked; when it could not read it, it answers so
     (and tells the visitor itself). Opened on its own, the document reads the file, or
     calls ``missing`` when there is none to be had. */
  function markersThen(use, missing) {
    if (window.parent === window) {
      var file = document.querySelector('link[rel="alternate"][type="application/json"]');
      if (!file) {
        missing();
        return;
      }
      fetch(file.href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(use, missing);
      return;
    }
    var given = false;
    window.addEventListener("message", function (event) {
      /* Only from the page that holds this frame, on the site's own origin (location is
         the document's address even in the sandbox): no other window, neither a popup
         nor another site that frames this map, chooses what it shows. */
      if (given || event.source !== window.parent || event.origin !== location.origin) return;
      if (!event.data) return;
      if (event.data.wegweiser === NONE) given = true;  /* the page says so itself: no markers */
      if (event.data.wegweiser !== GIVE || typeof event.data.json !== "string") return;
      given = true;
      use(event.data.json);
    });
    window.parent.postMessage({ wegweiser: ASK }, "*");  /* the question tells nothing */
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  function icon(approximate) {
    return L.divIcon({
      className: "ww-markierung" + (approximate ? " ww-markierung--ungefaehr" : ""),
      iconSize: [18, 18],
      iconAnchor: [9, 9],
      popupAnchor: [0, -8]
    });
  }

  /* Called by the document's own script (folium's, maps.OfferingMarkers). Whatever goes
     wrong with the markers (no file, a server's error page, a file this script cannot
     read), the map stays without them and nothing is thrown: framed, the page says so in
     its note before the map; on its own, the map says it itself. */
  window.wegweiserMarkierungen = function (map) {
    function missing() {
      if (window.parent !== window) {
        window.parent.postMessage({ wegweiser: UNUSABLE }, "*");
        return;
      }
      var file = document.querySelector('link[rel="alternate"][type="application/json"]');
      if (file && file.getAttribute("data-fehlt")) say(map, file.getAttribute("data-fehlt"));
    }
    markersThen(function (json) {
      try {
        draw(map, JSON.parse(json));
      } catch (e) {
        missing();
      }
    }, missing);
  };

  /* A sentence in a box over the map, read out by screen readers (set after the box is there). */
  function say(map, sentence) {
    var box = L.control({ position: "topright" });
    var status = text("p", "", "ww-karte-status");
    status.setAttribute("role", "status");
    box.onAdd = function () {
      var outer = L.DomUtil.create("div", "ww-themenfilter ww-karte-fehlt leaflet-bar");
      outer.appendChild(status);
      return outer;
    };
    box.addTo(map);
    window.setTimeout(function () { status.textContent = sentence; }, 100);
  }

  function draw(map, data) {
    var said = data.meldungen;  /* in the page's language: maps.map_messages */
    var germanOrganisations = {};  /* on a Czech or English map: names only in German */
    data.traegerDeutsch.forEach(function (i) { germanOrganisations[i] = true; });

    function counted(n) {
      var form = n === 1 ? said.markers.one : (n >= 2 && n <= 4 ? said.markers.few : said.markers.many);
      return form.replace("%(num)s", String(n));
    }

    var exact = icon(false);
    var approximate = icon(true);

    function popup(row) {
      var box = document.createElement("div");
      box.className = "ww-popup";
      var heading = document.createElement("strong");
      var link = document.createElement("a");
      link.href = data.angebot.replace("{id}", encodeURIComponent(row[3]));
      link.target = "_top";
      link.textContent = row[2];
      if (row[9]) link.lang = "de";  /* a German name on the Czech or English map */
      heading.appendChild(link);
      box.appendChild(heading);
      var organisation = box.appendChild(text("div", data.traeger[row[4]]));
      if (germanOrganisations[row[4]]) organisation.lang = "de";
      box.appendChild(text("div", (row[5] ? row[5] + ", " : "") + data.orte[row[6]]));
      var topics = row[7].map(function (i) { return data.themen[i]; }).join(", ");
      if (topics) box.appendChild(text("div", topics, "ww-popup__themen"));
      if (row[8]) box.appendChild(text("div", said.approximate, "ww-popup__ungefaehr"));
      return box;
    }

    var markers = data.m.map(function (row) {
      var label = row[2] + ", " + data.orte[row[6]] + (row[8] ? said.approximateShort : "");
      var marker = L.marker([row[0], row[1]], {
        icon: row[8] ? approximate : exact,
        title: label,
        alt: label,
        keyboard: true,
        riseOnHover: true
      });
      marker.wegweiserThemen = row[7];
      marker.bindPopup(function () { return popup(row); });
      return marker;
    });

    var cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 45
    });
    cluster.addLayers(markers);
    cluster.addTo(map);

    data.quellen.forEach(function (source) {
      var span = document.createElement("span");
      span.textContent = source;
      map.attributionControl.addAttribution(span.innerHTML);
    });

    var status = text("p", "", "ww-karte-status");
    status.setAttribute("role", "status");

    function show(topic) {
      var chosen = topic === "" ? markers : markers.filter(function (m) {
        return m.wegweiserThemen.indexOf(Number(topic)) >= 0;
      });
      cluster.clearLayers();
      cluster.addLayers(chosen);
      status.textContent = counted(chosen.length);
      return chosen.length;
    }

    if (data.themen.length > 1) {
      var filter = L.control({ position: "topright" });
      filter.onAdd = function () {
        var box = L.DomUtil.create("div", "ww-themenfilter leaflet-bar");
        var label = text("label", said.topic);
        var select = document.createElement("select");
        select.appendChild(text("option", said.allTopics));
        select.options[0].value = "";
        data.themen
          .map(function (name, index) { return [name, index]; })
          .sort(function (a, b) { return a[0].localeCompare(b[0], "de"); })
          .forEach(function (pair) {
            var option = text("option", pair[0]);
            option.value = String(pair[1]);
            select.appendChild(option);
          });
        select.addEventListener("change", function () { show(select.value); });
        label.appendChild(select);
        box.appendChild(label);
        box.appendChild(status);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      };
      filter.addTo(map);
    }
    status.textContent = counted(markers.length);
    // For the page's tests and the benchmark: what is on the map.
    window.wegweiserKarte = {
      markers: markers.length,
      ids: data.m.map(function (row) { return row[3]; }),
      show: show
    };
  }
})();

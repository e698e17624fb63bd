/* Wegweiser: "Jetzt geöffnet bis 16 Uhr." or "Heute geschlossen (Feiertag). Öffnet am
 * Montag um 9 Uhr." A static page cannot know the hour it is read at; the build writes the
 * rules (generator/opening_hours.py: the week, the closures, the public holidays) into
 * data-sprechzeiten, and this script applies them to the site's clock (the zone comes with
 * the sentences in data-texte), wherever the visitor's own clock stands. Without
 * JavaScript the paragraph stays hidden; the table and the closures say it all. */
(function () {
  "use strict";
  var LOOK_AHEAD = 62;  /* days: an opening further off is not worth a sentence */
  var DAY = 1440;  /* minutes */

  /* The date (ISO) and the minute of the day on the clock of a time zone. */
  function clock(now, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(now).forEach(function (part) { parts[part.type] = part.value; });
    return { day: parts.year + "-" + parts.month + "-" + parts.day,
             minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
  }

  function shift(day, days) {
    var date = new Date(day + "T00:00:00Z");
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  function weekday(day) {  /* Monday = 1, as in the data */
    return (new Date(day + "T00:00:00Z").getUTCDay() + 6) % 7 + 1;
  }

  function minutes(time) {
    return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  }

  /* Why the offering is closed all day: "holiday", "closure", or "" (it keeps its hours). */
  function closedBecause(data, day) {
    if (data.f.indexOf(day) >= 0) return "holiday";
    var closed = data.z.some(function (range) {  /* ISO dates compare as text; "" is before all */
      return range[0] <= day && day <= range[1];
    });
    return closed ? "closure" : "";
  }

  function spans(data, day) {
    if (closedBecause(data, day)) return [];
    var number = weekday(day);
    return data.w.filter(function (span) { return span[0] === number; })
      .map(function (span) { return [minutes(span[1]), minutes(span[2])]; })
      .sort(function (a, b) { return a[0] - b[0]; });
  }

  /* Open until when: spans that meet (9-12 and 12-16, or one to midnight and the next from
     it) are one opening. ``offset`` counts the days after ``day``. */
  function openUntil(data, day, minute) {
    var offset = 0;
    for (var step = 0; step < 14; step++) {
      if (minute === DAY) { offset += 1; minute = 0; }
      var at = minute;
      var going = spans(data, shift(day, offset)).filter(function (span) { return span[0] <= at && at < span[1]; });
      if (!going.length) break;
      minute = Math.max.apply(null, going.map(function (span) { return span[1]; }));
    }
    if (minute === 0 && offset > 0) { offset -= 1; minute = DAY; }
    return { offset: offset, minute: minute };
  }

  /* What holds at a moment on the site's clock ({day, minute}): open (and until when,
     today), or closed (why, if all day) and when it opens next. */
  function evaluate(data, now) {
    var current = spans(data, now.day).filter(function (span) {
      return span[0] <= now.minute && now.minute < span[1];
    })[0];
    if (current) {
      var until = openUntil(data, now.day, current[1]);
      return { open: true, until: until.offset === 0 ? until.minute : null };
    }
    for (var offset = 0; offset <= LOOK_AHEAD; offset++) {
      var day = shift(now.day, offset);
      var next = spans(data, day).filter(function (span) { return offset > 0 || span[0] > now.minute; })[0];
      if (next) {
        return { open: false, reason: closedBecause(data, now.day), next: { offset: offset, day: day, minute: next[0] } };
      }
    }
    return { open: false, reason: closedBecause(data, now.day), next: null };
  }

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, name) { return String(values[name]); });
  }

  function time(minute, texts) {
    var rest = minute % 60;
    var hour = Math.floor(minute / 60);
    return rest ? fill(texts.hourMinute, { hour: hour, minute: (rest < 10 ? "0" : "") + rest })
      : fill(texts.hour, { hour: hour });
  }

  function date(day, locale) {
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" })
      .format(new Date(day + "T00:00:00Z"));
  }

  /* The sentences for a result of evaluate(), from the page's texts. */
  function sentence(result, texts) {
    if (result.open) {
      return result.until === null ? texts.openNow : fill(texts.open, { time: time(result.until, texts) });
    }
    var first = { holiday: texts.holiday, closure: texts.closedToday }[result.reason] || texts.closedNow;
    var next = result.next;
    if (!next) return first;
    var at = time(next.minute, texts);
    var then;
    if (next.offset === 0) then = fill(texts.opensToday, { time: at });
    else if (next.offset === 1) then = fill(texts.opensTomorrow, { time: at });
    else if (next.offset < 7) then = fill(texts.opensOn, { day: texts.days[weekday(next.day) - 1], time: at });
    else then = fill(texts.opensOn, { day: fill(texts.onDate, { date: date(next.day, texts.locale) }), time: at });
    return first + " " + then;
  }

  function show(node) {
    var data = JSON.parse(node.getAttribute("data-sprechzeiten"));
    var texts = JSON.parse(node.getAttribute("data-texte"));
    function update() {
      node.textContent = sentence(evaluate(data, clock(new Date(), texts.zone)), texts);
      node.hidden = false;
    }
    update();
    window.setInterval(update, 60 * 1000);  /* a page left open turns to "geschlossen" on time */
  }

  /* For the search results and the Merkliste, which show the same for many offerings. */
  window.wegweiserSprechzeiten = { clock: clock, evaluate: evaluate, sentence: sentence };
  document.querySelectorAll("[data-sprechzeiten]").forEach(show);
})();

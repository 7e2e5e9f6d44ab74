// Which country's crisis lines to show, from the browser's time zone. Every page works
// without this file: "Need help now" then shows the general numbers and a country chooser,
// and the welcome page keeps the country guessed from the browser's language.
(function () {
  "use strict";

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  // "Need help now" for someone not logged in: ask the server for the lines of the
  // country this time zone is in. The page marks itself only when nothing else is known,
  // and the answer carries ?tz=, so this happens at most once.
  function guessCrisisLines() {
    if (!document.querySelector("[data-guess-country]")) return;
    var zone = browserZone();
    if (!zone || !window.URLSearchParams) return;
    var params = new URLSearchParams(window.location.search);
    if (params.has("tz") || params.has("country") || params.has("region")) return;
    params.set("tz", zone);
    window.location.replace(window.location.pathname + "?" + params.toString() + window.location.hash);
  }

  function countryFor(select, zone) {
    for (var i = 0; i < select.options.length; i++) {
      var zones = (select.options[i].getAttribute("data-time-zones") || "").split(" ");
      if (zone && zones.indexOf(zone) !== -1) return select.options[i].value;
    }
    return null;
  }

  // The welcome page: choose the country of the time zone, until the person picks one.
  function fillCountry() {
    document.querySelectorAll("select[data-country-from-time-zone]").forEach(function (select) {
      var touched = false;
      select.addEventListener("change", function () { touched = true; });
      function follow(zone) {
        var country = countryFor(select, zone);
        if (!touched && country !== null) select.value = country;
      }
      follow(browserZone());
      var zoneSelect = select.form && select.form.querySelector("select[data-browser-time-zone]");
      if (zoneSelect) {
        zoneSelect.addEventListener("change", function () { follow(zoneSelect.value); });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    guessCrisisLines();
    fillCountry();
  });
})();

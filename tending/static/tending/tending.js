// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Pre-select the browser's own time zone on the welcome and settings forms,
  // unless the person already chose one.
  function fillTimeZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    document.querySelectorAll("select[data-browser-time-zone]").forEach(function (select) {
      if (select.value !== "UTC" || !zone) return;
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === zone) {
          select.value = zone;
          return;
        }
      }
    });
  }

  // Narrow a long list of people chips as the person types a name.
  function filterChips() {
    document.querySelectorAll("input[data-filter-chips]").forEach(function (input) {
      var target = document.getElementById(input.getAttribute("data-filter-chips"));
      if (!target) return;
      input.hidden = false;
      input.addEventListener("input", function () {
        var words = input.value.trim().toLowerCase();
        target.querySelectorAll("[data-name]").forEach(function (chip) {
          var match = !words || chip.getAttribute("data-name").indexOf(words) !== -1;
          var checked = chip.querySelector("input:checked");
          chip.hidden = !(match || checked);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillTimeZone();
    filterChips();
  });
})();

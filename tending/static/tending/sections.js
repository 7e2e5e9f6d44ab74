// A long form in parts (core/sections.html): as answers are given, each part's summary says
// how many of its questions hold one, so a closed part shows that what was typed is kept.
// The page works without this file; the server writes the same words when it shows the form.
(function () {
  "use strict";

  function answered(part) {
    var names = [];
    var given = {};
    part.querySelectorAll(".section-body [name]").forEach(function (field) {
      var name = field.name;
      if (names.indexOf(name) === -1) names.push(name);
      var checkable = field.type === "radio" || field.type === "checkbox";
      if ((!checkable || field.checked) && field.value.trim() !== "") given[name] = true;
    });
    return [Object.keys(given).length, names.length];
  }

  function show(part) {
    var status = part.querySelector(".section-status");
    if (!status || part.classList.contains("has-error")) return;
    var counts = answered(part);
    status.textContent = "";
    if (!counts[0]) return;
    var gap = document.createElement("span");
    gap.className = "visually-hidden";
    gap.textContent = ": ";
    status.appendChild(gap);
    status.appendChild(document.createTextNode(counts[0] + " of " + counts[1] + " answered"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("details.form-section").forEach(function (part) {
      part.addEventListener("change", function () { show(part); });
      part.addEventListener("input", function () { show(part); });
    });
  });
})();

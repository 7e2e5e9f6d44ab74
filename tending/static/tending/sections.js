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

  // "{answered} of {total} answered", as the page's language says it (base.html's <body>).
  function saying(given, total) {
    var words = (document.body && document.body.getAttribute("data-word-answered")) ||
      "{answered} of {total} answered";
    return words.replace("{answered}", given).replace("{total}", total);
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
    status.appendChild(document.createTextNode(saying(counts[0], counts[1])));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("details.form-section").forEach(function (part) {
      part.addEventListener("change", function () { show(part); });
      part.addEventListener("input", function () { show(part); });
    });
  });
})();

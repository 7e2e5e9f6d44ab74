// Settings → Your data: a form that may take a few seconds says it is working.
(function () {
  "use strict";

  // The words come from the page, in its language (exchange/_working.html).
  var script = document.currentScript;
  function word(name, english) {
    return (script && script.getAttribute("data-word-" + name)) || english;
  }
  var WORKING = word("working", "Working…");
  var BUSY = word("busy", "Working");

  function note(form) {
    var section = form.closest("section");
    return section ? section.querySelector(".working-note") : null;
  }

  // An indeterminate bar: it says "still working", never a share of the work it cannot know.
  function say(form, words, busy) {
    var place = note(form);
    if (!place || !words) return;
    place.textContent = words;
    if (busy) {
      var bar = document.createElement("progress");
      bar.setAttribute("aria-label", BUSY);
      place.appendChild(document.createTextNode(" "));
      place.appendChild(bar);
    }
    place.hidden = false;
  }

  function working(form, button) {
    form.setAttribute("aria-busy", "true");
    if (button) {
      button.setAttribute("data-label", button.textContent);
      button.textContent = WORKING;
      button.classList.add("working");
      // Disabled only after the browser has read the form, so the button's value is sent.
      window.setTimeout(function () { button.disabled = true; }, 0);
    }
    say(form, form.getAttribute("data-working"), true);
  }

  function ready(form, button) {
    form.removeAttribute("aria-busy");
    if (button && button.hasAttribute("data-label")) {
      button.textContent = button.getAttribute("data-label");
      button.classList.remove("working");
      button.disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-working]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var button = event.submitter || form.querySelector("button[type=submit]");
        working(form, button);
        var started = form.getAttribute("data-started");
        if (started) {
          // A download leaves this page where it is: the browser takes over once it begins.
          window.setTimeout(function () {
            ready(form, button);
            say(form, started, false);
          }, 2500);
        }
      });
    });
    // Coming back with the browser's back button shows the page as it was left: ready again.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      document.querySelectorAll("form[aria-busy]").forEach(function (form) {
        ready(form, form.querySelector("button.working"));
      });
    });
  });
})();

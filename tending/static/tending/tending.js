// Small progressive enhancements; every page works without this file.

// A word the page gives in its own language (base.html's <body data-word-…>); else English.
function tendingWord(name, english) {
  var body = document.body;
  var word = body && body.getAttribute("data-word-" + name);
  return word || english;
}

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

// Check-ins: on a phone, one question at a time; answers are kept as they are ticked.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function autosave(form) {
    var url = form.getAttribute("data-autosave");
    if (!url || !window.fetch) return;
    form.addEventListener("change", function () {
      fetch(url, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-CSRFToken": csrfToken(form) },
        credentials: "same-origin",
      }).catch(function () {});
    });
  }

  function oneAtATime(form) {
    if (!window.matchMedia || !window.matchMedia("(max-width: 40rem)").matches) return;
    var questions = Array.prototype.slice.call(form.querySelectorAll(".question"));
    if (questions.length < 2) return;
    // Start at the first question with an error, else the first unanswered one.
    var start = questions.findIndex(function (q) { return q.classList.contains("has-error"); });
    if (start < 0) start = questions.findIndex(function (q) { return !q.querySelector("input:checked"); });
    if (start < 0) start = 0;
    var index = start;
    var nav = document.createElement("div");
    nav.className = "step-nav";
    var back = document.createElement("button");
    back.type = "button";
    back.className = "secondary small";
    back.textContent = tendingWord("back", "Back");
    var next = document.createElement("button");
    next.type = "button";
    next.className = "small";
    next.textContent = tendingWord("next", "Next");
    nav.appendChild(back);
    nav.appendChild(next);
    var actions = form.querySelector(".sticky-actions");
    var finish = actions.querySelector("button[name=finish]");
    form.insertBefore(nav, actions);
    form.classList.add("one-at-a-time");

    function show(i, focus) {
      index = Math.max(0, Math.min(i, questions.length - 1));
      questions.forEach(function (q, n) { q.classList.toggle("current", n === index); });
      back.hidden = index === 0;
      next.hidden = index === questions.length - 1;
      // "Finish later" stays at hand; "See my result" waits for the last question.
      finish.hidden = index !== questions.length - 1;
      if (focus) {
        var target = questions[index].querySelector("input:checked") || questions[index].querySelector("input");
        if (target) target.focus();
      }
    }
    back.addEventListener("click", function () { show(index - 1, true); });
    next.addEventListener("click", function () { show(index + 1, true); });
    // A tap on an answer moves on; with the keyboard, arrows only change the answer.
    var tapped = false;
    form.addEventListener("pointerdown", function () { tapped = true; });
    form.addEventListener("keydown", function (event) {
      tapped = false;
      // Enter on an answer goes to the next question rather than sending a half-done form.
      if (event.key === "Enter" && event.target.type === "radio" && index < questions.length - 1) {
        event.preventDefault();
        show(index + 1, true);
      }
    });
    questions.forEach(function (q, n) {
      q.addEventListener("change", function () {
        if (tapped && n === index && n < questions.length - 1) {
          // Move focus along too, so a screen reader hears the next question.
          window.setTimeout(function () { show(n + 1, true); }, 180);
        }
      });
    });
    show(start, false);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-one-at-a-time]").forEach(function (form) {
      oneAtATime(form);
      autosave(form);
    });
  });
})();

// A copy button for a link that is shown only once.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        button.textContent = tendingWord("copied", "Copied");
      });
    });
  });
});

// The phone's "More" menu closes with Escape (focus back on "More") or a tap elsewhere.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("details.nav-more").forEach(function (menu) {
    var summary = menu.querySelector("summary");
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        summary.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });
});

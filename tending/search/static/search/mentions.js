// Names offered after an @ as a person types in a journal entry or a moment's note.
// What follows the @ is posted (never put in an address); only the person's own people come
// back. Without this file the text field works the same, just without suggestions.
(function () {
  "use strict";

  var script = document.currentScript;
  var AFTER_AT = /(^|[\s([{"'\u201c\u2018])@([\p{L}\p{M}'\u2019-]{1,40})$/u;

  var COPIED = [
    "boxSizing", "width", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
    "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
    "fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing", "lineHeight",
    "textTransform", "wordSpacing", "tabSize", "textIndent", "direction"
  ];

  // Where the caret's line ends inside the field, found by laying the text out again in a
  // hidden copy: the names then open under the line being typed, not below a tall field.
  function caretPoint(field) {
    var style = window.getComputedStyle(field);
    var copy = document.createElement("div");
    COPIED.forEach(function (name) { copy.style[name] = style[name]; });
    copy.style.position = "absolute";
    copy.style.visibility = "hidden";
    copy.style.whiteSpace = "pre-wrap";
    copy.style.overflowWrap = "break-word";
    copy.style.top = "0";
    copy.style.left = "-9999px";
    copy.textContent = field.value.slice(0, field.selectionStart);
    var marker = document.createElement("span");
    marker.textContent = "\u200b";
    copy.appendChild(marker);
    document.body.appendChild(copy);
    var point = {
      top: marker.offsetTop + marker.offsetHeight - field.scrollTop,
      left: marker.offsetLeft - field.scrollLeft
    };
    document.body.removeChild(copy);
    return point;
  }

  function attach(field, url, label) {
    var form = field.form;
    if (!form || !window.fetch || !window.FormData) return;
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    var list = document.createElement("ul");
    list.id = field.id + "-names";
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", label);
    list.hidden = true;
    field.insertAdjacentElement("afterend", list);
    field.parentNode.classList.add("has-mention-list");
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-controls", list.id);

    var timer = null;
    var asked = 0;
    var active = -1;
    var typed = null; // the @word being typed: where it starts and what it is

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      field.removeAttribute("aria-activedescendant");
    }

    function mark(index) {
      var options = list.querySelectorAll("[role=option]");
      active = index;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (options[index]) field.setAttribute("aria-activedescendant", options[index].id);
    }

    function choose(name) {
      if (!typed) return;
      var before = field.value.slice(0, typed.start);
      var after = field.value.slice(field.selectionStart);
      var inserted = "@" + name + " ";
      field.value = before + inserted + after;
      var caret = before.length + inserted.length;
      field.setSelectionRange(caret, caret);
      close();
      field.focus();
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function show(names) {
      close();
      if (!names.length) return;
      names.forEach(function (name, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.textContent = name;
        option.setAttribute("dir", "auto");
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the caret in the text
          choose(name);
        });
        list.appendChild(option);
      });
      list.hidden = false;
      var point = caretPoint(field);
      var top = Math.min(Math.max(point.top, 0), field.clientHeight);
      var room = Math.max(field.clientWidth - list.offsetWidth, 0);
      list.style.top = field.offsetTop + top + 4 + "px";
      list.style.left = field.offsetLeft + Math.min(Math.max(point.left, 0), room) + "px";
      mark(0);
    }

    function ask() {
      var found = AFTER_AT.exec(field.value.slice(0, field.selectionStart));
      if (!found) {
        typed = null;
        close();
        return;
      }
      typed = { start: field.selectionStart - found[2].length - 1, word: found[2] };
      var data = new FormData();
      data.append("q", found[2]);
      if (token) data.append("csrfmiddlewaretoken", token.value);
      var mine = ++asked;
      fetch(url, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { people: [] };
        })
        .then(function (answer) {
          if (mine !== asked) return; // a later keystroke asked again
          show((answer.people || []).map(function (p) { return p.name; }));
        })
        .catch(function () {});
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 150);
    });
    field.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      var count = list.querySelectorAll("[role=option]").length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        mark((active + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
        event.preventDefault();
        choose(list.querySelectorAll("[role=option]")[active].textContent);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    field.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  function start() {
    if (!script) return;
    var field = document.getElementById(script.getAttribute("data-field"));
    var url = script.getAttribute("data-people-url");
    var label = script.getAttribute("data-list-label") || "People to mention";
    if (field && url) attach(field, url, label);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

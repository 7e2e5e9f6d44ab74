// tending on a phone: the service worker, quick logs kept while there is no connection, and
// push reminders. Every page works without this file. Its words come from the page
// (data-word-… attributes, translated there).
(function () {
  "use strict";

  var script = document.currentScript;
  var QUEUE = "tending-waiting";
  var NOT_SENT = "tending-not-sent";
  var SIGNED_IN = "tending-signed-in";
  var HELP_KEPT_AT = "tending-help-kept-at";
  var HELP_EVERY = 6 * 3600 * 1000; // a fresh copy of help at most every six hours
  var signedIn = script && script.getAttribute("data-signed-in") === "yes";
  var account = script ? script.getAttribute("data-account") || "" : "";

  function read(name) {
    try {
      return JSON.parse(localStorage.getItem(name) || "[]");
    } catch (e) {
      return [];
    }
  }

  function write(name, list) {
    try {
      if (list.length) localStorage.setItem(name, JSON.stringify(list));
      else localStorage.removeItem(name);
    } catch (e) {
      /* storage full or refused: the form was not kept */
    }
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (e) {
      return "";
    }
  }

  // --- the service worker, and the copy of help it keeps ----------------------------------

  function forgetEverything() {
    write(QUEUE, []);
    write(NOT_SENT, []);
    try {
      localStorage.removeItem(HELP_KEPT_AT);
      localStorage.removeItem(SIGNED_IN);
    } catch (e) {}
    if (window.caches) caches.delete("tending-help");
  }

  function startWorker() {
    if (!("serviceWorker" in navigator) || !script) return;
    var address = script.getAttribute("data-worker");
    if (!address) return;
    navigator.serviceWorker.register(address, { scope: "/" }).then(function (registration) {
      if (!signedIn || !navigator.onLine) return;
      var last = Number(localStorage.getItem(HELP_KEPT_AT) || 0);
      if (Date.now() - last < HELP_EVERY) return;
      return navigator.serviceWorker.ready.then(function (ready) {
        (ready.active || registration.active).postMessage({ type: "keep-help" });
        localStorage.setItem(HELP_KEPT_AT, String(Date.now()));
      });
    }).catch(function () {});
  }

  // Someone logged out (or their login ended): nothing of theirs stays on this device.
  function afterSigningOut() {
    var was = false;
    try {
      was = localStorage.getItem(SIGNED_IN) !== null;
    } catch (e) {}
    if (signedIn) {
      try {
        if (localStorage.getItem(SIGNED_IN) !== account) {
          forgetEverything(); // another account than the last one: nothing of theirs stays
          localStorage.setItem(SIGNED_IN, account);
        }
      } catch (e) {}
    } else if (was) {
      forgetEverything();
    }
  }

  // --- quick logs kept while there is no connection ------------------------------------------

  function fieldsOf(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") fields.push([name, value]);
    });
    return fields;
  }

  function bodyOf(fields) {
    var body = new FormData();
    fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    body.append("csrfmiddlewaretoken", csrfToken());
    return body;
  }

  function keyInput(form) {
    var input = form.querySelector("input[name=sent_once]");
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "sent_once";
      form.appendChild(input);
    }
    if (!input.value) input.value = newKey();
    return input;
  }

  // What the waiting list calls a kept form: the names ticked ("checked"), or the first
  // words of the field the form names.
  function labelOf(form) {
    var where = form.getAttribute("data-offline-label");
    var text = "";
    if (where === "checked") {
      text = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (input) {
        var label = input.closest("label") || form.querySelector("label[for='" + input.id + "']");
        return label ? label.textContent.trim() : "";
      }).filter(Boolean).join(", ");
    } else if (where) {
      var field = form.querySelector(where);
      text = field ? field.value.trim() : "";
    }
    return text.length > 60 ? text.slice(0, 59) + "…" : text;
  }

  function keep(form) {
    var waiting = read(QUEUE);
    waiting.push({
      key: keyInput(form).value,
      action: form.getAttribute("action") || location.pathname,
      fields: fieldsOf(form),
      label: labelOf(form),
      account: account,
      at: new Date().toISOString(),
    });
    write(QUEUE, waiting);
    form.reset();
    keyInput(form).value = newKey();
    showWaiting();
  }

  function send(item) {
    return fetch(item.action, {
      method: "POST",
      body: bodyOf(item.fields),
      credentials: "same-origin",
      headers: { "X-Tending-Queue": "1", "X-CSRFToken": csrfToken(), Accept: "application/json" },
    });
  }

  function isAnswer(response) {
    var kind = response.headers.get("Content-Type") || "";
    return response.ok && kind.indexOf("application/json") === 0;
  }

  var sending = false;

  // Send what waits, oldest first, one at a time; stop at the first sign of no connection.
  function sendWaiting() {
    if (sending || !signedIn || !navigator.onLine) return;
    var waiting = read(QUEUE).filter(function (item) { return item.account === account; });
    if (!waiting.length) return;
    sending = true;
    var item = waiting[0];
    send(item)
      .then(function (response) {
        if (response.redirected && /\/login\//.test(response.url)) throw new Error("logged out");
        if (response.status >= 500) throw new Error("try again later");
        write(QUEUE, read(QUEUE).filter(function (other) { return other.key !== item.key; }));
        if (!isAnswer(response)) {
          // Sent, and refused (a person since deleted, say): kept in view to log again.
          var refused = read(NOT_SENT);
          refused.push(item);
          write(NOT_SENT, refused);
        }
        sending = false;
        showWaiting();
        sendWaiting();
      })
      .catch(function () {
        sending = false;
        showWaiting();
      });
  }

  function describe(item, box) {
    var when = new Date(item.at);
    var time = isNaN(when) ? "" : when.toLocaleTimeString(document.documentElement.lang || undefined, { hour: "2-digit", minute: "2-digit" });
    return item.label ? item.label + " (" + time + ")" : (box.getAttribute("data-word-logged-at") || "Logged at %s").replace("%s", time);
  }

  function showWaiting() {
    document.querySelectorAll("[data-offline-waiting]").forEach(function (box) {
      var waiting = read(QUEUE).filter(function (item) { return item.account === account; });
      var refused = read(NOT_SENT).filter(function (item) { return item.account === account; });
      var list = box.querySelector("ul");
      if (!list) return;
      list.textContent = "";
      waiting.forEach(function (item) {
        var line = document.createElement("li");
        line.className = "waiting";
        line.textContent = (box.getAttribute("data-word-waiting") || "Waiting to send") + ": " + describe(item, box);
        list.appendChild(line);
      });
      refused.forEach(function (item) {
        var line = document.createElement("li");
        line.className = "refused";
        line.textContent = (box.getAttribute("data-word-refused") || "Could not be saved; please log it again") + ": " + describe(item, box);
        list.appendChild(line);
      });
      box.hidden = !(waiting.length || refused.length);
      var note = box.querySelector("[data-offline-now]");
      if (note) note.hidden = navigator.onLine;
    });
  }

  function queueForms() {
    document.querySelectorAll("form[data-offline-queue]").forEach(function (form) {
      keyInput(form);
      form.addEventListener("submit", function (event) {
        if (!window.fetch || event.defaultPrevented) return;
        event.preventDefault();
        keyInput(form);
        if (!navigator.onLine) {
          keep(form);
          return;
        }
        var item = { action: form.getAttribute("action") || location.pathname, fields: fieldsOf(form) };
        send(item)
          .then(function (response) {
            if (isAnswer(response)) {
              return response.json().then(function (answer) { location.assign(answer.next); });
            }
            form.submit(); // a note at a field: the page shows it, as without this file
          })
          .catch(function () { keep(form); });
      });
    });
  }

  function clearRefused() {
    document.querySelectorAll("[data-offline-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        write(NOT_SENT, read(NOT_SENT).filter(function (item) { return item.account !== account; }));
        showWaiting();
      });
    });
  }

  // Logging out with quick logs still waiting would lose them: ask first.
  function guardLogout() {
    document.querySelectorAll("form[data-logout]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var waiting = read(QUEUE).filter(function (item) { return item.account === account; });
        var question = script && script.getAttribute("data-word-logout-waiting");
        if (waiting.length && question && !window.confirm(question)) event.preventDefault();
      });
    });
  }

  // --- push reminders ---------------------------------------------------------------------

  function keyBytes(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function pushControls() {
    var box = document.querySelector("[data-push]");
    if (!box) return;
    var status = box.querySelector("[data-push-status]");
    function say(word) {
      if (status) status.textContent = box.getAttribute("data-word-" + word) || "";
    }
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      say("unsupported");
      return;
    }
    box.querySelectorAll("button").forEach(function (b) { b.hidden = false; });
    var post = function (address, body) {
      return fetch(address, {
        method: "POST",
        body: JSON.stringify(body),
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      });
    };
    var start = box.querySelector("[data-push-start]");
    var stop = box.querySelector("[data-push-stop]");
    if (start) start.addEventListener("click", function () {
      Notification.requestPermission().then(function (answer) {
        if (answer !== "granted") return say("refused");
        return navigator.serviceWorker.ready.then(function (registration) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(box.getAttribute("data-key")),
          });
        }).then(function (subscription) {
          return post(box.getAttribute("data-subscribe"), subscription.toJSON());
        }).then(function (response) { say(response.ok ? "on" : "failed"); });
      }).catch(function () { say("failed"); });
    });
    if (stop) stop.addEventListener("click", function () {
      navigator.serviceWorker.ready.then(function (registration) {
        return registration.pushManager.getSubscription();
      }).then(function (subscription) {
        var endpoint = subscription ? subscription.endpoint : null;
        var done = subscription ? subscription.unsubscribe() : Promise.resolve();
        return done.then(function () { return post(box.getAttribute("data-unsubscribe"), { endpoint: endpoint }); });
      }).then(function () { say("off"); }).catch(function () { say("failed"); });
    });
  }

  afterSigningOut();
  startWorker();
  document.addEventListener("DOMContentLoaded", function () {
    queueForms();
    clearRefused();
    guardLogout();
    pushControls();
    showWaiting();
    sendWaiting();
  });
  window.addEventListener("online", function () { showWaiting(); sendWaiting(); });
  window.addEventListener("offline", showWaiting);
})();

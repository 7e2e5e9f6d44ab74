// tending's service worker, served at /sw.js with VERSION and PLACES written above this line
// (tending/pwa/views.py). It keeps two things and nothing else:
//   - the shell: the offline page, the style sheet, the scripts and an icon (nothing private);
//   - one copy of "Need help now" as it last opened with a connection: the person's own
//     safety plan and numbers, so that help opens in a hard moment with no signal.
// Every other page goes to the network and is never kept. Logging out clears both (the
// logout answer's Clear-Site-Data, and offline.js on the page that follows).
"use strict";

const SHELL = "tending-shell-" + VERSION;
const HELP = "tending-help";
const KEPT = [SHELL, HELP];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([PLACES.offline].concat(PLACES.shell)))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !KEPT.includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

function isHelp(url) {
  return url.origin === self.location.origin && url.pathname === PLACES.help;
}

// Keep the help page as it came, when it came whole: not a redirect, not an error.
function keepHelp(response) {
  if (!response || !response.ok || response.redirected || response.type !== "basic") {
    return Promise.resolve();
  }
  return caches.open(HELP).then((cache) => cache.put(PLACES.help, response));
}

// The kept copy, its "you are offline" note shown (it is in the page, hidden, with the
// time the copy was made written in it).
function keptHelp() {
  return caches.open(HELP).then((cache) =>
    cache.match(PLACES.help, { ignoreVary: true }).then((found) => {
      if (!found) return null;
      return found.text().then(
        (html) =>
          new Response(html.replace("data-offline-note hidden", "data-offline-note"), {
            headers: { "Content-Type": "text/html; charset=utf-8" },
          })
      );
    })
  );
}

function offlinePage() {
  return caches.match(PLACES.offline, { ignoreVary: true }).then(
    (found) => found || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } })
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (isHelp(url) && !url.search) {
            event.waitUntil(keepHelp(response.clone()));
          }
          return response;
        })
        .catch(() => (isHelp(url) ? keptHelp().then((kept) => kept || offlinePage()) : offlinePage()))
    );
    return;
  }
  if (PLACES.shell.includes(url.pathname)) {
    // The shell from the network when there is one (so a new tending's look arrives), else kept.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(SHELL).then((cache) => cache.put(request, copy)));
          }
          return response;
        })
        .catch(() => caches.match(request, { ignoreVary: true }).then((found) => found || Response.error()))
    );
  }
});

self.addEventListener("message", (event) => {
  const asked = event.data && event.data.type;
  if (asked === "keep-help") {
    // A page asks for a fresh copy of help (offline.js, at most every few hours).
    event.waitUntil(
      fetch(PLACES.help, { credentials: "same-origin" }).then(keepHelp).catch(() => null)
    );
  } else if (asked === "forget") {
    event.waitUntil(caches.delete(HELP));
  }
});

// A push message holds no words: ask tending for them, with the person's own login.
self.addEventListener("push", (event) => {
  const plain = { title: "tending", body: "", url: PLACES.today };
  event.waitUntil(
    fetch(PLACES.reminder, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok && !response.redirected ? response.json() : plain))
      .catch(() => plain)
      .then((shown) =>
        self.registration.showNotification(shown.title || "tending", {
          body: shown.body || "",
          icon: PLACES.icon,
          tag: "tending-reminder",
          data: { url: shown.url || PLACES.today },
        })
      )
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || PLACES.today, self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((windows) => {
      for (const client of windows) {
        if ("focus" in client) return client.navigate(target.href).then((c) => (c || client).focus());
      }
      return self.clients.openWindow(target.href);
    })
  );
});

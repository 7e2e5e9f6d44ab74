// Journal drafts: what is typed is kept on the server as it is typed, so a closed tab loses
// nothing. Without this file the form still works; there is just no autosave.
(function () {
  "use strict";

  function autosave(form) {
    var url = form.getAttribute("data-journal-autosave");
    if (!url || !window.fetch || !window.FormData) return;
    var status = form.querySelector("[data-autosave-status]");
    var timer = null;
    var submitted = false;
    var title = form.querySelector("[name=title]");
    var body = form.querySelector("[name=body]");

    function words() {
      return (title ? title.value : "") + "\u0000" + (body ? body.value : "");
    }
    // What the page opened with is already kept (or is nothing): only a change is sent.
    var last = words();

    function send() {
      window.clearTimeout(timer);
      // Once the form is sent, the saved entry replaces the draft: do not bring it back.
      if (submitted) return;
      var data = new FormData();
      data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
      data.append("title", title ? title.value : "");
      data.append("body", body ? body.value : "");
      data.append("draft_entry", form.getAttribute("data-entry") || "");
      var snapshot = words();
      if (snapshot === last) return;
      fetch(url, { method: "POST", body: data, credentials: "same-origin", keepalive: true })
        .then(function (response) {
          if (response.ok) {
            last = snapshot;
            // The words come from the page, in its language (data-word-kept).
            if (status) status.textContent = status.getAttribute("data-word-kept") || "";
          }
        })
        .catch(function () {});
    }

    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(send, 800);
    });
    form.addEventListener("submit", function () {
      submitted = true;
      window.clearTimeout(timer);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") send();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-journal-autosave]").forEach(autosave);
  });
})();

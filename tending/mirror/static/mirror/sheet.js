// The answer sheet's page: pick words, answer if you like, and get the code to send back.
// Runs in the sheet opened from disk; everything it needs is in the sheet itself.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sheet-data").textContent);
  var form = document.getElementById("answer");
  var problem = document.getElementById("words-problem");
  var result = document.getElementById("result");
  var codeBox = document.getElementById("code");
  var copy = document.getElementById("copy");
  var copied = document.getElementById("copied");

  function bytesOf(hex) {
    var out = [];
    for (var i = 0; i < hex.length; i += 2) out.push(parseInt(hex.substr(i, 2), 16));
    return out;
  }

  function nonce() {
    var out = [];
    var cryptoObject = window.crypto || window.msCrypto;
    if (cryptoObject && cryptoObject.getRandomValues) {
      var random = new Uint8Array(8);
      cryptoObject.getRandomValues(random);
      for (var i = 0; i < 8; i++) out.push(random[i]);
    } else {
      for (var j = 0; j < 8; j++) out.push(Math.floor(Math.random() * 256));
    }
    return out;
  }

  function picked() {
    var boxes = form.querySelectorAll("input[name=word]");
    var places = [];
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) places.push(parseInt(boxes[i].value, 10));
    }
    return places;
  }

  function say(text) {
    problem.textContent = text;
    problem.hidden = !text;
    var group = document.getElementById("words");
    if (text) group.setAttribute("aria-invalid", "true");
    else group.removeAttribute("aria-invalid");
  }

  form.addEventListener("change", function () {
    if (picked().length <= data.most) say("");
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var places = picked();
    if (places.length < data.fewest) return say(data.tooFew), problem.focus();
    if (places.length > data.most) return say(data.tooMany), problem.focus();
    say("");
    var code = tendingAnswerCode.answerCode(
      bytesOf(data.secret), data.round, data.invitation, places, nonce(),
      document.getElementById("valued").value, document.getElementById("unseen").value
    );
    codeBox.value = code;
    result.hidden = false;
    copied.hidden = true;
    codeBox.focus();
    codeBox.select();
  });

  copy.addEventListener("click", function () {
    codeBox.select();
    var done = function () { copied.hidden = false; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(codeBox.value).then(done, function () {
        if (document.execCommand && document.execCommand("copy")) done();
      });
    } else if (document.execCommand && document.execCommand("copy")) {
      done();
    }
  });
})();

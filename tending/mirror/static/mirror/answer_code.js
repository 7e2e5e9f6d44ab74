// Answer codes, written in the answer sheet as tending/mirror/codes.py reads them.
//
// The sheet is one HTML file opened from disk, perhaps on a phone with no connection: it
// may not load anything, and the browser's own crypto is not offered to every page opened
// from a file. So SHA-256 and HMAC are written out here (FIPS 180-4 and RFC 2104), in
// plain ES5, small and slow enough for one answer. The layout of a code is described in
// codes.py; tests/browser/test_mirror_codes.py checks this against it.
(function (root) {
  "use strict";

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
  ];
  var START = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
    0x5be0cd19
  ];

  function rotate(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  // SHA-256 of an array of bytes (numbers 0-255), as an array of 32 bytes.
  function sha256(bytes) {
    var length = bytes.length;
    var padded = bytes.slice();
    padded.push(0x80);
    while (padded.length % 64 !== 56) padded.push(0);
    var bits = length * 8;
    var high = Math.floor(bits / 0x100000000);
    for (var shift = 24; shift >= 0; shift -= 8) padded.push((high >>> shift) & 0xff);
    for (shift = 24; shift >= 0; shift -= 8) padded.push((bits >>> shift) & 0xff);
    var h = START.slice();
    var w = new Array(64);
    for (var block = 0; block < padded.length; block += 64) {
      for (var i = 0; i < 16; i++) {
        var at = block + i * 4;
        w[i] = ((padded[at] << 24) | (padded[at + 1] << 16) | (padded[at + 2] << 8) |
          padded[at + 3]) >>> 0;
      }
      for (i = 16; i < 64; i++) {
        var s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25);
        var choose = (e & f) ^ (~e & g);
        var first = (k + sum1 + choose + K[i] + w[i]) >>> 0;
        var sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22);
        var majority = (a & b) ^ (a & c) ^ (b & c);
        var second = (sum0 + majority) >>> 0;
        k = g; g = f; f = e; e = (d + first) >>> 0;
        d = c; c = b; b = a; a = (first + second) >>> 0;
      }
      h[0] = (h[0] + a) >>> 0; h[1] = (h[1] + b) >>> 0; h[2] = (h[2] + c) >>> 0;
      h[3] = (h[3] + d) >>> 0; h[4] = (h[4] + e) >>> 0; h[5] = (h[5] + f) >>> 0;
      h[6] = (h[6] + g) >>> 0; h[7] = (h[7] + k) >>> 0;
    }
    var out = [];
    for (i = 0; i < 8; i++) {
      out.push((h[i] >>> 24) & 0xff, (h[i] >>> 16) & 0xff, (h[i] >>> 8) & 0xff, h[i] & 0xff);
    }
    return out;
  }

  // HMAC-SHA256 of `message` under `key` (both arrays of bytes).
  function hmac(key, message) {
    if (key.length > 64) key = sha256(key);
    var inner = [], outer = [];
    for (var i = 0; i < 64; i++) {
      var byte = i < key.length ? key[i] : 0;
      inner.push(byte ^ 0x36);
      outer.push(byte ^ 0x5c);
    }
    return sha256(outer.concat(sha256(inner.concat(message))));
  }

  // Text as UTF-8 bytes (a lone surrogate becomes U+FFFD, as TextEncoder writes it).
  function utf8(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
      if (code < 0x80) out.push(code);
      else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) {
        out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      } else {
        out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63),
          0x80 | (code & 63));
      }
    }
    return out;
  }

  // A whole number 0 <= n < 2**53 in unsigned LEB128: seven bits a byte, the lowest first.
  function varint(n) {
    var out = [];
    do {
      var byte = n % 128;
      n = Math.floor(n / 128);
      out.push(n ? byte | 0x80 : byte);
    } while (n);
    return out;
  }

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  // URL-safe Base64 without padding.
  function base64url(bytes) {
    var out = "";
    for (var i = 0; i < bytes.length; i += 3) {
      var chunk = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      var chars = Math.min(4, Math.ceil((bytes.length - i) * 4 / 3));
      for (var j = 0; j < chars; j++) out += ALPHABET.charAt((chunk >>> (18 - 6 * j)) & 63);
    }
    return out;
  }

  var DOMAIN = utf8("tending mirror answer v1\n");

  // The code of one answer. `secret` and `nonce` are arrays of bytes (32 and 8); `picked`
  // the places in the word list of the words chosen; `valued` and `unseen` the two answers.
  function answerCode(secret, roundId, invitationId, picked, nonce, valued, unseen) {
    var words = [0, 0, 0, 0, 0, 0, 0];
    for (var i = 0; i < picked.length; i++) words[picked[i] >> 3] |= 1 << (picked[i] & 7);
    var signed = [1].concat(varint(roundId), varint(invitationId), words, nonce);
    var texts = [utf8(valued || ""), utf8(unseen || "")];
    for (i = 0; i < 2; i++) signed = signed.concat(varint(texts[i].length), texts[i]);
    var tag = hmac(secret, DOMAIN.concat(signed)).slice(0, 16);
    return "TM1-" + base64url(signed.concat(tag));
  }

  root.tendingAnswerCode = {
    answerCode: answerCode, sha256: sha256, hmac: hmac, utf8: utf8, base64url: base64url
  };
})(this);

'use strict';
// internal/url/idna: domain names to ASCII (and back) for the URL parser, and Punycode
// (RFC 3492). Book: chapter 11, "Files" ("URLs"). Entry points: domainToASCII(domain)
// ("münchen.de" -> "xn--mnchen-3ya.de", null when it cannot be), domainToUnicode,
// punycodeEncode, punycodeDecode.
//
// UTS 46 maps every code point through a large table before encoding. tinynode keeps no
// such table: it drops the soft hyphen and the other characters UTS 46 maps to nothing,
// folds the ideographic full stops, and applies NFKC and lower case (which fold the
// full-width forms, ligatures and compatibility digits as the table does), and refuses
// what no table is needed to refuse (controls, format characters, unassigned code
// points, spaces). Not done: the Bidi rule (RFC 5893) and the contexts where a joiner is
// allowed, so a label mixing right-to-left letters with others may pass where node
// refuses it (and a joiner is always refused). ASCII names come out exactly as node's; a name using a code point
// that UTS 46 maps otherwise, or disallows, may not.

const BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, INITIAL_BIAS = 72, INITIAL_N = 128;

function adapt(delta, count, first) {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / count);
  let k = 0;
  for (; delta > ((BASE - TMIN) * TMAX) >> 1; k += BASE) delta = Math.floor(delta / (BASE - TMIN));
  return k + Math.floor(((BASE - TMIN + 1) * delta) / (delta + SKEW));
}

const digitChar = (d) => String.fromCharCode(d < 26 ? d + 97 : d + 22);
const digitValue = (c) =>
  c >= 0x30 && c <= 0x39 ? c - 22 : c >= 0x41 && c <= 0x5a ? c - 0x41 : c >= 0x61 && c <= 0x7a ? c - 0x61 : BASE;
const threshold = (k, bias) => (k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias);

// Punycode of a label's code points ("münchen" -> "mnchen-3ya").
function punycodeEncode(label) {
  const cps = Array.from(label, (ch) => ch.codePointAt(0));
  let out = cps.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basic = out.length;
  let handled = basic, n = INITIAL_N, delta = 0, bias = INITIAL_BIAS;
  if (basic > 0) out += '-';
  while (handled < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = threshold(k, bias);
        if (q < t) break;
        out += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0, handled++;
    }
    delta++, n++;
  }
  return out;
}

// The label a Punycode string stands for, or null when it is not valid Punycode.
function punycodeDecode(input) {
  const end = input.lastIndexOf('-');
  const out = [];
  for (let j = 0; j < Math.max(end, 0); j++) {
    if (input.charCodeAt(j) >= 0x80) return null;
    out.push(input.charCodeAt(j));
  }
  let n = INITIAL_N, i = 0, bias = INITIAL_BIAS;
  for (let p = end > 0 ? end + 1 : 0; p < input.length; ) {
    const old = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (p >= input.length) return null;
      const d = digitValue(input.charCodeAt(p++));
      if (d >= BASE) return null;
      i += d * w;
      const t = threshold(k, bias);
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x7fffffff || w > 0x7fffffff) return null;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return null;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

const DROPPED = new Set([0xad, 0x34f, 0x200b, 0x2060, 0xfeff]);
const DOTS = new Set([0x3002, 0xff0e, 0xff61]);
const isVariationSelector = (c) => c >= 0xfe00 && c <= 0xfe0f;

// The part of UTS 46's mapping tinynode does (see the top of the file): NFKC and
// lower case approach its table for the letters and digits most names use.
function mapDomain(domain) {
  let out = '';
  for (const ch of domain) {
    const c = ch.codePointAt(0);
    if (DROPPED.has(c) || isVariationSelector(c)) continue;
    out += DOTS.has(c) ? '.' : ch;
  }
  return foldCherokee(out.normalize('NFKC').toLowerCase().normalize('NFKC'));
}

// Case folding keeps Cherokee upper case (its capitals came first): lower case's small
// letters go back to them.
const foldCherokee = (s) =>
  s.replace(/[\uab70-\uabbf\u13f8-\u13fd]/g, (ch) => {
    const c = ch.charCodeAt(0);
    return String.fromCharCode(c >= 0xab70 ? c - 0xab70 + 0x13a0 : c - 8);
  });

// Code points UTS 46 disallows whatever the table: controls, unassigned, private use,
// surrogates, spaces and the joiners (outside the contexts tinynode does not check);
// and a label may not start with a combining mark.
const DISALLOWED = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Z}\u200c\u200d\ufffd\uffa0\u3164]/u;
const validLabel = (label) => !DISALLOWED.test(label) && !/^\p{M}/u.test(label);

// A character whose compatibility form holds a full stop ("⒈", "…") is disallowed, not
// split into labels.
const hidesDot = (ch) => ch !== '.' && !DOTS.has(ch.codePointAt(0)) && ch.normalize('NFKC').includes('.');

// An "xn--" label must decode to a valid name that maps to itself and is not ASCII.
function validAceLabel(label) {
  const decoded = punycodeDecode(label.slice(4));
  if (decoded === null || decoded === '' || /^[\x00-\x7f]*$/.test(decoded)) return false;
  if (!validLabel(decoded)) return false;
  return mapDomain(decoded) === decoded && punycodeEncode(decoded) === label.slice(4);
}

// domain to ASCII: the name with each non-ASCII label as "xn--" Punycode, or null.
function domainToASCII(domain) {
  for (const ch of domain) if (hidesDot(ch)) return null;
  const labels = mapDomain(domain).split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      if (!validAceLabel(label)) return null;
    } else if (/[^\x00-\x7f]/.test(label)) {
      if (!validLabel(label)) return null;
      labels[i] = 'xn--' + punycodeEncode(label);
    }
  }
  return labels.join('.');
}

// domain to Unicode: each "xn--" label decoded (left as it is when it does not decode).
function domainToUnicode(domain) {
  return mapDomain(domain)
    .split('.')
    .map((label) => {
      if (!label.startsWith('xn--')) return label;
      const decoded = punycodeDecode(label.slice(4));
      return decoded === null ? label : decoded;
    })
    .join('.');
}

module.exports = { domainToASCII, domainToUnicode, punycodeEncode, punycodeDecode };

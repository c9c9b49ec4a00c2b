#!/usr/bin/env node
// gen-unicode.js - writes stdlib/regexp/unicode_data.c, the Unicode tables of the RegExp
// engine: property escapes (\p{...}), case folding and capture-group-name characters.
// Book: chapter 14, "Regular expressions".
//
// Run from the repository root, under the node whose behaviour tinynode copies:
//     node stdlib/regexp/gen-unicode.js > stdlib/regexp/unicode_data.c
// Node itself is the oracle. Every set is read by running node's own RegExp over a string
// that holds every code point once; every name is accepted by node before it is tabled;
// the script short names are found by asking node about every four-letter code, so no
// Unicode data file is needed. The generation is deterministic: the same node writes the
// same file. It takes a few minutes (the search for emoji ZWJ sequences is the slow part).
'use strict';

const MAX_CP = 0x10ffff;

// ==== The oracle =============================================================

// Every code point except the surrogates, in order, and the surrogates alone: trail
// surrogates first, then leads, so that no two of them ever form a pair.
const ALL = (() => {
  const parts = [];
  for (let c = 0; c <= MAX_CP; c++) if (c < 0xd800 || c > 0xdfff) parts.push(String.fromCodePoint(c));
  return parts.join('');
})();
const SURROGATES = (() => {
  const parts = [];
  for (let c = 0xdc00; c <= 0xdfff; c++) parts.push(String.fromCharCode(c));
  for (let c = 0xd800; c <= 0xdbff; c++) parts.push(String.fromCharCode(c));
  return parts.join('');
})();

function compiles(source, flags) {
  try {
    new RegExp(source, flags);
    return true;
  } catch (e) {
    return false;
  }
}

// The code points matched by the class `atom` (e.g. "\\p{Lu}"), as sorted [lo, hi] ranges.
function rangesOf(atom, flags = 'u') {
  const points = [];
  const out = [];
  const push = (lo, hi) => {
    if (out.length && out[out.length - 1][1] + 1 >= lo) out[out.length - 1][1] = Math.max(hi, out[out.length - 1][1]);
    else out.push([lo, hi]);
  };
  for (const m of ALL.matchAll(new RegExp('(?:' + atom + ')+', 'g' + flags))) {
    const lo = ALL.codePointAt(m.index);
    const s = m[0];
    let hi = s.codePointAt(s.length - 1);
    if (hi >= 0xdc00 && hi <= 0xdfff) hi = s.codePointAt(s.length - 2);
    if (lo < 0xd800 && hi > 0xdfff) {
      points.push([lo, 0xd7ff], [0xe000, hi]);
    } else points.push([lo, hi]);
  }
  const one = new RegExp('^(?:' + atom + ')$', flags);
  for (let i = 0; i < SURROGATES.length; i++) {
    if (one.test(SURROGATES[i])) {
      const c = SURROGATES.charCodeAt(i);
      points.push([c, c]);
    }
  }
  points.sort((a, b) => a[0] - b[0]);
  for (const [lo, hi] of points) push(lo, hi);
  return out;
}

function sameRanges(a, b) {
  return a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
}

function check(cond, what) {
  if (!cond) throw new Error('gen-unicode: ' + what);
}

// ==== The compact encoding ===================================================
//
// Every table is a stream of unsigned numbers written as base-64 digits: each digit
// carries five bits, most significant first, and its sixth bit says that more digits
// follow. Numbers below 32 take one character, below 1024 two, below 32768 three. The
// alphabet avoids every character that would need an escape in a C string.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
let stream = '';

function put(n) {
  check(Number.isInteger(n) && n >= 0 && n < 2 ** 30, 'bad number ' + n);
  const digits = [];
  do {
    digits.unshift(n & 31);
    n = Math.floor(n / 32);
  } while (n > 0);
  for (let i = 0; i < digits.length; i++) stream += ALPHABET[digits[i] | (i < digits.length - 1 ? 32 : 0)];
}

function putSigned(n) {
  put(n < 0 ? -2 * n - 1 : 2 * n);
}

// A range list: its length, then for each range the gap since the previous one and its
// size minus one. Returns the list's offset in the stream.
function putRanges(ranges) {
  const at = stream.length;
  put(ranges.length);
  let next = 0;
  for (const [lo, hi] of ranges) {
    put(lo - next);
    put(hi - lo);
    next = hi + 1;
  }
  return at;
}

// A run-length table over all code points: runs of (length - 1, value).
function putRuns(valueOf) {
  const at = stream.length;
  const runs = [];
  let start = 0;
  for (let c = 1; c <= MAX_CP + 1; c++) {
    if (c > MAX_CP || valueOf[c] !== valueOf[start]) {
      runs.push([c - start - 1, valueOf[start]]);
      start = c;
    }
  }
  put(runs.length);
  for (const [len, v] of runs) {
    put(len);
    put(v);
  }
  return at;
}

// A sorted list of strings of code points: its length, then for each string how many
// code points it shares with the previous one, how many follow, and those.
function putStrings(strings) {
  const at = stream.length;
  put(strings.length);
  let prev = [];
  for (const s of strings) {
    const cps = Array.from(s, (ch) => ch.codePointAt(0));
    let shared = 0;
    while (shared < prev.length && shared < cps.length && prev[shared] === cps[shared]) shared++;
    put(shared);
    put(cps.length - shared);
    for (let i = shared; i < cps.length; i++) put(cps[i]);
    prev = cps;
  }
  return at;
}

function unionRanges(list) {
  const sorted = list.slice().sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [lo, hi] of sorted) {
    if (out.length && out[out.length - 1][1] + 1 >= lo) out[out.length - 1][1] = Math.max(hi, out[out.length - 1][1]);
    else out.push([lo, hi]);
  }
  return out;
}

function xorRanges(a, b) {
  const edges = new Map();
  for (const [lo, hi] of a.concat(b)) {
    edges.set(lo, (edges.get(lo) || 0) ^ 1);
    edges.set(hi + 1, (edges.get(hi + 1) || 0) ^ 1);
  }
  const keys = [...edges.keys()].filter((k) => edges.get(k)).sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i < keys.length; i += 2) out.push([keys[i], keys[i + 1] - 1]);
  return out;
}

// ==== General_Category ========================================================

// The values and their aliases (PropertyValueAliases.txt); groups are unions of values.
const GC_VALUES = [
  ['Lu', 'Uppercase_Letter'], ['Ll', 'Lowercase_Letter'], ['Lt', 'Titlecase_Letter'],
  ['Lm', 'Modifier_Letter'], ['Lo', 'Other_Letter'], ['Mn', 'Nonspacing_Mark'],
  ['Mc', 'Spacing_Mark'], ['Me', 'Enclosing_Mark'], ['Nd', 'Decimal_Number', 'digit'],
  ['Nl', 'Letter_Number'], ['No', 'Other_Number'], ['Pc', 'Connector_Punctuation'],
  ['Pd', 'Dash_Punctuation'], ['Ps', 'Open_Punctuation'], ['Pe', 'Close_Punctuation'],
  ['Pi', 'Initial_Punctuation'], ['Pf', 'Final_Punctuation'], ['Po', 'Other_Punctuation'],
  ['Sm', 'Math_Symbol'], ['Sc', 'Currency_Symbol'], ['Sk', 'Modifier_Symbol'],
  ['So', 'Other_Symbol'], ['Zs', 'Space_Separator'], ['Zl', 'Line_Separator'],
  ['Zp', 'Paragraph_Separator'], ['Cc', 'Control', 'cntrl'], ['Cf', 'Format'],
  ['Cs', 'Surrogate'], ['Co', 'Private_Use'], ['Cn', 'Unassigned'],
];
const GC_GROUPS = [
  [['L', 'Letter'], ['Lu', 'Ll', 'Lt', 'Lm', 'Lo']],
  [['LC', 'Cased_Letter'], ['Lu', 'Ll', 'Lt']],
  [['M', 'Mark', 'Combining_Mark'], ['Mn', 'Mc', 'Me']],
  [['N', 'Number'], ['Nd', 'Nl', 'No']],
  [['P', 'Punctuation', 'punct'], ['Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po']],
  [['S', 'Symbol'], ['Sm', 'Sc', 'Sk', 'So']],
  [['Z', 'Separator'], ['Zs', 'Zl', 'Zp']],
  [['C', 'Other'], ['Cc', 'Cf', 'Cs', 'Co', 'Cn']],
];

function generalCategory() {
  const gcOf = new Uint8Array(MAX_CP + 1).fill(255);
  GC_VALUES.forEach(([short], i) => {
    for (const [lo, hi] of rangesOf('\\p{' + short + '}')) {
      for (let c = lo; c <= hi; c++) {
        check(gcOf[c] === 255, 'gc overlap at ' + c.toString(16));
        gcOf[c] = i;
      }
    }
  });
  check(gcOf.every((v) => v !== 255), 'gc does not cover every code point');
  const names = [];
  const mask = (values) => values.reduce((m, v) => m | (1 << GC_VALUES.findIndex((g) => g[0] === v)), 0);
  GC_VALUES.forEach((aliases, i) => aliases.forEach((n) => names.push([n, 'GC', 1 << i])));
  for (const [aliases, values] of GC_GROUPS) {
    const want = rangesOf('\\p{' + aliases[0] + '}');
    check(sameRanges(want, rangesOf('[' + values.map((v) => '\\p{' + v + '}').join('') + ']')), 'gc group ' + aliases[0]);
    aliases.forEach((n) => names.push([n, 'GC', mask(values)]));
  }
  for (const [n] of names) {
    for (const form of ['\\p{' + n + '}', '\\p{gc=' + n + '}', '\\p{General_Category=' + n + '}']) {
      check(compiles(form, 'u'), 'node rejects ' + form);
    }
  }
  // No other one- or two-letter name is a category.
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  for (const a of letters) {
    for (const b of [''].concat(letters.split(''))) {
      const n = a + b;
      if (!names.some((x) => x[0] === n)) check(!compiles('\\p{gc=' + n + '}', 'u'), 'untabled gc ' + n);
    }
  }
  return { runs: putRuns(gcOf), names };
}

// ==== Script and Script_Extensions ===========================================

// Long names that are not English display names with spaces and hyphens as underscores.
// (from PropertyValueAliases.txt; each is still checked against node).
const SCRIPT_LONG = {
  Beng: 'Bengali', Cans: 'Canadian_Aboriginal', Dupl: 'Duployan', Hrkt: 'Katakana_Or_Hiragana',
  Lana: 'Tai_Tham', Lisu: 'Lisu', Mand: 'Mandaic', Mend: 'Mende_Kikakui',
  Mero: 'Meroitic_Hieroglyphs', Mtei: 'Meetei_Mayek', Nkoo: 'Nko', Nshu: 'Nushu',
  Orkh: 'Old_Turkic', Orya: 'Oriya', Phag: 'Phags_Pa', Plrd: 'Miao', Qaac: 'Coptic',
  Qaai: 'Inherited', Rohg: 'Hanifi_Rohingya', Wara: 'Warang_Citi', Xsux: 'Cuneiform',
  Zinh: 'Inherited', Zyyy: 'Common', Zzzz: 'Unknown',
};

function scriptShortNames() {
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  const found = [];
  for (const a of upper) for (const b of lower) for (const c of lower) for (const d of lower) {
    const n = a + b + c + d;
    const sc = compiles('\\p{sc=' + n + '}', 'u');
    const scx = compiles('\\p{scx=' + n + '}', 'u');
    if (sc || scx) found.push({ short: n, sc, scx });
  }
  return found;
}

function longNameCandidates(short) {
  const out = [];
  if (SCRIPT_LONG[short]) out.push(SCRIPT_LONG[short]);
  let display;
  try {
    display = new Intl.DisplayNames('en', { type: 'script' }).of(short);
  } catch (e) {
    display = short;
  }
  const base = display.replace(/[’']/g, '').replace(/[\s-]+/g, '_');
  out.push(base, base.replace(/_([a-z])/g, (m, x) => '_' + x.toUpperCase()), base.replace(/_/g, ''));
  return out;
}

function scripts() {
  const shorts = scriptShortNames();
  const list = []; // {names: [...], sc, scx, scRanges, scxRanges}
  for (const s of shorts) {
    const scRanges = s.sc ? rangesOf('\\p{sc=' + s.short + '}') : null;
    const scxRanges = s.scx ? rangesOf('\\p{scx=' + s.short + '}') : null;
    // Qaac and Qaai are second short names of Coptic and Inherited.
    const same = list.find((x) => x.sc === s.sc && x.scx === s.scx &&
      (!s.sc || sameRanges(x.scRanges, scRanges)) && (!s.scx || sameRanges(x.scxRanges, scxRanges)));
    if (same) {
      same.names.push(s.short);
      continue;
    }
    const entry = { names: [s.short], sc: s.sc, scx: s.scx, scRanges, scxRanges };
    const prop = s.sc ? 'sc' : 'scx';
    const long = longNameCandidates(s.short).find((n) => n !== s.short && compiles('\\p{' + prop + '=' + n + '}', 'u') &&
      sameRanges(rangesOf('\\p{' + prop + '=' + n + '}'), s.sc ? scRanges : scxRanges));
    if (long) entry.names.push(long);
    else check(longNameCandidates(s.short).includes(s.short), 'no long name for script ' + s.short);
    list.push(entry);
  }
  list.sort((a, b) => (a.names[0] < b.names[0] ? -1 : 1));
  // Script partitions the code points; an empty set is not a value node accepts.
  const scOf = new Uint16Array(MAX_CP + 1).fill(0xffff);
  list.forEach((e, i) => {
    if (!e.sc) return;
    for (const [lo, hi] of e.scRanges) for (let c = lo; c <= hi; c++) {
      check(scOf[c] === 0xffff, 'script overlap');
      scOf[c] = i;
    }
  });
  check(scOf.every((v) => v !== 0xffff), 'Script does not cover every code point');
  const runs = putRuns(scOf);
  const extensions = list.map((e) => (e.scx ? putRanges(xorRanges(e.sc ? e.scRanges : [], e.scxRanges)) : 0));
  for (const e of list) for (const n of e.names) {
    for (const prop of ['Script', 'sc', 'Script_Extensions', 'scx']) {
      const want = prop.startsWith('Script_') || prop === 'scx' ? e.scx : e.sc;
      check(compiles('\\p{' + prop + '=' + n + '}', 'u') === want, 'script acceptance ' + prop + '=' + n);
    }
  }
  return { list, runs, extensions };
}

// ==== Binary properties ======================================================

// The spec's table of binary properties (ECMA-262 table-binary-unicode-properties), with
// every alias; Any, ASCII and Assigned are computed by the engine itself.
const BINARY = [
  ['ASCII_Hex_Digit', 'AHex'], ['Alphabetic', 'Alpha'], ['Bidi_Control', 'Bidi_C'],
  ['Bidi_Mirrored', 'Bidi_M'], ['Case_Ignorable', 'CI'], ['Cased'],
  ['Changes_When_Casefolded', 'CWCF'], ['Changes_When_Casemapped', 'CWCM'],
  ['Changes_When_Lowercased', 'CWL'], ['Changes_When_NFKC_Casefolded', 'CWKCF'],
  ['Changes_When_Titlecased', 'CWT'], ['Changes_When_Uppercased', 'CWU'], ['Dash'],
  ['Default_Ignorable_Code_Point', 'DI'], ['Deprecated', 'Dep'], ['Diacritic', 'Dia'],
  ['Emoji'], ['Emoji_Component', 'EComp'], ['Emoji_Modifier', 'EMod'],
  ['Emoji_Modifier_Base', 'EBase'], ['Emoji_Presentation', 'EPres'],
  ['Extended_Pictographic', 'ExtPict'], ['Extender', 'Ext'], ['Grapheme_Base', 'Gr_Base'],
  ['Grapheme_Extend', 'Gr_Ext'], ['Hex_Digit', 'Hex'], ['IDS_Binary_Operator', 'IDSB'],
  ['IDS_Trinary_Operator', 'IDST'], ['ID_Continue', 'IDC'], ['ID_Start', 'IDS'],
  ['Ideographic', 'Ideo'], ['Join_Control', 'Join_C'], ['Logical_Order_Exception', 'LOE'],
  ['Lowercase', 'Lower'], ['Math'], ['Noncharacter_Code_Point', 'NChar'],
  ['Pattern_Syntax', 'Pat_Syn'], ['Pattern_White_Space', 'Pat_WS'],
  ['Quotation_Mark', 'QMark'], ['Radical'], ['Regional_Indicator', 'RI'],
  ['Sentence_Terminal', 'STerm'], ['Soft_Dotted', 'SD'], ['Terminal_Punctuation', 'Term'],
  ['Unified_Ideograph', 'UIdeo'], ['Uppercase', 'Upper'], ['Variation_Selector', 'VS'],
  ['White_Space', 'space'], ['XID_Continue', 'XIDC'], ['XID_Start', 'XIDS'],
];

function binaries() {
  const names = [];
  const offsets = [];
  BINARY.forEach((aliases, i) => {
    const ranges = rangesOf('\\p{' + aliases[0] + '}');
    for (const n of aliases) {
      check(compiles('\\p{' + n + '}', 'u'), 'node rejects binary ' + n);
      check(sameRanges(ranges, rangesOf('\\p{' + n + '}')), 'alias differs ' + n);
      names.push([n, 'BINARY', i]);
    }
    offsets.push(putRanges(ranges));
  });
  // White_Space has a third name in PropertyAliases.txt; take it only if node does.
  if (compiles('\\p{WSpace}', 'u')) names.push(['WSpace', 'BINARY', BINARY.findIndex((b) => b[0] === 'White_Space')]);
  for (const [n, , v] of [['Any', 0, 0], ['ASCII', 0, 1], ['Assigned', 0, 2]]) {
    check(compiles('\\p{' + n + '}', 'u'), 'special ' + n);
    names.push([n, 'SPECIAL', v]);
  }
  check(sameRanges(rangesOf('\\p{Assigned}'), xorRanges([[0, MAX_CP]], rangesOf('\\p{Cn}'))), 'Assigned');
  return { names, offsets };
}

// ==== Properties of strings (the v flag) =====================================

const STRING_PROPS = ['Basic_Emoji', 'Emoji_Keycap_Sequence', 'RGI_Emoji_Modifier_Sequence',
  'RGI_Emoji_Flag_Sequence', 'RGI_Emoji_Tag_Sequence', 'RGI_Emoji_ZWJ_Sequence', 'RGI_Emoji'];

function cpsOf(ranges) {
  const out = [];
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) out.push(c);
  return out;
}

// The candidates that are members of \p{prop}, tested in batches: one long string of
// candidates separated by newlines, scanned once.
function membersOf(prop, candidates) {
  const out = [];
  const scan = new RegExp('\\p{' + prop + '}', 'gv');
  for (let i = 0; i < candidates.length; i += 20000) {
    const batch = candidates.slice(i, i + 20000);
    const text = '\n' + batch.join('\n') + '\n';
    const hits = new Set();
    for (const m of text.matchAll(scan)) {
      if (text[m.index - 1] === '\n' && text[m.index + m[0].length] === '\n') hits.add(m[0]);
    }
    for (const s of batch) if (hits.has(s)) out.push(s);
  }
  return [...new Set(out)];
}

function emojiStrings() {
  const str = (...cps) => String.fromCodePoint(...cps);
  const emoji = cpsOf(rangesOf('\\p{Emoji}'));
  const bases = cpsOf(rangesOf('\\p{Emoji_Modifier_Base}'));
  const skins = cpsOf(rangesOf('\\p{Emoji_Modifier}'));
  const ri = cpsOf(rangesOf('\\p{Regional_Indicator}'));
  const sets = {};
  sets.Basic_Emoji = membersOf('Basic_Emoji', emoji.map((c) => str(c, 0xfe0f)));
  sets.Emoji_Keycap_Sequence = membersOf('Emoji_Keycap_Sequence', '#*0123456789'.split('').map((k) => k + '\ufe0f\u20e3'));
  sets.RGI_Emoji_Modifier_Sequence = membersOf('RGI_Emoji_Modifier_Sequence', bases.flatMap((b) => skins.map((s) => str(b, s))));
  sets.RGI_Emoji_Flag_Sequence = membersOf('RGI_Emoji_Flag_Sequence', ri.flatMap((a) => ri.map((b) => str(a, b))));
  // Tag sequences: a black flag, a subdivision code in tag letters and digits, a cancel tag.
  const tag = (s) => Array.from(s, (ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join('');
  const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  let suffixes = [''];
  const tagCandidates = [];
  for (let len = 1; len <= 3; len++) {
    suffixes = suffixes.flatMap((s) => alnum.map((a) => s + a));
    for (const a of 'abcdefghijklmnopqrstuvwxyz') for (const b of 'abcdefghijklmnopqrstuvwxyz') {
      for (const s of suffixes) tagCandidates.push('\u{1F3F4}' + tag(a + b + s) + '\u{E007F}');
    }
    sets.RGI_Emoji_Tag_Sequence = (sets.RGI_Emoji_Tag_Sequence || []).concat(membersOf('RGI_Emoji_Tag_Sequence', tagCandidates));
    tagCandidates.length = 0;
  }
  sets.RGI_Emoji_ZWJ_Sequence = zwjSequences(emoji, bases, skins);
  const strings = Object.values(sets).flat().filter((s) => [...s].length > 1);
  sets.RGI_Emoji = membersOf('RGI_Emoji', [...new Set(strings)]);
  for (const p of STRING_PROPS) sets[p] = sets[p].filter((s) => [...s].length > 1).sort(compareCps);
  check(sets.RGI_Emoji.length === new Set(strings).size, 'RGI_Emoji is the union of the others');
  return sets;
}

// The single code points of a property of strings: intersected with a set of code points,
// a class keeps no strings.
function singlesOf(prop) {
  return '[\\p{' + prop + '}&&\\p{Any}]';
}

function compareCps(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

// ZWJ sequences cannot be listed by node, so they are searched for: every element is an
// emoji, an emoji with U+FE0F or a modifier base with a skin tone; pairs of elements are
// tried exhaustively, triples and quadruples around people and around the pairs found.
function zwjSequences(emoji, bases, skins) {
  const ZWJ = '\u200d';
  const elements = [];
  for (const c of emoji) elements.push(String.fromCodePoint(c), String.fromCodePoint(c, 0xfe0f));
  for (const b of bases) for (const s of skins) elements.push(String.fromCodePoint(b, s));
  const found = new Set();
  const add = (list) => membersOf('RGI_Emoji_ZWJ_Sequence', list).forEach((s) => found.add(s));
  for (const a of elements) add(elements.map((b) => a + ZWJ + b));
  const pairs = [...found];
  const people = [];
  for (const c of [0x1f468, 0x1f469, 0x1f9d1, 0x1f466, 0x1f467, 0x1f9d2, 0x1f476]) {
    people.push(String.fromCodePoint(c));
    for (const s of skins) people.push(String.fromCodePoint(c, s));
  }
  for (const a of people) for (const c of people) add(elements.map((b) => a + ZWJ + b + ZWJ + c));
  for (const p of pairs) add(elements.flatMap((e) => [p + ZWJ + e, e + ZWJ + p]));
  const small = people.concat(['\u2764\ufe0f', '\u{1F48B}']);
  for (const a of small) for (const b of small) for (const c of small) add(small.map((d) => [a, b, c, d].join(ZWJ)));
  for (const t of [...found].filter((s) => s.split(ZWJ).length === 3)) add(elements.flatMap((e) => [t + ZWJ + e, e + ZWJ + t]));
  return [...found];
}

// ==== Case folding ===========================================================
//
// Two characters match each other under the i flag when they canonicalize alike. Without
// u or v, Canonicalize upper-cases (when that gives a single code unit, and never from
// non-ASCII to ASCII); with u or v it is simple case folding. Both are tabled for the
// characters whose class (the characters that match it) has more than one member: the
// classes are read from what node's RegExp matches, the canonical form of each member is
// the upper-casing rule without u, and with u the member that \q{...} folds it to (V8
// folds the strings of \q with ICU's simple case folding).

function caseClasses(unicode) {
  const flags = unicode ? 'giu' : 'gi';
  const limit = unicode ? MAX_CP : 0xffff;
  const esc = (c) => (unicode ? '\\u{' + c.toString(16) + '}' : '\\u' + c.toString(16).padStart(4, '0'));
  const text = unicode ? ALL : (() => {
    const parts = [];
    for (let c = 0; c <= 0xffff; c++) parts.push(String.fromCharCode(c));
    return parts.join('');
  })();
  // Candidates: whatever changes under upper- or lower-casing, and what that gives.
  const cand = new Set();
  for (let c = 0; c <= limit; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    for (const t of [s.toUpperCase(), s.toLowerCase()]) {
      if (t !== s) {
        cand.add(c);
        if ([...t].length === 1) cand.add(t.codePointAt(0));
      }
    }
  }
  const classOf = new Map();
  for (const c of [...cand].sort((a, b) => a - b)) {
    if (c > limit || classOf.has(c)) continue;
    const members = [];
    for (const m of text.matchAll(new RegExp(esc(c), flags))) {
      members.push(unicode ? text.codePointAt(m.index) : text.charCodeAt(m.index));
    }
    check(members.includes(c), 'a character matches itself');
    if (members.length < 2) continue;
    for (const m of members) {
      check(!classOf.has(m), 'case classes overlap at ' + m.toString(16));
      classOf.set(m, members);
    }
  }
  // Spot-check that characters outside the classes match only themselves.
  for (let c = 0; c <= limit; c += 4999) {
    if ((c >= 0xd800 && c <= 0xdfff) || classOf.has(c)) continue;
    check([...text.matchAll(new RegExp(esc(c), flags))].length === 1, 'a character outside the classes matches others');
  }
  const canonOf = (c, members) => {
    if (!unicode) {
      const u = String.fromCharCode(c).toUpperCase();
      return u.length === 1 && !(c >= 128 && u.charCodeAt(0) < 128) ? u.charCodeAt(0) : c;
    }
    // [d--\q{c}] with d alone is empty exactly when d is the folding of c.
    const folds = members.filter((d) => !new RegExp('[' + esc(d) + '--\\q{' + esc(c) + '}]', 'v' + 'i').test(String.fromCodePoint(d)));
    check(folds.length === 1, 'one simple case folding for ' + c.toString(16));
    return folds[0];
  };
  const entries = [...classOf.entries()].sort((a, b) => a[0] - b[0]).map(([c, members]) => [c, canonOf(c, members)]);
  for (const [c, canon] of entries) {
    check(classOf.get(c).every((m) => entries.find((e) => e[0] === m)[1] === canon), 'a class has one canonical form');
  }
  const at = stream.length;
  put(entries.length);
  let prev = 0;
  for (const [c, canon] of entries) {
    put(c - prev);
    putSigned(canon - c);
    prev = c;
  }
  return { at, count: entries.length };
}

// ==== Capture group names ====================================================

// Which characters may start and continue a group name, compared with ID_Start and
// ID_Continue; the engine uses those sets plus the differences found here.
function groupNameSets() {
  const start = [];
  const part = [];
  for (let c = 0; c <= MAX_CP; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    if (ch === '\\' || ch === '>') continue;
    if (compiles('(?<' + ch + '>)', '')) start.push(c);
    if (compiles('(?<a' + ch + '>)', '')) part.push(c);
  }
  const toRanges = (cps) => {
    const out = [];
    for (const c of cps) {
      if (out.length && out[out.length - 1][1] + 1 === c) out[out.length - 1][1] = c;
      else out.push([c, c]);
    }
    return out;
  };
  return {
    start: putRanges(xorRanges(toRanges(start), rangesOf('\\p{ID_Start}'))),
    part: putRanges(xorRanges(toRanges(part), rangesOf('\\p{ID_Continue}'))),
  };
}

// ==== Output =================================================================

function cString(s) {
  const lines = [];
  for (let i = 0; i < s.length; i += 96) lines.push('  "' + s.slice(i, i + 96) + '"');
  return lines.join('\n');
}

function main() {
  const gc = generalCategory();
  const sc = scripts();
  const bin = binaries();
  const strings = emojiStrings();
  // Each property of strings: the single code points it holds, then its strings.
  // RGI_Emoji is the union of the other six (checked above), so it has no lists.
  const stringOffsets = STRING_PROPS.map((p) => {
    if (p === 'RGI_Emoji') {
      const singles = STRING_PROPS.slice(0, -1).map((q) => rangesOf(singlesOf(q), 'v')).flat();
      check(sameRanges(rangesOf(singlesOf('RGI_Emoji'), 'v'), unionRanges(singles)), 'RGI_Emoji singles');
      return 0;
    }
    const at = putRanges(rangesOf(singlesOf(p), 'v'));
    putStrings(strings[p]);
    return at;
  });
  const legacy = caseClasses(false);
  const unicode = caseClasses(true);
  const ids = groupNameSets();

  const lone = gc.names.map(([n, , mask]) => [n, 'UNI_GC', mask])
    .concat(bin.names.map(([n, kind, i]) => [n, kind === 'SPECIAL' ? 'UNI_SPECIAL' : 'UNI_BINARY', i]))
    .concat(STRING_PROPS.map((p, i) => [p, 'UNI_STRINGS', i]));
  lone.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const scriptNames = [];
  sc.list.forEach((e, i) => e.names.forEach((n) => scriptNames.push([n, i])));
  scriptNames.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const out = [];
  out.push(`/* unicode_data.c - the RegExp engine's Unicode tables (generated; do not edit).
 * Book: chapter 14, "Regular expressions".
 *
 * Written by stdlib/regexp/gen-unicode.js under node ${process.versions.node} (Unicode
 * ${process.versions.unicode}, ICU ${process.versions.icu}), which read every set from node's
 * own RegExp. The numbers live in one stream of base-64 digits, regexp_udata; unicode.c
 * decodes it (see the generator for the format). Entry points: the tables below.
 */
#include "stdlib/regexp/internal.h"

/* Generated: make format leaves the rest as the generator wrote it. */
// clang-format off
`);
  out.push('const char regexp_udata[] =\n' + cString(stream) + ';\n');
  out.push('/* \\p{NAME}: General_Category values, binary properties, properties of strings. */');
  out.push('const UniName regexp_uni_lone[] = {');
  for (const [n, kind, v] of lone) out.push(`  {"${n}", ${kind}, ${v >>> 0}u},`);
  out.push('};');
  out.push(`const int regexp_uni_lone_count = ${lone.length};\n`);
  out.push('/* \\p{Script=NAME} and \\p{Script_Extensions=NAME}: index into regexp_uni_scripts. */');
  out.push('const UniName regexp_uni_script_names[] = {');
  for (const [n, i] of scriptNames) out.push(`  {"${n}", UNI_SCRIPT, ${i}u},`);
  out.push('};');
  out.push(`const int regexp_uni_script_name_count = ${scriptNames.length};\n`);
  out.push('/* Per script: may it be named with Script, with Script_Extensions; the offset of the');
  out.push(' * ranges by which its Script_Extensions set differs from its Script set. */');
  out.push('const UniScript regexp_uni_scripts[] = {');
  sc.list.forEach((e, i) => out.push(`  {${e.sc ? 1 : 0}, ${e.scx ? 1 : 0}, ${sc.extensions[i]}u}, /* ${e.names.join(' ')} */`));
  out.push('};\n');
  out.push('/* Offsets in regexp_udata of the range list of each binary property. */');
  out.push('const uint32_t regexp_uni_binary[] = {');
  for (let i = 0; i < bin.offsets.length; i += 8) out.push('  ' + bin.offsets.slice(i, i + 8).map((o) => o + 'u,').join(' '));
  out.push('};\n');
  out.push('/* Offsets of the properties of strings, in UNI_STRINGS order: each is a range list (its');
  out.push(' * single code points) and a string list; RGI_Emoji, the last, is the union of the others. */');
  out.push('const uint32_t regexp_uni_strings[] = {' + stringOffsets.map((o) => o + 'u').join(', ') + '};\n');
  out.push('/* The other tables: General_Category runs, Script runs, case classes without and');
  out.push(' * with u/v, and the differences of group-name characters from ID_Start/ID_Continue. */');
  out.push(`const UniTables regexp_uni_tables = {${gc.runs}u, ${sc.runs}u, ${legacy.at}u, ${unicode.at}u, ${ids.start}u, ${ids.part}u};`);
  process.stdout.write(out.join('\n') + '\n');
  process.stderr.write(`gen-unicode: ${stream.length} bytes of data, ${lone.length} names, ${sc.list.length} scripts, ` +
    `${legacy.count}/${unicode.count} case entries, ` + STRING_PROPS.map((p) => p + ' ' + strings[p].length).join(', ') + '\n');
}

main();

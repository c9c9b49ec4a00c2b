#!/usr/bin/env node
// regexp-cases.js - writes tests/unit/regexp-cases.txt, the differential test of the
// RegExp engine: generated patterns, flags and subjects with what node does with them.
//
//     node tests/tools/regexp-cases.js > tests/unit/regexp-cases.txt       (the test's file)
//     node tests/tools/regexp-cases.js SEED COUNT > /tmp/more.txt            (a bigger hunt)
//
// The generator is deterministic (its own seeded random numbers), so the same node writes
// the same file. tests/unit/test_regexp_cases.c runs every case through the engine.
//
// Each case is one line of five tab-separated fields: pattern, flags, subject, start
// index, and node's result: "E:reason" when the pattern is a SyntaxError (the reason is
// the part of the message after "/pattern/flags: "), "null" when exec finds no match,
// else each group's "start,end" (or "-") separated by spaces. In the first three fields a
// tab, a newline, "%" and every code unit outside printable ASCII are written %XXXX.
'use strict';

const SEED = +(process.argv[2] || 20240607);
const COUNT = +(process.argv[3] || 2500);

// ==== Random numbers (mulberry32) ==============================================

let state = SEED >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

// ==== Patterns from a grammar ==================================================

const LETTERS = ['a', 'b', 'c', 'A', 'B', 'k', 's', 'x', '0', '1', ' ', '-', '_'];
const ESCAPES = ['\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '\\b', '\\B', '.', '.', '.', '\\d',
  '\\w', '\\n', '\\t', '\\x41', '\\u0062', '\\cJ', '\\0', '\\/', '\\.', '\\*', '\\u{1F600}',
  '\\uD83D', '\\uDE00', '\\uD83D\\uDE00', '\\u212A', '\\u017F'];
// Escapes that are errors with u or v, and some without.
const RARE_ESCAPES = ['\\-', '\\k', '\\K', '\\8', '\\07', '\\c1', '\\q', '\\c', '\\x4', '\\u{', '\\p'];
const CLASS_ITEMS = ['a', 'b', 'z', 'A', 'Z', '0', '9', '-', '\\d', '\\w', '\\s', '\\W', 'a-c',
  'A-Z', 'x-z', '\\u0100-\\u017F', '\\b', '\\-', '^', '.', '$', '\\]', 'k', 's', '\\u212A',
  '\\u{1F600}', '\\uD83D', '\\uDE00', '\\cA', '\\c_', '\\x20', '\\p{L}', '\\P{Ll}', '\\p{Lu}'];
const PROPS = ['L', 'Lu', 'Ll', 'Lt', 'Letter', 'Uppercase_Letter', 'gc=Lu', 'General_Category=Nd',
  'Nd', 'N', 'P', 'S', 'Sc', 'Z', 'Zs', 'C', 'Cc', 'Cn', 'Co', 'Cs', 'LC', 'Alphabetic', 'Alpha',
  'White_Space', 'space', 'ASCII', 'Any', 'Assigned', 'ASCII_Hex_Digit', 'Hex', 'Uppercase',
  'Lowercase', 'Upper', 'Lower', 'Emoji', 'Emoji_Presentation', 'Extended_Pictographic',
  'ID_Start', 'ID_Continue', 'Math', 'Dash', 'Script=Latin', 'sc=Grek', 'Script=Greek',
  'scx=Latn', 'Script_Extensions=Deva', 'sc=Cyrl', 'scx=Hira', 'sc=Zyyy', 'sc=Common',
  'sc=Zinh', 'scx=Zinh', 'sc=Unknown', 'sc=Hrkt', 'scx=Kana', 'sc=Tols', 'sc=Kawi',
  'Cased', 'CWCF', 'Changes_When_Lowercased', 'Regional_Indicator', 'RI', 'Variation_Selector',
  'Basic_Emoji', 'RGI_Emoji', 'Emoji_Keycap_Sequence', 'RGI_Emoji_Flag_Sequence',
  'RGI_Emoji_ZWJ_Sequence', 'RGI_Emoji_Modifier_Sequence', 'RGI_Emoji_Tag_Sequence',
  'Foo', 'lu', 'L ', 'sc=latin', 'Script=', 'General_Category', 'gc', 'Block=Basic_Latin',
  'Line_Break=AL', 'Script_Extensions=Latin', 'XID_Start', 'Pattern_Syntax', 'QMark'];

function atom(depth, ctx) {
  const r = random();
  if (r < 0.30) return pick(LETTERS);
  if (r < 0.45) return chance(0.93) ? pick(ESCAPES) : pick(RARE_ESCAPES);
  if (r < 0.58) return charClass(ctx);
  if (r < 0.62) return ctx.unicode && chance(0.8) ? (chance(0.5) ? '\\p{' : '\\P{') + pick(PROPS) + '}' : pick(LETTERS);
  if (depth > 3) return pick(LETTERS);
  if (r < 0.76) return group(depth, ctx);
  if (r < 0.84) return lookaround(depth, ctx);
  if (r < 0.92) return backref(ctx);
  return pick(['^', '$', '\\b', '\\B', '(?:)', '()']);
}

function charClass(ctx) {
  if (ctx.v && chance(0.5)) return setClass(0, ctx);
  let s = chance(0.3) ? '[^' : '[';
  // (with v, node 20 thinks [] and [^] match nothing wide, and then mishandles [^]$)
  const n = ctx.v ? 1 + int(3) : int(4);
  for (let i = 0; i < n; i++) s += pick(CLASS_ITEMS);
  return s + ']';
}

// A class of the v flag: operands combined by union, && or --.
function setClass(depth, ctx) {
  const operand = () => {
    const r = random();
    if (r < 0.35) return pick(['a', 'b', 'k', 'K', 's', 'S', 'x', '\\u212A', '\\u017F', 'ß', '\\u{1F600}', '\\-', '\\&']);
    if (r < 0.5) return pick(['a-z', 'A-Z', 'a-f', 'j-t', '\\u212A-\\u212B']);
    // (alternatives in order: V8 loses characters of \q{b|a} in && and --, see class.c)
    const key = (x) => (ctx.icase ? x.toLowerCase() : x);
    if (r < 0.65) return '\\q{' + Array.from({ length: 1 + int(3) }, () => pick(['', 'a', 'ab', 'K', 'sS', 'abc', '\u{1F600}']))
      .sort((x, y) => (key(x) < key(y) ? -1 : 1)).join('|') + '}';
    // (not \P{Any}: an empty operand crashes node 20 in some patterns)
    if (r < 0.8) return (chance(0.7) ? '\\p{' : '\\P{') + pick(['L', 'Lu', 'Ll', 'ASCII', 'Lowercase', 'RGI_Emoji', 'Basic_Emoji', 'sc=Latn', 'N', 'Emoji_Keycap_Sequence']) + '}';
    if (r < 0.9) return pick(['\\d', '\\w', '\\W', '\\s']);
    return depth < 2 ? setClass(depth + 1, ctx) : 'x';
  };
  const neg = chance(0.25) ? '^' : '';
  const r = random();
  const n = 1 + int(3);
  let body;
  if (r < 0.5) body = Array.from({ length: n }, operand).join('');
  else if (r < 0.75) body = Array.from({ length: n + 1 }, operand).join('--');
  else body = Array.from({ length: n + 1 }, operand).join('&&');
  if (chance(0.05)) body += pick(['-', '&&', '--', '(', '|', '&', '!!']);
  return '[' + neg + body + ']';
}

function group(depth, ctx) {
  const r = random();
  const body = disjunction(depth + 1, ctx);
  if (r < 0.55) {
    ctx.groups++;
    return '(' + body + ')';
  }
  if (r < 0.75) {
    ctx.groups++;
    const name = pick(['a', 'b', 'x', 'long_name', '$d', 'a1', 'K', 'é', '\\u0061', '\\u{1d49c}', '𝒜']);
    ctx.names.push(name);
    return '(?<' + name + '>' + body + ')';
  }
  return '(?:' + body + ')';
}

function lookaround(depth, ctx) {
  return pick(['(?=', '(?!', '(?<=', '(?<!']) + disjunction(depth + 1, ctx) + ')';
}

function backref(ctx) {
  if (ctx.names.length && chance(0.4)) return '\\k<' + pick(chance(0.9) ? ctx.names : ['zz']) + '>';
  if (ctx.groups === 0) return pick(LETTERS);
  return '\\' + (1 + int(ctx.groups + (chance(0.9) ? 0 : 2)));
}

function quantifier() {
  if (chance(0.03)) return pick(['{3,1}', '{,2}', '{1', '{}', '**']);
  return pick(['*', '+', '?', '{2}', '{0,1}', '{1,3}', '{2,}', '{0}', '*?', '+?', '??', '{1,2}?', '{2,}?', '*', '+']);
}

function term(depth, ctx) {
  let t = atom(depth, ctx);
  // (node 20 crashes on some quantified negated classes of the v flag: none of those)
  if (ctx.v && t.startsWith('[^')) return t;
  // Assertions and lookbehinds (and lookaheads with u) cannot be quantified: rarely try.
  const bad = ['^', '$', '\\b', '\\B'].includes(t) || /^\(\?<[=!]/.test(t) || (ctx.unicode && /^\(\?[=!]/.test(t));
  if (chance(bad ? 0.03 : 0.35)) t += quantifier();
  return t;
}

function alternative(depth, ctx) {
  let s = '';
  const n = 1 + int(depth > 1 ? 2 : 4);
  for (let i = 0; i < n; i++) s += term(depth, ctx);
  return s;
}

function disjunction(depth, ctx) {
  let s = alternative(depth, ctx);
  while (chance(depth > 1 ? 0.15 : 0.3)) s += '|' + alternative(depth, ctx);
  return s;
}

function flags() {
  let f = '';
  for (const [letter, p] of [['i', 0.35], ['m', 0.2], ['s', 0.2], ['y', 0.1]]) if (chance(p)) f += letter;
  const r = random();
  if (r < 0.3) f += 'u';
  else if (r < 0.5) f += 'v';
  return f;
}

// ==== Subjects =================================================================

const SUBJECT_CHARS = ['a', 'b', 'c', 'A', 'B', 'k', 'K', 's', 'S', 'x', 'z', '0', '1', '9', ' ', '\n',
  '-', '_', '.', '$', '\u212A', '\u017F', 'ß', '\u1E9E', 'é', 'É', 'Σ', 'σ', 'ς', '\u{1F600}', '\uD83D', '\uDE00',
  '\u{10400}', '\u{10428}', '\u2028', '\u00A0', 'ǅ', '\u{1F1E8}\u{1F1E6}', '1\uFE0F\u20E3', 'ab'];

// A subject: characters of the pattern itself half of the time, so that it matches.
function subject(pattern) {
  const own = Array.from(pattern).filter((c) => /[\w \-.$]/u.test(c) || c > '\x7f');
  const n = int(10);
  let s = '';
  for (let i = 0; i < n; i++) s += own.length && chance(0.5) ? pick(own) : pick(SUBJECT_CHARS);
  return s;
}

// ==== Cases with a purpose =====================================================

const FIXED = [
  // Case folding, with and without u: K/k/KELVIN SIGN, s/S/LONG S, sharp s, sigma.
  ['k', 'i', '\u212A'], ['k', 'iu', '\u212A'], ['\u212A', 'iu', 'K'], ['s', 'iu', '\u017F'],
  ['\u017F', 'i', 'S'], ['ß', 'iu', '\u1E9E'], ['ß', 'i', '\u1E9E'], ['σ', 'iu', 'ς'], ['Σ', 'i', 'ς'],
  ['[a-z]+', 'i', 'ABC\u212A'], ['[a-z]+', 'iu', 'ABC\u212A\u017F'], ['\\w+', 'iu', 'a\u017F\u212A'],
  ['\\W', 'iu', '\u017F'], ['\\W', 'i', '\u017F'], ['(a)\\1', 'i', 'aA'], ['(\u212A)\\1', 'iu', '\u212Ak'],
  ['(ß)\\1', 'iu', 'ß\u1E9E'], ['\\u{10400}', 'iu', '\u{10428}'], ['[\\u{10400}]', 'iu', '\u{10428}'],
  ['\u0390', 'iu', '\u1FD3'], ['\u0390', 'i', '\u1FD3'], ['\u13A0', 'iu', '\uAB70'], ['\u13A0', 'i', '\uAB70'],
  ['[^k]', 'iu', '\u212A'], ['[^\\W]', 'iu', '\u017F'], ['\\b', 'iu', '\u017F'], ['a\\b', 'iu', 'a\u017F'],
  ['[\\u212A-\\u212B]', 'iv', 'k'], ['[[a-z]--\\q{q}]', 'iv', 'Q'], ['[K--k]', 'iv', 'k'],
  ['[^\\q{K}]', 'iv', 'k'], ['\\P{Lowercase}', 'iv', 'a'], ['\\P{Ll}', 'iv', 'a'], ['\\P{ASCII}', 'iv', 'k'],
  // Surrogates, with and without u.
  ['\\uD83D', 'u', '\u{1F600}'], ['\\uDE00', 'u', '\u{1F600}'], ['\\uD83D', '', '\u{1F600}'], ['^.$', 'u', '\u{1F600}'],
  ['^..$', '', '\u{1F600}'], ['.', 'uy', '\u{1F600}', 1], ['(?:)', 'u', '\u{1F600}', 1], ['\\b', 'uy', '\u{1F600}', 1],
  ['[\\uD83D\\uDE00]', 'u', '\u{1F600}'], ['[\\uD83D\\uDE00]', '', '\u{1F600}'], ['\\uD83D\\uDE00', 'u', '\u{1F600}'],
  ['(?<=\\uD83D).', 'u', '\u{1F600}x'], ['(?<=\\uDE00)', 'u', '\u{1F600}x'], ['[^x]', 'u', '\uDE00\uD83D'],
  // Backtracking classics, with short subjects.
  ['(a*)*b', '', 'aaaaaaaaaaaaaaaa'], ['(a|aa)*c', '', 'aaaaaaaaaaaaaaaaaaa'], ['(x+x+)+y', '', 'xxxxxxxxxxxxxxx'],
  ['((a+)+)+b', '', 'aaaaaaaaaaaaa'], ['(a*)*$', '', 'aaaaaaaaaaaab'], ['^(\\w+\\s?)*$', '', 'a bb ccc dddd eeeee!'],
  ['(a?){12}a{12}', '', 'aaaaaaaaaaaa'], ['(.*)*x', 's', 'abcdefghijklmnop'], ['(?:a+|b+)*c', '', 'abababababababab'],
  // Empty loops and captures.
  ['(a*)+', '', 'b'], ['(a*)*', '', 'b'], ['(a*?)+?b', '', 'aab'], ['(?:(a)|b)*', '', 'ab'], ['(?:(a)|(b))+', '', 'aba'],
  ['(a)|\\1b', '', 'b'], ['(?:()|a)*', '', 'aa'], ['(?:a|())*?b', '', 'aab'], ['(()|a)+b', '', 'aab'],
  ['(?=(a+))a*b\\1', '', 'baaabac'], ['(?=(a+?))(\\1)*', '', 'aaa'], ['(.*?)a(?!(a+)b\\2c)\\2(.*)', '', 'baaabaac'],
  ['(z)((a+)?(b+)?(c))*', '', 'zaacbbbcac'], ['(?<a>x)|(?<b>y)\\k<a>', '', 'y'], ['\\k<a>(?<a>x)', '', 'x'],
  // Lookbehind.
  ['(?<=(\\d+)(\\d+))$', '', '1053'], ['(?<=\\1(a))b', '', 'aab'], ['(?<!(^|[ab]))\\w{2}', '', 'abc xyz'],
  ['(?<=^|,)\\w+', '', 'a,bc,d'], ['(?<=a(?=b)b)c', '', 'abc'], ['(?<=(?<!x)a)b', '', 'xab ab'],
  ['(?<=\\b)x', '', ' x'], ['(?<=a{2,3})b', '', 'aaab'], ['(?<=(a|aa))b', '', 'aab'], ['(?<=a*?)b', '', 'aab'],
  // Anchors and multiline.
  ['^b', 'm', 'a\nb'], ['a$', 'm', 'a\nb'], ['^$', 'm', '\n'], ['$', '', 'a\n'], ['^', 'gm', 'a\u2028b', 2],
  ['.', 's', '\n'], ['.', '', '\u2029'], ['[^]', '', '\n'], ['[]', '', 'a'], ['[^]*', 'v', 'ab'],
  // The v flag: strings in classes and properties of strings.
  ['[\\q{abc|ab|a}]', 'v', 'abc'], ['[\\q{abc|ab|a}]$', 'v', 'xab'], ['[\\q{}a]', 'v', 'b'],
  ['[\\q{}a]+', 'v', 'aab'], ['\\p{RGI_Emoji}', 'v', 'x\u{1F600}'], ['\\p{RGI_Emoji}', 'v', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
  ['^\\p{RGI_Emoji_Flag_Sequence}$', 'v', '\u{1F1E8}\u{1F1E6}'], ['\\p{Emoji_Keycap_Sequence}', 'v', '1\uFE0F\u20E3'],
  ['^\\p{RGI_Emoji_Tag_Sequence}$', 'v', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'],
  ['^[\\p{RGI_Emoji}--\\q{\u{1F600}}]$', 'v', '\u{1F600}'], ['(?<=\\p{RGI_Emoji})x', 'v', '\u{1F469}\u{1F3FD}x'],
  ['[\\q{ab|c}--\\q{AB}]', 'iv', 'ab'], ['^[\\q{\u212A\u017F}]$', 'iv', 'ks'], ['[\\p{L}&&\\p{sc=Grek}]+', 'v', 'aβγd'],
  // Properties.
  ['\\p{Lu}+', 'u', 'aBCd'], ['\\P{L}', 'u', 'ab1'], ['\\p{sc=Greek}', 'u', 'aπ'], ['\\p{scx=Grek}', 'u', '\u0342'],
  ['\\p{Script=Latin}+', 'u', 'héllo'], ['[\\p{N}--\\p{Nd}]', 'v', '1²'], ['\\p{Any}', 'u', '\uDE00'],
  ['\\p{Cs}', 'u', '\uD800'], ['\\p{Emoji_Presentation}', 'u', 'a\u{1F600}'], ['\\p{Lu}', 'iu', 'a'],
  ['\\p{Sc}', 'u', '$€'], ['\\p{Nd}', 'u', '٣'], ['\\p{Cn}', 'u', '\u0378'], ['\\p{Assigned}', 'u', '\u0378a'],
  // Errors node reports, one of each.
  ['(', ''], ['(?:', ''], [')', ''], ['a)', ''], ['[', ''], ['[a', ''], ['\\', ''], ['a**', ''], ['?', ''],
  ['{1}', ''], ['x{2,1}', ''], ['(?<a>.)(?<a>.)', ''], ['\\k<a>(?<b>.)', ''], ['(?<1>.)', ''], ['(?<a', ''],
  ['(?x)', ''], ['(?<=a)*', ''], ['(?=a)*', 'u'], ['{', 'u'], [']', 'u'], ['x{', 'u'], ['\\-', 'u'], ['\\c', 'u'],
  ['\\u{110000}', 'u'], ['\\x1', 'u'], ['\\1', 'u'], ['\\01', 'u'], ['[\\1]', 'u'], ['[\\d-a]', 'u'],
  ['[z-a]', ''], ['\\p{Foo}', 'u'], ['[\\p{Foo}]', 'u'], ['\\k', 'u'], ['\\k<a>', 'u'], ['(?<a>.)\\k', ''],
  ['[a-z--b]', 'v'], ['[a&&&b]', 'v'], ['[(]', 'v'], ['[^\\q{ab}]', 'v'], ['\\P{RGI_Emoji}', 'v'],
  ['[\\q{a]', 'v'], ['\\q{a}', 'v'], ['[a--]', 'v'], ['[&&a]', 'v'], ['\\p{RGI_Emoji}', 'u'],
];

// ==== Output ===================================================================

function escape(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x25) out += s[i];
    else out += '%' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

// What node does: the reason of a SyntaxError, or exec from `start` (as lastIndex).
function result(pattern, flags, s, start) {
  const used = flags.replace(/[gd]/g, '') + (flags.includes('y') ? '' : 'g') + 'd';
  let re;
  try {
    re = new RegExp(pattern, used);
  } catch (e) {
    const prefix = 'Invalid regular expression: /' + pattern + '/' + new RegExp('', used).flags + ': ';
    if (!e.message.startsWith(prefix)) throw e;
    return 'E:' + e.message.slice(prefix.length);
  }
  re.lastIndex = start;
  const m = re.exec(s);
  if (!m) return 'null';
  return m.indices.map((x) => (x ? x[0] + ',' + x[1] : '-')).join(' ');
}

function line(pattern, flags, s, start) {
  const r = result(pattern, flags, s, start);
  return [escape(pattern), flags, escape(s), start, r].join('\t');
}

function main() {
  const out = ['# tests/unit/regexp-cases.txt: written by tests/tools/regexp-cases.js under node ' +
    process.versions.node + ' (seed ' + SEED + ', ' + COUNT + ' random cases); do not edit'];
  for (const [p, f, s = '', start = 0] of FIXED) out.push(line(p, f, s, start));
  for (let i = 0; i < COUNT; i++) {
    const f = flags();
    const ctx = { groups: 0, names: [], v: f.includes('v'), unicode: /[uv]/.test(f), icase: f.includes('i') };
    const p = disjunction(0, ctx);
    const subjects = 1 + int(3);
    for (let k = 0; k < subjects; k++) {
      const s = subject(p);
      out.push(line(p, f, s, chance(0.8) ? 0 : int(s.length + 2)));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();

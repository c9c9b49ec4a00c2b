#!/usr/bin/env node
// gen-string-data.js - writes stdlib/ecma/string_data.c, the Unicode tables of String's
// case mapping (toUpperCase, toLowerCase) and normalization (normalize).
// Book: chapter 7, "The standard library".
//
// Run from the repository root, under the node whose behaviour tinynode copies:
//     node stdlib/ecma/gen-string-data.js > stdlib/ecma/string_data.c
// Node itself is the oracle, as for the RegExp engine's tables (stdlib/regexp/
// gen-unicode.js): every mapping is what node's toUpperCase, toLowerCase and normalize
// give for each code point alone, the two sets Final_Sigma looks at are what node's
// \p{Cased} and \p{Case_Ignorable} match, and the canonical combining classes are
// found by asking node's NFD which of two marks goes first (only their order matters
// to the algorithm, so the table holds ranks, not the Unicode numbers). The output is
// the same file every time under the same node; it takes a few seconds.
'use strict';

const MAX_CP = 0x10ffff;
const isSurrogate = (c) => c >= 0xd800 && c <= 0xdfff;
const isHangulSyllable = (c) => c >= 0xac00 && c <= 0xd7a3;
const chr = (c) => String.fromCodePoint(c);
const cps = (s) => [...s].map((ch) => ch.codePointAt(0));
const hex = (c) => '0x' + c.toString(16).toUpperCase();

function* allCodePoints() {
  for (let c = 0; c <= MAX_CP; c++) if (!isSurrogate(c)) yield c;
}

// ==== Case mapping ===========================================================

// Runs of code points whose mapping is one code point at a fixed distance: every
// `stride`-th code point from first to last maps to itself + delta.
function caseRuns(map) {
  const runs = [];
  for (const c of allCodePoints()) {
    const to = cps(map(chr(c)));
    if (to.length !== 1 || to[0] === c) continue;
    const delta = to[0] - c, run = runs[runs.length - 1], gap = run ? c - run.last : 0;
    if (run && run.delta === delta && (run.count === 1 ? gap <= 2 : gap === run.stride)) {
      run.stride = gap;
      run.last = c;
      run.count++;
      continue;
    }
    runs.push({ first: c, last: c, delta, stride: 1, count: 1 });
  }
  return runs;
}

// Code points whose mapping is longer than one code point (ß -> SS).
function caseSpecials(map) {
  const out = [];
  for (const c of allCodePoints()) {
    const to = cps(map(chr(c)));
    if (to.length > 1) out.push({ c, to });
  }
  return out;
}

// The ranges of code points a property escape matches.
function ranges(property) {
  const re = new RegExp('^\\p{' + property + '}$', 'u');
  const out = [];
  for (const c of allCodePoints()) {
    if (!re.test(chr(c))) continue;
    const last = out[out.length - 1];
    if (last && (last[1] + 1 === c || (last[1] === 0xd7ff && c === 0xe000))) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

// ==== Normalization ==========================================================

// The code points whose full decomposition (form 'NFD' or 'NFKD') is not themselves;
// Hangul syllables are left to the algorithm.
function decompositions(form, except) {
  const out = [];
  for (const c of allCodePoints()) {
    if (isHangulSyllable(c)) continue;
    const d = chr(c).normalize(form);
    if (d !== chr(c) && (!except || d !== except(c))) out.push({ c, to: cps(d) });
  }
  return out;
}

// Does NFD put b before a when a comes first? Then ccc(a) > ccc(b) > 0.
const swaps = (a, b) => (chr(a) + chr(b)).normalize('NFD') === chr(b) + chr(a);

// The code points of non-zero canonical combining class, with a rank that orders them
// as their classes do (equal classes, equal ranks). A mark of class 230 (U+0301) and the
// one of class 240 (U+0345) tell every non-zero class from zero.
function combiningRanks() {
  const marks = [];
  for (const c of allCodePoints()) {
    if (chr(c).normalize('NFD') !== chr(c)) continue;
    if (c === 0x345 || swaps(0x345, c) || swaps(c, 0x301)) /* 0 < class < 240, or > 230 */
      marks.push(c);
  }
  marks.sort((a, b) => (swaps(a, b) ? 1 : swaps(b, a) ? -1 : 0));
  const out = [];
  let rank = 0;
  for (let i = 0; i < marks.length; i++) {
    if (i === 0 || swaps(marks[i], marks[i - 1]) || swaps(marks[i - 1], marks[i])) rank++;
    out.push({ c: marks[i], rank });
  }
  if (rank > 255) throw new Error('more than 255 combining classes');
  return out;
}

// Primary composites: a starter (or composite) and a mark that NFC joins into one code
// point, read back from the composite's own decomposition.
function compositions() {
  const out = [];
  for (const c of allCodePoints()) {
    if (isHangulSyllable(c)) continue;
    const d = chr(c).normalize('NFD');
    if (d === chr(c) || chr(c).normalize('NFC') !== chr(c)) continue;
    const parts = cps(d), second = parts.pop();
    const first = cps(String.fromCodePoint(...parts).normalize('NFC'));
    if (first.length !== 1) throw new Error('composite ' + hex(c) + ' of more than two');
    out.push({ first: first[0], second, c });
  }
  out.sort((x, y) => x.first - y.first || x.second - y.second);
  return out;
}

// ==== Output =================================================================

function table(type, name, rows, perLine, comment) {
  const lines = [];
  for (let i = 0; i < rows.length; i += perLine) lines.push('    ' + rows.slice(i, i + perLine).join(' '));
  return `/* ${comment} */\nconst ${type} ${name}[] = {\n${lines.join('\n')}\n};\n` +
         `const uint32_t ${name}_count = ${rows.length};\n`;
}

function runRows(runs) {
  return runs.map((r) => `{${hex(r.first)}, ${hex(r.last)}, ${r.delta}, ${r.stride}},`);
}

// Expansions go into one pool of code points; a row gives the offset and the length.
function expansionRows(list, pool) {
  return list.map(({ c, to }) => {
    const at = pool.length;
    pool.push(...to);
    return `{${hex(c)}, ${at}, ${to.length}},`;
  });
}

function main() {
  const pool = [];
  const upperRuns = caseRuns((s) => s.toUpperCase()), lowerRuns = caseRuns((s) => s.toLowerCase());
  const upperSpecial = expansionRows(caseSpecials((s) => s.toUpperCase()), pool);
  const lowerSpecial = expansionRows(caseSpecials((s) => s.toLowerCase()), pool);
  const canonical = expansionRows(decompositions('NFD'), pool);
  const compat = expansionRows(decompositions('NFKD', (c) => chr(c).normalize('NFD')), pool);
  const rankRuns = [];
  for (const { c, rank } of combiningRanks().sort((a, b) => a.c - b.c)) {
    const last = rankRuns[rankRuns.length - 1];
    if (last && last.last + 1 === c && last.rank === rank) last.last = c;
    else rankRuns.push({ first: c, last: c, rank });
  }
  const range = (r) => `{${hex(r[0])}, ${hex(r[1])}},`;
  const out = [];
  out.push(`/* string_data.c - the Unicode tables of String's case mapping and normalization
 * (generated by stdlib/ecma/gen-string-data.js under node ${process.versions.node}, Unicode ${process.versions.unicode}; do not edit).
 * Book: chapter 7, "The standard library".
 *
 * Every table is sorted by code point and searched by halving (string_data.h). */
#include "stdlib/ecma/string_data.h"

/* clang-format off */
`);
  out.push(table('StrCaseRun', 'str_upper_runs', runRows(upperRuns), 3, 'toUpperCase: one code point to one'));
  out.push(table('StrCaseRun', 'str_lower_runs', runRows(lowerRuns), 3, 'toLowerCase: one code point to one'));
  out.push(table('StrExpansion', 'str_upper_special', upperSpecial, 4, 'toUpperCase: one code point to several'));
  out.push(table('StrExpansion', 'str_lower_special', lowerSpecial, 4, 'toLowerCase: one code point to several'));
  out.push(table('StrRange', 'str_cased', ranges('Cased').map(range), 4, 'Cased (Final_Sigma)'));
  out.push(table('StrRange', 'str_case_ignorable', ranges('Case_Ignorable').map(range), 4, 'Case_Ignorable (Final_Sigma)'));
  out.push(table('StrExpansion', 'str_canonical', canonical, 4, 'NFD of each code point (Hangul syllables aside)'));
  out.push(table('StrExpansion', 'str_compat', compat, 4, 'NFKD of each code point whose NFKD is not its NFD'));
  out.push(table('StrCombining', 'str_combining', rankRuns.map((r) => `{${hex(r.first)}, ${hex(r.last)}, ${r.rank}},`), 3,
                 'Non-zero canonical combining classes, as ranks in the same order'));
  out.push(table('StrComposition', 'str_compositions', compositions().map((r) => `{${hex(r.first)}, ${hex(r.second)}, ${hex(r.c)}},`), 3,
                 'Primary composites: first + second -> composite, by first then second'));
  const poolRows = pool.map((c) => hex(c) + ',');
  out.push(table('uint32_t', 'str_pool', poolRows, 10, 'The code points the expansions above point into'));
  out.push('/* clang-format on */\n');
  process.stdout.write(out.join('\n'));
}

main();

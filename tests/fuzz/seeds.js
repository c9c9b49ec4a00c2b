// seeds.js - writes the seed corpora of the libFuzzer harnesses (tests/fuzz/README.md):
//
//   node tests/fuzz/seeds.js      (from the top of the tree; rewrites tests/fuzz/corpus/)
//
// compile has none here: run.sh gathers the tree's own small scripts at each run.
// json: the documents below; http: the requests below, well-formed and not, each after
// the harness's two bytes that seed the splits; regexp: the cases of the engine's
// differential test (tests/unit/regexp-cases.txt), one per distinct pattern and flags,
// laid out as fuzz_regexp.c reads them. The output is checked in; findings added by
// hand (named finding-*) are left alone.
'use strict';
const fs = require('fs');
const path = require('path');

const out = 'tests/fuzz/corpus';

function reset(name) {
  const dir = path.join(out, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) {
    if (!f.startsWith('finding-')) fs.unlinkSync(path.join(dir, f));
  }
  return dir;
}

const JSON_SEEDS = [
  '{"a":1,"b":[true,false,null],"c":{"d":"e"}}', '[]', '{}', '""', '0', '-0', '1e400',
  '-1.5e-7', '0.1', '123456789012345678901234567890', '1E+2', '[1,[2,[3,[4,[5]]]]]',
  '"\\u0000\\ud800\\udc00\\ud83d\\ude00\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\ud800"',
  '{"__proto__":{"x":1},"x":2,"x":3}', '{"2":1,"1":2,"a":3,"-1":4,"4294967295":5}',
  ' \t\r\n[ 1 , 2 ]\n ', '[1,]', '{"a":1,}', "{'a':1}", '[NaN]', '[Infinity]', '01', '1.',
  '.5', '+1', '--1', '"\t"', '"\\x41"', '"\\u12"', '[1 2]', '{"a" 1}', '{"a":}', 'tru',
  'nul', '[', '{', '"abc', '/* c */1', '\ufeff{}', '1 2', '"é ☃ 😀"', '{"":""}',
  '[' .repeat(300) + ']'.repeat(300), '{"a":'.repeat(100) + '1' + '}'.repeat(100),
  '[' + '1,'.repeat(200) + '1]', '{"x":[],"y":{},"z":[{}],"w":[[]]}', '1e-400', '-',
  '[-0.0e0]', '9007199254740993', '"' + 'x'.repeat(300) + '"',
];

function jsonSeeds() {
  const dir = reset('json');
  JSON_SEEDS.forEach((s, i) => fs.writeFileSync(path.join(dir, 'seed-' + i), s));
}

const HTTP_SEEDS = [
  'GET / HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /x?y=1#z HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n' +
    'GET /2 HTTP/1.1\r\nHost: a\r\n\r\n',
  'POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello',
  'POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '5;ext=1\r\nhello\r\n0\r\nTrailer: t\r\n\r\n',
  'GET / HTTP/1.0\r\n\r\n',
  'GET / HTTP/1.0\r\nConnection: keep-alive\r\nTE: chunked\r\n\r\n',
  'CONNECT host:443 HTTP/1.1\r\nHost: host:443\r\n\r\n',
  'GET /chat HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
  'HEAD / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
  'GET / HTTP/2.0\r\nHost: a\r\n\r\n',
  'GET /\r\n\r\n',
  'PROPFIND /d HTTP/1.1\r\nHost: a\r\nDepth: 1\r\nContent-Length: 0\r\n\r\n',
  'get / HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET / HTTP/1.1\nHost: a\n\n',
  'GET / HTTP/1.1\r\nHost a\r\n\r\n',
  'GET / HTTP/1.1\r\nHost : a\r\n\r\n',
  'GET / HTTP/1.1\r\n Host: a\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
  'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n',
  'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET / HTTP/1.1\r\nConnection: close\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nX: \u0001\r\n\r\n',
  'GET /\u0000 HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET / HTTP/1.1\rHost: a\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nX-Long: ' + 'v'.repeat(16400) + '\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;' + 'e'.repeat(16400) +
    '\r\na\r\n0\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nConnection: close, upgrade\r\nUpgrade: h2c\r\n\r\n',
  'BREW / HTTP/1.1\r\n\r\n',
  'GET / HTTP/1.12\r\n\r\n',
  'GET / HTTP/1.1\r\n',
  '\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n',
];

function httpSeeds() {
  const dir = reset('http');
  HTTP_SEEDS.forEach((s, i) => {
    const split = Buffer.from([i * 37 % 256, i * 11 % 256]);
    fs.writeFileSync(path.join(dir, 'seed-' + i), Buffer.concat([split, Buffer.from(s, 'latin1')]));
  });
}

const FLAG_BITS = { d: 1, g: 2, i: 4, m: 8, s: 16, u: 32, v: 64, y: 128 };

// The differential test's text: %XXXX is a UTF-16 unit, %% a percent sign.
function unescape(s) {
  return s.replace(/%%|%([0-9A-F]{4})/g,
    (m, hex) => (hex ? String.fromCharCode(parseInt(hex, 16)) : '%'));
}

// Text as the harness decodes it: Latin-1 bytes when narrow, else UTF-8 (a lone
// surrogate as its three-byte form, which the harness's lenient decoder accepts).
function encode(s) {
  const wide = /[^\u0000-\u00ff]/.test(s);
  if (!wide) return [false, Buffer.from(s, 'latin1')];
  const bytes = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c >= 0xd800 && c <= 0xdfff) {
      bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return [true, Buffer.from(bytes)];
}

function regexpSeeds() {
  const dir = reset('regexp');
  const seen = new Set();
  const lines = fs.readFileSync('tests/unit/regexp-cases.txt', 'utf8').split('\n');
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const [pattern, flags, subject, start] = line.split('\t');
    if (seen.has(pattern + '/' + flags) || seen.size >= 300) continue;
    seen.add(pattern + '/' + flags);
    const p = encode(unescape(pattern)), s = encode(unescape(subject));
    if (p[1].includes(0)) continue; // the harness ends the pattern at a NUL
    let bits = 0;
    for (const f of flags) bits |= FLAG_BITS[f];
    const mode = (p[0] ? 1 : 0) | (s[0] ? 2 : 0) | (Math.min(+start, 63) << 2);
    const bytes = Buffer.concat([Buffer.from([bits, mode]), p[1], Buffer.from([0]), s[1]]);
    fs.writeFileSync(path.join(dir, 'case-' + seen.size), bytes);
  }
}

jsonSeeds();
httpSeeds();
regexpSeeds();

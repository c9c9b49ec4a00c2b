// builtins.js - the built-in API fuzzer's generator (tests/fuzz/README.md).
//
//   tinynode builtins.js SEED [ROUNDS [COUNT]] > programs
//
// Finds every function reachable from globalThis and from require() of each built-in
// module: data properties, getters and setters, through prototypes and nested objects.
// Then writes a program: builtins-prelude.js followed by ROUNDS calls (default 150), each
// to a function picked with the generator seeded by SEED, with odd arguments and an odd
// `this` (wrong types, huge lengths, getters that throw or allocate, valueOf that reshapes
// an array being walked, deep nesting, proxies where they exist, earlier results), some
// as `new`. With COUNT (default 1), the programs of seeds SEED .. SEED+COUNT-1 follow
// each other, each starting with a line `//@@ seed N` (the walk is done once for all).
// The same seed gives the same program on the same tinynode. builtins.sh runs the
// programs under TINYNODE_GC_STRESS=1 and the asan build, keeping any that crash.
'use strict';
const fs = require('fs');

const firstSeed = Number(process.argv[2] || 1);
const rounds = Number(process.argv[3] || 150);
const count = Number(process.argv[4] || 1);

// ---- A deterministic generator (the programs must be reproducible from SEED) ----

let state = 1;
function rnd(n) {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state % n;
}

// ---- Finding the functions ----

// Node's built-in modules that a script may require; those tinynode lacks are skipped.
const MODULES = ['assert', 'buffer', 'events', 'fs', 'http', 'os', 'path', 'querystring',
  'string_decoder', 'timers', 'url', 'util'];
// Never called, whatever object they hang from (the prelude also makes them no-ops);
// exitCode's setter would give the program a status above 128 that is not a crash.
const NEVER = new Set(['exit', 'reallyExit', 'abort', 'kill', 'chdir', 'setInterval', 'listen',
  'watch', 'watchFile', 'dlopen', 'setuid', 'setgid', 'connect', 'createConnection',
  'exitCode']);
// Not walked into: per-process state the program would see differently.
const NOT_WALKED = new Set(['cache', 'env', 'argv', 'mainModule', 'module', 'exports',
  'children', 'parent']);

const WELL_KNOWN = Object.getOwnPropertyNames(Symbol).filter((k) => typeof Symbol[k] === 'symbol');

// A key as JavaScript source ('"name"' or 'Symbol.iterator'), or null when a program
// could not name it (a symbol that is not well known).
function keySource(k) {
  if (typeof k === 'string') return JSON.stringify(k);
  const name = WELL_KNOWN.find((w) => Symbol[w] === k);
  return name ? 'Symbol.' + name : null;
}

function ownKeys(o) {
  return [...Object.getOwnPropertyNames(o), ...Object.getOwnPropertySymbols(o)];
}

// Walks breadth-first from each root, reading descriptors only (no getter runs here).
function collect() {
  const found = [];
  const seen = new Set();
  const queue = [['', [], globalThis], ['process', [], process]];
  for (const m of MODULES) {
    try {
      queue.push([m, [], require(m)]);
    } catch (e) {}
  }
  while (queue.length) {
    const [rootName, path, obj] = queue.shift();
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) continue;
    if (seen.has(obj) || path.length > 5) continue;
    seen.add(obj);
    for (const k of ownKeys(obj)) {
      const src = keySource(k);
      if (src === null || NEVER.has(k) || NOT_WALKED.has(k)) continue;
      const d = Object.getOwnPropertyDescriptor(obj, k);
      const keys = [...path, src];
      for (const [kind, f] of [['v', d.value], ['g', d.get], ['s', d.set]]) {
        if (typeof f === 'function') found.push({ rootName, keys, kind });
      }
      if (d.value !== undefined) queue.push([rootName, keys, d.value]);
    }
  }
  return found;
}

// ---- Writing the program ----

// An argument: mostly a fresh odd value, sometimes an earlier result; the expensive odd
// values (V(45) and up: deep nesting, endless lengths) are rare. fs functions get fresh
// values only.
function arg(fsOnly) {
  if (!fsOnly && rnd(4) === 0) return 'R(' + rnd(32) + ')';
  return 'V(' + (rnd(60) === 0 ? 45 + rnd(4) : rnd(45)) + ')';
}

// `this`: the function's own holder when that is a prototype (so methods see their
// class), else an odd value. Module objects and globalThis are never handed out as `this`.
function self(f) {
  const holder = f.keys.slice(0, -1);
  if (holder.length >= 2 && holder[holder.length - 1] === '"prototype"' && rnd(3) === 0)
    return `F(${JSON.stringify(f.rootName)}, [${holder.slice(0, -1).join(', ')}], 'v').prototype`;
  return arg(f.rootName === 'fs');
}

function callLine(f) {
  const fsOnly = f.rootName === 'fs';
  const args = [];
  for (let n = rnd(5); n > 0; n--) args.push(arg(fsOnly));
  const fn = `F(${JSON.stringify(f.rootName)}, [${f.keys.join(', ')}], '${f.kind}')`;
  return `T(${fn}, ${self(f)}, [${args.join(', ')}], ${rnd(5) === 0 ? 1 : 0});`;
}

const fns = collect();
const prelude = fs.readFileSync(__dirname + '/builtins-prelude.js', 'utf8');
for (let seed = firstSeed; seed < firstSeed + count; seed++) {
  state = (seed >>> 0) || 1;
  const lines = [`//@@ seed ${seed}`, prelude, `// ${rounds} calls out of ${fns.length} functions`];
  for (let i = 0; i < rounds; i++) lines.push(callLine(fns[rnd(fns.length)]));
  lines.push("console.log('calls', calls);");
  console.log(lines.join('\n'));
}

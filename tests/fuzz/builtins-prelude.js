// builtins-prelude.js - the start of every program tests/fuzz/builtins.js writes: the odd
// values, the function lookup and the guarded call. See tests/fuzz/README.md.
//
// A generated program is this file followed by one line per call, such as
//   T(F('fs', ['readFileSync'], 'v'), V(3), [V(12), R(5)], 0);
// F finds a function by its path from a root (a module name, or '' for globalThis), V(i)
// makes odd value number i afresh, R(i) is the result of an earlier call, and T calls
// (or constructs) catching whatever it throws. Only a crash is a finding.
'use strict';

// ---- Hazards: what would end the process, hang it, or leave its scratch directory ----

const NOOP = function () {};
// Every property here is replaced by a no-op before any call is made: nothing reachable
// may exit, kill, change directory, repeat forever, listen or connect.
const DEFANG = [
  ['process', ['exit', 'reallyExit', 'abort', 'kill', 'chdir', 'dlopen', 'setuid', 'setgid']],
  ['', ['setInterval']],
  ['fs', ['watch', 'watchFile']],
  ['http', ['request', 'get']],
  ['net', ['connect', 'createConnection']],
  ['child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']],
];

function root(name) {
  if (name === '') return globalThis;
  if (name === 'process') return process;
  try {
    return require(name);
  } catch (e) {
    return undefined;
  }
}

function defang(holder, key) {
  try {
    Object.defineProperty(holder, key, { value: NOOP, writable: true, configurable: true });
  } catch (e) {
    try {
      holder[key] = NOOP;
    } catch (e2) {}
  }
}

for (const [name, keys] of DEFANG) {
  const r = root(name);
  if (r) for (const k of keys) if (k in r) defang(r, k);
}
// A server is made, never started: listen would keep the process alive.
for (const proto of ['Server', 'Agent']) {
  const http = root('http');
  if (http && http[proto] && http[proto].prototype) defang(http[proto].prototype, 'listen');
}

// fs only ever sees names inside the scratch directory the driver runs us in, and never
// the descriptors of stdin, stdout and stderr (closing 2 would lose ASan's report).
function safeArg(a) {
  if (typeof a === 'string') return !a.includes('/') && a !== '.' && a !== '..';
  if (typeof a === 'number') return !(a >= 0 && a <= 2);
  return typeof a !== 'object' || a === null || !('href' in a || 'buffer' in a);
}

function guardModule(mod) {
  if (!mod) return;
  for (const k of Object.getOwnPropertyNames(mod)) {
    const d = Object.getOwnPropertyDescriptor(mod, k);
    if (!d || typeof d.value !== 'function' || !d.writable) continue;
    const native = d.value;
    if (/^(readFile|readSync|read$|stat|lstat|exists|access|readdir|readlink)/.test(k)) continue;
    mod[k] = function (...args) {
      if (!args.every(safeArg)) throw new Error('fuzz: argument kept away from fs');
      return new.target ? new native(...args) : native.apply(this, args);
    };
  }
}
guardModule(root('fs'));
if (root('fs')) guardModule(root('fs').promises);

// ---- Odd values ----

// A little garbage: under TINYNODE_GC_STRESS=1 every allocation is a collection, so a
// few objects are enough to move the heap under a built-in that called back into us.
function churn() {
  return [{ t: ticks }, 'c' + ticks].length;
}

// An array the odd values mutate while a built-in is walking it.
const shared = [1, 'two', { three: 3 }, [4], 5.5, undefined, null, 'eight'];
function reshape(n) {
  churn();
  if (n % 3 === 0) shared.length = 0;
  else if (n % 3 === 1) for (let i = 0; i < 40; i++) shared.push({ i });
  else shared.length = 3;
}

let ticks = 0;
let deepValue, deepObject;
function deep() {
  if (!deepValue) {
    deepValue = [];
    for (let i = 0; i < 3000; i++) deepValue = [deepValue];
  }
  return deepValue;
}
function deepObj() {
  if (!deepObject) {
    deepObject = {};
    for (let i = 0; i < 3000; i++) deepObject = { a: deepObject };
  }
  return deepObject;
}
// Infinitely deep, lazily: every level is a fresh object from a getter.
function lazy(n) {
  return {
    get next() {
      return lazy(n + 1);
    },
    n,
  };
}

// An object every protocol of which is hostile: getters that allocate, throw, or change
// their answer; an iterator that churns; a constructor whose species is odd.
function hostile(n) {
  const o = {
    get length() {
      churn();
      return n % 2 ? 3 : -1;
    },
    get 0() {
      reshape(n);
      return 'zero';
    },
    get constructor() {
      churn();
      return n % 2 ? undefined : { [Symbol.species]: n % 4 ? null : Array };
    },
    get then() {
      if (n % 5 === 0) throw new Error('then');
      return undefined;
    },
    get lastIndex() {
      churn();
      return n % 3 ? -1 : 2 ** 31;
    },
    toString() {
      churn();
      return 'h' + n;
    },
    valueOf() {
      reshape(n++);
      return n % 7;
    },
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          churn();
          if (n % 6 === 0 && i === 1) throw new Error('next');
          return { value: i, done: i++ > 2 };
        },
        return() {
          churn();
          return {};
        },
      };
    },
  };
  return o;
}

// Number i of the odd values (i wraps around). Fresh each call; 45 and up are rare.
function V(i) {
  switch (i % 49) {
    case 0: return undefined;
    case 1: return null;
    case 2: return 0;
    case 3: return -1;
    case 4: return 2 ** 31;
    case 5: return NaN;
    case 6: return 1.5;
    case 7: return -0;
    case 8: return '';
    case 9: return 'abc';
    case 10: return ' 12x';
    case 11: return 'x'.repeat(1000);
    case 12: return Symbol('s');
    case 13: return true;
    case 14: return {};
    case 15: return [];
    case 16: return [1, 2, 3];
    case 17: return function () {};
    case 18: return new Error('e');
    case 19: return { valueOf() { reshape(ticks++); return 3; } };
    case 20: return { toString() { churn(); return 'ts' + ticks++; } };
    case 21: return { valueOf() { throw new Error('valueOf'); } };
    case 22: return { get length() { churn(); return 5; } };
    case 23: return { [Symbol.toPrimitive]() { churn(); return 'p'; } };
    case 24: return Object.create(null);
    case 25: return 'é\ud800';
    case 26: return shared;
    case 27: return hostile(ticks++);
    case 28: return 2 ** 53;
    case 29: return -(2 ** 31) - 1;
    case 30: return Infinity;
    case 31: return 4294967295;
    case 32: return { length: '2' };
    case 33: return [, , 3, , 5]; // holes
    case 34: return /a(b)?c/g;
    case 35: return new Map([[1, {}], ['k', 'v']]);
    case 36: return new Set([1, 'a', {}]);
    case 37: return new Date(ticks++ % 2 ? NaN : 0);
    case 38: return (...a) => { churn(); return a.length; };
    case 39: return function () { throw new Error('callback'); };
    case 40: return { 0: 'a', 1: 'b', length: 2 };
    case 41: return 'a\u0000b\uffff\ud83d\ude00';
    case 42: return Object.freeze([1, 2]);
    case 43: return typeof Proxy === 'function' ? proxy(ticks++) : hostile(ticks++);
    case 44: return { toJSON() { churn(); return shared; }, [Symbol.toStringTag]: 7 };
    // The rare ones (builtins.js picks them seldom): slow to make, or slow to walk.
    case 45: return deep();
    case 46: return deepObj();
    case 47: return lazy(0);
    default: return { length: 2 ** 53 - 1 }; // a walk over it never ends: a time-out

  }
}

// A proxy whose traps allocate, throw, or lie (only where Proxy exists).
function proxy(n) {
  const target = n % 2 ? [1, 2, 3] : { a: 1 };
  return new Proxy(target, {
    get(t, k, r) {
      churn();
      if (n % 5 === 0 && k === 'length') throw new Error('get');
      return k === 'length' ? n % 3 : t[k];
    },
    has() { churn(); return n % 2 === 0; },
    ownKeys() { churn(); return n % 3 ? ['a', 'b'] : Object.getOwnPropertyNames(t); },
    getOwnPropertyDescriptor(t, k) { churn(); return Object.getOwnPropertyDescriptor(t, k); },
    getPrototypeOf() { churn(); return n % 2 ? null : Array.prototype; },
  });
}

// ---- Results and calls ----

const pool = [];
let calls = 0;
function R(i) {
  return pool.length ? pool[i % pool.length] : V(i);
}

// The function at path keys from root (kind 'v' value, 'g' getter, 's' setter), or
// undefined when it is not there in this program's process.
function F(rootName, keys, kind) {
  let holder = root(rootName);
  for (let i = 0; i < keys.length - 1 && holder != null; i++) holder = holder[keys[i]];
  if (holder == null) return undefined;
  const d = Object.getOwnPropertyDescriptor(holder, keys[keys.length - 1]);
  if (!d) return undefined;
  return kind === 'g' ? d.get : kind === 's' ? d.set : d.value;
}

// Calls fn (construct when ctor) and keeps a small result in the pool for later calls.
function T(fn, self, args, ctor) {
  if (typeof fn !== 'function') return;
  calls++;
  try {
    const r = ctor ? new fn(...args) : Function.prototype.apply.call(fn, self, args);
    if (typeof r !== 'string' || r.length < 10000) {
      if (pool.length < 32) pool.push(r);
      else pool[calls % 32] = r;
    }
  } catch (e) {}
}

// ---- The calls ----

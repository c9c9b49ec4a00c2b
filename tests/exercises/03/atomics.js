// Graded exercise of chapter 3: the Atomics namespace, on the integer typed arrays of an
// ordinary ArrayBuffer (tinynode has no SharedArrayBuffer, so nothing ever waits). load,
// store, add, sub, and, or, xor, exchange and compareExchange read and write one element
// and give back the old one (store: the value as an integer, before it is wrapped to the
// element's kind); isLockFree(n) says yes for 1, 2, 4 and 8; notify wakes no one (0) and
// wait and waitAsync refuse a buffer that is not shared. The checks come in V8's order:
// a typed array, not out of bounds, an integer kind (Int32Array alone for wait and
// notify), the index, then the values; a view the value's valueOf shrank away is
// "detached". node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/03/atomics.js).
function attempt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, `${e.name}: ${e.message}`);
  }
}
attempt("Atomics:", () => [typeof Atomics, String(Atomics), Object.getPrototypeOf(Atomics) === Object.prototype]);
attempt("its keys:", () => Reflect.ownKeys(Atomics).map(k => typeof Atomics[k] === "function" ? `${k}/${Atomics[k].length}` : String(k)).join(" "));
attempt("a global:", () => JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "Atomics"), (k, v) => k === "value" ? undefined : v));
attempt("a method:", () => JSON.stringify(Object.getOwnPropertyDescriptor(Atomics, "add"), (k, v) => k === "value" ? v.name : v));
attempt("inspect:", () => require("util").inspect(Atomics));

const i8 = new Int8Array(4);
attempt("add:", () => [Atomics.add(i8, 0, 100), Atomics.add(i8, 0, 100), i8[0]]);
attempt("sub:", () => [Atomics.sub(i8, 1, 1), i8[1]]);
attempt("and:", () => [Atomics.store(i8, 2, 0b1100), Atomics.and(i8, 2, 0b1010), i8[2]]);
attempt("or:", () => [Atomics.or(i8, 2, 1), i8[2]]);
attempt("xor:", () => [Atomics.xor(i8, 2, 0xff), i8[2]]);
attempt("exchange:", () => [Atomics.exchange(i8, 3, 7), i8[3]]);
attempt("compareExchange:", () => [Atomics.compareExchange(i8, 3, 7, 9), Atomics.compareExchange(i8, 3, 7, 1), i8[3]]);
attempt("load:", () => [Atomics.load(i8, 0), Atomics.load(i8, "3"), Atomics.load(i8, 1.9), Atomics.load(i8, "x"), Atomics.load(i8)]);
attempt("store's result:", () => [Atomics.store(i8, 0, 300), i8[0], Atomics.store(i8, 0, 3.7), Object.is(Atomics.store(i8, 0, -0), 0), Atomics.store(i8, 0, "12"), Atomics.store(i8, 0, Infinity), i8[0], Atomics.store(i8, 0, NaN)]);

attempt("Uint8, expected -1:", () => { const a = new Uint8Array([255]); return [Atomics.compareExchange(a, 0, -1, 5), a[0]]; });
attempt("Int8, expected 255:", () => { const a = new Int8Array([-1]); return [Atomics.compareExchange(a, 0, 255, 5), a[0]]; });
attempt("Uint8, huge addends:", () => { const a = new Uint8Array([1]); return [Atomics.add(a, 0, 2 ** 60 + 256), a[0], Atomics.add(a, 0, 2 ** 32 + 1), a[0]]; });
attempt("Uint16 and -2:", () => { const a = new Uint16Array([0xffff]); return [Atomics.and(a, 0, -2), a[0]]; });
attempt("Uint16 sub:", () => { const a = new Uint16Array(1); return [Atomics.sub(a, 0, 1), a[0]]; });
attempt("Int16 exchange -Infinity:", () => { const a = new Int16Array([5]); return [Atomics.exchange(a, 0, -Infinity), a[0]]; });
attempt("Int16 add nothing:", () => { const a = new Int16Array([5]); return [Atomics.add(a, 0), a[0]]; });
attempt("Int32 overflow:", () => { const a = new Int32Array([2147483647]); return [Atomics.add(a, 0, 1), a[0]]; });
attempt("Int32 or 2^31 + 0.5:", () => { const a = new Int32Array([0]); return [Atomics.or(a, 0, 2 ** 31 + 0.5), a[0]]; });
attempt("Uint32:", () => { const a = new Uint32Array([1]); return [Atomics.xor(a, 0, -1), a[0], Atomics.load(a, 0), Atomics.sub(new Uint32Array(1), 0, 1)]; });
attempt("a subarray:", () => { const a = new Int16Array([1, 2, 3, 4]).subarray(2); return [Atomics.add(a, 1, 10), a[1]]; });
attempt("a subclass:", () => { class C extends Int32Array {} const c = new C(2); return [Atomics.add(c, 1, 5), Atomics.load(c, 1)]; });
attempt("a grown length-tracking view:", () => {
  const b = new ArrayBuffer(4, { maxByteLength: 8 }), a = new Uint8Array(b);
  b.resize(8);
  return [Atomics.store(a, 7, 1), a[7]];
});

attempt("Float64Array:", () => Atomics.add(new Float64Array(1), 0, 1));
attempt("Float32Array load:", () => Atomics.load(new Float32Array(1), 0));
attempt("Uint8ClampedArray:", () => Atomics.load(new Uint8ClampedArray(1), 0));
attempt("an array:", () => Atomics.add([1], 0, 1));
attempt("an object:", () => Atomics.load({}, 0));
attempt("a number:", () => Atomics.store(1, 0, 0));
attempt("a DataView:", () => Atomics.load(new DataView(new ArrayBuffer(4)), 0));
attempt("index 4 of 4:", () => Atomics.load(i8, 4));
attempt("index -1:", () => Atomics.exchange(i8, -1, 0));
attempt("index 2^53:", () => Atomics.load(i8, 2 ** 53));
attempt("a symbol:", () => Atomics.store(i8, 0, Symbol()));
attempt("a throwing valueOf:", () => Atomics.sub(i8, 0, { valueOf() { throw new Error("boom"); } }));

function logged(log, name, value) {
  return { valueOf() { log.push(name); return value; } };
}
attempt("order, bad index:", () => {
  const log = [];
  try { Atomics.add(i8, logged(log, "index", 9), logged(log, "value", 1)); } catch (e) { log.push(e.name); }
  return log;
});
attempt("order, bad kind:", () => {
  const log = [];
  try { Atomics.add(new Float32Array(1), logged(log, "index", 0), logged(log, "value", 1)); } catch (e) { log.push(e.name); }
  return log;
});
attempt("order, compareExchange:", () => {
  const log = [];
  Atomics.compareExchange(i8, logged(log, "index", 0), logged(log, "expected", 0), logged(log, "replacement", 0));
  return log;
});
function shrinking(name, make) {
  const b = new ArrayBuffer(4, { maxByteLength: 8 }), a = make(b);
  attempt(name, () => Atomics[name.slice(0, name.indexOf(" "))](a, 3, { valueOf() { b.resize(2); return 5; } }));
}
shrinking("store (a view the value shrank):", b => new Uint8Array(b));
shrinking("add (a fixed-length view the value shrank):", b => new Uint8Array(b, 0, 4));
attempt("an out-of-bounds view:", () => {
  const b = new ArrayBuffer(8, { maxByteLength: 8 }), a = new Int32Array(b, 0, 2);
  b.resize(4);
  return Atomics.load(a, 9);
});
attempt("an out-of-bounds Float32Array:", () => {
  const b = new ArrayBuffer(8, { maxByteLength: 8 }), a = new Float32Array(b, 0, 2);
  b.resize(4);
  return Atomics.load(a, 0);
});

attempt("isLockFree:", () => [0, 1, 2, 3, 4, 5, 8, 16, -4, "4", undefined, { valueOf() { return 2; } }].map(n => Atomics.isLockFree(n)));
attempt("isLockFree(Symbol()):", () => Atomics.isLockFree(Symbol()));
const i32 = new Int32Array(2);
attempt("notify:", () => [Atomics.notify(i32, 0, 1), Atomics.notify(i32, 1), Atomics.notify(i32, 0, -5)]);
attempt("notify, order:", () => {
  const log = [];
  Atomics.notify(i32, logged(log, "index", 0), logged(log, "count", 1));
  return log;
});
attempt("notify index 2:", () => Atomics.notify(i32, 2, 1));
attempt("notify Int8Array:", () => Atomics.notify(new Int8Array(2), 0, 1));
attempt("notify object:", () => Atomics.notify({}, 0, 0));
attempt("notify, a throwing count:", () => Atomics.notify(i32, 0, { valueOf() { throw new Error("boom"); } }));
attempt("wait:", () => Atomics.wait(i32, 0, 0, 0));
attempt("wait Float64Array:", () => Atomics.wait(new Float64Array(2), 0, 0));
attempt("waitAsync:", () => Atomics.waitAsync(i32, 0, 0, 0));
attempt("waitAsync array:", () => Atomics.waitAsync([], 0, 0));
attempt("Atomics():", () => Atomics());
attempt("new Atomics.add:", () => new Atomics.add(i8, 0, 1));

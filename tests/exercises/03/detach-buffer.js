// Graded exercise of chapter 3: structuredClone(value, { transfer: [buffer] }) moves an
// ArrayBuffer's bytes to the clone instead of copying them, and *detaches* the original:
// its byteLength (and maxByteLength) become 0, and every view of it is out of bounds: a
// typed array has no elements, its methods and a DataView's throw V8's "Cannot perform
// ... on a detached ArrayBuffer", as does making a new view or slicing the buffer. The
// transfer happens only when the whole clone succeeds; the transfer list must hold
// ArrayBuffers, each once, and a detached buffer cannot be cloned. node 20 wrote the
// expectation (UPDATE=node sh tests/run.sh tests/exercises/03/detach-buffer.js).
const { inspect } = require("util");
function attempt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, `${e.name}: ${e.message}`, e.code);
  }
}
const buffer = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer;
const bytes = new Uint8Array(buffer), words = new Uint16Array(buffer, 2, 2), view = new DataView(buffer);
const copy = structuredClone({ buffer, words }, { transfer: [buffer] });
console.log("the clone:", copy.buffer.byteLength, new Uint8Array(copy.buffer).join(), copy.words.buffer === copy.buffer, copy.words.join());
console.log("the original:", inspect(buffer), inspect(bytes), words.length, words.byteLength, words.byteOffset);
console.log("  elements:", bytes[0], 0 in bytes, Object.keys(bytes).length);
bytes[0] = 9;
console.log("  after a write:", bytes[0], copy.buffer === buffer);
attempt("  join:", () => bytes.join());
attempt("  DataView byteLength:", () => view.byteLength);
attempt("  DataView getUint8:", () => view.getUint8(0));
attempt("  new Uint8Array:", () => new Uint8Array(buffer));
attempt("  new DataView:", () => new DataView(buffer));
attempt("  slice:", () => buffer.slice(0));
attempt("  clone it:", () => structuredClone(buffer));
attempt("  clone a view of it:", () => structuredClone(bytes));

const resizable = new ArrayBuffer(4, { maxByteLength: 16 });
const moved = structuredClone(resizable, { transfer: [resizable] });
console.log("resizable:", moved.byteLength, moved.maxByteLength, moved.resizable, "|", resizable.byteLength, resizable.maxByteLength, resizable.resizable);
attempt("  resize:", () => resizable.resize(8));

const alone = new ArrayBuffer(4);
console.log("not in the value:", structuredClone(1, { transfer: new Set([alone]) }), alone.byteLength);
const kept = new ArrayBuffer(2);
attempt("a failed clone:", () => structuredClone([kept, () => 1], { transfer: [kept] }));
console.log("  keeps the buffer:", kept.byteLength);
attempt("not an ArrayBuffer:", () => structuredClone(1, { transfer: [new Uint8Array(2)] }));
attempt("twice:", () => { const b = new ArrayBuffer(2); structuredClone(b, { transfer: [b, b] }); });
attempt("a string:", () => structuredClone(1, { transfer: "ab" }));
attempt("options not an object:", () => structuredClone(1, 5));
console.log("options null:", structuredClone(1, null), "transfer undefined:", structuredClone(2, { transfer: undefined }));

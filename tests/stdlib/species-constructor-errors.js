// SpeciesConstructor with a constructor that is not an object, or whose
// Symbol.species is not a constructor: V8's two messages, for typed arrays, ArrayBuffer,
// RegExp (split, matchAll), Promise and Array.
const t = (f) => { try { f(); console.log('ok'); } catch (e) { console.log(e.name + ': ' + e.message); } };
const a = new Uint8Array(2); a.constructor = 5; t(() => a.slice());
const b = new ArrayBuffer(2); b.constructor = 'x'; t(() => b.slice());
const r = /a/; r.constructor = 1; t(() => 'aba'.split(r)); t(() => [...'a'.matchAll(Object.assign(/a/g, { constructor: true }))]);
const p = Promise.resolve(); p.constructor = 3; t(() => p.then());
const arr = [1]; arr.constructor = 7; t(() => arr.map(x => x));
const u = new Uint8Array(2); u.constructor = { [Symbol.species]: 5 }; t(() => u.slice());

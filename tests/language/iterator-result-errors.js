// An iterator result (or return() result) that is not an object: V8 names the value.
const it = { [Symbol.iterator]() { return { next() { return 5; } }; } };
try { for (const x of it) {} } catch (e) { console.log(e.message); }
const it2 = { [Symbol.iterator]() { return { next() { return undefined; } }; } };
try { for (const x of it2) {} } catch (e) { console.log(e.message); }
try { const [a] = it; } catch (e) { console.log(e.message); }
try { Array.from(it); } catch (e) { console.log(e.message); }
try { new Map(it); } catch (e) { console.log(e.message); }
try { [...it]; } catch (e) { console.log(e.message); }
const r = { [Symbol.iterator]() { return { next() { return {value:1}; }, return() { return 5; } }; } };
try { for (const x of r) { break; } } catch (e) { console.log(e.message); }
try { const [a] = r; } catch (e) { console.log(e.message); }
const s = { [Symbol.iterator]() { return { next() { return 'str'; } }; } };
try { for (const x of s) {} } catch (e) { console.log(e.message); }
const o = { [Symbol.iterator]() { return { next() { return Symbol('q'); } }; } };
try { for (const x of o) {} } catch (e) { console.log(e.message); }
try { new Map(r); } catch (e) { console.log(e.message); }
function* g() { yield* s; }
try { g().next(); } catch (e) { console.log(e.message); }

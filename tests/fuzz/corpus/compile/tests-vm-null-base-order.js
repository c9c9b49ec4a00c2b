// obj[key] on null or undefined throws before the key is converted, and V8 names no
// key that is an object (its toString never runs).
var base = null;
var prop = { toString: function () { throw new Error("property key evaluated"); } };
try { base[prop] ^= 1; } catch (e) { console.log(e.constructor.name, e.message); }
try { base[prop]++; } catch (e) { console.log(e.constructor.name, e.message); }
try { base[prop]; } catch (e) { console.log(e.constructor.name, e.message); }
try { base["k"] += 1; } catch (e) { console.log(e.constructor.name, e.message); }
const s = Symbol("q"); try { null[s] } catch (e) { console.log(e.message) } try { undefined[1] } catch (e) { console.log(e.message) }

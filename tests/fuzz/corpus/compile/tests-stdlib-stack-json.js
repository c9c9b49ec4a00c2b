// JSON and arrays nested 100,000 deep. JSON.parse keeps its own stack of open arrays and
// objects, as V8 does, so it parses them (or reports the missing end); stringify, the
// reviver's walk, String() (join) and flat(Infinity) recurse, and end in node's
// catchable RangeError.
let a = []; for (let i = 0; i < 100000; i++) a = [a];
try { JSON.stringify(a); console.log('no error') } catch (e) { console.log(e instanceof RangeError, e.message) }
try { JSON.parse('['.repeat(100000)) } catch (e) { console.log(e.name, e.message) }
const b = JSON.parse('['.repeat(100000) + ']'.repeat(100000));
let d = 0; for (let x = b; x.length; x = x[0]) d++;
console.log(d);
const o = JSON.parse('{"a":'.repeat(100000) + '1' + '}'.repeat(100000));
d = 0; for (let x = o; typeof x === 'object'; x = x.a) d++;
console.log(d);
try { JSON.parse('['.repeat(100000) + ']'.repeat(100000), (k, v) => v) } catch (e) { console.log(e instanceof RangeError, e.message) }
try { String(a) } catch (e) { console.log(e instanceof RangeError, e.message) }
try { a.flat(Infinity) } catch (e) { console.log(e instanceof RangeError, e.message) }
console.log(JSON.stringify(JSON.parse('[[1,{"b":[2,{"c":3}]}],[]]')));

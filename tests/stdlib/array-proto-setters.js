// Writing a new index of an array walks the prototype chain like any [[Set]]: a setter
// there runs (push and plain assignment), and reverse reads each side in the spec's order.
var seen = '';
Object.defineProperty(Array.prototype, '0', { set(v) { seen += v; }, configurable: true });
var a = []; a[0] = 1; a.push(2);
var frozen = [];
Object.defineProperty(Array.prototype, '1', { set(v) { Object.freeze(frozen); }, configurable: true });
try { frozen.push('x', 'y'); } catch (e) { console.log(e.constructor.name, e.message); }
delete Array.prototype[0]; delete Array.prototype[1];
console.log(seen, a.length, frozen, frozen.length);
var b = []; b[0] = 'own'; console.log(b);
var array = ['first', 'second'];
Object.defineProperty(array, 0, { get() { array.length = 0; return 'first'; } });
array.reverse();
console.log(0 in array, 1 in array, array[1]);

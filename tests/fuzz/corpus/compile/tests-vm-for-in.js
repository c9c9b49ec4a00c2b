// for-in visits enumerable string keys, own first then inherited, skipping shadowed
// ones, array elements in order, never built-in methods or an array's length.
let n = 0;
for (const k in [1, 2, 3]) n++;
console.log(n);
const a = [1, 2];
a.x = 1;
for (const k in a) console.log('array key', k);
for (const k in 'ab') console.log('string key', k);
function F() {
  this.a = 1;
  this.shadow = 'own';
}
F.prototype.b = 2;
F.prototype.shadow = 'inherited';
for (const k in new F()) console.log('instance key', k);
const o = { z: 1, 2: 'two', 1: 'one', y: 2 };
Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
for (const k in o) console.log('object key', k);
const deleting = { p: 1, q: 2, r: 3 };
for (const k in deleting) {
  delete deleting.q;
  console.log('seen', k);
}
for (const k in null) console.log('never');

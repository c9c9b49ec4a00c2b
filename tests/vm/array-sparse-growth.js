// Writes that each land just past twice the last index would double the element vector
// every time; the array goes sparse instead, and reads the same values back.
var x = [];
var k = 1;
for (var i = 0; i < 32; i++) { k = k * 2; x[k - 2] = k; }
k = 1;
var ok = true;
for (i = 0; i < 32; i++) { k = k * 2; ok = ok && x[k - 2] === k; }
console.log(x.length, ok, Object.keys(x).length, x[2], x[4294967294]);
var y = []; for (i = 0; i < 100000; i++) y[i] = i; console.log(y.length, y[99999]);
var z = []; z[70000] = 1; z[200000] = 2; console.log(z.length, Object.keys(z));

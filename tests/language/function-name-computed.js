// A function or class stored under a computed key takes the key as its name (SetFunctionName):
// "[desc]" for a symbol, "get "/"set " in front for accessors; a method too.
var s = Symbol('t'), u = Symbol(), k = 'key';
var o = { [s]: function() {}, [u]: function() {}, [k]() {}, [s]() {}, get [k]() {}, set [s](v) {}, [k + 2]: class {}, [k + 3]: () => 1, *[k + 4]() {}, async [k + 5]() {} };
console.log(Reflect.ownKeys(o).map(x => { const d = Object.getOwnPropertyDescriptor(o, x); return (d.value || d.get || d.set).name; }));
class C { [k]() {} static [s]() {} get [k + 1]() {} static [u] = function () {}; [k + 2] = () => 1; }
console.log(C.prototype[k].name, C[s].name, Object.getOwnPropertyDescriptor(C.prototype, 'key1').get.name, C[u].name, new C().key2.name);
// Named inside a callback that a native calls (an entry frame: its handles must balance).
console.log([1].map(() => ({ [s]: (function () {}) })[s].name));

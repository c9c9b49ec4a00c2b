// globalThis is tagged 'global', as node's is: [object global], and inspect calls it
// Object [global].
console.log(Object.prototype.toString.call(globalThis), String(globalThis));
console.log(Object.getOwnPropertyDescriptor(globalThis, Symbol.toStringTag));
console.log(require('util').inspect(globalThis, { depth: -1 }));

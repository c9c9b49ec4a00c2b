// How console.log and util.inspect show proxies: as their targets, never running a trap.
const util = require('util');
const loud = { get(t, k) { throw new Error('no trap may run: ' + String(k)); }, ownKeys() { throw new Error('ownKeys'); } };
console.log(new Proxy({ a: 1, nested: { b: [1, 2] } }, loud));
console.log(new Proxy([1, 2, 3], loud));
console.log(new Proxy(function named() {}, loud), new Proxy(class K {}, loud));
console.log({ inner: new Proxy(new Map([[1, { x: 1 }]]), loud) }, [new Proxy(new Set([1]), loud)]);
console.log(new Proxy(new Proxy({ c: 3 }, {}), {}));
console.log(util.inspect(new Proxy({ a: 1 }, { get() {} }), { showProxy: true }));
console.log(util.inspect({ x: new Proxy(new Proxy([], {}), { has() {} }) }, { showProxy: true }));
console.log(util.inspect(new Proxy({ deep: { deeper: { deepest: {} } } }, {}), { showProxy: true, depth: 0 }));
const r = Proxy.revocable({}, {});
r.revoke();
r.revoke();
console.log(r.proxy, [r.proxy], util.inspect(r.proxy, { showProxy: true }));
console.log(util.format('%s|%o|%O|%j', new Proxy({ q: 1 }, {}), new Proxy({ q: 1 }, {}), new Proxy({ q: 1 }, {}), new Proxy({ q: 1 }, {})));
console.log(Object.getOwnPropertyNames(Proxy), Proxy.length, Proxy.name, 'prototype' in Proxy);
const { proxy, revoke } = Proxy.revocable([], {});
console.log(Object.keys(Proxy.revocable({}, {})), revoke.name === '', revoke.length, Array.isArray(proxy));

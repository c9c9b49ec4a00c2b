// How V8 names a method's frame: the receiver's type, [as key] when the key holding the
// function is not its name, and accessor functions (get x / set x) without the type.
function t(f) { try { f(); } catch (e) { console.log(e.stack.split('\n')[1].trim()); } }
var o = {}; o.foo = function bar() { throw new Error(); };
t(() => o.foo());
class Obj { m() { throw new Error(); } }
t(() => new Obj().m());
var q = { ObjectThing() { throw new Error(); } };
t(() => q.ObjectThing());
var r = { x: function () { throw new Error(); } }; r.y = r.x;
t(() => r.y());
class G { get gg() { throw new Error(); } }
t(() => Reflect.get(G.prototype, 'gg', {}));
t(() => Reflect.get(G.prototype, 'gg', new G()));
var s = { set ss(v) { throw new Error(); } };
t(() => { s.ss = 1; });
var desc = Object.getOwnPropertyDescriptor(s, 'ss');
var s2 = Object.defineProperty({}, 'other', desc);
t(() => { s2.other = 1; });
var t2 = { f() { throw new Error(); } }; t2.alias = t2.f;
t(() => t2.alias());
var proto = { inherited() { throw new Error(); } }; var child = Object.create(proto);
t(() => child.inherited());
t(() => [1].map(function cb() { throw new Error(); }));
class A { get v() { throw new Error('a'); } static get s() { throw new Error('s'); } set w(x) { throw new Error('w'); } }
try { new A().v } catch (e) { console.log(e.stack.split('\n')[1]); }
try { A.s } catch (e) { console.log(e.stack.split('\n')[1]); }
try { new A().w = 1 } catch (e) { console.log(e.stack.split('\n')[1]); }
var o = { get x() { throw new Error('x'); } };
try { o.x } catch (e) { console.log(e.stack.split('\n')[1]); }
var d = Object.defineProperty({}, 'y', { get: function () { throw new Error('y'); } });
try { d.y } catch (e) { console.log(e.stack.split('\n')[1]); }
var d2 = Object.defineProperty({}, 'z', { get: function named() { throw new Error('y'); } });
try { d2.z } catch (e) { console.log(e.stack.split('\n')[1]); }

// A derived constructor that returns a primitive throws outside its own body: no catch of
// the constructor sees the TypeError.
class B {}
class C extends B { constructor(x) { try { super(); if (x) return 0; return; } catch (e) { console.log('caught', e.message); } } }
try { new C(1); } catch (e) { console.log('outer', e.message); }
console.log(new C(0) instanceof C);
class D extends B { constructor() { try { return {a: 1}; } finally { console.log('fin'); } } }
console.log(new D());
class E extends B { constructor() { var f = () => super(); try { return 0; } catch (e) { f(); } } }
try { new E(); } catch (e) { console.log(e.constructor.name, e.message); }

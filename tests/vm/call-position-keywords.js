// V8 reports a call of a method named by a reserved word at its (, not at the name
const o = { return() { throw new Error('r'); }, if() { throw new Error('i'); }, foo() { throw new Error('f'); }, new() { throw new Error('n'); }, of() { throw new Error('of'); } };
const show = (e) => console.log(e.stack.split('\n')[2]);
try { o.return(); } catch (e) { show(e); }
try { o.if(); } catch (e) { show(e); }
try { o.foo(); } catch (e) { show(e); }
try { o.new(); } catch (e) { show(e); }
try { o.of(); } catch (e) { show(e); }
try { o.return (); } catch (e) { show(e); }

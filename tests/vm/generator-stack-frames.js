// V8 shows the builtin that resumed a generator below its frame: at gen.next, .throw, .return
function* gen() { yield 1; throw new Error('in gen'); }
const show = (e) => console.log(e.stack.split('\n').filter((l) => !l.includes('node:internal')).join('\n'));
try { const it = gen(); it.next(); it.next(); } catch (e) { show(e); }
try { Array.from(gen()); } catch (e) { show(e); }
try { for (const x of gen()); } catch (e) { show(e); }
function* g2() { try { yield 1; } finally { throw new Error('in finally'); } }
try { const it = g2(); it.next(); it.return(); } catch (e) { show(e); }
try { const it = g2(); it.next(); const x = new Error('x'); it.throw(); } catch (e) { show(e); }
const anon = function* () { yield 1; throw new Error('anon'); };
try { [...anon()]; } catch (e) { show(e); }
try { for (const foo of gen()); } catch (e) { show(e); }
try { for (const foo   of gen()); } catch (e) { show(e); }


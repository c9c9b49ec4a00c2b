// process.emitWarning: the Error it makes, the 'warning' event on the next tick, node's
// stderr format with codes and detail, the hint line once, argument checks, and the
// warnings tinynode itself emits (console labels).
console.log(process.listenerCount('warning'), typeof process.emitWarning, process.emitWarning.length);
const frame = (w) => (w.stack.split('\n')[1].includes('warnings.js') ? w.stack.split('\n')[1] : '(internal)');
process.on('warning', (w) => console.log('listener', w.name, w.message, w.code, w.detail, w instanceof Error, frame(w)));
process.emitWarning('plain');
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('coded', 'CustomWarning', 'CODE1');
process.emitWarning('opts', { type: 'OptWarning', code: 'C2', detail: 'some detail\nline 2' });
const e = new Error('an error'); e.name = 'ErrWarning';
process.emitWarning(e);
process.emitWarning('dep', 'DeprecationWarning', 'DEP0999');
try { process.emitWarning(5); } catch (err) { console.log(err.code, err.message); }
try { process.emitWarning('x', 5); } catch (err) { console.log(err.code, err.message); }
try { process.emitWarning('x', 'T', 5); } catch (err) { console.log(err.code, err.message); }
console.log('sync end');
console.timeEnd('nope');
console.countReset('nada');

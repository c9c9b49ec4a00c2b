// stream.setDefaultHighWaterMark (what later streams default to), isDestroyed and
// addAbortSignal (the stream destroyed with an AbortError), with node's errors.
const s = require('stream'); const { Readable, Writable } = s;
console.log(s.getDefaultHighWaterMark(false), s.setDefaultHighWaterMark(false, 100), s.getDefaultHighWaterMark(false), new Readable().readableHighWaterMark, new Writable().writableHighWaterMark);
s.setDefaultHighWaterMark(true, 3); console.log(new Readable({ objectMode: true }).readableHighWaterMark);
for (const v of [-1, 1.5, '1']) { try { s.setDefaultHighWaterMark(true, v); } catch (e) { console.log(e.code, e.message); } }
const r = new Readable({ read() {} }); console.log(s.isDestroyed(r), s.isDestroyed({}), s.isDestroyed(null)); r.destroy(); console.log(s.isDestroyed(r));
const ac = new AbortController(); const r2 = new Readable({ read() {} }); console.log(s.addAbortSignal(ac.signal, r2) === r2);
r2.on('error', (e) => console.log('err', e.name, e.message, e.cause)); r2.on('close', () => console.log('closed', r2.destroyed)); ac.abort('why');
try { s.addAbortSignal(5, r2); } catch (e) { console.log(e.code, e.message); }
try { s.addAbortSignal(ac.signal, {}); } catch (e) { console.log(e.code, e.message); }
const w = new Writable({ write(c, e, cb) { cb(); } }); s.addAbortSignal(AbortSignal.abort(), w); w.on('error', (e) => console.log('w err', e.name)); 

// Node's stream errors: code, name, message and String(), and when each is emitted:
// push after EOF, write after end, write after destroy, a second callback, null chunks,
// bad chunk types, unknown encodings, _read/_write not implemented, end after finish.
const { Readable, Writable, Transform } = require('stream');
const log = (...a) => console.log(...a);
const show = (label) => (e) => log(label, e.name, e.code, e.message, String(e), e instanceof Error);

const r = new Readable({ read() {} });
r.on('error', show('push after EOF'));
r.on('close', () => log('r close', r.destroyed));
r.push(null);
r.push('late');
r.resume();

const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('error', show('write after end'));
w.end();
w.write('x', (err) => log('write cb', err.code));

const d = new Writable({ write(c, e, cb) { cb(); } });
d.on('error', show('destroyed (unexpected)'));
d.on('close', () => log('d close'));
d.destroy();
d.write('x', (err) => log('destroyed write cb', err.code, err.message));

const m = new Writable({ write(c, e, cb) { cb(); cb(); } });
m.on('error', show('multiple callback'));
m.write('x');

try { new Writable({ write() {} }).write(null); } catch (e) { show('null')(e); }
try { new Writable({ write() {} }).write(42); } catch (e) { show('number')(e); }
try { new Writable({ write() {} }).write('x', 'nope'); } catch (e) { show('encoding')(e); }
try { new Readable().setEncoding('nope'); } catch (e) { show('setEncoding')(e); }
try { new Readable({ highWaterMark: -1 }); } catch (e) { show('hwm')(e); }
try { new Readable({ highWaterMark: 1.5 }); } catch (e) { show('hwm float')(e); }

const ni = new Readable();
ni.on('error', show('no _read'));
ni.resume();

try { new Writable().write('x'); } catch (e) { show('no _write')(e); }

const bad = new Readable({ read() {} });
bad.on('error', show('bad push'));
bad.push(7);

const t = new Transform({ transform(c, e, cb) { cb(new Error('boom')); } });
t.on('error', (e) => log('transform error', e.message, t.destroyed));
t.on('close', () => log('transform close'));
t.write('x');

const f = new Writable({ write(c, e, cb) { cb(); } });
f.end();
f.on('finish', () => {
  f.end((err) => log('end after finish', err && err.code));
});

const custom = new Readable({ read() {}, destroy(err, cb) { log('_destroy', err && err.message); cb(err); } });
custom.on('error', (e) => log('custom error', e.message));
custom.on('close', () => log('custom close', custom.errored && custom.errored.message));
custom.destroy(new Error('mine'));
custom.destroy(new Error('second'));
log('custom destroyed', custom.destroyed);

// the signal option of the constructors (a Duplex's goes through its Writable side)
for (const [name, make] of [['Readable', (signal) => new Readable({ read() {}, signal })],
  ['Writable', (signal) => new Writable({ write(c, e, cb) { cb(); }, signal })],
  ['Transform', (signal) => new Transform({ signal })]]) {
  make(AbortSignal.abort()).on('error', (e) => log(name, 'signal', e.name, e.code, e.message));
}

// readFile and writeFile with an AbortSignal (already aborted: node calls back at once),
// and arguments at the edges: zero lengths, huge lengths and positions, bad modes.
const fs = require('fs');
const { dir } = require('./lib/tmp.js');
const f = `${dir}/sig`;
fs.writeFileSync(f, 'data');
const ac = new AbortController();
ac.abort();
fs.readFile(f, { signal: ac.signal }, (e, d) => console.log('readFile', e && e.name, e && e.code, e && e.message, d));
fs.writeFile(f + 'w', 'x', { signal: ac.signal }, (e) => console.log('writeFile', e && e.name, e && e.code, fs.existsSync(f + 'w')));
fs.promises.readFile(f, { signal: ac.signal }).catch((e) => console.log('p.readFile', e.name, e.code, e.message));
fs.promises.writeFile(f + 'p', 'x', { signal: ac.signal }).catch((e) => console.log('p.writeFile', e.name, e.code));
const ac2 = new AbortController();
fs.readFile(f, { signal: ac2.signal, encoding: 'utf8' }, (e, d) => { console.log('not aborted', e, d); fs.unlinkSync(f); });
try { fs.readFile(f, { signal: 5 }, () => {}); } catch (e) { console.log(e.code, e.message); }
console.log(fs.readSync(fs.openSync(f, 'r'), Buffer.alloc(4), 0, 0, 0));
try { fs.writeSync(1, Buffer.alloc(2), 0, 0); console.log('ok0'); } catch (e) { console.log(e.message); }
try { fs.readSync(0, Buffer.alloc(4), 0, 2 ** 40, 0); } catch (e) { console.log(e.message); }
try { fs.readSync(0, Buffer.alloc(4), 0, 1, 2 ** 60); } catch (e) { console.log(e.message); }
try { fs.openSync(f, 'r', 2 ** 33); } catch (e) { console.log(e.message); }
try { fs.ftruncateSync(99, -5); } catch (e) { console.log(e.message); }
try { fs.mkdirSync(''); } catch (e) { console.log(e.message); }
try { fs.readdirSync(''); } catch (e) { console.log(e.message); }
try { fs.writeFileSync(`${dir}/q`, 'x', { mode: -1 }); } catch (e) { console.log(e.message); }
try { fs.chownSync(`${dir}/q`, -2, 0); } catch (e) { console.log(e.message); }

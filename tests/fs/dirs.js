// Directories: opendir's Dir (read, async iteration, close), readdir recursive and with
// file types, Dirent; cp recursive with its options; rm recursive and force; Stats made
// by hand and printed; watchFile noticing a change.
const fs = require('fs');
const { dir, show } = require('./lib/tmp.js');
fs.mkdirSync(`${dir}/t/a/b`, { recursive: true });
fs.writeFileSync(`${dir}/t/one`, '1');
fs.writeFileSync(`${dir}/t/a/two`, '22');
fs.writeFileSync(`${dir}/t/a/b/three`, '333');
fs.symlinkSync('one', `${dir}/t/link`);

const dirent = (e) => `${e.name}:${show(e.path)}:${['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO'].filter((m) => e[m]()).join()}`;
console.log(fs.readdirSync(`${dir}/t`, { recursive: true }).sort());
console.log(fs.readdirSync(`${dir}/t`, { recursive: true, withFileTypes: true }).map(dirent).sort());
console.log(fs.readdirSync(`${dir}/t`, { withFileTypes: true })[0] instanceof fs.Dirent);

const d = fs.opendirSync(`${dir}/t`);
const names = [];
for (let e; (e = d.readSync()) !== null;) names.push(dirent(e));
console.log(show(d.path), names.sort());
d.closeSync();
try { d.readSync(); } catch (e) { console.log(e.code, e.message); }

// cp
fs.cpSync(`${dir}/t`, `${dir}/copy`, { recursive: true });
console.log(fs.readdirSync(`${dir}/copy`, { recursive: true }).sort(), show(fs.readlinkSync(`${dir}/copy/link`)));
fs.writeFileSync(`${dir}/copy/one`, 'changed');
fs.cpSync(`${dir}/t/one`, `${dir}/copy/one`, { force: false });
console.log(fs.readFileSync(`${dir}/copy/one`, 'utf8'));
try { fs.cpSync(`${dir}/t/one`, `${dir}/copy/one`, { force: false, errorOnExist: true }); } catch (e) { console.log(e.code, show(e.message)); }
fs.cpSync(`${dir}/t`, `${dir}/filtered`, { recursive: true, filter: (s) => !s.endsWith('two') });
console.log(fs.readdirSync(`${dir}/filtered`, { recursive: true }).sort());
try { fs.cpSync(`${dir}/t`, `${dir}/t/a/inside`, { recursive: true }); } catch (e) { console.log(e.code, show(e.message)); }

// Stats by hand
const st = new fs.Stats(1, 33188, 1, 1000, 1000, 0, 4096, 42, 12, 8, 1e12, 1.5e12, 1.6e12, 1.7e12);
console.log(st);
console.log(st.isFile(), st.isDirectory(), Object.keys(st).length);

// names in another encoding (node descends into none of them: it looks for the encoded
// names); a path ending in '/' joined as path.join would; opendir recursive
console.log(fs.readdirSync(`${dir}/t/a`, 'hex'), fs.readdirSync(`${dir}/t/a`, { encoding: 'base64', recursive: true }));
console.log(fs.readdirSync(`${dir}/t/a`, { encoding: 'latin1', withFileTypes: true }).map(dirent));
console.log(fs.readlinkSync(`${dir}/t/link`, 'hex'), show(Buffer.from(fs.mkdtempSync(`${dir}/x`, 'hex'), 'hex')).length, show(fs.realpathSync.native(`${dir}/t`, 'latin1')));
console.log(fs.readdirSync(`${dir}/t/a/`, { recursive: true, withFileTypes: true }).map(dirent).sort());
const rd = fs.opendirSync(`${dir}/t/`, { recursive: true });
const all = [];
for (let e; (e = rd.readSync()) !== null;) all.push(dirent(e));
rd.closeSync();
console.log(all.sort());

async function later() {
  const dd = await fs.promises.opendir(`${dir}/t/a`);
  const seen = [];
  for await (const e of dd) seen.push(e.name);
  console.log('async iteration', seen.sort());
  await dd.close().catch((e) => console.log(e.code));
  await new Promise((resolve) => fs.cp(`${dir}/t`, `${dir}/cb-copy`, { recursive: true }, (e) => {
    console.log('cp callback', e, fs.readdirSync(`${dir}/cb-copy`).sort());
    resolve();
  }));
  await fs.promises.cp(`${dir}/t/a`, `${dir}/p-copy`, { recursive: true });
  console.log('cp promise', fs.readdirSync(`${dir}/p-copy`).sort());
  fs.opendir(`${dir}/t/a/b`, (err, d2) => {
    d2.read((e, entry) => {
      console.log('read callback', e, entry.name);
      d2.read((e2, none) => {
        console.log('then', none);
        d2.close(() => watch());
      });
    });
  });
}

// The file keeps growing until the watcher (which polls every 20 ms) notices, so a slow
// machine changes nothing but the number of writes.
function watch() {
  const f = `${dir}/watched`;
  fs.writeFileSync(f, 'a');
  const grow = setInterval(() => fs.appendFileSync(f, 'more'), 100);
  fs.watchFile(f, { interval: 20 }, (curr, prev) => {
    clearInterval(grow);
    console.log('change', curr.size > prev.size, curr instanceof fs.Stats, prev instanceof fs.Stats);
    fs.unwatchFile(f);
    fs.rmSync(`${dir}/t`, { recursive: true });
    fs.rmSync(`${dir}/nothing`, { recursive: true, force: true });
    console.log('removed', fs.existsSync(`${dir}/t`));
    // a missing file: the first poll reports it, all zeros
    fs.watchFile(`${dir}/absent`, { interval: 20 }, (c, p) => {
      console.log('absent', c.size, p.size, c.mtimeMs, p.isFile());
      fs.unwatchFile(`${dir}/absent`);
    });
  });
}
later();

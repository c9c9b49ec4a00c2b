// pipeline() and finished(), callback and promise forms: success, an error in the middle
// destroying every stream, a premature close, generators as source and transform, the
// argument errors, and require('stream/promises').
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = require('stream');
const sp = require('stream/promises');
const log = (...a) => console.log(...a);

const upper = () => new Transform({
  decodeStrings: false,
  readableObjectMode: true,
  transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); },
});

function collector(name) {
  const got = [];
  const w = new Writable({
    decodeStrings: false,
    objectMode: true,
    write(chunk, enc, cb) { got.push(String(chunk)); cb(); },
  });
  w.on('finish', () => log(name, 'collected', got.join(',')));
  return w;
}

async function main() {
  await new Promise((resolve) => {
    const out = pipeline(Readable.from(['a', 'b', 'c']), upper(), collector('ok'), (err, ...rest) => {
      log('ok callback', err, rest.length);
      resolve();
    });
    log('pipeline returns the last stream', out instanceof Writable);
  });

  await new Promise((resolve) => {
    const src = Readable.from(['a', 'b', 'c']);
    const bad = new Transform({
      objectMode: true,
      transform(chunk, enc, cb) { cb(chunk === 'b' ? new Error('bad b') : null, chunk); },
    });
    const sink = collector('err');
    for (const [n, s] of [['src', src], ['bad', bad], ['sink', sink]]) s.on('close', () => log(n, 'close', s.destroyed));
    pipeline(src, bad, sink, (err) => {
      log('err callback', err.message, src.destroyed, bad.destroyed, sink.destroyed);
      resolve();
    });
  });

  await new Promise((resolve) => {
    const src = new Readable({ read() {} });
    const sink = collector('premature');
    pipeline(src, sink, (err) => {
      log('premature callback', err.code, err.message);
      resolve();
    });
    src.push('x');
    setImmediate(() => src.destroy());
  });

  await new Promise((resolve) => {
    pipeline(
      function* () { yield 'g1'; yield 'g2'; },
      async function* (source) { for await (const chunk of source) yield chunk + '!'; },
      collector('gen'),
      (err) => { log('gen callback', err); resolve(); });
  });

  try { pipeline(Readable.from([]), () => {}); } catch (e) { log(e.code, e.message); }
  try { pipeline(Readable.from([]), new PassThrough()); } catch (e) { log(e.code, e.message); }

  await sp.pipeline(Readable.from(['p', 'q']), upper(), collector('promise'));
  log('promise pipeline resolved');
  try {
    await sp.pipeline(Readable.from(['p']), new Transform({ transform(c, e, cb) { cb(new Error('nope')); } }), collector('x'));
  } catch (e) {
    log('promise pipeline rejected', e.message);
  }

  const r = Readable.from(['f']);
  finished(r, (err) => log('finished readable', err));
  r.resume();
  await sp.finished(r);
  log('sp.finished resolved');

  const w = new Writable({ write(c, e, cb) { cb(); } });
  finished(w, (err) => log('finished writable', err));
  w.end('x');

  const early = new Writable({ write(c, e, cb) { cb(); } });
  finished(early, (err) => log('finished early', err.code));
  early.destroy();

  const errored = new Readable({ read() {} });
  const cleanup = finished(errored, (err) => log('finished errored', err.message));
  log('cleanup is', typeof cleanup);
  errored.destroy(new Error('broken'));
  errored.on('error', () => {});

  try { finished(r); } catch (e) { log(e.code, e.message); }
  try { finished({}, () => {}); } catch (e) { log(e.code); }
  log('promises', require('stream').promises === sp, typeof sp.finished);
}

main();

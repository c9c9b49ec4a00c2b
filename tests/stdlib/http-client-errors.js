// The client's failures as node reports them: ECONNREFUSED, 'socket hang up', abort(),
// destroy(), an AbortSignal, setTimeout, a response cut short ('aborted'), bad arguments.
const http = require('http');
const net = require('net');
const steps = [];
const step = (fn) => steps.push(fn);
const show = (label, e) => console.log(label, e.name, e.code, e.message);

step((next) => {
  const req = http.get('http://127.0.0.1:1/');
  req.on('error', (e) => show('refused', e));
  req.on('close', () => { console.log('refused close'); next(); });
});

// A server that closes without answering.
step((next) => {
  const server = net.createServer((s) => s.on('data', () => s.end()));
  server.listen(0, '127.0.0.1', () => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false });
    req.on('error', (e) => show('hangup', e));
    req.on('close', () => { console.log('hangup close'); server.close(next); });
  });
});

// A response whose body never finishes.
step((next) => {
  const server = net.createServer((s) => s.on('data', () => {
    s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
    setImmediate(() => s.destroy());
  }));
  server.listen(0, '127.0.0.1', () => {
    http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
      res.on('data', (d) => console.log('cut data', d.toString()));
      res.on('aborted', () => console.log('cut aborted', res.complete));
      res.on('error', (e) => show('cut error', e));
      res.on('close', () => { console.log('cut close'); server.close(next); });
    });
  });
});

step((next) => {
  const server = http.createServer((req, res) => res.end('late'));
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    const req = http.get({ port, host: '127.0.0.1' });
    req.on('abort', () => console.log('abort event', req.aborted));
    req.on('error', (e) => show('abort error', e));
    req.on('close', () => {
      console.log('abort close');
      const r2 = http.get({ port, host: '127.0.0.1' });
      r2.on('error', (e) => show('destroy error', e));
      r2.on('close', () => {
        console.log('destroy close');
        const ac = new AbortController();
        const r3 = http.get({ port, host: '127.0.0.1', signal: ac.signal });
        r3.on('error', (e) => show('signal error', e));
        r3.on('close', () => { console.log('signal close'); server.close(next); });
        ac.abort();
      });
      r2.destroy();
    });
    req.abort();
  });
});

// A server that never answers: the request's timeout fires; the user destroys it.
step((next) => {
  const server = net.createServer(() => {});
  server.listen(0, '127.0.0.1', () => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false });
    req.setTimeout(50, () => {
      console.log('timeout');
      req.destroy(new Error('too slow'));
    });
    req.on('error', (e) => show('timeout error', e));
    req.on('close', () => { console.log('timeout close'); server.close(); next(); });
  });
});

step((next) => {
  for (const bad of [() => http.request('https://example.com/'), () => http.request('ftp://x/'),
    () => http.request('nonsense'), () => http.request({ method: 'BAD METHOD' }),
    () => http.request({ path: '/a b' }),
    () => { const r = http.request({ port: 1 }); r.on('error', () => {}); r.setHeader('x y', 1); },
    () => { const r = http.request({ port: 1 }); r.on('error', () => {}); r.setHeader('x', 'a\nb'); }]) {
    try {
      bad();
    } catch (e) {
      console.log('throws', e.name, e.code, e.message.split('\n')[0]);
    }
  }
  next();
});

(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else console.log('done');
})(0);

// A body written to a response that has none (HEAD, 204, 304) is dropped, or refused with
// ERR_HTTP_BODY_NOT_ALLOWED on a server made with rejectNonStandardBodyWrites; the head
// still goes out with the response's end. The option is validated as a boolean.
const http = require('http');
const net = require('net');
function run(opts, reqText, done) {
  const server = http.createServer(opts, (req, res) => {
    if (req.url === '/204') res.statusCode = 204;
    if (req.url === '/304') res.statusCode = 304;
    try { console.log('write returns', res.write('body')); } catch (e) { console.log(e.name, e.code, e.message); }
    try { res.end('more'); console.log('end ok'); } catch (e) { console.log('end', e.name, e.code, e.message); res.end(); }
  });
  server.listen(0, () => {
    const c = net.connect(server.address().port, () => c.write(reqText));
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('close', () => { console.log(JSON.stringify(got.replace(/Date: .*\r\n/, ''))); server.close(); done(); });
  });
}
const reqs = ['HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'GET /204 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'GET /304 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'];
let i = 0;
const opts = [{}, { rejectNonStandardBodyWrites: true }, { rejectNonStandardBodyWrites: false }];
function next() { if (i >= reqs.length * opts.length) return; const o = opts[Math.floor(i / reqs.length)], r = reqs[i % reqs.length]; i++; console.log(JSON.stringify(o), r.split(' ')[0], r.split(' ')[1]); run(o, r, next); }
next();
try { http.createServer({ rejectNonStandardBodyWrites: 1 }); } catch (e) { console.log(e.code, e.message); }
console.log(http.createServer().rejectNonStandardBodyWrites);

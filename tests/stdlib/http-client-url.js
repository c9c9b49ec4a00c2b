// http.get with URL strings and URL objects goes through the WHATWG parser, as in node:
// credentials become Basic auth, the path keeps its percent-encoding, non-ASCII is
// encoded, a bad string throws ERR_INVALID_URL and https is refused.
const http = require('http');
const server = http.createServer((req, res) => { res.end(`${req.method} ${req.url} ${req.headers.authorization || ''}`); });
server.listen(0, () => {
  const port = server.address().port;
  const done = [];
  const get = (u) => new Promise((r) => http.get(u, (res) => { let b = ''; res.on('data', (c) => b += c); res.on('end', () => r(b)); }));
  (async () => {
    console.log(await get(`http://user:p%40ss@127.0.0.1:${port}/a%20b?x=1#frag`));
    console.log(await get(new URL(`http://localhost:${port}/über?q=ü`)));
    try { http.get('not a url'); } catch (e) { console.log(e.code, e.message, e.input); }
    try { http.get('https://example.com/'); } catch (e) { console.log(e.code, e.message); }
    server.close();
  })();
});

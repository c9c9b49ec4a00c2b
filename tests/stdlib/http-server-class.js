// http.Server: new, called, subclassed; servers are its instances, named Server in frames.
const http = require('http');
const a = http.createServer(), b = new http.Server(), c = http.Server((q, r) => r.end());
class My extends http.Server { constructor() { super(); this.mine = true; } hello() { return 'hi'; } }
const d = new My();
console.log(a instanceof http.Server, b instanceof http.Server, c instanceof http.Server, d instanceof My, d instanceof http.Server, d.hello(), d.mine);
console.log(a.constructor.name, d.constructor.name, http.Server.name, http.Server.length, typeof d.listen, c.listenerCount('request'));
d.listen(0, () => { console.log(typeof d.address().port); d.close(); });
const e = http.createServer((req, res) => { try { null.x; } catch (err) { console.log(err.stack.split('\n')[1].trim().replace(__filename, 'FILE')); } res.end(); e.close(); });
e.listen(0, () => http.get({ port: e.address().port, agent: false }, (r) => r.resume()));

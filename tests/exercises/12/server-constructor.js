// Exercise 12.8: http.Server, the constructor behind createServer: every server is an
// instance, and it can be called with or without `new`.
const http = require('http');
const s = http.createServer();
console.log(typeof http.Server, http.Server.name, http.Server.length);
console.log(s instanceof http.Server, Object.getPrototypeOf(s) === http.Server.prototype);
const t = new http.Server((req, res) => res.end());
console.log(t instanceof http.Server, t.listening, t.listenerCount('request'));
const u = http.Server();
console.log(u instanceof http.Server, typeof u.listen);

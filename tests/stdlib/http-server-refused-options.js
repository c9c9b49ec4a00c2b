// tinynode-only (node 20 accepts both): two options of http.createServer that tinynode
// cannot honour throw a clear error instead of being ignored. Its HTTP parser has no
// lenient mode, and its responses are made in C, so a response class of one's own
// cannot be constructed (http.ServerResponse itself is accepted).
const http = require('http');

for (const [label, options] of [
  ['insecureHTTPParser: true', { insecureHTTPParser: true }],
  ['insecureHTTPParser: false', { insecureHTTPParser: false }],
  ['ServerResponse: a subclass', { ServerResponse: class extends http.ServerResponse {} }],
  ['ServerResponse: http.ServerResponse', { ServerResponse: http.ServerResponse }],
]) {
  try {
    http.createServer(options);
    console.log(label, 'accepted');
  } catch (e) {
    console.log(label, `${e.name}: ${e.message}`);
  }
}

// http.createServer's timeout options: node's defaults, values given, and node's errors
// for values it refuses (the server never listens, so the test needs no network).
const http = require('http');
const show = (s) =>
  console.log(s.requestTimeout, s.headersTimeout, s.keepAliveTimeout, s.connectionsCheckingInterval);
show(http.createServer());
show(http.createServer(() => {}));
show(http.createServer({}, () => {}));
show(http.createServer({ requestTimeout: 1000 })); // headersTimeout follows it down
show(http.createServer({ requestTimeout: 0 }));
show(http.createServer({ headersTimeout: 10, requestTimeout: 20, keepAliveTimeout: 30,
  connectionsCheckingInterval: 40 }));
show(http.createServer({ headersTimeout: 500, requestTimeout: 0 }));
const bad = [
  { headersTimeout: 500, requestTimeout: 100 },
  { headersTimeout: -1 },
  { requestTimeout: 1.5 },
  { keepAliveTimeout: '5' },
  { connectionsCheckingInterval: 2 ** 53 },
  { keepAliveTimeout: true },
  { headersTimeout: NaN },
  { requestTimeout: null },
  { requestTimeout: 'a string longer than twenty-eight characters' },
];
for (const options of bad) {
  try {
    http.createServer(options);
    console.log('accepted', options);
  } catch (e) {
    console.log(`${e.name} ${e.code}: ${e.message}`);
  }
}
const s = http.createServer();
s.keepAliveTimeout = 0; // plain properties: later assignments are read when needed
show(s);

// The other options node's storeHTTPOptions validates, and the fields the Server
// constructor adds.
const t = http.createServer();
console.log(t.maxHeaderSize, t.requireHostHeader, t.timeout, t.maxHeadersCount, t.maxRequestsPerSocket);
const u = http.createServer({ maxHeaderSize: 0, requireHostHeader: false });
console.log(u.maxHeaderSize, u.requireHostHeader, http.maxHeaderSize);
for (const options of [{ maxHeaderSize: -1 }, { maxHeaderSize: '1' }, { maxHeaderSize: 1.5 },
  { requireHostHeader: 1 }, { requireHostHeader: null }, { requireHostHeader: 'yes' }]) {
  try {
    http.createServer(options);
    console.log('accepted', options);
  } catch (e) {
    console.log(`${e.name} ${e.code}: ${e.message}`);
  }
}

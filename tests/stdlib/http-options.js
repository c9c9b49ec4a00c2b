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

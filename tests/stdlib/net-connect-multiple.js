// net.connect with node 20's autoSelectFamily: the lookup (options.lookup here, so that
// the name has several addresses) is asked for all of them; they are tried in turn,
// interleaving the families from the first one's, with the connectionAttempt events;
// when all fail, one AggregateError holds the errors. Also the single-address path's
// checks of what a lookup returns, and the defaults' setters.
const net = require('net');

const addresses = [{ address: '::1', family: 6 }, { address: '127.0.0.2', family: 4 },
  { address: '127.0.0.1', family: 4 }, { address: '127.0.0.1', family: 4 }];
function lookup(host, opts, cb) {
  console.log('lookup', host, JSON.stringify(opts));
  if (opts.all) cb(null, addresses);
  else cb(null, '127.0.0.1', 4);
}

function connect(options) {
  return new Promise((resolve) => {
    const c = net.connect(options, () => {
      console.log('connected', c.remoteAddress, c.remoteFamily);
      const tried = c.autoSelectFamilyAttemptedAddresses;
      if (tried) console.log('attempted', tried.map((a) => a.replace(/:\d+$/, ':PORT')));
    });
    c.on('lookup', (err, ip, family, host) => console.log('lookup event', err, ip, family, host));
    c.on('connectionAttempt', (ip, port, family) => console.log('attempt', ip, family));
    c.on('connectionAttemptFailed', (ip, port, family, err) => console.log('failed', ip, family, err.code));
    c.on('data', (d) => console.log(String(d).trim()));
    c.on('error', (e) => {
      console.log('error', e.name, e.code, JSON.stringify(e.message.replace(/:\d+$/, ':PORT')));
      if (e.errors) console.log(e.errors.map((x) => x.message.replace(/:\d+$/, ':PORT')));
    });
    c.on('close', resolve);
  });
}

function attempt(what, f) {
  try {
    f();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.code, e.message);
  }
}

const server = net.createServer((c) => c.end('hello from 127.0.0.1\n'));
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  await connect({ port, host: 'example.test', lookup });
  await connect({ port: 1, host: 'example.test', lookup });
  await connect({ port, host: 'example.test', lookup, autoSelectFamily: false });
  await connect({ port, host: 'example.test', lookup: (h, o, cb) => cb(null, 'not-an-ip', 4), autoSelectFamily: false });
  await connect({ port, host: 'example.test', lookup: (h, o, cb) => cb(null, '127.0.0.1', 5), autoSelectFamily: false });
  await connect({ port, host: 'example.test', lookup: (h, o, cb) => cb(null, [{ address: 'x', family: 4 }]) });
  attempt('lookup not a function', () => net.connect({ port, host: 'example.test', lookup: 1 }));
  attempt('autoSelectFamily not a boolean', () => net.connect({ port, host: 'example.test', autoSelectFamily: 1 }));
  console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
  attempt('set timeout 0', () => net.setDefaultAutoSelectFamilyAttemptTimeout(0));
  attempt('set timeout 1.5', () => net.setDefaultAutoSelectFamilyAttemptTimeout(1.5));
  attempt('set family 1', () => net.setDefaultAutoSelectFamily(1));
  net.setDefaultAutoSelectFamilyAttemptTimeout(5);
  net.setDefaultAutoSelectFamily(false);
  console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
  await connect({ port, host: 'example.test', lookup });
  server.close();
});

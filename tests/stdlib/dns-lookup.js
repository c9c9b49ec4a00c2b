// dns.lookup through the system's resolver (/etc/hosts: localhost), numeric addresses,
// the options, ENOTFOUND, argument errors, and dns.promises.lookup.
const dns = require('dns');
const show = (e) => console.log(e.name, e.code, e.message);

dns.lookup('localhost', { family: 4 }, (err, address, family) => {
  console.log('localhost', err, address, family);
  dns.lookup('localhost', { all: true, family: 4 }, (err, list) => {
    console.log('all', err, list);
    dns.lookup('nosuch.invalid', (err, address, family) => {
      const props = {};
      for (const k of Object.keys(err)) props[k] = err[k];
      console.log('notfound', err.message, props, address, family);
      promises();
    });
  });
});
dns.lookup('127.0.0.1', (err, a, f) => console.log('numeric', err, a, f));
dns.lookup('::1', { all: true }, (err, list) => console.log('numeric v6', err, list));
dns.lookup('', (err, a, f) => console.log('empty', err, a, f));
dns.lookup('', 6, (err, a, f) => console.log('empty 6', err, a, f));
for (const args of [[1, () => {}], ['localhost'], ['localhost', { family: 5 }, () => {}],
  ['localhost', 7, () => {}], ['localhost', { all: 1 }, () => {}], ['localhost', 'x', () => {}]]) {
  try {
    dns.lookup(...args);
  } catch (e) {
    show(e);
  }
}
console.log(typeof dns.promises.lookup, require('dns/promises') === dns.promises);

async function promises() {
  console.log('promise', await dns.promises.lookup('localhost', 4));
  console.log('promise all', await dns.promises.lookup('127.0.0.1', { all: true }));
  try {
    await dns.promises.lookup('nosuch.invalid');
  } catch (e) {
    console.log('promise rejected', e.code, e.hostname, e.syscall);
  }
}

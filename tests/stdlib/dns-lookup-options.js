// dns.lookup's hints (checked, passed to getaddrinfo), verbatim and the default result
// order (setDefaultResultOrder), with node's errors and Linux's AI_* values.
const dns = require('dns');
const t = (f) => { try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); } };
t(() => dns.lookup('localhost', { hints: 12345 }, () => {}));
t(() => dns.lookup('localhost', { hints: '32' }, () => {}));
t(() => dns.lookup('localhost', { verbatim: 1 }, () => {}));
t(() => dns.setDefaultResultOrder('x'));
t(() => dns.setDefaultResultOrder('ipv4first'));
console.log(dns.getDefaultResultOrder(), dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL);
dns.lookup('localhost', { hints: dns.ADDRCONFIG | dns.V4MAPPED, all: true }, (e, a) => console.log(e, a));
dns.lookup('127.0.0.1', { hints: dns.ALL, verbatim: false }, (e, a, f) => console.log(e, a, f));

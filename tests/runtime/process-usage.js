// process.memoryUsage (and .rss), cpuUsage(prev), resourceUsage and umask: their shapes
// (keys, integer or number values) and node's argument errors; never the figures themselves.
const m = process.memoryUsage();
console.log(Object.keys(m), Object.values(m).every((v) => typeof v === 'number' && v >= 0));
console.log(m.rss > 1e6, m.heapUsed <= m.heapTotal, typeof process.memoryUsage.rss(), process.memoryUsage.rss.name, process.memoryUsage.name);
const c = process.cpuUsage();
console.log(Object.keys(c), Number.isInteger(c.user), c.user >= 0);
const d = process.cpuUsage(c);
console.log(d.user >= 0 && d.user <= c.user + 1e6, d.system >= 0);
for (const bad of [{ user: -1, system: 2 }, { user: 'a', system: 2 }, 5, { user: 1 }, null, { user: 1, system: Infinity }])
  try { process.cpuUsage(bad); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
const r = process.resourceUsage();
console.log(Object.keys(r), Object.values(r).every((v) => Number.isInteger(v) && v >= 0), r.maxRSS > 1000);
const old = process.umask(0o22);
console.log(process.umask(), process.umask('0027'), process.umask(), process.umask(old) === 0o27, process.umask() === old);
for (const bad of ['x', -1, {}, '', '8', 2 ** 32, 1.5])
  try { process.umask(bad); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(process.umask(0o1777) === old, process.umask(old));

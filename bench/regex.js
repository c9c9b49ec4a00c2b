// Regular expressions at work: parse a few MB of log lines with exec, mask them with
// replace, split their fields, and filter them with test() in a loop.
const levels = ['INFO', 'WARN', 'ERROR', 'DEBUG'];
const paths = ['/api/users', '/api/orders/42', '/static/app.js', '/login', '/health'];
const lines = [];
let seed = 7;
function next(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor(seed / 65536) % n;
}
for (let i = 0; i < 40000; i++) {
  const ip = `${10 + next(240)}.${next(256)}.${next(256)}.${next(256)}`;
  const ms = String(next(1000)).padStart(3, '0');
  lines.push(`2024-03-${String(1 + next(28)).padStart(2, '0')}T12:${String(next(60)).padStart(2, '0')}` +
             `:07.${ms}Z [${levels[next(4)]}] ${ip} GET ${paths[next(5)]}?id=${next(99999)} ` +
             `status=${[200, 201, 404, 500][next(4)]} took=${next(900)}ms user=u${next(500)}`);
}
const text = lines.join('\n');

const lineRe = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)\.\d+Z \[(\w+)\] (\S+) (GET|POST) (\S+) (.*)$/;
const byLevel = {}, byStatus = {};
let took = 0, masked = 0, slow = 0, fields = 0;
for (const line of text.split(/\r?\n/)) {
  const m = lineRe.exec(line);
  if (!m) continue;
  byLevel[m[5]] = (byLevel[m[5]] || 0) + 1;
  const safe = line.replace(/\b(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}\b/g, '$1.$2.x.x');
  masked += safe.length;
  for (const kv of m[9].split(/\s+/)) {
    const eq = /^(\w+)=(\w+?)(ms)?$/.exec(kv);
    if (!eq) continue;
    fields++;
    if (eq[1] === 'status') byStatus[eq[2]] = (byStatus[eq[2]] || 0) + 1;
    if (eq[1] === 'took') took += +eq[2];
  }
  if (/took=[6-8]\d\dms/.test(line)) slow++;
}
let hits = 0;
const errorRe = /error|fail(ed|ure)?/i;
for (let i = 0; i < 200000; i++) if (errorRe.test(lines[i % lines.length])) hits++;
const words = text.match(/\bu\d+\b/g).length;
console.log(text.length, JSON.stringify(byLevel), JSON.stringify(byStatus), took, masked, slow,
            fields, hits, words);

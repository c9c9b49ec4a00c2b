// Graded exercise 5 of chapter 10: require('console') is the global console, and its
// Console class makes consoles that write to the streams they are given:
// new Console(stdout[, stderr]) or new Console({ stdout, stderr, inspectOptions,
// groupIndentation }). log/info/debug go to stdout, warn/error to stderr (stdout when
// there is none), dir inspects, group/groupCollapsed/groupEnd indent; the methods are
// bound; every console is an instance; bad streams and options are node's errors.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/10/console-class.js).
const { Console } = require('console');
const { Writable } = require('stream');
const sink = (name) =>
  new Writable({ write(chunk, encoding, cb) { process.stdout.write(`${name}| ${chunk}`); cb(); } });
const out = sink('out'), err = sink('err');
const c = new Console(out, err);
c.log('hello %d', 1, { a: [1, 2] });
c.info('info');
c.debug('debug');
c.error(new Map([[1, 2]]));
c.warn('warn %s', 'x');
c.group('group');
c.log('inside\ntwo lines');
c.groupCollapsed();
c.error('deeper');
c.groupEnd();
c.groupEnd();
c.groupEnd();
c.log('after');
c.dir({ a: { b: { c: {} } } }, { depth: 0 });
const d = new Console({ stdout: sink('o2'), inspectOptions: { depth: 0 }, groupIndentation: 4 });
d.log({ a: { b: 1 } });
d.error('no stderr: to stdout');
d.group();
d.warn('indented');
Console(out).log('without new');
const { log } = c;
log('unbound');
console.log(c instanceof Console, console instanceof Console, {} instanceof Console);
console.log(require('console') === console, typeof Console.prototype.log);
for (const bad of [undefined, {}, { write: 1 }]) {
  try { new Console(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
const attempts = [
  () => new Console(out, { write: 1 }),
  () => new Console({ stdout: out, groupIndentation: 1001 }),
  () => new Console({ stdout: out, groupIndentation: '2' }),
  () => new Console({ stdout: out, inspectOptions: 5 }),
];
for (const attempt of attempts) {
  try { attempt(); } catch (e) { console.log(e.name, e.code, e.message); }
}

// path (POSIX): normalize, join, resolve, basename, dirname, extname, isAbsolute, and
// require('events'): EventEmitter with on, once, emit, listenerCount, an unhandled 'error'.
const path = require('path');
const cases = ['', '.', '/', '//', 'a', 'a/', '/a/b/', 'a/./b/../c', '../a/../..', '/../x', 'a//b///c/', './', '..', '../', '/a/b/c/../../d/./e.txt', 'foo/bar/.hidden', '.bashrc', 'file.tar.gz', 'dir.d/file', 'a/b.', '...', '/x/.y'];
for (const c of cases) {
  console.log(JSON.stringify(c), '->', path.normalize(c || '.'), path.basename(c), path.dirname(c), JSON.stringify(path.extname(c)), path.isAbsolute(c));
}
console.log(path.join('a', 'b', '../c', '/d/', ''), path.join(), path.join('', ''), path.join('/a', '..', '..', 'b'));
console.log(path.resolve('/foo/bar', './baz'), path.resolve('/foo/bar', '/tmp/file/'), path.resolve('/', 'a', '..'));
console.log(path.resolve('x') === process.cwd() + '/x', path.resolve() === process.cwd());
console.log(path.basename('/a/b/file.txt', '.txt'), path.basename('file.txt', 'file.txt'), path.sep, path.delimiter, path.posix === path);
try { path.join(1); } catch (e) { console.log(e.name, e.message.split('.')[0]); }
const EventEmitter = require('events');
const e = new EventEmitter();
e.on('greet', (who) => console.log('hello', who));
e.once('greet', (who) => console.log('once', who));
console.log(e.emit('greet', 'ada'), e.emit('greet', 'bob'), e.emit('none'), e.listenerCount('greet'));
console.log(EventEmitter.EventEmitter === EventEmitter, e instanceof EventEmitter, typeof e.on);
try { e.emit('error', new Error('unhandled boom')); } catch (err) { console.log('thrown:', err.message); }

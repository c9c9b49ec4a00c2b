// Graded exercise 6 of chapter 9: Module._resolveFilename(request, parent[, isMain[,
// options]]) and Module._load(request, parent[, isMain]), the two steps of require
// that tools call themselves: the file a request names from parent (a built-in's name
// as it is), and the exports of loading it on parent's behalf (cached, as require's).
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/09/resolve-load.js).
const Module = require('module');
const path = require('path');
const rel = (p) => (path.isAbsolute(p) ? path.relative(__dirname, p) : p);
console.log(rel(Module._resolveFilename('./resolve/dep', module)));
console.log(Module._resolveFilename('fs', module), Module._resolveFilename('node:path', module));
console.log(rel(Module._resolveFilename('./dep.js', module, false, { paths: [path.join(__dirname, 'resolve')] })));
const exported = Module._load('./resolve/dep', module, false);
console.log(exported, exported === require('./resolve/dep'));
console.log(Module._load('path', module) === require('path'));
console.log(module.children.map((m) => rel(m.id)));
for (const attempt of [() => Module._resolveFilename('./nope', module), () => Module._load('./nope', module)]) {
  try {
    attempt();
  } catch (e) {
    console.log(e.code, e.message.split('\n')[0].replace(__dirname, '<dir>'), e.requireStack.map(rel));
  }
}

// Symbol.dispose and Symbol.asyncDispose as node 20 defines them: the registered symbols
// nodejs.dispose and nodejs.asyncDispose, read-only properties of Symbol.
for (const name of ['dispose', 'asyncDispose']) {
  const s = Symbol[name];
  console.log(name, s, s.description, Symbol.keyFor(s), Object.getOwnPropertyDescriptor(Symbol, name));
}
console.log(Symbol.for('nodejs.dispose') === Symbol.dispose);
const resource = { [Symbol.dispose]() { console.log('disposed'); } };
resource[Symbol.dispose]();

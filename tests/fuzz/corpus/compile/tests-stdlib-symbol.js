// Symbol: the function, descriptions, the registry, well-known symbols, the prototype.
const s = Symbol('desc');
console.log(s.toString(), String(s), s.description, Symbol().description, Symbol().toString(), Symbol('').description === '');
console.log(Symbol(123).description, Symbol(undefined).description, Symbol(null).toString(), s === Symbol('desc'));
try { new Symbol() } catch (e) { console.log(e.name + ': ' + e.message) }
try { s + '' } catch (e) { console.log(e.name + ': ' + e.message) }
try { `${s}` } catch (e) { console.log(e.name + ': ' + e.message) }
try { +s } catch (e) { console.log(e.name + ': ' + e.message) }

// The registry.
const a = Symbol.for('app.key');
console.log(a === Symbol.for('app.key'), Symbol.keyFor(a), Symbol.keyFor(s), a.description, Symbol.for().toString());
try { Symbol.keyFor('app.key') } catch (e) { console.log(e.name + ': ' + e.message) }

// Well-known symbols.
console.log(Symbol.iterator.toString(), Symbol.asyncIterator.description, Symbol.hasInstance.toString(),
            Symbol.toPrimitive.description, Symbol.toStringTag.toString());
console.log(Symbol.keyFor(Symbol.iterator), JSON.stringify(Object.getOwnPropertyDescriptor(Symbol, 'iterator').writable));

// As property keys.
const o = { [s]: 'by symbol', plain: 1 };
console.log(o[s], Object.keys(o).join(), Object.getOwnPropertySymbols(o).length, JSON.stringify(o), s in o);
const tp = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 42 : 'str:' + hint } };
console.log(+tp, `${tp}`, tp + '', tp * 2);

// Wrapper objects and the prototype.
const w = Object(s);
console.log(typeof w, w.valueOf() === s, w.toString(), w.description, Object.prototype.toString.call(w), w === s);
console.log(Object.prototype.toString.call(s), Symbol.prototype[Symbol.toStringTag], Symbol.prototype.constructor === Symbol);
try { Symbol.prototype.toString.call('x') } catch (e) { console.log(e.name + ': ' + e.message) }
try { Symbol.prototype.valueOf.call({}) } catch (e) { console.log(e.name + ': ' + e.message) }
console.log(Symbol.length, Symbol.name, Object.getOwnPropertyNames(Symbol.prototype).join());
const dd = Object.getOwnPropertyDescriptor(Symbol.prototype, 'description');
console.log(typeof dd.get, dd.set, dd.get.name, dd.enumerable, dd.configurable);

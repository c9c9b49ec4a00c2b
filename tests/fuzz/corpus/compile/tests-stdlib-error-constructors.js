// Error and its subclasses: called with and without new, message, cause, name, toString.
function show(e) {
  console.log(e.name + ': ' + e.message + ' | ' + String(e) + ' | ' + (e instanceof Error) +
              ' ' + Object.prototype.toString.call(e));
}
show(new Error('plain'));
show(Error('called without new'));
show(new TypeError('bad type'));
show(RangeError('out of range'));
show(new ReferenceError('no such thing'));
show(new SyntaxError('bad syntax'));
show(new EvalError('eval'));
show(new URIError('uri'));
show(new Error());
show(new Error(undefined));
show(new Error(42));
show(new Error({ toString() { return 'from toString' } }));

// message is an own, hidden property only when given.
console.log(Object.prototype.hasOwnProperty.call(new Error(), 'message'));
console.log(Object.prototype.hasOwnProperty.call(new Error('x'), 'message'));
console.log(Object.keys(new Error('x')).length, JSON.stringify(new Error('x')));
const d = Object.getOwnPropertyDescriptor(new Error('m'), 'message');
console.log(d.value, d.writable, d.enumerable, d.configurable);

// cause
const c = new Error('outer', { cause: 'inner' });
console.log(c.cause, Object.prototype.hasOwnProperty.call(c, 'cause'));
console.log('cause' in new Error('no options'), 'cause' in new Error('x', {}));
console.log(new TypeError('t', { cause: 0 }).cause);

// The constructors and prototypes are linked as the spec says.
console.log(Object.getPrototypeOf(TypeError) === Error);
console.log(Object.getPrototypeOf(TypeError.prototype) === Error.prototype);
console.log(TypeError.prototype.name, TypeError.prototype.message === '', Error.prototype.name);
console.log(new RangeError('r') instanceof RangeError, new RangeError('r') instanceof TypeError);
console.log(Error.length, TypeError.length, Error.name, URIError.name);
console.log(Object.getOwnPropertyNames(TypeError.prototype).join());
console.log(Error.prototype.constructor === Error, TypeError.prototype.constructor === TypeError);

// Error.prototype.toString on other objects.
const ts = Error.prototype.toString;
console.log(ts.call({ name: 'N', message: 'M' }), ts.call({ message: 'only message' }));
console.log(ts.call({ name: '', message: 'M' }), ts.call({ name: 'N', message: '' }), ts.call({}));
try { ts.call(1) } catch (e) { console.log(e.name + ': ' + e.message) }

// A subclass made with prototypes gets its own name and keeps the error class.
function MyError(message) {
  const e = new Error(message);
  Object.setPrototypeOf(e, MyError.prototype);
  return e;
}
MyError.prototype = Object.create(Error.prototype);
MyError.prototype.name = 'MyError';
MyError.prototype.constructor = MyError;
const m = new MyError('custom');
show(m);
console.log(m instanceof MyError, m instanceof Error);

// Errors thrown by the engine are instances of the right constructor.
try { null.x } catch (e) { console.log(e instanceof TypeError, e.constructor === TypeError, e.name) }
try { undefinedVariable } catch (e) { console.log(e instanceof ReferenceError, e.name + ': ' + e.message) }
try { new Array(-1) } catch (e) { console.log(e instanceof RangeError, e.name + ': ' + e.message) }

// Error.stackTraceLimit: how many frames a stack shows; no number means an undefined stack
function inner() { return new Error('deep'); }
function outer() { return inner(); }
Error.stackTraceLimit = 1;
console.log(outer().stack.split('\n').length);
Error.stackTraceLimit = 0;
console.log(JSON.stringify(new Error('none').stack));
try { null.x; } catch (e) { console.log(JSON.stringify(e.stack)); }
Error.stackTraceLimit = -3;
console.log(JSON.stringify(new RangeError('neg').stack));
Error.stackTraceLimit = undefined;
const e = new Error('u');
console.log(Object.getOwnPropertyNames(e), e.stack, Object.getOwnPropertyDescriptor(e, 'stack'));
const o = {};
Error.captureStackTrace(o);
console.log('stack' in o, o.stack);
console.log(e);
Error.stackTraceLimit = 10;
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }
console.log(String(new MyErr('m').stack).split('\n')[0]);
const c = new Error('with cause', { cause: { code: 1 } });
console.log(Object.getOwnPropertyNames(c), c.cause);
console.log('cause' in new Error('x', {}), 'cause' in new Error('x', { cause: undefined }));
const agg = new AggregateError([new Error('a'), 'b'], 'many', { cause: 'c' });
console.log(agg.name, agg.message, agg.errors.length, agg.cause, Object.getOwnPropertyNames(agg));
Error.stackTraceLimit = 0;
throw new MyErr('uncaught without frames');

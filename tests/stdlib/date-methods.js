// Date.prototype in UTC: the getUTC*/setUTC* families (NaN propagation, argument
// conversion order), setTime, toISOString, toUTCString, toJSON, valueOf,
// Symbol.toPrimitive and its hints, and the TypeErrors for a `this` that is no Date.
// The local-time methods are tested under fixed time zones in date-zones/.
const d = () => new Date(Date.UTC(2024, 0, 15, 10, 30, 45, 123));
const t = d();
console.log(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCDay(), t.getUTCHours(),
  t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds(), t.getTime(), t.valueOf());
const bad = new Date(NaN);
console.log(bad.getUTCFullYear(), bad.getUTCDay(), bad.getTime(), bad.getTimezoneOffset());

// Each setter: the new time value (also its result), with fewer and more arguments.
const set = (name, ...args) => {
  const x = d();
  const r = x[name](...args);
  console.log(`${name}(${args.map(String).join(', ')})`, r, x.getTime() === r || (isNaN(r) && isNaN(x)),
    isNaN(x) ? 'Invalid Date' : x.toISOString());
};
set('setUTCMilliseconds', 999), set('setUTCMilliseconds', 1000), set('setUTCMilliseconds', -1);
set('setUTCSeconds', 0), set('setUTCSeconds', 59, 999), set('setUTCSeconds', 61, -1);
set('setUTCMinutes', 0), set('setUTCMinutes', 1, 2), set('setUTCMinutes', 1, 2, 3);
set('setUTCHours', 23), set('setUTCHours', 24, 60, 60, 1000), set('setUTCHours', -1, 0);
set('setUTCDate', 31), set('setUTCDate', 0), set('setUTCDate', 366);
set('setUTCMonth', 1), set('setUTCMonth', 1, 30), set('setUTCMonth', -13), set('setUTCMonth', 12, 31);
set('setUTCFullYear', 2023), set('setUTCFullYear', 2023, 1, 29), set('setUTCFullYear', 99);
set('setUTCFullYear', -1, 11), set('setUTCFullYear', 275760, 8, 14);
set('setUTCHours'), set('setUTCHours', NaN), set('setUTCMinutes', 1, NaN), set('setUTCDate', Infinity);
set('setUTCHours', 1.9, -1.9), set('setUTCSeconds', '30', '500'), set('setUTCMonth', null, undefined);
set('setTime', 0), set('setTime', -1.5), set('setTime', 8.64e15 + 1), set('setTime'), set('setTime', '86400000');
set('setUTCMilliseconds', 8.64e15);

// On an invalid date the setters stay NaN, except setUTCFullYear, which starts from +0.
for (const [name, args] of [['setUTCHours', [1]], ['setUTCDate', [2]], ['setUTCMonth', [3]],
  ['setUTCFullYear', [2020]], ['setUTCFullYear', [2020, 5, 6]], ['setTime', [5]]]) {
  const x = new Date(NaN);
  console.log(name, x[name](...args), isNaN(x) ? 'Invalid Date' : x.toISOString());
}

// Every argument given is converted, in order, before the date is looked at.
const log = [];
const arg = (name, v) => ({ valueOf() { log.push(name); return v; } });
const x = new Date(NaN);
x.setUTCHours(arg('h', 1), arg('m', 2), arg('s', 3), arg('ms', 4), arg('extra', 5));
x.setUTCMonth(arg('month', 1));
d().setUTCSeconds(arg('s', NaN), arg('ms', 1));
console.log(log.join(' '));
// The time value is read before the arguments are converted.
const y = d();
console.log(y.setUTCMilliseconds({ valueOf() { y.setTime(0); return 7; } }), y.toISOString());

// toISOString and toUTCString over the whole range.
for (const v of [0, -1, 1705314645123, -62167219200000, -62167219200001, 253402300799999,
  253402300800000, 8.64e15, -8.64e15, -62198755200000, 951782400000])
  console.log(new Date(v).toISOString(), '|', new Date(v).toUTCString(), '|', new Date(v).toGMTString());
try { new Date(NaN).toISOString(); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(new Date(NaN).toUTCString(), String(new Date(NaN)), new Date(NaN).toDateString());
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString, Date.prototype.toGMTString.name);

// toJSON: ToPrimitive(number) first; a non-finite number gives null; then toISOString.
console.log(t.toJSON(), new Date(NaN).toJSON(), JSON.stringify({ t, bad }));
console.log(Date.prototype.toJSON.call({ toISOString: () => 'custom' }));
console.log(Date.prototype.toJSON.call({ valueOf: () => Infinity, toISOString: () => 'never' }));
console.log(Date.prototype.toJSON.call({ valueOf: () => 'str', toISOString() { return this.valueOf(); } }));
for (const v of [{}, null, { toISOString: 1 }]) {
  try { Date.prototype.toJSON.call(v); } catch (e) { console.log(e.name + ': ' + e.message); }
}

// Symbol.toPrimitive: "default" and "string" mean a string, "number" a number.
const p = Date.prototype[Symbol.toPrimitive];
console.log(p.name, p.length, Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive));
console.log(p.call(t, 'number'), typeof p.call(t, 'default'), typeof p.call(t, 'string'));
console.log(p.call({ toString: () => 'S', valueOf: () => 'V' }, 'number'),
  p.call({ toString: () => 'S', valueOf: () => 'V' }, 'default'));
for (const [self, hint] of [[t, 'x'], [t, undefined], [t, 1], [t, new String('number')],
  [1, 'number'], [undefined, 'string'], [{ toString: () => ({}), valueOf: () => ({}) }, 'number']])
  try { p.call(self, hint); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(t - 0, t * 1, +t, t > 0, t == t.getTime(), typeof (t + 1), [t].join().length > 30);

// A `this` that is not a Date: V8's two messages.
for (const name of ['getTime', 'getUTCHours', 'valueOf', 'getTimezoneOffset', 'getYear',
  'setUTCHours', 'setTime', 'setYear', 'toISOString', 'toUTCString', 'toGMTString', 'toString',
  'toDateString', 'toLocaleString', 'toLocaleTimeString', 'setUTCFullYear', 'setMilliseconds'])
  for (const self of [{}, 1705314645123, Object.create(Date.prototype)])
    try { Date.prototype[name].call(self); } catch (e) { console.log(name, e.name + ': ' + e.message); }

// The prototype's methods, their lengths and order.
console.log(Object.getOwnPropertyNames(Date.prototype).map((k) => k + '/' + Date.prototype[k].length).join(' '));
console.log(Object.keys(Date.prototype), Object.getOwnPropertySymbols(Date.prototype));

// Date: construction from parts, time values, strings and Date objects; Date() as a
// function; Date.UTC, Date.now, Date.parse; the constructor's own properties. Only UTC
// views are printed, so the output does not depend on the machine's time zone.
const iso = (d) => (isNaN(d) ? 'Invalid Date' : d.toISOString());
const show = (label, d) => console.log(label, iso(d), d.getTime());

// From a time value: TimeClip keeps integers within 8.64e15 and truncates towards zero.
for (const v of [0, -0, 1, -1, 1.9, -1.9, 8.64e15, -8.64e15, 8.64e15 + 1, -8.64e15 - 1, NaN,
  Infinity, -Infinity, 1e81, '', true, false, null, undefined, [], [5e12], {}])
  show('value ' + String(v), new Date(v));
console.log(Object.is(new Date(-0).getTime(), 0));

// From parts, through Date.UTC (the local-time forms are in date-zones/).
const utc = (...a) => console.log('UTC(' + a.map(String).join(', ') + ')', Date.UTC(...a));
utc(2024), utc(2024, 0), utc(2024, 0, 15, 10, 30, 45, 123), utc(2024, 1, 29), utc(2023, 1, 29);
utc(0), utc(1), utc(49), utc(50), utc(99), utc(100), utc(-1), utc(99.9), utc(-0.5);
utc(2024, 12), utc(2024, -1), utc(2024, 0, 0), utc(2024, 0, 32), utc(2024, 0, 1, 24);
utc(2024, 0, 1, 0, -1), utc(2024, 0, 1, 0, 0, 0, -1), utc(2024, 0, 1, 0, 0, 0, 0.9);
utc(275760, 8, 13), utc(275760, 8, 13, 0, 0, 0, 1), utc(-271821, 3, 20), utc(-271821, 3, 19);
utc(NaN), utc(2024, NaN), utc(2024, 0, Infinity), utc(Infinity), utc(1e6, 0), utc(1e7);
utc('2024', '1', '2'), utc(2024, 0, 1, 1e9), utc(2024, 1e7), utc(2024, 0, 1e9);
console.log(Date.UTC(), Date.UTC.length, Date.UTC.name);

// Arguments are converted in order, each once, even when an earlier one is NaN.
const log = [];
const arg = (name, v) => ({ valueOf() { log.push(name); return v; } });
Date.UTC(arg('y', NaN), arg('m', 0), arg('d', 1), arg('h', 0), arg('min', 0), arg('s', 0),
  arg('ms', 0), arg('extra', 0));
console.log(log.join(' '));

// From another Date (its time value, not ToPrimitive) and from objects.
const d0 = new Date(86400000);
d0.valueOf = () => 5;
show('date copy', new Date(d0));
show('valueOf', new Date({ valueOf: () => 42 }));
show('toString', new Date({ toString: () => '1970-01-02T00:00:00Z', valueOf: undefined }));
show('toPrimitive', new Date({ [Symbol.toPrimitive]: (hint) => (console.log('hint', hint), 7) }));
try { new Date(Symbol('s')); } catch (e) { console.log(e.name + ': ' + e.message); }
try { new Date({ [Symbol.toPrimitive]: () => ({}) }); } catch (e) { console.log(e.name + ': ' + e.message); }
try { new Date(1, { valueOf() { throw new Error('boom'); } }); } catch (e) { console.log(e.message); }

// From strings (Date.parse's rules; many more forms in date-zones/parse.js).
for (const s of ['2024-01-15', '2024-01-15T10:30:00Z', '2024-01-15T10:30:00.123+05:30',
  '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '-000000-01-01T00:00:00Z',
  'Tue, 1 Jan 2024 10:00:00 GMT', 'Mon Jan 15 2024 10:30:00 GMT+0100', 'nonsense', ''])
  show(JSON.stringify(s), new Date(s));
console.log(Date.parse('2024-01-15T10:30:00Z'), Date.parse(), Date.parse(null), Date.parse.length);
console.log(Date.parse({ toString: () => '1970-01-01T00:00:00.001Z' }));

// Date() called as a function ignores its arguments and returns a string.
console.log(typeof Date(), typeof Date(0), Date(0) === Date(1) || Date(0).length > 20);
const now = Date.now();
console.log(typeof now, Number.isInteger(now), now > 1.7e12, Math.abs(new Date() - now) < 60000);

// The constructor itself.
console.log(Date.length, Date.name, typeof Date.prototype, Object.prototype.toString.call(Date.prototype));
console.log(Object.getOwnPropertyNames(Date));
console.log(Object.getOwnPropertyDescriptor(Date, 'prototype'));
console.log(Date.prototype.constructor === Date, Object.getPrototypeOf(new Date(0)) === Date.prototype);
console.log(Object.prototype.toString.call(new Date(0)), new Date(0) instanceof Date);

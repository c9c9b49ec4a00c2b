// Date in local time, run by ../date-zones.sh under several TZ values: construction from
// parts (two-digit years, DST gaps and overlaps), the local getters and setters,
// getTimezoneOffset, getYear/setYear, and the local string forms.
const show = (d) => [d.toString(), d.toDateString(), d.toTimeString(), d.toLocaleString(),
  d.toLocaleDateString(), d.toLocaleTimeString(), d.getTimezoneOffset(), d.getTime()].join(' | ');
const parts = [[2024, 0, 15, 10, 30], [2024, 6, 15, 10, 30, 5, 9], [2024, 2, 10, 2, 30],
  [2024, 10, 3, 1, 30], [2024, 2, 31, 1, 30], [2024, 2, 31, 2, 30], [2024, 9, 27, 1, 30],
  [2024, 3, 7, 1, 45], [2024, 3, 7, 2, 15], [2024, 9, 6, 2, 15], [2024, 9, 6, 1, 59, 59, 999],
  [1800, 0, 1], [1883, 10, 18, 12], [1900, 0, 1], [1969, 6, 1], [1970, 0, 1], [2038, 0, 19, 3, 14, 8],
  [2050, 6, 1], [2100, 0, 1], [0, 0], [49, 0], [50, 5], [99, 11, 31], [100, 0], [-1, 0], [10000, 0],
  [275760, 8, 12], [275760, 8, 13], [-271821, 3, 20], [-271821, 3, 19], [2024, 0, 1, 24],
  [2024, 0, 1, 0, -1], [2024, 11, 31, 23, 59, 59, 1000], [2024, NaN], [2024, 0, 1, Infinity]];
for (const p of parts) {
  const d = new Date(...p);
  console.log(JSON.stringify(p), isNaN(d) ? 'Invalid Date ' + d.getTimezoneOffset() : show(d));
}
// From time values: the instants around this zone's transitions and far away.
for (const t of [0, -1, 1705314600000, 1710052200000, 1710055800000, 1730611800000, 1730615400000,
  1711846800000, 1729990800000, 1712415600000, 1728142200000, -5364619200000, 8.64e15, -8.64e15,
  253402300799999, -62198755200000, 4102444800000, 2147483647000, 2147483648000])
  console.log(t, show(new Date(t)));

// Getters in local time, and getYear.
const g = new Date(2024, 6, 4, 23, 59, 58, 997);
console.log(g.getFullYear(), g.getMonth(), g.getDate(), g.getDay(), g.getHours(), g.getMinutes(),
  g.getSeconds(), g.getMilliseconds(), g.getYear(), new Date(1899, 0).getYear(), new Date(NaN).getYear());

// Setters in local time, across the transitions.
const set = (start, name, ...args) => {
  const d = new Date(...start);
  const r = d[name](...args);
  console.log(name, JSON.stringify(args), r, isNaN(d) ? 'Invalid Date' : d.toString());
};
set([2024, 2, 9, 2, 30], 'setDate', 10), set([2024, 2, 10, 1, 30], 'setHours', 2);
set([2024, 2, 10, 1, 30], 'setMinutes', 90), set([2024, 10, 2, 1, 30], 'setDate', 3);
set([2024, 10, 3, 0, 30], 'setHours', 1), set([2024, 10, 3], 'setHours', 1, 30, 0, 0);
set([2024, 2, 30, 1, 30], 'setDate', 31), set([2024, 9, 26, 1, 30], 'setDate', 27);
set([2024, 3, 6, 1, 45], 'setDate', 7), set([2024, 9, 5, 2, 15], 'setDate', 6);
set([2024, 0, 31], 'setMonth', 1), set([2024, 0, 31], 'setMonth', 1, 15), set([2024, 1, 29], 'setFullYear', 2023);
set([2024, 0, 15, 10], 'setMilliseconds', -1), set([2024, 0, 15, 10], 'setSeconds', 3600, 5);
set([2024, 0, 15, 10], 'setHours', -25), set([2024, 0, 15], 'setFullYear', 1800, 0, 1);
set([NaN], 'setFullYear', 2024), set([NaN], 'setFullYear', 2024, 6, 4), set([NaN], 'setHours', 1);
set([2024, 0, 15, 10], 'setYear', 99), set([2024, 0, 15, 10], 'setYear', 2024.5), set([2024, 0, 15], 'setYear', -1);
set([2024, 0, 15], 'setYear', NaN), set([NaN], 'setYear', 5), set([2024, 0, 15], 'setYear', 100);

// Strings made by the default hint, and a round trip through Date.parse.
const d = new Date(2024, 0, 15, 10, 30);
console.log(`${d}`, d + '', [d].join(), String(d) === d.toString(), Date.parse(d.toString()) === d.getTime());
console.log(Date.parse(d.toUTCString()), Date.parse(d.toISOString()), Date.parse(d.toLocaleString()));
console.log(typeof Date(), Date().length > 30, Date().includes(" GMT") || Date());

// Prints the rows of stdlib/ecma/date_time.c's zone_names table: for each zone, the
// names node (ICU) puts in parentheses after Date.prototype.toString's offset, for
// standard and for summer time. Run with node: node tests/tools/date-zone-names.js
// A zone that had no summer time from 1970 to 2037 gets its standard name twice.
const { execFileSync } = require('child_process');
const zones = ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Universal', 'Zulu',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix',
  'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Toronto',
  'America/Vancouver', 'America/Mexico_City', 'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires', 'America/Bogota', 'America/Halifax', 'America/St_Johns',
  'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin',
  'Europe/Madrid', 'Europe/Rome', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Stockholm',
  'Europe/Zurich', 'Europe/Vienna', 'Europe/Warsaw', 'Europe/Prague', 'Europe/Athens',
  'Europe/Helsinki', 'Europe/Kiev', 'Europe/Kyiv', 'Europe/Istanbul', 'Europe/Moscow',
  'Africa/Cairo', 'Africa/Johannesburg', 'Africa/Lagos', 'Africa/Nairobi', 'Asia/Jerusalem',
  'Asia/Tehran', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Calcutta',
  'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Jakarta', 'Asia/Shanghai',
  'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Taipei', 'Asia/Manila', 'Asia/Seoul', 'Asia/Tokyo',
  'Australia/Perth', 'Australia/Adelaide', 'Australia/Darwin', 'Australia/Brisbane',
  'Australia/Sydney', 'Australia/Melbourne', 'Australia/Hobart', 'Australia/Lord_Howe',
  'Pacific/Auckland', 'Pacific/Chatham', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT',
  'US/Eastern', 'US/Central', 'US/Mountain', 'US/Pacific'];
// In each zone: the name at the first and the fifteenth of every month, 1970-2037, split
// by whether the offset is above the year's smallest (summer time, as tinynode decides).
// The most frequent name on each side wins (January 1970 is judged by V8's equivalent year).
const probe = `const std = new Map(), dst = new Map();
const add = (map, name) => map.set(name, (map.get(name) || 0) + 1);
const top = map => [...map].sort((a, b) => b[1] - a[1]).map(e => e[0])[0];
for (let y = 1970; y < 2038; y++) {
  const offs = [0, 6].map(m => new Date(y, m, 1).getTimezoneOffset());
  for (let m = 0; m < 12; m++) for (const day of [1, 15]) {
    const d = new Date(y, m, day), s = d.toString(), name = s.slice(s.indexOf('(') + 1, -1);
    add(d.getTimezoneOffset() < Math.max(...offs) ? dst : std, name);
  }
}
console.log(JSON.stringify([top(std), top(dst) || top(std)]));`;
for (const zone of zones) {
  const [std, dst] = JSON.parse(execFileSync(process.execPath, ['-e', probe], { env: { TZ: zone } }));
  console.log(`    {${JSON.stringify(zone)}, ${JSON.stringify(std)}, ${JSON.stringify(dst)}},`);
}

// Dates: dayjs parsing, formatting, arithmetic and plugins (run with TZ=UTC).
const dayjs = require('dayjs');
const utc = require('dayjs/plugin/utc');
const relativeTime = require('dayjs/plugin/relativeTime');
const advancedFormat = require('dayjs/plugin/advancedFormat');
dayjs.extend(utc);
dayjs.extend(relativeTime);
dayjs.extend(advancedFormat);

const d = dayjs('2024-02-28T13:45:30.123Z');
console.log(d.format(), d.format('dddd, MMMM D YYYY h:mm A'), d.format('Do [of] MMM, Q'));
console.log(d.add(1, 'day').format('YYYY-MM-DD'), d.add(2, 'day').format('YYYY-MM-DD'), d.subtract(3, 'month').toISOString());
console.log(d.startOf('week').format(), d.endOf('month').format('YYYY-MM-DD HH:mm:ss.SSS'));
console.log(d.diff(dayjs('2023-01-01'), 'day'), d.diff('2024-01-01', 'month', true).toFixed(4));
console.log(d.from(dayjs('2024-05-01')), d.to(dayjs('2020-01-01')), dayjs('2024-02-28').isBefore('2024-03-01'));
console.log(d.utcOffset(120).format(), dayjs.utc('2024-12-31 23:59').add(1, 'minute').format());
console.log(dayjs('not a date').isValid(), dayjs(0).valueOf(), dayjs(1700000000000).unix(), d.daysInMonth());

// Date.parse over a long list of strings (parse-cases.json), run by ../date-zones.sh under
// several TZ values: ISO 8601 (date-only forms are UTC, date-times without an offset local),
// expanded years, and the legacy forms V8 accepts. Each line: the string and its time value.
const cases = JSON.parse(require('fs').readFileSync(__dirname + '/parse-cases.json', 'utf8'));
for (const s of cases) console.log(JSON.stringify(s), Date.parse(s));

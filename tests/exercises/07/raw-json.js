// Graded exercise 5 of chapter 7: JSON.rawJSON(text) and JSON.isRawJSON(value). The
// expectation is node 20's: `node --harmony-json-parse-with-source
// tests/exercises/07/raw-json.js`.
const big = JSON.rawJSON('12345678901234567890');
console.log(JSON.stringify({ big, list: [JSON.rawJSON('1e400'), JSON.rawJSON('"x"')] }));
console.log(JSON.stringify(JSON.rawJSON('null')), JSON.stringify([JSON.rawJSON('true')], null, 1));
console.log(JSON.isRawJSON(big), JSON.isRawJSON({ rawJSON: '1' }), JSON.isRawJSON(1), JSON.isRawJSON());
console.log(Object.getPrototypeOf(big), Object.isFrozen(big), Object.keys(big), big.rawJSON);
console.log(JSON.rawJSON.length, JSON.rawJSON.name, JSON.isRawJSON.length);
console.log(JSON.rawJSON(12), JSON.rawJSON(true).rawJSON, typeof JSON.rawJSON(1.5).rawJSON);
// A toJSON or a replacer may return one too.
console.log(JSON.stringify({ toJSON() { return JSON.rawJSON('7'); } }));
console.log(JSON.stringify({ a: 1 }, (k, v) => (k === 'a' ? JSON.rawJSON('99999999999999999999') : v)));

for (const text of ['{}', '[]', '[1]', ' 1', '1 ', '\t2', '1,2', '', 'undefined', '"a', 'nul']) {
  try {
    JSON.rawJSON(text);
    console.log(JSON.stringify(text), 'accepted');
  } catch (e) {
    console.log(JSON.stringify(text), e.name + ': ' + e.message);
  }
}
try {
  JSON.rawJSON(Symbol('s'));
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
// The argument is converted to a string once.
let calls = 0;
console.log(JSON.rawJSON({ toString() { calls++; return '3'; } }).rawJSON, calls);

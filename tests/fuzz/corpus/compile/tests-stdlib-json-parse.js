// JSON.parse: values, whitespace, escapes, the reviver, and V8's error messages.
const j = v => JSON.stringify(v);
console.log(j(JSON.parse('{"a":[1,2,{"b":null}],"c":"d","e":true,"f":false}')));
console.log(JSON.parse('  42  '), JSON.parse('-0.5e2'), JSON.parse('1E2'), 1 / JSON.parse('-0'), JSON.parse('1e400'));
console.log(JSON.parse('"\\u00e9\\n\\t\\/\\\\\\"\\b\\f\\r"') === 'é\n\t/\\"\b\f\r', JSON.parse('"\\ud83d\\ude00"'));
console.log(JSON.parse('123456789012345678901234567890'), JSON.parse('0.1'), JSON.parse('[]').length, j(JSON.parse('{}')));
console.log(j(JSON.parse(' \t\n\r[ 1 , 2 ]\n')), JSON.parse('null'), JSON.parse(true), JSON.parse(5), JSON.parse('"x"'));
const proto = JSON.parse('{"__proto__": {"polluted": 1}}');
console.log(Object.keys(proto).join(), ({}).polluted, Object.getPrototypeOf(proto) === Object.prototype);
console.log(j(JSON.parse('{"a":1,"a":2}')), j(JSON.parse('{"2":"b","1":"a","x":0}')));

// The reviver walks bottom-up with the holder as this.
const order = [];
const revived = JSON.parse('{"a":[1,2],"b":{"c":3}}', function (key, value) {
  order.push(key === '' ? '(root)' : key);
  return typeof value === 'number' ? value * 10 : value;
});
console.log(j(revived), order.join(' '));
console.log(j(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v))));
console.log(j(JSON.parse('{"keep":1,"drop":2}', (k, v) => (k === 'drop' ? undefined : v))));
console.log(JSON.parse('{"d":"2020"}', function (k, v) { return k === '' ? Object.keys(this).join() : v }));

// Errors, with Node 20's wording.
const bad = ['{"a":1,}', '', ' ', '{', '[1,2', '{"a" 1}', 'tru', 'nul', '"abc', '"a\\x"', '"a\nb"', '01', '1.',
             '-', '1e', '1e+', '[1,]', '{a:1}', "'a'", 'undefined', 'NaN', 'Infinity', '{"a":1}x', '"\\u12G4"',
             '[1 2]', '{"a":1 "b":2}', '123abc', '{"a":}', 'é', '"\t"', '[', ']', '-01', '+1', '.5', '{"a":tru}',
             '{"a":1, "b": [1, 2, 3], "c": x, "d": "long text here to make it longer"}',
             '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, x]',
             'x234567890123456789012345678901234567890', 'x1234567890123456789', '"\\uD800"', '[1]   ]'];
for (const text of bad) {
  try { console.log('parsed:', j(JSON.parse(text))) } catch (e) { console.log(e.name + ': ' + e.message) }
}
try { JSON.parse('{"a":1}', (k, v) => { if (k === 'a') throw new RangeError('from reviver'); return v }) } catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(Object.prototype.toString.call(JSON), JSON.parse.length, JSON.stringify.length);

// util.inspect.custom replaces the output; it receives depth, options and inspect.
const util = require('util');
console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
const money = { amount: 5 };
money[util.inspect.custom] = function inspectMoney() {
  return `Money<${this.amount}>`;
};
console.log(money, [money], { wallet: money });
const showsArgs = {
  [util.inspect.custom](depth, options, inspect) {
    return `depth=${depth} breakLength=${options.breakLength} same=${inspect === util.inspect}`;
  },
};
console.log(showsArgs);
console.log({ a: { b: showsArgs } });
const returnsObject = {
  [util.inspect.custom]() {
    return { replaced: true, list: [1, 2] };
  },
};
console.log(returnsObject);
const multiline = {
  [util.inspect.custom]() {
    return 'line1\nline2';
  },
};
console.log({ nested: { m: multiline } });
const usesInspect = {
  inner: { deep: { deeper: { deepest: 1 } } },
  [util.inspect.custom](depth, options, inspect) {
    return 'Wrapped(' + inspect(this.inner, options) + ')';
  },
};
console.log(usesInspect);
console.dir(money);
console.log(util.inspect(money, { customInspect: false }));
console.log(util.format('%s', money), util.format('%O', money));
const toJSONIgnored = { toJSON() { return 'json'; }, toString() { return 'str'; }, v: 1 };
console.log(toJSONIgnored);

// util.inspect of a Timeout and an Immediate, as node prints them: the fields node keeps
// (_idleTimeout, _onTimeout, _repeat, _destroyed, [Symbol(refed)], ...) before, during
// and after the callback, after clear*, unref and +timeout. The start time and the
// async ids (node counts resources tinynode does not have) are masked.
const util = require('util');
const show = (label, x, options) => console.log(label, util.inspect(x, options)
  .replace(/_idleStart: \d+/g, '_idleStart: <ms>')
  .replace(/\[Symbol\((asyncId|triggerId)\)\]: \d+/g, '[Symbol($1)]: <id>'));
const symbol = (handle, name) => Object.getOwnPropertySymbols(handle).find((s) => s.description === name);

const t = setTimeout(function named(a, b) {
  show('in callback', t);
  const inner = setImmediate(() => {
    show('after callback', t);
    console.log('trigger is the timer', inner[symbol(inner, 'triggerId')] === t[symbol(t, 'asyncId')]);
    immediates();
  });
}, 1, 'x', 'y');
show('armed', t);
show('nested', { t, list: [t] });
show('depth 0', { t }, { depth: 0 });
console.log(Object.keys(t));
console.log('id is async id', +t === t[symbol(t, 'asyncId')], t[symbol(t, 'triggerId')]);
show('after +t', t);

const cleared = setTimeout(() => {}, 50);
cleared.unref();
show('unref', cleared);
clearTimeout(cleared);
show('cleared', cleared);

// One immediate queued at a time: node links queued Immediates to each other, tinynode
// does not (its _idleNext and _idlePrev stay null).
function immediates() {
  const im = setImmediate((...args) => {
    show('immediate running', im);
    interval();
  }, 1, 2);
  show('immediate', im);
  console.log(Object.keys(im));
  const gone = setImmediate(() => {});
  clearImmediate(gone);
  show('immediate cleared', gone);
}

function interval() {
  let n = 0;
  const i = setInterval(() => {
    show(`interval run ${++n}`, i);
    if (n === 2) {
      clearInterval(i);
      show('interval cleared', i);
    }
  }, 2);
  show('interval', i);
}

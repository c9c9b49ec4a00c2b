// console.log of the values the tutorial's samples print: primitives, template
// strings, several arguments, and the empty call.
const name = 'Ada';
const scores = [90, 85, 77];
const avg = scores.reduce((a, b) => a + b, 0) / scores.length;
console.log(`Average for ${name}: ${avg}`);
console.log('plain string');
console.log(42, -7, 3.14, 0.1 + 0.2, 1e21, 1e-7, 2 ** 53);
console.log(-0, 0, NaN, Infinity, -Infinity);
console.log(true, false, null, undefined);
console.log('a', 'b', 1, 'c');
console.log();
console.log('');
console.log('multi\nline');
console.log([-0], { z: -0 });
console.info('info goes to stdout');
console.debug('debug goes to stdout');
console.log('tab\there', "quote's", 'back\\slash');
console.log(['tab\there', "quote's", 'back\\slash']);
console.log('%', '%%', '100%');
console.log(typeof console.log, console.log.name);

// The runtime stage: CommonJS modules and the promise jobs after the main script, with
// no standard library (tn-runtime). Only primitives are printed, so print (the
// driver's) and console.log agree. (A .json module needs JSON.parse, which is the
// standard library's, so there is none here.)
const print = globalThis.print || console.log;

const counter = require('./lib/counter');
counter.inc();
print('cached', require('./lib/counter.js') === counter, counter.inc(), counter.thisIsExports);

const a = require('./lib/a');
print('cycle', a.bSaw, a.done);

print('replaced', require('./lib/replace')('reader'));
print('wrapper', typeof module, typeof exports, typeof require, typeof __filename, typeof __dirname);

try {
  require('./lib/missing');
} catch (e) {
  print('missing', e.code);
}

(async () => {
  await null;
  print('microtask, after the main script');
})();
print('end of main script');

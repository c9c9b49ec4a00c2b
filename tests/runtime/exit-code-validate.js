// process.exitCode is checked as node checks it and kept as given; the process ends with its number.
const d = Object.getOwnPropertyDescriptor(process, 'exitCode');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
for (const v of ['x', '', 1.5, '1.5', {}, [], true, NaN, Infinity]) {
  try {
    process.exitCode = v;
    console.log('accepted', v);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
for (const v of [' ', '3', null, undefined, -2, '0x10']) {
  process.exitCode = v;
  console.log(JSON.stringify(v), '->', process.exitCode);
}

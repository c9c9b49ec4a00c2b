// Annex B.3.3: a plain function declared in a block of sloppy code also gets a var of the
// function's scope; generators and async functions stay block scoped.
{ function plain() {} }
{ function* generator() {} }
{ async function asyncFn() {} }
{ async function* asyncGenerator() {} }
switch (0) { default: function inSwitch() {} }
switch (0) { default: async function* asyncInSwitch() {} }
console.log(typeof plain, typeof generator, typeof asyncFn, typeof asyncGenerator);
console.log(typeof inSwitch, typeof asyncInSwitch);
try {
  asyncInSwitch;
} catch (e) {
  console.log(e.name, e.message);
}

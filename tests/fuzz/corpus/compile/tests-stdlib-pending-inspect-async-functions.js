// Async and generator functions print their kind (needs async functions and generators).
async function af() {}
function* gf() {}
async function* agf() {}
console.log(af, gf, agf, [async () => {}, async function () {}]);
console.log({ a: async () => {}, g: function* () {} });
class A {}
console.log({ m: async function named() {} }, Object.assign(async function withProp() {}, { p: 1 }));

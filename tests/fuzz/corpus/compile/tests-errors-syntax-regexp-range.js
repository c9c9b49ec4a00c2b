// V8 quotes the literal as written, flags in their order.
console.log('never printed');
let r = [
  /[z-a]/ig,
];

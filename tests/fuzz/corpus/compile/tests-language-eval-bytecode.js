function f(a) {
  let b = 2;
  return eval("a + b");
}
console.log(f(1));

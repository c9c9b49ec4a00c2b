function f() {
  undefinedFn();
}
f();

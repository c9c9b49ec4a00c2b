// super.x only in methods: V8's early error.
function f() {
  return super.x;
}

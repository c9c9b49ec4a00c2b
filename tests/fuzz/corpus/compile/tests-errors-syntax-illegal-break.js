// break outside a loop or switch.
function f() {
  break;
}

// ToObject(undefined or null) throws at the `with` keyword.
var q = null;
  with (q) {}

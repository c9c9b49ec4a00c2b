// A labelled function cannot be the body of a loop (or of an if): an early SyntaxError.
console.log("never printed");
for (;;) outer: inner: function f() {}

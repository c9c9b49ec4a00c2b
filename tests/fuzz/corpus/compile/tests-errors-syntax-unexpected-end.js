// The input ends inside a function body: V8 points just past the end.
function greet(name) {
  console.log("hello", name);

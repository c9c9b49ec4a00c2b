// A call whose closing parenthesis is missing.
console.log("a", "b";

// A call whose arguments the input ends inside: V8 says the input ended, not that a ) is missing.
console.log(

// A string literal cannot run past the end of its line.
const s = "unterminated;
console.log(s);

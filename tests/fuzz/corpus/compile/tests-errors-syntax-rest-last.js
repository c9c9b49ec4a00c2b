// A rest element must come last in a destructuring pattern.
const [...head, tail] = [1, 2, 3];

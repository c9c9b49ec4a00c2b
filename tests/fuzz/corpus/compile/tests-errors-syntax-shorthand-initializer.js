// `{a = 1}` is only a default inside a destructuring pattern.
const o = { a = 1 };

// A template literal that never closes.
const t = `Hello, ${name}

// Template literals: plain, with substitutions, nested, with braces inside a
// substitution, multi-line (raw and cooked differ), and a tagged template whose
// invalid escape leaves the cooked value undefined.
let t0 = `plain`;
let t1 = `a ${x} b ${y + 1} c`;
let t2 = `outer ${`inner ${deep} `} end`;
let t3 = `obj ${ {a: 1}.a } and ${ (() => { return {b: 2}; })().b }`;
let t4 = `line one
line two\nthree \` \${not} $ {no} $`;
let t5 = tag`\unicode and \x and \u{`;
let t6 = `${a}${b}`;

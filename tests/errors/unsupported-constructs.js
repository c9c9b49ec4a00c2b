// What tinynode leaves out is refused at parse time with a SyntaxError naming it (node
// runs these, so the test is tinynode's own: see the .flags file).
const sources = ['var big = 10n', 'import("x")', 'import.meta', 'import x from "y"',
  'export const a = 1'];
for (const src of sources) {
  try {
    new Function(src);
    console.log(src, '=> compiled');
  } catch (e) {
    console.log(src, '=>', `${e.name}: ${e.message}`);
  }
}

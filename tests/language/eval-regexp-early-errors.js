// A regular expression literal that cannot compile is an early SyntaxError in code
// given to eval and to Function too, even inside a function that never runs.
const sources = ['(function(){ return /(/ })', 'x => /[b-a]/', '/a/gg', '() => /(?<a>x)(?<a>y)/u'];
for (const src of sources) {
  try {
    eval(src);
    console.log('compiled', src);
  } catch (e) {
    console.log(`eval: ${e.name}: ${e.message}`);
  }
  try {
    Function(`return ${src}`);
    console.log('compiled', src);
  } catch (e) {
    console.log(`Function: ${e.name}: ${e.message}`);
  }
}

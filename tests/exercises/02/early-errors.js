// Graded exercise 6 of chapter 2: the name `let` bound by a let or const pattern, an
// early error V8 reports and the parser misses; beside it, two the parser reports
// already: `delete` of a parenthesized name in strict code (at the last `)`), and a var
// in a catch body that redeclares a name the catch parameter's *pattern* binds (Annex
// B.3.4 allows it only for a plain `catch (e)`). Each case runs as a script of its own (this runtime, on a
// file under /tmp); the test prints the report's source line, caret and message, and
// the output of the cases that must still run. node 20 wrote the expectation
// (UPDATE=node sh tests/run.sh tests/exercises/02/early-errors.js).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const os = require("os");

const cases = [
  '"use strict"; delete (x);',
  '"use strict"; delete ( (xy) );',
  '"use strict"; delete xy;',
  "delete (x); console.log('sloppy: fine');",
  "let [x, let] = [];",
  "for (const { a: let } of []) ;",
  "let { let = 1 } = {};",
  "const [, ...let] = [];",
  "var [let] = [1]; console.log('var:', let);",
  "try {} catch ({ a }) { var a; }",
  "try {} catch ([a]) { for (var a of []) ; }",
  "try { throw 1; } catch (e) { var e = 2; console.log('plain catch:', e); }",
  "try { throw [1]; } catch ([a]) { { function a() {} } console.log('block function:', a); }",
];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `early-errors-${process.pid}-`));
try {
  cases.forEach((source, i) => {
    const file = path.join(dir, `case${i}.js`);
    fs.writeFileSync(file, source + "\n");
    const { stdout, stderr, status } = spawnSync(process.execPath, [file], { encoding: "utf8" });
    if (status === 0) {
      process.stdout.write(stdout);
      return;
    }
    const lines = stderr.split("\n");
    console.log(lines[1]);
    console.log(lines[2]);
    console.log(lines.find((line) => line.startsWith("SyntaxError")));
  });
} finally {
  fs.rmSync(dir, { recursive: true });
}

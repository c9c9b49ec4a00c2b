// Graded exercise 4 of chapter 2: V8 reports a private name that no enclosing class
// declares (`#x in o`, `o.#x`) at the token *before* the name, and so must the scope
// pass. Each case runs as a script of its own (this runtime, on a file under /tmp), and
// the test prints the source line, the caret and the message of its report. node 20
// wrote the expectation (UPDATE=node sh tests/run.sh tests/exercises/02/private-in-position.js).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const os = require("os");

const cases = [
  "class C { m(o) { return #x in o; } }",
  "class C {\n  #y;\n  m(o) {\n    if (#y in o) return #x in o;\n  }\n}",
  "class C { static { (0, #x in {}); } }",
  "class C { f = #x in {}; }",
  "class C { m() { return () => #x in this; } }",
  "class C { #a; m(o) { return o.#b; } }",
  "class C { #a; m(o) { return o?.#b; } }",
  "class C {\n  m(o) {\n    return (\n      #x in o);\n  }\n}",
];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `private-in-${process.pid}-`));
try {
  cases.forEach((source, i) => {
    const file = path.join(dir, `case${i}.js`);
    fs.writeFileSync(file, source + "\n");
    const { stderr, status } = spawnSync(process.execPath, [file], { encoding: "utf8" });
    const lines = stderr.split("\n");
    console.log(`${lines[0].replace(dir, "<dir>")} (status ${status})`);
    console.log(lines[1]);
    console.log(lines[2]);
    console.log(lines.find((line) => line.startsWith("SyntaxError")));
  });
} finally {
  fs.rmSync(dir, { recursive: true });
}

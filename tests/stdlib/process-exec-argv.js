// process.execArgv: the engine's options before the script (or -e's code with it), which
// process.argv leaves out. Run in children with different command lines.
const { execFileSync } = require('child_process');
const show = 'console.log(JSON.stringify(process.execArgv), JSON.stringify(process.argv.slice(2)))';
const run = (args) => process.stdout.write(execFileSync(process.execPath, args));
console.log(JSON.stringify(process.execArgv));
run(['-e', show]);
run(['--no-warnings', '-e', show, 'a', 'b']);
run(['--no-deprecation', require('path').join(__dirname, 'exec-argv', 'show.js'), '--flag', 'x']);

// Argument parsing: minimist and commander over fixed argument lists.
const minimist = require('minimist');
const { Command } = require('commander');

console.log(minimist(['-x', '3', '-y', '4', '-n5', '-abc', '--beep=boop', 'foo', 'bar', 'baz', '--no-ding', '--', '--rest']));
console.log(minimist(['--count', '2', '--name', 'a', '--name', 'b', '-v'], { string: ['name'], boolean: ['v'], alias: { v: 'verbose' } }));

const program = new Command();
program.name('tool').version('1.2.3').exitOverride().configureOutput({ writeOut: (s) => console.log(s.trimEnd()), writeErr: (s) => console.log('ERR', s.trimEnd()) });
program
  .command('serve')
  .description('start the server')
  .option('-p, --port <number>', 'port to listen on', (v) => parseInt(v, 10), 8080)
  .option('--verbose', 'say more')
  .argument('[dir]', 'directory to serve', '.')
  .action((dir, opts) => console.log('serve', dir, opts));
program.parse(['serve', 'public', '-p', '3000', '--verbose'], { from: 'user' });
try {
  program.parse(['serve', '--bogus'], { from: 'user' });
} catch (e) {
  console.log(e.code, e.exitCode);
}
program.outputHelp();

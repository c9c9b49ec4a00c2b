// process.release (node's, for the node API tinynode gives) and process.argv0, the
// program name as the command line gave it (spawn's argv0 option sets it), where
// process.argv[0] is the absolute path of the executable.
const { execFileSync } = require('child_process');
console.log(process.release);
console.log(Object.keys(process.release), Object.getOwnPropertyDescriptor(process, 'release').writable);
console.log(typeof process.argv0, process.argv[0] === process.execPath);
const show = 'console.log(process.argv0, process.argv[0] === process.execPath)';
process.stdout.write(execFileSync(process.execPath, ['-e', show], { argv0: 'custom-name' }));

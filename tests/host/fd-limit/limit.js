// Run with a low soft limit on open files: the engine raises it at start-up, as node
// does, and a child inherits the raised one.
const { execSync } = require('child_process');
const soft = execSync('ulimit -S -n').toString().trim();
const hard = execSync('ulimit -H -n').toString().trim();
if (soft === hard) console.log('the soft limit was raised to the hard limit');
else if (hard === 'unlimited' && Number(soft) > 256) console.log('the soft limit was raised as far as the kernel allows');
else console.log(`the soft limit stayed at ${soft} (hard ${hard})`);

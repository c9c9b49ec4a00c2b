process.on('exit', (code) => { console.log('exit', code, process.exitCode); process.exitCode = 9; setTimeout(() => console.log('never'), 0); });
console.log('main');

// process.exitCode sets the status the process ends with.
process.exitCode = 3;
setTimeout(() => console.log('timer still runs'), 1);
console.log('set exitCode');

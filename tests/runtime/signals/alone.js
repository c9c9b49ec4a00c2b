// A signal listener alone does not keep the process alive.
process.on('SIGINT', () => console.log('never'));
process.on('SIGUSR1', () => console.log('never'));
console.log('done');

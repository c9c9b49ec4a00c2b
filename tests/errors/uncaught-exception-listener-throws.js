// An 'uncaughtException' listener that throws: node reports the listener's error, exit status 7.
process.on('uncaughtException', (e) => {
  console.log('caught', e.message);
  throw 'from the listener';
});
setTimeout(() => { throw new Error('first'); }, 1);

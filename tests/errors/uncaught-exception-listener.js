// process.on('uncaughtException'): the listener gets (err, 'uncaughtException') for a throw
// in the main script, a timer and a nextTick; the monitor hears first; the process goes on
// and exits 0.
process.on('uncaughtExceptionMonitor', (e, origin) => console.log('monitor', e.message, origin));
process.on('uncaughtException', (e, origin) => {
  console.log('caught', e.message, origin);
  if (e.message === 'top') setTimeout(() => console.log('timer after the top-level throw'), 1);
});
setTimeout(() => { throw new Error('in timer'); }, 1);
process.nextTick(() => { throw new Error('in tick'); });
process.on('exit', (code) => console.log('exit', code));
throw new Error('top');

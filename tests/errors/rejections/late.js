// Two unhandled rejections (an Error, a number), the first handled later.
const p = Promise.reject(new Error('boom'));
Promise.reject(42);
setTimeout(() => { p.catch(() => console.log('caught late')); }, 1);
setTimeout(() => console.log('end', process.exitCode), 5);

// An Error without frames (its stack replaced): node's report shows where node itself
// raises the rejection (triggerUncaughtException), and the error in brackets.
const e = new Error('no frames');
e.stack = 'Error: no frames';
Promise.reject(e);

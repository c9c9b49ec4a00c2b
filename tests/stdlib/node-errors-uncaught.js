// An uncaught argument error: node reports the line in its own code that threw it.
Error.stackTraceLimit = 0;
console.log('before');
process.nextTick(1);

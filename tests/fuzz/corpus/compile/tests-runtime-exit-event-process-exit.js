process.on('exit', (c) => console.log('exit', c));
process.exit(4); console.log('no')

// On a terminal: process.stdin in raw mode gets each key at once (Ctrl-C as a byte, no
// echo), process.stdout knows its size and colours; pausing stdin lets the process end.
console.log(`tty ${process.stdin.isTTY} ${process.stdout.isTTY}`, process.stdin.constructor.name,
            process.stdout.constructor.name, typeof process.stdout.columns, `${process.stdout.hasColors()}`);
process.stdin.setRawMode(true);
console.log(`raw ${process.stdin.isRaw}`);
process.stdin.on('data', (bytes) => {
  console.log(`key ${Array.from(bytes).join(',')}`);
  if (bytes[0] === 3) {
    process.stdin.setRawMode(false);
    console.log(`raw ${process.stdin.isRaw}`);
    process.stdin.pause();
  }
});

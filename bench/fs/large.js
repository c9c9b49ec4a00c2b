// bench/fs/large.js MODE FILE: one large-file job, run by bench/fs-large.sh under each engine.
//   readFile  fs.readFile of FILE into one Buffer
//   stream    FILE copied to FILE.copy through createReadStream/createWriteStream; prints
//             the peak resident memory, which stays bounded whatever the file's size
const fs = require('fs');
const [mode, file] = process.argv.slice(2);
if (mode === 'readFile') {
  fs.readFile(file, (err, data) => {
    if (err) throw err;
    console.log(data.length);
  });
} else {
  let peak = 0;
  const sample = () => { peak = Math.max(peak, process.memoryUsage.rss()); };
  const timer = setInterval(sample, 5);
  const r = fs.createReadStream(file);
  const w = fs.createWriteStream(`${file}.copy`);
  r.on('data', sample);
  r.pipe(w).on('close', () => {
    clearInterval(timer);
    sample();
    const same = fs.statSync(`${file}.copy`).size === fs.statSync(file).size;
    fs.unlinkSync(`${file}.copy`);
    console.log(`copied ${same ? 'whole' : 'PART'}, peak rss ${(peak / 1048576).toFixed(0)} MB`);
  });
}

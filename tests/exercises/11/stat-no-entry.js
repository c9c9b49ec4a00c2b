// Graded exercise 9 of chapter 11: fs.statSync(path, { throwIfNoEntry: false }) and
// fs.lstatSync give undefined for a path that does not exist (ENOENT) instead of
// throwing; only false itself does that, any other error still throws, and the callback
// and promise forms ignore the option.
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/11/stat-no-entry.js).
const fs = require('fs');
const missing = `/tmp/tinynode-no-entry-${process.pid}`;
const t = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.message.replace(missing, 'MISSING'));
  }
};
t('stat', () => fs.statSync(`${missing}/x`, { throwIfNoEntry: false }));
t('lstat', () => fs.lstatSync(missing, { throwIfNoEntry: false }));
t('found', () => fs.statSync(__filename, { throwIfNoEntry: false }).isFile());
t('ENOTDIR', () => fs.statSync(`${__filename}/x`, { throwIfNoEntry: false }));
t('true', () => fs.statSync(missing, { throwIfNoEntry: true }));
t('0', () => fs.lstatSync(missing, { throwIfNoEntry: 0 }));
t('fstat', () => fs.fstatSync(1e6, { throwIfNoEntry: false }));
fs.stat(missing, { throwIfNoEntry: false }, (e, s) => console.log('callback', e.code, s));
fs.promises.lstat(missing, { throwIfNoEntry: false }).catch((e) => console.log('promise', e.code));

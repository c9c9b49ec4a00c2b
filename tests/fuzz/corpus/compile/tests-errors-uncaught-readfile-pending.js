// An uncaught throw while fs.readFile is still on the pool: node's report and status 1,
// and the request is freed on the way out (make asan's LeakSanitizer would report it).
require('fs').readFile(__filename, 'utf8', () => console.log('never'));
throw new Error('thrown while a read is in flight');

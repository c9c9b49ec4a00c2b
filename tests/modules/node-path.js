// NODE_PATH: its directories (empty entries dropped, relative ones kept as given) are
// searched after every node_modules directory, then ~/.node_modules, ~/.node_libraries
// and PREFIX/lib/node; require('module').globalPaths lists them. The program runs in a
// child with NODE_PATH set (node-path/main.js).
const { execFileSync } = require('child_process');
const path = require('path');
const dir = path.join(__dirname, 'node-path');
const env = { ...process.env, NODE_PATH: `${dir}/global::relative/dir:${dir}/second` };
process.stdout.write(execFileSync(process.execPath, [path.join(dir, 'main.js')], { env }));

// An fs/promises error nobody catches: node's report shows the line of its own
// lib/internal/fs/promises.js where the call failed (the error's first frame).
const fsp = require('fs/promises');
fsp.stat('/nonexistent-tinynode-test/x');

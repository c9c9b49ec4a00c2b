// What tinynode does differently from node 20.20 (so tinynode-only, through its .flags
// file): node 20.19+ loads ES modules through require and has node:test; tinynode runs
// no ES modules (node's older ERR_REQUIRE_ESM) and has no test module.
const show = (what, f) => {
  try { console.log(what, f()); } catch (e) { console.log(what, e.name, e.code, e.message.replaceAll(__dirname, '<dir>')); }
};
show('.mjs', () => require('./project/esm.mjs'));
show('type module', () => require('./project/node_modules/esm-pkg'));
show('.cjs in it', () => require('./project/node_modules/esm-pkg/legacy.cjs'));
show('node:test', () => require('node:test'));

// Graded exercise 5 of chapter 9: two of node's old built-in modules. require('sys') is
// util itself, with node's DEP0025 deprecation warning (once: the module is cached);
// require('constants') is one frozen object holding os.constants' dlopen, errno,
// priority and signals and fs.constants (node adds crypto's, which tinynode lacks).
// Expectation: node 20 (UPDATE=node sh tests/run.sh tests/exercises/09/sys-constants.js).
const { builtinModules } = require('module');
console.log(builtinModules.includes('sys'), builtinModules.includes('constants'));
const sys = require('sys');
console.log(sys === require('util'), sys === require('node:sys'), typeof sys.inspect);
const constants = require('constants');
const os = require('os');
const fs = require('fs');
console.log(constants === require('node:constants'), Object.isFrozen(constants));
console.log(constants.O_RDONLY, constants.ENOENT, constants.SIGINT, constants.S_IFMT, constants.RTLD_LAZY);
const groups = [os.constants.dlopen, os.constants.errno, os.constants.priority, os.constants.signals, fs.constants];
console.log(groups.every((group) => Object.keys(group).every((key) => constants[key] === group[key])));
console.log(Object.keys(constants).slice(0, 4));
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));

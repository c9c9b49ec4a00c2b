// Exercise 9.4: module.children lists the modules a module required, in order, each
// once (a module another one loaded first is listed too); built-ins are not modules.
const local = (f) => f.replace(__dirname, '<here>');
require('./modules/uses-counter');
require('./modules/counter');
require('./modules/data.json');
require('path');
console.log(module.children.map((m) => local(m.id)));
const child = module.children[0];
console.log(child.children.map((m) => local(m.filename)));
console.log(child.children[0].children, child.loaded, module.loaded);

// An uncaught MODULE_NOT_FOUND three modules deep: the require stack lists each parent.
require('./project/node_modules/throws-inner');

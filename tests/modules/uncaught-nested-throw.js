// An error thrown two modules down: node's trace shows the frames V8's limit of ten
// leaves once node's loader frames between the modules are counted.
require('./project/nested/a');

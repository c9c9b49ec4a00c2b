// A package whose "main" names nothing and that has no index.js.
require('./project/node_modules/main-broken');

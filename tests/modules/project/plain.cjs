module.exports = { ext: '.cjs', strict: (function () { return this === undefined; })() };

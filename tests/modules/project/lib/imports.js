// Package imports (#name) resolved from inside the package.
const tryIt = (name) => {
  try { return require(name); } catch (e) { return `${e.name} ${e.code}: ${e.message}`; }
};
exports.results = ['#util', '#cond', '#pat/one', '#pat/two', '#gone', '#bad', '#nope', '#', '#/x', '#builtin'].map(
  (n) => [n, tryIt(n)]);
exports.self = [tryIt('project'), tryIt('project/lib/util'), tryIt('project/package.json').name, tryIt('project/hidden')];

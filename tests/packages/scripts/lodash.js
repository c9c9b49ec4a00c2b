// Deep object utilities and templates: lodash.
const _ = require('lodash');
const users = [
  { user: 'barney', age: 36, active: true, tags: ['a', 'b'] },
  { user: 'fred', age: 40, active: false, tags: ['b'] },
  { user: 'pebbles', age: 1, active: true, tags: [] },
];
console.log(_.groupBy(users, 'active'), _.sortBy(users, ['age']).map((u) => u.user));
console.log(_.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] }));
const deep = { x: { y: [1, { z: new Date(0) }] } };
const copy = _.cloneDeep(deep);
console.log(_.isEqual(deep, copy), copy.x.y[1].z === deep.x.y[1].z, _.get(deep, 'x.y[1].z').toISOString());
console.log(_.set({}, 'a[0].b.c', 4), _.pick({ a: 1, b: '2', c: 3 }, ['a', 'c']), _.omit({ a: 1, b: 2 }, 'a'));
console.log(_.chunk([1, 2, 3, 4, 5], 2), _.uniqBy([2.1, 1.2, 2.3], Math.floor), _.zip(['a', 'b'], [1, 2], [true]));
console.log(_.camelCase('Foo Bar-baz'), _.kebabCase('fooBarBaz'), _.startCase('--foo-bar--'), _.padStart('7', 3, '0'));
console.log(_.debounce, typeof _.throttle(() => {}, 10), _.range(0, 20, 5), _.sum([4, 2, 8, 6]), _.meanBy(users, 'age'));
// With `variable`, the template reads its data through that name (no `with` statement).
const compiled = _.template('hello <%= d.user %>! <% _.forEach(d.items, function(i) { %><li><%- i %></li><% }); %>', { variable: 'd' });
console.log(compiled({ user: 'fred', items: ['<b>', 'x&y'] }));
console.log(_.template('${o.a} + ${o.b} = ${o.a + o.b}', { variable: 'o' })({ a: 1, b: 2 }));
const memo = _.memoize((n) => n * 2);
console.log(memo(21), memo.cache.has(21), _.flattenDeep([1, [2, [3, [4]], 5]]), _.difference([2, 1], [2, 3]));
// Without `variable`, the compiled template reads its data through a `with` statement.
const page = _.template('<h1><%= title %></h1><% items.forEach(function(i) { %><p><%- i %></p><% }); %><%= typeof missing %>');
console.log(page({ title: 'Hi', items: ['<x>', 'y'] }), page.source.includes('with (obj)'));
console.log(_.template('<%= a %>-<%= _.upperFirst(b) %>', { imports: { _ } })({ a: 1, b: 'two' }));

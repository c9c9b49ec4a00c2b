// Early errors around generator and async functions: where they may be declared, yield
// and await in formal parameters, and the block redeclarations Annex B does not allow.
const sources = ['while (false) async function* g() {}', 'if (true) {} else async function f() {}',
  'l: async function f() {}', 'l: function* g() {}', 'if (1) function* g() {}', 'function* g(x = yield) {}',
  'var o = { *g(x = yield) {} }', '{ function f() {} function* f() {} }',
  '{ function f() {} async function f() {} }', '{ function f() {} function f() {} }',
  'async function f(a = await 1) {}', 'var o = { async m(a = await 1) {} }',
  'if (1) async\nfunction f() {}', 'function* g() { function h(a = yield) {} }',
  'class C { static { (() => { function await() {} }); } }', 'class C { static { var await; } }',
  'class C { static { (function await(await) {}); } }', 'class C { static { ((await) => 1); } }',
  'class C { static { (async () => { var await; }); } }', 'function* g() { (function yield() {}) }',
  'async function f() { (function await() {}) }', 'class C { x = function arguments() {} }',
  'class C extends class extends class { x = this.#foo; } {} { #foo; }', 'class A { get *a() {} }'];
for (const src of sources) {
  try {
    eval(src);
    console.log(JSON.stringify(src), '=> ok');
  } catch (e) {
    console.log(JSON.stringify(src), '=>', `${e.name}: ${e.message}`);
  }
}

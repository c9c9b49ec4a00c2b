// `async(...)` is a call until `=>` follows; then its arguments are an async arrow's
// parameters, where `await` may not name anything (even in a nested arrow's parameters)
// and a spread followed by a comma is no rest parameter. `super.#x` is never allowed.
const sources = ['async(x = await) => {}', 'async(a = (...await) => {}) => {}',
  'async(a = (await) => {}) => {}', 'async (x = [await]) => {}', 'async({await}) => {}',
  'async(x = async(await)) => 1', 'async(await) => {}',
  'async(x = () => await) => {}', 'async(x = function await() {}) => {}',
  'async(x = function () { await; }) => {}', 'var await; async(await); [await]',
  '(async (...a,) => {})', 'async (...a, b) => {}', 'async(...a,)', 'async(...a) => a',
  'class B {} class C extends B { #x() {} m() { super.#x(); } }',
  'class C { #x; m() { super.#x = 1; } }', 'class C { #x; m() { return super.x; } }'];
for (const src of sources) {
  try {
    new Function(src);
    console.log(JSON.stringify(src), '=> ok');
  } catch (e) {
    console.log(JSON.stringify(src), '=>', `${e.name}: ${e.message}`);
  }
}

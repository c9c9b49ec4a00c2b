// A function expression's name is bound inside it: a generator expression may not be
// called yield, nor an async one await; declarations take the name from outside.
for (const src of ['(function* yield() {})', '(async function* yield() {})', '(async function await() {})',
  '(async function* await() {})', 'function* yield() {}', 'async function await() {}', '(function yield() {})']) {
  try {
    eval(src);
    console.log(src, '=> ok');
  } catch (e) {
    console.log(src, '=>', `${e.name}: ${e.message}`);
  }
}

function* g(x) {
  try {
    const y = yield x;
    yield* [y];
  } finally {
    console.log('f');
  }
}
async function a(p) { return await p; }

// An error thrown after an await: the stack goes on with V8's "at async" frames, the
// async functions waiting for the one that threw, each at its await.
async function f() {
  await null;
  throw new Error('deep');
}
async function g() {
  await f();
}
class K {
  static async s() {
    await g();
  }
}
K.s();

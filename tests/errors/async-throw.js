// An error thrown after an await rejects the async function's promise; nobody handles it.
async function load(name) {
  await null;
  throw new TypeError(`cannot load ${name}`);
}
load("config");
console.log("called");

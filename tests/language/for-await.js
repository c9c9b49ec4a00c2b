// for await and yield* in async generators, with the promise ticks they take
const log = [];
function ticker(name, n) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log.push(`${name}${i}`));
}
async function* agen() { yield 'a1'; yield 'a2'; return 'ret'; }
async function* deleg() {
  const r = yield* agen();
  log.push('delegated returned ' + r);
  const s = yield* ['s1', Promise.resolve('s2')];
  log.push('sync delegated ' + s);
}
async function main() {
  ticker('t', 12);
  for await (const v of deleg()) log.push(v);
  log.push('--');
  ticker('u', 8);
  for await (const v of [1, Promise.resolve(2), 3]) log.push('v' + v);
  log.push('--');
  // break closes: the async iterator's return is awaited
  const src = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next: () => Promise.resolve({ value: i++, done: false }),
        return: () => { log.push('return called'); return Promise.resolve({ done: true }); },
      };
    },
  };
  for await (const v of src) { log.push('src' + v); if (v === 2) break; }
  // throw in the body closes too, and the body's error wins over a bad return
  const bad = { [Symbol.asyncIterator]() { return { next: async () => ({ value: 1, done: false }), return() { log.push('bad return'); throw new Error('from return'); } }; } };
  try { for await (const v of bad) throw new Error('from body'); } catch (e) { log.push(e.message); }
  // return() of a yield*-ing generator reaches the inner one
  async function* inner() { try { yield 1; yield 2; } finally { log.push('inner finally'); } }
  async function* outer() { try { yield* inner(); } finally { log.push('outer finally'); } }
  const it = outer();
  log.push(JSON.stringify(await it.next()));
  log.push(JSON.stringify(await it.return('early')));
  log.push(JSON.stringify(await it.next()));
  // throw() is passed to the inner one
  async function* catcher() { try { yield 1; } catch (e) { log.push('inner caught ' + e); yield 'recovered'; } }
  async function* outer2() { yield* catcher(); }
  const it2 = outer2();
  await it2.next();
  log.push(JSON.stringify(await it2.throw('boom')));
  // a sync iterator without return: return() through yield* finishes with the value
  async function* outer3() { yield* { [Symbol.iterator]() { return { next: () => ({ value: 'x', done: false }) }; } }; }
  const it3 = outer3();
  await it3.next();
  log.push(JSON.stringify(await it3.return(Promise.resolve('given'))));
  // labelled continue / nested loops
  outer: for await (const a of [1, 2]) { for await (const b of [1, 2]) { if (b === 2) continue outer; log.push(`${a}${b}`); } }
  // for await with destructuring and let per iteration
  const fns = [];
  for await (const [k, v] of new Map([['m', 1], ['n', 2]])) fns.push(() => k + v);
  log.push(fns.map(f => f()).join());
  // sync iterator whose values reject: the rejection is thrown in the loop
  try { for await (const v of [Promise.reject(new Error('rejected value'))]) log.push(v); } catch (e) { log.push(e.message); }
}
main().then(() => console.log(log.join('\n')), e => console.log('failed', e));

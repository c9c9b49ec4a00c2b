// The TypeErrors of async iteration, with the text V8 gives for the iterated expression
const y = 5;
(async () => { try { for await (const x of y) ; } catch (e) { console.log(e.message) }
try { for await (const x of {a:1}) ; } catch (e) { console.log(e.message) }
try { for await (const x of { [Symbol.asyncIterator]() { return 1 } }) ; } catch (e) { console.log(e.message) }
try { for await (const x of { [Symbol.asyncIterator]() { return { next() { return 1 } } } }) ; } catch (e) { console.log(e.message) }
try { for await (const x of { [Symbol.asyncIterator]() { return { next() { return Promise.resolve(2) } } } }) ; } catch (e) { console.log(e.message) }
try { for await (const x of { [Symbol.iterator]() { return { next() { return 1 } } } }) ; } catch (e) { console.log(e.message) }
try { for await (const x of [Promise.reject(new Error('rej'))]) ; } catch (e) { console.log(e.message) }
let closed = 0;
const src = { [Symbol.iterator]() { let i = 0; return { next() { return { value: Promise.resolve(i++), done: i > 3 } }, return() { closed++; return {} } } } };
for await (const v of src) { console.log('v', v); if (v == 1) break; }
console.log('closed', closed);
const asrc = { [Symbol.asyncIterator]() { let i = 0; return { next() { return Promise.resolve({ value: i++, done: i > 3 }) }, return() { console.log('areturn'); return Promise.resolve(7) } } } };
try { for await (const v of asrc) { console.log('a', v); break; } } catch (e) { console.log(e.message) }
})();

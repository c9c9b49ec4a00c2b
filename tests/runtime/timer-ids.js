// Timeout ids (+timeout), clearTimeout/clearInterval by id (number or string) once
// taken, close(), and the overflow warning for delays past 2**31-1.
const t = setTimeout(() => console.log('never 1'), 5);
console.log(typeof +t, `${t}` === String(+t), t.close() === t, t.hasRef());
const t2 = setTimeout(() => console.log('never 2'), 5); clearTimeout(String(+t2));
const t3 = setTimeout(() => console.log('never 3'), 5); clearInterval(+t3);
// Every timer from here on has the same delay (1 ms after coercion), so they fire in
// creation order.
const i = setInterval(() => { console.log('interval'); clearInterval(+i); }, 1);
setTimeout(() => console.log('overflow ran'), 2 ** 31);
setTimeout(() => console.log('infinite ran'), Infinity);
setTimeout(() => console.log('negative ran'), -5);
const t4 = setTimeout(() => console.log('t4 runs: ids only work once taken'), 1); clearTimeout(12345);
console.log(Reflect.ownKeys(Object.getPrototypeOf(t)).filter(k => typeof k === 'string'));

// setInterval repeats until cleared, even from inside its own callback.
let n = 0;
const iv = setInterval((label) => {
  n++;
  console.log(label, n);
  if (n === 3) {
    clearInterval(iv);
    setTimeout(() => console.log('after the interval, n =', n), 30);
  }
}, 5, 'tick');

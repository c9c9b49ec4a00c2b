// ArraySetLength (ECMA-262 10.4.2.4) converts the new length twice, ToUint32 and then
// ToNumber, and throws RangeError "Invalid array length" unless the two agree. So an
// object's valueOf runs twice, and one that answers differently the second time is
// refused, whether the length is assigned, set through Reflect.set, or defined with
// Object.defineProperty or defineProperties. A plain number or string is converted
// without a trace. Once chapter 3's graded exercise array-length-conversion, until
// vm/object.c's array_length_convert solved it. node 20 wrote the expectation.
function attempt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, `${e.name}: ${e.message}`);
  }
}
function counting(...answers) {
  const seen = [];
  return {
    seen,
    valueOf() {
      seen.push(answers[seen.length]);
      return answers[seen.length - 1];
    },
  };
}
let a = [1, 2, 3, 4], n = counting(2, 2);
attempt("assign:", () => { a.length = n; return `${a.length} after ${n.seen.length} calls`; });
a = [1, 2, 3, 4], n = counting(3, 2);
attempt("assign, answers differ:", () => (a.length = n));
console.log("  left:", a.length, n.seen);
a = [1, 2, 3, 4], n = counting(1, 1);
attempt("Reflect.set:", () => `${Reflect.set(a, "length", n)} ${a.length} after ${n.seen.length} calls`);
a = [1, 2, 3, 4], n = counting(1, 1);
attempt("defineProperty:", () => {
  Object.defineProperty(a, "length", { value: n });
  return `${a.length} after ${n.seen.length} calls`;
});
a = [1, 2, 3, 4], n = counting(0, 4);
attempt("defineProperty, answers differ:", () => Object.defineProperty(a, "length", { value: n }));
console.log("  left:", a.length, n.seen);
a = [1, 2], n = counting(4294967296, 0);
attempt("2^32 then 0:", () => (a.length = n));
a = [1, 2], n = counting(1, 1.5);
attempt("1 then 1.5:", () => Object.defineProperties(a, { length: { value: n } }));
a = [1, 2], n = counting(-0, 0);
attempt("-0 then 0:", () => { a.length = n; return a.length; });
a = [1, 2], n = counting(0, -0);
attempt("0 then -0:", () => { a.length = n; return a.length; });
a = [1, 2, 3];
attempt("a string:", () => { a.length = "2"; return a; });
attempt("a bad string:", () => { a.length = "x"; });
attempt("a negative number:", () => { a.length = -1; });
attempt("2^32:", () => Object.defineProperty([], "length", { value: 2 ** 32 }));
const plain = { length: 0 };
n = counting(5, 6);
plain.length = n;
console.log("a plain object's length:", plain.length === n, n.seen);

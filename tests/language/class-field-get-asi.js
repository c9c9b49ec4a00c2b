// A field named get or set, then a generator method on the next line: ASI ends the field.
class A {
  get
  *a() {}
  static set
  *b() {}
}
console.log(Object.getOwnPropertyNames(A.prototype), new A(), A.set, typeof A.b);

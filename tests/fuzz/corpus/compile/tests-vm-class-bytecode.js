// The code of a small class: CLASS_CREATE, DEFINE_METHOD, ADD_FIELD, STATIC_INIT, and a
// derived constructor's SUPER_CALL, field initialisation and result check.
class A {
  #secret = 1;
  static count = 0;
  get secret() { return this.#secret; }
}
class B extends A {
  constructor(x) {
    super();
    this.x = super.secret + x;
  }
}
console.log(new B(1).x);

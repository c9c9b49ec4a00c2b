// A class may have one constructor.
class A {
  constructor() {}
  constructor(x) {}
}

// Private fields can be read and written, never deleted.
class A {
  #x = 1;
  m() {
    delete this.#x;
  }
}

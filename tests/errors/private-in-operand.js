// `#x in obj` is the only place a private name stands alone, and only as the left operand
// of a relational `in`: as the operand of a tighter operator it is a SyntaxError.
class C {
  #field;
  constructor() {
    #field in #field in this;
  }
}

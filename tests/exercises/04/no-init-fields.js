// Graded exercise 4 of chapter 4: a class without instance elements (fields or private
// methods) needs no INIT_FIELDS after super(): not in its own constructor, not in an
// arrow inside it, not in the default derived constructor. Classes with a field or a
// private method keep it. The expectation is the --dump-bytecode the exercise asks for,
// written by hand from the compiler as it was with INIT_FIELDS (and the PUSH_CALLEE or
// GET_UPVAL that fed it) left out where the class has nothing to initialise.
class B {}
class Plain extends B { constructor() { super(); } }
class Field extends B { x = 1; constructor() { super(); } }
class Arrow extends B { constructor() { (() => super())(); } }
class Default extends B { static s = 1; }
class Method extends B { #m() {} }

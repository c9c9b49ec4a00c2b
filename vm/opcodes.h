/* opcodes.h - the instruction set, defined once.
 * Book: chapter 4, "Compiling", and chapter 5, "The VM loop".
 *
 * Each line is OP(NAME, FORMAT, EFFECT, "meaning"). The X-macro generates the
 * Opcode enum, the disassembler's names and operand formats, and the stack
 * effect the compiler uses to track the operand-stack depth.
 *
 * Operand formats (operands follow the opcode byte, little-endian):
 *   OPF_NONE  no operand
 *   OPF_U8    one byte            (argument counts, small kinds)
 *   OPF_U16   two bytes           (register, constant, atom, upvalue index)
 *   OPF_U16U16 two u16s           (register or upvalue, then a name constant)
 *   OPF_I32   four bytes, signed  (a jump offset relative to the next instruction,
 *                                  or an immediate integer for PUSH_INT)
 * EFFECT is the change in stack depth; OPV means "the compiler knows".
 *
 * Conventions: SET_* instructions leave the assigned value on the stack (an
 * expression statement then POPs it). Stack pictures below list the top last.
 * "name" constants are atom strings in the function's constant pool.
 */
#ifndef TN_OPCODES_H
#define TN_OPCODES_H

#define OPF_NONE 0
#define OPF_U8 1
#define OPF_U16 2
#define OPF_U16U16 3
#define OPF_I32 4

#define OP_EFFECT_VAR 99
#define OPV OP_EFFECT_VAR

//> vm.opcode-list
#define FOR_EACH_OPCODE(OP)                                                                    \
  /* Constants */                                                                              \
  OP(PUSH_UNDEFINED, OPF_NONE, 1, "-> undefined")                                              \
  OP(PUSH_NULL, OPF_NONE, 1, "-> null")                                                        \
  OP(PUSH_TRUE, OPF_NONE, 1, "-> true")                                                        \
  OP(PUSH_FALSE, OPF_NONE, 1, "-> false")                                                      \
  OP(PUSH_HOLE, OPF_NONE, 1, "-> the uninitialised marker (TDZ)")                              \
  OP(PUSH_INT, OPF_I32, 1, "-> the integer operand as a number")                               \
  OP(PUSH_CONST, OPF_U16, 1, "-> constants[operand]")                                          \
  OP(PUSH_THIS, OPF_NONE, 1, "-> this of the current frame")                                   \
  OP(PUSH_NEW_TARGET, OPF_NONE, 1, "-> new.target of the current frame")                       \
  OP(PUSH_CALLEE, OPF_NONE, 1, "-> the running function itself")                               \
  OP(CLOSURE, OPF_U16, 1, "-> a new closure of the FunctionProto constants[operand]")          \
  /* Stack shuffling */                                                                        \
  OP(POP, OPF_NONE, -1, "a ->")                                                                \
  OP(DUP, OPF_NONE, 1, "a -> a a")                                                             \
  OP(DUP2, OPF_NONE, 2, "a b -> a b a b")                                                      \
  OP(SWAP, OPF_NONE, 0, "a b -> b a")                                                          \
  OP(ROT3, OPF_NONE, 0, "a b c -> c a b")                                                      \
  OP(ROT4, OPF_NONE, 0, "a b c d -> d a b c")                                                  \
  /* Variables. Registers hold locals; a captured local's register holds a Cell. */            \
  OP(GET_LOCAL, OPF_U16, 1, "-> registers[operand]")                                           \
  OP(SET_LOCAL, OPF_U16, 0, "v -> v, registers[operand] = v")                                  \
  OP(GET_LOCAL_CHECKED, OPF_U16U16, 1, "as GET_LOCAL; ReferenceError if uninitialised")        \
  OP(NEW_CELL, OPF_U16, 0, "registers[operand] = a new Cell holding the TDZ marker")           \
  OP(COPY_CELL, OPF_U16, 0, "registers[operand] = a new Cell holding the old cell's value")    \
  OP(GET_CELL, OPF_U16, 1, "-> the value of the Cell in registers[operand]")                   \
  OP(SET_CELL, OPF_U16, 0, "v -> v, stored into the Cell in registers[operand]")               \
  OP(GET_CELL_CHECKED, OPF_U16U16, 1, "as GET_CELL; ReferenceError if uninitialised")          \
  OP(GET_UPVAL, OPF_U16, 1, "-> the value of the closure's cells[operand]")                    \
  OP(SET_UPVAL, OPF_U16, 0, "v -> v, stored into the closure's cells[operand]")                \
  OP(GET_UPVAL_CHECKED, OPF_U16U16, 1, "as GET_UPVAL; ReferenceError if uninitialised")        \
  OP(GET_GLOBAL, OPF_U16, 1, "-> global[name]; ReferenceError if absent")                      \
  OP(TYPEOF_GLOBAL, OPF_U16, 1, "-> global[name], undefined if absent (for typeof)")           \
  OP(SET_GLOBAL, OPF_U16, 0, "v -> v, global[name] = v (ReferenceError if absent, strict)")    \
  OP(DEFINE_GLOBAL, OPF_U16, 0, "v -> v, defines global var name (script mode)")               \
  OP(CHECK_GLOBAL_LET, OPF_U16, 0, "SyntaxError if a script's let name is declared already")   \
  OP(CHECK_GLOBAL_VAR, OPF_U16, 0, "SyntaxError if a script's var name is a global let")        \
  OP(CHECK_GLOBAL_FN, OPF_U16U16, 0, "... and if a function may not replace the global; 1: eval") \
  OP(DEFINE_LET, OPF_U16, 0, "v -> v, a script's top-level let name (global lexical record)")  \
  OP(DEFINE_CONST, OPF_U16, 0, "v -> v, a script's top-level const name (read-only)")          \
  OP(THROW_CONST_ASSIGN, OPF_U16, 0, "TypeError: Assignment to constant variable.")            \
  OP(THROW_TDZ, OPF_U16, 1, "ReferenceError: Cannot access 'constants[operand]' before init")  \
  /* Properties */                                                                             \
  OP(GET_PROP, OPF_U16, 0, "obj -> obj[name]")                                                 \
  OP(SET_PROP, OPF_U16, -1, "obj v -> v, obj[name] = v")                                       \
  OP(GET_ELEM, OPF_NONE, -1, "obj key -> obj[key]")                                            \
  OP(SET_ELEM, OPF_NONE, -2, "obj key v -> v, obj[key] = v")                                   \
  OP(GET_METHOD, OPF_U16, 1, "obj -> obj[name] obj (callee, then this)")                       \
  OP(GET_METHOD_ELEM, OPF_NONE, 0, "obj key -> obj[key] obj")                                  \
  OP(DELETE_PROP, OPF_U16, 0, "obj -> delete obj[name]")                                       \
  OP(DELETE_ELEM, OPF_NONE, -1, "obj key -> delete obj[key]")                                  \
  OP(IN, OPF_NONE, -1, "key obj -> key in obj")                                                \
  OP(INSTANCEOF, OPF_NONE, -1, "v ctor -> v instanceof ctor")                                  \
  /* Literals */                                                                               \
  OP(NEW_OBJECT, OPF_NONE, 1, "-> {}")                                                         \
  OP(NEW_ARRAY, OPF_U16, 1, "-> [] with room for operand elements")                            \
  OP(REGEXP, OPF_U16U16, 1, "-> a new RegExp: the literal's cache slot, then its flags")         \
  OP(ARRAY_PUSH, OPF_NONE, -1, "arr v -> arr, v appended")                                     \
  OP(ARRAY_PUSH_HOLE, OPF_NONE, 0, "arr -> arr, a hole appended")                              \
  OP(ARRAY_SPREAD, OPF_NONE, -1, "arr iterable -> arr, every item appended")                   \
  OP(DEFINE_FIELD, OPF_U16, -1, "obj v -> obj, own enumerable data property name = v")         \
  OP(DEFINE_FIELD_ELEM, OPF_NONE, -2, "obj key v -> obj, the same with a computed key")        \
  OP(DEFINE_GETTER, OPF_NONE, -2, "obj key fn -> obj, getter for key")                         \
  OP(DEFINE_SETTER, OPF_NONE, -2, "obj key fn -> obj, setter for key")                         \
  OP(COPY_DATA_PROPS, OPF_NONE, -1, "obj src -> obj, own enumerable props of src copied")      \
  OP(COPY_REST, OPF_NONE, -2, "obj src keys -> obj, the same but for the keys in array keys")   \
  OP(SET_PROTO, OPF_NONE, -1, "obj v -> obj; __proto__: v in a literal sets the prototype")   \
  OP(REQUIRE_OBJECT, OPF_NONE, 0, "v -> v; TypeError if null or undefined (destructuring)")     \
  OP(SET_FUNCTION_NAME, OPF_NONE, 0, "key fn -> key fn, fn.name = key (computed keys)")        \
  /* Operators */                                                                              \
  OP(ADD, OPF_NONE, -1, "a b -> a + b")                                                        \
  OP(SUB, OPF_NONE, -1, "a b -> a - b")                                                        \
  OP(MUL, OPF_NONE, -1, "a b -> a * b")                                                        \
  OP(DIV, OPF_NONE, -1, "a b -> a / b")                                                        \
  OP(MOD, OPF_NONE, -1, "a b -> a % b")                                                        \
  OP(EXP, OPF_NONE, -1, "a b -> a ** b")                                                       \
  OP(BIT_AND, OPF_NONE, -1, "a b -> a & b")                                                    \
  OP(BIT_OR, OPF_NONE, -1, "a b -> a | b")                                                     \
  OP(BIT_XOR, OPF_NONE, -1, "a b -> a ^ b")                                                    \
  OP(SHL, OPF_NONE, -1, "a b -> a << b")                                                       \
  OP(SHR, OPF_NONE, -1, "a b -> a >> b")                                                       \
  OP(USHR, OPF_NONE, -1, "a b -> a >>> b")                                                     \
  OP(EQ, OPF_NONE, -1, "a b -> a == b")                                                        \
  OP(NE, OPF_NONE, -1, "a b -> a != b")                                                        \
  OP(STRICT_EQ, OPF_NONE, -1, "a b -> a === b")                                                \
  OP(STRICT_NE, OPF_NONE, -1, "a b -> a !== b")                                                \
  OP(LT, OPF_NONE, -1, "a b -> a < b")                                                         \
  OP(LE, OPF_NONE, -1, "a b -> a <= b")                                                        \
  OP(GT, OPF_NONE, -1, "a b -> a > b")                                                         \
  OP(GE, OPF_NONE, -1, "a b -> a >= b")                                                        \
  OP(NEG, OPF_NONE, 0, "a -> -a")                                                              \
  OP(PLUS, OPF_NONE, 0, "a -> +a (ToNumber)")                                                  \
  OP(TO_NUMERIC, OPF_NONE, 0, "a -> ToNumeric(a) (the old value of a postfix update)")         \
  OP(INC, OPF_NONE, 0, "a -> a + 1 (a already numeric)")                                       \
  OP(DEC, OPF_NONE, 0, "a -> a - 1 (a already numeric)")                                       \
  OP(NOT, OPF_NONE, 0, "a -> !a")                                                              \
  OP(BIT_NOT, OPF_NONE, 0, "a -> ~a")                                                          \
  OP(TYPEOF, OPF_NONE, 0, "a -> typeof a")                                                     \
  OP(TO_STRING, OPF_NONE, 0, "a -> String(a), for template substitutions")                     \
  OP(TO_PROPERTY_KEY, OPF_NONE, 0, "obj a -> obj ToPropertyKey(a), TypeError if obj nullish") \
  /* Control flow. Offsets are relative to the end of the instruction. */                      \
  OP(JUMP, OPF_I32, 0, "pc += offset")                                                         \
  OP(JUMP_IF_FALSE, OPF_I32, -1, "v -> ; jump if v is falsy")                                  \
  OP(JUMP_IF_TRUE, OPF_I32, -1, "v -> ; jump if v is truthy")                                  \
  OP(JUMP_IF_FALSE_KEEP, OPF_I32, 0, "v -> v; jump if falsy, else pop (for &&)")               \
  OP(JUMP_IF_TRUE_KEEP, OPF_I32, 0, "v -> v; jump if truthy, else pop (for ||)")               \
  OP(JUMP_IF_NOT_NULLISH_KEEP, OPF_I32, 0, "v -> v; jump unless nullish, else pop (for the ?? operator)")   \
  OP(JUMP_IF_NULLISH, OPF_I32, 0, "v -> v, or jump with undefined in its place (for ?.)")      \
  OP(CALL, OPF_U8, OPV, "callee this arg1..argN -> result   (N = operand)")                  \
  OP(CALL_SPREAD, OPF_NONE, -2, "callee this argsArray -> result")                             \
  OP(NEW, OPF_U8, OPV, "ctor arg1..argN -> new ctor(...)")                                     \
  OP(NEW_SPREAD, OPF_NONE, -1, "ctor argsArray -> new ctor(...args)")                          \
  OP(RETURN, OPF_NONE, -1, "v -> ; return v to the caller")                                    \
  OP(RETURN_UNDEFINED, OPF_NONE, 0, "return undefined")                                        \
  OP(THROW, OPF_NONE, -1, "v -> ; throw v")                                                    \
  OP(RETHROW, OPF_NONE, -1, "v -> ; throw v again, keeping the place it was first thrown")     \
  /* Iteration */                                                                              \
  OP(GET_ITERATOR, OPF_NONE, 1, "iterable -> iter next")                                       \
  OP(ITER_NEXT, OPF_I32, 1, "iter next -> iter next value, or jump when done")                 \
  OP(ITER_CLOSE, OPF_NONE, -2, "iter next -> ; calls iter.return() if present")                \
  OP(FOR_IN_START, OPF_NONE, 0, "obj -> enumerator")                                           \
  OP(FOR_IN_NEXT, OPF_I32, 1, "enum -> enum key, or jump when done")                           \
  /* Classes (compile_class.c, classes.c) */                                                  \
  OP(CLASS_CREATE, OPF_U8, 0, "parent ctor -> ctor proto; operand 1: extends parent")         \
  OP(DEFINE_METHOD, OPF_U8, -2, "obj key fn -> obj, fn.home = obj (operand: CLASS_METHOD_*)") \
  OP(SET_HOME, OPF_U8, 0, "fn -> fn, fn.home = the value operand slots below fn")             \
  OP(ADD_FIELD, OPF_U8, -2, "ctor key fn -> ctor; an instance element (operand: its kind)")   \
  OP(INIT_FIELDS, OPF_NONE, -1, "obj F -> obj, F's instance fields defined on obj")           \
  OP(STATIC_INIT, OPF_NONE, -2, "ctor key fn -> ctor: static field (key a hole: a block)")    \
  OP(SUPER_CTOR, OPF_NONE, 0, "F -> F.[[Prototype]], the constructor super() calls")          \
  OP(SUPER_CALL, OPF_U8, OPV, "parent newTarget arg1..argN -> the new this")                  \
  OP(SUPER_CALL_SPREAD, OPF_NONE, -2, "parent newTarget argsArray -> the new this")           \
  OP(GET_SUPER, OPF_NONE, -2, "this key home -> home.[[HomeObject]].[[Prototype]][key]")      \
  OP(SET_SUPER, OPF_NONE, -3, "this key v home -> v, stored through the super base")          \
  OP(CHECK_THIS, OPF_NONE, 0, "v -> v; ReferenceError if `this` is not bound yet (a hole)")   \
  OP(CHECK_THIS_UNBOUND, OPF_NONE, -1, "v -> ; ReferenceError unless a hole (super() twice)") \
  OP(SET_THIS, OPF_NONE, 0, "v -> v, this of the current frame = v (after super())")         \
  OP(DERIVED_RESULT, OPF_NONE, -1, "v this -> what a derived constructor returns, or throw") \
  OP(DELETE_SUPER, OPF_NONE, -1, "this key -> ; ReferenceError: delete super.x")              \
  OP(PRIVATE_NAME, OPF_U16, 1, "-> a new private name (symbol) described constants[operand]") \
  OP(GET_PRIVATE, OPF_U16, -1, "obj key -> obj.#key; else TypeError constants[operand]")      \
  OP(SET_PRIVATE, OPF_U16, -2, "obj key v -> v, obj.#key = v; else TypeError constants[op]")  \
  OP(PRIVATE_IN, OPF_NONE, -1, "key obj -> #key in obj")                                      \
  /* Direct eval (issue 6, part C: vm/eval.c) */                                              \
  OP(CALL_EVAL, OPF_U8, OPV, "callee this arg1..argN names -> result (N = operand - 1): "      \
     "direct eval if callee is %eval%, else CALL")                                             \
  OP(CALL_EVAL_SPREAD, OPF_NONE, -3, "callee this argsArray names -> result: CALL_EVAL with "  \
     "a spread argument (eval(...a)), else CALL_SPREAD")                                       \
  OP(NEW_VARS, OPF_NONE, 0, "proto -> a new object for eval vars, inheriting from proto")      \
  OP(DYN_GET, OPF_U16, 0, "vars -> vars[name] if the chain has it, else the hole")             \
  OP(DYN_DELETE, OPF_U16, 0, "vars -> true if an eval var of that name was deleted, else hole") \
  OP(JUMP_IF_NOT_HOLE, OPF_I32, 0, "v -> v; jump unless v is the hole, else pop")             \
  OP(DYN_SET, OPF_U16, 0, "v vars -> v stored: vars[name] = v if the chain has it")            \
  OP(DYN_DECLARE_VAR, OPF_U16, -1, "vars -> ; vars[name] = undefined unless it has name")      \
  OP(DYN_DECLARE_FN, OPF_U16, -1, "f vars -> f; vars[name] = f")                              \
  OP(TO_OBJECT, OPF_NONE, 0, "v -> ToObject(v): TypeError for undefined and null")             \
  OP(WITH_GET, OPF_U16, 0, "obj -> obj[name] if a with on obj binds name, else the hole")      \
  OP(WITH_CALLEE, OPF_U16, 1, "obj -> obj[name] obj if a with on obj binds name, else hole")   \
  OP(WITH_SET, OPF_U16, 0, "v obj -> v bound: obj[name] = v if a with on obj binds name")      \
  OP(WITH_DELETE, OPF_U16, 0, "obj -> delete obj[name] if a with on obj binds name, else hole") \
  /* Misc */                                                                                   \
  OP(DEBUGGER, OPF_NONE, 0, "a no-op breakpoint for gdb (break on vm_debugger_hook)")          \
  OP(NOP, OPF_NONE, 0, "nothing")                                                              \
  /* Generators and async functions (vm/generator.c): frames that suspend and resume */        \
  OP(GENERATOR_START, OPF_NONE, 1, "suspend at once; the call returns the generator object")   \
  OP(ASYNC_START, OPF_NONE, 0, "the frame becomes an async function's: it has a promise")      \
  OP(YIELD, OPF_U8, 0, "v -> received; suspend, handing out {value: v, done} (raw v if 1)")    \
  OP(AWAIT, OPF_NONE, 0, "v -> received; suspend until v settles")                             \
  OP(RESUME, OPF_I32, 0, "v -> v; resumed by next(): jump; by throw(): throw v; return: go on") \
  OP(RESUME_MODE, OPF_NONE, 1, "-> how the frame was resumed (0 next, 1 throw, 2 return)")    \
  OP(GEN_RETURN, OPF_NONE, -1, "v -> ; finish the generator or async function with v")        \
  OP(DELEGATE, OPF_I32, -1, "iter next v mode -> iter next result, or jump when done (yield*)")\
  /* Async iteration (vm/async_iterator.c): for await, yield* in async generators */           \
  OP(GET_ASYNC_ITERATOR, OPF_NONE, 1, "iterable -> iter next (a sync one wrapped)")            \
  OP(ITER_CALL_NEXT, OPF_NONE, 1, "iter next -> iter next next()'s result")                   \
  OP(ITER_VALUE, OPF_I32, 0, "result -> result.value, or pop and jump when result.done")       \
  OP(ITER_RETURN, OPF_I32, -1, "iter next -> iter.return()'s result, or jump if it has none")  \
  OP(ITER_RESULT_CHECK, OPF_NONE, -1, "result -> ; TypeError unless result is an object")      \
  OP(DELEGATE_CALL, OPF_NONE, 1, "iter next v mode -> iter next v mode r: the step to await")  \
  OP(DELEGATE_STEP, OPF_I32, -2, "iter next v mode r -> iter next r.value, or jump when done")
//< vm.opcode-list

typedef enum Opcode {
#define OP_ENUM(name, fmt, effect, doc) OP_##name,
  FOR_EACH_OPCODE(OP_ENUM)
#undef OP_ENUM
      OP_COUNT
} Opcode;


typedef struct OpcodeInfo {
  const char *name;
  int format;
  int effect;
  const char *doc;
} OpcodeInfo;

extern const OpcodeInfo opcode_info[OP_COUNT];

/* Size in bytes of an instruction (opcode byte plus operands). */
static inline int opcode_size(int format) {
  static const int sizes[] = {1, 2, 3, 5, 5};
  return sizes[format];
}

#endif

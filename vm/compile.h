/* compile.h - the bytecode compiler's private interface, shared by vm/compile*.c only.
 * Book: chapter 4, "Compiling".
 *
 * compile.c         the emitter (bytes, constants, jumps, stack depth, line table),
 *                   variables (registers, cells, upvalues), functions, vm_compile
 * compile_expr.c    expressions, calls, optional chains, assignment
 * compile_pattern.c destructuring
 * compile_stmt.c    statements, loops, switch, labels, try/catch/finally
 * compile_generator.c  generators and async functions: yield, yield*, await
 *
 * Everything shared here carries the compiler's prefix, compile_, except the emitter's
 * own family, emit_* (one function per way of writing bytes into the code).
 */
#ifndef TN_VM_COMPILE_H
#define TN_VM_COMPILE_H

#include "parser/parser.h"
#include "vm/internal.h"

/* A growable list of code offsets: jumps waiting for their target. */
typedef struct PatchList {
  uint32_t *at;
  int count, capacity;
} PatchList;

/* What a statement that control can leave is, for break/continue/return. */
typedef enum ControlKind {
  CTRL_LOOP,     /* while, do-while, for: break and continue */
  CTRL_FOR_IN,   /* a for-in loop: its enumerator is one stack slot, POPped on exit */
  CTRL_FOR_OF,   /* a for-of loop: iter and next are two slots, ITER_CLOSE on exit */
  CTRL_PATTERN,  /* an array pattern's iterator: closed on exit too, never a jump target */
  CTRL_SWITCH,   /* break only */
  CTRL_LABEL,    /* a labelled statement that is not a loop: break label only */
  CTRL_TRY,      /* a try block that has a catch clause: a protected range */
  CTRL_FINALLY,  /* a try block or catch clause with a finally: exits inline it */
} ControlKind;

/* One handler range, [start, end) in code offsets. */
typedef struct CodeRange {
  uint32_t start, end;
} CodeRange;

typedef struct Control {
  struct Control *outer;
  ControlKind kind;
  const char *const *labels; /* the labels naming this statement */
  int label_count;
  int base;                  /* operand-stack depth before the statement's own slots */
  int slots;                 /* 1 for for-in, 2 for for-of, else 0 */
  PatchList breaks;          /* jumps to the end of the statement */
  PatchList continues;       /* jumps to the continue point (loops) */
  /* Protected ranges (try, finally, for-of): exits cut a hole for their cleanup code. */
  bool protects;
  int64_t open_start;        /* start of the range being built, or -1 while cut */
  CodeRange *ranges;
  int range_count, range_capacity;
  Node *finalizer;           /* CTRL_FINALLY: the block to inline on every exit */
  bool is_await;             /* CTRL_FOR_OF of a for await: closing awaits return() */
} Control;

/* An optional chain a?.b.c(): nullish links jump to its end. */
typedef struct Chain {
  PatchList to_end;    /* JUMP_IF_NULLISH with nothing extra under the value */
  PatchList to_drop1;  /* ... with one value under it (o.m?.() has the receiver) */
} Chain;

/* A finally block being compiled at a script's top level: the completion value its own
 * statements leave (temp), and the register it would otherwise go to (outer). */
typedef struct FinallyBody {
  Control *base;      /* the control statements around the block */
  int temp, outer;    /* registers; temp starts as the hole ("no value yet") */
  struct FinallyBody *enclosing;
} FinallyBody;

typedef struct FuncState {
  struct FuncState *enclosing;
  Node *node;             /* NODE_FUNCTION, or NODE_PROGRAM for the top level */
  Scope *scope;           /* the function scope */
  FunctionProto *proto;
  int depth, max_depth;   /* operand-stack depth, tracked from the opcodes' effects */
  int registers;          /* registers handed out so far */
  const char **reg_names; /* the variable each register holds (NULL: a temporary), for
                             the disassembler, --trace and gdb; packed by state_end */
  int reg_name_capacity;
  Binding **upval_bindings; /* upvals[i] captures upval_bindings[i] */
  UpvalDesc *upvals;
  int upval_count, upval_capacity;
  Control *control;       /* innermost statement control can leave */
  int return_register;    /* holds a return value while finally blocks run; -1 = none yet */
  int completion_register; /* script top level: the last expression statement's value */
  FinallyBody *finally_body; /* innermost finally block being compiled (completion only) */
  Binding *eval_vars;     /* the var object of a sloppy function with a direct eval */
  uint32_t last_line, last_column; /* the position of the last line-table entry */
  Value *const_keys;      /* constant dedup: open addressing over constant values */
  int32_t *const_slots;
  uint32_t const_map_capacity;
} FuncState;

/* A with statement being compiled: its scope, whose one binding holds the object. In
 * direct eval code, a with around the eval call is one of the caller's names instead:
 * caller_index is its place in the list (else -1), and the names after it are outside. */
typedef struct WithScope {
  Scope *scope;
  struct WithScope *outer;
  int caller_index;
} WithScope;

typedef struct Compiler {
  VM *vm;
  Node *class_node;       /* the class whose constructor is being compiled (its fields) */
  const char *source;
  const char *kept_source; /* the VM's lasting copy of source, for protos */
  size_t length;
  const char *filename;   /* interned, stable */
  CompileMode mode;
  FuncState *fs;
  Node *eval_outer;       /* direct eval code: the owner of the caller's names, or NULL */
  WithScope *withs;       /* the with statements around the code being compiled, innermost
                             first (across the functions nested in them) */
  bool eval_globals;      /* sloppy eval code whose vars are global (configurable) ones */
  bool failed;            /* a SyntaxError (or a RangeError: too deep) is pending; the
                             result will be discarded */
} Compiler;

/* A source position, 1-based; column in UTF-16 units like V8. */
typedef struct SrcPos {
  int line, column;
} SrcPos;

/* ==== compile.c: errors ==== */
void compile_error(Compiler *c, const Node *at, const char *fmt, const char *what);
void compile_unsupported(Compiler *c, const Node *at, const char *what);
/* The C-stack guard of every recursive step: false, with node's RangeError pending
 * (unless an error already is), when the stack is nearly full. */
bool compile_stack_ok(Compiler *c);

/* ==== compile.c: the emitter ==== */
void emit_op(Compiler *c, Opcode op);
void emit_u8(Compiler *c, Opcode op, int operand);
void emit_u16(Compiler *c, Opcode op, int operand);
void emit_u16u16(Compiler *c, Opcode op, int a, int b);
void emit_call(Compiler *c, Opcode op, int argc); /* CALL / NEW: effect from argc */
uint32_t emit_jump(Compiler *c, Opcode op);       /* forward; returns the site to patch */
void emit_jump_to(Compiler *c, Opcode op, uint32_t target); /* backward */
void compile_patch_here(Compiler *c, uint32_t site);
void compile_patch_list_add(PatchList *l, uint32_t site);
void compile_patch_list_here(Compiler *c, PatchList *l); /* patches every site, frees the list */
uint32_t compile_code_here(Compiler *c);
void compile_set_depth(Compiler *c, int depth);           /* at a label reached by a jump */
void compile_pop_to(Compiler *c, int depth);              /* emit POPs down to depth */

int compile_const_value(Compiler *c, Value v);
int compile_const_atom(Compiler *c, const char *utf8);
/* A new constant slot holding v, shared with no other use (a regexp literal's cache). */
int compile_const_fresh(Compiler *c, Value v);
int compile_const_string(Compiler *c, U16Str s);
int compile_const_number(Compiler *c, double d);
void emit_number(Compiler *c, double d);

/* ==== compile.c: the line table ==== */
SrcPos compile_pos_of(const Node *n);
SrcPos compile_pos_after(Compiler *c, const Node *n); /* the first token after n (an operator) */
SrcPos compile_pos_of_end(Compiler *c, const Node *n); /* n's last character */
void compile_mark_pos(Compiler *c, SrcPos p);         /* instructions from here come from p */
void compile_mark_node(Compiler *c, const Node *n);
void compile_mark_site(Compiler *c, SrcPos p, const char *name); /* p, and the operand's name */

/* ==== compile.c: variables ==== */
int compile_alloc_register(Compiler *c);
/* An array pattern's iterator (iter next on the stack) as a control: an exception in its
 * protected ranges closes it and goes on, and so does a generator's return() at a yield
 * inside the pattern. begin opens a range; protect(false) cuts it around a step of the
 * iterator (one whose next() threw is done, not closed), protect(true) opens it again;
 * end closes the iterator on the normal path and pops the control. */
void compile_pattern_begin(Compiler *c, Control *ctl);
void compile_pattern_protect(Compiler *c, Control *ctl, bool on);
void compile_pattern_end(Compiler *c, Control *ctl);
/* b lives in register reg of the current function: sets b->reg and records its name. */
void compile_bind_register(Compiler *c, Binding *b, int reg);
/* How a store initialises or assigns: STORE_ASSIGN, STORE_UPDATE (an assignment whose
 * target was just read: x += 1, x++), or a VarKind for declarations. */
enum { STORE_ASSIGN = -1, STORE_UPDATE = -2, STORE_GLOBAL_FUNCTION = -3,
       STORE_VAR_DIRECT = -4 /* a var set in its own scope, past any with (Annex B's copy) */ };
void emit_load_binding(Compiler *c, Binding *b, const char *name, SrcPos at);
/* Does a with statement around this code hide b (NULL: the global called so)? */
bool compile_in_with(Compiler *c, const Binding *b);
/* Asks the objects of those with statements for name with op (WITH_GET, WITH_DELETE,
 * WITH_CALLEE, or WITH_SET for a store), innermost first; each site that found it is
 * added to sites. */
void compile_with_probes(Compiler *c, const Binding *b, Opcode op, const char *name, SrcPos at,
                         PatchList *sites);
/* The callee and `this` of a call f(...) inside with: f and the object that has it, or
 * f as anywhere else and undefined. */
void compile_with_callee(Compiler *c, const Node *id, SrcPos at);
void emit_store_binding(Compiler *c, Binding *b, const char *name, int how, SrcPos at);
void emit_load_name(Compiler *c, const Node *ident);   /* an identifier, this or new.target */
void compile_enter_scope(Compiler *c, Scope *s);               /* registers, cells, TDZ holes */
void compile_hoist_functions(Compiler *c, NodeList *body);     /* function declarations first */
void emit_function(Compiler *c, Node *fn);             /* -> a closure on the stack */
FunctionProto *compile_function(Compiler *c, Node *fn); /* a function's code, not a closure */
void emit_load_implicit(Compiler *c, Binding *b); /* this, new.target, home: unchecked */
void emit_bind_this(Compiler *c, Binding *b);     /* v -> v: super() binds `this` */

/* ==== compile_expr.c ==== */
void compile_expr(Compiler *c, Node *n);
void compile_expr_discard(Compiler *c, Node *n);
void compile_expr_at(Compiler *c, Node *n, SrcPos at); /* a bare name loads at `at` */
void compile_mark_named(Compiler *c, SrcPos p,
                        const Node *operand);     /* compile_mark_site with V8's text */
int compile_key_constant(Compiler *c, Node *key); /* a non-computed property key's atom */
/* Pushes the arguments; with a spread (or too many) they go into one array, giving -1. */
int compile_args(Compiler *c, NodeList *args, SrcPos spread_at);

/* ==== compile_class.c ==== */
void compile_class(Compiler *c, Node *n);             /* -> the class (its constructor) */
void compile_class_declaration(Compiler *c, Node *n); /* class C {}: binds C */
void compile_constructor_start(Compiler *c, Node *fn); /* a base class's fields, first */
void compile_default_constructor(Compiler *c, Node *fn); /* constructor(...a) {super(...a)} */
void compile_constructor_result(Compiler *c); /* v -> what `new` gives (derived constructors) */
void compile_super_call(Compiler *c, Node *call);    /* super(...) -> this */
/* super.x, super[k]: pushes this and the key (for a call: this, this, key) */
void compile_super_reference(Compiler *c, Node *member, bool for_call);
void emit_super_get(Compiler *c, Node *member);      /* this key -> value */
void emit_super_set(Compiler *c, Node *member);      /* this key v -> v */
void compile_home_object(Compiler *c, Node *fn, int depth); /* fn -> fn, home = depth below */
void emit_private_key(Compiler *c, Node *name);  /* #x -> its private symbol */
void emit_private_get(Compiler *c, Node *name);  /* obj key -> obj.#x */
void emit_private_set(Compiler *c, Node *name);  /* obj key v -> v */

/* ==== compile_pattern.c ==== */
/* Assigns the value on top of the stack to a target or pattern and pops it. value is
 * the expression it came from, when there is one (for V8's error positions and text). */
void compile_pattern_assign(Compiler *c, Node *target, int how, const Node *value);

/* A parser for source that checks regular expression literals as the VM's RegExp
 * engine would (early errors), for scripts, modules, eval and Function alike. */
Parser *vm_parser_new(VM *vm, const char *source, size_t length, ParseMode mode);
/* Compiles a parsed program (NULL: err holds its SyntaxError) and frees the parser:
 * vm_compile's second half. */
Value compile_tree(VM *vm, Parser *parser, Node *program, ParseError *err, const char *source,
                   size_t length, const char *filename, CompileMode mode, Node *eval_outer);
/* A direct eval's list of the names in scope at the call (a constant's index). */
int compile_eval_names(Compiler *c, Scope *s);
/* In that list, after each private name: (" " + its class's name, EVAL_PRIVATE_INFO, plus
 * EVAL_PRIVATE_FIELD for a field, EVAL_PRIVATE_STATIC for a static member), what the
 * eval code's error messages need; the space keeps it from shadowing any binding. */
enum { EVAL_PRIVATE_INFO = 15, EVAL_PRIVATE_FIELD = 16, EVAL_PRIVATE_STATIC = 32 };
/* A private name's class name (V8's "Receiver must be an instance of class A"). */
const char *compile_private_class(const Binding *b);
/* typeof name: an eval var of that name first, when there may be one: the site to patch
 * after the ordinary load (0: none). */
uint32_t compile_eval_var_get(Compiler *c, Binding *b, const char *name);
/* `delete name` where eval code may have declared it: deletes it from the var object that
 * holds it (true), else falls through to the global; returns the site to patch (0: none). */
uint32_t compile_eval_var_delete(Compiler *c, const char *name);

/* ==== compile_lang.c ==== */
int compile_template_object(Compiler *c, Node *tmpl); /* a tagged template site's strings */

/* ==== compile_stmt.c ==== */
void compile_stmt(Compiler *c, Node *n);
void compile_body(Compiler *c, NodeList *body); /* statements, no scope handling */
void compile_return_value(Compiler *c);         /* value on top -> RETURN through finally */

/* ==== compile_generator.c ==== */
Opcode compile_return_op(Compiler *c);   /* RETURN, or GEN_RETURN in a generator or async fn */
void compile_generator_start(Compiler *c); /* a generator's initial suspension */
void compile_yield(Compiler *c, Node *n);  /* yield and yield* */
void compile_await(Compiler *c, Node *n);
void compile_await_top(Compiler *c);      /* await the value on top of the stack */

#endif

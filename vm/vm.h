/* vm.h - the engine's public interface: everything runtime/, stdlib/ and main.c
 * may use. Book: chapter 3, "Values and objects", and chapter 5, "The VM loop".
 *
 * Conventions for every function here:
 *  - A function that can run JavaScript or throw returns a Value; VALUE_EXCEPTION
 *    means "an exception is pending in the VM" (vm_take_exception gets it).
 *  - Values held only in C variables are invisible to the collector. Before the
 *    next allocation, put them in a handle (vm_handle_push) or pin them.
 *  - Strings cross this interface as UTF-8; inside they are UTF-16.
 */
#ifndef TN_VM_H
#define TN_VM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "vm/value.h"

typedef struct VM VM;

/* A function written in C. The arguments live on the VM stack (they are roots).
 * Return the result, or VALUE_EXCEPTION after vm_throw*(). The call owns the native's
 * handle scope: every handle it pushes is dropped when it returns, so it need not reset
 * them. Its result needs no handle either: the caller roots it before allocating. */
typedef Value (*NativeFn)(VM *vm, Value this_value, int argc, Value *argv);

/* What the engine asks of its host (filled in by runtime/). */
typedef struct VMHooks {
  void *host;
  /* Queue a promise job: call job(arg) later, after the current macrotask. */
  void (*enqueue_job)(VM *vm, Value job, Value arg);
  /* HostPromiseRejectionTracker: a promise was rejected with no handler (handled false),
   * or a rejected promise got its first handler (handled true). May be NULL. */
  void (*promise_rejection)(VM *vm, Value promise, bool handled);
  /* HostEnqueueFinalizationRegistryCleanupJob: a collection found registered targets
   * dead; later, from a task of its own, run vm_finalization_next's callbacks. Called
   * at the end of a collection, so it must not touch JavaScript. May be NULL. */
  void (*cleanup_needed)(VM *vm);
} VMHooks;

typedef enum ErrorKind {
  ERR_ERROR,
  ERR_TYPE,
  ERR_RANGE,
  ERR_REFERENCE,
  ERR_SYNTAX,
  ERR_EVAL,
  ERR_URI,
} ErrorKind;

/* Where an error happened, for the uncaught-exception header. */
typedef struct SourceSite {
  const char *filename; /* NULL if unknown */
  int line, column;     /* 1-based */
  int length;           /* how many carets (syntax errors); 1 otherwise */
} SourceSite;

typedef enum CompileMode {
  COMPILE_SCRIPT, /* a global script: top-level var and function become globals */
  COMPILE_MODULE, /* a CommonJS module: (exports, require, module, __filename, __dirname) */
} CompileMode;

/* ==== Lifetime ==== */

VM *vm_new(void);   /* a VM with its intrinsics; the stdlib installs the rest */
void vm_free(VM *vm);
void vm_set_hooks(VM *vm, const VMHooks *hooks);
VMHooks *vm_hooks(VM *vm);

/* What the engine asks of the RegExp built-in, which lives above it (stdlib/ecma/). */
typedef struct VMRegExpHooks {
  /* At parse time, for each literal: NULL when pattern (UTF-16 units) compiles with flags
   * (as written), else V8's reason; vm_compile reports it as the literal's SyntaxError. */
  const char *(*check)(const uint16_t *pattern, size_t length, const char *flags);
  /* Each evaluation of a literal: a new RegExp object, or VALUE_EXCEPTION. *cache is the
   * literal's own constant slot: its pattern string at first, which the hook may replace
   * with a value to find there next time (the compiled pattern). flags is a string. */
  Value (*create)(VM *vm, Value *cache, Value flags);
} VMRegExpHooks;
void vm_set_regexp_hooks(VM *vm, const VMRegExpHooks *hooks);

/* ==== Running code ==== */

/* Compile source into a function. In COMPILE_MODULE the function takes the five
 * wrapper parameters. On a syntax error returns VALUE_EXCEPTION with a SyntaxError
 * pending and its site recorded (vm_exception_site). */
Value vm_compile(VM *vm, const char *source, size_t length, const char *filename,
                 CompileMode mode);
/* CreateDynamicFunction: a function of the given kind (NORMAL, GENERATOR, ASYNC,
 * ASYNC_GENERATOR) compiled in the global scope from parameter and body text (UTF-8),
 * or VALUE_EXCEPTION with node's SyntaxError pending. */
Value vm_compile_function(VM *vm, int kind, const char *params, const char *body);
/* Call fn (or `new ctor`) from C. The call owns a handle scope: nothing the callee
 * pushes outlives it. The result is not rooted: root it before allocating. Throws
 * RangeError when the C stack is nearly full (natives re-enter here recursively). */
Value vm_call(VM *vm, Value fn, Value this_value, int argc, const Value *argv);
Value vm_construct(VM *vm, Value ctor, int argc, const Value *argv);
/* Construct(ctor, argv, new_target) (Reflect.construct); both must be constructors. */
Value vm_construct_with(VM *vm, Value ctor, int argc, const Value *argv, Value new_target);

/* --dump-bytecode: disassemble fn and every function nested in it. */
void vm_disassemble(VM *vm, Value fn, FILE *out);
/* --trace: print each instruction executed to out (NULL turns it off). */
void vm_set_trace(VM *vm, FILE *out);
enum { VM_TRACE_STACK = 1 }; /* --trace=stack: show the whole operand stack */
void vm_set_trace_options(VM *vm, unsigned options);
bool vm_tracing(VM *vm); /* is --trace on? */
/* A line "== text ==" in the trace (if on): how the host marks its events. */
void vm_trace_note(VM *vm, const char *text);
/* --trace-gc: a line per collection to out (NULL: off): heap before and after, things
 * freed, the pause. */
void vm_set_gc_trace(VM *vm, FILE *out);
/* The collector's heap: bytes in use, and the size it may grow to before the next
 * collection (process.memoryUsage's heapUsed and heapTotal). */
void vm_heap_size(VM *vm, size_t *used, size_t *total);
/* A full collection now (the global gc() of --expose-gc). */
void vm_collect_garbage(VM *vm);

/* ==== Exceptions ==== */

Value vm_throw(VM *vm, Value exception); /* returns VALUE_EXCEPTION */
Value vm_throw_error(VM *vm, ErrorKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool vm_has_exception(VM *vm);
/* Start unwinding every frame without running catch or finally blocks (process.exit).
 * Returns VALUE_EXCEPTION; vm_take_exception ends the termination. */
Value vm_terminate(VM *vm);
bool vm_is_terminating(VM *vm);
/* Asks the running code to stop (on: from a signal handler too; the REPL's Ctrl-C): at
 * its next jump (every loop makes one) it throws node's `Script execution was interrupted by SIGINT`
 * error, which no catch or finally sees, as a termination. Off withdraws the request. */
void vm_interrupt(VM *vm, bool on);
Value vm_take_exception(VM *vm); /* clears it */
Value vm_pending_exception(VM *vm); /* the exception in flight, left pending; else undefined */
/* Where the pending or last-taken exception was thrown (or the syntax error is). */
SourceSite vm_exception_site(VM *vm);
/* Where an error object was made, read from the first frame of its own `stack` (what node
 * shows above an error that a promise rejected with); filename NULL when unknown. */
SourceSite vm_error_site(VM *vm, Value error);
/* A new error object with .message and .stack captured from the current frames. */
Value vm_make_error(VM *vm, ErrorKind kind, Value message);
/* The "\n    at f (file:1:2)" lines for the current frames (each starts with a newline). */
Value vm_stack_trace(VM *vm);
/* The C-stack guard (lexer/stack.h) for code that recurses on what a script controls:
 * true when the C stack is nearly full. Then throw vm_throw_stack_overflow's
 * "RangeError: Maximum call stack size exceeded" (or, like inspect, stop) instead. */
bool vm_stack_exhausted(VM *vm);
Value vm_throw_stack_overflow(VM *vm);

/* ==== Conversions and tests ==== */

Value vm_to_string(VM *vm, Value v);   /* a string Value, or exception */
Value vm_to_number(VM *vm, Value v);   /* a number Value, or exception */
Value vm_to_object(VM *vm, Value v);
/* The hint of ToPrimitive; the same order as vm/internal.h's CONV_HINT_*. */
typedef enum VMHint { VM_HINT_DEFAULT, VM_HINT_NUMBER, VM_HINT_STRING } VMHint;
/* ToPrimitive(v, hint): v itself unless it is an object; may run user code, or throw. */
Value vm_to_primitive(VM *vm, Value v, VMHint hint);
/* OrdinaryToPrimitive(obj, hint) (obj an object): valueOf and toString in the hint's
 * order, ignoring @@toPrimitive (Date.prototype[@@toPrimitive] is built on it). */
Value vm_ordinary_to_primitive(VM *vm, Value obj, VMHint hint);
bool vm_truthy(Value v);
bool vm_strict_equals(Value a, Value b);
bool vm_same_value(Value a, Value b);      /* SameValue (Object.is) */
bool vm_same_value_zero(Value a, Value b);
Value vm_loose_equals(VM *vm, Value a, Value b);       /* a == b: true/false/exception */
Value vm_instance_of(VM *vm, Value v, Value ctor);     /* v instanceof ctor: the same */
Value vm_typeof(VM *vm, Value v);      /* a string Value */
bool vm_is_callable(Value v);
bool vm_is_array(Value v);
bool vm_is_error(Value v);
/* Number::toString(10): the shortest digits that round-trip. Writes to buf (>= 32 bytes). */
const char *vm_number_to_cstr(double d, char *buf);
double vm_cstr_to_number(const char *s, size_t length); /* StringToNumber; NaN if invalid */

/* ==== Strings ==== */

/* The longest string, in UTF-16 units (V8's String::kMaxLength). Making a longer one
 * throws node's `RangeError: Invalid string length`: vm_string_n, vm_string_concat,
 * vm_string_from_units and sb_finish check it and return VALUE_EXCEPTION. */
#define VM_STRING_MAX 536870888u
Value vm_throw_string_length(VM *vm); /* throws that RangeError */
Value vm_string(VM *vm, const char *utf8);
Value vm_string_n(VM *vm, const char *utf8, size_t length);
char *vm_to_utf8(VM *vm, Value string, size_t *length); /* malloc'd; string must be a string */
uint32_t vm_string_length(Value string);                /* in UTF-16 units */
Value vm_string_concat(VM *vm, Value a, Value b); /* or an exception: too long */
Value vm_string_repeat(VM *vm, Value string, uint32_t count); /* the same */
Value vm_atom(VM *vm, const char *utf8);                /* an interned string */

/* ==== Building strings (vm/strbuf.c) ==== */

/* A growable run of WTF-8 text (UTF-8, with a lone surrogate kept as its own 3-byte
 * sequence so that it survives the round trip). Zero-initialise it, append, then make
 * a string with sb_finish (or take the bytes with sb_take); sb_free on an error path. */
typedef struct StrBuf {
  char *data; /* NUL-terminated, from mem_alloc (NULL while empty) */
  size_t len, cap;
} StrBuf;

void sb_putn(StrBuf *sb, const char *s, size_t n);
void sb_puts(StrBuf *sb, const char *s);
void sb_putc(StrBuf *sb, char c);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_spaces(StrBuf *sb, int n);
/* A code point, or one UTF-16 unit: a low surrogate right after a lone high one joins
 * it, so that the text stays WTF-8 (a pair is always its one 4-byte sequence). */
void sb_put_codepoint(StrBuf *sb, uint32_t cp);
void sb_put_unit(StrBuf *sb, uint16_t unit);
void sb_put_js(StrBuf *sb, Value str); /* a string Value's units */
void sb_put_js_range(StrBuf *sb, Value str, uint32_t start, uint32_t end); /* units [start,end) */
void sb_truncate(StrBuf *sb, size_t len); /* cut the text back to its first len bytes */
char *sb_take(StrBuf *sb); /* the text, to free() ("" if empty); sb is empty again */
void sb_free(StrBuf *sb);
Value sb_to_value(VM *vm, const char *text, size_t len); /* WTF-8 -> a string Value */
/* The code point of the WTF-8 sequence at s (NUL-terminated text); its byte count in
 * *n. A byte that starts no valid sequence decodes as itself, one byte long. */
uint32_t sb_decode(const unsigned char *s, size_t *n);
Value sb_finish(VM *vm, StrBuf *sb);  /* the string Value of sb's text; frees sb */
char *vm_to_wtf8(Value str);          /* a string Value as WTF-8, to free() */

/* ==== Objects ==== */

Value vm_object_new(VM *vm);                          /* {} */
Value vm_object_with_proto(VM *vm, Value proto);       /* Object.create(proto) */
Value vm_iter_result(VM *vm, Value value, bool done);  /* { value, done }, for iterators */
Value vm_array_new(VM *vm);                           /* [] */
Value vm_get(VM *vm, Value obj, Value key);           /* obj[key], any key */
Value vm_get_str(VM *vm, Value obj, const char *key);
Value vm_set(VM *vm, Value obj, Value key, Value v);  /* obj[key] = v */
Value vm_set_str(VM *vm, Value obj, const char *key, Value v);
/* A name C code reads or writes again and again (static VMKey k = VM_KEY("_events")):
 * its atom is made once per VM and kept, where vm_get_str looks the text up each time.
 * vm_key is the atom; vm_get_key and vm_set_key are vm_get_str and vm_set_str. */
typedef struct VMKey {
  const char *name;
  uint32_t vm_serial; /* the VM the atom belongs to (0: none yet) */
  Value atom;
} VMKey;
#define VM_KEY(text) {text, 0, 0}
Value vm_key(VM *vm, VMKey *key);
Value vm_get_key(VM *vm, Value obj, VMKey *key);
Value vm_set_key(VM *vm, Value obj, VMKey *key, Value v);
/* [[Get]] and [[Set]] of object obj with another receiver (Reflect.get/set); key is a
 * property key (vm_to_property_key). vm_set_with_receiver returns true/false/exception. */
Value vm_get_with_receiver(VM *vm, Value obj, Value key, Value receiver);
Value vm_set_with_receiver(VM *vm, Value obj, Value key, Value v, Value receiver);
/* Define an own data property; attrs are VM_ATTR_* bits. Returns false on exception. */
bool vm_define_str(VM *vm, Value obj, const char *key, Value v, int attrs);
/* Gives obj, a new object without properties, template's own data properties (keys in
 * template's order, attributes, values), as defining them one by one would, at the cost
 * of one copy: for objects made by the thousand with the same fields. False, doing
 * nothing, when obj has properties or template has an accessor. */
bool vm_copy_fields(VM *vm, Value obj, Value template);
/* A run of adds that C code makes on every new object of a kind, such as the five
 * fields EventEmitter's init gives each emitter. The first time, the adds are made one
 * by one (vm_set_str, vm_set) after vm_add_run_start, and vm_add_run_learn remembers
 * them; from then on, while vm_add_run_ready says so, vm_add_run_replay makes them in
 * one shape change, as SET_PROP replays one add: ready means obj has the shape and the
 * prototype of the first object, and nothing on its prototype chain has changed since,
 * so no setter or read-only property can have appeared to make any add behave
 * differently. A collection forgets the run (its shapes may die), so nothing may
 * allocate between vm_add_run_ready and vm_add_run_replay. The caller keeps the
 * VMAddRun (zeroed at first). */
typedef struct VMAddRun {
  const VM *vm;
  const void *from, *to, *proto; /* the shapes before and after the run, the prototype */
  uint32_t epochs[2];
} VMAddRun;
const void *vm_add_run_start(Value obj); /* what to hand vm_add_run_learn */
void vm_add_run_learn(VM *vm, Value obj, VMAddRun *run, const void *start, int n);
bool vm_add_run_ready(VM *vm, Value obj, const VMAddRun *run);
void vm_add_run_replay(VM *vm, Value obj, const VMAddRun *run, const Value *values);
bool vm_has_own_str(VM *vm, Value obj, const char *key);
Value vm_own_keys(VM *vm, Value obj); /* an array of the own enumerable string keys */
Value vm_prototype_of(Value obj);     /* null if none */

enum {
  VM_ATTR_WRITABLE = 1,
  VM_ATTR_ENUMERABLE = 2,
  VM_ATTR_CONFIGURABLE = 4,
  VM_ATTR_DEFAULT = 7,
  VM_ATTR_HIDDEN = 5, /* how built-in methods are defined: not enumerable */
};

uint32_t vm_array_length(Value arr);
Value vm_array_get(VM *vm, Value arr, uint32_t index);
bool vm_array_push(VM *vm, Value arr, Value v);
/* Can a write past arr's end skip the prototype chain (no prototype has an index key)? */
bool vm_array_protos_plain(Value arr);

/* ==== Functions ==== */

Value vm_native_new(VM *vm, const char *name, NativeFn fn, int length);
/* A native that can see `data` through vm_native_data while it runs (a closure made in C:
 * built-ins are declared in tables instead, below). */
Value vm_native_with_data(VM *vm, const char *name, NativeFn fn, int length, Value data);
Value vm_native_data(VM *vm);
void vm_native_set_magic(Value fn, int magic); /* what vm_native_magic says inside fn */
/* Inside a native: the magic number of its table row (0 for one made otherwise). */
int vm_native_magic(VM *vm);
/* Inside a native: the constructor `new` was applied to, or undefined for a call. */
Value vm_new_target(VM *vm);
Value vm_function_name(VM *vm, Value fn); /* a string; "" if anonymous */

/* ==== Declaring built-ins: property tables (vm/props.c) ====
 *
 * Every built-in property is declared as a row of a const table, and vm_define_props
 * applies a table to an object, row by row, in order (so a table in V8's order gives
 * V8's key order). Write rows with the macros below and end a table with VM_PROPS_END.
 * A function made from a row gets V8's `name` (the key; "[Symbol.iterator]" for a symbol
 * key; "get size" for a getter) and the row's `length`, and can read the row's magic
 * number with vm_native_magic: one C function serves a family of built-ins that differ
 * in one small choice (trim, trimStart and trimEnd). */

typedef enum VMPropKind {
  VM_PROP_END,         /* ends a table */
  VM_PROP_FUNCTION,    /* a native function: fn, length, magic */
  VM_PROP_ACCESSOR,    /* a getter fn and a setter u.setter (either may be NULL); one magic */
  VM_PROP_NUMBER,      /* u.number */
  VM_PROP_STRING,      /* u.string (UTF-8) */
  VM_PROP_CONSTANT,    /* u.constant: undefined, null, true or false */
  VM_PROP_SYMBOL,      /* u.well_known: a well-known symbol as the value (Symbol.iterator) */
  VM_PROP_OBJECT,      /* a new plain object with its own table u.props (Math, JSON) */
  VM_PROP_ALIAS,       /* the value of the property u.string defined earlier on the object */
  VM_PROP_CONSTRUCTOR, /* a constructor fn; its prototype is the intrinsic u.ctor.prototype
                          (made now if that is an empty host slot); the tables u.ctor.statics
                          and u.ctor.methods go on the constructor and the prototype */
} VMPropKind;

//> vm.prop-def
typedef struct VMPropDef {
  const char *name; /* the key; NULL when `symbol` is the key */
  uint8_t symbol;   /* 0, or 1 + the VMWellKnownSymbol that is the key */
  uint8_t kind;     /* VMPropKind */
  uint8_t attrs;    /* VM_ATTR_* of the property */
  int16_t length;   /* functions: their `length` */
  int16_t magic;    /* functions: what vm_native_magic returns while they run */
  NativeFn fn;      /* FUNCTION, CONSTRUCTOR; ACCESSOR: the getter (or NULL) */
  union {
    NativeFn setter; /* ACCESSOR (or NULL) */
    double number;
    const char *string;
    Value constant;
    int well_known; /* a VMWellKnownSymbol */
    const struct VMPropDef *props;
    struct {
      const struct VMPropDef *statics, *methods; /* either may be NULL */
      uint8_t prototype;                         /* an Intrinsic */
      uint8_t prototype_attrs;                   /* of ctor.prototype */
    } ctor;
  } u;
} VMPropDef;
//< vm.prop-def

/* Applies every row of table to obj, in order. Returns false with a TypeError pending if
 * obj refuses a property (it is not extensible, or has a non-configurable one). */
bool vm_define_props(VM *vm, Value obj, const VMPropDef *table);
/* The value one row describes, made fresh (any row but an alias or an accessor): for a
 * constructor row, the constructor, its prototype linked and both tables applied, bound
 * nowhere. VALUE_EXCEPTION if a table could not be applied. */
Value vm_prop_value(VM *vm, const VMPropDef *row);

/* A built-in method: writable and configurable, not enumerable (ECMAScript's default). */
#define VM_FN(name, fn, length) VM_METHOD(name, fn, length, 0, VM_ATTR_HIDDEN)
#define VM_FN_MAGIC(name, fn, length, magic) VM_METHOD(name, fn, length, magic, VM_ATTR_HIDDEN)
/* Enumerable too: how Node's own modules, written in JavaScript, assign their functions. */
#define VM_FN_ENUM(name, fn, length) VM_METHOD(name, fn, length, 0, VM_ATTR_DEFAULT)
#define VM_METHOD(name_, fn_, length_, magic_, attrs_)                                         \
  {.name = (name_), .kind = VM_PROP_FUNCTION, .attrs = (attrs_), .length = (length_),          \
   .magic = (magic_), .fn = (fn_)}
/* A method keyed by a well-known symbol, named "[Symbol.x]". */
#define VM_SYM_FN(sym, fn_, length_, attrs_)                                                   \
  {.symbol = 1 + (sym), .kind = VM_PROP_FUNCTION, .attrs = (attrs_), .length = (length_),      \
   .fn = (fn_)}
/* An accessor with a native getter and setter (NULL for none): configurable only. */
#define VM_GETSET(name, get, set) VM_GETSET_MAGIC(name, get, set, 0)
#define VM_GETSET_MAGIC(name_, get, set, magic_)                                               \
  {.name = (name_), .kind = VM_PROP_ACCESSOR, .attrs = VM_ATTR_CONFIGURABLE, .magic = (magic_), \
   .fn = (get), .u.setter = (set)}
#define VM_NUMBER(name_, value, attrs_)                                                        \
  {.name = (name_), .kind = VM_PROP_NUMBER, .attrs = (attrs_), .u.number = (value)}
#define VM_STRING(name_, value, attrs_)                                                        \
  {.name = (name_), .kind = VM_PROP_STRING, .attrs = (attrs_), .u.string = (value)}
/* A string keyed by a well-known symbol: [Symbol.toStringTag]. */
#define VM_SYM_STRING(sym, value, attrs_)                                                      \
  {.symbol = 1 + (sym), .kind = VM_PROP_STRING, .attrs = (attrs_), .u.string = (value)}
#define VM_CONSTANT(name_, value, attrs_)                                                      \
  {.name = (name_), .kind = VM_PROP_CONSTANT, .attrs = (attrs_), .u.constant = (value)}
#define VM_SYMBOL(name_, which, attrs_)                                                        \
  {.name = (name_), .kind = VM_PROP_SYMBOL, .attrs = (attrs_), .u.well_known = (which)}
#define VM_OBJECT(name_, table, attrs_)                                                        \
  {.name = (name_), .kind = VM_PROP_OBJECT, .attrs = (attrs_), .u.props = (table)}
/* The same value as the property `other` (trimLeft is trimStart). */
#define VM_ALIAS(name_, other, attrs_)                                                         \
  {.name = (name_), .kind = VM_PROP_ALIAS, .attrs = (attrs_), .u.string = (other)}
#define VM_SYM_ALIAS(sym, other, attrs_)                                                       \
  {.symbol = 1 + (sym), .kind = VM_PROP_ALIAS, .attrs = (attrs_), .u.string = (other)}
/* A constructor bound as a hidden property (a global, usually). Its `prototype` is not
 * writable, enumerable or configurable, as a built-in's or a class's; prototype.constructor
 * is hidden. */
#define VM_CONSTRUCTOR(name, fn, length, magic, proto, statics, methods)                       \
  VM_CONSTRUCTOR_ATTRS(name, fn, length, magic, proto, statics, methods, 0)
/* One that Node writes as a plain JavaScript `function` (EventEmitter): `prototype` is
 * writable. */
#define VM_FUNCTION_CONSTRUCTOR(name, fn, length, magic, proto, statics, methods)              \
  VM_CONSTRUCTOR_ATTRS(name, fn, length, magic, proto, statics, methods, VM_ATTR_WRITABLE)
#define VM_CONSTRUCTOR_ATTRS(name_, fn_, length_, magic_, proto, statics_, methods_, attrs_)   \
  {.name = (name_), .kind = VM_PROP_CONSTRUCTOR, .attrs = VM_ATTR_HIDDEN, .length = (length_), \
   .magic = (magic_), .fn = (fn_),                                                             \
   .u.ctor = {.prototype = (proto), .statics = (statics_), .methods = (methods_),              \
              .prototype_attrs = (attrs_)}}
#define VM_PROPS_END {.kind = VM_PROP_END}

/* ==== Classes (vm/class.c) ==== */

/* Every object has a class: a row of its VM's class table saying what the class is
 * called, how the collector traces and frees it, what Object.prototype.toString calls
 * it. The engine's own classes are listed here once; this list makes VMClass below,
 * vm/internal.h's ObjectClass and the rows of vm/class.c. */
#define VM_FOR_EACH_CLASS(C)                                                               \
  C(OBJECT) C(ARRAY) C(CLOSURE) C(NATIVE) C(BOUND) C(ERROR) C(BOOLEAN) C(NUMBER) C(STRING) \
  C(SYMBOL) C(ARGUMENTS) C(DATE) C(REGEXP) C(MAP) C(SET) C(WEAKMAP) C(WEAKSET) C(MAP_ITERATOR) \
  C(SET_ITERATOR) C(PROMISE) C(GENERATOR) C(ARRAY_BUFFER) C(DATA_VIEW) C(INT8_ARRAY)          \
  C(UINT8_ARRAY) C(UINT8_CLAMPED_ARRAY) C(INT16_ARRAY) C(UINT16_ARRAY) C(INT32_ARRAY)          \
  C(UINT32_ARRAY) C(FLOAT32_ARRAY) C(FLOAT64_ARRAY) C(ASYNC_FROM_SYNC_ITERATOR) C(PROXY)     \
  C(WEAK_REF) C(FINALIZATION_REGISTRY)

typedef enum VMClass {
#define VM_CLASS_ENUM(name) VM_CLASS_##name,
  VM_FOR_EACH_CLASS(VM_CLASS_ENUM)
#undef VM_CLASS_ENUM
  VM_CLASS_BUILTIN_COUNT, /* ids from here on belong to vm_class_register, per VM */
} VMClass;

/* A class defined above the engine (a Timeout, a Server, an iterator): its objects
 * carry one native pointer, `data`, which the collector sees through these hooks. */
typedef struct VMClassDef {
  const char *name;                  /* what V8 calls it: inspect's "[Timeout: null prototype]" */
  void (*trace)(VM *vm, void *data); /* vm_gc_mark each Value data holds; NULL: none */
  void (*finalize)(void *data);      /* free data; runs inside a collection: must not allocate */
} VMClassDef;

/* Add def's row to vm's class table (once; def must outlive vm). Returns its class id. */
VMClass vm_class_register(VM *vm, const VMClassDef *def);
/* A new object of the registered class def holding data, with prototype proto. */
Value vm_host_new(VM *vm, const VMClassDef *def, void *data, Value proto);
/* obj's data if obj is an object of class def, else NULL. */
void *vm_host_data(VM *vm, Value obj, const VMClassDef *def);
VMClass vm_object_class(Value obj); /* obj must be an object; a registered class's id as is */
const char *vm_class_name(VM *vm, Value obj); /* V8's name for obj's class: "Arguments" */
const char *vm_class_tag(VM *vm, Value obj);  /* Object.prototype.toString's builtinTag */
/* Make an object of a class with a fixed layout (Boolean/Number/String/Symbol/Date/RegExp,
 * Object/Error/Arguments, ...) with prototype proto; classes with an inner slot (the
 * [[PrimitiveValue]] of a boxed primitive, a Date's time value) hold `inner`. PANICs for
 * a class that has its own constructor (arrays, functions, registered classes). */
Value vm_object_of_class(VM *vm, VMClass cls, Value proto, Value inner);
Value vm_inner_value(Value obj); /* that inner slot; undefined for a class without one */
/* Replace that inner slot (Date's setters); PANICs for a class without one. The collector
 * needs no barrier: it is not incremental. */
void vm_set_inner_value(Value obj, Value inner);

/* ==== Maps and sets (vm/collection.c) ====
 *
 * The hash table behind Map, Set, WeakMap and WeakSet (a Set's values are undefined):
 * keys compare with SameValueZero, entries keep insertion order, and iterators are live
 * (they see entries added while they run and skip deleted ones). None of these run
 * JavaScript; `map` must be an object of one of the four classes (they PANIC if not). A
 * weak table's entry dies with its key: only objects and unregistered symbols should be
 * keys there (the caller checks). */
typedef enum VMMapIterKind { VM_MAP_KEYS, VM_MAP_VALUES, VM_MAP_ENTRIES } VMMapIterKind;

/* A new empty table of class cls (VM_CLASS_MAP, _SET, _WEAKMAP or _WEAKSET). */
Value vm_map_new(VM *vm, VMClass cls, Value proto);
uint32_t vm_map_size(Value map);
bool vm_map_get(Value map, Value key, Value *value); /* false if absent; value may be NULL */
/* Add or replace key's entry. RangeError past V8's 2^24 entries. May collect once the
 * entry is in (the heap limit): map must be rooted, key and value need not be. */
Value vm_map_set(VM *vm, Value map, Value key, Value value);
bool vm_map_delete(VM *vm, Value map, Value key); /* false if absent */
void vm_map_clear(VM *vm, Value map);
/* The first live entry at or after *position, stepping *position past it; false at the
 * end. Start at 0. No allocation, so it is safe for inspect. */
bool vm_map_entry(Value map, uint32_t *position, Value *key, Value *value);
/* A Map Iterator (for a Map) or Set Iterator over map, with prototype proto. */
Value vm_map_iterator_new(VM *vm, Value map, VMMapIterKind kind, Value proto);
/* iter's next entry; false once it is done (it then stays done). iter must be one. */
bool vm_map_iterator_next(Value iter, Value *key, Value *value);
/* What iter would walk, without advancing it: its table (undefined when done), where it
 * stands (for vm_map_entry) and its kind. */
Value vm_map_iterator_peek(Value iter, uint32_t *position, VMMapIterKind *kind);

/* ==== WeakRef and FinalizationRegistry (vm/weakref.c) ====
 *
 * Targets and tokens are held weakly: only objects and unregistered symbols belong there
 * (the caller checks CanBeHeldWeakly). A WeakRef's target stays alive at least until
 * vm_clear_kept_objects, which the host calls when a job and its microtasks are done. */
bool vm_is_weak_ref(Value v);
bool vm_is_registry(Value v);
Value vm_weak_ref_new(VM *vm, Value target, Value proto);
Value vm_weak_ref_deref(VM *vm, Value ref); /* the target, or undefined once collected */
void vm_clear_kept_objects(VM *vm);
Value vm_registry_new(VM *vm, Value cleanup, Value proto);
/* Register target (token: undefined for none). The arguments need no roots. */
void vm_registry_register(VM *vm, Value registry, Value target, Value holdings, Value token);
bool vm_registry_unregister(VM *vm, Value registry, Value token); /* false if none had it */
/* The next cleanup to run: a registry's callback and the holdings of one dead target,
 * in the order the collector found them; false when none is left. No allocation. */
bool vm_finalization_next(VM *vm, Value *cleanup, Value *holdings);

/* ==== Array buffers, typed arrays and data views (vm/typedarray.c) ====
 *
 * An ArrayBuffer owns a block of bytes (resizable up to its maxByteLength, or fixed); a
 * view (a typed array or a DataView) sees a window of one: a byte offset and a length,
 * or, for a length-tracking view of a resizable buffer, everything from the offset on.
 * Typed arrays are the integer-indexed exotic objects: their elements live in the buffer,
 * and the object model (vm/object.c) serves every canonical numeric key from there. */
typedef enum VMTypedKind { /* in the order of the classes VM_CLASS_INT8_ARRAY.. */
  VM_TYPED_INT8, VM_TYPED_UINT8, VM_TYPED_UINT8_CLAMPED, VM_TYPED_INT16, VM_TYPED_UINT16,
  VM_TYPED_INT32, VM_TYPED_UINT32, VM_TYPED_FLOAT32, VM_TYPED_FLOAT64, VM_TYPED_COUNT,
} VMTypedKind;
#define VM_LENGTH_AUTO SIZE_MAX /* a fixed-length buffer, or a length-tracking view */
/* V8's largest ArrayBuffer byteLength (and DataView/typed array window) tinynode accepts. */
#define VM_BUFFER_MAX ((size_t)1 << 31)

typedef struct VMBufferInfo {
  uint8_t *data;         /* the bytes (NULL when empty) */
  size_t length;         /* byteLength */
  size_t max_length;     /* maxByteLength (== length for a fixed buffer) */
  bool resizable;
} VMBufferInfo;

typedef struct VMViewInfo {
  Value buffer;          /* the ArrayBuffer */
  int kind;              /* a VMTypedKind, or -1 for a DataView */
  size_t offset;         /* byteOffset as made */
  size_t length;         /* elements (bytes for a DataView) now; 0 when out of bounds */
  size_t byte_length;    /* length times the element size */
  bool tracking;         /* the length follows the buffer */
  bool out_of_bounds;    /* the buffer shrank below the window */
  uint8_t *data;         /* the first byte of the window (valid until the next resize) */
} VMViewInfo;

int vm_typed_size(int kind);                  /* bytes per element of a VMTypedKind */
const char *vm_typed_name(int kind);          /* "Uint8Array" */
/* A new zeroed buffer of length bytes (resizable up to max_length unless that is
 * VM_LENGTH_AUTO) with prototype proto; RangeError "Array buffer allocation failed". */
Value vm_array_buffer_new(VM *vm, size_t length, size_t max_length, Value proto);
bool vm_array_buffer_info(Value v, VMBufferInfo *out); /* false unless v is an ArrayBuffer */
/* Resize a resizable buffer (new_length <= its max_length): new bytes are zero. */
void vm_array_buffer_resize(VM *vm, Value buffer, size_t new_length);
/* A view of class cls (VM_CLASS_DATA_VIEW or a typed array class) on buffer: offset in
 * bytes, length in elements, or VM_LENGTH_AUTO to track a resizable buffer. The caller
 * has checked the window fits. */
Value vm_array_view_new(VM *vm, VMClass cls, Value buffer, size_t offset, size_t length,
                        Value proto);
bool vm_array_view_info(Value v, VMViewInfo *out); /* false unless v is a view */
int vm_typed_kind(Value v); /* v's VMTypedKind, or -1 unless a typed array */
/* One element at p: loaded as a number; stored after the kind's conversion (ToInt8,
 * ToUint8Clamp, ...). little: the byte order (typed arrays use the machine's, which
 * tinynode takes to be little-endian). */
double vm_typed_load(const uint8_t *p, int kind, bool little);
void vm_typed_store(uint8_t *p, int kind, double d, bool little);
/* A typed array's element `index` now (undefined past its length), and TypedArraySetElement
 * with a number: stored if index is still a valid index, else nothing happens. */
Value vm_typed_get(Value ta, double index);
void vm_typed_set(Value ta, double index, double d);

/* ==== Roots held by C code ==== */

/* A stack of handles: values pushed stay alive until the stack is reset to a mark,
 * or until the native or vm_call that pushed them returns (the call owns the scope),
 * whichever comes first. Reset inside a loop that pushes, or the stack fills up. */
int vm_handle_mark(VM *vm);
void vm_handle_reset(VM *vm, int mark);
Value vm_handle_push(VM *vm, Value v); /* returns v */
/* Pins: values the host holds across event-loop turns. */
int32_t vm_pin(VM *vm, Value v);
Value vm_pinned(VM *vm, int32_t pin);
void vm_unpin(VM *vm, int32_t pin);
/* Tell the collector about a value inside a host object's trace hook. */
void vm_gc_mark(VM *vm, Value v);

/* ==== Reflection (vm/reflect.c): what built-ins and inspect need to see ==== */

/* One own property as it is stored: a data value, or a getter/setter pair. */
typedef struct PropertyInfo {
  Value value;           /* data properties */
  Value getter, setter;  /* accessors: undefined when absent */
  int attrs;             /* VM_ATTR_* bits (for accessors, WRITABLE is meaningless) */
  bool is_accessor;
} PropertyInfo;

/* The own property key of obj, without running any code. False if absent. For arrays
 * this includes the elements and `length`; for boxed strings their indices and length
 * (a character comes back as a fresh, unrooted string: root it before allocating). */
bool vm_get_own_property(VM *vm, Value obj, Value key, PropertyInfo *out);
/* Own keys in spec order, as an array. flags: VM_KEYS_* bits. */
enum { VM_KEYS_STRINGS = 1, VM_KEYS_SYMBOLS = 2, VM_KEYS_HIDDEN = 4 /* non-enumerable too */ };
Value vm_own_property_keys(VM *vm, Value obj, int flags);
/* [[DefineOwnProperty]] with ValidateAndApplyPropertyDescriptor: fields the caller does
 * not set keep their old value (has_* flags say which are given). Returns true, false
 * (rejected), or VALUE_EXCEPTION. */
typedef struct PropertyDescriptor {
  Value value, getter, setter;
  bool has_value, has_getter, has_setter, has_writable, has_enumerable, has_configurable;
  bool writable, enumerable, configurable;
} PropertyDescriptor;
Value vm_define_property(VM *vm, Value obj, Value key, const PropertyDescriptor *desc);
/* ToPropertyDescriptor(obj): true, or VALUE_EXCEPTION (V8's TypeErrors). The values it
 * reads stay on the handle stack. */
Value vm_to_property_descriptor(VM *vm, Value obj, PropertyDescriptor *d);
/* FromPropertyDescriptor: a new object with exactly the fields d has. */
Value vm_from_property_descriptor(VM *vm, const PropertyDescriptor *d);
Value vm_delete_property(VM *vm, Value obj, Value key); /* true/false/exception */
Value vm_set_prototype(VM *vm, Value obj, Value proto); /* true/false (cycle, frozen) */
bool vm_prevent_extensions(VM *vm, Value obj);          /* an ordinary object the caller made */
bool vm_is_extensible(Value obj);                       /* the same; a proxy answers false */

/* The internal methods for any object, exotic ones included (a proxy runs its handler's
 * traps, so each may run JavaScript and returns VALUE_EXCEPTION on a throw).
 * vm_define_property, vm_delete_property, vm_set_prototype and vm_own_property_keys
 * above are already of this kind; vm_get_own_property and vm_prototype_of look only at
 * what is stored (a proxy has nothing), for inspect. */
Value vm_own_property(VM *vm, Value obj, Value key, PropertyInfo *out); /* true/false */
Value vm_get_prototype_of(VM *vm, Value obj);                           /* an object or null */
Value vm_object_is_extensible(VM *vm, Value obj);                       /* true/false */
Value vm_object_prevent_extensions(VM *vm, Value obj);                  /* true/false */
Value vm_has_property(VM *vm, Value obj, Value key);                    /* key in obj: true/false */
/* IsArray(v): sees through proxies to their targets; TypeError for a revoked proxy. */
Value vm_is_array_checked(VM *vm, Value v);

/* Proxies (vm/proxy.c). A new proxy, or TypeError when target or handler is not an
 * object; revoking drops both for good. */
Value vm_proxy_new(VM *vm, Value target, Value handler);
void vm_proxy_revoke(Value proxy);
bool vm_is_proxy(Value v);
Value vm_proxy_target(Value proxy);  /* null once revoked */
Value vm_proxy_handler(Value proxy); /* null once revoked */

/* The kind of a callable, for inspect's [Function: f] / [class A] / [AsyncFunction: f]. */
typedef enum VMFunctionKind {
  VM_FN_NORMAL, VM_FN_ARROW, VM_FN_CLASS, VM_FN_ASYNC, VM_FN_GENERATOR, VM_FN_ASYNC_GENERATOR,
  VM_FN_NATIVE, VM_FN_BOUND, VM_FN_PROXY,
} VMFunctionKind;
VMFunctionKind vm_function_kind(Value fn);
Value vm_symbol_new(VM *vm, Value description); /* description: string or undefined */
Value vm_symbol_description(Value sym);          /* a string, or undefined */
typedef enum VMWellKnownSymbol {
  VM_SYMBOL_ITERATOR, VM_SYMBOL_ASYNC_ITERATOR, VM_SYMBOL_HAS_INSTANCE, VM_SYMBOL_TO_PRIMITIVE,
  VM_SYMBOL_TO_STRING_TAG, VM_SYMBOL_MATCH, VM_SYMBOL_MATCH_ALL, VM_SYMBOL_REPLACE,
  VM_SYMBOL_SEARCH, VM_SYMBOL_SPLIT, VM_SYMBOL_SPECIES, VM_SYMBOL_IS_CONCAT_SPREADABLE,
  VM_SYMBOL_UNSCOPABLES,
} VMWellKnownSymbol;
Value vm_well_known_symbol(VM *vm, VMWellKnownSymbol which);

/* Strings by code unit. */
uint16_t vm_string_unit(Value string, uint32_t index);
/* The string's units in place, valid until the next allocation: uint16_t units when
 * *wide, else Latin-1 bytes; *length of them. (The RegExp engine reads them there.) */
const void *vm_string_data(Value string, size_t *length, bool *wide);
Value vm_string_from_units(VM *vm, const uint16_t *units, size_t length);
Value vm_string_slice(VM *vm, Value string, uint32_t start, uint32_t end);
int vm_string_compare(Value a, Value b); /* <0, 0, >0 by code units */
Value vm_number_to_string(VM *vm, double d); /* Number::toString(10) as a string Value */

/* Arrays: element i (VALUE_HOLE for a hole), set element i (extends), set length. */
Value vm_array_get_raw(Value arr, uint32_t index);
bool vm_array_set(VM *vm, Value arr, uint32_t index, Value v);
bool vm_array_set_length(VM *vm, Value arr, uint32_t length);
Value vm_array_with_capacity(VM *vm, uint32_t capacity);

/* ToPropertyKey: an interned string or a symbol, or VALUE_EXCEPTION (toString may run). */
Value vm_to_property_key(VM *vm, Value v);
/* Functions and errors for the built-ins. */
void vm_native_set_constructor(Value fn, bool is_constructor); /* may `new` call it? */
bool vm_is_constructor(Value v); /* IsConstructor(v) */
/* Function.prototype.bind's exotic object: calls target with bound_this and argv first.
 * Its prototype is target's [[GetPrototypeOf]] (VALUE_EXCEPTION if a proxy's trap throws);
 * the caller defines `name` and `length`. */
Value vm_bound_new(VM *vm, Value target, Value bound_this, int argc, const Value *argv);
Value vm_bound_target(Value fn); /* undefined unless fn is a bound function */
bool vm_is_constructor(Value v); /* IsConstructor: may `new` be applied to v? */
/* A closure's source text (for toString), or undefined when it is not known. */
Value vm_function_source(VM *vm, Value fn);
/* Called from a native: a new error object (class Error) with prototype proto (or the
 * kind's intrinsic when proto is not an object), own hidden `message` unless message is
 * undefined, and `stack` from the frames below the calling native. Exception if a
 * `name`/`message` getter throws. */
Value vm_error_new(VM *vm, ErrorKind kind, Value message, Value proto);
/* Error.captureStackTrace: define obj.stack as "name: message" plus the frames below the
 * calling native (and below the innermost call of `above`, if it is a function).
 * Returns undefined or VALUE_EXCEPTION. */
Value vm_capture_stack_trace(VM *vm, Value obj, Value above);
/* The same frames for Error.prepareStackTrace, each as an array: [text, fileName, line,
 * column, functionName, typeName, methodName, this, function, flags] (flags: 1 top-level,
 * 2 constructor, 4 async, 8 strict); text is the frame's line without "at ". */
Value vm_call_site_records(VM *vm, Value above);
bool vm_is_closure(Value v); /* a function written in JavaScript (not a native) */

/* The built-in Array.prototype.values and %ArrayIteratorPrototype%.next. While an array
 * still reaches these two, for-of and spread iterate it by index, unobservably. */
void vm_register_array_iteration(VM *vm, Value values, Value next);

/* ==== Promises and generators (vm/promise.c, vm/generator.c) ==== */

typedef enum VMPromiseState {
  VM_PROMISE_PENDING, VM_PROMISE_FULFILLED, VM_PROMISE_REJECTED,
} VMPromiseState;

bool vm_is_promise(Value v);
/* p's state; *result gets its value or reason (undefined while pending). */
VMPromiseState vm_promise_state(Value p, Value *result);
/* A new pending promise with prototype proto (%Promise.prototype% if not an object). */
Value vm_promise_new(VM *vm, Value proto);
/* What a promise's resolve function does: fulfill, reject a cycle, or adopt a thenable
 * (its `then` is called in a job). Never throws: a throwing `then` getter rejects p. */
void vm_promise_resolve(VM *vm, Value p, Value resolution);
void vm_promise_reject(VM *vm, Value p, Value reason);
/* CreateResolvingFunctions(p): returns resolve, *reject gets reject (both unrooted). */
Value vm_promise_resolving_functions(VM *vm, Value p, Value *reject);
/* PerformPromiseThen(p, on_fulfilled, on_rejected, capability): capability is undefined,
 * a built-in promise to resolve with the handler's result, or [promise, resolve, reject]. */
void vm_promise_then(VM *vm, Value p, Value on_fulfilled, Value on_rejected, Value capability);
/* The stdlib hands the engine %Promise% (await's PromiseResolve compares constructors). */
void vm_register_promise(VM *vm, Value ctor);
/* Queue job() as a promise job (queueMicrotask), after the ones already queued. */
void vm_enqueue_job(VM *vm, Value job, Value arg);
Value vm_promise_constructor(VM *vm); /* undefined before vm_register_promise */
/* %GeneratorPrototype%.next/return/throw (magic: ResumeMode 0, 2, 1). The interpreter
 * resumes a generator called through this native without re-entering C. */
Value vm_generator_method(VM *vm, Value this_value, int argc, Value *argv);
/* %AsyncGeneratorPrototype%.next/return/throw (the same magic): each returns a promise. */
Value vm_async_generator_method(VM *vm, Value this_value, int argc, Value *argv);
/* %AsyncFromSyncIteratorPrototype%.next, .throw and .return (magic: a ResumeMode). */
Value vm_async_from_sync_method(VM *vm, Value this_value, int argc, Value *argv);

/* ==== The realm ==== */

typedef enum Intrinsic {
  INTRINSIC_GLOBAL,
  INTRINSIC_OBJECT_PROTOTYPE,
  INTRINSIC_FUNCTION_PROTOTYPE,
  INTRINSIC_ARRAY_PROTOTYPE,
  INTRINSIC_STRING_PROTOTYPE,
  INTRINSIC_NUMBER_PROTOTYPE,
  INTRINSIC_BOOLEAN_PROTOTYPE,
  INTRINSIC_SYMBOL_PROTOTYPE,
  INTRINSIC_ERROR_PROTOTYPE, /* then one per ErrorKind, in ErrorKind order: */
  INTRINSIC_TYPE_ERROR_PROTOTYPE,
  INTRINSIC_RANGE_ERROR_PROTOTYPE,
  INTRINSIC_REFERENCE_ERROR_PROTOTYPE,
  INTRINSIC_SYNTAX_ERROR_PROTOTYPE,
  INTRINSIC_EVAL_ERROR_PROTOTYPE,
  INTRINSIC_URI_ERROR_PROTOTYPE,
  INTRINSIC_ITERATOR_PROTOTYPE,
  INTRINSIC_ARRAY_ITERATOR_PROTOTYPE,
  INTRINSIC_STRING_ITERATOR_PROTOTYPE,
  INTRINSIC_PROMISE_PROTOTYPE,
  INTRINSIC_GENERATOR_PROTOTYPE,          /* %GeneratorFunction.prototype.prototype% */
  INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE, /* %GeneratorFunction.prototype% */
  INTRINSIC_ASYNC_FUNCTION_PROTOTYPE,     /* %AsyncFunction.prototype% */
  INTRINSIC_ASYNC_GENERATOR_PROTOTYPE,
  INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE,
  INTRINSIC_ASYNC_ITERATOR_PROTOTYPE,
  INTRINSIC_ASYNC_FROM_SYNC_ITERATOR_PROTOTYPE, /* for await over a sync iterable */
  INTRINSIC_THROW_TYPE_ERROR, /* %ThrowTypeError%: strict arguments.callee's accessor */
  INTRINSIC_EVAL,             /* %eval%: a call of it by the name eval is a direct eval */
  INTRINSIC_COUNT,            /* the engine's: vm_new makes every one above */
  /* Then slots that the layers above name (stdlib/stdlib.h: StdlibIntrinsic) and fill
   * with vm_set_intrinsic: their prototypes and functions, one set per realm. They are
   * undefined until filled, and the collector marks them. */
  INTRINSIC_HOST_FIRST = INTRINSIC_COUNT,
  INTRINSIC_HOST_END = INTRINSIC_HOST_FIRST + 72,
} Intrinsic;

/* The global lexical record: an object without a prototype whose own keys are the let,
 * const and class names of every script's top level so far (the REPL completes them).
 * A name in its TDZ holds a hole; read its keys, never write to it. */
Value vm_global_lexicals(VM *vm);
/* The realm's intrinsic `which` (an Intrinsic, or a host slot named by a layer above): an
 * object, or for a host slot whatever was stored there. */
Value vm_intrinsic(VM *vm, int which);
/* Fills host slot `which` (INTRINSIC_HOST_FIRST <= which < INTRINSIC_HOST_END). */
void vm_set_intrinsic(VM *vm, int which, Value v);
Value vm_global(VM *vm);

/* ==== Per-VM state of the layers above ====
 *
 * C state that a layer above keeps for each VM (the console's counters, inspect's
 * default options, Math.random's seed) hangs off the VM, never in a file-level static,
 * so that two VMs in one process never see each other's. Each kind of state is named by
 * one static const VMStateType; vm_state finds this VM's copy, making it on first use,
 * and vm_free cleans it up. JavaScript values go in intrinsics instead: the collector
 * does not look inside these. */
typedef struct VMStateType {
  const char *name;             /* for gdb */
  size_t size;                  /* bytes: zeroed, then init */
  void (*init)(void *state);    /* may be NULL */
  void (*cleanup)(void *state); /* frees what the state owns (not the state); may be NULL */
} VMStateType;

void *vm_state(VM *vm, const VMStateType *type); /* never NULL; owned by the VM */

#endif

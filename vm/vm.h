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
} VMHooks;

/* A native part of a host object: how to trace the Values it holds, how to free it. */
typedef struct HostClass {
  const char *name;
  void (*trace)(VM *vm, void *data);
  void (*finalize)(void *data);
} HostClass;

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

/* ==== Running code ==== */

/* Compile source into a function. In COMPILE_MODULE the function takes the five
 * wrapper parameters. On a syntax error returns VALUE_EXCEPTION with a SyntaxError
 * pending and its site recorded (vm_exception_site). */
Value vm_compile(VM *vm, const char *source, size_t length, const char *filename,
                 CompileMode mode);
/* Call fn (or `new ctor`) from C. The call owns a handle scope: nothing the callee
 * pushes outlives it. The result is not rooted: root it before allocating. Throws
 * RangeError when the C stack is nearly full (natives re-enter here recursively). */
Value vm_call(VM *vm, Value fn, Value this_value, int argc, const Value *argv);
Value vm_construct(VM *vm, Value ctor, int argc, const Value *argv);

/* --dump-bytecode: disassemble fn and every function nested in it. */
void vm_disassemble(VM *vm, Value fn, FILE *out);
/* --trace: print each instruction executed to out (NULL turns it off). */
void vm_set_trace(VM *vm, FILE *out);

/* ==== Exceptions ==== */

Value vm_throw(VM *vm, Value exception); /* returns VALUE_EXCEPTION */
Value vm_throw_error(VM *vm, ErrorKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool vm_has_exception(VM *vm);
/* Start unwinding every frame without running catch or finally blocks (process.exit).
 * Returns VALUE_EXCEPTION; vm_take_exception ends the termination. */
Value vm_terminate(VM *vm);
bool vm_is_terminating(VM *vm);
Value vm_take_exception(VM *vm); /* clears it */
/* Where the pending or last-taken exception was thrown (or the syntax error is). */
SourceSite vm_exception_site(VM *vm);
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
bool vm_truthy(Value v);
bool vm_strict_equals(Value a, Value b);
bool vm_same_value_zero(Value a, Value b);
Value vm_typeof(VM *vm, Value v);      /* a string Value */
bool vm_is_callable(Value v);
bool vm_is_array(Value v);
bool vm_is_error(Value v);
/* Number::toString(10): the shortest digits that round-trip. Writes to buf (>= 32 bytes). */
const char *vm_number_to_cstr(double d, char *buf);
double vm_cstr_to_number(const char *s, size_t length); /* StringToNumber; NaN if invalid */

/* ==== Strings ==== */

Value vm_string(VM *vm, const char *utf8);
Value vm_string_n(VM *vm, const char *utf8, size_t length);
char *vm_to_utf8(VM *vm, Value string, size_t *length); /* malloc'd; string must be a string */
uint32_t vm_string_length(Value string);                /* in UTF-16 units */
Value vm_string_concat(VM *vm, Value a, Value b);
Value vm_atom(VM *vm, const char *utf8);                /* an interned string */

/* ==== Objects ==== */

Value vm_object_new(VM *vm);                          /* {} */
Value vm_object_with_proto(VM *vm, Value proto);       /* Object.create(proto) */
Value vm_array_new(VM *vm);                           /* [] */
Value vm_get(VM *vm, Value obj, Value key);           /* obj[key], any key */
Value vm_get_str(VM *vm, Value obj, const char *key);
Value vm_set(VM *vm, Value obj, Value key, Value v);  /* obj[key] = v */
Value vm_set_str(VM *vm, Value obj, const char *key, Value v);
/* Define an own data property; attrs are VM_ATTR_* bits. Returns false on exception. */
bool vm_define_str(VM *vm, Value obj, const char *key, Value v, int attrs);
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

/* ==== Functions ==== */

Value vm_native_new(VM *vm, const char *name, NativeFn fn, int length);
/* A native that can see `data` through vm_native_data while it runs. */
Value vm_native_with_data(VM *vm, const char *name, NativeFn fn, int length, Value data);
Value vm_native_data(VM *vm);
/* Inside a native: the constructor `new` was applied to, or undefined for a call. */
Value vm_new_target(VM *vm);
/* Define a hidden native method obj.name. Returns false on exception. */
bool vm_define_method(VM *vm, Value obj, const char *name, NativeFn fn, int length);
Value vm_function_name(VM *vm, Value fn); /* a string; "" if anonymous */

/* ==== Host objects ==== */

Value vm_host_new(VM *vm, const HostClass *cls, void *data, Value proto);
void *vm_host_data(Value obj, const HostClass *cls); /* NULL if obj is not of that class */

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
Value vm_delete_property(VM *vm, Value obj, Value key); /* true/false/exception */
Value vm_set_prototype(VM *vm, Value obj, Value proto); /* true/false (cycle, frozen) */
bool vm_prevent_extensions(VM *vm, Value obj);
bool vm_is_extensible(Value obj);

/* What kind of object this is (mirrors the engine's ObjectClass). */
typedef enum VMClass {
  VM_CLASS_OBJECT, VM_CLASS_ARRAY, VM_CLASS_CLOSURE, VM_CLASS_NATIVE, VM_CLASS_BOUND,
  VM_CLASS_ERROR, VM_CLASS_BOOLEAN, VM_CLASS_NUMBER, VM_CLASS_STRING, VM_CLASS_SYMBOL,
  VM_CLASS_ARGUMENTS, VM_CLASS_DATE, VM_CLASS_REGEXP, VM_CLASS_MAP, VM_CLASS_SET,
  VM_CLASS_PROMISE, VM_CLASS_GENERATOR, VM_CLASS_FOR_IN, VM_CLASS_HOST,
} VMClass;
VMClass vm_object_class(Value obj); /* obj must be an object */
/* The kind of a callable, for inspect's [Function: f] / [class A] / [AsyncFunction: f]. */
typedef enum VMFunctionKind {
  VM_FN_NORMAL, VM_FN_ARROW, VM_FN_CLASS, VM_FN_ASYNC, VM_FN_GENERATOR, VM_FN_ASYNC_GENERATOR,
  VM_FN_NATIVE, VM_FN_BOUND,
} VMFunctionKind;
VMFunctionKind vm_function_kind(Value fn);
/* Make an object of a given class (Boolean/Number/String/Symbol/Date/Error/...) whose
 * hidden [[PrimitiveValue]]-style slot is `inner`, with prototype proto. */
Value vm_object_of_class(VM *vm, VMClass cls, Value proto, Value inner);
Value vm_inner_value(Value obj); /* that hidden slot (boxed primitive, Date time value) */
Value vm_symbol_new(VM *vm, Value description); /* description: string or undefined */
Value vm_symbol_description(Value sym);          /* a string, or undefined */
typedef enum VMWellKnownSymbol {
  VM_SYMBOL_ITERATOR, VM_SYMBOL_ASYNC_ITERATOR, VM_SYMBOL_HAS_INSTANCE, VM_SYMBOL_TO_PRIMITIVE,
  VM_SYMBOL_TO_STRING_TAG,
} VMWellKnownSymbol;
Value vm_well_known_symbol(VM *vm, VMWellKnownSymbol which);

/* Strings by code unit. */
uint16_t vm_string_unit(Value string, uint32_t index);
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
/* Function.prototype.bind's exotic object: calls target with bound_this and argv first.
 * Its prototype is target's; the caller defines `name` and `length`. */
Value vm_bound_new(VM *vm, Value target, Value bound_this, int argc, const Value *argv);
Value vm_bound_target(Value fn); /* undefined unless fn is a bound function */
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

/* The built-in Array.prototype.values and %ArrayIteratorPrototype%.next. While an array
 * still reaches these two, for-of and spread iterate it by index, unobservably. */
void vm_register_array_iteration(VM *vm, Value values, Value next);

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
  INTRINSIC_COUNT
} Intrinsic;

Value vm_intrinsic(VM *vm, Intrinsic which);
Value vm_global(VM *vm);

#endif

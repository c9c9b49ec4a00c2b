/* builtins.h - private header of stdlib/'s ECMAScript built-ins (Object, Function,
 * Array, String, Number, Boolean, Math, Error, Symbol, JSON, Date).
 * Book: chapter 7, "The standard library".
 *
 * Each file exposes one install function that puts a constructor on the global object
 * and methods on the realm's prototypes; builtins_install_all calls them in the order
 * below. The helpers are what every native function needs: its arguments, checks on
 * `this`, the spec's small conversions, and V8's wording for common TypeErrors.
 */
#ifndef TN_STDLIB_BUILTINS_H
#define TN_STDLIB_BUILTINS_H

#include "stdlib/ecma/ecma.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

/* ==== Install functions, in the order builtins_install_all runs them ==== */

void builtins_install_object(VM *vm); /* Object, Object.prototype (stdlib/ecma/object.c) */
void builtins_install_function(VM *vm); /* Function, call/apply/bind (stdlib/ecma/function.c) */
void builtins_install_error(VM *vm); /* Error and its six subclasses (stdlib/ecma/error.c) */
/* Error.prepareStackTrace, if it is a function, makes error's stack from the frames
 * below above (as vm_call_site_records): undefined or an exception (ecma/callsite.c). */
Value callsite_prepare(VM *vm, Value error, Value above);
void builtins_install_symbol(VM *vm); /* Symbol (stdlib/ecma/symbol.c) */
void builtins_install_array(VM *vm); /* Array, array iterators (stdlib/ecma/array.c) */
void builtins_install_string(VM *vm); /* String (stdlib/ecma/string.c) */
void builtins_install_number(VM *vm); /* Number, Boolean, Math, parseInt... (stdlib/ecma/number.c) */
void builtins_install_json(VM *vm); /* JSON (stdlib/ecma/json.c) */
void builtins_install_date(VM *vm); /* Date (stdlib/ecma/date.c) */
void builtins_install_regexp(VM *vm); /* RegExp (stdlib/ecma/regexp.c, regexp_string.c) */

/* ==== What String.prototype asks of RegExp (stdlib/ecma/regexp_string.c) ==== */

/* String.prototype.match (magic VM_SYMBOL_MATCH), matchAll (VM_SYMBOL_MATCH_ALL) and
 * search (VM_SYMBOL_SEARCH): the argument's symbol method, or a new RegExp made from it
 * ("g" for matchAll) and that RegExp's method. */
Value builtins_string_match(VM *vm, Value this_value, int argc, Value *argv);
/* For replace, replaceAll and split: when arg is neither undefined nor null and has a
 * `which` method, its result on (this_value, second), argc (1 or 2) of them; VALUE_HOLE
 * when the string algorithm should go on. */
Value builtins_string_by_symbol(VM *vm, Value this_value, Value arg, VMWellKnownSymbol which,
                                int argc, Value second);
/* matchAll and replaceAll: a RegExp argument (IsRegExp) must have the g flag, else
 * TypeError "String.prototype.<name> called with a non-global RegExp argument".
 * undefined or VALUE_EXCEPTION. */
Value builtins_string_check_global(VM *vm, Value arg, const char *name);
void builtins_install_map(VM *vm); /* Map, Set, WeakMap, WeakSet (stdlib/ecma/map.c) */
void builtins_install_generator(VM *vm); /* generator objects (stdlib/ecma/generator.c) */
void builtins_install_promise(VM *vm); /* Promise, queueMicrotask (stdlib/ecma/promise.c) */
void builtins_install_uri(VM *vm); /* encodeURI(Component), decodeURI(Component) (uri.c) */
void builtins_install_array_buffer(VM *vm); /* ArrayBuffer (stdlib/ecma/arraybuffer.c) */
void builtins_install_data_view(VM *vm); /* DataView (stdlib/ecma/dataview.c) */
void builtins_install_typed_array(VM *vm); /* the typed arrays (stdlib/ecma/typedarray.c) */
/* An Array Iterator over target (keys 0, values 1, entries 2), as Array.prototype.values. */
Value builtins_array_iterator(VM *vm, Value target, int kind);
/* ToIndex(v) into *out: RangeError `message` (V8's, for the caller) unless an integer in
 * [0, 2^53-1]; false with the exception pending. */
bool builtins_to_index(VM *vm, Value v, const char *message, double *out);
/* GetPrototypeFromConstructor(new.target, fallback intrinsic slot): false on exception. */
bool builtins_prototype_from(VM *vm, Value new_target, int slot, Value *out);
/* SpeciesConstructor(obj, fallback): obj.constructor[Symbol.species], the fallback when
 * either is undefined (or null), or VALUE_EXCEPTION with V8's messages. */
Value builtins_species_constructor(VM *vm, Value obj, Value fallback);
/* IsRegExp(v) (ecma/regexp.c): 1, 0, or -1 on exception (a Symbol.match getter may throw). */
int builtins_is_regexp(VM *vm, Value v);
/* get [Symbol.species]() { return this; }: the getter of every constructor that has one
 * (Array, Map, Set, Promise, RegExp, ArrayBuffer, %TypedArray%); the row below. */
Value builtins_species_get(VM *vm, Value this_value, int argc, Value *argv);
#define BUILTINS_SPECIES_GETTER                                                                    \
  {                                                                                                \
    .symbol = 1 + VM_SYMBOL_SPECIES, .kind = VM_PROP_ACCESSOR, .attrs = VM_ATTR_CONFIGURABLE,      \
    .fn = builtins_species_get                                                                     \
  }
/* Function(p1, ..., pn, body) and the generator and async constructors (ecma/function.c);
 * the magic is the VMFunctionKind. */
Value builtins_function_construct(VM *vm, Value this_value, int argc, Value *argv);
void builtins_install_reflect(VM *vm); /* Reflect (stdlib/ecma/reflect.c) */
void builtins_install_proxy(VM *vm);   /* Proxy, Proxy.revocable (stdlib/ecma/proxy.c) */
void builtins_install_weak_ref(VM *vm); /* WeakRef, FinalizationRegistry (ecma/weakref.c) */
/* CanBeHeldWeakly: an object, or a symbol that Symbol.for did not make (map.c). */
bool builtins_can_be_held_weakly(VM *vm, Value v);

/* ==== Arguments and `this` ==== */

static inline Value builtins_arg(int argc, const Value *argv, int i) {
  return i < argc ? argv[i] : VALUE_UNDEFINED;
}

/* ToIntegerOrInfinity(v) into *out; false with an exception pending. */
bool builtins_to_integer(VM *vm, Value v, double *out);
/* LengthOfArrayLike(obj): ToLength(obj.length) into *out; false on exception. */
bool builtins_length_of(VM *vm, Value obj, double *out);
/* A relative index (negative counts from the end) clamped to [0, length]. */
double builtins_clamp_index(double relative, double length);
/* ToObject(this) for Array.prototype-style generic methods. */
Value builtins_this_object(VM *vm, Value this_value);

/* ==== Properties by index and key ==== */

Value builtins_index_key(VM *vm, double index); /* the property key "index" */
Value builtins_get_index(VM *vm, Value obj, double index); /* obj[index] (fast for arrays) */
Value builtins_has_index(VM *vm, Value obj, double index); /* HasProperty: true/false/exc */
/* Set(obj, index, v, true): VALUE_TRUE or exception (V8's read-only message). */
Value builtins_set_index(VM *vm, Value obj, double index, Value v);
/* CreateDataProperty(obj, key, v): true, false (refused) or exception. */
Value builtins_try_create_data(VM *vm, Value obj, Value key, Value v);
/* CreateDataPropertyOrThrow(obj, key, v): VALUE_TRUE or exception. */
Value builtins_create_data(VM *vm, Value obj, Value key, Value v);
/* CreateDataPropertyOrThrow(obj, ToString(index), v), fast when it appends to an array. */
Value builtins_create_data_at(VM *vm, Value obj, double index, Value v);
/* DeletePropertyOrThrow(obj, index): VALUE_TRUE or exception. */
Value builtins_delete_index(VM *vm, Value obj, double index);
/* HasProperty(obj, key) along the prototype chain: true/false/exception (a proxy's trap). */
Value builtins_has_property(VM *vm, Value obj, Value key);

/* CreateListFromArrayLike(list): its elements in a new array (rooted), or exception. */
Value builtins_list_from(VM *vm, Value list);
/* fn(...args) with this_value, or, when new_target is not undefined, Construct(fn, args,
 * new_target); args is an array (builtins_list_from). */
Value builtins_call_list(VM *vm, Value fn, Value this_value, Value args, Value new_target);

/* ==== Errors in V8's words ==== */

/* V8's side-effect-free rendering of a value for messages: `1`, `abc`, `#<Foo>`,
 * `[object Array]`, `Symbol(s)`. malloc'd; the caller frees. */
char *builtins_describe(VM *vm, Value v);
/* The name of obj's constructor (obj.constructor.name up the prototype chain), found
 * without running code; NULL if there is none. malloc'd. */
char *builtins_constructor_name(VM *vm, Value obj);
/* Throw V8's "Method <prefix><owner>.prototype.<method> called on incompatible receiver
 * <receiver>" (prefix "get " for an accessor, else ""); returns VALUE_EXCEPTION. */
Value builtins_throw_incompatible(VM *vm, Value receiver, const char *prefix, const char *owner,
                                  const char *method);
/* Throw "TypeError: <v> is not a function"; returns VALUE_EXCEPTION. */
Value builtins_throw_not_function(VM *vm, Value v);
/* Throw "TypeError: <what> requires that 'this' be a <type>". */
Value builtins_throw_this(VM *vm, const char *what, const char *type);

/* ==== Iteration ==== */

/* Called with each value an iterable produces; return VALUE_UNDEFINED to go on,
 * VALUE_HOLE to stop early (the iterator is closed), or VALUE_EXCEPTION. */
typedef Value (*BuiltinsEachFn)(VM *vm, Value item, void *ctx);
/* GetIterator(iterable) and step it to the end, calling fn for each value. Returns
 * VALUE_UNDEFINED or VALUE_EXCEPTION (after closing the iterator, as IteratorClose). */
Value builtins_iterate(VM *vm, Value iterable, BuiltinsEachFn fn, void *ctx);

/* ==== Strings ==== */

/* Strings are built with the engine's StrBuf (vm/vm.h: sb_put_unit, sb_put_js, ...). */

/* obj as a C string (ToString, then UTF-8); NULL on exception. malloc'd. */
char *builtins_to_cstring(VM *vm, Value v);

#endif

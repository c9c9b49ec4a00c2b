/* array.c - the Array constructor, Array.from/of/isArray, Array.prototype and the
 * array iterators behind for-of, keys(), values() and entries().
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_array. The methods are generic, as the spec writes
 * them: they work on any array-like `this` through Get/Set/HasProperty by index.
 * builtins_get_index and friends take a fast path on dense arrays, so a plain array
 * costs no property lookups.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))
#define MAX_SAFE 9007199254740991.0

/* ==== Shared steps ==== */

/* ToObject(this) and LengthOfArrayLike, the first two steps of almost every method.
 * Pushes the object on the handle stack. False with an exception pending. */
static bool this_and_length(VM *vm, Value this_value, Value *o, double *len) {
  *o = vm_handle_push(vm, vm_to_object(vm, this_value));
  return !value_is_exception(*o) && builtins_length_of(vm, *o, len);
}

/* Set(o, "length", n, true). */
static Value set_length(VM *vm, Value o, double n) {
  Value r = vm_set_str(vm, o, "length", value_from_number(n));
  return value_is_exception(r) ? r : VALUE_TRUE;
}

/* An array of length n (holes), or RangeError. */
static Value array_create(VM *vm, double n) {
  if (!(n >= 0 && n <= 4294967295.0)) return vm_throw_error(vm, ERR_RANGE, "Invalid array length");
  int mark = vm_handle_mark(vm);
  /* Room for the elements up front (as holes) unless the length is huge and sparse. */
  Value a = vm_handle_push(vm, vm_array_with_capacity(vm, n <= 65536 ? (uint32_t)n : 0));
  vm_array_set_length(vm, a, (uint32_t)n);
  vm_handle_reset(vm, mark);
  return a;
}

/* Does Array.from/of make its result with `new C(...)`: C is a constructor other than
 * Array itself (whose instances the plain path makes the same, faster)? */
static bool is_other_constructor(VM *vm, Value c) {
  return vm_is_constructor(c) && c != vm_intrinsic(vm, INTRINSIC_ARRAY);
}

/* ArraySpeciesCreate(original, n): a plain array unless original is an array whose
 * constructor[Symbol.species] names another constructor, which then makes it. */
static Value species_create(VM *vm, Value original, double n) {
  Value is_array = vm_is_array_checked(vm, original); /* a proxy's target decides */
  if (is_array != VALUE_TRUE) return value_is_exception(is_array) ? is_array : array_create(vm, n);
  Value c = vm_get_str(vm, original, "constructor");
  if (value_is_object(c)) {
    vm_handle_push(vm, c);
    c = vm_get(vm, c, vm_well_known_symbol(vm, VM_SYMBOL_SPECIES));
    if (value_is_null(c)) c = VALUE_UNDEFINED;
  }
  if (value_is_exception(c)) return c;
  if (value_is_undefined(c)) return array_create(vm, n);
  if (!vm_is_constructor(c))
    return vm_throw_error(vm, ERR_TYPE, "object.constructor[Symbol.species] is not a constructor");
  Value len = value_from_number(n);
  return vm_construct(vm, c, 1, &len);
}

static Value require_callable(VM *vm, Value fn) {
  return vm_is_callable(fn) ? VALUE_TRUE : builtins_throw_not_function(vm, fn);
}

/* ==== The constructor and its statics ==== */

//> stdlib.array-constructor
/* Array(), Array(length), Array(a, b, ...), with or without `new`. */
static Value array_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value a;
  if (argc == 1 && value_is_number(argv[0])) {
    double n = value_to_number(argv[0]);
    if (n != (double)(uint32_t)n) return vm_throw_error(vm, ERR_RANGE, "Invalid array length");
    a = vm_handle_push(vm, array_create(vm, n));
  } else {
    a = vm_handle_push(vm, vm_array_with_capacity(vm, (uint32_t)argc));
    for (int i = 0; i < argc; i++) vm_array_push(vm, a, argv[i]);
  }
  Value target = vm_new_target(vm); /* class MyArray extends Array: its prototype */
  if (value_is_object(target) && vm_function_kind(target) != VM_FN_NATIVE) {
    Value proto = vm_get_str(vm, target, "prototype");
    if (value_is_exception(proto)) return proto;
    if (value_is_object(proto)) vm_set_prototype(vm, a, proto);
  }
  return a;
}
//< stdlib.array-constructor

static Value array_is_array(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_is_array_checked(vm, ARG(0)); /* a proxy's target decides */
}

/* The result of Array.from/of: new C(n) for another constructor, else a plain array. */
static Value from_target(VM *vm, Value c, int argc, Value n) {
  if (is_other_constructor(vm, c)) return vm_construct(vm, c, argc, &n);
  return vm_array_new(vm);
}

static Value array_of(VM *vm, Value this_value, int argc, Value *argv) {
  Value a = vm_handle_push(vm, from_target(vm, this_value, 1, value_from_number(argc)));
  Value r = a;
  for (int i = 0; i < argc && !value_is_exception(r); i++)
    r = builtins_create_data_at(vm, a, i, argv[i]);
  if (!value_is_exception(r)) r = set_length(vm, a, argc);
  return value_is_exception(r) ? r : a;
}

typedef struct FromState {
  Value target, map_fn, this_arg;
  double k;
} FromState;

/* One value of Array.from's iterable: map it, store it at k. */
static Value from_each(VM *vm, Value item, void *ctx) {
  FromState *s = ctx;
  if (!value_is_undefined(s->map_fn)) {
    Value args[2] = {item, value_from_number(s->k)};
    item = vm_handle_push(vm, vm_call(vm, s->map_fn, s->this_arg, 2, args));
    if (value_is_exception(item)) return item;
  }
  Value r = builtins_create_data_at(vm, s->target, s->k++, item);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* Array.from for an array-like (no Symbol.iterator). */
static Value from_array_like(VM *vm, Value c, Value items, FromState *s) {
  double len;
  Value o = vm_handle_push(vm, vm_to_object(vm, items));
  if (value_is_exception(o) || !builtins_length_of(vm, o, &len)) return VALUE_EXCEPTION;
  s->target =
      vm_handle_push(vm, is_other_constructor(vm, c) ? from_target(vm, c, 1, value_from_number(len))
                                                : array_create(vm, len));
  if (value_is_exception(s->target)) return s->target;
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++) {
    Value v = builtins_get_index(vm, o, k);
    if (value_is_exception(v) || value_is_exception(from_each(vm, v, s))) return VALUE_EXCEPTION;
    vm_handle_reset(vm, loop);
  }
  return set_length(vm, s->target, len);
}

static Value array_from(VM *vm, Value this_value, int argc, Value *argv) {
  Value items = ARG(0);
  FromState s = {VALUE_UNDEFINED, ARG(1), ARG(2), 0};
  if (!value_is_undefined(s.map_fn) && !vm_is_callable(s.map_fn))
    return builtins_throw_not_function(vm, s.map_fn);
  if (value_is_nullish(items))
    return vm_throw_error(vm, ERR_TYPE,
                          "%s is not iterable (cannot read property "
                          "Symbol(Symbol.iterator))",
                          items == VALUE_NULL ? "object null" : "undefined");
  Value method = vm_get(vm, items, vm_well_known_symbol(vm, VM_SYMBOL_ITERATOR));
  Value r = method;
  if (value_is_exception(method)) {
  } else if (value_is_nullish(method)) {
    r = from_array_like(vm, this_value, items, &s);
  } else if (!vm_is_callable(method)) {
    r = vm_throw_error(vm, ERR_TYPE,
                       "%%Array%%.from requires that the property of the first "
                       "argument, items[Symbol.iterator], when exists, be a function");
  } else {
    s.target = vm_handle_push(vm, from_target(vm, this_value, 0, VALUE_UNDEFINED));
    r = value_is_exception(s.target) ? s.target : builtins_iterate(vm, items, from_each, &s);
    if (!value_is_exception(r)) r = set_length(vm, s.target, s.k);
  }
  return value_is_exception(r) ? r : s.target;
}

/* ==== Adding and removing at the ends ==== */

static Value array_push(VM *vm, Value this_value, int argc, Value *argv) {
  if (vm_is_array(this_value) && vm_is_extensible(this_value) &&
      vm_array_protos_plain(this_value)) { /* the fast path: no setter can intercept */
    int i = 0;
    while (i < argc && vm_array_push(vm, this_value, argv[i])) i++;
    if (i == argc) return value_from_number(vm_array_length(this_value));
    argv += i, argc -= i; /* the rest takes the generic path and its errors */
  }
  Value o;
  double len;
  Value r = this_and_length(vm, this_value, &o, &len) ? VALUE_TRUE : VALUE_EXCEPTION;
  if (!value_is_exception(r) && len + argc > MAX_SAFE)
    r = vm_throw_error(vm, ERR_TYPE,
                       "Pushing %d elements on an array-like of length %.0f "
                       "is disallowed, as the total surpasses 2**53-1",
                       argc, len);
  for (int i = 0; i < argc && !value_is_exception(r); i++)
    r = builtins_set_index(vm, o, len++, argv[i]);
  if (!value_is_exception(r)) r = set_length(vm, o, len);
  return value_is_exception(r) ? r : value_from_number(len);
}

static Value array_pop(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, r = VALUE_UNDEFINED;
  double len;
  if (!this_and_length(vm, this_value, &o, &len))
    r = VALUE_EXCEPTION;
  else if (len == 0)
    r = set_length(vm, o, 0);
  else {
    Value v = vm_handle_push(vm, builtins_get_index(vm, o, len - 1));
    r = value_is_exception(v) ? v : builtins_delete_index(vm, o, len - 1);
    if (!value_is_exception(r)) r = set_length(vm, o, len - 1);
    if (!value_is_exception(r)) r = v;
  }
  return value_is_exception(r) || len != 0 ? r : VALUE_UNDEFINED;
}

/* Move len-from elements starting at `from` to start at `to`, keeping holes as holes.
 * Walks upward when moving down and downward when moving up, as the spec does. */
static Value move_elements(VM *vm, Value o, double from, double to, double count) {
  int loop = vm_handle_mark(vm);
  for (double i = 0; i < count; i++) {
    double k = to < from ? i : count - 1 - i;
    Value has = builtins_has_index(vm, o, from + k);
    if (value_is_exception(has)) return has;
    Value r;
    if (has == VALUE_TRUE) {
      Value v = vm_handle_push(vm, builtins_get_index(vm, o, from + k));
      r = value_is_exception(v) ? v : builtins_set_index(vm, o, to + k, v);
    } else {
      r = builtins_delete_index(vm, o, to + k);
    }
    if (value_is_exception(r)) return r;
    vm_handle_reset(vm, loop);
  }
  return VALUE_TRUE;
}

/* Delete indices [from, to) from the top down (after a move shortened the array). */
static Value delete_range(VM *vm, Value o, double from, double to) {
  for (double k = to; k > from; k--) {
    Value r = builtins_delete_index(vm, o, k - 1);
    if (value_is_exception(r)) return r;
  }
  return VALUE_TRUE;
}

static Value array_shift(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, first = VALUE_UNDEFINED, r;
  double len;
  if (!this_and_length(vm, this_value, &o, &len))
    r = VALUE_EXCEPTION;
  else if (len == 0)
    r = set_length(vm, o, 0);
  else {
    first = vm_handle_push(vm, builtins_get_index(vm, o, 0));
    r = value_is_exception(first) ? first : move_elements(vm, o, 1, 0, len - 1);
    if (!value_is_exception(r)) r = builtins_delete_index(vm, o, len - 1);
    if (!value_is_exception(r)) r = set_length(vm, o, len - 1);
  }
  return value_is_exception(r) ? r : first;
}

static Value array_unshift(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, r = VALUE_TRUE;
  double len;
  if (!this_and_length(vm, this_value, &o, &len))
    r = VALUE_EXCEPTION;
  else if (argc > 0) {
    if (len + argc > MAX_SAFE) r = vm_throw_error(vm, ERR_TYPE, "Invalid array length");
    if (!value_is_exception(r)) r = move_elements(vm, o, 0, argc, len);
    for (int i = 0; i < argc && !value_is_exception(r); i++)
      r = builtins_set_index(vm, o, i, argv[i]);
  }
  if (!value_is_exception(r)) r = set_length(vm, o, len + argc);
  return value_is_exception(r) ? r : value_from_number(len + argc);
}

/* ==== slice, splice, concat ==== */

/* A relative-index argument (start/end), defaulting to dflt when undefined. */
static bool relative_arg(VM *vm, Value v, double len, double dflt, double *out) {
  double rel;
  if (value_is_undefined(v)) return *out = dflt, true;
  if (!builtins_to_integer(vm, v, &rel)) return false;
  *out = builtins_clamp_index(rel, len);
  return true;
}

/* The index a key names, or -1 (a key that is not a canonical array index). */
static double key_index(Value key) {
  uint32_t n = value_is_string(key) ? vm_string_length(key) : 0;
  if (n == 0 || n > 10 || (n > 1 && vm_string_unit(key, 0) == '0')) return -1;
  double d = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = vm_string_unit(key, i);
    if (c < '0' || c > '9') return -1;
    d = d * 10 + (c - '0');
  }
  return d < 4294967295.0 ? d : -1;
}

/* Whether obj or anything on its prototype chain has an own index key. */
static int chain_has_indices(VM *vm, Value obj) {
  for (Value p = obj; value_is_object(p); p = vm_prototype_of(p)) {
    if (vm_is_proxy(p)) return 1;
    Value keys = vm_own_property_keys(vm, p, VM_KEYS_STRINGS | VM_KEYS_HIDDEN);
    if (value_is_exception(keys)) return -1;
    uint32_t n = vm_array_length(keys);
    if (n && key_index(vm_array_get(vm, keys, 0)) >= 0) return 1; /* indices come first */
  }
  return 0;
}

/* A long stretch of a sparse array (a.length = 2 ** 32 - 1) is copied key by key: its
 * holes are holes all the way up the chain, so only the indices it has need a visit.
 * VALUE_HOLE when that does not hold and the caller must walk every index. */
static Value copy_sparse(VM *vm, Value a, double at, Value o, double from, double count) {
  if (count < 65536 || !vm_is_array(o) || vm_is_proxy(o)) return VALUE_HOLE;
  int mark = vm_handle_mark(vm);
  int protos = chain_has_indices(vm, vm_prototype_of(o));
  Value keys = protos ? VALUE_HOLE : vm_handle_push(vm, vm_own_property_keys(vm, o, VM_KEYS_STRINGS | VM_KEYS_HIDDEN));
  Value r = protos < 0 ? VALUE_EXCEPTION : protos ? VALUE_HOLE : keys;
  for (uint32_t k = 0, n = value_is_object(keys) ? vm_array_length(keys) : 0; k < n; k++) {
    double i = key_index(vm_array_get(vm, keys, k));
    if (i < 0) break; /* past the indices */
    if (i < from || i >= from + count) continue;
    Value v = vm_handle_push(vm, builtins_get_index(vm, o, i));
    r = value_is_exception(v) ? v : builtins_create_data_at(vm, a, at + (i - from), v);
    if (value_is_exception(r)) break;
  }
  vm_handle_reset(vm, mark);
  return value_is_exception(r) || value_is_hole(r) ? r : VALUE_TRUE;
}

/* Copy o[from..from+count) to a[at..), skipping holes. */
static Value copy_into(VM *vm, Value a, double at, Value o, double from, double count) {
  Value sparse = copy_sparse(vm, a, at, o, from, count);
  if (!value_is_hole(sparse)) return sparse;
  int loop = vm_handle_mark(vm);
  for (double i = 0; i < count; i++) {
    Value has = builtins_has_index(vm, o, from + i);
    if (value_is_exception(has)) return has;
    if (has == VALUE_FALSE) continue;
    Value v = vm_handle_push(vm, builtins_get_index(vm, o, from + i));
    Value key = value_is_exception(v) ? v : vm_handle_push(vm, builtins_index_key(vm, at + i));
    Value r = value_is_exception(key) ? key : builtins_create_data(vm, a, key, v);
    if (value_is_exception(r)) return r;
    vm_handle_reset(vm, loop);
  }
  return VALUE_TRUE;
}

static Value array_slice(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, a = VALUE_EXCEPTION;
  double len, start, end;
  if (this_and_length(vm, this_value, &o, &len) && relative_arg(vm, ARG(0), len, 0, &start) &&
      relative_arg(vm, ARG(1), len, len, &end)) {
    double count = end > start ? end - start : 0;
    a = vm_handle_push(vm, species_create(vm, o, count));
    Value r = value_is_exception(a) ? a : copy_into(vm, a, 0, o, start, count);
    if (!value_is_exception(r)) r = set_length(vm, a, count);
    if (value_is_exception(r)) a = r;
  }
  return a;
}

static Value array_splice(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, removed = VALUE_EXCEPTION;
  double len, start, del = 0;
  if (!this_and_length(vm, this_value, &o, &len) || !relative_arg(vm, ARG(0), len, 0, &start))
    return VALUE_EXCEPTION;
  double inserted = argc > 2 ? argc - 2 : 0;
  if (argc == 1)
    del = len - start;
  else if (argc > 1 && !builtins_to_integer(vm, argv[1], &del))
    return VALUE_EXCEPTION;
  del = fmin(fmax(del, 0), len - start);
  if (len + inserted - del > MAX_SAFE)
    return vm_throw_error(vm, ERR_TYPE, "Invalid array length");
  removed = vm_handle_push(vm, species_create(vm, o, del));
  Value r = value_is_exception(removed) ? removed : copy_into(vm, removed, 0, o, start, del);
  if (!value_is_exception(r)) r = set_length(vm, removed, del);
  if (!value_is_exception(r) && inserted != del)
    r = move_elements(vm, o, start + del, start + inserted, len - start - del);
  if (!value_is_exception(r) && inserted < del) r = delete_range(vm, o, len - del + inserted, len);
  for (int i = 0; i < inserted && !value_is_exception(r); i++)
    r = builtins_set_index(vm, o, start + i, argv[2 + i]);
  if (!value_is_exception(r)) r = set_length(vm, o, len - del + inserted);
  return value_is_exception(r) ? r : removed;
}

/* IsConcatSpreadable(item): its Symbol.isConcatSpreadable if defined, else IsArray. */
static Value is_concat_spreadable(VM *vm, Value item) {
  if (!value_is_object(item)) return VALUE_FALSE;
  Value s = vm_get(vm, item, vm_well_known_symbol(vm, VM_SYMBOL_IS_CONCAT_SPREADABLE));
  if (value_is_exception(s)) return s;
  if (!value_is_undefined(s)) return value_from_bool(vm_truthy(s));
  return vm_is_array_checked(vm, item); /* a proxy's target decides */
}

/* concat: spreadable items are spread (holes kept), anything else is appended whole. */
static Value concat_one(VM *vm, Value a, double *n, Value item) {
  Value spread = is_concat_spreadable(vm, item);
  if (value_is_exception(spread)) return spread;
  if (spread == VALUE_FALSE) {
    if (*n >= MAX_SAFE) return vm_throw_error(vm, ERR_TYPE, "Invalid array length");
    Value key = vm_handle_push(vm, builtins_index_key(vm, (*n)++));
    return builtins_create_data(vm, a, key, item);
  }
  double len;
  if (!builtins_length_of(vm, item, &len)) return VALUE_EXCEPTION;
  if (*n + len > MAX_SAFE) return vm_throw_error(vm, ERR_TYPE, "Invalid array length");
  Value r = copy_into(vm, a, *n, item, 0, len);
  *n += len;
  return r;
}

static Value array_concat(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_handle_push(vm, vm_to_object(vm, this_value));
  Value a = value_is_exception(o) ? o : vm_handle_push(vm, species_create(vm, o, 0));
  double n = 0;
  Value r = a;
  if (!value_is_exception(r)) r = concat_one(vm, a, &n, o);
  for (int i = 0; i < argc && !value_is_exception(r); i++) r = concat_one(vm, a, &n, argv[i]);
  if (!value_is_exception(r)) r = set_length(vm, a, n);
  return value_is_exception(r) ? r : a;
}

/* ==== join and toString ==== */

/* The arrays this VM is joining right now, innermost last: a cycle joins as "" (as V8
 * does). Each is also `this` of a join still running, so the collector keeps it. Deeper
 * nesting is not tracked, just recursed into: it ends at the C-stack guard (in vm_call,
 * through each element's toString) with V8's RangeError. */
#define JOIN_DEPTH_MAX 256
typedef struct JoinStack {
  Value arrays[JOIN_DEPTH_MAX];
  int depth;
} JoinStack;

static const VMStateType join_stack_type = {"Array.prototype.join", sizeof(JoinStack), NULL, NULL};

static bool join_active(const JoinStack *js, Value o) {
  for (int i = 0; i < js->depth; i++)
    if (js->arrays[i] == o) return true;
  return false;
}

/* Append element k of o to b (empty for undefined/null), counting its units in *units;
 * false on exception. */
static bool join_element(VM *vm, StrBuf *b, Value o, double k, bool locale, double *units) {
  Value v = builtins_get_index(vm, o, k);
  if (value_is_exception(v)) return false;
  if (value_is_nullish(v)) return true;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, v);
  if (locale) {
    Value f = vm_get_str(vm, v, "toLocaleString");
    v = value_is_exception(f) ? f
        : !vm_is_callable(f)  ? builtins_throw_not_function(vm, f)
                              : vm_call(vm, f, v, 0, NULL);
  }
  Value s = value_is_exception(v) ? v : vm_to_string(vm, v);
  vm_handle_reset(vm, mark);
  if (value_is_exception(s)) return false;
  *units += vm_string_length(s);
  if (*units > VM_STRING_MAX) {
    vm_throw_string_length(vm);
    return false;
  }
  sb_put_js(b, s);
  return true;
}

//> stdlib.array-join
/* join (magic 0) and toLocaleString (magic 1, which joins toLocaleString()s with ","). */
static Value array_join(VM *vm, Value this_value, int argc, Value *argv) {
  bool locale = vm_native_magic(vm);
  Value o, sep, separator = locale ? VALUE_UNDEFINED : ARG(0);
  double len;
  if (!this_and_length(vm, this_value, &o, &len)) return VALUE_EXCEPTION;
  sep = vm_handle_push(vm, value_is_undefined(separator) ? vm_atom(vm, ",")
                                                         : vm_to_string(vm, separator));
  if (value_is_exception(sep)) return sep;
  if (len > 1 && (len - 1) * vm_string_length(sep) > VM_STRING_MAX) /* V8 fails at once */
    return vm_throw_string_length(vm);
  JoinStack *js = vm_state(vm, &join_stack_type);
  if (join_active(js, o)) return vm_atom(vm, "");
  bool tracked = js->depth < JOIN_DEPTH_MAX;
  if (tracked) js->arrays[js->depth++] = o;
  StrBuf b = {0};
  bool ok = true;
  double units = 0;
  for (double k = 0; k < len && ok; k++) {
    if (k > 0) sb_put_js(&b, sep);
    units += k > 0 ? vm_string_length(sep) : 0;
    ok = join_element(vm, &b, o, k, locale, &units);
  }
  if (tracked) js->depth--;
  Value r = ok ? sb_finish(vm, &b) : VALUE_EXCEPTION;
  if (!ok) sb_free(&b);
  return r;
}
//< stdlib.array-join

/* toString calls this.join(), or falls back to Object.prototype.toString. */
static Value array_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_handle_push(vm, vm_to_object(vm, this_value));
  Value f = value_is_exception(o) ? o : vm_handle_push(vm, vm_get_str(vm, o, "join"));
  if (!value_is_exception(f) && !vm_is_callable(f)) {
    Value proto = vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE);
    f = vm_handle_push(vm, vm_get_str(vm, proto, "toString"));
  }
  Value r = value_is_exception(f) ? f : vm_call(vm, f, o, 0, NULL);
  return r;
}

/* ==== Searching ==== */

static bool same_value_zero(Value a, Value b) { return vm_same_value_zero(a, b); }

/* indexOf (strict, skips holes), lastIndexOf (backwards), includes (SameValueZero). */
typedef enum SearchKind { SEARCH_INDEX_OF, SEARCH_LAST_INDEX_OF, SEARCH_INCLUDES } SearchKind;

static bool search_start(VM *vm, int argc, Value *argv, double len, SearchKind kind, double *k) {
  double n;
  if (kind == SEARCH_LAST_INDEX_OF) {
    if (argc < 2) return *k = len - 1, true;
    if (!builtins_to_integer(vm, argv[1], &n)) return false;
    *k = n >= 0 ? fmin(n, len - 1) : len + n;
    return true;
  }
  if (!builtins_to_integer(vm, ARG(1), &n)) return false;
  *k = n >= 0 ? n : fmax(len + n, 0);
  return true;
}

/* indexOf, lastIndexOf and includes: the magic is a SearchKind. */
static Value array_search(VM *vm, Value this_value, int argc, Value *argv) {
  SearchKind kind = (SearchKind)vm_native_magic(vm);
  Value o, target = ARG(0), r = kind == SEARCH_INCLUDES ? VALUE_FALSE : value_from_number(-1);
  double len, k;
  if (!this_and_length(vm, this_value, &o, &len)) return VALUE_EXCEPTION;
  if (len == 0) return r;
  if (!search_start(vm, argc, argv, len, kind, &k))
    return VALUE_EXCEPTION;
  int step = kind == SEARCH_LAST_INDEX_OF ? -1 : 1;
  for (; k >= 0 && k < len; k += step) {
    if (kind != SEARCH_INCLUDES) {
      Value has = builtins_has_index(vm, o, k);
      if (value_is_exception(has)) return has;
      if (has == VALUE_FALSE) continue;
    }
    Value v = builtins_get_index(vm, o, k);
    if (value_is_exception(v)) return v;
    bool hit = kind == SEARCH_INCLUDES ? same_value_zero(v, target) : vm_strict_equals(v, target);
    if (hit) {
      r = kind == SEARCH_INCLUDES ? VALUE_TRUE : value_from_number(k);
      break;
    }
  }
  return r;
}

/* find, findIndex, findLast, findLastIndex: every index, holes read as undefined. The
 * magic is FIND_LAST and FIND_INDEX bits. */
enum { FIND_LAST = 1, FIND_INDEX = 2 };

static Value array_find(VM *vm, Value this_value, int argc, Value *argv) {
  bool last = vm_native_magic(vm) & FIND_LAST, want_index = vm_native_magic(vm) & FIND_INDEX;
  Value o, fn = ARG(0);
  double len;
  if (!this_and_length(vm, this_value, &o, &len) || value_is_exception(require_callable(vm, fn)))
    return VALUE_EXCEPTION;
  Value r = want_index ? value_from_number(-1) : VALUE_UNDEFINED;
  for (double i = 0; i < len; i++) {
    double k = last ? len - 1 - i : i;
    Value v = vm_handle_push(vm, builtins_get_index(vm, o, k));
    Value args[3] = {v, value_from_number(k), o};
    Value t = value_is_exception(v) ? v : vm_call(vm, fn, ARG(1), 3, args);
    if (value_is_exception(t)) return t;
    if (vm_truthy(t)) {
      r = want_index ? value_from_number(k) : v;
      break;
    }
  }
  return r;
}

static Value array_at(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, r = VALUE_EXCEPTION;
  double len, rel;
  if (this_and_length(vm, this_value, &o, &len) && builtins_to_integer(vm, ARG(0), &rel)) {
    double k = rel >= 0 ? rel : len + rel;
    r = k < 0 || k >= len ? VALUE_UNDEFINED : builtins_get_index(vm, o, k);
  }
  return r;
}

/* ==== Iterating with a callback ==== */

/* forEach, map, filter, some, every: the same loop with a different use of the result. */
typedef enum EachKind { EACH_FOR_EACH, EACH_MAP, EACH_FILTER, EACH_SOME, EACH_EVERY } EachKind;

/* What the callback's result t at index k means; VALUE_HOLE means "keep going". */
static Value each_result(VM *vm, EachKind kind, Value a, double *to, double k, Value v, Value t) {
  switch (kind) {
  case EACH_MAP:
    return builtins_create_data_at(vm, a, k, t);
  case EACH_FILTER:
    if (!vm_truthy(t)) return VALUE_HOLE;
    return builtins_create_data_at(vm, a, (*to)++, v);
  case EACH_SOME: return vm_truthy(t) ? VALUE_TRUE : VALUE_HOLE;
  case EACH_EVERY: return vm_truthy(t) ? VALUE_HOLE : VALUE_FALSE;
  default: return VALUE_HOLE;
  }
}

//> stdlib.array-each
/* forEach, map, filter, some and every: the magic is an EachKind. */
static Value array_each(VM *vm, Value this_value, int argc, Value *argv) {
  EachKind kind = (EachKind)vm_native_magic(vm);
  Value o, fn = ARG(0), a = VALUE_UNDEFINED;
  double len, to = 0;
  if (!this_and_length(vm, this_value, &o, &len) || value_is_exception(require_callable(vm, fn)))
    return VALUE_EXCEPTION;
  if (kind == EACH_MAP || kind == EACH_FILTER)
    a = vm_handle_push(vm, species_create(vm, o, kind == EACH_MAP ? len : 0));
  if (value_is_exception(a)) return a;
  Value r = kind == EACH_SOME ? VALUE_FALSE : kind == EACH_EVERY ? VALUE_TRUE : a;
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++) {
    Value has = builtins_has_index(vm, o, k); /* holes are skipped */
    if (has != VALUE_TRUE) {
      if (value_is_exception(has)) return has;
      continue;
    }
    Value v = vm_handle_push(vm, builtins_get_index(vm, o, k));
    Value args[3] = {v, value_from_number(k), o};
    Value t = value_is_exception(v) ? v : vm_handle_push(vm, vm_call(vm, fn, ARG(1), 3, args));
    Value done = value_is_exception(t) ? t : each_result(vm, kind, a, &to, k, v, t);
    if (value_is_exception(done)) return done;
    if (done != VALUE_HOLE && (kind == EACH_SOME || kind == EACH_EVERY)) {
      r = done;
      break;
    }
    vm_handle_reset(vm, loop);
  }
  return r;
}
//< stdlib.array-each

//> stdlib.array-reduce
/* reduce (magic 1) and reduceRight (magic -1): the magic is the step. Without an initial
 * value the first present element is the start; holes are skipped throughout. */
static Value array_reduce(VM *vm, Value this_value, int argc, Value *argv) {
  int step = vm_native_magic(vm);
  Value o, fn = ARG(0);
  double len;
  if (!this_and_length(vm, this_value, &o, &len) || value_is_exception(require_callable(vm, fn)))
    return VALUE_EXCEPTION;
  double k = step > 0 ? 0 : len - 1;
  Value acc = argc >= 2 ? argv[1] : VALUE_HOLE;
  for (; acc == VALUE_HOLE && k >= 0 && k < len; k += step) { /* find the start */
    Value has = builtins_has_index(vm, o, k);
    if (has == VALUE_TRUE) acc = builtins_get_index(vm, o, k);
    if (value_is_exception(has) || value_is_exception(acc))
      return VALUE_EXCEPTION;
  }
  if (acc == VALUE_HOLE) {
    return vm_throw_error(vm, ERR_TYPE, "Reduce of empty array with no initial value");
  }
  int loop = vm_handle_mark(vm);
  for (; k >= 0 && k < len; k += step) {
    vm_handle_reset(vm, loop);
    vm_handle_push(vm, acc); /* the accumulator must survive the next allocation */
    Value has = builtins_has_index(vm, o, k);
    if (has == VALUE_FALSE) continue;
    Value v = value_is_exception(has) ? has : builtins_get_index(vm, o, k);
    Value args[4] = {acc, v, value_from_number(k), o};
    acc = value_is_exception(v) ? v : vm_call(vm, fn, VALUE_UNDEFINED, 4, args);
    if (value_is_exception(acc)) break;
  }
  return acc;
}
//< stdlib.array-reduce

/* ==== Reordering and filling ==== */

/* One step of reverse (ECMA-262 23.1.3.26 step 7): each side is read after the
 * other's existence test, and a missing upper is deleted before lower's value moves. */
static Value reverse_pair(VM *vm, Value o, double lo, double hi) {
  Value has_lo = builtins_has_index(vm, o, lo);
  if (value_is_exception(has_lo)) return has_lo;
  Value vlo = has_lo == VALUE_TRUE ? vm_handle_push(vm, builtins_get_index(vm, o, lo)) : VALUE_HOLE;
  if (value_is_exception(vlo)) return vlo;
  Value has_hi = builtins_has_index(vm, o, hi);
  if (value_is_exception(has_hi)) return has_hi;
  Value vhi = has_hi == VALUE_TRUE ? vm_handle_push(vm, builtins_get_index(vm, o, hi)) : VALUE_HOLE;
  if (value_is_exception(vhi)) return vhi;
  if (vlo == VALUE_HOLE && vhi == VALUE_HOLE) return VALUE_TRUE;
  if (vhi == VALUE_HOLE) {
    Value r = builtins_delete_index(vm, o, lo);
    return value_is_exception(r) ? r : builtins_set_index(vm, o, hi, vlo);
  }
  Value r = builtins_set_index(vm, o, lo, vhi);
  if (value_is_exception(r)) return r;
  return vlo != VALUE_HOLE ? builtins_set_index(vm, o, hi, vlo) : builtins_delete_index(vm, o, hi);
}

static Value array_reverse(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, r = VALUE_TRUE;
  double len;
  if (!this_and_length(vm, this_value, &o, &len)) return VALUE_EXCEPTION;
  int loop = vm_handle_mark(vm);
  for (double lo = 0, hi = len - 1; lo < hi && !value_is_exception(r); lo++, hi--) {
    r = reverse_pair(vm, o, lo, hi);
    vm_handle_reset(vm, loop);
  }
  return value_is_exception(r) ? r : o;
}

static Value array_fill(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, r = VALUE_EXCEPTION;
  double len, start, end;
  if (this_and_length(vm, this_value, &o, &len) && relative_arg(vm, ARG(1), len, 0, &start) &&
      relative_arg(vm, ARG(2), len, len, &end)) {
    r = VALUE_TRUE;
    for (double k = start; k < end && !value_is_exception(r); k++)
      r = builtins_set_index(vm, o, k, ARG(0));
  }
  return value_is_exception(r) ? r : o;
}

static Value array_copy_within(VM *vm, Value this_value, int argc, Value *argv) {
  Value o, r = VALUE_EXCEPTION;
  double len, to, from, end;
  if (this_and_length(vm, this_value, &o, &len) && relative_arg(vm, ARG(0), len, 0, &to) &&
      relative_arg(vm, ARG(1), len, 0, &from) && relative_arg(vm, ARG(2), len, len, &end)) {
    double count = fmin(end - from, len - to);
    r = count > 0 ? move_elements(vm, o, from, to, count) : VALUE_TRUE;
  }
  return value_is_exception(r) ? r : o;
}

/* ==== sort ==== */

typedef struct SortCtx {
  Value comparefn;
  Value *keys; /* with no comparefn: each value's ToString, parallel to the values */
} SortCtx;

/* a < b in the sort's order? Returns 1 (b first), 0, or -1 on exception. */
static int sort_after(VM *vm, SortCtx *c, Value a, Value b, Value ka, Value kb) {
  if (value_is_undefined(c->comparefn)) return vm_string_compare(ka, kb) > 0;
  Value args[2] = {a, b};
  Value r = vm_call(vm, c->comparefn, VALUE_UNDEFINED, 2, args);
  if (value_is_exception(r)) return -1;
  Value n = vm_to_number(vm, r);
  if (value_is_exception(n)) return -1;
  return value_to_number(n) > 0;
}

//> stdlib.array-merge-sort
/* A stable merge sort of v[0..n) (and keys alongside) using tmp; false on exception. */
static bool merge_sort(VM *vm, SortCtx *c, Value *v, Value *k, Value *tmp, Value *ktmp, size_t n) {
  if (n < 2) return true;
  size_t half = n / 2;
  if (!merge_sort(vm, c, v, k, tmp, ktmp, half) ||
      !merge_sort(vm, c, v + half, k + half, tmp, ktmp, n - half))
    return false;
  size_t i = 0, j = half, out = 0;
  while (i < half && j < n) {
    int after = sort_after(vm, c, v[i], v[j], k[i], k[j]); /* take the left one on ties */
    if (after < 0) return false;
    size_t from = after ? j++ : i++;
    tmp[out] = v[from], ktmp[out++] = k[from];
  }
  while (i < half) tmp[out] = v[i], ktmp[out++] = k[i++];
  while (j < n) tmp[out] = v[j], ktmp[out++] = k[j++];
  memcpy(v, tmp, n * sizeof(Value));
  memcpy(k, ktmp, n * sizeof(Value));
  return true;
}
//< stdlib.array-merge-sort

/* Read o's present, defined elements into the rooted array `items` (and their strings
 * into `keys` when sorting by string); count the undefined ones. */
static bool sort_collect(VM *vm, Value o, double len, Value items, Value keys, bool by_string,
                         double *undefs) {
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++) {
    Value has = builtins_has_index(vm, o, k);
    if (value_is_exception(has)) return false;
    if (has == VALUE_FALSE) continue;
    Value v = vm_handle_push(vm, builtins_get_index(vm, o, k));
    if (value_is_exception(v)) return false;
    if (value_is_undefined(v)) {
      (*undefs)++;
      continue;
    }
    Value s = by_string ? vm_to_string(vm, v) : VALUE_UNDEFINED;
    if (value_is_exception(s)) return false;
    vm_array_push(vm, items, v);
    vm_array_push(vm, keys, s);
    vm_handle_reset(vm, loop);
  }
  return true;
}

/* Sort the values of `items` (and `keys`) in place with merge_sort. */
static bool sort_items(VM *vm, SortCtx *c, Value items, Value keys) {
  size_t n = vm_array_length(items);
  Value *buf = mem_alloc((4 * n + 1) * sizeof(Value));
  Value *v = buf, *k = buf + n, *tmp = buf + 2 * n, *ktmp = buf + 3 * n;
  for (size_t i = 0; i < n; i++)
    v[i] = vm_array_get_raw(items, i), k[i] = vm_array_get_raw(keys, i);
  bool ok = merge_sort(vm, c, v, k, tmp, ktmp, n); /* items/keys keep every value alive */
  for (size_t i = 0; ok && i < n; i++) vm_array_set(vm, items, i, v[i]);
  free(buf);
  return ok;
}

/* Write the sorted values back: values, then undefineds, then holes (deleted). */
static Value sort_write_back(VM *vm, Value o, double len, Value items, double undefs) {
  double n = vm_array_length(items), k = 0;
  Value r = VALUE_TRUE;
  for (; k < n && !value_is_exception(r); k++)
    r = builtins_set_index(vm, o, k, vm_array_get_raw(items, k));
  for (; k < n + undefs && !value_is_exception(r); k++)
    r = builtins_set_index(vm, o, k, VALUE_UNDEFINED);
  for (; k < len && !value_is_exception(r); k++) r = builtins_delete_index(vm, o, k);
  return r;
}

/* SortIndexedProperties into a fresh array (holes skipped); used by sort and toSorted. */
static Value sorted_items(VM *vm, Value o, double len, Value comparefn, double *undefs) {
  SortCtx c = {comparefn, NULL};
  Value items = vm_handle_push(vm, vm_array_new(vm));
  Value keys = vm_handle_push(vm, vm_array_new(vm));
  if (!sort_collect(vm, o, len, items, keys, value_is_undefined(comparefn), undefs) ||
      !sort_items(vm, &c, items, keys))
    return VALUE_EXCEPTION;
  return items;
}

static bool check_comparefn(VM *vm, Value fn) {
  if (value_is_undefined(fn) || vm_is_callable(fn)) return true;
  vm_throw_error(vm, ERR_TYPE, "The comparison function must be either a function or undefined");
  return false;
}

static Value array_sort(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_comparefn(vm, ARG(0))) return VALUE_EXCEPTION;
  Value o;
  double len, undefs = 0;
  Value r = this_and_length(vm, this_value, &o, &len) ? VALUE_TRUE : VALUE_EXCEPTION;
  Value items = value_is_exception(r) ? r : sorted_items(vm, o, len, ARG(0), &undefs);
  if (!value_is_exception(items)) r = sort_write_back(vm, o, len, items, undefs);
  return value_is_exception(items) || value_is_exception(r) ? VALUE_EXCEPTION : o;
}

/* ==== flat, flatMap ==== */

/* FlattenIntoArray: append source[0..len) to target at *n, flattening arrays depth deep. */
static Value flatten(VM *vm, Value target, double *n, Value source, double len, double depth,
                     Value map_fn, Value this_arg) {
  if (vm_stack_exhausted(vm)) return vm_throw_stack_overflow(vm); /* flat(Infinity) recurses */
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++, vm_handle_reset(vm, loop)) {
    Value has = builtins_has_index(vm, source, k);
    if (has != VALUE_TRUE) {
      if (value_is_exception(has)) return has;
      continue;
    }
    Value v = vm_handle_push(vm, builtins_get_index(vm, source, k));
    if (!value_is_exception(v) && !value_is_undefined(map_fn)) {
      Value args[3] = {v, value_from_number(k), source};
      v = vm_handle_push(vm, vm_call(vm, map_fn, this_arg, 3, args));
    }
    if (value_is_exception(v)) return v;
    double inner;
    Value r = depth > 0 ? vm_is_array_checked(vm, v) : VALUE_FALSE; /* a proxy's target */
    if (r == VALUE_TRUE) {
      r = builtins_length_of(vm, v, &inner) ? VALUE_TRUE : VALUE_EXCEPTION;
      if (!value_is_exception(r))
        r = flatten(vm, target, n, v, inner, depth - 1, VALUE_UNDEFINED, VALUE_UNDEFINED);
    } else if (!value_is_exception(r)) {
      r = builtins_create_data_at(vm, target, (*n)++, v);
    }
    if (value_is_exception(r)) return r;
  }
  return VALUE_TRUE;
}

/* flat (map_fn undefined: depth is the argument) and flatMap (depth 1), in the spec's
 * order: ToObject, the length, then the depth or the mapper's check, then the result. */
static Value flat_common(VM *vm, Value this_value, Value depth_arg, Value map_fn, Value this_arg) {
  int mark = vm_handle_mark(vm);
  Value o, a = VALUE_EXCEPTION;
  double len, n = 0, depth = 1;
  bool ok = this_and_length(vm, this_value, &o, &len);
  if (ok && value_is_undefined(map_fn) && !value_is_undefined(depth_arg))
    ok = builtins_to_integer(vm, depth_arg, &depth);
  if (ok && !value_is_undefined(map_fn) && !vm_is_callable(map_fn)) {
    vm_throw_error(vm, ERR_TYPE, "flatMap mapper function is not callable");
    ok = false;
  }
  if (ok) {
    a = vm_handle_push(vm, species_create(vm, o, 0));
    depth = depth < 0 ? 0 : depth;
    Value r = value_is_exception(a) ? a : flatten(vm, a, &n, o, len, depth, map_fn, this_arg);
    if (value_is_exception(r)) a = r;
  }
  vm_handle_reset(vm, mark);
  return a;
}
static Value array_flat(VM *vm, Value this_value, int argc, Value *argv) {
  return flat_common(vm, this_value, ARG(0), VALUE_UNDEFINED, VALUE_UNDEFINED);
}
static Value array_flat_map(VM *vm, Value this_value, int argc, Value *argv) {
  Value mapper = value_is_undefined(ARG(0)) ? VALUE_NULL : ARG(0); /* undefined: not callable */
  return flat_common(vm, this_value, VALUE_UNDEFINED, mapper, ARG(1));
}

/* ==== ES2023 copying methods: toReversed, toSorted, toSpliced, with ==== */

/* A plain array of o's len elements, perhaps reversed; index `skip` (or -1) is left a hole. */
static Value copy_to_array(VM *vm, Value o, double len, bool reversed, double skip) {
  Value a = vm_handle_push(vm, array_create(vm, len));
  if (value_is_exception(a)) return a;
  for (double k = 0; k < len; k++) {
    if (k == skip) continue; /* with() does not read the index it replaces */
    Value v = builtins_get_index(vm, o, reversed ? len - 1 - k : k);
    if (value_is_exception(v)) return v;
    vm_array_set(vm, a, (uint32_t)k, v);
  }
  return a;
}

static Value array_to_reversed(VM *vm, Value this_value, int argc, Value *argv) {
  Value o;
  double len;
  if (!this_and_length(vm, this_value, &o, &len)) return VALUE_EXCEPTION;
  return copy_to_array(vm, o, len, true, -1);
}

static Value array_to_sorted(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_comparefn(vm, ARG(0))) return VALUE_EXCEPTION;
  Value o;
  double len, undefs = 0;
  Value r = this_and_length(vm, this_value, &o, &len) ? copy_to_array(vm, o, len, false, -1)
                                                      : VALUE_EXCEPTION;
  Value items = value_is_exception(r) ? r : sorted_items(vm, r, len, ARG(0), &undefs);
  if (!value_is_exception(items)) {
    for (double k = vm_array_length(items); k < len; k++) vm_array_push(vm, items, VALUE_UNDEFINED);
    r = items;
  }
  return value_is_exception(items) ? items : r;
}

static Value array_to_spliced(VM *vm, Value this_value, int argc, Value *argv) {
  Value o;
  double len, start, skip = 0;
  if (!this_and_length(vm, this_value, &o, &len) || !relative_arg(vm, ARG(0), len, 0, &start))
    return VALUE_EXCEPTION;
  if (argc == 1)
    skip = len - start;
  else if (argc > 1 && !builtins_to_integer(vm, argv[1], &skip))
    return VALUE_EXCEPTION;
  skip = fmin(fmax(skip, 0), len - start);
  double inserted = argc > 2 ? argc - 2 : 0, n = len + inserted - skip;
  if (n > MAX_SAFE) return vm_throw_error(vm, ERR_TYPE, "Invalid array length");
  Value a = vm_handle_push(vm, array_create(vm, n));
  for (double k = 0; k < n && !value_is_exception(a); k++) {
    Value v = k < start              ? builtins_get_index(vm, o, k)
              : k < start + inserted ? argv[2 + (int)(k - start)]
                                     : builtins_get_index(vm, o, k - inserted + skip);
    if (value_is_exception(v))
      a = v;
    else
      vm_array_set(vm, a, (uint32_t)k, v);
  }
  return a;
}

static Value array_with(VM *vm, Value this_value, int argc, Value *argv) {
  Value o;
  double len, rel;
  if (!this_and_length(vm, this_value, &o, &len) || !builtins_to_integer(vm, ARG(0), &rel))
    return VALUE_EXCEPTION;
  double at = rel >= 0 ? rel : len + rel;
  if (at >= len || at < 0)
    return vm_throw_error(vm, ERR_RANGE, "Invalid index : %s", "");
  Value a = copy_to_array(vm, o, len, false, at);
  if (!value_is_exception(a)) vm_array_set(vm, a, (uint32_t)at, ARG(1));
  return a;
}

/* ==== Array iterators ==== */

typedef enum IterKind { ITER_KEYS, ITER_VALUES, ITER_ENTRIES } IterKind;

typedef struct ArrayIter {
  Value target; /* undefined once exhausted */
  double index;
  IterKind kind;
} ArrayIter;

static void array_iter_trace(VM *vm, void *data) { vm_gc_mark(vm, ((ArrayIter *)data)->target); }
static void array_iter_finalize(void *data) { free(data); }
static const VMClassDef array_iter_class = {"Array Iterator", array_iter_trace, array_iter_finalize};

Value builtins_array_iterator(VM *vm, Value target, int kind) {
  ArrayIter *it = mem_alloc(sizeof *it);
  *it = (ArrayIter){target, 0, (IterKind)kind};
  vm_handle_push(vm, target);
  return vm_host_new(vm, &array_iter_class, it, vm_intrinsic(vm, INTRINSIC_ARRAY_ITERATOR_PROTOTYPE));
}

/* keys, values and entries: an Array Iterator; the magic is an IterKind. */
static Value array_iterator(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_to_object(vm, this_value);
  if (value_is_exception(o)) return o;
  return builtins_array_iterator(vm, o, vm_native_magic(vm));
}

//> stdlib.array-iterator-next
static Value array_iterator_next(VM *vm, Value this_value, int argc, Value *argv) {
  ArrayIter *it = value_is_object(this_value) ? vm_host_data(vm, this_value, &array_iter_class) : NULL;
  if (!it) {
    char *text = builtins_describe(vm, this_value);
    Value r = vm_throw_error(
        vm, ERR_TYPE, "Method Array Iterator.prototype.next called on incompatible receiver %s",
        text);
    free(text);
    return r;
  }
  double len;
  if (value_is_undefined(it->target)) return vm_iter_result(vm, VALUE_UNDEFINED, true);
  if (!builtins_length_of(vm, it->target, &len)) return VALUE_EXCEPTION;
  if (it->index >= len) {
    it->target = VALUE_UNDEFINED;
    return vm_iter_result(vm, VALUE_UNDEFINED, true);
  }
  double k = it->index++;
  if (it->kind == ITER_KEYS) return vm_iter_result(vm, value_from_number(k), false);
  Value v = builtins_get_index(vm, it->target, k);
  if (value_is_exception(v) || it->kind == ITER_VALUES)
    return value_is_exception(v) ? v : vm_iter_result(vm, v, false);
  vm_handle_push(vm, v);
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, value_from_number(k));
  vm_array_push(vm, pair, v);
  Value r = vm_iter_result(vm, pair, false);
  return r;
}
//< stdlib.array-iterator-next

static Value iterator_self(VM *vm, Value this_value, int argc, Value *argv) { return this_value; }

/* ==== Installing ==== */

static const VMPropDef array_statics[] = {
    VM_FN("isArray", array_is_array, 1),
    VM_FN("from", array_from, 1),
    VM_FN("of", array_of, 0),
    BUILTINS_SPECIES_GETTER,
    VM_PROPS_END,
};

//> stdlib.array-table
/* In V8's order, which Object.getOwnPropertyNames(Array.prototype) shows. */
static const VMPropDef array_prototype_props[] = {
    VM_FN("at", array_at, 1),
    VM_FN("concat", array_concat, 1),
    VM_FN("copyWithin", array_copy_within, 2),
    VM_FN("fill", array_fill, 1),
    VM_FN_MAGIC("find", array_find, 1, 0),
    VM_FN_MAGIC("findIndex", array_find, 1, FIND_INDEX),
    VM_FN_MAGIC("findLast", array_find, 1, FIND_LAST),
    VM_FN_MAGIC("findLastIndex", array_find, 1, FIND_LAST | FIND_INDEX),
    VM_FN_MAGIC("lastIndexOf", array_search, 1, SEARCH_LAST_INDEX_OF),
    VM_FN("pop", array_pop, 0),
    VM_FN("push", array_push, 1),
    VM_FN("reverse", array_reverse, 0),
    VM_FN("shift", array_shift, 0),
    VM_FN("unshift", array_unshift, 1),
    VM_FN("slice", array_slice, 2),
    VM_FN("sort", array_sort, 1),
    VM_FN("splice", array_splice, 2),
    VM_FN_MAGIC("includes", array_search, 1, SEARCH_INCLUDES),
    VM_FN_MAGIC("indexOf", array_search, 1, SEARCH_INDEX_OF),
    VM_FN_MAGIC("join", array_join, 1, false),
    VM_FN_MAGIC("keys", array_iterator, 0, ITER_KEYS),
    VM_FN_MAGIC("entries", array_iterator, 0, ITER_ENTRIES),
    VM_FN_MAGIC("values", array_iterator, 0, ITER_VALUES),
    VM_FN_MAGIC("forEach", array_each, 1, EACH_FOR_EACH),
    VM_FN_MAGIC("filter", array_each, 1, EACH_FILTER),
    VM_FN("flat", array_flat, 0),
    VM_FN("flatMap", array_flat_map, 1),
    VM_FN_MAGIC("map", array_each, 1, EACH_MAP),
    VM_FN_MAGIC("every", array_each, 1, EACH_EVERY),
    VM_FN_MAGIC("some", array_each, 1, EACH_SOME),
    VM_FN_MAGIC("reduce", array_reduce, 1, 1),
    VM_FN_MAGIC("reduceRight", array_reduce, 1, -1),
    VM_FN_MAGIC("toLocaleString", array_join, 0, true),
    VM_FN("toString", array_to_string, 0),
    VM_FN("toReversed", array_to_reversed, 0),
    VM_FN("toSorted", array_to_sorted, 1),
    VM_FN("toSpliced", array_to_spliced, 2),
    VM_FN("with", array_with, 2),
    VM_SYM_ALIAS(VM_SYMBOL_ITERATOR, "values", VM_ATTR_HIDDEN), /* the same function */
    VM_PROPS_END,
};
//< stdlib.array-table

/* Array.prototype[Symbol.unscopables]: the names a `with (array)` does not bind (newer
 * than most code that uses `with`), in V8's order, on a null-prototype object. */
#define UNSCOPABLE(name) VM_CONSTANT(name, VALUE_TRUE, VM_ATTR_DEFAULT)
static const VMPropDef unscopables_props[] = {
    UNSCOPABLE("at"),         UNSCOPABLE("copyWithin"),    UNSCOPABLE("entries"),
    UNSCOPABLE("fill"),       UNSCOPABLE("find"),          UNSCOPABLE("findIndex"),
    UNSCOPABLE("findLast"),   UNSCOPABLE("findLastIndex"), UNSCOPABLE("flat"),
    UNSCOPABLE("flatMap"),    UNSCOPABLE("includes"),      UNSCOPABLE("keys"),
    UNSCOPABLE("values"),     UNSCOPABLE("toReversed"),    UNSCOPABLE("toSorted"),
    UNSCOPABLE("toSpliced"),  VM_PROPS_END,
};

static void install_unscopables(VM *vm, Value proto) {
  Value u = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  vm_define_props(vm, u, unscopables_props);
  PropertyDescriptor d = {.value = u, .has_value = true, .has_writable = true,
                         .has_enumerable = true, .has_configurable = true, .configurable = true};
  vm_define_property(vm, proto, vm_well_known_symbol(vm, VM_SYMBOL_UNSCOPABLES), &d);
}

static const VMPropDef array_globals[] = {
    VM_CONSTRUCTOR("Array", array_construct, 1, 0, INTRINSIC_ARRAY_PROTOTYPE, array_statics,
                   array_prototype_props),
    VM_PROPS_END,
};

static const VMPropDef array_iterator_props[] = {
    VM_FN("next", array_iterator_next, 0),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Array Iterator", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef iterator_props[] = {
    VM_SYM_FN(VM_SYMBOL_ITERATOR, iterator_self, 0, VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

void builtins_install_array(VM *vm) {
  vm_class_register(vm, &array_iter_class);
  vm_define_props(vm, vm_global(vm), array_globals);
  vm_set_intrinsic(vm, INTRINSIC_ARRAY, vm_get_str(vm, vm_global(vm), "Array"));
  Value proto = vm_intrinsic(vm, INTRINSIC_ARRAY_PROTOTYPE);
  Value iter_proto = vm_intrinsic(vm, INTRINSIC_ARRAY_ITERATOR_PROTOTYPE);
  install_unscopables(vm, proto);
  vm_define_props(vm, iter_proto, array_iterator_props);
  vm_define_props(vm, vm_intrinsic(vm, INTRINSIC_ITERATOR_PROTOTYPE), iterator_props);
  /* Tell the engine, so that for-of and spread over arrays can skip the protocol
   * while neither function has been replaced. */
  vm_register_array_iteration(vm, vm_get_str(vm, proto, "values"), vm_get_str(vm, iter_proto, "next"));
}

/* typedarray_methods.c - the methods of %TypedArray%.prototype that read or rearrange
 * the elements: iteration with a callback, searching, join, reduce, reverse, fill,
 * copyWithin, sort, and the copying toReversed, toSorted and with.
 * Book: chapter 7, "The standard library".
 *
 * Each validates `this` (a typed array inside its buffer), takes the length once, and
 * reads elements with vm_typed_get, which gives undefined once a callback has shrunk the
 * buffer below an index, as the specification's Get would. Families that differ in one
 * choice share a native and a magic number (typedarray.h: TypedEach, TypedSearch).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"
#include "stdlib/ecma/typedarray.h"

#define ARG(i) builtins_arg(argc, argv, i)

/* Element k as a number: NaN (what ToNumber makes of undefined) past a shrunk end. */
static double number_at(Value ta, double k) {
  Value e = vm_typed_get(ta, k);
  return value_is_number(e) ? value_to_number(e) : NAN;
}

/* typed_validate with the message's method name "%TypedArray%.prototype.<name>". */
static bool validate(VM *vm, Value this_value, const char *name, VMViewInfo *v) {
  char method[64];
  snprintf(method, sizeof method, "%%TypedArray%%.prototype.%s", name);
  return typed_validate(vm, this_value, method, v);
}

Value typed_iterator(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const names[] = {"keys", "values", "entries"};
  VMViewInfo v;
  if (!validate(vm, this_value, names[vm_native_magic(vm)], &v)) return VALUE_EXCEPTION;
  return builtins_array_iterator(vm, this_value, vm_native_magic(vm));
}

Value typed_at(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  double k;
  if (!validate(vm, this_value, "at", &v) || !builtins_to_integer(vm, ARG(0), &k))
    return VALUE_EXCEPTION;
  if (k < 0) k += (double)v.length;
  return k < 0 || k >= (double)v.length ? VALUE_UNDEFINED : vm_typed_get(this_value, k);
}

/* ==== every, some, forEach, map, filter, find and its kin ==== */

static const char *const each_names[] = {"every", "some",      "forEach",  "map",          "filter",
                                         "find",  "findIndex", "findLast", "findLastIndex"};

/* After the loop: what each method returns when no element decided it. */
static Value each_end(VM *vm, TypedEach kind, Value this_value, Value result, Value kept) {
  switch (kind) {
  case TYPED_EVERY: return VALUE_TRUE;
  case TYPED_SOME: return VALUE_FALSE;
  case TYPED_MAP: return result;
  case TYPED_FIND_INDEX:
  case TYPED_FIND_LAST_INDEX: return value_from_number(-1);
  case TYPED_FILTER: break;
  default: return VALUE_UNDEFINED;
  }
  double n = vm_array_length(kept);
  Value len = value_from_number(n);
  Value a = typed_species_create(vm, this_value, 1, &len);
  for (double k = 0; k < n && !value_is_exception(a); k++)
    if (value_is_exception(builtins_set_index(vm, a, k, vm_array_get_raw(kept, (uint32_t)k))))
      return VALUE_EXCEPTION;
  return a;
}

/* One element's callback result r: VALUE_HOLE to go on, else what the method returns. */
static Value each_step(VM *vm, TypedEach kind, Value r, Value v, double k, Value result,
                       Value kept) {
  bool yes = vm_truthy(r);
  switch (kind) {
  case TYPED_EVERY: return yes ? VALUE_HOLE : VALUE_FALSE;
  case TYPED_SOME: return yes ? VALUE_TRUE : VALUE_HOLE;
  case TYPED_MAP:
    return value_is_exception(builtins_set_index(vm, result, k, r)) ? VALUE_EXCEPTION : VALUE_HOLE;
  case TYPED_FILTER: return !yes || vm_array_push(vm, kept, v) ? VALUE_HOLE : VALUE_EXCEPTION;
  case TYPED_FIND:
  case TYPED_FIND_LAST: return yes ? v : VALUE_HOLE;
  case TYPED_FIND_INDEX:
  case TYPED_FIND_LAST_INDEX: return yes ? value_from_number(k) : VALUE_HOLE;
  default: return VALUE_HOLE;
  }
}

//> stdlib.typed-each
Value typed_each(VM *vm, Value this_value, int argc, Value *argv) {
  TypedEach kind = (TypedEach)vm_native_magic(vm);
  VMViewInfo v;
  if (!validate(vm, this_value, each_names[kind], &v)) return VALUE_EXCEPTION;
  Value fn = ARG(0), result = VALUE_UNDEFINED, kept = VALUE_UNDEFINED;
  if (!vm_is_callable(fn)) return builtins_throw_not_function(vm, fn);
  double len = (double)v.length;
  Value count = value_from_number(len);
  if (kind == TYPED_MAP)
    result = vm_handle_push(vm, typed_species_create(vm, this_value, 1, &count));
  if (kind == TYPED_FILTER) kept = vm_handle_push(vm, vm_array_new(vm));
  if (value_is_exception(result)) return result;
  bool backwards = kind == TYPED_FIND_LAST || kind == TYPED_FIND_LAST_INDEX;
  int loop = vm_handle_mark(vm);
  for (double i = 0; i < len; i++, vm_handle_reset(vm, loop)) {
    double k = backwards ? len - 1 - i : i;
    Value args[3] = {vm_typed_get(this_value, k), value_from_number(k), this_value};
    Value r = vm_call(vm, fn, ARG(1), 3, args);
    if (value_is_exception(r)) return r;
    Value done = each_step(vm, kind, vm_handle_push(vm, r), args[0], k, result, kept);
    if (done != VALUE_HOLE) return done;
  }
  return each_end(vm, kind, this_value, result, kept);
}
//< stdlib.typed-each

/* ==== includes, indexOf, lastIndexOf ==== */

Value typed_search(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const names[] = {"includes", "indexOf", "lastIndexOf"};
  TypedSearch kind = (TypedSearch)vm_native_magic(vm);
  VMViewInfo v;
  if (!validate(vm, this_value, names[kind], &v)) return VALUE_EXCEPTION;
  double len = (double)v.length, k = kind == TYPED_LAST_INDEX_OF ? len - 1 : 0;
  Value none = kind == TYPED_INCLUDES ? VALUE_FALSE : value_from_number(-1);
  if (len == 0) return none;
  if (argc > 1 && !builtins_to_integer(vm, argv[1], &k)) return VALUE_EXCEPTION;
  if (kind == TYPED_LAST_INDEX_OF) {
    k = k < 0 ? len + k : fmin(k, len - 1);
    for (; k >= 0; k--)
      if (vm_strict_equals(vm_typed_get(this_value, k), ARG(0))) return value_from_number(k);
    return none;
  }
  for (k = k < 0 ? fmax(len + k, 0) : k; k < len; k++) {
    Value e = vm_typed_get(this_value, k);
    if (kind == TYPED_INCLUDES ? vm_same_value_zero(e, ARG(0))
                               : e != VALUE_UNDEFINED && vm_strict_equals(e, ARG(0)))
      return kind == TYPED_INCLUDES ? VALUE_TRUE : value_from_number(k);
  }
  return none;
}

/* ==== join and toLocaleString ==== */

/* One element's text for toLocaleString: element.toLocaleString(). */
static Value locale_text(VM *vm, Value e) {
  Value obj = vm_handle_push(vm, vm_to_object(vm, e));
  Value fn = value_is_exception(obj) ? obj : vm_get_str(vm, obj, "toLocaleString");
  if (value_is_exception(fn)) return fn;
  if (!vm_is_callable(fn)) return builtins_throw_not_function(vm, fn);
  Value r = vm_handle_push(vm, vm_call(vm, fn, e, 0, NULL));
  return value_is_exception(r) ? r : vm_to_string(vm, r);
}

Value typed_join(VM *vm, Value this_value, int argc, Value *argv) {
  bool locale = vm_native_magic(vm);
  VMViewInfo v;
  if (!validate(vm, this_value, locale ? "toLocaleString" : "join", &v)) return VALUE_EXCEPTION;
  double len = (double)v.length;
  Value sep = locale || value_is_undefined(ARG(0)) ? vm_string(vm, ",") : vm_to_string(vm, ARG(0));
  if (value_is_exception(sep)) return sep;
  vm_handle_push(vm, sep);
  StrBuf b = {0};
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++, vm_handle_reset(vm, loop)) {
    if (k > 0) sb_put_js(&b, sep);
    Value e = vm_typed_get(this_value, k);
    if (value_is_undefined(e)) continue;
    Value text = locale ? locale_text(vm, e) : vm_number_to_string(vm, value_to_number(e));
    if (value_is_exception(text)) return sb_free(&b), text;
    sb_put_js(&b, text);
    if (b.len > VM_STRING_MAX) return sb_free(&b), vm_throw_string_length(vm);
  }
  return sb_finish(vm, &b);
}

/* ==== reduce and reduceRight (magic 1 and -1) ==== */

Value typed_reduce(VM *vm, Value this_value, int argc, Value *argv) {
  int step = vm_native_magic(vm);
  VMViewInfo v;
  if (!validate(vm, this_value, step > 0 ? "reduce" : "reduceRight", &v)) return VALUE_EXCEPTION;
  Value fn = ARG(0);
  if (!vm_is_callable(fn)) return builtins_throw_not_function(vm, fn);
  double len = (double)v.length, k = step > 0 ? 0 : len - 1;
  Value acc = ARG(1);
  if (argc < 2) {
    if (len == 0)
      return vm_throw_error(vm, ERR_TYPE, "Reduce of empty array with no initial value");
    acc = vm_typed_get(this_value, k), k += step;
  }
  int loop = vm_handle_mark(vm);
  for (; k >= 0 && k < len; k += step) {
    Value args[4] = {acc, vm_typed_get(this_value, k), value_from_number(k), this_value};
    vm_handle_reset(vm, loop);
    acc = vm_handle_push(vm, vm_call(vm, fn, VALUE_UNDEFINED, 4, args));
    if (value_is_exception(acc)) return acc;
  }
  return acc;
}

/* ==== reverse, fill, copyWithin ==== */

Value typed_reverse(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  if (!validate(vm, this_value, "reverse", &v)) return VALUE_EXCEPTION;
  for (double lo = 0, hi = (double)v.length - 1; lo < hi; lo++, hi--) {
    double a = number_at(this_value, lo), b = number_at(this_value, hi);
    vm_typed_set(this_value, lo, b);
    vm_typed_set(this_value, hi, a);
  }
  return this_value;
}

/* A relative index argument (start, end) clamped to [0, len]; undefined is dflt. */
static bool relative(VM *vm, Value arg, double len, double dflt, double *out) {
  double d = dflt;
  if (!value_is_undefined(arg) && !builtins_to_integer(vm, arg, &d)) return false;
  *out = builtins_clamp_index(d, len);
  return true;
}

Value typed_fill(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  double d, start, end;
  if (!validate(vm, this_value, "fill", &v) || !typed_to_number(vm, ARG(0), &d))
    return VALUE_EXCEPTION;
  double len = (double)v.length;
  if (!relative(vm, ARG(1), len, 0, &start) || !relative(vm, ARG(2), len, len, &end) ||
      !validate(vm, this_value, "fill", &v)) /* the conversions may have shrunk the buffer */
    return VALUE_EXCEPTION;
  end = fmin(end, (double)v.length);
  for (double k = start; k < end; k++) vm_typed_set(this_value, k, d);
  return this_value;
}

Value typed_copy_within(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  double to, from, end;
  if (!validate(vm, this_value, "copyWithin", &v)) return VALUE_EXCEPTION;
  double len = (double)v.length;
  if (!relative(vm, ARG(0), len, 0, &to) || !relative(vm, ARG(1), len, 0, &from) ||
      !relative(vm, ARG(2), len, len, &end) || !validate(vm, this_value, "copyWithin", &v))
    return VALUE_EXCEPTION;
  double count =
      fmin(fmin(end - from, len - to), fmin((double)v.length - from, (double)v.length - to));
  if (count > 0) {
    size_t size = (size_t)vm_typed_size(v.kind);
    memmove(v.data + (size_t)to * size, v.data + (size_t)from * size, (size_t)count * size);
  }
  return this_value;
}

/* ==== sort, toSorted, toReversed, with ==== */

/* The default order: numeric, -0 before +0, NaN last. */
static int compare_numbers(const void *pa, const void *pb) {
  double a = *(const double *)pa, b = *(const double *)pb;
  if (a != a || b != b) return (a != a) - (b != b);
  if (a < b) return -1;
  if (a > b) return 1;
  return signbit(b) - signbit(a) ? (signbit(a) ? -1 : 1) : 0;
}

/* b before a in comparefn's order? 1 yes, 0 no, -1 on exception. */
static int user_after(VM *vm, Value fn, double a, double b) {
  Value args[2] = {value_from_number(a), value_from_number(b)};
  Value r = vm_call(vm, fn, VALUE_UNDEFINED, 2, args);
  double d;
  if (value_is_exception(r) || !typed_to_number(vm, r, &d)) return -1;
  return d > 0;
}

/* A stable merge sort of v[0..n) by comparefn, using tmp; false on exception. */
static bool merge_sort(VM *vm, Value fn, double *v, double *tmp, size_t n) {
  if (n < 2) return true;
  size_t half = n / 2, i = 0, j = half, out = 0;
  if (!merge_sort(vm, fn, v, tmp, half) || !merge_sort(vm, fn, v + half, tmp, n - half))
    return false;
  while (i < half && j < n) {
    int after = user_after(vm, fn, v[i], v[j]);
    if (after < 0) return false;
    tmp[out++] = after ? v[j++] : v[i++];
  }
  while (i < half) tmp[out++] = v[i++];
  while (j < n) tmp[out++] = v[j++];
  memcpy(v, tmp, n * sizeof(double));
  return true;
}

//> stdlib.typed-sort
/* The elements of ta, sorted into a malloc'd array of *n numbers; NULL on exception. */
static double *sorted_values(VM *vm, Value ta, Value fn, size_t *n) {
  VMViewInfo v;
  vm_array_view_info(ta, &v);
  *n = v.length;
  double *values = mem_alloc((2 * v.length + 1) * sizeof(double));
  for (size_t k = 0; k < v.length; k++) values[k] = number_at(ta, (double)k);
  if (value_is_undefined(fn)) {
    qsort(values, v.length, sizeof(double), compare_numbers);
  } else if (!merge_sort(vm, fn, values, values + v.length, v.length)) {
    free(values);
    return NULL;
  }
  return values;
}
//< stdlib.typed-sort

static bool check_comparefn(VM *vm, Value fn) {
  if (value_is_undefined(fn) || vm_is_callable(fn)) return true;
  vm_throw_error(vm, ERR_TYPE, "The comparison function must be either a function or undefined");
  return false;
}

/* Sort ta's elements into target (ta itself, or a copy) with comparefn fn. */
static Value sort_into(VM *vm, Value ta, Value target, Value fn) {
  size_t n;
  double *values = sorted_values(vm, ta, fn, &n);
  if (!values) return VALUE_EXCEPTION;
  for (size_t k = 0; k < n; k++) vm_typed_set(target, (double)k, values[k]);
  free(values);
  return target;
}

Value typed_sort(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  if (!check_comparefn(vm, ARG(0)) || !validate(vm, this_value, "sort", &v)) return VALUE_EXCEPTION;
  return sort_into(vm, this_value, this_value, ARG(0));
}

Value typed_to_sorted(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  if (!check_comparefn(vm, ARG(0)) || !validate(vm, this_value, "toSorted", &v))
    return VALUE_EXCEPTION;
  Value copy = typed_new(vm, v.kind, (double)v.length);
  if (value_is_exception(copy)) return copy;
  return sort_into(vm, this_value, vm_handle_push(vm, copy), ARG(0));
}

Value typed_to_reversed(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  if (!validate(vm, this_value, "toReversed", &v)) return VALUE_EXCEPTION;
  Value copy = typed_new(vm, v.kind, (double)v.length);
  if (value_is_exception(copy)) return copy;
  double len = (double)v.length;
  for (double k = 0; k < len; k++) vm_typed_set(copy, k, number_at(this_value, len - 1 - k));
  return copy;
}

Value typed_with(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  double index, d;
  if (!validate(vm, this_value, "with", &v) || !builtins_to_integer(vm, ARG(0), &index))
    return VALUE_EXCEPTION;
  double len = (double)v.length;
  if (index < 0) index += len;
  if (!typed_to_number(vm, ARG(1), &d)) return VALUE_EXCEPTION;
  vm_array_view_info(this_value, &v);
  if (!(index >= 0 && index < (double)v.length) || v.out_of_bounds)
    return vm_throw_error(vm, ERR_RANGE, "Invalid typed array index");
  Value copy = typed_new(vm, v.kind, len);
  if (value_is_exception(copy)) return copy;
  for (double k = 0; k < len; k++) vm_typed_set(copy, k, k == index ? d : number_at(this_value, k));
  return copy;
}

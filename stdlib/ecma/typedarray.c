/* typedarray.c - %TypedArray% and its nine constructors (Int8Array .. Float64Array):
 * construction from a length, an array-like, an iterable, a buffer window or another
 * typed array; from and of; the accessors; set, subarray and slice.
 * Book: chapter 7, "The standard library".
 *
 * The elements live in an ArrayBuffer and the object model serves them (vm/typedarray.c);
 * this file reads and writes them through vm_typed_get/vm_typed_set, which never run code,
 * after converting values itself. The constructors share one native whose magic is the
 * VMTypedKind; the prototype's other methods are in typedarray_methods.c. Entry point:
 * builtins_install_typed_array.
 */
#include <math.h>
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

/* ==== Checks and new typed arrays ==== */

Value typed_throw_not_typed(VM *vm) {
  return vm_throw_error(vm, ERR_TYPE, "this is not a typed array.");
}

//> stdlib.typed-validate
bool typed_validate(VM *vm, Value v, const char *method, VMViewInfo *info) {
  if (!vm_array_view_info(v, info) || info->kind < 0) {
    typed_throw_not_typed(vm);
    return false;
  }
  if (!info->out_of_bounds) return true;
  vm_throw_error(vm, ERR_TYPE, "Cannot perform %s on a detached ArrayBuffer", method);
  return false;
}
//< stdlib.typed-validate

Value typed_new(VM *vm, int kind, double length) {
  if (length * vm_typed_size(kind) > (double)VM_BUFFER_MAX)
    return vm_throw_error(vm, ERR_RANGE, "Invalid typed array length: %.17g", length);
  size_t bytes = (size_t)length * (size_t)vm_typed_size(kind);
  Value buffer = vm_array_buffer_new(vm, bytes, VM_LENGTH_AUTO,
                                     vm_intrinsic(vm, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
  if (value_is_exception(buffer)) return buffer;
  vm_handle_push(vm, buffer);
  return vm_array_view_new(vm, (VMClass)(VM_CLASS_INT8_ARRAY + kind), buffer, 0, (size_t)length,
                           vm_intrinsic(vm, INTRINSIC_TYPED_PROTOTYPES + kind));
}

/* TypedArrayCreateFromConstructor: new C(...args), which must make a typed array, and
 * one at least `length` long when args is one length. */
static Value typed_create(VM *vm, Value c, int argc, const Value *args) {
  Value r = vm_handle_push(vm, vm_construct(vm, c, argc, args));
  VMViewInfo info;
  if (value_is_exception(r) || !typed_validate(vm, r, "Construct", &info)) return VALUE_EXCEPTION;
  if (argc == 1 && value_is_number(args[0]) && (double)info.length < value_to_number(args[0]))
    return vm_throw_error(vm, ERR_TYPE,
                          "Derived TypedArray constructor created an array which was too small");
  return r;
}

Value typed_species_create(VM *vm, Value exemplar, int argc, const Value *args) {
  int kind = vm_typed_kind(exemplar);
  Value c = builtins_species_constructor(vm, exemplar, vm_intrinsic(vm, INTRINSIC_TYPED_CONSTRUCTORS + kind));
  if (value_is_exception(c)) return c;
  return typed_create(vm, vm_handle_push(vm, c), argc, args);
}

bool typed_to_number(VM *vm, Value v, double *out) {
  Value n = value_is_number(v) ? v : vm_to_number(vm, v);
  if (value_is_exception(n)) return false;
  *out = value_to_number(n);
  return true;
}

/* Set ta[k] = v for k < len from a source read by index (an array-like or a list). */
static Value fill_from_source(VM *vm, Value ta, Value source, double len) {
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++, vm_handle_reset(vm, loop)) {
    Value v = builtins_get_index(vm, source, k);
    double d;
    if (value_is_exception(v) || !typed_to_number(vm, v, &d)) return VALUE_EXCEPTION;
    vm_typed_set(ta, k, d);
  }
  return ta;
}

/* ==== The constructors ==== */

/* new XArray(buffer, byteOffset, length): a window on the buffer. */
static Value from_buffer(VM *vm, int kind, Value buffer, Value offset_arg, Value length_arg,
                         Value proto) {
  const char *name = vm_typed_name(kind);
  size_t size = (size_t)vm_typed_size(kind);
  double offset, length = 0;
  if (!builtins_to_index(vm, offset_arg, "Start offset is outside the bounds of the buffer",
                         &offset))
    return VALUE_EXCEPTION;
  if (fmod(offset, (double)size) != 0)
    return vm_throw_error(vm, ERR_RANGE, "start offset of %s should be a multiple of %zu", name,
                          size);
  bool auto_length = value_is_undefined(length_arg);
  if (!auto_length && !builtins_to_index(vm, length_arg, "Invalid typed array length", &length))
    return VALUE_EXCEPTION;
  VMBufferInfo b;
  vm_array_buffer_info(buffer, &b);
  if (auto_length && b.resizable) {
    if (offset > (double)b.length)
      return vm_throw_error(vm, ERR_RANGE, "Start offset %.17g is outside the bounds of the buffer",
                            offset);
    return vm_array_view_new(vm, (VMClass)(VM_CLASS_INT8_ARRAY + kind), buffer, (size_t)offset,
                             VM_LENGTH_AUTO, proto);
  }
  if (auto_length) {
    if (b.length % size)
      return vm_throw_error(vm, ERR_RANGE, "byte length of %s should be a multiple of %zu", name,
                            size);
    if (offset > (double)b.length)
      return vm_throw_error(vm, ERR_RANGE, "Start offset %.17g is outside the bounds of the buffer",
                            offset);
    length = (double)((b.length - (size_t)offset) / size);
  } else if (offset + length * (double)size > (double)b.length) {
    return vm_throw_error(vm, ERR_RANGE, "Invalid typed array length: %.17g", length);
  }
  return vm_array_view_new(vm, (VMClass)(VM_CLASS_INT8_ARRAY + kind), buffer, (size_t)offset,
                           (size_t)length, proto);
}

/* new XArray(typedArray): a copy of its elements, converted. */
static Value from_typed(VM *vm, int kind, Value source) {
  VMViewInfo s;
  if (!typed_validate(vm, source, "Construct", &s)) return VALUE_EXCEPTION;
  Value ta = typed_new(vm, kind, (double)s.length);
  if (value_is_exception(ta)) return ta;
  vm_array_view_info(source, &s);
  VMViewInfo d;
  vm_array_view_info(ta, &d);
  if (s.kind == kind) {
    if (s.byte_length) memcpy(d.data, s.data, s.byte_length);
    return ta;
  }
  for (size_t k = 0; k < s.length; k++) vm_typed_set(ta, (double)k, number_at(source, (double)k));
  return ta;
}

static Value collect_item(VM *vm, Value item, void *list) {
  return vm_array_push(vm, *(Value *)list, item) ? VALUE_UNDEFINED : VALUE_EXCEPTION;
}

/* IteratorToList when source is iterable; else source itself, an array-like. */
Value typed_source_list(VM *vm, Value source) {
  Value method = vm_get(vm, source, vm_well_known_symbol(vm, VM_SYMBOL_ITERATOR));
  if (value_is_exception(method) || value_is_nullish(method))
    return value_is_exception(method) ? method : source;
  if (!vm_is_callable(method)) return builtins_throw_not_function(vm, method);
  Value list = vm_handle_push(vm, vm_array_new(vm));
  Value r = builtins_iterate(vm, source, collect_item, &list);
  return value_is_exception(r) ? r : list;
}

/* new XArray(object): from an iterable, or from an array-like. */
static Value from_object(VM *vm, int kind, Value source) {
  Value list = vm_handle_push(vm, typed_source_list(vm, source));
  double len;
  if (value_is_exception(list) || !builtins_length_of(vm, list, &len)) return VALUE_EXCEPTION;
  Value ta = typed_new(vm, kind, len);
  if (value_is_exception(ta)) return ta;
  return fill_from_source(vm, vm_handle_push(vm, ta), list, len);
}

static Value set_prototype(VM *vm, Value ta, Value proto) {
  if (!value_is_exception(ta)) vm_set_prototype(vm, ta, proto);
  return ta;
}

//> stdlib.typed-constructor
/* new Int8Array(...) .. new Float64Array(...): the magic is the VMTypedKind. */
static Value typed_construct(VM *vm, Value this_value, int argc, Value *argv) {
  int kind = vm_native_magic(vm);
  Value target = vm_new_target(vm), arg = ARG(0), proto;
  double n = 0;
  if (value_is_undefined(target))
    return vm_throw_error(vm, ERR_TYPE, "Constructor %s requires 'new'", vm_typed_name(kind));
  if (!value_is_object(arg)) { /* a length */
    if (!value_is_undefined(arg) && !builtins_to_integer(vm, arg, &n)) return VALUE_EXCEPTION;
    if (n < 0 || n > 9007199254740991.0)
      return vm_throw_error(vm, ERR_RANGE, "Invalid typed array length: %.17g", n);
  }
  if (!builtins_prototype_from(vm, target, INTRINSIC_TYPED_PROTOTYPES + kind, &proto))
    return VALUE_EXCEPTION;
  vm_handle_push(vm, proto);
  VMBufferInfo b;
  VMViewInfo v;
  if (vm_array_buffer_info(arg, &b)) return from_buffer(vm, kind, arg, ARG(1), ARG(2), proto);
  Value ta = !value_is_object(arg)                        ? typed_new(vm, kind, n)
             : vm_array_view_info(arg, &v) && v.kind >= 0 ? from_typed(vm, kind, arg)
                                                          : from_object(vm, kind, arg);
  return set_prototype(vm, ta, proto);
}
//< stdlib.typed-constructor

static Value abstract_construct(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_throw_error(vm, ERR_TYPE, "Abstract class TypedArray not directly constructable");
}

/* ==== %TypedArray%.from and .of ==== */

static bool check_constructor(VM *vm, Value c, const char *method) {
  if (vm_is_constructor(c)) return true;
  char *text = builtins_describe(vm, c);
  vm_throw_error(vm, ERR_TYPE, "%s is not a constructor", text);
  free(text);
  return false;
}

/* from(source, mapFn, thisArg) */
static Value typed_from(VM *vm, Value this_value, int argc, Value *argv) {
  Value map_fn = ARG(1);
  if (!check_constructor(vm, this_value, "from")) return VALUE_EXCEPTION;
  if (!value_is_undefined(map_fn) && !vm_is_callable(map_fn))
    return builtins_throw_not_function(vm, map_fn);
  Value source = vm_handle_push(vm, vm_to_object(vm, ARG(0)));
  Value list =
      value_is_exception(source) ? source : vm_handle_push(vm, typed_source_list(vm, source));
  double len;
  if (value_is_exception(list) || !builtins_length_of(vm, list, &len)) return VALUE_EXCEPTION;
  Value n = value_from_number(len);
  Value ta = typed_create(vm, this_value, 1, &n);
  if (value_is_exception(ta)) return ta;
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++, vm_handle_reset(vm, loop)) {
    Value v = vm_handle_push(vm, builtins_get_index(vm, list, k));
    if (!value_is_exception(v) && !value_is_undefined(map_fn)) {
      Value args[2] = {v, value_from_number(k)};
      v = vm_handle_push(vm, vm_call(vm, map_fn, ARG(2), 2, args));
    }
    if (value_is_exception(v) || value_is_exception(builtins_set_index(vm, ta, k, v)))
      return VALUE_EXCEPTION;
  }
  return ta;
}

static Value typed_of(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_constructor(vm, this_value, "of")) return VALUE_EXCEPTION;
  Value n = value_from_number(argc);
  Value ta = typed_create(vm, this_value, 1, &n);
  for (int k = 0; k < argc && !value_is_exception(ta); k++)
    if (value_is_exception(builtins_set_index(vm, ta, k, argv[k]))) return VALUE_EXCEPTION;
  return ta;
}

/* ==== The accessors: buffer, byteLength, byteOffset, length (magic 0..3) ==== */

static Value typed_accessor(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const names[] = {"buffer", "byteLength", "byteOffset", "length"};
  int which = vm_native_magic(vm);
  VMViewInfo v;
  if (!vm_array_view_info(this_value, &v) || v.kind < 0) {
    char *text = builtins_describe(vm, this_value);
    vm_throw_error(vm, ERR_TYPE,
                   "Method get TypedArray.prototype.%s called on incompatible receiver %s",
                   names[which], text);
    free(text);
    return VALUE_EXCEPTION;
  }
  if (which == 0) return v.buffer;
  if (v.out_of_bounds) return value_from_number(0);
  double r = which == 1 ? (double)v.byte_length : which == 2 ? (double)v.offset : (double)v.length;
  return value_from_number(r);
}

static Value typed_to_string_tag(VM *vm, Value this_value, int argc, Value *argv) {
  int kind = vm_typed_kind(this_value);
  return kind < 0 ? VALUE_UNDEFINED : vm_string(vm, vm_typed_name(kind));
}

/* ==== set, subarray, slice ==== */

/* set(typedArray, offset): the source's values, read before any is written (the two
 * may share a buffer). */
static Value set_from_typed(VM *vm, Value target, Value source, double offset) {
  VMViewInfo t, s;
  if (!typed_validate(vm, source, "%TypedArray%.prototype.set", &s)) return VALUE_EXCEPTION;
  vm_array_view_info(target, &t);
  if ((double)s.length + offset > (double)t.length)
    return vm_throw_error(vm, ERR_RANGE, "offset is out of bounds");
  if (s.kind == t.kind) {
    if (s.byte_length)
      memmove(t.data + (size_t)offset * (size_t)vm_typed_size(t.kind), s.data, s.byte_length);
    return VALUE_UNDEFINED;
  }
  double *values = mem_alloc((s.length + 1) * sizeof(double));
  for (size_t k = 0; k < s.length; k++) values[k] = number_at(source, (double)k);
  for (size_t k = 0; k < s.length; k++) vm_typed_set(target, offset + (double)k, values[k]);
  free(values);
  return VALUE_UNDEFINED;
}

/* set(arrayLike, offset) */
static Value set_from_object(VM *vm, Value target, Value source, double offset) {
  Value src = vm_handle_push(vm, vm_to_object(vm, source));
  double len;
  if (value_is_exception(src) || !builtins_length_of(vm, src, &len)) return VALUE_EXCEPTION;
  VMViewInfo t;
  vm_array_view_info(target, &t);
  if (len + offset > (double)t.length)
    return vm_throw_error(vm, ERR_RANGE, "offset is out of bounds");
  int loop = vm_handle_mark(vm);
  for (double k = 0; k < len; k++, vm_handle_reset(vm, loop)) {
    Value v = builtins_get_index(vm, src, k);
    double d;
    if (value_is_exception(v) || !typed_to_number(vm, v, &d)) return VALUE_EXCEPTION;
    vm_typed_set(target, offset + k, d);
  }
  return VALUE_UNDEFINED;
}

static Value typed_set(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo t;
  double offset;
  if (!vm_array_view_info(this_value, &t) || t.kind < 0) return typed_throw_not_typed(vm);
  if (!builtins_to_integer(vm, ARG(1), &offset)) return VALUE_EXCEPTION;
  if (offset < 0) return vm_throw_error(vm, ERR_RANGE, "offset is out of bounds");
  if (!typed_validate(vm, this_value, "%TypedArray%.prototype.set", &t)) return VALUE_EXCEPTION;
  VMViewInfo s;
  if (vm_array_view_info(ARG(0), &s) && s.kind >= 0)
    return set_from_typed(vm, this_value, ARG(0), offset);
  return set_from_object(vm, this_value, ARG(0), offset);
}

//> stdlib.typed-subarray
/* subarray(begin, end): a new view of the same buffer, made by the species constructor. */
static Value typed_subarray(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  if (!vm_array_view_info(this_value, &v) || v.kind < 0) return typed_throw_not_typed(vm);
  double len = (double)v.length, begin, end = len;
  if (!builtins_to_integer(vm, ARG(0), &begin) ||
      (!value_is_undefined(ARG(1)) && !builtins_to_integer(vm, ARG(1), &end)))
    return VALUE_EXCEPTION;
  begin = builtins_clamp_index(begin, len), end = builtins_clamp_index(end, len);
  size_t size = (size_t)vm_typed_size(v.kind);
  Value args[3] = {v.buffer, value_from_number((double)v.offset + begin * (double)size),
                   value_from_number(end > begin ? end - begin : 0)};
  bool track = v.tracking && value_is_undefined(ARG(1));
  return typed_species_create(vm, this_value, track ? 2 : 3, args);
}
//< stdlib.typed-subarray

static Value typed_slice(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo v;
  if (!typed_validate(vm, this_value, "%TypedArray%.prototype.slice", &v)) return VALUE_EXCEPTION;
  double len = (double)v.length, start, end = len;
  if (!builtins_to_integer(vm, ARG(0), &start) ||
      (!value_is_undefined(ARG(1)) && !builtins_to_integer(vm, ARG(1), &end)))
    return VALUE_EXCEPTION;
  start = builtins_clamp_index(start, len), end = builtins_clamp_index(end, len);
  Value n = value_from_number(end > start ? end - start : 0);
  Value a = typed_species_create(vm, this_value, 1, &n);
  if (value_is_exception(a) || end <= start) return a;
  if (!typed_validate(vm, this_value, "%TypedArray%.prototype.slice", &v)) return VALUE_EXCEPTION;
  VMViewInfo r;
  vm_array_view_info(a, &r);
  end = fmin(end, (double)v.length);
  if (r.kind == v.kind && end > start) {         /* the same type: the bytes, as they are, in */
    size_t size = (size_t)vm_typed_size(v.kind); /* increasing order even if they overlap */
    const uint8_t *from = v.data + (size_t)start * size;
    for (size_t i = 0, n = (size_t)(end - start) * size; i < n; i++) r.data[i] = from[i];
    return a;
  }
  for (double k = start; k < end; k++) vm_typed_set(a, k - start, number_at(this_value, k));
  return a;
}

/* ==== Installing ==== */

static const VMPropDef typed_statics[] = {
    VM_FN("of", typed_of, 0),
    VM_FN("from", typed_from, 1),
    BUILTINS_SPECIES_GETTER,
    VM_PROPS_END,
};

//> stdlib.typed-table
/* %TypedArray%.prototype in V8's order, which Object.getOwnPropertyNames shows; its
 * toString is Array.prototype.toString itself, put between the two halves. */
static const VMPropDef typed_prototype_props[] = {
    VM_GETSET_MAGIC("buffer", typed_accessor, NULL, 0),
    VM_GETSET_MAGIC("byteLength", typed_accessor, NULL, 1),
    VM_GETSET_MAGIC("byteOffset", typed_accessor, NULL, 2),
    VM_GETSET_MAGIC("length", typed_accessor, NULL, 3),
    VM_FN_MAGIC("entries", typed_iterator, 0, 2),
    VM_FN_MAGIC("keys", typed_iterator, 0, 0),
    VM_FN_MAGIC("values", typed_iterator, 0, 1),
    VM_FN("at", typed_at, 1),
    VM_FN("copyWithin", typed_copy_within, 2),
    VM_FN_MAGIC("every", typed_each, 1, TYPED_EVERY),
    VM_FN("fill", typed_fill, 1),
    VM_FN_MAGIC("filter", typed_each, 1, TYPED_FILTER),
    VM_FN_MAGIC("find", typed_each, 1, TYPED_FIND),
    VM_FN_MAGIC("findIndex", typed_each, 1, TYPED_FIND_INDEX),
    VM_FN_MAGIC("findLast", typed_each, 1, TYPED_FIND_LAST),
    VM_FN_MAGIC("findLastIndex", typed_each, 1, TYPED_FIND_LAST_INDEX),
    VM_FN_MAGIC("forEach", typed_each, 1, TYPED_FOR_EACH),
    VM_FN_MAGIC("includes", typed_search, 1, TYPED_INCLUDES),
    VM_FN_MAGIC("indexOf", typed_search, 1, TYPED_INDEX_OF),
    VM_FN_MAGIC("join", typed_join, 1, 0),
    VM_FN_MAGIC("lastIndexOf", typed_search, 1, TYPED_LAST_INDEX_OF),
    VM_FN_MAGIC("map", typed_each, 1, TYPED_MAP),
    VM_FN("reverse", typed_reverse, 0),
    VM_FN_MAGIC("reduce", typed_reduce, 1, 1),
    VM_FN_MAGIC("reduceRight", typed_reduce, 1, -1),
    VM_FN("set", typed_set, 1),
    VM_FN("slice", typed_slice, 2),
    VM_FN_MAGIC("some", typed_each, 1, TYPED_SOME),
    VM_FN("sort", typed_sort, 1),
    VM_FN("subarray", typed_subarray, 2),
    VM_FN_MAGIC("toLocaleString", typed_join, 0, 1),
    VM_PROPS_END,
};

static const VMPropDef typed_prototype_tail[] = {
    VM_FN("toReversed", typed_to_reversed, 0),
    VM_FN("toSorted", typed_to_sorted, 1),
    VM_FN("with", typed_with, 2),
    VM_SYM_ALIAS(VM_SYMBOL_ITERATOR, "values", VM_ATTR_HIDDEN),
    {.symbol = 1 + VM_SYMBOL_TO_STRING_TAG,
     .kind = VM_PROP_ACCESSOR,
     .attrs = VM_ATTR_CONFIGURABLE,
     .fn = typed_to_string_tag},
    VM_PROPS_END,
};
//< stdlib.typed-table

static const VMPropDef abstract_global[] = {
    VM_CONSTRUCTOR("TypedArray", abstract_construct, 0, 0, INTRINSIC_TYPED_ARRAY_PROTOTYPE,
                   typed_statics, typed_prototype_props),
    VM_PROPS_END,
};

#define KIND_ROW(name_, kind_, size_)                                                              \
  VM_CONSTRUCTOR(name_, typed_construct, 3, kind_, INTRINSIC_TYPED_PROTOTYPES + (kind_), size_,    \
                 size_)

static const VMPropDef size_1[] = {VM_NUMBER("BYTES_PER_ELEMENT", 1, 0), VM_PROPS_END};
static const VMPropDef size_2[] = {VM_NUMBER("BYTES_PER_ELEMENT", 2, 0), VM_PROPS_END};
static const VMPropDef size_4[] = {VM_NUMBER("BYTES_PER_ELEMENT", 4, 0), VM_PROPS_END};
static const VMPropDef size_8[] = {VM_NUMBER("BYTES_PER_ELEMENT", 8, 0), VM_PROPS_END};

static const VMPropDef kind_globals[] = {
    KIND_ROW("Int8Array", VM_TYPED_INT8, size_1),
    KIND_ROW("Uint8Array", VM_TYPED_UINT8, size_1),
    KIND_ROW("Uint8ClampedArray", VM_TYPED_UINT8_CLAMPED, size_1),
    KIND_ROW("Int16Array", VM_TYPED_INT16, size_2),
    KIND_ROW("Uint16Array", VM_TYPED_UINT16, size_2),
    KIND_ROW("Int32Array", VM_TYPED_INT32, size_4),
    KIND_ROW("Uint32Array", VM_TYPED_UINT32, size_4),
    KIND_ROW("Float32Array", VM_TYPED_FLOAT32, size_4),
    KIND_ROW("Float64Array", VM_TYPED_FLOAT64, size_8),
    VM_PROPS_END,
};

/* %TypedArray% (not a global): made from its row, then the methods in V8's order. */
static Value install_abstract(VM *vm) {
  Value abstract = vm_handle_push(vm, vm_prop_value(vm, abstract_global));
  vm_set_intrinsic(vm, INTRINSIC_TYPED_ARRAY, abstract);
  Value proto = vm_intrinsic(vm, INTRINSIC_TYPED_ARRAY_PROTOTYPE);
  Value to_string = vm_get_str(vm, vm_intrinsic(vm, INTRINSIC_ARRAY_PROTOTYPE), "toString");
  vm_define_str(vm, proto, "toString", to_string, VM_ATTR_HIDDEN);
  vm_define_props(vm, proto, typed_prototype_tail);
  return abstract;
}

void builtins_install_typed_array(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value abstract = install_abstract(vm), global = vm_global(vm);
  Value abstract_proto = vm_intrinsic(vm, INTRINSIC_TYPED_ARRAY_PROTOTYPE);
  vm_define_props(vm, global, kind_globals);
  for (int kind = 0; kind < VM_TYPED_COUNT; kind++) { /* each inherits from %TypedArray% */
    Value ctor = vm_get_str(vm, global, vm_typed_name(kind));
    vm_set_intrinsic(vm, INTRINSIC_TYPED_CONSTRUCTORS + kind, ctor);
    vm_set_prototype(vm, ctor, abstract);
    vm_set_prototype(vm, vm_intrinsic(vm, INTRINSIC_TYPED_PROTOTYPES + kind), abstract_proto);
  }
  vm_handle_reset(vm, mark);
}

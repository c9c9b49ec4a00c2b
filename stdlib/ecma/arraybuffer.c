/* arraybuffer.c - ArrayBuffer: the constructor (with node 20's resizable buffers, the
 * maxByteLength option), ArrayBuffer.isView, and ArrayBuffer.prototype: byteLength,
 * maxByteLength, resizable, resize, slice. Book: chapter 7, "The standard library".
 *
 * The bytes and their views are the engine's (vm/typedarray.c: vm_array_buffer_new,
 * vm_array_buffer_info); this file checks arguments the way V8 does and says what V8
 * says. Entry point: builtins_install_array_buffer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, i)

/* "Method ArrayBuffer.prototype.slice called on incompatible receiver #<Object>". */
static Value throw_receiver(VM *vm, const char *method, Value receiver) {
  return builtins_throw_incompatible(vm, receiver, vm_native_magic(vm) ? "get " : "",
                                     "ArrayBuffer", method);
}

/* ==== The constructor ==== */

/* The maxByteLength option: VM_LENGTH_AUTO when absent (a fixed-length buffer). */
static bool max_length_option(VM *vm, Value options, double *out) {
  *out = -1;
  if (!value_is_object(options)) return true;
  Value max = vm_get_str(vm, options, "maxByteLength");
  if (value_is_exception(max)) return false;
  if (value_is_undefined(max)) return true;
  return builtins_to_index(vm, max, "Invalid array buffer max length", out);
}

//> stdlib.array-buffer-constructor
/* new ArrayBuffer(length, { maxByteLength }) */
static Value buffer_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm), proto;
  if (value_is_undefined(target))
    return vm_throw_error(vm, ERR_TYPE, "Constructor ArrayBuffer requires 'new'");
  double length, max;
  if (!builtins_to_index(vm, ARG(0), "Invalid array buffer length", &length) ||
      !max_length_option(vm, ARG(1), &max))
    return VALUE_EXCEPTION;
  if (max >= 0 && length > max)
    return vm_throw_error(vm, ERR_RANGE, "Invalid array buffer max length");
  if (!builtins_prototype_from(vm, target, INTRINSIC_ARRAY_BUFFER_PROTOTYPE, &proto))
    return VALUE_EXCEPTION;
  if (length > VM_BUFFER_MAX || max > (double)VM_BUFFER_MAX)
    return vm_throw_error(vm, ERR_RANGE, "Array buffer allocation failed");
  return vm_array_buffer_new(vm, (size_t)length, max < 0 ? VM_LENGTH_AUTO : (size_t)max, proto);
}
//< stdlib.array-buffer-constructor

static Value buffer_is_view(VM *vm, Value this_value, int argc, Value *argv) {
  VMViewInfo info;
  return value_from_bool(vm_array_view_info(ARG(0), &info));
}

/* ==== The prototype ==== */

/* byteLength (magic 1: a getter), maxByteLength and resizable. */
static Value buffer_byte_length(VM *vm, Value this_value, int argc, Value *argv) {
  VMBufferInfo b;
  if (!vm_array_buffer_info(this_value, &b)) return throw_receiver(vm, "byteLength", this_value);
  return value_from_number((double)b.length);
}

static Value buffer_max_byte_length(VM *vm, Value this_value, int argc, Value *argv) {
  VMBufferInfo b;
  if (!vm_array_buffer_info(this_value, &b)) return throw_receiver(vm, "maxByteLength", this_value);
  return value_from_number((double)b.max_length);
}

static Value buffer_resizable(VM *vm, Value this_value, int argc, Value *argv) {
  VMBufferInfo b;
  if (!vm_array_buffer_info(this_value, &b)) return throw_receiver(vm, "resizable", this_value);
  return value_from_bool(b.resizable);
}

static Value buffer_resize(VM *vm, Value this_value, int argc, Value *argv) {
  VMBufferInfo b;
  if (!vm_array_buffer_info(this_value, &b) || !b.resizable)
    return throw_receiver(vm, "resize", this_value);
  double length;
  if (!builtins_to_index(vm, ARG(0), "ArrayBuffer.prototype.resize: Invalid length parameter",
                         &length))
    return VALUE_EXCEPTION;
  if (length > (double)b.max_length)
    return vm_throw_error(vm, ERR_RANGE, "ArrayBuffer.prototype.resize: Invalid length parameter");
  vm_array_buffer_resize(vm, this_value, (size_t)length);
  return VALUE_UNDEFINED;
}

/* The buffer a species constructor made for slice: an ArrayBuffer, not this one, big
 * enough. */
static bool check_slice_result(VM *vm, Value result, Value original, double length) {
  VMBufferInfo r;
  if (!vm_array_buffer_info(result, &r)) {
    char *text = builtins_describe(vm, result);
    vm_throw_error(vm, ERR_TYPE,
                   "Method ArrayBuffer.prototype.slice called on incompatible receiver %s", text);
    free(text);
    return false;
  }
  if (result == original) {
    vm_throw_error(vm, ERR_TYPE, "ArrayBuffer subclass returned this from species constructor");
    return false;
  }
  if ((double)r.length < length) {
    vm_throw_error(vm, ERR_TYPE, "Species constructor returned a too-small buffer");
    return false;
  }
  return true;
}

//> stdlib.array-buffer-slice
static Value buffer_slice(VM *vm, Value this_value, int argc, Value *argv) {
  VMBufferInfo b;
  if (!vm_array_buffer_info(this_value, &b)) return throw_receiver(vm, "slice", this_value);
  double len = (double)b.length, start, end = len;
  if (!builtins_to_integer(vm, ARG(0), &start)) return VALUE_EXCEPTION;
  if (!value_is_undefined(ARG(1)) && !builtins_to_integer(vm, ARG(1), &end)) return VALUE_EXCEPTION;
  start = builtins_clamp_index(start, len), end = builtins_clamp_index(end, len);
  double count = end > start ? end - start : 0;
  Value ctor =
      vm_handle_push(vm, builtins_species_constructor(vm, this_value, vm_intrinsic(vm, INTRINSIC_ARRAY_BUFFER)));
  if (value_is_exception(ctor)) return ctor;
  Value n = value_from_number(count);
  Value result = vm_handle_push(vm, vm_construct(vm, ctor, 1, &n));
  if (value_is_exception(result) || !check_slice_result(vm, result, this_value, count))
    return VALUE_EXCEPTION;
  VMBufferInfo from, to; /* again: the constructor may have resized this buffer */
  vm_array_buffer_info(this_value, &from), vm_array_buffer_info(result, &to);
  size_t first = (size_t)start, avail = first < from.length ? from.length - first : 0;
  size_t copy = (size_t)count < avail ? (size_t)count : avail;
  if (copy) memmove(to.data, from.data + first, copy);
  return result;
}
//< stdlib.array-buffer-slice

/* ==== Installing ==== */

static const VMPropDef buffer_statics[] = {
    VM_FN("isView", buffer_is_view, 1),
    BUILTINS_SPECIES_GETTER,
    VM_PROPS_END,
};

/* In V8's order, which Object.getOwnPropertyNames(ArrayBuffer.prototype) shows. */
static const VMPropDef buffer_prototype_props[] = {
    VM_GETSET_MAGIC("byteLength", buffer_byte_length, NULL, 1),
    VM_FN("slice", buffer_slice, 2),
    VM_GETSET_MAGIC("maxByteLength", buffer_max_byte_length, NULL, 1),
    VM_GETSET_MAGIC("resizable", buffer_resizable, NULL, 1),
    VM_FN("resize", buffer_resize, 1),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "ArrayBuffer", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef buffer_globals[] = {
    VM_CONSTRUCTOR("ArrayBuffer", buffer_construct, 1, 0, INTRINSIC_ARRAY_BUFFER_PROTOTYPE,
                   buffer_statics, buffer_prototype_props),
    VM_PROPS_END,
};

void builtins_install_array_buffer(VM *vm) {
  vm_define_props(vm, vm_global(vm), buffer_globals);
  vm_set_intrinsic(vm, INTRINSIC_ARRAY_BUFFER, vm_get_str(vm, vm_global(vm), "ArrayBuffer"));
}

/* dataview.c - DataView: a window on an ArrayBuffer read and written one number at a
 * time, at any byte offset, in either byte order. Book: chapter 7, "The standard library".
 *
 * A DataView is one of the engine's array views (vm_array_view_new, class DATA_VIEW);
 * the eight getters and eight setters are one native each, told apart by their magic
 * (the VMTypedKind of the number they read). BigInt stays out, so getBigInt64 and its
 * kin do not exist. Entry point: builtins_install_data_view.
 */
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, i)

/* this as a DataView, or V8's TypeError naming the method (V8 names every receiver
 * `undefined` here, and the accessors by its internal names: byte_length). */
static bool this_view(VM *vm, Value this_value, const char *method, bool getter, VMViewInfo *v) {
  if (vm_array_view_info(this_value, v) && v->kind < 0) return true;
  vm_throw_error(vm, ERR_TYPE,
                 "Method %sDataView.prototype.%s called on incompatible receiver undefined",
                 getter ? "get " : "", method);
  return false;
}

static Value throw_out_of_bounds(VM *vm, const char *method) {
  return vm_throw_error(vm, ERR_TYPE,
                        "Cannot perform DataView.prototype.%s on a detached ArrayBuffer", method);
}

/* ==== The constructor ==== */

/* The view's length: what the caller asked for, or the rest of the buffer (tracking it
 * when the buffer is resizable). RangeError when it does not fit. */
static bool view_length_arg(VM *vm, Value arg, const VMBufferInfo *b, double offset, size_t *out) {
  double length;
  if (value_is_undefined(arg)) {
    *out = b->resizable ? VM_LENGTH_AUTO : b->length - (size_t)offset;
    return true;
  }
  if (!builtins_to_index(vm, arg, "Invalid DataView length", &length)) return false;
  if (offset + length > (double)b->length) {
    vm_throw_error(vm, ERR_RANGE, "Invalid DataView length %.17g", length);
    return false;
  }
  *out = (size_t)length;
  return true;
}

//> stdlib.data-view-constructor
/* new DataView(buffer, byteOffset, byteLength) */
static Value view_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm), buffer = ARG(0), proto;
  if (value_is_undefined(target))
    return vm_throw_error(vm, ERR_TYPE, "Constructor DataView requires 'new'");
  VMBufferInfo b;
  if (!vm_array_buffer_info(buffer, &b))
    return vm_throw_error(vm, ERR_TYPE,
                          "First argument to DataView constructor must be an ArrayBuffer");
  double offset;
  if (!builtins_to_index(vm, ARG(1), "Start offset is outside the bounds of the buffer", &offset))
    return VALUE_EXCEPTION;
  if (offset > (double)b.length)
    return vm_throw_error(vm, ERR_RANGE, "Start offset %.17g is outside the bounds of the buffer",
                          offset);
  size_t length;
  if (!view_length_arg(vm, ARG(2), &b, offset, &length) ||
      !builtins_prototype_from(vm, target, INTRINSIC_DATA_VIEW_PROTOTYPE, &proto))
    return VALUE_EXCEPTION;
  vm_array_buffer_info(buffer, &b); /* new.target's prototype getter may have resized it */
  if (offset > (double)b.length || (length != VM_LENGTH_AUTO && offset + length > b.length))
    return vm_throw_error(vm, ERR_RANGE, "Start offset %.17g is outside the bounds of the buffer",
                          offset);
  return vm_array_view_new(vm, VM_CLASS_DATA_VIEW, buffer, (size_t)offset, length, proto);
}
//< stdlib.data-view-constructor

/* ==== The accessors: buffer, byteLength, byteOffset (the magic says which) ==== */

static Value view_accessor(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const names[] = {"buffer", "byteLength", "byteOffset"};
  static const char *const v8_names[] = {"buffer", "byte_length", "byte_offset"};
  int which = vm_native_magic(vm);
  VMViewInfo v;
  if (!this_view(vm, this_value, v8_names[which], true, &v)) return VALUE_EXCEPTION;
  if (which == 0) return v.buffer;
  if (v.out_of_bounds) return throw_out_of_bounds(vm, names[which]);
  return value_from_number(which == 1 ? (double)v.byte_length : (double)v.offset);
}

/* ==== get and set ==== */

static const char *const get_names[] = {"getInt8",   "getUint8",   "getUint8",
                                        "getInt16",  "getUint16",  "getInt32",
                                        "getUint32", "getFloat32", "getFloat64"};
static const char *const set_names[] = {"setInt8",   "setUint8",   "setUint8",
                                        "setInt16",  "setUint16",  "setInt32",
                                        "setUint32", "setFloat32", "setFloat64"};

/* Where the number at `index` starts, checked against the view as it is now. */
static uint8_t *view_at(VM *vm, Value this_value, const char *method, double index, int kind) {
  VMViewInfo v;
  vm_array_view_info(this_value, &v);
  if (v.out_of_bounds) {
    throw_out_of_bounds(vm, method);
    return NULL;
  }
  if (index + vm_typed_size(kind) > (double)v.byte_length) {
    vm_throw_error(vm, ERR_RANGE, "Offset is outside the bounds of the DataView");
    return NULL;
  }
  return v.data + (size_t)index;
}

//> stdlib.data-view-get
/* getInt8(byteOffset), ..., getFloat64(byteOffset, littleEndian); magic: the kind. */
static Value view_get(VM *vm, Value this_value, int argc, Value *argv) {
  int kind = vm_native_magic(vm);
  VMViewInfo v;
  double index;
  if (!this_view(vm, this_value, get_names[kind], false, &v) ||
      !builtins_to_index(vm, ARG(0), "Offset is outside the bounds of the DataView", &index))
    return VALUE_EXCEPTION;
  bool little = vm_truthy(ARG(1));
  uint8_t *p = view_at(vm, this_value, get_names[kind], index, kind);
  return p ? value_from_number(vm_typed_load(p, kind, little)) : VALUE_EXCEPTION;
}
//< stdlib.data-view-get

static Value view_set(VM *vm, Value this_value, int argc, Value *argv) {
  int kind = vm_native_magic(vm);
  VMViewInfo v;
  double index;
  if (!this_view(vm, this_value, set_names[kind], false, &v) ||
      !builtins_to_index(vm, ARG(0), "Offset is outside the bounds of the DataView", &index))
    return VALUE_EXCEPTION;
  Value n = vm_to_number(vm, ARG(1));
  if (value_is_exception(n)) return n;
  bool little = vm_truthy(ARG(2));
  uint8_t *p = view_at(vm, this_value, set_names[kind], index, kind);
  if (!p) return VALUE_EXCEPTION;
  vm_typed_store(p, kind, value_to_number(n), little);
  return VALUE_UNDEFINED;
}

/* ==== Installing ==== */

#define GET_SET(get, set, kind)                                                                    \
  VM_FN_MAGIC(get, view_get, 1, kind), VM_FN_MAGIC(set, view_set, 2, kind)

/* In V8's order, which Object.getOwnPropertyNames(DataView.prototype) shows. */
static const VMPropDef view_prototype_props[] = {
    VM_GETSET_MAGIC("buffer", view_accessor, NULL, 0),
    VM_GETSET_MAGIC("byteLength", view_accessor, NULL, 1),
    VM_GETSET_MAGIC("byteOffset", view_accessor, NULL, 2),
    GET_SET("getInt8", "setInt8", VM_TYPED_INT8),
    GET_SET("getUint8", "setUint8", VM_TYPED_UINT8),
    GET_SET("getInt16", "setInt16", VM_TYPED_INT16),
    GET_SET("getUint16", "setUint16", VM_TYPED_UINT16),
    GET_SET("getInt32", "setInt32", VM_TYPED_INT32),
    GET_SET("getUint32", "setUint32", VM_TYPED_UINT32),
    GET_SET("getFloat32", "setFloat32", VM_TYPED_FLOAT32),
    GET_SET("getFloat64", "setFloat64", VM_TYPED_FLOAT64),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "DataView", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef view_globals[] = {
    VM_CONSTRUCTOR("DataView", view_construct, 1, 0, INTRINSIC_DATA_VIEW_PROTOTYPE, NULL,
                   view_prototype_props),
    VM_PROPS_END,
};

void builtins_install_data_view(VM *vm) { vm_define_props(vm, vm_global(vm), view_globals); }

/* util.c - require('util'): inspect, format, formatWithOptions, isDeepStrictEqual, types,
 * and what lib/internal/util/legacy.js writes in JavaScript (promisify, inherits, ...).
 * Book: chapter 10, "Console and inspect".
 *
 * Entry point: util_module_create. The work is inspect's (stdlib/inspect/) and
 * compare.c's; util.types asks each value's class, one native for every predicate.
 */
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"

static Value util_format(VM *vm, Value this_value, int argc, Value *argv) {
  return format_args(vm, argc, argv);
}

static Value util_format_with_options(VM *vm, Value this_value, int argc, Value *argv) {
  Value options = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_object(options) || vm_is_callable(options)) /* validateObject */
    return node_throw_arg_type(vm, "inspectOptions", "of type object", options);
  return format_args_with_options(vm, options, argc > 0 ? argc - 1 : 0, argv + 1);
}

static Value util_is_deep_strict_equal(VM *vm, Value this_value, int argc, Value *argv) {
  Value a = argc > 0 ? argv[0] : VALUE_UNDEFINED, b = argc > 1 ? argv[1] : VALUE_UNDEFINED;
  return node_deep_equal(vm, a, b, true);
}

/* ==== util.types ==== */

/* What each predicate asks; the natives' magic is the row. */
typedef enum TypeTest {
  T_NEVER, T_DATE, T_ARGUMENTS, T_BOOLEAN_OBJECT, T_NUMBER_OBJECT, T_STRING_OBJECT,
  T_SYMBOL_OBJECT, T_NATIVE_ERROR, T_REGEXP, T_ASYNC_FUNCTION, T_GENERATOR_FUNCTION,
  T_GENERATOR_OBJECT, T_PROMISE, T_MAP, T_SET, T_MAP_ITERATOR, T_SET_ITERATOR, T_WEAKMAP,
  T_WEAKSET, T_ARRAY_BUFFER, T_DATA_VIEW, T_PROXY, T_BOXED, T_VIEW, T_TYPED_ARRAY,
  T_TYPED_KIND, /* then one per VMTypedKind */
} TypeTest;

static const VMClass class_of_test[] = {
    [T_DATE] = VM_CLASS_DATE, [T_ARGUMENTS] = VM_CLASS_ARGUMENTS,
    [T_BOOLEAN_OBJECT] = VM_CLASS_BOOLEAN, [T_NUMBER_OBJECT] = VM_CLASS_NUMBER,
    [T_STRING_OBJECT] = VM_CLASS_STRING, [T_SYMBOL_OBJECT] = VM_CLASS_SYMBOL,
    [T_NATIVE_ERROR] = VM_CLASS_ERROR, [T_REGEXP] = VM_CLASS_REGEXP,
    [T_GENERATOR_OBJECT] = VM_CLASS_GENERATOR, [T_PROMISE] = VM_CLASS_PROMISE,
    [T_MAP] = VM_CLASS_MAP, [T_SET] = VM_CLASS_SET, [T_MAP_ITERATOR] = VM_CLASS_MAP_ITERATOR,
    [T_SET_ITERATOR] = VM_CLASS_SET_ITERATOR, [T_WEAKMAP] = VM_CLASS_WEAKMAP,
    [T_WEAKSET] = VM_CLASS_WEAKSET, [T_ARRAY_BUFFER] = VM_CLASS_ARRAY_BUFFER,
    [T_DATA_VIEW] = VM_CLASS_DATA_VIEW, [T_PROXY] = VM_CLASS_PROXY,
};

static bool type_test(Value v, int test) {
  if (!value_is_object(v)) return false;
  VMClass cls = vm_object_class(v);
  VMFunctionKind fk = vm_is_callable(v) ? vm_function_kind(v) : VM_FN_NORMAL;
  switch (test) {
  case T_NEVER: return false;
  case T_ASYNC_FUNCTION: return fk == VM_FN_ASYNC || fk == VM_FN_ASYNC_GENERATOR;
  case T_GENERATOR_FUNCTION: return fk == VM_FN_GENERATOR || fk == VM_FN_ASYNC_GENERATOR;
  case T_BOXED:
    return cls == VM_CLASS_BOOLEAN || cls == VM_CLASS_NUMBER || cls == VM_CLASS_STRING ||
           cls == VM_CLASS_SYMBOL;
  case T_VIEW: return cls == VM_CLASS_DATA_VIEW || vm_typed_kind(v) >= 0;
  case T_TYPED_ARRAY: return vm_typed_kind(v) >= 0;
  default:
    if (test >= T_TYPED_KIND) return vm_typed_kind(v) == test - T_TYPED_KIND;
    return cls == class_of_test[test];
  }
}

static Value util_type_test(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_bool(type_test(argc > 0 ? argv[0] : VALUE_UNDEFINED, vm_native_magic(vm)));
}

#define TYPE_TEST(name, test) VM_METHOD(name, util_type_test, 1, test, VM_ATTR_DEFAULT)
/* In node's order. */
static const VMPropDef types_props[] = {
    TYPE_TEST("isExternal", T_NEVER), TYPE_TEST("isDate", T_DATE),
    TYPE_TEST("isArgumentsObject", T_ARGUMENTS), TYPE_TEST("isBigIntObject", T_NEVER),
    TYPE_TEST("isBooleanObject", T_BOOLEAN_OBJECT), TYPE_TEST("isNumberObject", T_NUMBER_OBJECT),
    TYPE_TEST("isStringObject", T_STRING_OBJECT), TYPE_TEST("isSymbolObject", T_SYMBOL_OBJECT),
    TYPE_TEST("isNativeError", T_NATIVE_ERROR), TYPE_TEST("isRegExp", T_REGEXP),
    TYPE_TEST("isAsyncFunction", T_ASYNC_FUNCTION),
    TYPE_TEST("isGeneratorFunction", T_GENERATOR_FUNCTION),
    TYPE_TEST("isGeneratorObject", T_GENERATOR_OBJECT), TYPE_TEST("isPromise", T_PROMISE),
    TYPE_TEST("isMap", T_MAP), TYPE_TEST("isSet", T_SET),
    TYPE_TEST("isMapIterator", T_MAP_ITERATOR), TYPE_TEST("isSetIterator", T_SET_ITERATOR),
    TYPE_TEST("isWeakMap", T_WEAKMAP), TYPE_TEST("isWeakSet", T_WEAKSET),
    TYPE_TEST("isArrayBuffer", T_ARRAY_BUFFER), TYPE_TEST("isDataView", T_DATA_VIEW),
    TYPE_TEST("isSharedArrayBuffer", T_NEVER), TYPE_TEST("isProxy", T_PROXY),
    TYPE_TEST("isModuleNamespaceObject", T_NEVER), TYPE_TEST("isAnyArrayBuffer", T_ARRAY_BUFFER),
    TYPE_TEST("isBoxedPrimitive", T_BOXED), TYPE_TEST("isArrayBufferView", T_VIEW),
    TYPE_TEST("isTypedArray", T_TYPED_ARRAY),
    TYPE_TEST("isUint8Array", T_TYPED_KIND + VM_TYPED_UINT8),
    TYPE_TEST("isUint8ClampedArray", T_TYPED_KIND + VM_TYPED_UINT8_CLAMPED),
    TYPE_TEST("isUint16Array", T_TYPED_KIND + VM_TYPED_UINT16),
    TYPE_TEST("isUint32Array", T_TYPED_KIND + VM_TYPED_UINT32),
    TYPE_TEST("isInt8Array", T_TYPED_KIND + VM_TYPED_INT8),
    TYPE_TEST("isInt16Array", T_TYPED_KIND + VM_TYPED_INT16),
    TYPE_TEST("isInt32Array", T_TYPED_KIND + VM_TYPED_INT32),
    TYPE_TEST("isFloat32Array", T_TYPED_KIND + VM_TYPED_FLOAT32),
    TYPE_TEST("isFloat64Array", T_TYPED_KIND + VM_TYPED_FLOAT64),
    TYPE_TEST("isBigInt64Array", T_NEVER), TYPE_TEST("isBigUint64Array", T_NEVER),
    TYPE_TEST("isKeyObject", T_NEVER), TYPE_TEST("isCryptoKey", T_NEVER),
    VM_PROPS_END,
};

static const VMPropDef util_props[] = {
    VM_FN_ENUM("format", util_format, 0),
    VM_FN_ENUM("formatWithOptions", util_format_with_options, 1),
    VM_FN_ENUM("isDeepStrictEqual", util_is_deep_strict_equal, 2),
    VM_OBJECT("types", types_props, VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

/* util.inspect.colors and util.inspect.styles, node's tables, made once by JavaScript
 * (lib/internal/util/style_text.js, where styleText keeps the same colours). */
static Value define_inspect_tables(Host *host, Value inspect) {
  VM *vm = host_vm(host);
  if (vm_has_own_str(vm, inspect, "colors")) return VALUE_UNDEFINED;
  Value style = vm_handle_push(vm, host_require_builtin(host, "internal/util/style_text"));
  if (value_is_exception(style)) return style;
  Value define = vm_handle_push(vm, vm_get_str(vm, style, "defineInspectTables"));
  if (value_is_exception(define)) return define;
  return vm_call(vm, define, VALUE_UNDEFINED, 1, &inspect);
}

Value util_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value util = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, util, util_props);
  /* util.inspect is one function per realm, with properties of its own (options.c). */
  Value inspect = vm_handle_push(vm, util_inspect_function(vm));
  vm_define_str(vm, util, "inspect", inspect, VM_ATTR_DEFAULT);
  if (value_is_exception(define_inspect_tables(host, inspect))) return VALUE_EXCEPTION;
  /* promisify, inherits, deprecate and the rest are JavaScript (lib/internal/util/). */
  Value legacy = vm_handle_push(vm, host_require_builtin(host, "internal/util/legacy"));
  if (value_is_exception(legacy)) return legacy;
  Value keys = vm_handle_push(vm, vm_own_keys(vm, legacy));
  for (uint32_t i = 0; i < vm_array_length(keys); i++) { /* as they are: getters stay lazy */
    Value key = vm_array_get_raw(keys, i);
    PropertyInfo p;
    if (!vm_get_own_property(vm, legacy, key, &p)) continue;
    PropertyDescriptor d = {.value = p.value, .getter = p.getter, .setter = p.setter,
                            .has_value = !p.is_accessor, .has_getter = p.is_accessor,
                            .has_setter = p.is_accessor, .has_writable = !p.is_accessor,
                            .has_enumerable = true, .has_configurable = true,
                            .writable = true, .enumerable = true, .configurable = true};
    vm_define_property(vm, util, key, &d);
  }
  return util;
}

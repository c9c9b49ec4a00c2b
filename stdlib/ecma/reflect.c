/* reflect.c - the Reflect namespace: each function is one of the engine's internal
 * methods ([[Get]], [[DefineOwnProperty]], [[OwnPropertyKeys]], ...) made callable, so
 * that a proxy's traps can forward to them. Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_reflect. Everything goes through vm.h's exotic-aware
 * reflection (vm_own_property, vm_define_property, vm_get_prototype_of, ...), which runs
 * a proxy's traps when the target is itself a proxy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"

#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

/* ==== Calls ==== */

/* How V8 names a callee that is not one: a function's text (as its toString gives it),
 * anything else in its short form. */
static char *describe_callee(VM *vm, Value v) {
  if (!vm_is_callable(v)) return builtins_describe(vm, v);
  Value source = vm_function_source(vm, v);
  if (value_is_string(source)) return vm_to_utf8(vm, source, NULL);
  char *name = vm_to_utf8(vm, vm_function_name(vm, v), NULL);
  char *text = mem_alloc(strlen(name) + 32);
  sprintf(text, "function %s() { [native code] }", name);
  free(name);
  return text;
}

static Value reflect_apply(VM *vm, Value this_value, int argc, Value *argv) {
  Value fn = ARG(0);
  if (!vm_is_callable(fn)) {
    char *text = builtins_describe(vm, fn), *type = vm_to_utf8(vm, vm_typeof(vm, fn), NULL);
    bool object = value_is_object(fn), null = value_is_null(fn);
    Value r = vm_throw_error(
        vm, ERR_TYPE, "Function.prototype.apply was called on %s, which is %s%s and not a function",
        text,
        null     ? ""
        : object ? "an "
                 : "a ",
        null ? "null" : type);
    free(text), free(type);
    return r;
  }
  Value args = builtins_list_from(vm, ARG(2));
  return value_is_exception(args) ? args
                                  : builtins_call_list(vm, fn, ARG(1), args, VALUE_UNDEFINED);
}

static Value not_a_constructor(VM *vm, Value v) {
  char *text = describe_callee(vm, v);
  Value r = vm_throw_error(vm, ERR_TYPE, "%s is not a constructor", text);
  free(text);
  return r;
}

static Value reflect_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = ARG(0), new_target = argc > 2 ? argv[2] : target;
  if (!vm_is_constructor(target)) return not_a_constructor(vm, target);
  if (!vm_is_constructor(new_target)) return not_a_constructor(vm, new_target);
  Value args = builtins_list_from(vm, ARG(1));
  return value_is_exception(args)
             ? args
             : builtins_call_list(vm, target, VALUE_UNDEFINED, args, new_target);
}

/* ==== Properties ==== */

/* The checks every other function starts with: the target is an object (else V8's
 * "Reflect.<name> called on non-object"), and, with want_key, ARG(1) as a property key. */
static bool reflect_args(VM *vm, int argc, Value *argv, bool want_key, Value *key) {
  if (!value_is_object(ARG(0))) {
    static const char *names[] = {"defineProperty",
                                  "deleteProperty",
                                  "get",
                                  "getOwnPropertyDescriptor",
                                  "getPrototypeOf",
                                  "has",
                                  "isExtensible",
                                  "ownKeys",
                                  "preventExtensions",
                                  "set",
                                  "setPrototypeOf"};
    vm_throw_error(vm, ERR_TYPE, "Reflect.%s called on non-object", names[vm_native_magic(vm)]);
    return false;
  }
  if (!want_key) return true;
  *key = vm_handle_push(vm, vm_to_property_key(vm, ARG(1)));
  return !value_is_exception(*key);
}

enum {
  R_DEFINE,
  R_DELETE,
  R_GET,
  R_GOPD,
  R_GET_PROTO,
  R_HAS,
  R_IS_EXT,
  R_OWN_KEYS,
  R_PREVENT,
  R_SET,
  R_SET_PROTO
};

static Value reflect_define_property(VM *vm, Value this_value, int argc, Value *argv) {
  Value key;
  PropertyDescriptor d;
  if (!reflect_args(vm, argc, argv, true, &key)) return VALUE_EXCEPTION;
  if (value_is_exception(vm_to_property_descriptor(vm, ARG(2), &d))) return VALUE_EXCEPTION;
  return vm_define_property(vm, ARG(0), key, &d);
}

static Value reflect_delete_property(VM *vm, Value this_value, int argc, Value *argv) {
  Value key;
  return reflect_args(vm, argc, argv, true, &key) ? vm_delete_property(vm, ARG(0), key)
                                                  : VALUE_EXCEPTION;
}

static Value reflect_get(VM *vm, Value this_value, int argc, Value *argv) {
  Value key;
  if (!reflect_args(vm, argc, argv, true, &key)) return VALUE_EXCEPTION;
  return vm_get_with_receiver(vm, ARG(0), key, argc > 2 ? argv[2] : ARG(0));
}

static Value reflect_set(VM *vm, Value this_value, int argc, Value *argv) {
  Value key;
  if (!reflect_args(vm, argc, argv, true, &key)) return VALUE_EXCEPTION;
  return vm_set_with_receiver(vm, ARG(0), key, ARG(2), argc > 3 ? argv[3] : ARG(0));
}

static Value reflect_has(VM *vm, Value this_value, int argc, Value *argv) {
  Value key;
  return reflect_args(vm, argc, argv, true, &key) ? vm_has_property(vm, ARG(0), key)
                                                  : VALUE_EXCEPTION;
}

/* FromPropertyDescriptor of what [[GetOwnProperty]] found, or undefined. */
static Value reflect_get_own_property_descriptor(VM *vm, Value this_value, int argc, Value *argv) {
  Value key;
  PropertyInfo info;
  if (!reflect_args(vm, argc, argv, true, &key)) return VALUE_EXCEPTION;
  Value found = vm_own_property(vm, ARG(0), key, &info);
  if (found != VALUE_TRUE) return value_is_exception(found) ? found : VALUE_UNDEFINED;
  vm_handle_push(vm, info.value); /* a String wrapper's character is a fresh string */
  bool data = !info.is_accessor;
  PropertyDescriptor d = {.value = info.value,
                          .getter = info.getter,
                          .setter = info.setter,
                          .has_value = data,
                          .has_writable = data,
                          .has_getter = !data,
                          .has_setter = !data,
                          .has_enumerable = true,
                          .has_configurable = true,
                          .writable = info.attrs & VM_ATTR_WRITABLE,
                          .enumerable = info.attrs & VM_ATTR_ENUMERABLE,
                          .configurable = info.attrs & VM_ATTR_CONFIGURABLE};
  return vm_from_property_descriptor(vm, &d);
}

/* ==== The object itself ==== */

static Value reflect_get_prototype_of(VM *vm, Value this_value, int argc, Value *argv) {
  return reflect_args(vm, argc, argv, false, NULL) ? vm_get_prototype_of(vm, ARG(0))
                                                   : VALUE_EXCEPTION;
}

static Value reflect_set_prototype_of(VM *vm, Value this_value, int argc, Value *argv) {
  if (!reflect_args(vm, argc, argv, false, NULL)) return VALUE_EXCEPTION;
  Value proto = ARG(1);
  if (!value_is_object(proto) && !value_is_null(proto)) {
    char *text = builtins_describe(vm, proto);
    Value r =
        vm_throw_error(vm, ERR_TYPE, "Object prototype may only be an Object or null: %s", text);
    free(text);
    return r;
  }
  return vm_set_prototype(vm, ARG(0), proto);
}

static Value reflect_is_extensible(VM *vm, Value this_value, int argc, Value *argv) {
  return reflect_args(vm, argc, argv, false, NULL) ? vm_object_is_extensible(vm, ARG(0))
                                                   : VALUE_EXCEPTION;
}

static Value reflect_prevent_extensions(VM *vm, Value this_value, int argc, Value *argv) {
  return reflect_args(vm, argc, argv, false, NULL) ? vm_object_prevent_extensions(vm, ARG(0))
                                                   : VALUE_EXCEPTION;
}

static Value reflect_own_keys(VM *vm, Value this_value, int argc, Value *argv) {
  if (!reflect_args(vm, argc, argv, false, NULL)) return VALUE_EXCEPTION;
  return vm_own_property_keys(vm, ARG(0), VM_KEYS_STRINGS | VM_KEYS_SYMBOLS | VM_KEYS_HIDDEN);
}

/* ==== Installing ==== */

//> stdlib.reflect-table
/* In V8's order (Object.getOwnPropertyNames(Reflect)). The magic names the function in
 * the "called on non-object" message. */
static const VMPropDef reflect_props[] = {
    VM_FN_MAGIC("defineProperty", reflect_define_property, 3, R_DEFINE),
    VM_FN_MAGIC("deleteProperty", reflect_delete_property, 2, R_DELETE),
    VM_FN("apply", reflect_apply, 3),
    VM_FN("construct", reflect_construct, 2),
    VM_FN_MAGIC("get", reflect_get, 2, R_GET),
    VM_FN_MAGIC("getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2, R_GOPD),
    VM_FN_MAGIC("getPrototypeOf", reflect_get_prototype_of, 1, R_GET_PROTO),
    VM_FN_MAGIC("has", reflect_has, 2, R_HAS),
    VM_FN_MAGIC("isExtensible", reflect_is_extensible, 1, R_IS_EXT),
    VM_FN_MAGIC("ownKeys", reflect_own_keys, 1, R_OWN_KEYS),
    VM_FN_MAGIC("preventExtensions", reflect_prevent_extensions, 1, R_PREVENT),
    VM_FN_MAGIC("set", reflect_set, 3, R_SET),
    VM_FN_MAGIC("setPrototypeOf", reflect_set_prototype_of, 2, R_SET_PROTO),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Reflect", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};
//< stdlib.reflect-table

static const VMPropDef reflect_globals[] = {
    VM_OBJECT("Reflect", reflect_props, VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

void builtins_install_reflect(VM *vm) { vm_define_props(vm, vm_global(vm), reflect_globals); }

/* proxy.c - the Proxy constructor and Proxy.revocable. The proxy objects themselves, their
 * traps and invariants, are the engine's (vm/proxy.c): here is only what scripts call.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_proxy.
 */
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

static Value proxy_constructor(VM *vm, Value this_value, int argc, Value *argv) {
  if (value_is_undefined(vm_new_target(vm)))
    return vm_throw_error(vm, ERR_TYPE, "Constructor Proxy requires 'new'");
  return vm_proxy_new(vm, ARG(0), ARG(1));
}

/* A revoke function: its data is a one-element array holding the proxy until the first
 * call (then the hole), so that calling it again does nothing. */
static Value proxy_revoke(VM *vm, Value this_value, int argc, Value *argv) {
  Value cell = vm_native_data(vm);
  Value proxy = vm_array_get_raw(cell, 0);
  if (!value_is_hole(proxy)) vm_proxy_revoke(proxy), vm_array_set_length(vm, cell, 0);
  return VALUE_UNDEFINED;
}

static Value proxy_revocable(VM *vm, Value this_value, int argc, Value *argv) {
  Value proxy = vm_handle_push(vm, vm_proxy_new(vm, ARG(0), ARG(1)));
  if (value_is_exception(proxy)) return proxy;
  Value cell = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, cell, proxy);
  Value revoke = vm_handle_push(vm, vm_native_with_data(vm, "", proxy_revoke, 0, cell));
  Value result = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, result, "proxy", proxy, VM_ATTR_DEFAULT);
  vm_define_str(vm, result, "revoke", revoke, VM_ATTR_DEFAULT);
  return result;
}

static const VMPropDef proxy_statics[] = {
    VM_FN("revocable", proxy_revocable, 2),
    VM_PROPS_END,
};

/* Proxy has no `prototype` (nothing inherits from a proxy's constructor), so it is made
 * by hand rather than with a VM_CONSTRUCTOR row. */
void builtins_install_proxy(VM *vm) {
  Value ctor = vm_handle_push(vm, vm_native_new(vm, "Proxy", proxy_constructor, 2));
  vm_native_set_constructor(ctor, true);
  vm_define_props(vm, ctor, proxy_statics);
  vm_define_str(vm, vm_global(vm), "Proxy", ctor, VM_ATTR_HIDDEN);
}

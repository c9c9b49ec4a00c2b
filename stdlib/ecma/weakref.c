/* weakref.c - the WeakRef and FinalizationRegistry constructors and their methods.
 * Book: chapter 7, "The standard library"; the collector's side is vm/weakref.c
 * (chapter 6).
 *
 * Entry point: builtins_install_weak_ref. The checks and messages are V8's.
 */
#include <stdlib.h>

#include "stdlib/ecma/builtins.h"

#define ARG(i) ((i) < argc ? argv[i] : VALUE_UNDEFINED)

/* new.target's prototype (a subclass's), else the intrinsic one; false after a throw. */
static bool prototype_for(VM *vm, const char *name, int slot, Value *proto) {
  Value target = vm_new_target(vm);
  if (value_is_undefined(target)) {
    vm_throw_error(vm, ERR_TYPE, "Constructor %s requires 'new'", name);
    return false;
  }
  return builtins_prototype_from(vm, target, slot, proto);
}

/* ==== WeakRef ==== */

static Value weak_ref_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value proto;
  if (!prototype_for(vm, "WeakRef", INTRINSIC_WEAK_REF_PROTOTYPE, &proto)) return VALUE_EXCEPTION;
  if (!builtins_can_be_held_weakly(vm, ARG(0)))
    return vm_throw_error(vm, ERR_TYPE, "WeakRef: invalid target");
  return vm_weak_ref_new(vm, ARG(0), proto);
}

static Value weak_ref_deref(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_weak_ref(this_value))
    return builtins_throw_incompatible(vm, this_value, "", "WeakRef", "deref");
  return vm_weak_ref_deref(vm, this_value);
}

/* ==== FinalizationRegistry ==== */

static Value registry_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value proto;
  if (!prototype_for(vm, "FinalizationRegistry", INTRINSIC_FINALIZATION_REGISTRY_PROTOTYPE,
                     &proto))
    return VALUE_EXCEPTION;
  if (!vm_is_callable(ARG(0)))
    return vm_throw_error(vm, ERR_TYPE, "FinalizationRegistry: cleanup must be callable");
  return vm_registry_new(vm, ARG(0), proto);
}

static Value throw_bad_token(VM *vm, Value token) {
  char *text = builtins_describe(vm, token);
  vm_throw_error(vm, ERR_TYPE, "Invalid unregisterToken ('%s')", text);
  free(text);
  return VALUE_EXCEPTION;
}

static Value registry_register(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_registry(this_value))
    return builtins_throw_incompatible(vm, this_value, "", "FinalizationRegistry", "register");
  Value target = ARG(0), holdings = ARG(1), token = ARG(2);
  if (!builtins_can_be_held_weakly(vm, target))
    return vm_throw_error(vm, ERR_TYPE, "FinalizationRegistry.prototype.register: invalid target");
  if (vm_same_value(target, holdings))
    return vm_throw_error(vm, ERR_TYPE,
                          "FinalizationRegistry.prototype.register: target and holdings must not be same");
  if (!value_is_undefined(token) && !builtins_can_be_held_weakly(vm, token))
    return throw_bad_token(vm, token);
  vm_registry_register(vm, this_value, target, holdings, token);
  return VALUE_UNDEFINED;
}

static Value registry_unregister(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_registry(this_value))
    return builtins_throw_incompatible(vm, this_value, "", "FinalizationRegistry", "unregister");
  if (!builtins_can_be_held_weakly(vm, ARG(0))) return throw_bad_token(vm, ARG(0));
  return value_from_bool(vm_registry_unregister(vm, this_value, ARG(0)));
}

static const VMPropDef weak_ref_prototype_props[] = {
    VM_FN("deref", weak_ref_deref, 0),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "WeakRef", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef registry_prototype_props[] = {
    VM_FN("register", registry_register, 2),
    VM_FN("unregister", registry_unregister, 1),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "FinalizationRegistry", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef weak_ref_globals[] = {
    VM_CONSTRUCTOR("WeakRef", weak_ref_construct, 1, 0, INTRINSIC_WEAK_REF_PROTOTYPE, NULL,
                   weak_ref_prototype_props),
    VM_CONSTRUCTOR("FinalizationRegistry", registry_construct, 1, 0,
                   INTRINSIC_FINALIZATION_REGISTRY_PROTOTYPE, NULL, registry_prototype_props),
    VM_PROPS_END,
};

void builtins_install_weak_ref(VM *vm) { vm_define_props(vm, vm_global(vm), weak_ref_globals); }

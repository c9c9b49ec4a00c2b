/* symbol.c - the Symbol function, the global symbol registry (Symbol.for/keyFor),
 * the well-known symbols and Symbol.prototype.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_symbol. The registry is a null-prototype object
 * mapping each key to its symbol; Symbol.for and Symbol.keyFor both reach it as their
 * native data, so it lives exactly as long as they do.
 */
#include <stdlib.h>

#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

static Value symbol_call(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_undefined(vm_new_target(vm)))
    return vm_throw_error(vm, ERR_TYPE, "Symbol is not a constructor");
  Value d = ARG(0);
  if (!value_is_undefined(d)) d = vm_to_string(vm, d);
  return value_is_exception(d) ? d : vm_symbol_new(vm, d);
}

//> stdlib.symbol-for
static Value symbol_for(VM *vm, Value this_value, int argc, Value *argv) {
  Value registry = vm_native_data(vm);
  int mark = vm_handle_mark(vm);
  Value key = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  Value r = key;
  if (!value_is_exception(key)) {
    PropertyInfo info;
    if (vm_get_own_property(vm, registry, key, &info)) {
      r = info.value;
    } else {
      r = vm_handle_push(vm, vm_symbol_new(vm, key));
      builtins_create_data(vm, registry, key, r);
    }
  }
  vm_handle_reset(vm, mark);
  return r;
}

static Value symbol_key_for(VM *vm, Value this_value, int argc, Value *argv) {
  Value sym = ARG(0);
  if (!value_is_symbol(sym)) {
    char *text = builtins_describe(vm, sym);
    Value r = vm_throw_error(vm, ERR_TYPE, "%s is not a symbol", text);
    free(text);
    return r;
  }
  Value key = vm_symbol_description(sym);
  PropertyInfo info;
  if (value_is_string(key) && vm_get_own_property(vm, vm_native_data(vm), key, &info) &&
      info.value == sym)
    return key;
  return VALUE_UNDEFINED;
}
//< stdlib.symbol-for

/* thisSymbolValue: a symbol, or the symbol inside a Symbol wrapper object. */
static Value this_symbol(VM *vm, Value v, const char *method) {
  if (value_is_symbol(v)) return v;
  if (value_is_object(v) && vm_object_class(v) == VM_CLASS_SYMBOL) return vm_inner_value(v);
  return builtins_throw_this(vm, method, "Symbol");
}

/* SymbolDescriptiveString: "Symbol(description)". */
static Value descriptive_string(VM *vm, Value sym) {
  Value d = vm_symbol_description(sym);
  int mark = vm_handle_mark(vm);
  Value s = vm_handle_push(vm, vm_string(vm, "Symbol("));
  if (value_is_string(d)) s = vm_handle_push(vm, vm_string_concat(vm, s, d));
  Value r = vm_string_concat(vm, s, vm_handle_push(vm, vm_string(vm, ")")));
  vm_handle_reset(vm, mark);
  return r;
}

static Value symbol_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  Value s = this_symbol(vm, this_value, "Symbol.prototype.toString");
  return value_is_exception(s) ? s : descriptive_string(vm, s);
}

static Value symbol_value_of(VM *vm, Value this_value, int argc, Value *argv) {
  return this_symbol(vm, this_value, "Symbol.prototype.valueOf");
}

static Value symbol_to_primitive(VM *vm, Value this_value, int argc, Value *argv) {
  return this_symbol(vm, this_value, "Symbol.prototype [ @@toPrimitive ]");
}

static Value symbol_description(VM *vm, Value this_value, int argc, Value *argv) {
  Value s = this_symbol(vm, this_value, "Symbol.prototype.description");
  return value_is_exception(s) ? s : vm_symbol_description(s);
}

static const struct {
  const char *name;
  VMWellKnownSymbol which;
} well_known[] = {
    {"asyncIterator", VM_SYMBOL_ASYNC_ITERATOR},
    {"hasInstance", VM_SYMBOL_HAS_INSTANCE},
    {"iterator", VM_SYMBOL_ITERATOR},
    {"toPrimitive", VM_SYMBOL_TO_PRIMITIVE},
    {"toStringTag", VM_SYMBOL_TO_STRING_TAG},
};

void builtins_install_symbol(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value ctor = builtins_constructor(vm, "Symbol", symbol_call, 0, INTRINSIC_SYMBOL_PROTOTYPE);
  Value registry = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  Value f = vm_handle_push(vm, vm_native_with_data(vm, "for", symbol_for, 1, registry));
  vm_define_str(vm, ctor, "for", f, VM_ATTR_HIDDEN);
  f = vm_handle_push(vm, vm_native_with_data(vm, "keyFor", symbol_key_for, 1, registry));
  vm_define_str(vm, ctor, "keyFor", f, VM_ATTR_HIDDEN);
  for (size_t i = 0; i < sizeof well_known / sizeof well_known[0]; i++)
    vm_define_str(vm, ctor, well_known[i].name, vm_well_known_symbol(vm, well_known[i].which), 0);
  Value proto = vm_intrinsic(vm, INTRINSIC_SYMBOL_PROTOTYPE);
  vm_define_method(vm, proto, "toString", symbol_to_string, 0);
  vm_define_method(vm, proto, "valueOf", symbol_value_of, 0);
  builtins_accessor(vm, proto, vm_atom(vm, "description"), "description", symbol_description, NULL);
  builtins_define_value(vm, proto, vm_well_known_symbol(vm, VM_SYMBOL_TO_STRING_TAG),
                        vm_atom(vm, "Symbol"), VM_ATTR_CONFIGURABLE);
  builtins_symbol_method(vm, proto, VM_SYMBOL_TO_PRIMITIVE, "[Symbol.toPrimitive]",
                         symbol_to_primitive, 1, VM_ATTR_CONFIGURABLE);
  vm_handle_reset(vm, mark);
}

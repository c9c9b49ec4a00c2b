/* symbol.c - the Symbol function, the global symbol registry (Symbol.for/keyFor),
 * the well-known symbols and Symbol.prototype.
 * Book: chapter 7, "The standard library".
 *
 * Entry points: builtins_install_symbol, builtins_symbol_for. The registry is a
 * null-prototype object mapping each key to its symbol, kept in the realm's intrinsic
 * INTRINSIC_SYMBOL_REGISTRY, so each VM has its own.
 */
#include <stdlib.h>

#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

static Value symbol_call(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_undefined(vm_new_target(vm)))
    return vm_throw_error(vm, ERR_TYPE, "Symbol is not a constructor");
  Value d = ARG(0);
  if (!value_is_undefined(d)) d = vm_handle_push(vm, vm_to_string(vm, d));
  return value_is_exception(d) ? d : vm_symbol_new(vm, d);
}

//> stdlib.symbol-for
Value builtins_symbol_for(VM *vm, Value key) {
  Value registry = vm_intrinsic(vm, INTRINSIC_SYMBOL_REGISTRY);
  if (!value_is_object(registry)) return VALUE_UNDEFINED; /* before builtins_install_all */
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, key);
  PropertyInfo info;
  Value r;
  if (vm_get_own_property(vm, registry, key, &info)) {
    r = info.value;
  } else {
    Value sym = vm_handle_push(vm, vm_symbol_new(vm, key));
    r = builtins_create_data(vm, registry, key, sym);
    if (!value_is_exception(r)) r = sym;
  }
  vm_handle_reset(vm, mark);
  return r;
}

static Value symbol_for(VM *vm, Value this_value, int argc, Value *argv) {
  Value key = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  return value_is_exception(key) ? key : builtins_symbol_for(vm, key);
}

static Value symbol_key_for(VM *vm, Value this_value, int argc, Value *argv) {
  Value sym = ARG(0);
  if (!value_is_symbol(sym)) {
    char *text = builtins_describe(vm, sym);
    Value r = vm_throw_error(vm, ERR_TYPE, "%s is not a symbol", text);
    free(text);
    return r;
  }
  return builtins_symbol_key_for(vm, sym);
}

Value builtins_symbol_key_for(VM *vm, Value sym) {
  Value key = vm_symbol_description(sym);
  PropertyInfo info;
  Value registry = vm_intrinsic(vm, INTRINSIC_SYMBOL_REGISTRY);
  if (value_is_string(key) && vm_get_own_property(vm, registry, key, &info) && info.value == sym)
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

/* ==== Installing ==== */

static const VMPropDef symbol_statics[] = {
    VM_FN("for", symbol_for, 1),
    VM_FN("keyFor", symbol_key_for, 1),
    VM_SYMBOL("asyncIterator", VM_SYMBOL_ASYNC_ITERATOR, 0),
    VM_SYMBOL("hasInstance", VM_SYMBOL_HAS_INSTANCE, 0),
    VM_SYMBOL("isConcatSpreadable", VM_SYMBOL_IS_CONCAT_SPREADABLE, 0),
    VM_SYMBOL("iterator", VM_SYMBOL_ITERATOR, 0),
    VM_SYMBOL("match", VM_SYMBOL_MATCH, 0),
    VM_SYMBOL("matchAll", VM_SYMBOL_MATCH_ALL, 0),
    VM_SYMBOL("replace", VM_SYMBOL_REPLACE, 0),
    VM_SYMBOL("search", VM_SYMBOL_SEARCH, 0),
    VM_SYMBOL("species", VM_SYMBOL_SPECIES, 0),
    VM_SYMBOL("split", VM_SYMBOL_SPLIT, 0),
    VM_SYMBOL("toPrimitive", VM_SYMBOL_TO_PRIMITIVE, 0),
    VM_SYMBOL("toStringTag", VM_SYMBOL_TO_STRING_TAG, 0),
    VM_SYMBOL("unscopables", VM_SYMBOL_UNSCOPABLES, 0),
    VM_PROPS_END,
};

static const VMPropDef symbol_prototype_props[] = {
    VM_FN("toString", symbol_to_string, 0),
    VM_FN("valueOf", symbol_value_of, 0),
    VM_GETSET("description", symbol_description, NULL),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Symbol", VM_ATTR_CONFIGURABLE),
    VM_SYM_FN(VM_SYMBOL_TO_PRIMITIVE, symbol_to_primitive, 1, VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef symbol_globals[] = {
    VM_CONSTRUCTOR("Symbol", symbol_call, 0, 0, INTRINSIC_SYMBOL_PROTOTYPE, symbol_statics,
                   symbol_prototype_props),
    VM_PROPS_END,
};

void builtins_install_symbol(VM *vm) {
  vm_set_intrinsic(vm, INTRINSIC_SYMBOL_REGISTRY, vm_object_with_proto(vm, VALUE_NULL));
  vm_define_props(vm, vm_global(vm), symbol_globals);
}

/* map.c - Map, Set, WeakMap and WeakSet, and the Map and Set iterators.
 * Book: chapter 7, "The standard library".
 *
 * The hash tables are the engine's (vm/collection.c, vm_map_*); this file is their
 * JavaScript face: constructors that take an iterable and call the `set`/`add` they
 * find, the prototype methods in V8's order, V8's messages for a wrong receiver or a
 * key that cannot be held weakly, and the iterators' next. Natives shared by two
 * classes (Map and WeakMap share get) are told apart by their magic, a VMClass.
 * Entry point: builtins_install_map.
 */
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, i)

static bool is_class(Value v, VMClass cls) {
  return value_is_object(v) && vm_object_class(v) == cls;
}

static const char *class_label(VMClass cls) {
  switch ((int)cls) {
  case VM_CLASS_MAP: return "Map";
  case VM_CLASS_SET: return "Set";
  case VM_CLASS_WEAKMAP: return "WeakMap";
  default: return "WeakSet";
  }
}

static bool is_set_class(VMClass cls) { return cls == VM_CLASS_SET || cls == VM_CLASS_WEAKSET; }

/* The table `this` must be: of the class the native's magic names. */
static bool check_this(VM *vm, Value this_value, const char *method) {
  VMClass cls = (VMClass)vm_native_magic(vm);
  if (is_class(this_value, cls)) return true;
  builtins_throw_incompatible(vm, this_value, "", class_label(cls), method);
  return false;
}

bool builtins_can_be_held_weakly(VM *vm, Value v) {
  if (value_is_object(v)) return true;
  return value_is_symbol(v) && value_is_undefined(builtins_symbol_key_for(vm, v));
}

/* ==== The constructors ==== */

typedef struct Filler {
  Value table, adder;
  bool pairs; /* a Map: each item is a [key, value] entry object */
} Filler;

/* One item of the constructor's iterable: adder.call(table, item) or (table, k, v). */
static Value add_item(VM *vm, Value item, void *data) {
  Filler *f = data;
  Value args[2] = {item, VALUE_UNDEFINED};
  if (f->pairs) {
    if (!value_is_object(item)) {
      char *text = builtins_describe(vm, item);
      vm_throw_error(vm, ERR_TYPE, "Iterator value %s is not an entry object", text);
      free(text);
      return VALUE_EXCEPTION;
    }
    args[0] = vm_handle_push(vm, vm_get(vm, item, value_from_number(0)));
    if (value_is_exception(args[0])) return VALUE_EXCEPTION;
    args[1] = vm_handle_push(vm, vm_get(vm, item, value_from_number(1)));
    if (value_is_exception(args[1])) return VALUE_EXCEPTION;
  }
  Value r = vm_call(vm, f->adder, f->table, f->pairs ? 2 : 1, args);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

static Value fill_from(VM *vm, Value table, bool pairs, Value iterable) {
  const char *name = pairs ? "set" : "add";
  Value adder = vm_handle_push(vm, vm_get_str(vm, table, name));
  if (value_is_exception(adder)) return adder;
  if (!vm_is_callable(adder)) {
    char *what = builtins_describe(vm, adder), *obj = builtins_describe(vm, table);
    vm_throw_error(vm, ERR_TYPE, "'%s' returned for property '%s' of object '%s' is not a function",
                   what, name, obj);
    free(what), free(obj);
    return VALUE_EXCEPTION;
  }
  Filler f = {table, adder, pairs};
  Value r = builtins_iterate(vm, iterable, add_item, &f);
  return value_is_exception(r) ? r : table;
}

static Intrinsic prototype_slot(VMClass cls) {
  switch ((int)cls) {
  case VM_CLASS_MAP: return (Intrinsic)INTRINSIC_MAP_PROTOTYPE;
  case VM_CLASS_SET: return (Intrinsic)INTRINSIC_SET_PROTOTYPE;
  case VM_CLASS_WEAKMAP: return (Intrinsic)INTRINSIC_WEAKMAP_PROTOTYPE;
  default: return (Intrinsic)INTRINSIC_WEAKSET_PROTOTYPE;
  }
}

//> stdlib.map-constructor
/* new Map(iterable), and Set, WeakMap, WeakSet: the magic is the VMClass. The prototype
 * is new.target's (a subclass's), then the table is filled through its own set/add. */
static Value map_construct(VM *vm, Value this_value, int argc, Value *argv) {
  VMClass cls = (VMClass)vm_native_magic(vm);
  Value target = vm_new_target(vm);
  if (value_is_undefined(target))
    return vm_throw_error(vm, ERR_TYPE, "Constructor %s requires 'new'", class_label(cls));
  Value proto = vm_handle_push(vm, vm_get_str(vm, target, "prototype"));
  if (value_is_exception(proto)) return proto;
  if (!value_is_object(proto)) proto = vm_intrinsic(vm, prototype_slot(cls));
  Value table = vm_handle_push(vm, vm_map_new(vm, cls, proto));
  if (value_is_nullish(ARG(0))) return table;
  return fill_from(vm, table, !is_set_class(cls), ARG(0));
}
//< stdlib.map-constructor

/* ==== The methods ==== */

static Value map_get(VM *vm, Value this_value, int argc, Value *argv) {
  Value v = VALUE_UNDEFINED;
  if (!check_this(vm, this_value, "get")) return VALUE_EXCEPTION;
  vm_map_get(this_value, ARG(0), &v);
  return v;
}

static Value map_has(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_this(vm, this_value, "has")) return VALUE_EXCEPTION;
  return value_from_bool(vm_map_get(this_value, ARG(0), NULL));
}

//> stdlib.map-set
/* Map and WeakMap's set, Set and WeakSet's add: a weak table takes only keys that can
 * be held weakly. Returns the table. */
static Value map_set(VM *vm, Value this_value, int argc, Value *argv) {
  VMClass cls = (VMClass)vm_native_magic(vm);
  if (!check_this(vm, this_value, is_set_class(cls) ? "add" : "set")) return VALUE_EXCEPTION;
  if (cls == VM_CLASS_WEAKMAP && !builtins_can_be_held_weakly(vm, ARG(0)))
    return vm_throw_error(vm, ERR_TYPE, "Invalid value used as weak map key");
  if (cls == VM_CLASS_WEAKSET && !builtins_can_be_held_weakly(vm, ARG(0)))
    return vm_throw_error(vm, ERR_TYPE, "Invalid value used in weak set");
  Value value = is_set_class(cls) ? VALUE_UNDEFINED : ARG(1);
  Value r = vm_map_set(vm, this_value, ARG(0), value);
  return value_is_exception(r) ? r : this_value;
}
//< stdlib.map-set

static Value map_delete(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_this(vm, this_value, "delete")) return VALUE_EXCEPTION;
  return value_from_bool(vm_map_delete(vm, this_value, ARG(0)));
}

static Value map_clear(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_this(vm, this_value, "clear")) return VALUE_EXCEPTION;
  vm_map_clear(vm, this_value);
  return VALUE_UNDEFINED;
}

static Value map_size(VM *vm, Value this_value, int argc, Value *argv) {
  VMClass cls = (VMClass)vm_native_magic(vm);
  if (!is_class(this_value, cls))
    return builtins_throw_incompatible(vm, this_value, "get ", class_label(cls), "size");
  return value_from_number(vm_map_size(this_value));
}

/* forEach's callback is not callable: V8 names the type, `number 1 is not a function`,
 * `string "x" ...`, `object null ...`, `object ...` (Array.prototype.forEach does not). */
static Value throw_not_callable(VM *vm, Value v) {
  if (value_is_undefined(v) || value_is_object(v) || value_is_symbol(v))
    return vm_throw_error(vm, ERR_TYPE, "%s is not a function",
                          value_is_undefined(v) ? "undefined"
                          : value_is_symbol(v)  ? "symbol"
                                                : "object");
  char *text = builtins_describe(vm, v), *type = vm_to_utf8(vm, vm_typeof(vm, v), NULL);
  const char *quote = value_is_string(v) ? "\"" : "";
  vm_throw_error(vm, ERR_TYPE, "%s %s%s%s is not a function", type, quote, text, quote);
  free(text), free(type);
  return VALUE_EXCEPTION;
}

//> stdlib.map-for-each
/* forEach(callback, thisArg) walks with an iterator of its own, so that it sees what the
 * callback adds and skips what it deletes, exactly as for-of does. */
static Value map_for_each(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_this(vm, this_value, "forEach")) return VALUE_EXCEPTION;
  Value fn = ARG(0);
  if (!vm_is_callable(fn)) return throw_not_callable(vm, fn);
  bool is_set = vm_native_magic(vm) == VM_CLASS_SET;
  Value iter = vm_handle_push(vm, vm_map_iterator_new(vm, this_value, VM_MAP_ENTRIES, VALUE_NULL));
  Value key, value;
  while (vm_map_iterator_next(iter, &key, &value)) {
    Value args[3] = {is_set ? key : value, key, this_value};
    if (value_is_exception(vm_call(vm, fn, ARG(1), 3, args))) return VALUE_EXCEPTION;
  }
  return VALUE_UNDEFINED;
}
//< stdlib.map-for-each

/* ==== Iterators ==== */

/* keys, values and entries: the magic is the VMClass times 4 plus the VMMapIterKind. */
static Value map_iterator(VM *vm, Value this_value, int argc, Value *argv) {
  int magic = vm_native_magic(vm);
  VMClass cls = (VMClass)(magic >> 2);
  VMMapIterKind kind = (VMMapIterKind)(magic & 3);
  static const char *const names[] = {"keys", "values", "entries"};
  if (!is_class(this_value, cls))
    return builtins_throw_incompatible(vm, this_value, "", class_label(cls), names[kind]);
  Intrinsic proto = (Intrinsic)(cls == VM_CLASS_MAP ? INTRINSIC_MAP_ITERATOR_PROTOTYPE
                                                    : INTRINSIC_SET_ITERATOR_PROTOTYPE);
  return vm_map_iterator_new(vm, this_value, kind, vm_intrinsic(vm, proto));
}

//> stdlib.map-iterator-next
/* %MapIteratorPrototype%.next and %SetIteratorPrototype%.next (magic: the VMClass of
 * the iterator). A Set's entries are [value, value]. */
static Value map_iterator_next(VM *vm, Value this_value, int argc, Value *argv) {
  VMClass cls = (VMClass)vm_native_magic(vm);
  if (!is_class(this_value, cls))
    return builtins_throw_incompatible(
        vm, this_value, "", cls == VM_CLASS_MAP_ITERATOR ? "Map Iterator" : "Set Iterator", "next");
  uint32_t position;
  VMMapIterKind kind;
  vm_map_iterator_peek(this_value, &position, &kind);
  Value key, value;
  if (!vm_map_iterator_next(this_value, &key, &value))
    return vm_iter_result(vm, VALUE_UNDEFINED, true);
  if (cls == VM_CLASS_SET_ITERATOR) value = key;
  if (kind != VM_MAP_ENTRIES) return vm_iter_result(vm, kind == VM_MAP_KEYS ? key : value, false);
  vm_handle_push(vm, key);
  vm_handle_push(vm, value);
  Value pair = vm_handle_push(vm, vm_array_with_capacity(vm, 2));
  vm_array_push(vm, pair, key);
  vm_array_push(vm, pair, value);
  return vm_iter_result(vm, pair, false);
}
//< stdlib.map-iterator-next

/* ==== Installing ==== */

#define ITER_MAGIC(cls, kind) ((cls) << 2 | (kind))

static const VMPropDef species_statics[] = {
    BUILTINS_SPECIES_GETTER,
    VM_PROPS_END,
};

//> stdlib.map-table
/* In V8's order, which Reflect.ownKeys(Map.prototype) shows. */
static const VMPropDef map_prototype_props[] = {
    VM_FN_MAGIC("get", map_get, 1, VM_CLASS_MAP),
    VM_FN_MAGIC("set", map_set, 2, VM_CLASS_MAP),
    VM_FN_MAGIC("has", map_has, 1, VM_CLASS_MAP),
    VM_FN_MAGIC("delete", map_delete, 1, VM_CLASS_MAP),
    VM_FN_MAGIC("clear", map_clear, 0, VM_CLASS_MAP),
    VM_FN_MAGIC("entries", map_iterator, 0, ITER_MAGIC(VM_CLASS_MAP, VM_MAP_ENTRIES)),
    VM_FN_MAGIC("forEach", map_for_each, 1, VM_CLASS_MAP),
    VM_FN_MAGIC("keys", map_iterator, 0, ITER_MAGIC(VM_CLASS_MAP, VM_MAP_KEYS)),
    VM_GETSET_MAGIC("size", map_size, NULL, VM_CLASS_MAP),
    VM_FN_MAGIC("values", map_iterator, 0, ITER_MAGIC(VM_CLASS_MAP, VM_MAP_VALUES)),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Map", VM_ATTR_CONFIGURABLE),
    VM_SYM_ALIAS(VM_SYMBOL_ITERATOR, "entries", VM_ATTR_HIDDEN),
    VM_PROPS_END,
};
//< stdlib.map-table

static const VMPropDef set_prototype_props[] = {
    VM_FN_MAGIC("has", map_has, 1, VM_CLASS_SET),
    VM_FN_MAGIC("add", map_set, 1, VM_CLASS_SET),
    VM_FN_MAGIC("delete", map_delete, 1, VM_CLASS_SET),
    VM_FN_MAGIC("clear", map_clear, 0, VM_CLASS_SET),
    VM_FN_MAGIC("entries", map_iterator, 0, ITER_MAGIC(VM_CLASS_SET, VM_MAP_ENTRIES)),
    VM_FN_MAGIC("forEach", map_for_each, 1, VM_CLASS_SET),
    VM_GETSET_MAGIC("size", map_size, NULL, VM_CLASS_SET),
    VM_FN_MAGIC("values", map_iterator, 0, ITER_MAGIC(VM_CLASS_SET, VM_MAP_VALUES)),
    VM_ALIAS("keys", "values", VM_ATTR_HIDDEN),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Set", VM_ATTR_CONFIGURABLE),
    VM_SYM_ALIAS(VM_SYMBOL_ITERATOR, "values", VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

static const VMPropDef weakmap_prototype_props[] = {
    VM_FN_MAGIC("delete", map_delete, 1, VM_CLASS_WEAKMAP),
    VM_FN_MAGIC("get", map_get, 1, VM_CLASS_WEAKMAP),
    VM_FN_MAGIC("set", map_set, 2, VM_CLASS_WEAKMAP),
    VM_FN_MAGIC("has", map_has, 1, VM_CLASS_WEAKMAP),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "WeakMap", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef weakset_prototype_props[] = {
    VM_FN_MAGIC("delete", map_delete, 1, VM_CLASS_WEAKSET),
    VM_FN_MAGIC("has", map_has, 1, VM_CLASS_WEAKSET),
    VM_FN_MAGIC("add", map_set, 1, VM_CLASS_WEAKSET),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "WeakSet", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef map_globals[] = {
    VM_CONSTRUCTOR("Map", map_construct, 0, VM_CLASS_MAP, INTRINSIC_MAP_PROTOTYPE, species_statics,
                   map_prototype_props),
    VM_CONSTRUCTOR("Set", map_construct, 0, VM_CLASS_SET, INTRINSIC_SET_PROTOTYPE, species_statics,
                   set_prototype_props),
    VM_CONSTRUCTOR("WeakMap", map_construct, 0, VM_CLASS_WEAKMAP, INTRINSIC_WEAKMAP_PROTOTYPE, NULL,
                   weakmap_prototype_props),
    VM_CONSTRUCTOR("WeakSet", map_construct, 0, VM_CLASS_WEAKSET, INTRINSIC_WEAKSET_PROTOTYPE, NULL,
                   weakset_prototype_props),
    VM_PROPS_END,
};

static const VMPropDef map_iterator_props[] = {
    VM_FN_MAGIC("next", map_iterator_next, 0, VM_CLASS_MAP_ITERATOR),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Map Iterator", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef set_iterator_props[] = {
    VM_FN_MAGIC("next", map_iterator_next, 0, VM_CLASS_SET_ITERATOR),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Set Iterator", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

/* %MapIteratorPrototype% or %SetIteratorPrototype%: made here, kept in slot. */
static void install_iterator_prototype(VM *vm, int slot, const VMPropDef *props) {
  Value proto = vm_object_with_proto(vm, vm_intrinsic(vm, INTRINSIC_ITERATOR_PROTOTYPE));
  vm_set_intrinsic(vm, slot, proto);
  vm_define_props(vm, proto, props);
}

void builtins_install_map(VM *vm) {
  vm_define_props(vm, vm_global(vm), map_globals);
  install_iterator_prototype(vm, INTRINSIC_MAP_ITERATOR_PROTOTYPE, map_iterator_props);
  install_iterator_prototype(vm, INTRINSIC_SET_ITERATOR_PROTOTYPE, set_iterator_props);
}

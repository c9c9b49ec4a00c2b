/* object.c - the Object constructor, its static methods (keys, assign, create,
 * defineProperty, freeze, ...) and Object.prototype (hasOwnProperty, toString, __proto__).
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_object. Everything here goes through the engine's
 * reflection API (vm_get_own_property, vm_define_property, vm_own_property_keys), which
 * is the spec's [[GetOwnProperty]], [[DefineOwnProperty]] and [[OwnPropertyKeys]].
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

/* ==== Descriptors ==== */

/* [[GetOwnProperty]], which runs a proxy's trap: 1 found, 0 absent, -1 exception. */
static int own_property(VM *vm, Value obj, Value key, PropertyInfo *info) {
  Value r = vm_own_property(vm, obj, key, info);
  return r == VALUE_TRUE ? 1 : r == VALUE_FALSE ? 0 : -1;
}

/* Every own key of obj ([[OwnPropertyKeys]]), rooted, or VALUE_EXCEPTION. */
static Value all_own_keys(VM *vm, Value obj) {
  return vm_handle_push(
      vm, vm_own_property_keys(vm, obj, VM_KEYS_STRINGS | VM_KEYS_SYMBOLS | VM_KEYS_HIDDEN));
}

static Value throw_with(VM *vm, const char *fmt, Value v) {
  char *text = builtins_describe(vm, v);
  Value r = vm_throw_error(vm, ERR_TYPE, fmt, text);
  free(text);
  return r;
}

/* ToPropertyDescriptor(obj), the engine's (vm_to_property_descriptor); false on a throw. */
static bool to_descriptor(VM *vm, Value obj, PropertyDescriptor *d) {
  return !value_is_exception(vm_to_property_descriptor(vm, obj, d));
}

/* FromPropertyDescriptor: {value, writable, enumerable, configurable} or {get, set, ...}. */
static Value from_descriptor(VM *vm, const PropertyInfo *info) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, info->value); /* a String wrapper's character is a fresh string */
  Value o = vm_handle_push(vm, vm_object_new(vm));
  if (info->is_accessor) {
    vm_define_str(vm, o, "get", info->getter, VM_ATTR_DEFAULT);
    vm_define_str(vm, o, "set", info->setter, VM_ATTR_DEFAULT);
  } else {
    vm_define_str(vm, o, "value", info->value, VM_ATTR_DEFAULT);
    vm_define_str(vm, o, "writable", value_from_bool(info->attrs & VM_ATTR_WRITABLE),
                  VM_ATTR_DEFAULT);
  }
  vm_define_str(vm, o, "enumerable", value_from_bool(info->attrs & VM_ATTR_ENUMERABLE),
                VM_ATTR_DEFAULT);
  vm_define_str(vm, o, "configurable", value_from_bool(info->attrs & VM_ATTR_CONFIGURABLE),
                VM_ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  return o;
}

/* DefinePropertyOrThrow with V8's two messages. */
static Value define_or_throw(VM *vm, Value obj, Value key, const PropertyDescriptor *d) {
  PropertyInfo info;
  bool existed = vm_get_own_property(vm, obj, key, &info);
  Value ok = vm_define_property(vm, obj, key, d);
  if (ok != VALUE_FALSE) return ok;
  if (vm_is_proxy(obj))
    return throw_with(vm, "'defineProperty' on proxy: trap returned falsish for property '%s'",
                      key);
  if (!existed && !vm_is_extensible(obj))
    return throw_with(vm, "Cannot define property %s, object is not extensible", key);
  if (!existed && vm_typed_kind(obj) >= 0) /* only a numeric key is refused a new property */
    return vm_throw_error(vm, ERR_TYPE, "Invalid typed array index");
  return throw_with(vm, "Cannot redefine property: %s", key);
}

/* ==== The Object constructor ==== */

static Value object_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm);
  if (value_is_object(target) && vm_function_kind(target) != VM_FN_NATIVE) {
    Value proto = vm_get_str(vm, target, "prototype"); /* class X extends Object */
    if (value_is_exception(proto)) return proto;
    return vm_object_with_proto(
        vm, value_is_object(proto) ? proto : vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE));
  }
  Value v = ARG(0);
  return value_is_nullish(v) ? vm_object_new(vm) : vm_to_object(vm, v);
}

/* ==== Keys, values, entries ==== */

/* Object.getOwnPropertyNames and getOwnPropertySymbols: the magic is VM_KEYS_STRINGS or
 * VM_KEYS_SYMBOLS. */
static Value object_own_names(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_to_object(vm, ARG(0));
  return value_is_exception(o) ? o
                               : vm_own_property_keys(vm, o, vm_native_magic(vm) | VM_KEYS_HIDDEN);
}

typedef enum OwnKind { OWN_KEYS, OWN_VALUES, OWN_ENTRIES } OwnKind;

/* The value (OWN_VALUES) or [key, value] pair (OWN_ENTRIES) of key, or VALUE_HOLE if the
 * property is gone or no longer enumerable when its turn comes. */
static Value own_item(VM *vm, Value o, Value key, OwnKind kind) {
  PropertyInfo info;
  int found = own_property(vm, o, key, &info);
  if (found < 0) return VALUE_EXCEPTION;
  if (!found || !(info.attrs & VM_ATTR_ENUMERABLE)) return VALUE_HOLE;
  Value val = vm_handle_push(vm, vm_get(vm, o, key));
  if (value_is_exception(val) || kind == OWN_VALUES) return val;
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, key);
  vm_array_push(vm, pair, val);
  return pair;
}

/* Object.keys, Object.values and Object.entries: the magic is an OwnKind. */
static Value object_enumerable_own(VM *vm, Value this_value, int argc, Value *argv) {
  OwnKind kind = (OwnKind)vm_native_magic(vm);
  Value o = vm_handle_push(vm, vm_to_object(vm, ARG(0)));
  /* values and entries of a proxy: every key, each looked at (gopd, get) in its turn */
  int hidden = kind != OWN_KEYS && !value_is_exception(o) && vm_is_proxy(o) ? VM_KEYS_HIDDEN : 0;
  Value keys = value_is_exception(o) ? o : vm_own_property_keys(vm, o, VM_KEYS_STRINGS | hidden);
  if (value_is_exception(keys) || kind == OWN_KEYS) return keys;
  vm_handle_push(vm, keys);
  Value out = vm_handle_push(vm, vm_array_new(vm));
  int loop = vm_handle_mark(vm);
  for (uint32_t i = 0; i < vm_array_length(keys); i++, vm_handle_reset(vm, loop)) {
    Value item = own_item(vm, o, vm_array_get_raw(keys, i), kind);
    if (value_is_exception(item)) return item;
    if (!value_is_hole(item)) vm_array_push(vm, out, item);
  }
  return out;
}

static Value add_entry(VM *vm, Value entry, void *ctx) {
  Value target = *(Value *)ctx;
  if (!value_is_object(entry))
    return throw_with(vm, "Iterator value %s is not an entry object", entry);
  Value k = vm_handle_push(vm, vm_get(vm, entry, value_from_number(0)));
  if (value_is_exception(k)) return k;
  Value v = vm_handle_push(vm, vm_get(vm, entry, value_from_number(1)));
  if (value_is_exception(v)) return v;
  Value key = vm_handle_push(vm, vm_to_property_key(vm, k));
  if (value_is_exception(key)) return key;
  Value r = builtins_create_data(vm, target, key, v);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

static Value object_from_entries(VM *vm, Value this_value, int argc, Value *argv) {
  if (value_is_nullish(ARG(0))) /* V8 says "undefined" for null too */
    return vm_throw_error(vm, ERR_TYPE, "undefined is not iterable");
  Value target = vm_handle_push(vm, vm_object_new(vm));
  Value r = builtins_iterate(vm, ARG(0), add_entry, &target);
  return value_is_exception(r) ? r : target;
}

/* ==== assign, create, defineProperty ==== */

/* Copy source's own enumerable properties (strings, then symbols) onto to with Set. */
static Value assign_from(VM *vm, Value to, Value source) {
  Value from = vm_handle_push(vm, vm_to_object(vm, source));
  if (value_is_exception(from)) return from;
  Value keys = all_own_keys(vm, from);
  if (value_is_exception(keys)) return keys;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get_raw(keys, i);
    PropertyInfo info;
    int found = own_property(vm, from, key, &info);
    if (found < 0) return VALUE_EXCEPTION;
    if (!found || !(info.attrs & VM_ATTR_ENUMERABLE)) continue;
    Value v = vm_handle_push(vm, vm_get(vm, from, key));
    if (value_is_exception(v) || value_is_exception(vm_set(vm, to, key, v))) return VALUE_EXCEPTION;
  }
  return to;
}

static Value object_assign(VM *vm, Value this_value, int argc, Value *argv) {
  Value to = vm_handle_push(vm, vm_to_object(vm, ARG(0)));
  for (int i = 1; i < argc && !value_is_exception(to); i++)
    if (!value_is_nullish(argv[i]) && value_is_exception(assign_from(vm, to, argv[i])))
      to = VALUE_EXCEPTION;
  return to;
}

//> stdlib.object-define-properties
/* ObjectDefineProperties: read every descriptor first, then define them in order. */
static Value define_properties(VM *vm, Value obj, Value properties) {
  int mark = vm_handle_mark(vm);
  Value props = vm_handle_push(vm, vm_to_object(vm, properties));
  if (value_is_exception(props)) return vm_handle_reset(vm, mark), props;
  Value keys = all_own_keys(vm, props);
  if (value_is_exception(keys)) return vm_handle_reset(vm, mark), keys;
  uint32_t n = vm_array_length(keys), count = 0;
  PropertyDescriptor *descs = mem_alloc((n + 1) * sizeof *descs);
  uint32_t *which = mem_alloc((n + 1) * sizeof *which);
  Value r = obj;
  for (uint32_t i = 0; i < n && !value_is_exception(r); i++) {
    PropertyInfo info;
    Value key = vm_array_get_raw(keys, i);
    int found = own_property(vm, props, key, &info);
    if (found < 0) r = VALUE_EXCEPTION;
    if (found <= 0 || !(info.attrs & VM_ATTR_ENUMERABLE)) continue;
    Value d = vm_handle_push(vm, vm_get(vm, props, key));
    if (value_is_exception(d) || !to_descriptor(vm, d, &descs[count])) r = VALUE_EXCEPTION;
    which[count++] = i;
  }
  for (uint32_t i = 0; i < count && !value_is_exception(r); i++)
    if (value_is_exception(define_or_throw(vm, obj, vm_array_get_raw(keys, which[i]), &descs[i])))
      r = VALUE_EXCEPTION;
  free(descs), free(which);
  vm_handle_reset(vm, mark);
  return r;
}
//< stdlib.object-define-properties

static Value object_define_properties(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(ARG(0)))
    return vm_throw_error(vm, ERR_TYPE, "Object.defineProperties called on non-object");
  return define_properties(vm, ARG(0), ARG(1));
}

static Value object_create(VM *vm, Value this_value, int argc, Value *argv) {
  Value proto = ARG(0);
  if (!value_is_object(proto) && !value_is_null(proto))
    return throw_with(vm, "Object prototype may only be an Object or null: %s", proto);
  Value obj = vm_handle_push(vm, vm_object_with_proto(vm, proto));
  Value r = value_is_undefined(ARG(1)) ? obj : define_properties(vm, obj, ARG(1));
  return r;
}

static Value object_define_property(VM *vm, Value this_value, int argc, Value *argv) {
  Value obj = ARG(0);
  if (!value_is_object(obj))
    return vm_throw_error(vm, ERR_TYPE, "Object.defineProperty called on non-object");
  Value key = vm_handle_push(vm, vm_to_property_key(vm, ARG(1)));
  PropertyDescriptor d;
  Value r = VALUE_EXCEPTION;
  if (!value_is_exception(key) && to_descriptor(vm, ARG(2), &d))
    r = define_or_throw(vm, obj, key, &d);
  return value_is_exception(r) ? r : obj;
}

static Value object_get_own_property_descriptor(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_handle_push(vm, vm_to_object(vm, ARG(0)));
  Value key = value_is_exception(o) ? o : vm_handle_push(vm, vm_to_property_key(vm, ARG(1)));
  PropertyInfo info;
  Value r = key;
  int found = value_is_exception(key) ? -1 : own_property(vm, o, key, &info);
  if (found >= 0) r = found ? from_descriptor(vm, &info) : VALUE_UNDEFINED;
  return found < 0 ? VALUE_EXCEPTION : r;
}

static Value object_get_own_property_descriptors(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_handle_push(vm, vm_to_object(vm, ARG(0)));
  if (value_is_exception(o)) return o;
  Value keys = all_own_keys(vm, o);
  if (value_is_exception(keys)) return keys;
  Value out = vm_handle_push(vm, vm_object_new(vm));
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    PropertyInfo info;
    Value key = vm_array_get_raw(keys, i);
    int found = own_property(vm, o, key, &info);
    if (found < 0) return VALUE_EXCEPTION;
    if (!found) continue;
    Value d = vm_handle_push(vm, from_descriptor(vm, &info));
    builtins_create_data(vm, out, key, d);
  }
  return out;
}

/* ==== Prototypes ==== */

static Value object_get_prototype_of(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_to_object(vm, ARG(0));
  return value_is_exception(o) ? o : vm_get_prototype_of(vm, o);
}

/* [[SetPrototypeOf]] or V8's TypeError for each way it can fail. */
static Value set_prototype_or_throw(VM *vm, Value obj, Value proto) {
  Value ok = vm_set_prototype(vm, obj, proto);
  if (ok != VALUE_FALSE) return ok;
  if (vm_is_proxy(obj)) /* sic: V8 names no property */
    return vm_throw_error(
        vm, ERR_TYPE, "'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'");
  if (!vm_is_extensible(obj)) return throw_with(vm, "%s is not extensible", obj);
  if (obj == vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE))
    return vm_throw_error(vm, ERR_TYPE,
                          "Immutable prototype object 'Object.prototype' cannot "
                          "have their prototype set");
  return vm_throw_error(vm, ERR_TYPE, "Cyclic __proto__ value");
}

static Value object_set_prototype_of(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = ARG(0), proto = ARG(1);
  if (value_is_nullish(o))
    return vm_throw_error(vm, ERR_TYPE, "Object.setPrototypeOf called on null or undefined");
  if (!value_is_object(proto) && !value_is_null(proto))
    return throw_with(vm, "Object prototype may only be an Object or null: %s", proto);
  if (!value_is_object(o)) return o;
  Value r = set_prototype_or_throw(vm, o, proto);
  return value_is_exception(r) ? r : o;
}

/* ==== Integrity levels ==== */

/* [[PreventExtensions]], and a proxy's TypeError when its trap says no. */
static Value prevent_extensions_or_throw(VM *vm, Value obj) {
  Value ok = vm_object_prevent_extensions(vm, obj);
  if (ok != VALUE_FALSE) return ok;
  return vm_throw_error(vm, ERR_TYPE, "'preventExtensions' on proxy: trap returned falsish");
}

//> stdlib.object-freeze
/* SetIntegrityLevel: every own property non-configurable (and, frozen, read-only). */
static Value set_integrity(VM *vm, Value obj, bool frozen) {
  if (!value_is_object(obj)) return obj;
  VMViewInfo view;
  if (frozen && vm_array_view_info(obj, &view) && view.kind >= 0 && view.length)
    return vm_throw_error(vm, ERR_TYPE, "Cannot freeze array buffer views with elements");
  int mark = vm_handle_mark(vm);
  Value keys = prevent_extensions_or_throw(vm, obj);
  keys = value_is_exception(keys) ? keys : all_own_keys(vm, obj);
  if (value_is_exception(keys)) return vm_handle_reset(vm, mark), keys;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    PropertyInfo info;
    Value key = vm_array_get_raw(keys, i);
    int found = frozen ? own_property(vm, obj, key, &info) : 1; /* seal needs no look */
    if (found < 0) return vm_handle_reset(vm, mark), VALUE_EXCEPTION;
    if (!found) continue;
    if (!frozen) info.is_accessor = true;
    PropertyDescriptor d = {.value = VALUE_UNDEFINED,
                            .getter = VALUE_UNDEFINED,
                            .setter = VALUE_UNDEFINED,
                            .has_configurable = true};
    if (frozen && !info.is_accessor) d.has_writable = true; /* writable: false */
    if (value_is_exception(define_or_throw(vm, obj, key, &d)))
      return vm_handle_reset(vm, mark), VALUE_EXCEPTION;
  }
  vm_handle_reset(vm, mark);
  return obj;
}
//< stdlib.object-freeze

/* TestIntegrityLevel: true/false/exception. */
static Value test_integrity(VM *vm, Value obj, bool frozen) {
  if (!value_is_object(obj)) return VALUE_TRUE;
  Value ext = vm_object_is_extensible(vm, obj);
  if (ext != VALUE_FALSE) return value_is_exception(ext) ? ext : VALUE_FALSE;
  Value keys = all_own_keys(vm, obj);
  if (value_is_exception(keys)) return keys;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    PropertyInfo info;
    int found = own_property(vm, obj, vm_array_get_raw(keys, i), &info);
    if (found < 0) return VALUE_EXCEPTION;
    if (found && (info.attrs & VM_ATTR_CONFIGURABLE)) return VALUE_FALSE;
    if (found && frozen && !info.is_accessor && (info.attrs & VM_ATTR_WRITABLE)) return VALUE_FALSE;
  }
  return VALUE_TRUE;
}

/* Object.freeze (magic 1) and Object.seal (magic 0). */
static Value object_set_integrity(VM *vm, Value this_value, int argc, Value *argv) {
  return set_integrity(vm, ARG(0), vm_native_magic(vm));
}
/* Object.isFrozen (magic 1) and Object.isSealed (magic 0). */
static Value object_test_integrity(VM *vm, Value this_value, int argc, Value *argv) {
  return test_integrity(vm, ARG(0), vm_native_magic(vm));
}
static Value object_prevent_extensions(VM *vm, Value this_value, int argc, Value *argv) {
  Value r = value_is_object(ARG(0)) ? prevent_extensions_or_throw(vm, ARG(0)) : VALUE_TRUE;
  return value_is_exception(r) ? r : ARG(0);
}
static Value object_is_extensible(VM *vm, Value this_value, int argc, Value *argv) {
  return value_is_object(ARG(0)) ? vm_object_is_extensible(vm, ARG(0)) : VALUE_FALSE;
}

/* ==== is, hasOwn ==== */

static Value object_is(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_bool(vm_same_value(ARG(0), ARG(1)));
}

/* Does ToObject(v) have own property key? true/false/exception. */
static Value has_own(VM *vm, Value v, Value key) {
  int mark = vm_handle_mark(vm);
  Value k = vm_handle_push(vm, vm_to_property_key(vm, key));
  Value o = value_is_exception(k) ? k : vm_handle_push(vm, vm_to_object(vm, v));
  PropertyInfo info;
  Value r = value_is_exception(o) ? o : vm_own_property(vm, o, k, &info);
  vm_handle_reset(vm, mark);
  return r;
}

static Value object_has_own(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_to_object(vm, ARG(0)); /* ToObject comes first here */
  return value_is_exception(o) ? o : has_own(vm, ARG(0), ARG(1));
}

/* ==== Object.prototype ==== */

static Value proto_has_own_property(VM *vm, Value this_value, int argc, Value *argv) {
  return has_own(vm, this_value, ARG(0));
}

static Value proto_is_prototype_of(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(ARG(0))) return VALUE_FALSE;
  Value o = vm_to_object(vm, this_value);
  if (value_is_exception(o)) return o;
  vm_handle_push(vm, o);
  for (Value p = ARG(0);;) { /* [[GetPrototypeOf]] each step: a proxy's trap may run */
    p = vm_get_prototype_of(vm, p);
    if (!value_is_object(p)) return value_is_exception(p) ? p : VALUE_FALSE;
    if (p == o) return VALUE_TRUE;
  }
}

static Value proto_property_is_enumerable(VM *vm, Value this_value, int argc, Value *argv) {
  Value k = vm_handle_push(vm, vm_to_property_key(vm, ARG(0)));
  Value o = value_is_exception(k) ? k : vm_handle_push(vm, vm_to_object(vm, this_value));
  PropertyInfo info;
  Value r = o;
  int found = value_is_exception(o) ? -1 : own_property(vm, o, k, &info);
  if (found >= 0) r = value_from_bool(found && (info.attrs & VM_ATTR_ENUMERABLE));
  return found < 0 ? VALUE_EXCEPTION : r;
}

/* The builtinTag of o's class ("Arguments"); a proxy's is "Array" if IsArray says so,
 * else Function or Object. NULL with a TypeError pending for a revoked proxy. */
static const char *builtin_tag(VM *vm, Value o) {
  if (!vm_is_proxy(o)) return vm_class_tag(vm, o);
  Value is_array = vm_is_array_checked(vm, o);
  if (value_is_exception(is_array)) return NULL;
  if (is_array == VALUE_TRUE) return "Array";
  return vm_is_callable(o) ? "Function" : "Object";
}

//> stdlib.object-to-string
static Value proto_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  if (value_is_undefined(this_value)) return vm_string(vm, "[object Undefined]");
  if (value_is_null(this_value)) return vm_string(vm, "[object Null]");
  Value o = vm_handle_push(vm, vm_to_object(vm, this_value));
  const char *builtin = value_is_exception(o) ? NULL : builtin_tag(vm, o); /* before the Get */
  Value tag =
      builtin ? vm_handle_push(vm, vm_get(vm, o, vm_well_known_symbol(vm, VM_SYMBOL_TO_STRING_TAG)))
              : VALUE_EXCEPTION;
  Value r = tag;
  if (!value_is_exception(tag)) {
    /* Without a string Symbol.toStringTag: the builtinTag of o's class ("Arguments") */
    char *t = value_is_string(tag) ? vm_to_utf8(vm, tag, NULL) : mem_strdup(builtin);
    char *text = mem_alloc(strlen(t) + 10);
    sprintf(text, "[object %s]", t);
    r = vm_string(vm, text);
    free(t), free(text);
  }
  return r;
}
//< stdlib.object-to-string

static Value proto_to_locale_string(VM *vm, Value this_value, int argc, Value *argv) {
  Value f = vm_get_str(vm, this_value, "toString");
  if (value_is_exception(f)) return f;
  if (!vm_is_callable(f)) return builtins_throw_not_function(vm, f);
  return vm_call(vm, f, this_value, 0, NULL);
}

static Value proto_value_of(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_to_object(vm, this_value);
}

static Value proto_get_proto(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_to_object(vm, this_value);
  return value_is_exception(o) ? o : vm_get_prototype_of(vm, o);
}

static Value proto_set_proto(VM *vm, Value this_value, int argc, Value *argv) {
  if (value_is_nullish(this_value))
    return vm_throw_error(vm, ERR_TYPE, "Object.prototype.__proto__ called on null or undefined");
  Value proto = ARG(0);
  if ((!value_is_object(proto) && !value_is_null(proto)) || !value_is_object(this_value))
    return VALUE_UNDEFINED;
  Value r = set_prototype_or_throw(vm, this_value, proto);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* __defineGetter__ (magic 1) and __defineSetter__ (magic 0): the legacy spellings of
 * defineProperty. */
static Value proto_define_accessor(VM *vm, Value this_value, int argc, Value *argv) {
  bool getter = vm_native_magic(vm);
  Value fn = ARG(1);
  Value o = vm_handle_push(vm, vm_to_object(vm, this_value));
  Value r = o;
  if (!value_is_exception(o) && !vm_is_callable(fn)) {
    r = vm_throw_error(vm, ERR_TYPE, "Object.prototype.__define%sGetter__: Expecting function",
                       getter ? "" : "S");
  } else if (!value_is_exception(o)) {
    PropertyDescriptor d = {.value = VALUE_UNDEFINED,
                            .getter = getter ? fn : VALUE_UNDEFINED,
                            .setter = getter ? VALUE_UNDEFINED : fn,
                            .has_getter = getter,
                            .has_setter = !getter,
                            .has_enumerable = true,
                            .enumerable = true,
                            .has_configurable = true,
                            .configurable = true};
    Value k = vm_handle_push(vm, vm_to_property_key(vm, ARG(0)));
    r = value_is_exception(k) ? k : define_or_throw(vm, o, k, &d);
  }
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* __lookupGetter__ (magic 1) and __lookupSetter__ (magic 0). */
static Value proto_lookup_accessor(VM *vm, Value this_value, int argc, Value *argv) {
  bool getter = vm_native_magic(vm);
  Value o = vm_handle_push(vm, vm_to_object(vm, this_value));
  Value k = value_is_exception(o) ? o : vm_handle_push(vm, vm_to_property_key(vm, ARG(0)));
  Value r = value_is_exception(k) ? k : VALUE_UNDEFINED;
  for (Value p = o; !value_is_exception(k) && value_is_object(p); p = vm_prototype_of(p)) {
    PropertyInfo info;
    if (!vm_get_own_property(vm, p, k, &info)) continue;
    if (info.is_accessor) r = getter ? info.getter : info.setter;
    break;
  }
  return r;
}

/* ==== Installing ==== */

/* In V8's order, which Object.getOwnPropertyNames(Object) shows. */
static const VMPropDef object_statics[] = {
    VM_FN("assign", object_assign, 2),
    VM_FN("getOwnPropertyDescriptor", object_get_own_property_descriptor, 2),
    VM_FN("getOwnPropertyDescriptors", object_get_own_property_descriptors, 1),
    VM_FN_MAGIC("getOwnPropertyNames", object_own_names, 1, VM_KEYS_STRINGS),
    VM_FN_MAGIC("getOwnPropertySymbols", object_own_names, 1, VM_KEYS_SYMBOLS),
    VM_FN("hasOwn", object_has_own, 2),
    VM_FN("is", object_is, 2),
    VM_FN("preventExtensions", object_prevent_extensions, 1),
    VM_FN_MAGIC("seal", object_set_integrity, 1, false),
    VM_FN("create", object_create, 2),
    VM_FN("defineProperties", object_define_properties, 2),
    VM_FN("defineProperty", object_define_property, 3),
    VM_FN_MAGIC("freeze", object_set_integrity, 1, true),
    VM_FN("getPrototypeOf", object_get_prototype_of, 1),
    VM_FN("setPrototypeOf", object_set_prototype_of, 2),
    VM_FN("isExtensible", object_is_extensible, 1),
    VM_FN_MAGIC("isFrozen", object_test_integrity, 1, true),
    VM_FN_MAGIC("isSealed", object_test_integrity, 1, false),
    VM_FN_MAGIC("keys", object_enumerable_own, 1, OWN_KEYS),
    VM_FN_MAGIC("entries", object_enumerable_own, 1, OWN_ENTRIES),
    VM_FN("fromEntries", object_from_entries, 1),
    VM_FN_MAGIC("values", object_enumerable_own, 1, OWN_VALUES),
    VM_PROPS_END,
};

static const VMPropDef object_prototype_props[] = {
    VM_FN_MAGIC("__defineGetter__", proto_define_accessor, 2, true),
    VM_FN_MAGIC("__defineSetter__", proto_define_accessor, 2, false),
    VM_FN("hasOwnProperty", proto_has_own_property, 1),
    VM_FN_MAGIC("__lookupGetter__", proto_lookup_accessor, 1, true),
    VM_FN_MAGIC("__lookupSetter__", proto_lookup_accessor, 1, false),
    VM_FN("isPrototypeOf", proto_is_prototype_of, 1),
    VM_FN("propertyIsEnumerable", proto_property_is_enumerable, 1),
    VM_FN("toString", proto_to_string, 0),
    VM_FN("valueOf", proto_value_of, 0),
    VM_GETSET("__proto__", proto_get_proto, proto_set_proto),
    VM_FN("toLocaleString", proto_to_locale_string, 0),
    VM_PROPS_END,
};

static const VMPropDef object_globals[] = {
    VM_CONSTRUCTOR("Object", object_construct, 1, 0, INTRINSIC_OBJECT_PROTOTYPE, object_statics,
                   object_prototype_props),
    VM_PROPS_END,
};

void builtins_install_object(VM *vm) { vm_define_props(vm, vm_global(vm), object_globals); }

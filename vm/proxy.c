/* proxy.c - the Proxy exotic object (ECMA-262 10.5): each internal method asks the
 * handler's trap, then holds the answer against what the target guarantees (its
 * invariants), throwing V8's TypeErrors. Book: chapter 3, "Values and objects".
 *
 * A proxy is the CLASS_PROXY row of the class table, whose ExoticMethods (proxy_methods)
 * object.c and reflect.c consult on their slow paths; calls and `new` reach proxy_call
 * and proxy_construct from interp.c. Entry points: vm_proxy_new, vm_proxy_revoke,
 * proxy_methods, proxy_call, proxy_construct, vm_is_array_checked.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

/* ==== Making, revoking, asking ==== */

Value vm_proxy_new(VM *vm, Value target, Value handler) {
  if (!value_is_object(target) || !value_is_object(handler))
    return vm_throw_error(vm, ERR_TYPE,
                          "Cannot create proxy with a non-object as target or handler");
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, target), vm_handle_push(vm, handler);
  Proxy *p = (Proxy *)object_new_class(vm, CLASS_PROXY, sizeof(Proxy), NULL);
  vm_handle_reset(vm, mark);
  p->target = target;
  p->handler = handler;
  if (vm_is_callable(target)) p->base.flags |= PROXY_CALLABLE;
  if (interp_is_constructor(target)) p->base.flags |= PROXY_CONSTRUCTOR;
  return value_from_object(&p->base);
}

void vm_proxy_revoke(Value proxy) {
  Proxy *p = (Proxy *)value_to_object(proxy);
  p->target = p->handler = VALUE_NULL;
}

bool vm_is_proxy(Value v) { return value_is_object(v) && value_to_object(v)->klass == CLASS_PROXY; }
Value vm_proxy_target(Value proxy) { return ((Proxy *)value_to_object(proxy))->target; }
Value vm_proxy_handler(Value proxy) { return ((Proxy *)value_to_object(proxy))->handler; }

void proxy_trace(VM *vm, Object *o) {
  gc_mark_value(vm, ((Proxy *)o)->target);
  gc_mark_value(vm, ((Proxy *)o)->handler);
}

static Value throw_revoked(VM *vm, const char *what) {
  return vm_throw_error(vm, ERR_TYPE, "Cannot perform '%s' on a proxy that has been revoked", what);
}

//> vm.is-array-checked
Value vm_is_array_checked(VM *vm, Value v) {
  while (vm_is_proxy(v)) { /* a loop: chains of proxies can be long */
    if (value_is_null(vm_proxy_handler(v))) return throw_revoked(vm, "IsArray");
    v = vm_proxy_target(v);
  }
  return value_from_bool(vm_is_array(v));
}
//< vm.is-array-checked

/* ==== Traps ==== */

/* One internal method's view of a proxy: its target and handler, read before the trap
 * (the trap may revoke the proxy), and the trap itself, rooted on the handle stack. */
typedef struct Trap {
  const char *name;
  Value target, handler, fn; /* fn: undefined when the handler has no such trap */
} Trap;

/* V8's complaint about a trap that is not a function. */
static Value trap_not_callable(VM *vm, Trap *t) {
  char *what = reflect_describe(vm, t->fn), *of = reflect_describe(vm, t->handler);
  Value r = vm_throw_error(vm, ERR_TYPE,
                           "'%s' returned for property '%s' of object '%s' is not a function", what,
                           t->name, of);
  free(what), free(of);
  return r;
}

//> vm.proxy-trap
/* GetMethod(handler, name) for proxy o; false with an exception pending when o is
 * revoked, the lookup throws, or the trap is no function. Every internal method starts
 * here, so this is where a chain of proxies meets the C-stack guard. */
static bool trap_open(VM *vm, Object *o, const char *name, Trap *t) {
  Proxy *p = (Proxy *)o;
  *t = (Trap){name, p->target, p->handler, VALUE_UNDEFINED};
  if (vm_stack_exhausted(vm)) return vm_throw_stack_overflow(vm), false;
  if (value_is_null(t->handler)) return throw_revoked(vm, name), false;
  vm_handle_push(vm, t->target), vm_handle_push(vm, t->handler);
  Value fn = vm_handle_push(vm, vm_get(vm, t->handler, vm_atom(vm, name)));
  if (value_is_exception(fn)) return false;
  t->fn = value_is_nullish(fn) ? VALUE_UNDEFINED : fn;
  if (!value_is_undefined(t->fn) && !vm_is_callable(fn)) return trap_not_callable(vm, t), false;
  return true;
}
//< vm.proxy-trap

static Value trap_call(VM *vm, Trap *t, int argc, const Value *argv) {
  return vm_handle_push(vm, vm_call(vm, t->fn, t->handler, argc, argv));
}

/* The trap's answer as a boolean, or VALUE_EXCEPTION. */
static Value trap_bool(VM *vm, Trap *t, int argc, const Value *argv) {
  Value r = trap_call(vm, t, argc, argv);
  return value_is_exception(r) ? r : value_from_bool(vm_truthy(r));
}

/* "'get' on proxy: <complaint about key>", with each %s in fmt the key. */
static Value invariant_error(VM *vm, const char *fmt, Value key) {
  char *k = reflect_describe(vm, key);
  Value r = vm_throw_error(vm, ERR_TYPE, fmt, k);
  free(k);
  return r;
}

/* The target's own property key: found (true/false/exception) and what it is. */
static Value target_property(VM *vm, Trap *t, Value key, PropertyInfo *info) {
  Value found = vm_own_property(vm, t->target, key, info);
  if (found == VALUE_TRUE) {
    vm_handle_push(vm, info->value), vm_handle_push(vm, info->getter);
    vm_handle_push(vm, info->setter);
  }
  return found;
}

static bool configurable(const PropertyInfo *i) { return i->attrs & VM_ATTR_CONFIGURABLE; }
static bool writable(const PropertyInfo *i) { return i->attrs & VM_ATTR_WRITABLE; }

/* ==== [[GetPrototypeOf]], [[SetPrototypeOf]], extensibility ==== */

static Value proxy_get_prototype_of(VM *vm, Object *o) {
  Trap t;
  if (!trap_open(vm, o, "getPrototypeOf", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_get_prototype_of(vm, t.target);
  Value proto = trap_call(vm, &t, 1, &t.target);
  if (value_is_exception(proto)) return proto;
  if (!value_is_object(proto) && !value_is_null(proto))
    return vm_throw_error(vm, ERR_TYPE,
                          "'getPrototypeOf' on proxy: trap returned neither object nor null");
  Value ext = vm_object_is_extensible(vm, t.target);
  if (ext != VALUE_FALSE) return value_is_exception(ext) ? ext : proto;
  Value actual = vm_get_prototype_of(vm, t.target);
  if (value_is_exception(actual) || actual == proto)
    return value_is_exception(actual) ? actual : proto;
  return vm_throw_error(vm, ERR_TYPE,
                        "'getPrototypeOf' on proxy: proxy target is non-extensible but the trap "
                        "did not return its actual prototype");
}

static Value proxy_set_prototype_of(VM *vm, Object *o, Value proto) {
  Trap t;
  if (!trap_open(vm, o, "setPrototypeOf", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_set_prototype(vm, t.target, proto);
  Value args[] = {t.target, proto};
  Value ok = trap_bool(vm, &t, 2, args);
  if (ok != VALUE_TRUE) return ok;
  Value ext = vm_object_is_extensible(vm, t.target);
  if (ext != VALUE_FALSE) return value_is_exception(ext) ? ext : VALUE_TRUE;
  Value actual = vm_get_prototype_of(vm, t.target);
  if (value_is_exception(actual) || actual == proto)
    return value_is_exception(actual) ? actual : ok;
  return vm_throw_error(vm, ERR_TYPE,
                        "'setPrototypeOf' on proxy: trap returned truish for setting a new "
                        "prototype on the non-extensible proxy target");
}

static Value proxy_is_extensible(VM *vm, Object *o) {
  Trap t;
  if (!trap_open(vm, o, "isExtensible", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_object_is_extensible(vm, t.target);
  Value r = trap_bool(vm, &t, 1, &t.target);
  if (value_is_exception(r)) return r;
  Value actual = vm_object_is_extensible(vm, t.target);
  if (value_is_exception(actual) || actual == r) return actual;
  return vm_throw_error(vm, ERR_TYPE,
                        "'isExtensible' on proxy: trap result does not reflect extensibility of "
                        "proxy target (which is '%s')",
                        actual == VALUE_TRUE ? "true" : "false");
}

static Value proxy_prevent_extensions(VM *vm, Object *o) {
  Trap t;
  if (!trap_open(vm, o, "preventExtensions", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_object_prevent_extensions(vm, t.target);
  Value r = trap_bool(vm, &t, 1, &t.target);
  if (r != VALUE_TRUE) return r;
  Value ext = vm_object_is_extensible(vm, t.target);
  if (ext != VALUE_TRUE) return value_is_exception(ext) ? ext : r;
  return vm_throw_error(vm, ERR_TYPE,
                        "'preventExtensions' on proxy: trap returned truish but the proxy target "
                        "is extensible");
}

/* ==== [[GetOwnProperty]] and [[DefineOwnProperty]] ==== */

/* IsCompatiblePropertyDescriptor(extensible, d, current): could an ordinary object with
 * `current` (NULL: absent) accept d? */
static bool compatible(bool extensible, const PropertyDescriptor *d, const PropertyInfo *cur) {
  if (!cur) return extensible;
  if (configurable(cur)) return true;
  if (d->has_configurable && d->configurable) return false;
  if (d->has_enumerable && d->enumerable != ((cur->attrs & VM_ATTR_ENUMERABLE) != 0)) return false;
  bool is_accessor = d->has_getter || d->has_setter;
  bool is_data = d->has_value || d->has_writable;
  if ((is_accessor || is_data) && is_accessor != cur->is_accessor) return false;
  if (cur->is_accessor)
    return !(d->has_getter && !vm_same_value(d->getter, cur->getter)) &&
           !(d->has_setter && !vm_same_value(d->setter, cur->setter));
  if (writable(cur)) return true;
  return !(d->has_writable && d->writable) &&
         !(d->has_value && !vm_same_value(d->value, cur->value));
}

/* CompletePropertyDescriptor, written into the engine's PropertyInfo. */
static void complete(const PropertyDescriptor *d, PropertyInfo *out) {
  out->is_accessor = d->has_getter || d->has_setter;
  out->value = d->value, out->getter = d->getter, out->setter = d->setter;
  out->attrs = (d->enumerable ? VM_ATTR_ENUMERABLE : 0) |
               (d->configurable ? VM_ATTR_CONFIGURABLE : 0) |
               (!out->is_accessor && d->writable ? VM_ATTR_WRITABLE : 0);
}

/* The trap said the property is absent: allowed unless the target forbids it. */
static Value check_reported_absent(VM *vm, Trap *t, Value key, Value found, PropertyInfo *ti) {
  if (found != VALUE_TRUE) return found;
  if (!configurable(ti))
    return invariant_error(vm,
                           "'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                           "property '%s' which is non-configurable in the proxy target",
                           key);
  Value ext = vm_object_is_extensible(vm, t->target);
  if (ext != VALUE_FALSE) return value_is_exception(ext) ? ext : VALUE_FALSE;
  return invariant_error(vm,
                         "'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                         "property '%s' which exists in the non-extensible proxy target",
                         key);
}

/* The trap reported descriptor d: it must fit the target. */
static Value check_reported(VM *vm, Trap *t, Value key, Value found, PropertyInfo *ti,
                            const PropertyDescriptor *d) {
  Value ext = vm_object_is_extensible(vm, t->target);
  if (value_is_exception(ext)) return ext;
  if (!compatible(ext == VALUE_TRUE, d, found == VALUE_TRUE ? ti : NULL))
    return invariant_error(vm,
                           "'getOwnPropertyDescriptor' on proxy: trap returned descriptor for "
                           "property '%s' that is incompatible with the existing property in "
                           "the proxy target",
                           key);
  if (d->configurable) return VALUE_TRUE;
  if (found != VALUE_TRUE || configurable(ti))
    return invariant_error(vm,
                           "'getOwnPropertyDescriptor' on proxy: trap reported "
                           "non-configurability for property '%s' which is either "
                           "non-existent or configurable in the proxy target",
                           key);
  if (d->has_writable && !d->writable && !ti->is_accessor && writable(ti))
    return invariant_error(vm,
                           "'getOwnPropertyDescriptor' on proxy: trap reported non-configurable "
                           "and writable for property '%s' which is non-configurable, "
                           "non-writable in the proxy target",
                           key);
  return VALUE_TRUE;
}

static Value proxy_get_own_property(VM *vm, Object *o, Value key, PropertyInfo *out) {
  Trap t;
  if (!trap_open(vm, o, "getOwnPropertyDescriptor", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_own_property(vm, t.target, key, out);
  Value args[] = {t.target, key};
  Value r = trap_call(vm, &t, 2, args);
  if (value_is_exception(r)) return r;
  if (!value_is_object(r) && !value_is_undefined(r))
    return invariant_error(vm,
                           "'getOwnPropertyDescriptor' on proxy: trap returned neither object "
                           "nor undefined for property '%s'",
                           key);
  PropertyInfo ti;
  Value found = target_property(vm, &t, key, &ti);
  if (value_is_exception(found)) return found;
  if (value_is_undefined(r)) return check_reported_absent(vm, &t, key, found, &ti);
  PropertyDescriptor d;
  if (value_is_exception(vm_to_property_descriptor(vm, r, &d))) return VALUE_EXCEPTION;
  Value ok = check_reported(vm, &t, key, found, &ti, &d);
  if (ok == VALUE_TRUE) complete(&d, out);
  return ok;
}

/* The trap agreed to define d: the target must be able to hold it. */
static Value check_defined(VM *vm, Trap *t, Value key, const PropertyDescriptor *d) {
  PropertyInfo ti;
  Value found = target_property(vm, t, key, &ti);
  Value ext = value_is_exception(found) ? found : vm_object_is_extensible(vm, t->target);
  if (value_is_exception(ext)) return ext;
  bool non_configurable = d->has_configurable && !d->configurable;
  if (found == VALUE_FALSE && ext == VALUE_FALSE)
    return invariant_error(vm,
                           "'defineProperty' on proxy: trap returned truish for adding "
                           "property '%s'  to the non-extensible proxy target",
                           key);
  if (found == VALUE_TRUE && !compatible(ext == VALUE_TRUE, d, &ti))
    return invariant_error(vm,
                           "'defineProperty' on proxy: trap returned truish for adding "
                           "property '%s'  that is incompatible with the existing property "
                           "in the proxy target",
                           key);
  if (non_configurable && (found == VALUE_FALSE || configurable(&ti)))
    return invariant_error(vm,
                           "'defineProperty' on proxy: trap returned truish for defining "
                           "non-configurable property '%s' which is either non-existent or "
                           "configurable in the proxy target",
                           key);
  if (found == VALUE_TRUE && !ti.is_accessor && !configurable(&ti) && writable(&ti) &&
      d->has_writable && !d->writable)
    return invariant_error(vm,
                           "'defineProperty' on proxy: trap returned truish for defining "
                           "non-configurable property '%s' which cannot be non-writable, "
                           "unless there exists a corresponding non-configurable, "
                           "non-writable own property of the target object.",
                           key);
  return VALUE_TRUE;
}

static Value proxy_define_own_property(VM *vm, Object *o, Value key, const PropertyDescriptor *d) {
  Trap t;
  if (!trap_open(vm, o, "defineProperty", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_define_property(vm, t.target, key, d);
  vm_handle_push(vm, d->value), vm_handle_push(vm, d->getter), vm_handle_push(vm, d->setter);
  Value args[] = {t.target, key, vm_handle_push(vm, vm_from_property_descriptor(vm, d))};
  Value ok = trap_bool(vm, &t, 3, args);
  return ok == VALUE_TRUE ? check_defined(vm, &t, key, d) : ok;
}

/* ==== [[HasProperty]], [[Get]], [[Set]], [[Delete]] ==== */

static Value proxy_has(VM *vm, Object *o, Value key) {
  Trap t;
  if (!trap_open(vm, o, "has", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_has_property(vm, t.target, key);
  Value args[] = {t.target, key};
  Value r = trap_bool(vm, &t, 2, args);
  if (r != VALUE_FALSE) return r;
  PropertyInfo ti;
  Value found = target_property(vm, &t, key, &ti);
  if (found != VALUE_TRUE) return value_is_exception(found) ? found : r;
  if (!configurable(&ti))
    return invariant_error(vm,
                           "'has' on proxy: trap returned falsish for property '%s' which "
                           "exists in the proxy target as non-configurable",
                           key);
  Value ext = vm_object_is_extensible(vm, t.target);
  if (ext != VALUE_FALSE) return value_is_exception(ext) ? ext : r;
  return invariant_error(vm,
                         "'has' on proxy: trap returned falsish for property '%s' but the "
                         "proxy target is not extensible",
                         key);
}

/* A non-configurable target property pins what [[Get]] may answer. */
static Value check_got(VM *vm, Value key, const PropertyInfo *ti, Value v) {
  if (!ti->is_accessor && !writable(ti) && !vm_same_value(v, ti->value)) {
    char *k = reflect_describe(vm, key), *want = reflect_describe(vm, ti->value);
    char *got = reflect_describe(vm, v);
    vm_throw_error(vm, ERR_TYPE,
                   "'get' on proxy: property '%s' is a read-only and "
                   "non-configurable data property on the proxy target but the proxy did not "
                   "return its actual value (expected '%s' but got '%s')",
                   k, want, got);
    free(k), free(want), free(got);
    return VALUE_EXCEPTION;
  }
  if (ti->is_accessor && value_is_undefined(ti->getter) && !value_is_undefined(v)) {
    char *k = reflect_describe(vm, key), *got = reflect_describe(vm, v);
    vm_throw_error(vm, ERR_TYPE,
                   "'get' on proxy: property '%s' is a non-configurable accessor "
                   "property on the proxy target and does not have a getter function, but the "
                   "trap did not return 'undefined' (got '%s')",
                   k, got);
    free(k), free(got);
    return VALUE_EXCEPTION;
  }
  return v;
}

static Value proxy_get(VM *vm, Object *o, Value key, Value receiver) {
  Trap t;
  if (!trap_open(vm, o, "get", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return object_get(vm, value_to_object(t.target), key, receiver);
  Value args[] = {t.target, key, receiver};
  Value v = trap_call(vm, &t, 3, args);
  if (value_is_exception(v)) return v;
  PropertyInfo ti;
  Value found = target_property(vm, &t, key, &ti);
  if (found != VALUE_TRUE) return value_is_exception(found) ? found : v;
  return configurable(&ti) ? v : check_got(vm, key, &ti, v);
}

static Value proxy_set(VM *vm, Object *o, Value key, Value v, Value receiver) {
  Trap t;
  if (!trap_open(vm, o, "set", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return object_set(vm, value_to_object(t.target), key, v, receiver);
  Value args[] = {t.target, key, v, receiver};
  Value ok = trap_bool(vm, &t, 4, args);
  if (ok != VALUE_TRUE) return ok;
  PropertyInfo ti;
  Value found = target_property(vm, &t, key, &ti);
  if (found != VALUE_TRUE || configurable(&ti)) return value_is_exception(found) ? found : ok;
  if (!ti.is_accessor && !writable(&ti) && !vm_same_value(v, ti.value))
    return invariant_error(vm,
                           "'set' on proxy: trap returned truish for property '%s' which "
                           "exists in the proxy target as a non-configurable and "
                           "non-writable data property with a different value",
                           key);
  if (ti.is_accessor && value_is_undefined(ti.setter))
    return invariant_error(vm,
                           "'set' on proxy: trap returned truish for property '%s' which "
                           "exists in the proxy target as a non-configurable and "
                           "non-writable accessor property without a setter",
                           key);
  return ok;
}

static Value proxy_delete(VM *vm, Object *o, Value key) {
  Trap t;
  if (!trap_open(vm, o, "deleteProperty", &t)) return VALUE_EXCEPTION;
  if (value_is_undefined(t.fn)) return vm_delete_property(vm, t.target, key);
  Value args[] = {t.target, key};
  Value ok = trap_bool(vm, &t, 2, args);
  if (ok != VALUE_TRUE) return ok;
  PropertyInfo ti;
  Value found = target_property(vm, &t, key, &ti);
  if (found != VALUE_TRUE) return value_is_exception(found) ? found : ok;
  if (!configurable(&ti))
    return invariant_error(vm,
                           "'deleteProperty' on proxy: trap returned truish for property "
                           "'%s' which is non-configurable in the proxy target",
                           key);
  Value ext = vm_object_is_extensible(vm, t.target);
  if (ext != VALUE_FALSE) return value_is_exception(ext) ? ext : ok;
  return invariant_error(vm,
                         "'deleteProperty' on proxy: trap returned truish for property '%s' "
                         "but the proxy target is non-extensible",
                         key);
}

/* ==== [[OwnPropertyKeys]] ==== */

static int key_position(Array *list, Value key) {
  for (uint32_t i = 0; i < list->length; i++)
    if (list->elements[i] == key) return (int)i;
  return -1;
}

/* CreateListFromArrayLike(r, « String, Symbol »), keys interned; no duplicates. */
static Value trap_key_list(VM *vm, Value r) {
  if (!value_is_object(r))
    return vm_throw_error(vm, ERR_TYPE, "CreateListFromArrayLike called on non-object");
  Value len = vm_get(vm, r, value_from_string(vm->atom_length));
  len = value_is_exception(len) ? len : vm_to_number(vm, len);
  if (value_is_exception(len)) return len;
  double n = value_to_number(len);
  n = n != n || n < 0 ? 0 : n;
  Array *out = array_new(vm, 0);
  Value outv = vm_handle_push(vm, value_from_object(&out->base));
  for (double i = 0; i < n; i++) {
    Value key = vm_get(vm, r, value_from_number(i));
    if (value_is_exception(key)) return key;
    if (!value_is_string(key) && !value_is_symbol(key))
      return invariant_error(vm, "%s is not a valid property name", key);
    key = conv_to_property_key(vm, key);
    if (key_position(out, key) >= 0)
      return vm_throw_error(vm, ERR_TYPE, "'ownKeys' on proxy: trap returned duplicate entries");
    array_push(vm, out, key);
  }
  return outv;
}

/* Take key off the unchecked list, or complain that the trap left it out. */
static bool check_key(VM *vm, Array *unchecked, Value key) {
  int at = key_position(unchecked, key);
  if (at < 0) {
    invariant_error(vm, "'ownKeys' on proxy: trap result did not include '%s'", key);
    return false;
  }
  unchecked->elements[at] = VALUE_HOLE;
  return true;
}

/* Which of the target's own keys are non-configurable (*pinned) and which not (*loose). */
static Value sort_target_keys(VM *vm, Trap *t, Value own, Array **pinned, Array **loose) {
  *pinned = (Array *)value_to_object(vm_handle_push(vm, vm_array_new(vm)));
  *loose = (Array *)value_to_object(vm_handle_push(vm, vm_array_new(vm)));
  for (uint32_t i = 0; i < vm_array_length(own); i++) {
    Value key = vm_array_get_raw(own, i);
    PropertyInfo ti;
    Value found = target_property(vm, t, key, &ti);
    if (value_is_exception(found)) return found;
    array_push(vm, found == VALUE_TRUE && !configurable(&ti) ? *pinned : *loose, key);
  }
  return VALUE_TRUE;
}

/* The trap's keys must list every non-configurable key of the target, and, if the
 * target is not extensible, exactly its keys. */
static Value check_keys(VM *vm, Trap *t, Value keys) {
  Value ext = vm_object_is_extensible(vm, t->target);
  if (value_is_exception(ext)) return ext;
  Value own =
      vm_own_property_keys(vm, t->target, VM_KEYS_STRINGS | VM_KEYS_SYMBOLS | VM_KEYS_HIDDEN);
  if (value_is_exception(own)) return own;
  vm_handle_push(vm, own);
  Array *pinned, *loose;
  if (value_is_exception(sort_target_keys(vm, t, own, &pinned, &loose))) return VALUE_EXCEPTION;
  if (ext == VALUE_TRUE && pinned->length == 0) return keys;
  Array *unchecked = (Array *)value_to_object(vm_handle_push(vm, vm_array_new(vm)));
  for (uint32_t i = 0; i < vm_array_length(keys); i++)
    array_push(vm, unchecked, vm_array_get_raw(keys, i));
  for (uint32_t i = 0; i < pinned->length; i++)
    if (!check_key(vm, unchecked, pinned->elements[i])) return VALUE_EXCEPTION;
  if (ext == VALUE_TRUE) return keys;
  for (uint32_t i = 0; i < loose->length; i++)
    if (!check_key(vm, unchecked, loose->elements[i])) return VALUE_EXCEPTION;
  for (uint32_t i = 0; i < unchecked->length; i++)
    if (unchecked->elements[i] != VALUE_HOLE)
      return vm_throw_error(vm, ERR_TYPE,
                            "'ownKeys' on proxy: trap returned extra keys but proxy "
                            "target is non-extensible");
  return keys;
}

static Value proxy_own_keys(VM *vm, Object *o) {
  Trap t;
  if (!trap_open(vm, o, "ownKeys", &t)) return VALUE_EXCEPTION;
  int all = VM_KEYS_STRINGS | VM_KEYS_SYMBOLS | VM_KEYS_HIDDEN;
  if (value_is_undefined(t.fn)) return vm_own_property_keys(vm, t.target, all);
  Value r = trap_call(vm, &t, 1, &t.target);
  Value keys = value_is_exception(r) ? r : trap_key_list(vm, r);
  return value_is_exception(keys) ? keys : check_keys(vm, &t, keys);
}

/* ==== [[Call]] and [[Construct]] ==== */

/* The arguments as an array, for the trap. */
static Value argument_array(VM *vm, int argc, const Value *argv) {
  Array *a = array_new(vm, (uint32_t)argc);
  for (int i = 0; i < argc; i++) a->elements[i] = argv[i];
  a->length = (uint32_t)argc;
  return value_from_object(&a->base);
}

Value proxy_call(VM *vm, Object *o, Value this_value, int argc, const Value *argv, Value *target) {
  int mark = vm_handle_mark(vm);
  Trap t;
  Value r = VALUE_HOLE;
  if (!trap_open(vm, o, "apply", &t))
    r = VALUE_EXCEPTION;
  else if (value_is_undefined(t.fn))
    *target = t.target;
  else {
    Value args[] = {t.target, this_value, vm_handle_push(vm, argument_array(vm, argc, argv))};
    r = vm_call(vm, t.fn, t.handler, 3, args);
  }
  vm_handle_reset(vm, mark);
  return r;
}

Value proxy_construct(VM *vm, Object *o, int argc, const Value *argv, Value new_target,
                      Value *target) {
  int mark = vm_handle_mark(vm);
  Trap t;
  Value r = VALUE_HOLE;
  if (!trap_open(vm, o, "construct", &t))
    r = VALUE_EXCEPTION;
  else if (value_is_undefined(t.fn))
    *target = t.target;
  else {
    Value args[] = {t.target, vm_handle_push(vm, argument_array(vm, argc, argv)), new_target};
    r = vm_call(vm, t.fn, t.handler, 3, args);
    if (!value_is_exception(r) && !value_is_object(r)) {
      char *text = reflect_describe(vm, r);
      r = vm_throw_error(vm, ERR_TYPE, "'construct' on proxy: trap returned non-object ('%s')",
                         text);
      free(text);
    }
  }
  vm_handle_reset(vm, mark);
  return r;
}

//> vm.proxy-methods
const ExoticMethods proxy_methods = {
    .get_prototype_of = proxy_get_prototype_of,
    .set_prototype_of = proxy_set_prototype_of,
    .is_extensible = proxy_is_extensible,
    .prevent_extensions = proxy_prevent_extensions,
    .get_own_property = proxy_get_own_property,
    .define_own_property = proxy_define_own_property,
    .has_property = proxy_has,
    .get = proxy_get,
    .set = proxy_set,
    .delete_property = proxy_delete,
    .own_keys = proxy_own_keys,
};
//< vm.proxy-methods

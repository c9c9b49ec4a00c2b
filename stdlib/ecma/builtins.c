/* builtins.c - installing the ECMAScript built-ins, and the helpers their natives share.
 * Book: chapter 7, "The standard library".
 *
 *   builtins_install_all   every built-in constructor and prototype method, in order
 *   builtins_iterate       the iteration protocol, driven from C
 *   builtins_describe      V8's short rendering of a value inside error messages
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

//> stdlib.install-all
void builtins_install_all(VM *vm) {
  builtins_install_object(vm); /* first: the others' prototypes inherit from it */
  builtins_install_function(vm); /* call/apply/bind, before anyone needs them */
  builtins_install_error(vm);
  builtins_install_symbol(vm);
  builtins_install_array(vm);
  builtins_install_string(vm);
  builtins_install_number(vm);
  builtins_install_json(vm);
  builtins_install_date(vm);
  builtins_install_regexp(vm);
  builtins_install_map(vm);
  builtins_install_generator(vm);
  builtins_install_promise(vm);
  builtins_install_uri(vm);
  builtins_install_array_buffer(vm);
  builtins_install_data_view(vm);
  builtins_install_typed_array(vm);
  builtins_install_reflect(vm);
  builtins_install_proxy(vm);
  builtins_install_weak_ref(vm);
}
//< stdlib.install-all

/* ==== Conversions ==== */

bool builtins_to_integer(VM *vm, Value v, double *out) {
  Value n = value_is_number(v) ? v : vm_to_number(vm, v);
  if (value_is_exception(n)) return false;
  double d = value_to_number(n);
  *out = isnan(d) ? 0 : isinf(d) ? d : trunc(d) + 0.0; /* + 0.0 turns -0 into +0 */
  return true;
}

bool builtins_length_of(VM *vm, Value obj, double *out) {
  if (vm_is_array(obj)) {
    *out = vm_array_length(obj);
    return true;
  }
  Value len = vm_get_str(vm, obj, "length");
  if (value_is_exception(len)) return false;
  double d;
  if (!builtins_to_integer(vm, len, &d)) return false;
  *out = d <= 0 ? 0 : d > 9007199254740991.0 ? 9007199254740991.0 : d;
  return true;
}

bool builtins_to_index(VM *vm, Value v, const char *message, double *out) {
  double d = 0;
  if (!value_is_undefined(v) && !builtins_to_integer(vm, v, &d)) return false;
  if (d < 0 || d > 9007199254740991.0) {
    vm_throw_error(vm, ERR_RANGE, "%s", message);
    return false;
  }
  *out = d;
  return true;
}

bool builtins_prototype_from(VM *vm, Value new_target, int slot, Value *out) {
  Value proto = value_is_object(new_target) ? vm_get_str(vm, new_target, "prototype")
                                            : VALUE_UNDEFINED;
  if (value_is_exception(proto)) return false;
  *out = value_is_object(proto) ? proto : vm_intrinsic(vm, slot);
  return true;
}

Value builtins_species_constructor(VM *vm, Value obj, Value fallback) {
  vm_handle_push(vm, fallback);
  Value c = vm_get_str(vm, obj, "constructor");
  if (value_is_exception(c) || value_is_undefined(c)) return value_is_exception(c) ? c : fallback;
  if (!value_is_object(c))
    return vm_throw_error(vm, ERR_TYPE, "The .constructor property is not an object");
  vm_handle_push(vm, c);
  Value s = vm_get(vm, c, vm_well_known_symbol(vm, VM_SYMBOL_SPECIES));
  if (value_is_exception(s) || value_is_nullish(s)) return value_is_exception(s) ? s : fallback;
  if (vm_is_constructor(s)) return s;
  return vm_throw_error(vm, ERR_TYPE, "object.constructor[Symbol.species] is not a constructor");
}

Value builtins_species_get(VM *vm, Value this_value, int argc, Value *argv) { return this_value; }

double builtins_clamp_index(double relative, double length) {
  if (relative < 0) return relative + length < 0 ? 0 : relative + length;
  return relative > length ? length : relative;
}

Value builtins_this_object(VM *vm, Value this_value) { return vm_to_object(vm, this_value); }

char *builtins_to_cstring(VM *vm, Value v) {
  Value s = vm_to_string(vm, v);
  return value_is_exception(s) ? NULL : vm_to_utf8(vm, s, NULL);
}

/* ==== Properties by index ==== */

Value builtins_index_key(VM *vm, double index) {
  char buf[32];
  return vm_atom(vm, vm_number_to_cstr(index, buf));
}

Value builtins_get_index(VM *vm, Value obj, double index) {
  if (vm_is_array(obj) && index < 4294967295.0) {
    Value v = vm_array_get_raw(obj, (uint32_t)index);
    if (!value_is_hole(v)) return v;
  }
  return vm_get(vm, obj, value_from_number(index));
}

Value builtins_has_property(VM *vm, Value obj, Value key) {
  return value_is_object(obj) ? vm_has_property(vm, obj, key) : VALUE_FALSE;
}

Value builtins_has_index(VM *vm, Value obj, double index) {
  if (vm_is_array(obj) && index < 4294967295.0 &&
      !value_is_hole(vm_array_get_raw(obj, (uint32_t)index)))
    return VALUE_TRUE;
  int mark = vm_handle_mark(vm);
  Value key = vm_handle_push(vm, builtins_index_key(vm, index));
  Value has = builtins_has_property(vm, obj, key);
  vm_handle_reset(vm, mark);
  return has;
}

Value builtins_set_index(VM *vm, Value obj, double index, Value v) {
  if (vm_is_array(obj) && index < 4294967295.0 &&
      !value_is_hole(vm_array_get_raw(obj, (uint32_t)index)) &&
      vm_array_set(vm, obj, (uint32_t)index, v))
    return VALUE_TRUE;
  if (value_is_object(obj)) { /* the two failures V8 words its own way */
    int mark = vm_handle_mark(vm);
    PropertyInfo info;
    Value key = vm_handle_push(vm, builtins_index_key(vm, index));
    bool exists = vm_get_own_property(vm, obj, key, &info);
    vm_handle_reset(vm, mark);
    char buf[32];
    if (!exists && !vm_is_extensible(obj))
      return vm_throw_error(vm, ERR_TYPE, "Cannot add property %s, object is not extensible",
                            vm_number_to_cstr(index, buf));
    if (exists && !info.is_accessor && !(info.attrs & VM_ATTR_WRITABLE)) {
      char *what = builtins_describe(vm, obj);
      Value r =
          vm_throw_error(vm, ERR_TYPE, "Cannot assign to read only property '%s' of object '%s'",
                         vm_number_to_cstr(index, buf), what);
      free(what);
      return r;
    }
  }
  Value r = vm_set(vm, obj, value_from_number(index), v);
  return value_is_exception(r) ? r : VALUE_TRUE;
}

Value builtins_try_create_data(VM *vm, Value obj, Value key, Value v) {
  PropertyDescriptor d = {.value = v,
                          .getter = VALUE_UNDEFINED,
                          .setter = VALUE_UNDEFINED,
                          .has_value = true,
                          .has_writable = true,
                          .has_enumerable = true,
                          .has_configurable = true,
                          .writable = true,
                          .enumerable = true,
                          .configurable = true};
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, v);
  Value ok = vm_define_property(vm, obj, key, &d);
  vm_handle_reset(vm, mark);
  return ok;
}

Value builtins_create_data(VM *vm, Value obj, Value key, Value v) {
  Value ok = builtins_try_create_data(vm, obj, key, v);
  if (ok != VALUE_FALSE) return ok;
  char *k = builtins_to_cstring(vm, key);
  Value r = vm_throw_error(vm, ERR_TYPE, "Cannot define property %s, object is not extensible",
                           k ? k : "?");
  free(k);
  return r;
}

Value builtins_create_data_at(VM *vm, Value obj, double index, Value v) {
  if (vm_is_array(obj) && vm_is_extensible(obj)) { /* a plain array: the common case */
    uint32_t length = vm_array_length(obj);
    if (index == length && vm_array_push(vm, obj, v)) return VALUE_TRUE;
    if (index < length && index == (uint32_t)index && vm_array_set(vm, obj, (uint32_t)index, v))
      return VALUE_TRUE;
  }
  if (vm_has_exception(vm)) return VALUE_EXCEPTION;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, v);
  Value r = builtins_create_data(vm, obj, vm_handle_push(vm, builtins_index_key(vm, index)), v);
  vm_handle_reset(vm, mark);
  return r;
}

Value builtins_delete_index(VM *vm, Value obj, double index) {
  Value ok = vm_delete_property(vm, obj, value_from_number(index));
  if (ok != VALUE_FALSE) return ok;
  char buf[32], *what = builtins_describe(vm, obj);
  Value r = vm_throw_error(vm, ERR_TYPE, "Cannot delete property '%s' of %s",
                           vm_number_to_cstr(index, buf), what);
  free(what);
  return r;
}

/* ==== Errors in V8's words ==== */

char *builtins_constructor_name(VM *vm, Value obj) {
  PropertyInfo info;
  for (Value o = obj; value_is_object(o); o = vm_prototype_of(o)) {
    if (!vm_get_own_property(vm, o, vm_atom(vm, "constructor"), &info)) continue;
    if (info.is_accessor || !value_is_object(info.value)) return NULL;
    Value name = vm_function_name(vm, info.value);
    return vm_string_length(name) ? vm_to_utf8(vm, name, NULL) : NULL;
  }
  return NULL;
}

/* Whether obj's toString, found without running code, is Object.prototype.toString (or
 * obj is an error): V8 names such an object by its constructor, #<Foo>, and any other
 * by its class, [object String]. */
static bool has_object_to_string(VM *vm, Value obj) {
  if (vm_is_error(obj)) return true;
  Value key = vm_atom(vm, "toString");
  PropertyInfo info, own;
  for (Value o = obj; value_is_object(o); o = vm_prototype_of(o)) {
    if (!vm_get_own_property(vm, o, key, &info)) continue;
    Value proto = vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE);
    return info.is_accessor || (vm_get_own_property(vm, proto, key, &own) && !own.is_accessor &&
                                own.value == info.value);
  }
  return true;
}

//> stdlib.describe
char *builtins_describe(VM *vm, Value v) {
  char buf[64];
  if (value_is_string(v)) return vm_to_utf8(vm, v, NULL);
  if (value_is_number(v)) return mem_strdup(vm_number_to_cstr(value_to_number(v), buf));
  if (value_is_symbol(v)) {
    Value d = vm_symbol_description(v);
    char *text = value_is_string(d) ? vm_to_utf8(vm, d, NULL) : mem_strdup("");
    char *out = mem_alloc(strlen(text) + 9);
    sprintf(out, "Symbol(%s)", text);
    free(text);
    return out;
  }
  if (!value_is_object(v))
    return mem_strdup(v == VALUE_NULL    ? "null"
                  : v == VALUE_TRUE  ? "true"
                  : v == VALUE_FALSE ? "false"
                                     : "undefined");
  if (vm_is_array(v)) return mem_strdup("[object Array]");
  if (value_is_null(vm_prototype_of(v)) || !has_object_to_string(vm, v)) {
    const char *tag = value_is_null(vm_prototype_of(v)) ? "Object" : vm_class_name(vm, v);
    char *out = mem_alloc(strlen(tag) + 10);
    sprintf(out, "[object %s]", tag);
    return out;
  }
  char *name = builtins_constructor_name(vm, v);
  char *out = mem_alloc((name ? strlen(name) : 6) + 4);
  sprintf(out, "#<%s>", name ? name : "Object");
  free(name);
  return out;
}
//< stdlib.describe

Value builtins_throw_incompatible(VM *vm, Value receiver, const char *prefix, const char *owner,
                                  const char *method) {
  char *text = builtins_describe(vm, receiver);
  vm_throw_error(vm, ERR_TYPE, "Method %s%s.prototype.%s called on incompatible receiver %s",
                 prefix, owner, method, text);
  free(text);
  return VALUE_EXCEPTION;
}

Value builtins_throw_not_function(VM *vm, Value v) {
  char *text = builtins_describe(vm, v);
  Value r = vm_throw_error(vm, ERR_TYPE, "%s is not a function", text);
  free(text);
  return r;
}

Value builtins_throw_this(VM *vm, const char *what, const char *type) {
  return vm_throw_error(vm, ERR_TYPE, "%s requires that 'this' be a %s", what, type);
}

/* ==== Iteration ==== */

static Value throw_not_iterable(VM *vm, Value v) {
  if (value_is_nullish(v))
    return vm_throw_error(vm, ERR_TYPE, "%s is not iterable",
                          v == VALUE_NULL ? "null" : "undefined");
  const char *suffix = "is not iterable (cannot read property Symbol(Symbol.iterator))";
  if (value_is_object(v))
    return vm_throw_error(vm, ERR_TYPE, "%s %s", vm_is_callable(v) ? "function" : "object", suffix);
  char *text = builtins_describe(vm, v), *type = vm_to_utf8(vm, vm_typeof(vm, v), NULL);
  Value r = vm_throw_error(vm, ERR_TYPE, "%s %s %s", type, text, suffix);
  free(text), free(type);
  return r;
}

/* V8's TypeError for an iterator result (or return() result) that is not an object. */
static Value result_not_object(VM *vm, Value r) {
  char *text = builtins_describe(vm, r);
  Value e = vm_throw_error(vm, ERR_TYPE, "Iterator result %s is not an object", text);
  free(text);
  return e;
}

/* IteratorClose after fn failed or stopped: call iterator.return(). With an exception
 * pending, the close's own result or exception is dropped and the first one rethrown. */
static Value iterator_close(VM *vm, Value iter, bool throwing) {
  Value pending = throwing ? vm_handle_push(vm, vm_take_exception(vm)) : VALUE_UNDEFINED;
  Value ret = vm_get_str(vm, iter, "return");
  Value r = VALUE_UNDEFINED;
  if (!value_is_exception(ret) && !value_is_nullish(ret))
    r = vm_call(vm, ret, iter, 0, NULL);
  else
    r = ret;
  if (throwing) {
    if (vm_has_exception(vm)) vm_take_exception(vm);
    return vm_throw(vm, pending);
  }
  if (value_is_exception(r)) return r;
  if (!value_is_object(r) && !value_is_nullish(ret)) return result_not_object(vm, r);
  return VALUE_UNDEFINED;
}

/* One IteratorStep + IteratorValue: the next value, VALUE_HOLE when done, or exception. */
static Value iterator_step(VM *vm, Value iter, Value next) {
  Value result = vm_call(vm, next, iter, 0, NULL);
  if (value_is_exception(result)) return result;
  if (!value_is_object(result)) return result_not_object(vm, result);
  vm_handle_push(vm, result);
  Value done = vm_get_str(vm, result, "done");
  if (value_is_exception(done)) return done;
  if (vm_truthy(done)) return VALUE_HOLE;
  return vm_get_str(vm, result, "value");
}

//> stdlib.iterate
Value builtins_iterate(VM *vm, Value iterable, BuiltinsEachFn fn, void *ctx) {
  int mark = vm_handle_mark(vm);
  Value method = value_is_nullish(iterable)
                     ? VALUE_UNDEFINED
                     : vm_get(vm, iterable, vm_well_known_symbol(vm, VM_SYMBOL_ITERATOR));
  if (value_is_exception(method)) return vm_handle_reset(vm, mark), method;
  if (!vm_is_callable(method)) return vm_handle_reset(vm, mark), throw_not_iterable(vm, iterable);
  Value iter = vm_handle_push(vm, vm_call(vm, method, iterable, 0, NULL));
  if (value_is_exception(iter)) return vm_handle_reset(vm, mark), iter;
  if (!value_is_object(iter)) {
    vm_handle_reset(vm, mark);
    return vm_throw_error(vm, ERR_TYPE, "Result of the Symbol.iterator method is not an object");
  }
  Value next = vm_handle_push(vm, vm_get_str(vm, iter, "next"));
  Value r = next;
  int loop_mark = vm_handle_mark(vm);
  while (!value_is_exception(r)) {
    Value item = vm_handle_push(vm, iterator_step(vm, iter, next));
    if (value_is_exception(item) || value_is_hole(item)) {
      r = value_is_hole(item) ? VALUE_UNDEFINED : item;
      break;
    }
    r = fn(vm, item, ctx);
    vm_handle_reset(vm, loop_mark);
    if (value_is_exception(r) || value_is_hole(r)) {
      r = iterator_close(vm, iter, value_is_exception(r));
      break;
    }
  }
  vm_handle_reset(vm, mark);
  return r;
}
//< stdlib.iterate


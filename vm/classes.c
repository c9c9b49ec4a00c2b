/* classes.c - JavaScript classes at run time: what the class opcodes do.
 * Book: chapter 5, "The VM loop" (classes).
 *
 * Not the engine's table of object classes (class.c): this is `class A extends B {...}`.
 * The compiler (compile_class.c) turns a class into CLASS_CREATE, DEFINE_METHOD,
 * ADD_FIELD and STATIC_INIT; constructors run INIT_FIELDS; super goes through
 * SUPER_CTOR, SUPER_CALL, GET_SUPER and SET_SUPER. A constructor keeps its instance
 * elements (the spec's [[Fields]] and [[PrivateMethods]]) in Closure.fields, an Array
 * of (kind, key, function) triples, and its prototype in Closure.home_object.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "parser/ast.h"
#include "vm/internal.h"

/* ==== Messages ==== */

/* How V8 shows a value in "Class extends value X ...": primitives as strings, plain
 * objects as #<Ctor>, objects without a prototype as [object Object]. */
static char *value_text(VM *vm, Value v) {
  char buf[256];
  if (value_is_symbol(v)) return mem_strdup("Symbol()");
  if (value_is_object(v) && !vm_is_callable(v)) {
    Object *o = value_to_object(v);
    String *name = o->proto ? error_constructor_name(vm, o) : NULL;
    if (o->proto) snprintf(buf, sizeof buf, "#<%s>", name ? (const char *)name->data : "Object");
    else snprintf(buf, sizeof buf, "[object Object]");
    return mem_strdup(buf);
  }
  Value s = vm_to_string(vm, v);
  if (value_is_exception(s)) {
    vm_take_exception(vm);
    return mem_strdup("?");
  }
  return vm_to_utf8(vm, s, NULL);
}

static Value throw_with_value(VM *vm, ErrorKind kind, const char *fmt, Value v) {
  char *text = value_text(vm, v);
  Value r = vm_throw_error(vm, kind, fmt, text);
  free(text);
  return r;
}

Value class_this_error(VM *vm) {
  return vm_throw_error(vm, ERR_REFERENCE,
                        "Must call super constructor in derived class before accessing "
                        "'this' or returning from derived constructor");
}

Value class_call_error(VM *vm, Closure *ctor) {
  String *name = ctor->proto->name;
  if (!name->length)
    return vm_throw_error(vm, ERR_TYPE, "Class constructors cannot be invoked without 'new'");
  char *text = string_to_utf8(name, NULL);
  Value r = vm_throw_error(vm, ERR_TYPE, "Class constructor %s cannot be invoked without 'new'",
                           text);
  free(text);
  return r;
}

/* V8 names a function that is not a constructor by its name, "null" when it has none. */
static String *function_name(Value fn) {
  if (!value_is_object(fn) || value_to_object(fn)->klass != CLASS_CLOSURE) return NULL;
  String *name = ((Closure *)value_to_object(fn))->proto->name;
  return name->length ? name : NULL;
}

Value class_super_call_error(VM *vm, Value parent, Value new_target) {
  String *of = function_name(new_target);
  char *of_text = of ? string_to_utf8(of, NULL) : mem_strdup("anonymous class");
  char *parent_text;
  if (vm_is_callable(parent)) {
    Value name = vm_get_str(vm, parent, "name");
    bool named = !value_is_exception(name) && value_is_string(name) &&
                 value_to_string(name)->length;
    if (value_is_exception(name)) vm_take_exception(vm);
    parent_text = named ? vm_to_utf8(vm, name, NULL) : mem_strdup("null");
  } else {
    parent_text = value_is_null(parent) ? mem_strdup("null") : value_text(vm, parent);
  }
  Value r = vm_throw_error(vm, ERR_TYPE, "Super constructor %s of %s is not a constructor",
                           parent_text, of_text);
  free(parent_text);
  free(of_text);
  return r;
}

/* A class element that would replace a non-configurable property: a static member
 * named by a computed key 'prototype' gets V8's own words. */
static Value redefine_error(VM *vm, Value obj, Value key) {
  if (key == value_from_string(vm->atom_prototype) && vm_is_callable(obj))
    return vm_throw_error(vm, ERR_TYPE, "Classes may not have a static property named 'prototype'");
  return throw_with_value(vm, ERR_TYPE, "Cannot redefine property: %s", key);
}

/* ==== Creating the class ==== */

/* The prototype chains of `class F extends parent`: F.__proto__ is parent and
 * F.prototype.__proto__ is parent.prototype (null for `extends null`). */
static Value heritage(VM *vm, Value parent, Object **proto_parent, Object **ctor_parent) {
  if (value_is_null(parent)) {
    *proto_parent = NULL;
    return VALUE_UNDEFINED;
  }
  if (!interp_is_constructor(parent))
    return throw_with_value(vm, ERR_TYPE, "Class extends value %s is not a constructor or null",
                            parent);
  Value pp = object_get(vm, value_to_object(parent), value_from_string(vm->atom_prototype), parent);
  if (value_is_exception(pp)) return pp;
  if (!value_is_object(pp) && !value_is_null(pp))
    return throw_with_value(vm, ERR_TYPE,
                            "Class extends value does not have valid prototype property %s", pp);
  *proto_parent = value_is_null(pp) ? NULL : value_to_object(pp);
  *ctor_parent = value_to_object(parent);
  return VALUE_UNDEFINED;
}

Value class_create(VM *vm, Value parent, Value ctor, bool extends, Value *proto_out) {
  Object *proto_parent = vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE];
  Object *ctor_parent = vm->intrinsics[INTRINSIC_FUNCTION_PROTOTYPE];
  if (extends && value_is_exception(heritage(vm, parent, &proto_parent, &ctor_parent)))
    return VALUE_EXCEPTION;
  Closure *f = (Closure *)value_to_object(ctor);
  Object *proto = object_new(vm, proto_parent);
  Value pv = vm_handle_push(vm, value_from_object(proto));
  f->base.proto = ctor_parent;
  object_define_own(vm, &f->base, value_from_string(vm->atom_prototype), pv, 0);
  object_define_own(vm, proto, value_from_string(vm->atom_constructor), ctor, ATTR_HIDDEN);
  f->home_object = pv;
  *proto_out = pv;
  return ctor;
}

/* SetFunctionName(fn, key, prefix): "[description]" for a symbol key. */
Value class_name_function(VM *vm, Value fn, Value key, const char *prefix) {
  int mark = vm_handle_mark(vm); /* callable from an instruction: its handles are its own */
  Value name;
  if (value_is_symbol(key)) {
    Symbol *s = value_to_symbol(key);
    if (!s->description) name = vm_string(vm, "");
    else {
      Value open = vm_handle_push(vm, vm_string(vm, "["));
      Value with = vm_handle_push(vm, vm_string_concat(vm, open, value_from_string(s->description)));
      name = vm_string_concat(vm, with, vm_handle_push(vm, vm_string(vm, "]")));
    }
  } else {
    name = key;
  }
  if (prefix) name = vm_string_concat(vm, vm_handle_push(vm, vm_string(vm, prefix)),
                                      vm_handle_push(vm, name));
  object_define_own(vm, value_to_object(fn), value_from_string(vm->atom_name), name,
                    ATTR_CONFIGURABLE);
  vm_handle_reset(vm, mark);
  return fn;
}

/* A getter or setter: one Accessor per key holds both halves. */
static void define_accessor(VM *vm, Object *o, Value key, Value fn, bool getter, uint8_t attrs) {
  uint8_t old;
  int slot = object_find_slot(o, key, &old);
  Accessor *acc;
  if (slot >= 0 && (old & ATTR_ACCESSOR)) {
    acc = (Accessor *)value_to_ptr(o->slots[slot]);
  } else {
    acc = accessor_new(vm, VALUE_UNDEFINED, VALUE_UNDEFINED);
    vm_handle_push(vm, value_from_thing(acc));
    object_define_own(vm, o, key, value_from_thing(acc), attrs | ATTR_ACCESSOR);
  }
  if (getter) acc->getter = fn;
  else acc->setter = fn;
}

Value class_define_method(VM *vm, Value obj, Value key, Value fn, int flags) {
  Object *o = value_to_object(obj);
  uint8_t old;
  bool pairs = (flags & CLASS_METHOD_PRIVATE) && (flags & (CLASS_METHOD_GET | CLASS_METHOD_SET));
  if (object_find_slot(o, key, &old) >= 0 && !(old & ATTR_CONFIGURABLE) &&
      !(pairs && (old & ATTR_ACCESSOR))) /* static prototype(); a static #x's other half */
    return redefine_error(vm, obj, key);
  ((Closure *)value_to_object(fn))->home_object = obj;
  uint8_t attrs = ATTR_CONFIGURABLE | (flags & CLASS_METHOD_ENUMERABLE ? ATTR_ENUMERABLE : 0);
  if (flags & CLASS_METHOD_PRIVATE) attrs = 0; /* #m is read-only; #x accessors stay */
  int kind = flags & (CLASS_METHOD_GET | CLASS_METHOD_SET);
  if (flags & CLASS_METHOD_NAME)
    class_name_function(vm, fn, key, kind == CLASS_METHOD_GET ? "get " : kind ? "set " : NULL);
  if (kind) define_accessor(vm, o, key, fn, kind == CLASS_METHOD_GET, attrs);
  else object_define_own(vm, o, key, fn, attrs | (flags & CLASS_METHOD_PRIVATE ? 0 : ATTR_WRITABLE));
  return obj;
}

/* ==== Fields ==== */

/* Appends (kind, key, fn) to the constructor's instance elements; fn's home object is
 * the prototype, as a method's would be. */
Value class_add_field(VM *vm, Value ctor, Value key, Value fn, int kind) {
  Closure *f = (Closure *)value_to_object(ctor);
  if (value_is_object(fn)) ((Closure *)value_to_object(fn))->home_object = f->home_object;
  if (value_is_undefined(f->fields)) f->fields = value_from_object(&array_new(vm, 6)->base);
  Array *list = (Array *)value_to_object(f->fields);
  array_push(vm, list, value_from_number(kind));
  array_push(vm, list, key);
  array_push(vm, list, fn);
  return ctor;
}

static bool is_private(Value key) {
  return value_is_symbol(key) && value_to_symbol(key)->is_private;
}

/* PrivateFieldAdd / PrivateMethodOrAccessorAdd: an object gets each name once. */
static Value private_add(VM *vm, Object *o, Value key, Value v, uint8_t attrs) {
  uint8_t old;
  if (object_find_slot(o, key, &old) >= 0) {
    char *name = string_to_utf8(value_to_symbol(key)->description, NULL);
    Value r = vm_throw_error(vm, ERR_TYPE, "Cannot initialize %s twice on the same object", name);
    free(name);
    return r;
  }
  object_define_own(vm, o, key, v, attrs);
  return VALUE_UNDEFINED;
}

/* One field: the initializer runs with `this` the object, then the property is defined
 * (CreateDataPropertyOrThrow; a private name: PrivateFieldAdd). */
static Value init_field(VM *vm, Value obj, Value key, Value fn) {
  Value v = VALUE_UNDEFINED;
  if (value_is_object(fn)) {
    v = vm_call(vm, fn, obj, 0, NULL);
    if (value_is_exception(v)) return v;
  }
  vm_handle_push(vm, v);
  if (value_is_object(fn) && (((Closure *)value_to_object(fn))->proto->flags & FN_NAMES_VALUE))
    class_name_function(vm, v, key, NULL); /* [key] = function () {} */
  Object *o = value_to_object(obj);
  if (is_private(key)) return private_add(vm, o, key, v, ATTR_WRITABLE);
  uint8_t attrs;
  if (object_find_slot(o, key, &attrs) >= 0 && !(attrs & ATTR_CONFIGURABLE))
    return redefine_error(vm, obj, key);
  if (!o->extensible && object_find_slot(o, key, &attrs) < 0)
    return throw_with_value(vm, ERR_TYPE, "Cannot define property %s, object is not extensible",
                            key);
  if (exotic_of(vm, o)) { /* a proxy made by a base constructor: through its traps */
    PropertyDescriptor d = {
        v,   VALUE_UNDEFINED, VALUE_UNDEFINED, true, false, false, true, true, true, true, true,
        true};
    Value ok = vm_define_property(vm, obj, key, &d);
    return ok == VALUE_FALSE        ? redefine_error(vm, obj, key)
           : value_is_exception(ok) ? ok
                                    : VALUE_UNDEFINED;
  }
  object_define_own(vm, o, key, v, ATTR_DEFAULT);
  return VALUE_UNDEFINED;
}

/* A private method or accessor of the instance: the same function on every instance,
 * read-only; a getter and a setter of one name share one accessor. */
static Value init_private_method(VM *vm, Object *o, int kind, Value key, Value fn) {
  if (kind == CLASS_PRIVATE_METHOD) return private_add(vm, o, key, fn, 0);
  uint8_t attrs;
  int slot = object_find_slot(o, key, &attrs);
  if (slot >= 0 && (attrs & ATTR_ACCESSOR)) {
    Accessor *acc = (Accessor *)value_to_ptr(o->slots[slot]);
    if (value_is_undefined(kind == CLASS_PRIVATE_GETTER ? acc->getter : acc->setter)) {
      if (kind == CLASS_PRIVATE_GETTER) acc->getter = fn;
      else acc->setter = fn;
      return VALUE_UNDEFINED;
    }
  }
  Accessor *acc = accessor_new(vm, VALUE_UNDEFINED, VALUE_UNDEFINED);
  vm_handle_push(vm, value_from_thing(acc));
  if (kind == CLASS_PRIVATE_GETTER) acc->getter = fn;
  else acc->setter = fn;
  return private_add(vm, o, key, value_from_thing(acc), ATTR_ACCESSOR);
}

Value class_init_fields(VM *vm, Value obj, Value ctor) {
  Closure *f = (Closure *)value_to_object(ctor);
  if (value_is_undefined(f->fields)) return obj;
  Array *list = (Array *)value_to_object(f->fields);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(&list->base));
  for (int pass = 0; pass < 2; pass++) /* the private methods, then the fields */
    for (uint32_t i = 0; i + 2 < list->length; i += 3, vm_handle_reset(vm, mark + 1)) {
      int kind = (int)value_to_number(list->elements[i]);
      Value key = list->elements[i + 1], fn = list->elements[i + 2], r = VALUE_UNDEFINED;
      if (pass == 0 && kind != CLASS_FIELD)
        r = init_private_method(vm, value_to_object(obj), kind, key, fn);
      else if (pass == 1 && kind == CLASS_FIELD)
        r = init_field(vm, obj, key, fn);
      if (value_is_exception(r)) return r;
    }
  return obj;
}

/* A static field (key a property key) or a static block (key VALUE_HOLE), with `this`
 * the class and the class as home object. */
Value class_static_init(VM *vm, Value ctor, Value key, Value fn) {
  if (value_is_object(fn)) ((Closure *)value_to_object(fn))->home_object = ctor;
  if (key != VALUE_HOLE) {
    Value r = init_field(vm, ctor, key, fn);
    return value_is_exception(r) ? r : ctor;
  }
  Value r = vm_call(vm, fn, ctor, 0, NULL);
  return value_is_exception(r) ? r : ctor;
}

/* ==== super ==== */

/* GetSuperConstructor: the running constructor's own prototype. */
Value class_super_ctor(VM *vm, Value fn) {
  (void)vm;
  Object *p = value_to_object(fn)->proto;
  return p ? value_from_object(p) : VALUE_NULL;
}

/* The object super.x reads from: the home object's prototype. */
static Value super_base(VM *vm, Value home, Value key, bool set) {
  Value h = ((Closure *)value_to_object(home))->home_object;
  Object *base = value_is_object(h) ? value_to_object(h)->proto : NULL;
  if (base) return value_from_object(base);
  Value k = conv_to_property_key(vm, key);
  if (value_is_exception(k)) return k;
  return throw_with_value(vm, ERR_TYPE,
                          set ? "Cannot set properties of null (setting '%s')"
                              : "Cannot read properties of null (reading '%s')",
                          k);
}

Value class_super_get(VM *vm, Value this_value, Value key, Value home) {
  Value base = super_base(vm, home, key, false);
  if (value_is_exception(base)) return base;
  key = conv_to_property_key(vm, key);
  if (value_is_exception(key)) return key;
  return object_get(vm, value_to_object(base), key, this_value);
}

Value class_super_set(VM *vm, Value this_value, Value key, Value v, Value home, bool strict) {
  Value base = super_base(vm, home, key, true);
  if (value_is_exception(base)) return base;
  key = conv_to_property_key(vm, key);
  if (value_is_exception(key)) return key;
  Value ok = object_set(vm, value_to_object(base), key, v, this_value);
  if (value_is_exception(ok)) return ok;
  if (ok == VALUE_FALSE && strict) {
    char *what = value_text(vm, this_value), *name = value_text(vm, key);
    Value r = vm_throw_error(vm, ERR_TYPE, "Cannot assign to read only property '%s' of object '%s'",
                             name, what);
    free(what);
    free(name);
    return r;
  }
  return v;
}

/* What a derived constructor's `return v` (or its end, v undefined) gives `new`. */
Value class_derived_result(VM *vm, Value v, Value this_value, bool outermost) {
  if (value_is_object(v)) return v;
  if (!value_is_undefined(v))
    return vm_throw_error(vm, ERR_TYPE, "Derived constructors may only return object or undefined");
  if (this_value == VALUE_HOLE) return class_this_error(vm);
  if (outermost && value_to_object(this_value)->klass == CLASS_ERROR)
    error_refresh_header(vm, this_value);
  return this_value;
}

/* ==== Private names ==== */

static Value throw_text(VM *vm, Value message) {
  char *text = vm_to_utf8(vm, message, NULL);
  Value r = vm_throw_error(vm, ERR_TYPE, "%s", text);
  free(text);
  return r;
}

static Value throw_about(VM *vm, const char *fmt, Value key) {
  char *name = string_to_utf8(value_to_symbol(key)->description, NULL);
  Value r = vm_throw_error(vm, ERR_TYPE, fmt, name);
  free(name);
  return r;
}

/* The slot of obj's own private name key, or -1: only the object itself, never its
 * prototypes or a proxy's target, holds its private names. */
static int private_slot(Value obj, Value key, uint8_t *attrs) {
  if (!value_is_object(obj)) return -1;
  return object_find_slot(value_to_object(obj), key, attrs);
}

Value class_private_get(VM *vm, Value obj, Value key, Value missing) {
  uint8_t attrs;
  int slot = private_slot(obj, key, &attrs);
  if (slot < 0) return throw_text(vm, missing);
  Value v = value_to_object(obj)->slots[slot];
  if (!(attrs & ATTR_ACCESSOR)) return v;
  Value getter = ((Accessor *)value_to_ptr(v))->getter;
  if (value_is_undefined(getter)) return throw_about(vm, "'%s' was defined without a getter", key);
  return vm_call(vm, getter, obj, 0, NULL);
}

Value class_private_set(VM *vm, Value obj, Value key, Value v, Value missing) {
  uint8_t attrs;
  int slot = private_slot(obj, key, &attrs);
  if (slot < 0) return throw_text(vm, missing);
  Object *o = value_to_object(obj);
  if (attrs & ATTR_ACCESSOR) {
    Value setter = ((Accessor *)value_to_ptr(o->slots[slot]))->setter;
    if (value_is_undefined(setter))
      return throw_about(vm, "'%s' was defined without a setter", key);
    Value r = vm_call(vm, setter, obj, 1, &v);
    return value_is_exception(r) ? r : v;
  }
  if (!(attrs & ATTR_WRITABLE)) return throw_about(vm, "Private method '%s' is not writable", key);
  o->slots[slot] = v;
  return v;
}

Value class_private_in(VM *vm, Value key, Value obj) {
  if (!value_is_object(obj)) {
    char *name = string_to_utf8(value_to_symbol(key)->description, NULL);
    char *what = value_text(vm, obj);
    Value r = vm_throw_error(vm, ERR_TYPE, "Cannot use 'in' operator to search for '%s' in %s",
                             name, what);
    free(name);
    free(what);
    return r;
  }
  uint8_t attrs;
  return value_from_bool(private_slot(obj, key, &attrs) >= 0);
}

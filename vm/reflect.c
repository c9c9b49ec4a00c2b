/* reflect.c - the engine's reflection API: what the built-in library (stdlib/) and
 * inspect need to see and change inside objects without knowing their layout.
 * Book: chapter 7, "The standard library".
 *
 *   vm_get_own_property / vm_define_property / vm_delete_property   one own property
 *   vm_own_property_keys                                             [[OwnPropertyKeys]]
 *   vm_set_prototype / vm_prevent_extensions                         the object itself
 *   vm_error_new / vm_capture_stack_trace                            Error objects
 *   vm_bound_new, strings and arrays by unit and index
 */
#include <math.h>
#include <string.h>

#include "lexer/alloc.h"
#include "parser/ast.h"
#include "vm/shape.h"

/* object.c's flag for an array whose length was made read-only (its ARRAY_LENGTH_READONLY). */
#define REFLECT_ARRAY_LENGTH_READONLY 2

/* ==== Property keys ==== */

/* The atom for a string key, or the key itself for a symbol; VALUE_UNDEFINED if the
 * text has no atom yet (so no object can have it as a keyed property). Never allocates. */
static Value existing_key(VM *vm, Value key) {
  if (!value_is_string(key) || value_to_string(key)->atom) return key;
  String *a = atom_lookup(vm, value_to_string(key));
  return a ? value_from_string(a) : VALUE_UNDEFINED;
}

static bool key_index(Value key, uint32_t *index) {
  return value_is_string(key) && string_to_array_index(value_to_string(key), index);
}

static bool key_is_length(VM *vm, Value key) {
  return value_is_string(key) && string_equal(value_to_string(key), vm->atom_length);
}

Value vm_to_property_key(VM *vm, Value v) { return conv_to_property_key(vm, v); }

/* ==== Reading one own property ==== */

static void info_from_raw(PropertyInfo *out, Value raw, uint8_t attrs) {
  out->attrs = attrs & (ATTR_WRITABLE | ATTR_ENUMERABLE | ATTR_CONFIGURABLE);
  out->is_accessor = (attrs & ATTR_ACCESSOR) != 0;
  out->value = out->getter = out->setter = VALUE_UNDEFINED;
  if (!out->is_accessor) {
    out->value = raw;
    return;
  }
  Accessor *acc = value_to_ptr(raw);
  out->getter = acc->getter, out->setter = acc->setter;
  out->attrs &= ~ATTR_WRITABLE;
}

/* The properties that are not in the shape: array elements and length, a String
 * wrapper's characters and length, a typed array's elements and a mapped arguments
 * object's mapped indices. */
static bool exotic_own_property(VM *vm, Object *o, Value key, PropertyInfo *out) {
  uint32_t i;
  if (o->klass == CLASS_ARRAY) {
    Array *a = (Array *)o;
    if (key_index(key, &i) && i < a->length && i < a->capacity && a->elements[i] != VALUE_HOLE) {
      info_from_raw(out, a->elements[i], ATTR_DEFAULT);
      return true;
    }
    if (key_is_length(vm, key)) {
      bool ro = o->flags & REFLECT_ARRAY_LENGTH_READONLY;
      info_from_raw(out, value_from_number(a->length), ro ? 0 : ATTR_WRITABLE);
      return true;
    }
  } else if (class_is_typed(o->klass)) {
    if (key_index(key, &i) && i < view_length((ArrayView *)o)) {
      info_from_raw(out, typed_get((ArrayView *)o, i), ATTR_DEFAULT);
      return true;
    }
  } else if (is_mapped_arguments(o)) {
    MappedArguments *m = (MappedArguments *)o;
    if (key_index(key, &i) && i < m->count && m->map[i].cell) {
      info_from_raw(out, m->map[i].cell->value, m->map[i].attrs);
      return true;
    }
  } else if (o->klass == CLASS_STRING && value_is_string(((Boxed *)o)->primitive)) {
    String *s = value_to_string(((Boxed *)o)->primitive);
    if (key_index(key, &i) && i < s->length) {
      info_from_raw(out, value_from_string(string_substring(vm, s, i, i + 1)), ATTR_ENUMERABLE);
      return true;
    }
    if (key_is_length(vm, key)) {
      info_from_raw(out, value_from_number(s->length), 0);
      return true;
    }
  }
  return false;
}

bool vm_get_own_property(VM *vm, Value obj, Value key, PropertyInfo *out) {
  Object *o = value_to_object(obj);
  if (exotic_own_property(vm, o, key, out)) return true;
  Value k = existing_key(vm, key);
  if (value_is_undefined(k)) return false;
  uint8_t attrs;
  int slot = object_find_slot(o, k, &attrs);
  if (slot < 0) return false;
  info_from_raw(out, o->slots[slot], attrs);
  return true;
}

/* ==== Own keys in spec order ==== */

/* An exotic object's [[OwnPropertyKeys]] cut down to what flags ask for; without
 * VM_KEYS_HIDDEN each key's [[GetOwnProperty]] says whether it is enumerable. */
static Value filter_keys(VM *vm, Value obj, Value all, int flags) {
  Array *keys = (Array *)value_to_object(all);
  Value out = vm_handle_push(vm, vm_array_new(vm));
  for (uint32_t i = 0; i < keys->length; i++) {
    Value key = keys->elements[i];
    if (!(flags & (value_is_symbol(key) ? VM_KEYS_SYMBOLS : VM_KEYS_STRINGS))) continue;
    if (!(flags & VM_KEYS_HIDDEN)) {
      PropertyInfo info;
      Value found = vm_own_property(vm, obj, key, &info);
      if (value_is_exception(found)) return found;
      if (found == VALUE_FALSE || !(info.attrs & VM_ATTR_ENUMERABLE)) continue;
    }
    array_push(vm, (Array *)value_to_object(out), key);
  }
  return out;
}

//> vm.own-property-keys
Value vm_own_property_keys(VM *vm, Value obj, int flags) {
  Object *o = value_to_object(obj);
  const ExoticMethods *m = exotic_of(vm, o);
  if (!m || !m->own_keys) return value_from_object(&object_own_keys(vm, o, flags)->base);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  Value all = vm_handle_push(vm, m->own_keys(vm, o)); /* every key: the trap's list */
  Value r = value_is_exception(all) ? all : filter_keys(vm, obj, all, flags);
  vm_handle_reset(vm, mark);
  return r;
}
//< vm.own-property-keys

/* ==== Descriptor objects ==== */

/* V8's rendering of a value in these messages: the text of a primitive, #<Ctor> for an
 * object. malloc'd. */
char *reflect_describe(VM *vm, Value v) {
  if (value_is_symbol(v)) {
    Symbol *s = value_to_symbol(v);
    char *d = s->description ? string_to_utf8(s->description, NULL) : mem_strdup("");
    char *out = mem_alloc(strlen(d) + 9);
    sprintf(out, "Symbol(%s)", d);
    free(d);
    return out;
  }
  if (!value_is_object(v)) {
    Value s = vm_to_string(vm, v); /* a primitive: runs no code */
    return value_is_exception(s) ? (vm_take_exception(vm), mem_strdup("?"))
                                 : vm_to_utf8(vm, s, NULL);
  }
  if (value_to_object(v)->klass == CLASS_ARRAY) return mem_strdup("[object Array]");
  String *name = error_constructor_name(vm, value_to_object(v));
  char *n = name ? string_to_utf8(name, NULL) : mem_strdup("Object");
  char *out = mem_alloc(strlen(n) + 4);
  sprintf(out, "#<%s>", n);
  free(n);
  return out;
}

static Value throw_described(VM *vm, const char *fmt, Value v) {
  char *text = reflect_describe(vm, v);
  Value r = vm_throw_error(vm, ERR_TYPE, fmt, text);
  free(text);
  return r;
}

/* Read one descriptor field if present: 1 found, 0 absent, -1 exception. */
static int descriptor_field(VM *vm, Value obj, const char *name, Value *out) {
  Value has = object_has(vm, value_to_object(obj), vm_atom(vm, name));
  if (has != VALUE_TRUE) return value_is_exception(has) ? -1 : 0;
  *out = vm_handle_push(vm, vm_get_str(vm, obj, name));
  return value_is_exception(*out) ? -1 : 1;
}

//> vm.to-property-descriptor
Value vm_to_property_descriptor(VM *vm, Value obj, PropertyDescriptor *d) {
  *d = (PropertyDescriptor){
      .value = VALUE_UNDEFINED, .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED};
  if (!value_is_object(obj))
    return throw_described(vm, "Property description must be an object: %s", obj);
  Value v;
  int r;
  if ((r = descriptor_field(vm, obj, "enumerable", &v)) < 0) return VALUE_EXCEPTION;
  if (r) d->has_enumerable = true, d->enumerable = vm_truthy(v);
  if ((r = descriptor_field(vm, obj, "configurable", &v)) < 0) return VALUE_EXCEPTION;
  if (r) d->has_configurable = true, d->configurable = vm_truthy(v);
  if ((r = descriptor_field(vm, obj, "value", &d->value)) < 0) return VALUE_EXCEPTION;
  d->has_value = r;
  if ((r = descriptor_field(vm, obj, "writable", &v)) < 0) return VALUE_EXCEPTION;
  if (r) d->has_writable = true, d->writable = vm_truthy(v);
  if ((r = descriptor_field(vm, obj, "get", &d->getter)) < 0) return VALUE_EXCEPTION;
  d->has_getter = r;
  if (r && !value_is_undefined(d->getter) && !vm_is_callable(d->getter))
    return throw_described(vm, "Getter must be a function: %s", d->getter);
  if ((r = descriptor_field(vm, obj, "set", &d->setter)) < 0) return VALUE_EXCEPTION;
  d->has_setter = r;
  if (r && !value_is_undefined(d->setter) && !vm_is_callable(d->setter))
    return throw_described(vm, "Setter must be a function: %s", d->setter);
  if ((d->has_getter || d->has_setter) && (d->has_value || d->has_writable))
    return throw_described(vm,
                           "Invalid property descriptor. Cannot both specify accessors "
                           "and a value or writable attribute, %s",
                           obj);
  return VALUE_TRUE;
}
//< vm.to-property-descriptor

Value vm_from_property_descriptor(VM *vm, const PropertyDescriptor *d) {
  int mark = vm_handle_mark(vm);
  Value o = vm_handle_push(vm, vm_object_new(vm));
  if (d->has_value) vm_define_str(vm, o, "value", d->value, VM_ATTR_DEFAULT);
  if (d->has_writable)
    vm_define_str(vm, o, "writable", value_from_bool(d->writable), VM_ATTR_DEFAULT);
  if (d->has_getter) vm_define_str(vm, o, "get", d->getter, VM_ATTR_DEFAULT);
  if (d->has_setter) vm_define_str(vm, o, "set", d->setter, VM_ATTR_DEFAULT);
  if (d->has_enumerable)
    vm_define_str(vm, o, "enumerable", value_from_bool(d->enumerable), VM_ATTR_DEFAULT);
  if (d->has_configurable)
    vm_define_str(vm, o, "configurable", value_from_bool(d->configurable), VM_ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  return o;
}

/* ==== Defining and deleting ==== */

/* The complete (value, attrs) a descriptor asks for, given what is there now. */
static Value merge_descriptor(VM *vm, const PropertyDescriptor *d, const PropertyInfo *cur,
                              bool exists, uint8_t *attrs) {
  bool accessor = d->has_getter || d->has_setter;
  bool generic = !accessor && !d->has_value && !d->has_writable;
  if (generic && exists) accessor = cur->is_accessor;
  bool keep = exists && accessor == cur->is_accessor; /* same kind: unset fields stay */
  uint8_t a = 0;
  if (d->has_enumerable ? d->enumerable : exists && (cur->attrs & ATTR_ENUMERABLE))
    a |= ATTR_ENUMERABLE;
  if (d->has_configurable ? d->configurable : exists && (cur->attrs & ATTR_CONFIGURABLE))
    a |= ATTR_CONFIGURABLE;
  if (!accessor) {
    if (d->has_writable ? d->writable : keep && (cur->attrs & ATTR_WRITABLE)) a |= ATTR_WRITABLE;
    *attrs = a;
    return d->has_value ? d->value : keep ? cur->value : VALUE_UNDEFINED;
  }
  *attrs = a | ATTR_ACCESSOR;
  Value get = d->has_getter ? d->getter : keep ? cur->getter : VALUE_UNDEFINED;
  Value set = d->has_setter ? d->setter : keep ? cur->setter : VALUE_UNDEFINED;
  return value_from_thing(accessor_new(vm, get, set));
}

static bool typed_numeric_key_or_index(VM *vm, const String *key) {
  uint32_t i;
  return string_to_array_index(key, &i) || typed_numeric_key(vm, key);
}

//> vm.define-property
Value vm_define_property(VM *vm, Value obj, Value key, const PropertyDescriptor *desc) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  Value k = vm_handle_push(vm, conv_to_property_key(vm, key));
  if (value_is_exception(k)) return vm_handle_reset(vm, mark), k;
  const ExoticMethods *m = exotic_of(vm, value_to_object(obj));
  if (m && m->define_own_property) { /* the scope ends with the method, as a native's */
    Value r = m->define_own_property(vm, value_to_object(obj), k, desc);
    return vm_handle_reset(vm, mark), r;
  }
  PropertyDescriptor copy;
  if (value_to_object(obj)->klass == CLASS_ARRAY && desc->has_value && key_is_length(vm, k)) {
    Value n = array_length_convert(vm, desc->value); /* ArraySetLength's checks come first */
    if (value_is_exception(n)) return vm_handle_reset(vm, mark), n;
    copy = *desc, copy.value = n, desc = &copy;
  } else if (class_is_typed(value_to_object(obj)->klass) && desc->has_value &&
             value_is_string(k) && typed_numeric_key_or_index(vm, value_to_string(k))) {
    Value n = vm_to_number(vm, desc->value); /* the element is stored as a number */
    if (value_is_exception(n)) return vm_handle_reset(vm, mark), n;
    copy = *desc, copy.value = n, desc = &copy;
  }
  vm_handle_push(vm, desc->value), vm_handle_push(vm, desc->getter);
  vm_handle_push(vm, desc->setter);
  PropertyInfo cur;
  bool exists = vm_get_own_property(vm, obj, k, &cur);
  if (exists) vm_handle_push(vm, cur.value), vm_handle_push(vm, cur.getter);
  if (exists) vm_handle_push(vm, cur.setter);
  uint8_t attrs;
  Value v = merge_descriptor(vm, desc, &cur, exists, &attrs);
  bool ok = object_define_own(vm, value_to_object(obj), k, v, attrs);
  vm_handle_reset(vm, mark);
  return value_from_bool(ok);
}
//< vm.define-property

Value vm_delete_property(VM *vm, Value obj, Value key) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  Value k = conv_to_property_key(vm, key);
  vm_handle_reset(vm, mark);
  if (value_is_exception(k)) return k;
  const ExoticMethods *m = exotic_of(vm, value_to_object(obj));
  if (m && m->delete_property) {
    mark = vm_handle_mark(vm);
    vm_handle_push(vm, k);
    Value r = m->delete_property(vm, value_to_object(obj), k);
    return vm_handle_reset(vm, mark), r;
  }
  return value_from_bool(object_delete_own(vm, value_to_object(obj), k));
}

Value vm_own_property(VM *vm, Value obj, Value key, PropertyInfo *out) {
  const ExoticMethods *m = exotic_of(vm, value_to_object(obj));
  if (!m || !m->get_own_property) return value_from_bool(vm_get_own_property(vm, obj, key, out));
  int mark = vm_handle_mark(vm);
  Value r = m->get_own_property(vm, value_to_object(obj), key, out);
  vm_handle_reset(vm, mark);
  if (r == VALUE_TRUE) /* the caller's, now: what a trap returned may be rooted nowhere else */
    vm_handle_push(vm, out->value), vm_handle_push(vm, out->getter),
        vm_handle_push(vm, out->setter);
  return r;
}

/* An exotic method taking only the object, with its handle scope (as a native's). */
static Value exotic_call(VM *vm, Value (*method)(VM *, Object *), Value obj) {
  int mark = vm_handle_mark(vm);
  Value r = method(vm, value_to_object(obj));
  vm_handle_reset(vm, mark);
  return r;
}

Value vm_has_property(VM *vm, Value obj, Value key) {
  return object_has(vm, value_to_object(obj), key);
}

/* ==== The object itself ==== */

Value vm_get_prototype_of(VM *vm, Value obj) {
  const ExoticMethods *m = exotic_of(vm, value_to_object(obj));
  if (m && m->get_prototype_of) return exotic_call(vm, m->get_prototype_of, obj);
  return vm_prototype_of(obj);
}

Value vm_object_is_extensible(VM *vm, Value obj) {
  const ExoticMethods *m = exotic_of(vm, value_to_object(obj));
  if (m && m->is_extensible) return exotic_call(vm, m->is_extensible, obj);
  return value_from_bool(vm_is_extensible(obj));
}

Value vm_object_prevent_extensions(VM *vm, Value obj) {
  const ExoticMethods *m = exotic_of(vm, value_to_object(obj));
  if (m && m->prevent_extensions) return exotic_call(vm, m->prevent_extensions, obj);
  return value_from_bool(vm_prevent_extensions(vm, obj));
}

Value vm_set_prototype(VM *vm, Value obj, Value proto) {
  Object *o = value_to_object(obj);
  const ExoticMethods *m = exotic_of(vm, o);
  if (m && m->set_prototype_of) {
    int mark = vm_handle_mark(vm);
    Value r = m->set_prototype_of(vm, o, proto);
    return vm_handle_reset(vm, mark), r;
  }
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  if (o->proto == p) return VALUE_TRUE;
  if (!o->extensible) return VALUE_FALSE;
  if (o == vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE]) return VALUE_FALSE; /* immutable */
  for (Object *q = p; q; q = q->proto)
    if (q == o) return VALUE_FALSE; /* would make a cycle */
  object_touch(vm, o);
  o->proto = p;
  return VALUE_TRUE;
}

bool vm_prevent_extensions(VM *vm, Value obj) {
  value_to_object(obj)->extensible = 0;
  return true;
}

bool vm_is_extensible(Value obj) { return value_to_object(obj)->extensible != 0; }

VMFunctionKind vm_function_kind(Value fn) {
  Object *o = value_to_object(fn);
  if (o->klass == CLASS_NATIVE) return VM_FN_NATIVE;
  if (o->klass == CLASS_BOUND) return VM_FN_BOUND;
  if (o->klass == CLASS_PROXY) return VM_FN_PROXY;
  uint32_t f = ((Closure *)o)->proto->flags;
  if (f & FN_CONSTRUCTOR) return VM_FN_CLASS;
  if ((f & FN_ASYNC) && (f & FN_GENERATOR)) return VM_FN_ASYNC_GENERATOR;
  if (f & FN_ASYNC) return VM_FN_ASYNC;
  if (f & FN_GENERATOR) return VM_FN_GENERATOR;
  return (f & FN_ARROW) ? VM_FN_ARROW : VM_FN_NORMAL;
}

/* ==== Functions ==== */

void vm_native_set_constructor(Value fn, bool is_constructor) {
  Object *o = value_to_object(fn);
  if (o->klass != CLASS_NATIVE) PANIC("vm_native_set_constructor: not a native function");
  ((Native *)o)->is_constructor = is_constructor;
}

//> vm.bound-new
Value vm_bound_new(VM *vm, Value target, Value bound_this, int argc, const Value *argv) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, target);
  vm_handle_push(vm, bound_this);
  for (int i = 0; i < argc; i++) vm_handle_push(vm, argv[i]);
  size_t size = sizeof(Bound) + (size_t)argc * sizeof(Value);
  Value proto = vm_handle_push(vm, vm_get_prototype_of(vm, target)); /* a proxy's trap runs */
  if (value_is_exception(proto)) return vm_handle_reset(vm, mark), proto;
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  Bound *b = (Bound *)object_new_class(vm, CLASS_BOUND, size, p);
  b->target = target;
  b->bound_this = bound_this;
  b->argc = (uint32_t)argc;
  for (int i = 0; i < argc; i++) b->argv[i] = argv[i];
  vm_handle_reset(vm, mark);
  return value_from_object(&b->base);
}
//< vm.bound-new

Value vm_bound_target(Value fn) {
  Object *o = value_to_object(fn);
  return o->klass == CLASS_BOUND ? ((Bound *)o)->target : VALUE_UNDEFINED;
}

Value vm_function_source(VM *vm, Value fn) {
  Object *o = value_to_object(fn);
  if (o->klass != CLASS_CLOSURE) return VALUE_UNDEFINED;
  FunctionProto *p = ((Closure *)o)->proto;
  if (!p->source || p->source_end <= p->source_start || (p->flags & FN_TOPLEVEL))
    return VALUE_UNDEFINED;
  return vm_string_n(vm, p->source + p->source_start, p->source_end - p->source_start);
}

/* ==== Error objects ==== */

/* "name: message" as Error.prototype.toString builds it; may run getters. */
static Value error_header(VM *vm, Value error) {
  Value name = vm_get(vm, error, value_from_string(vm->atom_name));
  if (value_is_exception(name)) return name;
  name =
      vm_handle_push(vm, value_is_undefined(name) ? vm_atom(vm, "Error") : vm_to_string(vm, name));
  if (value_is_exception(name)) return name;
  Value msg = vm_get(vm, error, value_from_string(vm->atom_message));
  if (value_is_exception(msg)) return msg;
  msg = vm_handle_push(vm, value_is_undefined(msg) ? value_from_string(vm->atom_empty)
                                                   : vm_to_string(vm, msg));
  if (value_is_exception(msg)) return msg;
  if (value_to_string(msg)->length == 0) return name;
  if (value_to_string(name)->length == 0) return msg;
  Value sep = vm_handle_push(vm, vm_string(vm, ": "));
  return vm_string_concat(vm, vm_string_concat(vm, name, sep), msg);
}

/* The frames below the `hide` innermost ones, as vm_stack_trace lines. */
static Value trace_without(VM *vm, int hide) {
  int saved = vm->frame_count;
  vm->frame_count = hide < saved ? saved - hide : 0;
  Value trace = vm_stack_trace(vm);
  vm->frame_count = saved;
  return trace;
}

/* How many innermost frames to hide: the calling native, and with `above` a function,
 * every frame down to and including that function's innermost call. */
static int frames_to_hide(VM *vm, Value above) {
  if (!value_is_object(above)) return 1;
  Object *f = value_to_object(above);
  for (int i = vm->frame_count - 2; i >= 0; i--)
    if (vm->frames[i].function == f) return vm->frame_count - i;
  return vm->frame_count; /* not on the stack: V8 then shows no frames */
}

//> vm.capture-stack
Value vm_capture_stack_trace(VM *vm, Value obj, Value above) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  Value header = error_header(vm, obj);
  Value r = header;
  if (!value_is_exception(header)) {
    vm_handle_push(vm, header);
    Value trace = vm_handle_push(vm, trace_without(vm, frames_to_hide(vm, above)));
    Value stack = vm_handle_push(vm, vm_string_concat(vm, header, trace));
    if (error_trace_limit(vm) < 0) stack = VALUE_UNDEFINED; /* no number: V8 captures nothing */
    object_define_own(vm, value_to_object(obj), value_from_string(vm->atom_stack), stack,
                      ATTR_HIDDEN);
    r = VALUE_UNDEFINED;
  }
  vm_handle_reset(vm, mark);
  return r;
}
//< vm.capture-stack

bool vm_is_closure(Value v) {
  return value_is_object(v) && value_to_object(v)->klass == CLASS_CLOSURE;
}

Value vm_call_site_records(VM *vm, Value above) {
  return error_call_site_records(vm, frames_to_hide(vm, above));
}

Value vm_error_new(VM *vm, ErrorKind kind, Value message, Value proto) {
  Object *p = value_is_object(proto) ? value_to_object(proto)
                                     : vm->intrinsics[INTRINSIC_ERROR_PROTOTYPE + kind];
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, message);
  Object *e = object_new_class(vm, CLASS_ERROR, sizeof(Object), p);
  Value ev = vm_handle_push(vm, value_from_object(e));
  /* V8's own-key order is stack, then message: make the slot now, fill it below. */
  object_define_own(vm, e, value_from_string(vm->atom_stack), VALUE_UNDEFINED, ATTR_HIDDEN);
  if (!value_is_undefined(message))
    object_define_own(vm, e, value_from_string(vm->atom_message), message, ATTR_HIDDEN);
  /* Made by super() for a class: like V8, leave out the frames of the constructors
   * up to new.target's (the native's own frame is the innermost). */
  Value target = vm->frame_count > 0 ? vm->frames[vm->frame_count - 1].new_target
                                     : VALUE_UNDEFINED; /* called by the host, between callbacks */
  bool is_class = value_is_object(target) && value_to_object(target)->klass == CLASS_CLOSURE;
  Value r = vm_capture_stack_trace(vm, ev, is_class ? target : VALUE_UNDEFINED);
  vm_handle_reset(vm, mark);
  return value_is_exception(r) ? r : ev;
}

/* V8 writes an error's stack when it is first read, so the header shows the name and
 * message a subclass's constructor gave it after super(); here the stack is written
 * at construction, and the outermost class constructor rewrites its header when it
 * returns the error. */
void error_refresh_header(VM *vm, Value error) {
  bool found;
  if (error_has_stack_hook(vm)) return; /* Error.prepareStackTrace wrote it: leave it */
  Object *o = value_to_object(error);
  Value stack = object_get_own(o, value_from_string(vm->atom_stack), &found);
  if (!found || !value_is_string(stack)) return;
  String *s = value_to_string(stack);
  static const char at[] = "\n    at ";
  uint32_t cut = s->length;
  for (uint32_t i = 0; i + sizeof at - 1 <= s->length && cut == s->length; i++) {
    uint32_t j = 0;
    while (j < sizeof at - 1 && string_unit(s, i + j) == (uint8_t)at[j]) j++;
    if (j == sizeof at - 1) cut = i;
  }
  int mark = vm_handle_mark(vm);
  Value header = error_header(vm, error);
  if (value_is_exception(header)) {
    vm_take_exception(vm);
  } else {
    vm_handle_push(vm, header);
    Value trace = vm_handle_push(vm, value_from_string(string_substring(vm, s, cut, s->length)));
    object_define_own(vm, o, value_from_string(vm->atom_stack), vm_string_concat(vm, header, trace),
                      ATTR_HIDDEN);
  }
  vm_handle_reset(vm, mark);
}

/* ==== Symbols ==== */

Value vm_symbol_new(VM *vm, Value description) {
  String *d = value_is_string(description) ? value_to_string(description) : NULL;
  return value_from_symbol(symbol_new(vm, d));
}

Value vm_symbol_description(Value sym) {
  Symbol *s = value_to_symbol(sym);
  return s->description ? value_from_string(s->description) : VALUE_UNDEFINED;
}

Value vm_well_known_symbol(VM *vm, VMWellKnownSymbol which) {
  switch (which) {
  case VM_SYMBOL_ITERATOR: return vm->symbol_iterator;
  case VM_SYMBOL_ASYNC_ITERATOR: return vm->symbol_async_iterator;
  case VM_SYMBOL_HAS_INSTANCE: return vm->symbol_has_instance;
  case VM_SYMBOL_TO_PRIMITIVE: return vm->symbol_to_primitive;
  case VM_SYMBOL_TO_STRING_TAG: return vm->symbol_to_string_tag;
  case VM_SYMBOL_MATCH: return vm->symbol_match;
  case VM_SYMBOL_MATCH_ALL: return vm->symbol_match_all;
  case VM_SYMBOL_REPLACE: return vm->symbol_replace;
  case VM_SYMBOL_SEARCH: return vm->symbol_search;
  case VM_SYMBOL_SPLIT: return vm->symbol_split;
  case VM_SYMBOL_SPECIES: return vm->symbol_species;
  case VM_SYMBOL_IS_CONCAT_SPREADABLE: return vm->symbol_is_concat_spreadable;
  case VM_SYMBOL_UNSCOPABLES: return vm->symbol_unscopables;
  }
  PANIC("vm_well_known_symbol: unknown symbol");
}

/* ==== Strings by code unit ==== */

const void *vm_string_data(Value string, size_t *length, bool *wide) {
  const String *s = value_to_string(string);
  *length = s->length;
  *wide = s->wide;
  return s->data;
}

uint16_t vm_string_unit(Value string, uint32_t index) {
  return string_unit(value_to_string(string), index);
}

Value vm_string_from_units(VM *vm, const uint16_t *units, size_t length) {
  if (length > VM_STRING_MAX) return vm_throw_string_length(vm);
  return value_from_string(string_new_wide(vm, units, (uint32_t)length));
}

Value vm_string_slice(VM *vm, Value string, uint32_t start, uint32_t end) {
  return value_from_string(string_substring(vm, value_to_string(string), start, end));
}

int vm_string_compare(Value a, Value b) {
  return string_compare(value_to_string(a), value_to_string(b));
}

Value vm_number_to_string(VM *vm, double d) {
  return value_from_string(conv_number_to_string(vm, d));
}

/* ==== Arrays by index ==== */

Value vm_array_get_raw(Value arr, uint32_t index) {
  Array *a = (Array *)value_to_object(arr);
  return index < a->length && index < a->capacity ? a->elements[index] : VALUE_HOLE;
}

bool vm_array_set(VM *vm, Value arr, uint32_t index, Value v) {
  Array *a = (Array *)value_to_object(arr);
  if (index < a->length && index < a->capacity &&
      (a->elements[index] != VALUE_HOLE ||
       (a->base.extensible && !(a->base.flags & ARRAY_SPARSE)))) {
    a->elements[index] = v; /* an element, or a hole no keyed property stands in for */
    return true;
  }
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, arr);
  vm_handle_push(vm, v);
  char buf[16];
  snprintf(buf, sizeof buf, "%u", index);
  Value key = value_from_string(atom_from_cstr(vm, buf));
  bool ok = object_define_own(vm, &a->base, key, v, ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  return ok;
}

bool vm_array_set_length(VM *vm, Value arr, uint32_t length) {
  Array *a = (Array *)value_to_object(arr);
  if (a->base.flags & REFLECT_ARRAY_LENGTH_READONLY) return length == a->length;
  return array_set_length(vm, a, length);
}

Value vm_array_with_capacity(VM *vm, uint32_t capacity) {
  return value_from_object(&array_new(vm, capacity)->base);
}

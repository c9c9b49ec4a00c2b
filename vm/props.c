/* props.c - property tables: how the built-ins are declared and put on their objects.
 * Book: chapter 7, "The standard library".
 *
 *   vm_define_props   every row of a table, in order, as an own property of an object
 *   vm_prop_value     the value one row describes: a native function, an object, ...
 *
 * The row type and the macros that write rows are in vm.h. A function made from a row
 * gets V8's name and length and keeps the row's magic number, which vm_native_magic
 * reads back while the function runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

/* The row's key: an atom, or the well-known symbol. */
static Value row_key(VM *vm, const VMPropDef *row) {
  if (row->symbol) return vm_well_known_symbol(vm, (VMWellKnownSymbol)(row->symbol - 1));
  return value_from_string(atom_from_cstr(vm, row->name));
}

/* V8's name for a function stored under key: the key itself, "[Symbol.iterator]" for a
 * symbol, and "get "/"set " (the prefix) in front for an accessor's halves. An atom. */
static Value function_name(VM *vm, Value key, const char *prefix) {
  if (!*prefix && value_is_string(key)) return key;
  String *text = value_is_string(key) ? value_to_string(key) : value_to_symbol(key)->description;
  char *utf8 = text ? string_to_utf8(text, NULL) : mem_strdup("");
  char *name = mem_alloc(strlen(prefix) + strlen(utf8) + 3);
  sprintf(name, value_is_string(key) ? "%s%s" : "%s[%s]", prefix, utf8);
  Value atom = value_from_string(atom_from_cstr(vm, name));
  free(utf8), free(name);
  return atom;
}

static Value make_native(VM *vm, const VMPropDef *row, NativeFn fn, Value name, int length) {
  Native *n = native_new(vm, name, fn, length);
  n->magic = row->magic;
  return value_from_object(&n->base);
}

/* The getter and setter of an accessor row, as the Accessor pair a slot holds. */
static Value make_accessor(VM *vm, const VMPropDef *row, Value key) {
  int mark = vm_handle_mark(vm);
  Value get = VALUE_UNDEFINED, set = VALUE_UNDEFINED;
  if (row->fn)
    get = vm_handle_push(vm, make_native(vm, row, row->fn, function_name(vm, key, "get "), 0));
  if (row->u.setter)
    set = vm_handle_push(vm, make_native(vm, row, row->u.setter, function_name(vm, key, "set "), 1));
  Value pair = value_from_thing(accessor_new(vm, get, set));
  vm_handle_reset(vm, mark);
  return pair;
}

static Value make_object(VM *vm, const VMPropDef *table) {
  int mark = vm_handle_mark(vm);
  Object *o = object_new(vm, vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE]);
  Value obj = vm_handle_push(vm, value_from_object(o));
  bool ok = vm_define_props(vm, obj, table);
  vm_handle_reset(vm, mark);
  return ok ? obj : VALUE_EXCEPTION;
}

//> vm.make-constructor
/* A constructor and its prototype, linked both ways (the prototype is made now when its
 * intrinsic is an empty host slot), then the statics on one and the methods on the other. */
static Value make_constructor(VM *vm, const VMPropDef *row, Value name) {
  int mark = vm_handle_mark(vm);
  Value ctor = vm_handle_push(vm, make_native(vm, row, row->fn, name, row->length));
  ((Native *)value_to_object(ctor))->is_constructor = 1;
  int which = row->u.ctor.prototype;
  Value proto = vm_intrinsic(vm, which);
  if (!value_is_object(proto)) {
    proto = value_from_object(object_new(vm, vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE]));
    vm_set_intrinsic(vm, which, proto);
  }
  object_define_own(vm, value_to_object(ctor), value_from_string(vm->atom_prototype), proto,
                    row->u.ctor.prototype_attrs & ATTR_DEFAULT);
  object_define_own(vm, value_to_object(proto), value_from_string(vm->atom_constructor), ctor,
                    ATTR_HIDDEN);
  const VMPropDef *statics = row->u.ctor.statics, *methods = row->u.ctor.methods;
  bool ok = (!statics || vm_define_props(vm, ctor, statics)) &&
            (!methods || vm_define_props(vm, proto, methods));
  vm_handle_reset(vm, mark);
  return ok ? ctor : VALUE_EXCEPTION;
}
//< vm.make-constructor

/* The value of any row but an alias or an accessor; key (rooted) names its functions. */
static Value row_value(VM *vm, const VMPropDef *row, Value key) {
  switch ((VMPropKind)row->kind) {
  case VM_PROP_FUNCTION:
    return make_native(vm, row, row->fn, function_name(vm, key, ""), row->length);
  case VM_PROP_NUMBER: return value_from_number(row->u.number);
  case VM_PROP_STRING: return value_from_string(atom_from_cstr(vm, row->u.string));
  case VM_PROP_CONSTANT: return row->u.constant;
  case VM_PROP_SYMBOL: return vm_well_known_symbol(vm, (VMWellKnownSymbol)row->u.well_known);
  case VM_PROP_OBJECT: return make_object(vm, row->u.props);
  case VM_PROP_CONSTRUCTOR: return make_constructor(vm, row, function_name(vm, key, ""));
  default: PANIC("row_value: a row without a value of its own");
  }
}

Value vm_prop_value(VM *vm, const VMPropDef *row) {
  int mark = vm_handle_mark(vm);
  Value v = row_value(vm, row, vm_handle_push(vm, row_key(vm, row)));
  vm_handle_reset(vm, mark);
  return v;
}

//> vm.define-row
/* One row as an own property of o. An alias reads a property an earlier row made. */
static bool define_row(VM *vm, Object *o, const VMPropDef *row) {
  int mark = vm_handle_mark(vm);
  Value key = vm_handle_push(vm, row_key(vm, row)), v;
  uint8_t attrs = row->attrs & ATTR_DEFAULT;
  if (row->kind == VM_PROP_ALIAS) {
    bool found;
    v = object_get_own(o, value_from_string(atom_from_cstr(vm, row->u.string)), &found);
    if (!found) PANIC("define_row: an alias of a property the table has not made");
  } else if (row->kind == VM_PROP_ACCESSOR) {
    v = make_accessor(vm, row, key);
    attrs |= ATTR_ACCESSOR;
  } else {
    v = row_value(vm, row, key);
  }
  bool ok = !value_is_exception(v) && object_define_own(vm, o, key, vm_handle_push(vm, v), attrs);
  if (!ok && !vm_has_exception(vm)) {
    char *name = string_to_utf8(value_to_string(function_name(vm, key, "")), NULL);
    vm_throw_error(vm, ERR_TYPE, "Cannot redefine property: %s", name);
    free(name);
  }
  vm_handle_reset(vm, mark);
  return ok;
}
//< vm.define-row

bool vm_define_props(VM *vm, Value obj, const VMPropDef *table) {
  if (!value_is_object(obj)) PANIC("vm_define_props: not an object");
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  bool ok = true;
  for (const VMPropDef *row = table; ok && row->kind != VM_PROP_END; row++)
    ok = define_row(vm, value_to_object(obj), row);
  vm_handle_reset(vm, mark);
  return ok;
}

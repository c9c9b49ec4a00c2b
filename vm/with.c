/* with.c - the object environment of a with statement: the names its object binds.
 * Book: chapter 4, "Compiling" ("with: names looked up in an object").
 *
 * Inside `with (o)`, a name declared outside the statement is first looked for in o
 * (the compiler emits the probes: vm/compile.c, compile_with_probes). o binds the name
 * when it has the property, own or inherited, and o[Symbol.unscopables] does not list
 * it (Array.prototype lists the newer methods, so `with (arr) values` still means the
 * outer `values`). Each helper answers VALUE_HOLE when o does not bind the name, and
 * VALUE_EXCEPTION when a getter or a proxy trap threw.
 *
 * Entry points: with_get, with_set, with_delete (the WITH_* instructions).
 */
#include "vm/internal.h"

/* HasBinding(name) of o's object environment: true, false or an exception. */
static Value with_binds(VM *vm, Value obj, Value name) {
  Object *o = value_to_object(obj);
  Value has = object_has(vm, o, name);
  if (has != VALUE_TRUE) return has;
  Value list = object_get(vm, o, vm->symbol_unscopables, obj);
  if (value_is_exception(list) || !value_is_object(list)) return value_is_exception(list) ? list : has;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, list);
  Value blocked = object_get(vm, value_to_object(list), name, list);
  vm_handle_reset(vm, mark);
  if (value_is_exception(blocked)) return blocked;
  return value_from_bool(!vm_truthy(blocked));
}

/* GetBindingValue. The spec asks HasProperty again first (a getter of
 * Symbol.unscopables may have deleted the property); V8, and so node, do not. */
Value with_get(VM *vm, Value obj, Value name) {
  Value bound = with_binds(vm, obj, name);
  if (bound != VALUE_TRUE) return bound == VALUE_FALSE ? VALUE_HOLE : bound;
  return object_get(vm, value_to_object(obj), name, obj);
}

/* SetMutableBinding (without the second HasProperty, as in V8): true when o took the
 * value, false when it does not bind name. */
Value with_set(VM *vm, Value obj, Value name, Value v, bool strict) {
  Value bound = with_binds(vm, obj, name);
  if (bound != VALUE_TRUE) return bound;
  Value r = interp_set_property(vm, obj, name, v, strict);
  return value_is_exception(r) ? r : VALUE_TRUE;
}

/* delete name: o's [[Delete]] when o binds it (sloppy code only: never throws for a
 * property that refuses). */
Value with_delete(VM *vm, Value obj, Value name) {
  Value bound = with_binds(vm, obj, name);
  if (bound != VALUE_TRUE) return bound == VALUE_FALSE ? VALUE_HOLE : bound;
  return vm_delete_property(vm, obj, name);
}

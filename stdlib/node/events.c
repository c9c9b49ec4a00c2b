/* events.c - EventEmitter, the core of Node's events: on, once, off, emit.
 * Book: chapter 12, "Networking".
 *
 * process, servers, requests and responses are emitters: they inherit
 * EventEmitter.prototype (events_prototype). Listeners live on the emitter itself, in a
 * hidden `_events` object mapping an event name to an array of functions, as Node keeps
 * them. (The rest of the `events` module builds on this later.)
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"

/* Where node throws an unhandled 'error' event that is not an Error (lib/events.js). */
static const char ORIGIN_UNHANDLED[] =
    "node:events:515\n    throw err; // Unhandled 'error' event\n    ^";

/* The listener array for `name`, created when create is set; undefined if none. */
static Value listeners(VM *vm, Value emitter, Value name, bool create) {
  if (value_is_nullish(emitter)) /* node reads this._events first */
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading '_events')",
                          value_is_null(emitter) ? "null" : "undefined");
  Value events = vm_get_str(vm, emitter, "_events");
  if (value_is_exception(events)) return events;
  if (!value_is_object(events)) {
    if (!create) return VALUE_UNDEFINED;
    if (!value_is_object(emitter)) /* node's strict `this._events = ...` throws here */
      return vm_set_str(vm, emitter, "_events", VALUE_UNDEFINED);
    if (!vm_is_extensible(emitter))
      return vm_throw_error(vm, ERR_TYPE, "Cannot add property _events, object is not extensible");
    events = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
    if (!vm_define_str(vm, emitter, "_events", events, VM_ATTR_WRITABLE | VM_ATTR_CONFIGURABLE))
      return VALUE_EXCEPTION;
  }
  Value list = vm_get(vm, events, name);
  if (value_is_exception(list) || vm_is_array(list) || !create) return list;
  list = vm_handle_push(vm, vm_array_new(vm));
  Value ok = vm_set(vm, events, name, list);
  return value_is_exception(ok) ? ok : list;
}

static Value events_on(VM *vm, Value this_value, int argc, Value *argv) {
  if (!node_validate_function(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED, "listener"))
    return VALUE_EXCEPTION;
  Value list = listeners(vm, this_value, argv[0], true);
  bool ok = !value_is_exception(list) && vm_array_push(vm, list, argv[1]);
  return ok ? this_value : VALUE_EXCEPTION;
}

static Value remove_listener(VM *vm, Value emitter, Value name, Value fn) {
  Value list = listeners(vm, emitter, name, false);
  if (!vm_is_array(list)) return list;
  uint32_t n = vm_array_length(list), out = 0;
  bool removed = false;
  for (uint32_t i = 0; i < n; i++) {
    Value f = vm_array_get(vm, list, i);
    if (!removed && vm_strict_equals(f, fn)) {
      removed = true;
      continue;
    }
    vm_array_set(vm, list, out++, f);
  }
  vm_array_set_length(vm, list, out);
  return emitter;
}

static Value events_off(VM *vm, Value this_value, int argc, Value *argv) {
  if (!node_validate_function(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED, "listener"))
    return VALUE_EXCEPTION;
  Value r = remove_listener(vm, this_value, argv[0], argv[1]);
  return value_is_exception(r) ? r : this_value;
}

/* A `once` wrapper: its data is [emitter, name, listener]. */
static Value once_wrapper(VM *vm, Value this_value, int argc, Value *argv) {
  Value data = vm_native_data(vm);
  Value emitter = vm_array_get(vm, data, 0), listener = vm_array_get(vm, data, 2);
  Value self = vm_get_str(vm, data, "wrapper");
  Value r = remove_listener(vm, emitter, vm_array_get(vm, data, 1), self);
  if (value_is_exception(r)) return r;
  return vm_call(vm, listener, this_value, argc, argv);
}

/* once: node checks the listener, then calls this.on with the wrapper. */
static Value events_once(VM *vm, Value this_value, int argc, Value *argv) {
  if (!node_validate_function(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED, "listener"))
    return VALUE_EXCEPTION;
  if (value_is_nullish(this_value))
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading 'on')",
                          value_is_null(this_value) ? "null" : "undefined");
  Value on = vm_handle_push(vm, vm_get_str(vm, this_value, "on"));
  if (value_is_exception(on)) return on;
  if (!vm_is_callable(on)) return vm_throw_error(vm, ERR_TYPE, "this.on is not a function");
  Value data = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, data, this_value);
  vm_array_push(vm, data, argv[0]);
  vm_array_push(vm, data, argv[1]);
  Value wrapper = vm_handle_push(vm, vm_native_with_data(vm, "bound onceWrapper", once_wrapper, 0, data));
  vm_define_str(vm, data, "wrapper", wrapper, VM_ATTR_HIDDEN);
  Value args[2] = {argv[0], wrapper};
  return vm_call(vm, on, this_value, 2, args);
}

//> stdlib.emit
Value events_emit(VM *vm, Value emitter, Value name, int argc, const Value *argv) {
  int mark = vm_handle_mark(vm);
  Value list = listeners(vm, emitter, name, false);
  uint32_t n = vm_is_array(list) ? vm_array_length(list) : 0;
  Value copy = vm_handle_push(vm, vm_array_new(vm)); /* listeners added now wait */
  for (uint32_t i = 0; i < n; i++) vm_array_push(vm, copy, vm_array_get(vm, list, i));
  Value result = value_from_bool(n > 0);
  for (uint32_t i = 0; i < n && !value_is_exception(result); i++) {
    Value r = vm_call(vm, vm_array_get(vm, copy, i), emitter, argc, argv);
    if (value_is_exception(r)) result = r;
  }
  vm_handle_reset(vm, mark);
  return value_is_exception(list) ? list : result;
}
//< stdlib.emit

Value events_emit_str(VM *vm, Value emitter, const char *name, int argc, const Value *argv) {
  int mark = vm_handle_mark(vm);
  Value n = vm_handle_push(vm, vm_string(vm, name));
  Value r = events_emit(vm, emitter, n, argc, argv);
  vm_handle_reset(vm, mark);
  return r;
}

/* Node's ERR_UNHANDLED_ERROR for emit('error', value) where value is not an Error:
 * "Unhandled error. (<inspect(value)>)", with the value as its `context`. */
static Value throw_unhandled(VM *vm, Value value) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  Value shown = vm_handle_push(vm, inspect_value(vm, value, &opts));
  if (value_is_exception(shown)) return shown;
  StrBuf sb = {0};
  sb_puts(&sb, "Unhandled error. (");
  sb_put_js(&sb, shown);
  sb_putc(&sb, ')');
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  if (value_is_exception(message)) return message;
  Value e = vm_handle_push(vm, node_error_new(vm, ERR_ERROR, "ERR_UNHANDLED_ERROR", message));
  vm_define_str(vm, e, "context", value, VM_ATTR_DEFAULT);
  return node_throw_from(vm, e, ORIGIN_UNHANDLED);
}

/* emit('error', err) with no listener throws err, as Node's EventEmitter does. */
static Value events_emit_native(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 1) return VALUE_FALSE;
  Value r = events_emit(vm, this_value, argv[0], argc - 1, argv + 1);
  if (r != VALUE_FALSE || !value_is_string(argv[0])) return r;
  char *name = vm_to_utf8(vm, argv[0], NULL);
  bool is_error = strcmp(name, "error") == 0;
  free(name);
  if (!is_error) return r;
  if (argc > 1 && vm_is_error(argv[1])) return vm_throw(vm, argv[1]);
  return throw_unhandled(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED);
}

static Value events_listener_count(VM *vm, Value this_value, int argc, Value *argv) {
  Value list = listeners(vm, this_value, argc > 0 ? argv[0] : VALUE_UNDEFINED, false);
  if (value_is_exception(list)) return list;
  return value_from_number(vm_is_array(list) ? vm_array_length(list) : 0);
}

/* ==== EventEmitter ==== */

/* new EventEmitter(): an object whose prototype carries the methods below. */
static Value event_emitter(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm);
  /* A call, EventEmitter.call(this) in an old-style subclass: node's init reads
   * this._events; tinynode makes the listeners lazily, so there is nothing more to do. */
  if (value_is_undefined(target) && value_is_nullish(this_value))
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading '_events')",
                          value_is_null(this_value) ? "null" : "undefined");
  if (value_is_undefined(target)) return VALUE_UNDEFINED;
  Value proto = vm_get_str(vm, target, "prototype");
  if (value_is_exception(proto)) return proto;
  return vm_object_with_proto(vm, value_is_object(proto) ? proto : VALUE_NULL);
}

/* In Node's order; on and off are the very functions addListener and removeListener. */
static const VMPropDef emitter_methods[] = {
    VM_FN_ENUM("emit", events_emit_native, 1),
    VM_FN_ENUM("addListener", events_on, 2),
    VM_ALIAS("on", "addListener", VM_ATTR_DEFAULT),
    VM_FN_ENUM("once", events_once, 2),
    VM_FN_ENUM("removeListener", events_off, 2),
    VM_ALIAS("off", "removeListener", VM_ATTR_DEFAULT),
    VM_FN_ENUM("listenerCount", events_listener_count, 2),
    VM_PROPS_END,
};

static const VMPropDef event_emitter_class = VM_FUNCTION_CONSTRUCTOR(
    "EventEmitter", event_emitter, 1, 0, INTRINSIC_EVENT_EMITTER_PROTOTYPE, NULL, emitter_methods);

/* EventEmitter, made once per realm. require('events') is the constructor itself, and
 * EventEmitter.EventEmitter too. */
static Value event_emitter_constructor(VM *vm) {
  Value ctor = vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER);
  if (value_is_object(ctor)) return ctor;
  ctor = vm_handle_push(vm, vm_prop_value(vm, &event_emitter_class));
  vm_set_intrinsic(vm, INTRINSIC_EVENT_EMITTER, ctor);
  vm_define_str(vm, ctor, "EventEmitter", ctor, VM_ATTR_DEFAULT);
  return ctor;
}

Value events_prototype(VM *vm) {
  event_emitter_constructor(vm);
  return vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER_PROTOTYPE);
}

Value events_module_create(Host *host) { return event_emitter_constructor(host_vm(host)); }

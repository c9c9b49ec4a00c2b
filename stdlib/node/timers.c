/* timers.c - setTimeout, setInterval, setImmediate and their clear* twins.
 * Book: chapter 8, "The event loop".
 *
 * A Timeout is a JavaScript object whose native part (a Timer) names the loop's
 * timer. The callback and its arguments live on the object (as Node keeps them,
 * in _onTimeout and _timerArgs), and the object is pinned while the timer is
 * active, so the collector keeps everything a pending timer needs. The object also
 * carries node's other fields (_idleTimeout, _repeat, _destroyed, [Symbol(refed)]...),
 * kept current at every change, so that it prints as node's does.
 */
#include <math.h>
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/ecma.h"
#include "stdlib/node/internal.h"

#define TIMEOUT_MAX 2147483647.0 /* 2**31 - 1 ms, as in Node */

typedef struct Timer {
  Host *host;
  TimerId id;         /* 0 once it fired (one-shot) or was cleared */
  ImmediateId immediate;
  int32_t pin;        /* the Timeout object, while the timer is active; -1 otherwise */
  bool repeat;
  bool refed;         /* what hasRef says: node's kRefed, kept after the timer is done */
  bool known;         /* +timeout was taken: clearTimeout(id) finds it (node's kHasPrimitive) */
  double delay;       /* the delay after node's coercion, in ms (a Timeout's _idleTimeout) */
  double async_id;    /* what +timeout gives */
} Timer;

/* The next handle's id: node's async ids count every async resource; ours count handles.
 * running_id: the id of the handle whose callback runs (1, the main script's, otherwise):
 * a handle made meanwhile records it as its trigger. */
typedef struct TimersState {
  double next_id;
  double running_id;
} TimersState;

static void timers_state_init(void *state) {
  ((TimersState *)state)->next_id = 2;
  ((TimersState *)state)->running_id = 1;
}
static const VMStateType timers_state_type = {"timers", sizeof(TimersState), timers_state_init,
                                              NULL};

/* A fresh Timer for the current host, with its id. */
static Timer *timer_new(VM *vm, bool repeat) {
  Timer *t = mem_calloc(1, sizeof *t);
  t->host = host_of(vm);
  t->repeat = repeat;
  t->refed = true;
  t->async_id = ((TimersState *)vm_state(vm, &timers_state_type))->next_id++;
  return t;
}

//> stdlib.timer-class
/* A Timer holds no Values (the callback is a property), so there is nothing to trace. */
static void timer_finalize(void *data) { free(data); }
static const VMClassDef timeout_class = {"Timeout", NULL, timer_finalize};
static const VMClassDef immediate_class = {"Immediate", NULL, timer_finalize};
//< stdlib.timer-class

/* ==== The fields node's handles show ====
 *
 * Node's Timeout and Immediate are plain objects of lib/internal/timers.js; programs and
 * console.log see their fields. Ours are data properties set as node sets them; the
 * Timer stays the truth the loop acts on. _idlePrev and _idleNext, node's links in its
 * list of timers of one duration, point at a stand-in TimersList while the timer is
 * active (node's would be the neighbouring Timeout when two share a duration). */

/* What the realm's slot INTRINSIC_TIMERS_BY_ID holds, made with the first handle. */
enum { BY_ID, SYM_REFED, SYM_HAS_PRIMITIVE, SYM_ASYNC_ID, SYM_TRIGGER_ID, TIMERS_LIST };

/* An object of a class named TimersList, linked to itself as an empty list of node's is:
 * inspect prints it as [TimersList] where it goes deeper than depth. */
static Value timers_list_new(VM *vm) {
  Value ctor = vm_handle_push(vm, vm_native_new(vm, "TimersList", node_illegal_constructor, 2));
  Value proto = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, proto, "constructor", ctor, VM_ATTR_HIDDEN);
  vm_define_str(vm, ctor, "prototype", proto, 0);
  Value list = vm_handle_push(vm, vm_object_with_proto(vm, proto));
  vm_define_str(vm, list, "_idleNext", list, VM_ATTR_DEFAULT);
  vm_define_str(vm, list, "_idlePrev", list, VM_ATTR_DEFAULT);
  return list;
}

static Value timeout_inspect(VM *vm, Value this_value, int argc, Value *argv);

/* Timeout.prototype[util.inspect.custom], made with the first Timeout (not at start-up). */
static void define_timeout_inspect(VM *vm) {
  Value key = vm_handle_push(vm, vm_string(vm, "nodejs.util.inspect.custom"));
  Value fn = vm_handle_push(vm, vm_native_new(vm, "[nodejs.util.inspect.custom]", timeout_inspect, 2));
  PropertyDescriptor d = {.value = fn, .has_value = true, .has_writable = true, .writable = true,
                          .has_configurable = true, .configurable = true, .has_enumerable = true};
  vm_define_property(vm, vm_intrinsic(vm, INTRINSIC_TIMEOUT_PROTOTYPE),
                     vm_handle_push(vm, builtins_symbol_for(vm, key)), &d);
}

static Value clear_timer(VM *vm, Value this_value, int argc, Value *argv);

/* [Symbol.dispose]() of a Timeout or an Immediate: clears it, as node 20's does. */
static Value timer_dispose(VM *vm, Value this_value, int argc, Value *argv) {
  return clear_timer(vm, VALUE_UNDEFINED, 1, &this_value);
}

/* Both prototypes' [Symbol.dispose], anonymous and enumerable as node's, made with the
 * first Timeout or Immediate. */
static void define_dispose(VM *vm) {
  Value key = vm_handle_push(vm, builtins_symbol_for(vm, vm_string(vm, "nodejs.dispose")));
  Value fn = vm_handle_push(vm, vm_native_new(vm, "", timer_dispose, 0));
  PropertyDescriptor d = {.value = fn, .has_value = true, .has_writable = true, .writable = true,
                          .has_configurable = true, .configurable = true, .has_enumerable = true,
                          .enumerable = true};
  vm_define_property(vm, vm_intrinsic(vm, INTRINSIC_TIMEOUT_PROTOTYPE), key, &d);
  vm_define_property(vm, vm_intrinsic(vm, INTRINSIC_IMMEDIATE_PROTOTYPE), key, &d);
}

/* The realm's [the Timeouts whose id was taken, by id (node's knownTimersById), and the
 * symbols refed, kHasPrimitive, asyncId, triggerId, and the TimersList]. */
static Value timer_fields(VM *vm) {
  Value fields = vm_intrinsic(vm, INTRINSIC_TIMERS_BY_ID);
  if (vm_is_array(fields)) return fields;
  static const char *const names[] = {"refed", "kHasPrimitive", "asyncId", "triggerId"};
  fields = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, fields, vm_object_with_proto(vm, VALUE_NULL));
  for (int i = 0; i < TIMERS_LIST - SYM_REFED; i++)
    vm_array_push(vm, fields, vm_symbol_new(vm, vm_handle_push(vm, vm_string(vm, names[i]))));
  vm_array_push(vm, fields, timers_list_new(vm));
  vm_set_intrinsic(vm, INTRINSIC_TIMERS_BY_ID, fields);
  define_timeout_inspect(vm);
  define_dispose(vm);
  return fields;
}

static Value timer_field(VM *vm, int which) { return vm_array_get(vm, timer_fields(vm), which); }

static Value timers_by_id(VM *vm) { return timer_field(vm, BY_ID); }

/* self.name = v, as node's own code assigns (a frozen handle keeps its old value). */
static void set_field(VM *vm, Value self, const char *name, Value v) {
  if (value_is_exception(vm_set_str(vm, self, name, v))) vm_take_exception(vm);
}

static void set_symbol_field(VM *vm, Value self, int which, Value v) {
  if (value_is_exception(vm_set(vm, self, timer_field(vm, which), v))) vm_take_exception(vm);
}

/* A Timeout's fields when it is armed (again): in its list since the loop's now. */
static void timeout_armed(VM *vm, Value self) {
  Value list = timer_field(vm, TIMERS_LIST);
  set_field(vm, self, "_idlePrev", list);
  set_field(vm, self, "_idleNext", list);
  set_field(vm, self, "_idleStart", value_from_number(floor(usage_elapsed_ms(vm))));
}

/* Out of its list: fired (or firing), or cleared (cleared also drops the callback). */
static void timeout_unlinked(VM *vm, Value self, bool cleared) {
  set_field(vm, self, "_idlePrev", VALUE_NULL);
  set_field(vm, self, "_idleNext", VALUE_NULL);
  if (!cleared) return;
  set_field(vm, self, "_idleTimeout", value_from_number(-1));
  set_field(vm, self, "_onTimeout", VALUE_NULL);
  set_field(vm, self, "_destroyed", VALUE_TRUE);
}

/* An Immediate that ran or was cleared: node drops its callback and its kRefed. */
static void immediate_done(VM *vm, Value self) {
  set_field(vm, self, "_onImmediate", VALUE_NULL);
  set_field(vm, self, "_destroyed", VALUE_TRUE);
  set_symbol_field(vm, self, SYM_REFED, VALUE_NULL);
}

/* Timeout.prototype[util.inspect.custom]: the Timeout itself at depth 0, as node prints
 * it (its list shows as [TimersList]). argv: depth, options, inspect. */
static Value timeout_inspect(VM *vm, Value this_value, int argc, Value *argv) {
  Value options = argc > 1 && value_is_object(argv[1]) ? argv[1] : VALUE_UNDEFINED;
  Value inspect = argc > 2 ? argv[2] : VALUE_UNDEFINED;
  Value copy = vm_handle_push(vm, vm_object_new(vm));
  Value keys = vm_handle_push(vm, value_is_object(options) ? vm_own_keys(vm, options) : vm_array_new(vm));
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get(vm, keys, i), v = vm_get(vm, options, key);
    if (value_is_exception(v) || value_is_exception(vm_set(vm, copy, key, v))) return VALUE_EXCEPTION;
  }
  vm_set_str(vm, copy, "depth", value_from_number(0));
  vm_set_str(vm, copy, "customInspect", VALUE_FALSE);
  if (!vm_is_callable(inspect)) return VALUE_UNDEFINED;
  Value args[2] = {this_value, copy};
  return vm_call(vm, inspect, VALUE_UNDEFINED, 2, args);
}

static void forget_id(VM *vm, Timer *t) {
  if (!t->known) return;
  t->known = false;
  vm_delete_property(vm, timers_by_id(vm), value_from_number(t->async_id));
}

static void timer_release(Timer *t) {
  forget_id(host_vm(t->host), t);
  if (t->pin >= 0) vm_unpin(host_vm(t->host), t->pin);
  t->pin = -1;
  t->id = 0;
  t->immediate = 0;
}

//> stdlib.timer-fire
/* The loop calls this when a timer is due: run the callback with `this` = the Timeout. */
static void timer_fire(Loop *loop, void *data) {
  Timer *t = data;
  VM *vm = host_vm(t->host);
  Value self = vm_handle_push(vm, vm_pinned(vm, t->pin));
  bool repeat = t->repeat;
  if (!repeat) timer_release(t); /* clearTimeout inside the callback is then a no-op */
  Value fn = vm_handle_push(vm, vm_get_str(vm, self, "_onTimeout"));
  Value args = vm_handle_push(vm, vm_get_str(vm, self, "_timerArgs"));
  TimersState *state = vm_state(vm, &timers_state_type);
  state->running_id = t->async_id;
  timeout_unlinked(vm, self, false);
  host_call_array(t->host, fn, self, args); /* the loop drops our handles afterwards */
  state->running_id = 1;
  if (repeat && t->id) timeout_armed(vm, self); /* an interval not cleared in its callback */
  else if (!repeat) set_field(vm, self, "_destroyed", VALUE_TRUE);
}
//< stdlib.timer-fire

/* Node's delay rule: not a number in [1, 2**31-1] means 1 ms. */
static uint64_t coerce_delay(VM *vm, int argc, Value *argv) {
  double d = argc > 1 && value_is_number(argv[1]) ? value_to_number(argv[1]) : 1;
  if (argc > 1 && !value_is_number(argv[1]) && !value_is_undefined(argv[1])) {
    Value n = vm_to_number(vm, argv[1]);
    d = value_is_exception(n) ? (vm_take_exception(vm), 1) : value_to_number(n);
  }
  if (d > TIMEOUT_MAX) {
    char buf[32], text[96];
    snprintf(text, sizeof text, "%s does not fit into a 32-bit signed integer.\n"
             "Timeout duration was set to 1.", vm_number_to_cstr(d, buf));
    node_emit_warning(vm, text, "TimeoutOverflowWarning", NULL);
  }
  if (!(d >= 1 && d <= TIMEOUT_MAX)) d = 1;
  return (uint64_t)d;
}

/* A new handle's own enumerable field, in node's order. */
static void field(VM *vm, Value self, const char *name, Value v) {
  vm_define_str(vm, self, name, v, VM_ATTR_DEFAULT);
}

/* A symbol-keyed one (node's kRefed, kHasPrimitive, async_id_symbol, trigger_async_id_symbol). */
static void symbol_field(VM *vm, Value self, Value key, Value v) {
  PropertyDescriptor d = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                          .has_enumerable = true, .enumerable = true, .has_configurable = true,
                          .configurable = true};
  vm_define_property(vm, self, key, &d);
}

/* The Timeout or Immediate object (its prototype the realm's intrinsic proto) that holds
 * callback, arguments and the Timer. */
static Value make_handle(VM *vm, const VMClassDef *cls, int proto, Timer *t, int argc, Value *argv,
                         int first_arg) {
  Value self = vm_handle_push(vm, vm_host_new(vm, cls, t, vm_intrinsic(vm, proto)));
  Value args = VALUE_UNDEFINED; /* node keeps an array only when there are arguments */
  if (argc > first_arg) args = vm_handle_push(vm, vm_array_new(vm));
  for (int i = first_arg; i < argc; i++) vm_array_push(vm, args, argv[i]);
  Value fields = timer_fields(vm), list = vm_array_get(vm, fields, TIMERS_LIST);
  if (cls == &timeout_class) {
    field(vm, self, "_idleTimeout", value_from_number(t->delay));
    field(vm, self, "_idlePrev", list);
    field(vm, self, "_idleNext", list);
    field(vm, self, "_idleStart", value_from_number(floor(usage_elapsed_ms(vm))));
    field(vm, self, "_onTimeout", argv[0]);
    field(vm, self, "_timerArgs", args);
    field(vm, self, "_repeat", t->repeat ? value_from_number(t->delay) : VALUE_NULL);
  } else {
    field(vm, self, "_idleNext", VALUE_NULL);
    field(vm, self, "_idlePrev", VALUE_NULL);
    field(vm, self, "_onImmediate", argv[0]);
    field(vm, self, "_argv", args);
  }
  field(vm, self, "_destroyed", VALUE_FALSE);
  symbol_field(vm, self, vm_array_get(vm, fields, SYM_REFED), VALUE_TRUE);
  if (cls == &timeout_class)
    symbol_field(vm, self, vm_array_get(vm, fields, SYM_HAS_PRIMITIVE), VALUE_FALSE);
  symbol_field(vm, self, vm_array_get(vm, fields, SYM_ASYNC_ID), value_from_number(t->async_id));
  TimersState *state = vm_state(vm, &timers_state_type);
  Value trigger = value_from_number(state->running_id);
  symbol_field(vm, self, vm_array_get(vm, fields, SYM_TRIGGER_ID), trigger);
  t->pin = vm_pin(vm, self);
  return self;
}

/* setTimeout(callback, delay, ...args) or setInterval: the Timeout, or an exception. */
Value timers_start(VM *vm, bool repeat, int argc, Value *argv) {
  if (!node_validate_function(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, "callback"))
    return VALUE_EXCEPTION;
  uint64_t delay = coerce_delay(vm, argc, argv);
  Timer *t = timer_new(vm, repeat);
  t->delay = (double)delay;
  Value self = make_handle(vm, &timeout_class, INTRINSIC_TIMEOUT_PROTOTYPE, t, argc, argv, 2);
  t->id = loop_timer_start(host_loop(t->host), delay, repeat ? delay : 0, timer_fire, t);
  return self;
}

/* setTimeout (magic 0) and setInterval (magic 1). */
static Value set_timer(VM *vm, Value this_value, int argc, Value *argv) {
  return timers_start(vm, vm_native_magic(vm), argc, argv);
}


/* An Immediate that ran (or was cleared) no longer says hasRef, unlike a Timeout. */
static void immediate_fire(Loop *loop, void *data) {
  Timer *t = data;
  VM *vm = host_vm(t->host);
  t->refed = false;
  Value self = vm_handle_push(vm, vm_pinned(vm, t->pin));
  timer_release(t);
  set_field(vm, self, "_destroyed", VALUE_TRUE);
  set_symbol_field(vm, self, SYM_REFED, VALUE_NULL);
  Value fn = vm_handle_push(vm, vm_get_str(vm, self, "_onImmediate"));
  Value args = vm_handle_push(vm, vm_get_str(vm, self, "_argv"));
  TimersState *state = vm_state(vm, &timers_state_type);
  state->running_id = t->async_id;
  host_call_array(t->host, fn, self, args);
  state->running_id = 1;
  set_field(vm, self, "_onImmediate", VALUE_NULL);
}

static Value set_immediate(VM *vm, Value this_value, int argc, Value *argv) {
  if (!node_validate_function(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, "callback"))
    return VALUE_EXCEPTION;
  Timer *t = timer_new(vm, false);
  Value self = make_handle(vm, &immediate_class, INTRINSIC_IMMEDIATE_PROTOTYPE, t, argc, argv, 1);
  t->immediate = loop_immediate(host_loop(t->host), immediate_fire, t);
  return self;
}

Value timers_start_immediate(VM *vm, int argc, Value *argv) {
  return set_immediate(vm, VALUE_UNDEFINED, argc, argv);
}

/* clearTimeout(timeout), or (id): a number or string that +timeout gave. */
static Value clear_timer(VM *vm, Value this_value, int argc, Value *argv) {
  Value handle = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (value_is_number(handle) || value_is_string(handle)) {
    handle = vm_get(vm, timers_by_id(vm), handle);
    if (value_is_exception(handle)) return handle;
  }
  Timer *t = vm_host_data(vm, handle, &timeout_class);
  if (t) timeout_unlinked(vm, handle, true);
  if (!t && (t = vm_host_data(vm, handle, &immediate_class))) {
    t->refed = false;
    immediate_done(vm, handle);
  }
  if (!t) return VALUE_UNDEFINED;
  if (t->id) loop_timer_stop(host_loop(t->host), t->id);
  if (t->immediate) loop_immediate_cancel(host_loop(t->host), t->immediate);
  timer_release(t);
  return VALUE_UNDEFINED;
}

/* ==== Timeout.prototype ==== */

/* The methods' magic: 1 on Timeout.prototype, 0 on Immediate.prototype. */
#define ON_TIMEOUT 1

static Timer *this_timer(VM *vm, Value this_value) {
  Timer *t = vm_host_data(vm, this_value, &timeout_class);
  return t ? t : vm_host_data(vm, this_value, &immediate_class);
}

/* node's methods read this[kRefed] first: on a non-handle they fail (or not) as that
 * JavaScript does. Returns false with the TypeError pending. */
static bool check_receiver(VM *vm, Value this_value) {
  if (!value_is_nullish(this_value)) return true;
  vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading 'Symbol(refed)')",
                 value_is_null(this_value) ? "null" : "undefined");
  return false;
}

/* Timeout's ref stores this[kRefed] = true, which a primitive receiver refuses. */
static Value refuse_primitive(VM *vm, Value this_value) {
  bool symbol = value_is_symbol(this_value);
  Value shown = symbol ? vm_string(vm, "Symbol") : vm_to_string(vm, this_value);
  if (value_is_exception(shown)) return shown;
  vm_handle_push(vm, shown);
  StrBuf sb = {0};
  sb_puts(&sb, "Cannot create property 'Symbol(refed)' on ");
  sb_put_js(&sb, vm_handle_push(vm, vm_typeof(vm, this_value)));
  sb_puts(&sb, " '");
  sb_put_js(&sb, shown);
  if (symbol) {
    Value desc = vm_symbol_description(this_value);
    sb_putc(&sb, '(');
    if (value_is_string(desc)) sb_put_js(&sb, desc);
    sb_putc(&sb, ')');
  }
  sb_putc(&sb, '\'');
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  if (value_is_exception(message)) return message;
  return vm_throw(vm, vm_make_error(vm, ERR_TYPE, message));
}

static Value timeout_ref(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_receiver(vm, this_value)) return VALUE_EXCEPTION;
  Timer *t = this_timer(vm, this_value);
  if (!t && vm_native_magic(vm) == ON_TIMEOUT && !value_is_object(this_value))
    return refuse_primitive(vm, this_value);
  if (t) t->refed = true;
  if (t) set_symbol_field(vm, this_value, SYM_REFED, VALUE_TRUE);
  if (t && t->id) loop_timer_ref(host_loop(t->host), t->id);
  if (t && t->immediate) loop_immediate_ref(host_loop(t->host), t->immediate);
  return this_value;
}

static Value timeout_unref(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_receiver(vm, this_value)) return VALUE_EXCEPTION;
  Timer *t = this_timer(vm, this_value);
  if (t) t->refed = false;
  if (t) set_symbol_field(vm, this_value, SYM_REFED, VALUE_FALSE);
  if (t && t->id) loop_timer_unref(host_loop(t->host), t->id);
  if (t && t->immediate) loop_immediate_unref(host_loop(t->host), t->immediate);
  return this_value;
}

/* hasRef on something that is not a handle: Timeout's reads undefined, Immediate's false. */
static Value timeout_has_ref(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_receiver(vm, this_value)) return VALUE_EXCEPTION;
  Timer *t = this_timer(vm, this_value);
  if (!t && vm_native_magic(vm) == ON_TIMEOUT) return VALUE_UNDEFINED;
  return value_from_bool(t && t->refed);
}

static Value timeout_refresh(VM *vm, Value this_value, int argc, Value *argv) {
  if (!check_receiver(vm, this_value)) return VALUE_EXCEPTION;
  Timer *t = this_timer(vm, this_value);
  if (t && t->id && loop_timer_again(host_loop(t->host), t->id)) timeout_armed(vm, this_value);
  return this_value;
}

/* close(): clearTimeout(this), then this. */
static Value timeout_close(VM *vm, Value this_value, int argc, Value *argv) {
  Value r = clear_timer(vm, VALUE_UNDEFINED, 1, &this_value);
  return value_is_exception(r) ? r : this_value;
}

/* [Symbol.toPrimitive](): the id, which clearTimeout accepts from then on. */
static Value timeout_to_primitive(VM *vm, Value this_value, int argc, Value *argv) {
  Timer *t = vm_host_data(vm, this_value, &timeout_class);
  if (!t) return VALUE_UNDEFINED; /* node reads this[async_id_symbol] */
  if (!t->known && t->pin >= 0) {
    t->known = true;
    vm_set(vm, timers_by_id(vm), value_from_number(t->async_id), this_value);
    set_symbol_field(vm, this_value, SYM_HAS_PRIMITIVE, VALUE_TRUE);
  }
  return value_from_number(t->async_id);
}

void timers_unref(VM *vm, Value handle) {
  timeout_unref(vm, handle, 0, NULL);
}

/* ==== Installing ==== */

/* Node's order (node also has [inspect.custom] and [Symbol.dispose], which tinynode's
 * inspect and language do not use). */
static const VMPropDef timeout_methods[] = {
    VM_FN_MAGIC("refresh", timeout_refresh, 0, ON_TIMEOUT),
    VM_FN_MAGIC("unref", timeout_unref, 0, ON_TIMEOUT),
    VM_FN_MAGIC("ref", timeout_ref, 0, ON_TIMEOUT),
    VM_FN_MAGIC("hasRef", timeout_has_ref, 0, ON_TIMEOUT),
    VM_FN("close", timeout_close, 0),
    VM_SYM_FN(VM_SYMBOL_TO_PRIMITIVE, timeout_to_primitive, 0, VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

static const VMPropDef immediate_methods[] = {
    VM_FN("ref", timeout_ref, 0),
    VM_FN("unref", timeout_unref, 0),
    VM_FN("hasRef", timeout_has_ref, 0),
    VM_PROPS_END,
};

/* The classes of the handles. Nothing binds the constructors: a script meets them only as
 * the handles' prototype.constructor. */
static const VMPropDef timer_classes[] = {
    VM_CONSTRUCTOR("Timeout", node_illegal_constructor, 5, 0, INTRINSIC_TIMEOUT_PROTOTYPE, NULL,
                   timeout_methods),
    VM_CONSTRUCTOR("Immediate", node_illegal_constructor, 2, 0, INTRINSIC_IMMEDIATE_PROTOTYPE, NULL,
                   immediate_methods),
    VM_PROPS_END,
};

/* Globals, enumerable as in Node, in Node's order. */
static const VMPropDef timer_globals[] = {
    VM_FN_ENUM("clearImmediate", clear_timer, 1),
    VM_FN_ENUM("setImmediate", set_immediate, 4),
    VM_FN_ENUM("clearInterval", clear_timer, 1),
    VM_FN_ENUM("clearTimeout", clear_timer, 1),
    VM_METHOD("setInterval", set_timer, 5, true, VM_ATTR_DEFAULT),
    VM_METHOD("setTimeout", set_timer, 5, false, VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

/* The getter of setTimeout's and setImmediate's [util.promisify.custom] (magic 0, 1):
 * require('timers/promises')'s function of the same name, as util.promisify finds it. */
static Value promisified_timer(VM *vm, Value this_value, int argc, Value *argv) {
  Value promises = host_require_builtin(host_of(vm), "timers/promises");
  if (value_is_exception(promises)) return promises;
  return vm_get_str(vm, promises, vm_native_magic(vm) ? "setImmediate" : "setTimeout");
}

/* Defines the global function name's [util.promisify.custom] getter, as node's (enumerable,
 * not configurable). */
static void define_promisified(VM *vm, const char *name, int magic) {
  int mark = vm_handle_mark(vm);
  Value key = vm_handle_push(vm, vm_string(vm, "nodejs.util.promisify.custom"));
  key = vm_handle_push(vm, builtins_symbol_for(vm, key));
  Value get = vm_handle_push(vm, vm_native_new(vm, "get", promisified_timer, 0));
  vm_native_set_magic(get, magic);
  PropertyDescriptor d = {.getter = get, .has_getter = true, .setter = VALUE_UNDEFINED,
                          .has_setter = true, .has_configurable = true, .has_enumerable = true,
                          .enumerable = true};
  vm_define_property(vm, vm_get_str(vm, vm_global(vm), name), key, &d);
  vm_handle_reset(vm, mark);
}

void timers_install(Host *host) {
  VM *vm = host_vm(host);
  vm_class_register(vm, &timeout_class);
  vm_class_register(vm, &immediate_class);
  for (const VMPropDef *row = timer_classes; row->kind != VM_PROP_END; row++)
    vm_prop_value(vm, row); /* reachable from then on as their prototypes' constructor */
  vm_define_props(vm, vm_global(vm), timer_globals);
  define_promisified(vm, "setTimeout", 0);
  define_promisified(vm, "setImmediate", 1);
}

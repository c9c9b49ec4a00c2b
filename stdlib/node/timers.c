/* timers.c - setTimeout, setInterval, setImmediate and their clear* twins.
 * Book: chapter 8, "The event loop".
 *
 * A Timeout is a JavaScript object whose native part (a Timer) names the loop's
 * timer. The callback and its arguments live on the object (as Node keeps them,
 * in _onTimeout and _timerArgs), and the object is pinned while the timer is
 * active, so the collector keeps everything a pending timer needs.
 */
#include <math.h>
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

#define TIMEOUT_MAX 2147483647.0 /* 2**31 - 1 ms, as in Node */

typedef struct Timer {
  Host *host;
  TimerId id;         /* 0 once it fired (one-shot) or was cleared */
  ImmediateId immediate;
  int32_t pin;        /* the Timeout object, while the timer is active; -1 otherwise */
  bool repeat;
} Timer;

static void timer_finalize(void *data) { free(data); }
static const HostClass timeout_class = {"Timeout", NULL, timer_finalize};
static const HostClass immediate_class = {"Immediate", NULL, timer_finalize};

static void timer_release(Timer *t) {
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
  if (!t->repeat) timer_release(t); /* clearTimeout inside the callback is then a no-op */
  Value fn = vm_handle_push(vm, vm_get_str(vm, self, "_onTimeout"));
  Value args = vm_handle_push(vm, vm_get_str(vm, self, "_timerArgs"));
  host_call_array(t->host, fn, self, args); /* the loop drops our handles afterwards */
}
//< stdlib.timer-fire

/* Node's delay rule: not a number in [1, 2**31-1] means 1 ms. */
static uint64_t coerce_delay(VM *vm, int argc, Value *argv) {
  double d = argc > 1 && value_is_number(argv[1]) ? value_to_number(argv[1]) : 1;
  if (argc > 1 && !value_is_number(argv[1]) && !value_is_undefined(argv[1])) {
    Value n = vm_to_number(vm, argv[1]);
    d = value_is_exception(n) ? (vm_take_exception(vm), 1) : value_to_number(n);
  }
  if (!(d >= 1 && d <= TIMEOUT_MAX)) d = 1;
  return (uint64_t)d;
}

/* The Timeout or Immediate object that holds callback, arguments and the Timer. */
static Value make_handle(VM *vm, const HostClass *cls, Timer *t, int argc, Value *argv, int first_arg) {
  Value proto = vm_get_str(vm, vm_native_data(vm), "prototype");
  Value self = vm_handle_push(vm, vm_host_new(vm, cls, t, proto));
  Value args = vm_handle_push(vm, vm_array_new(vm));
  for (int i = first_arg; i < argc; i++) vm_array_push(vm, args, argv[i]);
  vm_define_str(vm, self, "_onTimeout", argv[0], VM_ATTR_HIDDEN);
  vm_define_str(vm, self, "_timerArgs", args, VM_ATTR_HIDDEN);
  t->pin = vm_pin(vm, self);
  return self;
}

static Value start_timer(VM *vm, int argc, Value *argv, bool repeat) {
  if (argc < 1 || !vm_is_callable(argv[0]))
    return vm_throw_error(vm, ERR_TYPE, "The \"callback\" argument must be of type function.");
  Timer *t = mem_calloc(1, sizeof *t);
  t->host = host_of(vm);
  t->repeat = repeat;
  uint64_t delay = coerce_delay(vm, argc, argv);
  Value self = make_handle(vm, &timeout_class, t, argc, argv, 2);
  t->id = loop_timer_start(host_loop(t->host), delay, repeat ? delay : 0, timer_fire, t);
  return self;
}

static Value set_timeout(VM *vm, Value this_value, int argc, Value *argv) {
  return start_timer(vm, argc, argv, false);
}

static Value set_interval(VM *vm, Value this_value, int argc, Value *argv) {
  return start_timer(vm, argc, argv, true);
}

static void immediate_fire(Loop *loop, void *data) {
  Timer *t = data;
  t->repeat = false;
  timer_fire(loop, data);
}

static Value set_immediate(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 1 || !vm_is_callable(argv[0]))
    return vm_throw_error(vm, ERR_TYPE, "The \"callback\" argument must be of type function.");
  Timer *t = mem_calloc(1, sizeof *t);
  t->host = host_of(vm);
  Value self = make_handle(vm, &immediate_class, t, argc, argv, 1);
  t->immediate = loop_immediate(host_loop(t->host), immediate_fire, t);
  return self;
}

static Value clear_timer(VM *vm, Value this_value, int argc, Value *argv) {
  Timer *t = argc > 0 ? vm_host_data(argv[0], &timeout_class) : NULL;
  if (!t && argc > 0) t = vm_host_data(argv[0], &immediate_class);
  if (!t) return VALUE_UNDEFINED;
  if (t->id) loop_timer_stop(host_loop(t->host), t->id);
  if (t->immediate) loop_immediate_cancel(host_loop(t->host), t->immediate);
  timer_release(t);
  return VALUE_UNDEFINED;
}

/* ==== Timeout.prototype ==== */

static Timer *this_timer(Value this_value) {
  Timer *t = vm_host_data(this_value, &timeout_class);
  return t ? t : vm_host_data(this_value, &immediate_class);
}

static Value timeout_ref(VM *vm, Value this_value, int argc, Value *argv) {
  Timer *t = this_timer(this_value);
  if (t && t->id) loop_timer_ref(host_loop(t->host), t->id);
  if (t && t->immediate) loop_immediate_ref(host_loop(t->host), t->immediate);
  return this_value;
}

static Value timeout_unref(VM *vm, Value this_value, int argc, Value *argv) {
  Timer *t = this_timer(this_value);
  if (t && t->id) loop_timer_unref(host_loop(t->host), t->id);
  if (t && t->immediate) loop_immediate_unref(host_loop(t->host), t->immediate);
  return this_value;
}

static Value timeout_has_ref(VM *vm, Value this_value, int argc, Value *argv) {
  Timer *t = this_timer(this_value);
  return value_from_bool(t && t->id && loop_timer_has_ref(host_loop(t->host), t->id));
}

static Value timeout_refresh(VM *vm, Value this_value, int argc, Value *argv) {
  Timer *t = this_timer(this_value);
  if (t && t->id) loop_timer_again(host_loop(t->host), t->id);
  return this_value;
}

/* A constructor-like function whose `prototype` holds the methods of its handles. */
static void install_setter(VM *vm, const char *name, NativeFn fn, const char *class_name) {
  Value proto = vm_handle_push(vm, vm_object_new(vm));
  Value ctor = vm_handle_push(vm, vm_native_new(vm, class_name, node_illegal_constructor, 0));
  vm_define_str(vm, proto, "constructor", ctor, VM_ATTR_HIDDEN);
  vm_define_method(vm, proto, "ref", timeout_ref, 0);
  vm_define_method(vm, proto, "unref", timeout_unref, 0);
  vm_define_method(vm, proto, "hasRef", timeout_has_ref, 0);
  vm_define_method(vm, proto, "refresh", timeout_refresh, 0);
  Value holder = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, holder, "prototype", proto, VM_ATTR_HIDDEN);
  Value f = vm_handle_push(vm, vm_native_with_data(vm, name, fn, 1, holder));
  vm_define_str(vm, vm_global(vm), name, f, VM_ATTR_HIDDEN);
}

void timers_install(Host *host) {
  VM *vm = host_vm(host);
  install_setter(vm, "setTimeout", set_timeout, "Timeout");
  install_setter(vm, "setInterval", set_interval, "Timeout");
  install_setter(vm, "setImmediate", set_immediate, "Immediate");
  vm_define_method(vm, vm_global(vm), "clearTimeout", clear_timer, 1);
  vm_define_method(vm, vm_global(vm), "clearInterval", clear_timer, 1);
  vm_define_method(vm, vm_global(vm), "clearImmediate", clear_timer, 1);
}

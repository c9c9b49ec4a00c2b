/* timers_promises.c - require('timers') and require('timers/promises').
 * Book: chapter 8, "The event loop".
 *
 * require('timers') gathers the global timer functions (the same functions) and, as
 * `promises`, the promise module. Its setTimeout(delay, value, options) and
 * setImmediate(value, options) start an ordinary Timeout or Immediate whose callback is
 * a native closure over the promise it resolves; scheduler.wait and scheduler.yield are
 * the same two. Bad arguments reject the promise, as node's do, instead of throwing.
 * setInterval(delay, value, options) is an async generator, as in node: written in
 * JavaScript below (interval_source), compiled once per realm when the module is made.
 * With options.signal, setTimeout and setImmediate are internal/event_target's
 * promisedTimer (JavaScript: the abort listener and node's AbortError); setInterval's
 * generator watches the signal itself.
 */
#include "stdlib/node/internal.h"

/* The callback of a promised timer: resolve data[0] with data[1]. */
static Value settle(VM *vm, Value this_value, int argc, Value *argv) {
  Value pair = vm_native_data(vm);
  vm_promise_resolve(vm, vm_array_get(vm, pair, 0), vm_array_get(vm, pair, 1));
  return VALUE_UNDEFINED;
}

/* validateObject(options), validateAbortSignal(options.signal) and options.ref as a
 * boolean. Returns whether the timer stays referenced, or -1 with node's TypeError
 * pending; *signal is options.signal (rooted). */
static int check_options(VM *vm, Value options, Value *signal) {
  *signal = VALUE_UNDEFINED;
  if (value_is_undefined(options)) return 1;
  if (!value_is_object(options) || vm_is_callable(options))
    return node_throw_arg_type(vm, "options", "of type object", options), -1;
  *signal = vm_handle_push(vm, vm_get_str(vm, options, "signal"));
  Value ref = vm_handle_push(vm, vm_get_str(vm, options, "ref"));
  if (value_is_exception(*signal) || value_is_exception(ref)) return -1;
  Value validate = value_is_undefined(*signal) ? VALUE_UNDEFINED : web_export(vm, "validateAbortSignal");
  Value args[] = {*signal, vm_handle_push(vm, vm_string(vm, "options.signal"))};
  if (!value_is_undefined(validate) &&
      (value_is_exception(validate) || value_is_exception(vm_call(vm, validate, VALUE_UNDEFINED, 2, args))))
    return -1;
  if (!value_is_undefined(ref) && !value_is_bool(ref))
    return node_throw_arg_type(vm, "options.ref", "of type boolean", ref), -1;
  return ref != VALUE_FALSE;
}

/* promisedTimer(immediate, delay, value, signal, ref): the timer the signal can cancel. */
static Value with_signal(VM *vm, bool immediate, Value delay, Value value, Value signal, int refed) {
  Value start = vm_handle_push(vm, web_export(vm, "promisedTimer"));
  if (value_is_exception(start)) return start;
  Value args[] = {value_from_bool(immediate), delay, value, signal, value_from_bool(refed)};
  return vm_call(vm, start, VALUE_UNDEFINED, 5, args);
}

/* The promise for one timer: starts it (magic 0 a Timeout with argv[0] as the delay,
 * 1 an Immediate), resolving with value; a bad option rejects it instead. */
static Value promised(VM *vm, bool immediate, Value delay, Value value, Value options) {
  Value p = vm_handle_push(vm, vm_promise_new(vm, VALUE_UNDEFINED));
  Value signal;
  int refed = check_options(vm, options, &signal);
  if (refed < 0) {
    vm_promise_reject(vm, p, vm_handle_push(vm, vm_take_exception(vm)));
    return p;
  }
  if (!value_is_undefined(signal)) return with_signal(vm, immediate, delay, value, signal, refed);
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, p);
  vm_array_push(vm, pair, value);
  Value argv[] = {vm_handle_push(vm, vm_native_with_data(vm, "", settle, 0, pair)), delay};
  Value handle = immediate ? timers_start_immediate(vm, 1, argv) : timers_start(vm, false, 2, argv);
  if (value_is_exception(handle)) return handle;
  if (!refed) timers_unref(vm, handle);
  return p;
}

/* setTimeout(delay, value, options) */
static Value promise_timeout(VM *vm, Value this_value, int argc, Value *argv) {
  return promised(vm, false, argc > 0 ? argv[0] : VALUE_UNDEFINED,
                  argc > 1 ? argv[1] : VALUE_UNDEFINED, argc > 2 ? argv[2] : VALUE_UNDEFINED);
}

/* setImmediate(value, options) */
static Value promise_immediate(VM *vm, Value this_value, int argc, Value *argv) {
  return promised(vm, true, VALUE_UNDEFINED, argc > 0 ? argv[0] : VALUE_UNDEFINED,
                  argc > 1 ? argv[1] : VALUE_UNDEFINED);
}

/* scheduler.wait(delay, options): setTimeout(delay, undefined, options). */
static Value scheduler_wait(VM *vm, Value this_value, int argc, Value *argv) {
  return promised(vm, false, argc > 0 ? argv[0] : VALUE_UNDEFINED, VALUE_UNDEFINED,
                  argc > 1 ? argv[1] : VALUE_UNDEFINED);
}

/* scheduler.yield(): setImmediate(). */
static Value scheduler_yield(VM *vm, Value this_value, int argc, Value *argv) {
  return promised(vm, true, VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED);
}

/* The body of setInterval's generator: ticks that came while nobody asked are counted
 * and yielded later; a next() that finds none waits for the next tick. The interval is
 * cleared when the loop that reads it stops (return() runs the finally). */
static const char interval_params[] =
    "setInterval, clearInterval, delay, value, ref, problem, signal, aborted";
static const char interval_source[] =
    "if (problem !== undefined) throw problem;\n"
    "if (signal?.aborted) throw aborted(signal);\n"
    "let notYielded = 0, wake, stop = false;\n"
    "const interval = setInterval(() => {\n"
    "  notYielded++;\n"
    "  if (wake) { wake(); wake = undefined; }\n"
    "}, delay);\n"
    "if (!ref) interval.unref();\n"
    "const onAbort = () => { stop = true; if (wake) { wake(); wake = undefined; } };\n"
    "signal?.addEventListener('abort', onAbort, { once: true });\n"
    "try {\n"
    "  for (;;) {\n"
    "    if (notYielded === 0 && !stop) await new Promise((resolve) => { wake = resolve; });\n"
    "    if (stop) throw aborted(signal);\n"
    "    for (; notYielded > 0; notYielded--) yield value;\n"
    "  }\n"
    "} finally {\n"
    "  clearInterval(interval);\n"
    "  signal?.removeEventListener('abort', onAbort);\n"
    "}\n";

/* setInterval(delay, value, options): the generator, started with the global timer
 * functions of the module's making (data: [generator, setInterval, clearInterval]). A
 * bad option is thrown by the generator's first next(), as node's is. */
static Value promise_interval(VM *vm, Value this_value, int argc, Value *argv) {
  Value data = vm_native_data(vm);
  Value signal;
  int refed = check_options(vm, argc > 2 ? argv[2] : VALUE_UNDEFINED, &signal);
  Value problem = refed < 0 ? vm_handle_push(vm, vm_take_exception(vm)) : VALUE_UNDEFINED;
  Value aborted = value_is_undefined(signal) ? VALUE_UNDEFINED : web_export(vm, "aborted");
  if (value_is_exception(vm_handle_push(vm, aborted))) return VALUE_EXCEPTION;
  Value args[] = {vm_array_get(vm, data, 1), vm_array_get(vm, data, 2),
                  argc > 0 ? argv[0] : VALUE_UNDEFINED, argc > 1 ? argv[1] : VALUE_UNDEFINED,
                  value_from_bool(refed != 0), problem, signal, aborted};
  return vm_call(vm, vm_array_get(vm, data, 0), VALUE_UNDEFINED, 8, args);
}

/* The setInterval native, over a freshly compiled generator. */
static Value make_interval(VM *vm) {
  Value gen = vm_handle_push(vm, vm_compile_function(vm, VM_FN_ASYNC_GENERATOR, interval_params,
                                                      interval_source));
  if (value_is_exception(gen)) return gen;
  Value data = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, data, gen);
  vm_array_push(vm, data, vm_get_str(vm, vm_global(vm), "setInterval"));
  vm_array_push(vm, data, vm_get_str(vm, vm_global(vm), "clearInterval"));
  return vm_native_with_data(vm, "setInterval", promise_interval, 2, data);
}

static const VMPropDef scheduler_methods[] = {
    VM_FN("yield", scheduler_yield, 0),
    VM_FN("wait", scheduler_wait, 2),
    VM_PROPS_END,
};

static const VMPropDef scheduler_class =
    VM_CONSTRUCTOR("Scheduler", node_illegal_constructor, 0, 0, INTRINSIC_SCHEDULER_PROTOTYPE,
                   NULL, scheduler_methods);

static const VMPropDef promises_props[] = {
    VM_FN_ENUM("setTimeout", promise_timeout, 2),
    VM_FN_ENUM("setImmediate", promise_immediate, 1),
    VM_PROPS_END,
};

/* require('timers/promises') */
Value timers_promises_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, m, promises_props);
  Value interval = vm_handle_push(vm, make_interval(vm));
  if (value_is_exception(interval)) return interval;
  vm_define_str(vm, m, "setInterval", interval, VM_ATTR_DEFAULT);
  vm_handle_push(vm, vm_prop_value(vm, &scheduler_class));
  Value scheduler = vm_object_with_proto(vm, vm_intrinsic(vm, INTRINSIC_SCHEDULER_PROTOTYPE));
  vm_define_str(vm, m, "scheduler", scheduler, VM_ATTR_DEFAULT);
  return m;
}

/* require('timers'): the global functions themselves, and `promises`. */
Value timers_module_create(Host *host) {
  static const char *const names[] = {"setTimeout", "clearTimeout", "setImmediate",
                                      "clearImmediate", "setInterval", "clearInterval"};
  VM *vm = host_vm(host);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    vm_set_str(vm, m, names[i], vm_get_str(vm, vm_global(vm), names[i]));
  Value promises = host_require_builtin(host, "timers/promises");
  if (value_is_exception(promises)) return promises;
  vm_handle_push(vm, promises);
  vm_define_str(vm, m, "promises", promises, VM_ATTR_DEFAULT);
  return m;
}

/* promise.c - the Promise constructor, Promise.prototype and the combinators, and
 * queueMicrotask.
 * Book: chapter 7, "The standard library", and chapter 8, "The event loop".
 *
 * Entry point: builtins_install_promise. A promise's states, reactions and jobs are the
 * engine's (vm/promise.c); here is what scripts call. A capability (NewPromiseCapability)
 * is an array [promise, resolve, reject]; for %Promise% itself `then` skips making one
 * and lets the engine settle the derived promise directly, which nobody can observe.
 */
#include <stdlib.h>

#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

static Value throw_described(VM *vm, const char *fmt, Value v) {
  char *text = builtins_describe(vm, v);
  Value r = vm_throw_error(vm, ERR_TYPE, fmt, text);
  free(text);
  return r;
}

/* Invoke(o, name, args): o[name](...args). */
static Value invoke(VM *vm, Value o, const char *name, int argc, const Value *argv) {
  Value fn = vm_handle_push(vm, vm_get_str(vm, o, name));
  if (value_is_exception(fn)) return fn;
  if (!vm_is_callable(fn)) return builtins_throw_not_function(vm, fn);
  return vm_call(vm, fn, o, argc, argv);
}

static Value callable_or_undefined(Value v) { return vm_is_callable(v) ? v : VALUE_UNDEFINED; }

/* ==== The constructor ==== */

//> stdlib.promise-constructor
static Value promise_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm), executor = ARG(0);
  if (value_is_undefined(target))
    return vm_throw_error(vm, ERR_TYPE, "Promise constructor cannot be invoked without 'new'");
  if (!vm_is_callable(executor)) return throw_described(vm, "Promise resolver %s is not a function", executor);
  Value proto = vm_handle_push(vm, vm_get_str(vm, target, "prototype"));
  if (value_is_exception(proto)) return proto;
  Value p = vm_handle_push(vm, vm_promise_new(vm, proto));
  Value args[2];
  args[0] = vm_handle_push(vm, vm_promise_resolving_functions(vm, p, &args[1]));
  vm_handle_push(vm, args[1]);
  if (!value_is_exception(vm_call(vm, executor, VALUE_UNDEFINED, 2, args))) return p;
  if (vm_is_terminating(vm)) return VALUE_EXCEPTION;
  Value error = vm_take_exception(vm);
  Value r = vm_call(vm, args[1], VALUE_UNDEFINED, 1, &error);
  return value_is_exception(r) ? r : p;
}
//< stdlib.promise-constructor

/* ==== Capabilities ==== */

/* GetCapabilitiesExecutor: keeps the resolve and reject it is given in its record. */
static Value capability_executor(VM *vm, Value this_value, int argc, Value *argv) {
  Value rec = vm_native_data(vm);
  if (!value_is_undefined(vm_array_get(vm, rec, 0)) || !value_is_undefined(vm_array_get(vm, rec, 1)))
    return vm_throw_error(vm, ERR_TYPE,
                          "Promise executor has already been invoked with non-undefined arguments");
  vm_array_set(vm, rec, 0, ARG(0));
  vm_array_set(vm, rec, 1, ARG(1));
  return VALUE_UNDEFINED;
}

static Value capability_of(VM *vm, Value p, Value resolve, Value reject) {
  Value cap = vm_handle_push(vm, vm_array_with_capacity(vm, 3));
  vm_array_push(vm, cap, p);
  vm_array_push(vm, cap, resolve);
  vm_array_push(vm, cap, reject);
  return cap;
}

/* NewPromiseCapability(c): [promise, resolve, reject], or an exception. */
static Value new_capability(VM *vm, Value c) {
  if (c == vm_promise_constructor(vm)) {
    Value p = vm_handle_push(vm, vm_promise_new(vm, VALUE_UNDEFINED)), reject;
    Value resolve = vm_handle_push(vm, vm_promise_resolving_functions(vm, p, &reject));
    vm_handle_push(vm, reject);
    return capability_of(vm, p, resolve, reject);
  }
  if (!vm_is_constructor(c)) return throw_described(vm, "%s is not a constructor", c);
  Value rec = vm_handle_push(vm, vm_array_with_capacity(vm, 2));
  vm_array_push(vm, rec, VALUE_UNDEFINED);
  vm_array_push(vm, rec, VALUE_UNDEFINED);
  Value executor = vm_handle_push(vm, vm_native_with_data(vm, "", capability_executor, 2, rec));
  Value p = vm_handle_push(vm, vm_construct(vm, c, 1, &executor));
  if (value_is_exception(p)) return p;
  Value resolve = vm_array_get(vm, rec, 0), reject = vm_array_get(vm, rec, 1);
  if (!vm_is_callable(resolve) || !vm_is_callable(reject))
    return vm_throw_error(vm, ERR_TYPE, "Promise resolve or reject function is not callable");
  return capability_of(vm, p, resolve, reject);
}

enum { CAP_PROMISE, CAP_RESOLVE, CAP_REJECT };

static Value cap_call(VM *vm, Value cap, int which, Value v) {
  return vm_call(vm, vm_array_get(vm, cap, (uint32_t)which), VALUE_UNDEFINED, 1, &v);
}

/* IfAbruptRejectPromise: a pending exception rejects the capability's promise instead. */
static Value reject_abrupt(VM *vm, Value cap) {
  if (vm_is_terminating(vm)) return VALUE_EXCEPTION;
  Value error = vm_handle_push(vm, vm_take_exception(vm));
  Value r = cap_call(vm, cap, CAP_REJECT, error);
  return value_is_exception(r) ? r : vm_array_get(vm, cap, CAP_PROMISE);
}

/* PromiseResolve(c, x): x itself if it is a promise made by c, else a new one. */
static Value promise_resolve_with(VM *vm, Value c, Value x) {
  if (vm_is_promise(x)) {
    Value xc = vm_get_str(vm, x, "constructor");
    if (value_is_exception(xc) || xc == c) return xc == c ? x : xc;
  }
  Value cap = new_capability(vm, c);
  if (value_is_exception(cap)) return cap;
  Value r = cap_call(vm, cap, CAP_RESOLVE, x);
  return value_is_exception(r) ? r : vm_array_get(vm, cap, CAP_PROMISE);
}

/* ==== Promise.prototype ==== */

static Value incompatible(VM *vm, const char *method, Value v) {
  char *text = builtins_describe(vm, v);
  Value r = vm_throw_error(vm, ERR_TYPE, "Method Promise.prototype.%s called on incompatible receiver %s",
                           method, text);
  free(text);
  return r;
}

//> stdlib.promise-then
static Value promise_then(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_promise(this_value)) return incompatible(vm, "then", this_value);
  Value c = builtins_species_constructor(vm, this_value, vm_promise_constructor(vm));
  if (value_is_exception(c)) return c;
  Value on_fulfilled = callable_or_undefined(ARG(0)), on_rejected = callable_or_undefined(ARG(1));
  if (c == vm_promise_constructor(vm)) { /* the derived promise is settled by the engine */
    Value derived = vm_handle_push(vm, vm_promise_new(vm, VALUE_UNDEFINED));
    vm_promise_then(vm, this_value, on_fulfilled, on_rejected, derived);
    return derived;
  }
  Value cap = new_capability(vm, c);
  if (value_is_exception(cap)) return cap;
  vm_promise_then(vm, this_value, on_fulfilled, on_rejected, cap);
  return vm_array_get(vm, cap, CAP_PROMISE);
}
//< stdlib.promise-then

static Value promise_catch(VM *vm, Value this_value, int argc, Value *argv) {
  Value args[] = {VALUE_UNDEFINED, ARG(0)};
  return invoke(vm, this_value, "then", 2, args);
}

static Value return_data(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_native_data(vm);
}

static Value throw_data(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_throw(vm, vm_native_data(vm));
}

/* thenFinally / catchFinally: run onFinally, wait for what it returns, then pass the
 * value on (or throw the reason again). data is [onFinally, C]. */
static Value finally_reaction(VM *vm, Value this_value, int argc, Value *argv) {
  Value data = vm_native_data(vm);
  Value result = vm_call(vm, vm_array_get(vm, data, 0), VALUE_UNDEFINED, 0, NULL);
  if (value_is_exception(result)) return result;
  Value p = vm_handle_push(vm, promise_resolve_with(vm, vm_array_get(vm, data, 1), result));
  if (value_is_exception(p)) return p;
  NativeFn fn = vm_native_magic(vm) ? throw_data : return_data;
  Value thunk = vm_handle_push(vm, vm_native_with_data(vm, "", fn, 0, ARG(0)));
  return invoke(vm, p, "then", 1, &thunk);
}

static Value promise_finally(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) return incompatible(vm, "finally", this_value);
  Value c = builtins_species_constructor(vm, this_value, vm_promise_constructor(vm));
  if (value_is_exception(c)) return c;
  Value on_finally = ARG(0), args[2] = {on_finally, on_finally};
  if (vm_is_callable(on_finally)) {
    Value data = vm_handle_push(vm, vm_array_with_capacity(vm, 2));
    vm_array_push(vm, data, on_finally);
    vm_array_push(vm, data, c);
    args[0] = vm_handle_push(vm, vm_native_with_data(vm, "", finally_reaction, 1, data));
    args[1] = vm_handle_push(vm, vm_native_with_data(vm, "", finally_reaction, 1, data));
    vm_native_set_magic(args[1], 1);
  }
  return invoke(vm, this_value, "then", 2, args);
}

/* ==== Promise.resolve, reject and the combinators ==== */

static Value promise_static_resolve(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value))
    return vm_throw_error(vm, ERR_TYPE, "PromiseResolve called on non-object");
  return promise_resolve_with(vm, this_value, ARG(0));
}

static Value promise_static_reject(VM *vm, Value this_value, int argc, Value *argv) {
  Value cap = new_capability(vm, this_value);
  if (value_is_exception(cap)) return cap;
  Value r = cap_call(vm, cap, CAP_REJECT, ARG(0));
  return value_is_exception(r) ? r : vm_array_get(vm, cap, CAP_PROMISE);
}

enum { COMBINE_ALL, COMBINE_ALL_SETTLED, COMBINE_ANY, COMBINE_RACE };
/* What the element functions of one Promise.all/allSettled/any call share. */
enum { SHARED_VALUES, SHARED_CAP, SHARED_REMAINING, SHARED_KIND, SHARED_COUNT };

typedef struct Combine {
  Value shared;          /* [values, capability, remaining, kind] */
  Value ctor, resolve;   /* C and C.resolve */
  int kind;
  uint32_t index;
} Combine;

static Value aggregate_error(VM *vm, Value errors) {
  Value ctor = vm_get_str(vm, vm_global(vm), "AggregateError");
  if (value_is_exception(ctor)) return ctor;
  Value args[] = {errors, vm_string(vm, "All promises were rejected")};
  vm_handle_push(vm, args[1]);
  return vm_construct(vm, ctor, 2, args);
}

/* The last element settled: resolve with the values (reject, for any). */
static Value combine_finish(VM *vm, Value shared) {
  Value values = vm_array_get(vm, shared, SHARED_VALUES), cap = vm_array_get(vm, shared, SHARED_CAP);
  if (value_to_number(vm_array_get(vm, shared, SHARED_KIND)) != COMBINE_ANY)
    return cap_call(vm, cap, CAP_RESOLVE, values);
  Value error = vm_handle_push(vm, aggregate_error(vm, values));
  if (value_is_exception(error)) return error;
  return cap_call(vm, cap, CAP_REJECT, error);
}

static bool count_down(VM *vm, Value shared) {
  double n = value_to_number(vm_array_get(vm, shared, SHARED_REMAINING)) - 1;
  vm_array_set(vm, shared, SHARED_REMAINING, value_from_number(n));
  return n == 0;
}

/* { status, value } or { status, reason }, for allSettled. */
static Value settled_record(VM *vm, bool fulfilled, Value x) {
  Value o = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, o, "status", vm_string(vm, fulfilled ? "fulfilled" : "rejected"), VM_ATTR_DEFAULT);
  vm_define_str(vm, o, fulfilled ? "value" : "reason", x, VM_ATTR_DEFAULT);
  return o;
}

/* One element's resolve (or reject) function: data is [index, called, shared]; called is
 * an array [flag] that allSettled's two functions of one element share. magic: 1 for
 * allSettled's reject function. */
static Value combine_element(VM *vm, Value this_value, int argc, Value *argv) {
  Value data = vm_native_data(vm), called = vm_array_get(vm, data, 1);
  if (vm_array_get(vm, called, 0) == VALUE_TRUE) return VALUE_UNDEFINED;
  vm_array_set(vm, called, 0, VALUE_TRUE);
  Value shared = vm_array_get(vm, data, 2), x = ARG(0);
  if (value_to_number(vm_array_get(vm, shared, SHARED_KIND)) == COMBINE_ALL_SETTLED)
    x = settled_record(vm, vm_native_magic(vm) == 0, x);
  Value values = vm_array_get(vm, shared, SHARED_VALUES);
  vm_array_set(vm, values, (uint32_t)value_to_number(vm_array_get(vm, data, 0)), x);
  return count_down(vm, shared) ? combine_finish(vm, shared) : VALUE_UNDEFINED;
}

static Value element_function(VM *vm, Value data, int magic) {
  Value fn = vm_handle_push(vm, vm_native_with_data(vm, "", combine_element, 1, data));
  vm_native_set_magic(fn, magic);
  return fn;
}

/* The element functions of item `index`: then(onFulfilled, onRejected) arguments. */
static void element_handlers(VM *vm, Combine *cb, Value *args) {
  Value cap = vm_array_get(vm, cb->shared, SHARED_CAP);
  if (cb->kind == COMBINE_RACE) {
    args[0] = vm_array_get(vm, cap, CAP_RESOLVE), args[1] = vm_array_get(vm, cap, CAP_REJECT);
    return;
  }
  Value called = vm_handle_push(vm, vm_array_with_capacity(vm, 1));
  vm_array_push(vm, called, VALUE_FALSE);
  Value data = vm_handle_push(vm, vm_array_with_capacity(vm, 3));
  vm_array_push(vm, data, value_from_number(cb->index));
  vm_array_push(vm, data, called);
  vm_array_push(vm, data, cb->shared);
  args[0] = args[1] = vm_array_get(vm, cap, cb->kind == COMBINE_ANY ? CAP_RESOLVE : CAP_REJECT);
  int which = cb->kind == COMBINE_ANY ? 1 : 0;
  args[which] = element_function(vm, data, 0);
  if (cb->kind == COMBINE_ALL_SETTLED) args[1] = element_function(vm, data, 1);
}

/* One item of the iterable: C.resolve(item).then(element handlers). */
static Value combine_each(VM *vm, Value item, void *ctx) {
  Combine *cb = ctx;
  if (cb->kind != COMBINE_RACE) {
    vm_array_push(vm, vm_array_get(vm, cb->shared, SHARED_VALUES), VALUE_UNDEFINED);
    Value n = vm_array_get(vm, cb->shared, SHARED_REMAINING);
    vm_array_set(vm, cb->shared, SHARED_REMAINING, value_from_number(value_to_number(n) + 1));
  }
  Value next = vm_handle_push(vm, vm_call(vm, cb->resolve, cb->ctor, 1, &item));
  if (value_is_exception(next)) return next;
  Value args[2];
  element_handlers(vm, cb, args);
  Value r = invoke(vm, next, "then", 2, args);
  cb->index++;
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

static Value combine_shared(VM *vm, Value cap, int kind) {
  Value shared = vm_handle_push(vm, vm_array_with_capacity(vm, SHARED_COUNT));
  vm_array_push(vm, shared, vm_handle_push(vm, vm_array_new(vm)));
  vm_array_push(vm, shared, cap);
  vm_array_push(vm, shared, value_from_number(1));
  vm_array_push(vm, shared, value_from_number(kind));
  return shared;
}

//> stdlib.promise-combinators
/* Promise.all, allSettled, any and race (magic: which). */
static Value promise_combine(VM *vm, Value this_value, int argc, Value *argv) {
  Combine cb = {.ctor = this_value, .kind = vm_native_magic(vm)};
  Value cap = new_capability(vm, this_value);
  if (value_is_exception(cap)) return cap;
  cb.shared = combine_shared(vm, cap, cb.kind);
  cb.resolve = vm_handle_push(vm, vm_get_str(vm, this_value, "resolve"));
  if (!value_is_exception(cb.resolve) && !vm_is_callable(cb.resolve))
    cb.resolve = vm_throw_error(vm, ERR_TYPE, "Promise resolve or reject function is not callable");
  if (value_is_exception(cb.resolve)) return reject_abrupt(vm, cap);
  if (value_is_exception(builtins_iterate(vm, ARG(0), combine_each, &cb))) return reject_abrupt(vm, cap);
  if (cb.kind != COMBINE_RACE && count_down(vm, cb.shared) &&
      value_is_exception(combine_finish(vm, cb.shared)))
    return reject_abrupt(vm, cap);
  return vm_array_get(vm, cap, CAP_PROMISE);
}
//< stdlib.promise-combinators

/* ==== queueMicrotask ==== */

static Value call_callback(VM *vm, Value this_value, int argc, Value *argv) {
  Value r = vm_call(vm, vm_native_data(vm), VALUE_UNDEFINED, 0, NULL);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* queueMicrotask(fn): fn runs as a promise job, in order with promise reactions. */
static Value queue_microtask(VM *vm, Value this_value, int argc, Value *argv) {
  Value fn = ARG(0);
  if (!vm_is_callable(fn)) {
    char *text = builtins_describe(vm, fn);
    Value r = vm_throw_error(vm, ERR_TYPE,
                             "The \"callback\" argument must be of type function. Received %s", text);
    free(text);
    return r;
  }
  vm_enqueue_job(vm, vm_handle_push(vm, vm_native_with_data(vm, "", call_callback, 0, fn)),
                 VALUE_UNDEFINED);
  return VALUE_UNDEFINED;
}

/* ==== Installing ==== */

static const VMPropDef promise_statics[] = {
    VM_FN_MAGIC("all", promise_combine, 1, COMBINE_ALL),
    VM_FN_MAGIC("allSettled", promise_combine, 1, COMBINE_ALL_SETTLED),
    VM_FN_MAGIC("any", promise_combine, 1, COMBINE_ANY),
    VM_FN_MAGIC("race", promise_combine, 1, COMBINE_RACE),
    VM_FN("resolve", promise_static_resolve, 1),
    VM_FN("reject", promise_static_reject, 1),
    BUILTINS_SPECIES_GETTER,
    VM_PROPS_END,
};

static const VMPropDef promise_prototype_props[] = {
    VM_FN("then", promise_then, 2),
    VM_FN("catch", promise_catch, 1),
    VM_FN("finally", promise_finally, 1),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Promise", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef promise_globals[] = {
    VM_CONSTRUCTOR("Promise", promise_construct, 1, 0, INTRINSIC_PROMISE_PROTOTYPE,
                   promise_statics, promise_prototype_props),
    VM_FN_ENUM("queueMicrotask", queue_microtask, 1),
    VM_PROPS_END,
};

void builtins_install_promise(VM *vm) {
  vm_define_props(vm, vm_global(vm), promise_globals);
  vm_register_promise(vm, vm_get_str(vm, vm_global(vm), "Promise"));
}

/* promise.c - promises inside the engine: states, reactions and the jobs that run them.
 * Book: chapter 5, "The VM loop" (await), and chapter 8, "The event loop" (the queue).
 *
 *   vm_promise_new, vm_promise_resolve, vm_promise_reject, vm_promise_then
 *   promise_init   the one native that runs every promise job
 *
 * The engine owns no queue: each job is handed to the host (VMHooks.enqueue_job) as
 * this VM's job native plus a small record array, and the host runs them in order after
 * the current macrotask. The constructor and Promise.prototype live in
 * stdlib/ecma/promise.c; await (generator.c) uses the same reactions, with the suspended
 * generator itself as the handler, so an await allocates no closure.
 */
#include "lexer/alloc.h"
#include "vm/internal.h"

enum { JOB_REACTION, JOB_THENABLE };
enum { REACT_FULFILL, REACT_REJECT };

static Promise *as_promise(Value v) { return (Promise *)value_to_object(v); }

bool vm_is_promise(Value v) {
  return value_is_object(v) && value_to_object(v)->klass == CLASS_PROMISE;
}

VMPromiseState vm_promise_state(Value p, Value *result) {
  *result = as_promise(p)->result;
  return (VMPromiseState)as_promise(p)->state;
}

Value promise_new(VM *vm, Object *proto) {
  Promise *p = (Promise *)object_new_class(vm, CLASS_PROMISE, sizeof(Promise), proto);
  p->result = VALUE_UNDEFINED;
  return value_from_object(&p->base);
}

Value vm_promise_new(VM *vm, Value proto) {
  Object *o = value_is_object(proto) ? value_to_object(proto)
                                     : vm->intrinsics[INTRINSIC_PROMISE_PROTOTYPE];
  return promise_new(vm, o);
}

/* ==== Jobs ==== */

/* Queue a job record {kind, a, b, c, d} with the host. */
static void enqueue(VM *vm, int kind, Value a, Value b, Value c, Value d) {
  int mark = vm_handle_mark(vm);
  Value args[] = {a, b, c, d};
  for (int i = 0; i < 4; i++) vm_handle_push(vm, args[i]);
  Array *rec = array_new(vm, 5);
  array_push(vm, rec, value_from_number(kind));
  for (int i = 0; i < 4; i++) array_push(vm, rec, args[i]);
  if (!vm->hooks.enqueue_job) PANIC("enqueue: no host to run promise jobs");
  vm->hooks.enqueue_job(vm, vm->promise_job, value_from_object(&rec->base));
  vm_handle_reset(vm, mark);
}

static void enqueue_reaction(VM *vm, PromiseReaction *r, int type, Value argument) {
  Value handler = type == REACT_FULFILL ? r->on_fulfilled : r->on_rejected;
  enqueue(vm, JOB_REACTION, handler, r->capability, value_from_number(type), argument);
}

static void track_rejection(VM *vm, Promise *p, bool handled) {
  if (vm->hooks.promise_rejection) vm->hooks.promise_rejection(vm, value_from_object(&p->base), handled);
}

/* Settle p and queue its reactions, in the order they were added. */
static void settle(VM *vm, Promise *p, int state, Value value) {
  if (p->state != PROMISE_PENDING) return;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(&p->base)); /* queueing the jobs allocates */
  vm_handle_push(vm, value);
  p->state = (uint8_t)state;
  p->result = value;
  PromiseReaction *reactions = p->reactions;
  uint32_t n = p->reaction_count;
  p->reactions = NULL;
  p->reaction_count = p->reaction_capacity = 0;
  for (uint32_t i = 0; i < n; i++) { /* the list left the promise: keep its values alive */
    vm_handle_push(vm, reactions[i].capability);
    vm_handle_push(vm, reactions[i].on_fulfilled);
    vm_handle_push(vm, reactions[i].on_rejected);
  }
  if (state == PROMISE_REJECTED && !p->handled) track_rejection(vm, p, false);
  for (uint32_t i = 0; i < n; i++)
    enqueue_reaction(vm, &reactions[i], state == PROMISE_FULFILLED ? REACT_FULFILL : REACT_REJECT,
                     value);
  vm_handle_reset(vm, mark);
  free(reactions);
}

void promise_fulfill(VM *vm, Promise *p, Value value) { settle(vm, p, PROMISE_FULFILLED, value); }
void promise_reject(VM *vm, Promise *p, Value reason) { settle(vm, p, PROMISE_REJECTED, reason); }

void vm_promise_reject(VM *vm, Value p, Value reason) { promise_reject(vm, as_promise(p), reason); }

//> vm.promise-resolve
/* A promise resolve function's steps: a thenable is adopted by calling its `then` in a
 * job of its own (the "extra tick" of resolving with a promise). */
void promise_resolve(VM *vm, Promise *p, Value resolution) {
  if (resolution == value_from_object(&p->base)) {
    vm_throw_error(vm, ERR_TYPE, "Chaining cycle detected for promise #<Promise>");
    promise_reject(vm, p, vm_take_exception(vm));
    return;
  }
  if (!value_is_object(resolution)) {
    promise_fulfill(vm, p, resolution);
    return;
  }
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, resolution);
  Value then = object_get(vm, value_to_object(resolution), vm_atom(vm, "then"), resolution);
  if (value_is_exception(then)) promise_reject(vm, p, vm_take_exception(vm));
  else if (!vm_is_callable(then)) promise_fulfill(vm, p, resolution);
  else enqueue(vm, JOB_THENABLE, value_from_object(&p->base), resolution, then, VALUE_UNDEFINED);
  vm_handle_reset(vm, mark);
}
//< vm.promise-resolve

void vm_promise_resolve(VM *vm, Value p, Value resolution) {
  promise_resolve(vm, as_promise(p), resolution);
}

/* ==== Resolving functions ==== */

/* Both functions of a pair share a record [promise, already resolved]. */
static Value resolving_call(VM *vm, Value value, bool reject) {
  Value rec = vm_native_data(vm);
  Array *a = (Array *)value_to_object(rec);
  if (a->elements[1] == VALUE_TRUE) return VALUE_UNDEFINED;
  a->elements[1] = VALUE_TRUE;
  Promise *p = as_promise(a->elements[0]);
  if (reject) promise_reject(vm, p, value);
  else promise_resolve(vm, p, value);
  return VALUE_UNDEFINED;
}

static Value resolve_fn(VM *vm, Value this_value, int argc, Value *argv) {
  return resolving_call(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, false);
}

static Value reject_fn(VM *vm, Value this_value, int argc, Value *argv) {
  return resolving_call(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, true);
}

Value vm_promise_resolving_functions(VM *vm, Value p, Value *reject) {
  int mark = vm_handle_mark(vm);
  Array *rec = array_new(vm, 2);
  Value r = vm_handle_push(vm, value_from_object(&rec->base));
  array_push(vm, rec, p);
  array_push(vm, rec, VALUE_FALSE);
  Value res = vm_handle_push(vm, vm_native_with_data(vm, "", resolve_fn, 1, r));
  *reject = vm_native_with_data(vm, "", reject_fn, 1, r);
  vm_handle_reset(vm, mark);
  return res;
}

/* ==== then ==== */

//> vm.promise-then
/* The handlers are functions, undefined, or (await) the Generator to resume. */
void promise_then(VM *vm, Promise *p, Value on_fulfilled, Value on_rejected, Value capability) {
  PromiseReaction r = {capability, on_fulfilled, on_rejected};
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(&p->base)); /* queueing a job allocates */
  if (p->state == PROMISE_PENDING) {
    if (p->reaction_count == p->reaction_capacity) {
      p->reaction_capacity = p->reaction_capacity ? p->reaction_capacity * 2 : 2;
      p->reactions = mem_realloc(p->reactions, p->reaction_capacity * sizeof r);
    }
    p->reactions[p->reaction_count++] = r;
  } else {
    if (p->state == PROMISE_REJECTED && !p->handled) track_rejection(vm, p, true);
    enqueue_reaction(vm, &r, p->state == PROMISE_FULFILLED ? REACT_FULFILL : REACT_REJECT,
                     p->result);
  }
  p->handled = 1;
  vm_handle_reset(vm, mark);
}
//< vm.promise-then

void vm_promise_then(VM *vm, Value p, Value on_fulfilled, Value on_rejected, Value capability) {
  promise_then(vm, as_promise(p), on_fulfilled, on_rejected, capability);
}

void vm_register_promise(VM *vm, Value ctor) { vm->promise_ctor = ctor; }

void vm_enqueue_job(VM *vm, Value job, Value arg) {
  if (!vm->hooks.enqueue_job) PANIC("vm_enqueue_job: no host to run jobs");
  vm->hooks.enqueue_job(vm, job, arg);
}
Value vm_promise_constructor(VM *vm) { return vm->promise_ctor; }

/* PromiseResolve(%Promise%, v), as await does it. */
Value promise_resolve_value(VM *vm, Value v) {
  if (vm_is_promise(v)) {
    Value ctor = object_get(vm, value_to_object(v), value_from_string(vm->atom_constructor), v);
    if (value_is_exception(ctor)) return ctor;
    if (ctor == vm->promise_ctor) return v;
  }
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, v);
  Value p = vm_handle_push(vm, promise_new(vm, vm->intrinsics[INTRINSIC_PROMISE_PROTOTYPE]));
  promise_resolve(vm, as_promise(p), v);
  vm_handle_reset(vm, mark);
  return p;
}

/* ==== Running a job ==== */

/* The derived promise (or capability) of a reaction learns the handler's outcome. */
static Value settle_capability(VM *vm, Value capability, Value result, bool threw) {
  if (value_is_undefined(capability)) return VALUE_UNDEFINED;
  if (vm_is_promise(capability)) {
    if (threw) promise_reject(vm, as_promise(capability), result);
    else promise_resolve(vm, as_promise(capability), result);
    return VALUE_UNDEFINED;
  }
  Value fn = vm_array_get(vm, capability, threw ? 2 : 1);
  return vm_call(vm, fn, VALUE_UNDEFINED, 1, &result);
}

//> vm.promise-reaction-job
/* NewPromiseReactionJob's body: run the handler (or pass the value through), then settle
 * the derived promise. A Generator as the handler is an await: resume it. */
static Value reaction_job(VM *vm, Value handler, Value capability, int type, Value argument) {
  if (value_is_object(handler) && value_to_object(handler)->klass == CLASS_GENERATOR) {
    Generator *g = (Generator *)value_to_object(handler);
    Value r = generator_resume(vm, g, type == REACT_FULFILL ? RESUME_NEXT : RESUME_THROW, argument);
    return value_is_exception(r) ? r : VALUE_UNDEFINED;
  }
  if (value_is_undefined(handler))
    return settle_capability(vm, capability, argument, type == REACT_REJECT);
  Value result = vm_call(vm, handler, VALUE_UNDEFINED, 1, &argument);
  bool threw = value_is_exception(result);
  if (threw) {
    if (vm_is_terminating(vm)) return VALUE_EXCEPTION;
    result = vm_take_exception(vm);
  }
  vm_handle_push(vm, result);
  return settle_capability(vm, capability, result, threw);
}
//< vm.promise-reaction-job

/* NewPromiseResolveThenableJob's body: thenable.then(resolve, reject) for promise. */
static Value thenable_job(VM *vm, Value promise, Value thenable, Value then) {
  Value reject;
  Value resolve = vm_handle_push(vm, vm_promise_resolving_functions(vm, promise, &reject));
  vm_handle_push(vm, reject);
  Value args[] = {resolve, reject};
  Value r = vm_call(vm, then, thenable, 2, args);
  if (!value_is_exception(r) || vm_is_terminating(vm)) return value_is_exception(r) ? r : VALUE_UNDEFINED;
  Value error = vm_take_exception(vm);
  return vm_call(vm, reject, VALUE_UNDEFINED, 1, &error);
}

static Value promise_job(VM *vm, Value this_value, int argc, Value *argv) {
  Array *rec = (Array *)value_to_object(argv[0]);
  Value *e = rec->elements;
  if (value_to_number(e[0]) == JOB_THENABLE) return thenable_job(vm, e[1], e[2], e[3]);
  return reaction_job(vm, e[1], e[2], (int)value_to_number(e[3]), e[4]);
}

void promise_init(VM *vm) {
  vm->promise_job = value_from_object(&native_new(vm, value_from_string(vm->atom_empty), promise_job, 1)->base);
}

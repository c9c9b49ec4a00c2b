/* async_generator.c - async generators: the queue of next/throw/return requests.
 * Book: chapter 5, "The VM loop".
 *
 *   vm_async_generator_method   %AsyncGeneratorPrototype%.next/throw/return
 *   async_generator_yield       YIELD: settle the oldest request, go on or suspend
 *   async_generator_finish      the body returned or threw: settle, then drain the queue
 *
 * Each call of next/throw/return gets a promise and waits in the generator's queue
 * (requests [mode, value, promise]); the frame runs for the oldest request and settles
 * it at its next yield, or at its end. The frame suspends and resumes exactly as a
 * generator's does (generator.c).
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

/* ==== The queue ==== */

static Array *queue_of(Generator *g) { return (Array *)value_to_object(g->queue); }
static bool queue_empty(Generator *g) { return queue_of(g)->length == 0; }

static Value request(Generator *g, uint32_t field) {
  return ((Array *)value_to_object(queue_of(g)->elements[0]))->elements[field];
}

static void enqueue(VM *vm, Generator *g, ResumeMode mode, Value value, Value promise) {
  Array *req = array_new(vm, 3);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(&req->base));
  array_push(vm, req, value_from_number(mode));
  array_push(vm, req, value);
  array_push(vm, req, promise);
  array_push(vm, queue_of(g), value_from_object(&req->base));
  vm_handle_reset(vm, mark);
}

//> vm.async-generator-complete
/* AsyncGeneratorCompleteStep: the oldest request leaves the queue, its promise settled. */
static void complete_step(VM *vm, Generator *g, Value value, bool threw, bool done) {
  Array *q = queue_of(g);
  int mark = vm_handle_mark(vm);
  Value req = vm_handle_push(vm, q->elements[0]);
  vm_handle_push(vm, value);
  memmove(q->elements, q->elements + 1, (q->length - 1) * sizeof(Value));
  q->length--;
  Promise *p = (Promise *)value_to_object(((Array *)value_to_object(req))->elements[2]);
  if (threw) promise_reject(vm, p, value);
  else promise_resolve(vm, p, vm_handle_push(vm, vm_iter_result(vm, value, done)));
  vm_handle_reset(vm, mark);
}
//< vm.async-generator-complete

static void drain_queue(VM *vm, Generator *g);

/* AsyncGeneratorAwaitReturn's reactions: data is the generator; magic 1 when rejected. */
static Value await_return_settled(VM *vm, Value this_value, int argc, Value *argv) {
  Generator *g = (Generator *)value_to_object(vm_native_data(vm));
  g->state = GEN_COMPLETED;
  complete_step(vm, g, argc > 0 ? argv[0] : VALUE_UNDEFINED, vm_native_magic(vm) == 1, true);
  drain_queue(vm, g);
  return VALUE_UNDEFINED;
}

/* return(v) on a generator that is not running: await v, then answer {v, done: true}. */
static void await_return(VM *vm, Generator *g) {
  g->state = GEN_AWAITING_RETURN;
  Value p = vm_handle_push(vm, promise_resolve_value(vm, request(g, 1)));
  if (value_is_exception(p)) {
    g->state = GEN_COMPLETED;
    complete_step(vm, g, vm_take_exception(vm), true, true);
    drain_queue(vm, g);
    return;
  }
  Value gen = value_from_object(&g->base);
  Value on_f = vm_handle_push(vm, vm_native_with_data(vm, "", await_return_settled, 1, gen));
  Value on_r = vm_handle_push(vm, vm_native_with_data(vm, "", await_return_settled, 1, gen));
  vm_native_set_magic(on_r, 1);
  promise_then(vm, (Promise *)value_to_object(p), on_f, on_r, VALUE_UNDEFINED);
}

/* AsyncGeneratorDrainQueue: a finished generator answers what is still queued. */
static void drain_queue(VM *vm, Generator *g) {
  while (!queue_empty(g)) {
    int mode = (int)value_to_number(request(g, 0));
    if (mode == RESUME_RETURN) {
      await_return(vm, g);
      return;
    }
    if (mode == RESUME_THROW) complete_step(vm, g, request(g, 1), true, true);
    else complete_step(vm, g, VALUE_UNDEFINED, false, true);
  }
}

/* Run the frame for the oldest request. */
static void resume_next(VM *vm, Generator *g) {
  ResumeMode mode = (ResumeMode)value_to_number(request(g, 0));
  Value r = generator_resume(vm, g, mode, request(g, 1));
  if (value_is_exception(r)) vm_take_exception(vm); /* only a stack overflow gets here */
}

/* ==== What the frame calls ==== */

bool async_generator_yield(VM *vm, Generator *g, Value *v) {
  complete_step(vm, g, *v, false, false);
  if (queue_empty(g)) return false;
  g->resume_mode = (uint8_t)value_to_number(request(g, 0));
  *v = request(g, 1);
  return true;
}

void async_generator_finish(VM *vm, Generator *g, Value v, bool threw) {
  g->state = GEN_COMPLETED;
  if (threw) v = vm_take_exception(vm);
  vm_handle_push(vm, v);
  complete_step(vm, g, v, threw, true);
  drain_queue(vm, g);
}

/* ==== next, throw and return ==== */

//> vm.async-generator-method
Value vm_async_generator_method(VM *vm, Value this_value, int argc, Value *argv) {
  ResumeMode mode = (ResumeMode)vm_native_magic(vm);
  Value value = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  Value promise = vm_handle_push(vm, promise_new(vm, vm->intrinsics[INTRINSIC_PROMISE_PROTOTYPE]));
  Promise *p = (Promise *)value_to_object(promise);
  Object *o = value_is_object(this_value) ? value_to_object(this_value) : NULL;
  if (!o || o->klass != CLASS_GENERATOR || ((Generator *)o)->kind != GEN_ASYNC_GENERATOR) {
    static const char *const names[] = {"next", "throw", "return"};
    vm_throw_error(vm, ERR_TYPE, "Method [AsyncGenerator].prototype.%s called on incompatible receiver",
                   names[mode]);
    promise_reject(vm, p, vm_take_exception(vm));
    return promise;
  }
  Generator *g = (Generator *)o;
  if (mode == RESUME_THROW && g->state == GEN_SUSPENDED_START) g->state = GEN_COMPLETED;
  if (g->state == GEN_COMPLETED && mode == RESUME_NEXT) {
    promise_resolve(vm, p, vm_handle_push(vm, vm_iter_result(vm, VALUE_UNDEFINED, true)));
    return promise;
  }
  if (g->state == GEN_COMPLETED && mode == RESUME_THROW) {
    promise_reject(vm, p, value);
    return promise;
  }
  bool idle = queue_empty(g);
  enqueue(vm, g, mode, value, promise);
  if (!idle) return promise;
  if (mode == RESUME_RETURN && (g->state == GEN_SUSPENDED_START || g->state == GEN_COMPLETED))
    await_return(vm, g);
  else if (g->state == GEN_SUSPENDED_START || g->state == GEN_SUSPENDED_YIELD)
    resume_next(vm, g);
  return promise;
}
//< vm.async-generator-method

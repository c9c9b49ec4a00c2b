/* async_iterator.c - the async iteration protocol: the steps of `for await` and of
 * `yield*` in async generators, and %AsyncFromSyncIteratorPrototype%, through which both
 * walk a sync iterable, awaiting each of its values.
 * Book: chapter 5, "The VM loop".
 *
 * Nothing here suspends. Each function is one synchronous step of the specification's
 * algorithm, run by one instruction; the awaits between the steps are AWAIT instructions
 * (vm/compile_generator.c, vm/compile_stmt.c), so a `for await` costs no C recursion.
 */
#include "vm/internal.h"

/* yield*'s mode slot beyond ResumeMode: 3, the inner iterator had no `throw` and is being
 * closed; 4, the value to return is being awaited (then the generator returns it). */
enum { DELEGATE_CLOSING = 3, DELEGATE_AWAIT_RETURN = 4 };

/* ==== %AsyncFromSyncIteratorPrototype% ==== */

Value async_from_sync_new(VM *vm, Value iter, Value next) {
  Object *proto = vm->intrinsics[INTRINSIC_ASYNC_FROM_SYNC_ITERATOR_PROTOTYPE];
  AsyncFromSync *a = (AsyncFromSync *)object_new_class(vm, CLASS_ASYNC_FROM_SYNC_ITERATOR,
                                                       sizeof(AsyncFromSync), proto);
  a->iter = iter;
  a->next = next;
  return value_from_object(&a->base);
}

/* The function that turns an awaited value into { value, done } (done is its data). */
static Value unwrap(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_iter_result(vm, argc ? argv[0] : VALUE_UNDEFINED, vm_native_data(vm) == VALUE_TRUE);
}

/* IteratorClose(iter, throw error): return() is called, but whatever it does (throws,
 * returns a non-object) is ignored in favour of the error, which is thrown again. */
static Value close_and_rethrow(VM *vm, Value iter, Value error) {
  error = vm_handle_push(vm, error);
  Value ret = iter_get_method(vm, iter, "return");
  if (!value_is_exception(ret) && !value_is_undefined(ret)) ret = vm_call(vm, ret, iter, 0, NULL);
  if (value_is_exception(ret)) {
    if (vm_is_terminating(vm)) return VALUE_EXCEPTION;
    vm_take_exception(vm);
  }
  return vm_throw(vm, error);
}

/* The rejection handler of a value that next() or throw() produced: a sync iterator that
 * yields a rejected promise is closed, as a for-of body that throws would close it. */
static Value close_on_rejection(VM *vm, Value this_value, int argc, Value *argv) {
  return close_and_rethrow(vm, vm_native_data(vm), argc ? argv[0] : VALUE_UNDEFINED);
}

/* AsyncFromSyncIteratorContinuation: p settles as { value: await result.value, done }.
 * For next() and throw() (close is set) a value that is, or becomes, a rejection closes
 * the sync iterator unless it was done. */
static Value continuation(VM *vm, AsyncFromSync *a, Value result, Value p, bool close) {
  Value done = vm_get(vm, result, value_from_string(vm->atom_done));
  if (value_is_exception(done)) return done;
  Value value = vm_handle_push(vm, vm_get(vm, result, value_from_string(vm->atom_value)));
  if (value_is_exception(value)) return value;
  bool finished = vm_truthy(done);
  close = close && !finished;
  Value wrapper = vm_handle_push(vm, promise_resolve_value(vm, value));
  if (value_is_exception(wrapper))
    return close && !vm_is_terminating(vm) ? close_and_rethrow(vm, a->iter, vm_take_exception(vm))
                                           : wrapper;
  Value on_fulfilled =
      vm_handle_push(vm, vm_native_with_data(vm, "", unwrap, 1, value_from_bool(finished)));
  Value on_rejected = VALUE_UNDEFINED;
  if (close)
    on_rejected = vm_handle_push(vm, vm_native_with_data(vm, "", close_on_rejection, 1, a->iter));
  promise_then(vm, (Promise *)value_to_object(wrapper), on_fulfilled, on_rejected, p);
  return VALUE_UNDEFINED;
}

/* next, throw or return on the sync iterator; p learns the outcome. A missing `return`
 * finishes with the value sent in; a missing `throw` closes the sync iterator and rejects
 * with a TypeError (the spec since 2023; node 20's V8 rejects with the value sent in). */
static Value from_sync_step(VM *vm, AsyncFromSync *a, int mode, int argc, Value *argv,
                            Value p) {
  Value sent = argc ? argv[0] : VALUE_UNDEFINED, fn = a->next;
  if (mode != RESUME_NEXT) {
    fn = iter_get_method(vm, a->iter, mode == RESUME_THROW ? "throw" : "return");
    if (value_is_exception(fn)) return fn;
  }
  if (value_is_undefined(fn) && mode == RESUME_RETURN) {
    promise_resolve(vm, (Promise *)value_to_object(p), vm_iter_result(vm, sent, true));
    return VALUE_UNDEFINED;
  }
  if (value_is_undefined(fn)) return iter_close_no_throw(vm, a->iter);
  Value result = vm_handle_push(vm, vm_call(vm, fn, a->iter, argc ? 1 : 0, argv));
  if (value_is_exception(result)) return result;
  if (!value_is_object(result)) return iter_result_not_object(vm, result);
  return continuation(vm, a, result, p, mode != RESUME_RETURN);
}

Value vm_async_from_sync_method(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value) ||
      value_to_object(this_value)->klass != CLASS_ASYNC_FROM_SYNC_ITERATOR)
    return vm_throw_error(vm, ERR_TYPE, "Receiver is not an async-from-sync iterator");
  Value p = vm_handle_push(vm, promise_new(vm, vm->intrinsics[INTRINSIC_PROMISE_PROTOTYPE]));
  AsyncFromSync *a = (AsyncFromSync *)value_to_object(this_value);
  if (!value_is_exception(from_sync_step(vm, a, vm_native_magic(vm), argc, argv, p))) return p;
  if (vm_is_terminating(vm)) return VALUE_EXCEPTION;
  promise_reject(vm, (Promise *)value_to_object(p), vm_take_exception(vm));
  return p;
}

/* ==== for await ==== */

Value async_iter_value(VM *vm, Value result) {
  if (!value_is_object(result)) return iter_result_not_object(vm, result);
  Value done = vm_get(vm, result, value_from_string(vm->atom_done));
  if (value_is_exception(done)) return done;
  if (vm_truthy(done)) return VALUE_HOLE;
  return vm_get(vm, result, value_from_string(vm->atom_value));
}

Value async_iter_return(VM *vm, Value iter) {
  Value ret = iter_get_method(vm, iter, "return");
  if (value_is_exception(ret)) return ret;
  if (value_is_undefined(ret)) return VALUE_HOLE;
  return vm_call(vm, ret, iter, 0, NULL);
}

Value async_iter_result_check(VM *vm, Value result) {
  return value_is_object(result) ? VALUE_UNDEFINED : iter_result_not_object(vm, result);
}

/* ==== yield* in async generators ==== */

//> vm.async-delegate
/* The call yield* makes for the way the generator was resumed; the result is awaited
 * before DELEGATE_STEP looks at it. A missing `return` hands the value sent in to be
 * awaited and returned; a missing `throw` closes the inner iterator (its return()'s
 * result is awaited too) before the TypeError. */
Value async_delegate_call(VM *vm, Value *slots) {
  Value iter = slots[0], v = slots[2];
  int mode = (int)value_to_number(slots[3]);
  if (mode == RESUME_NEXT) return vm_call(vm, slots[1], iter, 1, &v);
  if (mode == DELEGATE_AWAIT_RETURN) return v;
  Value fn = iter_get_method(vm, iter, mode == RESUME_THROW ? "throw" : "return");
  if (value_is_exception(fn)) return fn;
  if (!value_is_undefined(fn)) return vm_call(vm, fn, iter, 1, &v);
  if (mode == RESUME_RETURN) {
    slots[3] = value_from_number(DELEGATE_AWAIT_RETURN);
    return v;
  }
  Value ret = iter_get_method(vm, iter, "return");
  if (value_is_exception(ret)) return ret;
  if (value_is_undefined(ret))
    return vm_throw_error(vm, ERR_TYPE, "The iterator does not provide a 'throw' method.");
  slots[3] = value_from_number(DELEGATE_CLOSING);
  return vm_call(vm, ret, iter, 0, NULL);
}

Value async_delegate_step(VM *vm, Value *slots) {
  Value r = slots[4];
  int mode = (int)value_to_number(slots[3]);
  if (mode == DELEGATE_AWAIT_RETURN) {
    slots[2] = r, slots[3] = value_from_number(RESUME_RETURN);
    return VALUE_HOLE;
  }
  if (!value_is_object(r)) return iter_result_not_object(vm, r);
  if (mode == DELEGATE_CLOSING)
    return vm_throw_error(vm, ERR_TYPE, "The iterator does not provide a 'throw' method.");
  Value done = vm_get(vm, r, value_from_string(vm->atom_done));
  if (value_is_exception(done)) return done;
  Value value = vm_get(vm, r, value_from_string(vm->atom_value));
  if (value_is_exception(value) || !vm_truthy(done)) return value;
  slots[2] = value; /* done: a return's value is awaited first (mode 4 goes round again) */
  slots[3] = value_from_number(mode == RESUME_RETURN ? DELEGATE_AWAIT_RETURN : RESUME_NEXT);
  return VALUE_HOLE;
}
//< vm.async-delegate

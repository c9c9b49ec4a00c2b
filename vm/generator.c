/* generator.c - frames that suspend and resume: generators, async functions, await.
 * Book: chapter 5, "The VM loop".
 *
 *   generator_new / generator_save / generator_restore   a frame to the heap and back
 *   generator_resume     resume from C (a promise job, or next() called by a native)
 *   generator_await      the promise reactions of an await
 *   vm_generator_method  %GeneratorPrototype%.next/throw/return
 *
 * A generator's frame runs on the VM stack like any other. At a yield or an await the
 * interpreter copies the frame's registers and operand stack into the Generator object
 * and pops the frame; resuming copies them back above the caller's stack and pushes the
 * frame again, with the value sent in on top of its operand stack. No C stack is kept
 * across a suspension, so a suspended generator costs only its own values.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "parser/ast.h"
#include "vm/internal.h"

static void release_saved(VM *vm, Generator *g);

Generator *generator_new(VM *vm, Closure *fn, GeneratorKind kind, Object *proto) {
  Generator *g = (Generator *)object_new_class(vm, CLASS_GENERATOR, sizeof(Generator), proto);
  g->kind = (uint8_t)kind;
  g->function = fn;
  g->this_value = g->promise = g->queue = VALUE_UNDEFINED;
  return g;
}

//> vm.generator-save
void generator_save(VM *vm, Generator *g, Frame *f, Value *sp, const uint8_t *pc) {
  uint32_t n = (uint32_t)(sp - f->registers);
  if (n > g->saved_capacity) {
    uint32_t cap = f->proto->register_count + f->proto->max_stack;
    if (cap < n) cap = n;
    g->saved = mem_realloc(g->saved, cap * sizeof(Value));
    gc_account(vm, (ptrdiff_t)(cap - g->saved_capacity) * (ptrdiff_t)sizeof(Value));
    g->saved_capacity = cap;
  }
  if (n) memcpy(g->saved, f->registers, n * sizeof(Value));
  g->saved_count = n;
  g->pc = (uint32_t)(pc - f->proto->code);
  g->this_value = f->this_value;
  g->argc = f->argc;
}

Frame *generator_restore(VM *vm, Generator *g, Value *slot) {
  FunctionProto *proto = g->function->proto;
  Value *regs = slot + 2;
  if (vm->frame_count >= VM_FRAMES_MAX ||
      regs + proto->register_count + proto->max_stack + 8 > vm->stack + VM_STACK_SIZE) {
    vm_throw_stack_overflow(vm);
    return NULL;
  }
  slot[0] = value_from_object(&g->function->base);
  slot[1] = g->this_value;
  if (g->saved_count) memcpy(regs, g->saved, g->saved_count * sizeof(Value));
  Frame *f = &vm->frames[vm->frame_count++];
  *f = (Frame){.function = &g->function->base, .proto = proto, .pc = proto->code + g->pc,
               .registers = regs, .this_value = g->this_value, .new_target = VALUE_UNDEFINED,
               .argc = g->argc, .gen = g};
  vm->sp = regs + g->saved_count;
  g->saved_count = 0;
  return f;
}
//< vm.generator-save

/* ==== Resuming ==== */

/* A generator that will not run again answers next/throw/return at once. */
static Value finished(VM *vm, ResumeMode mode, Value value) {
  if (mode == RESUME_THROW) return vm_throw(vm, value);
  return vm_iter_result(vm, mode == RESUME_RETURN ? value : VALUE_UNDEFINED, true);
}

//> vm.generator-resume
/* Resume g with its frame's slots at `slot`. Returns VALUE_HOLE when the frame was pushed
 * (the caller runs it), or the result when the generator cannot run. */
Value generator_resume_at(VM *vm, Generator *g, Value *slot, ResumeMode mode, Value value) {
  if (g->state == GEN_EXECUTING)
    return vm_throw_error(vm, ERR_TYPE, "Generator is already running");
  if (g->state == GEN_COMPLETED) return finished(vm, mode, value);
  if (g->state == GEN_SUSPENDED_START && mode != RESUME_NEXT && g->kind == GEN_SYNC) {
    g->state = GEN_COMPLETED; /* return() or throw() before the body ever ran */
    release_saved(vm, g);
    return finished(vm, mode, value);
  }
  if (!generator_restore(vm, g, slot)) return VALUE_EXCEPTION;
  g->state = GEN_EXECUTING;
  g->resume_mode = (uint8_t)mode;
  *vm->sp++ = value; /* what the yield or await evaluates to (RESUME looks at the mode) */
  return VALUE_HOLE;
}

Value generator_resume(VM *vm, Generator *g, ResumeMode mode, Value value) {
  Value *slot = vm->sp;
  if (stack_exhausted(vm->stack_limit)) return vm_throw_stack_overflow(vm);
  int handles = vm->handle_count;
  Value r = generator_resume_at(vm, g, slot, mode, value);
  if (r == VALUE_HOLE) {
    vm->frames[vm->frame_count - 1].is_entry = 1;
    r = interp_run(vm, vm->frame_count - 1);
  }
  vm->handle_count = handles;
  vm->sp = slot;
  return r;
}
//< vm.generator-resume

/* %GeneratorPrototype%.next / .throw / .return, called from C. (Called from bytecode,
 * the interpreter resumes the generator itself: see begin_call.) */
Value vm_generator_method(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const names[] = {"next", "throw", "return"};
  int mode = vm_native_magic(vm);
  if (!value_is_object(this_value) || value_to_object(this_value)->klass != CLASS_GENERATOR ||
      ((Generator *)value_to_object(this_value))->kind != GEN_SYNC) {
    String *ctor = value_is_object(this_value) ? error_constructor_name(vm, value_to_object(this_value)) : NULL;
    Value s = value_is_object(this_value) ? VALUE_UNDEFINED : vm_to_string(vm, this_value);
    if (value_is_exception(s)) return s;
    char *what = value_is_string(s) ? vm_to_utf8(vm, s, NULL) : NULL;
    Value r = vm_throw_error(vm, ERR_TYPE,
                             "Method [Generator].prototype.%s called on incompatible receiver %s%s%s",
                             names[mode], what ? "" : "#<", what ? what : ctor ? (char *)ctor->data : "Object",
                             what ? "" : ">");
    free(what);
    return r;
  }
  Value value = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  return generator_resume(vm, (Generator *)value_to_object(this_value), (ResumeMode)mode, value);
}

/* ==== Await ==== */

//> vm.await
/* await v: v as a built-in promise (PromiseResolve), whose reactions are the suspended
 * generator itself: the job resumes it with the value, or throws the reason into it. */
Value generator_await(VM *vm, Generator *g, Value v) {
  Value p = vm_handle_push(vm, promise_resolve_value(vm, v));
  if (value_is_exception(p)) return p;
  Value gen = value_from_object(&g->base);
  promise_then(vm, (Promise *)value_to_object(p), gen, gen, VALUE_UNDEFINED);
  return VALUE_UNDEFINED;
}
//< vm.await

/* ==== What the interpreter's instructions call ==== */

Value generator_start(VM *vm, Frame *f, Value *sp, const uint8_t *pc) {
  Closure *fn = (Closure *)f->function;
  bool async = fn->proto->flags & FN_ASYNC;
  Value fv = value_from_object(&fn->base);
  Value proto = object_get(vm, &fn->base, value_from_string(vm->atom_prototype), fv);
  if (value_is_exception(proto)) return proto;
  Object *p = value_is_object(proto) ? value_to_object(proto)
              : vm->intrinsics[async ? INTRINSIC_ASYNC_GENERATOR_PROTOTYPE
                                     : INTRINSIC_GENERATOR_PROTOTYPE];
  Generator *g = generator_new(vm, fn, async ? GEN_ASYNC_GENERATOR : GEN_SYNC, p);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(&g->base));
  if (async) g->queue = value_from_object(&array_new(vm, 0)->base);
  vm_handle_reset(vm, mark);
  generator_save(vm, g, f, sp, pc);
  g->state = GEN_SUSPENDED_START;
  return value_from_object(&g->base);
}

void generator_async_start(VM *vm, Frame *f) {
  Generator *g = generator_new(vm, (Closure *)f->function, GEN_ASYNC_FUNCTION, NULL);
  f->gen = g; /* rooted by the frame from here on */
  g->state = GEN_EXECUTING;
  g->promise = promise_new(vm, vm->intrinsics[INTRINSIC_PROMISE_PROTOTYPE]);
}

static void release_saved(VM *vm, Generator *g) {
  free(g->saved);
  g->saved = NULL;
  gc_account(vm, -(ptrdiff_t)(g->saved_capacity * sizeof(Value)));
  g->saved_capacity = g->saved_count = 0;
}

Value generator_finish(VM *vm, Generator *g, Value v) {
  g->state = GEN_COMPLETED;
  release_saved(vm, g);
  if (g->kind == GEN_SYNC) return vm_iter_result(vm, v, true);
  if (g->kind == GEN_ASYNC_GENERATOR) {
    async_generator_finish(vm, g, v, false);
    return VALUE_UNDEFINED;
  }
  promise_resolve(vm, (Promise *)value_to_object(g->promise), v);
  return g->promise;
}

Value generator_unwind(VM *vm, Generator *g) {
  g->state = GEN_COMPLETED;
  release_saved(vm, g);
  if (g->kind == GEN_SYNC || vm->terminating) return VALUE_EXCEPTION;
  if (g->kind == GEN_ASYNC_GENERATOR) {
    async_generator_finish(vm, g, VALUE_UNDEFINED, true);
    return VALUE_UNDEFINED;
  }
  promise_reject(vm, (Promise *)value_to_object(g->promise), vm_take_exception(vm));
  return g->promise;
}

/* V8's TypeError for an iterator result that is not an object (a primitive). */
Value iter_result_not_object(VM *vm, Value result) {
  char *what = reflect_describe(vm, result);
  Value r = vm_throw_error(vm, ERR_TYPE, "Iterator result %s is not an object", what);
  free(what);
  return r;
}

/* GetMethod(iter, name): undefined, a function, or an exception (not callable). */
Value iter_get_method(VM *vm, Value iter, const char *name) {
  Value m = vm_get(vm, iter, vm_atom(vm, name));
  if (value_is_exception(m) || value_is_nullish(m)) return value_is_exception(m) ? m : VALUE_UNDEFINED;
  if (!vm_is_callable(m)) return vm_throw_error(vm, ERR_TYPE, "%s is not a function", name);
  return m;
}

/* yield* got throw() but the inner iterator has no `throw`: close it, then complain (also
 * %AsyncFromSyncIteratorPrototype%.throw's protocol violation). */
Value iter_close_no_throw(VM *vm, Value iter) {
  Value ret = iter_get_method(vm, iter, "return");
  if (value_is_exception(ret)) return ret;
  if (!value_is_undefined(ret)) {
    Value r = vm_call(vm, ret, iter, 0, NULL);
    if (value_is_exception(r)) return r;
    if (!value_is_object(r)) return iter_result_not_object(vm, r);
  }
  return vm_throw_error(vm, ERR_TYPE, "The iterator does not provide a 'throw' method.");
}

/* The for-of fast path left an array and an index: make the real iterator yield* needs. */
static Value delegate_real_iterator(VM *vm, Value *slots) {
  Value it = vm_call(vm, vm_pinned(vm, vm->array_values_pin), slots[0], 0, NULL);
  if (value_is_exception(it)) return it;
  slots[0] = it;
  slots[1] = vm_pinned(vm, vm->array_next_pin);
  return VALUE_UNDEFINED;
}

//> vm.delegate
Value generator_delegate(VM *vm, Value *slots) {
  if (value_is_number(slots[1]) && value_is_exception(delegate_real_iterator(vm, slots)))
    return VALUE_EXCEPTION;
  Value iter = slots[0], v = slots[2], fn = slots[1];
  int mode = (int)value_to_number(slots[3]);
  if (mode != RESUME_NEXT) {
    fn = iter_get_method(vm, iter, mode == RESUME_THROW ? "throw" : "return");
    if (value_is_exception(fn)) return fn;
    if (value_is_undefined(fn) && mode == RESUME_THROW) return iter_close_no_throw(vm, iter);
    if (value_is_undefined(fn)) return VALUE_HOLE; /* slots: iter next v 2: return v */
  }
  Value result = vm_handle_push(vm, vm_call(vm, fn, iter, 1, &v));
  if (value_is_exception(result)) return result;
  if (!value_is_object(result)) return iter_result_not_object(vm, result);
  Value done = vm_get(vm, result, value_from_string(vm->atom_done));
  if (value_is_exception(done) || !vm_truthy(done)) return done == VALUE_EXCEPTION ? done : result;
  Value value = vm_get(vm, result, value_from_string(vm->atom_value));
  if (value_is_exception(value)) return value;
  slots[2] = value;
  slots[3] = value_from_number(mode == RESUME_RETURN ? 2 : 0);
  return VALUE_HOLE;
}
//< vm.delegate

/* ==== Closures ==== */

void generator_closure_init(VM *vm, Closure *c) {
  uint32_t flags = c->proto->flags;
  bool async = flags & FN_ASYNC;
  if (!(flags & FN_GENERATOR)) {
    c->base.proto = vm->intrinsics[INTRINSIC_ASYNC_FUNCTION_PROTOTYPE];
    return;
  }
  c->base.proto = vm->intrinsics[async ? INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE
                                       : INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE];
  Object *p = object_new(vm, vm->intrinsics[async ? INTRINSIC_ASYNC_GENERATOR_PROTOTYPE
                                                  : INTRINSIC_GENERATOR_PROTOTYPE]);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(p));
  object_define_own(vm, &c->base, value_from_string(vm->atom_prototype), value_from_object(p),
                    ATTR_WRITABLE);
  vm_handle_reset(vm, mark);
}

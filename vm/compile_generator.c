/* compile_generator.c - compiling generators, async functions, yield, yield* and await.
 * Book: chapter 4, "Compiling", and chapter 5, "The VM loop".
 *
 * Entry points (vm/compile.h): compile_generator_start, compile_yield, compile_await,
 * compile_return_op. A suspension point is one instruction (GENERATOR_START, YIELD,
 * AWAIT) followed by RESUME, which decides, when the frame runs again, whether the value
 * sent in is the expression's value (next), is thrown there (throw), or is returned
 * from there through the finally blocks around it (return): the return path is
 * compiled right after RESUME, which jumps over it in the common case.
 */
#include "vm/compile.h"

static bool in_async_generator(Compiler *c);

Opcode compile_return_op(Compiler *c) {
  return c->fs->proto->flags & (FN_GENERATOR | FN_ASYNC) ? OP_GEN_RETURN : OP_RETURN;
}

//> vm.compile-resume
static bool in_async_generator(Compiler *c) {
  uint32_t flags = c->fs->proto->flags;
  return (flags & FN_ASYNC) && (flags & FN_GENERATOR);
}

/* AWAIT and its RESUME, which has no return path: return() never resumes an await. */
void compile_await_top(Compiler *c) {
  emit_op(c, OP_AWAIT);
  int depth = c->fs->depth;
  uint32_t skip = emit_jump(c, OP_RESUME);
  compile_patch_here(c, skip);
  compile_set_depth(c, depth);
}

/* After a suspension, with the value sent in on the stack: RESUME, then the return path
 * (an async generator awaits the value it is to return first). */
static void emit_resume(Compiler *c) {
  int depth = c->fs->depth;
  uint32_t skip = emit_jump(c, OP_RESUME);
  if (in_async_generator(c)) compile_await_top(c);
  compile_return_value(c); /* resumed by return(): run the finally blocks, then return */
  compile_patch_here(c, skip);
  compile_set_depth(c, depth);
}
//< vm.compile-resume

/* A generator's body starts suspended: the call only evaluates the parameters. */
void compile_generator_start(Compiler *c) {
  emit_op(c, OP_GENERATOR_START);
  emit_resume(c);
  emit_op(c, OP_POP); /* the value the first next() sent, which nobody sees */
}

void compile_await(Compiler *c, Node *n) {
  compile_expr(c, n->as.unary.operand);
  compile_mark_node(c, n);
  compile_await_top(c);
}

/* The end of yield*, with iter next value mode' on the stack: the value is the
 * expression's, or (mode' 2: the inner iterator finished a return) the generator's return. */
static void finish_yield_star(Compiler *c, int base) {
  uint32_t ret = emit_jump(c, OP_JUMP_IF_TRUE);
  emit_op(c, OP_ROT3);
  emit_op(c, OP_POP);
  emit_op(c, OP_POP);
  uint32_t end = emit_jump(c, OP_JUMP);
  compile_patch_here(c, ret);
  compile_set_depth(c, base + 3);
  compile_return_value(c);
  compile_patch_here(c, end);
  compile_set_depth(c, base + 1);
}

/* The start of yield*: the inner iterator (get: GET_ITERATOR or GET_ASYNC_ITERATOR) and
 * the first resumption, iter next undefined 0. Returns the depth below iter. */
static int begin_yield_star(Compiler *c, Node *n, Opcode get) {
  compile_expr(c, n->as.unary.operand);
  compile_mark_node(c, n);
  emit_op(c, get);
  int base = c->fs->depth - 2;
  emit_op(c, OP_PUSH_UNDEFINED);
  emit_number(c, 0);
  return base;
}

//> vm.compile-yield-star
/* yield* iterable: DELEGATE calls the inner iterator's next, throw or return with what
 * the outer generator was resumed with, and hands its results out unchanged:
 *       iterable GET_ITERATOR PUSH_UNDEFINED PUSH_INT 0     iter next received mode
 *   loop: DELEGATE done; YIELD raw; RESUME_MODE; JUMP loop
 *   done: JUMP_IF_TRUE ret (mode 2: the inner return finished it); drop iter, next
 *   ret:  the return path, as after RESUME */
static void compile_yield_star(Compiler *c, Node *n) {
  int base = begin_yield_star(c, n, OP_GET_ITERATOR);
  uint32_t loop = compile_code_here(c);
  uint32_t done = emit_jump(c, OP_DELEGATE);
  emit_u8(c, OP_YIELD, 1);
  emit_op(c, OP_RESUME_MODE);
  emit_jump_to(c, OP_JUMP, loop);
  compile_patch_here(c, done);
  compile_set_depth(c, base + 4);
  finish_yield_star(c, base);
}
//< vm.compile-yield-star

//> vm.compile-async-yield-star
/* yield* in an async generator: every result of the inner iterator is awaited, and its
 * values are handed out as they are (no await of its own, unlike `yield v`):
 *       iterable GET_ASYNC_ITERATOR PUSH_UNDEFINED PUSH_INT 0     iter next received mode
 *   loop: DELEGATE_CALL; AWAIT; DELEGATE_STEP done; YIELD raw; RESUME_MODE
 *         (mode 2, return(v): AWAIT v first, as AsyncGeneratorUnwrapYieldResumption); JUMP loop
 *   done: mode' 4 (a value to return, to be awaited first): JUMP loop; then as yield* */
static void compile_async_yield_star(Compiler *c, Node *n) {
  int base = begin_yield_star(c, n, OP_GET_ASYNC_ITERATOR);
  uint32_t loop = compile_code_here(c);
  emit_op(c, OP_DELEGATE_CALL);
  compile_await_top(c);
  uint32_t done = emit_jump(c, OP_DELEGATE_STEP);
  emit_u8(c, OP_YIELD, 1);
  emit_op(c, OP_RESUME_MODE);
  emit_op(c, OP_DUP); /* return(v): v is awaited before the inner iterator hears of it */
  emit_number(c, RESUME_RETURN);
  emit_op(c, OP_STRICT_EQ);
  emit_jump_to(c, OP_JUMP_IF_FALSE, loop);
  emit_op(c, OP_SWAP);
  compile_await_top(c);
  emit_op(c, OP_SWAP);
  emit_jump_to(c, OP_JUMP, loop);
  compile_patch_here(c, done);
  compile_set_depth(c, base + 4);
  emit_op(c, OP_DUP);
  emit_number(c, 4); /* async_iterator.c: DELEGATE_AWAIT_RETURN */
  emit_op(c, OP_STRICT_EQ);
  emit_jump_to(c, OP_JUMP_IF_TRUE, loop);
  finish_yield_star(c, base);
}
//< vm.compile-async-yield-star

void compile_yield(Compiler *c, Node *n) {
  if (n->as.unary.op) {
    if (in_async_generator(c)) compile_async_yield_star(c, n);
    else compile_yield_star(c, n);
    return;
  }
  if (n->as.unary.operand) compile_expr(c, n->as.unary.operand);
  else emit_op(c, OP_PUSH_UNDEFINED);
  compile_mark_node(c, n);
  if (in_async_generator(c)) compile_await_top(c); /* an async generator yields values */
  emit_u8(c, OP_YIELD, 0);
  emit_resume(c);
}

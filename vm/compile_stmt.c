/* compile_stmt.c - compiling statements: blocks, declarations, loops, switch, labels,
 * break/continue/return, throw and try/catch/finally.
 * Book: chapter 4, "Compiling".
 *
 * Entry points (vm/compile.h): compile_stmt, compile_body, compile_return_value.
 * Every statement leaves the operand stack as deep as it found it. Statements that
 * control can leave (loops, switch, labels, try) push a Control; break, continue
 * and return walk that list outwards, emitting each one's cleanup on the way.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/compile.h"

/* ==== Controls ==== */

static void control_push(Compiler *c, Control *ctl, ControlKind kind, const char *const *labels,
                         int label_count) {
  *ctl = (Control){.outer = c->fs->control, .kind = kind, .labels = labels,
                   .label_count = label_count, .base = c->fs->depth, .open_start = -1};
  c->fs->control = ctl;
}

static void control_pop(Compiler *c, Control *ctl) {
  if (c->fs->control != ctl) PANIC("control_pop: not the innermost statement");
  c->fs->control = ctl->outer;
}

static void range_open(Compiler *c, Control *ctl) {
  ctl->protects = true;
  ctl->open_start = compile_code_here(c);
}

/* Ends the range being built (an exit's cleanup code must not be protected by it). */
static void range_cut(Compiler *c, Control *ctl) {
  if (ctl->open_start < 0) return;
  uint32_t start = (uint32_t)ctl->open_start, end = compile_code_here(c);
  ctl->open_start = -1;
  if (end == start) return;
  if (ctl->range_count == ctl->range_capacity) {
    ctl->range_capacity = ctl->range_capacity ? ctl->range_capacity * 2 : 4;
    ctl->ranges = mem_realloc(ctl->ranges, (size_t)ctl->range_capacity * sizeof *ctl->ranges);
  }
  ctl->ranges[ctl->range_count++] = (CodeRange){start, end};
}

static void add_handler_entry(Compiler *c, CodeRange r, uint32_t handler, int depth) {
  FunctionProto *p = c->fs->proto;
  if (p->handler_count == p->handler_capacity) {
    p->handler_capacity = p->handler_capacity ? p->handler_capacity * 2 : 4;
    p->handlers = mem_realloc(p->handlers, p->handler_capacity * sizeof *p->handlers);
  }
  p->handlers[p->handler_count++] = (HandlerEntry){r.start, r.end, handler, (uint32_t)depth};
}

//> vm.compile-handlers
/* A try block is finished: one handler entry per piece of its range. Inner try
 * blocks finish first, so their entries come first and win. */
static void add_handlers(Compiler *c, Control *ctl, uint32_t handler, int depth) {
  range_cut(c, ctl);
  for (int i = 0; i < ctl->range_count; i++) add_handler_entry(c, ctl->ranges[i], handler, depth);
  free(ctl->ranges);
  ctl->ranges = NULL;
  ctl->range_count = ctl->range_capacity = 0;
}
//< vm.compile-handlers

static bool has_label(const Control *ctl, const char *label) {
  for (int i = 0; i < ctl->label_count; i++)
    if (strcmp(ctl->labels[i], label) == 0) return true;
  return false;
}

static bool is_loop_control(const Control *ctl) {
  return ctl->kind == CTRL_LOOP || ctl->kind == CTRL_FOR_IN || ctl->kind == CTRL_FOR_OF;
}

static Control *find_target(Compiler *c, const char *label, bool is_continue) {
  for (Control *ctl = c->fs->control; ctl; ctl = ctl->outer) {
    if (label ? has_label(ctl, label) : (is_loop_control(ctl) || ctl->kind == CTRL_SWITCH)) {
      if (!is_continue || is_loop_control(ctl)) return ctl;
    }
  }
  PANIC("find_target: the parser let through a jump with no target");
}

/* ==== Completion values ==== */

/* At a script's (or eval's) top level an if, a loop, a switch or a try that runs no
 * expression statement completes with undefined, not with what came before it:
 * eval('1; if (true) {}') is undefined. Each starts by setting the completion value. */
static void reset_completion(Compiler *c) {
  if (c->fs->completion_register < 0) return;
  emit_op(c, OP_PUSH_UNDEFINED);
  emit_u16(c, OP_SET_LOCAL, c->fs->completion_register);
  emit_op(c, OP_POP);
}

/* A finally block's own completion is dropped when it ends normally:
 * eval('1; try { 2 } finally { 3 }') is 2. Its statements' values go to a register of
 * their own, which a break or continue out of the block makes the try's value. */
static void compile_finalizer(Compiler *c, Node *finalizer) {
  FuncState *fs = c->fs;
  FinallyBody body = {fs->control, -1, fs->completion_register, fs->finally_body};
  if (body.outer >= 0) {
    body.temp = compile_alloc_register(c);
    emit_op(c, OP_PUSH_HOLE);
    emit_u16(c, OP_SET_LOCAL, body.temp);
    emit_op(c, OP_POP);
  }
  fs->completion_register = body.temp;
  fs->finally_body = &body;
  compile_stmt(c, finalizer);
  fs->finally_body = body.enclosing;
  fs->completion_register = body.outer;
}

/* Is the control target inside the finally block b (pushed while compiling it)? */
static bool inside_finally(Compiler *c, const FinallyBody *b, const Control *target) {
  for (Control *ctl = c->fs->control; ctl && ctl != b->base; ctl = ctl->outer)
    if (ctl == target) return true;
  return false;
}

/* break/continue to target out of a finally block: the try statement completes with
 * the block's value so far, or undefined: eval('do { try { 1 } finally { 2; break } }
 * while (0)') is 2. (Finally blocks it runs on the way out drop theirs, as usual.) */
static void keep_finally_value(Compiler *c, const Control *target) {
  FinallyBody *b = c->fs->finally_body;
  if (!b || b->temp < 0 || inside_finally(c, b, target)) return;
  int depth = c->fs->depth;
  emit_u16(c, OP_GET_LOCAL, b->temp);
  uint32_t set = emit_jump(c, OP_JUMP_IF_NOT_HOLE);
  compile_set_depth(c, depth); /* the hole: popped */
  emit_op(c, OP_PUSH_UNDEFINED);
  compile_patch_here(c, set);
  for (; b && b->temp >= 0 && !inside_finally(c, b, target); b = b->enclosing)
    emit_u16(c, OP_SET_LOCAL, b->outer);
  emit_op(c, OP_POP);
}

/* ==== Leaving statements ==== */

/* Close the iterator of a for-of loop (iter next on the stack). A for await calls
 * return() and awaits its result, which must be an object unless an exception is on its
 * way out anyway (check false). */
static void compile_iter_close(Compiler *c, bool is_await, bool check) {
  if (!is_await) {
    emit_op(c, OP_ITER_CLOSE);
    return;
  }
  int depth = c->fs->depth;
  uint32_t none = emit_jump(c, OP_ITER_RETURN);
  compile_await_top(c);
  emit_op(c, check ? OP_ITER_RESULT_CHECK : OP_POP);
  compile_patch_here(c, none);
  compile_set_depth(c, depth - 2);
}

//> vm.compile-exit
/* The cleanup for leaving one statement early: close a for-of iterator, drop a
 * for-in enumerator, or run a finally block (compiled again, here). The statement's
 * protected range is cut so that the cleanup code is not covered by it. */
static void emit_cleanup(Compiler *c, Control *ctl) {
  range_cut(c, ctl);
  compile_pop_to(c, ctl->base + ctl->slots);
  if (ctl->kind == CTRL_FOR_OF || ctl->kind == CTRL_PATTERN)
    compile_iter_close(c, ctl->is_await, true);
  if (ctl->kind == CTRL_FOR_IN) emit_op(c, OP_POP);
  if (ctl->kind == CTRL_FINALLY) {
    Control *saved = c->fs->control;
    c->fs->control = ctl->outer; /* a jump inside the finally block starts out there */
    compile_finalizer(c, ctl->finalizer);
    c->fs->control = saved;
  }
}

/* Cleanup for every statement from the innermost up to (not including) stop. */
static void emit_exits(Compiler *c, Control *stop) {
  for (Control *ctl = c->fs->control; ctl != stop; ctl = ctl->outer) emit_cleanup(c, ctl);
}
//< vm.compile-exit

/* After the exit's jump, the code that follows is still inside those statements. */
static void reopen_ranges(Compiler *c, Control *stop) {
  for (Control *ctl = c->fs->control; ctl != stop; ctl = ctl->outer)
    if (ctl->protects) ctl->open_start = compile_code_here(c);
}

static void compile_break(Compiler *c, Node *n) {
  Control *target = find_target(c, n->as.jump.label, false);
  int depth = c->fs->depth;
  keep_finally_value(c, target);
  emit_exits(c, target->outer); /* the target too: a for-of loop closes its iterator */
  compile_patch_list_add(&target->breaks, emit_jump(c, OP_JUMP));
  reopen_ranges(c, target->outer);
  compile_set_depth(c, depth);
}

static void compile_continue(Compiler *c, Node *n) {
  Control *target = find_target(c, n->as.jump.label, true);
  int depth = c->fs->depth;
  keep_finally_value(c, target);
  emit_exits(c, target);
  compile_pop_to(c, target->base + target->slots);
  compile_patch_list_add(&target->continues, emit_jump(c, OP_JUMP));
  reopen_ranges(c, target);
  compile_set_depth(c, depth);
}

/* Does a return have code to run on its way out? A derived constructor's return in a
 * try block leaves its range too: the check of what it returns throws outside the body,
 * where no catch of the constructor sees it. */
static bool return_needs_cleanup(Compiler *c, const Control *ctl) {
  Node *fn = c->fs->node;
  bool derived = fn->kind == NODE_FUNCTION && (fn->as.function.flags & FN_DERIVED);
  for (; ctl; ctl = ctl->outer)
    if (ctl->kind == CTRL_FOR_OF || ctl->kind == CTRL_PATTERN || ctl->kind == CTRL_FINALLY ||
        (derived && ctl->kind == CTRL_TRY))
      return true;
  return false;
}

/* The value on top of the stack is returned. Through finally blocks and for-of loops
 * it waits in a register while their cleanup runs. */
void compile_return_value(Compiler *c) {
  FuncState *fs = c->fs;
  if (!return_needs_cleanup(c, fs->control)) {
    compile_constructor_result(c);
    emit_op(c, compile_return_op(c));
    return;
  }
  if (fs->return_register < 0) fs->return_register = compile_alloc_register(c);
  int depth = fs->depth;
  emit_u16(c, OP_SET_LOCAL, fs->return_register);
  emit_op(c, OP_POP);
  emit_exits(c, NULL);
  emit_u16(c, OP_GET_LOCAL, fs->return_register);
  compile_constructor_result(c);
  emit_op(c, compile_return_op(c));
  reopen_ranges(c, NULL);
  compile_set_depth(c, depth - 1);
}

static void compile_return(Compiler *c, Node *n) {
  uint32_t flags = c->fs->proto->flags;
  if (n->as.unary.operand) compile_expr_at(c, n->as.unary.operand, compile_pos_of(n));
  else emit_op(c, OP_PUSH_UNDEFINED);
  Node *fn = c->fs->node;
  if (fn->kind == NODE_FUNCTION && (fn->as.function.flags & FN_DERIVED)) compile_mark_node(c, n);
  if (n->as.unary.operand && (flags & FN_ASYNC) && (flags & FN_GENERATOR))
    compile_await_top(c); /* an async generator's return awaits its operand */
  compile_return_value(c);
}

/* ==== try / catch / finally ==== */

/* catch (param) { body }: the exception is on the stack. */
static void compile_catch(Compiler *c, Node *n) {
  Node *param = n->as.try_stmt.param, *handler = n->as.try_stmt.handler;
  compile_enter_scope(c, n->as.try_stmt.scope);
  if (param) compile_pattern_assign(c, param, VAR_LET, NULL);
  else emit_op(c, OP_POP);
  if (handler->as.block.scope != n->as.try_stmt.scope) /* a body apart from the param */
    compile_enter_scope(c, handler->as.block.scope);
  compile_hoist_functions(c, &handler->as.block.body);
  compile_body(c, &handler->as.block.body);
}

//> vm.compile-try
/* try { A } catch (e) { B } finally { F } becomes
 *       A                    protected by the catch handler and the finally handler
 *       JUMP done
 *   catch: bind e; B         protected by the finally handler
 *   done: F; JUMP end        the normal path runs F once
 *   finally: F; RETHROW      any exception runs F and is thrown again, from where it was
 *   end:
 * and break/continue/return inside A or B run their own copy of F on the way out. */
static void compile_try(Compiler *c, Node *n) {
  Node *handler = n->as.try_stmt.handler, *finalizer = n->as.try_stmt.finalizer;
  int base = c->fs->depth;
  Control fin, tc;
  reset_completion(c);
  if (finalizer) {
    control_push(c, &fin, CTRL_FINALLY, NULL, 0);
    fin.finalizer = finalizer;
    range_open(c, &fin);
  }
  if (handler) {
    control_push(c, &tc, CTRL_TRY, NULL, 0);
    range_open(c, &tc);
  }
  compile_stmt(c, n->as.try_stmt.block);
  if (handler) {
    control_pop(c, &tc);
    range_cut(c, &tc);
    uint32_t done = emit_jump(c, OP_JUMP);
    add_handlers(c, &tc, compile_code_here(c), base);
    compile_set_depth(c, base + 1);
    compile_catch(c, n);
    compile_patch_here(c, done);
  }
  if (!finalizer) return;
  control_pop(c, &fin);
  range_cut(c, &fin);
  compile_finalizer(c, finalizer);
  uint32_t end = emit_jump(c, OP_JUMP);
  add_handlers(c, &fin, compile_code_here(c), base);
  compile_set_depth(c, base + 1);
  compile_finalizer(c, finalizer);
  emit_op(c, OP_RETHROW); /* the caret stays where the error was first thrown */
  compile_patch_here(c, end);
}
//< vm.compile-try

/* ==== Loops ==== */

/* Jumps collected in a list now go to target (which may be behind them). */
static void patch_list_to(Compiler *c, PatchList *l, uint32_t target) {
  uint8_t *code = c->fs->proto->code;
  for (int i = 0; i < l->count; i++) {
    int32_t offset = (int32_t)target - (int32_t)(l->at[i] + 4);
    for (int b = 0; b < 4; b++) code[l->at[i] + b] = (uint8_t)((uint32_t)offset >> (8 * b));
  }
  free(l->at);
  *l = (PatchList){0};
}

static void finish_loop(Compiler *c, Control *loop) {
  control_pop(c, loop);
  compile_patch_list_here(c, &loop->breaks);
  compile_set_depth(c, loop->base);
}

static void compile_while(Compiler *c, Node *n, const char *const *labels, int count) {
  Control loop;
  control_push(c, &loop, CTRL_LOOP, labels, count);
  uint32_t top = compile_code_here(c);
  compile_expr(c, n->as.loop.test);
  uint32_t exit = emit_jump(c, OP_JUMP_IF_FALSE);
  compile_stmt(c, n->as.loop.body);
  patch_list_to(c, &loop.continues, top);
  emit_jump_to(c, OP_JUMP, top);
  compile_patch_here(c, exit);
  finish_loop(c, &loop);
}

static void compile_do_while(Compiler *c, Node *n, const char *const *labels, int count) {
  Control loop;
  control_push(c, &loop, CTRL_LOOP, labels, count);
  uint32_t top = compile_code_here(c);
  compile_stmt(c, n->as.loop.body);
  compile_patch_list_here(c, &loop.continues);
  compile_expr(c, n->as.loop.test);
  emit_jump_to(c, OP_JUMP_IF_TRUE, top);
  finish_loop(c, &loop);
}

/* for (let i...): closures made in one iteration keep that iteration's i, so each
 * captured let of the head gets a fresh Cell (holding the current value) per turn. */
static void copy_iteration_cells(Compiler *c, Scope *s) {
  if (!s) return;
  for (Binding *b = s->first; b; b = b->next)
    if (b->captured && b->kind == BIND_LET) emit_u16(c, OP_COPY_CELL, b->reg);
}

//> vm.compile-for
static void compile_for(Compiler *c, Node *n, const char *const *labels, int count) {
  Scope *head = n->as.loop.scope;
  compile_enter_scope(c, head);
  Node *init = n->as.loop.init;
  if (init && init->kind == NODE_VAR) compile_stmt(c, init);
  else if (init) compile_expr_discard(c, init);
  copy_iteration_cells(c, head);
  Control loop;
  control_push(c, &loop, CTRL_LOOP, labels, count);
  uint32_t top = compile_code_here(c), exit = 0;
  if (n->as.loop.test) {
    compile_expr(c, n->as.loop.test);
    exit = emit_jump(c, OP_JUMP_IF_FALSE);
  }
  compile_stmt(c, n->as.loop.body);
  compile_patch_list_here(c, &loop.continues);
  copy_iteration_cells(c, head);
  if (n->as.loop.update) compile_expr_discard(c, n->as.loop.update);
  emit_jump_to(c, OP_JUMP, top);
  if (n->as.loop.test) compile_patch_here(c, exit);
  finish_loop(c, &loop);
}
//< vm.compile-for

/* The head of for-in/of receives the value on top of the stack. */
static void assign_loop_target(Compiler *c, Node *left) {
  if (left->kind != NODE_VAR) {
    compile_pattern_assign(c, left, STORE_ASSIGN, NULL);
    return;
  }
  Node *d = left->as.var.declarators.items[0];
  compile_pattern_assign(c, d->as.declarator.target, (int)left->as.var.kind, NULL);
}

static void compile_for_in(Compiler *c, Node *n, const char *const *labels, int count) {
  compile_enter_scope(c,
                      n->as.for_each.scope); /* `for (let x in x)`: the right side sees the TDZ */
  compile_expr(c, n->as.for_each.right);
  compile_mark_node(c, n->as.for_each.right);
  emit_op(c, OP_FOR_IN_START);
  Control loop;
  control_push(c, &loop, CTRL_FOR_IN, labels, count);
  loop.base--, loop.slots = 1;
  uint32_t top = compile_code_here(c);
  uint32_t done = emit_jump(c, OP_FOR_IN_NEXT);
  compile_enter_scope(c, n->as.for_each.scope); /* a fresh binding per iteration */
  assign_loop_target(c, n->as.for_each.left);
  compile_stmt(c, n->as.for_each.body);
  patch_list_to(c, &loop.continues, top);
  emit_jump_to(c, OP_JUMP, top);
  compile_patch_here(c, done);
  compile_set_depth(c, loop.base + 1);
  emit_op(c, OP_POP);
  finish_loop(c, &loop);
}

/* The handler of a for-of body (or of an array pattern's assignments): iter next exc. It
 * closes the iterator and throws exc again; an error while closing loses to exc, so
 * ITER_CLOSE has a handler of its own. */
static void close_on_throw(Compiler *c, int base, bool is_await) {
  compile_set_depth(c, base + 3);
  int saved = compile_alloc_register(c);
  emit_u16(c, OP_SET_LOCAL, saved);
  emit_op(c, OP_POP);
  CodeRange closing = {compile_code_here(c), 0};
  compile_iter_close(c, is_await, false);
  closing.end = compile_code_here(c);
  emit_u16(c, OP_GET_LOCAL, saved);
  emit_op(c, OP_RETHROW);
  add_handler_entry(c, closing, compile_code_here(c), base);
  compile_set_depth(c, base + 1); /* the error from closing: dropped */
  emit_op(c, OP_POP);
  emit_u16(c, OP_GET_LOCAL, saved);
  emit_op(c, OP_RETHROW);
}

//> vm.compile-for-of
/* Where V8 says a for-of loop calls next(): the name it binds (the property of a member
 * target), or the end of a pattern. */
static SrcPos next_call_pos(Compiler *c, const Node *left) {
  if (left->kind == NODE_VAR) left = left->as.var.declarators.items[0]->as.declarator.target;
  if (left->kind == NODE_MEMBER && !left->as.member.computed) left = left->as.member.property;
  if (left->kind == NODE_IDENTIFIER || left->kind == NODE_MEMBER) return compile_pos_of(left);
  return compile_pos_of_end(c, left);
}

/* for (x of it): GET_ITERATOR leaves iter and next on the stack; ITER_NEXT pushes
 * each value or jumps when done. An exception in the body closes the iterator. A for
 * await gets an async iterator instead and awaits each result of next(). */
static void compile_for_of(Compiler *c, Node *n, const char *const *labels, int count) {
  bool is_await = n->as.for_each.is_await;
  compile_enter_scope(c, n->as.for_each.scope);
  compile_expr(c, n->as.for_each.right);
  compile_mark_named(c, compile_pos_of(n->as.for_each.right), n->as.for_each.right);
  emit_op(c, is_await ? OP_GET_ASYNC_ITERATOR : OP_GET_ITERATOR);
  Control loop;
  control_push(c, &loop, CTRL_FOR_OF, labels, count);
  loop.base -= 2, loop.slots = 2, loop.is_await = is_await;
  uint32_t top = compile_code_here(c);
  compile_mark_pos(c, next_call_pos(c, n->as.for_each.left));
  if (is_await) {
    emit_op(c, OP_ITER_CALL_NEXT);
    compile_await_top(c);
  }
  uint32_t done = emit_jump(c, is_await ? OP_ITER_VALUE : OP_ITER_NEXT);
  range_open(c, &loop);
  compile_enter_scope(c, n->as.for_each.scope);
  assign_loop_target(c, n->as.for_each.left);
  compile_stmt(c, n->as.for_each.body);
  range_cut(c, &loop);
  patch_list_to(c, &loop.continues, top);
  emit_jump_to(c, OP_JUMP, top);
  add_handlers(c, &loop, compile_code_here(c), loop.base + 2);
  close_on_throw(c, loop.base, is_await);
  compile_patch_here(c, done);
  compile_set_depth(c, loop.base + 2);
  emit_op(c, OP_POP);
  emit_op(c, OP_POP);
  finish_loop(c, &loop);
}
//< vm.compile-for-of

/* ==== Array patterns' iterators ==== */

void compile_pattern_begin(Compiler *c, Control *ctl) {
  control_push(c, ctl, CTRL_PATTERN, NULL, 0);
  ctl->base -= 2, ctl->slots = 2;
  range_open(c, ctl);
}

void compile_pattern_protect(Compiler *c, Control *ctl, bool on) {
  if (on) range_open(c, ctl);
  else range_cut(c, ctl);
}

void compile_pattern_end(Compiler *c, Control *ctl) {
  range_cut(c, ctl);
  emit_op(c, OP_ITER_CLOSE); /* a no-op once the iterator is done (a rest element) */
  uint32_t over = emit_jump(c, OP_JUMP);
  add_handlers(c, ctl, compile_code_here(c), ctl->base + 2);
  close_on_throw(c, ctl->base, false);
  compile_patch_here(c, over);
  compile_set_depth(c, ctl->base);
  control_pop(c, ctl);
}

/* ==== switch and labels ==== */

static void hoist_case_functions(Compiler *c, NodeList *cases) {
  for (int i = 0; i < cases->count; i++)
    compile_hoist_functions(c, &cases->items[i]->as.case_clause.body);
}

/* switch (d) { case a: ... }: d waits in a register; the tests run in order with ===
 * and jump into the bodies, which fall through into each other. */
static void compile_switch(Compiler *c, Node *n, const char *const *labels, int count) {
  NodeList *cases = &n->as.switch_stmt.cases;
  compile_expr_at(c, n->as.switch_stmt.discriminant, compile_pos_of(n));
  int reg = compile_alloc_register(c);
  emit_u16(c, OP_SET_LOCAL, reg);
  emit_op(c, OP_POP);
  Control sw;
  control_push(c, &sw, CTRL_SWITCH, labels, count);
  compile_enter_scope(c, n->as.switch_stmt.scope);
  hoist_case_functions(c, cases);
  uint32_t *entry = mem_calloc((size_t)cases->count + 1, sizeof *entry);
  int default_index = -1;
  for (int i = 0; i < cases->count; i++) {
    Node *test = cases->items[i]->as.case_clause.test;
    if (!test) { default_index = i; continue; }
    emit_u16(c, OP_GET_LOCAL, reg);
    compile_expr(c, test);
    emit_op(c, OP_STRICT_EQ);
    entry[i] = emit_jump(c, OP_JUMP_IF_TRUE);
  }
  uint32_t fallback = emit_jump(c, OP_JUMP);
  if (default_index < 0) compile_patch_list_add(&sw.breaks, fallback);
  else entry[default_index] = fallback;
  for (int i = 0; i < cases->count; i++) {
    compile_patch_here(c, entry[i]);
    compile_body(c, &cases->items[i]->as.case_clause.body);
  }
  free(entry);
  finish_loop(c, &sw);
}

static bool is_loop_node(const Node *n) {
  return n->kind == NODE_FOR || n->kind == NODE_FOR_IN || n->kind == NODE_FOR_OF ||
         n->kind == NODE_WHILE || n->kind == NODE_DO_WHILE || n->kind == NODE_SWITCH;
}

/* Loops and switch, with the labels that name them. */
static void compile_breakable(Compiler *c, Node *n, const char *const *labels, int count) {
  reset_completion(c);
  switch (n->kind) {
  case NODE_FOR: compile_for(c, n, labels, count); return;
  case NODE_FOR_IN: compile_for_in(c, n, labels, count); return;
  case NODE_FOR_OF: compile_for_of(c, n, labels, count); return;
  case NODE_WHILE: compile_while(c, n, labels, count); return;
  case NODE_DO_WHILE: compile_do_while(c, n, labels, count); return;
  case NODE_SWITCH: compile_switch(c, n, labels, count); return;
  default: PANIC("compile_breakable: not a loop");
  }
}

#define MAX_LABELS 32

/* a: b: stmt. A loop takes its labels for break and continue; any other statement
 * gets a CTRL_LABEL so that `break a` can leave it. */
static void compile_labeled(Compiler *c, Node *n) {
  const char *labels[MAX_LABELS];
  int count = 0;
  while (n->kind == NODE_LABELED) {
    if (count == MAX_LABELS) {
      compile_error(c, n, "too many labels (limit %s)", "32");
      return;
    }
    labels[count++] = n->as.labeled.label;
    n = n->as.labeled.body;
  }
  if (is_loop_node(n)) {
    compile_breakable(c, n, labels, count);
    return;
  }
  Control ctl;
  control_push(c, &ctl, CTRL_LABEL, labels, count);
  compile_stmt(c, n);
  finish_loop(c, &ctl);
}

/* ==== Simple statements ==== */

static void compile_var(Compiler *c, Node *n) {
  VarKind kind = n->as.var.kind;
  NodeList *list = &n->as.var.declarators;
  for (int i = 0; i < list->count; i++) {
    Node *d = list->items[i], *init = d->as.declarator.init;
    if (!init && kind == VAR_VAR) continue; /* hoisted already */
    if (init) compile_expr(c, init);
    else emit_op(c, OP_PUSH_UNDEFINED); /* let x; */
    compile_pattern_assign(c, d->as.declarator.target, (int)kind, init);
  }
}

static void compile_block(Compiler *c, Node *n) {
  Scope *s = n->as.block.scope;
  compile_enter_scope(c, s);
  if (s) compile_hoist_functions(c, &n->as.block.body);
  compile_body(c, &n->as.block.body);
}

static void compile_if(Compiler *c, Node *n) {
  reset_completion(c);
  compile_expr_at(c, n->as.conditional.test, compile_pos_of(n));
  uint32_t otherwise = emit_jump(c, OP_JUMP_IF_FALSE);
  compile_stmt(c, n->as.conditional.then);
  if (!n->as.conditional.otherwise) {
    compile_patch_here(c, otherwise);
    return;
  }
  uint32_t end = emit_jump(c, OP_JUMP);
  compile_patch_here(c, otherwise);
  compile_stmt(c, n->as.conditional.otherwise);
  compile_patch_here(c, end);
}

/* An expression statement; at a script's top level its value is the completion
 * value (what `tinynode -p` prints). */
static void compile_expression_statement(Compiler *c, Node *n) {
  if (c->fs->completion_register < 0) {
    compile_expr_discard(c, n->as.unary.operand);
    return;
  }
  compile_expr(c, n->as.unary.operand);
  emit_u16(c, OP_SET_LOCAL, c->fs->completion_register);
  emit_op(c, OP_POP);
}

/* A function declaration was instantiated when its scope was entered; in a block of
 * sloppy code, reaching it also copies it to the function-level var (Annex B.3.3). */
static void compile_function_declaration(Compiler *c, Node *n) {
  Node *id = n->as.function.id;
  Binding *b = id->as.ident.binding;
  if (!b || !b->annexb_var) return;
  Binding *twin = b->annexb_var->scope->globals ? NULL : b->annexb_var; /* a script's global */
  emit_load_binding(c, b, id->as.ident.name, compile_pos_of(id));
  emit_store_binding(c, twin, id->as.ident.name, STORE_VAR_DIRECT, compile_pos_of(id));
  emit_op(c, OP_POP);
}

//> vm.compile-with-statement
/* with (o) body: ToObject(o) goes into the with scope's binding, and while the body is
 * compiled (functions nested in it too) every name declared outside looks there first. */
static void compile_with(Compiler *c, Node *n) {
  reset_completion(c);
  Scope *s = n->as.with_stmt.scope;
  compile_expr(c, n->as.with_stmt.object);
  compile_mark_node(c, n); /* V8 reports undefined and null at `with` */
  emit_op(c, OP_TO_OBJECT);
  compile_enter_scope(c, s);
  emit_store_binding(c, s->first, s->first->name, VAR_LET, compile_pos_of(n));
  emit_op(c, OP_POP);
  WithScope w = {s, c->withs, -1};
  c->withs = &w;
  compile_stmt(c, n->as.with_stmt.body);
  c->withs = w.outer;
}
//< vm.compile-with-statement

static void compile_throw(Compiler *c, Node *n) {
  compile_expr_at(c, n->as.unary.operand, compile_pos_of(n));
  compile_mark_node(c, n); /* the caret of an uncaught throw goes under `throw` */
  emit_op(c, OP_THROW);
}

//> vm.compile-stmt
void compile_stmt(Compiler *c, Node *n) {
  if (!compile_stack_ok(c)) return;
  int depth = c->fs->depth;
  /* Where a simple statement starts, for --trace and the debugger: the errors inside it
   * mark their own positions. */
  if (n->kind == NODE_EXPRESSION || n->kind == NODE_VAR || n->kind == NODE_RETURN ||
      n->kind == NODE_IF)
    compile_mark_node(c, n);
  switch (n->kind) {
  case NODE_EXPRESSION: compile_expression_statement(c, n); break;
  case NODE_VAR: compile_var(c, n); break;
  case NODE_FUNCTION: compile_function_declaration(c, n); break;
  case NODE_CLASS: compile_class_declaration(c, n); break;
  case NODE_BLOCK: compile_block(c, n); break;
  case NODE_EMPTY: break;
  case NODE_IF: compile_if(c, n); break;
  case NODE_FOR:
  case NODE_FOR_IN:
  case NODE_FOR_OF:
  case NODE_WHILE:
  case NODE_DO_WHILE:
  case NODE_SWITCH: compile_breakable(c, n, NULL, 0); break;
  case NODE_LABELED: compile_labeled(c, n); break;
  case NODE_BREAK: compile_break(c, n); break;
  case NODE_CONTINUE: compile_continue(c, n); break;
  case NODE_RETURN: compile_return(c, n); break;
  case NODE_THROW: compile_throw(c, n); break;
  case NODE_TRY: compile_try(c, n); break;
  case NODE_WITH: compile_with(c, n); break;
  case NODE_DEBUGGER: compile_mark_node(c, n); emit_op(c, OP_DEBUGGER); break;
  default: PANIC("compile_stmt: not a statement");
  }
  if (c->fs->depth != depth && !c->failed) PANIC("compile_stmt: statement changed the stack");
}
//< vm.compile-stmt

void compile_body(Compiler *c, NodeList *body) {
  for (int i = 0; i < body->count; i++) compile_stmt(c, body->items[i]);
}

/* compile_pattern.c - compiling destructuring: [a, b = 1, ...r] and {x, y: {z}, ...o}.
 * Book: chapter 4, "Compiling".
 *
 * Entry point (vm/compile.h): compile_pattern_assign, shared by declarations,
 * assignments, parameters, for-in/of heads and catch clauses. Array patterns use
 * the iterator protocol; object patterns read one property at a time.
 */
#include <stdlib.h>

#include "lexer/alloc.h"
#include "vm/compile.h"

static void compile_default(Compiler *c, Node *value) {
  emit_op(c, OP_DUP);
  emit_op(c, OP_PUSH_UNDEFINED);
  emit_op(c, OP_STRICT_EQ);
  uint32_t skip = emit_jump(c, OP_JUMP_IF_FALSE);
  emit_op(c, OP_POP);
  compile_expr(c, value);
  compile_patch_here(c, skip);
}

/* Marks the read of a pattern's first property, the one that fails when the value is
 * null or undefined. V8 then says "Cannot destructure property 'a' of 'obj.x' as it
 * is undefined.": the site carries the value's text ("" when there is no expression,
 * as for a parameter, and the message shows the value itself). */
static void mark_first_read(Compiler *c, const Node *key, bool first, const Node *value) {
  if (!first) compile_mark_node(c, key);
  else if (value) compile_mark_named(c, compile_pos_of(key), value);
  else compile_mark_site(c, compile_pos_of(key), "");
}

/* ==== Member targets ==== */

/* A member target's reference, taken before the value it gets is read (the spec's order:
 * `[{}[f()]] = it` calls f before stepping the iterator, `({a: o[g()]} = v)` calls g
 * before reading v.a), kept in registers. */
typedef struct MemberRef {
  int object_reg, key_reg; /* the target's object and computed key, or -1 */
} MemberRef;

/* A member target (not super) is evaluated now into registers: its object, and a
 * computed key (converted only when the value is stored, as the spec says). */
static bool take_reference(MemberRef *r, Compiler *c, Node *target) {
  r->object_reg = r->key_reg = -1;
  if (target->kind != NODE_MEMBER || target->as.member.object->kind == NODE_SUPER) return false;
  compile_expr(c, target->as.member.object);
  r->object_reg = compile_alloc_register(c);
  emit_u16(c, OP_SET_LOCAL, r->object_reg);
  emit_op(c, OP_POP);
  if (target->as.member.computed) {
    compile_expr(c, target->as.member.property);
    r->key_reg = compile_alloc_register(c);
    emit_u16(c, OP_SET_LOCAL, r->key_reg);
    emit_op(c, OP_POP);
  }
  return true;
}

/* v -> (ref = v), popped, through the reference take_reference kept. */
static void put_reference(const MemberRef *r, Compiler *c, Node *target) {
  Node *key = target->as.member.property;
  emit_u16(c, OP_GET_LOCAL, r->object_reg);
  if (key->kind == NODE_PRIVATE_NAME) { /* v o key -> o key v */
    emit_private_key(c, key);
    emit_op(c, OP_ROT3);
    emit_op(c, OP_ROT3);
    emit_private_set(c, key);
  } else if (r->key_reg < 0) {
    emit_op(c, OP_SWAP); /* v o -> o v */
    compile_mark_node(c, key);
    emit_u16(c, OP_SET_PROP, compile_const_atom(c, key->as.ident.name));
  } else {
    emit_op(c, OP_SWAP); /* v o -> o v */
    emit_u16(c, OP_GET_LOCAL, r->key_reg);
    emit_op(c, OP_SWAP); /* o v k -> o k v */
    compile_mark_node(c, target);
    emit_op(c, OP_SET_ELEM);
  }
  emit_op(c, OP_POP);
}

/* Assigns the value on top to element e (a target, maybe with a default), through the
 * reference taken for it if there is one. */
static void assign_element(const MemberRef *r, Compiler *c, Node *e, bool have_reference,
                           int how) {
  Node *target = e;
  if (e->kind == NODE_ASSIGN_PATTERN) {
    compile_default(c, e->as.assign.value);
    target = e->as.assign.target;
  }
  if (have_reference) put_reference(r, c, target);
  else compile_pattern_assign(c, target, how, NULL);
}

static Node *element_target(Node *e) {
  return e->kind == NODE_ASSIGN_PATTERN ? e->as.assign.target : e;
}

/* The value of one pattern property: obj -> obj value. A computed key is kept in a
 * register when a rest element must later leave it out. A member target's reference is
 * taken after the key and before the read (*have_ref says whether there is one). */
static int object_pattern_get(Compiler *c, Node *p, bool keep_key, bool first,
                              const Node *value, MemberRef *ref, bool *have_ref) {
  Node *key = p->as.property.key, *target = element_target(p->as.property.value);
  if (!p->as.property.computed) {
    *have_ref = take_reference(ref, c, target);
    emit_op(c, OP_DUP);
    mark_first_read(c, key, first, value);
    emit_u16(c, OP_GET_PROP, compile_key_constant(c, key));
    return -1;
  }
  emit_op(c, OP_DUP);
  compile_expr(c, key);
  emit_op(c, OP_TO_PROPERTY_KEY);
  bool member = target->kind == NODE_MEMBER && target->as.member.object->kind != NODE_SUPER;
  int reg = keep_key || member ? compile_alloc_register(c) : -1;
  if (reg >= 0) emit_u16(c, OP_SET_LOCAL, reg);
  *have_ref = false;
  if (member) { /* obj obj key -> obj obj, the reference, obj obj key */
    emit_op(c, OP_POP);
    *have_ref = take_reference(ref, c, target);
    emit_u16(c, OP_GET_LOCAL, reg);
  }
  mark_first_read(c, key, first, value);
  emit_op(c, OP_GET_ELEM);
  return reg;
}

/* {...rest}: a copy of the object's own enumerable properties but the named ones, whose
 * keys go in an array (a computed one from the register it was kept in). */
static void object_pattern_rest(Compiler *c, Node *pattern, int *key_regs, int how) {
  NodeList *items = &pattern->as.list.items;
  emit_op(c, OP_DUP);
  emit_op(c, OP_NEW_OBJECT);
  emit_op(c, OP_SWAP);
  emit_u16(c, OP_NEW_ARRAY, (uint16_t)(items->count - 1));
  for (int i = 0; i < items->count - 1; i++) {
    Node *p = items->items[i];
    if (p->as.property.computed) emit_u16(c, OP_GET_LOCAL, key_regs[i]);
    else emit_u16(c, OP_PUSH_CONST, compile_key_constant(c, p->as.property.key));
    emit_op(c, OP_ARRAY_PUSH);
  }
  emit_op(c, OP_COPY_REST);
  Node *rest = items->items[items->count - 1];
  compile_pattern_assign(c, rest->as.unary.operand, how, NULL);
}

static void compile_object_pattern(Compiler *c, Node *pattern, int how, const Node *value) {
  NodeList *items = &pattern->as.list.items;
  bool has_rest = items->count > 0 && items->items[items->count - 1]->kind == NODE_REST;
  if (items->count == 0 || items->items[0]->kind == NODE_REST) {
    /* no property read comes first to fail on null: check explicitly */
    const Node *at = items->count ? items->items[0]->as.unary.operand : pattern; /* V8's caret */
    if (value) compile_mark_named(c, compile_pos_of(at), value);
    else compile_mark_site(c, compile_pos_of(at), "");
    emit_op(c, OP_REQUIRE_OBJECT);
  }
  int *key_regs = has_rest ? mem_calloc((size_t)items->count, sizeof *key_regs) : NULL;
  for (int i = 0; i < items->count; i++) {
    Node *p = items->items[i];
    if (p->kind == NODE_REST) break;
    MemberRef ref;
    bool have_ref;
    int reg = object_pattern_get(c, p, has_rest, i == 0, value, &ref, &have_ref);
    if (key_regs) key_regs[i] = reg;
    assign_element(&ref, c, p->as.property.value, have_ref, how);
  }
  if (has_rest) object_pattern_rest(c, pattern, key_regs, how);
  free(key_regs);
  emit_op(c, OP_POP);
}

/* ==== Array patterns ==== */

/* An array pattern's state besides its iterator's control: the reference of the element
 * being assigned. */
typedef struct ArrayPattern {
  int how;
  Control ctl;
  MemberRef ref;
} ArrayPattern;

/* One element: its reference, then the iterator's next value (or undefined once the
 * iterator is done), then the assignment. */
static void array_pattern_element(ArrayPattern *ap, Compiler *c, Node *e, int depth) {
  bool ref = take_reference(&ap->ref, c, element_target(e));
  compile_pattern_protect(c, &ap->ctl, false);
  uint32_t done = emit_jump(c, OP_ITER_NEXT);
  compile_pattern_protect(c, &ap->ctl, true);
  uint32_t have = emit_jump(c, OP_JUMP);
  compile_patch_here(c, done);
  compile_set_depth(c, depth);
  emit_op(c, OP_PUSH_UNDEFINED);
  compile_patch_here(c, have);
  assign_element(&ap->ref, c, e, ref, ap->how);
}

/* [...rest] in a pattern: the reference first, then the iterator's remaining values in
 * a new array. */
static void array_pattern_rest(ArrayPattern *ap, Compiler *c, Node *rest) {
  Node *target = rest->as.unary.operand;
  bool ref = take_reference(&ap->ref, c, target);
  int reg = compile_alloc_register(c);
  emit_u16(c, OP_NEW_ARRAY, 0);
  emit_u16(c, OP_SET_LOCAL, reg);
  emit_op(c, OP_POP);
  int depth = c->fs->depth;
  uint32_t loop = compile_code_here(c);
  compile_pattern_protect(c, &ap->ctl, false);
  uint32_t done = emit_jump(c, OP_ITER_NEXT);
  compile_pattern_protect(c, &ap->ctl, true);
  emit_u16(c, OP_GET_LOCAL, reg);
  emit_op(c, OP_SWAP);
  emit_op(c, OP_ARRAY_PUSH);
  emit_op(c, OP_POP);
  emit_jump_to(c, OP_JUMP, loop);
  compile_patch_here(c, done);
  compile_set_depth(c, depth);
  compile_pattern_protect(c, &ap->ctl, true);
  emit_u16(c, OP_GET_LOCAL, reg);
  assign_element(&ap->ref, c, target, ref, ap->how);
}

//> vm.compile-array-pattern
/* [a, , b = 1, ...r] = v: the iterator protocol. iter and next stay on the stack;
 * each element is ITER_NEXT's value, or undefined once the iterator is done. An
 * exception while assigning closes the iterator (unless it is done) before it goes on. */
static void compile_array_pattern(Compiler *c, Node *pattern, int how, const Node *value) {
  NodeList *items = &pattern->as.list.items;
  compile_mark_pos(c,
                   compile_pos_of(value ? value : pattern)); /* V8: `5 is not iterable` at the 5 */
  emit_op(c, OP_GET_ITERATOR);
  int depth = c->fs->depth;
  ArrayPattern ap = {.how = how};
  compile_pattern_begin(c, &ap.ctl);
  for (int i = 0; i < items->count; i++) {
    Node *e = items->items[i];
    if (e && e->kind == NODE_REST) {
      array_pattern_rest(&ap, c, e);
      break;
    }
    if (e) {
      array_pattern_element(&ap, c, e, depth);
      continue;
    }
    compile_pattern_protect(c, &ap.ctl, false);
    uint32_t done = emit_jump(c, OP_ITER_NEXT); /* an elision skips one value */
    compile_pattern_protect(c, &ap.ctl, true);
    emit_op(c, OP_POP);
    compile_patch_here(c, done);
    compile_set_depth(c, depth);
  }
  compile_pattern_end(c, &ap.ctl);
}
//< vm.compile-array-pattern

/* [o.x, o[k]] = v: v -> (o.x = v), popped. */
static void assign_member(Compiler *c, Node *target) {
  Node *object = target->as.member.object, *key = target->as.member.property;
  if (object->kind == NODE_SUPER) { /* v this key -> this key v */
    compile_super_reference(c, target, false);
    emit_op(c, OP_ROT3);
    emit_op(c, OP_ROT3);
    emit_super_set(c, target);
    emit_op(c, OP_POP);
    return;
  }
  compile_expr(c, object);
  if (key->kind == NODE_PRIVATE_NAME) { /* v o key -> o key v */
    emit_private_key(c, key);
    emit_op(c, OP_ROT3);
    emit_op(c, OP_ROT3);
    emit_private_set(c, key);
  } else if (!target->as.member.computed) {
    emit_op(c, OP_SWAP); /* v o -> o v */
    compile_mark_node(c, key);
    emit_u16(c, OP_SET_PROP, compile_const_atom(c, key->as.ident.name));
  } else {
    compile_expr(c, key);
    emit_op(c, OP_ROT3);
    emit_op(c, OP_ROT3); /* v o k -> o k v */
    compile_mark_node(c, target);
    emit_op(c, OP_SET_ELEM);
  }
  emit_op(c, OP_POP);
}

/* Assigns the value on top of the stack to target and pops it. how is STORE_ASSIGN
 * (an assignment pattern) or the VarKind of the declaration being initialised. */
void compile_pattern_assign(Compiler *c, Node *target, int how, const Node *value) {
  if (!compile_stack_ok(c)) return; /* patterns nest */
  switch (target->kind) {
  case NODE_IDENTIFIER:
    emit_store_binding(c, target->as.ident.binding, target->as.ident.name, how,
                       compile_pos_of(target));
    emit_op(c, OP_POP);
    return;
  case NODE_MEMBER: assign_member(c, target); return;
  case NODE_ASSIGN_PATTERN:
    compile_default(c, target->as.assign.value);
    compile_pattern_assign(c, target->as.assign.target, how, NULL);
    return;
  case NODE_OBJECT_PATTERN: compile_object_pattern(c, target, how, value); return;
  case NODE_ARRAY_PATTERN: compile_array_pattern(c, target, how, value); return;
  case NODE_CALL: /* for (f() of xs): sloppy syntax, a ReferenceError when run */
    compile_unsupported(c, target, "assignment to a function call");
    emit_op(c, OP_POP);
    return;
  default: PANIC("compile_pattern_assign: not a pattern");
  }
}

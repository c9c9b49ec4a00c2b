/* compile_expr.c - compiling expressions: each leaves exactly one value on the stack.
 * Book: chapter 4, "Compiling".
 *
 * Entry points (vm/compile.h): compile_expr, compile_expr_discard (for expression
 * statements), compile_expr_at. Destructuring is in compile_pattern.c.
 */
#include <string.h>

#include "vm/compile.h"

static void compile_chain_part(Compiler *c, Node *n, Chain *chain);
static void unsupported_expr(Compiler *c, Node *n, const char *what);
static void compile_update(Compiler *c, Node *n, bool want_old);

/* ==== Operators ==== */

static Opcode binary_opcode(int tok) {
  switch (tok) {
  case TOK_PLUS: case TOK_PLUS_ASSIGN: return OP_ADD;
  case TOK_MINUS: case TOK_MINUS_ASSIGN: return OP_SUB;
  case TOK_STAR: case TOK_STAR_ASSIGN: return OP_MUL;
  case TOK_SLASH: case TOK_SLASH_ASSIGN: return OP_DIV;
  case TOK_PERCENT: case TOK_PERCENT_ASSIGN: return OP_MOD;
  case TOK_STAR_STAR: case TOK_STAR_STAR_ASSIGN: return OP_EXP;
  case TOK_AMP: case TOK_AMP_ASSIGN: return OP_BIT_AND;
  case TOK_PIPE: case TOK_PIPE_ASSIGN: return OP_BIT_OR;
  case TOK_CARET: case TOK_CARET_ASSIGN: return OP_BIT_XOR;
  case TOK_LSHIFT: case TOK_LSHIFT_ASSIGN: return OP_SHL;
  case TOK_RSHIFT: case TOK_RSHIFT_ASSIGN: return OP_SHR;
  case TOK_URSHIFT: case TOK_URSHIFT_ASSIGN: return OP_USHR;
  case TOK_EQ: return OP_EQ;
  case TOK_NE: return OP_NE;
  case TOK_STRICT_EQ: return OP_STRICT_EQ;
  case TOK_STRICT_NE: return OP_STRICT_NE;
  case TOK_LT: return OP_LT;
  case TOK_LE: return OP_LE;
  case TOK_GT: return OP_GT;
  case TOK_GE: return OP_GE;
  case TOK_IN: return OP_IN;
  case TOK_INSTANCEOF: return OP_INSTANCEOF;
  default: PANIC("binary_opcode: not a binary operator");
  }
}

/* The jump that short-circuits &&, || and ?? (and &&=, ||=, ??=). */
static Opcode short_circuit_jump(int tok) {
  switch (tok) {
  case TOK_AND_AND: case TOK_AND_AND_ASSIGN: return OP_JUMP_IF_FALSE_KEEP;
  case TOK_OR_OR: case TOK_OR_OR_ASSIGN: return OP_JUMP_IF_TRUE_KEEP;
  case TOK_QUESTION_QUESTION: case TOK_QUESTION_QUESTION_ASSIGN:
    return OP_JUMP_IF_NOT_NULLISH_KEEP;
  default: PANIC("short_circuit_jump: not a logical operator");
  }
}

static bool is_logical_assign(int tok) {
  return tok == TOK_AND_AND_ASSIGN || tok == TOK_OR_OR_ASSIGN ||
         tok == TOK_QUESTION_QUESTION_ASSIGN;
}

/* a OP b, with a already on the stack: V8 reports a failing operator at the operator
 * token itself. */
static void finish_binary(Compiler *c, Node *n) {
  compile_expr(c, n->as.binary.right);
  Opcode op = binary_opcode(n->as.binary.op);
  if (op == OP_IN && n->as.binary.left->kind == NODE_PRIVATE_NAME) op = OP_PRIVATE_IN;
  if (op != OP_STRICT_EQ && op != OP_STRICT_NE)
    compile_mark_pos(c, compile_pos_after(c, n->as.binary.left));
  emit_op(c, op);
}

//> vm.compile-logical
/* a && b, with a already on the stack: if a is falsy it is the result (the KEEP jump
 * leaves it there); otherwise the jump pops it and b is the result. */
static void finish_logical(Compiler *c, Node *n) {
  uint32_t end = emit_jump(c, short_circuit_jump(n->as.binary.op));
  compile_set_depth(c, c->fs->depth - 1); /* the fall-through path popped a */
  compile_expr(c, n->as.binary.right);
  compile_patch_here(c, end);
}

/* a + b - c && d: the leftmost operand, then each operator with its right operand,
 * innermost first. A loop, not recursion down the left operands: such a chain nests as
 * deeply as it is long (parse_left_chain), and node compiles 100,000 of them. */
static void compile_operators(Compiler *c, Node *n) {
  NodeChain chain;
  parse_left_chain(n, &chain);
  compile_expr(c, chain.items[chain.count - 1]->as.binary.left);
  for (size_t i = chain.count; i-- > 0;) {
    if (chain.items[i]->kind == NODE_LOGICAL) finish_logical(c, chain.items[i]);
    else finish_binary(c, chain.items[i]);
  }
  parse_chain_free(&chain);
}
//< vm.compile-logical

static void compile_conditional(Compiler *c, Node *n) {
  compile_expr(c, n->as.conditional.test);
  uint32_t otherwise = emit_jump(c, OP_JUMP_IF_FALSE);
  int depth = c->fs->depth;
  compile_expr(c, n->as.conditional.then);
  uint32_t end = emit_jump(c, OP_JUMP);
  compile_patch_here(c, otherwise);
  compile_set_depth(c, depth);
  compile_expr(c, n->as.conditional.otherwise);
  compile_patch_here(c, end);
}

/* ==== Unary operators ==== */

/* delete o.x, delete o[k]; `delete name` is false for a declared binding and deletes
 * the global object's property otherwise (sloppy mode). */
static void compile_delete(Compiler *c, Node *n) {
  Node *t = n->as.unary.operand;
  if (t->kind == NODE_MEMBER && parse_has_optional_link(t)) {
    compile_unsupported(c, n, "delete of an optional chain");
    emit_op(c, OP_PUSH_TRUE);
    return;
  }
  if (t->kind == NODE_MEMBER && t->as.member.object->kind == NODE_SUPER) {
    compile_super_reference(c, t, false);
    compile_mark_node(c, n);
    emit_op(c, OP_DELETE_SUPER);
    return;
  }
  if (t->kind == NODE_MEMBER) {
    compile_expr(c, t->as.member.object);
    compile_mark_node(c, n);
    if (!t->as.member.computed) {
      emit_u16(c, OP_DELETE_PROP, compile_const_atom(c, t->as.member.property->as.ident.name));
      return;
    }
    compile_expr(c, t->as.member.property);
    compile_mark_node(c, n);
    emit_op(c, OP_DELETE_ELEM);
    return;
  }
  if (t->kind == NODE_IDENTIFIER) { /* sloppy: a with's object may have it */
    PatchList found = {0};
    compile_with_probes(c, t->as.ident.binding, OP_WITH_DELETE, t->as.ident.name,
                        compile_pos_of(t), &found);
    if (t->as.ident.binding) {
      emit_op(c, OP_PUSH_FALSE);
    } else {
      uint32_t site = compile_eval_var_delete(c, t->as.ident.name);
      emit_u16(c, OP_TYPEOF_GLOBAL, compile_const_atom(c, "globalThis"));
      emit_u16(c, OP_DELETE_PROP, compile_const_atom(c, t->as.ident.name));
      if (site) compile_patch_here(c, site);
    }
    compile_patch_list_here(c, &found);
    return;
  }
  compile_expr_discard(c, t);
  emit_op(c, OP_PUSH_TRUE);
}

static void compile_unary(Compiler *c, Node *n) {
  Node *operand = n->as.unary.operand;
  int op = n->as.unary.op;
  if (op == TOK_DELETE) {
    compile_delete(c, n);
    return;
  }
  if (op == TOK_TYPEOF && operand->kind == NODE_IDENTIFIER && !operand->as.ident.binding) {
    compile_mark_node(c, operand); /* typeof undeclared is "undefined", not a ReferenceError */
    PatchList found = {0};
    compile_with_probes(c, NULL, OP_WITH_GET, operand->as.ident.name, compile_pos_of(operand),
                        &found);
    uint32_t eval_var = compile_eval_var_get(c, NULL, operand->as.ident.name);
    emit_u16(c, OP_TYPEOF_GLOBAL, compile_const_atom(c, operand->as.ident.name));
    if (eval_var) compile_patch_here(c, eval_var);
    compile_patch_list_here(c, &found);
    emit_op(c, OP_TYPEOF);
    return;
  }
  compile_expr(c, operand);
  switch (op) {
  case TOK_MINUS: compile_mark_node(c, n); emit_op(c, OP_NEG); return;
  case TOK_PLUS: compile_mark_node(c, n); emit_op(c, OP_PLUS); return;
  case TOK_TILDE: compile_mark_node(c, n); emit_op(c, OP_BIT_NOT); return;
  case TOK_BANG: emit_op(c, OP_NOT); return;
  case TOK_TYPEOF: emit_op(c, OP_TYPEOF); return;
  case TOK_VOID: emit_op(c, OP_POP); emit_op(c, OP_PUSH_UNDEFINED); return;
  default: PANIC("compile_unary: unknown operator");
  }
}

/* ==== Literals ==== */

/* The constant for a non-computed property key: a name, a string or a number. */
int compile_key_constant(Compiler *c, Node *key) {
  char buf[40];
  switch (key->kind) {
  case NODE_IDENTIFIER: return compile_const_atom(c, key->as.ident.name);
  case NODE_STRING: return compile_const_string(c, key->as.string);
  case NODE_NUMBER: return compile_const_atom(c, vm_number_to_cstr(key->as.number, buf));
  default: PANIC("compile_key_constant: unexpected key");
  }
}

/* `a${x}b`: the pieces and ToString of each substitution, joined with ADD;
 * empty pieces are skipped. */
static void compile_template(Compiler *c, Node *n) {
  NodeList *pieces = &n->as.template.quasis, *subs = &n->as.template.expressions;
  bool have = false; /* is a partial string on the stack? */
  for (int i = 0; i < pieces->count; i++) {
    U16Str piece = pieces->items[i]->as.string;
    if (piece.length > 0 || (!have && subs->count == 0)) {
      emit_u16(c, OP_PUSH_CONST, compile_const_string(c, piece));
      if (have) emit_op(c, OP_ADD);
      have = true;
    }
    if (i >= subs->count) continue;
    compile_expr(c, subs->items[i]);
    compile_mark_node(c, subs->items[i]);
    emit_op(c, OP_TO_STRING);
    if (have) emit_op(c, OP_ADD);
    have = true;
  }
}

static void compile_array(Compiler *c, Node *n) {
  NodeList *items = &n->as.list.items;
  emit_u16(c, OP_NEW_ARRAY, items->count < 65535 ? items->count : 65535);
  for (int i = 0; i < items->count; i++) {
    Node *e = items->items[i];
    if (!e) {
      emit_op(c, OP_ARRAY_PUSH_HOLE);
    } else if (e->kind == NODE_SPREAD) {
      compile_expr(c, e->as.unary.operand);
      compile_mark_named(c, compile_pos_of(e->as.unary.operand), e->as.unary.operand);
      emit_op(c, OP_ARRAY_SPREAD);
    } else {
      compile_expr(c, e);
      emit_op(c, OP_ARRAY_PUSH);
    }
  }
}

/* Does this value of a computed key take the key as its name: an anonymous function, or
 * an anonymous class that does not define a static `name` of its own? */
static bool takes_key_name(const Node *v) {
  if (v->kind == NODE_FUNCTION) return !v->as.function.name;
  if (v->kind != NODE_CLASS || v->as.class_.name || v->as.class_.id) return false;
  const NodeList *members = &v->as.class_.members;
  for (int i = 0; i < members->count; i++) {
    const Node *m = members->items[i];
    const Node *key = m->as.property.key;
    if (!m->as.property.is_static || !key) continue;
    if (m->as.property.computed || key->kind != NODE_IDENTIFIER ||
        strcmp(key->as.ident.name, "name") == 0)
      return false; /* a computed or quoted static key might be "name" too */
  }
  return true;
}

/* Is this literal key spelled __proto__ (as a name or a string)? */
static bool is_proto_key(const Node *key) {
  static const uint16_t proto[] = {'_', '_', 'p', 'r', 'o', 't', 'o', '_', '_'};
  if (key->kind == NODE_IDENTIFIER) return strcmp(key->as.ident.name, "__proto__") == 0;
  return key->kind == NODE_STRING && key->as.string.length == 9 &&
         memcmp(key->as.string.units, proto, sizeof proto) == 0;
}

/* One property of an object literal: obj -> obj. */
static void compile_property(Compiler *c, Node *p) {
  Node *key = p->as.property.key, *value = p->as.property.value;
  bool computed = p->as.property.computed;
  bool getter = p->as.property.kind == PROP_GET;
  if (getter || p->as.property.kind == PROP_SET) {
    if (computed) {
      compile_expr(c, key);
      emit_op(c, OP_TO_PROPERTY_KEY);
      emit_function(c, value); /* named after the key, with "get "/"set " in front */
      emit_u8(c, OP_DEFINE_METHOD, CLASS_METHOD_ENUMERABLE | CLASS_METHOD_NAME |
                                       (getter ? CLASS_METHOD_GET : CLASS_METHOD_SET));
      return;
    }
    emit_u16(c, OP_PUSH_CONST, compile_key_constant(c, key));
    emit_function(c, value);
    compile_home_object(c, value, 2);
    emit_op(c, getter ? OP_DEFINE_GETTER : OP_DEFINE_SETTER);
    return;
  }
  if (!computed) {
    compile_expr(c, value);
    if (p->as.property.kind == PROP_METHOD) compile_home_object(c, value, 1);
    bool proto = p->as.property.kind == PROP_INIT && !p->as.property.shorthand &&
                 is_proto_key(key); /* `__proto__: v` sets the prototype instead */
    if (proto) emit_op(c, OP_SET_PROTO);
    else emit_u16(c, OP_DEFINE_FIELD, compile_key_constant(c, key));
    return;
  }
  compile_expr(c, key);
  compile_mark_node(c, key);
  emit_op(c, OP_TO_PROPERTY_KEY);
  compile_expr(c, value);
  if (p->as.property.kind == PROP_METHOD) {
    emit_u8(c, OP_DEFINE_METHOD, CLASS_METHOD_ENUMERABLE | CLASS_METHOD_NAME);
    return;
  }
  if (takes_key_name(value)) emit_op(c, OP_SET_FUNCTION_NAME);
  emit_op(c, OP_DEFINE_FIELD_ELEM);
}

static void compile_object(Compiler *c, Node *n) {
  emit_op(c, OP_NEW_OBJECT);
  NodeList *items = &n->as.list.items;
  for (int i = 0; i < items->count; i++) {
    Node *p = items->items[i];
    if (p->kind == NODE_PROPERTY) {
      compile_property(c, p);
    } else {
      compile_expr(c, p->as.unary.operand);
      compile_mark_node(c, p);
      emit_op(c, OP_COPY_DATA_PROPS);
    }
  }
}

/* /re/flags: a new RegExp each evaluation, made by the realm's RegExp (never a global a
 * script may have replaced). The literal gets a constant slot of its own, holding the
 * pattern at first, where the RegExp built-in keeps the compiled pattern. */
static void compile_regexp(Compiler *c, Node *n) {
  compile_mark_node(c, n);
  String *pattern = string_new_wide(c->vm, n->as.regexp.pattern.units,
                                    n->as.regexp.pattern.length);
  int slot = compile_const_fresh(c, value_from_string(pattern));
  int flags = compile_const_atom(c, n->as.regexp.flags ? n->as.regexp.flags : "");
  emit_u16u16(c, OP_REGEXP, (uint16_t)slot, (uint16_t)flags);
}

/* ==== How V8 names an operand in an error message ==== */

typedef struct Text {
  char s[160];
  size_t n;
  int depth; /* how many render calls are open */
} Text;

static void put(Text *t, const char *s) {
  size_t len = strlen(s);
  if (len > sizeof t->s - 1 - t->n) len = sizeof t->s - 1 - t->n;
  memcpy(t->s + t->n, s, len);
  t->n += len;
  t->s[t->n] = 0;
}

/* A string literal's UTF-16 units as UTF-8 (lone surrogates become U+FFFD). */
static void put_units(Text *t, U16Str str) {
  for (uint32_t i = 0; i < str.length; i++) {
    uint32_t u = str.units[i];
    if (u >= 0xD800 && u < 0xDC00 && i + 1 < str.length && (str.units[i + 1] & 0xFC00) == 0xDC00)
      u = 0x10000 + ((u - 0xD800) << 10) + (str.units[++i] - 0xDC00);
    else if (u >= 0xD800 && u < 0xE000)
      u = 0xFFFD;
    char b[5] = {0};
    if (u < 0x80) b[0] = (char)u;
    else if (u < 0x800) b[0] = (char)(0xC0 | u >> 6), b[1] = (char)(0x80 | (u & 0x3F));
    else if (u < 0x10000)
      b[0] = (char)(0xE0 | u >> 12), b[1] = (char)(0x80 | ((u >> 6) & 0x3F)),
      b[2] = (char)(0x80 | (u & 0x3F));
    else
      b[0] = (char)(0xF0 | u >> 18), b[1] = (char)(0x80 | ((u >> 12) & 0x3F)),
      b[2] = (char)(0x80 | ((u >> 6) & 0x3F)), b[3] = (char)(0x80 | (u & 0x3F));
    put(t, b);
  }
}

static void put_quoted(Text *t, U16Str str) {
  put(t, "\"");
  put_units(t, str);
  put(t, "\"");
}

static void render(Text *t, const Node *n);

static void render_member(Text *t, const Node *n) {
  const Node *key = n->as.member.property;
  render(t, n->as.member.object);
  put(t, n->as.member.optional ? "?." : "");
  if (!n->as.member.computed) {
    put(t, n->as.member.optional ? "" : ".");
    put(t, key->as.ident.name);
    return;
  }
  if (key->kind == NODE_STRING) { /* o["s"] reads as o.s */
    put(t, n->as.member.optional ? "" : ".");
    put_units(t, key->as.string);
    return;
  }
  put(t, "[");
  render(t, key);
  put(t, "]");
}

/* (a + b), (typeof x), (0 , f): operators in parentheses, as V8's CallPrinter does. */
static void render_operator(Text *t, const Node *n) {
  put(t, "(");
  if (n->kind == NODE_UNARY) {
    int op = n->as.unary.op;
    put(t, lex_kind_text(op));
    if (op == TOK_TYPEOF || op == TOK_VOID || op == TOK_DELETE) put(t, " ");
    render(t, n->as.unary.operand);
  } else if (n->kind == NODE_SEQUENCE) {
    for (int i = 0; i < n->as.list.items.count; i++) {
      if (i) put(t, " , ");
      render(t, n->as.list.items.items[i]);
    }
  } else {
    render(t, n->as.binary.left);
    put(t, " ");
    put(t, lex_kind_text(n->as.binary.op));
    put(t, " ");
    render(t, n->as.binary.right);
  }
  put(t, ")");
}

static void render_node(Text *t, const Node *n);

/* V8's CallPrinter shows an array literal's elements and, for an object literal, one
 * "(intermediate value)" per property. */
static void render_literal(Text *t, const Node *n) {
  const NodeList *items = &n->as.list.items;
  put(t, n->kind == NODE_ARRAY ? "[" : "{");
  for (int i = 0; i < items->count; i++) {
    if (n->kind == NODE_ARRAY && i > 0) put(t, ",");
    if (n->kind == NODE_ARRAY && items->items[i]) render(t, items->items[i]);
    else put(t, "(intermediate value)");
  }
  put(t, n->kind == NODE_ARRAY ? "]" : "}");
}

/* The text V8 uses for an expression in "x is not a function" and "x is not iterable".
 * Only its first 159 bytes are kept, and each level of nesting adds at least one; so
 * past that depth (a.b.c... can nest 100,000 deep) the operand is just "(intermediate
 * value)", rather than a walk down the whole chain at every call in it. */
static void render(Text *t, const Node *n) {
  if (t->depth >= (int)sizeof t->s) {
    put(t, "(intermediate value)");
    return;
  }
  t->depth++;
  render_node(t, n);
  t->depth--;
}

static void render_node(Text *t, const Node *n) {
  char buf[40];
  if (n->parenthesized && parse_has_optional_link(n)) { /* (a?.b) is a value, not a path */
    put(t, "(intermediate value)");
    return;
  }
  switch (n->kind) {
  case NODE_IDENTIFIER: put(t, n->as.ident.name); return;
  case NODE_THIS: put(t, "this"); return;
  case NODE_NULL: put(t, "null"); return;
  case NODE_TRUE: put(t, "true"); return;
  case NODE_FALSE: put(t, "false"); return;
  case NODE_NUMBER: put(t, vm_number_to_cstr(n->as.number, buf)); return;
  case NODE_STRING: put_quoted(t, n->as.string); return;
  case NODE_TEMPLATE:
    if (n->as.template.expressions.count) break;
    put_quoted(t, n->as.template.quasis.items[0]->as.string);
    return;
  case NODE_REGEXP:
    put(t, "/");
    put_units(t, n->as.regexp.pattern);
    put(t, "/");
    put(t, n->as.regexp.flags);
    return;
  case NODE_MEMBER: render_member(t, n); return;
  case NODE_CALL:
    render(t, n->as.call.callee);
    put(t, "(...)");
    return;
  case NODE_ASSIGN: render(t, n->as.assign.target); return;
  case NODE_UNARY: /* V8's parser folds -1 into a literal */
    if (n->as.unary.op == TOK_MINUS && n->as.unary.operand->kind == NODE_NUMBER &&
        !n->as.unary.operand->parenthesized) {
      put(t, "-");
      render(t, n->as.unary.operand);
      return;
    }
    render_operator(t, n);
    return;
  case NODE_BINARY:
  case NODE_LOGICAL:
  case NODE_SEQUENCE: render_operator(t, n); return;
  case NODE_OBJECT:
  case NODE_ARRAY: render_literal(t, n); return;
  default: break;
  }
  put(t, "(intermediate value)");
}

/* Marks the next instruction with position p and V8's name for operand n. */
void compile_mark_named(Compiler *c, SrcPos p, const Node *n) {
  Text t = {.n = 0};
  render(&t, n);
  compile_mark_site(c, p, t.s);
}

/* ==== Calls and optional chains ==== */

static bool args_need_array(const NodeList *args) {
  if (args->count > 255) return true;
  for (int i = 0; i < args->count; i++)
    if (args->items[i]->kind == NODE_SPREAD) return true;
  return false;
}

/* Pushes the arguments; with a spread (or too many for a u8) they go into one array
 * instead and the result is -1 (use CALL_SPREAD / NEW_SPREAD). */
int compile_args(Compiler *c, NodeList *args, SrcPos spread_at) {
  bool array = args_need_array(args);
  if (array) emit_u16(c, OP_NEW_ARRAY, args->count < 65535 ? args->count : 65535);
  for (int i = 0; i < args->count; i++) {
    Node *a = args->items[i];
    bool spread = a->kind == NODE_SPREAD;
    compile_expr(c, spread ? a->as.unary.operand : a);
    if (spread) compile_mark_pos(c, spread_at);
    if (array) emit_op(c, spread ? OP_ARRAY_SPREAD : OP_ARRAY_PUSH);
  }
  return array ? -1 : args->count;
}

static void nullish_jump(Compiler *c, Chain *chain, int extra) {
  if (!chain) PANIC("nullish_jump: optional link outside a chain");
  compile_patch_list_add(extra ? &chain->to_drop1 : &chain->to_end,
                         emit_jump(c, OP_JUMP_IF_NULLISH));
}

/* The short-circuit of a parenthesised callee's own chain: undefined as the callee and
 * as `this` (the call then fails as V8's does). Stack on arrival: callee this. */
static void finish_callee_chain(Compiler *c, Chain *own) {
  if (!own->to_end.count && !own->to_drop1.count) return;
  int depth = c->fs->depth;
  uint32_t skip = emit_jump(c, OP_JUMP);
  if (own->to_drop1.count) { /* a receiver under the undefined: drop it */
    compile_patch_list_here(c, &own->to_drop1);
    compile_set_depth(c, depth);
    emit_op(c, OP_SWAP);
    emit_op(c, OP_POP);
  }
  compile_patch_list_here(c, &own->to_end);
  compile_set_depth(c, depth - 1);
  emit_op(c, OP_PUSH_UNDEFINED);
  compile_patch_here(c, skip);
  compile_set_depth(c, depth);
}

/* The callee and `this` of a call: o.m -> o.m o;  o[k] -> o[k] o;  f -> f undefined. */
static void compile_callee(Compiler *c, Node *n, Chain *chain) {
  Node *callee = n->as.call.callee;
  if (callee->kind == NODE_IDENTIFIER && compile_in_with(c, callee->as.ident.binding)) {
    compile_with_callee(c, callee, compile_pos_of(callee)); /* f, then this */
    if (n->as.call.optional) { /* f?.(): test f, under this */
      emit_op(c, OP_SWAP);
      nullish_jump(c, chain, 1);
      emit_op(c, OP_SWAP);
    }
    return;
  }
  if (callee->kind != NODE_MEMBER) {
    compile_chain_part(c, callee, chain);
    if (n->as.call.optional) nullish_jump(c, chain, 0);
    emit_op(c, OP_PUSH_UNDEFINED);
    return;
  }
  Node *object = callee->as.member.object, *property = callee->as.member.property;
  Chain own = {0}; /* (a?.m)(): the parenthesised callee's ?. short-circuit only itself */
  Chain *links = callee->parenthesized ? &own : chain;
  compile_chain_part(c, object, links);
  if (callee->as.member.optional) nullish_jump(c, links, 0);
  if (property->kind == NODE_PRIVATE_NAME) { /* o.#m(): o.#m, then o as this */
    emit_op(c, OP_DUP);
    emit_private_key(c, property);
    emit_private_get(c, property);
    emit_op(c, OP_SWAP);
  } else if (!callee->as.member.computed) {
    compile_mark_node(c, property);
    emit_u16(c, OP_GET_METHOD, compile_const_atom(c, property->as.ident.name));
  } else {
    compile_expr(c, property);
    compile_mark_pos(c, compile_pos_after(c, object));
    emit_op(c, OP_GET_METHOD_ELEM);
  }
  if (callee->parenthesized) finish_callee_chain(c, &own);
  if (n->as.call.optional) { /* o.m?.(): test the method, under the receiver */
    emit_op(c, OP_SWAP);
    nullish_jump(c, chain, 1);
    emit_op(c, OP_SWAP);
  }
}

/* V8 reports a call at a method's name, at a plain callee's start, else at the `(`
 * (also for a method named by a reserved word: it.return(), o.new()). */
static SrcPos call_pos(Compiler *c, const Node *callee) {
  if (callee->kind == NODE_IDENTIFIER) return compile_pos_of(callee);
  if (callee->kind == NODE_MEMBER && !callee->as.member.computed) {
    const Node *key = callee->as.member.property;
    if (key->kind == NODE_PRIVATE_NAME ||
        lex_keyword(key->as.ident.name, strlen(key->as.ident.name)) == TOK_IDENTIFIER)
      return compile_pos_of(key);
  }
  return compile_pos_after(c, callee);
}

static bool is_super_access(const Node *n) {
  if (n->kind == NODE_MEMBER) n = n->as.member.object;
  return n->kind == NODE_SUPER;
}

//> vm.compile-call
/* f(a, b)    -> f, PUSH_UNDEFINED (this), a, b, CALL 2
 * o.m(a)     -> o, GET_METHOD m (pushes o.m then o as this), a, CALL 1
 * o[k](a)    -> o, k, GET_METHOD_ELEM, a, CALL 1
 * With a spread argument the arguments go into one array, for CALL_SPREAD. */
static void compile_call(Compiler *c, Node *n, Chain *chain) {
  Node *callee = n->as.call.callee;
  if (callee->kind == NODE_SUPER) {
    compile_super_call(c, n);
    return;
  }
  SrcPos at = call_pos(c, callee);
  if (is_super_access(callee)) { /* super.m(): this as the receiver */
    compile_super_reference(c, callee, true); /* this this key */
    emit_super_get(c, callee);
    emit_op(c, OP_SWAP);
  } else {
    compile_callee(c, n, chain);
  }
  int argc = compile_args(c, &n->as.call.args, at);
  bool direct_eval = n->as.call.eval_scope && argc < 255;
  if (direct_eval) emit_u16(c, OP_PUSH_CONST, compile_eval_names(c, n->as.call.eval_scope));
  compile_mark_named(c, at, callee); /* the position, and V8's name for the callee */
  if (argc < 0) emit_op(c, direct_eval ? OP_CALL_EVAL_SPREAD : OP_CALL_SPREAD);
  else if (direct_eval) emit_call(c, OP_CALL_EVAL, argc + 1);
  else emit_call(c, OP_CALL, argc);
}
//< vm.compile-call

/* tag`a${x}b` -> the tag and its `this` as for a call, the site's template object,
 * the substitutions, CALL. */
static void compile_tagged_template(Compiler *c, Node *n, Chain *chain) {
  Node *tag = n->as.tagged.tag, *tmpl = n->as.tagged.template;
  if (is_super_access(tag)) {
    unsupported_expr(c, tag, "super");
    return;
  }
  Node call = *n; /* the callee half of a call node: tag, not optional */
  call.kind = NODE_CALL;
  call.as.call.callee = tag;
  call.as.call.optional = false;
  SrcPos at = call_pos(c, tag);
  compile_callee(c, &call, chain);
  emit_u16(c, OP_PUSH_CONST, compile_template_object(c, tmpl));
  NodeList *subs = &tmpl->as.template.expressions;
  for (int i = 0; i < subs->count; i++) compile_expr(c, subs->items[i]);
  compile_mark_named(c, at, tag);
  if (subs->count + 1 > 255) compile_unsupported(c, n, "over 254 substitutions");
  else emit_call(c, OP_CALL, subs->count + 1);
}

/* new C(args): V8 reports it (and a missing global C) at the `new` keyword. */
static void compile_new(Compiler *c, Node *n) {
  Node *callee = n->as.call.callee;
  if (callee->kind == NODE_IDENTIFIER)
    emit_load_binding(c, callee->as.ident.binding, callee->as.ident.name, compile_pos_of(n));
  else
    compile_expr(c, callee);
  int argc = compile_args(c, &n->as.call.args, compile_pos_of(n));
  compile_mark_named(c, compile_pos_of(n), callee);
  if (argc < 0) emit_op(c, OP_NEW_SPREAD);
  else emit_call(c, OP_NEW, argc);
}

/* o.x and o[k]; a ?. link jumps to the end of the chain when o is nullish. */
static void compile_member(Compiler *c, Node *n, Chain *chain) {
  Node *object = n->as.member.object, *property = n->as.member.property;
  if (object->kind == NODE_SUPER) {
    compile_super_reference(c, n, false);
    emit_super_get(c, n);
    return;
  }
  compile_chain_part(c, object, chain);
  if (n->as.member.optional) nullish_jump(c, chain, 0);
  if (property->kind == NODE_PRIVATE_NAME) {
    emit_private_key(c, property);
    emit_private_get(c, property);
    return;
  }
  if (!n->as.member.computed) {
    compile_mark_node(c, property);
    emit_u16(c, OP_GET_PROP, compile_const_atom(c, property->as.ident.name));
    return;
  }
  compile_expr(c, property);
  compile_mark_pos(c, compile_pos_after(c, object));
  emit_op(c, OP_GET_ELEM);
}


/* The head of a chain: a member or a call, or any other expression. */
static void compile_chain_head(Compiler *c, Node *n, Chain *chain) {
  if (n->kind == NODE_MEMBER) compile_member(c, n, chain);
  else if (n->kind == NODE_CALL) compile_call(c, n, chain);
  else compile_expr(c, n);
}

/* The object or callee inside a chain continues the same chain, unless parentheses
 * make it a chain (a value) of its own. */
static void compile_chain_part(Compiler *c, Node *n, Chain *chain) {
  if (!compile_stack_ok(c)) return; /* a.b.c.d... nests to the left */
  if (n->parenthesized) compile_expr(c, n);
  else compile_chain_head(c, n, chain);
}

//> vm.compile-chain
/* a?.b.c(): every nullish test jumps here with undefined in the value's place;
 * o.m?.() jumps with the receiver still under it, so that path drops it first. */
static void compile_chain(Compiler *c, Node *n) {
  if (!parse_has_optional_link(n)) {
    compile_chain_head(c, n, NULL);
    return;
  }
  Chain chain = {0};
  compile_chain_head(c, n, &chain);
  int depth = c->fs->depth;
  if (chain.to_drop1.count) {
    uint32_t skip = emit_jump(c, OP_JUMP);
    compile_patch_list_here(c, &chain.to_drop1);
    compile_set_depth(c, depth + 1);
    emit_op(c, OP_SWAP);
    emit_op(c, OP_POP);
    compile_patch_here(c, skip);
  }
  compile_patch_list_here(c, &chain.to_end);
  compile_set_depth(c, depth);
}
//< vm.compile-chain

/* ==== Assignment ==== */

/* o.x = v, o[k] = v, name = v, [a, b] = v. V8 reports a failing store at `=`. */
static void compile_simple_assign(Compiler *c, Node *n) {
  Node *t = n->as.assign.target, *v = n->as.assign.value;
  SrcPos at = compile_pos_after(c, t);
  if (t->kind == NODE_IDENTIFIER) {
    compile_expr(c, v);
    emit_store_binding(c, t->as.ident.binding, t->as.ident.name, STORE_ASSIGN, at);
    return;
  }
  if (t->kind == NODE_MEMBER) {
    if (t->as.member.object->kind == NODE_SUPER) {
      compile_super_reference(c, t, false);
      compile_expr(c, v);
      compile_mark_pos(c, at);
      emit_super_set(c, t);
      return;
    }
    compile_expr(c, t->as.member.object);
    if (t->as.member.computed) compile_expr(c, t->as.member.property);
    Node *property = t->as.member.property;
    if (property->kind == NODE_PRIVATE_NAME) emit_private_key(c, property);
    compile_expr(c, v);
    compile_mark_pos(c, at);
    if (property->kind == NODE_PRIVATE_NAME) {
      emit_private_set(c, property);
      return;
    }
    if (t->as.member.computed) {
      emit_op(c, OP_SET_ELEM);
      return;
    }
    emit_u16(c, OP_SET_PROP, compile_const_atom(c, t->as.member.property->as.ident.name));
    return;
  }
  if (t->kind == NODE_CALL) { /* f() = 1: sloppy syntax, a ReferenceError when run */
    compile_unsupported(c, t, "assignment to a function call");
    compile_expr(c, v);
    return;
  }
  compile_expr(c, v); /* a pattern: keep a copy as the expression's value */
  emit_op(c, OP_DUP);
  compile_pattern_assign(c, t, STORE_ASSIGN, v);
}

/* Where V8 reports an expression that is an operand: a member expression at its
 * property name or bracket, anything else at its start. */
static SrcPos operand_pos(Compiler *c, const Node *n) {
  if (n->kind != NODE_MEMBER) return compile_pos_of(n);
  if (!n->as.member.computed) return compile_pos_of(n->as.member.property);
  return compile_pos_after(c, n->as.member.object);
}

/* The read of o.x += 1 and o[k]++: V8 reports it at the object expression, or at
 * the key when the key is not a literal. */
static SrcPos compound_read_pos(Compiler *c, const Node *t) {
  const Node *key = t->as.member.property;
  bool literal_key = key->kind == NODE_STRING || key->kind == NODE_NUMBER;
  if (t->as.member.computed && !literal_key) return compile_pos_of(key);
  return operand_pos(c, t->as.member.object);
}

/* Pushes the target's current value, keeping what a store needs under it:
 * name -> v;  o.x -> o v;  o[k] -> o k v. Returns the stack slots under v.
 * A prefix update (++o.x) reports its read at the operator: read_at. */
static int load_target(Compiler *c, Node *t, const SrcPos *read_at) {
  if (t->kind == NODE_IDENTIFIER) return emit_load_name(c, t), 0;
  if (t->kind == NODE_CALL) { /* f() += 1: sloppy syntax, a ReferenceError when run */
    compile_unsupported(c, t, "assignment to a function call");
    emit_op(c, OP_PUSH_UNDEFINED);
    return 0;
  }
  if (t->kind != NODE_MEMBER) PANIC("load_target: not an assignment target");
  if (t->as.member.object->kind == NODE_SUPER) { /* this key -> this key value */
    compile_super_reference(c, t, false);
    emit_op(c, OP_DUP2);
    emit_super_get(c, t);
    return 2;
  }
  compile_expr(c, t->as.member.object);
  if (t->as.member.property->kind == NODE_PRIVATE_NAME) { /* o key -> o key value */
    emit_private_key(c, t->as.member.property);
    emit_op(c, OP_DUP2);
    emit_private_get(c, t->as.member.property);
    return 2;
  }
  if (!t->as.member.computed) {
    emit_op(c, OP_DUP);
    compile_mark_pos(c, read_at ? *read_at : compound_read_pos(c, t));
    emit_u16(c, OP_GET_PROP, compile_const_atom(c, t->as.member.property->as.ident.name));
    return 1;
  }
  compile_expr(c, t->as.member.property);
  compile_mark_pos(c, read_at ? *read_at : compound_read_pos(c, t));
  emit_op(c, OP_TO_PROPERTY_KEY);
  emit_op(c, OP_DUP2);
  emit_op(c, OP_GET_ELEM);
  return 2;
}

/* The store that matches load_target: o v -> v, o k v -> v, v -> v. */
static void store_target(Compiler *c, Node *t, SrcPos at) {
  if (t->kind == NODE_IDENTIFIER) {
    emit_store_binding(c, t->as.ident.binding, t->as.ident.name, STORE_UPDATE, at);
    return;
  }
  if (t->kind != NODE_MEMBER) return; /* reported by load_target */
  compile_mark_pos(c, at);
  if (t->as.member.object->kind == NODE_SUPER) {
    emit_super_set(c, t);
    return;
  }
  if (t->as.member.property->kind == NODE_PRIVATE_NAME) {
    emit_private_set(c, t->as.member.property);
    return;
  }
  if (t->as.member.computed) {
    emit_op(c, OP_SET_ELEM);
    return;
  }
  emit_u16(c, OP_SET_PROP, compile_const_atom(c, t->as.member.property->as.ident.name));
}

/* o.x += v  ->  o, DUP, GET_PROP x, v, ADD, SET_PROP x
 * a ||= v   ->  a, JUMP_IF_TRUE_KEEP end, v, store a, end:  (the store is skipped) */
static void compile_compound_assign(Compiler *c, Node *n) {
  Node *t = n->as.assign.target;
  int op = n->as.assign.op;
  SrcPos at = compile_pos_after(c, t);
  int under = load_target(c, t, NULL);
  if (!is_logical_assign(op)) {
    compile_expr(c, n->as.assign.value);
    compile_mark_pos(c, at);
    emit_op(c, binary_opcode(op));
    store_target(c, t, at);
    return;
  }
  uint32_t skip = emit_jump(c, short_circuit_jump(op));
  int depth = c->fs->depth;
  compile_set_depth(c, depth - 1);
  compile_expr(c, n->as.assign.value);
  store_target(c, t, at);
  uint32_t end = under ? emit_jump(c, OP_JUMP) : 0;
  compile_patch_here(c, skip);
  if (under) { /* the short path still has the object (and key) under the value */
    compile_set_depth(c, depth);
    emit_op(c, under == 2 ? OP_ROT3 : OP_SWAP); /* o k v -> v o k;  o v -> v o */
    if (under == 2) emit_op(c, OP_POP);
    emit_op(c, OP_POP);
    compile_patch_here(c, end);
  }
}

static void compile_assign(Compiler *c, Node *n) {
  if (n->as.assign.op == TOK_ASSIGN) compile_simple_assign(c, n);
  else compile_compound_assign(c, n);
}

/* ++x, x--, o.x++, o[k]--: postfix keeps the old (numeric) value as the result,
 * unless want_old is false (an expression statement), when prefix code is shorter. */
static void compile_update(Compiler *c, Node *n, bool want_old) {
  Node *t = n->as.update.operand;
  bool postfix = !n->as.update.prefix && want_old;
  SrcPos at = n->as.update.prefix ? compile_pos_of(n) : compile_pos_after(c, t);
  int under = load_target(c, t, n->as.update.prefix ? &at : NULL);
  compile_mark_pos(c, at);
  emit_op(c, OP_TO_NUMERIC);
  if (postfix) { /* keep the old value below the object and key */
    emit_op(c, OP_DUP);
    if (under == 1) emit_op(c, OP_ROT3);
    if (under == 2) emit_op(c, OP_ROT4);
  }
  emit_op(c, n->as.update.op == TOK_PLUS_PLUS ? OP_INC : OP_DEC);
  store_target(c, t, at);
  if (postfix) emit_op(c, OP_POP);
}

/* ==== The dispatcher ==== */

static void compile_sequence(Compiler *c, Node *n) {
  NodeList *items = &n->as.list.items;
  for (int i = 0; i < items->count - 1; i++) compile_expr_discard(c, items->items[i]);
  compile_expr(c, items->items[items->count - 1]);
}

/* A construct the compiler does not handle yet still leaves one value. */
static void unsupported_expr(Compiler *c, Node *n, const char *what) {
  compile_unsupported(c, n, what);
  emit_op(c, OP_PUSH_UNDEFINED);
}

static bool compile_literal(Compiler *c, Node *n) {
  switch (n->kind) {
  case NODE_NUMBER: emit_number(c, n->as.number); return true;
  case NODE_STRING: emit_u16(c, OP_PUSH_CONST, compile_const_string(c, n->as.string)); return true;
  case NODE_TEMPLATE: compile_template(c, n); return true;
  case NODE_REGEXP: compile_regexp(c, n); return true;
  case NODE_NULL: emit_op(c, OP_PUSH_NULL); return true;
  case NODE_TRUE: emit_op(c, OP_PUSH_TRUE); return true;
  case NODE_FALSE: emit_op(c, OP_PUSH_FALSE); return true;
  case NODE_ARRAY: compile_array(c, n); return true;
  case NODE_OBJECT: compile_object(c, n); return true;
  case NODE_FUNCTION: emit_function(c, n); return true;
  default: return false;
  }
}

void compile_expr(Compiler *c, Node *n) {
  if (!compile_stack_ok(c) || compile_literal(c, n)) return;
  switch (n->kind) {
  case NODE_IDENTIFIER:
  case NODE_THIS:
  case NODE_NEW_TARGET: emit_load_name(c, n); return;
  case NODE_PRIVATE_NAME: emit_private_key(c, n); return; /* #x in o */
  case NODE_UNARY: compile_unary(c, n); return;
  case NODE_UPDATE: compile_update(c, n, true); return;
  case NODE_BINARY:
  case NODE_LOGICAL: compile_operators(c, n); return;
  case NODE_ASSIGN: compile_assign(c, n); return;
  case NODE_CONDITIONAL: compile_conditional(c, n); return;
  case NODE_CALL:
  case NODE_MEMBER: compile_chain(c, n); return;
  case NODE_NEW: compile_new(c, n); return;
  case NODE_SEQUENCE: compile_sequence(c, n); return;
  case NODE_CLASS: compile_class(c, n); return;
  case NODE_TAGGED_TEMPLATE: compile_tagged_template(c, n, NULL); return;
  case NODE_YIELD: compile_yield(c, n); return;
  case NODE_AWAIT: compile_await(c, n); return;
  case NODE_SUPER: unsupported_expr(c, n, "super"); return;
  default: PANIC("compile_expr: not an expression");
  }
}

/* An expression that is a statement's whole operand (return x, if (x), throw x,
 * switch (x)): V8 reports a failing load of a bare name at the statement. */
void compile_expr_at(Compiler *c, Node *n, SrcPos at) {
  if (n->kind == NODE_IDENTIFIER) emit_load_binding(c, n->as.ident.binding, n->as.ident.name, at);
  else compile_expr(c, n);
}

/* An expression whose value is not needed (expression statements, for-updates). */
void compile_expr_discard(Compiler *c, Node *n) {
  if (n->kind == NODE_UPDATE) compile_update(c, n, false);
  else compile_expr(c, n);
  emit_op(c, OP_POP);
}

/* compile_class.c - compiling classes, super and new.target's companions.
 * Book: chapter 4, "Compiling" (classes).
 *
 * A class becomes: its heritage, a closure of its constructor, CLASS_CREATE (which makes
 * the prototype and links both chains), then one DEFINE_METHOD per method and one
 * ADD_FIELD per instance field, in source order; then the class's inner name is bound
 * and the static fields and blocks run (STATIC_INIT). The constructor and prototype wait
 * in two registers meanwhile. What the opcodes do at run time is in classes.c.
 */
#include "lexer/alloc.h"
#include "vm/compile.h"

/* ==== Private names ==== */

/* A private name's binding: the class scope declaring it (a member's key is not resolved
 * by the scope pass; a reference is). */
static Binding *private_binding(Compiler *c, Node *name) {
  return name->as.ident.binding;
}

void emit_private_key(Compiler *c, Node *name) {
  Binding *b = private_binding(c, name);
  emit_load_binding(c, b, b->name, compile_pos_of(name));
}

/* The class's own name, as V8 gives it in "Receiver must be an instance of class A". A
 * private name of a direct eval's caller carries it in its key (eval.c: caller_scope). */
const char *compile_private_class(const Binding *b) {
  if (b->scope->eval_caller) return b->decl->as.property.key->as.ident.name;
  for (const Binding *x = b->scope->first; x; x = x->next)
    if (x->kind == BIND_CONST) return x->name;
  return "anonymous";
}

/* V8's message when the object lacks the name: fields say what was tried, methods and
 * accessors name the class whose instances have them. */
static int private_message(Compiler *c, Node *name, bool write) {
  Binding *b = private_binding(c, name);
  Node *m = b->decl;
  char text[300];
  if (m->as.property.kind == PROP_INIT)
    snprintf(text, sizeof text, "Cannot %s private member %s %s an object whose class did not "
             "declare it", write ? "write" : "read", b->name, write ? "to" : "from");
  else
    snprintf(text, sizeof text, "Receiver must be %sclass %s",
             m->as.property.is_static ? "" : "an instance of ", compile_private_class(b));
  return compile_const_atom(c, text);
}

void emit_private_get(Compiler *c, Node *name) {
  compile_mark_node(c, name);
  emit_u16(c, OP_GET_PRIVATE, private_message(c, name, false));
}

void emit_private_set(Compiler *c, Node *name) {
  emit_u16(c, OP_SET_PRIVATE, private_message(c, name, true));
}

/* Each evaluation of a class makes new private names. */
static void create_private_names(Compiler *c, Scope *s) {
  for (Binding *b = s->first; b; b = b->next) {
    if (b->kind != BIND_PRIVATE) continue;
    emit_u16(c, OP_PRIVATE_NAME, compile_const_atom(c, b->name));
    emit_store_binding(c, b, b->name, VAR_LET, compile_pos_of(b->decl));
    emit_op(c, OP_POP);
  }
}

/* ==== Class definitions ==== */

/* The key of a member: computed keys are evaluated now (ToPropertyKey, with the
 * target under them). */
static void emit_member_key(Compiler *c, Node *m) {
  Node *key = m->as.property.key;
  if (key->kind == NODE_PRIVATE_NAME) {
    emit_private_key(c, key);
    return;
  }
  if (!m->as.property.computed) {
    emit_u16(c, OP_PUSH_CONST, compile_key_constant(c, key));
    return;
  }
  compile_expr(c, key);
  compile_mark_node(c, key);
  emit_op(c, OP_TO_PROPERTY_KEY);
}

static bool is_private_member(const Node *m) {
  return m->as.property.key && m->as.property.key->kind == NODE_PRIVATE_NAME;
}

static int method_flags(const Node *m) {
  int flags = m->as.property.computed ? CLASS_METHOD_NAME : 0;
  if (is_private_member(m)) flags |= CLASS_METHOD_PRIVATE;
  if (m->as.property.kind == PROP_GET) flags |= CLASS_METHOD_GET;
  if (m->as.property.kind == PROP_SET) flags |= CLASS_METHOD_SET;
  return flags;
}

/* A method, getter or setter: on the prototype, or on the class when static; an
 * instance's private one joins the constructor's list, to be put on each instance. */
static void compile_method(Compiler *c, Node *m, int ctor_reg, int proto_reg) {
  if (is_private_member(m) && !m->as.property.is_static) {
    static const int kinds[] = {[PROP_METHOD] = CLASS_PRIVATE_METHOD,
                                [PROP_GET] = CLASS_PRIVATE_GETTER,
                                [PROP_SET] = CLASS_PRIVATE_SETTER};
    emit_u16(c, OP_GET_LOCAL, ctor_reg);
    emit_member_key(c, m);
    emit_function(c, m->as.property.value);
    emit_u8(c, OP_ADD_FIELD, kinds[m->as.property.kind]);
    emit_op(c, OP_POP);
    return;
  }
  emit_u16(c, OP_GET_LOCAL, m->as.property.is_static ? ctor_reg : proto_reg);
  emit_member_key(c, m);
  emit_function(c, m->as.property.value);
  emit_u8(c, OP_DEFINE_METHOD, method_flags(m));
  emit_op(c, OP_POP);
}

/* An instance field joins the constructor's list; a static field only has its
 * computed key evaluated now (into key_reg), and runs after the class is bound. */
static void compile_field(Compiler *c, Node *m, int ctor_reg, int key_reg) {
  if (m->as.property.is_static && !m->as.property.computed) return; /* nothing to do yet */
  emit_u16(c, OP_GET_LOCAL, ctor_reg);
  emit_member_key(c, m);
  if (m->as.property.is_static) {
    emit_u16(c, OP_SET_LOCAL, key_reg);
    compile_pop_to(c, c->fs->depth - 2);
    return;
  }
  if (m->as.property.value) emit_function(c, m->as.property.value);
  else emit_op(c, OP_PUSH_UNDEFINED);
  emit_u8(c, OP_ADD_FIELD, CLASS_FIELD);
  emit_op(c, OP_POP);
}

/* A static field or block, in source order once the class name is bound. */
static void compile_static_element(Compiler *c, Node *m, int ctor_reg, int key_reg) {
  emit_u16(c, OP_GET_LOCAL, ctor_reg);
  if (m->as.property.kind == PROP_STATIC_BLOCK) emit_op(c, OP_PUSH_HOLE);
  else if (m->as.property.computed) emit_u16(c, OP_GET_LOCAL, key_reg);
  else if (is_private_member(m)) emit_private_key(c, m->as.property.key);
  else emit_u16(c, OP_PUSH_CONST, compile_key_constant(c, m->as.property.key));
  if (m->as.property.value) emit_function(c, m->as.property.value);
  else emit_op(c, OP_PUSH_UNDEFINED);
  emit_op(c, OP_STATIC_INIT);
  emit_op(c, OP_POP);
}

static bool is_static_element(const Node *m) {
  return m->as.property.is_static &&
         (m->as.property.kind == PROP_INIT || m->as.property.kind == PROP_STATIC_BLOCK);
}

/* The constructor: its code, named after the class, whose source text is the class. */
static void emit_constructor(Compiler *c, Node *n) {
  Node *ctor = n->as.class_.constructor;
  Node *saved = c->class_node;
  c->class_node = n;
  if (!compile_stack_ok(c)) return;
  FunctionProto *proto = compile_function(c, ctor);
  c->class_node = saved;
  proto->source_start = n->as.class_.source_start;
  proto->source_end = n->as.class_.source_end;
  emit_u16(c, OP_CLOSURE, compile_const_value(c, value_from_thing(proto)));
}

//> vm.compile-class
void compile_class(Compiler *c, Node *n) {
  compile_enter_scope(c, n->as.class_.scope);
  create_private_names(c, n->as.class_.scope);
  compile_mark_node(c, n);
  if (n->as.class_.superclass) compile_expr(c, n->as.class_.superclass);
  else emit_op(c, OP_PUSH_UNDEFINED);
  emit_constructor(c, n);
  compile_mark_node(c, n);
  emit_u8(c, OP_CLASS_CREATE, n->as.class_.superclass != NULL);
  int ctor_reg = compile_alloc_register(c), proto_reg = compile_alloc_register(c);
  emit_u16(c, OP_SET_LOCAL, proto_reg);
  emit_op(c, OP_POP);
  emit_u16(c, OP_SET_LOCAL, ctor_reg);
  emit_op(c, OP_POP);
  NodeList *members = &n->as.class_.members;
  int *key_regs = mem_calloc((size_t)members->count + 1, sizeof *key_regs);
  for (int i = 0; i < members->count; i++) {
    Node *m = members->items[i];
    if (m->as.property.kind == PROP_STATIC_BLOCK) continue;
    if (m->as.property.kind != PROP_INIT) compile_method(c, m, ctor_reg, proto_reg);
    else {
      if (m->as.property.is_static && m->as.property.computed)
        key_regs[i] = compile_alloc_register(c);
      compile_field(c, m, ctor_reg, key_regs[i]);
    }
  }
  Node *id = n->as.class_.id;
  Binding *inner = id ? scope_find_own(n->as.class_.scope, id->as.ident.name) : NULL;
  if (inner) {
    emit_u16(c, OP_GET_LOCAL, ctor_reg);
    emit_store_binding(c, inner, inner->name, VAR_CONST, compile_pos_of(id));
    emit_op(c, OP_POP);
  }
  for (int i = 0; i < members->count; i++)
    if (is_static_element(members->items[i]))
      compile_static_element(c, members->items[i], ctor_reg, key_regs[i]);
  free(key_regs);
  emit_u16(c, OP_GET_LOCAL, ctor_reg);
}
//< vm.compile-class

void compile_class_declaration(Compiler *c, Node *n) {
  compile_class(c, n);
  Node *id = n->as.class_.id;
  emit_store_binding(c, id->as.ident.binding, id->as.ident.name, VAR_LET, compile_pos_of(id));
  emit_op(c, OP_POP);
}

/* ==== Constructors ==== */

/* Fields, or private methods (which each instance gets too). */
static bool has_instance_fields(const Node *cls) {
  const NodeList *members = &cls->as.class_.members;
  for (int i = 0; i < members->count; i++) {
    const Node *m = members->items[i];
    if (m->as.property.is_static || m->as.property.kind == PROP_STATIC_BLOCK) continue;
    if (m->as.property.kind == PROP_INIT || is_private_member(m)) return true;
  }
  return false;
}

/* A base class's instance fields are defined before its parameters are bound. */
void compile_constructor_start(Compiler *c, Node *fn) {
  Node *cls = c->class_node;
  c->class_node = NULL; /* functions nested in the constructor are not constructors */
  if ((fn->as.function.flags & FN_DERIVED) || !cls || !has_instance_fields(cls)) return;
  emit_op(c, OP_PUSH_THIS);
  emit_op(c, OP_PUSH_CALLEE);
  emit_op(c, OP_INIT_FIELDS);
  emit_op(c, OP_POP);
}

/* The default derived constructor passes its arguments on as they are: the rest array is
 * spread by SUPER_CALL_SPREAD without an iterator. */
void compile_default_constructor(Compiler *c, Node *fn) {
  if (!(fn->as.function.flags & FN_DERIVED)) return;
  int rest = compile_alloc_register(c);
  c->fs->proto->rest_register = rest;
  emit_op(c, OP_PUSH_CALLEE);
  emit_op(c, OP_SUPER_CTOR);
  emit_op(c, OP_PUSH_NEW_TARGET);
  emit_u16(c, OP_GET_LOCAL, rest);
  compile_mark_node(c, fn);
  emit_op(c, OP_SUPER_CALL_SPREAD);
  emit_bind_this(c, NULL);
  emit_op(c, OP_PUSH_CALLEE);
  emit_op(c, OP_INIT_FIELDS);
  emit_op(c, OP_POP);
}

/* Before a derived constructor's RETURN, after any finally blocks: an object, or `this`
 * (which must be bound by then). */
void compile_constructor_result(Compiler *c) {
  Node *fn = c->fs->node;
  if (fn->kind != NODE_FUNCTION || !(fn->as.function.flags & FN_DERIVED)) return;
  emit_load_implicit(c, c->fs->scope->this_binding);
  emit_op(c, OP_DERIVED_RESULT);
}

/* ==== super ==== */

/* super(args): the parent is read before the arguments are evaluated; after the call
 * `this` is bound and the class's fields are defined on it. */
void compile_super_call(Compiler *c, Node *n) {
  Node *sup = n->as.call.callee;
  Binding *home = sup->as.ident.binding;
  Scope *fs = home->scope;
  emit_load_implicit(c, home);
  emit_op(c, OP_SUPER_CTOR);
  emit_load_implicit(c, fs->new_target_binding);
  SrcPos at = compile_pos_of(sup);
  int argc = compile_args(c, &n->as.call.args, at);
  compile_mark_pos(c, at);
  if (argc < 0) emit_op(c, OP_SUPER_CALL_SPREAD);
  else emit_call(c, OP_SUPER_CALL, argc);
  emit_bind_this(c, fs->this_binding);
  emit_load_implicit(c, home);
  emit_op(c, OP_INIT_FIELDS);
}

/* super.x / super[k]: `this` (checked: it may be unbound in a derived constructor), then
 * the key, converted when it is read. */
void compile_super_reference(Compiler *c, Node *member, bool for_call) {
  Node *sup = member->as.member.object;
  Binding *this_binding = sup->as.ident.binding->scope->this_binding;
  Node this_node = {.kind = NODE_THIS, .line = sup->line, .column = sup->column};
  this_node.as.ident.binding = this_binding;
  emit_load_name(c, &this_node);
  if (for_call) emit_op(c, OP_DUP);
  Node *property = member->as.member.property;
  if (member->as.member.computed) compile_expr(c, property);
  else emit_u16(c, OP_PUSH_CONST, compile_const_atom(c, property->as.ident.name));
}

void emit_super_get(Compiler *c, Node *member) {
  emit_load_implicit(c, member->as.member.object->as.ident.binding);
  compile_mark_node(c, member->as.member.property);
  emit_op(c, OP_GET_SUPER);
}

void emit_super_set(Compiler *c, Node *member) {
  emit_load_implicit(c, member->as.member.object->as.ident.binding);
  emit_op(c, OP_SET_SUPER);
}

/* An object literal's method that uses super gets the object as its home. */
void compile_home_object(Compiler *c, Node *fn, int depth) {
  if (fn->kind == NODE_FUNCTION && fn->as.function.scope && fn->as.function.scope->home_binding)
    emit_u8(c, OP_SET_HOME, depth);
}

/* scope.c - the scope pass: declarations, name resolution, captures, early errors.
 * Book: chapter 4, "Compiling" (scopes and bindings).
 *
 * Entry point: scope_analyze. It walks the AST twice with one walker. The first
 * walk (PHASE_DECLARE) creates the Scopes and declares every Binding, so that
 * hoisting needs no look-ahead; the second (PHASE_RESOLVE) points every
 * identifier at its Binding, marks captures and decides where TDZ checks are
 * needed. Everything is allocated in the parser's arena.
 */
#include <stdio.h>
#include <string.h>

#include "parser/internal.h"
#include "parser/parser.h"

typedef enum Phase { PHASE_DECLARE, PHASE_RESOLVE } Phase;

typedef struct ScopePass {
  Parser *parser;
  ParseError *err;
  Phase phase;
  Scope *scope; /* the innermost scope at the node being visited */
  Scope *eval_lexicals; /* sloppy eval code with global vars: its top-level block */
  /* The targets of the pattern defaults being resolved, innermost first: in
   * `{ a, b = a } = f(b)`, f(b) runs before a or b is bound, though it comes after them. */
  struct DefaultTarget *in_default;
  bool failed;
} ScopePass;

typedef struct DefaultTarget {
  const Node *target;
  struct DefaultTarget *outer;
} DefaultTarget;

static void visit(ScopePass *sp, Node *n);
static void visit_class(ScopePass *sp, Node *n, bool is_statement);

/* ==== Small helpers ==== */

Binding *scope_find_own(const Scope *s, const char *name) {
  for (Binding *b = s->first; b; b = b->next)
    if (strcmp(b->name, name) == 0) return b;
  return NULL;
}

static bool is_lexical(BindingKind k) {
  return k == BIND_LET || k == BIND_CONST || k == BIND_CLASS;
}

/* Records a SyntaxError at node (the first one wins). V8 underlines one character
 * of a redeclared name or function, and the whole of a redeclared class. */
static void fail_at(ScopePass *sp, const Node *at, const char *fmt, const char *name) {
  if (sp->failed) return;
  sp->failed = true;
  snprintf(sp->err->message, sizeof sp->err->message, fmt, name);
  sp->err->line = at->line;
  sp->err->column = at->column;
  sp->err->length = 1;
  if (at->kind == NODE_CLASS)
    sp->err->length = lex_utf16_length(sp->parser->src + at->offset, at->end - at->offset);
}

static void fail_redeclared(ScopePass *sp, const Node *at, const char *name) {
  fail_at(sp, at, "Identifier '%s' has already been declared", name);
}

/* The walk recurses as deeply as the tree nests, so it checks the C stack as the parser
 * does (parse_stack_ok): true, after recording node's RangeError, when it is full. */
static bool stack_full(ScopePass *sp) {
  if (!stack_exhausted(sp->parser->stack_limit)) return false;
  if (!sp->failed) parse_stack_overflow(sp->err);
  sp->failed = true;
  return true;
}

static Scope *scope_new(ScopePass *sp, ScopeKind kind, Node *owner) {
  Scope *s = parse_alloc(sp->parser, sizeof *s);
  s->kind = kind;
  s->parent = sp->scope;
  s->owner = owner;
  return s;
}

static Binding *binding_add(ScopePass *sp, Scope *s, const char *name, BindingKind kind,
                            Node *decl) {
  Binding *b = parse_alloc(sp->parser, sizeof *b);
  b->name = name;
  b->kind = kind;
  b->scope = s;
  b->decl = decl;
  b->reg = -1;
  if (s->last) s->last->next = b;
  else s->first = b;
  s->last = b;
  s->count++;
  return b;
}

/* Does a var declared directly in s belong to s (a function's scope or body)? */
static bool is_var_scope(const Scope *s) {
  return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_BODY;
}

/* The function scope (or body) that var declarations made in s hoist to. */
static Scope *var_scope(Scope *s) {
  while (!is_var_scope(s)) s = s->parent;
  return s;
}

/* The parameter of s's function called name, seen from its separate body s, or NULL. */
static Binding *body_param(const Scope *s, const char *name) {
  if (s->kind != SCOPE_BODY) return NULL;
  Binding *b = scope_find_own(s->parent, name);
  return b && b->kind == BIND_PARAM ? b : NULL;
}

/* Is `var arguments` in fs the arguments object itself? In a non-arrow function it
 * declares nothing new (spec FunctionDeclarationInstantiation: the object is bound
 * before the vars, which keep it): its uses resolve to the implicit binding. */
static bool is_arguments_var(const Scope *fs, const char *name) {
  const Scope *f = fs->kind == SCOPE_BODY ? fs->parent : fs;
  return f->owner->kind == NODE_FUNCTION && !f->is_arrow && strcmp(name, "arguments") == 0;
}

static bool name_in_list(const ScopeName *l, const char *name) {
  for (; l; l = l->next)
    if (strcmp(l->name, name) == 0) return true;
  return false;
}

static bool has_use_strict(const NodeList *body);

bool scope_is_strict(const Scope *s) {
  const Node *owner = s->owner;
  if (owner->kind == NODE_PROGRAM)
    return (owner->as.program.flags & FN_STRICT) || has_use_strict(&owner->as.program.body);
  return (owner->as.function.flags & FN_STRICT) != 0;
}

/* ==== Declarations (PHASE_DECLARE) ==== */

/* Sloppy direct eval code in a function: a var (or function) at its top level is the
 * caller's variable of that name when the caller's function scope has one; a let or
 * const of the caller in between makes it a redeclaration, and so does a parameter
 * when the eval is in a parameter expression. */
static Binding *caller_var_of(Scope *fs, const char *name) {
  if (!fs->is_toplevel || !fs->parent || !fs->parent->eval_caller) return NULL;
  if (scope_is_strict(fs)) return NULL;
  Binding *b = scope_find_own(fs->parent, name);
  return b && !b->shadowable ? b : NULL; /* shadowable: a new var hides it */
}

static bool joins_caller_var(ScopePass *sp, Scope *fs, const char *name, Node *decl) {
  Binding *b = caller_var_of(fs, name);
  if (!b) return false;
  bool not_var = b->kind == BIND_FUNCTION || b->kind == BIND_PARAM;
  if (is_lexical(b->kind) || (not_var && !b->caller_var)) {
    fail_redeclared(sp, decl, name);
    return true;
  }
  return b->caller_var;
}

//> parser.declare-var
/* var name: hoists to the function scope. Every scope it passes through remembers
 * the name, so that a let of the same name there is reported as a redeclaration. */
static void declare_var(ScopePass *sp, const char *name, Node *decl) {
  Scope *fs = var_scope(sp->scope);
  for (Scope *s = sp->scope;; s = s->parent) {
    Binding *b = scope_find_own(s, name);
    if (b && (is_lexical(b->kind) || (b->kind == BIND_FUNCTION && s != fs) ||
              (b->kind == BIND_CATCH && s->catch_pattern))) {
      fail_redeclared(sp, decl, name);
      return;
    }
    if (s == fs) break;
    ScopeName *mark = parse_alloc(sp->parser, sizeof *mark);
    *mark = (ScopeName){name, decl, s->hoisted};
    s->hoisted = mark;
  }
  if (is_arguments_var(fs, name)) return;
  if (!scope_find_own(fs, name) && !joins_caller_var(sp, fs, name, decl))
    binding_add(sp, fs, name, BIND_VAR, decl);
}
//< parser.declare-var

/* let, const, class (and functions in blocks): one per name per scope. */
static bool is_plain_function(const Node *decl) {
  return decl->kind == NODE_FUNCTION && !(decl->as.function.flags & (FN_ASYNC | FN_GENERATOR));
}

static Binding *declare_lexical(ScopePass *sp, const char *name, BindingKind kind, Node *decl,
                                uint32_t safe_after) {
  Scope *s = sp->scope;
  Binding *old = scope_find_own(s, name);
  /* Sloppy code may declare the same plain function twice in a block (Annex B.3.3.4). */
  bool twin_functions = old && old->kind == BIND_FUNCTION && kind == BIND_FUNCTION &&
                        !is_var_scope(s) && !scope_is_strict(s) &&
                        is_plain_function(old->decl) && is_plain_function(decl);
  if (twin_functions) return old;
  if (old || name_in_list(s->hoisted, name) || body_param(s, name)) {
    fail_redeclared(sp, decl, name);
    return NULL;
  }
  Binding *b = binding_add(sp, s, name, kind, decl);
  b->safe_after = safe_after;
  return b;
}

/* A function declaration directly in a function body behaves like var; in a block it
 * is block scoped, and sloppy code also gets a var of the same name (Annex B.3.3). */
static void declare_function(ScopePass *sp, Node *fn) {
  const char *name = fn->as.function.id->as.ident.name;
  Scope *s = sp->scope;
  if (s == sp->eval_lexicals) { /* sloppy eval code: a global function, like a var */
    declare_var(sp, name, fn);
    return;
  }
  if (is_var_scope(s)) {
    Binding *old = scope_find_own(s, name);
    if (old && is_lexical(old->kind)) {
      fail_redeclared(sp, fn, name);
      return;
    }
    if (!old && joins_caller_var(sp, s, name, fn)) return;
    if (!old) binding_add(sp, s, name, BIND_FUNCTION, fn);
    else if (old->kind == BIND_VAR) {
      old->kind = BIND_FUNCTION;
      old->decl = fn;
    }
    return;
  }
  Binding *b = declare_lexical(sp, name, BIND_FUNCTION, fn, 0);
  if (!b || scope_is_strict(s)) return;
  if (fn->as.function.flags & (FN_ASYNC | FN_GENERATOR)) return; /* B.3.3: plain functions only */
  Scope *fs = var_scope(s);
  for (Scope *t = s->parent; t != fs; t = t->parent) {
    Binding *other = scope_find_own(t, name);
    if (other && other->kind != BIND_CATCH) return; /* would clash: no var twin */
  }
  Binding *twin = scope_find_own(fs, name);
  if (twin && (is_lexical(twin->kind) || twin->kind == BIND_PARAM)) return;
  if (body_param(fs, name)) return;
  b->annexb_var = twin ? twin : binding_add(sp, fs, name, BIND_VAR, fn);
}

/* Declares every name bound by a pattern (identifier, array/object pattern, default, rest). */
static void declare_pattern(ScopePass *sp, Node *target, BindingKind kind, uint32_t safe_after) {
  if (!target || stack_full(sp)) return;
  switch (target->kind) {
  case NODE_IDENTIFIER:
    if (kind == BIND_VAR) {
      declare_var(sp, target->as.ident.name, target);
      return;
    }
    if (kind == BIND_PARAM || kind == BIND_CATCH) {
      Binding *old = scope_find_own(sp->scope, target->as.ident.name);
      if (old && kind == BIND_CATCH) {
        fail_redeclared(sp, target, target->as.ident.name);
        return;
      }
      /* A parameter is set once its own name is bound (see param_in_tdz). */
      if (!old) binding_add(sp, sp->scope, target->as.ident.name, kind, target)->safe_after = target->end;
      return;
    }
    declare_lexical(sp, target->as.ident.name, kind, target, safe_after);
    return;
  case NODE_ARRAY_PATTERN:
  case NODE_OBJECT_PATTERN:
    for (int i = 0; i < target->as.list.items.count; i++)
      declare_pattern(sp, target->as.list.items.items[i], kind, safe_after);
    return;
  case NODE_PROPERTY: declare_pattern(sp, target->as.property.value, kind, safe_after); return;
  case NODE_ASSIGN_PATTERN: declare_pattern(sp, target->as.assign.target, kind, safe_after); return;
  case NODE_REST: declare_pattern(sp, target->as.unary.operand, kind, safe_after); return;
  default: return; /* member expressions are not declarations */
  }
}

static BindingKind kind_of_var(VarKind k) {
  return k == VAR_VAR ? BIND_VAR : k == VAR_LET ? BIND_LET : BIND_CONST;
}

/* Declares the names of one var/let/const statement. safe_after_body is nonzero in a
 * for-in/of head, where the body (not the declarator's end) is what comes after. */
static void declare_var_statement(ScopePass *sp, Node *n, uint32_t safe_after_body) {
  BindingKind kind = kind_of_var(n->as.var.kind);
  for (int i = 0; i < n->as.var.declarators.count; i++) {
    Node *d = n->as.var.declarators.items[i];
    uint32_t safe = safe_after_body ? safe_after_body : d->end;
    declare_pattern(sp, d->as.declarator.target, kind, safe);
  }
}

/* Does this statement list declare anything block scoped (so the block needs a scope)? */
static bool declares_lexical(const NodeList *body) {
  for (int i = 0; i < body->count; i++) {
    const Node *s = body->items[i];
    while (s->kind == NODE_LABELED) s = s->as.labeled.body;
    if (s->kind == NODE_VAR && s->as.var.kind != VAR_VAR) return true;
    if (s->kind == NODE_CLASS) return true;
    if (s->kind == NODE_FUNCTION && (s->as.function.flags & FN_DECLARATION)) return true;
  }
  return false;
}

/* ==== Resolution (PHASE_RESOLVE) ==== */

/* The nearest scope whose this/arguments/new.target a reference in s sees: a non-arrow
 * function's scope, or the program's. */
static Scope *this_scope(Scope *s) {
  for (;; s = s->parent)
    if (s->kind == SCOPE_FUNCTION && !s->is_arrow) return s;
}

static Binding *implicit_binding(ScopePass *sp, Scope *fs, Binding **slot, BindingKind kind,
                                 const char *name) {
  if (!*slot) {
    Binding *b = parse_alloc(sp->parser, sizeof *b);
    b->name = name;
    b->kind = kind;
    b->scope = fs;
    b->reg = -1;
    *slot = b;
  }
  return *slot;
}

static void note_reference(ScopePass *sp, Binding *b, const Node *ref);

/* The binding a name refers to from scope s, or NULL for a global. A with statement
 * between them makes the code look in its object first: its binding is referenced. */
static Binding *lookup(ScopePass *sp, Scope *s, const char *name) {
  for (; s; s = s->parent) {
    Binding *b = scope_find_own(s, name);
    if (b) return s->globals ? NULL : b;
    if (s->kind == SCOPE_WITH) note_reference(sp, s->first, NULL); /* its object may hold it */
    if (s->kind == SCOPE_FUNCTION && !s->is_arrow && !s->globals && !s->eval_caller &&
        strcmp(name, "arguments") == 0)
      return implicit_binding(sp, s, &s->arguments_binding, BIND_ARGUMENTS, "arguments");
  }
  return NULL;
}

//> parser.resolve-reference
/* Notes a reference from the current scope to b: a reference from another function
 * captures it; a read that may come before a let/const/class is initialised needs
 * a TDZ check. */
static void note_reference(ScopePass *sp, Binding *b, const Node *ref) {
  if (!b) return;
  b->referenced = true;
  bool same_function = b->scope->owner == sp->scope->owner;
  if (!same_function) b->captured = true;
  if (!is_lexical(b->kind)) return;
  bool early = ref->offset < b->safe_after || b->scope->kind == SCOPE_SWITCH;
  if (!same_function || early) b->tdz_check = true;
  if (same_function && early) b->tdz_check_local = true;
}
//< parser.resolve-reference

/* The names a declaration binds are not references: they initialise the binding.
 * Defaults and computed keys inside the pattern are ordinary expressions. */
static void visit_binding_pattern(ScopePass *sp, Node *n) {
  if (!n || sp->failed || stack_full(sp)) return;
  switch (n->kind) {
  case NODE_IDENTIFIER:
    if (sp->phase == PHASE_RESOLVE)
      n->as.ident.binding = lookup(sp, sp->scope, n->as.ident.name);
    return;
  case NODE_ARRAY_PATTERN:
  case NODE_OBJECT_PATTERN:
    for (int i = 0; i < n->as.list.items.count; i++)
      visit_binding_pattern(sp, n->as.list.items.items[i]);
    return;
  case NODE_PROPERTY:
    if (n->as.property.computed) visit(sp, n->as.property.key);
    visit_binding_pattern(sp, n->as.property.value);
    return;
  case NODE_ASSIGN_PATTERN: {
    visit_binding_pattern(sp, n->as.assign.target);
    DefaultTarget d = {n->as.assign.target, sp->in_default};
    sp->in_default = &d;
    visit(sp, n->as.assign.value);
    sp->in_default = d.outer;
    return;
  }
  case NODE_REST: visit_binding_pattern(sp, n->as.unary.operand); return;
  default: visit(sp, n); return;
  }
}

/* Whether parameter b is still in its TDZ where n reads it, in b's own function: before
 * its binding (f(a = b, b), f({ [b]: b })), or in a default of a pattern that binds it. */
static bool param_in_tdz(const ScopePass *sp, const Binding *b, const Node *n) {
  if (n->offset < b->safe_after) return true;
  for (const DefaultTarget *d = sp->in_default; d; d = d->outer)
    if (d->target->offset <= b->decl->offset && b->decl->end <= d->target->end) return true;
  return false;
}

static void resolve_identifier(ScopePass *sp, Node *n) {
  Binding *b = lookup(sp, sp->scope, n->as.ident.name);
  n->as.ident.binding = b;
  note_reference(sp, b, n);
  if (b && b->kind == BIND_PARAM && b->scope->owner == sp->scope->owner && param_in_tdz(sp, b, n))
    n->as.ident.early_param = true; /* no check at run time: it always throws */
  Node *owner = b ? b->scope->owner : NULL;
  if (b && b->kind == BIND_ARGUMENTS && owner->kind == NODE_FUNCTION)
    owner->as.function.uses_arguments = true;
}

/* this and new.target read their own implicit bindings (through as.ident.binding). */
static void resolve_implicit(ScopePass *sp, Node *n) {
  Scope *fs = this_scope(sp->scope);
  Binding *b = n->kind == NODE_THIS
                   ? implicit_binding(sp, fs, &fs->this_binding, BIND_THIS, "this")
                   : implicit_binding(sp, fs, &fs->new_target_binding, BIND_NEW_TARGET,
                                      "new.target");
  n->as.ident.binding = b;
  note_reference(sp, b, n);
  if (n->kind == NODE_THIS && fs->owner->kind == NODE_FUNCTION)
    fs->owner->as.function.uses_this = true;
}

static bool is_direct_eval(const Node *call) {
  const Node *callee = call->as.call.callee;
  return callee->kind == NODE_IDENTIFIER && !call->as.call.optional &&
         strcmp(callee->as.ident.name, "eval") == 0;
}

/* Sloppy eval code declares its vars in the caller's function scope, at run time: a
 * function that may do so gets the hidden binding for an object to hold them. */
static void declare_eval_vars(ScopePass *sp, Node *call) {
  Scope *vs = var_scope(sp->scope);
  if (vs->kind == SCOPE_BODY) vs = vs->parent; /* one object per function */
  if (!is_direct_eval(call) || vs->globals || vs->eval_vars || scope_is_strict(sp->scope)) return;
  vs->eval_vars = binding_add(sp, vs, "%vars", BIND_VAR, call);
}

//> parser.direct-eval
/* eval(src) may be a direct eval, whose code sees every name in scope at the call:
 * those bindings (and this, arguments and new.target) all move to Cells, and the call
 * remembers its scope, from which the compiler lists them for the eval code. */
static void note_direct_eval(ScopePass *sp, Node *call) {
  if (!is_direct_eval(call)) return;
  call->as.call.eval_scope = sp->scope;
  for (Scope *s = sp->scope; s; s = s->parent) {
    if (s->kind == SCOPE_FUNCTION && s->owner->kind == NODE_FUNCTION)
      s->owner->as.function.has_direct_eval = true;
    if (s->globals || s->eval_caller) continue;
    for (Binding *b = s->first; b; b = b->next) {
      b->referenced = b->captured = true;
      if (is_lexical(b->kind)) b->tdz_check = true;
    }
  }
  Scope *fs = this_scope(sp->scope);
  if (fs->eval_caller) return; /* eval code's own eval: the caller's cells already */
  bool method = fs->owner->kind == NODE_FUNCTION && (fs->owner->as.function.flags & FN_METHOD);
  Binding *implicit[] = {
      implicit_binding(sp, fs, &fs->this_binding, BIND_THIS, "this"),
      implicit_binding(sp, fs, &fs->new_target_binding, BIND_NEW_TARGET, "new.target"),
      fs->is_toplevel ? NULL : lookup(sp, fs, "arguments"),
      method ? implicit_binding(sp, fs, &fs->home_binding, BIND_HOME, "%home") : NULL};
  for (int i = 0; i < 4; i++)
    if (implicit[i]) implicit[i]->referenced = implicit[i]->captured = true;
  if (fs->owner->kind == NODE_FUNCTION) fs->owner->as.function.uses_arguments = true;
}
//< parser.direct-eval

/* ==== The walker ==== */

static void visit_list(ScopePass *sp, NodeList *l) {
  for (int i = 0; i < l->count; i++) visit(sp, l->items[i]);
}

/* a + b + c ...: the operands in the order a recursive walk would take, by a loop (see
 * parse_left_chain). */
static void visit_operators(ScopePass *sp, Node *n) {
  NodeChain chain;
  parse_left_chain(n, &chain);
  visit(sp, chain.items[chain.count - 1]->as.binary.left);
  for (size_t i = chain.count; i-- > 0;) visit(sp, chain.items[i]->as.binary.right);
  parse_chain_free(&chain);
}

/* A statement list, where a class is a declaration (elsewhere it is an expression). */
static void visit_body(ScopePass *sp, NodeList *l) {
  for (int i = 0; i < l->count; i++) {
    Node *n = l->items[i];
    if (n->kind == NODE_CLASS) visit_class(sp, n, true);
    else visit(sp, n);
  }
}

/* Runs body with sp->scope set to s (when s is not NULL). */
#define WITH_SCOPE(sp, s, body)            \
  do {                                     \
    Scope *saved_ = (sp)->scope;           \
    if (s) (sp)->scope = (s);              \
    body;                                  \
    (sp)->scope = saved_;                  \
  } while (0)

/* A scope for a block-like node: created in the declare phase when needed, found
 * again in the resolve phase. */
static Scope *block_scope(ScopePass *sp, Scope **slot, ScopeKind kind, bool needed) {
  if (sp->phase == PHASE_DECLARE) *slot = needed ? scope_new(sp, kind, sp->scope->owner) : NULL;
  return *slot;
}

/* with (o) body: the body's scope holds one hidden binding, the object (ToObject(o)). */
static void visit_with(ScopePass *sp, Node *n) {
  visit(sp, n->as.with_stmt.object);
  Scope *s = block_scope(sp, &n->as.with_stmt.scope, SCOPE_WITH, true);
  if (sp->phase == PHASE_DECLARE) binding_add(sp, s, "%with", BIND_WITH, n);
  WITH_SCOPE(sp, s, visit(sp, n->as.with_stmt.body));
}

static void visit_block(ScopePass *sp, Node *n) {
  Scope *s = block_scope(sp, &n->as.block.scope, SCOPE_BLOCK, declares_lexical(&n->as.block.body));
  WITH_SCOPE(sp, s, visit_body(sp, &n->as.block.body));
}

/* Declares the parameters of fn in its scope (the declare phase only). */
static void declare_params(ScopePass *sp, Node *fn) {
  NodeList *params = &fn->as.function.params;
  for (int i = 0; i < params->count; i++) {
    Node *p = params->items[i];
    declare_pattern(sp, p, BIND_PARAM, 0);
    if (p->kind == NODE_IDENTIFIER) scope_find_own(sp->scope, p->as.ident.name)->param_index = i;
  }
}

/* Does a parameter pattern contain an expression (a default or a computed key)? */
static bool pattern_has_expression(const Node *n) {
  switch (n->kind) {
  case NODE_ARRAY_PATTERN:
  case NODE_OBJECT_PATTERN:
    for (int i = 0; i < n->as.list.items.count; i++)
      if (n->as.list.items.items[i] && pattern_has_expression(n->as.list.items.items[i]))
        return true;
    return false;
  case NODE_PROPERTY:
    return n->as.property.computed || pattern_has_expression(n->as.property.value);
  case NODE_ASSIGN_PATTERN: return true;
  case NODE_REST: return pattern_has_expression(n->as.unary.operand);
  default: return false;
  }
}

static bool params_have_expressions(const NodeList *params) {
  for (int i = 0; i < params->count; i++)
    if (pattern_has_expression(params->items[i])) return true;
  return false;
}

//> parser.visit-function
/* function name(params) { body }: an optional name scope (named expressions), then
 * the function scope holding params, vars and the body's lexical declarations. When
 * the parameters contain expressions, the body's declarations get a scope of their
 * own below the parameters' (spec FunctionDeclarationInstantiation step 28): closures
 * in a default must not see them, and a body var named like a parameter is a second
 * variable that starts with the parameter's value. */
static void visit_function(ScopePass *sp, Node *fn) {
  struct Function *f = &fn->as.function;
  bool named_expr = f->id && !(f->flags & FN_DECLARATION);
  Scope *saved = sp->scope;
  if (sp->phase == PHASE_DECLARE) {
    if (named_expr) {
      sp->scope = scope_new(sp, SCOPE_FUNCTION_NAME, fn);
      binding_add(sp, sp->scope, f->id->as.ident.name, BIND_CALLEE, f->id);
    }
    f->scope = f->body_scope = scope_new(sp, SCOPE_FUNCTION, fn);
    f->scope->is_arrow = (f->flags & FN_ARROW) != 0;
  } else if (named_expr) {
    f->id->as.ident.binding = scope_find_own(f->scope->parent, f->id->as.ident.name);
  }
  sp->scope = f->scope;
  if (sp->phase == PHASE_DECLARE) declare_params(sp, fn);
  for (int i = 0; i < f->params.count; i++) visit_binding_pattern(sp, f->params.items[i]);
  if (sp->phase == PHASE_DECLARE && params_have_expressions(&f->params))
    f->body_scope = scope_new(sp, SCOPE_BODY, fn);
  sp->scope = f->body_scope;
  visit_body(sp, &f->body);
  sp->scope = saved;
}
//< parser.visit-function

static void visit_function_node(ScopePass *sp, Node *n) {
  bool decl = (n->as.function.flags & FN_DECLARATION) != 0;
  if (decl && sp->phase == PHASE_DECLARE) declare_function(sp, n);
  if (decl && sp->phase == PHASE_RESOLVE) {
    /* The declared binding lives in the current scope (not a global lookup). */
    Node *id = n->as.function.id;
    Binding *b = scope_find_own(sp->scope, id->as.ident.name);
    if (!b && sp->scope == sp->eval_lexicals) { /* eval code's function joining a caller var */
      Binding *joined = caller_var_of(var_scope(sp->scope), id->as.ident.name);
      if (joined && joined->caller_var) note_reference(sp, b = joined, id);
    }
    id->as.ident.binding = (b && !sp->scope->globals) ? b : NULL;
  }
  visit_function(sp, n);
}

/* Can b, a private name already declared, be declared again by member m? Only as the
 * other half of a getter/setter pair of the same placement. */
static bool private_pair(const Binding *b, const Node *m) {
  const Node *old = b->decl;
  int a = old->as.property.kind, k = m->as.property.kind;
  return old->as.property.is_static == m->as.property.is_static &&
         ((a == PROP_GET && k == PROP_SET) || (a == PROP_SET && k == PROP_GET));
}

/* The private names of a class live in its class scope, one binding per name; the
 * binding's decl is the (first) member declaring it. */
static void declare_private_names(ScopePass *sp, Scope *s, NodeList *members) {
  for (int i = 0; i < members->count; i++) {
    Node *m = members->items[i], *key = m->as.property.key;
    if (!key || key->kind != NODE_PRIVATE_NAME) continue;
    Binding *old = scope_find_own(s, key->as.ident.name);
    key->as.ident.binding = old ? old : binding_add(sp, s, key->as.ident.name, BIND_PRIVATE, m);
    if (!old) continue;
    if (!private_pair(old, m) || old->referenced)
      fail_redeclared(sp, key, key->as.ident.name);
    else
      old->referenced = true; /* marks the pair complete: a third one is an error */
  }
}

/* o.#x and #x in o: the private name must be declared by an enclosing class. */
static void resolve_private(ScopePass *sp, Node *n) {
  Binding *b = NULL;
  for (Scope *s = sp->scope; s && !b; s = s->parent)
    if (!s->in_heritage) b = scope_find_own(s, n->as.ident.name);
  if (!b || b->kind != BIND_PRIVATE) {
    fail_at(sp, n, "Private field '%s' must be declared in an enclosing class", n->as.ident.name);
    return;
  }
  n->as.ident.binding = b;
  note_reference(sp, b, n);
}

/* A class: its declared name outside (a statement's, like let), and a class scope inside
 * holding the name again as a const that methods see; the heritage, computed keys,
 * members and constructor are all visited inside it. */
static void visit_class(ScopePass *sp, Node *n, bool is_statement) {
  Node *id = n->as.class_.id;
  if (is_statement && id && sp->phase == PHASE_DECLARE)
    declare_lexical(sp, id->as.ident.name, BIND_CLASS, n, n->end);
  else if (is_statement && id)
    visit_binding_pattern(sp, id);
  Scope *s = block_scope(sp, &n->as.class_.scope, SCOPE_CLASS, true);
  if (sp->phase == PHASE_DECLARE && id)
    binding_add(sp, s, id->as.ident.name, BIND_CONST, n)->safe_after = n->end;
  if (sp->phase == PHASE_DECLARE) declare_private_names(sp, s, &n->as.class_.members);
  s->in_heritage = true; /* nested heritages hide every class around them */
  WITH_SCOPE(sp, s, visit(sp, n->as.class_.superclass));
  s->in_heritage = false;
  WITH_SCOPE(sp, s, {
    NodeList *members = &n->as.class_.members;
    for (int i = 0; i < members->count; i++) {
      Node *m = members->items[i];
      if (m->as.property.computed) visit(sp, m->as.property.key);
      visit(sp, m->as.property.value);
    }
    visit(sp, n->as.class_.constructor);
  });
}

/* super(...) and super.x: the home binding (the nearest method or constructor) and
 * `this`; a call also reads new.target. Arrows inside capture them like any binding. */
static void resolve_super(ScopePass *sp, Node *super, bool call) {
  Scope *fs = this_scope(sp->scope);
  Binding *home = implicit_binding(sp, fs, &fs->home_binding, BIND_HOME, "%home");
  super->as.ident.binding = home;
  note_reference(sp, home, super);
  note_reference(sp, implicit_binding(sp, fs, &fs->this_binding, BIND_THIS, "this"), super);
  if (fs->owner->kind == NODE_FUNCTION) fs->owner->as.function.uses_this = true;
  if (call)
    note_reference(sp, implicit_binding(sp, fs, &fs->new_target_binding, BIND_NEW_TARGET,
                                        "new.target"), super);
}

static void visit_var(ScopePass *sp, Node *n) {
  if (sp->phase == PHASE_DECLARE) declare_var_statement(sp, n, 0);
  visit_list(sp, &n->as.var.declarators);
}

static void visit_for(ScopePass *sp, Node *n) {
  Node *init = n->as.loop.init;
  bool lexical = init && init->kind == NODE_VAR && init->as.var.kind != VAR_VAR;
  Scope *s = block_scope(sp, &n->as.loop.scope, SCOPE_FOR, lexical);
  WITH_SCOPE(sp, s, {
    visit(sp, init);
    visit(sp, n->as.loop.test);
    visit(sp, n->as.loop.update);
    visit(sp, n->as.loop.body);
  });
}

static void visit_for_each(ScopePass *sp, Node *n) {
  Node *left = n->as.for_each.left;
  bool lexical = left->kind == NODE_VAR && left->as.var.kind != VAR_VAR;
  Scope *s = block_scope(sp, &n->as.for_each.scope, SCOPE_FOR, lexical);
  WITH_SCOPE(sp, s, {
    if (left->kind == NODE_VAR && sp->phase == PHASE_DECLARE)
      declare_var_statement(sp, left, n->as.for_each.body->offset);
    if (left->kind == NODE_VAR) visit_list(sp, &left->as.var.declarators);
    else visit(sp, left);
    visit(sp, n->as.for_each.right);
    visit(sp, n->as.for_each.body);
  });
}

/* try { } catch (param) { body } finally { }: the catch scope holds the param and the
 * catch body's own lexical declarations (handler->as.block.scope is the same scope). */
static void visit_try(ScopePass *sp, Node *n) {
  visit(sp, n->as.try_stmt.block);
  Node *handler = n->as.try_stmt.handler;
  if (handler) {
    Scope *s = block_scope(sp, &n->as.try_stmt.scope, SCOPE_CATCH, true);
    /* A parameter with expressions in it (defaults, computed keys) must not see the
     * body's let, const, class and functions: the body gets a scope of its own then. */
    Node *param = n->as.try_stmt.param;
    bool apart = param && pattern_has_expression(param) && declares_lexical(&handler->as.block.body);
    s->catch_pattern = param && param->kind != NODE_IDENTIFIER;
    WITH_SCOPE(sp, s, {
      if (sp->phase == PHASE_DECLARE) declare_pattern(sp, param, BIND_CATCH, 0);
      visit_binding_pattern(sp, param);
      Scope *body = apart ? block_scope(sp, &handler->as.block.scope, SCOPE_BLOCK, true) : s;
      handler->as.block.scope = body;
      WITH_SCOPE(sp, body, visit_body(sp, &handler->as.block.body));
      if (apart && sp->phase == PHASE_DECLARE) /* still one name for both, as in one scope */
        for (Binding *b = body->first; b && !sp->failed; b = b->next)
          if (scope_find_own(s, b->name)) fail_redeclared(sp, b->decl, b->name);
    });
  }
  visit(sp, n->as.try_stmt.finalizer);
}

static void visit_switch(ScopePass *sp, Node *n) {
  visit(sp, n->as.switch_stmt.discriminant);
  bool lexical = false;
  NodeList *cases = &n->as.switch_stmt.cases;
  for (int i = 0; i < cases->count; i++)
    lexical = lexical || declares_lexical(&cases->items[i]->as.case_clause.body);
  Scope *s = block_scope(sp, &n->as.switch_stmt.scope, SCOPE_SWITCH, lexical);
  WITH_SCOPE(sp, s, {
    for (int i = 0; i < cases->count; i++) {
      visit(sp, cases->items[i]->as.case_clause.test);
      visit_body(sp, &cases->items[i]->as.case_clause.body);
    }
  });
}

static void visit_property(ScopePass *sp, Node *n) {
  if (n->as.property.computed) visit(sp, n->as.property.key);
  visit(sp, n->as.property.value);
}

static void visit_template(ScopePass *sp, Node *n) {
  visit_list(sp, &n->as.template.expressions);
}

/* The statements that may appear in a statement list, beyond expressions. */
static bool visit_statement(ScopePass *sp, Node *n) {
  switch (n->kind) {
  case NODE_VAR: visit_var(sp, n); return true;
  case NODE_DECLARATOR:
    visit_binding_pattern(sp, n->as.declarator.target);
    visit(sp, n->as.declarator.init);
    return true;
  case NODE_BLOCK: visit_block(sp, n); return true;
  case NODE_IF:
    visit(sp, n->as.conditional.test);
    visit(sp, n->as.conditional.then);
    visit(sp, n->as.conditional.otherwise);
    return true;
  case NODE_FOR: visit_for(sp, n); return true;
  case NODE_FOR_IN:
  case NODE_FOR_OF: visit_for_each(sp, n); return true;
  case NODE_WHILE:
  case NODE_DO_WHILE:
    visit(sp, n->as.loop.test);
    visit(sp, n->as.loop.body);
    return true;
  case NODE_TRY: visit_try(sp, n); return true;
  case NODE_WITH: visit_with(sp, n); return true;
  case NODE_SWITCH: visit_switch(sp, n); return true;
  case NODE_LABELED:
    if (n->as.labeled.body->kind == NODE_CLASS) visit_class(sp, n->as.labeled.body, true);
    else visit(sp, n->as.labeled.body);
    return true;
  case NODE_EMPTY:
  case NODE_DEBUGGER:
  case NODE_BREAK:
  case NODE_CONTINUE: return true;
  default: return false;
  }
}

static void visit(ScopePass *sp, Node *n) {
  if (!n || sp->failed || stack_full(sp)) return;
  if (visit_statement(sp, n)) return;
  switch (n->kind) {
  case NODE_IDENTIFIER:
    if (sp->phase == PHASE_RESOLVE) resolve_identifier(sp, n);
    return;
  case NODE_THIS:
  case NODE_NEW_TARGET:
    if (sp->phase == PHASE_RESOLVE) resolve_implicit(sp, n);
    return;
  case NODE_FUNCTION: visit_function_node(sp, n); return;
  case NODE_CLASS: visit_class(sp, n, false); return;
  case NODE_SUPER:
    if (sp->phase == PHASE_RESOLVE) resolve_super(sp, n, false);
    return;
  case NODE_MEMBER:
    visit(sp, n->as.member.object);
    if (n->as.member.computed || n->as.member.property->kind == NODE_PRIVATE_NAME)
      visit(sp, n->as.member.property);
    return;
  case NODE_PRIVATE_NAME:
    if (sp->phase == PHASE_RESOLVE) resolve_private(sp, n);
    return;
  case NODE_PROPERTY: visit_property(sp, n); return;
  case NODE_TEMPLATE: visit_template(sp, n); return;
  case NODE_TAGGED_TEMPLATE:
    visit(sp, n->as.tagged.tag);
    visit(sp, n->as.tagged.template);
    return;
  case NODE_ARRAY:
  case NODE_OBJECT:
  case NODE_SEQUENCE:
  case NODE_ARRAY_PATTERN:
  case NODE_OBJECT_PATTERN: visit_list(sp, &n->as.list.items); return;
  case NODE_UNARY:
  case NODE_SPREAD:
  case NODE_YIELD:
  case NODE_AWAIT:
  case NODE_REST:
  case NODE_EXPRESSION:
  case NODE_RETURN:
  case NODE_THROW: visit(sp, n->as.unary.operand); return;
  case NODE_UPDATE: visit(sp, n->as.update.operand); return;
  case NODE_BINARY:
  case NODE_LOGICAL: visit_operators(sp, n); return;
  case NODE_ASSIGN:
  case NODE_ASSIGN_PATTERN:
    visit(sp, n->as.assign.target);
    visit(sp, n->as.assign.value);
    return;
  case NODE_CONDITIONAL:
    visit(sp, n->as.conditional.test);
    visit(sp, n->as.conditional.then);
    visit(sp, n->as.conditional.otherwise);
    return;
  case NODE_CALL:
    if (sp->phase == PHASE_RESOLVE) note_direct_eval(sp, n);
    else declare_eval_vars(sp, n);
    /* fall through */
  case NODE_NEW:
    if (n->as.call.callee->kind == NODE_SUPER && sp->phase == PHASE_RESOLVE)
      resolve_super(sp, n->as.call.callee, true);
    else
      visit(sp, n->as.call.callee);
    visit_list(sp, &n->as.call.args);
    return;
  default: return; /* literals, super */
  }
}

/* ==== Entry point ==== */

static const char *const module_params[] = {"exports", "require", "module", "__filename",
                                            "__dirname"};

/* Is the first statement of body the directive "use strict"? */
static bool has_use_strict(const NodeList *body) {
  if (body->count == 0) return false;
  const Node *s = body->items[0];
  if (s->kind != NODE_EXPRESSION || s->as.unary.operand->kind != NODE_STRING) return false;
  U16Str str = s->as.unary.operand->as.string;
  const char *want = "use strict";
  if (str.length != strlen(want)) return false;
  for (uint32_t i = 0; i < str.length; i++)
    if (str.units[i] != (uint16_t)want[i]) return false;
  return true;
}

/* Eval code: strict code keeps its vars; sloppy code's are the caller's (global ones
 * when the caller is global code, with let/const/class in a block of their own). A
 * direct eval's this, arguments and names come from outer, like an arrow's. */
static void eval_scopes(ScopePass *sp, Node *program, Scope *s) {
  const EvalContext *e = &sp->parser->eval;
  bool strict = scope_is_strict(s);
  s->globals = !strict && (e->var_global || (e->outer && e->outer->eval_vars));
  s->parent = e->outer;
  s->is_arrow = e->outer != NULL;
  if (!s->globals) return;
  sp->scope = s;
  sp->eval_lexicals = program->as.program.eval_lexicals = scope_new(sp, SCOPE_BLOCK, program);
}

static Scope *program_scope(ScopePass *sp, Node *program, ParseMode mode) {
  Scope *s = scope_new(sp, SCOPE_FUNCTION, program);
  s->is_toplevel = true;
  s->globals = mode == PARSE_SCRIPT;
  if (sp->parser->is_eval) eval_scopes(sp, program, s);
  if (mode == PARSE_MODULE)
    for (int i = 0; i < 5; i++)
      binding_add(sp, s, module_params[i], BIND_PARAM, NULL)->param_index = i;
  return s;
}

//> parser.scope-analyze
int scope_analyze(Parser *p, Node *program, ParseMode mode, ParseError *err) {
  ScopePass sp = {.parser = p, .err = err, .phase = PHASE_DECLARE};
  program->as.program.scope = program_scope(&sp, program, mode);
  for (int phase = PHASE_DECLARE; phase <= PHASE_RESOLVE && !sp.failed; phase++) {
    sp.phase = (Phase)phase;
    sp.scope = program->as.program.scope;
    if (sp.eval_lexicals) sp.scope = sp.eval_lexicals;
    visit_body(&sp, &program->as.program.body);
  }
  return sp.failed ? -1 : 0;
}
//< parser.scope-analyze

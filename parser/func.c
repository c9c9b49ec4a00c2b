/* func.c - functions, arrow functions, methods, classes, and destructuring patterns.
 * Book: chapter 2, "Parsing".
 *
 * Entry points (parser/internal.h): parse_function, parse_arrow, parse_method, parse_class,
 * parse_binding_target, parse_to_pattern, parse_infer_name. Every function gets its own
 * FnContext (what return, yield, await, super and new.target may do inside it); its
 * parameters are checked again once the body is known, since "use strict" in the body
 * makes the whole function strict.
 */
#include <string.h>

#include "parser/internal.h"
#include "parser/parser.h"

/* ==== Names ==== */

void parse_infer_name(Node *value, const char *name) {
  if (!value || !name) return;
  if (value->kind == NODE_FUNCTION && !value->as.function.name && !value->as.function.id) {
    value->as.function.name = name;
  } else if (value->kind == NODE_CLASS && !value->as.class_.name && !value->as.class_.id) {
    value->as.class_.name = name;
    Node *ctor = value->as.class_.constructor;
    if (ctor) ctor->as.function.name = name;
  }
}

void parse_check_binding_name(Parser *p, const Node *id) {
  const char *name = id->as.ident.name;
  if (p->fn->strict && (strcmp(name, "eval") == 0 || strcmp(name, "arguments") == 0))
    parse_error_at(p, parse_node_range(p, id), "Unexpected eval or arguments in strict mode");
}

bool parse_is_literal_pattern(const Node *n) {
  return (n->kind == NODE_OBJECT || n->kind == NODE_ARRAY) && !n->parenthesized;
}

/* ==== Binding patterns (declarations, parameters, catch) ==== */

static Node *parse_binding_identifier(Parser *p) {
  Token t = p->tok;
  if (t.kind != TOK_IDENTIFIER) {
    parse_unexpected(p);
    return parse_error_node(p);
  }
  parse_check_identifier(p, &t);
  parse_note_await_name(p, &t); /* `async(a = (...await) => 0) =>` */
  Node *n = parse_node(p, NODE_IDENTIFIER, &t);
  n->as.ident.name = t.name;
  parse_check_binding_name(p, n);
  parse_advance(p);
  return n;
}

/* BindingElement: BindingTarget [= AssignmentExpression] */
static Node *parse_binding_element(Parser *p) {
  Node *target = parse_binding_target(p);
  if (!parse_at(p, TOK_ASSIGN)) return target;
  Node *n = parse_node_like(p, NODE_ASSIGN_PATTERN, target);
  parse_advance(p);
  n->as.assign.op = TOK_ASSIGN;
  n->as.assign.target = target;
  n->as.assign.value = parse_assignment(p);
  if (target->kind == NODE_IDENTIFIER && !target->parenthesized)
    parse_infer_name(n->as.assign.value, target->as.ident.name);
  return parse_finish(p, n);
}

/* ...BindingTarget inside a pattern (only a name in an object pattern); must come last. */
static Node *parse_binding_rest(Parser *p, bool object, TokenKind close) {
  Node *rest = parse_node(p, NODE_REST, &p->tok);
  parse_advance(p);
  rest->as.unary.operand = parse_binding_target(p);
  parse_finish(p, rest);
  if (object && rest->as.unary.operand->kind != NODE_IDENTIFIER)
    parse_error_at(p, parse_node_range(p, rest->as.unary.operand),
                   "`...` must be followed by an identifier in declaration contexts");
  if (!parse_at(p, close))
    parse_error_at(p, parse_node_range(p, object ? rest->as.unary.operand : rest),
                   "Rest element must be last element");
  return rest;
}

/* ArrayBindingPattern: [ (Elision | BindingElement) , ... [...BindingTarget] ] */
static Node *parse_array_binding(Parser *p) {
  Node *n = parse_node(p, NODE_ARRAY_PATTERN, &p->tok);
  parse_advance(p);
  while (!parse_at(p, TOK_RBRACKET) && !parse_at(p, TOK_EOF)) {
    if (parse_accept(p, TOK_COMMA)) {
      parse_list_push(p, &n->as.list.items, NULL);
      continue;
    }
    if (parse_at(p, TOK_ELLIPSIS)) {
      parse_list_push(p, &n->as.list.items, parse_binding_rest(p, false, TOK_RBRACKET));
      break;
    }
    parse_list_push(p, &n->as.list.items, parse_binding_element(p));
    if (!parse_at(p, TOK_RBRACKET)) parse_expect(p, TOK_COMMA);
  }
  parse_expect(p, TOK_RBRACKET);
  return parse_finish(p, n);
}

/* BindingProperty: SingleNameBinding | PropertyName : BindingElement */
static Node *parse_binding_property(Parser *p) {
  Token key_token = p->tok;
  Node *prop = parse_node(p, NODE_PROPERTY, &key_token);
  Node *key = parse_property_key(p, &prop->as.property.computed);
  prop->as.property.key = key;
  if (parse_accept(p, TOK_COLON)) {
    prop->as.property.value = parse_binding_element(p);
  } else if (key_token.kind != TOK_IDENTIFIER) {
    parse_unexpected(p);
  } else {
    parse_check_identifier(p, &key_token);
    Node *id = parse_node(p, NODE_IDENTIFIER, &key_token);
    id->as.ident.name = key_token.name;
    parse_check_binding_name(p, id);
    prop->as.property.shorthand = true;
    prop->as.property.value = id;
    if (parse_at(p, TOK_ASSIGN)) {
      Node *def = parse_node_like(p, NODE_ASSIGN_PATTERN, id);
      parse_advance(p);
      def->as.assign.op = TOK_ASSIGN;
      def->as.assign.target = id;
      def->as.assign.value = parse_assignment(p);
      parse_infer_name(def->as.assign.value, key_token.name);
      prop->as.property.value = parse_finish(p, def);
    }
  }
  return parse_finish(p, prop);
}

/* ObjectBindingPattern: { BindingProperty , ... [...BindingIdentifier] } */
static Node *parse_object_binding(Parser *p) {
  Node *n = parse_node(p, NODE_OBJECT_PATTERN, &p->tok);
  parse_advance(p);
  while (!parse_at(p, TOK_RBRACE) && !parse_at(p, TOK_EOF)) {
    if (parse_at(p, TOK_ELLIPSIS)) {
      parse_list_push(p, &n->as.list.items, parse_binding_rest(p, true, TOK_RBRACE));
      break;
    }
    parse_list_push(p, &n->as.list.items, parse_binding_property(p));
    if (!parse_at(p, TOK_RBRACE)) parse_expect(p, TOK_COMMA);
  }
  parse_expect(p, TOK_RBRACE);
  return parse_finish(p, n);
}

Node *parse_binding_target(Parser *p) {
  if (!parse_stack_ok(p)) return parse_error_node(p);
  return parse_at(p, TOK_LBRACKET) ? parse_array_binding(p)
         : parse_at(p, TOK_LBRACE) ? parse_object_binding(p)
                                   : parse_binding_identifier(p);
}

/* ==== Reinterpreting expressions as patterns ==== */

/* Where a target stands, for V8's choice of message: the whole left side of `=`, an arrow
 * parameter, or inside a pattern. */
typedef enum PatternLevel { LEVEL_TOP, LEVEL_PARAM, LEVEL_NESTED } PatternLevel;

static Node *to_pattern(Parser *p, Node *n, bool binding, PatternLevel level);

static bool spread_had_comma(const Parser *p, const Node *spread) {
  for (int i = 0; i < p->spread_commas.count; i++)
    if (p->spread_commas.items[i] == spread) return true;
  return false;
}

/* `...x` in a literal becomes a rest element: last, no default, and in an object pattern
 * only a name (or, when assigning, a property). */
static void to_rest(Parser *p, Node *spread, bool binding, bool last, bool object) {
  spread->kind = NODE_REST;
  Node *target = spread->as.unary.operand;
  if (!last || spread_had_comma(p, spread)) { /* V8 marks `...x` in an array, x in an object */
    parse_error_at(p, parse_node_range(p, object ? target : spread), "Rest element must be last element");
  } else if (object) {
    bool ok = !target->parenthesized || !binding;
    ok = ok && (target->kind == NODE_IDENTIFIER || (!binding && target->kind == NODE_MEMBER));
    if (!ok)
      parse_error_at(p, parse_node_range(p, target),
                     "`...` must be followed by an assignable reference in assignment contexts");
    else if (target->kind == NODE_IDENTIFIER)
      parse_check_binding_name(p, target);
  } else if (target->kind == NODE_ASSIGN || target->kind == NODE_ASSIGN_PATTERN) {
    parse_error_at(p, parse_node_range(p, target), "Invalid destructuring assignment target");
  } else {
    spread->as.unary.operand = to_pattern(p, target, binding, LEVEL_NESTED);
  }
}

/* An element of an array pattern or a property value of an object pattern: a target with
 * an optional default (`a = 1` was parsed as an assignment). */
static Node *pattern_element(Parser *p, Node *n, bool binding, PatternLevel level) {
  if ((n->kind == NODE_ASSIGN && n->as.assign.op == TOK_ASSIGN && !n->parenthesized) ||
      n->kind == NODE_ASSIGN_PATTERN) {
    n->kind = NODE_ASSIGN_PATTERN;
    n->as.assign.target = to_pattern(p, n->as.assign.target, binding, level);
    return n;
  }
  return to_pattern(p, n, binding, level);
}

static bool array_to_pattern(Parser *p, Node *n, bool binding) {
  NodeList *items = &n->as.list.items;
  n->kind = NODE_ARRAY_PATTERN;
  for (int i = 0; i < items->count && !p->failed; i++) {
    Node *item = items->items[i];
    if (!item) continue;
    if (item->kind == NODE_SPREAD || item->kind == NODE_REST)
      to_rest(p, item, binding, i == items->count - 1, false);
    else
      items->items[i] = pattern_element(p, item, binding, LEVEL_NESTED);
  }
  return true;
}

static bool object_to_pattern(Parser *p, Node *n, bool binding) {
  NodeList *items = &n->as.list.items;
  n->kind = NODE_OBJECT_PATTERN;
  for (int i = 0; i < items->count && !p->failed; i++) {
    Node *item = items->items[i];
    if (item->kind == NODE_SPREAD || item->kind == NODE_REST) {
      to_rest(p, item, binding, i == items->count - 1, true);
    } else if (item->as.property.kind != PROP_INIT) {
      parse_error_at(p, parse_node_range(p, item), "Invalid destructuring assignment target");
    } else {
      item->as.property.value =
          pattern_element(p, item->as.property.value, binding, LEVEL_NESTED);
    }
  }
  return true;
}

//> parser.to-pattern
/* Turns an expression into a target: `[a, b] = [b, a]` was parsed as an array literal
 * until the `=` showed it to be a pattern. With `binding` (arrow parameters) only names
 * may be bound; an assignment may also store into properties. */
static Node *to_pattern(Parser *p, Node *n, bool binding, PatternLevel level) {
  bool ok = false;
  if (!parse_stack_ok(p)) return n; /* a pattern nests as deeply as its literal did */
  switch (n->kind) {
  case NODE_IDENTIFIER:
    ok = !(binding && n->parenthesized);
    if (ok) parse_check_binding_name(p, n);
    break;
  case NODE_MEMBER:
    if (binding && level == LEVEL_NESTED)
      parse_error_at(p, parse_node_range(p, n), "Illegal property in declaration context");
    ok = !binding && !n->as.member.optional;
    break;
  case NODE_ARRAY: case NODE_ARRAY_PATTERN:
    ok = !n->parenthesized && array_to_pattern(p, n, binding);
    break;
  case NODE_OBJECT: case NODE_OBJECT_PATTERN:
    ok = !n->parenthesized && object_to_pattern(p, n, binding);
    break;
  case NODE_ASSIGN_PATTERN: return pattern_element(p, n, binding, level);
  default: break;
  }
  if (!ok)
    parse_error_at(p, parse_node_range(p, n), level == LEVEL_TOP
                                                  ? "Invalid left-hand side in assignment"
                                                  : "Invalid destructuring assignment target");
  return n;
}

Node *parse_to_pattern(Parser *p, Node *n, bool binding, bool top) {
  return to_pattern(p, n, binding, top ? LEVEL_TOP : LEVEL_PARAM);
}
//< parser.to-pattern

/* ==== Functions ==== */

/* Opens the context of a function: arrows see through to their surroundings for this,
 * super and new.target; other functions start afresh. */
static void enter_function(Parser *p, FnContext *ctx, Node *fn, int flags) {
  FnContext *outer = p->fn;
  memset(ctx, 0, sizeof *ctx);
  ctx->outer = outer;
  ctx->fn = fn;
  ctx->strict = outer->strict;
  ctx->is_async = flags & FN_ASYNC;
  ctx->is_generator = flags & FN_GENERATOR;
  ctx->is_arrow = flags & FN_ARROW;
  ctx->allow_return = true;
  if (flags & FN_ARROW) {
    ctx->allow_new_target = outer->allow_new_target;
    ctx->allow_super_property = outer->allow_super_property;
    ctx->allow_super_call = outer->allow_super_call;
    ctx->in_class_field = outer->in_class_field; /* a static block's `await` stops here */
  } else {
    ctx->allow_new_target = true;
    ctx->allow_super_property = flags & FN_METHOD;
    ctx->allow_super_call = (flags & FN_DERIVED) != 0;
  }
  p->fn = ctx;
}

/* Closes it: the function is strict if its body (or its surroundings) said so. */
static Node *leave_function(Parser *p, Node *fn, int flags) {
  if (p->fn->strict) flags |= FN_STRICT;
  fn->as.function.flags = flags;
  fn->as.function.source_end = p->prev_end;
  p->fn = p->fn->outer;
  return parse_finish(p, fn);
}

/* The names a parameter binds: a, or every name inside {a, b: [c]} = d. */
static void collect_names(Parser *p, Node *n, NodeList *out) {
  if (!n || !parse_stack_ok(p)) return;
  switch (n->kind) {
  case NODE_IDENTIFIER: parse_list_push(p, out, n); break;
  case NODE_ASSIGN_PATTERN: collect_names(p, n->as.assign.target, out); break;
  case NODE_REST: collect_names(p, n->as.unary.operand, out); break;
  case NODE_ARRAY_PATTERN:
    for (int i = 0; i < n->as.list.items.count; i++)
      collect_names(p, n->as.list.items.items[i], out);
    break;
  case NODE_OBJECT_PATTERN:
    for (int i = 0; i < n->as.list.items.count; i++) {
      Node *item = n->as.list.items.items[i];
      collect_names(p, item->kind == NODE_PROPERTY ? item->as.property.value : item, out);
    }
    break;
  default: break;
  }
}

/* Once the body is parsed: in strict code the name and the parameters may not be eval,
 * arguments or a reserved word; duplicate parameters are an error unless the function is
 * sloppy with a simple list. */
static void check_params(Parser *p, Node *fn, int flags) {
  bool strict = p->fn->strict;
  Node *id = fn->as.function.id;
  if (strict && id) {
    parse_check_binding_name(p, id);
    if (lex_is_strict_reserved(id->as.ident.name))
      parse_error_at(p, parse_node_range(p, id), "Unexpected strict mode reserved word");
  }
  NodeList names = {0};
  for (int i = 0; i < fn->as.function.params.count; i++)
    collect_names(p, fn->as.function.params.items[i], &names);
  bool unique = strict || (flags & (FN_ARROW | FN_METHOD)) || !(flags & FN_SIMPLE_PARAMS);
  for (int i = 0; i < names.count; i++) {
    Node *name = names.items[i];
    if (strict) parse_check_binding_name(p, name);
    if (strict && lex_is_strict_reserved(name->as.ident.name))
      parse_error_at(p, parse_node_range(p, name), "Unexpected strict mode reserved word");
    for (int j = 0; unique && j < i; j++)
      if (strcmp(names.items[j]->as.ident.name, name->as.ident.name) == 0)
        parse_error_at(p, parse_node_range(p, name),
                       "Duplicate parameter name not allowed in this context");
  }
}

/* Function("a b", ""): the parameter list of a dynamic function must end exactly at the
 * `)` the constructor put after the parameter text. */
static void check_dynamic_params_end(Parser *p, uint32_t end) {
  if (p->failed || p->tok.start == end) return;
  if (p->tok.start < end)
    parse_error_at(p, parse_token_range(p, &p->tok), "Arg string terminates parameters early");
  else
    parse_error_at(p, parse_token_range(p, &p->tok), "Unexpected end of arg string");
}

/* FormalParameters: ( [FormalParameter (, FormalParameter)*] [, ...BindingTarget] ,? )
 * Returns the flags it learns (FN_SIMPLE_PARAMS). */
static int parse_params(Parser *p, Node *fn) {
  Token open = p->tok;
  bool simple = true, counting = true;
  uint32_t dynamic_end = p->dynamic_params_end; /* only the outermost function's */
  p->dynamic_params_end = 0;
  p->fn->in_params = true;
  parse_expect(p, TOK_LPAREN);
  while (!parse_at(p, TOK_RPAREN) && !parse_at(p, TOK_EOF)) {
    if (parse_at(p, TOK_ELLIPSIS)) {
      Node *rest = parse_node(p, NODE_REST, &p->tok);
      parse_advance(p);
      rest->as.unary.operand = parse_binding_target(p);
      parse_list_push(p, &fn->as.function.params, parse_finish(p, rest));
      simple = false;
      if (parse_at(p, TOK_ASSIGN))
        parse_error_at(p, parse_token_range(p, &p->tok),
                       "Rest parameter may not have a default initializer");
      else if (!parse_at(p, TOK_RPAREN))
        parse_error_at(p, parse_token_range(p, &p->tok),
                       "Rest parameter must be last formal parameter");
      break;
    }
    Node *param = parse_binding_element(p);
    simple = simple && param->kind == NODE_IDENTIFIER;
    counting = counting && param->kind != NODE_ASSIGN_PATTERN;
    if (counting) fn->as.function.param_count++;
    parse_list_push(p, &fn->as.function.params, param);
    if (dynamic_end && !parse_at(p, TOK_RPAREN) && !parse_at(p, TOK_COMMA)) break;
    if (!parse_at(p, TOK_RPAREN)) parse_expect(p, TOK_COMMA);
  }
  p->fn->in_params = false;
  if (dynamic_end) check_dynamic_params_end(p, dynamic_end);
  p->params_at = (SrcRange){open.line, open.column,
                            lex_utf16_length(p->src + open.start, p->tok.end - open.start)};
  parse_expect(p, TOK_RPAREN);
  return simple ? FN_SIMPLE_PARAMS : 0;
}

/* FunctionBody: { Directives? StatementList } */
static void parse_function_body(Parser *p, Node *fn, int flags) {
  bool no_in = p->no_in;
  if (!parse_stack_ok(p)) return;
  p->no_in = false;
  parse_expect(p, TOK_LBRACE);
  bool use_strict = parse_body(p, &fn->as.function.body, true, TOK_RBRACE);
  if (use_strict && !(flags & FN_SIMPLE_PARAMS))
    parse_error_at(p, p->use_strict_at,
                   "Illegal 'use strict' directive in function with non-simple parameter list");
  parse_expect(p, TOK_RBRACE);
  p->no_in = no_in;
}

/* An expression's name is checked as a name inside it: the surrounding function's
 * `yield`, `await` and class-field rules stop at its boundary. */
static void check_expression_name(Parser *p, const Token *t) {
  FnContext outer = *p->fn;
  p->fn->is_async = p->fn->is_generator = p->fn->await_reserved = false;
  p->fn->in_class_field = false;
  parse_check_identifier(p, t);
  *p->fn = outer;
}

/* The name of a function expression or declaration. An expression's name is bound
 * inside it, so its own kind decides: no `yield` naming a generator expression, no
 * `await` an async one. */
static void parse_function_name(Parser *p, Node *fn, int flags) {
  Token t = p->tok;
  SrcRange at = parse_token_range(p, &t);
  bool expr = !(flags & FN_DECLARATION);
  if (expr && (flags & FN_GENERATOR) && strcmp(t.name, "yield") == 0)
    parse_error_at(p, at, "Unexpected identifier 'yield'");
  else if (expr && (flags & FN_ASYNC) && strcmp(t.name, "await") == 0)
    parse_error_at(p, at, "Unexpected reserved word");
  if (expr) check_expression_name(p, &t);
  else parse_check_identifier(p, &t);
  Node *id = parse_node(p, NODE_IDENTIFIER, &t);
  id->as.ident.name = t.name;
  parse_check_binding_name(p, id);
  fn->as.function.id = id;
  fn->as.function.name = t.name;
  parse_advance(p);
}

/* FunctionDeclaration / FunctionExpression / their async and generator forms:
 *   [async] function [*] BindingIdentifier? ( FormalParameters ) { FunctionBody }
 * The current token is `function`; start is `function` or `async`. */
Node *parse_function(Parser *p, bool is_async, bool declaration, const Token *start) {
  Node *fn = parse_node(p, NODE_FUNCTION, start);
  Token keyword = p->tok;
  fn->as.function.source_start = p->src + start->start;
  parse_expect(p, TOK_FUNCTION);
  int flags = (is_async ? FN_ASYNC : 0) | (declaration ? FN_DECLARATION : 0);
  if (parse_accept(p, TOK_STAR)) flags |= FN_GENERATOR;
  if (parse_at(p, TOK_IDENTIFIER))
    parse_function_name(p, fn, flags);
  else if (declaration)
    parse_error_at(p, parse_token_range(p, &keyword),
                   "Function statements require a function name");
  FnContext ctx;
  enter_function(p, &ctx, fn, flags);
  flags |= parse_params(p, fn);
  parse_function_body(p, fn, flags);
  check_params(p, fn, flags);
  return leave_function(p, fn, flags);
}

/* An arrow's parameter from the cover: `a`, `a = 1`, `[a, b]`, `...rest`. */
static Node *arrow_param(Parser *p, Node *item, bool last) {
  if (item->kind == NODE_REST) return item;
  if (item->kind == NODE_SPREAD) { /* from `async (...a) =>` */
    if (!last || spread_had_comma(p, item))
      parse_error_at(p, parse_node_range(p, item), "Rest parameter must be last formal parameter");
    item->kind = NODE_REST;
    item->as.unary.operand = to_pattern(p, item->as.unary.operand, true, LEVEL_PARAM);
    return item;
  }
  return pattern_element(p, item, true, LEVEL_PARAM);
}

//> parser.arrow
/* ArrowFunction: ArrowParameters [no LineTerminator here] => ConciseBody
 * The parameters were parsed as expressions (the cover); they become patterns here. A
 * concise body `x => x * 2` is stored as the body { return x * 2; }. */
Node *parse_arrow(Parser *p, NodeList *params, bool is_async, const Node *start) {
  Node *fn = parse_node_like(p, NODE_FUNCTION, start);
  fn->as.function.source_start = p->src + start->offset;
  int flags = FN_ARROW | (is_async ? FN_ASYNC : 0) | FN_SIMPLE_PARAMS;
  bool counting = true;
  for (int i = 0; i < params->count; i++) {
    Node *param = arrow_param(p, params->items[i], i == params->count - 1);
    if (param->kind != NODE_IDENTIFIER) flags &= ~FN_SIMPLE_PARAMS;
    counting = counting && param->kind != NODE_ASSIGN_PATTERN && param->kind != NODE_REST;
    if (counting) fn->as.function.param_count++;
    parse_list_push(p, &fn->as.function.params, param);
  }
  FnContext ctx;
  enter_function(p, &ctx, fn, flags);
  parse_advance(p); /* => */
  if (parse_at(p, TOK_LBRACE)) {
    parse_function_body(p, fn, flags);
  } else {
    Node *value = parse_assignment(p);
    Node *ret = parse_node_like(p, NODE_RETURN, value);
    ret->as.unary.operand = value;
    parse_list_push(p, &fn->as.function.body, ret);
    flags |= FN_EXPRESSION_BODY;
  }
  check_params(p, fn, flags);
  return leave_function(p, fn, flags);
}
//< parser.arrow

/* The parameter count rules of getters and setters. */
static void check_accessor_params(Parser *p, const Node *fn, PropertyKind kind) {
  const NodeList *params = &fn->as.function.params;
  if (kind == PROP_GET && params->count != 0)
    parse_error_at(p, p->params_at, "Getter must not have any formal parameters.");
  if (kind == PROP_SET && params->count != 1)
    parse_error_at(p, p->params_at, "Setter must have exactly one formal parameter.");
  if (kind == PROP_SET && params->count == 1 && params->items[0]->kind == NODE_REST)
    parse_error_at(p, p->params_at, "Setter function argument must not be a rest parameter");
}

/* MethodDefinition: ClassElementName ( UniqueFormalParameters ) { FunctionBody }, and the
 * get, set, async and generator forms; the key is parsed (NULL when computed). */
Node *parse_method(Parser *p, int flags, PropertyKind kind, const Node *key, const Token *start) {
  Node *fn = parse_node(p, NODE_FUNCTION, start);
  fn->as.function.source_start = p->src + start->start;
  fn->as.function.name = parse_key_name(p, key);
  if (fn->as.function.name && (kind == PROP_GET || kind == PROP_SET)) { /* "get x" */
    size_t len = strlen(fn->as.function.name);
    char *name = parse_alloc(p, len + 5);
    memcpy(name, kind == PROP_GET ? "get " : "set ", 4);
    memcpy(name + 4, fn->as.function.name, len + 1);
    fn->as.function.name = name;
  }
  flags |= FN_METHOD;
  FnContext ctx;
  enter_function(p, &ctx, fn, flags);
  flags |= parse_params(p, fn);
  check_accessor_params(p, fn, kind);
  parse_function_body(p, fn, flags);
  check_params(p, fn, flags);
  return leave_function(p, fn, flags);
}

/* ==== Classes ==== */

Node *parse_private_name(Parser *p) {
  Token t = p->tok;
  Node *n = parse_node(p, NODE_PRIVATE_NAME, &t);
  size_t len = strlen(t.name);
  char *name = parse_alloc(p, len + 2);
  name[0] = '#';
  memcpy(name + 1, t.name, len + 1);
  n->as.ident.name = name;
  parse_advance(p);
  return parse_finish(p, n);
}

/* ClassStaticBlock: static { ClassStaticBlockStatementList } -- a method-like body that
 * runs once; `return`, `await` and `arguments` are not allowed in it. */
static Node *parse_static_block(Parser *p, const Token *start) {
  Node *prop = parse_node(p, NODE_PROPERTY, start);
  Node *fn = parse_node(p, NODE_FUNCTION, &p->tok);
  fn->as.function.source_start = p->src + p->tok.start;
  prop->as.property.kind = PROP_STATIC_BLOCK;
  prop->as.property.is_static = true;
  prop->as.property.value = fn;
  FnContext ctx;
  enter_function(p, &ctx, fn, FN_METHOD);
  ctx.allow_return = false;
  ctx.in_class_field = true;
  ctx.await_reserved = true;
  parse_expect(p, TOK_LBRACE);
  parse_body(p, &fn->as.function.body, false, TOK_RBRACE);
  parse_expect(p, TOK_RBRACE);
  leave_function(p, fn, FN_METHOD | FN_SIMPLE_PARAMS | FN_STATIC_BLOCK);
  return parse_finish(p, prop);
}

/* A field's initializer runs like a method of the instance (or of the class, if static):
 * it becomes one, a method whose body returns the expression, so that the scope pass and
 * the compiler see its `this`, `super` and captures as a function's. */
static Node *parse_field_initializer(Parser *p, const char *name) {
  Node *fn = parse_node(p, NODE_FUNCTION, &p->tok);
  fn->as.function.source_start = p->src + p->tok.start;
  FnContext ctx;
  enter_function(p, &ctx, fn, FN_METHOD);
  ctx.strict = ctx.in_class_field = true;
  ctx.allow_return = false;
  Node *ret = parse_node(p, NODE_RETURN, &p->tok);
  ret->as.unary.operand = parse_assignment(p);
  parse_infer_name(ret->as.unary.operand, name);
  parse_list_push(p, &fn->as.function.body, parse_finish(p, ret));
  int flags = FN_METHOD | FN_CLASS_FIELD | FN_EXPRESSION_BODY | FN_SIMPLE_PARAMS;
  return leave_function(p, fn, flags);
}

static bool key_is(const char *name, const char *word) { return name && strcmp(name, word) == 0; }

/* `constructor(...) {...}`: becomes the class's constructor, not a member. */
static void parse_constructor(Parser *p, Node *cls, Node *prop, int flags, PropertyKind kind,
                              const Token *start) {
  SrcRange at = parse_node_range(p, prop->as.property.key);
  if (kind != PROP_INIT) parse_error_at(p, at, "Class constructor may not be an accessor");
  else if (flags & FN_ASYNC) parse_error_at(p, at, "Class constructor may not be an async method");
  else if (flags & FN_GENERATOR) parse_error_at(p, at, "Class constructor may not be a generator");
  else if (cls->as.class_.constructor)
    parse_error_at(p, at, "A class may only have one constructor");
  flags = FN_CONSTRUCTOR | (cls->as.class_.superclass ? FN_DERIVED : 0);
  Node *fn = parse_method(p, flags, PROP_METHOD, prop->as.property.key, start);
  fn->as.function.name = cls->as.class_.name;
  cls->as.class_.constructor = fn;
}

/* A field: `x = 1;`, `static count = 0;`, `y;`. */
static void parse_field(Parser *p, Node *prop, const char *name) {
  bool is_static = prop->as.property.is_static;
  SrcRange at = parse_node_range(p, prop->as.property.key);
  if (key_is(name, "constructor"))
    parse_error_at(p, at, "Classes may not have a field named 'constructor'");
  else if (is_static && key_is(name, "prototype"))
    parse_error_at(p, at, "Classes may not have a static property named 'prototype'");
  if (parse_accept(p, TOK_ASSIGN)) prop->as.property.value = parse_field_initializer(p, name);
  Node *fn = prop->as.property.value;
  Node *value = fn ? fn->as.function.body.items[0]->as.unary.operand : NULL;
  bool anonymous = value && ((value->kind == NODE_FUNCTION && !value->as.function.name) ||
                             (value->kind == NODE_CLASS && !value->as.class_.name));
  if (prop->as.property.computed && anonymous) fn->as.function.flags |= FN_NAMES_VALUE;
  parse_semicolon(p);
}

/* A word before the key that modifies the member (static, async, get, set), unless it is
 * the key itself: `static() {}`, `get = 1`, `async;` */
static bool member_modifier(Parser *p, const char *word) {
  if (!parse_at_word(p, word)) return false;
  Token next = parse_peek(p);
  if (next.kind == TOK_LPAREN || next.kind == TOK_ASSIGN || next.kind == TOK_SEMICOLON ||
      next.kind == TOK_RBRACE)
    return false;
  bool accessor = strcmp(word, "get") == 0 || strcmp(word, "set") == 0;
  if (accessor && next.kind == TOK_STAR) return false; /* a field `get`, then *g() {} */
  return strcmp(word, "async") != 0 || !(next.flags & TOKF_NEWLINE_BEFORE);
}

/* A method, getter or setter of a class (not the constructor). */
static void parse_class_method(Parser *p, Node *prop, int flags, PropertyKind kind,
                               const char *name, const Token *start) {
  if (prop->as.property.is_static && key_is(name, "prototype"))
    parse_error_at(p, parse_node_range(p, prop->as.property.key),
                   "Classes may not have a static property named 'prototype'");
  prop->as.property.kind = kind == PROP_INIT ? PROP_METHOD : kind;
  Node *key = prop->as.property.computed ? NULL : prop->as.property.key;
  prop->as.property.value = parse_method(p, flags, kind, key, start);
}

/* ClassElement: MethodDefinition | static MethodDefinition | FieldDefinition ;
 *   | static FieldDefinition ; | ClassStaticBlock | ; */
static void parse_class_member(Parser *p, Node *cls) {
  Token start = p->tok;
  bool is_static = member_modifier(p, "static");
  if (is_static) parse_advance(p);
  if (is_static && parse_at(p, TOK_LBRACE))
    return parse_list_push(p, &cls->as.class_.members, parse_static_block(p, &start));
  Token method_start = p->tok; /* its source text leaves `static` out, as V8's does */
  int flags = 0;
  PropertyKind kind = PROP_INIT;
  if (member_modifier(p, "async")) flags |= FN_ASYNC, parse_advance(p);
  else if (member_modifier(p, "get")) kind = PROP_GET, parse_advance(p);
  else if (member_modifier(p, "set")) kind = PROP_SET, parse_advance(p);
  if (parse_accept(p, TOK_STAR)) flags |= FN_GENERATOR;
  Node *prop = parse_node(p, NODE_PROPERTY, &start);
  prop->as.property.is_static = is_static;
  if (parse_at(p, TOK_PRIVATE_NAME)) {
    bool method = flags || kind != PROP_INIT || parse_peek(p).kind == TOK_LPAREN;
    if (strcmp(p->tok.name, "constructor") == 0)
      return parse_error_at(p, parse_token_range(p, &p->tok),
                            method ? "Class constructor may not be a private method"
                                   : "Classes may not have a private field named '#constructor'");
    prop->as.property.key = parse_private_name(p);
  } else {
    prop->as.property.key = parse_property_key(p, &prop->as.property.computed);
  }
  const Node *key = prop->as.property.computed ? NULL : prop->as.property.key;
  const char *name = parse_key_name(p, key);
  if (!flags && kind == PROP_INIT && !parse_at(p, TOK_LPAREN))
    parse_field(p, prop, name);
  else if (!is_static && key && key->kind != NODE_NUMBER && key_is(name, "constructor"))
    return parse_constructor(p, cls, prop, flags, kind, &method_start);
  else
    parse_class_method(p, prop, flags, kind, name, &method_start);
  parse_list_push(p, &cls->as.class_.members, parse_finish(p, prop));
}

/* A class without `constructor` gets one: constructor() {} or, when derived,
 * constructor(...args) { super(...args); } -- which the compiler emits without iterating
 * (FN_DEFAULT_CTOR), as the spec's default constructor does not use %Array.prototype%. */
static Node *default_constructor(Parser *p, Node *cls) {
  Node *fn = parse_node_like(p, NODE_FUNCTION, cls);
  fn->end = cls->end;
  fn->as.function.name = cls->as.class_.name;
  fn->as.function.source_start = p->src + cls->offset;
  fn->as.function.flags = FN_METHOD | FN_CONSTRUCTOR | FN_STRICT | FN_SIMPLE_PARAMS |
                          FN_DEFAULT_CTOR | (cls->as.class_.superclass ? FN_DERIVED : 0);
  return fn;
}

/* ClassDeclaration / ClassExpression: class BindingIdentifier? [extends LeftHandSideExpression]
 *   { ClassElement* }  -- all of it strict code. */
Node *parse_class(Parser *p, bool declaration) {
  Node *n = parse_node(p, NODE_CLASS, &p->tok);
  bool outer_strict = p->fn->strict;
  if (!parse_stack_ok(p)) return n;
  parse_advance(p);
  p->fn->strict = true;
  if (parse_at(p, TOK_IDENTIFIER)) {
    Node *id = parse_binding_target(p);
    n->as.class_.id = id;
    n->as.class_.name = id->as.ident.name;
  } else if (declaration) {
    parse_unexpected(p);
  }
  if (parse_accept(p, TOK_EXTENDS)) n->as.class_.superclass = parse_lhs_expression(p);
  parse_expect(p, TOK_LBRACE);
  while (!parse_at(p, TOK_RBRACE) && !parse_at(p, TOK_EOF))
    if (!parse_accept(p, TOK_SEMICOLON)) parse_class_member(p, n);
  parse_expect(p, TOK_RBRACE);
  p->fn->strict = outer_strict;
  parse_finish(p, n);
  n->as.class_.source_start = n->offset;
  n->as.class_.source_end = n->end;
  if (!n->as.class_.constructor) n->as.class_.constructor = default_constructor(p, n);
  return n;
}

/* expr.c - expressions: recursive descent from AssignmentExpression down to
 * PrimaryExpression, with precedence climbing for the binary operators.
 * Book: chapter 2, "Parsing".
 *
 * Entry points (parser/internal.h): parse_expression, parse_assignment,
 * parse_assignment_cover, parse_lhs_expression, parse_property_key. Arrow functions
 * are found with a "cover grammar": `(a, b)` is parsed as an expression and only turned
 * into parameters when `=>` follows; `{a = 1}` waits in p->cover_init the same way.
 */
#include <string.h>

#include "parser/internal.h"
#include "parser/parser.h"

static Node *parse_unary(Parser *p);
static Node *parse_template(Parser *p, bool tagged);
static Node *parse_call_tail(Parser *p, Node *e, bool allow_call);

/* ==== Small checks ==== */

/* An arrow function that was not parenthesized ends its AssignmentExpression: nothing
 * (no call, no operator) may follow `x => {}`. */
static bool is_bare_arrow(const Node *n) {
  return n->kind == NODE_FUNCTION && (n->as.function.flags & FN_ARROW) && !n->parenthesized;
}

/* Is n (or the member/call chain it ends) an optional chain like a?.b.c? */
static bool in_optional_chain(const Node *n) {
  while (!n->parenthesized) {
    if (n->kind == NODE_MEMBER) {
      if (n->as.member.optional) return true;
      n = n->as.member.object;
    } else if (n->kind == NODE_CALL) {
      if (n->as.call.optional) return true;
      n = n->as.call.callee;
    } else {
      return false;
    }
  }
  return false;
}

/* A target of `=`, `+=`, `++`: a name or a property, never an optional chain. A call is
 * accepted too: V8 throws a ReferenceError for `f() = 1` only when it runs. */
static bool is_simple_target(const Node *n, bool allow_call) {
  if (n->kind == NODE_IDENTIFIER) return true;
  if (n->kind == NODE_MEMBER) return !in_optional_chain(n);
  return allow_call && n->kind == NODE_CALL && !in_optional_chain(n);
}

static void check_strict_target(Parser *p, const Node *n) {
  if (n->kind == NODE_IDENTIFIER) parse_check_binding_name(p, n);
}

void parse_check_identifier(Parser *p, const Token *t) {
  const char *name = t->name;
  SrcRange at = parse_token_range(p, t);
  if ((t->flags & TOKF_ESCAPED) && lex_keyword(name, strlen(name)) != TOK_IDENTIFIER)
    return parse_error_at(p, at, "Keyword must not contain escaped characters");
  if (p->fn->strict && lex_is_strict_reserved(name))
    return parse_error_at(p, at, "Unexpected strict mode reserved word");
  if (p->fn->is_async && strcmp(name, "await") == 0)
    return parse_error_at(p, at, "Unexpected reserved word");
  if (p->fn->is_generator && strcmp(name, "yield") == 0)
    return parse_unexpected_token(p, t);
  if (p->fn->in_class_field && strcmp(name, "arguments") == 0)
    return parse_error_at(p, at, "'arguments' is not allowed in class field initializer or "
                                 "static initialization block");
}

/* Records an error of an object literal that goes away if the literal turns out to be a
 * pattern: `{a = 1}` and a second `__proto__: x` are fine in `({a = 1, ...} = obj)`. */
static void note_cover_error(Parser *p, SrcRange at, const char *message) {
  if (p->cover_init) return;
  p->cover_init = true;
  p->cover_init_at = at;
  p->cover_message = message;
}

void parse_settle_cover(Parser *p) {
  if (!p->cover_init) return;
  parse_error_at(p, p->cover_init_at, "%s", p->cover_message);
  p->cover_init = false;
}

/* ==== Primary expressions ==== */

/* Legacy octal numbers (017, 08) and escapes ("\07") are errors in strict code. */
static void check_octal(Parser *p, const Token *t) {
  if (!p->fn->strict || !(t->flags & TOKF_LEGACY_OCTAL)) return;
  bool decimal = t->flags & TOKF_NON_OCTAL_DECIMAL;
  if (t->kind == TOK_NUMBER)
    return parse_error_at(p, parse_token_range(p, t), decimal
        ? "Decimals with leading zeros are not allowed in strict mode."
        : "Octal literals are not allowed in strict mode.");
  SrcRange at = {t->escape_line, t->escape_column, t->escape_length};
  parse_error_at(p, at, decimal ? "\\8 and \\9 are not allowed in strict mode."
                                : "Octal escape sequences are not allowed in strict mode.");
}

static Node *literal_node(Parser *p) {
  Token t = p->tok;
  Node *n;
  check_octal(p, &t);
  if (t.kind == TOK_NUMBER) {
    n = parse_node(p, NODE_NUMBER, &t);
    n->as.number = t.number;
  } else {
    n = parse_node(p, NODE_STRING, &t);
    n->as.string = (U16Str){t.string.units, t.string.length};
  }
  parse_advance(p);
  return n;
}

/* RegularExpressionLiteral: the lexer scanned `/` as division; here an expression starts,
 * so it rescans it as a regular expression. */
static Node *parse_regexp(Parser *p) {
  if (lex_rescan_regexp(&p->lx, &p->tok) == TOK_ERROR) {
    parse_unexpected(p);
    return parse_error_node(p);
  }
  Node *n = parse_node(p, NODE_REGEXP, &p->tok);
  n->as.regexp.pattern = (U16Str){p->tok.pattern.units, p->tok.pattern.length};
  n->as.regexp.flags = p->tok.regexp_flags;
  parse_advance(p);
  return n;
}

/* `await x` outside an async function: V8 explains instead of "Unexpected identifier". */
static bool misplaced_await(Parser *p, const Token *t) {
  if (strcmp(t->name, "await") != 0 || (p->tok.flags & TOKF_NEWLINE_BEFORE)) return false;
  TokenKind k = p->tok.kind;
  if (k != TOK_IDENTIFIER && k != TOK_NUMBER && k != TOK_STRING && k != TOK_THIS &&
      k != TOK_NEW && k != TOK_NULL && k != TOK_TRUE && k != TOK_FALSE && k != TOK_FUNCTION)
    return false;
  parse_error_at(p, parse_token_range(p, t),
                 "await is only valid in async functions and the top level bodies of modules");
  return true;
}

/* The parameters of an arrow must start its AssignmentExpression: `a + x => x` is not
 * `a + (x => x)`. V8 underlines from the token before the parameters to the last one. */
static bool arrow_allowed(Parser *p, const Node *params_start, const SrcRange *before,
                          uint32_t before_start) {
  if (params_start->offset == p->assign_start) return true;
  int length = lex_utf16_length(p->src + before_start, p->prev_start - before_start);
  parse_error_at(p, (SrcRange){before->line, before->column, length},
                 "Malformed arrow function parameter list");
  return false;
}

/* The single parameter of `x => ...` is parsed; the current token is `=>`. */
static Node *single_param_arrow(Parser *p, Node *param, const Token *start, bool is_async,
                                const SrcRange *before, uint32_t before_start) {
  Node *head = parse_node(p, NODE_IDENTIFIER, start);
  if (!arrow_allowed(p, head, before, before_start)) return param;
  NodeList params = {0};
  parse_list_push(p, &params, param);
  return parse_arrow(p, &params, is_async, head, false);
}

static Node *identifier_node(Parser *p) {
  Token t = p->tok;
  parse_check_identifier(p, &t);
  Node *n = parse_node(p, NODE_IDENTIFIER, &t);
  n->as.ident.name = t.name;
  parse_advance(p);
  return n;
}

/* IdentifierReference, or the parameter of `x => ...`; `async` may start an async function
 * or an async arrow (`async x => ...`; `async (x) => ...` is found in parse_call_tail). */
static Node *parse_identifier_expr(Parser *p) {
  Token t = p->tok;
  SrcRange before = {p->prev_line, p->prev_column, 0};
  uint32_t before_start = p->prev_start;
  if (parse_at_word(p, "async")) {
    Token next = parse_peek(p);
    bool same_line = !(next.flags & TOKF_NEWLINE_BEFORE);
    if (same_line && next.kind == TOK_FUNCTION) {
      parse_advance(p);
      return parse_function(p, true, false, &t);
    }
    if (same_line && next.kind == TOK_IDENTIFIER) {
      parse_advance(p);
      Node *param = identifier_node(p);
      if (!parse_at(p, TOK_ARROW) || (p->tok.flags & TOKF_NEWLINE_BEFORE)) {
        parse_unexpected(p);
        return param;
      }
      return single_param_arrow(p, param, &t, true, &before, before_start);
    }
  }
  Node *n = identifier_node(p);
  if (p->failed || misplaced_await(p, &t)) return n;
  if (parse_at(p, TOK_ARROW) && !(p->tok.flags & TOKF_NEWLINE_BEFORE))
    return single_param_arrow(p, n, &t, false, &before, before_start);
  return n;
}

/* ==== Literals: templates, arrays, objects ==== */

/* One piece of a template: its cooked value (NULL when an escape is invalid, which only a
 * tagged template allows) and its raw text. */
static void template_piece(Parser *p, Node *tmpl, bool tagged) {
  Token t = p->tok;
  Node *cooked = NULL, *raw = parse_node(p, NODE_STRING, &t);
  raw->as.string = (U16Str){t.raw.units, t.raw.length};
  if (!(t.flags & TOKF_BAD_ESCAPE)) {
    cooked = parse_node(p, NODE_STRING, &t);
    cooked->as.string = (U16Str){t.string.units, t.string.length};
  } else if (!tagged) {
    parse_error_at(p, (SrcRange){t.error_line, t.error_column, t.error_length}, "%s", t.message);
  }
  parse_list_push(p, &tmpl->as.template.quasis, cooked);
  parse_list_push(p, &tmpl->as.template.raws, raw);
}

//> parser.template
/* TemplateLiteral: NoSubstitutionTemplate
 *                | TemplateHead Expression (TemplateMiddle Expression)* TemplateTail */
static Node *parse_template(Parser *p, bool tagged) {
  Node *n = parse_node(p, NODE_TEMPLATE, &p->tok);
  for (;;) {
    TokenKind kind = p->tok.kind;
    template_piece(p, n, tagged);
    parse_advance(p);
    if (kind != TOK_TEMPLATE_HEAD && kind != TOK_TEMPLATE_MIDDLE) break;
    parse_list_push(p, &n->as.template.expressions, parse_expression(p));
    if (!parse_at(p, TOK_TEMPLATE_MIDDLE) && !parse_at(p, TOK_TEMPLATE_TAIL)) {
      parse_unexpected(p);
      break;
    }
  }
  return parse_finish(p, n);
}
//< parser.template

/* `...expr` in an array literal, an object literal or the arguments of a call. */
static Node *parse_spread(Parser *p, bool cover) {
  Node *n = parse_node(p, NODE_SPREAD, &p->tok);
  parse_advance(p);
  n->as.unary.operand = cover ? parse_assignment_cover(p) : parse_assignment(p);
  return parse_finish(p, n);
}

/* ArrayLiteral: [ (Elision | AssignmentExpression | ...AssignmentExpression) , ... ] */
static Node *parse_array_literal(Parser *p) {
  Node *n = parse_node(p, NODE_ARRAY, &p->tok);
  parse_advance(p);
  while (!parse_at(p, TOK_RBRACKET) && !parse_at(p, TOK_EOF)) {
    if (parse_accept(p, TOK_COMMA)) { /* a hole */
      parse_list_push(p, &n->as.list.items, NULL);
      continue;
    }
    Node *element = parse_at(p, TOK_ELLIPSIS) ? parse_spread(p, true) : parse_assignment_cover(p);
    parse_list_push(p, &n->as.list.items, element);
    if (parse_at(p, TOK_RBRACKET)) break;
    parse_expect(p, TOK_COMMA);
    if (element->kind == NODE_SPREAD) parse_list_push(p, &p->spread_commas, element);
  }
  parse_expect(p, TOK_RBRACKET);
  return parse_finish(p, n);
}

Node *parse_property_key(Parser *p, bool *computed) {
  Token t = p->tok;
  *computed = false;
  if (t.kind == TOK_STRING || t.kind == TOK_NUMBER) return literal_node(p);
  if (t.kind == TOK_LBRACKET) {
    *computed = true;
    parse_advance(p);
    bool no_in = p->no_in;
    p->no_in = false;
    Node *key = parse_assignment(p);
    p->no_in = no_in;
    parse_expect(p, TOK_RBRACKET);
    return key;
  }
  if (t.kind == TOK_IDENTIFIER || (t.kind >= TOK_FIRST_KEYWORD && t.kind <= TOK_LAST_KEYWORD)) {
    Node *key = parse_node(p, NODE_IDENTIFIER, &t);
    key->as.ident.name = t.name;
    parse_advance(p);
    return key;
  }
  parse_unexpected(p);
  return parse_error_node(p);
}

/* Does the token after `get`, `set` or `async` make it a modifier rather than a key? */
static bool is_modifier(Parser *p) {
  Token next = parse_peek(p);
  if (next.kind == TOK_COMMA || next.kind == TOK_COLON || next.kind == TOK_LPAREN ||
      next.kind == TOK_RBRACE || next.kind == TOK_ASSIGN || next.kind == TOK_EOF ||
      next.kind == TOK_SEMICOLON)
    return false;
  return !(parse_at_word(p, "async") && (next.flags & TOKF_NEWLINE_BEFORE));
}

/* Shorthand `{a}` or `{a = 1}` (CoverInitializedName: only valid if it becomes a pattern). */
static void parse_shorthand(Parser *p, Node *prop, const Token *key) {
  if (key->kind != TOK_IDENTIFIER) {
    parse_unexpected_token(p, key);
    return;
  }
  parse_check_identifier(p, key);
  Node *value = parse_node(p, NODE_IDENTIFIER, key);
  value->as.ident.name = key->name;
  prop->as.property.shorthand = true;
  if (parse_at(p, TOK_ASSIGN)) {
    Node *def = parse_node(p, NODE_ASSIGN_PATTERN, key);
    parse_advance(p);
    def->as.assign.op = TOK_ASSIGN;
    def->as.assign.target = value;
    def->as.assign.value = parse_assignment(p);
    parse_infer_name(def->as.assign.value, key->name);
    value = parse_finish(p, def);
    note_cover_error(p, parse_node_range(p, value), "Invalid shorthand property initializer");
  }
  prop->as.property.value = value;
}

//> parser.property
/* PropertyDefinition: IdentifierReference | CoverInitializedName | ...AssignmentExpression
 *   | PropertyName : AssignmentExpression | MethodDefinition (incl. get, set, async, *) */
static Node *parse_property_definition(Parser *p) {
  Token start = p->tok;
  if (parse_at(p, TOK_ELLIPSIS)) return parse_spread(p, true);
  int flags = 0;
  PropertyKind kind = PROP_INIT;
  if (parse_at_word(p, "async") && is_modifier(p)) flags |= FN_ASYNC, parse_advance(p);
  else if (parse_at_word(p, "get") && is_modifier(p)) kind = PROP_GET, parse_advance(p);
  else if (parse_at_word(p, "set") && is_modifier(p)) kind = PROP_SET, parse_advance(p);
  if (parse_accept(p, TOK_STAR)) flags |= FN_GENERATOR;
  Token key_token = p->tok;
  Node *prop = parse_node(p, NODE_PROPERTY, &start);
  Node *key = parse_property_key(p, &prop->as.property.computed);
  prop->as.property.key = key;
  if (flags || kind != PROP_INIT || parse_at(p, TOK_LPAREN)) {
    prop->as.property.kind = kind == PROP_INIT ? PROP_METHOD : kind;
    prop->as.property.value = parse_method(p, flags, kind, key, &start);
  } else if (parse_accept(p, TOK_COLON)) {
    prop->as.property.value = parse_assignment_cover(p);
    if (!prop->as.property.computed)
      parse_infer_name(prop->as.property.value, parse_key_name(p, key));
  } else {
    parse_shorthand(p, prop, &key_token);
  }
  return parse_finish(p, prop);
}
//< parser.property

static bool is_proto_key(const Node *prop) {
  const Node *key = prop->as.property.key;
  if (prop->kind != NODE_PROPERTY || prop->as.property.kind != PROP_INIT ||
      prop->as.property.computed || prop->as.property.shorthand)
    return false;
  if (key->kind == NODE_IDENTIFIER) return strcmp(key->as.ident.name, "__proto__") == 0;
  if (key->kind != NODE_STRING || key->as.string.length != 9) return false;
  for (int i = 0; i < 9; i++)
    if (key->as.string.units[i] != (uint16_t)"__proto__"[i]) return false;
  return true;
}

/* ObjectLiteral: { PropertyDefinition (, PropertyDefinition)* ,? } */
static Node *parse_object_literal(Parser *p) {
  Node *n = parse_node(p, NODE_OBJECT, &p->tok);
  bool has_proto = false;
  parse_advance(p);
  while (!parse_at(p, TOK_RBRACE) && !parse_at(p, TOK_EOF)) {
    Node *prop = parse_property_definition(p);
    parse_list_push(p, &n->as.list.items, prop);
    if (is_proto_key(prop)) {
      if (has_proto)
        note_cover_error(p, parse_node_range(p, prop->as.property.key),
                         "Duplicate __proto__ fields are not allowed in object literals");
      has_proto = true;
    }
    if (parse_at(p, TOK_RBRACE)) break;
    parse_expect(p, TOK_COMMA);
  }
  parse_expect(p, TOK_RBRACE);
  return parse_finish(p, n);
}

/* ==== Parentheses and arrow parameters ==== */

/* The parenthesized list was not an arrow's parameter list after all: it must be a plain
 * expression. Reports `()`, `(...x)` and `(a,)`, which only parameter lists allow. */
static Node *paren_expression(Parser *p, NodeList *items, const Token *close,
                              const Token *rest, bool trailing) {
  if (rest->kind == TOK_ELLIPSIS) parse_unexpected_token(p, rest);
  if (items->count == 0 || trailing) parse_unexpected_token(p, close);
  parse_settle_cover(p);
  if (p->failed) return parse_error_node(p);
  Node *e = items->items[0];
  if (items->count > 1) {
    e = parse_node_like(p, NODE_SEQUENCE, items->items[0]);
    e->as.list.items = *items;
    e->end = items->items[items->count - 1]->end;
  }
  e->parenthesized = true;
  return e;
}

//> parser.cover-grammar
/* ParenthesizedExpression, or the parameters of an arrow function (the "cover"):
 *   ( Expression ) | ( ) | ( Expression , ) | ( ...BindingTarget ) | ( Expression , ...x )
 * The contents are parsed as expressions; if `=>` follows they become parameters. */
static Node *parse_paren(Parser *p) {
  Token open = p->tok, rest = {0}, close;
  SrcRange before = {p->prev_line, p->prev_column, 0};
  uint32_t before_start = p->prev_start;
  NodeList items = {0};
  bool trailing = false, outer_cover = p->cover_init;
  SrcRange outer_at = p->cover_init_at;
  const char *outer_message = p->cover_message;
  p->cover_init = false;
  parse_advance(p);
  while (!parse_at(p, TOK_RPAREN) && !parse_at(p, TOK_EOF)) {
    if (parse_at(p, TOK_ELLIPSIS)) {
      rest = p->tok;
      Node *r = parse_node(p, NODE_REST, &rest);
      parse_advance(p);
      r->as.unary.operand = parse_binding_target(p);
      parse_list_push(p, &items, parse_finish(p, r));
      break;
    }
    parse_list_push(p, &items, parse_assignment_cover(p));
    if (parse_at(p, TOK_RPAREN)) break;
    parse_expect(p, TOK_COMMA);
    trailing = parse_at(p, TOK_RPAREN);
  }
  close = p->tok;
  parse_expect(p, TOK_RPAREN);
  Node *result;
  if (parse_at(p, TOK_ARROW) && !(p->tok.flags & TOKF_NEWLINE_BEFORE)) {
    p->cover_init = false; /* `({a = 1}) => a` is a default, not an error */
    Node *head = parse_node(p, NODE_IDENTIFIER, &open);
    result = arrow_allowed(p, head, &before, before_start)
                 ? parse_arrow(p, &items, false, head, trailing) : head;
  } else {
    result = paren_expression(p, &items, &close, &rest, trailing);
  }
  if (outer_cover) {
    p->cover_init = true;
    p->cover_init_at = outer_at;
    p->cover_message = outer_message;
  }
  return result;
}
//< parser.cover-grammar

/* ==== Primary, member, call and new ==== */

//> parser.primary
/* PrimaryExpression: this | IdentifierReference | Literal | ArrayLiteral | ObjectLiteral
 *   | FunctionExpression | ClassExpression | RegularExpressionLiteral | TemplateLiteral
 *   | ( Expression ) */
static Node *parse_primary(Parser *p) {
  Token t = p->tok;
  switch (t.kind) {
  case TOK_IDENTIFIER: return parse_identifier_expr(p);
  case TOK_NUMBER: case TOK_STRING: return literal_node(p);
  case TOK_TEMPLATE: case TOK_TEMPLATE_HEAD: return parse_template(p, false);
  case TOK_SLASH: case TOK_SLASH_ASSIGN: return parse_regexp(p);
  case TOK_LBRACKET: return parse_array_literal(p);
  case TOK_LBRACE: return parse_object_literal(p);
  case TOK_LPAREN: return parse_paren(p);
  case TOK_FUNCTION: return parse_function(p, false, false, &t);
  case TOK_CLASS: return parse_class(p, false);
  case TOK_THIS: case TOK_NULL: case TOK_TRUE: case TOK_FALSE: {
    NodeKind k = t.kind == TOK_THIS ? NODE_THIS : t.kind == TOK_NULL ? NODE_NULL
               : t.kind == TOK_TRUE ? NODE_TRUE : NODE_FALSE;
    parse_advance(p);
    return parse_node(p, k, &t);
  }
  default:
    parse_unexpected(p);
    return parse_error_node(p);
  }
}
//< parser.primary

/* SuperProperty: super [ Expression ] | super . IdentifierName;  SuperCall: super Arguments */
static Node *parse_super(Parser *p) {
  Token t = p->tok;
  parse_advance(p);
  bool ok = parse_at(p, TOK_LPAREN) ? p->fn->allow_super_call
          : (parse_at(p, TOK_DOT) || parse_at(p, TOK_LBRACKET)) && p->fn->allow_super_property;
  if (!ok) parse_error_at(p, parse_token_range(p, &t), "'super' keyword unexpected here");
  return parse_node(p, NODE_SUPER, &t);
}

/* Arguments: ( ) | ( ArgumentList ,? ) where ArgumentList holds AssignmentExpressions and
 * ...AssignmentExpressions. `cover` keeps `{a = 1}` pending for `async (...) =>`. */
static void parse_arguments(Parser *p, NodeList *args, bool cover) {
  bool no_in = p->no_in;
  p->no_in = false;
  parse_advance(p);
  while (!parse_at(p, TOK_RPAREN) && !parse_at(p, TOK_EOF)) {
    Node *arg = parse_at(p, TOK_ELLIPSIS) ? parse_spread(p, cover)
              : cover ? parse_assignment_cover(p) : parse_assignment(p);
    parse_list_push(p, args, arg);
    if (parse_at(p, TOK_RPAREN) || !parse_accept(p, TOK_COMMA)) break;
  }
  if (!parse_accept(p, TOK_RPAREN) && !p->failed) {
    if (parse_at(p, TOK_ERROR)) parse_unexpected(p);
    parse_error_at(p, parse_prev_range(p), "missing ) after argument list");
  }
  p->no_in = no_in;
}

/* NewExpression: new NewExpression | new MemberExpression Arguments?  |  new.target */
static Node *parse_new_expression(Parser *p) {
  Token t = p->tok;
  parse_advance(p);
  if (parse_accept(p, TOK_DOT)) {
    if (!parse_at_word(p, "target")) {
      parse_unexpected(p);
      return parse_error_node(p);
    }
    if (!p->fn->allow_new_target)
      parse_error_at(p, (SrcRange){t.line, t.column, (int)(p->tok.end - t.start)},
                     "new.target expression is not allowed here");
    parse_advance(p);
    return parse_finish(p, parse_node(p, NODE_NEW_TARGET, &t));
  }
  if (!parse_enter(p)) return parse_error_node(p);
  Node *callee = parse_at(p, TOK_NEW) ? parse_new_expression(p) : parse_at(p, TOK_SUPER)
               ? parse_super(p) : parse_primary(p);
  callee = parse_call_tail(p, callee, false);
  parse_leave(p);
  Node *n = parse_node(p, NODE_NEW, &t);
  n->as.call.callee = callee;
  if (parse_at(p, TOK_LPAREN)) parse_arguments(p, &n->as.call.args, false);
  return parse_finish(p, n);
}

/* After `.` or `?.`: an IdentifierName (reserved words are fine: a.if, a.class). */
static Node *member_name(Parser *p) {
  Token t = p->tok;
  if (t.kind == TOK_PRIVATE_NAME) {
    parse_unexpected(p);
    return parse_error_node(p);
  }
  if (t.kind != TOK_IDENTIFIER && !(t.kind >= TOK_FIRST_KEYWORD && t.kind <= TOK_LAST_KEYWORD)) {
    parse_unexpected(p);
    return parse_error_node(p);
  }
  Node *n = parse_node(p, NODE_IDENTIFIER, &t);
  n->as.ident.name = t.name;
  parse_advance(p);
  return n;
}

/* obj.name, obj[expr], with `optional` set for ?. links. The node sits at the object's
 * start; the property keeps its own position (V8 reports failures there). */
static Node *member(Parser *p, Node *object, bool computed, bool optional) {
  Node *n = parse_node_like(p, NODE_MEMBER, object);
  n->as.member.object = object;
  n->as.member.computed = computed;
  n->as.member.optional = optional;
  if (computed) {
    bool no_in = p->no_in;
    p->no_in = false;
    parse_advance(p);
    n->as.member.property = parse_expression(p);
    parse_expect(p, TOK_RBRACKET);
    p->no_in = no_in;
  } else {
    n->as.member.property = member_name(p);
  }
  return parse_finish(p, n);
}

static Node *call(Parser *p, Node *callee, bool optional) {
  Node *n = parse_node_like(p, NODE_CALL, callee);
  n->as.call.callee = callee;
  n->as.call.optional = optional;
  /* `async(a, b)` may turn out to be the parameters of `async (a, b) => ...`. */
  bool maybe_arrow = callee->kind == NODE_IDENTIFIER && !callee->parenthesized &&
                     callee->end - callee->offset == 5 &&
                     strcmp(callee->as.ident.name, "async") == 0 && !optional &&
                     !(p->tok.flags & TOKF_NEWLINE_BEFORE) && callee->offset == p->assign_start;
  bool outer_cover = p->cover_init;
  SrcRange outer_at = p->cover_init_at;
  const char *outer_message = p->cover_message;
  p->cover_init = false;
  parse_arguments(p, &n->as.call.args, maybe_arrow);
  n = parse_finish(p, n);
  if (maybe_arrow && parse_at(p, TOK_ARROW) && !(p->tok.flags & TOKF_NEWLINE_BEFORE)) {
    p->cover_init = false;
    n = parse_arrow(p, &n->as.call.args, true, callee, false);
  }
  parse_settle_cover(p);
  p->cover_init = outer_cover;
  p->cover_init_at = outer_at;
  p->cover_message = outer_message;
  return n;
}

//> parser.call-tail
/* The postfix part of MemberExpression, CallExpression and OptionalExpression:
 *   . IdentifierName | [ Expression ] | Arguments | TemplateLiteral | ?. (the same)
 * In the callee of `new`, calls end the loop (they belong to the `new`). */
static Node *parse_call_tail(Parser *p, Node *e, bool allow_call) {
  bool chain = false;
  for (;;) {
    if (is_bare_arrow(e)) return e;
    Token t = p->tok;
    switch (t.kind) {
    case TOK_DOT: parse_advance(p); e = member(p, e, false, false); break;
    case TOK_LBRACKET: e = member(p, e, true, false); break;
    case TOK_LPAREN:
      if (!allow_call) return e;
      e = call(p, e, false);
      break;
    case TOK_QUESTION_DOT:
      if (!allow_call) {
        parse_error_at(p, parse_token_range(p, &t), "Invalid optional chain from new expression");
        return e;
      }
      chain = true;
      parse_advance(p);
      if (parse_at(p, TOK_LPAREN)) e = call(p, e, true);
      else if (parse_at(p, TOK_LBRACKET)) e = member(p, e, true, true);
      else if (parse_at(p, TOK_TEMPLATE) || parse_at(p, TOK_TEMPLATE_HEAD)) continue;
      else e = member(p, e, false, true);
      break;
    case TOK_TEMPLATE: case TOK_TEMPLATE_HEAD: {
      if (chain) {
        parse_error_at(p, parse_token_range(p, &t), "Invalid tagged template on optional chain");
        return e;
      }
      Node *n = parse_node_like(p, NODE_TAGGED_TEMPLATE, e);
      n->as.tagged.tag = e;
      n->as.tagged.template = parse_template(p, true);
      e = parse_finish(p, n);
      break;
    }
    default: return e;
    }
  }
}
//< parser.call-tail

/* LeftHandSideExpression: NewExpression | CallExpression | OptionalExpression */
Node *parse_lhs_expression(Parser *p) {
  Node *e;
  if (parse_at(p, TOK_NEW)) e = parse_new_expression(p);
  else if (parse_at(p, TOK_SUPER)) e = parse_super(p);
  else if (parse_at(p, TOK_IMPORT)) {
    parse_error_at(p, parse_token_range(p, &p->tok), "tinynode does not support import()");
    return parse_error_node(p);
  } else e = parse_primary(p);
  return parse_call_tail(p, e, true);
}

/* ==== Operators ==== */

/* UpdateExpression: LeftHandSideExpression [no LineTerminator here] (++ | --) */
static Node *parse_postfix(Parser *p) {
  Node *e = parse_lhs_expression(p);
  if ((!parse_at(p, TOK_PLUS_PLUS) && !parse_at(p, TOK_MINUS_MINUS)) ||
      (p->tok.flags & TOKF_NEWLINE_BEFORE) || is_bare_arrow(e))
    return e;
  if (!is_simple_target(e, true))
    parse_error_at(p, parse_node_range(p, e),
                   "Invalid left-hand side expression in postfix operation");
  check_strict_target(p, e);
  Node *n = parse_node_like(p, NODE_UPDATE, e);
  n->as.update.op = p->tok.kind;
  n->as.update.operand = e;
  parse_advance(p);
  return parse_finish(p, n);
}

/* The operand of a prefix operator: one level deeper (`!!!!x` nests). */
static Node *unary_operand(Parser *p) {
  if (!parse_enter(p)) return parse_error_node(p);
  Node *n = parse_unary(p);
  parse_leave(p);
  return n;
}

static Node *prefix_update(Parser *p, const Token *t) {
  Node *n = parse_node(p, NODE_UPDATE, t);
  parse_advance(p);
  Node *operand = unary_operand(p);
  if (!is_simple_target(operand, true))
    parse_error_at(p, parse_node_range(p, operand),
                   "Invalid left-hand side expression in prefix operation");
  check_strict_target(p, operand);
  n->as.update.op = t->kind;
  n->as.update.prefix = true;
  n->as.update.operand = operand;
  return parse_finish(p, n);
}

/* UnaryExpression: UpdateExpression | (delete | void | typeof | + | - | ~ | !) UnaryExpression
 *   | AwaitExpression | (++ | --) UnaryExpression */
static Node *parse_unary(Parser *p) {
  Token t = p->tok;
  Node *n;
  switch (t.kind) {
  case TOK_DELETE: case TOK_VOID: case TOK_TYPEOF: case TOK_PLUS: case TOK_MINUS:
  case TOK_TILDE: case TOK_BANG:
    n = parse_node(p, NODE_UNARY, &t);
    parse_advance(p);
    n->as.unary.op = t.kind;
    n->as.unary.operand = unary_operand(p);
    if (t.kind == TOK_DELETE && p->fn->strict && n->as.unary.operand->kind == NODE_IDENTIFIER &&
        !n->as.unary.operand->parenthesized)
      parse_error_at(p, parse_node_range(p, n->as.unary.operand),
                     "Delete of an unqualified identifier in strict mode.");
    return parse_finish(p, n);
  case TOK_PLUS_PLUS: case TOK_MINUS_MINUS: return prefix_update(p, &t);
  default:
    if (!p->fn->is_async || !parse_at_word(p, "await")) return parse_postfix(p);
    n = parse_node(p, NODE_AWAIT, &t);
    parse_advance(p);
    n->as.unary.operand = unary_operand(p);
    return parse_finish(p, n);
  }
}

enum { PREC_NONE, PREC_COALESCE, PREC_OR, PREC_AND, PREC_BIT_OR, PREC_BIT_XOR, PREC_BIT_AND,
       PREC_EQUALITY, PREC_RELATIONAL, PREC_SHIFT, PREC_ADDITIVE, PREC_MULTIPLICATIVE,
       PREC_EXPONENT };

static int binary_precedence(TokenKind k, bool no_in) {
  switch (k) {
  case TOK_QUESTION_QUESTION: return PREC_COALESCE;
  case TOK_OR_OR: return PREC_OR;
  case TOK_AND_AND: return PREC_AND;
  case TOK_PIPE: return PREC_BIT_OR;
  case TOK_CARET: return PREC_BIT_XOR;
  case TOK_AMP: return PREC_BIT_AND;
  case TOK_EQ: case TOK_NE: case TOK_STRICT_EQ: case TOK_STRICT_NE: return PREC_EQUALITY;
  case TOK_LT: case TOK_GT: case TOK_LE: case TOK_GE: case TOK_INSTANCEOF: return PREC_RELATIONAL;
  case TOK_IN: return no_in ? PREC_NONE : PREC_RELATIONAL;
  case TOK_LSHIFT: case TOK_RSHIFT: case TOK_URSHIFT: return PREC_SHIFT;
  case TOK_PLUS: case TOK_MINUS: return PREC_ADDITIVE;
  case TOK_STAR: case TOK_SLASH: case TOK_PERCENT: return PREC_MULTIPLICATIVE;
  case TOK_STAR_STAR: return PREC_EXPONENT;
  default: return PREC_NONE;
  }
}

/* `a ?? b || c` needs parentheses: ?? may not be mixed with && or || unparenthesized. */
static bool mixes_coalesce(const Node *left, TokenKind op) {
  if (left->kind != NODE_LOGICAL || left->parenthesized) return false;
  bool left_coalesce = left->as.binary.op == TOK_QUESTION_QUESTION;
  return (op == TOK_QUESTION_QUESTION) != left_coalesce;
}

/* Checks the operator at the current token against its left operand. */
static bool check_operator(Parser *p, const Node *left, TokenKind op) {
  if ((op == TOK_QUESTION_QUESTION || op == TOK_OR_OR || op == TOK_AND_AND) &&
      mixes_coalesce(left, op)) {
    parse_unexpected(p);
    return false;
  }
  if (op == TOK_STAR_STAR && (left->kind == NODE_UNARY || left->kind == NODE_AWAIT) &&
      !left->parenthesized) {
    int length = lex_utf16_length(p->src + left->offset, p->tok.end - left->offset);
    parse_error_at(p, (SrcRange){left->line, left->column, length},
                   "Unary operator used immediately before exponentiation expression. "
                   "Parenthesis must be used to disambiguate operator precedence");
    return false;
  }
  return true;
}

//> parser.precedence-climbing
/* The binary operators by precedence climbing: parse a unary operand, then, while the next
 * operator binds at least as tightly as min_prec, take it and parse its right operand with
 * a higher minimum (the same one for `**`, which groups to the right). */
static Node *parse_binary(Parser *p, int min_prec) {
  Node *left = parse_unary(p);
  for (;;) {
    TokenKind op = p->tok.kind;
    int prec = binary_precedence(op, p->no_in);
    if (prec == PREC_NONE || prec < min_prec || is_bare_arrow(left)) break;
    if (!check_operator(p, left, op) || !parse_enter(p)) break;
    parse_advance(p);
    int next_min = op == TOK_STAR_STAR ? prec : op == TOK_QUESTION_QUESTION ? PREC_BIT_OR : prec + 1;
    Node *right = parse_binary(p, next_min);
    parse_leave(p);
    bool logical = op == TOK_AND_AND || op == TOK_OR_OR || op == TOK_QUESTION_QUESTION;
    Node *n = parse_node_like(p, logical ? NODE_LOGICAL : NODE_BINARY, left);
    n->as.binary.op = op;
    n->as.binary.left = left;
    n->as.binary.right = right;
    left = parse_finish(p, n);
  }
  return left;
}
//< parser.precedence-climbing

/* ConditionalExpression: ShortCircuitExpression [? AssignmentExpression : AssignmentExpression] */
static Node *parse_conditional(Parser *p) {
  Node *test = parse_binary(p, PREC_COALESCE);
  if (!parse_at(p, TOK_QUESTION) || is_bare_arrow(test)) return test;
  Node *n = parse_node_like(p, NODE_CONDITIONAL, test);
  parse_advance(p);
  bool no_in = p->no_in;
  p->no_in = false;
  n->as.conditional.test = test;
  n->as.conditional.then = parse_assignment(p);
  p->no_in = no_in;
  parse_expect(p, TOK_COLON);
  n->as.conditional.otherwise = parse_assignment(p);
  return parse_finish(p, n);
}

/* YieldExpression: yield | yield [no LineTerminator here] [*] AssignmentExpression */
static Node *parse_yield(Parser *p) {
  Node *n = parse_node(p, NODE_YIELD, &p->tok);
  parse_advance(p);
  if (p->tok.flags & TOKF_NEWLINE_BEFORE) return parse_finish(p, n);
  if (parse_accept(p, TOK_STAR)) {
    n->as.unary.op = 1; /* yield* delegates */
    n->as.unary.operand = parse_assignment(p);
    return parse_finish(p, n);
  }
  switch (p->tok.kind) {
  case TOK_RPAREN: case TOK_RBRACKET: case TOK_RBRACE: case TOK_COMMA: case TOK_SEMICOLON:
  case TOK_COLON: case TOK_EOF: case TOK_IN: case TOK_TEMPLATE_MIDDLE: case TOK_TEMPLATE_TAIL:
  case TOK_QUESTION:
    break;
  default: n->as.unary.operand = parse_assignment(p);
  }
  return parse_finish(p, n);
}

static bool is_assign_op(TokenKind k) {
  return k == TOK_ASSIGN || (k >= TOK_PLUS_ASSIGN && k <= TOK_QUESTION_QUESTION_ASSIGN);
}

//> parser.assignment
/* AssignmentExpression: ConditionalExpression | ArrowFunction | AsyncArrowFunction
 *   | YieldExpression | LeftHandSideExpression AssignmentOperator AssignmentExpression
 * An object or array literal before `=` is reinterpreted as a destructuring pattern. */
static Node *parse_assignment_inner(Parser *p) {
  if (p->fn->is_generator && parse_at_word(p, "yield")) return parse_yield(p);
  uint32_t outer_start = p->assign_start;
  p->assign_start = p->tok.start;
  Node *left = parse_conditional(p);
  p->assign_start = outer_start;
  TokenKind op = p->tok.kind;
  if (!is_assign_op(op) || is_bare_arrow(left)) return left;
  if (op == TOK_ASSIGN && parse_is_literal_pattern(left)) {
    left = parse_to_pattern(p, left, false, true);
    p->cover_init = false; /* its `{a = 1}` were defaults all along */
  } else if (!is_simple_target(left, op < TOK_AND_AND_ASSIGN)) {
    parse_error_at(p, parse_node_range(p, left), "Invalid left-hand side in assignment");
  } else {
    check_strict_target(p, left);
  }
  Node *n = parse_node_like(p, NODE_ASSIGN, left);
  parse_advance(p);
  n->as.assign.op = op;
  n->as.assign.target = left;
  n->as.assign.value = parse_assignment(p);
  if (left->kind == NODE_IDENTIFIER && (op == TOK_ASSIGN || op >= TOK_AND_AND_ASSIGN))
    parse_infer_name(n->as.assign.value, left->as.ident.name);
  return parse_finish(p, n);
}
//< parser.assignment

Node *parse_assignment_cover(Parser *p) {
  bool outer = p->cover_init;
  SrcRange outer_at = p->cover_init_at;
  const char *outer_message = p->cover_message;
  p->cover_init = false;
  if (!parse_enter(p)) return parse_error_node(p);
  Node *n = parse_assignment_inner(p);
  parse_leave(p);
  if (outer) { /* the earlier pending error stays the one to report */
    p->cover_init = true;
    p->cover_init_at = outer_at;
    p->cover_message = outer_message;
  }
  return n;
}

Node *parse_assignment(Parser *p) {
  bool outer = p->cover_init;
  SrcRange outer_at = p->cover_init_at;
  const char *outer_message = p->cover_message;
  p->cover_init = false;
  if (!parse_enter(p)) return parse_error_node(p);
  Node *n = parse_assignment_inner(p);
  parse_leave(p);
  parse_settle_cover(p);
  p->cover_init = outer;
  p->cover_init_at = outer_at;
  p->cover_message = outer_message;
  return n;
}

/* Expression: AssignmentExpression (, AssignmentExpression)* */
Node *parse_expression(Parser *p) {
  Node *first = parse_assignment(p);
  if (!parse_at(p, TOK_COMMA)) return first;
  Node *n = parse_node_like(p, NODE_SEQUENCE, first);
  parse_list_push(p, &n->as.list.items, first);
  while (parse_accept(p, TOK_COMMA)) parse_list_push(p, &n->as.list.items, parse_assignment(p));
  return parse_finish(p, n);
}

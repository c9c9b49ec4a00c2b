/* primary.c - primary expressions: names, literals, templates, array and object literals,
 * parentheses, and the arrow functions that parentheses may turn out to be.
 * Book: chapter 2, "Parsing".
 *
 * Entry points (parser/internal.h): parse_primary, parse_template, parse_spread,
 * parse_property_key. The arrow "cover grammar" lives here: `(a, b)` is parsed as an
 * expression and only turned into parameters when `=>` follows.
 */
#include <string.h>

#include "parser/internal.h"
#include "parser/parser.h"

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
  const char *reason =
      p->check_regexp ? p->check_regexp(n->as.regexp.pattern.units, n->as.regexp.pattern.length,
                                        n->as.regexp.flags)
                      : NULL;
  if (reason) { /* V8 quotes the literal as written, flags in their order */
    const Token *t = &p->tok;
    parse_error_at(p, parse_token_range(p, t), "Invalid regular expression: %.*s: %s",
                   (int)(t->end - t->start), p->src + t->start, reason);
  }
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
  return parse_arrow(p, &params, is_async, head);
}

static Node *identifier_node(Parser *p) {
  Token t = p->tok;
  parse_check_identifier(p, &t);
  parse_note_await_name(p, &t);
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
    if (same_line && next.kind == TOK_IDENTIFIER && parse_peek2(p).kind == TOK_ARROW) {
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

/* TemplateLiteral: NoSubstitutionTemplate
 *                | TemplateHead Expression (TemplateMiddle Expression)* TemplateTail */
Node *parse_template(Parser *p, bool tagged) {
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

/* `...expr` in an array literal, an object literal or the arguments of a call. */
Node *parse_spread(Parser *p, bool cover) {
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
  parse_note_await_name(p, key);
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
    parse_note_cover(p, parse_node_range(p, value), "Invalid shorthand property initializer");
  }
  prop->as.property.value = value;
}

/* `__proto__: v` (a name or a string, not computed or shorthand) sets the prototype. */
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
    if (!prop->as.property.computed && !is_proto_key(prop)) /* a prototype gets no name */
      parse_infer_name(prop->as.property.value, parse_key_name(p, key));
  } else {
    parse_shorthand(p, prop, &key_token);
  }
  return parse_finish(p, prop);
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
        parse_note_cover(p, parse_node_range(p, prop->as.property.key),
                         "Duplicate __proto__ fields are not allowed in object literals");
      has_proto = true;
    }
    if (parse_at(p, TOK_RBRACE)) break;
    parse_expect(p, TOK_COMMA);
    if (prop->kind == NODE_SPREAD) parse_list_push(p, &p->spread_commas, prop); /* not a rest */
  }
  parse_expect(p, TOK_RBRACE);
  return parse_finish(p, n);
}

/* ==== Parentheses and arrow parameters ==== */

/* The parenthesized list was not an arrow's parameter list after all: it must be a plain
 * expression. Reports `()`, `(...x)` and `(a,)`, which only parameter lists allow. */
static Node *paren_expression(Parser *p, NodeList *items, const Token *open,
                              const Token *close, const Token *rest, bool trailing) {
  if (rest->kind == TOK_ELLIPSIS) parse_unexpected_token(p, rest);
  if (items->count == 0 || trailing) parse_unexpected_token(p, close);
  parse_settle_cover(p);
  if (p->failed) return parse_error_node(p);
  Node *e = items->items[0];
  if (items->count > 1) {
    e = parse_node_like(p, NODE_SEQUENCE, items->items[0]);
    e->as.list.items = *items;
  }
  /* A ParenthesizedExpression starts at its `(` and ends after its `)`, as in V8. */
  e->parenthesized = true;
  e->line = open->line;
  e->column = open->column;
  e->offset = open->start;
  e->end = close->end;
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
  bool trailing = false;
  CoverState outer = parse_cover_save(p);
  ParenCover outer_paren = p->cover_paren;
  p->cover_paren = (ParenCover){.fn = p->fn};
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
  ParenCover inner = p->cover_paren;
  parse_restore_paren_cover(p, outer_paren);
  if (parse_at(p, TOK_ARROW) && !(p->tok.flags & TOKF_NEWLINE_BEFORE)) {
    parse_paren_cover_error(p, &inner); /* yield or await in parameters */
    p->cover.pending = false; /* `({a = 1}) => a` is a default, not an error */
    Node *head = parse_node(p, NODE_IDENTIFIER, &open); /* only its position is used */
    result = arrow_allowed(p, head, &before, before_start)
                 ? parse_arrow(p, &items, false, head) : head;
  } else {
    result = paren_expression(p, &items, &open, &close, &rest, trailing);
  }
  parse_cover_restore(p, outer);
  return result;
}
//< parser.cover-grammar

//> parser.primary
/* PrimaryExpression: this | IdentifierReference | Literal | ArrayLiteral | ObjectLiteral
 *   | FunctionExpression | ClassExpression | RegularExpressionLiteral | TemplateLiteral
 *   | ( Expression ) */
Node *parse_primary(Parser *p) {
  Token t = p->tok;
  switch (t.kind) {
  case TOK_IDENTIFIER: return parse_identifier_expr(p);
  case TOK_NUMBER: case TOK_STRING: return literal_node(p);
  case TOK_SLASH: case TOK_SLASH_ASSIGN: return parse_regexp(p);
  case TOK_THIS: case TOK_NULL: case TOK_TRUE: case TOK_FALSE: {
    NodeKind k = t.kind == TOK_THIS ? NODE_THIS : t.kind == TOK_NULL ? NODE_NULL
               : t.kind == TOK_TRUE ? NODE_TRUE : NODE_FALSE;
    parse_advance(p);
    return parse_node(p, k, &t);
  }
  default: break;
  }
  bool no_in = p->no_in; /* inside brackets `in` is an operator again, even in a for head */
  p->no_in = false;
  Node *n;
  switch (t.kind) {
  case TOK_TEMPLATE: case TOK_TEMPLATE_HEAD: n = parse_template(p, false); break;
  case TOK_LBRACKET: n = parse_array_literal(p); break;
  case TOK_LBRACE: n = parse_object_literal(p); break;
  case TOK_LPAREN: n = parse_paren(p); break;
  case TOK_FUNCTION: n = parse_function(p, false, false, &t); break;
  case TOK_CLASS: n = parse_class(p, false); break;
  case TOK_PRIVATE_NAME: /* #x in obj: the only place a private name stands alone */
    if (parse_peek(p).kind == TOK_IN && !no_in) n = parse_private_name(p);
    else parse_unexpected(p), n = parse_error_node(p);
    break;
  default: parse_unexpected(p); n = parse_error_node(p);
  }
  p->no_in = no_in;
  return n;
}
//< parser.primary

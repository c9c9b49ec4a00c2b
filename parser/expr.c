/* expr.c - expressions: recursive descent from AssignmentExpression down to
 * PrimaryExpression, with precedence climbing for the binary operators.
 * Book: chapter 2, "Parsing".
 *
 * Entry points (parser/internal.h): parse_expression, parse_assignment,
 * parse_assignment_cover, parse_lhs_expression. Primary expressions are in primary.c.
 * A literal that may still become a destructuring pattern (`{a = 1}` is only valid as
 * one) leaves its error pending in p->cover until the parser knows.
 */
#include <string.h>

#include "parser/internal.h"
#include "parser/parser.h"

static Node *parse_unary(Parser *p);
static Node *parse_call_tail(Parser *p, Node *e, bool allow_call);

/* ==== Small checks ==== */

/* An arrow function that was not parenthesized ends its AssignmentExpression: nothing
 * (no call, no operator) may follow `x => {}`. */
bool parse_is_bare_arrow(const Node *n) {
  return n->kind == NODE_FUNCTION && (n->as.function.flags & FN_ARROW) && !n->parenthesized;
}

//> parser.optional-chain
bool parse_has_optional_link(const Node *n) {
  for (;;) {
    if (n->kind == NODE_MEMBER) {
      if (n->as.member.optional) return true;
      n = n->as.member.object;
    } else if (n->kind == NODE_CALL) {
      if (n->as.call.optional) return true;
      n = n->as.call.callee;
    } else {
      return false;
    }
    if (n->parenthesized) return false; /* (a?.b).c: the chain ended at the ) */
  }
}
//< parser.optional-chain

/* A target of `=`, `+=`, `++`: a name or a property, never an optional chain. A call is
 * accepted too: V8 throws a ReferenceError for `f() = 1` only when it runs. */
static bool is_simple_target(const Node *n, bool allow_call) {
  if (n->kind == NODE_IDENTIFIER) return true;
  if (n->kind == NODE_MEMBER) return !parse_has_optional_link(n);
  return allow_call && n->kind == NODE_CALL && !parse_has_optional_link(n);
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
  if ((p->fn->is_async || p->fn->await_reserved) && strcmp(name, "await") == 0)
    return parse_error_at(p, at, "Unexpected reserved word");
  if (p->fn->is_generator && strcmp(name, "yield") == 0)
    return parse_unexpected_token(p, t);
  if (p->fn->in_class_field && strcmp(name, "arguments") == 0)
    return parse_error_at(p, at, "'arguments' is not allowed in class field initializer or "
                                 "static initialization block");
}

void parse_note_cover(Parser *p, SrcRange at, const char *message) {
  if (p->cover.pending) return;
  p->cover = (CoverState){true, at, message};
}

CoverState parse_cover_save(Parser *p) {
  CoverState outer = p->cover;
  p->cover.pending = false;
  return outer;
}

void parse_cover_restore(Parser *p, CoverState outer) {
  if (outer.pending) p->cover = outer;
}

void parse_settle_cover(Parser *p) {
  if (!p->cover.pending) return;
  parse_error_at(p, p->cover.at, "%s", p->cover.message);
  p->cover.pending = false;
}

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
  /* At the end of input where an argument may start, the argument is what is missing:
   * V8's "Unexpected end of input" for `f(` and `f(1,`. */
  while (!parse_at(p, TOK_RPAREN)) {
    Node *arg = parse_at(p, TOK_ELLIPSIS) ? parse_spread(p, cover)
              : cover ? parse_assignment_cover(p) : parse_assignment(p);
    parse_list_push(p, args, arg);
    if (parse_at(p, TOK_RPAREN) || !parse_accept(p, TOK_COMMA)) break;
    if (cover && arg->kind == NODE_SPREAD) /* `async (...a,) =>`: not a rest parameter */
      parse_list_push(p, &p->spread_commas, arg);
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
  if (!parse_stack_ok(p)) return parse_error_node(p);
  Node *callee = parse_at(p, TOK_NEW) ? parse_new_expression(p) : parse_at(p, TOK_SUPER)
               ? parse_super(p) : parse_primary(p);
  callee = parse_call_tail(p, callee, false);
  Node *n = parse_node(p, NODE_NEW, &t);
  n->as.call.callee = callee;
  if (parse_at(p, TOK_LPAREN)) parse_arguments(p, &n->as.call.args, false);
  return parse_finish(p, n);
}

/* After `.` or `?.`: an IdentifierName (reserved words are fine: a.if, a.class). */
static Node *member_name(Parser *p) {
  Token t = p->tok;
  if (t.kind == TOK_PRIVATE_NAME) return parse_private_name(p);
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
    if (object->kind == NODE_SUPER && parse_at(p, TOK_PRIVATE_NAME)) /* super.#x */
      parse_error_at(p, parse_token_range(p, &p->tok), "Unexpected private field");
    n->as.member.property = member_name(p);
  }
  return parse_finish(p, n);
}

/* After `async(...)`: an `await` name in it is one in the enclosing `async(...)` too. */
static void restore_await_cover(Parser *p, AwaitCover outer) {
  if (!outer.seen && p->cover_await.seen && outer.fn == p->fn) {
    outer.seen = true;
    outer.at = p->cover_await.at;
  }
  p->cover_await = outer;
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
  CoverState outer = parse_cover_save(p);
  AwaitCover outer_await = p->cover_await;
  ParenCover outer_paren = p->cover_paren;
  if (maybe_arrow) p->cover_await = (AwaitCover){.fn = p->fn};
  if (maybe_arrow) p->cover_paren = (ParenCover){.fn = p->fn};
  parse_arguments(p, &n->as.call.args, maybe_arrow);
  n = parse_finish(p, n);
  bool arrow = maybe_arrow && parse_at(p, TOK_ARROW) && !(p->tok.flags & TOKF_NEWLINE_BEFORE);
  ParenCover inner = p->cover_paren;
  if (maybe_arrow) parse_restore_paren_cover(p, outer_paren);
  if (arrow && p->cover_await.seen)
    parse_error_at(p, p->cover_await.at,
                   "'await' is not a valid identifier name in an async function");
  else if (arrow && (inner.yield_seen || inner.await_seen))
    parse_paren_cover_error(p, &inner);
  if (maybe_arrow) restore_await_cover(p, outer_await);
  if (arrow) {
    p->cover.pending = false;
    n = parse_arrow(p, &n->as.call.args, true, callee);
  }
  parse_settle_cover(p);
  parse_cover_restore(p, outer);
  return n;
}

//> parser.call-tail
/* The postfix part of MemberExpression, CallExpression and OptionalExpression:
 *   . IdentifierName | [ Expression ] | Arguments | TemplateLiteral | ?. (the same)
 * In the callee of `new`, calls end the loop (they belong to the `new`). */
static Node *parse_call_tail(Parser *p, Node *e, bool allow_call) {
  bool chain = false;
  for (;;) {
    if (parse_is_bare_arrow(e)) return e;
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
    bool meta = parse_peek(p).kind == TOK_DOT;
    parse_error_at(p, parse_token_range(p, &p->tok), "tinynode does not support %s",
                   meta ? "import.meta" : "import()");
    return parse_error_node(p);
  } else e = parse_primary(p);
  return parse_call_tail(p, e, true);
}

/* ==== Operators ==== */

/* UpdateExpression: LeftHandSideExpression [no LineTerminator here] (++ | --) */
static Node *parse_postfix(Parser *p) {
  Node *e = parse_lhs_expression(p);
  if ((!parse_at(p, TOK_PLUS_PLUS) && !parse_at(p, TOK_MINUS_MINUS)) ||
      (p->tok.flags & TOKF_NEWLINE_BEFORE) || parse_is_bare_arrow(e))
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
  if (!parse_stack_ok(p)) return parse_error_node(p);
  return parse_unary(p);
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
    if (t.kind == TOK_DELETE && p->fn->strict && n->as.unary.operand->kind == NODE_IDENTIFIER)
      parse_error_at(p, n->as.unary.operand->parenthesized ? parse_prev_range(p) /* its `)` */
                                                           : parse_node_range(p, n->as.unary.operand),
                     "Delete of an unqualified identifier in strict mode.");
    Node *target = n->as.unary.operand;
    if (t.kind == TOK_DELETE && target->kind == NODE_MEMBER &&
        target->as.member.property->kind == NODE_PRIVATE_NAME)
      parse_error_at(p, parse_node_range(p, target->as.member.property),
                     "Private fields can not be deleted");
    return parse_finish(p, n);
  case TOK_PLUS_PLUS: case TOK_MINUS_MINUS: return prefix_update(p, &t);
  default:
    if (!p->fn->is_async || !parse_at_word(p, "await")) return parse_postfix(p);
    n = parse_node(p, NODE_AWAIT, &t);
    if (p->fn->in_params)
      parse_error_at(p, parse_token_range(p, &t),
                     "Illegal await-expression in formal parameters of async function");
    parse_note_paren_expression(p, &t, false);
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
  if (left->kind == NODE_PRIVATE_NAME && min_prec > PREC_RELATIONAL) /* `1 + #x in o` */
    parse_error_at(p, parse_node_range(p, left), "Unexpected identifier '%s'", left->as.ident.name);
  for (;;) {
    TokenKind op = p->tok.kind;
    int prec = binary_precedence(op, p->no_in);
    if (prec == PREC_NONE || prec < min_prec || parse_is_bare_arrow(left)) break;
    if (!check_operator(p, left, op) || !parse_stack_ok(p)) break;
    parse_advance(p);
    int next_min = op == TOK_STAR_STAR           ? prec /* groups to the right */
                   : op == TOK_QUESTION_QUESTION ? PREC_BIT_OR /* no && or || inside */
                                                 : prec + 1;
    Node *right = parse_binary(p, next_min);
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
  if (!parse_at(p, TOK_QUESTION) || parse_is_bare_arrow(test)) return test;
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

/* A yield or await expression at t, inside `( ... )` that may yet be an arrow's
 * parameters: the first of each is kept, for parse_paren to report. */
void parse_note_paren_expression(Parser *p, const Token *t, bool yield) {
  ParenCover *c = &p->cover_paren;
  if (c->fn != p->fn) return;
  if (yield ? c->yield_seen : c->await_seen) return;
  *(yield ? &c->yield_seen : &c->await_seen) = true;
  *(yield ? &c->yield_at : &c->await_at) = parse_token_range(p, t);
}

/* After `( ... )` or `async( ... )`: a yield or await in it is in the enclosing list too. */
void parse_restore_paren_cover(Parser *p, ParenCover outer) {
  ParenCover inner = p->cover_paren;
  if (outer.fn == inner.fn) {
    if (!outer.yield_seen && inner.yield_seen) outer.yield_seen = true, outer.yield_at = inner.yield_at;
    if (!outer.await_seen && inner.await_seen) outer.await_seen = true, outer.await_at = inner.await_at;
  }
  p->cover_paren = outer;
}

/* The list became arrow parameters: V8's error for the yield or await expression in it. */
void parse_paren_cover_error(Parser *p, const ParenCover *c) {
  if (c->yield_seen)
    parse_error_at(p, c->yield_at, "Yield expression not allowed in formal parameter");
  else if (c->await_seen)
    parse_error_at(p, c->await_at, "Illegal await-expression in formal parameters of async function");
}

/* YieldExpression: yield | yield [no LineTerminator here] [*] AssignmentExpression */
static Node *parse_yield(Parser *p) {
  Node *n = parse_node(p, NODE_YIELD, &p->tok);
  if (p->fn->in_params)
    parse_error_at(p, parse_token_range(p, &p->tok), "Yield expression not allowed in formal parameter");
  parse_note_paren_expression(p, &p->tok, true);
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
  if (!is_assign_op(op) || parse_is_bare_arrow(left)) return left;
  if (op == TOK_ASSIGN && parse_is_literal_pattern(left)) {
    left = parse_to_pattern(p, left, false, true);
    p->cover.pending = false; /* its `{a = 1}` were defaults all along */
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
  if (left->kind == NODE_IDENTIFIER && !left->parenthesized && /* (f) = ...: no name */
      (op == TOK_ASSIGN || op >= TOK_AND_AND_ASSIGN))
    parse_infer_name(n->as.assign.value, left->as.ident.name);
  return parse_finish(p, n);
}
//< parser.assignment

Node *parse_assignment_cover(Parser *p) {
  CoverState outer = parse_cover_save(p);
  if (!parse_stack_ok(p)) return parse_error_node(p);
  Node *n = parse_assignment_inner(p);
  parse_cover_restore(p, outer); /* a pending error of n stays pending */
  return n;
}

Node *parse_assignment(Parser *p) {
  CoverState outer = parse_cover_save(p);
  if (!parse_stack_ok(p)) return parse_error_node(p);
  Node *n = parse_assignment_inner(p);
  parse_settle_cover(p);
  parse_cover_restore(p, outer);
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

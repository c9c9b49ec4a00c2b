/* stmt.c - statements and declarations: blocks, var/let/const, if, the loops, switch,
 * break/continue with labels, return, throw, try, and the directive prologue.
 * Book: chapter 2, "Parsing".
 *
 * Entry points (parser/internal.h): parse_statement_list_item, parse_statement,
 * parse_body, parse_variable_declaration. Where break, continue and return may appear
 * is tracked in the FnContext of the function being parsed.
 */
#include <string.h>

#include "parser/internal.h"
#include "parser/parser.h"

static Node *parse_block(Parser *p);

/* Ends a statement (a `;` or an automatic one) and stretches the node over it. */
static Node *end_statement(Parser *p, Node *n) {
  parse_semicolon(p);
  return parse_finish(p, n);
}

/* ==== Declarations ==== */

/* Does `let` begin a lexical declaration here (`let x`, `let [a]`, `let {a}`), rather than
 * name a variable (`let = 1` in sloppy code)? */
static bool let_declaration_follows(Parser *p) {
  if (!parse_at_word(p, "let")) return false;
  Token next = parse_peek(p);
  if (next.kind == TOK_LBRACKET || next.kind == TOK_LBRACE || next.kind == TOK_IDENTIFIER)
    return true;
  return next.kind >= TOK_FIRST_KEYWORD && next.kind <= TOK_LAST_KEYWORD &&
         next.kind != TOK_IN && next.kind != TOK_INSTANCEOF;
}

/* The checks of a declarator without `= init` (a for-in/of head gives the value). */
static void check_missing_init(Parser *p, VarKind kind, const Node *target, bool for_head) {
  if (for_head && (parse_at(p, TOK_IN) || parse_at_word(p, "of"))) return;
  if (target->kind != NODE_IDENTIFIER)
    parse_error_at(p, parse_node_range(p, target),
                   "Missing initializer in destructuring declaration");
  else if (kind == VAR_CONST)
    parse_error_at(p, parse_node_range(p, target), "Missing initializer in const declaration");
}

/* VariableStatement / LexicalDeclaration:
 *   (var | let | const) BindingTarget [= AssignmentExpression] (, ...)* */
Node *parse_variable_declaration(Parser *p, VarKind kind, const Token *start, bool for_head) {
  Node *n = parse_node(p, NODE_VAR, start);
  n->as.var.kind = kind;
  parse_advance(p);
  do {
    Node *d = parse_node(p, NODE_DECLARATOR, &p->tok);
    Node *target = parse_binding_target(p);
    if (kind != VAR_VAR && target->kind == NODE_IDENTIFIER &&
        strcmp(target->as.ident.name, "let") == 0)
      parse_error_at(p, parse_node_range(p, target),
                     "let is disallowed as a lexically bound name");
    d->as.declarator.target = target;
    if (parse_accept(p, TOK_ASSIGN)) {
      d->as.declarator.init = parse_assignment(p);
      if (target->kind == NODE_IDENTIFIER)
        parse_infer_name(d->as.declarator.init, target->as.ident.name);
    } else {
      check_missing_init(p, kind, target, for_head);
    }
    parse_list_push(p, &n->as.var.declarators, parse_finish(p, d));
  } while (parse_accept(p, TOK_COMMA));
  return parse_finish(p, n);
}

/* ==== The directive prologue ==== */

/* Is statement s, which began with token t, a directive (a lone string literal)? If it is
 * "use strict", the function becomes strict, and an octal escape in an earlier directive
 * is an error after all. */
static bool directive(Parser *p, const Node *s, const Token *t, Token *octal, bool *strict) {
  if (t->kind != TOK_STRING || s->kind != NODE_EXPRESSION) return false;
  const Node *e = s->as.unary.operand;
  if (e->kind != NODE_STRING || e->parenthesized || e->offset != t->start || e->end != t->end)
    return false;
  if ((t->flags & TOKF_LEGACY_OCTAL) && octal->kind == TOK_EOF) *octal = *t;
  if (t->end - t->start == 12 && memcmp(p->src + t->start + 1, "use strict", 10) == 0) {
    *strict = true;
    p->fn->strict = true;
    p->use_strict_at = parse_token_range(p, t);
    if (octal->kind != TOK_EOF) {
      bool decimal = octal->flags & TOKF_NON_OCTAL_DECIMAL;
      SrcRange at = {octal->escape_line, octal->escape_column, octal->escape_length};
      parse_error_at(p, at, decimal ? "\\8 and \\9 are not allowed in strict mode."
                                    : "Octal escape sequences are not allowed in strict mode.");
    }
  }
  return true;
}

bool parse_body(Parser *p, NodeList *body, bool directives, TokenKind end) {
  bool strict = false;
  Token octal = {0};
  octal.kind = TOK_EOF;
  while (!parse_at(p, end) && !parse_at(p, TOK_EOF)) {
    Token t = p->tok;
    Node *s = parse_statement_list_item(p);
    parse_list_push(p, body, s);
    if (directives) directives = directive(p, s, &t, &octal, &strict);
  }
  return strict;
}

/* ==== Statements ==== */

/* Block: { StatementList } */
static Node *parse_block(Parser *p) {
  Node *n = parse_node(p, NODE_BLOCK, &p->tok);
  parse_expect(p, TOK_LBRACE);
  parse_body(p, &n->as.block.body, false, TOK_RBRACE);
  parse_expect(p, TOK_RBRACE);
  return parse_finish(p, n);
}

/* The body of if, a loop, a label or with: a Statement, where a declaration may not stand
 * (sloppy code may declare a function as the body of an if or a label, Annex B, but not
 * behind a label as the body of an if or a loop: labelled_allowed). */
static Node *parse_substatement(Parser *p, bool function_allowed, bool labelled_allowed) {
  Token t = p->tok;
  p->fn->body_start = t.start;
  p->fn->body_forbids_function = !labelled_allowed;
  Token next = parse_peek(p);
  if (parse_at_word(p, "async") && next.kind == TOK_FUNCTION && !(next.flags & TOKF_NEWLINE_BEFORE))
    parse_error_at(p, parse_token_range(p, &t),
                   "Async functions can only be declared at the top level or inside a block.");
  else if (t.kind == TOK_FUNCTION && next.kind == TOK_STAR && !p->fn->strict)
    parse_error_at(p, parse_token_range(p, &next),
                   "Generators can only be declared at the top level or inside a block.");
  if (t.kind == TOK_FUNCTION) {
    if (p->fn->strict)
      parse_error_at(p, parse_token_range(p, &t), "In strict mode code, functions can only be "
                                                  "declared at top level or inside a block.");
    else if (!function_allowed)
      parse_error_at(p, parse_token_range(p, &t),
                     "In non-strict mode code, functions can only be declared at top level, "
                     "inside a block, or as the body of an if statement.");
    return parse_function(p, false, true, &t);
  }
  if (parse_at_word(p, "let")) {
    Token next = parse_peek(p);
    if (next.kind == TOK_LBRACKET ||
        (!(next.flags & TOKF_NEWLINE_BEFORE) &&
         (next.kind == TOK_IDENTIFIER || next.kind == TOK_LBRACE)))
      parse_error_at(p, parse_token_range(p, &t),
                     "Lexical declaration cannot appear in a single-statement context");
  }
  return parse_statement(p);
}

/* A loop's body: `break` and `continue` may appear in it. */
static Node *parse_loop_body(Parser *p) {
  p->fn->loop_depth++;
  p->fn->break_depth++;
  Node *body = parse_substatement(p, false, false);
  p->fn->loop_depth--;
  p->fn->break_depth--;
  return body;
}

/* IfStatement: if ( Expression ) Statement [else Statement] */
static Node *parse_if(Parser *p) {
  Node *n = parse_node(p, NODE_IF, &p->tok);
  parse_advance(p);
  parse_expect(p, TOK_LPAREN);
  n->as.conditional.test = parse_expression(p);
  parse_expect(p, TOK_RPAREN);
  n->as.conditional.then = parse_substatement(p, true, false);
  if (parse_accept(p, TOK_ELSE))
    n->as.conditional.otherwise = parse_substatement(p, true, false);
  return parse_finish(p, n);
}

/* WhileStatement: while ( Expression ) Statement */
static Node *parse_while(Parser *p) {
  Node *n = parse_node(p, NODE_WHILE, &p->tok);
  parse_advance(p);
  parse_expect(p, TOK_LPAREN);
  n->as.loop.test = parse_expression(p);
  parse_expect(p, TOK_RPAREN);
  n->as.loop.body = parse_loop_body(p);
  return parse_finish(p, n);
}

/* DoWhileStatement: do Statement while ( Expression ) ;  -- the `;` may always be left out */
static Node *parse_do_while(Parser *p) {
  Node *n = parse_node(p, NODE_DO_WHILE, &p->tok);
  parse_advance(p);
  n->as.loop.body = parse_loop_body(p);
  parse_expect(p, TOK_WHILE);
  parse_expect(p, TOK_LPAREN);
  n->as.loop.test = parse_expression(p);
  parse_expect(p, TOK_RPAREN);
  parse_accept(p, TOK_SEMICOLON);
  return parse_finish(p, n);
}

/* The head of for-in/of declares one binding, without an initializer (except Annex B's
 * sloppy `for (var x = 1 in o)`). */
static void check_for_each_declaration(Parser *p, const Node *decl, bool of) {
  const NodeList *ds = &decl->as.var.declarators;
  const char *loop = of ? "of" : "in";
  if (ds->count != 1) {
    Node *first = ds->items[0], *last = ds->items[ds->count - 1];
    int length = lex_utf16_length(p->src + first->offset, last->end - first->offset);
    parse_error_at(p, (SrcRange){first->line, first->column, length},
                   "Invalid left-hand side in for-%s loop: Must have a single binding.", loop);
    return;
  }
  const Node *d = ds->items[0], *target = d->as.declarator.target;
  bool annex_b = !of && !p->fn->strict && decl->as.var.kind == VAR_VAR &&
                 target->kind == NODE_IDENTIFIER;
  if (!d->as.declarator.init || annex_b) return;
  /* V8 underlines from the name, or from the closing bracket of a pattern, to the end. */
  SrcRange at = parse_node_range(p, d);
  if (target->kind != NODE_IDENTIFIER) {
    uint32_t from = target->end - 1;
    at.column += lex_utf16_length(p->src + target->offset, from - target->offset);
    at.length = lex_utf16_length(p->src + from, d->end - from);
    at.line = d->line; /* a pattern spread over lines is rare enough to ignore here */
  }
  parse_error_at(p, at, "for-%s loop variable declaration may not have an initializer.", loop);
}

/* ForInOfStatement: for ( LeftHandSide/ForDeclaration (in Expression | of AssignmentExpression) )
 * Statement; `left` is parsed, the current token is `in` or `of`. */
static Node *parse_for_each(Parser *p, const Token *start, Node *left, const Token *head,
                            bool is_await) {
  bool of = parse_at_word(p, "of");
  Node *n = parse_node(p, of ? NODE_FOR_OF : NODE_FOR_IN, start);
  n->as.for_each.is_await = is_await;
  bool starts_with_let = head->kind == TOK_IDENTIFIER && !(head->flags & TOKF_ESCAPED) &&
                         strcmp(head->name, "let") == 0 && left->kind != NODE_VAR;
  bool is_async = left->kind == NODE_IDENTIFIER && !left->parenthesized &&
                  left->end - left->offset == 5 && strcmp(left->as.ident.name, "async") == 0;
  if (of && starts_with_let)
    parse_error_at(p, parse_token_range(p, head),
                   "The left-hand side of a for-of loop may not start with 'let'.");
  else if (of && is_async && !is_await)
    parse_error_at(p, parse_node_range(p, left),
                   "The left-hand side of a for-of loop may not be 'async'.");
  if (left->kind == NODE_VAR) {
    check_for_each_declaration(p, left, of);
  } else if (parse_is_literal_pattern(left)) {
    left = parse_to_pattern(p, left, false, true);
    p->cover.pending = false;
  } else if (left->kind != NODE_IDENTIFIER && left->kind != NODE_MEMBER &&
             left->kind != NODE_CALL) {
    parse_error_at(p, parse_node_range(p, left), "Invalid left-hand side in for-loop");
  } else if (left->kind == NODE_IDENTIFIER) {
    parse_check_binding_name(p, left);
  }
  parse_settle_cover(p);
  parse_advance(p);
  n->as.for_each.left = left;
  n->as.for_each.right = of ? parse_assignment(p) : parse_expression(p);
  parse_expect(p, TOK_RPAREN);
  n->as.for_each.body = parse_loop_body(p);
  return parse_finish(p, n);
}

/* The first part of a for head: a declaration or an expression, parsed with `in` off. */
static Node *parse_for_init(Parser *p) {
  Token t = p->tok;
  if (parse_at(p, TOK_VAR)) return parse_variable_declaration(p, VAR_VAR, &t, true);
  if (parse_at(p, TOK_CONST)) return parse_variable_declaration(p, VAR_CONST, &t, true);
  if (let_declaration_follows(p)) return parse_variable_declaration(p, VAR_LET, &t, true);
  Node *first = parse_assignment_cover(p);
  if (!parse_at(p, TOK_COMMA)) return first;
  parse_settle_cover(p);
  Node *n = parse_node_like(p, NODE_SEQUENCE, first);
  parse_list_push(p, &n->as.list.items, first);
  while (parse_accept(p, TOK_COMMA)) parse_list_push(p, &n->as.list.items, parse_assignment(p));
  return parse_finish(p, n);
}

/* `for await`: only in async functions, and only with `of`. */
static bool parse_for_await(Parser *p) {
  if (!parse_at_word(p, "await")) return false;
  if (!p->fn->is_async)
    parse_error_at(p, parse_token_range(p, &p->tok), "Unexpected reserved word");
  parse_advance(p);
  return true;
}

/* ForStatement: for ( [init] ; [test] ; [update] ) Statement, or for-in / for-of, or
 * for await ( ... of ... ). */
static Node *parse_for(Parser *p) {
  Token start = p->tok;
  parse_advance(p);
  bool is_await = parse_for_await(p);
  if (p->failed) return parse_error_node(p);
  parse_expect(p, TOK_LPAREN);
  Node *init = NULL;
  Token head = p->tok;
  bool no_in = p->no_in;
  CoverState outer = parse_cover_save(p);
  p->no_in = true;
  if (!parse_at(p, TOK_SEMICOLON)) init = parse_for_init(p);
  p->no_in = no_in;
  if (init && ((parse_at(p, TOK_IN) && !is_await) || parse_at_word(p, "of"))) {
    Node *n = parse_for_each(p, &start, init, &head, is_await);
    parse_cover_restore(p, outer);
    return n;
  }
  if (is_await) parse_unexpected(p);
  parse_settle_cover(p);
  parse_cover_restore(p, outer);
  Node *n = parse_node(p, NODE_FOR, &start);
  n->as.loop.init = init;
  parse_expect(p, TOK_SEMICOLON);
  if (!parse_at(p, TOK_SEMICOLON)) n->as.loop.test = parse_expression(p);
  parse_expect(p, TOK_SEMICOLON);
  if (!parse_at(p, TOK_RPAREN)) n->as.loop.update = parse_expression(p);
  parse_expect(p, TOK_RPAREN);
  n->as.loop.body = parse_loop_body(p);
  return parse_finish(p, n);
}

static Label *find_label(Parser *p, const char *name) {
  for (Label *l = p->fn->labels; l; l = l->next)
    if (strcmp(l->name, name) == 0) return l;
  return NULL;
}

/* BreakStatement: break [no LineTerminator here] LabelIdentifier? ;
 * ContinueStatement: continue [no LineTerminator here] LabelIdentifier? ; */
static Node *parse_jump(Parser *p, NodeKind kind) {
  Token t = p->tok;
  Node *n = parse_node(p, kind, &t);
  parse_advance(p);
  if (parse_at(p, TOK_IDENTIFIER) && !(p->tok.flags & TOKF_NEWLINE_BEFORE)) {
    Token name = p->tok;
    Label *l = find_label(p, name.name);
    SrcRange at = parse_token_range(p, &name);
    if (!l) parse_error_at(p, at, "Undefined label '%s'", name.name);
    else if (kind == NODE_CONTINUE && !l->is_loop)
      parse_error_at(p, at, "Illegal continue statement: '%s' does not denote an iteration "
                            "statement", name.name);
    n->as.jump.label = name.name;
    parse_advance(p);
  } else if (kind == NODE_BREAK && p->fn->break_depth == 0) {
    parse_error_at(p, parse_token_range(p, &t), "Illegal break statement");
  } else if (kind == NODE_CONTINUE && p->fn->loop_depth == 0) {
    parse_error_at(p, parse_token_range(p, &t),
                   "Illegal continue statement: no surrounding iteration statement");
  }
  return end_statement(p, n);
}

/* ReturnStatement: return [no LineTerminator here] Expression? ; */
static Node *parse_return(Parser *p) {
  Token t = p->tok;
  if (!p->fn->allow_return) parse_error_at(p, parse_token_range(p, &t), "Illegal return statement");
  Node *n = parse_node(p, NODE_RETURN, &t);
  parse_advance(p);
  if (!parse_at(p, TOK_SEMICOLON) && !parse_at(p, TOK_RBRACE) && !parse_at(p, TOK_EOF) &&
      !(p->tok.flags & TOKF_NEWLINE_BEFORE))
    n->as.unary.operand = parse_expression(p);
  return end_statement(p, n);
}

/* ThrowStatement: throw [no LineTerminator here] Expression ; */
static Node *parse_throw(Parser *p) {
  Token t = p->tok;
  Node *n = parse_node(p, NODE_THROW, &t);
  parse_advance(p);
  if (p->tok.flags & TOKF_NEWLINE_BEFORE)
    parse_error_at(p, parse_token_range(p, &t), "Illegal newline after throw");
  n->as.unary.operand = parse_expression(p);
  return end_statement(p, n);
}

/* TryStatement: try Block Catch | try Block Finally | try Block Catch Finally
 * Catch: catch ( CatchParameter ) Block | catch Block */
static Node *parse_try(Parser *p) {
  Node *n = parse_node(p, NODE_TRY, &p->tok);
  parse_advance(p);
  n->as.try_stmt.block = parse_block(p);
  if (parse_accept(p, TOK_CATCH)) {
    if (parse_accept(p, TOK_LPAREN)) {
      n->as.try_stmt.param = parse_binding_target(p);
      parse_expect(p, TOK_RPAREN);
    }
    n->as.try_stmt.handler = parse_block(p);
  }
  if (parse_accept(p, TOK_FINALLY)) n->as.try_stmt.finalizer = parse_block(p);
  if (!n->as.try_stmt.handler && !n->as.try_stmt.finalizer)
    parse_error_at(p, parse_prev_range(p), "Missing catch or finally after try");
  return parse_finish(p, n);
}

/* CaseClause: case Expression : StatementList?   DefaultClause: default : StatementList? */
static Node *parse_case(Parser *p, bool *has_default) {
  Node *c = parse_node(p, NODE_CASE, &p->tok);
  if (parse_accept(p, TOK_CASE)) {
    c->as.case_clause.test = parse_expression(p);
  } else if (parse_at(p, TOK_DEFAULT)) {
    if (*has_default)
      parse_error_at(p, parse_token_range(p, &p->tok),
                     "More than one default clause in switch statement");
    *has_default = true;
    parse_advance(p);
  } else {
    parse_unexpected(p);
    return c;
  }
  parse_expect(p, TOK_COLON);
  while (!parse_at(p, TOK_CASE) && !parse_at(p, TOK_DEFAULT) && !parse_at(p, TOK_RBRACE) &&
         !parse_at(p, TOK_EOF))
    parse_list_push(p, &c->as.case_clause.body, parse_statement_list_item(p));
  return parse_finish(p, c);
}

/* SwitchStatement: switch ( Expression ) { CaseClause* DefaultClause? CaseClause* } */
static Node *parse_switch(Parser *p) {
  Node *n = parse_node(p, NODE_SWITCH, &p->tok);
  bool has_default = false;
  parse_advance(p);
  parse_expect(p, TOK_LPAREN);
  n->as.switch_stmt.discriminant = parse_expression(p);
  parse_expect(p, TOK_RPAREN);
  parse_expect(p, TOK_LBRACE);
  p->fn->break_depth++;
  while (!parse_at(p, TOK_RBRACE) && !parse_at(p, TOK_EOF))
    parse_list_push(p, &n->as.switch_stmt.cases, parse_case(p, &has_default));
  p->fn->break_depth--;
  parse_expect(p, TOK_RBRACE);
  return parse_finish(p, n);
}

/* In `a: b: while (...)` both labels name the loop: `continue a` is fine. Marks the labels
 * whose body starts where this label does. */
static void mark_loop_labels(Label *l, uint32_t start) {
  for (; l && l->body_start == start; l = l->next) {
    l->is_loop = true;
    start = l->start;
  }
}

/* LabelledStatement: LabelIdentifier : LabelledItem (a Statement, or a sloppy function) */
static Node *parse_labeled(Parser *p) {
  Token t = p->tok;
  parse_check_identifier(p, &t);
  if (find_label(p, t.name))
    parse_error_at(p, parse_token_range(p, &t), "Label '%s' has already been declared", t.name);
  bool allowed = !(p->fn->body_forbids_function && p->fn->body_start == t.start);
  Node *n = parse_node(p, NODE_LABELED, &t);
  n->as.labeled.label = t.name;
  parse_advance(p);
  parse_expect(p, TOK_COLON);
  Label label = {t.name, false, t.start, p->tok.start, p->fn->labels};
  if (parse_at(p, TOK_FOR) || parse_at(p, TOK_WHILE) || parse_at(p, TOK_DO)) {
    label.is_loop = true;
    mark_loop_labels(p->fn->labels, t.start);
  }
  p->fn->labels = &label;
  n->as.labeled.body = parse_substatement(p, allowed, allowed);
  p->fn->labels = label.next;
  return parse_finish(p, n);
}

/* The statements that begin with a reserved word Node rejects here. */
static Node *parse_refused(Parser *p) {
  Token t = p->tok;
  SrcRange at = parse_token_range(p, &t);
  if (t.kind == TOK_WITH)
    parse_error_at(p, at, "Strict mode code may not include a with statement");
  else if (t.kind == TOK_IMPORT)
    parse_error_at(p, at, "Cannot use import statement outside a module");
  else
    parse_unexpected(p);
  return parse_error_node(p);
}

/* WithStatement: with ( Expression ) Statement -- an early error in strict code. */
static Node *parse_with(Parser *p) {
  Token t = p->tok;
  if (p->fn->strict) return parse_refused(p);
  Node *n = parse_node(p, NODE_WITH, &t);
  parse_advance(p);
  parse_expect(p, TOK_LPAREN);
  n->as.with_stmt.object = parse_expression(p);
  parse_expect(p, TOK_RPAREN);
  n->as.with_stmt.body = parse_substatement(p, false, false);
  return parse_finish(p, n);
}

/* ExpressionStatement: Expression ;  (or a LabelledStatement, which starts the same way) */
static Node *parse_expression_statement(Parser *p) {
  if (parse_at(p, TOK_IDENTIFIER) && parse_peek(p).kind == TOK_COLON) return parse_labeled(p);
  Node *n = parse_node(p, NODE_EXPRESSION, &p->tok);
  n->as.unary.operand = parse_expression(p);
  return end_statement(p, n);
}

//> parser.statement
/* Statement: Block | VariableStatement | EmptyStatement | ExpressionStatement | IfStatement
 *   | BreakableStatement | ContinueStatement | BreakStatement | ReturnStatement
 *   | LabelledStatement | ThrowStatement | TryStatement | DebuggerStatement */
Node *parse_statement(Parser *p) {
  Token t = p->tok;
  if (!parse_stack_ok(p)) return parse_error_node(p);
  Node *n;
  switch (t.kind) {
  case TOK_LBRACE: n = parse_block(p); break;
  case TOK_VAR: n = end_statement(p, parse_variable_declaration(p, VAR_VAR, &t, false)); break;
  case TOK_SEMICOLON: parse_advance(p); n = parse_node(p, NODE_EMPTY, &t); break;
  case TOK_IF: n = parse_if(p); break;
  case TOK_FOR: n = parse_for(p); break;
  case TOK_WHILE: n = parse_while(p); break;
  case TOK_DO: n = parse_do_while(p); break;
  case TOK_CONTINUE: n = parse_jump(p, NODE_CONTINUE); break;
  case TOK_BREAK: n = parse_jump(p, NODE_BREAK); break;
  case TOK_RETURN: n = parse_return(p); break;
  case TOK_THROW: n = parse_throw(p); break;
  case TOK_TRY: n = parse_try(p); break;
  case TOK_SWITCH: n = parse_switch(p); break;
  case TOK_DEBUGGER:
    parse_advance(p);
    n = end_statement(p, parse_node(p, NODE_DEBUGGER, &t));
    break;
  case TOK_WITH: n = parse_with(p); break;
  case TOK_CLASS: case TOK_CONST: case TOK_ENUM: case TOK_EXPORT:
    n = parse_refused(p);
    break;
  case TOK_IMPORT: {
    TokenKind next = parse_peek(p).kind;
    n = next == TOK_LPAREN || next == TOK_DOT ? parse_expression_statement(p) : parse_refused(p);
    break;
  }
  default: n = parse_expression_statement(p);
  }
  return n;
}
//< parser.statement

/* StatementListItem: Statement | Declaration (function, async function, class, let, const) */
Node *parse_statement_list_item(Parser *p) {
  Token t = p->tok;
  switch (t.kind) {
  case TOK_FUNCTION: return parse_function(p, false, true, &t);
  case TOK_CLASS: return parse_class(p, true);
  case TOK_CONST: return end_statement(p, parse_variable_declaration(p, VAR_CONST, &t, false));
  case TOK_IDENTIFIER:
    if (let_declaration_follows(p))
      return end_statement(p, parse_variable_declaration(p, VAR_LET, &t, false));
    if (parse_at_word(p, "async")) {
      Token next = parse_peek(p);
      if (next.kind == TOK_FUNCTION && !(next.flags & TOKF_NEWLINE_BEFORE)) {
        parse_advance(p);
        return parse_function(p, true, true, &t);
      }
    }
    break;
  default: break;
  }
  return parse_statement(p);
}

/* internal.h - the parser's private state and helpers, shared by the files of parser/.
 * Book: chapter 2, "Parsing".
 *
 * The Parser holds the lexer, the current token (one token of lookahead; parse_peek looks
 * one further by scanning from a copy of the lexer), the arena, the first syntax error and
 * the context of the function being parsed. Files: parser.c (tokens, errors, nodes,
 * program), stmt.c (statements), expr.c (operators, calls, assignment), primary.c
 * (names, literals, parentheses), func.c (functions, classes, patterns), dump.c.
 */
#ifndef TN_PARSER_INTERNAL_H
#define TN_PARSER_INTERNAL_H

#include <stdarg.h>

#include "lexer/lexer.h"
#include "lexer/stack.h"
#include "parser/parser.h"

/* A label in scope: `outer: for (...)`. */
typedef struct Label {
  const char *name;
  bool is_loop;        /* continue may name it */
  uint32_t start;      /* offset of the label */
  uint32_t body_start; /* offset of the statement it labels */
  struct Label *next;
} Label;

/* What the function being parsed allows: return, yield, await, super, new.target, and
 * where break and continue may jump. */
typedef struct FnContext {
  struct FnContext *outer;
  Node *fn;          /* the NODE_FUNCTION, or NULL at the top level */
  bool strict;
  bool is_async, is_generator, is_arrow;
  bool allow_return, allow_new_target, allow_super_property, allow_super_call;
  bool in_class_field; /* a class field initializer: `arguments` is not allowed */
  bool await_reserved; /* a class static block: `await` is reserved but not an operator */
  bool in_params;      /* parsing its formal parameters: no yield or await expressions */
  int loop_depth;    /* enclosing loops: where `continue` may go */
  int break_depth;   /* enclosing loops and switches: where `break` may go */
  Label *labels;
  /* The body of an if or a loop that starts at body_start may not be a labelled function
   * (`while (x) l: function f() {}`); a label there passes the rule on to its own body. */
  uint32_t body_start;
  bool body_forbids_function;
} FnContext;

typedef struct ArenaChunk ArenaChunk;

/* Where a syntax error is: a line, a column and a caret count. */
typedef struct SrcRange {
  int line, column, length;
} SrcRange;

/* An error of an object literal that goes away if the literal turns out to be a pattern:
 * `{a = 1}` (a shorthand with an initializer) or a second `__proto__: x`. */
typedef struct CoverState {
  bool pending;
  SrcRange at;
  const char *message;
} CoverState;

/* `async(...)`, which may turn out to be an async arrow's parameters: the first `await`
 * used as a name in them (in this function, not in nested ones) is an error then. */
typedef struct AwaitCover {
  FnContext *fn; /* the function whose `async(...)` arguments are being parsed, or NULL */
  bool seen;
  SrcRange at;
} AwaitCover;

/* `( ... )` that may turn out to be an arrow's parameters: the first yield and await
 * expressions in it (in this function), which parameters may not contain. */
typedef struct ParenCover {
  FnContext *fn; /* the function whose parenthesized list is being parsed, or NULL */
  bool yield_seen, await_seen;
  SrcRange yield_at, await_at;
} ParenCover;

struct Parser {
  const char *src;
  uint32_t length;
  ParseMode mode;
  Lexer lx;
  Token tok;             /* the current token */
  uint32_t prev_end;     /* byte offset just past the previous token: ends of nodes */
  uint32_t prev_start;   /* where the previous token is, for errors reported at it */
  int prev_line, prev_column;
  ArenaChunk *arena;
  FnContext *fn;
  uintptr_t stack_limit; /* the C-stack guard: recursion stops below this (lexer/stack.h) */
  bool failed;           /* the first error is kept; afterwards the token stays TOK_EOF */
  ParseError error;
  bool no_in;            /* parsing a for-statement head: `in` is not an operator */
  uint32_t assign_start; /* offset of the AssignmentExpression being parsed (for arrows) */
  NodeList spread_commas; /* `...x` elements followed by a comma: not a rest element */
  SrcRange use_strict_at; /* the last "use strict" directive seen */
  SrcRange params_at;    /* the parameter list just parsed, `(` to `)` (getter/setter errors) */
  /* The first such error inside the expression being parsed, not yet known to be one:
   * reported unless the enclosing literal becomes an assignment target or parameters. */
  CoverState cover;
  AwaitCover cover_await;
  ParenCover cover_paren;
  ParseRegExpCheck check_regexp; /* NULL: literals are not checked */
  uint32_t dynamic_params_end; /* Function(): where the first parameter list must end, or 0 */
  bool is_eval;                /* eval code (parse_set_eval) ... */
  EvalContext eval;            /* ... in this context */
};

/* ==== expr.c: yield and await in a parenthesized list (ParenCover) ==== */
void parse_note_paren_expression(Parser *p, const Token *t, bool yield); /* or an await */
void parse_restore_paren_cover(Parser *p, ParenCover outer);
void parse_paren_cover_error(Parser *p, const ParenCover *c); /* if it saw either */

/* ==== parser.c: tokens ==== */

void parse_advance(Parser *p);
/* The token after the current one (scanned from a copy of the lexer), and the one after. */
Token parse_peek(Parser *p);
Token parse_peek2(Parser *p);
bool parse_at(const Parser *p, TokenKind kind);
/* Consumes the current token if it is `kind`. */
bool parse_accept(Parser *p, TokenKind kind);
/* Consumes a token of `kind`, or reports the current token as unexpected. */
void parse_expect(Parser *p, TokenKind kind);
/* Is the current token the identifier `word` (a contextual keyword), without escapes? */
bool parse_at_word(const Parser *p, const char *word);
/* A statement's end: `;`, or a place where a semicolon is inserted automatically. */
void parse_semicolon(Parser *p);

/* ==== parser.c: errors ==== */

/* t, an identifier used as a name: remembered if it is `await` in `async(...)`. */
void parse_note_await_name(Parser *p, const Token *t);

/* Records a SyntaxError (only the first counts) and stops the parse: from now on the current
 * token reads as the end of input, so every loop ends and every caller unwinds. */
void parse_error_at(Parser *p, SrcRange at, const char *fmt, ...);
/* The range of a token, of a node, of the token before the current one. */
SrcRange parse_token_range(const Parser *p, const Token *t);
SrcRange parse_node_range(const Parser *p, const Node *n);
SrcRange parse_prev_range(const Parser *p);
/* "Unexpected token ';'", "Unexpected identifier 'x'", "Unexpected end of input", ... */
void parse_unexpected(Parser *p);
void parse_unexpected_token(Parser *p, const Token *t);
/* Guards recursion: whether the C stack has room for one more level of nesting. If not,
 * reports node's "RangeError: Maximum call stack size exceeded" and returns false. */
bool parse_stack_ok(Parser *p);
/* Fills err with "the input nests deeper than the C stack allows" (scope.c uses it too). */
void parse_stack_overflow(ParseError *err);

/* ==== parser.c: nodes ==== */

Node *parse_node(Parser *p, NodeKind kind, const Token *at);
Node *parse_node_like(Parser *p, NodeKind kind, const Node *at);
/* Sets n->end to the end of the previous token and returns n. */
Node *parse_finish(Parser *p, Node *n);
void parse_list_push(Parser *p, NodeList *list, Node *n);
/* A placeholder returned after an error, so that callers never see NULL. */
Node *parse_error_node(Parser *p);
char *parse_strdup(Parser *p, const char *s, size_t n);
/* The name of a literal key as UTF-8 ("m" for m, 'm' or "m"; "1" for 1); NULL for NULL. */
const char *parse_key_name(Parser *p, const Node *key);

/* ==== expr.c ==== */

/* Records a pending cover error (the first one wins). */
void parse_note_cover(Parser *p, SrcRange at, const char *message);
/* Reports the pending cover error, if any, and clears it. */
void parse_settle_cover(Parser *p);
/* Around a nested expression: save (and clear) the pending error, then restore it; an
 * outer error found earlier stays the one to report. */
CoverState parse_cover_save(Parser *p);
void parse_cover_restore(Parser *p, CoverState outer);
/* An unparenthesized arrow function: nothing (no call, no operator) may follow it. */
bool parse_is_bare_arrow(const Node *n);

Node *parse_expression(Parser *p);
Node *parse_assignment(Parser *p);
/* An AssignmentExpression that may still become a pattern (array elements, property
 * values): a pending `{a = 1}` is left for the caller to settle. */
Node *parse_assignment_cover(Parser *p);
Node *parse_lhs_expression(Parser *p);
/* Checks an identifier used as a reference or binding in the current context. */
void parse_check_identifier(Parser *p, const Token *t);

/* ==== primary.c ==== */

Node *parse_primary(Parser *p);
/* A template literal; `tagged` allows invalid escapes (their cooked value is undefined). */
Node *parse_template(Parser *p, bool tagged);
/* `...expr` in an array literal, object literal or argument list. */
Node *parse_spread(Parser *p, bool cover);
/* Object literal and class keys: identifier, string, number, [computed]. */
Node *parse_property_key(Parser *p, bool *computed);

/* ==== stmt.c ==== */

Node *parse_statement(Parser *p);
Node *parse_statement_list_item(Parser *p);
/* Statements up to `}` (or the end of input at the top level), with the directive prologue
 * ("use strict") when `directives` is set. Returns true if "use strict" was found. */
bool parse_body(Parser *p, NodeList *body, bool directives, TokenKind end);
/* var/let/const declarations; `for_head`: a for-in/of may give the value instead of `=`. */
Node *parse_variable_declaration(Parser *p, VarKind kind, const Token *start, bool for_head);

/* ==== func.c ==== */

/* `function` [*] [name] (params) { body }; the current token is `function`, `start` is it
 * or the `async` before it. */
Node *parse_function(Parser *p, bool is_async, bool declaration, const Token *start);
/* An arrow function whose parameters are already parsed (as expressions to convert). */
Node *parse_arrow(Parser *p, NodeList *params, bool is_async, const Node *start);
/* Methods of objects and classes: the key is parsed, the current token is `(`. */
Node *parse_method(Parser *p, int flags, PropertyKind kind, const Node *key, const Token *start);
Node *parse_class(Parser *p, bool declaration);
/* #name (the current token): a NODE_PRIVATE_NAME called "#name". */
Node *parse_private_name(Parser *p);
/* BindingIdentifier or BindingPattern (declarations, parameters, catch). */
Node *parse_binding_target(Parser *p);
/* Turns an expression into an assignment target or pattern in place; `binding` for arrow
 * parameters (names only), `top` for the whole left side of `=` (V8 words its error
 * "Invalid left-hand side in assignment" there, "Invalid destructuring assignment target"
 * inside a pattern). */
Node *parse_to_pattern(Parser *p, Node *n, bool binding, bool top);
/* Gives an anonymous function or class the name it is bound to (`const f = () => {}`). */
void parse_infer_name(Node *value, const char *name);
/* Is n an unparenthesized object or array literal (that `=` would make a pattern)? */
bool parse_is_literal_pattern(const Node *n);
/* In strict code a binding or assignment target may not be `eval` or `arguments`. */
void parse_check_binding_name(Parser *p, const Node *id);

#endif

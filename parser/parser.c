/* parser.c - the parser's frame: the arena, the token stream, syntax errors, node
 * construction, and the entry points parse_new, parse_program, parse_free.
 * Book: chapter 2, "Parsing".
 *
 * The grammar itself is in expr.c (expressions), stmt.c (statements) and func.c
 * (functions, classes, destructuring patterns). A syntax error does not unwind with
 * longjmp: the first error is recorded and the current token turns into the end of the
 * input, so that every loop stops and every function returns to its caller.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "parser/internal.h"
#include "parser/parser.h"

/* ==== The arena ==== */

struct ArenaChunk {
  ArenaChunk *next;
  size_t used, size;
  _Alignas(16) unsigned char data[];
};

void *parse_alloc(Parser *p, size_t size) {
  size = (size + 15) & ~(size_t)15;
  ArenaChunk *c = p->arena;
  if (!c || c->size - c->used < size) {
    size_t cap = size > 64 * 1024 ? size : 64 * 1024;
    c = mem_alloc(sizeof(ArenaChunk) + cap);
    c->used = 0;
    c->size = cap;
    c->next = p->arena;
    p->arena = c;
  }
  void *mem = c->data + c->used;
  c->used += size;
  memset(mem, 0, size);
  return mem;
}

/* The lexer allocates token values (names, strings) through this. */
static void *lexer_alloc(void *ctx, size_t size) { return parse_alloc(ctx, size); }

char *parse_strdup(Parser *p, const char *s, size_t n) {
  char *copy = parse_alloc(p, n + 1);
  memcpy(copy, s, n);
  return copy;
}

/* ==== Errors ==== */

void parse_error_at(Parser *p, SrcRange at, const char *fmt, ...) {
  if (p->failed) return;
  p->failed = true;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(p->error.message, sizeof p->error.message, fmt, ap);
  va_end(ap);
  p->error.line = at.line;
  p->error.column = at.column;
  p->error.length = at.length;
  p->tok.kind = TOK_EOF; /* from now on everything sees the end of the input */
}

SrcRange parse_token_range(const Parser *p, const Token *t) {
  int length = lex_utf16_length(p->src + t->start, t->end - t->start);
  return (SrcRange){t->line, t->column, length};
}

void parse_note_await_name(Parser *p, const Token *t) {
  if (p->cover_await.fn != p->fn || p->cover_await.seen || strcmp(t->name, "await") != 0) return;
  p->cover_await.seen = true;
  p->cover_await.at = parse_token_range(p, t);
}

SrcRange parse_prev_range(const Parser *p) {
  int length = lex_utf16_length(p->src + p->prev_start, p->prev_end - p->prev_start);
  return (SrcRange){p->prev_line, p->prev_column, length};
}

SrcRange parse_node_range(const Parser *p, const Node *n) {
  uint32_t end = n->end > n->offset ? n->end : n->offset;
  return (SrcRange){n->line, n->column, lex_utf16_length(p->src + n->offset, end - n->offset)};
}

//> parser.unexpected
/* V8's wording for a token that cannot appear where it is. */
void parse_unexpected_token(Parser *p, const Token *t) {
  SrcRange at = parse_token_range(p, t);
  switch (t->kind) {
  case TOK_EOF:
    at.length = 0;
    return parse_error_at(p, at, "Unexpected end of input");
  case TOK_ERROR:
    at = (SrcRange){t->error_line, t->error_column, t->error_length};
    return parse_error_at(p, at, "%s", t->message);
  case TOK_NUMBER: return parse_error_at(p, at, "Unexpected number");
  case TOK_STRING: return parse_error_at(p, at, "Unexpected string");
  case TOK_TEMPLATE: case TOK_TEMPLATE_HEAD: case TOK_TEMPLATE_MIDDLE: case TOK_TEMPLATE_TAIL:
    return parse_error_at(p, at, "Unexpected template string");
  case TOK_REGEXP: return parse_error_at(p, at, "Unexpected regular expression");
  case TOK_PRIVATE_NAME: return parse_error_at(p, at, "Unexpected identifier '#%s'", t->name);
  case TOK_IDENTIFIER:
    if (p->fn->strict && lex_is_strict_reserved(t->name))
      return parse_error_at(p, at, "Unexpected strict mode reserved word");
    return parse_error_at(p, at, "Unexpected identifier '%s'", t->name);
  default:
    return parse_error_at(p, at, "Unexpected token '%s'", lex_kind_text(t->kind));
  }
}
//< parser.unexpected

void parse_unexpected(Parser *p) { parse_unexpected_token(p, &p->tok); }

//> parser.stack-guard
/* Recursive descent recurses once per level of nesting: `((((1))))`, `[[[[]]]]`, blocks,
 * functions. V8's parser checks the real stack and so does this one, at the functions
 * every cycle of the grammar goes through: statements, assignments, operands of
 * unary and binary operators, `new`, patterns, function bodies and classes. */
bool parse_stack_ok(Parser *p) {
  if (!stack_exhausted(p->stack_limit)) return true;
  if (!p->failed) parse_stack_overflow(&p->error); /* the first error wins */
  p->failed = true;
  p->tok.kind = TOK_EOF; /* from now on everything sees the end, as after a syntax error */
  return false;
}

void parse_stack_overflow(ParseError *err) {
  *err = (ParseError){.message = "Maximum call stack size exceeded", .stack_overflow = true};
}
//< parser.stack-guard

/* ==== Tokens ==== */

void parse_advance(Parser *p) {
  if (p->failed) return;
  p->prev_end = p->tok.end;
  p->prev_line = p->tok.line;
  p->prev_column = p->tok.column;
  p->prev_start = p->tok.start;
  lex_next(&p->lx, &p->tok);
}

Token parse_peek(Parser *p) {
  Token next;
  if (p->failed) return p->tok;
  Lexer copy = p->lx;
  lex_next(&copy, &next);
  return next;
}

Token parse_peek2(Parser *p) {
  Token next;
  if (p->failed) return p->tok;
  Lexer copy = p->lx;
  lex_next(&copy, &next);
  lex_next(&copy, &next);
  return next;
}

bool parse_at(const Parser *p, TokenKind kind) { return p->tok.kind == kind; }

bool parse_accept(Parser *p, TokenKind kind) {
  if (p->tok.kind != kind) return false;
  parse_advance(p);
  return true;
}

void parse_expect(Parser *p, TokenKind kind) {
  if (!parse_accept(p, kind)) parse_unexpected(p);
}

bool parse_at_word(const Parser *p, const char *word) {
  return p->tok.kind == TOK_IDENTIFIER && !(p->tok.flags & TOKF_ESCAPED) &&
         strcmp(p->tok.name, word) == 0;
}

//> parser.asi
/* Automatic semicolon insertion: a missing `;` is fine before `}`, at the end of the
 * input, or when a line break separates the statement from the next token. */
void parse_semicolon(Parser *p) {
  if (parse_accept(p, TOK_SEMICOLON)) return;
  if (parse_at(p, TOK_RBRACE) || parse_at(p, TOK_EOF)) return;
  if (p->tok.flags & TOKF_NEWLINE_BEFORE) return;
  parse_unexpected(p);
}
//< parser.asi

/* ==== Nodes ==== */

Node *parse_node(Parser *p, NodeKind kind, const Token *at) {
  Node *n = parse_alloc(p, sizeof(Node));
  n->kind = kind;
  n->line = at->line;
  n->column = at->column;
  n->offset = at->start;
  n->end = at->end;
  return n;
}

Node *parse_node_like(Parser *p, NodeKind kind, const Node *at) {
  Node *n = parse_alloc(p, sizeof(Node));
  n->kind = kind;
  n->line = at->line;
  n->column = at->column;
  n->offset = at->offset;
  n->end = at->end;
  return n;
}

Node *parse_finish(Parser *p, Node *n) {
  if (p->prev_end > n->offset) n->end = p->prev_end;
  return n;
}

Node *parse_error_node(Parser *p) { return parse_node(p, NODE_NULL, &p->tok); }

void parse_left_chain(Node *n, NodeChain *chain) {
  chain->items = chain->small;
  chain->count = 0;
  chain->capacity = sizeof chain->small / sizeof chain->small[0];
  for (; n->kind == NODE_BINARY || n->kind == NODE_LOGICAL; n = n->as.binary.left) {
    if (chain->count == chain->capacity) {
      Node **old = chain->items == chain->small ? NULL : chain->items;
      chain->items = mem_realloc_array(old, chain->capacity * 2, sizeof(Node *));
      if (!old) memcpy(chain->items, chain->small, sizeof chain->small);
      chain->capacity *= 2;
    }
    chain->items[chain->count++] = n;
  }
}

void parse_chain_free(NodeChain *chain) {
  if (chain->items != chain->small) free(chain->items);
}

void parse_list_push(Parser *p, NodeList *list, Node *n) {
  if (list->count == list->capacity) {
    int cap = list->capacity ? list->capacity * 2 : 4;
    Node **items = parse_alloc(p, (size_t)cap * sizeof(Node *));
    if (list->count) memcpy(items, list->items, (size_t)list->count * sizeof(Node *));
    list->items = items;
    list->capacity = cap;
  }
  list->items[list->count++] = n;
}

/* Property names as UTF-8: identifiers are already, string keys are converted from
 * UTF-16 (a lone surrogate becomes U+FFFD), numbers are printed as JavaScript prints them
 * (1, 1.5, 1e+21), which is the name `{1.5: function () {}}` gives its function. */
const char *parse_key_name(Parser *p, const Node *key) {
  if (!key) return NULL;
  if (key->kind == NODE_IDENTIFIER || key->kind == NODE_PRIVATE_NAME) return key->as.ident.name;
  if (key->kind == NODE_NUMBER) {
    char buf[40];
    lex_format_number(key->as.number, buf, sizeof buf);
    return parse_strdup(p, buf, strlen(buf));
  }
  if (key->kind != NODE_STRING) return NULL;
  U16Str s = key->as.string;
  char *out = parse_alloc(p, (size_t)s.length * 3 + 1), *w = out;
  for (uint32_t i = 0; i < s.length; i++) {
    uint32_t u = s.units[i];
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.length && s.units[i + 1] >= 0xDC00 &&
        s.units[i + 1] <= 0xDFFF)
      u = 0x10000 + ((u - 0xD800) << 10) + (s.units[++i] - 0xDC00);
    else if (u >= 0xD800 && u <= 0xDFFF)
      u = 0xFFFD;
    w += lex_encode_utf8(u, w);
  }
  *w = '\0';
  return out;
}

/* ==== Entry points ==== */

Parser *parse_new(const char *source, size_t length, ParseMode mode, uintptr_t stack_limit) {
  Parser *p = mem_calloc(1, sizeof(Parser));
  p->src = source;
  p->length = (uint32_t)length;
  p->mode = mode;
  p->stack_limit = stack_limit;
  lex_init(&p->lx, source, length, lexer_alloc, p);
  return p;
}

void parse_set_regexp_check(Parser *p, ParseRegExpCheck check) { p->check_regexp = check; }

//> parser.program
/* Script: StatementList. In a CommonJS module the code is the body of a function, so
 * `return` and `new.target` are allowed at the top level. */
Node *parse_program(Parser *p, ParseError *err) {
  FnContext top = {0};
  top.allow_return = top.allow_new_target = p->mode == PARSE_MODULE;
  if (p->is_eval) top.strict = p->eval.strict, top.allow_new_target = p->eval.new_target;
  if (p->is_eval) top.allow_super_property = p->eval.super_property;
  if (p->is_eval) top.in_class_field = p->eval.class_field;
  p->fn = &top;
  parse_advance(p);
  Node *program = parse_node(p, NODE_PROGRAM, &p->tok);
  program->line = program->column = 1;
  program->offset = 0;
  if (parse_body(p, &program->as.program.body, true, TOK_EOF) || top.strict)
    program->as.program.flags |= FN_STRICT;
  if (!p->failed && !parse_at(p, TOK_EOF)) parse_unexpected(p);
  program->end = p->length;
  p->fn = NULL;
  if (!p->failed) return program;
  if (err) *err = p->error;
  return NULL;
}
//< parser.program

void parse_set_eval(Parser *p, const EvalContext *ctx) {
  p->is_eval = true;
  p->eval = *ctx;
}

void parse_set_dynamic_function(Parser *p, uint32_t params_end) {
  p->dynamic_params_end = params_end;
}

void parse_free(Parser *p) {
  if (!p) return;
  for (ArenaChunk *c = p->arena, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  free(p);
}

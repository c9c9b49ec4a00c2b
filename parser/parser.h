/* parser.h - the parser's public interface: tokens -> AST (parser/ast.h), SyntaxErrors.
 * Book: chapter 2, "Parsing".
 *
 * Entry points: parse_new, parse_program (then scope_analyze, parser/scope.h), parse_free.
 * parse_dump_ast prints a tree for `tinynode --dump-ast`. Every node, name and string of
 * the AST lives in the parser's arena and dies with parse_free.
 */
#ifndef TN_PARSER_H
#define TN_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lexer/lexer.h"
#include "parser/ast.h"

/* MODULE = a CommonJS module: the body of a function, so a top-level `return` is allowed. */
typedef enum ParseMode { PARSE_SCRIPT, PARSE_MODULE } ParseMode;

/* A SyntaxError with V8's message and range. Node prints the range under the source line
 * as spaces (a tab stays a tab) and `length` carets, with two rules worth knowing: a range
 * of length 0 (the end of the input) prints spaces only, and a range that reaches past
 * the end of its line (column - 1 + length > the line's length in UTF-16 units, as for
 * `"\u12` at a line's end) prints no caret line at all. */
typedef struct ParseError {
  char message[256]; /* Node's text, without the "SyntaxError: " prefix */
  int line, column;  /* 1-based; column in UTF-16 units */
  int length;        /* caret count in UTF-16 units; 0 at the end of the input */
  bool stack_overflow; /* not a SyntaxError: the source nests deeper than the C stack
                          allows, which node reports as "RangeError: Maximum call stack
                          size exceeded" (message says so too; line is 0) */
} ParseError;

typedef struct Parser Parser;

/* A parser over source[0..length), which must outlive it. Aborts only if out of memory.
 * Its recursion, and the scope pass's, stops at stack_limit (lexer/stack.h): input nested
 * deeper than that is an error with stack_overflow set, never a crash. */
Parser *parse_new(const char *source, size_t length, ParseMode mode, uintptr_t stack_limit);

/* The check of a regular-expression literal's body (pattern as UTF-16 units, flags as
 * written): NULL when it compiles, else V8's reason, like "Unterminated group". The
 * parser sits below the RegExp engine, so whoever owns one (the VM, for stdlib/) passes
 * it in; a parser without one leaves literals unchecked. */
typedef const char *(*ParseRegExpCheck)(const uint16_t *pattern, size_t length,
                                        const char *flags);
void parse_set_regexp_check(Parser *p, ParseRegExpCheck check);
/* Source built by the Function constructor, "(function anonymous(PARAMS\n) {\nBODY\n})":
 * params_end is the offset of the `)` after PARAMS, where the parameter list must end
 * (V8's "Arg string terminates parameters early" / "Unexpected end of arg string").
 * Call before parse_program. */
void parse_set_dynamic_function(Parser *p, uint32_t params_end);

/* The source is eval code. outer is NULL for an indirect eval; for a direct one it is
 * a scope the caller builds (parse_alloc) whose bindings are every name the caller
 * sees, innermost first, each with `captured` set and `reg` its index among them;
 * its this/arguments/new.target (and a method's home) bindings are the caller's. */
typedef struct EvalContext {
  bool strict;         /* the caller is strict code */
  bool new_target;     /* the caller is in a function: new.target is allowed */
  bool super_property; /* the caller is in a method: super.x is allowed */
  bool class_field;    /* ... in a field initializer or static block: no `arguments` */
  bool var_global;     /* sloppy code's var declarations are the global object's */
  struct Scope *outer; /* see above */
} EvalContext;
void parse_set_eval(Parser *p, const EvalContext *ctx);

/* Parses the whole source. Returns the NODE_PROGRAM, or NULL on a syntax error with *err
 * filled. Call it once per parser. */
Node *parse_program(Parser *p, ParseError *err);

/* Arena memory: size bytes, zeroed, 16-byte aligned, freed by parse_free. The scope pass
 * uses it too. */
void *parse_alloc(Parser *p, size_t size);

/* Frees the parser, its arena and so every node it returned. NULL is fine. */
void parse_free(Parser *p);

/* a + b - c && d: binary and logical operators nest to the left as deeply as a chain is
 * long, though the parser builds it with a loop, so the passes over the tree walk such
 * chains with a loop too. parse_left_chain lists n and each BINARY/LOGICAL node down its
 * left operands, outermost first (so the leftmost operand is the last one's left); the
 * list lives in `small` unless it is longer. Release it with parse_chain_free. */
typedef struct NodeChain {
  Node **items;
  size_t count, capacity;
  Node *small[8];
} NodeChain;
void parse_left_chain(Node *n, NodeChain *chain);
/* Whether the member/call chain n ends has a ?. link, looking no further back than a
 * parenthesis: in (a?.b).c the ?. only short-circuits a?.b. (n's own parentheses do not
 * matter: (a?.b) is still an optional chain, so not an assignment target.) */
bool parse_has_optional_link(const Node *n);
void parse_chain_free(NodeChain *chain);

/* --dump-ast: the tree under program, one node per line, indented by depth, each line
 * starting with the node's line:column. */
void parse_dump_ast(const Node *program, FILE *out);

/* The name of a node kind: "NUMBER", "BINARY", ... */
const char *parse_kind_name(NodeKind kind);

#include "parser/scope.h"

#endif

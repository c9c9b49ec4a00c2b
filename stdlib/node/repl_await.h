/* repl_await.h - the REPL's top-level await, rewritten as node's REPL rewrites a line
 * (repl_await.c). Book: chapter 8, "The event loop". */
#ifndef TINYNODE_STDLIB_NODE_REPL_AWAIT_H
#define TINYNODE_STDLIB_NODE_REPL_AWAIT_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/parser.h"
#include "vm/vm.h"

/* The line is parsed as the body of this, followed by " })()". */
#define AWAIT_PREFIX "(async () => { "

/* src (a line and a newline) wrapped, parsed and rewritten: the text to run (malloc'd),
 * or NULL, with err->line set (not 0) if the wrapped line does not parse. */
char *repl_await_rewrite(const char *src, ParseError *err);

typedef enum AwaitFailure {
  AWAIT_FAILED_PLAIN, /* the error is the line's own: run it as it is */
  AWAIT_FAILED_MORE,  /* left open: wait for more lines */
  AWAIT_FAILED_SHOW,  /* show acorn's error (repl_await_message) at *pos */
} AwaitFailure;

/* What node does with src when repl_await_rewrite failed with err; can_wait is false in
 * .editor mode. For SHOW, err and *pos say where acorn trips. */
AwaitFailure repl_await_failure(const char *src, ParseError *err, bool can_wait, size_t *pos);
/* acorn's words for err's message at src + pos, where they are not V8's. */
void repl_await_message(StrBuf *sb, const char *message, const char *src, size_t pos);

#endif

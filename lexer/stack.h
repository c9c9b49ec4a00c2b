/* stack.h - the C-stack guard: how deep C recursion may go before it must stop.
 * Book: chapter 5, "The VM loop" (the guard), chapter 2, "Parsing" (the parser's).
 *
 * Natives call back into JavaScript, and the parser, the compiler, inspect and JSON
 * recurse as deeply as their input nests: all of it on the C stack, whose size the OS
 * fixes (ulimit -s). stack_limit_new measures once how far the stack may grow, keeping
 * a safety margin for the C code that runs after a check; stack_exhausted is then a
 * single comparison, cheap enough for every call that can recurse. QuickJS's
 * js_check_stack_overflow works the same way. lexer/ is the bottom stage, so every
 * stage may include this header.
 */
#ifndef TN_LEXER_STACK_H
#define TN_LEXER_STACK_H

#include <stdbool.h>
#include <stdint.h>

/* The lowest stack address recursion may reach on the calling thread, which must be the
 * main thread (its size is RLIMIT_STACK: at most 8 MiB is used, as unlimited as it may
 * be), minus the safety margin. The same wherever on the main thread it is called. */
uintptr_t stack_limit_new(void);

//> lexer.stack-exhausted
/* Whether the stack has grown past limit: time to report "Maximum call stack size
 * exceeded" instead of going deeper. The stack grows down on every machine we run on. */
static inline bool stack_exhausted(uintptr_t limit) {
  return (uintptr_t)__builtin_frame_address(0) < limit;
}
//< lexer.stack-exhausted

#endif

/* inspect.h - util.inspect, util.format and the console, as the rest of stdlib/ sees them.
 * Book: chapter 10, "Console and inspect".
 *
 * The public header of stdlib/inspect/: inspect_value turns any value into the text
 * Node 20's util.inspect prints, format_args is util.format, console_create builds the
 * `console` global, util_inspect_function is util.inspect itself. The formatter's own
 * helpers live in stdlib/inspect/internal.h.
 */
#ifndef TN_STDLIB_INSPECT_H
#define TN_STDLIB_INSPECT_H

#include <limits.h>
#include <stdbool.h>

#include "vm/vm.h"

/* "No limit" for depth, breakLength, maxArrayLength and maxStringLength (null/Infinity). */
#define INSPECT_UNLIMITED INT_MAX
/* compact: true (Node's old all-on-one-line mode); false is 0, a number is itself. */
#define INSPECT_COMPACT_TRUE (-1)

/* util.inspect's options. Fill with inspect_default_options, then change fields. */
typedef struct InspectOptions {
  int depth;            /* 2; INSPECT_UNLIMITED for null/Infinity; may be negative */
  bool colors;          /* ANSI colours, off by default */
  bool show_hidden;     /* non-enumerable keys as [key] */
  bool custom_inspect;  /* call obj[util.inspect.custom] */
  bool show_proxy;      /* a proxy as Proxy [ target, handler ], not as its target */
  int break_length;     /* 80 */
  int compact;          /* 3; 0 for false; INSPECT_COMPACT_TRUE for true */
  bool sorted;          /* sort keys (default comparator) */
  bool getters;         /* run getters and show their values */
  int max_array_length;  /* 100 */
  int max_string_length; /* 10000 */
  bool numeric_separator; /* 1_000_000 */
  Value user_options;   /* the caller's options object, passed on to custom inspectors */
} InspectOptions;

/* The columns a code point takes on a terminal, as node's getStringWidth counts: 0 for
 * controls and combining marks, 2 for East Asian wide characters and emoji, else 1 (the
 * line editor's measure too). */
int inspect_codepoint_width(uint32_t cp);

/* The defaults (this VM's util.inspect.defaultOptions as it is right now). */
void inspect_default_options(VM *vm, InspectOptions *opts);

/* util.inspect(v, opts): a string Value, or VALUE_EXCEPTION if a getter, a custom
 * inspector or a toString threw. */
Value inspect_value(VM *vm, Value v, const InspectOptions *opts);

/* util.format(...argv): a string Value, or VALUE_EXCEPTION. */
Value format_args(VM *vm, int argc, Value *argv);
/* util.formatWithOptions(options, ...argv): a TypeError unless options is an object. */
Value format_args_with_options(VM *vm, Value options, int argc, Value *argv);

/* How Node prints an uncaught thrown value below the source/caret header: an Error is
 * inspected (stack plus `{ props }`), anything else too. A string Value (no trailing
 * newline), or VALUE_EXCEPTION. */
Value inspect_error_for_uncaught(VM *vm, Value err);
/* Whether what goes to fd is coloured, decided once per stream as node decides
 * (runtime/tty.c: FORCE_COLOR, else a terminal with colours); console, the REPL and
 * the uncaught-error report use it. When FORCE_COLOR overrides NO_COLOR or
 * NODE_DISABLE_COLORS, node's warning says so, once. */
bool inspect_should_colorize(VM *vm, int fd);

/* The `console` global: a fresh object with log, error, dir, ... (or VALUE_EXCEPTION).
 * Its handles are left to the caller's scope (stdlib_install's). */
Value console_create(VM *vm);

/* The function util.inspect (one per VM, made on first use), for custom inspectors. */
Value util_inspect_function(VM *vm);

#endif

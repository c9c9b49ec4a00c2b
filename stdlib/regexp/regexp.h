/* regexp.h - tinynode's regular-expression engine: a pattern is compiled once to a small
 * bytecode, which a backtracking matcher then runs over a subject string.
 * Book: chapter 14, "Regular expressions".
 *
 * The engine is self-contained (prefix regexp_): it knows nothing of JavaScript values.
 * Text comes in as RegExpText, UTF-16 code units or Latin-1 bytes (the two forms of a
 * tinynode string, so matching never copies); memory comes from lexer/alloc.h. Entry
 * points: regexp_parse_flags, regexp_compile, regexp_exec, regexp_free, and the accessors
 * for the groups. stdlib/regexp/README.md explains how the JavaScript glue uses them.
 */
#ifndef TN_STDLIB_REGEXP_H
#define TN_STDLIB_REGEXP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A string handed to the engine: `length` code units at `chars`, which are uint16_t when
 * `wide` and Latin-1 uint8_t bytes otherwise. The engine never keeps the pointer. */
typedef struct {
  const void *chars;
  size_t length;
  bool wide;
} RegExpText;

/* The flags, one bit each; regexp_flags_string writes them in this (V8's) order. */
enum {
  REGEXP_HAS_INDICES = 1 << 0,  /* d: exec reports indices (the engine always computes them) */
  REGEXP_GLOBAL = 1 << 1,       /* g: recorded only; lastIndex is the glue's business */
  REGEXP_IGNORE_CASE = 1 << 2,  /* i */
  REGEXP_MULTILINE = 1 << 3,    /* m: ^ and $ also at line terminators */
  REGEXP_DOT_ALL = 1 << 4,      /* s: . also matches line terminators */
  REGEXP_UNICODE = 1 << 5,      /* u: code points, strict syntax */
  REGEXP_UNICODE_SETS = 1 << 6, /* v: u plus set operations and strings in classes */
  REGEXP_STICKY = 1 << 7,       /* y: match only at the start index */
};

/* The flag bits of a flags string like "gi", or -1 when a letter is unknown or repeated,
 * or when both u and v are given (the constructor then throws "Invalid flags ..."). */
int regexp_parse_flags(RegExpText flags);

/* Writes the letters of `flags` in canonical order ("dgimsuvy") and a NUL to `out`;
 * returns the number of letters. */
int regexp_flags_string(int flags, char out[9]);

typedef struct RegExp RegExp;

/* Compiles `pattern` with `flags` (a regexp_parse_flags result). Returns the compiled
 * pattern, owned by the caller (regexp_free), or NULL with *error set to V8's reason,
 * a static string such as "Unterminated group"; the glue builds the SyntaxError message
 * "Invalid regular expression: /" SOURCE "/" FLAGS ": " REASON from it. */
RegExp *regexp_compile(RegExpText pattern, int flags, const char **error);

/* Frees a compiled pattern (NULL is fine). */
void regexp_free(RegExp *re);

/* The flags the pattern was compiled with. */
int regexp_flags(const RegExp *re);

/* The number of capture groups, counting group 0 (the whole match): exec fills twice
 * as many integers. */
int regexp_capture_count(const RegExp *re);

/* The name of group `group` (1 .. count-1) as UTF-16 units, with its length in *length,
 * or NULL when the group has no name. Owned by `re`. */
const uint16_t *regexp_group_name(const RegExp *re, int group, size_t *length);

/* True when the pattern has at least one named group (exec results then get `groups`). */
bool regexp_has_named_groups(const RegExp *re);

/* ==== Matching ================================================================ */

enum {
  REGEXP_NO_MATCH = 0,
  REGEXP_MATCH = 1,
  REGEXP_INTERRUPTED = -1,    /* the interrupt callback asked to stop */
  REGEXP_STACK_OVERFLOW = -2, /* the backtrack stack passed its limit: node throws
                                 "RangeError: Maximum call stack size exceeded" */
};

/* Reusable scratch space for exec: the backtrack stack and the registers. Reusing one
 * runner (one per VM) means a match allocates nothing once the stack has grown. */
typedef struct RegExpRunner RegExpRunner;

/* A new runner with the default stack limit (64 MB, as V8's) and no interrupt. */
RegExpRunner *regexp_runner_new(void);
void regexp_runner_free(RegExpRunner *runner);

/* Every `interval` steps (backtracks and loop iterations) exec calls `interrupt(opaque)`;
 * when that returns true, exec stops and returns REGEXP_INTERRUPTED. */
void regexp_runner_set_interrupt(RegExpRunner *runner, bool (*interrupt)(void *opaque),
                                 void *opaque, uint32_t interval);

/* The most bytes the backtrack stack may take before exec gives up with
 * REGEXP_STACK_OVERFLOW. */
void regexp_runner_set_stack_limit(RegExpRunner *runner, size_t bytes);

/* Runs `re` over `subject`, trying start positions from `start` on (only `start` itself
 * when the pattern is sticky). On REGEXP_MATCH, captures[2*g] and captures[2*g+1] are the
 * start and end of group g in code units, or -1 for a group that did not participate;
 * `captures` must hold 2 * regexp_capture_count(re) integers. With u or v a start inside
 * a surrogate pair moves back to the pair, as the spec's code-point input does. `runner`
 * may be NULL (a temporary one is used). start > subject.length never matches. */
int regexp_exec(const RegExp *re, RegExpText subject, size_t start, int32_t *captures,
                RegExpRunner *runner);

/* Writes a readable listing of the bytecode of `re` to `out` (a FILE *), one
 * instruction per line: what chapter 14 shows. */
void regexp_disassemble(const RegExp *re, void *out);

#endif

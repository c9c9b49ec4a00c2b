/* regexp_glue.h - private to stdlib/ecma/: what the two halves of RegExp's JavaScript side
 * share. Book: chapter 7, "The standard library" (the section on RegExp).
 *
 * regexp.c holds the RegExp objects (constructor, exec, flags, lastIndex); regexp_string.c
 * holds what strings do with them (Symbol.match/matchAll/replace/search/split and the
 * String methods that defer to those symbols). A RegExp object is a CLASS_REGEXP object
 * whose inner value is a Program: the compiled pattern, shared by every evaluation of
 * one literal.
 */
#ifndef TN_STDLIB_REGEXP_GLUE_H
#define TN_STDLIB_REGEXP_GLUE_H

#include "stdlib/ecma/builtins.h"
#include "stdlib/regexp/regexp.h"

/* A compiled pattern with what the RegExp built-ins need of it. Immutable once made. */
typedef struct Program {
  RegExp *re;
  Value pattern; /* [[OriginalSource]], as given */
  Value names;   /* undefined, or an array: the key of each named group, undefined if unnamed */
  int flags;     /* REGEXP_* bits */
  int ncaps;     /* capture groups, counting group 0 */
} Program;

/* obj's program if obj is a RegExp object ([[RegExpMatcher]]), else NULL. */
Program *regexp_program_of(VM *vm, Value obj);
/* The program a RegExp's inner value holds (vm_inner_value), or NULL if v is none. */
Program *regexp_program_from(VM *vm, Value v);

/* A match as the fast paths see it: when R is a RegExp whose `exec` is the built-in, its
 * result is only ever read, so it is kept as code-unit indices instead of an array. */
typedef struct RawMatch {
  int32_t *caps; /* 2 per group: start, end, or -1 */
  int ncaps;     /* groups, counting group 0 */
} RawMatch;

/* RegExpExec(R, S): R.exec if callable (its result must be an object or null), else the
 * built-in exec. Returns 1 for a match, 0 for null, -1 on exception. A match is *result
 * (rooted) when exec was called; when it is the built-in, *result is undefined and the
 * match is raw in m: captures in vm-owned scratch, to copy before running any JavaScript. */
int regexp_exec_step(VM *vm, Value r, Value s, RawMatch *m, Value *result);
/* RegExpExec with its result as a value: the match array, null, or VALUE_EXCEPTION. */
Value regexp_exec_generic(VM *vm, Value r, Value s);

/* The VM's matcher scratch: its runner, and room for ncaps groups' captures (the buffer
 * may move when a larger one is asked for). For code that runs no JavaScript meanwhile. */
RegExpRunner *regexp_runner(VM *vm);
int32_t *regexp_scratch(VM *vm, int ncaps);

/* The last successful match, for the legacy statics (RegExp.$1, lastMatch, ...): 2 per
 * group (start, end, or -1), ncaps 0 before any match; the subject is in the realm's slot
 * INTRINSIC_REGEXP_LAST_SUBJECT. */
typedef struct LastMatch {
  const int32_t *caps;
  int ncaps;
  bool input_assigned; /* RegExp.input is INTRINSIC_REGEXP_LAST_INPUT, not the subject */
} LastMatch;
/* Record a match the engine made without the built-in exec (split's fast loop), whose
 * captures are in regexp_scratch: the scratch buffer moves, so fetch it anew after. */
void regexp_note_match(VM *vm, Value s, int ncaps);
LastMatch regexp_last_match(VM *vm);
void regexp_assign_input(VM *vm, Value s); /* RegExp.input = s, until the next match */

/* RegExp.input, $_, lastMatch, $&, lastParen, $+, leftContext, $`, rightContext, $',
 * $1..$9: V8's accessors on the constructor (regexp_legacy.c). */
Value regexp_legacy_get(VM *vm, Value this_value, int argc, Value *argv);
Value regexp_legacy_set(VM *vm, Value this_value, int argc, Value *argv);
enum { LEGACY_INPUT, LEGACY_LAST_MATCH, LEGACY_LAST_PAREN, LEGACY_LEFT, LEGACY_RIGHT, LEGACY_GROUP };
#define REGEXP_LEGACY(name, which) VM_GETSET_MAGIC(name, regexp_legacy_get, regexp_legacy_set, which)
#define REGEXP_LEGACY_STATICS                                                                   \
  REGEXP_LEGACY("input", LEGACY_INPUT), REGEXP_LEGACY("$_", LEGACY_INPUT),                      \
      REGEXP_LEGACY("lastMatch", LEGACY_LAST_MATCH), REGEXP_LEGACY("$&", LEGACY_LAST_MATCH),    \
      REGEXP_LEGACY("lastParen", LEGACY_LAST_PAREN), REGEXP_LEGACY("$+", LEGACY_LAST_PAREN),    \
      REGEXP_LEGACY("leftContext", LEGACY_LEFT), REGEXP_LEGACY("$`", LEGACY_LEFT),              \
      REGEXP_LEGACY("rightContext", LEGACY_RIGHT), REGEXP_LEGACY("$'", LEGACY_RIGHT),           \
      REGEXP_LEGACY("$1", LEGACY_GROUP + 1), REGEXP_LEGACY("$2", LEGACY_GROUP + 2),             \
      REGEXP_LEGACY("$3", LEGACY_GROUP + 3), REGEXP_LEGACY("$4", LEGACY_GROUP + 4),             \
      REGEXP_LEGACY("$5", LEGACY_GROUP + 5), REGEXP_LEGACY("$6", LEGACY_GROUP + 6),             \
      REGEXP_LEGACY("$7", LEGACY_GROUP + 7), REGEXP_LEGACY("$8", LEGACY_GROUP + 8),             \
      REGEXP_LEGACY("$9", LEGACY_GROUP + 9)

/* Builds the match array RegExpBuiltinExec returns from raw captures. */
Value regexp_match_array(VM *vm, Program *prog, Value s, const int32_t *caps);

/* The property names read or written on every match, interned once per realm (an array
 * in INTRINSIC_REGEXP_ATOMS), so that no hot path hashes a C string. */
#define REGEXP_FOR_EACH_ATOM(A)                                                              \
  A(LAST_INDEX, "lastIndex") A(EXEC, "exec") A(GLOBAL, "global") A(UNICODE, "unicode")       \
  A(UNICODE_SETS, "unicodeSets") A(FLAGS, "flags")
enum {
#define REGEXP_ATOM_ENUM(name, text) REGEXP_ATOM_##name,
  REGEXP_FOR_EACH_ATOM(REGEXP_ATOM_ENUM)
#undef REGEXP_ATOM_ENUM
  REGEXP_ATOM_COUNT
};
static inline Value regexp_atom(VM *vm, int which) {
  return vm_array_get_raw(vm_intrinsic(vm, INTRINSIC_REGEXP_ATOMS), (uint32_t)which);
}

/* ToLength(Get(R, "lastIndex")) into *out; false on exception. */
bool regexp_get_last_index(VM *vm, Value r, double *out);
/* Set(R, "lastIndex", value, true): false on exception (a frozen lastIndex throws). */
bool regexp_set_last_index(VM *vm, Value r, double value);

/* The realm's RegExp constructor, and RegExpCreate(pattern, flags) with it. */
Value regexp_constructor(VM *vm);
Value regexp_create(VM *vm, Value pattern, Value flags);

/* regexp_string.c's half of installing: the Symbol methods on RegExp.prototype and
 * %RegExpStringIteratorPrototype%. */
void regexp_string_install(VM *vm);

/* V8's TypeError for a RegExp.prototype method called on something else. */
Value regexp_throw_incompatible(VM *vm, const char *method, Value receiver);

#endif

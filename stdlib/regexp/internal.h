/* internal.h - what the files of stdlib/regexp/ share, and nothing outside it sees:
 * character sets, the Unicode tables, the syntax tree, the bytecode, the compiled RegExp.
 * Book: chapter 14, "Regular expressions".
 *
 * Reading order: charset.c (sets of code points and of strings), unicode.c (property
 * escapes and case folding over the generated unicode_data.c), parse.c and class.c (the
 * pattern to a tree, with V8's errors), compile.c (the tree to bytecode), exec.c (the
 * matcher), dump.c (the disassembler).
 */
#ifndef TN_STDLIB_REGEXP_INTERNAL_H
#define TN_STDLIB_REGEXP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/regexp/regexp.h"

#define RE_MAX_CP 0x10FFFFu

/* ==== Character sets (charset.c) ============================================ */

/* A set of code points as sorted, disjoint, non-adjacent ranges: r[2k] .. r[2k+1]. */
typedef struct {
  uint32_t *r;
  int n;   /* ranges */
  int cap; /* ranges allocated */
} CharSet;

void cs_init(CharSet *s);
void cs_free(CharSet *s);
void cs_clear(CharSet *s);
void cs_add_range(CharSet *s, uint32_t lo, uint32_t hi); /* any order, any overlap */
void cs_add(CharSet *s, uint32_t c);
bool cs_has(const CharSet *s, uint32_t c);
void cs_copy(CharSet *dst, const CharSet *src);
void cs_union(CharSet *s, const CharSet *t);
void cs_intersect(CharSet *s, const CharSet *t);
void cs_subtract(CharSet *s, const CharSet *t);
void cs_invert(CharSet *s, uint32_t max); /* the complement within 0..max */
uint32_t cs_size(const CharSet *s);       /* how many code points */

/* A string of a class (the v flag's \q{...} and properties of strings). */
typedef struct {
  uint32_t *cps;
  int len;
} ClassString;

/* A set of strings, sorted (by code points) and without duplicates. */
typedef struct {
  ClassString *s;
  int n;
  int cap;
} StrSet;

void ss_init(StrSet *t);
void ss_free(StrSet *t);
void ss_add(StrSet *t, const uint32_t *cps, int len); /* copies */
void ss_union(StrSet *t, const StrSet *u);
void ss_intersect(StrSet *t, const StrSet *u);
void ss_subtract(StrSet *t, const StrSet *u);

/* What a class of the v flag stands for: code points and strings of two or more. */
typedef struct {
  CharSet chars;
  StrSet strings;
} ClassSet;

/* ==== Unicode tables (unicode.c, unicode_data.c) ============================= */

typedef enum {
  UNI_GC,      /* a General_Category value or group: value = mask of the 30 values */
  UNI_BINARY,  /* a binary property: value = index into regexp_uni_binary */
  UNI_SPECIAL, /* Any (0), ASCII (1), Assigned (2) */
  UNI_STRINGS, /* a property of strings (v flag only): index into regexp_uni_strings */
  UNI_SCRIPT,  /* a Script / Script_Extensions value: index into regexp_uni_scripts */
} UniKind;

typedef struct {
  const char *name;
  uint8_t kind; /* UniKind */
  uint32_t value;
} UniName;

typedef struct {
  uint8_t sc, scx;     /* may it be named with Script, with Script_Extensions */
  uint32_t extensions; /* offset of the ranges by which scx differs from sc */
} UniScript;

typedef struct {
  uint32_t gc, script, case_legacy, case_unicode, id_start, id_part;
} UniTables;

extern const char regexp_udata[];
extern const UniName regexp_uni_lone[];
extern const int regexp_uni_lone_count;
extern const UniName regexp_uni_script_names[];
extern const int regexp_uni_script_name_count;
extern const UniScript regexp_uni_scripts[];
extern const uint32_t regexp_uni_binary[];
extern const uint32_t regexp_uni_strings[];
extern const UniTables regexp_uni_tables;

/* The set named by \p{name} (value NULL) or \p{name=value}, or false when V8 does not
 * accept the name (strings are allowed only with `sets`, the v flag). Adds the code
 * points to `chars` and, for a property of strings, the strings to `strings`; *kind says
 * which kind of property it was (how negation and case folding treat it). */
bool uni_property(const char *name, const char *value, bool sets, CharSet *chars, StrSet *strings,
                  UniKind *kind);

/* Canonicalize (ECMA-262 22.2.2.7.3): simple case folding with u or v, the
 * upper-casing rule without. */
uint32_t uni_canon(uint32_t c, bool unicode);

/* Adds to `s` every character that canonicalizes like one of its members. */
void uni_close_over(CharSet *s, bool unicode);

/* May c start / continue a capture group name (V8's ID_Start plus $ and _, ...)? */
bool uni_id_start(uint32_t c);
bool uni_id_part(uint32_t c);

/* ==== The syntax tree (parse.c, class.c) ===================================== */

typedef enum {
  RN_EMPTY,   /* matches the empty string */
  RN_CHAR,    /* one character: a code unit, or a code point with u/v (a) */
  RN_CLASS,   /* a class, final: case closure and negation applied (set, strings) */
  RN_SEQ,     /* the children one after another */
  RN_ALT,     /* one of the children, first one first */
  RN_GROUP,   /* capture group a around the child */
  RN_LOOK,    /* lookaround: sub has RL_BEHIND, RL_NEGATIVE */
  RN_QUANT,   /* the child min (a) to max (b, -1 for no limit) times; sub: greedy */
  RN_BACKREF, /* the text of group a (once names are resolved) */
  RN_ASSERT,  /* ^ $ \b \B: sub is an RA_ value */
} RNodeKind;

enum { RL_BEHIND = 1, RL_NEGATIVE = 2 };
enum { RA_START, RA_END, RA_LINE_START, RA_LINE_END, RA_WORD, RA_NOT_WORD };

typedef struct RNode RNode;
struct RNode {
  uint8_t kind;
  uint8_t sub;
  int32_t a, b;
  int cap_lo, cap_hi;   /* QUANT, LOOK: the capture groups inside are cap_lo .. cap_hi-1 */
  RNode *kid;           /* first child */
  RNode *next;          /* next sibling */
  CharSet *set;         /* CLASS */
  StrSet *strings;      /* CLASS: strings of two or more code points (v flag), or NULL */
  const uint16_t *name; /* BACKREF by name, until resolved */
  int name_len;
};

/* Blocks of memory freed all at once when compilation ends. */
typedef struct ArenaBlock ArenaBlock;
typedef struct {
  ArenaBlock *blocks;
} Arena;

void *arena_alloc(Arena *a, size_t size); /* zeroed */
void arena_free(Arena *a);
/* Moves a set's memory into the arena (the heap copy is freed): tree nodes own nothing. */
CharSet *arena_chars(Arena *a, CharSet *heap);
StrSet *arena_strings(Arena *a, StrSet *heap);

/* A group name: UTF-16 units. */
typedef struct {
  uint16_t *units;
  int len;
} GroupName;

/* What the parser hands to the compiler. */
typedef struct {
  RNode *tree;
  int ncaptures;    /* capture groups, not counting group 0 */
  GroupName *names; /* names[i] for group i+1 (len 0: unnamed), owned by the caller */
  bool has_names;
  const char *error; /* or the V8 reason the pattern is invalid */
} ParseResult;

/* Parses `pattern` under `flags` into a tree allocated in `arena`. */
void re_parse(RegExpText pattern, int flags, Arena *arena, ParseResult *out);

/* The parser's state, shared by parse.c (the grammar) and class.c (classes, escapes).
 * It follows V8's parser closely, because V8 decides which error a pattern gets: `cur`
 * is the character under the cursor (a code point with u or v, else a code unit; RE_END
 * past the end), `next` the index of the code unit after it. */
#define RE_END 0x200000u
#define RE_MAX_DEPTH 4000     /* nested groups and classes; deeper gets V8's stack message */
#define RE_MAX_CAPTURES 32767 /* capture groups (V8's limit: "Too many captures") */

typedef struct Parser {
  RegExpText src;
  size_t next;
  uint32_t cur;
  bool has_more;
  bool unicode; /* u or v: UnicodeMode in the spec */
  bool sets;    /* v */
  bool icase, multiline, dotall;
  bool force_unicode; /* reading a group name, which is always read as with u */
  const char *error;  /* the first error; once set, the cursor stays at the end */
  Arena *arena;
  int depth;
  int captures_started;
  int capture_count; /* every capture group of the pattern, once scanned */
  bool scanned;
  bool has_named;   /* a named group was seen, or the scan found one */
  GroupName *names; /* by group number - 1, for the groups started so far */
  int names_cap;
  bool *named_done; /* names registered (at the group's close), by group number - 1 */
  int *open;        /* the capture groups the cursor is inside */
  int nopen, open_cap;
  RNode **refs; /* \k<name> nodes to resolve at the end */
  int nrefs, refs_cap;
} Parser;

uint32_t re_peek(Parser *p);                    /* the character after cur, or RE_END */
void re_advance(Parser *p);                     /* move to the next character */
void re_advance_by(Parser *p, int n);           /* move n code units on (V8's Advance(n)) */
void re_reset(Parser *p, size_t pos);           /* put the cursor at code unit pos */
size_t re_position(Parser *p);                  /* the code unit where cur starts */
void *re_error(Parser *p, const char *message); /* records the first error; returns NULL */
RNode *re_node(Parser *p, RNodeKind kind);
bool re_has_named_captures(Parser *p, bool in_class);

/* class.c: escapes and classes. */
RNode *re_parse_class(Parser *p);
/* \d \s \w \D \S \W \p{..} \P{..} at the cursor (on the backslash): adds the set to
 * *cs (and strings to *ss) and returns true, or returns false if `c` is not one. */
bool re_class_escape(Parser *p, uint32_t c, bool in_class, CharSet *cs, StrSet *ss,
                     bool case_equivalents);
/* A CharacterEscape at the cursor (on the backslash); *unicode_escape is set for \u. */
uint32_t re_character_escape(Parser *p, bool in_class, bool *unicode_escape);
bool re_parse_unicode_escape(Parser *p, uint32_t *value);
uint32_t re_parse_octal(Parser *p); /* LegacyOctalEscapeSequence at the cursor (parse.c) */

/* ==== The bytecode (compile.c, exec.c, dump.c) =============================== */

// clang-format off
//> regexp.opcodes
/* Every instruction: X(NAME, operands). An instruction is one 32-bit word for the opcode
 * and one per operand. Jump targets are indices into the code. *_B variants run
 * backwards (inside a lookbehind); *_U variants read code points (u and v flags). */
#define RE_OPCODES(X)                                                                      \
  X(CHAR, 1)         /* a: the next code unit is a */                                       \
  X(CHAR_B, 1)                                                                              \
  X(CHAR2, 2)        /* the next code unit is a or b (a case pair) */                       \
  X(CHAR2_B, 2)                                                                             \
  X(STRING, 1)       /* n, then n words: the next n code units are these */                 \
  X(STRING_B, 1)                                                                            \
  X(CP_U, 1)         /* the next code point is a (a lone surrogate, with u) */              \
  X(CP_U_B, 1)                                                                              \
  X(ANY, 0)          /* any code unit */                                                    \
  X(ANY_B, 0)                                                                               \
  X(ANY_U, 0)        /* any code point */                                                   \
  X(ANY_U_B, 0)                                                                             \
  X(DOT, 0)          /* any code unit but a line terminator */                              \
  X(DOT_B, 0)                                                                               \
  X(DOT_U, 0)        /* any code point but a line terminator */                             \
  X(DOT_U_B, 0)                                                                             \
  X(CLASS, 1)        /* the next code unit is in class a */                                 \
  X(CLASS_B, 1)                                                                             \
  X(CLASS_U, 1)      /* the next code point is in class a */                                \
  X(CLASS_U_B, 1)                                                                           \
  X(STRSET, 1)       /* one of the strings of string set a, longest first (v flag) */       \
  X(STRSET_B, 1)                                                                            \
  X(START, 0)        /* ^ without m: at the start of the input */                           \
  X(END, 0)          /* $ without m */                                                      \
  X(LINE_START, 0)   /* ^ with m */                                                         \
  X(LINE_END, 0)     /* $ with m */                                                         \
  X(WORD, 1)         /* \b; a = 1: u and i, where U+017F and U+212A are word characters */   \
  X(NOT_WORD, 1)     /* \B */                                                               \
  X(BACKREF, 1)      /* the text of group a again */                                        \
  X(BACKREF_B, 1)                                                                           \
  X(BACKREF_I, 1)    /* the same, ignoring case */                                          \
  X(BACKREF_I_B, 1)                                                                         \
  X(SAVE, 1)         /* register a = the position */                                        \
  X(RESET, 2)        /* registers a .. b-1 = -1 (the captures of a loop's body) */          \
  X(JMP, 1)          /* go to a */                                                          \
  X(SPLIT, 1)        /* try the next instruction; on failure, a */                          \
  X(SPLIT_LAZY, 1)   /* try a; on failure, the next instruction */                          \
  X(CHECK_PROGRESS, 1) /* fail if the position is still register a (an empty iteration) */   \
  X(COUNT_INIT, 1)   /* register a = 0 */                                                   \
  X(LOOP, 4)         /* counter a, min b, max c (-1: none), exit d: iterate or leave */      \
  X(LOOP_LAZY, 4)                                                                           \
  X(LOOP_NEXT, 4)    /* counter a, min b, progress register c (-1: none), head d */         \
  X(STAR, 4)         /* min a, max b (-1), flags c (STAR_*), hint d: repeat the next */      \
                     /* one-character instruction, then continue after it */                \
  X(LOOK, 3)         /* mark register a, b = 1 negative, end c: start a lookaround */        \
  X(LOOK_END, 1)     /* mark register a: the lookaround's body matched */                   \
  X(FAIL, 0)         /* backtrack */                                                        \
  X(MATCH, 0)        /* the whole pattern matched */
//< regexp.opcodes
// clang-format on

/* The flags of a STAR; its hint is the code unit that must follow a greedy forward STAR
 * (the next instruction tests it), or -1: giving back stops only where it could match. */
enum { STAR_GREEDY = 1, STAR_BACKWARD = 2, STAR_CODE_POINTS = 4 };

typedef enum {
#define RE_OP_ENUM(name, n) OP_##name,
  RE_OPCODES(RE_OP_ENUM)
#undef RE_OP_ENUM
      OP__COUNT
} ReOp;

extern const char *const regexp_op_names[];
extern const uint8_t regexp_op_sizes[]; /* operands of each opcode */

/* A class as the matcher sees it: the ranges, and a bitmap of its members below 256. */
typedef struct {
  uint32_t *r;
  int n;
  uint32_t bits[8];
} ReClass;

/* A set of strings as the matcher sees it, longest first, then the single characters. */
typedef struct {
  ClassString *s;
  int n;
  int chars; /* index of a class for the single characters, or -1 */
} ReStrSet;

struct RegExp {
  int flags;
  uint32_t *code;
  int code_len;
  int ncaps; /* capture groups, counting group 0 */
  int nregs; /* registers: 2 * ncaps captures, then the compiler's own */
  ReClass *classes;
  int nclasses;
  ReStrSet *strsets;
  int nstrsets;
  GroupName *names; /* names[g] for group g (len 0: unnamed); names[0] unused */
  bool has_names;
  /* What the search loop uses to skip start positions (compile.c: find_prefix). */
  bool anchored;      /* only the position 0 can match (^ without m, first) */
  bool line_anchored; /* only the start of a line can (^ with m, first) */
  bool use_first;     /* a match must start with a unit whose low byte is in first */
  uint8_t first[32];
};

/* Compiles the tree of `pr` into `re` (code, classes, registers, search hints). */
void re_compile_tree(RegExp *re, const ParseResult *pr);

#endif

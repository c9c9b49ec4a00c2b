/* compile.c - the syntax tree to bytecode, and the entry points regexp_compile and
 * regexp_free with the accessors of regexp.h.
 * Book: chapter 14, "Regular expressions".
 *
 * Each node becomes a few instructions (internal.h: RE_OPCODES): characters and classes
 * become tests that consume input, groups SAVE positions into registers, alternatives
 * and quantifiers become SPLITs that leave choice points for the matcher to come back
 * to. Inside a lookbehind everything is compiled to run backwards. The compiler also
 * works out which code units a match can start with, so that exec can skip the rest.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/regexp/internal.h"

typedef struct {
  RegExp *re;
  uint32_t *code;
  int len, cap;
  int classes_cap, strsets_cap;
  bool unicode, icase, dotall;
} Compiler;

/* ==== Emitting ================================================================= */

static int emit(Compiler *c, uint32_t word) {
  if (c->len == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 64;
    c->code = mem_realloc_array(c->code, (size_t)c->cap, sizeof(uint32_t));
  }
  c->code[c->len] = word;
  return c->len++;
}

static int emit_op(Compiler *c, ReOp op) { return emit(c, op); }

static int emit1(Compiler *c, ReOp op, uint32_t a) {
  int at = emit(c, op);
  emit(c, a);
  return at;
}

static int emit2(Compiler *c, ReOp op, uint32_t a, uint32_t b) {
  int at = emit1(c, op, a);
  emit(c, b);
  return at;
}

/* Points the jump operand at `at` to the current end of the code. */
static void patch(Compiler *c, int at) { c->code[at] = (uint32_t)c->len; }

static int new_register(Compiler *c) { return c->re->nregs++; }

/* The backward twin of a forward opcode: they are always listed in pairs. */
static ReOp dir(ReOp op, bool back) { return back ? (ReOp)(op + 1) : op; }

/* ==== Characters and classes =================================================== */

static bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

/* Does the set hold only code points that are single, non-surrogate code units? Then
 * reading a code unit is as good as reading a code point. */
static bool only_bmp(const CharSet *s) {
  if (s->n == 0) return true;
  if (s->r[2 * s->n - 1] > 0xFFFF) return false;
  for (int i = 0; i < s->n; i++)
    if (s->r[2 * i] <= 0xDFFF && s->r[2 * i + 1] >= 0xD800) return false;
  return true;
}

static int add_class(Compiler *c, const CharSet *s) {
  RegExp *re = c->re;
  if (re->nclasses == c->classes_cap) {
    c->classes_cap = c->classes_cap ? c->classes_cap * 2 : 8;
    re->classes = mem_realloc_array(re->classes, (size_t)c->classes_cap, sizeof(ReClass));
  }
  ReClass *k = &re->classes[re->nclasses];
  memset(k, 0, sizeof *k);
  k->n = s->n;
  k->r = mem_alloc((size_t)s->n * 2 * sizeof(uint32_t) + 1);
  memcpy(k->r, s->r, (size_t)s->n * 2 * sizeof(uint32_t));
  for (int i = 0; i < s->n && s->r[2 * i] < 256; i++) {
    uint32_t hi = s->r[2 * i + 1] < 255 ? s->r[2 * i + 1] : 255;
    for (uint32_t ch = s->r[2 * i]; ch <= hi; ch++) k->bits[ch >> 5] |= 1u << (ch & 31);
  }
  return re->nclasses++;
}

/* A test of one character against a set: the cheapest instruction that does it. */
static void gen_set(Compiler *c, const CharSet *s, bool back) {
  uint32_t size = cs_size(s);
  bool units = !c->unicode || only_bmp(s);
  if (size == 0) {
    emit_op(c, OP_FAIL);
  } else if (size == 1 && units) {
    emit1(c, dir(OP_CHAR, back), s->r[0]);
  } else if (size == 1) {
    emit1(c, dir(OP_CP_U, back), s->r[0]);
  } else if (size == 2 && units) {
    emit2(c, dir(OP_CHAR2, back), s->r[0], s->r[2 * s->n - 1]);
  } else {
    emit1(c, dir(units ? OP_CLASS : OP_CLASS_U, back), (uint32_t)add_class(c, s));
  }
}

/* The characters that match `ch`: itself, and with i its case class. */
static void char_set(Compiler *c, uint32_t ch, CharSet *s) {
  cs_init(s);
  cs_add(s, ch);
  if (c->icase) uni_close_over(s, c->unicode);
}

/* Can this character be matched code unit by code unit, as part of a STRING? */
static bool plain_unit(Compiler *c, const RNode *n) {
  if (n->kind != RN_CHAR || (c->unicode && (n->a > 0xFFFF || is_surrogate((uint32_t)n->a))))
    return false;
  if (!c->icase) return true;
  CharSet s;
  char_set(c, (uint32_t)n->a, &s);
  bool alone = cs_size(&s) == 1;
  cs_free(&s);
  return alone;
}

static void gen_char(Compiler *c, uint32_t ch, bool back) {
  CharSet s;
  char_set(c, ch, &s);
  if (c->unicode && ch > 0xFFFF && cs_size(&s) == 1) {
    // An astral character on its own: its surrogate pair, as two code units.
    uint32_t lead = 0xD800 + ((ch - 0x10000) >> 10), trail = 0xDC00 + ((ch - 0x10000) & 0x3FF);
    emit1(c, dir(OP_STRING, back), 2);
    emit(c, lead);
    emit(c, trail);
  } else {
    gen_set(c, &s, back);
  }
  cs_free(&s);
}

static int compare_length_desc(const void *a, const void *b) {
  const ClassString *x = a, *y = b;
  return y->len - x->len;
}

/* A class of the v flag that holds strings: try them longest first, then the single
 * characters, then the empty string if it is one of them. */
static void gen_strings(Compiler *c, const RNode *n, bool back) {
  RegExp *re = c->re;
  if (re->nstrsets == c->strsets_cap) {
    c->strsets_cap = c->strsets_cap ? c->strsets_cap * 2 : 4;
    re->strsets = mem_realloc_array(re->strsets, (size_t)c->strsets_cap, sizeof(ReStrSet));
  }
  ReStrSet *t = &re->strsets[re->nstrsets];
  t->n = n->strings->n;
  t->s = mem_alloc((size_t)t->n * sizeof(ClassString) + 1);
  for (int i = 0; i < t->n; i++) {
    t->s[i].len = n->strings->s[i].len;
    t->s[i].cps = mem_alloc((size_t)t->s[i].len * sizeof(uint32_t) + 1);
    memcpy(t->s[i].cps, n->strings->s[i].cps, (size_t)t->s[i].len * sizeof(uint32_t));
  }
  qsort(t->s, (size_t)t->n, sizeof(ClassString), compare_length_desc);
  t->chars = n->set->n ? add_class(c, n->set) : -1;
  emit1(c, dir(OP_STRSET, back), (uint32_t)re->nstrsets++);
}

static void gen_class(Compiler *c, const RNode *n, bool back) {
  if (!n->set) { // the dot
    ReOp op = c->dotall ? OP_ANY : OP_DOT;
    if (c->unicode) op = c->dotall ? OP_ANY_U : OP_DOT_U;
    emit_op(c, dir(op, back));
  } else if (n->strings && n->strings->n) {
    gen_strings(c, n, back);
  } else {
    gen_set(c, n->set, back);
  }
}

/* ==== Analysis ================================================================= */

/* Can the node match the empty string? */
static bool nullable(const RNode *n) {
  switch (n->kind) {
  case RN_CHAR: return false;
  case RN_CLASS:
    if (n->strings)
      for (int i = 0; i < n->strings->n; i++)
        if (n->strings->s[i].len == 0) return true;
    return false;
  case RN_SEQ:
    for (const RNode *k = n->kid; k; k = k->next)
      if (!nullable(k)) return false;
    return true;
  case RN_ALT:
    for (const RNode *k = n->kid; k; k = k->next)
      if (nullable(k)) return true;
    return false;
  case RN_GROUP: return nullable(n->kid);
  case RN_QUANT: return n->a == 0 || nullable(n->kid);
  default: return true; // empty, assertions, lookarounds, back references
  }
}

/* Does the node compile to one instruction that tests one character (for STAR)? */
static bool single_char(const RNode *n) {
  if (n->kind == RN_CLASS) return !n->strings || n->strings->n == 0;
  return n->kind == RN_CHAR;
}

/* ==== The tree to code ========================================================= */

static void gen(Compiler *c, const RNode *n, bool back);

static void gen_seq(Compiler *c, const RNode *n, bool back) {
  const RNode *kids[64], **all = kids;
  int count = 0;
  for (const RNode *k = n->kid; k; k = k->next) count++;
  if (count > 64) all = mem_alloc((size_t)count * sizeof(RNode *));
  int i = 0;
  for (const RNode *k = n->kid; k; k = k->next) all[back ? count - 1 - i++ : i++] = k;
  for (i = 0; i < count;) {
    int run = 0;
    while (i + run < count && plain_unit(c, all[i + run])) run++;
    if (run >= 2) { // a run of plain characters: one STRING
      emit1(c, dir(OP_STRING, back), (uint32_t)run);
      for (int k = 0; k < run; k++) emit(c, (uint32_t)all[back ? i + run - 1 - k : i + k]->a);
      i += run;
    } else {
      gen(c, all[i++], back);
    }
  }
  if (all != kids) free(all);
}

//> regexp.gen-alt
/* a|b|c:   SPLIT L1; a; JMP end; L1: SPLIT L2; b; JMP end; L2: c; end: */
static void gen_alt(Compiler *c, const RNode *n, bool back) {
  int jumps_cap = 16, njumps = 0;
  int *jumps = mem_alloc((size_t)jumps_cap * sizeof(int));
  for (const RNode *k = n->kid; k; k = k->next) {
    if (!k->next) {
      gen(c, k, back);
      break;
    }
    int split = emit1(c, OP_SPLIT, 0);
    gen(c, k, back);
    if (njumps == jumps_cap)
      jumps = mem_realloc_array(jumps, (size_t)(jumps_cap *= 2), sizeof(int));
    jumps[njumps++] = emit1(c, OP_JMP, 0) + 1;
    patch(c, split + 1);
  }
  for (int i = 0; i < njumps; i++) patch(c, jumps[i]);
  free(jumps);
}
//< regexp.gen-alt

/* The start of one iteration of a loop: remember the position (to catch an iteration
 * that matched nothing) and forget the captures of the previous one. */
static void gen_iteration_start(Compiler *c, const RNode *q, int progress, bool back) {
  if (progress >= 0) emit1(c, OP_SAVE, (uint32_t)progress);
  if (q->cap_lo >= q->cap_hi) return;
  // (x)* needs not reset the start of group x: the body sets it first thing.
  const RNode *first = q->kid->kind == RN_SEQ ? q->kid->kid : q->kid;
  int lo = 2 * q->cap_lo + (!back && first->kind == RN_GROUP && first->a == q->cap_lo);
  emit2(c, OP_RESET, (uint32_t)lo, (uint32_t)(2 * q->cap_hi));
}

//> regexp.gen-quant
/* x{min,max} where x is one character: a STAR and the test of x. */
static void gen_star(Compiler *c, const RNode *q, bool back) {
  emit_op(c, OP_STAR);
  emit(c, (uint32_t)q->a);
  emit(c, (uint32_t)q->b);
  int flags = emit(c, q->sub ? STAR_GREEDY : 0);
  emit(c, (uint32_t)-1); // the hint: star_hints fills it in
  int insn = c->len;
  if (q->kid->kind == RN_CHAR && c->unicode && q->kid->a > 0xFFFF) {
    CharSet s; // an astral character: one code point, not a STRING
    char_set(c, (uint32_t)q->kid->a, &s);
    if (cs_size(&s) == 1)
      emit1(c, dir(OP_CP_U, back), (uint32_t)q->kid->a);
    else
      gen_set(c, &s, back);
    cs_free(&s);
  } else {
    gen(c, q->kid, back);
  }
  ReOp op = (ReOp)c->code[insn];
  if (back) c->code[flags] |= STAR_BACKWARD;
  if (op == dir(OP_CP_U, back) || op == dir(OP_ANY_U, back) || op == dir(OP_DOT_U, back) ||
      op == dir(OP_CLASS_U, back))
    c->code[flags] |= STAR_CODE_POINTS;
}

/* x* and x? (SPLIT over x, and back), and x+ with an x that cannot be empty. */
static void gen_loop(Compiler *c, const RNode *q, int progress, bool back) {
  int head = c->len;
  if (q->a == 1) { // x+: x, then maybe again
    gen_iteration_start(c, q, -1, back);
    gen(c, q->kid, back);
    emit1(c, q->sub ? OP_SPLIT_LAZY : OP_SPLIT, (uint32_t)head);
    return;
  }
  int split = emit1(c, q->sub ? OP_SPLIT : OP_SPLIT_LAZY, 0);
  gen_iteration_start(c, q, progress, back);
  gen(c, q->kid, back);
  if (progress >= 0) emit1(c, OP_CHECK_PROGRESS, (uint32_t)progress);
  if (q->b == -1) emit1(c, OP_JMP, (uint32_t)head);
  patch(c, split + 1);
}

/* x{min,max} in general: a counter in a register, and LOOP / LOOP_NEXT around x. */
static void gen_counted(Compiler *c, const RNode *q, int progress, bool back) {
  int counter = new_register(c);
  emit1(c, OP_COUNT_INIT, (uint32_t)counter);
  int head = emit_op(c, q->sub ? OP_LOOP : OP_LOOP_LAZY);
  emit(c, (uint32_t)counter);
  emit(c, (uint32_t)q->a);
  emit(c, (uint32_t)q->b);
  int exit = emit(c, 0);
  gen_iteration_start(c, q, progress, back);
  gen(c, q->kid, back);
  emit_op(c, OP_LOOP_NEXT);
  emit(c, (uint32_t)counter);
  emit(c, (uint32_t)q->a);
  emit(c, (uint32_t)progress);
  emit(c, (uint32_t)head);
  patch(c, exit);
}

/* x{min,max}: the cheapest of the three shapes above that does it. An x that can match
 * the empty string gets a progress register: an iteration beyond min that consumes
 * nothing fails (ECMA-262 RepeatMatcher), which stops (a*)* from looping forever. */
static void gen_quant(Compiler *c, const RNode *q, bool back) {
  if (q->b == 0) return;
  if (single_char(q->kid)) {
    gen_star(c, q, back);
    return;
  }
  int progress = nullable(q->kid) ? new_register(c) : -1;
  bool star = q->a == 0 && (q->b == -1 || q->b == 1);
  bool plus = q->a == 1 && q->b == -1 && progress < 0;
  if (star || plus)
    gen_loop(c, q, progress, back);
  else
    gen_counted(c, q, progress, back);
}
//< regexp.gen-quant

static void gen_assert(Compiler *c, int which) {
  switch (which) {
  case RA_START: emit_op(c, OP_START); break;
  case RA_END: emit_op(c, OP_END); break;
  case RA_LINE_START: emit_op(c, OP_LINE_START); break;
  case RA_LINE_END: emit_op(c, OP_LINE_END); break;
  case RA_WORD: emit1(c, OP_WORD, c->unicode && c->icase); break;
  default: emit1(c, OP_NOT_WORD, c->unicode && c->icase); break;
  }
}

static void gen(Compiler *c, const RNode *n, bool back) {
  switch (n->kind) {
  case RN_EMPTY: break;
  case RN_CHAR: gen_char(c, (uint32_t)n->a, back); break;
  case RN_CLASS: gen_class(c, n, back); break;
  case RN_SEQ: gen_seq(c, n, back); break;
  case RN_ALT: gen_alt(c, n, back); break;
  case RN_GROUP: // backwards, the end of the group is reached first
    emit1(c, OP_SAVE, (uint32_t)(2 * n->a + back));
    gen(c, n->kid, back);
    emit1(c, OP_SAVE, (uint32_t)(2 * n->a + !back));
    break;
  case RN_LOOK: {
    int mark = new_register(c);
    int at = emit_op(c, OP_LOOK);
    emit(c, (uint32_t)mark);
    emit(c, (n->sub & RL_NEGATIVE) != 0);
    emit(c, 0);
    gen(c, n->kid, (n->sub & RL_BEHIND) != 0);
    emit1(c, OP_LOOK_END, (uint32_t)mark);
    patch(c, at + 3);
    break;
  }
  case RN_QUANT: gen_quant(c, n, back); break;
  case RN_BACKREF: {
    ReOp op = c->icase ? OP_BACKREF_I : OP_BACKREF;
    emit1(c, dir(op, back), (uint32_t)n->a);
    break;
  }
  case RN_ASSERT: gen_assert(c, n->sub); break;
  }
}

/* ==== Where a match can start ================================================== */

/* Adds the first code units of the characters of s: themselves, or lead surrogates. */
static void add_first_units(CharSet *first, const CharSet *s) {
  for (int i = 0; i < s->n; i++) {
    uint32_t lo = s->r[2 * i], hi = s->r[2 * i + 1];
    if (lo <= 0xFFFF) cs_add_range(first, lo, hi > 0xFFFF ? 0xFFFF : hi);
    if (hi > 0xFFFF) {
      uint32_t from = lo > 0xFFFF ? lo : 0x10000;
      cs_add_range(first, 0xD800 + ((from - 0x10000) >> 10), 0xD800 + ((hi - 0x10000) >> 10));
    }
  }
}

/* Adds to `first` the code units that can begin a match of n; returns whether n can
 * match the empty string, in which case what follows it can begin the match too. */
static bool first_units(Compiler *c, const RNode *n, CharSet *first) {
  switch (n->kind) {
  case RN_CHAR: {
    CharSet s;
    char_set(c, (uint32_t)n->a, &s);
    add_first_units(first, &s);
    cs_free(&s);
    return false;
  }
  case RN_CLASS:
    if (!n->set || (n->strings && n->strings->n))
      cs_add_range(first, 0, 0xFFFF);
    else
      add_first_units(first, n->set);
    return nullable(n);
  case RN_SEQ:
    for (const RNode *k = n->kid; k; k = k->next)
      if (!first_units(c, k, first)) return false;
    return true;
  case RN_ALT: {
    bool any = false;
    for (const RNode *k = n->kid; k; k = k->next) any |= first_units(c, k, first);
    return any;
  }
  case RN_GROUP: return first_units(c, n->kid, first);
  case RN_QUANT:
    if (n->b == 0) return true;
    return first_units(c, n->kid, first) || n->a == 0;
  case RN_BACKREF: cs_add_range(first, 0, 0xFFFF); return true;
  default: return true; // assertions and lookarounds consume nothing
  }
}

/* Does every match begin with the assertion `which` (^ without m, or with m)? */
static bool anchored(const RNode *n, int which) {
  if (n->kind == RN_ASSERT) return n->sub == which;
  if (n->kind == RN_SEQ || n->kind == RN_GROUP) return anchored(n->kid, which);
  if (n->kind != RN_ALT) return false;
  for (const RNode *k = n->kid; k; k = k->next)
    if (!anchored(k, which)) return false;
  return true;
}

static int insn_size(const uint32_t *insn) {
  return 1 + regexp_op_sizes[insn[0]] +
         (insn[0] == OP_STRING || insn[0] == OP_STRING_B ? (int)insn[1] : 0);
}

/* A greedy forward STAR followed by a test of one code unit can give back characters
 * straight to the places where that unit is: record the unit as the STAR's hint. */
static void star_hints(Compiler *c) {
  for (int pc = 0; pc < c->len; pc += insn_size(c->code + pc)) {
    uint32_t *star = c->code + pc;
    if (star[0] != OP_STAR || star[3] != STAR_GREEDY) continue;
    const uint32_t *after = star + 5 + insn_size(star + 5);
    if (after[0] == OP_CHAR)
      star[4] = after[1];
    else if (after[0] == OP_STRING)
      star[4] = after[2];
  }
}

static void find_start_hints(Compiler *c, const RNode *tree) {
  RegExp *re = c->re;
  re->anchored = anchored(tree, RA_START);
  re->line_anchored = anchored(tree, RA_LINE_START);
  CharSet first;
  cs_init(&first);
  if (!first_units(c, tree, &first) && cs_size(&first) < 0x10000) {
    for (int i = 0; i < first.n; i++) {
      uint32_t lo = first.r[2 * i], hi = first.r[2 * i + 1];
      if (hi - lo >= 255)
        memset(re->first, 0xFF, sizeof re->first);
      else
        for (uint32_t u = lo; u <= hi; u++) re->first[(u & 0xFF) >> 3] |= (uint8_t)(1u << (u & 7));
    }
    re->use_first = false;
    for (int i = 0; i < 32; i++)
      if (re->first[i] != 0xFF) re->use_first = true;
  }
  cs_free(&first);
}

/* ==== Entry points ============================================================= */

void re_compile_tree(RegExp *re, const ParseResult *pr) {
  Compiler c = {0};
  c.re = re;
  c.unicode = (re->flags & (REGEXP_UNICODE | REGEXP_UNICODE_SETS)) != 0;
  c.icase = (re->flags & REGEXP_IGNORE_CASE) != 0;
  c.dotall = (re->flags & REGEXP_DOT_ALL) != 0;
  re->ncaps = pr->ncaptures + 1;
  re->nregs = 2 * re->ncaps;
  gen(&c, pr->tree, false);
  emit_op(&c, OP_MATCH);
  star_hints(&c);
  re->code = c.code;
  re->code_len = c.len;
  find_start_hints(&c, pr->tree);
}

RegExp *regexp_compile(RegExpText pattern, int flags, const char **error) {
  Arena arena = {0};
  ParseResult pr;
  re_parse(pattern, flags, &arena, &pr);
  if (pr.error) {
    *error = pr.error;
    for (int g = 0; g < pr.ncaptures && pr.names; g++) free(pr.names[g].units);
    free(pr.names);
    arena_free(&arena);
    return NULL;
  }
  RegExp *re = mem_calloc(1, sizeof(RegExp));
  re->flags = flags;
  re->names = mem_calloc((size_t)pr.ncaptures + 1, sizeof(GroupName));
  for (int g = 0; g < pr.ncaptures && pr.names; g++) re->names[g + 1] = pr.names[g];
  free(pr.names);
  re->has_names = pr.has_names;
  re_compile_tree(re, &pr);
  arena_free(&arena);
  *error = NULL;
  return re;
}

void regexp_free(RegExp *re) {
  if (!re) return;
  for (int i = 0; i < re->nclasses; i++) free(re->classes[i].r);
  for (int i = 0; i < re->nstrsets; i++) {
    for (int k = 0; k < re->strsets[i].n; k++) free(re->strsets[i].s[k].cps);
    free(re->strsets[i].s);
  }
  for (int g = 0; g < re->ncaps; g++) free(re->names[g].units);
  free(re->names);
  free(re->classes);
  free(re->strsets);
  free(re->code);
  free(re);
}

int regexp_flags(const RegExp *re) { return re->flags; }

int regexp_capture_count(const RegExp *re) { return re->ncaps; }

bool regexp_has_named_groups(const RegExp *re) { return re->has_names; }

const uint16_t *regexp_group_name(const RegExp *re, int group, size_t *length) {
  if (group <= 0 || group >= re->ncaps || re->names[group].len == 0) return NULL;
  *length = (size_t)re->names[group].len;
  return re->names[group].units;
}

static const char FLAG_LETTERS[] = "dgimsuvy";

int regexp_flags_string(int flags, char out[9]) {
  int n = 0;
  for (int i = 0; i < 8; i++)
    if (flags & (1 << i)) out[n++] = FLAG_LETTERS[i];
  out[n] = 0;
  return n;
}

int regexp_parse_flags(RegExpText flags) {
  int bits = 0;
  for (size_t i = 0; i < flags.length; i++) {
    uint32_t ch =
        flags.wide ? ((const uint16_t *)flags.chars)[i] : ((const uint8_t *)flags.chars)[i];
    const char *at = ch && ch < 128 ? strchr(FLAG_LETTERS, (int)ch) : NULL;
    if (!at || (bits & (1 << (at - FLAG_LETTERS)))) return -1;
    bits |= 1 << (at - FLAG_LETTERS);
  }
  if ((bits & REGEXP_UNICODE) && (bits & REGEXP_UNICODE_SETS)) return -1;
  return bits;
}

/* exec.c - the matcher: a backtracking interpreter of the bytecode of compile.c.
 * Book: chapter 14, "Regular expressions".
 *
 * Every decision the matcher may have to undo leaves an entry on its backtrack stack:
 * a choice point (where to resume, at which position), the old value of a register it
 * overwrote, the start of a lookaround. Failing pops entries, restoring registers, until
 * a choice point takes over. The stack is a growable array on the heap, never the C
 * stack, so a pattern like /(a*)*b/ can be slow but never crashes; a limit on its size
 * and a step budget with an interrupt callback bound what one exec may cost.
 * Entry points: regexp_exec, regexp_runner_*.
 */
#include <string.h>

#include "stdlib/regexp/internal.h"

/* ==== The backtrack stack ====================================================== */

//> regexp.entry
/* One entry of the backtrack stack. The low three bits of `tag_pc` say what it is, the
 * rest is an instruction index (a place to resume). */
typedef struct {
  uint32_t tag_pc;
  int32_t pos;
  int32_t x;
} Entry;

enum {
  E_CHOICE,   /* resume at pc, at position pos */
  E_RESTORE,  /* register x had the value pos */
  E_MARK,     /* a lookaround started at pos; x = 1 if negative; pc: after it */
  E_GIVEBACK, /* a greedy STAR at pc reached pos and may give back down to x */
  E_LAZY,     /* a lazy STAR at pc at pos, x characters so far, may take one more */
  E_STRSET,   /* a STRSET at pc at pos may try its alternatives from x on */
};
//< regexp.entry

struct RegExpRunner {
  Entry *stack;
  size_t cap;   /* entries */
  size_t limit; /* bytes */
  int32_t *regs;
  int regs_cap;
  bool (*interrupt)(void *opaque);
  void *opaque;
  uint32_t interval;
};

RegExpRunner *regexp_runner_new(void) {
  RegExpRunner *r = mem_calloc(1, sizeof(RegExpRunner));
  r->limit = 64u << 20;
  r->interval = 1u << 20;
  return r;
}

void regexp_runner_free(RegExpRunner *r) {
  if (!r) return;
  free(r->stack);
  free(r->regs);
  free(r);
}

void regexp_runner_set_interrupt(RegExpRunner *r, bool (*interrupt)(void *opaque), void *opaque,
                                 uint32_t interval) {
  r->interrupt = interrupt;
  r->opaque = opaque;
  r->interval = interval ? interval : 1;
}

void regexp_runner_set_stack_limit(RegExpRunner *r, size_t bytes) { r->limit = bytes; }

/* ==== Reading the subject ====================================================== */

/* One match attempt's view of the world. */
typedef struct {
  const RegExp *re;
  const uint8_t *s8;   /* the subject, Latin-1 ... */
  const uint16_t *s16; /* ... or UTF-16 */
  int32_t len;
  bool unicode;
  RegExpRunner *r;
  int32_t *regs;
  uint32_t budget;
} Match;

static inline uint32_t unit_at(const Match *m, int32_t i) { return m->s16 ? m->s16[i] : m->s8[i]; }

static inline bool is_lead(uint32_t c) { return (c & 0xFC00) == 0xD800; }
static inline bool is_trail(uint32_t c) { return (c & 0xFC00) == 0xDC00; }

/* The code point at pos (pos < len); *w is how many code units it takes. In the middle
 * of a surrogate pair there is no character at all (*w is 0): like V8, the search tries
 * every code unit even with u, but nothing can match half a pair there. */
static inline uint32_t cp_at(const Match *m, int32_t pos, int *w) {
  uint32_t c = unit_at(m, pos);
  *w = 1;
  if (is_lead(c) && pos + 1 < m->len && is_trail(unit_at(m, pos + 1))) {
    *w = 2;
    return 0x10000 + ((c - 0xD800) << 10) + (unit_at(m, pos + 1) - 0xDC00);
  }
  if (is_trail(c) && pos > 0 && is_lead(unit_at(m, pos - 1))) *w = 0;
  return c;
}

/* The code point that ends at pos (pos > 0); *w is 0 in the middle of a pair. */
static inline uint32_t cp_before(const Match *m, int32_t pos, int *w) {
  uint32_t c = unit_at(m, pos - 1);
  *w = 1;
  if (is_trail(c) && pos >= 2 && is_lead(unit_at(m, pos - 2))) {
    *w = 2;
    return 0x10000 + ((unit_at(m, pos - 2) - 0xD800) << 10) + (c - 0xDC00);
  }
  if (is_lead(c) && pos < m->len && is_trail(unit_at(m, pos))) *w = 0;
  return c;
}

static inline bool is_line_terminator(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static inline bool class_has(const ReClass *k, uint32_t c) {
  if (c < 256) return (k->bits[c >> 5] >> (c & 31)) & 1;
  int lo = 0, hi = k->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) >> 1;
    if (c < k->r[2 * mid])
      hi = mid - 1;
    else if (c > k->r[2 * mid + 1])
      lo = mid + 1;
    else
      return true;
  }
  return false;
}

/* IsWordChar at position i (false outside the subject); with u and i, the two
 * characters that fold to word characters count too. */
static inline bool word_at(const Match *m, int32_t i, bool unicode_icase) {
  if (i < 0 || i >= m->len) return false;
  uint32_t c = unit_at(m, i);
  if (c < 128)
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
  return unicode_icase && (c == 0x017F || c == 0x212A);
}

/* ==== One character ============================================================ */

//> regexp.step
/* Runs the one-character instruction at pc from pos: the position after the character
 * (before it, for a backward instruction), or -1 when it does not match. */
static inline int32_t step(const Match *m, const uint32_t *pc, int32_t pos) {
  uint32_t c;
  int w;
  switch (pc[0]) {
  case OP_CHAR: return pos < m->len && unit_at(m, pos) == pc[1] ? pos + 1 : -1;
  case OP_CHAR_B: return pos > 0 && unit_at(m, pos - 1) == pc[1] ? pos - 1 : -1;
  case OP_CHAR2:
    if (pos >= m->len) return -1;
    c = unit_at(m, pos);
    return c == pc[1] || c == pc[2] ? pos + 1 : -1;
  case OP_CHAR2_B:
    if (pos <= 0) return -1;
    c = unit_at(m, pos - 1);
    return c == pc[1] || c == pc[2] ? pos - 1 : -1;
  case OP_ANY: return pos < m->len ? pos + 1 : -1;
  case OP_ANY_B: return pos > 0 ? pos - 1 : -1;
  case OP_DOT: return pos < m->len && !is_line_terminator(unit_at(m, pos)) ? pos + 1 : -1;
  case OP_DOT_B: return pos > 0 && !is_line_terminator(unit_at(m, pos - 1)) ? pos - 1 : -1;
  case OP_CLASS:
    return pos < m->len && class_has(&m->re->classes[pc[1]], unit_at(m, pos)) ? pos + 1 : -1;
  case OP_CLASS_B:
    return pos > 0 && class_has(&m->re->classes[pc[1]], unit_at(m, pos - 1)) ? pos - 1 : -1;
  }
  // The code-point instructions: read one, forwards or backwards, then test it.
  bool back =
      pc[0] == OP_CP_U_B || pc[0] == OP_ANY_U_B || pc[0] == OP_DOT_U_B || pc[0] == OP_CLASS_U_B;
  if (back ? pos <= 0 : pos >= m->len) return -1;
  c = back ? cp_before(m, pos, &w) : cp_at(m, pos, &w);
  if (w == 0) return -1;
  switch (pc[0]) {
  case OP_CP_U:
  case OP_CP_U_B:
    if (c != pc[1]) return -1;
    break;
  case OP_DOT_U:
  case OP_DOT_U_B:
    if (is_line_terminator(c)) return -1;
    break;
  case OP_CLASS_U:
  case OP_CLASS_U_B:
    if (!class_has(&m->re->classes[pc[1]], c)) return -1;
    break;
  case OP_ANY_U:
  case OP_ANY_U_B: break;
  default: return -1; // OP_FAIL: an empty class
  }
  return back ? pos - w : pos + w;
}
//< regexp.step

/* One character back along the way a STAR (its flags) came: from pos towards `limit`,
 * and with a hint on to the next place where the hinted code unit is. */
static int32_t give_back(const Match *m, const uint32_t *star, int32_t pos, int32_t limit) {
  bool pairs = star[3] & STAR_CODE_POINTS;
  if (star[3] & STAR_BACKWARD) {
    if (pairs && pos + 2 <= limit && is_lead(unit_at(m, pos)) && is_trail(unit_at(m, pos + 1)))
      return pos + 2;
    return pos + 1;
  }
  do {
    if (pairs && pos - 2 >= limit && is_trail(unit_at(m, pos - 1)) && is_lead(unit_at(m, pos - 2)))
      pos -= 2;
    else
      pos--;
  } while (pos > limit && star[4] != (uint32_t)-1 && unit_at(m, pos) != star[4]);
  return pos;
}

/* ==== Strings and back references ============================================== */

static inline uint32_t fold(uint32_t c, bool icase, bool unicode) {
  return icase ? uni_canon(c, unicode) : c;
}

/* The text of [s, e) again at pos (forwards, or ending at pos backwards), comparing
 * code points with u or v and code units without; the new position or -1. */
static int32_t backref(const Match *m, int32_t s, int32_t e, int32_t pos, bool back, bool icase) {
  if (!icase) {
    int32_t n = e - s;
    int32_t at = back ? pos - n : pos;
    if (at < 0 || at + n > m->len) return -1;
    for (int32_t i = 0; i < n; i++)
      if (unit_at(m, s + i) != unit_at(m, at + i)) return -1;
    return back ? at : pos + n;
  }
  int w1, w2;
  if (!back) {
    while (s < e) {
      if (pos >= m->len) return -1;
      uint32_t a = m->unicode ? cp_at(m, s, &w1) : (w1 = 1, unit_at(m, s));
      uint32_t b = m->unicode ? cp_at(m, pos, &w2) : (w2 = 1, unit_at(m, pos));
      if (!w1 || !w2 || (a != b && uni_canon(a, m->unicode) != uni_canon(b, m->unicode))) return -1;
      s += w1, pos += w2;
    }
    return pos;
  }
  while (e > s) {
    if (pos <= 0) return -1;
    uint32_t a = m->unicode ? cp_before(m, e, &w1) : (w1 = 1, unit_at(m, e - 1));
    uint32_t b = m->unicode ? cp_before(m, pos, &w2) : (w2 = 1, unit_at(m, pos - 1));
    if (!w1 || !w2 || (a != b && uni_canon(a, m->unicode) != uni_canon(b, m->unicode))) return -1;
    e -= w1, pos -= w2;
  }
  return pos;
}

/* One string of a v-flag class at pos; the new position or -1. */
static int32_t class_string(const Match *m, const ClassString *str, int32_t pos, bool back) {
  bool icase = (m->re->flags & REGEXP_IGNORE_CASE) != 0;
  int w;
  for (int i = 0; i < str->len; i++) {
    uint32_t want = str->cps[back ? str->len - 1 - i : i], c;
    if (back ? pos <= 0 : pos >= m->len) return -1;
    c = back ? cp_before(m, pos, &w) : cp_at(m, pos, &w);
    if (w == 0 || fold(c, icase, true) != want) return -1;
    pos = back ? pos - w : pos + w;
  }
  return pos;
}

/* Alternative k of a STRSET: its strings longest first, then its single characters, then
 * the empty string if it has it. The new position or -1. */
static int32_t strset_try(const Match *m, const ReStrSet *t, int k, int32_t pos, bool back) {
  int nonempty = t->n && t->s[t->n - 1].len == 0 ? t->n - 1 : t->n;
  if (k < nonempty) return class_string(m, &t->s[k], pos, back);
  if (k == nonempty) {
    int w;
    if (t->chars < 0 || (back ? pos <= 0 : pos >= m->len)) return -1;
    uint32_t c = back ? cp_before(m, pos, &w) : cp_at(m, pos, &w);
    return w && class_has(&m->re->classes[t->chars], c) ? (back ? pos - w : pos + w) : -1;
  }
  return pos; // the empty string
}

/* ==== The interpreter ========================================================== */

typedef struct {
  Match *m;
  Entry *stack; /* the runner's array, cached here (push may move it) */
  size_t sp, cap;
  int status; /* set when the stack overflows or the interrupt fires */
} Stack;

/* Grows the stack (doubling, up to the runner's limit); false past the limit. */
static bool grow(Stack *st) {
  RegExpRunner *r = st->m->r;
  size_t cap = st->cap ? st->cap * 2 : 256;
  if (cap * sizeof(Entry) > r->limit) cap = r->limit / sizeof(Entry);
  if (cap <= st->sp) {
    st->status = REGEXP_STACK_OVERFLOW;
    return false;
  }
  r->stack = st->stack = mem_realloc_array(r->stack, cap, sizeof(Entry));
  r->cap = st->cap = cap;
  return true;
}

/* Pushes an entry; false (with st->status set) when the stack may not grow. */
static inline bool push(Stack *st, uint32_t tag, uint32_t pc, int32_t pos, int32_t x) {
  if (st->sp == st->cap && !grow(st)) return false;
  st->stack[st->sp++] = (Entry){pc << 3 | tag, pos, x};
  return true;
}

/* Sets register i, remembering the old value for backtracking. */
static inline bool set_reg(Stack *st, uint32_t i, int32_t value) {
  int32_t *regs = st->m->regs;
  if (regs[i] == value) return true; // nothing to undo
  if (!push(st, E_RESTORE, 0, regs[i], (int32_t)i)) return false;
  regs[i] = value;
  return true;
}

/* Counts a step; every `interval` steps asks the interrupt callback. */
static inline bool tick(Stack *st) {
  Match *m = st->m;
  if (--m->budget) return true;
  m->budget = m->r->interval;
  if (m->r->interrupt && m->r->interrupt(m->r->opaque)) {
    st->status = REGEXP_INTERRUPTED;
    return false;
  }
  return true;
}

/* A positive lookaround matched: keep the register changes made inside it (they are
 * undone if the match backtracks past it) but drop its choice points, and the mark. */
static void commit_lookaround(Stack *st, size_t mark) {
  Entry *s = st->stack;
  size_t out = mark;
  for (size_t i = mark + 1; i < st->sp; i++)
    if ((s[i].tag_pc & 7) == E_RESTORE) s[out++] = s[i];
  st->sp = out;
}

/* Pops entries down to `to`, restoring the registers they saved. */
static void unwind(Stack *st, size_t to) {
  Entry *s = st->stack;
  while (st->sp > to) {
    Entry *e = &s[--st->sp];
    if ((e->tag_pc & 7) == E_RESTORE) st->m->regs[e->x] = e->pos;
  }
}

/* Repeats the one-character instruction insn from pos as long as it matches, at most
 * `room` times (-1: no limit); adds the repetitions to *count, returns the position.
 * The common instructions get a loop of their own. */
static int32_t repeat(const Match *m, const uint32_t *insn, int32_t pos, int32_t room,
                      int32_t *count) {
  int32_t end = m->len, start = pos;
  if (room >= 0 && room < end - pos) end = pos + room;
  switch (insn[0]) {
  case OP_CHAR:
    if (m->s8)
      while (pos < end && m->s8[pos] == insn[1]) pos++;
    else
      while (pos < end && m->s16[pos] == insn[1]) pos++;
    break;
  case OP_CLASS: {
    const ReClass *k = &m->re->classes[insn[1]];
    if (m->s8)
      while (pos < end && class_has(k, m->s8[pos])) pos++;
    else
      while (pos < end && class_has(k, m->s16[pos])) pos++;
    break;
  }
  case OP_DOT:
    while (pos < end && !is_line_terminator(unit_at(m, pos))) pos++;
    break;
  case OP_ANY: pos = end; break;
  default: { // the rest, one step at a time (count characters, not code units)
    int32_t n = 0, q;
    while ((room < 0 || n < room) && (q = step(m, insn, pos)) >= 0) pos = q, n++;
    *count += n;
    return pos;
  }
  }
  *count += pos - start;
  return pos;
}

#define OPERANDS(pc) (1 + regexp_op_sizes[(pc)[0]])
#define GUARD(ok)                                                                                  \
  do {                                                                                             \
    if (!(ok)) return st.status;                                                                   \
  } while (0)

static int run(Match *m, int32_t start) {
  const uint32_t *code = m->re->code, *pc = code;
  int32_t *regs = m->regs, pos = start;
  Stack st = {m, m->r->stack, 0, m->r->cap, REGEXP_NO_MATCH};
  for (;;) {
    switch (*pc) {
    case OP_CHAR:
      if (pos >= m->len || unit_at(m, pos) != pc[1]) goto fail;
      pos++;
      pc += 2;
      continue;
    case OP_CHAR_B:
    case OP_CHAR2:
    case OP_CHAR2_B:
    case OP_CP_U:
    case OP_CP_U_B:
    case OP_ANY:
    case OP_ANY_B:
    case OP_ANY_U:
    case OP_ANY_U_B:
    case OP_DOT:
    case OP_DOT_B:
    case OP_DOT_U:
    case OP_DOT_U_B:
    case OP_CLASS:
    case OP_CLASS_B:
    case OP_CLASS_U:
    case OP_CLASS_U_B:
    case OP_FAIL:
      if ((pos = step(m, pc, pos)) < 0) goto fail;
      pc += OPERANDS(pc);
      continue;
    case OP_STRING: {
      uint32_t n = pc[1];
      if (pos + (int32_t)n > m->len) goto fail;
      for (uint32_t i = 0; i < n; i++)
        if (unit_at(m, pos + (int32_t)i) != pc[2 + i]) goto fail;
      pos += (int32_t)n;
      pc += 2 + n;
      continue;
    }
    case OP_STRING_B: {
      uint32_t n = pc[1];
      if (pos < (int32_t)n) goto fail;
      for (uint32_t i = 0; i < n; i++)
        if (unit_at(m, pos - (int32_t)n + (int32_t)i) != pc[2 + i]) goto fail;
      pos -= (int32_t)n;
      pc += 2 + n;
      continue;
    }
    case OP_STRSET:
    case OP_STRSET_B: {
      const ReStrSet *t = &m->re->strsets[pc[1]];
      bool back = *pc == OP_STRSET_B;
      for (int k = 0; k <= t->n; k++) {
        int32_t q = strset_try(m, t, k, pos, back);
        if (q < 0) continue;
        if (k < t->n) GUARD(push(&st, E_STRSET, (uint32_t)(pc - code), pos, k + 1));
        pos = q;
        pc += 2;
        goto next;
      }
      goto fail;
    }
    case OP_START:
      if (pos != 0) goto fail;
      pc++;
      continue;
    case OP_END:
      if (pos != m->len) goto fail;
      pc++;
      continue;
    case OP_LINE_START:
      if (pos != 0 && !is_line_terminator(unit_at(m, pos - 1))) goto fail;
      pc++;
      continue;
    case OP_LINE_END:
      if (pos != m->len && !is_line_terminator(unit_at(m, pos))) goto fail;
      pc++;
      continue;
    case OP_WORD:
    case OP_NOT_WORD: {
      bool boundary = word_at(m, pos - 1, pc[1]) != word_at(m, pos, pc[1]);
      if (boundary != (*pc == OP_WORD)) goto fail;
      pc += 2;
      continue;
    }
    case OP_BACKREF:
    case OP_BACKREF_B:
    case OP_BACKREF_I:
    case OP_BACKREF_I_B: {
      int32_t s = regs[2 * pc[1]], e = regs[2 * pc[1] + 1];
      if (s >= 0 && e >= 0) { // a group that did not participate matches the empty string
        bool back = *pc == OP_BACKREF_B || *pc == OP_BACKREF_I_B;
        pos = backref(m, s, e, pos, back, *pc >= OP_BACKREF_I);
        if (pos < 0) goto fail;
      }
      // With u, V8 also checks that a back reference does not end inside a pair.
      if (m->unicode && pos > 0 && pos < m->len && is_lead(unit_at(m, pos - 1)) &&
          is_trail(unit_at(m, pos)))
        goto fail;
      pc += 2;
      continue;
    }
    case OP_SAVE:
      GUARD(set_reg(&st, pc[1], pos));
      pc += 2;
      continue;
    case OP_RESET:
      for (uint32_t i = pc[1]; i < pc[2]; i++)
        if (regs[i] >= 0) GUARD(set_reg(&st, i, -1));
      pc += 3;
      continue;
    case OP_JMP:
      GUARD(tick(&st));
      pc = code + pc[1];
      continue;
    case OP_SPLIT: // try what follows; come back to pc[1]
      GUARD(push(&st, E_CHOICE, pc[1], pos, 0) && tick(&st));
      pc += 2;
      continue;
    case OP_SPLIT_LAZY: // try pc[1]; come back to what follows
      GUARD(push(&st, E_CHOICE, (uint32_t)(pc + 2 - code), pos, 0) && tick(&st));
      pc = code + pc[1];
      continue;
    case OP_CHECK_PROGRESS:
      if (regs[pc[1]] == pos) goto fail;
      pc += 2;
      continue;
    case OP_COUNT_INIT:
      GUARD(set_reg(&st, pc[1], 0));
      pc += 2;
      continue;
    case OP_LOOP:
    case OP_LOOP_LAZY: {
      int32_t count = regs[pc[1]], min = (int32_t)pc[2], max = (int32_t)pc[3];
      uint32_t body = (uint32_t)(pc + 5 - code), exit = pc[4];
      if (count < min) {
        pc += 5;
      } else if (max >= 0 && count >= max) {
        pc = code + exit;
      } else if (*pc == OP_LOOP) {
        GUARD(push(&st, E_CHOICE, exit, pos, 0));
        pc += 5;
      } else {
        GUARD(push(&st, E_CHOICE, body, pos, 0));
        pc = code + exit;
      }
      continue;
    }
    case OP_LOOP_NEXT: { // counter a, min b, progress register c, head d
      int32_t count = regs[pc[1]], progress = (int32_t)pc[3];
      if (progress >= 0 && count >= (int32_t)pc[2] && regs[progress] == pos) goto fail;
      GUARD(set_reg(&st, pc[1], count + 1) && tick(&st));
      pc = code + pc[4];
      continue;
    }
    case OP_STAR: {
      int32_t min = (int32_t)pc[1], max = (int32_t)pc[2], count = 0;
      const uint32_t *insn = pc + 5;
      uint32_t here = (uint32_t)(pc - code);
      if (pc[3] == STAR_GREEDY) { // one unit per character, forwards: one pass
        int32_t start = pos;
        pos = repeat(m, insn, pos, max, &count);
        if (count < min) goto fail;
        if (count > min) GUARD(push(&st, E_GIVEBACK, here, pos, start + min));
        pc = insn + OPERANDS(insn);
        continue;
      }
      if (min > 0) {
        pos = repeat(m, insn, pos, min, &count);
        if (count < min) goto fail;
      }
      if (pc[3] & STAR_GREEDY) { // as many as possible, then give back one at a time
        int32_t base = pos;
        pos = repeat(m, insn, pos, max < 0 ? -1 : max - count, &count);
        if (pos != base) GUARD(push(&st, E_GIVEBACK, here, pos, base));
      } else if (max < 0 || count < max) {
        GUARD(push(&st, E_LAZY, here, pos, count));
      }
      pc = insn + OPERANDS(insn);
      continue;
    }
    //> regexp.lookaround
    case OP_LOOK:                                                  // mark register, negative?, end
      GUARD(push(&st, E_RESTORE, 0, regs[pc[1]], (int32_t)pc[1])); // (set_reg may not push)
      regs[pc[1]] = (int32_t)st.sp;
      GUARD(push(&st, E_MARK, pc[3], pos, (int32_t)pc[2]));
      pc += 4;
      continue;
    case OP_LOOK_END: {
      size_t mark = (size_t)regs[pc[1]];
      Entry *e = &st.stack[mark];
      pos = e->pos;
      if (e->x) { // a negative lookaround whose body matched: it fails
        unwind(&st, mark);
        goto fail;
      }
      commit_lookaround(&st, mark);
      pc += 2;
      continue;
    }
    //< regexp.lookaround
    case OP_MATCH: regs[1] = pos; return REGEXP_MATCH;
    }
  fail:
    //> regexp.backtrack
    /* Pop entries until one says where to go on. */
    for (;;) {
      if (st.sp == 0) return REGEXP_NO_MATCH;
      Entry e = st.stack[--st.sp];
      const uint32_t *at = code + (e.tag_pc >> 3);
      int32_t q = -1;
      switch (e.tag_pc & 7) {
      case E_RESTORE: regs[e.x] = e.pos; continue;
      case E_CHOICE: pc = at, pos = e.pos; break;
      case E_MARK: // the lookaround's body failed: a negative one succeeds
        if (!e.x) continue;
        pc = at, pos = e.pos;
        break;
      case E_GIVEBACK:
        pos = give_back(m, at, e.pos, e.x);
        if (pos != e.x) GUARD(push(&st, E_GIVEBACK, e.tag_pc >> 3, pos, e.x));
        pc = at + 5 + OPERANDS(at + 5);
        break;
      case E_LAZY:
        if ((q = step(m, at + 5, e.pos)) < 0) continue;
        if ((int32_t)at[2] < 0 || e.x + 1 < (int32_t)at[2])
          GUARD(push(&st, E_LAZY, e.tag_pc >> 3, q, e.x + 1));
        pos = q;
        pc = at + 5 + OPERANDS(at + 5);
        break;
      default: { // E_STRSET: the next alternative that matches
        const ReStrSet *t = &m->re->strsets[at[1]];
        int k = e.x;
        for (; k <= t->n && (q = strset_try(m, t, k, e.pos, *at == OP_STRSET_B)) < 0; k++) {
        }
        if (k > t->n) continue;
        if (k < t->n) GUARD(push(&st, E_STRSET, e.tag_pc >> 3, e.pos, k + 1));
        pos = q;
        pc = at + 2;
        break;
      }
      }
      GUARD(tick(&st));
      break;
    }
    //< regexp.backtrack
  next:;
  }
}

/* ==== The search =============================================================== */

/* Could a match start at pos, judging by its first code unit? */
static inline bool may_start(const Match *m, int32_t pos) {
  uint32_t u = unit_at(m, pos) & 0xFF;
  return (m->re->first[u >> 3] >> (u & 7)) & 1;
}

/* One match attempt from pos, with every capture unset. */
static int attempt(Match *m, int32_t pos) {
  memset(m->regs, 0xFF, (size_t)m->re->ncaps * 2 * sizeof(int32_t));
  m->regs[0] = pos;
  return run(m, pos);
}

int regexp_exec(const RegExp *re, RegExpText subject, size_t start, int32_t *captures,
                RegExpRunner *runner) {
  if (start > subject.length) return REGEXP_NO_MATCH;
  RegExpRunner *r = runner ? runner : regexp_runner_new();
  if (r->regs_cap < re->nregs) {
    r->regs = mem_realloc_array(r->regs, (size_t)re->nregs, sizeof(int32_t));
    r->regs_cap = re->nregs;
  }
  Match m = {re, NULL, NULL, (int32_t)subject.length, false, r, r->regs, r->interval};
  if (subject.wide)
    m.s16 = subject.chars;
  else
    m.s8 = subject.chars;
  m.unicode = (re->flags & (REGEXP_UNICODE | REGEXP_UNICODE_SETS)) != 0;
  //> regexp.search
  int32_t pos = (int32_t)start, result = REGEXP_NO_MATCH;
  bool sticky = (re->flags & REGEXP_STICKY) != 0;
  // A start inside a surrogate pair (u, v): V8 first tries from the start of the pair.
  if (m.unicode && pos > 0 && pos < m.len && is_trail(unit_at(&m, pos)) &&
      is_lead(unit_at(&m, pos - 1)))
    result = attempt(&m, pos - 1);
  while (result == REGEXP_NO_MATCH && pos <= m.len) {
    if (re->anchored && pos != 0) break;
    if (!sticky && re->line_anchored) { // on to the start of the next line
      while (pos > 0 && pos < m.len && !is_line_terminator(unit_at(&m, pos - 1))) pos++;
      if (pos > 0 && !is_line_terminator(unit_at(&m, pos - 1))) break;
    }
    if (!sticky && re->use_first) {
      while (pos < m.len && !may_start(&m, pos)) pos++;
      if (pos == m.len) break; // the pattern cannot match the empty string
    }
    result = attempt(&m, pos);
    if (sticky) break;
    pos++; // by code units even with u, as V8 does (see cp_at)
  }
  //< regexp.search
  if (result == REGEXP_MATCH) memcpy(captures, m.regs, (size_t)re->ncaps * 2 * sizeof(int32_t));
  if (!runner) regexp_runner_free(r);
  return result;
}

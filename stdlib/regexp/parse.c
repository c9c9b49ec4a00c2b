/* parse.c - a pattern to a syntax tree (RNode), with V8's early errors.
 * Book: chapter 14, "Regular expressions".
 *
 * A recursive-descent parser for ECMA-262's Pattern grammar (22.2.1) and its Annex B
 * web-compatible form (used without u and v). Which error a bad pattern gets, and when,
 * follows V8's parser (node's engine), which reads left to right, checks duplicate group
 * names when a group closes and unknown \k<name> references at the very end. Classes and
 * escapes are in class.c. Entry point: re_parse.
 */
#include <string.h>

#include "stdlib/regexp/internal.h"

/* ==== Memory for the tree ====================================================== */

struct ArenaBlock {
  ArenaBlock *next;
  size_t used, size;
  max_align_t data[];
};

void *arena_alloc(Arena *a, size_t size) {
  size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
  ArenaBlock *b = a->blocks;
  if (!b || b->used + size > b->size) {
    size_t want = size > 16384 ? size : 16384;
    b = mem_alloc(sizeof(ArenaBlock) + want);
    b->size = want;
    b->used = 0;
    b->next = a->blocks;
    a->blocks = b;
  }
  void *p = (char *)b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

void arena_free(Arena *a) {
  while (a->blocks) {
    ArenaBlock *next = a->blocks->next;
    free(a->blocks);
    a->blocks = next;
  }
}

CharSet *arena_chars(Arena *a, CharSet *heap) {
  CharSet *s = arena_alloc(a, sizeof(CharSet));
  s->n = s->cap = heap->n;
  s->r = arena_alloc(a, (size_t)heap->n * 2 * sizeof(uint32_t) + 1);
  if (heap->n) memcpy(s->r, heap->r, (size_t)heap->n * 2 * sizeof(uint32_t));
  cs_free(heap);
  return s;
}

StrSet *arena_strings(Arena *a, StrSet *heap) {
  StrSet *t = arena_alloc(a, sizeof(StrSet));
  t->n = t->cap = heap->n;
  t->s = arena_alloc(a, (size_t)heap->n * sizeof(ClassString) + 1);
  for (int i = 0; i < heap->n; i++) {
    t->s[i].len = heap->s[i].len;
    t->s[i].cps = arena_alloc(a, (size_t)heap->s[i].len * sizeof(uint32_t) + 1);
    if (heap->s[i].len)
      memcpy(t->s[i].cps, heap->s[i].cps, (size_t)heap->s[i].len * sizeof(uint32_t));
  }
  ss_free(heap);
  return t;
}

RNode *re_node(Parser *p, RNodeKind kind) {
  RNode *n = arena_alloc(p->arena, sizeof(RNode));
  n->kind = (uint8_t)kind;
  return n;
}

/* ==== The cursor =============================================================== */

static uint32_t unit_at(const Parser *p, size_t i) {
  return p->src.wide ? ((const uint16_t *)p->src.chars)[i] : ((const uint8_t *)p->src.chars)[i];
}

static bool is_lead(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_trail(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

/* The character at code unit i: with u or v (or inside a group name) a surrogate pair
 * is one character. Sets *width to the code units it takes. */
static uint32_t char_at(const Parser *p, size_t i, int *width) {
  uint32_t c = unit_at(p, i);
  *width = 1;
  if ((p->unicode || p->force_unicode) && is_lead(c) && i + 1 < p->src.length &&
      is_trail(unit_at(p, i + 1))) {
    *width = 2;
    return 0x10000 + ((c - 0xD800) << 10) + (unit_at(p, i + 1) - 0xDC00);
  }
  return c;
}

uint32_t re_peek(Parser *p) {
  int width;
  return p->next < p->src.length ? char_at(p, p->next, &width) : RE_END;
}

void re_advance(Parser *p) {
  if (p->next < p->src.length) {
    int width;
    p->cur = char_at(p, p->next, &width);
    p->next += (size_t)width;
  } else {
    p->cur = RE_END;
    p->next = p->src.length + 1; // so that re_position is one past the end
    p->has_more = false;
  }
}

void re_advance_by(Parser *p, int n) {
  p->next += (size_t)n - 1;
  re_advance(p);
}

size_t re_position(Parser *p) { return p->next - (p->cur != RE_END && p->cur > 0xFFFF ? 2 : 1); }

void re_reset(Parser *p, size_t pos) {
  p->next = pos;
  p->has_more = pos < p->src.length;
  re_advance(p);
}

void *re_error(Parser *p, const char *message) {
  if (!p->error) p->error = message;
  p->cur = RE_END; // nothing more is read
  p->next = p->src.length;
  p->has_more = false;
  return NULL;
}

/* ==== Counting groups ahead ==================================================== */

/* Skips the rest of a class, with the cursor inside it (nested classes only with v). */
static void skip_class(Parser *p) {
  int nest = 0;
  for (uint32_t d; (d = p->cur) != RE_END;) {
    re_advance(p);
    if (d == '\\')
      re_advance(p);
    else if (d == '[' && p->sets)
      nest++;
    else if (d == ']' && nest-- == 0)
      break;
  }
}

//> regexp.scan-captures
/* Whether \5 is a back reference depends on the groups of the whole pattern, even those
 * after it, and without u whether \k is one depends on whether any group has a name. So
 * when the parser first needs to know, it skims the rest of the pattern like V8 does:
 * skipping escapes and classes, counting "(" that is not "(?" and "(?<" that is not a
 * lookbehind. */
static void scan_captures(Parser *p, bool in_class) {
  size_t saved = re_position(p);
  int count = p->captures_started;
  if (in_class) skip_class(p); // start by leaving the class the cursor is in
  for (uint32_t c; (c = p->cur) != RE_END;) {
    re_advance(p);
    if (c == '\\') {
      re_advance(p);
    } else if (c == '[') {
      skip_class(p);
    } else if (c == '(') {
      if (p->cur == '?') {
        re_advance(p);
        if (p->cur != '<') continue;
        re_advance(p);
        if (p->cur == '=' || p->cur == '!') continue;
        p->has_named = true;
      }
      count++;
    }
  }
  p->capture_count = count;
  p->scanned = true;
  re_reset(p, saved);
}
//< regexp.scan-captures

bool re_has_named_captures(Parser *p, bool in_class) {
  if (p->has_named || p->scanned) return p->has_named;
  scan_captures(p, in_class);
  return p->has_named;
}

/* ==== Groups and names ========================================================= */

static bool names_equal(const GroupName *a, const GroupName *b) {
  return a->len == b->len && !memcmp(a->units, b->units, (size_t)a->len * sizeof(uint16_t));
}

static void push_unit_name(GroupName *name, int *cap, uint32_t c) {
  if (name->len + 2 > *cap) {
    *cap = *cap ? *cap * 2 : 16;
    name->units = mem_realloc_array(name->units, (size_t)*cap, sizeof(uint16_t));
  }
  if (c > 0xFFFF) {
    name->units[name->len++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
    name->units[name->len++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
  } else {
    name->units[name->len++] = (uint16_t)c;
  }
}

/* GroupName :: < RegExpIdentifierName >, with the cursor just after "<". The name is
 * read as with the u flag whatever the flags (surrogate pairs and \u{...} allowed).
 * Returns false (error set) on a bad name; the caller owns name->units. */
static bool parse_group_name(Parser *p, GroupName *name) {
  int cap = 0;
  name->units = NULL;
  name->len = 0;
  // Step back one character and read again, now with pairs joined (as V8 does).
  p->next = re_position(p);
  p->force_unicode = true;
  for (bool at_start = true;; at_start = false) {
    re_advance(p);
    uint32_t c = p->cur;
    if (c == '\\' && re_peek(p) == 'u') {
      re_advance_by(p, 2);
      if (!re_parse_unicode_escape(p, &c)) {
        re_error(p, "Invalid Unicode escape");
        break;
      }
      p->next = re_position(p); // back onto the character after the escape
    }
    if (c == '\\' || (at_start ? !uni_id_start(c) : c != '>' && !uni_id_part(c))) {
      re_error(p, "Invalid capture group name");
      break;
    }
    if (c == '>') break;
    push_unit_name(name, &cap, c);
  }
  p->force_unicode = false;
  if (p->error) {
    free(name->units);
    name->units = NULL;
    name->len = 0;
    return false;
  }
  re_advance(p);
  return true;
}

/* Records the name of group `index` when it closes; a name seen before is an error. */
static bool register_name(Parser *p, int index) {
  for (int g = 0; g < p->captures_started; g++) {
    if (g != index - 1 && p->named_done[g] && names_equal(&p->names[g], &p->names[index - 1]))
      return re_error(p, "Duplicate capture group name"), false;
  }
  p->named_done[index - 1] = true;
  return true;
}

/* Makes room for the bookkeeping of group `index`. */
static void grow_groups(Parser *p, int index) {
  if (index <= p->names_cap) return;
  int old = p->names_cap;
  p->names_cap = index * 2;
  p->names = mem_realloc_array(p->names, (size_t)p->names_cap, sizeof(GroupName));
  p->named_done = mem_realloc_array(p->named_done, (size_t)p->names_cap, sizeof(bool));
  memset(p->names + old, 0, (size_t)(p->names_cap - old) * sizeof(GroupName));
  memset(p->named_done + old, 0, (size_t)(p->names_cap - old) * sizeof(bool));
}

static bool inside_group(const Parser *p, int index) {
  for (int i = 0; i < p->nopen; i++)
    if (p->open[i] == index) return true;
  return false;
}

static bool inside_named_group(const Parser *p, const GroupName *name) {
  for (int i = 0; i < p->nopen; i++)
    if (p->names[p->open[i] - 1].len && names_equal(&p->names[p->open[i] - 1], name)) return true;
  return false;
}

/* ==== The grammar ============================================================== */

static RNode *parse_disjunction(Parser *p);

/* A list of nodes being built: the children of a SEQ or an ALT. */
typedef struct {
  RNode *first, *last;
  int n;
} NodeList;

static void list_add(NodeList *l, RNode *n) {
  if (!n) return;
  if (l->last)
    l->last->next = n;
  else
    l->first = n;
  l->last = n;
  l->n++;
}

static RNode *list_node(Parser *p, NodeList *l, RNodeKind kind) {
  if (l->n == 0) return re_node(p, RN_EMPTY);
  if (l->n == 1) return l->first;
  RNode *n = re_node(p, kind);
  n->kid = l->first;
  return n;
}

static RNode *char_node(Parser *p, uint32_t c) {
  RNode *n = re_node(p, RN_CHAR);
  n->a = (int32_t)c;
  return n;
}

static RNode *assertion(Parser *p, int which) {
  RNode *n = re_node(p, RN_ASSERT);
  n->sub = (uint8_t)which;
  return n;
}

/* DecimalEscape as a back reference: the number after the backslash, if it is at most
 * the number of groups in the whole pattern (V8: ParseBackReferenceIndex). */
static bool parse_backref_index(Parser *p, int *index) {
  size_t start = re_position(p);
  int value = (int)(re_peek(p) - '0');
  re_advance_by(p, 2);
  while (p->cur >= '0' && p->cur <= '9') {
    value = value * 10 + (int)(p->cur - '0');
    if (value > RE_MAX_CAPTURES) {
      re_reset(p, start);
      return false;
    }
    re_advance(p);
  }
  if (value > p->captures_started) {
    if (!p->scanned) scan_captures(p, false);
    if (value > p->capture_count) {
      re_reset(p, start);
      return false;
    }
  }
  *index = value;
  return true;
}

static RNode *backref(Parser *p, int index) {
  if (inside_group(p, index)) return re_node(p, RN_EMPTY); // nothing captured yet: empty
  RNode *n = re_node(p, RN_BACKREF);
  n->a = index;
  return n;
}

/* \k<name>, with the cursor on "<". */
static RNode *named_backref(Parser *p) {
  if (p->cur != '<') return re_error(p, "Invalid named reference");
  re_advance(p);
  GroupName name;
  if (!parse_group_name(p, &name)) return NULL;
  if (inside_named_group(p, &name)) {
    free(name.units);
    return re_node(p, RN_EMPTY);
  }
  RNode *n = re_node(p, RN_BACKREF);
  n->name = arena_alloc(p->arena, (size_t)name.len * sizeof(uint16_t) + 1);
  memcpy((uint16_t *)n->name, name.units, (size_t)name.len * sizeof(uint16_t));
  n->name_len = name.len;
  free(name.units);
  if (p->nrefs == p->refs_cap) {
    p->refs_cap = p->refs_cap ? p->refs_cap * 2 : 8;
    p->refs = mem_realloc_array(p->refs, (size_t)p->refs_cap, sizeof(RNode *));
  }
  p->refs[p->nrefs++] = n;
  return n;
}

/* LegacyOctalEscapeSequence: up to three octal digits, value below 256. */
uint32_t re_parse_octal(Parser *p) {
  uint32_t value = p->cur - '0';
  re_advance(p);
  if (p->cur >= '0' && p->cur <= '7') {
    value = value * 8 + p->cur - '0';
    re_advance(p);
    if (value < 32 && p->cur >= '0' && p->cur <= '7') {
      value = value * 8 + p->cur - '0';
      re_advance(p);
    }
  }
  return value;
}

/* A class escape used outside a class: \d, \p{L}, ... or NULL (not one, or error). */
static RNode *escape_class(Parser *p, uint32_t c, bool *handled) {
  CharSet set;
  StrSet strings;
  cs_init(&set);
  ss_init(&strings);
  bool equivalents = (c == 'p' || c == 'P') ? p->icase : p->unicode && p->icase;
  *handled = re_class_escape(p, c, false, &set, &strings, equivalents);
  if (!*handled || p->error) {
    cs_free(&set);
    ss_free(&strings);
    return NULL;
  }
  if (p->icase) uni_close_over(&set, p->unicode);
  RNode *n = re_node(p, RN_CLASS);
  n->set = arena_chars(p->arena, &set);
  if (strings.n)
    n->strings = arena_strings(p->arena, &strings);
  else
    ss_free(&strings);
  return n;
}

/* DecimalEscape (\1 to \9...) outside a class: a back reference if the pattern has that
 * many groups, else (without u) \8 or \9 as digits or a legacy octal escape. */
static RNode *decimal_escape(Parser *p, uint32_t c) {
  int index;
  if (parse_backref_index(p, &index)) return backref(p, index);
  if (p->error) return NULL;
  if (p->unicode) return re_error(p, "Invalid escape");
  if (c >= '8') { // \8 and \9 are the digits themselves
    re_advance_by(p, 2);
    return char_node(p, c);
  }
  re_advance(p);
  return char_node(p, re_parse_octal(p));
}

/* AtomEscape, with the cursor on the backslash. *term is cleared for \b and \B, which
 * may not be quantified. */
static RNode *parse_atom_escape(Parser *p, bool *term) {
  uint32_t c = re_peek(p);
  if (c >= '1' && c <= '9') return decimal_escape(p, c);
  if (c < 128 && c && strchr("dDsSwWpP", (int)c)) {
    bool handled;
    RNode *n = escape_class(p, c, &handled);
    if (handled || p->error) return n;
    re_advance_by(p, 2); // \p without u is a p
    return char_node(p, c);
  }
  switch (c) {
  case RE_END: return re_error(p, "\\ at end of pattern");
  case '0':
    re_advance(p);
    if (p->unicode && re_peek(p) >= '0' && re_peek(p) <= '9')
      return re_error(p, "Invalid decimal escape");
    return char_node(p, re_parse_octal(p));
  case 'b':
  case 'B':
    re_advance_by(p, 2);
    *term = false;
    return assertion(p, c == 'b' ? RA_WORD : RA_NOT_WORD);
  case 'k':
    if (!p->unicode && !re_has_named_captures(p, false)) break;
    re_advance_by(p, 2);
    return named_backref(p);
  }
  bool unicode_escape = false;
  uint32_t ch = re_character_escape(p, false, &unicode_escape);
  return p->error ? NULL : char_node(p, ch);
}

/* QuantifierPrefix :: { DecimalDigits } | { DecimalDigits , } | { DecimalDigits ,
 * DecimalDigits }. Returns false (cursor unmoved) when the braces are not a quantifier.
 * Numbers too large for an int become INT32_MAX, as V8's do. */
static bool parse_interval(Parser *p, int32_t *min, int32_t *max) {
  size_t start = re_position(p);
  re_advance(p);
  if (p->cur < '0' || p->cur > '9') {
    re_reset(p, start);
    return false;
  }
  int64_t lo = 0, hi;
  while (p->cur >= '0' && p->cur <= '9') {
    lo = lo * 10 + (p->cur - '0');
    if (lo > INT32_MAX) lo = INT32_MAX;
    re_advance(p);
  }
  hi = lo;
  if (p->cur == ',') {
    re_advance(p);
    hi = -1;
    if (p->cur != '}') {
      for (hi = 0; p->cur >= '0' && p->cur <= '9'; re_advance(p)) {
        hi = hi * 10 + (p->cur - '0');
        if (hi > INT32_MAX) hi = INT32_MAX;
      }
    }
  }
  if (p->cur != '}') {
    re_reset(p, start);
    return false;
  }
  re_advance(p);
  *min = (int32_t)lo;
  *max = hi < 0 ? INT32_MAX : (int32_t)hi;
  return true;
}

/* Can the node match nothing but the empty string, as V8 sees it (max_match() == 0)?
 * V8 drops such an atom from a quantifier, which changes nothing that the spec would
 * do, except for the classes of the v flag that V8 wrongly believes empty (class.c). */
static bool zero_width(const RNode *n) {
  switch (n->kind) {
  case RN_CHAR:
  case RN_BACKREF: return false;
  case RN_CLASS: return n->sub;
  case RN_GROUP: return zero_width(n->kid);
  case RN_QUANT: return n->b == 0 || zero_width(n->kid);
  case RN_SEQ:
  case RN_ALT:
    for (const RNode *k = n->kid; k; k = k->next)
      if (!zero_width(k)) return false;
    return true;
  default: return true; // empty, assertions, lookarounds
  }
}

/* QuantifierPrefix at the cursor: 1 with its bounds (max INT32_MAX: no limit), 0 when
 * there is none, -1 on an error. */
static int parse_quantifier_prefix(Parser *p, int32_t *min, int32_t *max) {
  uint32_t c = p->cur;
  if (c == '*' || c == '+' || c == '?') {
    *min = c == '+';
    *max = c == '?' ? 1 : INT32_MAX;
    re_advance(p);
    return 1;
  }
  if (c != '{') return 0;
  if (parse_interval(p, min, max)) {
    if (*max < *min) return re_error(p, "numbers out of order in {} quantifier"), -1;
    return 1;
  }
  if (p->unicode) return re_error(p, "Incomplete quantifier"), -1;
  return 0;
}

/* Wraps `atom` in the quantifier at the cursor, if there is one. */
static RNode *parse_quantifier(Parser *p, RNode *atom, int cap_before) {
  int32_t min, max;
  int found = parse_quantifier_prefix(p, &min, &max);
  if (found <= 0) return found ? NULL : atom;
  bool greedy = p->cur != '?';
  if (!greedy) re_advance(p);
  if (atom->kind == RN_EMPTY) return atom; // V8's AddEmpty swallows the quantifier
  if (atom->kind == RN_LOOK && (p->unicode || (atom->sub & RL_BEHIND)))
    return re_error(p, "Invalid quantifier");
  if (zero_width(atom)) return min == 0 ? re_node(p, RN_EMPTY) : atom; // as V8 does
  RNode *q = re_node(p, RN_QUANT);
  q->a = min;
  q->b = max == INT32_MAX ? -1 : max;
  q->sub = greedy;
  q->kid = atom;
  q->cap_lo = cap_before + 1;
  q->cap_hi = p->captures_started + 1;
  return q;
}

/* After "(?": the kind of group, as a new node (RN_EMPTY for "(?:"); *named is set for
 * "(?<name>". The cursor ends on the body (or on the name). */
static RNode *group_kind(Parser *p, bool *named) {
  uint32_t c = re_peek(p);
  RNode *n;
  if (c == ':' || c == '=' || c == '!') {
    re_advance_by(p, 2);
    n = re_node(p, c == ':' ? RN_EMPTY : RN_LOOK);
    n->sub = c == '!' ? RL_NEGATIVE : 0;
    return n;
  }
  if (c != '<') return re_error(p, "Invalid group");
  re_advance(p);
  uint32_t d = re_peek(p);
  if (d == '=' || d == '!') {
    re_advance_by(p, 2);
    n = re_node(p, RN_LOOK);
    n->sub = RL_BEHIND | (d == '!' ? RL_NEGATIVE : 0);
    return n;
  }
  *named = p->has_named = true;
  re_advance(p);
  return re_node(p, RN_GROUP);
}

/* A capture group starts: number it, read its name, note that the cursor is inside it. */
static bool open_capture(Parser *p, RNode *n, bool named) {
  if (p->captures_started >= RE_MAX_CAPTURES) return re_error(p, "Too many captures"), false;
  n->a = ++p->captures_started;
  grow_groups(p, n->a);
  if (named && !parse_group_name(p, &p->names[n->a - 1])) return false;
  if (p->nopen == p->open_cap) {
    p->open_cap = p->open_cap ? p->open_cap * 2 : 16;
    p->open = mem_realloc_array(p->open, (size_t)p->open_cap, sizeof(int));
  }
  p->open[p->nopen++] = n->a;
  return true;
}

/* The part of a group after "(": its kind, name, body and ")". */
static RNode *parse_group(Parser *p) {
  bool named = false;
  re_advance(p);
  RNode *n = p->cur == '?' ? group_kind(p, &named) : re_node(p, RN_GROUP);
  if (!n || (n->kind == RN_GROUP && !open_capture(p, n, named))) return NULL;
  int cap_before = p->captures_started;
  RNode *body = parse_disjunction(p);
  if (n->kind == RN_GROUP) p->nopen--;
  if (!body) return NULL;
  if (p->cur != ')') return re_error(p, "Unterminated group");
  re_advance(p);
  if (named && !register_name(p, n->a)) return NULL;
  if (n->kind == RN_EMPTY) { // (?:...) is just its body, but never a quantifiable lookaround
    if (body->kind != RN_LOOK) return body;
    n->kind = RN_SEQ;
  }
  n->kid = body;
  n->cap_lo = cap_before + 1;
  n->cap_hi = p->captures_started + 1;
  return n;
}

//> regexp.parse-term
/* Term :: Assertion | Atom Quantifier? (V8's ParseDisjunction loop, one turn). Returns
 * the term, or NULL with p->error set. */
static RNode *parse_term(Parser *p) {
  RNode *atom;
  bool quantifiable = true;
  int cap_before = p->captures_started;
  switch (p->cur) {
  case '*':
  case '+':
  case '?': return re_error(p, "Nothing to repeat");
  case '^': re_advance(p); return assertion(p, p->multiline ? RA_LINE_START : RA_START);
  case '$': re_advance(p); return assertion(p, p->multiline ? RA_LINE_END : RA_END);
  case '.':
    re_advance(p);
    atom = re_node(p, RN_CLASS); // a class without a set: the dot
    break;
  case '(': atom = parse_group(p); break;
  case '[': atom = re_parse_class(p); break;
  case '\\': atom = parse_atom_escape(p, &quantifiable); break;
  case '{':
  case '}':
  case ']': {
    int32_t min, max;
    if (p->cur == '{' && parse_interval(p, &min, &max)) return re_error(p, "Nothing to repeat");
    if (p->unicode) return re_error(p, "Lone quantifier brackets");
    atom = char_node(p, p->cur); // a brace that is not a quantifier, without u
    re_advance(p);
    break;
  }
  default:
    atom = char_node(p, p->cur);
    re_advance(p);
    break;
  }
  if (!atom || !quantifiable) return atom;
  return parse_quantifier(p, atom, cap_before);
}
//< regexp.parse-term

/* Alternative :: Term*, up to "|", ")" or the end. */
static RNode *parse_alternative(Parser *p) {
  NodeList terms = {0};
  while (p->cur != '|' && p->cur != ')' && p->cur != RE_END) {
    RNode *t = parse_term(p);
    if (!t) return NULL;
    if (t->kind != RN_EMPTY) list_add(&terms, t);
  }
  return list_node(p, &terms, RN_SEQ);
}

/* Disjunction :: Alternative ( | Alternative )* */
static RNode *parse_disjunction(Parser *p) {
  if (++p->depth > RE_MAX_DEPTH) return re_error(p, "Maximum call stack size exceeded");
  NodeList alts = {0};
  for (;;) {
    RNode *alt = parse_alternative(p);
    if (!alt) return NULL;
    list_add(&alts, alt);
    if (p->cur != '|') break;
    re_advance(p);
  }
  p->depth--;
  return list_node(p, &alts, RN_ALT);
}

/* Gives each \k<name> the number of its group; V8 checks this last. */
static bool resolve_names(Parser *p) {
  for (int i = 0; i < p->nrefs; i++) {
    RNode *ref = p->refs[i];
    GroupName want = {(uint16_t *)ref->name, ref->name_len};
    ref->a = 0;
    for (int g = 0; g < p->captures_started && !ref->a; g++)
      if (p->named_done[g] && names_equal(&p->names[g], &want)) ref->a = g + 1;
    if (!ref->a) return re_error(p, "Invalid named capture referenced"), false;
  }
  return true;
}

void re_parse(RegExpText pattern, int flags, Arena *arena, ParseResult *out) {
  Parser p = {0};
  p.src = pattern;
  p.arena = arena;
  p.unicode = (flags & (REGEXP_UNICODE | REGEXP_UNICODE_SETS)) != 0;
  p.sets = (flags & REGEXP_UNICODE_SETS) != 0;
  p.icase = (flags & REGEXP_IGNORE_CASE) != 0;
  p.multiline = (flags & REGEXP_MULTILINE) != 0;
  p.dotall = (flags & REGEXP_DOT_ALL) != 0;
  p.has_more = true;
  re_advance(&p);
  RNode *tree = parse_disjunction(&p);
  if (tree && p.cur == ')') tree = re_error(&p, "Unmatched ')'");
  if (tree) resolve_names(&p);
  memset(out, 0, sizeof *out);
  out->error = p.error;
  out->tree = p.error ? NULL : tree;
  out->ncaptures = p.captures_started;
  out->names = p.names;
  for (int g = 0; g < p.captures_started && p.names; g++)
    if (p.names[g].len) out->has_names = true;
  free(p.named_done);
  free(p.open);
  free(p.refs);
}

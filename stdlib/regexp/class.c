/* class.c - character classes and escapes: [a-z], [^\d], \p{Script=Greek}, and with the
 * v flag [\p{L}--[a-z]], [\q{abc|d}], nested classes and properties of strings.
 * Book: chapter 14, "Regular expressions".
 *
 * Every class ends as one final set (RN_CLASS): its code points, with case closure and
 * negation already applied, and with v the strings it also matches. How V8 (node 20)
 * applies case folding inside v-flag set operations is not quite the spec's, and is
 * copied here as measured (see "The v flag"). Entry points: re_parse_class,
 * re_class_escape, re_character_escape, re_parse_unicode_escape.
 */
#include <string.h>

#include "stdlib/regexp/internal.h"

static uint32_t max_char(const Parser *p) { return p->unicode ? RE_MAX_CP : 0xFFFF; }

/* ==== Character escapes ======================================================== */

static int hex_value(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
  return -1;
}

/* `length` hex digits at the cursor; on failure the cursor does not move. */
static bool parse_hex(Parser *p, int length, uint32_t *value) {
  size_t start = re_position(p);
  uint32_t v = 0;
  for (int i = 0; i < length; i++) {
    int d = hex_value(p->cur);
    if (d < 0) {
      re_reset(p, start);
      return false;
    }
    v = v * 16 + (uint32_t)d;
    re_advance(p);
  }
  *value = v;
  return true;
}

/* RegExpUnicodeEscapeSequence after "\u": XXXX, with u also {X...} and a pair of
 * \uXXXX escapes that form a surrogate pair. On failure the cursor does not move. */
bool re_parse_unicode_escape(Parser *p, uint32_t *value) {
  bool unicode = p->unicode || p->force_unicode;
  if (p->cur == '{' && unicode) {
    size_t start = re_position(p);
    re_advance(p);
    uint32_t v = 0;
    bool digits = false;
    for (int d; (d = hex_value(p->cur)) >= 0; re_advance(p)) {
      v = v * 16 + (uint32_t)d;
      digits = true;
      if (v > RE_MAX_CP) break;
    }
    if (digits && v <= RE_MAX_CP && p->cur == '}') {
      re_advance(p);
      *value = v;
      return true;
    }
    re_reset(p, start);
    return false;
  }
  if (!parse_hex(p, 4, value)) return false;
  if (unicode && *value >= 0xD800 && *value <= 0xDBFF && p->cur == '\\') {
    size_t start = re_position(p);
    uint32_t trail;
    if (re_peek(p) == 'u') {
      re_advance_by(p, 2);
      if (parse_hex(p, 4, &trail) && trail >= 0xDC00 && trail <= 0xDFFF) {
        *value = 0x10000 + ((*value - 0xD800) << 10) + (trail - 0xDC00);
        return true;
      }
    }
    re_reset(p, start);
  }
  return true;
}

static bool is_syntax_char_or_slash(uint32_t c) {
  return c < 128 && strchr("^$\\.*+?()[]{}|/", (int)c) && c;
}

static bool is_class_set_reserved_punctuator(uint32_t c) {
  return c < 128 && strchr("&-!#%,:;<=>@`~", (int)c) && c;
}

/* \c with the cursor on "c": a control letter, or (without u) a literal backslash. */
static uint32_t control_escape(Parser *p, bool in_class) {
  uint32_t letter = re_peek(p);
  if ((letter | 0x20) >= 'a' && (letter | 0x20) <= 'z') {
    re_advance_by(p, 2);
    return letter & 0x1F;
  }
  if (p->unicode) return re_error(p, "Invalid Unicode escape"), 0;
  if (in_class && ((letter >= '0' && letter <= '9') || letter == '_')) { // Annex B
    re_advance_by(p, 2);
    return letter & 0x1F;
  }
  return '\\'; // the backslash stands for itself and "c" is read next
}

/* \0, or without u a LegacyOctalEscapeSequence, with the cursor on the first digit. */
static uint32_t octal_escape(Parser *p, uint32_t c) {
  if (c == '0' && (re_peek(p) < '0' || re_peek(p) > '9')) {
    re_advance(p);
    return 0;
  }
  if (p->unicode) return re_error(p, "Invalid class escape"), 0; // \0 then a digit, \1
  return re_parse_octal(p);
}

/* IdentityEscape: with u only syntax characters (and with v in a class, reserved
 * punctuators); without u anything but c, and k when the pattern has named groups. */
static uint32_t identity_escape(Parser *p, uint32_t c, bool in_class) {
  if (p->sets && in_class && is_class_set_reserved_punctuator(c)) {
    re_advance(p);
    return c;
  }
  if (p->unicode) {
    if (!is_syntax_char_or_slash(c)) return re_error(p, "Invalid escape"), 0;
    re_advance(p);
    return c;
  }
  re_advance(p);
  if (c == 'k' && re_has_named_captures(p, in_class)) return re_error(p, "Invalid escape"), 0;
  return c;
}

//> regexp.character-escape
/* CharacterEscape, with the cursor on the backslash (V8: ParseCharacterEscape). */
uint32_t re_character_escape(Parser *p, bool in_class, bool *unicode_escape) {
  re_advance(p);
  uint32_t c = p->cur, value;
  if (c >= '0' && c <= '7') return octal_escape(p, c);
  switch (c) {
  case 'f': re_advance(p); return '\f';
  case 'n': re_advance(p); return '\n';
  case 'r': re_advance(p); return '\r';
  case 't': re_advance(p); return '\t';
  case 'v': re_advance(p); return '\v';
  case 'c': return control_escape(p, in_class);
  case 'x':
    re_advance(p);
    if (parse_hex(p, 2, &value)) return value;
    if (p->unicode) return re_error(p, "Invalid escape"), 0;
    return 'x';
  case 'u':
    re_advance(p);
    if (re_parse_unicode_escape(p, &value)) {
      *unicode_escape = true;
      return value;
    }
    if (p->unicode) return re_error(p, "Invalid Unicode escape"), 0;
    return 'u';
  }
  return identity_escape(p, c, in_class);
}
//< regexp.character-escape

/* ==== Class escapes and properties ============================================= */

static void add_digits(CharSet *s) { cs_add_range(s, '0', '9'); }

static void add_space(CharSet *s) {
  static const uint32_t space[] = {0x09,   0x0D,   0x20,   0x20,   0xA0,   0xA0,   0x1680,
                                   0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F,
                                   0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF};
  for (size_t i = 0; i < sizeof space / sizeof space[0]; i += 2)
    cs_add_range(s, space[i], space[i + 1]);
}

/* \w; with u and i also U+017F and U+212A, which fold to s and k. */
static void add_word(CharSet *s, bool case_equivalents) {
  cs_add_range(s, '0', '9');
  cs_add_range(s, 'A', 'Z');
  cs_add(s, '_');
  cs_add_range(s, 'a', 'z');
  if (case_equivalents) {
    cs_add(s, 0x017F);
    cs_add(s, 0x212A);
  }
}

/* The name in \p{name} or \p{name=value}, with the cursor on "{". Names are ASCII letters,
 * digits and underscores (V8: ParsePropertyClassName). */
static bool parse_property_name(Parser *p, char *name, char *value, bool *has_value) {
  if (p->cur != '{') return false;
  char *out = name;
  *has_value = false;
  for (re_advance(p); p->cur != '}'; re_advance(p)) {
    uint32_t c = p->cur;
    if (c == '=' && !*has_value) {
      *out = 0;
      out = value;
      *has_value = true;
      continue;
    }
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok || p->next >= p->src.length || out - (*has_value ? value : name) >= 63) return false;
    *out++ = (char)c;
  }
  *out = 0;
  re_advance(p);
  return true;
}

static void fold_strings(StrSet *ss, bool unicode) {
  for (int i = 0; i < ss->n; i++)
    for (int k = 0; k < ss->s[i].len; k++) ss->s[i].cps[k] = uni_canon(ss->s[i].cps[k], unicode);
}

/* \p{...} or \P{...} into cs and ss. Without v the negation is a plain complement; with
 * v and i V8 closes the set under case (spec: MaybeSimpleCaseFolding) before complementing
 * a General_Category or Script value, but after complementing a binary property, and
 * leaves Any and ASCII alone. */
static bool property_escape(Parser *p, bool negate, CharSet *cs, StrSet *ss) {
  char name[64], value[64];
  bool has_value;
  if (!parse_property_name(p, name, value, &has_value)) return false;
  CharSet set;
  StrSet strings;
  UniKind kind;
  cs_init(&set);
  ss_init(&strings);
  bool ok = uni_property(name, has_value ? value : NULL, p->sets, &set, &strings, &kind);
  if (ok && negate && kind == UNI_STRINGS) ok = false;
  if (ok && set.n == 0 && strings.n == 0) ok = false; // ICU's set is empty: not a value
  if (ok) {
    bool fold = p->sets && p->icase && kind != UNI_SPECIAL; // Any and ASCII stay as they are
    if (fold && (kind == UNI_GC || kind == UNI_SCRIPT)) uni_close_over(&set, true);
    if (negate) cs_invert(&set, RE_MAX_CP);
    if (fold) {
      uni_close_over(&set, true);
      fold_strings(&strings, true);
    }
    cs_union(cs, &set);
    ss_union(ss, &strings);
  }
  cs_free(&set);
  ss_free(&strings);
  return ok;
}

//> regexp.class-escape
/* CharacterClassEscape at the cursor (on the backslash; c is the letter after it):
 * \d \D \s \S \w \W, and with u or v \p{..} \P{..}. Adds its set to cs (strings to ss)
 * and returns true; returns false when c is none of these. */
bool re_class_escape(Parser *p, uint32_t c, bool in_class, CharSet *cs, StrSet *ss,
                     bool case_equivalents) {
  CharSet set;
  cs_init(&set);
  switch (c) {
  case 'd':
  case 'D': add_digits(&set); break;
  case 's':
  case 'S': add_space(&set); break;
  case 'w':
  case 'W': add_word(&set, case_equivalents); break;
  case 'p':
  case 'P':
    if (!p->unicode) return false;
    re_advance_by(p, 2);
    if (!property_escape(p, c == 'P', cs, ss))
      re_error(p, in_class ? "Invalid property name in character class" : "Invalid property name");
    return true;
  default: return false;
  }
  if (c == 'D' || c == 'S' || c == 'W') cs_invert(&set, RE_MAX_CP);
  cs_union(cs, &set);
  cs_free(&set);
  re_advance_by(p, 2);
  return true;
}
//< regexp.class-escape

/* ==== Classes without v ======================================================== */

/* ClassAtom, with the cursor on it: a character (returned, *is_class false) or a class
 * escape (added to cs, *is_class true). */
static uint32_t class_atom(Parser *p, CharSet *cs, bool *is_class) {
  *is_class = false;
  uint32_t c = p->cur;
  if (c != '\\') {
    re_advance(p);
    return c;
  }
  uint32_t next = re_peek(p);
  if (next == 'b') {
    re_advance_by(p, 2);
    return '\b';
  }
  if (next == '-' && p->unicode) {
    re_advance_by(p, 2);
    return '-';
  }
  if (next == RE_END) return re_error(p, "\\ at end of pattern"), 0;
  StrSet none;
  ss_init(&none);
  *is_class = re_class_escape(p, next, true, cs, &none, p->unicode && p->icase);
  if (*is_class) return 0;
  bool unicode_escape = false;
  return re_character_escape(p, true, &unicode_escape);
}

/* NonemptyClassRanges, up to "]" (V8: ParseClassRanges). */
static bool class_ranges(Parser *p, CharSet *cs) {
  while (p->cur != RE_END && p->cur != ']') {
    bool class1, class2;
    uint32_t c1 = class_atom(p, cs, &class1);
    if (p->error) return false;
    if (p->cur != '-') {
      if (!class1) cs_add(cs, c1);
      continue;
    }
    re_advance(p);
    if (p->cur == RE_END) break;
    if (p->cur == ']') {
      if (!class1) cs_add(cs, c1);
      cs_add(cs, '-');
      break;
    }
    uint32_t c2 = class_atom(p, cs, &class2);
    if (p->error) return false;
    if (class1 || class2) { // [\d-z]: the dash is itself (Annex B)
      if (p->unicode) return re_error(p, "Invalid character class"), false;
      if (!class1) cs_add(cs, c1);
      cs_add(cs, '-');
      if (!class2) cs_add(cs, c2);
      continue;
    }
    if (c1 > c2) return re_error(p, "Range out of order in character class"), false;
    cs_add_range(cs, c1, c2);
  }
  return true;
}

/* The final set of a class without v: closed under case with i, then complemented if
 * negated (a character matches [^x] when no member of x matches it ignoring case). */
static RNode *class_node(Parser *p, CharSet *cs, StrSet *ss, bool negated) {
  if (p->icase) uni_close_over(cs, p->unicode);
  if (negated) cs_invert(cs, max_char(p));
  RNode *n = re_node(p, RN_CLASS);
  n->set = arena_chars(p->arena, cs);
  if (ss && ss->n)
    n->strings = arena_strings(p->arena, ss);
  else if (ss)
    ss_free(ss);
  return n;
}

/* ==== The v flag =============================================================== */
//
// With v a class is an expression over operands: characters, ranges, \q{..}, class
// escapes and nested classes, combined by union (juxtaposition), intersection (&&) and
// subtraction (--). With i, node 20 (V8 11.3) does what these experiments show, not
// quite what the spec says:
// - what a union gathers (characters, ranges, \q's single characters, class escapes) is
//   closed under case, but a nested class is taken as it is;
// - an operand of && or -- stays as written ([K--k] keeps K, \q{K} is k), except that
//   property escapes close themselves (property_escape) and \w adds U+017F and U+212A;
// - the strings of \q and of properties are case-folded;
// - a negated class is the plain complement of its operands' result, and the final set
//   is closed under case once more.
// One V8 bug is not copied: it leaves \q's characters unsorted, so that [\w&&\q{b|a}]
// may lose members; here the sets are always right.

typedef enum { OP_CHARACTER, OP_RANGE, OP_STRINGS, OP_ESCAPE, OP_NESTED } OperandType;

/* An operand's value: its set; whether it may contain strings (syntactically: that
 * decides "Negated character class may contain strings"); and whether V8 thinks it can
 * match anything at all (`some`: see re_parse_class). */
typedef struct {
  ClassSet v;
  bool may_strings;
  bool some;
} Operand;

static void operand_init(Operand *o) {
  cs_init(&o->v.chars);
  ss_init(&o->v.strings);
  o->may_strings = false;
  o->some = false;
}

static void operand_free(Operand *o) {
  cs_free(&o->v.chars);
  ss_free(&o->v.strings);
}

static bool parse_class_v(Parser *p, Operand *out);

static bool is_class_set_syntax_char(uint32_t c) {
  return c < 128 && strchr("()[]{}/-\\|", (int)c) && c;
}

static bool is_reserved_double(Parser *p, uint32_t c) {
  return c < 128 && strchr("&!#$%*+,.:;<=>?@^`~", (int)c) && c && re_peek(p) == c;
}

/* ClassSetCharacter (V8: ParseClassSetCharacter). */
static uint32_t class_set_character(Parser *p) {
  uint32_t c = p->cur;
  if (c == '\\') {
    uint32_t next = re_peek(p);
    if (next == 'b') {
      re_advance_by(p, 2);
      return '\b';
    }
    if (next == RE_END) return re_error(p, "\\ at end of pattern"), 0;
    bool unicode_escape = false;
    return re_character_escape(p, true, &unicode_escape);
  }
  if (is_class_set_syntax_char(c)) return re_error(p, "Invalid character in character class"), 0;
  if (is_reserved_double(p, c)) return re_error(p, "Invalid set operation in character class"), 0;
  re_advance(p);
  return c;
}

/* Adds a character or range, closed under case in a union with i. */
static void add_chars(Parser *p, Operand *o, uint32_t lo, uint32_t hi, bool in_union) {
  CharSet *cs = &o->v.chars;
  CharSet one;
  o->some = true;
  cs_init(&one);
  cs_add_range(&one, lo, hi);
  if (in_union && p->icase) uni_close_over(&one, true);
  cs_union(cs, &one);
  cs_free(&one);
}

/* ClassStringDisjunction: \q{abc|d|}, with the cursor on the backslash. */
static void string_disjunction(Parser *p, Operand *o, bool in_union) {
  re_advance_by(p, 2);
  if (p->cur != '{') {
    re_error(p, "Invalid escape");
    return;
  }
  re_advance(p);
  uint32_t *buf = NULL;
  int len = 0, cap = 0;
  for (;;) {
    bool end = p->cur == RE_END || p->cur == '}';
    if (end || p->cur == '|') {
      if (len == 1)
        add_chars(p, o, buf[0], buf[0], in_union);
      else
        ss_add(&o->v.strings, buf, len);
      if (len > 1) o->some = true;
      len = 0;
      if (end) break;
      re_advance(p);
      continue;
    }
    uint32_t c = class_set_character(p);
    if (p->error) break;
    if (len == cap) {
      cap = cap ? cap * 2 : 16;
      buf = mem_realloc_array(buf, (size_t)cap, sizeof(uint32_t));
    }
    buf[len++] = p->icase ? uni_canon(c, true) : c;
  }
  free(buf);
  if (p->error) return;
  re_advance(p);
  if (o->v.strings.n) o->may_strings = true;
}

/* ClassSetOperand at the cursor, into o (V8: ParseClassSetOperand). For a plain
 * character, returns it in *c without adding it: the caller decides (a range?). */
static OperandType class_set_operand(Parser *p, Operand *o, uint32_t *c, bool in_union) {
  if (p->cur == '\\') {
    uint32_t next = re_peek(p);
    if (next == 'q') {
      string_disjunction(p, o, in_union);
      return OP_STRINGS;
    }
    Operand e;
    operand_init(&e);
    if (re_class_escape(p, next, true, &e.v.chars, &e.v.strings, p->icase)) {
      if (in_union && p->icase) uni_close_over(&e.v.chars, true);
      if (e.v.strings.n) o->may_strings = true;
      if (e.v.chars.n || e.v.strings.n) o->some = true;
      cs_union(&o->v.chars, &e.v.chars);
      ss_union(&o->v.strings, &e.v.strings);
      operand_free(&e);
      return OP_ESCAPE;
    }
    operand_free(&e);
  }
  if (p->cur == '[') {
    Operand nested;
    operand_init(&nested);
    if (parse_class_v(p, &nested)) {
      cs_union(&o->v.chars, &nested.v.chars);
      ss_union(&o->v.strings, &nested.v.strings);
      o->may_strings |= nested.may_strings;
      o->some |= nested.some;
    }
    operand_free(&nested);
    return OP_NESTED;
  }
  *c = class_set_character(p);
  return OP_CHARACTER;
}

/* One operand of && or --, as its own value. */
static void next_operand(Parser *p, Operand *o) {
  uint32_t c;
  operand_init(o);
  if (class_set_operand(p, o, &c, false) == OP_CHARACTER && !p->error) add_chars(p, o, c, c, false);
}

/* ClassSubtraction and ClassIntersection after their first operand (in out). */
static bool class_operation(Parser *p, Operand *out, bool negated, bool subtract) {
  const char *op = subtract ? "-" : "&";
  if (subtract && negated && out->may_strings)
    return re_error(p, "Negated character class may contain strings"), false;
  while (p->cur != RE_END && p->cur != ']') {
    if (p->cur != (uint32_t)op[0] || re_peek(p) != (uint32_t)op[0])
      return re_error(p, "Invalid set operation in character class"), false;
    re_advance_by(p, 2);
    if (!subtract && p->cur == '&')
      return re_error(p, "Invalid character in character class"), false;
    Operand o;
    next_operand(p, &o);
    if (!p->error) {
      if (subtract) {
        cs_subtract(&out->v.chars, &o.v.chars);
        ss_subtract(&out->v.strings, &o.v.strings);
      } else {
        cs_intersect(&out->v.chars, &o.v.chars);
        ss_intersect(&out->v.strings, &o.v.strings);
        out->may_strings &= o.may_strings;
      }
      out->some |= o.some;
    }
    operand_free(&o);
    if (p->error) return false;
  }
  if (p->cur == RE_END) return re_error(p, "Unterminated character class"), false;
  if (!subtract && negated && out->may_strings)
    return re_error(p, "Negated character class may contain strings"), false;
  re_advance(p);
  return true;
}

/* ClassUnion after its first operand (V8: ParseClassUnion); `pending` holds a plain
 * character not yet added (has_pending), which may start a range. */
static bool class_union(Parser *p, Operand *out, OperandType last, uint32_t pending) {
  while (p->cur != RE_END && p->cur != ']') {
    if (p->cur == '-') {
      if (re_peek(p) == '-') return re_error(p, "Invalid set operation in character class"), false;
      re_advance(p);
      if (p->cur == RE_END) break;
      if (last != OP_CHARACTER) return re_error(p, "Invalid character class"), false;
      uint32_t from = pending;
      last = class_set_operand(p, out, &pending, true);
      if (p->error) return false;
      if (last != OP_CHARACTER) return re_error(p, "Invalid character class"), false;
      if (from > pending) return re_error(p, "Range out of order in character class"), false;
      add_chars(p, out, from, pending, true);
      last = OP_RANGE;
      continue;
    }
    if (last == OP_CHARACTER) add_chars(p, out, pending, pending, true);
    last = class_set_operand(p, out, &pending, true);
    if (p->error) return false;
  }
  if (p->cur == RE_END) return re_error(p, "Unterminated character class"), false;
  if (last == OP_CHARACTER) add_chars(p, out, pending, pending, true);
  re_advance(p);
  return true;
}

//> regexp.class-v
/* ClassSetExpression: a class with the v flag, with the cursor on "[", into out. A
 * negated class is complemented here; the caller closes the final set under case. */
static bool parse_class_v(Parser *p, Operand *out) {
  if (++p->depth > RE_MAX_DEPTH) return re_error(p, "Maximum call stack size exceeded"), false;
  re_advance(p);
  bool negated = p->cur == '^', ok;
  if (negated) re_advance(p);
  if (p->cur == ']') {
    re_advance(p);
    ok = true;
  } else {
    uint32_t c = 0;
    OperandType first = class_set_operand(p, out, &c, false);
    if (p->error) return false;
    bool subtract = p->cur == '-' && re_peek(p) == '-';
    bool intersect = p->cur == '&' && re_peek(p) == '&';
    if (subtract || intersect) {
      if (first == OP_CHARACTER) add_chars(p, out, c, c, false);
      ok = class_operation(p, out, negated, subtract);
    } else {
      // A first \q or escape in a union is closed like the rest (a nested class is not).
      if ((first == OP_STRINGS || first == OP_ESCAPE) && p->icase)
        uni_close_over(&out->v.chars, true);
      ok = class_union(p, out, first, c);
      if (ok && negated && out->may_strings) {
        re_error(p, "Negated character class may contain strings");
        ok = false;
      }
    }
  }
  if (ok && negated) cs_invert(&out->v.chars, RE_MAX_CP);
  p->depth--;
  return ok;
}
//< regexp.class-v

/* CharacterClass, with the cursor on "[". */
RNode *re_parse_class(Parser *p) {
  if (p->sets) {
    Operand o;
    operand_init(&o);
    if (!parse_class_v(p, &o)) {
      operand_free(&o);
      return NULL;
    }
    RNode *n = class_node(p, &o.v.chars, &o.v.strings, false);
    // V8 11.3 believes that a class none of whose operands holds anything ([^], [[]]) can
    // match only the empty string, and drops it from a quantifier (parse.c).
    n->sub = !o.some;
    return n;
  }
  re_advance(p);
  bool negated = p->cur == '^';
  if (negated) re_advance(p);
  CharSet cs;
  cs_init(&cs);
  if (p->cur == ']') {
    re_advance(p);
    return class_node(p, &cs, NULL, negated);
  }
  if (!class_ranges(p, &cs)) {
    cs_free(&cs);
    return NULL;
  }
  if (p->cur == RE_END) {
    cs_free(&cs);
    return re_error(p, "Unterminated character class");
  }
  re_advance(p);
  return class_node(p, &cs, NULL, negated);
}

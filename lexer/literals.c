/* literals.c - scanning literals: numbers, strings, template pieces, regular expressions.
 * Book: chapter 1, "Scanning".
 *
 * Entry points (via lexer/internal.h): lex_scan_number, lex_scan_string,
 * lex_scan_template, lex_unicode_escape; and the parser's hook lex_rescan_regexp.
 * String values are produced as UTF-16 code units, the way JavaScript sees them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/internal.h"
#include "lexer/lexer.h"

/* ==== Numbers ==== */

/* Does the character at the cursor start an identifier (which may not touch a number)? */
static bool at_identifier_start(const Lexer *lx) {
  uint32_t size;
  int32_t cp = lex_peek_cp(lx, &size);
  if (cp < 0) return false;
  return cp < 0x80 ? lex_is_ascii_id_start(cp) || cp == '\\' : lex_is_id_start((uint32_t)cp);
}

static bool is_radix_digit(int c, int radix) {
  int v = lex_hex_value(c);
  return v >= 0 && v < radix;
}

/* Consumes digits of the radix with `_` separators between them (1_000). Returns the count
 * of digits, or -1 after setting a separator error in tok. */
static int scan_digits(Lexer *lx, Token *tok, int radix) {
  int count = 0;
  for (;;) {
    int c = lex_peek(lx, 0);
    if (is_radix_digit(c, radix)) {
      lex_skip(lx);
      count++;
    } else if (c == '_' && count > 0) {
      int next = lex_peek(lx, 1);
      if (next == '_')
        return lex_error(tok, "Only one underscore is allowed as numeric separator", lx->line,
                         lx->column + 1, 1), -1;
      if (!is_radix_digit(next, radix))
        return lex_error(tok, "Numeric separators are not allowed at the end of numeric literals",
                         lx->line, lx->column + 1, 1), -1;
      lex_skip(lx);
    } else {
      return count;
    }
  }
}

/* The value of digits in a radix that is a power of two, rounded correctly: up to 64 bits
 * are kept exactly, later digits only shift the exponent and leave a "sticky" bit. */
static double radix_value(const char *s, uint32_t n, int bits) {
  uint64_t m = 0;
  int exponent = 0;
  bool sticky = false;
  for (uint32_t i = 0; i < n; i++) {
    int d = lex_hex_value((unsigned char)s[i]);
    if (d < 0) continue; /* a separator */
    if (exponent == 0 && m >> (64 - bits) == 0) {
      m = m << bits | (uint64_t)d;
    } else {
      exponent += bits;
      sticky |= d != 0;
    }
  }
  if (sticky) m |= 1; /* below the rounding bit: makes a tie round up, as it should */
  return ldexp((double)m, exponent);
}

/* A decimal literal's text without separators, through strtod (which rounds correctly). */
static double decimal_value(Lexer *lx, uint32_t start, uint32_t end) {
  char small[64];
  char *buf = end - start < sizeof small ? small : lex_alloc(lx, end - start + 1);
  size_t n = 0;
  for (uint32_t i = start; i < end; i++)
    if (lx->src[i] != '_') buf[n++] = lx->src[i];
  buf[n] = '\0';
  return strtod(buf, NULL);
}

/* After the digits: `n` makes a BigInt, which tinynode lacks; a letter or digit touching
 * the number is an error ("3in x"). */
static TokenKind finish_number(Lexer *lx, Token *tok, bool may_be_bigint) {
  if (lex_peek(lx, 0) == 'n' && may_be_bigint) {
    lex_skip(lx);
    return lex_error_range(lx, tok, "tinynode does not support BigInt", tok->start, tok->column,
                           lx->pos);
  }
  if (at_identifier_start(lx) || lex_is_digit(lex_peek(lx, 0)))
    return lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column,
                           lx->pos);
  return tok->kind = TOK_NUMBER;
}

/* 0x1F, 0o17, 0b101. */
static TokenKind scan_radix_number(Lexer *lx, Token *tok, int radix, int bits) {
  lex_skip(lx);
  lex_skip(lx);
  uint32_t digits = lx->pos;
  int count = scan_digits(lx, tok, radix);
  if (count < 0) return TOK_ERROR;
  if (count == 0)
    return lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column,
                           lx->pos);
  tok->number = radix_value(lx->src + digits, lx->pos - digits, bits);
  return finish_number(lx, tok, true);
}

/* The optional parts of a decimal literal after its integer digits: . digits, e+digits.
 * Returns false after an error. */
static bool scan_fraction_exponent(Lexer *lx, Token *tok, bool *integer) {
  if (lex_peek(lx, 0) == '.') {
    *integer = false;
    lex_skip(lx);
    if (scan_digits(lx, tok, 10) < 0) return false;
  }
  int e = lex_peek(lx, 0);
  if (e == 'e' || e == 'E') {
    *integer = false;
    lex_skip(lx);
    if (lex_peek(lx, 0) == '+' || lex_peek(lx, 0) == '-') lex_skip(lx);
    int count = scan_digits(lx, tok, 10);
    if (count < 0) return false;
    if (count == 0) {
      lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column, lx->pos);
      return false;
    }
  }
  return true;
}

/* 017 (legacy octal) or 08, 09.5 (decimal with a leading zero): both sloppy-mode only. */
static TokenKind scan_leading_zero(Lexer *lx, Token *tok) {
  bool octal = true, integer = true;
  lex_skip(lx);
  while (lex_is_digit(lex_peek(lx, 0))) {
    if (lex_peek(lx, 0) >= '8') octal = false;
    lex_skip(lx);
  }
  tok->flags |= TOKF_LEGACY_OCTAL;
  if (octal) {
    tok->number = radix_value(lx->src + tok->start + 1, lx->pos - tok->start - 1, 3);
    return finish_number(lx, tok, false);
  }
  tok->flags |= TOKF_NON_OCTAL_DECIMAL;
  if (lex_peek(lx, 0) == '_')
    return lex_error(tok, "Invalid or unexpected token", lx->line, lx->column, 1);
  if (!scan_fraction_exponent(lx, tok, &integer)) return TOK_ERROR;
  tok->number = decimal_value(lx, tok->start, lx->pos);
  return finish_number(lx, tok, false);
}

//> lexer.number
/* NumericLiteral: decimal (12, 1.5, .5, 1e-7, 1_000), 0x 0o 0b, and the legacy forms.
 * The cursor is on a digit, or on a `.` followed by one. */
TokenKind lex_scan_number(Lexer *lx, Token *tok) {
  int c1 = lex_peek(lx, 1) | 0x20; /* lower case */
  bool integer = true;
  if (lex_peek(lx, 0) == '0') {
    if (c1 == 'x') return scan_radix_number(lx, tok, 16, 4);
    if (c1 == 'o') return scan_radix_number(lx, tok, 8, 3);
    if (c1 == 'b') return scan_radix_number(lx, tok, 2, 1);
    if (lex_is_digit(lex_peek(lx, 1))) return scan_leading_zero(lx, tok);
    if (lex_peek(lx, 1) == '_')
      return lex_error(tok, "Numeric separator can not be used after leading 0.", lx->line,
                       lx->column + 1, 1);
  }
  if (scan_digits(lx, tok, 10) < 0) return TOK_ERROR;
  if (!scan_fraction_exponent(lx, tok, &integer)) return TOK_ERROR;
  tok->number = decimal_value(lx, tok->start, lx->pos);
  return finish_number(lx, tok, integer);
}
//< lexer.number

/* ==== Strings and escapes ==== */

/* A UTF-16 buffer being filled; its capacity was computed before scanning. */
typedef struct Units {
  uint16_t *u;
  uint32_t n;
} Units;

static void put_cp(Units *out, uint32_t cp) {
  if (cp >= 0x10000) { /* a surrogate pair */
    cp -= 0x10000;
    out->u[out->n++] = (uint16_t)(0xD800 + (cp >> 10));
    out->u[out->n++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
  } else {
    out->u[out->n++] = (uint16_t)cp;
  }
}

int32_t lex_unicode_escape(Lexer *lx, Token *tok) {
  uint32_t at = lx->pos;
  int column = lx->column;
  lex_skip(lx); /* \ */
  lex_skip(lx); /* u */
  if (lex_peek(lx, 0) != '{') {
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
      int h = lex_hex_value(lex_peek(lx, (uint32_t)i));
      if (h < 0)
        return lex_error_range(lx, tok, "Invalid Unicode escape sequence", at, column, at + 6), -2;
      v = v * 16 + h;
    }
    lx->pos += 4;
    lx->column += 4;
    return v;
  }
  lex_skip(lx); /* { */
  int32_t v = 0;
  int digits = 0;
  for (int h; (h = lex_hex_value(lex_peek(lx, 0))) >= 0; digits++) {
    v = v * 16 + h;
    lex_skip(lx);
    if (v > 0x10FFFF)
      return lex_error_range(lx, tok, "Undefined Unicode code-point", at, column, lx->pos), -2;
  }
  if (digits == 0 || lex_peek(lx, 0) != '}')
    return lex_error(tok, "Invalid Unicode escape sequence", lx->line, lx->column, 1), -2;
  lex_skip(lx); /* } */
  return v;
}

/* Remembers the first legacy escape (\07, \8) of a string, for strict mode's errors. */
static void note_legacy_escape(Lexer *lx, Token *tok, uint32_t offset, int column, bool decimal) {
  if (tok->flags & TOKF_LEGACY_OCTAL) return;
  tok->flags |= TOKF_LEGACY_OCTAL | (decimal ? TOKF_NON_OCTAL_DECIMAL : 0);
  tok->escape_offset = offset;
  tok->escape_line = lx->line;
  tok->escape_column = column;
  tok->escape_length = 1;
}

/* \0 to \377: legacy octal escapes, allowed in sloppy-mode strings only. The cursor is on
 * the first digit. */
static bool read_octal_escape(Lexer *lx, Token *tok, Units *out, bool in_template) {
  int first = lex_peek(lx, 0);
  if (first == '0' && !lex_is_digit(lex_peek(lx, 1))) {
    lex_skip(lx);
    put_cp(out, 0);
    return true;
  }
  if (in_template) {
    lex_error(tok, "Octal escape sequences are not allowed in template strings.", lx->line,
              lx->column, 1);
    return false;
  }
  note_legacy_escape(lx, tok, lx->pos, lx->column, false);
  int value = 0, max_digits = first <= '3' ? 3 : 2;
  for (int i = 0; i < max_digits && lex_peek(lx, 0) >= '0' && lex_peek(lx, 0) <= '7'; i++) {
    value = value * 8 + (lex_peek(lx, 0) - '0');
    lex_skip(lx);
  }
  put_cp(out, (uint32_t)value);
  return true;
}

/* \xHH */
static bool read_hex_escape(Lexer *lx, Token *tok, Units *out, uint32_t at, int column) {
  int h1 = lex_hex_value(lex_peek(lx, 0)), h2 = lex_hex_value(lex_peek(lx, 1));
  if (h1 < 0 || h2 < 0) {
    lex_error_range(lx, tok, "Invalid hexadecimal escape sequence", at, column, at + 4);
    return false;
  }
  lx->pos += 2;
  lx->column += 2;
  put_cp(out, (uint32_t)(h1 * 16 + h2));
  return true;
}

/* The value of \n \t \b \f \v \r, or -1. */
static int simple_escape(int c) {
  switch (c) {
  case 'n': return '\n';
  case 't': return '\t';
  case 'b': return '\b';
  case 'f': return '\f';
  case 'v': return '\v';
  case 'r': return '\r';
  default: return -1;
  }
}

/* One escape sequence; the cursor is on the backslash. Returns false with the error in tok
 * (a string then fails; a template piece records it: a tagged template may hold it). */
static bool read_escape(Lexer *lx, Token *tok, Units *out, bool in_template) {
  uint32_t at = lx->pos;
  int column = lx->column;
  if (lex_peek(lx, 1) == 'u') {
    int32_t cp = lex_unicode_escape(lx, tok);
    if (cp < 0) return false;
    put_cp(out, (uint32_t)cp);
    return true;
  }
  lex_skip(lx);
  int c = lex_peek(lx, 0), simple = simple_escape(c);
  if (simple >= 0) {
    lex_skip(lx);
    put_cp(out, (uint32_t)simple);
    return true;
  }
  if (c == 'x') return lex_skip(lx), read_hex_escape(lx, tok, out, at, column);
  if (c >= '0' && c <= '7') return read_octal_escape(lx, tok, out, in_template);
  if (c == '8' || c == '9') {
    if (in_template) {
      lex_error(tok, "\\8 and \\9 are not allowed in template strings.", lx->line, column, 1);
      return false;
    }
    note_legacy_escape(lx, tok, at, column, true);
    lex_skip(lx);
    put_cp(out, (uint32_t)c);
    return true;
  }
  uint32_t size;
  int32_t cp = lex_peek_cp(lx, &size);
  lex_advance_cp(lx);
  if (!lex_is_line_terminator((uint32_t)cp)) put_cp(out, (uint32_t)cp); /* else: continuation */
  return true;
}

/* Appends the code point at the cursor and consumes it. */
static void take_char(Lexer *lx, Units *out) {
  uint32_t size;
  int32_t cp = lex_peek_cp(lx, &size);
  put_cp(out, (uint32_t)cp);
  lex_advance_cp(lx);
}

/* StringLiteral: '...' or "...". A first pass finds the closing quote, so that the value's
 * buffer can be sized (a value never has more UTF-16 units than its source has bytes). */
TokenKind lex_scan_string(Lexer *lx, Token *tok) {
  char quote = lx->src[lx->pos];
  uint32_t end = lx->pos + 1;
  while (end < lx->length && lx->src[end] != quote && lx->src[end] != '\n' &&
         lx->src[end] != '\r')
    end += lx->src[end] == '\\' ? (end + 2 < lx->length && lx->src[end + 1] == '\r' &&
                                           lx->src[end + 2] == '\n' ? 3 : 2)
                                : 1;
  if (end >= lx->length || lx->src[end] != quote)
    return lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column,
                           end < lx->length ? end : lx->length);
  Units out = {lex_alloc(lx, (end - lx->pos) * sizeof(uint16_t)), 0};
  lex_skip(lx);
  while (lx->pos < end) {
    if (lx->src[lx->pos] != '\\') take_char(lx, &out);
    else if (!read_escape(lx, tok, &out, false)) return TOK_ERROR;
  }
  lex_skip(lx);
  tok->string = (LexString){out.u, out.n};
  return tok->kind = TOK_STRING;
}

/* ==== Template literals ==== */

/* Source text as UTF-16 units, CR and CRLF read as LF: a template piece's raw value, or a
 * regular expression's pattern. */
static LexString source_units(Lexer *lx, uint32_t from, uint32_t to) {
  Units raw = {lex_alloc(lx, (to - from + 1) * sizeof(uint16_t)), 0};
  for (uint32_t i = from; i < to;) {
    uint32_t size;
    uint32_t cp = lex_decode_utf8(lx->src + i, to - i, &size);
    i += size;
    if (cp == '\r') {
      cp = '\n';
      if (i < to && lx->src[i] == '\n') i++;
    }
    put_cp(&raw, cp);
  }
  return (LexString){raw.u, raw.n};
}

/* Keeps the first invalid escape of a template piece and carries on scanning: the piece
 * is fine in a tagged template (its cooked value is then undefined). */
static void note_bad_escape(Token *tok, const Token *saved) {
  if (saved->flags & TOKF_BAD_ESCAPE) {
    tok->message = saved->message;
    tok->error_line = saved->error_line;
    tok->error_column = saved->error_column;
    tok->error_length = saved->error_length;
  }
  tok->flags |= TOKF_BAD_ESCAPE;
}

//> lexer.template
/* A piece of a template literal, from after "`" or after the "}" closing a substitution,
 * up to and including the next "`" (TOK_TEMPLATE or TOK_TEMPLATE_TAIL) or "${"
 * (TOK_TEMPLATE_HEAD or TOK_TEMPLATE_MIDDLE). */
TokenKind lex_scan_template(Lexer *lx, Token *tok, bool first) {
  uint32_t begin = lx->pos, end = begin;
  while (end < lx->length && lx->src[end] != '`' &&
         !(lx->src[end] == '$' && end + 1 < lx->length && lx->src[end + 1] == '{'))
    end += lx->src[end] == '\\' ? 2 : 1;
  if (end >= lx->length) { /* never closed: V8 reports the end of the input */
    while (lx->pos < lx->length) lex_advance_cp(lx);
    return lex_error(tok, "Unexpected end of input", lx->line, lx->column, 0);
  }
  Units cooked = {lex_alloc(lx, (end - begin + 1) * sizeof(uint16_t)), 0};
  while (lx->pos < end) {
    int c = lex_peek(lx, 0);
    if (c == '\r') { /* CR and CRLF in a template read as LF */
      lex_advance_cp(lx);
      put_cp(&cooked, '\n');
    } else if (c != '\\') {
      take_char(lx, &cooked);
    } else {
      Token saved = *tok;
      if (!read_escape(lx, tok, &cooked, true)) note_bad_escape(tok, &saved);
    }
  }
  if (!(tok->flags & TOKF_BAD_ESCAPE)) tok->string = (LexString){cooked.u, cooked.n};
  tok->raw = source_units(lx, begin, end);
  bool tail = lx->src[end] == '`';
  lx->pos += tail ? 1 : 2;
  lx->column += tail ? 1 : 2;
  if (tail) return tok->kind = first ? TOK_TEMPLATE : TOK_TEMPLATE_TAIL;
  return tok->kind = first ? TOK_TEMPLATE_HEAD : TOK_TEMPLATE_MIDDLE;
}
//< lexer.template

/* ==== Regular expressions ==== */

/* The flags after the closing slash: each of d g i m s u v y at most once (else 1), and
 * not both u and v (2: V8 then underlines the whole literal). 0 when they are fine. */
static int check_regexp_flags(const char *flags, uint32_t n) {
  const char *allowed = "dgimsuvy";
  bool seen[8] = {false};
  for (uint32_t i = 0; i < n; i++) {
    const char *at = memchr(allowed, flags[i], 8);
    if (!at || seen[at - allowed]) return 1;
    seen[at - allowed] = true;
  }
  return seen[5] && seen[6] ? 2 : 0;
}

/* Consumes the body of a regular expression up to its closing `/`. Returns false at a line
 * end or the end of the input. A `/` inside a class [...] does not close it. */
static bool scan_regexp_body(Lexer *lx) {
  bool in_class = false;
  for (;;) {
    uint32_t size;
    int32_t cp = lex_peek_cp(lx, &size);
    if (cp < 0 || lex_is_line_terminator((uint32_t)cp)) return false;
    if (cp == '/' && !in_class) return true;
    if (cp == '[') in_class = true;
    else if (cp == ']') in_class = false;
    else if (cp == '\\') {
      lex_skip(lx);
      cp = lex_peek_cp(lx, &size);
      if (cp < 0 || lex_is_line_terminator((uint32_t)cp)) return false;
    }
    lex_advance_cp(lx);
  }
}

//> lexer.regexp-hook
TokenKind lex_rescan_regexp(Lexer *lx, Token *tok) {
  lx->pos = tok->start + 1; /* back to just after the `/`; a `/=` token's `=` is body */
  lx->line = tok->line;
  lx->column = tok->column + 1;
  if (!scan_regexp_body(lx))
    return lex_error(tok, "Invalid regular expression: missing /", tok->line, tok->column, 1);
  uint32_t body_end = lx->pos;
  lex_skip(lx);
  uint32_t flags_start = lx->pos;
  while (lex_is_digit(lex_peek(lx, 0)) || at_identifier_start(lx)) lex_advance_cp(lx);
  uint32_t nflags = lx->pos - flags_start;
  int bad = check_regexp_flags(lx->src + flags_start, nflags);
  if (bad)
    return lex_error(tok, "Invalid regular expression flags", tok->line, tok->column,
                     bad == 1 ? 1 : lex_utf16_length(lx->src + tok->start, lx->pos - tok->start));
  char *flags = lex_alloc(lx, nflags + 1);
  memcpy(flags, lx->src + flags_start, nflags);
  tok->regexp_flags = flags;
  tok->pattern = source_units(lx, tok->start + 1, body_end);
  tok->end = lx->pos;
  return tok->kind = TOK_REGEXP;
}
//< lexer.regexp-hook

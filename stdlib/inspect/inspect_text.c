/* inspect_text.c - the text side of util.inspect: lists of entries, quoting and
 * escaping strings the way inspect shows them, and measuring text (its JavaScript
 * .length and its width in terminal columns). Book: chapter 10, "Console and inspect".
 *
 * Entry points: entries_*, sb_put_quoted (strEscape), text_width (getStringWidth). The
 * buffers themselves are the engine's one string builder (vm/strbuf.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

/* ==== Lists of entries ==== */

void entries_push(Entries *e, char *item) {
  if (e->count == e->cap) {
    e->cap = e->cap ? e->cap * 2 : 8;
    e->items = mem_realloc(e->items, e->cap * sizeof *e->items);
  }
  e->items[e->count++] = item;
}

void entries_free(Entries *e) {
  for (size_t i = 0; i < e->count; i++) free(e->items[i]);
  free(e->items);
  *e = (Entries){0};
}

/* ==== Measures ==== */

/* The code point at units[*i] of str, pairing surrogates; advances *i past it. */
static uint32_t js_next_codepoint(Value str, uint32_t *i, uint32_t end) {
  uint16_t u = vm_string_unit(str, *i);
  (*i)++;
  if (u >= 0xD800 && u <= 0xDBFF && *i < end) {
    uint16_t lo = vm_string_unit(str, *i);
    if (lo >= 0xDC00 && lo <= 0xDFFF) {
      (*i)++;
      return 0x10000 + (((uint32_t)u - 0xD800) << 10) + (lo - 0xDC00);
    }
  }
  return u;
}

size_t text_utf16_length(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p & 0xC0) != 0x80) n++;
    if (*p >= 0xF0) n++; /* a 4-byte sequence is a surrogate pair */
  }
  return n;
}

/* ==== Width in terminal columns ==== */

typedef struct Range {
  uint32_t lo, hi;
} Range;

/* East Asian Wide and Fullwidth characters, plus emoji shown in emoji presentation:
 * what ICU's width function (which Node uses) counts as two columns. */
static const Range wide_ranges[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1E6, 0x1F1FF}, {0x1F200, 0x1F202},
    {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251}, {0x1F260, 0x1F265},
    {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393},
    {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
    {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D},
    {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
    {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
    {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
    {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Nonspacing and enclosing marks, format controls: no column at all. */
static const Range zero_ranges[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
    {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0600, 0x0605},
    {0x0610, 0x061A}, {0x061C, 0x061C}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DD}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
    {0xE0001, 0xE007F}, {0xE0100, 0xE01EF},
};

static bool in_ranges(const Range *r, size_t n, uint32_t cp) {
  size_t lo = 0, hi = n;
  while (lo < hi) { /* binary search: the tables are sorted */
    size_t mid = (lo + hi) / 2;
    if (cp < r[mid].lo) hi = mid;
    else if (cp > r[mid].hi) lo = mid + 1;
    else return true;
  }
  return false;
}

int inspect_codepoint_width(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  if (cp < 0x300) return 1;
  if (in_ranges(zero_ranges, sizeof zero_ranges / sizeof *zero_ranges, cp)) return 0;
  if (in_ranges(wide_ranges, sizeof wide_ranges / sizeof *wide_ranges, cp)) return 2;
  return 1;
}

/* Length of an ANSI escape sequence (ESC [ params final) at s, or 0. */
static size_t ansi_length(const char *s) {
  if (s[0] != '\x1b' || s[1] != '[') return 0;
  size_t i = 2;
  while ((s[i] >= '0' && s[i] <= '9') || s[i] == ';') i++;
  return s[i] ? i + 1 : i;
}

size_t text_width(const char *s, bool strip_ansi) {
  size_t width = 0;
  for (size_t i = 0; s[i];) {
    size_t n = strip_ansi ? ansi_length(s + i) : 0;
    if (n) {
      i += n;
      continue;
    }
    uint32_t cp = sb_decode((const unsigned char *)s + i, &n);
    i += n;
    width += (size_t)inspect_codepoint_width(cp);
  }
  return width;
}

void sb_put_indented(StrBuf *sb, const char *src, int indent) {
  for (const char *nl; (nl = strchr(src, '\n')); src = nl + 1) {
    sb_putn(sb, src, (size_t)(nl - src + 1));
    sb_spaces(sb, indent);
  }
  sb_puts(sb, src);
}

/* ==== Quoting (strEscape) ==== */

/* Appends the escape for unit u if inspect escapes it; returns false otherwise. Control
 * characters use JavaScript's short escapes or \xHH; quote is the unit to escape. */
static bool put_escape(StrBuf *sb, uint16_t u, uint16_t quote) {
  static const char short_escapes[] = "btnvfr"; /* \b \t \n (\v is \x0B) \f \r */
  if (u == quote && u != 0) {
    sb_putc(sb, '\\'), sb_putc(sb, (char)u);
  } else if (u == '\\') {
    sb_puts(sb, "\\\\");
  } else if (u >= 8 && u <= 13 && u != 11) {
    sb_putc(sb, '\\'), sb_putc(sb, short_escapes[u - 8]);
  } else if (u < 0x20 || (u >= 0x7F && u < 0xA0)) {
    sb_printf(sb, "\\x%02X", u);
  } else {
    return false;
  }
  return true;
}

/* Escaped units [start, end) of str: quote escaped (0: none), lone surrogates as \uXXXX. */
static void put_escaped_range(StrBuf *sb, Value str, uint32_t start, uint32_t end,
                              uint16_t quote) {
  for (uint32_t i = start; i < end;) {
    uint16_t u = vm_string_unit(str, i);
    if (put_escape(sb, u, quote)) {
      i++;
      continue;
    }
    uint32_t cp = js_next_codepoint(str, &i, end);
    if (cp >= 0xD800 && cp <= 0xDFFF) sb_printf(sb, "\\u%x", (unsigned)cp);
    else sb_put_codepoint(sb, cp);
  }
}

/* Which quote strEscape picks: ' unless the text has one; then " unless it has one too;
 * then ` unless it has a backtick or ${; else ' with \' escapes. */
static char choose_quote(Value str, uint32_t start, uint32_t end) {
  bool single = false, dbl = false, back = false;
  for (uint32_t i = start; i < end; i++) {
    uint16_t u = vm_string_unit(str, i);
    if (u == '\'') single = true;
    else if (u == '"') dbl = true;
    else if (u == '`') back = true;
    else if (u == '$' && i + 1 < end && vm_string_unit(str, i + 1) == '{') back = true;
  }
  if (!single) return '\'';
  if (!dbl) return '"';
  if (!back) return '`';
  return '\'';
}

void sb_put_quoted(StrBuf *sb, Value str, uint32_t start, uint32_t end) {
  char q = choose_quote(str, start, end);
  sb_putc(sb, q);
  put_escaped_range(sb, str, start, end, q == '\'' ? '\'' : 0);
  sb_putc(sb, q);
}

void sb_put_escaped_js(StrBuf *sb, Value str) {
  put_escaped_range(sb, str, 0, vm_string_length(str), '\'');
}

bool key_is_identifier(Value key) {
  uint32_t n = vm_string_length(key);
  if (n == 0) return false;
  for (uint32_t i = 0; i < n; i++) {
    uint16_t u = vm_string_unit(key, i);
    bool alpha = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
    if (!alpha && !(i > 0 && u >= '0' && u <= '9')) return false;
  }
  return true;
}

/* ==== Numbers ==== */

/* 1234567 -> 1_234_567 for the integer digits in [s, s+n). */
static void put_grouped_integer(StrBuf *sb, const char *s, size_t n) {
  size_t start = (n > 0 && s[0] == '-') ? 1 : 0;
  sb_putn(sb, s, start);
  for (size_t i = start; i < n; i++) {
    if (i > start && (n - i) % 3 == 0) sb_putc(sb, '_');
    sb_putc(sb, s[i]);
  }
}

/* 0.1234567 -> fraction digits grouped from the left: 123_456_7. */
static void put_grouped_fraction(StrBuf *sb, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && i % 3 == 0 && n > 3) sb_putc(sb, '_');
    sb_putc(sb, s[i]);
  }
}

void sb_put_number(StrBuf *sb, double d, bool numeric_separator) {
  char buf[40];
  if (d == 0 && signbit(d)) {
    sb_puts(sb, "-0");
    return;
  }
  const char *s = vm_number_to_cstr(d, buf);
  if (!numeric_separator || !isfinite(d) || strchr(s, 'e')) {
    sb_puts(sb, s);
    return;
  }
  const char *dot = strchr(s, '.');
  if (!dot) {
    put_grouped_integer(sb, s, strlen(s));
    return;
  }
  put_grouped_integer(sb, s, (size_t)(dot - s));
  sb_putc(sb, '.');
  put_grouped_fraction(sb, dot + 1, strlen(dot + 1));
}

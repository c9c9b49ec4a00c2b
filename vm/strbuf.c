/* strbuf.c - the one string builder: a growable buffer of WTF-8 text.
 * Book: chapter 7, "The standard library", and chapter 10, "Console and inspect".
 *
 * Built-ins that assemble a string piece by piece (join, padStart, JSON.stringify,
 * util.inspect, console.log) append to a StrBuf and turn it into a string Value at the
 * end (sb_finish), or print its bytes. The text is WTF-8: UTF-8 in which a lone
 * surrogate of a JavaScript string keeps its own 3-byte sequence, so that a string
 * read in and read back out is the same string, unit for unit, while well-formed text
 * is plain UTF-8, ready for a terminal. Entry points: sb_put* to append, sb_finish /
 * sb_to_value for a string Value, sb_take for a C string, vm_to_wtf8 for a copy.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "vm/vm.h"

/* ==== Appending bytes ==== */

static void sb_reserve(StrBuf *sb, size_t extra) {
  if (sb->len + extra + 1 <= sb->cap) return;
  size_t cap = sb->cap ? sb->cap * 2 : 64;
  while (cap < sb->len + extra + 1) cap *= 2;
  sb->data = mem_realloc(sb->data, cap);
  sb->cap = cap;
}

void sb_putn(StrBuf *sb, const char *s, size_t n) {
  sb_reserve(sb, n);
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = '\0';
}

void sb_puts(StrBuf *sb, const char *s) { sb_putn(sb, s, strlen(s)); }
void sb_putc(StrBuf *sb, char c) { sb_putn(sb, &c, 1); }

void sb_printf(StrBuf *sb, const char *fmt, ...) {
  char small[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) {
    sb_putn(sb, small, (size_t)n);
    return;
  }
  sb_reserve(sb, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  sb->len += (size_t)n;
}

void sb_spaces(StrBuf *sb, int n) {
  if (n <= 0) return;
  sb_reserve(sb, (size_t)n);
  memset(sb->data + sb->len, ' ', (size_t)n);
  sb->len += (size_t)n;
  sb->data[sb->len] = '\0';
}

void sb_truncate(StrBuf *sb, size_t len) {
  if (len >= sb->len) return;
  sb->len = len;
  sb->data[len] = '\0';
}

char *sb_take(StrBuf *sb) {
  char *s = sb->data ? sb->data : mem_strdup("");
  *sb = (StrBuf){0};
  return s;
}

void sb_free(StrBuf *sb) {
  free(sb->data);
  *sb = (StrBuf){0};
}

/* ==== Appending UTF-16 ==== */

/* cp's UTF-8 bytes (a lone surrogate's too: WTF-8 keeps it as 3 bytes). */
static void put_utf8(StrBuf *sb, uint32_t cp) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = (char)cp, n = 1;
  } else if (cp < 0x800) {
    b[0] = (char)(0xC0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  } else if (cp < 0x10000) {
    b[0] = (char)(0xE0 | (cp >> 12)), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  } else {
    b[0] = (char)(0xF0 | (cp >> 18)), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  }
  sb_putn(sb, b, n);
}

/* The high surrogate the buffer ends with (its 3-byte WTF-8 form), or 0. */
static uint16_t trailing_high_surrogate(const StrBuf *sb) {
  if (sb->len < 3) return 0;
  const unsigned char *p = (const unsigned char *)sb->data + sb->len - 3;
  if (p[0] != 0xED || p[1] < 0xA0 || p[1] > 0xAF) return 0;
  return (uint16_t)(0xD000 | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
}

//> vm.sb-put-codepoint
void sb_put_codepoint(StrBuf *sb, uint32_t cp) {
  uint16_t high = cp >= 0xDC00 && cp <= 0xDFFF ? trailing_high_surrogate(sb) : 0;
  if (!high) {
    put_utf8(sb, cp);
    return;
  }
  sb->len -= 3; /* the pair is one code point: its 4-byte sequence replaces the half */
  put_utf8(sb, 0x10000 + (((uint32_t)high - 0xD800) << 10) + (cp - 0xDC00));
}
//< vm.sb-put-codepoint

void sb_put_unit(StrBuf *sb, uint16_t unit) { sb_put_codepoint(sb, unit); }

void sb_put_js(StrBuf *sb, Value str) { sb_put_js_range(sb, str, 0, vm_string_length(str)); }

void sb_put_js_range(StrBuf *sb, Value str, uint32_t start, uint32_t end) {
  if (start >= end) return; /* reserving would leave a buffer without its NUL */
  sb_reserve(sb, end - start);
  for (uint32_t i = start; i < end; i++) sb_put_unit(sb, vm_string_unit(str, i));
}

char *vm_to_wtf8(Value str) {
  StrBuf sb = {0};
  sb_put_js(&sb, str);
  return sb_take(&sb);
}

/* ==== Back to a string ==== */

uint32_t sb_decode(const unsigned char *s, size_t *n) {
  unsigned c = s[0];
  if (c < 0x80) return *n = 1, c;
  if (c >= 0xC0 && c < 0xE0 && (s[1] & 0xC0) == 0x80)
    return *n = 2, ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
  if (c >= 0xE0 && c < 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
    return *n = 3, ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
  if (c >= 0xF0 && c < 0xF8 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
      (s[3] & 0xC0) == 0x80)
    return *n = 4, ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
                       (s[3] & 0x3Fu);
  return *n = 1, c;
}

Value sb_to_value(VM *vm, const char *text, size_t len) {
  size_t i = 0;
  while (i < len && (unsigned char)text[i] < 0x80) i++;
  if (i == len) return vm_string_n(vm, text, len); /* pure ASCII */
  uint16_t *units = mem_alloc((len + 1) * sizeof *units);
  size_t count = 0;
  for (i = 0; i < len;) {
    size_t n;
    uint32_t cp = sb_decode((const unsigned char *)text + i, &n);
    i += n;
    if (cp >= 0x10000) {
      units[count++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
      units[count++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      units[count++] = (uint16_t)cp;
    }
  }
  Value v = vm_string_from_units(vm, units, count);
  free(units);
  return v;
}

Value sb_finish(VM *vm, StrBuf *sb) {
  Value s = sb_to_value(vm, sb->data ? sb->data : "", sb->len);
  sb_free(sb);
  return s;
}

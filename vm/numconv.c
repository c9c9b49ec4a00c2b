/* numconv.c - numbers to text and back, exactly as ECMAScript specifies.
 * Book: chapter 3, "Values and objects".
 *
 *   vm_number_to_cstr   Number::toString(10): the shortest digits that round-trip
 *   vm_cstr_to_number   StringToNumber for ASCII text (whitespace already trimmed or not)
 *
 * The shortest-digits search leans on the C library: print with 1, 2, ... 17
 * significant digits and keep the first that reads back as the same double.
 * glibc's printf and strtod are correctly rounded, so the result is exact.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

/* The shortest decimal digits of d (> 0, finite) and its decimal exponent:
 * d = 0.DIGITS * 10^point. Returns the digit count. */
static int shortest_digits(double d, char *digits, int *point) {
  char buf[40];
  for (int precision = 1; precision <= 17; precision++) {
    snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (strtod(buf, NULL) == d || precision == 17) break;
  }
  /* buf is "D.DDDDe+XX" or "De-XX" */
  int k = 0;
  const char *p = buf;
  for (; *p != 'e'; p++)
    if (*p != '.') digits[k++] = *p;
  while (k > 1 && digits[k - 1] == '0') k--;
  digits[k] = 0;
  *point = atoi(p + 1) + 1;
  return k;
}

//> vm.number-to-string
/* An integer's decimal digits, written backwards then turned round (sprintf costs ten
 * times as much, and array indices and string keys are converted all the time). */
static const char *integer_to_cstr(int64_t v, char *buf) {
  char tmp[24];
  int n = 0;
  uint64_t u = v < 0 ? (uint64_t)-v : (uint64_t)v;
  do tmp[n++] = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  char *out = buf;
  if (v < 0) *out++ = '-';
  while (n > 0) *out++ = tmp[--n];
  *out = 0;
  return buf;
}

const char *vm_number_to_cstr(double d, char *buf) {
  if (isnan(d)) return strcpy(buf, "NaN");
  if (d == 0) return strcpy(buf, "0");
  if (isinf(d)) return strcpy(buf, d > 0 ? "Infinity" : "-Infinity");
  /* integers: the common case, exact below 2^53 (beyond it, the shortest digits) */
  if (d == (double)(int64_t)d && d > -9007199254740992.0 && d < 9007199254740992.0)
    return integer_to_cstr((int64_t)d, buf);
  char *out = buf;
  if (d < 0) *out++ = '-', d = -d;
  char digits[24];
  int n, k = shortest_digits(d, digits, &n);
  if (k <= n && n <= 21) {          /* 123000 */
    out += sprintf(out, "%s%.*s", digits, n - k, "000000000000000000000");
  } else if (0 < n && n <= 21) {    /* 123.456 */
    out += sprintf(out, "%.*s.%s", n, digits, digits + n);
  } else if (-6 < n && n <= 0) {    /* 0.000123 */
    out += sprintf(out, "0.%.*s%s", -n, "000000", digits);
  } else {                          /* 1.23e+21, 1e-7 */
    int e = n - 1;
    if (k == 1) out += sprintf(out, "%ce%c%d", digits[0], e < 0 ? '-' : '+', abs(e));
    else out += sprintf(out, "%c.%se%c%d", digits[0], digits + 1, e < 0 ? '-' : '+', abs(e));
  }
  return buf;
}
//< vm.number-to-string

static bool is_digit_in(char c, int radix) {
  int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10
        : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
  return v < radix;
}

static int digit_value(char c) {
  return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* 0x1F, 0o17, 0b101: no sign, no fraction, at least one digit. */
static double radix_literal(const char *s, size_t n, int radix) {
  if (n == 0) return NAN;
  double v = 0;
  for (size_t i = 0; i < n; i++) {
    if (!is_digit_in(s[i], radix)) return NAN;
    v = v * radix + digit_value(s[i]);
  }
  return v;
}

/* StrUnsignedDecimalLiteral: digits [. digits] [e [+-] digits], or Infinity. */
static bool valid_decimal(const char *s, size_t n) {
  size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') i++, int_digits++;
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, frac_digits++;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    size_t exp_digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, exp_digits++;
    if (exp_digits == 0) return false;
  }
  return i == n;
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

double vm_cstr_to_number(const char *s, size_t n) {
  while (n > 0 && is_space(*s)) s++, n--;
  while (n > 0 && is_space(s[n - 1])) n--;
  if (n == 0) return 0;
  if (n > 2 && s[0] == '0') {
    char p = s[1] | 0x20;
    if (p == 'x') return radix_literal(s + 2, n - 2, 16);
    if (p == 'o') return radix_literal(s + 2, n - 2, 8);
    if (p == 'b') return radix_literal(s + 2, n - 2, 2);
  }
  double sign = 1;
  if (*s == '+' || *s == '-') sign = *s == '-' ? -1 : 1, s++, n--;
  if (n == 8 && memcmp(s, "Infinity", 8) == 0) return sign * INFINITY;
  if (!valid_decimal(s, n)) return NAN;
  char small[64], *buf = n < sizeof small ? small : mem_alloc(n + 1);
  memcpy(buf, s, n);
  buf[n] = 0;
  double v = strtod(buf, NULL);
  if (buf != small) free(buf);
  return sign * v;
}

/* number.c - Number, Boolean and Math, and the global number functions (parseInt,
 * parseFloat, isNaN, isFinite) and values (NaN, Infinity, undefined).
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_number. toFixed, toExponential and toPrecision round
 * the exact binary value of the number, as the spec (and V8) do: glibc's printf gives
 * the exact decimal expansion, and decimal_round rounds it half-up. toString(radix)
 * follows V8's digit-by-digit algorithm, so fractions print the same digits.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

/* ==== Decimal digits ==== */

/* The decimal digits of x > 0: digits (no point, no trailing zeros) and the exponent of
 * the first one (x = d.ddd * 10^exp). Exact when exact is set, else the shortest
 * digits that read back as x. Returns the digit count. */
static int decimal_digits(double x, bool exact, char *digits, int *exp) {
  char buf[1200];
  if (exact) {
    snprintf(buf, sizeof buf, "%.800e", x); /* glibc prints the exact expansion */
  } else {
    for (int p = 1; p <= 17; p++) {
      snprintf(buf, sizeof buf, "%.*e", p - 1, x);
      if (strtod(buf, NULL) == x) break;
    }
  }
  int n = 0;
  const char *p = buf;
  for (; *p != 'e'; p++)
    if (*p != '.') digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0') n--;
  digits[n] = 0;
  *exp = atoi(p + 1);
  return n;
}

/* Keep the first keep digits (keep >= 0), rounding half up, zero-padding if there were
 * fewer. A carry out of the first digit bumps *exp (999 -> 100, or "" -> "1" when
 * keep is 0). Returns how many digits there are now. */
static int decimal_round(char *digits, int n, int keep, int *exp) {
  bool up = keep < n && digits[keep] >= '5';
  for (int i = n; i < keep; i++) digits[i] = '0';
  digits[keep] = 0;
  for (int i = keep - 1; up && i >= 0; i--) {
    if (digits[i] == '9') {
      digits[i] = '0';
    } else {
      digits[i]++;
      up = false;
    }
  }
  if (!up) return keep;
  (*exp)++; /* every kept digit was 9 (or none was kept): a 1 in front */
  memmove(digits + 1, digits, (size_t)keep);
  digits[0] = '1';
  if (keep == 0) keep = 1;
  digits[keep] = 0;
  return keep;
}

/* ==== thisNumberValue and friends ==== */

static bool this_number(VM *vm, Value v, const char *method, double *out) {
  if (value_is_number(v)) return *out = value_to_number(v), true;
  if (value_is_object(v) && vm_object_class(v) == VM_CLASS_NUMBER)
    return *out = value_to_number(vm_inner_value(v)), true;
  builtins_throw_this(vm, method, "Number");
  return false;
}

/* A digits argument in [lo, hi], or RangeError with V8's message. */
static bool digits_arg(VM *vm, Value v, int lo, int hi, const char *what, double *out) {
  if (!builtins_to_integer(vm, v, out)) return false;
  if (*out < lo || *out > hi) {
    vm_throw_error(vm, ERR_RANGE, "%s argument must be between %d and %d", what, lo, hi);
    return false;
  }
  return true;
}

static Value number_value_to_string(VM *vm, double x) { return vm_number_to_string(vm, x); }

/* ==== toFixed, toExponential, toPrecision ==== */

//> stdlib.number-to-fixed
static Value number_to_fixed(VM *vm, Value this_value, int argc, Value *argv) {
  double x, f;
  if (!this_number(vm, this_value, "Number.prototype.toFixed", &x)) return VALUE_EXCEPTION;
  if (!digits_arg(vm, ARG(0), 0, 100, "toFixed() digits", &f)) return VALUE_EXCEPTION;
  if (isnan(x) || fabs(x) >= 1e21) return number_value_to_string(vm, x);
  char digits[1200], out[1300], *o = out;
  int exp = 0, n = x == 0 ? 0 : decimal_digits(fabs(x), true, digits, &exp);
  int keep = exp + 1 + (int)f; /* digits before the point, plus f after it */
  if (keep < 0) n = 0, keep = 0; /* far below the last place: rounds to zero */
  keep = decimal_round(digits, n, keep, &exp);
  int int_digits = exp + 1; /* may have grown by the carry */
  if (x < 0) *o++ = '-';
  if (int_digits <= 0) *o++ = '0';
  for (int i = 0; i < int_digits; i++) *o++ = i < keep ? digits[i] : '0';
  if (f > 0) *o++ = '.';
  for (int i = 0; i < (int)f; i++) {
    int d = int_digits + i;
    *o++ = d >= 0 && d < keep ? digits[d] : '0';
  }
  *o = 0;
  return vm_string(vm, out);
}
//< stdlib.number-to-fixed

/* "d.ddde+X" from rounded digits. */
static Value exponential_string(VM *vm, bool negative, const char *digits, int exp) {
  char out[1300];
  int n = (int)strlen(digits);
  snprintf(out, sizeof out, "%s%c%s%.*s%c%c%d", negative ? "-" : "", digits[0], n > 1 ? "." : "",
           n - 1, digits + 1, 'e', exp < 0 ? '-' : '+', abs(exp));
  return vm_string(vm, out);
}

static Value number_to_exponential(VM *vm, Value this_value, int argc, Value *argv) {
  double x, f;
  if (!this_number(vm, this_value, "Number.prototype.toExponential", &x)) return VALUE_EXCEPTION;
  if (!builtins_to_integer(vm, ARG(0), &f)) return VALUE_EXCEPTION;
  if (!isfinite(x)) return number_value_to_string(vm, x);
  if (f < 0 || f > 100)
    return vm_throw_error(vm, ERR_RANGE, "toExponential() argument must be between 0 and 100");
  char digits[1200];
  int exp = 0, n;
  if (x == 0) {
    n = 1, digits[0] = '0', digits[1] = 0;
  } else {
    n = decimal_digits(fabs(x), !value_is_undefined(ARG(0)), digits, &exp);
  }
  if (!value_is_undefined(ARG(0))) decimal_round(digits, n, (int)f + 1, &exp);
  return exponential_string(vm, x < 0, digits, exp);
}

static Value number_to_precision(VM *vm, Value this_value, int argc, Value *argv) {
  double x, p;
  if (!this_number(vm, this_value, "Number.prototype.toPrecision", &x)) return VALUE_EXCEPTION;
  if (value_is_undefined(ARG(0))) return number_value_to_string(vm, x);
  if (!builtins_to_integer(vm, ARG(0), &p)) return VALUE_EXCEPTION;
  if (!isfinite(x)) return number_value_to_string(vm, x);
  if (p < 1 || p > 100)
    return vm_throw_error(vm, ERR_RANGE, "toPrecision() argument must be between 1 and 100");
  char digits[1200], out[1300];
  int exp = 0, n = x == 0 ? 0 : decimal_digits(fabs(x), true, digits, &exp);
  decimal_round(digits, n, (int)p, &exp);
  if (exp < -6 || exp >= p) return exponential_string(vm, x < 0, digits, exp);
  const char *sign = x < 0 ? "-" : "";
  if (exp >= 0)
    snprintf(out, sizeof out, "%s%.*s%s%s", sign, exp + 1, digits, exp + 1 < p ? "." : "",
             digits + exp + 1);
  else
    snprintf(out, sizeof out, "%s0.%.*s%s", sign, -exp - 1, "000000", digits);
  return vm_string(vm, out);
}

/* ==== toString(radix) ==== */

/* The next double above x > 0 (x finite). */
static double next_up(double x) { return nextafter(x, INFINITY); }

//> stdlib.number-radix
/* x (finite, not negative) in base radix: V8's algorithm. Fraction digits stop when
 * they no longer tell x from its neighbours (delta is half the gap to the next double),
 * and the last digit is rounded half to even, carrying into earlier digits if needed. */
static void radix_string(double x, int radix, char *out) {
  static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char frac[1100];
  int nf = 0;
  double integer = floor(x), fraction = x - integer;
  double delta = fmax(0.5 * (next_up(x) - x), next_up(0.0));
  if (fraction >= delta) {
    do {
      fraction *= radix, delta *= radix;
      int digit = (int)fraction;
      frac[nf++] = chars[digit];
      fraction -= digit;
      if ((fraction > 0.5 || (fraction == 0.5 && (digit & 1))) && fraction + delta > 1) {
        for (;;) { /* round up, propagating the carry leftwards */
          if (nf == 0) {
            integer += 1;
            break;
          }
          char c = frac[--nf];
          int d = c > '9' ? c - 'a' + 10 : c - '0';
          if (d + 1 < radix) {
            frac[nf++] = chars[d + 1];
            break;
          }
        }
        break;
      }
    } while (fraction >= delta);
  }
  char whole[1100];
  int ni = 0;
  for (; integer / radix >= 9007199254740992.0; integer /= radix) whole[ni++] = '0';
  do {
    double r = fmod(integer, radix);
    whole[ni++] = chars[(int)r];
    integer = (integer - r) / radix;
  } while (integer > 0);
  for (int i = 0; i < ni; i++) *out++ = whole[ni - 1 - i];
  if (nf > 0) *out++ = '.', memcpy(out, frac, (size_t)nf), out += nf;
  *out = 0;
}
//< stdlib.number-radix

static Value number_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  double x, radix = 10;
  if (!this_number(vm, this_value, "Number.prototype.toString", &x)) return VALUE_EXCEPTION;
  if (!value_is_undefined(ARG(0)) && !builtins_to_integer(vm, ARG(0), &radix))
    return VALUE_EXCEPTION;
  if (radix < 2 || radix > 36)
    return vm_throw_error(vm, ERR_RANGE, "toString() radix argument must be between 2 and 36");
  if (radix == 10 || !isfinite(x)) return number_value_to_string(vm, x);
  char out[2300];
  out[0] = '-';
  radix_string(fabs(x), (int)radix, out + (x < 0));
  return vm_string(vm, out);
}

/* en-US formatting as Intl.NumberFormat does by default: the shortest digits rounded
 * half-up to three fraction digits, the integer part grouped by commas. */
static Value number_to_locale_string(VM *vm, Value this_value, int argc, Value *argv) {
  double x;
  if (!this_number(vm, this_value, "Number.prototype.toLocaleString", &x)) return VALUE_EXCEPTION;
  if (isnan(x)) return vm_string(vm, "NaN");
  if (isinf(x)) return vm_string(vm, x > 0 ? "∞" : "-∞");
  char digits[64], out[512], *o = out;
  int exp = 0, n = x == 0 ? 0 : decimal_digits(fabs(x), false, digits, &exp);
  int keep = exp + 1 + 3;
  if (keep < 0) n = 0, keep = 0;
  keep = decimal_round(digits, n, keep, &exp);
  while (keep > 0 && keep - 1 > exp && digits[keep - 1] == '0') digits[--keep] = 0;
  if (signbit(x)) *o++ = '-';
  int int_digits = exp + 1 > 0 ? exp + 1 : 0, frac = keep > 0 ? keep - 1 - exp : 0;
  if (int_digits == 0) *o++ = '0';
  for (int i = 0; i < int_digits; i++) {
    if (i > 0 && (int_digits - i) % 3 == 0) *o++ = ',';
    *o++ = i < keep ? digits[i] : '0';
  }
  if (frac > 0) *o++ = '.';
  for (int j = 1; j <= frac; j++) *o++ = exp + j < 0 ? '0' : digits[exp + j];
  *o = 0;
  return vm_string(vm, out);
}

static Value number_value_of(VM *vm, Value this_value, int argc, Value *argv) {
  double x;
  return this_number(vm, this_value, "Number.prototype.valueOf", &x) ? value_from_number(x)
                                                                     : VALUE_EXCEPTION;
}

/* ==== The Number constructor and its statics ==== */

/* The prototype for a `new X(...)` wrapper: new.target's, or the intrinsic. */
static Value wrapper_proto(VM *vm, Intrinsic fallback) {
  Value proto = vm_get_str(vm, vm_new_target(vm), "prototype");
  if (value_is_exception(proto) || value_is_object(proto)) return proto;
  return vm_intrinsic(vm, fallback);
}

static Value number_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value n = argc == 0 ? value_from_number(0) : vm_to_number(vm, argv[0]);
  if (value_is_exception(n) || value_is_undefined(vm_new_target(vm))) return n;
  Value proto = vm_handle_push(vm, wrapper_proto(vm, INTRINSIC_NUMBER_PROTOTYPE));
  Value r = value_is_exception(proto) ? proto : vm_object_of_class(vm, VM_CLASS_NUMBER, proto, n);
  return r;
}

/* isNaN, isFinite and Number's isNaN, isFinite, isInteger, isSafeInteger: the magic is a
 * test and, for the two globals, NUMBER_CONVERT: they run ToNumber where Number's
 * functions answer false for anything but a number. */
enum { NUMBER_NAN, NUMBER_FINITE, NUMBER_INTEGER, NUMBER_SAFE_INTEGER, NUMBER_CONVERT = 8 };

static Value number_test(VM *vm, Value this_value, int argc, Value *argv) {
  int magic = vm_native_magic(vm);
  Value n = ARG(0);
  if (magic & NUMBER_CONVERT) n = vm_to_number(vm, n);
  if (value_is_exception(n) || !value_is_number(n)) return value_is_exception(n) ? n : VALUE_FALSE;
  double d = value_to_number(n);
  switch (magic & ~NUMBER_CONVERT) {
  case NUMBER_NAN: return value_from_bool(isnan(d));
  case NUMBER_FINITE: return value_from_bool(isfinite(d));
  case NUMBER_INTEGER: return value_from_bool(isfinite(d) && trunc(d) == d);
  default: return value_from_bool(isfinite(d) && trunc(d) == d && fabs(d) <= 9007199254740991.0);
  }
}

/* ==== Global functions ==== */

/* Is unit JavaScript white space or a line terminator (what trimming removes)? */
static bool is_js_space(uint16_t u) {
  if (u == 9 || u == 10 || u == 11 || u == 12 || u == 13 || u == 32 || u == 0xA0) return true;
  return u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F ||
         u == 0x205F || u == 0x3000 || u == 0xFEFF;
}

/* The input string's ASCII text after leading white space (non-ASCII ends it). */
static char *trimmed_ascii(VM *vm, Value s) {
  uint32_t n = vm_string_length(s), i = 0;
  while (i < n && is_js_space(vm_string_unit(s, i))) i++;
  char *out = mem_alloc(n - i + 1);
  uint32_t k = 0;
  for (; i < n && vm_string_unit(s, i) < 128; i++) out[k++] = (char)vm_string_unit(s, i);
  out[k] = 0;
  return out;
}

static int digit_of(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

//> stdlib.parse-int
static Value global_parse_int(VM *vm, Value t, int argc, Value *argv) {
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0))); /* the radix's valueOf may collect */
  double r;
  if (value_is_exception(s) || !builtins_to_integer(vm, ARG(1), &r)) return VALUE_EXCEPTION;
  char *text = trimmed_ascii(vm, s), *p = text;
  double wrapped = isfinite(r) ? fmod(r, 4294967296.0) : 0; /* ToInt32: modulo 2^32, signed */
  if (wrapped < 0) wrapped += 4294967296.0;
  int sign = 1, radix = wrapped >= 2147483648.0 ? (int)(wrapped - 4294967296.0) : (int)wrapped;
  if (*p == '-' || *p == '+') sign = *p++ == '-' ? -1 : 1;
  bool strip = radix == 0 || radix == 16;
  if (radix == 0) radix = 10;
  if (strip && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) p += 2, radix = 16;
  double result = NAN;
  if (radix >= 2 && radix <= 36) {
    const char *start = p;
    for (; digit_of(*p) < radix; p++) {}
    if (p > start && radix == 10) { /* decimal: let strtod round the digits exactly */
      char save = *p;
      *p = 0;
      result = strtod(start, NULL);
      *p = save;
    } else if (p > start) {
      result = 0;
      for (const char *q = start; q < p; q++) result = result * radix + digit_of(*q);
    }
  }
  free(text);
  return value_from_number(sign * result);
}
//< stdlib.parse-int

/* Length of the longest StrDecimalLiteral prefix of p (no sign, no Infinity). */
static size_t decimal_prefix(const char *p) {
  size_t i = 0, digits = 0;
  while (p[i] >= '0' && p[i] <= '9') i++, digits++;
  if (p[i] == '.') {
    size_t j = i + 1;
    while (p[j] >= '0' && p[j] <= '9') j++, digits++;
    if (digits) i = j;
  }
  if (!digits) return 0;
  if (p[i] == 'e' || p[i] == 'E') {
    size_t j = i + 1;
    if (p[j] == '+' || p[j] == '-') j++;
    if (p[j] >= '0' && p[j] <= '9') {
      while (p[j] >= '0' && p[j] <= '9') j++;
      i = j;
    }
  }
  return i;
}

static Value global_parse_float(VM *vm, Value t, int argc, Value *argv) {
  Value s = vm_to_string(vm, ARG(0));
  if (value_is_exception(s)) return s;
  char *text = trimmed_ascii(vm, s), *p = text;
  double sign = 1, result = NAN;
  if (*p == '-' || *p == '+') sign = *p++ == '-' ? -1 : 1;
  size_t n = decimal_prefix(p);
  if (n) {
    p[n] = 0;
    result = strtod(p, NULL);
  } else if (strncmp(p, "Infinity", 8) == 0) {
    result = INFINITY;
  }
  free(text);
  return value_from_number(sign * result);
}

/* ==== Boolean ==== */

static Value boolean_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value b = value_from_bool(vm_truthy(ARG(0)));
  if (value_is_undefined(vm_new_target(vm))) return b;
  Value proto = wrapper_proto(vm, INTRINSIC_BOOLEAN_PROTOTYPE);
  return value_is_exception(proto) ? proto : vm_object_of_class(vm, VM_CLASS_BOOLEAN, proto, b);
}

/* toString (magic 0) and valueOf (magic 1): thisBooleanValue, then the string or itself. */
static Value boolean_value(VM *vm, Value this_value, int argc, Value *argv) {
  bool value_of = vm_native_magic(vm);
  Value b = this_value;
  if (value_is_object(b) && vm_object_class(b) == VM_CLASS_BOOLEAN) b = vm_inner_value(b);
  if (!value_is_bool(b))
    return builtins_throw_this(
        vm, value_of ? "Boolean.prototype.valueOf" : "Boolean.prototype.toString", "Boolean");
  return value_of ? b : vm_atom(vm, b == VALUE_TRUE ? "true" : "false");
}

/* ==== Math ==== */

/* Every argument through ToNumber, in order (valueOf may run); false on exception. */
static bool number_args(VM *vm, int argc, Value *argv, int want, double *out) {
  for (int i = 0; i < want; i++) {
    Value n = vm_to_number(vm, builtins_arg(argc, argv, i));
    if (value_is_exception(n)) return false;
    out[i] = value_to_number(n);
  }
  return true;
}

typedef double (*MathFn1)(double);

static double js_round(double x) {
  if (!isfinite(x) || floor(x) == x) return x;
  if (x < 0 && x >= -0.5) return -0.0;
  double r = floor(x);
  return x - r >= 0.5 ? r + 1 : r;
}
/* glibc's cbrt is off by an ulp on some perfect cubes; the long double one is not. */
static double js_cbrt(double x) { return (double)cbrtl(x); }
static double js_sign(double x) { return isnan(x) || x == 0 ? x : x > 0 ? 1 : -1; }
static double js_fround(double x) { return (double)(float)x; }
/* ToUint32. */
static uint32_t to_uint32(double x) {
  if (!isfinite(x)) return 0;
  double m = fmod(trunc(x), 4294967296.0);
  return (uint32_t)(m < 0 ? m + 4294967296.0 : m);
}

static double js_clz32(double x) {
  uint32_t u = to_uint32(x);
  int n = 0;
  while (n < 32 && !(u & (0x80000000u >> n))) n++;
  return n;
}

//> stdlib.math-unary
/* The one-argument Math functions and the C function behind each. One native serves them
 * all: its magic is MATH_<name>, the function's index in math_unary_fns. */
#define FOR_EACH_MATH_UNARY(X)                                                                 \
  X(abs, fabs) X(acos, acos) X(acosh, acosh) X(asin, asin) X(asinh, asinh) X(atan, atan)       \
  X(atanh, atanh) X(ceil, ceil) X(cbrt, js_cbrt) X(expm1, expm1) X(clz32, js_clz32)             \
  X(cos, cos) X(cosh, cosh) X(exp, exp) X(floor, floor) X(fround, js_fround) X(log, log)       \
  X(log1p, log1p) X(log2, log2) X(log10, log10) X(round, js_round) X(sign, js_sign)            \
  X(sin, sin) X(sinh, sinh) X(sqrt, sqrt) X(tan, tan) X(tanh, tanh) X(trunc, trunc)

#define MATH_INDEX(name, fn) MATH_##name,
enum { FOR_EACH_MATH_UNARY(MATH_INDEX) };
#define MATH_C_FUNCTION(name, fn) fn,
static const MathFn1 math_unary_fns[] = {FOR_EACH_MATH_UNARY(MATH_C_FUNCTION)};

static Value math_unary(VM *vm, Value t, int argc, Value *argv) {
  double x;
  if (!number_args(vm, argc, argv, 1, &x)) return VALUE_EXCEPTION;
  return value_from_number(math_unary_fns[vm_native_magic(vm)](x));
}

/* The row of Math's table for one of them. */
#define MATH_UNARY_ROW(name) VM_FN_MAGIC(#name, math_unary, 1, MATH_##name)
//< stdlib.math-unary

static Value math_atan2(VM *vm, Value t, int argc, Value *argv) {
  double a[2];
  return number_args(vm, argc, argv, 2, a) ? value_from_number(atan2(a[0], a[1])) : VALUE_EXCEPTION;
}

static Value math_pow(VM *vm, Value t, int argc, Value *argv) {
  double a[2];
  if (!number_args(vm, argc, argv, 2, a)) return VALUE_EXCEPTION;
  if (isnan(a[1]) || (fabs(a[0]) == 1 && isinf(a[1]))) return value_from_number(NAN);
  return value_from_number(pow(a[0], a[1]));
}

static Value math_imul(VM *vm, Value t, int argc, Value *argv) {
  double a[2];
  if (!number_args(vm, argc, argv, 2, a)) return VALUE_EXCEPTION;
  return value_from_number((int32_t)(to_uint32(a[0]) * to_uint32(a[1])));
}

/* max (magic 1) and min (magic 0): NaN wins, and +0 is larger than -0. */
static Value math_extreme(VM *vm, Value t, int argc, Value *argv) {
  bool want_max = vm_native_magic(vm);
  double r = want_max ? -INFINITY : INFINITY;
  bool nan = false;
  for (int i = 0; i < argc; i++) {
    Value n = vm_to_number(vm, argv[i]);
    if (value_is_exception(n)) return n;
    double x = value_to_number(n);
    if (isnan(x))
      nan = true;
    else if (want_max ? (x > r || (x == 0 && r == 0 && !signbit(x)))
                      : (x < r || (x == 0 && r == 0 && signbit(x))))
      r = x;
  }
  return value_from_number(nan ? NAN : r);
}

/* hypot: scaled by the largest argument, summed with Kahan compensation (as V8). */
static Value math_hypot(VM *vm, Value t, int argc, Value *argv) {
  double *x = mem_alloc((size_t)(argc + 1) * sizeof(double)), max = 0;
  bool nan = false, inf = false;
  if (!number_args(vm, argc, argv, argc, x)) return free(x), VALUE_EXCEPTION;
  for (int i = 0; i < argc; i++) {
    double a = fabs(x[i]);
    if (isinf(a))
      inf = true;
    else if (isnan(a))
      nan = true;
    else if (a > max)
      max = a;
  }
  double sum = 0, comp = 0;
  for (int i = 0; i < argc && !inf && !nan && max > 0; i++) {
    double n = fabs(x[i]) / max, summand = n * n - comp, next = sum + summand;
    comp = (next - sum) - summand;
    sum = next;
  }
  free(x);
  if (inf) return value_from_number(INFINITY);
  if (nan) return value_from_number(NAN);
  return value_from_number(max == 0 ? 0 : sqrt(sum) * max);
}

//> stdlib.math-random
/* xorshift128+, one generator per VM, seeded from the clock when first used. */
typedef struct RandomState {
  uint64_t s[2];
} RandomState;

static void random_seed(void *state) {
  RandomState *r = state;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  r->s[0] = ((uint64_t)ts.tv_sec * 1000000007u) ^ (uint64_t)ts.tv_nsec ^ 0x9E3779B97F4A7C15ull;
  r->s[1] = ((uint64_t)ts.tv_nsec << 21) ^ (uint64_t)(uintptr_t)state ^ 0xBF58476D1CE4E5B9ull;
}

static const VMStateType random_type = {"Math.random", sizeof(RandomState), random_seed, NULL};

static Value math_random(VM *vm, Value t, int argc, Value *argv) {
  RandomState *r = vm_state(vm, &random_type);
  uint64_t s1 = r->s[0], s0 = r->s[1];
  r->s[0] = s0;
  s1 ^= s1 << 23;
  r->s[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
  return value_from_number((double)(r->s[1] >> 11) * (1.0 / 9007199254740992.0));
}
//< stdlib.math-random

/* ==== Installing ==== */

/* In V8's order, which Object.getOwnPropertyNames(Math) shows. */
static const VMPropDef math_props[] = {
    MATH_UNARY_ROW(abs),
    MATH_UNARY_ROW(acos),
    MATH_UNARY_ROW(acosh),
    MATH_UNARY_ROW(asin),
    MATH_UNARY_ROW(asinh),
    MATH_UNARY_ROW(atan),
    MATH_UNARY_ROW(atanh),
    VM_FN("atan2", math_atan2, 2),
    MATH_UNARY_ROW(ceil),
    MATH_UNARY_ROW(cbrt),
    MATH_UNARY_ROW(expm1),
    MATH_UNARY_ROW(clz32),
    MATH_UNARY_ROW(cos),
    MATH_UNARY_ROW(cosh),
    MATH_UNARY_ROW(exp),
    MATH_UNARY_ROW(floor),
    MATH_UNARY_ROW(fround),
    VM_FN("hypot", math_hypot, 2),
    VM_FN("imul", math_imul, 2),
    MATH_UNARY_ROW(log),
    MATH_UNARY_ROW(log1p),
    MATH_UNARY_ROW(log2),
    MATH_UNARY_ROW(log10),
    VM_FN_MAGIC("max", math_extreme, 2, true),
    VM_FN_MAGIC("min", math_extreme, 2, false),
    VM_FN("pow", math_pow, 2),
    VM_FN("random", math_random, 0),
    MATH_UNARY_ROW(round),
    MATH_UNARY_ROW(sign),
    MATH_UNARY_ROW(sin),
    MATH_UNARY_ROW(sinh),
    MATH_UNARY_ROW(sqrt),
    MATH_UNARY_ROW(tan),
    MATH_UNARY_ROW(tanh),
    MATH_UNARY_ROW(trunc),
    VM_NUMBER("E", M_E, 0),
    VM_NUMBER("LN10", M_LN10, 0),
    VM_NUMBER("LN2", M_LN2, 0),
    VM_NUMBER("LOG10E", M_LOG10E, 0),
    VM_NUMBER("LOG2E", M_LOG2E, 0),
    VM_NUMBER("PI", M_PI, 0),
    VM_NUMBER("SQRT1_2", M_SQRT1_2, 0),
    VM_NUMBER("SQRT2", M_SQRT2, 0),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Math", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef number_prototype_props[] = {
    VM_FN("toExponential", number_to_exponential, 1),
    VM_FN("toFixed", number_to_fixed, 1),
    VM_FN("toPrecision", number_to_precision, 1),
    VM_FN("toString", number_to_string, 1),
    VM_FN("valueOf", number_value_of, 0),
    VM_FN("toLocaleString", number_to_locale_string, 0),
    VM_PROPS_END,
};

static const VMPropDef number_statics[] = {
    VM_FN_MAGIC("isFinite", number_test, 1, NUMBER_FINITE),
    VM_FN_MAGIC("isInteger", number_test, 1, NUMBER_INTEGER),
    VM_FN_MAGIC("isNaN", number_test, 1, NUMBER_NAN),
    VM_FN_MAGIC("isSafeInteger", number_test, 1, NUMBER_SAFE_INTEGER),
    VM_FN("parseFloat", global_parse_float, 1), /* the globals are these very functions */
    VM_FN("parseInt", global_parse_int, 2),
    VM_NUMBER("MAX_VALUE", 1.7976931348623157e308, 0),
    VM_NUMBER("MIN_VALUE", 5e-324, 0),
    VM_NUMBER("NaN", NAN, 0),
    VM_NUMBER("NEGATIVE_INFINITY", -INFINITY, 0),
    VM_NUMBER("POSITIVE_INFINITY", INFINITY, 0),
    VM_NUMBER("MAX_SAFE_INTEGER", 9007199254740991.0, 0),
    VM_NUMBER("MIN_SAFE_INTEGER", -9007199254740991.0, 0),
    VM_NUMBER("EPSILON", 2.220446049250313e-16, 0),
    VM_PROPS_END,
};

static const VMPropDef boolean_prototype_props[] = {
    VM_FN_MAGIC("toString", boolean_value, 0, false),
    VM_FN_MAGIC("valueOf", boolean_value, 0, true),
    VM_PROPS_END,
};

static const VMPropDef number_globals[] = {
    VM_CONSTRUCTOR("Number", number_construct, 1, 0, INTRINSIC_NUMBER_PROTOTYPE, number_statics,
                   number_prototype_props),
    VM_NUMBER("Infinity", INFINITY, 0),
    VM_NUMBER("NaN", NAN, 0),
    VM_CONSTANT("undefined", VALUE_UNDEFINED, 0),
    VM_CONSTRUCTOR("Boolean", boolean_construct, 1, 0, INTRINSIC_BOOLEAN_PROTOTYPE, NULL,
                   boolean_prototype_props),
    VM_OBJECT("Math", math_props, VM_ATTR_HIDDEN),
    VM_FN_MAGIC("isFinite", number_test, 1, NUMBER_FINITE | NUMBER_CONVERT),
    VM_FN_MAGIC("isNaN", number_test, 1, NUMBER_NAN | NUMBER_CONVERT),
    VM_PROPS_END,
};

void builtins_install_number(VM *vm) {
  Value global = vm_global(vm);
  vm_define_props(vm, global, number_globals);
  Value number = vm_get_str(vm, global, "Number"); /* a property of the global: rooted */
  vm_define_str(vm, global, "parseFloat", vm_get_str(vm, number, "parseFloat"), VM_ATTR_HIDDEN);
  vm_define_str(vm, global, "parseInt", vm_get_str(vm, number, "parseInt"), VM_ATTR_HIDDEN);
}

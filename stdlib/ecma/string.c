/* string.c - the String constructor, String.fromCharCode/fromCodePoint/raw,
 * String.prototype and the string iterator (for-of walks code points).
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_string. Strings are UTF-16 code units (vm_string_unit);
 * every index here counts units, as JavaScript does. Case mapping covers Latin-1,
 * Latin Extended-A, Greek and Cyrillic; localeCompare approximates ICU's root collation
 * (base letters, then accents, then case) for Latin-1 text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"
#include "stdlib/ecma/string_data.h"

#define ARG(i) builtins_arg(argc, argv, (i))

/* ==== this and arguments ==== */

/* RequireObjectCoercible(this) then ToString, for String.prototype.<name>. */
static Value this_string(VM *vm, Value this_value, const char *name) {
  if (value_is_string(this_value)) return this_value;
  if (value_is_nullish(this_value))
    return vm_throw_error(vm, ERR_TYPE, "String.prototype.%s called on null or undefined", name);
  return vm_to_string(vm, this_value);
}

/* The argument as a string; includes, startsWith and endsWith (not indexOf) refuse a
 * RegExp (IsRegExp: Symbol.match decides). */
static Value search_string_arg(VM *vm, Value v, const char *name, bool refuse_regexp) {
  int is = refuse_regexp && value_is_object(v) ? builtins_is_regexp(vm, v) : 0;
  if (is < 0) return VALUE_EXCEPTION;
  if (is)
    return vm_throw_error(vm, ERR_TYPE,
                          "First argument to String.prototype.%s must not be a "
                          "regular expression",
                          name);
  return vm_to_string(vm, v);
}

/* Does s contain t at position at? */
/* Whether the m units of t (Latin-1 bytes, or uint16_t when tw) stand at `at` in s. */
static bool units_at(const void *s, bool sw, size_t at, const void *t, bool tw, size_t m) {
  if (!sw && !tw) return memcmp((const uint8_t *)s + at, t, m) == 0;
  for (size_t i = 0; i < m; i++) {
    uint16_t a = sw ? ((const uint16_t *)s)[at + i] : ((const uint8_t *)s)[at + i];
    uint16_t b = tw ? ((const uint16_t *)t)[i] : ((const uint8_t *)t)[i];
    if (a != b) return false;
  }
  return true;
}

static bool matches_at(Value s, uint32_t at, Value t) {
  size_t n, m;
  bool sw, tw;
  const void *sd = vm_string_data(s, &n, &sw), *td = vm_string_data(t, &m, &tw);
  return (uint64_t)at + m <= n && units_at(sd, sw, at, td, tw, m);
}

/* The first index >= from where t occurs in s, or -1. Two Latin-1 strings are searched
 * with memchr for t's first byte. */
static double index_of(Value s, Value t, double from) {
  size_t n, m;
  bool sw, tw;
  const void *sd = vm_string_data(s, &n, &sw), *td = vm_string_data(t, &m, &tw);
  if (from + m > n) return -1;
  size_t i = (size_t)from;
  if (!sw && !tw && m > 0) {
    const uint8_t *bytes = sd, *first = td;
    for (const uint8_t *hit; (hit = memchr(bytes + i, first[0], n - m + 1 - i)); i = hit - bytes + 1)
      if (memcmp(hit, first, m) == 0) return (double)(hit - bytes);
    return -1;
  }
  for (; i + m <= n; i++)
    if (units_at(sd, sw, i, td, tw, m)) return (double)i;
  return -1;
}

static bool is_js_space(uint16_t u) {
  if (u == 9 || u == 10 || u == 11 || u == 12 || u == 13 || u == 32 || u == 0xA0) return true;
  return u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F ||
         u == 0x205F || u == 0x3000 || u == 0xFEFF;
}

static bool is_lead(uint16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
static bool is_trail(uint16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

/* The code point at index i of s and how many units it takes. */
static uint32_t code_point_at(Value s, uint32_t i, int *units) {
  uint16_t a = vm_string_unit(s, i);
  *units = 1;
  if (!is_lead(a) || i + 1 >= vm_string_length(s)) return a;
  uint16_t b = vm_string_unit(s, i + 1);
  if (!is_trail(b)) return a;
  *units = 2;
  return 0x10000 + (((uint32_t)a - 0xD800) << 10) + (b - 0xDC00);
}

/* ==== The constructor and its statics ==== */

static Value string_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value s;
  if (argc == 0)
    s = vm_atom(vm, "");
  else if (value_is_symbol(argv[0]) && value_is_undefined(vm_new_target(vm)))
    s = vm_call(vm, vm_get_str(vm, argv[0], "toString"), argv[0], 0, NULL);
  else
    s = vm_to_string(vm, argv[0]);
  if (value_is_exception(s) || value_is_undefined(vm_new_target(vm))) return s;
  vm_handle_push(vm, s);
  Value proto = vm_handle_push(vm, vm_get_str(vm, vm_new_target(vm), "prototype"));
  if (!value_is_exception(proto) && !value_is_object(proto))
    proto = vm_intrinsic(vm, INTRINSIC_STRING_PROTOTYPE);
  Value r = value_is_exception(proto) ? proto : vm_object_of_class(vm, VM_CLASS_STRING, proto, s);
  return r;
}

static Value string_from_char_code(VM *vm, Value this_value, int argc, Value *argv) {
  uint16_t *units = mem_alloc((size_t)(argc + 1) * sizeof(uint16_t));
  for (int i = 0; i < argc; i++) {
    Value n = vm_to_number(vm, argv[i]);
    if (value_is_exception(n)) return free(units), n;
    double d = value_to_number(n);
    d = isfinite(d) ? fmod(trunc(d), 65536.0) : 0;
    units[i] = (uint16_t)(d < 0 ? d + 65536.0 : d);
  }
  Value r = vm_string_from_units(vm, units, (size_t)argc);
  free(units);
  return r;
}

/* Append code point cp as one or two UTF-16 units. */
static Value string_from_code_point(VM *vm, Value this_value, int argc, Value *argv) {
  StrBuf b = {0};
  for (int i = 0; i < argc; i++) {
    Value n = vm_to_number(vm, argv[i]);
    if (value_is_exception(n)) return sb_free(&b), n;
    double d = value_to_number(n);
    if (!(d >= 0 && d <= 0x10FFFF && trunc(d) == d)) {
      sb_free(&b);
      char *text = builtins_to_cstring(vm, n);
      Value r = vm_throw_error(vm, ERR_RANGE, "Invalid code point %s", text ? text : "");
      free(text);
      return r;
    }
    sb_put_codepoint(&b, (uint32_t)d);
  }
  return sb_finish(vm, &b);
}

/* String.raw`...`: the raw strings interleaved with the substitutions. */
static Value string_raw(VM *vm, Value this_value, int argc, Value *argv) {
  Value cooked = vm_handle_push(vm, vm_to_object(vm, ARG(0)));
  Value raw =
      value_is_exception(cooked) ? cooked : vm_handle_push(vm, vm_get_str(vm, cooked, "raw"));
  Value lit = value_is_exception(raw) ? raw : vm_handle_push(vm, vm_to_object(vm, raw));
  double n;
  if (value_is_exception(lit) || !builtins_length_of(vm, lit, &n))
    return VALUE_EXCEPTION;
  StrBuf b = {0};
  int loop = vm_handle_mark(vm);
  for (double i = 0; i < n; i++, vm_handle_reset(vm, loop)) {
    Value piece = vm_handle_push(vm, builtins_get_index(vm, lit, i));
    Value s = value_is_exception(piece) ? piece : vm_to_string(vm, piece);
    if (!value_is_exception(s)) sb_put_js(&b, s);
    if (!value_is_exception(s) && i + 1 < n && i + 1 < argc) s = vm_to_string(vm, argv[(int)i + 1]);
    if (value_is_exception(s)) return sb_free(&b), s;
    if (i + 1 < n && i + 1 < argc) sb_put_js(&b, s);
  }
  return sb_finish(vm, &b);
}

/* ==== Characters ==== */

typedef enum CharKind { CHAR_AT, CHAR_CODE_AT, CODE_POINT_AT, CHAR_RELATIVE_AT } CharKind;
static const char *const char_names[] = {"charAt", "charCodeAt", "codePointAt", "at"};

/* charAt, charCodeAt, codePointAt and at (which counts back from the end for a negative
 * position): the magic is a CharKind. Each has its own answer for a position outside. */
static Value string_char(VM *vm, Value this_value, int argc, Value *argv) {
  CharKind kind = (CharKind)vm_native_magic(vm);
  int mark = vm_handle_mark(vm);
  Value s = vm_handle_push(vm, this_string(vm, this_value, char_names[kind]));
  double p;
  bool ok = !value_is_exception(s) && builtins_to_integer(vm, ARG(0), &p);
  vm_handle_reset(vm, mark); /* from here on nothing allocates before s is used */
  if (!ok) return VALUE_EXCEPTION;
  double len = vm_string_length(s);
  if (kind == CHAR_RELATIVE_AT && p < 0) p += len;
  if (p < 0 || p >= len)
    return kind == CHAR_AT        ? vm_atom(vm, "")
           : kind == CHAR_CODE_AT ? value_from_number(NAN)
                                  : VALUE_UNDEFINED;
  int units;
  if (kind == CHAR_CODE_AT) return value_from_number(vm_string_unit(s, (uint32_t)p));
  if (kind == CODE_POINT_AT) return value_from_number(code_point_at(s, (uint32_t)p, &units));
  return vm_string_slice(vm, s, (uint32_t)p, (uint32_t)p + 1);
}

/* ==== Searching ==== */

/* indexOf, includes, startsWith, endsWith: this, the search string and a position. */
static bool search_setup(VM *vm, Value this_value, int argc, Value *argv, const char *name,
                         bool refuse_regexp, Value *s, Value *t, double *pos) {
  int mark = vm_handle_mark(vm);
  *s = vm_handle_push(vm, this_string(vm, this_value, name));
  *t = value_is_exception(*s)
           ? *s
           : vm_handle_push(vm, search_string_arg(vm, ARG(0), name, refuse_regexp));
  bool ok = !value_is_exception(*t) && builtins_to_integer(vm, ARG(1), pos);
  vm_handle_reset(vm, mark); /* s and t are reachable from argv/this or fresh: used at once */
  return ok;
}

typedef enum SearchKind {
  SEARCH_INDEX_OF,
  SEARCH_INCLUDES,
  SEARCH_STARTS_WITH,
  SEARCH_ENDS_WITH
} SearchKind;
static const char *const search_names[] = {"indexOf", "includes", "startsWith", "endsWith"};

/* indexOf, includes, startsWith and endsWith (whose position is where the match must
 * end): the magic is a SearchKind. */
static Value string_search(VM *vm, Value this_value, int argc, Value *argv) {
  SearchKind kind = (SearchKind)vm_native_magic(vm);
  Value s, t;
  double pos;
  if (!search_setup(vm, this_value, argc, argv, search_names[kind], kind != SEARCH_INDEX_OF, &s,
                    &t, &pos))
    return VALUE_EXCEPTION;
  double len = vm_string_length(s);
  if (kind == SEARCH_ENDS_WITH) {
    double start =
        (value_is_undefined(ARG(1)) ? len : fmin(fmax(pos, 0), len)) - vm_string_length(t);
    return value_from_bool(start >= 0 && matches_at(s, (uint32_t)start, t));
  }
  pos = fmin(fmax(pos, 0), len);
  if (kind == SEARCH_STARTS_WITH) return value_from_bool(matches_at(s, (uint32_t)pos, t));
  double at = index_of(s, t, pos);
  return kind == SEARCH_INDEX_OF ? value_from_number(at) : value_from_bool(at >= 0);
}

static Value string_last_index_of(VM *vm, Value this_value, int argc, Value *argv) {
  Value s = vm_handle_push(vm, this_string(vm, this_value, "lastIndexOf"));
  Value t = value_is_exception(s) ? s : vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  Value n = value_is_exception(t) ? t : vm_to_number(vm, ARG(1));
  if (value_is_exception(n)) return n;
  double pos = value_to_number(n), len = vm_string_length(s), m = vm_string_length(t);
  pos = isnan(pos) ? INFINITY : trunc(pos);
  for (double i = fmin(fmax(pos, 0), len - m); i >= 0; i--)
    if (matches_at(s, (uint32_t)i, t)) return value_from_number(i);
  return value_from_number(-1);
}

/* ==== Slicing ==== */

/* this as a string and two integer arguments (the second may default to the length).
 * The string is left on the handle stack for the caller to reset. */
static bool two_ints(VM *vm, Value this_value, int argc, Value *argv, const char *name, Value *s,
                     double *a, double *b) {
  *s = vm_handle_push(vm, this_string(vm, this_value, name));
  if (value_is_exception(*s) || !builtins_to_integer(vm, ARG(0), a)) return false;
  *b = vm_string_length(*s);
  return value_is_undefined(ARG(1)) || builtins_to_integer(vm, ARG(1), b);
}

typedef enum SliceKind { SLICE, SUBSTRING, SUBSTR } SliceKind;
static const char *const slice_names[] = {"slice", "substring", "substr"};

/* slice, substring and substr: the magic is a SliceKind. They read their two integers
 * differently: relative positions; positions clamped and taken in either order; a
 * relative start and a count. */
static Value string_slice(VM *vm, Value this_value, int argc, Value *argv) {
  SliceKind kind = (SliceKind)vm_native_magic(vm);
  Value s, r = VALUE_EXCEPTION;
  double a, b;
  if (two_ints(vm, this_value, argc, argv, slice_names[kind], &s, &a, &b)) {
    double len = vm_string_length(s), from, to;
    if (kind == SUBSTRING) {
      a = fmin(fmax(a, 0), len), b = fmin(fmax(b, 0), len);
      from = fmin(a, b), to = fmax(a, b);
    } else {
      from = builtins_clamp_index(a, len);
      to = kind == SLICE ? builtins_clamp_index(b, len) : fmin(from + fmax(b, 0), len);
    }
    r = from < to ? vm_string_slice(vm, s, (uint32_t)from, (uint32_t)to) : vm_atom(vm, "");
  }
  return r;
}

enum { TRIM_START = 1, TRIM_END = 2 };
static const char *const trim_names[] = {
    [TRIM_START] = "trimStart", [TRIM_END] = "trimEnd", [TRIM_START | TRIM_END] = "trim"};

/* trim, trimStart and trimEnd: the magic says which ends, TRIM_START and TRIM_END bits. */
static Value string_trim(VM *vm, Value this_value, int argc, Value *argv) {
  int ends = vm_native_magic(vm);
  Value s = this_string(vm, this_value, trim_names[ends]);
  if (value_is_exception(s)) return s;
  uint32_t a = 0, b = vm_string_length(s);
  while ((ends & TRIM_START) && a < b && is_js_space(vm_string_unit(s, a))) a++;
  while ((ends & TRIM_END) && b > a && is_js_space(vm_string_unit(s, b - 1))) b--;
  return vm_string_slice(vm, s, a, b);
}

/* ==== Building new strings ==== */

static Value string_concat(VM *vm, Value this_value, int argc, Value *argv) {
  Value r = vm_handle_push(vm, this_string(vm, this_value, "concat"));
  for (int i = 0; i < argc && !value_is_exception(r); i++) {
    Value s = vm_handle_push(vm, vm_to_string(vm, argv[i]));
    r = value_is_exception(s) ? s : vm_string_concat(vm, r, s);
    if (!value_is_exception(r)) vm_handle_push(vm, r);
  }
  return r;
}

static Value string_repeat(VM *vm, Value this_value, int argc, Value *argv) {
  int mark = vm_handle_mark(vm);
  Value s = vm_handle_push(vm, this_string(vm, this_value, "repeat"));
  double n;
  bool ok = !value_is_exception(s) && builtins_to_integer(vm, ARG(0), &n);
  vm_handle_reset(vm, mark); /* nothing below allocates before the copy is done */
  if (!ok) return VALUE_EXCEPTION;
  if (n < 0 || isinf(n)) {
    char *text = builtins_to_cstring(vm, ARG(0));
    Value r = vm_throw_error(vm, ERR_RANGE, "Invalid count value: %s", text ? text : "");
    free(text);
    return r;
  }
  if (n * vm_string_length(s) > VM_STRING_MAX)
    return vm_throw_string_length(vm);
  if (vm_string_length(s) == 0 || n == 0) return vm_string(vm, ""); /* ''.repeat(2**31-1) */
  return vm_string_repeat(vm, s, (uint32_t)n);
}

/* padStart (magic 1) and padEnd (magic 0). */
static Value string_pad(VM *vm, Value this_value, int argc, Value *argv) {
  bool at_start = vm_native_magic(vm);
  Value s = vm_handle_push(vm, this_string(vm, this_value, at_start ? "padStart" : "padEnd"));
  double max;
  if (value_is_exception(s) || !builtins_to_integer(vm, ARG(0), &max))
    return VALUE_EXCEPTION;
  Value fill = value_is_undefined(ARG(1)) ? vm_atom(vm, " ") : vm_to_string(vm, ARG(1));
  vm_handle_push(vm, fill);
  double len = vm_string_length(s);
  if (value_is_exception(fill) || max <= len || vm_string_length(fill) == 0)
    return value_is_exception(fill) ? fill : s;
  if (max > VM_STRING_MAX)
    return vm_throw_string_length(vm);
  StrBuf b = {0};
  if (!at_start) sb_put_js(&b, s);
  uint32_t fl = vm_string_length(fill);
  for (double i = 0; i < max - len; i++)
    sb_put_unit(&b, vm_string_unit(fill, (uint32_t)fmod(i, fl)));
  if (at_start) sb_put_js(&b, s);
  return sb_finish(vm, &b);
}

/* ==== Case mapping ==== */

enum { CASE_UPPER = 1, CASE_LOCALE = 2 };
static const char *const case_names[] = {"toLowerCase", "toUpperCase", "toLocaleLowerCase",
                                         "toLocaleUpperCase"};

/* toLowerCase, toUpperCase and their locale twins (the same in the root locale): the
 * magic is CASE_UPPER and CASE_LOCALE bits. The mapping is string_unicode.c's. */
static Value string_change_case(VM *vm, Value this_value, int argc, Value *argv) {
  int magic = vm_native_magic(vm);
  Value s = this_string(vm, this_value, case_names[magic]);
  if (value_is_exception(s)) return s;
  vm_handle_push(vm, s);
  return str_change_case(vm, s, magic & CASE_UPPER);
}

/* ==== localeCompare ==== */

/* Collation weights of one unit, approximating ICU's root order: primary (spaces and
 * punctuation, then digits, then letters by base letter), secondary (accent), tertiary
 * (lower case first). Latin-1 accented letters share their base letter's primary. */
typedef struct Weight {
  uint32_t primary;
  uint8_t secondary, tertiary;
} Weight;

static const char punctuation_order[] = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
static const char latin1_base[] = /* 0xC0..0xFF: base letters; '*' = not a letter */
    "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo*ouuuuyty";

static Weight unit_weight(uint16_t u) {
  const char *p = u < 128 && u ? strchr(punctuation_order, (char)u) : NULL;
  if (p) return (Weight){1 + (uint32_t)(p - punctuation_order), 0, 0};
  if (u >= '0' && u <= '9') return (Weight){100 + u - '0', 0, 0};
  uint32_t lower = str_simple_lower(u);
  bool is_upper = lower != u;
  if (lower >= 'a' && lower <= 'z') return (Weight){200 + (uint32_t)(lower - 'a') * 4, 0, is_upper};
  if (lower >= 0xE0 && lower <= 0xFF && latin1_base[lower - 0xC0] != '*') {
    char base = latin1_base[lower - 0xC0];
    return (Weight){200 + (uint32_t)(base - 'a') * 4 + (lower == 0xFE), (uint8_t)(lower - 0xDF),
                    is_upper};
  }
  return (Weight){1000 + lower, 0, is_upper};
}

/* Compare a and b at one strength level (0 primary, 1 secondary, 2 tertiary). */
static int compare_level(Value a, Value b, int level) {
  uint32_t na = vm_string_length(a), nb = vm_string_length(b);
  for (uint32_t i = 0; i < na && i < nb; i++) {
    Weight x = unit_weight(vm_string_unit(a, i)), y = unit_weight(vm_string_unit(b, i));
    uint32_t wx = level == 0 ? x.primary : level == 1 ? x.secondary : x.tertiary;
    uint32_t wy = level == 0 ? y.primary : level == 1 ? y.secondary : y.tertiary;
    if (wx != wy) return wx < wy ? -1 : 1;
  }
  return na < nb ? -1 : na > nb;
}

static Value string_locale_compare(VM *vm, Value this_value, int argc, Value *argv) {
  Value s = vm_handle_push(vm, this_string(vm, this_value, "localeCompare"));
  Value t = value_is_exception(s) ? s : vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  if (value_is_exception(t)) return t;
  /* Canonically equivalent strings are equal: compare their NFC forms (the weights are
   * of composed Latin-1 letters). */
  s = vm_handle_push(vm, str_normalize(vm, s, false, true));
  t = value_is_exception(s) ? s : vm_handle_push(vm, str_normalize(vm, t, false, true));
  if (value_is_exception(t)) return t;
  int c = 0;
  for (int level = 0; level < 3 && c == 0; level++) c = compare_level(s, t, level);
  if (c == 0) c = vm_string_compare(s, t) < 0 ? -1 : vm_string_compare(s, t) > 0;
  return value_from_number(c);
}

static Value string_normalize(VM *vm, Value this_value, int argc, Value *argv) {
  Value s = vm_handle_push(vm, this_string(vm, this_value, "normalize"));
  Value f = value_is_exception(s)        ? s
            : value_is_undefined(ARG(0)) ? vm_atom(vm, "NFC")
                                         : vm_to_string(vm, ARG(0));
  if (value_is_exception(f)) return f;
  char *form = vm_to_utf8(vm, f, NULL);
  bool valid = !strcmp(form, "NFC") || !strcmp(form, "NFD") || !strcmp(form, "NFKC") ||
               !strcmp(form, "NFKD");
  bool composed = valid && (form[2] == 'C' || form[3] == 'C'); /* form may be short */
  bool compat = valid && form[2] == 'K';
  free(form);
  if (!valid)
    return vm_throw_error(vm, ERR_RANGE,
                          "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
  return str_normalize(vm, s, compat, composed);
}

/* ==== split and replace ==== */

//> stdlib.string-split
static Value string_split(VM *vm, Value this_value, int argc, Value *argv) {
  if (value_is_nullish(this_value)) return this_string(vm, this_value, "split");
  Value r = builtins_string_by_symbol(vm, this_value, ARG(0), VM_SYMBOL_SPLIT, 2, ARG(1));
  if (!value_is_hole(r)) return r; /* a RegExp's [Symbol.split] did it */
  Value s = vm_handle_push(vm, this_string(vm, this_value, "split"));
  Value out = value_is_exception(s) ? s : vm_handle_push(vm, vm_array_new(vm));
  double lim = 4294967295.0;
  Value n = value_is_exception(out) || value_is_undefined(ARG(1)) ? out : vm_to_number(vm, ARG(1));
  if (!value_is_exception(n) && !value_is_undefined(ARG(1)))
    lim = (double)(uint32_t)(int64_t)fmod(
        isfinite(value_to_number(n)) ? trunc(value_to_number(n)) : 0, 4294967296.0);
  Value sep = value_is_exception(n) ? n : vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  if (value_is_exception(sep)) return VALUE_EXCEPTION;
  uint32_t len = vm_string_length(s), m = vm_string_length(sep), start = 0;
  if (lim == 0) return out;
  if (value_is_undefined(ARG(0))) {
    vm_array_push(vm, out, s);
  } else if (m == 0) { /* one element per code unit */
    for (uint32_t i = 0; i < len && vm_array_length(out) < lim; i++)
      vm_array_push(vm, out, vm_string_slice(vm, s, i, i + 1));
  } else {
    for (double at; (at = index_of(s, sep, start)) >= 0 && vm_array_length(out) < lim;) {
      vm_array_push(vm, out, vm_string_slice(vm, s, start, (uint32_t)at));
      start = (uint32_t)at + m;
    }
    if (vm_array_length(out) < lim) vm_array_push(vm, out, vm_string_slice(vm, s, start, len));
  }
  return out;
}
//< stdlib.string-split

/* GetSubstitution for a string pattern: $$, $&, $` and $' (there are no captures). */
static void substitute(StrBuf *b, Value s, uint32_t pos, uint32_t mlen, Value tmpl) {
  uint32_t n = vm_string_length(tmpl);
  for (uint32_t i = 0; i < n; i++) {
    uint16_t u = vm_string_unit(tmpl, i), next = i + 1 < n ? vm_string_unit(tmpl, i + 1) : 0;
    if (u != '$' || !(next == '$' || next == '&' || next == '`' || next == '\'')) {
      sb_put_unit(b, u);
      continue;
    }
    i++;
    uint32_t from = next == '&' ? pos : next == '`' ? 0 : pos + mlen;
    uint32_t to = next == '&' ? pos + mlen : next == '`' ? pos : vm_string_length(s);
    if (next == '$') sb_put_unit(b, '$');
    for (uint32_t k = from; next != '$' && k < to; k++) sb_put_unit(b, vm_string_unit(s, k));
  }
}

/* Append the replacement for the match of t at pos: the function's result or the
 * substituted template. False on exception. */
static bool replacement(VM *vm, StrBuf *b, Value s, Value t, uint32_t pos, Value replace) {
  if (!vm_is_callable(replace)) {
    substitute(b, s, pos, vm_string_length(t), replace);
    return true;
  }
  Value args[3] = {t, value_from_number(pos), s};
  Value r = vm_call(vm, replace, VALUE_UNDEFINED, 3, args);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, r);
  Value rs = value_is_exception(r) ? r : vm_to_string(vm, r);
  vm_handle_reset(vm, mark);
  if (value_is_exception(rs)) return false;
  sb_put_js(b, rs);
  return true;
}

/* replace (magic 0) and replaceAll (magic 1), with a string pattern. */
static Value string_replace(VM *vm, Value this_value, int argc, Value *argv) {
  bool all = vm_native_magic(vm);
  const char *name = all ? "replaceAll" : "replace";
  if (value_is_nullish(this_value)) return this_string(vm, this_value, name);
  if (all && !value_is_nullish(ARG(0)) &&
      value_is_exception(builtins_string_check_global(vm, ARG(0), name)))
    return VALUE_EXCEPTION;
  Value r = builtins_string_by_symbol(vm, this_value, ARG(0), VM_SYMBOL_REPLACE, 2, ARG(1));
  if (!value_is_hole(r)) return r; /* a RegExp's [Symbol.replace] did it */
  Value s = vm_handle_push(vm, this_string(vm, this_value, name));
  Value t = value_is_exception(s) ? s : vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  Value rep = ARG(1);
  if (!value_is_exception(t) && !vm_is_callable(rep))
    rep = vm_handle_push(vm, vm_to_string(vm, rep));
  if (value_is_exception(t) || value_is_exception(rep))
    return VALUE_EXCEPTION;
  uint32_t len = vm_string_length(s), m = vm_string_length(t), done = 0;
  StrBuf b = {0};
  for (double at = index_of(s, t, 0); at >= 0; at = all ? index_of(s, t, at + (m ? m : 1)) : -1) {
    for (uint32_t k = done; k < (uint32_t)at; k++) sb_put_unit(&b, vm_string_unit(s, k));
    if (!replacement(vm, &b, s, t, (uint32_t)at, rep))
      return sb_free(&b), VALUE_EXCEPTION;
    done = (uint32_t)at + m;
    if (at >= len) break;
  }
  for (uint32_t k = done; k < len; k++) sb_put_unit(&b, vm_string_unit(s, k));
  return sb_finish(vm, &b);
}

/* ==== Well-formedness, toString, valueOf ==== */

/* isWellFormed (magic 0) and toWellFormed (magic 1, which replaces each lone surrogate
 * with U+FFFD). */
static Value string_well_formed(VM *vm, Value this_value, int argc, Value *argv) {
  bool fix = vm_native_magic(vm);
  Value s = this_string(vm, this_value, fix ? "toWellFormed" : "isWellFormed");
  if (value_is_exception(s)) return s;
  uint32_t n = vm_string_length(s);
  StrBuf b = {0};
  bool ok = true;
  for (uint32_t i = 0; i < n; i++) {
    int units;
    uint32_t cp = code_point_at(s, i, &units);
    bool lone = units == 1 && (is_lead((uint16_t)cp) || is_trail((uint16_t)cp));
    ok = ok && !lone;
    if (fix) sb_put_codepoint(&b, lone ? 0xFFFD : cp);
    i += (uint32_t)units - 1;
  }
  if (!fix) return value_from_bool(ok);
  return sb_finish(vm, &b);
}

/* toString (magic 0) and valueOf (magic 1): thisStringValue, a string or a String
 * wrapper's string. */
static Value string_value(VM *vm, Value this_value, int argc, Value *argv) {
  Value v = this_value;
  if (value_is_string(v)) return v;
  if (value_is_object(v) && vm_object_class(v) == VM_CLASS_STRING) return vm_inner_value(v);
  return builtins_throw_this(
      vm, vm_native_magic(vm) ? "String.prototype.valueOf" : "String.prototype.toString", "String");
}

/* ==== The string iterator ==== */

typedef struct StringIter {
  Value string; /* undefined once exhausted */
  uint32_t index;
} StringIter;

static void string_iter_trace(VM *vm, void *data) { vm_gc_mark(vm, ((StringIter *)data)->string); }
static void string_iter_finalize(void *data) { free(data); }
static const VMClassDef string_iter_class = {"StringIterator", string_iter_trace,
                                            string_iter_finalize};

static Value string_iterator(VM *vm, Value this_value, int argc, Value *argv) {
  Value s = this_string(vm, this_value, "[Symbol.iterator]");
  if (value_is_exception(s)) return s;
  vm_handle_push(vm, s);
  StringIter *it = mem_alloc(sizeof *it);
  *it = (StringIter){s, 0};
  Value r = vm_host_new(vm, &string_iter_class, it,
                        vm_intrinsic(vm, INTRINSIC_STRING_ITERATOR_PROTOTYPE));
  return r;
}

static Value string_iterator_next(VM *vm, Value this_value, int argc, Value *argv) {
  StringIter *it =
      value_is_object(this_value) ? vm_host_data(vm, this_value, &string_iter_class) : NULL;
  if (!it) {
    char *text = builtins_describe(vm, this_value);
    Value r = vm_throw_error(
        vm, ERR_TYPE, "Method String Iterator.prototype.next called on incompatible receiver %s",
        text);
    free(text);
    return r;
  }
  Value value = VALUE_UNDEFINED;
  bool done = value_is_undefined(it->string) || it->index >= vm_string_length(it->string);
  if (done) {
    it->string = VALUE_UNDEFINED;
  } else {
    int units;
    code_point_at(it->string, it->index, &units);
    value =
        vm_handle_push(vm, vm_string_slice(vm, it->string, it->index, it->index + (uint32_t)units));
    it->index += (uint32_t)units;
  }
  Value r = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, r, "value", value, VM_ATTR_DEFAULT);
  vm_define_str(vm, r, "done", value_from_bool(done), VM_ATTR_DEFAULT);
  return r;
}

/* ==== Annex B's HTML methods ==== */

/* CreateHTML (B.2.2.2.1): "<tag attr="value">string</tag>", a `"` in the value written
 * &quot;. The magic is the row of html_tags. */
static const char *const html_tags[][3] = {
    {"anchor", "a", "name"},   {"big", "big", ""},         {"blink", "blink", ""},
    {"bold", "b", ""},         {"fixed", "tt", ""},        {"fontcolor", "font", "color"},
    {"fontsize", "font", "size"}, {"italics", "i", ""},    {"link", "a", "href"},
    {"small", "small", ""},    {"strike", "strike", ""},   {"sub", "sub", ""},
    {"sup", "sup", ""},
};

static Value string_html(VM *vm, Value this_value, int argc, Value *argv) {
  const char *const *row = html_tags[vm_native_magic(vm)];
  Value s = vm_handle_push(vm, this_string(vm, this_value, row[0]));
  if (value_is_exception(s)) return s;
  StrBuf sb = {0};
  sb_printf(&sb, "<%s", row[1]);
  if (*row[2]) {
    Value v = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
    if (value_is_exception(v)) return sb_free(&sb), v;
    sb_printf(&sb, " %s=\"", row[2]);
    for (uint32_t i = 0, n = vm_string_length(v); i < n; i++) {
      uint16_t u = vm_string_unit(v, i);
      if (u == '"') sb_puts(&sb, "&quot;");
      else sb_put_unit(&sb, u);
    }
    sb_putc(&sb, '"');
  }
  sb_putc(&sb, '>');
  sb_put_js(&sb, s);
  sb_printf(&sb, "</%s>", row[1]);
  return sb_finish(vm, &sb);
}

/* ==== Installing ==== */

static const VMPropDef string_statics[] = {
    VM_FN("fromCharCode", string_from_char_code, 1),
    VM_FN("fromCodePoint", string_from_code_point, 1),
    VM_FN("raw", string_raw, 1),
    VM_PROPS_END,
};

/* In V8's order, which Object.getOwnPropertyNames(String.prototype) shows. */
static const VMPropDef string_prototype_props[] = {
    VM_FN_MAGIC("anchor", string_html, 1, 0),
    VM_FN_MAGIC("at", string_char, 1, CHAR_RELATIVE_AT),
    VM_FN_MAGIC("big", string_html, 0, 1),
    VM_FN_MAGIC("blink", string_html, 0, 2),
    VM_FN_MAGIC("bold", string_html, 0, 3),
    VM_FN_MAGIC("charAt", string_char, 1, CHAR_AT),
    VM_FN_MAGIC("charCodeAt", string_char, 1, CHAR_CODE_AT),
    VM_FN_MAGIC("codePointAt", string_char, 1, CODE_POINT_AT),
    VM_FN("concat", string_concat, 1),
    VM_FN_MAGIC("endsWith", string_search, 1, SEARCH_ENDS_WITH),
    VM_FN_MAGIC("fontcolor", string_html, 1, 5),
    VM_FN_MAGIC("fontsize", string_html, 1, 6),
    VM_FN_MAGIC("fixed", string_html, 0, 4),
    VM_FN_MAGIC("includes", string_search, 1, SEARCH_INCLUDES),
    VM_FN_MAGIC("indexOf", string_search, 1, SEARCH_INDEX_OF),
    VM_FN_MAGIC("isWellFormed", string_well_formed, 0, false),
    VM_FN_MAGIC("italics", string_html, 0, 7),
    VM_FN("lastIndexOf", string_last_index_of, 1),
    VM_FN_MAGIC("link", string_html, 1, 8),
    VM_FN("localeCompare", string_locale_compare, 1),
    VM_FN_MAGIC("match", builtins_string_match, 1, VM_SYMBOL_MATCH),
    VM_FN_MAGIC("matchAll", builtins_string_match, 1, VM_SYMBOL_MATCH_ALL),
    VM_FN("normalize", string_normalize, 0),
    VM_FN_MAGIC("padEnd", string_pad, 1, false),
    VM_FN_MAGIC("padStart", string_pad, 1, true),
    VM_FN("repeat", string_repeat, 1),
    VM_FN_MAGIC("replace", string_replace, 2, false),
    VM_FN_MAGIC("replaceAll", string_replace, 2, true),
    VM_FN_MAGIC("search", builtins_string_match, 1, VM_SYMBOL_SEARCH),
    VM_FN_MAGIC("slice", string_slice, 2, SLICE),
    VM_FN_MAGIC("small", string_html, 0, 9),
    VM_FN("split", string_split, 2),
    VM_FN_MAGIC("strike", string_html, 0, 10),
    VM_FN_MAGIC("sub", string_html, 0, 11),
    VM_FN_MAGIC("substr", string_slice, 2, SUBSTR),
    VM_FN_MAGIC("substring", string_slice, 2, SUBSTRING),
    VM_FN_MAGIC("sup", string_html, 0, 12),
    VM_FN_MAGIC("startsWith", string_search, 1, SEARCH_STARTS_WITH),
    VM_FN_MAGIC("toString", string_value, 0, 0),
    VM_FN_MAGIC("toWellFormed", string_well_formed, 0, true),
    VM_FN_MAGIC("trim", string_trim, 0, TRIM_START | TRIM_END),
    VM_FN_MAGIC("trimStart", string_trim, 0, TRIM_START),
    VM_ALIAS("trimLeft", "trimStart", VM_ATTR_HIDDEN), /* the same function object */
    VM_FN_MAGIC("trimEnd", string_trim, 0, TRIM_END),
    VM_ALIAS("trimRight", "trimEnd", VM_ATTR_HIDDEN),
    VM_FN_MAGIC("toLocaleLowerCase", string_change_case, 0, CASE_LOCALE),
    VM_FN_MAGIC("toLocaleUpperCase", string_change_case, 0, CASE_LOCALE | CASE_UPPER),
    VM_FN_MAGIC("toLowerCase", string_change_case, 0, 0),
    VM_FN_MAGIC("toUpperCase", string_change_case, 0, CASE_UPPER),
    VM_FN_MAGIC("valueOf", string_value, 0, 1),
    VM_SYM_FN(VM_SYMBOL_ITERATOR, string_iterator, 0, VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

static const VMPropDef string_globals[] = {
    VM_CONSTRUCTOR("String", string_construct, 1, 0, INTRINSIC_STRING_PROTOTYPE, string_statics,
                   string_prototype_props),
    VM_PROPS_END,
};

static const VMPropDef string_iterator_props[] = {
    VM_FN("next", string_iterator_next, 0),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "String Iterator", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

void builtins_install_string(VM *vm) {
  vm_class_register(vm, &string_iter_class);
  vm_define_props(vm, vm_global(vm), string_globals);
  vm_define_props(vm, vm_intrinsic(vm, INTRINSIC_STRING_ITERATOR_PROTOTYPE), string_iterator_props);
}

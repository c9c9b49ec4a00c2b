/* inspect_format.c - util.format: printf-like placeholders (%s %d %i %f %j %o %O %c %%),
 * then every remaining argument after a space, strings as they are and everything
 * else inspected. console.log is util.format plus a newline.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry points: format_to_buffer (formatWithOptions into a C buffer), format_args.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

/* ==== Conversions the placeholders use ==== */

/* Globals whose name looks like a constructor, as Node collects them at startup: an
 * object whose toString comes from one of these is "built in" and %s inspects it.
 * Buffer is not one (node's set is made before Buffer exists): %s prints its text. */
static const char *const builtin_names[] = {
    "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "Date", "Promise",
    "RegExp", "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError",
    "SyntaxError", "TypeError", "URIError", "JSON", "Math", "Intl", "ArrayBuffer",
    "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
    "Float32Array", "Float64Array", "Uint8ClampedArray", "BigUint64Array", "BigInt64Array",
    "DataView", "Map", "BigInt", "Set", "WeakMap", "WeakSet", "Proxy", "Reflect",
    "FinalizationRegistry", "WeakRef", "URL", "URLSearchParams", "DOMException",
    "AbortController", "AbortSignal", "Event", "EventTarget", "TextEncoder", "TextDecoder",
    "SharedArrayBuffer", "Atomics", "WebAssembly", "Blob", "Headers", "Request", "Response",
};

static bool is_builtin_name(VM *vm, Value fn) {
  Value name = vm_get_str(vm, fn, "name");
  if (value_is_exception(name)) return vm_take_exception(vm), false;
  if (!value_is_string(name)) return false;
  char *s = vm_to_wtf8(name);
  bool found = false;
  for (size_t i = 0; i < sizeof builtin_names / sizeof *builtin_names && !found; i++)
    found = strcmp(s, builtin_names[i]) == 0;
  free(s);
  return found;
}

static bool has_own(VM *vm, Value obj, Value key) {
  PropertyInfo p;
  return value_is_object(obj) && vm_get_own_property(vm, obj, key, &p);
}

/* hasBuiltInToString: does obj stringify with a toString / Symbol.toPrimitive that a
 * built-in constructor's prototype provides? Then %s inspects it instead of calling
 * String(). 1 yes, 0 no, -1 exception. */
static int has_builtin_to_string(VM *vm, Value obj) {
  if (vm_is_proxy(obj)) { /* no trap runs: a proxy counts as its target, as in node */
    obj = vm_proxy_target(obj);
    if (!value_is_object(obj) || vm_is_proxy(obj)) return 1;
  }
  Value to_string = vm_atom(vm, "toString");
  Value to_prim = vm_well_known_symbol(vm, VM_SYMBOL_TO_PRIMITIVE);
  Value f = vm_get(vm, obj, to_string);
  if (value_is_exception(f)) return -1;
  Value p = vm_get(vm, obj, to_prim);
  if (value_is_exception(p)) return -1;
  bool look_string = true, look_prim = true;
  if (!vm_is_callable(f)) {
    if (!vm_is_callable(p)) return 1;
    if (has_own(vm, obj, to_prim)) return 0;
    look_string = false;
  } else if (has_own(vm, obj, to_string)) {
    return 0;
  } else if (!vm_is_callable(p)) {
    look_prim = false;
  } else if (has_own(vm, obj, to_prim)) {
    return 0;
  }
  Value at = obj; /* the prototype that provides the method */
  do {
    at = vm_prototype_of(at);
  } while (value_is_object(at) && !(look_string && has_own(vm, at, to_string)) &&
           !(look_prim && has_own(vm, at, to_prim)));
  PropertyInfo ctor;
  if (!value_is_object(at) || !vm_get_own_property(vm, at, vm_atom(vm, "constructor"), &ctor) ||
      ctor.is_accessor || !vm_is_callable(ctor.value))
    return 0;
  return is_builtin_name(vm, ctor.value);
}

/* The number a placeholder prints (Number, parseInt, parseFloat), or NaN. */
static bool put_number(VM *vm, StrBuf *sb, Value v, const InspectOptions *opts) {
  if (value_is_symbol(v)) {
    sb_puts(sb, "NaN");
    return true;
  }
  Value n = vm_to_number(vm, v);
  if (value_is_exception(n)) return false;
  sb_put_number(sb, value_to_number(n), opts->numeric_separator);
  return true;
}

/* parseInt(s) with radix 10 (or 16 after 0x), on the WTF-8 text of String(v). */
static double parse_int(const char *s) {
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
  double sign = 1;
  if (*s == '-' || *s == '+') sign = *s++ == '-' ? -1 : 1;
  int radix = 10;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) radix = 16, s += 2;
  double v = 0;
  bool any = false;
  for (;; s++, any = true) {
    int d = *s >= '0' && *s <= '9' ? *s - '0'
            : (*s | 32) >= 'a' && (*s | 32) <= 'f' ? (*s | 32) - 'a' + 10
                                                   : 99;
    if (d >= radix) break;
    v = v * radix + d;
  }
  return any ? sign * v : NAN;
}

/* parseFloat: the longest prefix that is a StrDecimalLiteral. */
static double parse_float(const char *s) {
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
  const char *p = s + (*s == '-' || *s == '+');
  if (strncmp(p, "Infinity", 8) == 0) return *s == '-' ? -INFINITY : INFINITY;
  size_t n = strspn(p, "0123456789"), digits = n;
  if (p[n] == '.') {
    size_t f = strspn(p + n + 1, "0123456789");
    digits += f, n += 1 + f;
  }
  if (digits == 0) return NAN;
  if (p[n] == 'e' || p[n] == 'E') {
    size_t e = 1 + (p[n + 1] == '-' || p[n + 1] == '+');
    size_t ed = strspn(p + n + e, "0123456789");
    if (ed) n += e + ed;
  }
  char *copy = mem_alloc((size_t)(p - s) + n + 1);
  memcpy(copy, s, (size_t)(p - s) + n), copy[(p - s) + n] = '\0';
  double v = strtod(copy, NULL);
  free(copy);
  return v;
}

static bool put_parsed(VM *vm, StrBuf *sb, Value v, bool integer, const InspectOptions *opts) {
  if (value_is_symbol(v)) {
    sb_puts(sb, "NaN");
    return true;
  }
  char *s = inspect_to_cstr(vm, v);
  if (!s) return false;
  sb_put_number(sb, integer ? parse_int(s) : parse_float(s), opts->numeric_separator);
  free(s);
  return true;
}

/* %j: JSON.stringify, with "[Circular]" for circular structures. */
static bool put_json(VM *vm, StrBuf *sb, Value v) {
  Value json = vm_get_str(vm, vm_global(vm), "JSON");
  Value stringify = value_is_object(json) ? vm_get_str(vm, json, "stringify") : VALUE_UNDEFINED;
  if (value_is_exception(stringify)) return false;
  if (!vm_is_callable(stringify))
    return vm_throw_error(vm, ERR_TYPE, "tinynode: util.format('%%j') needs JSON.stringify"),
           false;
  Value s = vm_call(vm, stringify, json, 1, &v);
  if (value_is_exception(s)) {
    Value err = vm_handle_push(vm, vm_take_exception(vm));
    Value msg = value_is_object(err) ? vm_get_str(vm, err, "message") : VALUE_UNDEFINED;
    char *m = value_is_string(msg) ? vm_to_wtf8(msg) : NULL;
    bool circular = m && strstr(m, "circular structure");
    free(m);
    if (!circular) return vm_throw(vm, err), false;
    sb_puts(sb, "[Circular]");
    return true;
  }
  char *text = inspect_to_cstr(vm, s);
  if (!text) return false;
  sb_puts(sb, text);
  free(text);
  return true;
}

/* %s: numbers inspected, objects with a built-in toString inspected at depth 0,
 * everything else through String(). */
static bool put_string_arg(VM *vm, StrBuf *sb, Value v, const InspectOptions *opts) {
  if (value_is_number(v)) {
    sb_put_number(sb, value_to_number(v), opts->numeric_separator);
    return true;
  }
  int builtin = value_is_object(v) && !vm_is_callable(v) ? has_builtin_to_string(vm, v) : 0;
  if (builtin < 0) return false;
  char *s;
  if (builtin) {
    InspectOptions o = *opts;
    o.compact = 3, o.colors = false, o.depth = 0;
    s = inspect_to_text(vm, v, &o);
  } else {
    s = inspect_to_cstr(vm, v);
  }
  if (!s) return false;
  sb_puts(sb, s);
  free(s);
  return true;
}

/* ==== formatWithOptions ==== */

/* One placeholder with its argument. Returns 1 if c was a placeholder, 0 if not, -1 on
 * exception. */
static int put_placeholder(VM *vm, StrBuf *sb, uint16_t c, Value arg, const InspectOptions *opts) {
  InspectOptions o = *opts;
  char *text = NULL;
  bool ok = true;
  switch (c) {
  case 's': ok = put_string_arg(vm, sb, arg, opts); break;
  case 'j': ok = put_json(vm, sb, arg); break;
  case 'd': ok = put_number(vm, sb, arg, opts); break;
  case 'i': ok = put_parsed(vm, sb, arg, true, opts); break;
  case 'f': ok = put_parsed(vm, sb, arg, false, opts); break;
  case 'c': break; /* CSS styling: consumed, prints nothing */
  case 'O': ok = (text = inspect_to_text(vm, arg, &o)) != NULL; break;
  case 'o':
    o.show_hidden = true, o.depth = 4, o.show_proxy = true;
    ok = (text = inspect_to_text(vm, arg, &o)) != NULL;
    break;
  default: return 0;
  }
  if (text) sb_puts(sb, text);
  free(text);
  return ok ? 1 : -1;
}

static bool is_placeholder(uint16_t c) {
  return c == 's' || c == 'j' || c == 'd' || c == 'i' || c == 'f' || c == 'c' || c == 'O' ||
         c == 'o';
}

//> stdlib.format
bool format_to_buffer(VM *vm, StrBuf *sb, const InspectOptions *opts, int argc, Value *argv) {
  int a = 0;
  const char *join = "";
  if (argc > 0 && value_is_string(argv[0])) {
    Value first = argv[0];
    uint32_t len = vm_string_length(first), last = 0;
    if (argc == 1) return sb_put_js(sb, first), true;
    for (uint32_t i = 0; i + 1 < len; i++) {
      if (vm_string_unit(first, i) != '%') continue;
      uint16_t c = vm_string_unit(first, ++i);
      if (c == '%') { /* "%%" prints one "%" */
        sb_put_js_range(sb, first, last, i);
        last = i + 1;
        continue;
      }
      /* no argument left, or not a placeholder: the text stays as it is */
      if (a + 1 == argc || !is_placeholder(c)) continue;
      sb_put_js_range(sb, first, last, i - 1);
      if (put_placeholder(vm, sb, c, argv[++a], opts) < 0) return false;
      last = i + 1;
    }
    if (last != 0) {
      a++;
      join = " ";
      sb_put_js_range(sb, first, last, len);
    }
  }
  for (; a < argc; a++) { /* the rest, separated by spaces */
    sb_puts(sb, join);
    join = " ";
    if (value_is_string(argv[a])) {
      sb_put_js(sb, argv[a]);
      continue;
    }
    char *text = inspect_to_text(vm, argv[a], opts);
    if (!text) return false;
    sb_puts(sb, text);
    free(text);
  }
  return true;
}
//< stdlib.format

Value format_args(VM *vm, int argc, Value *argv) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  StrBuf sb = {0};
  if (!format_to_buffer(vm, &sb, &opts, argc, argv)) return sb_free(&sb), VALUE_EXCEPTION;
  Value s = sb_to_value(vm, sb.data ? sb.data : "", sb.len);
  sb_free(&sb);
  return s;
}

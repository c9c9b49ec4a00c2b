/* uri.c - encodeURI, encodeURIComponent, decodeURI and decodeURIComponent: the spec's
 * Encode and Decode over a string's UTF-16 code units and the UTF-8 bytes they stand for;
 * and Annex B's escape and unescape, which work on the units themselves.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_uri. A lone surrogate to encode, or an escape that is not
 * well-formed UTF-8 to decode, is V8's "URIError: URI malformed".
 */
#include <string.h>

#include "stdlib/ecma/builtins.h"

/* What encodeURIComponent leaves alone; encodeURI also keeps the reserved characters,
 * which decodeURI therefore does not decode either. */
static const char unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
static const char reserved[] = ";/?:@&=+$,#";

enum { URI_COMPONENT = 1 }; /* the magic of the *Component pair */

static uint16_t unit_at(const void *data, bool wide, size_t i) {
  return wide ? ((const uint16_t *)data)[i] : ((const uint8_t *)data)[i];
}

static bool in_set(uint32_t c, bool component) {
  return c && c < 128 && (strchr(unreserved, (int)c) || (!component && strchr(reserved, (int)c)));
}

static Value malformed(VM *vm) { return vm_throw_error(vm, ERR_URI, "URI malformed"); }

/* The code point at i (a surrogate pair counts once; *i moves past it); -1 for a lone
 * surrogate. */
static int32_t code_point_at(const void *data, bool wide, size_t len, size_t *i) {
  uint16_t u = unit_at(data, wide, *i);
  if (u >= 0xDC00 && u <= 0xDFFF) return -1;
  if (u < 0xD800 || u > 0xDBFF) return u;
  uint16_t lo = *i + 1 < len ? unit_at(data, wide, *i + 1) : 0;
  if (lo < 0xDC00 || lo > 0xDFFF) return -1;
  (*i)++;
  return 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
}

static void put_escaped_utf8(StrBuf *sb, uint32_t cp) {
  uint8_t bytes[4];
  int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  static const uint8_t lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
  for (int k = n - 1; k > 0; k--, cp >>= 6) bytes[k] = (uint8_t)(0x80 | (cp & 0x3F));
  bytes[0] = (uint8_t)(n == 1 ? cp : (lead[n] | cp));
  for (int k = 0; k < n; k++) sb_printf(sb, "%%%02X", bytes[k]);
}

/* The argument as a string, rooted: its code units in *data (narrow or wide), or NULL
 * with the exception pending. */
static const void *uri_input(VM *vm, int argc, Value *argv, Value *s, size_t *len, bool *wide) {
  *s = vm_handle_push(vm, vm_to_string(vm, builtins_arg(argc, argv, 0)));
  return value_is_exception(*s) ? NULL : vm_string_data(*s, len, wide);
}

static Value uri_encode(VM *vm, Value this_value, int argc, Value *argv) {
  Value s;
  size_t len;
  bool wide, component = vm_native_magic(vm) & URI_COMPONENT;
  const void *data = uri_input(vm, argc, argv, &s, &len, &wide);
  if (!data) return VALUE_EXCEPTION;
  StrBuf sb = {0};
  for (size_t i = 0; i < len; i++) {
    int32_t cp = code_point_at(data, wide, len, &i);
    if (cp < 0) {
      sb_free(&sb);
      return malformed(vm);
    }
    if (in_set((uint32_t)cp, component)) sb_putc(&sb, (char)cp);
    else put_escaped_utf8(&sb, (uint32_t)cp);
  }
  return sb_finish(vm, &sb);
}

/* The value of the n hex digits at i, or -1. */
static int hex_digits(const void *data, bool wide, size_t len, size_t i, int n) {
  if (i + (size_t)n > len) return -1;
  int v = 0;
  for (int k = 0; k < n; k++) {
    uint16_t u = unit_at(data, wide, i + (size_t)k);
    int d = u >= '0' && u <= '9' ? u - '0' : u >= 'a' && u <= 'f' ? u - 'a' + 10
            : u >= 'A' && u <= 'F' ? u - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/* The byte of the escape %XX at i, or -1. */
static int escaped_byte(const void *data, bool wide, size_t len, size_t i) {
  if (i >= len || unit_at(data, wide, i) != '%') return -1;
  return hex_digits(data, wide, len, i + 1, 2);
}

/* The code point of the UTF-8 sequence whose escapes start at *i (moved to its last
 * unit), or -1 when it is not one well-formed character. */
static int32_t decode_sequence(const void *data, bool wide, size_t len, size_t *i, int lead) {
  int n = lead >= 0xF0 && lead < 0xF8 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0) return -1;
  uint32_t cp = (uint32_t)lead & (0x7F >> n);
  for (int k = 1; k < n; k++) {
    int b = escaped_byte(data, wide, len, *i + 3 * (size_t)k);
    if (b < 0 || (b & 0xC0) != 0x80) return -1;
    cp = cp << 6 | (uint32_t)(b & 0x3F);
  }
  static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *i += 3 * (size_t)(n - 1) + 2;
  return (int32_t)cp;
}

static Value uri_decode(VM *vm, Value this_value, int argc, Value *argv) {
  Value s;
  size_t len;
  bool wide, component = vm_native_magic(vm) & URI_COMPONENT;
  const void *data = uri_input(vm, argc, argv, &s, &len, &wide);
  if (!data) return VALUE_EXCEPTION;
  StrBuf sb = {0};
  for (size_t i = 0; i < len; i++) {
    uint16_t u = unit_at(data, wide, i);
    if (u != '%') {
      sb_put_unit(&sb, u);
      continue;
    }
    int b = escaped_byte(data, wide, len, i);
    int32_t cp = b < 0x80 ? b : decode_sequence(data, wide, len, &i, b);
    if (cp < 0) {
      sb_free(&sb);
      return malformed(vm);
    }
    if (b > 0 && b < 0x80 && !component && strchr(reserved, b)) sb_put_js_range(&sb, s, (uint32_t)i, (uint32_t)i + 3);
    else sb_put_codepoint(&sb, (uint32_t)cp);
    if (b < 0x80) i += 2;
  }
  return sb_finish(vm, &sb);
}

/* ==== escape and unescape (Annex B.2.1) ==== */

/* escape: units below 256 outside A-Z a-z 0-9 @*_+-./ become %XX, the rest %uXXXX. */
static Value uri_escape(VM *vm, Value this_value, int argc, Value *argv) {
  Value s;
  size_t len;
  bool wide;
  const void *data = uri_input(vm, argc, argv, &s, &len, &wide);
  if (!data) return VALUE_EXCEPTION;
  StrBuf sb = {0};
  for (size_t i = 0; i < len; i++) {
    uint16_t u = unit_at(data, wide, i);
    bool keep = u < 128 && ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
                            (u >= '0' && u <= '9') || strchr("@*_+-./", u));
    if (keep && u) sb_putc(&sb, (char)u);
    else if (u < 256) sb_printf(&sb, "%%%02X", u);
    else sb_printf(&sb, "%%u%04X", u);
  }
  return sb_finish(vm, &sb);
}

/* unescape: %uXXXX and %XX become the unit they name; anything else stays. */
static Value uri_unescape(VM *vm, Value this_value, int argc, Value *argv) {
  Value s;
  size_t len;
  bool wide;
  const void *data = uri_input(vm, argc, argv, &s, &len, &wide);
  if (!data) return VALUE_EXCEPTION;
  StrBuf sb = {0};
  for (size_t i = 0; i < len; i++) {
    uint16_t u = unit_at(data, wide, i);
    int v = -1;
    if (u == '%' && i + 1 < len && unit_at(data, wide, i + 1) == 'u')
      v = hex_digits(data, wide, len, i + 2, 4), i += v >= 0 ? 5 : 0;
    else if (u == '%')
      v = hex_digits(data, wide, len, i + 1, 2), i += v >= 0 ? 2 : 0;
    sb_put_unit(&sb, v >= 0 ? (uint16_t)v : u);
  }
  return sb_finish(vm, &sb);
}

static const VMPropDef uri_globals[] = {
    VM_FN_MAGIC("decodeURI", uri_decode, 1, 0),
    VM_FN_MAGIC("decodeURIComponent", uri_decode, 1, URI_COMPONENT),
    VM_FN_MAGIC("encodeURI", uri_encode, 1, 0),
    VM_FN_MAGIC("encodeURIComponent", uri_encode, 1, URI_COMPONENT),
    VM_FN("escape", uri_escape, 1),
    VM_FN("unescape", uri_unescape, 1),
    VM_PROPS_END,
};

void builtins_install_uri(VM *vm) { vm_define_props(vm, vm_global(vm), uri_globals); }

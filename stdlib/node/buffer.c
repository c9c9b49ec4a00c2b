/* buffer.c - the native half of Buffer (stdlib/node/lib/buffer.js): strings to bytes and
 * back in node's encodings, and searching bytes. Book: chapter 11, "Files".
 *
 *   buffer_module_create   require('internal/buffer'), for built-in modules only
 *   node_buffer_from_bytes a Buffer holding a copy of some bytes (node.h)
 *   node_buffer_bytes      the bytes of any ArrayBuffer view (node.h)
 *
 * Encodings are small integers (ENC_*), in the order buffer.js's table names them. The
 * natives trust their caller (buffer.js validates every argument first), but never read
 * or write outside the view they are given.
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

enum { ENC_UTF8, ENC_UTF16LE, ENC_LATIN1, ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_HEX };

/* A view's bytes, or NULL (and *n 0) for anything that is not an ArrayBuffer view. */
static uint8_t *view_bytes(Value v, size_t *n) {
  VMViewInfo info;
  if (!vm_array_view_info(v, &info) || info.out_of_bounds) return *n = 0, NULL;
  *n = info.byte_length;
  return info.data;
}

bool node_buffer_bytes(Value v, const uint8_t **data, size_t *length) {
  VMViewInfo info;
  if (!vm_array_view_info(v, &info)) return false;
  *data = info.data;
  *length = info.out_of_bounds ? 0 : info.byte_length;
  return true;
}

/* An argument as a size: a number clamped to [0, limit]. */
static size_t arg_size(Value v, size_t limit) {
  double d = value_is_number(v) ? value_to_number(v) : 0;
  if (!(d > 0)) return 0;
  return d >= (double)limit ? limit : (size_t)d;
}

/* ==== Strings to bytes ==== */

/* A string's units, one at a time, whichever way it is stored. */
typedef struct Units {
  const uint8_t *narrow;
  const uint16_t *wide;
  size_t length;
} Units;

static Units units_of(Value str) {
  Units u = {0};
  bool wide;
  const void *data = vm_string_data(str, &u.length, &wide);
  if (wide)
    u.wide = data;
  else
    u.narrow = data;
  return u;
}

static inline uint32_t unit_at(const Units *u, size_t i) {
  return u->wide ? u->wide[i] : u->narrow[i];
}

/* The code point at units i (a pair joins; a lone surrogate becomes U+FFFD, as V8 encodes
 * it) and how many units it took. */
static uint32_t code_point_at(const Units *u, size_t i, size_t *taken) {
  uint32_t c = unit_at(u, i);
  *taken = 1;
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c < 0xdc00 && i + 1 < u->length) {
    uint32_t d = unit_at(u, i + 1);
    if (d >= 0xdc00 && d <= 0xdfff)
      return *taken = 2, 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return 0xfffd;
}

/* How many units from i on are ASCII (at most limit): UTF-8's fast path, a byte each. */
static size_t ascii_run(const Units *u, size_t i, size_t limit) {
  size_t end = u->length - i < limit ? u->length : i + limit, k = i;
  if (u->narrow)
    while (k < end && u->narrow[k] < 0x80) k++;
  else
    while (k < end && u->wide[k] < 0x80) k++;
  return k - i;
}

static size_t utf8_size(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static size_t utf8_put(uint8_t *p, uint32_t cp) {
  size_t n = utf8_size(cp);
  if (n == 1)
    p[0] = (uint8_t)cp;
  else if (n == 2)
    p[0] = 0xc0 | (cp >> 6), p[1] = 0x80 | (cp & 63);
  else if (n == 3)
    p[0] = 0xe0 | (cp >> 12), p[1] = 0x80 | ((cp >> 6) & 63), p[2] = 0x80 | (cp & 63);
  else {
    p[0] = 0xf0 | (cp >> 18), p[1] = 0x80 | ((cp >> 12) & 63);
    p[2] = 0x80 | ((cp >> 6) & 63), p[3] = 0x80 | (cp & 63);
  }
  return n;
}

/* The value of a base64 or base64url digit (node accepts both alphabets in both), or 64. */
static unsigned base64_digit(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return 64;
}

static int hex_digit(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  c |= 0x20;
  return c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10) : -1;
}

/* Node's size for base64 text: three bytes per four characters, less up to two '='. */
static size_t base64_size(const Units *u) {
  size_t n = u->length;
  if (n > 0 && unit_at(u, n - 1) == '=') n--;
  if (n > 0 && unit_at(u, n - 1) == '=') n--;
  return (n * 3) >> 2;
}

static size_t byte_length(const Units *u, int enc) {
  switch (enc) {
  case ENC_UTF16LE: return u->length * 2;
  case ENC_LATIN1:
  case ENC_ASCII: return u->length;
  case ENC_BASE64:
  case ENC_BASE64URL: return base64_size(u);
  case ENC_HEX: return u->length >> 1;
  }
  size_t total = 0, taken;
  for (size_t i = 0; i < u->length; i += taken) {
    size_t run = ascii_run(u, i, SIZE_MAX);
    total += run, i += run;
    if (i < u->length)
      total += utf8_size(code_point_at(u, i, &taken));
    else
      taken = 0;
  }
  return total;
}

/* UTF-8 into at most max bytes; a character that does not fit whole is left out. */
static size_t write_utf8(const Units *u, uint8_t *out, size_t max) {
  size_t at = 0, taken;
  for (size_t i = 0; i < u->length; i += taken) {
    size_t run = ascii_run(u, i, max - at);
    for (size_t k = 0; k < run; k++) out[at + k] = (uint8_t)unit_at(u, i + k);
    at += run, i += run;
    if (i == u->length) break;
    uint32_t cp = code_point_at(u, i, &taken);
    if (at + utf8_size(cp) > max) break;
    at += utf8_put(out + at, cp);
  }
  return at;
}

//> node.base64-decode
/* Base64 as node decodes it: characters outside the alphabet are skipped, and the first
 * '=' ends the text. Four digits make three bytes; a last group of two or three digits
 * makes one or two. Node reads only the low byte of each unit, so U+D83D counts as '='. */
static size_t write_base64(const Units *u, uint8_t *out, size_t max) {
  size_t at = 0;
  uint32_t group = 0;
  int digits = 0;
  for (size_t i = 0; i < u->length && at < max; i++) {
    uint32_t c = unit_at(u, i) & 0xff;
    unsigned d = base64_digit(c);
    if (d == 64) {
      if (c == '=') break;
      continue;
    }
    group = group << 6 | d;
    if (++digits < 4) continue;
    for (int k = 2; k >= 0 && at < max; k--) out[at++] = (uint8_t)(group >> (8 * k));
    group = 0, digits = 0;
  }
  if (digits >= 2 && at < max) out[at++] = (uint8_t)(group >> (6 * digits - 8));
  if (digits == 3 && at < max) out[at++] = (uint8_t)(group >> 2);
  return at;
}
//< node.base64-decode

/* Pairs of hex digits, up to the first pair that is not one. */
static size_t write_hex(const Units *u, uint8_t *out, size_t max) {
  size_t at = 0;
  for (size_t i = 0; i + 1 < u->length && at < max; i += 2) {
    int hi = hex_digit(unit_at(u, i)), lo = hex_digit(unit_at(u, i + 1));
    if (hi < 0 || lo < 0) break;
    out[at++] = (uint8_t)(hi << 4 | lo);
  }
  return at;
}

static size_t write_string(const Units *u, int enc, uint8_t *out, size_t max) {
  size_t n = 0;
  switch (enc) {
  case ENC_UTF8: return write_utf8(u, out, max);
  case ENC_BASE64:
  case ENC_BASE64URL: return write_base64(u, out, max);
  case ENC_HEX: return write_hex(u, out, max);
  case ENC_UTF16LE:
    for (; n + 2 <= max && n / 2 < u->length; n += 2) {
      uint32_t c = unit_at(u, n / 2);
      out[n] = (uint8_t)c, out[n + 1] = (uint8_t)(c >> 8);
    }
    return n;
  }
  for (; n < max && n < u->length; n++) out[n] = (uint8_t)unit_at(u, n); /* latin1, ascii */
  return n;
}

/* byteLength(string, enc): the bytes string takes in enc. */
static Value buf_byte_length(VM *vm, Value this_value, int argc, Value *argv) {
  Units u = units_of(argv[0]);
  return value_from_number((double)byte_length(&u, (int)value_to_number(argv[1])));
}

/* write(view, string, offset, max, enc): bytes written. */
static Value buf_write(VM *vm, Value this_value, int argc, Value *argv) {
  size_t n;
  uint8_t *p = view_bytes(argv[0], &n);
  size_t offset = arg_size(argv[2], n);
  size_t max = arg_size(argv[3], n - offset);
  Units u = units_of(argv[1]);
  return value_from_number(
      (double)write_string(&u, (int)value_to_number(argv[4]), p + offset, max));
}

/* ==== Bytes to strings ==== */

//> node.utf8-decode
/* One character of UTF-8 at p (n bytes left), as WHATWG's decoder reads it: a sequence
 * that breaks off is replaced by one U+FFFD for its longest valid start (the "maximal
 * subpart"), and the byte that broke it is read again as the start of the next. The
 * second byte's range depends on the first, which rules out overlong forms, surrogates
 * and code points past U+10FFFF. *len is how many bytes were used. */
static uint32_t utf8_next(const uint8_t *p, size_t n, size_t *len) {
  uint8_t b = p[0];
  *len = 1;
  if (b < 0x80) return b;
  int need = b >= 0xc2 && b <= 0xdf   ? 1
             : b >= 0xe0 && b <= 0xef ? 2
             : b >= 0xf0 && b <= 0xf4 ? 3
                                      : 0;
  if (need == 0) return 0xfffd;
  uint8_t lo = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
  uint8_t hi = b == 0xed ? 0x9f : b == 0xf4 ? 0x8f : 0xbf;
  uint32_t cp = b & (0x3f >> need);
  for (int k = 1; k <= need; k++, lo = 0x80, hi = 0xbf) {
    if ((size_t)k >= n || p[k] < lo || p[k] > hi) return 0xfffd;
    cp = cp << 6 | (p[k] & 0x3f);
    *len = (size_t)k + 1;
  }
  return cp;
}
//< node.utf8-decode

/* A string from UTF-16 units; units is freed. */
static Value units_finish(VM *vm, uint16_t *units, size_t n) {
  if (n > VM_STRING_MAX) return free(units), vm_throw_string_length(vm);
  Value s = vm_string_from_units(vm, units, n);
  free(units);
  return s;
}

static Value decode_utf8(VM *vm, const uint8_t *p, size_t n) {
  size_t i = 0;
  while (i < n && p[i] < 0x80) i++;
  if (i == n) return vm_string_n(vm, (const char *)p, n); /* ASCII: as it is */
  uint16_t *out = mem_alloc((n + 1) * sizeof *out);
  size_t at = 0, len;
  for (size_t k = 0; k < i; k++) out[at++] = p[k];
  for (; i < n; i += len) {
    uint32_t cp = utf8_next(p + i, n - i, &len);
    if (cp < 0x10000)
      out[at++] = (uint16_t)cp;
    else
      out[at++] = (uint16_t)(0xd800 + ((cp - 0x10000) >> 10)), out[at++] = 0xdc00 + (cp & 0x3ff);
  }
  return units_finish(vm, out, at);
}

static Value decode_base64(VM *vm, const uint8_t *p, size_t n, bool url) {
  const char *alphabet = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                             : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint16_t *out = mem_alloc((n / 3 + 1) * 4 * sizeof *out + 1);
  size_t at = 0;
  for (size_t i = 0; i < n; i += 3) {
    uint32_t g =
        (uint32_t)p[i] << 16 | (i + 1 < n ? p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
    size_t digits = i + 2 < n ? 4 : i + 1 < n ? 3 : 2;
    for (size_t k = 0; k < 4; k++) {
      if (k < digits)
        out[at++] = (uint16_t)alphabet[(g >> (18 - 6 * k)) & 63];
      else if (!url)
        out[at++] = '=';
    }
  }
  return units_finish(vm, out, at);
}

static Value decode_simple(VM *vm, const uint8_t *p, size_t n, int enc) {
  static const char digits[] = "0123456789abcdef";
  size_t count = enc == ENC_HEX ? 2 * n : enc == ENC_UTF16LE ? n / 2 : n;
  uint16_t *out = mem_alloc((count + 1) * sizeof *out);
  for (size_t i = 0; i < count; i++) {
    if (enc == ENC_HEX)
      out[i] = (uint16_t)digits[(p[i / 2] >> (i & 1 ? 0 : 4)) & 15];
    else if (enc == ENC_UTF16LE)
      out[i] = (uint16_t)(p[2 * i] | p[2 * i + 1] << 8);
    else
      out[i] = enc == ENC_ASCII ? p[i] & 0x7f : p[i];
  }
  return units_finish(vm, out, count);
}

/* toString(view, enc, start, end): the bytes [start, end) decoded. */
static Value buf_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  size_t n;
  const uint8_t *p = view_bytes(argv[0], &n);
  size_t end = arg_size(argv[3], n), start = arg_size(argv[2], end);
  p += start, n = end - start;
  if (n == 0) return vm_string(vm, "");
  int enc = (int)value_to_number(argv[1]);
  if (enc == ENC_UTF8) return decode_utf8(vm, p, n);
  if (enc == ENC_BASE64 || enc == ENC_BASE64URL)
    return decode_base64(vm, p, n, enc == ENC_BASE64URL);
  if (enc == ENC_LATIN1 && n <= VM_STRING_MAX) {
    /* Latin-1 is UTF-16's first 256 units; as UTF-8 below 0x80 it is the same text */
    size_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) return vm_string_n(vm, (const char *)p, n);
  }
  return decode_simple(vm, p, n, enc);
}

/* ==== Comparing and searching ==== */

/* compare(a, b): -1, 0 or 1, byte by byte, then by length. */
static Value buf_compare(VM *vm, Value this_value, int argc, Value *argv) {
  size_t na, nb;
  const uint8_t *a = view_bytes(argv[0], &na), *b = view_bytes(argv[1], &nb);
  size_t n = na < nb ? na : nb;
  int c = n ? memcmp(a, b, n) : 0;
  if (c == 0) c = na < nb ? -1 : na > nb ? 1 : 0;
  return value_from_number(c < 0 ? -1 : c > 0 ? 1 : 0);
}

/* indexOf(hay, needle, from, forward): where the needle's bytes start at or after from
 * (forward) or at or before it (backward), or -1. An empty needle is found at from. */
static Value buf_index_of(VM *vm, Value this_value, int argc, Value *argv) {
  size_t n, m;
  const uint8_t *hay = view_bytes(argv[0], &n), *needle = view_bytes(argv[1], &m);
  double from = value_to_number(argv[2]);
  bool forward = vm_truthy(argv[3]);
  if (m > n) return value_from_number(-1);
  double last = (double)(n - m);
  if (from > last) {
    if (forward) return value_from_number(-1);
    from = last;
  }
  if (from < 0) {
    if (!forward) return value_from_number(-1);
    from = 0;
  }
  for (size_t i = (size_t)from;; forward ? i++ : i--) {
    if (forward && i > (size_t)last) break;
    if (m == 0 || (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0))
      return value_from_number((double)i);
    if (!forward && i == 0) break;
  }
  return value_from_number(-1);
}

/* fill(view, pattern, start, end): the pattern's bytes over and over in [start, end). */
static Value buf_fill(VM *vm, Value this_value, int argc, Value *argv) {
  size_t n, m;
  uint8_t *p = view_bytes(argv[0], &n);
  const uint8_t *pattern = view_bytes(argv[1], &m);
  size_t end = arg_size(argv[3], n), start = arg_size(argv[2], end);
  if (m == 0) return VALUE_UNDEFINED;
  for (size_t i = start; i < end; i++) p[i] = pattern[(i - start) % m];
  return VALUE_UNDEFINED;
}

/* copy(source, target, targetStart, sourceStart, sourceEnd): bytes copied (regions may
 * overlap: they may be views of one pool). */
static Value buf_copy(VM *vm, Value this_value, int argc, Value *argv) {
  size_t ns, nt;
  const uint8_t *src = view_bytes(argv[0], &ns);
  uint8_t *dst = view_bytes(argv[1], &nt);
  size_t at = arg_size(argv[2], nt);
  size_t end = arg_size(argv[4], ns), start = arg_size(argv[3], end);
  size_t count = end - start < nt - at ? end - start : nt - at;
  if (count) memmove(dst + at, src + start, count);
  return value_from_number((double)count);
}

/* encodeInto(string, view): UTF-8 into view, whole characters only, as
 * TextEncoder.encodeInto: [units read, bytes written]. */
static Value buf_encode_into(VM *vm, Value this_value, int argc, Value *argv) {
  size_t n, at = 0, i = 0, taken;
  uint8_t *p = view_bytes(argv[1], &n);
  Units u = units_of(argv[0]);
  for (; i < u.length; i += taken) {
    uint32_t cp = code_point_at(&u, i, &taken);
    if (at + utf8_size(cp) > n) break;
    at += utf8_put(p + at, cp);
  }
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, value_from_number((double)i));
  vm_array_push(vm, pair, value_from_number((double)at));
  return pair;
}

/* utf8Check(view): -1 when the bytes are valid UTF-8, else where an incomplete sequence
 * starts at the very end (a place to wait for more bytes), or -2 for an invalid one. */
static Value buf_utf8_check(VM *vm, Value this_value, int argc, Value *argv) {
  size_t n, len;
  const uint8_t *p = view_bytes(argv[0], &n);
  for (size_t i = 0; i < n; i += len) {
    if (p[i] < 0x80) {
      len = 1;
      continue;
    }
    uint32_t cp = utf8_next(p + i, n - i, &len);
    if (cp == 0xfffd && !(len == 3 && p[i] == 0xef)) {
      bool cut = i + len == n && p[i] >= 0xc2 && p[i] <= 0xf4; /* broke off at the end */
      return value_from_number(cut ? (double)i : -2);
    }
  }
  return value_from_number(-1);
}

/* isAscii(view): no byte has its high bit set. */
static Value buf_is_ascii(VM *vm, Value this_value, int argc, Value *argv) {
  size_t n;
  const uint8_t *p = view_bytes(argv[0], &n);
  for (size_t i = 0; i < n; i++)
    if (p[i] & 0x80) return VALUE_FALSE;
  return VALUE_TRUE;
}

/* wtf8(string): the string's bytes as V8 writes a search needle, a lone surrogate as its
 * own three bytes (so that it never matches the EF BF BD a Buffer holds). */
static Value buf_wtf8(VM *vm, Value this_value, int argc, Value *argv) {
  char *text = vm_to_wtf8(argv[0]);
  size_t n = strlen(text);
  Value buffer = vm_array_buffer_new(vm, n, VM_LENGTH_AUTO,
                                     vm_intrinsic(vm, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
  if (value_is_exception(buffer)) return free(text), buffer;
  vm_handle_push(vm, buffer);
  VMBufferInfo info;
  vm_array_buffer_info(buffer, &info);
  if (n) memcpy(info.data, text, n);
  free(text);
  return vm_array_view_new(vm, VM_CLASS_UINT8_ARRAY, buffer, 0, n,
                           vm_intrinsic(vm, INTRINSIC_TYPED_PROTOTYPES + VM_TYPED_UINT8));
}

/* domException(message, name): a DOMException (atob's InvalidCharacterError), made by
 * clone.c's maker; only the names atob and btoa use are known. */
static Value buf_dom_exception(VM *vm, Value this_value, int argc, Value *argv) {
  return node_dom_exception_new(vm, "InvalidCharacterError", argv[0]);
}

/* ==== The module, and Buffers for C ==== */

static const VMPropDef buffer_natives[] = {
    VM_FN_ENUM("byteLength", buf_byte_length, 2),
    VM_FN_ENUM("write", buf_write, 5),
    VM_FN_ENUM("toString", buf_to_string, 4),
    VM_FN_ENUM("compare", buf_compare, 2),
    VM_FN_ENUM("indexOf", buf_index_of, 4),
    VM_FN_ENUM("fill", buf_fill, 4),
    VM_FN_ENUM("copy", buf_copy, 5),
    VM_FN_ENUM("domException", buf_dom_exception, 2),
    VM_FN_ENUM("encodeInto", buf_encode_into, 2),
    VM_FN_ENUM("utf8Check", buf_utf8_check, 1),
    VM_FN_ENUM("wtf8", buf_wtf8, 1),
    VM_FN_ENUM("isAscii", buf_is_ascii, 1),
    VM_PROPS_END,
};

Value buffer_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, m, buffer_natives);
  return m;
}

/* A Buffer made by Buffer[maker](length), holding a copy of bytes. */
static Value buffer_copy(VM *vm, const char *maker, const uint8_t *bytes, size_t length) {
  Value m = host_require_builtin(host_of(vm), "buffer");
  if (value_is_exception(m)) return m;
  vm_handle_push(vm, m);
  Value buffer = vm_handle_push(vm, vm_get_str(vm, m, "Buffer"));
  if (value_is_exception(buffer)) return buffer;
  Value alloc = vm_handle_push(vm, vm_get_str(vm, buffer, maker));
  if (value_is_exception(alloc)) return alloc;
  Value arg = value_from_number((double)length);
  Value b = vm_call(vm, alloc, buffer, 1, &arg);
  if (value_is_exception(b)) return b;
  size_t n;
  uint8_t *p = view_bytes(b, &n);
  if (bytes && length && n >= length) memcpy(p, bytes, length);
  return b;
}

Value node_buffer_alloc(VM *vm, size_t length) {
  return buffer_copy(vm, "allocUnsafeSlow", NULL, length);
}

Value node_buffer_from_bytes(VM *vm, const uint8_t *bytes, size_t length) {
  return buffer_copy(vm, "allocUnsafeSlow", bytes, length);
}

int node_encoding_code(Value name) {
  static const char *const names[] = {"utf8",    "utf-8",    "ucs2",      "ucs-2",
                                      "utf16le", "utf-16le", "latin1",    "binary",
                                      "ascii",   "base64",   "base64url", "hex"};
  static const int codes[] = {ENC_UTF8,    ENC_UTF8,    ENC_UTF16LE,   ENC_UTF16LE,
                              ENC_UTF16LE, ENC_UTF16LE, ENC_LATIN1,    ENC_LATIN1,
                              ENC_ASCII,   ENC_BASE64,  ENC_BASE64URL, ENC_HEX};
  if (!value_is_string(name) || vm_string_length(name) > 9) return -1;
  char lower[10] = {0};
  for (uint32_t i = 0, n = vm_string_length(name); i < n; i++) {
    uint16_t c = vm_string_unit(name, i);
    lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c > 0x7f ? '?' : c);
  }
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(lower, names[i])) return codes[i];
  return -1;
}

Value node_bytes_decode(VM *vm, const uint8_t *bytes, size_t length, int encoding) {
  if (encoding == NODE_BUFFER_POOLED) return buffer_copy(vm, "allocUnsafe", bytes, length);
  if (encoding < 0) return node_buffer_from_bytes(vm, bytes, length);
  if (length == 0) return vm_string(vm, "");
  if (encoding == ENC_UTF8) return decode_utf8(vm, bytes, length);
  if (encoding == ENC_BASE64 || encoding == ENC_BASE64URL)
    return decode_base64(vm, bytes, length, encoding == ENC_BASE64URL);
  return decode_simple(vm, bytes, length, encoding);
}

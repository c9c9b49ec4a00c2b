/* string.c - JavaScript strings and the atom table.
 * Book: chapter 3, "Values and objects".
 *
 * A String is an immutable run of UTF-16 code units, stored one byte per unit
 * (Latin-1) when every unit fits and two bytes otherwise; the two forms never
 * hold the same text, so equal strings always have equal representations.
 * Entry points: string_new_latin1/_wide, string_from_utf8, string_to_utf8,
 * string_concat, string_substring, string_equal, atom_intern, atom_table_sweep.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

#define STRING_HEADER offsetof(String, data)
#define ATOM_TABLE_MIN 256

/* ==== Making strings ==== */

/* A fresh, uninitialised string of length units; its terminator is written. */
static String *string_alloc(VM *vm, uint32_t length, bool wide) {
  size_t unit = wide ? 2 : 1;
  String *s = gc_alloc(vm, STRING_HEADER + ((size_t)length + 1) * unit, GC_STRING);
  s->length = length;
  s->wide = wide;
  return s; /* gc_alloc zeroed it: the terminator is already there */
}

String *string_new_latin1(VM *vm, const uint8_t *bytes, uint32_t length) {
  String *s = string_alloc(vm, length, false);
  if (length) memcpy(s->data, bytes, length);
  return s;
}

String *string_new_wide(VM *vm, const uint16_t *units, uint32_t length) {
  uint32_t i = 0;
  while (i < length && units[i] < 256) i++;
  if (i == length) { /* every unit fits in a byte: keep the compact form */
    String *s = string_alloc(vm, length, false);
    for (i = 0; i < length; i++) s->data[i] = (uint8_t)units[i];
    return s;
  }
  String *s = string_alloc(vm, length, true);
  memcpy(s->data, units, (size_t)length * 2);
  return s;
}

/* ==== UTF-8 at the edges ==== */

//> vm.utf8-decode
/* Decode one code point from p (p < end) the way the WHATWG decoder (and so
 * Node) does: an ill-formed sequence yields U+FFFD for its longest valid-looking
 * prefix, and decoding resumes at the first byte that did not fit. */
static uint32_t utf8_decode(const uint8_t *p, const uint8_t *end, int *used) {
  uint8_t b = p[0];
  int need;
  uint32_t cp;
  uint8_t lo = 0x80, hi = 0xBF;
  *used = 1;
  if (b < 0x80) return b;
  if (b >= 0xC2 && b <= 0xDF) need = 1, cp = b & 0x1F;
  else if (b >= 0xE0 && b <= 0xEF) need = 2, cp = b & 0x0F;
  else if (b >= 0xF0 && b <= 0xF4) need = 3, cp = b & 0x07;
  else return 0xFFFD;
  if (b == 0xE0) lo = 0xA0;        /* overlong */
  else if (b == 0xED) hi = 0x9F;   /* a surrogate */
  else if (b == 0xF0) lo = 0x90;   /* overlong */
  else if (b == 0xF4) hi = 0x8F;   /* above U+10FFFF */
  for (int i = 1; i <= need; i++) {
    if (p + i >= end || p[i] < lo || p[i] > hi) return 0xFFFD; /* *used bytes consumed */
    cp = (cp << 6) | (p[i] & 0x3F);
    lo = 0x80, hi = 0xBF;
    *used = i + 1;
  }
  return cp;
}
//< vm.utf8-decode

String *string_from_utf8(VM *vm, const char *utf8, size_t length) {
  const uint8_t *p = (const uint8_t *)utf8, *end = p + length, *q = p;
  while (q < end && *q < 0x80) q++; /* most text is ASCII: one byte, one unit */
  if (q == end) {
    if (length > UINT32_MAX - 1) PANIC("string_from_utf8: string too long");
    return string_new_latin1(vm, p, (uint32_t)length);
  }
  size_t units = (size_t)(q - p);
  bool wide = false;
  while (q < end) { /* pass 1: measure the rest */
    int used = 1;
    uint32_t cp = *q < 0x80 ? *q : utf8_decode(q, end, &used);
    units += cp > 0xFFFF ? 2 : 1;
    wide |= cp > 0xFF;
    q += used;
  }
  if (units > UINT32_MAX - 1) PANIC("string_from_utf8: string too long");
  String *s = string_alloc(vm, (uint32_t)units, wide);
  uint16_t *w = (uint16_t *)s->data;
  size_t n = 0;
  for (const uint8_t *q = p; q < end;) { /* pass 2: store */
    int used;
    uint32_t cp = utf8_decode(q, end, &used);
    q += used;
    if (!wide) s->data[n++] = (uint8_t)cp;
    else if (cp <= 0xFFFF) w[n++] = (uint16_t)cp;
    else {
      w[n++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
      w[n++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  return s;
}

/* The code point at units[i] (combining a surrogate pair; a lone surrogate
 * becomes U+FFFD, as Node writes it) and how many units it took. */
static uint32_t utf16_code_point(const uint16_t *w, uint32_t i, uint32_t n, int *took) {
  uint16_t u = w[i];
  *took = 1;
  if (u < 0xD800 || u > 0xDFFF) return u;
  if (u <= 0xDBFF && i + 1 < n && w[i + 1] >= 0xDC00 && w[i + 1] <= 0xDFFF) {
    *took = 2;
    return 0x10000 + (((uint32_t)u - 0xD800) << 10) + (w[i + 1] - 0xDC00);
  }
  return 0xFFFD;
}

static int utf8_width(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

static char *utf8_put(char *out, uint32_t cp) {
  if (cp < 0x80) *out++ = (char)cp;
  else if (cp < 0x800) {
    *out++ = (char)(0xC0 | (cp >> 6));
    *out++ = (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = (char)(0xE0 | (cp >> 12));
    *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    *out++ = (char)(0x80 | (cp & 0x3F));
  } else {
    *out++ = (char)(0xF0 | (cp >> 18));
    *out++ = (char)(0x80 | ((cp >> 12) & 0x3F));
    *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    *out++ = (char)(0x80 | (cp & 0x3F));
  }
  return out;
}

char *string_to_utf8(const String *s, size_t *out_length) {
  size_t bytes = 0;
  int took;
  if (s->wide) {
    for (uint32_t i = 0; i < s->length; i += (uint32_t)took)
      bytes += utf8_width(utf16_code_point(string_wide(s), i, s->length, &took));
  } else { /* Latin-1: a byte below 0x80 is its own UTF-8, the others take two */
    for (uint32_t i = 0; i < s->length; i++) bytes += 1 + (s->data[i] >> 7);
  }
  char *out = mem_alloc(bytes + 1), *p = out;
  if (!s->wide && bytes == s->length) { /* ASCII: the bytes as they are */
    p = (char *)memcpy(out, s->data, bytes) + bytes;
  } else {
    for (uint32_t i = 0; i < s->length; i += (uint32_t)took) {
      took = 1;
      p = utf8_put(p, s->wide ? utf16_code_point(string_wide(s), i, s->length, &took) : s->data[i]);
    }
  }
  *p = 0;
  if (out_length) *out_length = bytes;
  return out;
}

/* ==== Operations ==== */

String *string_concat(VM *vm, String *a, String *b) {
  if (a->length == 0) return b;
  if (b->length == 0) return a;
  if ((uint64_t)a->length + b->length > UINT32_MAX - 1) PANIC("string_concat: string too long");
  int mark = vm_handle_mark(vm); /* the allocation below may collect */
  vm_handle_push(vm, value_from_string(a));
  vm_handle_push(vm, value_from_string(b));
  bool wide = a->wide || b->wide;
  String *s = string_alloc(vm, a->length + b->length, wide);
  vm_handle_reset(vm, mark);
  if (!wide) {
    memcpy(s->data, a->data, a->length);
    memcpy(s->data + a->length, b->data, b->length);
    return s;
  }
  uint16_t *w = (uint16_t *)s->data;
  for (uint32_t i = 0; i < a->length; i++) w[i] = string_unit(a, i);
  for (uint32_t i = 0; i < b->length; i++) w[a->length + i] = string_unit(b, i);
  return s;
}

String *string_substring(VM *vm, String *s, uint32_t start, uint32_t end) {
  if (start == 0 && end >= s->length) return s;
  if (end > s->length) end = s->length;
  if (start >= end) return vm->atom_empty ? vm->atom_empty : string_new_latin1(vm, NULL, 0);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_string(s));
  String *r = s->wide ? string_new_wide(vm, string_wide(s) + start, end - start)
                      : string_new_latin1(vm, s->data + start, end - start);
  vm_handle_reset(vm, mark);
  return r;
}

bool string_equal(const String *a, const String *b) {
  if (a == b) return true;
  if (a->length != b->length || a->wide != b->wide) return false;
  if (a->atom && b->atom) return false; /* two distinct atoms never hold the same text */
  if (a->hash && b->hash && a->hash != b->hash) return false;
  return memcmp(a->data, b->data, (size_t)a->length << a->wide) == 0;
}

int string_compare(const String *a, const String *b) {
  uint32_t n = a->length < b->length ? a->length : b->length;
  if (!a->wide && !b->wide) {
    int c = memcmp(a->data, b->data, n);
    if (c) return c;
  } else {
    for (uint32_t i = 0; i < n; i++) {
      int d = (int)string_unit(a, i) - (int)string_unit(b, i);
      if (d) return d;
    }
  }
  return a->length < b->length ? -1 : a->length > b->length;
}

/* FNV-1a over code units: the same text hashes the same in either form. */
static uint32_t hash_latin1(const uint8_t *p, uint32_t n) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h ? h : 1;
}

static uint32_t hash_wide(const uint16_t *p, uint32_t n) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h ? h : 1;
}

uint32_t string_hash(String *s) {
  if (!s->hash) s->hash = s->wide ? hash_wide(string_wide(s), s->length)
                                  : hash_latin1(s->data, s->length);
  return s->hash;
}

bool string_to_array_index(const String *s, uint32_t *index) {
  if (s->wide || s->length == 0 || s->length > 10) return false;
  const uint8_t *p = s->data;
  if (p[0] == '0') {
    if (s->length != 1) return false;
    *index = 0;
    return true;
  }
  uint64_t v = 0;
  for (uint32_t i = 0; i < s->length; i++) {
    if (p[i] < '0' || p[i] > '9') return false;
    v = v * 10 + (uint64_t)(p[i] - '0');
  }
  if (v > 4294967294u) return false;
  *index = (uint32_t)v;
  return true;
}

/* ==== Atoms ==== */

//> vm.atom-intern
/* The slot where text with this hash lives, or the empty slot where it would go.
 * The table is never full: it grows before it passes 75%. */
static String **atom_slot(AtomTable *t, uint32_t hash, const String *probe) {
  uint32_t mask = t->capacity - 1;
  for (uint32_t i = hash & mask;; i = (i + 1) & mask) {
    String *e = t->entries[i];
    if (!e || (e->hash == hash && string_equal(e, probe))) return &t->entries[i];
  }
}

static void atom_table_resize(AtomTable *t, uint32_t capacity) {
  String **old = t->entries;
  uint32_t old_capacity = t->capacity;
  t->entries = mem_calloc(capacity, sizeof(String *));
  t->capacity = capacity;
  for (uint32_t i = 0; i < old_capacity; i++) {
    if (!old[i]) continue;
    uint32_t j = old[i]->hash & (capacity - 1);
    while (t->entries[j]) j = (j + 1) & (capacity - 1); /* entries are distinct */
    t->entries[j] = old[i];
  }
  free(old);
}

String *atom_intern(VM *vm, String *s) {
  if (s->atom) return s;
  AtomTable *t = &vm->atoms;
  if ((t->count + 1) * 4 > t->capacity * 3)
    atom_table_resize(t, t->capacity ? t->capacity * 2 : ATOM_TABLE_MIN);
  String **slot = atom_slot(t, string_hash(s), s);
  if (*slot) return *slot;
  s->atom = 1; /* strings are immutable, so s itself can be the interned copy */
  *slot = s;
  t->count++;
  return s;
}
//< vm.atom-intern

String *atom_lookup(VM *vm, String *s) {
  if (s->atom) return s;
  if (!vm->atoms.count) return NULL;
  return *atom_slot(&vm->atoms, string_hash(s), s);
}

/* Looks up short Latin-1 text with a probe string built on the C stack, so that
 * finding an existing atom allocates nothing. NULL when no such atom exists. */
String *atom_lookup_latin1(VM *vm, const uint8_t *bytes, uint32_t length) {
  _Alignas(String) uint8_t buf[STRING_HEADER + 65];
  String *probe = (String *)buf;
  if (length > 64 || !vm->atoms.count) return NULL;
  memset(buf, 0, STRING_HEADER);
  probe->length = length;
  memcpy(probe->data, bytes, length);
  probe->hash = hash_latin1(bytes, length);
  return *atom_slot(&vm->atoms, probe->hash, probe);
}

static String *intern_cstr(VM *vm, const char *utf8) {
  size_t n = strlen(utf8);
  bool ascii = true;
  for (size_t i = 0; i < n && ascii; i++) ascii = (uint8_t)utf8[i] < 0x80;
  if (ascii && n <= 64) { /* the common case: no allocation if it already exists */
    String *found = atom_lookup_latin1(vm, (const uint8_t *)utf8, (uint32_t)n);
    if (found) return found;
  }
  return atom_intern(vm, string_from_utf8(vm, utf8, n));
}

/* The atom of a C string; the atom cache (internal.h) answers for a literal seen before. */
String *atom_from_cstr(VM *vm, const char *utf8) {
  uintptr_t at = (uintptr_t)utf8;
  AtomCacheEntry *e = &vm->atom_cache[(at ^ (at >> 9)) & (ATOM_CACHE_SIZE - 1)];
  if (e->text == utf8 && e->epoch == vm->cache_epoch && !strcmp((const char *)e->atom->data, utf8))
    return e->atom;
  String *atom = intern_cstr(vm, utf8);
  if (!atom->wide) *e = (AtomCacheEntry){utf8, atom, vm->cache_epoch};
  return atom;
}

//> vm.atom-sweep
void atom_table_sweep(VM *vm) {
  AtomTable *t = &vm->atoms;
  uint32_t live = 0;
  for (uint32_t i = 0; i < t->capacity; i++) {
    if (t->entries[i] && !t->entries[i]->gc.marked) t->entries[i] = NULL;
    else if (t->entries[i]) live++;
  }
  if (live == t->count) return;
  t->count = live;
  /* Emptied slots may break other entries' probe chains: rehash the survivors. */
  uint32_t capacity = t->capacity;
  while (capacity > ATOM_TABLE_MIN && live * 8 < capacity) capacity /= 2;
  atom_table_resize(t, capacity);
}
//< vm.atom-sweep

/* ==== The public face (vm.h) ==== */

Value vm_string(VM *vm, const char *utf8) {
  return value_from_string(string_from_utf8(vm, utf8, strlen(utf8)));
}

Value vm_throw_string_length(VM *vm) { return vm_throw_error(vm, ERR_RANGE, "Invalid string length"); }

/* The UTF-16 length of UTF-8 text: one unit per sequence, two for a 4-byte one. */
static size_t utf8_units(const char *utf8, size_t length) {
  size_t units = 0;
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)utf8[i];
    units += (c & 0xC0) != 0x80;
    units += c >= 0xF0;
  }
  return units;
}

Value vm_string_n(VM *vm, const char *utf8, size_t length) {
  if (length > VM_STRING_MAX && utf8_units(utf8, length) > VM_STRING_MAX)
    return vm_throw_string_length(vm);
  return value_from_string(string_from_utf8(vm, utf8, length));
}

char *vm_to_utf8(VM *vm, Value string, size_t *length) {
  if (!value_is_string(string)) PANIC("vm_to_utf8: not a string");
  return string_to_utf8(value_to_string(string), length);
}

uint32_t vm_string_length(Value string) { return value_to_string(string)->length; }

Value vm_string_concat(VM *vm, Value a, Value b) {
  String *sa = value_to_string(a), *sb = value_to_string(b);
  if ((uint64_t)sa->length + sb->length > VM_STRING_MAX) return vm_throw_string_length(vm);
  return value_from_string(string_concat(vm, sa, sb));
}

Value vm_string_repeat(VM *vm, Value string, uint32_t count) {
  String *s = value_to_string(string);
  if ((uint64_t)s->length * count > VM_STRING_MAX) return vm_throw_string_length(vm);
  vm_handle_push(vm, string); /* the caller's scope releases it */
  String *r = string_alloc(vm, s->length * count, s->wide);
  size_t part = (size_t)s->length << s->wide, total = part * count;
  if (total) memcpy(r->data, s->data, part);
  for (size_t done = part; done < total;) { /* doubling: log2(count) copies */
    size_t n = done < total - done ? done : total - done;
    memcpy(r->data + done, r->data, n);
    done += n;
  }
  return value_from_string(r);
}

Value vm_atom(VM *vm, const char *utf8) { return value_from_string(atom_from_cstr(vm, utf8)); }

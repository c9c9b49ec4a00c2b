/* value.h - the one place that knows how a JavaScript value is encoded.
 * Book: chapter 3, "Values and objects".
 *
 * A Value is a NaN-boxed 64-bit word. Every double is stored as itself; every
 * other value lives in the negative quiet-NaN space, tagged by its top 16 bits:
 *
 *   0xFFF9 0000 0000 000k   a constant: undefined, null, false, true, and the
 *                           two engine-internal markers (hole, exception)
 *   0xFFFB pppp pppp pppp   a String*   (48-bit pointer)
 *   0xFFFC pppp pppp pppp   an Object*  (plain objects, arrays, functions, ...)
 *   0xFFFD pppp pppp pppp   a Symbol*
 *   0xFFFE pppp pppp pppp   another heap thing the engine stores in slots
 *                           (a Cell for a captured variable, an Accessor pair)
 *
 * No double can collide with a tag: value_from_number() rewrites every NaN to
 * the canonical positive quiet NaN 0x7FF8000000000000. Nothing outside this
 * header looks at the bits.
 */
#ifndef TN_VALUE_H
#define TN_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

//> vm.value-encoding
typedef uint64_t Value;

#define VALUE_TAG_MASK 0xFFFF000000000000ull
#define VALUE_PTR_MASK 0x0000FFFFFFFFFFFFull
#define VALUE_TAG_CONST 0xFFF9000000000000ull
#define VALUE_TAG_STRING 0xFFFB000000000000ull
#define VALUE_TAG_OBJECT 0xFFFC000000000000ull
#define VALUE_TAG_SYMBOL 0xFFFD000000000000ull
#define VALUE_TAG_THING 0xFFFE000000000000ull
#define VALUE_CANONICAL_NAN 0x7FF8000000000000ull

#define VALUE_UNDEFINED (VALUE_TAG_CONST | 1)
#define VALUE_NULL (VALUE_TAG_CONST | 2)
#define VALUE_FALSE (VALUE_TAG_CONST | 3)
#define VALUE_TRUE (VALUE_TAG_CONST | 4)
#define VALUE_HOLE (VALUE_TAG_CONST | 5)      /* array hole; uninitialised let (TDZ) */
#define VALUE_EXCEPTION (VALUE_TAG_CONST | 6) /* "an exception is pending in the VM" */
//< vm.value-encoding

struct String;
struct Object;
struct Symbol;

static inline bool value_is_number(Value v) { return v < 0xFFF9000000000000ull; }
static inline double value_to_number(Value v) {
  double d;
  memcpy(&d, &v, sizeof d);
  return d;
}
static inline Value value_from_number(double d) {
  Value v;
  if (d != d) return VALUE_CANONICAL_NAN;
  memcpy(&v, &d, sizeof v);
  return v;
}

static inline bool value_is_undefined(Value v) { return v == VALUE_UNDEFINED; }
static inline bool value_is_null(Value v) { return v == VALUE_NULL; }
static inline bool value_is_nullish(Value v) { return v == VALUE_UNDEFINED || v == VALUE_NULL; }
static inline bool value_is_bool(Value v) { return v == VALUE_TRUE || v == VALUE_FALSE; }
static inline bool value_is_exception(Value v) { return v == VALUE_EXCEPTION; }
static inline bool value_is_hole(Value v) { return v == VALUE_HOLE; }
static inline Value value_from_bool(bool b) { return b ? VALUE_TRUE : VALUE_FALSE; }
static inline bool value_to_bool_raw(Value v) { return v == VALUE_TRUE; }

static inline bool value_is_string(Value v) { return (v & VALUE_TAG_MASK) == VALUE_TAG_STRING; }
static inline bool value_is_object(Value v) { return (v & VALUE_TAG_MASK) == VALUE_TAG_OBJECT; }
static inline bool value_is_symbol(Value v) { return (v & VALUE_TAG_MASK) == VALUE_TAG_SYMBOL; }
static inline bool value_is_thing(Value v) { return (v & VALUE_TAG_MASK) == VALUE_TAG_THING; }
/* Any value that points into the GC heap. */
static inline bool value_is_heap(Value v) {
  return v >= VALUE_TAG_STRING && (v & VALUE_TAG_MASK) != VALUE_TAG_CONST;
}

static inline void *value_to_ptr(Value v) { return (void *)(uintptr_t)(v & VALUE_PTR_MASK); }
static inline struct String *value_to_string(Value v) { return (struct String *)value_to_ptr(v); }
static inline struct Object *value_to_object(Value v) { return (struct Object *)value_to_ptr(v); }
static inline struct Symbol *value_to_symbol(Value v) { return (struct Symbol *)value_to_ptr(v); }

static inline Value value_from_string(struct String *s) {
  return VALUE_TAG_STRING | (uint64_t)(uintptr_t)s;
}
static inline Value value_from_object(struct Object *o) {
  return VALUE_TAG_OBJECT | (uint64_t)(uintptr_t)o;
}
static inline Value value_from_symbol(struct Symbol *s) {
  return VALUE_TAG_SYMBOL | (uint64_t)(uintptr_t)s;
}
static inline Value value_from_thing(void *p) { return VALUE_TAG_THING | (uint64_t)(uintptr_t)p; }

/* A number that is an integer in int32 range, as used by array indexing. */
static inline bool value_is_int32(Value v, int32_t *out) {
  if (!value_is_number(v)) return false;
  double d = value_to_number(v);
  if (!(d >= -2147483648.0 && d <= 2147483647.0)) return false;
  int32_t i = (int32_t)d;
  if ((double)i != d || (i == 0 && 1 / d < 0)) return false;
  *out = i;
  return true;
}

#endif

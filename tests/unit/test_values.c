/* test_values.c - the NaN-boxing contract of vm/value.h (book chapter 3).
 *
 * Every double must survive value_from_number -> value_to_number bit for bit
 * (NaNs come back as *a* NaN), and no double - however it was produced - may
 * ever decode as a string, object, symbol, heap thing or constant. Exits 0
 * when every check passes; prints one line per failed check otherwise.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/value.h"

static int failures;

#define CHECK(cond, what)                                                     \
  do {                                                                        \
    if (!(cond)) {                                                            \
      printf("FAIL %s:%d: %s (%s)\n", __FILE__, __LINE__, #cond, what);       \
      failures++;                                                             \
    }                                                                         \
  } while (0)

static double from_bits(uint64_t bits) {
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

static uint64_t to_bits(double d) {
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  return bits;
}

/* A boxed number must be a number and nothing else. */
static void check_is_only_number(Value v, const char *what) {
  CHECK(value_is_number(v), what);
  CHECK(!value_is_string(v), what);
  CHECK(!value_is_object(v), what);
  CHECK(!value_is_symbol(v), what);
  CHECK(!value_is_thing(v), what);
  CHECK(!value_is_heap(v), what);
  CHECK(!value_is_undefined(v) && !value_is_null(v) && !value_is_bool(v), what);
  CHECK(!value_is_hole(v) && !value_is_exception(v), what);
}

static void check_roundtrip(double d, const char *what) {
  Value v = value_from_number(d);
  check_is_only_number(v, what);
  double back = value_to_number(v);
  if (d != d) CHECK(back != back, what); /* a NaN stays a NaN */
  else CHECK(to_bits(back) == to_bits(d), what); /* bit for bit, so -0 stays -0 */
}

/* volatile keeps the compiler from folding these: we want the CPU's own NaNs. */
static volatile double zero = 0.0, inf_source = 1e308;

static void test_special_numbers(void) {
  double inf = inf_source * 10;
  check_roundtrip(0.0, "+0");
  check_roundtrip(-0.0, "-0");
  CHECK(to_bits(value_to_number(value_from_number(-0.0))) == 0x8000000000000000ull, "-0 bits");
  check_roundtrip(inf, "+Infinity");
  check_roundtrip(-inf, "-Infinity");
  check_roundtrip(DBL_MAX, "DBL_MAX");
  check_roundtrip(-DBL_MAX, "-DBL_MAX");
  check_roundtrip(DBL_MIN, "DBL_MIN");
  check_roundtrip(DBL_TRUE_MIN, "smallest denormal");
  check_roundtrip(-DBL_TRUE_MIN, "negative denormal");
  check_roundtrip(from_bits(0x000FFFFFFFFFFFFFull), "largest denormal");
  check_roundtrip(1.0, "1");
  check_roundtrip(-1.5, "-1.5");
  check_roundtrip(9007199254740993.0, "2^53+1");
}

static void test_nans(void) {
  double inf = inf_source * 10;
  double computed[] = {zero / zero, inf - inf, -(zero / zero), inf * zero, sqrt(-1.0 + zero)};
  for (size_t i = 0; i < sizeof computed / sizeof computed[0]; i++)
    check_roundtrip(computed[i], "NaN from arithmetic");
  /* Every NaN bit pattern, including those that look exactly like our tags. */
  uint64_t patterns[] = {
      0x7FF8000000000000ull, 0xFFF8000000000000ull, 0x7FF0000000000001ull, 0xFFF0000000000001ull,
      0x7FFFFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFFFull, 0xFFF9000000000001ull, 0xFFF9000000000005ull,
      0xFFFB00000000ABCDull, 0xFFFC123456789ABCull, 0xFFFD000000000010ull, 0xFFFE000000000010ull,
      0xFFFF000000000000ull, 0x7FF4000000000000ull, 0xFFF4000000000000ull};
  for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
    double d = from_bits(patterns[i]);
    CHECK(d != d, "pattern is a NaN");
    check_roundtrip(d, "NaN bit pattern");
    CHECK(value_from_number(d) == VALUE_CANONICAL_NAN, "NaN is canonicalised");
  }
  /* A sweep over many payloads, both signs. */
  for (uint64_t p = 1; p < (1ull << 51); p = p * 3 + 1) {
    check_roundtrip(from_bits(0x7FF0000000000000ull | p), "positive payload NaN");
    check_roundtrip(from_bits(0xFFF0000000000000ull | p), "negative payload NaN");
  }
}

static void test_tagged_values(void) {
  Value consts[] = {VALUE_UNDEFINED, VALUE_NULL, VALUE_TRUE, VALUE_FALSE, VALUE_HOLE,
                    VALUE_EXCEPTION};
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
    CHECK(!value_is_number(consts[i]), "a constant is not a number");
    CHECK(!value_is_heap(consts[i]), "a constant is not a heap pointer");
  }
  static char thing[16]; /* any address will do: these never dereference */
  Value s = value_from_string((struct String *)thing), o = value_from_object((struct Object *)thing);
  Value y = value_from_symbol((struct Symbol *)thing), t = value_from_thing(thing);
  Value tagged[] = {s, o, y, t};
  for (size_t i = 0; i < 4; i++) {
    CHECK(!value_is_number(tagged[i]), "a pointer is not a number");
    CHECK(value_is_heap(tagged[i]), "a pointer is a heap value");
    CHECK(value_to_ptr(tagged[i]) == (void *)thing, "the pointer comes back");
  }
  CHECK(value_is_string(s) && !value_is_object(s) && !value_is_symbol(s), "string tag");
  CHECK(value_is_object(o) && !value_is_string(o) && !value_is_thing(o), "object tag");
  CHECK(value_is_symbol(y) && !value_is_object(y), "symbol tag");
  CHECK(value_is_thing(t) && !value_is_object(t), "thing tag");
  CHECK(value_to_bool_raw(value_from_bool(true)) && !value_to_bool_raw(value_from_bool(false)),
        "booleans");
}

static void test_int32(void) {
  int32_t i;
  CHECK(value_is_int32(value_from_number(42), &i) && i == 42, "42 is int32");
  CHECK(value_is_int32(value_from_number(-2147483648.0), &i) && i == INT32_MIN, "INT32_MIN");
  CHECK(!value_is_int32(value_from_number(2147483648.0), &i), "2^31 is not int32");
  CHECK(!value_is_int32(value_from_number(-0.0), &i), "-0 is not int32");
  CHECK(!value_is_int32(value_from_number(1.5), &i), "1.5 is not int32");
  CHECK(!value_is_int32(value_from_number(zero / zero), &i), "NaN is not int32");
  CHECK(!value_is_int32(VALUE_TRUE, &i), "true is not int32");
}

int main(void) {
  test_special_numbers();
  test_nans();
  test_tagged_values();
  test_int32();
  if (failures) printf("test_values: %d checks failed\n", failures);
  return failures ? 1 : 0;
}

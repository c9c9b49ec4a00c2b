/* test_heap.c - strings, atoms, shapes, arrays and the collector (book chapters 3 and 6).
 *
 * Drives vm/string.c, vm/shape.c, vm/object.c and vm/gc.c directly through
 * vm/internal.h on a real VM from vm_new(). Exits 0 when every check passes;
 * prints one line per failed check otherwise. Run it under TINYNODE_GC_STRESS=1
 * too: every allocation then collects, which shakes out unrooted values.
 */
#include <stdio.h>
#include <string.h>

#include "vm/internal.h"
#include "vm/shape.h"

static int failures;

#define CHECK(cond)                                                           \
  do {                                                                        \
    if (!(cond)) {                                                            \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                  \
      failures++;                                                             \
    }                                                                         \
  } while (0)

static Value atom(VM *vm, const char *text) { return vm_atom(vm, text); }

/* The keys of o, as UTF-8 joined with commas, into buf. */
static const char *keys_text(VM *vm, Object *o, bool symbols, bool only_enumerable, char *buf,
                             size_t size) {
  Array *keys = object_own_keys(vm, o, VM_KEYS_STRINGS | (symbols ? VM_KEYS_SYMBOLS : 0) | (only_enumerable ? 0 : VM_KEYS_HIDDEN));
  buf[0] = 0;
  for (uint32_t i = 0; i < keys->length; i++) {
    Value k = keys->elements[i];
    char *text = value_is_symbol(k) ? strdup("@sym") : vm_to_utf8(vm, k, NULL);
    if (i) strncat(buf, ",", size - strlen(buf) - 1);
    strncat(buf, text, size - strlen(buf) - 1);
    free(text);
  }
  return buf;
}

/* ==== Strings and atoms ==== */

static bool utf8_roundtrip(VM *vm, const char *in, uint32_t units, const char *out) {
  String *s = string_from_utf8(vm, in, strlen(in));
  size_t n;
  char *back = string_to_utf8(s, &n);
  bool ok = s->length == units && n == strlen(out) && memcmp(back, out, n) == 0;
  if (!ok) printf("  utf8 '%s': %u units, got '%s'\n", in, s->length, back);
  free(back);
  return ok;
}

static void test_strings(VM *vm) {
  CHECK(utf8_roundtrip(vm, "hello", 5, "hello"));
  CHECK(utf8_roundtrip(vm, "h\xc3\xa9llo", 5, "h\xc3\xa9llo"));              /* é: Latin-1 */
  CHECK(utf8_roundtrip(vm, "\xe6\x97\xa5\xe6\x9c\xac", 2, "\xe6\x97\xa5\xe6\x9c\xac")); /* 日本 */
  CHECK(utf8_roundtrip(vm, "\xf0\x9f\x98\x80", 2, "\xf0\x9f\x98\x80")); /* 😀: a surrogate pair */
  CHECK(utf8_roundtrip(vm, "\xff" "A", 2, "\xef\xbf\xbd" "A"));         /* invalid byte */
  CHECK(utf8_roundtrip(vm, "\xe6\x97", 1, "\xef\xbf\xbd"));             /* truncated: one U+FFFD */
  CHECK(utf8_roundtrip(vm, "\xed\xa0\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"));
  CHECK(utf8_roundtrip(vm, "\xe0\x80" "A", 3, "\xef\xbf\xbd\xef\xbf\xbd" "A")); /* overlong */
  String *e = string_from_utf8(vm, "\xc3\xa9", 2);
  CHECK(!e->wide && e->data[0] == 0xE9 && e->data[1] == 0); /* compact and NUL-terminated */
  String *smile = string_from_utf8(vm, "\xf0\x9f\x98\x80", 4);
  CHECK(smile->wide && string_unit(smile, 0) == 0xD83D && string_unit(smile, 1) == 0xDE00);

  uint16_t lone[] = {'a', 0xD800, 'b'};
  String *l = string_new_wide(vm, lone, 3);
  char *text = string_to_utf8(l, NULL);
  CHECK(strcmp(text, "a\xef\xbf\xbd" "b") == 0); /* a lone surrogate is written as U+FFFD */
  free(text);
  uint16_t narrow[] = {'x', 0xFF};
  CHECK(!string_new_wide(vm, narrow, 2)->wide); /* narrows when every unit fits */

  int mark = vm_handle_mark(vm);
  Value a = vm_handle_push(vm, vm_string(vm, "ab")), b = vm_handle_push(vm, vm_string(vm, "\xe2\x82\xac"));
  String *ab = value_to_string(vm_handle_push(vm, vm_string_concat(vm, a, b)));
  CHECK(ab->length == 3 && ab->wide && string_unit(ab, 2) == 0x20AC);
  String *sub = string_substring(vm, ab, 0, 2);
  CHECK(!sub->wide && string_equal(sub, value_to_string(a)));
  CHECK(string_compare(value_to_string(a), ab) < 0 && string_compare(ab, value_to_string(a)) > 0);
  CHECK(string_hash(sub) == string_hash(value_to_string(a)) && string_hash(sub) != 0);
  vm_handle_reset(vm, mark);

  CHECK(atom(vm, "foo") == atom(vm, "foo"));
  String *fresh = string_from_utf8(vm, "foo", 3);
  CHECK(!fresh->atom && value_from_string(atom_intern(vm, fresh)) == atom(vm, "foo"));
  Value cafe = vm_handle_push(vm, atom(vm, "caf\xc3\xa9")); /* rooted: atoms are weak */
  CHECK(cafe == atom(vm, "caf\xc3\xa9"));
  vm_handle_reset(vm, mark);
  CHECK(value_to_string(atom(vm, "length")) == vm->atom_length);

  uint32_t index;
  CHECK(string_to_array_index(value_to_string(atom(vm, "0")), &index) && index == 0);
  CHECK(string_to_array_index(value_to_string(atom(vm, "4294967294")), &index) &&
        index == 4294967294u);
  CHECK(!string_to_array_index(value_to_string(atom(vm, "4294967295")), &index));
  CHECK(!string_to_array_index(value_to_string(atom(vm, "01")), &index));
  CHECK(!string_to_array_index(value_to_string(atom(vm, "-1")), &index));
  CHECK(!string_to_array_index(vm->atom_empty, &index));
}

/* ==== Shapes and property order ==== */

static Object *new_object(VM *vm) {
  return value_to_object(vm_handle_push(vm, vm_object_new(vm)));
}

static void test_shapes(VM *vm) {
  int mark = vm_handle_mark(vm);
  Object *first = NULL;
  for (int i = 0; i < 1000; i++) { /* {a, b} built 1000 times makes one chain */
    Object *o = new_object(vm);
    object_define_own(vm, o, atom(vm, "a"), value_from_number(i), ATTR_DEFAULT);
    object_define_own(vm, o, atom(vm, "b"), value_from_number(-i), ATTR_DEFAULT);
    if (!first) first = o;
    CHECK(o->shape == first->shape);
    vm_handle_reset(vm, mark + 1);
  }
  Object *ba = new_object(vm);
  object_define_own(vm, ba, atom(vm, "b"), VALUE_TRUE, ATTR_DEFAULT);
  object_define_own(vm, ba, atom(vm, "a"), VALUE_TRUE, ATTR_DEFAULT);
  CHECK(ba->shape != first->shape && ba->shape->count == 2);
  CHECK(first->shape->parent->parent == vm->root_shape);
  Value v = object_get(vm, first, atom(vm, "b"), value_from_object(first));
  CHECK(value_is_number(v) && value_to_number(v) == 0);
  vm_handle_reset(vm, mark);
}

static void test_order(VM *vm) {
  int mark = vm_handle_mark(vm);
  char buf[256];
  Object *o = new_object(vm);
  Value sym = vm_handle_push(vm, value_from_symbol(symbol_new(vm, NULL)));
  const char *names[] = {"b", "a", "2", "1", "01", "4294967295", "4294967294"};
  for (int i = 0; i < 7; i++) {
    if (i == 2) object_define_own(vm, o, sym, VALUE_NULL, ATTR_DEFAULT);
    object_define_own(vm, o, atom(vm, names[i]), value_from_number(i), ATTR_DEFAULT);
  }
  object_define_own(vm, o, atom(vm, "hidden"), VALUE_NULL, ATTR_HIDDEN);
  CHECK(strcmp(keys_text(vm, o, true, false, buf, sizeof buf),
               "1,2,4294967294,b,a,01,4294967295,hidden,@sym") == 0);
  CHECK(strcmp(keys_text(vm, o, false, true, buf, sizeof buf), "1,2,4294967294,b,a,01,4294967295") ==
        0);
  Value n = vm_handle_push(vm, vm_native_new(vm, "max", NULL, 2));
  CHECK(strcmp(keys_text(vm, value_to_object(n), false, false, buf, sizeof buf), "length,name") == 0);
  char *fname = vm_to_utf8(vm, object_get(vm, value_to_object(n), atom(vm, "name"), n), NULL);
  CHECK(strcmp(fname, "max") == 0);
  free(fname);
  vm_handle_reset(vm, mark);
}

static void test_delete_and_dictionary(VM *vm) {
  int mark = vm_handle_mark(vm);
  char buf[256];
  Object *o = new_object(vm);
  const char *names[] = {"p", "q", "r", "s"};
  for (int i = 0; i < 4; i++)
    object_define_own(vm, o, atom(vm, names[i]), value_from_number(i), ATTR_DEFAULT);
  Shape *shared = o->shape;
  CHECK(object_delete_own(vm, o, atom(vm, "s")) && o->shape == shared->parent); /* stepped back */
  CHECK(object_delete_own(vm, o, atom(vm, "q")) && o->shape->dictionary);
  CHECK(strcmp(keys_text(vm, o, false, false, buf, sizeof buf), "p,r") == 0);
  CHECK(object_has(vm, o, atom(vm, "q")) == VALUE_FALSE && object_has(vm, o, atom(vm, "r")) == VALUE_TRUE);
  object_define_own(vm, o, atom(vm, "q"), VALUE_TRUE, ATTR_DEFAULT); /* re-added at the end */
  CHECK(strcmp(keys_text(vm, o, false, false, buf, sizeof buf), "p,r,q") == 0);
  CHECK(object_has(vm, o, atom(vm, "toString")) == VALUE_FALSE); /* no stdlib yet: no such method */
  object_define_own(vm, o, atom(vm, "fixed"), VALUE_TRUE, ATTR_ENUMERABLE);
  CHECK(!object_delete_own(vm, o, atom(vm, "fixed"))); /* non-configurable */
  CHECK(object_set(vm, o, atom(vm, "fixed"), VALUE_FALSE, value_from_object(o)) == VALUE_FALSE);
  o->extensible = 0;
  CHECK(object_set(vm, o, atom(vm, "new"), VALUE_TRUE, value_from_object(o)) == VALUE_FALSE);
  CHECK(object_set(vm, o, atom(vm, "p"), VALUE_TRUE, value_from_object(o)) == VALUE_TRUE);

  Object *big = new_object(vm); /* the global object's case: hundreds of keys */
  char name[32];
  for (int i = 0; i < 2000; i++) {
    snprintf(name, sizeof name, "key%d", i);
    object_set(vm, big, atom(vm, name), value_from_number(i), value_from_object(big));
  }
  CHECK(big->shape->dictionary && big->shape->count == 2000);
  int wrong = 0;
  for (int i = 0; i < 2000; i += 3) {
    snprintf(name, sizeof name, "key%d", i);
    if (i % 2) object_delete_own(vm, big, atom(vm, name));
  }
  for (int i = 0; i < 2000; i++) {
    snprintf(name, sizeof name, "key%d", i);
    Value v = object_get(vm, big, atom(vm, name), value_from_object(big));
    bool gone = i % 3 == 0 && i % 2;
    wrong += gone ? v != VALUE_UNDEFINED : !(value_is_number(v) && value_to_number(v) == i);
  }
  CHECK(wrong == 0);
  vm_handle_reset(vm, mark);
}

static Value get_secret(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_number(42);
}

static Value set_secret(VM *vm, Value this_value, int argc, Value *argv) {
  object_define_own(vm, value_to_object(this_value), vm_atom(vm, "stored"), argv[0], ATTR_DEFAULT);
  return VALUE_UNDEFINED;
}

static void test_accessors_and_protos(VM *vm) {
  int mark = vm_handle_mark(vm);
  Object *proto = new_object(vm);
  Value getter = vm_handle_push(vm, vm_native_new(vm, "get", get_secret, 0));
  Value setter = vm_handle_push(vm, vm_native_new(vm, "set", set_secret, 1));
  Accessor *acc = accessor_new(vm, getter, setter);
  vm_handle_push(vm, value_from_thing(acc));
  object_define_own(vm, proto, atom(vm, "secret"), value_from_thing(acc),
                    ATTR_ACCESSOR | ATTR_CONFIGURABLE);
  object_define_own(vm, proto, atom(vm, "ro"), VALUE_TRUE, ATTR_ENUMERABLE);
  object_define_own(vm, proto, atom(vm, "inherited"), VALUE_TRUE, ATTR_DEFAULT);
  Object *child = value_to_object(vm_handle_push(vm, vm_object_with_proto(vm, value_from_object(proto))));
  Value cv = value_from_object(child);
  Value v = object_get(vm, child, atom(vm, "secret"), cv);
  CHECK(value_is_number(v) && value_to_number(v) == 42);
  CHECK(object_set(vm, child, atom(vm, "secret"), VALUE_NULL, cv) == VALUE_TRUE);
  CHECK(object_get(vm, child, atom(vm, "stored"), cv) == VALUE_NULL); /* setter saw the receiver */
  CHECK(object_set(vm, child, atom(vm, "ro"), VALUE_FALSE, cv) == VALUE_FALSE);
  CHECK(object_set(vm, child, atom(vm, "inherited"), VALUE_FALSE, cv) == VALUE_TRUE);
  bool found;
  CHECK(object_get_own(child, atom(vm, "inherited"), &found) == VALUE_FALSE && found); /* shadowed */
  CHECK(object_get_own(proto, atom(vm, "inherited"), &found) == VALUE_TRUE);
  CHECK(vm_prototype_of(cv) == value_from_object(proto));
  vm_handle_reset(vm, mark);
}

/* ==== Arrays ==== */

static double num(Value v) { return value_is_number(v) ? value_to_number(v) : -12345; }

static void test_arrays(VM *vm) {
  int mark = vm_handle_mark(vm);
  char buf[512];
  Value av = vm_handle_push(vm, vm_array_new(vm));
  Array *a = (Array *)value_to_object(av);
  for (int i = 0; i < 3; i++) vm_array_push(vm, av, value_from_number(i * 10));
  CHECK(vm_array_length(av) == 3 && num(vm_array_get(vm, av, 2)) == 20);
  object_set(vm, &a->base, value_from_number(5), VALUE_TRUE, av); /* extends, with holes */
  CHECK(a->length == 6 && a->elements[3] == VALUE_HOLE && a->elements[4] == VALUE_HOLE);
  CHECK(strcmp(keys_text(vm, &a->base, false, false, buf, sizeof buf), "0,1,2,5,length") == 0);
  CHECK(object_has(vm, &a->base, atom(vm, "3")) == VALUE_FALSE &&
        object_has(vm, &a->base, atom(vm, "5")) == VALUE_TRUE);
  CHECK(num(object_get(vm, &a->base, atom(vm, "1"), av)) == 10); /* "1" goes to the elements */
  object_set(vm, &a->base, atom(vm, "length"), value_from_number(2), av); /* truncates */
  CHECK(a->length == 2 && vm_array_get(vm, av, 2) == VALUE_UNDEFINED);
  object_set(vm, &a->base, atom(vm, "length"), value_from_number(4), av); /* extends */
  CHECK(a->length == 4 && vm_array_get(vm, av, 2) == VALUE_UNDEFINED && a->elements[3] == VALUE_HOLE);
  CHECK(num(object_get(vm, &a->base, atom(vm, "length"), av)) == 4);
  CHECK(object_set(vm, &a->base, atom(vm, "length"), value_from_number(-1), av) == VALUE_EXCEPTION);
  vm_take_exception(vm);
  CHECK(object_delete_own(vm, &a->base, value_from_number(0)) && a->elements[0] == VALUE_HOLE);
  CHECK(!object_delete_own(vm, &a->base, atom(vm, "length")));
  object_set(vm, &a->base, atom(vm, "x"), VALUE_TRUE, av);
  CHECK(strcmp(keys_text(vm, &a->base, false, false, buf, sizeof buf), "1,length,x") == 0);
  CHECK(strcmp(keys_text(vm, &a->base, false, true, buf, sizeof buf), "1,x") == 0);

  Value sv = vm_handle_push(vm, vm_array_new(vm)); /* very sparse: keyed indices */
  Array *s = (Array *)value_to_object(sv);
  object_set(vm, &s->base, value_from_number(4000000000.0), VALUE_TRUE, sv);
  object_set(vm, &s->base, value_from_number(1), VALUE_FALSE, sv);
  object_set(vm, &s->base, value_from_number(100000), VALUE_NULL, sv);
  CHECK(s->length == 4000000001u && s->capacity < 1000000);
  CHECK(strcmp(keys_text(vm, &s->base, false, false, buf, sizeof buf), "1,100000,4000000000,length") ==
        0);
  CHECK(vm_array_get(vm, sv, 4000000000u) == VALUE_TRUE && vm_array_get(vm, sv, 100000) == VALUE_NULL);
  CHECK(array_set_length(vm, s, 100001) && s->length == 100001);
  CHECK(vm_array_get(vm, sv, 4000000000u) == VALUE_UNDEFINED);
  CHECK(strcmp(keys_text(vm, &s->base, false, true, buf, sizeof buf), "1,100000") == 0);
  for (uint32_t i = 0; i < 40; i++) /* many keyed indices, then truncate them all */
    object_set(vm, &s->base, value_from_number(1e9 + i * 1e6), value_from_number(i), sv);
  CHECK(s->base.shape->dictionary && s->length == 1039000001u);
  object_define_own(vm, &s->base, value_from_number(1e9 + 7), VALUE_TRUE, ATTR_ENUMERABLE);
  CHECK(!array_set_length(vm, s, 2)); /* the non-configurable index stops the truncation */
  CHECK(s->length == 1000000008u && vm_array_get(vm, sv, 1000000007u) == VALUE_TRUE);
  CHECK(strcmp(keys_text(vm, &s->base, false, true, buf, sizeof buf), "1,100000,1000000000,1000000007") ==
        0);
  vm_handle_reset(vm, mark);
}

/* ==== The collector ==== */

static void test_gc(VM *vm) {
  int n = vm->gc_stress ? 2000 : 100000; /* under stress every allocation collects */
  int mark = vm_handle_mark(vm);
  gc_collect(vm);
  size_t before = vm->bytes_allocated;
  Value next = atom(vm, "next"), head = VALUE_NULL;
  vm_handle_push(vm, next);
  int root = vm_handle_mark(vm);
  vm_handle_push(vm, head);
  for (int i = 0; i < n; i++) { /* a linked chain, rooted only by its head */
    Object *o = object_new(vm, NULL);
    vm_handle_push(vm, value_from_object(o));
    object_define_own(vm, o, next, head, ATTR_DEFAULT);
    object_define_own(vm, o, atom(vm, "i"), value_from_number(i), ATTR_DEFAULT);
    head = vm->handles[root] = value_from_object(o);
    vm_handle_reset(vm, root + 1);
  }
  gc_collect(vm);
  size_t full = vm->bytes_allocated;
  int count = 0, wrong = 0;
  for (Value v = head; v != VALUE_NULL; count++) { /* walk it: nothing was freed */
    Object *o = value_to_object(v);
    wrong += num(object_get(vm, o, atom(vm, "i"), v)) != n - 1 - count;
    v = object_get(vm, o, next, v);
  }
  CHECK(count == n && wrong == 0);
  CHECK(full > before + (size_t)n * sizeof(Object));
  vm_handle_reset(vm, mark); /* drop the root */
  gc_collect(vm);
  CHECK(vm->bytes_allocated < full / 10);

  int32_t pin = vm_pin(vm, vm_string(vm, "pinned"));
  gc_collect(vm);
  char *text = vm_to_utf8(vm, vm_pinned(vm, pin), NULL);
  CHECK(strcmp(text, "pinned") == 0);
  free(text);
  vm_unpin(vm, pin);
  CHECK(vm_pin(vm, VALUE_TRUE) == pin); /* the slot is reused */
  vm_unpin(vm, pin);

  uint32_t atoms = vm->atoms.count;
  atom(vm, "a-temporary-atom-nobody-keeps");
  CHECK(vm->atoms.count == atoms + 1);
  gc_collect(vm);
  CHECK(vm->atoms.count == atoms); /* the atom table is weak */
  CHECK(atom(vm, "length") == value_from_string(vm->atom_length));
}

/* Transitions are weak: shapes nobody uses go away, and building again still shares. */
static void test_weak_transitions(VM *vm) {
  int mark = vm_handle_mark(vm);
  char name[32];
  for (int i = 0; i < 300; i++) {
    Object *o = new_object(vm);
    snprintf(name, sizeof name, "only%d", i);
    object_define_own(vm, o, atom(vm, name), VALUE_TRUE, ATTR_DEFAULT);
    vm_handle_reset(vm, mark);
  }
  gc_collect(vm);
  Object *a = new_object(vm), *b = new_object(vm);
  object_define_own(vm, a, atom(vm, "only7"), VALUE_TRUE, ATTR_DEFAULT);
  object_define_own(vm, b, atom(vm, "only7"), VALUE_FALSE, ATTR_DEFAULT);
  CHECK(a->shape == b->shape && a->shape->parent == vm->root_shape);
  vm_handle_reset(vm, mark);
}

/* A deep graph: marking must not recurse in C. */
static void test_deep_graph(VM *vm) {
  int n = vm->gc_stress ? 3000 : 200000;
  int mark = vm_handle_mark(vm);
  Value av = vm_handle_push(vm, vm_array_new(vm));
  Array *outer = (Array *)value_to_object(av);
  Array *cur = outer;
  for (int i = 0; i < n; i++) {
    Array *inner = array_new(vm, 1);
    array_push(vm, cur, value_from_object(&inner->base));
    cur = inner;
  }
  gc_collect(vm);
  int depth = 0;
  for (Array *a = outer; a->length; a = (Array *)value_to_object(a->elements[0])) depth++;
  CHECK(depth == n);
  vm_handle_reset(vm, mark);
}

int main(void) {
  VM *vm = vm_new();
  test_strings(vm);
  test_shapes(vm);
  test_order(vm);
  test_delete_and_dictionary(vm);
  test_accessors_and_protos(vm);
  test_arrays(vm);
  test_gc(vm);
  test_weak_transitions(vm);
  test_deep_graph(vm);
  CHECK(vm->handle_count == 0);
  vm_free(vm);
  if (failures) printf("test_heap: %d checks failed\n", failures);
  return failures ? 1 : 0;
}

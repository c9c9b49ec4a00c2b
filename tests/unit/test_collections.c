/* test_collections.c - the hash tables behind Map, Set, WeakMap and WeakSet
 * (vm/collection.c; book chapters 6 and 7).
 *
 * Drives vm_map_* on a real VM: SameValueZero keys, insertion order through deletions
 * and growth, live iterators across compaction and clear, the heap accounting of the
 * entry arrays, and the weak tables: an entry dies with its key, a value lives while
 * its key does (ephemerons, also chained through values and across tables). Run it
 * under TINYNODE_GC_STRESS=1 and `make asan` too. Exits 0 when every check passes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/internal.h"

static int failures;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                                       \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

static bool on_heap(VM *vm, Value v) {
  for (GcHeader *t = vm->heap; t; t = t->next)
    if (t == value_to_ptr(v)) return true;
  return false;
}

static Value num(double d) { return value_from_number(d); }

static double get_num(Value map, Value key) {
  Value v = VALUE_UNDEFINED;
  return vm_map_get(map, key, &v) && value_is_number(v) ? value_to_number(v) : -1;
}

/* ==== Keys ==== */

static void test_keys(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value m = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_MAP, VALUE_NULL));
  vm_map_set(vm, m, num(-0.0), num(1));
  CHECK(get_num(m, num(0)) == 1); /* -0 and +0 are one key */
  vm_map_set(vm, m, num(NAN), num(2));
  CHECK(get_num(m, num(0.0 / 0.0)) == 2);                  /* NaN finds NaN */
  Value text = vm_handle_push(vm, vm_string(vm, "a key")); /* not interned */
  vm_map_set(vm, m, text, num(3));
  CHECK(get_num(m, vm_atom(vm, "a key")) == 3); /* strings by content */
  Value o1 = vm_handle_push(vm, vm_object_new(vm)), o2 = vm_handle_push(vm, vm_object_new(vm));
  vm_map_set(vm, m, o1, num(4));
  CHECK(get_num(m, o1) == 4 && !vm_map_get(m, o2, NULL)); /* objects by identity */
  vm_map_set(vm, m, VALUE_NULL, num(5));
  vm_map_set(vm, m, VALUE_UNDEFINED, num(6));
  CHECK(get_num(m, VALUE_NULL) == 5 && get_num(m, VALUE_UNDEFINED) == 6);
  CHECK(vm_map_size(m) == 6);
  vm_map_set(vm, m, num(0), num(7)); /* replaces, keeps its place */
  CHECK(vm_map_size(m) == 6 && get_num(m, num(-0.0)) == 7);
  vm_handle_reset(vm, mark);
}

/* ==== Order, growth, iterators ==== */

/* The keys in order, as numbers, into out; returns how many. */
static int keys_of(Value m, double *out, int max) {
  uint32_t pos = 0;
  int n = 0;
  Value k;
  while (n < max && vm_map_entry(m, &pos, &k, NULL)) out[n++] = value_to_number(k);
  return n;
}

static void test_order(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value m = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_SET, VALUE_NULL));
  for (int i = 0; i < 10000; i++) vm_map_set(vm, m, num(i), VALUE_UNDEFINED);
  for (int i = 0; i < 10000; i++)
    if (i % 100) CHECK(vm_map_delete(vm, m, num(i)));
  CHECK(!vm_map_delete(vm, m, num(1)));
  double keys[200];
  int n = keys_of(m, keys, 200);
  CHECK(n == 100 && vm_map_size(m) == 100);
  bool ordered = true;
  for (int i = 0; i < n; i++) ordered = ordered && keys[i] == i * 100;
  CHECK(ordered);
  vm_handle_reset(vm, mark);
}

static void test_iterators(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value m = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_MAP, VALUE_NULL));
  for (int i = 0; i < 4; i++) vm_map_set(vm, m, num(i), num(i * 10));
  Value it = vm_handle_push(vm, vm_map_iterator_new(vm, m, VM_MAP_ENTRIES, VALUE_NULL));
  Value k, v;
  CHECK(vm_map_iterator_next(it, &k, &v) && value_to_number(k) == 0 && value_to_number(v) == 0);
  /* Delete the rest and add many: the table compacts and grows under the iterator. */
  for (int i = 1; i < 4; i++) vm_map_delete(vm, m, num(i));
  for (int i = 100; i < 1100; i++) vm_map_set(vm, m, num(i), num(i));
  for (int i = 100; i < 1090; i++) vm_map_delete(vm, m, num(i));
  double seen[20];
  int n = 0;
  while (n < 20 && vm_map_iterator_next(it, &k, NULL)) seen[n++] = value_to_number(k);
  CHECK(n == 10 && seen[0] == 1090 && seen[9] == 1099);
  CHECK(!vm_map_iterator_next(it, &k, NULL)); /* done stays done */
  vm_map_set(vm, m, num(5000), num(0));
  CHECK(!vm_map_iterator_next(it, &k, NULL));
  /* clear: an iterator that is not done sees what is added afterwards. */
  Value it2 = vm_handle_push(vm, vm_map_iterator_new(vm, m, VM_MAP_KEYS, VALUE_NULL));
  CHECK(vm_map_iterator_next(it2, &k, NULL));
  vm_map_clear(vm, m);
  CHECK(vm_map_size(m) == 0);
  vm_map_set(vm, m, num(42), num(0));
  CHECK(vm_map_iterator_next(it2, &k, NULL) && value_to_number(k) == 42);
  vm_handle_reset(vm, mark);
}

/* The entry arrays count towards the heap, and are given back when the table dies. */
static void test_accounting(VM *vm) {
  gc_collect(vm);
  size_t before = vm->bytes_allocated;
  int mark = vm_handle_mark(vm);
  Value m = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_MAP, VALUE_NULL));
  for (int i = 0; i < 100000; i++) vm_map_set(vm, m, num(i), num(i));
  CHECK(vm->bytes_allocated > before + 100000 * 16);
  vm_handle_reset(vm, mark);
  gc_collect(vm);
  CHECK(vm->bytes_allocated < before + 4096);
}

/* ==== Weak tables ==== */

static void test_weak(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value wm = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_WEAKMAP, VALUE_NULL));
  Value live_key = vm_handle_push(vm, vm_object_new(vm));
  int inner = vm_handle_mark(vm);
  Value live_value = vm_handle_push(vm, vm_string(vm, "value of a live key"));
  vm_map_set(vm, wm, live_key, live_value);
  Value dead_value = vm_handle_push(vm, vm_string(vm, "value of a dead key"));
  Value dead_key = vm_handle_push(vm, vm_object_new(vm));
  vm_map_set(vm, wm, dead_key, dead_value);
  /* A value that holds its own key keeps nothing alive. */
  Value cyclic_key = vm_handle_push(vm, vm_object_new(vm));
  Value cyclic_value = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, cyclic_value, cyclic_key);
  vm_map_set(vm, wm, cyclic_key, cyclic_value);
  vm_handle_reset(vm, inner); /* live_value now lives only through the table */
  CHECK(vm_map_size(wm) == 3);
  gc_collect(vm);
  CHECK(vm_map_size(wm) == 1);
  CHECK(!on_heap(vm, dead_key) && !on_heap(vm, dead_value) && !on_heap(vm, cyclic_value));
  Value v = VALUE_UNDEFINED;
  CHECK(vm_map_get(wm, live_key, &v) && v == live_value && on_heap(vm, live_value));
  vm_handle_reset(vm, mark);
}

/* k1 -> k2 -> value, chained through the values of two tables: all live while k1 does. */
static void test_ephemeron_chain(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value a = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_WEAKMAP, VALUE_NULL));
  Value b = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_WEAKMAP, VALUE_NULL));
  Value k1 = vm_handle_push(vm, vm_object_new(vm));
  int inner = vm_handle_mark(vm);
  Value k2 = vm_handle_push(vm, vm_object_new(vm));
  Value k3 = vm_handle_push(vm, vm_object_new(vm));
  Value end = vm_handle_push(vm, vm_string(vm, "end of the chain"));
  vm_map_set(vm, b, k2, k3); /* b is met first or last: the order must not matter */
  vm_map_set(vm, a, k1, k2);
  vm_map_set(vm, b, k3, end);
  vm_handle_reset(vm, inner);
  gc_collect(vm);
  CHECK(vm_map_size(a) == 1 && vm_map_size(b) == 2);
  CHECK(on_heap(vm, k2) && on_heap(vm, k3) && on_heap(vm, end));
  vm_handle_reset(vm, mark);
  vm_handle_push(vm, a), vm_handle_push(vm, b); /* now k1 dies, and the chain with it */
  gc_collect(vm);
  CHECK(vm_map_size(a) == 0 && vm_map_size(b) == 0);
  CHECK(!on_heap(vm, end));
  vm_handle_reset(vm, mark);
}

/* A table and its iterator dying in one collection, in either order of the sweep. */
static void test_dying_together(VM *vm) {
  int mark = vm_handle_mark(vm);
  for (int round = 0; round < 2; round++) {
    Value m = vm_handle_push(vm, vm_map_new(vm, VM_CLASS_SET, VALUE_NULL));
    vm_map_set(vm, m, num(1), VALUE_UNDEFINED);
    Value it1 = vm_map_iterator_new(vm, m, VM_MAP_KEYS, VALUE_NULL);
    vm_handle_push(vm, it1);
    vm_map_iterator_new(vm, m, VM_MAP_KEYS, VALUE_NULL);
    vm_handle_reset(vm, mark);
    gc_collect(vm);
  }
  CHECK(true); /* asan reports a use after free if detaching goes wrong */
}

int main(void) {
  VM *vm = vm_new();
  test_keys(vm);
  test_order(vm);
  test_iterators(vm);
  test_accounting(vm);
  test_weak(vm);
  test_ephemeron_chain(vm);
  test_dying_together(vm);
  vm_free(vm);
  if (failures) printf("test_collections: %d checks failed\n", failures);
  return failures ? 1 : 0;
}

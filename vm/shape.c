/* shape.c - hidden classes: the key -> slot maps that objects share.
 * Book: chapter 3, "Values and objects".
 *
 * Every object starts at the VM's empty root shape. Adding a key follows (or
 * creates) a transition to a child shape; objects built in the same order end
 * up on the same shape. Small shapes are searched linearly, larger ones through
 * a hash index built on first use. Entry points: shape_new_root, shape_find,
 * shape_add, shape_to_dictionary, and the dictionary editing functions.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/shape.h"

/* ==== Keys ==== */

uint32_t shape_key_hash(Value key) {
  if (value_is_string(key)) return string_hash(value_to_string(key));
  uint64_t p = (uint64_t)(uintptr_t)value_to_ptr(key); /* symbols: they never move */
  uint32_t h = (uint32_t)((p >> 4) * 0x9E3779B97F4A7C15ull >> 32);
  return h ? h : 1;
}

static bool key_is_index(Value key) {
  uint32_t index;
  return value_is_string(key) && string_to_array_index(value_to_string(key), &index);
}

Shape *shape_new_root(VM *vm) {
  Shape *s = gc_alloc(vm, sizeof(Shape), GC_SHAPE);
  vm->root_shape = s;
  return s;
}

/* ==== Lookup ==== */

//> vm.shape-index
/* The hash index maps a key's hash to its position in props. It is built the
 * first time a shape bigger than SHAPE_LINEAR_MAX is searched, so shapes that
 * only ever pass by (the {a} on the way to {a, b}) never pay for one. */
static void shape_build_index(Shape *s) {
  uint32_t capacity = 16;
  while (capacity < s->count * 2) capacity *= 2;
  free(s->index);
  s->index = mem_calloc(capacity, sizeof(uint32_t));
  s->index_mask = capacity - 1;
  for (uint32_t pos = 0; pos < s->count; pos++) {
    uint32_t i = s->props[pos].hash & s->index_mask;
    while (s->index[i]) i = (i + 1) & s->index_mask;
    s->index[i] = pos + 1;
  }
}

/* A child made from a parent that has an index starts with a copy of it plus its own key:
 * an object that gets many keys one by one, each searched for first (a module's exports,
 * a table of built-ins), would otherwise build one index per key it passes. */
static inline void shape_inherit_index(Shape *c, const Shape *parent) {
  if (!parent->index || c->count * 2 > parent->index_mask + 1) return;
  c->index = mem_alloc((parent->index_mask + 1) * sizeof(uint32_t));
  memcpy(c->index, parent->index, (parent->index_mask + 1) * sizeof(uint32_t));
  c->index_mask = parent->index_mask;
  uint32_t i = c->props[c->count - 1].hash & c->index_mask;
  while (c->index[i]) i = (i + 1) & c->index_mask;
  c->index[i] = c->count;
}

int shape_find_slow(Shape *s, Value key) {
  if (!s->index) shape_build_index(s);
  uint32_t hash = shape_key_hash(key);
  for (uint32_t i = hash & s->index_mask; s->index[i]; i = (i + 1) & s->index_mask) {
    uint32_t pos = s->index[i] - 1;
    if (s->props[pos].key == key) return (int)pos;
  }
  return -1;
}
//< vm.shape-index

/* ==== Transitions ==== */

static uint32_t transition_hash(uint32_t key_hash, uint8_t attrs) {
  return key_hash ^ ((uint32_t)attrs * 0x9E3779B9u);
}

static const ShapeProp *last_prop(const Shape *s) { return &s->props[s->count - 1]; }

static Shape *transition_find(Shape *s, Value key, uint32_t hash, uint8_t attrs) {
  if (!s->transitions) return NULL;
  uint32_t mask = s->transition_mask;
  for (uint32_t i = transition_hash(hash, attrs) & mask;; i = (i + 1) & mask) {
    Shape *c = s->transitions[i];
    if (!c) return NULL;
    if (c != SHAPE_DELETED && last_prop(c)->key == key && last_prop(c)->attrs == attrs) return c;
  }
}

static void transition_put(Shape **table, uint32_t mask, Shape *child) {
  const ShapeProp *p = last_prop(child);
  uint32_t i = transition_hash(p->hash, p->attrs) & mask;
  while (table[i] && table[i] != SHAPE_DELETED) i = (i + 1) & mask;
  table[i] = child;
}

static void transition_insert(Shape *s, Shape *child) {
  uint32_t capacity = s->transitions ? s->transition_mask + 1 : 0;
  if ((s->transition_used + 1) * 2 > capacity) { /* grow, dropping removed entries */
    uint32_t live = 0, new_capacity = 4;
    for (uint32_t i = 0; i < capacity; i++)
      live += s->transitions[i] && s->transitions[i] != SHAPE_DELETED;
    while ((live + 1) * 2 > new_capacity) new_capacity *= 2;
    Shape **table = mem_calloc(new_capacity, sizeof(Shape *));
    for (uint32_t i = 0; i < capacity; i++)
      if (s->transitions[i] && s->transitions[i] != SHAPE_DELETED)
        transition_put(table, new_capacity - 1, s->transitions[i]);
    free(s->transitions);
    s->transitions = table;
    s->transition_mask = new_capacity - 1;
    s->transition_used = live;
  }
  transition_put(s->transitions, s->transition_mask, child);
  s->transition_used++;
}

void shape_forget_transition(Shape *parent, Shape *child) {
  if (!parent->transitions) return;
  for (uint32_t i = 0; i <= parent->transition_mask; i++)
    if (parent->transitions[i] == child) {
      parent->transitions[i] = SHAPE_DELETED;
      return;
    }
}

/* ==== Adding keys ==== */

//> vm.shape-add
/* A new shared shape: parent's props plus one. */
static Shape *shape_child(VM *vm, Shape *parent, Value key, uint32_t hash, uint8_t attrs) {
  Shape *c = gc_alloc(vm, sizeof(Shape), GC_SHAPE);
  c->parent = parent;
  c->count = c->capacity = parent->count + 1;
  c->props = mem_alloc(c->capacity * sizeof(ShapeProp));
  gc_account(vm, (ptrdiff_t)(c->capacity * sizeof(ShapeProp)));
  if (parent->count) memcpy(c->props, parent->props, parent->count * sizeof(ShapeProp));
  c->props[parent->count] = (ShapeProp){key, hash, attrs};
  c->has_index_keys = parent->has_index_keys || key_is_index(key);
  shape_inherit_index(c, parent);
  transition_insert(parent, c);
  return c;
}

static void dictionary_append(VM *vm, Shape *d, Value key, uint32_t hash, uint8_t attrs);

Shape *shape_add(VM *vm, Shape *s, Value key, uint8_t attrs) {
  uint32_t hash = shape_key_hash(key);
  if (s->dictionary) {
    dictionary_append(vm, s, key, hash, attrs);
    return s;
  }
  Shape *child = transition_find(s, key, hash, attrs);
  if (child) return child; /* the common case: someone built this object before */
  if (s->count < SHAPE_SHARED_MAX) return shape_child(vm, s, key, hash, attrs);
  Shape *d = shape_to_dictionary(vm, s); /* too many keys to share profitably */
  dictionary_append(vm, d, key, hash, attrs);
  return d;
}
//< vm.shape-add

/* ==== Dictionaries ==== */

Shape *shape_to_dictionary(VM *vm, Shape *s) {
  Shape *d = gc_alloc(vm, sizeof(Shape), GC_SHAPE);
  d->dictionary = 1;
  d->count = s->count;
  d->capacity = s->count < 4 ? 8 : s->count * 2;
  d->props = mem_alloc(d->capacity * sizeof(ShapeProp));
  gc_account(vm, (ptrdiff_t)(d->capacity * sizeof(ShapeProp)));
  uint32_t kept = 0;
  for (uint32_t i = 0; i < s->count; i++) d->props[kept++] = s->props[i];
  d->has_index_keys = s->has_index_keys;
  d->deleted = s->deleted;
  return d;
}

static void dictionary_append(VM *vm, Shape *d, Value key, uint32_t hash, uint8_t attrs) {
  if (d->count == d->capacity) {
    gc_account(vm, (ptrdiff_t)(d->capacity * sizeof(ShapeProp)));
    d->capacity *= 2;
    d->props = mem_realloc(d->props, d->capacity * sizeof(ShapeProp));
  }
  uint32_t pos = d->count++;
  d->props[pos] = (ShapeProp){key, hash, attrs};
  d->has_index_keys |= key_is_index(key);
  if (!d->index) return; /* built on the first search */
  if (d->count * 2 > d->index_mask + 1) {
    shape_build_index(d);
    return;
  }
  uint32_t i = hash & d->index_mask;
  while (d->index[i]) i = (i + 1) & d->index_mask;
  d->index[i] = pos + 1;
}

void shape_dictionary_delete(Shape *s, uint32_t pos) {
  ASSERT(s->dictionary && pos < s->count);
  /* The index keeps pointing here; a HOLE key never matches, so it acts as a tombstone. */
  s->props[pos].key = VALUE_HOLE;
  s->props[pos].attrs = 0;
  s->deleted++;
}

uint32_t shape_dictionary_compact(Shape *s, Value *slots) {
  uint32_t kept = 0;
  for (uint32_t i = 0; i < s->count; i++) {
    if (s->props[i].key == VALUE_HOLE) continue;
    s->props[kept] = s->props[i];
    slots[kept++] = slots[i];
  }
  s->count = kept;
  s->deleted = 0;
  free(s->index);
  s->index = NULL;
  s->index_mask = 0;
  return kept;
}

size_t shape_free_parts(Shape *s) {
  size_t bytes = s->capacity * sizeof(ShapeProp);
  free(s->props);
  free(s->index);
  free(s->transitions);
  return bytes;
}

/* collection.c - the hash tables behind Map, Set, WeakMap and WeakSet, and the live
 * iterators over them. Book: chapter 7, "The standard library" (the table and its
 * iterators) and chapter 6, "Garbage collection" (weak tables and ephemerons).
 *
 * A table keeps its entries in insertion order in one array, deleted ones left as
 * tombstones, plus a bucket index of chains through that array. Iterators hold a
 * position in the array; when the array is compacted the table moves them with it.
 * Entry points: vm_map_new, vm_map_get/set/delete/clear, vm_map_entry,
 * vm_map_iterator_new/next; for the collector collection_mark_ephemerons and
 * collection_sweep_weak.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

#define MAP_NONE UINT32_MAX
#define MAP_MIN_CAPACITY 8
#define MAP_MAX_SIZE (1u << 24) /* V8's limit: "Map maximum size exceeded" */

//> vm.map-struct
typedef struct MapEntry {
  Value key;   /* VALUE_HOLE: deleted, a tombstone that iterators step over */
  Value value; /* undefined in a Set */
  uint32_t hash;
  uint32_t chain; /* the next entry in the same bucket, or MAP_NONE */
} MapEntry;

typedef struct MapObject {
  Object base;
  MapEntry *entries;             /* [0, used) in insertion order, tombstones included */
  uint32_t *buckets;             /* capacity heads of chains (a power of two), or MAP_NONE */
  uint32_t used, capacity, size; /* size: the live entries */
  struct MapIterator *iterators; /* the live iterators over this table (not traced) */
  struct MapObject *weak_next;   /* weak tables: the collector's list of those it met */
} MapObject;

typedef struct MapIterator {
  Object base;
  MapObject *map;                  /* NULL once done: it never starts again */
  uint32_t position;               /* the next entry to look at */
  uint8_t kind;                    /* VMMapIterKind */
  struct MapIterator *prev, *next; /* the table's list of its iterators */
} MapIterator;
//< vm.map-struct

static bool is_table_class(const Object *o) {
  return o->klass == CLASS_MAP || o->klass == CLASS_SET || o->klass == CLASS_WEAKMAP ||
         o->klass == CLASS_WEAKSET;
}

static MapObject *as_map(Value v) {
  if (!value_is_object(v) || !is_table_class(value_to_object(v)))
    PANIC("vm_map: not a Map, Set, WeakMap or WeakSet");
  return (MapObject *)value_to_object(v);
}

/* ==== Keys: SameValueZero by hashing ==== */

/* -0 becomes +0; NaN is already canonical, so equal numbers have equal bits. */
static Value normalize_key(Value key) {
  return value_is_number(key) && value_to_number(key) == 0 ? value_from_number(0) : key;
}

static uint32_t hash_key(Value key) {
  if (value_is_string(key)) return string_hash(value_to_string(key)); /* by content */
  uint64_t x = key; /* numbers by value, objects and symbols by address */
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return (uint32_t)x;
}

static bool keys_equal(Value a, Value b) {
  if (a == b) return true;
  return value_is_string(a) && value_is_string(b) &&
         string_equal(value_to_string(a), value_to_string(b));
}

static uint32_t find(const MapObject *m, Value key, uint32_t hash) {
  if (!m->capacity) return MAP_NONE;
  uint32_t i = m->buckets[hash & (m->capacity - 1)];
  while (i != MAP_NONE && !(m->entries[i].hash == hash && keys_equal(m->entries[i].key, key)))
    i = m->entries[i].chain;
  return i;
}

/* ==== Compaction and growth ==== */

/* An iterator's position counted in live entries: where it stands once tombstones go. */
static uint32_t live_before(const MapObject *m, uint32_t position) {
  uint32_t live = 0;
  for (uint32_t i = 0; i < position && i < m->used; i++) live += m->entries[i].key != VALUE_HOLE;
  return live;
}

//> vm.map-squeeze
/* Drop the tombstones, moving each iterator with the entry it stands on. Allocates
 * nothing, so the collector may call it; the buckets must be rebuilt after. */
static void squeeze(MapObject *m) {
  for (MapIterator *it = m->iterators; it; it = it->next)
    it->position = live_before(m, it->position);
  uint32_t n = 0;
  for (uint32_t i = 0; i < m->used; i++)
    if (m->entries[i].key != VALUE_HOLE) m->entries[n++] = m->entries[i];
  m->used = n;
}
//< vm.map-squeeze

static void rebuild_buckets(MapObject *m) {
  for (uint32_t b = 0; b < m->capacity; b++) m->buckets[b] = MAP_NONE;
  for (uint32_t i = 0; i < m->used; i++) {
    uint32_t *head = &m->buckets[m->entries[i].hash & (m->capacity - 1)];
    m->entries[i].chain = *head;
    *head = i;
  }
}

static size_t table_bytes(uint32_t capacity) {
  return (size_t)capacity * (sizeof(MapEntry) + sizeof(uint32_t));
}

/* Compact into arrays of capacity entries (0 frees them), accounted to the heap. */
static void resize(VM *vm, MapObject *m, uint32_t capacity) {
  squeeze(m);
  gc_account(vm, (ptrdiff_t)table_bytes(capacity) - (ptrdiff_t)table_bytes(m->capacity));
  if (!capacity) {
    free(m->entries), free(m->buckets);
    m->entries = NULL, m->buckets = NULL;
  } else {
    m->entries = mem_realloc_array(m->entries, capacity, sizeof(MapEntry));
    m->buckets = mem_realloc_array(m->buckets, capacity, sizeof(uint32_t));
  }
  m->capacity = capacity;
  rebuild_buckets(m);
}

/* Room for one more entry at the end: compact if a third are tombstones, else grow. */
static void make_room(VM *vm, MapObject *m) {
  if (m->used < m->capacity) return;
  uint32_t cap = m->capacity ? m->capacity : MAP_MIN_CAPACITY;
  if (m->size >= m->capacity - m->capacity / 3) cap *= 2;
  resize(vm, m, cap);
}

/* ==== The table ==== */

Value vm_map_new(VM *vm, VMClass cls, Value proto) {
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  Object *o = object_new_class(vm, (ObjectClass)cls, sizeof(MapObject), p);
  if (!is_table_class(o)) PANIC("vm_map_new: not a table class");
  return value_from_object(o);
}

uint32_t vm_map_size(Value map) { return as_map(map)->size; }

bool vm_map_get(Value map, Value key, Value *value) {
  MapObject *m = as_map(map);
  key = normalize_key(key);
  uint32_t i = find(m, key, hash_key(key));
  if (i == MAP_NONE) return false;
  if (value) *value = m->entries[i].value;
  return true;
}

//> vm.map-set
Value vm_map_set(VM *vm, Value map, Value key, Value value) {
  MapObject *m = as_map(map);
  key = normalize_key(key);
  uint32_t hash = hash_key(key), i = find(m, key, hash);
  if (i != MAP_NONE) {
    m->entries[i].value = value;
    return VALUE_UNDEFINED;
  }
  if (m->size >= MAP_MAX_SIZE)
    return vm_throw_error(vm, ERR_RANGE, "%s maximum size exceeded",
                          m->base.klass == CLASS_SET || m->base.klass == CLASS_WEAKSET ? "Set"
                                                                                       : "Map");
  make_room(vm, m);
  uint32_t *head = &m->buckets[hash & (m->capacity - 1)];
  m->entries[m->used] = (MapEntry){key, value, hash, *head};
  *head = m->used++;
  m->size++;
  gc_check_limit(vm); /* the entry is in the table now: only the table needs a root */
  return VALUE_UNDEFINED;
}
//< vm.map-set

bool vm_map_delete(VM *vm, Value map, Value key) {
  MapObject *m = as_map(map);
  key = normalize_key(key);
  uint32_t hash = hash_key(key), i = find(m, key, hash);
  if (i == MAP_NONE) return false;
  uint32_t *link = &m->buckets[hash & (m->capacity - 1)];
  while (*link != i) link = &m->entries[*link].chain;
  *link = m->entries[i].chain;
  m->entries[i].key = VALUE_HOLE;
  m->entries[i].value = VALUE_UNDEFINED;
  m->size--;
  if (m->capacity > MAP_MIN_CAPACITY && m->size < m->capacity / 4) resize(vm, m, m->capacity / 2);
  return true;
}

void vm_map_clear(VM *vm, Value map) {
  MapObject *m = as_map(map);
  for (uint32_t i = 0; i < m->used; i++) m->entries[i].key = VALUE_HOLE;
  m->size = 0;
  resize(vm, m, 0); /* every iterator goes back to 0: it will see what is added next */
}

bool vm_map_entry(Value map, uint32_t *position, Value *key, Value *value) {
  MapObject *m = as_map(map);
  while (*position < m->used && m->entries[*position].key == VALUE_HOLE) (*position)++;
  if (*position >= m->used) return false;
  MapEntry *e = &m->entries[(*position)++];
  if (key) *key = e->key;
  if (value) *value = e->value;
  return true;
}

/* ==== Iterators ==== */

static void iterator_detach(MapIterator *it) {
  MapObject *m = it->map;
  if (!m) return;
  if (it->prev)
    it->prev->next = it->next;
  else
    m->iterators = it->next;
  if (it->next) it->next->prev = it->prev;
  it->map = NULL, it->prev = it->next = NULL;
}

Value vm_map_iterator_new(VM *vm, Value map, VMMapIterKind kind, Value proto) {
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  MapObject *m = as_map(map);
  ObjectClass cls = m->base.klass == CLASS_MAP ? CLASS_MAP_ITERATOR : CLASS_SET_ITERATOR;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, map); /* object_new_class may collect */
  MapIterator *it = (MapIterator *)object_new_class(vm, cls, sizeof(MapIterator), p);
  vm_handle_reset(vm, mark);
  it->map = m;
  it->kind = (uint8_t)kind;
  it->next = m->iterators;
  if (m->iterators) m->iterators->prev = it;
  m->iterators = it;
  return value_from_object(&it->base);
}

bool vm_map_iterator_next(Value iter, Value *key, Value *value) {
  MapIterator *it = (MapIterator *)value_to_object(iter);
  if (!it->map) return false;
  uint32_t position = it->position;
  bool found = vm_map_entry(value_from_object(&it->map->base), &position, key, value);
  it->position = position;
  if (!found) iterator_detach(it); /* done for good, and lets go of the table */
  return found;
}

Value vm_map_iterator_peek(Value iter, uint32_t *position, VMMapIterKind *kind) {
  MapIterator *it = (MapIterator *)value_to_object(iter);
  *position = it->position;
  *kind = (VMMapIterKind)it->kind;
  return it->map ? value_from_object(&it->map->base) : VALUE_UNDEFINED;
}

/* ==== What the collector sees ==== */

//> vm.map-trace
void collection_trace(VM *vm, Object *o) {
  MapObject *m = (MapObject *)o;
  for (uint32_t i = 0; i < m->used; i++) {
    gc_mark_value(vm, m->entries[i].key);
    gc_mark_value(vm, m->entries[i].value);
  }
}

/* A weak table marks nothing yet: it joins the list that the ephemeron pass walks once
 * everything else reachable is marked. */
void collection_trace_weak(VM *vm, Object *o) {
  MapObject *m = (MapObject *)o;
  m->weak_next = (MapObject *)vm->weak_tables;
  vm->weak_tables = o;
}
//< vm.map-trace

size_t collection_finalize(VM *vm, Object *o) {
  MapObject *m = (MapObject *)o;
  while (m->iterators) iterator_detach(m->iterators); /* they may die later in this sweep */
  free(m->entries), free(m->buckets);
  return table_bytes(m->capacity);
}

void collection_iterator_trace(VM *vm, Object *o) {
  gc_mark_thing(vm, (GcHeader *)((MapIterator *)o)->map);
}

size_t collection_iterator_finalize(VM *vm, Object *o) {
  iterator_detach((MapIterator *)o);
  return 0;
}

static bool is_marked(Value v) {
  return !value_is_heap(v) || ((GcHeader *)value_to_ptr(v))->marked;
}

//> vm.ephemerons
bool collection_mark_ephemerons(VM *vm) {
  bool marked_some = false;
  for (MapObject *m = (MapObject *)vm->weak_tables; m; m = m->weak_next)
    for (uint32_t i = 0; i < m->used; i++) {
      MapEntry *e = &m->entries[i];
      if (e->key == VALUE_HOLE || !is_marked(e->key) || is_marked(e->value)) continue;
      gc_mark_value(vm, e->value); /* the key lives, so its value does */
      marked_some = true;
    }
  return marked_some;
}

void collection_sweep_weak(VM *vm) {
  for (MapObject *m = (MapObject *)vm->weak_tables; m; m = m->weak_next) {
    for (uint32_t i = 0; i < m->used; i++) {
      MapEntry *e = &m->entries[i];
      if (e->key == VALUE_HOLE || is_marked(e->key)) continue;
      e->key = VALUE_HOLE, e->value = VALUE_UNDEFINED; /* the key died: so does the entry */
      m->size--;
    }
    squeeze(m);
    rebuild_buckets(m);
  }
  vm->weak_tables = NULL;
}
//< vm.ephemerons

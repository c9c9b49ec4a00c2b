/* weakref.c - WeakRef and FinalizationRegistry: references the collector may clear.
 * Book: chapter 6, "Garbage collection" ("References that do not keep alive").
 *
 * A WeakRef holds its target without marking it; a FinalizationRegistry holds cells of
 * (target, holdings, unregister token), marking only the holdings. Both join a list as
 * they are traced, as the weak tables do (collection.c); once marking is over,
 * weakref_sweep clears the WeakRefs whose targets died and moves the holdings of each
 * dead cell to its registry's pending list. The host is told (VMHooks.cleanup_needed)
 * and later, from a task of its own, takes the callbacks one at a time with
 * vm_finalization_next.
 *
 * The spec keeps a WeakRef's target alive until the end of the job that made or deref'd
 * it (AddToKeptObjects): vm->kept is a root until the host calls vm_clear_kept_objects
 * once the microtasks have drained.
 *
 * Entry points: vm_weak_ref_new/deref, vm_registry_new/register/unregister,
 * vm_finalization_next, vm_clear_kept_objects; for the collector weakref_trace,
 * registry_trace, weakref_mark_roots and weakref_sweep.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

//> vm.weakref-struct
typedef struct WeakRefObject {
  Object base;
  Value target; /* undefined once the collector cleared it */
  struct WeakRefObject *weak_next; /* during a collection: the WeakRefs traced so far */
} WeakRefObject;

typedef struct RegistryCell {
  Value target;   /* weak */
  Value holdings; /* strong: the cleanup callback's argument */
  Value token;    /* weak; undefined when there is none */
} RegistryCell;

typedef struct RegistryObject {
  Object base;
  Value cleanup;          /* the callback */
  RegistryCell *cells;    /* the live registrations, in the order they were made */
  uint32_t count, capacity;
  Value *pending;         /* holdings whose targets died, waiting for the cleanup task */
  uint32_t pending_count, pending_capacity;
  struct RegistryObject *weak_next;
  bool dirty;             /* on vm->dirty_registries */
} RegistryObject;
//< vm.weakref-struct

static WeakRefObject *as_weak_ref(Value v) {
  if (!vm_is_weak_ref(v)) PANIC("vm_weak_ref: not a WeakRef");
  return (WeakRefObject *)value_to_object(v);
}

static RegistryObject *as_registry(Value v) {
  if (!vm_is_registry(v)) PANIC("vm_registry: not a FinalizationRegistry");
  return (RegistryObject *)value_to_object(v);
}

bool vm_is_weak_ref(Value v) {
  return value_is_object(v) && value_to_object(v)->klass == CLASS_WEAK_REF;
}

bool vm_is_registry(Value v) {
  return value_is_object(v) && value_to_object(v)->klass == CLASS_FINALIZATION_REGISTRY;
}

/* ==== Kept objects ==== */

static void keep(VM *vm, Value target) {
  if (vm->kept_count == vm->kept_capacity) {
    vm->kept_capacity = vm->kept_capacity ? vm->kept_capacity * 2 : 8;
    vm->kept = mem_realloc(vm->kept, vm->kept_capacity * sizeof(Value));
  }
  vm->kept[vm->kept_count++] = target;
}

void vm_clear_kept_objects(VM *vm) { vm->kept_count = 0; }

/* ==== WeakRef ==== */

Value vm_weak_ref_new(VM *vm, Value target, Value proto) {
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  WeakRefObject *w = (WeakRefObject *)object_new_class(vm, CLASS_WEAK_REF, sizeof *w, p);
  w->target = target;
  keep(vm, target);
  return value_from_object(&w->base);
}

Value vm_weak_ref_deref(VM *vm, Value ref) {
  Value target = as_weak_ref(ref)->target;
  if (!value_is_undefined(target)) keep(vm, target);
  return target;
}

/* ==== FinalizationRegistry ==== */

Value vm_registry_new(VM *vm, Value cleanup, Value proto) {
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  RegistryObject *r =
      (RegistryObject *)object_new_class(vm, CLASS_FINALIZATION_REGISTRY, sizeof *r, p);
  r->cleanup = cleanup;
  return value_from_object(&r->base);
}

void vm_registry_register(VM *vm, Value registry, Value target, Value holdings, Value token) {
  RegistryObject *r = as_registry(registry);
  if (r->count == r->capacity) {
    r->capacity = r->capacity ? r->capacity * 2 : 4;
    r->cells = mem_realloc(r->cells, r->capacity * sizeof(RegistryCell));
  }
  r->cells[r->count++] = (RegistryCell){target, holdings, token};
}

bool vm_registry_unregister(VM *vm, Value registry, Value token) {
  RegistryObject *r = as_registry(registry);
  uint32_t kept = 0;
  for (uint32_t i = 0; i < r->count; i++)
    if (r->cells[i].token != token) r->cells[kept++] = r->cells[i];
  bool removed = kept < r->count;
  r->count = kept;
  return removed;
}

//> vm.finalization-next
bool vm_finalization_next(VM *vm, Value *cleanup, Value *holdings) {
  while (vm->dirty_count > 0) {
    RegistryObject *r = as_registry(vm->dirty_registries[0]);
    if (r->pending_count > 0) {
      *cleanup = r->cleanup;
      *holdings = r->pending[0];
      memmove(r->pending, r->pending + 1, --r->pending_count * sizeof(Value));
      return true;
    }
    r->dirty = false; /* this one is done: the next registry */
    memmove(vm->dirty_registries, vm->dirty_registries + 1, --vm->dirty_count * sizeof(Value));
  }
  return false;
}
//< vm.finalization-next

/* ==== The collector's side ==== */

void weakref_trace(VM *vm, Object *o) {
  WeakRefObject *w = (WeakRefObject *)o;
  w->weak_next = vm->weak_refs;
  vm->weak_refs = w;
}

void registry_trace(VM *vm, Object *o) {
  RegistryObject *r = (RegistryObject *)o;
  gc_mark_value(vm, r->cleanup);
  for (uint32_t i = 0; i < r->count; i++) gc_mark_value(vm, r->cells[i].holdings);
  gc_mark_values(vm, r->pending, r->pending_count);
  r->weak_next = vm->registries;
  vm->registries = r;
}

size_t registry_finalize(VM *vm, Object *o) {
  RegistryObject *r = (RegistryObject *)o;
  size_t bytes = r->capacity * sizeof(RegistryCell) + r->pending_capacity * sizeof(Value);
  free(r->cells), free(r->pending);
  return bytes;
}

void weakref_mark_roots(VM *vm) {
  gc_mark_values(vm, vm->kept, vm->kept_count);
  gc_mark_values(vm, vm->dirty_registries, vm->dirty_count);
}

static bool is_dead(Value v) {
  return value_is_heap(v) && !((GcHeader *)value_to_ptr(v))->marked;
}

static void add_pending(VM *vm, RegistryObject *r, Value holdings) {
  if (r->pending_count == r->pending_capacity) {
    r->pending_capacity = r->pending_capacity ? r->pending_capacity * 2 : 4;
    r->pending = mem_realloc(r->pending, r->pending_capacity * sizeof(Value));
  }
  r->pending[r->pending_count++] = holdings;
  if (r->dirty) return;
  r->dirty = true;
  if (vm->dirty_count == vm->dirty_capacity) {
    vm->dirty_capacity = vm->dirty_capacity ? vm->dirty_capacity * 2 : 4;
    vm->dirty_registries = mem_realloc(vm->dirty_registries, vm->dirty_capacity * sizeof(Value));
  }
  vm->dirty_registries[vm->dirty_count++] = value_from_object(&r->base);
}

/* A cell whose target died gives its holdings to the pending list; a token that died
 * can never be passed to unregister again, so the cell forgets it. */
static void sweep_registry(VM *vm, RegistryObject *r) {
  uint32_t kept = 0;
  for (uint32_t i = 0; i < r->count; i++) {
    RegistryCell c = r->cells[i];
    if (is_dead(c.target)) {
      add_pending(vm, r, c.holdings);
      continue;
    }
    if (is_dead(c.token)) c.token = VALUE_UNDEFINED;
    r->cells[kept++] = c;
  }
  r->count = kept;
}

//> vm.weakref-sweep
bool weakref_sweep(VM *vm) {
  for (WeakRefObject *w = vm->weak_refs; w; w = w->weak_next)
    if (is_dead(w->target)) w->target = VALUE_UNDEFINED;
  uint32_t dirty_before = vm->dirty_count;
  for (RegistryObject *r = vm->registries; r; r = r->weak_next) sweep_registry(vm, r);
  vm->weak_refs = NULL, vm->registries = NULL;
  return vm->dirty_count > dirty_before;
}
//< vm.weakref-sweep

/* gc.c - the garbage collector: precise, non-moving mark-and-sweep.
 * Book: chapter 6, "Garbage collection".
 *
 * Every heap thing is on one list (vm->heap). A collection marks everything
 * reachable from the roots, using an explicit gray stack instead of C
 * recursion, drops dead atoms from the (weak) atom table, then sweeps the list,
 * freeing what was not marked. Entry points: gc_alloc, gc_collect,
 * gc_free_all, gc_mark_value; for C code, handles (vm_handle_*) and pins.
 */
#include <time.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "vm/shape.h"

#define GC_DEFAULT_LIMIT_MB 4096

/* ==== The heap limit ==== */

/* TINYNODE_MAX_HEAP_MB, or 4 GiB: read once, when a VM is made. Past it the process
 * ends as Node's does when its heap is exhausted (mem_out_of_memory). */
size_t gc_heap_limit_from_env(void) {
  const char *env = getenv("TINYNODE_MAX_HEAP_MB");
  long n = env ? atol(env) : 0;
  return (n > 0 ? (size_t)n : GC_DEFAULT_LIMIT_MB) << 20;
}

static size_t heap_limit(VM *vm) { return vm->heap_limit; }

void gc_account(VM *vm, ptrdiff_t delta) {
  if (delta < 0 && (size_t)-delta > vm->bytes_allocated) delta = -(ptrdiff_t)vm->bytes_allocated;
  vm->bytes_allocated += (size_t)delta;
  if (delta > 0 && vm->bytes_allocated > heap_limit(vm)) vm->next_gc = 0; /* collect soon */
}

void gc_check_limit(VM *vm) {
  if (vm->bytes_allocated <= heap_limit(vm)) return;
  gc_collect(vm);
  if (vm->bytes_allocated > heap_limit(vm)) mem_out_of_memory();
}

/* ==== Allocation ==== */

//> vm.recycle
/* Most things are small and die young: a request's objects, a loop's closures, and
 * their slot arrays. malloc and free cost a hundred instructions or more each for them
 * once the collector frees thousands at a time, so a dead block of up to 256 bytes is
 * kept instead on the free list of its size class (16-byte steps), and the next block
 * of that class is taken from there. Small blocks are malloc'd at their class's full
 * size, so that any block of a class can serve any request of it. At most RECYCLE_KEEP
 * bytes wait on the lists; the rest goes back to malloc. Under AddressSanitizer
 * nothing is recycled: its quarantine of freed blocks is what catches a use after free. */
#if defined(__SANITIZE_ADDRESS__)
#define RECYCLING 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RECYCLING 0
#endif
#endif
#ifndef RECYCLING
#define RECYCLING 1
#endif
#define RECYCLE_KEEP ((size_t)4 << 20)

typedef struct FreeBlock {
  struct FreeBlock *next;
} FreeBlock;

static size_t size_class(size_t bytes) { return (bytes - 1) >> 4; } /* 1..16 -> 0, ... */

void *gc_block_alloc(VM *vm, size_t bytes) {
  size_t c = size_class(bytes);
  if (!RECYCLING || c >= RECYCLE_CLASSES) return mem_alloc(bytes);
  FreeBlock *b = vm->recycled[c];
  if (!b) return mem_alloc((c + 1) << 4);
  vm->recycled[c] = b->next;
  vm->recycled_bytes -= (c + 1) << 4;
  return b;
}

void gc_block_free(VM *vm, void *p, size_t bytes) {
  if (!p) return;
  size_t c = size_class(bytes);
  if (!RECYCLING || c >= RECYCLE_CLASSES || vm->recycled_bytes >= RECYCLE_KEEP) {
    free(p);
    return;
  }
  FreeBlock *b = p;
  b->next = vm->recycled[c];
  vm->recycled[c] = b;
  vm->recycled_bytes += (c + 1) << 4;
}

/* A block that grows or shrinks (an array's elements): it stays put while its class
 * does, and moves between classes through the lists; large blocks are realloc's. */
void *gc_block_resize(VM *vm, void *p, size_t old_bytes, size_t bytes) {
  size_t from = p ? size_class(old_bytes) : RECYCLE_CLASSES, to = size_class(bytes);
  if (!RECYCLING || (from >= RECYCLE_CLASSES && to >= RECYCLE_CLASSES)) return mem_realloc(p, bytes);
  if (from == to) return p;
  void *q = gc_block_alloc(vm, bytes);
  if (p) memcpy(q, p, old_bytes < bytes ? old_bytes : bytes);
  gc_block_free(vm, p, old_bytes);
  return q;
}
//< vm.recycle

/* gc_free_all: the blocks waiting on the free lists go back to malloc. */
static void free_recycled(VM *vm) {
  for (int c = 0; c < RECYCLE_CLASSES; c++) {
    while (vm->recycled[c]) {
      FreeBlock *next = vm->recycled[c]->next;
      free(vm->recycled[c]);
      vm->recycled[c] = next;
    }
  }
  vm->recycled_bytes = 0;
}

//> vm.gc-alloc
void *gc_alloc(VM *vm, size_t size, GcType type) {
  size_t after = vm->bytes_allocated + size;
  if (!vm->gc_paused && (vm->gc_stress || after > vm->next_gc || after > heap_limit(vm)))
    gc_collect(vm);
  if (vm->bytes_allocated + size > heap_limit(vm)) mem_out_of_memory();
  GcHeader *thing = gc_block_alloc(vm, size);
  memset(thing, 0, size);
  thing->type = (uint8_t)type;
  thing->size = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size;
  thing->next = vm->heap;
  vm->heap = thing;
  vm->bytes_allocated += size;
  return thing;
}
//< vm.gc-alloc

/* ==== Mark phase ==== */

//> vm.mark-thing
void gc_mark_thing(VM *vm, GcHeader *thing) {
  if (!thing || thing->marked) return;
  thing->marked = 1;
  if (thing->type == GC_STRING) return; /* nothing inside to trace */
  if (vm->gray_count == vm->gray_capacity) {
    size_t cap = vm->gray_capacity ? vm->gray_capacity * 2 : 1024;
    Value *gray = mem_realloc(vm->gray, cap * sizeof(Value));
    vm->gray = gray;
    vm->gray_capacity = cap;
  }
  vm->gray[vm->gray_count++] = (Value)(uintptr_t)thing; /* marked, children not yet */
}
//< vm.mark-thing

void gc_mark_value(VM *vm, Value v) {
  if (value_is_heap(v)) gc_mark_thing(vm, value_to_ptr(v));
}

void vm_gc_mark(VM *vm, Value v) { gc_mark_value(vm, v); }

void gc_mark_values(VM *vm, const Value *v, size_t n) {
  for (size_t i = 0; i < n; i++) gc_mark_value(vm, v[i]);
}

static void trace_shape(VM *vm, Shape *s) {
  /* The parent is strong (deleting the last key steps back to it); transitions
   * are weak: a child nobody uses dies, and the sweep unhooks it. */
  gc_mark_thing(vm, (GcHeader *)s->parent);
  for (uint32_t i = 0; i < s->count; i++) gc_mark_value(vm, s->props[i].key);
}

//> vm.trace
/* Mark everything a gray thing points to. */
static void trace(VM *vm, GcHeader *thing) {
  switch ((GcType)thing->type) {
  case GC_STRING: break;
  case GC_SYMBOL: gc_mark_thing(vm, (GcHeader *)((Symbol *)thing)->description); break;
  case GC_SHAPE: trace_shape(vm, (Shape *)thing); break;
  case GC_OBJECT: {
    Object *o = (Object *)thing;
    gc_mark_thing(vm, (GcHeader *)o->proto);
    gc_mark_thing(vm, (GcHeader *)o->shape);
    if (o->shape) gc_mark_values(vm, o->slots, o->shape->count);
    const ClassDef *c = class_of(vm, o); /* what its class adds: elements, cells, data */
    if (c->trace) c->trace(vm, o);
    break;
  }
  case GC_FUNCTION_PROTO: {
    FunctionProto *p = (FunctionProto *)thing;
    gc_mark_thing(vm, (GcHeader *)p->name);
    gc_mark_values(vm, p->constants, p->constant_count);
    break;
  }
  case GC_CELL: gc_mark_value(vm, ((Cell *)thing)->value); break;
  case GC_ACCESSOR:
    gc_mark_value(vm, ((Accessor *)thing)->getter);
    gc_mark_value(vm, ((Accessor *)thing)->setter);
    break;
  }
}
//< vm.trace

/* Trace until the gray stack is empty: everything reachable so far is marked. */
static void trace_gray(VM *vm) {
  while (vm->gray_count > 0) trace(vm, (GcHeader *)(uintptr_t)vm->gray[--vm->gray_count]);
}

//> vm.mark-roots
static void mark_roots(VM *vm) {
  if (vm->stack) gc_mark_values(vm, vm->stack, (size_t)(vm->sp - vm->stack));
  for (int i = 0; i < vm->frame_count; i++) {
    Frame *f = &vm->frames[i];
    gc_mark_thing(vm, (GcHeader *)f->function);
    gc_mark_thing(vm, (GcHeader *)f->proto);
    gc_mark_value(vm, f->this_value);
    gc_mark_value(vm, f->new_target);
    if (f->gen) gc_mark_thing(vm, (GcHeader *)f->gen);
  }
  gc_mark_value(vm, vm->promise_job);
  gc_mark_value(vm, vm->promise_ctor);
  gc_mark_value(vm, vm->exception);
  gc_mark_values(vm, vm->handles, (size_t)vm->handle_count);
  for (int32_t i = 0; i < vm->pin_count; i++)
    if (vm->pins[i].next_free == -1) gc_mark_value(vm, vm->pins[i].value);
  for (int i = 0; i < INTRINSIC_COUNT; i++) gc_mark_thing(vm, (GcHeader *)vm->intrinsics[i]);
  gc_mark_values(vm, vm->host_intrinsics, INTRINSIC_HOST_END - INTRINSIC_HOST_FIRST);
#define MARK_ATOM(n, ...) gc_mark_thing(vm, (GcHeader *)vm->atom_##n);
  FOR_EACH_COMMON_ATOM(MARK_ATOM)
#undef MARK_ATOM
  Value symbols[] = {vm->symbol_iterator, vm->symbol_async_iterator, vm->symbol_has_instance,
                     vm->symbol_to_primitive, vm->symbol_to_string_tag, vm->symbol_match,
                     vm->symbol_match_all, vm->symbol_replace, vm->symbol_search,
                     vm->symbol_split, vm->symbol_species, vm->symbol_is_concat_spreadable,
                     vm->symbol_unscopables};
  gc_mark_values(vm, symbols, sizeof symbols / sizeof symbols[0]);
  gc_mark_thing(vm, (GcHeader *)vm->root_shape);
  gc_mark_thing(vm, (GcHeader *)vm->native_shape);
  weakref_mark_roots(vm);
}
//< vm.mark-roots

/* ==== Sweep phase ==== */

/* Free one dead thing and its side arrays; returns the bytes it accounted for. */
static size_t free_thing(VM *vm, GcHeader *thing) {
  size_t bytes = thing->size;
  if (thing->type == GC_SHAPE) {
    bytes += shape_free_parts((Shape *)thing);
  } else if (thing->type == GC_OBJECT) {
    Object *o = (Object *)thing;
    bytes += o->slot_capacity * sizeof(Value);
    gc_block_free(vm, o->slots, o->slot_capacity * sizeof(Value));
    const ClassDef *c = class_of(vm, o); /* an array's elements, a host object's data */
    if (c->finalize) bytes += c->finalize(vm, o);
  } else if (thing->type == GC_FUNCTION_PROTO) {
    FunctionProto *p = (FunctionProto *)thing;
    free(p->code);
    free(p->constants);
    free(p->handlers);
    free(p->lines);
    free(p->upvals);
    free(p->names);
  }
  gc_block_free(vm, thing, thing->size);
  return bytes;
}

/* Dead shapes are freed last, so that a dead child can still look at its
 * parent: if the parent lives on, the child leaves its transition table. */
static size_t free_dead_shapes(VM *vm, GcHeader *dead) {
  size_t bytes = 0;
  for (GcHeader *t = dead; t; t = t->next) t->marked = 2; /* "dying" */
  for (GcHeader *t = dead; t; t = t->next) {
    Shape *parent = ((Shape *)t)->parent;
    if (parent && parent->gc.marked != 2) shape_forget_transition(parent, (Shape *)t);
  }
  while (dead) {
    GcHeader *next = dead->next;
    bytes += free_thing(vm, dead);
    dead = next;
  }
  return bytes;
}

//> vm.sweep
/* Frees what is not marked; returns how many things that was (--trace-gc). */
static size_t sweep(VM *vm) {
  GcHeader **link = &vm->heap, *dead_shapes = NULL;
  size_t freed = 0, count = 0;
  while (*link) {
    GcHeader *thing = *link;
    if (thing->marked) { /* alive: unmark it for next time */
      thing->marked = 0;
      link = &thing->next;
      continue;
    }
    *link = thing->next; /* unlink, then free */
    count++;
    if (thing->type == GC_SHAPE) {
      thing->next = dead_shapes;
      dead_shapes = thing;
    } else {
      freed += free_thing(vm, thing);
    }
  }
  freed += free_dead_shapes(vm, dead_shapes);
  vm->bytes_allocated = freed > vm->bytes_allocated ? 0 : vm->bytes_allocated - freed;
  return count;
}
//< vm.sweep

/* ==== --trace-gc ==== */

void vm_set_gc_trace(VM *vm, FILE *out) { vm->gc_trace_out = out; }

void vm_collect_garbage(VM *vm) { gc_collect(vm); }

void vm_heap_size(VM *vm, size_t *used, size_t *total) {
  *used = vm->bytes_allocated;
  *total = vm->next_gc > vm->bytes_allocated ? vm->next_gc : vm->bytes_allocated;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One line per collection: its number, the heap before -> after, what was freed, the
 * pause. The pause is for people: tests replace it (no test may depend on timing). */
static void trace_collection(VM *vm, size_t before, size_t freed, double start) {
  fprintf(vm->gc_trace_out, "[gc #%u] %.1f KB -> %.1f KB, %zu things freed, %.3f ms\n",
          vm->gc_count, (double)before / 1024, (double)vm->bytes_allocated / 1024, freed,
          now_ms() - start);
}

//> vm.gc-collect
void gc_collect(VM *vm) {
  if (vm->gc_paused) return;
  vm->gc_paused++; /* a finalizer that allocates must not start another collection */
  vm->gc_count++;
  size_t before = vm->bytes_allocated;
  double start = vm->gc_trace_out ? now_ms() : 0;
  vm->weak_tables = NULL;
  vm->weak_refs = NULL, vm->registries = NULL;
  mark_roots(vm);
  trace_gray(vm);
  while (collection_mark_ephemerons(vm)) trace_gray(vm); /* a value lives while its key does */
  collection_sweep_weak(vm); /* weak tables drop the entries whose keys died */
  bool cleanups = weakref_sweep(vm); /* WeakRefs and registries let dead targets go */
  atom_table_sweep(vm); /* the atom table is weak: unmarked atoms leave it */
  size_t freed = sweep(vm);
  vm->cache_epoch++; /* a freed shape's address may come back: forget the inline caches */
  size_t next = vm->bytes_allocated * 2;
  vm->next_gc = next > GC_MIN_THRESHOLD ? next : GC_MIN_THRESHOLD;
  if (vm->gc_trace_out) trace_collection(vm, before, freed, start);
  vm->gc_paused--;
  if (cleanups && vm->hooks.cleanup_needed) vm->hooks.cleanup_needed(vm);
}
//< vm.gc-collect

void gc_free_all(VM *vm) {
  GcHeader *thing = vm->heap;
  while (thing) {
    GcHeader *next = thing->next;
    free_thing(vm, thing);
    thing = next;
  }
  free_recycled(vm);
  vm->heap = NULL;
  vm->bytes_allocated = 0;
  vm->atoms.count = 0; /* its strings are gone; vm_free frees the entries array */
  if (vm->atoms.entries) memset(vm->atoms.entries, 0, vm->atoms.capacity * sizeof(String *));
}

/* ==== Roots held by C code ==== */

int vm_handle_mark(VM *vm) { return vm->handle_count; }

void vm_handle_reset(VM *vm, int mark) {
  ASSERT(mark >= 0 && mark <= vm->handle_count);
  vm->handle_count = mark;
}

/* vm_handle_push when the stack is full: double it, then push. Out of line (and a tail
 * call), so that the common push stays a handful of instructions: natives push
 * millions of handles. */
static __attribute__((noinline)) Value push_growing(VM *vm, Value v) {
  if (vm->handle_count >= VM_HANDLES_MAX) PANIC("vm_handle_push: too many handles (a leak?)");
  vm->handle_capacity = vm->handle_capacity ? vm->handle_capacity * 2 : 1024;
  vm->handles = mem_realloc_array(vm->handles, (size_t)vm->handle_capacity, sizeof(Value));
  vm->handles[vm->handle_count++] = v;
  return v;
}

Value vm_handle_push(VM *vm, Value v) {
  if (vm->handle_count == vm->handle_capacity) return push_growing(vm, v);
  vm->handles[vm->handle_count++] = v;
  return v;
}

/* Pins live in a slab; a free pin's next_free links the free list (-2 ends it),
 * an in-use pin's is -1. Ids stay valid until unpinned. */
int32_t vm_pin(VM *vm, Value v) {
  int32_t id = vm->pin_free;
  if (id >= 0) {
    vm->pin_free = vm->pins[id].next_free == -2 ? -1 : vm->pins[id].next_free;
  } else {
    if (vm->pin_count == vm->pin_capacity) {
      int32_t cap = vm->pin_capacity ? vm->pin_capacity * 2 : 64;
      Pin *pins = mem_realloc(vm->pins, (size_t)cap * sizeof(Pin));
      vm->pins = pins;
      vm->pin_capacity = cap;
    }
    id = vm->pin_count++;
  }
  vm->pins[id] = (Pin){v, -1};
  return id;
}

Value vm_pinned(VM *vm, int32_t pin) {
  if (pin < 0 || pin >= vm->pin_count || vm->pins[pin].next_free != -1)
    PANIC("vm_pinned: not a pin in use");
  return vm->pins[pin].value;
}

void vm_unpin(VM *vm, int32_t pin) {
  if (pin < 0 || pin >= vm->pin_count || vm->pins[pin].next_free != -1)
    PANIC("vm_unpin: not a pin in use");
  vm->pins[pin] = (Pin){VALUE_UNDEFINED, vm->pin_free >= 0 ? vm->pin_free : -2};
  vm->pin_free = pin;
}

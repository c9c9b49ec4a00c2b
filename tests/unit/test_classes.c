/* test_classes.c - the class table (vm/class.c; book chapters 3 and 6).
 *
 * Walks every class id of a VM, built-in and registered: each must have a row, and an
 * object of each class is made holding freshly allocated strings in the parts its class
 * adds to Object (an inner value, elements, cells, native data, bound arguments, host
 * data) and in an ordinary property. After a collection every one of those strings must
 * still be on the heap: a class the collector does not trace fails here, and under
 * `make asan` with TINYNODE_GC_STRESS=1 as a use after free. Exits 0 when all pass.
 */
#include <stdio.h>
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

static int failures;

#define CHECK(cond)                                                           \
  do {                                                                        \
    if (!(cond)) {                                                            \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                  \
      failures++;                                                             \
    }                                                                         \
  } while (0)

/* ==== A registered class, as stdlib/ defines them ==== */

typedef struct Holder {
  Value held;
} Holder;

static int finalized; /* how many Holders the collector has freed */

static void holder_trace(VM *vm, void *data) { vm_gc_mark(vm, ((Holder *)data)->held); }
static void holder_finalize(void *data) {
  free(data);
  finalized++;
}
static const VMClassDef holder_class = {"Holder", holder_trace, holder_finalize};
static const VMClassDef other_class = {"Other", NULL, NULL};

/* ==== Fresh values, to be found again after a collection ==== */

#define MAX_FRESH 8

typedef struct Fresh {
  Value values[MAX_FRESH];
  char texts[MAX_FRESH][48];
  int count;
} Fresh;

/* A new, non-interned string, rooted by a handle until the object holds it. */
static Value fresh(VM *vm, Fresh *f, const char *what, int cls) {
  snprintf(f->texts[f->count], sizeof f->texts[0], "%s of class %d", what, cls);
  Value s = vm_handle_push(vm, vm_string(vm, f->texts[f->count]));
  f->values[f->count++] = s;
  return s;
}

static Value test_native(VM *vm, Value this_value, int argc, Value *argv) {
  return VALUE_UNDEFINED;
}

/* A closure whose one cell and home object are fresh. */
static Value make_closure(VM *vm, Fresh *f, int cls) {
  FunctionProto *p = function_proto_new(vm);
  vm_handle_push(vm, value_from_thing(p));
  Closure *c = closure_new(vm, p, 1);
  vm_handle_push(vm, value_from_object(&c->base));
  c->home_object = fresh(vm, f, "home object", cls);
  c->cells[0] = cell_new(vm, fresh(vm, f, "cell", cls));
  return value_from_object(&c->base);
}

static Value make_bound(VM *vm, Fresh *f, int cls) {
  Value target = vm_handle_push(vm, vm_native_new(vm, "target", test_native, 0));
  Value this_value = fresh(vm, f, "bound this", cls);
  Value argv[2] = {fresh(vm, f, "bound argument 0", cls), fresh(vm, f, "bound argument 1", cls)};
  return vm_bound_new(vm, target, this_value, 2, argv);
}

/* A Map or Set holding a fresh key and value, or an iterator over one. A weak table's
 * key is the global object, which lives: its fresh value must live with it. */
static Value make_table(VM *vm, Fresh *f, int cls) {
  bool iterator = cls == CLASS_MAP_ITERATOR || cls == CLASS_SET_ITERATOR;
  VMClass table_cls = cls == CLASS_MAP_ITERATOR ? VM_CLASS_MAP
                      : cls == CLASS_SET_ITERATOR ? VM_CLASS_SET : (VMClass)cls;
  Value t = vm_handle_push(vm, vm_map_new(vm, table_cls, VALUE_NULL));
  bool weak = cls == CLASS_WEAKMAP || cls == CLASS_WEAKSET;
  Value key = weak ? vm_global(vm) : fresh(vm, f, "key", cls);
  Value value = cls == CLASS_SET || cls == CLASS_WEAKSET || cls == CLASS_SET_ITERATOR
                    ? VALUE_UNDEFINED
                    : fresh(vm, f, "value", cls);
  vm_map_set(vm, t, key, value);
  return iterator ? vm_map_iterator_new(vm, t, VM_MAP_ENTRIES, VALUE_NULL) : t;
}

/* A promise with a fresh result and one reaction of fresh values. */
static Value make_promise(VM *vm, Fresh *f, int cls) {
  Value p = vm_handle_push(vm, vm_promise_new(vm, VALUE_NULL));
  vm_promise_then(vm, p, fresh(vm, f, "on fulfilled", cls), fresh(vm, f, "on rejected", cls),
                  fresh(vm, f, "capability", cls));
  ((Promise *)value_to_object(p))->result = fresh(vm, f, "result", cls);
  return p;
}

/* A suspended generator whose this and saved registers are fresh. */
static Value make_generator(VM *vm, Fresh *f, int cls) {
  Value fn = make_closure(vm, f, cls);
  Generator *g = generator_new(vm, (Closure *)value_to_object(fn), GEN_SYNC, NULL);
  vm_handle_push(vm, value_from_object(&g->base));
  g->this_value = fresh(vm, f, "this", cls);
  g->promise = fresh(vm, f, "promise", cls);
  g->saved = mem_alloc(sizeof(Value));
  g->saved_capacity = g->saved_count = 1;
  g->saved[0] = fresh(vm, f, "saved register", cls);
  return value_from_object(&g->base);
}

/* A view whose buffer holds a fresh value: it dies unless the view traces its buffer. */
static Value make_view(VM *vm, Fresh *f, int cls) {
  Value buffer = vm_handle_push(vm, vm_array_buffer_new(vm, 8, VM_LENGTH_AUTO, VALUE_NULL));
  object_define_own(vm, value_to_object(buffer), vm_atom(vm, "held"),
                    fresh(vm, f, "buffer's property", cls), ATTR_DEFAULT);
  return vm_array_view_new(vm, (VMClass)cls, buffer, 0, 2, VALUE_NULL);
}

/* An object of class cls whose class-specific parts hold fresh values. Classes with a
 * fixed layout go through vm_object_of_class; the others need a case here. */
/* A proxy whose target and handler are fresh objects (boxed fresh strings). */
static Value make_proxy(VM *vm, Fresh *f, int cls) {
  Value proto = VALUE_NULL;
  Value target = vm_handle_push(
      vm, vm_object_of_class(vm, VM_CLASS_STRING, proto, fresh(vm, f, "proxy target", cls)));
  Value handler = vm_handle_push(
      vm, vm_object_of_class(vm, VM_CLASS_STRING, proto, fresh(vm, f, "proxy handler", cls)));
  return vm_proxy_new(vm, target, handler);
}

/* A registry's callback and a cell's holdings are strong; its targets are not. */
static Value make_registry(VM *vm, Fresh *f, int cls) {
  Value r = vm_handle_push(vm, vm_registry_new(vm, fresh(vm, f, "cleanup", cls), VALUE_NULL));
  vm_registry_register(vm, r, VALUE_UNDEFINED, fresh(vm, f, "holdings", cls), VALUE_UNDEFINED);
  return r;
}

static Value make_object(VM *vm, int cls, Fresh *f) {
  if (cls >= CLASS_BUILTIN_COUNT) {
    if (vm->classes[cls].host != &holder_class) return VALUE_UNDEFINED; /* nothing inside */
    Holder *h = mem_alloc(sizeof *h);
    h->held = fresh(vm, f, "host data", cls);
    return vm_host_new(vm, &holder_class, h, VALUE_NULL);
  }
  if (vm->classes[cls].size) {
    Value inner = vm->classes[cls].flags & CLASS_INNER ? fresh(vm, f, "inner", cls)
                                                       : VALUE_UNDEFINED;
    return vm_object_of_class(vm, (VMClass)cls, VALUE_NULL, inner);
  }
  switch ((ObjectClass)cls) {
  case CLASS_ARRAY: {
    Value a = vm_handle_push(vm, value_from_object(&array_new(vm, 0)->base));
    vm_array_push(vm, a, fresh(vm, f, "element 0", cls));
    vm_array_push(vm, a, fresh(vm, f, "element 1", cls));
    return a;
  }
  case CLASS_CLOSURE: return make_closure(vm, f, cls);
  case CLASS_NATIVE:
    return vm_native_with_data(vm, "native", test_native, 0, fresh(vm, f, "native data", cls));
  case CLASS_BOUND: return make_bound(vm, f, cls);
  case CLASS_MAP:
  case CLASS_SET:
  case CLASS_WEAKMAP:
  case CLASS_WEAKSET:
  case CLASS_MAP_ITERATOR:
  case CLASS_SET_ITERATOR: return make_table(vm, f, cls);
  case CLASS_PROMISE: return make_promise(vm, f, cls);
  case CLASS_GENERATOR: return make_generator(vm, f, cls);
  case CLASS_ASYNC_FROM_SYNC_ITERATOR: {
    Value iter = vm_handle_push(vm, fresh(vm, f, "sync iterator", cls));
    return async_from_sync_new(vm, iter, fresh(vm, f, "next", cls));
  }
  case CLASS_ARRAY_BUFFER: return vm_array_buffer_new(vm, 8, VM_LENGTH_AUTO, VALUE_NULL);
  case CLASS_DATA_VIEW: return make_view(vm, f, cls);
  case CLASS_PROXY: return make_proxy(vm, f, cls);
  case CLASS_WEAK_REF: return vm_weak_ref_new(vm, VALUE_UNDEFINED, VALUE_NULL); /* weak only */
  case CLASS_FINALIZATION_REGISTRY: return make_registry(vm, f, cls);
  default:
    if (class_is_typed((uint8_t)cls)) return make_view(vm, f, cls);
    return VALUE_UNDEFINED; /* a new class with a constructor of its own: add it */
  }
}

static bool on_heap(VM *vm, Value v) {
  for (GcHeader *t = vm->heap; t; t = t->next)
    if (t == value_to_ptr(v)) return true;
  return false;
}

/* Make an object of class cls, root only the object, collect, and look for every fresh
 * value it was given. */
static void check_class_traced(VM *vm, int cls) {
  const ClassDef *row = &vm->classes[cls];
  Fresh f = {.count = 0};
  int mark = vm_handle_mark(vm);
  Value o = make_object(vm, cls, &f);
  if (!value_is_object(o)) {
    if (cls < CLASS_BUILTIN_COUNT) printf("  no way to make an object of class %s\n", row->name);
    CHECK(cls >= CLASS_BUILTIN_COUNT); /* registered classes without data are skipped */
    vm_handle_reset(vm, mark);
    return;
  }
  vm_handle_push(vm, o);
  object_define_own(vm, value_to_object(o), vm_atom(vm, "p"), fresh(vm, &f, "property", cls),
                    ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  vm_handle_push(vm, o); /* only the object is a root now */
  CHECK(vm_object_class(o) == (VMClass)cls);
  gc_collect(vm);
  gc_collect(vm);
  for (int i = 0; i < f.count; i++) {
    bool alive = on_heap(vm, f.values[i]);
    if (!alive) printf("  class %s lost its %s\n", row->name, f.texts[i]);
    CHECK(alive);
    if (!alive) continue;
    char *text = vm_to_utf8(vm, f.values[i], NULL);
    CHECK(strcmp(text, f.texts[i]) == 0);
    free(text);
  }
  if (row->flags & CLASS_INNER) CHECK(vm_inner_value(o) == f.values[0]);
  else CHECK(vm_inner_value(o) == VALUE_UNDEFINED);
  vm_handle_reset(vm, mark);
}

/* ==== The table itself ==== */

static void test_rows(VM *vm) {
  CHECK(vm->class_count >= CLASS_BUILTIN_COUNT);
  for (uint32_t i = 0; i < vm->class_count; i++) {
    const ClassDef *row = &vm->classes[i];
    CHECK(row->name && row->name[0] && row->tag && row->tag[0]);
    CHECK(!(row->flags & CLASS_INNER) || row->size == sizeof(Boxed));
    CHECK((i < CLASS_BUILTIN_COUNT) == (row->host == NULL));
    if (i < CLASS_BUILTIN_COUNT) CHECK(memcmp(row, &class_builtins[i], sizeof *row) == 0);
  }
  CHECK(strcmp(vm->classes[CLASS_ARGUMENTS].name, "Arguments") == 0);
  CHECK(strcmp(vm->classes[CLASS_ARGUMENTS].tag, "Arguments") == 0);
  CHECK(strcmp(vm->classes[CLASS_SYMBOL].tag, "Object") == 0); /* Symbol.prototype has the tag */
  CHECK(strcmp(vm->classes[CLASS_BOUND].name, "Function") == 0);
}

static void test_registration(VM *vm) {
  uint32_t before = vm->class_count;
  VMClass holder = vm_class_register(vm, &holder_class);
  VMClass other = vm_class_register(vm, &other_class);
  CHECK((uint32_t)holder == before && (uint32_t)other == before + 1);
  CHECK(vm_class_register(vm, &holder_class) == holder); /* once per VM */
  CHECK(vm->class_count == before + 2);
  CHECK(strcmp(vm->classes[holder].tag, "Object") == 0);

  int mark = vm_handle_mark(vm);
  Holder *h = mem_alloc(sizeof *h);
  h->held = VALUE_NULL;
  Value o = vm_handle_push(vm, vm_host_new(vm, &holder_class, h, VALUE_NULL));
  CHECK(vm_host_data(vm, o, &holder_class) == h);
  CHECK(vm_host_data(vm, o, &other_class) == NULL);
  CHECK(vm_host_data(vm, value_from_number(1), &holder_class) == NULL);
  CHECK(strcmp(vm_class_name(vm, o), "Holder") == 0 && strcmp(vm_class_tag(vm, o), "Object") == 0);
  CHECK(!vm_is_callable(o));
  int before_finalized = finalized;
  vm_handle_reset(vm, mark);
  gc_collect(vm); /* the object is garbage now: its data is finalized, once */
  CHECK(finalized == before_finalized + 1);
  gc_collect(vm);
  CHECK(finalized == before_finalized + 1);
}

/* Two VMs in one process number their registered classes independently. */
static void test_two_vms(void) {
  VM *a = vm_new(), *b = vm_new();
  VMClass in_a = vm_class_register(a, &holder_class);
  VMClass other_in_b = vm_class_register(b, &other_class);
  VMClass in_b = vm_class_register(b, &holder_class);
  CHECK(in_a == other_in_b && in_b == in_a + 1);
  CHECK(a->classes[in_a].host == &holder_class && b->classes[in_a].host == &other_class);
  vm_free(a);
  vm_free(b);
}

int main(void) {
  VM *vm = vm_new();
  test_registration(vm);
  test_rows(vm);
  for (uint32_t i = 0; i < vm->class_count; i++) check_class_traced(vm, (int)i);
  CHECK(vm->handle_count == 0);
  gc_collect(vm);
  vm_host_new(vm, &holder_class, mem_calloc(1, sizeof(Holder)), VALUE_NULL); /* garbage */
  int before = finalized;
  vm_free(vm); /* finalizes what no collection has freed yet */
  CHECK(finalized == before + 1);
  test_two_vms();
  if (failures) printf("test_classes: %d checks failed\n", failures);
  return failures ? 1 : 0;
}

/* class.c - the class table: one row per class of object, saying everything the engine
 * decides by an object's class (its name and builtin tag, how the collector traces and
 * frees it, its size, whether it is callable or holds an inner value).
 * Book: chapter 3, "Values and objects", and chapter 6, "Garbage collection".
 *
 * The built-in rows are class_builtins; each VM copies them into vm->classes, where the
 * stages above append their own classes with vm_class_register. Entry points:
 * class_table_init, vm_class_register, vm_host_new, vm_host_data, vm_object_of_class.
 */
#include "lexer/alloc.h"
#include "vm/internal.h"

/* ==== What each class adds to Object ==== */

//> vm.class-hooks
static void trace_array(VM *vm, Object *o) {
  Array *a = (Array *)o;
  gc_mark_values(vm, a->elements, array_dense_length(a)); /* past length is garbage */
}

static size_t free_array(VM *vm, Object *o) {
  Array *a = (Array *)o;
  gc_block_free(vm, a->elements, a->capacity * sizeof(Value));
  return a->capacity * sizeof(Value);
}

static void trace_closure(VM *vm, Object *o) {
  Closure *c = (Closure *)o;
  gc_mark_thing(vm, (GcHeader *)c->proto);
  gc_mark_value(vm, c->home_object);
  gc_mark_value(vm, c->fields);
  for (uint32_t i = 0; i < c->cell_count; i++) gc_mark_thing(vm, (GcHeader *)c->cells[i]);
}

static void trace_native(VM *vm, Object *o) { gc_mark_value(vm, ((Native *)o)->data); }

static void trace_bound(VM *vm, Object *o) {
  Bound *b = (Bound *)o;
  gc_mark_value(vm, b->target);
  gc_mark_value(vm, b->bound_this);
  gc_mark_values(vm, b->argv, b->argc);
}

static void trace_boxed(VM *vm, Object *o) { gc_mark_value(vm, ((Boxed *)o)->primitive); }
//< vm.class-hooks

static void trace_promise(VM *vm, Object *o) {
  Promise *p = (Promise *)o;
  gc_mark_value(vm, p->result);
  gc_mark_values(vm, (const Value *)p->reactions, p->reaction_count * 3);
}

static size_t free_promise(VM *vm, Object *o) {
  Promise *p = (Promise *)o;
  free(p->reactions);
  return 0;
}

static void trace_async_from_sync(VM *vm, Object *o) {
  gc_mark_value(vm, ((AsyncFromSync *)o)->iter);
  gc_mark_value(vm, ((AsyncFromSync *)o)->next);
}

static void trace_generator(VM *vm, Object *o) {
  Generator *g = (Generator *)o;
  gc_mark_thing(vm, (GcHeader *)g->function);
  gc_mark_value(vm, g->this_value);
  gc_mark_value(vm, g->promise);
  gc_mark_value(vm, g->queue);
  gc_mark_values(vm, g->saved, g->saved_count);
}

static size_t free_generator(VM *vm, Object *o) {
  Generator *g = (Generator *)o;
  free(g->saved);
  return g->saved_capacity * sizeof(Value);
}

/* A mapped arguments object holds its parameters' Cells. */
static void trace_arguments(VM *vm, Object *o) {
  if (!is_mapped_arguments(o)) return;
  MappedArguments *m = (MappedArguments *)o;
  for (uint32_t i = 0; i < m->count; i++)
    if (m->map[i].cell) gc_mark_thing(vm, &m->map[i].cell->gc);
}

/* A registered class: the host's hooks see only its data. */
static void trace_host(VM *vm, Object *o) {
  const VMClassDef *def = class_of(vm, o)->host;
  if (def->trace) def->trace(vm, ((HostObject *)o)->data);
}

static size_t free_host(VM *vm, Object *o) {
  const VMClassDef *def = class_of(vm, o)->host;
  if (def->finalize) def->finalize(((HostObject *)o)->data);
  return 0;
}

/* ==== The built-in classes ==== */

//> vm.class-table
const ClassDef class_builtins[CLASS_BUILTIN_COUNT] = {
    /* name, builtin tag, size (for vm_object_of_class), flags, trace, finalize */
    [CLASS_OBJECT] = {"Object", "Object", sizeof(Object), 0, NULL, NULL},
    [CLASS_ARRAY] = {"Array", "Array", 0, CLASS_INDEXED, trace_array, free_array},
    [CLASS_CLOSURE] = {"Function", "Function", 0, CLASS_CALLABLE, trace_closure, NULL},
    [CLASS_NATIVE] = {"Function", "Function", 0, CLASS_CALLABLE, trace_native, NULL},
    [CLASS_BOUND] = {"Function", "Function", 0, CLASS_CALLABLE, trace_bound, NULL},
    [CLASS_ERROR] = {"Error", "Error", sizeof(Object), 0, NULL, NULL},
    [CLASS_BOOLEAN] = {"Boolean", "Boolean", sizeof(Boxed), CLASS_INNER, trace_boxed, NULL},
    [CLASS_NUMBER] = {"Number", "Number", sizeof(Boxed), CLASS_INNER, trace_boxed, NULL},
    [CLASS_STRING] = {"String", "String", sizeof(Boxed), CLASS_INNER | CLASS_INDEXED,
                      trace_boxed, NULL},
    [CLASS_SYMBOL] = {"Symbol", "Object", sizeof(Boxed), CLASS_INNER, trace_boxed, NULL},
    [CLASS_ARGUMENTS] = {"Arguments", "Arguments", sizeof(Object), CLASS_INDEXED,
                         trace_arguments, NULL},
    [CLASS_DATE] = {"Date", "Date", sizeof(Boxed), CLASS_INNER, trace_boxed, NULL},
    [CLASS_REGEXP] = {"RegExp", "RegExp", sizeof(Boxed), CLASS_INNER, trace_boxed, NULL},
    /* The hash tables and their iterators (collection.c); weak tables trace nothing
       themselves: the collector's ephemeron pass marks what their live keys hold. */
    [CLASS_MAP] = {"Map", "Object", 0, 0, collection_trace, collection_finalize},
    [CLASS_SET] = {"Set", "Object", 0, 0, collection_trace, collection_finalize},
    [CLASS_WEAKMAP] = {"WeakMap", "Object", 0, 0, collection_trace_weak, collection_finalize},
    [CLASS_WEAKSET] = {"WeakSet", "Object", 0, 0, collection_trace_weak, collection_finalize},
    [CLASS_MAP_ITERATOR] = {"Map Iterator", "Object", 0, 0, collection_iterator_trace,
                            collection_iterator_finalize},
    [CLASS_SET_ITERATOR] = {"Set Iterator", "Object", 0, 0, collection_iterator_trace,
                            collection_iterator_finalize},
    /* A promise's reactions and a suspended generator's saved frame (promise.c, generator.c). */
    [CLASS_PROMISE] = {"Promise", "Object", 0, 0, trace_promise, free_promise},
    [CLASS_GENERATOR] = {"Generator", "Object", 0, 0, trace_generator, free_generator},
    [CLASS_ASYNC_FROM_SYNC_ITERATOR] = {"Object", "Object", 0, 0, trace_async_from_sync, NULL},
    /* Bytes outside the heap, and the views on them (typedarray.c); typed arrays serve
       their numeric keys from the buffer. */
    [CLASS_ARRAY_BUFFER] = {"ArrayBuffer", "Object", 0, 0, NULL, buffer_finalize},
    [CLASS_DATA_VIEW] = {"DataView", "Object", 0, 0, view_trace, NULL},
#define TYPED_ROW(cls, name) [cls] = {name, "Object", 0, CLASS_INDEXED, view_trace, NULL},
    TYPED_ROW(CLASS_INT8_ARRAY, "Int8Array") TYPED_ROW(CLASS_UINT8_ARRAY, "Uint8Array")
    TYPED_ROW(CLASS_UINT8_CLAMPED_ARRAY, "Uint8ClampedArray")
    TYPED_ROW(CLASS_INT16_ARRAY, "Int16Array") TYPED_ROW(CLASS_UINT16_ARRAY, "Uint16Array")
    TYPED_ROW(CLASS_INT32_ARRAY, "Int32Array") TYPED_ROW(CLASS_UINT32_ARRAY, "Uint32Array")
    TYPED_ROW(CLASS_FLOAT32_ARRAY, "Float32Array") TYPED_ROW(CLASS_FLOAT64_ARRAY, "Float64Array")
#undef TYPED_ROW
    /* An exotic object: its internal methods are the row's (proxy.c). */
    [CLASS_PROXY] = {"Object", "Object", 0, CLASS_EXOTIC, proxy_trace, NULL, NULL, &proxy_methods},
    /* References the collector clears (weakref.c). */
    [CLASS_WEAK_REF] = {"WeakRef", "Object", 0, 0, weakref_trace, NULL},
    [CLASS_FINALIZATION_REGISTRY] = {"FinalizationRegistry", "Object", 0, 0, registry_trace,
                                     registry_finalize},
};
//< vm.class-table

void class_table_init(VM *vm) {
  vm->class_capacity = CLASS_BUILTIN_COUNT + 8;
  vm->classes = mem_alloc(vm->class_capacity * sizeof(ClassDef));
  for (int i = 0; i < CLASS_BUILTIN_COUNT; i++) {
    /* A class in vm.h's list without a row here would be traced as a plain Object. */
    if (!class_builtins[i].name) PANIC("class_table_init: a built-in class has no row");
    vm->classes[i] = class_builtins[i];
  }
  vm->class_count = CLASS_BUILTIN_COUNT;
}

void class_table_free(VM *vm) {
  free(vm->classes);
  vm->classes = NULL;
  vm->class_count = vm->class_capacity = 0;
}

/* ==== Registered classes ==== */

static int registered_id(const VM *vm, const VMClassDef *def) {
  for (uint32_t i = CLASS_BUILTIN_COUNT; i < vm->class_count; i++)
    if (vm->classes[i].host == def) return (int)i;
  return -1;
}

//> vm.class-register
VMClass vm_class_register(VM *vm, const VMClassDef *def) {
  int id = registered_id(vm, def);
  if (id >= 0) return (VMClass)id;
  if (vm->class_count > UINT8_MAX) PANIC("vm_class_register: Object.klass has no room left");
  if (vm->class_count == vm->class_capacity) {
    vm->class_capacity *= 2;
    vm->classes = mem_realloc(vm->classes, vm->class_capacity * sizeof(ClassDef));
  }
  vm->classes[vm->class_count] =
      (ClassDef){def->name, "Object", 0, 0, trace_host, free_host, def, NULL};
  return (VMClass)vm->class_count++;
}
//< vm.class-register

Value vm_host_new(VM *vm, const VMClassDef *def, void *data, Value proto) {
  int id = registered_id(vm, def);
  if (id < 0) PANIC("vm_host_new: the class was never registered (vm_class_register)");
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  HostObject *h = (HostObject *)object_new_class(vm, (ObjectClass)id, sizeof(HostObject), p);
  h->data = data;
  return value_from_object(&h->base);
}

void *vm_host_data(VM *vm, Value obj, const VMClassDef *def) {
  if (!value_is_object(obj)) return NULL;
  Object *o = value_to_object(obj);
  if (o->klass < CLASS_BUILTIN_COUNT || class_of(vm, o)->host != def) return NULL;
  return ((HostObject *)o)->data;
}

/* ==== Questions the table answers ==== */

VMClass vm_object_class(Value obj) { return (VMClass)value_to_object(obj)->klass; }

const char *vm_class_name(VM *vm, Value obj) { return class_of(vm, value_to_object(obj))->name; }

const char *vm_class_tag(VM *vm, Value obj) { return class_of(vm, value_to_object(obj))->tag; }

bool vm_is_callable(Value v) {
  if (!value_is_object(v)) return false;
  Object *o = value_to_object(v);
  if (o->klass == CLASS_PROXY) return o->flags & PROXY_CALLABLE; /* its target's, for life */
  return class_flags(o) & CLASS_CALLABLE;
}

Value vm_object_of_class(VM *vm, VMClass cls, Value proto, Value inner) {
  if ((uint32_t)cls >= vm->class_count || !vm->classes[cls].size)
    PANIC("vm_object_of_class: that class has its own constructor");
  const ClassDef *def = &vm->classes[cls];
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, inner);
  Object *o = object_new_class(vm, (ObjectClass)cls, def->size, p);
  if (def->flags & CLASS_INNER) ((Boxed *)o)->primitive = inner;
  vm_handle_reset(vm, mark);
  return value_from_object(o);
}

void vm_set_inner_value(Value obj, Value inner) {
  Object *o = value_to_object(obj);
  if (!(class_flags(o) & CLASS_INNER)) PANIC("vm_set_inner_value: the class has no inner slot");
  ((Boxed *)o)->primitive = inner;
}

Value vm_inner_value(Value obj) {
  Object *o = value_to_object(obj);
  return class_flags(o) & CLASS_INNER ? ((Boxed *)o)->primitive : VALUE_UNDEFINED;
}

/* vm.c - a VM's birth and death, its realm of intrinsic objects, and the small
 * public entry points that wrap the object model for the stages above.
 * Book: chapter 3, "Values and objects".
 *
 *   vm_new / vm_free   create the stacks, the heap, the atoms and the intrinsics
 *   vm_get / vm_set    property access for C code, with JavaScript semantics
 */
#include <stdarg.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

/* ==== Birth ==== */

static void make_common_atoms(VM *vm) {
#define ATOM_1(n) vm->atom_##n = atom_from_cstr(vm, #n);
#define ATOM_2(n, text) vm->atom_##n = atom_from_cstr(vm, text);
#define ATOM_PICK(_1, _2, NAME, ...) NAME
#define MAKE_ATOM(...) ATOM_PICK(__VA_ARGS__, ATOM_2, ATOM_1)(__VA_ARGS__)
  FOR_EACH_COMMON_ATOM(MAKE_ATOM)
#undef MAKE_ATOM
}

static Value make_symbol(VM *vm, const char *description) {
  return value_from_symbol(symbol_new(vm, atom_from_cstr(vm, description)));
}

static Value throw_type_error(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_throw_error(vm, ERR_TYPE,
                        "'caller', 'callee', and 'arguments' properties may not be "
                        "accessed on strict mode functions or the arguments objects "
                        "for calls to them");
}

/* %ThrowTypeError%: frozen, with a non-configurable empty name and zero length. */
static Object *make_thrower(VM *vm) {
  Native *t = native_new(vm, value_from_string(vm->atom_empty), throw_type_error, 0);
  object_define_own(vm, &t->base, value_from_string(vm->atom_length), value_from_number(0), 0);
  object_define_own(vm, &t->base, value_from_string(vm->atom_name),
                    value_from_string(vm->atom_empty), 0);
  t->base.extensible = 0;
  return &t->base;
}

/* AddRestrictedFunctionProperties: Function.prototype.arguments and .caller throw. */
static void add_restricted_properties(VM *vm) {
  Value thrower = value_from_object(vm->intrinsics[INTRINSIC_THROW_TYPE_ERROR]);
  static const char *const names[] = {"arguments", "caller"};
  for (int i = 0; i < 2; i++)
    object_define_own(vm, vm->intrinsics[INTRINSIC_FUNCTION_PROTOTYPE],
                      value_from_string(atom_from_cstr(vm, names[i])),
                      value_from_thing(accessor_new(vm, thrower, thrower)),
                      ATTR_CONFIGURABLE | ATTR_ACCESSOR);
}

//> vm.make-realm
/* The prototypes every program starts with. Their methods come later, from the
 * standard library (stdlib/); the engine only needs the objects to exist. */
static void make_intrinsics(VM *vm) {
  Object **in = vm->intrinsics;
  in[INTRINSIC_OBJECT_PROTOTYPE] = object_new(vm, NULL);
  Object *object_proto = in[INTRINSIC_OBJECT_PROTOTYPE];
  Native *fp = native_new(vm, value_from_string(vm->atom_empty), NULL, 0);
  fp->base.proto = object_proto;
  in[INTRINSIC_FUNCTION_PROTOTYPE] = &fp->base;
  Array *ap = array_new(vm, 0);
  ap->base.proto = object_proto;
  in[INTRINSIC_ARRAY_PROTOTYPE] = &ap->base;
  for (int i = INTRINSIC_STRING_PROTOTYPE; i < INTRINSIC_THROW_TYPE_ERROR; i++)
    if (i != INTRINSIC_ARRAY_PROTOTYPE) in[i] = object_new(vm, object_proto);
  /* String.prototype, Number.prototype and Boolean.prototype are wrappers of "", 0 and
   * false (valueOf and toString work on them), as the spec has them. */
  Value op = value_from_object(object_proto);
  in[INTRINSIC_STRING_PROTOTYPE] = value_to_object(
      vm_object_of_class(vm, VM_CLASS_STRING, op, value_from_string(vm->atom_empty)));
  in[INTRINSIC_NUMBER_PROTOTYPE] =
      value_to_object(vm_object_of_class(vm, VM_CLASS_NUMBER, op, value_from_number(0)));
  in[INTRINSIC_BOOLEAN_PROTOTYPE] =
      value_to_object(vm_object_of_class(vm, VM_CLASS_BOOLEAN, op, VALUE_FALSE));
  for (int i = INTRINSIC_TYPE_ERROR_PROTOTYPE; i <= INTRINSIC_URI_ERROR_PROTOTYPE; i++)
    in[i]->proto = in[INTRINSIC_ERROR_PROTOTYPE];
  in[INTRINSIC_ARRAY_ITERATOR_PROTOTYPE]->proto = in[INTRINSIC_ITERATOR_PROTOTYPE];
  in[INTRINSIC_STRING_ITERATOR_PROTOTYPE]->proto = in[INTRINSIC_ITERATOR_PROTOTYPE];
  in[INTRINSIC_GENERATOR_PROTOTYPE]->proto = in[INTRINSIC_ITERATOR_PROTOTYPE];
  in[INTRINSIC_ASYNC_GENERATOR_PROTOTYPE]->proto = in[INTRINSIC_ASYNC_ITERATOR_PROTOTYPE];
  in[INTRINSIC_ASYNC_FROM_SYNC_ITERATOR_PROTOTYPE]->proto = in[INTRINSIC_ASYNC_ITERATOR_PROTOTYPE];
  in[INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE]->proto = &fp->base;
  in[INTRINSIC_ASYNC_FUNCTION_PROTOTYPE]->proto = &fp->base;
  in[INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE]->proto = &fp->base;
  in[INTRINSIC_THROW_TYPE_ERROR] = make_thrower(vm);
  in[INTRINSIC_EVAL] = eval_function_new(vm);
  add_restricted_properties(vm);
  in[INTRINSIC_GLOBAL] = object_new(vm, object_proto);
  Value global = value_from_object(in[INTRINSIC_GLOBAL]);
  object_define_own(vm, in[INTRINSIC_GLOBAL], value_from_string(atom_from_cstr(vm, "globalThis")),
                    global, ATTR_HIDDEN);
  object_define_own(vm, in[INTRINSIC_GLOBAL], value_from_string(atom_from_cstr(vm, "eval")),
                    value_from_object(in[INTRINSIC_EVAL]), ATTR_HIDDEN);
  for (int i = 0; i < INTRINSIC_HOST_END - INTRINSIC_HOST_FIRST; i++)
    vm->host_intrinsics[i] = VALUE_UNDEFINED;
}
//< vm.make-realm

/* A native function's body for Function.prototype itself: returns undefined. */
static Value function_prototype_call(VM *vm, Value this_value, int argc, Value *argv) {
  return VALUE_UNDEFINED;
}

VM *vm_new(void) {
  static uint32_t made;
  VM *vm = mem_calloc(1, sizeof *vm);
  vm->serial = ++made;
  vm->stack = mem_calloc(VM_STACK_SIZE, sizeof(Value));
  vm->frames = mem_calloc(VM_FRAMES_MAX, sizeof(Frame));
  vm->prop_cache = mem_calloc(PROP_CACHE_SIZE, sizeof(PropCache));
  vm->cache_epoch = 1; /* a zeroed entry never matches */
  vm->sp = vm->stack;
  vm->exception = VALUE_UNDEFINED;
  vm->pin_free = -1;
  vm->array_values_pin = vm->array_next_pin = -1;
  vm->promise_job = vm->promise_ctor = VALUE_UNDEFINED;
  vm->next_gc = GC_MIN_THRESHOLD;
  vm->heap_limit = gc_heap_limit_from_env();
  vm->stack_limit = stack_limit_new();
  const char *stress = getenv("TINYNODE_GC_STRESS");
  vm->gc_stress = stress && *stress && *stress != '0';
  vm->gc_paused++;
  class_table_init(vm);
  vm->root_shape = shape_new_root(vm);
  make_common_atoms(vm);
  vm->symbol_iterator = make_symbol(vm, "Symbol.iterator");
  vm->symbol_async_iterator = make_symbol(vm, "Symbol.asyncIterator");
  vm->symbol_has_instance = make_symbol(vm, "Symbol.hasInstance");
  vm->symbol_to_primitive = make_symbol(vm, "Symbol.toPrimitive");
  vm->symbol_to_string_tag = make_symbol(vm, "Symbol.toStringTag");
  vm->symbol_match = make_symbol(vm, "Symbol.match");
  vm->symbol_match_all = make_symbol(vm, "Symbol.matchAll");
  vm->symbol_replace = make_symbol(vm, "Symbol.replace");
  vm->symbol_search = make_symbol(vm, "Symbol.search");
  vm->symbol_split = make_symbol(vm, "Symbol.split");
  vm->symbol_species = make_symbol(vm, "Symbol.species");
  vm->symbol_is_concat_spreadable = make_symbol(vm, "Symbol.isConcatSpreadable");
  vm->symbol_unscopables = make_symbol(vm, "Symbol.unscopables");
  make_intrinsics(vm);
  promise_init(vm);
  vm->lexicals_pin = vm_pin(vm, value_from_object(object_new(vm, NULL)));
  ((Native *)vm->intrinsics[INTRINSIC_FUNCTION_PROTOTYPE])->fn = function_prototype_call;
  vm->gc_paused--;
  return vm;
}

static void free_states(VM *vm);

void vm_free(VM *vm) {
  if (!vm) return;
  gc_free_all(vm);
  class_table_free(vm); /* after the finalizers gc_free_all ran */
  free_states(vm);
  free(vm->atoms.entries);
  free(vm->gray);
  free(vm->pins);
  free(vm->handles);
  free(vm->kept), free(vm->dirty_registries);
  for (int i = 0; i < vm->filename_count; i++) free(vm->filenames[i]);
  free(vm->filenames);
  for (int i = 0; i < vm->source_count; i++) free(vm->sources[i]);
  free(vm->sources);
  free(vm->stack);
  free(vm->frames);
  free(vm->prop_cache);
  free(vm);
}

void vm_set_hooks(VM *vm, const VMHooks *hooks) { vm->hooks = *hooks; }
void vm_set_regexp_hooks(VM *vm, const VMRegExpHooks *hooks) { vm->regexp_hooks = *hooks; }
VMHooks *vm_hooks(VM *vm) { return &vm->hooks; }

const char *vm_intern_filename(VM *vm, const char *name) {
  for (int i = 0; i < vm->filename_count; i++)
    if (strcmp(vm->filenames[i], name) == 0) return vm->filenames[i];
  vm->filenames = mem_realloc(vm->filenames, sizeof(char *) * (size_t)(vm->filename_count + 1));
  vm->filenames[vm->filename_count] = mem_strdup(name);
  return vm->filenames[vm->filename_count++];
}

void vm_register_array_iteration(VM *vm, Value values, Value next) {
  vm->array_values_pin = vm_pin(vm, values);
  vm->array_next_pin = vm_pin(vm, next);
}

const char *vm_keep_source(VM *vm, const char *source, size_t length) {
  vm->sources = mem_realloc(vm->sources, sizeof(char *) * (size_t)(vm->source_count + 1));
  char *copy = mem_alloc(length + 1);
  memcpy(copy, source, length);
  copy[length] = 0;
  return vm->sources[vm->source_count++] = copy;
}

Value vm_intrinsic(VM *vm, int which) {
  if (which < INTRINSIC_COUNT) return value_from_object(vm->intrinsics[which]);
  if (which >= INTRINSIC_HOST_END) PANIC("vm_intrinsic: no such slot");
  return vm->host_intrinsics[which - INTRINSIC_HOST_FIRST];
}

void vm_set_intrinsic(VM *vm, int which, Value v) {
  if (which < INTRINSIC_HOST_FIRST || which >= INTRINSIC_HOST_END)
    PANIC("vm_set_intrinsic: not a host slot");
  vm->host_intrinsics[which - INTRINSIC_HOST_FIRST] = v;
}

Value vm_global(VM *vm) { return value_from_object(vm->intrinsics[INTRINSIC_GLOBAL]); }

Value vm_global_lexicals(VM *vm) { return vm_pinned(vm, vm->lexicals_pin); }

/* ==== Per-VM state of the layers above ==== */

typedef struct VMStateEntry {
  const VMStateType *type;
  void *state;
} VMStateEntry;

//> vm.state
void *vm_state(VM *vm, const VMStateType *type) {
  for (int i = 0; i < vm->state_count; i++)
    if (vm->states[i].type == type) return vm->states[i].state;
  vm->states = mem_realloc(vm->states, sizeof(VMStateEntry) * (size_t)(vm->state_count + 1));
  void *state = mem_calloc(1, type->size ? type->size : 1);
  if (type->init) type->init(state);
  vm->states[vm->state_count++] = (VMStateEntry){type, state};
  return state;
}
//< vm.state

/* vm_free: each state's cleanup, newest first, then the state itself. */
static void free_states(VM *vm) {
  for (int i = vm->state_count; i-- > 0;) {
    if (vm->states[i].type->cleanup) vm->states[i].type->cleanup(vm->states[i].state);
    free(vm->states[i].state);
  }
  free(vm->states);
}

/* ==== Property access for C code ==== */

/* arr[i] for a dense array and an index in range: no key conversion needed. */
static bool array_fast_index(Value obj, Value key, Array **a, uint32_t *index) {
  if (!value_is_object(obj) || !value_is_number(key)) return false;
  Object *o = value_to_object(obj);
  double d = value_to_number(key);
  if (o->klass != CLASS_ARRAY || !(d >= 0 && d < array_dense_length((Array *)o)) || d != (uint32_t)d)
    return false;
  *a = (Array *)o, *index = (uint32_t)d;
  return true;
}

Value vm_get(VM *vm, Value obj, Value key) {
  Array *a;
  uint32_t i;
  if (array_fast_index(obj, key, &a, &i) && a->elements[i] != VALUE_HOLE) return a->elements[i];
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  Value k = conv_to_property_key(vm, key);
  Value r = value_is_exception(k)  ? k
            : value_is_symbol(k) ? interp_get_named(vm, obj, k) /* kCapture and the like */
                                 : interp_get_property(vm, obj, k);
  vm_handle_reset(vm, mark);
  return r;
}

Value vm_get_with_receiver(VM *vm, Value obj, Value key, Value receiver) {
  return object_get(vm, value_to_object(obj), key, receiver);
}

Value vm_set_with_receiver(VM *vm, Value obj, Value key, Value v, Value receiver) {
  return object_set(vm, value_to_object(obj), key, v, receiver);
}

Value vm_get_str(VM *vm, Value obj, const char *key) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  Value r = interp_get_named(vm, obj, vm_atom(vm, key));
  vm_handle_reset(vm, mark);
  return r;
}

Value vm_set(VM *vm, Value obj, Value key, Value v) {
  Array *a;
  uint32_t i;
  if (array_fast_index(obj, key, &a, &i) && a->elements[i] != VALUE_HOLE) return a->elements[i] = v;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  vm_handle_push(vm, v);
  Value k = conv_to_property_key(vm, key);
  Value r = value_is_exception(k)  ? k
            : value_is_symbol(k) ? interp_set_named(vm, obj, k, v, true)
                                 : interp_set_property(vm, obj, k, v, true);
  vm_handle_reset(vm, mark);
  return r;
}

/* The key's atom, made and pinned the first time this VM asks (by number: a VM freed
 * and another made at its address must not find the first one's atom). */
Value vm_key(VM *vm, VMKey *key) {
  if (key->vm_serial != vm->serial) {
    key->atom = vm_atom(vm, key->name);
    vm_pin(vm, key->atom);
    key->vm_serial = vm->serial;
  }
  return key->atom;
}

Value vm_get_key(VM *vm, Value obj, VMKey *key) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj); /* making the atom, or a getter, may collect */
  Value r = interp_get_named(vm, obj, vm_key(vm, key));
  vm_handle_reset(vm, mark);
  return r;
}

Value vm_set_key(VM *vm, Value obj, VMKey *key, Value v) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  vm_handle_push(vm, v); /* a setter may collect */
  Value r = interp_set_named(vm, obj, vm_key(vm, key), v, true);
  vm_handle_reset(vm, mark);
  return r;
}

Value vm_set_str(VM *vm, Value obj, const char *key, Value v) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  vm_handle_push(vm, v);
  Value r = interp_set_named(vm, obj, vm_atom(vm, key), v, true);
  vm_handle_reset(vm, mark);
  return r;
}

Value vm_native_data(VM *vm) {
  Object *fn = vm->frames[vm->frame_count - 1].function;
  return fn->klass == CLASS_NATIVE ? ((Native *)fn)->data : VALUE_UNDEFINED;
}

int vm_native_magic(VM *vm) {
  Object *fn = vm->frames[vm->frame_count - 1].function;
  return fn->klass == CLASS_NATIVE ? ((Native *)fn)->magic : 0;
}

Value vm_new_target(VM *vm) { return vm->frames[vm->frame_count - 1].new_target; }

bool vm_is_array(Value v) {
  return value_is_object(v) && value_to_object(v)->klass == CLASS_ARRAY;
}

bool vm_is_error(Value v) {
  return value_is_object(v) && value_to_object(v)->klass == CLASS_ERROR;
}

Value vm_function_name(VM *vm, Value fn) {
  if (!value_is_object(fn)) return value_from_string(vm->atom_empty);
  bool found;
  Value name = object_get_own(value_to_object(fn), value_from_string(vm->atom_name), &found);
  return found && value_is_string(name) ? name : value_from_string(vm->atom_empty);
}

/* ==== Broken invariants ==== */

void vm_panic(const char *file, int line, const char *msg) {
  fprintf(stderr, "tinynode: internal error at %s:%d: %s\n", file, line, msg);
  abort();
}

/* object.c - objects, arrays and functions: allocation and the property model.
 * Book: chapter 3, "Values and objects".
 *
 * An object's keyed properties live in slots described by its Shape (shape.c).
 * Arrays keep their index properties in a dense element vector (holes are
 * VALUE_HOLE) and serve `length` virtually; an index too far out, or one with
 * unusual attributes, becomes an ordinary keyed property (the array is then
 * "sparse"). Typed arrays (typedarray.c) serve every numeric key from their buffer. An
 * exotic object (a proxy) answers for itself: where the shape has nothing, its class's
 * ExoticMethods take over. Entry points: object_new*, array_new, object_get, object_set,
 * object_define_own, object_delete_own, object_has, object_own_keys.
 */
#include <math.h>
#include <string.h>

#include "lexer/alloc.h"
#include "vm/shape.h"

#define ARRAY_FAR_GAP 1024 /* a write past 2 * capacity + this goes to the shape */
#define ARRAY_DENSE_MIN 65536 /* below this index a write grows the vector however sparse */

/* ==== Allocation ==== */

Object *object_new_class(VM *vm, ObjectClass klass, size_t size, Object *proto) {
  int mark = vm_handle_mark(vm);
  if (proto) vm_handle_push(vm, value_from_object(proto)); /* gc_alloc may collect */
  Object *o = gc_alloc(vm, size, GC_OBJECT);
  vm_handle_reset(vm, mark);
  o->klass = klass;
  o->extensible = 1;
  o->shape = vm->root_shape;
  o->proto = proto;
  return o;
}

Object *object_new(VM *vm, Object *proto) {
  return object_new_class(vm, CLASS_OBJECT, sizeof(Object), proto);
}

static void fill_holes(Value *v, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; i++) v[i] = VALUE_HOLE;
}

/* Make room for at least need elements. Called where everything live is rooted. */
static void elements_reserve(VM *vm, Array *a, uint32_t need) {
  if (need <= a->capacity) return;
  uint64_t cap = a->capacity ? (uint64_t)a->capacity * 2 : 8;
  if (cap < need) cap = need;
  if (cap > UINT32_MAX) cap = UINT32_MAX;
  gc_account(vm, (ptrdiff_t)((cap - a->capacity) * sizeof(Value)));
  gc_check_limit(vm);
  Value *e = gc_block_resize(vm, a->elements, a->capacity * sizeof(Value), (size_t)cap * sizeof(Value));
  fill_holes(e, a->capacity, (uint32_t)cap);
  a->elements = e;
  a->capacity = (uint32_t)cap;
}

Array *array_new(VM *vm, uint32_t capacity) {
  Array *a = (Array *)object_new_class(vm, CLASS_ARRAY, sizeof(Array),
                                       vm->intrinsics[INTRINSIC_ARRAY_PROTOTYPE]);
  if (capacity) {
    int mark = vm_handle_mark(vm);
    vm_handle_push(vm, value_from_object(&a->base));
    elements_reserve(vm, a, capacity);
    vm_handle_reset(vm, mark);
  }
  return a;
}

Closure *closure_new(VM *vm, FunctionProto *proto, uint32_t cell_count) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_thing(proto));
  Closure *c = (Closure *)object_new_class(vm, CLASS_CLOSURE,
                                           sizeof(Closure) + cell_count * sizeof(Cell *),
                                           vm->intrinsics[INTRINSIC_FUNCTION_PROTOTYPE]);
  vm_handle_reset(vm, mark);
  c->proto = proto;
  c->home_object = VALUE_UNDEFINED;
  c->fields = VALUE_UNDEFINED;
  c->cell_count = cell_count; /* cells[] start NULL; the caller fills them in */
  return c;
}

static Value common_atom(VM *vm, String *atom, const char *text) {
  return value_from_string(atom ? atom : atom_from_cstr(vm, text));
}

static inline void slots_reserve(VM *vm, Object *o, uint32_t need);

Native *native_new(VM *vm, Value name, NativeFn fn, int length) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, name);
  Native *n = (Native *)object_new_class(vm, CLASS_NATIVE, sizeof(Native),
                                         vm->intrinsics[INTRINSIC_FUNCTION_PROTOTYPE]);
  n->fn = fn;
  n->data = VALUE_UNDEFINED;
  vm_handle_push(vm, value_from_object(&n->base));
  if (vm->native_shape) { /* every native has the same two keys: skip the lookups */
    slots_reserve(vm, &n->base, 2);
    n->base.slots[0] = value_from_number(length), n->base.slots[1] = name;
    n->base.shape = vm->native_shape;
  } else { /* V8's order: length, then name; both configurable only. */
    object_define_own(vm, &n->base, common_atom(vm, vm->atom_length, "length"),
                      value_from_number(length), ATTR_CONFIGURABLE);
    object_define_own(vm, &n->base, common_atom(vm, vm->atom_name, "name"), name, ATTR_CONFIGURABLE);
    vm->native_shape = n->base.shape;
  }
  vm_handle_reset(vm, mark);
  return n;
}

Cell *cell_new(VM *vm, Value value) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value);
  Cell *c = gc_alloc(vm, sizeof(Cell), GC_CELL);
  vm_handle_reset(vm, mark);
  c->value = value;
  return c;
}

Accessor *accessor_new(VM *vm, Value getter, Value setter) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, getter);
  vm_handle_push(vm, setter);
  Accessor *a = gc_alloc(vm, sizeof(Accessor), GC_ACCESSOR);
  vm_handle_reset(vm, mark);
  a->getter = getter;
  a->setter = setter;
  return a;
}

FunctionProto *function_proto_new(VM *vm) {
  int mark = vm_handle_mark(vm);
  String *name = vm->atom_empty ? vm->atom_empty : string_new_latin1(vm, NULL, 0);
  vm_handle_push(vm, value_from_string(name));
  FunctionProto *p = gc_alloc(vm, sizeof(FunctionProto), GC_FUNCTION_PROTO);
  vm_handle_reset(vm, mark);
  p->name = name;
  p->arguments_register = -1;
  p->rest_register = -1;
  return p;
}

Symbol *symbol_new(VM *vm, String *description) {
  int mark = vm_handle_mark(vm);
  if (description) vm_handle_push(vm, value_from_string(description));
  Symbol *s = gc_alloc(vm, sizeof(Symbol), GC_SYMBOL);
  vm_handle_reset(vm, mark);
  s->description = description;
  return s;
}

/* ==== Property keys ==== */

/* A property key taken apart: the atom (or symbol) and, for integer keys, the
 * index. atom is VALUE_UNDEFINED when no atom with that text exists yet - then
 * no object can have the property, and lookups stop early without allocating. */
typedef struct Key {
  Value atom;
  Value text; /* the key as given, for making the atom later */
  uint32_t index;
  bool is_index;
} Key;

static String *atom_of_index(VM *vm, uint32_t index, bool create) {
  char buf[16];
  int n = snprintf(buf, sizeof buf, "%u", index);
  String *found = atom_lookup_latin1(vm, (const uint8_t *)buf, (uint32_t)n);
  if (found || !create) return found;
  return atom_intern(vm, string_new_latin1(vm, (const uint8_t *)buf, (uint32_t)n));
}

static Value atom_of_text(VM *vm, const char *text, bool create) {
  String *s = create ? atom_from_cstr(vm, text)
                     : atom_lookup_latin1(vm, (const uint8_t *)text, (uint32_t)strlen(text));
  return s ? value_from_string(s) : VALUE_UNDEFINED;
}

/* key: an atom, any string, a symbol, a number or a primitive constant. With
 * create, the atom is made if missing (this may allocate). */
static void key_resolve(VM *vm, Value key, Key *k, bool create) {
  k->is_index = false;
  k->atom = k->text = key;
  if (value_is_symbol(key)) return;
  if (value_is_string(key)) {
    String *s = value_to_string(key);
    k->is_index = !s->wide && s->length && (unsigned)(s->data[0] - '0') < 10 &&
                  string_to_array_index(s, &k->index); /* most keys fail the first test */
    if (s->atom) return;
    String *a = create ? atom_intern(vm, s) : atom_lookup(vm, s);
    k->atom = a ? value_from_string(a) : VALUE_UNDEFINED;
    return;
  }
  if (value_is_number(key)) {
    double d = value_to_number(key);
    char buf[32];
    if (d >= 0 && d < 4294967295.0 && d == (double)(uint32_t)d) {
      k->is_index = true, k->index = (uint32_t)d, k->atom = VALUE_UNDEFINED;
      return; /* the atom is made only if a keyed property needs it */
    }
    k->atom = atom_of_text(vm, vm_number_to_cstr(d, buf), create);
    return;
  }
  const char *text = key == VALUE_NULL ? "null" : key == VALUE_TRUE ? "true"
                   : key == VALUE_FALSE ? "false" : key == VALUE_UNDEFINED ? "undefined" : NULL;
  if (!text) PANIC("key_resolve: an object is not a property key (use ToPropertyKey)");
  k->atom = atom_of_text(vm, text, create);
}

/* The key's atom; with create, made if missing (may allocate). */
static Value key_atom(VM *vm, Key *k, bool create) {
  if (k->atom != VALUE_UNDEFINED) return k->atom;
  if (k->is_index) {
    String *a = atom_of_index(vm, k->index, create);
    if (a) k->atom = value_from_string(a);
  } else if (create) {
    key_resolve(vm, k->text, k, true);
  }
  return k->atom;
}

/* ==== Finding own properties ==== */

typedef enum PropKind {
  PROP_SLOT,       /* o->slots[where] */
  PROP_ELEMENT,    /* ((Array *)o)->elements[where] */
  PROP_LENGTH,     /* an array's length */
  PROP_CHAR,       /* a String wrapper's character at where */
  PROP_STRING_LENGTH,
  PROP_MAPPED,     /* a mapped arguments object's index where: its parameter's Cell */
  PROP_TYPED,      /* a typed array's element at where */
  PROP_NONE,       /* a typed array's numeric key with no element: absent, and the search
                      stops there (the prototype chain is not consulted) */
} PropKind;

typedef struct Prop {
  PropKind kind;
  uint32_t where;
  uint8_t attrs;
} Prop;

static bool find_in_shape(VM *vm, Object *o, Key *k, Prop *p) {
  Value atom = key_atom(vm, k, false);
  if (atom == VALUE_UNDEFINED) return false;
  int pos = shape_find(o->shape, atom);
  if (pos < 0) return false;
  *p = (Prop){PROP_SLOT, (uint32_t)pos, o->shape->props[pos].attrs};
  return true;
}

static bool find_in_array(VM *vm, Array *a, Key *k, Prop *p) {
  if (k->is_index) {
    if (k->index < a->length && k->index < a->capacity && a->elements[k->index] != VALUE_HOLE) {
      *p = (Prop){PROP_ELEMENT, k->index, ATTR_DEFAULT};
      return true;
    }
    return (a->base.flags & ARRAY_SPARSE) && find_in_shape(vm, &a->base, k, p);
  }
  if (vm->atom_length && k->atom == value_from_string(vm->atom_length)) {
    uint8_t w = (a->base.flags & ARRAY_LENGTH_READONLY) ? 0 : ATTR_WRITABLE;
    *p = (Prop){PROP_LENGTH, 0, w};
    return true;
  }
  return find_in_shape(vm, &a->base, k, p);
}

/* A String wrapper object's own characters and length (String exotic objects); false
 * for any other key, which the shape holds. */
static bool find_in_string_wrapper(VM *vm, Object *o, Key *k, Prop *p) {
  Value prim = ((Boxed *)o)->primitive;
  if (value_is_string(prim)) {
    uint32_t n = value_to_string(prim)->length;
    if (k->is_index && k->index < n) {
      *p = (Prop){PROP_CHAR, k->index, ATTR_ENUMERABLE};
      return true;
    }
    if (vm->atom_length && k->atom == value_from_string(vm->atom_length)) {
      *p = (Prop){PROP_STRING_LENGTH, n, 0};
      return true;
    }
  }
  return false;
}

/* A mapped arguments object's mapped indices (the shape holds every other key). */
static bool find_in_mapped(MappedArguments *m, Key *k, Prop *p) {
  if (!k->is_index || k->index >= m->count || !m->map[k->index].cell) return false;
  *p = (Prop){PROP_MAPPED, k->index, m->map[k->index].attrs};
  return true;
}

//> vm.find-in-typed
/* A typed array (an integer-indexed exotic object): every canonical numeric key is its
 * element or nothing (PROP_NONE); only other keys live in the shape. */
static bool find_in_typed(VM *vm, ArrayView *v, Key *k, Prop *p) {
  if (k->is_index) {
    bool valid = k->index < view_length(v);
    *p = (Prop){valid ? PROP_TYPED : PROP_NONE, k->index, ATTR_DEFAULT};
    return true;
  }
  if (value_is_number(k->text) ||
      (value_is_string(k->text) && typed_numeric_key(vm, value_to_string(k->text)))) {
    *p = (Prop){PROP_NONE, 0, ATTR_DEFAULT};
    return true;
  }
  return find_in_shape(vm, &v->base, k, p);
}
//< vm.find-in-typed

//> vm.own-find
/* Where o keeps its own property k, if it has one. Never allocates. */
static bool own_find(VM *vm, Object *o, Key *k, Prop *p) {
  if (o->klass == CLASS_ARRAY) return find_in_array(vm, (Array *)o, k, p);
  if (o->klass == CLASS_STRING && find_in_string_wrapper(vm, o, k, p)) return true;
  if (class_is_typed(o->klass)) return find_in_typed(vm, (ArrayView *)o, k, p);
  if (value_is_string(k->atom) || value_is_symbol(k->atom)) { /* the hot path */
    int pos = shape_find(o->shape, k->atom);
    if (pos >= 0) {
      *p = (Prop){PROP_SLOT, (uint32_t)pos, o->shape->props[pos].attrs};
      return true;
    }
  } else if (find_in_shape(vm, o, k, p)) {
    return true;
  } /* a mapped index is never in the shape: asked only after a miss */
  return is_mapped_arguments(o) && find_in_mapped((MappedArguments *)o, k, p);
}
//< vm.own-find

/* The raw value of a found property (an Accessor thing for accessors). */
static Value prop_value(VM *vm, Object *o, const Prop *p) {
  switch (p->kind) {
  case PROP_SLOT: return o->slots[p->where];
  case PROP_ELEMENT: return ((Array *)o)->elements[p->where];
  case PROP_LENGTH: return value_from_number(((Array *)o)->length);
  case PROP_STRING_LENGTH: return value_from_number(p->where);
  case PROP_CHAR: {
    String *s = value_to_string(((Boxed *)o)->primitive);
    return value_from_string(string_substring(vm, s, p->where, p->where + 1));
  }
  case PROP_MAPPED: return ((MappedArguments *)o)->map[p->where].cell->value;
  case PROP_TYPED: return typed_get((ArrayView *)o, p->where);
  case PROP_NONE: return VALUE_UNDEFINED;
  }
  return VALUE_UNDEFINED;
}

int object_find_slot(Object *o, Value key, uint8_t *attrs) {
  int pos = shape_find(o->shape, key);
  if (pos >= 0 && attrs) *attrs = o->shape->props[pos].attrs;
  return pos;
}

static bool is_length_text(const String *s) {
  return !s->wide && s->length == 6 && memcmp(s->data, "length", 6) == 0;
}

Value object_get_own(Object *o, Value key, bool *found) {
  *found = true;
  if (o->klass == CLASS_ARRAY && value_is_string(key)) {
    Array *a = (Array *)o;
    uint32_t i;
    if (string_to_array_index(value_to_string(key), &i) && i < a->length && i < a->capacity &&
        a->elements[i] != VALUE_HOLE)
      return a->elements[i];
    if (is_length_text(value_to_string(key))) return value_from_number(a->length);
  }
  int pos = shape_find(o->shape, key);
  if (pos >= 0) return o->slots[pos];
  *found = false;
  return VALUE_UNDEFINED;
}

/* ==== Adding and removing keyed properties ==== */

static inline void slots_reserve(VM *vm, Object *o, uint32_t need) {
  if (need <= o->slot_capacity) return;
  uint32_t cap = o->slot_capacity ? o->slot_capacity * 2 : 4;
  while (cap < need) cap *= 2;
  gc_account(vm, (ptrdiff_t)(cap - o->slot_capacity) * (ptrdiff_t)sizeof(Value));
  Value *s = gc_block_alloc(vm, cap * sizeof(Value)); /* the slots move to a new block */
  if (o->slot_capacity) memcpy(s, o->slots, o->slot_capacity * sizeof(Value));
  gc_block_free(vm, o->slots, o->slot_capacity * sizeof(Value));
  o->slots = s;
  o->slot_capacity = cap;
}

void object_reserve_slots(VM *vm, Object *o, uint32_t count) { slots_reserve(vm, o, count); }

static bool add_step_replayable(VM *vm, Object *o, Shape *before, Shape *s, Value key);

const void *vm_add_run_start(Value obj) { return value_to_object(obj)->shape; }

/* Each of the n adds since start must be replayable on its own, as object_set's or
 * SET_PROP's would be; they then watch the chain, and the epochs date the run. */
void vm_add_run_learn(VM *vm, Value obj, VMAddRun *run, const void *start, int n) {
  Object *o = value_to_object(obj);
  Shape *s = o->shape;
  for (int i = 0; i < n; i++, s = s->parent)
    if (!s->parent || !add_step_replayable(vm, o, s->parent, s, s->props[s->count - 1].key)) return;
  if (s != start) return;
  *run = (VMAddRun){vm, start, o->shape, o->proto, {vm->cache_epoch, vm->proto_epoch}};
}

bool vm_add_run_ready(VM *vm, Value obj, const VMAddRun *run) {
  return run->vm == vm && value_is_object(obj) &&
         object_add_allowed(vm, value_to_object(obj), (const Shape *)run->from,
                            (const Object *)run->proto, run->epochs);
}

/* values: one per add, in the run's order. Only after vm_add_run_ready said yes. */
void vm_add_run_replay(VM *vm, Value obj, const VMAddRun *run, const Value *values) {
  Object *o = value_to_object(obj);
  const Shape *from = run->from, *to = run->to;
  slots_reserve(vm, o, to->count);
  memcpy(o->slots + from->count, values, (to->count - from->count) * sizeof(Value));
  o->shape = (Shape *)to;
}

/* One shape serves every object with the same keys in the same order, whatever its
 * prototype: the copy takes the template's shape and its slots as they are. */
bool vm_copy_fields(VM *vm, Value obj, Value template) {
  Object *o = value_to_object(obj), *t = value_to_object(template);
  Shape *s = t->shape;
  if (o->shape != vm->root_shape || s->dictionary || !o->extensible ||
      (class_flags(o) & (CLASS_INDEXED | CLASS_EXOTIC)))
    return false;
  for (uint32_t i = 0; i < s->count; i++)
    if (s->props[i].attrs & ATTR_ACCESSOR) return false; /* an Accessor is not a value */
  slots_reserve(vm, o, s->count);
  memcpy(o->slots, t->slots, s->count * sizeof(Value));
  o->shape = s;
  return true;
}

//> vm.add-property
/* Give o a new keyed property (atom is not in its shape yet). */
static void add_keyed(VM *vm, Object *o, Value atom, Value v, uint8_t attrs) {
  object_touch(vm, o);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, atom); /* shape_add may allocate, and so collect */
  vm_handle_push(vm, v);
  Shape *s = shape_add(vm, o->shape, atom, attrs);
  slots_reserve(vm, o, s->count);
  o->slots[s->count - 1] = v;
  o->shape = s;
  vm_handle_reset(vm, mark);
}
//< vm.add-property

/* Forget o's keyed property at pos. */
static void delete_keyed(VM *vm, Object *o, uint32_t pos) {
  Shape *s = o->shape;
  object_touch(vm, o);
  o->slots[pos] = VALUE_UNDEFINED;
  if (!s->dictionary && s->parent && pos == s->count - 1) {
    o->shape = s->parent; /* deleting the newest key just steps back along the chain */
    return;
  }
  if (!s->dictionary) o->shape = s = shape_to_dictionary(vm, s);
  shape_dictionary_delete(s, pos);
  if (s->deleted > 8 && s->deleted * 2 > s->count) shape_dictionary_compact(s, o->slots);
}

/* Give o's keyed property at pos new attributes. */
static void change_attrs(VM *vm, Object *o, uint32_t pos, uint8_t attrs) {
  object_touch(vm, o);
  if (!o->shape->dictionary) o->shape = shape_to_dictionary(vm, o->shape);
  o->shape->props[pos].attrs = attrs;
}

/* ==== Arrays ==== */

/* Store v at index i of a (absent so far), densely if i is near enough. */
/* Should a write at index i, near the end but past the vector, grow it? (Appending and
 * small arrays always do: array_add_index tests that first.) Only while a quarter of the
 * vector would be in use, so that writes at 2, 6, 14, ... 2^31 - 2 do not double it to
 * gigabytes of holes. Out of line: it is rare, and array_add_index stays small. */
static __attribute__((noinline)) bool dense_enough(const Array *a, uint32_t i) {
  uint32_t used = 0, n = array_dense_length(a);
  for (uint32_t j = 0; j < n; j++) used += a->elements[j] != VALUE_HOLE;
  return (uint64_t)used * 4 >= i;
}

static bool array_add_index(VM *vm, Array *a, Key *k, Value v, uint8_t attrs) {
  uint32_t i = k->index;
  if (i >= a->length && (a->base.flags & ARRAY_LENGTH_READONLY)) return false;
  bool near = (uint64_t)i <= (uint64_t)a->capacity * 2 + ARRAY_FAR_GAP;
  /* the usual cases: inside the vector, just past it (no hole made), or a small index */
  bool fits = i <= a->capacity || i == a->length || i < ARRAY_DENSE_MIN;
  if (attrs == ATTR_DEFAULT && near && (fits || dense_enough(a, i))) {
    int mark = vm_handle_mark(vm);
    vm_handle_push(vm, v);
    elements_reserve(vm, a, i + 1);
    vm_handle_reset(vm, mark);
    a->elements[i] = v;
  } else {
    int mark = vm_handle_mark(vm);
    vm_handle_push(vm, v);
    Value atom = key_atom(vm, k, true);
    a->base.flags |= ARRAY_SPARSE;
    add_keyed(vm, &a->base, atom, v, attrs);
    vm_handle_reset(vm, mark);
  }
  if (i >= a->length) {
    uint32_t dense_end = a->capacity < i ? a->capacity : i;
    if (a->length < dense_end) fill_holes(a->elements, a->length, dense_end);
    a->length = i + 1;
  }
  return true;
}

/* May a write of a new index to a skip [[Set]]'s walk up the prototype chain: does no
 * prototype have an index property (a setter there would have to run)? An array
 * prototype has none exactly when its length is 0. */
bool array_protos_plain(const Array *a) {
  for (const Object *p = a->base.proto; p; p = p->proto) {
    if (p->klass == CLASS_ARRAY ? ((const Array *)p)->length != 0
                                : p->shape->has_index_keys ||
                                      (class_flags(p) & (CLASS_INDEXED | CLASS_EXOTIC)))
      return false;
  }
  return true;
}

bool vm_array_protos_plain(Value arr) { return array_protos_plain((Array *)value_to_object(arr)); }

bool array_push(VM *vm, Array *a, Value v) {
  if (!a->base.extensible || (a->base.flags & ARRAY_LENGTH_READONLY) || a->length == UINT32_MAX)
    return false;
  if (a->length < a->capacity) {
    a->elements[a->length++] = v;
    return true;
  }
  Key k = {VALUE_UNDEFINED, VALUE_UNDEFINED, a->length, true};
  return array_add_index(vm, a, &k, v, ATTR_DEFAULT);
}

/* The keyed index properties of a at or past length, in a malloc'd list. */
static Value *sparse_keys_from(Array *a, uint32_t length, uint32_t *count) {
  Shape *s = a->base.shape;
  Value *keys = mem_alloc((s->count ? s->count : 1) * sizeof(Value));
  *count = 0;
  for (uint32_t pos = 0; pos < s->count; pos++) {
    uint32_t i;
    Value key = s->props[pos].key;
    if (value_is_string(key) && string_to_array_index(value_to_string(key), &i) && i >= length)
      keys[(*count)++] = key;
  }
  return keys;
}

/* Remove the keyed index properties >= length. A non-configurable one stops
 * the truncation just above itself; returns the length actually reached. */
static uint32_t truncate_sparse(VM *vm, Array *a, uint32_t length) {
  uint32_t n, i;
  Value *keys = sparse_keys_from(a, length, &n);
  for (uint32_t k = 0; k < n; k++) {
    int pos = shape_find(a->base.shape, keys[k]);
    string_to_array_index(value_to_string(keys[k]), &i);
    if (!(a->base.shape->props[pos].attrs & ATTR_CONFIGURABLE) && i >= length) length = i + 1;
  }
  for (uint32_t k = 0; k < n; k++) { /* positions move as we delete: look each one up */
    string_to_array_index(value_to_string(keys[k]), &i);
    if (i >= length) delete_keyed(vm, &a->base, (uint32_t)shape_find(a->base.shape, keys[k]));
  }
  free(keys);
  return length;
}

bool array_set_length(VM *vm, Array *a, uint32_t length) {
  bool ok = true;
  if (length < a->length) {
    if (a->base.flags & ARRAY_SPARSE) {
      uint32_t reached = truncate_sparse(vm, a, length);
      ok = reached == length;
      length = reached;
    }
    uint32_t end = a->length < a->capacity ? a->length : a->capacity;
    if (length < end) fill_holes(a->elements, length, end);
    if (a->capacity > 64 && length < a->capacity / 4) { /* give memory back */
      uint32_t cap = length < 8 ? 8 : length;
      gc_account(vm, -(ptrdiff_t)((a->capacity - cap) * sizeof(Value)));
      a->elements = gc_block_resize(vm, a->elements, a->capacity * sizeof(Value), cap * sizeof(Value));
      a->capacity = cap;
    }
  } else {
    uint32_t end = length < a->capacity ? length : a->capacity;
    if (a->length < end) fill_holes(a->elements, a->length, end);
  }
  a->length = length;
  return ok;
}

Value array_length_convert(VM *vm, Value v) {
  Value n = value_is_number(v) ? v : vm_to_number(vm, v);
  if (value_is_exception(n)) return n;
  uint32_t length = conv_to_uint32(value_to_number(n));
  if (!value_is_number(v) && value_is_exception(n = vm_to_number(vm, v))) return n;
  if (value_to_number(n) != (double)length)
    return vm_throw_error(vm, ERR_RANGE, "Invalid array length");
  return value_from_number(length);
}

/* Assigning to an array's length. */
static Value array_assign_length(VM *vm, Array *a, Value v) {
  Value n = array_length_convert(vm, v);
  if (value_is_exception(n)) return n;
  if (a->base.flags & ARRAY_LENGTH_READONLY) return VALUE_FALSE;
  return value_from_bool(array_set_length(vm, a, (uint32_t)value_to_number(n)));
}

/* ==== [[Get]], [[Set]], [[HasProperty]] ==== */

/* Like a native's call, an exotic method's handle scope ends when it returns (mark was
 * taken before the call): whatever it pushed, trap results included, is dropped. */
static inline Value exotic_call_end(VM *vm, int mark, Value result) {
  vm_handle_reset(vm, mark);
  return result;
}

static Value call_getter(VM *vm, Value accessor, Value receiver) {
  Accessor *acc = value_to_ptr(accessor);
  if (value_is_undefined(acc->getter)) return VALUE_UNDEFINED;
  return vm_call(vm, acc->getter, receiver, 0, NULL);
}

//> vm.object-get
Value object_get(VM *vm, Object *o, Value key, Value receiver) {
  Key k;
  key_resolve(vm, key, &k, false);
  for (Object *cur = o; cur; cur = cur->proto) {
    Prop p;
    if (!own_find(vm, cur, &k, &p)) {
      const ExoticMethods *m = exotic_of(vm, cur); /* tested only after a miss */
      if (!m || !m->get) continue;
      int mark = vm_handle_mark(vm);
      return exotic_call_end(vm, mark, m->get(vm, cur, key_atom(vm, &k, true), receiver));
    }
    if (p.attrs & ATTR_ACCESSOR) return call_getter(vm, cur->slots[p.where], receiver);
    return prop_value(vm, cur, &p);
  }
  return VALUE_UNDEFINED;
}
//< vm.object-get

Value object_has(VM *vm, Object *o, Value key) {
  Key k;
  key_resolve(vm, key, &k, false);
  Prop p;
  for (Object *cur = o; cur; cur = cur->proto) {
    if (own_find(vm, cur, &k, &p)) return value_from_bool(p.kind != PROP_NONE);
    const ExoticMethods *m = exotic_of(vm, cur);
    if (!m || !m->has_property) continue;
    int mark = vm_handle_mark(vm);
    return exotic_call_end(vm, mark, m->has_property(vm, cur, key_atom(vm, &k, true)));
  }
  return VALUE_FALSE;
}

/* TypedArraySetElement: ToNumber first (it may run code that shrinks the buffer), then
 * store if the index is still valid. index < 0 only converts. */
static Value typed_write(VM *vm, ArrayView *view, double index, Value v) {
  Value n = value_is_number(v) ? v : vm_to_number(vm, v);
  if (value_is_exception(n)) return n;
  typed_set(view, index, value_to_number(n));
  return VALUE_TRUE;
}

/* Write v into an existing writable data property. */
static Value prop_write(VM *vm, Object *o, const Prop *p, Value v) {
  switch (p->kind) {
  case PROP_SLOT: o->slots[p->where] = v; return VALUE_TRUE;
  case PROP_ELEMENT: ((Array *)o)->elements[p->where] = v; return VALUE_TRUE;
  case PROP_LENGTH: return array_assign_length(vm, (Array *)o, v);
  case PROP_MAPPED: ((MappedArguments *)o)->map[p->where].cell->value = v; return VALUE_TRUE;
  case PROP_TYPED: return typed_write(vm, (ArrayView *)o, p->where, v);
  default: return VALUE_FALSE;
  }
}

/* A new own data property on o (which does not have k). False if not extensible. */
static bool add_property(VM *vm, Object *o, Key *k, Value v, uint8_t attrs) {
  if (!o->extensible) return false;
  if (o->klass == CLASS_ARRAY && k->is_index) return array_add_index(vm, (Array *)o, k, v, attrs);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, v);
  add_keyed(vm, o, key_atom(vm, k, true), v, attrs);
  vm_handle_reset(vm, mark);
  return true;
}

static Value call_setter(VM *vm, Value accessor, Value receiver, Value v) {
  Accessor *acc = value_to_ptr(accessor);
  if (value_is_undefined(acc->setter)) return VALUE_FALSE;
  Value r = vm_call(vm, acc->setter, receiver, 1, &v);
  return value_is_exception(r) ? r : VALUE_TRUE;
}

/* OrdinarySet's last step on an exotic receiver (a proxy reached through its target's
 * [[Set]]): through its own [[GetOwnProperty]] and [[DefineOwnProperty]]. */
static Value set_on_exotic(VM *vm, Value receiver, Value key, Value v) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, receiver), vm_handle_push(vm, key), vm_handle_push(vm, v);
  PropertyInfo info;
  Value r = vm_own_property(vm, receiver, key, &info);
  if (r == VALUE_TRUE && (info.is_accessor || !(info.attrs & ATTR_WRITABLE))) {
    r = VALUE_FALSE;
  } else if (!value_is_exception(r)) { /* update the value, or create a data property */
    bool create = r == VALUE_FALSE;
    PropertyDescriptor d = {.value = v,
                            .getter = VALUE_UNDEFINED,
                            .setter = VALUE_UNDEFINED,
                            .has_value = true,
                            .has_writable = create,
                            .has_enumerable = create,
                            .has_configurable = create,
                            .writable = true,
                            .enumerable = true,
                            .configurable = true};
    r = vm_define_property(vm, receiver, key, &d);
  }
  vm_handle_reset(vm, mark);
  return r;
}

/* OrdinarySet's last step: the property was not found as an own data property of
 * the receiver on the way up, so create or update it on the receiver. */
static Value set_on_receiver(VM *vm, Value receiver, Key *k, Value v, bool checked) {
  if (!value_is_object(receiver)) return VALUE_FALSE;
  Object *r = value_to_object(receiver);
  if (exotic_of(vm, r)) return set_on_exotic(vm, receiver, key_atom(vm, k, true), v);
  Prop p;
  if (!checked && own_find(vm, r, k, &p)) {
    if ((p.attrs & ATTR_ACCESSOR) || !(p.attrs & ATTR_WRITABLE)) return VALUE_FALSE;
    return prop_write(vm, r, &p, v);
  }
  return value_from_bool(add_property(vm, r, k, v, ATTR_DEFAULT));
}

/* ==== Replaying adds ==== */

//> vm.add-replayable
/* May the add of key that took o from shape before to shape s be replayed? */
static bool add_step_replayable(VM *vm, Object *o, Shape *before, Shape *s, Value key) {
  if (before->dictionary || s->parent != before || !o->proto || o->watched ||
      (class_flags(o) & (CLASS_INDEXED | CLASS_EXOTIC)))
    return false;
  const ShapeProp *last = &s->props[s->count - 1];
  if (last->key != key || last->attrs != ATTR_DEFAULT) return false;
  for (Object *p = o->proto; p; p = p->proto) {
    if (class_flags(p) & (CLASS_INDEXED | CLASS_EXOTIC)) return false;
    int slot = shape_find(p->shape, key);
    if (slot >= 0 && (p->shape->props[slot].attrs & (ATTR_ACCESSOR | ATTR_WRITABLE)) != ATTR_WRITABLE)
      return false;
  }
  for (Object *p = o->proto; p; p = p->proto) p->watched = 1;
  return true;
}

bool object_add_replayable(VM *vm, Object *o, Shape *before, Value key) {
  return add_step_replayable(vm, o, before, o->shape, key);
}

bool object_replay_add(VM *vm, Object *o, Shape *from, Object *proto, Shape *to,
                       const uint32_t epochs[2], Value v) {
  if (!object_add_allowed(vm, o, from, proto, epochs)) return false;
  slots_reserve(vm, o, to->count);
  o->slots[to->count - 1] = v;
  o->shape = to;
  return true;
}
//< vm.add-replayable

static AddCacheEntry *add_cache_entry(VM *vm, Shape *from, Value key) {
  uintptr_t h = (uintptr_t)from ^ (uintptr_t)key ^ ((uintptr_t)key >> 11);
  return &vm->add_cache[(h >> 4) & (ADD_CACHE_SIZE - 1)];
}

/* object_set on o itself, key not among o's own: an add C code made before? */
static bool add_replay(VM *vm, Object *o, Value key, Value v) {
  AddCacheEntry *e = add_cache_entry(vm, o->shape, key);
  return e->key == key && object_replay_add(vm, o, e->from, e->proto, e->to, e->epochs, v);
}

static void add_remember(VM *vm, Object *o, Shape *before, Value key) {
  if (!object_add_replayable(vm, o, before, key)) return;
  *add_cache_entry(vm, before, key) =
      (AddCacheEntry){before, o->shape, o->proto, key, {vm->cache_epoch, vm->proto_epoch}};
}

//> vm.object-set
/* OrdinarySet: the first of o and its prototypes to have the key decides (a setter, a
 * read-only property, or a writable one to write or shadow); if none has it, the
 * receiver gets a new data property. */
static Value ordinary_set(VM *vm, Object *o, Key *k, Value v, Value receiver) {
  bool own = receiver == value_from_object(o);
  for (Object *cur = o; cur; cur = cur->proto) {
    Prop p;
    if (!own_find(vm, cur, k, &p)) {
      const ExoticMethods *m = exotic_of(vm, cur);
      if (!m || !m->set) continue;
      int mark = vm_handle_mark(vm);
      return exotic_call_end(vm, mark, m->set(vm, cur, key_atom(vm, k, true), v, receiver));
    }
    if (p.kind == PROP_NONE) /* a typed array's invalid index: convert (as V8 does), drop */
      return receiver == value_from_object(cur) ? typed_write(vm, (ArrayView *)cur, -1, v)
                                                : VALUE_TRUE;
    if (p.attrs & ATTR_ACCESSOR) return call_setter(vm, cur->slots[p.where], receiver, v);
    if (!(p.attrs & ATTR_WRITABLE)) return VALUE_FALSE;
    if (cur == o && own) return prop_write(vm, cur, &p, v); /* the common case */
    break; /* a writable data property up the chain: shadow it on the receiver */
  }
  return set_on_receiver(vm, receiver, k, v, own);
}

/* [[Set]]. An add is remembered, and replayed on the next object of the same shape and
 * prototype without the walk (add_replay; chapter 5 explains the add caches). */
Value object_set(VM *vm, Object *o, Value key, Value v, Value receiver) {
  Key k;
  key_resolve(vm, key, &k, false);
  if (receiver != value_from_object(o) || k.is_index || k.atom == VALUE_UNDEFINED)
    return ordinary_set(vm, o, &k, v, receiver);
  if (add_replay(vm, o, k.atom, v)) return VALUE_TRUE;
  Shape *before = o->shape;
  Value r = ordinary_set(vm, o, &k, v, receiver);
  if (r == VALUE_TRUE && o->shape != before) add_remember(vm, o, before, k.atom);
  return r;
}
//< vm.object-set

/* ==== [[DefineOwnProperty]] and [[Delete]] ==== */

bool vm_same_value(Value a, Value b) {
  if (value_is_number(a) && value_is_number(b)) {
    double x = value_to_number(a), y = value_to_number(b);
    if (x != x) return y != y;
    return x == y && signbit(x) == signbit(y);
  }
  if (value_is_string(a) && value_is_string(b))
    return string_equal(value_to_string(a), value_to_string(b));
  return a == b;
}

/* May a non-configurable property with attrs old take (v, attrs)? */
static bool frozen_change_ok(VM *vm, Object *o, const Prop *p, Value v, uint8_t attrs) {
  uint8_t old = p->attrs;
  if ((attrs & ATTR_CONFIGURABLE) || ((attrs ^ old) & (ATTR_ENUMERABLE | ATTR_ACCESSOR)))
    return false;
  Value cur = prop_value(vm, o, p);
  if (old & ATTR_ACCESSOR) {
    Accessor *x = value_to_ptr(cur), *y = value_to_ptr(v);
    return x == y || (x->getter == y->getter && x->setter == y->setter);
  }
  if (old & ATTR_WRITABLE) return true;
  return !(attrs & ATTR_WRITABLE) && vm_same_value(cur, v);
}

static bool redefine_length(VM *vm, Array *a, Value v, uint8_t attrs) {
  if (attrs & (ATTR_ENUMERABLE | ATTR_CONFIGURABLE | ATTR_ACCESSOR)) return false;
  if (!value_is_number(v)) return false;
  double d = value_to_number(v);
  if (!(d >= 0 && d <= 4294967295.0 && d == floor(d))) return false;
  bool readonly = a->base.flags & ARRAY_LENGTH_READONLY;
  if (readonly && ((uint32_t)d != a->length || (attrs & ATTR_WRITABLE)))
    return false; /* a read-only length keeps its value, and stays read-only */
  bool ok = array_set_length(vm, a, (uint32_t)d);
  if (!(attrs & ATTR_WRITABLE)) a->base.flags |= ARRAY_LENGTH_READONLY;
  return ok;
}

/* A typed array's element takes only a writable, enumerable, configurable data value,
 * a number (vm_define_property converted it; anything else stores NaN). */
static bool redefine_typed(ArrayView *view, const Prop *p, Value v, uint8_t attrs) {
  if (p->kind == PROP_NONE || attrs != ATTR_DEFAULT) return false;
  typed_set(view, p->where, value_is_number(v) ? value_to_number(v) : NAN);
  return true;
}

/* A mapped index redefined (ECMA-262 10.4.4.2): a data value goes to the parameter too;
 * an accessor or a read-only value ends the mapping and becomes an ordinary property. */
static bool redefine_mapped(VM *vm, MappedArguments *m, Key *k, const Prop *p, Value v,
                            uint8_t attrs) {
  if (!(attrs & ATTR_ACCESSOR)) m->map[p->where].cell->value = v;
  if (!(attrs & ATTR_ACCESSOR) && (attrs & ATTR_WRITABLE)) {
    m->map[p->where].attrs = attrs;
    return true;
  }
  m->map[p->where].cell = NULL;
  add_keyed(vm, &m->base, key_atom(vm, k, true), v, attrs);
  return true;
}

/* Redefine an existing own property with a new value and attributes. */
static bool redefine(VM *vm, Object *o, Key *k, const Prop *p, Value v, uint8_t attrs) {
  if (p->kind >= PROP_TYPED) return redefine_typed((ArrayView *)o, p, v, attrs);
  if (!(p->attrs & ATTR_CONFIGURABLE) && !frozen_change_ok(vm, o, p, v, attrs)) return false;
  switch (p->kind) {
  case PROP_MAPPED: return redefine_mapped(vm, (MappedArguments *)o, k, p, v, attrs);
  case PROP_SLOT:
    if (attrs != p->attrs) change_attrs(vm, o, p->where, attrs);
    o->slots[p->where] = v;
    return true;
  case PROP_ELEMENT:
    if (attrs == ATTR_DEFAULT) {
      ((Array *)o)->elements[p->where] = v;
      return true;
    }
    ((Array *)o)->elements[p->where] = VALUE_HOLE; /* unusual attributes: keep it keyed */
    return array_add_index(vm, (Array *)o, k, v, attrs);
  case PROP_LENGTH: return redefine_length(vm, (Array *)o, v, attrs);
  default: return true; /* a String wrapper's fixed parts: frozen_change_ok said it is the same */
  }
}

/* object_define_own on an exotic object: its [[DefineOwnProperty]] with a complete
 * descriptor; false when refused, or with the exception pending when it threw. */
static bool define_on_exotic(VM *vm, Object *o, Value key, Value v, uint8_t attrs) {
  int mark = vm_handle_mark(vm);
  Value obj = vm_handle_push(vm, value_from_object(o));
  vm_handle_push(vm, v);
  bool acc = attrs & ATTR_ACCESSOR;
  Accessor *a = acc ? value_to_ptr(v) : NULL;
  PropertyDescriptor d = {.value = acc ? VALUE_UNDEFINED : v,
                          .getter = acc ? a->getter : VALUE_UNDEFINED,
                          .setter = acc ? a->setter : VALUE_UNDEFINED,
                          .has_value = !acc,
                          .has_getter = acc,
                          .has_setter = acc,
                          .has_writable = !acc,
                          .has_enumerable = true,
                          .has_configurable = true,
                          .writable = attrs & ATTR_WRITABLE,
                          .enumerable = attrs & ATTR_ENUMERABLE,
                          .configurable = attrs & ATTR_CONFIGURABLE};
  Value r = vm_define_property(vm, obj, key, &d);
  vm_handle_reset(vm, mark);
  return r == VALUE_TRUE;
}

/* A define that adds a key (an object literal's, vm_define_str's) needs no walk up the
 * prototype chain, only the shape's transition: object_set's add cache remembers it,
 * with no prototype (so that object_set never replays it), and any entry there from
 * o's shape with key serves, whoever made it, if it gives key the same attributes. */
static bool define_replay(VM *vm, Object *o, Value key, Value v, uint8_t attrs) {
  AddCacheEntry *e = add_cache_entry(vm, o->shape, key);
  if (e->key != key || e->from != o->shape || e->epochs[0] != vm->cache_epoch ||
      e->to->props[e->to->count - 1].attrs != attrs || !o->extensible ||
      (class_flags(o) & (CLASS_INDEXED | CLASS_EXOTIC)))
    return false;
  object_touch(vm, o);
  slots_reserve(vm, o, e->to->count);
  o->slots[e->to->count - 1] = v;
  o->shape = e->to;
  return true;
}

static void define_remember(VM *vm, Object *o, Shape *before, Value key) {
  if (before->dictionary || o->shape->parent != before) return;
  *add_cache_entry(vm, before, key) =
      (AddCacheEntry){before, o->shape, NULL, key, {vm->cache_epoch, 0}};
}

bool object_define_own(VM *vm, Object *o, Value key, Value v, uint8_t attrs) {
  if (define_replay(vm, o, key, v, attrs)) return true;
  bool private_name = value_is_symbol(key) && value_to_symbol(key)->is_private;
  if (!private_name && exotic_of(vm, o)) /* #x lives on the object itself, proxy or not */
    return define_on_exotic(vm, o, key, v, attrs);
  Key k;
  key_resolve(vm, key, &k, false);
  Prop p;
  if (!own_find(vm, o, &k, &p)) {
    Shape *before = o->shape;
    if (!add_property(vm, o, &k, v, attrs)) return false;
    if (!k.is_index) define_remember(vm, o, before, k.atom);
    return true;
  }
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, v); /* a change of attributes may allocate a dictionary shape */
  bool ok = redefine(vm, o, &k, &p, v, attrs);
  vm_handle_reset(vm, mark);
  return ok;
}

bool object_delete_own(VM *vm, Object *o, Value key) {
  Key k;
  key_resolve(vm, key, &k, false);
  Prop p;
  if (!own_find(vm, o, &k, &p)) return true;
  if (!(p.attrs & ATTR_CONFIGURABLE) || p.kind == PROP_TYPED) return false;
  if (p.kind == PROP_ELEMENT) ((Array *)o)->elements[p.where] = VALUE_HOLE;
  else if (p.kind == PROP_MAPPED) ((MappedArguments *)o)->map[p.where].cell = NULL;
  else if (p.kind == PROP_SLOT) delete_keyed(vm, o, p.where);
  return true;
}

/* ==== Own keys in spec order ==== */

typedef struct IndexKey {
  uint32_t index;
  Value atom; /* VALUE_UNDEFINED for a dense element: made when output */
} IndexKey;

static int index_key_cmp(const void *a, const void *b) {
  uint32_t x = ((const IndexKey *)a)->index, y = ((const IndexKey *)b)->index;
  return x < y ? -1 : x > y;
}

/* Is index i, below o's count of virtual indices, one of its own keys? */
static bool dense_index_present(Object *o, uint32_t i, bool only_enumerable) {
  if (o->klass == CLASS_ARRAY) return ((Array *)o)->elements[i] != VALUE_HOLE;
  if (o->klass != CLASS_ARGUMENTS) return true; /* characters, typed elements */
  MappedArguments *m = (MappedArguments *)o;
  return m->map[i].cell && (!only_enumerable || (m->map[i].attrs & ATTR_ENUMERABLE));
}

/* The integer keys of o (elements, characters, keyed indices, mapped arguments),
 * ascending. malloc'd. */
static IndexKey *collect_index_keys(Object *o, bool only_enumerable, uint32_t *count) {
  uint32_t dense = 0, n = 0;
  if (o->klass == CLASS_ARRAY) {
    Array *a = (Array *)o;
    dense = a->length < a->capacity ? a->length : a->capacity;
  } else if (o->klass == CLASS_STRING && value_is_string(((Boxed *)o)->primitive)) {
    dense = value_to_string(((Boxed *)o)->primitive)->length;
  } else if (class_is_typed(o->klass)) {
    dense = (uint32_t)view_length((ArrayView *)o);
  } else if (is_mapped_arguments(o)) {
    dense = ((MappedArguments *)o)->count;
  }
  Shape *s = o->shape;
  size_t room = (size_t)dense + (s->has_index_keys ? s->count : 0);
  IndexKey *keys = mem_alloc((room ? room : 1) * sizeof(IndexKey));
  for (uint32_t i = 0; i < dense; i++)
    if (dense_index_present(o, i, only_enumerable)) keys[n++] = (IndexKey){i, VALUE_UNDEFINED};
  uint32_t from = n;
  for (uint32_t pos = 0; s->has_index_keys && pos < s->count; pos++) {
    uint32_t i;
    Value key = s->props[pos].key;
    if (only_enumerable && !(s->props[pos].attrs & ATTR_ENUMERABLE)) continue;
    if (value_is_string(key) && string_to_array_index(value_to_string(key), &i))
      keys[n++] = (IndexKey){i, key};
  }
  if (n > from) qsort(keys, n, sizeof(IndexKey), index_key_cmp); /* merge the two runs */
  *count = n;
  return keys;
}

static void push_key(VM *vm, Array *out, Value key) {
  if (!array_push(vm, out, key)) PANIC("push_key: cannot grow the key list");
}

static void push_shape_keys(VM *vm, Array *out, Shape *s, bool symbols, bool only_enumerable) {
  for (uint32_t pos = 0; pos < s->count; pos++) {
    Value key = s->props[pos].key;
    uint32_t i;
    if (key == VALUE_HOLE || value_is_symbol(key) != symbols) continue;
    if (symbols && value_to_symbol(key)->is_private) continue; /* #x: never listed */
    if (only_enumerable && !(s->props[pos].attrs & ATTR_ENUMERABLE)) continue;
    if (!symbols && string_to_array_index(value_to_string(key), &i)) continue; /* done first */
    push_key(vm, out, key);
  }
}

//> vm.own-keys
Array *object_own_keys(VM *vm, Object *o, int flags) {
  bool only_enumerable = !(flags & VM_KEYS_HIDDEN);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(o)); /* the list's allocation may collect */
  Array *out = array_new(vm, 8);
  vm_handle_push(vm, value_from_object(&out->base));
  if (flags & VM_KEYS_STRINGS) {
    uint32_t n;
    IndexKey *ints = collect_index_keys(o, only_enumerable, &n);
    for (uint32_t i = 0; i < n; i++) /* 1. integer keys, ascending */
      push_key(vm, out, ints[i].atom != VALUE_UNDEFINED
                            ? ints[i].atom
                            : value_from_string(atom_of_index(vm, ints[i].index, true)));
    free(ints);
    bool virtual_length = o->klass == CLASS_ARRAY ||
                          (o->klass == CLASS_STRING && value_is_string(((Boxed *)o)->primitive));
    if (virtual_length && !only_enumerable) /* 2. length: created before any other string key */
      push_key(vm, out, common_atom(vm, vm->atom_length, "length"));
    push_shape_keys(vm, out, o->shape, false, only_enumerable); /* 3. strings, insertion order */
  }
  if (flags & VM_KEYS_SYMBOLS) push_shape_keys(vm, out, o->shape, true, only_enumerable); /* 4. */
  vm_handle_reset(vm, mark);
  return out;
}
//< vm.own-keys

/* ==== The public face (vm.h) ==== */

Value vm_object_new(VM *vm) {
  return value_from_object(object_new(vm, vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE]));
}

/* The keys are the VM's common atoms, and the two shapes are cached transitions: the
 * hot path of every iterator's next (the lookups by name cost more than the object). */
Value vm_iter_result(VM *vm, Value value, bool done) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value);
  Object *o = object_new(vm, vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE]);
  vm_handle_push(vm, value_from_object(o));
  object_define_own(vm, o, value_from_string(vm->atom_value), value, ATTR_DEFAULT);
  object_define_own(vm, o, value_from_string(vm->atom_done), value_from_bool(done), ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  return value_from_object(o);
}

Value vm_object_with_proto(VM *vm, Value proto) {
  return value_from_object(object_new(vm, value_is_object(proto) ? value_to_object(proto) : NULL));
}

Value vm_array_new(VM *vm) { return value_from_object(&array_new(vm, 0)->base); }

static Value throw_redefine(VM *vm, const char *key) {
  return vm_throw_error(vm, ERR_TYPE, "Cannot redefine property: %s", key);
}

//> vm.define-str
bool vm_define_str(VM *vm, Value obj, const char *key, Value v, int attrs) {
  if (!value_is_object(obj)) PANIC("vm_define_str: not an object");
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  vm_handle_push(vm, v);
  Value atom = vm_atom(vm, key);
  bool ok = object_define_own(vm, value_to_object(obj), atom, v, (uint8_t)(attrs & ATTR_DEFAULT));
  vm_handle_reset(vm, mark);
  if (!ok) throw_redefine(vm, key);
  return ok;
}
//< vm.define-str

bool vm_has_own_str(VM *vm, Value obj, const char *key) {
  if (!value_is_object(obj)) return false;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, obj);
  Key k;
  Prop p;
  key_resolve(vm, vm_atom(vm, key), &k, false);
  bool found = own_find(vm, value_to_object(obj), &k, &p) && p.kind != PROP_NONE;
  vm_handle_reset(vm, mark);
  return found;
}

Value vm_own_keys(VM *vm, Value obj) {
  if (!value_is_object(obj)) return vm_array_new(vm);
  return value_from_object(&object_own_keys(vm, value_to_object(obj), VM_KEYS_STRINGS)->base);
}

Value vm_prototype_of(Value obj) {
  if (!value_is_object(obj) || !value_to_object(obj)->proto) return VALUE_NULL;
  return value_from_object(value_to_object(obj)->proto);
}

uint32_t vm_array_length(Value arr) { return ((Array *)value_to_object(arr))->length; }

Value vm_array_get(VM *vm, Value arr, uint32_t index) {
  Array *a = (Array *)value_to_object(arr);
  if (index < a->length && index < a->capacity && a->elements[index] != VALUE_HOLE)
    return a->elements[index];
  return object_get(vm, &a->base, value_from_number(index), arr);
}

bool vm_array_push(VM *vm, Value arr, Value v) {
  Array *a = (Array *)value_to_object(arr);
  if (array_push(vm, a, v)) return true;
  vm_throw_error(vm, ERR_TYPE, "Cannot add property %u, object is not extensible", a->length);
  return false;
}

Value vm_native_new(VM *vm, const char *name, NativeFn fn, int length) {
  return value_from_object(
      &native_new(vm, value_from_string(atom_from_cstr(vm, name)), fn, length)->base);
}

void vm_native_set_magic(Value fn, int magic) { ((Native *)value_to_object(fn))->magic = (int16_t)magic; }

Value vm_native_with_data(VM *vm, const char *name, NativeFn fn, int length, Value data) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, data);
  Native *n = native_new(vm, value_from_string(atom_from_cstr(vm, name)), fn, length);
  n->data = data;
  vm_handle_reset(vm, mark);
  return value_from_object(&n->base);
}

/* typedarray.c - ArrayBuffers and their views: typed arrays and DataViews.
 * Book: chapter 3, "Values and objects".
 *
 * A buffer owns its bytes outside the GC heap (accounted with gc_account, freed by its
 * class's finaliser); a view holds its buffer, a byte offset and a length, or tracks a
 * resizable buffer's length. Typed arrays are exotic: object.c asks this file for the
 * element behind an index key (typed_get, typed_set) and whether a string key is numeric
 * at all (typed_numeric_key). Entry points: vm_array_buffer_new, vm_array_view_new.
 */
#include <math.h>
#include <string.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

/* ==== Element kinds ==== */

static const uint8_t kind_size[VM_TYPED_COUNT] = {1, 1, 1, 2, 2, 4, 4, 4, 8};
static const char *const kind_name[VM_TYPED_COUNT] = {
    "Int8Array",  "Uint8Array",  "Uint8ClampedArray", "Int16Array",   "Uint16Array",
    "Int32Array", "Uint32Array", "Float32Array",      "Float64Array",
};

int vm_typed_size(int kind) { return kind < 0 ? 1 : kind_size[kind]; }

const char *vm_typed_name(int kind) { return kind < 0 ? "DataView" : kind_name[kind]; }

int vm_typed_kind(Value v) {
  if (!value_is_object(v) || !class_is_typed(value_to_object(v)->klass)) return -1;
  return value_to_object(v)->klass - CLASS_INT8_ARRAY;
}

static int view_kind(const ArrayView *v) {
  return class_is_typed(v->base.klass) ? v->base.klass - CLASS_INT8_ARRAY : -1;
}

/* ==== Loading and storing one element ==== */

static bool machine_little(void) {
  uint16_t one = 1;
  return *(uint8_t *)&one == 1;
}

/* Copy n bytes, reversed when the requested byte order is not the machine's. */
static void copy_ordered(uint8_t *to, const uint8_t *from, int n, bool little) {
  if (little == machine_little()) {
    memcpy(to, from, (size_t)n);
    return;
  }
  for (int i = 0; i < n; i++) to[i] = from[n - 1 - i];
}

//> vm.typed-load
double vm_typed_load(const uint8_t *p, int kind, bool little) {
  union {
    int8_t i8;
    uint8_t u8;
    int16_t i16;
    uint16_t u16;
    int32_t i32;
    uint32_t u32;
    float f32;
    double f64;
  } u;
  copy_ordered((uint8_t *)&u, p, vm_typed_size(kind), little);
  switch (kind) {
  case VM_TYPED_INT8: return u.i8;
  case VM_TYPED_INT16: return u.i16;
  case VM_TYPED_UINT16: return u.u16;
  case VM_TYPED_INT32: return u.i32;
  case VM_TYPED_UINT32: return u.u32;
  case VM_TYPED_FLOAT32: return u.f32;
  case VM_TYPED_FLOAT64: return u.f64;
  default: return u.u8; /* Uint8, Uint8Clamped */
  }
}
//< vm.typed-load

/* ToUint8Clamp: round half to even, NaN to 0. */
static uint8_t clamp_u8(double d) {
  if (!(d > 0)) return 0;
  if (d >= 255) return 255;
  double f = floor(d), diff = d - f;
  if (diff > 0.5 || (diff == 0.5 && fmod(f, 2) != 0)) f += 1;
  return (uint8_t)f;
}

void vm_typed_store(uint8_t *p, int kind, double d, bool little) {
  union {
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    float f32;
    double f64;
  } u;
  switch (kind) {
  case VM_TYPED_UINT8_CLAMPED: u.u8 = clamp_u8(d); break;
  case VM_TYPED_INT8:
  case VM_TYPED_UINT8: u.u8 = (uint8_t)conv_to_uint32(d); break;
  case VM_TYPED_INT16:
  case VM_TYPED_UINT16: u.u16 = (uint16_t)conv_to_uint32(d); break;
  case VM_TYPED_FLOAT32: u.f32 = (float)d; break;
  case VM_TYPED_FLOAT64: u.f64 = d; break;
  default: u.u32 = conv_to_uint32(d); break; /* Int32, Uint32 */
  }
  copy_ordered(p, (const uint8_t *)&u, vm_typed_size(kind), little);
}

/* ==== Views as the object model sees them ==== */

size_t view_length(const ArrayView *v) {
  size_t size = (size_t)vm_typed_size(view_kind(v)), have = v->buffer->length;
  if (v->offset > have) return 0;
  if (v->tracking) return (have - v->offset) / size;
  return v->offset + v->length * size > have ? 0 : v->length;
}

Value typed_get(const ArrayView *v, size_t i) {
  int kind = view_kind(v);
  const uint8_t *p = v->buffer->data + v->offset + i * (size_t)vm_typed_size(kind);
  return value_from_number(vm_typed_load(p, kind, machine_little()));
}

void typed_set(ArrayView *v, double i, double d) {
  if (!(i >= 0 && i < (double)view_length(v)) || i != floor(i)) return;
  int kind = view_kind(v);
  uint8_t *p = v->buffer->data + v->offset + (size_t)i * (size_t)vm_typed_size(kind);
  vm_typed_store(p, kind, d, machine_little());
}

Value vm_typed_get(Value ta, double index) {
  ArrayView *v = (ArrayView *)value_to_object(ta);
  if (!(index >= 0 && index < (double)view_length(v))) return VALUE_UNDEFINED;
  return typed_get(v, (size_t)index);
}

void vm_typed_set(Value ta, double index, double d) {
  typed_set((ArrayView *)value_to_object(ta), index, d);
}

//> vm.typed-numeric-key
bool typed_numeric_key(VM *vm, const String *key) {
  const uint8_t *s = key->data;
  if (key->wide || !key->length) return false;
  if (key->length == 2 && s[0] == '-' && s[1] == '0') return true;
  if (!(s[0] == '-' || s[0] == 'I' || s[0] == 'N' || (s[0] >= '0' && s[0] <= '9'))) return false;
  char buf[32]; /* ToString(ToNumber(key)) must give the key back */
  const char *text = vm_number_to_cstr(vm_cstr_to_number((const char *)s, key->length), buf);
  return strlen(text) == key->length && memcmp(text, s, key->length) == 0;
}
//< vm.typed-numeric-key

/* ==== Buffers ==== */

Value vm_array_buffer_new(VM *vm, size_t length, size_t max_length, Value proto) {
  bool resizable = max_length != VM_LENGTH_AUTO;
  if (length > VM_BUFFER_MAX || (resizable && max_length > VM_BUFFER_MAX))
    return vm_throw_error(vm, ERR_RANGE, "Array buffer allocation failed");
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  ArrayBuffer *b = (ArrayBuffer *)object_new_class(vm, CLASS_ARRAY_BUFFER, sizeof(ArrayBuffer), p);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, value_from_object(&b->base));
  gc_account(vm, (ptrdiff_t)length);
  gc_check_limit(vm);
  vm_handle_reset(vm, mark);
  b->data = length ? mem_calloc(length, 1) : NULL;
  b->length = length;
  b->max_length = resizable ? max_length : length;
  b->resizable = resizable;
  return value_from_object(&b->base);
}

bool vm_array_buffer_info(Value v, VMBufferInfo *out) {
  if (!value_is_object(v) || value_to_object(v)->klass != CLASS_ARRAY_BUFFER) return false;
  ArrayBuffer *b = (ArrayBuffer *)value_to_object(v);
  *out = (VMBufferInfo){b->data, b->length, b->max_length, b->resizable};
  return true;
}

void vm_array_buffer_resize(VM *vm, Value buffer, size_t new_length) {
  ArrayBuffer *b = (ArrayBuffer *)value_to_object(buffer);
  if (!b->resizable || new_length > b->max_length) PANIC("vm_array_buffer_resize: too long");
  if (new_length == b->length) return;
  gc_account(vm, (ptrdiff_t)new_length - (ptrdiff_t)b->length);
  b->data = mem_realloc(b->data, new_length ? new_length : 1);
  if (new_length > b->length) memset(b->data + b->length, 0, new_length - b->length);
  b->length = new_length;
}

static size_t free_buffer(VM *vm, Object *o) {
  ArrayBuffer *b = (ArrayBuffer *)o;
  free(b->data);
  return b->length;
}

/* ==== Views ==== */

Value vm_array_view_new(VM *vm, VMClass cls, Value buffer, size_t offset, size_t length,
                        Value proto) {
  Object *p = value_is_object(proto) ? value_to_object(proto) : NULL;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, buffer);
  ArrayView *v = (ArrayView *)object_new_class(vm, (ObjectClass)cls, sizeof(ArrayView), p);
  vm_handle_reset(vm, mark);
  v->buffer = (ArrayBuffer *)value_to_object(buffer);
  v->offset = offset;
  v->tracking = length == VM_LENGTH_AUTO;
  v->length = v->tracking ? 0 : length;
  return value_from_object(&v->base);
}

bool vm_array_view_info(Value v, VMViewInfo *out) {
  if (!value_is_object(v)) return false;
  Object *o = value_to_object(v);
  if (o->klass != CLASS_DATA_VIEW && !class_is_typed(o->klass)) return false;
  ArrayView *view = (ArrayView *)o;
  int kind = view_kind(view);
  size_t size = (size_t)vm_typed_size(kind), have = view->buffer->length;
  bool oob = view->offset > have || (!view->tracking && view->offset + view->length * size > have);
  size_t length = view_length(view);
  *out = (VMViewInfo){value_from_object(&view->buffer->base),
                      kind,
                      view->offset,
                      length,
                      length * size,
                      view->tracking,
                      oob,
                      view->buffer->data ? view->buffer->data + view->offset : NULL};
  return true;
}

void view_trace(VM *vm, Object *o) { gc_mark_thing(vm, (GcHeader *)((ArrayView *)o)->buffer); }

size_t buffer_finalize(VM *vm, Object *o) { return free_buffer(vm, o); }

/* compare.c - deep equality: util.isDeepStrictEqual, assert.deepEqual and deepStrictEqual.
 * Book: chapter 10, "Console and inspect" ("Comparing deeply").
 *
 * Entry point: node_deep_equal. The rules are node's lib/internal/util/comparisons.js:
 * strict mode compares primitives with Object.is and objects by prototype, class tag and
 * own enumerable keys (symbols too); loose mode compares primitives with == and ignores
 * prototypes. Maps and Sets compare their members, objects among them by a search.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

/* One comparison: its mode and the pairs of objects being compared right now (a pair met
 * again is a cycle, and counts as equal when both sides closed it at the same depth). */
typedef struct Deep {
  VM *vm;
  bool strict;
  Value *left, *right;
  int depth, cap;
} Deep;

static Value deep(Deep *d, Value a, Value b);

static bool is_object(Value v) { return value_is_object(v) && !vm_is_callable(v); }

/* What the built-in Object.prototype.toString would name v's class: its
 * Symbol.toStringTag if that is a string, else the class's own tag. */
static Value tag_of(VM *vm, Value v) {
  Value tag = vm_get(vm, v, vm_well_known_symbol(vm, VM_SYMBOL_TO_STRING_TAG));
  if (value_is_exception(tag) || value_is_string(tag)) return vm_handle_push(vm, tag);
  return vm_handle_push(vm, vm_atom(vm, vm_class_tag(vm, v)));
}

static bool is_class(Value v, VMClass cls) {
  return value_is_object(v) && vm_object_class(v) == cls;
}

static bool is_boxed(Value v) {
  return is_class(v, VM_CLASS_NUMBER) || is_class(v, VM_CLASS_STRING) ||
         is_class(v, VM_CLASS_BOOLEAN) || is_class(v, VM_CLASS_SYMBOL);
}

static bool is_view(Value v) {
  VMViewInfo info;
  return value_is_object(v) && vm_array_view_info(v, &info);
}

static bool is_buffer(Value v) {
  VMBufferInfo info;
  return value_is_object(v) && vm_array_buffer_info(v, &info);
}

/* ==== Own keys ==== */

/* Is key an own enumerable property of obj? true/false, or VALUE_EXCEPTION (a proxy). */
static Value own_enumerable(VM *vm, Value obj, Value key) {
  PropertyInfo info;
  Value r = vm_own_property(vm, obj, key, &info);
  if (r != VALUE_TRUE) return r;
  return value_from_bool(info.attrs & VM_ATTR_ENUMERABLE);
}

/* The own enumerable keys of obj (symbols too in strict mode), as a rooted array. */
static Value enumerable_keys(Deep *d, Value obj) {
  int flags = VM_KEYS_STRINGS | (d->strict ? VM_KEYS_SYMBOLS : 0) | VM_KEYS_HIDDEN;
  Value all = vm_handle_push(d->vm, vm_own_property_keys(d->vm, obj, flags));
  if (value_is_exception(all)) return all;
  Value keys = vm_handle_push(d->vm, vm_array_new(d->vm));
  for (uint32_t i = 0; i < vm_array_length(all); i++) {
    Value key = vm_array_get_raw(all, i);
    Value e = own_enumerable(d->vm, obj, key);
    if (value_is_exception(e)) return e;
    if (e == VALUE_TRUE) vm_array_push(d->vm, keys, key);
  }
  return keys;
}

/* Both have the same own enumerable keys, and equal values under each. */
static Value compare_keys(Deep *d, Value a, Value b) {
  Value ka = enumerable_keys(d, a);
  if (value_is_exception(ka)) return ka;
  Value kb = enumerable_keys(d, b);
  if (value_is_exception(kb)) return kb;
  if (vm_array_length(ka) != vm_array_length(kb)) return VALUE_FALSE;
  for (uint32_t i = 0; i < vm_array_length(ka); i++) {
    Value r = own_enumerable(d->vm, b, vm_array_get_raw(ka, i));
    if (r != VALUE_TRUE) return r;
  }
  for (uint32_t i = 0; i < vm_array_length(ka); i++) {
    int mark = vm_handle_mark(d->vm);
    Value key = vm_array_get_raw(ka, i);
    Value x = vm_handle_push(d->vm, vm_get(d->vm, a, key));
    Value y = value_is_exception(x) ? x : vm_handle_push(d->vm, vm_get(d->vm, b, key));
    Value r = value_is_exception(y) ? y : deep(d, x, y);
    vm_handle_reset(d->vm, mark);
    if (r != VALUE_TRUE) return r;
  }
  return VALUE_TRUE;
}

/* ==== Maps and sets ==== */

/* The members of a Map or Set that need a search in the other: objects (and, in loose
 * mode, primitives the other lacks), rooted in an array; `used` marks the ones matched. */
typedef struct Pending {
  Value list;
  bool *used;
  uint32_t left;
} Pending;

/* Finds an unused pending member deep-equal to v (whose entry value, for maps, equals
 * item); marks it used. true/false/exception. */
static Value take_equal(Deep *d, Pending *p, Value map, Value v, Value item, bool is_map) {
  for (uint32_t i = 0; i < vm_array_length(p->list); i++) {
    if (p->used[i]) continue;
    Value k = vm_array_get_raw(p->list, i);
    Value r = deep(d, k, v);
    if (r == VALUE_TRUE && is_map) {
      Value other = VALUE_UNDEFINED;
      vm_map_get(map, k, &other);
      r = deep(d, vm_handle_push(d->vm, other), item);
    }
    if (value_is_exception(r)) return r;
    if (r == VALUE_TRUE) {
      p->used[i] = true, p->left--;
      return VALUE_TRUE;
    }
  }
  return VALUE_FALSE;
}

/* First pass over a: a member b holds equally is done; the others wait in p. */
static Value collect_pending(Deep *d, Value a, Value b, bool is_map, Pending *p) {
  uint32_t pos = 0;
  Value key, item;
  while (vm_map_entry(a, &pos, &key, &item)) {
    int mark = vm_handle_mark(d->vm); /* a getter may delete them from the map */
    vm_handle_push(d->vm, key), vm_handle_push(d->vm, item);
    Value other = VALUE_UNDEFINED;
    bool found = !is_object(key) && vm_map_get(b, key, &other);
    if (found && is_map) {
      Value r = deep(d, item, vm_handle_push(d->vm, other));
      if (value_is_exception(r)) return r;
      found = r == VALUE_TRUE;
    }
    vm_handle_reset(d->vm, mark);
    if (found) continue;
    if (!is_object(key) && d->strict) return VALUE_FALSE;
    vm_array_push(d->vm, p->list, key);
  }
  return VALUE_TRUE;
}

/* Is b's member (key, item) one that a holds equally, or else one of the pending? */
static Value match_one(Deep *d, Value a, Value key, Value item, bool is_map, Pending *p) {
  Value mine = VALUE_UNDEFINED;
  if (!is_object(key)) {
    if (d->strict) return VALUE_TRUE; /* strict: a already holds it equally */
    if (vm_map_get(a, key, &mine)) {
      Value r = is_map ? deep(d, vm_handle_push(d->vm, mine), item) : VALUE_TRUE;
      if (r != VALUE_FALSE) return r;
    }
  }
  return take_equal(d, p, a, key, item, is_map);
}

/* Second pass over b: each member a did not hold equally must match a pending one. */
static Value match_pending(Deep *d, Value a, Value b, bool is_map, Pending *p) {
  uint32_t pos = 0;
  Value key, item;
  while (vm_map_entry(b, &pos, &key, &item)) {
    int mark = vm_handle_mark(d->vm); /* a getter may delete them from the map */
    vm_handle_push(d->vm, key), vm_handle_push(d->vm, item);
    Value r = match_one(d, a, key, item, is_map, p);
    vm_handle_reset(d->vm, mark);
    if (r != VALUE_TRUE) return r;
  }
  return value_from_bool(p->left == 0);
}

static Value compare_members(Deep *d, Value a, Value b, bool is_map) {
  if (vm_map_size(a) != vm_map_size(b)) return VALUE_FALSE;
  Pending p = {vm_handle_push(d->vm, vm_array_new(d->vm)), NULL, 0};
  Value r = collect_pending(d, a, b, is_map, &p);
  if (r != VALUE_TRUE || vm_array_length(p.list) == 0) return r;
  p.left = vm_array_length(p.list);
  p.used = mem_calloc(p.left, sizeof(bool));
  r = match_pending(d, a, b, is_map, &p);
  free(p.used);
  return r;
}

/* ==== Objects of particular classes ==== */

static bool same_bytes(const uint8_t *x, const uint8_t *y, size_t n) {
  return n == 0 || memcmp(x, y, n) == 0;
}

static Value same_strings(VM *vm, Value a, Value b, const char *key) {
  Value x = vm_handle_push(vm, vm_get_str(vm, a, key));
  if (value_is_exception(x)) return x;
  Value y = vm_get_str(vm, b, key);
  if (value_is_exception(y)) return y;
  return value_from_bool(vm_strict_equals(x, y));
}

/* Views and buffers: the same kind and the same bytes. -1 when a is neither. */
static int compare_bytes(Value a, Value b) {
  VMViewInfo x, y;
  VMBufferInfo bx, by;
  if (vm_array_view_info(a, &x))
    return vm_array_view_info(b, &y) && x.kind == y.kind && x.byte_length == y.byte_length &&
           same_bytes(x.data, y.data, x.byte_length);
  if (vm_array_buffer_info(a, &bx))
    return vm_array_buffer_info(b, &by) && bx.length == by.length &&
           same_bytes(bx.data, by.data, bx.length);
  return -1;
}

/* What a's class says must hold of b beyond the keys: true/false/exception. */
static Value compare_class(Deep *d, Value a, Value b) {
  VM *vm = d->vm;
  VMClass ca = vm_object_class(a);
  if (ca == VM_CLASS_DATE) {
    if (!is_class(b, VM_CLASS_DATE)) return VALUE_FALSE;
    double x = value_to_number(vm_inner_value(a)), y = value_to_number(vm_inner_value(b));
    return value_from_bool(x == y); /* node: two invalid dates differ */
  }
  if (ca == VM_CLASS_REGEXP) {
    if (!is_class(b, VM_CLASS_REGEXP)) return VALUE_FALSE;
    Value r = same_strings(vm, a, b, "source");
    if (r == VALUE_TRUE) r = same_strings(vm, a, b, "flags");
    if (r == VALUE_TRUE) r = same_strings(vm, a, b, "lastIndex");
    return r;
  }
  int bytes = compare_bytes(a, b);
  if (bytes >= 0) return value_from_bool(bytes);
  if (vm_is_error(a)) {
    if (!vm_is_error(b)) return VALUE_FALSE;
    Value r = same_strings(vm, a, b, "message");
    return r == VALUE_TRUE ? same_strings(vm, a, b, "name") : r;
  }
  if (ca == VM_CLASS_SET || ca == VM_CLASS_MAP) {
    if (!is_class(b, ca)) return VALUE_FALSE;
    return compare_members(d, a, b, ca == VM_CLASS_MAP);
  }
  if (is_boxed(a))
    return value_from_bool(is_class(b, ca) && vm_same_value(vm_inner_value(a), vm_inner_value(b)));
  /* A plain object never equals one of the classes above. */
  return value_from_bool(!(vm_is_array(b) || is_view(b) || is_class(b, VM_CLASS_SET) ||
                           is_class(b, VM_CLASS_MAP) || is_class(b, VM_CLASS_DATE) ||
                           is_class(b, VM_CLASS_REGEXP) || is_buffer(b) || is_boxed(b) ||
                           vm_is_error(b)));
}

/* ==== The comparison ==== */

/* Where a and b already stand on the comparison stack: -2 when neither does, -1 when only
 * one of them does (then the comparison goes on), else whether they closed together. */
static int cycle_check(Deep *d, Value a, Value b) {
  int ia = -1, ib = -1;
  for (int i = d->depth - 1; i >= 0 && (ia < 0 || ib < 0); i--) {
    if (ia < 0 && d->left[i] == a) ia = i;
    if (ib < 0 && d->right[i] == b) ib = i;
  }
  if (ia < 0 || ib < 0) return -2;
  return ia == ib;
}

static Value compare_objects(Deep *d, Value a, Value b) {
  VM *vm = d->vm;
  Value ta = tag_of(vm, a);
  if (value_is_exception(ta)) return ta;
  Value tb = tag_of(vm, b);
  if (value_is_exception(tb)) return tb;
  if (!vm_strict_equals(ta, tb)) return VALUE_FALSE;
  if (vm_is_array(a) != vm_is_array(b)) return VALUE_FALSE;
  if (vm_is_array(a) && vm_array_length(a) != vm_array_length(b)) return VALUE_FALSE;
  Value r = vm_is_array(a) ? VALUE_TRUE : compare_class(d, a, b);
  if (r != VALUE_TRUE) return r;
  int cycle = cycle_check(d, a, b);
  if (cycle >= 0) return value_from_bool(cycle);
  if (d->depth == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 16;
    d->left = mem_realloc(d->left, sizeof(Value) * (size_t)d->cap);
    d->right = mem_realloc(d->right, sizeof(Value) * (size_t)d->cap);
  }
  d->left[d->depth] = a, d->right[d->depth] = b, d->depth++;
  r = compare_keys(d, a, b);
  d->depth--;
  return r;
}

//> stdlib.deep-equal
static Value deep(Deep *d, Value a, Value b) {
  if (vm_stack_exhausted(d->vm)) return vm_throw_stack_overflow(d->vm);
  if (d->strict ? vm_same_value(a, b) : vm_strict_equals(a, b)) return VALUE_TRUE;
  if (!is_object(a) || !is_object(b)) {
    if (d->strict || is_object(a) || is_object(b)) return VALUE_FALSE;
    bool nan = value_is_number(a) && value_is_number(b) && isnan(value_to_number(a)) &&
               isnan(value_to_number(b));
    return nan ? VALUE_TRUE : vm_loose_equals(d->vm, a, b); /* 1 == '1' */
  }
  if (d->strict) {
    Value pa = vm_handle_push(d->vm, vm_get_prototype_of(d->vm, a));
    Value pb = value_is_exception(pa) ? pa : vm_get_prototype_of(d->vm, b);
    if (value_is_exception(pb)) return pb;
    if (pa != pb) return VALUE_FALSE;
  }
  return compare_objects(d, a, b);
}
//< stdlib.deep-equal

Value node_deep_equal(VM *vm, Value a, Value b, bool strict) {
  Deep d = {vm, strict, NULL, NULL, 0, 0};
  int mark = vm_handle_mark(vm);
  Value r = deep(&d, a, b);
  vm_handle_reset(vm, mark);
  free(d.left);
  free(d.right);
  return r;
}

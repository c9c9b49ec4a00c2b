/* shape.h - hidden classes: which keys an object has, in which slots.
 * Book: chapter 3, "Values and objects". Private to vm/ (object.c, gc.c, and the
 * interpreter if it wants inline caches).
 *
 * A shared shape is immutable: adding a key moves an object to a child shape,
 * found through the parent's transition table, so objects built the same way
 * share one chain. A dictionary shape belongs to exactly one object and is
 * edited in place (many keys, deletes, attribute changes). An inline cache may
 * key on a shared shape; never on a dictionary shape (it changes under you).
 */
#ifndef TN_VM_SHAPE_H
#define TN_VM_SHAPE_H

#include "vm/internal.h"

//> vm.shape-struct
typedef struct ShapeProp {
  Value key;     /* an atom string Value or a symbol Value; VALUE_HOLE once deleted */
  uint32_t hash; /* of the key, kept so rehashing never touches the key itself */
  uint8_t attrs; /* ATTR_* */
} ShapeProp;

struct Shape {
  GcHeader gc;
  Shape *parent;        /* the shape this one extends by one key; NULL for root/dictionary */
  ShapeProp *props;     /* props[i] describes the object's slots[i] */
  uint32_t count;       /* props in use (in a dictionary, deleted ones included) */
  uint32_t capacity;    /* of props */
  uint32_t deleted;     /* dictionary: how many props are VALUE_HOLE */
  uint32_t *index;      /* hash index over props (position + 1; 0 = empty), built lazily */
  uint32_t index_mask;  /* index capacity - 1; 0 while there is no index */
  Shape **transitions;  /* open addressing: (key, attrs) -> child; weak (see gc.c) */
  uint32_t transition_used, transition_mask;
  uint8_t dictionary;   /* 1: owned by one object and edited in place */
  uint8_t has_index_keys; /* some key is an integer index ("3"): key order must sort */
};
//< vm.shape-struct

/* Array flags (Object.flags of a CLASS_ARRAY), kept by object.c. */
enum {
  ARRAY_SPARSE = 1,          /* some index properties live in the shape, not in elements */
  ARRAY_LENGTH_READONLY = 2, /* Object.defineProperty(a, 'length', {writable: false}) */
};

#define SHAPE_LINEAR_MAX 8    /* up to this many props, lookup is a linear scan */
#define SHAPE_SHARED_MAX 64   /* past this many props, an object gets a dictionary */
#define SHAPE_DELETED ((Shape *)1) /* a removed transition */

uint32_t shape_key_hash(Value key);
int shape_find_slow(Shape *s, Value key);

/* The position (slot index) of key in s, or -1. */
//> vm.shape-find
static inline int shape_find(Shape *s, Value key) {
  if (s->count <= SHAPE_LINEAR_MAX) {
    for (uint32_t i = 0; i < s->count; i++)
      if (s->props[i].key == key) return (int)i;
    return -1;
  }
  return shape_find_slow(s, key);
}
//< vm.shape-find

/* The shape after adding key (absent from s) with attrs: a shared child, or s
 * itself edited in place if s is a dictionary. May allocate. */
Shape *shape_add(VM *vm, Shape *s, Value key, uint8_t attrs);
/* A new dictionary shape holding a copy of s's props (for one object). */
Shape *shape_to_dictionary(VM *vm, Shape *s);
/* Dictionary only: forget props[pos]. */
void shape_dictionary_delete(Shape *s, uint32_t pos);
/* Dictionary only: drop deleted props, moving slots to match; returns the new count. */
uint32_t shape_dictionary_compact(Shape *s, Value *slots);
/* gc.c: forget a dead child in the parent's transition table. */
void shape_forget_transition(Shape *parent, Shape *child);
/* gc.c: free the side arrays of a dying shape; returns the bytes released. */
size_t shape_free_parts(Shape *s);

#endif

/* typedarray.h - private to typedarray.c and typedarray_methods.c: what the typed array
 * natives share (the checks on `this`, making new typed arrays, ToNumber), and the
 * prototype's methods that typedarray_methods.c defines for typedarray.c's table.
 * Book: chapter 7, "The standard library".
 */
#ifndef TN_STDLIB_TYPEDARRAY_H
#define TN_STDLIB_TYPEDARRAY_H

#include "vm/vm.h"

Value typed_throw_not_typed(VM *vm); /* TypeError "this is not a typed array." */
/* ValidateTypedArray: v is a typed array whose window is inside its buffer; else V8's
 * TypeError naming method ("%TypedArray%.prototype.fill"). *info describes it. */
bool typed_validate(VM *vm, Value v, const char *method, VMViewInfo *info);
/* A new zeroed typed array of kind with its own buffer (TypedArrayCreateSameType). */
Value typed_new(VM *vm, int kind, double length);
/* TypedArraySpeciesCreate(exemplar, args): new C(...args) for exemplar's species C. */
Value typed_species_create(VM *vm, Value exemplar, int argc, const Value *args);
bool typed_to_number(VM *vm, Value v, double *out); /* ToNumber; false on exception */

/* %TypedArray%.prototype's methods (typedarray_methods.c); magic as in its table. */
Value typed_iterator(VM *vm, Value this_value, int argc,
                     Value *argv); /* 0 keys, 1 values, 2 entries */
Value typed_at(VM *vm, Value this_value, int argc, Value *argv);
Value typed_copy_within(VM *vm, Value this_value, int argc, Value *argv);
Value typed_each(VM *vm, Value this_value, int argc, Value *argv); /* TypedEach */
Value typed_fill(VM *vm, Value this_value, int argc, Value *argv);
Value typed_search(VM *vm, Value this_value, int argc, Value *argv); /* TypedSearch */
Value typed_join(VM *vm, Value this_value, int argc, Value *argv);   /* 1: toLocaleString */
Value typed_reduce(VM *vm, Value this_value, int argc, Value *argv); /* 1 or -1 */
Value typed_reverse(VM *vm, Value this_value, int argc, Value *argv);
Value typed_sort(VM *vm, Value this_value, int argc, Value *argv);
Value typed_to_reversed(VM *vm, Value this_value, int argc, Value *argv);
Value typed_to_sorted(VM *vm, Value this_value, int argc, Value *argv);
Value typed_with(VM *vm, Value this_value, int argc, Value *argv);

typedef enum TypedEach {
  TYPED_EVERY,
  TYPED_SOME,
  TYPED_FOR_EACH,
  TYPED_MAP,
  TYPED_FILTER,
  TYPED_FIND,
  TYPED_FIND_INDEX,
  TYPED_FIND_LAST,
  TYPED_FIND_LAST_INDEX,
} TypedEach;
typedef enum TypedSearch { TYPED_INCLUDES, TYPED_INDEX_OF, TYPED_LAST_INDEX_OF } TypedSearch;

#endif

/* compile_lang.c - the compiler's share of tagged templates.
 * Book: chapter 4, "Compiling".
 *
 * compile_template_object builds a tagged template's strings array (frozen, with a
 * frozen `raw` array) once, when the call site is compiled; the array is a constant of
 * the function, so every evaluation of the site passes the tag the same object, as the
 * spec's per-site cache requires, while a second compilation of the same text (eval,
 * Function) makes a new site with a new array.
 */
#include "vm/compile.h"

/* An array of the given strings (NULL = undefined, an invalid escape's cooked value),
 * each element read-only and non-configurable, and the array not extensible. */
static Value frozen_strings(Compiler *c, NodeList *pieces) {
  VM *vm = c->vm;
  Value arr = value_from_object(&array_new(vm, (uint32_t)pieces->count)->base);
  for (int i = 0; i < pieces->count; i++) {
    Node *s = pieces->items[i];
    Value v = VALUE_UNDEFINED;
    if (s) v = value_from_string(string_new_wide(vm, s->as.string.units, s->as.string.length));
    array_push(vm, (Array *)value_to_object(arr), v);
  }
  return arr;
}

/* Freezes an array whose elements are plain data: elements and length read-only. */
static void freeze_array(VM *vm, Value arr, uint32_t count) {
  PropertyDescriptor d = {.has_writable = true, .has_configurable = true};
  for (uint32_t i = 0; i < count; i++)
    vm_define_property(vm, arr, value_from_number(i), &d);
  PropertyDescriptor len = {.has_writable = true};
  vm_define_property(vm, arr, value_from_string(atom_from_cstr(vm, "length")), &len);
  vm_prevent_extensions(vm, arr);
}

//> vm.compile-template-object
/* The constant index of the template object of a tagged template's call site. */
int compile_template_object(Compiler *c, Node *tmpl) {
  VM *vm = c->vm; /* the compiler runs with the collector paused */
  Value cooked = frozen_strings(c, &tmpl->as.template.quasis);
  Value raw = frozen_strings(c, &tmpl->as.template.raws);
  uint32_t n = (uint32_t)tmpl->as.template.quasis.count;
  freeze_array(vm, raw, n);
  PropertyDescriptor d = {.value = raw, .has_value = true, .has_writable = true,
                          .has_enumerable = true, .has_configurable = true};
  vm_define_property(vm, cooked, value_from_string(atom_from_cstr(vm, "raw")), &d);
  freeze_array(vm, cooked, n);
  return compile_const_value(c, cooked);
}
//< vm.compile-template-object

/* drivers/print.h - what the engine-level drivers (vm, runtime) share: print(...) and
 * the report of an uncaught exception. Book: chapter 0, "Each stage on its own".
 *
 * Below the standard library there is no console and no inspect; these two are just
 * enough to see a program's results and its errors.
 */
#ifndef DRIVERS_PRINT_H
#define DRIVERS_PRINT_H

#include "drivers/driver.h"
#include "vm/vm.h"

/* print(...args): each argument as String() would write a primitive, an object as
 * [object Class] (the engine alone has no Object.prototype.toString: the standard
 * library installs it), space-separated, then a newline. */
static inline Value driver_print(VM *vm, Value this_value, int argc, Value *argv) {
  for (int i = 0; i < argc; i++) {
    if (i) putchar(' ');
    if (value_is_object(argv[i])) {
      printf("[object %s]", vm_class_name(vm, argv[i]));
      continue;
    }
    Value s = vm_to_string(vm, argv[i]);
    if (value_is_exception(s)) return s; /* a symbol */
    char *text = vm_to_utf8(vm, s, NULL);
    fputs(text, stdout);
    free(text);
  }
  putchar('\n');
  return VALUE_UNDEFINED;
}

/* Prints exception e as `Uncaught <its stack, or String(e)>` to stderr. */
static inline void driver_print_uncaught(VM *vm, Value e) {
  vm_handle_push(vm, e);
  Value text = value_is_object(e) ? vm_get_str(vm, e, "stack") : VALUE_UNDEFINED;
  if (!value_is_string(text)) text = vm_to_string(vm, e);
  if (value_is_exception(text)) vm_take_exception(vm), text = VALUE_UNDEFINED;
  char *s = value_is_string(text) ? vm_to_utf8(vm, text, NULL) : mem_strdup("(unprintable)");
  fprintf(stderr, "Uncaught %s\n", s);
  free(s);
}

#endif

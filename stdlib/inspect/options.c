/* options.c - inspect's options objects, the util.inspect function (with
 * inspect.custom and inspect.defaultOptions) and util.formatWithOptions.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry points: util_inspect_function, format_args_with_options, inspect_read_options.
 * The `util` module itself is assembled in stdlib/node/util.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/inspect/internal.h"

/* ==== Options objects ==== */

/* A numeric limit: null, undefined, NaN and Infinity mean none; fractions round down
 * (inspect only compares whole levels and counts against it). */
static int limit_option(Value v) {
  if (!value_is_number(v)) return INSPECT_UNLIMITED;
  double d = floor(value_to_number(v));
  if (d != d || d >= INSPECT_UNLIMITED) return INSPECT_UNLIMITED;
  return d < -INSPECT_UNLIMITED ? -INSPECT_UNLIMITED : (int)d;
}

/* Sets the option named key from v; false if key is not one of inspect's options. */
static bool set_option(InspectOptions *o, const char *key, Value v) {
  bool on = vm_truthy(v);
  if (!strcmp(key, "depth")) o->depth = limit_option(v);
  else if (!strcmp(key, "colors")) o->colors = on;
  else if (!strcmp(key, "showHidden")) o->show_hidden = on;
  else if (!strcmp(key, "customInspect")) o->custom_inspect = on;
  else if (!strcmp(key, "maxArrayLength")) o->max_array_length = limit_option(v);
  else if (!strcmp(key, "maxStringLength")) o->max_string_length = limit_option(v);
  else if (!strcmp(key, "breakLength")) o->break_length = limit_option(v);
  else if (!strcmp(key, "sorted")) o->sorted = on; /* a comparator function sorts by default */
  else if (!strcmp(key, "getters")) o->getters = on;
  else if (!strcmp(key, "numericSeparator")) o->numeric_separator = on;
  else if (!strcmp(key, "compact"))
    o->compact = v == VALUE_TRUE ? INSPECT_COMPACT_TRUE : value_is_number(v) ? limit_option(v) : 0;
  else if (!strcmp(key, "showProxy")) o->show_proxy = on;
  else return !strcmp(key, "stylize");
  return true;
}

bool inspect_read_options(VM *vm, Value obj, InspectOptions *opts) {
  Value keys = vm_handle_push(vm, vm_own_keys(vm, obj));
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get_raw(keys, i);
    Value v = vm_get(vm, obj, key);
    if (value_is_exception(v)) return false;
    char *name = vm_to_wtf8(key);
    if (!set_option(opts, name, v)) opts->user_options = obj; /* passed on to custom inspectors */
    free(name);
  }
  return true;
}

/* ==== util.inspect ==== */

/* util.inspect(value, opts) and the legacy util.inspect(value, showHidden, depth, colors). */
static Value util_inspect(VM *vm, Value this_value, int argc, Value *argv) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  if (argc > 2 && !value_is_undefined(argv[2])) opts.depth = limit_option(argv[2]);
  if (argc > 3 && !value_is_undefined(argv[3])) opts.colors = vm_truthy(argv[3]);
  if (argc > 1 && value_is_bool(argv[1])) opts.show_hidden = argv[1] == VALUE_TRUE;
  else if (argc > 1 && value_is_object(argv[1]) && !inspect_read_options(vm, argv[1], &opts))
    return VALUE_EXCEPTION;
  return inspect_value(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, &opts);
}

/* The current defaults as a fresh object. */
static Value default_options_get(VM *vm, Value this_value, int argc, Value *argv) {
  InspectOptions o;
  inspect_default_options(vm, &o);
  Value obj = vm_handle_push(vm, vm_object_new(vm));
#define LIMIT(n) ((n) == INSPECT_UNLIMITED ? value_from_number(INFINITY) : value_from_number(n))
  vm_set_str(vm, obj, "showHidden", value_from_bool(o.show_hidden));
  vm_set_str(vm, obj, "depth", LIMIT(o.depth));
  vm_set_str(vm, obj, "colors", value_from_bool(o.colors));
  vm_set_str(vm, obj, "customInspect", value_from_bool(o.custom_inspect));
  vm_set_str(vm, obj, "showProxy", value_from_bool(o.show_proxy));
  vm_set_str(vm, obj, "maxArrayLength", LIMIT(o.max_array_length));
  vm_set_str(vm, obj, "maxStringLength", LIMIT(o.max_string_length));
  vm_set_str(vm, obj, "breakLength", LIMIT(o.break_length));
  vm_set_str(vm, obj, "compact", o.compact == INSPECT_COMPACT_TRUE ? VALUE_TRUE
                                 : o.compact == 0               ? VALUE_FALSE
                                                                : value_from_number(o.compact));
  vm_set_str(vm, obj, "sorted", value_from_bool(o.sorted));
  vm_set_str(vm, obj, "getters", value_from_bool(o.getters));
  vm_set_str(vm, obj, "numericSeparator", value_from_bool(o.numeric_separator));
#undef LIMIT
  return obj;
}

/* util.inspect.defaultOptions = { ... }: the given options become the defaults. */
static Value default_options_set(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc == 0 || !value_is_object(argv[0]) || vm_is_callable(argv[0]))
    return vm_throw_error(vm, ERR_TYPE, "The \"options\" argument must be of type object.");
  InspectOptions o;
  inspect_default_options(vm, &o);
  if (!inspect_read_options(vm, argv[0], &o)) return VALUE_EXCEPTION;
  inspect_set_default_options(vm, &o);
  return VALUE_UNDEFINED;
}

/* util.inspect.defaultOptions: an accessor whose halves Node names plain "get" and "set"
 * (they are methods of a descriptor literal there), so it is made here, not from a row. */
static bool define_default_options(VM *vm, Value fn) {
  PropertyDescriptor d = {.getter = vm_native_new(vm, "get", default_options_get, 0),
                          .has_getter = true,
                          .has_setter = true,
                          .has_enumerable = true,
                          .has_configurable = true};
  vm_handle_push(vm, d.getter);
  d.setter = vm_handle_push(vm, vm_native_new(vm, "set", default_options_set, 1));
  return !value_is_exception(vm_define_property(vm, fn, vm_atom(vm, "defaultOptions"), &d));
}

/* util.inspect is one function per realm (custom inspectors receive it, and format_value
 * must recognise it): made on first use and kept in INTRINSIC_INSPECT_FUNCTION. */
Value util_inspect_function(VM *vm) {
  Value fn = vm_intrinsic(vm, INTRINSIC_INSPECT_FUNCTION);
  if (value_is_object(fn)) return fn;
  int mark = vm_handle_mark(vm);
  fn = vm_handle_push(vm, vm_native_new(vm, "inspect", util_inspect, 2));
  Value custom = inspect_custom_symbol(vm);
  if (value_is_symbol(custom)) vm_define_str(vm, fn, "custom", custom, VM_ATTR_DEFAULT);
  define_default_options(vm, fn);
  vm_set_intrinsic(vm, INTRINSIC_INSPECT_FUNCTION, fn);
  vm_handle_reset(vm, mark);
  return fn;
}

/* ==== util.formatWithOptions ==== */

Value format_args_with_options(VM *vm, Value options, int argc, Value *argv) {
  if (!value_is_object(options) || vm_is_callable(options))
    return vm_throw_error(vm, ERR_TYPE,
                          "The \"inspectOptions\" argument must be of type object.");
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  if (!inspect_read_options(vm, options, &opts)) return VALUE_EXCEPTION;
  StrBuf sb = {0};
  if (!format_to_buffer(vm, &sb, &opts, argc, argv)) return sb_free(&sb), VALUE_EXCEPTION;
  Value s = sb_to_value(vm, sb.data ? sb.data : "", sb.len);
  sb_free(&sb);
  return s;
}

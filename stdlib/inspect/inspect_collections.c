/* inspect_collections.c - Map and Set in util.inspect: `Map(2) { 'x' => 3, 'y' => 2 }`,
 * `Set(3) { 3, 1, 2 }`. Book: chapter 10, "Console and inspect".
 *
 * Entry points: inspect_collection_size, inspect_collection_entries. The entries are
 * read through the built-in Map.prototype.entries / Set.prototype.values and the size
 * getter, taken from the global Map and Set constructors, so that a collection with a
 * null prototype (or a subclass that overrides its iterator) still prints its contents,
 * as Node does with its primordials.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/inspect/internal.h"

/* Map.prototype / Set.prototype, from the global constructor (undefined if missing). */
static Value builtin_prototype(VM *vm, bool is_map) {
  Value ctor = vm_get_str(vm, vm_global(vm), is_map ? "Map" : "Set");
  if (value_is_exception(ctor) || !value_is_object(ctor)) return VALUE_UNDEFINED;
  Value proto = vm_get_str(vm, ctor, "prototype");
  return value_is_object(proto) ? proto : VALUE_UNDEFINED;
}

double inspect_collection_size(InspectCtx *ctx, Value obj, bool is_map) {
  VM *vm = ctx->vm;
  Value proto = builtin_prototype(vm, is_map);
  PropertyInfo p;
  if (!value_is_object(proto) || !vm_get_own_property(vm, proto, vm_atom(vm, "size"), &p) ||
      !p.is_accessor || !vm_is_callable(p.getter))
    return 0;
  Value size = vm_call(vm, p.getter, obj, 0, NULL);
  if (value_is_exception(size)) return vm_take_exception(vm), 0;
  return value_is_number(size) ? value_to_number(size) : 0;
}

/* Calls the built-in entries()/values() on obj: its iterator, or an exception. */
static Value builtin_iterator(VM *vm, Value obj, bool is_map) {
  Value proto = builtin_prototype(vm, is_map);
  if (!value_is_object(proto)) return vm_throw_error(vm, ERR_TYPE, "tinynode: no built-in Map/Set");
  Value fn = vm_get_str(vm, proto, is_map ? "entries" : "values");
  if (value_is_exception(fn)) return fn;
  if (!vm_is_callable(fn)) return vm_throw_error(vm, ERR_TYPE, "tinynode: no built-in iterator");
  return vm_call(vm, fn, obj, 0, NULL);
}

/* One entry: the value, or `key => value` for a Map. */
static char *format_entry(InspectCtx *ctx, Value item, bool is_map, int recurse_times) {
  if (!is_map) return inspect_format_value(ctx, item, recurse_times);
  char *k = inspect_format_value(ctx, vm_array_get(ctx->vm, item, 0), recurse_times);
  char *v = k ? inspect_format_value(ctx, vm_array_get(ctx->vm, item, 1), recurse_times) : NULL;
  StrBuf sb = {0};
  if (v) sb_printf(&sb, "%s => %s", k, v);
  free(k), free(v);
  return v ? sb_take(&sb) : NULL;
}

//> stdlib.format-collection
bool inspect_collection_entries(InspectCtx *ctx, Value obj, bool is_map, int recurse_times,
                                Entries *out) {
  VM *vm = ctx->vm;
  int mark = vm_handle_mark(vm);
  double size = inspect_collection_size(ctx, obj, is_map), limit = ctx->opts.max_array_length;
  double max = limit < 0 ? 0 : (limit < size ? limit : size);
  Value iter = builtin_iterator(vm, obj, is_map);
  Value next = value_is_exception(iter) ? iter : vm_get_str(vm, vm_handle_push(vm, iter), "next");
  bool ok = !value_is_exception(next);
  ctx->indentation += 2; /* entries are indented like properties */
  for (double i = 0; ok && i < max; i++) {
    Value step = vm_call(vm, vm_handle_push(vm, next), iter, 0, NULL);
    Value done = value_is_exception(step) ? step : vm_get_str(vm, vm_handle_push(vm, step), "done");
    Value item = value_is_exception(done) ? done : vm_get_str(vm, step, "value");
    if (!(ok = !value_is_exception(item)) || vm_truthy(done)) break;
    char *s = format_entry(ctx, vm_handle_push(vm, item), is_map, recurse_times);
    if (!(ok = s != NULL)) break;
    entries_push(out, s);
  }
  ctx->indentation -= 2;
  vm_handle_reset(vm, mark);
  if (ok && size > max) {
    StrBuf sb = {0};
    sb_printf(&sb, "... %.0f more item%s", size - max, size - max > 1 ? "s" : "");
    entries_push(out, sb_take(&sb));
  }
  return ok;
}
//< stdlib.format-collection

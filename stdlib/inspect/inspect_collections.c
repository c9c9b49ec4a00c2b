/* inspect_collections.c - Map, Set, their iterators and the weak tables in util.inspect:
 * `Map(2) { 'x' => 3, 'y' => 2 }`, `Set(3) { 3, 1, 2 }`, `[Map Entries] { [ 1, 'a' ] }`,
 * `[Set Iterator] { 5, 6 }`, `WeakMap { <items unknown> }`.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry points: inspect_collection_size, inspect_collection_entries,
 * inspect_put_iterator_brace. The contents are read straight from the engine's tables
 * (vm_map_entry), never through Map.prototype, so no user code runs and a collection
 * with a null prototype or an overridden iterator prints what it holds, as Node's
 * previewEntries does. An iterator shows what it has left, without advancing.
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

static bool is_weak(VMClass cls) { return cls == VM_CLASS_WEAKMAP || cls == VM_CLASS_WEAKSET; }

static bool is_iterator(VMClass cls) {
  return cls == VM_CLASS_MAP_ITERATOR || cls == VM_CLASS_SET_ITERATOR;
}

double inspect_collection_size(InspectCtx *ctx, Value obj) { return vm_map_size(obj); }

void inspect_put_iterator_brace(StrBuf *sb, Value iter, const char *tag) {
  const char *type = vm_object_class(iter) == VM_CLASS_MAP_ITERATOR ? "Map" : "Set";
  uint32_t position;
  VMMapIterKind kind;
  vm_map_iterator_peek(iter, &position, &kind);
  StrBuf own = {0}; /* getIteratorBraces: the tag, then "Map Iterator" unless it is that */
  sb_printf(&own, "%s Iterator", type);
  sb_putc(sb, '[');
  if (strcmp(tag, own.data) != 0 && tag[0]) sb_printf(sb, "%s] [", tag);
  sb_printf(sb, "%s %s] {", type, kind == VM_MAP_ENTRIES ? "Entries" : "Iterator");
  sb_free(&own);
}

Value inspect_collection_preview(VM *vm, Value obj, double max, double *total,
                                 VMMapIterKind *kind) {
  Value table = obj;
  uint32_t position = 0;
  *kind = VM_MAP_ENTRIES;
  if (is_iterator(vm_object_class(obj))) table = vm_map_iterator_peek(obj, &position, kind);
  Value items = vm_handle_push(vm, vm_array_new(vm));
  *total = 0;
  if (value_is_undefined(table)) return items; /* a finished iterator */
  Value key, value;
  for (; vm_map_entry(table, &position, &key, &value); (*total)++) {
    if (*total >= max) continue;
    vm_array_push(vm, items, key);
    vm_array_push(vm, items, vm_object_class(table) == VM_CLASS_SET ? key : value);
  }
  return items;
}

/* `[ key, value ]` for an entries iterator (reduceToSingleString with array braces). */
static char *format_pair(InspectCtx *ctx, const char *k, const char *v, int recurse_times) {
  Entries pair = {0};
  entries_push(&pair, mem_strdup(k));
  entries_push(&pair, mem_strdup(v));
  char *out = layout_entries(ctx, &pair, "", "[", "]", EXTRAS_ARRAY, recurse_times, VALUE_UNDEFINED);
  entries_free(&pair);
  return out;
}

/* One entry: a Set's value, a Map's `key => value`, an iterator's key, value or pair. */
static char *format_item(InspectCtx *ctx, VMClass cls, VMMapIterKind kind, Value key, Value value,
                         int recurse_times) {
  bool two = cls == VM_CLASS_MAP || cls == VM_CLASS_WEAKMAP ||
             (is_iterator(cls) && kind == VM_MAP_ENTRIES);
  if (!two) return inspect_format_value(ctx, kind == VM_MAP_VALUES ? value : key, recurse_times);
  char *k = inspect_format_value(ctx, key, recurse_times);
  char *v = k ? inspect_format_value(ctx, value, recurse_times) : NULL;
  char *out = NULL;
  if (v && is_iterator(cls)) {
    out = format_pair(ctx, k, v, recurse_times);
  } else if (v) {
    StrBuf sb = {0};
    sb_printf(&sb, "%s => %s", k, v);
    out = sb_take(&sb);
  }
  free(k), free(v);
  return out;
}

static int compare_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

//> stdlib.format-collection
bool inspect_collection_entries(InspectCtx *ctx, Value obj, int recurse_times, Entries *out) {
  VM *vm = ctx->vm;
  VMClass cls = vm_object_class(obj);
  if (is_weak(cls) && !ctx->opts.show_hidden) { /* formatWeakCollection */
    StrBuf sb = {0};
    ctx_stylize(ctx, &sb, "<items unknown>", STYLE_SPECIAL);
    entries_push(out, sb_take(&sb));
    return true;
  }
  int mark = vm_handle_mark(vm);
  double limit = ctx->opts.max_array_length < 0 ? 0 : ctx->opts.max_array_length, total;
  VMMapIterKind kind;
  Value items = inspect_collection_preview(vm, obj, limit, &total, &kind);
  size_t first = out->count;
  bool ok = true;
  ctx->indentation += 2; /* entries are indented like properties */
  for (uint32_t i = 0; ok && i + 1 < vm_array_length(items); i += 2) {
    char *s = format_item(ctx, cls, kind, vm_array_get_raw(items, i),
                          vm_array_get_raw(items, i + 1), recurse_times);
    if ((ok = s != NULL)) entries_push(out, s);
  }
  ctx->indentation -= 2;
  vm_handle_reset(vm, mark);
  if (ok && is_weak(cls) && !ctx->opts.sorted && out->count - first > 1) /* as Node: sorted */
    qsort(out->items + first, out->count - first, sizeof *out->items, compare_text);
  double shown = total < limit ? total : limit;
  if (ok && total > shown) {
    StrBuf sb = {0};
    sb_printf(&sb, "... %.0f more item%s", total - shown, total - shown > 1 ? "s" : "");
    entries_push(out, sb_take(&sb));
  }
  return ok;
}
//< stdlib.format-collection

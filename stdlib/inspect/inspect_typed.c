/* inspect_typed.c - typed arrays, ArrayBuffers and DataViews in util.inspect:
 * `Uint8Array(3) [ 1, 2, 3 ]`, `ArrayBuffer { [Uint8Contents]: <01 02>, byteLength: 2 }`,
 * `DataView { byteLength: 2, byteOffset: 0, buffer: ArrayBuffer {...} }`.
 * Book: chapter 10, "Console and inspect".
 *
 * Node's formatTypedArray and formatArrayBuffer. The elements and bytes are read from the
 * engine's views (vm_array_view_info), so no user code runs; inspect.c describes the
 * braces and the keys (a buffer's byteLength, a view's three accessors) that follow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/inspect/internal.h"

/* `[key]: value` with showHidden: the buffer prints as `ArrayBuffer { byteLength: n }`. */
static bool push_hidden(InspectCtx *ctx, Entries *out, Value ta, const char *key,
                        int recurse_times) {
  VM *vm = ctx->vm;
  StrBuf sb = {0};
  sb_printf(&sb, "[%s]: ", key);
  Value v = vm_get_str(vm, ta, key);
  if (value_is_exception(v)) return sb_free(&sb), false;
  VMBufferInfo b;
  if (vm_array_buffer_info(v, &b)) {
    sb_puts(&sb, "ArrayBuffer { byteLength: ");
    char n[32];
    snprintf(n, sizeof n, "%zu", b.length);
    ctx_stylize(ctx, &sb, n, STYLE_NUMBER);
    sb_puts(&sb, " }");
  } else {
    vm_handle_push(vm, v);
    ctx->indentation += 2;
    char *s = inspect_format_value(ctx, v, recurse_times);
    ctx->indentation -= 2;
    if (!s) return sb_free(&sb), false;
    sb_puts(&sb, s);
    free(s);
  }
  entries_push(out, sb_take(&sb));
  return true;
}

//> stdlib.inspect-typed
bool inspect_typed_entries(InspectCtx *ctx, Value ta, int recurse_times, Entries *out) {
  VMViewInfo v;
  vm_array_view_info(ta, &v);
  size_t limit = ctx->opts.max_array_length < 0 ? 0 : (size_t)ctx->opts.max_array_length;
  size_t max = limit < v.length ? limit : v.length;
  for (size_t i = 0; i < max; i++) {
    StrBuf sb = {0};
    inspect_format_primitive(ctx, &sb, vm_typed_get(ta, (double)i));
    entries_push(out, sb_take(&sb));
  }
  if (v.length > max) {
    StrBuf sb = {0};
    sb_printf(&sb, "... %zu more item%s", v.length - max, v.length - max > 1 ? "s" : "");
    entries_push(out, sb_take(&sb));
  }
  static const char *const hidden[] = {"BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset",
                                       "buffer"};
  for (size_t i = 0; ctx->opts.show_hidden && i < 5; i++)
    if (!push_hidden(ctx, out, ta, hidden[i], recurse_times)) return false;
  return true;
}
//< stdlib.inspect-typed

bool inspect_buffer_entries(InspectCtx *ctx, Value buffer, Entries *out) {
  VMBufferInfo b;
  vm_array_buffer_info(buffer, &b);
  size_t limit = ctx->opts.max_array_length < 0 ? 0 : (size_t)ctx->opts.max_array_length;
  size_t max = limit < b.length ? limit : b.length;
  StrBuf sb = {0};
  ctx_stylize(ctx, &sb, "[Uint8Contents]", STYLE_SPECIAL);
  sb_puts(&sb, ": <");
  for (size_t i = 0; i < max; i++) sb_printf(&sb, i ? " %02x" : "%02x", b.data[i]);
  if (b.length > max)
    sb_printf(&sb, " ... %zu more byte%s", b.length - max, b.length - max > 1 ? "s" : "");
  sb_putc(&sb, '>');
  entries_push(out, sb_take(&sb));
  return true;
}

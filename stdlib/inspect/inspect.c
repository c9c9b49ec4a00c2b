/* inspect.c - util.inspect: the walk over a value that produces Node 20's text.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry points: inspect_value (util.inspect), inspect_format_value (one value inside a
 * walk). The walk follows Node's lib/internal/util/inspect.js step by step, because its
 * output is the specification: format_value handles primitives, custom inspectors and
 * circular references; format_raw finds the constructor name, the braces and the keys
 * of an object, formats its entries, and hands them to layout_entries
 * (inspect_layout.c), which decides between one line and many. Errors are in
 * inspect_error.c, quoting and widths in inspect_text.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/ecma.h"
#include "lexer/stack.h"
#include "stdlib/inspect/internal.h"

/* ==== Options and per-VM state ==== */

/* util.inspect.defaultOptions, one set per VM. */
static void default_options_init(void *state) {
  *(InspectOptions *)state = (InspectOptions){
      .depth = 2,
      .custom_inspect = true,
      .break_length = 80,
      .compact = 3,
      .max_array_length = 100,
      .max_string_length = 10000,
      .user_options = VALUE_UNDEFINED,
  };
}

static const VMStateType default_options_type = {
    "util.inspect.defaultOptions", sizeof(InspectOptions), default_options_init, NULL};

void inspect_default_options(VM *vm, InspectOptions *opts) {
  *opts = *(InspectOptions *)vm_state(vm, &default_options_type);
}

/* util.inspect.defaultOptions = {...} lands here (options.c). */
void inspect_set_default_options(VM *vm, const InspectOptions *opts) {
  InspectOptions *defaults = vm_state(vm, &default_options_type);
  *defaults = *opts;
  defaults->user_options = VALUE_UNDEFINED; /* the collector does not see this copy */
}

/* Symbol.for('nodejs.util.inspect.custom'), looked up once per realm: the very symbol
 * scripts get. Undefined before the symbol registry exists. */
Value inspect_custom_symbol(VM *vm) {
  Value sym = vm_intrinsic(vm, INTRINSIC_INSPECT_CUSTOM);
  if (value_is_symbol(sym)) return sym;
  int mark = vm_handle_mark(vm);
  Value name = vm_handle_push(vm, vm_string(vm, "nodejs.util.inspect.custom"));
  sym = builtins_symbol_for(vm, name);
  vm_handle_reset(vm, mark);
  if (value_is_exception(sym)) vm_take_exception(vm);
  if (!value_is_symbol(sym)) return VALUE_UNDEFINED;
  vm_set_intrinsic(vm, INTRINSIC_INSPECT_CUSTOM, sym);
  return sym;
}

/* ==== Small helpers ==== */

static const char *const style_colors[][2] = {
    [STYLE_NONE] = {NULL, NULL},         [STYLE_SPECIAL] = {"36", "39"},
    [STYLE_NUMBER] = {"33", "39"},       [STYLE_BIGINT] = {"33", "39"},
    [STYLE_BOOLEAN] = {"33", "39"},      [STYLE_UNDEFINED] = {"90", "39"},
    [STYLE_NULL] = {"1", "22"},          [STYLE_STRING] = {"32", "39"},
    [STYLE_SYMBOL] = {"32", "39"},       [STYLE_DATE] = {"35", "39"},
    [STYLE_REGEXP] = {"31", "39"},       [STYLE_MODULE] = {"4", "24"},
    [STYLE_NAME] = {NULL, NULL},
};

void ctx_stylize(InspectCtx *ctx, StrBuf *sb, const char *text, Style style) {
  const char *const *c = style_colors[style];
  if (!ctx->opts.colors || !c[0]) {
    sb_puts(sb, text);
    return;
  }
  sb_printf(sb, "\x1b[%sm%s\x1b[%sm", c[0], text, c[1]);
}

static char *stylized(InspectCtx *ctx, const char *text, Style style) {
  StrBuf sb = {0};
  ctx_stylize(ctx, &sb, text, style);
  return sb_take(&sb);
}

char *inspect_to_cstr(VM *vm, Value v) {
  if (value_is_symbol(v)) { /* String(sym) works where ToString throws */
    Value d = vm_symbol_description(v);
    StrBuf sb = {0};
    sb_puts(&sb, "Symbol(");
    if (value_is_string(d)) sb_put_js(&sb, d);
    sb_putc(&sb, ')');
    return sb_take(&sb);
  }
  Value s = vm_to_string(vm, v);
  return value_is_exception(s) ? NULL : vm_to_wtf8(s);
}

/* ==== Keys ==== */

static bool is_array_index_key(Value key) {
  if (!value_is_string(key)) return false;
  uint32_t n = vm_string_length(key);
  if (n == 0 || n > 10) return false;
  double v = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint16_t u = vm_string_unit(key, i);
    if (u < '0' || u > '9' || (i == 0 && u == '0' && n > 1)) return false;
    v = v * 10 + (u - '0');
  }
  return v <= 4294967294.0;
}

/* getKeys: own enumerable keys (all own keys with showHidden), symbols last. */
static Value own_keys(InspectCtx *ctx, Value obj) {
  int flags = VM_KEYS_STRINGS | VM_KEYS_SYMBOLS | (ctx->opts.show_hidden ? VM_KEYS_HIDDEN : 0);
  Value keys = vm_own_property_keys(ctx->vm, obj, flags);
  return value_is_exception(keys) ? keys : vm_handle_push(ctx->vm, keys);
}

/* getOwnNonIndexProperties: the keys of an array that are not element indices. */
static Value non_index_keys(InspectCtx *ctx, Value arr) {
  VM *vm = ctx->vm;
  Value all = own_keys(ctx, arr);
  if (value_is_exception(all)) return all;
  Value keys = vm_handle_push(vm, vm_array_new(vm));
  uint32_t n = vm_array_length(all);
  for (uint32_t i = 0; i < n; i++) {
    Value k = vm_array_get_raw(all, i);
    if (!is_array_index_key(k)) vm_array_push(vm, keys, k);
  }
  return keys;
}

/* keys.splice(0, count): boxed strings hide their index keys. */
static Value drop_first_keys(VM *vm, Value keys, uint32_t count) {
  Value rest = vm_handle_push(vm, vm_array_new(vm));
  uint32_t n = vm_array_length(keys);
  for (uint32_t i = count; i < n; i++) vm_array_push(vm, rest, vm_array_get_raw(keys, i));
  return rest;
}

/* ==== Primitives ==== */

/* A string as inspect shows it: quoted, cut at maxStringLength, and split after each
 * newline into 'piece' + lines when it is long. */
static void format_string(InspectCtx *ctx, StrBuf *sb, Value str) {
  uint32_t len = vm_string_length(str), trimmed = 0;
  if (len > (uint32_t)ctx->opts.max_string_length && ctx->opts.max_string_length >= 0) {
    trimmed = len - (uint32_t)ctx->opts.max_string_length;
    len = (uint32_t)ctx->opts.max_string_length;
  }
  long long room = (long long)ctx->opts.break_length - ctx->indentation - 4;
  bool split = ctx->opts.compact != INSPECT_COMPACT_TRUE && len > 16 && len > room;
  uint32_t start = 0;
  StrBuf piece = {0};
  for (uint32_t i = 0; i < len; i++) {
    if (!split || vm_string_unit(str, i) != '\n' || i + 1 == len) continue;
    sb_put_quoted(&piece, str, start, i + 1);
    ctx_stylize(ctx, sb, piece.data, STYLE_STRING);
    sb_puts(sb, " +\n");
    sb_spaces(sb, ctx->indentation + 2);
    piece.len = 0;
    start = i + 1;
  }
  sb_put_quoted(&piece, str, start, len);
  ctx_stylize(ctx, sb, piece.data, STYLE_STRING);
  sb_free(&piece);
  if (trimmed) sb_printf(sb, "... %u more character%s", trimmed, trimmed > 1 ? "s" : "");
}

void inspect_format_primitive(InspectCtx *ctx, StrBuf *sb, Value v) {
  StrBuf tmp = {0};
  Style style;
  if (value_is_string(v)) {
    format_string(ctx, sb, v);
    return;
  } else if (value_is_number(v)) {
    sb_put_number(&tmp, value_to_number(v), ctx->opts.numeric_separator);
    style = STYLE_NUMBER;
  } else if (value_is_bool(v)) {
    sb_puts(&tmp, v == VALUE_TRUE ? "true" : "false");
    style = STYLE_BOOLEAN;
  } else if (value_is_undefined(v)) {
    sb_puts(&tmp, "undefined");
    style = STYLE_UNDEFINED;
  } else if (value_is_null(v)) {
    sb_puts(&tmp, "null");
    style = STYLE_NULL;
  } else { /* a symbol: Symbol(description), the description raw */
    char *s = inspect_to_cstr(ctx->vm, v);
    sb_puts(&tmp, s);
    free(s);
    style = STYLE_SYMBOL;
  }
  ctx_stylize(ctx, sb, tmp.data ? tmp.data : "", style);
  sb_free(&tmp);
}

/* ==== Properties ==== */

static char *format_property(InspectCtx *ctx, Value obj, int recurse_times, Value key,
                             ExtrasType type);


/* How a property's key prints: bare, quoted, [hidden], [Symbol(s)] or ['__proto__']. */
static void put_key(InspectCtx *ctx, StrBuf *sb, Value key, bool enumerable) {
  StrBuf tmp = {0};
  if (value_is_symbol(key)) {
    Value d = vm_symbol_description(key);
    sb_puts(&tmp, "Symbol(");
    if (value_is_string(d)) sb_put_escaped_js(&tmp, d);
    sb_putc(&tmp, ')');
    sb_putc(sb, '[');
    ctx_stylize(ctx, sb, tmp.data, STYLE_SYMBOL);
    sb_putc(sb, ']');
  } else if (vm_string_length(key) == 9 && vm_string_compare(key, vm_atom(ctx->vm, "__proto__")) == 0) {
    sb_puts(sb, "['__proto__']");
  } else if (!enumerable) {
    sb_putc(sb, '[');
    sb_put_escaped_js(sb, key);
    sb_putc(sb, ']');
  } else if (key_is_identifier(key)) {
    sb_put_js(&tmp, key);
    ctx_stylize(ctx, sb, tmp.data, STYLE_NAME);
  } else {
    sb_put_quoted(&tmp, key, 0, vm_string_length(key));
    ctx_stylize(ctx, sb, tmp.data, STYLE_STRING);
  }
  sb_free(&tmp);
}

/* A getter's value with {getters: true}: [Getter: 1], [Getter] { ... }, or the error. */
static bool put_getter_value(InspectCtx *ctx, StrBuf *sb, Value obj, Value getter,
                             const char *label, int recurse_times) {
  VM *vm = ctx->vm;
  Value v = vm_call(vm, getter, obj, 0, NULL);
  if (value_is_exception(v)) {
    Value err = vm_handle_push(vm, vm_take_exception(vm));
    Value msg = value_is_object(err) ? vm_get_str(vm, err, "message") : VALUE_UNDEFINED;
    char *m = value_is_exception(msg) ? NULL : inspect_to_cstr(vm, msg);
    if (!m) return false;
    sb_printf(sb, "[%s: <Inspection threw (%s)>]", label, m);
    free(m);
    return true;
  }
  vm_handle_push(vm, v);
  ctx->indentation += 2;
  if (value_is_object(v)) {
    char *s = inspect_format_value(ctx, v, recurse_times);
    if (s) sb_printf(sb, "[%s] %s", label, s);
    free(s);
    ctx->indentation -= 2;
    return s != NULL;
  }
  sb_printf(sb, "[%s: ", label);
  inspect_format_primitive(ctx, sb, v);
  sb_putc(sb, ']');
  ctx->indentation -= 2;
  return true;
}

/* The value half of formatProperty. *newline is set in compact=true mode when a long
 * value moves to its own line. */
static bool put_property_value(InspectCtx *ctx, StrBuf *sb, Value obj, const PropertyInfo *p,
                               int recurse_times, ExtrasType type, bool *newline) {
  if (!p->is_accessor && !value_is_undefined(p->value)) {
    int diff = (ctx->opts.compact != INSPECT_COMPACT_TRUE || type != EXTRAS_OBJECT) ? 2 : 3;
    ctx->indentation += diff;
    char *s = inspect_format_value(ctx, p->value, recurse_times);
    if (s && diff == 3 && (size_t)ctx->opts.break_length < text_width(s, ctx->opts.colors)) {
      *newline = true;
      sb_putc(sb, '\n');
      sb_spaces(sb, ctx->indentation);
    }
    ctx->indentation -= diff;
    if (s) sb_puts(sb, s);
    free(s);
    return s != NULL;
  }
  if (p->is_accessor && !value_is_undefined(p->getter)) {
    const char *label = value_is_undefined(p->setter) ? "Getter" : "Getter/Setter";
    if (ctx->opts.getters) return put_getter_value(ctx, sb, obj, p->getter, label, recurse_times);
    StrBuf tmp = {0};
    sb_printf(&tmp, "[%s]", label);
    ctx_stylize(ctx, sb, tmp.data, STYLE_SPECIAL);
    sb_free(&tmp);
  } else if (p->is_accessor && !value_is_undefined(p->setter)) {
    ctx_stylize(ctx, sb, "[Setter]", STYLE_SPECIAL);
  } else {
    ctx_stylize(ctx, sb, "undefined", STYLE_UNDEFINED);
  }
  return true;
}

/* formatProperty: "key: value" (just the value for array elements). NULL on exception. */
static char *format_property(InspectCtx *ctx, Value obj, int recurse_times, Value key,
                             ExtrasType type) {
  VM *vm = ctx->vm;
  int mark = vm_handle_mark(vm);
  PropertyInfo p;
  if (vm_get_own_property(vm, obj, key, &p)) {
    vm_handle_push(vm, p.is_accessor ? p.getter : p.value);
    vm_handle_push(vm, p.is_accessor ? p.setter : VALUE_UNDEFINED);
  } else { /* inherited (an error's cause): show obj[key] as if it were own */
    p = (PropertyInfo){.getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED,
                       .attrs = VM_ATTR_ENUMERABLE};
    p.value = vm_get(vm, obj, key);
    if (value_is_exception(p.value)) return vm_handle_reset(vm, mark), NULL;
    vm_handle_push(vm, p.value);
  }
  StrBuf sb = {0}, value = {0};
  bool newline = false;
  bool ok = put_property_value(ctx, &value, obj, &p, recurse_times, type, &newline);
  vm_handle_reset(vm, mark);
  if (!ok) return sb_free(&value), NULL;
  if (type == EXTRAS_ARRAY_ELEMENT) return sb_take(&value);
  put_key(ctx, &sb, key, p.attrs & VM_ATTR_ENUMERABLE);
  sb_puts(&sb, newline ? ":" : ": ");
  sb_puts(&sb, value.data ? value.data : "");
  sb_free(&value);
  return sb_take(&sb);
}

/* ==== Arrays ==== */

static void push_remaining(Entries *out, double remaining) {
  StrBuf sb = {0};
  sb_printf(&sb, "... %.0f more item%s", remaining, remaining > 1 ? "s" : "");
  entries_push(out, sb_take(&sb));
}

static void push_empty_items(InspectCtx *ctx, Entries *out, double count) {
  StrBuf sb = {0};
  sb_printf(&sb, "<%.0f empty item%s>", count, count > 1 ? "s" : "");
  entries_push(out, stylized(ctx, sb.data, STYLE_UNDEFINED));
  sb_free(&sb);
}

static double index_key_value(Value key) {
  double v = 0;
  uint32_t n = vm_string_length(key);
  for (uint32_t i = 0; i < n; i++) v = v * 10 + (vm_string_unit(key, i) - '0');
  return v;
}

/* formatSpecialArray: a sparse array, from element `done` on, walking its index keys
 * and turning each gap into "<n empty items>". */
static bool format_sparse_array(InspectCtx *ctx, Value arr, int recurse_times, size_t max,
                                Entries *out, uint32_t done) {
  VM *vm = ctx->vm;
  Value keys = vm_own_property_keys(vm, arr, VM_KEYS_STRINGS);
  if (value_is_exception(keys)) return false;
  vm_handle_push(vm, keys);
  uint32_t nkeys = vm_array_length(keys);
  double index = done;
  for (uint32_t k = done; k < nkeys && out->count < max; k++) {
    Value key = vm_array_get_raw(keys, k);
    if (!is_array_index_key(key)) break;
    double at = index_key_value(key);
    if (at != index) {
      push_empty_items(ctx, out, at - index);
      index = at;
      if (out->count == max) break;
    }
    char *s = format_property(ctx, arr, recurse_times, key, EXTRAS_ARRAY_ELEMENT);
    if (!s) return false;
    entries_push(out, s);
    index++;
  }
  double remaining = vm_array_length(arr) - index;
  if (out->count != max) {
    if (remaining > 0) push_empty_items(ctx, out, remaining);
  } else if (remaining > 0) {
    push_remaining(out, remaining);
  }
  return true;
}

/* formatArray: up to maxArrayLength elements, then "... n more items". */
static bool format_array_entries(InspectCtx *ctx, Value arr, int recurse_times, Entries *out) {
  uint32_t len = vm_array_length(arr);
  int limit = ctx->opts.max_array_length < 0 ? 0 : ctx->opts.max_array_length;
  uint32_t max = (uint32_t)limit < len ? (uint32_t)limit : len;
  for (uint32_t i = 0; i < max; i++) {
    Value el = vm_array_get_raw(arr, i);
    if (value_is_hole(el)) return format_sparse_array(ctx, arr, recurse_times, max, out, i);
    char *s;
    if (value_is_undefined(el)) {
      s = stylized(ctx, "undefined", STYLE_UNDEFINED);
    } else {
      int mark = vm_handle_mark(ctx->vm);
      vm_handle_push(ctx->vm, el);
      ctx->indentation += 2;
      s = inspect_format_value(ctx, el, recurse_times);
      ctx->indentation -= 2;
      vm_handle_reset(ctx->vm, mark);
      if (!s) return false;
    }
    entries_push(out, s);
  }
  if (len > max) push_remaining(out, len - max);
  return true;
}

/* ==== formatRaw ==== */

/* What formatRaw learns about an object before it formats the entries. */
typedef struct Raw {
  char *constructor;  /* NULL: null prototype */
  char *tag;          /* "" when there is none */
  StrBuf base;        /* text before the braces: a function, an error's stack, a date */
  StrBuf open;        /* braces[0] */
  const char *close;  /* braces[1] */
  Value keys;         /* the keys printed as entries */
  bool is_array;      /* entries start with the elements */
  bool collection;    /* a Map, Set, iterator or weak table: entries start with its contents */
  bool is_promise;    /* entries start with its state: <pending>, the value, <rejected> ... */
  bool is_typed;      /* a typed array: entries start with its elements */
  bool is_buffer;     /* an ArrayBuffer: entries start with its [Uint8Contents] */
  ExtrasType extras;
  char *early;        /* the finished text when there are no entries to print */
} Raw;

static uint32_t key_count(Value keys) { return vm_array_length(keys); }

static bool is_error_object(VM *vm, Value v) {
  if (vm_is_error(v)) return true;
  Value error_proto = vm_intrinsic(vm, INTRINSIC_ERROR_PROTOTYPE);
  for (Value p = vm_prototype_of(v); value_is_object(p); p = vm_prototype_of(p))
    if (p == error_proto) return true;
  return false;
}

static bool describe_array(InspectCtx *ctx, Value v, Raw *r) {
  r->keys = non_index_keys(ctx, v);
  if (value_is_exception(r->keys)) return false;
  if (!r->constructor || strcmp(r->constructor, "Array") != 0 || r->tag[0]) {
    char size[24];
    snprintf(size, sizeof size, "(%u)", vm_array_length(v));
    inspect_put_prefix(&r->open, r->constructor, r->tag, "Array", size);
  }
  sb_putc(&r->open, '[');
  r->close = "]";
  r->is_array = true;
  r->extras = EXTRAS_ARRAY;
  if (vm_array_length(v) == 0 && key_count(r->keys) == 0) {
    sb_putc(&r->open, ']');
    r->early = sb_take(&r->open);
  }
  return true;
}

/* Typed arrays: "Uint8Array(3) [" with the elements (formatTypedArray), or "Int8Array(0) []". */
static bool describe_typed(InspectCtx *ctx, Value v, Raw *r) {
  r->keys = non_index_keys(ctx, v);
  if (value_is_exception(r->keys)) return false;
  VMViewInfo info;
  vm_array_view_info(v, &info);
  char size[32];
  snprintf(size, sizeof size, "(%zu)", info.length);
  inspect_put_prefix(&r->open, r->constructor, r->tag, vm_typed_name(info.kind), size);
  sb_putc(&r->open, '[');
  r->close = "]";
  r->is_typed = true;
  r->extras = EXTRAS_ARRAY;
  if (info.length == 0 && key_count(r->keys) == 0 && !ctx->opts.show_hidden)
    sb_putc(&r->open, ']'), r->early = sb_take(&r->open);
  return true;
}

/* An ArrayBuffer ("ArrayBuffer {" then its bytes and byteLength) or a DataView ("DataView {"
 * then byteLength, byteOffset and buffer): those keys come before the own ones. */
static bool describe_buffer(InspectCtx *ctx, Value v, Raw *r) {
  VM *vm = ctx->vm;
  Value own = own_keys(ctx, v);
  if (value_is_exception(own)) return false;
  bool buffer = vm_object_class(v) == VM_CLASS_ARRAY_BUFFER;
  static const char *const first[] = {"byteLength", "byteOffset", "buffer"};
  r->keys = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 0; i < (buffer ? 1 : 3); i++) vm_array_push(vm, r->keys, vm_atom(vm, first[i]));
  for (uint32_t i = 0; i < key_count(own); i++) vm_array_push(vm, r->keys, vm_array_get_raw(own, i));
  inspect_put_prefix(&r->open, r->constructor, r->tag, buffer ? "ArrayBuffer" : "DataView", "");
  sb_putc(&r->open, '{');
  r->is_buffer = buffer;
  return true;
}

/* Map and Set: "Map(2) {" with the entries, or "Set(0) {}". */
static bool describe_collection(InspectCtx *ctx, Value v, Raw *r) {
  bool is_map = vm_object_class(v) == VM_CLASS_MAP;
  r->keys = own_keys(ctx, v);
  if (value_is_exception(r->keys)) return false;
  double size = inspect_collection_size(ctx, v);
  char count[32];
  snprintf(count, sizeof count, "(%.0f)", size);
  inspect_put_prefix(&r->open, r->constructor, r->tag, is_map ? "Map" : "Set", count);
  sb_putc(&r->open, '{');
  r->collection = true;
  if (size == 0 && key_count(r->keys) == 0) sb_putc(&r->open, '}'), r->early = sb_take(&r->open);
  return true;
}

/* Map and Set iterators: "[Map Entries] {" / "[Set Iterator] {", with what is left to
 * iterate; never finished early (an exhausted one prints "[Map Iterator] {  }"). */
static bool describe_iterator(InspectCtx *ctx, Value v, Raw *r) {
  r->keys = own_keys(ctx, v);
  if (value_is_exception(r->keys)) return false;
  inspect_put_iterator_brace(&r->open, v, r->tag);
  r->collection = true;
  return true;
}

/* WeakMap and WeakSet: "WeakMap {" then `<items unknown>` (the entries with showHidden). */
static bool describe_weak(InspectCtx *ctx, Value v, Raw *r) {
  r->keys = own_keys(ctx, v);
  if (value_is_exception(r->keys)) return false;
  bool is_map = vm_object_class(v) == VM_CLASS_WEAKMAP;
  inspect_put_prefix(&r->open, r->constructor, r->tag, is_map ? "WeakMap" : "WeakSet", "");
  sb_putc(&r->open, '{');
  r->collection = true;
  return true;
}

/* The prefix of a date or regexp, when it is not just "Date " / "RegExp ". */
static void put_special_prefix(Raw *r, const char *fallback) {
  StrBuf prefix = {0}, plain = {0};
  inspect_put_prefix(&prefix, r->constructor, r->tag, fallback, "");
  sb_printf(&plain, "%s ", fallback);
  if (strcmp(prefix.data, plain.data) != 0) sb_puts(&r->base, prefix.data);
  sb_free(&prefix), sb_free(&plain);
}

/* Objects whose constructor is Object: "{", "[Arguments] {" or "Object [Tag] {". */
static void describe_plain(Value v, Raw *r) {
  r->open.len = 0;
  if (vm_object_class(v) == VM_CLASS_ARGUMENTS) sb_puts(&r->open, "[Arguments] ");
  else if (r->tag[0]) inspect_put_prefix(&r->open, r->constructor, r->tag, "Object", "");
  sb_putc(&r->open, '{');
}

/* Anything else: "Point {", "[Object: null prototype] {", "Object <Complex> {". */
static void describe_other(VM *vm, Value v, Raw *r) {
  r->open.len = 0;
  inspect_put_ctx_style(vm, &r->open, v, r->constructor, r->tag);
  sb_putc(&r->open, '{');
}

/* Promises: "Promise {" with the state as the first entry (formatPromise). */
static void describe_promise(Value v, Raw *r) {
  r->open.len = 0;
  inspect_put_prefix(&r->open, r->constructor, r->tag, "Promise", "");
  sb_putc(&r->open, '{');
  r->is_promise = true;
}

static bool promise_entry(InspectCtx *ctx, Value v, int recurse_times, Entries *out) {
  Value result;
  VMPromiseState state = vm_promise_state(v, &result);
  if (state == VM_PROMISE_PENDING) {
    entries_push(out, stylized(ctx, "<pending>", STYLE_SPECIAL));
    return true;
  }
  ctx->indentation += 2;
  char *s = inspect_format_value(ctx, result, recurse_times);
  ctx->indentation -= 2;
  if (!s) return false;
  if (state == VM_PROMISE_FULFILLED) {
    entries_push(out, s);
    return true;
  }
  StrBuf sb = {0};
  ctx_stylize(ctx, &sb, "<rejected>", STYLE_SPECIAL);
  sb_printf(&sb, " %s", s);
  free(s);
  entries_push(out, sb_take(&sb));
  return true;
}

/* Boxed primitives: [Number: 3]; a boxed string hides its index keys. */
static void describe_boxed(InspectCtx *ctx, Value v, Raw *r) {
  if (vm_object_class(v) == VM_CLASS_STRING)
    r->keys = drop_first_keys(ctx->vm, r->keys, vm_string_length(vm_inner_value(v)));
  inspect_put_boxed_base(ctx, &r->base, v, r->constructor, r->tag);
}

static bool is_boxed(VMClass cls) {
  return cls == VM_CLASS_BOOLEAN || cls == VM_CLASS_NUMBER || cls == VM_CLASS_STRING ||
         cls == VM_CLASS_SYMBOL;
}

/* The object branches of formatRaw, in Node's order: functions, plain objects,
 * regexps, dates, errors, boxed primitives, everything else. Objects without keys to
 * print are finished here (r->early). */
static bool describe_object(InspectCtx *ctx, Value v, int recurse_times, Raw *r) {
  VMClass cls = vm_object_class(v);
  r->keys = own_keys(ctx, v);
  if (value_is_exception(r->keys)) return false;
  sb_putc(&r->open, '{');
  Style style = STYLE_NONE; /* how a base without keys is coloured */
  bool has_base = true;
  if (vm_is_callable(v)) {
    if (!inspect_put_function_base(ctx, &r->base, v, r->constructor, r->tag)) return false;
    style = STYLE_SPECIAL;
  } else if (r->constructor && strcmp(r->constructor, "Object") == 0) {
    describe_plain(v, r), has_base = false;
  } else if (cls == VM_CLASS_REGEXP) {
    put_special_prefix(r, "RegExp");
    if (!inspect_put_regexp(ctx, &r->base, v)) return false;
    style = STYLE_REGEXP;
    if (recurse_times > ctx->opts.depth) r->early = stylized(ctx, r->base.data, style);
  } else if (cls == VM_CLASS_DATE) {
    put_special_prefix(r, "Date");
    inspect_put_date(&r->base, value_to_number(vm_inner_value(v)));
    style = STYLE_DATE;
  } else if (is_error_object(ctx->vm, v)) {
    char *stack = inspect_error_base(ctx, v, r->constructor, r->tag, &r->keys);
    if (!stack) return false;
    sb_puts(&r->base, stack);
    free(stack);
  } else if (cls == VM_CLASS_PROMISE) {
    describe_promise(v, r), has_base = false;
    return true;
  } else if (is_boxed(cls)) {
    describe_boxed(ctx, v, r);
    style = cls == VM_CLASS_NUMBER ? STYLE_NUMBER : cls == VM_CLASS_STRING ? STYLE_STRING
            : cls == VM_CLASS_BOOLEAN ? STYLE_BOOLEAN : STYLE_SYMBOL;
  } else {
    describe_other(ctx->vm, v, r), has_base = false;
  }
  if (r->early || key_count(r->keys) > 0) return true;
  if (has_base) r->early = stylized(ctx, r->base.data ? r->base.data : "", style);
  else sb_putc(&r->open, '}'), r->early = sb_take(&r->open);
  return true;
}

/* The "[Object]" / "[Point]" / "[Array: null prototype]" shown past the depth limit. */
static char *depth_exceeded(InspectCtx *ctx, Value v, const Raw *r) {
  StrBuf style = {0}, sb = {0};
  inspect_put_ctx_style(ctx->vm, &style, v, r->constructor, r->tag);
  style.data[--style.len] = '\0'; /* drop the trailing space */
  if (r->constructor) sb_printf(&sb, "[%s]", style.data);
  else sb_puts(&sb, style.data);
  sb_free(&style);
  char *out = stylized(ctx, sb.data, STYLE_SPECIAL);
  sb_free(&sb);
  return out;
}

/* Nesting deeper than the C stack allows: Node's formatRaw catches the RangeError and
 * prints this in the object's place, then goes on with its siblings and parents. */
static char *stack_exceeded(InspectCtx *ctx, Value v, const Raw *r) {
  StrBuf style = {0}, sb = {0};
  inspect_put_ctx_style(ctx->vm, &style, v, r->constructor, r->tag);
  style.data[--style.len] = '\0'; /* drop the trailing space */
  sb_printf(&sb, "[%s: Inspection interrupted prematurely. Maximum call stack size exceeded.]",
            style.data);
  sb_free(&style);
  char *out = stylized(ctx, sb.data, STYLE_SPECIAL);
  sb_free(&sb);
  return out;
}

/* Node's isStackOverflowError: is the exception in flight the RangeError thrown when the
 * stack ran out (somewhere below, in a getter or a custom inspector, say)? formatRaw
 * then takes it and prints stack_exceeded in the object's place. Read without running
 * any code: its own message and its prototype. */
static bool take_stack_overflow(InspectCtx *ctx) {
  VM *vm = ctx->vm;
  Value e = vm_pending_exception(vm);
  PropertyInfo message;
  if (!value_is_object(e) || vm_is_terminating(vm) ||
      vm_prototype_of(e) != vm_intrinsic(vm, INTRINSIC_RANGE_ERROR_PROTOTYPE) ||
      !vm_get_own_property(vm, e, vm_atom(vm, "message"), &message) || message.is_accessor ||
      !value_is_string(message.value))
    return false;
  char *text = vm_to_utf8(vm, message.value, NULL);
  bool overflow = strcmp(text, "Maximum call stack size exceeded") == 0;
  free(text);
  if (overflow) vm_take_exception(vm);
  return overflow;
}

/* Where formatRaw stops instead of formatting the entries: past the depth limit, or
 * where the C stack runs out (the entries recurse). NULL: go on. */
static char *stop_before_entries(InspectCtx *ctx, Value v, int recurse_times, const Raw *r) {
  if (recurse_times > ctx->opts.depth) return depth_exceeded(ctx, v, r);
  if (inspect_stack_exhausted(ctx)) return stack_exceeded(ctx, v, r);
  return NULL;
}

static void seen_push(InspectCtx *ctx, Value v) {
  if (ctx->seen_count == ctx->seen_cap) {
    ctx->seen_cap = ctx->seen_cap ? ctx->seen_cap * 2 : 16;
    ctx->seen = mem_realloc(ctx->seen, ctx->seen_cap * sizeof *ctx->seen);
  }
  ctx->seen[ctx->seen_count++] = v;
}

/* 1-based index of v among the circular targets, or 0. */
static size_t circular_index(InspectCtx *ctx, Value v) {
  for (size_t i = 0; i < ctx->circular_count; i++)
    if (ctx->circular[i] == v) return i + 1;
  return 0;
}

/* The entries of a described object: elements first, then `key: value`s. */
static bool format_entries(InspectCtx *ctx, Value v, int recurse_times, Raw *r, Entries *out) {
  if (r->is_array && !format_array_entries(ctx, v, recurse_times, out)) return false;
  if (r->is_typed && !inspect_typed_entries(ctx, v, recurse_times, out)) return false;
  if (r->is_buffer && !inspect_buffer_entries(ctx, v, out)) return false;
  if (r->collection && !inspect_collection_entries(ctx, v, recurse_times, out))
    return false;
  if (r->is_promise && !promise_entry(ctx, v, recurse_times, out)) return false;
  uint32_t n = key_count(r->keys);
  ExtrasType type = r->is_array ? EXTRAS_ARRAY : EXTRAS_OBJECT;
  for (uint32_t i = 0; i < n; i++) {
    char *s = format_property(ctx, v, recurse_times, vm_array_get_raw(r->keys, i), type);
    if (!s) return false;
    entries_push(out, s);
  }
  return true;
}

static int compare_entries(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* {sorted: true}: all entries of an object, only the keys after an array's elements. */
static void sort_entries(InspectCtx *ctx, Raw *r, Entries *out) {
  size_t n = r->extras == EXTRAS_OBJECT ? out->count : key_count(r->keys);
  if (n > 1 && n <= out->count)
    qsort(out->items + (out->count - n), n, sizeof *out->items, compare_entries);
}

/* If an entry printed [Circular *N] for v, v's own text starts with <ref *N> (in front of
 * the base; in front of the brace in compact=true mode). */
static void label_circular_target(InspectCtx *ctx, Value v, Raw *r) {
  size_t ref = circular_index(ctx, v);
  if (!ref) return;
  StrBuf label = {0}, tmp = {0};
  sb_printf(&tmp, "<ref *%zu>", ref);
  ctx_stylize(ctx, &label, tmp.data, STYLE_SPECIAL);
  sb_free(&tmp);
  StrBuf *target = ctx->opts.compact == INSPECT_COMPACT_TRUE ? &r->open : &r->base;
  if (target->len) sb_printf(&label, " %s", target->data);
  sb_free(target);
  *target = label;
}

//> stdlib.format-raw
/* formatRaw: an object that is not a back-edge. Describe it (constructor, tag, braces,
 * base, keys), stop at the depth limit (or the C stack's), format the entries one level
 * deeper with the object on the `seen` stack, mark it <ref *N> if an entry pointed back
 * at it, and lay the entries out. */
static char *format_raw(InspectCtx *ctx, Value v, int recurse_times) {
  Raw r = {.close = "}", .keys = VALUE_UNDEFINED};
  Entries out = {0};
  char *result = NULL;
  bool failed = false;
  r.constructor = inspect_constructor_name(ctx, v, recurse_times, &failed);
  if (failed || !(r.tag = inspect_string_tag(ctx, v))) goto done;
  VMClass cls = vm_object_class(v);
  bool described = vm_is_array(v) ? describe_array(ctx, v, &r)
                   : vm_typed_kind(v) >= 0 ? describe_typed(ctx, v, &r)
                   : cls == VM_CLASS_ARRAY_BUFFER || cls == VM_CLASS_DATA_VIEW
                       ? describe_buffer(ctx, v, &r)
                   : cls == VM_CLASS_MAP || cls == VM_CLASS_SET ? describe_collection(ctx, v, &r)
                   : cls == VM_CLASS_MAP_ITERATOR || cls == VM_CLASS_SET_ITERATOR
                       ? describe_iterator(ctx, v, &r)
                   : cls == VM_CLASS_WEAKMAP || cls == VM_CLASS_WEAKSET
                       ? describe_weak(ctx, v, &r)
                       : describe_object(ctx, v, recurse_times, &r);
  if (!described) goto done;
  if (r.early) {
    result = r.early, r.early = NULL;
    goto done;
  }
  if ((result = stop_before_entries(ctx, v, recurse_times, &r))) goto done;
  recurse_times++;
  seen_push(ctx, v);
  ctx->current_depth = recurse_times;
  bool ok = format_entries(ctx, v, recurse_times, &r, &out);
  ctx->seen_count--;
  if (!ok && take_stack_overflow(ctx)) result = stack_exceeded(ctx, v, &r);
  if (!ok) goto done;
  label_circular_target(ctx, v, &r);
  if (ctx->opts.sorted) sort_entries(ctx, &r, &out);
  result = layout_entries(ctx, &out, r.base.data ? r.base.data : "", r.open.data, r.close,
                          r.extras, recurse_times, r.is_array ? v : VALUE_UNDEFINED);
done:
  free(r.constructor), free(r.tag), free(r.early);
  sb_free(&r.base), sb_free(&r.open);
  entries_free(&out);
  return result;
}
//< stdlib.format-raw

/* ==== formatValue ==== */

/* The options object a custom inspector receives (getUserOptions). */
static Value user_options_object(InspectCtx *ctx) {
  VM *vm = ctx->vm;
  const InspectOptions *o = &ctx->opts;
  Value obj = vm_handle_push(vm, vm_object_new(vm));
#define UNLIMITED_OR(n) ((n) == INSPECT_UNLIMITED ? value_from_number(INFINITY) : value_from_number(n))
  vm_set_str(vm, obj, "showHidden", value_from_bool(o->show_hidden));
  vm_set_str(vm, obj, "depth", UNLIMITED_OR(o->depth));
  vm_set_str(vm, obj, "colors", value_from_bool(o->colors));
  vm_set_str(vm, obj, "customInspect", value_from_bool(o->custom_inspect));
  vm_set_str(vm, obj, "showProxy", value_from_bool(o->show_proxy));
  vm_set_str(vm, obj, "maxArrayLength", UNLIMITED_OR(o->max_array_length));
  vm_set_str(vm, obj, "maxStringLength", UNLIMITED_OR(o->max_string_length));
  vm_set_str(vm, obj, "breakLength", UNLIMITED_OR(o->break_length));
  vm_set_str(vm, obj, "compact", o->compact == INSPECT_COMPACT_TRUE ? VALUE_TRUE
                                  : o->compact == 0               ? VALUE_FALSE
                                                                  : value_from_number(o->compact));
  vm_set_str(vm, obj, "sorted", value_from_bool(o->sorted));
  vm_set_str(vm, obj, "getters", value_from_bool(o->getters));
  vm_set_str(vm, obj, "numericSeparator", value_from_bool(o->numeric_separator));
#undef UNLIMITED_OR
  if (value_is_object(o->user_options)) { /* ...ctx.userOptions: the caller's extras */
    Value keys = vm_handle_push(vm, vm_own_keys(vm, o->user_options));
    for (uint32_t i = 0; i < vm_array_length(keys); i++) {
      Value k = vm_array_get_raw(keys, i);
      Value val = vm_get(vm, o->user_options, k);
      if (value_is_exception(val)) return val;
      vm_set(vm, obj, k, val);
    }
  }
  return obj;
}

/* obj[util.inspect.custom](depth, options, inspect), if there is one. Sets *handled
 * when its result replaces the normal output. NULL (handled) on exception. */
static char *try_custom_inspect(InspectCtx *ctx, Value v, int recurse_times, bool *handled) {
  VM *vm = ctx->vm;
  *handled = false;
  Value sym = inspect_custom_symbol(vm);
  if (!value_is_symbol(sym)) return NULL;
  Value fn = vm_get(vm, v, sym);
  if (value_is_exception(fn)) return *handled = true, NULL;
  if (!vm_is_callable(fn) || fn == util_inspect_function(vm)) return NULL;
  Value ctor = vm_get_str(vm, v, "constructor"); /* skip prototype objects themselves */
  if (value_is_exception(ctor)) return *handled = true, NULL;
  if (vm_truthy(ctor) && value_is_object(ctor)) {
    Value proto = vm_get_str(vm, ctor, "prototype");
    if (value_is_exception(proto)) return *handled = true, NULL;
    if (proto == v) return NULL;
  }
  vm_handle_push(vm, fn);
  Value args[3];
  args[0] = ctx->opts.depth == INSPECT_UNLIMITED ? VALUE_NULL
                                                  : value_from_number(ctx->opts.depth - recurse_times);
  args[1] = user_options_object(ctx);
  if (value_is_exception(args[1])) return *handled = true, NULL;
  args[2] = util_inspect_function(vm);
  Value ret = vm_call(vm, fn, v, 3, args);
  if (value_is_exception(ret)) return *handled = true, NULL;
  if (ret == v) return NULL;
  *handled = true;
  vm_handle_push(vm, ret);
  if (!value_is_string(ret)) return inspect_format_value(ctx, ret, recurse_times);
  StrBuf sb = {0};
  char *text = vm_to_wtf8(ret);
  sb_put_indented(&sb, text, ctx->indentation);
  free(text);
  return sb_take(&sb);
}

/* The back-edge text [Circular *N], numbering the target on first sight. */
static char *circular_reference(InspectCtx *ctx, Value v) {
  size_t index = circular_index(ctx, v);
  if (!index) {
    if (ctx->circular_count == ctx->circular_cap) {
      ctx->circular_cap = ctx->circular_cap ? ctx->circular_cap * 2 : 8;
      ctx->circular = mem_realloc(ctx->circular, ctx->circular_cap * sizeof *ctx->circular);
    }
    ctx->circular[ctx->circular_count++] = v;
    vm_array_push(ctx->vm, ctx->keep_alive, v);
    index = ctx->circular_count;
  }
  StrBuf tmp = {0};
  sb_printf(&tmp, "[Circular *%zu]", index);
  char *out = stylized(ctx, tmp.data, STYLE_SPECIAL);
  sb_free(&tmp);
  return out;
}

/* The object shown for v: v, or the innermost target of a proxy of a proxy (the hole
 * when one on the way was revoked). */
static Value shown_object(Value v) {
  while (vm_is_proxy(v) && !value_is_null(vm_proxy_target(v))) v = vm_proxy_target(v);
  return vm_is_proxy(v) ? VALUE_HOLE : v;
}

/* formatProxy, for showProxy: Proxy [ target, handler ]; or <Revoked Proxy>. */
static char *format_proxy(InspectCtx *ctx, Value proxy, int recurse_times) {
  if (value_is_null(vm_proxy_target(proxy))) return stylized(ctx, "<Revoked Proxy>", STYLE_SPECIAL);
  if (ctx->opts.depth != INSPECT_UNLIMITED && recurse_times > ctx->opts.depth)
    return stylized(ctx, "Proxy [Array]", STYLE_SPECIAL);
  Entries out = {0};
  ctx->indentation += 2;
  char *target = inspect_format_value(ctx, vm_proxy_target(proxy), recurse_times + 1);
  char *handler =
      target ? inspect_format_value(ctx, vm_proxy_handler(proxy), recurse_times + 1) : NULL;
  ctx->indentation -= 2;
  if (!handler) return free(target), NULL;
  entries_push(&out, target), entries_push(&out, handler);
  char *text = layout_entries(ctx, &out, "", "Proxy [", "]", EXTRAS_ARRAY, recurse_times + 1,
                              VALUE_UNDEFINED);
  entries_free(&out);
  return text;
}

//> stdlib.format-value
char *inspect_format_value(InspectCtx *ctx, Value v, int recurse_times) {
  if (!value_is_object(v)) { /* primitives, null included, cannot have properties */
    StrBuf sb = {0};
    inspect_format_primitive(ctx, &sb, v);
    return sb_take(&sb);
  }
  if (vm_is_proxy(v)) { /* no trap runs: the target is shown, as if there were no proxy */
    if (ctx->opts.show_proxy || value_is_null(vm_proxy_target(v)))
      return format_proxy(ctx, v, recurse_times);
    v = vm_proxy_target(v); /* one level, as node's getProxyDetails */
  }
  int mark = vm_handle_mark(ctx->vm);
  char *out = NULL;
  bool handled = false;
  if (ctx->opts.custom_inspect) out = try_custom_inspect(ctx, v, recurse_times, &handled);
  if (!handled && (v = shown_object(v)) == VALUE_HOLE)
    out = stylized(ctx, "<Revoked Proxy>", STYLE_SPECIAL), handled = true;
  if (!handled) {
    bool is_seen = false; /* an object still being formatted further up: a cycle */
    for (size_t i = 0; i < ctx->seen_count && !is_seen; i++) is_seen = ctx->seen[i] == v;
    out = is_seen ? circular_reference(ctx, v) : format_raw(ctx, v, recurse_times);
  }
  vm_handle_reset(ctx->vm, mark);
  return out;
}
//< stdlib.format-value

/* ==== util.inspect ==== */

//> stdlib.inspect-stack
/* Node's formatRaw stops where V8's stack (under 1 MiB) runs out, about a thousand
 * objects deep. Deeper than that the text grows with the square of the depth and every
 * level copies the text of the levels below it, so an inspection here keeps to a
 * similar budget of C stack, counted from where the outermost inspection began (a
 * custom inspector may call util.inspect again), as well as to the real limit
 * (vm_stack_exhausted). */
#define INSPECT_STACK_BUDGET ((uintptr_t)512 << 10)

typedef struct InspectNesting {
  int active;         /* inspections running now, one inside another */
  uintptr_t limit;    /* the outermost one's stack budget */
} InspectNesting;

static const VMStateType nesting_type = {"util.inspect nesting", sizeof(InspectNesting), NULL, NULL};

bool inspect_stack_exhausted(InspectCtx *ctx) {
  return stack_exhausted(ctx->stack_limit) || vm_stack_exhausted(ctx->vm);
}
//< stdlib.inspect-stack

static void ctx_init(InspectCtx *ctx, VM *vm, const InspectOptions *opts) {
  InspectNesting *nesting = vm_state(vm, &nesting_type);
  if (nesting->active++ == 0)
    nesting->limit = (uintptr_t)__builtin_frame_address(0) - INSPECT_STACK_BUDGET;
  *ctx = (InspectCtx){.vm = vm, .opts = *opts, .stack_limit = nesting->limit};
  ctx->keep_alive = vm_handle_push(vm, vm_array_new(vm));
}

static void ctx_free(InspectCtx *ctx) {
  ((InspectNesting *)vm_state(ctx->vm, &nesting_type))->active--;
  free(ctx->seen);
  free(ctx->circular);
}

/* inspect_value's worker for callers that want C text: malloc'd, or NULL on exception. */
char *inspect_to_text(VM *vm, Value v, const InspectOptions *opts) {
  int mark = vm_handle_mark(vm);
  InspectCtx ctx;
  ctx_init(&ctx, vm, opts);
  char *text = inspect_format_value(&ctx, v, 0);
  ctx_free(&ctx);
  vm_handle_reset(vm, mark);
  return text;
}

Value inspect_value(VM *vm, Value v, const InspectOptions *opts) {
  char *text = inspect_to_text(vm, v, opts);
  if (!text) return VALUE_EXCEPTION;
  Value s = sb_to_value(vm, text, strlen(text));
  free(text);
  return s;
}

Value inspect_error_for_uncaught(VM *vm, Value err) {
  if (value_is_string(err)) return err; /* Node prints a thrown string as it is */
  if (value_is_symbol(err)) return vm_string(vm, "");
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  /* node's report: no custom inspectors, at least five levels deep, and in colour for
   * an object when stderr takes colours (a primitive is printed plainly). */
  opts.custom_inspect = false;
  opts.colors = value_is_object(err) && inspect_should_colorize(vm, 2);
  if (opts.depth < 5) opts.depth = 5;
  return inspect_value(vm, err, &opts);
}

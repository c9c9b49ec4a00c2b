/* internal.h - what the files of stdlib/inspect/ share: a growable text buffer, lists
 * of formatted entries, the formatting context, and the layout functions.
 * Book: chapter 10, "Console and inspect".
 *
 * Text is built in C buffers, not JavaScript strings, so formatting allocates nothing
 * the collector sees. Buffers hold WTF-8: UTF-8 in which a lone surrogate of the
 * JavaScript string is kept as its own 3-byte sequence, so that converting back
 * (sb_to_value) gives exactly the UTF-16 units inspect produced.
 */
#ifndef TN_STDLIB_INSPECT_INTERNAL_H
#define TN_STDLIB_INSPECT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "stdlib/inspect/inspect.h"
#include "stdlib/stdlib.h"

/* ==== Text buffers (inspect_text.c) ==== */

/* The buffers are the engine's StrBuf (vm/vm.h); inspect adds: */
void sb_put_number(StrBuf *sb, double d, bool numeric_separator); /* -0 prints -0 */

/* Measures of WTF-8 text: JavaScript's .length, and columns on a terminal. */
size_t text_utf16_length(const char *s);
size_t text_width(const char *s, bool strip_ansi);
/* Appends src with every "\n" replaced by "\n" + indent spaces. */
void sb_put_indented(StrBuf *sb, const char *src, int indent);

/* strEscape: a string Value quoted with ', " or ` and escaped, as inspect shows it. */
void sb_put_quoted(StrBuf *sb, Value str, uint32_t start, uint32_t end);
/* Escapes control characters and lone surrogates without adding quotes (symbol keys). */
void sb_put_escaped_js(StrBuf *sb, Value str);
/* True for a key that prints bare: /^[a-zA-Z_][a-zA-Z_0-9]*$/. */
bool key_is_identifier(Value key);

/* ==== Lists of formatted entries ==== */

typedef struct Entries {
  char **items; /* each malloc'd, owned by the list */
  size_t count, cap;
} Entries;

void entries_push(Entries *e, char *item); /* takes ownership */
void entries_free(Entries *e);

/* ==== The formatting context (inspect.c) ==== */

typedef enum Style {
  STYLE_NONE, STYLE_SPECIAL, STYLE_NUMBER, STYLE_BIGINT, STYLE_BOOLEAN, STYLE_UNDEFINED,
  STYLE_NULL, STYLE_STRING, STYLE_SYMBOL, STYLE_DATE, STYLE_REGEXP, STYLE_MODULE, STYLE_NAME,
} Style;

typedef struct InspectCtx {
  VM *vm;
  InspectOptions opts;
  int indentation;    /* ctx.indentationLvl: columns the current value is indented by */
  int current_depth;  /* ctx.currentDepth: level of the last non-empty object entered */
  Value *seen;        /* the objects being formatted, outermost first */
  size_t seen_count, seen_cap;
  Value *circular;    /* targets of back-edges; circular[i] prints as <ref *(i+1)> */
  size_t circular_count, circular_cap;
  Value keep_alive;   /* a JS array that keeps the circular targets reachable */
  uintptr_t stack_limit; /* the stack budget of this inspection (inspect_stack_exhausted) */
} InspectCtx;

/* Whether the formatting should stop descending: the C stack is nearly full, or this
 * inspection used up its budget of it (inspect.c: INSPECT_STACK_BUDGET). */
bool inspect_stack_exhausted(InspectCtx *ctx);

/* Appends text in the colour of style (nothing extra when colours are off). */
void ctx_stylize(InspectCtx *ctx, StrBuf *sb, const char *text, Style style);

/* ==== Layout (inspect_layout.c) ==== */

/* What the entries are: an object's `key: value`s, an array's elements (bare values), or
 * an array's extra keys (Node's kObjectType, kArrayType, kArrayExtrasType). */
typedef enum ExtrasType { EXTRAS_OBJECT, EXTRAS_ARRAY_ELEMENT, EXTRAS_ARRAY } ExtrasType;

/* Joins the entries between braces on one line or one entry per line (Node's
 * reduceToSingleString). `array` is the array whose elements the entries show, or
 * undefined; it decides between right- and left-aligned columns. Consumes output. */
char *layout_entries(InspectCtx *ctx, Entries *output, const char *base, const char *open,
                     const char *close, ExtrasType extras, int recurse_times, Value array);

/* ==== Parts of the walk in their own files ==== */

/* What an object is called (inspect_describe.c). inspect_constructor_name gives the
 * malloc'd name, or NULL: a null prototype (*failed false) or an exception (true). */
char *inspect_constructor_name(InspectCtx *ctx, Value obj, int recurse_times, bool *failed);
/* getPrefix: "Foo ", "Foo(3) [Tag] ", "[Array(2): null prototype] " (constructor NULL). */
void inspect_put_prefix(StrBuf *sb, const char *constructor, const char *tag,
                        const char *fallback, const char *size);
/* getCtxStyle: the prefix of an ordinary object, its V8 class name as the fallback. */
void inspect_put_ctx_style(VM *vm, StrBuf *sb, Value obj, const char *constructor,
                           const char *tag);
/* A Symbol.toStringTag that is not an own enumerable key, else "" (NULL: exception). */
char *inspect_string_tag(InspectCtx *ctx, Value obj);
/* The bases: [Function: f] / [class A], [Number: 3], an ISO date, /re/g. The bool
 * ones return false on exception. */
bool inspect_put_function_base(InspectCtx *ctx, StrBuf *sb, Value fn, const char *constructor,
                               const char *tag);
void inspect_put_boxed_base(InspectCtx *ctx, StrBuf *sb, Value obj, const char *constructor,
                            const char *tag);
void inspect_put_date(StrBuf *sb, double time);
bool inspect_put_regexp(InspectCtx *ctx, StrBuf *sb, Value re);
/* Map, Set, their iterators, WeakMap and WeakSet (inspect_collections.c): a Map's or
 * Set's size; the formatted contents (values, `key => value`, an entries iterator's
 * `[ key, value ]`, or a weak table's `<items unknown>` unless showHidden) up to
 * maxArrayLength then "... n more items", false on exception; an iterator's opening
 * brace, "[Map Entries] {" or "[Set Iterator] {" (tag: its Symbol.toStringTag or ""). */
double inspect_collection_size(InspectCtx *ctx, Value obj);
bool inspect_collection_entries(InspectCtx *ctx, Value obj, int recurse_times, Entries *out);
void inspect_put_iterator_brace(StrBuf *sb, Value iter, const char *tag);
/* previewEntries of a Map, Set or iterator (what it has left): up to max entries as
 * [key, value, key, value, ...] (a Set's value is its key) in an array on the handle
 * stack, so that formatting, which may run code, cannot pull them away; the count of all
 * the entries in *total, and the iterator's kind (entries for a table) in *kind. */
Value inspect_collection_preview(VM *vm, Value obj, double max, double *total,
                                 VMMapIterKind *kind);
/* Typed arrays and ArrayBuffers (inspect_typed.c): a typed array's elements up to
 * maxArrayLength then "... n more items" (and with showHidden its [BYTES_PER_ELEMENT],
 * [length], [byteLength], [byteOffset] and [buffer]); a buffer's `[Uint8Contents]: <00 01>`
 * entry. False on exception. */
bool inspect_typed_entries(InspectCtx *ctx, Value ta, int recurse_times, Entries *out);
bool inspect_buffer_entries(InspectCtx *ctx, Value buffer, Entries *out);
/* formatPrimitive (inspect.c): a string (quoted, maybe split), number, boolean, ... */
void inspect_format_primitive(InspectCtx *ctx, StrBuf *sb, Value v);

/* formatError (inspect_error.c): the stack string, improved and indented. keys may lose
 * name/message/stack and gain cause/errors. NULL on exception. */
char *inspect_error_base(InspectCtx *ctx, Value err, const char *constructor, const char *tag,
                         Value *keys);
/* formatValue (inspect.c): malloc'd text, or NULL with an exception pending. */
char *inspect_format_value(InspectCtx *ctx, Value v, int recurse_times);
/* inspect_value's text: malloc'd WTF-8, or NULL with an exception pending. */
char *inspect_to_text(VM *vm, Value v, const InspectOptions *opts);
/* util.formatWithOptions into sb; false with an exception pending. */
bool format_to_buffer(VM *vm, StrBuf *sb, const InspectOptions *opts, int argc, Value *argv);
/* Symbol.for('nodejs.util.inspect.custom'), or undefined while Symbol.for is missing. */
Value inspect_custom_symbol(VM *vm);
/* util.inspect.defaultOptions = {...} (options.c) replaces this VM's defaults. */
void inspect_set_default_options(VM *vm, const InspectOptions *opts);
/* Reads an options object ({depth, colors, ...}) over opts; false on exception. For
 * natives: the handles it pushes are released when the native returns. */
bool inspect_read_options(VM *vm, Value obj, InspectOptions *opts);
/* console.table's box for an object or array (console_table.c): malloc'd text, or NULL
 * on exception. properties is an array of column names, or undefined. Its handles are
 * released when the calling native returns. */
char *console_table_text(VM *vm, Value data, Value properties);
/* String(v) semantics for the error code: a malloc'd WTF-8 string, or NULL on exception. */
char *inspect_to_cstr(VM *vm, Value v);

#endif

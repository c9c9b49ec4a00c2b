/* inspect_error.c - how util.inspect prints an Error: its stack string, made to name
 * the constructor, wrapped in brackets when it has no frames, with frames shared with
 * its cause folded away, and indented to the error's place in the output.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry point: inspect_error_base (Node's formatError), called by format_raw.
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

/* ==== Reading the error ==== */

/* String(obj[key]), or a copy of fallback when the value is undefined or null (when
 * fallback is NULL, nullish values are converted too). NULL on exception. */
static char *get_string(VM *vm, Value obj, const char *key, const char *fallback) {
  Value v = vm_get_str(vm, obj, key);
  if (value_is_exception(v)) return NULL;
  if (fallback && value_is_nullish(v)) return mem_strdup(fallback);
  vm_handle_push(vm, v);
  return inspect_to_cstr(vm, v);
}

/* Error.prototype.toString, for errors without a stack. */
static char *error_to_string(VM *vm, Value err) {
  Value n = vm_get_str(vm, err, "name");
  if (value_is_exception(n)) return NULL;
  char *name = value_is_undefined(n) ? mem_strdup("Error") : inspect_to_cstr(vm, n);
  Value m = name ? vm_get_str(vm, err, "message") : VALUE_EXCEPTION;
  char *msg = value_is_exception(m) ? NULL
              : value_is_undefined(m) ? mem_strdup("")
                                      : inspect_to_cstr(vm, m);
  if (!msg) return free(name), NULL;
  StrBuf sb = {0};
  if (!name[0]) sb_puts(&sb, msg);
  else if (!msg[0]) sb_puts(&sb, name);
  else sb_printf(&sb, "%s: %s", name, msg);
  free(name), free(msg);
  return sb_take(&sb);
}

/* getStackString: err.stack if truthy, else Error.prototype.toString. */
static char *stack_string(VM *vm, Value err) {
  Value stack = vm_get_str(vm, err, "stack");
  if (value_is_exception(stack)) return NULL;
  if (!vm_truthy(stack)) return error_to_string(vm, err);
  vm_handle_push(vm, stack);
  return inspect_to_cstr(vm, stack);
}

/* `key in obj`, walking the prototype chain without running code. */
static bool has_property(VM *vm, Value obj, const char *key) {
  Value k = vm_atom(vm, key);
  PropertyInfo p;
  for (Value o = obj; value_is_object(o); o = vm_prototype_of(o))
    if (vm_get_own_property(vm, o, k, &p)) return true;
  return false;
}

/* ==== The keys beside the stack ==== */

static long find_key(VM *vm, Value keys, const char *key) {
  Value k = vm_atom(vm, key);
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value ki = vm_array_get_raw(keys, i);
    if (value_is_string(ki) && vm_string_compare(ki, k) == 0) return i;
  }
  return -1;
}

static Value keys_without(VM *vm, Value keys, uint32_t drop) {
  Value rest = vm_handle_push(vm, vm_array_new(vm));
  for (uint32_t i = 0; i < vm_array_length(keys); i++)
    if (i != drop) vm_array_push(vm, rest, vm_array_get_raw(keys, i));
  return rest;
}

/* removeDuplicateErrorKeys, then cause and errors join the keys when not already there.
 * false on exception. */
static bool adjust_error_keys(InspectCtx *ctx, Value err, const char *stack, Value *keys) {
  static const char *const shown[] = {"name", "message", "stack"};
  VM *vm = ctx->vm;
  for (int i = 0; i < 3 && !ctx->opts.show_hidden; i++) {
    long at = find_key(vm, *keys, shown[i]);
    if (at < 0) continue;
    char *value = get_string(vm, err, shown[i], NULL);
    if (!value) return false;
    if (strstr(stack, value)) *keys = keys_without(vm, *keys, (uint32_t)at);
    free(value);
  }
  if (has_property(vm, err, "cause") && find_key(vm, *keys, "cause") < 0)
    vm_array_push(vm, *keys, vm_atom(vm, "cause"));
  Value errors = vm_get_str(vm, err, "errors");
  if (value_is_exception(errors)) return false;
  if (vm_is_array(errors) && find_key(vm, *keys, "errors") < 0)
    vm_array_push(vm, *keys, vm_atom(vm, "errors"));
  return true;
}

/* ==== improveStack ==== */

static bool starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* For a null-prototype error: the name its stack starts with (Node's two regexps,
 * /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ and /^([a-z_A-Z0-9-]*Error)$/). */
static size_t stack_name_length(const char *stack) {
  static const char run_chars[] = "abcdefghijklmnopqrstuvwxyz_ ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "0123456789[]()-";
  if (stack[0] >= 'A' && stack[0] <= 'Z') {
    size_t n = 1 + strspn(stack + 1, run_chars);
    if (n >= 2 && (stack[n] == ':' || starts_with(stack + n, "\n    at"))) return n;
  }
  size_t n = strspn(stack, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789-");
  if (stack[n] == '\0' && ends_with(stack, "Error")) return n;
  return 0;
}

//> stdlib.improve-stack
/* improveStack: make the first line name the constructor when it differs from the
 * error's name (`class NoName extends Error` prints "NoName [Error]: m"). Only errors
 * that look normal (name ends in "Error" and starts the stack) are touched. */
static char *improve_stack(char *stack, const char *constructor, const char *name,
                           const char *tag) {
  size_t len = strlen(name);
  char after = strlen(stack) >= len ? stack[len] : 'x';
  if (constructor && !(ends_with(name, "Error") && starts_with(stack, name) &&
                       (after == '\0' || after == ':' || after == '\n')))
    return stack;
  char fallback[256] = "Error";
  if (!constructor) {
    len = stack_name_length(stack);
    if (len > 0 && len < sizeof fallback) memcpy(fallback, stack, len), fallback[len] = '\0';
  }
  StrBuf prefix = {0}, sb = {0};
  if (constructor) sb_printf(&prefix, "%s", constructor);
  else sb_printf(&prefix, "[%s: null prototype]", fallback);
  if (tag[0] && strcmp(constructor ? constructor : fallback, tag) != 0)
    sb_printf(&prefix, " [%s]", tag);
  if (strcmp(name, prefix.data) == 0) {
    sb_free(&prefix);
    return stack;
  }
  if (strstr(prefix.data, name)) {
    if (len == 0) sb_printf(&sb, "%s: %s", prefix.data, stack);
    else sb_printf(&sb, "%s%s", prefix.data, stack + len);
  } else {
    sb_printf(&sb, "%s [%s]%s", prefix.data, name, stack + len);
  }
  sb_free(&prefix);
  free(stack);
  return sb_take(&sb);
}
//< stdlib.improve-stack

/* ==== Frames shared with the cause ==== */

typedef struct Lines {
  char **line;
  size_t count;
} Lines;

/* Splits text at '\n' into malloc'd lines. */
static Lines split_lines(const char *text) {
  Lines l = {0};
  size_t cap = 1;
  for (const char *p = text; *p; p++) cap += *p == '\n';
  l.line = mem_alloc(cap * sizeof *l.line);
  for (const char *p = text;; p++) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    l.line[l.count] = mem_alloc(n + 1);
    memcpy(l.line[l.count], p, n), l.line[l.count++][n] = '\0';
    if (!nl) break;
    p = nl;
  }
  return l;
}

static void lines_free(Lines *l) {
  for (size_t i = 0; i < l->count; i++) free(l->line[i]);
  free(l->line);
}

/* identicalSequenceRange: the first run of more than 3 lines of a also found in b. */
static size_t identical_run(const Lines *a, const Lines *b, size_t *offset) {
  for (size_t i = 0; i + 3 < a->count; i++) {
    size_t pos = 0;
    while (pos < b->count && strcmp(b->line[pos], a->line[i]) != 0) pos++;
    if (pos == b->count || b->count - pos <= 3) continue;
    size_t max = a->count - i < b->count - pos ? a->count - i : b->count - pos, len = 1;
    while (max > len && strcmp(a->line[i + len], b->line[pos + len]) == 0) len++;
    if (len > 3) return *offset = i, len;
  }
  return 0;
}

/* Replaces the frames this error shares with its cause by one "... n lines matching
 * cause stack trace ..." line (getStackFrames). */
static void fold_cause_frames(InspectCtx *ctx, Value err, Lines *frames) {
  VM *vm = ctx->vm;
  Value cause = vm_get_str(vm, err, "cause");
  if (value_is_exception(cause)) {
    vm_take_exception(vm); /* a throwing cause getter is ignored */
    return;
  }
  if (!value_is_object(cause) || !vm_is_error(cause)) return;
  vm_handle_push(vm, cause);
  char *cause_stack = stack_string(vm, cause);
  if (!cause_stack) {
    vm_take_exception(vm);
    return;
  }
  char *at = strstr(cause_stack, "\n    at");
  if (at) {
    Lines cause_frames = split_lines(at + 1);
    size_t offset = 0, len = identical_run(frames, &cause_frames, &offset);
    if (len > 0) {
      size_t skipped = len - 2;
      StrBuf msg = {0}, tmp = {0};
      sb_printf(&tmp, "    ... %zu lines matching cause stack trace ...", skipped);
      ctx_stylize(ctx, &msg, tmp.data, STYLE_UNDEFINED);
      sb_free(&tmp);
      for (size_t i = offset + 1; i < offset + 1 + skipped; i++) free(frames->line[i]);
      frames->line[offset + 1] = sb_take(&msg);
      memmove(frames->line + offset + 2, frames->line + offset + 1 + skipped,
              (frames->count - offset - 1 - skipped) * sizeof *frames->line);
      frames->count -= skipped - 1;
    }
    lines_free(&cause_frames);
  }
  free(cause_stack);
}

/* ==== formatError ==== */

/* Where the frames start: the first "\n    at" after the message. */
static const char *frames_start(VM *vm, Value err, const char *stack) {
  Value m = vm_get_str(vm, err, "message");
  size_t from = 0;
  if (value_is_string(m) && vm_truthy(m)) {
    char *msg = inspect_to_cstr(vm, m);
    const char *found = msg ? strstr(stack, msg) : NULL;
    if (found && found != stack) from = (size_t)(found - stack) + strlen(msg);
    free(msg);
  }
  if (vm_has_exception(vm)) vm_take_exception(vm);
  return strstr(stack + from, "\n    at");
}

char *inspect_error_base(InspectCtx *ctx, Value err, const char *constructor, const char *tag,
                         Value *keys) {
  VM *vm = ctx->vm;
  char *name = get_string(vm, err, "name", "Error");
  char *stack = name ? stack_string(vm, err) : NULL;
  if (!stack || !adjust_error_keys(ctx, err, stack, keys)) return free(name), free(stack), NULL;
  stack = improve_stack(stack, constructor, name, tag);
  free(name);
  StrBuf sb = {0};
  const char *start = frames_start(vm, err, stack);
  if (!start) {
    sb_printf(&sb, "[%s]", stack);
  } else {
    sb_putn(&sb, stack, (size_t)(start - stack));
    Lines frames = split_lines(start + 1);
    fold_cause_frames(ctx, err, &frames);
    for (size_t i = 0; i < frames.count; i++) sb_printf(&sb, "\n%s", frames.line[i]);
    lines_free(&frames);
  }
  free(stack);
  if (ctx->indentation == 0) return sb_take(&sb);
  StrBuf indented = {0}; /* the message and the frames are indented as well */
  sb_put_indented(&indented, sb.data, ctx->indentation);
  sb_free(&sb);
  return sb_take(&indented);
}

/* validate.c - Node's argument errors, and the validators every module calls to throw them.
 * Book: chapter 11, "Files" ("Bad arguments").
 *
 *   node_error_new             an error with `code`, its stack headed "TypeError [CODE]: ..."
 *   node_throw_arg_type        ERR_INVALID_ARG_TYPE   'The "cb" argument must be ... Received ...'
 *   node_throw_arg_value       ERR_INVALID_ARG_VALUE  "The argument 'path' ... Received ..."
 *   node_throw_out_of_range    ERR_OUT_OF_RANGE       'The value of "code" is out of range. ...'
 *   node_validate_*            the checks of node's lib/internal/validators.js
 *   node_error_origin          where node reports such an error thrown (uncaught report)
 *   node_host_errors           these, handed to the runtime's module loader (host_set_errors)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"

/* node's validators are wrapped in hideStackFrames, which rethrows what they throw from
 * this line of lib/internal/errors.js: an uncaught one is reported there. */
const char *const NODE_ORIGIN_VALIDATOR = "node:internal/errors:541\n      throw error;\n      ^";

/* The error node threw last and where: the uncaught report names node's line instead of
 * the script's as long as that error is still in flight from the spot it was thrown. */
typedef struct NodeErrorState {
  bool has;
  int32_t pin;
  SourceSite site;
  const char *origin;
  bool has_classes;
  int32_t classes; /* a pin: { "TypeError ERR_X": the prototype of such errors } */
  bool has_enhanced;
  int32_t enhanced; /* a pin: the stack the report shows instead of the error's own */
} NodeErrorState;

static const VMStateType node_error_state = {"node error origin", sizeof(NodeErrorState), NULL,
                                              NULL};

static NodeErrorState *error_state(VM *vm) { return vm_state(vm, &node_error_state); }

/* ==== Making the error ==== */

static const char *kind_name(ErrorKind kind) {
  return kind == ERR_TYPE ? "TypeError" : kind == ERR_RANGE ? "RangeError" : "Error";
}

/* Error.stackTraceLimit = 0 (V8's switch) leaves a stack of the header alone. */
static bool wants_frames(VM *vm) {
  Value ctor = vm_get_str(vm, vm_global(vm), "Error");
  Value limit = value_is_object(ctor) ? vm_get_str(vm, ctor, "stackTraceLimit") : VALUE_UNDEFINED;
  if (value_is_exception(limit)) vm_take_exception(vm); /* a throwing getter: keep the frames */
  return !value_is_number(limit) || value_to_number(limit) > 0;
}

/* ==== node's error classes ====
 * node makes a class per code and kind (class NodeError extends TypeError), so a coded
 * error inherits a toString that names the code: `${name} [${code}]: ${message}`. Its
 * prototype chain is two objects deep before TypeError.prototype, and both answer
 * `constructor` with a getter that returns TypeError itself. */

static Value get_constructor(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_native_data(vm);
}

/* toString, its data the code. */
static Value coded_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  if (value_is_nullish(this_value))
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading 'name')",
                          value_is_null(this_value) ? "null" : "undefined");
  Value name = vm_handle_push(vm, vm_get_str(vm, this_value, "name"));
  if (!value_is_exception(name)) name = vm_handle_push(vm, vm_to_string(vm, name));
  Value message = name;
  if (!value_is_exception(name)) message = vm_get_str(vm, this_value, "message");
  vm_handle_push(vm, message);
  if (!value_is_exception(message)) message = vm_handle_push(vm, vm_to_string(vm, message));
  if (value_is_exception(message)) return message;
  StrBuf sb = {0};
  sb_put_js(&sb, name);
  sb_puts(&sb, " [");
  sb_put_js(&sb, vm_native_data(vm));
  sb_puts(&sb, "]: ");
  sb_put_js(&sb, message);
  return sb_finish(vm, &sb);
}

/* A prototype object over proto, with the `constructor` getter (and toString if code). */
static Value class_layer(VM *vm, Value proto, Value base, Value code) {
  Value layer = vm_handle_push(vm, vm_object_with_proto(vm, proto));
  PropertyDescriptor desc = {.has_getter = true, .has_setter = true, .setter = VALUE_UNDEFINED,
                             .has_enumerable = true, .has_configurable = true,
                             .configurable = true};
  Value getter = vm_native_with_data(vm, "get constructor", get_constructor, 0, base);
  desc.getter = vm_handle_push(vm, getter);
  vm_define_property(vm, layer, vm_handle_push(vm, vm_string(vm, "constructor")), &desc);
  if (value_is_string(code)) {
    Value fn = vm_handle_push(vm, vm_native_with_data(vm, "toString", coded_to_string, 0, code));
    vm_define_str(vm, layer, "toString", fn, VM_ATTR_HIDDEN);
  }
  return layer;
}

/* The prototype of node's errors of this kind and code, made once per realm. */
static Value coded_prototype(VM *vm, ErrorKind kind, const char *code) {
  NodeErrorState *s = error_state(vm);
  if (!s->has_classes) {
    s->classes = vm_pin(vm, vm_object_with_proto(vm, VALUE_NULL));
    s->has_classes = true;
  }
  Value classes = vm_pinned(vm, s->classes);
  char key[96];
  snprintf(key, sizeof key, "%s %s", kind_name(kind), code);
  Value proto = vm_get_str(vm, classes, key);
  if (value_is_object(proto)) return proto;
  Value base_proto = vm_intrinsic(vm, INTRINSIC_ERROR_PROTOTYPE + kind);
  Value base = vm_handle_push(vm, vm_get_str(vm, base_proto, "constructor"));
  Value codev = vm_handle_push(vm, vm_string(vm, code));
  Value inner = class_layer(vm, base_proto, base, codev);
  proto = class_layer(vm, inner, base, VALUE_UNDEFINED);
  vm_define_str(vm, classes, key, proto, VM_ATTR_DEFAULT);
  return proto;
}

//> stdlib.node-error
/* Node's NodeError: own stack, code (enumerable) and message, in that order, and a stack
 * whose first line names the code, "TypeError [ERR_X]: message", while name stays
 * "TypeError". A string Value message; returns the error, unrooted. */
Value node_error_new(VM *vm, ErrorKind kind, const char *code, Value message) {
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, message); /* the caller may hand it over unrooted */
  Value error = vm_handle_push(vm, vm_make_error(vm, kind, VALUE_UNDEFINED));
  vm_set_prototype(vm, error, coded_prototype(vm, kind, code));
  vm_define_str(vm, error, "code", vm_string(vm, code), VM_ATTR_DEFAULT);
  vm_define_str(vm, error, "message", message, VM_ATTR_HIDDEN);
  StrBuf sb = {0};
  sb_printf(&sb, "%s [%s]: ", kind_name(kind), code);
  sb_put_js(&sb, message);
  Value header = vm_handle_push(vm, sb_finish(vm, &sb));
  Value trace = vm_handle_push(vm, wants_frames(vm) ? vm_stack_trace(vm) : vm_string(vm, ""));
  Value stack = vm_string_concat(vm, header, trace);
  if (!value_is_exception(stack)) vm_define_str(vm, error, "stack", stack, VM_ATTR_HIDDEN);
  else vm_take_exception(vm); /* too long to carry frames: keep the plain header */
  vm_handle_reset(vm, mark);
  return error;
}
//< stdlib.node-error

Value node_throw_from(VM *vm, Value error, const char *origin) {
  NodeErrorState *s = error_state(vm);
  if (s->has) vm_unpin(vm, s->pin);
  if (s->has_enhanced) vm_unpin(vm, s->enhanced), s->has_enhanced = false;
  s->has = true;
  s->pin = vm_pin(vm, error);
  s->origin = origin;
  vm_throw(vm, error);
  s->site = vm_exception_site(vm);
  return VALUE_EXCEPTION;
}

Value node_throw_enhanced(VM *vm, Value error, const char *origin, Value stack) {
  node_throw_from(vm, error, origin);
  NodeErrorState *s = error_state(vm);
  s->enhanced = vm_pin(vm, stack);
  s->has_enhanced = true;
  return VALUE_EXCEPTION;
}

Value node_error_enhanced_stack(VM *vm, Value exception, SourceSite site) {
  NodeErrorState *s = error_state(vm);
  if (!s->has_enhanced || !node_error_origin(vm, exception, site)) return VALUE_UNDEFINED;
  return vm_pinned(vm, s->enhanced);
}

Value node_error_set_origin(VM *vm, const char *origin) {
  error_state(vm)->origin = origin;
  return VALUE_EXCEPTION;
}

const char *node_error_origin(VM *vm, Value exception, SourceSite site) {
  NodeErrorState *s = error_state(vm);
  if (!s->has || vm_pinned(vm, s->pin) != exception) return NULL;
  bool same = s->site.filename == site.filename && s->site.line == site.line &&
              s->site.column == site.column;
  return same ? s->origin : NULL; /* rethrown by the script: its own line is reported */
}

/* Throws a node error whose message is sb's text (sb is consumed). */
static Value throw_message(VM *vm, ErrorKind kind, const char *code, StrBuf *sb) {
  Value message = vm_handle_push(vm, sb_finish(vm, sb));
  if (value_is_exception(message)) return message;
  return node_throw_from(vm, node_error_new(vm, kind, code, message), NODE_ORIGIN_VALIDATOR);
}

/* ==== How a message names the value it received ==== */

/* JSON.stringify of a string: node quotes a received string this way when it holds a '. */
static void put_json_quoted(StrBuf *sb, Value str) {
  uint32_t n = vm_string_length(str);
  sb_putc(sb, '"');
  for (uint32_t i = 0; i < n; i++) {
    uint16_t u = vm_string_unit(str, i);
    bool high = u >= 0xD800 && u < 0xDC00, low = u >= 0xDC00 && u < 0xE000;
    bool paired = high && i + 1 < n && (vm_string_unit(str, i + 1) & 0xFC00) == 0xDC00;
    const char *esc = u == '"' ? "\\\"" : u == '\\' ? "\\\\" : u == '\b' ? "\\b" : u == '\f' ? "\\f"
                    : u == '\n' ? "\\n" : u == '\r' ? "\\r" : u == '\t' ? "\\t" : NULL;
    if (esc) sb_puts(sb, esc);
    else if (u < 0x20 || low || (high && !paired)) sb_printf(sb, "\\u%04x", u);
    else if (paired) sb_put_unit(sb, u), sb_put_unit(sb, vm_string_unit(str, ++i));
    else sb_put_unit(sb, u);
  }
  sb_putc(sb, '"');
}

/* "type string ('abc')": cut to 25 units and "..." past 28. */
static Value put_received_string(VM *vm, StrBuf *sb, Value str) {
  uint32_t n = vm_string_length(str);
  if (n > 28) {
    StrBuf cut = {0};
    sb_put_js_range(&cut, str, 0, 25);
    sb_puts(&cut, "...");
    str = vm_handle_push(vm, sb_finish(vm, &cut));
  }
  bool has_quote = false;
  for (uint32_t i = 0, len = vm_string_length(str); i < len && !has_quote; i++)
    has_quote = vm_string_unit(str, i) == '\'';
  sb_puts(sb, "type string (");
  if (has_quote) put_json_quoted(sb, str);
  else sb_putc(sb, '\''), sb_put_js(sb, str), sb_putc(sb, '\'');
  sb_putc(sb, ')');
  return VALUE_TRUE;
}

/* 'name' in ctor, walking the prototype chain without running code. */
static bool has_name(VM *vm, Value ctor) {
  Value name = vm_handle_push(vm, vm_string(vm, "name"));
  for (Value o = ctor; value_is_object(o); o = vm_prototype_of(o)) {
    PropertyInfo info;
    if (vm_get_own_property(vm, o, name, &info)) return true;
  }
  return false;
}

/* An object: "an instance of C" when its constructor has a name, else inspect at depth -1. */
static Value put_received_object(VM *vm, StrBuf *sb, Value v) {
  Value ctor = vm_handle_push(vm, vm_get_str(vm, v, "constructor"));
  if (value_is_exception(ctor)) return ctor;
  if (vm_truthy(ctor) && !value_is_object(ctor)) {
    Value shown = vm_handle_push(vm, vm_to_string(vm, ctor));
    if (value_is_exception(shown)) return shown;
    char *text = vm_to_utf8(vm, shown, NULL);
    vm_throw_error(vm, ERR_TYPE, "Cannot use 'in' operator to search for 'name' in %s", text);
    free(text);
    return VALUE_EXCEPTION;
  }
  if (vm_truthy(ctor) && has_name(vm, ctor)) {
    Value name = vm_handle_push(vm, vm_get_str(vm, ctor, "name"));
    if (!value_is_exception(name)) name = vm_handle_push(vm, vm_to_string(vm, name));
    if (value_is_exception(name)) return name;
    sb_puts(sb, "an instance of ");
    sb_put_js(sb, name);
    return VALUE_TRUE;
  }
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  opts.depth = -1;
  Value text = vm_handle_push(vm, inspect_value(vm, v, &opts));
  if (value_is_exception(text)) return text;
  sb_put_js(sb, text);
  return VALUE_TRUE;
}

//> stdlib.node-received
/* determineSpecificType (lib/internal/errors.js): what "Received ..." says of v. Appends
 * to sb; VALUE_TRUE, or VALUE_EXCEPTION when a getter or toString of v throws. */
Value node_describe_received(VM *vm, StrBuf *sb, Value v) {
  char buf[32];
  if (value_is_nullish(v)) sb_puts(sb, value_is_null(v) ? "null" : "undefined");
  else if (value_is_number(v)) {
    double d = value_to_number(v);
    sb_printf(sb, "type number (%s)", d == 0 && signbit(d) ? "-0" : vm_number_to_cstr(d, buf));
  } else if (value_is_bool(v)) {
    sb_printf(sb, "type boolean (%s)", v == VALUE_TRUE ? "true" : "false");
  } else if (value_is_symbol(v)) {
    Value desc = vm_symbol_description(v);
    sb_puts(sb, "type symbol (Symbol(");
    if (value_is_string(desc)) sb_put_js(sb, desc);
    sb_puts(sb, "))");
  } else if (value_is_string(v)) return put_received_string(vm, sb, v);
  else if (vm_is_callable(v)) {
    Value name = vm_handle_push(vm, vm_get_str(vm, v, "name"));
    if (!value_is_exception(name)) name = vm_handle_push(vm, vm_to_string(vm, name));
    if (value_is_exception(name)) return name;
    sb_puts(sb, "function ");
    sb_put_js(sb, name);
  } else if (value_is_object(v)) return put_received_object(vm, sb, v);
  return VALUE_TRUE;
}
//< stdlib.node-received

/* ==== The three errors ==== */

/* 'The "name" argument' or, for a dotted name, 'The "options.x" property'. */
static void put_subject(StrBuf *sb, const char *name, bool quote_double) {
  size_t n = strlen(name);
  if (n > 9 && !strcmp(name + n - 9, " argument")) { /* "The last argument must be ..." */
    sb_printf(sb, "The %s ", name);
    return;
  }
  const char *type = strchr(name, '.') ? "property" : "argument";
  if (quote_double) sb_printf(sb, "The \"%s\" %s ", name, type);
  else sb_printf(sb, "The %s '%s' ", type, name);
}

Value node_throw_arg_type(VM *vm, const char *name, const char *expected, Value actual) {
  StrBuf sb = {0};
  put_subject(&sb, name, true);
  sb_printf(&sb, "must be %s. Received ", expected);
  if (value_is_exception(node_describe_received(vm, &sb, actual))) {
    sb_free(&sb);
    return VALUE_EXCEPTION;
  }
  return throw_message(vm, ERR_TYPE, "ERR_INVALID_ARG_TYPE", &sb);
}

/* util.inspect(value), cut to `limit` units and "...". */
static Value put_inspected(VM *vm, StrBuf *sb, Value v, uint32_t limit) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  Value text = vm_handle_push(vm, inspect_value(vm, v, &opts));
  if (value_is_exception(text)) return text;
  uint32_t n = vm_string_length(text);
  sb_put_js_range(sb, text, 0, n > limit ? limit : n);
  if (n > limit) sb_puts(sb, "...");
  return VALUE_TRUE;
}

Value node_throw_arg_value(VM *vm, const char *name, Value value, const char *reason) {
  StrBuf sb = {0};
  put_subject(&sb, name, false);
  sb_printf(&sb, "%s. Received ", reason ? reason : "is invalid");
  if (value_is_exception(put_inspected(vm, &sb, value, 128))) {
    sb_free(&sb);
    return VALUE_EXCEPTION;
  }
  return throw_message(vm, ERR_TYPE, "ERR_INVALID_ARG_VALUE", &sb);
}

/* An integer past 2**32 is written with node's separators: 1_099_511_627_776. */
static void put_separated(StrBuf *sb, double d) {
  char buf[32];
  const char *digits = vm_number_to_cstr(fabs(d), buf);
  size_t n = strlen(digits);
  if (d < 0) sb_putc(sb, '-');
  for (size_t i = 0; i < n; i++) {
    if (i && (n - i) % 3 == 0) sb_putc(sb, '_');
    sb_putc(sb, digits[i]);
  }
}

Value node_throw_out_of_range(VM *vm, const char *name, const char *range, Value received) {
  StrBuf sb = {0};
  sb_printf(&sb, "The value of \"%s\" is out of range. It must be %s. Received ", name, range);
  double d = value_is_number(received) ? value_to_number(received) : NAN;
  if (d == trunc(d) && fabs(d) > 4294967296.0 && !isinf(d)) put_separated(&sb, d);
  else if (value_is_exception(put_inspected(vm, &sb, received, UINT32_MAX))) {
    sb_free(&sb);
    return VALUE_EXCEPTION;
  }
  return throw_message(vm, ERR_RANGE, "ERR_OUT_OF_RANGE", &sb);
}

/* ==== Validators ==== */

bool node_validate_function(VM *vm, Value v, const char *name) {
  if (vm_is_callable(v)) return true;
  node_throw_arg_type(vm, name, "of type function", v);
  return false;
}

bool node_validate_string(VM *vm, Value v, const char *name) {
  if (value_is_string(v)) return true;
  node_throw_arg_type(vm, name, "of type string", v);
  return false;
}

/* validateInteger: a number, an integer, min <= v <= max (printed as integers). */
bool node_validate_integer(VM *vm, Value v, const char *name, double min, double max) {
  if (!value_is_number(v)) return node_throw_arg_type(vm, name, "of type number", v), false;
  double d = value_to_number(v);
  if (d != trunc(d) || isinf(d)) return node_throw_out_of_range(vm, name, "an integer", v), false;
  if (d >= min && d <= max) return true;
  char range[80];
  snprintf(range, sizeof range, ">= %.0f && <= %.0f", min, max);
  node_throw_out_of_range(vm, name, range, v);
  return false;
}

//> stdlib.validate-path
/* getValidatedPath: a string without NUL characters, as UTF-8 (to free()), or NULL with
 * node's TypeError pending. tinynode has no Buffer or URL yet, but names them as node does. */
char *node_validate_path(VM *vm, Value v, const char *name) {
  if (!value_is_string(v)) {
    node_throw_arg_type(vm, name, "of type string or an instance of Buffer or URL", v);
    return NULL;
  }
  for (uint32_t i = 0, n = vm_string_length(v); i < n; i++)
    if (vm_string_unit(v, i) == 0) {
      node_throw_arg_value(vm, name, v, "must be a string, Uint8Array, or URL without null bytes");
      return NULL;
    }
  return vm_to_utf8(vm, v, NULL);
}
//< stdlib.validate-path

/* ==== internal/validators: the same errors for the modules written in JavaScript ==== */

/* makeError(kind, code, message): node's error (0 Error, 1 TypeError, 2 RangeError) with
 * its code, returned, not thrown. */
static Value js_make_error(VM *vm, Value this_value, int argc, Value *argv) {
  static const ErrorKind kinds[] = {ERR_ERROR, ERR_TYPE, ERR_RANGE};
  int kind = argc > 0 && value_is_number(argv[0]) ? (int)value_to_number(argv[0]) : -1;
  Value code = argc > 1 ? argv[1] : VALUE_UNDEFINED, message = argc > 2 ? argv[2] : VALUE_UNDEFINED;
  if (kind < 0 || kind > 2 || !value_is_string(code) || !value_is_string(message))
    return vm_throw_error(vm, ERR_TYPE, "makeError: bad arguments");
  char *c = vm_to_utf8(vm, code, NULL);
  Value e = node_error_new(vm, kinds[kind], c, message);
  free(c);
  return e;
}

/* argError(which, name, words, value): ERR_INVALID_ARG_TYPE (0; words: what was
 * expected), ERR_INVALID_ARG_VALUE (1; words: the reason, or undefined) or
 * ERR_OUT_OF_RANGE (2; words: the range), returned, not thrown. */
static Value js_arg_error(VM *vm, Value this_value, int argc, Value *argv) {
  Value name = argc > 1 ? argv[1] : VALUE_UNDEFINED, words = argc > 2 ? argv[2] : VALUE_UNDEFINED;
  if (!value_is_string(name)) return vm_throw_error(vm, ERR_TYPE, "argError: bad arguments");
  int which = argc > 0 && value_is_number(argv[0]) ? (int)value_to_number(argv[0]) : 0;
  char *n = vm_to_utf8(vm, name, NULL);
  char *w = value_is_string(words) ? vm_to_utf8(vm, words, NULL) : NULL;
  Value value = argc > 3 ? argv[3] : VALUE_UNDEFINED;
  Value r = which == 0   ? node_throw_arg_type(vm, n, w ? w : "valid", value)
            : which == 1 ? node_throw_arg_value(vm, n, value, w)
                         : node_throw_out_of_range(vm, n, w ? w : "valid", value);
  free(n), free(w);
  return value_is_exception(r) && vm_has_exception(vm) ? vm_take_exception(vm) : r;
}

/* errnoName(-errno): libuv's name for a negative errno ("ENOENT"), or undefined. */
static Value js_errno_name(VM *vm, Value this_value, int argc, Value *argv) {
  double n = argc > 0 && value_is_number(argv[0]) ? value_to_number(argv[0]) : 0;
  const char *name = n < 0 && n > -4096 ? errno_code_name((int)-n) : NULL;
  return name && strcmp(name, "UNKNOWN") ? vm_string(vm, name) : VALUE_UNDEFINED;
}

/* Where node rethrows what a module written in JavaScript hands to throwFrom, by index:
 * 0, an EventTarget listener's error, thrown again from a nextTick. */
static const char *const js_origins[] = {
    "node:internal/event_target:1105\n  process.nextTick(() => { throw err; });\n"
    "                           ^",
};

/* throwFrom(error, which): throws error; uncaught, it is reported at js_origins[which]. */
static Value js_throw_from(VM *vm, Value this_value, int argc, Value *argv) {
  int which = argc > 1 && value_is_number(argv[1]) ? (int)value_to_number(argv[1]) : -1;
  if (which < 0 || which >= (int)(sizeof js_origins / sizeof *js_origins))
    return vm_throw_error(vm, ERR_TYPE, "throwFrom: bad arguments");
  return node_throw_from(vm, argv[0], js_origins[which]);
}

static const VMPropDef validators_props[] = {
    VM_FN_ENUM("makeError", js_make_error, 3),
    VM_FN_ENUM("argError", js_arg_error, 4),
    VM_FN_ENUM("errnoName", js_errno_name, 1),
    VM_FN_ENUM("throwFrom", js_throw_from, 2),
    VM_PROPS_END,
};

Value validators_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  return vm_define_props(vm, m, validators_props) ? m : VALUE_EXCEPTION;
}

const HostErrors node_host_errors = {
    .make = node_error_new,
    .throw_from = node_throw_from,
    .arg_type = node_throw_arg_type,
    .arg_value = node_throw_arg_value,
    .warn = node_emit_warning,
};

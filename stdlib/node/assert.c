/* assert.c - require('assert'), require('assert/strict'): node's assertion functions.
 * Book: chapter 10, "Console and inspect" ("assert").
 *
 * Entry points: assert_module_create and assert_strict_module_create. The module is the
 * function ok with every assertion as a property; assert.strict is a second such
 * function whose equal/deepEqual are the strict ones. A failed assertion throws an
 * AssertionError (assert_error.c) from the line node's own assert.js throws it, which
 * is what an uncaught one reports above the error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/node/internal.h"

/* Where node's lib/assert.js throws, for the uncaught report. */
static const char *const ORIGIN_FAIL = "node:assert:90\n  throw new AssertionError(obj);\n  ^";
static const char *const ORIGIN_OK = "node:internal/assert/utils:281\n    throw err;\n    ^";
static const char *const ORIGIN_FAIL_FN = "node:assert:137\n  throw err;\n  ^";
static const char *const ORIGIN_KEY = "node:assert:377\n      throw err;\n      ^";
static const char *const ORIGIN_PRIMITIVE = "node:assert:416\n      throw err;\n      ^";
static const char *const ORIGIN_EXCEPTION = "node:assert:491\n    throw err;\n    ^";
static const char *const ORIGIN_IF_ERROR = "node:assert:733\n    throw newErr;\n    ^";
static const char *const ORIGIN_MATCH = "node:assert:768\n    throw err;\n    ^";
static const char *const ORIGIN_MISSING = "node:assert:166\n    throw new ERR_MISSING_ARGS('actual', 'expected');\n    ^";

static Value arg(int argc, Value *argv, int i) { return i < argc ? argv[i] : VALUE_UNDEFINED; }

/* Throws a new AssertionError from origin; generated overrides generatedMessage when >= 0. */
static Value fail_with(VM *vm, const AssertFailure *f, int generated, const char *origin) {
  Value error = vm_handle_push(vm, assert_error_new(vm, f));
  if (value_is_exception(error)) return error;
  if (generated >= 0)
    vm_set_str(vm, error, "generatedMessage", value_from_bool(generated));
  return node_throw_from(vm, error, origin);
}

/* innerFail: a message that is an Error is thrown as it is. */
static Value inner_fail(VM *vm, Value actual, Value expected, Value message, const char *op) {
  if (vm_is_error(message)) return vm_throw(vm, message);
  AssertFailure f = {actual, expected, message, vm_atom(vm, op)};
  return fail_with(vm, &f, -1, ORIGIN_FAIL);
}

static Value missing_args(VM *vm) {
  Value message = vm_string(vm, "The \"actual\" and \"expected\" arguments must be specified");
  return node_throw_from(vm, node_error_new(vm, ERR_TYPE, "ERR_MISSING_ARGS", message),
                         ORIGIN_MISSING);
}

/* ==== ok ==== */

/* The call expression that starts at or before byte `col` of text: back over the callee
 * (`assert.ok`), then forward to its closing parenthesis, past strings and comments.
 * Returns its length, or 0 when it does not close. *start gets where it starts. */
static size_t call_extent(const char *text, size_t col, size_t *start) {
  size_t b = col;
  while (b > 0 && (text[b - 1] == '.' || text[b - 1] == '_' || text[b - 1] == '$' ||
                   (unsigned)((text[b - 1] | 0x20) - 'a') < 26u || (unsigned)(text[b - 1] - '0') < 10u))
    b--;
  *start = b;
  int depth = 0;
  for (size_t i = col; text[i]; i++) {
    char c = text[i];
    if (c == '\'' || c == '"' || c == '`') {
      for (i++; text[i] && text[i] != c; i++) i += text[i] == '\\' && text[i + 1];
      if (!text[i]) return 0;
    } else if (c == '/' && text[i + 1] == '/') {
      while (text[i + 1] && text[i + 1] != '\n') i++;
    } else if (c == '/' && text[i + 1] == '*') {
      char *end = strstr(text + i + 2, "*/");
      if (!end) return 0;
      i = (size_t)(end - text) + 1;
    } else if (c == '(') {
      depth++;
    } else if (c == ')' && --depth == 0) {
      return i + 1 - b;
    } else if (c == ';' && depth == 0) {
      return 0;
    }
  }
  return 0;
}

/* The text of the file from line `line` (1-based) on, to free(), or NULL. */
static char *read_from_line(const char *path, int line) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  StrBuf sb = {0};
  int c, at = 1;
  while ((c = getc(f)) != EOF && sb.len < 65536)
    if (at >= line) sb_putc(&sb, (char)c);
    else at += c == '\n';
  fclose(f);
  return sb_take(&sb);
}

/* node's message for a falsy assert(): the source of the call, read from the script,
 * each further line unindented as far as the call's column. Undefined if not found. */
static Value falsy_message(VM *vm) {
  Value probe = vm_handle_push(vm, vm_error_new(vm, ERR_ERROR, VALUE_UNDEFINED, VALUE_UNDEFINED));
  if (value_is_exception(probe)) return vm_take_exception(vm), VALUE_UNDEFINED;
  SourceSite site = vm_error_site(vm, probe);
  if (!site.filename || site.filename[0] != '/') return VALUE_UNDEFINED;
  char *text = read_from_line(site.filename, site.line);
  size_t col = 0, start;
  for (int units = 1; text && text[col] && units < site.column; col++) /* UTF-16 columns */
    if (((unsigned char)text[col] & 0xC0) != 0x80) units += (unsigned char)text[col] >= 0xF0 ? 2 : 1;
  while (text && ((unsigned char)text[col] & 0xC0) == 0x80) col++;
  size_t n = text ? call_extent(text, col, &start) : 0;
  if (n == 0) return free(text), VALUE_UNDEFINED;
  StrBuf sb = {0};
  sb_puts(&sb, "The expression evaluated to a falsy value:\n\n  ");
  for (size_t i = start; i < start + n; i++) {
    sb_putc(&sb, text[i]);
    if (text[i] != '\n') continue;
    sb_puts(&sb, "  ");
    for (size_t skip = 0; skip < start && (text[i + 1] == ' ' || text[i + 1] == '\t'); skip++) i++;
  }
  sb_putc(&sb, '\n');
  free(text);
  return sb_finish(vm, &sb);
}

//> stdlib.assert-ok
/* assert(value, message), assert.ok, assert.strict: value must be truthy. */
static Value assert_ok(VM *vm, Value this_value, int argc, Value *argv) {
  Value value = arg(argc, argv, 0), message = arg(argc, argv, 1);
  if (vm_truthy(value)) return VALUE_UNDEFINED;
  if (argc == 0)
    message = vm_string(vm, "No value argument passed to `assert.ok()`");
  else if (vm_is_error(message))
    return vm_throw(vm, message);
  else if (value_is_nullish(message))
    message = falsy_message(vm); /* without the source, it reads "false == true" */
  AssertFailure f = {value, VALUE_TRUE, vm_handle_push(vm, message), vm_atom(vm, "==")};
  return fail_with(vm, &f, argc == 0 || value_is_nullish(arg(argc, argv, 1)), ORIGIN_OK);
}
//< stdlib.assert-ok

/* ==== The comparisons ==== */

typedef enum Compare { CMP_LOOSE, CMP_STRICT, CMP_DEEP_LOOSE, CMP_DEEP_STRICT } Compare;

/* One row per comparison: its operator name, how it compares, and whether it wants the
 * values unequal. The natives' magic is the row. */
static const struct {
  const char *op;
  Compare how;
  bool negated;
} comparisons[] = {
    {"==", CMP_LOOSE, false},
    {"!=", CMP_LOOSE, true},
    {"deepEqual", CMP_DEEP_LOOSE, false},
    {"notDeepEqual", CMP_DEEP_LOOSE, true},
    {"deepStrictEqual", CMP_DEEP_STRICT, false},
    {"notDeepStrictEqual", CMP_DEEP_STRICT, true},
    {"strictEqual", CMP_STRICT, false},
    {"notStrictEqual", CMP_STRICT, true},
};
enum { EQUAL, NOT_EQUAL, DEEP_EQUAL, NOT_DEEP_EQUAL, DEEP_STRICT, NOT_DEEP_STRICT, STRICT,
       NOT_STRICT };

static bool both_nan(Value a, Value b) {
  return value_is_number(a) && value_is_number(b) && value_to_number(a) != value_to_number(a) &&
         value_to_number(b) != value_to_number(b);
}

/* Are a and b equal in the row's sense? true/false/exception. */
static Value compare(VM *vm, Compare how, Value a, Value b) {
  switch (how) {
  case CMP_LOOSE: {
    Value r = vm_loose_equals(vm, a, b);
    return r == VALUE_FALSE && both_nan(a, b) ? VALUE_TRUE : r;
  }
  case CMP_STRICT: /* Object.is */
    if (both_nan(a, b)) return VALUE_TRUE;
    if (value_is_number(a) && value_is_number(b) && value_to_number(a) == 0)
      return value_from_bool(value_to_number(b) == 0 &&
                             (1 / value_to_number(a) > 0) == (1 / value_to_number(b) > 0));
    return value_from_bool(vm_strict_equals(a, b));
  case CMP_DEEP_LOOSE: return node_deep_equal(vm, a, b, false);
  default: return node_deep_equal(vm, a, b, true);
  }
}

/* equal, notEqual, deepEqual, ..., notStrictEqual(actual, expected, message). */
static Value assert_compare(VM *vm, Value this_value, int argc, Value *argv) {
  int row = vm_native_magic(vm);
  if (argc < 2) return missing_args(vm);
  Value r = compare(vm, comparisons[row].how, argv[0], argv[1]);
  if (value_is_exception(r)) return r;
  if ((r == VALUE_TRUE) != comparisons[row].negated) return VALUE_UNDEFINED;
  return inner_fail(vm, argv[0], argv[1], arg(argc, argv, 2), comparisons[row].op);
}

/* ==== fail and ifError ==== */

/* Node's DEP0094, once per process: assert.fail with more than one argument. */
typedef struct AssertState {
  bool warned_fail;
} AssertState;
static const VMStateType assert_state_type = {"assert", sizeof(AssertState), NULL, NULL};

static Value warn_fail_arguments(VM *vm) {
  AssertState *s = vm_state(vm, &assert_state_type);
  if (s->warned_fail) return VALUE_UNDEFINED;
  s->warned_fail = true;
  return node_emit_warning(vm, "assert.fail() with more than one argument is deprecated. Please "
                               "use assert.strictEqual() instead or only pass a message.",
                           "DeprecationWarning", "DEP0094");
}

/* fail([message]) (and the deprecated fail(actual, expected, message, operator)). */
static Value assert_fail(VM *vm, Value this_value, int argc, Value *argv) {
  /* First, before any value here needs rooting: the warning allocates. */
  if (argc >= 2 && value_is_exception(warn_fail_arguments(vm))) return VALUE_EXCEPTION;
  Value actual = arg(argc, argv, 0), expected = arg(argc, argv, 1);
  Value message = arg(argc, argv, 2), op = arg(argc, argv, 3);
  bool internal = false;
  if (value_is_nullish(actual) && argc <= 1) {
    internal = true;
    message = vm_string(vm, "Failed");
  } else if (argc == 1) {
    message = actual, actual = VALUE_UNDEFINED;
  } else if (argc == 2) {
    op = vm_atom(vm, "!=");
  }
  vm_handle_push(vm, op);
  if (vm_is_error(message)) return vm_throw(vm, message);
  vm_handle_push(vm, message);
  if (value_is_undefined(op)) op = vm_atom(vm, "fail");
  vm_handle_push(vm, op);
  AssertFailure f = {actual, expected, message, op};
  return fail_with(vm, &f, internal ? 1 : -1, ORIGIN_FAIL_FN);
}

/* The part of err's stack from its first frame on ("    at ..."), or undefined. */
static Value frames_of(VM *vm, Value stack) {
  uint32_t n = vm_string_length(stack);
  for (uint32_t i = 0; i + 7 < n; i++)
    if (vm_string_unit(stack, i) == '\n' && vm_string_unit(stack, i + 1) == ' ' &&
        vm_string_unit(stack, i + 5) == 'a' && vm_string_unit(stack, i + 6) == 't')
      return vm_string_slice(vm, stack, i, n);
  return VALUE_UNDEFINED;
}

/* ifError(err): anything but null and undefined is thrown back, wrapped. */
static Value assert_if_error(VM *vm, Value this_value, int argc, Value *argv) {
  Value err = arg(argc, argv, 0);
  if (value_is_nullish(err)) return VALUE_UNDEFINED;
  StrBuf sb = {0};
  sb_puts(&sb, "ifError got unwanted exception: ");
  Value m = value_is_object(err) ? vm_get_str(vm, err, "message") : VALUE_UNDEFINED;
  if (value_is_exception(m)) return sb_free(&sb), m;
  if (value_is_object(err) && value_is_string(m) && vm_string_length(m) == 0) {
    Value ctor = vm_handle_push(vm, vm_get_str(vm, err, "constructor"));
    Value name = value_is_object(ctor) ? vm_get_str(vm, ctor, "name") : VALUE_UNDEFINED;
    if (value_is_string(name)) sb_put_js(&sb, name);
  } else if (value_is_object(err) && value_is_string(m)) {
    sb_put_js(&sb, m);
  } else {
    char *text = assert_inspect(vm, err, 2);
    if (!text) return sb_free(&sb), VALUE_EXCEPTION;
    sb_puts(&sb, text), free(text);
  }
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  AssertFailure f = {err, VALUE_NULL, message, vm_atom(vm, "ifError")};
  Value error = vm_handle_push(vm, assert_error_new(vm, &f));
  if (value_is_exception(error)) return error;
  /* node's stack: the new error's first line, then the frames of the original. */
  Value stack = value_is_object(err) ? vm_get_str(vm, err, "stack") : VALUE_UNDEFINED;
  Value frames = value_is_string(stack) ? vm_handle_push(vm, frames_of(vm, stack)) : stack;
  if (value_is_string(frames)) {
    StrBuf s = {0};
    sb_puts(&s, "AssertionError [ERR_ASSERTION]: ");
    sb_put_js(&s, message);
    sb_put_js(&s, frames);
    Value joined = sb_finish(vm, &s);
    if (!value_is_exception(joined)) vm_set_str(vm, error, "stack", joined);
  }
  return node_throw_from(vm, error, ORIGIN_IF_ERROR);
}

/* ==== match and doesNotMatch ==== */

static bool is_regexp(Value v) { return value_is_object(v) && vm_object_class(v) == VM_CLASS_REGEXP; }

/* RegExp.prototype.exec's answer as "did it match": true/false/exception. */
static Value regexp_matches(VM *vm, Value re, Value str) {
  Value r = vm_call(vm, vm_intrinsic(vm, INTRINSIC_REGEXP_EXEC), re, 1, &str);
  return value_is_exception(r) ? r : value_from_bool(!value_is_null(r));
}

/* "The input did not match the regular expression /x/. Input:\n\n'abc'\n" */
static Value input_message(VM *vm, const char *lead, Value re, Value str) {
  char *r = assert_inspect(vm, re, 2), *s = r ? assert_inspect(vm, str, 2) : NULL;
  if (!s) return free(r), VALUE_EXCEPTION;
  StrBuf sb = {0};
  sb_printf(&sb, "%s%s. Input:\n\n%s\n", lead, r, s);
  free(r), free(s);
  return sb_finish(vm, &sb);
}

/* match(string, regexp, message) and doesNotMatch (magic 1). */
static Value assert_match(VM *vm, Value this_value, int argc, Value *argv) {
  bool match = vm_native_magic(vm) == 0;
  Value string = arg(argc, argv, 0), re = arg(argc, argv, 1), message = arg(argc, argv, 2);
  if (!is_regexp(re)) return node_throw_arg_type(vm, "regexp", "an instance of RegExp", re);
  if (value_is_string(string)) {
    Value m = regexp_matches(vm, re, string);
    if (value_is_exception(m)) return m;
    if ((m == VALUE_TRUE) == match) return VALUE_UNDEFINED;
  }
  if (vm_is_error(message)) return vm_throw(vm, message);
  bool generated = !vm_truthy(message);
  if (generated && !value_is_string(string)) {
    StrBuf sb = {0};
    char *text = assert_inspect(vm, string, 2);
    if (!text) return VALUE_EXCEPTION;
    Value type = vm_typeof(vm, string);
    sb_puts(&sb, "The \"string\" argument must be of type string. Received type ");
    sb_put_js(&sb, type);
    sb_printf(&sb, " (%s)", text);
    free(text);
    message = sb_finish(vm, &sb);
  } else if (generated) {
    message = input_message(vm, match ? "The input did not match the regular expression "
                                      : "The input was expected to not match the regular expression ",
                            re, string);
  }
  if (value_is_exception(message)) return message;
  vm_handle_push(vm, message);
  AssertFailure f = {string, re, message, vm_atom(vm, match ? "match" : "doesNotMatch")};
  return fail_with(vm, &f, generated, ORIGIN_MATCH);
}

/* ==== throws and doesNotThrow ==== */

/* What a call of fn threw: *thrown is the exception and true returned, or false when fn
 * returned. VALUE_EXCEPTION when fn is no function or the process is exiting. */
static Value call_for_exception(VM *vm, Value fn, Value *thrown) {
  if (!vm_is_callable(fn)) return node_throw_arg_type(vm, "fn", "of type function", fn);
  Value r = vm_call(vm, fn, VALUE_UNDEFINED, 0, NULL);
  if (!value_is_exception(r)) return VALUE_FALSE;
  if (vm_is_terminating(vm)) return r;
  *thrown = vm_handle_push(vm, vm_take_exception(vm));
  return VALUE_TRUE;
}

/* String(v), which unlike ToString accepts a symbol. */
static Value display_string(VM *vm, Value v) {
  Value string = vm_get_str(vm, vm_global(vm), "String");
  return value_is_exception(string) ? string : vm_call(vm, string, VALUE_UNDEFINED, 1, &v);
}

static Value throw_coded(VM *vm, ErrorKind kind, const char *code, StrBuf *sb) {
  Value message = vm_handle_push(vm, sb_finish(vm, sb));
  if (value_is_exception(message)) return message;
  return node_throw_from(vm, node_error_new(vm, kind, code, message), NODE_ORIGIN_VALIDATOR);
}

/* The object a failed key comparison shows: expected's keys that the error compares,
 * with actual's string where expected's RegExp matched it. Named "Comparison". */
static Value comparison_new(VM *vm, Value from, Value keys, Value actual) {
  Value ctor = vm_handle_push(vm, vm_native_new(vm, "Comparison", assert_ok, 0));
  Value proto = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, proto, "constructor", ctor, VM_ATTR_HIDDEN);
  vm_define_str(vm, ctor, "prototype", proto, VM_ATTR_WRITABLE);
  Value obj = vm_handle_push(vm, vm_object_with_proto(vm, proto));
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get_raw(keys, i);
    Value has = vm_has_property(vm, from, key);
    if (has != VALUE_TRUE) {
      if (value_is_exception(has)) return has;
      continue;
    }
    Value v = vm_handle_push(vm, vm_get(vm, from, key));
    Value mine = value_is_object(actual) ? vm_handle_push(vm, vm_get(vm, actual, key)) : v;
    if (value_is_exception(v) || value_is_exception(mine)) return VALUE_EXCEPTION;
    if (value_is_object(actual) && value_is_string(mine) && is_regexp(v)) {
      Value m = regexp_matches(vm, v, mine);
      if (value_is_exception(m)) return m;
      if (m == VALUE_TRUE) v = mine;
    }
    vm_set(vm, obj, key, v);
  }
  return obj;
}

/* The thrown error must have expected[key]: deep-equal, or a string its RegExp matches. */
static Value check_key(VM *vm, Value actual, Value expected, Value key, Value keys, Value message,
                       const char *fn) {
  Value want = vm_handle_push(vm, vm_get(vm, expected, key));
  if (value_is_exception(want)) return want;
  Value has = vm_has_property(vm, actual, key);
  if (value_is_exception(has)) return has;
  Value got = has == VALUE_TRUE ? vm_handle_push(vm, vm_get(vm, actual, key)) : VALUE_UNDEFINED;
  if (value_is_exception(got)) return got;
  if (value_is_string(got) && is_regexp(want)) {
    Value m = regexp_matches(vm, want, got);
    if (m != VALUE_FALSE) return m;
  }
  Value same = has == VALUE_TRUE ? node_deep_equal(vm, got, want, true) : VALUE_FALSE;
  if (same != VALUE_FALSE) return same;
  if (vm_truthy(message)) {
    AssertFailure f = {actual, expected, message, vm_atom(vm, fn)};
    return fail_with(vm, &f, -1, ORIGIN_FAIL);
  }
  Value a = vm_handle_push(vm, comparison_new(vm, actual, keys, VALUE_UNDEFINED));
  Value b = value_is_exception(a) ? a : vm_handle_push(vm, comparison_new(vm, expected, keys, actual));
  if (value_is_exception(b)) return b;
  AssertFailure f = {a, b, VALUE_UNDEFINED, vm_atom(vm, "deepStrictEqual")};
  Value error = vm_handle_push(vm, assert_error_new(vm, &f));
  if (value_is_exception(error)) return error;
  vm_set_str(vm, error, "actual", actual);
  vm_set_str(vm, error, "expected", expected);
  vm_set_str(vm, error, "operator", vm_atom(vm, fn));
  return node_throw_from(vm, error, ORIGIN_KEY);
}

/* An object `expected`: each of its keys (and an Error's name and message) must match. */
static Value expect_keys(VM *vm, Value actual, Value expected, Value message, const char *fn) {
  if (!value_is_object(actual)) {
    AssertFailure f = {actual, expected, message, vm_atom(vm, "deepStrictEqual")};
    Value error = vm_handle_push(vm, assert_error_new(vm, &f));
    if (value_is_exception(error)) return error;
    vm_set_str(vm, error, "operator", vm_atom(vm, fn));
    return node_throw_from(vm, error, ORIGIN_PRIMITIVE);
  }
  Value keys = vm_handle_push(vm, vm_own_keys(vm, expected));
  Value is_error = vm_instance_of(vm, expected, vm_get_str(vm, vm_global(vm), "Error"));
  if (value_is_exception(is_error)) return is_error;
  if (is_error == VALUE_TRUE) {
    vm_array_push(vm, keys, vm_atom(vm, "name"));
    vm_array_push(vm, keys, vm_atom(vm, "message"));
  } else if (vm_array_length(keys) == 0) {
    return node_throw_arg_value(vm, "error", expected, "may not be an empty object");
  }
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value r = check_key(vm, actual, expected, vm_array_get_raw(keys, i), keys, message, fn);
    if (value_is_exception(r)) return r;
  }
  return VALUE_TRUE;
}

/* expected is a subclass of Error that actual is no instance of. */
static Value wrong_class_message(VM *vm, Value actual, Value expected) {
  StrBuf sb = {0};
  Value want = vm_handle_push(vm, vm_get_str(vm, expected, "name"));
  if (value_is_exception(want)) return want;
  sb_puts(&sb, "The error is expected to be an instance of \"");
  sb_put_js(&sb, value_is_string(want) ? want : vm_atom(vm, ""));
  sb_puts(&sb, "\". Received ");
  if (vm_is_error(actual)) {
    Value ctor = vm_handle_push(vm, vm_get_str(vm, actual, "constructor"));
    Value name = value_is_object(ctor) ? vm_get_str(vm, ctor, "name") : VALUE_UNDEFINED;
    if (!vm_truthy(name)) name = vm_get_str(vm, actual, "name");
    vm_handle_push(vm, name);
    Value text = value_is_exception(name) ? name : vm_handle_push(vm, display_string(vm, name));
    if (value_is_exception(text)) return sb_free(&sb), text;
    if (vm_strict_equals(text, want)) sb_puts(&sb, "an error with identical name but a different prototype.");
    else sb_putc(&sb, '"'), sb_put_js(&sb, text), sb_putc(&sb, '"');
    Value m = vm_handle_push(vm, vm_get_str(vm, actual, "message"));
    if (vm_truthy(m)) {
      Value ms = vm_handle_push(vm, display_string(vm, m));
      if (value_is_exception(ms)) return sb_free(&sb), ms;
      sb_puts(&sb, "\n\nError message:\n\n"), sb_put_js(&sb, ms);
    }
  } else {
    char *text = assert_inspect(vm, actual, -1);
    if (!text) return sb_free(&sb), VALUE_EXCEPTION;
    sb_printf(&sb, "\"%s\"", text), free(text);
  }
  return sb_finish(vm, &sb);
}

/* A validation function expected returned res, not true. */
static Value validation_message(VM *vm, Value actual, Value expected, Value res) {
  StrBuf sb = {0};
  Value name = vm_handle_push(vm, vm_get_str(vm, expected, "name"));
  if (value_is_exception(name)) return name;
  sb_puts(&sb, "The ");
  if (vm_truthy(name)) sb_putc(&sb, '"'), sb_put_js(&sb, name), sb_puts(&sb, "\" ");
  char *text = assert_inspect(vm, res, 2);
  if (!text) return sb_free(&sb), VALUE_EXCEPTION;
  sb_printf(&sb, "validation function is expected to return \"true\". Received %s", text);
  free(text);
  if (vm_is_error(actual)) {
    Value s = vm_handle_push(vm, display_string(vm, actual));
    if (value_is_exception(s)) return sb_free(&sb), s;
    sb_puts(&sb, "\n\nCaught error:\n\n"), sb_put_js(&sb, s);
  }
  return sb_finish(vm, &sb);
}

/* Error.isPrototypeOf(fn): fn is a class derived from Error. */
static Value derives_from_error(VM *vm, Value fn) {
  Value error = vm_get_str(vm, vm_global(vm), "Error");
  for (Value p = vm_get_prototype_of(vm, fn); value_is_object(p); p = vm_get_prototype_of(vm, p))
    if (p == error) return VALUE_TRUE;
  return VALUE_FALSE;
}

//> stdlib.assert-expected-exception
/* node's expectedException: does the thrown `actual` match `expected`, a RegExp (tested
 * against String(actual)), an object of keys, a class, or a validation function? */
static Value expected_exception(VM *vm, Value actual, Value expected, Value message,
                                const char *fn) {
  Value generated = VALUE_UNDEFINED;
  if (is_regexp(expected)) {
    Value str = vm_handle_push(vm, display_string(vm, actual));
    Value m = value_is_exception(str) ? str : regexp_matches(vm, expected, str);
    if (m != VALUE_FALSE) return m;
    if (!vm_truthy(message))
      generated = input_message(vm, "The input did not match the regular expression ", expected, str);
  } else if (!vm_is_callable(expected)) {
    return expect_keys(vm, actual, expected, message, fn);
  } else {
    Value proto = vm_handle_push(vm, vm_get_str(vm, expected, "prototype"));
    Value is = value_is_exception(proto) ? proto
             : value_is_undefined(proto) ? VALUE_FALSE : vm_instance_of(vm, actual, expected);
    if (is != VALUE_FALSE) return is;
    Value sub = derives_from_error(vm, expected);
    if (sub == VALUE_TRUE) {
      if (!vm_truthy(message)) generated = wrong_class_message(vm, actual, expected);
    } else {
      Value res = vm_handle_push(vm, vm_call(vm, expected, vm_handle_push(vm, vm_object_new(vm)), 1, &actual));
      if (value_is_exception(res) || res == VALUE_TRUE) return res;
      if (!vm_truthy(message)) generated = validation_message(vm, actual, expected, res);
    }
  }
  if (value_is_exception(generated)) return generated;
  vm_handle_push(vm, generated);
  AssertFailure f = {actual, expected, value_is_undefined(generated) ? message : generated,
                     vm_atom(vm, fn)};
  return fail_with(vm, &f, !value_is_undefined(generated), ORIGIN_EXCEPTION);
}
//< stdlib.assert-expected-exception

static Value invalid_error_arg(VM *vm, Value error) {
  return node_throw_arg_type(vm, "error",
                             "of type function or an instance of Error, RegExp, or Object", error);
}

/* error given as a string is the message; it may not repeat what was thrown. */
static Value ambiguous(VM *vm, Value thrown, bool threw, Value error) {
  Value text = thrown;
  bool object = threw && value_is_object(thrown);
  if (object) {
    text = vm_handle_push(vm, vm_get_str(vm, thrown, "message"));
    if (value_is_exception(text)) return text;
  }
  if (!threw || !vm_strict_equals(text, error)) return VALUE_FALSE;
  StrBuf sb = {0};
  sb_printf(&sb, "The \"error/message\" argument is ambiguous. The error %s\"", object ? "message " : "");
  sb_put_js(&sb, error);
  sb_puts(&sb, "\" is identical to the message.");
  return throw_coded(vm, ERR_TYPE, "ERR_AMBIGUOUS_ARGUMENT", &sb);
}

/* Arguments after the function (or promise): error and message. */
typedef struct Expect {
  const char *fn; /* "throws", "rejects", "doesNotThrow", "doesNotReject" */
  bool threw;
  Value thrown, error, message;
  int rest; /* how many were given */
} Expect;

/* node's expectsError, after fn threw (or not). */
static Value expects_error(VM *vm, Expect *x) {
  if (value_is_string(x->error)) {
    if (x->rest >= 2) return invalid_error_arg(vm, x->error);
    Value r = ambiguous(vm, x->thrown, x->threw, x->error);
    if (r != VALUE_FALSE) return r;
    x->message = x->error, x->error = VALUE_UNDEFINED;
  } else if (!value_is_nullish(x->error) && !value_is_object(x->error)) {
    return invalid_error_arg(vm, x->error);
  }
  if (!x->threw) {
    StrBuf sb = {0};
    sb_printf(&sb, "Missing expected %s", x->fn[0] == 'r' ? "rejection" : "exception");
    Value name = vm_truthy(x->error) ? vm_get_str(vm, x->error, "name") : VALUE_UNDEFINED;
    Value ns = vm_truthy(name) ? vm_handle_push(vm, display_string(vm, name)) : VALUE_UNDEFINED;
    Value ms = vm_truthy(x->message) ? vm_handle_push(vm, display_string(vm, x->message)) : VALUE_UNDEFINED;
    if (value_is_exception(name) || value_is_exception(ns) || value_is_exception(ms))
      return sb_free(&sb), VALUE_EXCEPTION;
    if (value_is_string(ns)) sb_puts(&sb, " ("), sb_put_js(&sb, ns), sb_putc(&sb, ')');
    if (value_is_string(ms)) sb_puts(&sb, ": "), sb_put_js(&sb, ms);
    else sb_putc(&sb, '.');
    Value message = vm_handle_push(vm, sb_finish(vm, &sb));
    return inner_fail(vm, VALUE_UNDEFINED, x->error, message, x->fn);
  }
  if (!vm_truthy(x->error)) return VALUE_TRUE;
  return expected_exception(vm, x->thrown, x->error, x->message, x->fn);
}

/* doesNotThrow's test: does the thrown value match `expected`? */
static Value has_matching_error(VM *vm, Value actual, Value expected) {
  if (is_regexp(expected)) {
    Value str = vm_handle_push(vm, display_string(vm, actual));
    return value_is_exception(str) ? str : regexp_matches(vm, expected, str);
  }
  if (!vm_is_callable(expected))
    return node_throw_arg_type(vm, "expected", "of type function or an instance of RegExp",
                               expected);
  Value proto = vm_handle_push(vm, vm_get_str(vm, expected, "prototype"));
  Value is = value_is_exception(proto) ? proto
           : value_is_undefined(proto) ? VALUE_FALSE : vm_instance_of(vm, actual, expected);
  if (is != VALUE_FALSE) return is;
  if (derives_from_error(vm, expected) == VALUE_TRUE) return VALUE_FALSE;
  Value res = vm_call(vm, expected, vm_handle_push(vm, vm_object_new(vm)), 1, &actual);
  return value_is_exception(res) ? res : value_from_bool(res == VALUE_TRUE);
}

/* node's expectsNoError: what fn threw is an unwanted exception, or thrown on. */
static Value expects_no_error(VM *vm, Expect *x) {
  if (!x->threw) return VALUE_TRUE;
  if (value_is_string(x->error)) x->message = x->error, x->error = VALUE_UNDEFINED;
  Value match = vm_truthy(x->error) ? has_matching_error(vm, x->thrown, x->error) : VALUE_TRUE;
  if (value_is_exception(match)) return match;
  if (match == VALUE_FALSE) return vm_throw(vm, x->thrown);
  StrBuf sb = {0};
  sb_printf(&sb, "Got unwanted %s", strcmp(x->fn, "doesNotReject") == 0 ? "rejection" : "exception");
  Value ms = vm_truthy(x->message) ? vm_handle_push(vm, display_string(vm, x->message)) : VALUE_UNDEFINED;
  Value am = vm_truthy(x->thrown) ? vm_get_str(vm, x->thrown, "message") : x->thrown;
  Value as = value_is_exception(am) ? am : vm_handle_push(vm, display_string(vm, am));
  if (value_is_exception(ms) || value_is_exception(as)) return sb_free(&sb), VALUE_EXCEPTION;
  if (value_is_string(ms)) sb_puts(&sb, ": "), sb_put_js(&sb, ms);
  else sb_putc(&sb, '.');
  sb_puts(&sb, "\nActual message: \""), sb_put_js(&sb, as), sb_putc(&sb, '"');
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  return inner_fail(vm, x->thrown, x->error, message, x->fn);
}

/* throws(fn, error, message) and doesNotThrow (magic 1). */
static Value assert_throws(VM *vm, Value this_value, int argc, Value *argv) {
  bool not = vm_native_magic(vm) == 1;
  Expect x = {not ? "doesNotThrow" : "throws", false, VALUE_UNDEFINED, arg(argc, argv, 1),
              arg(argc, argv, 2), argc > 1 ? argc - 1 : 0};
  Value r = call_for_exception(vm, arg(argc, argv, 0), &x.thrown);
  if (value_is_exception(r)) return r;
  x.threw = r == VALUE_TRUE;
  r = not ? expects_no_error(vm, &x) : expects_error(vm, &x);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* ==== rejects and doesNotReject ==== */

/* The settled promise's handler: data is [result promise, magic, thrown?, error, message,
 * rest]; the handler's magic says whether it rejected. */
static Value settled(VM *vm, Value this_value, int argc, Value *argv) {
  Value data = vm_native_data(vm);
  Value promise = vm_array_get_raw(data, 0);
  bool not = value_to_number(vm_array_get_raw(data, 1)) == 1;
  Expect x = {not ? "doesNotReject" : "rejects", vm_native_magic(vm) == 1, arg(argc, argv, 0),
              vm_array_get_raw(data, 2), vm_array_get_raw(data, 3),
              (int)value_to_number(vm_array_get_raw(data, 4))};
  if (!x.threw) x.thrown = VALUE_UNDEFINED;
  Value r = not ? expects_no_error(vm, &x) : expects_error(vm, &x);
  if (!value_is_exception(r)) vm_promise_resolve(vm, promise, VALUE_UNDEFINED);
  else if (!vm_is_terminating(vm)) vm_promise_reject(vm, promise, vm_take_exception(vm));
  return value_is_exception(r) && vm_is_terminating(vm) ? r : VALUE_UNDEFINED;
}

static bool is_thenable(VM *vm, Value v) {
  if (vm_is_promise(v)) return true;
  if (!value_is_object(v)) return false;
  Value then = vm_handle_push(vm, vm_get_str(vm, v, "then"));
  Value catch_ = vm_handle_push(vm, vm_get_str(vm, v, "catch"));
  return vm_is_callable(then) && vm_is_callable(catch_);
}

/* The promise to wait for: promiseFn's result, or promiseFn itself. */
static Value awaited(VM *vm, Value fn) {
  if (vm_is_callable(fn)) {
    Value r = vm_handle_push(vm, vm_call(vm, fn, VALUE_UNDEFINED, 0, NULL));
    if (value_is_exception(r) || is_thenable(vm, r)) return r;
    StrBuf sb = {0};
    sb_puts(&sb, "Expected instance of Promise to be returned from the \"promiseFn\" function but got ");
    Value d = node_describe_received(vm, &sb, r);
    if (value_is_exception(d)) return sb_free(&sb), d;
    sb_putc(&sb, '.');
    return throw_coded(vm, ERR_TYPE, "ERR_INVALID_RETURN_VALUE", &sb);
  }
  if (is_thenable(vm, fn)) return fn;
  return node_throw_arg_type(vm, "promiseFn", "of type function or an instance of Promise", fn);
}

/* rejects(promiseFn, error, message) and doesNotReject (magic 1): a promise. */
static Value assert_rejects(VM *vm, Value this_value, int argc, Value *argv) {
  Value result = vm_handle_push(vm, vm_promise_new(vm, VALUE_UNDEFINED));
  Value target = vm_handle_push(vm, awaited(vm, arg(argc, argv, 0)));
  if (value_is_exception(target)) {
    if (vm_is_terminating(vm)) return target;
    vm_promise_reject(vm, result, vm_take_exception(vm));
    return result;
  }
  Value data = vm_handle_push(vm, vm_array_new(vm));
  Value items[] = {result, value_from_number(vm_native_magic(vm)), arg(argc, argv, 1),
                   arg(argc, argv, 2), value_from_number(argc > 1 ? argc - 1 : 0)};
  for (int i = 0; i < 5; i++) vm_array_push(vm, data, items[i]);
  Value on[2];
  for (int i = 0; i < 2; i++) {
    on[i] = vm_handle_push(vm, vm_native_with_data(vm, "", settled, 1, data));
    vm_native_set_magic(on[i], i);
  }
  if (vm_is_promise(target)) {
    vm_promise_then(vm, target, on[0], on[1], VALUE_UNDEFINED);
    return result;
  }
  Value then = vm_handle_push(vm, vm_get_str(vm, target, "then"));
  Value r = value_is_exception(then) ? then : vm_call(vm, then, target, 2, on);
  if (value_is_exception(r) && !vm_is_terminating(vm))
    vm_promise_reject(vm, result, vm_take_exception(vm));
  return value_is_exception(r) && vm_is_terminating(vm) ? r : result;
}

/* ==== The module ==== */

#define ASSERT_FUNCTIONS(equal, not_equal, deep, not_deep)                                    \
  VM_FN_ENUM("ok", assert_ok, 0), VM_METHOD("equal", assert_compare, 3, equal, VM_ATTR_DEFAULT), \
      VM_METHOD("notEqual", assert_compare, 3, not_equal, VM_ATTR_DEFAULT),                  \
      VM_METHOD("deepEqual", assert_compare, 3, deep, VM_ATTR_DEFAULT),                      \
      VM_METHOD("notDeepEqual", assert_compare, 3, not_deep, VM_ATTR_DEFAULT),               \
      VM_METHOD("deepStrictEqual", assert_compare, 3, DEEP_STRICT, VM_ATTR_DEFAULT),         \
      VM_METHOD("notDeepStrictEqual", assert_compare, 3, NOT_DEEP_STRICT, VM_ATTR_DEFAULT),  \
      VM_METHOD("strictEqual", assert_compare, 3, STRICT, VM_ATTR_DEFAULT),                  \
      VM_METHOD("notStrictEqual", assert_compare, 3, NOT_STRICT, VM_ATTR_DEFAULT),           \
      VM_METHOD("throws", assert_throws, 1, 0, VM_ATTR_DEFAULT),                             \
      VM_METHOD("rejects", assert_rejects, 1, 0, VM_ATTR_DEFAULT),                           \
      VM_METHOD("doesNotThrow", assert_throws, 1, 1, VM_ATTR_DEFAULT),                       \
      VM_METHOD("doesNotReject", assert_rejects, 1, 1, VM_ATTR_DEFAULT),                     \
      VM_FN_ENUM("ifError", assert_if_error, 1),                                             \
      VM_METHOD("match", assert_match, 3, 0, VM_ATTR_DEFAULT),                               \
      VM_METHOD("doesNotMatch", assert_match, 3, 1, VM_ATTR_DEFAULT), VM_PROPS_END

/* In node's order: fail and AssertionError come first, put there by hand. */
static const VMPropDef assert_props[] = {
    ASSERT_FUNCTIONS(EQUAL, NOT_EQUAL, DEEP_EQUAL, NOT_DEEP_EQUAL)};
static const VMPropDef strict_props[] = {
    ASSERT_FUNCTIONS(STRICT, NOT_STRICT, DEEP_STRICT, NOT_DEEP_STRICT)};

/* One of the two module functions: fail, AssertionError, the table, then strict. */
static Value make_assert(VM *vm, const char *name, const VMPropDef *table, Value error_class) {
  Value fn = vm_handle_push(vm, vm_native_new(vm, name, assert_ok, 0));
  Value fail = vm_handle_push(vm, vm_native_new(vm, "fail", assert_fail, 5));
  vm_define_str(vm, fn, "fail", fail, VM_ATTR_DEFAULT);
  vm_define_str(vm, fn, "AssertionError", error_class, VM_ATTR_DEFAULT);
  vm_define_props(vm, fn, table);
  return fn;
}

static Value assert_exports(VM *vm) {
  Value module = vm_intrinsic(vm, INTRINSIC_ASSERT);
  if (value_is_object(module)) return module;
  Value error_class = vm_handle_push(vm, assert_error_class(vm));
  if (value_is_exception(error_class)) return error_class;
  Value assert = make_assert(vm, "ok", assert_props, error_class);
  Value strict = make_assert(vm, "strict", strict_props, error_class);
  Value tracker = vm_handle_push(vm, host_require_builtin(host_of(vm), "internal/assert/calltracker"));
  if (value_is_exception(tracker)) return tracker;
  vm_define_str(vm, assert, "CallTracker", tracker, VM_ATTR_DEFAULT);
  vm_define_str(vm, strict, "CallTracker", tracker, VM_ATTR_DEFAULT);
  vm_define_str(vm, assert, "strict", strict, VM_ATTR_DEFAULT);
  vm_define_str(vm, strict, "strict", strict, VM_ATTR_DEFAULT);
  vm_set_intrinsic(vm, INTRINSIC_ASSERT, assert);
  return assert;
}

Value assert_module_create(Host *host) { return assert_exports(host_vm(host)); }

Value assert_strict_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value assert = vm_handle_push(vm, assert_exports(vm));
  return value_is_exception(assert) ? assert : vm_get_str(vm, assert, "strict");
}

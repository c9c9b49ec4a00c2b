/* assert_error.c - assert's AssertionError and the messages it generates, diffs included.
 * Book: chapter 10, "Console and inspect" ("assert's diff").
 *
 * Entry points: assert_error_new makes an AssertionError the way node's constructor does
 * (message, own generatedMessage, code, actual, expected, operator, and a stack headed
 * "AssertionError [ERR_ASSERTION]: ..."); assert_error_class makes the class for the
 * module. The message of strictEqual and deepStrictEqual is a line diff of the two values
 * as inspect prints them (create_diff), in node 20's layout.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/ecma.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"

/* What each operator's failure says first (node's kReadableOperator). */
static const char *readable_operator(const char *op) {
  static const char *const table[][2] = {
      {"deepStrictEqual", "Expected values to be strictly deep-equal:"},
      {"strictEqual", "Expected values to be strictly equal:"},
      {"strictEqualObject", "Expected \"actual\" to be reference-equal to \"expected\":"},
      {"deepEqual", "Expected values to be loosely deep-equal:"},
      {"notDeepStrictEqual", "Expected \"actual\" not to be strictly deep-equal to:"},
      {"notStrictEqual", "Expected \"actual\" to be strictly unequal to:"},
      {"notStrictEqualObject", "Expected \"actual\" not to be reference-equal to \"expected\":"},
      {"notDeepEqual", "Expected \"actual\" not to be loosely deep-equal to:"},
      {"notIdentical", "Values have same structure but are not reference-equal:"},
      {"notDeepEqualUnequal", "Expected values not to be loosely deep-equal:"},
  };
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (strcmp(table[i][0], op) == 0) return table[i][1];
  return NULL;
}

/* node colours the diff only when stderr is a terminal that takes colours. */
typedef struct Colors {
  const char *blue, *green, *red, *white;
} Colors;

static Colors diff_colors(void) {
  if (!isatty(2) || tty_color_depth((TtyEnv){0}) < TTY_COLORS_16) /* stderr.hasColors() */
    return (Colors){"", "", "", ""};
  return (Colors){"\x1b[34m", "\x1b[32m", "\x1b[31m", "\x1b[39m"};
}

/* ==== Inspecting the values ==== */

/* inspect(v) with node's defaults, as UTF-8 to free(), or NULL with an exception. */
char *assert_inspect(VM *vm, Value v, int depth) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  opts.depth = depth;
  Value s = inspect_value(vm, v, &opts);
  return value_is_exception(s) ? NULL : vm_to_wtf8(s);
}

/* The values as assert shows them: every level, every key sorted, getters run, one
 * property per line (node's inspectValue). */
static char *inspect_for_message(VM *vm, Value v) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  opts.compact = 0, opts.custom_inspect = false, opts.depth = 1000;
  opts.max_array_length = INSPECT_UNLIMITED, opts.show_hidden = false;
  opts.show_proxy = false, opts.sorted = true, opts.getters = true;
  Value s = inspect_value(vm, v, &opts);
  return value_is_exception(s) ? NULL : vm_to_wtf8(s);
}

/* Lines of text, split at '\n', pointing into one owned copy. */
typedef struct Lines {
  char *text;
  char **line;
  int n;
} Lines;

static void lines_split(Lines *l, char *text) {
  l->text = text, l->n = 1;
  for (char *p = text; *p; p++) l->n += *p == '\n';
  l->line = mem_alloc(sizeof(char *) * (size_t)l->n);
  int i = 0;
  l->line[i++] = text;
  for (char *p = text; *p; p++)
    if (*p == '\n') *p = 0, l->line[i++] = p + 1;
}

static void lines_free(Lines *l) {
  free(l->text);
  free(l->line);
}

/* The length in UTF-16 units of WTF-8 text (what JavaScript's .length says). */
static size_t units_n(const char *s, size_t bytes);
static size_t units(const char *s) { return units_n(s, strlen(s)); }

static size_t units_n(const char *s, size_t bytes) {
  size_t n = 0;
  for (size_t k = 0; k < bytes; k++)
    n += ((unsigned char)s[k] & 0xC0) != 0x80 ? ((unsigned char)s[k] >= 0xF0 ? 2 : 1) : 0;
  return n;
}

static bool ends_with_comma_of(const char *with, const char *without) {
  size_t n = strlen(with);
  return n > 0 && with[n - 1] == ',' && strlen(without) == n - 1 &&
         strncmp(with, without, n - 1) == 0;
}

static bool is_object_value(Value v) { return value_is_object(v) && !vm_is_callable(v); }

/* ==== The diff ==== */

/* The state of one diff: the two sides' lines, the text built so far (res), the expected
 * lines held back so that a run of changes reads +++--- (other), the matching tail kept
 * for the end, and how many lines were printed. */
typedef struct Diff {
  Lines *a, *e;
  StrBuf res, other, end;
  int printed, identical;
  bool skipped;
  Colors c;
} Diff;

/* Before a change: show up to the last three unchanged lines (or "..." for a longer run). */
static void flush_context(Diff *d, char **lines, int i) {
  if (d->identical > 2) {
    if (d->identical > 3) {
      if (d->identical > 4) {
        if (d->identical == 5) sb_printf(&d->res, "\n  %s", lines[i - 3]), d->printed++;
        else sb_printf(&d->res, "\n%s...%s", d->c.blue, d->c.white), d->skipped = true;
      }
      sb_printf(&d->res, "\n  %s", lines[i - 2]), d->printed++;
    }
    sb_printf(&d->res, "\n  %s", lines[i - 1]), d->printed++;
  }
  d->identical = 0;
}

/* Line i of both sides: a change (+ actual, - expected later) or a shared line. Lines
 * that differ only by a trailing comma count as shared. */
static void diff_line(Diff *d, int i) {
  const char *exp = d->e->line[i], *act = d->a->line[i];
  bool comma = false;
  bool diverging = strcmp(act, exp) != 0 && !ends_with_comma_of(act, exp);
  if (diverging && ends_with_comma_of(exp, act)) diverging = false, comma = true;
  if (diverging) {
    flush_context(d, d->a->line, i);
    sb_printf(&d->res, "\n%s+%s %s", d->c.green, d->c.white, act);
    sb_printf(&d->other, "\n%s-%s %s", d->c.red, d->c.white, exp);
    d->printed += 2;
    return;
  }
  if (d->other.len) sb_putn(&d->res, d->other.data, d->other.len), sb_truncate(&d->other, 0);
  if (++d->identical <= 2) sb_printf(&d->res, "\n  %s%s", act, comma ? "," : ""), d->printed++;
}

/* Line i exists on the longer side only. */
static void diff_extra(Diff *d, Lines *longer, int i) {
  flush_context(d, longer->line, i);
  if (longer == d->a) sb_printf(&d->res, "\n%s+%s %s", d->c.green, d->c.white, longer->line[i]);
  else sb_printf(&d->other, "\n%s-%s %s", d->c.red, d->c.white, longer->line[i]);
  d->printed++;
}

/* The lines both sides end with are dropped from the diff: the last three come back at
 * the end, a longer run behind "...". `i` counts on from the caller's mismatch scan. */
static void drop_common_tail(Diff *d, int i) {
  char *other = NULL;
  while (d->a->n > 0 && d->e->n > 0 &&
         strcmp(d->a->line[d->a->n - 1], d->e->line[d->e->n - 1]) == 0) {
    const char *line = d->a->line[d->a->n - 1];
    if (i++ < 3) {
      StrBuf t = {0};
      sb_printf(&t, "\n  %s", line);
      if (d->end.len) sb_putn(&t, d->end.data, d->end.len);
      sb_free(&d->end), d->end = t;
    } else {
      other = (char *)line;
    }
    d->a->n--, d->e->n--;
  }
  StrBuf t = {0};
  if (other) sb_printf(&t, "\n  %s", other);
  if (i >= 5) sb_printf(&t, "\n%s...%s", d->c.blue, d->c.white), d->skipped = true;
  if (d->end.len) sb_putn(&t, d->end.data, d->end.len);
  sb_free(&d->end), d->end = t;
}

/* The lines of the diff proper, after the header; false if cut short at ~50 lines. */
static bool diff_body(Diff *d, StrBuf *out, const char *header) {
  int max = d->a->n > d->e->n ? d->a->n : d->e->n;
  Lines *longer = d->a->n < max ? d->e : d->a;
  int shorter = d->a->n < max ? d->a->n : d->e->n;
  for (int i = 0; i < max; i++) {
    if (shorter < i + 1) diff_extra(d, longer, i);
    else diff_line(d, i);
    if (d->printed > 50 && i < max - 2) {
      sb_printf(out, "%s %s...%s Lines skipped\n", header, d->c.blue, d->c.white);
      sb_putn(out, d->res.data, d->res.len);
      sb_printf(out, "\n%s...%s", d->c.blue, d->c.white);
      if (d->other.len) sb_putn(out, d->other.data, d->other.len);
      sb_printf(out, "\n%s...%s", d->c.blue, d->c.white);
      return false;
    }
  }
  return true;
}

/* Only the first 46 of more than 50 lines, then "...". */
static void put_capped_lines(StrBuf *out, Lines *l, Colors c) {
  int n = l->n > 50 ? 46 : l->n;
  for (int i = 0; i < n; i++) sb_printf(out, "%s%s", i ? "\n" : "", l->line[i]);
  if (l->n > 50) sb_printf(out, "\n%s...%s", c.blue, c.white);
}

/* One-line values that differ: short primitives read "1 !== 2"; a longer line gets a
 * caret under the first difference. Returns true when the message is complete. */
static bool diff_one_line(VM *vm, StrBuf *out, Diff *d, const char *header, Value actual,
                          Value expected, const char *op, StrBuf *indicator, int *i) {
  const char *x = d->a->line[0], *y = d->e->line[0];
  size_t length = units(x) + units(y);
  if (length <= 12) {
    bool zeros = value_is_number(actual) && value_to_number(actual) == 0 &&
                 value_is_number(expected) && value_to_number(expected) == 0;
    if (is_object_value(actual) || is_object_value(expected) || zeros) return false;
    sb_printf(out, "%s\n\n%s !== %s\n", header, x, y);
    return true;
  }
  if (strcmp(op, "strictEqualObject") != 0 && length < 80) {
    size_t k = 0;
    while (x[k] && x[k] == y[k]) k++;
    while (k > 0 && ((unsigned char)x[k] & 0xC0) == 0x80) k--; /* a whole character */
    *i = (int)units_n(x, k);
    if (*i > 2) {
      sb_puts(indicator, "\n  ");
      sb_spaces(indicator, *i);
      sb_putc(indicator, '^');
      *i = 0;
    }
  }
  return false;
}

//> stdlib.assert-diff
/* node 20's createErrDiff: the two values inspected one property per line, compared line
 * by line from the top after dropping the lines both end with. Changed lines show as
 * "+ actual" then "- expected", with up to three unchanged lines of context around them
 * and "..." for longer unchanged runs. */
static void create_diff(VM *vm, StrBuf *out, Lines *a, Lines *e, Value actual, Value expected,
                        const char *op, const char *message) {
  Diff d = {.a = a, .e = e, .c = diff_colors()};
  const char *header = message ? message : readable_operator(op);
  StrBuf indicator = {0}, head = {0};
  int i = 0, total = a->n;
  if (a->n == 1 && e->n == 1 && strcmp(a->line[0], e->line[0]) != 0 &&
      diff_one_line(vm, out, &d, header, actual, expected, op, &indicator, &i))
    return;
  drop_common_tail(&d, i);
  if (a->n == 0 && e->n == 0) { /* the same text: equal, but not the same objects */
    a->n = total;
    sb_printf(out, "%s\n\n", readable_operator("notIdentical"));
    put_capped_lines(out, a, d.c);
    sb_putc(out, '\n');
  } else {
    sb_printf(&head, "%s\n%s+ actual%s %s- expected%s", header, d.c.green, d.c.white, d.c.red,
              d.c.white);
    if (diff_body(&d, out, head.data)) {
      sb_puts(out, head.data);
      if (d.skipped) sb_printf(out, " %s...%s Lines skipped", d.c.blue, d.c.white);
      sb_putc(out, '\n');
      StrBuf *parts[] = {&d.res, &d.other, &d.end, &indicator};
      for (int k = 0; k < 4; k++) sb_putn(out, parts[k]->data ? parts[k]->data : "", parts[k]->len);
    }
  }
  sb_free(&d.res), sb_free(&d.other), sb_free(&d.end), sb_free(&indicator), sb_free(&head);
}
//< stdlib.assert-diff

/* strictEqual and deepStrictEqual: the diff (the caller's message, if any, heads it). */
static bool diff_message(VM *vm, StrBuf *out, Value actual, Value expected, const char *op,
                         const char *message) {
  if (strcmp(op, "strictEqual") == 0 &&
      ((is_object_value(actual) && is_object_value(expected)) ||
       (vm_is_callable(actual) && vm_is_callable(expected))))
    op = "strictEqualObject";
  char *as = inspect_for_message(vm, actual);
  char *es = as ? inspect_for_message(vm, expected) : NULL;
  if (!es) return free(as), false;
  Lines a, e;
  lines_split(&a, as), lines_split(&e, es);
  create_diff(vm, out, &a, &e, actual, expected, op, message);
  lines_free(&a), lines_free(&e);
  return true;
}

/* text cut to `keep` UTF-16 units and "..." when longer than `max`. */
static void put_cut(StrBuf *out, const char *text, size_t max, size_t keep) {
  size_t n = strlen(text);
  if (units(text) > max) {
    size_t k = 0, u = 0;
    while (k < n && u < keep) {
      unsigned char c = (unsigned char)text[k];
      u += c >= 0xF0 ? 2 : 1;
      k += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    }
    sb_putn(out, text, k);
    sb_puts(out, "...");
  } else {
    sb_puts(out, text);
  }
}

/* notStrictEqual and notDeepStrictEqual: the one value, as it is equal to the other. */
static bool not_equal_message(VM *vm, StrBuf *out, Value actual, const char *op) {
  const char *base = readable_operator(op);
  if (strcmp(op, "notStrictEqual") == 0 && value_is_object(actual))
    base = readable_operator("notStrictEqualObject");
  char *text = inspect_for_message(vm, actual);
  if (!text) return false;
  Lines l;
  lines_split(&l, text);
  if (l.n == 1) {
    sb_printf(out, "%s%s%s", base, units(l.line[0]) > 5 ? "\n\n" : " ", l.line[0]);
  } else {
    sb_printf(out, "%s\n\n", base);
    put_capped_lines(out, &l, diff_colors());
    sb_putc(out, '\n');
  }
  lines_free(&l);
  return true;
}

/* ==, !=, deepEqual, notDeepEqual and fail's operators: both values, side by side. */
static bool other_message(VM *vm, StrBuf *out, Value actual, Value expected, const char *op) {
  char *res = inspect_for_message(vm, actual);
  char *other = res ? inspect_for_message(vm, expected) : NULL;
  if (!other) return free(res), false;
  char unequal[64];
  snprintf(unequal, sizeof unequal, "%sUnequal", op);
  const char *known = readable_operator(op), *negated = readable_operator(unequal);
  if (strcmp(op, "notDeepEqual") == 0 && strcmp(res, other) == 0) {
    StrBuf t = {0};
    sb_printf(&t, "%s\n\n%s", known, res);
    put_cut(out, t.data, 1024, 1021);
    sb_free(&t);
  } else if (strcmp(op, "deepEqual") == 0 || negated) {
    sb_printf(out, "%s\n\n", negated ? negated : known);
    put_cut(out, res, 512, 509);
    sb_printf(out, "\n\nshould %sloosely deep-equal\n\n", negated ? "not " : "");
    put_cut(out, other, 512, 509);
  } else {
    put_cut(out, res, 512, 509);
    sb_printf(out, " %s ", op);
    put_cut(out, other, 512, 509);
  }
  free(res), free(other);
  return true;
}

/* A copy of an error without its stack, so that the diff shows [Error: x] (node's
 * copyError): the same prototype, own enumerable properties and message. */
static Value copy_error(VM *vm, Value error) {
  Value proto = vm_handle_push(vm, vm_get_prototype_of(vm, error));
  if (value_is_exception(proto)) return proto;
  Value copy = vm_handle_push(vm, vm_object_with_proto(vm, proto));
  Value keys = vm_handle_push(vm, vm_own_keys(vm, error));
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get_raw(keys, i);
    Value v = vm_handle_push(vm, vm_get(vm, error, key));
    if (value_is_exception(v)) return v;
    vm_set(vm, copy, key, v);
  }
  Value message = vm_handle_push(vm, vm_get_str(vm, error, "message"));
  if (value_is_exception(message)) return message;
  vm_define_str(vm, copy, "message", message, VM_ATTR_HIDDEN);
  return copy;
}

static bool error_with_stack(VM *vm, Value v) {
  if (!vm_is_error(v)) return false;
  return vm_has_property(vm, v, vm_atom(vm, "stack")) == VALUE_TRUE;
}

/* The message node's AssertionError constructor makes; op may be "" (none given). */
static Value make_message(VM *vm, Value actual, Value expected, const char *op, Value message) {
  StrBuf out = {0};
  bool diff = strcmp(op, "deepStrictEqual") == 0 || strcmp(op, "strictEqual") == 0, ok;
  if (!value_is_nullish(message)) {
    Value s = vm_to_string(vm, message);
    if (value_is_exception(s) || !diff) return s;
    char *text = vm_to_wtf8(s);
    ok = diff_message(vm, &out, actual, expected, op, *text ? text : NULL);
    free(text);
    if (!ok) return sb_free(&out), VALUE_EXCEPTION;
    return sb_finish(vm, &out);
  }
  if (error_with_stack(vm, actual) && error_with_stack(vm, expected)) {
    actual = vm_handle_push(vm, copy_error(vm, actual));
    expected = value_is_exception(actual) ? actual : vm_handle_push(vm, copy_error(vm, expected));
    if (value_is_exception(expected)) return expected;
  }
  if (diff) {
    ok = diff_message(vm, &out, actual, expected, op, NULL);
  } else if (strcmp(op, "notDeepStrictEqual") == 0 || strcmp(op, "notStrictEqual") == 0) {
    ok = not_equal_message(vm, &out, actual, op);
  } else {
    ok = other_message(vm, &out, actual, expected, op);
  }
  if (!ok) return sb_free(&out), VALUE_EXCEPTION;
  return sb_finish(vm, &out);
}

/* ==== The error ==== */

/* The stack node shows: "AssertionError [ERR_ASSERTION]: message", then the frames below
 * the assertion. As node does, the name carries the code while the stack is taken. */
static Value define_stack(VM *vm, Value error) {
  Value name = vm_string(vm, "AssertionError [ERR_ASSERTION]");
  vm_define_str(vm, error, "name", name, VM_ATTR_HIDDEN);
  Value r = vm_capture_stack_trace(vm, error, VALUE_UNDEFINED);
  vm_define_str(vm, error, "name", vm_atom(vm, "AssertionError"), VM_ATTR_HIDDEN);
  return r;
}

Value assert_error_new(VM *vm, const AssertFailure *f) {
  Value opv = f->operator_value;
  Value ops = value_is_symbol(opv) ? vm_atom(vm, "") : vm_handle_push(vm, vm_to_string(vm, opv));
  if (value_is_exception(ops)) return ops;
  char *op = vm_to_wtf8(ops); /* `${operator}`: 'undefined' when none was given */
  Value message = vm_handle_push(vm, make_message(vm, f->actual, f->expected, op, f->message));
  free(op);
  if (value_is_exception(message)) return message;
  Value proto = vm_intrinsic(vm, INTRINSIC_ASSERTION_ERROR_PROTOTYPE);
  Value error = vm_handle_push(vm, vm_error_new(vm, ERR_ERROR, message, proto));
  if (value_is_exception(error)) return error;
  bool generated = !vm_truthy(f->message);
  vm_define_str(vm, error, "generatedMessage", value_from_bool(generated), VM_ATTR_DEFAULT);
  vm_define_str(vm, error, "name", vm_atom(vm, "AssertionError"), VM_ATTR_HIDDEN);
  vm_define_str(vm, error, "code", vm_atom(vm, "ERR_ASSERTION"), VM_ATTR_DEFAULT);
  vm_define_str(vm, error, "actual", f->actual, VM_ATTR_DEFAULT);
  vm_define_str(vm, error, "expected", f->expected, VM_ATTR_DEFAULT);
  vm_define_str(vm, error, "operator", opv, VM_ATTR_DEFAULT);
  Value r = define_stack(vm, error);
  return value_is_exception(r) ? r : error;
}

/* ==== The class ==== */

/* options.details (CallTracker's verify): actual, expected and operator become
 * undefined, and each entry i gives "message i", "actual i", "expected i",
 * "operator i" and "stack trace i" (its stack). */
static Value add_details(VM *vm, Value error, Value details) {
  static const char *const keys[] = {"actual", "expected", "operator"};
  for (int k = 0; k < 3; k++) vm_set_str(vm, error, keys[k], VALUE_UNDEFINED);
  Value n = vm_get_str(vm, details, "length");
  if (value_is_exception(n)) return n;
  double count = value_is_number(n) ? value_to_number(n) : 0;
  static const char *const from[] = {"message", "actual", "expected", "operator", "stack"};
  static const char *const to[] = {"message", "actual", "expected", "operator", "stack trace"};
  for (uint32_t i = 0; i < count; i++) {
    Value entry = vm_handle_push(vm, vm_get(vm, details, value_from_number(i)));
    if (value_is_exception(entry)) return entry;
    for (int k = 0; k < 5; k++) {
      Value v = value_is_object(entry) ? vm_get_str(vm, entry, from[k]) : VALUE_UNDEFINED;
      if (value_is_exception(v)) return v;
      char key[32];
      snprintf(key, sizeof key, "%s %u", to[k], i);
      vm_set_str(vm, error, key, v);
    }
  }
  return error;
}

/* new AssertionError(options): options.message, actual, expected and operator. */
static Value assertion_error_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value options = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (value_is_undefined(vm_new_target(vm)))
    return vm_throw_error(vm, ERR_TYPE,
                          "Class constructor AssertionError cannot be invoked without 'new'");
  if (!value_is_object(options) || vm_is_callable(options) || vm_is_array(options))
    return node_throw_arg_type(vm, "options", "of type object", options);
  static const char *const keys[] = {"message", "operator", "actual", "expected"};
  Value v[4];
  for (int i = 0; i < 4; i++) {
    v[i] = vm_handle_push(vm, vm_get_str(vm, options, keys[i]));
    if (value_is_exception(v[i])) return v[i];
  }
  AssertFailure f = {.message = v[0], .operator_value = v[1], .actual = v[2], .expected = v[3]};
  Value error = vm_handle_push(vm, assert_error_new(vm, &f));
  if (value_is_exception(error)) return error;
  Value details = vm_handle_push(vm, vm_get_str(vm, options, "details"));
  if (value_is_exception(details)) return details;
  return vm_truthy(details) ? add_details(vm, error, details) : error;
}

/* AssertionError.prototype.toString: "AssertionError [ERR_ASSERTION]: message". */
static Value assertion_error_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const parts[] = {"name", "code", "message"};
  StrBuf sb = {0};
  for (int i = 0; i < 3; i++) {
    Value v = value_is_object(this_value) ? vm_get_str(vm, this_value, parts[i]) : VALUE_UNDEFINED;
    Value s = value_is_exception(v) ? v : vm_to_string(vm, v);
    if (value_is_exception(s)) return sb_free(&sb), s;
    sb_puts(&sb, i == 1 ? " [" : i == 2 ? "]: " : "");
    sb_put_js(&sb, s);
  }
  return sb_finish(vm, &sb);
}

/* A long string shows its first ten lines (or 512 characters) and "...". */
static Value add_ellipsis(VM *vm, Value s) {
  uint32_t n = vm_string_length(s), lines = 0;
  for (uint32_t i = 0; i < n; i++)
    if (vm_string_unit(s, i) == '\n' && ++lines == 10)
      return vm_string_concat(vm, vm_handle_push(vm, vm_string_slice(vm, s, 0, i + 1)),
                              vm_atom(vm, "..."));
  if (n > 512) /* node slices from 512 here, keeping the tail */
    return vm_string_concat(vm, vm_handle_push(vm, vm_string_slice(vm, s, 512, n)),
                            vm_atom(vm, "..."));
  return s;
}

/* [util.inspect.custom]: the error with actual and expected shown one level deep. */
static Value assertion_error_inspect(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) return VALUE_UNDEFINED;
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  Value ctx = argc > 1 ? argv[1] : VALUE_UNDEFINED;
  if (value_is_object(ctx)) opts.colors = vm_truthy(vm_get_str(vm, ctx, "colors"));
  opts.custom_inspect = false, opts.depth = 0;
  static const char *const keys[] = {"actual", "expected"};
  Value saved[2];
  for (int i = 0; i < 2; i++) {
    saved[i] = vm_handle_push(vm, vm_get_str(vm, this_value, keys[i]));
    if (value_is_exception(saved[i])) return saved[i];
    if (value_is_string(saved[i]))
      vm_set_str(vm, this_value, keys[i], vm_handle_push(vm, add_ellipsis(vm, saved[i])));
  }
  Value result = vm_handle_push(vm, inspect_value(vm, this_value, &opts));
  for (int i = 0; i < 2; i++) vm_set_str(vm, this_value, keys[i], saved[i]);
  return result;
}

static const VMPropDef assertion_error_methods[] = {
    VM_FN("toString", assertion_error_to_string, 0),
    VM_PROPS_END,
};

static const VMPropDef assertion_error_row[] = {
    VM_CONSTRUCTOR("AssertionError", assertion_error_construct, 1, 0,
                   INTRINSIC_ASSERTION_ERROR_PROTOTYPE, NULL, assertion_error_methods),
    VM_PROPS_END,
};

Value assert_error_class(VM *vm) {
  Value ctor = vm_handle_push(vm, vm_prop_value(vm, assertion_error_row));
  if (value_is_exception(ctor)) return ctor;
  Value proto = vm_intrinsic(vm, INTRINSIC_ASSERTION_ERROR_PROTOTYPE);
  vm_set_prototype(vm, proto, vm_intrinsic(vm, INTRINSIC_ERROR_PROTOTYPE));
  vm_set_prototype(vm, ctor, vm_get_str(vm, vm_global(vm), "Error"));
  Value custom = vm_handle_push(vm, vm_native_new(vm, "[nodejs.util.inspect.custom]",
                                                  assertion_error_inspect, 2));
  PropertyDescriptor d = {.value = custom, .has_value = true, .has_writable = true,
                          .writable = true, .has_configurable = true, .configurable = true,
                          .has_enumerable = true};
  Value key = vm_handle_push(vm, vm_string(vm, "nodejs.util.inspect.custom"));
  vm_define_property(vm, proto, vm_handle_push(vm, builtins_symbol_for(vm, key)), &d);
  return ctor;
}

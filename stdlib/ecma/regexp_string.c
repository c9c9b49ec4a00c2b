/* regexp_string.c - what strings do with regular expressions: RegExp.prototype's
 * [Symbol.match], [Symbol.matchAll], [Symbol.replace], [Symbol.search], [Symbol.split],
 * %RegExpStringIteratorPrototype%, and String.prototype's match, matchAll, search and
 * the symbol dispatch of replace, replaceAll and split.
 * Book: chapter 7, "The standard library" (RegExp).
 *
 * Each follows the spec's steps, whose property reads a script can observe; the one
 * shortcut is regexp_exec_step's: a match by the built-in exec stays raw indices.
 * Entry points: regexp_string_install, builtins_string_match & co. (builtins.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/regexp_glue.h"

#define ARG(i) builtins_arg(argc, argv, (i))

/* ==== Small steps ==== */

/* ToString(Get(rx, "flags")), rooted. */
static Value get_flags(VM *vm, Value rx) {
  Value f = vm_handle_push(vm, vm_get(vm, rx, regexp_atom(vm, REGEXP_ATOM_FLAGS)));
  return value_is_exception(f) ? f : vm_handle_push(vm, vm_to_string(vm, f));
}

static bool has_flag(Value flags, char c) {
  uint32_t n = vm_string_length(flags);
  for (uint32_t i = 0; i < n; i++)
    if (vm_string_unit(flags, i) == (uint16_t)c) return true;
  return false;
}

/* ToBoolean(Get(rx, name)): 1, 0, or -1 on exception. */
static int get_flag(VM *vm, Value rx, int name) {
  Value v = vm_get(vm, rx, regexp_atom(vm, name));
  return value_is_exception(v) ? -1 : vm_truthy(v);
}

/* How V8 11.3 decides global and full-unicode matching in [Symbol.match] and
 * [Symbol.replace]: from `global`, then `unicode` (and for match `unicodeSets`), not
 * from `flags` as the spec now says. A v-flag RegExp counts as unicode either way, as in
 * V8's own fast path. False on exception. */
static bool global_unicode(VM *vm, Value rx, bool sets, bool *global, bool *unicode) {
  int g = get_flag(vm, rx, REGEXP_ATOM_GLOBAL);
  if (g <= 0) return *global = *unicode = false, g == 0;
  int u = get_flag(vm, rx, REGEXP_ATOM_UNICODE);
  if (u == 0 && sets) u = get_flag(vm, rx, REGEXP_ATOM_UNICODE_SETS);
  if (u < 0) return false;
  Program *prog = regexp_program_of(vm, rx);
  *global = true;
  *unicode = u || (prog && (prog->flags & REGEXP_UNICODE_SETS));
  return true;
}

/* AdvanceStringIndex(S, index, unicode). */
static double advance(Value s, double index, bool unicode) {
  uint32_t n = vm_string_length(s);
  if (!unicode || index + 1 >= n) return index + 1;
  uint16_t a = vm_string_unit(s, (uint32_t)index), b = vm_string_unit(s, (uint32_t)index + 1);
  return index + (a >= 0xD800 && a < 0xDC00 && b >= 0xDC00 && b < 0xE000 ? 2 : 1);
}

/* The matched text of a match, raw or an object (ToString(Get(result, "0"))). */
static Value matched_of(VM *vm, Value s, const RawMatch *m, Value result) {
  if (value_is_undefined(result))
    return vm_string_slice(vm, s, (uint32_t)m->caps[0], (uint32_t)m->caps[1]);
  Value v = vm_get(vm, result, value_from_number(0));
  return value_is_exception(v) ? v : vm_to_string(vm, vm_handle_push(vm, v));
}

/* After an empty match of a global regexp: lastIndex = AdvanceStringIndex(lastIndex). */
static bool step_over_empty(VM *vm, Value rx, Value s, bool unicode) {
  double last;
  return regexp_get_last_index(vm, rx, &last) &&
         regexp_set_last_index(vm, rx, advance(s, last, unicode));
}

/* ==== [Symbol.match] and [Symbol.search] ==== */

//> stdlib.regexp-symbol-match
static Value regexp_symbol_match(VM *vm, Value this_value, int argc, Value *argv) {
  Value rx = this_value;
  if (!value_is_object(rx)) return regexp_throw_incompatible(vm, "@@match", rx);
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  bool global, unicode;
  if (value_is_exception(s) || !global_unicode(vm, rx, true, &global, &unicode))
    return VALUE_EXCEPTION;
  if (!global) return regexp_exec_generic(vm, rx, s);
  if (!regexp_set_last_index(vm, rx, 0)) return VALUE_EXCEPTION;
  Value a = vm_handle_push(vm, vm_array_new(vm));
  for (;;) {
    int mark = vm_handle_mark(vm);
    RawMatch m;
    Value result;
    int found = regexp_exec_step(vm, rx, s, &m, &result);
    if (found <= 0) return found < 0 ? VALUE_EXCEPTION : vm_array_length(a) ? a : VALUE_NULL;
    Value str = matched_of(vm, s, &m, result);
    if (value_is_exception(str)) return str;
    vm_array_push(vm, a, str);
    if (vm_string_length(str) == 0 && !step_over_empty(vm, rx, s, unicode)) return VALUE_EXCEPTION;
    vm_handle_reset(vm, mark);
  }
}
//< stdlib.regexp-symbol-match

static Value regexp_symbol_search(VM *vm, Value this_value, int argc, Value *argv) {
  Value rx = this_value;
  if (!value_is_object(rx)) return regexp_throw_incompatible(vm, "@@search", rx);
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  Value previous = value_is_exception(s) ? s : vm_handle_push(vm, vm_get_str(vm, rx, "lastIndex"));
  if (value_is_exception(previous)) return previous;
  if (!vm_same_value(previous, value_from_number(0)) &&
      value_is_exception(vm_set_str(vm, rx, "lastIndex", value_from_number(0))))
    return VALUE_EXCEPTION;
  RawMatch m;
  Value result;
  int found = regexp_exec_step(vm, rx, s, &m, &result);
  if (found < 0) return VALUE_EXCEPTION;
  double index = found && value_is_undefined(result) ? m.caps[0] : -1;
  Value current = vm_get_str(vm, rx, "lastIndex");
  if (value_is_exception(current)) return current;
  if (!vm_same_value(current, previous) &&
      value_is_exception(vm_set_str(vm, rx, "lastIndex", previous)))
    return VALUE_EXCEPTION;
  if (!found || value_is_undefined(result)) return value_from_number(index);
  return vm_get_str(vm, result, "index");
}

/* ==== [Symbol.replace] ==== */

/* What GetSubstitution needs of one match: raw indices into s, or the values read from
 * a custom exec's result. */
typedef struct Subst {
  Value s, matched;     /* matched: undefined when raw (then it is s[position, end)) */
  uint32_t position, end;
  int m;                /* the number of captures */
  const int32_t *caps;  /* raw: start and end per group, group 0 first */
  Program *prog;        /* raw: for the group names */
  Value captures;       /* not raw: an array of the m captures (strings or undefined) */
  Value named;          /* not raw: the groups object, or undefined */
} Subst;

static void put_capture(StrBuf *b, const Subst *x, int k) {
  if (x->caps) {
    if (x->caps[2 * k] >= 0)
      sb_put_js_range(b, x->s, (uint32_t)x->caps[2 * k], (uint32_t)x->caps[2 * k + 1]);
    return;
  }
  Value v = vm_array_get_raw(x->captures, (uint32_t)k - 1);
  if (value_is_string(v)) sb_put_js(b, v);
}

/* $1..$99 at tmpl[i] (just past the $): how many digits it uses (0: none), group in *k. */
static int capture_ref(Value tmpl, uint32_t i, int m, int *k) {
  uint32_t n = vm_string_length(tmpl);
  uint16_t d1 = i < n ? vm_string_unit(tmpl, i) : 0, d2 = i + 1 < n ? vm_string_unit(tmpl, i + 1) : 0;
  if (d1 < '0' || d1 > '9') return 0;
  int one = d1 - '0', two = one * 10 + (d2 - '0');
  if (d2 >= '0' && d2 <= '9' && two >= 1 && two <= m) return *k = two, 2;
  if (one >= 1 && one <= m) return *k = one, 1;
  return 0;
}

/* $<name>: the named capture's text; false on exception. Sets *used to the characters
 * taken after the $, 0 when the $ stays literal. */
static bool named_ref(VM *vm, StrBuf *b, const Subst *x, Value tmpl, uint32_t i, uint32_t *used) {
  uint32_t n = vm_string_length(tmpl), close = i + 1;
  *used = 0;
  bool has_names = x->caps ? !value_is_undefined(x->prog->names) : !value_is_undefined(x->named);
  if (!has_names) return true;
  while (close < n && vm_string_unit(tmpl, close) != '>') close++;
  if (close >= n) return true;
  *used = close - i + 1;
  int mark = vm_handle_mark(vm);
  Value key = vm_handle_push(vm, vm_to_property_key(vm, vm_string_slice(vm, tmpl, i + 1, close)));
  bool ok = true;
  if (x->caps) {
    for (int g = 1; g <= x->m; g++)
      if (vm_array_get_raw(x->prog->names, (uint32_t)g) == key) put_capture(b, x, g);
  } else {
    Value v = vm_get(vm, x->named, key);
    if (!value_is_exception(v) && !value_is_undefined(v)) v = vm_to_string(vm, v);
    if (value_is_string(v)) sb_put_js(b, v);
    ok = !value_is_exception(v);
  }
  vm_handle_reset(vm, mark);
  return ok;
}

/* GetSubstitution(matched, str, position, captures, namedCaptures, template). */
//> stdlib.regexp-substitution
static bool substitute(VM *vm, StrBuf *b, const Subst *x, Value tmpl) {
  uint32_t n = vm_string_length(tmpl), len = vm_string_length(x->s);
  for (uint32_t i = 0; i < n; i++) {
    uint16_t u = vm_string_unit(tmpl, i), c = i + 1 < n ? vm_string_unit(tmpl, i + 1) : 0;
    int k, digits;
    uint32_t used = 0;
    if (u != '$' || i + 1 >= n) sb_put_unit(b, u);
    else if (c == '$') sb_putc(b, '$'), i++;
    else if (c == '&' && value_is_undefined(x->matched)) sb_put_js_range(b, x->s, x->position, x->end), i++;
    else if (c == '&') sb_put_js(b, x->matched), i++;
    else if (c == '`') sb_put_js_range(b, x->s, 0, x->position), i++;
    else if (c == '\'') sb_put_js_range(b, x->s, x->end < len ? x->end : len, len), i++;
    else if ((digits = capture_ref(tmpl, i + 1, x->m, &k))) put_capture(b, x, k), i += digits;
    else if (c == '<' && !named_ref(vm, b, x, tmpl, i + 1, &used)) return false;
    else if (used) i += used;
    else sb_putc(b, '$');
  }
  return true;
}
//< stdlib.regexp-substitution

/* The replacement of one raw match: the replacer's result or the substituted template. */
static bool replace_raw(VM *vm, StrBuf *b, Value s, Program *prog, const int32_t *caps,
                        Value replace) {
  Subst x = {.s = s, .matched = VALUE_UNDEFINED, .position = (uint32_t)caps[0],
             .end = (uint32_t)caps[1], .m = prog->ncaps - 1, .caps = caps, .prog = prog};
  if (!vm_is_callable(replace)) return substitute(vm, b, &x, replace);
  int argc = prog->ncaps + 2 + !value_is_undefined(prog->names);
  Value *args = mem_alloc((size_t)argc * sizeof(Value));
  for (int g = 0; g < prog->ncaps; g++) args[g] = VALUE_UNDEFINED;
  for (int g = 0; g < prog->ncaps; g++)
    if (caps[2 * g] >= 0)
      args[g] = vm_handle_push(vm, vm_string_slice(vm, s, (uint32_t)caps[2 * g], (uint32_t)caps[2 * g + 1]));
  args[prog->ncaps] = value_from_number(caps[0]);
  args[prog->ncaps + 1] = s;
  if (!value_is_undefined(prog->names)) {
    Value match = vm_handle_push(vm, regexp_match_array(vm, prog, s, caps));
    args[prog->ncaps + 2] = vm_get_str(vm, match, "groups");
  }
  Value r = vm_call(vm, replace, VALUE_UNDEFINED, argc, args);
  free(args);
  r = value_is_exception(r) ? r : vm_to_string(vm, vm_handle_push(vm, r));
  if (value_is_exception(r)) return false;
  sb_put_js(b, r);
  return true;
}

/* The captures and position of a custom exec's result, into x; false on exception. */
static bool read_result(VM *vm, Value result, Value s, Subst *x) {
  double n, position;
  if (!builtins_length_of(vm, result, &n)) return false;
  x->m = n > 1 ? (int)fmin(n - 1, 65535) : 0;
  x->matched = vm_handle_push(vm, matched_of(vm, s, NULL, result));
  if (value_is_exception(x->matched)) return false;
  Value p = vm_get_str(vm, result, "index");
  if (value_is_exception(p) || !builtins_to_integer(vm, p, &position)) return false;
  double len = vm_string_length(s);
  x->position = (uint32_t)(position < 0 ? 0 : position > len ? len : position);
  x->end = x->position + vm_string_length(x->matched);
  x->captures = vm_handle_push(vm, vm_array_new(vm));
  for (int k = 1; k <= x->m; k++) {
    Value c = vm_get(vm, result, value_from_number(k));
    if (!value_is_exception(c) && !value_is_undefined(c)) c = vm_to_string(vm, vm_handle_push(vm, c));
    if (value_is_exception(c)) return false;
    vm_array_push(vm, x->captures, c);
  }
  x->named = vm_handle_push(vm, vm_get_str(vm, result, "groups"));
  return !value_is_exception(x->named);
}

/* The replacement of one match that a custom exec returned as an object, read into x
 * (read_result) first. */
static bool replace_object(VM *vm, StrBuf *b, Value s, Value replace, Subst *x) {
  if (!vm_is_callable(replace)) {
    if (!value_is_undefined(x->named)) x->named = vm_handle_push(vm, vm_to_object(vm, x->named));
    return !value_is_exception(x->named) && substitute(vm, b, x, replace);
  }
  int argc = x->m + 3 + !value_is_undefined(x->named);
  Value *args = mem_alloc((size_t)argc * sizeof(Value));
  args[0] = x->matched;
  for (int k = 1; k <= x->m; k++) args[k] = vm_array_get_raw(x->captures, (uint32_t)k - 1);
  args[x->m + 1] = value_from_number(x->position);
  args[x->m + 2] = s;
  if (!value_is_undefined(x->named)) args[x->m + 3] = x->named;
  Value r = vm_call(vm, replace, VALUE_UNDEFINED, argc, args);
  free(args);
  r = value_is_exception(r) ? r : vm_to_string(vm, vm_handle_push(vm, r));
  if (value_is_exception(r)) return false;
  sb_put_js(b, r);
  return true;
}

/* The matches [Symbol.replace] collects before replacing any: raw ones as copies of
 * their captures in `caps` and their program in `objects`, the others as the objects. */
typedef struct Collected {
  int32_t *caps;
  size_t caps_len, caps_cap;
  Value objects;
} Collected;

static void collect_raw(Collected *c, const RawMatch *m) {
  size_t need = c->caps_len + 2 * (size_t)m->ncaps;
  if (need > c->caps_cap) {
    c->caps_cap = need * 2;
    c->caps = mem_realloc(c->caps, c->caps_cap * sizeof(int32_t));
  }
  memcpy(c->caps + c->caps_len, m->caps, 2 * (size_t)m->ncaps * sizeof(int32_t));
  c->caps_len = need;
}

/* The first half of [Symbol.replace]: every match (one unless global). -1 on exception. */
static int collect(VM *vm, Value rx, Value s, bool global, bool unicode, Collected *c) {
  for (;;) {
    RawMatch m;
    Value result;
    int found = regexp_exec_step(vm, rx, s, &m, &result);
    if (found <= 0) return found;
    int mark = vm_handle_mark(vm);
    bool empty;
    if (value_is_undefined(result)) {
      collect_raw(c, &m);
      vm_array_push(vm, c->objects, vm_inner_value(rx)); /* the program that matched */
      empty = m.caps[0] == m.caps[1];
    } else {
      vm_array_push(vm, c->objects, result);
      if (!global) return 1;
      Value str = matched_of(vm, s, NULL, result);
      if (value_is_exception(str)) return -1;
      empty = vm_string_length(str) == 0;
    }
    vm_handle_reset(vm, mark);
    if (!global) return 1;
    if (empty && !step_over_empty(vm, rx, s, unicode)) return -1;
  }
}

/* The second half: each match's replacement, in order, into b. A replacement is
 * computed even when its match overlaps an earlier one, and then dropped. */
static bool replace_all(VM *vm, StrBuf *b, Value s, Collected *c, Value replace) {
  uint32_t next = 0, count = vm_array_length(c->objects), len = vm_string_length(s);
  size_t at = 0;
  for (uint32_t i = 0; i < count; i++) {
    int mark = vm_handle_mark(vm);
    Value result = vm_array_get_raw(c->objects, i);
    Program *prog = regexp_program_from(vm, result);
    Subst x = {.s = s, .named = VALUE_UNDEFINED};
    const int32_t *caps = c->caps + at;
    if (prog) at += 2 * (size_t)prog->ncaps;
    else if (!read_result(vm, result, s, &x)) return false;
    uint32_t position = prog ? (uint32_t)caps[0] : x.position;
    StrBuf dropped = {0}, *out = position >= next ? b : &dropped;
    if (out == b) sb_put_js_range(b, s, next, position);
    bool ok = prog ? replace_raw(vm, out, s, prog, caps, replace)
                   : replace_object(vm, out, s, replace, &x);
    sb_free(&dropped);
    if (!ok) return false;
    if (out == b) next = prog ? (uint32_t)caps[1] : x.end;
    vm_handle_reset(vm, mark);
  }
  if (next < len) sb_put_js_range(b, s, next, len);
  return true;
}

//> stdlib.regexp-symbol-replace
static Value regexp_symbol_replace(VM *vm, Value this_value, int argc, Value *argv) {
  Value rx = this_value, replace = ARG(1);
  if (!value_is_object(rx)) return regexp_throw_incompatible(vm, "@@replace", VALUE_UNDEFINED);
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  if (!value_is_exception(s) && !vm_is_callable(replace))
    replace = vm_handle_push(vm, vm_to_string(vm, replace));
  bool global, unicode;
  if (value_is_exception(s) || value_is_exception(replace) ||
      !global_unicode(vm, rx, false, &global, &unicode))
    return VALUE_EXCEPTION;
  if (global && !regexp_set_last_index(vm, rx, 0)) return VALUE_EXCEPTION;
  Collected c = {.objects = vm_handle_push(vm, vm_array_new(vm))};
  StrBuf b = {0};
  bool ok = collect(vm, rx, s, global, unicode, &c) >= 0 && replace_all(vm, &b, s, &c, replace);
  free(c.caps);
  if (!ok) return sb_free(&b), VALUE_EXCEPTION;
  return sb_finish(vm, &b);
}
//< stdlib.regexp-symbol-replace

/* ==== [Symbol.split] ==== */

static RegExpText text_of(Value s) {
  RegExpText t;
  t.chars = vm_string_data(s, &t.length, &t.wide);
  return t;
}

/* Pushes s[from, to) to a; true when a has reached lim (split then stops). */
static bool push_piece(VM *vm, Value a, Value s, uint32_t from, uint32_t to, double lim) {
  vm_array_push(vm, a, vm_string_slice(vm, s, from, to));
  return vm_array_length(a) >= lim;
}

/* The split loop run by the engine alone, for a splitter no script can see that would
 * run the built-in exec with `prog`. The spec tries a sticky match at each q in turn;
 * when prog is not sticky (and not unicode, whose search may start inside a pair), one
 * search from q finds the same next match at once. */
static Value split_fast(VM *vm, Program *prog, Value s, Value a, double lim, bool unicode) {
  uint32_t size = vm_string_length(s), p = 0, q = 0;
  bool search = !(prog->flags & (REGEXP_STICKY | REGEXP_UNICODE | REGEXP_UNICODE_SETS));
  RegExpRunner *runner = regexp_runner(vm);
  if (size == 0) { /* "" splits to [] when the pattern matches it, else to [""] */
    int status = regexp_exec(prog->re, text_of(s), 0, regexp_scratch(vm, prog->ncaps), runner);
    if (status < 0) return vm_throw_stack_overflow(vm);
    if (status == REGEXP_MATCH) regexp_note_match(vm, s, prog->ncaps);
    if (status != REGEXP_MATCH) vm_array_push(vm, a, s);
    return a;
  }
  while (q < size) {
    int32_t *caps = regexp_scratch(vm, prog->ncaps); /* moves as it grows: fetch anew */
    size_t n;
    bool wide;
    const void *chars = vm_string_data(s, &n, &wide);
    int status = regexp_exec(prog->re, (RegExpText){chars, n, wide}, q, caps, runner);
    if (status < 0) return vm_throw_stack_overflow(vm);
    if (status == REGEXP_MATCH) regexp_note_match(vm, s, prog->ncaps); /* caps stays good */
    if (status == REGEXP_MATCH && search) q = (uint32_t)caps[0];
    if (status != REGEXP_MATCH || q >= size) {
      if (search) break;
      q = (uint32_t)advance(s, q, unicode);
      continue;
    }
    uint32_t e = (uint32_t)caps[1] < size ? (uint32_t)caps[1] : size;
    if (e == p) {
      q = (uint32_t)advance(s, q, unicode);
      continue;
    }
    if (push_piece(vm, a, s, p, q, lim)) return a;
    p = e;
    for (int g = 1; g < prog->ncaps; g++) {
      caps = (int32_t *)regexp_last_match(vm).caps; /* this match's, wherever it now is */
      Value v = caps[2 * g] < 0 ? VALUE_UNDEFINED
                                : vm_string_slice(vm, s, (uint32_t)caps[2 * g], (uint32_t)caps[2 * g + 1]);
      vm_array_push(vm, a, v);
      if (vm_array_length(a) >= lim) return a;
    }
    q = p;
  }
  push_piece(vm, a, s, p, size, lim);
  return a;
}

/* The split loop as the spec writes it, for a splitter a species constructor made. */
static Value split_generic(VM *vm, Value splitter, Value s, Value a, double lim, bool unicode) {
  uint32_t size = vm_string_length(s), p = 0, q = 0;
  while (q < size) {
    int mark = vm_handle_mark(vm);
    if (!regexp_set_last_index(vm, splitter, q)) return VALUE_EXCEPTION;
    Value z = regexp_exec_generic(vm, splitter, s);
    if (value_is_exception(z)) return z;
    double e = 0;
    if (z != VALUE_NULL) {
      vm_handle_push(vm, z);
      if (!regexp_get_last_index(vm, splitter, &e)) return VALUE_EXCEPTION;
      e = e < size ? e : size;
    }
    if (z == VALUE_NULL || e == p) {
      q = (uint32_t)advance(s, q, unicode);
      continue;
    }
    if (push_piece(vm, a, s, p, q, lim)) return a;
    p = (uint32_t)e;
    double n;
    if (!builtins_length_of(vm, z, &n)) return VALUE_EXCEPTION;
    for (double i = 1; i < n; i++) {
      Value v = vm_get(vm, z, value_from_number(i));
      if (value_is_exception(v)) return v;
      vm_array_push(vm, a, v);
      if (vm_array_length(a) >= lim) return a;
    }
    q = p;
    vm_handle_reset(vm, mark);
  }
  push_piece(vm, a, s, p, size, lim);
  return a;
}

/* The splitter: new C(rx, flags + "y"), C the species constructor. */
static Value make_splitter(VM *vm, Value rx, Value c, Value flags) {
  Value args[2] = {rx, flags};
  if (!has_flag(flags, 'y')) {
    StrBuf b = {0};
    sb_put_js(&b, flags);
    sb_putc(&b, 'y');
    args[1] = vm_handle_push(vm, sb_finish(vm, &b));
  }
  return vm_construct(vm, c, 2, args);
}

/* When new %RegExp%(rx, flags + "y") would only give a private copy of rx that runs the
 * built-in exec, rx's own program can serve: that constructor reads nothing of rx but
 * rx[Symbol.match] (read here too), and a script never sees the copy. NULL otherwise. */
static Program *own_splitter(VM *vm, Value rx, Value c, Value flags) {
  Program *prog = regexp_program_of(vm, rx);
  int bits = regexp_parse_flags(text_of(flags));
  if (!prog || c != regexp_constructor(vm) || bits < 0 ||
      (bits | REGEXP_STICKY) != (prog->flags | REGEXP_STICKY) ||
      ((prog->flags & (REGEXP_UNICODE | REGEXP_UNICODE_SETS)) && !(prog->flags & REGEXP_STICKY)))
    return NULL;
  Value proto = vm_intrinsic(vm, INTRINSIC_REGEXP_PROTOTYPE);
  if (value_is_exception(vm_get(vm, rx, vm_well_known_symbol(vm, VM_SYMBOL_MATCH))) ||
      vm_get(vm, proto, regexp_atom(vm, REGEXP_ATOM_EXEC)) != vm_intrinsic(vm, INTRINSIC_REGEXP_EXEC))
    return NULL;
  return prog;
}

//> stdlib.regexp-symbol-split
static Value regexp_symbol_split(VM *vm, Value this_value, int argc, Value *argv) {
  Value rx = this_value;
  if (!value_is_object(rx)) return regexp_throw_incompatible(vm, "@@split", rx);
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  Value c = value_is_exception(s) ? s : vm_handle_push(vm, builtins_species_constructor(vm, rx, vm_intrinsic(vm, INTRINSIC_REGEXP)));
  Value flags = value_is_exception(c) ? c : get_flags(vm, rx);
  if (value_is_exception(flags)) return flags;
  bool unicode = has_flag(flags, 'u') || has_flag(flags, 'v');
  Program *own = own_splitter(vm, rx, c, flags);
  if (!own && vm_has_exception(vm)) return VALUE_EXCEPTION;
  Value splitter = own ? rx : vm_handle_push(vm, make_splitter(vm, rx, c, flags));
  if (value_is_exception(splitter)) return splitter;
  Value a = vm_handle_push(vm, vm_array_new(vm));
  double lim = 4294967295.0;
  if (!value_is_undefined(ARG(1))) {
    Value n = vm_to_number(vm, ARG(1));
    if (value_is_exception(n)) return n;
    double d = value_to_number(n);
    lim = isfinite(d) ? (double)(uint32_t)(int64_t)fmod(trunc(d), 4294967296.0) : 0;
  }
  if (lim == 0) return a;
  if (own) return split_fast(vm, own, s, a, lim, unicode);
  if (vm_string_length(s) == 0) {
    Value z = regexp_exec_generic(vm, splitter, s);
    if (value_is_exception(z)) return z;
    if (z == VALUE_NULL) vm_array_push(vm, a, s);
    return a;
  }
  Value exec = c == regexp_constructor(vm) ? vm_get(vm, splitter, regexp_atom(vm, REGEXP_ATOM_EXEC))
                                            : VALUE_UNDEFINED;
  if (value_is_exception(exec)) return exec;
  if (exec == vm_intrinsic(vm, INTRINSIC_REGEXP_EXEC) && regexp_program_of(vm, splitter))
    return split_fast(vm, regexp_program_of(vm, splitter), s, a, lim, unicode);
  return split_generic(vm, splitter, s, a, lim, unicode);
}
//< stdlib.regexp-symbol-split

/* ==== [Symbol.matchAll] and the iterator it returns ==== */

typedef struct MatchAllIter {
  Value matcher, string;
  bool global, unicode, done;
} MatchAllIter;

static void iter_trace(VM *vm, void *data) {
  MatchAllIter *it = data;
  vm_gc_mark(vm, it->matcher);
  vm_gc_mark(vm, it->string);
}

static void iter_finalize(void *data) { free(data); }

static const VMClassDef iter_class = {"RegExp String Iterator", iter_trace, iter_finalize};

static Value regexp_symbol_match_all(VM *vm, Value this_value, int argc, Value *argv) {
  Value r = this_value;
  if (!value_is_object(r)) return regexp_throw_incompatible(vm, "@@matchAll", r);
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  Value c = value_is_exception(s) ? s : vm_handle_push(vm, builtins_species_constructor(vm, r, vm_intrinsic(vm, INTRINSIC_REGEXP)));
  Value flags = value_is_exception(c) ? c : get_flags(vm, r);
  if (value_is_exception(flags)) return flags;
  Value args[2] = {r, flags};
  Value matcher = vm_handle_push(vm, vm_construct(vm, c, 2, args));
  double last;
  if (value_is_exception(matcher) || !regexp_get_last_index(vm, r, &last) ||
      !regexp_set_last_index(vm, matcher, last))
    return VALUE_EXCEPTION;
  MatchAllIter *it = mem_calloc(1, sizeof *it);
  *it = (MatchAllIter){matcher, s, has_flag(flags, 'g'), has_flag(flags, 'u') || has_flag(flags, 'v'),
                       false};
  return vm_host_new(vm, &iter_class, it,
                     vm_intrinsic(vm, INTRINSIC_REGEXP_STRING_ITERATOR_PROTOTYPE));
}

static Value iter_result(VM *vm, Value value, bool done) {
  Value r = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, r, "value", value, VM_ATTR_DEFAULT);
  vm_define_str(vm, r, "done", value_from_bool(done), VM_ATTR_DEFAULT);
  return r;
}

static Value regexp_iterator_next(VM *vm, Value this_value, int argc, Value *argv) {
  MatchAllIter *it = vm_host_data(vm, this_value, &iter_class);
  if (!it) {
    char *what = builtins_describe(vm, this_value);
    Value r = vm_throw_error(vm, ERR_TYPE, "Method %%RegExpStringIterator%%.prototype.next called "
                             "on incompatible receiver %s", what);
    free(what);
    return r;
  }
  if (it->done) return iter_result(vm, VALUE_UNDEFINED, true);
  Value match = vm_handle_push(vm, regexp_exec_generic(vm, it->matcher, it->string));
  if (value_is_exception(match)) return match;
  if (match == VALUE_NULL) {
    it->done = true;
    return iter_result(vm, VALUE_UNDEFINED, true);
  }
  if (!it->global) {
    it->done = true;
    return iter_result(vm, match, false);
  }
  Value str = matched_of(vm, it->string, NULL, match);
  if (value_is_exception(str)) return str;
  if (vm_string_length(str) == 0 && !step_over_empty(vm, it->matcher, it->string, it->unicode))
    return VALUE_EXCEPTION;
  return iter_result(vm, match, false);
}

/* ==== String.prototype's side ==== */

/* RequireObjectCoercible(this), for String.prototype.<name>. */
static bool coercible(VM *vm, Value this_value, const char *name) {
  if (!value_is_nullish(this_value)) return true;
  vm_throw_error(vm, ERR_TYPE, "String.prototype.%s called on null or undefined", name);
  return false;
}

/* GetMethod(v, symbol): undefined, a function, or an exception. */
static Value get_method(VM *vm, Value v, VMWellKnownSymbol which) {
  Value key = vm_well_known_symbol(vm, which);
  Value m = vm_get(vm, v, key);
  if (value_is_exception(m) || value_is_nullish(m) || vm_is_callable(m))
    return value_is_nullish(m) ? VALUE_UNDEFINED : m;
  vm_handle_push(vm, m);
  char *what = builtins_describe(vm, m), *sym = builtins_describe(vm, key);
  char *obj = builtins_describe(vm, value_is_object(v) ? v : vm_handle_push(vm, vm_to_object(vm, v)));
  Value r = vm_throw_error(vm, ERR_TYPE, "'%s' returned for property '%s' of object '%s' is not a "
                           "function", what, sym, obj);
  free(what), free(sym), free(obj);
  return r;
}

Value builtins_string_by_symbol(VM *vm, Value this_value, Value arg, VMWellKnownSymbol which,
                                int argc, Value second) {
  if (value_is_nullish(arg)) return VALUE_HOLE;
  Value method = get_method(vm, arg, which);
  if (value_is_exception(method) || value_is_undefined(method))
    return value_is_exception(method) ? method : VALUE_HOLE;
  vm_handle_push(vm, method);
  Value args[2] = {this_value, second};
  return vm_call(vm, method, arg, argc, args);
}

Value builtins_string_check_global(VM *vm, Value arg, const char *name) {
  int is = builtins_is_regexp(vm, arg);
  if (is <= 0) return is < 0 ? VALUE_EXCEPTION : VALUE_UNDEFINED;
  Value flags = vm_handle_push(vm, vm_get_str(vm, arg, "flags"));
  if (value_is_exception(flags)) return flags;
  if (value_is_nullish(flags))
    return vm_throw_error(vm, ERR_TYPE, "The .flags property of the argument to "
                          "String.prototype.%s cannot be null or undefined", name);
  flags = vm_handle_push(vm, vm_to_string(vm, flags));
  if (value_is_exception(flags)) return flags;
  if (has_flag(flags, 'g')) return VALUE_UNDEFINED;
  return vm_throw_error(vm, ERR_TYPE, "String.prototype.%s called with a non-global RegExp argument",
                        name);
}

Value builtins_string_match(VM *vm, Value this_value, int argc, Value *argv) {
  VMWellKnownSymbol which = (VMWellKnownSymbol)vm_native_magic(vm);
  const char *name = which == VM_SYMBOL_MATCH ? "match"
                     : which == VM_SYMBOL_SEARCH ? "search" : "matchAll";
  if (!coercible(vm, this_value, name)) return VALUE_EXCEPTION;
  if (which == VM_SYMBOL_MATCH_ALL && !value_is_nullish(ARG(0)) &&
      value_is_exception(builtins_string_check_global(vm, ARG(0), name)))
    return VALUE_EXCEPTION;
  Value r = builtins_string_by_symbol(vm, this_value, ARG(0), which, 1, VALUE_UNDEFINED);
  if (!value_is_hole(r)) return r;
  Value s = vm_handle_push(vm, vm_to_string(vm, this_value));
  if (value_is_exception(s)) return s;
  Value flags = which == VM_SYMBOL_MATCH_ALL ? vm_atom(vm, "g") : VALUE_UNDEFINED;
  Value rx = vm_handle_push(vm, regexp_create(vm, ARG(0), flags));
  if (value_is_exception(rx)) return rx;
  Value method = vm_handle_push(vm, vm_get(vm, rx, vm_well_known_symbol(vm, which)));
  if (value_is_exception(method)) return method;
  if (!vm_is_callable(method)) return builtins_throw_not_function(vm, method);
  return vm_call(vm, method, rx, 1, &s);
}

static const VMPropDef regexp_symbol_methods[] = {
    VM_SYM_FN(VM_SYMBOL_MATCH, regexp_symbol_match, 1, VM_ATTR_HIDDEN),
    VM_SYM_FN(VM_SYMBOL_MATCH_ALL, regexp_symbol_match_all, 1, VM_ATTR_HIDDEN),
    VM_SYM_FN(VM_SYMBOL_REPLACE, regexp_symbol_replace, 2, VM_ATTR_HIDDEN),
    VM_SYM_FN(VM_SYMBOL_SEARCH, regexp_symbol_search, 1, VM_ATTR_HIDDEN),
    VM_SYM_FN(VM_SYMBOL_SPLIT, regexp_symbol_split, 2, VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

static const VMPropDef iterator_methods[] = {
    VM_FN("next", regexp_iterator_next, 0),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "RegExp String Iterator", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

void regexp_string_install(VM *vm) {
  vm_class_register(vm, &iter_class);
  vm_define_props(vm, vm_intrinsic(vm, INTRINSIC_REGEXP_PROTOTYPE), regexp_symbol_methods);
  Value proto = vm_handle_push(vm, vm_object_with_proto(vm, vm_intrinsic(vm, INTRINSIC_ITERATOR_PROTOTYPE)));
  vm_define_props(vm, proto, iterator_methods);
  vm_set_intrinsic(vm, INTRINSIC_REGEXP_STRING_ITERATOR_PROTOTYPE, proto);
}

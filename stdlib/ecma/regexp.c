/* regexp.c - RegExp objects: the constructor, exec and test, the flag getters, source,
 * toString, compile, lastIndex, and regular-expression literals.
 * Book: chapter 7, "The standard library" (RegExp), on the engine of chapter 14.
 *
 * A RegExp object is a CLASS_REGEXP object whose inner value is a Program (regexp_glue.h):
 * the compiled pattern, immutable, so that every evaluation of a literal shares the one
 * compiled when the literal first ran (the VM keeps it in the literal's constant slot).
 * Matching reuses one RegExpRunner per VM. Entry points: builtins_install_regexp, and for
 * regexp_string.c the helpers of regexp_glue.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/regexp_glue.h"

#define ARG(i) builtins_arg(argc, argv, (i))

/* ==== Programs: compiled patterns as values ==== */

static void program_trace(VM *vm, void *data) {
  Program *p = data;
  vm_gc_mark(vm, p->pattern);
  vm_gc_mark(vm, p->names);
}

static void program_finalize(void *data) {
  Program *p = data;
  regexp_free(p->re);
  free(p);
}

static const VMClassDef program_class = {"RegExpProgram", program_trace, program_finalize};

/* The per-VM matcher: one runner and a captures buffer, reused by every exec. */
typedef struct RegExpState {
  RegExpRunner *runner;
  int32_t *caps;
  int caps_capacity; /* in int32_t */
  /* The last successful match, for RegExp.$1 and the other legacy statics
   * (regexp_legacy.c): a match swaps its captures buffer with this one, so recording
   * it copies nothing. */
  int32_t *last_caps;
  int last_capacity, last_ncaps;
  bool input_assigned; /* RegExp.input was assigned since that match */
} RegExpState;

static void state_init(void *data) { ((RegExpState *)data)->runner = regexp_runner_new(); }

static void state_cleanup(void *data) {
  RegExpState *st = data;
  regexp_runner_free(st->runner);
  free(st->caps), free(st->last_caps);
}

static const VMStateType regexp_state = {"regexp", sizeof(RegExpState), state_init,
                                         state_cleanup};

static RegExpText text_of(Value s) {
  RegExpText t;
  t.chars = vm_string_data(s, &t.length, &t.wide);
  return t;
}

/* The key of each named group (undefined for an unnamed one), or undefined if none. */
static Value group_names(VM *vm, const RegExp *re, int ncaps) {
  if (!regexp_has_named_groups(re)) return VALUE_UNDEFINED;
  Value names = vm_handle_push(vm, vm_array_with_capacity(vm, (uint32_t)ncaps));
  vm_array_push(vm, names, VALUE_UNDEFINED);
  for (int g = 1; g < ncaps; g++) {
    size_t n;
    const uint16_t *units = regexp_group_name(re, g, &n);
    Value key = units ? vm_to_property_key(vm, vm_string_from_units(vm, units, n)) : VALUE_UNDEFINED;
    vm_array_push(vm, names, key);
  }
  return names;
}

/* "Invalid regular expression: /P/F: reason", P as given and F in canonical order. */
static Value throw_pattern_error(VM *vm, Value pattern, int flags, const char *reason) {
  char f[9];
  regexp_flags_string(flags, f);
  char *p = vm_to_wtf8(pattern);
  Value r = vm_throw_error(vm, ERR_SYNTAX, "Invalid regular expression: /%s/%s: %s", p, f, reason);
  free(p);
  return r;
}

/* A Program for pattern (a string) with flags (REGEXP_* bits), or a SyntaxError. */
static Value program_new(VM *vm, Value pattern, int flags) {
  const char *reason = NULL;
  RegExp *re = regexp_compile(text_of(pattern), flags, &reason);
  if (!re) return throw_pattern_error(vm, pattern, flags, reason ? reason : "error");
  Program *p = mem_calloc(1, sizeof *p);
  p->re = re, p->pattern = pattern, p->names = VALUE_UNDEFINED, p->flags = flags;
  p->ncaps = regexp_capture_count(re);
  Value v = vm_handle_push(vm, vm_host_new(vm, &program_class, p, VALUE_NULL));
  p->names = group_names(vm, re, p->ncaps);
  return v;
}

Program *regexp_program_from(VM *vm, Value v) { return vm_host_data(vm, v, &program_class); }

Program *regexp_program_of(VM *vm, Value obj) {
  if (!value_is_object(obj) || vm_object_class(obj) != VM_CLASS_REGEXP) return NULL;
  return vm_host_data(vm, vm_inner_value(obj), &program_class);
}

/* ==== lastIndex ==== */

bool regexp_get_last_index(VM *vm, Value r, double *out) {
  Value v = vm_get(vm, r, regexp_atom(vm, REGEXP_ATOM_LAST_INDEX));
  if (value_is_exception(v)) return false;
  if (value_is_number(v)) { /* the usual case: a small integer */
    double d = value_to_number(v);
    if (d >= 0 && d <= 9007199254740991.0 && d == floor(d)) return *out = d + 0.0, true;
  }
  double d;
  if (!builtins_to_integer(vm, v, &d)) return false;
  *out = d <= 0 ? 0 : d > 9007199254740991.0 ? 9007199254740991.0 : d;
  return true;
}

bool regexp_set_last_index(VM *vm, Value r, double value) {
  if (value_is_object(r) && vm_object_class(r) == VM_CLASS_REGEXP) {
    PropertyInfo info; /* V8 words the frozen case its own way */
    if (vm_get_own_property(vm, r, regexp_atom(vm, REGEXP_ATOM_LAST_INDEX), &info) && !info.is_accessor &&
        !(info.attrs & VM_ATTR_WRITABLE)) {
      vm_throw_error(vm, ERR_TYPE,
                     "Cannot assign to read only property 'lastIndex' of object '%s'",
                     "[object RegExp]");
      return false;
    }
  }
  return !value_is_exception(vm_set(vm, r, regexp_atom(vm, REGEXP_ATOM_LAST_INDEX), value_from_number(value)));
}

/* ==== exec ==== */

/* Room for n captures in the VM's scratch buffer. */
static int32_t *scratch_caps(RegExpState *st, int ncaps) {
  if (st->caps_capacity < 2 * ncaps) {
    st->caps_capacity = 2 * ncaps < 64 ? 64 : 2 * ncaps;
    st->caps = mem_realloc(st->caps, (size_t)st->caps_capacity * sizeof(int32_t));
  }
  return st->caps;
}

RegExpRunner *regexp_runner(VM *vm) { return ((RegExpState *)vm_state(vm, &regexp_state))->runner; }

int32_t *regexp_scratch(VM *vm, int ncaps) { return scratch_caps(vm_state(vm, &regexp_state), ncaps); }

//> stdlib.regexp-note-match
/* Every successful match of the built-in matcher ends here. Its captures are in the
 * scratch buffer: that buffer becomes the record of the last match, and the old record
 * the scratch for the next exec (the caller's pointer stays good until then). */
static void note_match(VM *vm, RegExpState *st, Value s, int ncaps) {
  int32_t *caps = st->caps;
  int capacity = st->caps_capacity;
  st->caps = st->last_caps, st->caps_capacity = st->last_capacity;
  st->last_caps = caps, st->last_capacity = capacity, st->last_ncaps = ncaps;
  st->input_assigned = false;
  vm_set_intrinsic(vm, INTRINSIC_REGEXP_LAST_SUBJECT, s);
}
//< stdlib.regexp-note-match

void regexp_note_match(VM *vm, Value s, int ncaps) {
  note_match(vm, vm_state(vm, &regexp_state), s, ncaps);
}

LastMatch regexp_last_match(VM *vm) {
  RegExpState *st = vm_state(vm, &regexp_state);
  return (LastMatch){st->last_caps, st->last_ncaps, st->input_assigned};
}

void regexp_assign_input(VM *vm, Value s) {
  ((RegExpState *)vm_state(vm, &regexp_state))->input_assigned = true;
  vm_set_intrinsic(vm, INTRINSIC_REGEXP_LAST_INPUT, s);
}

/* RegExpBuiltinExec up to the match itself: 1 (captures in m), 0, or -1 on exception. */
//> stdlib.regexp-builtin-exec
static int builtin_exec(VM *vm, Value r, Program *prog, Value s, RawMatch *m) {
  double last;
  if (!regexp_get_last_index(vm, r, &last)) return -1;
  bool global_or_sticky = prog->flags & (REGEXP_GLOBAL | REGEXP_STICKY);
  if (!global_or_sticky) last = 0;
  int status = REGEXP_NO_MATCH;
  RegExpState *st = vm_state(vm, &regexp_state);
  m->caps = scratch_caps(st, prog->ncaps), m->ncaps = prog->ncaps;
  if (last <= vm_string_length(s))
    status = regexp_exec(prog->re, text_of(s), (size_t)last, m->caps, st->runner);
  if (status == REGEXP_STACK_OVERFLOW || status == REGEXP_INTERRUPTED)
    return vm_throw_stack_overflow(vm), -1;
  if (status == REGEXP_MATCH) note_match(vm, st, s, m->ncaps);
  if (!global_or_sticky) return status;
  if (!regexp_set_last_index(vm, r, status == REGEXP_MATCH ? m->caps[1] : 0)) return -1;
  return status;
}
//< stdlib.regexp-builtin-exec

/* The groups object of a match: null prototype, each named group's value in order. */
static Value groups_object(VM *vm, Program *prog, Value s, const int32_t *caps, bool pairs) {
  if (value_is_undefined(prog->names)) return VALUE_UNDEFINED;
  Value groups = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  for (int g = 1; g < prog->ncaps; g++) {
    Value key = vm_array_get_raw(prog->names, (uint32_t)g);
    if (value_is_undefined(key)) continue;
    Value v = VALUE_UNDEFINED;
    if (caps[2 * g] >= 0 && pairs) {
      v = vm_handle_push(vm, vm_array_with_capacity(vm, 2));
      vm_array_push(vm, v, value_from_number(caps[2 * g]));
      vm_array_push(vm, v, value_from_number(caps[2 * g + 1]));
    } else if (caps[2 * g] >= 0) {
      v = vm_handle_push(vm, vm_string_slice(vm, s, (uint32_t)caps[2 * g], (uint32_t)caps[2 * g + 1]));
    }
    vm_define_property(vm, groups, key,
                       &(PropertyDescriptor){.value = v, .getter = VALUE_UNDEFINED,
                                             .setter = VALUE_UNDEFINED, .has_value = true,
                                             .has_writable = true, .has_enumerable = true,
                                             .has_configurable = true, .writable = true,
                                             .enumerable = true, .configurable = true});
  }
  return groups;
}

/* MakeMatchIndicesIndexPairArray: [start, end] per group, and their groups. */
static Value indices_array(VM *vm, Program *prog, Value s, const int32_t *caps) {
  Value a = vm_handle_push(vm, vm_array_with_capacity(vm, (uint32_t)prog->ncaps));
  for (int g = 0; g < prog->ncaps; g++) {
    Value pair = VALUE_UNDEFINED;
    if (caps[2 * g] >= 0) {
      pair = vm_handle_push(vm, vm_array_with_capacity(vm, 2));
      vm_array_push(vm, pair, value_from_number(caps[2 * g]));
      vm_array_push(vm, pair, value_from_number(caps[2 * g + 1]));
    }
    vm_array_push(vm, a, pair);
  }
  vm_define_str(vm, a, "groups", groups_object(vm, prog, s, caps, true), VM_ATTR_DEFAULT);
  return a;
}

Value regexp_match_array(VM *vm, Program *prog, Value s, const int32_t *caps) {
  Value a = vm_handle_push(vm, vm_array_with_capacity(vm, (uint32_t)prog->ncaps));
  for (int g = 0; g < prog->ncaps; g++) {
    Value v = VALUE_UNDEFINED;
    if (caps[2 * g] >= 0) v = vm_string_slice(vm, s, (uint32_t)caps[2 * g], (uint32_t)caps[2 * g + 1]);
    vm_array_push(vm, a, v);
  }
  vm_define_str(vm, a, "index", value_from_number(caps[0]), VM_ATTR_DEFAULT);
  vm_define_str(vm, a, "input", s, VM_ATTR_DEFAULT);
  vm_define_str(vm, a, "groups", groups_object(vm, prog, s, caps, false), VM_ATTR_DEFAULT);
  if (prog->flags & REGEXP_HAS_INDICES)
    vm_define_str(vm, a, "indices", indices_array(vm, prog, s, caps), VM_ATTR_DEFAULT);
  return a;
}

/* The match array for a raw match, its captures copied first (building it allocates). */
static Value array_of_raw(VM *vm, Program *prog, Value s, const RawMatch *m) {
  int32_t small[32], *caps = m->ncaps <= 16 ? small : mem_alloc(2 * (size_t)m->ncaps * 4);
  memcpy(caps, m->caps, 2 * (size_t)m->ncaps * sizeof(int32_t));
  Value a = regexp_match_array(vm, prog, s, caps);
  if (caps != small) free(caps);
  return a;
}

Value regexp_throw_incompatible(VM *vm, const char *method, Value receiver) {
  char *what = builtins_describe(vm, receiver);
  Value r = vm_throw_error(vm, ERR_TYPE, "Method RegExp.prototype.%s called on incompatible "
                           "receiver %s", method, what);
  free(what);
  return r;
}

//> stdlib.regexp-exec-step
int regexp_exec_step(VM *vm, Value r, Value s, RawMatch *m, Value *result) {
  *result = VALUE_UNDEFINED;
  Value exec = vm_handle_push(vm, vm_get(vm, r, regexp_atom(vm, REGEXP_ATOM_EXEC)));
  if (value_is_exception(exec)) return -1;
  Program *prog = regexp_program_of(vm, r);
  if (prog && exec == vm_intrinsic(vm, INTRINSIC_REGEXP_EXEC))
    return builtin_exec(vm, r, prog, s, m); /* the array would only be read: skip it */
  if (vm_is_callable(exec)) {
    Value v = vm_call(vm, exec, r, 1, &s);
    if (value_is_exception(v)) return -1;
    if (v == VALUE_NULL) return 0;
    if (value_is_object(v)) return *result = vm_handle_push(vm, v), 1;
    vm_throw_error(vm, ERR_TYPE, "RegExp exec method returned something other than an Object or null");
    return -1;
  }
  if (!prog) return regexp_throw_incompatible(vm, "exec", r), -1;
  return builtin_exec(vm, r, prog, s, m);
}
//< stdlib.regexp-exec-step

Value regexp_exec_generic(VM *vm, Value r, Value s) {
  RawMatch m;
  Value result;
  int found = regexp_exec_step(vm, r, s, &m, &result);
  if (found <= 0) return found < 0 ? VALUE_EXCEPTION : VALUE_NULL;
  return value_is_undefined(result) ? array_of_raw(vm, regexp_program_of(vm, r), s, &m) : result;
}

static Value regexp_exec_method(VM *vm, Value this_value, int argc, Value *argv) {
  Program *prog = regexp_program_of(vm, this_value);
  if (!prog) return regexp_throw_incompatible(vm, "exec", this_value);
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  if (value_is_exception(s)) return s;
  RawMatch m;
  int found = builtin_exec(vm, this_value, prog, s, &m);
  return found < 0 ? VALUE_EXCEPTION : found ? array_of_raw(vm, prog, s, &m) : VALUE_NULL;
}

static Value regexp_test(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) return regexp_throw_incompatible(vm, "test", VALUE_UNDEFINED);
  Value s = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  if (value_is_exception(s)) return s;
  RawMatch m;
  Value result;
  int found = regexp_exec_step(vm, this_value, s, &m, &result);
  return found < 0 ? VALUE_EXCEPTION : value_from_bool(found);
}

/* ==== Making RegExps ==== */

/* RegExpInitialize(obj, pattern, flags) with both already strings, or with `program`
 * already compiled (then pattern and flags are ignored). */
static Value initialize(VM *vm, Value obj, Value pattern, Value flags) {
  RegExpText ft = text_of(flags);
  int bits = regexp_parse_flags(ft);
  if (bits < 0) {
    char *f = vm_to_wtf8(flags);
    Value r = vm_throw_error(vm, ERR_SYNTAX, "Invalid flags supplied to RegExp constructor '%s'", f);
    free(f);
    return r;
  }
  Value program = program_new(vm, pattern, bits);
  if (value_is_exception(program)) return program;
  vm_set_inner_value(obj, program);
  return regexp_set_last_index(vm, obj, 0) ? obj : VALUE_EXCEPTION;
}

/* RegExpAlloc(newTarget): the object, its prototype newTarget.prototype, and lastIndex. */
static Value alloc(VM *vm, Value new_target) {
  Value proto = vm_intrinsic(vm, INTRINSIC_REGEXP_PROTOTYPE);
  if (value_is_object(new_target) && new_target != vm_intrinsic(vm, INTRINSIC_REGEXP)) {
    proto = vm_get_str(vm, new_target, "prototype");
    if (value_is_exception(proto)) return proto;
    if (!value_is_object(proto)) proto = vm_intrinsic(vm, INTRINSIC_REGEXP_PROTOTYPE);
  }
  vm_handle_push(vm, proto);
  Value obj = vm_handle_push(vm, vm_object_of_class(vm, VM_CLASS_REGEXP, proto, VALUE_UNDEFINED));
  vm_define_str(vm, obj, "lastIndex", value_from_number(0), VM_ATTR_WRITABLE);
  return obj;
}

/* pattern and flags (either undefined for "") to strings, then a new RegExp with them. */
static Value alloc_initialize(VM *vm, Value new_target, Value pattern, Value flags) {
  Value obj = alloc(vm, new_target);
  if (value_is_exception(obj)) return obj;
  Value p = value_is_undefined(pattern) ? vm_atom(vm, "") : vm_to_string(vm, pattern);
  if (value_is_exception(vm_handle_push(vm, p))) return VALUE_EXCEPTION;
  Value f = value_is_undefined(flags) ? vm_atom(vm, "") : vm_to_string(vm, flags);
  if (value_is_exception(vm_handle_push(vm, f))) return VALUE_EXCEPTION;
  return initialize(vm, obj, p, f);
}

int builtins_is_regexp(VM *vm, Value v) {
  if (!value_is_object(v)) return 0;
  Value matcher = vm_get(vm, v, vm_well_known_symbol(vm, VM_SYMBOL_MATCH));
  if (value_is_exception(matcher)) return -1;
  if (!value_is_undefined(matcher)) return vm_truthy(matcher);
  return vm_object_class(v) == VM_CLASS_REGEXP;
}

/* The flags string of a program, as a string Value. */
static Value flags_value(VM *vm, int flags) {
  char f[9];
  regexp_flags_string(flags, f);
  return vm_atom(vm, f);
}

/* new RegExp(pattern, flags) and RegExp(pattern, flags), as the spec's steps 1-7. */
//> stdlib.regexp-constructor
static Value regexp_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value pattern = ARG(0), flags = ARG(1), target = vm_new_target(vm);
  int is_regexp = builtins_is_regexp(vm, pattern);
  if (is_regexp < 0) return VALUE_EXCEPTION;
  if (value_is_undefined(target)) {
    target = vm_intrinsic(vm, INTRINSIC_REGEXP);
    if (is_regexp && value_is_undefined(flags)) { /* RegExp(re) is re itself */
      Value ctor = vm_get_str(vm, pattern, "constructor");
      if (value_is_exception(ctor) || ctor == target) return value_is_exception(ctor) ? ctor : pattern;
    }
  }
  Program *prog = regexp_program_of(vm, pattern);
  if (prog) {
    if (value_is_undefined(flags)) flags = vm_handle_push(vm, flags_value(vm, prog->flags));
    pattern = prog->pattern;
  } else if (is_regexp) {
    pattern = vm_handle_push(vm, vm_get_str(vm, pattern, "source"));
    if (value_is_exception(pattern)) return pattern;
    if (value_is_undefined(flags)) flags = vm_handle_push(vm, vm_get_str(vm, ARG(0), "flags"));
    if (value_is_exception(flags)) return flags;
  }
  return alloc_initialize(vm, target, pattern, flags);
}
//< stdlib.regexp-constructor

Value regexp_constructor(VM *vm) { return vm_intrinsic(vm, INTRINSIC_REGEXP); }

Value regexp_create(VM *vm, Value pattern, Value flags) {
  return alloc_initialize(vm, vm_intrinsic(vm, INTRINSIC_REGEXP), pattern, flags);
}

/* RegExp.prototype.compile(pattern, flags) (Annex B): reinitialise this in place. */
static Value regexp_compile_method(VM *vm, Value this_value, int argc, Value *argv) {
  if (!regexp_program_of(vm, this_value)) return regexp_throw_incompatible(vm, "compile", this_value);
  Value pattern = ARG(0), flags = ARG(1);
  Program *prog = regexp_program_of(vm, pattern);
  if (prog) {
    if (!value_is_undefined(flags))
      return vm_throw_error(vm, ERR_TYPE,
                            "Cannot supply flags when constructing one RegExp from another");
    flags = vm_handle_push(vm, flags_value(vm, prog->flags));
    pattern = prog->pattern;
  }
  Value p = value_is_undefined(pattern) ? vm_atom(vm, "") : vm_to_string(vm, pattern);
  if (value_is_exception(vm_handle_push(vm, p))) return VALUE_EXCEPTION;
  Value f = value_is_undefined(flags) ? vm_atom(vm, "") : vm_to_string(vm, flags);
  if (value_is_exception(vm_handle_push(vm, f))) return VALUE_EXCEPTION;
  return initialize(vm, this_value, p, f);
}

/* ==== Literals ==== */

/* The parser's check of a literal (VMRegExpHooks.check). */
static const char *check_literal(const uint16_t *pattern, size_t length, const char *flags) {
  int bits = regexp_parse_flags((RegExpText){flags, strlen(flags), false});
  if (bits < 0) return NULL; /* the lexer has reported those */
  const char *reason = NULL;
  RegExp *re = regexp_compile((RegExpText){pattern, length, true}, bits, &reason);
  regexp_free(re);
  return re ? NULL : reason ? reason : "error";
}

/* Each evaluation of a literal (VMRegExpHooks.create): compiled once, into the slot. */
//> stdlib.regexp-literal
static Value create_literal(VM *vm, Value *cache, Value flags) {
  if (value_is_string(*cache)) {
    int bits = regexp_parse_flags(text_of(flags));
    Value program = program_new(vm, *cache, bits < 0 ? 0 : bits);
    if (value_is_exception(program)) return program;
    *cache = program;
  }
  Value proto = vm_intrinsic(vm, INTRINSIC_REGEXP_PROTOTYPE);
  Value obj = vm_handle_push(vm, vm_object_of_class(vm, VM_CLASS_REGEXP, proto, *cache));
  vm_define_str(vm, obj, "lastIndex", value_from_number(0), VM_ATTR_WRITABLE);
  return obj;
}
//< stdlib.regexp-literal

/* ==== Flags, source, toString ==== */

/* For the getters: this's program; NULL with *result set when this is RegExp.prototype
 * (result undefined) or is not a RegExp (an exception). */
static Program *getter_this(VM *vm, Value this_value, const char *name, Value *result) {
  Program *prog = regexp_program_of(vm, this_value);
  if (prog) return prog;
  *result = VALUE_UNDEFINED;
  if (this_value == vm_intrinsic(vm, INTRINSIC_REGEXP_PROTOTYPE)) return NULL;
  *result = vm_throw_error(vm, ERR_TYPE, "RegExp.prototype.%s getter called on non-RegExp object",
                           name);
  return NULL;
}

/* The getters of the flags (magic: the flag's bit). */
static Value regexp_flag(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const names[] = {"hasIndices", "global", "ignoreCase", "multiline",
                                      "dotAll", "unicode", "unicodeSets", "sticky"};
  int bit = vm_native_magic(vm);
  Value result;
  Program *prog = getter_this(vm, this_value, names[__builtin_ctz((unsigned)bit)], &result);
  return prog ? value_from_bool(prog->flags & bit) : result;
}

/* get flags: generic, from the flag properties in "dgimsuvy" order. */
static Value regexp_flags_get(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const props[] = {"hasIndices", "global", "ignoreCase", "multiline",
                                      "dotAll", "unicode", "sticky", "unicodeSets"};
  if (!value_is_object(this_value)) {
    char *what = builtins_describe(vm, this_value);
    Value r = vm_throw_error(vm, ERR_TYPE, "RegExp.prototype.flags getter called on non-object %s",
                             what);
    free(what);
    return r;
  }
  int bits = 0; /* read in V8's order (sticky before unicodeSets), written in canonical */
  static const int bit[] = {REGEXP_HAS_INDICES, REGEXP_GLOBAL, REGEXP_IGNORE_CASE,
                            REGEXP_MULTILINE, REGEXP_DOT_ALL, REGEXP_UNICODE, REGEXP_STICKY,
                            REGEXP_UNICODE_SETS};
  for (int i = 0; i < 8; i++) {
    Value v = vm_get_str(vm, this_value, props[i]);
    if (value_is_exception(v)) return v;
    if (vm_truthy(v)) bits |= bit[i];
  }
  return flags_value(vm, bits);
}

static bool is_line_terminator(uint16_t u) {
  return u == '\n' || u == '\r' || u == 0x2028 || u == 0x2029;
}

/* The escape EscapeRegExpPattern writes for a line terminator, after its backslash. */
static const char *line_terminator_escape(uint16_t u) {
  return u == '\n' ? "n" : u == '\r' ? "r" : u == 0x2028 ? "u2028" : "u2029";
}

/* EscapeRegExpPattern as V8 does it: "/" outside a class and line terminators escaped. */
static Value escape_pattern(VM *vm, Value pattern) {
  uint32_t n = vm_string_length(pattern);
  if (n == 0) return vm_atom(vm, "(?:)");
  StrBuf b = {0};
  bool in_class = false;
  for (uint32_t i = 0; i < n; i++) {
    uint16_t u = vm_string_unit(pattern, i);
    if (u == '\\' && i + 1 < n) {
      uint16_t next = vm_string_unit(pattern, ++i);
      sb_putc(&b, '\\');
      if (is_line_terminator(next)) sb_puts(&b, line_terminator_escape(next));
      else sb_put_unit(&b, next);
      continue;
    }
    if (is_line_terminator(u)) sb_putc(&b, '\\'), sb_puts(&b, line_terminator_escape(u));
    else if (u == '/' && !in_class) sb_puts(&b, "\\/");
    else sb_put_unit(&b, u);
    if (u == '[') in_class = true;
    else if (u == ']') in_class = false;
  }
  return sb_finish(vm, &b);
}

static Value regexp_source(VM *vm, Value this_value, int argc, Value *argv) {
  Value result;
  Program *prog = getter_this(vm, this_value, "source", &result);
  if (!prog) return value_is_undefined(result) ? vm_atom(vm, "(?:)") : result;
  return escape_pattern(vm, prog->pattern);
}

static Value regexp_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) return regexp_throw_incompatible(vm, "toString", this_value);
  Value source = vm_handle_push(vm, vm_get_str(vm, this_value, "source"));
  source = value_is_exception(source) ? source : vm_handle_push(vm, vm_to_string(vm, source));
  if (value_is_exception(source)) return source;
  Value flags = vm_handle_push(vm, vm_get_str(vm, this_value, "flags"));
  flags = value_is_exception(flags) ? flags : vm_handle_push(vm, vm_to_string(vm, flags));
  if (value_is_exception(flags)) return flags;
  StrBuf b = {0};
  sb_putc(&b, '/');
  sb_put_js(&b, source);
  sb_putc(&b, '/');
  sb_put_js(&b, flags);
  return sb_finish(vm, &b);
}

/* ==== Installing ==== */

static const VMPropDef regexp_statics[] = {
    REGEXP_LEGACY_STATICS,
    BUILTINS_SPECIES_GETTER,
    VM_PROPS_END,
};

static const VMPropDef regexp_methods[] = {
    VM_FN("exec", regexp_exec_method, 1),
    VM_GETSET_MAGIC("dotAll", regexp_flag, NULL, REGEXP_DOT_ALL),
    VM_GETSET("flags", regexp_flags_get, NULL),
    VM_GETSET_MAGIC("global", regexp_flag, NULL, REGEXP_GLOBAL),
    VM_GETSET_MAGIC("hasIndices", regexp_flag, NULL, REGEXP_HAS_INDICES),
    VM_GETSET_MAGIC("ignoreCase", regexp_flag, NULL, REGEXP_IGNORE_CASE),
    VM_GETSET_MAGIC("multiline", regexp_flag, NULL, REGEXP_MULTILINE),
    VM_GETSET("source", regexp_source, NULL),
    VM_GETSET_MAGIC("sticky", regexp_flag, NULL, REGEXP_STICKY),
    VM_GETSET_MAGIC("unicode", regexp_flag, NULL, REGEXP_UNICODE),
    VM_FN("compile", regexp_compile_method, 2),
    VM_FN("toString", regexp_to_string, 0),
    VM_FN("test", regexp_test, 1),
    VM_GETSET_MAGIC("unicodeSets", regexp_flag, NULL, REGEXP_UNICODE_SETS),
    VM_PROPS_END,
};

static const VMPropDef regexp_globals[] = {
    VM_CONSTRUCTOR("RegExp", regexp_construct, 2, 0, INTRINSIC_REGEXP_PROTOTYPE, regexp_statics,
                   regexp_methods),
    VM_PROPS_END,
};

//> stdlib.regexp-install
void builtins_install_regexp(VM *vm) {
  static const char *const atoms[] = {
#define REGEXP_ATOM_TEXT(name, text) text,
      REGEXP_FOR_EACH_ATOM(REGEXP_ATOM_TEXT)
#undef REGEXP_ATOM_TEXT
  };
  Value list = vm_handle_push(vm, vm_array_with_capacity(vm, REGEXP_ATOM_COUNT));
  for (int i = 0; i < REGEXP_ATOM_COUNT; i++) vm_array_push(vm, list, vm_atom(vm, atoms[i]));
  vm_set_intrinsic(vm, INTRINSIC_REGEXP_ATOMS, list);
  vm_class_register(vm, &program_class);
  Value global = vm_global(vm);
  vm_define_props(vm, global, regexp_globals);
  PropertyInfo info;
  vm_get_own_property(vm, global, vm_atom(vm, "RegExp"), &info);
  vm_set_intrinsic(vm, INTRINSIC_REGEXP, info.value);
  Value proto = vm_intrinsic(vm, INTRINSIC_REGEXP_PROTOTYPE);
  vm_get_own_property(vm, proto, vm_atom(vm, "exec"), &info);
  vm_set_intrinsic(vm, INTRINSIC_REGEXP_EXEC, info.value);
  regexp_string_install(vm);
  vm_set_regexp_hooks(vm, &(VMRegExpHooks){check_literal, create_literal});
}
//< stdlib.regexp-install

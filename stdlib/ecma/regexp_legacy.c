/* regexp_legacy.c - RegExp.$1 ... $9, input, lastMatch, lastParen, leftContext,
 * rightContext and their $ aliases: Annex B's legacy static properties, as V8 has them.
 * Book: chapter 7, "The standard library" (the section on RegExp).
 *
 * Every successful match of the built-in matcher records its subject and captures
 * (regexp.c: note_match); these accessors read that record. As in V8 they ignore their
 * receiver, a failed match leaves the record alone, assigning `input` (or `$_`) replaces
 * only what `input` returns, and the other setters do nothing.
 */
#include "stdlib/ecma/regexp_glue.h"

/* The substring of the last subject between the captures start and end ('' if unset). */
static Value slice(VM *vm, Value subject, int32_t start, int32_t end) {
  if (!value_is_string(subject) || start < 0) return vm_string(vm, "");
  return vm_string_slice(vm, subject, (uint32_t)start, (uint32_t)end);
}

Value regexp_legacy_get(VM *vm, Value this_value, int argc, Value *argv) {
  int which = vm_native_magic(vm);
  LastMatch m = regexp_last_match(vm);
  if (which == LEGACY_INPUT) {
    Value input = vm_intrinsic(vm, m.input_assigned ? INTRINSIC_REGEXP_LAST_INPUT
                                                    : INTRINSIC_REGEXP_LAST_SUBJECT);
    return value_is_string(input) ? input : vm_string(vm, "");
  }
  Value s = vm_intrinsic(vm, INTRINSIC_REGEXP_LAST_SUBJECT);
  if (m.ncaps == 0) return vm_string(vm, "");
  int group = which >= LEGACY_GROUP ? which - LEGACY_GROUP : which == LEGACY_LAST_PAREN ? m.ncaps - 1 : 0;
  switch (which) {
  case LEGACY_LEFT: return slice(vm, s, 0, m.caps[0]);
  case LEGACY_RIGHT: return slice(vm, s, m.caps[1], (int32_t)vm_string_length(s));
  default:
    if (group >= m.ncaps || (which == LEGACY_LAST_PAREN && group == 0)) return vm_string(vm, "");
    return slice(vm, s, m.caps[2 * group], m.caps[2 * group + 1]);
  }
}

/* Assigning input (or $_) holds until the next match; the others' setters do nothing. */
Value regexp_legacy_set(VM *vm, Value this_value, int argc, Value *argv) {
  if (vm_native_magic(vm) != LEGACY_INPUT) return VALUE_UNDEFINED;
  Value s = vm_to_string(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED);
  if (value_is_exception(s)) return s;
  regexp_assign_input(vm, s);
  return VALUE_UNDEFINED;
}

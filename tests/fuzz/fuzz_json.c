/* fuzz_json.c - libFuzzer harness: JSON.parse on arbitrary bytes (tests/fuzz/README.md).
 *
 * The input, read as UTF-8, goes to the real JSON.parse of a VM made once per process
 * (with a reviver when its length is odd). A value that parses is stringified, and
 * parsed and stringified again: the two texts must be equal, or the harness aborts
 * (JSON.stringify's output always parses back to the same text). Thrown errors are
 * ordinary outcomes and are cleared; every value lives in a handle scope reset per input.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/ecma.h"
#include "vm/vm.h"

static VM *vm;
static int32_t json_pin, parse_pin, stringify_pin, reviver_pin;

/* Frees the VM when the fuzzer exits, so that LeakSanitizer's check at exit sees every
 * block still allocated as a leak (tests/fuzz/run.sh turns off the per-input check,
 * which the collector's growing heap would trigger at almost every input). */
static void free_vm(void) { vm_free(vm); }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  mem_init();
  vm = vm_new();
  atexit(free_vm);
  builtins_install_all(vm);
  Value json = vm_get_str(vm, vm_global(vm), "JSON");
  json_pin = vm_pin(vm, json);
  parse_pin = vm_pin(vm, vm_get_str(vm, json, "parse"));
  stringify_pin = vm_pin(vm, vm_get_str(vm, json, "stringify"));
  /* A reviver that replaces, deletes and keeps values, so internalize walks every path. */
  reviver_pin = vm_pin(vm, vm_compile_function(vm, VM_FN_NORMAL, "k, v",
                                               "if (typeof v === 'number') return -v;"
                                               "if (k === 'x') return undefined;"
                                               "if (Array.isArray(v)) v.push(k); return v"));
  return 0;
}

//> fuzz.json-call
/* JSON.parse(text[, reviver]) or JSON.stringify(value); the result is kept in a handle,
 * or VALUE_EXCEPTION with the exception already cleared. */
static Value call(int32_t fn, int argc, Value a, Value b) {
  Value argv[2] = {a, b};
  Value r = vm_call(vm, vm_pinned(vm, fn), vm_pinned(vm, json_pin), argc, argv);
  if (value_is_exception(r)) {
    vm_take_exception(vm);
    return r;
  }
  return vm_handle_push(vm, r); /* nothing roots r once vm_call has returned */
}
//< fuzz.json-call

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int mark = vm_handle_mark(vm);
  Value text = vm_string_n(vm, (const char *)data, size);
  if (value_is_exception(text)) {
    vm_take_exception(vm);
  } else {
    vm_handle_push(vm, text);
    bool revive = size % 2;
    Value v = call(parse_pin, 1 + revive, text, vm_pinned(vm, reviver_pin));
    Value once = value_is_exception(v) ? v : call(stringify_pin, 1, v, VALUE_UNDEFINED);
    if (value_is_string(once)) {
      Value again = call(parse_pin, 1, once, VALUE_UNDEFINED);
      if (value_is_exception(again)) abort(); /* stringify wrote text parse rejects */
      Value twice = call(stringify_pin, 1, again, VALUE_UNDEFINED);
      if (!value_is_string(twice) || vm_string_compare(once, twice) != 0) abort();
    }
  }
  vm_handle_reset(vm, mark);
  return 0;
}

/* fuzz_compile.c - libFuzzer harness: the lexer, the parser and the compiler on arbitrary
 * bytes (tests/fuzz/README.md); nothing compiled is ever run. An input without a NUL is
 * compiled as a global script and as a CommonJS module (vm_compile); one with a NUL is
 * the Function constructor's pair, parameters before it and body after it
 * (vm_compile_function), the kind taken from the length. A SyntaxError is an ordinary
 * outcome; a crash, a sanitizer report or a PANIC is a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/ecma.h"
#include "vm/vm.h"

static VM *vm; /* one VM per process, made once: its compiled functions are collected */

/* Frees the VM when the fuzzer exits, so that LeakSanitizer's check at exit sees every
 * block still allocated as a leak (tests/fuzz/run.sh turns off the per-input check,
 * which the collector's growing heap would trigger at almost every input). */
static void free_vm(void) { vm_free(vm); }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  mem_init();
  vm = vm_new();
  atexit(free_vm);
  builtins_install_all(vm); /* the RegExp built-in checks regexp literals at compile time */
  return 0;
}

/* Compiles and drops the result; a syntax error leaves an exception, which is cleared. */
static void settle(Value result) {
  if (value_is_exception(result)) vm_take_exception(vm);
}

/* params NUL body: CreateDynamicFunction's two strings, as C strings of their own. */
static void compile_dynamic(const uint8_t *data, size_t size, const uint8_t *nul) {
  size_t params_len = (size_t)(nul - data), body_len = size - params_len - 1;
  char *params = mem_alloc(params_len + 1), *body = mem_alloc(body_len + 1);
  memcpy(params, data, params_len), params[params_len] = 0;
  memcpy(body, nul + 1, body_len), body[body_len] = 0;
  static const int kinds[] = {VM_FN_NORMAL, VM_FN_ASYNC, VM_FN_GENERATOR, VM_FN_ASYNC_GENERATOR};
  /* It runs only the script `(function anonymous(params) { body })`, never the body. */
  settle(vm_compile_function(vm, kinds[size % 4], params, body));
  free(params), free(body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int mark = vm_handle_mark(vm);
  const uint8_t *nul = memchr(data, 0, size);
  if (nul) {
    compile_dynamic(data, size, nul);
  } else {
    settle(vm_compile(vm, (const char *)data, size, "fuzz.js", COMPILE_SCRIPT));
    settle(vm_compile(vm, (const char *)data, size, "fuzz.js", COMPILE_MODULE));
  }
  vm_handle_reset(vm, mark);
  return 0;
}

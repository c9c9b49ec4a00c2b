/* test_realms.c - two complete VMs (each with its Loop, Host and standard library) in one
 * process must not see each other's state: util.inspect.defaultOptions, console.count and
 * console.group, Math.random, Array.prototype.join's cycle stack, the http prototypes,
 * timers. Book: chapter 7, "The standard library" (where a native's state lives).
 *
 * Realm A's script calls inB(code), a native this test gives it, to run code in realm B
 * in the middle of A's own work (even inside A's join of a cyclic array). Everything is
 * freed at the end: under `make asan test` LeakSanitizer checks that nothing leaks.
 * Prints one line per failed check and exits 0 when every check passes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

static int failures;

static void check_str(const char *got, const char *want, const char *what) {
  if (got && strcmp(got, want) == 0) return;
  printf("FAIL %s: got \"%s\", want \"%s\"\n", what, got ? got : "(null)", want);
  failures++;
}

typedef struct Realm {
  VM *vm;
  Loop *loop;
  Host *host;
} Realm;

static Realm realm_new(void) {
  static char *argv[] = {"tinynode", NULL};
  Realm r = {vm_new(), loop_new(), NULL};
  r.host = host_new(r.vm, r.loop);
  stdlib_install(r.host, 1, argv, 1);
  return r;
}

static void realm_free(Realm *r) {
  stdlib_exit(r->host, 0);
  host_free(r->host);
  loop_free(r->loop);
  vm_free(r->vm);
}

static int run(Realm *r, const char *source) {
  return host_run_source(r->host, source, strlen(source), "[test]", COMPILE_SCRIPT, NULL);
}

/* The global `name` of a realm as a malloc'd C string (NULL if it is not a string). */
static char *global_string(Realm *r, const char *name) {
  Value v = vm_get_str(r->vm, vm_global(r->vm), name);
  return value_is_string(v) ? vm_to_utf8(r->vm, v, NULL) : NULL;
}

/* ==== inB(code): realm A's window into realm B ==== */

static VM *realm_b;

/* Evaluates the expression `code` in B; its value, as a string, comes back to A. Values
 * never cross between the realms: only their text does. */
static Value in_b(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 1 || !value_is_string(argv[0])) return vm_throw_error(vm, ERR_TYPE, "inB(code)");
  char *code = vm_to_utf8(vm, argv[0], NULL);
  char *wrapped = malloc(strlen(code) + 32);
  sprintf(wrapped, "globalThis.__result = String(%s);", code);
  free(code);
  Value fn = vm_compile(realm_b, wrapped, strlen(wrapped), "[inB]", COMPILE_SCRIPT);
  free(wrapped);
  if (!value_is_exception(fn)) fn = vm_call(realm_b, fn, VALUE_UNDEFINED, 0, NULL);
  if (value_is_exception(fn)) {
    vm_take_exception(realm_b);
    return vm_throw_error(vm, ERR_ERROR, "inB: the code threw in realm B");
  }
  char *text = vm_to_utf8(realm_b, vm_get_str(realm_b, vm_global(realm_b), "__result"), NULL);
  Value r = vm_string(vm, text);
  free(text);
  return r;
}

/* ==== The scripts ==== */

static const char script_b[] =
    "const http = require('http');\n"
    "Object.getPrototypeOf(http.createServer(() => {})).marker = 'B';\n"
    "globalThis.http = http;\n"
    "console.count('k');\n"
    "setTimeout(() => { globalThis.timer = 'B fired'; }, 1);\n";

static const char script_a[] =
    "const util = require('util'), http = require('http');\n"
    "Object.getPrototypeOf(http.createServer(() => {})).marker = 'A';\n"
    "util.inspect.defaultOptions = { depth: 0 };\n"
    "const r = [];\n"
    "r.push(util.inspect({ a: { b: 1 } }));\n"
    "r.push(inB(\"require('util').inspect({ a: { b: 1 } })\"));\n"
    "r.push(http.createServer().marker, inB('http.createServer().marker'));\n"
    "console.count('k'); console.count('k');\n"
    "inB(\"console.count('k')\");\n"
    "console.group('A group');\n"
    "inB(\"console.log('B is not indented')\");\n"
    "console.log('A is');\n"
    "console.groupEnd();\n"
    "const cyclic = [1, { toString() {\n"
    "  return inB(\"(() => { const b = [4]; b.push(b); return b.join('+'); })()\");\n"
    "} }, 3];\n"
    "cyclic.push(cyclic);\n"
    "r.push(cyclic.join('-'));\n"
    "const x = Math.random(), y = Number(inB('Math.random()'));\n"
    "r.push(x >= 0 && x < 1 && y >= 0 && y < 1 && x !== y);\n"
    "setTimeout(() => { r.push('A fired'); globalThis.result = r.join('|'); }, 1);\n";

/* ==== Running both ==== */

/* Runs fn with stdout going to a temporary file; returns what was written (malloc'd). */
static char *capture_stdout(void (*fn)(Realm *, Realm *), Realm *a, Realm *b) {
  fflush(stdout);
  int saved = dup(1);
  FILE *tmp = tmpfile();
  dup2(fileno(tmp), 1);
  fn(a, b);
  fflush(stdout);
  dup2(saved, 1);
  close(saved);
  off_t n = lseek(fileno(tmp), 0, SEEK_END);
  char *text = calloc(1, (size_t)n + 1);
  if (pread(fileno(tmp), text, (size_t)n, 0) != n) text[0] = 0;
  fclose(tmp);
  return text;
}

static void run_both(Realm *a, Realm *b) {
  if (run(b, script_b) != 0) printf("FAIL: realm B's script\n"), failures++;
  vm_define_str(a->vm, vm_global(a->vm), "inB", vm_native_new(a->vm, "inB", in_b, 1),
                VM_ATTR_HIDDEN);
  if (run(a, script_a) != 0) printf("FAIL: realm A's script\n"), failures++;
}

int main(void) {
  Realm a = realm_new(), b = realm_new();
  realm_b = b.vm;
  char *out = capture_stdout(run_both, &a, &b);
  check_str(out,
            "k: 1\n"                     /* B, in its own script */
            "k: 1\nk: 2\n"               /* A: its own counter */
            "k: 2\n"                     /* B: its own counter */
            "A group\n"
            "B is not indented\n"        /* A's group indents A's console only */
            "  A is\n",
            "what the two consoles printed");
  char *result = global_string(&a, "result"), *timer = global_string(&b, "timer");
  check_str(result,
            "{ a: [Object] }|{ a: { b: 1 } }|" /* A's defaultOptions, B's defaults */
            "A|B|"                             /* each realm's http server prototype */
            "1-4+-3-|"                         /* a cyclic join in B during one in A */
            "true|A fired",
            "realm A's results");
  check_str(timer, "B fired", "realm B's timer");
  free(out), free(result), free(timer);
  realm_free(&a);
  realm_free(&b);
  if (failures == 0) printf("realms: every check passed\n");
  return failures ? 1 : 0;
}

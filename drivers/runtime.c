/* drivers/runtime.c - the engine on the event loop, without the standard library:
 *   tn-runtime [--script] FILE
 * Book: chapter 0, "Each stage on its own" (and chapter 9, "Modules").
 *
 * Runs FILE as tinynode runs a main script: as a CommonJS module with require for
 * relative files and JSON (runtime/module.c), then the loop until it drains, with the
 * promise-job queue run after the script (runtime/host.c). No built-in module exists
 * at this stage (require('fs') fails as for an unknown name), and there is no console:
 * the driver defines print(...) for primitives. An uncaught exception prints
 * `Uncaught ` and its stack, and the exit code is 1.
 */
#include "drivers/print.h"
#include "runtime/runtime.h"

/* HostReporter: what tinynode's standard library prints with node's layout, this
 * stage prints plainly. */
static void report(Host *host, Value exception, SourceSite site) {
  driver_print_uncaught(host_vm(host), exception);
}

int main(int argc, char **argv) {
  static const char *const flags[] = {"--script", NULL};
  const char *path = driver_script(argc, argv, flags, "[--script] FILE");
  mem_init();
  VM *vm = vm_new();
  Loop *loop = loop_new();
  Host *host = host_new(vm, loop);
  host_set_reporter(host, report);
  vm_set_str(vm, vm_global(vm), "print", vm_native_new(vm, "print", driver_print, 0));
  CompileMode mode = driver_flag(argc, argv, "--script") ? COMPILE_SCRIPT : COMPILE_MODULE;
  int status = host_run_main(host, path, mode);
  host_report_fatal(host); /* an uncaught exception, if the script ended with one */
  fflush(stdout);
  host_free(host);
  loop_free(loop);
  vm_free(vm);
  return status;
}

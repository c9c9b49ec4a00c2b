/* drivers/vm.c - the engine alone, with no runtime and no standard library:
 *   tn-vm [--dump-bytecode] [--trace] [--script] FILE
 * Book: chapter 0, "Each stage on its own" (and chapter 5, "The VM loop").
 *
 * Compiles FILE as tinynode does (a CommonJS-style function body by default, a global
 * script with --script) and runs it, or prints its bytecode. There is no console at
 * this stage, nor most built-ins (the standard library installs them): the driver
 * defines one global, print(...), for primitives. Promise jobs (from async functions)
 * run after the script from a queue kept here, as the runtime's host keeps one in
 * tinynode. An uncaught exception prints `Uncaught ` and its stack and exits 1.
 */
#include "drivers/driver.h"
#include "drivers/print.h"

/* The promise job queue: pinned (job, argument) pairs, run first in, first out. */
typedef struct JobQueue {
  int32_t (*pins)[2];
  size_t head, count, capacity;
} JobQueue;

/* VMHooks.enqueue_job: the queue is the hooks' host pointer. */
static void enqueue_job(VM *vm, Value job, Value arg) {
  JobQueue *q = vm_hooks(vm)->host;
  if (q->count == q->capacity) {
    q->capacity = q->capacity ? 2 * q->capacity : 16;
    q->pins = mem_realloc(q->pins, q->capacity * sizeof *q->pins);
  }
  q->pins[q->count][0] = vm_pin(vm, job);
  q->pins[q->count++][1] = vm_pin(vm, arg);
}

/* Reports the pending exception; the exit code is 1. */
static int uncaught(VM *vm) {
  driver_print_uncaught(vm, vm_take_exception(vm));
  return 1;
}

/* Runs the queued promise jobs, including those they queue, until none is left. */
static int drain_jobs(VM *vm) {
  JobQueue *q = vm_hooks(vm)->host;
  for (; q->head < q->count; q->head++) {
    int mark = vm_handle_mark(vm);
    Value job = vm_handle_push(vm, vm_pinned(vm, q->pins[q->head][0]));
    Value arg = vm_handle_push(vm, vm_pinned(vm, q->pins[q->head][1]));
    vm_unpin(vm, q->pins[q->head][0]);
    vm_unpin(vm, q->pins[q->head][1]);
    Value r = vm_call(vm, job, VALUE_UNDEFINED, 1, &arg);
    vm_handle_reset(vm, mark);
    if (value_is_exception(r)) return uncaught(vm);
  }
  return 0;
}

static int run(VM *vm, const char *path, const char *source, size_t length, int argc,
               char **argv) {
  CompileMode mode = driver_flag(argc, argv, "--script") ? COMPILE_SCRIPT : COMPILE_MODULE;
  Value fn = vm_handle_push(vm, vm_compile(vm, source, length, path, mode));
  if (value_is_exception(fn)) return uncaught(vm);
  if (driver_flag(argc, argv, "--dump-bytecode")) {
    vm_disassemble(vm, fn, stdout);
    return 0;
  }
  if (driver_flag(argc, argv, "--trace")) vm_set_trace(vm, stderr);
  Value r = vm_call(vm, fn, VALUE_UNDEFINED, 0, NULL); /* a module body's parameters stay undefined */
  if (value_is_exception(r)) return uncaught(vm);
  return drain_jobs(vm);
}

int main(int argc, char **argv) {
  static const char *const flags[] = {"--dump-bytecode", "--trace", "--script", NULL};
  const char *path = driver_script(argc, argv, flags, "[--dump-bytecode] [--trace] FILE");
  mem_init();
  size_t length;
  char *source = driver_read_script(path, &length);
  VM *vm = vm_new();
  JobQueue jobs = {0};
  VMHooks hooks = {.host = &jobs, .enqueue_job = enqueue_job};
  vm_set_hooks(vm, &hooks);
  vm_set_str(vm, vm_global(vm), "print", vm_native_new(vm, "print", driver_print, 0));
  int status = run(vm, path, source, length, argc, argv);
  fflush(stdout);
  vm_free(vm);
  free(jobs.pins);
  free(source);
  return status;
}

/* signals.c - process.on('SIGINT') and the other signal events, and process.kill.
 * Book: chapter 8, "The event loop" ("Signals through a pipe").
 *
 * As node does, the first listener for a signal's name on process starts watching that
 * signal (runtime/loop.c's self-pipe: the event arrives as an ordinary loop callback,
 * process.emit(name, name, number)), and removing the last one gives the signal its
 * default action back. events.c calls signals_listen before it stores a listener on
 * process and signals_unlisten after it removed one. Watching does not keep the
 * process alive. Entry points: signals_listen, signals_unlisten, signals_number,
 * signals_object (os.constants.signals), and process.kill (signals_props).
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/node/internal.h"

/* os.constants.signals of node on Linux, in its order. */
static const struct {
  const char *name;
  int number;
} signal_table[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},       {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},       {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},     {"SIGCHLD", SIGCHLD},     {"SIGSTKFLT", SIGSTKFLT},
    {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},     {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},     {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},       {"SIGSYS", SIGSYS},
};
#define SIGNAL_COUNT (int)(sizeof signal_table / sizeof *signal_table)

int signals_number(const char *name) {
  for (int i = 0; i < SIGNAL_COUNT; i++)
    if (strcmp(signal_table[i].name, name) == 0) return signal_table[i].number;
  return 0;
}

Value signals_object(VM *vm) {
  Value o = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  for (int i = 0; i < SIGNAL_COUNT; i++)
    vm_define_str(vm, o, signal_table[i].name, value_from_number(signal_table[i].number),
                  VM_ATTR_DEFAULT);
  return o;
}

/* The first name of a number (SIGABRT rather than SIGIOT), or NULL. */
const char *signals_name(int number) {
  for (int i = 0; i < SIGNAL_COUNT; i++)
    if (signal_table[i].number == number) return signal_table[i].name;
  return NULL;
}

/* name's signal number when emitter is process and name a signal's name, else 0. */
static int process_signal(VM *vm, Value emitter, Value name) {
  if (!value_is_string(name) || !value_is_object(emitter) ||
      !vm_strict_equals(vm_prototype_of(emitter), vm_intrinsic(vm, INTRINSIC_PROCESS_PROTOTYPE)))
    return 0;
  char *text = vm_to_utf8(vm, name, NULL);
  int number = strncmp(text, "SIG", 3) == 0 ? signals_number(text) : 0;
  free(text);
  return number;
}

/* ==== Delivering ==== */

//> stdlib.signal-emit
/* The loop's callback for a watched signal: process.emit(name, name, number). A
 * listener's error is an uncaught exception, as any callback's. */
static void signal_arrived(Loop *loop, int signum, void *data) {
  Host *host = data;
  VM *vm = host_vm(host);
  Value p = vm_handle_push(vm, vm_get_str(vm, vm_global(vm), "process"));
  const char *name = signals_name(signum);
  if (!value_is_object(p) || !name) return;
  Value args[] = {vm_handle_push(vm, vm_string(vm, name)), value_from_number(signum)};
  if (value_is_exception(events_emit(vm, p, args[0], 2, args))) host_fatal_exception(host);
}
//< stdlib.signal-emit

Value signals_listen(VM *vm, Value emitter, Value name) {
  int signum = process_signal(vm, emitter, name);
  if (!signum) return VALUE_UNDEFINED;
  Host *host = host_of(vm);
  int err = loop_signal_start(host_loop(host), signum, signal_arrived, host);
  if (err == 0) return VALUE_UNDEFINED;
  Value e = vm_handle_push(vm, node_errno_error(vm, -err, "uv_signal_start"));
  return vm_throw(vm, e);
}

Value signals_unlisten(VM *vm, Value emitter, Value name) {
  int signum = process_signal(vm, emitter, name);
  if (!signum) return VALUE_UNDEFINED;
  Value events = vm_get_str(vm, emitter, "_events");
  if (value_is_exception(events)) return events;
  Value left = value_is_object(events) ? vm_get(vm, events, name) : VALUE_UNDEFINED;
  if (value_is_exception(left)) return left;
  if (value_is_undefined(left)) loop_signal_stop(host_loop(host_of(vm)), signum);
  return VALUE_UNDEFINED;
}

/* ==== process.kill ==== */

/* node's ErrnoException(err, syscall): "syscall CODE", with errno, code and syscall. */
Value node_errno_error(VM *vm, int err, const char *syscall) {
  const char *code = errno_code_name(err);
  StrBuf sb = {0};
  sb_printf(&sb, "%s %s", syscall, code);
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  Value e = vm_handle_push(vm, vm_make_error(vm, ERR_ERROR, message));
  vm_define_str(vm, e, "errno", value_from_number(-err), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "code", vm_string(vm, code), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "syscall", vm_string(vm, syscall), VM_ATTR_DEFAULT);
  return e;
}

/* node's `pid != (pid | 0)`: a pid that compares loosely equal to its int32. Returns the
 * pid through *out, or false. */
static bool pid_of(VM *vm, Value pid, int32_t *out) {
  if (!value_is_number(pid) && !value_is_string(pid)) return false;
  Value n = vm_to_number(vm, pid); /* a string or a number: no user code runs */
  double d = value_is_number(n) ? value_to_number(n) : NAN;
  if (!(d >= INT32_MIN && d <= INT32_MAX) || d != (double)(int32_t)d) return false;
  *out = (int32_t)d;
  return true;
}

/* The signal number process.kill means, or -1 with ERR_UNKNOWN_SIGNAL pending. */
static int kill_signal(VM *vm, Value sig) {
  if (value_is_number(sig) && value_to_number(sig) == (double)(int32_t)value_to_number(sig))
    return (int32_t)value_to_number(sig);
  const char *name = "SIGTERM";
  char *text = NULL;
  if (vm_truthy(sig)) {
    Value s = vm_to_string(vm, sig);
    if (value_is_exception(s)) return -1;
    name = text = vm_to_utf8(vm, s, NULL);
  }
  int number = signals_number(name);
  if (!number) {
    StrBuf sb = {0};
    sb_printf(&sb, "Unknown signal: %s", name);
    Value message = vm_handle_push(vm, sb_finish(vm, &sb));
    vm_throw(vm, node_error_new(vm, ERR_TYPE, "ERR_UNKNOWN_SIGNAL", message));
  }
  free(text);
  return number ? number : -1;
}

/* process.kill(pid, signal = 'SIGTERM'): true, or node's errors. A signal sent to this
 * very process arrives through the loop like any other. */
static Value process_kill(VM *vm, Value this_value, int argc, Value *argv) {
  Value pid = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  int32_t target;
  if (!pid_of(vm, pid, &target)) return node_throw_arg_type(vm, "pid", "of type number", pid);
  int signum = kill_signal(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED);
  if (signum < 0) return VALUE_EXCEPTION;
  if (kill((pid_t)target, signum) < 0)
    return vm_throw(vm, vm_handle_push(vm, node_errno_error(vm, errno, "kill")));
  return VALUE_TRUE;
}

static const VMPropDef kill_props[] = {
    VM_FN_ENUM("kill", process_kill, 2),
    VM_PROPS_END,
};

const VMPropDef *signals_props(void) { return kill_props; }

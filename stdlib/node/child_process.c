/* child_process.c - internal/spawn, the native half of child_process
 * (stdlib/node/lib/child_process.js): runtime/child.c's processes as JavaScript handles,
 * and spawnSync. Book: chapter 8, "The event loop" ("Child processes").
 *
 *   child_process_module_create   require('internal/spawn'), built-ins only
 *
 * Both spawns take the same description, checked and normalised by the JavaScript side:
 * (file, args, envPairs or undefined, cwd or undefined, stdio, detached, uid, gid), where each
 * stdio entry is 'pipe', 'ignore' or the number of one of our fds ('inherit' is i). A
 * 'pipe' is a socketpair, as libuv makes them: our end becomes a net.Socket (through
 * internal/tcp's open), the child's end is closed here once the child has its copy.
 *
 * spawn returns a handle of class Process, pinned while the child runs, with `pid` and
 * `fds` (our ends, -1 where none), or -errno; it calls handle.onexit(exitCode, signal
 * name or null) from the loop. spawnSync runs the child to its end right here, with
 * poll() over its pipes (feeding `input`, collecting output, keeping time), and returns
 * {pid, status, signal, output, error}.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

#define MAX_STDIO 64

typedef struct Proc {
  Host *host;
  Child *child; /* until its exit has been reported (or the handle closed) */
  int32_t pin;
} Proc;

static void proc_finalize(void *data) {
  Proc *p = data;
  if (p->child) child_abandon(p->child); /* at exit, the child still running */
  free(p);
}

static const VMClassDef proc_class = {"Process", NULL, proc_finalize};

static Value arg(int argc, Value *argv, int i) { return i < argc ? argv[i] : VALUE_UNDEFINED; }

/* ==== The description of a child ==== */

typedef struct Spawn {
  ChildSpec spec;
  int stdio[MAX_STDIO], ours[MAX_STDIO]; /* the child's fds; our ends of its pipes */
  int nstdio;
} Spawn;

/* The strings of a JavaScript array, NULL-terminated and malloc'd; NULL if not an array. */
static char **string_list(VM *vm, Value arr) {
  if (!vm_is_array(arr)) return NULL;
  uint32_t n = vm_array_length(arr);
  char **list = mem_calloc(n + 1, sizeof *list);
  for (uint32_t i = 0; i < n; i++) {
    Value s = vm_array_get(vm, arr, i);
    list[i] = value_is_string(s) ? vm_to_utf8(vm, s, NULL) : mem_strdup("");
  }
  return list;
}

static void free_strings(char **list) {
  for (char **p = list; p && *p; p++) free(*p);
  free(list);
}

static void spawn_free(Spawn *s) {
  free((char *)s->spec.file);
  free((char *)s->spec.cwd);
  free_strings((char **)s->spec.argv);
  free_strings((char **)s->spec.envp);
  for (int i = 0; i < s->nstdio; i++) {
    if (s->ours[i] != -2 && s->stdio[i] >= 0) close(s->stdio[i]);
    if (s->ours[i] >= 0) close(s->ours[i]);
  }
}

/* Closes what only the child needed, once it has its copies. */
static void spawn_close_childs(Spawn *s) {
  for (int i = 0; i < s->nstdio; i++)
    if (s->ours[i] != -2 && s->stdio[i] >= 0) close(s->stdio[i]), s->stdio[i] = -1;
}

/* One stdio entry: 'pipe' (ours[i] our end), 'ignore' (/dev/null), or an fd of ours
 * (ours[i] = -2: not ours to close). Returns 0 or -errno. */
static int stdio_entry(VM *vm, Spawn *s, int i, Value v) {
  s->stdio[i] = s->ours[i] = -1;
  if (value_is_number(v)) {
    s->stdio[i] = (int)value_to_number(v);
    s->ours[i] = -2;
    return 0;
  }
  char *kind = value_is_string(v) ? vm_to_utf8(vm, v, NULL) : mem_strdup("ignore");
  int err = 0;
  if (strcmp(kind, "pipe") == 0) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) err = -errno;
    else s->ours[i] = sv[0], s->stdio[i] = sv[1];
  } else if ((s->stdio[i] = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0) {
    err = -errno;
  }
  free(kind);
  return err;
}

/* Reads (file, args, envPairs, cwd, stdio, detached, uid, gid) from argv. Returns 0 or -errno
 * (then s is freed). */
static int spawn_read(VM *vm, Spawn *s, int argc, Value *argv) {
  memset(s, 0, sizeof *s);
  Value file = arg(argc, argv, 0), cwd = arg(argc, argv, 3), stdio = arg(argc, argv, 4);
  s->spec.file = value_is_string(file) ? vm_to_utf8(vm, file, NULL) : mem_strdup("");
  s->spec.argv = string_list(vm, arg(argc, argv, 1));
  if (!s->spec.argv) s->spec.argv = mem_calloc(1, sizeof(char *));
  s->spec.envp = string_list(vm, arg(argc, argv, 2));
  s->spec.cwd = value_is_string(cwd) ? vm_to_utf8(vm, cwd, NULL) : NULL;
  s->spec.detached = vm_truthy(arg(argc, argv, 5));
  Value uid = arg(argc, argv, 6), gid = arg(argc, argv, 7);
  s->spec.uid = value_is_number(uid) ? (int)value_to_number(uid) : -1;
  s->spec.gid = value_is_number(gid) ? (int)value_to_number(gid) : -1;
  uint32_t n = vm_is_array(stdio) ? vm_array_length(stdio) : 0;
  s->nstdio = n < MAX_STDIO ? (int)n : MAX_STDIO;
  for (int i = 0; i < s->nstdio; i++) {
    int err = stdio_entry(vm, s, i, vm_array_get(vm, stdio, (uint32_t)i));
    if (err) {
      s->nstdio = i + 1;
      spawn_free(s);
      return err;
    }
  }
  s->spec.stdio = s->stdio;
  s->spec.nstdio = s->nstdio;
  return 0;
}

/* ==== spawn: a child on the loop ==== */

static Proc *proc_of(VM *vm, int argc, Value *argv) {
  return argc > 0 ? vm_host_data(vm, argv[0], &proc_class) : NULL;
}

//> stdlib.child-exit
/* The child ended: handle.onexit(exitCode, signal), then the handle is let go. */
static void on_child_exit(Child *child, int exit_status, int term_signal, void *data) {
  Proc *p = data;
  VM *vm = host_vm(p->host);
  int mark = vm_handle_mark(vm);
  child_close(child);
  p->child = NULL;
  Value h = vm_handle_push(vm, vm_pinned(vm, p->pin));
  vm_unpin(vm, p->pin);
  const char *name = term_signal ? signals_name(term_signal) : NULL;
  Value args[2] = {value_from_number(exit_status), VALUE_NULL};
  if (name) args[1] = vm_handle_push(vm, vm_string(vm, name));
  Value fn = vm_handle_push(vm, vm_get_str(vm, h, "onexit"));
  if (value_is_exception(fn)) host_fatal_exception(p->host);
  else if (vm_is_callable(fn)) host_call(p->host, fn, h, 2, args);
  vm_handle_reset(vm, mark);
}
//< stdlib.child-exit

static Value cp_spawn(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  Spawn s;
  int err = spawn_read(vm, &s, argc, argv);
  if (err) return value_from_number(err);
  Proc *p = mem_calloc(1, sizeof *p);
  p->host = host;
  Value proto = vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE);
  Value h = vm_handle_push(vm, vm_host_new(vm, &proc_class, p, proto));
  p->child = child_spawn(host_loop(host), &s.spec, on_child_exit, p, &err);
  if (!p->child) {
    spawn_free(&s);
    return value_from_number(err);
  }
  p->pin = vm_pin(vm, h);
  spawn_close_childs(&s);
  Value fds = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 0; i < s.nstdio; i++) {
    vm_array_push(vm, fds, value_from_number(s.ours[i] >= 0 ? s.ours[i] : -1));
    if (s.ours[i] >= 0) s.ours[i] = -1; /* internal/tcp's open takes it */
  }
  spawn_free(&s);
  vm_define_str(vm, h, "pid", value_from_number(child_pid(p->child)), VM_ATTR_DEFAULT);
  vm_define_str(vm, h, "fds", fds, VM_ATTR_DEFAULT);
  return h;
}

/* kill(handle, signum): 0 or -errno (-ESRCH once the child has ended). */
static Value cp_kill(VM *vm, Value this_value, int argc, Value *argv) {
  Proc *p = proc_of(vm, argc, argv);
  Value sig = arg(argc, argv, 1);
  int signum = value_is_number(sig) ? (int)value_to_number(sig) : SIGTERM;
  if (!p || !p->child) return value_from_number(-ESRCH);
  return value_from_number(child_kill(p->child, signum));
}

static Value cp_ref(VM *vm, Value this_value, int argc, Value *argv) {
  Proc *p = proc_of(vm, argc, argv);
  if (p && p->child) child_set_loop_ref(p->child, vm_truthy(arg(argc, argv, 1)));
  return VALUE_UNDEFINED;
}

/* ==== spawnSync: the child run to its end ==== */

typedef struct SyncRun {
  Spawn s;
  const uint8_t *input; /* a copy of the Buffer's bytes, for stdin */
  size_t input_len, input_off;
  StrBuf out[MAX_STDIO];
  size_t total, max_buffer;
  double deadline; /* ms on CLOCK_MONOTONIC; 0: none */
  int kill_signal, error, pid;
} SyncRun;

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Ends the run early (timeout, too much output): the signal, and no more reading. */
static void sync_stop(SyncRun *r, int err) {
  if (!r->error) r->error = err;
  kill(r->pid, r->kill_signal);
  for (int i = 0; i < r->s.nstdio; i++)
    if (r->s.ours[i] >= 0) close(r->s.ours[i]), r->s.ours[i] = -1;
}

/* One ready fd: stdin takes more input (closed when all is written); the others are read. */
static void sync_io(SyncRun *r, int i, short revents) {
  int fd = r->s.ours[i];
  if (i == 0) {
    ssize_t n = write(fd, r->input + r->input_off, r->input_len - r->input_off);
    if (n > 0) r->input_off += (size_t)n;
    if ((n < 0 && errno != EINTR && errno != EAGAIN) || r->input_off == r->input_len)
      close(fd), r->s.ours[i] = -1;
    return;
  }
  char buf[65536];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) {
    close(fd), r->s.ours[i] = -1;
    return;
  }
  sb_putn(&r->out[i], buf, (size_t)n);
  r->total += (size_t)n;
  if (r->max_buffer && r->total > r->max_buffer) sync_stop(r, -ENOBUFS);
}

/* poll() over our ends until they all close, or the time is up. */
static void sync_pump(SyncRun *r) {
  for (;;) {
    struct pollfd pfd[MAX_STDIO];
    int idx[MAX_STDIO], n = 0;
    for (int i = 0; i < r->s.nstdio; i++) {
      if (r->s.ours[i] < 0) continue;
      pfd[n] = (struct pollfd){r->s.ours[i], i == 0 ? POLLOUT : POLLIN, 0};
      idx[n++] = i;
    }
    if (n == 0) return;
    int timeout = -1;
    if (r->deadline) {
      double left = r->deadline - now_ms();
      if (left <= 0) {
        sync_stop(r, -ETIMEDOUT);
        return;
      }
      timeout = (int)left + 1;
    }
    int ready = poll(pfd, (nfds_t)n, timeout);
    if (ready < 0 && errno != EINTR) return;
    for (int k = 0; k < n && ready > 0; k++)
      if (pfd[k].revents) sync_io(r, idx[k], pfd[k].revents);
  }
}

/* Waits for the child, within the deadline (then the signal, and a wait without one). */
static int sync_wait(SyncRun *r) {
  int status = 0;
  for (;;) {
    pid_t w = waitpid(r->pid, &status, r->deadline ? WNOHANG : 0);
    if (w == r->pid) return status;
    if (w < 0 && errno != EINTR) return 0;
    if (w == 0 && now_ms() >= r->deadline) {
      sync_stop(r, -ETIMEDOUT);
      r->deadline = 0;
    } else if (w == 0) {
      poll(NULL, 0, 5); /* a child that closed its output but runs on: rare, kept short */
    }
  }
}

static Value sync_result(VM *vm, SyncRun *r, int status) {
  Value o = vm_handle_push(vm, vm_object_new(vm));
  vm_set_str(vm, o, "pid", value_from_number(r->pid > 0 ? r->pid : 0));
  if (r->pid > 0) {
    bool sig = WIFSIGNALED(status);
    vm_set_str(vm, o, "status", sig ? VALUE_NULL : value_from_number(WEXITSTATUS(status)));
    const char *name = sig ? signals_name(WTERMSIG(status)) : NULL;
    vm_set_str(vm, o, "signal", name ? vm_handle_push(vm, vm_string(vm, name)) : VALUE_NULL);
    Value output = vm_handle_push(vm, vm_array_new(vm));
    for (int i = 0; i < r->s.nstdio; i++) {
      bool piped = i > 0 && r->s.stdio[i] == -3;
      Value b = piped ? node_buffer_from_bytes(vm, (const uint8_t *)r->out[i].data, r->out[i].len)
                      : VALUE_NULL;
      if (value_is_exception(b)) return b;
      vm_array_push(vm, output, vm_handle_push(vm, b));
    }
    vm_set_str(vm, o, "output", output);
  }
  vm_set_str(vm, o, "error", value_from_number(r->error));
  return o;
}

/* spawnSync(file, args, envPairs, cwd, stdio, detached, uid, gid, input, timeout,
 * killSignal, maxBuffer). */
static Value cp_spawn_sync(VM *vm, Value this_value, int argc, Value *argv) {
  SyncRun r = {0};
  int err = spawn_read(vm, &r.s, argc, argv);
  if (err) {
    r.error = err;
    return sync_result(vm, &r, 0);
  }
  const uint8_t *in = NULL;
  if (node_buffer_bytes(arg(argc, argv, 8), &in, &r.input_len) && r.input_len) {
    uint8_t *copy = mem_alloc(r.input_len);
    memcpy(copy, in, r.input_len);
    r.input = copy;
  }
  Value t = arg(argc, argv, 9), k = arg(argc, argv, 10), m = arg(argc, argv, 11);
  if (value_is_number(t) && value_to_number(t) > 0) r.deadline = now_ms() + value_to_number(t);
  r.kill_signal = value_is_number(k) ? (int)value_to_number(k) : SIGTERM;
  r.max_buffer = value_is_number(m) && value_to_number(m) > 0 && value_to_number(m) < 1e15
                     ? (size_t)value_to_number(m) : 0;
  r.pid = child_exec(&r.s.spec);
  int status = 0;
  if (r.pid < 0) {
    r.error = r.pid;
  } else {
    spawn_close_childs(&r.s);
    for (int i = 0; i < r.s.nstdio; i++)
      if (r.s.ours[i] >= 0) {
        r.s.stdio[i] = -3; /* marks a pipe, for the output */
        fcntl(r.s.ours[i], F_SETFL, fcntl(r.s.ours[i], F_GETFL) | O_NONBLOCK);
      }
    if (r.s.nstdio > 0 && r.s.ours[0] >= 0 && r.input_len == 0)
      close(r.s.ours[0]), r.s.ours[0] = -1;
    sync_pump(&r);
    status = sync_wait(&r);
  }
  Value result = sync_result(vm, &r, status);
  for (int i = 0; i < MAX_STDIO; i++) sb_free(&r.out[i]);
  free((void *)r.input);
  spawn_free(&r.s);
  return result;
}

static const VMPropDef cp_props[] = {
    VM_FN_ENUM("spawn", cp_spawn, 8),
    VM_FN_ENUM("spawnSync", cp_spawn_sync, 12),
    VM_FN_ENUM("kill", cp_kill, 2),
    VM_FN_ENUM("ref", cp_ref, 2),
    VM_PROPS_END,
};

Value child_process_module_create(Host *host) {
  VM *vm = host_vm(host);
  vm_class_register(vm, &proc_class);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, m, cp_props);
  return m;
}

/* host.c - the engine on the event loop: job queues, callbacks, exit codes.
 * Book: chapter 8, "The event loop".
 *
 *   host_new / host_free   join a VM to a Loop
 *   host_call              every loop callback into JavaScript goes through here
 *   host_drain_jobs        process.nextTick queue, then promise jobs, until both are empty
 *
 * Node drains its two microtask queues after every macrotask: the loop calls
 * after_callback (below) after each callback it makes, and host_run_main drains
 * them once the main script has run.
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "runtime/host_private.h"

/* ==== Job queues ==== */

static void queue_push(JobQueue *q, int32_t fn, int32_t arg, bool spread) {
  if (q->count == q->capacity) {
    q->capacity = q->capacity ? q->capacity * 2 : 64;
    q->jobs = mem_realloc(q->jobs, sizeof(Job) * (size_t)q->capacity);
  }
  q->jobs[q->count++] = (Job){fn, arg, spread};
}

void host_next_tick(Host *host, Value fn, Value args) {
  queue_push(&host->ticks, vm_pin(host->vm, fn), vm_pin(host->vm, args), true);
}

/* The common nextTick(fn, x): x is kept as it is, with no array made for it. */
void host_next_tick1(Host *host, Value fn, Value arg) {
  queue_push(&host->ticks, vm_pin(host->vm, fn), vm_pin(host->vm, arg), false);
}

static void enqueue_promise_job(VM *vm, Value job, Value arg) {
  Host *host = host_of(vm);
  queue_push(&host->promise_jobs, vm_pin(vm, job), vm_pin(vm, arg), false);
}

/* Runs the job at q->head; jobs queued meanwhile go to the end of the queue. */
static void run_one(Host *host, JobQueue *q, bool spread_args) {
  Job job = q->jobs[q->head++];
  VM *vm = host->vm;
  int mark = vm_handle_mark(vm);
  Value fn = vm_handle_push(vm, vm_pinned(vm, job.fn));
  Value arg = vm_handle_push(vm, vm_pinned(vm, job.arg));
  vm_unpin(vm, job.fn);
  vm_unpin(vm, job.arg);
  *(spread_args ? &host->ran_ticks : &host->ran_jobs) += 1;
  vm_trace_note(vm, spread_args ? "microtask: a process.nextTick callback"
                                : "microtask: a promise job");
  if (job.spread) host_call_array(host, fn, VALUE_UNDEFINED, arg);
  else host_call(host, fn, VALUE_UNDEFINED, 1, &arg);
  vm_handle_reset(vm, mark);
}

/* ==== Unhandled rejections ==== */

static void list_push(VM *vm, RejectionList *l, Value promise, double uid) {
  if (l->count == l->capacity) {
    l->capacity = l->capacity ? l->capacity * 2 : 8;
    l->pins = mem_realloc(l->pins, sizeof(int32_t) * (size_t)l->capacity);
    l->uids = mem_realloc(l->uids, sizeof(double) * (size_t)l->capacity);
  }
  l->pins[l->count] = vm_pin(vm, promise);
  l->uids[l->count++] = uid;
}

/* The promise entry i of l names: in host->warned, through a WeakRef (undefined once the
 * promise was collected). */
static Value list_promise(VM *vm, const RejectionList *l, int i) {
  Value v = vm_pinned(vm, l->pins[i]);
  return vm_is_weak_ref(v) ? vm_weak_ref_deref(vm, v) : v;
}

/* Takes promise out of l (unpinned); its uid, or 0 if it was not there. */
static double list_take(VM *vm, RejectionList *l, Value promise) {
  for (int i = 0; i < l->count; i++) {
    if (list_promise(vm, l, i) != promise) continue;
    double uid = l->uids[i];
    vm_unpin(vm, l->pins[i]);
    l->count--;
    memmove(&l->pins[i], &l->pins[i + 1], sizeof(int32_t) * (size_t)(l->count - i));
    memmove(&l->uids[i], &l->uids[i + 1], sizeof(double) * (size_t)(l->count - i));
    return uid;
  }
  return 0;
}

/* Drops the entries of l whose promise was collected. */
static void list_prune(VM *vm, RejectionList *l) {
  int kept = 0;
  for (int i = 0; i < l->count; i++) {
    if (value_is_undefined(list_promise(vm, l, i))) {
      vm_unpin(vm, l->pins[i]);
      continue;
    }
    l->pins[kept] = l->pins[i];
    l->uids[kept++] = l->uids[i];
  }
  l->count = kept;
}

/* Remembers a promise reported unhandled, weakly as node's WeakMap does: a handler may
 * still come while the program holds the promise; once it does not, the promise (and
 * its reason) may be collected, and the entry goes. */
static void warned_push(VM *vm, RejectionList *l, Value promise, double uid) {
  if (l->count == l->capacity) list_prune(vm, l);
  int mark = vm_handle_mark(vm);
  list_push(vm, l, vm_handle_push(vm, vm_weak_ref_new(vm, promise, VALUE_NULL)), uid);
  vm_handle_reset(vm, mark);
}

static void list_free(VM *vm, RejectionList *l) {
  for (int i = 0; vm && i < l->count; i++) vm_unpin(vm, l->pins[i]);
  free(l->pins), free(l->uids);
  *l = (RejectionList){0};
}

/* HostPromiseRejectionTracker: remember a promise rejected with no handler (with its
 * id); forget it if a handler comes before the microtasks run out; one that was already
 * reported and gets a handler now is "handled late". */
static void track_rejection(VM *vm, Value promise, bool handled) {
  Host *host = host_of(vm);
  if (!handled) {
    list_push(vm, &host->rejections, promise, ++host->rejection_uid);
  } else if (!list_take(vm, &host->rejections, promise)) {
    double uid = list_take(vm, &host->warned, promise);
    if (uid) list_push(vm, &host->late, promise, uid);
  }
}

/* Node's processPromiseRejections: first the promises handled late, then each promise
 * still without a handler goes to the stdlib's handler (which may end the process), in
 * the order they were rejected; while a late handler may still come, it is kept. */
static bool process_rejections(Host *host) {
  VM *vm = host->vm;
  RejectionList late = host->late, now = host->rejections;
  if (late.count == 0 && now.count == 0) return false;
  host->late = host->rejections = (RejectionList){0};
  for (int i = 0; i < late.count; i++) {
    int mark = vm_handle_mark(vm);
    Value promise = vm_handle_push(vm, vm_pinned(vm, late.pins[i]));
    if (host->on_handled_late && !host->exiting) host->on_handled_late(host, promise, late.uids[i]);
    vm_handle_reset(vm, mark);
  }
  for (int i = 0; i < now.count; i++) {
    int mark = vm_handle_mark(vm);
    Value promise = vm_handle_push(vm, vm_pinned(vm, now.pins[i])), reason;
    vm_promise_state(promise, &reason);
    if (host->on_unhandled && !host->exiting) {
      if (host->on_handled_late) warned_push(vm, &host->warned, promise, now.uids[i]);
      host->on_unhandled(host, promise, reason, now.uids[i]);
    }
    vm_handle_reset(vm, mark);
  }
  list_free(vm, &late), list_free(vm, &now);
  return true;
}

void host_set_unhandled_rejection(Host *host, HostUnhandledRejection fn) { host->on_unhandled = fn; }
void host_set_rejection_handled(Host *host, HostRejectionHandled fn) { host->on_handled_late = fn; }
void host_set_uncaught(Host *host, HostUncaught fn) { host->on_uncaught = fn; }
void host_set_before_exit(Host *host, HostBeforeExit fn) { host->on_before_exit = fn; }
void host_set_main_module(Host *host, HostMainModule fn) { host->on_main_module = fn; }

static bool queue_empty(JobQueue *q) {
  if (q->head < q->count) return false;
  q->head = q->count = 0;
  return true;
}

//> runtime.drain-jobs
void host_drain_jobs(Host *host) {
  if (host->draining) return;
  host->draining = true;
  host->ran_ticks = host->ran_jobs = 0;
  do {
    while (!host->exiting && (!queue_empty(&host->ticks) || !queue_empty(&host->promise_jobs))) {
      while (!host->exiting && !queue_empty(&host->ticks)) run_one(host, &host->ticks, true);
      while (!host->exiting && !queue_empty(&host->promise_jobs)) /* all, as V8's microtasks */
        run_one(host, &host->promise_jobs, false);
    }
  } while (!host->exiting && process_rejections(host));
  host->draining = false;
  vm_clear_kept_objects(host->vm); /* the job is over: WeakRef targets may go */
  if (host->loop_trace && host->ran_ticks + host->ran_jobs > 0)
    fprintf(host->loop_trace, "[loop]   microtasks: %ld nextTick callbacks, %ld promise jobs\n",
            host->ran_ticks, host->ran_jobs);
  fflush(stdout);
}
//< runtime.drain-jobs

//> runtime.after-callback
/* The loop calls this after every callback it makes. The callback has returned, so
 * the handles it pushed are dead: the loop owns each callback's handle scope, as
 * vm_call owns a native's. Then Node's microtasks run. */
static void after_callback(Loop *loop, void *data) {
  Host *host = data;
  vm_handle_reset(host->vm, host->loop_handles);
  host_drain_jobs(host);
}
//< runtime.after-callback

/* ==== FinalizationRegistry cleanups ==== */

/* The cleanup task: every callback the collector has queued, one after another, as V8
 * runs them in one task of their own (node runs it from the loop's poll phase; the
 * pending phase here is the nearest). The callbacks' microtasks run after the task. */
static void run_cleanups(Loop *loop, void *data) {
  Host *host = data;
  VM *vm = host->vm;
  host->cleanup_scheduled = false;
  Value fn, holdings;
  while (!host->exiting && vm_finalization_next(vm, &fn, &holdings)) {
    int mark = vm_handle_mark(vm);
    vm_handle_push(vm, fn);
    vm_handle_push(vm, holdings);
    host_call(host, fn, VALUE_UNDEFINED, 1, &holdings);
    vm_handle_reset(vm, mark);
  }
}

/* VMHooks.cleanup_needed: called at the end of a collection, so only C happens here. */
static void schedule_cleanups(VM *vm) {
  Host *host = host_of(vm);
  if (host->cleanup_scheduled || host->exiting) return;
  host->cleanup_scheduled = true;
  loop_defer_pending(host->loop, run_cleanups, host);
}

/* ==== Calling JavaScript from the loop ==== */

bool host_call(Host *host, Value fn, Value this_value, int argc, const Value *argv) {
  if (host->exiting) return false;
  Value r = vm_call(host->vm, fn, this_value, argc, argv);
  if (!value_is_exception(r)) return true;
  host_fatal_exception(host);
  return false;
}

/* host_call with the elements of an array as the arguments: the array (which the
 * caller roots) keeps them alive while they are copied out into a C array. */
bool host_call_array(Host *host, Value fn, Value this_value, Value args) {
  VM *vm = host->vm;
  uint32_t n = vm_is_array(args) ? vm_array_length(args) : 0;
  Value *argv = mem_alloc(sizeof(Value) * (n ? n : 1));
  for (uint32_t i = 0; i < n; i++) argv[i] = vm_array_get(vm, args, i);
  bool ok = host_call(host, fn, this_value, (int)n, argv);
  free(argv);
  return ok;
}

//> runtime.fatal-exception
/* An exception nobody caught: keep it for host_report_fatal (Node reports it after the
 * 'exit' listeners have run), set the exit code to 1 and stop the loop. */
void host_fatal_exception(Host *host) { host_fatal_exception_at(host, vm_exception_site(host->vm)); }

void host_fatal_exception_at(Host *host, SourceSite site) {
  if (vm_is_terminating(host->vm)) { /* process.exit(): nothing to report */
    vm_take_exception(host->vm);
    return;
  }
  Value exception = vm_take_exception(host->vm);
  int status = 1;
  if (host->on_uncaught) { /* 'uncaughtException' listeners, or the REPL's report */
    int mark = vm_handle_mark(host->vm);
    bool handled = host->on_uncaught(host, vm_handle_push(host->vm, exception));
    if (!handled && vm_has_exception(host->vm)) { /* a listener threw: node reports that, 7 */
      site = vm_exception_site(host->vm);
      exception = vm_take_exception(host->vm), status = 7;
    }
    vm_handle_reset(host->vm, mark);
    if (handled || vm_is_terminating(host->vm)) return;
  }
  if (host->fatal_pin < 0) { /* only the first one is reported */
    host->fatal_pin = vm_pin(host->vm, exception);
    host->fatal_site = site;
  }
  host_exit(host, status);
}
//< runtime.fatal-exception

void host_report_fatal(Host *host) {
  if (host->fatal_pin < 0) return;
  VM *vm = host->vm;
  int mark = vm_handle_mark(vm);
  Value exception = vm_handle_push(vm, vm_pinned(vm, host->fatal_pin));
  vm_unpin(vm, host->fatal_pin);
  host->fatal_pin = -1;
  host->main_module = -1;
  fflush(stdout);
  if (host->reporter) host->reporter(host, exception, host->fatal_site);
  vm_handle_reset(vm, mark);
}

void host_exit(Host *host, int code) {
  host->exit_code = code;
  host->exiting = true;
  fflush(stdout);
  loop_stop(host->loop);
}

bool host_exiting(Host *host) { return host->exiting; }
int host_exit_code(Host *host) { return host->exit_code; }
void host_set_exit_code(Host *host, int code) { host->exit_code = code; }
void host_set_reporter(Host *host, HostReporter reporter) { host->reporter = reporter; }

void host_set_errors(Host *host, const HostErrors *errors) { host->errors = errors; }

/* ==== Watching the loop ==== */

/* The loop's trace hook: --trace-loop's lines, and --trace's marks. */
static void trace_loop(Loop *loop, LoopTraceEvent event, const char *what, long n, void *data) {
  Host *host = data;
  FILE *out = host->loop_trace;
  if (event == LOOP_TRACE_CALLBACK && vm_tracing(host->vm)) {
    char note[64];
    snprintf(note, sizeof note, "event loop: a %s callback", what);
    vm_trace_note(host->vm, note);
  }
  if (!out) return;
  switch (event) {
  case LOOP_TRACE_TURN: fprintf(out, "[loop] turn %ld\n", n); break;
  case LOOP_TRACE_PHASE: fprintf(out, "[loop]  %s\n", what); break;
  case LOOP_TRACE_CALLBACK: fprintf(out, "[loop]   a %s callback\n", what); break;
  case LOOP_TRACE_POLL:
    if (n < 0) fprintf(out, "[loop]  poll: waits for I/O (no timer)\n");
    else fprintf(out, "[loop]  poll: waits up to %ld ms\n", n);
    break;
  }
}

void host_set_trace(Host *host, FILE *loop_out) {
  host->loop_trace = loop_out;
  bool on = loop_out || vm_tracing(host->vm);
  loop_set_trace(host->loop, on ? trace_loop : NULL, host);
}

/* ==== Birth and death ==== */

Host *host_new(VM *vm, Loop *loop) {
  Host *host = mem_calloc(1, sizeof *host);
  host->vm = vm;
  host->loop = loop;
  host->fatal_pin = -1;
  host->main_module = -1;
  host->package_cache = -1;
  VMHooks hooks = {.host = host, .enqueue_job = enqueue_promise_job,
                   .promise_rejection = track_rejection, .cleanup_needed = schedule_cleanups};
  vm_set_hooks(vm, &hooks);
  loop_set_after_callback(loop, after_callback, host);
  mod_install(host);
  return host;
}

void host_free(Host *host) {
  if (!host) return;
  for (int i = 0; i < host->source_count; i++) {
    free(host->sources[i].filename);
    free(host->sources[i].text);
  }
  free(host->sources);
  free(host->ticks.jobs);
  free(host->promise_jobs.jobs);
  list_free(NULL, &host->rejections), list_free(NULL, &host->warned), list_free(NULL, &host->late);
  free(host->modules);
  free(host);
}

VM *host_vm(Host *host) { return host->vm; }
Loop *host_loop(Host *host) { return host->loop; }
Host *host_of(VM *vm) { return vm_hooks(vm)->host; }

/* ==== Sources, for error headers ==== */

void host_add_source(Host *host, const char *filename, char *text, size_t length) {
  host->sources = mem_realloc(host->sources, sizeof(Source) * (size_t)(host->source_count + 1));
  host->sources[host->source_count++] = (Source){mem_strdup(filename), text, length};
}

const char *host_source_line(Host *host, const char *filename, int line, size_t *length) {
  for (int i = host->source_count - 1; i >= 0; i--) {
    Source *s = &host->sources[i];
    if (!filename || strcmp(s->filename, filename) != 0) continue;
    const char *p = s->text, *end = s->text + s->length;
    for (int n = 1; n < line && p < end; n++) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      p = nl ? nl + 1 : end;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    *length = (size_t)((eol ? eol : end) - p);
    if (*length && p[*length - 1] == '\r') (*length)--;
    return p;
  }
  return NULL;
}

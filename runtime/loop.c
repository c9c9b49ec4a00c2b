/* loop.c - the event loop: timers, immediates, fd watchers, deferred callbacks, one
 * poll() per turn, run in Node's phase order. Book: chapter 8, "The event loop".
 *
 * Entry points: loop_new, loop_run, loop_free; timers (loop_timer_*), immediates
 * (loop_immediate*), fds (loop_watch_fd / loop_unwatch_fd), loop_defer_pending,
 * loop_defer_close, loop_ref / loop_unref, signals (loop_signal_start / _stop) and the
 * after-callback hook. Contracts are in runtime/runtime.h. The loop never touches
 * JavaScript values.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "runtime/loop_private.h"

/* ==== Data ==== */

/* Timers and immediates live in one slot table; an id is (generation << 32) | (slot+1),
 * so an id outlives its task safely: once the slot is reused the generation differs. */
typedef enum TaskKind { TASK_FREE, TASK_TIMER, TASK_IMMEDIATE } TaskKind;

typedef struct Task {
  TaskKind kind;
  uint32_t gen; /* bumped every time the slot is freed */
  bool ref;     /* keeps the loop alive */
  LoopCallback cb;
  void *data;
  uint64_t expiry;     /* timers: when it is due (ms, monotonic) */
  uint64_t seq;        /* timers: creation order, breaks ties between equal expiries */
  uint64_t delay;      /* timers: the delay it was started with (for loop_timer_again) */
  uint64_t repeat;     /* timers: 0, or the interval */
  uint32_t heap_index; /* timers: position in the heap */
  uint32_t next_free;  /* free slots: the next free slot, or NO_SLOT */
} Task;

#define NO_SLOT UINT32_MAX

/* A callback queued for the pending or the close phase. */
typedef struct Deferred {
  LoopCallback cb;
  void *data;
} Deferred;

/* Live entries are items[head..len); the phase that runs them compacts the array. */
typedef struct DeferredQueue {
  Deferred *items;
  size_t head, len, cap;
} DeferredQueue;

/* One watched fd. gen tells a registration from a later one that reuses the fd. */
typedef struct Watcher {
  LoopFdCallback cb; /* NULL: not watched */
  void *data;
  int events;
  uint32_t gen;
  size_t dense_index; /* position in Loop.watched */
} Watcher;

/* What the loop does when signal n arrives (Loop.signals[n]). */
typedef struct SignalWatch {
  LoopSignalCallback cb; /* NULL: the signal has its default action */
  void *data;
} SignalWatch;

#define LOOP_NSIG 65 /* signals 1..64: the standard ones and Linux's real-time range */

struct Loop {
  uint64_t now; /* cached monotonic ms */

  Task *tasks; /* the slot table */
  uint32_t ntasks, task_cap, free_task;
  uint32_t *heap; /* timer slots, a binary min-heap on (expiry, seq) */
  uint32_t heap_len, heap_cap;
  uint64_t next_seq;
  size_t ref_timers; /* active ref'd timers */

  ImmediateId *immediates; /* queued immediates in order (cancelled ones are skipped) */
  size_t imm_len, imm_cap;
  size_t ref_immediates;

  DeferredQueue pending, closing;

  Watcher *watchers; /* indexed by fd */
  int watcher_cap;
  int *watched; /* the watched fds, densely, for building the poll set */
  size_t nwatched, watched_cap;
  uint32_t watch_gen;
  struct pollfd *pfds; /* this turn's poll set, and each entry's watcher generation */
  uint32_t *pgens;
  size_t pfd_cap;

  long handle_refs;
  LoopCallback after_cb;
  void *after_data;
  LoopTraceFn trace; /* loop_set_trace: --trace-loop, --trace */
  void *trace_data;
  long turns;
  bool in_after, stop, running;
  Pool *pool;
  SignalWatch signals[LOOP_NSIG];
  LoopCallback child_cb; /* loop_watch_children: SIGCHLD's first callback (child.c) */
  void *child_data;
  bool child_due; /* a SIGCHLD arrived: child_cb runs at the end of this poll phase */
  int signal_pipe[2]; /* the self-pipe: the handler writes, the poll phase reads; -1 none */
};

_Noreturn void runtime_panic(const char *where) {
  fprintf(stderr, "tinynode: %s\n", where);
  abort();
}

/* Grows *items so that it holds at least `need` elements of `size` bytes. */
static void reserve(void **items, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return;
  size_t n = *cap ? *cap * 2 : 8;
  while (n < need) n *= 2;
  *items = mem_realloc(*items, n * size);
  *cap = n;
}

/* ==== Time and lifetime ==== */

static uint64_t monotonic_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

uint64_t loop_now(const Loop *loop) { return loop->now; }

uint64_t loop_update_time(Loop *loop) {
  loop->now = monotonic_ms();
  return loop->now;
}

Loop *loop_new(void) {
  Loop *loop = mem_calloc(1, sizeof *loop);
  loop->free_task = NO_SLOT;
  loop->next_seq = 1;
  loop->signal_pipe[0] = loop->signal_pipe[1] = -1;
  /* A peer that closes early must produce EPIPE, not kill the process. */
  signal(SIGPIPE, SIG_IGN);
  loop_update_time(loop);
  return loop;
}

void loop_free(Loop *loop) {
  if (!loop) return;
  if (loop->running) runtime_panic("loop_free: the loop is running");
  if (loop->pool) pool_shutdown(loop->pool);
  if (loop->child_cb) {
    children_free(loop->child_data);
    loop->child_cb = NULL;
    if (!loop->signals[SIGCHLD].cb) signal(SIGCHLD, SIG_DFL);
  }
  for (int n = 1; n < LOOP_NSIG; n++) loop_signal_stop(loop, n);
  if (loop->signal_pipe[0] >= 0) close(loop->signal_pipe[0]), close(loop->signal_pipe[1]);
  free(loop->tasks);
  free(loop->heap);
  free(loop->immediates);
  free(loop->pending.items);
  free(loop->closing.items);
  free(loop->watchers);
  free(loop->watched);
  free(loop->pfds);
  free(loop->pgens);
  free(loop);
}

Pool **loop_pool_slot(Loop *loop) { return &loop->pool; }

void loop_ref(Loop *loop) { loop->handle_refs++; }

void loop_unref(Loop *loop) {
  if (loop->handle_refs <= 0) runtime_panic("loop_unref: more unrefs than refs");
  loop->handle_refs--;
}

void loop_stop(Loop *loop) { loop->stop = true; }

bool loop_alive(const Loop *loop) {
  return loop->ref_timers > 0 || loop->ref_immediates > 0 || loop->handle_refs > 0 ||
         loop->pending.len > loop->pending.head || loop->closing.len > loop->closing.head;
}

void loop_set_after_callback(Loop *loop, LoopCallback fn, void *data) {
  loop->after_cb = fn;
  loop->after_data = data;
}

void loop_set_trace(Loop *loop, LoopTraceFn fn, void *data) {
  loop->trace = fn;
  loop->trace_data = data;
}

/* Tells the trace hook, if there is one, what happens next. */
static void trace(Loop *loop, LoopTraceEvent event, const char *what, long n) {
  if (loop->trace) loop->trace(loop, event, what, n, loop->trace_data);
}

void loop_after_callback(Loop *loop) {
  /* The hook runs JavaScript, which may make the loop call back into it; one level is enough. */
  if (!loop->after_cb || loop->in_after) return;
  loop->in_after = true;
  loop->after_cb(loop, loop->after_data);
  loop->in_after = false;
}

/* ==== The task slot table ==== */

static Task *task_alloc(Loop *loop, TaskKind kind, LoopCallback cb, void *data, uint64_t *id) {
  uint32_t slot = loop->free_task;
  if (slot != NO_SLOT) {
    loop->free_task = loop->tasks[slot].next_free;
  } else {
    size_t cap = loop->task_cap;
    reserve((void **)&loop->tasks, &cap, (size_t)loop->ntasks + 1, sizeof(Task));
    loop->task_cap = (uint32_t)cap;
    slot = loop->ntasks++;
    loop->tasks[slot].gen = 1;
  }
  Task *t = &loop->tasks[slot];
  uint32_t gen = t->gen;
  memset(t, 0, sizeof *t);
  t->gen = gen;
  t->kind = kind;
  t->cb = cb;
  t->data = data;
  t->ref = true;
  t->heap_index = NO_SLOT;
  *id = ((uint64_t)gen << 32) | (uint64_t)(slot + 1);
  return t;
}

static void task_free(Loop *loop, Task *t) {
  uint32_t slot = (uint32_t)(t - loop->tasks);
  t->kind = TASK_FREE;
  t->gen++;
  if (t->gen == 0) t->gen = 1;
  t->next_free = loop->free_task;
  loop->free_task = slot;
}

/* The live task an id names, or NULL if it finished, was cancelled, or is of another kind. */
static Task *task_lookup(const Loop *loop, uint64_t id, TaskKind kind) {
  uint64_t slot = (id & 0xffffffffu);
  if (slot == 0 || slot > loop->ntasks) return NULL;
  Task *t = &loop->tasks[slot - 1];
  if (t->kind != kind || t->gen != (uint32_t)(id >> 32)) return NULL;
  return t;
}

/* ==== The timer heap ==== */

//> runtime.timer-heap
/* Timer a runs before timer b: earlier expiry, or the same expiry and created first. */
static bool timer_before(const Loop *loop, uint32_t a, uint32_t b) {
  const Task *ta = &loop->tasks[a], *tb = &loop->tasks[b];
  if (ta->expiry != tb->expiry) return ta->expiry < tb->expiry;
  return ta->seq < tb->seq;
}

static void heap_set(Loop *loop, uint32_t i, uint32_t slot) {
  loop->heap[i] = slot;
  loop->tasks[slot].heap_index = i;
}

/* Moves the entry at i up while it runs before its parent. */
static void heap_sift_up(Loop *loop, uint32_t i) {
  uint32_t slot = loop->heap[i];
  while (i > 0) {
    uint32_t parent = (i - 1) / 2;
    if (!timer_before(loop, slot, loop->heap[parent])) break;
    heap_set(loop, i, loop->heap[parent]);
    i = parent;
  }
  heap_set(loop, i, slot);
}

/* Moves the entry at i down while one of its children runs before it. */
static void heap_sift_down(Loop *loop, uint32_t i) {
  uint32_t slot = loop->heap[i];
  for (;;) {
    uint32_t child = 2 * i + 1;
    if (child >= loop->heap_len) break;
    if (child + 1 < loop->heap_len && timer_before(loop, loop->heap[child + 1], loop->heap[child]))
      child++;
    if (!timer_before(loop, loop->heap[child], slot)) break;
    heap_set(loop, i, loop->heap[child]);
    i = child;
  }
  heap_set(loop, i, slot);
}
//< runtime.timer-heap

static void heap_push(Loop *loop, uint32_t slot) {
  size_t cap = loop->heap_cap;
  reserve((void **)&loop->heap, &cap, (size_t)loop->heap_len + 1, sizeof(uint32_t));
  loop->heap_cap = (uint32_t)cap;
  loop->heap[loop->heap_len] = slot;
  heap_sift_up(loop, loop->heap_len++);
}

/* Removes the timer at heap position i; the last entry fills the hole. */
static void heap_remove(Loop *loop, uint32_t i) {
  uint32_t removed = loop->heap[i];
  uint32_t last = loop->heap[--loop->heap_len];
  loop->tasks[removed].heap_index = NO_SLOT;
  if (i == loop->heap_len) return;
  heap_set(loop, i, last);
  heap_sift_up(loop, i);
  heap_sift_down(loop, loop->tasks[last].heap_index);
}

/* ==== Timers ==== */

/* (Re)inserts t to expire `delay` ms from now, after every timer created before. */
static void timer_arm(Loop *loop, Task *t, uint64_t from, uint64_t delay) {
  t->expiry = from + delay;
  t->seq = loop->next_seq++;
  heap_push(loop, (uint32_t)(t - loop->tasks));
}

TimerId loop_timer_start(Loop *loop, uint64_t delay_ms, uint64_t repeat_ms, LoopCallback cb,
                         void *data) {
  TimerId id;
  Task *t = task_alloc(loop, TASK_TIMER, cb, data, &id);
  t->delay = delay_ms;
  t->repeat = repeat_ms;
  loop->ref_timers++;
  /* Node measures a new timer from the current time, not from the start of the turn. */
  timer_arm(loop, t, loop_update_time(loop), delay_ms);
  return id;
}

static void timer_retire(Loop *loop, Task *t) {
  if (t->heap_index != NO_SLOT) heap_remove(loop, t->heap_index);
  if (t->ref) loop->ref_timers--;
  task_free(loop, t);
}

bool loop_timer_stop(Loop *loop, TimerId id) {
  Task *t = task_lookup(loop, id, TASK_TIMER);
  if (!t) return false;
  timer_retire(loop, t);
  return true;
}

bool loop_timer_again(Loop *loop, TimerId id) {
  Task *t = task_lookup(loop, id, TASK_TIMER);
  if (!t) return false;
  heap_remove(loop, t->heap_index);
  timer_arm(loop, t, loop_update_time(loop), t->delay);
  return true;
}

static void timer_set_ref(Loop *loop, TimerId id, bool ref) {
  Task *t = task_lookup(loop, id, TASK_TIMER);
  if (!t || t->ref == ref) return;
  t->ref = ref;
  if (ref)
    loop->ref_timers++;
  else
    loop->ref_timers--;
}

void loop_timer_ref(Loop *loop, TimerId id) { timer_set_ref(loop, id, true); }
void loop_timer_unref(Loop *loop, TimerId id) { timer_set_ref(loop, id, false); }

bool loop_timer_active(const Loop *loop, TimerId id) {
  return task_lookup(loop, id, TASK_TIMER) != NULL;
}

bool loop_timer_has_ref(const Loop *loop, TimerId id) {
  const Task *t = task_lookup(loop, id, TASK_TIMER);
  return t && t->ref;
}

//> runtime.run-timers
/* Phase 1. Runs every timer that is due at the phase's start. A timer started or
 * re-armed by a callback gets a newer seq than `limit`, so it waits for a later turn
 * even with delay 0; it also sorts after every timer due now, so the loop can stop
 * at the first one it meets. */
static void run_timers(Loop *loop) {
  uint64_t now = loop->now, limit = loop->next_seq;
  trace(loop, LOOP_TRACE_PHASE, "timers", 0);
  while (loop->heap_len > 0 && !loop->stop) {
    Task *t = &loop->tasks[loop->heap[0]];
    if (t->expiry > now || t->seq >= limit) break;
    LoopCallback cb = t->cb;
    void *data = t->data;
    if (t->repeat > 0) {
      heap_remove(loop, 0);
      timer_arm(loop, t, now, t->repeat); /* before cb, so cb may stop it */
    } else {
      timer_retire(loop, t);
    }
    trace(loop, LOOP_TRACE_CALLBACK, "timers", 0);
    cb(loop, data);
    loop_after_callback(loop);
  }
}
//< runtime.run-timers

/* ==== Immediates ==== */

ImmediateId loop_immediate(Loop *loop, LoopCallback cb, void *data) {
  ImmediateId id;
  task_alloc(loop, TASK_IMMEDIATE, cb, data, &id);
  reserve((void **)&loop->immediates, &loop->imm_cap, loop->imm_len + 1, sizeof(ImmediateId));
  loop->immediates[loop->imm_len++] = id;
  loop->ref_immediates++;
  return id;
}

/* Frees an immediate's slot; its id stays in the queue and is skipped there. */
static void immediate_retire(Loop *loop, Task *t) {
  if (t->ref) loop->ref_immediates--;
  task_free(loop, t);
}

bool loop_immediate_cancel(Loop *loop, ImmediateId id) {
  Task *t = task_lookup(loop, id, TASK_IMMEDIATE);
  if (!t) return false;
  immediate_retire(loop, t);
  return true;
}

static void immediate_set_ref(Loop *loop, ImmediateId id, bool ref) {
  Task *t = task_lookup(loop, id, TASK_IMMEDIATE);
  if (!t || t->ref == ref) return;
  t->ref = ref;
  if (ref)
    loop->ref_immediates++;
  else
    loop->ref_immediates--;
}

void loop_immediate_ref(Loop *loop, ImmediateId id) { immediate_set_ref(loop, id, true); }
void loop_immediate_unref(Loop *loop, ImmediateId id) { immediate_set_ref(loop, id, false); }

/* Phase 4. Runs the immediates queued before the phase began; ones queued by these
 * callbacks are appended behind them and wait for the next turn. */
static void run_check(Loop *loop) {
  size_t n = loop->imm_len, i = 0;
  trace(loop, LOOP_TRACE_PHASE, "check", 0);
  for (; i < n && !loop->stop; i++) {
    Task *t = task_lookup(loop, loop->immediates[i], TASK_IMMEDIATE);
    if (!t) continue; /* cancelled */
    LoopCallback cb = t->cb;
    void *data = t->data;
    immediate_retire(loop, t);
    trace(loop, LOOP_TRACE_CALLBACK, "check", 0);
    cb(loop, data);
    loop_after_callback(loop);
  }
  if (i == 0) return;
  memmove(loop->immediates, loop->immediates + i, (loop->imm_len - i) * sizeof(ImmediateId));
  loop->imm_len -= i;
}

/* ==== Pending and close callbacks ==== */

static void defer(DeferredQueue *q, LoopCallback cb, void *data) {
  reserve((void **)&q->items, &q->cap, q->len + 1, sizeof(Deferred));
  q->items[q->len++] = (Deferred){cb, data};
}

void loop_defer_pending(Loop *loop, LoopCallback cb, void *data) {
  defer(&loop->pending, cb, data);
}
void loop_defer_close(Loop *loop, LoopCallback cb, void *data) { defer(&loop->closing, cb, data); }

static void reverse_deferred(Deferred *items, size_t n) {
  for (size_t i = 0; i < n / 2; i++) {
    Deferred t = items[i];
    items[i] = items[n - 1 - i];
    items[n - 1 - i] = t;
  }
}

/* Phases 2 and 5. Runs the callbacks queued before the phase began: pending ones in
 * order, close ones newest first (libuv keeps its closing handles on a stack, so a
 * socket closed in the poll phase hears 'close' before one destroyed by a timer); ones
 * queued meanwhile wait for the next turn. An entry leaves the queue (and stops keeping
 * the loop alive) just before it runs. */
static void run_deferred(Loop *loop, DeferredQueue *q) {
  size_t end = q->len;
  const char *phase = q == &loop->pending ? "pending" : "close";
  if (q == &loop->closing) reverse_deferred(q->items + q->head, end - q->head);
  trace(loop, LOOP_TRACE_PHASE, phase, 0);
  while (q->head < end && !loop->stop) {
    Deferred d = q->items[q->head++];
    trace(loop, LOOP_TRACE_CALLBACK, phase, 0);
    d.cb(loop, d.data);
    loop_after_callback(loop);
  }
  if (q->head == 0) return;
  memmove(q->items, q->items + q->head, (q->len - q->head) * sizeof(Deferred));
  q->len -= q->head;
  q->head = 0;
}

/* ==== Watching file descriptors ==== */

int loop_watch_fd(Loop *loop, int fd, int events, LoopFdCallback cb, void *data) {
  if (fd < 0) return -EBADF;
  if (!cb) runtime_panic("loop_watch_fd: NULL callback");
  if (fd >= loop->watcher_cap) {
    size_t cap = (size_t)loop->watcher_cap, old = cap;
    reserve((void **)&loop->watchers, &cap, (size_t)fd + 1, sizeof(Watcher));
    memset(loop->watchers + old, 0, (cap - old) * sizeof(Watcher));
    loop->watcher_cap = (int)cap;
  }
  Watcher *w = &loop->watchers[fd];
  if (!w->cb) { /* a new registration: give it a fresh generation and a dense slot */
    w->gen = ++loop->watch_gen;
    reserve((void **)&loop->watched, &loop->watched_cap, loop->nwatched + 1, sizeof(int));
    w->dense_index = loop->nwatched;
    loop->watched[loop->nwatched++] = fd;
  }
  w->cb = cb;
  w->data = data;
  w->events = events & (LOOP_READABLE | LOOP_WRITABLE);
  return 0;
}

void loop_unwatch_fd(Loop *loop, int fd) {
  if (fd < 0 || fd >= loop->watcher_cap || !loop->watchers[fd].cb) return;
  Watcher *w = &loop->watchers[fd];
  int last = loop->watched[--loop->nwatched];
  loop->watched[w->dense_index] = last;
  loop->watchers[last].dense_index = w->dense_index;
  w->cb = NULL;
  w->data = NULL;
  w->events = 0;
}

/* Fills loop->pfds from the watchers; returns how many entries there are. */
static size_t build_poll_set(Loop *loop) {
  size_t n = loop->nwatched;
  size_t cap = loop->pfd_cap;
  reserve((void **)&loop->pfds, &cap, n ? n : 1, sizeof(struct pollfd));
  cap = loop->pfd_cap;
  reserve((void **)&loop->pgens, &cap, n ? n : 1, sizeof(uint32_t));
  loop->pfd_cap = cap;
  for (size_t i = 0; i < n; i++) {
    int fd = loop->watched[i];
    const Watcher *w = &loop->watchers[fd];
    /* poll() reports hang-ups even for events == 0; skip such fds so they cannot spin us. */
    loop->pfds[i].fd = w->events ? fd : -1;
    loop->pfds[i].events = (short)(((w->events & LOOP_READABLE) ? POLLIN : 0) |
                                   ((w->events & LOOP_WRITABLE) ? POLLOUT : 0));
    loop->pfds[i].revents = 0;
    loop->pgens[i] = w->gen;
  }
  return n;
}

/* Translates poll()'s revents for a watcher that asked for `events`. Errors and hang-ups
 * make the fd readable/writable too, so the owner's read() or write() finds the cause. */
static int map_revents(short re, int events) {
  int r = 0;
  if (re & POLLIN) r |= LOOP_READABLE;
  if (re & POLLOUT) r |= LOOP_WRITABLE;
  if (re & (POLLERR | POLLHUP | POLLNVAL)) r |= LOOP_READABLE | LOOP_WRITABLE;
  r &= events;
  if (re & POLLHUP) r |= LOOP_HANGUP;
  if (re & (POLLERR | POLLNVAL)) r |= LOOP_ERROR;
  return r;
}

/* Calls the watcher of poll entry i, if it is still the registration that was polled. */
static void dispatch_fd(Loop *loop, size_t i) {
  int fd = loop->pfds[i].fd;
  short re = loop->pfds[i].revents;
  if (fd < 0 || re == 0 || fd >= loop->watcher_cap) return;
  Watcher *w = &loop->watchers[fd];
  if (!w->cb || w->gen != loop->pgens[i]) return; /* unwatched (or re-used) meanwhile */
  int revents = map_revents(re, w->events);
  if (revents == 0) return;
  LoopFdCallback cb = w->cb;
  void *data = w->data;
  if (re & POLLNVAL) loop_unwatch_fd(loop, fd); /* closed without unwatching: never again */
  trace(loop, LOOP_TRACE_CALLBACK, "poll", 0);
  cb(loop, fd, revents, data);
  loop_after_callback(loop);
}

/* ==== Signals ====
 *
 * A signal handler may do almost nothing (only async-signal-safe calls), and it may run
 * on any thread, in the middle of anything. So it only writes the signal's number, one
 * byte, into a pipe; the read end is watched like any fd, and the poll phase, which
 * poll() returns from as soon as the byte lands, reads the numbers and makes the
 * callbacks as ordinary loop callbacks. The pipe is not a handle: watching signals does
 * not keep the loop alive (node's signal handles are unref'd too). */

//> runtime.signal-handler
/* Signal dispositions belong to the process, not to a loop: the write end of the pipe of
 * the loop that watches signals is the one thing the handler must find. */
static volatile sig_atomic_t signal_write_fd = -1;

static void on_signal(int signum) {
  int saved = errno; /* the interrupted code may be about to read errno */
  unsigned char byte = (unsigned char)signum;
  if (signal_write_fd >= 0 && write(signal_write_fd, &byte, 1) < 0) {
    /* the pipe is full: enough of this signal is already on its way */
  }
  errno = saved;
}
//< runtime.signal-handler

//> runtime.signal-read
/* The read end is readable: one callback per signal number found, in arrival order. */
static void read_signals(Loop *loop, int fd, int revents, void *data) {
  unsigned char buf[64];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; i++) {
      if (buf[i] == SIGCHLD && loop->child_cb) loop->child_due = true;
      SignalWatch *w = buf[i] < LOOP_NSIG ? &loop->signals[buf[i]] : NULL;
      if (!w || !w->cb) continue; /* stopped after it arrived */
      trace(loop, LOOP_TRACE_CALLBACK, "signal", buf[i]);
      w->cb(loop, buf[i], w->data);
      loop_after_callback(loop);
    }
  }
}
//< runtime.signal-read

/* The self-pipe, made on the first loop_signal_start: both ends non-blocking (the
 * handler must never block) and closed on exec. */
static bool open_signal_pipe(Loop *loop) {
  if (loop->signal_pipe[0] >= 0) return true;
  if (pipe(loop->signal_pipe) < 0) return false;
  for (int i = 0; i < 2; i++) {
    fcntl(loop->signal_pipe[i], F_SETFL, fcntl(loop->signal_pipe[i], F_GETFL) | O_NONBLOCK);
    fcntl(loop->signal_pipe[i], F_SETFD, FD_CLOEXEC);
  }
  signal_write_fd = loop->signal_pipe[1];
  loop_watch_fd(loop, loop->signal_pipe[0], LOOP_READABLE, read_signals, NULL);
  return true;
}

int loop_signal_start(Loop *loop, int signum, LoopSignalCallback cb, void *data) {
  if (signum <= 0 || signum >= LOOP_NSIG || signum == SIGKILL || signum == SIGSTOP)
    return -EINVAL; /* as uv_signal_start: these two cannot be caught */
  if (!open_signal_pipe(loop)) return -errno;
  bool installed = loop->signals[signum].cb != NULL || (signum == SIGCHLD && loop->child_cb);
  loop->signals[signum] = (SignalWatch){cb, data};
  if (installed) return 0;
  struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART};
  sigemptyset(&sa.sa_mask);
  return sigaction(signum, &sa, NULL) < 0 ? -errno : 0;
}

/* The child processes' watch (runtime/child.c): cb runs for every SIGCHLD, before any
 * process.on('SIGCHLD') listener's callback, and SIGCHLD stays caught while either is
 * set. The handler is installed before the first fork, so no exit goes unheard. */
int loop_watch_children(Loop *loop, LoopCallback cb, void *data) {
  if (loop->child_cb) return 0;
  if (!open_signal_pipe(loop)) return -errno;
  bool installed = loop->signals[SIGCHLD].cb != NULL;
  loop->child_cb = cb;
  loop->child_data = data;
  if (installed) return 0;
  struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART | SA_NOCLDSTOP};
  sigemptyset(&sa.sa_mask);
  return sigaction(SIGCHLD, &sa, NULL) < 0 ? -errno : 0;
}

void *loop_children(const Loop *loop) { return loop->child_data; }

void loop_signal_stop(Loop *loop, int signum) {
  if (signum <= 0 || signum >= LOOP_NSIG || !loop->signals[signum].cb) return;
  loop->signals[signum] = (SignalWatch){NULL, NULL};
  if (signum == SIGCHLD && loop->child_cb) return; /* the children still need it */
  /* SIGPIPE stays ignored (loop_new); any other signal gets its default action back */
  signal(signum, signum == SIGPIPE ? SIG_IGN : SIG_DFL);
}

/* ==== The poll phase and the turn ==== */

//> runtime.poll-timeout
/* How long poll() may block: 0 if something is ready to run, -1 (forever) if only fds
 * can wake us, otherwise until the nearest timer. */
static int poll_timeout(const Loop *loop) {
  if (loop->stop || !loop_alive(loop)) return 0;
  if (loop->ref_immediates > 0 || loop->pending.len > 0 || loop->closing.len > 0) return 0;
  if (loop->heap_len == 0) return -1;
  uint64_t expiry = loop->tasks[loop->heap[0]].expiry;
  if (expiry <= loop->now) return 0;
  uint64_t wait = expiry - loop->now;
  return wait > INT_MAX ? INT_MAX : (int)wait;
}
//< runtime.poll-timeout

/* After a SIGCHLD, the children's exits, at the end of the poll phase: a child's last
 * output, ready in the same poll, is read before its 'exit' (as epoll's order of
 * readiness gives node). */
static void run_child_exits(Loop *loop) {
  loop->child_due = false;
  trace(loop, LOOP_TRACE_CALLBACK, "signal", SIGCHLD);
  loop->child_cb(loop, loop->child_data);
}

//> runtime.poll-phase
/* Phase 3. Blocks in poll() until an fd is ready or the nearest timer is due, then
 * runs the callbacks of the ready fds (pool completions arrive this way too). */
static void run_poll(Loop *loop) {
  size_t n = build_poll_set(loop);
  int timeout = poll_timeout(loop);
  trace(loop, LOOP_TRACE_POLL, "poll", timeout);
  int ready = poll(loop->pfds, (nfds_t)n, timeout);
  loop_update_time(loop);
  if (ready < 0) {
    if (errno == EINTR) return; /* a signal: just go round again */
    runtime_panic("run_poll: poll failed");
  }
  for (size_t i = 0; i < n && ready > 0 && !loop->stop; i++) {
    if (loop->pfds[i].revents == 0) continue;
    ready--;
    dispatch_fd(loop, i);
  }
  if (loop->child_due && !loop->stop) run_child_exits(loop);
}
//< runtime.poll-phase

//> runtime.run-phases
/* One turn of the loop: Node's phases, in Node's order. */
static void run_turn(Loop *loop) {
  loop_update_time(loop);
  trace(loop, LOOP_TRACE_TURN, NULL, ++loop->turns);
  run_timers(loop);                   /* 1. setTimeout / setInterval */
  run_deferred(loop, &loop->pending); /* 2. callbacks deferred from the last turn */
  run_poll(loop);                     /* 3. wait for I/O, run its callbacks */
  run_check(loop);                    /* 4. setImmediate */
  run_deferred(loop, &loop->closing); /* 5. 'close' callbacks */
}

int loop_run(Loop *loop) {
  if (loop->running) runtime_panic("loop_run: already running");
  loop->running = true;
  while (!loop->stop && loop_alive(loop)) run_turn(loop);
  loop->running = false;
  int stopped = loop->stop ? 1 : 0;
  loop->stop = false;
  return stopped;
}
//< runtime.run-phases

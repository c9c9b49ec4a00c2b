/* runtime.h - the host stage's public interface: the poll()-based event loop (loop.c),
 * the worker thread pool (pool.c), non-blocking TCP sockets (net.c) and child
 * processes (child.c).
 * Book: chapter 8, "The event loop", and chapter 12, "Networking".
 *
 * Nothing in the loop, pool or net sections touches JavaScript values: they are a plain
 * C API with typed callbacks and `void *data` user pointers (the shape of redis's ae.c).
 * stdlib/ glues them to JavaScript. Everything here runs on the loop's thread, except
 * the `work` function given to pool_submit. Errors are returned as negative errno values.
 */
#ifndef TN_RUNTIME_H
#define TN_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ==== Event loop (runtime/loop.c) ====
 *
 * Each turn of loop_run runs Node's phases in Node's order:
 *   1. timers    every timer due when the phase starts, by (expiry, creation order)
 *   2. pending   callbacks deferred with loop_defer_pending during the previous turn
 *   3. poll      wait in poll() for watched fds / pool completions; run their callbacks
 *   4. check     immediates queued before the phase started
 *   5. close     callbacks queued with loop_defer_close
 * The loop stays alive while any of these exist: a ref'd active timer, a ref'd
 * immediate, unfinished pool work, a pending or close callback, or a handle reference
 * (loop_ref). Watching an fd does NOT by itself keep the loop alive: the owner of the
 * fd (a server, a socket) takes a handle reference; net.c does this for you. */

typedef struct Loop Loop;

/* Names a timer or an immediate; 0 never names one. Ids of finished or stopped
 * timers stay safe to pass to every function below (they are simply ignored). */
typedef uint64_t TimerId;
typedef uint64_t ImmediateId;

typedef void (*LoopCallback)(Loop *loop, void *data);
typedef void (*LoopFdCallback)(Loop *loop, int fd, int revents, void *data);

/* Event bits for loop_watch_fd (events) and for LoopFdCallback (revents). */
enum {
  LOOP_READABLE = 1, /* data (or EOF, or an error) can be read without blocking */
  LOOP_WRITABLE = 2, /* a write would not block */
  LOOP_HANGUP = 4,   /* revents only: the peer hung up (POLLHUP) */
  LOOP_ERROR = 8,    /* revents only: error condition (POLLERR), or the fd was invalid */
};

/* A new loop; aborts on allocation failure. Also sets SIGPIPE to ignored. */
Loop *loop_new(void);
/* Stops and joins the pool's threads, frees every timer, immediate and watcher.
 * Callbacks that never ran are dropped without being called. */
void loop_free(Loop *loop);
/* Runs turns until nothing keeps the loop alive or loop_stop is called.
 * Returns 0 when the loop drained, 1 when it was stopped. Not reentrant. */
int loop_run(Loop *loop);
/* Makes loop_run return after the current phase's callback (the turn is cut short). */
void loop_stop(Loop *loop);
/* True while something keeps the loop alive (see the list above). */
bool loop_alive(const Loop *loop);
/* The loop's cached monotonic time in milliseconds (updated once per turn and after poll). */
uint64_t loop_now(const Loop *loop);
/* Refreshes the cached time from CLOCK_MONOTONIC; returns the new value. */
uint64_t loop_update_time(Loop *loop);

/* Starts a timer that fires delay_ms after now (the time is refreshed first, as Node's
 * getLibuvNow does), then every repeat_ms if repeat_ms > 0. Timers are ref'd. */
TimerId loop_timer_start(Loop *loop, uint64_t delay_ms, uint64_t repeat_ms, LoopCallback cb,
                         void *data);
/* Stops a timer; returns true if it was active. Safe from inside its own callback. */
bool loop_timer_stop(Loop *loop, TimerId id);
/* Re-arms an active timer with its original delay from now (Node's refresh()); returns
 * false if the timer already fired or was stopped (start a new one then). */
bool loop_timer_again(Loop *loop, TimerId id);
/* A ref'd timer keeps the loop alive; an unref'd one fires only if something else does. */
void loop_timer_ref(Loop *loop, TimerId id);
void loop_timer_unref(Loop *loop, TimerId id);
/* True if the timer is active (started, not stopped, not yet fired unless repeating). */
bool loop_timer_active(const Loop *loop, TimerId id);
/* True if the timer is active and ref'd (Node's timeout.hasRef()). */
bool loop_timer_has_ref(const Loop *loop, TimerId id);

/* Queues cb for the check phase (setImmediate). Immediates queued while the check
 * phase runs wait for the next turn. Ref'd by default. */
ImmediateId loop_immediate(Loop *loop, LoopCallback cb, void *data);
/* Cancels a queued immediate (clearImmediate); returns true if it had not run yet. */
bool loop_immediate_cancel(Loop *loop, ImmediateId id);
void loop_immediate_ref(Loop *loop, ImmediateId id);
void loop_immediate_unref(Loop *loop, ImmediateId id);

/* Watches fd for events (LOOP_READABLE | LOOP_WRITABLE); calling it again for the same
 * fd replaces events, cb and data. events == 0 keeps the registration but polls nothing.
 * Returns 0, or -EBADF for a negative fd. Safe inside any callback, including fd's own. */
int loop_watch_fd(Loop *loop, int fd, int events, LoopFdCallback cb, void *data);
/* Stops watching fd (no-op if not watched). Call it BEFORE close(fd). Events already
 * collected for fd in this poll phase are discarded. */
void loop_unwatch_fd(Loop *loop, int fd);

/* Queues cb for the pending-callbacks phase of the next turn (errors found while
 * writing are reported there, so callers never get callbacks re-entrantly). */
void loop_defer_pending(Loop *loop, LoopCallback cb, void *data);
/* Queues cb for the close phase (this turn's if queued before it, else the next). */
void loop_defer_close(Loop *loop, LoopCallback cb, void *data);

/* Signals (POSIX numbers 1..64). loop_signal_start makes signum call cb(loop, signum,
 * data) from the poll phase, as an ordinary callback (the handler itself only writes
 * to a self-pipe); again for the same signal replaces cb and data. It does not keep the
 * loop alive. Returns 0, or -EINVAL (SIGKILL, SIGSTOP, out of range) or another -errno.
 * loop_signal_stop restores the signal's default action (no-op if not started). */
typedef void (*LoopSignalCallback)(Loop *loop, int signum, void *data);
int loop_signal_start(Loop *loop, int signum, LoopSignalCallback cb, void *data);
void loop_signal_stop(Loop *loop, int signum);

/* Handle references: while the count is positive the loop stays alive. A listening
 * server or an open socket holds one; closing it releases it. */
void loop_ref(Loop *loop);
void loop_unref(Loop *loop);

/* Sets the hook called after EVERY callback the loop makes (the JavaScript glue drains
 * process.nextTick and the promise jobs there). fn == NULL removes it. */
void loop_set_after_callback(Loop *loop, LoopCallback fn, void *data);
/* Runs the after-callback hook now (no-op if none, or if it is already running). Code
 * that turns one loop callback into several user callbacks calls it between them. */
void loop_after_callback(Loop *loop);

/* What the loop is doing, for --trace-loop and --trace's marks: the start of a turn
 * (n = its number), of a phase (what = its name), a callback it is about to make (what
 * = the phase), and the poll (n = its timeout in ms, -1 = none). */
typedef enum LoopTraceEvent {
  LOOP_TRACE_TURN, LOOP_TRACE_PHASE, LOOP_TRACE_CALLBACK, LOOP_TRACE_POLL
} LoopTraceEvent;
typedef void (*LoopTraceFn)(Loop *loop, LoopTraceEvent event, const char *what, long n,
                            void *data);
/* Sets the trace hook (NULL: none, the default; then the loop checks one pointer per
 * callback and phase). */
void loop_set_trace(Loop *loop, LoopTraceFn fn, void *data);

/* ==== Worker thread pool (runtime/pool.c) ====
 *
 * Like libuv's threadpool: UV_THREADPOOL_SIZE threads (default 4, clamped to 1..1024),
 * started on the first submission. `work` runs on a worker thread and may block; it
 * must not touch the loop or JavaScript. `done` runs afterwards on the loop thread, in
 * the poll phase, woken through a pipe. Unfinished work keeps the loop alive. */

typedef void (*PoolWork)(void *data);
/* status is 0 after work ran; -ECANCELED when the loop is freed first (the process is
 * exiting, say after an uncaught exception): then done only frees what data owns and
 * must not call into JavaScript. */
typedef void (*PoolDone)(Loop *loop, void *data, int status);

/* Queues work(data) then done(loop, data, status). Returns 0, or -errno if the threads
 * could not be started (then nothing was queued). */
int pool_submit(Loop *loop, PoolWork work, PoolDone done, void *data);
/* The number of worker threads the pool uses (UV_THREADPOOL_SIZE or 4). */
int pool_thread_count(void);

/* ==== TCP sockets (runtime/net.c) ====
 *
 * Non-blocking TCP. A NetServer accepts connections; a NetConn is one connection,
 * accepted or made with net_connect. Writes are copied into a queue and flushed as the
 * socket becomes writable; net_write reports backpressure like Node's write().
 *
 * Lifetime: a NetConn stays allocated until it is closed AND every net_conn_retain has
 * been matched by net_conn_release. Any callback may close its own connection; after
 * close the only callbacks left are on_close (in the close phase). Functions called on
 * a closed connection are harmless no-ops or return -EPIPE. */

typedef struct NetServer NetServer;
typedef struct NetConn NetConn;

/* The write-queue size at which net_write starts returning 0 (Node's 16 KiB default). */
#define NET_HIGH_WATER_MARK 16384

/* A name that getaddrinfo could not resolve (libuv's UV_EAI_NONAME; Node's ENOTFOUND). */
#define NET_ENOTFOUND (-3008)

typedef void (*NetConnectionCb)(NetServer *server, NetConn *conn, void *data);
typedef void (*NetConnectCb)(NetConn *conn, int status, void *data); /* status 0 or -errno */

/* What a connection reports; any member may be NULL. `data` is net_conn_set_events's. */
typedef struct NetConnEvents {
  void (*on_data)(NetConn *conn, const char *buf, size_t len, void *data); /* bytes arrived */
  void (*on_end)(NetConn *conn, void *data);            /* peer sent EOF; we may still write */
  void (*on_drain)(NetConn *conn, void *data);          /* queue emptied after net_write gave 0 */
  void (*on_error)(NetConn *conn, int err, void *data); /* -errno; the conn is then closed */
  void (*on_close)(NetConn *conn, void *data);          /* last callback, in the close phase */
} NetConnEvents;

/* Listens on host:port (host NULL: "::" dual-stack, or 0.0.0.0 without IPv6; port 0: the
 * OS picks). SO_REUSEADDR is set. Returns NULL and stores -errno in *err_out on failure
 * (e.g. -EADDRINUSE). The server holds a loop reference until closed. */
NetServer *net_listen(Loop *loop, const char *host, int port, int backlog, NetConnectionCb cb,
                      void *data, int *err_out);
/* Listens on the Unix socket path (which must not exist: -EADDRINUSE otherwise). */
NetServer *net_listen_unix(Loop *loop, const char *path, int backlog, NetConnectionCb cb,
                           void *data, int *err_out);
/* The port the server is bound to (useful after port 0). */
int net_server_port(const NetServer *server);
/* The address the server is bound to, as net_conn_local reports a connection's. */
int net_server_local(const NetServer *server, char *ip, size_t iplen, int *port);
/* The address family the server listens on: 4 or 6 (0 for a Unix socket). */
int net_server_family(const NetServer *server);
/* Closes the listening fd now; on_closed (may be NULL) runs in the close phase, after
 * which the server is freed. Accepted connections are not affected. */
void net_server_close(NetServer *server, LoopCallback on_closed, void *data);
/* Whether the server keeps the loop alive (Node's server.ref()/unref()). Default true. */
void net_server_set_loop_ref(NetServer *server, bool ref);

/* Starts connecting to host:port (numeric address or a name, resolved synchronously).
 * on_connect always runs later from the loop, with status 0 or -errno (e.g.
 * -ECONNREFUSED); on failure the conn is closed after it returns. Writes made while
 * connecting are queued. Returns NULL with *err_out set only if no socket could be
 * made: NET_ENOTFOUND when the name does not resolve, else -errno from socket(). */
NetConn *net_connect(Loop *loop, const char *host, int port, NetConnectCb on_connect, void *data,
                     int *err_out);

/* net_connect for the Unix socket path. */
NetConn *net_connect_unix(Loop *loop, const char *path, NetConnectCb on_connect, void *data,
                          int *err_out);

/* A connection over fd, an already connected stream socket (a child process's end of a
 * socketpair): made non-blocking and close-on-exec, owned (and closed) by the NetConn
 * from now on. NULL if fcntl failed (fd is then still the caller's). */
NetConn *net_conn_open(Loop *loop, int fd);

/* Sets the connection's callbacks (copied) and their data pointer. */
void net_conn_set_events(NetConn *conn, const NetConnEvents *events, void *data);
/* Starts / stops delivering on_data (Node's resume()/pause()). Reading starts off. */
void net_read_start(NetConn *conn);
void net_read_stop(NetConn *conn);
/* Writes what the socket takes now and queues a copy of the rest. Returns -EPIPE if the
 * connection is closed or ending; otherwise Node's write() answer, counted BEFORE the
 * kernel takes any byte: 1 if queued-before + len < NET_HIGH_WATER_MARK, else 0. After
 * a 0, on_drain runs when the queue later empties; if the kernel took everything at
 * once (net_conn_queued() == 0 on return) on_drain is NOT called and the caller emits
 * 'drain' itself (Node does so on the next tick). Write errors arrive via on_error, from
 * the pending phase, never from inside net_write. */
int net_write(NetConn *conn, const void *buf, size_t len);
/* Bytes queued and not yet handed to the kernel (Node's writableLength). */
size_t net_conn_queued(const NetConn *conn);
/* Asks for on_drain once the queue empties, whatever net_write answered; returns false
 * (and asks nothing) when nothing is queued now. Lets a server wait for a response to
 * reach the kernel before it starts an idle timer or reads the next request. */
bool net_conn_await_drain(NetConn *conn);
/* Ends the connection gracefully: once the queue drains, shutdown(SHUT_WR) then close. */
void net_end(NetConn *conn);
/* Half-closes: once the queue drains, shutdown(SHUT_WR) and on_drain, but the connection
 * stays open and reading (Node's socket.end() with the readable side still open); the
 * owner closes it once the peer has ended too. Later writes return -EPIPE. */
void net_shutdown(NetConn *conn);
/* The error net_write met, waiting to be reported through on_error (0 if none). */
int net_conn_pending_error(const NetConn *conn);
/* Which call the error on_error reported came from: "read" or "write". */
const char *net_conn_error_syscall(const NetConn *conn);
/* Closes now, discarding queued writes. on_close follows in the close phase. */
void net_close(NetConn *conn);
/* At exit, after loop_free: frees a connection or server still open (or whose close
 * phase never came), closing its fds, without touching the loop. Nothing else may
 * hold it. */
void net_conn_abandon(NetConn *conn);
void net_server_abandon(NetServer *server);
/* True once net_close/net_end-completion/an error has closed the connection. */
bool net_conn_is_closed(const NetConn *conn);
/* Keep the NetConn allocated (not open) across callbacks; pair every retain with a release. */
void net_conn_retain(NetConn *conn);
void net_conn_release(NetConn *conn);
/* Whether the connection keeps the loop alive (Node's socket.ref()/unref()). Default true.
 * Like a libuv handle it does so only while active: reading (before EOF), connecting, or
 * with writes or a FIN still to send; an idle connection lets the process exit. */
void net_conn_set_loop_ref(NetConn *conn, bool ref);
/* Sets TCP_NODELAY (Nagle off), as Node's http server does for its sockets. */
void net_conn_set_nodelay(NetConn *conn, bool nodelay);
/* SO_KEEPALIVE on or off, with the idle time before the first probe (0: the system's). */
void net_conn_set_keepalive(NetConn *conn, bool enable, int delay_s);
/* The socket's fd, or -1 once closed. */
int net_conn_fd(const NetConn *conn);
/* Writes the peer's (or local) numeric address into ip (at least 46 bytes) and its port;
 * returns 4 or 6 for the family, 0 for a Unix socket (ip empty), or -errno. */
int net_conn_peer(const NetConn *conn, char *ip, size_t iplen, int *port);
int net_conn_local(const NetConn *conn, char *ip, size_t iplen, int *port);

/* ==== Child processes (runtime/child.c) ====
 *
 * fork + exec, with the child's file descriptors, directory, environment and session
 * chosen by the caller; a failed exec (ENOENT, EACCES, a bad cwd) comes back to the
 * parent through a close-on-exec pipe as -errno, before child_exec returns. A Child on
 * the loop reports its exit from the poll phase: SIGCHLD reaches the loop through the
 * signal self-pipe, then waitpid(pid, WNOHANG) asks each child we started, so nothing
 * polls and nothing blocks. */

typedef struct ChildSpec {
  const char *file;   /* the program; searched in the child's PATH when it has no '/' */
  char *const *argv;  /* NULL-terminated; argv[0] is the name the child sees */
  char *const *envp;  /* NULL-terminated, or NULL for this process's environment */
  const char *cwd;    /* NULL: this process's */
  const int *stdio;   /* the child's fd i becomes a copy of stdio[i]; -1 leaves it closed */
  int nstdio;
  bool detached;      /* a new session (setsid): the child outlives our terminal's signals */
  int uid, gid;       /* setuid / setgid in the child when >= 0 */
} ChildSpec;

/* Starts spec's program; returns its pid, or -errno when it could not run. Synchronous
 * callers (spawnSync) wait for the pid themselves; nobody else reaps it. */
int child_exec(const ChildSpec *spec);

typedef struct Child Child;
/* The child ended: exit_status (0..255) when it exited, term_signal (> 0) when a signal
 * killed it (then exit_status is 0, as libuv reports it). */
typedef void (*ChildExitCb)(Child *child, int exit_status, int term_signal, void *data);

/* child_exec on the loop: on_exit runs from the poll phase once the child ends. Returns
 * NULL with *err_out = -errno if it could not run. While running (and ref'd, the
 * default) it keeps the loop alive, as a libuv process handle. */
Child *child_spawn(Loop *loop, const ChildSpec *spec, ChildExitCb on_exit, void *data,
                   int *err_out);
int child_pid(const Child *child);
/* kill(2) to the child: 0, or -ESRCH once it has been reaped, or another -errno. */
int child_kill(Child *child, int signum);
void child_set_loop_ref(Child *child, bool ref);
/* The owner lets go: no callback follows; the child is still reaped, then freed. */
void child_close(Child *child);
/* At exit, after loop_free: frees a child its owner never closed (it keeps running). */
void child_abandon(Child *child);

/* ==== Line editor (runtime/lineedit.c) ====
 *
 * Reads lines from an fd watched by the loop: the REPL's input (and a later readline's).
 * On a terminal it puts it in raw mode and edits the line itself: arrows, Home/End,
 * Ctrl-A/E/B/F/K/U/W/L/P/N, history, Tab completion; without a terminal it splits the
 * input at newlines and echoes nothing. Prompts go to out_fd either way, as node's do.
 * It asks for nothing but one line at a time: after a callback nothing more is read
 * until the owner calls lineedit_prompt again. */

typedef struct LineEdit LineEdit;

typedef struct LineEditEvents {
  void (*on_line)(LineEdit *le, const char *line, size_t length, void *data); /* Enter */
  void (*on_interrupt)(LineEdit *le, bool line_was_empty, void *data);        /* Ctrl-C */
  void (*on_eof)(LineEdit *le, void *data); /* Ctrl-D on an empty line, end of input */
  /* Tab (may be NULL): propose words with lineedit_add_completion, or call
   * lineedit_complete_later and propose them afterwards. */
  void (*complete)(LineEdit *le, const char *line, size_t cursor, void *data);
  /* Each key read on a terminal, once handled (may be NULL): its bytes. */
  void (*on_key)(LineEdit *le, const char *key, size_t length, void *data);
} LineEditEvents;

/* Starts watching in_fd (the events are copied). It takes no loop reference: the owner
 * keeps the loop alive while it wants input. */
LineEdit *lineedit_new(Loop *loop, int in_fd, int out_fd, const LineEditEvents *events,
                       void *data);
/* Restores the terminal's mode, stops watching, frees everything. NULL is allowed. */
void lineedit_free(LineEdit *le);
/* True when both fds are terminals (raw mode, echo, keys, colours for the owner). */
bool lineedit_is_terminal(const LineEdit *le);
/* Prints prompt (and the line, if something is typed already: readline's rl.write) and
 * reads the next line (buffered input is handled from the loop). */
void lineedit_prompt(LineEdit *le, const char *prompt);
/* Reads on, the prompt unchanged and not drawn (readline after a line, unprompted). */
void lineedit_listen(LineEdit *le);
/* How many columns a code point takes (node's getStringWidth); without it, one each. */
void lineedit_set_width(LineEdit *le, int (*width)(uint32_t cp));
/* The cursor's column and its row below the prompt's, the line wrapped at the
 * terminal's width (readline's getCursorPos). */
void lineedit_cursor_pos(LineEdit *le, int *cols, int *rows);
/* The prompt the next redraw shows, not drawn now (readline's setPrompt). */
void lineedit_set_prompt(LineEdit *le, const char *prompt);
/* Ctrl-D ends the input even after text on the line, which on_line gets first, even
 * when empty (node's .editor mode); off by default, where Ctrl-D after text deletes
 * forward. */
void lineedit_set_eof_ends_line(LineEdit *le, bool on);
/* Ctrl-C and Ctrl-D end the line without moving to a new one, as in node's readline
 * (the REPL's default moves on). */
void lineedit_set_quiet_ends(LineEdit *le, bool on);
/* Keeps at most size lines of history (1000 by default, node's REPL's; readline's
 * historySize is 30); 0 keeps none. */
void lineedit_set_history_size(LineEdit *le, int size);
/* The line being edited (NUL-terminated, owned by le; valid until the next key). */
const char *lineedit_line(const LineEdit *le);
/* Draws the prompt and the line again after the owner printed something below them. */
void lineedit_refresh(LineEdit *le);
/* Loads the history from path (newest first, node's format) and saves it there after
 * every line; a file that cannot be read starts an empty history. A missing file is
 * created at once with mode 0600 (node's); an existing one keeps its mode. */
void lineedit_set_history_file(LineEdit *le, const char *path);
/* Inside complete: proposes word to replace line[start..cursor] (start is the same for
 * every word of one Tab). */
void lineedit_add_completion(LineEdit *le, size_t start, const char *word);
/* Inside complete: the words come later; keys wait in the input until then. */
void lineedit_complete_later(LineEdit *le);
/* The words proposed since lineedit_complete_later are complete: they are applied
 * as a Tab's would be, then the keys typed meanwhile are handled. */
void lineedit_complete_done(LineEdit *le);
/* The cursor, a byte offset into lineedit_line. */
size_t lineedit_cursor(const LineEdit *le);
/* On: the terminal in its own (cooked) mode, as while the REPL runs a line (Ctrl-C is
 * SIGINT then, as in node's); off: raw again, as reading sets it. */
void lineedit_set_cooked(LineEdit *le, bool on);
/* While on, keys read wait in the input (readline's pause). */
void lineedit_hold(LineEdit *le, bool on);
/* Inserts text at the cursor as if typed; a line ending in it ends the line. */
void lineedit_write(LineEdit *le, const char *s, size_t n);
/* Handles the keys encoded in s (bytes as a terminal sends them) as if typed. */
void lineedit_keys(LineEdit *le, const char *s, size_t n);

/* ==== Terminal colours (runtime/tty.c) ====
 *
 * node's colour depth of a terminal, from the environment: FORCE_COLOR, NO_COLOR,
 * NODE_DISABLE_COLORS, TERM, TMUX, CI and the CI servers', TEAMCITY_VERSION, TERM_PROGRAM,
 * COLORTERM. Depths are bits per colour, as node's getColorDepth returns them. */

enum { TTY_COLORS_2 = 1, TTY_COLORS_16 = 4, TTY_COLORS_256 = 8, TTY_COLORS_16M = 24 };

/* Where variables are looked up: lookup(name, data), or getenv when lookup is NULL. A
 * variable that is not set is NULL. */
typedef struct TtyEnv {
  const char *(*lookup)(const char *name, void *data);
  void *data;
} TtyEnv;

/* The depth env describes. */
int tty_color_depth(TtyEnv env);
/* Whether node colours what it writes to fd: with FORCE_COLOR set, when its depth says
 * so; otherwise only on a terminal whose depth has more than two colours. */
bool tty_should_colorize(int fd);

/* ==== The host: the engine on the loop (runtime/host.c, runtime/module.c) ====
 *
 * A Host joins one VM to one Loop. It owns what Node keeps between callbacks: the
 * process.nextTick queue and the promise job queue (drained after every callback the
 * loop makes, ticks first), the table of built-in modules, the sources of the scripts
 * it ran (for error headers), and the exit code. Callbacks from the loop into
 * JavaScript go through host_call, which turns an uncaught exception into Node's
 * fatal-error report and stops the loop. */

#include "vm/vm.h"

typedef struct Host Host;

/* The realm slots the runtime fills (vm_intrinsic); the stdlib's come after them. */
typedef enum RuntimeIntrinsic {
  INTRINSIC_MODULE_PROTOTYPE = INTRINSIC_HOST_FIRST, /* Module.prototype (module.c) */
  RUNTIME_INTRINSIC_END,
} RuntimeIntrinsic;

/* Makes a built-in module's exports; called once, on the first require. */
typedef Value (*HostModuleInit)(Host *host);
/* Prints an uncaught exception as Node does (the stdlib installs it). */
typedef void (*HostReporter)(Host *host, Value exception, SourceSite site);

/* A promise rejected with no handler stayed unhandled once the microtasks ran; uid is
 * node's rejection id (1, 2, ... in the order of rejection). */
typedef void (*HostUnhandledRejection)(Host *host, Value promise, Value reason, double uid);
/* A promise reported unhandled got a handler later (node's 'rejectionHandled'). */
typedef void (*HostRejectionHandled)(Host *host, Value promise, double uid);

/* A host for vm on loop; installs itself as the VM's hooks. */
Host *host_new(VM *vm, Loop *loop);
void host_free(Host *host);
VM *host_vm(Host *host);
Loop *host_loop(Host *host);
/* The host a native function runs under. */
Host *host_of(VM *vm);
/* Watching the loop: with loop_out, --trace-loop's lines (each turn, phase, callback and
 * microtask drain) go there; with the VM's --trace on, each callback the loop starts and
 * each microtask is marked in the instruction trace. Call after vm_set_trace. */
void host_set_trace(Host *host, FILE *loop_out);

/* Registers require(name) and require('node:' + name). */
void host_register_module(Host *host, const char *name, HostModuleInit init);
/* The same for a module written in JavaScript: source (static, `length` bytes) runs as a
 * CommonJS module named node:NAME on the first require. Names under internal/ may be
 * required only by built-in modules. */
void host_register_source_module(Host *host, const char *name, const char *source,
                                 size_t length);
/* A built-in module's exports, made on first use (one module may include another):
 * VALUE_HOLE if there is no such module, VALUE_EXCEPTION if making it threw. */
Value host_require_builtin(Host *host, const char *name);
void host_set_reporter(Host *host, HostReporter reporter);

/* Node's errors, made by the stdlib (its validators and error classes) and thrown by the
 * module loader through these; the loader makes plain errors while they are unset. */
typedef struct HostErrors {
  /* An error whose stack reads "Kind [CODE]: message" (node's NodeError); unrooted. */
  Value (*make)(VM *vm, ErrorKind kind, const char *code, Value message);
  /* Throws error; uncaught, it is reported at origin (node's own source line). */
  Value (*throw_from)(VM *vm, Value error, const char *origin);
  /* ERR_INVALID_ARG_TYPE and ERR_INVALID_ARG_VALUE, thrown with node's wording. */
  Value (*arg_type)(VM *vm, const char *name, const char *expected, Value actual);
  Value (*arg_value)(VM *vm, const char *name, Value value, const char *reason);
  /* process.emitWarning(message, type, code). */
  Value (*warn)(VM *vm, const char *message, const char *type, const char *code);
} HostErrors;
void host_set_errors(Host *host, const HostErrors *errors);
/* What happens to an unhandled rejection (the stdlib installs node's 'throw' mode);
 * NULL ignores them (--unhandled-rejections=none). */
void host_set_unhandled_rejection(Host *host, HostUnhandledRejection fn);
/* Called, once the microtasks drain, for each promise reported unhandled that has got a
 * handler since (before the new unhandled ones are reported). NULL: nothing. */
void host_set_rejection_handled(Host *host, HostRejectionHandled fn);

/* Runs the main script as a CommonJS module (or a global script), then the loop
 * until it drains. Returns the process exit code. */
int host_run_main(Host *host, const char *path, CompileMode mode);
/* What a script left as its completion value, handed over before any job or the loop
 * runs (node -p prints it there). */
typedef void (*HostResult)(Host *host, Value result);
/* Runs source text under the given name ("[eval]" for -e, "[stdin]"), then the loop. As
 * a COMPILE_SCRIPT (node -e's way) it sees require, module and exports as globals, and
 * on_result (may be NULL) gets its completion value. Returns the exit code. */
int host_run_source(Host *host, const char *source, size_t length, const char *name,
                    CompileMode mode, HostResult on_result);
/* Makes require, module and exports globals for code typed at the REPL (relative
 * requires start from the current directory). Call once, before the first line. */
void host_repl_globals(Host *host);
/* Runs the loop until nothing keeps it alive or the host exits; returns the exit code.
 * The REPL's input keeps it alive with loop_ref. */
int host_run_loop(Host *host);

/* An uncaught exception goes to fn first (process's 'uncaughtException' listeners; the
 * REPL prints it and reads on): it returns true when it dealt with it, false for node's
 * fatal report (of the exception fn leaves pending, if any). NULL: the report at once. */
typedef bool (*HostUncaught)(Host *host, Value exception);
void host_set_uncaught(Host *host, HostUncaught fn);

/* When the loop has nothing left, fn runs (process's 'beforeExit'); if what it scheduled
 * keeps the loop alive, the loop runs again and fn after it. NULL: the end at once. */
typedef void (*HostBeforeExit)(Host *host);
void host_set_before_exit(Host *host, HostBeforeExit fn);

/* fn hears of the main module once it is made, before its code runs (node sets
 * process.mainModule then). NULL: nobody. */
typedef void (*HostMainModule)(Host *host, Value module);
void host_set_main_module(Host *host, HostMainModule fn);

/* Calls fn from a loop callback. An uncaught exception is reported, the exit code
 * becomes 1 and the loop stops. Returns false if it threw. */
bool host_call(Host *host, Value fn, Value this_value, int argc, const Value *argv);
/* host_call with the elements of the array args as the arguments (none if args is
 * not an array): nextTick and timer callbacks keep their arguments this way. */
bool host_call_array(Host *host, Value fn, Value this_value, Value args);
/* Takes the pending exception as uncaught: exit code 1, the loop stops, and the
 * exception waits for host_report_fatal. */
void host_fatal_exception(Host *host);
/* The same, with the source line shown above the report given (not where it was thrown). */
void host_fatal_exception_at(Host *host, SourceSite site);
/* Prints the uncaught exception, if there was one, through the reporter. */
void host_report_fatal(Host *host);
/* process.nextTick(fn, ...args): args is an array or undefined. */
void host_next_tick(Host *host, Value fn, Value args);
void host_next_tick1(Host *host, Value fn, Value arg); /* fn(arg) */
/* Runs nextTicks, then promise jobs, until both queues are empty. */
void host_drain_jobs(Host *host);

int host_exit_code(Host *host);
void host_set_exit_code(Host *host, int code);
/* Ends the process as process.exit does: flushes output, stops the loop. */
void host_exit(Host *host, int code);
bool host_exiting(Host *host);

/* Keeps a script's text (the host owns it from now on) for error headers. */
void host_add_source(Host *host, const char *filename, char *text, size_t length);
/* Source line `line` (1-based) of a script the host ran, without its newline. */
const char *host_source_line(Host *host, const char *filename, int line, size_t *length);

#endif /* TN_RUNTIME_H */

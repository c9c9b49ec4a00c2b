/* child.c - child processes: fork + exec, and their exits through the loop.
 * Book: chapter 8, "The event loop" ("Child processes").
 *
 *   child_exec     fork, set up the child, exec; the exec's failure comes back as -errno
 *   child_spawn    child_exec on the loop, its exit reported from the poll phase
 *
 * Between fork and exec the child is a copy of a process that has other threads (the
 * pool's), so it may only make async-signal-safe calls: everything it needs (the
 * candidate paths, argv, envp) is built before the fork, and it reports a failure by
 * writing errno into a close-on-exec pipe, which the parent reads: end of file there
 * means the exec succeeded.
 *
 * The exits: the loop's SIGCHLD handler writes into the signal self-pipe; the poll phase
 * calls reap_children, which asks each child we started with waitpid(pid, WNOHANG).
 * Children of spawnSync are not in the table: their caller waits for them.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "runtime/loop_private.h"

extern char **environ;

struct Child {
  Loop *loop;
  Child *next;  /* in the table, while running */
  pid_t pid;
  int exit_status, term_signal; /* once reaped */
  bool running, ref, holding, closed, reporting; /* reporting: inside on_exit */
  ChildExitCb on_exit;
  void *data;
};

typedef struct ChildTable {
  Child *head;
} ChildTable;

/* ==== Before the fork: the candidate paths ==== */

/* The value of PATH in envp (or in ours when envp is NULL), or the default search path. */
static const char *search_path(char *const *envp) {
  const char *path = NULL;
  if (!envp) path = getenv("PATH");
  for (char *const *e = envp; e && *e; e++)
    if (strncmp(*e, "PATH=", 5) == 0) path = *e + 5;
  return path ? path : "/usr/local/bin:/usr/bin:/bin";
}

/* Every path the exec should try, NULL-terminated: file itself if it names a path,
 * else file in each directory of PATH (an empty entry is the current directory). */
static char **candidates(const char *file, char *const *envp) {
  if (strchr(file, '/') || !*file) {
    char **one = mem_calloc(2, sizeof *one);
    one[0] = mem_strdup(file);
    return one;
  }
  const char *path = search_path(envp);
  size_t n = 2;
  for (const char *p = path; *p; p++) n += *p == ':';
  char **list = mem_calloc(n, sizeof *list);
  size_t i = 0, flen = strlen(file);
  for (const char *p = path;; p++) {
    const char *end = strchr(p, ':');
    size_t dlen = end ? (size_t)(end - p) : strlen(p);
    char *c = mem_alloc(dlen + flen + 3);
    if (dlen == 0) memcpy(c, ".", dlen = 1);
    else memcpy(c, p, dlen);
    c[dlen] = '/';
    memcpy(c + dlen + 1, file, flen + 1);
    list[i++] = c;
    if (!end) break;
    p = end;
  }
  return list;
}

static void free_list(char **list) {
  for (char **p = list; *p; p++) free(*p);
  free(list);
}

/* ==== In the child, between fork and exec ==== */

/* Reports errno to the parent and ends: no exit handlers, no flushing of our buffers. */
static _Noreturn void child_fail(int report_fd, int err) {
  while (write(report_fd, &err, sizeof err) < 0 && errno == EINTR) {
  }
  _exit(127);
}

/* The child's fds 0..n-1 from stdio[]: each source is first copied above n (so that
 * moving one cannot clobber another still to be moved), then onto its place. */
static int child_stdio(const ChildSpec *spec) {
  int temp[64];
  int n = spec->nstdio < 64 ? spec->nstdio : 64;
  for (int i = 0; i < n; i++) {
    temp[i] = spec->stdio[i] < 0 ? -1 : fcntl(spec->stdio[i], F_DUPFD_CLOEXEC, n);
    if (spec->stdio[i] >= 0 && temp[i] < 0) return errno;
  }
  for (int i = 0; i < n; i++) {
    if (temp[i] < 0) close(i);
    else if (dup2(temp[i], i) < 0) return errno;
  }
  return 0;
}

/* Signals back to their defaults and unblocked: the program starts as from a shell. */
static void child_signals(void) {
  struct sigaction dfl = {.sa_handler = SIG_DFL};
  sigemptyset(&dfl.sa_mask);
  for (int s = 1; s < 65; s++)
    if (s != SIGKILL && s != SIGSTOP) sigaction(s, &dfl, NULL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
}

static _Noreturn void child_run(const ChildSpec *spec, char **paths, int report_fd) {
  child_signals();
  if (spec->detached) setsid();
  int err = child_stdio(spec);
  if (err) child_fail(report_fd, err);
  if (spec->cwd && chdir(spec->cwd) < 0) child_fail(report_fd, errno);
  if (spec->gid >= 0 && setgid((gid_t)spec->gid) < 0) child_fail(report_fd, errno);
  if (spec->uid >= 0 && setuid((uid_t)spec->uid) < 0) child_fail(report_fd, errno);
  char *const *envp = spec->envp ? spec->envp : environ;
  err = ENOENT;
  for (char **p = paths; *p; p++) {
    execve(*p, spec->argv, envp);
    if (errno == EACCES) err = EACCES; /* as execvp: remembered, the search goes on */
    else if (errno != ENOENT && errno != ENOTDIR) {
      err = errno;
      break;
    }
  }
  child_fail(report_fd, err);
}

/* ==== In the parent ==== */

int child_exec(const ChildSpec *spec) {
  int report[2];
  if (pipe(report) < 0) return -errno;
  fcntl(report[0], F_SETFD, FD_CLOEXEC); /* only this thread forks: no race */
  fcntl(report[1], F_SETFD, FD_CLOEXEC);
  char **paths = candidates(spec->file, spec->envp);
  /* What we printed comes before what the child prints where we share a file (console
   * output to a file or pipe is buffered in stdio) */
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) child_run(spec, paths, report[1]);
  int err = pid < 0 ? errno : 0;
  close(report[1]);
  free_list(paths);
  if (pid > 0) {
    ssize_t n;
    while ((n = read(report[0], &err, sizeof err)) < 0 && errno == EINTR) {
    }
    if (n != (ssize_t)sizeof err) err = 0; /* end of file: the exec succeeded */
    else
      while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
      }
  }
  close(report[0]);
  return err ? -err : pid;
}

/* ==== Children on the loop ==== */

/* A running, ref'd child holds the loop, as libuv's process handle. */
static void child_update_ref(Child *c) {
  bool want = c->running && c->ref;
  if (want == c->holding) return;
  c->holding = want;
  if (want) loop_ref(c->loop);
  else loop_unref(c->loop);
}

//> runtime.reap-children
/* After a SIGCHLD: every child of the table that has ended leaves it, then each one's
 * owner hears of it (a callback may spawn or close children: the table is not walked
 * while they run). */
static void reap_children(Loop *loop, void *data) {
  ChildTable *t = data;
  Child *ended = NULL, **link = &t->head;
  while (*link) {
    Child *c = *link;
    int status = 0;
    pid_t r = waitpid(c->pid, &status, WNOHANG);
    if (r == 0 || (r < 0 && errno == EINTR)) {
      link = &c->next;
      continue;
    }
    *link = c->next; /* ended (or, r < 0, reaped by someone else: an exit 0) */
    c->next = ended;
    ended = c;
    c->running = false;
    c->exit_status = r > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    c->term_signal = r > 0 && WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  for (Child *c = ended, *next; c; c = next) {
    next = c->next;
    child_update_ref(c);
    if (!c->closed && c->on_exit) {
      c->reporting = true; /* on_exit may close it: freed here, after */
      c->on_exit(c, c->exit_status, c->term_signal, c->data);
      c->reporting = false;
      loop_after_callback(loop);
    }
    if (c->closed) free(c);
  }
}
//< runtime.reap-children

/* At loop_free: the table goes, and the children whose owner let go; the others (still
 * running: they outlive us, as node's do) are the owner's to child_abandon. */
void children_free(void *table) {
  ChildTable *t = table;
  if (!t) return;
  for (Child *c = t->head, *next; c; c = next) {
    next = c->next;
    c->next = NULL;
    if (c->closed) free(c);
  }
  free(t);
}

void child_abandon(Child *c) { free(c); }

Child *child_spawn(Loop *loop, const ChildSpec *spec, ChildExitCb on_exit, void *data,
                   int *err_out) {
  ChildTable *t = loop_children(loop);
  if (!t) {
    t = mem_calloc(1, sizeof *t);
    int err = loop_watch_children(loop, reap_children, t);
    if (err < 0) {
      free(t);
      *err_out = err;
      return NULL;
    }
  }
  int pid = child_exec(spec);
  if (pid < 0) {
    *err_out = pid;
    return NULL;
  }
  Child *c = mem_calloc(1, sizeof *c);
  *c = (Child){.loop = loop, .next = t->head, .pid = pid, .running = true, .ref = true,
               .on_exit = on_exit, .data = data};
  t->head = c;
  child_update_ref(c);
  return c;
}

int child_pid(const Child *c) { return c->running ? c->pid : 0; }

int child_kill(Child *c, int signum) {
  if (!c->running) return -ESRCH;
  return kill(c->pid, signum) < 0 ? -errno : 0;
}

void child_set_loop_ref(Child *c, bool ref) {
  c->ref = ref;
  child_update_ref(c);
}

void child_close(Child *c) {
  c->closed = true;
  c->ref = false;
  child_update_ref(c);
  if (!c->running && !c->reporting) free(c);
}

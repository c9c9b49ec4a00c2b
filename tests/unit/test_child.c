/* test_child.c - unit tests for runtime/child.c: a failed exec comes back as -errno, a
 * child's exit status and terminating signal arrive through the loop (SIGCHLD on the
 * self-pipe), its stdio is what the spec says, an unref'd child does not hold the loop,
 * and no fd is left open. Built by `make unit`; ends with "N passed, M failed".
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/runtime.h"

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)

static void check(bool ok, const char *what, const char *file, int line) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s:%d: %s\n", file, line, what);
  }
}

static int count_fds(void) {
  DIR *d = opendir("/proc/self/fd");
  if (!d) return -1;
  int n = 0;
  while (readdir(d)) n++;
  closedir(d);
  return n;
}

typedef struct Ended {
  int exits, status, signum;
} Ended;

static void on_exit_cb(Child *child, int status, int signum, void *data) {
  Ended *e = data;
  e->exits++;
  e->status = status;
  e->signum = signum;
  child_close(child);
}

static ChildSpec sh(char **argv, const int *stdio, int n) {
  return (ChildSpec){.file = "sh", .argv = argv, .stdio = stdio, .nstdio = n, .uid = -1,
                     .gid = -1};
}

/* exec failures, before anything runs */
static void test_exec_errors(void) {
  char *argv[] = {"nosuchcmd-tinynode", NULL};
  ChildSpec spec = {.file = "nosuchcmd-tinynode", .argv = argv, .uid = -1, .gid = -1};
  CHECK(child_exec(&spec) == -ENOENT);
  spec.file = "/nonexistent/dir/prog";
  CHECK(child_exec(&spec) == -ENOENT);
  spec.file = "sh";
  spec.cwd = "/nonexistent-tinynode";
  CHECK(child_exec(&spec) == -ENOENT);
  char *envp[] = {"PATH=/nonexistent-tinynode", NULL};
  spec.cwd = NULL;
  spec.envp = envp; /* the child's PATH is searched, not ours */
  CHECK(child_exec(&spec) == -ENOENT);
}

/* an exit status, then a signal, each through the loop */
static void test_exit_and_signal(void) {
  Loop *loop = loop_new();
  char *argv[] = {"sh", "-c", "exit 7", NULL};
  int null_fd[1] = {-1};
  ChildSpec spec = sh(argv, null_fd, 0);
  Ended a = {0}, b = {0};
  int err = 0;
  CHECK(child_spawn(loop, &spec, on_exit_cb, &a, &err) != NULL);
  char *argv2[] = {"sleep", "10", NULL};
  spec.file = "sleep";
  spec.argv = argv2;
  Child *c = child_spawn(loop, &spec, on_exit_cb, &b, &err);
  CHECK(c && child_pid(c) > 0);
  CHECK(c && child_kill(c, SIGTERM) == 0);
  CHECK(loop_run(loop) == 0); /* both children held the loop until they ended */
  CHECK(a.exits == 1 && a.status == 7 && a.signum == 0);
  CHECK(b.exits == 1 && b.status == 0 && b.signum == SIGTERM);
  loop_free(loop);
}

/* stdio: the child's fd 1 is our pipe */
static void test_stdio(void) {
  Loop *loop = loop_new();
  int p[2];
  CHECK(pipe(p) == 0);
  char *argv[] = {"sh", "-c", "echo hi", NULL};
  int stdio[3] = {-1, p[1], -1};
  ChildSpec spec = sh(argv, stdio, 3);
  Ended e = {0};
  int err = 0;
  CHECK(child_spawn(loop, &spec, on_exit_cb, &e, &err) != NULL);
  close(p[1]);
  loop_run(loop);
  char buf[16] = {0};
  CHECK(read(p[0], buf, sizeof buf) == 3 && strcmp(buf, "hi\n") == 0);
  CHECK(e.exits == 1 && e.status == 0);
  close(p[0]);
  loop_free(loop);
}

/* an unref'd child lets the loop end; closed, it is still reaped */
static void test_unref(void) {
  Loop *loop = loop_new();
  char *argv[] = {"sleep", "10", NULL};
  ChildSpec spec = {.file = "sleep", .argv = argv, .uid = -1, .gid = -1};
  Ended e = {0};
  int err = 0;
  Child *c = child_spawn(loop, &spec, on_exit_cb, &e, &err);
  int pid = c ? child_pid(c) : 0;
  child_set_loop_ref(c, false);
  CHECK(loop_run(loop) == 0 && e.exits == 0);
  kill(pid, SIGKILL);
  child_close(c);
  int status;
  CHECK(waitpid(pid, &status, 0) == pid); /* not reaped behind our back before SIGCHLD */
  loop_free(loop);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int fds_before = count_fds();
  test_exec_errors();
  test_exit_and_signal();
  test_stdio();
  test_unref();
  CHECK(count_fds() == fds_before);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

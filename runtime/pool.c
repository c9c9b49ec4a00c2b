/* pool.c - the worker thread pool: blocking work (file syscalls) runs on pthreads, and
 * its completion comes back to the loop thread through a self-pipe the loop watches.
 * Book: chapter 8, "The event loop" (section "The thread pool").
 *
 * Entry points: pool_submit, pool_thread_count; loop_free calls pool_shutdown.
 * Like libuv's threadpool: UV_THREADPOOL_SIZE threads (default 4), started lazily.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "runtime/loop_private.h"

#define POOL_DEFAULT_THREADS 4
#define POOL_MAX_THREADS 1024

/* One submission: it sits in `todo`, a worker runs work(), then it sits in `done`. */
typedef struct PoolJob {
  PoolWork work;
  PoolDone done;
  void *data;
  struct PoolJob *next;
} PoolJob;

/* A FIFO of jobs. */
typedef struct PoolJobList {
  PoolJob *head, *tail;
} PoolJobList;

struct Pool {
  Loop *loop;
  pthread_t *threads;
  int nthreads;
  pthread_mutex_t mutex; /* guards todo, done, stopping and signalled */
  pthread_cond_t has_work;
  PoolJobList todo, done;
  bool stopping;
  bool signalled; /* a wake-up byte is in the pipe and not yet consumed */
  int wake[2];    /* [0] watched by the loop, [1] written by workers */
};

static void list_push(PoolJobList *l, PoolJob *j) {
  j->next = NULL;
  if (l->tail)
    l->tail->next = j;
  else
    l->head = j;
  l->tail = j;
}

static PoolJob *list_pop(PoolJobList *l) {
  PoolJob *j = l->head;
  if (j) {
    l->head = j->next;
    if (!l->head) l->tail = NULL;
  }
  return j;
}

/* Jobs the loop will never complete: their owners free what they hold (libuv's
 * UV_ECANCELED), so that exiting with reads in flight loses no memory. */
static void list_cancel(Loop *loop, PoolJobList *l) {
  PoolJob *j;
  while ((j = list_pop(l))) {
    j->done(loop, j->data, -ECANCELED);
    free(j);
  }
}

int pool_thread_count(void) {
  const char *s = getenv("UV_THREADPOOL_SIZE");
  long n = s && *s ? strtol(s, NULL, 10) : POOL_DEFAULT_THREADS;
  if (n < 1) n = 1; /* libuv clamps the same way */
  if (n > POOL_MAX_THREADS) n = POOL_MAX_THREADS;
  return (int)n;
}

/* ==== Worker threads ==== */

//> runtime.pool-worker
/* A worker: take the oldest job, run it without the lock, hand it to the loop. Only the
 * first completion since the loop last looked writes a byte, so the pipe never fills. */
static void *worker_main(void *arg) {
  Pool *pool = arg;
  pthread_mutex_lock(&pool->mutex);
  for (;;) {
    while (!pool->todo.head && !pool->stopping) pthread_cond_wait(&pool->has_work, &pool->mutex);
    if (pool->stopping) break;
    PoolJob *job = list_pop(&pool->todo);
    pthread_mutex_unlock(&pool->mutex);
    job->work(job->data);
    pthread_mutex_lock(&pool->mutex);
    list_push(&pool->done, job);
    if (!pool->signalled) {
      pool->signalled = true;
      char byte = 1;
      while (write(pool->wake[1], &byte, 1) < 0 && errno == EINTR) {
      }
    }
  }
  pthread_mutex_unlock(&pool->mutex);
  return NULL;
}
//< runtime.pool-worker

/* ==== The loop side ==== */

//> runtime.pool-completions
/* The wake-up pipe is readable: run `done` for every finished job, oldest first. The
 * pipe is emptied BEFORE taking the list, so a byte written after we look is never lost. */
static void on_wake(Loop *loop, int fd, int revents, void *data) {
  Pool *pool = data;
  char buf[64];
  while (read(fd, buf, sizeof buf) > 0) {
  }
  pthread_mutex_lock(&pool->mutex);
  PoolJobList finished = pool->done;
  pool->done = (PoolJobList){NULL, NULL};
  pool->signalled = false;
  pthread_mutex_unlock(&pool->mutex);
  PoolJob *job;
  while ((job = list_pop(&finished))) {
    loop_unref(loop); /* taken by pool_submit */
    job->done(loop, job->data, 0);
    free(job);
    if (finished.head) loop_after_callback(loop); /* the loop runs it after the last one */
  }
}
//< runtime.pool-completions

static int make_pipe(int fds[2]) {
  if (pipe(fds) < 0) return -errno;
  for (int i = 0; i < 2; i++) {
    fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    fcntl(fds[i], F_SETFD, FD_CLOEXEC);
  }
  return 0;
}

/* Creates the loop's pool and starts its threads; returns NULL with *err on failure. */
static Pool *pool_create(Loop *loop, int *err) {
  Pool *pool = mem_calloc(1, sizeof *pool);
  pool->loop = loop;
  if ((*err = make_pipe(pool->wake)) < 0) {
    free(pool);
    return NULL;
  }
  pthread_mutex_init(&pool->mutex, NULL);
  pthread_cond_init(&pool->has_work, NULL);
  int want = pool_thread_count();
  pool->threads = mem_calloc((size_t)want, sizeof(pthread_t));
  for (; pool->nthreads < want; pool->nthreads++) {
    int rc = pthread_create(&pool->threads[pool->nthreads], NULL, worker_main, pool);
    if (rc != 0) break;
  }
  if (pool->nthreads == 0) {
    *err = -EAGAIN;
    pool_shutdown(pool);
    return NULL;
  }
  loop_watch_fd(loop, pool->wake[0], LOOP_READABLE, on_wake, pool);
  return pool;
}

int pool_submit(Loop *loop, PoolWork work, PoolDone done, void *data) {
  Pool **slot = loop_pool_slot(loop);
  if (!*slot) {
    int err = 0;
    *slot = pool_create(loop, &err);
    if (!*slot) return err;
  }
  Pool *pool = *slot;
  PoolJob *job = mem_alloc(sizeof *job);
  *job = (PoolJob){work, done, data, NULL};
  loop_ref(loop); /* unfinished work keeps the loop alive */
  pthread_mutex_lock(&pool->mutex);
  list_push(&pool->todo, job);
  pthread_cond_signal(&pool->has_work);
  pthread_mutex_unlock(&pool->mutex);
  return 0;
}

void pool_shutdown(Pool *pool) {
  pthread_mutex_lock(&pool->mutex);
  pool->stopping = true;
  pthread_cond_broadcast(&pool->has_work);
  pthread_mutex_unlock(&pool->mutex);
  for (int i = 0; i < pool->nthreads; i++) pthread_join(pool->threads[i], NULL);
  loop_unwatch_fd(pool->loop, pool->wake[0]);
  close(pool->wake[0]);
  close(pool->wake[1]);
  list_cancel(pool->loop, &pool->todo);
  list_cancel(pool->loop, &pool->done);
  pthread_mutex_destroy(&pool->mutex);
  pthread_cond_destroy(&pool->has_work);
  free(pool->threads);
  free(pool);
}

/* loop_private.h - what loop.c and pool.c share inside runtime/ (no other stage includes
 * it). The loop owns at most one thread pool, created by the first pool_submit and shut
 * down by loop_free. Book: chapter 8, "The event loop".
 */
#ifndef TN_RUNTIME_LOOP_PRIVATE_H
#define TN_RUNTIME_LOOP_PRIVATE_H

#include "runtime/runtime.h"

typedef struct Pool Pool;

/* Where the loop keeps its pool (NULL until the first pool_submit). */
Pool **loop_pool_slot(Loop *loop);
/* Stops the pool's threads (finishing the work they are running), joins them, drops
 * queued work and completions without calling them, and frees the pool. */
void pool_shutdown(Pool *pool);

/* Child processes (child.c): cb(loop, data) runs from the poll phase after every
 * SIGCHLD, whatever process.on('SIGCHLD') does; the first call installs the handler.
 * loop_children gives data back (NULL before); loop_free hands it to children_free. */
int loop_watch_children(Loop *loop, LoopCallback cb, void *data);
void *loop_children(const Loop *loop);
void children_free(void *table);

/* Prints "tinynode: <fn>: <reason>" to stderr and aborts: a broken invariant. */
_Noreturn void runtime_panic(const char *where);

#endif /* TN_RUNTIME_LOOP_PRIVATE_H */

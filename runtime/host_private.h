/* host_private.h - the Host struct, shared by runtime/host.c and runtime/module.c.
 * Book: chapter 8, "The event loop", and chapter 9, "Modules".
 */
#ifndef TN_HOST_PRIVATE_H
#define TN_HOST_PRIVATE_H

#include <stdio.h>

#include "runtime/runtime.h"

typedef struct Job {
  int32_t fn;  /* pins */
  int32_t arg; /* nextTick: an array of arguments; promise jobs: one argument */
} Job;

typedef struct JobQueue {
  Job *jobs;
  int head, count, capacity;
} JobQueue;

typedef struct Source {
  char *filename;
  char *text;
  size_t length;
} Source;

typedef struct BuiltinModule {
  const char *name;
  HostModuleInit init; /* made in C, or */
  const char *source;  /* written in JavaScript (static text, `length` bytes) */
  size_t length;
  int32_t exports; /* a pin, or -1 before the first require */
} BuiltinModule;

/* Pinned promises with their rejection ids. */
typedef struct RejectionList {
  int32_t *pins;
  double *uids;
  int count, capacity;
} RejectionList;

struct Host {
  VM *vm;
  Loop *loop;
  JobQueue ticks, promise_jobs;
  bool draining;
  bool exiting;
  int loop_handles;       /* the handle mark while the loop runs: each callback's scope */
  int exit_code;
  HostReporter reporter;
  int32_t fatal_pin;      /* the uncaught exception waiting to be reported, or -1 */
  SourceSite fatal_site;
  BuiltinModule *modules;
  int module_count;
  int32_t module_cache; /* a pin: filename -> module object */
  int32_t main_module;  /* a pin: require.main, or -1 before the main module starts */
  Source *sources;
  int source_count;
  /* Promises rejected with no handler yet, checked once the microtasks drain; those
   * reported unhandled (warned) until a handler comes; those then handled (late). */
  RejectionList rejections, warned, late;
  double rejection_uid; /* node's "rejection id": one per promise rejected unhandled */
  HostUnhandledRejection on_unhandled; /* NULL: --unhandled-rejections=none */
  HostRejectionHandled on_handled_late;
  HostUncaught on_uncaught;            /* the REPL's printer; NULL: fatal, as node */
  FILE *loop_trace;       /* --trace-loop: where its lines go, or NULL */
  long ran_ticks, ran_jobs; /* microtasks run by the current drain (--trace-loop) */
};


#endif

/* host_private.h - the Host struct, shared by runtime/host.c and runtime/module.c.
 * Book: chapter 8, "The event loop", and chapter 9, "Modules".
 */
#ifndef TN_HOST_PRIVATE_H
#define TN_HOST_PRIVATE_H

#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"

typedef struct Job {
  int32_t fn;  /* pins */
  int32_t arg; /* spread: an array of arguments (nextTick); else one argument */
  bool spread;
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
  bool cleanup_scheduled; /* the FinalizationRegistry cleanup task is queued */
  int loop_handles;       /* the handle mark while the loop runs: each callback's scope */
  int exit_code;
  HostReporter reporter;
  int32_t fatal_pin;      /* the uncaught exception waiting to be reported, or -1 */
  SourceSite fatal_site;
  BuiltinModule *modules;
  int module_count;
  int32_t module_cache; /* a pin: filename -> module object */
  int32_t main_module;  /* a pin: require.main, or -1 before the main module starts */
  int32_t package_cache; /* a pin: package.json path -> its data or false, or -1 */
  int32_t module_ctor;   /* a pin: Module, made with the first module */
  int32_t module_symbols; /* a pin: [kIsMainSymbol, kIsCachedByESMLoader, kIsExecuting], or -1 */
  int entry_frames;      /* node's frames of the require call running now (require: 3) */
  int32_t trimmed;       /* a pin: the last error whose stack got node's frames, or -1 */
  int32_t extensions;    /* a pin: require.extensions, or -1 before the first require */
  const HostErrors *errors; /* node's errors, from the stdlib; NULL: plain ones */
  Source *sources;
  int source_count;
  /* Promises rejected with no handler yet, checked once the microtasks drain; those
   * reported unhandled (warned) until a handler comes; those then handled (late). */
  RejectionList rejections, warned, late;
  double rejection_uid; /* node's "rejection id": one per promise rejected unhandled */
  HostUnhandledRejection on_unhandled; /* NULL: --unhandled-rejections=none */
  HostRejectionHandled on_handled_late;
  HostUncaught on_uncaught;            /* the REPL's printer; NULL: fatal, as node */
  HostBeforeExit on_before_exit;       /* process's 'beforeExit'; NULL: none */
  HostMainModule on_main_module;       /* process.mainModule's setter; NULL: none */
  FILE *loop_trace;       /* --trace-loop: where its lines go, or NULL */
  long ran_ticks, ran_jobs; /* microtasks run by the current drain (--trace-loop) */
};

/* ==== The module loader (module.c, resolve.c) ==== */

/* Registers the built-in module `module`; host_new calls it. */
void mod_install(Host *host);
/* Whether name (with or without node:) is a built-in a script may require. */
bool mod_is_builtin(Host *host, const char *name);
/* A file's whole text, NUL-terminated, to free(); NULL if it cannot be read. */
char *mod_read_file(const char *path, size_t *length);
/* JSON.parse(text) in the realm (text is freed); the value, or an exception. */
Value mod_parse_json(Host *host, char *text, size_t length);
/* node's error: with code, "Kind [CODE]: message" (code NULL: a plain error); rooted. */
Value mod_error(Host *host, ErrorKind kind, const char *code, Value message);
/* Puts prefix before error's message (and in its stack's first line), as node does. */
void mod_error_prefix(Host *host, Value error, const char *prefix);
/* Throws error as thrown at node's origin (the uncaught report's header). Its stack keeps
 * the frames node's would show: node's loader, JavaScript there, fills `frames` of V8's
 * ten above the first one shown (counted from Module._resolveFilename up). */
Value mod_throw(Host *host, Value error, const char *origin, int frames);
/* The same, with node's frames after the first one shown instead (a JSON.parse). */
Value mod_throw_framed(Host *host, Value error, const char *origin, int frames, int after_first);
/* process.emitWarning(message, type, code), if the stdlib is there. */
void mod_warn(Host *host, const char *message, const char *type, const char *code);
/* Whether string equals the ASCII text s. */
bool mod_string_is(VM *vm, Value string, const char *s);

/* Module._resolveFilename (resolve.c): the real path of the file request names from
 * parent (a module object or undefined) into out (PATH_MAX bytes) and VALUE_TRUE, or
 * node's error thrown. paths: require.resolve's {paths} array, or undefined. */
Value mod_resolve_filename(Host *host, const char *request, Value parent, Value paths,
                           char *out);
/* require.resolve.paths(request): an array of directories, or null for a built-in. */
Value mod_lookup_paths(Host *host, const char *request, Value parent);
/* Appends node's Module.globalPaths (NODE_PATH, ~/.node_modules, ...) to paths. */
void mod_push_global_paths(VM *vm, Value paths);
/* module.paths for a module in dir. */
Value mod_node_module_paths(VM *vm, const char *dir);
/* The package.json data that governs file (dir: its directory), or undefined. */
Value mod_package_scope(Host *host, const char *file, char *dir);

/* Text tests the loader makes on names and paths (module.c, resolve.c). */
static inline bool mod_starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}
static inline bool mod_ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

#endif

/* stdlib.h - the standard library's public interface: what main.c calls, and the realm's
 * intrinsic slots its subsystems share. Book: chapter 7, "The standard library".
 *
 * stdlib_install puts the ECMAScript built-ins and Node's globals (console,
 * process, timers) into a fresh VM and registers Node's modules (fs, path, events, http, util)
 * with the host's require.
 */
#ifndef TN_STDLIB_H
#define TN_STDLIB_H

#include "runtime/runtime.h"
#include "vm/vm.h"

#define TINYNODE_VERSION "0.1.0"
/* The node whose behaviour tinynode follows (its tests are checked against it):
 * process.version and process.versions.node say it, so that packages which gate on the
 * node version (semver ranges in code, "minimum Node.js version" checks) run. */
#define NODE_API_VERSION "20.20.2"

//> stdlib.intrinsics
/* The realm slots where the standard library keeps its own prototypes and functions
 * (vm_intrinsic, vm_set_intrinsic): one set per VM, marked by the collector, undefined
 * until the subsystem that owns a slot fills it. C state goes through vm_state instead. */
typedef enum StdlibIntrinsic {
  INTRINSIC_SYMBOL_REGISTRY = RUNTIME_INTRINSIC_END, /* Symbol.for's keys (ecma/symbol.c) */
  INTRINSIC_INSPECT_FUNCTION,        /* util.inspect (inspect/options.c) */
  INTRINSIC_INSPECT_CUSTOM,          /* util.inspect.custom (inspect/inspect.c) */
  INTRINSIC_EVENT_EMITTER,           /* EventEmitter (node/events.c) */
  INTRINSIC_EVENT_EMITTER_PROTOTYPE,
  INTRINSIC_EVENT_SYMBOLS,           /* [shapeMode, kCapture, errorMonitor] */
  INTRINSIC_PROCESS_PROTOTYPE,       /* node/process.c */
  INTRINSIC_TIMEOUT_PROTOTYPE,       /* node/timers.c */
  INTRINSIC_IMMEDIATE_PROTOTYPE,
  INTRINSIC_TIMERS_BY_ID,            /* the Timeouts whose id was taken, by id, and the
                                        fields that handles show (node/timers.c) */
  INTRINSIC_SCHEDULER_PROTOTYPE,     /* timers/promises' scheduler (node/timers_promises.c) */
  INTRINSIC_HTTP_SERVER_PROTOTYPE,   /* node/http/http.c */
  INTRINSIC_HTTP_HOOKS,              /* what lib/internal/http/server.js gave the server */
  INTRINSIC_HTTP_FINISH,             /* the native a response's end() runs next tick */
  INTRINSIC_HTTP_WRITES_DONE,        /* the native that completes a response's writes */
  INTRINSIC_HTTP_RESPONSE_PROTOTYPE,
  INTRINSIC_HTTP_RESPONSE_TEMPLATE,  /* the fields every response starts with */
  INTRINSIC_HTTP_SOCKET_PROTOTYPE,   /* node/http/http_socket.c */
  INTRINSIC_HTTP_SOCKET_LAZY,        /* ... the prototype a socket starts on (server.js) */
  INTRINSIC_DATE_PROTOTYPE,          /* ecma/date.c */
  INTRINSIC_ARRAY,                   /* the Array constructor (ecma/array.c) */
  INTRINSIC_REGEXP,                  /* the RegExp constructor (ecma/regexp.c) */
  INTRINSIC_REGEXP_PROTOTYPE,
  INTRINSIC_REGEXP_EXEC,             /* the built-in RegExp.prototype.exec */
  INTRINSIC_REGEXP_STRING_ITERATOR_PROTOTYPE,
  INTRINSIC_REGEXP_ATOMS,            /* the property names RegExp uses per match */
  INTRINSIC_REGEXP_LAST_SUBJECT,     /* the string of the last match (RegExp.lastMatch...) */
  INTRINSIC_REGEXP_LAST_INPUT,       /* RegExp.input: that string, or what was assigned */
  INTRINSIC_MAP_PROTOTYPE,           /* ecma/map.c: Map, Set, WeakMap, WeakSet */
  INTRINSIC_SET_PROTOTYPE,
  INTRINSIC_WEAKMAP_PROTOTYPE,
  INTRINSIC_WEAKSET_PROTOTYPE,
  INTRINSIC_MAP_ITERATOR_PROTOTYPE,
  INTRINSIC_SET_ITERATOR_PROTOTYPE,
  INTRINSIC_WEAK_REF_PROTOTYPE,      /* ecma/weakref.c: WeakRef, FinalizationRegistry */
  INTRINSIC_FINALIZATION_REGISTRY_PROTOTYPE,
  INTRINSIC_AGGREGATE_ERROR_PROTOTYPE, /* ecma/error.c */
  INTRINSIC_CALL_SITE_PROTOTYPE,     /* ecma/callsite.c, made when first needed */
  INTRINSIC_ARRAY_BUFFER,            /* ecma/arraybuffer.c: the constructor, and */
  INTRINSIC_ARRAY_BUFFER_PROTOTYPE,
  INTRINSIC_DATA_VIEW_PROTOTYPE,     /* ecma/dataview.c */
  INTRINSIC_TYPED_ARRAY,             /* ecma/typedarray.c: %TypedArray%, */
  INTRINSIC_TYPED_ARRAY_PROTOTYPE,
  INTRINSIC_TYPED_CONSTRUCTORS,      /* then Int8Array..Float64Array (VMTypedKind order), */
  INTRINSIC_TYPED_PROTOTYPES = INTRINSIC_TYPED_CONSTRUCTORS + VM_TYPED_COUNT, /* and theirs */
  INTRINSIC_TYPED_PROTOTYPES_END = INTRINSIC_TYPED_PROTOTYPES + VM_TYPED_COUNT - 1,
  INTRINSIC_ASSERT,                  /* node/assert.c: the module, made on first require */
  INTRINSIC_ASSERTION_ERROR_PROTOTYPE,
  INTRINSIC_DOM_EXCEPTION,           /* node/clone.c: made on first use (the global or a */
  INTRINSIC_DOM_EXCEPTION_PROTOTYPE, /* DataCloneError), */
  INTRINSIC_DOM_EXCEPTION_DATA,      /* and the symbol its instances keep their data under */
  INTRINSIC_LAZY_ASSIGNED,           /* node/lazy_globals.c: what was assigned to Buffer or performance */
  STDLIB_INTRINSIC_END
} StdlibIntrinsic;
//< stdlib.intrinsics
_Static_assert((int)STDLIB_INTRINSIC_END <= (int)INTRINSIC_HOST_END,
               "vm/vm.h: INTRINSIC_HOST_END is too small");

/* Installs every global and module. argv[script_index] is the script (process.argv). */
void stdlib_install(Host *host, int argc, char **argv, int script_index);
/* --expose-gc: the global gc(), a full collection. */
void stdlib_expose_gc(VM *vm);

/* The modules written in JavaScript (stdlib/SUBSYSTEM/lib/NAME.js), embedded at build
 * time by stdlib/embed-js.sh; the table ends with a NULL name. Their native parts are
 * C modules registered under internal/ names, which only built-in modules may require. */
typedef struct StdlibJsModule {
  const char *name, *source;
  size_t length;
} StdlibJsModule;
extern const StdlibJsModule stdlib_js_modules[];
/* The REPL (stdlib/node/repl.c) on stdin and stdout, a terminal or not, running on the
 * host's loop until .exit or the end of input; returns the process exit code. */
int stdlib_repl(Host *host);
/* node -p: prints a completion value as console.log would (a string raw). */
void stdlib_print_result(Host *host, Value result);
/* Prints the pending exception as Node prints an uncaught one (source line, caret,
 * inspected error, version line) and clears it. */
void stdlib_report_uncaught(Host *host);
/* The process is ending with status: runs process 'exit' listeners, flushes output,
 * returns the final exit code. */
int stdlib_exit(Host *host, int status);

#endif

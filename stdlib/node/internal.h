/* internal.h - what the files of stdlib/node/ (and stdlib/node/http/) share.
 * Book: chapter 11, "Files", and chapter 12, "Networking".
 *
 * Node's system errors (fs.c), its argument errors and validators (validate.c), the
 * event emitter's core (events.c), and the body of the constructors scripts may not call.
 */
#ifndef TN_STDLIB_NODE_INTERNAL_H
#define TN_STDLIB_NODE_INTERNAL_H

#include "stdlib/node/node.h"
#include "stdlib/stdlib.h"

/* An Error shaped like Node's system errors: message "CODE: description, syscall 'path'"
 * and own errno, code, syscall, path properties. err is a positive errno; path may be NULL. */
Value node_system_error(VM *vm, int err, const char *syscall, const char *path);
/* The same with a second path (rename, link, copyfile, symlink): "syscall 'path' ->
 * 'dest'" and an own dest property. */
Value node_system_error_dest(VM *vm, int err, const char *syscall, const char *path,
                             const char *dest);
/* internal/fs's functions, one per operation of fs_ops.c, and constants (fs_binding.c). */
bool fs_binding_define(VM *vm, Value obj);
/* Node's (libuv's) name for an errno value ("ENOENT") and its description. */
const char *errno_code_name(int err);
const char *errno_description(int err);
/* A DOMException (clone.c) with node's name and message (the legacy code follows from the
 * name), not thrown; the
 * stack is captured here. VALUE_EXCEPTION if capturing threw. */
Value node_dom_exception_new(VM *vm, const char *name, Value message);
/* The body of constructors scripts may not call (Timeout, process): a TypeError. */
Value node_illegal_constructor(VM *vm, Value this_value, int argc, Value *argv);

/* ==== Node's argument errors (validate.c) ====
 * Each node_throw_* throws a TypeError or RangeError with node's `code` and message and
 * returns VALUE_EXCEPTION; each node_validate_* returns true (or the UTF-8 path) when the
 * value passes, else false (NULL) with that error pending. `name` is the argument's name
 * as node spells it ("path", "cb", "options.encoding"). */

/* An error (kind ERR_ERROR, ERR_TYPE or ERR_RANGE) with own stack, code and message in
 * node's order; its stack reads "TypeError [CODE]: message". Unrooted. */
Value node_error_new(VM *vm, ErrorKind kind, const char *code, Value message);
/* Throws error; were it uncaught right there, node would report `origin` (its own source
 * line and caret) instead of the script's line. Returns VALUE_EXCEPTION. */
Value node_throw_from(VM *vm, Value error, const char *origin);
/* node_throw_from, and the report of it uncaught shows `stack` (a string) in place of
 * the error's own stack, as node's kEnhanceStackBeforeInspector does. */
Value node_throw_enhanced(VM *vm, Value error, const char *origin, Value stack);
/* That stack, while the exception is still in flight from there; else undefined. */
Value node_error_enhanced_stack(VM *vm, Value exception, SourceSite site);
/* Changes the origin of the error node_throw_* just threw; returns VALUE_EXCEPTION. */
Value node_error_set_origin(VM *vm, const char *origin);
extern const char *const NODE_ORIGIN_VALIDATOR; /* node:internal/errors:541, throw error; */
/* For the uncaught report: the origin recorded for exception if it is still in flight
 * from where node_throw_from threw it, else NULL. */
const char *node_error_origin(VM *vm, Value exception, SourceSite site);
/* Appends node's description of a received value ("type number (1)", "an instance of
 * Object", "function f", "undefined") to sb. VALUE_TRUE, or VALUE_EXCEPTION if a getter threw. */
Value node_describe_received(VM *vm, StrBuf *sb, Value v);
/* ERR_INVALID_ARG_TYPE: 'The "name" argument must be EXPECTED. Received ...'; expected as
 * node words it: "of type function", "an instance of Array". */
Value node_throw_arg_type(VM *vm, const char *name, const char *expected, Value actual);
/* ERR_INVALID_ARG_VALUE: "The argument 'name' REASON. Received <inspect(value)>"; NULL
 * reason is node's "is invalid". */
Value node_throw_arg_value(VM *vm, const char *name, Value value, const char *reason);
/* ERR_OUT_OF_RANGE (a RangeError): 'The value of "name" is out of range. It must be RANGE.
 * Received <value>'. */
Value node_throw_out_of_range(VM *vm, const char *name, const char *range, Value received);
bool node_validate_function(VM *vm, Value v, const char *name);
bool node_validate_string(VM *vm, Value v, const char *name);
/* An integer number from min to max. */
bool node_validate_integer(VM *vm, Value v, const char *name, double min, double max);
/* A path argument: a string without NUL characters, as UTF-8 to free(), or NULL. */
char *node_validate_path(VM *vm, Value v, const char *name);

/* ==== The web globals (web.c, clone.c, lib/internal/event_target.js) ==== */

/* The DOMException constructor, made on first use. */
Value clone_dom_exception(VM *vm);
/* internal/event_target's export `name` (AbortSignal, validateAbortSignal, ...), loading
 * the module on first use; VALUE_EXCEPTION if that threw. */
Value web_export(VM *vm, const char *name);

/* ==== Signals (signals.c) ==== */

/* Before a listener is stored on process: the first one for a signal's name starts
 * watching it (node's error for SIGKILL or SIGSTOP). VALUE_UNDEFINED or VALUE_EXCEPTION;
 * nothing for any other emitter or name. */
Value signals_listen(VM *vm, Value emitter, Value name);
/* After a listener was removed from process: with none left for a signal's name, the
 * signal gets its default action back. */
Value signals_unlisten(VM *vm, Value emitter, Value name);
/* A signal's number from its name ("SIGINT"), or 0. */
int signals_number(const char *name);
/* The first name of a signal number (SIGABRT rather than SIGIOT), or NULL. */
const char *signals_name(int number);
/* os.constants.signals: a new null-prototype object, name -> number, in node's order. */
Value signals_object(VM *vm);
/* process.kill, for process_create. */
const VMPropDef *signals_props(void);
/* node's ErrnoException: message "syscall CODE", own errno (negative), code, syscall.
 * err is a positive errno. Unrooted. */
Value node_errno_error(VM *vm, int err, const char *syscall);

/* process.getuid ... setuid, getgroups, setgroups, initgroups, for process_create
 * (credentials.c). */
const VMPropDef *credentials_props(void);
/* loadEnvFile, getBuiltinModule, features and the rest (process_members.c). */
const VMPropDef *process_members_props(void);

/* A "Key:   N kB" line of /proc/meminfo in bytes ("MemAvailable:"), or -1 (os.c). */
double os_meminfo(const char *key);

/* process.memoryUsage (with .rss), cpuUsage, resourceUsage, umask (usage.c). */
void usage_install(VM *vm, Value process);
/* The moment the process began (process_create notes it), and the milliseconds since,
 * on the monotonic clock: process.uptime and performance.now. */
void usage_note_start(VM *vm);
double usage_elapsed_ms(VM *vm);


/* ==== Terminals (tty.c) ==== */

/* getColorDepth and hasColors, as tty.WriteStream.prototype has them: process.stdout and
 * process.stderr get them when they are terminals. */
const VMPropDef *tty_stream_methods(void);

/* ==== The event emitter (events.c) ==== */

/* EventEmitter.prototype (emit, on, once, off, ...), which every emitter (process, the
 * http server, requests, responses) inherits. Made with EventEmitter on first use. */
/* timers.c, for timers/promises: setTimeout/setInterval(callback, delay) and
 * setImmediate(callback) from C (the handle, or VALUE_EXCEPTION), and handle.unref(). */
Value timers_start(VM *vm, bool repeat, int argc, Value *argv);
Value timers_start_immediate(VM *vm, int argc, Value *argv);
void timers_unref(VM *vm, Value handle);

/* warning.c: process.emitWarning and its default listener; node_emit_warning is
 * process.emitWarning(message, type, code) for C (type and code may be NULL), returning
 * the warning object (or undefined when silenced). */
void warning_install(VM *vm, Value process, int argc, char **argv, int script_index);
Value node_emit_warning(VM *vm, const char *message, const char *type, const char *code);

Value events_prototype(VM *vm);
/* Calls every listener of `name` with this = emitter. Returns true if there were
 * listeners, false if none, or VALUE_EXCEPTION if one threw. */
Value events_emit(VM *vm, Value emitter, Value name, int argc, const Value *argv);
Value events_emit_str(VM *vm, Value emitter, const char *name, int argc, const Value *argv);

/* ==== assert (assert.c, assert_error.c, compare.c) ==== */

/* Deep equality as util.isDeepStrictEqual (strict) and assert.deepEqual (loose) see it:
 * VALUE_TRUE, VALUE_FALSE, or VALUE_EXCEPTION if a getter or proxy trap threw. */
Value node_deep_equal(VM *vm, Value a, Value b, bool strict);
/* What an AssertionError is made from (node's constructor options). */
typedef struct AssertFailure {
  Value actual, expected;
  Value message;        /* undefined: generate one from the operator */
  Value operator_value; /* a string ('strictEqual', '==') or undefined */
} AssertFailure;
/* A new AssertionError (unrooted), or VALUE_EXCEPTION if inspecting a value threw. */
Value assert_error_new(VM *vm, const AssertFailure *f);
/* The AssertionError constructor, made once per module. */
Value assert_error_class(VM *vm);
/* inspect(v, { depth }) as UTF-8 to free(), or NULL with an exception pending. */
char *assert_inspect(VM *vm, Value v, int depth);

#endif

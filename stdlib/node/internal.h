/* internal.h - what the files of stdlib/node/ (and stdlib/node/http/) share.
 * Book: chapter 11, "Files", and chapter 12, "Networking".
 *
 * Node's system errors (fs.c), the event emitter's core (events.c), and the body of
 * the constructors scripts may not call.
 */
#ifndef TN_STDLIB_NODE_INTERNAL_H
#define TN_STDLIB_NODE_INTERNAL_H

#include "stdlib/node/node.h"
#include "stdlib/stdlib.h"

/* An Error shaped like Node's system errors: message "CODE: description, syscall 'path'"
 * and own errno, code, syscall, path properties. err is a positive errno; path may be NULL. */
Value node_system_error(VM *vm, int err, const char *syscall, const char *path);
/* Node's (libuv's) name for an errno value ("ENOENT") and its description. */
const char *errno_code_name(int err);
const char *errno_description(int err);
/* The body of constructors scripts may not call (Timeout, process): a TypeError. */
Value node_illegal_constructor(VM *vm, Value this_value, int argc, Value *argv);

/* ==== The event emitter (events.c) ==== */

/* EventEmitter.prototype (emit, on, once, off, ...), which every emitter (process, the
 * http server, requests, responses) inherits. Made with EventEmitter on first use. */
Value events_prototype(VM *vm);
/* Calls every listener of `name` with this = emitter. Returns true if there were
 * listeners, false if none, or VALUE_EXCEPTION if one threw. */
Value events_emit(VM *vm, Value emitter, Value name, int argc, const Value *argv);
Value events_emit_str(VM *vm, Value emitter, const char *name, int argc, const Value *argv);

#endif

/* stdlib_private.h - what the files of stdlib/ share with each other (not main.c).
 * Book: chapter 7, "The standard library".
 */
#ifndef TN_STDLIB_PRIVATE_H
#define TN_STDLIB_PRIVATE_H

#include "runtime/runtime.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

/* The globals and modules, one maker per file. */
Value process_create(Host *host, int argc, char **argv, int script_index);
void timers_install(Host *host);       /* setTimeout, setInterval, setImmediate, clear* */
Value fs_module_create(Host *host);    /* require('fs') */
Value http_module_create(Host *host);  /* require('http') */
Value path_module_create(Host *host);  /* require('path') */
Value events_module_create(Host *host); /* require('events'): the EventEmitter constructor */

/* An Error shaped like Node's system errors: message "CODE: description, syscall 'path'"
 * and own errno, code, syscall, path properties. err is a positive errno; path may be NULL. */
Value node_system_error(VM *vm, int err, const char *syscall, const char *path);
/* The body of constructors scripts may not call (Timeout, process): a TypeError. */
Value stdlib_illegal_constructor(VM *vm, Value this_value, int argc, Value *argv);
/* Node's (libuv's) name for an errno value ("ENOENT") and its description. */
const char *errno_code_name(int err);
const char *errno_description(int err);

#endif

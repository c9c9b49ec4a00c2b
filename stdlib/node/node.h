/* node.h - Node's globals and modules, as the rest of stdlib/ sees them.
 * Book: chapter 8, "The event loop"; chapter 11, "Files"; chapter 12, "Networking".
 *
 * One maker per global or module: stdlib_install (stdlib/stdlib.c) calls the first two
 * and registers the others with the host's require. Makers leave the handles they push
 * to their caller's scope (stdlib_install's, or the call of require that runs them).
 * What the files of stdlib/node/ share with each other is in stdlib/node/internal.h.
 */
#ifndef TN_STDLIB_NODE_H
#define TN_STDLIB_NODE_H

#include "runtime/runtime.h"
#include "vm/vm.h"

Value process_create(Host *host, int argc, char **argv, int script_index); /* process */
void timers_install(Host *host);        /* setTimeout, setInterval, setImmediate, clear* */
Value timers_module_create(Host *host); /* require('timers') */
Value timers_promises_module_create(Host *host); /* require('timers/promises') */
void clone_install(VM *vm);             /* structuredClone */
void web_install(VM *vm); /* EventTarget, Event, AbortController, ..., DOMException: lazy */
Value fs_module_create(Host *host);     /* require('fs') */
Value http_module_create(Host *host);   /* require('http') (stdlib/node/http/) */
Value path_module_create(Host *host);   /* require('path') */
Value events_module_create(Host *host); /* require('events'): the EventEmitter constructor */
Value util_module_create(Host *host);   /* require('util') */
Value assert_module_create(Host *host); /* require('assert') */
Value assert_strict_module_create(Host *host); /* require('assert/strict') */
Value tty_module_create(Host *host);    /* require('tty') */
/* internal/validators: node's argument errors for the modules written in JavaScript */
Value validators_module_create(Host *host);
Value stdio_module_create(Host *host);  /* require('internal/stdio'): streams' native half */
void stdio_shutdown(VM *vm);            /* at exit: raw mode off, readline's editor freed */

#endif

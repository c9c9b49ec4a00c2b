/* stdlib.h - the standard library's public interface: what main.c calls.
 * Book: chapter 7, "The standard library".
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

/* Installs every global and module. argv[script_index] is the script (process.argv). */
void stdlib_install(Host *host, int argc, char **argv, int script_index);
/* Prints the pending exception as Node prints an uncaught one (source line, caret,
 * inspected error, version line) and clears it. */
void stdlib_report_uncaught(Host *host);
/* The process is ending with status: runs process 'exit' listeners, flushes output,
 * returns the final exit code. */
int stdlib_exit(Host *host, int status);

#endif

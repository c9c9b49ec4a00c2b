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
Value fs_binding_create(Host *host);    /* require('internal/fs'): fs's natives */
Value http_module_create(Host *host);   /* require('internal/http'): the server (stdlib/node/http/) */
Value path_module_create(Host *host);   /* require('internal/path'): path's natives */
Value perf_module_create(Host *host);   /* internal/perf: now, timeOrigin (usage.c) */
Value events_module_create(Host *host); /* require('events'): the EventEmitter constructor */
Value util_module_create(Host *host);   /* require('util') */
Value assert_module_create(Host *host); /* require('assert') */
Value assert_strict_module_create(Host *host); /* require('assert/strict') */
Value tty_module_create(Host *host);    /* require('tty') */
/* internal/validators: node's argument errors for the modules written in JavaScript */
Value validators_module_create(Host *host);
Value buffer_module_create(Host *host); /* require('internal/buffer'): Buffer's natives */
Value os_module_create(Host *host);     /* require('internal/os'): os's natives (os.c) */
/* The globals Buffer, atob, btoa, TextEncoder, TextDecoder, URL, URLSearchParams,
 * performance: accessors that load their module on first use (lazy_globals.c). */
void lazy_globals_install(VM *vm);
/* Buffers for C (buffer.c): a new Buffer holding a copy of length bytes, in an
 * ArrayBuffer of its own (as node's stream chunks and fs.readFile's results), or
 * VALUE_EXCEPTION. It runs JavaScript, which may collect: bytes must not point into the
 * JavaScript heap. */
Value node_buffer_from_bytes(VM *vm, const uint8_t *bytes, size_t length);
/* A new Buffer of length bytes in an ArrayBuffer of its own, its memory C's to fill
 * (node_buffer_bytes): it stays where it is while the Buffer lives. */
Value node_buffer_alloc(VM *vm, size_t length);
/* The bytes of v when it is a Buffer or any other ArrayBuffer view (a typed array or a
 * DataView): true with *data and *length set (valid until the next allocation). */
bool node_buffer_bytes(Value v, const uint8_t **data, size_t *length);
/* A Buffer.isEncoding name (any case) as the number node_bytes_decode takes, or -1. */
int node_encoding_code(Value name);
enum { NODE_BUFFER = -1, NODE_BUFFER_POOLED = -2 }; /* node_bytes_decode's Buffers */
/* length bytes as a string in an encoding (node_encoding_code's number), as
 * buf.toString(encoding) decodes them; or a new Buffer: NODE_BUFFER as
 * node_buffer_from_bytes makes it, NODE_BUFFER_POOLED as Buffer.allocUnsafe would (small
 * ones cut from the pool, as fs.readFileSync's). */
Value node_bytes_decode(VM *vm, const uint8_t *bytes, size_t length, int encoding);
/* node's errors and warnings, for the module loader (host_set_errors). */
extern const HostErrors node_host_errors;
Value stdio_module_create(Host *host);  /* require('internal/stdio'): streams' native half */
Value tcp_module_create(Host *host);    /* require('internal/tcp'): the net module's sockets */
/* A handle of internal/tcp for conn, which reports to it from now on (the http server
 * hands over an upgraded connection); pinned while open, left on the handle stack. */
Value tcp_handle_adopt(VM *vm, NetConn *conn);
/* require('internal/spawn'): spawn and spawnSync (child_process.c) */
Value child_process_module_create(Host *host);
Value dns_module_create(Host *host);    /* require('internal/dns'): getaddrinfo on the pool */
Value crypto_module_create(Host *host); /* require('internal/crypto'): digests, random bytes */
void stdio_shutdown(VM *vm);            /* at exit: raw mode off, readline's editor freed */

#endif

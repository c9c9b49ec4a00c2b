/* fs.c - readFile's own request on the worker thread pool, and node's system errors.
 * Book: chapter 11, "Files".
 *
 *   binding.readFile(path[, options], callback)  internal/fs: read on a pool thread, call
 *                                                back from the loop (fs.readFile of a path)
 *   binding.readFileSync(path[, options])         the same, now
 *   node_system_error, node_system_error_dest    node's shape for an errno: code, errno,
 *                                                syscall, path (and dest)
 *   fs_binding_create                            require('internal/fs'): these two, and
 *                                                every other operation (fs_binding.c)
 *
 * The read happens in read_work on a worker thread (no JavaScript there); the
 * loop later runs read_done on its own thread, which builds the string or the
 * error and calls the callback. That is why readFile's callback always comes
 * after the rest of the script, as in Node. lib/fs.js sends here every readFile of a
 * path with at most an encoding; a descriptor, a flag or a signal go the general way.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

/* ==== Node's system errors ==== */

static const struct {
  int err;
  const char *code, *description;
} errno_table[] = {
    {ENOENT, "ENOENT", "no such file or directory"},  {EACCES, "EACCES", "permission denied"},
    {EISDIR, "EISDIR", "illegal operation on a directory"},
    {ENOTDIR, "ENOTDIR", "not a directory"},          {EEXIST, "EEXIST", "file already exists"},
    {ENOTEMPTY, "ENOTEMPTY", "directory not empty"},  {EMFILE, "EMFILE", "too many open files"},
    {EBADF, "EBADF", "bad file descriptor"},          {EPERM, "EPERM", "operation not permitted"},
    {EINVAL, "EINVAL", "invalid argument"},           {ENOSPC, "ENOSPC", "no space left on device"},
    {EROFS, "EROFS", "read-only file system"},        {ELOOP, "ELOOP", "too many symbolic links encountered"},
    {ENAMETOOLONG, "ENAMETOOLONG", "name too long"},  {EADDRINUSE, "EADDRINUSE", "address already in use"},
    {ECONNREFUSED, "ECONNREFUSED", "connection refused"}, {ECONNRESET, "ECONNRESET", "connection reset by peer"},
    {EPIPE, "EPIPE", "broken pipe"},                  {EAGAIN, "EAGAIN", "resource temporarily unavailable"},
    {EIO, "EIO", "i/o error"},                        {ENOMEM, "ENOMEM", "not enough memory"},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL", "address not available"},
    {ETIMEDOUT, "ETIMEDOUT", "connection timed out"},
    {ESRCH, "ESRCH", "no such process"},
    /* what else a file system call may say */
    {E2BIG, "E2BIG", "argument list too long"},      {EBUSY, "EBUSY", "resource busy or locked"},
    {ECANCELED, "ECANCELED", "operation canceled"},  {EFBIG, "EFBIG", "file too large"},
    {EFAULT, "EFAULT", "bad address in system call argument"},
    {EINTR, "EINTR", "interrupted system call"},     {EMLINK, "EMLINK", "too many links"},
    {ENFILE, "ENFILE", "file table overflow"},       {ENODEV, "ENODEV", "no such device"},
    {ENOSYS, "ENOSYS", "function not implemented"},  {ENXIO, "ENXIO", "no such device or address"},
    {ENOTSUP, "ENOTSUP", "operation not supported on socket"},
    {EOVERFLOW, "EOVERFLOW", "value too large for defined data type"},
    {ESPIPE, "ESPIPE", "invalid seek"},              {ETXTBSY, "ETXTBSY", "text file is busy"},
    {EXDEV, "EXDEV", "cross-device link not permitted"},
    {EILSEQ, "EILSEQ", "illegal byte sequence"},
    {ENOTCONN, "ENOTCONN", "socket is not connected"},
    {EHOSTUNREACH, "EHOSTUNREACH", "host is unreachable"},
    {ENETUNREACH, "ENETUNREACH", "network is unreachable"},
    {ECONNABORTED, "ECONNABORTED", "software caused connection abort"},
    {EAFNOSUPPORT, "EAFNOSUPPORT", "address family not supported"},
    {ENOBUFS, "ENOBUFS", "no buffer space available"}, /* spawnSync's maxBuffer */
    {ENOEXEC, "ENOEXEC", "exec format error"},
};

const char *errno_code_name(int err) {
  for (size_t i = 0; i < sizeof errno_table / sizeof *errno_table; i++)
    if (errno_table[i].err == err) return errno_table[i].code;
  return "UNKNOWN";
}

const char *errno_description(int err) {
  for (size_t i = 0; i < sizeof errno_table / sizeof *errno_table; i++)
    if (errno_table[i].err == err) return errno_table[i].description;
  return strerror(err);
}

//> stdlib.system-error
Value node_system_error_dest(VM *vm, int err, const char *syscall, const char *path,
                             const char *dest) {
  int mark = vm_handle_mark(vm);
  const char *code = errno_code_name(err);
  StrBuf sb = {0};
  sb_printf(&sb, "%s: %s, %s", code, errno_description(err), syscall);
  if (path) sb_printf(&sb, " '%s'", path);
  if (path && dest) sb_printf(&sb, " -> '%s'", dest);
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  Value e = vm_handle_push(vm, vm_make_error(vm, ERR_ERROR, message));
  vm_define_str(vm, e, "errno", value_from_number(-err), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "code", vm_string(vm, code), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "syscall", vm_string(vm, syscall), VM_ATTR_DEFAULT);
  if (path) vm_define_str(vm, e, "path", vm_string(vm, path), VM_ATTR_DEFAULT);
  if (path && dest) vm_define_str(vm, e, "dest", vm_string(vm, dest), VM_ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  return e;
}

Value node_system_error(VM *vm, int err, const char *syscall, const char *path) {
  return node_system_error_dest(vm, err, syscall, path, NULL);
}
//< stdlib.system-error

/* ==== Reading a whole file (any thread) ==== */

typedef struct ReadRequest {
  Host *host;
  char *path;
  int32_t callback; /* a pin */
  char *data;       /* the bytes read into C memory (all of them, or what came past size) */
  size_t length;
  int err;          /* 0, or the errno of the failing syscall */
  const char *syscall;
  int encoding;     /* what the bytes become: node_bytes_decode's encoding */
  /* A large file read as a Buffer goes straight into the Buffer's memory, in two steps:
   * the worker opens it and learns its size; the loop makes the Buffer; the worker reads. */
  int fd;           /* open between the two steps, else -1 */
  size_t size;      /* the file's size when it was opened */
  uint8_t *target;  /* the Buffer's bytes (pinned as target_pin), or NULL */
  int32_t target_pin;
  size_t filled;    /* bytes read into target */
} ReadRequest;

static Value read_result(VM *vm, ReadRequest *r);
static Value read_start_target(VM *vm, ReadRequest *r);

/* Files this large, read as a Buffer, are read straight into it (read_into_target). */
#define DIRECT_MIN 65536
#define ENCODING_BUFFER_NAME (-3) /* encoding_of's 'buffer': an error */

/* Appends everything left in fd to r->data. */
static void read_rest(ReadRequest *r, int fd, size_t capacity) {
  r->data = mem_alloc(capacity);
  for (;;) {
    if (r->length == capacity) r->data = mem_realloc(r->data, capacity *= 2);
    ssize_t n = read(fd, r->data + r->length, capacity - r->length);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) r->err = errno, r->syscall = "read";
    if (n <= 0) break;
    r->length += (size_t)n;
  }
}

/* The second step of a large read: into the Buffer's bytes, then whatever the file
 * gained since it was opened. */
static void read_into_target(ReadRequest *r) {
  while (r->filled < r->size) {
    ssize_t n = read(r->fd, r->target + r->filled, r->size - r->filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) r->err = errno, r->syscall = "read";
    if (n <= 0) break;
    r->filled += (size_t)n;
  }
  if (!r->err && r->filled == r->size) read_rest(r, r->fd, 4096);
  close(r->fd);
  r->fd = -1;
}

//> stdlib.read-work
/* Runs on a worker thread: blocking syscalls only, no JavaScript. */
static void read_work(void *data) {
  ReadRequest *r = data;
  if (r->target) {
    read_into_target(r);
    return;
  }
  int fd = open(r->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    r->err = errno, r->syscall = "open";
    return;
  }
  struct stat st; /* a regular file's size: one allocation, no copying as it grows */
  bool sized = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  if (sized && st.st_size >= DIRECT_MIN && r->encoding < 0 && r->encoding != ENCODING_BUFFER_NAME) {
    r->fd = fd, r->size = (size_t)st.st_size; /* the loop makes the Buffer */
    return;
  }
  read_rest(r, fd, sized ? (size_t)st.st_size + 1 : 65536);
  close(fd);
}
//< stdlib.read-work

static void free_request(ReadRequest *r) {
  if (r->fd >= 0) close(r->fd);
  free(r->path);
  free(r->data);
  free(r);
}

/* The error Node reports: a read of a directory says `read` and has no path. */
static Value read_error(VM *vm, ReadRequest *r) {
  return node_system_error(vm, r->err, r->syscall, r->err == EISDIR ? NULL : r->path);
}

//> stdlib.read-done
/* Runs on the loop thread once read_work finished: call back into JavaScript (unless
 * the process is exiting: the VM frees the pinned callback itself). */
static void read_done(Loop *loop, void *data, int status) {
  ReadRequest *r = data;
  if (status < 0) {
    free_request(r); /* the pins go with the VM */
    return;
  }
  VM *vm = host_vm(r->host);
  Value args[2] = {VALUE_NULL, VALUE_UNDEFINED};
  if (r->fd >= 0 && !r->target) { /* the first step of a large read: now the Buffer */
    args[1] = read_start_target(vm, r);
    if (!value_is_exception(args[1]) && pool_submit(loop, read_work, read_done, r) == 0) return;
    if (!value_is_exception(args[1])) r->err = ENOMEM, r->syscall = "read";
  }
  Value callback = vm_handle_push(vm, vm_pinned(vm, r->callback));
  vm_unpin(vm, r->callback);
  if (r->err) args[0] = vm_handle_push(vm, read_error(vm, r));
  else if (!value_is_exception(args[1])) args[1] = read_result(vm, r);
  bool failed = r->err || value_is_exception(args[1]); /* a string too long for V8 */
  if (value_is_exception(args[1])) args[0] = vm_take_exception(vm), args[1] = VALUE_UNDEFINED;
  if (r->target) vm_unpin(vm, r->target_pin); /* a failed large read */
  vm_handle_push(vm, args[0]), vm_handle_push(vm, args[1]);
  host_call(r->host, callback, VALUE_UNDEFINED, failed ? 1 : 2, args);
  free_request(r); /* and the loop drops our handles */
}
//< stdlib.read-done

/* ==== Arguments ==== */

/* Where node throws the errors of getOptions and assertEncoding (lib/internal/fs/utils.js):
 * not in a validator, so an uncaught one is reported at these lines. */
static const char ORIGIN_OPTIONS[] =
    "node:internal/fs/utils:331\n"
    "    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);\n"
    "    ^";
static const char ORIGIN_ENCODING[] =
    "node:internal/fs/utils:158\n"
    "    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);\n"
    "    ^";

/* Buffer.isEncoding: the names node knows, in any case. */
static bool is_node_encoding(const char *name) {
  static const char *const known[] = {"utf8", "utf-8", "hex", "base64", "base64url", "ascii",
                                      "latin1", "binary", "ucs2", "ucs-2", "utf16le", "utf-16le"};
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (!strcasecmp(name, known[i])) return true;
  return false;
}

//> stdlib.fs-options
/* getOptions: the encoding from a string or an { encoding } object, checked as node checks
 * it (ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE). Returns true for UTF-8, false for no
 * encoding (a Buffer), null for 'buffer', another encoding's name, or VALUE_EXCEPTION. */
#define VALUE_BUFFER_NAME VALUE_NULL /* encoding_of's answer for 'buffer' */

static Value encoding_of(VM *vm, Value options) {
  if (value_is_nullish(options) || vm_is_callable(options)) return VALUE_FALSE;
  if (!value_is_string(options) && !value_is_object(options))
    return node_throw_arg_type(vm, "options", "one of type string or object", options),
           node_error_set_origin(vm, ORIGIN_OPTIONS);
  Value enc = value_is_object(options) ? vm_get_str(vm, options, "encoding") : options;
  if (value_is_exception(enc)) return enc;
  if (!vm_truthy(enc)) return VALUE_FALSE;
  char *name = value_is_string(enc) ? vm_to_utf8(vm, enc, NULL) : NULL;
  bool buffer = name && !strcmp(name, "buffer"), known = name && is_node_encoding(name);
  bool utf8 = known && !strncasecmp(name, "utf", 3) && (name[3] == '8' || !strcmp(name + 3, "-8"));
  free(name);
  if (!known && !buffer)
    return node_throw_arg_value(vm, "encoding", enc, "is invalid encoding"),
           node_error_set_origin(vm, ORIGIN_ENCODING);
  return utf8 ? VALUE_TRUE : buffer ? VALUE_BUFFER_NAME : enc;
}

/* The encoding a read returns its bytes in: node_encoding_code's number, or a Buffer
 * (readFileSync's cut from the pool, readFile's not: node's are made that way). */
static int encoding_code(VM *vm, Value enc, bool sync) {
  if (enc == VALUE_FALSE) return sync ? NODE_BUFFER_POOLED : NODE_BUFFER;
  if (enc == VALUE_BUFFER_NAME) return ENCODING_BUFFER_NAME;
  return node_encoding_code(enc == VALUE_TRUE ? vm_atom(vm, "utf8") : enc);
}

/* The result of a read: the bytes decoded, or node's error for the encoding 'buffer',
 * which passes the option checks but not buf.toString. */
/* The Buffer a large read fills: made and pinned here, on the loop thread. */
static Value read_start_target(VM *vm, ReadRequest *r) {
  Value b = node_buffer_alloc(vm, r->size);
  const uint8_t *bytes;
  size_t length;
  if (value_is_exception(b)) return b;
  node_buffer_bytes(b, &bytes, &length);
  r->target = (uint8_t *)bytes;
  r->target_pin = vm_pin(vm, b);
  return VALUE_UNDEFINED;
}

/* A large read's Buffer: the one it filled, or, when the file changed size while it was
 * read, a new one of the bytes there were. */
static Value target_result(VM *vm, ReadRequest *r) {
  Value b = vm_handle_push(vm, vm_pinned(vm, r->target_pin));
  uint8_t *filled = r->target;
  vm_unpin(vm, r->target_pin);
  r->target = NULL;
  if (r->filled == r->size && r->length == 0) return b;
  size_t n = r->filled + r->length;
  char *all = mem_alloc(n + 1);
  memcpy(all, filled, r->filled);
  if (r->length) memcpy(all + r->filled, r->data, r->length);
  Value result = node_bytes_decode(vm, (uint8_t *)all, n, r->encoding);
  free(all);
  return result;
}

static Value read_result(VM *vm, ReadRequest *r) {
  if (r->target) return target_result(vm, r);
  if (r->encoding != ENCODING_BUFFER_NAME)
    return node_bytes_decode(vm, (uint8_t *)r->data, r->length, r->encoding);
  Value message = vm_handle_push(vm, vm_string(vm, "Unknown encoding: buffer"));
  return vm_throw(vm, node_error_new(vm, ERR_TYPE, "ERR_UNKNOWN_ENCODING", message));
}
//< stdlib.fs-options

/* isFd (isInt32): node converts the path to a number first, so a Symbol or an object
 * without a primitive value throws here. A number path is a descriptor tinynode cannot
 * read yet: say so rather than name the wrong error. */
static Value reject_fd(VM *vm, Value path) {
  if (value_is_symbol(path) || (value_is_object(path) && !vm_is_callable(path))) {
    Value n = vm_to_number(vm, path);
    if (value_is_exception(n)) return n;
  }
  double d = value_is_number(path) ? value_to_number(path) : NAN;
  if (d >= INT32_MIN && d <= INT32_MAX && d == trunc(d))
    return vm_throw_error(vm, ERR_TYPE, "tinynode does not read file descriptors yet");
  return VALUE_TRUE;
}

/* ==== fs.readFile, fs.readFileSync ==== */

/* readFile(path[, options], cb): node checks cb, then options, then path. */
static Value fs_read_file(VM *vm, Value this_value, int argc, Value *argv) {
  Value path = argc > 0 ? argv[0] : VALUE_UNDEFINED, options = argc > 1 ? argv[1] : VALUE_UNDEFINED;
  Value callback = argc > 2 && vm_truthy(argv[2]) ? argv[2] : options; /* callback ||= options */
  if (!node_validate_function(vm, callback, "cb")) return VALUE_EXCEPTION;
  Value ok = encoding_of(vm, options);
  Value fd = value_is_exception(ok) ? ok : reject_fd(vm, path);
  char *file = value_is_exception(fd) ? NULL : node_validate_path(vm, path, "path");
  if (!file) return VALUE_EXCEPTION;
  ReadRequest *r = mem_calloc(1, sizeof *r);
  r->fd = -1;
  r->encoding = encoding_code(vm, ok, false);
  r->host = host_of(vm);
  r->path = file;
  r->callback = vm_pin(vm, callback);
  int err = pool_submit(host_loop(r->host), read_work, read_done, r);
  if (err) {
    vm_unpin(vm, r->callback);
    free_request(r);
    return vm_throw(vm, node_system_error(vm, -err, "uv_queue_work", NULL));
  }
  return VALUE_UNDEFINED;
}

/* readFileSync(path[, options]): options first, then path, as node. */
static Value fs_read_file_sync(VM *vm, Value this_value, int argc, Value *argv) {
  ReadRequest r = {.fd = -1};
  Value path = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  Value ok = encoding_of(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED);
  Value fd = value_is_exception(ok) ? ok : reject_fd(vm, path);
  if (value_is_exception(fd) || !(r.path = node_validate_path(vm, path, "path")))
    return VALUE_EXCEPTION;
  r.encoding = encoding_code(vm, ok, true);
  read_work(&r);
  if (!r.err && r.fd >= 0) { /* a large file: into a Buffer made now */
    ok = read_start_target(vm, &r);
    if (!value_is_exception(ok)) read_work(&r);
  }
  if (!value_is_exception(ok)) ok = r.err ? vm_throw(vm, read_error(vm, &r)) : read_result(vm, &r);
  if (r.target) vm_unpin(vm, r.target_pin);
  if (r.fd >= 0) close(r.fd);
  free(r.path);
  free(r.data);
  return ok;
}

static const VMPropDef fs_props[] = {
    VM_FN_ENUM("readFile", fs_read_file, 3),
    VM_FN_ENUM("readFileSync", fs_read_file_sync, 2),
    VM_PROPS_END,
};

/* require('internal/fs'): readFile's own request, and every other operation
 * (fs_binding.c). lib/fs.js builds the module on it. */
Value fs_binding_create(Host *host) {
  VM *vm = host_vm(host);
  Value fs = vm_handle_push(vm, vm_object_new(vm));
  if (!vm_define_props(vm, fs, fs_props) || !fs_binding_define(vm, fs)) return VALUE_EXCEPTION;
  return fs;
}

/* fs.c - the `fs` module: reading files on the worker thread pool.
 * Book: chapter 11, "Files".
 *
 *   fs.readFile(path[, options], callback)   read on a pool thread, call back from the loop
 *   fs.readFileSync(path[, options])          the same, now
 *   node_system_error                        Node's shape for an errno: code, errno, syscall, path
 *
 * The read happens in read_work on a worker thread (no JavaScript there); the
 * loop later runs read_done on its own thread, which builds the string or the
 * error and calls the callback. That is why readFile's callback always comes
 * after the rest of the script, as in Node.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
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
Value node_system_error(VM *vm, int err, const char *syscall, const char *path) {
  int mark = vm_handle_mark(vm);
  const char *code = errno_code_name(err);
  char *message = mem_alloc(strlen(code) + strlen(syscall) + (path ? strlen(path) : 0) + 128);
  if (path) sprintf(message, "%s: %s, %s '%s'", code, errno_description(err), syscall, path);
  else sprintf(message, "%s: %s, %s", code, errno_description(err), syscall);
  Value e = vm_handle_push(vm, vm_make_error(vm, ERR_ERROR, vm_handle_push(vm, vm_string(vm, message))));
  free(message);
  vm_define_str(vm, e, "errno", value_from_number(-err), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "code", vm_string(vm, code), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "syscall", vm_string(vm, syscall), VM_ATTR_DEFAULT);
  if (path) vm_define_str(vm, e, "path", vm_string(vm, path), VM_ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  return e;
}
//< stdlib.system-error

/* ==== Reading a whole file (any thread) ==== */

typedef struct ReadRequest {
  Host *host;
  char *path;
  int32_t callback; /* a pin */
  char *data;
  size_t length;
  int err;          /* 0, or the errno of the failing syscall */
  const char *syscall;
} ReadRequest;

//> stdlib.read-work
/* Runs on a worker thread: blocking syscalls only, no JavaScript. */
static void read_work(void *data) {
  ReadRequest *r = data;
  int fd = open(r->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    r->err = errno, r->syscall = "open";
    return;
  }
  size_t capacity = 65536;
  r->data = mem_alloc(capacity);
  for (;;) {
    if (r->length == capacity) r->data = mem_realloc(r->data, capacity *= 2);
    ssize_t n = read(fd, r->data + r->length, capacity - r->length);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) r->err = errno, r->syscall = "read";
    if (n <= 0) break;
    r->length += (size_t)n;
  }
  close(fd);
}
//< stdlib.read-work

static void free_request(ReadRequest *r) {
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
    free_request(r);
    return;
  }
  VM *vm = host_vm(r->host);
  Value callback = vm_handle_push(vm, vm_pinned(vm, r->callback));
  vm_unpin(vm, r->callback);
  Value args[2] = {VALUE_NULL, VALUE_UNDEFINED};
  if (r->err) args[0] = vm_handle_push(vm, read_error(vm, r));
  else args[1] = vm_handle_push(vm, vm_string_n(vm, r->data, r->length));
  host_call(r->host, callback, VALUE_UNDEFINED, r->err ? 1 : 2, args);
  free_request(r); /* and the loop drops our handles */
}
//< stdlib.read-done

/* ==== Arguments ==== */

/* The encoding from a string or an { encoding } object; NULL means "give a Buffer". */
static Value encoding_of(VM *vm, Value options, bool *is_utf8) {
  Value enc = value_is_object(options) && !vm_is_callable(options) ? vm_get_str(vm, options, "encoding")
                                                                   : options;
  if (value_is_exception(enc)) return enc;
  *is_utf8 = false;
  if (value_is_nullish(enc) || vm_is_callable(enc))
    return vm_throw_error(vm, ERR_TYPE, "tinynode does not support Buffers yet: "
                                        "pass an encoding such as 'utf8' to read text");
  char *name = value_is_string(enc) ? vm_to_utf8(vm, enc, NULL) : mem_strdup("?");
  *is_utf8 = !strcmp(name, "utf8") || !strcmp(name, "utf-8") || !strcmp(name, "UTF-8") ||
             !strcmp(name, "UTF8");
  Value r = *is_utf8 ? VALUE_TRUE
                     : vm_throw_error(vm, ERR_TYPE, "tinynode does not support the '%s' encoding yet", name);
  free(name);
  return r;
}

static Value path_argument(VM *vm, Value path, char **out) {
  if (!value_is_string(path))
    return vm_throw_error(vm, ERR_TYPE, "The \"path\" argument must be of type string");
  *out = vm_to_utf8(vm, path, NULL);
  return VALUE_TRUE;
}

/* ==== fs.readFile, fs.readFileSync ==== */

static Value fs_read_file(VM *vm, Value this_value, int argc, Value *argv) {
  Value callback = argc > 0 ? argv[argc - 1] : VALUE_UNDEFINED;
  if (!vm_is_callable(callback))
    return vm_throw_error(vm, ERR_TYPE, "The \"cb\" argument must be of type function");
  bool utf8;
  char *path = NULL;
  Value ok = path_argument(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, &path);
  if (value_is_exception(ok)) return ok;
  ok = encoding_of(vm, argc > 2 ? argv[1] : VALUE_UNDEFINED, &utf8);
  if (value_is_exception(ok)) {
    free(path);
    return ok;
  }
  ReadRequest *r = mem_calloc(1, sizeof *r);
  r->host = host_of(vm);
  r->path = path;
  r->callback = vm_pin(vm, callback);
  int err = pool_submit(host_loop(r->host), read_work, read_done, r);
  if (err) {
    vm_unpin(vm, r->callback);
    free_request(r);
    return vm_throw(vm, node_system_error(vm, -err, "uv_queue_work", NULL));
  }
  return VALUE_UNDEFINED;
}

static Value fs_read_file_sync(VM *vm, Value this_value, int argc, Value *argv) {
  bool utf8;
  ReadRequest r = {0};
  Value ok = path_argument(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, &r.path);
  if (value_is_exception(ok)) return ok;
  ok = encoding_of(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED, &utf8);
  if (!value_is_exception(ok)) {
    read_work(&r);
    ok = r.err ? vm_throw(vm, read_error(vm, &r)) : vm_string_n(vm, r.data, r.length);
  }
  free(r.path);
  free(r.data);
  return ok;
}

static const VMPropDef fs_props[] = {
    VM_FN_ENUM("readFile", fs_read_file, 3),
    VM_FN_ENUM("readFileSync", fs_read_file_sync, 2),
    VM_PROPS_END,
};

Value fs_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value fs = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, fs, fs_props);
  return fs;
}

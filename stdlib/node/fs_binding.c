/* fs_binding.c - internal/fs: one native function per file system operation, each
 * called synchronously or with a callback that the thread pool answers.
 * Book: chapter 11, "Files".
 *
 *   binding.NAME(...args)       runs fs_ops_table's NAME now: its result, or node's error thrown
 *   binding.NAME(...args, cb)   runs it on a pool worker; later cb(err) or cb(null, result)
 *   binding.constants           fs.constants: this system's O_*, S_*, F_OK ... values
 *
 * The JavaScript above (lib/fs.js, lib/fs/promises.js) checks every argument as node
 * does before calling here, so a bad argument reaching C is a bug in the library: it
 * gets a plain TypeError. A string path becomes UTF-8; bytes to write are copied, so the
 * worker never reads the JavaScript heap; bytes read land in C memory first and are
 * copied into the caller's Buffer (kept alive by a pin) back on the loop thread.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* O_NOATIME, O_DIRECT */
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/node/fs_ops.h"
#include "stdlib/node/internal.h"

/* A request on its way through the pool: the operation and what it must call back. */
typedef struct FsJob {
  FsReq req;
  Host *host;
  int32_t callback; /* pins */
  int32_t target;   /* read's Buffer, or -1 */
} FsJob;

/* ==== Arguments to a request ==== */

/* Fills r from argv by the operation's letters; false with a TypeError pending.
 * *target is read's Buffer. */
static bool fill_request(VM *vm, FsReq *r, int argc, Value *argv, Value *target) {
  const char *letters = fs_ops_table[r->op].args;
  int ints = 0, nums = 0;
  for (int k = 0; letters[k]; k++) {
    Value v = k < argc ? argv[k] : VALUE_UNDEFINED;
    const uint8_t *bytes;
    size_t length;
    switch (letters[k]) {
    case 'p':
      if (!value_is_string(v)) goto bad;
      *(r->path ? &r->dest : &r->path) = vm_to_utf8(vm, v, NULL);
      break;
    case 'i':
    case 'n':
      if (!value_is_number(v)) goto bad;
      if (letters[k] == 'i') r->i[ints++] = (int)(int64_t)value_to_number(v);
      else r->n[nums++] = value_to_number(v);
      break;
    case 'w':
      if (!node_buffer_bytes(v, &bytes, &length)) goto bad;
      r->bytes = mem_alloc(length ? length : 1), r->length = length;
      if (length) memcpy(r->bytes, bytes, length);
      break;
    case 'r':
      if (!node_buffer_bytes(v, &bytes, &length)) goto bad;
      *target = v;
      break;
    }
  }
  return true;
bad:
  vm_throw_error(vm, ERR_TYPE, "internal/fs: bad arguments");
  return false;
}

/* ==== Results ==== */

/* A failed request as node reports it: code, errno, syscall, and the paths. */
static Value request_error(VM *vm, FsReq *r) {
  return node_system_error_dest(vm, r->err, r->syscall, r->no_path ? NULL : r->path, r->dest);
}

static Value number_array(VM *vm, const double *numbers, size_t n) {
  Value a = vm_handle_push(vm, vm_array_with_capacity(vm, (uint32_t)n));
  for (size_t k = 0; k < n; k++) vm_array_push(vm, a, value_from_number(numbers[k]));
  return a;
}

/* readdir's names; with types asked for, [names, types]. */
static Value directory_entries(VM *vm, FsReq *r, bool with_types) {
  Value names = vm_handle_push(vm, vm_array_with_capacity(vm, (uint32_t)r->count));
  for (size_t k = 0; k < r->count; k++) vm_array_push(vm, names, vm_string(vm, r->names[k]));
  if (!with_types) return names;
  Value types = vm_handle_push(vm, vm_array_with_capacity(vm, (uint32_t)r->count));
  for (size_t k = 0; k < r->count; k++) vm_array_push(vm, types, value_from_number(r->types[k]));
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, names), vm_array_push(vm, pair, types);
  return pair;
}

/* read's bytes into the Buffer at its offset (never past its end: JavaScript checked
 * offset + length, but the Buffer's memory may have shrunk since). */
static Value copy_read(FsReq *r, Value target) {
  const uint8_t *data;
  size_t length, offset = (size_t)r->n[0], n = (size_t)r->result;
  if (!node_buffer_bytes(target, &data, &length) || offset > length) return value_from_number(0);
  if (n > length - offset) n = length - offset;
  if (n) memcpy((uint8_t *)data + offset, r->bytes, n);
  return value_from_number((double)n);
}

static Value request_result(VM *vm, FsReq *r, Value target) {
  switch (fs_ops_table[r->op].result) {
  case FS_R_INT: return value_from_number(r->result);
  case FS_R_STR: return r->str ? vm_string(vm, r->str) : VALUE_UNDEFINED;
  case FS_R_STAT: return number_array(vm, r->stat, FS_STAT_FIELDS);
  case FS_R_STATFS: return number_array(vm, r->stat, FS_STATFS_FIELDS);
  case FS_R_DIR: return directory_entries(vm, r, r->i[0] != 0);
  case FS_R_READ: return copy_read(r, target);
  default: return VALUE_UNDEFINED;
  }
}

/* ==== The two ways to run ==== */

//> stdlib.fs-done
/* On the loop thread after the worker ran the request: cb(err) or cb(null, result). */
static void job_done(Loop *loop, void *data, int status) {
  FsJob *job = data;
  if (status == 0) {
    VM *vm = host_vm(job->host);
    Value callback = vm_handle_push(vm, vm_pinned(vm, job->callback));
    Value target = job->target >= 0 ? vm_handle_push(vm, vm_pinned(vm, job->target)) : 0;
    vm_unpin(vm, job->callback);
    if (job->target >= 0) vm_unpin(vm, job->target);
    Value args[2] = {VALUE_NULL, VALUE_UNDEFINED};
    if (job->req.err) args[0] = vm_handle_push(vm, request_error(vm, &job->req));
    else args[1] = vm_handle_push(vm, request_result(vm, &job->req, target));
    host_call(job->host, callback, VALUE_UNDEFINED, job->req.err ? 1 : 2, args);
  }
  fs_req_clear(&job->req);
  free(job);
}

static void job_work(void *data) {
  fs_ops_run(&((FsJob *)data)->req);
}

/* binding.NAME(...args, cb): the request goes to the pool, one job per call. */
static Value run_async(VM *vm, FsJob *job, Value callback, Value target) {
  job->host = host_of(vm);
  job->callback = vm_pin(vm, callback);
  job->target = target ? vm_pin(vm, target) : -1;
  int err = pool_submit(host_loop(job->host), job_work, job_done, job);
  if (err == 0) return VALUE_UNDEFINED;
  vm_unpin(vm, job->callback);
  if (job->target >= 0) vm_unpin(vm, job->target);
  fs_req_clear(&job->req);
  free(job);
  return vm_throw(vm, node_system_error(vm, -err, "uv_queue_work", NULL));
}
//< stdlib.fs-done

static Value fs_call(VM *vm, Value this_value, int argc, Value *argv) {
  int op = vm_native_magic(vm);
  int nargs = (int)strlen(fs_ops_table[op].args);
  Value callback = argc > nargs && vm_is_callable(argv[nargs]) ? argv[nargs] : 0;
  FsJob *job = mem_calloc(1, sizeof *job);
  Value target = 0, result;
  job->req.op = op;
  if (!fill_request(vm, &job->req, argc, argv, &target)) {
    fs_req_clear(&job->req);
    free(job);
    return VALUE_EXCEPTION;
  }
  if (callback) return run_async(vm, job, callback, target);
  fs_ops_run(&job->req); /* *Sync: the system call, now */
  result = job->req.err ? vm_throw(vm, request_error(vm, &job->req))
                        : request_result(vm, &job->req, target);
  fs_req_clear(&job->req);
  free(job);
  return result;
}

/* ==== fs.constants ==== */

static const struct {
  const char *name;
  int value;
} fs_constants[] = {
    {"UV_FS_SYMLINK_DIR", 1}, {"UV_FS_SYMLINK_JUNCTION", 2}, {"O_RDONLY", O_RDONLY},
    {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"UV_DIRENT_UNKNOWN", 0},
    {"UV_DIRENT_FILE", 1}, {"UV_DIRENT_DIR", 2}, {"UV_DIRENT_LINK", 3},
    {"UV_DIRENT_FIFO", 4}, {"UV_DIRENT_SOCKET", 5}, {"UV_DIRENT_CHAR", 6},
    {"UV_DIRENT_BLOCK", 7}, {"EXTENSIONLESS_FORMAT_JAVASCRIPT", 0},
    {"EXTENSIONLESS_FORMAT_WASM", 1}, {"S_IFMT", S_IFMT}, {"S_IFREG", S_IFREG}, {"S_IFDIR", S_IFDIR},
    {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK},
    {"S_IFSOCK", S_IFSOCK}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL},
    {"UV_FS_O_FILEMAP", 0}, {"O_NOCTTY", O_NOCTTY}, {"O_TRUNC", O_TRUNC},
    {"O_APPEND", O_APPEND}, {"O_DIRECTORY", O_DIRECTORY},
#ifdef O_NOATIME
    {"O_NOATIME", O_NOATIME},
#endif
    {"O_NOFOLLOW", O_NOFOLLOW}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC},
#ifdef O_DIRECT
    {"O_DIRECT", O_DIRECT},
#endif
    {"O_NONBLOCK", O_NONBLOCK}, {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR},
    {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR}, {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP},
    {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP}, {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH},
    {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH}, {"F_OK", F_OK}, {"R_OK", R_OK},
    {"W_OK", W_OK}, {"X_OK", X_OK}, {"UV_FS_COPYFILE_EXCL", 1}, {"COPYFILE_EXCL", 1},
    {"UV_FS_COPYFILE_FICLONE", 2}, {"COPYFILE_FICLONE", 2},
    {"UV_FS_COPYFILE_FICLONE_FORCE", 4}, {"COPYFILE_FICLONE_FORCE", 4},
};

static Value constants_object(VM *vm) {
  Value c = vm_handle_push(vm, vm_object_new(vm));
  vm_set_prototype(vm, c, VALUE_NULL); /* node's is a null-prototype object */
  for (size_t k = 0; k < sizeof fs_constants / sizeof *fs_constants; k++)
    vm_define_str(vm, c, fs_constants[k].name, value_from_number(fs_constants[k].value),
                  VM_ATTR_DEFAULT);
  return c;
}

/* Every operation of fs_ops_table as a function of obj, and obj.constants. */
bool fs_binding_define(VM *vm, Value obj) {
  for (int op = 0; op < fs_ops_count; op++) {
    VMPropDef row[2] = {VM_FN_MAGIC(fs_ops_table[op].name, fs_call, 0, op), VM_PROPS_END};
    if (!vm_define_props(vm, obj, row)) return false;
  }
  vm_define_str(vm, obj, "constants", constants_object(vm), VM_ATTR_DEFAULT);
  return true;
}

/* fs_ops.h - the file system's system calls, one small function per fs operation.
 * Book: chapter 11, "Files".
 *
 * An FsReq holds one call's arguments and, after fs_ops_run, its result or its errno.
 * fs_ops.c runs it on any thread (a pool worker for the callback and promise forms, the
 * loop thread for the *Sync ones) and touches no JavaScript value; fs_binding.c
 * (`internal/fs`) fills the request from JavaScript's arguments and turns the result
 * into values.
 */
#ifndef TN_STDLIB_NODE_FS_OPS_H
#define TN_STDLIB_NODE_FS_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a finished operation gives back to JavaScript. */
typedef enum { FS_R_NONE, FS_R_INT, FS_R_STR, FS_R_STAT, FS_R_STATFS, FS_R_DIR, FS_R_READ } FsResult;

/* The fields of a Stats, in node's order (fs_binding.c makes an array of them). */
enum { FS_STAT_FIELDS = 14, FS_STATFS_FIELDS = 7 };

typedef struct FsReq {
  int op;            /* an index into fs_ops_table */
  char *path, *dest; /* UTF-8, owned; dest is the second path (rename, link, copyfile) */
  int i[3];          /* integer arguments in order: fd, flags, mode, uid, gid ... */
  double n[3];       /* number arguments in order: offset, length, position, times */
  uint8_t *bytes;    /* write: a copy of the bytes; read: where they land first */
  size_t length;
  /* the result */
  int err;             /* 0, or the errno of the failing system call */
  const char *syscall; /* that system call, as node names it */
  bool no_path;        /* node's error for it names no path */
  double result;       /* FS_R_INT, FS_R_READ: a count or a descriptor */
  double stat[FS_STAT_FIELDS];
  char *str;           /* FS_R_STR: owned, NULL for undefined */
  char **names;        /* FS_R_DIR: count owned names, sorted, and their dirent types */
  uint8_t *types;
  size_t count;
} FsReq;

typedef struct FsOp {
  const char *name;    /* the binding's function and, unless work says otherwise, the syscall */
  const char *args;    /* p path, i integer, n number, w bytes to write, r buffer to read into */
  FsResult result;
  void (*work)(FsReq *r);
} FsOp;

extern const FsOp fs_ops_table[];
extern const int fs_ops_count;

/* Runs r's operation: blocking system calls only. */
void fs_ops_run(FsReq *r);
/* Frees what r owns (not r). */
void fs_req_clear(FsReq *r);

#endif

/* fs_ops.c - the system calls behind every fs function, one small function each.
 * Book: chapter 11, "Files".
 *
 *   fs_ops_table   name, argument letters, result kind and work function of each operation
 *   fs_ops_run     runs one request (on a pool worker, or on the loop thread for *Sync)
 *
 * Nothing here touches JavaScript: a request's arguments are C strings and numbers, its
 * result a number, a string, stat fields or directory names, or an errno and the name of
 * the system call that failed (as node names it: readdir fails in "scandir").
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* statx, for a file's birth time */
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/vfs.h> /* statfs: the file system's type too */
#else
#include <sys/statvfs.h>
#endif
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/node/fs_ops.h"

#define FAIL(r, name) ((r)->err = errno, (r)->syscall = (name))
#define FD(r) ((r)->i[0])
#ifdef AT_EMPTY_PATH
#define EMPTY_PATH AT_EMPTY_PATH
#else
#define EMPTY_PATH 0
#endif

/* ==== Descriptors ==== */

static void op_open(FsReq *r) {
  int fd;
  do fd = open(r->path, r->i[0] | O_CLOEXEC, (mode_t)r->i[1]);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) FAIL(r, "open");
  else r->result = fd;
}

static void op_close(FsReq *r) {
  if (close(FD(r)) < 0 && errno != EINTR) FAIL(r, "close");
}

/* read(fd, buffer, offset, length, position): into r->bytes first (fs_binding.c copies
 * them into the buffer on the loop thread); position < 0 reads from the current one. */
static void op_read(FsReq *r) {
  size_t want = (size_t)r->n[1];
  r->bytes = mem_alloc(want ? want : 1);
  ssize_t n;
  do n = r->n[2] < 0 ? read(FD(r), r->bytes, want) : pread(FD(r), r->bytes, want, (off_t)r->n[2]);
  while (n < 0 && errno == EINTR);
  if (n < 0) FAIL(r, "read");
  else r->result = (double)n;
}

/* write(fd, bytes, position): every byte, a short write continued where it stopped. */
static void op_write(FsReq *r) {
  size_t done = 0;
  while (done < r->length) {
    ssize_t n = r->n[0] < 0 ? write(FD(r), r->bytes + done, r->length - done)
                            : pwrite(FD(r), r->bytes + done, r->length - done,
                                     (off_t)r->n[0] + (off_t)done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      FAIL(r, "write");
      return;
    }
    done += (size_t)n;
  }
  r->result = (double)done;
}

static void op_fsync(FsReq *r) {
  if (fsync(FD(r)) < 0) FAIL(r, "fsync");
}

static void op_fdatasync(FsReq *r) {
  if (fdatasync(FD(r)) < 0) FAIL(r, "fdatasync");
}

static void op_ftruncate(FsReq *r) {
  if (ftruncate(FD(r), (off_t)r->n[0]) < 0) FAIL(r, "ftruncate");
}

/* truncate(path, len): node opens the file and truncates the descriptor. */
static void op_truncate(FsReq *r) {
  int fd = open(r->path, O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    FAIL(r, "open");
    return;
  }
  if (ftruncate(fd, (off_t)r->n[0]) < 0) FAIL(r, "ftruncate"), r->no_path = true;
  close(fd);
}

/* ==== Stats ==== */

static double ms_of(struct timespec t) {
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void fill_stat(FsReq *r, const struct stat *st) {
  double *f = r->stat;
  f[0] = (double)st->st_dev, f[1] = st->st_mode, f[2] = (double)st->st_nlink;
  f[3] = st->st_uid, f[4] = st->st_gid, f[5] = (double)st->st_rdev;
  f[6] = (double)st->st_blksize, f[7] = (double)st->st_ino, f[8] = (double)st->st_size;
  f[9] = (double)st->st_blocks;
  f[10] = ms_of(st->st_atim), f[11] = ms_of(st->st_mtim), f[12] = ms_of(st->st_ctim);
  f[13] = f[12];
}

/* The birth time where the kernel keeps one (statx on Linux); else the change time. */
static void fill_birth(FsReq *r, int dirfd, const char *path, int flags) {
#if defined(__linux__) && defined(STATX_BTIME)
  struct statx sx;
  if (statx(dirfd, path, flags, STATX_BTIME, &sx) == 0 && (sx.stx_mask & STATX_BTIME))
    r->stat[13] = (double)sx.stx_btime.tv_sec * 1e3 + (double)sx.stx_btime.tv_nsec / 1e6;
#else
  (void)r, (void)dirfd, (void)path, (void)flags;
#endif
}

static void op_stat(FsReq *r) {
  struct stat st;
  if (stat(r->path, &st) < 0) FAIL(r, "stat");
  else fill_stat(r, &st), fill_birth(r, AT_FDCWD, r->path, 0);
}

static void op_lstat(FsReq *r) {
  struct stat st;
  if (lstat(r->path, &st) < 0) FAIL(r, "lstat");
  else fill_stat(r, &st), fill_birth(r, AT_FDCWD, r->path, AT_SYMLINK_NOFOLLOW);
}

static void op_fstat(FsReq *r) {
  struct stat st;
  if (fstat(FD(r), &st) < 0) FAIL(r, "fstat");
  else fill_stat(r, &st), fill_birth(r, FD(r), "", EMPTY_PATH);
}

/* statfs(path): type, bsize, blocks, bfree, bavail, files, ffree, as libuv gives them
 * (the type only where the kernel says it: statfs on Linux, statvfs elsewhere). */
static void op_statfs(FsReq *r) {
#ifdef __linux__
  struct statfs sf;
  if (statfs(r->path, &sf) < 0) {
    FAIL(r, "statfs");
    return;
  }
  double type = (double)sf.f_type;
#else
  struct statvfs sf;
  if (statvfs(r->path, &sf) < 0) {
    FAIL(r, "statfs");
    return;
  }
  double type = 0;
#endif
  double *f = r->stat;
  f[0] = type, f[1] = (double)sf.f_bsize, f[2] = (double)sf.f_blocks, f[3] = (double)sf.f_bfree;
  f[4] = (double)sf.f_bavail, f[5] = (double)sf.f_files, f[6] = (double)sf.f_ffree;
}

/* ==== Directories ==== */

/* libuv's dirent types, which node's Dirent keeps: unknown, file, dir, link, fifo,
 * socket, char, block. */
static uint8_t dirent_type(int dirfd, const char *name, unsigned char d_type) {
  struct stat st;
  mode_t m;
  switch (d_type) {
  case DT_REG: return 1;
  case DT_DIR: return 2;
  case DT_LNK: return 3;
  case DT_FIFO: return 4;
  case DT_SOCK: return 5;
  case DT_CHR: return 6;
  case DT_BLK: return 7;
  default:
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) return 0;
    m = st.st_mode;
    return S_ISREG(m) ? 1 : S_ISDIR(m) ? 2 : S_ISLNK(m) ? 3 : S_ISFIFO(m) ? 4
         : S_ISSOCK(m) ? 5 : S_ISCHR(m) ? 6 : S_ISBLK(m) ? 7 : 0;
  }
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* readdir(path, withTypes, forDir): the names sorted as libuv's scandir sorts them; for
 * a Dir (forDir 1 for opendirSync, 2 for opendir), in the directory's own order, and as in
 * node only opendirSync's failure names no path. */
static void op_readdir(FsReq *r) {
  const char *syscall = r->i[1] ? "opendir" : "scandir";
  DIR *dir = opendir(r->path);
  if (!dir) {
    FAIL(r, syscall), r->no_path = r->i[1] == 1;
    return;
  }
  size_t cap = 16;
  r->names = mem_alloc(cap * sizeof *r->names);
  for (struct dirent *e; (errno = 0, e = readdir(dir));) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    if (r->count == cap) r->names = mem_realloc(r->names, (cap *= 2) * sizeof *r->names);
    size_t n = strlen(e->d_name) + 2; /* the type rides after the name's NUL */
    char *s = memcpy(mem_alloc(n), e->d_name, n - 1);
    s[n - 1] = (char)(r->i[0] ? dirent_type(dirfd(dir), e->d_name, e->d_type) : 0);
    r->names[r->count++] = s;
  }
  if (errno) FAIL(r, syscall);
  closedir(dir);
  if (!r->i[1]) qsort(r->names, r->count, sizeof *r->names, by_name);
  r->types = mem_alloc(r->count + 1);
  for (size_t k = 0; k < r->count; k++) r->types[k] = (uint8_t)r->names[k][strlen(r->names[k]) + 1];
}

static bool is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir -p: parents first, so the first directory made is the topmost; an existing
 * directory is no error. Returns 0 or an errno. */
static int make_path(char *path, mode_t mode, char **first) {
  if (mkdir(path, mode) == 0) return *first = *first ? *first : mem_strdup(path), 0;
  if (errno == EEXIST) return is_dir(path) ? 0 : EEXIST;
  if (errno != ENOENT) return errno;
  size_t len = strlen(path);
  while (len > 1 && path[len - 1] == '/') len--;
  while (len > 0 && path[len - 1] != '/') len--;
  while (len > 1 && path[len - 1] == '/') len--;
  if (len == 0 || (len == 1 && path[0] == '/')) return ENOENT;
  char saved = path[len];
  path[len] = 0;
  int err = make_path(path, mode, first);
  path[len] = saved;
  if (err) return err;
  if (mkdir(path, mode) == 0) return *first = *first ? *first : mem_strdup(path), 0;
  return errno == EEXIST && is_dir(path) ? 0 : errno;
}

/* mkdir(path, mode, recursive): recursively, the first directory made (or none). */
static void op_mkdir(FsReq *r) {
  if (!r->i[1]) {
    if (mkdir(r->path, (mode_t)r->i[0]) < 0) FAIL(r, "mkdir");
    return;
  }
  int err = make_path(r->path, (mode_t)r->i[0], &r->str);
  if (err) r->err = err, r->syscall = "mkdir";
}

/* mkdtemp(prefix): prefix and six random characters. */
static void op_mkdtemp(FsReq *r) {
  size_t n = strlen(r->path);
  char *t = mem_alloc(n + 7);
  memcpy(t, r->path, n), memcpy(t + n, "XXXXXX", 7);
  free(r->path);
  r->path = t; /* the error names the template, as node's does */
  char *made = mkdtemp(t);
  if (made) r->str = mem_strdup(made);
  else FAIL(r, "mkdtemp"), memcpy(t + n, "XXXXXX", 7);
}

static void op_rmdir(FsReq *r) {
  if (rmdir(r->path) < 0) FAIL(r, "rmdir");
}

static void op_unlink(FsReq *r) {
  if (unlink(r->path) < 0) FAIL(r, "unlink");
}

/* rm -r of what path names (a file, a link, or a directory and all below it): at the
 * first failure, its errno and the path it happened at. Returns 0 or -1. */
static int remove_tree(FsReq *r, const char *path) {
  struct stat st;
  if (lstat(path, &st) < 0) return FAIL(r, "lstat"), -1;
  if (!S_ISDIR(st.st_mode)) return unlink(path) < 0 ? (FAIL(r, "unlink"), -1) : 0;
  DIR *dir = opendir(path);
  if (!dir) return FAIL(r, "opendir"), -1;
  size_t n = strlen(path);
  int status = 0;
  for (struct dirent *e; status == 0 && (e = readdir(dir));) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    char *child = mem_alloc(n + strlen(e->d_name) + 2);
    sprintf(child, "%s/%s", path, e->d_name);
    status = remove_tree(r, child);
    if (status < 0 && !r->str) r->str = child; /* where it failed */
    else free(child);
  }
  closedir(dir);
  if (status == 0 && rmdir(path) < 0) return FAIL(r, "rmdir"), -1;
  return status;
}

static void op_rmtree(FsReq *r) {
  if (remove_tree(r, r->path) == 0) return;
  if (r->str) free(r->path), r->path = r->str, r->str = NULL;
}

/* ==== Names ==== */

static void op_rename(FsReq *r) {
  if (rename(r->path, r->dest) < 0) FAIL(r, "rename");
}

static void op_link(FsReq *r) {
  if (link(r->path, r->dest) < 0) FAIL(r, "link");
}

static void op_symlink(FsReq *r) {
  if (symlink(r->path, r->dest) < 0) FAIL(r, "symlink");
}

static void op_readlink(FsReq *r) {
  char buf[PATH_MAX + 1];
  ssize_t n = readlink(r->path, buf, PATH_MAX);
  if (n < 0) FAIL(r, "readlink");
  else buf[n] = 0, r->str = mem_strdup(buf);
}

static void op_realpath(FsReq *r) {
  char *p = realpath(r->path, NULL);
  if (!p) FAIL(r, "realpath");
  else r->str = mem_strdup(p), free(p);
}

static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return -1;
    p += w, n -= (size_t)w;
  }
  return 0;
}

/* The bytes of in copied over out (truncated first), and in's mode given to out: 0, or
 * -1 with errno set. */
static int copy_contents(int in, int out, mode_t mode) {
  if (S_ISDIR(mode)) return errno = EISDIR, -1;
  if (ftruncate(out, 0) < 0) return -1;
  char buf[65536];
  for (ssize_t n; (n = read(in, buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || write_all(out, buf, (size_t)n) < 0) return -1;
  }
  return fchmod(out, mode & 07777);
}

/* copyfile(src, dest, mode): COPYFILE_EXCL (1) refuses an existing dest. POSIX has no
 * copy-on-write clone, so COPYFILE_FICLONE (2) copies and COPYFILE_FICLONE_FORCE (4)
 * fails with ENOTSUP. As in libuv, a file copied onto itself is left alone, and a dest
 * opened for a copy that then fails is removed. */
static void op_copyfile(FsReq *r) {
  int in = open(r->path, O_RDONLY | O_CLOEXEC);
  struct stat st, dst;
  if (in < 0 || fstat(in, &st) < 0) {
    FAIL(r, "copyfile");
    if (in >= 0) close(in);
    return;
  }
  int out = open(r->dest, O_WRONLY | O_CREAT | O_CLOEXEC | ((r->i[0] & 1) ? O_EXCL : 0),
                 st.st_mode & 07777);
  int status = out < 0 ? -1 : fstat(out, &dst);
  if (status == 0 && dst.st_dev == st.st_dev && dst.st_ino == st.st_ino) {
    close(in), close(out);
    return;
  }
  if (status == 0 && (r->i[0] & 4)) status = -1, errno = S_ISDIR(st.st_mode) ? EISDIR : ENOTSUP;
  if (status == 0) status = copy_contents(in, out, st.st_mode);
  if (out >= 0 && close(out) < 0 && status == 0) status = -1;
  if (status < 0) FAIL(r, "copyfile");
  if (status < 0 && out >= 0) unlink(r->dest);
  close(in);
}

/* ==== Permissions and times ==== */

static void op_access(FsReq *r) {
  if (access(r->path, r->i[0]) < 0) FAIL(r, "access");
}

static void op_chmod(FsReq *r) {
  if (chmod(r->path, (mode_t)r->i[0]) < 0) FAIL(r, "chmod");
}

static void op_fchmod(FsReq *r) {
  if (fchmod(FD(r), (mode_t)r->i[1]) < 0) FAIL(r, "fchmod");
}

static void op_chown(FsReq *r) {
  if (chown(r->path, (uid_t)r->i[0], (gid_t)r->i[1]) < 0) FAIL(r, "chown");
}

static void op_lchown(FsReq *r) {
  if (lchown(r->path, (uid_t)r->i[0], (gid_t)r->i[1]) < 0) FAIL(r, "lchown");
}

static void op_fchown(FsReq *r) {
  if (fchown(FD(r), (uid_t)r->i[1], (gid_t)r->i[2]) < 0) FAIL(r, "fchown");
}

/* Seconds as a timespec, to the microsecond as libuv keeps them; NaN leaves a time as it
 * is and an infinity makes it now. */
static struct timespec spec_of(double seconds) {
  struct timespec t;
  if (isnan(seconds)) return t.tv_sec = 0, t.tv_nsec = UTIME_OMIT, t;
  if (isinf(seconds)) return t.tv_sec = 0, t.tv_nsec = UTIME_NOW, t;
  t.tv_sec = (time_t)seconds;
  t.tv_nsec = (long)((seconds - (double)t.tv_sec) * 1e9);
  t.tv_nsec -= t.tv_nsec % 1000;
  if (t.tv_nsec < 0) t.tv_sec--, t.tv_nsec += 1000000000L;
  return t;
}

static void set_times(FsReq *r, int flags, const char *name) {
  struct timespec ts[2] = {spec_of(r->n[0]), spec_of(r->n[1])};
  if (utimensat(AT_FDCWD, r->path, ts, flags) < 0) FAIL(r, name);
}

static void op_utimes(FsReq *r) {
  set_times(r, 0, "utime");
}

static void op_lutimes(FsReq *r) {
  set_times(r, AT_SYMLINK_NOFOLLOW, "lutime");
}

static void op_futimes(FsReq *r) {
  struct timespec ts[2] = {spec_of(r->n[0]), spec_of(r->n[1])};
  if (futimens(FD(r), ts) < 0) FAIL(r, "futime");
}

/* ==== The table ==== */

//> stdlib.fs-ops-table
const FsOp fs_ops_table[] = {
    {"open", "pii", FS_R_INT, op_open},          {"close", "i", FS_R_NONE, op_close},
    {"read", "irnnn", FS_R_READ, op_read},       {"write", "iwn", FS_R_INT, op_write},
    {"fsync", "i", FS_R_NONE, op_fsync},         {"fdatasync", "i", FS_R_NONE, op_fdatasync},
    {"ftruncate", "in", FS_R_NONE, op_ftruncate}, {"truncate", "pn", FS_R_NONE, op_truncate},
    {"stat", "p", FS_R_STAT, op_stat},           {"lstat", "p", FS_R_STAT, op_lstat},
    {"fstat", "i", FS_R_STAT, op_fstat},         {"readdir", "pii", FS_R_DIR, op_readdir},
    {"statfs", "p", FS_R_STATFS, op_statfs},
    {"mkdir", "pii", FS_R_STR, op_mkdir},        {"mkdtemp", "p", FS_R_STR, op_mkdtemp},
    {"rmdir", "p", FS_R_NONE, op_rmdir},         {"unlink", "p", FS_R_NONE, op_unlink},
    {"rmtree", "p", FS_R_NONE, op_rmtree},       {"rename", "pp", FS_R_NONE, op_rename},
    {"link", "pp", FS_R_NONE, op_link},          {"symlink", "pp", FS_R_NONE, op_symlink},
    {"readlink", "p", FS_R_STR, op_readlink},    {"realpath", "p", FS_R_STR, op_realpath},
    {"copyfile", "ppi", FS_R_NONE, op_copyfile}, {"access", "pi", FS_R_NONE, op_access},
    {"chmod", "pi", FS_R_NONE, op_chmod},        {"fchmod", "ii", FS_R_NONE, op_fchmod},
    {"chown", "pii", FS_R_NONE, op_chown},       {"lchown", "pii", FS_R_NONE, op_lchown},
    {"fchown", "iii", FS_R_NONE, op_fchown},     {"utimes", "pnn", FS_R_NONE, op_utimes},
    {"lutimes", "pnn", FS_R_NONE, op_lutimes},   {"futimes", "inn", FS_R_NONE, op_futimes},
};
const int fs_ops_count = sizeof fs_ops_table / sizeof *fs_ops_table;
//< stdlib.fs-ops-table

void fs_ops_run(FsReq *r) {
  fs_ops_table[r->op].work(r);
}

void fs_req_clear(FsReq *r) {
  free(r->path), free(r->dest), free(r->bytes), free(r->str), free(r->types);
  for (size_t k = 0; k < r->count; k++) free(r->names[k]);
  free(r->names);
}

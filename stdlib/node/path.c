/* path.c - internal/path, the native half of the `path` module (POSIX flavour): join,
 * resolve, normalize, relative and friends. Book: chapter 11, "Files".
 *
 *   path_module_create    require('internal/path'); lib/path.js makes require('path')
 *                         of these and of the JavaScript parse, format and path.win32
 *
 * Everything here is string work on '/'-separated paths, done in C on UTF-8 copies;
 * only resolve() asks the system anything (the current directory).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

/* ==== Normalising ==== */

//> stdlib.path-normalize
/* Collapse "", "." and ".." segments of path (absolute or not) into out. Node's rules:
 * ".." above the root is dropped, above a relative start it is kept; an empty result
 * is "." (or "/" for an absolute path); a trailing slash survives. */
static char *normalize(const char *path) {
  size_t n = strlen(path);
  bool absolute = n > 0 && path[0] == '/', trailing = n > 0 && path[n - 1] == '/';
  char *out = mem_alloc(n + 3), *o = out;
  const char **segments = mem_alloc(sizeof(char *) * (n / 2 + 2));
  size_t *lengths = mem_alloc(sizeof(size_t) * (n / 2 + 2)), count = 0;
  for (const char *p = path; *p;) {
    const char *end = strchr(p, '/');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == 2 && p[0] == '.' && p[1] == '.') {
      if (count && !(lengths[count - 1] == 2 && !strncmp(segments[count - 1], "..", 2))) count--;
      else if (!absolute) segments[count] = p, lengths[count++] = len;
    } else if (len && !(len == 1 && p[0] == '.')) {
      segments[count] = p, lengths[count++] = len;
    }
    p = end ? end + 1 : p + len;
  }
  if (absolute) *o++ = '/';
  for (size_t i = 0; i < count; i++) {
    if (i) *o++ = '/';
    memcpy(o, segments[i], lengths[i]);
    o += lengths[i];
  }
  if (!count && !absolute) *o++ = '.';
  if (trailing && (count || !absolute)) *o++ = '/';
  *o = 0;
  free(segments);
  free(lengths);
  return out;
}
//< stdlib.path-normalize

/* ==== Arguments ==== */

/* A path may hold NUL characters (node keeps them: path.join('a\0b') is 'a\0b'), but the C
 * code here ends strings at a NUL byte. So a NUL travels as the byte 0xFF, which UTF-8
 * never uses, and turns back into NUL when the result is made. */
#define NUL_STAND_IN '\xFF'

/* argv[i] as a UTF-8 string, or NULL with node's ERR_INVALID_ARG_TYPE naming the argument. */
static char *path_arg(VM *vm, int argc, Value *argv, int i, const char *name) {
  Value v = i < argc ? argv[i] : VALUE_UNDEFINED;
  if (!node_validate_string(vm, v, name)) return NULL;
  size_t n;
  char *text = vm_to_utf8(vm, v, &n);
  for (size_t j = 0; j < n; j++)
    if (!text[j]) text[j] = NUL_STAND_IN;
  return text;
}

/* The string of text[0..n), stand-ins turned back into NULs. */
static Value path_string(VM *vm, const char *text, size_t n) {
  char *copy = mem_strndup(text, n);
  for (size_t j = 0; j < n; j++)
    if (copy[j] == NUL_STAND_IN) copy[j] = 0;
  Value r = vm_string_n(vm, copy, n);
  free(copy);
  return r;
}

static Value result(VM *vm, char *text) {
  Value r = path_string(vm, text, strlen(text));
  free(text);
  return r;
}

/* ==== The functions ==== */

static Value path_normalize(VM *vm, Value this_value, int argc, Value *argv) {
  char *p = path_arg(vm, argc, argv, 0, "path");
  if (!p) return VALUE_EXCEPTION;
  char *n = normalize(p);
  free(p);
  return result(vm, n);
}

/* join: all arguments glued with '/', then normalised ("." for nothing). */
static Value path_join(VM *vm, Value this_value, int argc, Value *argv) {
  size_t total = 1;
  char **parts = mem_calloc((size_t)argc + 1, sizeof(char *));
  for (int i = 0; i < argc; i++) {
    if (!(parts[i] = path_arg(vm, argc, argv, i, "path"))) {
      for (int j = 0; j < i; j++) free(parts[j]);
      free(parts);
      return VALUE_EXCEPTION;
    }
    total += strlen(parts[i]) + 1;
  }
  char *joined = mem_calloc(total, 1);
  for (int i = 0; i < argc; i++) {
    if (*parts[i] && *joined) strcat(joined, "/");
    strcat(joined, parts[i]);
    free(parts[i]);
  }
  free(parts);
  char *n = normalize(*joined ? joined : ".");
  free(joined);
  return result(vm, n);
}

/* resolve: right to left until a path is absolute, the cwd if none is; no trailing '/'. */
static Value path_resolve(VM *vm, Value this_value, int argc, Value *argv) {
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
  char *acc = mem_strdup("");
  for (int i = argc - 1; i >= -1 && acc[0] != '/'; i--) {
    char name[32];
    snprintf(name, sizeof name, "paths[%d]", i);
    char *part = i >= 0 ? path_arg(vm, argc, argv, i, name) : mem_strdup(cwd);
    if (!part) {
      free(acc);
      return VALUE_EXCEPTION;
    }
    if (*part) {
      char *next = mem_alloc(strlen(part) + strlen(acc) + 2);
      sprintf(next, *acc ? "%s/%s" : "%s%s", part, acc);
      free(acc);
      acc = next;
    }
    free(part);
  }
  char *n = normalize(acc);
  free(acc);
  size_t len = strlen(n);
  if (len > 1 && n[len - 1] == '/') n[len - 1] = 0;
  return result(vm, n);
}

/* The '/'-separated segments of p, in place (p is changed); how many there are. */
static size_t split_segments(char *p, char **seg) {
  size_t n = 0;
  char *save = NULL;
  for (char *s = strtok_r(p, "/", &save); s; s = strtok_r(NULL, "/", &save)) seg[n++] = s;
  return n;
}

/* relative(from, to): both resolved, then ".." for each segment of `from` below the
 * common ancestor, then the rest of `to`; "" when they are the same. */
static Value path_relative(VM *vm, Value this_value, int argc, Value *argv) {
  char *from = path_arg(vm, argc, argv, 0, "from");
  char *to = from ? path_arg(vm, argc, argv, 1, "to") : NULL;
  free(from);
  free(to);
  if (!to) return VALUE_EXCEPTION;
  Value ra = vm_handle_push(vm, path_resolve(vm, VALUE_UNDEFINED, 1, &argv[0]));
  Value rb = vm_handle_push(vm, path_resolve(vm, VALUE_UNDEFINED, 1, &argv[1]));
  char *a = vm_to_utf8(vm, ra, NULL), *b = vm_to_utf8(vm, rb, NULL);
  size_t la = strlen(a), lb = strlen(b);
  char **sa = mem_alloc((la / 2 + 2) * sizeof(char *)), **sb = mem_alloc((lb / 2 + 2) * sizeof(char *));
  size_t na = split_segments(a, sa), nb = split_segments(b, sb), k = 0;
  while (k < na && k < nb && !strcmp(sa[k], sb[k])) k++;
  char *out = mem_alloc(3 * na + lb + 1), *o = out;
  for (size_t i = k; i < na; i++) o += sprintf(o, "%s..", o == out ? "" : "/");
  for (size_t i = k; i < nb; i++) o += sprintf(o, "%s%s", o == out ? "" : "/", sb[i]);
  *o = 0;
  free(sa);
  free(sb);
  free(a);
  free(b);
  return result(vm, out);
}

static Value path_is_absolute(VM *vm, Value this_value, int argc, Value *argv) {
  char *p = path_arg(vm, argc, argv, 0, "path");
  if (!p) return VALUE_EXCEPTION;
  bool absolute = p[0] == '/';
  free(p);
  return value_from_bool(absolute);
}

/* The end of the last segment of p, trailing slashes ignored (p[0..end)). */
static size_t trimmed_end(const char *p) {
  size_t end = strlen(p);
  while (end > 1 && p[end - 1] == '/') end--;
  return end;
}

static Value path_basename(VM *vm, Value this_value, int argc, Value *argv) {
  char *p = path_arg(vm, argc, argv, 0, "path");
  if (!p) return VALUE_EXCEPTION;
  bool has_ext = argc > 1 && !value_is_undefined(argv[1]);
  char *ext = has_ext ? path_arg(vm, argc, argv, 1, "suffix") : NULL;
  if (has_ext && !ext) {
    free(p);
    return VALUE_EXCEPTION;
  }
  size_t end = trimmed_end(p);
  if (end == 1 && p[0] == '/') end = 0;
  size_t start = end;
  while (start > 0 && p[start - 1] != '/') start--;
  size_t len = end - start, elen = ext ? strlen(ext) : 0;
  if (ext && elen <= len && !strncmp(p + start + len - elen, ext, elen))
    len = elen < len || start == 0 ? len - elen : len; /* Node keeps a whole-name match after a '/' */
  Value r = path_string(vm, p + start, len);
  free(p);
  free(ext);
  return r;
}

/* dirname: everything before the last '/' that follows the last segment's start
 * (trailing slashes ignored); "/" or "." when there is none, "//" for "//x". */
static Value path_dirname(VM *vm, Value this_value, int argc, Value *argv) {
  char *p = path_arg(vm, argc, argv, 0, "path");
  if (!p) return VALUE_EXCEPTION;
  size_t n = strlen(p), end = 0;
  bool seen_name = false;
  for (size_t i = n; i-- > 1;) {
    if (p[i] != '/') seen_name = true;
    else if (seen_name) {
      end = i;
      break;
    }
  }
  Value r = !n        ? vm_string(vm, ".")
            : !end    ? vm_string(vm, p[0] == '/' ? "/" : ".")
            : p[0] == '/' && end == 1 ? vm_string(vm, "//")
                                      : path_string(vm, p, end);
  free(p);
  return r;
}

/* extname: from the last '.' of the last segment, unless that dot starts the name. */
static Value path_extname(VM *vm, Value this_value, int argc, Value *argv) {
  char *p = path_arg(vm, argc, argv, 0, "path");
  if (!p) return VALUE_EXCEPTION;
  size_t end = trimmed_end(p), start = end;
  while (start > 0 && p[start - 1] != '/') start--;
  size_t dot = end;
  for (size_t i = end; i > start; i--)
    if (p[i - 1] == '.') {
      dot = i - 1;
      break;
    }
  bool none = dot == end || dot == start || (dot == start + 1 && p[start] == '.' && end == start + 2);
  Value r = none ? vm_string(vm, "") : path_string(vm, p + dot, end - dot);
  free(p);
  return r;
}

/* In Node's order; enumerable, as Node's JavaScript assigns them. */
static const VMPropDef path_props[] = {
    VM_FN_ENUM("resolve", path_resolve, 0),
    VM_FN_ENUM("normalize", path_normalize, 1),
    VM_FN_ENUM("isAbsolute", path_is_absolute, 1),
    VM_FN_ENUM("join", path_join, 0),
    VM_FN_ENUM("relative", path_relative, 2),
    VM_FN_ENUM("dirname", path_dirname, 1),
    VM_FN_ENUM("basename", path_basename, 2),
    VM_FN_ENUM("extname", path_extname, 1),
    VM_STRING("sep", "/", VM_ATTR_DEFAULT),
    VM_STRING("delimiter", ":", VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

Value path_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value path = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, path, path_props);
  return path;
}

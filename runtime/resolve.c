/* resolve.c - require's resolution: a request and the module that asks, to a filename,
 * exactly as node 20's CommonJS loader (lib/internal/modules/cjs/loader.js) finds it.
 * Book: chapter 9, "Modules" ("Finding the file").
 *
 *   mod_resolve_filename   request -> absolute real filename, or node's error thrown
 *   mod_lookup_paths       the directories a request is looked up in (require.resolve.paths)
 *   mod_node_module_paths  module.paths: DIR/node_modules for DIR and each directory above
 *   mod_package_scope      the package.json that governs a file (its "type")
 *
 * The file system is probed in C (stat, realpath); package.json is read with the realm's
 * JSON.parse and cached by path. "exports" and "imports" follow node's ESM resolver
 * (lib/internal/modules/esm/resolve.js) with the conditions require, node, module-sync.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "runtime/host_private.h"

/* Where node throws each of these (the uncaught report's first lines). */
static const char ORIGIN_NOT_FOUND[] = "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^";
static const char ORIGIN_BAD_MAIN[] = "node:internal/modules/cjs/loader:499\n      throw err;\n      ^";
static const char ORIGIN_EXPORTS[] = "node:internal/modules/cjs/loader:645\n      throw e;\n      ^";
static const char ORIGIN_SELF[] = "node:internal/modules/cjs/loader:612\n    throw e;\n    ^";
static const char ORIGIN_IMPORTS[] = "node:internal/modules/cjs/loader:1177\n        throw e;\n        ^";
static const char ORIGIN_PACKAGE_JSON[] =
    "node:internal/modules/package_json_reader:93\n        throw error;\n        ^";

/* One resolution: what is asked, by whom, and where node would report its errors. */
typedef struct Resolve {
  Host *host;
  VM *vm;
  const char *request;
  Value parent;       /* the requiring module, or undefined */
  const char *origin; /* set while "exports" or "imports" are resolved */
  const char *base;   /* the importing file named by ESM errors ("imported from"), or NULL */
  int frames;         /* node's frames from where it resolves now up to _resolveFilename */
  int depth;          /* nested "exports" targets (node's resolvePackageTarget frames) */
} Resolve;

/* ==== Paths ==== */

enum { STAT_NONE = -1, STAT_FILE = 0, STAT_DIR = 1 }; /* node's internalModuleStat */

static int stat_kind(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return STAT_NONE;
  return S_ISDIR(st.st_mode) ? STAT_DIR : STAT_FILE;
}

/* path.resolve(base, rel): absolute, normalised, no trailing slash. False if too long. */
static bool path_resolve(const char *base, const char *rel, char *out) {
  char joined[PATH_MAX * 2 + 2], cwd[PATH_MAX];
  if (rel[0] == '/') snprintf(joined, sizeof joined, "%s", rel);
  else if (base[0] == '/') snprintf(joined, sizeof joined, "%s/%s", base, rel);
  else if (getcwd(cwd, sizeof cwd)) snprintf(joined, sizeof joined, "%s/%s/%s", cwd, base, rel);
  else return false;
  size_t n = 0;
  for (char *seg = joined, *next; seg; seg = next) {
    next = strchr(seg, '/');
    if (next) *next++ = '\0';
    if (!*seg || strcmp(seg, ".") == 0) continue;
    if (strcmp(seg, "..") == 0) {
      while (n > 0 && out[--n] != '/') {}
      continue;
    }
    size_t len = strlen(seg);
    if (n + len + 2 >= PATH_MAX) return false;
    out[n++] = '/';
    memcpy(out + n, seg, len);
    n += len;
  }
  if (n == 0) out[n++] = '/';
  out[n] = '\0';
  return true;
}

//> runtime.resolve-file
/* tryFile: a regular file, named by its real path (symbolic links resolved), the key
 * of the module cache. */
static bool try_file(const char *path, char *out) {
  return stat_kind(path) == STAT_FILE && realpath(path, out) != NULL;
}

/* tryExtensions: base with each extension require.extensions knows, in its order. */
static bool try_extensions(const char *base, char *out) {
  static const char *const exts[] = {".js", ".json", ".node"};
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
    char candidate[PATH_MAX + 8];
    snprintf(candidate, sizeof candidate, "%s%s", base, exts[i]);
    if (try_file(candidate, out)) return true;
  }
  return false;
}
//< runtime.resolve-file

/* ==== Errors ==== */

/* The chain of modules that led here: each module's filename (or id), parent first. */
static Value require_stack(VM *vm, Value module) {
  Value stack = vm_handle_push(vm, vm_array_new(vm));
  for (int depth = 0; value_is_object(module) && depth < 10000; depth++) {
    Value name = vm_get_str(vm, module, "filename");
    if (!value_is_exception(name) && !vm_truthy(name)) name = vm_get_str(vm, module, "id");
    if (!value_is_exception(name) && !value_is_string(name)) name = vm_to_string(vm, name);
    if (value_is_exception(name)) return name;
    vm_array_push(vm, stack, name);
    module = vm_get_str(vm, module, "parent");
  }
  return value_is_exception(module) ? module : stack;
}

/* MODULE_NOT_FOUND for a request nothing matched, with node's "Require stack". */
static Value throw_not_found(Resolve *r) {
  VM *vm = r->vm;
  Value stack = require_stack(vm, r->parent);
  if (value_is_exception(stack)) return stack;
  StrBuf sb = {0};
  sb_printf(&sb, "Cannot find module '%s'", r->request);
  for (uint32_t i = 0; i < vm_array_length(stack); i++) {
    sb_puts(&sb, i == 0 ? "\nRequire stack:\n- " : "\n- ");
    sb_put_js(&sb, vm_array_get(vm, stack, i));
  }
  Value error = mod_error(r->host, ERR_ERROR, NULL, vm_handle_push(vm, sb_finish(vm, &sb)));
  vm_define_str(vm, error, "code", vm_string(vm, "MODULE_NOT_FOUND"), VM_ATTR_DEFAULT);
  vm_define_str(vm, error, "requireStack", stack, VM_ATTR_DEFAULT);
  return mod_throw(r->host, error, ORIGIN_NOT_FOUND, 1);
}

/* node's createEsmNotFoundErr: a target that names no file; `path` its package.json.
 * frames: node's between the error and where this resolution started. */
static Value throw_esm_not_found(Resolve *r, const char *what, const char *pjson, int frames) {
  VM *vm = r->vm;
  char message[PATH_MAX + 64];
  snprintf(message, sizeof message, "Cannot find module '%s'", what);
  Value error = mod_error(r->host, ERR_ERROR, NULL, vm_handle_push(vm, vm_string(vm, message)));
  vm_define_str(vm, error, "code", vm_string(vm, "MODULE_NOT_FOUND"), VM_ATTR_DEFAULT);
  if (pjson) vm_define_str(vm, error, "path", vm_string(vm, pjson), VM_ATTR_DEFAULT);
  return mod_throw(r->host, error, r->origin, r->frames + frames);
}

/* One of node's coded errors ("Error [CODE]: ..."), message printf-style; frames: node's
 * between the error and where this resolution started. */
static Value throw_coded(Resolve *r, int frames, ErrorKind kind, const char *code,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static Value throw_coded(Resolve *r, int frames, ErrorKind kind, const char *code,
                         const char *fmt, ...) {
  char message[PATH_MAX * 3];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  Value text = vm_handle_push(r->vm, vm_string(r->vm, message));
  return mod_throw(r->host, mod_error(r->host, kind, code, text), r->origin, r->frames + frames);
}

/* " imported from FILE" when the ESM resolver names the importing file. */
static const char *imported_from(Resolve *r, char *buf, size_t size) {
  if (!r->base) return "";
  snprintf(buf, size, " imported from %s", r->base);
  return buf;
}

/* ==== package.json ==== */

/* A package.json that does not parse: node's SyntaxError "Error parsing PATH: ...". */
static Value throw_bad_json(Resolve *r, const char *path) {
  VM *vm = r->vm;
  Value error = vm_handle_push(vm, vm_take_exception(vm));
  char prefix[PATH_MAX + 32];
  snprintf(prefix, sizeof prefix, "Error parsing %s: ", path);
  mod_error_prefix(r->host, error, prefix);
  vm_define_str(vm, error, "path", vm_string(vm, path), VM_ATTR_DEFAULT);
  return mod_throw_framed(r->host, error, ORIGIN_PACKAGE_JSON, 0, 2 + r->frames);
}

//> runtime.read-package
/* DIR/package.json parsed (read once, then cached by path): an object, or undefined
 * where there is none. Throws a SyntaxError for one that does not parse. */
static Value read_package(Resolve *r, const char *dir) {
  VM *vm = r->vm;
  Host *host = r->host;
  char path[PATH_MAX + 16];
  snprintf(path, sizeof path, "%s%spackage.json", dir, mod_ends_with(dir, "/") ? "" : "/");
  if (host->package_cache < 0) host->package_cache = vm_pin(vm, vm_object_new(vm));
  Value cache = vm_pinned(vm, host->package_cache);
  Value cached = vm_get_str(vm, cache, path);
  if (!value_is_undefined(cached)) return value_is_object(cached) ? cached : VALUE_UNDEFINED;
  size_t length;
  char *text = mod_read_file(path, &length);
  if (!text) return vm_set_str(vm, cache, path, VALUE_FALSE), VALUE_UNDEFINED;
  Value data = mod_parse_json(host, text, length);
  if (value_is_exception(data)) return throw_bad_json(r, path);
  if (!value_is_object(data)) data = vm_object_new(vm); /* "1" or "null": no fields */
  vm_set_str(vm, cache, path, vm_handle_push(vm, data));
  return data;
}
//< runtime.read-package

/* A string field of a package.json, as UTF-8 to free(), or NULL. */
static char *string_field(VM *vm, Value pkg, const char *name) {
  Value v = value_is_object(pkg) ? vm_get_str(vm, pkg, name) : VALUE_UNDEFINED;
  return value_is_string(v) ? vm_to_utf8(vm, v, NULL) : NULL;
}

/* readPackageScope: the nearest package.json above file, not looking past a
 * node_modules directory. Its data (dir set to its directory), or undefined. */
static Value package_scope(Resolve *r, const char *file, char *dir) {
  snprintf(dir, PATH_MAX, "%s", file);
  for (char *slash; (slash = strrchr(dir, '/')) != NULL;) {
    *slash = '\0';
    if (mod_ends_with(dir, "/node_modules")) return VALUE_UNDEFINED;
    Value pkg = read_package(r, *dir ? dir : "/");
    if (!value_is_undefined(pkg)) return pkg;
  }
  return VALUE_UNDEFINED;
}

Value mod_package_scope(Host *host, const char *file, char *dir) {
  Resolve r = {.host = host, .vm = host->vm, .request = file, .parent = VALUE_UNDEFINED};
  return package_scope(&r, file, dir);
}

/* ==== "exports" and "imports" targets ==== */

/* A target segment that may not appear: empty, ".", ".." or node_modules (any case). */
static bool has_invalid_segment(const char *s) {
  for (const char *seg = s;; seg++) {
    size_t n = strcspn(seg, "/\\");
    bool bad = n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && strncmp(seg, "..", 2) == 0) ||
               (n == 12 && strncasecmp(seg, "node_modules", 12) == 0);
    if (bad) return true;
    seg += n;
    if (!*seg) return false;
  }
}

/* JSON.stringify of a target that is no object: a string quoted, else its text. */
static char *json_text(VM *vm, Value v) {
  if (!value_is_string(v)) {
    Value s = vm_to_string(vm, v);
    return value_is_string(s) ? vm_to_utf8(vm, s, NULL) : (vm_take_exception(vm), mem_strdup("?"));
  }
  char *raw = vm_to_utf8(vm, v, NULL);
  StrBuf sb = {0};
  sb_putc(&sb, '"');
  for (const unsigned char *p = (const unsigned char *)raw; *p; p++) {
    if (*p == '"' || *p == '\\') sb_printf(&sb, "\\%c", *p);
    else if (*p < 0x20) sb_printf(&sb, "\\u%04x", *p);
    else sb_putc(&sb, (char)*p);
  }
  sb_putc(&sb, '"');
  free(raw);
  return sb_take(&sb);
}

/* ERR_INVALID_PACKAGE_TARGET, worded for the main entry ("."), a subpath or an import. */
static Value invalid_target(Resolve *r, const char *pkg_dir, const char *key, Value target,
                            bool internal) {
  VM *vm = r->vm;
  char *t = json_text(vm, target);
  bool hint = value_is_string(target) && !internal && vm_string_length(target) > 0 &&
              !(t[1] == '.' && t[2] == '/');
  char from[PATH_MAX + 32];
  const char *base = imported_from(r, from, sizeof from);
  const char *tail = hint ? "; targets must start with \"./\"" : "";
  Value e = strcmp(key, ".") == 0
                ? throw_coded(r, 3 + r->depth, ERR_ERROR, "ERR_INVALID_PACKAGE_TARGET",
                              "Invalid \"exports\" main target %s defined in the package config "
                              "%s/package.json%s%s", t, pkg_dir, base, tail)
                : throw_coded(r, 3 + r->depth, ERR_ERROR, "ERR_INVALID_PACKAGE_TARGET",
                              "Invalid \"%s\" target %s defined for '%s' in the package config "
                              "%s/package.json%s%s", internal ? "imports" : "exports", t, key,
                              pkg_dir, base, tail);
  free(t);
  return e;
}

/* Replaces every '*' of pattern with match. False if too long. */
static bool substitute(const char *pattern, const char *match, char *out, size_t size) {
  size_t n = 0, m = strlen(match);
  for (const char *p = pattern; *p; p++) {
    size_t len = *p == '*' ? m : 1;
    if (n + len + 1 > size) return false;
    memcpy(out + n, *p == '*' ? match : p, len);
    n += len;
  }
  out[n] = '\0';
  return true;
}

typedef struct Target {
  const char *pkg_dir; /* the package's directory */
  const char *key;     /* the "exports"/"imports" key matched ("./x", "#a", or a pattern with one star) */
  const char *match;   /* what '*' matched, or NULL for an exact key */
  bool internal;       /* an "imports" target */
} Target;

/* resolvePackageTargetString: "./..." inside the package, '*' replaced. */
static Value target_string(Resolve *r, const Target *t, Value target, char *out) {
  char *s = vm_to_utf8(r->vm, target, NULL);
  Value result = VALUE_TRUE;
  char rel[PATH_MAX];
  if (!mod_starts_with(s, "./")) {
    /* An import may map to a package ("#dep": "dep"): tinynode looks no further. */
    bool bare = t->internal && !mod_starts_with(s, "../") && s[0] != '/' && !strchr(s, ':');
    result = bare ? throw_esm_not_found(r, r->request, NULL, 2 - r->frames)
                  : invalid_target(r, t->pkg_dir, t->key, target, t->internal);
  } else if (has_invalid_segment(s + 2)) {
    result = invalid_target(r, t->pkg_dir, t->key, target, t->internal);
  } else if (!substitute(s + 2, t->match ? t->match : "", rel, sizeof rel) ||
             !path_resolve(t->pkg_dir, rel, out)) {
    result = throw_esm_not_found(r, r->request, NULL, 2);
  }
  free(s);
  return result;
}

static Value resolve_target(Resolve *r, const Target *t, Value target, char *out);

/* An array of fallbacks: the first that resolves; an invalid one is skipped. */
static Value target_array(Resolve *r, const Target *t, Value target, char *out) {
  VM *vm = r->vm;
  Value last = VALUE_UNDEFINED; /* the last invalid target's error, if all fail */
  for (uint32_t i = 0; i < vm_array_length(target); i++) {
    Value item = vm_handle_push(vm, vm_array_get(vm, target, i));
    Value result = resolve_target(r, t, item, out);
    if (value_is_exception(result)) {
      Value e = vm_handle_push(vm, vm_take_exception(vm));
      Value code = vm_get_str(vm, e, "code");
      if (!value_is_string(code) || !mod_string_is(vm, code, "ERR_INVALID_PACKAGE_TARGET"))
        return vm_throw(vm, e);
      last = e;
      continue;
    }
    if (value_is_undefined(result)) continue;
    if (value_is_null(result)) { last = VALUE_NULL; continue; }
    return result;
  }
  return value_is_object(last) ? vm_throw(vm, last) : last;
}

/* The conditions a require matches, in no order: the object's key order decides.
 * "module-sync" names an ES module that node 20.19+ would require synchronously;
 * tinynode runs no ES modules, so it takes the package's CommonJS choice instead. */
static bool condition_applies(const char *key) {
  return strcmp(key, "default") == 0 || strcmp(key, "require") == 0 ||
         strcmp(key, "node") == 0 || strcmp(key, "node-addons") == 0;
}

static bool is_array_index(const char *key) {
  if (!*key) return false;
  for (const char *p = key; *p; p++)
    if (!isdigit((unsigned char)*p)) return false;
  return key[0] != '0' || key[1] == '\0';
}

/* A conditions object: the first key that applies and resolves (nested conditions too). */
static Value target_conditions(Resolve *r, const Target *t, Value target, char *out) {
  VM *vm = r->vm;
  Value keys = vm_handle_push(vm, vm_own_keys(vm, target));
  uint32_t n = vm_array_length(keys);
  for (uint32_t i = 0; i < n; i++) {
    char *key = vm_to_utf8(vm, vm_array_get(vm, keys, i), NULL);
    bool numeric = is_array_index(key);
    free(key);
    if (numeric)
      return throw_coded(r, 1 + r->depth, ERR_ERROR, "ERR_INVALID_PACKAGE_CONFIG",
                         "Invalid package config %s/package.json. \"exports\" cannot contain "
                         "numeric property keys.", t->pkg_dir);
  }
  for (uint32_t i = 0; i < n; i++) {
    Value key = vm_array_get(vm, keys, i);
    char *k = vm_to_utf8(vm, key, NULL);
    bool applies = condition_applies(k);
    free(k);
    if (!applies) continue;
    Value result = resolve_target(r, t, vm_handle_push(vm, vm_get(vm, target, key)), out);
    if (!value_is_undefined(result)) return result;
  }
  return VALUE_UNDEFINED;
}

//> runtime.resolve-target
/* resolvePackageTarget: VALUE_TRUE with the file in out, null where the package says
 * "not exported", undefined where no condition applies, or an exception. */
static Value resolve_target(Resolve *r, const Target *t, Value target, char *out) {
  if (vm_stack_exhausted(r->vm)) return vm_throw_stack_overflow(r->vm);
  r->depth++;
  Value result = value_is_string(target) ? target_string(r, t, target, out)
                 : vm_is_array(target)   ? target_array(r, t, target, out)
                 : value_is_object(target) ? target_conditions(r, t, target, out)
                 : value_is_null(target) ? VALUE_NULL
                                         : invalid_target(r, t->pkg_dir, t->key, target, t->internal);
  r->depth--;
  return result;
}
//< runtime.resolve-target

/* patternKeyCompare: which of two keys with '*' is more specific (a < 0 if a). */
static int pattern_key_compare(const char *a, const char *b) {
  const char *sa = strchr(a, '*'), *sb = strchr(b, '*');
  size_t base_a = sa ? (size_t)(sa - a) + 1 : strlen(a), base_b = sb ? (size_t)(sb - b) + 1 : strlen(b);
  if (base_a != base_b) return base_a > base_b ? -1 : 1;
  if (!sa) return 1;
  if (!sb) return -1;
  size_t la = strlen(a), lb = strlen(b);
  return la > lb ? -1 : lb > la ? 1 : 0;
}

/* The pattern key of map (like "./feature/STAR") that matches name best; what '*' matched goes in
 * match. NULL if none (the caller frees the key). */
static char *best_pattern(VM *vm, Value map, const char *name, char *match) {
  Value keys = vm_handle_push(vm, vm_own_keys(vm, map));
  char *best = NULL;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    char *key = vm_to_utf8(vm, vm_array_get(vm, keys, i), NULL);
    char *star = strchr(key, '*');
    size_t prefix = star ? (size_t)(star - key) : 0, trailer = star ? strlen(star + 1) : 0;
    bool fits = star && strrchr(key, '*') == star && strncmp(name, key, prefix) == 0 &&
                strlen(name) >= strlen(key) && mod_ends_with(name, star + 1) &&
                (!best || pattern_key_compare(best, key) == 1);
    if (!fits) { free(key); continue; }
    free(best);
    best = key;
    size_t n = strlen(name) - prefix - trailer;
    snprintf(match, PATH_MAX, "%.*s", (int)n, name + prefix);
  }
  return best;
}

/* Looks name up in an "exports" or "imports" map: the exact key, else the best pattern.
 * VALUE_TRUE (out set), null/undefined when nothing is exported there, or an exception. */
static Value resolve_in_map(Resolve *r, Value map, const char *pkg_dir, const char *name,
                            bool internal, char *out) {
  VM *vm = r->vm;
  Target t = {.pkg_dir = pkg_dir, .key = name, .internal = internal};
  if (!strchr(name, '*') && !mod_ends_with(name, "/") && vm_has_own_str(vm, map, name))
    return resolve_target(r, &t, vm_handle_push(vm, vm_get_str(vm, map, name)), out);
  char match[PATH_MAX];
  char *key = best_pattern(vm, map, name, match);
  if (!key) return VALUE_UNDEFINED;
  t.key = key;
  t.match = match;
  Value result = resolve_target(r, &t, vm_handle_push(vm, vm_get_str(vm, map, key)), out);
  free(key);
  return result;
}

/* "exports" is a main-entry shorthand: a string, an array, or conditions only. */
static Value exports_is_sugar(Resolve *r, Value exports, const char *pkg_dir) {
  VM *vm = r->vm;
  if (value_is_string(exports) || vm_is_array(exports)) return VALUE_TRUE;
  if (!value_is_object(exports)) return VALUE_FALSE;
  Value keys = vm_handle_push(vm, vm_own_keys(vm, exports));
  int sugar = -1;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get(vm, keys, i);
    bool cond = vm_string_length(key) == 0 || vm_string_unit(key, 0) != '.';
    if (sugar >= 0 && sugar != cond) {
      char from[PATH_MAX + 32] = "";
      if (r->base) snprintf(from, sizeof from, " while importing %s", r->base);
      return throw_coded(r, 2, ERR_ERROR, "ERR_INVALID_PACKAGE_CONFIG",
                         "Invalid package config %s/package.json%s. \"exports\" cannot contain "
                         "some keys starting with '.' and some not. The exports object must "
                         "either be an object of package subpath keys or an object of main "
                         "entry condition name keys only.", pkg_dir, from);
    }
    sugar = cond;
  }
  return sugar == 1 ? VALUE_TRUE : VALUE_FALSE;
}

/* ERR_PACKAGE_PATH_NOT_EXPORTED for subpath ("." or "./x"). */
static Value not_exported(Resolve *r, const char *pkg_dir, const char *subpath) {
  char from[PATH_MAX + 32];
  const char *base = imported_from(r, from, sizeof from);
  if (strcmp(subpath, ".") == 0)
    return throw_coded(r, 2, ERR_ERROR, "ERR_PACKAGE_PATH_NOT_EXPORTED",
                       "No \"exports\" main defined in %s/package.json%s", pkg_dir, base);
  return throw_coded(r, 2, ERR_ERROR, "ERR_PACKAGE_PATH_NOT_EXPORTED",
                     "Package subpath '%s' is not defined by \"exports\" in %s/package.json%s",
                     subpath, pkg_dir, base);
}

/* finalizeEsmResolution: the target must be an existing file, named exactly. */
static Value finalize(Resolve *r, const char *pkg_dir, const char *resolved, char *out) {
  char pjson[PATH_MAX + 16];
  snprintf(pjson, sizeof pjson, "%s/package.json", pkg_dir);
  return try_file(resolved, out) ? VALUE_TRUE : throw_esm_not_found(r, resolved, pjson, 2);
}

//> runtime.package-exports
/* packageExportsResolve for `subpath` ("." or "./rest") of the package in pkg_dir. */
static Value exports_resolve(Resolve *r, const char *pkg_dir, Value pkg, const char *subpath,
                             char *out) {
  VM *vm = r->vm;
  Value exports = vm_handle_push(vm, vm_get_str(vm, pkg, "exports"));
  Value sugar = exports_is_sugar(r, exports, pkg_dir);
  if (value_is_exception(sugar)) return sugar;
  if (sugar == VALUE_TRUE) {
    Value map = vm_handle_push(vm, vm_object_new(vm));
    vm_set_str(vm, map, ".", exports);
    exports = map;
  }
  char resolved[PATH_MAX];
  Value result = value_is_object(exports) ? resolve_in_map(r, exports, pkg_dir, subpath, false, resolved)
                                          : VALUE_UNDEFINED;
  if (value_is_exception(result)) return result;
  if (result != VALUE_TRUE) return not_exported(r, pkg_dir, subpath);
  return finalize(r, pkg_dir, resolved, out);
}
//< runtime.package-exports

/* ==== Finding a request ==== */

/* Node's EXPORTS_PATTERN: a package name (with its @scope) and the rest of request. */
static bool split_package_name(const char *request, char *name, const char **rest) {
  if (!*request || *request == '.' || strpbrk(request, "\\%")) return false;
  const char *end = strchr(request, '/');
  if (request[0] == '@') {
    if (!end || end == request + 1) return false;
    end = strchr(end + 1, '/');
  }
  size_t n = end ? (size_t)(end - request) : strlen(request);
  if (n >= PATH_MAX || (request[0] == '@' && request[n - 1] == '/')) return false;
  memcpy(name, request, n);
  name[n] = '\0';
  *rest = request + n;
  return true;
}

/* resolveExports: a bare request for a package in nm_dir whose package.json has "exports".
 * VALUE_TRUE (out set), VALUE_FALSE to carry on looking, or an exception. */
static Value resolve_exports(Resolve *r, const char *nm_dir, char *out) {
  char name[PATH_MAX], pkg_dir[PATH_MAX];
  const char *rest;
  if (!split_package_name(r->request, name, &rest) || !path_resolve(nm_dir, name, pkg_dir))
    return VALUE_FALSE;
  Value pkg = read_package(r, pkg_dir);
  if (value_is_exception(pkg)) return pkg;
  Value exports = value_is_object(pkg) ? vm_get_str(r->vm, pkg, "exports") : VALUE_UNDEFINED;
  if (value_is_nullish(exports)) return VALUE_FALSE;
  char subpath[PATH_MAX + 2];
  snprintf(subpath, sizeof subpath, ".%s", rest);
  r->origin = ORIGIN_EXPORTS;
  r->frames = 3; /* resolveExports, Module._findPath, Module._resolveFilename */
  return exports_resolve(r, pkg_dir, pkg, subpath, out);
}

/* DEP0128: main names nothing, and index.js stood in for it. */
static void warn_bad_main(Resolve *r, const char *pjson, const char *main) {
  char message[PATH_MAX * 2 + 128];
  snprintf(message, sizeof message,
           "Invalid 'main' field in '%s' of '%s'. Please either fix that or report it to the "
           "module author", pjson, main);
  mod_warn(r->host, message, "DeprecationWarning", "DEP0128");
}

//> runtime.try-package
/* tryPackage: a directory; its package.json "main" (a file, with an extension added, or a
 * directory's index), else its index. VALUE_TRUE, VALUE_FALSE, or an exception. */
static Value try_package(Resolve *r, const char *dir, char *out) {
  VM *vm = r->vm;
  char index[PATH_MAX + 8], file[PATH_MAX], file_index[PATH_MAX + 8], pjson[PATH_MAX + 16];
  snprintf(index, sizeof index, "%s/index", dir);
  Value pkg = read_package(r, dir);
  if (value_is_exception(pkg)) return pkg;
  char *main = string_field(vm, pkg, "main");
  if (!main || !*main || !path_resolve(dir, main, file)) {
    free(main);
    return try_extensions(index, out) ? VALUE_TRUE : VALUE_FALSE;
  }
  snprintf(file_index, sizeof file_index, "%s/index", file);
  snprintf(pjson, sizeof pjson, "%s/package.json", dir);
  Value found = VALUE_TRUE;
  if (try_file(file, out) || try_extensions(file, out) || try_extensions(file_index, out)) {
  } else if (try_extensions(index, out)) {
    warn_bad_main(r, pjson, main);
  } else {
    char message[PATH_MAX + 128];
    snprintf(message, sizeof message, "Cannot find module '%s'. Please verify that the "
             "package.json has a valid \"main\" entry", file);
    Value error = mod_error(r->host, ERR_ERROR, NULL, vm_handle_push(vm, vm_string(vm, message)));
    vm_define_str(vm, error, "code", vm_string(vm, "MODULE_NOT_FOUND"), VM_ATTR_DEFAULT);
    vm_define_str(vm, error, "path", vm_string(vm, pjson), VM_ATTR_DEFAULT);
    vm_define_str(vm, error, "requestPath", vm_string(vm, r->request), VM_ATTR_DEFAULT);
    found = mod_throw(r->host, error, ORIGIN_BAD_MAIN, 3);
  }
  free(main);
  return found;
}
//< runtime.try-package

/* The request ends in a slash, or in "." or ".." as a whole segment: only a directory. */
static bool trailing_slash(const char *request) {
  size_t n = strlen(request);
  return n > 0 && (request[n - 1] == '/' || strcmp(request, ".") == 0 ||
                   strcmp(request, "..") == 0 || mod_ends_with(request, "/.") ||
                   mod_ends_with(request, "/.."));
}

//> runtime.find-in
/* One directory of the lookup: the package's "exports", then the file itself, the file
 * with an extension, then the directory (package.json "main", index). */
static Value find_in(Resolve *r, const char *dir, bool absolute, char *out) {
  if (!absolute) {
    Value found = resolve_exports(r, dir, out);
    if (found != VALUE_FALSE) return found;
  }
  char base[PATH_MAX];
  if (!path_resolve(dir, r->request, base)) return VALUE_FALSE;
  int kind = stat_kind(base);
  if (!trailing_slash(r->request)) {
    if (kind == STAT_FILE && realpath(base, out)) return VALUE_TRUE;
    if (try_extensions(base, out)) return VALUE_TRUE;
  }
  return kind == STAT_DIR ? try_package(r, base, out) : VALUE_FALSE;
}
//< runtime.find-in

/* Module._findPath: each directory of paths in turn (an absolute request: itself). */
static Value find_path(Resolve *r, Value paths, char *out) {
  VM *vm = r->vm;
  if (r->request[0] == '/') return find_in(r, "", true, out);
  uint32_t n = vm_is_array(paths) ? vm_array_length(paths) : 0;
  for (uint32_t i = 0; i < n; i++) {
    Value dir_v = vm_array_get(vm, paths, i);
    if (!value_is_string(dir_v)) continue;
    char *dir = vm_to_utf8(vm, dir_v, NULL);
    Value found = *dir && stat_kind(dir) != STAT_DIR ? VALUE_FALSE : find_in(r, dir, false, out);
    free(dir);
    if (found != VALUE_FALSE) return found;
  }
  return VALUE_FALSE;
}

/* ==== Package self-reference and "imports" ==== */

/* The requiring module's filename, as UTF-8 to free(), or NULL. */
static char *parent_filename(VM *vm, Value parent) {
  Value f = value_is_object(parent) ? vm_get_str(vm, parent, "filename") : VALUE_UNDEFINED;
  if (value_is_exception(f)) vm_take_exception(vm); /* a getter on a script's own object */
  return value_is_string(f) ? vm_to_utf8(vm, f, NULL) : NULL;
}

//> runtime.imports
/* packageImportsResolve: "#name" through the "imports" of the requiring file's package.
 * VALUE_FALSE when that package has no "imports" (the lookup carries on). */
static Value imports_resolve(Resolve *r, const char *from, char *out) {
  char pkg_dir[PATH_MAX];
  Value pkg = package_scope(r, from, pkg_dir);
  if (!value_is_object(pkg)) return value_is_exception(pkg) ? pkg : VALUE_FALSE;
  Value imports = vm_handle_push(r->vm, vm_get_str(r->vm, pkg, "imports"));
  if (value_is_nullish(imports)) return VALUE_FALSE;
  r->origin = ORIGIN_IMPORTS;
  r->base = from;
  r->frames = 1; /* Module._resolveFilename */
  const char *name = r->request;
  if (strcmp(name, "#") == 0 || mod_starts_with(name, "#/") || mod_ends_with(name, "/"))
    return throw_coded(r, 1, ERR_TYPE, "ERR_INVALID_MODULE_SPECIFIER", "Invalid module \"%s\" is "
                       "not a valid internal imports specifier name imported from %s", name, from);
  char resolved[PATH_MAX];
  Value result = value_is_object(imports) ? resolve_in_map(r, imports, pkg_dir, name, true, resolved)
                                          : VALUE_UNDEFINED;
  if (value_is_exception(result)) return result;
  if (result == VALUE_TRUE) return finalize(r, pkg_dir, resolved, out);
  return throw_coded(r, 2, ERR_TYPE, "ERR_PACKAGE_IMPORT_NOT_DEFINED", "Package import specifier "
                     "\"%s\" is not defined in package %s/package.json imported from %s", name,
                     pkg_dir, from);
}
//< runtime.imports

/* trySelf: a package requiring itself by its "name", through its own "exports". */
static Value resolve_self(Resolve *r, const char *from, char *out) {
  VM *vm = r->vm;
  char pkg_dir[PATH_MAX];
  Value pkg = package_scope(r, from, pkg_dir);
  if (!value_is_object(pkg)) return value_is_exception(pkg) ? pkg : VALUE_FALSE;
  char *name = string_field(vm, pkg, "name");
  Value exports = vm_get_str(vm, pkg, "exports");
  size_t n = name ? strlen(name) : 0;
  bool mine = name && !value_is_nullish(exports) && strncmp(r->request, name, n) == 0 &&
              (r->request[n] == '\0' || r->request[n] == '/');
  free(name);
  if (!mine) return VALUE_FALSE;
  char subpath[PATH_MAX + 2];
  snprintf(subpath, sizeof subpath, ".%s", r->request + n);
  r->origin = ORIGIN_SELF;
  r->base = from;
  r->frames = 2; /* trySelf, Module._resolveFilename */
  return exports_resolve(r, pkg_dir, pkg, subpath, out);
}

/* ==== Lookup paths ==== */

//> runtime.node-module-paths
/* Module._nodeModulePaths: DIR/node_modules for dir and every directory above it, nearest
 * first, skipping directories that are themselves called node_modules. */
Value mod_node_module_paths(VM *vm, const char *dir) {
  Value paths = vm_handle_push(vm, vm_array_new(vm));
  char path[PATH_MAX + 16];
  snprintf(path, PATH_MAX, "%s", strcmp(dir, "/") ? dir : ""); /* the root: only below */
  for (char *end = path + strlen(path); end > path; end = strrchr(path, '/')) {
    *end = '\0';
    const char *last = strrchr(path, '/');
    if (last && strcmp(last + 1, "node_modules") == 0) continue;
    char entry[PATH_MAX + 16];
    snprintf(entry, sizeof entry, "%s/node_modules", path);
    vm_array_push(vm, paths, vm_string(vm, entry));
  }
  vm_array_push(vm, paths, vm_string(vm, "/node_modules"));
  return paths;
}
//< runtime.node-module-paths

/* A request node looks up beside the requiring file: ".", "..", "./x", "../x". */
static bool is_relative(const char *request) {
  return request[0] == '.' &&
         (request[1] == '\0' || request[1] == '/' ||
          (request[1] == '.' && (request[2] == '\0' || request[2] == '/')));
}

/* Appends path.resolve(base, rel) to paths (nothing if it is too long). */
static void push_resolved(VM *vm, Value paths, const char *base, const char *rel) {
  char dir[PATH_MAX];
  if (path_resolve(base, rel, dir)) vm_array_push(vm, paths, vm_handle_push(vm, vm_string(vm, dir)));
}

/* Appends Module.globalPaths to paths: NODE_PATH's directories (as given, empty ones
 * dropped), then ~/.node_modules and ~/.node_libraries, then PREFIX/lib/node, PREFIX
 * being the directory above the executable's. */
void mod_push_global_paths(VM *vm, Value paths) {
  const char *node_path = getenv("NODE_PATH");
  for (const char *p = node_path; p && *p;) {
    size_t n = strcspn(p, ":");
    if (n) vm_array_push(vm, paths, vm_handle_push(vm, vm_string_n(vm, p, n)));
    p += n + (p[n] == ':');
  }
  const char *home = getenv("HOME");
  if (home && *home) {
    push_resolved(vm, paths, home, ".node_modules");
    push_resolved(vm, paths, home, ".node_libraries");
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return;
  exe[n] = '\0';
  push_resolved(vm, paths, exe, "../../lib/node");
}

Value mod_lookup_paths(Host *host, const char *request, Value parent) {
  VM *vm = host->vm;
  if (mod_is_builtin(host, request)) return VALUE_NULL;
  if (request[0] != '.' || (request[1] && request[1] != '.' && request[1] != '/')) {
    Value own = value_is_object(parent) ? vm_get_str(vm, parent, "paths") : VALUE_UNDEFINED;
    if (value_is_exception(own)) return own;
    Value paths = vm_handle_push(vm, vm_array_new(vm));
    for (uint32_t i = 0; vm_is_array(own) && i < vm_array_length(own); i++)
      vm_array_push(vm, paths, vm_array_get(vm, own, i));
    mod_push_global_paths(vm, paths);
    return vm_array_length(paths) ? paths : VALUE_NULL;
  }
  Value paths = vm_handle_push(vm, vm_array_new(vm));
  char *filename = parent_filename(vm, parent);
  if (filename && *filename) *strrchr(filename, '/') = '\0';
  bool root = filename && !*filename;
  vm_array_push(vm, paths, vm_string(vm, root ? "/" : filename ? filename : "."));
  free(filename);
  return paths;
}

/* The directories of require.resolve's {paths}: each one itself for a relative request,
 * else each one's node_modules lookup, without repeats. */
static Value paths_option(Host *host, const char *request, Value option) {
  VM *vm = host->vm;
  if (mod_starts_with(request, "./") || mod_starts_with(request, "../")) return option;
  Value paths = vm_handle_push(vm, vm_array_new(vm));
  Value fake = vm_handle_push(vm, vm_object_new(vm));
  for (uint32_t i = 0; i < vm_array_length(option); i++) {
    Value dir = vm_handle_push(vm, vm_array_get(vm, option, i));
    dir = vm_handle_push(vm, vm_to_string(vm, dir));
    if (value_is_exception(dir)) return dir;
    char *d = vm_to_utf8(vm, dir, NULL), abs[PATH_MAX];
    bool ok = path_resolve(d, ".", abs);
    free(d);
    if (!ok) continue;
    vm_set_str(vm, fake, "paths", mod_node_module_paths(vm, abs));
    Value lookup = vm_handle_push(vm, mod_lookup_paths(host, request, fake));
    for (uint32_t j = 0; vm_is_array(lookup) && j < vm_array_length(lookup); j++) {
      Value p = vm_array_get(vm, lookup, j);
      bool seen = false;
      for (uint32_t k = 0; k < vm_array_length(paths) && !seen; k++)
        seen = vm_strict_equals(vm_array_get(vm, paths, k), p);
      if (!seen) vm_array_push(vm, paths, p);
    }
  }
  return paths;
}

//> runtime.resolve-filename
/* Module._resolveFilename for a request that is not a built-in: "#imports", the package
 * itself by name, then each lookup directory. paths: an array overriding the lookup
 * (require.resolve's {paths}), or undefined. */
Value mod_resolve_filename(Host *host, const char *request, Value parent, Value paths,
                           char *out) {
  VM *vm = host->vm;
  Resolve r = {.host = host, .vm = vm, .request = request, .parent = parent, .frames = 3};
  char *from = parent_filename(vm, parent);
  Value found = VALUE_FALSE;
  if (!vm_is_array(paths) && is_relative(request) && from && from[0] == '/') {
    *strrchr(from, '/') = '\0'; /* the common case, without a list of one directory */
    found = find_in(&r, *from ? from : "/", false, out);
  } else {
    paths = vm_handle_push(vm, vm_is_array(paths) ? paths_option(host, request, paths)
                                                  : mod_lookup_paths(host, request, parent));
    if (request[0] == '#' && from) found = imports_resolve(&r, from, out);
    bool bare = request[0] != '.' && request[0] != '/';
    if (found == VALUE_FALSE && from && bare) found = resolve_self(&r, from, out);
    r.origin = NULL, r.base = NULL, r.frames = 3;
    if (found == VALUE_FALSE && !value_is_exception(paths)) found = find_path(&r, paths, out);
    if (value_is_exception(paths)) found = paths;
  }
  free(from);
  return found == VALUE_FALSE ? throw_not_found(&r) : found;
}
//< runtime.resolve-filename


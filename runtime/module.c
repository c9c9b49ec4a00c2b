/* module.c - CommonJS: the module wrapper, require, and running the main script.
 * Book: chapter 9, "Modules".
 *
 *   host_register_module   make a built-in module available to require (made in C, or
 *                          host_register_source_module: written in JavaScript)
 *   host_run_main          run a file as the main module, then the event loop
 *
 * A module's code is compiled as the body of a function
 *     (exports, require, module, __filename, __dirname)
 * and called with `this` = module.exports. require(name) finds a built-in by
 * name (with or without `node:`), or a file relative to the requiring module:
 * X, X.js, X.json, X/index.js. Modules are cached by absolute filename.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "runtime/host_private.h"

/* ==== Built-in modules ==== */

static void add_builtin(Host *host, BuiltinModule m) {
  host->modules = mem_realloc(host->modules, sizeof(BuiltinModule) * (size_t)(host->module_count + 1));
  host->modules[host->module_count++] = m;
}

void host_register_module(Host *host, const char *name, HostModuleInit init) {
  add_builtin(host, (BuiltinModule){.name = name, .init = init, .exports = -1});
}

void host_register_source_module(Host *host, const char *name, const char *source,
                                 size_t length) {
  add_builtin(host, (BuiltinModule){.name = name, .source = source, .length = length,
                                    .exports = -1});
}

static Value run_source_module(Host *host, const BuiltinModule *m);

Value host_require_builtin(Host *host, const char *name) {
  for (int i = 0; i < host->module_count; i++) {
    BuiltinModule *m = &host->modules[i];
    if (strcmp(m->name, name) != 0) continue;
    if (m->exports < 0) {
      Value exports = m->source ? run_source_module(host, m) : m->init(host);
      if (value_is_exception(exports)) return exports;
      m = &host->modules[i]; /* running it may have registered more */
      m->exports = vm_pin(host->vm, exports);
    }
    return vm_pinned(host->vm, m->exports);
  }
  return VALUE_HOLE;
}

/* ==== Files ==== */

static char *read_whole_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = mem_alloc(cap);
  for (size_t got; (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
    n += got;
    if (cap - n - 1 == 0) buf = mem_realloc(buf, cap *= 2);
  }
  fclose(f);
  buf[n] = 0;
  *length = n;
  return buf;
}

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

//> runtime.resolve-file
/* Resolve a relative or absolute request to an existing file (realpath'd). */
static bool resolve_file(const char *dir, const char *request, char *out) {
  static const char *const suffixes[] = {"", ".js", ".json", "/index.js", "/index.json"};
  char base[PATH_MAX];
  if (request[0] == '/') snprintf(base, sizeof base, "%s", request);
  else snprintf(base, sizeof base, "%s/%s", dir, request);
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
    char candidate[PATH_MAX + 16];
    snprintf(candidate, sizeof candidate, "%s%s", base, suffixes[i]);
    if (is_file(candidate) && realpath(candidate, out)) return true;
  }
  return false;
}
//< runtime.resolve-file

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ==== Module objects ==== */

static Value make_module(Host *host, const char *filename, const char *id) {
  VM *vm = host->vm;
  Value module = vm_handle_push(vm, vm_object_new(vm));
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", filename);
  vm_define_str(vm, module, "id", vm_string(vm, id), VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "path", vm_string(vm, dirname(dir)), VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "exports", vm_object_new(vm), VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "filename", vm_string(vm, filename), VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "loaded", VALUE_FALSE, VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "children", vm_array_new(vm), VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "paths", vm_array_new(vm), VM_ATTR_DEFAULT);
  return module;
}

static Value require_native(VM *vm, Value this_value, int argc, Value *argv);

/* A `require` function bound to the module that calls it. */
static Value make_require(Host *host, Value module) {
  VM *vm = host->vm;
  Value require = vm_handle_push(vm, vm_native_with_data(vm, "require", require_native, 1, module));
  vm_define_str(vm, require, "cache", vm_pinned(vm, host->module_cache), VM_ATTR_DEFAULT);
  if (host->main_module < 0) host->main_module = vm_pin(vm, module); /* the first is main */
  vm_define_str(vm, require, "main", vm_pinned(vm, host->main_module), VM_ATTR_DEFAULT);
  return require;
}

//> runtime.module-wrapper
/* Compile source as a module body and call it with the wrapper's five arguments. */
static Value run_module(Host *host, Value module, const char *filename, char *source,
                        size_t length, CompileMode mode) {
  VM *vm = host->vm;
  host_add_source(host, filename, source, length);
  Value fn = vm_compile(vm, source, length, filename, mode);
  if (value_is_exception(fn)) return fn;
  vm_handle_push(vm, fn);
  Value exports = vm_get_str(vm, module, "exports");
  if (mode == COMPILE_SCRIPT) return vm_call(vm, fn, vm_global(vm), 0, NULL);
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", filename);
  Value args[5];
  args[0] = exports;
  args[1] = make_require(host, module);
  args[2] = module;
  args[3] = vm_handle_push(vm, vm_string(vm, filename));
  args[4] = vm_handle_push(vm, vm_string(vm, dirname(dir)));
  Value r = vm_call(vm, fn, exports, 5, args);
  if (!value_is_exception(r)) vm_set_str(vm, module, "loaded", VALUE_TRUE);
  return r;
}
//< runtime.module-wrapper

/* A built-in written in JavaScript runs as a module named node:NAME, as node's own
 * files are named in stack traces ("at ... (node:internal/streams/readable:12:3)"). A
 * cycle between built-ins sees the partial exports, as between files. */
static Value run_source_module(Host *host, const BuiltinModule *m) {
  VM *vm = host->vm;
  char filename[256];
  snprintf(filename, sizeof filename, "node:%s", m->name);
  Value module = make_module(host, filename, m->name);
  char *text = mem_alloc(m->length + 1);
  memcpy(text, m->source, m->length);
  text[m->length] = '\0';
  Value r = run_module(host, module, filename, text, m->length, COMPILE_MODULE);
  return value_is_exception(r) ? r : vm_get_str(vm, module, "exports");
}

/* internal/ names are for built-in modules only: a script gets MODULE_NOT_FOUND. */
static bool may_require(VM *vm, const char *name, Value from) {
  if (strncmp(name, "internal/", 9) != 0) return true;
  Value filename = vm_get_str(vm, from, "filename");
  if (!value_is_string(filename)) return false;
  char *f = vm_to_utf8(vm, filename, NULL);
  bool builtin = strncmp(f, "node:", 5) == 0;
  free(f);
  return builtin;
}

static Value load_json(Host *host, Value module, char *text, size_t length) {
  VM *vm = host->vm;
  Value json = vm_get_str(vm, vm_global(vm), "JSON");
  Value parse = value_is_exception(json) ? json : vm_get_str(vm, json, "parse");
  Value source = vm_handle_push(vm, vm_string_n(vm, text, length));
  free(text);
  if (value_is_exception(parse)) return parse;
  Value data = vm_call(vm, parse, json, 1, &source);
  if (value_is_exception(data)) return data;
  vm_set_str(vm, module, "exports", data);
  return data;
}

static Value not_found(Host *host, const char *request, Value from) {
  VM *vm = host->vm;
  Value filename = vm_get_str(vm, from, "filename");
  char *from_name = value_is_string(filename) ? vm_to_utf8(vm, filename, NULL) : mem_strdup("");
  vm_throw_error(vm, ERR_ERROR, "Cannot find module '%s'\nRequire stack:\n- %s", request, from_name);
  Value error = vm_take_exception(vm);
  vm_handle_push(vm, error);
  vm_set_str(vm, error, "code", vm_string(vm, "MODULE_NOT_FOUND"));
  Value stack = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, stack, vm_string(vm, from_name));
  vm_set_str(vm, error, "requireStack", stack);
  free(from_name);
  return vm_throw(vm, error);
}

static Value require_file(Host *host, const char *path) {
  VM *vm = host->vm;
  Value cache = vm_pinned(vm, host->module_cache);
  Value cached = vm_get_str(vm, cache, path);
  if (value_is_object(cached)) return vm_get_str(vm, cached, "exports");
  size_t length;
  char *text = read_whole_file(path, &length);
  if (!text) return vm_throw_error(vm, ERR_ERROR, "Cannot read module '%s'", path);
  Value module = make_module(host, path, path);
  vm_set_str(vm, cache, path, module);
  Value r = ends_with(path, ".json") ? load_json(host, module, text, length)
                                     : run_module(host, module, path, text, length, COMPILE_MODULE);
  if (value_is_exception(r)) {
    Value key = vm_handle_push(vm, vm_string(vm, path));
    Value saved = vm_take_exception(vm); /* a module that throws leaves the cache */
    vm_handle_push(vm, saved);
    vm_delete_property(vm, cache, key);
    return vm_throw(vm, saved);
  }
  return vm_get_str(vm, module, "exports");
}

static Value require_native(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  if (argc < 1 || !value_is_string(argv[0]))
    return vm_throw_error(vm, ERR_TYPE, "The \"id\" argument must be of type string");
  char *request = vm_to_utf8(vm, argv[0], NULL);
  const char *name = strncmp(request, "node:", 5) == 0 ? request + 5 : request;
  Value r = may_require(vm, name, vm_native_data(vm)) ? host_require_builtin(host, name) : VALUE_HOLE;
  if (r == VALUE_HOLE) {
    Value module = vm_native_data(vm);
    Value path = vm_get_str(vm, module, "path");
    char *dir = vm_to_utf8(vm, path, NULL), resolved[PATH_MAX];
    bool relative = request[0] == '.' || request[0] == '/';
    r = relative && resolve_file(dir, request, resolved) ? require_file(host, resolved)
                                                        : not_found(host, request, module);
    free(dir);
  }
  free(request);
  return r;
}

/* ==== The main module ==== */

static int finish_main(Host *host, Value result) {
  if (value_is_exception(result)) host_fatal_exception(host); /* may be handled: go on */
  if (host->exiting) return host->exit_code;
  host_drain_jobs(host);
  host->loop_handles = vm_handle_mark(host->vm);
  if (!host->exiting) loop_run(host->loop);
  return host->exit_code;
}

/* The main module of code that has no file (-e, stdin, the REPL): its require starts
 * from the current directory, and a global script sees it as globals, as in node. */
static Value source_module(Host *host, const char *name, bool script) {
  VM *vm = host->vm;
  host->module_cache = vm_pin(vm, vm_object_new(vm));
  char cwd[PATH_MAX], filename[PATH_MAX + 64];
  if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, ".");
  snprintf(filename, sizeof filename, "%s/%s", cwd, name);
  Value module = make_module(host, filename, ".");
  Value global = vm_global(vm);
  if (!script) return module;
  vm_define_str(vm, global, "module", module, VM_ATTR_HIDDEN);
  vm_define_str(vm, global, "exports", vm_get_str(vm, module, "exports"), VM_ATTR_HIDDEN);
  vm_define_str(vm, global, "require", make_require(host, module), VM_ATTR_HIDDEN);
  return module;
}

int host_run_source(Host *host, const char *source, size_t length, const char *name,
                    CompileMode mode, HostResult on_result) {
  VM *vm = host->vm;
  int mark = vm_handle_mark(vm);
  Value module = source_module(host, name, mode == COMPILE_SCRIPT);
  if (mode == COMPILE_SCRIPT) {
    vm_define_str(vm, vm_global(vm), "__filename", vm_string(vm, name), VM_ATTR_HIDDEN);
    vm_define_str(vm, vm_global(vm), "__dirname", vm_string(vm, "."), VM_ATTR_HIDDEN);
  }
  char *text = mem_alloc(length + 1);
  memcpy(text, source, length);
  text[length] = 0;
  Value r = run_module(host, module, name, text, length, mode);
  if (!value_is_exception(r) && on_result) on_result(host, vm_handle_push(vm, r));
  vm_handle_reset(vm, mark);
  return finish_main(host, r);
}

void host_repl_globals(Host *host) {
  int mark = vm_handle_mark(host->vm);
  source_module(host, "[repl]", true);
  vm_handle_reset(host->vm, mark);
}

int host_run_loop(Host *host) { return finish_main(host, VALUE_UNDEFINED); }

int host_run_main(Host *host, const char *path, CompileMode mode) {
  VM *vm = host->vm;
  int mark = vm_handle_mark(vm);
  host->module_cache = vm_pin(vm, vm_object_new(vm));
  char resolved[PATH_MAX];
  size_t length;
  char *text = realpath(path, resolved) ? read_whole_file(resolved, &length) : NULL;
  if (!text) {
    char abs[PATH_MAX + 2];
    char cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) snprintf(abs, sizeof abs, "%s", path);
    else snprintf(abs, sizeof abs, "%s/%s", cwd, path);
    vm_throw_error(vm, ERR_ERROR, "Cannot find module '%s'", abs);
    Value error = vm_handle_push(vm, vm_take_exception(vm));
    vm_define_str(vm, error, "code", vm_string(vm, "MODULE_NOT_FOUND"), VM_ATTR_DEFAULT);
    vm_define_str(vm, error, "requireStack", vm_array_new(vm), VM_ATTR_DEFAULT);
    vm_throw(vm, error);
    vm_handle_reset(vm, mark);
    return finish_main(host, VALUE_EXCEPTION);
  }
  Value module = make_module(host, resolved, ".");
  vm_set_str(vm, vm_pinned(vm, host->module_cache), resolved, module);
  Value r = run_module(host, module, resolved, text, length, mode);
  vm_handle_reset(vm, mark);
  return finish_main(host, r);
}

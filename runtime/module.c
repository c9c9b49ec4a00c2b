/* module.c - CommonJS: the module wrapper, require, the module cache, and the main script.
 * Book: chapter 9, "Modules".
 *
 *   host_register_module   make a built-in module available to require (made in C, or
 *                          host_register_source_module: written in JavaScript)
 *   host_run_main          run a file as the main module, then the event loop
 *   mod_install            the built-in `module` (Module, createRequire, builtinModules)
 *
 * A module's code is compiled as the body of a function
 *     (exports, require, module, __filename, __dirname)
 * and called with `this` = module.exports. require(name) gives a built-in by name (with
 * or without `node:`), or the file resolve.c finds, loaded once and cached by its real
 * path in require.cache: .json parsed, .node refused, anything else run as JavaScript.
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
#include "runtime/loop_private.h"

/* Where node throws these errors (the uncaught report's first lines). */
static const char ORIGIN_UNKNOWN_BUILTIN[] =
    "node:internal/modules/cjs/loader:1031\n"
    "      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);\n      ^";
static const char ORIGIN_EMPTY_ID[] =
    "node:internal/modules/cjs/loader:1284\n    throw new ERR_INVALID_ARG_VALUE('id', id,\n    ^";
static const char ORIGIN_JSON[] = "node:internal/modules/cjs/loader:1644\n    throw err;\n    ^";
static const char ORIGIN_DLOPEN[] =
    "node:internal/modules/cjs/loader:1661\n"
    "  return process.dlopen(module, path.toNamespacedPath(filename));\n                 ^";
static const char ORIGIN_REQUIRE_ESM[] =
    "node:internal/modules/cjs/loader:1587\n      throw err;\n      ^";
static const char ORIGIN_PATHS_OPTION[] =
    "node:internal/modules/cjs/loader:1157\n"
    "      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);\n      ^";
static const char ORIGIN_CREATE_REQUIRE[] =
    "node:internal/modules/cjs/loader:1702\n"
    "      throw new ERR_INVALID_ARG_VALUE('filename', filename,\n      ^";

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

bool mod_is_builtin(Host *host, const char *name) {
  if (strncmp(name, "node:", 5) == 0) name += 5;
  if (strncmp(name, "internal/", 9) == 0) return false; /* node's own modules only */
  for (int i = 0; i < host->module_count; i++)
    if (strcmp(host->modules[i].name, name) == 0) return true;
  return false;
}

/* ==== Files and errors ==== */

char *mod_read_file(const char *path, size_t *length) {
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

bool mod_string_is(VM *vm, Value string, const char *s) {
  size_t n = strlen(s);
  if (!value_is_string(string) || vm_string_length(string) != n) return false;
  for (size_t i = 0; i < n; i++)
    if (vm_string_unit(string, (uint32_t)i) != (unsigned char)s[i]) return false;
  return true;
}

/* JSON.parse called as a plain function, so its frame reads "at parse", as in node. */
Value mod_parse_json(Host *host, char *text, size_t length) {
  VM *vm = host->vm;
  Value source = vm_handle_push(vm, vm_string_n(vm, text, length));
  free(text);
  Value json = vm_get_str(vm, vm_global(vm), "JSON");
  Value parse = value_is_object(json) ? vm_get_str(vm, json, "parse") : VALUE_UNDEFINED;
  if (value_is_exception(parse)) return parse;
  if (!vm_is_callable(parse)) return vm_throw_error(vm, ERR_TYPE, "JSON.parse is not a function");
  return vm_call(vm, parse, VALUE_UNDEFINED, 1, &source);
}

Value mod_error(Host *host, ErrorKind kind, const char *code, Value message) {
  VM *vm = host->vm;
  if (code && host->errors) return vm_handle_push(vm, host->errors->make(vm, kind, code, message));
  Value error = vm_handle_push(vm, vm_make_error(vm, kind, message));
  if (code) vm_define_str(vm, error, "code", vm_string(vm, code), VM_ATTR_DEFAULT);
  return error;
}

/* The text of error's own string property key, as UTF-8 to free(), or NULL. */
static char *own_text(VM *vm, Value error, const char *key) {
  if (!value_is_object(error) || !vm_has_own_str(vm, error, key)) return NULL;
  Value v = vm_get_str(vm, error, key);
  if (value_is_exception(v)) vm_take_exception(vm);
  return value_is_string(v) ? vm_to_utf8(vm, v, NULL) : NULL;
}

void mod_error_prefix(Host *host, Value error, const char *prefix) {
  VM *vm = host->vm;
  char *message = own_text(vm, error, "message"), *stack = own_text(vm, error, "stack");
  StrBuf sb = {0};
  sb_printf(&sb, "%s%s", prefix, message ? message : "");
  vm_set_str(vm, error, "message", vm_handle_push(vm, sb_finish(vm, &sb)));
  char *at = stack && message ? strstr(stack, message) : NULL;
  if (at) { /* V8 writes the stack's header late, with the message as it is by then */
    sb = (StrBuf){0};
    sb_printf(&sb, "%.*s%s%s", (int)(at - stack), stack, prefix, at);
    vm_define_str(vm, error, "stack", vm_handle_push(vm, sb_finish(vm, &sb)), VM_ATTR_HIDDEN);
  }
  free(message);
  free(stack);
}

//> runtime.node-frames
/* V8 keeps Error.stackTraceLimit frames (10), and node's loader, JavaScript there, takes
 * its share: `frames` above the first frame shown (the error was made inside it),
 * `after_first` after it (JSON.parse called by it), and six between a module's top level
 * ("at Object.<anonymous>") and the code that required it. tinynode's loader is C: keep
 * the frames node shows, and drop the loader's natives ("at require (<anonymous>)"). */
static void node_frames(Host *host, Value error, int frames, int after_first) {
  VM *vm = host->vm;
  Value ctor = vm_get_str(vm, vm_global(vm), "Error");
  Value limit = value_is_object(ctor) ? vm_get_str(vm, ctor, "stackTraceLimit") : VALUE_UNDEFINED;
  char *stack = own_text(vm, error, "stack");
  if (!stack || !value_is_number(limit)) return free(stack);
  char *at = strstr(stack, "\n    at ");
  int budget = (int)value_to_number(limit) - frames, shown = 0;
  StrBuf sb = {0};
  sb_printf(&sb, "%.*s", at ? (int)(at - stack) : (int)strlen(stack), stack);
  for (char *line = at; line && budget > 0;) {
    char *next = strstr(line + 1, "\n    at ");
    int n = next ? (int)(next - line) : (int)strlen(line);
    bool native = n > 14 && strncmp(line + n - 14, " (<anonymous>)", 14) == 0 &&
                  (mod_starts_with(line, "\n    at require ") ||
                   mod_starts_with(line, "\n    at Module.require ") ||
                   mod_starts_with(line, "\n    at Function.resolve "));
    if (!native) {
      sb_printf(&sb, "%.*s", n, line);
      budget -= 1 + (shown++ == 0 ? after_first : 0);
      if (mod_starts_with(line, "\n    at Object.<anonymous> (")) budget -= 6;
    }
    line = next;
  }
  if (shown == 0) /* node's loader filled the ten: its frames, and no bare header */
    sb_puts(&sb, "\n    at Module._load (node:internal/modules/cjs/loader)");
  vm_define_str(vm, error, "stack", vm_handle_push(vm, sb_finish(vm, &sb)), VM_ATTR_HIDDEN);
  free(stack);
  if (host->trimmed >= 0) vm_unpin(vm, host->trimmed);
  host->trimmed = vm_pin(vm, error);
}
//< runtime.node-frames

/* The pending exception, leaving a require: an error from the module's own code gets
 * node's frames here, once. It stays pending, thrown from where it was. */
static Value pass_exception(VM *vm) {
  Host *host = host_of(vm);
  Value e = vm_handle_push(vm, vm_pending_exception(vm));
  bool done = host->trimmed >= 0 && vm_pinned(vm, host->trimmed) == e;
  if (!done && vm_is_error(e)) node_frames(host, e, 0, 0);
  return VALUE_EXCEPTION;
}

Value mod_throw_framed(Host *host, Value error, const char *origin, int frames, int after_first) {
  VM *vm = host->vm;
  if (vm_is_error(error)) {
    int above = after_first ? 0 : frames + host->entry_frames;
    node_frames(host, error, above, after_first ? after_first + host->entry_frames : 0);
  }
  if (host->errors && origin) return host->errors->throw_from(vm, error, origin);
  return vm_throw(vm, error);
}

Value mod_throw(Host *host, Value error, const char *origin, int frames) {
  return mod_throw_framed(host, error, origin, frames, 0);
}

void mod_warn(Host *host, const char *message, const char *type, const char *code) {
  if (!host->errors) return;
  Value r = host->errors->warn(host->vm, message, type, code);
  if (value_is_exception(r)) vm_take_exception(host->vm); /* a throwing listener: as node */
}

/* A script's argument error (require(1), require('')), thrown from node's origin. */
static Value throw_arg(Host *host, const char *name, Value value, const char *reason,
                       const char *origin) {
  VM *vm = host->vm;
  if (!host->errors) return vm_throw_error(vm, ERR_TYPE, "The \"%s\" argument is invalid", name);
  Value r = reason ? host->errors->arg_value(vm, name, value, reason)
                   : host->errors->arg_type(vm, name, "of type string", value);
  if (!origin || !value_is_exception(r)) return r;
  return mod_throw(host, vm_handle_push(vm, vm_take_exception(vm)), origin, -1);
}

/* ==== Module objects ==== */

static Value module_require_method(VM *vm, Value this_value, int argc, Value *argv);
static Value module_construct(VM *vm, Value this_value, int argc, Value *argv);
static Value create_require(VM *vm, Value this_value, int argc, Value *argv);
static Value is_builtin_native(VM *vm, Value this_value, int argc, Value *argv);
static Value node_module_paths_native(VM *vm, Value this_value, int argc, Value *argv);

static const VMPropDef module_methods[] = {
    VM_FN_ENUM("require", module_require_method, 1),
    VM_PROPS_END,
};

static const VMPropDef module_statics[] = {
    VM_FN_ENUM("_nodeModulePaths", node_module_paths_native, 1),
    VM_FN_ENUM("isBuiltin", is_builtin_native, 1),
    VM_FN_ENUM("createRequire", create_require, 1),
    VM_PROPS_END,
};

static const VMPropDef module_constructor[] = {
    VM_FUNCTION_CONSTRUCTOR("Module", module_construct, 0, 0, INTRINSIC_MODULE_PROTOTYPE,
                            NULL, module_methods),
    VM_PROPS_END,
};

static Value module_ctor_getter(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_native_data(vm);
}

/* Module and Module.prototype, made with the first module (its statics wait for
 * require('module'): start-up stays as cheap as it was). */
static Value module_prototype(Host *host) {
  VM *vm = host->vm;
  Value proto = vm_intrinsic(vm, INTRINSIC_MODULE_PROTOTYPE);
  if (value_is_object(proto)) return proto;
  Value ctor = vm_prop_value(vm, module_constructor);
  if (value_is_exception(ctor)) runtime_panic("module_prototype: cannot make Module");
  host->module_ctor = vm_pin(vm, ctor);
  proto = vm_handle_push(vm, vm_intrinsic(vm, INTRINSIC_MODULE_PROTOTYPE));
  /* node 20.20 answers module.constructor with a getter: inspect then names no class */
  PropertyDescriptor desc = {.has_getter = true, .has_setter = true, .setter = VALUE_UNDEFINED,
                             .has_enumerable = true, .has_configurable = true};
  desc.getter = vm_handle_push(vm, vm_native_with_data(vm, "get", module_ctor_getter, 0, ctor));
  vm_define_property(vm, proto, vm_handle_push(vm, vm_string(vm, "constructor")), &desc);
  return proto;
}

/* Node's own symbol-keyed flags on a module, shown by console.log(module). */
enum { MODULE_IS_MAIN, MODULE_IS_CACHED_BY_ESM, MODULE_IS_EXECUTING };

static void module_flag(Host *host, Value module, int which, Value v) {
  VM *vm = host->vm;
  if (host->module_symbols < 0) {
    static const char *const names[] = {"kIsMainSymbol", "kIsCachedByESMLoader", "kIsExecuting"};
    Value list = vm_handle_push(vm, vm_array_new(vm));
    for (int i = 0; i < 3; i++)
      vm_array_push(vm, list, vm_symbol_new(vm, vm_handle_push(vm, vm_string(vm, names[i]))));
    host->module_symbols = vm_pin(vm, list);
  }
  vm_set(vm, module, vm_array_get(vm, vm_pinned(vm, host->module_symbols), (uint32_t)which), v);
}

/* updateChildren: child joins parent.children, once. */
static void add_child(VM *vm, Value parent, Value child) {
  Value children = value_is_object(parent) ? vm_get_str(vm, parent, "children") : VALUE_UNDEFINED;
  if (value_is_exception(children)) vm_take_exception(vm); /* a script's own parent object */
  if (!vm_is_array(children)) return;
  for (uint32_t i = 0; i < vm_array_length(children); i++)
    if (vm_array_get(vm, children, i) == child) return;
  vm_array_push(vm, children, child);
}

//> runtime.module-object
/* new Module(id, parent): the object a module's code sees as `module`. Its parent is
 * kept as a hidden property (node keeps it in a WeakMap behind a getter). */
static Value module_new(Host *host, Value id, Value parent) {
  VM *vm = host->vm;
  Value module = vm_handle_push(vm, vm_object_with_proto(vm, module_prototype(host)));
  char *text = vm_to_utf8(vm, id, NULL);
  char *slash = strrchr(text, '/');
  const char *dir = !slash ? "." : slash == text ? "/" : (*slash = '\0', text);
  vm_define_str(vm, module, "id", id, VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "path", vm_string(vm, dir), VM_ATTR_DEFAULT);
  free(text);
  vm_define_str(vm, module, "exports", vm_object_new(vm), VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "parent", parent, VM_ATTR_HIDDEN);
  add_child(vm, parent, module);
  vm_define_str(vm, module, "filename", VALUE_NULL, VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "loaded", VALUE_FALSE, VM_ATTR_DEFAULT);
  vm_define_str(vm, module, "children", vm_array_new(vm), VM_ATTR_DEFAULT);
  return module;
}
//< runtime.module-object

/* Module.prototype.load's first half: the module's filename, node_modules lookup and
 * node's flags (a module made by createRequire has no flags). */
static void module_set_file(Host *host, Value module, const char *filename, bool main) {
  VM *vm = host->vm;
  vm_set_str(vm, module, "filename", vm_handle_push(vm, vm_string(vm, filename)));
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", filename);
  vm_set_str(vm, module, "paths", mod_node_module_paths(vm, dirname(dir)));
  module_flag(host, module, MODULE_IS_MAIN, main ? VALUE_TRUE : VALUE_FALSE);
  module_flag(host, module, MODULE_IS_CACHED_BY_ESM, VALUE_FALSE);
  module_flag(host, module, MODULE_IS_EXECUTING, VALUE_TRUE);
}

static Value module_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  Value id = argc > 0 && !value_is_undefined(argv[0]) ? vm_to_string(vm, argv[0]) : vm_string(vm, "");
  if (value_is_exception(id)) return id;
  vm_handle_push(vm, id);
  Value module = module_new(host, id, argc > 1 ? argv[1] : VALUE_UNDEFINED);
  return vm_has_exception(vm) ? VALUE_EXCEPTION : module;
}

/* ==== require ==== */

static Value require_native(VM *vm, Value this_value, int argc, Value *argv);
static Value resolve_native(VM *vm, Value this_value, int argc, Value *argv);
static Value resolve_paths_native(VM *vm, Value this_value, int argc, Value *argv);
static Value load_js(VM *vm, Value this_value, int argc, Value *argv);

/* require.extensions (Module._extensions): the loaders by file extension. They are
 * looked at, not called: tinynode loads the three kinds itself. */
static Value extensions(Host *host) {
  VM *vm = host->vm;
  if (host->extensions < 0) {
    Value ext = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
    static const char *const names[] = {".js", ".json", ".node"};
    for (int i = 0; i < 3; i++)
      vm_define_str(vm, ext, names[i], vm_native_new(vm, "", load_js, 2), VM_ATTR_DEFAULT);
    host->extensions = vm_pin(vm, ext);
  }
  return vm_pinned(vm, host->extensions);
}

/* A `require` function bound to module: resolve (with resolve.paths), main, extensions
 * and cache, as node's makeRequireFunction makes it. */
static Value make_require(Host *host, Value module) {
  VM *vm = host->vm;
  Value require = vm_handle_push(vm, vm_native_with_data(vm, "require", require_native, 1, module));
  Value resolve = vm_handle_push(vm, vm_native_with_data(vm, "resolve", resolve_native, 2, module));
  Value paths = vm_native_with_data(vm, "paths", resolve_paths_native, 1, module);
  vm_define_str(vm, resolve, "paths", paths, VM_ATTR_DEFAULT);
  vm_define_str(vm, require, "resolve", resolve, VM_ATTR_DEFAULT);
  if (host->main_module < 0) { /* the first is main */
    host->main_module = vm_pin(vm, module);
    if (host->on_main_module) host->on_main_module(host, module);
  }
  vm_define_str(vm, require, "main", vm_pinned(vm, host->main_module), VM_ATTR_DEFAULT);
  vm_define_str(vm, require, "extensions", extensions(host), VM_ATTR_DEFAULT);
  vm_define_str(vm, require, "cache", vm_pinned(vm, host->module_cache), VM_ATTR_DEFAULT);
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
  Value module = module_new(host, vm_handle_push(vm, vm_string(vm, m->name)), VALUE_UNDEFINED);
  vm_set_str(vm, module, "filename", vm_string(vm, filename));
  char *text = mem_alloc(m->length + 1);
  memcpy(text, m->source, m->length);
  text[m->length] = '\0';
  Value r = run_module(host, module, filename, text, m->length, COMPILE_MODULE);
  return value_is_exception(r) ? r : vm_get_str(vm, module, "exports");
}

/* ==== Loading a file, by its extension ==== */

/* Module._extensions['.json']: the parsed file (after a UTF-8 byte order mark, which node
 * strips); a parse error names the file. */
static Value load_json(Host *host, Value module, const char *filename) {
  VM *vm = host->vm;
  size_t length;
  char *text = mod_read_file(filename, &length);
  if (!text) return vm_throw_error(vm, ERR_ERROR, "Cannot read module '%s'", filename);
  bool bom = length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0;
  if (bom) memmove(text, text + 3, length -= 3), text[length] = '\0';
  Value data = mod_parse_json(host, text, length);
  if (value_is_exception(data)) {
    Value error = vm_handle_push(vm, vm_take_exception(vm));
    char prefix[PATH_MAX + 4];
    snprintf(prefix, sizeof prefix, "%s: ", filename);
    if (vm_is_error(error)) mod_error_prefix(host, error, prefix);
    return mod_throw_framed(host, error, ORIGIN_JSON, 0, 2);
  }
  vm_set_str(vm, module, "exports", vm_handle_push(vm, data));
  vm_set_str(vm, module, "loaded", VALUE_TRUE);
  return data;
}

/* Module._extensions['.node']: process.dlopen, which tinynode does not have. It fails as
 * the dynamic linker fails on a file that is no shared library. */
static Value load_addon(Host *host, const char *filename) {
  VM *vm = host->vm;
  char head[64] = {0};
  FILE *f = fopen(filename, "rb");
  size_t n = f ? fread(head, 1, sizeof head, f) : 0;
  if (f) fclose(f);
  const char *why = n < sizeof head ? "file too short"
                    : memcmp(head, "\177ELF", 4) != 0 ? "invalid ELF header"
                                                      : "tinynode cannot load native addons";
  char message[PATH_MAX + 64];
  snprintf(message, sizeof message, "%s: %s", filename, why);
  Value error = mod_error(host, ERR_ERROR, NULL, vm_handle_push(vm, vm_string(vm, message)));
  vm_define_str(vm, error, "code", vm_string(vm, "ERR_DLOPEN_FAILED"), VM_ATTR_DEFAULT);
  return mod_throw(host, error, ORIGIN_DLOPEN, 2);
}

/* ERR_REQUIRE_ESM: an .mjs file, or a .js file in a "type": "module" package. tinynode
 * runs no ES modules; node 20's own message, from before require(esm). */
static Value require_esm(Host *host, Value parent, const char *filename, const char *pjson) {
  VM *vm = host->vm;
  Value from = value_is_object(parent) ? vm_get_str(vm, parent, "filename") : VALUE_UNDEFINED;
  if (value_is_exception(from)) vm_take_exception(vm);
  char *parent_path = value_is_string(from) ? vm_to_utf8(vm, from, NULL) : NULL;
  const char *base = strrchr(filename, '/') ? strrchr(filename, '/') + 1 : filename;
  StrBuf sb = {0};
  sb_printf(&sb, "require() of ES Module %s%s%s not supported.", filename,
            parent_path ? " from " : "", parent_path ? parent_path : "");
  if (!pjson)
    sb_printf(&sb, "\nInstead change the require of %s to a dynamic import() which is available "
              "in all CommonJS modules.", filename);
  else
    sb_printf(&sb, "\n%s is treated as an ES module file as it is a .js file whose nearest parent "
              "package.json contains \"type\": \"module\" which declares all .js files in that "
              "package scope as ES modules.\nInstead either rename %s to end in .cjs, change the "
              "requiring code to use dynamic import() which is available in all CommonJS "
              "modules, or change \"type\": \"module\" to \"type\": \"commonjs\" in %s to treat "
              "all .js files as CommonJS (using .mjs for all ES modules instead).\n",
              base, base, pjson);
  free(parent_path);
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  Value error = mod_error(host, ERR_ERROR, "ERR_REQUIRE_ESM", message);
  return mod_throw(host, error, ORIGIN_REQUIRE_ESM, 2);
}

/* A .js file is an ES module when its package says "type": "module". */
static Value check_esm(Host *host, Value parent, const char *filename) {
  VM *vm = host->vm;
  if (mod_ends_with(filename, ".mjs")) return require_esm(host, parent, filename, NULL);
  if (!mod_ends_with(filename, ".js")) return VALUE_UNDEFINED;
  char dir[PATH_MAX], pjson[PATH_MAX + 16];
  Value pkg = mod_package_scope(host, filename, dir);
  if (!value_is_object(pkg)) return pkg;
  if (!mod_string_is(vm, vm_get_str(vm, pkg, "type"), "module")) return VALUE_UNDEFINED;
  snprintf(pjson, sizeof pjson, "%s/package.json", dir);
  return require_esm(host, parent, filename, pjson);
}

static Value load_script(Host *host, Value module, Value parent, const char *filename) {
  Value esm = check_esm(host, parent, filename);
  if (value_is_exception(esm)) return esm;
  size_t length;
  char *text = mod_read_file(filename, &length);
  if (!text) return vm_throw_error(host->vm, ERR_ERROR, "Cannot read module '%s'", filename);
  int entry = host->entry_frames;
  host->entry_frames = 0; /* the module's own code runs: no require call under way */
  Value r = run_module(host, module, filename, text, length, COMPILE_MODULE);
  host->entry_frames = entry;
  return r;
}

//> runtime.load-module
/* Module.prototype.load: the loader of the file's extension (.js for any unknown one). */
static Value load_module(Host *host, Value module, Value parent, const char *filename) {
  module_set_file(host, module, filename, false);
  const char *base = strrchr(filename, '/') + 1, *dot = strrchr(base, '.');
  Value r;
  if (dot && dot != base && strcmp(dot, ".json") == 0) r = load_json(host, module, filename);
  else if (dot && dot != base && strcmp(dot, ".node") == 0) r = load_addon(host, filename);
  else r = load_script(host, module, parent, filename);
  if (!value_is_exception(r)) module_flag(host, module, MODULE_IS_EXECUTING, VALUE_FALSE);
  return r;
}
//< runtime.load-module

/* Takes the module back out of the cache and of its parent's children (it threw; the
 * exception stays pending). */
static void evict(Host *host, Value module, Value parent, const char *filename) {
  VM *vm = host->vm;
  Value key = vm_handle_push(vm, vm_string(vm, filename));
  vm_delete_property(vm, vm_pinned(vm, host->module_cache), key);
  Value children = value_is_object(parent) ? vm_get_str(vm, parent, "children") : VALUE_UNDEFINED;
  for (uint32_t i = 0; vm_is_array(children) && i < vm_array_length(children); i++) {
    if (vm_array_get(vm, children, i) != module) continue;
    uint32_t n = vm_array_length(children);
    for (uint32_t j = i; j + 1 < n; j++) vm_array_set(vm, children, j, vm_array_get(vm, children, j + 1));
    vm_array_set_length(vm, children, n - 1);
    break;
  }
}

/* A built-in by name: node:NAME must be one; internal/ names are for built-ins only. */
static Value require_builtin(Host *host, Value parent, const char *request) {
  VM *vm = host->vm;
  bool scheme = strncmp(request, "node:", 5) == 0;
  if (!mod_is_builtin(host, request)) {
    if (!scheme) return VALUE_HOLE;
    Value message = vm_handle_push(vm, vm_string(vm, "No such built-in module: "));
    message = vm_handle_push(vm, vm_string_concat(vm, message, vm_string(vm, request)));
    return mod_throw(host, mod_error(host, ERR_ERROR, "ERR_UNKNOWN_BUILTIN_MODULE", message),
                     ORIGIN_UNKNOWN_BUILTIN, 0);
  }
  return host_require_builtin(host, scheme ? request + 5 : request);
}

/* A built-in module's code may require node's internal/ modules. */
static Value require_internal(Host *host, Value parent, const char *request) {
  if (strncmp(request, "internal/", 9) != 0) return VALUE_HOLE;
  Value f = value_is_object(parent) ? vm_get_str(host->vm, parent, "filename") : VALUE_UNDEFINED;
  if (value_is_exception(f)) vm_take_exception(host->vm);
  char *from = value_is_string(f) ? vm_to_utf8(host->vm, f, NULL) : NULL;
  bool builtin = from && strncmp(from, "node:", 5) == 0;
  free(from);
  return builtin ? host_require_builtin(host, request) : VALUE_HOLE;
}

//> runtime.require
/* Module._load: a built-in, else the cached module of the file the request resolves
 * to, else a new one, cached before it runs (so a cycle sees its partial exports). */
static Value require_module(Host *host, Value parent, const char *request) {
  VM *vm = host->vm;
  Value builtin = require_internal(host, parent, request);
  if (builtin == VALUE_HOLE) builtin = require_builtin(host, parent, request);
  if (builtin != VALUE_HOLE) return builtin;
  char filename[PATH_MAX];
  Value found = mod_resolve_filename(host, request, parent, VALUE_UNDEFINED, filename);
  if (value_is_exception(found)) return found;
  Value cache = vm_pinned(vm, host->module_cache);
  Value cached = vm_get_str(vm, cache, filename);
  if (value_is_object(cached)) {
    add_child(vm, parent, cached);
    return vm_get_str(vm, cached, "exports");
  }
  Value id = vm_handle_push(vm, vm_string(vm, filename));
  Value module = module_new(host, id, parent);
  vm_set(vm, cache, id, module);
  if (value_is_exception(load_module(host, module, parent, filename))) {
    evict(host, module, parent, filename);
    return VALUE_EXCEPTION;
  }
  return vm_get_str(vm, module, "exports");
}
//< runtime.require

/* require(id)'s checks: a string, not empty. Its text to free(), or NULL (thrown). */
static char *request_text(Host *host, Value id) {
  if (!value_is_string(id)) return throw_arg(host, "id", id, NULL, NULL), NULL;
  if (vm_string_length(id) == 0)
    return throw_arg(host, "id", id, "must be a non-empty string", ORIGIN_EMPTY_ID), NULL;
  return vm_to_utf8(host->vm, id, NULL);
}

/* require(id) on behalf of module; entry: node's frames of the call (Module._load,
 * Module.prototype.require and, called as require(), the require function). */
static Value require_as(VM *vm, Value module, int argc, Value *argv, int entry) {
  Host *host = host_of(vm);
  int saved = host->entry_frames;
  host->entry_frames = entry;
  char *request = request_text(host, argc > 0 ? argv[0] : VALUE_UNDEFINED);
  Value r = request ? require_module(host, module, request) : VALUE_EXCEPTION;
  free(request);
  host->entry_frames = saved;
  return value_is_exception(r) ? pass_exception(vm) : r;
}

static Value require_native(VM *vm, Value this_value, int argc, Value *argv) {
  return require_as(vm, vm_native_data(vm), argc, argv, 3);
}

static Value module_require_method(VM *vm, Value this_value, int argc, Value *argv) {
  return require_as(vm, this_value, argc, argv, 2);
}

/* ==== require.resolve, require.resolve.paths ==== */

/* validateString(request, 'request'), its text to free(), or NULL (thrown). */
static char *string_arg(Host *host, Value v, const char *name) {
  if (value_is_string(v)) return vm_to_utf8(host->vm, v, NULL);
  if (host->errors) host->errors->arg_type(host->vm, name, "of type string", v);
  else vm_throw_error(host->vm, ERR_TYPE, "The \"%s\" argument must be of type string", name);
  return NULL;
}

/* options.paths: an array, or undefined (the usual lookup); anything else is an error. */
static Value paths_of(Host *host, Value options) {
  VM *vm = host->vm;
  if (!value_is_object(options)) return VALUE_UNDEFINED;
  Value paths = vm_get_str(vm, options, "paths");
  if (value_is_exception(paths) || value_is_undefined(paths) || vm_is_array(paths)) return paths;
  vm_handle_push(vm, paths);
  if (!host->errors) return vm_throw_error(vm, ERR_TYPE, "The property 'options.paths' is invalid");
  host->errors->arg_value(vm, "options.paths", paths, NULL);
  return mod_throw(host, vm_handle_push(vm, vm_take_exception(vm)), ORIGIN_PATHS_OPTION, 1);
}

static Value resolve_native(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  int saved = host->entry_frames;
  host->entry_frames = 1; /* require.resolve calls Module._resolveFilename itself */
  char *request = string_arg(host, argc > 0 ? argv[0] : VALUE_UNDEFINED, "request");
  if (!request) return pass_exception(vm);
  Value result = VALUE_EXCEPTION;
  Value paths = vm_handle_push(vm, paths_of(host, argc > 1 ? argv[1] : VALUE_UNDEFINED));
  char filename[PATH_MAX];
  if (value_is_exception(paths)) result = VALUE_EXCEPTION;
  else if (mod_is_builtin(host, request)) result = vm_string(vm, request);
  else if (!value_is_exception(mod_resolve_filename(host, request, vm_native_data(vm), paths, filename)))
    result = vm_string(vm, filename);
  free(request);
  host->entry_frames = saved;
  return value_is_exception(result) ? pass_exception(vm) : result;
}

static Value resolve_paths_native(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  char *request = string_arg(host, argc > 0 ? argv[0] : VALUE_UNDEFINED, "request");
  if (!request) return VALUE_EXCEPTION;
  Value paths = mod_lookup_paths(host, request, vm_native_data(vm));
  free(request);
  return paths;
}

/* ==== The built-in `module` ==== */

/* Module._extensions' functions: tinynode loads files itself; calling one runs the file
 * as JavaScript for that module, as node's '.js' loader would. */
static Value load_js(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  if (argc < 2 || !value_is_object(argv[0]) || !value_is_string(argv[1]))
    return vm_throw_error(vm, ERR_TYPE, "The \"filename\" argument must be of type string");
  Value exports = vm_get_str(vm, argv[0], "exports");
  if (value_is_exception(exports)) return exports;
  char *filename = vm_to_utf8(vm, argv[1], NULL);
  Value r = load_script(host, argv[0], VALUE_UNDEFINED, filename);
  free(filename);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

static Value node_module_paths_native(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  char *from = string_arg(host, argc > 0 ? argv[0] : VALUE_UNDEFINED, "from");
  if (!from) return VALUE_EXCEPTION;
  Value paths = mod_node_module_paths(vm, from);
  free(from);
  return paths;
}

static Value is_builtin_native(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 1 || !value_is_string(argv[0])) return VALUE_FALSE;
  char *name = vm_to_utf8(vm, argv[0], NULL);
  bool yes = mod_is_builtin(host_of(vm), name);
  free(name);
  return yes ? VALUE_TRUE : VALUE_FALSE;
}

/* createRequire(filename): a require for a module at filename (an absolute path or a
 * file: URL string), which need not exist. */
static Value create_require(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  Value arg = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  char *path = value_is_string(arg) ? vm_to_utf8(vm, arg, NULL) : NULL;
  const char *file = path && strncmp(path, "file://", 7) == 0 ? path + 7 : path;
  if (!file || file[0] != '/') {
    free(path);
    int saved = host->entry_frames;
    host->entry_frames = 2; /* createRequire's own frame, counted as throw_arg counts */
    Value r = throw_arg(host, "filename", arg, "must be a file URL object, file URL string, or "
                        "absolute path string", ORIGIN_CREATE_REQUIRE);
    host->entry_frames = saved;
    return r;
  }
  char proxy[PATH_MAX + 8];
  snprintf(proxy, sizeof proxy, "%s%s", file, mod_ends_with(file, "/") ? "noop.js" : "");
  free(path);
  Value module = module_new(host, vm_handle_push(vm, vm_string(vm, proxy)), VALUE_UNDEFINED);
  vm_set_str(vm, module, "filename", vm_handle_push(vm, vm_string(vm, proxy)));
  vm_set_str(vm, module, "paths", mod_node_module_paths(vm, dirname(proxy)));
  return make_require(host, module);
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* builtinModules: the names a script may require, sorted as node lists them. */
static Value builtin_names(Host *host) {
  VM *vm = host->vm;
  const char **names = mem_alloc(sizeof *names * (size_t)(host->module_count + 1));
  int n = 0;
  for (int i = 0; i < host->module_count; i++)
    if (mod_is_builtin(host, host->modules[i].name)) names[n++] = host->modules[i].name;
  qsort(names, (size_t)n, sizeof *names, compare_names);
  Value list = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 0; i < n; i++) vm_array_push(vm, list, vm_string(vm, names[i]));
  free(names);
  return list;
}

/* require('module'): the Module constructor, with node's statics. */
static Value module_builtin(Host *host) {
  VM *vm = host->vm;
  module_prototype(host);
  Value ctor = vm_pinned(vm, host->module_ctor);
  if (!vm_define_props(vm, ctor, module_statics)) return VALUE_EXCEPTION;
  vm_define_str(vm, ctor, "_cache", vm_pinned(vm, host->module_cache), VM_ATTR_DEFAULT);
  vm_define_str(vm, ctor, "_extensions", extensions(host), VM_ATTR_DEFAULT);
  vm_define_str(vm, ctor, "builtinModules", builtin_names(host), VM_ATTR_DEFAULT);
  Value global_paths = vm_handle_push(vm, vm_array_new(vm));
  mod_push_global_paths(vm, global_paths);
  vm_define_str(vm, ctor, "globalPaths", global_paths, VM_ATTR_DEFAULT);
  vm_define_str(vm, ctor, "Module", ctor, VM_ATTR_DEFAULT);
  return ctor;
}

void mod_install(Host *host) {
  host->extensions = -1;
  host->module_symbols = -1;
  host->trimmed = -1;
  host_register_module(host, "module", module_builtin);
}

/* ==== The main module ==== */

static int finish_main(Host *host, Value result) {
  if (value_is_exception(result)) host_fatal_exception(host); /* may be handled: go on */
  if (host->exiting) return host->exit_code;
  host_drain_jobs(host);
  host->loop_handles = vm_handle_mark(host->vm);
  /* node's SpinEventLoop: the loop, then 'beforeExit', again while that left work */
  while (!host->exiting) {
    loop_run(host->loop);
    if (host->exiting || !host->on_before_exit) break;
    host->on_before_exit(host);
    if (host->exiting || !loop_alive(host->loop)) break;
  }
  return host->exit_code;
}

static void new_cache(Host *host) {
  host->module_cache = vm_pin(host->vm, vm_object_with_proto(host->vm, VALUE_NULL));
}

/* The main module of code that has no file (-e, stdin, the REPL): its require starts
 * from the current directory, and a global script sees it as globals, as in node. */
static Value source_module(Host *host, const char *name, bool script) {
  VM *vm = host->vm;
  new_cache(host);
  char cwd[PATH_MAX], filename[PATH_MAX + 64];
  if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, ".");
  snprintf(filename, sizeof filename, "%s/%s", cwd, name);
  Value module = module_new(host, vm_handle_push(vm, vm_string(vm, name)), VALUE_UNDEFINED);
  vm_set_str(vm, module, "filename", vm_string(vm, filename));
  vm_set_str(vm, module, "paths", mod_node_module_paths(vm, cwd));
  module_flag(host, module, MODULE_IS_EXECUTING, VALUE_FALSE);
  host->main_module = vm_pin(vm, VALUE_UNDEFINED); /* node's require.main: none */
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

/* The main script, found as node finds it (`tinynode app` runs app.js) and run as the
 * module with id "." and no parent. */
int host_run_main(Host *host, const char *path, CompileMode mode) {
  VM *vm = host->vm;
  int mark = vm_handle_mark(vm);
  new_cache(host);
  char abs[PATH_MAX * 2 + 2], cwd[PATH_MAX], resolved[PATH_MAX];
  if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) snprintf(abs, sizeof abs, "%s", path);
  else snprintf(abs, sizeof abs, "%s/%s", cwd, path);
  Value r = mod_resolve_filename(host, abs, VALUE_UNDEFINED, VALUE_UNDEFINED, resolved);
  size_t length;
  char *text = value_is_exception(r) ? NULL : mod_read_file(resolved, &length);
  if (!text && !value_is_exception(r)) vm_throw_error(vm, ERR_ERROR, "Cannot read '%s'", resolved);
  if (!text) {
    vm_handle_reset(vm, mark);
    return finish_main(host, VALUE_EXCEPTION);
  }
  Value module = module_new(host, vm_handle_push(vm, vm_string(vm, resolved)), VALUE_NULL);
  vm_set_str(vm, module, "id", vm_string(vm, "."));
  module_set_file(host, module, resolved, true);
  vm_set_str(vm, vm_pinned(vm, host->module_cache), resolved, module);
  r = run_module(host, module, resolved, text, length, mode);
  if (!value_is_exception(r)) module_flag(host, module, MODULE_IS_EXECUTING, VALUE_FALSE);
  vm_handle_reset(vm, mark);
  return finish_main(host, r);
}

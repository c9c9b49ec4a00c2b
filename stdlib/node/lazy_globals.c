/* lazy_globals.c - node's globals that cost nothing until a script touches one: Buffer,
 * atob, btoa, TextEncoder, TextDecoder, URL, URLSearchParams, performance and the
 * Performance classes, fetch and its classes (Request, Response, Headers, FormData, Blob, File,
 * ReadableStream).
 * Book: chapter 11, "Files" ("Bytes: Buffer").
 *
 * Entry point: lazy_globals_install. (web.c does the same for EventTarget and the other
 * web globals, whose DOMException comes from C.)
 */
#include "stdlib/node/internal.h"

//> node.lazy-globals
/* Each global is an accessor, as in node, whose getter loads the module that makes it.
 * Node's getters for most then put the value in their place as a data property; so does
 * assigning to them. Buffer and performance stay accessors for good, and an assignment
 * to one is kept in a realm slot (an object, under the global's name) for its getter. */
typedef struct LazyGlobal {
  const char *name, *module, *export, *getter, *setter; /* the accessor's names, as node's
                                                          (no setter: NULL) */
  bool enumerable;
  bool stays; /* an accessor for good */
} LazyGlobal;

#define SETTLES(name, module, enumerable) {name, module, name, "get " name, "set " name, enumerable, false}
static const LazyGlobal lazy_globals[] = {
    {"Buffer", "buffer", "Buffer", "get", "set", false, true},
    SETTLES("atob", "buffer", true),
    SETTLES("btoa", "buffer", true),
    SETTLES("TextEncoder", "internal/encoding", false),
    SETTLES("TextDecoder", "internal/encoding", false),
    SETTLES("URL", "internal/url", false),
    SETTLES("URLSearchParams", "internal/url", false),
    {"performance", "perf_hooks", "performance", "get performance", "set performance", true, true},
    SETTLES("Performance", "perf_hooks", false),
    SETTLES("PerformanceEntry", "perf_hooks", false),
    SETTLES("PerformanceMark", "perf_hooks", false),
    SETTLES("PerformanceMeasure", "perf_hooks", false),
    SETTLES("PerformanceObserver", "perf_hooks", false),
    SETTLES("PerformanceObserverEntryList", "perf_hooks", false),
    SETTLES("PerformanceResourceTiming", "perf_hooks", false),
    SETTLES("fetch", "internal/fetch/fetch", true),
    SETTLES("Request", "internal/fetch/fetch", false),
    SETTLES("Response", "internal/fetch/fetch", false),
    SETTLES("Headers", "internal/fetch/headers", false),
    SETTLES("FormData", "internal/fetch/body", false),
    SETTLES("Blob", "internal/fetch/body", false),
    SETTLES("File", "internal/fetch/body", false),
    SETTLES("ReadableStream", "internal/fetch/streams", false),
    {"crypto", "crypto", "webcrypto", "get crypto", NULL, true, true}, /* read-only, as node's */
};
#undef SETTLES
enum { LAZY_COUNT = sizeof lazy_globals / sizeof *lazy_globals };

/* The global becomes a data property holding v. */
static Value lazy_settle(VM *vm, const LazyGlobal *g, Value v) {
  PropertyDescriptor d = {.value = v,
                          .has_value = true,
                          .has_writable = true,
                          .writable = true,
                          .has_enumerable = true,
                          .enumerable = g->enumerable,
                          .has_configurable = true,
                          .configurable = true};
  Value r = vm_define_property(vm, vm_global(vm), vm_atom(vm, g->name), &d);
  return value_is_exception(r) ? r : v;
}

static Value lazy_get(VM *vm, Value this_value, int argc, Value *argv) {
  int which = vm_native_magic(vm);
  const LazyGlobal *g = &lazy_globals[which];
  Value assigned = vm_intrinsic(vm, INTRINSIC_LAZY_ASSIGNED);
  PropertyInfo info;
  if (g->stays && value_is_object(assigned) &&
      vm_get_own_property(vm, assigned, vm_atom(vm, g->name), &info))
    return info.value;
  Value m = host_require_builtin(host_of(vm), g->module);
  if (value_is_exception(m)) return m;
  vm_handle_push(vm, m);
  Value v = vm_handle_push(vm, vm_get_str(vm, m, g->export));
  if (value_is_exception(v) || g->stays) return v;
  return lazy_settle(vm, g, v);
}

static Value lazy_set(VM *vm, Value this_value, int argc, Value *argv) {
  int which = vm_native_magic(vm);
  const LazyGlobal *g = &lazy_globals[which];
  Value v = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!g->stays) return lazy_settle(vm, g, v), VALUE_UNDEFINED;
  Value assigned = vm_intrinsic(vm, INTRINSIC_LAZY_ASSIGNED);
  if (!value_is_object(assigned)) {
    assigned = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
    vm_set_intrinsic(vm, INTRINSIC_LAZY_ASSIGNED, assigned);
  }
  vm_define_str(vm, assigned, g->name, v, VM_ATTR_DEFAULT);
  return VALUE_UNDEFINED;
}

void lazy_globals_install(VM *vm) {
  for (int i = 0; i < LAZY_COUNT; i++) {
    const LazyGlobal *g = &lazy_globals[i];
    Value get = vm_handle_push(vm, vm_native_new(vm, g->getter, lazy_get, 0));
    Value set = g->setter ? vm_handle_push(vm, vm_native_new(vm, g->setter, lazy_set, 1)) : VALUE_UNDEFINED;
    vm_native_set_magic(get, i);
    if (g->setter) vm_native_set_magic(set, i);
    PropertyDescriptor d = {.getter = get,
                            .setter = set,
                            .has_getter = true,
                            .has_setter = true,
                            .has_enumerable = true,
                            .enumerable = g->enumerable,
                            .has_configurable = true,
                            .configurable = true};
    vm_define_property(vm, vm_global(vm), vm_atom(vm, g->name), &d);
  }
}
//< node.lazy-globals

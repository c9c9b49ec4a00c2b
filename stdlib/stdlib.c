/* stdlib.c - installs the standard library into a new VM and host.
 * Book: chapter 7, "The standard library".
 *
 * The order matters only a little: the ECMAScript built-ins come first (Error
 * must exist before anything can throw nicely), then Node's globals, then the
 * modules require can load.
 */
#include "stdlib/ecma/ecma.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/node.h"
#include "stdlib/stdlib.h"

/* Node 20 adds Symbol.dispose and Symbol.asyncDispose (V8 11 has no explicit resource
 * management yet) as the registered symbols nodejs.dispose and nodejs.asyncDispose. */
static void install_dispose_symbols(VM *vm) {
  Value symbol = vm_get_str(vm, vm_global(vm), "Symbol");
  vm_define_str(vm, symbol, "dispose", builtins_symbol_for(vm, vm_string(vm, "nodejs.dispose")), 0);
  vm_define_str(vm, symbol, "asyncDispose",
                builtins_symbol_for(vm, vm_string(vm, "nodejs.asyncDispose")), 0);
}

static const VMPropDef global_tag[] = {
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "global", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

//> stdlib.install
void stdlib_install(Host *host, int argc, char **argv, int script_index) {
  VM *vm = host_vm(host);
  int mark = vm_handle_mark(vm);
  builtins_install_all(vm);
  install_dispose_symbols(vm);
  host_set_errors(host, &node_host_errors);
  Value global = vm_global(vm);
  vm_define_str(vm, global, "console", vm_handle_push(vm, console_create(vm)), VM_ATTR_HIDDEN);
  vm_define_str(vm, global, "process", process_create(host, argc, argv, script_index),
                VM_ATTR_HIDDEN);
  vm_define_str(vm, global, "global", global, VM_ATTR_DEFAULT); /* node's globalThis */
  vm_define_props(vm, global, global_tag);                      /* [object global] */
  timers_install(host);
  clone_install(vm);
  lazy_globals_install(vm);
  web_install(vm);
  host_register_module(host, "internal/http", http_module_create);
  host_register_module(host, "events", events_module_create);
  host_register_module(host, "util", util_module_create);
  host_register_module(host, "timers", timers_module_create);
  host_register_module(host, "timers/promises", timers_promises_module_create);
  host_register_module(host, "assert", assert_module_create);
  host_register_module(host, "assert/strict", assert_strict_module_create);
  host_register_module(host, "tty", tty_module_create);
  host_register_module(host, "internal/validators", validators_module_create);
  host_register_module(host, "internal/stdio", stdio_module_create);
  host_register_module(host, "internal/tcp", tcp_module_create);
  host_register_module(host, "internal/dns", dns_module_create);
  host_register_module(host, "internal/crypto", crypto_module_create);
  host_register_module(host, "internal/spawn", child_process_module_create);
  host_register_module(host, "internal/buffer", buffer_module_create);
  host_register_module(host, "internal/perf", perf_module_create);
  host_register_module(host, "internal/os", os_module_create);
  host_register_module(host, "internal/path", path_module_create);
  host_register_module(host, "internal/fs", fs_binding_create);
  for (const StdlibJsModule *m = stdlib_js_modules; m->name; m++)
    host_register_source_module(host, m->name, m->source, m->length);
  vm_handle_reset(vm, mark);
}
//< stdlib.install

/* --expose-gc's global gc(): a full collection, now. */
static Value gc_now(VM *vm, Value this_value, int argc, Value *argv) {
  vm_collect_garbage(vm);
  return VALUE_UNDEFINED;
}

static const VMPropDef gc_global[] = {
    VM_METHOD("gc", gc_now, 0, 0, VM_ATTR_DEFAULT), /* enumerable, as V8's */
    VM_PROPS_END,
};

void stdlib_expose_gc(VM *vm) { vm_define_props(vm, vm_global(vm), gc_global); }

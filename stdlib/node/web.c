/* web.c - the web globals node 20 has: EventTarget, Event, CustomEvent, AbortController,
 * AbortSignal and DOMException, made the first time a script touches one.
 * Book: chapter 8, "The event loop" ("Cancelling: AbortSignal").
 *
 * Entry point: web_install. Each global is an accessor whose getter makes the class
 * (DOMException in clone.c; the others in internal/event_target, written in JavaScript),
 * so a script that never names them pays nothing for them at start-up. Node has
 * AbortController, AbortSignal and DOMException as such accessors too (EventTarget,
 * Event and CustomEvent as plain values); the first get replaces the accessor by a
 * plain value, as node's does.
 */
#include "stdlib/node/internal.h"

/* The globals, in the order of web_globals' rows (the getter's magic). */
static const char *const web_names[] = {"EventTarget", "Event", "CustomEvent", "AbortController",
                                        "AbortSignal", "DOMException"};
enum { WEB_DOM_EXCEPTION = 5 };

/* Replaces the accessor by a data property holding value, as assigning the global does. */
static Value settle_global(VM *vm, const char *name, Value value) {
  vm_define_str(vm, vm_global(vm), name, value, VM_ATTR_WRITABLE | VM_ATTR_CONFIGURABLE);
  return VALUE_UNDEFINED;
}

/* internal/event_target's export `name`, or VALUE_EXCEPTION. */
Value web_export(VM *vm, const char *name) {
  Value m = host_require_builtin(host_of(vm), "internal/event_target");
  if (value_is_exception(m)) return m;
  vm_handle_push(vm, m);
  return vm_get_str(vm, m, name);
}

/* The getter of the global web_names[magic]. */
static Value web_get(VM *vm, Value this_value, int argc, Value *argv) {
  int which = vm_native_magic(vm);
  Value c = which == WEB_DOM_EXCEPTION ? clone_dom_exception(vm) : web_export(vm, web_names[which]);
  if (!value_is_exception(vm_handle_push(vm, c))) settle_global(vm, web_names[which], c);
  return c;
}

static Value web_set(VM *vm, Value this_value, int argc, Value *argv) {
  return settle_global(vm, web_names[vm_native_magic(vm)], argc > 0 ? argv[0] : VALUE_UNDEFINED);
}

static const VMPropDef web_globals[] = {
    VM_GETSET_MAGIC("EventTarget", web_get, web_set, 0),
    VM_GETSET_MAGIC("Event", web_get, web_set, 1),
    VM_GETSET_MAGIC("CustomEvent", web_get, web_set, 2),
    VM_GETSET_MAGIC("AbortController", web_get, web_set, 3),
    VM_GETSET_MAGIC("AbortSignal", web_get, web_set, 4),
    VM_GETSET_MAGIC("DOMException", web_get, web_set, 5),
    VM_PROPS_END,
};

void web_install(VM *vm) { vm_define_props(vm, vm_global(vm), web_globals); }

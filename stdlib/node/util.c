/* util.c - require('util'): inspect, format and formatWithOptions.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry point: util_module_create. The work is inspect's (stdlib/inspect/); this file
 * only gathers it into the module's exports.
 */
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"

static Value util_format(VM *vm, Value this_value, int argc, Value *argv) {
  return format_args(vm, argc, argv);
}

static Value util_format_with_options(VM *vm, Value this_value, int argc, Value *argv) {
  Value options = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_object(options) || vm_is_callable(options)) /* validateObject */
    return node_throw_arg_type(vm, "inspectOptions", "of type object", options);
  return format_args_with_options(vm, options, argc > 0 ? argc - 1 : 0, argv + 1);
}

static const VMPropDef util_props[] = {
    VM_FN_ENUM("format", util_format, 0),
    VM_FN_ENUM("formatWithOptions", util_format_with_options, 1),
    VM_PROPS_END,
};

Value util_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value util = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, util, util_props);
  /* util.inspect is one function per realm, with properties of its own (options.c). */
  vm_define_str(vm, util, "inspect", util_inspect_function(vm), VM_ATTR_DEFAULT);
  return util;
}

/* process_members.c - the members of process that few programs use: loadEnvFile,
 * getBuiltinModule, allowedNodeEnvironmentFlags and the rest of node 20's list.
 * Book: chapter 8, "The event loop" ("The rest of process").
 *
 * Their work is written in JavaScript, in internal/process/members, which is loaded the
 * first time one of them is called or read: each row below is a trampoline that calls
 * the module's function of the same index in `members`. The accessors are node's: a
 * getter, and a setter that replaces the accessor by a plain property. `features`,
 * `debugPort` and `domain` are plain data, made with process. Entry point:
 * process_members_props, which process_create installs.
 */
#include "stdlib/node/internal.h"

/* The module's export each trampoline calls, by magic. */
static const char *const members[] = {
    "loadEnvFile", "getBuiltinModule", "binding",  "dlopen", "openStdin",
    "rawDebug",    "assert",           "setSourceMapsEnabled",
    "allowedNodeEnvironmentFlags",     "report",   "sourceMapsEnabled",
    "config",
};
enum { LOAD_ENV_FILE, GET_BUILTIN_MODULE, BINDING, DLOPEN, OPEN_STDIN, RAW_DEBUG, ASSERT,
       SET_SOURCE_MAPS, ALLOWED_FLAGS, REPORT, SOURCE_MAPS_ENABLED, CONFIG };

static Value call_member(VM *vm, Value this_value, int argc, Value *argv) {
  Value m = host_require_builtin(host_of(vm), "internal/process/members");
  if (value_is_exception(m)) return m;
  vm_handle_push(vm, m);
  Value fn = vm_handle_push(vm, vm_get_str(vm, m, members[vm_native_magic(vm)]));
  if (value_is_exception(fn)) return fn;
  return vm_call(vm, fn, this_value, argc, argv);
}

/* An accessor's setter: the property becomes a plain one holding the value, as node's. */
static Value replace_member(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) return VALUE_UNDEFINED;
  Value value = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  vm_define_str(vm, this_value, members[vm_native_magic(vm)], value, VM_ATTR_DEFAULT);
  return VALUE_UNDEFINED;
}

/* config's getter: node's config is a read-only property; made once, it stays. */
static Value config_get(VM *vm, Value this_value, int argc, Value *argv) {
  Value config = call_member(vm, this_value, 0, NULL);
  if (value_is_exception(config) || !value_is_object(this_value)) return config;
  vm_handle_push(vm, config);
  vm_define_str(vm, this_value, "config", config, VM_ATTR_ENUMERABLE | VM_ATTR_CONFIGURABLE);
  return config;
}

/* features.cached_builtins (true: the built-in modules are compiled into tinynode) and
 * features.require_module (false: require() of an ES module is not there). */
static Value feature_get(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_native_magic(vm) ? VALUE_TRUE : VALUE_FALSE;
}

#define FEATURE(name, value) VM_CONSTANT(name, value, VM_ATTR_DEFAULT)
#define FEATURE_GETTER(name_, value)                                                            \
  {.name = (name_), .kind = VM_PROP_ACCESSOR, .attrs = VM_ATTR_ENUMERABLE | VM_ATTR_CONFIGURABLE, \
   .magic = (value), .fn = feature_get}

/* What this build has, in node's words: no inspector, no libuv, no TLS; IPv6. */
static const VMPropDef features[] = {
    FEATURE("inspector", VALUE_FALSE), FEATURE("debug", VALUE_FALSE),
    FEATURE("uv", VALUE_FALSE),        FEATURE("ipv6", VALUE_TRUE),
    FEATURE("tls_alpn", VALUE_FALSE),  FEATURE("tls_sni", VALUE_FALSE),
    FEATURE("tls_ocsp", VALUE_FALSE),  FEATURE("tls", VALUE_FALSE),
    FEATURE_GETTER("cached_builtins", 1), FEATURE_GETTER("require_module", 0),
    VM_PROPS_END,
};

#define MEMBER(name, length, which) VM_METHOD(name, call_member, length, which, VM_ATTR_DEFAULT)
#define MEMBER_ACCESSOR(name_, which, get)                                                      \
  {.name = (name_), .kind = VM_PROP_ACCESSOR, .attrs = VM_ATTR_ENUMERABLE | VM_ATTR_CONFIGURABLE, \
   .magic = (which), .fn = (get), .u.setter = replace_member}

static const VMPropDef member_props[] = {
    VM_CONSTANT("domain", VALUE_NULL, VM_ATTR_DEFAULT),
    MEMBER_ACCESSOR("config", CONFIG, config_get),
    MEMBER("binding", 1, BINDING),
    MEMBER("_linkedBinding", 1, BINDING),
    MEMBER("dlopen", 2, DLOPEN),
    MEMBER("_rawDebug", 0, RAW_DEBUG),
    MEMBER("loadEnvFile", 1, LOAD_ENV_FILE),
    MEMBER("openStdin", 0, OPEN_STDIN),
    MEMBER_ACCESSOR("allowedNodeEnvironmentFlags", ALLOWED_FLAGS, call_member),
    MEMBER("assert", 2, ASSERT),
    {.name = "features", .kind = VM_PROP_OBJECT, .attrs = VM_ATTR_ENUMERABLE, .u.props = features},
    MEMBER_ACCESSOR("sourceMapsEnabled", SOURCE_MAPS_ENABLED, call_member),
    MEMBER("setSourceMapsEnabled", 1, SET_SOURCE_MAPS),
    MEMBER("getBuiltinModule", 1, GET_BUILTIN_MODULE),
    VM_NUMBER("debugPort", 9229, VM_ATTR_DEFAULT),
    MEMBER_ACCESSOR("report", REPORT, call_member),
    VM_PROPS_END,
};

const VMPropDef *process_members_props(void) { return member_props; }

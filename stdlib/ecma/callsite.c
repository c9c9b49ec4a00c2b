/* callsite.c - V8's Error.prepareStackTrace(error, callSites): when it is a function,
 * `new Error` and Error.captureStackTrace hand it the frames as CallSite objects and
 * make its answer the error's stack (depd, which express uses, reads its callers' file
 * names this way). Book: chapter 7, "The standard library".
 *
 *   callsite_prepare   run Error.prepareStackTrace for a new stack, if there is one
 *
 * A CallSite holds one record of vm_call_site_records; its methods read it. V8 calls
 * the hook when `stack` is first read; tinynode calls it when the stack is captured.
 */
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

typedef struct CallSite {
  Value record; /* [text, fileName, line, column, functionName, typeName, methodName, this,
                   function, flags] */
} CallSite;

enum { TEXT, FILE_NAME, LINE, COLUMN, FUNCTION_NAME, TYPE_NAME, METHOD_NAME, THIS, FUNCTION, FLAGS };
enum { TOPLEVEL = 1, CONSTRUCTOR = 2, ASYNC = 4, STRICT = 8 };

static void callsite_trace(VM *vm, void *data) { vm_gc_mark(vm, ((CallSite *)data)->record); }
static void callsite_free(void *data) { free(data); }
static const VMClassDef callsite_class = {"CallSite", callsite_trace, callsite_free};

/* Field `which` of this CallSite's record (the method's magic), or an exception. */
static Value field(VM *vm, Value this_value, int which) {
  CallSite *c = vm_host_data(vm, this_value, &callsite_class);
  if (!c) return vm_throw_error(vm, ERR_TYPE, "CallSite method called on a non-CallSite");
  return vm_array_get(vm, c->record, (uint32_t)which);
}

static int flags_of(VM *vm, Value this_value) {
  Value f = field(vm, this_value, FLAGS);
  return value_is_number(f) ? (int)value_to_number(f) : 0;
}

static Value callsite_get(VM *vm, Value this_value, int argc, Value *argv) {
  int which = vm_native_magic(vm);
  if ((which == THIS || which == FUNCTION) && (flags_of(vm, this_value) & STRICT)) return VALUE_UNDEFINED;
  return field(vm, this_value, which);
}

static Value callsite_flag(VM *vm, Value this_value, int argc, Value *argv) {
  Value f = field(vm, this_value, FLAGS);
  if (value_is_exception(f)) return f;
  return value_from_bool(((int)value_to_number(f) & vm_native_magic(vm)) != 0);
}

static Value callsite_false(VM *vm, Value this_value, int argc, Value *argv) {
  Value f = field(vm, this_value, FLAGS);
  return value_is_exception(f) ? f : VALUE_FALSE;
}

static Value callsite_null(VM *vm, Value this_value, int argc, Value *argv) {
  Value f = field(vm, this_value, FLAGS);
  return value_is_exception(f) ? f : VALUE_NULL;
}

#define GETTER(name, which) VM_FN_MAGIC(name, callsite_get, 0, which)
static const VMPropDef callsite_methods[] = {
    GETTER("getThis", THIS),
    GETTER("getTypeName", TYPE_NAME),
    GETTER("getFunction", FUNCTION),
    GETTER("getFunctionName", FUNCTION_NAME),
    GETTER("getMethodName", METHOD_NAME),
    GETTER("getFileName", FILE_NAME),
    GETTER("getLineNumber", LINE),
    GETTER("getColumnNumber", COLUMN),
    VM_FN("getEvalOrigin", callsite_null, 0),
    VM_FN_MAGIC("isToplevel", callsite_flag, 0, TOPLEVEL),
    VM_FN("isEval", callsite_false, 0),
    VM_FN("isNative", callsite_false, 0),
    VM_FN_MAGIC("isConstructor", callsite_flag, 0, CONSTRUCTOR),
    VM_FN_MAGIC("isAsync", callsite_flag, 0, ASYNC),
    VM_FN("isPromiseAll", callsite_false, 0),
    VM_FN("getPromiseIndex", callsite_null, 0),
    GETTER("getScriptNameOrSourceURL", FILE_NAME),
    VM_FN("getScriptHash", callsite_null, 0),
    VM_FN("getEnclosingColumnNumber", callsite_null, 0),
    VM_FN("getEnclosingLineNumber", callsite_null, 0),
    VM_FN("getPosition", callsite_null, 0),
    GETTER("toString", TEXT),
    VM_PROPS_END,
};
#undef GETTER

/* The CallSite prototype, made the first time a hook needs one. */
static Value callsite_prototype(VM *vm) {
  Value proto = vm_intrinsic(vm, INTRINSIC_CALL_SITE_PROTOTYPE);
  if (value_is_object(proto)) return proto;
  vm_class_register(vm, &callsite_class);
  proto = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, proto, callsite_methods);
  vm_set_intrinsic(vm, INTRINSIC_CALL_SITE_PROTOTYPE, proto);
  return proto;
}

/* Errors made while the hook runs keep the plain stack, as V8's do (no recursion). One
 * VM runs on one thread at a time, so a plain counter will do. */
static int preparing;

Value callsite_prepare(VM *vm, Value error, Value above) {
  if (preparing) return VALUE_UNDEFINED;
  Value ctor = vm_get_str(vm, vm_global(vm), "Error");
  Value hook = value_is_object(ctor) ? vm_get_str(vm, ctor, "prepareStackTrace") : VALUE_UNDEFINED;
  if (value_is_exception(hook)) return hook;
  if (!vm_is_callable(hook)) return VALUE_UNDEFINED;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, hook);
  Value records = vm_handle_push(vm, vm_call_site_records(vm, above));
  Value proto = callsite_prototype(vm);
  Value sites = vm_handle_push(vm, vm_array_new(vm));
  for (uint32_t i = 0; i < vm_array_length(records); i++) {
    CallSite *c = mem_alloc(sizeof *c);
    c->record = vm_array_get(vm, records, i);
    vm_array_push(vm, sites, vm_host_new(vm, &callsite_class, c, proto));
  }
  Value args[2] = {error, sites};
  preparing++;
  Value stack = vm_call(vm, hook, ctor, 2, args);
  preparing--;
  Value r = value_is_exception(stack) ? stack : VALUE_UNDEFINED;
  if (!value_is_exception(stack)) {
    PropertyDescriptor d = {.value = stack, .has_value = true, .has_writable = true, .writable = true,
                            .has_enumerable = true, .enumerable = false,
                            .has_configurable = true, .configurable = true};
    r = vm_define_property(vm, error, vm_atom(vm, "stack"), &d);
    r = value_is_exception(r) ? r : VALUE_UNDEFINED;
  }
  vm_handle_reset(vm, mark);
  return r;
}

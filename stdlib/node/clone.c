/* clone.c - the global structuredClone, and the DOMException it throws.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: clone_install. structuredClone copies what V8's serializer can write:
 * primitives, plain objects and arrays (own enumerable string keys, getters run), boxed
 * primitives, Dates, RegExps, Maps, Sets, ArrayBuffers and their views, and errors. A
 * memo (a Map from each original object to its copy) keeps cycles and shared references.
 * Anything else throws node's DOMException [DataCloneError]: "... could not be cloned."
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/node/internal.h"

/* ==== DOMException ==== */

/* node's table of DOMException names: each has a legacy code, a constant on the
 * constructor and its prototype (INDEX_SIZE_ERR = 1 ...); other names have code 0. */
#define DOM_FOR_EACH_NAME(X)                                                                   \
  X("IndexSizeError", "INDEX_SIZE_ERR", 1) X("DOMStringSizeError", "DOMSTRING_SIZE_ERR", 2)      \
  X("HierarchyRequestError", "HIERARCHY_REQUEST_ERR", 3)                                       \
  X("WrongDocumentError", "WRONG_DOCUMENT_ERR", 4)                                             \
  X("InvalidCharacterError", "INVALID_CHARACTER_ERR", 5)                                       \
  X("NoDataAllowedError", "NO_DATA_ALLOWED_ERR", 6)                                            \
  X("NoModificationAllowedError", "NO_MODIFICATION_ALLOWED_ERR", 7)                            \
  X("NotFoundError", "NOT_FOUND_ERR", 8) X("NotSupportedError", "NOT_SUPPORTED_ERR", 9)        \
  X("InUseAttributeError", "INUSE_ATTRIBUTE_ERR", 10)                                          \
  X("InvalidStateError", "INVALID_STATE_ERR", 11) X("SyntaxError", "SYNTAX_ERR", 12)           \
  X("InvalidModificationError", "INVALID_MODIFICATION_ERR", 13)                                \
  X("NamespaceError", "NAMESPACE_ERR", 14) X("InvalidAccessError", "INVALID_ACCESS_ERR", 15)   \
  X("ValidationError", "VALIDATION_ERR", 16) X("TypeMismatchError", "TYPE_MISMATCH_ERR", 17)   \
  X("SecurityError", "SECURITY_ERR", 18) X("NetworkError", "NETWORK_ERR", 19)                  \
  X("AbortError", "ABORT_ERR", 20) X("URLMismatchError", "URL_MISMATCH_ERR", 21)               \
  X("QuotaExceededError", "QUOTA_EXCEEDED_ERR", 22) X("TimeoutError", "TIMEOUT_ERR", 23)       \
  X("InvalidNodeTypeError", "INVALID_NODE_TYPE_ERR", 24)                                       \
  X("DataCloneError", "DATA_CLONE_ERR", 25)

/* The legacy code of a name (a string Value), 0 for names not in the table. */
static int dom_code(VM *vm, Value name) {
  static const char *const names[] = {
#define DOM_NAME(name, constant, code) name,
      DOM_FOR_EACH_NAME(DOM_NAME)
#undef DOM_NAME
  };
  char *text = vm_to_utf8(vm, name, NULL);
  int code = 0;
  for (int i = 0; i < (int)(sizeof names / sizeof *names) && !code; i++)
    if (strcmp(names[i], text) == 0) code = i + 1; /* the table is in code order */
  free(text);
  return code;
}

/* A DOMException keeps its name, message and code in one hidden array under a symbol of
 * the realm; the prototype's getters read it (node's are getters on the prototype too). */
static Value dom_slot(VM *vm, Value self, int index) {
  Value key = vm_intrinsic(vm, INTRINSIC_DOM_EXCEPTION_DATA);
  Value data = value_is_object(self) && value_is_symbol(key) ? vm_get(vm, self, key) : VALUE_UNDEFINED;
  if (!value_is_object(data)) { /* node's words, without "type" */
    Value message = vm_string(vm, "Value of \"this\" must be of DOMException");
    return vm_throw(vm, node_error_new(vm, ERR_TYPE, "ERR_INVALID_THIS", message));
  }
  return vm_array_get_raw(data, (uint32_t)index);
}

static Value dom_get(VM *vm, Value this_value, int argc, Value *argv) {
  return dom_slot(vm, this_value, vm_native_magic(vm));
}

/* Gives error its hidden [name, message, code] and its stack (captured last, so that the
 * stack's first line reads "name: message" as V8's lazily written one does). */
static Value dom_fill(VM *vm, Value error, Value name, Value message) {
  vm_handle_push(vm, name), vm_handle_push(vm, message); /* callers may pass them unrooted */
  Value data = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, data, name);
  vm_array_push(vm, data, message);
  vm_array_push(vm, data, value_from_number(dom_code(vm, name)));
  PropertyDescriptor d = {.value = data, .has_value = true, .has_writable = true,
                          .has_enumerable = true, .has_configurable = true};
  vm_define_property(vm, error, vm_intrinsic(vm, INTRINSIC_DOM_EXCEPTION_DATA), &d);
  Value r = vm_capture_stack_trace(vm, error, VALUE_UNDEFINED);
  return value_is_exception(r) ? r : error;
}

/* options.cause, when `'cause' in options`, as an own non-enumerable property. */
static Value dom_cause(VM *vm, Value error, Value options) {
  Value key = vm_handle_push(vm, vm_atom(vm, "cause"));
  Value has = vm_has_property(vm, options, key);
  if (has != VALUE_TRUE) return has;
  Value cause = vm_handle_push(vm, vm_get(vm, options, key));
  if (value_is_exception(cause)) return cause;
  return vm_define_str(vm, error, "cause", cause, VM_ATTR_WRITABLE | VM_ATTR_CONFIGURABLE)
             ? VALUE_TRUE : VALUE_EXCEPTION;
}

/* new DOMException(message = '', options = 'Error'): options is the name, or an object
 * with name (and cause). A class: calling it without new is V8's TypeError. */
static Value dom_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm);
  if (value_is_undefined(target))
    return vm_throw_error(vm, ERR_TYPE, "Class constructor DOMException cannot be invoked without 'new'");
  Value proto = vm_get_str(vm, target, "prototype");
  if (value_is_exception(proto)) return proto;
  Value error = vm_handle_push(vm, vm_object_with_proto(vm, value_is_object(proto) ? proto
                                                   : vm_intrinsic(vm, INTRINSIC_DOM_EXCEPTION_PROTOTYPE)));
  vm_define_str(vm, error, "stack", VALUE_UNDEFINED, VM_ATTR_HIDDEN); /* own key order */
  Value message = argc > 0 && !value_is_undefined(argv[0]) ? vm_to_string(vm, argv[0]) : vm_string(vm, "");
  if (value_is_exception(vm_handle_push(vm, message))) return VALUE_EXCEPTION;
  Value options = argc > 1 && !value_is_undefined(argv[1]) ? argv[1] : vm_atom(vm, "Error");
  bool is_object = value_is_object(options) && !vm_is_callable(options);
  Value name = is_object ? vm_get_str(vm, options, "name") : options;
  if (!value_is_exception(name)) name = vm_to_string(vm, vm_handle_push(vm, name));
  if (value_is_exception(vm_handle_push(vm, name))) return VALUE_EXCEPTION;
  if (is_object && value_is_exception(dom_cause(vm, error, options))) return VALUE_EXCEPTION;
  return dom_fill(vm, error, name, message);
}

#define DOM_CONSTANT(name, constant, code) VM_NUMBER(constant, code, VM_ATTR_ENUMERABLE),
#define DOM_GETTER(name_, slot)                                                                \
  {.name = (name_), .kind = VM_PROP_ACCESSOR, .magic = (slot), .fn = dom_get,                  \
   .attrs = VM_ATTR_ENUMERABLE | VM_ATTR_CONFIGURABLE}
static const VMPropDef dom_methods[] = {
    DOM_GETTER("name", 0),
    DOM_GETTER("message", 1),
    DOM_GETTER("code", 2),
    DOM_FOR_EACH_NAME(DOM_CONSTANT)
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "DOMException", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef dom_statics[] = {
    DOM_FOR_EACH_NAME(DOM_CONSTANT)
    VM_PROPS_END,
};
#undef DOM_CONSTANT
#undef DOM_GETTER

static const VMPropDef dom_row[] = {
    VM_CONSTRUCTOR("DOMException", dom_construct, 0, 0, INTRINSIC_DOM_EXCEPTION_PROTOTYPE,
                   dom_statics, dom_methods),
    VM_PROPS_END,
};

/* The DOMException constructor, made on first use (the global's getter, or the first
 * DataCloneError): its prototype inherits Error.prototype. */
Value clone_dom_exception(VM *vm) {
  Value ctor = vm_intrinsic(vm, INTRINSIC_DOM_EXCEPTION);
  if (value_is_object(ctor)) return ctor;
  ctor = vm_handle_push(vm, vm_prop_value(vm, dom_row));
  Value proto = vm_intrinsic(vm, INTRINSIC_DOM_EXCEPTION_PROTOTYPE);
  vm_set_prototype(vm, proto, vm_intrinsic(vm, INTRINSIC_ERROR_PROTOTYPE));
  vm_set_intrinsic(vm, INTRINSIC_DOM_EXCEPTION_DATA, vm_symbol_new(vm, VALUE_UNDEFINED));
  vm_set_intrinsic(vm, INTRINSIC_DOM_EXCEPTION, ctor);
  return ctor;
}

/* A DOMException of that name (its legacy code follows from the name) with message, as
 * new DOMException(message, name) makes it; for the natives (atob's
 * InvalidCharacterError, structuredClone's DataCloneError). */
Value node_dom_exception_new(VM *vm, const char *name, Value message) {
  vm_handle_push(vm, message);
  vm_handle_push(vm, clone_dom_exception(vm));
  Value proto = vm_intrinsic(vm, INTRINSIC_DOM_EXCEPTION_PROTOTYPE);
  Value error = vm_handle_push(vm, vm_object_with_proto(vm, proto)); /* no native error */
  vm_define_str(vm, error, "stack", VALUE_UNDEFINED, VM_ATTR_HIDDEN); /* own key order */
  return dom_fill(vm, error, vm_atom(vm, name), message);
}

/* Throws DOMException [DataCloneError]: "<what> could not be cloned." (what: UTF-8). */
static Value throw_data_clone(VM *vm, Value what) {
  StrBuf sb = {0};
  sb_put_js(&sb, what);
  sb_puts(&sb, " could not be cloned.");
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  if (value_is_exception(message)) return message;
  Value error = node_dom_exception_new(vm, "DataCloneError", message);
  return value_is_exception(error) ? error : vm_throw(vm, error);
}

/* ==== Cloning ==== */

typedef struct Clone {
  VM *vm;
  Value memo; /* a Map: original -> copy */
} Clone;

static Value clone_value(Clone *c, Value v);

/* What the error names: a function's source, a symbol's Symbol(x), else #<Constructor>. */
static Value uncloneable(Clone *c, Value v) {
  VM *vm = c->vm;
  if (!value_is_object(v) || vm_is_callable(v)) {
    Value string = vm_get_str(vm, vm_global(vm), "String");
    Value text = vm_handle_push(vm, vm_call(vm, string, VALUE_UNDEFINED, 1, &v));
    return value_is_exception(text) ? text : throw_data_clone(vm, text);
  }
  const char *name = vm_is_proxy(v) ? "Object" : vm_class_name(vm, v);
  StrBuf sb = {0};
  sb_printf(&sb, "#<%s>", name && *name ? name : "Object");
  Value text = vm_handle_push(vm, sb_finish(vm, &sb));
  return value_is_exception(text) ? text : throw_data_clone(vm, text);
}

/* copy[key] = clone(v[key]) for each own enumerable string key of v. */
static Value clone_keys(Clone *c, Value v, Value copy) {
  VM *vm = c->vm;
  Value keys = vm_handle_push(vm, vm_own_keys(vm, v));
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    int mark = vm_handle_mark(vm);
    Value key = vm_array_get_raw(keys, i);
    Value item = vm_handle_push(vm, vm_get(vm, v, key));
    Value r = value_is_exception(item) ? item : clone_value(c, item);
    if (!value_is_exception(r)) r = vm_set(vm, copy, key, vm_handle_push(vm, r));
    vm_handle_reset(vm, mark);
    if (value_is_exception(r)) return r;
  }
  return copy;
}

static Value clone_members(Clone *c, Value v, Value copy) {
  uint32_t pos = 0;
  Value key, item;
  while (vm_map_entry(v, &pos, &key, &item)) {
    int mark = vm_handle_mark(c->vm);
    vm_handle_push(c->vm, key), vm_handle_push(c->vm, item); /* a getter may delete them */
    Value k = vm_handle_push(c->vm, clone_value(c, key));
    Value x = value_is_exception(k) ? k : vm_handle_push(c->vm, clone_value(c, item));
    if (!value_is_exception(x)) x = vm_map_set(c->vm, copy, k, x);
    vm_handle_reset(c->vm, mark);
    if (value_is_exception(x)) return x;
  }
  return copy;
}

static Value clone_buffer(Clone *c, Value v) {
  VMBufferInfo info;
  vm_array_buffer_info(v, &info);
  Value copy = vm_array_buffer_new(c->vm, info.length,
                                   info.resizable ? info.max_length : VM_LENGTH_AUTO,
                                   vm_intrinsic(c->vm, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
  if (value_is_exception(copy)) return copy;
  VMBufferInfo to;
  vm_array_buffer_info(copy, &to);
  if (info.length) memcpy(to.data, info.data, info.length);
  return copy;
}

/* A typed array or DataView: a view of the same window on the clone of its buffer. */
static Value clone_view(Clone *c, Value v, VMViewInfo *info) {
  Value buffer = vm_handle_push(c->vm, clone_value(c, info->buffer));
  if (value_is_exception(buffer)) return buffer;
  Value memo;
  if (vm_map_get(c->memo, v, &memo)) return memo; /* reached through its own buffer */
  int proto = info->kind < 0 ? INTRINSIC_DATA_VIEW_PROTOTYPE : INTRINSIC_TYPED_PROTOTYPES + info->kind;
  VMClass cls = vm_object_class(v);
  size_t length = info->tracking ? VM_LENGTH_AUTO : info->kind < 0 ? info->byte_length : info->length;
  return vm_array_view_new(c->vm, cls, buffer, info->offset, length, vm_intrinsic(c->vm, proto));
}

/* An error: its kind's prototype (by name), message, stack and cause, as V8 writes them. */
static Value clone_error(Clone *c, Value v) {
  VM *vm = c->vm;
  static const char *const kinds[] = {"Error", "TypeError", "RangeError", "ReferenceError",
                                      "SyntaxError", "EvalError", "URIError"};
  Value name = vm_handle_push(vm, vm_get_str(vm, v, "name"));
  if (value_is_exception(name)) return name;
  int kind = 0;
  for (int k = 1; k < 7 && value_is_string(name); k++)
    if (vm_strict_equals(name, vm_atom(vm, kinds[k]))) kind = k;
  PropertyInfo info;
  Value message = VALUE_UNDEFINED;
  if (vm_get_own_property(vm, v, vm_atom(vm, "message"), &info) && !info.is_accessor)
    message = vm_handle_push(vm, vm_to_string(vm, info.value));
  if (value_is_exception(message)) return message;
  Value copy = vm_handle_push(vm, vm_error_new(vm, (ErrorKind)kind, message, VALUE_UNDEFINED));
  Value stack = value_is_exception(copy) ? copy : vm_handle_push(vm, vm_get_str(vm, v, "stack"));
  if (value_is_exception(stack)) return stack;
  vm_map_set(vm, c->memo, v, copy);
  if (value_is_string(stack)) vm_define_str(vm, copy, "stack", stack, VM_ATTR_HIDDEN);
  Value has = vm_has_property(vm, v, vm_atom(vm, "cause"));
  if (has != VALUE_TRUE) return value_is_exception(has) ? has : copy;
  Value cause = vm_handle_push(vm, vm_get_str(vm, v, "cause"));
  if (!value_is_exception(cause)) cause = vm_handle_push(vm, clone_value(c, cause));
  if (value_is_exception(cause)) return cause;
  vm_define_str(vm, copy, "cause", cause, VM_ATTR_HIDDEN);
  return copy;
}

/* A new, empty copy of v's kind (filled in after it is in the memo), or the whole copy
 * for the kinds that hold no other values. */
static Value shell_of(Clone *c, Value v, VMClass cls) {
  VM *vm = c->vm;
  switch (cls) {
  case VM_CLASS_OBJECT: case VM_CLASS_ARGUMENTS: return vm_object_new(vm);
  case VM_CLASS_ARRAY: return vm_array_new(vm);
  case VM_CLASS_DATE:
    return vm_object_of_class(vm, cls, vm_intrinsic(vm, INTRINSIC_DATE_PROTOTYPE), vm_inner_value(v));
  case VM_CLASS_BOOLEAN: case VM_CLASS_NUMBER: case VM_CLASS_STRING: {
    Intrinsic p = cls == VM_CLASS_BOOLEAN ? INTRINSIC_BOOLEAN_PROTOTYPE
                : cls == VM_CLASS_NUMBER ? INTRINSIC_NUMBER_PROTOTYPE : INTRINSIC_STRING_PROTOTYPE;
    return vm_object_of_class(vm, cls, vm_intrinsic(vm, p), vm_inner_value(v));
  }
  case VM_CLASS_REGEXP: {
    Value args[2] = {vm_handle_push(vm, vm_get_str(vm, v, "source")), VALUE_UNDEFINED};
    args[1] = vm_handle_push(vm, vm_get_str(vm, v, "flags"));
    return vm_construct(vm, vm_intrinsic(vm, INTRINSIC_REGEXP), 2, args);
  }
  case VM_CLASS_MAP: return vm_map_new(vm, cls, vm_intrinsic(vm, INTRINSIC_MAP_PROTOTYPE));
  case VM_CLASS_SET: return vm_map_new(vm, cls, vm_intrinsic(vm, INTRINSIC_SET_PROTOTYPE));
  case VM_CLASS_ARRAY_BUFFER: return clone_buffer(c, v);
  default: return VALUE_HOLE;
  }
}

//> stdlib.structured-clone
static Value clone_value(Clone *c, Value v) {
  VM *vm = c->vm;
  if (value_is_symbol(v)) return uncloneable(c, v);
  if (!value_is_object(v)) return v;
  Value copy;
  if (vm_map_get(c->memo, v, &copy)) return copy; /* a cycle or a shared reference */
  if (vm_stack_exhausted(vm)) return vm_throw_stack_overflow(vm);
  if (vm_is_callable(v) || vm_is_proxy(v)) return uncloneable(c, v);
  VMClass cls = vm_object_class(v);
  VMViewInfo view;
  if (vm_array_view_info(v, &view)) copy = clone_view(c, v, &view);
  else if (cls == VM_CLASS_ERROR) return clone_error(c, v);
  else copy = shell_of(c, v, cls);
  if (copy == VALUE_HOLE) return uncloneable(c, v);
  if (value_is_exception(copy)) return copy;
  vm_handle_push(vm, copy);
  vm_map_set(vm, c->memo, v, copy);
  if (cls == VM_CLASS_OBJECT || cls == VM_CLASS_ARRAY || cls == VM_CLASS_ARGUMENTS) {
    if (cls == VM_CLASS_ARRAY) vm_array_set_length(vm, copy, vm_array_length(v));
    return clone_keys(c, v, copy);
  }
  if (cls == VM_CLASS_MAP || cls == VM_CLASS_SET) return clone_members(c, v, copy);
  return copy;
}
//< stdlib.structured-clone

/* structuredClone(value[, options]): a deep copy, or DOMException [DataCloneError]. */
static Value structured_clone(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc == 0) { /* node's C++ words it without quotes */
    Value message = vm_string(vm, "The value argument must be specified");
    return vm_throw(vm, node_error_new(vm, ERR_TYPE, "ERR_MISSING_ARGS", message));
  }
  Clone c = {vm, vm_handle_push(vm, vm_map_new(vm, VM_CLASS_MAP, VALUE_NULL))};
  return clone_value(&c, argv[0]);
}

static const VMPropDef clone_globals[] = {
    VM_FN("structuredClone", structured_clone, 2),
    VM_PROPS_END,
};

void clone_install(VM *vm) { vm_define_props(vm, vm_global(vm), clone_globals); }

/* function.c - the Function constructor and Function.prototype: call, apply, bind,
 * toString and Symbol.hasInstance.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_function. Function.prototype itself is an intrinsic
 * (a native that returns undefined); this file gives it its methods.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

//> stdlib.function-constructor
/* Function(p1, ..., pn, body) and its generator and async kinds (the magic is the
 * VMFunctionKind): the parameters joined with commas, the body, each through
 * ToString in order, then compiled in the global scope. */
Value builtins_function_construct(VM *vm, Value this_value, int argc, Value *argv) {
  StrBuf params = {0}, body = {0};
  for (int i = 0; i < argc; i++) {
    Value s = vm_to_string(vm, argv[i]);
    if (value_is_exception(s)) return sb_free(&params), sb_free(&body), s;
    if (i < argc - 1 && i > 0) sb_putc(&params, ',');
    sb_put_js(i < argc - 1 ? &params : &body, s);
  }
  char *p = sb_take(&params), *b = sb_take(&body);
  Value fn = vm_compile_function(vm, vm_native_magic(vm), p, b);
  free(p), free(b);
  return fn;
}
//< stdlib.function-constructor

static Value function_call(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_callable(this_value)) return builtins_throw_not_function(vm, this_value);
  return vm_call(vm, this_value, ARG(0), argc > 1 ? argc - 1 : 0, argv + 1);
}

#define APPLY_LIST_MAX 134217725 /* V8's FixedArray::kMaxLength: longer lists are refused */

//> stdlib.function-apply
/* The arguments are gathered into a rooted array first: reading them may run getters,
 * and getters may collect. */
Value builtins_list_from(VM *vm, Value list) {
  if (!value_is_object(list))
    return vm_throw_error(vm, ERR_TYPE, "CreateListFromArrayLike called on non-object");
  double n;
  Value args = vm_handle_push(vm, vm_array_new(vm));
  if (!builtins_length_of(vm, list, &n)) return VALUE_EXCEPTION;
  if (n > APPLY_LIST_MAX) /* before reading any element, as V8 */
    return vm_throw_error(vm, ERR_RANGE, "Invalid array length");
  for (double i = 0; i < n; i++) {
    Value v = builtins_get_index(vm, list, i);
    if (value_is_exception(v)) return v;
    vm_array_push(vm, args, v);
  }
  return args;
}

Value builtins_call_list(VM *vm, Value fn, Value this_value, Value args, Value new_target) {
  uint32_t count = vm_array_length(args);
  Value *copy = mem_alloc((count + 1) * sizeof(Value));
  for (uint32_t i = 0; i < count; i++) copy[i] = vm_array_get_raw(args, i);
  Value r = value_is_undefined(new_target) /* both copy them onto the VM stack */
                ? vm_call(vm, fn, this_value, (int)count, copy)
                : vm_construct_with(vm, fn, (int)count, copy, new_target);
  free(copy);
  return r;
}

/* CreateListFromArrayLike(list), then the call. */
static Value function_apply(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_callable(this_value)) return builtins_throw_not_function(vm, this_value);
  Value list = ARG(1);
  if (value_is_nullish(list)) return vm_call(vm, this_value, ARG(0), 0, NULL);
  Value args = builtins_list_from(vm, list);
  if (value_is_exception(args)) return args;
  return builtins_call_list(vm, this_value, ARG(0), args, VALUE_UNDEFINED);
}
//< stdlib.function-apply

/* The bound function's length: max(0, target.length - bound argument count). */
static bool bound_length(VM *vm, Value target, int bound_args, double *out) {
  *out = 0;
  PropertyInfo info; /* HasOwnProperty: a proxy's getOwnPropertyDescriptor trap runs */
  Value has = vm_own_property(vm, target, vm_atom(vm, "length"), &info);
  if (has != VALUE_TRUE) return !value_is_exception(has);
  Value len = vm_get_str(vm, target, "length");
  if (value_is_exception(len)) return false;
  if (!value_is_number(len)) return true;
  double d = value_to_number(len);
  if (isinf(d))
    *out = d > 0 ? d : 0;
  else if (d == d)
    *out = fmax(0, trunc(d) - bound_args);
  return true;
}

//> stdlib.function-bind
static Value function_bind(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_callable(this_value))
    return vm_throw_error(vm, ERR_TYPE, "Bind must be called on a function");
  int bound_args = argc > 1 ? argc - 1 : 0;
  Value f = vm_handle_push(vm, vm_bound_new(vm, this_value, ARG(0), bound_args, argv + 1));
  if (value_is_exception(f)) return f; /* a proxy's getPrototypeOf trap threw */
  double len;
  Value name = VALUE_EXCEPTION;
  if (bound_length(vm, this_value, bound_args, &len))
    name = vm_handle_push(vm, vm_get_str(vm, this_value, "name"));
  if (!value_is_exception(name)) {
    if (!value_is_string(name)) name = vm_atom(vm, "");
    name = vm_handle_push(vm, vm_string_concat(vm, vm_atom(vm, "bound "), name));
    vm_define_str(vm, f, "length", value_from_number(len), VM_ATTR_CONFIGURABLE);
    vm_define_str(vm, f, "name", name, VM_ATTR_CONFIGURABLE);
  }
  return value_is_exception(name) ? name : f;
}
//< stdlib.function-bind

static Value function_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  if (!vm_is_callable(this_value))
    return builtins_throw_this(vm, "Function.prototype.toString", "Function");
  VMFunctionKind kind = vm_function_kind(this_value);
  if (kind == VM_FN_BOUND || kind == VM_FN_PROXY)
    return vm_string(vm, "function () { [native code] }");
  Value source = kind == VM_FN_NATIVE ? VALUE_UNDEFINED : vm_function_source(vm, this_value);
  if (!value_is_undefined(source)) return source;
  char *name = vm_to_utf8(vm, vm_function_name(vm, this_value), NULL);
  const char *body = kind == VM_FN_NATIVE ? "[native code]" : "[source text unavailable]";
  char *text = mem_alloc(strlen(name) + 48);
  sprintf(text, "function %s() { %s }", name, body);
  Value r = vm_string(vm, text);
  free(name), free(text);
  return r;
}

//> stdlib.has-instance
/* OrdinaryHasInstance(C, O): is C.prototype on O's prototype chain? */
static Value function_has_instance(VM *vm, Value this_value, int argc, Value *argv) {
  Value c = this_value, o = ARG(0);
  if (!vm_is_callable(c)) return VALUE_FALSE;
  while (vm_function_kind(c) == VM_FN_BOUND) c = vm_bound_target(c);
  if (!value_is_object(o)) return VALUE_FALSE;
  Value p = vm_get_str(vm, c, "prototype");
  if (value_is_exception(p)) return p;
  if (!value_is_object(p)) {
    char *text = builtins_describe(vm, p);
    Value r = vm_throw_error(vm, ERR_TYPE,
                             "Function has non-object prototype '%s' in instanceof check", text);
    free(text);
    return r;
  }
  for (Value q = o;;) { /* O.[[GetPrototypeOf]]() each step: a proxy's trap may run */
    q = vm_get_prototype_of(vm, q);
    if (!value_is_object(q)) return value_is_exception(q) ? q : VALUE_FALSE;
    if (q == p) return VALUE_TRUE;
  }
}
//< stdlib.has-instance

/* Function.prototype's length and name come from the engine, which made it a function,
 * and so do `arguments` and `caller` (vm/vm.c: add_restricted_properties). */
static const VMPropDef function_prototype_props[] = {
    VM_FN("apply", function_apply, 2),
    VM_FN("bind", function_bind, 1),
    VM_FN("call", function_call, 1),
    VM_FN("toString", function_to_string, 0),
    VM_SYM_FN(VM_SYMBOL_HAS_INSTANCE, function_has_instance, 1, 0),
    VM_PROPS_END,
};

static const VMPropDef function_globals[] = {
    VM_CONSTRUCTOR("Function", builtins_function_construct, 1, VM_FN_NORMAL,
                   INTRINSIC_FUNCTION_PROTOTYPE, NULL, function_prototype_props),
    VM_PROPS_END,
};

void builtins_install_function(VM *vm) { vm_define_props(vm, vm_global(vm), function_globals); }

/* generator.c - %GeneratorPrototype%, %GeneratorFunction%, %AsyncFunction%,
 * %AsyncGeneratorPrototype% and %AsyncGeneratorFunction%: the objects around generator
 * and async functions (their frames are the engine's: vm/generator.c).
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_generator. The constructors are not globals; scripts
 * reach them as Object.getPrototypeOf(function* () {}).constructor.
 */
#include "stdlib/ecma/builtins.h"

enum { RESUME_NEXT, RESUME_THROW, RESUME_RETURN }; /* vm/internal.h's ResumeMode */

static const VMPropDef generator_prototype_props[] = {
    VM_FN_MAGIC("next", vm_generator_method, 1, RESUME_NEXT),
    VM_FN_MAGIC("return", vm_generator_method, 1, RESUME_RETURN),
    VM_FN_MAGIC("throw", vm_generator_method, 1, RESUME_THROW),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "Generator", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef generator_function_prototype_props[] = {
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "GeneratorFunction", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef async_generator_prototype_props[] = {
    VM_FN_MAGIC("next", vm_async_generator_method, 1, RESUME_NEXT),
    VM_FN_MAGIC("return", vm_async_generator_method, 1, RESUME_RETURN),
    VM_FN_MAGIC("throw", vm_async_generator_method, 1, RESUME_THROW),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "AsyncGenerator", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef async_generator_function_prototype_props[] = {
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "AsyncGeneratorFunction", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static Value return_this(VM *vm, Value this_value, int argc, Value *argv) { return this_value; }

static const VMPropDef async_iterator_prototype_props[] = {
    VM_SYM_FN(VM_SYMBOL_ASYNC_ITERATOR, return_this, 0, VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

static const VMPropDef async_from_sync_iterator_prototype_props[] = {
    VM_FN_MAGIC("next", vm_async_from_sync_method, 1, RESUME_NEXT),
    VM_FN_MAGIC("return", vm_async_from_sync_method, 1, RESUME_RETURN),
    VM_FN_MAGIC("throw", vm_async_from_sync_method, 1, RESUME_THROW),
    VM_PROPS_END,
};

static const VMPropDef async_function_prototype_props[] = {
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "AsyncFunction", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef constructors[] = {
    VM_CONSTRUCTOR("GeneratorFunction", builtins_function_construct, 1, VM_FN_GENERATOR,
                   INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE, NULL, generator_function_prototype_props),
    VM_CONSTRUCTOR("AsyncFunction", builtins_function_construct, 1, VM_FN_ASYNC,
                   INTRINSIC_ASYNC_FUNCTION_PROTOTYPE, NULL, async_function_prototype_props),
    VM_CONSTRUCTOR("AsyncGeneratorFunction", builtins_function_construct, 1, VM_FN_ASYNC_GENERATOR,
                   INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE, NULL,
                   async_generator_function_prototype_props),
    VM_PROPS_END,
};

/* obj[key] = v with only `configurable` (the links between these objects). */
static void define_configurable(VM *vm, Value obj, const char *key, Value v) {
  PropertyDescriptor d = {.value = v, .has_value = true, .has_writable = true,
                          .has_enumerable = true, .has_configurable = true, .configurable = true};
  vm_define_property(vm, obj, vm_atom(vm, key), &d);
}

/* One of the two constructors, with its prototype's links as the spec has them. */
static void install_constructor(VM *vm, const VMPropDef *row, int prototype) {
  int mark = vm_handle_mark(vm);
  Value ctor = vm_handle_push(vm, vm_prop_value(vm, row));
  Value proto = vm_intrinsic(vm, prototype);
  vm_set_prototype(vm, ctor, vm_get_str(vm, vm_global(vm), "Function"));
  define_configurable(vm, proto, "constructor", ctor);
  PropertyDescriptor fixed = {.has_writable = true, .has_enumerable = true,
                              .has_configurable = true};
  vm_define_property(vm, ctor, vm_atom(vm, "prototype"), &fixed);
  vm_handle_reset(vm, mark);
}

void builtins_install_generator(VM *vm) {
  Value gen_proto = vm_intrinsic(vm, INTRINSIC_GENERATOR_PROTOTYPE);
  Value gen_fn_proto = vm_intrinsic(vm, INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE);
  define_configurable(vm, gen_proto, "constructor", gen_fn_proto); /* V8's key order */
  vm_define_props(vm, gen_proto, generator_prototype_props);
  install_constructor(vm, &constructors[0], INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE);
  install_constructor(vm, &constructors[1], INTRINSIC_ASYNC_FUNCTION_PROTOTYPE);
  define_configurable(vm, gen_fn_proto, "prototype", gen_proto);
  Value agen_proto = vm_intrinsic(vm, INTRINSIC_ASYNC_GENERATOR_PROTOTYPE);
  Value agen_fn_proto = vm_intrinsic(vm, INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE);
  vm_define_props(vm, vm_intrinsic(vm, INTRINSIC_ASYNC_ITERATOR_PROTOTYPE),
                  async_iterator_prototype_props);
  vm_define_props(vm, vm_intrinsic(vm, INTRINSIC_ASYNC_FROM_SYNC_ITERATOR_PROTOTYPE),
                  async_from_sync_iterator_prototype_props);
  define_configurable(vm, agen_proto, "constructor", agen_fn_proto);
  vm_define_props(vm, agen_proto, async_generator_prototype_props);
  install_constructor(vm, &constructors[2], INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE);
  define_configurable(vm, agen_fn_proto, "prototype", agen_proto);
}

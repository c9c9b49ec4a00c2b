/* interp.c - the interpreter loop: one C function runs every JavaScript frame.
 * Book: chapter 5, "The VM loop".
 *
 *   interp_run    run from the top frame until the entry frame returns
 *   vm_call       call any function from C (natives calling back into JavaScript)
 *   vm_construct  `new` from C
 *
 * Calling a JavaScript function from bytecode pushes a Frame and continues in
 * the same loop: deep JavaScript recursion never deepens the C stack. Values
 * are pushed on vm->stack; a frame's registers (parameters, then locals) sit
 * just above the callee and `this` slots its caller pushed:
 *
 *     ... | callee | this | reg0 reg1 ... regN-1 | operand stack ... | <- sp
 *
 * Exceptions unwind through each function's handler table; a native signals
 * one by returning VALUE_EXCEPTION.
 */
#include <math.h>
#include <string.h>

#include "lexer/alloc.h"
#include "parser/ast.h"
#include "lexer/alloc.h"
#include "vm/internal.h"
#include "vm/shape.h"

/* ==== Calls ==== */

//> vm.stack-guard
Value vm_throw_stack_overflow(VM *vm) {
  return vm_throw_error(vm, ERR_RANGE, "Maximum call stack size exceeded");
}

bool vm_stack_exhausted(VM *vm) { return stack_exhausted(vm->stack_limit); }
//< vm.stack-guard

/* Sloppy-mode functions see undefined/null `this` as the global object. */
static Value coerce_this(VM *vm, FunctionProto *proto, Value this_value) {
  if (proto->flags & (FN_STRICT | FN_ARROW)) return this_value;
  if (value_is_nullish(this_value)) return value_from_object(vm->intrinsics[INTRINSIC_GLOBAL]);
  if (!value_is_object(this_value)) return vm_to_object(vm, this_value);
  return this_value;
}

/* An unmapped arguments object's callee: %ThrowTypeError% as getter and setter. */
static Value unmapped_callee_accessor(VM *vm) {
  Value thrower = value_from_object(vm->intrinsics[INTRINSIC_THROW_TYPE_ERROR]);
  return value_from_thing(accessor_new(vm, thrower, thrower)); /* an intrinsic: rooted */
}

/* Does a call of p make a mapped arguments object (ECMA-262 10.2.11 step 22)? The
 * compiler asks too (compile.c: compile_prologue). */
bool proto_maps_arguments(const FunctionProto *p) {
  return p->arguments_register >= 0 && p->param_count > 0 && !(p->flags & FN_STRICT) &&
         (p->flags & FN_SIMPLE_PARAMS);
}

/* A mapped arguments object has room for the parameters' Cells, which
 * alias_parameters fills once the frame is pushed; indices past them are ordinary. */
static Object *new_arguments(VM *vm, const FunctionProto *proto, int argc) {
  Object *proto_obj = vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE];
  if (!proto_maps_arguments(proto))
    return object_new_class(vm, CLASS_ARGUMENTS, sizeof(Object), proto_obj);
  uint32_t count = (uint32_t)(argc < proto->param_count ? argc : proto->param_count);
  MappedArguments *m = (MappedArguments *)object_new_class(
      vm, CLASS_ARGUMENTS, sizeof(MappedArguments) + count * sizeof m->map[0], proto_obj);
  m->base.flags = ARGUMENTS_MAPPED;
  m->count = count;
  for (uint32_t i = 0; i < count; i++) m->map[i].cell = NULL, m->map[i].attrs = ATTR_DEFAULT;
  return &m->base;
}

static Value make_arguments(VM *vm, Closure *fn, Value *args, int argc) {
  Object *o = new_arguments(vm, fn->proto, argc);
  Value v = vm_handle_push(vm, value_from_object(o));
  int first = is_mapped_arguments(o) ? (int)((MappedArguments *)o)->count : 0;
  for (int i = first; i < argc; i++) {
    char name[16];
    snprintf(name, sizeof name, "%d", i);
    object_define_own(vm, o, value_from_string(atom_from_cstr(vm, name)), args[i], ATTR_DEFAULT);
  }
  object_define_own(vm, o, value_from_string(vm->atom_length), value_from_number(argc),
                    ATTR_HIDDEN);
  if (!(fn->proto->flags & FN_STRICT) && (fn->proto->flags & FN_SIMPLE_PARAMS))
    object_define_own(vm, o, value_from_string(vm->atom_callee), value_from_object(&fn->base),
                      ATTR_HIDDEN);
  else /* an unmapped object's (strict code, or defaults, rest or patterns): it throws */
    object_define_own(vm, o, value_from_string(vm->atom_callee),
                      vm_handle_push(vm, unmapped_callee_accessor(vm)), ATTR_ACCESSOR);
  if (vm->array_values_pin >= 0)
    object_define_own(vm, o, vm->symbol_iterator, vm_pinned(vm, vm->array_values_pin), ATTR_HIDDEN);
  return v;
}

/* A mapped arguments object's parameters move into Cells that it shares: every
 * parameter register gets one (the compiler then treats them as captured), and the
 * first m->count are mapped. Runs on the pushed frame, whose registers are roots. */
static void alias_parameters(VM *vm, MappedArguments *m, Value *regs, int param_count) {
  for (int i = 0; i < param_count; i++) {
    Cell *c = cell_new(vm, regs[i]);
    regs[i] = value_from_thing(c);
    if ((uint32_t)i < m->count) m->map[i].cell = c;
  }
}

static void install_arguments(VM *vm, const FunctionProto *proto, Value *regs, Value arguments) {
  regs[proto->arguments_register] = arguments;
  Object *o = value_to_object(arguments);
  if (is_mapped_arguments(o))
    alias_parameters(vm, (MappedArguments *)o, regs, proto->param_count);
}

static Value make_rest(VM *vm, Value *args, int argc, int from) {
  Array *a = array_new(vm, argc > from ? (uint32_t)(argc - from) : 0);
  Value v = vm_handle_push(vm, value_from_object(&a->base));
  for (int i = from; i < argc; i++) array_push(vm, a, args[i]);
  return v;
}

//> vm.push-frame
/* Push a frame for closure `fn` whose callee slot is `slot` (then `this`, then
 * argc arguments). Returns the frame, or NULL with an exception pending. */
static Frame *push_closure_frame(VM *vm, Closure *fn, Value *slot, int argc, Value new_target) {
  FunctionProto *proto = fn->proto;
  Value *regs = slot + 2;
  if (vm->frame_count >= VM_FRAMES_MAX ||
      regs + argc + proto->register_count + proto->max_stack + 8 > vm->stack + VM_STACK_SIZE) {
    vm->sp = regs + argc;
    vm_throw_stack_overflow(vm);
    return NULL;
  }
  vm->sp = regs + argc; /* the arguments stay rooted while we allocate below */
  int mark = vm_handle_mark(vm);
  Value arguments = proto->arguments_register >= 0 ? make_arguments(vm, fn, regs, argc) : 0;
  Value rest = proto->rest_register >= 0 ? make_rest(vm, regs, argc, proto->param_count) : 0;
  Value this_value = coerce_this(vm, proto, slot[1]);
  vm_handle_reset(vm, mark);
  for (int i = argc; i < proto->register_count; i++) regs[i] = VALUE_UNDEFINED;
  for (int i = proto->param_count; i < argc && i < proto->register_count; i++)
    regs[i] = VALUE_UNDEFINED;
  if (rest) regs[proto->rest_register] = rest;
  Frame *f = &vm->frames[vm->frame_count++];
  *f = (Frame){.function = &fn->base, .proto = proto, .pc = proto->code, .registers = regs,
               .this_value = this_value, .new_target = new_target, .argc = argc};
  vm->sp = regs + proto->register_count;
  if (arguments) install_arguments(vm, proto, regs, arguments); /* nothing allocated since */
  return f;
}
//< vm.push-frame

//> vm.call-native
/* Call a native with its arguments in place; the result replaces the callee slot.
 * The call owns the native's handle scope, as Lua discards a C function's stack slice:
 * whatever the native pushed with vm_handle_push is dropped when it returns, so no
 * native can leak handles. Its result is not in that scope: the caller roots it (the
 * loop puts it on the VM stack) before it allocates again. */
static Value call_native(VM *vm, Native *fn, Value *slot, int argc, Value new_target) {
  if (vm->frame_count >= VM_FRAMES_MAX) return vm_throw_stack_overflow(vm);
  int handles = vm->handle_count;
  Frame *f = &vm->frames[vm->frame_count++];
  *f = (Frame){.function = &fn->base, .registers = slot + 2, .this_value = slot[1],
               .new_target = new_target, .argc = argc};
  vm->sp = slot + 2 + argc;
  Value result = fn->fn(vm, slot[1], argc, slot + 2);
  ASSERT(vm->handle_count >= handles); /* it may not pop its caller's handles */
  vm->handle_count = handles;
  vm->frame_count--;
  vm->sp = slot + 2 + argc;
  return result;
}
//< vm.call-native

/* Replace a bound function in `slot` by its target, inserting the bound
 * arguments before the given ones. Returns the new argument count. */
static int unwrap_bound(VM *vm, Value *slot, int argc) {
  Bound *b = (Bound *)value_to_object(slot[0]);
  memmove(slot + 2 + b->argc, slot + 2, (size_t)argc * sizeof(Value));
  for (uint32_t i = 0; i < b->argc; i++) slot[2 + i] = b->argv[i];
  slot[0] = b->target;
  slot[1] = b->bound_this;
  return argc + (int)b->argc;
}

/* V8's text for the expression at the current instruction ("o.m", "a[0]"), which the
 * compiler recorded; NULL when there is none. */
static char *site_text(VM *vm) {
  for (int i = vm->frame_count - 1; i >= 0; i--) {
    Frame *f = &vm->frames[i];
    if (!f->proto) continue;
    String *name = vm_site_name(f->proto, (uint32_t)(f->pc - f->proto->code) - 1);
    return name ? string_to_utf8(name, NULL) : NULL;
  }
  return NULL;
}

/* "<what the call site says> <complaint>", or the value itself when the site says nothing. */
static Value type_error_at_site(VM *vm, Value v, const char *complaint) {
  char *text = site_text(vm);
  if (text && *text) {
    Value r = vm_throw_error(vm, ERR_TYPE, "%s %s", text, complaint);
    free(text);
    return r;
  }
  free(text);
  if (value_is_symbol(v)) /* no text to show: V8's words for a value it cannot print */
    return vm_throw_error(vm, ERR_TYPE, "symbol %s%s", complaint,
                          strcmp(complaint, "is not iterable") ? ""
                                                              : " (cannot read property Symbol(Symbol.iterator))");
  Value s = vm_to_string(vm, value_is_object(v) ? vm_atom(vm, vm_is_callable(v) ? "function" : "{}") : v);
  if (value_is_exception(s)) return s;
  char *value_text = vm_to_utf8(vm, s, NULL);
  Value r = vm_throw_error(vm, ERR_TYPE, value_is_string(v) ? "\"%s\" %s" : "%s %s", value_text, complaint);
  free(value_text);
  return r;
}

static Value not_a_function(VM *vm, Value callee) {
  return type_error_at_site(vm, callee, "is not a function");
}

static bool is_sync_generator(Value v) {
  return value_is_object(v) && value_to_object(v)->klass == CLASS_GENERATOR &&
         ((Generator *)value_to_object(v))->kind == GEN_SYNC;
}

static Value begin_call(VM *vm, Value *slot, int argc, Value new_target);

/* begin_call for a callee that is neither a closure nor a native. Bound functions, and
 * proxies without an apply trap, are replaced in `slot` by their targets (a loop: the
 * chains can be long) until a closure or native is left for begin_call; a proxy's trap
 * finishes the call itself. Out of line, so that begin_call's hot closure path keeps
 * its few registers. */
__attribute__((noinline)) static Value begin_call_unwrap(VM *vm, Value *slot, int argc,
                                                         Value new_target) {
  for (;;) {
    Value callee = slot[0];
    if (!value_is_object(callee)) return not_a_function(vm, callee);
    Object *o = value_to_object(callee);
    if (o->klass == CLASS_CLOSURE || o->klass == CLASS_NATIVE)
      return begin_call(vm, slot, argc, new_target);
    if (o->klass == CLASS_PROXY && (o->flags & PROXY_CALLABLE)) {
      Value target = VALUE_UNDEFINED;
      Value r = proxy_call(vm, o, slot[1], argc, slot + 2, &target);
      if (r != VALUE_HOLE) return r;
      slot[0] = target; /* no apply trap: call the target, with no C recursion */
      continue;
    }
    if (o->klass != CLASS_BOUND) return not_a_function(vm, callee);
    if (vm->sp + ((Bound *)o)->argc + 8 > vm->stack + VM_STACK_SIZE) return vm_throw_stack_overflow(vm);
    argc = unwrap_bound(vm, slot, argc);
    vm->sp = slot + 2 + argc;
  }
}

/* Start a call whose callee slot is `slot`. For a closure, pushes its frame and
 * returns VALUE_HOLE (the loop continues in it); for anything else, finishes
 * the call and returns the result (or VALUE_EXCEPTION). */
static Value begin_call(VM *vm, Value *slot, int argc, Value new_target) {
  Value callee = slot[0];
  if (!value_is_object(callee)) return not_a_function(vm, callee);
  Object *o = value_to_object(callee);
  if (o->klass == CLASS_CLOSURE) {
    Closure *c = (Closure *)o;
    if (c->proto->flags & FN_CONSTRUCTOR && value_is_undefined(new_target))
      return class_call_error(vm, c);
    return push_closure_frame(vm, c, slot, argc, new_target) ? VALUE_HOLE : VALUE_EXCEPTION;
  }
  if (o->klass == CLASS_NATIVE) {
    Native *n = (Native *)o;
    if (n->fn == vm_generator_method && is_sync_generator(slot[1])) /* resume it here */
      return generator_resume_at(vm, (Generator *)value_to_object(slot[1]), slot,
                                 (ResumeMode)n->magic, argc > 0 ? slot[2] : VALUE_UNDEFINED);
    return call_native(vm, n, slot, argc, new_target);
  }
  return begin_call_unwrap(vm, slot, argc, new_target); /* bound functions, proxies */
}

/* GetFunctionRealm: there is one realm, so this only finds the revoked proxy that makes
 * it throw (V8's message names no operation). */
static Value check_function_realm(VM *vm, Value ctor) {
  for (;;) {
    Object *o = value_to_object(ctor);
    if (o->klass == CLASS_BOUND) ctor = ((Bound *)o)->target;
    else if (o->klass != CLASS_PROXY) return VALUE_TRUE;
    else if (value_is_null(vm_proxy_handler(ctor)))
      return vm_throw_error(vm, ERR_TYPE,
                            "Cannot perform 'undefined' on a proxy that has been revoked");
    else ctor = vm_proxy_target(ctor);
  }
}

/* The object a `new` expression starts with: its prototype is ctor.prototype. */
Value interp_ordinary_create(VM *vm, Value ctor, Intrinsic fallback) {
  Value proto = object_get(vm, value_to_object(ctor), value_from_string(vm->atom_prototype), ctor);
  if (value_is_exception(proto)) return proto;
  Value realm = value_is_object(proto) ? VALUE_TRUE : check_function_realm(vm, ctor);
  if (value_is_exception(realm)) return realm;
  Object *p = value_is_object(proto) ? value_to_object(proto) : vm->intrinsics[fallback];
  return value_from_object(object_new(vm, p));
}

bool interp_is_constructor(Value v) {
  while (value_is_object(v) && value_to_object(v)->klass == CLASS_BOUND) /* a loop: chains */
    v = ((Bound *)value_to_object(v))->target;                          /* can be long */
  if (!value_is_object(v)) return false;
  Object *o = value_to_object(v);
  if (o->klass == CLASS_CLOSURE)
    return !(((Closure *)o)->proto->flags & (FN_ARROW | FN_METHOD | FN_ASYNC | FN_GENERATOR)) ||
           (((Closure *)o)->proto->flags & FN_CONSTRUCTOR);
  if (o->klass == CLASS_NATIVE) return ((Native *)o)->is_constructor;
  if (o->klass == CLASS_PROXY) return o->flags & PROXY_CONSTRUCTOR;
  return false;
}

bool vm_is_constructor(Value v) { return interp_is_constructor(v); }

/* A native constructor reached through super() with another new.target: the object it
 * made takes new.target.prototype (GetPrototypeFromConstructor), so that every built-in
 * can be subclassed, whether or not it reads new.target itself. */
static Value adopt_new_target(VM *vm, Value made, Value new_target) {
  if (!value_is_object(made)) return made;
  vm_handle_push(vm, made);
  Value proto = object_get(vm, value_to_object(new_target), value_from_string(vm->atom_prototype),
                           new_target);
  if (value_is_exception(proto)) return proto;
  if (value_is_object(proto)) {
    object_touch(vm, value_to_object(made));
    value_to_object(made)->proto = value_to_object(proto);
  }
  return made;
}

//> vm.slot-hint
/* A constructor's objects usually end with the same keys. The first one's slots grow
 * as its keys are added (4, 8, 16, ...); the constructor then remembers how many it
 * ended with, and the next object made for it gets room for them all at once, so that
 * every add in the constructor takes SET_PROP's quick path (V8 calls this slack
 * tracking). The hint is new.target's: in a class hierarchy the object is made by the
 * base class but finished by the derived one, whose RETURN records the count. */
#define SLOT_HINT_MAX 64

static void reserve_hinted_slots(VM *vm, Object *self, Value new_target) {
  Object *t = value_to_object(new_target);
  if (t->klass == CLASS_CLOSURE && ((Closure *)t)->proto->slot_hint)
    object_reserve_slots(vm, self, ((Closure *)t)->proto->slot_hint);
}

static void learn_slot_hint(const Frame *frame, Value result) {
  if (frame->new_target != value_from_object(frame->function) || !value_is_object(result)) return;
  const Shape *s = value_to_object(result)->shape;
  if (!s->dictionary) frame->proto->slot_hint = s->count < SLOT_HINT_MAX ? s->count : SLOT_HINT_MAX;
}
//< vm.slot-hint

/* [[Construct]] with the stack holding ctor, a `this` slot, then argc arguments; ctor is
 * a constructor. A class constructor that extends another starts with `this` unbound
 * (the hole) until its super() call; any other starts with an object made from
 * new_target.prototype. */
static Value construct_with(VM *vm, Value *slot, int argc, Value new_target) {
  for (Object *o;
       (o = value_to_object(slot[0]))->klass == CLASS_BOUND || o->klass == CLASS_PROXY;) {
    if (o->klass == CLASS_PROXY) { /* new.target stays the proxy, which slot[0] drops */
      vm_handle_push(vm, new_target); /* the caller resets: a frame holds it from then on */
      Value r = proxy_construct(vm, o, argc, slot + 2, new_target, &slot[0]);
      if (r != VALUE_HOLE) return r;
      continue;
    }
    if (vm->sp + ((Bound *)value_to_object(slot[0]))->argc + 8 > vm->stack + VM_STACK_SIZE)
      return vm_throw_stack_overflow(vm);
    if (new_target == slot[0]) new_target = ((Bound *)value_to_object(slot[0]))->target;
    argc = unwrap_bound(vm, slot, argc);
    vm->sp = slot + 2 + argc;
  }
  Value ctor = slot[0];
  slot[1] = VALUE_UNDEFINED;
  if (value_to_object(ctor)->klass == CLASS_NATIVE) {
    Value r = call_native(vm, (Native *)value_to_object(ctor), slot, argc, new_target);
    return new_target == ctor || value_is_exception(r) ? r : adopt_new_target(vm, r, new_target);
  }
  Closure *fn = (Closure *)value_to_object(ctor);
  if (fn->proto->flags & FN_DERIVED) {
    slot[1] = VALUE_HOLE;
  } else {
    Value self = interp_ordinary_create(vm, new_target, INTRINSIC_OBJECT_PROTOTYPE);
    if (value_is_exception(self)) return self;
    reserve_hinted_slots(vm, value_to_object(self), new_target);
    slot[1] = self;
  }
  Frame *f = push_closure_frame(vm, fn, slot, argc, new_target);
  if (!f) return VALUE_EXCEPTION;
  f->is_construct = 1;
  return VALUE_HOLE;
}

/* `new` with the stack holding ctor, then argc arguments (no `this` slot yet). */
static Value begin_construct(VM *vm, Value *slot, int argc) {
  Value ctor = slot[0];
  if (!interp_is_constructor(ctor)) return type_error_at_site(vm, ctor, "is not a constructor");
  memmove(slot + 2, slot + 1, (size_t)argc * sizeof(Value));
  slot[1] = VALUE_UNDEFINED; /* the collector sees it now: a proxy's trap may allocate */
  vm->sp = slot + 2 + argc;
  int mark = vm_handle_mark(vm); /* construct_with may root new.target there */
  Value r = construct_with(vm, slot, argc, ctor);
  vm_handle_reset(vm, mark);
  return r;
}

/* super(...): the stack holds the parent constructor, new.target, then the arguments. */
static Value begin_super_call(VM *vm, Value *slot, int argc) {
  if (!interp_is_constructor(slot[0])) return class_super_call_error(vm, slot[0], slot[1]);
  int mark = vm_handle_mark(vm); /* construct_with may root new.target there */
  Value r = construct_with(vm, slot, argc, slot[1]);
  vm_handle_reset(vm, mark);
  return r;
}

//> vm.vm-call
/* Natives call back into JavaScript by recursion on the C stack, so this is where
 * the guard looks at the real stack; and, like call_native, the call owns the handle
 * scope of everything it runs. A call (new_target undefined) or a [[Construct]]. */
/* (Inlined into both: as a call of its own it cost vm_call 1% on bench/closures.js.) */
__attribute__((always_inline)) static inline Value call_from_c(VM *vm, Value fn,
                                                               Value this_value, int argc,
                                                               const Value *argv,
                                                               Value new_target) {
  Value *slot = vm->sp;
  if (slot + argc + 2 + 8 > vm->stack + VM_STACK_SIZE || stack_exhausted(vm->stack_limit))
    return vm_throw_stack_overflow(vm);
  int handles = vm->handle_count;
  slot[0] = fn;
  slot[1] = this_value;
  for (int i = 0; i < argc; i++) slot[2 + i] = argv[i];
  vm->sp = slot + 2 + argc;
  Value result = value_is_undefined(new_target) ? begin_call(vm, slot, argc, VALUE_UNDEFINED)
                                                : construct_with(vm, slot, argc, new_target);
  if (result == VALUE_HOLE) {
    vm->frames[vm->frame_count - 1].is_entry = 1;
    result = interp_run(vm, vm->frame_count - 1);
  }
  vm->handle_count = handles;
  vm->sp = slot;
  return result;
}

Value vm_call(VM *vm, Value fn, Value this_value, int argc, const Value *argv) {
  return call_from_c(vm, fn, this_value, argc, argv, VALUE_UNDEFINED);
}
//< vm.vm-call

Value vm_construct_with(VM *vm, Value ctor, int argc, const Value *argv, Value new_target) {
  return call_from_c(vm, ctor, VALUE_UNDEFINED, argc, argv, new_target);
}

Value vm_construct(VM *vm, Value ctor, int argc, const Value *argv) {
  Value *slot = vm->sp;
  if (slot + argc + 2 + 8 > vm->stack + VM_STACK_SIZE || stack_exhausted(vm->stack_limit))
    return vm_throw_stack_overflow(vm);
  int handles = vm->handle_count;
  slot[0] = ctor;
  for (int i = 0; i < argc; i++) slot[1 + i] = argv[i];
  vm->sp = slot + 1 + argc;
  Value result = begin_construct(vm, slot, argc);
  if (result == VALUE_HOLE) {
    vm->frames[vm->frame_count - 1].is_entry = 1;
    result = interp_run(vm, vm->frame_count - 1);
  }
  vm->handle_count = handles;
  vm->sp = slot;
  return result;
}

/* ==== Operators ==== */

/* How V8 names a symbol key in messages: Symbol(description). */
static Value symbol_text(VM *vm, Value sym) {
  Symbol *s = value_to_symbol(sym);
  if (!s->description) return vm_string(vm, "Symbol()");
  int mark = vm_handle_mark(vm);
  Value open = vm_handle_push(vm, vm_string(vm, "Symbol("));
  Value with = vm_handle_push(vm, vm_string_concat(vm, open, value_from_string(s->description)));
  Value r = vm_string_concat(vm, with, vm_handle_push(vm, vm_string(vm, ")")));
  vm_handle_reset(vm, mark);
  return r;
}

static Value type_error_reading(VM *vm, Value obj, Value key) {
  const char *what = obj == VALUE_NULL ? "null" : "undefined";
  if (value_is_object(key)) /* V8 names no key rather than run its toString */
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s", what);
  Value k = value_is_symbol(key) ? symbol_text(vm, key) : vm_to_string(vm, key);
  if (value_is_exception(k)) return k;
  char *text = vm_to_utf8(vm, k, NULL);
  char *pattern = site_text(vm); /* set when this read starts a destructuring pattern */
  Value r = pattern ? vm_throw_error(vm, ERR_TYPE, "Cannot destructure property '%s' of '%s' as it is %s.",
                                     text, *pattern ? pattern : what, what)
                    : vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading '%s')", what, text);
  free(pattern);
  free(text);
  return r;
}

/* obj[key] for any value obj; key already a property key (atom or symbol). */
Value interp_get_property(VM *vm, Value obj, Value key) {
  if (value_is_object(obj)) return object_get(vm, value_to_object(obj), key, obj);
  if (value_is_nullish(obj)) return type_error_reading(vm, obj, key);
  if (value_is_string(obj) && value_is_string(key)) {
    String *s = value_to_string(obj), *k = value_to_string(key);
    uint32_t index;
    if (k == vm->atom_length) return value_from_number(s->length);
    if (string_to_array_index(k, &index))
      return index < s->length ? value_from_string(string_substring(vm, s, index, index + 1))
                               : VALUE_UNDEFINED;
  }
  Value proto = conv_prototype_for_primitive(vm, obj);
  return object_get(vm, value_to_object(proto), key, obj);
}

/* ta[d] for a typed array and a number d: the element, or undefined for any other number
 * (a canonical numeric key that is no valid index). Out of line, like every cold path
 * here: inlined into interp_run it changed the register allocation of the array case. */
__attribute__((noinline)) static Value typed_get_element(Value obj, double d) {
  ArrayView *view = (ArrayView *)value_to_object(obj);
  if (d >= 0 && d < (double)view_length(view) && d == (uint32_t)d) return typed_get(view, (uint32_t)d);
  return VALUE_UNDEFINED; /* every number's text is a numeric key ("-1", "1.5"): absent */
}

/* ta[d] = v for a number v: stored when d is a valid index, else dropped (never an error). */
__attribute__((noinline)) static Value typed_set_element(Value obj, double d, Value v) {
  typed_set((ArrayView *)value_to_object(obj), d, value_to_number(v));
  return v;
}

static Value get_element(VM *vm, Value obj, Value key) {
  if (value_is_object(obj) && value_is_number(key)) {
    Object *o = value_to_object(obj);
    double d = value_to_number(key);
    if (o->klass == CLASS_ARRAY && d >= 0 && d < array_dense_length((Array *)o) && d == (uint32_t)d) {
      Value v = ((Array *)o)->elements[(uint32_t)d];
      if (v != VALUE_HOLE) return v;
    } else if (class_is_typed(o->klass)) {
      return typed_get_element(obj, d);
    }
  }
  if (value_is_nullish(obj)) return type_error_reading(vm, obj, key);
  if (value_is_symbol(key)) return interp_get_named(vm, obj, key); /* this[kState]: cached */
  key = conv_to_property_key(vm, key);
  if (value_is_exception(key)) return key;
  return interp_get_property(vm, obj, key);
}

static Value type_error_setting(VM *vm, Value obj, Value key) {
  Value k = value_is_symbol(key) ? symbol_text(vm, key) : vm_to_string(vm, key);
  if (value_is_exception(k)) return k;
  char *text = vm_to_utf8(vm, k, NULL);
  Value r = vm_throw_error(vm, ERR_TYPE, "Cannot set properties of %s (setting '%s')",
                           obj == VALUE_NULL ? "null" : "undefined", text);
  free(text);
  return r;
}

/* V8's short description of an object in messages: #<Point>, [object Array]. */
static void describe_object(VM *vm, Value obj, char *out, size_t size) {
  error_describe_object(vm, obj, out, size);
}

/* The property a [[Set]] on obj meets first along the prototype chain, and the object
 * holding it (*holder); false if none. */
static bool find_on_chain(VM *vm, Value obj, Value key, PropertyInfo *info, Value *holder) {
  uint32_t i;
  *holder = obj;
  if (value_is_string(obj) && value_is_string(key)) { /* a string's own length and indices */
    String *s = value_to_string(obj), *k = value_to_string(key);
    *info = (PropertyInfo){.attrs = VM_ATTR_ENUMERABLE};
    if (k == vm->atom_length || (string_to_array_index(k, &i) && i < s->length)) return true;
  }
  Object *o = value_to_object(value_is_object(obj) ? obj : conv_prototype_for_primitive(vm, obj));
  for (; o; o = o->proto)
    if (vm_get_own_property(vm, value_from_object(o), key, info)) {
      *holder = value_from_object(o);
      return true;
    }
  return false;
}

/* How V8 names a receiver in these messages: object '#<P>', or number '1.5'. */
static char *receiver_text(VM *vm, Value obj, char *type, size_t size) {
  if (value_is_object(obj)) {
    snprintf(type, size, "object");
    char what[256];
    describe_object(vm, obj, what, sizeof what);
    return mem_strdup(what);
  }
  char *t = vm_to_utf8(vm, vm_typeof(vm, obj), NULL);
  snprintf(type, size, "%s", t);
  free(t);
  return vm_to_utf8(vm, value_is_symbol(obj) ? symbol_text(vm, obj) : vm_to_string(vm, obj), NULL);
}

/* Strict code's TypeError when a proxy's set or deleteProperty trap says no. */
static Value trap_falsish(VM *vm, const char *trap, Value key) {
  char *k = reflect_describe(vm, key);
  Value r = vm_throw_error(vm, ERR_TYPE, "'%s' on proxy: trap returned falsish for property '%s'",
                           trap, k);
  free(k);
  return r;
}

/* V8's TypeError when strict code sees a [[Set]] refused: a read-only property, a getter
 * without a setter, a primitive that cannot hold properties, an object not extensible. */
static Value set_refused(VM *vm, Value obj, Value key) {
  if (vm_is_proxy(obj)) return trap_falsish(vm, "set", key);
  PropertyInfo info;
  uint32_t index;
  if (vm_is_array(obj) && vm_is_extensible(obj) && value_is_string(key) &&
      string_to_array_index(value_to_string(key), &index) && index >= vm_array_length(obj))
    key = value_from_string(vm->atom_length); /* the index would grow a read-only length */
  Value holder;
  bool found = find_on_chain(vm, obj, key, &info, &holder);
  char *name = vm_to_utf8(vm, value_is_symbol(key) ? symbol_text(vm, key) : key, NULL), type[16];
  /* V8 names the object holding a getter, and the receiver otherwise. */
  char *what = receiver_text(vm, found && info.is_accessor ? holder : obj, type, sizeof type);
  Value r;
  if (found && info.is_accessor)
    r = vm_throw_error(vm, ERR_TYPE, "Cannot set property %s of %s which has only a getter", name, what);
  else if (found && !(info.attrs & VM_ATTR_WRITABLE))
    r = vm_throw_error(vm, ERR_TYPE, "Cannot assign to read only property '%s' of %s '%s'", name, type, what);
  else if (!value_is_object(obj))
    r = vm_throw_error(vm, ERR_TYPE, "Cannot create property '%s' on %s '%s'", name, type, what);
  else
    r = vm_throw_error(vm, ERR_TYPE, "Cannot add property %s, object is not extensible", name);
  free(name);
  free(what);
  return r;
}

/* obj[key] = v; key already a property key. Returns v or VALUE_EXCEPTION. */
Value interp_set_property(VM *vm, Value obj, Value key, Value v, bool strict) {
  if (value_is_nullish(obj)) return type_error_setting(vm, obj, key);
  Value ok;
  if (value_is_object(obj)) {
    ok = object_set(vm, value_to_object(obj), key, v, obj);
  } else {
    Value proto = conv_prototype_for_primitive(vm, obj);
    ok = object_set(vm, value_to_object(proto), key, v, obj);
  }
  if (value_is_exception(ok)) return ok;
  if (ok == VALUE_FALSE && strict) return set_refused(vm, obj, key);
  return v;
}

static Value set_element(VM *vm, Value obj, Value key, Value v, bool strict) {
  if (value_is_object(obj) && value_is_number(key)) {
    Object *o = value_to_object(obj);
    double d = value_to_number(key);
    if (o->klass == CLASS_ARRAY && o->extensible && d >= 0 && d == (uint32_t)d) {
      Array *a = (Array *)o;
      uint32_t i = (uint32_t)d;
      if (i < array_dense_length(a) && a->elements[i] != VALUE_HOLE) return a->elements[i] = v;
      if (i == a->length && array_protos_plain(a) && array_push(vm, a, v)) return v;
    } else if (class_is_typed(o->klass) && value_is_number(v)) {
      return typed_set_element(obj, d, v);
    }
  }
  if (value_is_nullish(obj)) return type_error_setting(vm, obj, key);
  if (value_is_symbol(key)) return interp_set_named(vm, obj, key, v, strict);
  key = conv_to_property_key(vm, key);
  if (value_is_exception(key)) return key;
  return interp_set_property(vm, obj, key, v, strict);
}

/* a + b when they are not both numbers. */
static Value add_slow(VM *vm, Value a, Value b) {
  if (value_is_string(a) && value_is_string(b)) return vm_string_concat(vm, a, b);
  int mark = vm_handle_mark(vm);
  Value pa = vm_handle_push(vm, conv_to_primitive(vm, a, CONV_HINT_DEFAULT));
  Value pb = value_is_exception(pa) ? pa : vm_handle_push(vm, conv_to_primitive(vm, b, CONV_HINT_DEFAULT));
  Value r = pb;
  if (value_is_exception(pb)) {
  } else if (value_is_string(pa) || value_is_string(pb)) {
    Value sa = vm_handle_push(vm, vm_to_string(vm, pa));
    Value sb = value_is_exception(sa) ? sa : vm_to_string(vm, pb);
    r = value_is_exception(sb) ? sb : vm_string_concat(vm, sa, sb);
  } else {
    Value na = vm_to_number(vm, pa), nb = value_is_exception(na) ? na : vm_to_number(vm, pb);
    r = value_is_exception(nb) ? nb : value_from_number(value_to_number(na) + value_to_number(nb));
  }
  vm_handle_reset(vm, mark);
  return r;
}

/* Both operands to numbers (valueOf may run). Returns false on exception. */
static bool to_numbers(VM *vm, Value a, Value b, double *x, double *y) {
  if (value_is_number(a) && value_is_number(b)) {
    *x = value_to_number(a), *y = value_to_number(b);
    return true;
  }
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, b);
  Value na = vm_to_number(vm, a);
  Value nb = value_is_exception(na) ? na : vm_to_number(vm, b);
  vm_handle_reset(vm, mark);
  if (value_is_exception(nb)) return false;
  *x = value_to_number(na), *y = value_to_number(nb);
  return true;
}

/* x % y, with the common case of non-negative integers done without fmod. */
static inline double js_mod(double x, double y) {
  if (x >= 0 && !signbit(x) && y > 0 && x <= 2147483647.0 && y <= 2147483647.0) {
    int32_t i = (int32_t)x, j = (int32_t)y;
    if ((double)i == x && (double)j == y) return (double)(i % j);
  }
  return fmod(x, y);
}

//> vm.arith
static Value arith(VM *vm, int op, Value a, Value b) {
  double x, y;
  if (!to_numbers(vm, a, b, &x, &y)) return VALUE_EXCEPTION;
  switch (op) {
  case OP_SUB: return value_from_number(x - y);
  case OP_MUL: return value_from_number(x * y);
  case OP_DIV: return value_from_number(x / y);
  case OP_MOD: return value_from_number(js_mod(x, y));
  case OP_EXP: return value_from_number((isnan(y) || ((x == 1 || x == -1) && isinf(y))) ? NAN : pow(x, y));
  case OP_BIT_AND: return value_from_number(conv_to_int32(x) & conv_to_int32(y));
  case OP_BIT_OR: return value_from_number(conv_to_int32(x) | conv_to_int32(y));
  case OP_BIT_XOR: return value_from_number(conv_to_int32(x) ^ conv_to_int32(y));
  case OP_SHL: return value_from_number((int32_t)((uint32_t)conv_to_int32(x) << (conv_to_uint32(y) & 31)));
  case OP_SHR: return value_from_number(conv_to_int32(x) >> (conv_to_uint32(y) & 31));
  case OP_USHR: return value_from_number(conv_to_uint32(x) >> (conv_to_uint32(y) & 31));
  }
  PANIC("arith: not an arithmetic opcode");
}
//< vm.arith

//> vm.compare
/* a < b (or a <= b with or_equal). Returns true, false, undefined (NaN involved)
 * or VALUE_EXCEPTION, as IsLessThan does. */
static Value less_than(VM *vm, Value a, Value b, bool left_first) {
  int mark = vm_handle_mark(vm);
  Value pa, pb;
  if (left_first) {
    pa = vm_handle_push(vm, conv_to_primitive(vm, a, CONV_HINT_NUMBER));
    pb = value_is_exception(pa) ? pa : vm_handle_push(vm, conv_to_primitive(vm, b, CONV_HINT_NUMBER));
  } else {
    pb = vm_handle_push(vm, conv_to_primitive(vm, b, CONV_HINT_NUMBER));
    pa = value_is_exception(pb) ? pb : vm_handle_push(vm, conv_to_primitive(vm, a, CONV_HINT_NUMBER));
  }
  Value r;
  if (value_is_exception(pa) || value_is_exception(pb)) {
    r = VALUE_EXCEPTION;
  } else if (value_is_string(pa) && value_is_string(pb)) {
    r = value_from_bool(string_compare(value_to_string(pa), value_to_string(pb)) < 0);
  } else {
    double x, y;
    if (!to_numbers(vm, pa, pb, &x, &y)) r = VALUE_EXCEPTION;
    else r = (isnan(x) || isnan(y)) ? VALUE_UNDEFINED : value_from_bool(x < y);
  }
  vm_handle_reset(vm, mark);
  return r;
}

static Value compare(VM *vm, int op, Value a, Value b) {
  if (value_is_number(a) && value_is_number(b)) {
    double x = value_to_number(a), y = value_to_number(b);
    return value_from_bool(op == OP_LT ? x < y : op == OP_LE ? x <= y : op == OP_GT ? x > y : x >= y);
  }
  Value r;
  switch (op) {
  case OP_LT: r = less_than(vm, a, b, true); return r == VALUE_UNDEFINED ? VALUE_FALSE : r;
  case OP_GT: r = less_than(vm, b, a, false); return r == VALUE_UNDEFINED ? VALUE_FALSE : r;
  case OP_LE: r = less_than(vm, b, a, false); break;
  default: r = less_than(vm, a, b, true); break; /* OP_GE */
  }
  if (value_is_exception(r)) return r;
  return r == VALUE_FALSE ? VALUE_TRUE : VALUE_FALSE; /* undefined and true both give false */
}
//< vm.compare

static Value unary_number(VM *vm, int op, Value a) {
  Value n = vm_to_number(vm, a);
  if (value_is_exception(n)) return n;
  double x = value_to_number(n);
  switch (op) {
  case OP_NEG: return value_from_number(-x);
  case OP_BIT_NOT: return value_from_number(~conv_to_int32(x));
  case OP_INC: return value_from_number(x + 1);
  case OP_DEC: return value_from_number(x - 1);
  default: return n; /* OP_PLUS, OP_TO_NUMERIC */
  }
}

/* V8's TypeError for a method that is not callable, named by its type (there is no
 * expression to show): "number 5 is not a function", 'string "s" ...', "object ...". */
static Value method_not_callable(VM *vm, Value m) {
  if (value_is_object(m) || value_is_symbol(m))
    return vm_throw_error(vm, ERR_TYPE, "%s is not a function", value_is_symbol(m) ? "symbol" : "object");
  Value text = vm_to_string(vm, m);
  if (value_is_exception(text)) return text;
  char *t = vm_to_utf8(vm, text, NULL), *type = vm_to_utf8(vm, vm_typeof(vm, m), NULL);
  Value r = vm_throw_error(vm, ERR_TYPE, value_is_string(m) ? "%s \"%s\" is not a function" : "%s %s is not a function",
                           type, t);
  free(t), free(type);
  return r;
}

static Value instance_of(VM *vm, Value v, Value ctor) {
  if (!value_is_object(ctor))
    return vm_throw_error(vm, ERR_TYPE, "Right-hand side of 'instanceof' is not an object");
  Value hook = object_get(vm, value_to_object(ctor), vm->symbol_has_instance, ctor);
  if (value_is_exception(hook)) return hook;
  if (!value_is_nullish(hook) && !vm_is_callable(hook)) return method_not_callable(vm, hook);
  if (!value_is_nullish(hook)) {
    Value r = vm_call(vm, hook, ctor, 1, &v);
    return value_is_exception(r) ? r : value_from_bool(vm_truthy(r));
  }
  if (!vm_is_callable(ctor))
    return vm_throw_error(vm, ERR_TYPE, "Right-hand side of 'instanceof' is not callable");
  while (value_to_object(ctor)->klass == CLASS_BOUND) ctor = ((Bound *)value_to_object(ctor))->target;
  if (!value_is_object(v)) return VALUE_FALSE;
  Value proto = object_get(vm, value_to_object(ctor), value_from_string(vm->atom_prototype), ctor);
  if (value_is_exception(proto)) return proto;
  if (!value_is_object(proto))
    return vm_throw_error(vm, ERR_TYPE, "Function has non-object prototype 'undefined' in instanceof check");
  vm_handle_push(vm, proto);
  for (Value o = v;;) { /* each step is o.[[GetPrototypeOf]](): a proxy's trap runs */
    o = exotic_of(vm, value_to_object(o)) ? vm_get_prototype_of(vm, o) : vm_prototype_of(o);
    if (!value_is_object(o)) return value_is_exception(o) ? o : VALUE_FALSE;
    if (o == proto) return VALUE_TRUE;
  }
}

Value vm_instance_of(VM *vm, Value v, Value ctor) { return instance_of(vm, v, ctor); }

static Value has_property(VM *vm, Value key, Value obj) {
  if (!value_is_object(obj)) {
    Value k = vm_to_string(vm, value_is_symbol(key) ? symbol_text(vm, key) : key);
    Value o = value_is_exception(k) ? k : vm_to_string(vm, obj);
    if (value_is_exception(o)) return o;
    char *ks = vm_to_utf8(vm, k, NULL), *os = vm_to_utf8(vm, o, NULL);
    Value r = vm_throw_error(vm, ERR_TYPE, "Cannot use 'in' operator to search for '%s' in %s", ks, os);
    free(ks), free(os);
    return r;
  }
  key = conv_to_property_key(vm, key);
  if (value_is_exception(key)) return key;
  return object_has(vm, value_to_object(obj), key);
}

static Value delete_property(VM *vm, Value obj, Value key, bool strict) {
  if (value_is_nullish(obj))
    return vm_throw_error(vm, ERR_TYPE, "Cannot convert undefined or null to object");
  key = conv_to_property_key(vm, key);
  if (value_is_exception(key) || !value_is_object(obj)) return value_is_exception(key) ? key : VALUE_TRUE;
  if (exotic_of(vm, value_to_object(obj))) {
    Value r = vm_delete_property(vm, obj, key);
    if (r != VALUE_FALSE || !strict || !vm_is_proxy(obj)) return r;
    return trap_falsish(vm, "deleteProperty", key);
  }
  bool ok = object_delete_own(vm, value_to_object(obj), key);
  if (!ok && strict) {
    char *text = vm_to_utf8(vm, value_is_symbol(key) ? symbol_text(vm, key) : key, NULL), what[256];
    describe_object(vm, obj, what, sizeof what);
    Value r = vm_throw_error(vm, ERR_TYPE, "Cannot delete property '%s' of %s", text, what);
    free(text);
    return r;
  }
  return value_from_bool(ok);
}

/* ==== Inline caches ==== */

//> vm.inline-cache
/* GET_PROP, SET_PROP and GET_METHOD remember, per instruction, the last shape they saw
 * and the slot the property had in it. A later object with the same (shared, hence
 * immutable) shape has the property in the same slot: one compare instead of a
 * lookup. Reads may also cache a property found on the object's prototype (a method,
 * usually), checked by the prototype's identity and shape, and one found further up
 * or nowhere, checked by the prototype's identity and the epoch of watched objects
 * (cache_fill_deep). Dictionary shapes change in place: only watching covers them. */
static inline PropCache *cache_entry(VM *vm, const uint8_t *pc) {
  return &vm->prop_cache[((uintptr_t)pc >> 1) & (PROP_CACHE_SIZE - 1)];
}

/* The slot holding the cached property of o, or NULL on a miss. */
static inline Value *cache_lookup(VM *vm, const PropCache *c, const uint8_t *pc, Object *o) {
  if (c->pc != pc || c->shape != o->shape || c->epochs[0] != vm->cache_epoch) return NULL;
  if (!c->holder) return &o->slots[c->slot];
  if (o->proto != c->holder) return NULL;
  if (c->slot == CACHE_DEEP) return c->epochs[1] == vm->proto_epoch ? c->deep : NULL;
  if (c->holder->shape != c->holder_shape) return NULL;
  return &c->holder->slots[c->slot];
}

/* key as a plain data property of the (non-dictionary) shape of o, or -1. */
static int plain_slot(Object *o, Value key, bool for_set) {
  if (o->shape->dictionary) return -1;
  int slot = shape_find(o->shape, key);
  if (slot < 0) return -1;
  uint8_t attrs = o->shape->props[slot].attrs;
  return (attrs & ATTR_ACCESSOR) || (for_set && !(attrs & ATTR_WRITABLE)) ? -1 : slot;
}

/* Whether key, missing from o's shape, is really missing from o: no element or other
 * virtual property of o could hide a prototype's property of that name. */
static bool truly_absent(VM *vm, Object *o, Value key) {
  uint32_t index;
  if (!(class_flags(o) & CLASS_INDEXED)) return true; /* every property is in the shape */
  /* arrays and boxed strings: only indices and length are virtual; typed arrays: every
   * numeric key ("-0", "1.5") */
  return value_is_string(key) && key != value_from_string(vm->atom_length) &&
         !string_to_array_index(value_to_string(key), &index) &&
         !(class_is_typed(o->klass) && typed_numeric_key(vm, value_to_string(key)));
}

/* A read found further up the chain than o's prototype, or nowhere (the undefined of
 * a property that is absent, `this._events` before the first listener). The chain is
 * then watched up to the holder, as for an add entry: while vm->proto_epoch stays, none
 * of those objects gains, loses or changes a key or its prototype, so the holder's slot
 * stays where it is (slots move only when keys are added) and stays the answer. */
static const Value absent_value = VALUE_UNDEFINED;

static Value *cache_fill_deep(VM *vm, PropCache *c, const uint8_t *pc, Object *o, Value key) {
  Object *holder = NULL;
  Value *at = (Value *)&absent_value; /* only ever read */
  for (Object *p = o->proto; p && !holder; p = p->proto) {
    if (class_flags(p) & CLASS_EXOTIC) return NULL;
    int slot = shape_find(p->shape, key);
    if (slot >= 0 && (p->shape->props[slot].attrs & ATTR_ACCESSOR)) return NULL;
    if (slot >= 0) holder = p, at = &p->slots[slot];
    else if (!truly_absent(vm, p, key)) return NULL;
  }
  for (Object *p = o->proto; p; p = p == holder ? NULL : p->proto) p->watched = 1;
  *c = (PropCache){pc, o->shape, o->proto, {.deep = at}, CACHE_DEEP,
                   {vm->cache_epoch, vm->proto_epoch}};
  return at;
}

/* Look key up in o (and, for reads, its prototype); on a plain data property fill
 * the cache and return where it is, else NULL. */
static Value *cache_fill(VM *vm, PropCache *c, const uint8_t *pc, Object *o, Value key, bool for_set) {
  int slot = plain_slot(o, key, for_set);
  if (slot >= 0) {
    *c = (PropCache){pc, o->shape, NULL, {NULL}, (uint32_t)slot, {vm->cache_epoch, 0}};
    return &o->slots[slot];
  }
  Object *p = o->proto;
  if (for_set || !p || o->shape->dictionary || shape_find(o->shape, key) >= 0 ||
      !truly_absent(vm, o, key))
    return NULL;
  slot = plain_slot(p, key, false);
  if (slot < 0) return cache_fill_deep(vm, c, pc, o, key);
  *c = (PropCache){pc, o->shape, p, {p->shape}, (uint32_t)slot, {vm->cache_epoch, 0}};
  return &p->slots[slot];
}
//< vm.inline-cache

//> vm.add-cache
/* `this.x = v` in a constructor adds x to each new object, and every add must first
 * walk the prototype chain: a setter or a read-only x there would forbid it. SET_PROP
 * therefore also remembers an add it has just made: the old shape, the prototype and
 * the new shape (in holder and holder_shape; at a SET_PROP a holder means an add). The
 * next object with that shape and prototype takes the new shape at once. The chain
 * that was checked is *watched*: any change to a watched object's keys, attributes or
 * prototype bumps vm->proto_epoch, and an entry from an older one never matches. */
static bool cache_add(VM *vm, const PropCache *c, const uint8_t *pc, Object *o, Value v) {
  return c->pc == pc && c->holder &&
         object_replay_add(vm, o, c->shape, c->holder, c->holder_shape, c->epochs, v);
}

/* After SET_PROP added key to o (its shape was before): remember the add, if it can
 * be replayed (object.c decides, and watches the chain). */
static void cache_fill_add(VM *vm, PropCache *c, const uint8_t *pc, Object *o, Shape *before,
                           Value key) {
  if (!object_add_replayable(vm, o, before, key)) return;
  Shape *s = o->shape;
  *c = (PropCache){pc, before, o->proto, {s}, s->count - 1, {vm->cache_epoch, vm->proto_epoch}};
}

/* SET_PROP on an object when the write cache missed: replay a remembered add, or set
 * the slow way and remember the add it made. Out of line, to keep the loop small. */
static __attribute__((noinline)) Value set_prop_learning(VM *vm, PropCache *c, const uint8_t *pc,
                                                         Object *o, Value key, Value v, bool strict) {
  if (cache_add(vm, c, pc, o, v)) return v;
  Shape *before = o->shape;
  Value r = interp_set_property(vm, value_from_object(o), key, v, strict);
  if (!value_is_exception(r) && o->shape != before) cache_fill_add(vm, c, pc, o, before, key);
  return r;
}
//< vm.add-cache

/* C code reads and writes properties by name (vm_get_str(vm, o, "_events")), the same
 * few names of objects of the same few shapes, again and again: those reads and
 * writes are cached as GET_PROP's and SET_PROP's are, with the name's atom in place of
 * the instruction's address, in tables of their own. An entry is chosen by the name
 * and the object's shape together, so that one name read from objects of several
 * shapes (every emitter's _events) keeps an entry per shape. */
static PropCache *named_entry(PropCache *table, Value atom, const Object *o) {
  uintptr_t h = ((uintptr_t)value_to_ptr(atom) >> 4) ^ ((uintptr_t)o->shape >> 6);
  return &table[h & (NAMED_CACHE_SIZE - 1)];
}

Value interp_get_named(VM *vm, Value obj, Value atom) {
  if (value_is_object(obj)) {
    Object *o = value_to_object(obj);
    const uint8_t *site = value_to_ptr(atom);
    PropCache *c = named_entry(vm->named_cache, atom, o);
    Value *at = cache_lookup(vm, c, site, o);
    if (at || (at = cache_fill(vm, c, site, o, atom, false))) return *at;
  }
  return interp_get_property(vm, obj, atom);
}

/* A write: to an own property, as SET_PROP writes, or an add, replayed as SET_PROP
 * replays one (vm_set_str(vm, emitter, "_events", ...) for every new emitter). */
Value interp_set_named(VM *vm, Value obj, Value atom, Value v, bool strict) {
  if (!value_is_object(obj)) return interp_set_property(vm, obj, atom, v, strict);
  Object *o = value_to_object(obj);
  const uint8_t *site = value_to_ptr(atom);
  PropCache *c = named_entry(vm->named_set_cache, atom, o);
  Value *at = cache_lookup(vm, c, site, o);
  if (at && !c->holder) return *at = v;
  bool add = c->pc == site && c->holder && c->shape == o->shape; /* o cannot have the key */
  if (!add && (at = cache_fill(vm, c, site, o, atom, true))) return *at = v;
  return set_prop_learning(vm, c, site, o, atom, v, strict);
}

/* ==== Closures, literals and iteration helpers ==== */

//> vm.make-closure
/* CLOSURE: capture the cells the new function's UpvalDescs name. */
static Value make_closure(VM *vm, Frame *frame, FunctionProto *proto) {
  Closure *c = closure_new(vm, proto, proto->upval_count);
  Closure *enclosing = (Closure *)frame->function;
  for (uint32_t i = 0; i < proto->upval_count; i++) {
    UpvalDesc d = proto->upvals[i];
    Value held = frame->registers[d.index];
    c->cells[i] = d.from_register ? (Cell *)value_to_ptr(held) : enclosing->cells[d.index];
  }
  Value fn = vm_handle_push(vm, value_from_object(&c->base));
  object_define_own(vm, &c->base, value_from_string(vm->atom_length),
                    value_from_number(proto->length), ATTR_CONFIGURABLE);
  object_define_own(vm, &c->base, value_from_string(vm->atom_name), value_from_string(proto->name),
                    ATTR_CONFIGURABLE);
  if (proto->flags & (FN_ASYNC | FN_GENERATOR)) {
    generator_closure_init(vm, c);
  } else if (!(proto->flags & (FN_ARROW | FN_METHOD))) { /* (a class's: CLASS_CREATE) */
    Object *p = object_new(vm, vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE]);
    vm_handle_push(vm, value_from_object(p));
    object_define_own(vm, p, value_from_string(vm->atom_constructor), fn, ATTR_HIDDEN);
    object_define_own(vm, &c->base, value_from_string(vm->atom_prototype), value_from_object(p),
                      ATTR_WRITABLE);
  }
  return fn;
}
//< vm.make-closure

static Value key_is_enumerable(VM *vm, Value p, Value k);

/* Is key one of the property keys in the array excluded? */
static bool is_excluded(Value excluded, Value key) {
  if (value_is_undefined(excluded)) return false;
  for (uint32_t i = 0; i < vm_array_length(excluded); i++)
    if (vm_same_value(vm_array_get_raw(excluded, i), key)) return true;
  return false;
}

/* CopyDataProperties(target, source, excluded): excluded is an array of property keys
 * (an object pattern's rest leaves its named keys out), or undefined. An excluded key is
 * skipped before anything is asked of the source, as a proxy can see. */
static Value copy_data_properties(VM *vm, Value target, Value source, Value excluded) {
  if (value_is_nullish(source)) return target;
  Value src = vm_handle_push(vm, vm_to_object(vm, source));
  if (value_is_exception(src)) return src;
  /* a proxy answers ownKeys, then getOwnPropertyDescriptor and get for each key in turn */
  bool exotic = exotic_of(vm, value_to_object(src)) != NULL;
  Value keys = vm_own_property_keys(
      vm, src, VM_KEYS_STRINGS | VM_KEYS_SYMBOLS | (exotic ? VM_KEYS_HIDDEN : 0));
  if (value_is_exception(keys)) return keys;
  vm_handle_push(vm, keys);
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get_raw(keys, i);
    if (is_excluded(excluded, key)) continue;
    Value e = exotic ? key_is_enumerable(vm, src, key) : VALUE_TRUE;
    if (e != VALUE_TRUE) {
      if (value_is_exception(e)) return e;
      continue;
    }
    Value v = object_get(vm, value_to_object(src), key, src);
    if (value_is_exception(v)) return v;
    object_define_own(vm, value_to_object(target), key, v, ATTR_DEFAULT);
  }
  return target;
}

static Value define_accessor(VM *vm, Value obj, Value key, Value fn, bool is_getter) {
  key = conv_to_property_key(vm, key);
  if (value_is_exception(key)) return key;
  Object *o = value_to_object(obj);
  uint8_t attrs;
  int slot = object_find_slot(o, key, &attrs);
  Accessor *acc;
  if (slot >= 0 && (attrs & ATTR_ACCESSOR)) {
    acc = (Accessor *)value_to_ptr(o->slots[slot]);
  } else {
    acc = accessor_new(vm, VALUE_UNDEFINED, VALUE_UNDEFINED);
    int mark = vm_handle_mark(vm);
    vm_handle_push(vm, value_from_thing(acc));
    object_define_own(vm, o, key, value_from_thing(acc),
                      ATTR_ENUMERABLE | ATTR_CONFIGURABLE | ATTR_ACCESSOR);
    vm_handle_reset(vm, mark);
  }
  if (is_getter) acc->getter = fn;
  else acc->setter = fn;
  return obj;
}

/* Iterating this array by index is unobservable: its iterator method is the built-in
 * values() and nobody replaced %ArrayIteratorPrototype%.next. */
static bool array_iteration_is_pristine(VM *vm, Value iterable, Value method) {
  if (!value_is_object(iterable) || value_to_object(iterable)->klass != CLASS_ARRAY ||
      vm->array_values_pin < 0 || method != vm_pinned(vm, vm->array_values_pin))
    return false;
  bool found;
  Value next = object_get_own(vm->intrinsics[INTRINSIC_ARRAY_ITERATOR_PROTOTYPE],
                              value_from_string(vm->atom_next), &found);
  return found && next == vm_pinned(vm, vm->array_next_pin);
}

static Value iterator_step_once(VM *vm, Value *slots);

/* The `next` method kept in an iterator's second slot (get_iterator). */
static inline Value iter_next_method(Value slot) {
  return slot == VALUE_HOLE ? VALUE_UNDEFINED : slot;
}

/* GET_ITERATOR. Arrays (and strings, as arrays of code points) iterate by index:
 * the second slot then holds the next index instead of a `next` method. Once the
 * iterator is done the slot holds undefined, so a `next` that is undefined is kept as
 * the hole (calling it throws, and closing still calls return()). */
static Value get_iterator(VM *vm, Value iterable, Value *next_out) {
  Value method = value_is_nullish(iterable) ? VALUE_UNDEFINED
                 : interp_get_property(vm, iterable, vm->symbol_iterator);
  if (value_is_exception(method)) return method;
  if (array_iteration_is_pristine(vm, iterable, method)) {
    *next_out = value_from_number(0);
    return iterable;
  }
  if (!vm_is_callable(method)) return type_error_at_site(vm, iterable, "is not iterable");
  Value iter = vm_call(vm, method, iterable, 0, NULL);
  if (value_is_exception(iter)) return iter;
  if (!value_is_object(iter))
    return vm_throw_error(vm, ERR_TYPE, "Result of the Symbol.iterator method is not an object");
  vm_handle_push(vm, iter);
  Value next = interp_get_property(vm, iter, value_from_string(vm->atom_next));
  if (value_is_exception(next)) return next;
  *next_out = value_is_undefined(next) ? VALUE_HOLE : next; /* undefined marks "done" */
  return iter;
}

/* GET_ASYNC_ITERATOR: GetIterator(iterable, async). Without a Symbol.asyncIterator
 * method, the sync iterator, wrapped so that each of its values is awaited. */
static Value get_async_iterator(VM *vm, Value iterable, Value *next_out) {
  bool nullish = value_is_nullish(iterable);
  Value method = nullish ? VALUE_UNDEFINED
                         : interp_get_property(vm, iterable, vm->symbol_async_iterator);
  if (value_is_exception(method)) return method;
  bool sync = value_is_nullish(method);
  if (sync && !nullish) method = interp_get_property(vm, iterable, vm->symbol_iterator);
  if (value_is_exception(method)) return method;
  if (!vm_is_callable(method)) return type_error_at_site(vm, iterable, "is not async iterable");
  Value iter = vm_handle_push(vm, vm_call(vm, method, iterable, 0, NULL));
  if (value_is_exception(iter)) return iter;
  if (!value_is_object(iter))
    return vm_throw_error(vm, ERR_TYPE, "Result of the Symbol.%s method is not an object",
                          sync ? "iterator" : "asyncIterator");
  Value next = vm_handle_push(vm, interp_get_property(vm, iter, value_from_string(vm->atom_next)));
  if (value_is_exception(next)) return next;
  if (sync) {
    iter = vm_handle_push(vm, async_from_sync_new(vm, iter, next));
    next = interp_get_property(vm, iter, value_from_string(vm->atom_next));
    if (value_is_exception(next)) return next;
  }
  *next_out = next;
  return iter;
}

/* ITER_NEXT: VALUE_HOLE when done, else the value (or VALUE_EXCEPTION). A finished
 * iterator's `next` slot becomes undefined, so it is neither stepped nor closed again. */
static Value iterator_step(VM *vm, Value *slots) {
  if (value_is_undefined(slots[1])) return VALUE_HOLE;
  Value v = iterator_step_once(vm, slots);
  if (v == VALUE_HOLE) slots[1] = VALUE_UNDEFINED;
  return v;
}

static Value iterator_step_once(VM *vm, Value *slots) {
  if (value_is_number(slots[1])) {
    Array *a = (Array *)value_to_object(slots[0]);
    double i = value_to_number(slots[1]);
    if (i >= a->length) return VALUE_HOLE;
    slots[1] = value_from_number(i + 1);
    Value v = i < array_dense_length(a) ? a->elements[(uint32_t)i] : VALUE_HOLE;
    if (v == VALUE_HOLE) v = object_get(vm, &a->base, conv_to_property_key(vm, value_from_number(i)), slots[0]);
    return v;
  }
  Value result = vm_call(vm, iter_next_method(slots[1]), slots[0], 0, NULL);
  if (value_is_exception(result)) return result;
  if (!value_is_object(result)) return iter_result_not_object(vm, result);
  vm_handle_push(vm, result);
  Value done = interp_get_property(vm, result, value_from_string(vm->atom_done));
  if (value_is_exception(done)) return done;
  if (vm_truthy(done)) return VALUE_HOLE;
  return interp_get_property(vm, result, value_from_string(vm->atom_value));
}

static Value iterator_close(VM *vm, Value *slots) {
  if (value_is_number(slots[1]) || value_is_undefined(slots[1])) return VALUE_UNDEFINED;
  Value ret = interp_get_property(vm, slots[0], vm_atom(vm, "return"));
  if (value_is_exception(ret) || value_is_nullish(ret)) return ret;
  Value r = vm_call(vm, ret, slots[0], 0, NULL);
  if (value_is_exception(r)) return r;
  if (!value_is_object(r)) return iter_result_not_object(vm, r);
  return VALUE_UNDEFINED;
}

/* Whether own key k of p is enumerable (true/false/exception): keys in the shape say so
 * themselves; the others (elements, a String object's characters, `length`, a proxy's
 * keys) through [[GetOwnProperty]]. */
static Value key_is_enumerable(VM *vm, Value p, Value k) {
  uint8_t attrs;
  if (object_find_slot(value_to_object(p), k, &attrs) >= 0)
    return value_from_bool(attrs & ATTR_ENUMERABLE);
  PropertyInfo info;
  Value found = vm_own_property(vm, p, k, &info);
  return found == VALUE_TRUE ? value_from_bool(info.attrs & VM_ATTR_ENUMERABLE) : found;
}

/* p's own string keys for for-in: [[OwnPropertyKeys]] (a proxy's ownKeys trap). */
static Value own_keys_for_in(VM *vm, Value p) {
  return vm_own_property_keys(vm, p, VM_KEYS_STRINGS | VM_KEYS_HIDDEN);
}

/* FOR_IN_START: the enumerator is an array holding the object at [0] and the
 * keys still to visit in reverse order after it, so that FOR_IN_NEXT pops. Never
 * inlined: it is cold, and inlined into interp_run it changed the register allocation
 * of the whole loop (bench/fib.js ran 15% slower). */
/* A regexp literal evaluated: the RegExp built-in makes it (vm_set_regexp_hooks), caching
 * what it likes in the literal's constant slot. */
__attribute__((noinline)) static Value regexp_literal(VM *vm, Value *slot, Value flags) {
  if (!vm->regexp_hooks.create)
    return vm_throw_error(vm, ERR_SYNTAX, "this VM has no RegExp built-in");
  int mark = vm_handle_mark(vm); /* an instruction leaves no handles behind */
  Value re = vm->regexp_hooks.create(vm, slot, flags);
  vm_handle_reset(vm, mark);
  return re;
}

/* One object's keys for for-in: each one not seen on an object nearer the start goes on
 * `found`, with (in `owners`) the exotic object whose [[GetOwnProperty]] must still say
 * it is enumerable, or undefined when that was settled now (an ordinary object). */
static Value for_in_collect(VM *vm, Value p, Array *seen, Array *found, Array *owners) {
  Value keys = own_keys_for_in(vm, p);
  if (value_is_exception(keys)) return keys;
  vm_handle_push(vm, keys);
  bool exotic = exotic_of(vm, value_to_object(p)) != NULL;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value k = vm_array_get_raw(keys, i);
    bool dup = false;
    for (uint32_t j = 0; j < seen->length && !dup; j++) dup = seen->elements[j] == k;
    if (dup) continue;
    array_push(vm, seen, k);
    Value enumerable = exotic ? VALUE_TRUE : key_is_enumerable(vm, p, k);
    if (enumerable == VALUE_TRUE)
      array_push(vm, found, k), array_push(vm, owners, exotic ? p : VALUE_UNDEFINED);
  }
  return VALUE_TRUE;
}

__attribute__((noinline)) static Value for_in_start(VM *vm, Value obj) {
  Array *e = array_new(vm, 8);
  Value ev = vm_handle_push(vm, value_from_object(&e->base));
  array_push(vm, e, obj);
  if (value_is_nullish(obj)) return ev;
  Value o = vm_handle_push(vm, vm_to_object(vm, obj));
  Array *seen = array_new(vm, 8), *found, *owners;
  vm_handle_push(vm, value_from_object(&seen->base));
  vm_handle_push(vm, value_from_object(&(found = array_new(vm, 8))->base));
  vm_handle_push(vm, value_from_object(&(owners = array_new(vm, 8))->base));
  bool met_exotic = false;
  int loop = vm_handle_mark(vm); /* prototype chains can be 100,000 long */
  for (Value p = o; value_is_object(p); vm_handle_reset(vm, loop), vm_handle_push(vm, p)) {
    Value r = for_in_collect(vm, p, seen, found, owners);
    if (value_is_exception(r)) return r;
    met_exotic = met_exotic || exotic_of(vm, value_to_object(p));
    p = exotic_of(vm, value_to_object(p)) ? vm_get_prototype_of(vm, p) : vm_prototype_of(p);
    if (value_is_exception(p)) return p;
  }
  /* As V8 does, a proxy's keys are checked after the walk, and not again one by one */
  for (uint32_t i = 0; i < found->length; i++) {
    if (value_is_undefined(owners->elements[i])) continue;
    Value enumerable = key_is_enumerable(vm, owners->elements[i], found->elements[i]);
    if (value_is_exception(enumerable)) return enumerable;
    if (enumerable != VALUE_TRUE) found->elements[i] = VALUE_HOLE;
  }
  for (uint32_t i = found->length; i-- > 0;) /* reversed: FOR_IN_NEXT pops */
    if (found->elements[i] != VALUE_HOLE) array_push(vm, e, found->elements[i]);
  e->elements[0] = met_exotic ? VALUE_UNDEFINED : o; /* undefined: for_in_next checks nothing */
  return ev;
}

static Value for_in_next(VM *vm, Value enumerator) {
  Array *e = (Array *)value_to_object(enumerator);
  while (e->length > 1) {
    Value key = e->elements[--e->length];
    if (!value_is_object(e->elements[0])) return key;
    Value has = object_has(vm, value_to_object(e->elements[0]), key);
    if (has != VALUE_FALSE) return has == VALUE_TRUE ? key : has;
  }
  return VALUE_HOLE;
}

/* ==== Globals ==== */

static Value tdz_error(VM *vm, Value name);

/* A script's top-level let/const live in this record, not on the global object. */
static Object *global_lexicals(VM *vm) { return value_to_object(vm_pinned(vm, vm->lexicals_pin)); }

static Value global_get(VM *vm, Value name, bool for_typeof) {
  uint8_t attrs;
  Object *lex = global_lexicals(vm);
  int slot = object_find_slot(lex, name, &attrs);
  if (slot >= 0) return lex->slots[slot] == VALUE_HOLE ? tdz_error(vm, name) : lex->slots[slot];
  Object *g = vm->intrinsics[INTRINSIC_GLOBAL];
  if (!for_typeof && object_has(vm, g, name) != VALUE_TRUE) {
    char *text = vm_to_utf8(vm, name, NULL);
    Value r = vm_throw_error(vm, ERR_REFERENCE, "%s is not defined", text);
    free(text);
    return r;
  }
  return object_get(vm, g, name, value_from_object(g));
}

/* GET_GLOBAL's cache. A name found as a plain data property of the global lexical
 * record or of the global object is remembered per instruction with where its value
 * sits. Both objects are then watched: any key either gains or loses (a later script's
 * `let` that shadows a global, `delete globalThis.x`, an accessor put in a value's
 * place) moves vm->proto_epoch, and with it every entry, while a new value in the same
 * place is simply read. A global `let` still in its dead zone is never answered. */
static Value global_get_cached(VM *vm, const uint8_t *pc, Value name) {
  PropCache *c = cache_entry(vm, pc);
  if (c->pc == pc && c->slot == CACHE_DEEP && c->epochs[0] == vm->cache_epoch &&
      c->epochs[1] == vm->proto_epoch && *c->deep != VALUE_HOLE)
    return *c->deep;
  uint8_t attrs;
  Object *lex = global_lexicals(vm), *g = vm->intrinsics[INTRINSIC_GLOBAL], *holder = lex;
  int slot = object_find_slot(lex, name, &attrs);
  if (slot < 0) holder = g, slot = object_find_slot(g, name, &attrs);
  if (slot < 0 || (attrs & ATTR_ACCESSOR) || (class_flags(holder) & CLASS_EXOTIC) ||
      holder->slots[slot] == VALUE_HOLE)
    return global_get(vm, name, false); /* the slow way: a getter, a dead zone, an error */
  lex->watched = g->watched = 1;
  *c = (PropCache){pc, NULL, holder, {.deep = &holder->slots[slot]}, CACHE_DEEP,
                   {vm->cache_epoch, vm->proto_epoch}};
  return holder->slots[slot];
}

/* GlobalDeclarationInstantiation's checks, made for every name before a script defines
 * any: a let, const or class may not redeclare a global let or a non-configurable global
 * property (a var, NaN); a var or function may not redeclare a global let. */
static bool global_declarable(VM *vm, Value name, bool lexical) {
  uint8_t attrs;
  bool taken = object_find_slot(global_lexicals(vm), name, &attrs) >= 0;
  if (!taken && lexical) {
    PropertyInfo info;
    Object *g = vm->intrinsics[INTRINSIC_GLOBAL];
    taken = vm_get_own_property(vm, value_from_object(g), name, &info) &&
            !(info.attrs & VM_ATTR_CONFIGURABLE);
  }
  if (!taken) return true;
  char *text = vm_to_utf8(vm, name, NULL);
  vm_throw_error(vm, ERR_SYNTAX, "Identifier '%s' has already been declared", text);
  free(text);
  return false;
}

/* CanDeclareGlobalVar and CanDeclareGlobalFunction: a new global needs an extensible
 * global object; a function may replace a configurable global, or a writable enumerable
 * data property, but not NaN or undefined. V8 throws a SyntaxError in a script for the
 * last case and a TypeError from eval. */
static bool global_definable(VM *vm, Value name, bool function, bool in_eval) {
  Object *g = vm->intrinsics[INTRINSIC_GLOBAL];
  PropertyInfo info;
  const char *message = NULL;
  ErrorKind kind = ERR_TYPE;
  if (!vm_get_own_property(vm, value_from_object(g), name, &info)) {
    if (!g->extensible) message = "Cannot add property %s, object is not extensible";
  } else if (function && !(info.attrs & VM_ATTR_CONFIGURABLE) &&
             (info.is_accessor || (info.attrs & (VM_ATTR_WRITABLE | VM_ATTR_ENUMERABLE)) !=
                                      (VM_ATTR_WRITABLE | VM_ATTR_ENUMERABLE))) {
    message = "Identifier '%s' has already been declared";
    if (!in_eval) kind = ERR_SYNTAX;
  }
  if (!message) return true;
  char *text = vm_to_utf8(vm, name, NULL);
  vm_throw_error(vm, kind, message, text);
  free(text);
  return false;
}

static Value global_set(VM *vm, Value name, Value v, bool strict) {
  uint8_t attrs;
  Object *lex = global_lexicals(vm);
  int slot = object_find_slot(lex, name, &attrs);
  if (slot >= 0) {
    if (lex->slots[slot] == VALUE_HOLE) return tdz_error(vm, name);
    if (!(attrs & ATTR_WRITABLE))
      return vm_throw_error(vm, ERR_TYPE, "Assignment to constant variable.");
    return lex->slots[slot] = v;
  }
  Object *g = vm->intrinsics[INTRINSIC_GLOBAL];
  if (strict && object_has(vm, g, name) != VALUE_TRUE) {
    char *text = vm_to_utf8(vm, name, NULL);
    Value r = vm_throw_error(vm, ERR_REFERENCE, "%s is not defined", text);
    free(text);
    return r;
  }
  return interp_set_property(vm, value_from_object(g), name, v, strict);
}

static Value tdz_error(VM *vm, Value name) {
  char *text = vm_to_utf8(vm, name, NULL);
  Value r = vm_throw_error(vm, ERR_REFERENCE, "Cannot access '%s' before initialization", text);
  free(text);
  return r;
}

/* ==== The debugger statement ==== */

/* A function to put a gdb breakpoint on: the `debugger` statement calls it. */
__attribute__((noinline)) void vm_debugger_hook(VM *vm) { __asm__ volatile(""); }

/* ToBoolean with the two booleans decided inline: conditions are mostly comparisons. */
static inline bool truthy(Value v) {
  return v == VALUE_TRUE || (v != VALUE_FALSE && vm_truthy(v));
}

/* ==== The loop ==== */

//> vm.dispatch-macros
#define READ_U8() (*pc++)
#define READ_U16() (pc += 2, (uint16_t)(pc[-2] | pc[-1] << 8))
#define READ_I32() (pc += 4, (int32_t)((uint32_t)pc[-4] | (uint32_t)pc[-3] << 8 | \
                                       (uint32_t)pc[-2] << 16 | (uint32_t)pc[-1] << 24))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define PEEK(n) (sp[-1 - (n)])
/* Before anything that may allocate, throw or call: the collector and stack
 * traces read vm->sp and frame->pc. */
#define SYNC() (frame->pc = pc, vm->sp = sp)
#define LOAD_FRAME()                                      \
  do {                                                    \
    frame = &vm->frames[vm->frame_count - 1];             \
    pc = frame->pc;                                       \
    regs = frame->registers;                              \
    consts = frame->proto->constants;                     \
  } while (0)
#define CHECK(v)                                          \
  do {                                                    \
    if (value_is_exception(v)) goto handle_exception;     \
  } while (0)
#define STRICT() ((frame->proto->flags & FN_STRICT) != 0)

#ifdef TN_DISPATCH_SWITCH
#define DISPATCH() \
  next:            \
  if (tracing) trace_instruction(vm, frame, pc, sp); \
  switch (*pc++)
#define CASE(name) case OP_##name:
#define NEXT() goto next
#else
/* With --trace, every entry of `table` leads to L_TRACE first; without it, the
 * dispatch pays nothing for tracing. */
#define DISPATCH() NEXT();
#define CASE(name) L_##name:
#define NEXT() goto *table[*pc++]
#endif
//< vm.dispatch-macros

Value interp_run(VM *vm, int entry_frame) {
#ifndef TN_DISPATCH_SWITCH
#define OP_LABEL(name, fmt, effect, doc) &&L_##name,
#define TRACE_LABEL(name, fmt, effect, doc) &&L_TRACE,
  static void *dispatch_table[] = {FOR_EACH_OPCODE(OP_LABEL)};
  static void *trace_table[] = {FOR_EACH_OPCODE(TRACE_LABEL)};
#undef OP_LABEL
#undef TRACE_LABEL
  void **table = vm->trace_out ? trace_table : dispatch_table;
#else
  const bool tracing = vm->trace_out != NULL;
#endif
  Frame *frame;
  const uint8_t *pc;
  Value *regs, *consts;
  Value *sp = vm->sp;
  int handles = vm->handle_count; /* between instructions no handle is held */
  Value leaving; /* what a suspending or finishing generator frame hands its caller */
  LOAD_FRAME();
  (void)entry_frame;

  DISPATCH() {
#ifndef TN_DISPATCH_SWITCH
  L_TRACE:
    trace_instruction(vm, frame, pc - 1, sp);
    goto *dispatch_table[pc[-1]];
#endif
    CASE(PUSH_UNDEFINED) PUSH(VALUE_UNDEFINED); NEXT();
    CASE(PUSH_NULL) PUSH(VALUE_NULL); NEXT();
    CASE(PUSH_TRUE) PUSH(VALUE_TRUE); NEXT();
    CASE(PUSH_FALSE) PUSH(VALUE_FALSE); NEXT();
    CASE(PUSH_HOLE) PUSH(VALUE_HOLE); NEXT();
    CASE(PUSH_INT) { int32_t i = READ_I32(); PUSH(value_from_number(i)); NEXT(); }
    CASE(PUSH_CONST) { uint16_t k = READ_U16(); PUSH(consts[k]); NEXT(); }
    CASE(PUSH_THIS) PUSH(frame->this_value); NEXT();
    CASE(PUSH_NEW_TARGET) PUSH(frame->new_target); NEXT();
    CASE(PUSH_CALLEE) PUSH(value_from_object(frame->function)); NEXT();
    CASE(CLOSURE) {
      uint16_t k = READ_U16();
      SYNC();
      int mark = vm_handle_mark(vm);
      Value fn = make_closure(vm, frame, (FunctionProto *)value_to_ptr(consts[k]));
      vm_handle_reset(vm, mark);
      PUSH(fn);
      NEXT();
    }

    CASE(POP) sp--; NEXT();
    CASE(DUP) { Value v = sp[-1]; PUSH(v); NEXT(); }
    CASE(DUP2) { sp[0] = sp[-2], sp[1] = sp[-1], sp += 2; NEXT(); }
    CASE(SWAP) { Value t = sp[-1]; sp[-1] = sp[-2], sp[-2] = t; NEXT(); }
    CASE(ROT3) { Value c = sp[-1]; sp[-1] = sp[-2], sp[-2] = sp[-3], sp[-3] = c; NEXT(); }
    CASE(ROT4) {
      Value d = sp[-1];
      sp[-1] = sp[-2], sp[-2] = sp[-3], sp[-3] = sp[-4], sp[-4] = d;
      NEXT();
    }

    CASE(GET_LOCAL) { uint16_t r = READ_U16(); PUSH(regs[r]); NEXT(); }
    CASE(SET_LOCAL) { uint16_t r = READ_U16(); regs[r] = sp[-1]; NEXT(); }
    CASE(GET_LOCAL_CHECKED) {
      uint16_t r = READ_U16(), name = READ_U16();
      if (regs[r] == VALUE_HOLE) { SYNC(); CHECK(tdz_error(vm, consts[name])); }
      PUSH(regs[r]);
      NEXT();
    }
    CASE(NEW_CELL) {
      uint16_t r = READ_U16();
      SYNC();
      regs[r] = value_from_thing(cell_new(vm, VALUE_HOLE));
      NEXT();
    }
    CASE(COPY_CELL) {
      uint16_t r = READ_U16();
      SYNC();
      regs[r] = value_from_thing(cell_new(vm, ((Cell *)value_to_ptr(regs[r]))->value));
      NEXT();
    }
    CASE(GET_CELL) { uint16_t r = READ_U16(); PUSH(((Cell *)value_to_ptr(regs[r]))->value); NEXT(); }
    CASE(SET_CELL) { uint16_t r = READ_U16(); ((Cell *)value_to_ptr(regs[r]))->value = sp[-1]; NEXT(); }
    CASE(GET_CELL_CHECKED) {
      uint16_t r = READ_U16(), name = READ_U16();
      Value v = ((Cell *)value_to_ptr(regs[r]))->value;
      if (v == VALUE_HOLE) { SYNC(); CHECK(tdz_error(vm, consts[name])); }
      PUSH(v);
      NEXT();
    }
    CASE(GET_UPVAL) {
      uint16_t i = READ_U16();
      PUSH(((Closure *)frame->function)->cells[i]->value);
      NEXT();
    }
    CASE(SET_UPVAL) {
      uint16_t i = READ_U16();
      ((Closure *)frame->function)->cells[i]->value = sp[-1];
      NEXT();
    }
    CASE(GET_UPVAL_CHECKED) {
      uint16_t i = READ_U16(), name = READ_U16();
      Value v = ((Closure *)frame->function)->cells[i]->value;
      if (v == VALUE_HOLE) { SYNC(); CHECK(tdz_error(vm, consts[name])); }
      PUSH(v);
      NEXT();
    }
    CASE(GET_GLOBAL) {
      uint16_t k = READ_U16();
      SYNC();
      Value v = global_get_cached(vm, pc, consts[k]);
      CHECK(v);
      PUSH(v);
      NEXT();
    }
    CASE(TYPEOF_GLOBAL) {
      uint16_t k = READ_U16();
      SYNC();
      Value v = global_get(vm, consts[k], true);
      CHECK(v);
      PUSH(v);
      NEXT();
    }
    CASE(SET_GLOBAL) {
      uint16_t k = READ_U16();
      SYNC();
      CHECK(global_set(vm, consts[k], sp[-1], STRICT()));
      NEXT();
    }
    CASE(DEFINE_GLOBAL) {
      uint16_t k = READ_U16();
      SYNC();
      Object *g = vm->intrinsics[INTRINSIC_GLOBAL];
      uint8_t attrs; /* an own property: `var __proto__` does not reach the inherited one */
      if (object_find_slot(g, consts[k], &attrs) < 0 || sp[-1] != VALUE_UNDEFINED)
        object_define_own(vm, g, consts[k], sp[-1], ATTR_WRITABLE | ATTR_ENUMERABLE);
      NEXT();
    }
    CASE(CHECK_GLOBAL_LET) CASE(CHECK_GLOBAL_VAR) {
      int op = pc[-1];
      uint16_t k = READ_U16();
      SYNC();
      bool lexical = op == OP_CHECK_GLOBAL_LET;
      if (!global_declarable(vm, consts[k], lexical)) goto handle_exception;
      if (!lexical && !global_definable(vm, consts[k], false, false)) goto handle_exception;
      NEXT();
    }
    CASE(CHECK_GLOBAL_FN) {
      uint16_t k = READ_U16(), in_eval = READ_U16();
      SYNC();
      if (!global_declarable(vm, consts[k], false)) goto handle_exception;
      if (!global_definable(vm, consts[k], true, in_eval)) goto handle_exception;
      NEXT();
    }
    CASE(DEFINE_LET) CASE(DEFINE_CONST) {
      int op = pc[-1];
      uint16_t k = READ_U16();
      SYNC();
      uint8_t attrs = op == OP_DEFINE_CONST ? ATTR_ENUMERABLE : ATTR_WRITABLE | ATTR_ENUMERABLE;
      object_define_own(vm, global_lexicals(vm), consts[k], sp[-1], attrs);
      NEXT();
    }
    CASE(THROW_TDZ) { /* a parameter read before its own: known at compile time */
      Value name = consts[READ_U16()];
      SYNC();
      tdz_error(vm, name);
      goto handle_exception;
    }
    CASE(THROW_CONST_ASSIGN) {
      (void)READ_U16();
      SYNC();
      vm_throw_error(vm, ERR_TYPE, "Assignment to constant variable.");
      goto handle_exception;
    }

    CASE(GET_PROP) {
      uint16_t k = READ_U16();
      if (value_is_object(sp[-1])) {
        Object *o = value_to_object(sp[-1]);
        PropCache *c = cache_entry(vm, pc);
        Value *at = cache_lookup(vm, c, pc, o);
        if (!at && o->klass == CLASS_ARRAY && consts[k] == value_from_string(vm->atom_length)) {
          sp[-1] = value_from_number(((Array *)o)->length); /* not in the shape: never cached */
          NEXT();
        }
        if (at || (at = cache_fill(vm, c, pc, o, consts[k], false))) {
          sp[-1] = *at;
          NEXT();
        }
      }
      SYNC();
      Value v = interp_get_property(vm, sp[-1], consts[k]);
      CHECK(v);
      sp[-1] = v;
      NEXT();
    }
    CASE(SET_PROP) {
      uint16_t k = READ_U16();
      if (value_is_object(sp[-2])) {
        Object *o = value_to_object(sp[-2]);
        PropCache *c = cache_entry(vm, pc);
        Value *at = cache_lookup(vm, c, pc, o);
        if (at && c->holder) at = NULL; /* a write never goes to the prototype */
        /* an add remembered from this very shape: o cannot have the key; replay it */
        bool add = !at && c->pc == pc && c->holder && c->shape == o->shape;
        if (add && object_add_allowed(vm, o, c->shape, c->holder, c->epochs) &&
            c->holder_shape->count <= o->slot_capacity) { /* (the epoch first: no GC since) */
          o->slots[c->holder_shape->count - 1] = sp[-1]; /* room already: no call */
          o->shape = c->holder_shape;
          sp[-2] = sp[-1], sp--;
          NEXT();
        }
        if (at || (!add && (at = cache_fill(vm, c, pc, o, consts[k], true)))) {
          *at = sp[-1];
          sp[-2] = sp[-1], sp--;
          NEXT();
        }
        SYNC();
        Value v = set_prop_learning(vm, c, pc, o, consts[k], sp[-1], STRICT());
        CHECK(v);
        sp[-2] = v, sp--;
        NEXT();
      }
      SYNC();
      Value v = interp_set_property(vm, sp[-2], consts[k], sp[-1], STRICT());
      CHECK(v);
      sp[-2] = v, sp--;
      NEXT();
    }
    CASE(GET_ELEM) {
      SYNC();
      Value v = get_element(vm, sp[-2], sp[-1]);
      CHECK(v);
      sp[-2] = v, sp--;
      NEXT();
    }
    CASE(SET_ELEM) {
      SYNC();
      Value v = set_element(vm, sp[-3], sp[-2], sp[-1], STRICT());
      CHECK(v);
      sp[-3] = v, sp -= 2;
      NEXT();
    }
    CASE(GET_METHOD) {
      uint16_t k = READ_U16();
      Value obj = sp[-1];
      if (value_is_object(obj)) {
        Object *o = value_to_object(obj);
        PropCache *c = cache_entry(vm, pc);
        Value *at = cache_lookup(vm, c, pc, o);
        if (at || (at = cache_fill(vm, c, pc, o, consts[k], false))) {
          sp[-1] = *at;
          PUSH(obj);
          NEXT();
        }
      }
      SYNC();
      Value fn = interp_get_property(vm, obj, consts[k]);
      CHECK(fn);
      sp[-1] = fn;
      PUSH(obj);
      NEXT();
    }
    CASE(GET_METHOD_ELEM) {
      SYNC();
      Value obj = sp[-2];
      Value fn = get_element(vm, obj, sp[-1]);
      CHECK(fn);
      sp[-2] = fn, sp[-1] = obj;
      NEXT();
    }
    CASE(DELETE_PROP) {
      uint16_t k = READ_U16();
      SYNC();
      Value r = delete_property(vm, sp[-1], consts[k], STRICT());
      CHECK(r);
      sp[-1] = r;
      NEXT();
    }
    CASE(DELETE_ELEM) {
      SYNC();
      Value r = delete_property(vm, sp[-2], sp[-1], STRICT());
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }
    CASE(IN) {
      SYNC();
      Value r = has_property(vm, sp[-2], sp[-1]);
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }
    CASE(INSTANCEOF) {
      SYNC();
      Value r = instance_of(vm, sp[-2], sp[-1]);
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }

    CASE(NEW_OBJECT) {
      SYNC();
      PUSH(value_from_object(object_new(vm, vm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE])));
      NEXT();
    }
    CASE(REGEXP) {
      uint16_t slot = READ_U16(), flags = READ_U16();
      SYNC();
      Value re = regexp_literal(vm, &consts[slot], consts[flags]);
      CHECK(re);
      PUSH(re);
      NEXT();
    }
    CASE(NEW_ARRAY) {
      uint16_t n = READ_U16();
      SYNC();
      PUSH(value_from_object(&array_new(vm, n)->base));
      NEXT();
    }
    CASE(ARRAY_PUSH) {
      SYNC();
      array_push(vm, (Array *)value_to_object(sp[-2]), sp[-1]);
      sp--;
      NEXT();
    }
    CASE(ARRAY_PUSH_HOLE) {
      SYNC();
      array_push(vm, (Array *)value_to_object(sp[-1]), VALUE_HOLE);
      NEXT();
    }
    CASE(ARRAY_SPREAD) {
      SYNC();
      Value next;
      int mark = vm_handle_mark(vm);
      Value iter = get_iterator(vm, sp[-1], &next);
      vm_handle_reset(vm, mark);
      CHECK(iter);
      sp[-1] = iter, sp[0] = next, sp++;
      for (;;) {
        SYNC();
        Value v = iterator_step(vm, sp - 2);
        vm_handle_reset(vm, mark);
        CHECK(v);
        if (v == VALUE_HOLE) break;
        array_push(vm, (Array *)value_to_object(sp[-3]), v);
      }
      sp -= 2;
      NEXT();
    }
    CASE(DEFINE_FIELD) {
      uint16_t k = READ_U16();
      SYNC();
      object_define_own(vm, value_to_object(sp[-2]), consts[k], sp[-1], ATTR_DEFAULT);
      sp--;
      NEXT();
    }
    CASE(DEFINE_FIELD_ELEM) {
      SYNC();
      Value key = conv_to_property_key(vm, sp[-2]);
      CHECK(key);
      sp[-2] = key;
      object_define_own(vm, value_to_object(sp[-3]), key, sp[-1], ATTR_DEFAULT);
      sp -= 2;
      NEXT();
    }
    CASE(DEFINE_GETTER) CASE(DEFINE_SETTER) {
      SYNC();
      Value r = define_accessor(vm, sp[-3], sp[-2], sp[-1], pc[-1] == OP_DEFINE_GETTER);
      CHECK(r);
      sp -= 2;
      NEXT();
    }
    CASE(COPY_DATA_PROPS) {
      SYNC();
      int mark = vm_handle_mark(vm);
      Value r = copy_data_properties(vm, sp[-2], sp[-1], VALUE_UNDEFINED);
      vm_handle_reset(vm, mark);
      CHECK(r);
      sp--;
      NEXT();
    }
    CASE(COPY_REST) {
      SYNC();
      int mark = vm_handle_mark(vm);
      Value r = copy_data_properties(vm, sp[-3], sp[-2], sp[-1]);
      vm_handle_reset(vm, mark);
      CHECK(r);
      sp -= 2;
      NEXT();
    }
    CASE(SET_PROTO) {
      Value v = sp[-1];
      if (value_is_object(v) || value_is_null(v)) { /* anything else is ignored */
        object_touch(vm, value_to_object(sp[-2]));
        value_to_object(sp[-2])->proto = value_is_null(v) ? NULL : value_to_object(v);
      }
      sp--;
      NEXT();
    }
    CASE(REQUIRE_OBJECT) {
      if (value_is_nullish(sp[-1])) {
        SYNC();
        const char *what = sp[-1] == VALUE_NULL ? "null" : "undefined";
        char *text = site_text(vm);
        vm_throw_error(vm, ERR_TYPE, "Cannot destructure '%s' as it is %s.",
                       text && *text ? text : what, what);
        free(text);
        goto handle_exception;
      }
      NEXT();
    }
    CASE(SET_FUNCTION_NAME) {
      SYNC();
      class_name_function(vm, sp[-1], sp[-2], NULL); /* the key is a property key */
      NEXT();
    }

    CASE(ADD) {
      Value a = sp[-2], b = sp[-1];
      if (value_is_number(a) && value_is_number(b)) {
        sp[-2] = value_from_number(value_to_number(a) + value_to_number(b)), sp--;
        NEXT();
      }
      SYNC();
      Value r = add_slow(vm, a, b);
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }
    /* Each arithmetic and comparison opcode has its own number fast path (its own
     * indirect jump for the branch predictor); the slow paths are shared helpers. */
#define NUMERIC_OP(name, expr)                                                 \
  CASE(name) {                                                                 \
    Value a = sp[-2], b = sp[-1];                                              \
    if (value_is_number(a) && value_is_number(b)) {                            \
      double x = value_to_number(a), y = value_to_number(b);                   \
      sp[-2] = (expr), sp--;                                                   \
      NEXT();                                                                  \
    }                                                                          \
    SYNC();                                                                    \
    Value r = OP_##name >= OP_LT && OP_##name <= OP_GE ? compare(vm, OP_##name, a, b) \
                                                       : arith(vm, OP_##name, a, b); \
    CHECK(r);                                                                  \
    sp[-2] = r, sp--;                                                          \
    NEXT();                                                                    \
  }
    NUMERIC_OP(SUB, value_from_number(x - y))
    NUMERIC_OP(MUL, value_from_number(x * y))
    NUMERIC_OP(DIV, value_from_number(x / y))
    NUMERIC_OP(MOD, value_from_number(js_mod(x, y)))
    NUMERIC_OP(LT, value_from_bool(x < y))
    NUMERIC_OP(LE, value_from_bool(x <= y))
    NUMERIC_OP(GT, value_from_bool(x > y))
    NUMERIC_OP(GE, value_from_bool(x >= y))
#undef NUMERIC_OP
    CASE(EXP) CASE(BIT_AND) CASE(BIT_OR) CASE(BIT_XOR) CASE(SHL) CASE(SHR) CASE(USHR) {
      int op = pc[-1];
      SYNC();
      Value r = arith(vm, op, sp[-2], sp[-1]);
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }
    CASE(EQ) CASE(NE) {
      int op = pc[-1];
      SYNC();
      Value r = conv_loose_equals(vm, sp[-2], sp[-1]);
      CHECK(r);
      sp[-2] = op == OP_EQ ? r : value_from_bool(r == VALUE_FALSE), sp--;
      NEXT();
    }
    CASE(STRICT_EQ) { sp[-2] = value_from_bool(vm_strict_equals(sp[-2], sp[-1])), sp--; NEXT(); }
    CASE(STRICT_NE) { sp[-2] = value_from_bool(!vm_strict_equals(sp[-2], sp[-1])), sp--; NEXT(); }
    CASE(NEG) CASE(PLUS) CASE(TO_NUMERIC) CASE(INC) CASE(DEC) CASE(BIT_NOT) {
      int op = pc[-1];
      Value a = sp[-1];
      if (value_is_number(a)) {
        double x = value_to_number(a);
        if (op == OP_INC) x += 1;
        else if (op == OP_DEC) x -= 1;
        else if (op == OP_NEG) x = -x;
        else if (op == OP_BIT_NOT) x = ~conv_to_int32(x);
        sp[-1] = value_from_number(x); /* PLUS and TO_NUMERIC leave a number as it is */
        NEXT();
      }
      SYNC();
      Value r = unary_number(vm, op, a);
      CHECK(r);
      sp[-1] = r;
      NEXT();
    }
    CASE(NOT) { sp[-1] = value_from_bool(!truthy(sp[-1])); NEXT(); }
    CASE(TYPEOF) { SYNC(); sp[-1] = vm_typeof(vm, sp[-1]); NEXT(); }
    CASE(TO_STRING) {
      SYNC();
      Value r = vm_to_string(vm, sp[-1]);
      CHECK(r);
      sp[-1] = r;
      NEXT();
    }
    CASE(TO_PROPERTY_KEY) {
      SYNC();
      if (value_is_nullish(sp[-2])) { /* GetValue checks the base before the key */
        type_error_reading(vm, sp[-2], sp[-1]);
        goto handle_exception;
      }
      Value r = conv_to_property_key(vm, sp[-1]);
      CHECK(r);
      sp[-1] = r;
      NEXT();
    }

    /* Every loop goes round through a JUMP (or a do-while's JUMP_IF_TRUE): there a
     * requested interrupt stops the code. Expected absent, it costs a test that falls
     * through. */
    CASE(JUMP) {
      int32_t off = READ_I32();
      pc += off;
      if (__builtin_expect(vm->interrupt, 0)) goto interrupted;
      NEXT();
    }
    CASE(JUMP_IF_FALSE) { int32_t off = READ_I32(); if (!truthy(POP())) pc += off; NEXT(); }
    CASE(JUMP_IF_TRUE) {
      int32_t off = READ_I32();
      if (truthy(POP())) pc += off;
      if (__builtin_expect(vm->interrupt, 0)) goto interrupted;
      NEXT();
    }
    CASE(JUMP_IF_FALSE_KEEP) {
      int32_t off = READ_I32();
      if (!truthy(sp[-1])) pc += off;
      else sp--;
      NEXT();
    }
    CASE(JUMP_IF_TRUE_KEEP) {
      int32_t off = READ_I32();
      if (truthy(sp[-1])) pc += off;
      else sp--;
      NEXT();
    }
    CASE(JUMP_IF_NOT_NULLISH_KEEP) {
      int32_t off = READ_I32();
      if (!value_is_nullish(sp[-1])) pc += off;
      else sp--;
      NEXT();
    }
    CASE(JUMP_IF_NULLISH) {
      int32_t off = READ_I32();
      if (value_is_nullish(sp[-1])) sp[-1] = VALUE_UNDEFINED, pc += off;
      NEXT();
    }

    //> vm.op-call
    CASE(CALL) {
      int argc = READ_U8();
      Value *slot = sp - argc - 2;
      SYNC();
      Value r = begin_call(vm, slot, argc, VALUE_UNDEFINED);
      CHECK(r);
      if (r == VALUE_HOLE) { LOAD_FRAME(); sp = vm->sp; NEXT(); } /* now in the callee */
      sp = slot;
      PUSH(r);
      NEXT();
    }
    //< vm.op-call
    CASE(CALL_EVAL) {
      int argc = READ_U8() - 1;
      Value *slot = sp - argc - 3;
      SYNC();
      Value r = eval_call(vm, frame, slot, argc); /* VALUE_HOLE: an ordinary call */
      if (r == VALUE_HOLE) {
        sp--; /* the names */
        SYNC();
        r = begin_call(vm, slot, argc, VALUE_UNDEFINED);
      }
      CHECK(r);
      if (r == VALUE_HOLE) { LOAD_FRAME(); sp = vm->sp; NEXT(); }
      sp = slot;
      PUSH(r);
      NEXT();
    }
    CASE(NEW_VARS) {
      SYNC();
      Object *proto = value_is_object(sp[-1]) ? value_to_object(sp[-1]) : NULL;
      sp[-1] = value_from_object(object_new(vm, proto));
      NEXT();
    }
    CASE(DYN_GET) { uint16_t k = READ_U16(); sp[-1] = eval_vars_get(sp[-1], consts[k]); NEXT(); }
    CASE(DYN_DELETE) { uint16_t k = READ_U16(); SYNC(); sp[-1] = eval_vars_delete(vm, sp[-1], consts[k]); NEXT(); }
    CASE(JUMP_IF_NOT_HOLE) {
      int32_t off = READ_I32();
      if (sp[-1] != VALUE_HOLE) pc += off;
      else sp--;
      NEXT();
    }
    CASE(DYN_SET) {
      uint16_t k = READ_U16();
      SYNC();
      sp[-1] = value_from_bool(eval_vars_set(vm, sp[-1], consts[k], sp[-2]));
      NEXT();
    }
    CASE(TO_OBJECT) {
      SYNC();
      Value o = vm_to_object(vm, sp[-1]);
      CHECK(o);
      sp[-1] = o;
      NEXT();
    }
    CASE(WITH_GET) CASE(WITH_DELETE) {
      bool get = pc[-1] == OP_WITH_GET;
      uint16_t k = READ_U16();
      SYNC();
      Value r = get ? with_get(vm, sp[-1], consts[k]) : with_delete(vm, sp[-1], consts[k]);
      CHECK(r);
      sp[-1] = r;
      NEXT();
    }
    CASE(WITH_CALLEE) { /* obj -> f obj (the object is the call's this), or the hole */
      uint16_t k = READ_U16();
      SYNC();
      Value f = with_get(vm, sp[-1], consts[k]);
      CHECK(f);
      if (f == VALUE_HOLE) sp[-1] = f;
      else sp[0] = sp[-1], sp[-1] = f, sp++;
      NEXT();
    }
    CASE(WITH_SET) {
      uint16_t k = READ_U16();
      SYNC();
      Value r = with_set(vm, sp[-1], consts[k], sp[-2], STRICT());
      CHECK(r);
      sp[-1] = r;
      NEXT();
    }
    CASE(DYN_DECLARE_VAR) CASE(DYN_DECLARE_FN) {
      bool function = pc[-1] == OP_DYN_DECLARE_FN;
      uint16_t k = READ_U16();
      SYNC();
      eval_vars_declare(vm, sp[-1], consts[k], sp[-2], function);
      sp--;
      NEXT();
    }
    CASE(CALL_EVAL_SPREAD) CASE(CALL_SPREAD) CASE(NEW_SPREAD) {
      if (pc[-1] == OP_CALL_EVAL_SPREAD) { /* eval(...args): callee this argsArray names */
        SYNC();
        Value r = eval_call_spread(vm, frame, sp - 4);
        if (r != VALUE_HOLE) {
          CHECK(r);
          sp -= 4;
          PUSH(r);
          NEXT();
        }
        sp--; /* not %eval%: an ordinary spread call, without the names */
      }
      bool is_new = pc[-1] == OP_NEW_SPREAD;
      Array *args = (Array *)value_to_object(sp[-1]);
      Value *slot = sp - (is_new ? 2 : 3);
      sp--;
      if (sp + args->length + 8 > vm->stack + VM_STACK_SIZE) { SYNC(); vm_throw_stack_overflow(vm); goto handle_exception; }
      for (uint32_t i = 0; i < args->length; i++)
        PUSH(args->elements[i] == VALUE_HOLE ? VALUE_UNDEFINED : args->elements[i]);
      SYNC();
      int argc = (int)args->length;
      Value r = is_new ? begin_construct(vm, slot, argc) : begin_call(vm, slot, argc, VALUE_UNDEFINED);
      CHECK(r);
      if (r == VALUE_HOLE) { LOAD_FRAME(); sp = vm->sp; NEXT(); }
      sp = slot;
      PUSH(r);
      NEXT();
    }
    CASE(NEW) {
      int argc = READ_U8();
      Value *slot = sp - argc - 1;
      SYNC();
      Value r = begin_construct(vm, slot, argc);
      CHECK(r);
      if (r == VALUE_HOLE) { LOAD_FRAME(); sp = vm->sp; NEXT(); }
      sp = slot;
      PUSH(r);
      NEXT();
    }
    //> vm.op-return
    CASE(RETURN) CASE(RETURN_UNDEFINED) {
      Value result = pc[-1] == OP_RETURN ? sp[-1] : VALUE_UNDEFINED;
      if (frame->is_construct) {
        if (!value_is_object(result)) result = frame->this_value;
        learn_slot_hint(frame, result);
      }
      Value *slot = frame->registers - 2;
      bool entry = frame->is_entry;
      vm->frame_count--;
      if (entry) {
        ASSERT(vm->handle_count == handles); /* every instruction released its handles */
        vm->sp = slot;
        return result;
      }
      LOAD_FRAME();
      sp = slot;
      PUSH(result);
      NEXT();
    }
    //< vm.op-return
    CASE(THROW) {
      SYNC();
      vm_throw(vm, sp[-1]);
      goto handle_exception;
    }
    CASE(RETHROW) {
      SYNC();
      vm->exception = sp[-1];
      vm->has_exception = 1;
      goto handle_exception;
    }

    CASE(GET_ITERATOR) {
      SYNC();
      int mark = vm_handle_mark(vm);
      Value next;
      Value iter = get_iterator(vm, sp[-1], &next);
      vm_handle_reset(vm, mark);
      CHECK(iter);
      sp[-1] = iter;
      PUSH(next);
      NEXT();
    }
    CASE(ITER_NEXT) {
      int32_t off = READ_I32();
      SYNC();
      int mark = vm_handle_mark(vm);
      Value v = iterator_step(vm, sp - 2);
      vm_handle_reset(vm, mark);
      CHECK(v);
      if (v == VALUE_HOLE) pc += off;
      else PUSH(v);
      NEXT();
    }
    CASE(ITER_CLOSE) {
      SYNC();
      Value r = iterator_close(vm, sp - 2);
      CHECK(r);
      sp -= 2;
      NEXT();
    }
    CASE(FOR_IN_START) {
      SYNC();
      int mark = vm_handle_mark(vm);
      Value e = for_in_start(vm, sp[-1]);
      vm_handle_reset(vm, mark);
      CHECK(e);
      sp[-1] = e;
      NEXT();
    }
    CASE(FOR_IN_NEXT) {
      int32_t off = READ_I32();
      SYNC();
      Value k = for_in_next(vm, sp[-1]);
      CHECK(k);
      if (k == VALUE_HOLE) pc += off;
      else PUSH(k);
      NEXT();
    }
    /* Classes: the work is in classes.c. */
    CASE(CLASS_CREATE) {
      int extends = READ_U8();
      SYNC();
      Value proto;
      Value r = class_create(vm, sp[-2], sp[-1], extends, &proto);
      vm_handle_reset(vm, handles);
      CHECK(r);
      sp[-2] = r, sp[-1] = proto;
      NEXT();
    }
    CASE(DEFINE_METHOD) {
      int flags = READ_U8();
      SYNC();
      Value r = class_define_method(vm, sp[-3], sp[-2], sp[-1], flags);
      vm_handle_reset(vm, handles);
      CHECK(r);
      sp -= 2;
      NEXT();
    }
    CASE(SET_HOME) {
      int depth = READ_U8();
      ((Closure *)value_to_object(sp[-1]))->home_object = sp[-1 - depth];
      NEXT();
    }
    CASE(ADD_FIELD) {
      int kind = READ_U8();
      SYNC();
      class_add_field(vm, sp[-3], sp[-2], sp[-1], kind);
      sp -= 2;
      NEXT();
    }
    CASE(INIT_FIELDS) {
      SYNC();
      Value r = class_init_fields(vm, sp[-2], sp[-1]);
      vm_handle_reset(vm, handles);
      CHECK(r);
      sp--;
      NEXT();
    }
    CASE(STATIC_INIT) {
      SYNC();
      Value r = class_static_init(vm, sp[-3], sp[-2], sp[-1]);
      vm_handle_reset(vm, handles);
      CHECK(r);
      sp -= 2;
      NEXT();
    }
    CASE(SUPER_CTOR) { sp[-1] = class_super_ctor(vm, sp[-1]); NEXT(); }
    CASE(SUPER_CALL) CASE(SUPER_CALL_SPREAD) {
      int argc;
      Value *slot;
      if (pc[-1] == OP_SUPER_CALL) {
        argc = READ_U8();
        slot = sp - argc - 2;
      } else {
        Array *args = (Array *)value_to_object(sp[-1]);
        slot = sp - 3;
        sp--;
        if (sp + args->length + 8 > vm->stack + VM_STACK_SIZE) { SYNC(); vm_throw_stack_overflow(vm); goto handle_exception; }
        for (uint32_t i = 0; i < args->length; i++)
          PUSH(args->elements[i] == VALUE_HOLE ? VALUE_UNDEFINED : args->elements[i]);
        argc = (int)args->length;
      }
      SYNC();
      Value r = begin_super_call(vm, slot, argc);
      CHECK(r);
      if (r == VALUE_HOLE) { LOAD_FRAME(); sp = vm->sp; NEXT(); }
      sp = slot;
      PUSH(r);
      NEXT();
    }
    CASE(GET_SUPER) {
      SYNC();
      Value r = class_super_get(vm, sp[-3], sp[-2], sp[-1]);
      CHECK(r);
      sp[-3] = r, sp -= 2;
      NEXT();
    }
    CASE(SET_SUPER) {
      SYNC();
      Value r = class_super_set(vm, sp[-4], sp[-3], sp[-2], sp[-1], STRICT());
      CHECK(r);
      sp[-4] = r, sp -= 3;
      NEXT();
    }
    CASE(CHECK_THIS) {
      if (sp[-1] == VALUE_HOLE) { SYNC(); class_this_error(vm); goto handle_exception; }
      NEXT();
    }
    CASE(CHECK_THIS_UNBOUND) {
      if (POP() != VALUE_HOLE) {
        SYNC();
        vm_throw_error(vm, ERR_REFERENCE, "Super constructor may only be called once");
        goto handle_exception;
      }
      NEXT();
    }
    CASE(SET_THIS) { frame->this_value = sp[-1]; NEXT(); }
    CASE(DERIVED_RESULT) {
      SYNC();
      bool outermost = frame->new_target == value_from_object(frame->function);
      Value r = class_derived_result(vm, sp[-2], sp[-1], outermost);
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }
    CASE(DELETE_SUPER) {
      SYNC();
      vm_throw_error(vm, ERR_REFERENCE, "Unsupported reference to 'super'");
      goto handle_exception;
    }
    CASE(PRIVATE_NAME) {
      uint16_t k = READ_U16();
      SYNC();
      Symbol *s = symbol_new(vm, value_to_string(consts[k]));
      s->is_private = 1;
      PUSH(value_from_symbol(s));
      NEXT();
    }
    CASE(GET_PRIVATE) {
      uint16_t k = READ_U16();
      SYNC();
      Value r = class_private_get(vm, sp[-2], sp[-1], consts[k]);
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }
    CASE(SET_PRIVATE) {
      uint16_t k = READ_U16();
      SYNC();
      Value r = class_private_set(vm, sp[-3], sp[-2], sp[-1], consts[k]);
      CHECK(r);
      sp[-3] = r, sp -= 2;
      NEXT();
    }
    CASE(PRIVATE_IN) {
      SYNC();
      Value r = class_private_in(vm, sp[-2], sp[-1]);
      CHECK(r);
      sp[-2] = r, sp--;
      NEXT();
    }
    CASE(DEBUGGER) { SYNC(); vm_debugger_hook(vm); NEXT(); }
    CASE(NOP) NEXT();

    //> vm.op-yield
    CASE(GENERATOR_START) {
      SYNC();
      leaving = generator_start(vm, frame, sp, pc);
      CHECK(leaving);
      goto leave_frame;
    }
    CASE(ASYNC_START) { SYNC(); generator_async_start(vm, frame); NEXT(); }
    CASE(YIELD) {
      bool raw = READ_U8();
      SYNC();
      if (frame->gen->kind == GEN_ASYNC_GENERATOR) { /* settles a request; maybe goes on */
        if (async_generator_yield(vm, frame->gen, &sp[-1])) NEXT();
        leaving = VALUE_UNDEFINED;
      } else {
        leaving = raw ? sp[-1] : vm_iter_result(vm, sp[-1], false);
      }
      sp--;
      generator_save(vm, frame->gen, frame, sp, pc);
      frame->gen->state = GEN_SUSPENDED_YIELD;
      goto leave_frame;
    }
    CASE(AWAIT) {
      SYNC();
      CHECK(generator_await(vm, frame->gen, sp[-1]));
      sp--;
      generator_save(vm, frame->gen, frame, sp, pc);
      frame->gen->state = GEN_AWAITING;
      leaving = frame->gen->promise;
      goto leave_frame;
    }
    CASE(RESUME) {
      int32_t off = READ_I32();
      int mode = frame->gen->resume_mode;
      if (mode == RESUME_NEXT) pc += off;
      else if (mode == RESUME_THROW) { SYNC(); vm_throw(vm, sp[-1]); goto handle_exception; }
      NEXT(); /* RESUME_RETURN: the return path follows */
    }
    //< vm.op-yield
    CASE(RESUME_MODE) PUSH(value_from_number(frame->gen->resume_mode)); NEXT();
    CASE(GEN_RETURN) {
      SYNC();
      leaving = generator_finish(vm, frame->gen, sp[-1]);
      goto leave_frame;
    }
    CASE(GET_ASYNC_ITERATOR) {
      SYNC();
      int mark = vm_handle_mark(vm);
      Value next = VALUE_UNDEFINED;
      Value iter = get_async_iterator(vm, sp[-1], &next);
      vm_handle_reset(vm, mark);
      CHECK(iter);
      sp[-1] = iter;
      PUSH(next);
      NEXT();
    }
    CASE(ITER_CALL_NEXT) {
      SYNC();
      Value r = vm_call(vm, iter_next_method(sp[-1]), sp[-2], 0, NULL);
      CHECK(r);
      PUSH(r);
      NEXT();
    }
    CASE(ITER_VALUE) {
      int32_t off = READ_I32();
      SYNC();
      int mark = vm_handle_mark(vm);
      Value v = async_iter_value(vm, sp[-1]);
      vm_handle_reset(vm, mark);
      CHECK(v);
      if (v == VALUE_HOLE) sp--, pc += off;
      else sp[-1] = v;
      NEXT();
    }
    CASE(ITER_RETURN) {
      int32_t off = READ_I32();
      SYNC();
      Value r = async_iter_return(vm, sp[-2]);
      CHECK(r);
      if (r == VALUE_HOLE) sp -= 2, pc += off;
      else sp[-2] = r, sp--;
      NEXT();
    }
    CASE(ITER_RESULT_CHECK) {
      SYNC();
      CHECK(async_iter_result_check(vm, sp[-1]));
      sp--;
      NEXT();
    }
    CASE(DELEGATE_CALL) {
      SYNC();
      int mark = vm_handle_mark(vm);
      Value r = async_delegate_call(vm, sp - 4);
      vm_handle_reset(vm, mark);
      CHECK(r);
      PUSH(r);
      NEXT();
    }
    CASE(DELEGATE_STEP) {
      int32_t off = READ_I32();
      SYNC();
      int mark = vm_handle_mark(vm);
      Value v = async_delegate_step(vm, sp - 5);
      vm_handle_reset(vm, mark);
      CHECK(v);
      if (v == VALUE_HOLE) sp--, pc += off; /* done: iter next value mode' */
      else sp -= 2, sp[-1] = v;
      NEXT();
    }
    CASE(DELEGATE) {
      int32_t off = READ_I32();
      SYNC();
      int mark = vm_handle_mark(vm);
      Value r = generator_delegate(vm, sp - 4);
      vm_handle_reset(vm, mark);
      CHECK(r);
      if (r == VALUE_HOLE) pc += off; /* done: iter next value mode' */
      else sp[-2] = r, sp--;
      NEXT();
    }
  }
#ifdef TN_DISPATCH_SWITCH
  PANIC("interp_run: bad opcode");
#endif

//> vm.leave-frame
leave_frame:
  /* A generator or async function's frame leaves (suspended or finished) handing its
   * caller `leaving`, as RETURN would. */
  {
    Value *slot = frame->registers - 2;
    bool entry = frame->is_entry;
    vm->frame_count--;
    vm->handle_count = handles;
    if (entry) {
      vm->sp = slot;
      return leaving;
    }
    LOAD_FRAME();
    sp = slot;
    PUSH(leaving);
    NEXT();
  }
//< vm.leave-frame

interrupted:
  SYNC();
  error_interrupted(vm);
  goto handle_exception;

//> vm.unwind
handle_exception:
  /* Find the innermost handler whose try range covers the throwing instruction,
   * popping frames until one does; give up at the entry frame. A helper that threw
   * may have left handles behind: none is held between instructions. */
  vm->handle_count = handles;
  for (;;) {
    frame = &vm->frames[vm->frame_count - 1];
    FunctionProto *proto = frame->proto;
    uint32_t offset = (uint32_t)(frame->pc - proto->code) - 1;
    for (uint32_t i = 0; i < proto->handler_count && !vm->terminating; i++) {
      HandlerEntry *h = &proto->handlers[i];
      if (offset >= h->start && offset < h->end) {
        sp = frame->registers + proto->register_count + h->stack_depth;
        PUSH(vm_take_exception(vm));
        LOAD_FRAME();
        pc = proto->code + h->handler;
        NEXT();
      }
    }
    if (frame->gen) { /* an async function rejects its promise instead */
      leaving = generator_unwind(vm, frame->gen);
      if (!value_is_exception(leaving)) goto leave_frame;
    }
    Value *slot = frame->registers - 2;
    bool entry = frame->is_entry;
    vm->frame_count--;
    if (entry) {
      vm->sp = slot;
      return VALUE_EXCEPTION;
    }
  }
//< vm.unwind
}

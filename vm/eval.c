/* eval.c - code made from strings at run time: eval and the Function constructors.
 * Book: chapter 4, "Compiling".
 *
 * Entry points: eval_function_new (the global eval), eval_call (the CALL_EVAL
 * instruction: a direct eval, which sees the caller's names through the list the
 * compiler made, compile_eval_names), and vm_compile_function, which the Function,
 * GeneratorFunction, AsyncFunction and AsyncGeneratorFunction constructors
 * (stdlib/ecma/function.c) call with their parameter and body text.
 */
#include <string.h>

#include "lexer/alloc.h"
#include "vm/compile.h"

//> vm.dynamic-function-source
/* CreateDynamicFunction's source text: the function expression in parentheses, so that
 * running the script yields it; toString shows the text between them. */
static char *dynamic_source(VMFunctionKind kind, const char *params, const char *body,
                            size_t *length, uint32_t *params_end) {
  const char *head = kind == VM_FN_GENERATOR         ? "(function* anonymous("
                     : kind == VM_FN_ASYNC           ? "(async function anonymous("
                     : kind == VM_FN_ASYNC_GENERATOR ? "(async function* anonymous("
                                                     : "(function anonymous(";
  size_t h = strlen(head), pl = strlen(params), bl = strlen(body);
  char *src = mem_alloc(h + pl + bl + 16);
  *length = (size_t)sprintf(src, "%s%s\n) {\n%s\n})", head, params, body);
  *params_end = (uint32_t)(h + pl + 1);
  return src;
}
//< vm.dynamic-function-source

/* The program must be that one parenthesised function and nothing else:
 * Function("}); (function(){") is V8's "Single function literal required". */
static Node *single_function(Node *program, ParseError *err) {
  NodeList *body = &program->as.program.body;
  Node *e = body->count == 1 && body->items[0]->kind == NODE_EXPRESSION
                ? body->items[0]->as.unary.operand : NULL;
  if (e && e->kind == NODE_FUNCTION) return e;
  *err = (ParseError){.line = 1, .column = 1, .length = 1};
  snprintf(err->message, sizeof err->message, "Single function literal required");
  return NULL;
}

Value vm_compile_function(VM *vm, int kind, const char *params, const char *body) {
  size_t length;
  uint32_t params_end;
  char *src = dynamic_source(kind, params, body, &length, &params_end);
  Parser *parser = vm_parser_new(vm, src, length, PARSE_SCRIPT);
  parse_set_dynamic_function(parser, params_end);
  ParseError err = {0};
  Node *program = parse_program(parser, &err);
  Node *fn = program ? single_function(program, &err) : NULL;
  if (!fn) program = NULL;
  else fn->as.function.id = NULL; /* its name, anonymous, is not a binding in its body */
  Value script = compile_tree(vm, parser, program, &err, src, length, "<anonymous>",
                              COMPILE_SCRIPT, NULL);
  free(src);
  if (value_is_exception(script)) return script;
  vm_handle_push(vm, script);
  return vm_call(vm, script, VALUE_UNDEFINED, 0, NULL);
}

/* ==== eval ==== */

/* A private name's stand-in declaration: a member of its kind and placement whose key
 * is its class's name (compile_private_class reads it there). */
static Node *private_decl(Parser *p, Value info, int code) {
  size_t n;
  char *text = string_to_utf8(value_to_string(info), &n);
  Node *key = parse_alloc(p, sizeof *key), *m = parse_alloc(p, sizeof *m);
  key->kind = NODE_IDENTIFIER;
  key->as.ident.name = strcpy(parse_alloc(p, n), text + 1); /* without the space */
  free(text);
  m->kind = NODE_PROPERTY;
  m->as.property.key = key;
  m->as.property.kind = (code & EVAL_PRIVATE_FIELD) ? PROP_INIT : PROP_METHOD;
  m->as.property.is_static = (code & EVAL_PRIVATE_STATIC) != 0;
  return m;
}

/* The caller's names as a scope for the eval code's scope pass: one binding per
 * entry of the list (compile_eval_names), captured, its reg the entry's index. */
static Scope *caller_scope(Parser *p, Value names, bool strict) {
  Array *a = (Array *)value_to_object(names);
  Node *owner = parse_alloc(p, sizeof *owner);
  owner->kind = NODE_FUNCTION;
  owner->as.function.flags = strict ? FN_STRICT : 0;
  if ((int)value_to_number(a->elements[1]) & 16) /* an eval in it is one in a field too */
    owner->as.function.flags |= FN_CLASS_FIELD;
  Scope *s = parse_alloc(p, sizeof *s);
  *s = (Scope){.kind = SCOPE_FUNCTION, .owner = owner, .eval_caller = true,
               .is_toplevel = !((int)value_to_number(a->elements[1]) & 4)};
  for (uint32_t i = 2; i + 1 < a->length; i += 2) {
    int code = (int)value_to_number(a->elements[i + 1]);
    if ((code & 15) == EVAL_PRIVATE_INFO) { /* about the private name just made */
      s->last->decl = private_decl(p, a->elements[i], code);
      continue;
    }
    Binding *b = parse_alloc(p, sizeof *b);
    size_t n;
    char *name = string_to_utf8(value_to_string(a->elements[i]), &n);
    b->name = strcpy(parse_alloc(p, n + 1), name);
    free(name);
    b->kind = (BindingKind)(code & 15);
    b->scope = s;
    b->reg = (int)(i / 2 - 1);
    b->referenced = b->captured = true;
    b->tdz_check = b->kind == BIND_LET || b->kind == BIND_CONST || b->kind == BIND_CLASS;
    b->caller_var = (code & 16) != 0;
    b->shadowable = (code & 64) != 0;
    if (strcmp(b->name, "%vars") == 0) s->eval_vars = b;
    if (s->last) s->last->next = b;
    else s->first = b;
    s->last = b;
    s->count++;
    if (b->kind == BIND_THIS) s->this_binding = b;
    if (b->kind == BIND_NEW_TARGET) s->new_target_binding = b;
    if (b->kind == BIND_ARGUMENTS) s->arguments_binding = b;
    if (b->kind == BIND_HOME) s->home_binding = b;
  }
  return s;
}

/* The eval code's closure shares the caller's Cells, in the order of the list. */
static void share_cells(Frame *frame, Value names, Closure *code) {
  Array *a = (Array *)value_to_object(names);
  FunctionProto *proto = code->proto;
  for (uint32_t i = 0; i < proto->upval_count; i++) {
    int entry = proto->upvals[i].index;
    int c = (int)value_to_number(a->elements[2 * entry + 3]);
    code->cells[i] = (c & 32) ? (Cell *)value_to_ptr(frame->registers[c >> 8])
                              : ((Closure *)frame->function)->cells[c >> 8];
  }
}

//> vm.eval-code
/* PerformEval: the code is compiled as a script in the given context (names: the
 * caller's, for a direct eval; undefined for the global eval) and run with the
 * caller's this; a completion value comes back. Anything but a string is returned. */
static Value perform_eval(VM *vm, Value src, Frame *caller, Value names) {
  if (!value_is_string(src)) return src;
  size_t length;
  char *text = vm_to_utf8(vm, src, &length);
  Parser *parser = vm_parser_new(vm, text, length, PARSE_SCRIPT);
  EvalContext ctx = {.var_global = true};
  if (caller) {
    int flags = (int)value_to_number(((Array *)value_to_object(names))->elements[1]);
    ctx = (EvalContext){.strict = flags & 1, .var_global = flags & 2, .new_target = flags & 4,
                        .super_property = flags & 8, .class_field = flags & 16};
    ctx.outer = caller_scope(parser, names, ctx.strict);
  }
  parse_set_eval(parser, &ctx);
  ParseError err = {0};
  Node *program = parse_program(parser, &err);
  Value code = compile_tree(vm, parser, program, &err, text, length, "<anonymous>",
                            COMPILE_SCRIPT, ctx.outer ? ctx.outer->owner : NULL);
  free(text);
  if (value_is_exception(code)) return code;
  if (caller) share_cells(caller, names, (Closure *)value_to_object(code));
  vm_handle_push(vm, code);
  Value this_value = caller ? caller->this_value : value_from_object(vm->intrinsics[INTRINSIC_GLOBAL]);
  return vm_call(vm, code, this_value, 0, NULL);
}
//< vm.eval-code

static Value global_eval(VM *vm, Value this_value, int argc, Value *argv) {
  return perform_eval(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, NULL, VALUE_UNDEFINED);
}

Object *eval_function_new(VM *vm) {
  Native *n = native_new(vm, value_from_string(atom_from_cstr(vm, "eval")), global_eval, 1);
  return &n->base;
}

/* A direct eval of text with the caller's names, when callee is %eval%; else VALUE_HOLE
 * (the call is an ordinary one). */
static Value direct_eval(VM *vm, Frame *frame, Value callee, Value text, Value names) {
  if (callee != value_from_object(vm->intrinsics[INTRINSIC_EVAL])) return VALUE_HOLE;
  int mark = vm_handle_mark(vm);
  Value r = perform_eval(vm, text, frame, names);
  vm_handle_reset(vm, mark);
  return r;
}

Value eval_call(VM *vm, Frame *frame, Value *slot, int argc) {
  return direct_eval(vm, frame, slot[0], argc > 0 ? slot[2] : VALUE_UNDEFINED, slot[argc + 2]);
}

/* eval(...args): slot is callee this argsArray names; the text is the array's first
 * element (none: the call returns undefined, as eval() does). */
Value eval_call_spread(VM *vm, Frame *frame, Value *slot) {
  Array *args = (Array *)value_to_object(slot[2]);
  Value text = args->length && args->elements[0] != VALUE_HOLE ? args->elements[0] : VALUE_UNDEFINED;
  return direct_eval(vm, frame, slot[0], text, slot[3]);
}

/* ==== The var objects of sloppy direct eval ==== */

/* The object in vars's chain holding name: the var objects are plain objects of data
 * properties, so nothing here runs JavaScript. */
static Object *vars_holder(Value vars, Value name) {
  if (!value_is_object(vars)) return NULL; /* not made yet (a default parameter) */
  uint8_t attrs;
  for (Object *o = value_to_object(vars); o; o = o->proto)
    if (object_find_slot(o, name, &attrs) >= 0) return o;
  return NULL;
}

Value eval_vars_get(Value vars, Value name) {
  Object *o = vars_holder(vars, name);
  bool found;
  return o ? object_get_own(o, name, &found) : VALUE_HOLE;
}

Value eval_vars_delete(VM *vm, Value vars, Value name) {
  Object *o = vars_holder(vars, name); /* eval's vars are configurable: they may go */
  return o ? value_from_bool(object_delete_own(vm, o, name)) : VALUE_HOLE;
}

bool eval_vars_set(VM *vm, Value vars, Value name, Value v) {
  Object *o = vars_holder(vars, name);
  if (o) object_define_own(vm, o, name, v, ATTR_DEFAULT);
  return o != NULL;
}

void eval_vars_declare(VM *vm, Value vars, Value name, Value v, bool function) {
  if (!value_is_object(vars)) return;
  uint8_t attrs;
  Object *o = value_to_object(vars);
  int slot = object_find_slot(o, name, &attrs);
  if (slot >= 0 && !function) return; /* a var that exists keeps its value */
  /* CreateGlobalFunctionBinding: a non-configurable global keeps its attributes (only a
   * writable, enumerable one gets this far: CHECK_GLOBAL_FN refused the others) */
  bool keep = slot >= 0 && !(attrs & ATTR_CONFIGURABLE) && !(attrs & ATTR_ACCESSOR);
  object_define_own(vm, o, name, v, keep ? attrs : ATTR_DEFAULT);
}

/* eval.c - code made from strings at run time: the Function constructors.
 * Book: chapter 4, "Compiling".
 *
 * Entry point: vm_compile_function, which the Function, GeneratorFunction,
 * AsyncFunction and AsyncGeneratorFunction constructors (stdlib/ecma/function.c) call
 * with their parameter and body text.
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
  Parser *parser = parse_new(src, length, PARSE_SCRIPT, vm->stack_limit);
  parse_set_dynamic_function(parser, params_end);
  ParseError err = {0};
  Node *program = parse_program(parser, &err);
  Node *fn = program ? single_function(program, &err) : NULL;
  if (!fn) program = NULL;
  else fn->as.function.id = NULL; /* its name, anonymous, is not a binding in its body */
  Value script = compile_tree(vm, parser, program, &err, src, length, "<anonymous>",
                              COMPILE_SCRIPT);
  free(src);
  if (value_is_exception(script)) return script;
  vm_handle_push(vm, script);
  return vm_call(vm, script, VALUE_UNDEFINED, 0, NULL);
}

/* dump.c - `tinynode --dump-ast`: the tree the parser built, one node per line.
 * Book: chapter 2, "Parsing".
 *
 * Entry points: parse_dump_ast, parse_kind_name. Each line is the node's line:column,
 * then its depth as indentation, the role it plays in its parent ("test:", "body:"), its
 * kind and its details. The format is documented in parser/README.md.
 */
#include <stdio.h>
#include <string.h>

#include "lexer/lexer.h"
#include "lexer/stack.h"
#include "parser/parser.h"

static const char *const kind_names[] = {
    "NUMBER", "STRING", "TEMPLATE", "TAGGED_TEMPLATE", "REGEXP", "IDENTIFIER", "THIS", "SUPER",
    "NULL", "TRUE", "FALSE", "ARRAY", "OBJECT", "PROPERTY", "FUNCTION", "CLASS", "UNARY",
    "UPDATE", "BINARY", "LOGICAL", "ASSIGN", "CONDITIONAL", "CALL", "NEW", "MEMBER", "SEQUENCE",
    "SPREAD", "YIELD", "AWAIT", "NEW_TARGET", "PRIVATE_NAME", "ARRAY_PATTERN", "OBJECT_PATTERN",
    "ASSIGN_PATTERN", "REST", "PROGRAM", "VAR", "DECLARATOR", "EXPRESSION", "BLOCK", "EMPTY",
    "IF", "FOR", "FOR_IN", "FOR_OF", "WHILE", "DO_WHILE", "RETURN", "BREAK", "CONTINUE",
    "THROW", "TRY", "SWITCH", "CASE", "LABELED", "WITH", "DEBUGGER"};

_Static_assert(sizeof kind_names / sizeof kind_names[0] == NODE_KIND_COUNT,
               "kind_names must list every NodeKind");

const char *parse_kind_name(NodeKind kind) {
  return (unsigned)kind < NODE_KIND_COUNT ? kind_names[kind] : "BAD";
}

/* Where the dump writes, and the C-stack guard: a tree can nest deeper than any stack
 * (`1 + 1 + ...` is parsed by a loop but nests to the left). */
typedef struct Dump {
  FILE *out;
  uintptr_t stack_limit;
} Dump;

static void dump(const Node *n, const char *role, int depth, Dump *d);

/* ==== Details ==== */

/* A UTF-16 string in double quotes, JSON style. */
static void print_u16(FILE *out, U16Str s) {
  fputc('"', out);
  for (uint32_t i = 0; i < s.length; i++) {
    uint32_t u = s.units[i];
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.length && s.units[i + 1] >= 0xDC00 &&
        s.units[i + 1] <= 0xDFFF)
      u = 0x10000 + ((u - 0xD800) << 10) + (s.units[++i] - 0xDC00);
    char buf[4];
    if (u == '"' || u == '\\') fprintf(out, "\\%c", (char)u);
    else if (u == '\n') fputs("\\n", out);
    else if (u == '\t') fputs("\\t", out);
    else if (u < 0x20 || u == 0x7F || (u >= 0xD800 && u <= 0xDFFF) || u == 0x2028 || u == 0x2029)
      fprintf(out, "\\u%04X", u);
    else fwrite(buf, 1, (size_t)lex_encode_utf8(u, buf), out);
  }
  fputc('"', out);
}

static void print_number(FILE *out, double v) {
  char buf[40];
  fputs(lex_format_number(v, buf, sizeof buf), out);
}

static void print_function_flags(FILE *out, int flags, int param_count) {
  static const char *const names[] = {"arrow",  "async",       "generator", "method",
                                      "constructor", "derived", "declaration", "strict",
                                      "expression-body", "simple-params", "toplevel",
                                      "class-field", "default", "names-value"};
  fputs(" [", out);
  const char *sep = "";
  for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
    if (flags & (1 << i)) {
      fprintf(out, "%s%s", sep, names[i]);
      sep = ", ";
    }
  fprintf(out, "] length=%d", param_count);
}

static const char *property_kind(PropertyKind k) {
  switch (k) {
  case PROP_INIT: return "init";
  case PROP_GET: return "get";
  case PROP_SET: return "set";
  case PROP_METHOD: return "method";
  case PROP_STATIC_BLOCK: return "static-block";
  }
  return "?";
}

/* The details of a name, a function, a class or a property. */
static void print_named_details(const Node *n, FILE *out) {
  switch (n->kind) {
  case NODE_IDENTIFIER:
  case NODE_PRIVATE_NAME: fprintf(out, " %s", n->as.ident.name); break;
  case NODE_FUNCTION:
    if (n->as.function.name) fprintf(out, " %s", n->as.function.name);
    print_function_flags(out, n->as.function.flags, n->as.function.param_count);
    break;
  case NODE_CLASS: if (n->as.class_.name) fprintf(out, " %s", n->as.class_.name); break;
  case NODE_PROPERTY:
    fprintf(out, " %s%s%s%s", property_kind(n->as.property.kind),
            n->as.property.computed ? " computed" : "",
            n->as.property.shorthand ? " shorthand" : "", n->as.property.is_static ? " static" : "");
    break;
  case NODE_BREAK: case NODE_CONTINUE:
    if (n->as.jump.label) fprintf(out, " %s", n->as.jump.label);
    break;
  case NODE_LABELED: fprintf(out, " %s", n->as.labeled.label); break;
  default: break;
  }
}

/* What follows the kind on a node's line. */
static void print_details(const Node *n, FILE *out) {
  switch (n->kind) {
  case NODE_NUMBER: fputc(' ', out); print_number(out, n->as.number); break;
  case NODE_STRING: fputc(' ', out); print_u16(out, n->as.string); break;
  case NODE_REGEXP:
    fputc(' ', out);
    print_u16(out, n->as.regexp.pattern);
    fprintf(out, " flags=\"%s\"", n->as.regexp.flags);
    break;
  case NODE_UNARY: case NODE_BINARY: case NODE_LOGICAL: case NODE_ASSIGN:
  case NODE_ASSIGN_PATTERN:
    fprintf(out, " %s", lex_kind_text((TokenKind)n->as.binary.op));
    break;
  case NODE_UPDATE:
    fprintf(out, " %s %s", lex_kind_text((TokenKind)n->as.update.op),
            n->as.update.prefix ? "prefix" : "postfix");
    break;
  case NODE_YIELD: if (n->as.unary.op) fputs(" delegate", out); break;
  case NODE_FOR_OF: if (n->as.for_each.is_await) fputs(" await", out); break;
  case NODE_CALL: if (n->as.call.optional) fputs(" optional", out); break;
  case NODE_MEMBER:
    fprintf(out, "%s%s", n->as.member.computed ? " computed" : "",
            n->as.member.optional ? " optional" : "");
    break;
  case NODE_VAR:
    fputs(n->as.var.kind == VAR_VAR ? " var" : n->as.var.kind == VAR_LET ? " let" : " const", out);
    break;
  case NODE_PROGRAM: if (n->as.program.flags & FN_STRICT) fputs(" [strict]", out); break;
  default: print_named_details(n, out);
  }
  if (n->parenthesized) fputs(" (parenthesized)", out);
}

/* ==== The tree ==== */

/* A NULL in a list is an array hole (`[1, , 3]`). */
static void dump_list(const NodeList *list, const char *role, int depth, Dump *d) {
  for (int i = 0; i < list->count; i++) {
    if (list->items[i]) dump(list->items[i], role, depth, d);
    else fprintf(d->out, "%-8s%*sHOLE\n", "", depth * 2, "");
  }
}

static void dump_template(const Node *n, int depth, Dump *d) {
  const NodeList *quasis = &n->as.template.quasis, *raws = &n->as.template.raws;
  for (int i = 0; i < quasis->count; i++) {
    if (quasis->items[i]) dump(quasis->items[i], "cooked", depth, d);
    else fprintf(d->out, "%-8s%*sundefined cooked (invalid escape)\n", "", depth * 2, "");
    dump(raws->items[i], "raw", depth, d);
    if (i < n->as.template.expressions.count)
      dump(n->as.template.expressions.items[i], "expression", depth, d);
  }
}

static void dump_function(const Node *n, int depth, Dump *d) {
  dump(n->as.function.id, "id", depth, d);
  dump_list(&n->as.function.params, "param", depth, d);
  dump_list(&n->as.function.body, "body", depth, d);
}

static void dump_class(const Node *n, int depth, Dump *d) {
  dump(n->as.class_.id, "id", depth, d);
  dump(n->as.class_.superclass, "extends", depth, d);
  dump(n->as.class_.constructor, "constructor", depth, d);
  dump_list(&n->as.class_.members, "member", depth, d);
}

/* The children of an expression node, each with its role. */
static void dump_expression_children(const Node *n, int depth, Dump *d) {
  switch (n->kind) {
  case NODE_TEMPLATE: dump_template(n, depth, d); break;
  case NODE_TAGGED_TEMPLATE:
    dump(n->as.tagged.tag, "tag", depth, d);
    dump(n->as.tagged.template, "quasi", depth, d);
    break;
  case NODE_ARRAY: case NODE_OBJECT: case NODE_SEQUENCE: case NODE_ARRAY_PATTERN:
  case NODE_OBJECT_PATTERN:
    dump_list(&n->as.list.items, NULL, depth, d);
    break;
  case NODE_PROPERTY:
    dump(n->as.property.key, "key", depth, d);
    dump(n->as.property.value, "value", depth, d);
    break;
  case NODE_FUNCTION: dump_function(n, depth, d); break;
  case NODE_CLASS: dump_class(n, depth, d); break;
  case NODE_UPDATE: dump(n->as.update.operand, NULL, depth, d); break;
  case NODE_BINARY: case NODE_LOGICAL:
    dump(n->as.binary.left, "left", depth, d);
    dump(n->as.binary.right, "right", depth, d);
    break;
  case NODE_ASSIGN: case NODE_ASSIGN_PATTERN:
    dump(n->as.assign.target, "target", depth, d);
    dump(n->as.assign.value, "value", depth, d);
    break;
  case NODE_CALL: case NODE_NEW:
    dump(n->as.call.callee, "callee", depth, d);
    dump_list(&n->as.call.args, "arg", depth, d);
    break;
  case NODE_MEMBER:
    dump(n->as.member.object, "object", depth, d);
    dump(n->as.member.property, "property", depth, d);
    break;
  default: break;
  }
}

static void dump_loop(const Node *n, int depth, Dump *d) {
  if (n->kind == NODE_FOR_IN || n->kind == NODE_FOR_OF) {
    dump(n->as.for_each.left, "left", depth, d);
    dump(n->as.for_each.right, "right", depth, d);
    dump(n->as.for_each.body, "body", depth, d);
    return;
  }
  dump(n->as.loop.init, "init", depth, d);
  dump(n->as.loop.test, "test", depth, d);
  dump(n->as.loop.update, "update", depth, d);
  dump(n->as.loop.body, "body", depth, d);
}

/* The children of a statement node (and of the few shared shapes), each with its role. */
static void dump_children(const Node *n, int depth, Dump *d) {
  switch (n->kind) {
  case NODE_UNARY: case NODE_SPREAD: case NODE_YIELD: case NODE_AWAIT: case NODE_REST:
  case NODE_EXPRESSION: case NODE_RETURN: case NODE_THROW:
    dump(n->as.unary.operand, NULL, depth, d);
    break;
  case NODE_CONDITIONAL: case NODE_IF:
    dump(n->as.conditional.test, "test", depth, d);
    dump(n->as.conditional.then, "then", depth, d);
    dump(n->as.conditional.otherwise, "else", depth, d);
    break;
  case NODE_PROGRAM: dump_list(&n->as.program.body, NULL, depth, d); break;
  case NODE_VAR: dump_list(&n->as.var.declarators, NULL, depth, d); break;
  case NODE_DECLARATOR:
    dump(n->as.declarator.target, "target", depth, d);
    dump(n->as.declarator.init, "init", depth, d);
    break;
  case NODE_BLOCK: dump_list(&n->as.block.body, NULL, depth, d); break;
  case NODE_FOR: case NODE_WHILE: case NODE_DO_WHILE: case NODE_FOR_IN: case NODE_FOR_OF:
    dump_loop(n, depth, d);
    break;
  case NODE_TRY:
    dump(n->as.try_stmt.block, "block", depth, d);
    dump(n->as.try_stmt.param, "param", depth, d);
    dump(n->as.try_stmt.handler, "catch", depth, d);
    dump(n->as.try_stmt.finalizer, "finally", depth, d);
    break;
  case NODE_SWITCH:
    dump(n->as.switch_stmt.discriminant, "discriminant", depth, d);
    dump_list(&n->as.switch_stmt.cases, NULL, depth, d);
    break;
  case NODE_CASE:
    dump(n->as.case_clause.test, "test", depth, d);
    dump_list(&n->as.case_clause.body, NULL, depth, d);
    break;
  case NODE_LABELED: dump(n->as.labeled.body, NULL, depth, d); break;
  case NODE_WITH:
    dump(n->as.with_stmt.object, "object", depth, d);
    dump(n->as.with_stmt.body, "body", depth, d);
    break;
  default: dump_expression_children(n, depth, d);
  }
}

/* One line: "line:col", padded to 8 columns, then two spaces per level of depth, the role
 * in the parent, the kind and the details. Absent children (NULL) are left out. */
static void dump(const Node *n, const char *role, int depth, Dump *d) {
  char pos[24];
  if (!n) return;
  snprintf(pos, sizeof pos, "%d:%d", n->line, n->column);
  fprintf(d->out, "%-8s%*s", pos, depth * 2, "");
  if (role) fprintf(d->out, "%s: ", role);
  fputs(parse_kind_name(n->kind), d->out);
  print_details(n, d->out);
  fputc('\n', d->out);
  if (stack_exhausted(d->stack_limit)) /* say where the tree goes on, without going there */
    fprintf(d->out, "%-8s%*s... (nested too deeply to print)\n", "", depth * 2 + 2, "");
  else
    dump_children(n, depth + 1, d);
}

void parse_dump_ast(const Node *program, FILE *out) {
  Dump d = {out, stack_limit_new()};
  dump(program, NULL, 0, &d);
}

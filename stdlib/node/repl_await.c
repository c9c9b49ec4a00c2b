/* repl_await.c - the REPL's top-level await: a line with await at its top runs as node's REPL runs it (lib/internal/repl/await.js):
 * rewritten into an async arrow that the line's script calls and whose promise the
 * prompt waits for. Node parses the line as the body of `(async () => { ` LINE ` })()`,
 * walks its statements and edits the text where they stand:
 *
 *   const {a, b: [c]} = await p; a + c
 *   let a, c; (async () => { void ({a, b: [c]} = await p); return { value: (a + c) }
 *    })()
 *
 * A declaration becomes an assignment, and its names are declared before the arrow so
 * that they outlive the line (let for let, const and class; var for var and functions,
 * which node hoists out of blocks too); the last expression statement is the result,
 * inside an object so that a promise it holds is printed rather than awaited. The text
 * is node's to the byte (but see return_last): the columns of a stack trace, and the
 * line a SyntaxError shows, are those of the rewritten line.
 * Book: chapter 8, "The event loop" (the REPL).
 *
 *   repl_await_rewrite   the line as node runs it, or its parse error
 *   repl_await_failure   what node does with a line whose rewrite does not parse
 *   repl_await_message   acorn's words for that error, which node shows
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "lexer/lexer.h"
#include "lexer/stack.h"
#include "stdlib/node/repl_await.h"

/* One change to the wrapped line: `text` (owned) goes in at byte `at`, where `cut`
 * bytes are dropped. At one offset, appends (after the byte before it) come first, in
 * the order they were made; then prepends, each outside those made before it. */
typedef struct AwaitEdit {
  uint32_t at, cut;
  bool prepend;
  int seq;
  char *text;
} AwaitEdit;

typedef struct Rewrite {
  const char *text; /* AWAIT_PREFIX, the line, " })()" */
  Node *arrow;      /* the async arrow: its body is the line's statements */
  AwaitEdit *edits;
  int count, capacity;
  StrBuf hoisted;  /* the declarations that go before the arrow */
  bool has_await;  /* an await, or a for await, outside nested functions */
  bool has_return; /* a return there: node leaves the line as it is */
  uintptr_t stack_limit;
} Rewrite;

/* Notes an edit (see AwaitEdit); the Rewrite owns text from now on. */
static void edit(Rewrite *rw, uint32_t at, uint32_t cut, bool prepend, char *text) {
  if (rw->count == rw->capacity) {
    rw->capacity = rw->capacity ? 2 * rw->capacity : 16;
    rw->edits = mem_realloc_array(rw->edits, (size_t)rw->capacity, sizeof *rw->edits);
  }
  rw->edits[rw->count] = (AwaitEdit){at, cut, prepend, rw->count, text};
  rw->count++;
}

/* text before the node, outside what was put there before (node's state.prepend). */
static void prepend(Rewrite *rw, const Node *n, const char *text) {
  edit(rw, n->offset, 0, true, mem_strdup(text));
}

/* text after the node, after what was put there before (node's state.append). */
static void append(Rewrite *rw, const Node *n, const char *text) {
  edit(rw, n->end, 0, false, mem_strdup(text));
}

/* qsort's order of the edits: by offset, then as AwaitEdit says. */
static int edit_order(const void *a, const void *b) {
  const AwaitEdit *x = a, *y = b;
  if (x->at != y->at) return x->at < y->at ? -1 : 1;
  if (x->prepend != y->prepend) return x->prepend ? 1 : -1;
  return x->prepend ? y->seq - x->seq : x->seq - y->seq;
}

/* The rewritten line: the hoisted declarations, then the wrapped line as edited. */
static char *rewritten_text(Rewrite *rw) {
  if (rw->count) qsort(rw->edits, (size_t)rw->count, sizeof *rw->edits, edit_order);
  StrBuf sb = {0};
  sb_puts(&sb, rw->hoisted.data ? rw->hoisted.data : "");
  uint32_t copied = 0;
  for (int i = 0; i < rw->count; i++) {
    const AwaitEdit *e = &rw->edits[i];
    if (e->at > copied) sb_putn(&sb, rw->text + copied, e->at - copied), copied = e->at;
    sb_puts(&sb, e->text);
    if (e->at + e->cut > copied) copied = e->at + e->cut;
  }
  sb_puts(&sb, rw->text + copied);
  return sb_take(&sb);
}

/* ---- Walking the line's statements, as node's walker does ---- */

static void walk_expression(Rewrite *rw, Node *n);
static void walk_statement(Rewrite *rw, Node *n, const Node *parent);

/* Each expression of a list (a NULL is an array hole). */
static void walk_expressions(Rewrite *rw, const NodeList *l) {
  for (int i = 0; i < l->count; i++) walk_expression(rw, l->items[i]);
}

/* Each statement of a block, a case or the line, all held by parent. */
static void walk_statements(Rewrite *rw, const NodeList *l, const Node *parent) {
  for (int i = 0; i < l->count; i++) walk_statement(rw, l->items[i], parent);
}

/* a + b + c ...: by a loop, as parse_left_chain lets every pass over the tree walk it. */
static void walk_operators(Rewrite *rw, Node *n) {
  NodeChain chain;
  parse_left_chain(n, &chain);
  walk_expression(rw, chain.items[chain.count - 1]->as.binary.left);
  for (size_t i = chain.count; i-- > 0;) walk_expression(rw, chain.items[i]->as.binary.right);
  parse_chain_free(&chain);
}

/* A class's parts that run where it stands: its heritage and its fields' computed keys
 * (node's walker passes over methods, keys and all). */
static void walk_class(Rewrite *rw, Node *n) {
  walk_expression(rw, n->as.class_.superclass);
  for (int i = 0; i < n->as.class_.members.count; i++) {
    Node *m = n->as.class_.members.items[i];
    if (m->as.property.kind == PROP_INIT && m->as.property.computed)
      walk_expression(rw, m->as.property.key);
  }
}

/* The operands of an operator, a call or a member access. */
static void walk_operands(Rewrite *rw, Node *n) {
  switch (n->kind) {
  case NODE_UNARY: case NODE_SPREAD: case NODE_YIELD: case NODE_REST:
    walk_expression(rw, n->as.unary.operand);
    return;
  case NODE_UPDATE: walk_expression(rw, n->as.update.operand); return;
  case NODE_BINARY: case NODE_LOGICAL: walk_operators(rw, n); return;
  case NODE_ASSIGN: case NODE_ASSIGN_PATTERN:
    walk_expression(rw, n->as.assign.target);
    walk_expression(rw, n->as.assign.value);
    return;
  case NODE_CONDITIONAL:
    walk_expression(rw, n->as.conditional.test);
    walk_expression(rw, n->as.conditional.then);
    walk_expression(rw, n->as.conditional.otherwise);
    return;
  case NODE_CALL: case NODE_NEW:
    walk_expression(rw, n->as.call.callee);
    walk_expressions(rw, &n->as.call.args);
    return;
  case NODE_MEMBER:
    walk_expression(rw, n->as.member.object);
    if (n->as.member.computed) walk_expression(rw, n->as.member.property);
    return;
  default: return; /* names, literals, and functions, which node's walker does not enter */
  }
}

/* Notes an await in an expression, outside the functions nested in it. */
static void walk_expression(Rewrite *rw, Node *n) {
  if (!n || rw->has_await || stack_exhausted(rw->stack_limit)) return;
  switch (n->kind) {
  case NODE_AWAIT: rw->has_await = true; return;
  case NODE_CLASS: walk_class(rw, n); return;
  case NODE_TEMPLATE: walk_expressions(rw, &n->as.template.expressions); return;
  case NODE_TAGGED_TEMPLATE:
    walk_expression(rw, n->as.tagged.tag);
    walk_expression(rw, n->as.tagged.template);
    return;
  case NODE_ARRAY: case NODE_OBJECT: case NODE_SEQUENCE: case NODE_ARRAY_PATTERN:
  case NODE_OBJECT_PATTERN: walk_expressions(rw, &n->as.list.items); return;
  case NODE_PROPERTY:
    if (n->as.property.computed) walk_expression(rw, n->as.property.key);
    walk_expression(rw, n->as.property.value);
    return;
  default: walk_operands(rw, n);
  }
}

/* The names a declaration binds, as node collects them: identifiers, through object
 * patterns (values and rests) and array patterns (elements). A name with a default, or
 * an array pattern's rest, node passes over (assigned, it becomes a global property);
 * at an array hole node's walker fails with a TypeError, which this one does not. */
static void collect_names(Rewrite *rw, const Node *target, StrBuf *names) {
  if (!target || stack_exhausted(rw->stack_limit)) return;
  const NodeList *items = &target->as.list.items;
  if (target->kind == NODE_IDENTIFIER)
    sb_printf(names, "%s%s", names->len ? ", " : "", target->as.ident.name);
  else if (target->kind == NODE_OBJECT_PATTERN)
    for (int i = 0; i < items->count; i++) {
      const Node *p = items->items[i];
      collect_names(rw, p->kind == NODE_PROPERTY ? p->as.property.value : p->as.unary.operand,
                    names);
    }
  else if (target->kind == NODE_ARRAY_PATTERN)
    for (int i = 0; i < items->count; i++)
      if (items->items[i] && items->items[i]->kind != NODE_REST)
        collect_names(rw, items->items[i], names);
}

/* `let a, c; ` (or `var ...`) before the arrow, for the names a declaration binds. */
static void hoist_names(Rewrite *rw, const Node *n) {
  StrBuf names = {0};
  for (int i = 0; i < n->as.var.declarators.count; i++)
    collect_names(rw, n->as.var.declarators.items[i]->as.declarator.target, &names);
  if (names.len)
    sb_printf(&rw->hoisted, "%s %s; ", n->as.var.kind == VAR_VAR ? "var" : "let", names.data);
  sb_free(&names);
}

//> stdlib.repl-await-declaration
/* let, const and var: `const a = 1, {b} = c` becomes `void ( (a = 1), ({b} = c))` and
 * its names are hoisted; in the head of a for-in/of, `var ` just goes. let and const
 * count only at the top (in a block they stay the arrow's), var anywhere. */
static void rewrite_declaration(Rewrite *rw, Node *n, const Node *parent) {
  VarKind kind = n->as.var.kind;
  const NodeList *ds = &n->as.var.declarators;
  if (kind == VAR_VAR || parent == rw->arrow) {
    bool head = parent->kind == NODE_FOR_IN || parent->kind == NODE_FOR_OF;
    uint32_t keyword = kind == VAR_CONST ? 5 : 3; /* node cuts the keyword by its length */
    const char *text = head && kind == VAR_VAR ? "" : ds->count == 1 ? "void" : "void (";
    edit(rw, n->offset, keyword + head, true, mem_strdup(text));
    for (int i = 0; !head && i < ds->count; i++) {
      prepend(rw, ds->items[i], "(");
      append(rw, ds->items[i], ds->items[i]->as.declarator.init ? ")" : "=undefined)");
    }
    if (!head && ds->count != 1) append(rw, ds->items[ds->count - 1], ")");
    hoist_names(rw, n);
  }
  for (int i = 0; i < ds->count; i++) {
    walk_expression(rw, ds->items[i]->as.declarator.target);
    walk_expression(rw, ds->items[i]->as.declarator.init);
  }
}
//< stdlib.repl-await-declaration

/* A function declaration, at any depth: it stays in the arrow, where it is hoisted as
 * ever, and node copies it to the global object first thing (`this.f = f; function f`),
 * with `var f; ` before the arrow. */
static void hoist_function(Rewrite *rw, Node *fn) {
  const char *name = fn->as.function.name;
  if (!(fn->as.function.flags & FN_DECLARATION) || !name) return;
  StrBuf sb = {0};
  sb_printf(&sb, "this.%s = %s; ", name, name);
  edit(rw, fn->offset, 0, true, sb_take(&sb));
  sb_printf(&rw->hoisted, "var %s; ", name);
}

/* A class declaration at the top becomes `C=class C {}`, with `let C; ` before the arrow. */
static void hoist_class(Rewrite *rw, Node *n, bool top) {
  const char *name = n->as.class_.name;
  if (top && name) {
    StrBuf sb = {0};
    sb_printf(&sb, "%s=", name);
    edit(rw, n->offset, 0, true, sb_take(&sb));
    sb_printf(&rw->hoisted, "let %s; ", name);
  }
  walk_class(rw, n);
}

/* A for loop's head, a for-in/of's left: a declaration there is the loop's statement. */
static void walk_head(Rewrite *rw, Node *n, const Node *loop) {
  if (n && n->kind == NODE_VAR) walk_statement(rw, n, loop);
  else walk_expression(rw, n);
}

/* A loop: its head (where a var is rewritten as the loop's), its tests, its body. */
static void walk_loop(Rewrite *rw, Node *n) {
  if (n->kind == NODE_FOR) {
    walk_head(rw, n->as.loop.init, n);
    walk_expression(rw, n->as.loop.test);
    walk_expression(rw, n->as.loop.update);
    walk_statement(rw, n->as.loop.body, n);
  } else if (n->kind == NODE_FOR_IN || n->kind == NODE_FOR_OF) {
    if (n->as.for_each.is_await) rw->has_await = true;
    walk_head(rw, n->as.for_each.left, n);
    walk_expression(rw, n->as.for_each.right);
    walk_statement(rw, n->as.for_each.body, n);
  } else { /* while, do-while */
    walk_expression(rw, n->as.loop.test);
    walk_statement(rw, n->as.loop.body, n);
  }
}

/* try, switch and with: the statements in them, and the expressions they test. */
static void walk_compound(Rewrite *rw, Node *n) {
  if (n->kind == NODE_TRY) {
    walk_statement(rw, n->as.try_stmt.block, n);
    walk_expression(rw, n->as.try_stmt.param);
    walk_statement(rw, n->as.try_stmt.handler, n);
    walk_statement(rw, n->as.try_stmt.finalizer, n);
  } else if (n->kind == NODE_SWITCH) {
    walk_expression(rw, n->as.switch_stmt.discriminant);
    for (int i = 0; i < n->as.switch_stmt.cases.count; i++) {
      Node *c = n->as.switch_stmt.cases.items[i];
      walk_expression(rw, c->as.case_clause.test);
      walk_statements(rw, &c->as.case_clause.body, c);
    }
  } else { /* with */
    walk_expression(rw, n->as.with_stmt.object);
    walk_statement(rw, n->as.with_stmt.body, n);
  }
}

/* One statement, in the statement that holds it (the arrow, at the top): declarations
 * rewritten, await and return noted, the statements inside walked in turn. */
static void walk_statement(Rewrite *rw, Node *n, const Node *parent) {
  if (!n || stack_exhausted(rw->stack_limit)) return;
  switch (n->kind) {
  case NODE_VAR: rewrite_declaration(rw, n, parent); return;
  case NODE_FUNCTION: hoist_function(rw, n); return;
  case NODE_CLASS: hoist_class(rw, n, parent == rw->arrow); return;
  case NODE_RETURN: rw->has_return = true; /* fall through */
  case NODE_EXPRESSION: case NODE_THROW: walk_expression(rw, n->as.unary.operand); return;
  case NODE_BLOCK: walk_statements(rw, &n->as.block.body, n); return;
  case NODE_IF:
    walk_expression(rw, n->as.conditional.test);
    walk_statement(rw, n->as.conditional.then, n);
    walk_statement(rw, n->as.conditional.otherwise, n);
    return;
  case NODE_LABELED: walk_statement(rw, n->as.labeled.body, n); return;
  case NODE_FOR: case NODE_FOR_IN: case NODE_FOR_OF: case NODE_WHILE: case NODE_DO_WHILE:
    walk_loop(rw, n);
    return;
  case NODE_TRY: case NODE_SWITCH: case NODE_WITH: walk_compound(rw, n); return;
  default: return;
  }
}

/* ---- The rewrite ---- */

/* The line's value is its last expression statement's (empty statements after it do not
 * count): node returns it inside an object, `return { value: (x) }`. A parenthesized
 * expression's range takes in its parentheses here, not in acorn's tree, so `(x);` gives
 * `return { value: ((x)) };` where node writes `return ({ value: (x) });` (the same
 * columns after it, and the same value). */
static void return_last(Rewrite *rw, const NodeList *body) {
  int i = body->count;
  while (i > 0 && body->items[i - 1]->kind == NODE_EMPTY) i--;
  if (i == 0 || body->items[i - 1]->kind != NODE_EXPRESSION) return;
  Node *statement = body->items[i - 1], *e = statement->as.unary.operand;
  prepend(rw, e, "{ value: (");
  prepend(rw, statement, "return "); /* made later, so it goes outside */
  append(rw, e, ") }");
}

/* The async arrow that AWAIT_PREFIX opens, in the parsed wrapped line. */
static Node *wrapped_arrow(Node *program) {
  const NodeList *body = &program->as.program.body;
  if (body->count == 0 || body->items[0]->kind != NODE_EXPRESSION) return NULL;
  Node *call = body->items[0]->as.unary.operand;
  if (call->kind != NODE_CALL || call->as.call.callee->kind != NODE_FUNCTION) return NULL;
  return call->as.call.callee;
}

/* Node's rewrite of the parsed wrapped line; NULL when node leaves the line as it is:
 * no await at its top, or a return there. */
static char *rewrite_line(Node *program, const char *text) {
  Node *arrow = wrapped_arrow(program);
  if (!arrow) return NULL;
  Rewrite rw = {.text = text, .arrow = arrow, .stack_limit = stack_limit_new()};
  walk_statements(&rw, &arrow->as.function.body, arrow);
  char *out = NULL;
  if (rw.has_await && !rw.has_return)
    return_last(&rw, &arrow->as.function.body), out = rewritten_text(&rw);
  for (int i = 0; i < rw.count; i++) free(rw.edits[i].text);
  free(rw.edits);
  sb_free(&rw.hoisted);
  return out;
}

/* src (a line and a newline) wrapped, parsed and rewritten: the text to run, or NULL,
 * with err->line set (not 0) if the wrapped line does not parse. */
char *repl_await_rewrite(const char *src, ParseError *err) {
  StrBuf wrapped = {0};
  sb_printf(&wrapped, AWAIT_PREFIX "%s })()", src);
  Parser *p = parse_new(wrapped.data, wrapped.len, PARSE_SCRIPT, stack_limit_new());
  *err = (ParseError){0};
  Node *program = parse_program(p, err);
  if (program && scope_analyze(p, program, PARSE_SCRIPT, err) != 0) program = NULL;
  char *text = program ? rewrite_line(program, wrapped.data) : NULL;
  if (program) err->line = 0;
  parse_free(p);
  sb_free(&wrapped);
  return text;
}

/* ---- When the wrapped line does not parse ---- */

/* The byte offset in text of a 1-based line and column (the column in UTF-16 units),
 * at most the text's end. */
static size_t offset_at(const char *text, int line, int column) {
  const char *s = text;
  for (int n = 1; n < line && strchr(s, '\n'); n++) s = strchr(s, '\n') + 1;
  for (int units = 1; units < column && *s && *s != '\n';) {
    size_t len;
    units += sb_decode((const unsigned char *)s, &len) > 0xFFFF ? 2 : 1;
    s += len;
  }
  return (size_t)(s - text);
}

/* acorn's "Unterminated ..." errors, after which node reads on: a string, a comment or
 * a regular expression left open (tinynode's parser words them as V8 does). */
static bool left_open(const char *message, const char *at) {
  if (!strncmp(message, "Invalid regular expression: missing /", 37)) return true;
  return !strcmp(message, "Invalid or unexpected token") &&
         (*at == '\'' || *at == '"' || !strncmp(at, "/*", 2));
}

/* A character of a regular expression's \w, which \b looks for on either side. */
static bool word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whether src ends too early once its awaits are out (node's /\bawait\b/g): then a line
 * that does not parse waits for more. */
static bool ends_early_without_await(const char *src) {
  StrBuf sb = {0};
  for (const char *s = src; *s;) {
    if (!strncmp(s, "await", 5) && (s == src || !word_byte(s[-1])) && !word_byte(s[5])) s += 5;
    else sb_putc(&sb, *s++);
  }
  ParseError err = {0};
  Parser *p = parse_new(sb.data ? sb.data : "", sb.len, PARSE_SCRIPT, stack_limit_new());
  bool early = !parse_program(p, &err) && !strcmp(err.message, "Unexpected end of input");
  parse_free(p);
  sb_free(&sb);
  return early;
}

/* acorn's words for an error where they are not V8's: node shows acorn's. An unexpected
 * token is named by its first character (a newline at the end of the line). */
void repl_await_message(StrBuf *sb, const char *message, const char *src, size_t pos) {
  if (!strcmp(message, "Unexpected reserved word") && !strncmp(src + pos, "await", 5)) {
    sb_puts(sb, "Cannot use 'await' as identifier inside an async function");
  } else if (!strncmp(message, "Unexpected ", 11) ||
             !strcmp(message, "Invalid or unexpected token")) {
    const char *at = src[pos] ? src + pos : src + strlen(src) - 1;
    size_t n;
    sb_decode((const unsigned char *)at, &n);
    sb_printf(sb, "Unexpected token '%.*s'", (int)n, at);
  } else if (!strncmp(message, "Invalid left-hand side", 22)) {
    sb_puts(sb, "Assigning to rvalue");
  } else {
    sb_puts(sb, message);
  }
}

/* acorn reads an await in a function that is not async as a name, and trips on what
 * follows it: `x => await 1` fails at the 1. Moves err and *pos there. */
static void past_await(const char *src, ParseError *err, size_t *pos) {
  if (strncmp(err->message, "await is only valid", 19) || strncmp(src + *pos, "await", 5)) return;
  *pos += 5 + strspn(src + *pos + 5, " \t\r\n");
  const char *line = src + *pos;
  while (line > src && line[-1] != '\n') line--;
  err->line = 1;
  for (const char *s = src; s < line; s++) err->line += *s == '\n';
  err->column = 1 + lex_utf16_length(line, (size_t)(src + *pos - line)) +
                (err->line == 1 ? (int)strlen(AWAIT_PREFIX) : 0);
  snprintf(err->message, sizeof err->message, "Unexpected token");
}

/* A line with await whose wrapped form does not parse, as node takes it: an error before
 * the first "await" is the line's own (run it as it is); an open string, or a line that
 * ends too early without its awaits, goes on (if the REPL can wait for more); else node
 * shows acorn's error, at *pos in src (err moved to where acorn trips). */
AwaitFailure repl_await_failure(const char *src, ParseError *err, bool can_wait, size_t *pos) {
  int prefix = err->line == 1 ? (int)strlen(AWAIT_PREFIX) : 0;
  *pos = offset_at(src, err->line, err->column - prefix);
  const char *word = strstr(src, "await");
  size_t first_await = word ? (size_t)(word - src) : 0;
  bool more = left_open(err->message, src + *pos);
  if (!more && *pos < first_await) return AWAIT_FAILED_PLAIN;
  if (!more && *pos == first_await + 7 && !strncmp(err->message, "Unexpected", 10))
    return AWAIT_FAILED_PLAIN; /* node's rule, for keyword errors on await */
  if ((more || ends_early_without_await(src)) && can_wait) return AWAIT_FAILED_MORE;
  past_await(src, err, pos);
  return AWAIT_FAILED_SHOW;
}

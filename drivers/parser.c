/* drivers/parser.c - the lexer and the parser alone:
 *   tn-parser [--dump-tokens | --dump-ast] [--script] FILE
 * Book: chapter 0, "Each stage on its own" (and chapter 2, "Parsing").
 *
 * Prints the syntax tree of FILE as `tinynode --dump-ast` does (or its tokens), from
 * lexer/ and parser/ only. A syntax error prints node's message with its position and
 * exits 1. Without a dump flag it only checks the syntax, as `tinynode -c` does.
 */
#include "drivers/driver.h"
#include "lexer/lexer.h"
#include "lexer/stack.h"
#include "parser/parser.h"

int main(int argc, char **argv) {
  static const char *const flags[] = {"--dump-tokens", "--dump-ast", "--script", "-c", NULL};
  const char *path = driver_script(argc, argv, flags, "[--dump-tokens | --dump-ast] FILE");
  mem_init();
  size_t length;
  char *source = driver_read_script(path, &length);
  if (driver_flag(argc, argv, "--dump-tokens")) {
    Token error;
    if (lex_dump_tokens(source, length, stdout, &error) == 0) return free(source), 0;
  }
  ParseMode mode = driver_flag(argc, argv, "--script") ? PARSE_SCRIPT : PARSE_MODULE;
  Parser *p = parse_new(source, length, mode, stack_limit_new());
  ParseError err;
  Node *program = parse_program(p, &err);
  if (program && driver_flag(argc, argv, "--dump-ast")) parse_dump_ast(program, stdout);
  if (!program)
    fprintf(stderr, "%s:%d:%d: %s%s\n", path, err.line, err.column,
            err.stack_overflow ? "" : "SyntaxError: ", err.message);
  parse_free(p);
  free(source);
  return program ? 0 : 1;
}

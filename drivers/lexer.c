/* drivers/lexer.c - the lexer alone: tn-lexer [--dump-tokens] FILE.
 * Book: chapter 0, "Each stage on its own" (and chapter 1, "Scanning").
 *
 * Prints every token of FILE as `tinynode --dump-tokens` does, from lexer/ only. A
 * scanning error prints node's one-line SyntaxError with its position and exits 1.
 */
#include "drivers/driver.h"
#include "lexer/lexer.h"

int main(int argc, char **argv) {
  static const char *const flags[] = {"--dump-tokens", NULL};
  const char *path = driver_script(argc, argv, flags, "[--dump-tokens] FILE");
  mem_init();
  size_t length;
  char *source = driver_read_script(path, &length);
  Token error;
  int status = lex_dump_tokens(source, length, stdout, &error);
  if (status)
    fprintf(stderr, "%s:%d:%d: SyntaxError: %s\n", path, error.error_line, error.error_column,
            error.message);
  free(source);
  return status;
}

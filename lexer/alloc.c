/* alloc.c - the one allocation path: malloc and friends, checked once, here.
 * Book: chapter 1, "Scanning", and chapter 6, "Garbage collection".
 *
 * A NULL from the C library, or a size that overflows, is not something any caller can
 * handle better than Node does, so none of them is asked to: the process ends with
 * Node's heap report. The garbage collector's heap limit ends it the same way.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/alloc.h"

//> lexer.out-of-memory
void mem_out_of_memory(void) {
  static const char report[] =
      "\n<--- Last few GCs --->\n\n\n<--- JS stacktrace --->\n\n"
      "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n";
  fflush(stdout);
  /* write(2), not stdio: stderr's buffer may be what could not be allocated */
  ssize_t ignored = write(STDERR_FILENO, report, sizeof report - 1);
  (void)ignored;
  signal(SIGABRT, SIG_DFL); /* Node aborts: status 134, whatever handlers were set */
  abort();
}
//< lexer.out-of-memory

static void *checked(void *p) {
  if (!p) mem_out_of_memory();
  return p;
}

/* count * size, or out of memory if that does not fit in a size_t. */
static size_t array_bytes(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) mem_out_of_memory();
  return count * size;
}

void *mem_alloc(size_t size) { return checked(malloc(size ? size : 1)); }
void *mem_calloc(size_t count, size_t size) {
  return checked(calloc(1, count && size ? array_bytes(count, size) : 1));
}
void *mem_realloc(void *p, size_t size) { return checked(realloc(p, size ? size : 1)); }

void *mem_realloc_array(void *p, size_t count, size_t size) {
  return mem_realloc(p, array_bytes(count, size));
}

char *mem_strdup(const char *s) { return mem_strndup(s, strlen(s)); }

char *mem_strndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *copy = mem_alloc(len + 1);
  memcpy(copy, s, len);
  copy[len] = 0;
  return copy;
}

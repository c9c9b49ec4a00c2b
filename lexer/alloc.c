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
#ifdef __GLIBC__ /* defined by the headers above */
#include <malloc.h>
#endif

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

//> lexer.mem-init
/* A program's arrays grow and die by the megabyte (an element vector of 200,000 numbers
 * is 1.6 MB). glibc serves blocks that large with mmap and returns them with munmap, so
 * every new one costs a page fault per 4 KiB touched; its adaptive threshold softens
 * that only after the first few. Keeping blocks up to 4 MB in the heap (and not handing
 * freed memory back to the system before 64 MB lie unused) lets the next array reuse
 * what the collector just freed: the closures benchmark takes half the page faults. The
 * VM's own 8 MB stack stays a lazily touched mapping, so an empty script still needs
 * under 3 MB. Other C libraries keep their defaults. */
void mem_init(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}
//< lexer.mem-init

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

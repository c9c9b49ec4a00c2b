/* alloc.h - the one allocation path of the whole program, and its one out-of-memory
 * policy. Book: chapter 6, "Garbage collection".
 *
 * Every stage allocates through these functions; no other file calls the C library's
 * allocator, as tests/tree/allocation.sh checks. They never return NULL: when
 * memory runs out the process ends the way Node's does, with the report of
 * mem_out_of_memory and exit status 134. lexer/ is the bottom stage, so every stage may
 * include this header. Memory from here is released with free().
 */
#ifndef TN_LEXER_ALLOC_H
#define TN_LEXER_ALLOC_H

#include <stddef.h>

/* Tunes the C library's allocator for an interpreter's pattern of use; call once, first. */
void mem_init(void);

void *mem_alloc(size_t size);                /* malloc, never NULL */
void *mem_calloc(size_t count, size_t size); /* calloc: zeroed, count * size checked */
void *mem_realloc(void *p, size_t size);     /* realloc, never NULL */
/* realloc to count * size bytes (checked for overflow): the way arrays grow. */
void *mem_realloc_array(void *p, size_t count, size_t size);
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n); /* at most n bytes, then a NUL */

/* Ends the process as Node does when its heap is exhausted: flushes stdout, writes
 * "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
 * (with Node's framing) to stderr and aborts, so the exit status is 134. */
void mem_out_of_memory(void) __attribute__((noreturn));

#endif

/* drivers/driver.h - what the four stage drivers share: reading the script.
 * Book: chapter 0, "Each stage on its own".
 *
 * A stage driver is a small main() that links one stage and the stages below it, and
 * nothing above: `make stage S=parser` builds build/stage/tn-parser from lexer/ and
 * parser/ alone. Each driver reads one file named on its command line, like tinynode.
 */
#ifndef DRIVERS_DRIVER_H
#define DRIVERS_DRIVER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"

/* The whole of path, NUL-terminated, with its length; NULL if it cannot be opened.
 * (main.c, the whole program's driver, reads its script with this too.) */
static inline char *driver_read_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = mem_alloc((size_t)(n < 0 ? 0 : n) + 1);
  *length = n > 0 ? fread(buf, 1, (size_t)n, f) : 0;
  buf[*length] = 0;
  fclose(f);
  return buf;
}

/* driver_read_file for a stage driver's script: exits 1 (as tinynode does) when it
 * cannot be opened. */
static inline char *driver_read_script(const char *path, size_t *length) {
  char *text = driver_read_file(path, length);
  if (!text) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(1);
  }
  return text;
}

/* The script named by the last argument; every earlier argument must be one of the
 * flags in allowed (a NULL-terminated list), else the driver stops with usage. */
static inline const char *driver_script(int argc, char **argv, const char *const *allowed,
                                        const char *usage) {
  for (int i = 1; i < argc - 1; i++) {
    bool known = false;
    for (const char *const *a = allowed; *a; a++) known |= !strcmp(argv[i], *a);
    if (!known) argc = 0; /* falls through to the usage below */
  }
  if (argc < 2) {
    fprintf(stderr, "usage: %s %s\n", argc ? argv[0] : "driver", usage);
    exit(9);
  }
  return argv[argc - 1];
}

/* Whether flag is among the arguments before the script. */
static inline bool driver_flag(int argc, char **argv, const char *flag) {
  for (int i = 1; i < argc - 1; i++)
    if (!strcmp(argv[i], flag)) return true;
  return false;
}

#endif

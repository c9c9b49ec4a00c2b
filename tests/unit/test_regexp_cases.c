/* test_regexp_cases.c - the RegExp engine against node, case by case (book chapter 14).
 *
 * Reads tests/unit/regexp-cases.txt, written by tests/tools/regexp-cases.js under node:
 * thousands of generated patterns, flags, subjects and start indexes with node's result
 * (the SyntaxError's reason, no match, or every group's indices). Each case is compiled
 * and run here and must give exactly node's answer. Exits 0 when all do; prints the
 * first failures and a count otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/regexp/regexp.h"
#include "tests/unit/regexp_text.h"

/* Writes a result in the file's notation. */
static void describe(const RegExp *re, int r, const int32_t *caps, char *got, size_t size) {
  if (r != REGEXP_MATCH) {
    snprintf(got, size, r == REGEXP_NO_MATCH ? "null" : "status %d", r);
    return;
  }
  size_t used = 0;
  for (int g = 0; g < regexp_capture_count(re) && used < size; g++) {
    const char *sep = g ? " " : "";
    if (caps[2 * g] < 0)
      used += (size_t)snprintf(got + used, size - used, "%s-", sep);
    else
      used +=
          (size_t)snprintf(got + used, size - used, "%s%d,%d", sep, caps[2 * g], caps[2 * g + 1]);
  }
}

/* The text as Latin-1 bytes, if every unit fits (tinynode's compact strings). */
static bool narrow(const uint16_t *units, size_t n, uint8_t *out) {
  for (size_t i = 0; i < n; i++) {
    if (units[i] > 0xFF) return false;
    out[i] = (uint8_t)units[i];
  }
  return true;
}

/* What the engine does with one case, in the file's notation. A case whose pattern and
 * subject fit in Latin-1 is also run on the one-byte forms, which must agree. */
static void run_case(char *field[5], char *got, size_t size) {
  static uint16_t pattern[4096], subject[4096], flags[16];
  static uint8_t pattern8[4096], subject8[4096];
  size_t plen = unescape(field[0], pattern), slen = unescape(field[2], subject);
  int bits = regexp_parse_flags((RegExpText){flags, unescape(field[1], flags), true});
  size_t start = strtoul(field[3], NULL, 10);
  const char *error;
  RegExp *re = regexp_compile((RegExpText){pattern, plen, true}, bits, &error);
  if (!re) {
    snprintf(got, size, "E:%s", error);
    return;
  }
  int32_t caps[512];
  describe(re, regexp_exec(re, (RegExpText){subject, slen, true}, start, caps, NULL), caps, got,
           size);
  if (narrow(pattern, plen, pattern8) && narrow(subject, slen, subject8)) {
    char again[8192];
    RegExp *re8 = regexp_compile((RegExpText){pattern8, plen, false}, bits, &error);
    int r = regexp_exec(re8, (RegExpText){subject8, slen, false}, start, caps, NULL);
    describe(re8, r, caps, again, sizeof again);
    if (strcmp(again, got) != 0) {
      char first[4096];
      snprintf(first, sizeof first, "%.4000s", got);
      snprintf(got, size, "%.4000s (but %.4000s on Latin-1 text)", first, again);
    }
    regexp_free(re8);
  }
  regexp_free(re);
}

static FILE *open_cases(void) {
  FILE *f = fopen("tests/unit/regexp-cases.txt", "r");
  if (!f) { // run from somewhere else: look beside this source file
    char path[4096];
    snprintf(path, sizeof path, "%.*s/regexp-cases.txt", (int)(strrchr(__FILE__, '/') - __FILE__),
             __FILE__);
    f = fopen(path, "r");
  }
  return f;
}

int main(void) {
  FILE *f = open_cases();
  if (!f) {
    printf("FAIL: cannot open tests/unit/regexp-cases.txt\n");
    return 1;
  }
  static char line[65536];
  char got[8192];
  int total = 0, failures = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#') continue;
    line[strcspn(line, "\n")] = 0;
    char *field[5];
    int n = 0;
    for (char *p = line; n < 5 && p; n++) {
      field[n] = p;
      if ((p = strchr(p, '\t'))) *p++ = 0;
    }
    if (n != 5) continue;
    total++;
    run_case(field, got, sizeof got);
    if (strcmp(got, field[4]) != 0 && ++failures <= 20)
      printf("FAIL /%s/%s on \"%s\" from %s: node %s, tinynode %s\n", field[0], field[1], field[2],
             field[3], field[4], got);
  }
  fclose(f);
  printf("%d cases, %d failed\n", total, failures);
  return failures != 0 || total < 1000;
}

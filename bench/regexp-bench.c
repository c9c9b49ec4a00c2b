/* regexp-bench.c - a micro-benchmark of the RegExp engine, run by hand (not a test).
 * Book: chapter 14, "Regular expressions".
 *
 *     cc -O2 -I. bench/regexp-bench.c stdlib/regexp/*.c lexer/alloc.c -lpthread -o /tmp/rb
 *     /tmp/rb            # each workload: milliseconds and the number of matches
 *
 * The workloads are what scripts do with regular expressions: scan a text for rare
 * words, walk every match of a global pattern, parse lines, ignore case, read code
 * points, backtrack. The text (about 1 MB) is generated, the same on every run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stdlib/regexp/regexp.h"

static const char *WORDS[] = {"alpha", "beta",    "Gamma",   "delta", "epsilon", "zeta",
                              "eta",   "theta",   "iota",    "Kappa", "lambda",  "mu",
                              "nu",    "xi",      "omicron", "pi",    "rho",     "sigma",
                              "tau",   "upsilon", "phi",     "chi",   "psi"};

/* A deterministic text of words, numbers, a few e-mail addresses, key = value lines,
 * tags and quoted strings. */
static char *make_text(size_t size) {
  char *t = malloc(size + 64);
  size_t n = 0;
  unsigned seed = 12345;
  while (n < size) {
    seed = seed * 1103515245 + 12345;
    unsigned r = (seed >> 16) % 100;
    if (r < 70)
      n += (size_t)sprintf(t + n, "%s ", WORDS[(seed >> 8) % 23]);
    else if (r < 80)
      n += (size_t)sprintf(t + n, "%u-%u ", (seed >> 4) % 1000, (seed >> 12) % 100);
    else if (r < 82)
      n += (size_t)sprintf(t + n, "%s@%s.com ", WORDS[(seed >> 9) % 23], WORDS[(seed >> 5) % 23]);
    else if (r < 90)
      n += (size_t)sprintf(t + n, "\n%s = %u\n", WORDS[(seed >> 7) % 23], (seed >> 3) % 9999);
    else if (r < 95)
      n += (size_t)sprintf(t + n, "<b>%s</b> ", WORDS[(seed >> 6) % 23]);
    else
      n += (size_t)sprintf(t + n, "\"%s \\\" %s\" $%u ", WORDS[(seed >> 6) % 23],
                           WORDS[(seed >> 2) % 23], (seed >> 10) % 500);
  }
  t[n] = 0;
  return t;
}

typedef struct {
  const char *name, *pattern, *flags;
  int wide; /* run on the UTF-16 copy of the text */
  int repeat;
} Workload;

static const Workload LOADS[] = {
    {"rare literal", "hello world", "", 0, 20},
    {"rare literal /i", "hello world", "i", 0, 20},
    {"email", "\\b\\w+@\\w+\\.com\\b", "g", 0, 5},
    {"numbers", "(\\d+)-(\\d+)", "g", 0, 5},
    {"words /i", "[a-z]+", "gi", 0, 3},
    {"lines", "^(\\w+)\\s*=\\s*(.*)$", "gm", 0, 10},
    {"spaces", "\\s+", "g", 0, 3},
    {"letters /u", "\\p{L}+", "gu", 1, 3},
    {"lookbehind", "(?<=\\$)\\d+", "g", 0, 10},
    {"tags", "<([a-z]+)[^>]*>(.*?)</\\1>", "g", 0, 10},
    {"strings", "\"(?:[^\"\\\\]|\\\\.)*\"", "g", 0, 10},
    {"alternation", "\\b(?:alpha|beta|gamma|delta|omega)\\b", "gi", 0, 5},
};

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Every match of a global pattern, as String.prototype.matchAll would find them. */
static long walk(const RegExp *re, RegExpText text, RegExpRunner *runner, int32_t *caps) {
  long count = 0;
  size_t at = 0;
  bool global = regexp_flags(re) & REGEXP_GLOBAL;
  while (at <= text.length && regexp_exec(re, text, at, caps, runner) == REGEXP_MATCH) {
    count++;
    if (!global) break;
    at = (size_t)caps[1] + (caps[1] == caps[0]);
  }
  return count;
}

static void backtracking(RegExpRunner *runner) {
  uint16_t p[] = {'(', 'a', '+', ')', '+', 'b'}, s[24];
  for (int i = 0; i < 24; i++) s[i] = 'a';
  const char *error;
  RegExp *re = regexp_compile((RegExpText){p, 6, true}, 0, &error);
  int32_t caps[4];
  double t0 = now_ms();
  int r = regexp_exec(re, (RegExpText){s, 22, true}, 0, caps, runner);
  printf("%-18s %8.1f ms  (%s)\n", "backtracking", now_ms() - t0,
         r == REGEXP_NO_MATCH ? "no match" : "?");
  regexp_free(re);
}

int main(void) {
  size_t size = 1 << 20;
  char *text = make_text(size);
  size_t len = strlen(text);
  uint16_t *wide = malloc(len * sizeof(uint16_t));
  for (size_t i = 0; i < len; i++) wide[i] = (uint8_t)text[i];
  RegExpRunner *runner = regexp_runner_new();
  int32_t caps[16];
  double total = 0;
  for (size_t w = 0; w < sizeof LOADS / sizeof LOADS[0]; w++) {
    const Workload *l = &LOADS[w];
    const char *error;
    RegExp *re =
        regexp_compile((RegExpText){l->pattern, strlen(l->pattern), false},
                       regexp_parse_flags((RegExpText){l->flags, strlen(l->flags), false}), &error);
    RegExpText subject = l->wide ? (RegExpText){wide, len, true} : (RegExpText){text, len, false};
    long count = 0;
    double t0 = now_ms();
    for (int i = 0; i < l->repeat; i++) count = walk(re, subject, runner, caps);
    double ms = now_ms() - t0;
    total += ms;
    printf("%-18s %8.1f ms  (%ld matches x %d)\n", l->name, ms, count, l->repeat);
    regexp_free(re);
  }
  printf("%-18s %8.1f ms\n", "total", total);
  backtracking(runner);
  regexp_runner_free(runner);
  free(wide);
  free(text);
  return 0;
}

/* fuzz_regexp.c - libFuzzer harness: the RegExp engine (stdlib/regexp/regexp.h) on
 * arbitrary bytes (tests/fuzz/README.md). Input: a flags byte (regexp.h's bits), a mode
 * byte (bit 0 wide pattern, bit 1 wide subject, bits 2-7 start index), the pattern up to
 * the first NUL, the subject after it. Wide text is the bytes decoded leniently as UTF-8
 * (ED A0 80 gives a lone surrogate), narrow text is Latin-1. A pattern that compiles is
 * disassembled and run twice; every capture must lie inside the subject. The runner's
 * interrupt bounds a catastrophic backtrack.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/regexp/regexp.h"

static RegExpRunner *runner;
static FILE *devnull;
static uint32_t interrupts;

/* Called every 1000 steps: stop after about 200,000 (exponential backtracking, like
 * (a?){112} against "aaa...c", is no finding, but it would slow every run down). */
static bool interrupt(void *opaque) { return ++interrupts > 200; }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  mem_init();
  runner = regexp_runner_new();
  regexp_runner_set_interrupt(runner, interrupt, NULL, 1000);
  regexp_runner_set_stack_limit(runner, 8 << 20);
  devnull = fopen("/dev/null", "w");
  return 0;
}

/* Decodes UTF-8 leniently into units (room for len of them); returns how many. */
static size_t decode(const uint8_t *s, size_t len, uint16_t *units) {
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    uint32_t c = s[i], need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (c < 0xC0 || c > 0xF4 || i + need >= len) {
      units[n++] = (uint16_t)c, i++;
      continue;
    }
    c &= 0x3F >> need;
    for (uint32_t k = 1; k <= need; k++) c = c << 6 | (s[i + k] & 0x3F);
    i += need + 1;
    if (c >= 0x10000) {
      units[n++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
      c = 0xDC00 + (c & 0x3FF);
    }
    units[n++] = (uint16_t)c;
  }
  return n;
}

/* The text of bytes as the engine takes it; wide text lives in *buffer (freed by the caller). */
static RegExpText text_of(const uint8_t *s, size_t len, bool wide, uint16_t **buffer) {
  if (!wide) return (RegExpText){s, len, false};
  *buffer = mem_alloc((len + 1) * sizeof(uint16_t));
  return (RegExpText){*buffer, decode(s, len, *buffer), true};
}

/* Runs re over subject from start; on a match checks every capture's bounds and returns
 * where the match ended, else returns -1. */
static int64_t run(const RegExp *re, RegExpText subject, size_t start, int32_t *caps) {
  interrupts = 0;
  if (regexp_exec(re, subject, start, caps, runner) != REGEXP_MATCH) return -1;
  for (int g = 0; g < regexp_capture_count(re); g++) {
    int32_t s = caps[2 * g], e = caps[2 * g + 1];
    if (s == -1 && e == -1 && g > 0) continue;
    if (s < 0 || s > e || (size_t)e > subject.length) abort();
  }
  return caps[1];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  int flags = data[0];
  if ((flags & REGEXP_UNICODE) && (flags & REGEXP_UNICODE_SETS)) flags &= ~REGEXP_UNICODE_SETS;
  const uint8_t *pattern = data + 2, *end = data + size;
  const uint8_t *nul = memchr(pattern, 0, (size_t)(end - pattern));
  const uint8_t *subject = nul ? nul + 1 : end;
  uint16_t *pbuf = NULL, *sbuf = NULL;
  RegExpText p = text_of(pattern, (size_t)((nul ? nul : end) - pattern), data[1] & 1, &pbuf);
  RegExpText s = text_of(subject, (size_t)(end - subject), data[1] & 2, &sbuf);
  const char *error = NULL;
  RegExp *re = regexp_compile(p, flags, &error);
  if (!re && !error) abort(); /* a failure always says why */
  if (re) {
    regexp_disassemble(re, devnull);
    for (int g = 1; g < regexp_capture_count(re); g++) {
      size_t len;
      const uint16_t *name = regexp_group_name(re, g, &len);
      if (name && len == 0) abort();
    }
    int32_t *caps = mem_alloc(2 * sizeof(int32_t) * (size_t)regexp_capture_count(re));
    int64_t after = run(re, s, data[1] >> 2, caps);
    if (after >= 0) run(re, s, (size_t)after, caps);
    free(caps);
    regexp_free(re);
  }
  free(pbuf), free(sbuf);
  return 0;
}

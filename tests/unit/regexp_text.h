/* regexp_text.h - the escaped text of the RegExp unit tests, shared by test_regexp.c and
 * test_regexp_cases.c (tests/unit/regexp-cases.txt uses the same notation).
 *
 * Patterns and subjects are written in ASCII, with %XXXX (four hex digits) for any
 * UTF-16 code unit, so that surrogates and non-ASCII text survive a plain text file.
 */
#ifndef TINYNODE_TESTS_REGEXP_TEXT_H
#define TINYNODE_TESTS_REGEXP_TEXT_H

#include <stdint.h>
#include <stdlib.h>

/* Undoes the escapes of s into out (room for strlen(s) units); returns the unit count. */
static size_t unescape(const char *s, uint16_t *out) {
  size_t n = 0;
  while (*s) {
    if (*s == '%') {
      char hex[5] = {s[1], s[2], s[3], s[4], 0};
      out[n++] = (uint16_t)strtoul(hex, NULL, 16);
      s += 5;
    } else {
      out[n++] = (uint8_t)*s++;
    }
  }
  return n;
}

#endif

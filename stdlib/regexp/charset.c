/* charset.c - sets of code points (CharSet) and sets of strings (StrSet), with the set
 * operations a class needs: union, intersection, difference, complement.
 * Book: chapter 14, "Regular expressions".
 *
 * A CharSet is a sorted array of disjoint, non-adjacent ranges, so every operation is a
 * merge of two sorted lists and membership is a binary search. Entry points: cs_* and
 * ss_* (internal.h).
 */
#include <string.h>

#include "stdlib/regexp/internal.h"

/* ==== Code points ============================================================ */

void cs_init(CharSet *s) {
  s->r = NULL;
  s->n = s->cap = 0;
}

void cs_free(CharSet *s) {
  free(s->r);
  cs_init(s);
}

void cs_clear(CharSet *s) { s->n = 0; }

static void reserve(CharSet *s, int n) {
  if (n <= s->cap) return;
  s->cap = n < 8 ? 8 : n * 2;
  s->r = mem_realloc_array(s->r, (size_t)s->cap, 2 * sizeof(uint32_t));
}

/* Appends a range that starts after every range already in the set. */
static void push_range(CharSet *s, uint32_t lo, uint32_t hi) {
  if (s->n > 0 && s->r[2 * s->n - 1] + 1 >= lo) {
    if (hi > s->r[2 * s->n - 1]) s->r[2 * s->n - 1] = hi;
    return;
  }
  reserve(s, s->n + 1);
  s->r[2 * s->n] = lo;
  s->r[2 * s->n + 1] = hi;
  s->n++;
}

void cs_add_range(CharSet *s, uint32_t lo, uint32_t hi) {
  if (s->n == 0 || lo >= s->r[2 * s->n - 2]) {
    // The common case, ranges arriving in order: extend or append.
    if (s->n > 0 && lo <= s->r[2 * s->n - 1] + 1) {
      if (hi > s->r[2 * s->n - 1]) s->r[2 * s->n - 1] = hi;
      return;
    }
    push_range(s, lo, hi);
    return;
  }
  CharSet one = {(uint32_t[2]){lo, hi}, 1, 1};
  cs_union(s, &one);
}

void cs_add(CharSet *s, uint32_t c) { cs_add_range(s, c, c); }

bool cs_has(const CharSet *s, uint32_t c) {
  int lo = 0, hi = s->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (c < s->r[2 * mid])
      hi = mid - 1;
    else if (c > s->r[2 * mid + 1])
      lo = mid + 1;
    else
      return true;
  }
  return false;
}

void cs_copy(CharSet *dst, const CharSet *src) {
  reserve(dst, src->n);
  if (src->n) memcpy(dst->r, src->r, (size_t)src->n * 2 * sizeof(uint32_t));
  dst->n = src->n;
}

/* Replaces the ranges of s by those of t, taking t's memory. */
static void take(CharSet *s, CharSet *t) {
  free(s->r);
  *s = *t;
}

//> regexp.cs-union
/* s = s | t: walk both sorted lists, always taking the range that starts first, and
 * let push_range merge it with the previous one when they touch. */
void cs_union(CharSet *s, const CharSet *t) {
  CharSet out;
  cs_init(&out);
  reserve(&out, s->n + t->n);
  int i = 0, j = 0;
  while (i < s->n || j < t->n) {
    const uint32_t *next;
    if (j >= t->n || (i < s->n && s->r[2 * i] <= t->r[2 * j]))
      next = &s->r[2 * i++];
    else
      next = &t->r[2 * j++];
    push_range(&out, next[0], next[1]);
  }
  take(s, &out);
}
//< regexp.cs-union

/* s = s & t. */
void cs_intersect(CharSet *s, const CharSet *t) {
  CharSet out;
  cs_init(&out);
  int i = 0, j = 0;
  while (i < s->n && j < t->n) {
    uint32_t lo = s->r[2 * i] > t->r[2 * j] ? s->r[2 * i] : t->r[2 * j];
    uint32_t hi = s->r[2 * i + 1] < t->r[2 * j + 1] ? s->r[2 * i + 1] : t->r[2 * j + 1];
    if (lo <= hi) push_range(&out, lo, hi);
    if (s->r[2 * i + 1] < t->r[2 * j + 1])
      i++;
    else
      j++;
  }
  take(s, &out);
}

void cs_invert(CharSet *s, uint32_t max) {
  CharSet out;
  cs_init(&out);
  uint32_t next = 0;
  for (int i = 0; i < s->n && s->r[2 * i] <= max; i++) {
    if (s->r[2 * i] > next) push_range(&out, next, s->r[2 * i] - 1);
    next = s->r[2 * i + 1] + 1;
  }
  if (next <= max) push_range(&out, next, max);
  take(s, &out);
}

/* s = s - t, as s & ~t. */
void cs_subtract(CharSet *s, const CharSet *t) {
  CharSet not_t;
  cs_init(&not_t);
  cs_copy(&not_t, t);
  cs_invert(&not_t, RE_MAX_CP);
  cs_intersect(s, &not_t);
  cs_free(&not_t);
}

uint32_t cs_size(const CharSet *s) {
  uint32_t n = 0;
  for (int i = 0; i < s->n; i++) n += s->r[2 * i + 1] - s->r[2 * i] + 1;
  return n;
}

/* ==== Strings ================================================================ */

void ss_init(StrSet *t) {
  t->s = NULL;
  t->n = t->cap = 0;
}

void ss_free(StrSet *t) {
  for (int i = 0; i < t->n; i++) free(t->s[i].cps);
  free(t->s);
  ss_init(t);
}

static int compare_strings(const uint32_t *a, int alen, const uint32_t *b, int blen) {
  for (int i = 0; i < alen && i < blen; i++)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return alen - blen;
}

/* The index of the string in t, or -(insertion point) - 1. */
static int find(const StrSet *t, const uint32_t *cps, int len) {
  int lo = 0, hi = t->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    int c = compare_strings(t->s[mid].cps, t->s[mid].len, cps, len);
    if (c == 0) return mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -lo - 1;
}

void ss_add(StrSet *t, const uint32_t *cps, int len) {
  int at = find(t, cps, len);
  if (at >= 0) return;
  at = -at - 1;
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 8;
    t->s = mem_realloc_array(t->s, (size_t)t->cap, sizeof(ClassString));
  }
  memmove(&t->s[at + 1], &t->s[at], (size_t)(t->n - at) * sizeof(ClassString));
  t->s[at].cps = mem_alloc((size_t)len * sizeof(uint32_t) + 1);
  if (len) memcpy(t->s[at].cps, cps, (size_t)len * sizeof(uint32_t));
  t->s[at].len = len;
  t->n++;
}

void ss_union(StrSet *t, const StrSet *u) {
  for (int i = 0; i < u->n; i++) ss_add(t, u->s[i].cps, u->s[i].len);
}

/* Keeps the strings of t for which find in u gives `keep_found`. */
static void filter(StrSet *t, const StrSet *u, bool keep_found) {
  int out = 0;
  for (int i = 0; i < t->n; i++) {
    if ((find(u, t->s[i].cps, t->s[i].len) >= 0) == keep_found)
      t->s[out++] = t->s[i];
    else
      free(t->s[i].cps);
  }
  t->n = out;
}

void ss_intersect(StrSet *t, const StrSet *u) { filter(t, u, true); }

void ss_subtract(StrSet *t, const StrSet *u) { filter(t, u, false); }

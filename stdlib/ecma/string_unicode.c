/* string_unicode.c - String's full Unicode case mapping and normalization, over the
 * tables gen-string-data.js wrote into string_data.c.
 * Book: chapter 7, "The standard library".
 *
 * Entry points (string_data.h): str_change_case (toUpperCase/toLowerCase, with the
 * one-to-many mappings and Final_Sigma), str_normalize (UAX #15: decompose, put marks in
 * canonical order, recompose) and str_simple_lower (for localeCompare's weights).
 */
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/string_data.h"

/* ==== Searching the tables ==== */

/* The last run starting at or before c (NULL if none): the tables are sorted by first. */
static const StrCaseRun *find_run(const StrCaseRun *runs, uint32_t n, uint32_t c) {
  uint32_t lo = 0, hi = n; /* the answer is below hi */
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (runs[mid].first <= c)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo ? &runs[lo - 1] : NULL;
}

static uint32_t simple_map(const StrCaseRun *runs, uint32_t n, uint32_t c) {
  const StrCaseRun *r = find_run(runs, n, c);
  if (!r || c > r->last || (c - r->first) % r->stride) return c;
  return (uint32_t)((int32_t)c + r->delta);
}

static const StrExpansion *find_expansion(const StrExpansion *t, uint32_t n, uint32_t c) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (t[mid].c == c) return &t[mid];
    if (t[mid].c < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

static bool in_ranges(const StrRange *r, uint32_t n, uint32_t c) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (c < r[mid].first)
      hi = mid;
    else if (c > r[mid].last)
      lo = mid + 1;
    else
      return true;
  }
  return false;
}

uint32_t str_simple_lower(uint32_t c) {
  return simple_map(str_lower_runs, str_lower_runs_count, c);
}

/* ==== Code points of a string ==== */

/* The code point at unit i of s (n units), a lone surrogate as itself; *width its units. */
static uint32_t code_point_at(Value s, uint32_t i, uint32_t n, uint32_t *width) {
  uint16_t u = vm_string_unit(s, i);
  *width = 1;
  if (u < 0xD800 || u > 0xDBFF || i + 1 >= n) return u;
  uint16_t v = vm_string_unit(s, i + 1);
  if (v < 0xDC00 || v > 0xDFFF) return u;
  *width = 2;
  return 0x10000 + (((uint32_t)u - 0xD800) << 10) + (v - 0xDC00);
}

/* The code point that ends just before unit i, and its start in *start. */
static uint32_t code_point_before(Value s, uint32_t i, uint32_t *start) {
  uint16_t v = vm_string_unit(s, i - 1);
  *start = i - 1;
  if (v < 0xDC00 || v > 0xDFFF || i < 2) return v;
  uint16_t u = vm_string_unit(s, i - 2);
  if (u < 0xD800 || u > 0xDBFF) return v;
  *start = i - 2;
  return 0x10000 + (((uint32_t)u - 0xD800) << 10) + (v - 0xDC00);
}

/* ==== Case mapping ==== */

static bool is_cased(uint32_t c) { return in_ranges(str_cased, str_cased_count, c); }
static bool is_ignorable(uint32_t c) {
  return in_ranges(str_case_ignorable, str_case_ignorable_count, c);
}

/* Final_Sigma at the capital sigma at unit i: a cased letter before it and none after,
 * looking past case-ignorable characters (which win when a character is both, as ICU). */
static bool final_sigma(Value s, uint32_t i, uint32_t n) {
  bool before = false;
  for (uint32_t at = i, start; at > 0; at = start) {
    uint32_t c = code_point_before(s, at, &start);
    if (is_ignorable(c)) continue;
    before = is_cased(c);
    break;
  }
  if (!before) return false;
  for (uint32_t at = i + 1, width; at < n; at += width) {
    uint32_t c = code_point_at(s, at, n, &width);
    if (!is_ignorable(c)) return !is_cased(c);
  }
  return true;
}

//> stdlib.string-case
Value str_change_case(VM *vm, Value s, bool upper) {
  const StrCaseRun *runs = upper ? str_upper_runs : str_lower_runs;
  uint32_t nruns = upper ? str_upper_runs_count : str_lower_runs_count;
  const StrExpansion *special = upper ? str_upper_special : str_lower_special;
  uint32_t nspecial = upper ? str_upper_special_count : str_lower_special_count;
  uint32_t n = vm_string_length(s);
  StrBuf b = {0};
  for (uint32_t i = 0, width; i < n; i += width) {
    uint32_t c = code_point_at(s, i, n, &width);
    const StrExpansion *e = c < 0xDF ? NULL : find_expansion(special, nspecial, c);
    if (e) {
      for (uint32_t k = 0; k < e->length; k++) sb_put_codepoint(&b, str_pool[e->offset + k]);
    } else if (!upper && c == 0x3A3) { /* capital sigma: final form at the end of a word */
      sb_put_codepoint(&b, final_sigma(s, i, n) ? 0x3C2 : 0x3C3);
    } else {
      sb_put_codepoint(&b, simple_map(runs, nruns, c));
    }
  }
  return sb_finish(vm, &b);
}
//< stdlib.string-case

/* ==== Normalization ==== */

/* Hangul syllables are composed of jamo by arithmetic, not by table (Unicode 3.12). */
enum {
  S_BASE = 0xAC00,
  L_BASE = 0x1100,
  V_BASE = 0x1161,
  T_BASE = 0x11A7,
  L_COUNT = 19,
  V_COUNT = 21,
  T_COUNT = 28,
  N_COUNT = V_COUNT * T_COUNT,
  S_COUNT = L_COUNT * N_COUNT
};

typedef struct CodePoints {
  uint32_t *at;
  uint8_t *rank; /* of each, filled before reordering */
  size_t length, capacity;
} CodePoints;

static void cp_push(CodePoints *cps, uint32_t c) {
  if (cps->length == cps->capacity) {
    cps->capacity = cps->capacity ? cps->capacity * 2 : 64;
    cps->at = mem_realloc(cps->at, cps->capacity * sizeof *cps->at);
  }
  cps->at[cps->length++] = c;
}

static uint8_t combining_rank(uint32_t c) {
  if (c < 0x300) return 0;
  uint32_t lo = 0, hi = str_combining_count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (c < str_combining[mid].first)
      hi = mid;
    else if (c > str_combining[mid].last)
      lo = mid + 1;
    else
      return (uint8_t)str_combining[mid].rank;
  }
  return 0;
}

/* The full decomposition of c appended to cps. */
static void decompose(CodePoints *cps, uint32_t c, bool compat) {
  if (c >= S_BASE && c < S_BASE + S_COUNT) {
    uint32_t index = c - S_BASE;
    cp_push(cps, L_BASE + index / N_COUNT);
    cp_push(cps, V_BASE + index % N_COUNT / T_COUNT);
    if (index % T_COUNT) cp_push(cps, T_BASE + index % T_COUNT);
    return;
  }
  const StrExpansion *e = compat ? find_expansion(str_compat, str_compat_count, c) : NULL;
  if (!e) e = find_expansion(str_canonical, str_canonical_count, c);
  if (!e) {
    cp_push(cps, c);
    return;
  }
  for (uint32_t k = 0; k < e->length; k++) cp_push(cps, str_pool[e->offset + k]);
}

/* Canonical ordering: each run of marks sorted by class, stably (insertion sort). */
static void reorder(CodePoints *cps) {
  cps->rank = mem_alloc(cps->length + 1);
  for (size_t i = 0; i < cps->length; i++) {
    uint32_t c = cps->at[i];
    uint8_t r = combining_rank(c);
    size_t j = i;
    for (; r && j > 0 && cps->rank[j - 1] > r; j--) {
      cps->at[j] = cps->at[j - 1];
      cps->rank[j] = cps->rank[j - 1];
    }
    cps->at[j] = c;
    cps->rank[j] = r;
  }
}

/* The primary composite of first + second, or 0. */
static uint32_t compose_pair(uint32_t first, uint32_t second) {
  if (first >= L_BASE && first < L_BASE + L_COUNT && second >= V_BASE && second < V_BASE + V_COUNT)
    return S_BASE + ((first - L_BASE) * V_COUNT + (second - V_BASE)) * T_COUNT;
  if (first >= S_BASE && first < S_BASE + S_COUNT && (first - S_BASE) % T_COUNT == 0 &&
      second > T_BASE && second < T_BASE + T_COUNT)
    return first + (second - T_BASE);
  uint32_t lo = 0, hi = str_compositions_count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const StrComposition *p = &str_compositions[mid];
    if (p->first == first && p->second == second) return p->composite;
    if (p->first < first || (p->first == first && p->second < second))
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

/* Canonical composition in place: each character joins the last starter unless a
 * character between them is blocking (a starter, or a mark of the same or higher class). */
static void compose(CodePoints *cps) {
  if (!cps->length) return;
  size_t starter = 0, out = 1;
  int last = cps->rank[0] ? 256 : 0; /* a leading mark has no starter to join */
  for (size_t i = 1; i < cps->length; i++) {
    uint32_t c = cps->at[i];
    int r = cps->rank[i];
    uint32_t joined = compose_pair(cps->at[starter], c);
    if (joined && (last == 0 || last < r)) {
      cps->at[starter] = joined;
      continue;
    }
    if (r == 0) starter = out;
    last = r;
    cps->at[out] = c;
    cps->rank[out++] = (uint8_t)r;
  }
  cps->length = out;
}

/* Below this unit, text is already in the form: nothing there decomposes or composes. */
static uint16_t quick_limit(bool compat, bool compose) {
  return compat ? 0xA0 : compose ? 0x300 : 0xC0;
}

//> stdlib.string-normalize
Value str_normalize(VM *vm, Value s, bool compat, bool composed) {
  uint32_t n = vm_string_length(s), i = 0;
  while (i < n && vm_string_unit(s, i) < quick_limit(compat, composed)) i++;
  if (i == n) return s;
  uint32_t start = i ? i - 1 : 0; /* the unit before may be a starter that composes */
  CodePoints cps = {0};
  for (uint32_t width, at = start; at < n; at += width)
    decompose(&cps, code_point_at(s, at, n, &width), compat);
  reorder(&cps);
  if (composed) compose(&cps);
  StrBuf b = {0};
  sb_put_js_range(&b, s, 0, start);
  for (size_t k = 0; k < cps.length; k++) sb_put_codepoint(&b, cps.at[k]);
  free(cps.at);
  free(cps.rank);
  return sb_finish(vm, &b);
}
//< stdlib.string-normalize

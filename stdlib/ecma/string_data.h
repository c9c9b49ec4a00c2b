/* string_data.h - private to string.c, string_unicode.c and the generated string_data.c:
 * the Unicode tables of case mapping and normalization, and the two algorithms over them.
 * Book: chapter 7, "The standard library".
 *
 * The tables are written by gen-string-data.js with node as the oracle (regenerate them
 * when node's Unicode version changes). Each is sorted by code point.
 */
#ifndef STDLIB_ECMA_STRING_DATA_H
#define STDLIB_ECMA_STRING_DATA_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/vm.h"

/* Every stride-th code point from first to last maps to itself + delta. */
typedef struct StrCaseRun {
  uint32_t first, last;
  int32_t delta;
  uint32_t stride;
} StrCaseRun;

/* Code point c becomes the `length` code points at str_pool[offset]. */
typedef struct StrExpansion {
  uint32_t c, offset, length;
} StrExpansion;

typedef struct StrRange {
  uint32_t first, last;
} StrRange;

/* first..last have the canonical combining class of rank `rank` (0 is class 0). */
typedef struct StrCombining {
  uint32_t first, last, rank;
} StrCombining;

/* NFC joins first + second into composite. */
typedef struct StrComposition {
  uint32_t first, second, composite;
} StrComposition;

extern const StrCaseRun str_upper_runs[], str_lower_runs[];
extern const StrExpansion str_upper_special[], str_lower_special[];
extern const StrRange str_cased[], str_case_ignorable[];
extern const StrExpansion str_canonical[], str_compat[];
extern const StrCombining str_combining[];
extern const StrComposition str_compositions[];
extern const uint32_t str_pool[];
extern const uint32_t str_upper_runs_count, str_lower_runs_count, str_upper_special_count,
    str_lower_special_count, str_cased_count, str_case_ignorable_count, str_canonical_count,
    str_compat_count, str_combining_count, str_compositions_count, str_pool_count;

/* The simple (one code point) lower-case mapping of c, or c. */
uint32_t str_simple_lower(uint32_t c);
/* s in upper or lower case, the full mapping with Final_Sigma, as node's toUpperCase and
 * toLowerCase. */
Value str_change_case(VM *vm, Value s, bool upper);
/* s in normalization form NF(K)(C|D): compat for K, compose for C. */
Value str_normalize(VM *vm, Value s, bool compat, bool compose);

#endif

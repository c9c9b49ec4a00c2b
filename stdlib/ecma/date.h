/* date.h - private header of Date (stdlib/ecma/date*.c): the calendar arithmetic, local
 * time, and the date-string parser that the Date natives are built on.
 * Book: chapter 7, "The standard library" (section "Date").
 *
 * Time values are doubles counting milliseconds since 1970-01-01T00:00:00Z, as the spec
 * defines them: NaN for an invalid date, integral and within 8.64e15 otherwise.
 * date_time.c holds the spec's MakeDay/MakeTime/MakeDate and the conversions between UTC
 * and local time (through the C library, so TZ is honoured); date_parse.c holds Date.parse.
 */
#ifndef TN_STDLIB_DATE_H
#define TN_STDLIB_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/vm.h"

#define DATE_MS_PER_DAY 86400000.0
#define DATE_MAX_TIME 8.64e15

/* A finite time value taken apart (UTC or local, as the caller chose). */
typedef struct DateFields {
  double year; /* the full year, possibly negative */
  int month;   /* 0..11 */
  int day;     /* 1..31 */
  int hour, minute, second, ms;
  int weekday; /* 0 = Sunday */
} DateFields;

/* ==== The spec's arithmetic (date_time.c) ==== */

double date_make_day(double year, double month, double date);   /* MakeDay; NaN if not finite */
double date_make_time(double h, double m, double s, double ms); /* MakeTime */
double date_make_date(double day, double time);                 /* MakeDate */
double date_time_clip(double t);                                /* TimeClip */
void date_split(double t, DateFields *out); /* t finite: its calendar fields (UTC) */
double date_days_from_civil(double year, int month, int day); /* days since 1970 (month 0..11) */

/* ==== Local time (date_time.c) ==== */

/* The local time zone's offset from UTC at the UTC time t, in ms (exact, seconds and all). */
double date_local_offset(double t);
double date_local_time(double t); /* LocalTime(t): NaN stays NaN */
/* UTC(t) for a local time t: in a DST gap or overlap the offset before the transition
 * wins, as V8 does. NaN for NaN or a t far outside the time-value range. */
double date_utc(double t);
/* Whether DST is in effect at UTC time t, judged as V8 does: times before 1970 or after
 * 2038 are moved to an equivalent year (same leap-ness, same weekday of January 1). */
bool date_is_dst(double t);
/* The name node puts in parentheses after toString's offset: "Eastern Standard Time";
 * for a zone it does not know, "GMT+05:45" from the offset (ms). Writes to buf (>= 64). */
const char *date_zone_name(bool dst, double offset, char *buf);

/* ==== Parsing (date_parse.c) ==== */

/* Date.parse on the string's UTF-16 units: the ISO format, then the legacy forms V8
 * accepts. A time value, NaN if the string is not a date. */
double date_parse(const uint16_t *units, size_t length);

#endif

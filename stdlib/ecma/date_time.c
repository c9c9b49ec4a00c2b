/* date_time.c - the calendar arithmetic of Date and its view of local time.
 * Book: chapter 7, "The standard library" (section "Date").
 *
 * The spec's MakeDay/MakeTime/MakeDate/TimeClip on doubles, a time value taken apart into
 * calendar fields (date_split), and local time through the C library: localtime_r gives
 * the offset at any instant (so TZ is honoured, history and DST included), date_utc turns
 * a local time back the way V8 does, and date_zone_name is node's (ICU's) zone name.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/date.h"

/* ==== The spec's arithmetic ==== */

//> stdlib.date-days
double date_days_from_civil(double year, int month, int day) {
  /* Howard Hinnant's days_from_civil: count in 400-year eras starting in March. */
  int64_t y = (int64_t)year - (month < 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (month < 2 ? month + 10 : month - 2) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (double)(era * 146097 + doe - 719468);
}
//< stdlib.date-days

double date_make_day(double year, double month, double date) {
  if (!isfinite(year) || !isfinite(month) || !isfinite(date)) return NAN;
  double y = trunc(year), m = trunc(month), dt = trunc(date);
  /* V8's bounds: past them the result is far outside the time-value range anyway. */
  if (fabs(y) > 1000000 || fabs(m) > 10000000) return NAN;
  double ym = y + floor(m / 12);
  int mn = (int)(m - floor(m / 12) * 12);
  return date_days_from_civil(ym, mn, 1) + dt - 1;
}

double date_make_time(double h, double m, double s, double ms) {
  if (!isfinite(h) || !isfinite(m) || !isfinite(s) || !isfinite(ms)) return NAN;
  return trunc(h) * 3600000.0 + trunc(m) * 60000.0 + trunc(s) * 1000.0 + trunc(ms);
}

double date_make_date(double day, double time) {
  double tv = day * DATE_MS_PER_DAY + time;
  return isfinite(tv) ? tv : NAN;
}

double date_time_clip(double t) {
  if (!isfinite(t) || fabs(t) > DATE_MAX_TIME) return NAN;
  return trunc(t) + 0.0; /* + 0.0: -0 becomes +0 */
}

void date_split(double t, DateFields *out) {
  double days = floor(t / DATE_MS_PER_DAY);
  int64_t ms = (int64_t)(t - days * DATE_MS_PER_DAY);
  int64_t z = (int64_t)days + 719468; /* civil_from_days, the inverse of the above */
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
  out->month = (int)(mp < 10 ? mp + 2 : mp - 10);
  out->year = (double)(yoe + era * 400 + (out->month < 2));
  out->hour = (int)(ms / 3600000), out->minute = (int)(ms / 60000 % 60);
  out->second = (int)(ms / 1000 % 60), out->ms = (int)(ms % 1000);
  int64_t wd = ((int64_t)days + 4) % 7;
  out->weekday = (int)(wd < 0 ? wd + 7 : wd);
}

/* ==== Local time ==== */

/* localtime_r reads TZ once: when process.env.TZ (setenv) has changed it since, the
 * zone is read again. */
static void notice_tz(void) {
  static char *seen;
  const char *tz = getenv("TZ");
  if (seen && tz && strcmp(seen, tz) == 0) return;
  if (!seen && !tz) return;
  free(seen);
  seen = tz ? mem_strdup(tz) : NULL;
  tzset();
}

/* localtime_r at UTC time t (ms, within the time-value range give or take a few days). */
static bool local_tm(double t, struct tm *tm) {
  notice_tz();
  time_t s = (time_t)floor(t / 1000.0);
  return localtime_r(&s, tm) != NULL;
}

double date_local_offset(double t) {
  struct tm tm;
  return local_tm(t, &tm) ? (double)tm.tm_gmtoff * 1000.0 : 0;
}

double date_local_time(double t) { return isfinite(t) ? t + date_local_offset(t) : NAN; }

//> stdlib.date-utc
double date_utc(double t) {
  if (!isfinite(t) || fabs(t) > DATE_MAX_TIME + 10 * DATE_MS_PER_DAY) return NAN;
  /* The offsets a day either side: equal unless a transition is near. Then a local time
   * that two instants share (an overlap) or none has (a gap) takes the earlier offset:
   * V8 asks ICU for the "former" offset in both cases. */
  double before = date_local_offset(t - DATE_MS_PER_DAY);
  double after = date_local_offset(t + DATE_MS_PER_DAY);
  if (before == after || date_local_offset(t - before) == before) return t - before;
  if (date_local_offset(t - after) == after) return t - after;
  return t - before;
}
//< stdlib.date-utc

static bool is_leap(double y) {
  return fmod(y, 4) == 0 && (fmod(y, 100) != 0 || fmod(y, 400) == 0);
}

/* V8's EquivalentYear: a year in 2008..2035 with the same leap-ness whose January 1 falls
 * on the same weekday, so that the OS's DST rules, known for the present, can be asked. */
static int equivalent_year(double year) {
  double jan1 = date_days_from_civil(year, 0, 1);
  int weekday = (int)fmod(fmod(jan1 + 4, 7) + 7, 7);
  int recent = (is_leap(year) ? 1956 : 1967) + (weekday * 12) % 28;
  return 2008 + (recent + 3 * 28 - 2008) % 28;
}

bool date_is_dst(double t) {
  if (t < 0 || t > 2147483647000.0) {
    DateFields f;
    date_split(t, &f);
    double in_day = t - floor(t / DATE_MS_PER_DAY) * DATE_MS_PER_DAY;
    t = (date_days_from_civil(equivalent_year(f.year), f.month, 1) + f.day - 1) * DATE_MS_PER_DAY +
        in_day;
  }
  /* tm_isdst, except in a zone with a negative DST (the tz database gives Europe/Dublin
   * one, in winter; ICU's data has summer time there as everywhere): when the year's
   * January is DST with a smaller offset than its July, the flag is turned. */
  struct tm now, jan, jul;
  DateFields f;
  date_split(t, &f);
  double jan15 = (date_days_from_civil(f.year, 0, 15)) * DATE_MS_PER_DAY;
  double jul15 = (date_days_from_civil(f.year, 6, 15)) * DATE_MS_PER_DAY;
  if (!local_tm(t, &now) || !local_tm(jan15, &jan) || !local_tm(jul15, &jul)) return false;
  bool negative = jan.tm_isdst > 0 && jul.tm_isdst <= 0 && jan.tm_gmtoff < jul.tm_gmtoff;
  return (now.tm_isdst > 0) != negative;
}

/* ==== Zone names ==== */

/* ICU's long English names for the zones people set TZ to; generated with node (see
 * tests/tools/date-zone-names.js). A zone missing here gets ICU's fallback, "GMT+hh:mm". */
static const struct {
  const char *zone, *standard, *daylight;
} zone_names[] = {
    {"UTC", "Coordinated Universal Time", "Coordinated Universal Time"},
    {"Etc/UTC", "Coordinated Universal Time", "Coordinated Universal Time"},
    {"GMT", "Greenwich Mean Time", "Greenwich Mean Time"},
    {"Etc/GMT", "Greenwich Mean Time", "Greenwich Mean Time"},
    {"Universal", "Coordinated Universal Time", "Coordinated Universal Time"},
    {"Zulu", "Coordinated Universal Time", "Coordinated Universal Time"},
    {"America/New_York", "Eastern Standard Time", "Eastern Daylight Time"},
    {"America/Chicago", "Central Standard Time", "Central Daylight Time"},
    {"America/Denver", "Mountain Standard Time", "Mountain Daylight Time"},
    {"America/Phoenix", "Mountain Standard Time", "Mountain Standard Time"},
    {"America/Los_Angeles", "Pacific Standard Time", "Pacific Daylight Time"},
    {"America/Anchorage", "Alaska Standard Time", "Alaska Daylight Time"},
    {"Pacific/Honolulu", "Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Standard Time"},
    {"America/Toronto", "Eastern Standard Time", "Eastern Daylight Time"},
    {"America/Vancouver", "Pacific Standard Time", "Pacific Daylight Time"},
    {"America/Mexico_City", "Central Standard Time", "Central Daylight Time"},
    {"America/Sao_Paulo", "Brasilia Standard Time", "Brasilia Summer Time"},
    {"America/Argentina/Buenos_Aires", "Argentina Standard Time", "Argentina Summer Time"},
    {"America/Bogota", "Colombia Standard Time", "Colombia Summer Time"},
    {"America/Halifax", "Atlantic Standard Time", "Atlantic Daylight Time"},
    {"America/St_Johns", "Newfoundland Standard Time", "Newfoundland Daylight Time"},
    {"Europe/London", "Greenwich Mean Time", "British Summer Time"},
    {"Europe/Dublin", "Greenwich Mean Time", "Irish Standard Time"},
    {"Europe/Lisbon", "Western European Standard Time", "Western European Summer Time"},
    {"Europe/Paris", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Berlin", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Madrid", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Rome", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Amsterdam", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Brussels", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Stockholm", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Zurich", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Vienna", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Warsaw", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Prague", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Athens", "Eastern European Standard Time", "Eastern European Summer Time"},
    {"Europe/Helsinki", "Eastern European Standard Time", "Eastern European Summer Time"},
    {"Europe/Kiev", "Eastern European Standard Time", "Eastern European Summer Time"},
    {"Europe/Kyiv", "Eastern European Standard Time", "Eastern European Summer Time"},
    {"Europe/Istanbul", "Türkiye Standard Time", "Türkiye Summer Time"},
    {"Europe/Moscow", "Moscow Standard Time", "Moscow Summer Time"},
    {"Africa/Cairo", "Eastern European Standard Time", "Eastern European Summer Time"},
    {"Africa/Johannesburg", "South Africa Standard Time", "South Africa Standard Time"},
    {"Africa/Lagos", "West Africa Time", "West Africa Time"},
    {"Africa/Nairobi", "East Africa Time", "East Africa Time"},
    {"Asia/Jerusalem", "Israel Standard Time", "Israel Daylight Time"},
    {"Asia/Tehran", "Iran Standard Time", "Iran Daylight Time"},
    {"Asia/Dubai", "Gulf Standard Time", "Gulf Standard Time"},
    {"Asia/Karachi", "Pakistan Standard Time", "Pakistan Summer Time"},
    {"Asia/Kolkata", "India Standard Time", "India Standard Time"},
    {"Asia/Calcutta", "India Standard Time", "India Standard Time"},
    {"Asia/Kathmandu", "Nepal Time", "Nepal Time"},
    {"Asia/Dhaka", "Bangladesh Standard Time", "Bangladesh Summer Time"},
    {"Asia/Bangkok", "Indochina Time", "Indochina Time"},
    {"Asia/Jakarta", "Western Indonesia Time", "Western Indonesia Time"},
    {"Asia/Shanghai", "China Standard Time", "China Daylight Time"},
    {"Asia/Hong_Kong", "Hong Kong Standard Time", "Hong Kong Summer Time"},
    {"Asia/Singapore", "Singapore Standard Time", "Singapore Standard Time"},
    {"Asia/Taipei", "Taiwan Standard Time", "Taiwan Daylight Time"},
    {"Asia/Manila", "Philippine Standard Time", "Philippine Summer Time"},
    {"Asia/Seoul", "Korean Standard Time", "Korean Daylight Time"},
    {"Asia/Tokyo", "Japan Standard Time", "Japan Standard Time"},
    {"Australia/Perth", "Australian Western Standard Time", "Australian Western Daylight Time"},
    {"Australia/Adelaide", "Australian Central Standard Time", "Australian Central Daylight Time"},
    {"Australia/Darwin", "Australian Central Standard Time", "Australian Central Standard Time"},
    {"Australia/Brisbane", "Australian Eastern Standard Time", "Australian Eastern Daylight Time"},
    {"Australia/Sydney", "Australian Eastern Standard Time", "Australian Eastern Daylight Time"},
    {"Australia/Melbourne", "Australian Eastern Standard Time", "Australian Eastern Daylight Time"},
    {"Australia/Hobart", "Australian Eastern Standard Time", "Australian Eastern Daylight Time"},
    {"Australia/Lord_Howe", "Lord Howe Standard Time", "Lord Howe Daylight Time"},
    {"Pacific/Auckland", "New Zealand Standard Time", "New Zealand Daylight Time"},
    {"Pacific/Chatham", "Chatham Standard Time", "Chatham Daylight Time"},
    {"EST5EDT", "Eastern Standard Time", "Eastern Daylight Time"},
    {"CST6CDT", "Central Standard Time", "Central Daylight Time"},
    {"MST7MDT", "Mountain Standard Time", "Mountain Daylight Time"},
    {"PST8PDT", "Pacific Standard Time", "Pacific Daylight Time"},
    {"US/Eastern", "Eastern Standard Time", "Eastern Daylight Time"},
    {"US/Central", "Central Standard Time", "Central Daylight Time"},
    {"US/Mountain", "Mountain Standard Time", "Mountain Daylight Time"},
    {"US/Pacific", "Pacific Standard Time", "Pacific Daylight Time"},
};

/* The zone's name: TZ (without POSIX's leading ':'), else /etc/localtime's link target
 * below zoneinfo/, else UTC. */
static void zone_id(char *buf, size_t size) {
  const char *tz = getenv("TZ");
  if (tz) {
    snprintf(buf, size, "%s", tz[0] == ':' ? tz + 1 : tz);
    return;
  }
  char link[256];
  ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
  link[n > 0 ? n : 0] = '\0';
  const char *at = strstr(link, "zoneinfo/");
  snprintf(buf, size, "%s", at ? at + 9 : n > 0 ? link : "UTC");
}

const char *date_zone_name(bool dst, double offset, char *buf) {
  char id[300];
  zone_id(id, sizeof id);
  for (size_t i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++)
    if (strcmp(zone_names[i].zone, id) == 0)
      return dst ? zone_names[i].daylight : zone_names[i].standard;
  int minutes = (int)(fabs(offset) / 60000);
  snprintf(buf, 64, "GMT%c%02d:%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
  return buf;
}

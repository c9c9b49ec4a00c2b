/* date.c - the Date constructor, its statics and Date.prototype.
 * Book: chapter 7, "The standard library" (section "Date").
 *
 * A Date is an object of the engine's CLASS_DATE whose inner slot holds its time value
 * (a double; NaN when invalid). The getters and setters are two families of natives told
 * apart by their row's magic (which field, UTC or local); the string forms are V8's
 * exact formats. The arithmetic and local time live in date_time.c, Date.parse in
 * date_parse.c. Entry point: builtins_install_date.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"
#include "stdlib/ecma/date.h"

#define ARG(i) builtins_arg(argc, argv, (i))

static const char *const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ==== The time value inside a Date ==== */

static bool is_date(Value v) { return value_is_object(v) && vm_object_class(v) == VM_CLASS_DATE; }

static double time_value(Value date) { return value_to_number(vm_inner_value(date)); }

/* The two messages V8 uses when `this` is not a Date: the getters say the first. */
static Value throw_not_date(VM *vm, Value this_value, const char *method) {
  if (!method) return vm_throw_error(vm, ERR_TYPE, "this is not a Date object.");
  char *what = builtins_describe(vm, this_value);
  Value r = vm_throw_error(
      vm, ERR_TYPE, "Method Date.prototype.%s called on incompatible receiver %s", method, what);
  free(what);
  return r;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}

/* ==== Formatting: V8's exact strings ==== */

/* A year as toString writes it: four digits at least, a '-' before a negative one. */
static void put_year(StrBuf *sb, double year) {
  sb_printf(sb, year < 0 ? "-%04.0f" : "%04.0f", fabs(year));
}

/* The local offset at tv as toString prints it: GMT-0456, truncated to the minute. */
static void put_offset(StrBuf *sb, double tv) {
  int minutes = (int)(date_local_offset(tv) / 60000);
  sb_printf(sb, "GMT%c%02d%02d", minutes < 0 ? '-' : '+', abs(minutes) / 60, abs(minutes) % 60);
}

enum { PART_DATE = 1, PART_TIME = 2 };

//> stdlib.date-to-string
/* toString, toDateString and toTimeString of a valid tv: "Mon Jan 15 2024 10:30:00
 * GMT+0000 (Coordinated Universal Time)" or the half that parts asks for. */
static void put_local_string(StrBuf *sb, double tv, int parts) {
  DateFields f;
  date_split(date_local_time(tv), &f);
  if (parts & PART_DATE) {
    sb_printf(sb, "%s %s %02d ", weekdays[f.weekday], months[f.month], f.day);
    put_year(sb, f.year);
  }
  if (parts == (PART_DATE | PART_TIME)) sb_putc(sb, ' ');
  if (parts & PART_TIME) {
    sb_printf(sb, "%02d:%02d:%02d ", f.hour, f.minute, f.second);
    put_offset(sb, tv);
    char buf[64];
    sb_printf(sb, " (%s)", date_zone_name(date_is_dst(tv), date_local_offset(tv), buf));
  }
}
//< stdlib.date-to-string

static void put_utc_string(StrBuf *sb, double tv) {
  DateFields f;
  date_split(tv, &f);
  sb_printf(sb, "%s, %02d %s ", weekdays[f.weekday], f.day, months[f.month]);
  put_year(sb, f.year);
  sb_printf(sb, " %02d:%02d:%02d GMT", f.hour, f.minute, f.second);
}

static void put_iso_string(StrBuf *sb, double tv) {
  DateFields f;
  date_split(tv, &f);
  if (f.year >= 0 && f.year <= 9999)
    sb_printf(sb, "%04.0f", f.year);
  else
    sb_printf(sb, "%c%06.0f", f.year < 0 ? '-' : '+', fabs(f.year));
  sb_printf(sb, "-%02d-%02dT%02d:%02d:%02d.%03dZ", f.month + 1, f.day, f.hour, f.minute, f.second,
            f.ms);
}

/* The en-US format of node's ICU: "1/15/2024, 10:30:00 AM". Years up to 0 are counted
 * in the BC era, whose name this format leaves out. */
static void put_locale_string(StrBuf *sb, double tv, int parts) {
  DateFields f;
  date_split(date_local_time(tv), &f);
  if (parts & PART_DATE)
    sb_printf(sb, "%d/%d/%.0f", f.month + 1, f.day, f.year <= 0 ? 1 - f.year : f.year);
  if (parts == (PART_DATE | PART_TIME)) sb_puts(sb, ", ");
  if (parts & PART_TIME)
    sb_printf(sb, "%d:%02d:%02d %s", f.hour % 12 ? f.hour % 12 : 12, f.minute, f.second,
              f.hour < 12 ? "AM" : "PM");
}

/* ==== The string methods ==== */

/* The string methods' magic: which format, and the name V8's error message uses. */
enum {
  FMT_STRING,
  FMT_DATE,
  FMT_TIME,
  FMT_UTC,
  FMT_ISO,
  FMT_LOCALE,
  FMT_LOCALE_DATE,
  FMT_LOCALE_TIME
};
static const char *const format_names[] = {
    "toString",    "toDateString",   "toTimeString",       "toUTCString",
    "toISOString", "toLocaleString", "toLocaleDateString", "toLocaleTimeString"};

static Value format(VM *vm, double tv, int which) {
  if (isnan(tv)) {
    if (which == FMT_ISO) return vm_throw_error(vm, ERR_RANGE, "Invalid time value");
    return vm_string(vm, "Invalid Date");
  }
  StrBuf sb = {0};
  switch (which) {
  case FMT_STRING: put_local_string(&sb, tv, PART_DATE | PART_TIME); break;
  case FMT_DATE: put_local_string(&sb, tv, PART_DATE); break;
  case FMT_TIME: put_local_string(&sb, tv, PART_TIME); break;
  case FMT_UTC: put_utc_string(&sb, tv); break;
  case FMT_ISO: put_iso_string(&sb, tv); break;
  case FMT_LOCALE: put_locale_string(&sb, tv, PART_DATE | PART_TIME); break;
  case FMT_LOCALE_DATE: put_locale_string(&sb, tv, PART_DATE); break;
  default: put_locale_string(&sb, tv, PART_TIME); break;
  }
  return sb_finish(vm, &sb);
}

static Value date_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  int which = vm_native_magic(vm);
  if (!is_date(this_value)) return throw_not_date(vm, this_value, format_names[which]);
  /* Locales fall back to en-US, as in a node built with small-icu; options would change
   * the format, which tinynode cannot do: it says so rather than ignore them. */
  if (which >= FMT_LOCALE && !value_is_undefined(ARG(1)))
    return vm_throw_error(vm, ERR_TYPE,
                          "Date.prototype.%s: tinynode supports no Intl options (only the "
                          "en-US default format)",
                          format_names[which]);
  return format(vm, time_value(this_value), which);
}

/* ==== Getters ==== */

/* The getters' magic: a field, plus GET_UTC for the getUTC* ones. */
enum {
  F_YEAR,
  F_MONTH,
  F_DATE,
  F_DAY,
  F_HOURS,
  F_MINUTES,
  F_SECONDS,
  F_MS,
  F_TIME,
  F_OFFSET,
  F_YEAR_1900
};
enum { GET_UTC = 16 };

static double field_of(const DateFields *f, int field) {
  switch (field) {
  case F_YEAR: return f->year;
  case F_YEAR_1900: return f->year - 1900;
  case F_MONTH: return f->month;
  case F_DATE: return f->day;
  case F_DAY: return f->weekday;
  case F_HOURS: return f->hour;
  case F_MINUTES: return f->minute;
  case F_SECONDS: return f->second;
  default: return f->ms;
  }
}

static Value date_get(VM *vm, Value this_value, int argc, Value *argv) {
  int magic = vm_native_magic(vm), field = magic & ~GET_UTC;
  if (!is_date(this_value))
    return throw_not_date(vm, this_value, field == F_YEAR_1900 ? "getYear" : NULL);
  double tv = time_value(this_value);
  if (isnan(tv)) return value_from_number(NAN);
  if (field == F_TIME) return value_from_number(tv);
  if (field == F_OFFSET) return value_from_number(trunc((tv - date_local_time(tv)) / 60000) + 0.0);
  DateFields f;
  date_split(magic & GET_UTC ? tv : date_local_time(tv), &f);
  return value_from_number(field_of(&f, field));
}

/* ==== Setters ==== */

/* The setters' magic: the first field they set (an index into the seven fields year,
 * month, date, hours, minutes, seconds, ms), how many they may set, and SET_UTC. */
#define SET(first, count) ((first) | (count) << 4)
enum { S_YEAR, S_MONTH, S_DATE, S_HOURS, S_MINUTES, S_SECONDS, S_MS };
enum { SET_UTC = 256 };
static const char *const setter_names[] = {"setFullYear",    "setMonth",   "setDate",
                                           "setHours",       "setMinutes", "setSeconds",
                                           "setMilliseconds"};

static Value store(Value date, double tv) {
  vm_set_inner_value(date, value_from_number(tv));
  return value_from_number(tv);
}

/* The time value of seven fields, local or UTC, clipped. */
static double compose(const double *v, bool utc) {
  double local =
      date_make_date(date_make_day(v[0], v[1], v[2]), date_make_time(v[3], v[4], v[5], v[6]));
  return date_time_clip(utc ? local : date_utc(local));
}

//> stdlib.date-set
static Value date_set(VM *vm, Value this_value, int argc, Value *argv) {
  int magic = vm_native_magic(vm), first = magic & 15, count = magic >> 4 & 15;
  bool utc = magic & SET_UTC;
  if (!is_date(this_value)) {
    const char *name = setter_names[first];
    char buf[32];
    if (utc) snprintf(buf, sizeof buf, "setUTC%s", name + 3), name = buf;
    return throw_not_date(vm, this_value, name);
  }
  /* V8's order (node's, not quite the spec's): the first argument is converted, then the
   * time value read; an invalid date stops there, except for setFullYear, which starts
   * again from +0; then the other arguments given are converted. */
  double args[7], tv = NAN;
  for (int i = 0; i < count && (i == 0 || i < argc); i++) {
    Value n = vm_to_number(vm, ARG(i));
    if (value_is_exception(n)) return n;
    args[i] = value_to_number(n);
    if (i == 0) tv = time_value(this_value);
    if (i == 0 && isnan(tv) && first != S_YEAR) return value_from_number(NAN);
  }
  /* setFullYear on an invalid date starts from +0, taken as a local time. */
  double t = isnan(tv) ? 0 : utc ? tv : date_local_time(tv), v[7];
  DateFields f;
  date_split(t, &f);
  double fields[7] = {f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms};
  for (int i = 0; i < 7; i++)
    v[i] = i >= first && i < first + count && (i == first || i - first < argc) ? args[i - first]
                                                                               : fields[i];
  return store(this_value, compose(v, utc));
}
//< stdlib.date-set

static Value date_set_time(VM *vm, Value this_value, int argc, Value *argv) {
  if (!is_date(this_value)) return throw_not_date(vm, this_value, "setTime");
  Value n = vm_to_number(vm, ARG(0));
  if (value_is_exception(n)) return n;
  return store(this_value, date_time_clip(value_to_number(n)));
}

/* MakeFullYear (and Annex B's setYear): 0..99 mean 1900..1999. */
static double full_year(double y) {
  if (isnan(y)) return y;
  double t = trunc(y);
  return t >= 0 && t <= 99 ? 1900 + t : y;
}

static Value date_set_year(VM *vm, Value this_value, int argc, Value *argv) {
  if (!is_date(this_value)) return throw_not_date(vm, this_value, "setYear");
  Value n = vm_to_number(vm, ARG(0));
  if (value_is_exception(n)) return n;
  double tv = time_value(this_value); /* read after the conversion, as V8 does */
  double y = value_to_number(n), t = isnan(tv) ? 0 : date_local_time(tv);
  if (isnan(y)) return store(this_value, NAN);
  DateFields f;
  date_split(t, &f);
  double v[7] = {full_year(y), f.month, f.day, f.hour, f.minute, f.second, f.ms};
  return store(this_value, compose(v, false));
}

/* ==== toJSON and @@toPrimitive ==== */

static Value date_to_json(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_handle_push(vm, vm_to_object(vm, this_value));
  if (value_is_exception(o)) return o;
  Value tv = vm_to_primitive(vm, o, VM_HINT_NUMBER);
  if (value_is_exception(tv)) return tv;
  if (value_is_number(tv) && !isfinite(value_to_number(tv))) return VALUE_NULL;
  Value fn = vm_get_str(vm, o, "toISOString");
  if (value_is_exception(fn)) return fn;
  if (!vm_is_callable(fn)) return vm_throw_error(vm, ERR_TYPE, "toISOString is not a function");
  return vm_call(vm, fn, o, 0, NULL);
}

/* "string" and "default" ask for toString first, "number" for valueOf first. */
static Value date_to_primitive(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) {
    char *what = builtins_describe(vm, this_value);
    Value r = vm_throw_error(
        vm, ERR_TYPE, "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver %s",
        what);
    free(what);
    return r;
  }
  Value hint = ARG(0);
  char *h = value_is_string(hint) ? vm_to_utf8(vm, hint, NULL) : NULL;
  int which = !h                                                      ? -1
              : strcmp(h, "number") == 0                              ? VM_HINT_NUMBER
              : strcmp(h, "string") == 0 || strcmp(h, "default") == 0 ? VM_HINT_STRING
                                                                      : -1;
  free(h);
  if (which < 0) {
    char *what = builtins_describe(vm, hint);
    Value r = vm_throw_error(vm, ERR_TYPE, "Invalid hint: %s", what);
    free(what);
    return r;
  }
  return vm_ordinary_to_primitive(vm, this_value, (VMHint)which);
}

/* ==== The constructor and its statics ==== */

/* The time value `new Date(value)` starts from. */
static double from_value(VM *vm, Value value, bool *failed) {
  if (is_date(value)) return time_value(value);
  Value p = vm_handle_push(vm, vm_to_primitive(vm, value, VM_HINT_DEFAULT));
  if (!value_is_exception(p) && value_is_string(p)) {
    uint32_t n = vm_string_length(p);
    uint16_t *units = mem_alloc(n ? n * sizeof *units : 1);
    for (uint32_t i = 0; i < n; i++) units[i] = vm_string_unit(p, i);
    double tv = date_parse(units, n);
    free(units);
    return tv;
  }
  Value num = value_is_exception(p) ? p : vm_to_number(vm, p);
  *failed = value_is_exception(num);
  return *failed ? NAN : value_to_number(num);
}

/* Up to seven numbers as Date.UTC and `new Date(y, m, ...)` take them: year, month,
 * date (1 when absent), hours, minutes, seconds, ms (0). Local or UTC. */
static double from_parts(VM *vm, int argc, Value *argv, bool utc, bool *failed) {
  double v[7] = {NAN, 0, 1, 0, 0, 0, 0};
  for (int i = 0; i < 7 && i < argc; i++) {
    Value n = vm_to_number(vm, argv[i]);
    if ((*failed = value_is_exception(n))) return NAN;
    v[i] = value_to_number(n);
  }
  v[0] = full_year(v[0]);
  return compose(v, utc);
}

static Value date_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm);
  if (value_is_undefined(target)) return format(vm, now_ms(), FMT_STRING);
  bool failed = false;
  double tv = argc == 0   ? now_ms()
              : argc == 1 ? date_time_clip(from_value(vm, argv[0], &failed))
                          : from_parts(vm, argc, argv, false, &failed);
  if (failed) return VALUE_EXCEPTION;
  Value proto = vm_get_str(vm, target, "prototype");
  if (value_is_exception(proto)) return proto;
  if (!value_is_object(proto)) proto = vm_intrinsic(vm, INTRINSIC_DATE_PROTOTYPE);
  return vm_object_of_class(vm, VM_CLASS_DATE, proto, value_from_number(tv));
}

static Value date_now(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_number(now_ms());
}

static Value date_parse_string(VM *vm, Value this_value, int argc, Value *argv) {
  Value s = vm_to_string(vm, ARG(0));
  if (value_is_exception(s)) return s;
  bool failed = false;
  return value_from_number(from_value(vm, s, &failed));
}

static Value date_utc_fn(VM *vm, Value this_value, int argc, Value *argv) {
  bool failed = false;
  double tv = from_parts(vm, argc, argv, true, &failed);
  return failed ? VALUE_EXCEPTION : value_from_number(tv);
}

/* ==== Installing ==== */

static const VMPropDef date_statics[] = {
    VM_FN("now", date_now, 0),
    VM_FN("parse", date_parse_string, 1),
    VM_FN("UTC", date_utc_fn, 7),
    VM_PROPS_END,
};

#define GETTER(name, field) VM_FN_MAGIC(name, date_get, 0, field)
#define SETTER(name, first, count) VM_FN_MAGIC(name, date_set, count, SET(first, count))
#define UTC_SETTER(name, first, count)                                                             \
  VM_FN_MAGIC(name, date_set, count, SET(first, count) | SET_UTC)

static const VMPropDef date_prototype_props[] = {
    VM_FN_MAGIC("toString", date_to_string, 0, FMT_STRING),
    VM_FN_MAGIC("toDateString", date_to_string, 0, FMT_DATE),
    VM_FN_MAGIC("toTimeString", date_to_string, 0, FMT_TIME),
    VM_FN_MAGIC("toISOString", date_to_string, 0, FMT_ISO),
    VM_FN_MAGIC("toUTCString", date_to_string, 0, FMT_UTC),
    VM_ALIAS("toGMTString", "toUTCString", VM_ATTR_HIDDEN),
    //> stdlib.date-rows
    GETTER("getDate", F_DATE),
    SETTER("setDate", S_DATE, 1),
    GETTER("getDay", F_DAY),
    GETTER("getFullYear", F_YEAR),
    SETTER("setFullYear", S_YEAR, 3),
    //< stdlib.date-rows
    GETTER("getHours", F_HOURS),
    SETTER("setHours", S_HOURS, 4),
    GETTER("getMilliseconds", F_MS),
    SETTER("setMilliseconds", S_MS, 1),
    GETTER("getMinutes", F_MINUTES),
    SETTER("setMinutes", S_MINUTES, 3),
    GETTER("getMonth", F_MONTH),
    SETTER("setMonth", S_MONTH, 2),
    GETTER("getSeconds", F_SECONDS),
    SETTER("setSeconds", S_SECONDS, 2),
    GETTER("getTime", F_TIME),
    VM_FN("setTime", date_set_time, 1),
    GETTER("getTimezoneOffset", F_OFFSET),
    GETTER("getUTCDate", F_DATE | GET_UTC),
    UTC_SETTER("setUTCDate", S_DATE, 1),
    GETTER("getUTCDay", F_DAY | GET_UTC),
    GETTER("getUTCFullYear", F_YEAR | GET_UTC),
    UTC_SETTER("setUTCFullYear", S_YEAR, 3),
    GETTER("getUTCHours", F_HOURS | GET_UTC),
    UTC_SETTER("setUTCHours", S_HOURS, 4),
    GETTER("getUTCMilliseconds", F_MS | GET_UTC),
    UTC_SETTER("setUTCMilliseconds", S_MS, 1),
    GETTER("getUTCMinutes", F_MINUTES | GET_UTC),
    UTC_SETTER("setUTCMinutes", S_MINUTES, 3),
    GETTER("getUTCMonth", F_MONTH | GET_UTC),
    UTC_SETTER("setUTCMonth", S_MONTH, 2),
    GETTER("getUTCSeconds", F_SECONDS | GET_UTC),
    UTC_SETTER("setUTCSeconds", S_SECONDS, 2),
    GETTER("valueOf", F_TIME),
    GETTER("getYear", F_YEAR_1900),
    VM_FN("setYear", date_set_year, 1),
    VM_FN("toJSON", date_to_json, 1),
    VM_FN_MAGIC("toLocaleString", date_to_string, 0, FMT_LOCALE),
    VM_FN_MAGIC("toLocaleDateString", date_to_string, 0, FMT_LOCALE_DATE),
    VM_FN_MAGIC("toLocaleTimeString", date_to_string, 0, FMT_LOCALE_TIME),
    VM_SYM_FN(VM_SYMBOL_TO_PRIMITIVE, date_to_primitive, 1, VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef date_globals[] = {
    VM_CONSTRUCTOR("Date", date_construct, 7, 0, INTRINSIC_DATE_PROTOTYPE, date_statics,
                   date_prototype_props),
    VM_PROPS_END,
};

void builtins_install_date(VM *vm) {
  tzset(); /* localtime_r reads TZ only when told to */
  vm_define_props(vm, vm_global(vm), date_globals);
}

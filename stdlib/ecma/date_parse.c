/* date_parse.c - Date.parse: the spec's ISO format, then the legacy forms V8 accepts.
 * Book: chapter 7, "The standard library" (section "Date").
 *
 * One tokenizer (numbers, words, signs, symbols, spaces; parenthesised text skipped)
 * feeds two readers, as in V8: the strict ISO reader (YYYY-MM-DDTHH:mm:ss.sssZ and its
 * shorter and expanded-year forms) and, for whatever it leaves, the legacy reader, which
 * collects up to three date numbers, a month name, a time and a zone and settles what
 * they mean only at the end. Entry point: date_parse.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/ecma/date.h"

enum { NONE = -2147483647 - 1 };

typedef enum TokKind { TK_END, TK_NUMBER, TK_SYMBOL, TK_WORD, TK_SPACE, TK_UNKNOWN } TokKind;
typedef enum WordKind { W_INVALID, W_MONTH, W_ZONE, W_T, W_AMPM } WordKind;

typedef struct Tok {
  TokKind kind;
  int value;  /* a number's value (9 significant digits); a symbol; a word's meaning */
  int length; /* a number's or word's length */
  WordKind word;
} Tok;

typedef struct Scanner {
  const uint16_t *s;
  size_t n, pos;
  Tok next; /* one token of lookahead */
} Scanner;

/* ==== Tokens ==== */

static bool is_space(uint16_t c) {
  return c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}
static bool is_digit(uint16_t c) { return c >= '0' && c <= '9'; }
static bool is_word_char(uint16_t c) { return c >= 'A' && !is_space(c); }

/* The keywords V8 knows, by their first three letters (shorter words padded with 0). */
static const struct {
  char pre[4];
  WordKind kind;
  int value;
} keywords[] = {
    {"jan", W_MONTH, 1}, {"feb", W_MONTH, 2},  {"mar", W_MONTH, 3},  {"apr", W_MONTH, 4},
    {"may", W_MONTH, 5}, {"jun", W_MONTH, 6},  {"jul", W_MONTH, 7},  {"aug", W_MONTH, 8},
    {"sep", W_MONTH, 9}, {"oct", W_MONTH, 10}, {"nov", W_MONTH, 11}, {"dec", W_MONTH, 12},
    {"am", W_AMPM, 0},   {"pm", W_AMPM, 12},   {"ut", W_ZONE, 0},    {"utc", W_ZONE, 0},
    {"z", W_ZONE, 0},    {"gmt", W_ZONE, 0},   {"cdt", W_ZONE, -5},  {"cst", W_ZONE, -6},
    {"edt", W_ZONE, -4}, {"est", W_ZONE, -5},  {"mdt", W_ZONE, -6},  {"mst", W_ZONE, -7},
    {"pdt", W_ZONE, -7}, {"pst", W_ZONE, -8},  {"t", W_T, 0},
};

/* A word: only month names may be longer than their three-letter keyword. */
static Tok word_token(const uint16_t *w, int length) {
  char pre[4] = {0};
  for (int i = 0; i < length && i < 3; i++)
    pre[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i] < 128 ? w[i] : 1);
  for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
    if (memcmp(pre, keywords[i].pre, 3) == 0 && (length <= 3 || keywords[i].kind == W_MONTH))
      return (Tok){TK_WORD, keywords[i].value, length, keywords[i].kind};
  return (Tok){TK_WORD, 0, length, W_INVALID};
}

static Tok scan(Scanner *sc) {
  if (sc->pos >= sc->n) return (Tok){TK_END, 0, 0, 0};
  const uint16_t *s = sc->s;
  size_t start = sc->pos;
  uint16_t c = s[sc->pos];
  if (is_digit(c)) {
    int v = 0, digits = 0; /* nine significant digits, leading zeros not counted */
    while (sc->pos < sc->n && s[sc->pos] == '0') sc->pos++;
    for (; sc->pos < sc->n && is_digit(s[sc->pos]); sc->pos++)
      if (digits++ < 9) v = v * 10 + (s[sc->pos] - '0');
    return (Tok){TK_NUMBER, v, (int)(sc->pos - start), 0};
  }
  if (c == ':' || c == '-' || c == '+' || c == '.' || c == ')')
    return sc->pos++, (Tok){TK_SYMBOL, c, 1, 0};
  if (is_word_char(c)) {
    while (sc->pos < sc->n && is_word_char(s[sc->pos])) sc->pos++;
    return word_token(s + start, (int)(sc->pos - start));
  }
  if (is_space(c)) {
    while (sc->pos < sc->n && is_space(s[sc->pos])) sc->pos++;
    return (Tok){TK_SPACE, 0, (int)(sc->pos - start), 0};
  }
  if (c == '(') { /* a comment: skipped, nesting and all */
    int depth = 0;
    do {
      if (s[sc->pos] == '(')
        depth++;
      else if (s[sc->pos] == ')')
        depth--;
      sc->pos++;
    } while (depth > 0 && sc->pos < sc->n);
    return (Tok){TK_UNKNOWN, 0, 0, 0};
  }
  sc->pos++;
  return (Tok){TK_UNKNOWN, 0, 0, 0};
}

static Tok next(Scanner *sc) {
  Tok t = sc->next;
  sc->next = scan(sc);
  return t;
}
static Tok peek(Scanner *sc) { return sc->next; }
static bool is_symbol(Tok t, int c) { return t.kind == TK_SYMBOL && t.value == c; }
static bool skip_symbol(Scanner *sc, int c) {
  if (!is_symbol(sc->next, c)) return false;
  next(sc);
  return true;
}
static bool is_sign(Tok t) { return is_symbol(t, '+') || is_symbol(t, '-'); }
static bool is_fixed(Tok t, int length) { return t.kind == TK_NUMBER && t.length == length; }
static bool is_z(Tok t) { return t.kind == TK_WORD && t.word == W_ZONE && t.length == 1; }
static bool between(int x, int lo, int hi) { return x >= lo && x <= hi; }

/* ==== What was read: a day, a time and a zone (V8's three composers) ==== */

typedef struct Parts {
  int day[3], ndays, named_month;
  bool iso;
  int time[4], ntimes, hour_offset;
  int tz_sign, tz_hour, tz_minute;
} Parts;

static bool add_day(Parts *p, int n) {
  if (p->ndays >= 3) return false;
  p->day[p->ndays++] = n;
  return true;
}
static bool add_time(Parts *p, int n) {
  if (p->ntimes >= 4) return false;
  p->time[p->ntimes++] = n;
  return true;
}
static bool add_time_final(Parts *p, int n) {
  if (!add_time(p, n)) return false;
  while (p->ntimes < 4) p->time[p->ntimes++] = 0;
  return true;
}
static bool time_expects(Parts *p, int n) {
  return (p->ntimes == 1 && between(n, 0, 59)) || (p->ntimes == 2 && between(n, 0, 59)) ||
         (p->ntimes == 3 && between(n, 0, 999));
}
static void set_zone(Parts *p, int hours) {
  p->tz_sign = hours < 0 ? -1 : 1, p->tz_hour = abs(hours), p->tz_minute = 0;
}
static bool zone_expects(Parts *p, int n) {
  return p->tz_hour != NONE && p->tz_minute == NONE && between(n, 0, 59);
}
static bool zone_is_utc(Parts *p) { return p->tz_hour == 0 && p->tz_minute == 0; }

/* "sss" with more or fewer than three digits: scaled to milliseconds. */
static int read_ms(Tok t) {
  int length = t.length > 9 ? 9 : t.length, n = t.value;
  if (length == 1) return n * 100;
  if (length == 2) return n * 10;
  while (length-- > 3) n /= 10;
  return n;
}

/* ==== The ISO reader ==== */

static Tok iso_time(Scanner *sc, Parts *p);

/* [+-YY]YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|+hh:mm]]: the token it could not use (END when
 * the whole string was ISO; an UNKNOWN with value -1 when the string cannot be a date). */
static Tok iso_date(Scanner *sc, Parts *p) {
  if (is_sign(peek(sc))) {
    Tok sign = next(sc);
    if (!is_fixed(peek(sc), 6)) return sign;
    int year = next(sc).value;
    if (sign.value == '-' && year == 0) return sign;
    add_day(p, sign.value == '-' ? -year : year);
  } else if (is_fixed(peek(sc), 4)) {
    add_day(p, next(sc).value);
  } else {
    return next(sc);
  }
  if (skip_symbol(sc, '-')) {
    if (!is_fixed(peek(sc), 2) || !between(peek(sc).value, 1, 12)) return next(sc);
    add_day(p, next(sc).value);
    if (skip_symbol(sc, '-')) {
      if (!is_fixed(peek(sc), 2) || !between(peek(sc).value, 1, 31)) return next(sc);
      add_day(p, next(sc).value);
    }
  }
  if (!(peek(sc).kind == TK_WORD && peek(sc).word == W_T)) {
    if (peek(sc).kind != TK_END) return next(sc);
  } else {
    next(sc);
    Tok t = iso_time(sc, p);
    if (t.kind != TK_END) return t;
  }
  /* Date-only forms are UTC; date-time forms without an offset are local time. */
  if (p->tz_hour == NONE && p->ntimes == 0) set_zone(p, 0);
  p->iso = true;
  return (Tok){TK_END, 0, 0, 0};
}

static Tok invalid(void) { return (Tok){TK_UNKNOWN, -1, 0, 0}; }

/* Two digits in [lo, hi] as the next token, or false. */
static bool fixed2(Scanner *sc, int lo, int hi) {
  return is_fixed(peek(sc), 2) && between(peek(sc).value, lo, hi);
}

static Tok iso_zone(Scanner *sc, Parts *p) {
  if (is_z(peek(sc))) {
    next(sc), set_zone(p, 0);
  } else if (is_sign(peek(sc))) {
    p->tz_sign = next(sc).value == '+' ? 1 : -1;
    if (is_fixed(peek(sc), 4)) { /* hhmm, V8's extension */
      int hm = next(sc).value;
      if (!between(hm / 100, 0, 23) || !between(hm % 100, 0, 59)) return invalid();
      p->tz_hour = hm / 100, p->tz_minute = hm % 100;
    } else {
      if (!fixed2(sc, 0, 23)) return invalid();
      p->tz_hour = next(sc).value;
      if (!skip_symbol(sc, ':') || !fixed2(sc, 0, 59)) return invalid();
      p->tz_minute = next(sc).value;
    }
  }
  return peek(sc).kind == TK_END ? peek(sc) : invalid();
}

/* After the T: HH:mm[:ss[.sss]] and the zone; 24:00:00.000 is the one hour 24. */
static Tok iso_time(Scanner *sc, Parts *p) {
  if (!fixed2(sc, 0, 24)) return invalid();
  bool is24 = peek(sc).value == 24;
  add_time(p, next(sc).value);
  if (!skip_symbol(sc, ':') || !fixed2(sc, 0, is24 ? 0 : 59)) return invalid();
  add_time(p, next(sc).value);
  if (skip_symbol(sc, ':')) {
    if (!fixed2(sc, 0, is24 ? 0 : 59)) return invalid();
    add_time(p, next(sc).value);
    if (skip_symbol(sc, '.')) {
      if (peek(sc).kind != TK_NUMBER || (is24 && peek(sc).value > 0)) return invalid();
      add_time(p, read_ms(next(sc)));
    }
  }
  return iso_zone(sc, p);
}

/* ==== The legacy reader ==== */

/* A number in the legacy grammar: a time part (before ':' or '.'), a zone's minutes, the
 * last part of a time, or a date number. */
static bool legacy_number(Scanner *sc, Parts *p, Tok t) {
  int n = t.value;
  if (skip_symbol(sc, ':')) {
    if (skip_symbol(sc, ':')) {
      if (p->ntimes != 0) return false;
      return add_time(p, n) && add_time(p, 0);
    }
    if (!add_time(p, n)) return false;
    skip_symbol(sc, '.');
    return true;
  }
  /* As in V8, a '.' after a number is consumed even when no time part is expected. */
  if (skip_symbol(sc, '.') && time_expects(p, n)) {
    add_time(p, n);
    if (peek(sc).kind != TK_NUMBER) return false;
    return add_time_final(p, read_ms(next(sc)));
  }
  if (zone_expects(p, n)) {
    p->tz_minute = n;
    return true;
  }
  if (time_expects(p, n)) {
    add_time_final(p, n);
    Tok after = peek(sc);
    return after.kind == TK_END || after.kind == TK_SPACE || is_z(after) || is_sign(after);
  }
  if (!add_day(p, n)) return false;
  skip_symbol(sc, '-');
  return true;
}

/* A sign after a time or after UTC/GMT: an offset, as h, hh, hmm, hhmm or hh:mm. */
static bool legacy_offset(Scanner *sc, Parts *p, Tok sign) {
  p->tz_sign = sign.value == '+' ? 1 : -1;
  int n = 0, length = 0;
  if (peek(sc).kind == TK_NUMBER) {
    Tok t = next(sc);
    n = t.value, length = t.length;
  }
  if (is_symbol(peek(sc), ':'))
    p->tz_hour = n, p->tz_minute = NONE;
  else if (length == 1 || length == 2)
    p->tz_hour = n, p->tz_minute = 0;
  else if (length == 3 || length == 4)
    p->tz_hour = n / 100, p->tz_minute = n % 100;
  else
    return false;
  return true;
}

static bool legacy(Scanner *sc, Parts *p, Tok t) {
  bool has_number = p->ndays > 0;
  for (; t.kind != TK_END; t = next(sc)) {
    if (t.kind == TK_NUMBER) {
      has_number = true;
      if (!legacy_number(sc, p, t)) return false;
    } else if (t.kind == TK_WORD && t.word == W_AMPM && p->ntimes > 0) {
      p->hour_offset = t.value;
    } else if (t.kind == TK_WORD && t.word == W_MONTH) {
      p->named_month = t.value;
      skip_symbol(sc, '-');
    } else if (t.kind == TK_WORD && t.word == W_ZONE && has_number) {
      set_zone(p, t.value);
    } else if (t.kind == TK_WORD) {
      /* Words before the first number are ignored (weekdays); after it, an error. */
      if (has_number || peek(sc).kind == TK_NUMBER) return false;
    } else if (is_sign(t) && (zone_is_utc(p) || p->ntimes > 0)) {
      has_number = true;
      if (!legacy_offset(sc, p, t)) return false;
    } else if ((is_sign(t) || is_symbol(t, ')')) && has_number) {
      return false;
    } else if (t.kind == TK_UNKNOWN && t.value == -1) {
      return false;
    }
  }
  return true;
}

/* ==== Putting the parts together ==== */

static bool is_day(int n) { return between(n, 1, 31); }

/* Which number is the year, the month and the day, as V8 decides it. */
static bool write_day(Parts *p, double *year, double *month, double *day) {
  if (p->ndays < 1) return false;
  while (p->ndays < 3) p->day[p->ndays++] = 1;
  int y = 0, m, d, *c = p->day;
  if (p->named_month == 0) {
    if (p->iso || !is_day(c[0]))
      y = c[0], m = c[1], d = c[2];
    else
      m = c[0], d = c[1], y = c[2];
  } else {
    m = p->named_month;
    if (!is_day(c[0]))
      y = c[0], d = c[1];
    else
      d = c[0], y = c[1];
  }
  if (!p->iso) y += between(y, 0, 49) ? 2000 : between(y, 50, 99) ? 1900 : 0;
  if (!between(m, 1, 12) || !is_day(d)) return false;
  *year = y, *month = m - 1, *day = d;
  return true;
}

static bool write_time(Parts *p, double *ms) {
  while (p->ntimes < 4) p->time[p->ntimes++] = 0;
  int h = p->time[0], m = p->time[1], s = p->time[2], milli = p->time[3];
  if (p->hour_offset != NONE) {
    if (!between(h, 0, 12)) return false;
    h = h % 12 + p->hour_offset;
  }
  if (!between(h, 0, 23) || !between(m, 0, 59) || !between(s, 0, 59) || !between(milli, 0, 999))
    if (h != 24 || m != 0 || s != 0 || milli != 0) return false;
  *ms = date_make_time(h, m, s, milli);
  return true;
}

static double finish(Parts *p) {
  double year, month, day, time;
  if (!write_day(p, &year, &month, &day) || !write_time(p, &time)) return NAN;
  double date = date_make_date(date_make_day(year, month, day), time);
  if (p->tz_sign == NONE) {
    if (fabs(date) > DATE_MAX_TIME + 864000000.0) return NAN;
    return date_time_clip(date_utc(date));
  }
  double hour = p->tz_hour == NONE ? 0 : p->tz_hour,
         minute = p->tz_minute == NONE ? 0 : p->tz_minute;
  date -= p->tz_sign * (hour * 3600000.0 + minute * 60000.0);
  return date_time_clip(date);
}

//> stdlib.date-parse
double date_parse(const uint16_t *units, size_t length) {
  Scanner sc = {units, length, 0, {0}};
  sc.next = scan(&sc);
  Parts p = {.hour_offset = NONE, .tz_sign = NONE, .tz_hour = NONE, .tz_minute = NONE};
  Tok rest = iso_date(&sc, &p);
  if (rest.kind == TK_UNKNOWN && rest.value == -1) return NAN;
  if (rest.kind != TK_END && !legacy(&sc, &p, rest)) return NAN;
  return finish(&p);
}
//< stdlib.date-parse

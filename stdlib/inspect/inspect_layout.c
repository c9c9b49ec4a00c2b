/* inspect_layout.c - where util.inspect breaks lines: an object's formatted entries go
 * on one line when they are short enough and not nested too deeply, otherwise one per
 * line; long arrays of short items are first arranged in aligned columns.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry point: layout_entries (Node's reduceToSingleString, with groupArrayElements and
 * isBelowBreakLength as its helpers).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

static double break_length(const InspectCtx *ctx) {
  return ctx->opts.break_length == INSPECT_UNLIMITED ? INFINITY : ctx->opts.break_length;
}

/* JavaScript .length of an entry, not counting colour escapes when colours are on. */
static size_t entry_length(const InspectCtx *ctx, const char *s) {
  if (!ctx->opts.colors || !strchr(s, '\x1b')) return text_utf16_length(s);
  StrBuf plain = {0};
  for (size_t i = 0; s[i];) {
    if (s[i] == '\x1b' && s[i + 1] == '[') {
      i += 2;
      while ((s[i] >= '0' && s[i] <= '9') || s[i] == ';') i++;
      if (s[i]) i++;
    } else {
      sb_putc(&plain, s[i++]);
    }
  }
  size_t n = plain.data ? text_utf16_length(plain.data) : 0;
  sb_free(&plain);
  return n;
}

/* Appends s padded with spaces to `target` UTF-16 units, on the left or the right. */
static void put_padded(StrBuf *sb, const char *s, const char *suffix, long target, bool left) {
  long len = (long)(text_utf16_length(s) + strlen(suffix));
  if (left) sb_spaces(sb, (int)(target - len));
  sb_puts(sb, s), sb_puts(sb, suffix);
  if (!left) sb_spaces(sb, (int)(target - len));
}

/* Right-align the columns only when every element shown is a number. */
static bool all_numbers(InspectCtx *ctx, Value array, size_t count) {
  if (!value_is_object(array)) return true; /* Node pads left when it has no array */
  for (uint32_t i = 0; i < count; i++) {
    Value v = vm_array_get(ctx->vm, array, i);
    if (value_is_exception(v)) {
      vm_take_exception(ctx->vm);
      return false;
    }
    if (!value_is_number(v)) return false;
  }
  return true;
}

//> stdlib.group-array
/* How many columns groupArrayElements uses for entries of these widths (0 or 1: none).
 * Grouping needs at least three entries to fit side by side, and entries of similar
 * width (no single one longer than a fifth of all together) unless all are short. The
 * count aims at a roughly square block, a character being about 2.5 times as high as
 * it is wide; short entries get a bias towards more columns. It never exceeds the
 * breakLength, compact * 4, or 15. */
static size_t group_columns(InspectCtx *ctx, const size_t *width, size_t count, size_t entries) {
  size_t total = 0, max_len = 0;
  for (size_t i = 0; i < count; i++) {
    total += width[i] + 2; /* 2: the separator ", " */
    if (width[i] > max_len) max_len = width[i];
  }
  double actual_max = (double)max_len + 2;
  if (!(actual_max * 3 + ctx->indentation < break_length(ctx) &&
        ((double)total / actual_max > 5 || max_len <= 6)))
    return 0;
  double bias = sqrt(actual_max - (double)total / (double)entries);
  double biased_max = fmax(actual_max - 3 - bias, 1);
  double columns = fmin(fmin(floor(sqrt(2.5 * biased_max * (double)count) / biased_max + 0.5),
                             floor((break_length(ctx) - ctx->indentation) / actual_max)),
                        fmin(ctx->opts.compact * 4.0, 15));
  return columns > 1 ? (size_t)columns : 0;
}

/* Lays count entries out in rows of `cols` columns, each column as wide as its widest
 * entry: right-aligned (padStart) when `right`, else left-aligned. Widths are display
 * columns, but padding counts UTF-16 units, hence the `extra` correction. */
static void group_rows(Entries *rows, const Entries *out, const size_t *width, size_t count,
                       size_t cols, bool right) {
  long *col_width = mem_calloc(cols, sizeof *col_width);
  for (size_t c = 0; c < cols; c++) col_width[c] = 2;
  for (size_t i = 0; i < count; i++)
    if ((long)width[i] + 2 > col_width[i % cols]) col_width[i % cols] = (long)width[i] + 2;
  for (size_t i = 0; i < count; i += cols) {
    size_t end = i + cols < count ? i + cols : count, j = i;
    StrBuf row = {0};
    for (; j + 1 < end; j++) {
      long extra = (long)text_utf16_length(out->items[j]) - (long)width[j];
      put_padded(&row, out->items[j], ", ", col_width[j - i] + extra, right);
    }
    long extra = (long)text_utf16_length(out->items[j]) - (long)width[j];
    if (right) put_padded(&row, out->items[j], "", col_width[j - i] + extra - 2, true);
    else sb_puts(&row, out->items[j]);
    entries_push(rows, sb_take(&row));
  }
  free(col_width);
}

/* groupArrayElements: when an array has many short entries, print them in columns. A
 * trailing "... n more items" is not grouped: it stays alone on the last line. */
static void group_array_elements(InspectCtx *ctx, Entries *out, Value array) {
  size_t count = out->count;
  if ((long long)ctx->opts.max_array_length < (long long)out->count) count--;
  size_t *width = mem_alloc((count + 1) * sizeof *width);
  for (size_t i = 0; i < count; i++) width[i] = text_width(out->items[i], ctx->opts.colors);
  size_t cols = group_columns(ctx, width, count, out->count);
  if (cols > 1) {
    Entries rows = {0};
    group_rows(&rows, out, width, count, cols, all_numbers(ctx, array, out->count));
    if (count < out->count) entries_push(&rows, mem_strdup(out->items[count]));
    entries_free(out);
    *out = rows;
  }
  free(width);
}
//< stdlib.group-array

//> stdlib.below-break-length
/* isBelowBreakLength: do the entries, with a comma and a space each, plus `start`
 * columns of overhead, fit in breakLength? A base with a newline (an error's stack)
 * never shares its line. */
static bool is_below_break_length(InspectCtx *ctx, const Entries *out, size_t start,
                                  const char *base) {
  double total = (double)(out->count + start);
  if (total + (double)out->count > break_length(ctx)) return false;
  for (size_t i = 0; i < out->count; i++) {
    total += (double)entry_length(ctx, out->items[i]);
    if (total > break_length(ctx)) return false;
  }
  return base[0] == '\0' || !strchr(base, '\n');
}
//< stdlib.below-break-length

static void put_joined(StrBuf *sb, const Entries *out, const char *sep) {
  for (size_t i = 0; i < out->count; i++) {
    if (i) sb_puts(sb, sep);
    sb_puts(sb, out->items[i]);
  }
}

/* The one-line form "base { a, b }", or NULL when it would contain a newline. */
static char *single_line(const Entries *out, const char *base, const char *open,
                         const char *close) {
  StrBuf sb = {0};
  if (base[0]) sb_printf(&sb, "%s ", base);
  sb_printf(&sb, "%s ", open);
  size_t from = sb.len;
  put_joined(&sb, out, ", ");
  if (memchr(sb.data + from, '\n', sb.len - from)) {
    sb_free(&sb);
    return NULL;
  }
  sb_printf(&sb, " %s", close);
  return sb_take(&sb);
}

/* compact: true, Node's older layout: as many entries per line as fit. */
static char *layout_compact_true(InspectCtx *ctx, const Entries *out, const char *base,
                                 const char *open, const char *close) {
  StrBuf sb = {0}, sep = {0};
  sb_puts(&sb, open);
  if (is_below_break_length(ctx, out, 0, base)) {
    if (base[0]) sb_printf(&sb, " %s", base);
    sb_putc(&sb, ' ');
    put_joined(&sb, out, ", ");
  } else {
    if (!base[0] && text_utf16_length(open) == 1) {
      sb_putc(&sb, ' ');
    } else {
      if (base[0]) sb_printf(&sb, " %s", base);
      sb_putc(&sb, '\n');
      sb_spaces(&sb, ctx->indentation + 2);
    }
    sb_puts(&sep, ",\n");
    sb_spaces(&sep, ctx->indentation + 2);
    put_joined(&sb, out, sep.data);
  }
  sb_printf(&sb, " %s", close);
  sb_free(&sep);
  return sb_take(&sb);
}

//> stdlib.reduce-to-single-string
char *layout_entries(InspectCtx *ctx, Entries *out, const char *base, const char *open,
                     const char *close, ExtrasType extras, int recurse_times, Value array) {
  if (ctx->opts.compact == INSPECT_COMPACT_TRUE)
    return layout_compact_true(ctx, out, base, open, close);
  if (ctx->opts.compact >= 1) {
    size_t entries = out->count;
    if (extras == EXTRAS_ARRAY && entries > 6) group_array_elements(ctx, out, array);
    /* Only the innermost `compact` levels may share a line, and only if grouping
     * did not already arrange the entries in rows. */
    if (ctx->current_depth - recurse_times < ctx->opts.compact && entries == out->count) {
      size_t start = out->count + (size_t)ctx->indentation + text_utf16_length(open) +
                     text_utf16_length(base) + 10;
      if (is_below_break_length(ctx, out, start, base)) {
        char *line = single_line(out, base, open, close);
        if (line) return line;
      }
    }
  }
  StrBuf sb = {0}, sep = {0}; /* one entry per line */
  sb_puts(&sep, ",\n");
  sb_spaces(&sep, ctx->indentation + 2);
  if (base[0]) sb_printf(&sb, "%s ", base);
  sb_printf(&sb, "%s\n", open);
  sb_spaces(&sb, ctx->indentation + 2);
  put_joined(&sb, out, sep.data);
  sb_putc(&sb, '\n');
  sb_spaces(&sb, ctx->indentation);
  sb_puts(&sb, close);
  sb_free(&sep);
  return sb_take(&sb);
}
//< stdlib.reduce-to-single-string

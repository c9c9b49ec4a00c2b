/* console_table.c - console.table: an object or array drawn as a box of rows and
 * columns, one row per own key, one column per property of the rows (plus "Values"
 * for rows that are primitives). Book: chapter 10, "Console and inspect".
 *
 * Entry point: console_table_text. Cells are inspected with depth 0 (or -1 for objects
 * with more than two keys), at most 3 array items, on one line; every cell is
 * left-aligned, as in Node 20.20. Maps, Sets and their iterators get an "(iteration
 * index)" column and their keys and values (console_table_collection).
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

typedef struct Column {
  char *name;
  char **cells; /* cells[row], NULL where the row has no such property */
  size_t count;
} Column;

typedef struct Table {
  Column *cols;
  size_t count, cap;
} Table;

/* ==== Building the columns ==== */

static Column *table_column(Table *t, const char *name) {
  for (size_t i = 0; i < t->count; i++)
    if (strcmp(t->cols[i].name, name) == 0) return &t->cols[i];
  if (t->count == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 8;
    t->cols = mem_realloc(t->cols, t->cap * sizeof *t->cols);
  }
  t->cols[t->count] = (Column){.name = mem_strdup(name)};
  return &t->cols[t->count++];
}

static void column_set(Column *c, size_t row, char *text) {
  if (row >= c->count) {
    c->cells = mem_realloc(c->cells, (row + 1) * sizeof *c->cells);
    memset(c->cells + c->count, 0, (row + 1 - c->count) * sizeof *c->cells);
    c->count = row + 1;
  }
  free(c->cells[row]);
  c->cells[row] = text;
}

static void table_free(Table *t) {
  for (size_t i = 0; i < t->count; i++) {
    for (size_t j = 0; j < t->cols[i].count; j++) free(t->cols[i].cells[j]);
    free(t->cols[i].cells);
    free(t->cols[i].name);
  }
  free(t->cols);
}

/* One cell: objects with more than two keys print as [Object], others at depth 0. */
static char *cell_text(VM *vm, Value v) {
  InspectOptions o;
  inspect_default_options(vm, &o);
  o.colors = inspect_should_colorize(vm, 1); /* the table goes to stdout */
  o.depth = 0, o.max_array_length = 3, o.break_length = INSPECT_UNLIMITED;
  if (value_is_object(v) && !vm_is_array(v)) {
    Value keys = vm_own_keys(vm, v);
    if (value_is_exception(keys)) return NULL;
    if (vm_array_length(keys) > 2) o.depth = -1;
  }
  return inspect_to_text(vm, v, &o);
}

/* The column names a row contributes: `properties` if given, else its own keys. */
static Value row_keys(VM *vm, Value item, Value properties) {
  if (!value_is_undefined(properties)) return properties;
  return value_is_object(item) ? vm_own_keys(vm, item) : vm_array_new(vm);
}

/* Fills the cells of row `row` from one item of the data. */
static bool add_row(VM *vm, Table *t, size_t row, Value item, Value properties,
                    Column *values) {
  bool primitive = !value_is_object(item);
  if (primitive && value_is_undefined(properties)) {
    char *s = cell_text(vm, item);
    return s ? (column_set(values, row, s), true) : false;
  }
  Value keys = vm_handle_push(vm, row_keys(vm, item, properties));
  for (uint32_t k = 0; k < vm_array_length(keys); k++) {
    char *name = inspect_to_cstr(vm, vm_array_get(vm, keys, k));
    if (!name) return false;
    Value key = vm_string(vm, name);
    PropertyInfo p;
    bool own = !primitive && vm_get_own_property(vm, item, key, &p);
    char *text = own ? NULL : mem_strdup("");
    if (own) {
      Value v = vm_get(vm, item, key);
      text = value_is_exception(v) ? NULL : cell_text(vm, vm_handle_push(vm, v));
    }
    if (text) column_set(table_column(t, name), row, text);
    free(name);
    if (!text) return false;
  }
  return true;
}

/* Object.keys(map) puts integer-like column names first, ascending. */
static bool is_index_name(const char *s) {
  if (!s[0] || (s[0] == '0' && s[1]) || strlen(s) > 10) return false;
  return strspn(s, "0123456789") == strlen(s) && strtod(s, NULL) <= 4294967294.0;
}

static int compare_index_columns(const void *a, const void *b) {
  const Column *x = a, *y = b;
  bool xi = is_index_name(x->name), yi = is_index_name(y->name);
  if (xi != yi) return xi ? -1 : 1;
  if (!xi) return 0;
  double dx = strtod(x->name, NULL), dy = strtod(y->name, NULL);
  return dx < dy ? -1 : dx > dy;
}

/* A stable sort: insertion order among the non-index names must survive. */
static void order_columns(Table *t) {
  for (size_t i = 1; i < t->count; i++)
    for (size_t j = i; j > 0 && compare_index_columns(&t->cols[j - 1], &t->cols[j]) > 0; j--) {
      Column tmp = t->cols[j];
      t->cols[j] = t->cols[j - 1], t->cols[j - 1] = tmp;
    }
}

/* ==== Drawing ==== */

static void put_repeat(StrBuf *sb, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) sb_puts(sb, s);
}

static void put_rule(StrBuf *sb, const size_t *width, size_t n, const char *left,
                     const char *mid, const char *right) {
  sb_puts(sb, left);
  for (size_t i = 0; i < n; i++) {
    if (i) sb_puts(sb, mid);
    put_repeat(sb, "─", width[i] + 2);
  }
  sb_puts(sb, right);
}

static void put_row(StrBuf *sb, const char *const *cells, const size_t *width, size_t n) {
  sb_puts(sb, "│ ");
  for (size_t i = 0; i < n; i++) {
    if (i) sb_puts(sb, " │ ");
    sb_puts(sb, cells[i]);
    sb_spaces(sb, (int)(width[i] - text_width(cells[i], true)));
  }
  sb_puts(sb, " │");
}

static const char *cell_at(const Column *c, size_t row) {
  return row < c->count && c->cells[row] ? c->cells[row] : "";
}

static char *draw_table(const Column *cols, size_t n) {
  size_t *width = mem_calloc(n, sizeof *width), rows = 0;
  const char **cells = mem_calloc(n, sizeof *cells);
  for (size_t i = 0; i < n; i++) {
    width[i] = text_width(cols[i].name, true);
    if (cols[i].count > rows) rows = cols[i].count;
    for (size_t j = 0; j < cols[i].count; j++) {
      size_t w = text_width(cell_at(&cols[i], j), true);
      if (w > width[i]) width[i] = w;
    }
  }
  StrBuf sb = {0};
  put_rule(&sb, width, n, "┌", "┬", "┐\n");
  for (size_t i = 0; i < n; i++) cells[i] = cols[i].name;
  put_row(&sb, cells, width, n);
  put_rule(&sb, width, n, "\n├", "┼", "┤\n");
  for (size_t r = 0; r < rows; r++) {
    for (size_t i = 0; i < n; i++) cells[i] = cell_at(&cols[i], r);
    put_row(&sb, cells, width, n);
    sb_putc(&sb, '\n');
  }
  put_rule(&sb, width, n, "└", "┴", "┘");
  free(width), free(cells);
  return sb_take(&sb);
}

/* The values console.table shows for a Map, Set or iterator as one row each: a Map's
 * (or entries iterator's) [key, value, ...], a Set's values. A Set iterator's entries
 * come flat, [v, v, w, w, ...], one row per item: Node 20 previews them so. */
static Value table_items(VM *vm, Value data, bool *pairs) {
  double total;
  VMMapIterKind kind;
  Value items = inspect_collection_preview(vm, data, 4294967295.0, &total, &kind);
  VMClass cls = vm_object_class(data);
  *pairs = cls == VM_CLASS_MAP || (cls == VM_CLASS_MAP_ITERATOR && kind == VM_MAP_ENTRIES);
  if (*pairs || (cls == VM_CLASS_SET_ITERATOR && kind == VM_MAP_ENTRIES)) return items;
  Value values = vm_handle_push(vm, vm_array_new(vm));
  for (uint32_t i = 0; i + 1 < vm_array_length(items); i += 2)
    vm_array_push(vm, values, vm_array_get_raw(items, kind == VM_MAP_VALUES ? i + 1 : i));
  return values;
}

/* A Map, Set or iterator: "(iteration index)", then "Key" for key-value data (a Map, an
 * entries iterator over one), then "Values"; `properties` is ignored, as in Node. */
static char *console_table_collection(VM *vm, Value data) {
  Table t = {0};
  bool pairs;
  Value items = table_items(vm, data, &pairs);
  uint32_t step = pairs ? 2 : 1;
  Column *index = table_column(&t, "(iteration index)");
  Column *keys = pairs ? table_column(&t, "Key") : NULL, *values = table_column(&t, "Values");
  char *result = NULL, buf[32];
  for (uint32_t i = 0, row = 0; i + step <= vm_array_length(items); i += step, row++) {
    column_set(index, row, mem_strdup(vm_number_to_cstr(row, buf)));
    char *k = pairs ? cell_text(vm, vm_array_get_raw(items, i)) : NULL;
    char *v = !pairs || k ? cell_text(vm, vm_array_get_raw(items, i + step - 1)) : NULL;
    if (k) column_set(keys, row, k);
    if (!v) goto done;
    column_set(values, row, v);
  }
  result = draw_table(t.cols, t.count);
done:
  table_free(&t);
  return result;
}

static bool is_collection(Value v) {
  if (!value_is_object(v)) return false;
  VMClass cls = vm_object_class(v);
  return cls == VM_CLASS_MAP || cls == VM_CLASS_SET || cls == VM_CLASS_MAP_ITERATOR ||
         cls == VM_CLASS_SET_ITERATOR;
}

//> stdlib.console-table
char *console_table_text(VM *vm, Value data, Value properties) {
  if (is_collection(data)) return console_table_collection(vm, data);
  Table t = {0}, extra = {0};
  Column *index = table_column(&extra, "(index)"), *values = table_column(&extra, "Values");
  Value keys = vm_handle_push(vm, vm_own_keys(vm, data));
  char *result = NULL;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value key = vm_array_get_raw(keys, i);
    column_set(index, i, vm_to_wtf8(key));
    Value item = vm_get(vm, data, key);
    if (value_is_exception(item) || !add_row(vm, &t, i, vm_handle_push(vm, item), properties, values))
      goto done;
  }
  order_columns(&t);
  /* the index column first, then the properties, then Values if any row was primitive */
  Column *all = mem_alloc((t.count + 2) * sizeof *all);
  size_t n = 0;
  all[n++] = *index;
  for (size_t i = 0; i < t.count; i++) all[n++] = t.cols[i];
  if (values->count) all[n++] = *values;
  result = draw_table(all, n);
  free(all);
done:
  table_free(&t), table_free(&extra);
  return result;
}
//< stdlib.console-table

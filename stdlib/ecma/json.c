/* json.c - JSON.parse (with a reviver) and JSON.stringify (replacer, indent, toJSON,
 * cycle detection), with V8's error messages.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_json. The parser reads the string's UTF-16 units with
 * its own stack of the arrays and objects still open (no C recursion, as in V8); the
 * serializer recurses (guarded by the C-stack check) and appends to one StrBuf, and when
 * a property turns out to have no JSON form it simply cuts the buffer back to where the
 * key began.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/builtins.h"

#define ARG(i) builtins_arg(argc, argv, (i))

/* ==== Parsing ==== */

typedef struct JsonParser {
  VM *vm;
  const uint16_t *s;
  uint32_t len, pos;
  Value source; /* for the "... is not valid JSON" messages */
} JsonParser;

static Value throw_at(JsonParser *p, const char *what, uint32_t pos) {
  return vm_throw_error(p->vm, ERR_SYNTAX, "%s in JSON at position %u", what, pos);
}

/* The source (or the 10 units either side of pos) as UTF-8, for a message. */
static char *source_excerpt(JsonParser *p, uint32_t from, uint32_t to) {
  StrBuf b = {0};
  for (uint32_t i = from; i < to; i++) sb_put_unit(&b, p->s[i]);
  Value s = sb_finish(p->vm, &b);
  return vm_to_utf8(p->vm, s, NULL);
}

static bool source_is(JsonParser *p, const char *text) {
  size_t n = strlen(text);
  if (n != p->len) return false;
  for (size_t i = 0; i < n; i++)
    if (p->s[i] != (uint8_t)text[i]) return false;
  return true;
}

//> stdlib.json-unexpected
/* V8's ReportUnexpectedToken without a specific message: what stands at pos. */
static Value unexpected(JsonParser *p, uint32_t pos) {
  if (pos >= p->len) return vm_throw_error(p->vm, ERR_SYNTAX, "Unexpected end of JSON input");
  uint16_t c = p->s[pos];
  if (c == '-' || (c >= '0' && c <= '9')) return throw_at(p, "Unexpected number", pos);
  if (c == '"') return throw_at(p, "Unexpected string", pos);
  static const char *const special[] = {"NaN", "Infinity", "undefined", "[object Object]"};
  for (int i = 0; i < 4; i++)
    if (source_is(p, special[i]))
      return vm_throw_error(p->vm, ERR_SYNTAX, "\"%s\" is not valid JSON", special[i]);
  uint32_t from = 0, to = p->len;
  if (p->len > 20) from = pos > 10 ? pos - 10 : 0, to = pos + 10 < p->len ? pos + 10 : p->len;
  char *token = source_excerpt(p, pos, pos + 1), *text = source_excerpt(p, from, to);
  Value r = vm_throw_error(p->vm, ERR_SYNTAX, "Unexpected token '%s', %s\"%s\"%s is not valid JSON",
                           token, from > 0 ? "..." : "", text, to < p->len ? "..." : "");
  free(token), free(text);
  return r;
}
//< stdlib.json-unexpected

static void skip_space(JsonParser *p) {
  while (p->pos < p->len) {
    uint16_t c = p->s[p->pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    p->pos++;
  }
}

static bool at(JsonParser *p, uint16_t c) { return p->pos < p->len && p->s[p->pos] == c; }
static bool digit_at(JsonParser *p) {
  return p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9';
}

/* JSONNumber: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
static Value parse_number(JsonParser *p) {
  uint32_t start = p->pos;
  if (at(p, '-')) {
    p->pos++;
    if (!digit_at(p)) return throw_at(p, "No number after minus sign", p->pos);
  }
  if (at(p, '0')) {
    p->pos++;
    if (digit_at(p)) return throw_at(p, "Unexpected number", p->pos);
  }
  while (digit_at(p)) p->pos++;
  if (at(p, '.')) {
    p->pos++;
    if (!digit_at(p)) return throw_at(p, "Unterminated fractional number", p->pos);
    while (digit_at(p)) p->pos++;
  }
  if (at(p, 'e') || at(p, 'E')) {
    p->pos++;
    if (at(p, '+') || at(p, '-')) p->pos++;
    if (!digit_at(p)) return throw_at(p, "Exponent part is missing a number", p->pos);
    while (digit_at(p)) p->pos++;
  }
  char *text = mem_alloc(p->pos - start + 1);
  for (uint32_t i = start; i < p->pos; i++) text[i - start] = (char)p->s[i];
  text[p->pos - start] = 0;
  double d = strtod(text, NULL);
  free(text);
  return value_from_number(d);
}

static int hex_value(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* One escape after a backslash (pos at the character after it). False on error. */
static bool parse_escape(JsonParser *p, StrBuf *b) {
  if (p->pos >= p->len) return throw_at(p, "Unterminated string", p->pos), false;
  uint16_t c = p->s[p->pos++];
  const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
  const char *hit = c < 128 ? strchr(from, (char)c) : NULL;
  if (hit && c) return sb_put_unit(b, (uint8_t)to[hit - from]), true;
  if (c != 'u') return throw_at(p, "Bad escaped character", p->pos - 1), false;
  uint16_t unit = 0;
  for (int i = 0; i < 4; i++) {
    int h = p->pos < p->len ? hex_value(p->s[p->pos]) : -1;
    if (h < 0) {
      if (p->pos >= p->len) return throw_at(p, "Unterminated string", p->pos), false;
      return throw_at(p, "Bad Unicode escape", p->pos), false;
    }
    unit = (uint16_t)(unit * 16 + h);
    p->pos++;
  }
  sb_put_unit(b, unit);
  return true;
}

/* JSONString, pos at the opening quote. */
static Value parse_string(JsonParser *p) {
  p->pos++;
  StrBuf b = {0};
  for (;;) {
    if (p->pos >= p->len) return sb_free(&b), throw_at(p, "Unterminated string", p->pos);
    uint16_t c = p->s[p->pos];
    if (c == '"') break;
    if (c < 0x20)
      return sb_free(&b), throw_at(p, "Bad control character in string literal", p->pos);
    p->pos++;
    if (c != '\\')
      sb_put_unit(&b, c);
    else if (!parse_escape(p, &b))
      return sb_free(&b), VALUE_EXCEPTION;
  }
  p->pos++;
  return sb_finish(p->vm, &b);
}

/* true, false, null: every letter must match. */
static Value parse_literal(JsonParser *p, const char *word, Value v) {
  for (const char *w = word; *w; w++, p->pos++)
    if (!at(p, (uint8_t)*w)) return unexpected(p, p->pos);
  return v;
}

/* ==== Arrays and objects, without recursion ==== */

/* V8 parses JSON with its own stack of the arrays and objects still open, so nesting is
 * bounded by memory, not by the C stack: JSON.parse('['.repeat(100000)) reports the
 * missing end, and 100,000 balanced brackets parse. So does this parser. `open` holds
 * the open containers, innermost last, each object followed by the key of the member
 * being parsed. */

static Value top_of(Value open) { return vm_array_get_raw(open, vm_array_length(open) - 1); }
static void pop(VM *vm, Value open) { vm_array_set_length(vm, open, vm_array_length(open) - 1); }

/* An object member's `"key":`, pos at the key's quote: the key goes on `open`. */
static Value open_member(JsonParser *p, Value open) {
  Value key = parse_string(p);
  if (value_is_exception(key)) return key;
  vm_array_push(p->vm, open, key);
  skip_space(p);
  if (!at(p, ':')) return throw_at(p, "Expected ':' after property name", p->pos);
  p->pos++;
  return VALUE_HOLE;
}

/* `[` or `{`, pos at it: an empty container is a value; otherwise it stays open and
 * VALUE_HOLE asks for its first element or member value. */
static Value open_container(JsonParser *p, Value open, bool is_array) {
  VM *vm = p->vm;
  Value c = is_array ? vm_array_new(vm) : vm_object_new(vm);
  vm_array_push(vm, open, c);
  p->pos++;
  skip_space(p);
  if (at(p, is_array ? ']' : '}')) return p->pos++, pop(vm, open), c;
  if (is_array) return VALUE_HOLE;
  if (!at(p, '"')) return throw_at(p, "Expected property name or '}'", p->pos);
  return open_member(p, open);
}

/* A value: a scalar, an empty container, or VALUE_HOLE for a container now open. */
static Value begin_value(JsonParser *p, Value open) {
  skip_space(p);
  if (p->pos >= p->len) return unexpected(p, p->pos);
  uint16_t c = p->s[p->pos];
  if (c == '[' || c == '{') return open_container(p, open, c == '[');
  if (c == '"') return parse_string(p);
  if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p);
  if (c == 't') return parse_literal(p, "true", VALUE_TRUE);
  if (c == 'f') return parse_literal(p, "false", VALUE_FALSE);
  if (c == 'n') return parse_literal(p, "null", VALUE_NULL);
  return unexpected(p, p->pos);
}

/* v is the next element (or member value) of the innermost open container. Returns
 * VALUE_HOLE when another value follows, or the container itself once it closes. */
static Value add_to_open(JsonParser *p, Value open, Value v) {
  VM *vm = p->vm;
  Value top = top_of(open);
  if (!value_is_string(top)) { /* an array */
    vm_array_push(vm, top, v);
    skip_space(p);
    if (at(p, ']')) return p->pos++, pop(vm, open), top;
    if (!at(p, ',')) return throw_at(p, "Expected ',' or ']' after array element", p->pos);
    return p->pos++, VALUE_HOLE;
  }
  pop(vm, open); /* the key: still rooted by the handle below */
  Value obj = top_of(open);
  Value r = builtins_create_data(vm, obj, vm_handle_push(vm, top), v); /* "__proto__" too */
  if (value_is_exception(r)) return r;
  skip_space(p);
  if (at(p, '}')) return p->pos++, pop(vm, open), obj;
  if (!at(p, ',')) return throw_at(p, "Expected ',' or '}' after property value", p->pos);
  p->pos++;
  skip_space(p);
  if (!at(p, '"')) return throw_at(p, "Expected double-quoted property name", p->pos);
  return open_member(p, open);
}

//> stdlib.json-parse-value
/* JSON text: values, until every container opened is closed again. */
static Value parse_value(JsonParser *p) {
  VM *vm = p->vm;
  Value open = vm_handle_push(vm, vm_array_new(vm));
  int mark = vm_handle_mark(vm);
  for (;;) {
    vm_handle_reset(vm, mark); /* open roots everything still being built */
    Value v = vm_handle_push(vm, begin_value(p, open));
    while (v != VALUE_HOLE && !value_is_exception(v) && vm_array_length(open) > 0) {
      Value closed = add_to_open(p, open, v); /* v is in its container now */
      vm_handle_reset(vm, mark);
      v = vm_handle_push(vm, closed);
    }
    if (v != VALUE_HOLE) return v; /* the whole text's value, or an exception */
  }
}
//< stdlib.json-parse-value

/* InternalizeJSONProperty: walk the result bottom-up, letting the reviver replace or
 * (by returning undefined) delete each value; a property that refuses either is left as is. */
static Value internalize(VM *vm, Value holder, Value key, Value reviver) {
  if (vm_stack_exhausted(vm)) return vm_throw_stack_overflow(vm); /* as deep as the value */
  int mark = vm_handle_mark(vm);
  Value val = vm_handle_push(vm, vm_get(vm, holder, key));
  Value is_array = value_is_object(val) ? vm_is_array_checked(vm, val) : VALUE_FALSE;
  if (value_is_exception(is_array)) return vm_handle_reset(vm, mark), is_array;
  if (value_is_object(val)) {
    bool array = is_array == VALUE_TRUE;
    Value keys = array ? VALUE_UNDEFINED
                       : vm_handle_push(vm, vm_own_property_keys(vm, val, VM_KEYS_STRINGS));
    double n = 0;
    if (value_is_exception(keys) || (array && !builtins_length_of(vm, val, &n)))
      return vm_handle_reset(vm, mark), VALUE_EXCEPTION;
    if (!array) n = vm_array_length(keys);
    int loop = vm_handle_mark(vm);
    for (double i = 0; i < n; i++, vm_handle_reset(vm, loop)) {
      Value k = vm_handle_push(vm, array ? builtins_index_key(vm, i)
                                         : vm_array_get_raw(keys, (uint32_t)i));
      Value nv = vm_handle_push(vm, internalize(vm, val, k, reviver));
      Value r = value_is_exception(nv)   ? nv
                : value_is_undefined(nv) ? vm_delete_property(vm, val, k)
                                         : builtins_try_create_data(vm, val, k, nv);
      if (value_is_exception(r)) return vm_handle_reset(vm, mark), r;
    }
  }
  Value args[2] = {key, val};
  Value r = value_is_exception(val) ? val : vm_call(vm, reviver, holder, 2, args);
  vm_handle_reset(vm, mark);
  return r;
}

static Value json_parse(VM *vm, Value this_value, int argc, Value *argv) {
  Value text = vm_handle_push(vm, vm_to_string(vm, ARG(0)));
  if (value_is_exception(text)) return text;
  uint32_t n = vm_string_length(text);
  uint16_t *units = mem_alloc(((size_t)n + 1) * sizeof(uint16_t));
  for (uint32_t i = 0; i < n; i++) units[i] = vm_string_unit(text, i);
  JsonParser p = {vm, units, n, 0, text};
  Value v = vm_handle_push(vm, parse_value(&p));
  if (!value_is_exception(v)) {
    skip_space(&p);
    if (p.pos < p.len)
      v = vm_throw_error(vm, ERR_SYNTAX,
                         "Unexpected non-whitespace character after JSON at "
                         "position %u",
                         p.pos);
  }
  free(units);
  if (!value_is_exception(v) && vm_is_callable(ARG(1))) {
    Value root = vm_handle_push(vm, vm_object_new(vm));
    builtins_create_data(vm, root, vm_atom(vm, ""), v);
    v = internalize(vm, root, vm_atom(vm, ""), ARG(1));
  }
  return v;
}

/* ==== Serializing ==== */

typedef struct JsonWriter {
  VM *vm;
  StrBuf out;
  Value replacer; /* a function, or undefined */
  Value property_list; /* an array of keys, or undefined */
  Value gap; /* the indent unit: a string, "" for compact output */
  int depth; /* how many gaps to indent the current line */
  Value stack; /* the objects being serialized, outermost first */
  Value stack_keys; /* the key each of them was reached by */
  size_t extra; /* at least how many bytes of out are beyond its UTF-16 length */
  /* Once the stack is deep, its objects are also in this open-addressed set (0: empty),
   * so that the cycle check stays constant-time: a scan of the stack made a structure
   * 40,000 levels deep quadratic. */
  Value *on_stack;
  uint32_t set_cap, set_count;
} JsonWriter;

enum { JSON_SET_FROM = 32 }; /* below this depth the stack is scanned */

static uint32_t set_slot(Value v, uint32_t cap) {
  return (uint32_t)(((uint64_t)v * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

static bool set_has(const JsonWriter *w, Value v) {
  for (uint32_t i = set_slot(v, w->set_cap); w->on_stack[i]; i = (i + 1) & (w->set_cap - 1))
    if (w->on_stack[i] == v) return true;
  return false;
}

static void set_insert(Value *slots, uint32_t cap, Value v) {
  uint32_t i = set_slot(v, cap);
  while (slots[i]) i = (i + 1) & (cap - 1);
  slots[i] = v;
}

/* Adds v, growing the set to keep it at most half full. */
static void set_add(JsonWriter *w, Value v) {
  if ((w->set_count + 1) * 2 > w->set_cap) {
    uint32_t cap = w->set_cap ? w->set_cap * 2 : 128;
    Value *slots = mem_calloc(cap, sizeof *slots);
    for (uint32_t i = 0; i < w->set_cap; i++)
      if (w->on_stack[i]) set_insert(slots, cap, w->on_stack[i]);
    free(w->on_stack);
    w->on_stack = slots, w->set_cap = cap;
  }
  set_insert(w->on_stack, w->set_cap, v);
  w->set_count++;
}

/* Removes v, shifting back the entries of its probe run (no tombstones). */
static void set_remove(JsonWriter *w, Value v) {
  uint32_t mask = w->set_cap - 1, i = set_slot(v, w->set_cap);
  while (w->on_stack[i] != v) i = (i + 1) & mask;
  w->on_stack[i] = 0;
  for (uint32_t j = (i + 1) & mask; w->on_stack[j]; j = (j + 1) & mask) {
    uint32_t home = set_slot(w->on_stack[j], w->set_cap);
    bool stays = i < j ? (home > i && home <= j) : (home > i || home <= j);
    if (stays) continue;
    w->on_stack[i] = w->on_stack[j], w->on_stack[j] = 0, i = j;
  }
  w->set_count--;
}

//> stdlib.json-quote
/* QuoteJSONString: the escapes JSON needs, and lone surrogates as \udXXX. False, with
 * node's RangeError thrown, if the output would pass the longest string. */
static bool quote(JsonWriter *w, Value s) {
  StrBuf *b = &w->out;
  uint32_t n = vm_string_length(s);
  if (b->len - w->extra + n + 2 > VM_STRING_MAX) { /* JSON text is ASCII but for strings */
    vm_throw_string_length(w->vm);
    return false;
  }
  sb_put_unit(b, '"');
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = vm_string_unit(s, i);
    const char *esc = c == '"'    ? "\\\""
                      : c == '\\' ? "\\\\"
                      : c == '\b' ? "\\b"
                      : c == '\f' ? "\\f"
                      : c == '\n' ? "\\n"
                      : c == '\r' ? "\\r"
                      : c == '\t' ? "\\t"
                                  : NULL;
    bool lead = c >= 0xD800 && c <= 0xDBFF, trail = c >= 0xDC00 && c <= 0xDFFF;
    bool paired = lead && i + 1 < n && vm_string_unit(s, i + 1) >= 0xDC00 &&
                  vm_string_unit(s, i + 1) <= 0xDFFF;
    char hex[8];
    if (esc) {
      sb_puts(b, esc);
    } else if (c < 0x20 || (trail) || (lead && !paired)) {
      snprintf(hex, sizeof hex, "\\u%04x", c);
      sb_puts(b, hex);
    } else {
      size_t at = b->len;
      sb_put_unit(b, c);
      if (paired) sb_put_unit(b, vm_string_unit(s, ++i));
      w->extra += (b->len - at) - (paired ? 2 : 1); /* UTF-8 takes more bytes than units */
    }
  }
  sb_put_unit(b, '"');
  return true;
}
//< stdlib.json-quote

static void newline_indent(JsonWriter *w) {
  if (vm_string_length(w->gap) == 0) return;
  sb_put_unit(&w->out, '\n');
  for (int i = 0; i < w->depth; i++) sb_put_js(&w->out, w->gap);
}

/* One "|     property 'k' -> object with constructor 'C'" style fragment. */
static void describe_link(VM *vm, StrBuf *b, Value holder, Value key) {
  char *k = vm_to_utf8(vm, key, NULL);
  char buf[64];
  if (vm_is_array(holder))
    snprintf(buf, sizeof buf, "index %s", k), sb_puts(b, buf);
  else
    sb_puts(b, "property '"), sb_put_js(b, key), sb_puts(b, "'");
  free(k);
}

static void describe_object(VM *vm, StrBuf *b, Value obj) {
  char *name = builtins_constructor_name(vm, obj);
  sb_puts(b, "object with constructor '");
  sb_puts(b, name ? name : "Object");
  sb_puts(b, "'");
  free(name);
}

/* TypeError: Converting circular structure to JSON, with V8's path to the cycle. */
static Value throw_circular(JsonWriter *w, uint32_t start, Value holder, Value key) {
  VM *vm = w->vm;
  StrBuf b = {0};
  sb_puts(&b, "Converting circular structure to JSON\n    --> starting at ");
  describe_object(vm, &b, vm_array_get_raw(w->stack, start));
  uint32_t top = vm_array_length(w->stack), links = top - start - 1;
  for (uint32_t j = start + 1; j < top; j++) {
    uint32_t nth = j - start - 1; /* V8 shows the first two links, "...", and the last */
    if (links > 3 && nth >= 2 && nth < links - 1) {
      if (nth == 2) sb_puts(&b, "\n    |     ...");
      continue;
    }
    sb_puts(&b, "\n    |     ");
    describe_link(vm, &b, vm_array_get_raw(w->stack, j - 1), vm_array_get_raw(w->stack_keys, j));
    sb_puts(&b, " -> ");
    describe_object(vm, &b, vm_array_get_raw(w->stack, j));
  }
  sb_puts(&b, "\n    --- ");
  describe_link(vm, &b, holder, key);
  sb_puts(&b, " closes the circle");
  int mark = vm_handle_mark(vm);
  Value msg = vm_handle_push(vm, sb_finish(vm, &b));
  Value error = vm_handle_push(vm, vm_error_new(vm, ERR_TYPE, msg, VALUE_UNDEFINED));
  vm_handle_reset(vm, mark);
  return value_is_exception(error) ? error : vm_throw(vm, error);
}

static int serialize_property(JsonWriter *w, Value holder, Value key);

/* Enter value (an object) for serialization; exception if it is already being entered. */
static Value push_stack(JsonWriter *w, Value value, Value holder, Value key) {
  uint32_t n = vm_array_length(w->stack);
  if (w->set_cap == 0 || set_has(w, value))
    for (uint32_t i = 0; i < n; i++)
      if (vm_array_get_raw(w->stack, i) == value) return throw_circular(w, i, holder, key);
  if (vm_stack_exhausted(w->vm)) return vm_throw_stack_overflow(w->vm); /* it recurses */
  if (n + 1 == JSON_SET_FROM) /* deep now: the set takes over from the scan */
    for (uint32_t i = 0; i < n; i++) set_add(w, vm_array_get_raw(w->stack, i));
  if (n + 1 >= JSON_SET_FROM) set_add(w, value);
  vm_array_push(w->vm, w->stack, value);
  vm_array_push(w->vm, w->stack_keys, key);
  w->depth++;
  return VALUE_TRUE;
}

static void pop_stack(JsonWriter *w) {
  if (w->set_cap) set_remove(w, vm_array_get_raw(w->stack, vm_array_length(w->stack) - 1));
  vm_array_set_length(w->vm, w->stack, vm_array_length(w->stack) - 1);
  vm_array_set_length(w->vm, w->stack_keys, vm_array_length(w->stack_keys) - 1);
  w->depth--;
}

static Value serialize_array(JsonWriter *w, Value value) {
  double len;
  if (!builtins_length_of(w->vm, value, &len)) return VALUE_EXCEPTION;
  sb_put_unit(&w->out, '[');
  int loop = vm_handle_mark(w->vm);
  for (double i = 0; i < len; i++, vm_handle_reset(w->vm, loop)) {
    if (i > 0) sb_put_unit(&w->out, ',');
    newline_indent(w);
    int r = serialize_property(w, value, vm_handle_push(w->vm, builtins_index_key(w->vm, i)));
    if (r < 0) return VALUE_EXCEPTION;
    if (r == 0) sb_puts(&w->out, "null");
  }
  w->depth--;
  if (len > 0) newline_indent(w);
  w->depth++;
  sb_put_unit(&w->out, ']');
  return VALUE_TRUE;
}

static Value serialize_object(JsonWriter *w, Value value) {
  VM *vm = w->vm;
  int mark = vm_handle_mark(vm);
  Value keys = vm_handle_push(vm, value_is_undefined(w->property_list)
                                      ? vm_own_property_keys(vm, value, VM_KEYS_STRINGS)
                                      : w->property_list);
  if (value_is_exception(keys)) return vm_handle_reset(vm, mark), keys;
  sb_put_unit(&w->out, '{');
  bool any = false;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    size_t rewind = w->out.len; /* cut back here if the value has no JSON form */
    if (any) sb_put_unit(&w->out, ',');
    newline_indent(w);
    Value key = vm_array_get_raw(keys, i);
    if (!quote(w, key)) return vm_handle_reset(vm, mark), VALUE_EXCEPTION;
    sb_puts(&w->out, vm_string_length(w->gap) ? ": " : ":");
    int r = serialize_property(w, value, key);
    if (r < 0) return vm_handle_reset(vm, mark), VALUE_EXCEPTION;
    if (r == 0) sb_truncate(&w->out, rewind);
    any = any || r > 0;
  }
  w->depth--;
  if (any) newline_indent(w);
  w->depth++;
  sb_put_unit(&w->out, '}');
  vm_handle_reset(vm, mark);
  return VALUE_TRUE;
}

/* toJSON, then the replacer function: SerializeJSONProperty's first steps. */
static Value transform(JsonWriter *w, Value holder, Value key, Value value) {
  VM *vm = w->vm;
  if (value_is_object(value)) {
    Value to_json = vm_get_str(vm, value, "toJSON");
    if (value_is_exception(to_json)) return to_json;
    if (vm_is_callable(to_json)) value = vm_call(vm, to_json, value, 1, &key);
    if (value_is_exception(value)) return value;
  }
  if (vm_is_callable(w->replacer)) {
    Value args[2] = {key, value};
    value = vm_call(vm, w->replacer, holder, 2, args);
  }
  return value;
}

/* Unwrap Number, String and Boolean objects to their primitives. A switch, not the class
 * table: each class is unwrapped differently (ToNumber and ToString may run code). */
static Value unwrap(VM *vm, Value v) {
  if (!value_is_object(v)) return v;
  switch (vm_object_class(v)) {
  case VM_CLASS_NUMBER: return vm_to_number(vm, v);
  case VM_CLASS_STRING: return vm_to_string(vm, v);
  case VM_CLASS_BOOLEAN: return vm_inner_value(v);
  default: return v;
  }
}

//> stdlib.json-serialize-property
/* SerializeJSONProperty: 1 if something was written, 0 if the value has no JSON form
 * (undefined, a function, a symbol), -1 on exception. */
static int serialize_property(JsonWriter *w, Value holder, Value key) {
  VM *vm = w->vm;
  int mark = vm_handle_mark(vm);
  Value v = vm_handle_push(vm, vm_get(vm, holder, key));
  if (!value_is_exception(v)) v = vm_handle_push(vm, transform(w, holder, key, v));
  if (!value_is_exception(v)) v = vm_handle_push(vm, unwrap(vm, v));
  int r = 1;
  if (value_is_exception(v))
    r = -1;
  else if (value_is_null(v))
    sb_puts(&w->out, "null");
  else if (value_is_bool(v))
    sb_puts(&w->out, v == VALUE_TRUE ? "true" : "false");
  else if (value_is_string(v))
    r = quote(w, v) ? 1 : -1;
  else if (value_is_number(v)) {
    char buf[40];
    double d = value_to_number(v);
    sb_puts(&w->out, isfinite(d) ? vm_number_to_cstr(d, buf) : "null");
  } else if (value_is_object(v) && !vm_is_callable(v)) {
    Value ok = push_stack(w, v, holder, key);
    Value array = value_is_exception(ok) ? ok : vm_is_array_checked(vm, v); /* sees proxies */
    if (!value_is_exception(array))
      ok = array == VALUE_TRUE ? serialize_array(w, v) : serialize_object(w, v);
    else
      ok = array;
    if (!value_is_exception(ok)) pop_stack(w);
    r = value_is_exception(ok) ? -1 : 1;
  } else {
    r = 0;
  }
  vm_handle_reset(vm, mark);
  return r;
}
//< stdlib.json-serialize-property

/* The replacer array as a deduplicated list of keys (strings and numbers). */
static Value property_list(VM *vm, Value replacer) {
  double n;
  if (!builtins_length_of(vm, replacer, &n)) return VALUE_EXCEPTION;
  int mark = vm_handle_mark(vm);
  Value list = vm_handle_push(vm, vm_array_new(vm));
  for (double i = 0; i < n; i++) {
    Value v = vm_handle_push(vm, builtins_get_index(vm, replacer, i));
    if (value_is_exception(v)) return vm_handle_reset(vm, mark), v;
    bool wrapper = value_is_object(v) &&
                   (vm_object_class(v) == VM_CLASS_STRING || vm_object_class(v) == VM_CLASS_NUMBER);
    if (!value_is_string(v) && !value_is_number(v) && !wrapper) continue;
    Value k = vm_handle_push(vm, vm_to_string(vm, v));
    if (value_is_exception(k)) return vm_handle_reset(vm, mark), k;
    bool seen = false;
    for (uint32_t j = 0; j < vm_array_length(list) && !seen; j++)
      seen = vm_strict_equals(vm_array_get_raw(list, j), k);
    if (!seen) vm_array_push(vm, list, k);
  }
  vm_handle_reset(vm, mark);
  return list;
}

/* The indent unit from the space argument: up to 10 spaces or 10 units of a string. */
static Value gap_of(VM *vm, Value space) {
  space = unwrap(vm, space);
  if (value_is_exception(space)) return space;
  if (value_is_number(space)) {
    double n = fmin(10, value_to_number(space));
    n = n >= 1 ? trunc(n) : 0;
    return vm_string_n(vm, "          ", (size_t)n);
  }
  if (value_is_string(space))
    return vm_string_slice(vm, space, 0,
                           vm_string_length(space) < 10 ? vm_string_length(space) : 10);
  return vm_atom(vm, "");
}

static Value json_stringify(VM *vm, Value this_value, int argc, Value *argv) {
  JsonWriter w = {.vm = vm, .replacer = VALUE_UNDEFINED, .property_list = VALUE_UNDEFINED};
  Value replacer = ARG(1), r = VALUE_TRUE;
  Value is_array = vm_is_callable(replacer) || !value_is_object(replacer)
                       ? VALUE_FALSE
                       : vm_is_array_checked(vm, replacer); /* a proxy's target decides */
  if (vm_is_callable(replacer))
    w.replacer = replacer;
  else if (is_array != VALUE_FALSE)
    r = w.property_list =
        vm_handle_push(vm, value_is_exception(is_array) ? is_array : property_list(vm, replacer));
  if (!value_is_exception(r)) r = w.gap = vm_handle_push(vm, gap_of(vm, ARG(2)));
  if (value_is_exception(r)) return r;
  w.stack = vm_handle_push(vm, vm_array_new(vm));
  w.stack_keys = vm_handle_push(vm, vm_array_new(vm));
  Value wrapper = vm_handle_push(vm, vm_object_new(vm));
  Value empty = vm_handle_push(vm, vm_atom(vm, ""));
  builtins_create_data(vm, wrapper, empty, ARG(0));
  int written = serialize_property(&w, wrapper, empty);
  free(w.on_stack);
  if (written <= 0) return sb_free(&w.out), written < 0 ? VALUE_EXCEPTION : VALUE_UNDEFINED;
  return sb_finish(vm, &w.out);
}

static const VMPropDef json_props[] = {
    VM_FN("parse", json_parse, 2),
    VM_FN("stringify", json_stringify, 3),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "JSON", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

static const VMPropDef json_globals[] = {
    VM_OBJECT("JSON", json_props, VM_ATTR_HIDDEN),
    VM_PROPS_END,
};

void builtins_install_json(VM *vm) { vm_define_props(vm, vm_global(vm), json_globals); }

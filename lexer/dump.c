/* dump.c - `tinynode --dump-tokens`: the token stream of a file, one token per line.
 * Book: chapter 1, "Scanning".
 *
 * Entry point: lex_dump_tokens. The format is documented in lexer/README.md. Without a
 * parser to ask, a `/` is taken as the start of a regular expression wherever the
 * previous token cannot end an expression (the classic heuristic).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "lexer/lexer.h"

/* ==== A throwaway arena for token values ==== */

typedef struct Chunk {
  struct Chunk *next;
  size_t used, size;
  _Alignas(16) unsigned char data[];
} Chunk;

static void *chunk_alloc(void *ctx, size_t size) {
  Chunk **head = ctx;
  size = (size + 15) & ~(size_t)15;
  if (!*head || (*head)->size - (*head)->used < size) {
    size_t cap = size > 65536 ? size : 65536;
    Chunk *c = mem_calloc(1, sizeof(Chunk) + cap);
    c->size = cap;
    c->next = *head;
    *head = c;
  }
  void *p = (*head)->data + (*head)->used;
  (*head)->used += size;
  return p;
}

static void free_chunks(Chunk *c) {
  while (c) {
    Chunk *next = c->next;
    free(c);
    c = next;
  }
}

/* ==== Printing ==== */

/* Prints text with line breaks, tabs and other control characters escaped. */
static void print_source_text(FILE *out, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') fputs("\\n", out);
    else if (c == '\r') fputs("\\r", out);
    else if (c == '\t') fputs("\\t", out);
    else if (c < 0x20 || c == 0x7F) fprintf(out, "\\x%02X", c);
    else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9))
      fprintf(out, "\\u%04X", 0x2000 + (unsigned char)s[(i += 2)] - 0x80); /* U+2028/9 */
    else fputc(c, out);
  }
}

/* Prints a UTF-16 value in double quotes, JSON style; lone surrogates as \uXXXX. */
static void print_units(FILE *out, LexString s) {
  fputc('"', out);
  for (uint32_t i = 0; i < s.length; i++) {
    uint32_t u = s.units[i];
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.length && s.units[i + 1] >= 0xDC00 &&
        s.units[i + 1] <= 0xDFFF)
      u = 0x10000 + ((u - 0xD800) << 10) + (s.units[++i] - 0xDC00);
    if (u == '"' || u == '\\') fprintf(out, "\\%c", (char)u);
    else if (u == '\n') fputs("\\n", out);
    else if (u == '\t') fputs("\\t", out);
    else if (u < 0x20 || u == 0x7F || (u >= 0xD800 && u <= 0xDFFF) || u == 0x2028 || u == 0x2029)
      fprintf(out, "\\u%04X", u);
    else if (u < 0x80) fputc((int)u, out);
    else {
      char buf[4];
      int len = u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
      for (int k = len - 1; k > 0; k--, u >>= 6) buf[k] = (char)(0x80 | (u & 0x3F));
      buf[0] = (char)(len == 2 ? 0xC0 | u : len == 3 ? 0xE0 | u : 0xF0 | u);
      fwrite(buf, 1, (size_t)len, out);
    }
  }
  fputc('"', out);
}

/* The shortest digits that read back as v, placed the way JavaScript prints numbers:
 * plain notation while the decimal exponent is from -7 to 20, otherwise d.ddde+x. */
char *lex_format_number(double v, char *buf, size_t size) {
  if (v != v) return snprintf(buf, size, "NaN"), buf;
  if (v == 0) return snprintf(buf, size, "0"), buf;
  if (isinf(v)) return snprintf(buf, size, "%sInfinity", v < 0 ? "-" : ""), buf;
  char sci[40], digits[24], out[64];
  for (int precision = 0; precision <= 16; precision++) { /* "d.ddde+XX" */
    snprintf(sci, sizeof sci, "%.*e", precision, fabs(v));
    if (strtod(sci, NULL) == fabs(v)) break;
  }
  int n = 0, e = atoi(strchr(sci, 'e') + 1), k = 0;
  for (const char *c = sci; *c != 'e'; c++)
    if (*c != '.') digits[n++] = *c;
  while (n > 1 && digits[n - 1] == '0') n--;
  if (v < 0) out[k++] = '-';
  if (e >= 0 && e < 21) { /* 123, 1.5, 100000 */
    for (int i = 0; i < n || i <= e; i++) {
      if (i == e + 1) out[k++] = '.';
      out[k++] = i < n ? digits[i] : '0';
    }
  } else if (e < 0 && e >= -6) { /* 0.000123 */
    out[k++] = '0', out[k++] = '.';
    for (int i = 0; i < -e - 1; i++) out[k++] = '0';
    for (int i = 0; i < n; i++) out[k++] = digits[i];
  } else { /* 1.5e+21, 1e-7 */
    out[k++] = digits[0];
    if (n > 1) out[k++] = '.';
    for (int i = 1; i < n; i++) out[k++] = digits[i];
    k += snprintf(out + k, sizeof out - (size_t)k, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  }
  out[k] = '\0';
  snprintf(buf, size, "%s", out);
  return buf;
}

/* The decoded value, for the tokens whose value is not plain to see in their text. */
static void print_value(FILE *out, const char *src, const Token *t) {
  switch (t->kind) {
  case TOK_NUMBER: {
    char buf[40];
    lex_format_number(t->number, buf, sizeof buf);
    if (strlen(buf) != t->end - t->start || memcmp(buf, src + t->start, strlen(buf)) != 0)
      fprintf(out, " = %s", buf);
    break;
  }
  case TOK_STRING: fputs(" = ", out); print_units(out, t->string); break;
  case TOK_TEMPLATE: case TOK_TEMPLATE_HEAD: case TOK_TEMPLATE_MIDDLE: case TOK_TEMPLATE_TAIL:
    fputs(" = ", out);
    if (t->flags & TOKF_BAD_ESCAPE) fputs("(invalid escape: undefined)", out);
    else print_units(out, t->string);
    break;
  case TOK_IDENTIFIER:
    if (t->flags & TOKF_ESCAPED) fprintf(out, " = %s", t->name);
    break;
  default: break;
  }
}

/* After these a `/` divides; elsewhere it starts a regular expression. */
static bool ends_expression(TokenKind k) {
  return k == TOK_IDENTIFIER || k == TOK_NUMBER || k == TOK_STRING || k == TOK_REGEXP ||
         k == TOK_TEMPLATE || k == TOK_TEMPLATE_TAIL || k == TOK_RPAREN || k == TOK_RBRACKET ||
         k == TOK_RBRACE || k == TOK_THIS || k == TOK_SUPER || k == TOK_NULL || k == TOK_TRUE ||
         k == TOK_FALSE || k == TOK_PLUS_PLUS || k == TOK_MINUS_MINUS;
}

int lex_dump_tokens(const char *src, size_t length, FILE *out, Token *error) {
  Chunk *arena = NULL;
  Lexer lx;
  Token t;
  TokenKind previous = TOK_EOF;
  lex_init(&lx, src, length, chunk_alloc, &arena);
  for (;;) {
    TokenKind k = lex_next(&lx, &t);
    if ((k == TOK_SLASH || k == TOK_SLASH_ASSIGN) && !ends_expression(previous))
      k = lex_rescan_regexp(&lx, &t);
    if (k == TOK_ERROR) break;
    fprintf(out, "%d:%d %s ", t.line, t.column, lex_kind_name(k));
    print_source_text(out, src + t.start, t.end - t.start);
    print_value(out, src, &t);
    if (t.flags & TOKF_NEWLINE_BEFORE) fputs("  [newline before]", out);
    fputc('\n', out);
    if (k == TOK_EOF) break;
    previous = k;
  }
  free_chunks(arena);
  if (t.kind != TOK_ERROR) return 0;
  if (error) *error = t;
  return 1;
}

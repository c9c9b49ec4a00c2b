/* lexer.c - the scanner's core: the cursor, whitespace and comments, identifiers and
 * reserved words, punctuators, and lex_next, which hands out one token at a time.
 * Book: chapter 1, "Scanning".
 *
 * Entry points: lex_init, lex_next. Literals (numbers, strings, templates, regular
 * expressions) are scanned by lexer/literals.c; --dump-tokens lives in lexer/dump.c.
 */
#include <string.h>

#include "lexer/internal.h"
#include "lexer/lexer.h"

/* ==== Token kind names ==== */

#define TN_TOKEN_TEXT(name, text) text,
#define TN_TOKEN_NAME(name, text) #name,
static const char *const kind_texts[] = {TOKEN_LIST(TN_TOKEN_TEXT)};
static const char *const kind_names[] = {TOKEN_LIST(TN_TOKEN_NAME)};

const char *lex_kind_text(TokenKind kind) {
  return (unsigned)kind < TOK_KIND_COUNT ? kind_texts[kind] : "<bad token>";
}

const char *lex_kind_name(TokenKind kind) {
  return (unsigned)kind < TOK_KIND_COUNT ? kind_names[kind] : "BAD";
}

/* ==== UTF-8 and the cursor ==== */

uint32_t lex_decode_utf8(const char *s, uint32_t avail, uint32_t *size) {
  const unsigned char *u = (const unsigned char *)s;
  int n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
  *size = 1;
  if (u[0] < 0x80) return u[0];
  if (n == 1 || u[0] > 0xF4 || (uint32_t)n > avail) return 0xFFFD;
  uint32_t cp = u[0] & (0x7F >> n);
  for (int i = 1; i < n; i++) {
    if ((u[i] & 0xC0) != 0x80) return 0xFFFD;
    cp = cp << 6 | (u[i] & 0x3F);
  }
  /* Overlong forms, surrogates and values past U+10FFFF are malformed. */
  static const uint32_t min_for_length[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *size = (uint32_t)n;
  return cp;
}

int lex_encode_utf8(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | cp >> 6);
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | cp >> 18);
  out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
  out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

int32_t lex_peek_cp(const Lexer *lx, uint32_t *size) {
  *size = 0;
  if (lx->pos >= lx->length) return -1;
  return (int32_t)lex_decode_utf8(lx->src + lx->pos, lx->length - lx->pos, size);
}

//> lexer.advance
/* Columns count UTF-16 code units, as V8 does: a code point above U+FFFF is two. */
void lex_advance_cp(Lexer *lx) {
  uint32_t size;
  int32_t cp = lex_peek_cp(lx, &size);
  if (cp < 0) return;
  lx->pos += size;
  if (cp == '\r' && lex_peek(lx, 0) == '\n') lx->pos++; /* CRLF is one line break */
  if (lex_is_line_terminator((uint32_t)cp)) {
    lx->line++;
    lx->column = 1;
  } else {
    lx->column += cp >= 0x10000 ? 2 : 1;
  }
}
//< lexer.advance

int lex_utf16_length(const char *s, size_t n) {
  int units = 0;
  for (size_t i = 0; i < n;) {
    uint32_t size;
    uint32_t cp = lex_decode_utf8(s + i, (uint32_t)(n - i), &size);
    units += cp >= 0x10000 ? 2 : 1;
    i += size;
  }
  return units;
}

void *lex_alloc(Lexer *lx, size_t size) { return lx->alloc(lx->alloc_ctx, size); }

/* ==== Errors ==== */

TokenKind lex_error(Token *tok, const char *message, int line, int column, int length) {
  tok->kind = TOK_ERROR;
  tok->message = message;
  tok->error_line = line;
  tok->error_column = column;
  tok->error_length = length;
  return TOK_ERROR;
}

/* V8's ranges may reach past the end of the source (`\u12` at the end claims six
 * characters); those count one unit per missing byte, and then Node prints no caret line. */
TokenKind lex_error_range(Lexer *lx, Token *tok, const char *message, uint32_t from,
                          int column, uint32_t to) {
  uint32_t in_source = to < lx->length ? to : lx->length;
  int length = in_source > from ? lex_utf16_length(lx->src + from, in_source - from) : 0;
  if (to > in_source) length += (int)(to - in_source);
  return lex_error(tok, message, lx->line, column, length);
}

/* ==== Setup ==== */

void lex_init(Lexer *lx, const char *src, size_t length, LexAllocFn alloc, void *alloc_ctx) {
  memset(lx, 0, sizeof *lx);
  lx->src = src;
  lx->length = (uint32_t)length;
  lx->line = 1;
  lx->column = 1;
  lx->alloc = alloc;
  lx->alloc_ctx = alloc_ctx;
  /* A hashbang line (`#!/usr/bin/env node`) is a comment, but only at the very start. */
  if (length >= 2 && src[0] == '#' && src[1] == '!') {
    uint32_t size;
    int32_t cp;
    while ((cp = lex_peek_cp(lx, &size)) >= 0 && !lex_is_line_terminator((uint32_t)cp))
      lex_advance_cp(lx);
  }
}

/* ==== Whitespace and comments ==== */

/* Unicode "Zs" spaces and the other whitespace code points above ASCII. */
static bool is_unicode_space(int32_t cp) {
  return cp == 0xA0 || cp == 0xFEFF || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Consumes the rest of the line, not the line terminator. */
static void skip_line_comment(Lexer *lx) {
  uint32_t size;
  int32_t cp;
  while ((cp = lex_peek_cp(lx, &size)) >= 0 && !lex_is_line_terminator((uint32_t)cp))
    lex_advance_cp(lx);
}

/* The cursor is on "/ *". Returns false (with tok set) when the comment never ends. */
static bool skip_block_comment(Lexer *lx, Token *tok) {
  uint32_t start = lx->pos;
  int line = lx->line, column = lx->column;
  lx->pos += 2;
  lx->column += 2;
  for (;;) {
    int c = lex_peek(lx, 0);
    if (c < 0) {
      int length = lex_utf16_length(lx->src + start, lx->pos - start);
      lex_error(tok, "Invalid or unexpected token", line, column, length);
      return false;
    }
    if (c == '*' && lex_peek(lx, 1) == '/') break;
    if (c == '\n' || c == '\r' || c >= 0x80) {
      int before = lx->line;
      lex_advance_cp(lx);
      if (lx->line != before) lx->newline = true; /* a multi-line comment ends a line */
    } else {
      lex_skip(lx);
    }
  }
  lx->pos += 2;
  lx->column += 2;
  return true;
}

//> lexer.skip-trivia
/* Skips whitespace, line terminators and comments before a token, noting in lx->newline
 * whether a line ended (automatic semicolon insertion needs to know). Returns false on an
 * unterminated comment, with tok set to the error. */
static bool skip_trivia(Lexer *lx, Token *tok) {
  for (;;) {
    int c = lex_peek(lx, 0);
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
      lex_skip(lx);
    } else if (c == '\n' || c == '\r') {
      lex_advance_cp(lx);
      lx->newline = true;
    } else if (c == '/' && lex_peek(lx, 1) == '/') {
      skip_line_comment(lx);
    } else if (c == '/' && lex_peek(lx, 1) == '*') {
      if (!skip_block_comment(lx, tok)) return false;
    } else if (c == '<' && lex_peek(lx, 1) == '!' && lex_peek(lx, 2) == '-' &&
               lex_peek(lx, 3) == '-') {
      skip_line_comment(lx); /* <!-- is an HTML-like comment in scripts (Annex B) */
    } else if (c == '-' && lex_peek(lx, 1) == '-' && lex_peek(lx, 2) == '>' &&
               (lx->newline || !lx->seen_token)) {
      skip_line_comment(lx); /* so is --> at the start of a line */
    } else if (c >= 0x80) {
      uint32_t size;
      int32_t cp = lex_peek_cp(lx, &size);
      if (cp == 0x2028 || cp == 0x2029) lx->newline = true;
      else if (!is_unicode_space(cp)) return true;
      lex_advance_cp(lx);
    } else {
      return true;
    }
  }
}
//< lexer.skip-trivia

/* ==== Identifiers and reserved words ==== */

TokenKind lex_keyword(const char *name, size_t len) {
  if (len < 2 || len > 10 || name[0] < 'b' || name[0] > 'w') return TOK_IDENTIFIER;
  for (int k = TOK_FIRST_KEYWORD; k <= TOK_LAST_KEYWORD; k++) {
    const char *text = kind_texts[k];
    if (text[0] == name[0] && strlen(text) == len && memcmp(text, name, len) == 0)
      return (TokenKind)k;
  }
  return TOK_IDENTIFIER;
}

bool lex_is_strict_reserved(const char *name) {
  static const char *const words[] = {"implements", "interface", "let",    "package", "private",
                                      "protected",  "public",    "static", "yield"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strcmp(name, words[i]) == 0) return true;
  return false;
}

static bool is_ascii_id_part(int c) { return lex_is_ascii_id_start(c) || lex_is_digit(c); }

/* Reads the identifier character at the cursor, decoding a \u escape. Returns the code
 * point, or -1 when the cursor is not on one (-2 after an error set in tok). */
static int32_t read_id_char(Lexer *lx, Token *tok, bool first) {
  uint32_t size;
  int32_t cp = lex_peek_cp(lx, &size);
  if (cp == '\\') {
    uint32_t at = lx->pos;
    cp = lex_peek(lx, 1) == 'u' ? lex_unicode_escape(lx, tok) : -3;
    if (cp == -2) return -2;
    uint32_t after = cp == -3 ? at + 1 : lx->pos;
    bool ok = cp >= 0 && (cp < 0x80 ? (first ? lex_is_ascii_id_start(cp) : is_ascii_id_part(cp))
                                    : (first ? lex_is_id_start((uint32_t)cp)
                                             : lex_is_id_continue((uint32_t)cp)));
    if (ok) {
      tok->flags |= TOKF_ESCAPED;
      return cp;
    }
    /* Not an identifier character: the whole token so far is illegal. */
    lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column, after);
    return -2;
  }
  if (cp < 0) return -1;
  bool ok = cp < 0x80 ? (first ? lex_is_ascii_id_start(cp) : is_ascii_id_part(cp))
                      : (first ? lex_is_id_start((uint32_t)cp)
                               : lex_is_id_continue((uint32_t)cp));
  if (!ok) return -1;
  lex_advance_cp(lx);
  return cp;
}

/* The general case: escapes or non-ASCII letters. The name is re-encoded as UTF-8 into a
 * buffer that grows in the arena (the arena cannot shrink; identifiers are short). */
static TokenKind scan_identifier_slow(Lexer *lx, Token *tok) {
  size_t cap = 64, len = 0;
  char *buf = lex_alloc(lx, cap);
  for (bool first = true;; first = false) {
    int32_t cp = read_id_char(lx, tok, first);
    if (cp == -2) return TOK_ERROR;
    if (cp == -1) break;
    if (len + 5 > cap) {
      char *bigger = lex_alloc(lx, cap * 2);
      memcpy(bigger, buf, len);
      buf = bigger;
      cap *= 2;
    }
    len += (size_t)lex_encode_utf8((uint32_t)cp, buf + len);
  }
  if (len == 0) { /* a lone backslash or a character that cannot start a name */
    lex_advance_cp(lx);
    return lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column,
                           lx->pos);
  }
  buf[len] = '\0';
  tok->name = buf;
  /* A reserved word spelled with escapes stays an identifier; the parser rejects it
   * where a reserved word would be read ("Keyword must not contain escaped characters"). */
  TokenKind k = tok->flags & TOKF_ESCAPED ? TOK_IDENTIFIER : lex_keyword(buf, len);
  tok->kind = k;
  return k;
}

//> lexer.identifier
/* IdentifierName: the fast path copies a run of ASCII letters, digits, $ and _, then looks
 * it up among the reserved words. Escapes and other scripts take the slow path. */
static TokenKind scan_identifier(Lexer *lx, Token *tok) {
  uint32_t end = lx->pos;
  while (end < lx->length && is_ascii_id_part((unsigned char)lx->src[end])) end++;
  if (end < lx->length && (lx->src[end] == '\\' || (unsigned char)lx->src[end] >= 0x80))
    return scan_identifier_slow(lx, tok);
  uint32_t len = end - lx->pos;
  char *name = lex_alloc(lx, len + 1);
  memcpy(name, lx->src + lx->pos, len);
  lx->column += (int)len;
  lx->pos = end;
  tok->name = name;
  tok->kind = lex_keyword(name, len);
  return tok->kind;
}
//< lexer.identifier

/* #name: a private class member. The parser reports that tinynode lacks them. */
static TokenKind scan_private_name(Lexer *lx, Token *tok) {
  lex_skip(lx);
  Token inner = *tok;
  uint32_t size;
  int32_t cp = lex_peek_cp(lx, &size);
  bool starts = cp == '\\' || (cp >= 0 && (cp < 0x80 ? lex_is_ascii_id_start(cp)
                                                      : lex_is_id_start((uint32_t)cp)));
  if (!starts || scan_identifier(lx, &inner) == TOK_ERROR)
    return lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column,
                           tok->start + 1);
  tok->name = inner.name;
  return tok->kind = TOK_PRIVATE_NAME;
}

/* ==== Punctuators ==== */

static TokenKind take(Lexer *lx, Token *tok, int n, TokenKind kind) {
  lx->pos += (uint32_t)n;
  lx->column += n;
  return tok->kind = kind;
}

/* The operators that extend with '=': op, op=, and for doubled ones op op and op op =. */
static TokenKind scan_compound(Lexer *lx, Token *tok, int c) {
  int c1 = lex_peek(lx, 1), c2 = lex_peek(lx, 2);
  switch (c) {
  case '+': return c1 == '+' ? take(lx, tok, 2, TOK_PLUS_PLUS)
                 : c1 == '=' ? take(lx, tok, 2, TOK_PLUS_ASSIGN) : take(lx, tok, 1, TOK_PLUS);
  case '-': return c1 == '-' ? take(lx, tok, 2, TOK_MINUS_MINUS)
                 : c1 == '=' ? take(lx, tok, 2, TOK_MINUS_ASSIGN) : take(lx, tok, 1, TOK_MINUS);
  case '*':
    if (c1 == '*') return c2 == '=' ? take(lx, tok, 3, TOK_STAR_STAR_ASSIGN)
                                    : take(lx, tok, 2, TOK_STAR_STAR);
    return c1 == '=' ? take(lx, tok, 2, TOK_STAR_ASSIGN) : take(lx, tok, 1, TOK_STAR);
  case '/': return c1 == '=' ? take(lx, tok, 2, TOK_SLASH_ASSIGN) : take(lx, tok, 1, TOK_SLASH);
  case '%':
    return c1 == '=' ? take(lx, tok, 2, TOK_PERCENT_ASSIGN) : take(lx, tok, 1, TOK_PERCENT);
  case '^': return c1 == '=' ? take(lx, tok, 2, TOK_CARET_ASSIGN) : take(lx, tok, 1, TOK_CARET);
  case '&':
    if (c1 == '&') return c2 == '=' ? take(lx, tok, 3, TOK_AND_AND_ASSIGN)
                                    : take(lx, tok, 2, TOK_AND_AND);
    return c1 == '=' ? take(lx, tok, 2, TOK_AMP_ASSIGN) : take(lx, tok, 1, TOK_AMP);
  case '|':
    if (c1 == '|') return c2 == '=' ? take(lx, tok, 3, TOK_OR_OR_ASSIGN)
                                    : take(lx, tok, 2, TOK_OR_OR);
    return c1 == '=' ? take(lx, tok, 2, TOK_PIPE_ASSIGN) : take(lx, tok, 1, TOK_PIPE);
  }
  return TOK_ERROR;
}

//> lexer.punctuator
/* Punctuators by maximal munch: the longest operator that matches wins, so `>>>=` is
 * one token, not `>>` followed by `>=`. */
static TokenKind scan_punctuator(Lexer *lx, Token *tok, int c) {
  int c1 = lex_peek(lx, 1), c2 = lex_peek(lx, 2), c3 = lex_peek(lx, 3);
  switch (c) {
  case '.':
    return c1 == '.' && c2 == '.' ? take(lx, tok, 3, TOK_ELLIPSIS) : take(lx, tok, 1, TOK_DOT);
  case '<':
    if (c1 == '<') return c2 == '=' ? take(lx, tok, 3, TOK_LSHIFT_ASSIGN)
                                    : take(lx, tok, 2, TOK_LSHIFT);
    return c1 == '=' ? take(lx, tok, 2, TOK_LE) : take(lx, tok, 1, TOK_LT);
  case '>':
    if (c1 == '>' && c2 == '>') return c3 == '=' ? take(lx, tok, 4, TOK_URSHIFT_ASSIGN)
                                                 : take(lx, tok, 3, TOK_URSHIFT);
    if (c1 == '>') return c2 == '=' ? take(lx, tok, 3, TOK_RSHIFT_ASSIGN)
                                    : take(lx, tok, 2, TOK_RSHIFT);
    return c1 == '=' ? take(lx, tok, 2, TOK_GE) : take(lx, tok, 1, TOK_GT);
  case '=':
    if (c1 == '=') return c2 == '=' ? take(lx, tok, 3, TOK_STRICT_EQ) : take(lx, tok, 2, TOK_EQ);
    return c1 == '>' ? take(lx, tok, 2, TOK_ARROW) : take(lx, tok, 1, TOK_ASSIGN);
  case '!':
    if (c1 == '=') return c2 == '=' ? take(lx, tok, 3, TOK_STRICT_NE) : take(lx, tok, 2, TOK_NE);
    return take(lx, tok, 1, TOK_BANG);
  case '?':
    if (c1 == '?') return c2 == '=' ? take(lx, tok, 3, TOK_QUESTION_QUESTION_ASSIGN)
                                    : take(lx, tok, 2, TOK_QUESTION_QUESTION);
    /* `a?.5:b` is a conditional: `?.` followed by a digit is `?` then `.5`. */
    if (c1 == '.' && !lex_is_digit(c2)) return take(lx, tok, 2, TOK_QUESTION_DOT);
    return take(lx, tok, 1, TOK_QUESTION);
  case '{': return take(lx, tok, 1, TOK_LBRACE);
  case '}': return take(lx, tok, 1, TOK_RBRACE);
  case '(': return take(lx, tok, 1, TOK_LPAREN);
  case ')': return take(lx, tok, 1, TOK_RPAREN);
  case '[': return take(lx, tok, 1, TOK_LBRACKET);
  case ']': return take(lx, tok, 1, TOK_RBRACKET);
  case ';': return take(lx, tok, 1, TOK_SEMICOLON);
  case ',': return take(lx, tok, 1, TOK_COMMA);
  case ':': return take(lx, tok, 1, TOK_COLON);
  case '~': return take(lx, tok, 1, TOK_TILDE);
  }
  return scan_compound(lx, tok, c);
}
//< lexer.punctuator

/* ==== The next token ==== */

static const LexSubstitution *substitution(Lexer *lx, const LexSubstitution *outer,
                                           uint32_t braces) {
  LexSubstitution *s = lex_alloc(lx, sizeof *s);
  *s = (LexSubstitution){outer, braces};
  return s;
}

//> lexer.template-braces
/* Braces decide where a template substitution ends: `${ {a: 1}.a }` closes at the second
 * `}`. Only braces opened inside a substitution are counted. The count lives in a new
 * node each time, never in place, because a copy of the lexer (lookahead) shares it. */
static TokenKind scan_brace(Lexer *lx, Token *tok, int c) {
  const LexSubstitution *s = lx->substitution;
  if (c == '{') {
    if (s) lx->substitution = substitution(lx, s->outer, s->braces + 1);
    return take(lx, tok, 1, TOK_LBRACE);
  }
  if (s && s->braces == 0) {
    lex_skip(lx); /* the `}` that ends `${ ... }`: the template continues */
    TokenKind k = lex_scan_template(lx, tok, false);
    if (k == TOK_TEMPLATE_TAIL) lx->substitution = s->outer;
    return k;
  }
  if (s) lx->substitution = substitution(lx, s->outer, s->braces - 1);
  return take(lx, tok, 1, TOK_RBRACE);
}
//< lexer.template-braces

static TokenKind scan_template_start(Lexer *lx, Token *tok) {
  lex_skip(lx);
  TokenKind k = lex_scan_template(lx, tok, true);
  if (k == TOK_TEMPLATE_HEAD) lx->substitution = substitution(lx, lx->substitution, 0);
  return k;
}

/* Dispatches on the first character of the token. */
static TokenKind scan_token(Lexer *lx, Token *tok) {
  int c = lex_peek(lx, 0);
  if (c < 0) return tok->kind = TOK_EOF;
  if (lex_is_ascii_id_start(c) || c == '\\') return scan_identifier(lx, tok);
  if (lex_is_digit(c) || (c == '.' && lex_is_digit(lex_peek(lx, 1))))
    return lex_scan_number(lx, tok);
  if (c == '"' || c == '\'') return lex_scan_string(lx, tok);
  if (c == '`') return scan_template_start(lx, tok);
  if (c == '{' || c == '}') return scan_brace(lx, tok, c);
  if (c == '#') return scan_private_name(lx, tok);
  if (c >= 0x80) {
    uint32_t size;
    int32_t cp = lex_peek_cp(lx, &size);
    if (lex_is_id_start((uint32_t)cp)) return scan_identifier(lx, tok);
  }
  TokenKind k = scan_punctuator(lx, tok, c);
  if (k != TOK_ERROR) return k;
  lex_advance_cp(lx); /* `@`, a stray control character, a symbol from another script */
  return lex_error_range(lx, tok, "Invalid or unexpected token", tok->start, tok->column,
                         lx->pos);
}

//> lexer.next-token
TokenKind lex_next(Lexer *lx, Token *tok) {
  memset(tok, 0, sizeof *tok);
  bool ok = skip_trivia(lx, tok);
  tok->start = lx->pos;
  tok->line = lx->line;
  tok->column = lx->column;
  if (lx->newline) tok->flags |= TOKF_NEWLINE_BEFORE;
  lx->newline = false;
  lx->seen_token = true;
  TokenKind k = ok ? scan_token(lx, tok) : TOK_ERROR;
  tok->kind = k;
  tok->end = lx->pos;
  return k;
}
//< lexer.next-token

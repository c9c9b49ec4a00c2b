/* internal.h - helpers shared by the files of lexer/ only (never included elsewhere).
 * Book: chapter 1, "Scanning".
 *
 * The cursor: peeking at and consuming characters while keeping line and column
 * (in UTF-16 units) up to date, UTF-8 decoding, and the scanners of lexer/literals.c.
 */
#ifndef TN_LEXER_INTERNAL_H
#define TN_LEXER_INTERNAL_H

#include "lexer/lexer.h"

/* The byte `ahead` bytes past the cursor, or -1 past the end. */
static inline int lex_peek(const Lexer *lx, uint32_t ahead) {
  uint32_t at = lx->pos + ahead;
  return at < lx->length ? (unsigned char)lx->src[at] : -1;
}

/* Consumes one ASCII character that is not a line terminator. */
static inline void lex_skip(Lexer *lx) {
  lx->pos++;
  lx->column++;
}

static inline bool lex_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool lex_is_ascii_id_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
}
static inline int lex_hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
static inline bool lex_is_line_terminator(uint32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
}

/* Decodes the UTF-8 sequence at s (avail bytes left) and stores its size in *size.
 * Malformed input decodes as U+FFFD, one byte at a time. */
uint32_t lex_decode_utf8(const char *s, uint32_t avail, uint32_t *size);
/* The code point at the cursor (its byte count in *size), or -1 at the end. */
int32_t lex_peek_cp(const Lexer *lx, uint32_t *size);
/* Consumes the code point at the cursor, counting lines (CRLF is one terminator). */
void lex_advance_cp(Lexer *lx);

/* Arena memory for token values. */
void *lex_alloc(Lexer *lx, size_t size);

/* Turns tok into a TOK_ERROR with a static message covering [offset, offset + length)
 * on the given line and column. Returns TOK_ERROR. */
TokenKind lex_error(Token *tok, const char *message, int line, int column, int length);
/* The same, for a range of the current line starting at byte offset `from` (whose column
 * is `column`) and ending at byte offset `to`. */
TokenKind lex_error_range(Lexer *lx, Token *tok, const char *message, uint32_t from,
                          int column, uint32_t to);

/* The cursor is on `\u`: reads \uXXXX or \u{X...}. Returns the code point, or -2 after
 * setting tok to "Invalid Unicode escape sequence" / "Undefined Unicode code-point". */
int32_t lex_unicode_escape(Lexer *lx, Token *tok);

/* Scanners for literals (lexer/literals.c). Each starts with the cursor on the literal's
 * first character and tok->start, line, column set. */
TokenKind lex_scan_number(Lexer *lx, Token *tok);
TokenKind lex_scan_string(Lexer *lx, Token *tok);
/* A template piece: the cursor is after the opening "`" (first) or the closing "}" of a
 * substitution (continuation). */
TokenKind lex_scan_template(Lexer *lx, Token *tok, bool first);

#endif

/* lexer.h - the scanner: JavaScript source text (UTF-8) -> tokens, one at a time.
 * Book: chapter 1, "Scanning".
 *
 * Entry points: lex_init, then lex_next for each token. The parser decides when a `/`
 * starts a regular expression and calls lex_rescan_regexp. lex_dump_tokens prints the
 * token stream for `tinynode --dump-tokens`. This stage includes nothing of ours.
 */
#ifndef TN_LEXER_H
#define TN_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

//> lexer.token-list
/* Every token kind, once: X(NAME, "text"). The text is the punctuator or keyword itself,
 * or a description in angle brackets for the kinds whose text varies. */
#define TOKEN_LIST(X)                                                                        \
  X(EOF, "<end>") X(ERROR, "<error>") X(IDENTIFIER, "<identifier>") X(NUMBER, "<number>")   \
  X(STRING, "<string>") X(TEMPLATE, "<template>") X(TEMPLATE_HEAD, "<template head>")       \
  X(TEMPLATE_MIDDLE, "<template middle>") X(TEMPLATE_TAIL, "<template tail>")               \
  X(REGEXP, "<regexp>") X(PRIVATE_NAME, "<#name>")                                          \
  /* punctuators */                                                                         \
  X(LBRACE, "{") X(RBRACE, "}") X(LPAREN, "(") X(RPAREN, ")") X(LBRACKET, "[")             \
  X(RBRACKET, "]") X(DOT, ".") X(ELLIPSIS, "...") X(SEMICOLON, ";") X(COMMA, ",")          \
  X(LT, "<") X(GT, ">") X(LE, "<=") X(GE, ">=") X(EQ, "==") X(NE, "!=")                    \
  X(STRICT_EQ, "===") X(STRICT_NE, "!==") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")          \
  X(SLASH, "/") X(PERCENT, "%") X(STAR_STAR, "**") X(PLUS_PLUS, "++") X(MINUS_MINUS, "--") \
  X(LSHIFT, "<<") X(RSHIFT, ">>") X(URSHIFT, ">>>") X(AMP, "&") X(PIPE, "|")               \
  X(CARET, "^") X(BANG, "!") X(TILDE, "~") X(AND_AND, "&&") X(OR_OR, "||")                 \
  X(QUESTION_QUESTION, "??") X(QUESTION, "?") X(QUESTION_DOT, "?.") X(COLON, ":")          \
  X(ASSIGN, "=") X(PLUS_ASSIGN, "+=") X(MINUS_ASSIGN, "-=") X(STAR_ASSIGN, "*=")           \
  X(SLASH_ASSIGN, "/=") X(PERCENT_ASSIGN, "%=") X(STAR_STAR_ASSIGN, "**=")                 \
  X(LSHIFT_ASSIGN, "<<=") X(RSHIFT_ASSIGN, ">>=") X(URSHIFT_ASSIGN, ">>>=")                 \
  X(AMP_ASSIGN, "&=") X(PIPE_ASSIGN, "|=") X(CARET_ASSIGN, "^=")                           \
  X(AND_AND_ASSIGN, "&&=") X(OR_OR_ASSIGN, "||=") X(QUESTION_QUESTION_ASSIGN, "?\?=")       \
  X(ARROW, "=>")                                                                            \
  /* reserved words (contextual words such as let, of, async are identifiers) */           \
  X(BREAK, "break") X(CASE, "case") X(CATCH, "catch") X(CLASS, "class") X(CONST, "const")  \
  X(CONTINUE, "continue") X(DEBUGGER, "debugger") X(DEFAULT, "default")                    \
  X(DELETE, "delete") X(DO, "do") X(ELSE, "else") X(ENUM, "enum") X(EXPORT, "export")      \
  X(EXTENDS, "extends") X(FALSE, "false") X(FINALLY, "finally") X(FOR, "for")              \
  X(FUNCTION, "function") X(IF, "if") X(IMPORT, "import") X(IN, "in")                      \
  X(INSTANCEOF, "instanceof") X(NEW, "new") X(NULL, "null") X(RETURN, "return")            \
  X(SUPER, "super") X(SWITCH, "switch") X(THIS, "this") X(THROW, "throw") X(TRUE, "true")  \
  X(TRY, "try") X(TYPEOF, "typeof") X(VAR, "var") X(VOID, "void") X(WHILE, "while")        \
  X(WITH, "with")
//< lexer.token-list

typedef enum TokenKind {
#define TN_TOKEN_ENUM(name, text) TOK_##name,
  TOKEN_LIST(TN_TOKEN_ENUM)
#undef TN_TOKEN_ENUM
  TOK_KIND_COUNT
} TokenKind;

/* The first and last reserved word, for range checks (is_keyword). */
#define TOK_FIRST_KEYWORD TOK_BREAK
#define TOK_LAST_KEYWORD TOK_WITH

/* A string of UTF-16 code units (the same layout as the AST's U16Str). */
typedef struct LexString {
  const uint16_t *units;
  uint32_t length;
} LexString;

/* Token flags. */
enum {
  TOKF_NEWLINE_BEFORE = 1 << 0, /* a line terminator precedes the token (for ASI) */
  TOKF_ESCAPED = 1 << 1,        /* an identifier spelled with \u escapes */
  TOKF_LEGACY_OCTAL = 1 << 2,   /* 017 or 08 numbers, or "\07" "\8" escapes: strict errors */
  TOKF_BAD_ESCAPE = 1 << 3,     /* a template piece with an invalid escape: cooked is none */
  TOKF_NON_OCTAL_DECIMAL = 1 << 4, /* 08/09 (number) or \8 \9 (string): a subcase of legacy */
};

//> lexer.token-struct
typedef struct Token {
  TokenKind kind;
  uint32_t start, end; /* byte offsets of the token's text: [start, end) */
  int line, column;    /* 1-based position of the first character; column in UTF-16 units */
  int flags;           /* TOKF_* */
  double number;       /* TOK_NUMBER: the value */
  const char *name;    /* TOK_IDENTIFIER, keywords, TOK_PRIVATE_NAME: UTF-8, NUL-terminated */
  LexString string;    /* TOK_STRING: the value; template pieces: the cooked value */
  LexString raw;       /* template pieces: the raw text (CR and CRLF read as LF) */
  LexString pattern;   /* TOK_REGEXP: the body between the slashes */
  const char *regexp_flags; /* TOK_REGEXP: the flags after the closing slash, NUL-terminated */
  /* Where the first legacy octal escape (or invalid template escape) is, for strict errors. */
  uint32_t escape_offset;
  int escape_line, escape_column, escape_length;
  /* TOK_ERROR: the SyntaxError message and its range (may differ from the token's start). */
  const char *message;
  int error_line, error_column, error_length;
} Token;
//< lexer.token-struct

/* Memory for token values (names, strings) comes from the caller: the parser passes its
 * arena. The allocator returns zeroed memory that stays valid until the caller frees it. */
typedef void *(*LexAllocFn)(void *ctx, size_t size);

/* An open template substitution `${`, and how many `{` are open inside it. Nodes are
 * never changed once made (a change makes a new node, from the allocator), so a copy of
 * the Lexer shares its chain safely; nesting is bounded only by the parser's stack. */
typedef struct LexSubstitution {
  const struct LexSubstitution *outer; /* the enclosing one, or NULL */
  uint32_t braces;
} LexSubstitution;

/* The scanner's state. Plain data: copying a Lexer saves its position (for lookahead). */
typedef struct Lexer {
  const char *src;
  uint32_t length;
  uint32_t pos;  /* byte offset of the next character */
  int line, column; /* position of src[pos] */
  bool newline;  /* a line terminator was seen since the last token */
  bool seen_token; /* some token was scanned already (for `-->` comments at line start) */
  LexAllocFn alloc;
  void *alloc_ctx;
  /* The innermost template substitution being scanned (NULL: not in one), so that the
   * `}` closing it is recognised. */
  const LexSubstitution *substitution;
} Lexer;

/* Prepares lx to scan src[0..length). A hashbang line `#!...` at offset 0 is skipped. */
void lex_init(Lexer *lx, const char *src, size_t length, LexAllocFn alloc, void *alloc_ctx);

/* Scans the next token into *tok. Returns tok->kind; TOK_ERROR fills tok->message and the
 * error range; TOK_EOF repeats at the end. A `/` is always scanned as division here. */
TokenKind lex_next(Lexer *lx, Token *tok);

/* The parser's hook: tok is the TOK_SLASH or TOK_SLASH_ASSIGN just scanned by lx, in a place
 * where an expression starts. Rescans it as a regular expression literal (TOK_REGEXP, or
 * TOK_ERROR "Invalid regular expression: missing /"). */
TokenKind lex_rescan_regexp(Lexer *lx, Token *tok);

/* The text of a token kind: "{" for TOK_LBRACE, "if" for TOK_IF, "<number>" ... */
const char *lex_kind_text(TokenKind kind);
/* The enum name without its prefix: "LBRACE", "IF", "NUMBER" ... */
const char *lex_kind_name(TokenKind kind);
/* How many UTF-16 code units the UTF-8 text s[0..n) holds (columns, caret lengths). */
int lex_utf16_length(const char *s, size_t n);
/* The reserved word spelled name[0..len) (TOK_IF for "if"), or TOK_IDENTIFIER. */
TokenKind lex_keyword(const char *name, size_t len);
/* Writes the code point cp (at most U+10FFFF) as UTF-8 to out; returns the byte count 1..4. */
int lex_encode_utf8(uint32_t cp, char *out);
/* Formats v as JavaScript's Number.prototype.toString() does (shortest round-trip digits;
 * 1e+21, 1e-7, 0.000001, NaN, Infinity), for the dumps. Returns buf. size >= 32. */
char *lex_format_number(double v, char *buf, size_t size);
/* Is this identifier one of the words reserved only in strict mode (implements, let, ...)? */
bool lex_is_strict_reserved(const char *name);

/* Unicode identifier classes (lexer/unicode.c): ID_Start and ID_Continue. */
bool lex_is_id_start(uint32_t cp);
bool lex_is_id_continue(uint32_t cp);

/* --dump-tokens: prints every token of src to out, one per line, as lexer/README.md
 * describes. Returns 0; on a scanning error stops, copies the TOK_ERROR token to *error
 * (when not NULL; its message is a static string) and returns 1. */
int lex_dump_tokens(const char *src, size_t length, FILE *out, Token *error);

#endif

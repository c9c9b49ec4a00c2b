/* test_regexp.c - the RegExp engine, feature by feature (book chapter 14).
 *
 * Hand-written cases for each piece of syntax, each flag and each error message (every
 * expectation was checked against node 20), then the interface: flags, groups and their
 * names, Latin-1 text, the runner's reuse, its interrupt and stack limit, a long subject
 * that needs a deep backtrack stack, the nesting limit and the disassembler. The
 * differential test (test_regexp_cases.c) covers the rest. Exits 0 when all pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/regexp/regexp.h"
#include "tests/unit/regexp_text.h"

static int failures;

#define CHECK(cond, what)                                                                          \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      printf("FAIL %s:%d: %s (%s)\n", __FILE__, __LINE__, #cond, what);                            \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

static RegExpText text(const char *s, uint16_t *buf) {
  return (RegExpText){buf, unescape(s, buf), true};
}

static int flags_of(const char *f) { return regexp_parse_flags((RegExpText){f, strlen(f), false}); }

/* Runs a case and writes its result as the differential test does: "E:reason", "null",
 * or "start,end" per group ("-" for an unmatched one). */
static void run(const char *pattern, const char *flags, const char *subject, int start, char *out) {
  uint16_t p[512], s[512];
  const char *error;
  RegExp *re = regexp_compile(text(pattern, p), flags_of(flags), &error);
  if (!re) {
    sprintf(out, "E:%s", error);
    return;
  }
  int32_t caps[64];
  int r = regexp_exec(re, text(subject, s), (size_t)start, caps, NULL);
  if (r != REGEXP_MATCH) {
    strcpy(out, r == REGEXP_NO_MATCH ? "null" : "status");
  } else {
    out[0] = 0;
    for (int g = 0; g < regexp_capture_count(re); g++) {
      if (caps[2 * g] < 0)
        sprintf(out + strlen(out), "%s-", g ? " " : "");
      else
        sprintf(out + strlen(out), "%s%d,%d", g ? " " : "", caps[2 * g], caps[2 * g + 1]);
    }
  }
  regexp_free(re);
}

typedef struct {
  const char *pattern, *flags, *subject;
  int start;
  const char *want;
} Case;

static const Case features[] = {
    // Characters, escapes, the dot.
    {"abc", "", "xxabcx", 0, "2,5"},
    {"a.c", "", "a\nc abc", 0, "4,7"},
    {"a.c", "s", "a\nc", 0, "0,3"},
    {"\\d+\\s\\w+", "", "x 12 ab_9", 0, "2,9"},
    {"\\D\\S\\W", "", "1 a-b", 0, "1,4"},
    {"\\x41\\u0042\\u{43}", "u", "ABC", 0, "0,3"},
    {"\\u{43}", "", "uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu", 0,
     "0,43"},
    {"\\cJ\\t\\0", "", "%000A%0009%0000", 0, "0,3"},
    {"\\101\\8", "", "A8", 0, "0,2"},
    {"\\c", "", "\\c", 0, "0,2"},
    {"[\\c_]", "", "%001F", 0, "0,1"},
    {"\\k", "", "k", 0, "0,1"},
    {"\\p{L}", "", "p{L}", 0, "0,4"},
    // Classes.
    {"[a-c]+", "", "xcabd", 0, "1,4"},
    {"[^a-c]", "", "abcd", 0, "3,4"},
    {"[\\d-z]+", "", "1-z", 0, "0,3"},
    {"[-a]", "", "-", 0, "0,1"},
    {"[]", "", "a", 0, "null"},
    {"[^]", "", "%000A", 0, "0,1"},
    {"[\\b]", "", "%0008", 0, "0,1"},
    {"[\\u{1F600}]", "u", "%D83D%DE00", 0, "0,2"},
    {"[\\uD83D\\uDE00]", "", "%D83D%DE00", 0, "0,1"},
    // Anchors and boundaries.
    {"^a", "", "ba", 0, "null"},
    {"^a", "m", "b\na", 0, "2,3"},
    {"a$", "m", "a\nb", 0, "0,1"},
    {"a$", "", "a\nb", 0, "null"},
    {"\\bfoo\\b", "", "afoo foo", 0, "5,8"},
    {"\\Bo", "", "o oo", 0, "3,4"},
    // Quantifiers.
    {"a*", "", "aaab", 0, "0,3"},
    {"a*?b", "", "aaab", 0, "0,4"},
    {"a+?", "", "aaa", 0, "0,1"},
    {"a{2}", "", "aaa", 0, "0,2"},
    {"a{2,}", "", "aaaa", 0, "0,4"},
    {"a{1,2}?", "", "aaa", 0, "0,1"},
    {"a{,2}", "", "a{,2}", 0, "0,5"},
    {"x{2,1", "", "x{2,1", 0, "0,5"},
    {"(ab)+", "", "ababa", 0, "0,4 2,4"},
    {"(a|ab)(c|bcd)(d*)", "", "abcd", 0, "0,4 0,1 1,4 4,4"},
    {"(a*)+", "", "b", 0, "0,0 0,0"},
    {"(a*)*", "", "b", 0, "0,0 -"},
    {"(z)((a+)?(b+)?(c))*", "", "zaacbbbcac", 0, "0,10 0,1 8,10 8,9 - 9,10"},
    {"(?:a|b)*?c", "", "ababc", 0, "0,5"},
    {"(a?){3}", "", "aa", 0, "0,2 2,2"},
    // Groups, names, back references.
    {"(?:a)(b)", "", "ab", 0, "0,2 1,2"},
    {"(?<y>\\d{4})-(?<m>\\d\\d)", "", "x2020-12", 0, "1,8 1,5 6,8"},
    {"(?<a>.)\\k<a>", "", "xyy", 0, "1,3 1,2"},
    {"\\k<a>(?<a>x)", "", "x", 0, "0,1 0,1"},
    {"(a)\\1", "", "aaa", 0, "0,2 0,1"},
    {"\\1(a)", "", "a", 0, "0,1 0,1"},
    {"(a\\1)", "", "a", 0, "0,1 0,1"},
    {"(a)|\\1b", "", "b", 0, "0,1 -"},
    {"(a)\\1", "i", "aA", 0, "0,2 0,1"},
    {"(\\w+)\\s\\1", "", "hello hello", 0, "0,11 0,5"},
    {"\\10", "", "%0008", 0, "0,1"},
    {"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "", "abcdefghijj", 0,
     "0,11 0,1 1,2 2,3 3,4 4,5 5,6 6,7 7,8 8,9 9,10"},
    // Lookaround.
    {"a(?=b)", "", "ab", 0, "0,1"},
    {"a(?!b)", "", "abac", 0, "2,3"},
    {"(?=(a+))a*b\\1", "", "baaabac", 0, "3,6 3,4"},
    {"(?<=\\$)\\d+", "", "a$12", 0, "2,4"},
    {"(?<!\\$)\\b\\d+", "", "$12 34", 0, "4,6"},
    {"(?<=(\\d+)(\\d+))$", "", "1053", 0, "4,4 0,1 1,4"},
    {"(?<=\\1(a))b", "", "aab", 0, "2,3 1,2"},
    {"(?!(a))\\1", "", "b", 0, "0,0 -"},
    {"(?=a)*", "", "a", 0, "0,0"},
    // Flags: i, y, and start positions.
    {"ABC", "i", "xabc", 0, "1,4"},
    {"[a-z]", "i", "K", 0, "0,1"},
    {"k", "i", "%212A", 0, "null"},
    {"k", "iu", "%212A", 0, "0,1"},
    {"%017F", "i", "s", 0, "null"},
    {"s", "iu", "%017F", 0, "0,1"},
    {"%00DF", "iu", "%1E9E", 0, "0,1"},
    {"\\w", "iu", "%017F", 0, "0,1"},
    {"a", "y", "ba", 0, "null"},
    {"a", "y", "ba", 1, "1,2"},
    {"a", "", "aba", 1, "2,3"},
    {"a", "", "a", 2, "null"},
    // Unicode mode: code points, surrogates.
    {"^.$", "u", "%D83D%DE00", 0, "0,2"},
    {"^.$", "", "%D83D%DE00", 0, "null"},
    {"\\uD83D", "u", "%D83D%DE00", 0, "null"},
    {"\\uD83D", "", "%D83D%DE00", 0, "0,1"},
    {".", "uy", "%D83D%DE00", 1, "0,2"},
    {"\\B", "u", "K%D83D%DE00", 0, "2,2"},
    {"\\u{1F600}+", "u", "%D83D%DE00%D83D%DE00", 0, "0,4"},
    {"%D83D%DE00{2}", "", "%D83D%DE00%DE00", 0, "0,3"},
    // Property escapes.
    {"\\p{Lu}+", "u", "aBCd", 0, "1,3"},
    {"\\p{Script=Greek}", "u", "a%03C0", 0, "1,2"},
    {"\\p{scx=Grek}", "u", "%0342", 0, "0,1"},
    {"\\P{L}", "u", "ab1", 0, "2,3"},
    {"[\\p{N}\\p{P}]+", "u", "a1,2.", 0, "1,5"},
    {"\\p{Any}", "u", "%DE00", 0, "0,1"},
    {"\\p{Lu}", "iu", "a", 0, "0,1"},
    // The v flag.
    {"[\\p{L}--[a-z]]+", "v", "abcDEF", 0, "3,6"},
    {"[\\p{L}&&\\p{sc=Grek}]+", "v", "a%03B2%03B3d", 0, "1,3"},
    {"[\\q{abc|ab|a}]", "v", "abc", 0, "0,3"},
    {"[\\q{}a]+", "v", "aab", 0, "0,2"},
    {"\\p{RGI_Emoji}", "v", "x%D83D%DE00", 0, "1,3"},
    {"^\\p{RGI_Emoji_Flag_Sequence}$", "v", "%D83C%DDE8%D83C%DDE6", 0, "0,4"},
    {"[[a-z]--\\q{q}]", "iv", "Q", 0, "0,1"},
    {"[^]*", "v", "ab", 0, "0,0"},
    // Catastrophic backtracking on short subjects: slow in theory, quick here.
    {"(a*)*b", "", "aaaaaaaaaaaaaaaaaaaa", 0, "null"},
    {"(x+x+)+y", "", "xxxxxxxxxxxxxxxxx", 0, "null"},
    {"^(\\w+\\s?)*$", "", "a bb ccc dddd eeeee!", 0, "null"},
};

/* Every early error, with V8's reason. */
static const Case errors[] = {
    {"(", "", "", 0, "E:Unterminated group"},
    {"a)", "", "", 0, "E:Unmatched ')'"},
    {"\\", "", "", 0, "E:\\ at end of pattern"},
    {"a**", "", "", 0, "E:Nothing to repeat"},
    {"{1}", "", "", 0, "E:Nothing to repeat"},
    {"]", "u", "", 0, "E:Lone quantifier brackets"},
    {"x{2,1}", "", "", 0, "E:numbers out of order in {} quantifier"},
    {"x{2", "u", "", 0, "E:Incomplete quantifier"},
    {"(?<=a)*", "", "", 0, "E:Invalid quantifier"},
    {"(?=a)+", "u", "", 0, "E:Invalid quantifier"},
    {"(?x)", "", "", 0, "E:Invalid group"},
    {"(?i:a)", "", "", 0, "E:Invalid group"},
    {"(?<1a>.)", "", "", 0, "E:Invalid capture group name"},
    {"(?<a>.)(?<a>.)", "", "", 0, "E:Duplicate capture group name"},
    {"(?<a>.)\\k", "", "", 0, "E:Invalid named reference"},
    {"(?<a>.)\\k<b>", "", "", 0, "E:Invalid named capture referenced"},
    {"\\k<a>", "u", "", 0, "E:Invalid named capture referenced"},
    {"\\-", "u", "", 0, "E:Invalid escape"},
    {"\\1", "u", "", 0, "E:Invalid escape"},
    {"\\08", "u", "", 0, "E:Invalid decimal escape"},
    {"[\\1]", "u", "", 0, "E:Invalid class escape"},
    {"\\u{110000}", "u", "", 0, "E:Invalid Unicode escape"},
    {"\\c0", "u", "", 0, "E:Invalid Unicode escape"},
    {"(?<\\u{zz}>.)", "", "", 0, "E:Invalid Unicode escape"},
    {"\\p{Foo}", "u", "", 0, "E:Invalid property name"},
    {"\\p{sc=Hrkt}", "u", "", 0, "E:Invalid property name"},
    {"[\\p{Foo}]", "u", "", 0, "E:Invalid property name in character class"},
    {"[\\d-a]", "u", "", 0, "E:Invalid character class"},
    {"[a", "", "", 0, "E:Unterminated character class"},
    {"[z-a]", "", "", 0, "E:Range out of order in character class"},
    {"[a-z--b]", "v", "", 0, "E:Invalid set operation in character class"},
    {"[(]", "v", "", 0, "E:Invalid character in character class"},
    {"[^\\q{ab}]", "v", "", 0, "E:Negated character class may contain strings"},
    {"\\P{RGI_Emoji}", "v", "", 0, "E:Invalid property name"},
    {"\\p{RGI_Emoji}", "u", "", 0, "E:Invalid property name"},
};

static void check_cases(const Case *cases, size_t n) {
  char got[512];
  for (size_t i = 0; i < n; i++) {
    const Case *c = &cases[i];
    run(c->pattern, c->flags, c->subject, c->start, got);
    if (strcmp(got, c->want) != 0) {
      printf("FAIL /%s/%s on \"%s\": want %s, got %s\n", c->pattern, c->flags, c->subject, c->want,
             got);
      failures++;
    }
  }
}

/* ==== The interface ============================================================ */

static void test_flags(void) {
  char s[9];
  CHECK(flags_of("gimsuyd") ==
            (REGEXP_GLOBAL | REGEXP_IGNORE_CASE | REGEXP_MULTILINE | REGEXP_DOT_ALL |
             REGEXP_UNICODE | REGEXP_STICKY | REGEXP_HAS_INDICES),
        "all flags");
  CHECK(flags_of("") == 0, "no flags");
  CHECK(flags_of("gg") == -1, "repeated");
  CHECK(flags_of("x") == -1, "unknown");
  CHECK(flags_of("uv") == -1, "u and v");
  CHECK(regexp_flags_string(flags_of("yusgimd"), s) == 7 && !strcmp(s, "dgimsuy"), "V8's order");
  CHECK(regexp_flags_string(flags_of("v"), s) == 1 && !strcmp(s, "v"), "v");
}

static void test_groups(void) {
  uint16_t p[64];
  const char *error;
  RegExp *re = regexp_compile(text("(a)(?<year>b)(?:c)(?<%00E9>d)", p), 0, &error);
  CHECK(re && regexp_capture_count(re) == 4, "three groups and the match");
  CHECK(regexp_has_named_groups(re), "named");
  size_t len;
  const uint16_t *name = regexp_group_name(re, 2, &len);
  CHECK(name && len == 4 && name[0] == 'y' && name[3] == 'r', "year");
  CHECK(regexp_group_name(re, 1, &len) == NULL, "group 1 has no name");
  name = regexp_group_name(re, 3, &len);
  CHECK(name && len == 1 && name[0] == 0xE9, "a non-ASCII name");
  CHECK(regexp_group_name(re, 4, &len) == NULL && regexp_group_name(re, 0, &len) == NULL,
        "out of range");
  regexp_free(re);
  re = regexp_compile(text("(?<%D835%DC9C>.)", p), REGEXP_UNICODE, &error);
  name = re ? regexp_group_name(re, 1, &len) : NULL;
  CHECK(name && len == 2 && name[0] == 0xD835 && name[1] == 0xDC9C, "an astral name");
  regexp_free(re);
  regexp_free(NULL);
}

/* Latin-1 patterns and subjects need no conversion. */
static void test_latin1(void) {
  const char *error;
  const uint8_t pattern[] = {'(', 0xE9, '+', ')', '$'}, subject[] = {'c', 'a', 'f', 0xE9, 0xE9};
  RegExp *re =
      regexp_compile((RegExpText){pattern, sizeof pattern, false}, REGEXP_IGNORE_CASE, &error);
  int32_t caps[4];
  CHECK(re && regexp_exec(re, (RegExpText){subject, sizeof subject, false}, 0, caps, NULL) ==
                  REGEXP_MATCH,
        "Latin-1 match");
  CHECK(caps[0] == 3 && caps[1] == 5 && caps[2] == 3, "Latin-1 indices");
  const uint8_t upper[] = {'C', 'A', 'F', 0xC9};
  CHECK(regexp_exec(re, (RegExpText){upper, sizeof upper, false}, 0, caps, NULL) == REGEXP_MATCH,
        "case-insensitive");
  regexp_free(re);
}

static int interrupts;
static bool stop_at_third(void *opaque) {
  (void)opaque;
  return ++interrupts >= 3;
}

/* One runner for many matches; its interrupt and its stack limit. */
static void test_runner(void) {
  uint16_t p[64], s[64];
  const char *error;
  RegExpRunner *runner = regexp_runner_new();
  RegExp *re = regexp_compile(text("(a*)*b", p), 0, &error);
  int32_t caps[4];
  CHECK(regexp_exec(re, text("aaaab", s), 0, caps, runner) == REGEXP_MATCH, "reuse 1");
  CHECK(regexp_exec(re, text("aac", s), 0, caps, runner) == REGEXP_NO_MATCH, "reuse 2");
  // 30 a's and no b: about 2^30 steps, so the interrupt comes first.
  regexp_runner_set_interrupt(runner, stop_at_third, NULL, 10000);
  CHECK(regexp_exec(re, text("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", s), 0, caps, runner) ==
            REGEXP_INTERRUPTED,
        "interrupted");
  CHECK(interrupts == 3, "asked three times");
  regexp_free(re);
  regexp_runner_set_interrupt(runner, NULL, NULL, 1000);
  // Each iteration of (?:a|b)* leaves a choice point: 100000 of them pass a 64 KB limit.
  size_t n = 100000;
  uint16_t *long_a = malloc(n * sizeof(uint16_t));
  for (size_t i = 0; i < n; i++) long_a[i] = 'a';
  re = regexp_compile(text("^(?:a|b)*$", p), 0, &error);
  regexp_runner_set_stack_limit(runner, 64 * 1024);
  CHECK(regexp_exec(re, (RegExpText){long_a, n, true}, 0, caps, runner) == REGEXP_STACK_OVERFLOW,
        "limit");
  regexp_runner_set_stack_limit(runner, 64u << 20);
  CHECK(regexp_exec(re, (RegExpText){long_a, n, true}, 0, caps, runner) == REGEXP_MATCH &&
            caps[1] == (int32_t)n,
        "the same match fits the default limit: the stack is on the heap");
  regexp_free(re);
  free(long_a);
  regexp_runner_free(runner);
}

/* Nesting deeper than the parser allows is V8's stack-overflow error, not a crash. */
static void test_depth(void) {
  size_t n = 100000;
  uint16_t *p = malloc(2 * n * sizeof(uint16_t));
  for (size_t i = 0; i < n; i++) p[i] = '[', p[n + i] = ']';
  const char *error;
  RegExp *re = regexp_compile((RegExpText){p, 2 * n, true}, REGEXP_UNICODE_SETS, &error);
  CHECK(!re && !strcmp(error, "Maximum call stack size exceeded"), "deep classes");
  for (size_t i = 0; i < 100; i++) p[i] = '(', p[100 + i] = ')';
  re = regexp_compile((RegExpText){p, 200, true}, 0, &error);
  CHECK(re && regexp_capture_count(re) == 101, "100 nested groups are fine");
  regexp_free(re);
  free(p);
}

static void test_disassemble(void) {
  uint16_t p[64];
  const char *error;
  RegExp *re = regexp_compile(text("a(b|c)*d", p), 0, &error);
  FILE *out = tmpfile();
  regexp_disassemble(re, out);
  long size = ftell(out);
  rewind(out);
  char listing[2048] = {0};
  CHECK(fread(listing, 1, sizeof listing - 1, out) == (size_t)size, "read back");
  CHECK(strstr(listing, "SPLIT") && strstr(listing, "SAVE 2") && strstr(listing, "MATCH"), listing);
  fclose(out);
  regexp_free(re);
}

int main(void) {
  check_cases(features, sizeof features / sizeof features[0]);
  check_cases(errors, sizeof errors / sizeof errors[0]);
  test_flags();
  test_groups();
  test_latin1();
  test_runner();
  test_depth();
  test_disassemble();
  if (failures) printf("%d failure(s)\n", failures);
  return failures != 0;
}

/* tty.c - how many colours a terminal takes, decided from the environment as node does.
 *
 * node asks the same questions everywhere it might colour (console, the REPL, uncaught
 * errors, assert's diff): is the stream a terminal, and what colour depth do FORCE_COLOR,
 * NO_COLOR, TERM and friends describe. The answers below are node 20's
 * (tty.WriteStream.prototype.getColorDepth), checked case by case against node.
 */
#include "runtime/runtime.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const char *env_get(TtyEnv env, const char *name) {
  return env.lookup ? env.lookup(name, env.data) : getenv(name);
}

static bool env_has(TtyEnv env, const char *name) { return env_get(env, name) != NULL; }

static bool starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* FORCE_COLOR's values: "", "1" and "true" mean 16 colours, "2" 256, "3" 24-bit. */
static int forced_depth(const char *force) {
  if (!*force || !strcmp(force, "1") || !strcmp(force, "true")) return TTY_COLORS_16;
  if (!strcmp(force, "2")) return TTY_COLORS_256;
  if (!strcmp(force, "3")) return TTY_COLORS_16M;
  return TTY_COLORS_2;
}

/* On a CI server colours only where its name is known to show them. */
static int ci_depth(TtyEnv env) {
  static const char *const known[] = {"APPVEYOR", "BUILDKITE", "CIRCLECI", "DRONE",
                                      "GITHUB_ACTIONS", "GITLAB_CI", "TRAVIS"};
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (env_has(env, known[i])) return TTY_COLORS_256;
  const char *name = env_get(env, "CI_NAME");
  return name && !strcmp(name, "codeship") ? TTY_COLORS_256 : TTY_COLORS_2;
}

/* TeamCity from 9.1 on: /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/ on its version. */
static bool teamcity_has_colors(const char *v) {
  size_t digits = strspn(v, "0123456789");
  if (digits >= 2 && v[digits] == '.') return true;
  if (strncmp(v, "9.", 2) != 0) return false;
  v += 2;
  v += strspn(v, "0");
  size_t rest = strspn(v, "0123456789");
  return rest > 0 && *v != '0' && v[rest] == '.';
}

static int program_depth(const char *program, TtyEnv env) {
  if (!strcmp(program, "iTerm.app")) {
    const char *v = env_get(env, "TERM_PROGRAM_VERSION");
    bool old = !v || !*v || (v[0] >= '0' && v[0] <= '2' && v[1] == '.');
    return old ? TTY_COLORS_256 : TTY_COLORS_16M;
  }
  if (!strcmp(program, "HyperTerm") || !strcmp(program, "MacTerm")) return TTY_COLORS_16M;
  if (!strcmp(program, "Apple_Terminal")) return TTY_COLORS_256;
  return 0;
}

/* /^con[0-9]*x[0-9]/ */
static bool console_size_name(const char *t) {
  if (!starts_with(t, "con")) return false;
  t += 3;
  t += strspn(t, "0123456789");
  return t[0] == 'x' && t[1] >= '0' && t[1] <= '9';
}

/* TERM, lower-cased: a few names by value, then the families that take 16 colours. */
static int term_depth(const char *term) {
  if (starts_with(term, "xterm-256")) return TTY_COLORS_256;
  static const struct { const char *name; int depth; } names[] = {
      {"eterm", TTY_COLORS_16},   {"cons25", TTY_COLORS_16},  {"console", TTY_COLORS_16},
      {"cygwin", TTY_COLORS_16},  {"dtterm", TTY_COLORS_16},  {"gnome", TTY_COLORS_16},
      {"hurd", TTY_COLORS_16},    {"jfbterm", TTY_COLORS_16}, {"konsole", TTY_COLORS_16},
      {"kterm", TTY_COLORS_16},   {"mlterm", TTY_COLORS_16},  {"mosh", TTY_COLORS_16M},
      {"putty", TTY_COLORS_16},   {"st", TTY_COLORS_16},
      {"rxvt-unicode-24bit", TTY_COLORS_16M}, {"terminator", TTY_COLORS_16M},
  };
  char lower[64];
  size_t n = strlen(term);
  if (n >= sizeof lower) n = sizeof lower - 1;
  for (size_t i = 0; i < n; i++)
    lower[i] = (char)(term[i] >= 'A' && term[i] <= 'Z' ? term[i] + 32 : term[i]);
  lower[n] = '\0';
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(lower, names[i].name)) return names[i].depth;
  if (strstr(lower, "ansi") || strstr(lower, "color") || strstr(lower, "linux") ||
      console_size_name(lower) || starts_with(lower, "rxvt") ||
      starts_with(lower, "screen") || starts_with(lower, "xterm") ||
      starts_with(lower, "vt100"))
    return TTY_COLORS_16;
  return 0;
}

//> runtime.color-depth
int tty_color_depth(TtyEnv env) {
  const char *force = env_get(env, "FORCE_COLOR");
  if (force) return forced_depth(force);
  const char *term = env_get(env, "TERM");
  if (env_has(env, "NODE_DISABLE_COLORS") || env_has(env, "NO_COLOR") ||
      (term && !strcmp(term, "dumb")))
    return TTY_COLORS_2;
  const char *tmux = env_get(env, "TMUX");
  if (tmux && *tmux) return TTY_COLORS_256;
  const char *ci = env_get(env, "CI");
  if (ci && *ci) return ci_depth(env);
  const char *teamcity = env_get(env, "TEAMCITY_VERSION");
  if (teamcity) return teamcity_has_colors(teamcity) ? TTY_COLORS_16 : TTY_COLORS_2;
  const char *program = env_get(env, "TERM_PROGRAM");
  int depth = program ? program_depth(program, env) : 0;
  if (depth) return depth;
  const char *colorterm = env_get(env, "COLORTERM");
  if (colorterm && (!strcmp(colorterm, "truecolor") || !strcmp(colorterm, "24bit")))
    return TTY_COLORS_16M;
  depth = term && *term ? term_depth(term) : 0;
  if (depth) return depth;
  return colorterm && *colorterm ? TTY_COLORS_16 : TTY_COLORS_2;
}
//< runtime.color-depth

bool tty_should_colorize(int fd) {
  TtyEnv env = {0};
  if (getenv("FORCE_COLOR")) return tty_color_depth(env) > TTY_COLORS_2;
  return isatty(fd) && tty_color_depth(env) > TTY_COLORS_2;
}

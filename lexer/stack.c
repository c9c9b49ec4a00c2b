/* stack.c - where the C stack ends: measured once, at start-up, for the guard.
 * Book: chapter 5, "The VM loop".
 *
 * The main thread's stack may grow to RLIMIT_STACK bytes below its top. Its top is
 * not main's frame: the kernel first copies the program's arguments and environment
 * there, which can take many KiB, so we find it from the environment strings.
 */
#include <string.h>
#include <sys/resource.h>

#include "lexer/stack.h"

#define STACK_USE_MAX ((uintptr_t)8 << 20) /* what `ulimit -s unlimited` gets: 8 MiB */
/* Room kept below the limit for what runs after a check says "no deeper": throwing the
 * RangeError (message, stack trace, formatting) and unwinding. AddressSanitizer's
 * frames are several times larger, so it gets more. */
#if defined(__SANITIZE_ADDRESS__)
#define STACK_MARGIN ((uintptr_t)320 << 10)
#else
#define STACK_MARGIN ((uintptr_t)128 << 10)
#endif
/* Above the environment strings the kernel keeps the program's path (at most PATH_MAX
 * bytes) and a null pointer, in the top page. */
#define STACK_TOP_SLACK ((uintptr_t)8 << 10)

extern char **environ;

//> lexer.stack-limit
/* The top of the main thread's stack: just above the highest environment string that
 * lies within `size` bytes above `here`. (Strings moved to the heap by setenv lie
 * elsewhere and are skipped.) */
static uintptr_t stack_top(uintptr_t here, uintptr_t size) {
  uintptr_t top = here;
  for (char **e = environ; e && *e; e++) {
    uintptr_t s = (uintptr_t)*e;
    if (s > here && s - here < size && s + strlen(*e) + 1 > top) top = s + strlen(*e) + 1;
  }
  return top + STACK_TOP_SLACK;
}

uintptr_t stack_limit_new(void) {
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  uintptr_t size = STACK_USE_MAX;
  struct rlimit rl;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < size)
    size = (uintptr_t)rl.rlim_cur;
  uintptr_t top = stack_top(here, size);
  if (top - here + STACK_MARGIN >= size) return UINTPTR_MAX; /* no room at all: always "no" */
  return top - size + STACK_MARGIN;
}
//< lexer.stack-limit

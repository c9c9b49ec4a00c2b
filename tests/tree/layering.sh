#!/bin/sh
# The layering rule, checked over the whole tree (DESIGN.md, "The house"):
#   1. the arrows only point down: main.c -> stdlib -> runtime -> vm -> parser -> lexer,
#      so a file includes headers of its own stage or of stages below it;
#   2. across directories only public headers are included: each stage's header named
#      after it (plus the companions listed below), and each stdlib/ subsystem's own;
#      everything else (internal.h, *_private.h, shape.h, ...) stays in its directory.
#   3. a stage driver, drivers/NAME.c (`make stage S=NAME`), includes only public headers
#      of stage NAME and the stages below it (and drivers/*.h, which obey the same rule
#      for the lowest driver that includes them), so it links without the stages above.
# C unit tests (tests/unit) are white-box and may include anything, so they are not read.
cd "$(dirname "$0")/../.." || exit 2

rank() { # rank STAGE: its height in the layering, or nothing for a non-stage
  case $1 in lexer) echo 1 ;; parser) echo 2 ;; vm) echo 3 ;; runtime) echo 4 ;;
    stdlib) echo 5 ;; main.c) echo 6 ;; esac
}

public="lexer/lexer.h lexer/alloc.h lexer/stack.h parser/parser.h parser/ast.h vm/vm.h vm/value.h runtime/runtime.h
stdlib/stdlib.h stdlib/ecma/ecma.h stdlib/inspect/inspect.h stdlib/node/node.h
stdlib/node/http/http_parser.h stdlib/regexp/regexp.h"


files=$(find lexer parser vm runtime stdlib -name '*.[ch]' | LC_ALL=C sort; echo main.c)
# One awk reads every file (a shell loop with a subshell per #include took a minute).
# shellcheck disable=SC2086 # file names come from our own tree, without spaces
awk -v public="$(echo $public)" '
  function rank(stage) {
    return stage == "lexer" ? 1 : stage == "parser" ? 2 : stage == "vm" ? 3 : \
      stage == "runtime" ? 4 : stage == "stdlib" ? 5 : stage == "main.c" ? 6 : 0
  }
  BEGIN { n = split(public, p, " "); for (i = 1; i <= n; i++) pub[p[i]] = 1 }
  FNR == 1 {
    from = FILENAME; sub(/\/.*/, "", from)
    dir = FILENAME; if (!sub(/\/[^\/]*$/, "", dir)) dir = "."
  }
  /^[ \t]*#[ \t]*include[ \t]*"/ {
    inc = $0; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
    to = inc; sub(/\/.*/, "", to)
    if (!rank(to)) next                      # a system or same-directory header
    if (rank(to) > rank(from)) {
      printf "%s:%d: includes %s: %s may not include %s (the arrows point down)\n", FILENAME, FNR, inc, from, to
      next
    }
    incdir = inc; sub(/\/[^\/]*$/, "", incdir)
    if (index(dir "/", incdir "/") == 1) next  # its own directory or a parent
    if (!(inc in pub)) printf "%s:%d: includes %s, which is private to %s/\n", FILENAME, FNR, inc, incdir
  }' $files >"${TMPDIR:-/tmp}/layering.$$"

for f in drivers/*.c; do
  stage=$(basename "$f" .c)
  # The driver's own includes, and those of the driver headers it includes.
  for src in "$f" $(sed -n 's/^#include "\(drivers\/[^"]*\)".*/\1/p' "$f"); do
    sed -n 's/^#include "\([^"]*\)".*/\1/p' "$src" | while read -r inc; do
      to=${inc%%/*}
      [ -n "$(rank "$to")" ] || continue
      [ "$(rank "$to")" -gt "$(rank "$stage")" ] &&
        echo "$src: includes $inc: the $stage driver may not depend on $to"
      case " $(echo $public) " in *" $inc "*) ;; *) echo "$src: includes $inc, which is private" ;; esac
    done
  done
done >>"${TMPDIR:-/tmp}/layering.$$"
if [ -s "${TMPDIR:-/tmp}/layering.$$" ]; then
  cat "${TMPDIR:-/tmp}/layering.$$"
  rm -f "${TMPDIR:-/tmp}/layering.$$"
  exit 1
fi
rm -f "${TMPDIR:-/tmp}/layering.$$"
echo "layering: $(echo "$files" | wc -l) files, every include points down and at a public header"

#!/bin/sh
# tests/stages.sh [STAGE]: each stage built and tested alone (`make stage S=STAGE`,
# `make stages`). For every stage up to STAGE (all four by default) it builds the
# stage's driver, build/stage/tn-NAME (drivers/NAME.c linked with that stage and the
# ones below it only), and runs, with tests/run.sh, the golden tests that need nothing
# above that stage:
#   lexer    the --dump-tokens tests of tests/lexer
#   parser   the --dump-ast tests of tests/parser
#   vm       the --dump-bytecode tests of tests/vm and tests/language, tests/stages/vm-*
#   runtime  tests/stages/runtime-*           (require, the module wrapper, promise jobs)
# tests/stages/ holds programs that print with `print` where it exists (the drivers'
# one global) and console.log otherwise, so the same files also run under ./tinynode
# and node in `make test`. Ends with `N passed, M failed` over all stages.
set -u
cd "$(dirname "$0")/.." || exit 2
upto=${1:-runtime}
make_cmd=${TN_MAKE:-make}
build=${TN_BUILD:-build}

case $upto in lexer | parser | vm | runtime) ;; *)
  echo "tests/stages.sh: no stage named '$upto' (lexer, parser, vm or runtime)" >&2
  exit 2 ;;
esac

# with_flag FLAG DIR...: the golden tests in DIRs whose .flags file holds FLAG.
with_flag() {
  flag=$1
  shift
  for dir in "$@"; do
    for f in $(grep -l -e "$flag" "$dir"/*.flags); do echo "${f%.flags}.js"; done
  done
}

tests_of() {
  case $1 in
    lexer) with_flag --dump-tokens tests/lexer ;;
    parser) with_flag --dump-ast tests/parser ;;
    vm) with_flag --dump-bytecode tests/vm tests/language; echo tests/stages/vm-*.js ;;
    runtime) echo tests/stages/runtime-*.js ;;
  esac
}

passed=0 failed=0
for stage in lexer parser vm runtime; do
  echo "=== the $stage stage alone: $build/stage/tn-$stage"
  if ! $make_cmd --no-print-directory -s "$build/stage/tn-$stage"; then
    echo "FAIL $stage: the driver does not build from the stages up to $stage alone"
    failed=$((failed + 1))
  else
    line=$(TINYNODE="$build/stage/tn-$stage" sh tests/run.sh $(tests_of "$stage") |
      tee /dev/stderr | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    case $line in
      '') failed=$((failed + 1)) ;; # the runner itself failed
      *) f=${line#*passed, }
         passed=$((passed + ${line%% passed*})) failed=$((failed + ${f%% failed*})) ;;
    esac
  fi
  [ "$stage" = "$upto" ] && break
done
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

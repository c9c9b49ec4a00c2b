# lib.sh - what the REPL tests share (sourced from tests/repl/*.sh, run in tests/repl/).
#
#   transcript LABEL EXPECTED COMMAND...   runs COMMAND (stdin as given), normalises its
#                                          output and compares it with EXPECTED
#   node_check LABEL EXPECTED COMMAND...   the same under node, when node is installed;
#                                          with UPDATE=node it writes EXPECTED instead
#   finish                                 exit status: 0, or 1 if anything differed
#
# Normalising: the welcome line names the engine ("Welcome to Node.js v20.20.2." or
# "Welcome to tinynode v0.1.0."), so both become "Welcome <engine>."; so does the version
# line under an uncaught error's report (<version>).
failed=0
# The screens are those of a colour terminal, whatever terminal (or CI server) runs the
# tests: node and tinynode decide colours from these variables (runtime/tty.c).
TERM=xterm-256color
export TERM
unset FORCE_COLOR NO_COLOR NODE_DISABLE_COLORS TMUX CI TEAMCITY_VERSION TERM_PROGRAM COLORTERM
scratch=$(mktemp -d "${TMPDIR:-/tmp}/repl-test.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT

normalise() {
  sed -e 's/^Welcome to Node\.js v[0-9.]*\./Welcome <engine>./' \
      -e 's/^Welcome to tinynode v[0-9.]*\./Welcome <engine>./' \
      -e 's/^Node\.js v20\.[0-9.]*$/<version>/' -e 's/^tinynode v[0-9.]*$/<version>/'
}

transcript() { # transcript LABEL EXPECTED COMMAND...
  label=$1 expected=$2
  shift 2
  "$@" 2>&1 | normalise >"$scratch/actual"
  if ! diff "$expected" "$scratch/actual" >"$scratch/diff"; then
    echo "FAIL $label: the transcript differs from $expected (< expected, > actual)"
    cat "$scratch/diff"
    failed=1
  fi
}

node_check() { # node_check LABEL EXPECTED COMMAND... (COMMAND names node)
  if [ -z "${NODE:-}" ]; then
    echo "node is not installed: $1 is not cross-checked"
    return
  fi
  if [ "${UPDATE:-}" = node ]; then
    expected=$2
    shift 2
    "$@" 2>&1 | normalise >"$expected"
    return
  fi
  transcript "$@"
}

# The pseudo-terminal driver, compiled once per test run into the scratch directory.
ptyrun=""
build_ptyrun() {
  ptyrun=$scratch/ptyrun
  ${CC:-cc} -std=c11 -D_DEFAULT_SOURCE -O1 -o "$ptyrun" ../tools/ptyrun.c 2>"$scratch/cc.log" ||
    { cat "$scratch/cc.log"; echo "ptyrun does not compile"; exit 1; }
  "$ptyrun" /dev/null true >/dev/null 2>&1 || { echo "no pseudo-terminals here: skipped"; exit 77; }
}

finish() { exit "$failed"; }

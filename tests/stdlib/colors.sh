#!/bin/sh
# Colours with stdout and stderr piped, as node decides them: none by default or with
# FORCE_COLOR=0, 16 colours with FORCE_COLOR=1 (console.log, console.error, the table's
# cells, console.dir, and an uncaught object in the fatal report), and node's warning,
# once, when FORCE_COLOR overrides NO_COLOR or NODE_DISABLE_COLORS. Each run starts from
# an empty environment. colors/CASE.out is node's output (stdout, then stderr), written
# with UPDATE=node; the warning's pid, the engine's name and version are normalised.
cd colors || exit 2
failed=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/colors-test.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT

normalise() {
  sed -e "s|$PWD|<dir>|g" -e 's/^(\(node\|tinynode\):[0-9]*)/(<engine>:<pid>)/' \
      -e 's/^(Use `\(node\|tinynode\) /(Use `<engine> /' \
      -e 's/^Node\.js v20[0-9.]*$/<version>/' -e 's/^tinynode v[0-9.]*$/<version>/'
}

# check CASE ENGINE [VAR=VALUE...]: ENGINE runs print.js in that environment only.
check() {
  name=$1 engine=$2
  shift 2
  env -i PATH="$PATH" "$@" "$engine" print.js >"$scratch/out" 2>"$scratch/err"
  echo "[exit $?]" >>"$scratch/err"
  cat "$scratch/out" "$scratch/err" | normalise >"$scratch/actual"
  if [ "${UPDATE:-}" = node ] && [ "$engine" = "${NODE:-}" ]; then
    cp "$scratch/actual" "$name.out"
  elif ! diff "$name.out" "$scratch/actual" >"$scratch/diff"; then
    echo "FAIL $engine, $name ($*): output differs from colors/$name.out (< expected, > actual)"
    cat -v "$scratch/diff"
    failed=1
  fi
}

for engine in ${NODE:-} "$TINYNODE"; do
  check plain "$engine"
  check plain "$engine" FORCE_COLOR=0 TERM=xterm-256color
  check forced "$engine" FORCE_COLOR=1
  check forced "$engine" FORCE_COLOR=true TERM=dumb CI=1
  check forced-over-no-color "$engine" FORCE_COLOR= NO_COLOR=1
  check forced-over-both "$engine" FORCE_COLOR=2 NO_COLOR= NODE_DISABLE_COLORS=1
done
[ -n "${NODE:-}" ] || echo "node is not installed: the expectations are not cross-checked"
exit "$failed"

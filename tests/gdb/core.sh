#!/bin/sh
# tests/gdb/core.sh: the helper works on a core file, where nothing can run: stop at the
# `debugger` statement of session.js, write a core with gcore, then open the core alone
# and check that `js bt`, `js stack` and a Value print the same as in the live process.
# Skipped for the sanitizer build, whose shadow memory makes a core of terabytes.
. ./lib/gdb-lib.sh
gdb_check_usable
if gdb -nx -batch -ex 'info address __asan_init' "$TINYNODE" 2>/dev/null | grep -q 'is at'; then
  echo "skipped: an AddressSanitizer build (its core would hold the shadow memory)"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-gdb.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

checked='echo @@ js bt\n
js bt
echo @@ js stack\n
js stack
echo @@ print vm->frames[0].registers[8]\n
print vm->frames[0].registers[8]
echo @@\n'
printf 'break vm_debugger_hook\nrun\n%s\ngcore %s/core\nkill\n' "$checked" "$tmp" >"$tmp/live"
gdb_session "$tmp/live" "$tmp/live.out"
if [ ! -s "$tmp/core" ]; then
  echo "gcore wrote no core file; gdb said:"
  cat "$tmp/live.out.raw" "$tmp/live.out.err"
  exit 1
fi
printf '%s\n' "$checked" >"$tmp/dead"
LC_ALL=C.UTF-8 gdb -nx -batch -iex 'set debuginfod enabled off' \
  -iex 'set auto-load python-scripts off' -x "$helper" -x "$tmp/dead" \
  "$TINYNODE" "$tmp/core" >"$tmp/dead.raw" 2>"$tmp/dead.err" </dev/null
awk '/^@@/ { keep = length($0) > 2; if (keep) print "(gdb)" substr($0, 3); next } keep' \
  "$tmp/dead.raw" >"$tmp/dead.out"
# Paths are the same in both runs, so the two outputs compare without normalising.
awk -v dir="$here" '{ gsub("<dir>", dir); print }' "$tmp/live.out" >"$tmp/live.cmp"
if ! grep -q '^#0 (toplevel)' "$tmp/dead.out" || ! cmp -s "$tmp/live.cmp" "$tmp/dead.out"; then
  echo "the core file shows something else (- live process, + core file):"
  diff -u "$tmp/live.cmp" "$tmp/dead.out"
  cat "$tmp/dead.err"
  exit 1
fi

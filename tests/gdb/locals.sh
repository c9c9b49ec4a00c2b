#!/bin/sh
# tests/gdb/locals.sh: `js locals` names registers by their variables and shows captured
# variables: a register holding a cell (count, captured by next) shows the value inside,
# and next's upvalues (count, step, label) show the cells it shares with counter. Then a
# VM whose frame count is nonsense (set by hand) gets a plain error, which says so when
# the binary is an optimised build, instead of a made-up backtrace.
. ./lib/gdb-lib.sh
gdb_check_usable
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-gdb.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/cmds" <<'CMDS'
echo @@\n
break vm_debugger_hook
run
echo @@ js locals\n
js locals
echo @@ js locals 1\n
js locals 1
echo @@ js dis\n
js dis
echo @@\n
set var vm->frame_count = 1000000
js bt
CMDS
GDB_SCRIPT=locals.js gdb_session "$tmp/cmds" "$tmp/actual"
status=0
gdb_compare locals.expected "$tmp/actual" || status=1
# The last command failed (gdb's stderr): plainly, and naming the optimisation of an
# optimised build, which the helper reads from the debug information.
note=$(gdb -nx -batch -iex 'set debuginfod enabled off' -iex 'set auto-load python-scripts off' -x "$helper" \
  -ex 'python print(optimised_note())' "$TINYNODE" 2>&1)
case $note in
  *"optimised build (-O"[123s]")"*) ;;
  "Stop inside the VM"*) ;;
  *) echo "optimised_note() said: $note"; status=1 ;;
esac
if ! grep -q "whose frame count makes no sense\. $note" "$tmp/actual.err" 2>/dev/null &&
   ! grep -qF "whose frame count makes no sense. $note" "$tmp/actual.err"; then
  echo "js bt with a nonsense frame count did not say so plainly; gdb's stderr:"
  cat "$tmp/actual.err"
  status=1
fi
exit $status

#!/bin/sh
# tests/gdb/walk.sh: the walk-through of book chapter 15, "Watching the machine": gdb on
# examples/app.js under the build `make gdb` uses (-O0, switch dispatch, in
# build-debug-switch/; made here if needed), from main into the interpreter loop, into
# the native Array.prototype.reduce, and into the first instruction of its callback,
# stepping the loop there. walk.expected is the transcript the chapter quotes (UPDATE=1
# rewrites it); addresses and C line numbers are normalised, the rest must not change.
. ./lib/gdb-lib.sh
gdb_check_usable
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-gdb.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

if ! make -C "$root" --no-print-directory gdb-build >"$tmp/build.log" 2>&1; then
  echo "make gdb-build failed:"
  cat "$tmp/build.log"
  exit 1
fi

cat >"$tmp/cmds" <<'CMDS'
echo @@ break main\n
break main
echo @@ run\n
run
echo @@ break interp_run\n
break interp_run
echo @@ continue\n
continue
echo @@ bt -frame-arguments presence\n
bt -frame-arguments presence
echo @@ next\n
next
echo @@ next\n
next
echo @@ next\n
next
echo @@ next\n
next
echo @@ js bt\n
js bt
echo @@ js dis\n
js dis
echo @@ delete\n
delete
echo @@ break array_reduce\n
break array_reduce
echo @@ continue\n
continue
echo @@ js bt\n
js bt
echo @@ js stack 1\n
js stack 1
echo @@ break interp_run\n
break interp_run
echo @@ continue\n
continue
echo @@ next\n
next
echo @@ next\n
next
echo @@ next\n
next
echo @@ next\n
next
echo @@ js bt\n
js bt
echo @@ js list\n
js list
echo @@ js dis\n
js dis
echo @@ js locals\n
js locals
echo @@ next\n
next
echo @@ next\n
next
echo @@ js stack\n
js stack
echo @@ print sp[-1]\n
print sp[-1]
echo @@ next\n
next
echo @@ next\n
next
echo @@ js stack\n
js stack
echo @@ print *frame\n
print *frame
echo @@\n
kill
CMDS

here=$root/examples
cd "$here" || exit 2
GDB_PROGRAM=$root/build-debug-switch/tinynode GDB_SCRIPT=app.js gdb_session "$tmp/cmds" "$tmp/out"
cd "$OLDPWD" || exit 2
# What differs between machines and builds: addresses, C source line numbers, gdb's notes
# about threads. Everything JavaScript-level is kept as it is.
sed -e 's/0x[0-9a-f][0-9a-f]*/0x.../g' -e 's/\(\.[ch]\):[0-9][0-9]*/\1:N/g' \
  -e 's/, line [0-9][0-9]*\./, line N./' -e 's/^[0-9][0-9]*\t/N\t/' \
  -e '/^\[Thread debugging\|^Using host libthread_db\|^\[Inferior 1/d' \
  "$tmp/out" >"$tmp/actual"
gdb_compare walk.expected "$tmp/actual"

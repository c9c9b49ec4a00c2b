#!/bin/sh
# tests/gdb/session.sh: the gdb helper (tools/tinynode-gdb.py) on session.js, in one gdb
# run: the Token and Node printers in the parser, then `js stack`, `js locals`, `js dis`
# and Value printing at the `debugger` statement, then `js bt`, `js list` and Frame
# printing inside the native Math.max. The output must equal session.expected (no
# addresses, nothing a build flavour changes), and `js dis` must also equal the function's
# listing in `tinynode --dump-bytecode`. Exit 77 when gdb (with Python) is missing.
. ./lib/gdb-lib.sh
gdb_check_usable

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-gdb.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/cmds" <<'CMDS'
echo @@\n
break parse_check_binding_name
run
echo @@ print *id\n
print *id
echo @@ print p->tok\n
print p->tok
echo @@\n
delete
break vm_debugger_hook
continue
echo @@ js stack\n
js stack
echo @@ js locals\n
js locals
echo @@ print vm->frames[0].registers[8]\n
print vm->frames[0].registers[8]
echo @@ print *vm->frames[0].registers@3\n
print *vm->frames[0].registers@3
echo @@ js dis\n
js dis
echo @@\n
delete
break math_extreme
continue
echo @@ js bt\n
js bt
echo @@ js list\n
js list
echo @@ js stack\n
js stack
echo @@ js list 2\n
js list 2
echo @@ print vm->frames[vm->frame_count - 2]\n
print vm->frames[vm->frame_count - 2]
echo @@ print *vm->frames@vm->frame_count\n
print *vm->frames@vm->frame_count
echo @@\n
kill
CMDS

gdb_session "$tmp/cmds" "$tmp/actual"
status=0
gdb_compare session.expected "$tmp/actual" || status=1

# `js dis` reads the bytecode from memory; --dump-bytecode prints it from the compiler's
# side. Apart from the => marker they must agree line for line.
awk '/^\(gdb\) js dis$/ { on = 1; next } /^\(gdb\)/ { on = 0 } on { sub(/^=>/, "  "); print }' \
  "$tmp/actual" >"$tmp/dis"
"$TINYNODE" --dump-bytecode session.js | awk '/^== \(toplevel\)/ { on = 1 } /^$/ { on = 0 } on' \
  >"$tmp/dump"
if ! cmp -s "$tmp/dump" "$tmp/dis"; then
  echo "js dis differs from --dump-bytecode (- dump, + js dis):"
  diff -u "$tmp/dump" "$tmp/dis"
  status=1
fi
exit $status

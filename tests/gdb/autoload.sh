#!/bin/sh
# tests/gdb/autoload.sh: gdb loads the helper by itself, as `make gdb` relies on: the build
# copies tools/tinynode-gdb.py next to the binary as tinynode-gdb.py, and once that
# directory is an auto-load safe path, gdb runs it when it opens the binary. Checks that
# the `js` commands and the tinynode pretty-printers then exist.
. ./lib/gdb-lib.sh
gdb_check_usable
bindir=$(cd "$(dirname "$TINYNODE")" && pwd -P)
if [ ! -f "$bindir/tinynode-gdb.py" ]; then
  echo "skipped: no tinynode-gdb.py next to $TINYNODE (make copies it there)"
  exit 77
fi
out=$(gdb -nx -batch -iex 'set debuginfod enabled off' -iex "add-auto-load-safe-path $bindir" \
  -ex 'help js' -ex 'info pretty-printer' "$TINYNODE" 2>&1)
case $out in
  *"js bt"*"objfile $bindir/$(basename "$TINYNODE") pretty-printers:"*tinynode*) exit 0 ;;
esac
echo "gdb did not auto-load $bindir/tinynode-gdb.py; it said:"
echo "$out"
exit 1

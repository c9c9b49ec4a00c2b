# tests/exercises/13/lib/gdb-exercise.sh: what the chapter 13 exercise scripts share,
# sourced from tests/exercises/13: tests/gdb's library (which skips the test where gdb
# or its Python is missing) with the tree's root and the helper's path set for this
# directory, and a temporary directory. A script whose commands must go on after an
# error starts its command file with lib/try.gdb.
. ../../gdb/lib/gdb-lib.sh
root=$(cd ../../.. && pwd -P)
helper=$root/tools/tinynode-gdb.py
gdb_check_usable
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-gdb.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

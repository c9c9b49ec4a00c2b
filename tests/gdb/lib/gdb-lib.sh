# tests/gdb/lib/gdb-lib.sh: what the gdb helper's tests share (sourced, not a test).
#
# gdb_check_usable            exit 77 (skip) unless gdb with Python can debug $TINYNODE
# gdb_session CMDS OUT        run $TINYNODE session.js under `gdb -batch` with the helper
#                             and the command file CMDS; write the checked part to OUT
#                             (GDB_PROGRAM and GDB_SCRIPT run another binary or script)
# gdb_compare EXPECTED ACTUAL diff them (UPDATE=1 rewrites EXPECTED instead); 0 if equal
#
# A command file marks what is checked: `echo @@ js bt\n` starts a section whose output is
# kept (headed `(gdb) js bt`), `echo @@\n` starts one that is dropped (run, continue,
# break: their messages hold addresses and differ between builds).

root=$(cd ../.. && pwd -P)
here=$(pwd -P)
helper=$root/tools/tinynode-gdb.py

gdb_check_usable() {
  if ! command -v gdb >/dev/null 2>&1; then
    echo "skipped: gdb is not installed"
    exit 77
  fi
  if ! gdb -nx -batch -ex 'python import gdb' >/dev/null 2>&1; then
    echo "skipped: this gdb has no Python"
    exit 77
  fi
  case $(basename "$TINYNODE") in
    tinynode*) ;;
    *) echo "skipped: $TINYNODE is not tinynode"; exit 77 ;;
  esac
}

gdb_session() {
  # LeakSanitizer cannot run under ptrace; the asan build is otherwise fine in gdb.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
  export ASAN_OPTIONS
  LC_ALL=C.UTF-8 gdb -nx -batch -iex 'set debuginfod enabled off' \
    -iex 'set auto-load python-scripts off' -iex 'set pagination off' -iex 'set width 0' \
    -x "$helper" -x "$1" --args "${GDB_PROGRAM:-$TINYNODE}" ${GDB_SCRIPT:-session.js} \
    >"$2.raw" 2>"$2.err" </dev/null
  awk -v dir="$here" '
    function subst(s,   i, out) {           # the test directory becomes <dir>
      out = ""
      while ((i = index(s, dir)) > 0) {
        out = out substr(s, 1, i - 1) "<dir>"
        s = substr(s, i + length(dir))
      }
      return out s
    }
    /^@@/ { keep = length($0) > 2; if (keep) print "(gdb)" substr($0, 3); next }
    keep { print subst($0) }' "$2.raw" >"$2"
}

gdb_compare() {
  if [ "${UPDATE:-}" = 1 ]; then
    cp "$2" "$1"
    echo "updated $1"
    return 0
  fi
  if cmp -s "$1" "$2"; then return 0; fi
  echo "gdb output differs from $1 (- expected, + actual):"
  diff -u "$1" "$2"
  echo "gdb's stderr:"
  cat "$2.err"
  return 1
}

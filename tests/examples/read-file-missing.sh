# read-file-missing.sh: the tutorial's examples/read-file.js run where there is no
# message.txt. Like Node it must still print both synchronous lines on stdout, then report
# the error from the callback on stderr, and exit 0 (the callback handled the error).
# It runs in an empty scratch directory, so it is a script rather than a .js golden test.
set -u
here=$(cd "$(dirname "$0")" && pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-readfile.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
cp "$here/../../examples/read-file.js" "$work/read-file.js"

printf '%s\n' "Reading file..." "This line runs before the file finishes reading." >"$work/expected.out"
printf '%s\n' "Could not read file: ENOENT: no such file or directory, open 'message.txt'" \
  >"$work/expected.err"

# run ENGINE NAME: run read-file.js in the scratch directory and compare; 0 when all match.
run() {
  (cd "$work" && "$1" read-file.js) >"$work/$2.out" 2>"$work/$2.err" </dev/null
  status=$?
  ok=0
  diff -u "$work/expected.out" "$work/$2.out" || ok=1
  diff -u "$work/expected.err" "$work/$2.err" || ok=1
  [ "$status" -eq 0 ] || { echo "$2: exit status $status, expected 0"; ok=1; }
  return $ok
}

failed=0
run "$TINYNODE" tinynode || { echo "tinynode's output differs"; failed=1; }
if [ -n "${NODE:-}" ]; then
  run "$NODE" node || { echo "expectation not reproduced by node"; failed=1; }
else
  echo "node cross-check skipped (no node)"
fi
exit $failed

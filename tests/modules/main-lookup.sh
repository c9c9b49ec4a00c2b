# main-lookup.sh: the main script is found as node finds it: `tinynode app` runs app.js,
# a directory runs its index.js, and a missing one is MODULE_NOT_FOUND with an empty
# require stack, reported from node's loader (status 1). Scratch directory, both engines.
set -u
work=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-main.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
mkdir "$work/dir"
echo "console.log('app.js', module.id, require.main === module)" >"$work/app.js"
echo "console.log('dir/index.js', __filename.endsWith('/dir/index.js'))" >"$work/dir/index.js"

cat >"$work/expected" <<'X'
app.js . true
status 0
dir/index.js true
status 0
node:internal/modules/cjs/loader:1210
  throw err;
  ^

Error: Cannot find module '<work>/nope'
  code: 'MODULE_NOT_FOUND',
  requireStack: []
}

status 1
X

# run ENGINE NAME: the three runs, stderr's engine lines dropped; 0 when all match.
run() {
  for script in app dir nope; do
    (cd "$work" && "$1" $script) 2>&1 </dev/null
    echo "status $?"
  done | sed -e "s|$work|<work>|g" -e '/^    at /d' -e '/^Node.js v/d' -e '/^tinynode v/d' \
    >"$work/$2.out"
  diff -u "$work/expected" "$work/$2.out"
}

failed=0
run "$TINYNODE" tinynode || { echo "tinynode's output differs"; failed=1; }
if [ -n "${NODE:-}" ]; then
  run "$NODE" node || { echo "expectation not reproduced by node"; failed=1; }
else
  echo "node cross-check skipped (no node)"
fi
exit $failed

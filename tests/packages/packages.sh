#!/bin/sh
# Popular pure-JavaScript npm packages, unmodified: each script in scripts/ uses some
# (argument parsing, dates, YAML, deep object utilities and templates, colours,
# semver ranges, query strings, ids) and must print what node printed (scripts/*.out).
# The packages are fetched by fetch.sh into a cache outside the tree
# (TINYNODE_PACKAGES, default ~/.cache/tinynode/packages); offline, this test skips.
# Fetching gets a few seconds, so that a network that drops connections makes this skip
# rather than run out of the test's time; what was fetched stays for the next run.
cache=${TINYNODE_PACKAGES:-${XDG_CACHE_HOME:-$HOME/.cache}/tinynode/packages}
reason=$(timeout 6 sh ./fetch.sh "$cache" 2>&1 | tail -n 1)
if [ ! -f "$cache/node_modules/uuid/.fetched-9.0.1" ] || [ -n "$reason" ]; then
  echo "packages not available: ${reason:-not fetched within 6 s (sh tests/packages/fetch.sh $cache fetches them)}"
  exit 77
fi
export NODE_PATH="$cache/node_modules" TZ=UTC LANG=C
status=0
for script in scripts/*.js; do
  expected=${script%.js}.out
  actual=$(cd scripts && "$TINYNODE" "$(basename "$script")" 2>&1)
  if [ "$actual" != "$(cat "$expected")" ]; then
    echo "$script: tinynode's output differs from the expectation (- expected, + actual):"
    printf '%s\n' "$actual" | diff "$expected" - | sed 's/^/    /'
    status=1
  fi
  if [ -n "$NODE" ] && [ "$(cd scripts && "$NODE" "$(basename "$script")" 2>&1)" != "$(cat "$expected")" ]; then
    echo "$script: node's output differs from the expectation"
    status=1
  fi
done
exit $status

#!/bin/sh
# bench/fs-large.sh: a 200 MB file read whole with fs.readFile, and copied through
# streams, under tinynode and node; prints the seconds each took and the copy's peak
# memory. Not a test and not part of `make bench` (it writes 400 MB to $TMPDIR).
#   sh bench/fs-large.sh [MB]
cd "$(dirname "$0")" || exit 1
TINYNODE=${TINYNODE:-../tinynode}
mb=${1:-200}
file=$(mktemp "${TMPDIR:-/tmp}/fs-large.XXXXXX") || exit 1
trap 'rm -f "$file" "$file.copy"' EXIT
head -c "$((mb * 1048576))" /dev/urandom > "$file"

seconds() { # seconds CMD...: run CMD, print its wall time and its output's last line
  start=$(date +%s.%N)
  out=$("$@" 2>&1 | tail -1)
  end=$(date +%s.%N)
  echo "$start $end" | awk -v out="$out" '{ printf "%7.3f s  %s", $2 - $1, out }'
}

printf 'readFile of %d MB\n' "$mb"
printf '  tinynode %s\n' "$(seconds "$TINYNODE" fs/large.js readFile "$file")"
command -v node >/dev/null && printf '  node     %s\n' "$(seconds node fs/large.js readFile "$file")"
printf 'stream copy of %d MB\n' "$mb"
printf '  tinynode %s\n' "$(seconds "$TINYNODE" fs/large.js stream "$file")"
command -v node >/dev/null && printf '  node     %s\n' "$(seconds node fs/large.js stream "$file")"

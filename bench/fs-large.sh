#!/bin/sh
# bench/fs-large.sh: a 200 MB file read whole with fs.readFile, and copied through
# streams, under tinynode and node; prints the seconds each took and the copy's peak
# memory. Part of `make bench` (bench/run.sh), which skips it when $TMPDIR has less than
# three times the file's size free (it writes the file and its copy); also run alone:
#   sh bench/fs-large.sh [MB]
# The file is read once (cat) before anything is timed, and the engines take turns,
# twice each, the better time printed: whichever read first paid for the page cache
# the write had left cold (0.2-0.5 s, which made tinynode, always first, look 2-3x
# slower than node on a busy machine).
cd "$(dirname "$0")" || exit 1
TINYNODE=${TINYNODE:-../tinynode}
mb=${1:-200}
file=$(mktemp "${TMPDIR:-/tmp}/fs-large.XXXXXX") || exit 1
trap 'rm -f "$file" "$file.copy"' EXIT
head -c "$((mb * 1048576))" /dev/urandom > "$file"
cat "$file" > /dev/null

seconds() { # seconds CMD...: run CMD, print its wall time and its output's last line
  start=$(date +%s.%N)
  out=$("$@" 2>&1 | tail -1)
  end=$(date +%s.%N)
  echo "$start $end" | awk -v out="$out" '{ printf "%7.3f s  %s", $2 - $1, out }'
}

better() { # better RUN RUN: the faster of two runs ("TIME s  OUTPUT")
  if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; then echo "$1"; else echo "$2"; fi
}

# run WHAT: both engines in turns, twice each, and the better time of each.
run() {
  t1=$(seconds "$TINYNODE" fs/large.js "$1" "$file")
  have_node && n1=$(seconds node fs/large.js "$1" "$file")
  t2=$(seconds "$TINYNODE" fs/large.js "$1" "$file")
  have_node && n2=$(seconds node fs/large.js "$1" "$file")
  printf '  tinynode %s\n' "$(better "$t1" "$t2")"
  have_node && printf '  node     %s\n' "$(better "$n1" "$n2")"
  return 0
}

have_node() { command -v node >/dev/null; }

printf 'readFile of %d MB\n' "$mb"
run readFile
printf 'stream copy of %d MB\n' "$mb"
run stream

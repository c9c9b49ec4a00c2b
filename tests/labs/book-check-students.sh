#!/bin/sh
# book-check and .lab (tools/book-check.sh, tools/lab.sh exercise-mode), on a tree of
# three files made for the test: a chapter quoting a region of src/demo.c and the whole
# of tests/demo.out. A student's edit of either fails book-check, unless .lab gives the
# listing to the student: by its region's name, by the whole file's path, or by
# `region *`, which is what `make exercise-mode` adds (and `make exercise-mode-off`
# takes out again, leaving a lab copy's own lines alone).
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd -P)
tree=$(mktemp -d "${TMPDIR:-/tmp}/book-check-students.XXXXXX") || exit 1
trap 'rm -rf "$tree"' EXIT
mkdir "$tree/tools" "$tree/book" "$tree/src" "$tree/tests"
cp "$root/tools/book-check.sh" "$root/tools/lab.sh" "$tree/tools/"
cd "$tree" || exit 1
fence='```'
cat >book/01-demo.md <<EOF
# 1. Demo

<!-- listing: demo.add -->
${fence}c
int add(int a, int b) { return a + b; }
$fence

<!-- listing: tests/demo.out -->
$fence
3
$fence
EOF
printf '//> demo.add\nint add(int a, int b) { return a + b; }\n//< demo.add\n' >src/demo.c
echo 3 >tests/demo.out

failures=0
# expect WHAT STATUS SUMMARY: book-check exits with STATUS and its last line ends in SUMMARY.
expect() {
  sh tools/book-check.sh >out 2>&1
  status=$?
  last=$(tail -n 1 out)
  case "$status $last" in
  "$2 "*"$3") echo "ok   $1" ;;
  *)
    echo "FAIL $1: exit $status (want $2), last line: $last (want ...$3)"
    sed 's/^/    /' out
    failures=$((failures + 1))
    ;;
  esac
}

expect "untouched" 0 "all match"
printf '//> demo.add\nint add(int a, int b) { return b + a; }\n//< demo.add\n' >src/demo.c
echo 4 >tests/demo.out
expect "the student's edits, no .lab" 1 "2 problem(s)"
printf 'lab demo\nregion demo.add\n' >.lab
expect "a lab's region" 1 "1 problem(s)"
grep -q "listing of tests/demo.out differs" out || { echo "FAIL the whole file is not the problem"; failures=$((failures + 1)); }
echo 'region tests/demo.out' >>.lab
expect "and the whole file, by its path" 0 "all match (2 of them yours by .lab: not compared)"
rm .lab

sh tools/lab.sh exercise-mode on >/dev/null
expect "exercise mode" 0 "all match (2 of them yours by .lab: not compared)"
sh tools/book-check.sh --fix >/dev/null
grep -qx 'int add(int a, int b) { return b + a; }' book/01-demo.md &&
  echo "ok   --fix still rewrites the book" ||
  { echo "FAIL --fix left the listing alone"; failures=$((failures + 1)); }
sh tools/lab.sh exercise-mode off >/dev/null
[ ! -e .lab ] && echo "ok   exercise-mode-off removes the .lab it made" ||
  { echo "FAIL .lab is still there"; failures=$((failures + 1)); }

printf '//> demo.add\nint add(int a, int b) { return 0; }\n//< demo.add\n' >src/demo.c
echo 5 >tests/demo.out
printf '# a lab copy\nlab demo\nregion demo.add\n' >.lab
sh tools/lab.sh exercise-mode on >/dev/null
sh tools/lab.sh exercise-mode on >/dev/null # twice: nothing more
expect "exercise mode in a lab copy" 0 "all match (2 of them yours by .lab: not compared)"
sh tools/lab.sh exercise-mode off >/dev/null
printf '# a lab copy\nlab demo\nregion demo.add\n' | cmp -s - .lab &&
  echo "ok   exercise-mode-off leaves the lab's .lab as it was" ||
  { echo "FAIL the lab's .lab changed:"; sed 's/^/    /' .lab; failures=$((failures + 1)); }
expect "the lab copy again" 1 "1 problem(s)"
[ "$failures" -eq 0 ]

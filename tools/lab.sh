#!/bin/sh
# tools/lab.sh: the labs (labs/README.md). A lab removes a named part of the real source
# and asks the student to write it again; the tree itself is the reference solution.
#
# Usage: sh tools/lab.sh list                  every lab, by chapter
#        sh tools/lab.sh prepare NAME [DIR]    copy the tree to DIR (default
#                                              ../tinynode-lab-NAME), blank the lab's regions
#        sh tools/lab.sh grade [NAME]          run the lab's tests: one line each, then
#                                              `Score: x/y` (NAME defaults to the copy's lab)
#        sh tools/lab.sh copy DIR              only copy the tree (tools/check-exercises.sh)
#        sh tools/lab.sh stubs                 check that every lab's stubs compile where
#                                              they go (quick: tests/labs/stubs.sh runs it)
#        sh tools/lab.sh exercise-mode on|off  book-check takes every listing that differs
#                                              for yours (`region *` in .lab), or no more
# `make lab`, `make grade`, `make exercise-mode` and tools/check-labs.sh call it. POSIX sh,
# awk, tar.

set -u
root=$(cd "$(dirname "$0")/.." && pwd -P)

die() {
  echo "lab: $*" >&2
  exit 2
}

# field LAB KEY: the values of every `KEY ...` line of labs/LAB/lab, one per line.
field() {
  awk -v k="$2" '$1 == k { sub(/^[^ \t]+[ \t]+/, ""); print }' "$root/labs/$1/lab"
}

# known LAB: fail unless labs/LAB/lab exists.
known() {
  [ -n "$1" ] && [ -f "$root/labs/$1/lab" ] ||
    die "no lab '$1' (sh tools/lab.sh list shows them)"
}

# ==== list ===================================================================

list() {
  for f in "$root"/labs/*/lab; do
    name=$(basename "$(dirname "$f")")
    printf '%s %-22s %-9s %s\n' "$(field "$name" chapter)" "$name" \
      "$(field "$name" time)" "$(field "$name" title)"
  done | LC_ALL=C sort -k1,1n -k2
}

# ==== prepare ================================================================

# blank_region FILE REGION STUB: replace the lines between `//> REGION` and `//< REGION`
# in FILE with the text of STUB; the marker lines stay, so the book still finds the region.
blank_region() {
  awk -v r="$2" -v stub="$3" '
    $0 ~ "^[ \t]*//> " r "[ \t]*$" { print; while ((getline l < stub) > 0) print l; skip = 1; next }
    $0 ~ "^[ \t]*//< " r "[ \t]*$" { skip = 0 }
    !skip' "$1" >"$1.lab-tmp" && mv "$1.lab-tmp" "$1"
}

# mark_listing REGION LAB: in the chapters, put a note before each listing of REGION
# saying that it is the student's to write (the block itself is rewritten later by
# book-check --fix, from the stub).
mark_listing() {
  for md in book/*.md; do
    grep -q "^<!-- listing: $1 -->" "$md" || continue
    awk -v r="$1" -v lab="$2" '
      $0 == "<!-- listing: " r " -->" {
        print "> **Lab " lab ":** the listing below is yours to write (labs/" lab "/lab.md)."
        print ""
      }
      { print }' "$md" >"$md.lab-tmp" && mv "$md.lab-tmp" "$md"
  done
}

# copy_tree DIR: the tree without git and without build flavours other than the default
# (whose objects make the first build in the copy quick: only the blanked files rebuild).
copy_tree() {
  mkdir -p "$1" || die "cannot create $1"
  (cd "$root" && tar cf - --exclude=./.git --exclude='./build-*' --exclude=./BRIEF.md .) |
    (cd "$1" && tar xf -) || die "cannot copy the tree to $1"
}

prepare() {
  known "$1"
  lab=$1
  dir=${2:-$root/../tinynode-lab-$lab}
  [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ] && die "$dir exists and is not empty"
  copy_tree "$dir"
  dir=$(cd "$dir" && pwd -P)
  cd "$dir" || exit 2
  {
    echo "# A lab copy made by \`make lab LAB=$lab\` (tools/lab.sh): book-check reports the"
    echo "# regions below as the student's to write instead of failing on them."
    echo "lab $lab"
    field "$lab" region | sed 's/^/region /'
  } >.lab
  field "$lab" region | while read -r region; do
    file=$(region_file "$region")
    [ -n "$file" ] || die "region $region is not in the tree"
    blank_region "$file" "$region" "$root/labs/$lab/$region.stub"
    mark_listing "$region" "$lab"
  done
  sh tools/book-check.sh --fix >/dev/null
  [ -n "${LAB_QUIET:-}" ] && return 0
  echo "lab $lab is ready in $dir"
  echo "  read labs/$lab/lab.md there, write the code, then: make && make grade"
}

# ==== grade ==================================================================

# grade [LAB]: run the lab's tests under ./tinynode (node is not needed: the expectations
# are node's already) and print `pass ID` / `FAIL ID` for each, then the score. Exit 0 on
# full marks. GRADE_VERBOSE=1 shows the failing diffs.
grade() {
  lab=${1:-}
  [ -z "$lab" ] && [ -f "$root/.lab" ] && lab=$(awk '$1 == "lab" { print $2 }' "$root/.lab")
  [ -n "$lab" ] || die "which lab? make grade LAB=NAME (or run it in a lab copy)"
  known "$lab"
  cd "$root" || exit 2
  tests=$(field "$lab" test)
  # A C unit test (tests/unit/NAME.c) runs with all the others: the runner takes only
  # the directory. The runner's ids: AREA/NAME for NAME.js, AREA/NAME.sh for a script
  # test, unit/NAME for a unit test.
  paths=$(echo "$tests" | sed 's|^tests/unit/.*|tests/unit|' | awk '!seen[$0]++')
  tmp=$(mktemp "${TMPDIR:-/tmp}/lab-grade.XXXXXX") || exit 2
  # shellcheck disable=SC2086 # test paths have no spaces
  NO_NODE=1 VERBOSE=1 sh tests/run.sh $paths >"$tmp" 2>&1
  [ -n "${GRADE_VERBOSE:-}" ] && cat "$tmp"
  total=0
  score=0
  for t in $tests; do
    [ -f "$t" ] || die "lab $lab lists $t, which does not exist"
    id=$(basename "$(dirname "$t")")/$(basename "$t" | sed -e 's/\.js$//' -e 's/\.c$//')
    total=$((total + 1))
    if grep -q "^ok   $id\$" "$tmp"; then
      score=$((score + 1))
      echo "pass $id"
    else
      echo "FAIL $id"
    fi
  done
  rm -f "$tmp"
  echo "Score: $score/$total"
  [ "$score" = "$total" ]
}

# ==== stubs ==================================================================

# region_file REGION: the source file that holds //> REGION.
region_file() {
  grep -rlE --include='*.[ch]' "^[[:space:]]*//> $1[[:space:]]*\$" lexer parser vm runtime stdlib main.c
}

# stubs: for every region of every lab, the file with that region blanked must still
# compile (syntax and types only), so that a change to the real code that the stub no
# longer matches (a new return type, a renamed type) is found the day it is made, not
# the day CI's rotation reaches the lab. The blanked copy sits beside the original, so
# that its includes resolve as the original's do.
stubs() {
  cd "$root" || exit 2
  checked=0
  failed=0
  for f in labs/*/lab; do
    lab=$(basename "$(dirname "$f")")
    for region in $(field "$lab" region); do
      file=$(region_file "$region")
      [ -n "$file" ] || { echo "FAIL $lab: region $region is not in the tree"; failed=$((failed + 1)); continue; }
      copy=${file%.c}.lab-stub-$$.c
      cp "$file" "$copy"
      blank_region "$copy" "$region" "labs/$lab/$region.stub"
      checked=$((checked + 1))
      if ! ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I. -fsyntax-only \
        "$copy" 2>"$copy.err"; then
        echo "FAIL $lab: $file with $region blanked does not compile:"
        sed "s|$copy|$file|" "$copy.err" | head -n 5
        failed=$((failed + 1))
      fi
      rm -f "$copy" "$copy.err"
    done
  done
  echo "lab stubs: $((checked - failed)) of $checked regions compile blanked"
  [ "$failed" -eq 0 ]
}

# ==== exercise-mode ==========================================================

# exercise_mode on|off: a student who solves the book's exercises in their own tree
# changes code the chapters quote, and expected outputs they show whole. `on` adds
# `region *` to .lab (making the file if need be), so that book-check, and so `make
# test`, reports each listing that differs as the student's instead of failing; `off`
# takes out just what `on` added, and the file once nothing else is left in it. A lab
# copy's .lab keeps its `lab` line, so that `make grade` still works there. .lab is in
# .gitignore: exercise mode is never committed.
exercise_mode() {
  cd "$root" || exit 2
  case $1 in
  on)
    if [ -f .lab ] && grep -q '^region \*$' .lab; then
      echo "exercise mode: on already (.lab has region *)"
      return 0
    fi
    {
      echo "# exercise mode (make exercise-mode): book-check reports the listings that differ"
      echo "# exercise mode: as yours, not as problems; make exercise-mode-off ends it"
      echo "exercise-mode on"
      echo "region *"
    } >>.lab
    echo "exercise mode: on; book-check reports the listings your changes make differ as yours"
    ;;
  off)
    if [ ! -f .lab ] || ! grep -q '^exercise-mode on$' .lab; then
      echo "exercise mode: not on (no .lab made by make exercise-mode)"
      return 0
    fi
    grep -v -e '^# exercise mode' -e '^exercise-mode on$' -e '^region \*$' .lab >.lab.tmp
    if grep -q '^[^#]' .lab.tmp; then mv .lab.tmp .lab; else rm -f .lab .lab.tmp; fi
    echo "exercise mode: off; book-check compares every listing again"
    ;;
  *) die "exercise-mode on or off?" ;;
  esac
}

case ${1:-} in
  list) list ;;
  prepare) prepare "${2:-}" "${3:-}" ;;
  grade) grade "${2:-}" ;;
  copy) copy_tree "${2:?}" ;;
  stubs) stubs ;;
  exercise-mode) exercise_mode "${2:-}" ;;
  *) sed -n '5,14p' "$0" >&2; exit 2 ;;
esac

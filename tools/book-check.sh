#!/bin/sh
# tools/book-check.sh: keeps the book honest (`make book-check`, part of `make test`).
#
# A chapter never pastes code by hand. It cites a named region of a real source file:
#
#     <!-- listing: vm.value-encoding -->
#     ```c
#     ...exactly the lines between `//> vm.value-encoding` and `//< vm.value-encoding`...
#     ```
#
# and this script fails when the region is missing or the copy in the chapter differs.
# A listing names the region only, never the file that holds it, so that moving a file
# breaks no chapter. `<!-- listing: PATH -->` (a path, with a slash) cites a whole file,
# for files that cannot carry markers, like the tutorial's examples/*.js.
# Regions are marked in the sources with `//> NAME` and `//< NAME` lines (or `#> NAME` and
# `#< NAME` in shell, Python and Makefiles); names are unique across the tree, and marker
# lines of regions nested inside a region are left out of its text. Prose may also point
# at code by symbol, `vm/interp.c: interp_run` in backticks: the file must exist and
# contain that symbol as a whole word.
#
# Usage: sh tools/book-check.sh          check; exit 1 on any problem
#        sh tools/book-check.sh --fix    rewrite every cited block from its source, then
#                                        re-read the prose around each changed block
# POSIX sh, awk, grep, diff; the summary line comes last.

set -u
cd "$(dirname "$0")/.." || exit 2
fix=0
[ "${1:-}" = --fix ] && fix=1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/book-check.XXXXXX") || exit 2

# A lab copy (`make lab`, tools/lab.sh), an exercise's scratch copy, or a tree in
# exercise mode (`make exercise-mode`) has a file .lab naming what the student rewrites:
# `region NAME`, `region PATH` for a whole-file listing, or `region *` for everything. A
# listing of one of them that differs is reported as the student's, not as a problem, so
# that book-check (and so `make test`) never fails on the code the student was asked to
# write, nor on a test's expected output (a whole-file listing) their solution changes.
student_regions=" "
[ -f .lab ] && student_regions=" $(awk '$1 == "region" { printf "%s ", $2 }' .lab)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/regions" "$tmp/blocks"
problems=0
yours=0 # listings that differ, but are the student's (.lab)

# problem MESSAGE: report one problem (the details, like a diff, may follow).
problem() {
  echo "$1"
  problems=$((problems + 1))
}

# ==== 1. Every region in the tree ============================================
#
# Files that contain marker lines (anywhere but .git, build directories and the chapters
# themselves) are read once by awk, which writes each region's text to regions/NAME and
# an index line "NAME PATH LINE". Broken markers are reported as it goes.

marker='^[ \t]*(//|#)[<>] [A-Za-z0-9_][A-Za-z0-9_.-]*[ \t]*$'
# ./tinynode-gdb.py is the build's copy of tools/tinynode-gdb.py (for gdb's auto-load);
# *.patch files (the exercises' reference solutions) quote marker lines as diff context,
# and *.orig and *.rej files are what patch leaves behind (a hunk applied with fuzz, or not).
find . \( -name .git -o -name 'build' -o -name 'build-*' -o -name node_modules \
  -o -path ./tinynode-gdb.py \) -prune \
  -o -type f ! -name '*.md' ! -name '*.patch' ! -name '*.orig' ! -name '*.rej' -print |
  sed 's|^\./||' | LC_ALL=C sort >"$tmp/files"
# grep -l over the list: only files with at least one marker line (text files only). One
# grep for many files (xargs), not one per file: the tree has about 2,000 of them.
xargs grep -lIE "$marker" <"$tmp/files" 2>/dev/null | LC_ALL=C sort >"$tmp/marked"

#> tools.book-regions
if [ -s "$tmp/marked" ]; then
  # shellcheck disable=SC2046 # file names come from our own tree, without spaces
  awk -v out="$tmp/regions" -v marker="$marker" '
    function close_file(   n) {               # regions left open at the end of a file
      for (n in open) { printf "%s:%d: region %s is opened but never closed\n", where[n], start[n], n; delete open[n] }
    }
    FNR == 1 { close_file() }
    $0 ~ marker {
      line = $0; sub(/^[ \t]*(\/\/|#)/, "", line)
      kind = substr(line, 1, 1); name = substr(line, 3); sub(/[ \t]+$/, "", name)
      if (kind == ">") {
        if (name in seen) { printf "%s:%d: region %s is also defined at %s\n", FILENAME, FNR, name, seen[name]; dup[name] = 1; next }
        seen[name] = FILENAME ":" FNR; open[name] = 1; where[name] = FILENAME; start[name] = FNR
        printf "" > (out "/" name)
        print name, FILENAME, FNR > (out "/index")
      } else if (name in open) {
        delete open[name]; close(out "/" name)
      } else if (name in dup) {
        delete dup[name]                     # the end of a duplicate, already reported
      } else {
        printf "%s:%d: region %s is closed but was never opened\n", FILENAME, FNR, name
      }
      next                                   # marker lines are never part of a text
    }
    { for (n in open) print > (out "/" n) }
    END { close_file() }' $(cat "$tmp/marked") >"$tmp/region-problems"
fi
#< tools.book-regions
touch "$tmp/regions/index" "$tmp/region-problems"
while read -r msg; do problem "$msg"; done <"$tmp/region-problems"

# ==== 2. Every listing and reference in the chapters =========================
#
# awk walks each chapter once and writes two lists: listings (chapter, line, path, region,
# file holding the block's text) and references (chapter, line, path, symbol). Code blocks
# are skipped when looking for references.

ls book/*.md >/dev/null 2>&1 && chapters=$(ls book/*.md) || chapters=""
for md in $chapters; do
  awk -v md="$md" -v blocks="$tmp/blocks" -v lst="$tmp/listings" -v refs="$tmp/references" '
    function fence_len(s) { return match(s, /^```+/) ? RLENGTH : 0 }
    BEGIN { want = 0; inblock = 0; tag = md; gsub(/[^A-Za-z0-9]/, "_", tag) } # blocks: per chapter
    inblock {
      if (fence_len($0) >= inblock && $0 ~ /^`+[ \t]*$/) { inblock = 0; if (cur) close(cur); cur = ""; next }
      if (cur) print > cur
      next
    }
    want {                                   # the line after a listing comment
      want = 0
      if (fence_len($0) < 3) { print md ":" lnum ": listing " lname " must be followed by a fenced code block"; }
      else { inblock = fence_len($0); cur = blocks "/" tag "." (++count) "." lname; printf "" > cur;
             print md, lnum, lpath, lname, cur >> lst; next }
    }
    /^<!-- listing: / {
      n = split($0, w, /[ \t]+/)
      if (n != 4 || w[4] != "-->") { print md ":" NR ": malformed listing comment (want <!-- listing: REGION --> or <!-- listing: PATH -->)"; next }
      want = 1; lnum = NR
      if (w[3] ~ /\//) { lpath = w[3]; lname = "-" }   # a path: the whole file
      else { lpath = "-"; lname = w[3] }              # a region, wherever it is
      next
    }
    fence_len($0) >= 3 { inblock = fence_len($0); cur = ""; next }
    {                                        # prose: `path/file.c: symbol` references
      s = $0
      while (match(s, /`[A-Za-z0-9_.\/-]+: [A-Za-z_][A-Za-z0-9_]*`/)) {
        ref = substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH)
        split(ref, r, /: /)
        if (r[1] ~ /\// || r[1] ~ /\.(c|h|sh|js|py|json)$/ || r[1] == "Makefile") print md, NR, r[1], r[2] >> refs
      }
    }
    END { if (want) print md ":" lnum ": listing " lname " must be followed by a fenced code block" }
  ' "$md" >>"$tmp/chapter-problems"
done
touch "$tmp/listings" "$tmp/references" "$tmp/chapter-problems"
while read -r msg; do problem "$msg"; done <"$tmp/chapter-problems"

# ==== 3. Compare =============================================================

#> tools.book-compare
# students NAME: is the listing NAME (a region's name, or a whole file's path) one that
# .lab gives to the student? Never while --fix rewrites the book.
students() {
  [ "$fix" = 0 ] && case $student_regions in *" $1 "* | *" * "*) true ;; *) false ;; esac &&
    yours=$((yours + 1))
}

# check_listing MD LINE PATH REGION BLOCK: does the block in the chapter equal the region
# (PATH is -), or the whole file PATH (REGION is -)?
check_listing() {
  if [ "$4" = - ]; then # a whole file, for files that cannot carry markers (examples/*.js)
    [ -f "$3" ] || { problem "$1:$2: listing cites $3, which does not exist"; return; }
    cmp -s "$3" "$5" && return
    [ "$fix" = 1 ] && { echo "$1:$2: listing of $3 rewritten"; return; }
    if students "$3"; then
      echo "$1:$2: listing of $3 differs from the file, which .lab says is yours: not compared"
      return
    fi
    problem "$1:$2: listing of $3 differs from the file (- book, + source):"
    diff -u "$5" "$3" | sed -e '1,2d' -e 's/^/    /'
    return
  fi
  if [ ! -f "$tmp/regions/$4" ]; then
    problem "$1:$2: listing $4: there is no region $4 (//> $4 ... //< $4) in the tree"
  elif ! cmp -s "$tmp/regions/$4" "$5"; then
    defined_in=$(awk -v n="$4" '$1 == n { print $2; exit }' "$tmp/regions/index")
    if students "$4"; then
      echo "$1:$2: listing $4 differs from $defined_in, which .lab says is yours: not compared"
    elif [ "$fix" = 1 ]; then
      echo "$1:$2: listing $4 rewritten from $defined_in"
    else
      problem "$1:$2: listing $4 differs from $defined_in (- book, + source):"
      diff -u "$5" "$tmp/regions/$4" | sed -e '1,2d' -e 's/^/    /'
    fi
  fi
}
#< tools.book-compare

nlistings=0
while read -r md line path name block; do
  nlistings=$((nlistings + 1))
  check_listing "$md" "$line" "$path" "$name" "$block"
done <"$tmp/listings"

nrefs=0
while read -r md line path symbol; do
  nrefs=$((nrefs + 1))
  if [ ! -f "$path" ]; then
    problem "$md:$line: reference \`$path: $symbol\`: $path does not exist"
  elif ! grep -qE "(^|[^A-Za-z0-9_])$symbol([^A-Za-z0-9_]|\$)" "$path"; then
    problem "$md:$line: reference \`$path: $symbol\`: $path has no $symbol"
  fi
done <"$tmp/references"

# ==== 4. --fix: rewrite the cited blocks from the sources ====================
#
# Every listing whose region exists in the cited file gets the region's text as its
# block; the fence line (and its language) is kept. Chapters are replaced only if changed.

if [ "$fix" = 1 ]; then
  for md in $chapters; do
    awk -v regions="$tmp/regions" '
      function fence_len(s) { return match(s, /^```+/) ? RLENGTH : 0 }
      skipping {                               # the old block text: drop it, keep its end
        if (fence_len($0) >= skipping && $0 ~ /^`+[ \t]*$/) { skipping = 0; print }
        next
      }
      pending {
        pending = 0
        if (fence_len($0) >= 3) {
          print
          while ((getline l < file) > 0) print l
          close(file); skipping = fence_len($0); next
        }
      }
      BEGIN { while ((getline l < (regions "/index")) > 0) { split(l, f, " "); home[f[1]] = f[2] } }
      /^<!-- listing: / {                      # a region that exists, or a whole file
        split($0, w, /[ \t]+/); file = regions "/" w[3]
        pending = (w[3] in home)
        if (w[3] ~ /\//) { file = w[3]; pending = (getline l < file) >= 0; close(file) }
      }
      { print }' "$md" >"$tmp/fixed"
    cmp -s "$md" "$tmp/fixed" || cp "$tmp/fixed" "$md"
  done
fi

# ==== Summary ================================================================

if [ "$problems" -eq 0 ]; then
  mine=""
  [ "$yours" -gt 0 ] && mine=" ($yours of them yours by .lab: not compared)"
  echo "book-check: $nlistings listings, $nrefs references, all match$mine"
else
  echo "book-check: $nlistings listings, $nrefs references, $problems problem(s)"
  exit 1
fi

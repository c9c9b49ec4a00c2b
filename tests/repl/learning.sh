#!/bin/sh
# The learning commands, beyond node: .tokens, .ast, .bytecode and .trace CODE print
# what --dump-tokens, --dump-ast, --dump-bytecode and --trace print for CODE run as a
# global script (--script), so each is checked against its flag on the same text (the
# bytecode's headers name the script REPL instead of the file). A SyntaxError is
# reported as for any line. learning/help.expected is .help's list with them, written by
# reading it (tinynode only).
. ./lib/lib.sh
code='let a = [1, 2].map(x => x * 2); a[1] + 1'
printf '%s' "$code" >"$scratch/code.js"
repl() { printf '%s\n' "$1" | "$TINYNODE" -i | sed -e '1,2d' -e 's/^> //' -e '/^> *$/d' -e '$d'; }
check() { # check LABEL COMMAND FLAG...
  label=$1 command=$2
  shift 2
  (cd "$scratch" && "$TINYNODE" --script "$@" code.js 2>&1) | sed 's/(code\.js:/(REPL:/' >"$scratch/want"
  repl "$command $code" >"$scratch/got"
  if ! diff "$scratch/want" "$scratch/got" >"$scratch/diff"; then
    echo "FAIL $label differs from tinynode $* (< flag, > command)"
    cat "$scratch/diff"
    failed=1
  fi
}
check ".tokens" .tokens --dump-tokens
check ".ast" .ast --dump-ast
check ".bytecode" .bytecode --dump-bytecode
# (--trace's source lines name the file; the REPL's code is REPL1)
(cd "$scratch" && "$TINYNODE" --script --trace code.js 2>&1; echo 5) |
  sed 's|^[^ ]*code\.js:\([0-9]*\)  |REPL1:\1  |' >"$scratch/want"
repl ".trace $code" >"$scratch/got"
diff "$scratch/want" "$scratch/got" || { echo "FAIL .trace differs from --trace"; failed=1; }
transcript ".tokens with a syntax error" learning/error.expected repl '.tokens "unterminated'
transcript ".help" learning/help.expected repl .help
finish

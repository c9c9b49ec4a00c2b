#!/bin/sh
# process.stdin as node reads it: through a pipe, from a file (< file), and on a
# pseudo-terminal (raw mode and pausing; readline's question and prompt on the line
# editor, with Backspace, history, Ctrl-C and Ctrl-D); touching
# stdin without reading it lets the process exit while the writer keeps the pipe open; and examples/stats.js, the classroom program, reads numbers from
# a pipe and a file. stdin/*.expected are node's output (UPDATE=node rewrites them).
# Every wait ends on output or on the program's exit, never on a clock.
. ../repl/lib/lib.sh
build_ptyrun
cd stdin || exit 2
fifo=$scratch/fifo

# both LABEL EXPECTED COMMAND...: COMMAND with ENGINE replaced by tinynode, then node.
both() {
  label=$1 expected=$2
  shift 2
  transcript "tinynode: $label" "$expected" env ENGINE="$TINYNODE" sh -c "$@"
  node_check "node: $label" "$expected" env ENGINE="$NODE" sh -c "$@"
}

both "a pipe" pipe.expected 'printf "h\303\251llo\nworld" | "$ENGINE" echo.js'
both "a file" file.expected '"$ENGINE" echo.js < numbers.txt'
both "an empty stdin" empty.expected '"$ENGINE" echo.js < /dev/null'
both "stats from a pipe" stats-pipe.expected 'cat numbers.txt | "$ENGINE" ../../../examples/stats.js'
both "stats from a file" stats-file.expected '"$ENGINE" ../../../examples/stats.js < numbers.txt'
both "stats, nothing" stats-empty.expected '"$ENGINE" ../../../examples/stats.js < /dev/null'

# A writer that never closes the pipe: the process must still exit.
mkfifo "$fifo" || exit 2
both "stdin left alone" untouched.expected \
  "exec 3<>'$fifo'; echo 12345 >&3; \"\$ENGINE\" untouched.js <&3; echo \"[exit \$?]\""

for t in rawmode ask sigint; do
  transcript "tinynode on a terminal: $t.js" "$t.expected" "$ptyrun" "$t.keys" "$TINYNODE" "$t.js"
  node_check "node on a terminal: $t.js" "$t.expected" "$ptyrun" "$t.keys" "$NODE" "$t.js"
done
finish

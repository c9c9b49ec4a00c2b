#!/bin/sh
# Source nested deeper than the C stack allows is node's RangeError at compile time, not
# a crash: 100,000 levels of [ ( { function `${ {a: , patterns, a.b.b..., f()()... and
# !!!..., under 1 MiB, 8 MiB and unlimited stacks (where the shell may set them), end
# with status 1 and "RangeError: Maximum call stack size exceeded", having run nothing
# (node's header points into its own loader, so only that line is compared). Such a
# module makes require() throw that RangeError, which the caller catches. And the limit
# is the stack, not a count: with an 8 MiB stack, programs 5,000 levels deep in unary
# operators, assignments and `**`, and chains of 100,000 `+` and `||`, run as in node.
. ../tools/run-lib.sh

rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
deep() { # deep NAME BEFORE OPEN MIDDLE CLOSE [AFTER]: OPEN and CLOSE 100,000 times each
  {
    printf 'console.log("ran");\n%s' "$2"
    rep 100000 "$3"; printf '%s' "$4"; rep 100000 "$5"; printf '%s\n' "${6:-}"
  } >"$scratch/$1.js"
}
deep arrays 'x = ' '[' '' ']'
deep parens 'x = ' '(' '1' ')'
deep blocks '' '{' '' '}'
deep functions '' 'function f() {' '' '}'
deep templates 'x = ' '`${' '1' '}`'
deep objects 'x = ' '{a: ' '1' '}'
deep patterns 'var ' '[' 'a' ']' ' = [];'
deep members 'x = a' '.b' '' ''
deep calls 'x = f' '()' '' ''
deep nots 'x = ' '!' '1' ''
cases="arrays parens blocks functions templates objects patterns members calls nots"
cat >"$scratch/require.js" <<'JS'
try { require('./arrays.js'); } catch (e) { console.log(e instanceof RangeError, e.message); }
console.log('continues');
JS
printf '%s\n' 'true Maximum call stack size exceeded' continues >"$scratch/require.out"
{
  printf 'let a;\nconsole.log('; rep 5000 '!'; printf '1);\nconsole.log('; rep 5000 'typeof '
  printf '1);\nconsole.log('; rep 5000 'a = '; printf '7);\nconsole.log('; rep 5000 '1 ** '
  printf '2);\nconsole.log('; rep 5000 '- '; printf '1);\nconsole.log('; rep 100000 '1 + '
  printf '1);\nconsole.log(0'; rep 100000 ' || 0'; printf ' || 7);\n'
} >"$scratch/legit.js"
printf '%s\n' true string 7 1 1 100001 7 >"$scratch/legit.out"

check_engine() { # check_engine NAME BINARY KB
  for c in $cases; do
    run "$2" "$3" "$scratch/$c.js"
    expect_stack_overflow "$1 $c, ulimit -s $3"
    [ -z "$out" ] || report "$1 $c, ulimit -s $3" "it ran: stdout is not empty"
  done
  cd "$scratch" || exit 2
  run "$2" "$3" require.js
  expect_output "$1 require.js, ulimit -s $3" require.out
  if [ "$3" != 1024 ]; then
    run "$2" "$3" legit.js
    expect_output "$1 legit.js, ulimit -s $3" legit.out
  fi
  cd - >/dev/null || exit 2
}
for kb in 1024 8192 unlimited; do
  if ! can_limit "$kb"; then
    echo "ulimit -s $kb is not allowed here: that run is skipped"
    continue
  fi
  check_engine tinynode "$TINYNODE" "$kb"
  [ -z "${NODE:-}" ] || check_engine node "$NODE" "$kb"
done
finish

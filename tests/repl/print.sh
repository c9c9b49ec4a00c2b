#!/bin/sh
# node -p (--print) and a script piped into stdin, as node runs them: -p prints the
# completion value as console.log would (a string raw), before any tick or timer; with
# no script and stdin not a terminal, stdin is the script [stdin] (a global script that
# has require); `-` names stdin too; a throw there is reported as from [stdin]:1.
# print/all.expected is node's output (UPDATE=node rewrites it).
. ./lib/lib.sh
cases() { # cases ENGINE: every case, with its exit status
  e=$1
  "$e" -p '1 + 1'
  "$e" -p '"a\nb"'
  "$e" -p '({a: 1, b: [1, 2]})'
  "$e" -p 'undefined'
  "$e" -p 'var x = 5'
  "$e" -p 'Promise.resolve(3)'
  "$e" --print 'Symbol("s")'
  "$e" -p 'process.nextTick(() => console.log("tick")); setTimeout(() => console.log("timer")); 5'
  "$e" -p '[process.argv.length, typeof require]' extra
  echo 'console.log(2); 3' | "$e"
  echo 'console.log(typeof require, __filename, __dirname, this === globalThis)' | "$e"
  echo 'console.log("dash")' | "$e" -
  echo '40 + 2' | "$e" -p
  echo 'throw 1' | "$e"; echo "status $?"
  printf 'let a = 1;\nsetTimeout(() => console.log(a), 0)\n' | "$e"
}
transcript "tinynode -p and stdin" print/all.expected cases "$TINYNODE"
node_check "node -p and stdin" print/all.expected cases "$NODE"
finish

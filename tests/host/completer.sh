#!/bin/sh
# readline's completer on a pseudo-terminal, as node's screen shows it: Tab completes
# one match and a common prefix and lists several on a second Tab (completer.js, the
# plain and the callback form); a completer answering later, with keys typed meanwhile
# and an error (later.js: readline's callback, readline/promises' promise); node's
# layout of the list at 80 and 40 columns (list.js). completer/*.expected are node's
# screens (UPDATE=node rewrites them).
. ../repl/lib/lib.sh
build_ptyrun
cd completer || exit 2
check() { # check EXPECTED KEYS ARGS...
  expected=$1 keys=$2
  shift 2
  transcript "tinynode: $*" "$expected" "$ptyrun" "$keys" "$TINYNODE" "$@"
  node_check "node: $*" "$expected" "$ptyrun" "$keys" "$NODE" "$@"
}
for form in sync callback; do check $form.expected completer.keys completer.js $form; done
for form in callback promise; do check later-$form.expected later.keys later.js $form; done
check list.expected list.keys list.js
{ echo "expect ready"; echo "resize 40 24"; cat list.keys; } >"$scratch/narrow.keys"
check list-narrow.expected "$scratch/narrow.keys" list.js narrow
finish

#!/bin/sh
# readline's completer (the plain and the callback form) on a pseudo-terminal: Tab
# completes one match, a common prefix, and lists several on a second Tab, as node's
# screen shows. completer/*.expected are node's screens (UPDATE=node rewrites them).
. ../repl/lib/lib.sh
build_ptyrun
cd completer || exit 2
for form in sync callback; do
  transcript "tinynode: completer.js $form" $form.expected "$ptyrun" completer.keys "$TINYNODE" completer.js $form
  node_check "node: completer.js $form" $form.expected "$ptyrun" completer.keys "$NODE" completer.js $form
done
finish

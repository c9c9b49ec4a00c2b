#!/bin/sh
# At start-up the engine raises its soft limit on open files to the hard limit, as node
# does, so that a server can hold as many sockets as the system allows: run with the
# soft limit lowered to 256, the script sees (through a child) that it was raised.
# fd-limit/limit.expected is node's output (UPDATE=node rewrites it).
. ../repl/lib/lib.sh
cd fd-limit || exit 2
low() { sh -c 'ulimit -S -n 256 && exec "$@"' sh "$@"; }
transcript "tinynode: limit.js" limit.expected low "$TINYNODE" limit.js
node_check "node: limit.js" limit.expected low "$NODE" limit.js
finish

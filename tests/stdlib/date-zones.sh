#!/bin/sh
# Date in fixed time zones: date-zones/local.js (local getters, setters, DST gaps and
# overlaps, toString's zone names, toLocaleString) and date-zones/parse.js (Date.parse
# over the 850 strings of parse-cases.json) run under each TZ below, whatever the
# machine's own zone. The expectations, date-zones/PROG.ZONE.out (ZONE with '/' as '-'),
# are node's, written with
#   cd tests/stdlib/date-zones && for z in $ZONES; do for p in local parse; do
#     TZ=$z node $p.js > $p.$(echo $z | tr / -).out; done; done
# and node must still print them.
. ../tools/run-lib.sh
cd date-zones || exit 2
ZONES='UTC America/New_York Europe/London Australia/Lord_Howe Asia/Kolkata'
for zone in $ZONES; do
  TZ=$zone
  export TZ
  for prog in local parse; do
    expected="$prog.$(echo "$zone" | tr / -).out"
    run "$TINYNODE" - "$prog.js"
    expect_output "TZ=$zone tinynode $prog.js" "$expected"
    if [ -n "${NODE:-}" ]; then
      run "$NODE" - "$prog.js"
      expect_output "TZ=$zone node $prog.js" "$expected"
    fi
  done
done
finish

#!/bin/sh
# regressions.sh - every fuzzer reproducer in tests/fuzz/regressions/ runs
# through the binary without a crash or sanitizer report (make san runs this
# under ASan and UBSan). Exit 0, 1 or 2 are all fine; a signal or a
# sanitizer exit is not.
. tests/e2e-lib.sh

for f in tests/fuzz/regressions/*; do
    [ -f "$f" ] || continue
    timeout 60 "$FACTLINT" --color=never "$f" >"$TMP/out" 2>"$TMP/err"
    status=$?
    if [ "$status" -le 2 ] && ! grep -q "runtime error\|AddressSanitizer" "$TMP/err"; then
        ok "$(basename "$f") (exit $status)"
    else
        not_ok "$(basename "$f")" "exit $status: $(head -c 300 "$TMP/err")"
    fi
done
finish

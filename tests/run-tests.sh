#!/bin/sh
# run-tests.sh - runs the Check unit test binaries given as arguments, then
# the end-to-end tests (tests/e2e/*.sh), and prints one summary line:
# "N passed, N failed". Exits non-zero on any failure.
# VALGRIND, when set, is a command prefix for the unit test binaries;
# FACTLINT, when set, is the binary the end-to-end tests run; E2E_ONLY,
# when set, names the end-to-end scripts to run (e.g. "cli jsonl").
BUILD=${BUILD:-build}
passed=0
failed=0
for t in "$@"; do
    out=$($VALGRIND "$t" 2>&1)
    rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks: ' | tail -n 1)
    n=$(printf '%s' "$line" | sed -n 's/.*Checks: \([0-9]*\).*/\1/p')
    f=$(printf '%s' "$line" | sed -n 's/.*Failures: \([0-9]*\).*/\1/p')
    e=$(printf '%s' "$line" | sed -n 's/.*Errors: \([0-9]*\).*/\1/p')
    n=${n:-0}; f=${f:-0}; e=${e:-0}
    if [ "$rc" -ne 0 ] && [ $((f + e)) -eq 0 ]; then
        e=1 # crashed, or valgrind found errors
    fi
    passed=$((passed + n - f - e))
    failed=$((failed + f + e))
    if [ $((f + e)) -ne 0 ]; then
        printf '%s\n' "$out" | grep -v -E '^[0-9]+%: Checks: .*Failures: 0, Errors: 0' | tail -n 40
        echo "FAIL: $(basename "$t") ($line, exit $rc)"
    else
        echo "ok: $(basename "$t"): $n checks"
    fi
done
FACTLINT=${FACTLINT:-$BUILD/factlint}
if true; then
    for s in tests/e2e/*.sh; do
        [ -f "$s" ] || continue
        if [ -n "$E2E_ONLY" ]; then
            case " $E2E_ONLY " in *" $(basename "$s" .sh) "*) ;; *) continue ;; esac
        fi
        out=$(FACTLINT="$FACTLINT" BUILD="$BUILD" sh "$s" 2>&1)
        rc=$?
        line=$(printf '%s\n' "$out" | grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
        p=$(printf '%s' "$line" | sed -n 's/^e2e: \([0-9]*\) passed.*/\1/p')
        f=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
        p=${p:-0}; f=${f:-0}
        [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
        passed=$((passed + p))
        failed=$((failed + f))
        if [ "$f" -ne 0 ]; then
            printf '%s\n' "$out" | grep -v '^ok ' | tail -n 40
            echo "FAIL: $s"
        else
            echo "ok: $s: $p checks"
        fi
    done
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

# e2e-lib.sh - helpers for end-to-end tests: source it, call `expect_*`, then
# `finish`. FACTLINT names the binary under test.
FACTLINT=${FACTLINT:-./factlint}
e2e_pass=0
e2e_fail=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/factlint-e2e.XXXXXX")
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT

ok() { e2e_pass=$((e2e_pass + 1)); echo "ok $1"; }
not_ok() { e2e_fail=$((e2e_fail + 1)); echo "not ok $1: $2"; }

# run CMD...: runs a command, keeping stdout, stderr and status
run() {
    "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
}

expect_status() { # name want
    if [ "$status" -eq "$2" ]; then ok "$1 (exit $2)"; else
        not_ok "$1" "exit $status, want $2; stderr: $(head -c 400 "$TMP/err")"; fi
}

expect_out() { # name fixed-string
    if grep -qF -- "$2" "$TMP/out"; then ok "$1"; else
        not_ok "$1" "stdout lacks '$2'; got: $(head -c 400 "$TMP/out")"; fi
}

expect_err() { # name fixed-string
    if grep -qF -- "$2" "$TMP/err"; then ok "$1"; else
        not_ok "$1" "stderr lacks '$2'; got: $(head -c 400 "$TMP/err")"; fi
}

expect_no_out() { # name fixed-string
    if grep -qF -- "$2" "$TMP/out"; then not_ok "$1" "stdout has '$2'"; else ok "$1"; fi
}

finish() {
    echo "e2e: $e2e_pass passed, $e2e_fail failed"
    [ "$e2e_fail" -eq 0 ]
}

#!/bin/sh
# baseline.sh - --write-baseline and --baseline end to end: a baselined
# archive passes, moving or re-wrapping a paragraph does not resurrect its
# findings, and a new slip is still reported.
. tests/e2e-lib.sh

printf 'A plain sentence.\n' >"$TMP/clean.txt"
printf 'not json' >"$TMP/garbage.json"
run "$FACTLINT" --baseline="$TMP/garbage.json" "$TMP/clean.txt"
expect_status baseline-garbage 2
expect_err baseline-garbage-message "not a factlint baseline"
run "$FACTLINT" --baseline="$TMP/missing.json" "$TMP/clean.txt"
expect_status baseline-missing 2

run "$FACTLINT" --write-baseline="$TMP/empty.json" "$TMP/clean.txt"
expect_status write-empty 0
if grep -q '"version": 1' "$TMP/empty.json"; then ok write-empty-file; else
    not_ok write-empty-file "$(cat "$TMP/empty.json")"; fi

if ! "$FACTLINT" --list-rules | grep -q '^name-casing '; then
    echo "# name-casing not registered yet: baseline cases with findings skipped"
    ok "baseline-findings (skipped: name checks not registered yet)"
    finish
    exit $?
fi

mkdir -p "$TMP/docs"
cat >"$TMP/docs/a.txt" <<'DOC'
Nvidia makes the H20 chip. The H20 sells well in China, and Nvidia says demand is strong.

The paragraph that moves: permitting NVIDIA to keep selling chips to China drew criticism.

Nvidia shares rose. Nvidia declined to comment.
DOC
run "$FACTLINT" "$TMP/docs"
expect_status has-findings 1
run "$FACTLINT" --write-baseline="$TMP/base.json" "$TMP/docs"
n=$(grep -c '"fingerprint"' "$TMP/base.json")
if [ "$n" -ge 1 ]; then ok "baseline-written ($n)"; else not_ok baseline-written "empty"; fi

run "$FACTLINT" --baseline="$TMP/base.json" "$TMP/docs"
expect_status baselined-passes 0

# move the paragraph to the end and re-wrap it
cat >"$TMP/docs/a.txt" <<'DOC'
Nvidia makes the H20 chip. The H20 sells well in China, and Nvidia says demand is strong.

Nvidia shares rose. Nvidia declined to comment.

The paragraph that moves: permitting NVIDIA to keep
selling chips to China drew criticism.
DOC
run "$FACTLINT" --baseline="$TMP/base.json" "$TMP/docs"
expect_status moved-paragraph-stays-quiet 0

# a new slip is reported, the old one is not
printf '\nCritics said permitting NVIDIA to keep going was wrong.\n' >>"$TMP/docs/a.txt"
run "$FACTLINT" --baseline="$TMP/base.json" "$TMP/docs"
expect_status new-slip-fails 1
expect_out new-slip-reported "a.txt:8:"
expect_no_out old-slip-hidden "a.txt:5:"

# another file with the same text is not covered by a.txt's entries
cp "$TMP/docs/a.txt" "$TMP/docs/b.txt"
run "$FACTLINT" --baseline="$TMP/base.json" "$TMP/docs/b.txt"
expect_status other-file-reported 1

finish

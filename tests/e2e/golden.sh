#!/bin/sh
# golden.sh - golden tests: every corpus/golden/NAME.{txt,md,html} is checked
# and its text output compared with NAME.expected (diff -u on failure).
# A document whose name starts with a rule id (name-variant-*.txt) runs with
# only that rule enabled; NAME.args, when present, holds the arguments
# instead. GOLDEN_UPDATE=1 rewrites the expected files (make golden-update).
. tests/e2e-lib.sh

rules=$("$FACTLINT" --list-rules | awk '{print $1}')
for doc in corpus/golden/*.txt corpus/golden/*.md corpus/golden/*.html; do
    [ -f "$doc" ] || continue
    base=${doc%.*}
    name=$(basename "$base")
    args="--color=never"
    for r in $rules; do
        case "$name" in "$r"-*) args="$args --enable-only=$r" ;; esac
    done
    [ -f "$base.args" ] && args="--color=never $(cat "$base.args")"
    # shellcheck disable=SC2086
    "$FACTLINT" $args "$doc" >"$TMP/got" 2>&1
    if [ -n "$GOLDEN_UPDATE" ]; then
        cp "$TMP/got" "$base.expected"
        ok "$name (updated)"
    elif [ ! -f "$base.expected" ]; then
        not_ok "$name" "no $base.expected (run make golden-update and review it)"
    elif diff -u "$base.expected" "$TMP/got" >"$TMP/diff"; then
        ok "$name"
    else
        not_ok "$name" "output differs:"
        cat "$TMP/diff"
    fi
done
finish

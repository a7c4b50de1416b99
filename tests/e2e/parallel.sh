#!/bin/sh
# parallel.sh - -j1 and -j2 give byte-identical output, in input order, on a
# generated corpus (a small version of the bench corpus) plus the eval
# corpus, whose documents have findings.
. tests/e2e-lib.sh

gen=${BUILD:-build}/tools/gen_corpus
if [ ! -x "$gen" ]; then
    not_ok gen_corpus "missing $gen (make check builds it)"
    finish
    exit 1
fi
"$gen" "$TMP/corpus" 3000000 300 7
cp -r corpus/eval "$TMP/corpus/eval"
"$FACTLINT" --color=never -j1 "$TMP/corpus" >"$TMP/j1" 2>&1
s1=$?
"$FACTLINT" --color=never -j2 "$TMP/corpus" >"$TMP/j2" 2>&1
s2=$?
"$FACTLINT" --color=never -j8 "$TMP/corpus" >"$TMP/j8" 2>&1
s8=$?
if [ "$s1" = "$s2" ] && [ "$s1" = "$s8" ]; then ok "same exit status ($s1)"; else
    not_ok "same exit status" "-j1 $s1, -j2 $s2, -j8 $s8"; fi
if cmp -s "$TMP/j1" "$TMP/j2" && cmp -s "$TMP/j1" "$TMP/j8"; then
    ok "identical output ($(wc -l <"$TMP/j1") lines)"
else
    not_ok "identical output" "$(diff "$TMP/j1" "$TMP/j2" | head -5)"
fi
# input order: the reported paths never go backwards
if awk -F: '{ if (prev != "" && $1 < prev) bad = 1; prev = $1 } END { exit bad }' "$TMP/j2"; then
    ok "input order"
else
    not_ok "input order" "paths out of order"
fi
finish

#!/bin/sh
# jsonl.sh - the streaming mode (--stdin-jsonl): one result line per input
# line, in order; bad lines give error results and the run goes on; the GNU
# parallel recipe from the README gives the same results as one process.
. tests/e2e-lib.sh

cat >"$TMP/in.jsonl" <<'J'
{"id": 1, "text": "Nvidia sold H20 chips. The H20 was popular. Buyers said the H2O sold out."}

{"id": "bad-text", "text": 5}
not json at all
{"id": [1, 2], "text": "# Title\n\nPlain words only.", "format": "markdown"}
{"id": "fmt", "text": "x", "format": "pdf"}
J
run sh -c "\"$FACTLINT\" --stdin-jsonl <\"$TMP/in.jsonl\""
expect_status jsonl-errors-exit 2
if [ "$(wc -l <"$TMP/out")" -eq 5 ]; then ok "one line per document"; else
    not_ok "one line per document" "$(wc -l <"$TMP/out") lines"; fi
expect_out jsonl-id-number '{"id": 1, "error": null, "findings": [{"rule": "name-variant"'
expect_out jsonl-bad-text '{"id": "bad-text", "error": "line 3: \"text\" must be a string", "findings": []}'
expect_out jsonl-not-json '{"id": null, "error": "line 4: not a JSON object'
expect_out jsonl-array-id '{"id": [1, 2], "error": null, "findings": []}'
expect_out jsonl-bad-format '"error": "line 6: \"format\" must be \"text\", \"markdown\" or \"html\""'

printf '{"id": "a", "text": "All quiet here."}\n' >"$TMP/clean.jsonl"
run sh -c "\"$FACTLINT\" --stdin-jsonl <\"$TMP/clean.jsonl\""
expect_status jsonl-clean 0

run sh -c "\"$FACTLINT\" --stdin-jsonl somefile"
expect_status jsonl-with-path 2

# big input: results stay in order
i=0
: >"$TMP/many.jsonl"
while [ $i -lt 400 ]; do
    printf '{"id": %d, "text": "Doc %d says the H20 and the H20 and the H2O."}\n' $i $i >>"$TMP/many.jsonl"
    i=$((i + 1))
done
"$FACTLINT" --stdin-jsonl <"$TMP/many.jsonl" >"$TMP/one.out"
if awk -F'[:,]' '{ if ($2 + 0 != NR - 1) bad = 1 } END { exit bad }' "$TMP/one.out"; then
    ok "order kept over 400 documents"
else
    not_ok "order kept" "ids out of order"
fi

# the README's GNU parallel recipe: same lines, in order with --keep-order
if command -v parallel >/dev/null 2>&1; then
    parallel --will-cite --pipe --keep-order -N 50 -j 2 "$FACTLINT" --stdin-jsonl \
        <"$TMP/many.jsonl" >"$TMP/par.out"
    if cmp -s "$TMP/one.out" "$TMP/par.out"; then ok "GNU parallel recipe"; else
        not_ok "GNU parallel recipe" "$(diff "$TMP/one.out" "$TMP/par.out" | head -3)"; fi
else
    ok "GNU parallel recipe (skipped: parallel not installed; make deps installs it)"
fi
finish

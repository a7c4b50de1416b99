#!/bin/sh
# eval.sh - measures factlint on the evaluation corpus: precision, recall
# and false alarms per 10,000 words of the clean documents, per rule and
# overall, listing every miss and false alarm; then findings per 10,000
# words on ../shared/data/news-dev/ when that folder exists.
#
# usage: tools/eval.sh [FACTLINT] [EVAL_DIR] [NEWS_DIR]
FACTLINT=${1:-./factlint}
EVAL=${2:-corpus/eval}
NEWS=${3:-../shared/data/news-dev}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/factlint-eval.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

cat "$EVAL"/answers*.tsv | awk -F'\t' '$1 != "file" && NF >= 3' >"$TMP/answers"
# text output: path:line:column: severity: message [rule]
"$FACTLINT" --color=never --fail-level=none -j2 "$EVAL" >"$TMP/found" 2>"$TMP/errors"
if [ -s "$TMP/errors" ]; then
    echo "input errors:"
    cat "$TMP/errors"
fi
for f in "$EVAL"/*.txt "$EVAL"/*.md "$EVAL"/*.html; do
    [ -f "$f" ] || continue
    printf '%s\t%s\n' "$(basename "$f")" "$(wc -w <"$f")"
done >"$TMP/words"

awk -F'\t' -v found="$TMP/found" -v words="$TMP/words" '
function rule_of(line,   m) { m = line; sub(/.*\[/, "", m); sub(/\][^]]*$/, "", m); return m }
BEGIN {
    while ((getline w < words) > 0) { split(w, p, "\t"); wc[p[1]] = p[2]; nfiles++ }
}
{   # answer rows: file rule line wrong right
    key = $1 SUBSEP $2 SUBSEP $3
    want[key] = $4 " -> " $5
    planted[$1] = 1
    rules[$2] = 1
    nwant[$2]++
}
END {
    while ((getline l < found) > 0) {
        n = split(l, p, ":")
        file = p[1]; sub(/.*\//, "", file)
        r = rule_of(l)
        key = file SUBSEP r SUBSEP p[2]
        rules[r] = 1
        if (key in want) {
            if (!(key in hit)) { hit[key] = 1; tp[r]++ }
        } else {
            fp[r]++
            fpl[++nfp] = l
            if (!(file in planted)) cleanfp[r]++
        }
    }
    for (f in wc) if (!(f in planted)) { cleanwords += wc[f]; nclean++ } else nplanted++
    printf "corpus: %d documents (%d with planted errors, %d clean; %d words in clean documents)\n\n", nfiles, nplanted, nclean, cleanwords
    printf "%-20s %5s %5s %5s %9s %7s %12s\n", "rule", "TP", "FP", "FN", "precision", "recall", "FP/10k-clean"
    nr = 0
    for (r in rules) order[++nr] = r
    for (i = 1; i <= nr; i++) for (j = i + 1; j <= nr; j++) if (order[j] < order[i]) { t = order[i]; order[i] = order[j]; order[j] = t }
    for (i = 1; i <= nr; i++) {
        r = order[i]
        fn = nwant[r] - tp[r]
        P = (tp[r] + fp[r]) ? tp[r] / (tp[r] + fp[r]) : 1
        R = nwant[r] ? tp[r] / nwant[r] : 1
        printf "%-20s %5d %5d %5d %9.3f %7.3f %12.2f\n", r, tp[r], fp[r], fn, P, R, cleanwords ? cleanfp[r] * 10000 / cleanwords : 0
        TP += tp[r]; FP += fp[r]; FN += fn; CFP += cleanfp[r]
    }
    P = (TP + FP) ? TP / (TP + FP) : 1
    R = (TP + FN) ? TP / (TP + FN) : 1
    printf "%-20s %5d %5d %5d %9.3f %7.3f %12.2f\n", "overall", TP, FP, FN, P, R, cleanwords ? CFP * 10000 / cleanwords : 0
    printf "\nmisses (%d):\n", FN
    for (k in want) if (!(k in hit)) { split(k, p, SUBSEP); printf "  %s:%s [%s] %s\n", p[1], p[3], p[2], want[k] }
    printf "\nfalse alarms (%d):\n", FP
    for (i = 1; i <= nfp; i++) printf "  %s\n", fpl[i]
}' "$TMP/answers"

if [ -d "$NEWS" ]; then
    "$FACTLINT" --color=never --fail-level=none -j2 "$NEWS" >"$TMP/news" 2>"$TMP/news-errors"
    nwords=$(cat "$NEWS"/*.txt | wc -w)
    nfiles=$(ls "$NEWS"/*.txt | wc -l)
    printf '\nnews-dev: %d files, %d words, %d findings, %d input errors\n' "$nfiles" "$nwords" \
        "$(wc -l <"$TMP/news")" "$(wc -l <"$TMP/news-errors")"
    awk -v words="$nwords" '
    { r = $0; sub(/.*\[/, "", r); sub(/\][^]]*$/, "", r); n[r]++; total++ }
    END {
        for (r in n) printf "  %-20s %5d findings %8.2f per 10k words\n", r, n[r], n[r] * 10000 / words
        printf "  %-20s %5d findings %8.2f per 10k words\n", "all", total, total * 10000 / words
    }' "$TMP/news"
else
    printf '\nnews-dev: %s not present, skipped\n' "$NEWS"
fi

# Planted-error recall on real news: one name slip planted per document
# (tools/plant.sh); a hit is a finding of the planted rule on its line.
if [ -d "$NEWS" ]; then
    sh "$(dirname "$0")/plant.sh" "$TMP/planted" "$NEWS"/*.txt
    "$FACTLINT" --color=never --fail-level=none -j2 --enable-only=name-variant \
        --enable-only=name-casing --enable-only=name-spelling "$TMP/planted" \
        >"$TMP/planted-found" 2>/dev/null
    awk -F'\t' -v found="$TMP/planted-found" '
    NR > 1 { want[$1 SUBSEP $2 SUBSEP $3] = 1; n[$2]++ }
    END {
        while ((getline l < found) > 0) {
            split(l, p, ":"); file = p[1]; sub(/.*\//, "", file)
            r = l; sub(/.*\[/, "", r); sub(/\][^]]*$/, "", r)
            k = file SUBSEP r SUBSEP p[2]
            if ((k in want) && !(k in hit)) { hit[k] = 1; h[r]++ }
        }
        printf "\nplanted name slips in news-dev (tools/plant.sh):\n"
        for (r in n) { printf "  %-20s %4d planted %4d found  recall %.3f\n", r, n[r], h[r], h[r] / n[r]; N += n[r]; H += h[r] }
        if (N) printf "  %-20s %4d planted %4d found  recall %.3f\n", "all name checks", N, H, H / N
    }' "$TMP/planted/answers.tsv"
fi

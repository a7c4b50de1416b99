#!/bin/sh
# plant.sh - plants one name inconsistency into each clean document so
# recall can be measured on real text. For each input file it writes a copy
# into OUT_DIR with one of (chosen in turn):
#   name-casing    one later occurrence of a name used 2+ times upper-cased
#                  (Microsoft -> MICROSOFT)
#   name-variant   a two-word name used 2+ times written joined once
#                  (Time Warner -> TimeWarner), or a digit in a code used
#                  2+ times swapped for its look-alike letter (PS2 -> PSZ)
#   name-spelling  a letter doubled in a name of 6+ letters used 3+ times
#                  (Gutierrez -> Gutierrrez... only in one occurrence)
# and appends the answer rows (file rule line wrong right) to
# OUT_DIR/answers.tsv. Files where nothing fits are left out.
#
# usage: tools/plant.sh OUT_DIR FILE...
out=$1
shift
mkdir -p "$out"
printf 'file\trule\tline\twrong\tright\n' >"$out/answers.tsv"
i=0
for f in "$@"; do
    i=$((i + 1))
    base=$(basename "$f")
    awk -v kind=$((i % 3)) -v outfile="$out/$base" -v name="$base" '
    { line[NR] = $0 }
    function is_name(w) { return w ~ /^[A-Z][a-z]+$/ && length(w) >= 4 }
    END {
        # count capitalized words and capitalized word pairs not at sentence start
        for (n = 1; n <= NR; n++) {
            k = split(line[n], w, /[ \t]+/)
            for (j = 2; j <= k; j++) {
                prev = w[j - 1]
                if (prev ~ /[.!?"]$/) continue
                t = w[j]; gsub(/[^A-Za-z0-9-]/, "", t)
                if (is_name(t)) { cnt[t]++; last[t] = n }
                if (j < k) {
                    u = w[j + 1]; gsub(/[^A-Za-z]/, "", u)
                    if (is_name(t) && is_name(u) && w[j] !~ /[,;:.]$/) { pair = t " " u; pc[pair]++; pl[pair] = n }
                }
                if (t ~ /[A-Za-z]/ && t ~ /[0-9]/ && t ~ /^[A-Za-z0-9]+$/) { cc[t]++; cl[t] = n }
            }
        }
        done = 0
        if (kind == 0) {        # casing
            best = ""; for (t in cnt) if (cnt[t] >= 2 && last[t] > 1 && (best == "" || t < best)) best = t
            if (best != "") { wrong = toupper(best); rule = "name-casing"; right = best; at = last[best]; done = 1 }
        } else if (kind == 1) { # variant: a joined two-word name, else a look-alike in a code
            best = ""; for (p in pc) if (pc[p] >= 2 && (best == "" || p < best)) best = p
            if (best != "") { right = best; wrong = best; sub(/ /, "", wrong); at = pl[best]; rule = "name-variant"; done = 1 }
            else {
                for (t in cc) if (cc[t] >= 2 && t ~ /[0125]/ && (best == "" || t < best)) best = t
                if (best != "") {
                    right = best; wrong = best
                    if (!sub(/0/, "O", wrong)) if (!sub(/1/, "l", wrong)) if (!sub(/5/, "S", wrong)) sub(/2/, "Z", wrong)
                    at = cl[best]; rule = "name-variant"; done = 1
                }
            }
        } else {                # spelling: double an inner letter
            best = ""; for (t in cnt) if (cnt[t] >= 3 && length(t) >= 6 && (best == "" || t < best)) best = t
            if (best != "") { right = best; wrong = substr(best, 1, 3) substr(best, 3); rule = "name-spelling"; at = last[best]; done = 1 }
        }
        if (!done) exit 1
        # replace the last occurrence on that line, as a whole word
        s = line[at]; pos = 0; from = 1
        while ((p = index(substr(s, from), right)) > 0) { pos = from + p - 1; from = pos + 1 }
        line[at] = substr(s, 1, pos - 1) wrong substr(s, pos + length(right))
        for (n = 1; n <= NR; n++) print line[n] > outfile
        printf "%s\t%s\t%d\t%s\t%s\n", name, rule, at, wrong, right
    }' "$f" >>"$out/answers.tsv" || rm -f "$out/$base"
done

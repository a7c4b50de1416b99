#!/bin/sh
# fix.sh - --fix and --diff end to end: every unambiguous name fix applied
# and nothing else changed, a second run finds none of them, --diff matches
# --fix and writes nothing, files with input errors are never touched, the
# file's mode is kept, and a SIGKILL at any moment leaves the old or the new
# file, never a mix.
. tests/e2e-lib.sh

SEED=${FL_SEED_ARTICLE:-../shared/seed/h20-export-article.txt}
[ -f "$SEED" ] || SEED=/work/shared/seed/h20-export-article.txt
have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# ---------------------------------------------------------- no checks needed

# standard input cannot be fixed in place
run sh -c "printf 'x\n' | \"$FACTLINT\" --fix -"
expect_status stdin-fix-clean 0
run "$FACTLINT" --diff --format=json "$TMP/none.txt"
expect_status diff-no-format 2

# a file with an input error is never touched
printf 'NVIDIA and Nvidia.\n\377\n' >"$TMP/bad.txt"
cp "$TMP/bad.txt" "$TMP/bad.orig"
run "$FACTLINT" --fix "$TMP/bad.txt"
expect_status input-error-exit 2
if cmp -s "$TMP/bad.txt" "$TMP/bad.orig"; then ok input-error-untouched; else
    not_ok input-error-untouched "the file changed"; fi

fixable=1
for rule in name-variant name-casing name-spelling; do
    "$FACTLINT" --list-rules | grep -q "^$rule " || fixable=0
done
if [ "$fixable" = 0 ]; then
    echo "# name-variant/name-casing/name-spelling not registered yet: fix cases skipped"
    ok "fix-cases (skipped: name checks not registered yet)"
    finish
    exit $?
fi

# ------------------------------------------------------------ bundled example

cat >"$TMP/example.txt" <<'DOC'
Nvidia makes the H20 chip. The H20 sells well in China, and Nvidia says
demand is strong.

Permitting NVIDIA to keep selling the H2O drew criticism. Nvidia shares rose.

Huang spoke at Mar-a-Lago on Friday. He returned to Mar-a-Largo on Sunday.
Other text stays exactly as it is: 42 apples, café, "quotes".
DOC
cp "$TMP/example.txt" "$TMP/example.orig"

# the fixes --fix should make, from the JSON report
expected_fix() { # original json expected
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
src = open(sys.argv[1], "rb").read()
doc = json.load(open(sys.argv[2]))
edits = {}
bad = set()
for f in doc["files"][0]["findings"]:
    s = f["suggestion"]
    if f["rule"] not in ("name-variant", "name-casing", "name-spelling") or not s:
        continue
    if s == f["text"] or any(c in s + f["text"] for c in "<>&`*_[]\\\r\n"):
        continue
    key = (f["offset"], f["length"])
    if key in edits and edits[key] != s:
        bad.add(key)
    edits[key] = s
spans = sorted(k for k in edits if k not in bad)
keep = []
for i, (o, l) in enumerate(spans):
    if any(o2 < o + l and o < o2 + l2 for j, (o2, l2) in enumerate(spans) if j != i):
        continue
    keep.append((o, l))
out = bytearray()
pos = 0
for o, l in keep:
    out += src[pos:o] + edits[(o, l)].encode()
    pos = o + l
out += src[pos:]
open(sys.argv[3], "wb").write(out)
print(len(keep))
PY
}

if [ "$have_python" = 1 ]; then
    "$FACTLINT" --format=json "$TMP/example.txt" >"$TMP/example.json"
    n=$(expected_fix "$TMP/example.txt" "$TMP/example.json" "$TMP/example.want")
    if [ "${n:-0}" -ge 1 ]; then ok "example-has-fixes ($n)"; else
        not_ok example-has-fixes "no fixable finding in the example"; fi
    # --diff first: prints the patch, writes nothing
    run "$FACTLINT" --diff "$TMP/example.txt"
    expect_status diff-exit 1
    cp "$TMP/out" "$TMP/example.diff"
    if cmp -s "$TMP/example.txt" "$TMP/example.orig"; then ok diff-writes-nothing; else
        not_ok diff-writes-nothing "the file changed"; fi
    run "$FACTLINT" --fix "$TMP/example.txt"
    expect_err fix-says-fixed "fixed $n finding"
    if cmp -s "$TMP/example.txt" "$TMP/example.want"; then ok example-fixed-exactly; else
        not_ok example-fixed-exactly "$(diff "$TMP/example.want" "$TMP/example.txt" | head -c 400)"
    fi
    # the diff applies to the original and gives the fixed file
    if command -v patch >/dev/null 2>&1; then
        cp "$TMP/example.orig" "$TMP/patched.txt"
        sed "s|^--- .*|--- patched.txt|; s|^+++ .*|+++ patched.txt|" "$TMP/example.diff" \
            >"$TMP/p.diff"
        if (cd "$TMP" && patch -s -p0 <p.diff) && cmp -s "$TMP/patched.txt" "$TMP/example.txt"; then
            ok diff-applies
        else
            not_ok diff-applies "patch did not reproduce --fix"
        fi
    fi
    # a second run: none of the fixed findings again, and nothing to fix
    run "$FACTLINT" --diff "$TMP/example.txt"
    expect_status second-run-nothing-to-fix 0
    "$FACTLINT" --format=json "$TMP/example.txt" >"$TMP/second.json"
    if python3 - "$TMP/second.json" <<'PY'
import json, sys
fs = json.load(open(sys.argv[1]))["files"][0]["findings"]
left = [f for f in fs if f["rule"] in ("name-variant", "name-casing", "name-spelling")
        and f["suggestion"]]
sys.exit(1 if left else 0)
PY
    then ok second-run-clean; else not_ok second-run-clean "fixable findings remain"; fi
else
    ok "example (skipped: no python3)"
fi

# standard input: --diff works, --fix refuses
run sh -c "\"$FACTLINT\" --diff --stdin-filename=story.txt - <\"$TMP/example.orig\""
expect_status stdin-diff 1
expect_out stdin-diff-label "--- story.txt"
run sh -c "\"$FACTLINT\" --fix - <\"$TMP/example.orig\""
expect_status stdin-fix-refused 2
expect_err stdin-fix-message "cannot fix standard input in place"

# no temporary file is left beside a fixed file
if ls -A "$TMP" | grep -q 'factlint-'; then not_ok no-temp-left "$(ls -A "$TMP")"; else
    ok no-temp-left; fi

# the mode is kept
cp "$TMP/example.orig" "$TMP/mode.txt"
chmod 640 "$TMP/mode.txt"
"$FACTLINT" --fix "$TMP/mode.txt" >/dev/null 2>&1
m=$(stat -c %a "$TMP/mode.txt")
if [ "$m" = 640 ]; then ok mode-kept; else not_ok mode-kept "mode $m"; fi
if cmp -s "$TMP/mode.txt" "$TMP/example.orig"; then not_ok mode-file-fixed "not fixed"; else
    ok mode-file-fixed; fi

# a folder we cannot write: exit 2, file untouched (root writes anywhere)
if [ "$(id -u)" != 0 ]; then
    mkdir "$TMP/ro"
    cp "$TMP/example.orig" "$TMP/ro/a.txt"
    chmod 555 "$TMP/ro"
    run "$FACTLINT" --fix "$TMP/ro/a.txt"
    expect_status readonly-dir 2
    if cmp -s "$TMP/ro/a.txt" "$TMP/example.orig"; then ok readonly-untouched; else
        not_ok readonly-untouched "changed"; fi
    chmod 755 "$TMP/ro"
fi

# --------------------------------------------------------- the seed article

if [ -f "$SEED" ]; then
    cp "$SEED" "$TMP/seed.txt"
    run "$FACTLINT" --fix "$TMP/seed.txt"
    sed 's/H2O/H20/g; s/NVIDIA/Nvidia/g; s/Mar-a-Largo/Mar-a-Lago/g' "$SEED" >"$TMP/seed.want"
    if cmp -s "$TMP/seed.txt" "$TMP/seed.want"; then ok seed-fixed-exactly; else
        not_ok seed-fixed-exactly "$(diff "$TMP/seed.want" "$TMP/seed.txt" | head -c 600)"
    fi
    run "$FACTLINT" --format=json "$TMP/seed.txt"
    for t in H2O NVIDIA Mar-a-Largo; do
        expect_no_out "seed-second-run-no-$t" "\"text\": \"$t\""
    done
else
    ok "seed (skipped: $SEED absent)"
fi

# ------------------------------------------------------------ SIGKILL test

# a large file: the example, many times over (a few MB)
i=0
: >"$TMP/big.orig"
while [ $i -lt 12 ]; do cat "$TMP/example.orig" "$TMP/example.orig" "$TMP/example.orig" \
    "$TMP/example.orig" >>"$TMP/big.orig"; i=$((i + 1)); done
j=0
while [ $j -lt 5 ]; do cat "$TMP/big.orig" "$TMP/big.orig" >"$TMP/big.tmp"; \
    mv "$TMP/big.tmp" "$TMP/big.orig"; j=$((j + 1)); done
cp "$TMP/big.orig" "$TMP/big.new"
start=$(date +%s%N)
"$FACTLINT" --fix -j1 "$TMP/big.new" >/dev/null 2>&1
end=$(date +%s%N)
ms=$(((end - start) / 1000000))
[ "$ms" -lt 20 ] && ms=20
echo "# big file: $(wc -c <"$TMP/big.orig") bytes, --fix takes ${ms} ms"
if cmp -s "$TMP/big.orig" "$TMP/big.new"; then
    not_ok kill-setup "--fix changed nothing in the big file"
else
    old=0 new=0 torn=0 k=0
    while [ $k -lt 100 ]; do
        cp "$TMP/big.orig" "$TMP/big.txt"
        # a random moment within 120% of the run time
        delay=$(awk -v s="$k$$" -v ms="$ms" 'BEGIN { srand(s); printf "%.3f", rand() * ms * 1.2 / 1000 }')
        "$FACTLINT" --fix -j1 "$TMP/big.txt" >/dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        if cmp -s "$TMP/big.txt" "$TMP/big.orig"; then old=$((old + 1))
        elif cmp -s "$TMP/big.txt" "$TMP/big.new"; then new=$((new + 1))
        else torn=$((torn + 1)); fi
        rm -f "$TMP"/.big.txt.factlint-*
        k=$((k + 1))
    done
    echo "# SIGKILL x100: $old old, $new new, $torn torn"
    if [ "$torn" -eq 0 ]; then ok "kill-never-torn ($old old, $new new)"; else
        not_ok kill-never-torn "$torn torn files"; fi
fi

finish

#!/bin/sh
# bench.sh - measures factlint end to end (make bench). Prints, for each
# corpus, the median of REPS runs: MB/s with -j1 and -j2, files/s, peak RSS,
# and the time of `wc -w` over the same files with the ratio factlint/wc.
#   (a) a generated corpus of news-like prose (tools/gen_corpus.c),
#       BENCH_MB (default 200) in BENCH_FILES (default 10,000) files
#   (b) ../shared/data/news-dev/ repeated to about 100 MB, when present
#   (c) single documents of 1, 10 and 50 MB (linear growth check), measured
#       in SINGLE_REPS (default 5) alternating rounds (see below)
# usage: tools/bench.sh FACTLINT GEN_CORPUS WORKDIR
FACTLINT=$1
GEN=$2
WORK=${3:-build/bench}
REPS=${REPS:-3}
SINGLE_REPS=${SINGLE_REPS:-5}
MB=${BENCH_MB:-200}
FILES=${BENCH_FILES:-10000}
NEWS=${NEWS:-../shared/data/news-dev}
mkdir -p "$WORK"

if [ ! -f "$WORK/gen-$MB-$FILES.done" ]; then
    rm -rf "$WORK/gen"
    "$GEN" "$WORK/gen" $((MB * 1000000)) "$FILES" 42 && touch "$WORK/gen-$MB-$FILES.done"
fi
for size in 1 10 50; do
    [ -f "$WORK/single-$size.txt" ] || "$GEN" --single "$WORK/single-$size.txt" $((size * 1000000)) 7
done
if [ -d "$NEWS" ] && [ ! -f "$WORK/news.done" ]; then
    rm -rf "$WORK/news"
    mkdir -p "$WORK/news"
    newsbytes=$(cat "$NEWS"/*.txt | wc -c)
    copies=$((100000000 / newsbytes + 1))
    i=0
    while [ $i -lt $copies ]; do
        mkdir -p "$WORK/news/$i"
        cp "$NEWS"/*.txt "$WORK/news/$i/"
        i=$((i + 1))
    done
    touch "$WORK/news.done"
fi

# runs a command once, timed: prints "seconds peak_kb user_seconds
# system_seconds status", or reports the failure on stderr and prints
# "FAILED FAILED" when it exits with a status other than 0 or 1 (1 only
# means findings at or above the fail level)
time_once() {
    /usr/bin/time -f '%e %M %U %S %x' -o "$WORK/time1" "$@" >/dev/null 2>"$WORK/stderr1"
    # GNU time puts "Command exited with non-zero status N" first
    last=$(tail -n 1 "$WORK/time1")
    case ${last##* } in
    0 | 1) echo "$last" ;;
    *)
        echo "factlint bench: run failed (status ${last##* }): $*" >&2
        head -n 3 "$WORK/stderr1" >&2
        echo FAILED FAILED
        ;;
    esac
}

# the median of the $1 (default REPS) timings (lines "seconds peak_kb ...")
# on standard input, "seconds peak_kb", or "FAILED FAILED" when any run
# failed
median() {
    sort -n | awk -v n="${1:-$REPS}" '$1 == "FAILED" { failed = 1 } NR == int((n + 1) / 2) { m = $1 " " $2 }
        END { print failed ? "FAILED FAILED" : m }'
}

# median of REPS timings of a command (see time_once, median)
measure() {
    r=0
    while [ $r -lt "$REPS" ]; do
        time_once "$@"
        r=$((r + 1))
    done | median
}

row() { # name path
    name=$1
    path=$2
    bytes=$(find "$path" -type f -name '*.txt' -exec cat {} + | wc -c)
    nfiles=$(find "$path" -type f -name '*.txt' | wc -l)
    set -- $(measure "$FACTLINT" --color=never --fail-level=none -j1 "$path")
    t1=$1 rss1=$2
    set -- $(measure "$FACTLINT" --color=never --fail-level=none -j2 "$path")
    t2=$1 rss2=$2
    set -- $(measure sh -c "find '$path' -type f -name '*.txt' -exec cat {} + | wc -w")
    tw=$1
    if [ "$t1" = FAILED ] || [ "$t2" = FAILED ] || [ "$tw" = FAILED ]; then
        printf '%-12s %8.1f MB %6d files | -j1 %s | -j2 %s | wc -w %s\n' "$name" \
            "$(echo "$bytes" | awk '{ print $1 / 1e6 }')" "$nfiles" "$t1" "$t2" "$tw"
        return
    fi
    awk -v n="$name" -v b="$bytes" -v f="$nfiles" -v t1="$t1" -v t2="$t2" -v tw="$tw" \
        -v r1="$rss1" -v r2="$rss2" 'BEGIN {
        if (t1 <= 0) t1 = 0.005; if (t2 <= 0) t2 = 0.005; if (tw <= 0) tw = 0.005
        printf "%-12s %8.1f MB %6d files | -j1 %6.2fs %7.1f MB/s %8.0f files/s %6.1f MB RSS | -j2 %6.2fs %7.1f MB/s (%.2fx) %6.1f MB RSS | wc -w %6.2fs ratio %.2f\n",
            n, b / 1e6, f, t1, b / 1e6 / t1, f / t1, r1 / 1024, t2, b / 1e6 / t2, t1 / t2, r2 / 1024, tw, t1 / tw
    }'
}

echo "factlint bench: median of $REPS runs each ($SINGLE_REPS rounds for single documents); $(nproc) CPUs"
row generated "$WORK/gen"
if [ -d "$WORK/news" ]; then row news-dev "$WORK/news"; else echo "news-dev: not present, skipped"; fi
# One document each of 1, 10 and 50 MB: SINGLE_REPS rounds, each round
# running the three sizes one after another, so that the medians compared
# for linearity come from the same minutes (this host's page faults can cost
# twice as much from one second to the next, and most of a large document's
# system time is faults; more rounds than REPS, as one slow run in three
# moves a median of three). One document holds far more mentions than the
# default cap allows.
: >"$WORK/single-times"
r=0
while [ $r -lt "$SINGLE_REPS" ]; do
    for size in 1 10 50; do
        echo "$size $(time_once "$FACTLINT" --color=never --fail-level=none \
            --max-mentions=100000000 -j1 "$WORK/single-$size.txt")" >>"$WORK/single-times"
    done
    r=$((r + 1))
done
# the median of column $2 of size $1's rounds
single_median() {
    awk -v s="$1" -v c="$2" '$1 == s { print $c }' "$WORK/single-times" | median "$SINGLE_REPS"
}
for size in 1 10 50; do
    echo "single-$size $(awk -v s="$size" '$1 == s { print $2, $3 }' "$WORK/single-times" |
        median "$SINGLE_REPS")"
done | awk '$2 == "FAILED" { printf "%-12s %5d MB one document: FAILED\n", $1, substr($1, 8) + 0; failed = 1; next }
    { t[$1] = $2; r[$1] = $3; b = substr($1, 8) + 0; printf "%-12s %5d MB one document: %6.2fs %7.1f MB/s %6.1f MB RSS\n", $1, b, $2, b / ($2 > 0 ? $2 : 0.005), $3 / 1024 }
    END { if (!failed && t["single-10"] > 0) printf "linearity: 50 MB time / (5 x 10 MB time) = %.2f (target <= 1.3)\n", t["single-50"] / (5 * t["single-10"]) }'
# the same ratio for the CPU time in the program (user) and in the kernel
# for it (system: on this host mostly page faults), to tell the program's
# growth from the cost of the memory it is given
if ! grep -q FAILED "$WORK/single-times"; then
    echo "$(single_median 10 4) $(single_median 50 4) $(single_median 10 5) $(single_median 50 5)" |
        awk '{ printf "linearity by CPU time: user %s, system %s\n",
            ($1 > 0 ? sprintf("%.2f", $2 / (5 * $1)) : "-"), ($3 > 0 ? sprintf("%.2f", $4 / (5 * $3)) : "-") }'
fi
# every round's time, for the spread behind the medians
awk '$1 == 10 { a = a " " $2 } $1 == 50 { b = b " " $2 } END { print "rounds, seconds: 10 MB" a " | 50 MB" b }' \
    "$WORK/single-times"

#!/bin/sh
# pgo-train.sh - the training run of `make release`'s profile-guided build,
# and its check. Runs FACTLINT, one job, over the bundled articles in
# corpus/ (plain text, Markdown and HTML; findings in the text and JSON
# formats, and the mentions), writing the outputs to OUT. The instrumented
# binary writes its profile as a side effect; the final binary's OUT must
# equal the instrumented one's (the optimization may change speed only).
# The bench corpus is not used: the profile comes from the team's own
# articles, so the bench measures a binary that was not trained on it.
# usage: tools/pgo-train.sh FACTLINT OUT
set -e
FACTLINT=$1
OUT=$2
: >"$OUT"
for dir in corpus/eval corpus/golden corpus/demo; do
    "$FACTLINT" -j1 --color=never --fail-level=none "$dir" >>"$OUT"
    "$FACTLINT" -j1 --format=json --fail-level=none "$dir" >>"$OUT"
done
find corpus -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | LC_ALL=C sort |
    xargs "$FACTLINT" mentions --format=json >>"$OUT"

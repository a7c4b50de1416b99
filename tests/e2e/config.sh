#!/bin/sh
# config.sh - .factlint.ini (discovery, --config, errors, per-glob and
# per-rule settings, ignore, --print-config), inline suppressions, and the
# Markdown/HTML twins of the demo article: same findings at the right
# places, nothing from code or URLs, hostile input in bounded time.
. tests/e2e-lib.sh

story='The H20 chip sells well in China.

The H20 is popular with buyers.

Analysts said the H2O sold well.
'
mkdir -p "$TMP/repo/.git" "$TMP/repo/docs/sub" "$TMP/repo/vendor"
printf '%s' "$story" >"$TMP/repo/docs/sub/story.md"
printf '%s' "$story" >"$TMP/repo/docs/sub/story.txt"
printf '%s' "$story" >"$TMP/repo/vendor/story.md"

# no config: the variant is an error
run "$FACTLINT" --color=never "$TMP/repo/docs/sub/story.md"
expect_status no-config 1
expect_out no-config-finding "story.md:5:19: error:"

# a config at the repository root, found from the document's folder
cat >"$TMP/repo/.factlint.ini" <<'INI'
fail-level = error
ignore = vendor

[rule name-variant]
severity = warning

[*.txt]
name-variant = off
INI
run "$FACTLINT" --color=never "$TMP/repo/docs/sub/story.md" "$TMP/repo/vendor/story.md"
expect_status config-fail-level 0
expect_out config-severity "story.md:5:19: warning:"
expect_no_out config-ignore "vendor/story.md"
run "$FACTLINT" --color=never "$TMP/repo/docs/sub/story.txt"
expect_status glob-section-off 0
expect_no_out glob-section-off-quiet "name-variant"
run "$FACTLINT" --color=never "$TMP/repo"
expect_out walk-uses-config "docs/sub/story.md:5:19: warning:"
expect_no_out walk-ignores-vendor "vendor/story.md"
# the command line wins
run "$FACTLINT" --color=never --fail-level=warning "$TMP/repo/docs/sub/story.md"
expect_status command-line-wins 1

# a config above the repository root is not used
mkdir -p "$TMP/outer/repo/.git"
printf '[rule name-variant]\nenabled = false\n' >"$TMP/outer/.factlint.ini"
printf '%s' "$story" >"$TMP/outer/repo/story.md"
run "$FACTLINT" --color=never "$TMP/outer/repo/story.md"
expect_out stops-at-repo-root "story.md:5:19: error:"

# --print-config shows each setting and where it came from
run "$FACTLINT" --print-config "$TMP/repo/docs/sub/story.txt"
expect_status print-config 0
expect_out print-config-fail "fail-level = error"
expect_out print-config-origin ".factlint.ini:1"
expect_out print-config-glob ".factlint.ini:8 [*.txt]"
expect_out print-config-default "severity = warning"
run "$FACTLINT" --print-config "$TMP/repo/vendor/story.md"
expect_out print-config-ignored "ignored = true"

# format from the config (when this build has the JSON report)
if "$FACTLINT" --format=json "$TMP/repo/docs/sub/story.txt" >/dev/null 2>&1; then
    printf 'format = json\n' >"$TMP/repo/docs/.factlint.ini"
    run "$FACTLINT" "$TMP/repo/docs/sub/story.md"
    expect_out config-format '"rule": "name-variant"'
    rm "$TMP/repo/docs/.factlint.ini"
fi

# lexicons relative to the config file
printf 'H20|code\n' >"$TMP/repo/house.lex"
printf 'lexicon = house.lex\n' >"$TMP/lex.ini"
cp "$TMP/lex.ini" "$TMP/repo/lex.ini"
run "$FACTLINT" --config="$TMP/repo/lex.ini" --print-config "$TMP/repo/docs/sub/story.md"
expect_out lexicon-relative "lexicon = $TMP/repo/house.lex"

# malformed configs: exit 2 with file:line: message
printf 'fail-level = error\n\n[rule name-casng]\nseverity = info\n' >"$TMP/bad1.ini"
run "$FACTLINT" --config="$TMP/bad1.ini" "$TMP/repo/docs/sub/story.md"
expect_status unknown-rule 2
expect_err unknown-rule-line "$TMP/bad1.ini:3: unknown rule 'name-casng'"
printf '[rule name-casing]\nseverity = loud\n' >"$TMP/bad2.ini"
run "$FACTLINT" --config="$TMP/bad2.ini" "$TMP/repo/docs/sub/story.md"
expect_status bad-severity 2
expect_err bad-severity-line "$TMP/bad2.ini:2: invalid severity 'loud'"
printf 'format = text\nlexicon = house.lex, nowhere.lex\n' >"$TMP/repo/bad3.ini"
run "$FACTLINT" --config="$TMP/repo/bad3.ini" "$TMP/repo/docs/sub/story.md"
expect_status unreadable-lexicon 2
expect_err unreadable-lexicon-line "$TMP/repo/bad3.ini:2: cannot read lexicon 'nowhere.lex'"
printf 'colour = red\n' >"$TMP/bad4.ini"
run "$FACTLINT" --config="$TMP/bad4.ini" "$TMP/repo/docs/sub/story.md"
expect_status unknown-key 2
expect_err unknown-key-line "$TMP/bad4.ini:1: unknown key 'colour'"
run "$FACTLINT" --config="$TMP/nonexistent.ini" "$TMP/repo/docs/sub/story.md"
expect_status missing-config 2
expect_err missing-config-message "nonexistent.ini: cannot read config"
# a broken config found by discovery: its files are not checked, others are
mkdir -p "$TMP/broken/.git"
printf '[rule nope]\n' >"$TMP/broken/.factlint.ini"
printf '%s' "$story" >"$TMP/broken/story.md"
run "$FACTLINT" --color=never "$TMP/broken/story.md" "$TMP/repo/docs/sub/story.md"
expect_status broken-discovered 2
expect_err broken-discovered-line "broken/.factlint.ini:1: unknown rule 'nope'"
expect_out others-still-checked "docs/sub/story.md:5:19"

# ------------------------------------------------------- suppressions
cat >"$TMP/s.md" <<'EOF2'
The H20 chip sells well in China.

The H20 is popular with buyers.

<!-- factlint-disable-next-line name-variant -->
Analysts said the H2O sold well.

<!-- factlint-disable-next-line name-casing -->
Nothing to hide here.
EOF2
run "$FACTLINT" --color=never "$TMP/s.md"
expect_status suppressed 0
expect_no_out suppressed-gone "name-variant]"
expect_out unused-reported "s.md:8:1: info: this suppression of \`name-casing\` suppresses nothing; remove it [unused-suppression]"
run "$FACTLINT" --color=never --disable=name-casing "$TMP/s.md"
expect_no_out unused-of-disabled-rule-quiet "unused-suppression"
run "$FACTLINT" --color=never --disable=unused-suppression "$TMP/s.md"
expect_no_out unused-rule-off "unused-suppression"

cat >"$TMP/r.md" <<'EOF2'
The H20 chip sells well in China.

<!-- factlint-disable -->
Analysts said the H2O sold well.
<!-- factlint-enable -->

The H20 is popular, unlike the H2O.
EOF2
run "$FACTLINT" --color=never "$TMP/r.md"
expect_out region-ends "r.md:7:"
expect_no_out region-suppresses "r.md:4:"

printf 'The H20 chip sells well.\n\nThe H20 is popular.\n\nfactlint-disable-next-line name-variant\nAnalysts said the H2O sold well.\n' >"$TMP/s.txt"
run "$FACTLINT" --color=never "$TMP/s.txt"
expect_status text-line-directive 0
printf '<html><body><p>The H20 sells.</p><p>The H20 is popular.</p>\n<!-- factlint-disable-next-line name-variant -->\n<p>Analysts said the H2O sold well.</p></body></html>\n' >"$TMP/s.html"
run "$FACTLINT" --color=never "$TMP/s.html"
expect_status html-directive 0
printf 'The H20 sells.\n\n<!-- factlint-disable-next-line nmae-variant -->\nThe H2O too.\n' >"$TMP/u.md"
run "$FACTLINT" --color=never "$TMP/u.md"
expect_out unknown-rule-in-directive "unknown rule \`nmae-variant\` in a suppression"

# ---------------------------------------------- the demo article's twins
# Each finding's line and column point at the text its message quotes
# first, and the three formats give the same rules on the same texts.
twin_findings() { # doc -> "rule text" lines, after checking positions
    "$FACTLINT" --color=never "$1" | python3 -c '
import re, sys
src = open(sys.argv[1], encoding="utf-8").read().split("\n")
for line in sys.stdin:
    m = re.match(r"^.*?:(\d+):(\d+): \w+: [\x27`](.+?)[\x27`].*\[([a-z-]+)\]$", line.rstrip("\n"))
    if not m:
        print("unparsed: " + line.strip()); continue
    ln, col, text, rule = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    if not src[ln - 1][col - 1:].startswith(text):
        print("misplaced: %s at %d:%d" % (text, ln, col))
    print(rule, text)
' "$1" | sort
}
twin_findings corpus/golden/format-twin.txt >"$TMP/twin.txt"
if [ -s "$TMP/twin.txt" ] && ! grep -q "misplaced\|unparsed" "$TMP/twin.txt"; then
    ok twin-txt-positions
else
    not_ok twin-txt-positions "$(cat "$TMP/twin.txt")"
fi
for ext in md html; do
    twin_findings "corpus/golden/format-twin-$ext.$ext" >"$TMP/twin.$ext"
    if cmp -s "$TMP/twin.txt" "$TMP/twin.$ext"; then ok "twin-$ext-same-findings-same-places"
    else not_ok "twin-$ext-same-findings-same-places" "$(diff "$TMP/twin.txt" "$TMP/twin.$ext")"; fi
    run "$FACTLINT" mentions "corpus/golden/format-twin-$ext.$ext"
    expect_no_out "twin-$ext-no-code-identifier" "h2o_config"
    expect_no_out "twin-$ext-no-constant" "A100"
    n=$(grep -c "	H2O	" "$TMP/out")
    if [ "$n" = 1 ]; then ok "twin-$ext-one-H2O"; else not_ok "twin-$ext-one-H2O" "$n H2O mentions"; fi
    n=$(grep -c "	H100	" "$TMP/out")
    if [ "$n" = 1 ]; then ok "twin-$ext-one-H100"; else not_ok "twin-$ext-one-H100" "$n H100 mentions"; fi
done

# the structure document: positions at the mention level
run "$FACTLINT" mentions corpus/golden/format-structure.md
expect_out structure-table-cell "format-structure.md:14:13	code	H100"
expect_out structure-entity "format-structure.md:18:22	name	Nvidia’s"
expect_out structure-nested-list "format-structure.md:18:37	code	H20"
expect_out structure-ref-link "format-structure.md:17:18	name	Commerce Department"
expect_out structure-image-alt "format-structure.md:21:60	code	H20"
expect_no_out structure-front-matter "format-structure.md:3:"

# hostile input in bounded time
python3 -c "
import sys
open(sys.argv[1] + '/divs.html', 'w').write('<div>' * 10000 + 'The H20 sells.')
open(sys.argv[1] + '/unclosed.html', 'w').write('<p>The H20 <b>sells <i>well <table><td>' * 2000)
open(sys.argv[1] + '/quotes.md', 'w').write('>' * 10000 + ' The H20 sells.\n')
open(sys.argv[1] + '/lists.md', 'w').write(''.join('  ' * i + '- item\n' for i in range(3000)))
open(sys.argv[1] + '/brackets.md', 'w').write('[' * 50000 + 'H20' + ']' * 50000)
" "$TMP"
for f in divs.html unclosed.html quotes.md lists.md brackets.md; do
    start=$(date +%s.%N)
    run "$FACTLINT" --color=never "$TMP/$f"
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    if [ "$status" -le 1 ] && awk -v s="$secs" 'BEGIN { exit !(s < 5) }'; then ok "hostile-$f ($secs s)"
    else not_ok "hostile-$f" "exit $status after $secs s"; fi
done

# --fix checks the fixed file again with the settings of its glob section, so a rule
# the section turns off stays off in the report after the fix
mkdir -p "$TMP/fixcfg"
printf '[*.txt]\nname-casing = off\n' >"$TMP/fixcfg/.factlint.ini"
printf 'Nvidia sells the H20. Nvidia said the H20 sells well, and Nvidia expects more.\nThe H20 and the H20 again, then the H2O. NVIDIA declined to comment.\n' >"$TMP/fixcfg/story.txt"
run "$FACTLINT" --color=never --fix "$TMP/fixcfg/story.txt"
expect_status fix-config-exit 0
expect_no_out fix-config-rule-off "name-casing"
if grep -q 'H2O' "$TMP/fixcfg/story.txt"; then not_ok fix-config-fixed "H2O left in the file"
else ok fix-config-fixed; fi
if grep -q 'NVIDIA' "$TMP/fixcfg/story.txt"; then ok fix-config-casing-untouched
else not_ok fix-config-casing-untouched "a disabled rule's fix was applied"; fi

finish

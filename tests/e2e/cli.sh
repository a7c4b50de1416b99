#!/bin/sh
# cli.sh - the command line: exit codes, errors, options, walking.
. tests/e2e-lib.sh

run "$FACTLINT" --version
expect_status version 0
expect_out version-text "factlint "

run "$FACTLINT" --help
expect_status help 0
for opt in --format --fail-level --stdin-filename --input-format --ext --lexicon \
    --no-default-lexicon --disable --enable-only --max-file-size --skip-binary --jobs \
    --color --list-rules --explain --help --version --max-mentions --stdin-jsonl --no-progress; do
    expect_out "help-lists$opt" "$opt"
done

run "$FACTLINT"
expect_status no-args 2
expect_err no-args-message "no PATH given"

run "$FACTLINT" --bogus x
expect_status unknown-option 2

run "$FACTLINT" --fail-level=loud x
expect_status bad-fail-level 2

run "$FACTLINT" --format=nope x
expect_status bad-format 2
expect_err bad-format-message "unknown format 'nope'"

# invalid UTF-8 on stdin: line 2, column 1, byte 0xFF
printf 'ok\n\377\n' >"$TMP/bad.txt"
run sh -c "\"$FACTLINT\" - <\"$TMP/bad.txt\""
expect_status invalid-utf8 2
expect_err invalid-utf8-position "-:2:1: error: invalid UTF-8 (byte 0xFF at offset 3)"

run sh -c "\"$FACTLINT\" --stdin-filename=story.txt - <\"$TMP/bad.txt\""
expect_err stdin-filename "story.txt:2:1: error: invalid UTF-8"

# truncated sequence at end of file, overlong, surrogate
printf 'abc\342\202' >"$TMP/trunc.txt"
run "$FACTLINT" "$TMP/trunc.txt"
expect_status truncated-utf8 2
expect_err truncated-utf8-byte "byte 0xE2 at offset 3"
printf 'x\300\257' >"$TMP/overlong.txt"
run "$FACTLINT" "$TMP/overlong.txt"
expect_err overlong-utf8 "byte 0xC0 at offset 1"
printf 'x\355\240\200' >"$TMP/surrogate.txt"
run "$FACTLINT" "$TMP/surrogate.txt"
expect_err surrogate-utf8 "byte 0xED at offset 1"

# a missing file does not stop the good one
printf 'A plain sentence.\n' >"$TMP/good.txt"
run "$FACTLINT" "$TMP/missing.txt" "$TMP/good.txt"
expect_status missing-then-good 2
expect_err missing-named "missing.txt: error: cannot open: No such file or directory"

# binary files
printf 'ab\000cd' >"$TMP/bin.txt"
run "$FACTLINT" "$TMP/bin.txt"
expect_status binary 2
expect_err binary-message "binary file"
run "$FACTLINT" --skip-binary "$TMP/bin.txt" "$TMP/good.txt"
expect_status skip-binary 0

# an empty file and a clean file
: >"$TMP/empty.txt"
run "$FACTLINT" "$TMP/empty.txt" "$TMP/good.txt"
expect_status empty-and-clean 0

# size limit
head -c 5000 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
run "$FACTLINT" --max-file-size=1k "$TMP/big.txt"
expect_status too-big 2
expect_err too-big-message "file too large"

# directories: walked, extension filter, hidden skipped, symlink loop
mkdir -p "$TMP/tree/sub" "$TMP/tree/.hidden"
printf 'x\377\n' >"$TMP/tree/sub/a.md"
printf 'x\377\n' >"$TMP/tree/sub/b.rst"
printf 'x\377\n' >"$TMP/tree/.hidden/c.txt"
ln -s .. "$TMP/tree/sub/loop"
run "$FACTLINT" "$TMP/tree"
expect_status walk 2
expect_err walk-md "sub/a.md:1:2: error: invalid UTF-8"
if grep -q 'b.rst\|c.txt' "$TMP/err"; then not_ok walk-filter "checked a filtered file"; else ok walk-filter; fi
expect_err walk-loop "directory loop"
run "$FACTLINT" --ext=rst "$TMP/tree"
expect_err ext-option "b.rst:1:2: error"

# unreadable file (root can read anything, so only as another user)
if [ "$(id -u)" != 0 ]; then
    printf 'x\n' >"$TMP/secret.txt"
    chmod 000 "$TMP/secret.txt"
    run "$FACTLINT" "$TMP/secret.txt"
    expect_status unreadable 2
    expect_err unreadable-message "Permission denied"
fi

# output to a closed pipe exits quietly
i=0
while [ $i -lt 200 ]; do printf 'x\377\n' >"$TMP/tree/sub/f$i.txt"; i=$((i + 1)); done
run sh -c "\"$FACTLINT\" \"$TMP/tree\" 2>&1 | head -n 1"
expect_status closed-pipe 0

# rules
run "$FACTLINT" --list-rules
expect_status list-rules 0
run "$FACTLINT" --explain=no-such-rule
expect_status explain-unknown 2
run "$FACTLINT" --disable=no-such-rule x
expect_status disable-unknown 2

# NO_COLOR and non-terminals: never colour
run sh -c "NO_COLOR=1 \"$FACTLINT\" --color=auto \"$TMP/bad.txt\""
if grep -q "$(printf '\033')" "$TMP/err"; then not_ok no-color "escape codes"; else ok no-color; fi

finish

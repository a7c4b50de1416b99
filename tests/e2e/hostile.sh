#!/bin/sh
# hostile.sh - the hostile-input table: each row is an input that must end
# with the expected exit status and message, in bounded time, never a crash.
. tests/e2e-lib.sh

# within SECONDS CMD...: runs CMD with a time bound; status 124 on timeout
within() {
    limit=$1
    shift
    timeout "$limit" "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
    if [ "$status" -eq 124 ]; then not_ok "time bound" "$* took over ${limit}s"; fi
    if [ "$status" -ge 128 ]; then not_ok "no crash" "$* died of signal $((status - 128))"; fi
}

# -- invalid UTF-8
printf 'ab\300\257cd\n' >"$TMP/overlong.txt"
within 20 "$FACTLINT" "$TMP/overlong.txt"
expect_status overlong 2
expect_err overlong-msg "overlong.txt:1:3: error: invalid UTF-8 (byte 0xC0 at offset 2)"

printf 'line one\nx \355\240\200\n' >"$TMP/surrogate.txt"
within 20 "$FACTLINT" "$TMP/surrogate.txt"
expect_status surrogate 2
expect_err surrogate-msg "surrogate.txt:2:3: error: invalid UTF-8 (byte 0xED at offset 11)"

printf 'end \360\237\230' >"$TMP/truncated.txt"
within 20 "$FACTLINT" "$TMP/truncated.txt"
expect_status truncated-at-eof 2
expect_err truncated-msg "truncated.txt:1:5: error: invalid UTF-8 (byte 0xF0 at offset 4)"

# -- NUL bytes, empty file
printf 'text\000more' >"$TMP/nul.txt"
within 20 "$FACTLINT" "$TMP/nul.txt"
expect_status nul-bytes 2
expect_err nul-msg "nul.txt:1:5: error: binary file (NUL byte at offset 4), skipped"

: >"$TMP/empty.txt"
within 20 "$FACTLINT" "$TMP/empty.txt"
expect_status empty-file 0

# -- a 100 MB single line: refused by the default size cap, linear with a
#    larger cap
awk 'BEGIN { s = "Nvidia shipped more chips to data centres while analysts waited "
             while (length(s) < 1000000) s = s s
             for (i = 0; i < 100; i++) printf "%s", substr(s, 1, 1000000) }' >"$TMP/line.txt"
within 60 "$FACTLINT" "$TMP/line.txt"
expect_status huge-line-default-cap 2
expect_err huge-line-cap-msg "file too large"
# every word a capitalized name: over a million mentions, so the mention cap
# ends it with a clear error, in bounded time and memory
within 240 "$FACTLINT" --max-file-size=200M "$TMP/line.txt"
expect_status huge-line-mention-cap 2
expect_err huge-line-mention-cap-msg "too many mentions to check (over 1000000; --max-mentions raises the limit)"
# a 100 MB line of plain lower-case words is checked to the end
awk 'BEGIN { s = "the quick reader checks every word of a very long line without stops "
             while (length(s) < 1000000) s = s s
             for (i = 0; i < 100; i++) printf "%s", substr(s, 1, 1000000) }' >"$TMP/line.txt"
within 240 "$FACTLINT" --max-file-size=200M "$TMP/line.txt"
expect_status huge-plain-line 0
rm -f "$TMP/line.txt"
# a 1.2 MB line of 60,000 conflicting names: every finding's position and
# fingerprint is found without rescanning the line (was minutes)
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "The H20 and the H2O and Nvidia and NVIDIA "; print "" }' >"$TMP/findings-line.txt"
within 60 "$FACTLINT" --color=never "$TMP/findings-line.txt"
expect_status long-line-findings 1
if [ "$(grep -c 'name-variant' "$TMP/out")" -eq 30000 ]; then ok long-line-findings-all
else not_ok long-line-findings-all "$(grep -c 'name-variant' "$TMP/out") name-variant findings, want 30000"; fi
rm -f "$TMP/findings-line.txt"

# -- deep nesting
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div>"; printf "H20 and H2O"; for (i = 0; i < 100000; i++) printf "</div>"; print "" }' >"$TMP/nested.html"
# gumbo's cost grows with the square of the depth: tags past 2,048 open
# elements are blanked, so this is quick and the text is still checked
within 20 "$FACTLINT" --color=never "$TMP/nested.html"
expect_status nested-html 1
expect_out nested-html-checked "nested.html:1:500009: error: \`H2O\` (once)"
# 3,000 paragraphs and list items without end tags do not count as depth
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "<p>H20 ships<li>item"; print "<p>The H2O." }' >"$TMP/unclosed-p.html"
within 20 "$FACTLINT" --color=never "$TMP/unclosed-p.html"
expect_status unclosed-p-html 1
expect_out unclosed-p-html-checked "unclosed-p.html:1:"

# 100,000 list levels ("- - - ... text" nests one list per marker) and
# 100,000 block quote levels (the size cap refuses the indented form)
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "- "; print "H20 and H2O"
             s = ""; for (i = 0; i < 100000; i++) s = s ">"; print s " quote H20" }' >"$TMP/lists.md"
within 60 "$FACTLINT" --color=never "$TMP/lists.md"
expect_status nested-markdown 1
expect_out nested-markdown-checked "lists.md:1:200009: error: \`H2O\` (once)"

# -- unreadable file: root reads anything, so run as nobody when root
printf 'secret\n' >"$TMP/secret.txt"
chmod 000 "$TMP/secret.txt"
chmod 755 "$TMP"
bin=$(cd "$(dirname "$FACTLINT")" && pwd)/$(basename "$FACTLINT")
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    within 20 setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" "$TMP/secret.txt" "$TMP/empty.txt"
else
    within 20 "$bin" "$TMP/secret.txt" "$TMP/empty.txt"
fi
if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null; then
    ok "unreadable (skipped: root without setpriv reads every file)"
else
    expect_status unreadable 2
    expect_err unreadable-msg "secret.txt: error: cannot open: Permission denied"
fi
chmod 600 "$TMP/secret.txt"

# -- a directory symlink loop
mkdir -p "$TMP/loop/a"
printf 'fine\n' >"$TMP/loop/a/doc.txt"
ln -s .. "$TMP/loop/a/up"
within 20 "$FACTLINT" "$TMP/loop"
expect_status symlink-loop 0
expect_err symlink-loop-msg "directory loop (symbolic link), not followed"

# -- a file that vanished between listing and reading (a dangling link is
#    the same race, frozen)
mkdir -p "$TMP/gone"
printf 'fine\n' >"$TMP/gone/ok.txt"
ln -s "$TMP/gone/deleted.txt" "$TMP/gone/vanished.txt"
within 20 "$FACTLINT" "$TMP/gone"
expect_status vanished-file 2
expect_err vanished-msg "vanished.txt: error: cannot open: No such file or directory"

# -- a path with spaces and non-UTF-8 bytes in its name
name=$(printf 'with space \377name.txt')
printf 'fine\n' >"$TMP/$name"
within 20 "$FACTLINT" "$TMP/$name"
expect_status odd-path-name 0

# -- standard input closed
within 20 sh -c "\"$FACTLINT\" - <&-"
expect_status stdin-closed 2
expect_err stdin-closed-msg "cannot read standard input"

# -- output to a closed pipe: quiet, no crash
mkdir -p "$TMP/many"
i=0
while [ $i -lt 300 ]; do printf 'x\377\n' >"$TMP/many/f$i.txt"; i=$((i + 1)); done
within 30 sh -c "\"$FACTLINT\" \"$TMP/many\" 2>&1 | head -n 1 >/dev/null; echo \$? >\"$TMP/pipe-status\""
expect_status closed-pipe 0

finish

#!/bin/sh
# install.sh - `make install` into a DESTDIR installs binary, header,
# library, pkg-config file and man page, and a program builds against it.
. tests/e2e-lib.sh

dest="$TMP/root"
run make -s --no-print-directory BUILD="${BUILD:-build}" install DESTDIR="$dest" PREFIX=/usr
expect_status make-install 0
for f in usr/bin/factlint usr/include/factlint.h usr/lib/libfactlint.a \
    usr/lib/pkgconfig/factlint.pc usr/share/man/man1/factlint.1; do
    if [ -f "$dest/$f" ]; then ok "installed $f"; else not_ok "installed $f" "missing"; fi
done

cat >"$TMP/tiny.c" <<'C'
#include <factlint.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    fl_checker *checker;
    fl_error err;
    if (fl_checker_new(NULL, &checker, &err) != FL_OK)
        return 1;
    fl_source *src;
    const char *text = "A short sentence.\n";
    if (fl_source_new("t.txt", text, strlen(text), &src, &err) != FL_OK)
        return 1;
    fl_result *res;
    if (fl_check(checker, src, FL_FORMAT_AUTO, &res, &err) != FL_OK)
        return 1;
    printf("findings=%zu version=%s\n", fl_result_count(res), FL_VERSION);
    fl_result_free(res);
    fl_source_free(src);
    fl_checker_free(checker);
    return 0;
}
C
export PKG_CONFIG_PATH="$dest/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
run sh -c "cc -std=c11 $FL_EXTRA_FLAGS \"$TMP/tiny.c\" -o \"$TMP/tiny\" \$(pkg-config --cflags --libs factlint)"
expect_status compile-against-installed 0
run "$TMP/tiny"
expect_status run-tiny 0
expect_out tiny-output "findings=0 version="

run "$dest/usr/bin/factlint" --version
expect_status installed-binary 0

run make -s --no-print-directory BUILD="${BUILD:-build}" uninstall DESTDIR="$dest" PREFIX=/usr
expect_status make-uninstall 0
if [ -e "$dest/usr/bin/factlint" ] || [ -e "$dest/usr/lib/libfactlint.a" ]; then
    not_ok uninstall "files left"
else
    ok uninstall
fi
finish

/* test_source.c - the document model: UTF-8 validation and the line index. */
#include "factlint.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static fl_source *make(const char *bytes, size_t len)
{
    fl_source *src = NULL;
    fl_error err;
    ck_assert_int_eq(fl_source_new("t.txt", bytes, len, &src, &err), FL_OK);
    return src;
}

static void pos(const fl_source *src, size_t off, size_t line, size_t col)
{
    size_t l, c;
    fl_source_position(src, off, &l, &c);
    ck_assert_msg(l == line && c == col, "offset %zu: got %zu:%zu, want %zu:%zu", off, l, c, line,
                  col);
}

/* -------------------------------------------------------- line index */

START_TEST(lf_lines)
{
    fl_source *src = make("ab\ncd\n", 6);
    ck_assert_uint_eq(fl_source_line_count(src), 3);
    pos(src, 0, 1, 1);
    pos(src, 1, 1, 2);
    pos(src, 2, 1, 3); /* the newline itself */
    pos(src, 3, 2, 1);
    pos(src, 4, 2, 2);
    pos(src, 6, 3, 1);
    ck_assert_uint_eq(fl_source_line_offset(src, 2), 3);
    fl_source_free(src);
}
END_TEST

START_TEST(crlf_lines)
{
    fl_source *src = make("ab\r\ncd\r\nef", 10);
    ck_assert_uint_eq(fl_source_line_count(src), 3);
    pos(src, 4, 2, 1);
    pos(src, 5, 2, 2);
    pos(src, 8, 3, 1);
    pos(src, 9, 3, 2);
    fl_source_free(src);
}
END_TEST

START_TEST(cr_lines)
{
    fl_source *src = make("ab\rcd\ref", 8);
    ck_assert_uint_eq(fl_source_line_count(src), 3);
    pos(src, 3, 2, 1);
    pos(src, 6, 3, 1);
    pos(src, 7, 3, 2);
    fl_source_free(src);
}
END_TEST

START_TEST(mixed_line_ends)
{
    /* LF, CRLF, CR, and a lone CR at the very end */
    fl_source *src = make("a\nb\r\nc\rd\r", 9);
    ck_assert_uint_eq(fl_source_line_count(src), 5);
    pos(src, 2, 2, 1);
    pos(src, 5, 3, 1);
    pos(src, 7, 4, 1);
    pos(src, 9, 5, 1);
    fl_source_free(src);
}
END_TEST

START_TEST(no_final_newline)
{
    fl_source *src = make("one\ntwo", 7);
    ck_assert_uint_eq(fl_source_line_count(src), 2);
    pos(src, 6, 2, 3);
    pos(src, 7, 2, 4);   /* end of text */
    pos(src, 100, 2, 4); /* clamped */
    fl_source_free(src);
}
END_TEST

START_TEST(empty_file)
{
    fl_source *src = make("", 0);
    ck_assert_uint_eq(fl_source_length(src), 0);
    ck_assert_uint_eq(fl_source_line_count(src), 1);
    pos(src, 0, 1, 1);
    ck_assert_str_eq(fl_source_bytes(src), "");
    fl_source_free(src);
}
END_TEST

START_TEST(bom_not_counted)
{
    fl_source *src = make("\xEF\xBB\xBFHi\nthere", 11);
    pos(src, 3, 1, 1); /* 'H' is column 1 although it is at offset 3 */
    pos(src, 4, 1, 2);
    pos(src, 6, 2, 1);
    ck_assert_uint_eq(fl_source_utf16_column(src, 4), 2);
    fl_source_free(src);
}
END_TEST

START_TEST(multibyte_columns)
{
    /* é (2 bytes), € (3 bytes), 😀 (4 bytes, astral), then x */
    const char *s = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x";
    fl_source *src = make(s, strlen(s));
    pos(src, 0, 1, 1);
    pos(src, 2, 1, 2);
    pos(src, 5, 1, 3);
    pos(src, 9, 1, 4);
    ck_assert_uint_eq(fl_source_utf16_column(src, 5), 3);
    /* the astral character takes two UTF-16 units */
    ck_assert_uint_eq(fl_source_utf16_column(src, 9), 5);
    fl_source_free(src);
}
END_TEST

START_TEST(utf16_columns_second_line)
{
    const char *s = "x\n\xF0\x9F\x98\x80\xF0\x9F\x98\x80y";
    fl_source *src = make(s, strlen(s));
    pos(src, 10, 2, 3);
    ck_assert_uint_eq(fl_source_utf16_column(src, 10), 5);
    fl_source_free(src);
}
END_TEST

START_TEST(many_lines)
{
    size_t n = 100000;
    char *buf = malloc(n * 2);
    for (size_t i = 0; i < n; i++) {
        buf[2 * i] = 'a';
        buf[2 * i + 1] = '\n';
    }
    fl_source *src = make(buf, n * 2);
    ck_assert_uint_eq(fl_source_line_count(src), n + 1);
    pos(src, 2 * 54321, 54322, 1);
    fl_source_free(src);
    free(buf);
}
END_TEST

/* Long lines: columns come from marks inside the line; every offset of
 * several long lines of mixed-width characters (and a BOM) must get the
 * column a plain count from the line start gives. */
START_TEST(long_line_columns)
{
    static const char *pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", " "};
    size_t cap = 40000, len = 0;
    char *buf = malloc(cap + 8);
    memcpy(buf, "\xEF\xBB\xBF", 3);
    len = 3;
    unsigned seed = 7;
    while (len < cap) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = (seed >> 16) % 10000; /* lines of about 25 KB */
        const char *piece = r == 0 ? "\n" : pieces[r % 5];
        size_t n = strlen(piece);
        memcpy(buf + len, piece, n);
        len += n;
    }
    fl_source *src = make(buf, len);
    size_t line = 1, chars = 0, units = 0;
    for (size_t off = 3; off <= len; off++) {
        unsigned char c = off < len ? (unsigned char)buf[off] : 0;
        if (off == len || (c & 0xC0) != 0x80) {
            pos(src, off, line, chars + 1);
            ck_assert_uint_eq(fl_source_utf16_column(src, off), units + 1);
        }
        if (off == len)
            break;
        if (c == '\n') {
            line++;
            chars = units = 0;
        } else if ((c & 0xC0) != 0x80) {
            chars++;
            units += c >= 0xF0 ? 2 : 1;
        }
    }
    fl_source_free(src);
    free(buf);
}
END_TEST

/* a position far into a 16 MB line costs no more than one near its start
 * (counting from the line start, this test would take minutes) */
START_TEST(long_line_is_not_quadratic)
{
    size_t n = 16u << 20;
    char *buf = malloc(n);
    memset(buf, 'a', n);
    fl_source *src = make(buf, n);
    for (size_t k = 0; k < 20000; k++) {
        size_t off = n - 1 - (k * 4099u) % (n / 2), l, c;
        fl_source_position(src, off, &l, &c);
        ck_assert_uint_eq(c, off + 1);
    }
    fl_source_free(src);
    free(buf);
}
END_TEST

/* ---------------------------------------------------- UTF-8 validator */

static void invalid_at(const char *bytes, size_t len, size_t bad)
{
    size_t got = (size_t)-1;
    ck_assert_int_eq(fl_utf8_valid(bytes, len, &got), 0);
    ck_assert_uint_eq(got, bad);
    fl_source *src = NULL;
    fl_error err;
    ck_assert_int_eq(fl_source_new("t", bytes, len, &src, &err), FL_EUTF8);
    ck_assert_ptr_null(src);
    ck_assert_uint_eq(err.offset, bad);
}

START_TEST(valid_utf8)
{
    const char *s = "plain \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBF \xF4\x8F\xBF\xBF";
    ck_assert_int_eq(fl_utf8_valid(s, strlen(s), NULL), 1);
}
END_TEST

START_TEST(overlongs)
{
    invalid_at("a\xC0\xAF", 3, 1);        /* overlong '/' */
    invalid_at("\xC1\xBF", 2, 0);         /* overlong 2-byte */
    invalid_at("ab\xE0\x80\xAF", 5, 2);   /* overlong 3-byte */
    invalid_at("\xF0\x80\x80\xAF", 4, 0); /* overlong 4-byte */
}
END_TEST

START_TEST(surrogates)
{
    invalid_at("x\xED\xA0\x80", 4, 1); /* U+D800 */
    invalid_at("x\xED\xBF\xBF", 4, 1); /* U+DFFF */
}
END_TEST

START_TEST(out_of_range)
{
    invalid_at("\xF4\x90\x80\x80", 4, 0); /* U+110000 */
    invalid_at("\xF5\x80\x80\x80", 4, 0);
    invalid_at("\xFF", 1, 0);
    invalid_at("ok\x80", 3, 2); /* lone continuation byte */
}
END_TEST

START_TEST(truncated)
{
    invalid_at("abc\xE2\x82", 5, 3); /* truncated at end of file */
    invalid_at("abc\xF0\x9F\x98", 6, 3);
    invalid_at("\xC3", 1, 0);
    invalid_at("\xE2\x82x", 3, 0); /* interrupted sequence */
}
END_TEST

START_TEST(error_position)
{
    fl_source *src = NULL;
    fl_error err;
    ck_assert_int_eq(fl_source_new("t", "ok\n\xff\n", 5, &src, &err), FL_EUTF8);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 1);
    ck_assert_ptr_nonnull(strstr(err.message, "0xFF"));
}
END_TEST

START_TEST(nul_is_binary)
{
    fl_source *src = NULL;
    fl_error err;
    ck_assert_int_eq(fl_source_new("t", "ab\0cd", 5, &src, &err), FL_EBINARY);
    ck_assert_uint_eq(err.offset, 2);
    ck_assert_ptr_null(src);
}
END_TEST

/* Line starts as build_line_index defines them, counted byte by byte. */
static size_t naive_lines(const char *s, size_t len, size_t *starts, size_t room)
{
    size_t n = 0;
    starts[n++] = 0;
    for (size_t i = 0; i < len && n < room; i++) {
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        if (s[i] == '\n' || s[i] == '\r')
            starts[n++] = i + 1;
    }
    return n;
}

/* Line breaks, UTF-8 sequences, NULs and bad bytes at every place around
 * the 16- and 32-byte blocks the one-pass scan reads. */
START_TEST(block_boundaries)
{
    static const char *const pieces[] = {
        "\r\n", "\n", "\r", "\xC3\xA9", "\xE2\x82\xAC", "\t", "\xF0\x9F\x98\x80", "\r\r\n", "\n\r"};
    char buf[128];
    size_t want[128];
    for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++)
        for (size_t shift = 0; shift < 70; shift++) {
            size_t pl = strlen(pieces[p]);
            memset(buf, 'a', shift);
            memcpy(buf + shift, pieces[p], pl);
            for (size_t tail = 0; tail < 3; tail++) {
                size_t len = shift + pl + tail;
                memset(buf + shift + pl, 'b', tail);
                fl_source *src = NULL;
                fl_error err;
                ck_assert_int_eq(fl_source_new("t", buf, len, &src, &err), FL_OK);
                size_t n = naive_lines(buf, len, want, 128);
                ck_assert_uint_eq(fl_source_line_count(src), n);
                for (size_t l = 0; l < n; l++)
                    ck_assert_uint_eq(fl_source_line_offset(src, l + 1), want[l]);
                fl_source_free(src);
                /* a cut sequence, a lone continuation byte, a NUL */
                if (pl > 1 && (unsigned char)pieces[p][0] >= 0x80)
                    invalid_at(buf, shift + pl - 1, shift);
                buf[len] = '\x80';
                invalid_at(buf, len + 1, len);
                buf[len] = '\0';
                ck_assert_int_eq(fl_source_new("t", buf, len + 1, &src, &err), FL_EBINARY);
                ck_assert_uint_eq(err.offset, len);
            }
        }
}
END_TEST

START_TEST(nul_before_bad_utf8)
{
    /* a NUL is reported first, wherever the bad UTF-8 is */
    char buf[80];
    memset(buf, 'a', sizeof buf);
    buf[3] = '\xFF';
    buf[60] = '\0';
    fl_source *src = NULL;
    fl_error err;
    ck_assert_int_eq(fl_source_new("t", buf, sizeof buf, &src, &err), FL_EBINARY);
    ck_assert_uint_eq(err.offset, 60);
    ck_assert_ptr_null(src);
}
END_TEST

START_TEST(read_missing_file)
{
    fl_source *src = NULL;
    fl_error err;
    ck_assert_int_eq(fl_source_read_file("/nonexistent/x.txt", NULL, 0, &src, &err), FL_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "No such file"));
}
END_TEST

START_TEST(free_null)
{
    fl_source_free(NULL);
    fl_result_free(NULL);
    fl_checker_free(NULL);
    fl_options_free(NULL);
    fl_report_free(NULL);
}
END_TEST

START_TEST(status_strings)
{
    ck_assert_str_eq(fl_strerror(FL_EUTF8), "invalid UTF-8");
    fl_severity s;
    ck_assert_int_eq(fl_severity_parse("warning", &s), FL_OK);
    ck_assert_int_eq(s, FL_SEV_WARNING);
    ck_assert_int_eq(fl_severity_parse("loud", &s), FL_EUSAGE);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("source");
    TCase *lines = tcase_create("lines");
    tcase_add_test(lines, lf_lines);
    tcase_add_test(lines, crlf_lines);
    tcase_add_test(lines, cr_lines);
    tcase_add_test(lines, mixed_line_ends);
    tcase_add_test(lines, no_final_newline);
    tcase_add_test(lines, empty_file);
    tcase_add_test(lines, bom_not_counted);
    tcase_add_test(lines, multibyte_columns);
    tcase_add_test(lines, utf16_columns_second_line);
    tcase_add_test(lines, many_lines);
    tcase_add_test(lines, long_line_columns);
    tcase_add_test(lines, long_line_is_not_quadratic);
    suite_add_tcase(s, lines);
    TCase *utf8 = tcase_create("utf8");
    tcase_add_test(utf8, valid_utf8);
    tcase_add_test(utf8, overlongs);
    tcase_add_test(utf8, surrogates);
    tcase_add_test(utf8, out_of_range);
    tcase_add_test(utf8, truncated);
    tcase_add_test(utf8, error_position);
    tcase_add_test(utf8, nul_is_binary);
    tcase_add_test(utf8, block_boundaries);
    tcase_add_test(utf8, nul_before_bad_utf8);
    tcase_add_test(utf8, read_missing_file);
    tcase_add_test(utf8, free_null);
    tcase_add_test(utf8, status_strings);
    suite_add_tcase(s, utf8);
    return s;
}

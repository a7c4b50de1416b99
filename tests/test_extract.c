/* test_extract.c - the Markdown and HTML extractors (src/extract_markdown.c,
 * src/extract_html.c): which text becomes prose, that every prose span maps
 * back to the exact source bytes, suppression directives, and hostile input
 * (deep nesting, unclosed tags) in bounded time. */
#include "internal.h"
#include "suppress.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct xdoc {
    fl_source *src;
    fl_doc doc;
} xdoc;

static xdoc *extract(const char *name, const char *text, size_t len, bool front_matter)
{
    xdoc *x = calloc(1, sizeof *x);
    ck_assert_ptr_nonnull(x);
    fl_error err;
    ck_assert_int_eq(fl_source_new(name, text, len, &x->src, &err), FL_OK);
    x->doc.arena = fl_arena_new();
    x->doc.src = x->src;
    x->doc.front_matter = front_matter;
    fl_vec_init(&x->doc.directives, sizeof(fl_directive));
    fl_vec_init(&x->doc.findings, sizeof(fl_finding));
    size_t n = strlen(name);
    fl_status st = n > 3 && strcmp(name + n - 3, ".md") == 0 ? fl_extract_markdown(&x->doc)
                                                             : fl_extract_html(&x->doc);
    ck_assert_int_eq(st, FL_OK);
    return x;
}

static xdoc *md(const char *text)
{
    return extract("t.md", text, strlen(text), false);
}

static xdoc *html(const char *text)
{
    return extract("t.html", text, strlen(text), false);
}

static void xfree(xdoc *x)
{
    fl_arena_free(x->doc.arena);
    fl_source_free(x->src);
    free(x);
}

static bool prose_has(const xdoc *x, const char *needle)
{
    return memmem(x->doc.prose.text, x->doc.prose.len, needle, strlen(needle)) != NULL;
}

/* The `nth` (0-based) occurrence of `needle` in the prose maps to the
 * source text `want`, starting at its `want_nth` occurrence there. */
static void maps_to_n(const xdoc *x, const char *needle, int nth, const char *want, int want_nth)
{
    const char *p = x->doc.prose.text, *end = p + x->doc.prose.len;
    const char *hit = NULL;
    for (int i = 0; i <= nth; i++) {
        hit = memmem(p, (size_t)(end - p), needle, strlen(needle));
        ck_assert_msg(hit != NULL, "prose lacks '%s' (#%d): [%.*s]", needle, i,
                      (int)x->doc.prose.len, x->doc.prose.text);
        p = hit + 1;
    }
    size_t so, sl;
    fl_prose_to_source(&x->doc.prose, (size_t)(hit - x->doc.prose.text), strlen(needle), &so, &sl);
    const char *src = fl_source_bytes(x->src);
    const char *w = src;
    for (int i = 0; i <= want_nth; i++) {
        w = strstr(i ? w + 1 : w, want);
        ck_assert_ptr_nonnull(w);
    }
    ck_assert_msg(so == (size_t)(w - src) && sl == strlen(want),
                  "'%s' maps to %zu+%zu '%.*s', want %zu+%zu '%s'", needle, so, sl, (int)sl,
                  src + so, (size_t)(w - src), strlen(want), want);
}

static void maps_to(const xdoc *x, const char *needle, const char *want)
{
    maps_to_n(x, needle, 0, want, 0);
}

/* Every verbatim piece copies its source bytes (whitespace aside). */
static void check_pieces(const xdoc *x)
{
    const fl_prose *p = &x->doc.prose;
    const char *src = fl_source_bytes(x->src);
    size_t total = fl_source_length(x->src);
    for (size_t i = 0; i < p->piece_count; i++) {
        const fl_piece *pc = &p->pieces[i];
        size_t next = i + 1 < p->piece_count ? p->pieces[i + 1].prose_off : p->len;
        ck_assert_uint_le(pc->prose_off, next);
        ck_assert_uint_le(pc->src_off + pc->src_len, total);
        if (!pc->verbatim)
            continue;
        ck_assert_uint_eq(pc->src_len, next - pc->prose_off);
        for (size_t k = 0; k < pc->src_len; k++) {
            char a = p->text[pc->prose_off + k], b = src[pc->src_off + k];
            ck_assert_msg(a == b || (a == ' ' && (b == '\n' || b == '\r' || b == '\t')) ||
                              (a == ' ' && i + 1 == p->piece_count) || a == ' ',
                          "piece %zu byte %zu: '%c' vs '%c'", i, k, a, b);
        }
    }
}

/* ------------------------------------------------------------ Markdown */

START_TEST(md_emphasis_links_images)
{
    xdoc *x = md("The **H20** chip, per [the *Commerce* Department](https://x.gov/H2O), "
                 "and ![an H100 board](board.png).\n");
    maps_to(x, "H20", "H20");
    maps_to(x, "Commerce", "Commerce");
    maps_to(x, "H100 board", "H100 board");
    ck_assert(!prose_has(x, "H2O"));
    ck_assert(!prose_has(x, "board.png"));
    check_pieces(x);
    xfree(x);
}
END_TEST

START_TEST(md_entities)
{
    xdoc *x =
        md("AT&amp;T and Nvidia&rsquo;s H20 cost &#36;5 &#x41;BC &eacute;lan &notanentity;\n");
    ck_assert(prose_has(x, "AT&T"));
    maps_to(x, "AT&T", "AT&amp;T");
    maps_to(x, "Nvidia\xE2\x80\x99s", "Nvidia&rsquo;s");
    maps_to(x, "$5", "&#36;5");
    maps_to(x, "ABC", "&#x41;BC");
    maps_to(x, "\xC3\xA9lan", "&eacute;lan");
    ck_assert(prose_has(x, "&notanentity;"));
    check_pieces(x);
    xfree(x);
}
END_TEST

START_TEST(md_code_is_skipped)
{
    xdoc *x = md("Set `h2o_config` and ``A100_MAX`` now.\n\n"
                 "```c\n#define A100_MAX 8\nH2O\n```\n\n"
                 "    indented H2O A100_MAX\n\n"
                 "~~~\nH100\n~~~\n\nAfter the code.\n");
    ck_assert(!prose_has(x, "h2o_config"));
    ck_assert(!prose_has(x, "A100_MAX"));
    ck_assert(!prose_has(x, "H2O"));
    ck_assert(!prose_has(x, "H100"));
    maps_to(x, "After the code.", "After the code.");
    maps_to(x, "now.", "now.");
    check_pieces(x);
    xfree(x);
}
END_TEST

START_TEST(md_urls_are_skipped)
{
    xdoc *x = md("See <https://example.com/H2O>, https://example.com/H100/x, "
                 "www.example.com/H2O and press@h2o.com; [the H20 page](https://e.com/H2O).\n");
    ck_assert(!prose_has(x, "H2O"));
    ck_assert(!prose_has(x, "H100"));
    ck_assert(!prose_has(x, "h2o"));
    maps_to(x, "the H20 page", "the H20 page");
    maps_to(x, "See", "See");
    xfree(x);
}
END_TEST

START_TEST(md_html_is_skipped)
{
    xdoc *x = md("<div class=\"H2O\">\n<p>raw H100 block</p>\n</div>\n\n"
                 "Inline <span title=\"H2O\">H20</span> text.\n");
    ck_assert(!prose_has(x, "H100"));
    ck_assert(!prose_has(x, "H2O"));
    maps_to(x, "H20", "H20");
    xfree(x);
}
END_TEST

START_TEST(md_blocks_are_paragraphs)
{
    xdoc *x = md("# Heading H20\nBody text\n\n- one\n- two\n  - nested\n\n"
                 "| A | B |\n|---|---|\n| x1 | y1 |\n\n> quoted\n");
    ck_assert(prose_has(x, "Heading H20\n\nBody text"));
    ck_assert(prose_has(x, "one\n\ntwo\n\nnested"));
    ck_assert(prose_has(x, "A\n\nB\n\nx1\n\ny1"));
    maps_to(x, "y1", "y1");
    maps_to(x, "nested", "nested");
    ck_assert(x->doc.prose.text[0] == 'H');
    ck_assert(x->doc.prose.text[x->doc.prose.len - 1] == 'd');
    xfree(x);
}
END_TEST

START_TEST(md_soft_break_maps_to_newline)
{
    xdoc *x = md("Jensen\nHuang spoke.\r\nThen Nvidia\r\nreplied.\n");
    maps_to(x, "Jensen\nHuang", "Jensen\nHuang");
    maps_to(x, "Nvidia\nreplied", "Nvidia\r\nreplied");
    xfree(x);
}
END_TEST

START_TEST(md_front_matter)
{
    const char *text = "---\ntitle: \"Nvidia H20 exports\"\ndescription: The H2O rules\n"
                       "tags: [a]\n---\n\n# Body H20\n";
    xdoc *x = md(text);
    ck_assert(!prose_has(x, "H2O"));
    ck_assert(!prose_has(x, "exports"));
    maps_to(x, "Body H20", "Body H20");
    xfree(x);
    x = extract("t.md", text, strlen(text), true);
    maps_to(x, "Nvidia H20 exports", "Nvidia H20 exports");
    maps_to(x, "The H2O rules", "The H2O rules");
    ck_assert(prose_has(x, "exports\n\nThe H2O rules\n\nBody H20"));
    xfree(x);
    x = md("+++\ntitle = \"T\"\nmodel = \"H2O\"\n+++\nText here.\n");
    ck_assert(!prose_has(x, "H2O"));
    maps_to(x, "Text here.", "Text here.");
    xfree(x);
    /* no closing fence: a thematic break, not front matter */
    x = md("---\nNot front matter H20.\n");
    maps_to(x, "Not front matter H20.", "Not front matter H20.");
    xfree(x);
    /* a BOM before the front matter */
    x = md("\xEF\xBB\xBF---\na: H2O\n---\nBody.\n");
    ck_assert(!prose_has(x, "H2O"));
    maps_to(x, "Body.", "Body.");
    xfree(x);
}
END_TEST

START_TEST(md_reference_links_and_comments)
{
    xdoc *x = md("<!-- H2O in a comment -->\n\nSee the [H20 page][ref] and [H100][].\n\n"
                 "[ref]: https://e.com/H2O \"H2O title\"\n[H100]: https://e.com/H100\n");
    ck_assert(!prose_has(x, "H2O"));
    maps_to(x, "H20 page", "H20 page");
    maps_to(x, "H100", "H100");
    xfree(x);
}
END_TEST

START_TEST(md_empty_and_code_only)
{
    xdoc *x = md("");
    ck_assert_uint_eq(x->doc.prose.len, 0);
    xfree(x);
    x = md("```\nH2O\n```\n");
    ck_assert_uint_eq(x->doc.prose.len, 0);
    xfree(x);
}
END_TEST

/* ---------------------------------------------------------------- HTML */

START_TEST(html_body_text)
{
    xdoc *x = html("<!DOCTYPE html><html><head><title>H2O title</title>"
                   "<style>.H2O{}</style><script>var H2O;</script></head><body>\n"
                   "<h1>The H20</h1><p>Nvidia <b>sells</b> the\nH20 in <i>China</i>.</p>"
                   "<pre>H2O</pre><p><code>h2o_config</code> <kbd>A100_MAX</kbd> <samp>H2O</samp>"
                   " <tt>H2O</tt> ok</p><noscript>H2O</noscript><template>H2O</template>"
                   "</body></html>");
    ck_assert(!prose_has(x, "H2O"));
    ck_assert(!prose_has(x, "h2o_config"));
    ck_assert(!prose_has(x, "A100_MAX"));
    ck_assert(prose_has(x, "The H20\n\nNvidia sells the H20 in China."));
    maps_to(x, "sells", "sells");
    maps_to_n(x, "H20", 1, "H20", 1);
    maps_to(x, "the H20", "the\nH20");
    check_pieces(x);
    xfree(x);
}
END_TEST

START_TEST(html_references)
{
    xdoc *x = html("<p>AT&amp;T, AT&T, &#x48;20, &#72;100, caf&eacute;, &notit; x, &lt;&gt;, "
                   "1&nbsp;million, &amp</p>");
    maps_to(x, "AT&T,", "AT&amp;T,");
    maps_to_n(x, "AT&T,", 1, "AT&T,", 0);
    maps_to(x, "H20", "&#x48;20");
    maps_to(x, "H100", "&#72;100");
    maps_to(x, "caf\xC3\xA9", "caf&eacute;");
    maps_to(x, "\xC2\xACit;", "&notit;");
    maps_to(x, "<>", "&lt;&gt;");
    maps_to(x, "1\xC2\xA0million", "1&nbsp;million");
    check_pieces(x);
    xfree(x);
}
END_TEST

START_TEST(html_attributes)
{
    xdoc *x = html("<p>A chip <img src=\"h2o.png\" alt=\"The H20 &amp; board\"> and "
                   "<abbr title='World Health Organization'>WHO</abbr>"
                   "<a href=\"https://e.com/H2O\" class=\"H2O\" data-x=\"H100\">link</a>.</p>");
    maps_to(x, "The H20 & board", "The H20 &amp; board");
    maps_to(x, "World Health Organization", "World Health Organization");
    ck_assert(!prose_has(x, "H2O"));
    ck_assert(!prose_has(x, "h2o"));
    ck_assert(!prose_has(x, "H100"));
    ck_assert(prose_has(x, "\n\nThe H20 & board\n\n"));
    xfree(x);
}
END_TEST

START_TEST(html_url_links_and_text)
{
    xdoc *x = html("<p>Go to <a href=\"https://e.com/H2O\">https://e.com/H2O</a> or "
                   "<a href=\"https://e.com/x\">e.com/x</a>; plain https://e.com/H100 too. "
                   "Not a URL: ratio 3:1.</p>");
    ck_assert(!prose_has(x, "H2O"));
    ck_assert(!prose_has(x, "H100"));
    maps_to(x, "ratio 3:1.", "ratio 3:1.");
    xfree(x);
}
END_TEST

START_TEST(html_crlf_and_whitespace)
{
    xdoc *x = html("<p>Jensen\r\nHuang\rspoke\n\n\nat length.</p>");
    ck_assert(prose_has(x, "Jensen Huang spoke   at length."));
    maps_to(x, "Jensen Huang", "Jensen\r\nHuang");
    maps_to(x, "spoke", "spoke");
    xfree(x);
}
END_TEST

START_TEST(html_fragment_without_body)
{
    xdoc *x = html("Just text, H20 here.");
    maps_to(x, "H20 here.", "H20 here.");
    xfree(x);
}
END_TEST

/* ------------------------------------------------------------ directives */

START_TEST(directives_in_markdown_and_html)
{
    xdoc *x = md("<!-- factlint-disable name-variant, name-casing -- planted -->\n\nText.\n\n"
                 "Inline <!-- factlint-disable-next-line --> here.\n\n"
                 "```\n<!-- factlint-disable in code -->\n```\n\n<!-- factlint-enable -->\n"
                 "<!-- an ordinary comment -->\n");
    ck_assert_uint_eq(x->doc.directives.count, 3);
    const fl_directive *d = x->doc.directives.items;
    ck_assert_int_eq(d[0].kind, FL_DIRECTIVE_DISABLE);
    ck_assert_uint_eq(d[0].rule_count, 2);
    ck_assert_str_eq(d[0].rules[0], "name-variant");
    ck_assert_str_eq(d[0].rules[1], "name-casing");
    ck_assert_uint_eq(d[0].off, 0);
    ck_assert_int_eq(d[1].kind, FL_DIRECTIVE_NEXT_LINE);
    ck_assert_uint_eq(d[1].rule_count, 0);
    ck_assert_int_eq(d[2].kind, FL_DIRECTIVE_ENABLE);
    xfree(x);
    x = html("<html><body><!-- factlint-disable-next-line fact-age -->\n<p>Text.</p></body>");
    ck_assert_uint_eq(x->doc.directives.count, 1);
    d = x->doc.directives.items;
    ck_assert_int_eq(d[0].kind, FL_DIRECTIVE_NEXT_LINE);
    ck_assert_str_eq(d[0].rules[0], "fact-age");
    ck_assert_uint_eq(d[0].off, 12);
    xfree(x);
}
END_TEST

START_TEST(directives_in_plain_text)
{
    const char *text = "Intro.\n  factlint-disable-next-line name-variant\nThe H2O.\n"
                       "Write factlint-disable on a line of its own.\n"
                       "<!-- factlint-disable -->\nfactlint-enable\n";
    xdoc *x = calloc(1, sizeof *x);
    fl_error err;
    ck_assert_int_eq(fl_source_new("t.txt", text, strlen(text), &x->src, &err), FL_OK);
    x->doc.arena = fl_arena_new();
    x->doc.src = x->src;
    fl_vec_init(&x->doc.directives, sizeof(fl_directive));
    fl_suppress_scan_lines(&x->doc);
    ck_assert_uint_eq(x->doc.directives.count, 3);
    const fl_directive *d = x->doc.directives.items;
    ck_assert_int_eq(d[0].kind, FL_DIRECTIVE_NEXT_LINE);
    ck_assert_uint_eq(d[0].off, 9);
    ck_assert_int_eq(d[1].kind, FL_DIRECTIVE_DISABLE);
    ck_assert_int_eq(d[2].kind, FL_DIRECTIVE_ENABLE);
    xfree(x);
}
END_TEST

/* A directive found wherever it lies against the scan's 16-byte steps
 * and the text's ends, among decoys: hyphens, an 'f' eight bytes before a
 * hyphen, "factlint" without its hyphen. */
START_TEST(directives_at_every_offset)
{
    static const char decoys[] = "f-ff--f fact-lint f-actlint-x factlint factlintx-f--";
    for (size_t k = 0; k <= sizeof decoys - 1; k++) {
        for (int at_end = 0; at_end < 2; at_end++) {
            char text[256];
            int n = snprintf(text, sizeof text, "%.*s%sfactlint-enable%s", (int)k, decoys,
                             k ? "\n" : "", at_end ? "" : "\nMore text - here.\n");
            ck_assert(n > 0 && (size_t)n < sizeof text);
            xdoc *x = calloc(1, sizeof *x);
            ck_assert_ptr_nonnull(x);
            fl_error err;
            ck_assert_int_eq(fl_source_new("t.txt", text, (size_t)n, &x->src, &err), FL_OK);
            x->doc.arena = fl_arena_new();
            x->doc.src = x->src;
            fl_vec_init(&x->doc.directives, sizeof(fl_directive));
            fl_suppress_scan_lines(&x->doc);
            ck_assert_msg(x->doc.directives.count == 1, "%zu directives after %zu bytes",
                          x->doc.directives.count, k);
            const fl_directive *d = x->doc.directives.items;
            ck_assert_int_eq(d[0].kind, FL_DIRECTIVE_ENABLE);
            ck_assert_uint_eq(d[0].off, k ? k + 1 : 0);
            xfree(x);
        }
    }
}
END_TEST

/* ------------------------------------------------------- hostile input */

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static char *repeat(const char *unit, size_t n, const char *tail)
{
    size_t ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(ul * n + tl + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * ul, unit, ul);
    memcpy(s + ul * n, tail, tl + 1);
    return s;
}

static void bounded(const char *name, char *text, double limit)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    xdoc *x = extract(name, text, strlen(text), false);
    double s = seconds_since(&t0);
    /* make valgrind runs the tests some 20 times slower */
    const char *scale = getenv("FL_TEST_TIME_SCALE");
    if (scale && atof(scale) > 1)
        limit *= atof(scale);
    ck_assert_msg(s < limit, "%s: %.2f s (limit %.1f)", name, s, limit);
    check_pieces(x);
    xfree(x);
    free(text);
}

START_TEST(html_deep_and_unclosed)
{
    bounded("divs.html", repeat("<div>", 10000, "H20 deep"), 2.0);
    bounded("closed.html", repeat("<div>x", 10000, "</div>"), 2.0);
    bounded("p.html", repeat("<p>para H20 <b>bold <i>it", 10000, ""), 2.0);
    bounded("table.html", repeat("<table><tr><td>", 3000, "cell"), 2.0);
    bounded("amp.html", repeat("&notanentityatall&", 20000, ""), 2.0);
    bounded("attrs.html", repeat("<img alt=\"H20 &amp; x\">", 20000, ""), 2.0);
}
END_TEST

START_TEST(md_deep_nesting)
{
    bounded("quotes.md", repeat(">", 10000, " H20 deep\n"), 2.0);
    bounded("lists.md", repeat("- ", 5000, "H20\n"), 2.0);
    bounded("brackets.md", repeat("[", 20000, "H20"), 2.0);
    bounded("stars.md", repeat("*a ", 20000, "H20"), 2.0);
    bounded("links.md", repeat("[x](y) ", 20000, ""), 2.0);
    bounded("backticks.md", repeat("`", 20000, "H20"), 2.0);
    bounded("entities.md", repeat("&amp;&eacute;&#x41;", 20000, ""), 2.0);
    bounded("html.md", repeat("<div>\n", 20000, ""), 2.0);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("extract");
    TCase *m = tcase_create("markdown");
    tcase_add_test(m, md_emphasis_links_images);
    tcase_add_test(m, md_entities);
    tcase_add_test(m, md_code_is_skipped);
    tcase_add_test(m, md_urls_are_skipped);
    tcase_add_test(m, md_html_is_skipped);
    tcase_add_test(m, md_blocks_are_paragraphs);
    tcase_add_test(m, md_soft_break_maps_to_newline);
    tcase_add_test(m, md_front_matter);
    tcase_add_test(m, md_reference_links_and_comments);
    tcase_add_test(m, md_empty_and_code_only);
    suite_add_tcase(s, m);
    TCase *h = tcase_create("html");
    tcase_add_test(h, html_body_text);
    tcase_add_test(h, html_references);
    tcase_add_test(h, html_attributes);
    tcase_add_test(h, html_url_links_and_text);
    tcase_add_test(h, html_crlf_and_whitespace);
    tcase_add_test(h, html_fragment_without_body);
    suite_add_tcase(s, h);
    TCase *d = tcase_create("directives");
    tcase_add_test(d, directives_in_markdown_and_html);
    tcase_add_test(d, directives_in_plain_text);
    tcase_add_test(d, directives_at_every_offset);
    suite_add_tcase(s, d);
    TCase *p = tcase_create("hostile");
    tcase_set_timeout(p, 60);
    tcase_add_test(p, html_deep_and_unclosed);
    tcase_add_test(p, md_deep_nesting);
    suite_add_tcase(s, p);
    return s;
}

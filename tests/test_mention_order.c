/* test_mention_order.c - the mentions' order, and the checks' general
 * paths for documents whose mentions are in another order.
 *
 * fl_find_mentions leaves the mentions in offset order, date mentions not
 * overlapping, and the checks read "the earlier of two" from that order
 * (fact-date and fact-number take the earlier statement as the reference,
 * entity-sibling lists lines in it). Two checks also take a shorter path
 * when the order holds: fact-date walks without per-token date marks,
 * name-variant reads its entries without a sorted copy. A document built
 * by hand may hold its mentions in any order, and those two then take
 * their general path: run on each bundled article with its mentions
 * reversed (their links to one another renumbered), name-variant gives
 * the same findings, and fact-date the same pairs of dates (flagging the
 * other date of each pair, which the reversed order makes the earlier). */
#include "internal.h"
#include "test_files.h"
#include "suppress.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The mentions reversed in place, each link (person, entity) to the
 * mention's new index. */
static void reverse_mentions(fl_doc *doc)
{
    size_t n = doc->mentions.count;
    fl_mention *m = doc->mentions.items;
    for (size_t i = 0; i < n; i++) {
        if (m[i].person >= 0)
            m[i].person = (int32_t)(n - 1 - (size_t)m[i].person);
        if (m[i].entity >= 0)
            m[i].entity = (int32_t)(n - 1 - (size_t)m[i].entity);
    }
    for (size_t i = 0; i < n / 2; i++) {
        fl_mention t = m[i];
        m[i] = m[n - 1 - i];
        m[n - 1 - i] = t;
    }
}

/* Whether the mentions are in offset order, no two date mentions
 * overlapping. */
static bool in_offset_order(const fl_doc *doc)
{
    const fl_mention *m = doc->mentions.items;
    size_t date_end = 0;
    for (size_t i = 0; i < doc->mentions.count; i++) {
        if (i > 0 && m[i].off < m[i - 1].off)
            return false;
        if (m[i].kind == FL_M_DATE) {
            if (m[i].off < date_end)
                return false;
            date_end = (size_t)m[i].off + m[i].len;
        }
    }
    return true;
}

/* One finding as a line. fact-date's as its pair of dates, the earlier
 * first (which of the two it flags follows the mentions' order). */
static char *finding_line(const fl_finding *f)
{
    size_t cap = strlen(f->rule) + strlen(f->text) + strlen(f->message) +
                 (f->suggestion ? strlen(f->suggestion) : 0) + 96;
    char *line = malloc(cap);
    ck_assert_ptr_nonnull(line);
    if (strcmp(f->rule, "fact-date") == 0 && f->related_count == 1) {
        size_t a = f->offset, b = f->related[0].offset;
        snprintf(line, cap, "%s %zu/%zu", f->rule, a < b ? a : b, a < b ? b : a);
        return line;
    }
    snprintf(line, cap, "%s %zu+%zu `%s`: %s -> %s (%zu related)", f->rule, f->offset, f->length,
             f->text, f->message, f->suggestion ? f->suggestion : "-", f->related_count);
    return line;
}

/* Runs the check `rule` on text; returns its findings as sorted lines
 * (finding_line), *count of them. Fails the test unless fl_find_mentions
 * leaves the mentions in offset order. */
static char **findings_of(const fl_patterns *patterns, const fl_lexicon *lex, const char *rule,
                          const char *text, size_t len, bool reversed, size_t *count,
                          size_t *mentions)
{
    fl_error err;
    fl_source *src;
    ck_assert_int_eq(fl_source_new("t.txt", text, len, &src, &err), FL_OK);
    fl_doc doc;
    ck_assert_int_eq(run_to_mentions(&doc, src, lex, patterns), FL_OK);
    *mentions = doc.mentions.count;
    ck_assert_msg(in_offset_order(&doc), "mentions out of offset order");
    if (reversed)
        reverse_mentions(&doc);
    for (size_t i = 0; i < fl_check_count; i++) {
        if (strcmp(fl_checks[i]->info.id, rule) != 0)
            continue;
        fl_checks[i]->run(&doc);
        ck_assert_int_eq(doc.status, FL_OK);
    }
    size_t n = doc.findings.count;
    char **lines = calloc(n ? n : 1, sizeof *lines);
    ck_assert_ptr_nonnull(lines);
    for (size_t i = 0; i < n; i++)
        lines[i] = finding_line((const fl_finding *)doc.findings.items + i);
    qsort(lines, n, sizeof *lines, by_string);
    *count = n;
    fl_arena_free(doc.arena);
    fl_source_free(src);
    return lines;
}

static void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

static const char *const rules[] = {"fact-date", "name-variant"};

/* Runs both rules on text as found and reversed; adds their findings to
 * found[]. */
static void agree(const fl_patterns *patterns, const fl_lexicon *lex, const char *label,
                  const char *text, size_t len, size_t found[2])
{
    for (size_t r = 0; r < 2; r++) {
        size_t na, nb, ma, mb;
        char **a = findings_of(patterns, lex, rules[r], text, len, false, &na, &ma);
        char **b = findings_of(patterns, lex, rules[r], text, len, true, &nb, &mb);
        ck_assert_uint_eq(ma, mb);
        ck_assert_msg(na == nb, "%s, %s: %zu findings as found, %zu reversed", label, rules[r], na,
                      nb);
        for (size_t i = 0; i < na; i++)
            ck_assert_msg(strcmp(a[i], b[i]) == 0, "%s:\n  as found: %s\n  reversed: %s", label,
                          a[i], b[i]);
        found[r] += na;
        free_lines(a, na);
        free_lines(b, nb);
    }
}

START_TEST(general_paths_agree_on_reversed_mentions)
{
    fl_error err;
    fl_patterns *patterns;
    fl_lexicon *lex;
    ck_assert_int_eq(fl_patterns_new(&patterns, &err), FL_OK);
    ck_assert_int_eq(fl_lexicon_build(true, NULL, 0, &lex, &err), FL_OK);
    size_t docs = 0, found[2] = {0, 0};
    /* two dates in one sentence, where the walk back from the second must
     * stop at the first ("on March 9" is no release: no finding; without
     * the date marks of the general path it would be one), and a
     * conflict */
    static const char *const texts[] = {
        "Corvane Labs released Tern-3 on March 3 and on March 9 the company met analysts.\n"
        "Since its release on March 9, Tern-3 has been downloaded 400,000 times.\n",
        "Corvane Labs released its Tern-3 model on March 3.\n"
        "Since its release on March 9, Tern-3 has been downloaded 400,000 times.\n",
    };
    size_t inline_found[2] = {0, 0};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        agree(patterns, lex, texts[k], texts[k], strlen(texts[k]), inline_found);
    ck_assert_uint_eq(inline_found[0], 1);
    const char *dirs[] = {"corpus/eval", "corpus/demo"};
    for (size_t k = 0; k < sizeof dirs / sizeof dirs[0]; k++) {
        char dir[512], path[1024];
        data_path(dirs[k], dir, sizeof dir);
        DIR *d = opendir(dir);
        ck_assert_msg(d != NULL, "cannot open %s (run from the repository root or set FL_SRCDIR)",
                      dir);
        struct dirent *ent;
        while ((ent = readdir(d))) {
            size_t nl = strlen(ent->d_name);
            if (nl < 4 || strcmp(ent->d_name + nl - 4, ".txt") != 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
            size_t len = 0;
            char *text = read_all(path, &len);
            ck_assert_ptr_nonnull(text);
            agree(patterns, lex, path, text, len, found);
            docs++;
            free(text);
        }
        closedir(d);
    }
    /* the test says something only when both checks found something */
    ck_assert_uint_ge(docs, 40);
    ck_assert_uint_ge(found[0], 2);
    ck_assert_uint_ge(found[1], 2);
    fl_lexicon_free(lex);
    fl_patterns_free(patterns);
}
END_TEST

Suite *fl_test_suite(void);
Suite *fl_test_suite(void)
{
    Suite *s = suite_create("mention_order");
    TCase *tc = tcase_create("mention_order");
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, general_paths_agree_on_reversed_mentions);
    suite_add_tcase(s, tc);
    return s;
}

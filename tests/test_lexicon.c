/* test_lexicon.c - lexicon parsing, errors and lookups. */
#include "lexicon.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *write_temp(const char *text)
{
    static int counter;
    char *path = malloc(64);
    snprintf(path, 64, "/tmp/fl-lex-%d-%d.lex", (int)getpid(), counter++);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Builds a lexicon from `text` alone (no built-in data). */
static fl_status build_from(const char *text, fl_lexicon **lex, fl_error *err)
{
    char *path = write_temp(text);
    const char *paths[] = {path};
    fl_status st = fl_lexicon_build(false, paths, 1, lex, err);
    unlink(path);
    free(path);
    return st;
}

static const char SAMPLE[] =
    "# a comment\n"
    "\n"
    "Nvidia | org | | Nvidia Corp., Nvidia Corporation | Nvida, NVIDIA, Nvidea\n"
    "H20 | product | nvidia-datacenter-gpu | Nvidia H20\n"
    "H100 | product | nvidia-datacenter-gpu | Nvidia H100\n"
    "Mar-a-Lago | place | | | Mar-a-Largo, Mar a Largo\n"
    "Cincinnati | place | | | Cincinatti\n"
    "WHO | acronym | | World Health Organization\n"
    "ATF | acronym | | Bureau of Alcohol\\, Tobacco\\, Firearms and Explosives\n"
    "Pipe\\|Co | org\n";

static size_t fold(const char *s, char *buf)
{
    return fl_fold(s, strlen(s), 0, buf, 256);
}

START_TEST(parses_entries_and_escapes)
{
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(build_from(SAMPLE, &lex, &err), FL_OK);
    ck_assert_uint_eq(fl_lexicon_entry_count(lex), 8);
    const fl_lex_entry *e = fl_lexicon_entry(lex, 0);
    ck_assert_str_eq(e->canonical, "Nvidia");
    ck_assert_int_eq(e->kind, FL_LEX_ORG);
    ck_assert_str_eq(e->family, "");
    ck_assert_uint_eq(e->alias_count, 2);
    ck_assert_str_eq(e->aliases[1], "Nvidia Corporation");
    ck_assert_uint_eq(e->misspelling_count, 3);
    ck_assert_uint_eq(e->line, 3);
    const fl_lex_entry *atf = fl_lexicon_entry(lex, 6);
    ck_assert_str_eq(atf->aliases[0], "Bureau of Alcohol, Tobacco, Firearms and Explosives");
    ck_assert_str_eq(fl_lexicon_entry(lex, 7)->canonical, "Pipe|Co");
    ck_assert_uint_eq(fl_lexicon_entry(lex, 7)->alias_count, 0);
    fl_lexicon_free(lex);
}
END_TEST

START_TEST(lookups)
{
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(build_from(SAMPLE, &lex, &err), FL_OK);
    char key[256];
    const fl_lex_hit *hits;
    size_t n = fl_lexicon_by_fold(lex, key, fold("NVIDIA CORP.", key), &hits);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(hits[0].entry->canonical, "Nvidia");
    ck_assert_int_eq(hits[0].role, FL_LEX_ALIAS);
    /* by fold: the canonical form first */
    n = fl_lexicon_by_fold(lex, key, fold("nvidia", key), &hits);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(hits[0].role, FL_LEX_CANONICAL);
    n = fl_lexicon_by_misspelling(lex, key, fold("Mar-a-Largo", key), &hits);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(hits[0].entry->canonical, "Mar-a-Lago");
    ck_assert_str_eq(hits[0].form, "Mar-a-Largo");
    ck_assert_uint_eq(fl_lexicon_by_misspelling(lex, key, fold("Mar-a-Lago", key), &hits), 0);
    ck_assert_ptr_null(hits);
    /* skeleton: H2O and H20 are one skeleton */
    size_t sl = fl_skeleton("H2O", 3, 0, key, sizeof key);
    n = fl_lexicon_by_skeleton(lex, key, sl, &hits);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(hits[0].form, "H20");
    /* family */
    n = fl_lexicon_family(lex, "nvidia-datacenter-gpu", 21, &hits);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(fl_lexicon_family(lex, "nvidia", 6, &hits), 0);
    /* acronym -> expansions */
    const fl_lex_entry *who = fl_lexicon_acronym(lex, key, fold("WHO", key));
    ck_assert_ptr_nonnull(who);
    ck_assert_str_eq(who->aliases[0], "World Health Organization");
    ck_assert_ptr_null(fl_lexicon_acronym(lex, key, fold("Nvidia", key)));
    fl_lexicon_free(lex);
}
END_TEST

START_TEST(near_names)
{
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(build_from(SAMPLE, &lex, &err), FL_OK);
    char key[256];
    fl_lex_near near[8];
    size_t sl = fl_skeleton("Cincinatti", 10, 0, key, sizeof key);
    size_t n = fl_lexicon_near(lex, key, sl, 2, near, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(near[0].hit.form, "Cincinnati");
    ck_assert_uint_eq(near[0].edits, 2);
    /* within one edit only: not found */
    ck_assert_uint_eq(fl_lexicon_near(lex, key, sl, 1, near, 8), 0);
    sl = fl_skeleton("Mar-a-Largo", 11, 0, key, sizeof key);
    n = fl_lexicon_near(lex, key, sl, 2, near, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(near[0].hit.form, "Mar-a-Lago");
    ck_assert_uint_eq(near[0].edits, 1);
    /* an exact match is not "near" */
    sl = fl_skeleton("Cincinnati", 10, 0, key, sizeof key);
    ck_assert_uint_eq(fl_lexicon_near(lex, key, sl, 2, near, 8), 0);
    /* misspellings and acronyms are not near targets */
    sl = fl_skeleton("Nvidai", 6, 0, key, sizeof key);
    n = fl_lexicon_near(lex, key, sl, 1, near, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(near[0].hit.form, "Nvidia");
    fl_lexicon_free(lex);
}
END_TEST

START_TEST(edit_distance)
{
    uint32_t a[FL_NEAR_MAX_CPS], b[FL_NEAR_MAX_CPS];
    size_t na = fl_near_decode("cincinatti", 10, a, FL_NEAR_MAX_CPS);
    size_t nb = fl_near_decode("cincinnati", 10, b, FL_NEAR_MAX_CPS);
    ck_assert_uint_eq(fl_edit_distance(a, na, b, nb, 3), 2);
    ck_assert_uint_eq(fl_edit_distance(a, na, b, nb, 1), 2); /* capped: max + 1 */
    na = fl_near_decode("abcd", 4, a, FL_NEAR_MAX_CPS);
    nb = fl_near_decode("abdc", 4, b, FL_NEAR_MAX_CPS);
    ck_assert_uint_eq(fl_edit_distance(a, na, b, nb, 2), 1); /* a transposition */
    na = fl_near_decode("Zürich", strlen("Zürich"), a, FL_NEAR_MAX_CPS);
    nb = fl_near_decode("Zurich", 6, b, FL_NEAR_MAX_CPS);
    ck_assert_uint_eq(na, 6);
    ck_assert_uint_eq(fl_edit_distance(a, na, b, nb, 2), 1); /* code points, not bytes */
    ck_assert_uint_eq(fl_near_decode("abc", 3, a, 2), 3);    /* too long: cap + 1 */
}
END_TEST

static void expect_error(const char *text, const char *needle, size_t line)
{
    fl_lexicon *lex = (fl_lexicon *)1;
    fl_error err;
    ck_assert_int_eq(build_from(text, &lex, &err), FL_ELEXICON);
    ck_assert_ptr_null(lex);
    ck_assert_int_eq(err.status, FL_ELEXICON);
    ck_assert_uint_eq(err.line, line);
    ck_assert_msg(strstr(err.message, needle) != NULL, "message '%s' lacks '%s'", err.message,
                  needle);
    char where[32];
    snprintf(where, sizeof where, ".lex:%zu: ", line);
    ck_assert_msg(strstr(err.message, where) != NULL, "message '%s' lacks '%s'", err.message,
                  where);
}

START_TEST(errors_name_file_and_line)
{
    expect_error("Nvidia | org\nAcme | company\n", "unknown kind 'company'", 2);
    expect_error("# c\n\nJust a name\n", "expected at least 'canonical | kind'", 3);
    expect_error("A | org | | | | extra\n", "too many fields", 1);
    expect_error(" | org\n", "empty canonical form", 1);
    expect_error("Acme | org | | Acme\\x Inc\n", "unknown escape '\\x'", 1);
    expect_error("Acme |  \n", "missing kind", 1);
    expect_error("Acme | org | | \xff\xfe\n", "invalid UTF-8", 1);
}
END_TEST

START_TEST(missing_file)
{
    const char *paths[] = {"/nonexistent/dir/x.lex"};
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build(false, paths, 1, &lex, &err), FL_ELEXICON);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/dir/x.lex: cannot open lexicon"));
}
END_TEST

START_TEST(later_definition_replaces)
{
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(build_from("Nvidia | org | | Nvidia Corp.\n"
                                "NVIDIA | org | | NVIDIA Corporation\n"
                                "Nvidia | product\n",
                                &lex, &err),
                     FL_OK);
    ck_assert_uint_eq(fl_lexicon_entry_count(lex), 2);
    char key[256];
    const fl_lex_hit *hits;
    size_t n = fl_lexicon_by_fold(lex, key, fold("Nvidia", key), &hits);
    ck_assert_uint_eq(n, 2); /* the org (house style NVIDIA) and the product */
    for (size_t i = 0; i < n; i++)
        if (hits[i].entry->kind == FL_LEX_ORG)
            ck_assert_str_eq(hits[i].entry->canonical, "NVIDIA");
    ck_assert_uint_eq(fl_lexicon_by_fold(lex, key, fold("Nvidia Corp.", key), &hits), 0);
    fl_lexicon_free(lex);
}
END_TEST

START_TEST(builtin_lexicon)
{
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build(true, NULL, 0, &lex, &err), FL_OK);
    ck_assert_uint_ge(fl_lexicon_entry_count(lex), 800);
    /* entries remember their file for messages */
    const fl_lex_entry *e = fl_lexicon_entry(lex, 0);
    ck_assert_ptr_nonnull(strstr(e->file, "corpus/lexicon/"));
    char key[256];
    const fl_lex_hit *hits;
    ck_assert_uint_ge(fl_lexicon_by_fold(lex, key, fold("Nvidia", key), &hits), 1);
    /* no misspelling in the shipped data is also a correct form */
    for (size_t i = 0; i < fl_lexicon_entry_count(lex); i++) {
        const fl_lex_entry *x = fl_lexicon_entry(lex, i);
        for (size_t m = 0; m < x->misspelling_count; m++) {
            size_t n = fl_lexicon_by_fold(lex, key, fold(x->misspellings[m], key), &hits);
            for (size_t h = 0; h < n; h++)
                ck_assert_msg(strcmp(hits[h].form, x->misspellings[m]) != 0,
                              "%s:%zu: misspelling '%s' is a correct form of '%s'", x->file,
                              x->line, x->misspellings[m], hits[h].entry->canonical);
        }
    }
    fl_lexicon_free(lex);
    /* none at all */
    ck_assert_int_eq(fl_lexicon_build(false, NULL, 0, &lex, &err), FL_OK);
    ck_assert_uint_eq(fl_lexicon_entry_count(lex), 0);
    ck_assert_uint_eq(fl_lexicon_by_fold(lex, "x", 1, &hits), 0);
    fl_lex_near near[2];
    ck_assert_uint_eq(fl_lexicon_near(lex, "abcdef", 6, 1, near, 2), 0);
    fl_lexicon_free(lex);
    fl_lexicon_free(NULL);
}
END_TEST

START_TEST(user_file_adds_to_builtin)
{
    char *path = write_temp("Zorblax Industries | org | | | Zorblaxx Industries\n");
    const char *paths[] = {path};
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build(true, paths, 1, &lex, &err), FL_OK);
    char key[256];
    const fl_lex_hit *hits;
    ck_assert_uint_eq(fl_lexicon_by_misspelling(lex, key, fold("Zorblaxx Industries", key), &hits),
                      1);
    ck_assert_str_eq(hits[0].entry->file, path);
    ck_assert_uint_ge(fl_lexicon_by_fold(lex, key, fold("Nvidia", key), &hits), 1);
    fl_lexicon_free(lex);
    unlink(path);
    free(path);
}
END_TEST

/* The same hits, entry by entry position, form and role. */
static void same_hits(const fl_lexicon *a, const fl_lex_hit *ha, size_t na, const fl_lexicon *b,
                      const fl_lex_hit *hb, size_t nb)
{
    ck_assert_uint_eq(na, nb);
    for (size_t i = 0; i < na; i++) {
        ck_assert_int_eq(ha[i].entry - fl_lexicon_entry(a, 0),
                         hb[i].entry - fl_lexicon_entry(b, 0));
        ck_assert_str_eq(ha[i].form, hb[i].form);
        ck_assert_int_eq(ha[i].role, hb[i].role);
    }
}

#define SAME_ARRAY(field, count)                                                                   \
    do {                                                                                           \
        ck_assert_uint_eq(made.count, built->count);                                               \
        ck_assert(made.count == 0 ||                                                               \
                  memcmp(made.field, built->field, made.count * sizeof *made.field) == 0);         \
    } while (0)

/* The image compiled in (tools/lexgen) is what parsing the built-in
 * lexicon makes now, and a lexicon loaded from it answers as one built by
 * parsing. */
START_TEST(builtin_image_matches_parsing)
{
    fl_lexicon *parsed, *loaded;
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build_parsed(true, NULL, 0, &parsed, &err), FL_OK);
    ck_assert_int_eq(fl_lexicon_build(true, NULL, 0, &loaded, &err), FL_OK);
    fl_lex_image made;
    ck_assert_int_eq(fl_lex_image_make(parsed, &made), FL_OK);
    const fl_lex_image *built = &fl_builtin_lexicon_image;
    ck_assert_uint_gt(built->entry_count, 0);
    SAME_ARRAY(strings, strings_len);
    SAME_ARRAY(entries, entry_count);
    SAME_ARRAY(lists, list_count);
    SAME_ARRAY(records, record_count);
    SAME_ARRAY(slots, slot_count);
    SAME_ARRAY(near_hits, near_form_count);
    SAME_ARRAY(near_cps, near_form_count);
    SAME_ARRAY(near_items, near_item_count);
    ck_assert(memcmp(made.near_buckets, built->near_buckets,
                     (((size_t)1 << FL_NEAR_BUCKET_BITS) + 1) * sizeof *made.near_buckets) == 0);
    ck_assert_ptr_nonnull(built->near_words);
    SAME_ARRAY(near_words, near_word_count);
    ck_assert(memcmp(made.fold_filter, built->fold_filter,
                     FL_LEX_FOLD_FILTER_WORDS * sizeof *made.fold_filter) == 0);
    fl_lex_image_free(&made);

    ck_assert_uint_eq(fl_lexicon_entry_count(parsed), fl_lexicon_entry_count(loaded));
    char key[512];
    for (size_t i = 0; i < fl_lexicon_entry_count(parsed); i++) {
        const fl_lex_entry *x = fl_lexicon_entry(parsed, i), *y = fl_lexicon_entry(loaded, i);
        ck_assert_str_eq(x->canonical, y->canonical);
        ck_assert_str_eq(x->family, y->family);
        ck_assert_str_eq(x->file, y->file);
        ck_assert_uint_eq(x->line, y->line);
        ck_assert_int_eq(x->kind, y->kind);
        ck_assert_uint_eq(x->alias_count, y->alias_count);
        ck_assert_uint_eq(x->misspelling_count, y->misspelling_count);
        const fl_lex_hit *ha, *hb;
        size_t forms = 1 + x->alias_count + x->misspelling_count;
        for (size_t f = 0; f < forms; f++) {
            const char *form = f == 0                ? x->canonical
                               : f <= x->alias_count ? x->aliases[f - 1]
                                                     : x->misspellings[f - 1 - x->alias_count];
            const char *other = f == 0                ? y->canonical
                                : f <= y->alias_count ? y->aliases[f - 1]
                                                      : y->misspellings[f - 1 - y->alias_count];
            ck_assert_str_eq(form, other);
            size_t n = fl_fold(form, strlen(form), 0, key, sizeof key);
            size_t ca = fl_lexicon_by_fold(parsed, key, n, &ha);
            size_t cb = fl_lexicon_by_fold(loaded, key, n, &hb);
            same_hits(parsed, ha, ca, loaded, hb, cb);
            ca = fl_lexicon_by_misspelling(parsed, key, n, &ha);
            cb = fl_lexicon_by_misspelling(loaded, key, n, &hb);
            same_hits(parsed, ha, ca, loaded, hb, cb);
            ck_assert_int_eq(fl_lexicon_acronym(parsed, key, n) != NULL,
                             fl_lexicon_acronym(loaded, key, n) != NULL);
            n = fl_skeleton(form, strlen(form), 0, key, sizeof key);
            ca = fl_lexicon_by_skeleton(parsed, key, n, &ha);
            cb = fl_lexicon_by_skeleton(loaded, key, n, &hb);
            same_hits(parsed, ha, ca, loaded, hb, cb);
            fl_lex_near na[16], nb[16];
            ca = fl_lexicon_near(parsed, key, n, 2, na, 16);
            ck_assert_uint_eq(ca, fl_lexicon_near(loaded, key, n, 2, nb, 16));
            for (size_t k = 0; k < ca && k < 16; k++) {
                ck_assert_uint_eq(na[k].edits, nb[k].edits);
                same_hits(parsed, &na[k].hit, 1, loaded, &nb[k].hit, 1);
            }
        }
        if (x->family[0]) {
            const fl_lex_hit *fa, *fb;
            size_t ca = fl_lexicon_family(parsed, x->family, strlen(x->family), &fa);
            size_t cb = fl_lexicon_family(loaded, y->family, strlen(y->family), &fb);
            same_hits(parsed, fa, ca, loaded, fb, cb);
        }
    }
    fl_lexicon_free(parsed);
    fl_lexicon_free(loaded);
}
END_TEST

Suite *fl_test_suite(void);

/* The fold filter in front of fl_lexicon_by_fold_and_misspelling turns no
 * key away that either index holds: every form's fold key gets the same
 * hits from it as from the lookups one index at a time, in a lexicon
 * parsed and in one loaded from the image. */
START_TEST(fold_and_misspelling_finds_every_key)
{
    fl_lexicon *lexes[2];
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build_parsed(true, NULL, 0, &lexes[0], &err), FL_OK);
    ck_assert_int_eq(fl_lexicon_build(true, NULL, 0, &lexes[1], &err), FL_OK);
    char key[512];
    for (size_t l = 0; l < 2; l++) {
        fl_lexicon *lex = lexes[l];
        size_t found = 0;
        for (size_t i = 0; i < fl_lexicon_entry_count(lex); i++) {
            const fl_lex_entry *x = fl_lexicon_entry(lex, i);
            size_t forms = 1 + x->alias_count + x->misspelling_count;
            for (size_t f = 0; f < forms; f++) {
                const char *form = f == 0                ? x->canonical
                                   : f <= x->alias_count ? x->aliases[f - 1]
                                                         : x->misspellings[f - 1 - x->alias_count];
                size_t n = fl_fold(form, strlen(form), 0, key, sizeof key);
                const fl_lex_hit *folds, *miss, *fa, *ma;
                size_t nf, nm;
                fl_lexicon_by_fold_and_misspelling(lex, key, n, &folds, &nf, &miss, &nm);
                size_t nfa = fl_lexicon_by_fold(lex, key, n, &fa);
                size_t nma = fl_lexicon_by_misspelling(lex, key, n, &ma);
                ck_assert_msg(nf + nm > 0, "'%s' (%s) not found", form, key);
                ck_assert_uint_eq(nf, nfa);
                ck_assert_uint_eq(nm, nma);
                ck_assert(nf == 0 || folds == fa);
                ck_assert(nm == 0 || miss == ma);
                found++;
            }
        }
        ck_assert_uint_gt(found, 1000);
        /* and a key in neither is turned away */
        const fl_lex_hit *folds, *miss;
        size_t nf, nm;
        fl_lexicon_by_fold_and_misspelling(lex, "qzxv wvkj", 9, &folds, &nf, &miss, &nm);
        ck_assert_uint_eq(nf + nm, 0);
        fl_lexicon_free(lex);
    }
}
END_TEST
Suite *fl_test_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("lexicon");
    tcase_add_test(tc, parses_entries_and_escapes);
    tcase_add_test(tc, lookups);
    tcase_add_test(tc, near_names);
    tcase_add_test(tc, edit_distance);
    tcase_add_test(tc, errors_name_file_and_line);
    tcase_add_test(tc, missing_file);
    tcase_add_test(tc, later_definition_replaces);
    tcase_add_test(tc, builtin_lexicon);
    tcase_add_test(tc, user_file_adds_to_builtin);
    tcase_add_test(tc, builtin_image_matches_parsing);
    tcase_add_test(tc, fold_and_misspelling_finds_every_key);
    suite_add_tcase(s, tc);
    return s;
}

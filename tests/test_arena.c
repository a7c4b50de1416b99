/* test_arena.c - the document arena's early frees: a large request given
 * back (fl_arena_release) is freed at once and the arena goes on serving
 * requests; what is not one (a small request, a pointer inside a block,
 * NULL) is left alone with its bytes; the name checks' shared uses, freed
 * after the last check that reads them (fl_name_folds_drop), are made
 * again alike when asked for. Under valgrind and ASan (make valgrind,
 * check-avx2) a block freed twice, or one left behind, fails. */
#include "checks/blame.h"
#include "test_files.h"

#include <check.h>
#include <stdint.h>
#include <string.h>

enum { BIG = 256 * 1024 }; /* FL_ARENA_BIG in arena.c */

START_TEST(released_block_is_freed)
{
    fl_arena *a = fl_arena_new();
    ck_assert_ptr_nonnull(a);
    char *small = fl_arena_strndup(a, "kept", 4);
    unsigned char *big = fl_arena_alloc_uninit(a, 4 * BIG);
    unsigned char *other = fl_arena_alloc(a, 2 * BIG);
    ck_assert_ptr_nonnull(big);
    ck_assert_ptr_nonnull(other);
    memset(big, 0xab, 4 * BIG);
    memset(other, 0xcd, 2 * BIG);
    fl_arena_release(a, big);
    /* the others keep their bytes, and the arena serves requests of both
     * kinds after */
    ck_assert_str_eq(small, "kept");
    for (size_t i = 0; i < 2 * BIG; i += 4093)
        ck_assert_uint_eq(other[i], 0xcd);
    unsigned char *zeroed = fl_arena_alloc(a, 4 * BIG);
    ck_assert_ptr_nonnull(zeroed);
    for (size_t i = 0; i < 4 * BIG; i += 4093)
        ck_assert_uint_eq(zeroed[i], 0);
    char *next = fl_arena_strndup(a, "next", 4);
    ck_assert_str_eq(next, "next");
    fl_arena_release(a, other);
    fl_arena_release(a, zeroed);
    ck_assert_str_eq(small, "kept");
    fl_arena_free(a);
}
END_TEST

START_TEST(other_pointers_left_alone)
{
    fl_arena *a = fl_arena_new_sized(1 << 16);
    char *small = fl_arena_strndup(a, "small", 5);
    /* a large request that fits the head block's room is carved from it:
     * not a block of its own */
    fl_arena *b = fl_arena_new_sized(4 * BIG);
    unsigned char *carved = fl_arena_alloc_uninit(b, BIG);
    unsigned char *big = fl_arena_alloc_uninit(a, 2 * BIG);
    memset(big, 7, 2 * BIG);
    memset(carved, 9, BIG);
    fl_arena_release(a, NULL);
    fl_arena_release(NULL, big);
    fl_arena_release(a, small);      /* a small request: in a shared block */
    fl_arena_release(a, big + 64);   /* not the start of a request */
    fl_arena_release(a, (char *)&a); /* not the arena's at all */
    fl_arena_release(b, carved);
    ck_assert_str_eq(small, "small");
    ck_assert_uint_eq(big[0], 7);
    ck_assert_uint_eq(big[2 * BIG - 1], 7);
    ck_assert_uint_eq(carved[BIG - 1], 9);
    fl_arena_free(b);
    fl_arena_free(a);
}
END_TEST

START_TEST(first_block_released)
{
    /* the arena's first request a large one: its block is the head */
    fl_arena *a = fl_arena_new();
    void *big = fl_arena_alloc_uninit(a, BIG);
    fl_arena_release(a, big);
    char *s = fl_arena_strndup(a, "x", 1);
    void *again = fl_arena_alloc(a, BIG);
    ck_assert_ptr_nonnull(again);
    ck_assert_str_eq(s, "x");
    fl_arena_free(a);
}
END_TEST

START_TEST(scratch_released_together)
{
    fl_arena *a = fl_arena_new_sized(1 << 16);
    fl_scratch made = {.count = 0};
    unsigned char *blocks[FL_SCRATCH_BLOCKS + 1];
    for (size_t i = 0; i < FL_SCRATCH_BLOCKS + 1; i++) {
        blocks[i] = fl_scratch_note(&made, fl_arena_alloc_uninit(a, BIG + i * 8));
        memset(blocks[i], (int)i, BIG);
    }
    ck_assert_ptr_null(fl_scratch_note(&made, NULL));
    ck_assert_uint_eq(made.count, FL_SCRATCH_BLOCKS);
    /* one noted twice is freed once */
    made.count = FL_SCRATCH_BLOCKS - 1;
    fl_scratch_note(&made, blocks[0]);
    fl_scratch_release(a, &made);
    ck_assert_uint_eq(made.count, 0);
    /* the one past the note's room (and blocks[FL_SCRATCH_BLOCKS - 1],
     * whose note was replaced) stay the arena's, freed with it */
    ck_assert_uint_eq(blocks[FL_SCRATCH_BLOCKS][BIG - 1], FL_SCRATCH_BLOCKS);
    ck_assert_uint_eq(blocks[FL_SCRATCH_BLOCKS - 1][0], FL_SCRATCH_BLOCKS - 1);
    a = fl_arena_renew_sized(a, 1 << 16);
    ck_assert_ptr_nonnull(fl_arena_alloc_uninit(a, 2 * BIG));
    fl_arena_free(a);
}
END_TEST

START_TEST(name_folds_dropped_and_made_again)
{
    /* a document long enough that the uses' block is one of its own */
    static const char unit[] = "Nvidia shipped the H20 to Alibaba and Tencent. Jensen Huang "
                               "met Lisa Su at the Computex show in Taipei. The H100 and the "
                               "MI300X sold out, Nvidia said.\n\n";
    size_t len;
    char *text = repeat_text(unit, sizeof unit - 1, 400, &len);
    ck_assert_ptr_nonnull(text);
    fl_source *src;
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(fl_source_new("t.txt", text, len, &src, &err), FL_OK);
    ck_assert_int_eq(fl_lexicon_build(true, NULL, 0, &lex, &err), FL_OK);
    fl_patterns *patterns;
    ck_assert_int_eq(fl_patterns_new(&patterns, &err), FL_OK);
    fl_doc doc;
    ck_assert_int_eq(run_to_mentions(&doc, src, lex, patterns), FL_OK);
    ck_assert_uint_gt(doc.mentions.count, 4000);

    fl_name_folds *f = fl_name_folds_get(&doc);
    ck_assert_ptr_nonnull(f);
    size_t named = f->named, codes = f->codes, nfirsts = f->nfirsts, keys = f->set.count;
    ck_assert_uint_gt(nfirsts, 5);
    fl_name_folds_drop(&doc);
    ck_assert_ptr_null(doc.name_folds);
    fl_name_folds_drop(&doc); /* none made: nothing to free */
    f = fl_name_folds_get(&doc);
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(f->named, named);
    ck_assert_uint_eq(f->codes, codes);
    ck_assert_uint_eq(f->nfirsts, nfirsts);
    ck_assert_uint_eq(f->set.count, keys);
    /* every first mention's use reads its own mention's surface */
    for (size_t k = 0; k < f->nfirsts; k++) {
        const fl_name_use *u = &f->uses[f->firsts[k]];
        const fl_mention *m = FL_DOC_MENTION(&doc, f->firsts[k]);
        ck_assert_ptr_eq(u->form, m->surface);
    }
    fl_name_folds_drop(&doc);
    fl_arena_free(doc.arena);
    fl_patterns_free(patterns);
    fl_lexicon_free(lex);
    fl_source_free(src);
    free(text);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("release");
    tcase_add_test(tc, released_block_is_freed);
    tcase_add_test(tc, other_pointers_left_alone);
    tcase_add_test(tc, first_block_released);
    tcase_add_test(tc, scratch_released_together);
    tcase_add_test(tc, name_folds_dropped_and_made_again);
    suite_add_tcase(s, tc);
    return s;
}

/* test_arena.c - the document arena: requests keep their bytes, a large
 * request given back (fl_arena_release) is carved from again by later
 * requests, and what is not one (a small request, a pointer inside a
 * block, NULL) is left alone. */
#include "internal.h"

#include <check.h>
#include <stdint.h>
#include <string.h>

enum { BIG = 256 * 1024 }; /* FL_ARENA_BIG in arena.c */

static bool inside(const void *p, const void *block, size_t size)
{
    return (uintptr_t)p >= (uintptr_t)block && (uintptr_t)p < (uintptr_t)block + size;
}

START_TEST(released_block_is_reused)
{
    fl_arena *a = fl_arena_new();
    ck_assert_ptr_nonnull(a);
    char *small = fl_arena_strndup(a, "kept", 4);
    unsigned char *big = fl_arena_alloc_uninit(a, 4 * BIG);
    ck_assert_ptr_nonnull(big);
    memset(big, 0xab, 4 * BIG);
    fl_arena_release(a, big);
    /* a large request and small ones after it come from the block given
     * back, one after another */
    unsigned char *again = fl_arena_alloc_uninit(a, 2 * BIG);
    ck_assert_ptr_eq(again, big);
    char *next = fl_arena_strndup(a, "next", 4);
    ck_assert(inside(next, big, 4 * BIG));
    ck_assert(!inside(next, again, 2 * BIG));
    /* a zeroed request, with a block given back to carve it from, is
     * zeroed though its pages held 0xab (the head's room, from big, is
     * used first) */
    unsigned char *dirty = fl_arena_alloc_uninit(a, 2 * BIG);
    memset(dirty, 0xab, 2 * BIG);
    fl_arena_release(a, dirty);
    unsigned char *zeroed = fl_arena_alloc(a, BIG);
    ck_assert(inside(zeroed, big, 4 * BIG) || zeroed == dirty);
    for (size_t i = 0; i < BIG; i++)
        ck_assert_uint_eq(zeroed[i], 0);
    ck_assert_str_eq(small, "kept");
    ck_assert_str_eq(next, "next");
    fl_arena_free(a);
}
END_TEST

START_TEST(too_small_block_is_not_used)
{
    fl_arena *a = fl_arena_new();
    void *big = fl_arena_alloc_uninit(a, BIG);
    fl_arena_release(a, big);
    /* larger than the block given back: a block of its own, zeroed */
    unsigned char *larger = fl_arena_alloc(a, 3 * BIG);
    ck_assert_ptr_nonnull(larger);
    ck_assert(!inside(larger, big, BIG));
    for (size_t i = 0; i < 3 * BIG; i += 4096)
        ck_assert_uint_eq(larger[i], 0);
    /* the smaller block still serves a request it has room for */
    void *fits = fl_arena_alloc_uninit(a, BIG / 2);
    ck_assert(inside(fits, big, BIG));
    fl_arena_free(a);
}
END_TEST

START_TEST(largest_fitting_block_first)
{
    fl_arena *a = fl_arena_new();
    void *one = fl_arena_alloc_uninit(a, BIG);
    void *three = fl_arena_alloc_uninit(a, 3 * BIG);
    void *two = fl_arena_alloc_uninit(a, 2 * BIG);
    fl_arena_release(a, one);
    fl_arena_release(a, three);
    fl_arena_release(a, two);
    ck_assert_ptr_eq(fl_arena_alloc_uninit(a, 2 * BIG + 8), three);
    ck_assert_ptr_eq(fl_arena_alloc_uninit(a, 2 * BIG), two);
    ck_assert_ptr_eq(fl_arena_alloc_uninit(a, BIG), one);
    fl_arena_free(a);
}
END_TEST

START_TEST(other_pointers_left_alone)
{
    fl_arena *a = fl_arena_new();
    char *small = fl_arena_strndup(a, "small", 5);
    unsigned char *big = fl_arena_alloc_uninit(a, 2 * BIG);
    memset(big, 7, 2 * BIG);
    fl_arena_release(a, NULL);
    fl_arena_release(NULL, big);
    fl_arena_release(a, small);      /* a small request: in a shared block */
    fl_arena_release(a, big + 64);   /* not the start of a request */
    fl_arena_release(a, (char *)&a); /* not the arena's at all */
    unsigned char *other = fl_arena_alloc_uninit(a, 2 * BIG);
    ck_assert(!inside(other, big, 2 * BIG));
    ck_assert_str_eq(small, "small");
    ck_assert_uint_eq(big[2 * BIG - 1], 7);
    /* a block once carved from (the head) is not given back again: the
     * small request after the first keeps its bytes */
    fl_arena_release(a, big);
    unsigned char *first = fl_arena_alloc_uninit(a, BIG);
    ck_assert_ptr_eq(first, big);
    char *after = fl_arena_strndup(a, "after", 5);
    fl_arena_release(a, first);
    void *more = fl_arena_alloc_uninit(a, BIG);
    ck_assert(!inside(more, big, BIG) || (uintptr_t)more >= (uintptr_t)after + 6);
    ck_assert_str_eq(after, "after");
    fl_arena_free(a);
}
END_TEST

START_TEST(first_block_given_back)
{
    /* the arena's first request a large one: its block is the head */
    fl_arena *a = fl_arena_new();
    void *big = fl_arena_alloc_uninit(a, BIG);
    fl_arena_release(a, big);
    char *s = fl_arena_strndup(a, "x", 1);
    ck_assert(inside(s, big, BIG));
    ck_assert_str_eq(s, "x");
    fl_arena_free(a);
}
END_TEST

START_TEST(scratch_released_together)
{
    fl_arena *a = fl_arena_new_sized(1 << 16);
    fl_scratch made = {.count = 0};
    void *blocks[FL_SCRATCH_BLOCKS + 1];
    for (size_t i = 0; i < FL_SCRATCH_BLOCKS + 1; i++)
        blocks[i] = fl_scratch_note(&made, fl_arena_alloc_uninit(a, BIG + i * 8));
    ck_assert_ptr_null(fl_scratch_note(&made, NULL));
    ck_assert_uint_eq(made.count, FL_SCRATCH_BLOCKS);
    fl_scratch_release(a, &made);
    ck_assert_uint_eq(made.count, 0);
    /* the largest noted block is carved from first; the one past the
     * note's room stays the caller's */
    void *p = fl_arena_alloc_uninit(a, BIG);
    ck_assert_ptr_eq(p, blocks[FL_SCRATCH_BLOCKS - 1]);
    memset(blocks[FL_SCRATCH_BLOCKS], 1, BIG + FL_SCRATCH_BLOCKS * 8);
    /* renewed with blocks given back: they are freed (valgrind and ASan
     * see no leak) */
    fl_arena_release(a, p);
    a = fl_arena_renew_sized(a, 1 << 16);
    ck_assert_ptr_nonnull(fl_arena_alloc_uninit(a, 2 * BIG));
    fl_arena_free(a);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("release");
    tcase_add_test(tc, released_block_is_reused);
    tcase_add_test(tc, too_small_block_is_not_used);
    tcase_add_test(tc, largest_fitting_block_first);
    tcase_add_test(tc, other_pointers_left_alone);
    tcase_add_test(tc, first_block_given_back);
    tcase_add_test(tc, scratch_released_together);
    suite_add_tcase(s, tc);
    return s;
}

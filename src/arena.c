/* arena.c - one allocation region per document run, freed at once. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fl_block {
    struct fl_block *next;
    size_t cap; /* with FL_BLOCK_OWN set: one request's block (FL_ARENA_BIG) */
    max_align_t data[];
} fl_block;

/* in fl_block.cap (block sizes are multiples of 8): the block holds one
 * request, of FL_ARENA_BIG bytes or more, which fl_arena_release may free
 * before the arena is */
#define FL_BLOCK_OWN ((size_t)1)

/* A block from malloc that the arena frees with its own (fl_arena_keep);
 * the note lies in the arena. */
typedef struct fl_kept {
    struct fl_kept *next;
    void *block;
} fl_kept;

struct fl_arena {
    /* the free room of the head block (NULL, NULL before the first): a
     * request that fits is a bump of cur, no block read */
    char *cur, *end;
    fl_block *head;
    fl_kept *kept;
    size_t next_size;
    bool inside; /* the arena lies in its first block (fl_arena_new_sized) */
};

enum {
    FL_ARENA_FIRST = 16 * 1024,
    FL_ARENA_MAX_STEP = 4 * 1024 * 1024,
    /* a request this large the head block has no room for gets a block
     * of its own, and the head keeps serving small requests */
    FL_ARENA_BIG = 256 * 1024
};

fl_arena *fl_arena_new(void)
{
    fl_arena *arena = calloc(1, sizeof *arena);
    if (arena)
        arena->next_size = FL_ARENA_FIRST;
    return arena;
}

/* The room of the arena's own struct at the start of its first block
 * (fl_arena_new_sized), rounded so that the data after it stays aligned. */
#define FL_ARENA_OWN ((sizeof(fl_arena) + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1))

fl_arena *fl_arena_new_sized(size_t first)
{
    const size_t own = FL_ARENA_OWN;
    if (first < FL_ARENA_FIRST)
        first = FL_ARENA_FIRST;
    if (first > FL_ARENA_MAX_STEP)
        first = FL_ARENA_MAX_STEP;
    first = (first + 7u) & ~(size_t)7u;
    fl_block *b = malloc(sizeof *b + own + first);
    if (!b)
        return NULL;
    b->next = NULL;
    b->cap = own + first;
    fl_arena *arena = (fl_arena *)(void *)b->data;
    arena->cur = (char *)b->data + own;
    arena->end = (char *)b->data + b->cap;
    arena->head = b;
    arena->kept = NULL;
    arena->next_size = first < FL_ARENA_MAX_STEP ? 2 * first : first;
    arena->inside = true;
    return arena;
}

/* Frees the blocks the arena keeps (their notes lie in its blocks). */
static void free_kept(fl_arena *arena)
{
    for (fl_kept *k = arena->kept; k; k = k->next)
        free(k->block);
    arena->kept = NULL;
}

fl_arena *fl_arena_renew_sized(fl_arena *arena, size_t first)
{
    if (!arena)
        return fl_arena_new_sized(first);
    free_kept(arena);
    const size_t own = FL_ARENA_OWN;
    size_t want = first < FL_ARENA_FIRST ? FL_ARENA_FIRST : first;
    if (want > FL_ARENA_MAX_STEP)
        want = FL_ARENA_MAX_STEP;
    /* the block holding the arena: kept (emptied) when large enough */
    fl_block *home = NULL;
    for (fl_block *b = arena->head; b && arena->inside; b = b->next)
        if ((void *)b->data == (void *)arena)
            home = b;
    if (!home || home->cap < own + want) {
        /* with room for a larger run next time */
        fl_arena_free(arena);
        return fl_arena_new_sized(want + want / 2);
    }
    fl_block *b = arena->head;
    while (b) {
        fl_block *next = b->next;
        if (b != home)
            free(b);
        b = next;
    }
    home->next = NULL;
    arena->cur = (char *)home->data + own;
    arena->end = (char *)home->data + home->cap;
    arena->head = home;
    size_t cap = home->cap - own;
    arena->next_size = cap < FL_ARENA_MAX_STEP ? 2 * cap : cap;
    return arena;
}

void fl_arena_free(fl_arena *arena)
{
    if (!arena)
        return;
    free_kept(arena);
    bool inside = arena->inside;
    fl_block *b = arena->head;
    /* with `inside`, one of these blocks holds *arena: nothing reads it
     * after the first free */
    while (b) {
        fl_block *next = b->next;
        free(b);
        b = next;
    }
    if (!inside)
        free(arena);
}

/* alloc_uninit's other cases: a request of no bytes, or one the head
 * block has no room for (a new block; one of its own for a request of
 * FL_ARENA_BIG or more). Out of line, so that the common case saves no
 * registers. */
static __attribute__((noinline)) void *alloc_slow(fl_arena *arena, size_t size)
{
    if (size > SIZE_MAX - 7u)
        return NULL; /* would wrap round when rounded */
    size = (size + 7u) & ~(size_t)7u;
    if (size == 0)
        size = 8;
    if ((uintptr_t)arena->end - (uintptr_t)arena->cur >= size) {
        void *p = arena->cur; /* a request of no bytes, with room */
        arena->cur += size;
        return p;
    }
    fl_block *b = arena->head;
    if (size >= FL_ARENA_BIG) {
        fl_block *big = malloc(sizeof *big + size);
        if (!big)
            return NULL;
        big->cap = size | FL_BLOCK_OWN;
        if (b) {
            /* behind the head: the head keeps its free space */
            big->next = b->next;
            b->next = big;
        } else {
            big->next = NULL;
            arena->head = big;
        }
        return big->data;
    }
    size_t cap = arena->next_size;
    if (cap < size)
        cap = size;
    if (arena->next_size < FL_ARENA_MAX_STEP)
        arena->next_size *= 2;
    b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    b->cap = cap;
    b->next = arena->head;
    arena->head = b;
    arena->cur = (char *)b->data + size;
    arena->end = (char *)b->data + cap;
    return b->data;
}

static inline void *alloc_uninit(fl_arena *arena, size_t size)
{
    size_t rounded = (size + 7u) & ~(size_t)7u;
    char *p = arena->cur;
    /* 1 byte to the room left (0, and sizes that wrapped round, go slow;
     * as integers: cur and end are NULL before the first block) */
    if (rounded - 1 < (uintptr_t)arena->end - (uintptr_t)p) {
        arena->cur = p + rounded;
        return p;
    }
    return alloc_slow(arena, size);
}

void *fl_arena_alloc_uninit(fl_arena *arena, size_t size)
{
    return alloc_uninit(arena, size);
}

bool fl_arena_keep(fl_arena *arena, void *block)
{
    fl_kept *k = alloc_uninit(arena, sizeof *k);
    if (!k)
        return false;
    k->block = block;
    k->next = arena->kept;
    arena->kept = k;
    return true;
}

void fl_arena_release(fl_arena *arena, void *p)
{
    if (!arena || !p)
        return;
    for (fl_block **at = &arena->head; *at; at = &(*at)->next) {
        fl_block *b = *at;
        if ((void *)b->data != p)
            continue;
        if (b->cap & FL_BLOCK_OWN) {
            /* (an own block is the head only when it was the arena's
             * first: then there is no room to carve from) */
            *at = b->next;
            if (b == arena->head)
                arena->cur = arena->end = NULL;
            free(b);
        }
        return;
    }
}

void fl_scratch_release(fl_arena *arena, fl_scratch *s)
{
    for (size_t i = 0; i < s->count; i++)
        fl_arena_release(arena, s->blocks[i]);
    s->count = 0;
}

void *fl_arena_alloc(fl_arena *arena, size_t size)
{
    if (size >= FL_ARENA_BIG) {
        /* a block of its own from calloc: fresh pages come zeroed (no
         * memset touching them all) */
        fl_block *big = calloc(1, sizeof *big + size);
        if (!big)
            return NULL;
        big->cap = size | FL_BLOCK_OWN;
        fl_block *b = arena->head;
        if (b) {
            big->next = b->next;
            b->next = big;
        } else {
            arena->head = big;
        }
        return big->data;
    }
    void *p = alloc_uninit(arena, size);
    if (p)
        memset(p, 0, size);
    return p;
}

char *fl_arena_strndup(fl_arena *arena, const char *s, size_t len)
{
    char *p = alloc_uninit(arena, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *fl_arena_vprintf(fl_arena *arena, const char *fmt, va_list ap)
{
    /* most texts (messages) fit a buffer on the stack: formatted once and
     * copied, not measured first and formatted again */
    char buf[256];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, copy);
    va_end(copy);
    if (n < 0)
        return NULL;
    char *p = alloc_uninit(arena, (size_t)n + 1);
    if (p) {
        if ((size_t)n < sizeof buf)
            memcpy(p, buf, (size_t)n + 1);
        else
            vsnprintf(p, (size_t)n + 1, fmt, ap);
    }
    return p;
}

char *fl_arena_printf(fl_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = fl_arena_vprintf(arena, fmt, ap);
    va_end(ap);
    return p;
}

void fl_vec_init(fl_vec *vec, size_t elem_size)
{
    vec->items = NULL;
    vec->count = vec->cap = 0;
    vec->size = elem_size;
}

void *fl_vec_push(fl_arena *arena, fl_vec *vec)
{
    if (vec->count == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 16;
        /* slots are zeroed as they are pushed */
        void *items = alloc_uninit(arena, cap * vec->size);
        if (!items)
            return NULL;
        if (vec->count)
            memcpy(items, vec->items, vec->count * vec->size);
        vec->items = items;
        vec->cap = cap;
    }
    void *slot = (char *)vec->items + vec->count * vec->size;
    memset(slot, 0, vec->size);
    vec->count++;
    return slot;
}

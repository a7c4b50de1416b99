/* blame.c - name forms, grouping and blame shared by name-variant,
 * name-casing and name-spelling (see blame.h). */
#include "blame.h"
#include "context.h"

#include "../bytes8.h"
#include "../lexicon.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_RELATED = 3 };

/* Whether s[0..len) ends with the n bytes of tail. */
static bool ends_with(const char *s, size_t len, const char *tail, size_t n)
{
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[len - n + i] != tail[i])
            return false;
    return true;
}

/* without_possessive for a form whose last byte may end one (s, S, an
 * apostrophe or the last byte of ’), by that byte. */
static __attribute__((noinline)) size_t possessive_cut(const char *s, size_t len)
{
    switch (s[len - 1]) {
    case 's':
    case 'S': /* 's, 'S, ’s, ’S */
        if (len >= 2 && s[len - 2] == '\'')
            return len - 2;
        if (ends_with(s, len - 1, "\xe2\x80\x99", 3))
            return len - 4;
        return len;
    case '\'': /* s' */
        return len >= 2 && s[len - 2] == 's' ? len - 1 : len;
    default: /* s’ */
        return ends_with(s, len, "s\xe2\x80\x99", 4) ? len - 3 : len;
    }
}

/* s[0..len) without a possessive ending: Nvidia's, Nvidia’s, Jones'. */
static inline size_t without_possessive(const char *s, size_t len)
{
    char last = len ? s[len - 1] : '\0';
    if (last != 's' && last != 'S' && last != '\'' && last != '\x99')
        return len; /* most names: no ending to test */
    return possessive_cut(s, len);
}

/* fl_name_use_init of mention i (m), inline in fl_name_folds_get (one call
 * per surface); `listed`: m is in the document's fl_named_list, whose
 * surfaces are their mentions' len bytes (no NUL inside). */
static inline bool use_init(const fl_mention *m, size_t i, fl_name_use *use, const bool listed)
{
    memset(use, 0, sizeof *use);
    if (!m->surface)
        return false;
    size_t len = m->len;
    if (!listed) {
        len = strlen(m->surface);
        if (len > m->len)
            len = m->len;
    }
    const char *s = m->surface;
    len = without_possessive(s, len);
    size_t suffix = 0;
    if (m->kind == FL_M_CODE && len >= 2 && s[len - 1] == 's' &&
        ((s[len - 2] >= '0' && s[len - 2] <= '9') || (s[len - 2] >= 'A' && s[len - 2] <= 'Z')))
        suffix = 1;
    if (len <= suffix)
        return false;
    use->mention = i;
    use->sentence = m->sentence;
    use->off = m->off;
    use->len = len;
    use->form = s;
    use->form_len = len - suffix;
    use->suffix = suffix ? "s" : "";
    return true;
}

bool fl_name_use_init(fl_doc *doc, size_t i, fl_name_use *use)
{
    return use_init(FL_DOC_MENTION(doc, i), i, use, false);
}

bool fl_name_use_list_init(fl_doc *doc, fl_name_use_list *l, size_t cap)
{
    l->count = 0;
    l->cap = cap;
    l->items = fl_arena_alloc_uninit(doc->arena, cap * sizeof *l->items); /* set as pushed */
    if (!l->items) {
        doc->status = FL_ENOMEM;
        return false;
    }
    return true;
}

bool fl_name_use_list_grow(fl_doc *doc, fl_name_use_list *l)
{
    size_t cap = 2 * l->cap + 16;
    fl_name_use *more =
        fl_arena_alloc_uninit(doc->arena, cap * sizeof *more); /* copied, then pushed */
    if (!more) {
        doc->status = FL_ENOMEM;
        return false;
    }
    memcpy(more, l->items, l->count * sizeof *more);
    l->items = more;
    l->cap = cap;
    return true;
}

bool fl_name_use_make_key(fl_doc *doc, fl_name_use *use,
                          size_t (*key_of)(const char *, size_t, unsigned, char *, size_t),
                          bool *keyed)
{
    char key[FL_NAME_KEY_CAP];
    size_t klen = key_of(use->form, use->form_len, 0, key, sizeof key);
    *keyed = klen > 0 && klen < sizeof key;
    if (!*keyed)
        return true;
    use->key = fl_arena_strndup(doc->arena, key, klen);
    if (!use->key) {
        doc->status = FL_ENOMEM;
        return false;
    }
    use->key_len = (uint32_t)klen;
    use->key_is_fold = key_of == fl_fold;
    return true;
}

size_t fl_name_uses_run(const fl_name_use *uses, size_t count, size_t r, bool *several)
{
    size_t end = r + 1;
    *several = false;
    while (end < count && uses[end].group == uses[r].group) {
        if (uses[end].form_len != uses[r].form_len ||
            memcmp(uses[end].form, uses[r].form, uses[r].form_len) != 0)
            *several = true;
        end++;
    }
    return end;
}

size_t fl_name_use_line(const fl_doc *doc, const fl_name_use *use)
{
    size_t so, sl, line, col;
    fl_prose_to_source(&doc->prose, use->off, use->len, &so, &sl);
    fl_source_position(doc->src, so, &line, &col);
    return line;
}

/* Order inside one key: by form, then offset, then mention. */
static int form_order(const void *pa, const void *pb)
{
    const fl_name_use *a = pa, *b = pb;
    size_t n = a->form_len < b->form_len ? a->form_len : b->form_len;
    int c = memcmp(a->form, b->form, n);
    if (c)
        return c;
    if (a->form_len != b->form_len)
        return a->form_len < b->form_len ? -1 : 1;
    if (a->off != b->off)
        return a->off < b->off ? -1 : 1;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

/* One distinct key: its first 8 bytes as a big-endian number (NUL padded,
 * so that comparing prefixes agrees with strcmp), the key, its id. */
typedef struct distinct_key {
    uint64_t prefix;
    const char *key;
    size_t id;
} distinct_key;

static int distinct_order(const void *pa, const void *pb)
{
    const distinct_key *a = pa, *b = pb;
    if (a->prefix != b->prefix)
        return a->prefix < b->prefix ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* The first 8 bytes of s[0..len) (no NUL inside) as a big-endian number,
 * NUL padded. */
static uint64_t key_prefix(const char *s, size_t len)
{
    if (len >= 8)
        return fl_load8_be(s);
    uint64_t p = 0;
    for (size_t i = 0; i < len; i++)
        p = p << 8 | (unsigned char)s[i];
    return len == 0 ? 0 : p << (8 * (8 - len));
}

static void insertion_sort_keys(distinct_key *keys, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        distinct_key k = keys[i];
        size_t j = i;
        while (j > 0 && distinct_order(&keys[j - 1], &k) > 0) {
            keys[j] = keys[j - 1];
            j--;
        }
        keys[j] = k;
    }
}

/* Sorts keys[0..n) by distinct_order: an MSD radix sort on the prefix
 * bytes from `byte` on (counting only the range of byte values present),
 * insertion sort for small runs. */
static void sort_keys(distinct_key *keys, distinct_key *tmp, size_t n, unsigned byte)
{
    if (n <= 24 || byte >= 8) {
        if (n > 24)
            qsort(keys, n, sizeof *keys, distinct_order);
        else
            insertion_sort_keys(keys, n);
        return;
    }
    unsigned shift = 56 - 8 * byte;
    unsigned lo = 255, hi = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned b = (unsigned)(keys[i].prefix >> shift) & 255;
        lo = b < lo ? b : lo;
        hi = b > hi ? b : hi;
    }
    if (lo == hi) { /* one byte value: on to the next byte */
        sort_keys(keys, tmp, n, byte + 1);
        return;
    }
    size_t range = hi - lo + 1;
    size_t count[257];
    memset(count, 0, (range + 1) * sizeof *count);
    for (size_t i = 0; i < n; i++)
        count[((keys[i].prefix >> shift) & 255) - lo + 1]++;
    for (size_t b = 0; b < range; b++)
        count[b + 1] += count[b];
    size_t end[256];
    memcpy(end, count, range * sizeof *end);
    for (size_t i = 0; i < n; i++)
        tmp[end[((keys[i].prefix >> shift) & 255) - lo]++] = keys[i];
    memcpy(keys, tmp, n * sizeof *keys);
    for (size_t b = 0; b < range; b++)
        if (count[b + 1] - count[b] > 1)
            sort_keys(keys + count[b], tmp, count[b + 1] - count[b], byte + 1);
}

static bool same_form(const fl_name_use *a, const fl_name_use *b)
{
    return a->form_len == b->form_len &&
           (a->form == b->form || memcmp(a->form, b->form, a->form_len) == 0);
}

enum { FEW_FORMS = 8 };

/* form_order's last keys: offset, then mention. */
static bool place_before(const fl_name_use *a, const fl_name_use *b)
{
    return a->off < b->off || (a->off == b->off && a->mention < b->mention);
}

/* Puts uses[0..n) (one form) in (offset, mention) order, stably: the
 * ascending runs they come in (mentions, then token runs) merged pairwise
 * through tmp. */
static void merge_by_place(fl_name_use *uses, size_t n, fl_name_use *tmp)
{
    for (;;) {
        size_t runs = 0, w = 0;
        for (size_t a = 0; a < n;) {
            size_t m = a + 1;
            while (m < n && !place_before(&uses[m], &uses[m - 1]))
                m++;
            size_t b = m;
            if (b < n) {
                b++;
                while (b < n && !place_before(&uses[b], &uses[b - 1]))
                    b++;
            }
            /* merge uses[a..m) and uses[m..b), the left first on a tie */
            size_t i = a, j = m;
            while (i < m && j < b)
                tmp[w++] = place_before(&uses[j], &uses[i]) ? uses[j++] : uses[i++];
            while (i < m)
                tmp[w++] = uses[i++];
            while (j < b)
                tmp[w++] = uses[j++];
            runs++;
            a = b;
        }
        memcpy(uses, tmp, n * sizeof *uses);
        if (runs <= 1)
            return;
    }
}

/* Puts uses[0..n) in form_order when they hold at most FEW_FORMS forms: a
 * stable scatter by form through tmp (n uses) and idx (n bytes), then each
 * form's uses in (offset, mention) order. False, with nothing moved,
 * otherwise. */
static bool scatter_by_form(fl_name_use *uses, size_t n, fl_name_use *tmp, unsigned char *idx)
{
    const fl_name_use *forms[FEW_FORMS];
    size_t count[FEW_FORMS], nforms = 0, last = 0;
    bool placed = true;
    for (size_t i = 0; i < n; i++) {
        const fl_name_use *u = &uses[i];
        if (i > 0 && place_before(u, &u[-1]))
            placed = false;
        size_t k = last;
        if (nforms == 0 || !same_form(u, forms[k])) {
            for (k = 0; k < nforms && !same_form(u, forms[k]); k++)
                ;
            if (k == nforms) {
                if (nforms == FEW_FORMS)
                    return false;
                forms[nforms] = u;
                count[nforms++] = 0;
            }
            last = k;
        }
        idx[i] = (unsigned char)k;
        count[k]++;
    }
    if (nforms == 1) {
        if (!placed)
            merge_by_place(uses, n, tmp);
        return true;
    }
    /* the forms in order (a handful: insertion sort), then where each
     * form's uses start */
    size_t order[FEW_FORMS], start[FEW_FORMS], first[FEW_FORMS];
    for (size_t k = 0; k < nforms; k++) {
        size_t j = k;
        while (j > 0 && fl_name_form_text_order(forms[order[j - 1]], forms[k]) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = k;
    }
    for (size_t r = 0, at = 0; r < nforms; r++) {
        start[order[r]] = first[order[r]] = at;
        at += count[order[r]];
    }
    for (size_t i = 0; i < n; i++)
        tmp[start[idx[i]]++] = uses[i];
    memcpy(uses, tmp, n * sizeof *uses);
    if (!placed)
        for (size_t k = 0; k < nforms; k++) {
            fl_name_use *seg = uses + first[k];
            size_t len = count[k], i = 1;
            while (i < len && !place_before(&seg[i], &seg[i - 1]))
                i++;
            if (i < len)
                merge_by_place(seg, len, tmp);
        }
    return true;
}

/* Puts one key's uses (in their input order, which is mostly document
 * order) in form_order. */
static void sort_group(fl_name_use *uses, size_t n, fl_name_use *tmp, unsigned char *idx)
{
    if (scatter_by_form(uses, n, tmp, idx))
        return;
    size_t i = 1;
    while (i < n && form_order(&uses[i - 1], &uses[i]) <= 0)
        i++;
    if (i == n)
        return;
    if (n > 16) {
        qsort(uses, n, sizeof *uses, form_order);
        return;
    }
    for (; i < n; i++) {
        if (form_order(&uses[i - 1], &uses[i]) <= 0)
            continue;
        fl_name_use u = uses[i];
        size_t k = i;
        while (k > 0 && form_order(&uses[k - 1], &u) > 0) {
            uses[k] = uses[k - 1];
            k--;
        }
        uses[k] = u;
    }
}

/* One step of key_hash: h with the eight bytes w mixed in. */
static inline uint64_t key_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xff51afd7ed558ccdu;
    return h ^ (h >> 32);
}

/* A hash of s[0..len) (the length mixed in first), by overlapping loads,
 * not one byte at a time: a key of 8 bytes or more as its first eight,
 * the eight-byte chunks after them but for the last, and its last eight
 * (the two ends alone up to 16 bytes, most keys: no loop step, and the
 * length sorted by one test); a shorter one as its first and last four
 * bytes, or its first, middle and last byte. */
static inline uint64_t key_hash(const char *s, size_t len)
{
    uint64_t h = 0x9e3779b97f4a7c15u ^ len;
    if (len >= 8) {
        h = key_mix(h, fl_load8(s));
        for (size_t i = 8; i + 8 < len; i += 8)
            h = key_mix(h, fl_load8(s + i));
        h = key_mix(h, fl_load8(s + len - 8));
    } else if (len >= 4) {
        h = key_mix(h, fl_load4(s) | (uint64_t)fl_load4(s + len - 4) << 32);
    } else if (len) {
        h = key_mix(h, (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
                           (uint64_t)(unsigned char)s[len - 1] << 16);
    }
    return h ^ (h >> 29);
}

/* A key set's four arrays for `cap` slots in one block (one call to the
 * arena, not four: a document makes a few sets, most of them small,
 * where the calls cost more than the stores): the hashes, keys and
 * lengths, then the slots, none of them zeroed (each array's size is a
 * multiple of 8 bytes: cap is 64 or more). The set's pointers are set;
 * its count and cap are left to the caller. False when out of memory. */
static bool keys_block(fl_doc *doc, fl_name_keys *set, size_t cap)
{
    size_t half = cap / 2;
    unsigned char *block = fl_arena_alloc_uninit(
        doc->arena,
        half * (sizeof(uint64_t) + sizeof(const char *) + sizeof(size_t)) + cap * sizeof(uint32_t));
    if (!block) {
        doc->status = FL_ENOMEM;
        return false;
    }
    set->hashes = (uint64_t *)(void *)block;
    set->keys = (const char **)(void *)(set->hashes + half);
    set->lens = (size_t *)(void *)(set->keys + half);
    set->slots = (uint32_t *)(void *)(set->lens + half);
    return true;
}

/* Doubles the set's room (to `cap` slots when it has none yet). */
static __attribute__((noinline)) bool keys_grow(fl_doc *doc, fl_name_keys *set, size_t cap)
{
    if (set->cap)
        cap = set->cap * 2;
    /* the hashes, keys and lengths written before they are read; the
     * slots zeroed here */
    fl_name_keys old = *set;
    if (!keys_block(doc, set, cap))
        return false;
    uint32_t *slots = set->slots;
    memset(slots, 0, cap * sizeof *slots);
    if (set->count) {
        memcpy(set->keys, old.keys, set->count * sizeof *set->keys);
        memcpy(set->lens, old.lens, set->count * sizeof *set->lens);
        memcpy(set->hashes, old.hashes, set->count * sizeof *set->hashes);
    }
    const uint64_t *hashes = set->hashes;
    for (size_t id = 0; id < set->count; id++) {
        size_t at = (size_t)hashes[id] & (cap - 1);
        while (slots[at])
            at = (at + 1) & (cap - 1);
        slots[at] = (uint32_t)(id + 1);
    }
    set->cap = cap;
    return true;
}

bool fl_name_keys_init(fl_doc *doc, fl_name_keys *set)
{
    memset(set, 0, sizeof *set);
    return keys_grow(doc, set, 64);
}

bool fl_name_keys_init_for(fl_doc *doc, fl_name_keys *set, size_t expected)
{
    size_t cap = 64;
    while (cap / 2 < expected)
        cap *= 2;
    memset(set, 0, sizeof *set);
    return keys_grow(doc, set, cap);
}

bool fl_name_keys_init_copy(fl_doc *doc, fl_name_keys *set, const fl_name_keys *from,
                            size_t expected)
{
    size_t cap = 64;
    while (cap / 2 < expected || cap < from->cap)
        cap *= 2;
    /* keys_grow from no room copies from's arrays (the key strings
     * shared) and places each id by its hash: no key compared, none
     * hashed again */
    *set = *from;
    if (cap != from->cap) {
        set->cap = 0;
        return keys_grow(doc, set, cap);
    }
    /* the same room (most documents): the slots copied too, in one
     * block laid out as keys_grow's */
    if (!keys_block(doc, set, cap))
        return false;
    memcpy(set->slots, from->slots, cap * sizeof *set->slots);
    memcpy(set->keys, from->keys, from->count * sizeof *set->keys);
    memcpy(set->lens, from->lens, from->count * sizeof *set->lens);
    memcpy(set->hashes, from->hashes, from->count * sizeof *set->hashes);
    return true;
}

/* fl_bytes_eq with no call for a key of more than 16 bytes: eight bytes
 * at a time, the last load overlapping (keys are under FL_NAME_KEY_CAP
 * bytes, and one that gets this far has the other's hash and length), so
 * that the lookups call nothing and save no registers for it. */
static inline bool keys_bytes_eq(const char *a, const char *b, size_t len)
{
    if (len <= 16)
        return fl_bytes_eq(a, b, len);
    for (size_t i = 0; i + 8 < len; i += 8)
        if (fl_load8(a + i) != fl_load8(b + i))
            return false;
    return fl_load8(a + len - 8) == fl_load8(b + len - 8);
}

/* The slot holding s[0..len) (hash h), or the empty slot where it goes. */
static inline __attribute__((always_inline)) size_t keys_slot(const fl_name_keys *set,
                                                              const char *s, size_t len, uint64_t h)
{
    size_t at = (size_t)h & (set->cap - 1);
    for (;; at = (at + 1) & (set->cap - 1)) {
        uint32_t id = set->slots[at];
        if (!id || (set->hashes[id - 1] == h && set->lens[id - 1] == len &&
                    keys_bytes_eq(set->keys[id - 1], s, len)))
            return at;
    }
}

size_t fl_name_keys_find(const fl_name_keys *set, const char *s, size_t len)
{
    uint32_t id = set->slots[keys_slot(set, s, len, key_hash(s, len))];
    return id ? id - 1 : FL_NAME_NO_KEY;
}

/* Adds key (its len bytes, hash h) to set as the next id, at the empty
 * slot `at` keys_slot found for it (the set has room); returns the id. */
static inline __attribute__((always_inline)) size_t
keys_append(fl_name_keys *set, size_t at, const char *key, size_t len, uint64_t h)
{
    size_t id = set->count++;
    set->slots[at] = (uint32_t)(id + 1);
    set->keys[id] = key;
    set->lens[id] = len;
    set->hashes[id] = h;
    return id;
}

/* fl_name_keys_add, inline where the name folds are made (a call per
 * distinct surface). */
static inline __attribute__((always_inline)) size_t
keys_add_hashed(fl_doc *doc, fl_name_keys *set, const char *s, size_t len, uint64_t h, bool copy)
{
    size_t at = keys_slot(set, s, len, h);
    if (set->slots[at])
        return set->slots[at] - 1;
    if ((set->count + 1) * 2 > set->cap) {
        if (!keys_grow(doc, set, 0))
            return FL_NAME_NO_KEY;
        at = keys_slot(set, s, len, h);
    }
    const char *key = copy ? fl_arena_strndup(doc->arena, s, len) : s;
    if (!key) {
        doc->status = FL_ENOMEM;
        return FL_NAME_NO_KEY;
    }
    return keys_append(set, at, key, len, h);
}

static inline __attribute__((always_inline)) size_t keys_add(fl_doc *doc, fl_name_keys *set,
                                                             const char *s, size_t len, bool copy)
{
    return keys_add_hashed(doc, set, s, len, key_hash(s, len), copy);
}

/* keys_add_hashed out of line: the paths of keys_add_leaf with a call. */
static __attribute__((noinline)) size_t keys_add_hashed_call(fl_doc *doc, fl_name_keys *set,
                                                             const char *s, size_t len, uint64_t h,
                                                             bool copy)
{
    return keys_add_hashed(doc, set, s, len, h, copy);
}

/* keys_add_hashed for the extern calls: a key kept
 * in place, in a set with room for one more (most of them) is found or
 * added with no call on the way (its bytes compared by loads, not
 * memcmp), so that no register is saved and restored around it for the
 * calls of the other paths, which keys_add_hashed_call takes (the room
 * asked before the probes: a key found needs none, and is found there
 * too). */
static inline __attribute__((always_inline)) size_t
keys_add_leaf(fl_doc *doc, fl_name_keys *set, const char *s, size_t len, uint64_t h, bool copy)
{
    if (copy || (set->count + 1) * 2 > set->cap)
        return keys_add_hashed_call(doc, set, s, len, h, copy);
    size_t at = keys_slot(set, s, len, h);
    if (set->slots[at])
        return set->slots[at] - 1;
    return keys_append(set, at, s, len, h);
}

size_t fl_name_keys_add(fl_doc *doc, fl_name_keys *set, const char *s, size_t len, bool copy)
{
    return keys_add_leaf(doc, set, s, len, key_hash(s, len), copy);
}

bool fl_name_keys_ranks(fl_doc *doc, const fl_name_keys *set, size_t *rank)
{
    size_t n = set->count;
    distinct_key *keys = fl_arena_alloc_uninit(doc->arena, 2 * n * sizeof *keys);
    if (!keys) {
        doc->status = FL_ENOMEM;
        return false;
    }
    for (size_t id = 0; id < n; id++)
        keys[id] = (distinct_key){key_prefix(set->keys[id], set->lens[id]), set->keys[id], id};
    sort_keys(keys, keys + n, n, 0);
    for (size_t r = 0; r < n; r++)
        rank[keys[r].id] = r;
    return true;
}

bool fl_name_uses_sort_ranked(fl_doc *doc, fl_name_use *uses, size_t count, size_t nranks)
{
    if (count < 2)
        return true;
    uint32_t *pos = fl_arena_alloc_uninit(doc->arena, count * sizeof *pos);
    size_t *start = fl_arena_alloc(doc->arena, (nranks + 1) * sizeof *start);
    fl_name_use *tmp = fl_arena_alloc_uninit(doc->arena, count * sizeof *tmp);
    unsigned char *idx = fl_arena_alloc_uninit(doc->arena, count);
    if (!pos || !start || !tmp || !idx) {
        doc->status = FL_ENOMEM;
        return false;
    }
    /* each place's use (pos[d]: the index of the use that goes to d): by
     * rank, and in input order within a rank */
    for (size_t i = 0; i < count; i++)
        start[uses[i].group + 1]++;
    for (size_t r = 0; r < nranks; r++)
        start[r + 1] += start[r];
    for (size_t i = 0; i < count; i++)
        pos[start[uses[i].group]++] = (uint32_t)i;
    /* move them there in place, one cycle at a time (no copy of the whole
     * array): each use is read before its place is written, and moved
     * once */
    for (size_t d = 0; d < count; d++) {
        if (pos[d] == d)
            continue;
        fl_name_use first = uses[d];
        size_t k = d;
        while (pos[k] != d) {
            size_t from = pos[k];
            uses[k] = uses[from];
            pos[k] = (uint32_t)k;
            k = from;
        }
        uses[k] = first;
        pos[k] = (uint32_t)k;
    }
    /* start[r] is now the end of rank r */
    for (size_t r = 0, from = 0; r < nranks; r++) {
        if (start[r] - from > 1)
            sort_group(uses + from, start[r] - from, tmp, idx);
        from = start[r];
    }
    return true;
}

/* Whether mentions a and b have one use but for its place: the same
 * surface and keys (pointers: one memo entry in mentions.c), length and
 * code-ness. */
static bool same_use(const fl_mention *a, const fl_mention *b)
{
    /* (mostly of one kind: that test first) */
    return a->surface == b->surface && a->fold == b->fold && a->skeleton == b->skeleton &&
           a->len == b->len &&
           (a->kind == b->kind || (a->kind == FL_M_CODE) == (b->kind == FL_M_CODE));
}

static size_t firsts_home(const fl_doc *doc, uint32_t first, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)FL_DOC_MENTION(doc, first - 1)->surface * 0x9e3779b97f4a7c15u;
    return (size_t)(h >> 32) & (cap - 1);
}

/* Doubles fl_name_folds_get's table of first mentions. */
static bool firsts_grow(fl_doc *doc, uint32_t **firsts, size_t *cap)
{
    size_t ncap = 2 * *cap;
    uint32_t *more = fl_arena_alloc(doc->arena, ncap * sizeof *more);
    if (!more) {
        doc->status = FL_ENOMEM;
        return false;
    }
    for (size_t k = 0; k < *cap; k++) {
        uint32_t first = (*firsts)[k];
        if (!first)
            continue;
        size_t at = firsts_home(doc, first, ncap);
        while (more[at])
            at = (at + 1) & (ncap - 1);
        more[at] = first;
    }
    *firsts = more;
    *cap = ncap;
    return true;
}

/* fl_name_use_make_key with fl_fold for the use of mention i, with its
 * skeleton key made in the same pass (fl_fold_skeleton: both as the two
 * calls give them) into *skel; false only when out of memory. */
static bool use_make_keys(fl_doc *doc, fl_name_use *use, fl_name_skel *skel, bool *keyed)
{
    char fold[FL_NAME_KEY_CAP], key[FL_NAME_KEY_CAP];
    size_t flen;
    size_t klen =
        fl_fold_skeleton(use->form, use->form_len, 0, fold, sizeof fold, &flen, key, sizeof key);
    *keyed = flen > 0 && flen < sizeof fold;
    if (*keyed) {
        use->key = fl_arena_strndup(doc->arena, fold, flen);
        if (!use->key) {
            doc->status = FL_ENOMEM;
            return false;
        }
        use->key_len = (uint32_t)flen;
        use->key_is_fold = true;
    }
    skel->key = NULL;
    skel->len = 0;
    if (klen > 0 && klen < sizeof key) {
        skel->len = klen;
        skel->key = *keyed && klen == flen && fl_bytes_eq(key, fold, klen)
                        ? use->key
                        : fl_arena_strndup(doc->arena, key, klen);
        if (!skel->key) {
            doc->status = FL_ENOMEM;
            return false;
        }
    }
    return true;
}

/* The use of mention i (m), the first with its surface, made into *u
 * (*made: fl_name_use_init succeeded; `listed` as for use_init) and keyed by its fold (`group` the
 * key's id in f->set; key NULL when none), its skeleton into *skel when
 * the fold key is not the mention's own. False only when out of memory.
 * In line in fl_name_folds_get's two walks. */
static inline __attribute__((always_inline)) bool first_use(fl_doc *doc, fl_name_folds *f,
                                                            const fl_mention *m, size_t i,
                                                            fl_name_use *u, fl_name_skel *skel,
                                                            const bool listed, bool *made)
{
    bool keyed = false;
    *made = use_init(m, i, u, listed);
    /* fl_name_use_set_key with fl_fold, knowing what use_init set (the
     * mention is i, the form starts its surface, a suffix only on a code,
     * which fl_name_use_own_key refuses) */
    if (*made && !fl_name_use_own_key(m, u, m->fold, true, &keyed) &&
        !use_make_keys(doc, u, skel, &keyed))
        return false;
    if (!keyed) {
        u->key = NULL;
        return true;
    }
    size_t id = keys_add(doc, &f->set, u->key, u->key_len, false);
    if (id == FL_NAME_NO_KEY)
        return false;
    u->group = (uint32_t)id;
    return true;
}

_Static_assert(offsetof(fl_mention, len) == offsetof(fl_mention, off) + sizeof(uint32_t) &&
                   offsetof(fl_named_mention, len) ==
                       offsetof(fl_named_mention, off) + sizeof(uint32_t) &&
                   sizeof(fl_name_span) == 2 * sizeof(uint32_t),
               "fl_name_folds_get copies a mention's off and len as one fl_name_span");
_Static_assert(FL_M_CODE < FL_M_ACRONYM && FL_M_NAME < FL_M_ACRONYM && FL_M_ACRONYM == 2,
               "the kinds fl_name_folds keys are the first three");

/* fl_name_folds_get's folds, from doc->named when `listed` (the list for
 * these mentions), else by a walk over every mention; NULL when out of
 * memory (doc->status set) or, with *stale, when the list turned out not
 * to be these mentions'. */
static fl_name_folds *folds_make(fl_doc *doc, const fl_named_list *listed, bool *stale)
{
    fl_name_folds *f;
    size_t total = doc->mentions.count;
    /* room for a key per mention of the kinds keyed here: their counts
     * from the document's index by kind (made once, for the other checks
     * too) */
    const uint32_t *of_kind;
    size_t codes = fl_ctx_mentions_of(doc, 1u << FL_M_CODE, &of_kind);
    if (!of_kind)
        return NULL; /* out of memory */
    size_t named = codes + fl_ctx_mentions_of(doc, 1u << FL_M_NAME, &of_kind) +
                   fl_ctx_mentions_of(doc, 1u << FL_M_ACRONYM, &of_kind);
    /* the index's kind bytes (made by the calls above) */
    const unsigned char *kinds = ((const fl_ctx_kinds *)doc->mention_kinds)->kinds;
    if (listed && listed->n != named) {
        *stale = true;
        return NULL;
    }
    /* a long document repeats its names: room for fewer surfaces than
     * mentions, and both tables grow when there are more */
    size_t expect = named < 32 + named / 8 ? named : 32 + named / 8;
    /* the first mention of each surface (pointer), by open addressing:
     * mention index + 1, 0 empty (none when listed) */
    size_t cap = 16, nfirsts = 0;
    while (cap < 2 * expect)
        cap *= 2;
    if (listed)
        cap = 0;
    /* the uses, the folds, their other arrays by mention and the table
     * of first mentions in one block (one call to the arena, not five,
     * per document); the uses on 64-byte lines (each of the 64 bytes the
     * name checks read and copy in one cache line, not two), the table
     * zeroed, the folds' fields and the arrays set as they are made */
    size_t head = (sizeof *f + 7) & ~(size_t)7;
    unsigned char *block = fl_arena_alloc_uninit(
        doc->arena, 56 + (total + 1) * sizeof(fl_name_use) + head + cap * sizeof(uint32_t) +
                        (total + 1) * (sizeof(uint32_t) + sizeof(fl_name_span)) +
                        (named + 1) * (sizeof(fl_name_entry) + sizeof(uint32_t)) +
                        (total + 1) * sizeof(fl_name_skel) + total + 1);
    if (!block) {
        doc->status = FL_ENOMEM;
        return NULL;
    }
    /* (the arena's blocks are 8-byte aligned) */
    fl_name_use *uses = (fl_name_use *)(void *)(block + (-(uintptr_t)block & 63));
    /* (every field of f is set below: not zeroed first) */
    f = (fl_name_folds *)(void *)(uses + total + 1);
    /* (the arrays of 8-byte fields first, then those of 4 and 1) */
    fl_name_span *spans = (fl_name_span *)(void *)((unsigned char *)f + head);
    fl_name_entry *entries = (fl_name_entry *)(void *)(spans + total + 1);
    fl_name_skel *skels = (fl_name_skel *)(void *)(entries + named + 1);
    uint32_t *same = (uint32_t *)(void *)(skels + total + 1);
    uint32_t *first_list = same + total + 1;
    uint32_t *firsts = first_list + named + 1;
    bool *inited = (bool *)(void *)(firsts + cap);
    /* the table and inited[] zeroed by one call: only a code, name or
     * acronym has its entries written below (the others' are never
     * read, and inited is false) */
    memset(firsts, 0, cap * sizeof *firsts + total + 1);
    if (!fl_name_keys_init_for(doc, &f->set, expect))
        return NULL;
    f->mentions = doc->mentions.items;
    f->mention_count = total;
    f->named = named;
    f->codes = codes;
    f->uses = uses;
    f->inited = inited;
    f->same = same;
    f->kinds = kinds;
    f->spans = spans;
    f->caps_sentence = -1;
    f->listed = listed != NULL;
    f->block = block;
    /* (in a local: the stores to inited[], bytes, might change doc for
     * all gcc knows) */
    const fl_mention *mentions = doc->mentions.items;
    /* (pointers, not counts: gcc keeps fewer of them on the stack) */
    fl_name_entry *entry = entries;
    uint32_t *first = first_list;
    size_t last_off = 0;
    bool unsorted = false;
    if (listed) {
        const uint32_t *first_of = listed->first;
        const fl_named_mention *const list = listed->list, *const end = list + listed->n;
        /* two walks: over the list, each mention's arrays and entry as if
         * every first mention's use were made (all but a rare few are),
         * noting the first mentions (in first_list, branch-free); then
         * over those, their uses made, each in line, a loop that keeps
         * its values in registers, and the other one too (the uses'
         * making in the walk over every mention has gcc spill them) */
        uint32_t *const firsts_seen = first_list;
        size_t nseen = 0;
        for (const fl_named_mention *it = list; it < end; it++) {
            const size_t i = it->mention;
            /* (one load and store) */
            memcpy(&spans[i], &it->off, sizeof *spans);
            /* a repeat's use is its first's but for its place
             * (fl_name_folds_use): not copied, and the mention not read */
            const size_t j = first_of[it->key];
            same[i] = (uint32_t)j;
            inited[i] = true;
            unsorted |= it->off < last_off;
            last_off = it->off;
            *entry++ = (fl_name_entry){it->off, (uint32_t)j, (uint32_t)i};
            firsts_seen[nseen] = (uint32_t)i;
            nseen += j == i;
        }
        bool all_made = true;
        for (size_t k = 0; k < nseen; k++) {
            const size_t i = firsts_seen[k];
            /* the mentions changed in place since they were listed (say,
             * put in another order): a first mention read here is not
             * where the list has it */
            const fl_mention *m = &mentions[i];
            uint64_t was, is;
            memcpy(&was, &spans[i], sizeof was);
            memcpy(&is, (const char *)m + offsetof(fl_mention, off), sizeof is);
            if (was != is) {
                *stale = true;
                return NULL;
            }
            bool made;
            if (!first_use(doc, f, m, i, &uses[i], &skels[i], true, &made))
                return NULL;
            if (made) {
                *first++ = (uint32_t)i; /* (k or below: in place) */
            } else {
                inited[i] = false;
                all_made = false;
            }
        }
        if (!all_made) {
            /* the entries again, without the mentions whose first's use
             * was not made */
            entry = entries;
            unsorted = false;
            last_off = 0;
            for (const fl_named_mention *it = list; it < end; it++) {
                const size_t i = it->mention, j = same[i];
                inited[i] = inited[j];
                if (inited[i]) {
                    unsorted |= it->off < last_off;
                    last_off = it->off;
                    *entry++ = (fl_name_entry){it->off, (uint32_t)j, (uint32_t)i};
                }
            }
        }
    } else {
        for (size_t i = 0; i < total; i++) {
            if (kinds[i] > FL_M_ACRONYM)
                continue;
            const fl_mention *m = &mentions[i];
            /* (one load and store) */
            memcpy(&spans[i], (const char *)m + offsetof(fl_mention, off), sizeof *spans);
            uint64_t h = (uint64_t)(uintptr_t)m->surface * 0x9e3779b97f4a7c15u;
            size_t at = (size_t)(h >> 32) & (cap - 1);
            for (; firsts[at]; at = (at + 1) & (cap - 1))
                if (same_use(&mentions[firsts[at] - 1], m))
                    break;
            if (firsts[at]) {
                size_t j = firsts[at] - 1;
                /* its use is j's but for its place (fl_name_folds_use):
                 * not copied */
                same[i] = (uint32_t)j;
                inited[i] = inited[j];
                if (inited[j]) {
                    unsorted |= m->off < last_off;
                    last_off = m->off;
                    *entry++ = (fl_name_entry){m->off, (uint32_t)j, (uint32_t)i};
                }
                continue;
            }
            same[i] = (uint32_t)i;
            firsts[at] = (uint32_t)(i + 1);
            if (2 * ++nfirsts > cap && !firsts_grow(doc, &firsts, &cap))
                return NULL;
            bool made;
            if (!first_use(doc, f, m, i, &uses[i], &skels[i], false, &made))
                return NULL;
            inited[i] = made;
            if (made) {
                unsorted |= m->off < last_off;
                last_off = m->off;
                *entry++ = (fl_name_entry){m->off, (uint32_t)i, (uint32_t)i};
                *first++ = (uint32_t)i;
            }
        }
    }
    *entry = (fl_name_entry){SIZE_MAX, 0, 0};
    f->entries = entries;
    f->nentries = (size_t)(entry - entries);
    f->entries_unsorted = unsorted;
    f->firsts = first_list;
    f->skels = skels;
    f->nfirsts = (size_t)(first - first_list);
    return f;
}

void fl_name_folds_drop(fl_doc *doc)
{
    fl_name_folds *f = doc->name_folds;
    if (!f)
        return;
    doc->name_folds = NULL;
    /* (both read before either is freed: f lies in its block) */
    void *block = f->block, *keys = f->set.hashes;
    fl_arena_release(doc->arena, keys);
    fl_arena_release(doc->arena, block);
}

fl_name_folds *fl_name_folds_get(fl_doc *doc)
{
    fl_name_folds *f = doc->name_folds;
    if (f && f->mentions == doc->mentions.items && f->mention_count == doc->mentions.count)
        return f;
    /* the codes, names and acronyms as fl_find_mentions listed them, with
     * the first mention of each surface, when it did (for these
     * mentions): no walk over every mention, no table of surfaces. The
     * list holds while the mentions are as fl_find_mentions left them:
     * the same array and count, the same number of codes, names and
     * acronyms, each first mention of a surface at its place; else the
     * walk (a document built by hand, or changed by its caller) */
    const fl_named_list *listed = &doc->named;
    if (!listed->items || listed->items != doc->mentions.items ||
        listed->count != doc->mentions.count)
        listed = NULL;
    bool stale = false;
    f = folds_make(doc, listed, &stale);
    if (stale)
        f = folds_make(doc, NULL, &stale);
    if (f)
        doc->name_folds = f;
    return f;
}

/* Replaces each use's `group` (an id in set) by the rank of its key among
 * the keys of these uses alone, in strcmp order; *nranks is how many
 * distinct keys they have. False when out of memory. */
static bool rank_present(fl_doc *doc, fl_name_use *uses, size_t count, const fl_name_keys *set,
                         size_t *nranks)
{
    /* by id: its rank + 1 once seen (0: not among the uses) */
    uint32_t *rank = fl_arena_alloc(doc->arena, (set->count + 1) * sizeof *rank);
    distinct_key *keys = fl_arena_alloc_uninit(doc->arena, 2 * (count + 1) * sizeof *keys);
    if (!rank || !keys) {
        doc->status = FL_ENOMEM;
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        size_t id = uses[i].group;
        if (rank[id])
            continue;
        rank[id] = 1;
        keys[n++] = (distinct_key){key_prefix(set->keys[id], set->lens[id]), set->keys[id], id};
    }
    sort_keys(keys, keys + n, n, 0);
    for (size_t r = 0; r < n; r++)
        rank[keys[r].id] = (uint32_t)(r + 1);
    for (size_t i = 0; i < count; i++)
        uses[i].group = rank[uses[i].group] - 1;
    *nranks = n;
    return true;
}

bool fl_name_uses_sort_group(fl_doc *doc, fl_name_use *uses, size_t n)
{
    if (n < 2)
        return true;
    fl_name_use *tmp = fl_arena_alloc_uninit(doc->arena, n * sizeof *tmp);
    unsigned char *idx = fl_arena_alloc_uninit(doc->arena, n);
    if (!tmp || !idx) {
        doc->status = FL_ENOMEM;
        return false;
    }
    sort_group(uses, n, tmp, idx);
    return true;
}

bool *fl_name_uses_several(fl_doc *doc, const fl_name_use *uses, size_t count,
                           const fl_name_keys *set, size_t *any)
{
    /* by id: the index + 1 of its first use, and whether another form
     * followed (one zeroed block: one call to the arena, not two) */
    uint32_t *first = fl_arena_alloc(doc->arena, (set->count + 1) * (sizeof *first + sizeof(bool)));
    if (!first) {
        doc->status = FL_ENOMEM;
        return NULL;
    }
    bool *several = (bool *)(void *)(first + set->count + 1);
    *any = 0;
    for (size_t i = 0; i < count; i++) {
        size_t id = uses[i].group;
        if (!first[id]) {
            first[id] = (uint32_t)(i + 1);
        } else if (!several[id] && !same_form(&uses[first[id] - 1], &uses[i])) {
            several[id] = true;
            ++*any;
        }
    }
    return several;
}

size_t fl_name_uses_keep_marked(fl_doc *doc, fl_name_use *uses, size_t count,
                                const fl_name_keys *set, const bool *several)
{
    size_t k = 0;
    for (size_t i = 0; i < count; i++)
        if (several[uses[i].group])
            uses[k++] = uses[i];
    size_t nranks;
    if (!rank_present(doc, uses, k, set, &nranks) ||
        !fl_name_uses_sort_ranked(doc, uses, k, nranks))
        return FL_NAME_NO_KEY;
    return k;
}

/* fl_blame_lexicon_status with the hits of the form's fold key at hand. */
static int lexicon_status_hits(const char *form, size_t len, const fl_lex_hit *folds, size_t nf,
                               const fl_lex_hit *misspellings, size_t nm)
{
    for (size_t i = 0; i < nf; i++)
        if (strlen(folds[i].form) == len && memcmp(folds[i].form, form, len) == 0)
            return 1;
    for (size_t i = 0; i < nm; i++)
        if (strlen(misspellings[i].form) == len && memcmp(misspellings[i].form, form, len) == 0)
            return -1;
    return 0;
}

/* fl_blame_lexicon_status with the form's fold key at hand. */
static int lexicon_status_keyed(const fl_doc *doc, const char *form, size_t len, const char *key,
                                size_t klen)
{
    const fl_lex_hit *folds, *misspellings;
    size_t nf, nm;
    fl_lexicon_by_fold_and_misspelling(doc->lexicon, key, klen, &folds, &nf, &misspellings, &nm);
    return lexicon_status_hits(form, len, folds, nf, misspellings, nm);
}

int fl_blame_lexicon_status(const fl_doc *doc, const char *form, size_t len)
{
    if (!doc->lexicon)
        return 0;
    char key[512];
    size_t klen = fl_fold(form, len, 0, key, sizeof key);
    if (klen >= sizeof key)
        return 0;
    return lexicon_status_keyed(doc, form, len, key, klen);
}

size_t fl_name_forms(fl_doc *doc, fl_name_use *uses, size_t count, fl_name_form **forms)
{
    *forms = NULL;
    /* drop a span listed twice (one mention found as two kinds) */
    size_t w = 0;
    for (size_t r = 0; r < count; r++) {
        if (w && uses[w - 1].off == uses[r].off && uses[w - 1].form_len == uses[r].form_len &&
            memcmp(uses[w - 1].form, uses[r].form, uses[r].form_len) == 0)
            continue;
        uses[w++] = uses[r];
    }
    count = w;
    size_t n = 0;
    for (size_t r = 0; r < count; r++)
        if (r == 0 || uses[r].form_len != uses[r - 1].form_len ||
            memcmp(uses[r].form, uses[r - 1].form, uses[r].form_len) != 0)
            n++;
    fl_name_form *out = fl_arena_alloc_uninit(doc->arena, (n ? n : 1) * sizeof *out);
    if (!out) {
        doc->status = FL_ENOMEM;
        return 0;
    }
    /* the fold key's lexicon hits, looked up once for all its forms */
    const fl_lex_hit *folds = NULL, *misspellings = NULL;
    size_t nf = 0, nm = 0;
    bool looked_up = count && uses[0].key_is_fold && doc->lexicon;
    if (looked_up) {
        fl_lexicon_by_fold_and_misspelling(doc->lexicon, uses[0].key,
                                           uses[0].key_len ? uses[0].key_len : strlen(uses[0].key),
                                           &folds, &nf, &misspellings, &nm);
    }
    size_t k = 0;
    for (size_t r = 0; r < count;) {
        size_t end = r + 1;
        while (end < count && uses[end].form_len == uses[r].form_len &&
               memcmp(uses[end].form, uses[r].form, uses[r].form_len) == 0)
            end++;
        fl_name_form *f = &out[k++];
        f->key_looked_up = looked_up;
        f->key_known = nf > 0;
        f->key_misspelled = nm > 0;
        /* a mention's form (not a word of it, not a token run) is its
         * surface, a string at least form_len long: when it ends there,
         * it is the text */
        f->text = uses[r].mention != FL_NAME_NO_MENTION && !uses[r].part &&
                          uses[r].form[uses[r].form_len] == '\0'
                      ? uses[r].form
                      : fl_arena_strndup(doc->arena, uses[r].form, uses[r].form_len);
        if (!f->text) {
            doc->status = FL_ENOMEM;
            return 0;
        }
        f->len = uses[r].form_len;
        f->uses = &uses[r];
        f->count = end - r;
        f->shape = false;
        f->shape_peer = NULL;
        /* all uses of one group share its key; a use keyed by fold has
         * that key's hits */
        f->lexicon = !uses[r].key_is_fold ? fl_blame_lexicon_status(doc, f->text, f->len)
                     : looked_up ? lexicon_status_hits(f->text, f->len, folds, nf, misspellings, nm)
                     : doc->lexicon ? lexicon_status_keyed(doc, f->text, f->len, uses[r].key,
                                                           strlen(uses[r].key))
                                    : 0;
        r = end;
    }
    *forms = out;
    return n;
}

static size_t only_one(const fl_name_form *forms, size_t n, bool (*pred)(const fl_name_form *))
{
    size_t found = n;
    for (size_t i = 0; i < n; i++)
        if (pred(&forms[i])) {
            if (found != n)
                return n;
            found = i;
        }
    return found;
}

static bool is_lexicon_form(const fl_name_form *f)
{
    return f->lexicon > 0;
}

static bool is_not_misspelling(const fl_name_form *f)
{
    return f->lexicon >= 0;
}

static bool fits_shape(const fl_name_form *f)
{
    return f->shape;
}

size_t fl_blame_pick(const fl_name_form *forms, size_t n, fl_blame_reason *reason)
{
    size_t i = only_one(forms, n, is_lexicon_form);
    if (i == n && n == 2)
        i = only_one(forms, n, is_not_misspelling);
    if (i < n) {
        *reason = FL_BLAME_LEXICON;
        return i;
    }
    i = only_one(forms, n, fits_shape);
    if (i < n) {
        *reason = FL_BLAME_SHAPE;
        return i;
    }
    size_t best = 0;
    bool tie = false;
    for (i = 1; i < n; i++) {
        if (forms[i].count > forms[best].count) {
            best = i;
            tie = false;
        } else if (forms[i].count == forms[best].count) {
            tie = true;
        }
    }
    if (!tie) {
        *reason = FL_BLAME_MAJORITY;
        return best;
    }
    /* the most frequent forms tie: the one used first among them */
    size_t top = forms[best].count;
    best = n;
    for (i = 0; i < n; i++)
        if (forms[i].count == top && (best == n || forms[i].uses[0].off < forms[best].uses[0].off))
            best = i;
    *reason = FL_BLAME_FIRST;
    return best;
}

const char *fl_blame_times(fl_doc *doc, size_t count)
{
    return count == 1 ? "once" : fl_arena_printf(doc->arena, "%zu times", count);
}

const char *fl_blame_where(fl_doc *doc, const fl_name_form *form)
{
    if (form->count == 1)
        return fl_arena_printf(doc->arena, "line %zu", fl_name_use_line(doc, &form->uses[0]));
    return fl_arena_printf(doc->arena, "line %zu, %zu times", fl_name_use_line(doc, &form->uses[0]),
                           form->count);
}

const char *fl_blame_reason_text(fl_doc *doc, fl_blame_reason reason, const fl_name_form *right)
{
    switch (reason) {
    case FL_BLAME_LEXICON:
        return " (the lexicon's form)";
    case FL_BLAME_SHAPE:
        return right && right->shape_peer
                   ? fl_arena_printf(doc->arena, " (the form that fits `%s`)", right->shape_peer)
                   : " (the form that fits its family)";
    case FL_BLAME_MAJORITY:
        return " (the more frequent form)";
    case FL_BLAME_FIRST:
        return " (the form used first)";
    case FL_BLAME_SCRIPT:
        return " (the form written in one script)";
    }
    return "";
}

void fl_blame_report(fl_doc *doc, const char *rule, fl_severity severity, const fl_name_form *wrong,
                     const char *right_text, const fl_name_form *right, const char *message)
{
    if (!message) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t rel_off[MAX_RELATED], rel_len[MAX_RELATED], nrel = 0;
    for (size_t i = 0; right && i < right->count && nrel < MAX_RELATED; i++) {
        rel_off[nrel] = right->uses[i].off;
        rel_len[nrel] = right->uses[i].form_len;
        nrel++;
    }
    for (size_t i = 0; i < wrong->count; i++) {
        const fl_name_use *u = &wrong->uses[i];
        const char *suggestion =
            u->suffix[0] ? fl_arena_printf(doc->arena, "%s%s", right_text, u->suffix) : right_text;
        if (!suggestion || !fl_doc_add_finding(doc, rule, severity, u->off, u->len, message,
                                               suggestion, rel_off, rel_len, nrel)) {
            doc->status = FL_ENOMEM;
            return;
        }
    }
}

bool fl_name_sentence_initial(const fl_doc *doc, const fl_mention *m)
{
    if (m->sentence >= doc->sentences.count)
        return false;
    const fl_sentence *s = FL_DOC_SENTENCE(doc, m->sentence);
    for (size_t t = s->first_token; t < s->first_token + s->token_count; t++) {
        const fl_token *tok = FL_DOC_TOKEN(doc, t);
        if (tok->kind == FL_TOK_PUNCT)
            continue;
        return m->off <= tok->off;
    }
    return m->off <= s->off;
}

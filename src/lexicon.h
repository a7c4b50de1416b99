/*
 * lexicon.h - lookups in a built lexicon (see fl_lexicon_build in
 * internal.h). A lexicon is immutable once built and may be read by any
 * number of threads at once. Every pointer handed out is owned by the
 * lexicon and lives as long as it.
 *
 * Keys are the normalizer's keys (fl_fold, fl_skeleton) of the forms as
 * written in the lexicon files. When two files (or two lines) define the
 * same canonical form (same fold key) with the same kind, the later one
 * replaces the earlier, so a user's file can restate the built-in house
 * style.
 */
#ifndef FL_LEXICON_H
#define FL_LEXICON_H

#include "bytes8.h"
#include "internal.h"

typedef enum fl_lex_kind {
    FL_LEX_ORG,
    FL_LEX_PRODUCT,
    FL_LEX_PERSON,
    FL_LEX_PLACE,
    FL_LEX_ACRONYM, /* canonical: the acronym; aliases: its expansions */
    FL_LEX_EVENT,
    FL_LEX_LAW,
    FL_LEX_KIND_COUNT
} fl_lex_kind;

/* "org", "product", ... */
const char *fl_lex_kind_name(fl_lex_kind kind);

typedef struct fl_lex_entry {
    const char *canonical;
    fl_lex_kind kind;
    const char *family; /* "" when none */
    const char *const *aliases;
    size_t alias_count;
    const char *const *misspellings;
    size_t misspelling_count;
    const char *file; /* where it was defined, for messages */
    size_t line;
} fl_lex_entry;

typedef enum fl_lex_role { FL_LEX_CANONICAL, FL_LEX_ALIAS, FL_LEX_MISSPELLING } fl_lex_role;

/* One form of one entry that matched a lookup. */
typedef struct fl_lex_hit {
    const fl_lex_entry *entry;
    const char *form; /* the form as written in the lexicon */
    fl_lex_role role;
} fl_lex_hit;

/* A number that tells this lexicon from every other one the process
 * builds, even one built later at its address once it is freed: what
 * keeps lookups memoized across documents (a workspace's) from answering
 * for another lexicon. 0 for NULL. */
uint64_t fl_lexicon_stamp(const fl_lexicon *lex);

size_t fl_lexicon_entry_count(const fl_lexicon *lex);
const fl_lex_entry *fl_lexicon_entry(const fl_lexicon *lex, size_t i);

/* Each lookup below stores in *hits a read-only array of the matching
 * forms and returns its length (0, and *hits NULL, when nothing matches).
 * `key` is a key as the normalizer makes it, (pointer, length). */

/* Canonical forms and aliases whose fold key is `key`. */
size_t fl_lexicon_by_fold(const fl_lexicon *lex, const char *key, size_t len,
                          const fl_lex_hit **hits);
/* Known misspellings whose fold key is `key`. */
size_t fl_lexicon_by_misspelling(const fl_lexicon *lex, const char *key, size_t len,
                                 const fl_lex_hit **hits);
/* The two lookups above for one key, hashed once. */
void fl_lexicon_by_fold_and_misspelling(const fl_lexicon *lex, const char *key, size_t len,
                                        const fl_lex_hit **folds, size_t *nf,
                                        const fl_lex_hit **misspellings, size_t *nm);
/* fl_lexicon_by_fold_and_misspelling for a caller that reads no known
 * key's misspellings: they are looked up only when the key has no fold
 * hit (else *misspellings is NULL and *nm 0). */
void fl_lexicon_by_fold_else_misspelling(const fl_lexicon *lex, const char *key, size_t len,
                                         const fl_lex_hit **folds, size_t *nf,
                                         const fl_lex_hit **misspellings, size_t *nm);
/* The filter fl_lexicon_by_fold_and_misspelling tests first: a key
 * fl_lex_fold_filter_has turns away is in neither index (a caller with
 * many keys tests it in line and calls only for the others). NULL when
 * there is none (any key may be in them). */
const uint64_t *fl_lexicon_fold_filter(const fl_lexicon *lex);
/* Canonical forms, aliases and misspellings whose skeleton key is `key`. */
size_t fl_lexicon_by_skeleton(const fl_lexicon *lex, const char *key, size_t len,
                              const fl_lex_hit **hits);
/* The canonical forms of the entries whose family is `family` (exact). */
size_t fl_lexicon_family(const fl_lexicon *lex, const char *family, size_t len,
                         const fl_lex_hit **hits);
/* The acronym entry whose acronym folds to `key` (its aliases are the
 * accepted expansions), or NULL. */
const fl_lex_entry *fl_lexicon_acronym(const fl_lexicon *lex, const char *key, size_t len);

/* A canonical form or alias near a looked-up key. */
typedef struct fl_lex_near {
    fl_lex_hit hit;
    unsigned edits;
} fl_lex_near;

/* Canonical forms and aliases (not acronyms) whose skeleton key is 1 to
 * max_edits edits (insertions, deletions, substitutions, transpositions of
 * code points) from the skeleton key `key`. Forms of fewer than 5 code
 * points are not indexed; forms and keys of fewer than 9 are matched
 * within 1 edit only. Writes up to `cap` results to `out`, nearest first, and returns how
 * many there were in all. Uses a deletion-neighbourhood index: no scan of
 * the whole lexicon. */
size_t fl_lexicon_near(const fl_lexicon *lex, const char *key, size_t len, unsigned max_edits,
                       fl_lex_near *out, size_t cap);

/* A word's share (by its position and bytes) of the `others` hash that
 * fl_lexicon_near_typo takes: the sum of the shares of a name's words
 * but the one asked about. */
uint64_t fl_near_word_mix(size_t pos, const char *word, size_t len);

/* fl_lexicon_near_word that also sets *word_hash to the word's hash, from
 * which fl_near_word_mix_hashed gives fl_near_word_mix (one hash for
 * both). */
bool fl_lexicon_near_word_hash(const fl_lexicon *lex, size_t nwords, size_t pos, const char *word,
                               size_t len, uint64_t *word_hash);
uint64_t fl_near_word_mix_hashed(size_t pos, uint64_t word_hash);

/* A word's letters as fl_lexicon_near_typo takes them: a bit (c & 31,
 * bits 1 to 26; an apostrophe shares g's) for each of its bytes when they
 * are all ASCII letters and apostrophes, else FL_NEAR_ANY_LETTERS
 * (unknown: any word may match). */
#define FL_NEAR_ANY_LETTERS 1u
uint32_t fl_near_letters(const char *word, size_t len);

/* Whether some form fl_lexicon_near can find folds (fl_fold, flags 0) to
 * `nwords` words (1 to 8; split at spaces and hyphens) with, at `pos`, a
 * word of min_cps to max_cps code points (at most FL_NEAR_MAX_CPS) whose
 * first and last are `first` and `last`, and the other words in place
 * (`others`: the sum of their fl_near_word_mix; 0 for one word). A form
 * of one word must also be `edits` edits or fewer from a word whose
 * letters (fl_near_letters) are `letters`, as far as their letters tell
 * (each letter of a kind one word lacks is an edit). True also on a rare
 * hash collision, never false for such a form. */
bool fl_lexicon_near_typo(const fl_lexicon *lex, size_t nwords, size_t pos, uint64_t others,
                          uint32_t first, uint32_t last, size_t min_cps, size_t max_cps,
                          uint32_t letters, unsigned edits);

/* ------------------------------------------------- shared edit primitives */

/* The longest key (in code points) the edit helpers handle. */
#define FL_NEAR_MAX_CPS 32
/* The most deletion variants fl_near_variants writes (1 + n + n(n-1)/2). */
#define FL_NEAR_MAX_VARIANTS (1 + FL_NEAR_MAX_CPS + FL_NEAR_MAX_CPS * (FL_NEAR_MAX_CPS - 1) / 2)

/* Decodes UTF-8 s[0..len) into at most `cap` code points; returns the
 * count, or cap + 1 when the string is longer. */
size_t fl_near_decode(const char *s, size_t len, uint32_t *cps, size_t cap);

/* Hashes of every string made by deleting up to max_del (0-2) code points
 * from cps[0..n), the string itself included; duplicates possible.
 * Returns the count (at most FL_NEAR_MAX_VARIANTS). */
size_t fl_near_variants(const uint32_t *cps, size_t n, unsigned max_del, uint64_t *out);

/* The optimal-string-alignment distance between two code point strings,
 * or max + 1 when it exceeds max. */
unsigned fl_edit_distance(const uint32_t *a, size_t alen, const uint32_t *b, size_t blen,
                          unsigned max);

/* ------------------------------------------------------- built-in image */

/* A lexicon's indexes as plain data: strings are offsets into `strings`
 * (each NUL-terminated), entries are indexes. tools/lexgen.c builds the
 * built-in lexicon at build time and writes this out as C, so a checker
 * with the built-in lexicon alone copies a few small arrays instead of
 * parsing and indexing (user lexicon files still take the run-time path;
 * tests/test_lexicon.c holds both paths to the same image). */
typedef struct fl_lex_image_hit {
    uint32_t entry, form, role;
} fl_lex_image_hit;

typedef struct fl_lex_image_entry {
    uint32_t canonical, kind, family, file, line;
    uint32_t aliases, alias_count; /* a range of `lists` */
    uint32_t misspellings, misspelling_count;
} fl_lex_image_entry;

typedef struct fl_lex_image_record {
    uint32_t index, key, key_len;
    fl_lex_image_hit hit;
} fl_lex_image_record;

/* A hash slot: a range of records sharing one (index, key); count 0: empty. */
typedef struct fl_lex_slot {
    uint64_t hash;
    uint32_t start, count;
} fl_lex_slot;

/* A form in the near index: its skeleton key's code points. */
typedef struct fl_lex_near_cps {
    uint32_t cps[FL_NEAR_MAX_CPS];
    uint32_t n;
} fl_lex_near_cps;

/* One deletion variant's hash and the near form it came from. */
typedef struct fl_lex_near_item {
    uint64_t hash;
    uint64_t form;
} fl_lex_near_item;

/* The near index's buckets: the top FL_NEAR_BUCKET_BITS of a hash. */
#define FL_NEAR_BUCKET_BITS 16

typedef struct fl_lex_image {
    const char *strings;
    size_t strings_len;
    const fl_lex_image_entry *entries;
    size_t entry_count;
    const uint32_t *lists; /* alias and misspelling string offsets */
    size_t list_count;
    const fl_lex_image_record *records;
    size_t record_count;
    const fl_lex_slot *slots; /* a power of two of them */
    size_t slot_count;
    const fl_lex_image_hit *near_hits; /* parallel to near_cps */
    const fl_lex_near_cps *near_cps;
    size_t near_form_count;
    const fl_lex_near_item *near_items; /* by (hash, form) */
    size_t near_item_count;
    const size_t *near_buckets; /* (1 << FL_NEAR_BUCKET_BITS) + 1 first items */
    /* fl_lexicon_near_word's and fl_lexicon_near_typo's sets (in
     * lexicon.c's layout: a header, then the slots of each, a power of two
     * of them) and the fold filter (FL_LEX_FOLD_FILTER_WORDS words); NULL in an
     * image made without them: lexicon.c then makes its own */
    const uint64_t *near_words;
    size_t near_word_count;
    const uint64_t *fold_filter;
} fl_lex_image;

/* The fold filter's bits (some sixteen per key of a lexicon of a few
 * thousand keys), and its size in 64-bit words. */
#define FL_LEX_FOLD_FILTER_BITS 16
#define FL_LEX_FOLD_FILTER_WORDS (((size_t)1 << FL_LEX_FOLD_FILTER_BITS) / 64)

/* A key's bit in the fold filter, from its length and its first and last
 * bytes (no more than sixteen read): cheaper than a hash of every byte
 * and a probe. */
static inline size_t fl_lex_fold_filter_bit(const char *s, size_t len)
{
    uint64_t w;
    if (len >= 8)
        w = fl_load8(s) ^ (fl_load8(s + len - 8) * 0x9e3779b97f4a7c15ull);
    else if (len >= 4)
        w = fl_load4(s) | (uint64_t)fl_load4(s + len - 4) << 32;
    else if (len)
        w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
            (uint64_t)(unsigned char)s[len - 1] << 16;
    else
        w = 0;
    uint64_t h = (w ^ (uint64_t)len * 0xc2b2ae3d27d4eb4full) * 0xff51afd7ed558ccdull;
    return (size_t)(h >> (64 - FL_LEX_FOLD_FILTER_BITS));
}

/* Whether the fold filter `filter` (fl_lexicon_fold_filter, not NULL) lets
 * key[0..len) through: false when it is in neither index. */
static inline bool fl_lex_fold_filter_has(const uint64_t *filter, const char *key, size_t len)
{
    const size_t b = fl_lex_fold_filter_bit(key, len);
    return (filter[b >> 6] >> (b & 63)) & 1;
}

/* The built-in lexicon's image (generated; empty in tools/lexgen itself). */
extern const fl_lex_image fl_builtin_lexicon_image;

/* Builds the lexicon from the built-in lexicon's text and the files in
 * paths the long way (parsing and indexing), as fl_lexicon_build does
 * whenever there are paths. */
fl_status fl_lexicon_build_parsed(bool builtin, const char *const *paths, size_t path_count,
                                  fl_lexicon **out, fl_error *err);

/* The image of lex in *image; its arrays are malloc'd, freed by
 * fl_lex_image_free. FL_ENOMEM when out of memory. */
fl_status fl_lex_image_make(const fl_lexicon *lex, fl_lex_image *image);
void fl_lex_image_free(fl_lex_image *image);

/* A lexicon over an image, which must outlive it (the hash slots and the
 * near index are used in place). FL_ENOMEM when out of memory. */
fl_status fl_lexicon_from_image(const fl_lex_image *image, fl_lexicon **out);

#endif

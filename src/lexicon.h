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

#endif

/*
 * blame.h - what the three name checks share: a mention's name form,
 * grouping forms by a key without comparing all pairs, choosing which
 * form is right (the lexicon's form, then the form that fits the family's
 * shape, then the majority, then the first occurrence), and reporting the
 * wrong form's uses with a suggestion and related spans.
 *
 * Everything allocated here lives in doc->arena.
 */
#ifndef FL_CHECKS_BLAME_H
#define FL_CHECKS_BLAME_H

#include "../internal.h"

#include <string.h>

/* One mention as a name checks see it. */
typedef struct fl_name_use {
    uint32_t mention;   /* index in doc->mentions; FL_NAME_NO_MENTION for a token run */
    uint32_t sentence;  /* index in doc->sentences */
    size_t off, len;    /* prose span to flag: the form plus `suffix` */
    const char *form;   /* the surface without possessive or plural ending */
    const char *suffix; /* "s" for a plural code (H20s), else "" */
    const char *key;    /* the grouping key the check chose */
    uint32_t form_len;
    uint32_t key_len; /* strlen(key), as fl_name_use_set_key sets it (else 0) */
    uint32_t group;   /* its key's id in a key set, or once sorted its rank among the keys */
    bool key_is_fold; /* key is fl_fold(form, form_len, 0) */
    bool part;        /* one word of a longer name (Allied in Allied Domecq) */
} fl_name_use;        /* 64 bytes on a 64-bit host: copied per mention by each name check */

/* fl_name_use.mention of a use found among the tokens, not a mention. */
#define FL_NAME_NO_MENTION ((uint32_t)-1)

/* The uses of one exact form inside one group. */
typedef struct fl_name_form {
    const char *text;
    size_t len;
    const fl_name_use *uses; /* contiguous, in document order */
    size_t count;
    int lexicon;            /* 1: a lexicon canonical form or alias; -1: a known misspelling */
    bool shape;             /* fits the family shape of another code in the document */
    const char *shape_peer; /* that code, when shape */
    /* when key_looked_up (its uses keyed by fold): whether the lexicon has
     * the key as a fold (a canonical form or alias) and as a misspelling */
    bool key_looked_up, key_known, key_misspelled;
} fl_name_form;

/* Why a form was chosen as the right one. */
typedef enum fl_blame_reason {
    FL_BLAME_LEXICON,
    FL_BLAME_SHAPE,
    FL_BLAME_MAJORITY,
    FL_BLAME_FIRST,
    FL_BLAME_SCRIPT /* the form written in one script (not Latin mixed with Cyrillic/Greek) */
} fl_blame_reason;

/* Fills *use for mention i (form and span); key is left NULL. Returns
 * false when the mention has no usable surface. */
bool fl_name_use_init(fl_doc *doc, size_t i, fl_name_use *use);

/* A growing array of uses in the document's arena (copied when it grows). */
typedef struct fl_name_use_list {
    fl_name_use *items;
    size_t count, cap;
} fl_name_use_list;

/* An empty list with room for `cap` uses; false when out of memory
 * (doc->status is then FL_ENOMEM). */
bool fl_name_use_list_init(fl_doc *doc, fl_name_use_list *l, size_t cap);

/* Doubles the list's room; false when out of memory (doc->status set). */
bool fl_name_use_list_grow(fl_doc *doc, fl_name_use_list *l);

/* Form order's first keys: the form's bytes, then its length. */
static inline int fl_name_form_text_order(const fl_name_use *a, const fl_name_use *b)
{
    size_t n = a->form_len < b->form_len ? a->form_len : b->form_len;
    int c = memcmp(a->form, b->form, n);
    if (c)
        return c;
    return a->form_len < b->form_len ? -1 : a->form_len > b->form_len;
}

/* Room for one more use at the end of the list; NULL when out of memory
 * (doc->status set). */
static inline fl_name_use *fl_name_use_list_push(fl_doc *doc, fl_name_use_list *l)
{
    if (l->count == l->cap && !fl_name_use_list_grow(doc, l))
        return NULL;
    return &l->items[l->count++];
}

/* fl_name_use_set_key for a use whose key is made, not the mention's own. */
bool fl_name_use_make_key(fl_doc *doc, fl_name_use *use,
                          size_t (*key_of)(const char *, size_t, unsigned, char *, size_t),
                          bool *keyed);

/* The longest key a use has, plus one. */
#define FL_NAME_KEY_CAP 256

/* fl_name_use_set_key's rule for a use whose form starts its mention m's
 * surface, with no suffix: the mention's own key `own` (its fold, is_fold,
 * or its skeleton) when the form is the whole surface and m no code
 * (mentions.c keys every kind but codes with flags 0, from the same
 * bytes). True when the rule applies (*keyed then tells whether the key
 * is usable: not empty, not too long); false when a key must be made. */
static inline bool fl_name_use_own_key(const fl_mention *m, fl_name_use *use, const char *own,
                                       bool is_fold, bool *keyed)
{
    if (!own || m->kind == FL_M_CODE || use->form_len != m->len)
        return false;
    size_t klen = strlen(own);
    *keyed = klen > 0 && klen < FL_NAME_KEY_CAP;
    if (*keyed) {
        use->key = own;
        use->key_len = (uint32_t)klen;
        use->key_is_fold = is_fold;
    }
    return true;
}

/* Sets use->key to the key `key_of` (fl_fold or fl_skeleton, flags 0)
 * makes of the use's form, in the document's arena (the mention's own
 * fold or skeleton when the form is its whole surface and it was keyed
 * with flags 0); *keyed tells whether the form has a key (not empty, not
 * too long). Returns false only when out of memory (doc->status is then
 * FL_ENOMEM). Inline: most uses take their mention's own key. */
static inline bool
fl_name_use_set_key(fl_doc *doc, fl_name_use *use,
                    size_t (*key_of)(const char *, size_t, unsigned, char *, size_t), bool *keyed)
{
    /* A use that is its mention's whole surface has the mention's own key
     * (the surface holds no NUL, or form_len would be shorter). */
    if (use->mention != FL_NAME_NO_MENTION && use->mention < doc->mentions.count) {
        const fl_mention *m = FL_DOC_MENTION(doc, use->mention);
        const char *own = key_of == fl_fold ? m->fold : key_of == fl_skeleton ? m->skeleton : NULL;
        if (use->form == m->surface && !use->suffix[0] &&
            fl_name_use_own_key(m, use, own, key_of == fl_fold, keyed))
            return true;
    }
    return fl_name_use_make_key(doc, use, key_of, keyed);
}

/* The 1-based source line where a use starts (computed when a message
 * needs it, not for every mention). */
size_t fl_name_use_line(const fl_doc *doc, const fl_name_use *use);

/* A set of distinct keys, each with a dense id in the order they were
 * added; a hash table in doc's arena (no free). */
typedef struct fl_name_keys {
    uint32_t *slots; /* id + 1; 0: empty */
    size_t cap;
    const char **keys; /* by id, NUL-terminated */
    size_t *lens;
    uint64_t *hashes;
    size_t count;
} fl_name_keys;

/* fl_name_keys_find's answer for a key not in the set, and
 * fl_name_keys_add's when out of memory. */
#define FL_NAME_NO_KEY ((size_t)-1)

/* Prepares an empty set; false when out of memory (doc->status is then
 * FL_ENOMEM, as for fl_name_keys_add). */
bool fl_name_keys_init(fl_doc *doc, fl_name_keys *set);
/* The same, with room for `expected` keys before it grows. */
bool fl_name_keys_init_for(fl_doc *doc, fl_name_keys *set, size_t expected);
/* Prepares set as a copy of `from` (its keys with the same ids and
 * hashes, the strings shared), with room for `expected` keys in all
 * before it grows; false when out of memory. */
bool fl_name_keys_init_copy(fl_doc *doc, fl_name_keys *set, const fl_name_keys *from,
                            size_t expected);
/* The id of s[0..len), or FL_NAME_NO_KEY. */
size_t fl_name_keys_find(const fl_name_keys *set, const char *s, size_t len);
/* The id of s[0..len), added when new: copied into the arena when `copy`,
 * else s itself is kept (then outliving the set, and NUL-terminated at len
 * if fl_name_keys_ranks is to order it). */
size_t fl_name_keys_add(fl_doc *doc, fl_name_keys *set, const char *s, size_t len, bool copy);
/* Fills rank[id] (set->count entries) with each key's place among the
 * keys in strcmp order; false when out of memory. */
bool fl_name_keys_ranks(fl_doc *doc, const fl_name_keys *set, size_t *rank);

/* Sorts uses by (key, form, offset, mention), for uses whose `group`
 * holds their key's rank (below nranks) among a set of keys in strcmp
 * order; equal keys become contiguous. Scratch lives in doc's arena;
 * returns false when out of memory (doc->status is then FL_ENOMEM). */
bool fl_name_uses_sort_ranked(fl_doc *doc, fl_name_use *uses, size_t count, size_t nranks);

/* A mention's offset and length (fl_mention.off and len, in that order
 * there too). */
typedef struct fl_name_span {
    uint32_t off, len;
} fl_name_span;

/* A code, name or acronym mention whose use was made (fl_name_folds.inited),
 * by its place: its offset, the first mention with its surface (its own
 * index when it is that one: fl_name_folds.same) and its index. */
typedef struct fl_name_entry {
    size_t off;
    uint32_t first, mention;
} fl_name_entry; /* 16 bytes */

/* A skeleton key (fl_skeleton, flags 0) made with a fold key: key NULL
 * when the form has none (empty or too long); the fold key itself when
 * the two are the same bytes. */
typedef struct fl_name_skel {
    const char *key;
    size_t len;
} fl_name_skel;

/* The fold-keyed uses of a document's mentions (codes, names, acronyms),
 * made once and shared by name-casing and name-spelling, and by
 * name-variant for the uses themselves (doc->name_folds; remade when the
 * mentions changed). */
typedef struct fl_name_folds {
    const void *mentions; /* doc->mentions.items and count when made */
    size_t mention_count;
    /* by mention: fl_name_use_init and the fold key (key NULL: none),
     * `group` the key's id in set; written only for a code, name or
     * acronym that is its own `same` (a later one's is that one's:
     * fl_name_folds_use) */
    fl_name_use *uses;
    /* by mention: fl_name_use_init succeeded (false for the kinds not
     * keyed here) */
    bool *inited;
    /* by mention of a code, name or acronym (the others' are not
     * written): the first mention with the same surface, keys, length and
     * code-ness (one memo entry in mentions.c), whose use this one's is
     * but for its place (mention, sentence, off); itself when none (32
     * bits, as fl_name_use.mention: half the cache lines to read) */
    uint32_t *same;
    fl_name_keys set; /* the fold keys */
    size_t named;     /* the mentions of those kinds */
    size_t codes;     /* of them, the codes */
    /* by mention: its kind (the index by kind's bytes, context.h), to
     * tell the kinds keyed here (FL_M_CODE to FL_M_ACRONYM) without
     * reading the mentions */
    const unsigned char *kinds;
    /* by mention of a code, name or acronym (the others' are not
     * written): its offset and length, taken while the mention is read
     * here, so that the checks after need not read the mention (some 72
     * bytes, out of the cache by then) for them */
    const fl_name_span *spans;
    /* the mentions whose use was made (inited), in mention order, then
     * one at offset SIZE_MAX (past any token), made in the walk that finds
     * `same`: name-variant's index of the mentions by offset (its uses are
     * those of the first mentions, firsts) without a walk over every
     * mention of its own; entries_unsorted when an entry starts before
     * the one before it (mentions not made by the mention pass) */
    const fl_name_entry *entries;
    size_t nentries;
    bool entries_unsorted;
    /* of those, the first mentions of their surfaces (same[i] == i), in
     * mention order */
    const uint32_t *firsts;
    size_t nfirsts;
    /* by first mention of a surface whose use's fold key was made (not
     * the mention's own fold: a possessive or plural cut, or a code), of
     * a mention with its own fold and skeleton: the skeleton key of the
     * use's form, made in the same pass (fl_fold_skeleton), for
     * name-variant (the others' are not written) */
    const fl_name_skel *skels;
    /* whether some sentence of the document is all caps: -1 until a
     * check that walks every sentence (name-variant) notes it for the
     * checks after */
    signed char caps_sentence;
    /* made from the mention pass's list (fl_named_list): then a mention
     * and its `same` have one key memo entry, which mentions.c keys by
     * the prose bytes themselves, so their texts at their spans are
     * the same bytes */
    bool listed;
    /* the arena block holding the uses, this struct and the arrays by
     * mention (fl_name_folds_drop gives it back) */
    void *block;
} fl_name_folds;

/* The document's fold-keyed uses, made on first call; NULL when out of
 * memory (doc->status is then FL_ENOMEM). */
fl_name_folds *fl_name_folds_get(fl_doc *doc);
/* (fl_name_folds_drop, internal.h, frees them) */

/* Mention i's shared use (i a code, name or acronym; its fields but for
 * the place are those of the first mention with its surface, f->same[i]):
 * that one's own when i is that mention, else a copy in *tmp with i's
 * place (when inited). */
static inline const fl_name_use *fl_name_folds_use(const fl_doc *doc, const fl_name_folds *f,
                                                   size_t i, fl_name_use *tmp)
{
    size_t j = f->same[i];
    if (j == i)
        return &f->uses[i];
    *tmp = f->uses[j];
    if (f->inited[i]) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        tmp->mention = (uint32_t)i;
        tmp->sentence = (uint32_t)m->sentence;
        tmp->off = m->off;
    }
    return tmp;
}
/* Puts one key's uses[0..n) in the order fl_name_uses_sort_ranked gives
 * them within a key (form, offset, mention). False only when out of
 * memory (doc->status is then FL_ENOMEM). */
bool fl_name_uses_sort_group(fl_doc *doc, fl_name_use *uses, size_t n);

/* The groups a check compares, the keys written in more than one form, in
 * two steps, so that a check can add between them uses of the keys found
 * that bring no new form (more mentions of a surface already among them).
 * First, for uses whose `group` holds the id of their key in `set`: by
 * key id (set->count of them), whether its uses hold more than one form;
 * *any tells how many keys do. NULL when out of memory (doc->status is
 * then FL_ENOMEM). */
bool *fl_name_uses_several(fl_doc *doc, const fl_name_use *uses, size_t count,
                           const fl_name_keys *set, size_t *any);
/* Then: keeps only the uses whose key `several` marks, in place, and
 * sorts them as fl_name_uses_sort_ranked does (each kept use's `group`
 * its key's rank among the kept keys). Returns how many were kept, or
 * FL_NAME_NO_KEY when out of memory (doc->status is then FL_ENOMEM).
 * Linear in count: the keys written one way, most of a document's, are
 * never sorted. */
size_t fl_name_uses_keep_marked(fl_doc *doc, fl_name_use *uses, size_t count,
                                const fl_name_keys *set, const bool *several);

/* The end of the run of sorted uses[r..count) that share uses[r]'s key
 * (its group); *several tells whether the run holds more than one form. */
size_t fl_name_uses_run(const fl_name_use *uses, size_t count, size_t r, bool *several);

/* Splits uses[0..count) (one key, sorted) into exact forms; returns the
 * number of forms, stored in the arena at *forms (NULL on no memory).
 * A span listed twice (a mention of two kinds) counts once. Lexicon
 * status is filled from doc->lexicon. */
size_t fl_name_forms(fl_doc *doc, fl_name_use *uses, size_t count, fl_name_form **forms);

/* 1 when `form` is a canonical form or alias in the lexicon exactly as
 * written, -1 when it is a known misspelling, 0 otherwise. */
int fl_blame_lexicon_status(const fl_doc *doc, const char *form, size_t len);

/* Chooses the right form among n (n >= 1): the only lexicon form, then the
 * only form fitting the family shape, then the most frequent, then the one
 * used first. */
size_t fl_blame_pick(const fl_name_form *forms, size_t n, fl_blame_reason *reason);

/* "line 4, 2 times" or "line 4" for a form's first use and count. */
const char *fl_blame_where(fl_doc *doc, const fl_name_form *form);
/* "3 times" or "once". */
const char *fl_blame_times(fl_doc *doc, size_t count);
/* " (the lexicon's form)", " (the more frequent form)", ... */
const char *fl_blame_reason_text(fl_doc *doc, fl_blame_reason reason, const fl_name_form *right);

/* Adds one finding for each use of `wrong`, suggesting `right` (plus the
 * use's plural suffix), with related spans at right's first uses (none
 * when right has no uses, as for a form only the lexicon knows). */
void fl_blame_report(fl_doc *doc, const char *rule, fl_severity severity, const fl_name_form *wrong,
                     const char *right_text, const fl_name_form *right, const char *message);

/* True when the mention starts its sentence (after opening punctuation). */
bool fl_name_sentence_initial(const fl_doc *doc, const fl_mention *m);

#endif

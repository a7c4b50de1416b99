/*
 * context.h - helpers shared by the contradiction checks (entity-sibling,
 * fact-number, fact-date, fact-age, fact-title, acronym-expansion): do two
 * sentences talk about the same thing, does a sentence mark a contrast or a
 * change over time, where is a mention in the source, and a small set of
 * words in the document's arena. Nothing here keeps global mutable state.
 */
#ifndef FL_CHECKS_CONTEXT_H
#define FL_CHECKS_CONTEXT_H

#include "../internal.h"

/* ------------------------------------------------------ small helpers */

/* Marks the document out of memory (keeps an earlier error). */
static inline void fl_ctx_oom(fl_doc *doc)
{
    if (doc->status == FL_OK)
        doc->status = FL_ENOMEM;
}

/* ASCII lower case of c; other bytes are returned as they are. */
static inline char fl_ctx_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* ------------------------------------------------------------ word sets */

/* A set of NUL-terminated words (pointers are kept, not copied; they must
 * live as long as the set, as the context words of a document do). Lives in
 * the document's arena; no free. */
typedef struct fl_wordset {
    const char **slots;
    size_t cap, count;
    fl_arena *arena;
} fl_wordset;

/* Prepares an empty set; returns false when out of memory. */
bool fl_wordset_init(fl_wordset *set, fl_arena *arena, size_t expected);
/* Adds a word; returns false when out of memory. */
bool fl_wordset_add(fl_wordset *set, const char *word);
bool fl_wordset_has(const fl_wordset *set, const char *word);

/* --------------------------------------------------- sentence contexts */

/* Flags for the overlap helpers. */
#define FL_CTX_SKIP_DIGITS 0x1u /* ignore context words holding a digit (codes, years) */

/* Sentence s of doc with its context words made (fl_sentence_context, on
 * first use). Out of memory, doc->status is set and it has none. */
const fl_sentence *fl_ctx_sentence(fl_doc *doc, size_t s);

/* How many context words of sentences a and b are shared (a merge of the
 * two sorted lists; linear). */
size_t fl_ctx_shared(fl_doc *doc, size_t a, size_t b, unsigned flags);

/* Whether sentences a and b share at least `enough` context words
 * (fl_ctx_shared, stopped once there are enough). */
bool fl_ctx_shares(fl_doc *doc, size_t a, size_t b, unsigned flags, size_t enough);

/* How many context words of sentence s are in `set`. */
size_t fl_ctx_shared_with_set(fl_doc *doc, size_t s, const fl_wordset *set, unsigned flags);

/* Adds every context word of sentence s to the set; false when out of
 * memory. */
bool fl_ctx_add_to_set(fl_wordset *set, fl_doc *doc, size_t s, unsigned flags);

/* --------------------------------------------------------- cue phrases */

/* Phrase lists are NULL-terminated arrays of lower-case ASCII phrases.
 * Words in a phrase are separated by one space; a word ending in '*' matches
 * any word starting with the rest ("increas*"); a lone "..." matches up to
 * six words ("from ... to"). Matching is case-insensitive on word
 * boundaries, and any run of spaces or line breaks matches one space.
 * The functions taking a list and a document keep the set made from it in
 * the document's workspace: such a list must be a static array. */

/* Words that mark a deliberate comparison of two things (than, versus,
 * unlike, compared with, successor, predecessor, replaced, ...). */
extern const char *const fl_ctx_contrast_phrases[];
/* Words that mark a change of a value over time (rose, fell, from ... to,
 * up from, last year, previously, initially, revised, ...). */
extern const char *const fl_ctx_change_phrases[];
/* Words that qualify a number as approximate (about, around, nearly, ...). */
extern const char *const fl_ctx_approx_phrases[];

/* A phrase list indexed by first letter, so that a word is tried only
 * against the phrases that can start there; a list longer than
 * FL_CTX_INDEX_CAP is read whole each time. Made by fl_ctx_phrases_init,
 * or once per workspace by fl_ctx_phrases_get. */
enum { FL_CTX_INDEX_CAP = 256 };
typedef struct fl_ctx_phrases {
    const char *const *list;
    bool indexed;
    uint16_t head[27]; /* per first letter a-z, then any other byte: index + 1 */
    uint16_t next[FL_CTX_INDEX_CAP];
    /* the same phrases chained by first letter and second byte of their
     * first word (head2[first][second]: a-z, 26 any other byte, 27 a word
     * of one byte), or in any2[first] when that word does not fix its
     * second byte (a gap, a space, a prefix of one letter); read by
     * fl_ctx_text_has_in */
    uint16_t head2[27][28];
    uint16_t any2[27];
    uint16_t next2[FL_CTX_INDEX_CAP];
    uint8_t first_len[FL_CTX_INDEX_CAP]; /* its first word's length; 0: not checked alone */
    uint8_t words[FL_CTX_INDEX_CAP];     /* its words (at most 255); 0: a gap, any number */
    unsigned word_counts; /* bit k: a phrase of k words (k < 32); bit 0: one of any number */
    /* the last words of the phrases: per first letter (a-z, then any
     * other byte) the lengths they can have (bit 63: 63 or more), so that
     * fl_ctx_before_which turns most words away at once */
    uint64_t last_len[27];
    /* per first letter, the lengths of the first words (all bits when a
     * phrase there starts with a space or a gap) */
    uint64_t first_lens[27];
    bool last_any; /* a phrase whose last word is not checked so */
} fl_ctx_phrases;

void fl_ctx_phrases_init(fl_ctx_phrases *set, const char *const *phrases);

/* The set made from a list once per workspace (doc->ws) and kept there
 * for later documents, so the list must be a static array; without a
 * workspace (or out of memory) it is made in *local. */
const fl_ctx_phrases *fl_ctx_phrases_get(const fl_doc *doc, const char *const *phrases,
                                         fl_ctx_phrases *local);

/* Data made from a static list (a word list's index, say) once per
 * workspace and kept there for later documents, found by the list's
 * address and the maker: `size` bytes that make(data, list) fills. Without
 * a workspace (or out of memory) make fills *local (`size` bytes), which
 * is returned. */
typedef void (*fl_ctx_list_maker)(void *data, const void *list);
const void *fl_ctx_list_data(const fl_doc *doc, const void *list, size_t size,
                             fl_ctx_list_maker make, void *local);

/* A slot of doc's workspace where a check keeps one malloc'd block across
 * documents (freed with the workspace), by id; NULL without a workspace
 * or memory. What the block holds must not depend on which documents the
 * workspace saw before (a memo of a pure function, say). */
enum { FL_CTX_MEMO_NAME_NEAR, FL_CTX_MEMO_TITLE_ROLE, FL_CTX_MEMO_NUMBER_STEMS, FL_CTX_MEMO_COUNT };
void **fl_ctx_ws_memo(const fl_doc *doc, unsigned id);

/* Whether text[0..len) holds one of the phrases; when `where` is not NULL,
 * stores the offset (in text) of the first match. */
bool fl_ctx_text_has(const char *text, size_t len, const char *const *phrases, size_t *where);
bool fl_ctx_text_has_in(const char *text, size_t len, const fl_ctx_phrases *set, size_t *where);

/* Whether sentence i holds one of the phrases. */
bool fl_ctx_sentence_has(const fl_doc *doc, size_t sentence, const char *const *phrases);
bool fl_ctx_sentence_has_in(const fl_doc *doc, size_t sentence, const fl_ctx_phrases *set);

/* Whether the `words` words right before prose offset `off` (inside the
 * sentence starting at `floor`) end with one of the phrases, e.g. "about"
 * before "$500 billion". */
bool fl_ctx_before_has(const fl_doc *doc, size_t floor, size_t off, const char *const *phrases);
/* The first of sets[0..n) that fl_ctx_before_has would find before off,
 * or n when none. */
size_t fl_ctx_before_which(const fl_doc *doc, size_t floor, size_t off,
                           const fl_ctx_phrases *const *sets, size_t n);

/* Whether the words around the prose span [off, off+len) - up to `before`
 * words before it and `after` words after it, inside its sentence - hold
 * one of the phrases (the span itself included). */
bool fl_ctx_window_has(const fl_doc *doc, size_t off, size_t len, size_t before, size_t after,
                       const char *const *phrases);
/* fl_ctx_window_has with a phrase set made already, told the sentence that
 * likely holds off (a mention's; SIZE_MAX: none): when it is the one, it
 * is not searched for. */
bool fl_ctx_window_has_near(const fl_doc *doc, size_t sentence, size_t off, size_t len,
                            size_t before, size_t after, const fl_ctx_phrases *set);

/* ------------------------------------------------------ mentions by kind */

/* The mentions whose kind is in kind_mask (bit 1u << kind), in document
 * order: their indices in *out, their count returned. One pass over the
 * mentions per document makes an index by kind (kept in
 * doc->mention_kinds, made again if the mentions change); a single kind is
 * read from it in place (and so are money, quantities and percents
 * together), other sets are merged into the arena. On running
 * out of memory: 0, *out NULL and doc->status set. */
size_t fl_ctx_mentions_of_made(fl_doc *doc, unsigned kind_mask, const uint32_t **out);

/* The index by kind (doc->mention_kinds): the mentions by bucket, each
 * kind's own but the amounts' kinds (FL_CTX_KINDS_SHARED), which share one
 * run (in document order) */
#define FL_CTX_KINDS_SHARED (1u << FL_M_MONEY | 1u << FL_M_QUANTITY | 1u << FL_M_PERCENT)
typedef struct fl_ctx_kinds {
    const void *items; /* the mentions it was made for */
    size_t count;
    size_t start[FL_M_KIND_COUNT + 1]; /* bucket b: index[start[b]..start[b + 1]) */
    uint32_t *index;                   /* (mention indexes: below FL_MENTION_PROSE_MAX) */
    unsigned char *kinds;              /* per mention */
} fl_ctx_kinds;

/* Whether the mentions of kind_mask are one run of the index: a single
 * unshared kind, or the shared ones together. */
static inline bool fl_ctx_kinds_one_run(unsigned kind_mask)
{
    return (kind_mask && !(kind_mask & (kind_mask - 1)) && kind_mask < 1u << FL_M_KIND_COUNT &&
            !(kind_mask & FL_CTX_KINDS_SHARED)) ||
           kind_mask == FL_CTX_KINDS_SHARED;
}

/* One run, once the index is made, is read in place without a call (the
 * checks ask with constant masks, so the tests fold); the rest is
 * fl_ctx_mentions_of_made. */
static inline size_t fl_ctx_mentions_of(fl_doc *doc, unsigned kind_mask, const uint32_t **out)
{
    const fl_ctx_kinds *mk = doc->mention_kinds;
    if (fl_ctx_kinds_one_run(kind_mask) && mk && mk->items == doc->mentions.items &&
        mk->count == doc->mentions.count) {
        size_t b = (size_t)__builtin_ctz(kind_mask);
        *out = mk->index + mk->start[b];
        return mk->start[b + 1] - mk->start[b];
    }
    return fl_ctx_mentions_of_made(doc, kind_mask, out);
}

/* ------------------------------------------------------------ positions */

/* The 1-based source line of a prose offset. */
size_t fl_ctx_line(const fl_doc *doc, size_t prose_off);

/* Classes of bytes (bits of fl_ctx_byte_class): word bytes (ASCII
 * letters, digits, and any byte of a multi-byte UTF-8 sequence), white
 * space (space, tab, CR, LF), and clause breaks (, ; : ( ) . ! ? "). */
enum { FL_CTX_BYTE_WORD = 1, FL_CTX_BYTE_SPACE = 2, FL_CTX_BYTE_BREAK = 4 };
extern const unsigned char fl_ctx_byte_class[256];

/* True when byte c may be part of a word (ASCII letters, digits, or any
 * byte of a multi-byte UTF-8 sequence). */
static inline bool fl_ctx_word_byte(unsigned char c)
{
    return fl_ctx_byte_class[c] & FL_CTX_BYTE_WORD;
}

#endif

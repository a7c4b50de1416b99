/*
 * internal.h - the document model shared by the pipeline stages inside
 * libfactlint. Not installed.
 *
 * One document run owns one arena; everything reached from an fl_doc is
 * allocated there and freed at once by fl_doc_free.
 */
#ifndef FL_INTERNAL_H
#define FL_INTERNAL_H

#include "factlint.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ----------------------------------------------------------------- arena */

typedef struct fl_arena fl_arena;

fl_arena *fl_arena_new(void);
/* An arena in one allocation with its first block of about `first` bytes
 * (clamped to a sane range): for a run whose need can be told ahead. */
fl_arena *fl_arena_new_sized(size_t first);
/* As fl_arena_new_sized, in `arena` (taken; NULL for none) when it came
 * from fl_arena_new_sized and its first block is large enough: everything
 * in it is given up, and its other blocks freed. */
fl_arena *fl_arena_renew_sized(fl_arena *arena, size_t first);
void fl_arena_free(fl_arena *arena);
/* Returns 8-byte aligned zeroed memory, or NULL when out of memory. */
void *fl_arena_alloc(fl_arena *arena, size_t size);
/* As fl_arena_alloc, but the memory is not zeroed: for callers that write
 * every byte they later read. */
void *fl_arena_alloc_uninit(fl_arena *arena, size_t size);
/* Hands `block` (from malloc) to the arena, which frees it when it is
 * freed or renewed; false (the block still the caller's) when out of
 * memory. For a large array made outside the arena that the document
 * keeps, so that it need not be copied in. */
bool fl_arena_keep(fl_arena *arena, void *block);
/* Frees p, a request of 256 KiB or more (FL_ARENA_BIG, arena.c: such a
 * request has a block of its own) that nothing reads any more, before the
 * arena is freed: its pages go back to the system, and a run's later
 * requests take those pages again rather than raise its peak. Any other
 * pointer of the arena (a smaller request) and NULL are left alone. Once
 * freed, p is not given again: its address may be a later block's. */
void fl_arena_release(fl_arena *arena, void *p);
/* The large scratch blocks of one run (a check's: fl_doc.scratch), noted
 * as they are made and given back together when it ends
 * (fl_scratch_release). */
enum { FL_SCRATCH_BLOCKS = 8 };
typedef struct fl_scratch {
    void *blocks[FL_SCRATCH_BLOCKS];
    size_t count;
} fl_scratch;
/* Notes p (NULL, and a block past the first FL_SCRATCH_BLOCKS, are not
 * noted: the latter stays in the arena) and returns it. A block noted
 * twice is freed once (no request is made between the two releases). */
static inline void *fl_scratch_note(fl_scratch *s, void *p)
{
    if (p && s->count < FL_SCRATCH_BLOCKS)
        s->blocks[s->count++] = p;
    return p;
}
/* fl_arena_release of every block noted, then none noted. */
void fl_scratch_release(fl_arena *arena, fl_scratch *s);
/* NUL-terminated copy of s[0..len). */
char *fl_arena_strndup(fl_arena *arena, const char *s, size_t len);
char *fl_arena_printf(fl_arena *arena, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *fl_arena_vprintf(fl_arena *arena, const char *fmt, va_list ap);

/* A growable array in the arena: `items` of `count` elements of `size`. */
typedef struct fl_vec {
    void *items;
    size_t count, cap, size;
} fl_vec;

void fl_vec_init(fl_vec *vec, size_t elem_size);
/* Appends one zeroed element and returns it, or NULL when out of memory. */
void *fl_vec_push(fl_arena *arena, fl_vec *vec);

/* ------------------------------------------------------------- the prose */

/* Prose handed from an extractor to the later stages. `text` is prose with
 * markup removed; plain text is its own prose (identity map). Markdown and
 * HTML extractors build a new buffer and a piece map back to the source:
 * piece i covers prose bytes [prose_off, next piece's prose_off) and starts
 * at source byte src_off; a piece with `verbatim` false (a decoded entity,
 * an inserted paragraph break) maps every byte to src_off with src_len. */
typedef struct fl_piece {
    size_t prose_off;
    size_t src_off;
    size_t src_len;
    bool verbatim;
} fl_piece;

typedef struct fl_prose {
    const char *text; /* NUL-terminated at len (fill_word_ends reads text[len]) */
    size_t len;
    fl_piece *pieces; /* NULL: identity */
    size_t piece_count;
} fl_prose;

/* Maps a prose span to a source span. */
void fl_prose_to_source(const fl_prose *prose, size_t off, size_t len, size_t *src_off,
                        size_t *src_len);

/* ------------------------------------------------------- sentences, tokens */

typedef enum fl_token_kind {
    FL_TOK_WORD,   /* letters, maybe with digits, hyphens, apostrophes */
    FL_TOK_NUMBER, /* digits with , . separators */
    FL_TOK_PUNCT,
    FL_TOK_SYMBOL /* currency and other symbols */
} fl_token_kind;

typedef struct fl_token {
    /* in prose; 32 bits keep a token in 12 bytes (fl_segment refuses prose
     * over UINT32_MAX bytes with FL_ETOOBIG) */
    uint32_t off, len;
    uint8_t kind;         /* fl_token_kind */
    bool capitalized : 1; /* first letter upper case */
    bool all_caps : 1;    /* two or more letters, all upper case */
    bool abbrev : 1;      /* a WORD that is an abbreviation (it keeps its period) */
    uint8_t seg;          /* segment.c's marks while it runs (the gap before the token...) */
    uint8_t shape;        /* FL_TS_* bits, set by segment.c; 0 in a token made by hand */
} fl_token;
/* (a long document has some 0.2 tokens a byte: 12 bytes, not 16, take
 * about a sixth less of its memory; segment.c writes the last four bytes
 * as one, name-variant reads kind and shape as the third 32-bit word) */
_Static_assert(sizeof(fl_token) == 12 && offsetof(fl_token, kind) == 8 &&
                   offsetof(fl_token, seg) == 10 && offsetof(fl_token, shape) == 11,
               "fl_token: 12 bytes, kind, flags, seg and shape in the last four");

/* fl_token.shape: what the token's bytes hold, noted while the segmenter
 * scans them, so that the checks need not read them again. A token whose
 * shape lacks FL_TS_KNOWN (made by hand) has them from fl_token_shape. */
enum {
    FL_TS_KNOWN = 1,   /* the other bits are set */
    FL_TS_UPPER0 = 2,  /* the first byte is an ASCII capital */
    FL_TS_DIGIT = 4,   /* an ASCII digit */
    FL_TS_LETTER = 8,  /* an ASCII letter */
    FL_TS_HIGH = 16,   /* a byte past ASCII */
    FL_TS_HYPHEN = 32, /* an ASCII hyphen */
    FL_TS_CAMEL = 64   /* an ASCII small letter straight before an ASCII capital, noted
                          only with FL_TS_UPPER0 or FL_TS_DIGIT (where name-variant asks) */
};

/* The FL_TS_* bits of s[0..len) (segment.c). */
unsigned fl_token_shape(const char *s, size_t len);

typedef struct fl_sentence {
    /* in 32 bits, as a token's (fl_segment refuses prose over UINT32_MAX
     * bytes): 40 bytes a sentence, not 64 */
    uint32_t off, len;  /* in prose */
    uint32_t paragraph; /* index of the paragraph */
    uint32_t first_token, token_count;
    bool headline;   /* a paragraph of one sentence without final punctuation */
    bool all_caps;   /* most letters upper case */
    bool title_case; /* a heading with most words capitalized */
    /* stemmed content words, sorted, unique; made when first asked for
     * while context_lazy (fl_sentence_context) */
    bool context_lazy;
    uint32_t context_count;
    const char **context;
} fl_sentence;

/* -------------------------------------------------------------- mentions */

typedef enum fl_mention_kind {
    FL_M_CODE,
    FL_M_NAME,
    FL_M_ACRONYM,
    FL_M_ACRONYM_DEF,
    FL_M_MONEY,
    FL_M_QUANTITY,
    FL_M_PERCENT,
    FL_M_DATE,
    FL_M_AGE,
    FL_M_TITLE,
    FL_M_KIND_COUNT
} fl_mention_kind;

const char *fl_mention_kind_name(fl_mention_kind kind);

typedef enum fl_date_precision {
    FL_DATE_YEAR = 1,
    FL_DATE_MONTH = 2,
    FL_DATE_DAY = 3
} fl_date_precision;

typedef struct fl_mention {
    /* the fields every check reads first, in the first 64 bytes; offsets,
     * lengths and indexes in 32 bits (fl_find_mentions refuses prose of
     * FL_MENTION_PROSE_MAX bytes or more) */
    const char *surface; /* NUL-terminated copy of the mention's text */
    const char *fold;
    const char *skeleton;
    const char *family; /* "" when none */
    uint32_t off, len;  /* in prose; the whole mention */
    uint32_t sentence;
    uint8_t kind;      /* fl_mention_kind */
    int8_t weekday;    /* date: 0-6 (Sunday = 0) when stated, else -1 */
    uint8_t precision; /* date: fl_date_precision */
    int32_t person;    /* age, title: index of the name mention, or -1 */
    int32_t entity;    /* name: index of the mention it corefers with, or -1 */
    /* the rest of the typed value, by kind: the fields of kinds that never
     * meet share bytes (a new mention has them all zero), and a mention is
     * read only for those of its kind (72 bytes a mention, not 96) */
    union {
        double number; /* money (base units), quantity, percent, age */
        struct {
            int32_t year;       /* date: 0 when not stated */
            int16_t month, day; /* date: 0 when not stated */
        };
    };
    union {
        const char *unit;      /* quantity: unit noun (stemmed); title: role */
        const char *expansion; /* acronym-definition: the full name */
        char currency[4];      /* money: "USD", "GBP", "EUR", ... */
    };
} fl_mention;

/* A code, name or acronym among the mentions fl_find_mentions left in a
 * document (fl_named_list). Its surface is its len bytes of prose: no NUL
 * inside (the prose holds none). */
typedef struct fl_named_mention {
    uint32_t off, len; /* the mention's (in fl_mention's order) */
    uint32_t mention;  /* its index */
    /* its surface's id (mentions.c's key memo entry: one surface, fold,
     * skeleton, length and code-ness), an index into fl_named_list.first */
    uint32_t key;
} fl_named_mention;

/* The codes, names and acronyms among a document's mentions as
 * fl_find_mentions left them, found where it copies them into their
 * places, so that the name checks' shared uses (checks/blame.c) need no
 * walk over every mention nor a table of surfaces of their own. Made only
 * when the document had no mentions before fl_find_mentions (each of
 * those has an id of its own, however alike); `items` NULL when none was
 * made. */
typedef struct fl_named_list {
    const void *items; /* doc->mentions.items and count when made */
    size_t count;
    const fl_named_mention *list; /* in mention order */
    size_t n;
    /* by id: the first of the listed mentions with it */
    const uint32_t *first;
} fl_named_list;

/* Prose of this many bytes or more has no mentions found (fl_mention's
 * 32-bit offsets, signed 32-bit links). */
#define FL_MENTION_PROSE_MAX ((size_t)INT32_MAX)

/* ---------------------------------------------------------- the document */

typedef struct fl_lexicon fl_lexicon;
typedef struct fl_patterns fl_patterns;

typedef struct fl_finding_builder fl_finding_builder;

/* Scratch that a checker lends to one document run at a time (checker.c
 * keeps a mutex-protected pool of them, freed with the checker): the
 * Snowball stemmer, PCRE2 match data and the segmenter's stem cache that
 * persists across documents. A workspace is never used by two runs at
 * once, so the checker itself stays immutable and shareable. doc->ws is
 * NULL in a document built by hand; the stages then make their own. */
typedef struct fl_stem_cache fl_stem_cache;
typedef struct fl_workspace {
    struct sb_stemmer *stemmer;
    void *match_data;          /* pcre2_match_data *, 16 pairs */
    fl_stem_cache *stems;      /* segment.c; created on first use */
    void *phrase_sets;         /* checks/context.c: cue phrase sets by list; made on first use */
    struct fl_workspace *next; /* the pool's free list */
} fl_workspace;

fl_workspace *fl_workspace_new(void);
void fl_workspace_free(fl_workspace *ws);
/* segment.c */
void fl_stem_cache_free(fl_stem_cache *cache);
/* checks/context.c: frees a workspace's phrase_sets (NULL is fine) */
void fl_ctx_phrase_sets_free(void *sets);

typedef struct fl_doc {
    fl_arena *arena;
    const fl_source *src;
    fl_prose prose;
    fl_vec sentences; /* fl_sentence */
    fl_vec tokens;    /* fl_token */
    fl_vec mentions;  /* fl_mention */
    fl_vec findings;  /* fl_finding (public struct), spans in source */
    const fl_lexicon *lexicon;
    const fl_patterns *patterns;
    size_t max_mentions;
    fl_status status; /* first error met, FL_OK otherwise */
    /* inline suppressions found by the extractors (suppress.h) */
    fl_vec directives; /* fl_directive */
    bool front_matter; /* Markdown: check front matter title/description */
    fl_workspace *ws;  /* lent by the checker for this run, or NULL */
    void *name_folds;  /* checks/blame.c: name uses shared by the name checks */
    /* checks/context.c: mention indices by kind (fl_ctx_mentions_of) */
    void *mention_kinds;
    /* mentions.c: the codes, names and acronyms fl_find_mentions left */
    fl_named_list named;
    /* the running check's large scratch blocks (fl_scratch_note): the
     * checker frees them when it ends, so that the checks after it take
     * their pages (fact-number's amounts are tens of megabytes in a long
     * document) */
    fl_scratch scratch;
    /* the fl_result holding this doc lies in its arena (fl_check), and is
     * freed with it; else it is an allocation of its own */
    bool result_in_arena;
} fl_doc;

/* A document's result is its run: findings live in the run's arena. */
struct fl_result {
    fl_doc doc;
};

#define FL_DOC_SENTENCE(doc, i) (&((fl_sentence *)(doc)->sentences.items)[i])
#define FL_DOC_TOKEN(doc, i) (&((fl_token *)(doc)->tokens.items)[i])
#define FL_DOC_MENTION(doc, i) (&((fl_mention *)(doc)->mentions.items)[i])

/* ------------------------------------------------------------ the stages */

/* Extractors fill doc->prose from doc->src. */
fl_status fl_extract_text(fl_doc *doc);
fl_status fl_extract_markdown(fl_doc *doc);
fl_status fl_extract_html(fl_doc *doc);

/* Splits doc->prose into sentences and tokens and sets the sentences'
 * flags; their context words are made on first use (fl_sentence_context),
 * or at once for a document without a workspace.
 * Token and sentence rules (abbreviations keep their period: "U.S.",
 * "Mr.", "J."; "4.5bn" is one NUMBER) are stated at the top of segment.c. */
fl_status fl_segment(fl_doc *doc);

/* Makes the context words of sentence `index` (fl_sentence.context) when
 * they are not made yet; FL_ENOMEM when out of memory (then none). */
fl_status fl_sentence_context(fl_doc *doc, size_t index);

/* The Snowball English stem of the lower-cased word[0..len)
 * from the workspace's stem cache (doc->ws; stemmed on first sight, shared
 * with the segmenter); *stop is true for a stopword (then *stem is NULL).
 * Dotted forms ("u.s", "amazon.com") are their own stem. *stem is
 * NUL-terminated and stays valid until the next stemming on the same
 * workspace: copy it to keep it. Without a workspace the stem is copied
 * into doc's arena. False when out of memory. */
bool fl_ws_stem(fl_doc *doc, const char *word, size_t len, bool *stop, const char **stem,
                size_t *stem_len);

/* The Snowball English stem of the lower-cased word w[0..n) as segment.c
 * makes it without libstemmer (its plain-stem and english_stem paths) into
 * out (room for n bytes): its length, or 0 when the segmenter asks
 * libstemmer or keeps the word (a byte past ASCII, a period, n > 255, or
 * a byte english_stem does not take). For the tests, which hold it to
 * libstemmer. */
size_t fl_stem_without_libstemmer(const char *w, size_t n, char *out);

/* Common English function words (stopwords.c), lower case with ' as the
 * apostrophe, sorted by strcmp. fl_is_stopword looks up s[0..len). */
extern const char *const fl_stopwords[];
extern const size_t fl_stopword_count;
bool fl_is_stopword(const char *s, size_t len);

/* Finds mentions of every kind in doc's sentences. */
fl_status fl_find_mentions(fl_doc *doc);

/* The typed value of a mention as text ("USD 500000000"), in the arena. */
const char *fl_mention_value_string(fl_doc *doc, const fl_mention *m);

/* Shared compiled patterns (PCRE2 with JIT), created once per checker and
 * read-only afterwards; per-document match data lives in the document. */
fl_status fl_patterns_new(fl_patterns **out, fl_error *err);
void fl_patterns_free(fl_patterns *patterns);
/* The source text of built-in pattern `id` (an fl_re_id, mentions.h), or
 * NULL when there is none; static storage. For the tests that check what
 * the prefilters assume of the patterns. */
const char *fl_pattern_source(int id);

/* A lexicon: the one compiled into the library (when builtin) plus the
 * files named in paths, in order. Lookups are declared in lexicon.h. */
fl_status fl_lexicon_build(bool builtin, const char *const *paths, size_t path_count,
                           fl_lexicon **out, fl_error *err);
void fl_lexicon_free(fl_lexicon *lexicon);
/* Whether some form fl_lexicon_near can find folds (fl_fold, flags 0) to
 * `nwords` words (2 to 8; split at spaces and hyphens) with word[0..len)
 * the one at `pos`; true also on a rare hash collision, never false for
 * such a form: a cheap test before a near lookup that needs words in
 * place. */
bool fl_lexicon_near_word(const fl_lexicon *lex, size_t nwords, size_t pos, const char *word,
                          size_t len);

/* --------------------------------------------------------------- findings */

/* Adds a finding at a prose span. `message` and `suggestion` are copied;
 * related spans (prose offsets) are given as pairs in rel_off/rel_len.
 * The fingerprint is derived from rule, the flagged text, the related
 * texts and the sentence. Returns NULL when out of memory. */
fl_finding *fl_doc_add_finding(fl_doc *doc, const char *rule, fl_severity severity, size_t off,
                               size_t len, const char *message, const char *suggestion,
                               const size_t *rel_off, const size_t *rel_len, size_t rel_count);

/* --------------------------------------------------------------- checks */

typedef struct fl_check_def {
    fl_rule_info info;
    void (*run)(fl_doc *doc);
    /* it reads the name checks' shared uses (fl_name_folds_get): they
     * are freed after the last such check of a run (fl_name_folds_drop) */
    bool name_folds;
} fl_check_def;

/* Frees the document's fold-keyed uses (doc->name_folds, checks/blame.c),
 * when made: their block and their key set's tables (fl_arena_release),
 * for the checks that read none of them (a later fl_name_folds_get makes
 * them again). Nothing may keep a pointer into them: a check's findings
 * hold copies of its texts. */
void fl_name_folds_drop(fl_doc *doc);

extern const fl_check_def *const fl_checks[];
extern const size_t fl_check_count;

/* ---------------------------------------------------------------- reports */

/* One output format. Each src/report_<name>.c defines one of these. */
typedef struct fl_formatter {
    const char *name;
    /* called once before the first file */
    void (*begin)(fl_report *report);
    void (*file)(fl_report *report, const char *path, const fl_source *src, const fl_result *result,
                 const fl_error *err);
    void (*finish)(fl_report *report);
} fl_formatter;

struct fl_report {
    const fl_formatter *fmt;
    FILE *out, *diag;
    unsigned flags;
    size_t files; /* files reported so far */
    void *state;  /* the formatter's own */
};

/* ----------------------------------------------------------------- misc */

/* Decodes one UTF-8 code point at s[i] (input assumed valid); returns its
 * length in bytes (1 for an invalid byte, which decodes to U+FFFD). */
size_t fl_utf8_decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp);

/* normalize.c: fl_fold into fold (its length in *fold_len) and
 * fl_skeleton into skel (returned), as the two calls would give them, in
 * one pass when s is ASCII. */
size_t fl_fold_skeleton(const char *s, size_t len, unsigned flags, char *fold, size_t fold_cap,
                        size_t *fold_len, char *skel, size_t skel_cap);

/* normalize.c: the look-alike table behind fl_skeleton, sorted by `from`
 * (for tests). `to` is the representative; `why` is NULL for pairs that
 * are confusable in Unicode's UTS #39 confusables.txt, else why the pair is
 * in (digit/letter OCR and typing confusions). */
typedef struct fl_lookalike {
    uint32_t from, to;
    const char *why;
} fl_lookalike;
const fl_lookalike *fl_lookalike_table(size_t *count);

/* 64-bit FNV-1a. */
uint64_t fl_hash64(const void *data, size_t len, uint64_t seed);

/* Whether fl_role_text's table of role forms is sorted, as its binary
 * search needs (mentions_title.c; for the tests). */
bool fl_role_canon_sorted(void);
/* Whether the role-ending words are sorted, 2 to 14 letters long, and
 * indexed by first letter as role_last_word's scan needs (mentions_title.c;
 * for the tests). */
bool fl_role_last_words_indexed(void);
/* Whether mentions_title.c's role alternatives are indexed by their
 * first letters (a test checks). */
bool fl_role_alternatives_indexed(void);
/* mentions_title.c, for the tests: FL_RE_TITLE_PRE (or, when post,
 * FL_RE_TITLE_POST at a comma) read by hand at text[at] in a sentence
 * that is all of text[0..len), as fl_extract_titles reads it: whether its
 * prefilters let the position through (admitted), the hand matcher's
 * answer (1 a match, 0 none, -1 the pattern must decide) and, on a match,
 * its end and groups (the modifier at [mo, mo+ml) when has_mod, the role
 * at [ro, ro+rl)). Nothing is allocated. */
typedef struct fl_title_hand {
    int result;
    bool admitted, has_mod;
    size_t end, mo, ml, ro, rl;
} fl_title_hand;
void fl_title_by_hand(const fl_patterns *patterns, const char *text, size_t len, bool post,
                      size_t at, fl_title_hand *out);
/* mentions_title.c, for the tests: the words its hand matcher spells
 * out (which: 0 the roles, 1 FL_RE_TITLE_PRE's abbreviations, 2
 * FL_RE_TITLE_POST's, 3 the modifiers, 4 the words "justice" may not
 * come before); their count, the list in *words (static). */
size_t fl_title_hand_words(unsigned which, const char *const **words);
/* mentions_code.c, for the tests: the variants its hand reading of
 * FL_RE_CODE_HEADNUM, FL_RE_CODE_NAMENUM or FL_RE_CODE_NUMSUFFIX (id,
 * an fl_re_id) tries after the number, in order (a space for \s); their count, the
 * list in *words (static; NULL and 0 for another id). */
size_t fl_code_hand_words(int id, const char *const **words);
/* mentions_amount.c, for the tests: the currency codes its hand reading
 * of FL_RE_MONEY_CODE takes; their count, the list in *codes (static). */
size_t fl_money_hand_codes(const char (**codes)[4]);
/* mentions_date.c, for the tests: FL_RE_DATE_MDY, FL_RE_DATE_DMY,
 * FL_RE_AGE_YEAROLD, FL_RE_AGE_AGED or FL_RE_AGE_COMMA (id, an fl_re_id)
 * read by hand at text[at] in a sentence that is all of text[0..len), as
 * fl_extract_dates and fl_extract_ages read it: the hand reader's answer
 * (result: 1 a match, 0 none, -1 the pattern must decide), on a match its
 * end and what the extractor takes from the groups (a date's year, month,
 * day and weekday, -1 none; an age's years in year and its digits at
 * [go, go+gl)), and whether the extractor's tests before the reader let
 * the position through (admitted; for FL_RE_DATE_DMY at a weekday or a
 * day only). Nothing is allocated. */
typedef struct fl_date_hand {
    int result;
    bool admitted;
    size_t end, go, gl;
    int year, month, day, weekday;
} fl_date_hand;
void fl_date_by_hand(const char *text, size_t len, int id, size_t at, fl_date_hand *out);
/* mentions_date.c, for the tests: the weekdays and months its hand
 * readers spell, word i (an abbreviation without its dot) and its kind (0
 * a weekday, 1 a weekday's abbreviation, 2 a month, 3 a month's
 * abbreviation); false past the last. */
bool fl_date_hand_word(size_t i, const char **word, int *kind);
/* Whether the quantities' known units are in rows by first letter, each
 * sorted by length and indexed by it as known_unit's lookup needs
 * (mentions_amount.c; for the tests). */
bool fl_known_units_indexed(void);
/* Whether each label word before a number passes label_word's filter by
 * length and first letter (mentions_amount.c; for the tests). */
bool fl_label_shapes_ok(void);

#endif

/*
 * mentions.h - what the mention extractors share (not installed): the
 * compiled patterns, the per-document extraction context, number and word
 * helpers. fl_find_mentions (mentions.c) walks the sentences once and calls
 * each extractor per sentence in a fixed order; an extractor claims the
 * bytes it takes so that later kinds do not take them again.
 */
#ifndef FL_MENTIONS_H
#define FL_MENTIONS_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <string.h>

#include "bytes8.h"
#include "internal.h"

/* ------------------------------------------------------------- patterns */

/* Every pattern is compiled anchored: an extractor finds candidate
 * positions with a cheap byte scan and asks the pattern only there, so the
 * regex work per call is bounded by the text near the candidate. */
typedef enum fl_re_id {
    FL_RE_MONEY_SYM,      /* [US]$ 4.5bn, £600m, €3.2 million */
    FL_RE_MONEY_CODE,     /* USD 5 million */
    FL_RE_MONEY_TAIL,     /* after a number: [million] [US] dollars */
    FL_RE_PERCENT_TAIL,   /* after a number: %, percent, per cent, pc */
    FL_RE_DATE_MDY,       /* [Tuesday, ]March 5[, 2024], Mar. 5 */
    FL_RE_DATE_DMY,       /* [Tuesday ]5 March[ 2024] */
    FL_RE_DATE_MY,        /* January[ 2024] */
    FL_RE_DATE_ISO,       /* 2024-03-05 */
    FL_RE_YEAR,           /* 2024 (after a preposition) */
    FL_RE_WEEKDAY,        /* Tuesday */
    FL_RE_AGE_YEAROLD,    /* 62-year-old */
    FL_RE_AGE_AGED,       /* aged 62 */
    FL_RE_AGE_COMMA,      /* , 62, (after a name) */
    FL_RE_CODE_ALNUM,     /* H20, MI308, GPT-4o, F-35, COVID-19, 4G */
    FL_RE_CODE_HEADNUM,   /* RTX 4090, MAX 9 */
    FL_RE_CODE_NAMENUM,   /* iPhone 15 Pro, Section 230, Flight 370 */
    FL_RE_CODE_NUMSUFFIX, /* 737 MAX 8 */
    FL_RE_TITLE_PRE,      /* [former] President, CEO, Sen. before a name */
    FL_RE_HONORIFIC,      /* Mr., Mrs., Ms. before a name (claimed, no mention) */
    FL_RE_TITLE_POST,     /* , Nvidia's chief executive, */
    FL_RE_ACRONYM,        /* TSMC, U.S., EVs */
    FL_RE_COUNT
} fl_re_id;

pcre2_code *fl_patterns_code(const fl_patterns *patterns, fl_re_id id);
pcre2_match_context *fl_patterns_match_context(const fl_patterns *patterns);
/* Whether a whole word is a head word of FL_RE_CODE_NAMENUM ("Section",
 * "iPhone") or FL_RE_HONORIFIC ("Mr"): the patterns cannot match at a
 * word that is not (case as written). */
bool fl_namenum_head(const char *w, size_t len);
bool fl_honorific_word(const char *w, size_t len);

/* --------------------------------------------------------- word classes */

/* What the extractors need to know of a word from their lists. */
enum {
    FL_WC_COMMON = 1u << 0,    /* a function word or sentence starter */
    FL_WC_ROLE = 1u << 1,      /* may start a role ("chief", "former", "CEO") */
    FL_WC_PARTICLE = 1u << 2,  /* inside names ("von", "of"), only in lower case */
    FL_WC_CALENDAR = 1u << 3,  /* a month or weekday spelled out */
    FL_WC_REPORTING = 1u << 4, /* "said", "announced" */
};

enum { FL_WC_BITS = 5 };

/* The word lists as one open-addressing hash: each slot holds a word
 * lower-cased and zero-padded in two 64-bit halves (lo == 0: empty). A
 * filter by first two letters rules out most words before the hash. */
enum { FL_WORD_MAX = 16, FL_WORD_SLOTS = 1024 };
typedef struct fl_word_slot {
    uint64_t lo, hi;
    unsigned classes;
} fl_word_slot;
typedef struct fl_word_table {
    fl_word_slot slots[FL_WORD_SLOTS];
    /* per class bit, a filter of its words by length and first three
     * letters (fl_word_sketch): a clear bit rules a word out */
    uint64_t sketch[FL_WC_BITS][64];
    /* by a word's first two bytes in one index, the first (ASCII) | (the
     * second & 31) << 8 (the first again for a word of one byte), which a
     * little-endian two-byte load masked with 0x1F7F gives (fl_word_head):
     * what fill_words asks of the word in one load. Bit n (2 to 14) set
     * when a word of n bytes starting with them may be a role's first word
     * (FL_WC_ROLE, either case) or an honorific (Mr, Sir, Dame:
     * fl_honorific_word, 2 to 6 bytes), before the sketch, and for an
     * honorific its FL_HEAD_HONORIFIC bit too; FL_HEAD_DIGIT in the rows of
     * the digits; where a spelled number may start, one of
     * FL_HEAD_SPELLED, for the least length of the numbers spelled so (then
     * its third letter decides). A row is read masked with
     * fl_head_lengths() of the word's length. Zero for most words. */
    uint32_t head_pairs[0x2000];
} fl_word_table;

/* FL_HEAD_SPELLED3 << k (k 0 to 3): a spelled number of 3 + k bytes or
 * more may start here (one, four, three, eleven); FL_HEAD_SPELLED any. */
enum {
    FL_HEAD_DIGIT = 1u << 16,
    FL_HEAD_SPELLED3 = 1u << 17,
    FL_HEAD_SPELLED = 0xFu << 17,
    /* FL_HEAD_HONORIFIC2 << (n - 2): an honorific of n bytes (2 to 6)
     * starts so (besides bit n); FL_HEAD_HONORIFIC any */
    FL_HEAD_HONORIFIC2 = 1u << 21,
    FL_HEAD_HONORIFIC = 0x1Fu << 21,
};

/* The bits of a head_pairs row that a word of wl bytes keeps: its length's
 * (2 to 14) and its honorific's (2 to 6), FL_HEAD_DIGIT, and the spelled
 * numbers' as long as it or shorter (the letters of a spelled number are
 * the start of its word: a shorter word starts none; "two3" does). */
#define FL_HEAD_LENGTHS(wl)                                                                        \
    (((wl) >= 2 && (wl) <= 14 ? 1u << ((wl)&15) : 0u) |                                            \
     ((wl) >= 2 && (wl) <= 6 ? (unsigned)FL_HEAD_HONORIFIC2 << (((wl)-2) & 7) : 0u) |              \
     FL_HEAD_DIGIT |                                                                               \
     ((wl) >= 3 ? ((1u << (((wl) < 3   ? 3u                                                        \
                            : (wl) < 6 ? (unsigned)(wl)                                            \
                                       : 6u) -                                                     \
                           2u)) -                                                                  \
                   1u) *                                                                           \
                      FL_HEAD_SPELLED3                                                             \
                : 0u))
static inline uint32_t fl_head_lengths(size_t wl)
{
    return FL_HEAD_LENGTHS(wl);
}

/* The head_pairs row of the word at p (an ASCII first byte, a second one
 * that may be read): table->head_pairs in one load where it can be. */
static inline uint32_t fl_word_head(const fl_word_table *table, const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint16_t x;
    memcpy(&x, p, sizeof x);
    return table->head_pairs[x & 0x1F7Fu];
#else
    return table->head_pairs[(p[0] & 0x7Fu) | (p[1] & 31u) << 8];
#endif
}

/* The filter bit of a word: its length and bytes with ASCII capitals
 * lowered (other bytes only collide, which the hash sorts out): the
 * first four and the last four of a word of four bytes or more, in two
 * loads (overlapping in a short word), else its first, middle and last
 * byte (all of it). The last bytes part names from list words they share
 * a beginning with (Thomas, Wheeler, Chief). */
static inline unsigned fl_word_sketch(const char *w, size_t len)
{
    uint64_t y;
    if (len >= 4)
        y = (uint64_t)fl_load4(w + len - 4) << 32 | fl_load4(w);
    else
        y = (uint64_t)(unsigned char)w[0] << 16 | (uint64_t)(unsigned char)w[len / 2] << 8 |
            (unsigned char)w[len - 1];
    /* the length in the low bits (one XOR, no shift): the product's top
     * bits take in every bit below them */
    y = (y | 0x2020202020202020ull) ^ len;
    return (unsigned)((y * 0x9E3779B97F4A7C15ull) >> 52); /* 12 bits */
}

/* Fills the table from the lists (mentions_words.c). */
void fl_word_table_build(fl_word_table *table);
/* The FL_WC_* classes of w[0..len), ASCII letters compared without case
 * (FL_WC_PARTICLE only when written in lower case); 0 for none. */
unsigned fl_word_class(const fl_word_table *table, const char *w, size_t len);
/* The table built with the patterns. */
const fl_word_table *fl_patterns_words(const fl_patterns *patterns);

/* ----------------------------------------------------- extraction state */

/* Per-mention bookkeeping while a document is extracted. */
enum {
    FL_MF_TENTATIVE = 0x1,   /* a name that needs support elsewhere in the doc */
    FL_MF_DEAD = 0x2,        /* dropped at the end */
    FL_MF_CONFIRMED = 0x4,   /* a name something else links to */
    FL_MF_NEEDS_PERSON = 0x8 /* an age/title dropped when no person is found */
};

/* A person link to resolve once the sentence's names are known. */
typedef enum fl_link_how {
    FL_LINK_NAME_STARTS, /* the name that starts at `at` */
    FL_LINK_NAME_ENDS    /* the name that ends at `at` */
} fl_link_how;

typedef struct fl_pending {
    size_t mention;
    size_t at;
    fl_link_how how;
} fl_pending;

/* An open-addressing index over an array of entries that each start with
 * their 64-bit hash: a slot holds an entry's index + 1, 0 when empty. */
typedef struct fl_memo_index {
    uint32_t *slots; /* malloc'd */
    size_t cap;      /* a power of two */
} fl_memo_index;

/* One 64-byte block of a sentence as bit masks (bit i: byte 64b + i of
 * the sentence): the bytes that are no ASCII letter or digit (all past
 * the sentence's end), and where fill_words stops (a letter or digit
 * after no ASCII letter or digit, a comma, the first byte of a multi-byte
 * code point: a continuation byte decodes to U+FFFD, never a letter). */
typedef struct fl_word_block {
    uint64_t other, event;
    /* ASCII capitals, ASCII digits, bytes past ASCII: a block with none
     * of the last is walked word by word from its masks (fill_words) */
    uint64_t upper, digit, high;
} fl_word_block;

typedef struct fl_mx {
    fl_doc *doc;
    const fl_patterns *patterns;
    const fl_word_table *words_table; /* fl_patterns_words */
    pcre2_match_data *md;
    struct sb_stemmer *stemmer;
    const char *text; /* the prose */
    /* the current sentence */
    size_t sentence;
    const fl_sentence *sent;
    size_t s_off, s_end;
    size_t first_word; /* offset of the sentence's first word */
    /* with paren_known, the first '(' of the prose at or after paren_from
     * (prose.len: none), found once for the sentences up to it
     * (fl_extract_acronym_defs) */
    size_t paren_at, paren_from;
    bool paren_known;
    bool caps_sentence; /* headline in title case or all caps */
    /* one block (malloc'd) for the document holding the claimed bytes
     * and the per-sentence tables below (the *_store, blocks and
     * number_memo), sized for its longest sentence */
    void *scratch;
    size_t scratch_size;
    bool avx2; /* the CPU has AVX2 (mentions.c's masks use it) */
    bool bmi2; /* ... and BMI1 and BMI2 (walk_fast uses them) */
    bool wide; /* ... and AVX-512BW and VBMI2 (walk_wide uses them) */
    /* one byte per byte of the sentence and 64 zero bytes after it (so a
     * test reads 8 bytes at a time) */
    unsigned char *claimed;
    size_t claimed_cap;
    /* the claimed bytes of the sentence lie in [claim_lo, claim_hi)
     * (claim_lo SIZE_MAX: none yet), which most tests fall outside */
    size_t claim_lo, claim_hi;
    fl_vec pending;              /* fl_pending, this sentence */
    fl_vec flags;                /* unsigned char per mention, FL_MF_* (malloc'd) */
    size_t name_first, name_end; /* this sentence's names: [first, end) */
    /* fl_mx_word_end of each ASCII word start of the sentence (a letter
     * or digit after no ASCII letter or digit, or first), relative to
     * s_off, filled once per sentence (other entries unset); NULL when off */
    uint32_t *wend;
    /* wend_cap entries, just after a copy of mentions.c's head_words (the
     * word loop reads both through one pointer) */
    uint32_t *wend_store;
    size_t wend_cap;
    /* the sentence's bytes as bit masks, 64 to a block, filled with wend
     * (valid while it is set); wend_cap / 64 + 2 blocks */
    struct fl_word_block *blocks;
    /* the room for each list of word starts below (a sentence of n bytes
     * has at most n / 2 + 1 words), and one more entry */
    size_t words_cap;
    /* the sentence's word starts (fl_mx_word_start at an alnum position)
     * that may start a number (a digit, or the first letters of
     * "one".."ninety": fl_spelled_start), relative to s_off and in order,
     * filled with wend; NULL when off */
    uint32_t *numbers;
    size_t number_count;
    uint32_t *numbers_store;
    /* per entry of numbers: what fl_scan_number reads there (to s_end)
     * and fl_scan_scale after it, each read once per sentence (through
     * fl_mx_number_memo or by its index: fl_mx_number_read,
     * fl_mx_number_scale_read; FL_NUMBER_UNREAD: not yet);
     * words_cap entries */
    struct fl_number_memo *number_memo;
    /* the runs of ASCII digits: [digits[2k], digits[2k+1]) relative to
     * s_off, in order */
    uint32_t *digits;
    size_t digit_run_count;
    uint32_t *digits_store; /* 2 * words_cap entries */
    /* where fl_extract_titles looks, in order: the commas, and the words
     * of ASCII letters that may be a role's first word or an honorific
     * (by the role words' sketch, or a first letter M, S or D); relative
     * to s_off, filled with wend (wend_cap entries) */
    uint32_t *marks;
    size_t mark_count;
    uint32_t *marks_store;
    /* nonzero when the sentence has a byte past ASCII (its blocks' high
     * ORed by the mask pass, which holds each in a register), set with
     * marks: fl_extract_titles' pre-check reads no block */
    uint64_t high_any;
    /* nonzero when a mark in a block of ASCII bytes is a word's, no
     * comma (noted where the word loop makes it a mark); a mark in any
     * other block has high_any set */
    uint64_t mark_words;
    /* the word starts that may open a name (fl_extract_names skips to the
     * next one while no name is open): a capital or a byte past ASCII
     * first, or a lower-case letter before a capital; relative to s_off,
     * with FL_NAME_MARK_JOINED when a hyphen, an apostrophe or a byte
     * past ASCII comes just before (a word before may reach into it);
     * then FL_NAME_MARK_END.
     * words_cap entries. */
    uint32_t *name_marks;
    size_t name_mark_count;
    uint32_t *name_marks_store;
    /* zero when no name mark may start an acronym, none being a capital
     * before a capital or a byte that is no ASCII letter or digit
     * (fl_extract_acronyms then reads no mark); nonzero without the
     * tables */
    uint64_t acronym_may;
    /* the keys of each surface met in this document, so that a surface
     * written again shares its strings instead of being normalized again:
     * key_count entries (malloc'd, key_alloc room) found through key_index */
    struct fl_key_memo *keys;
    size_t key_count, key_alloc;
    fl_memo_index key_index;
    /* the distinct folds of the mentions, each with an id (its index) */
    struct fl_fold_entry *folds;
    size_t fold_count, fold_alloc;
    fl_memo_index fold_index;
    size_t memo_first; /* the first capacity of the indexes */
    /* the unused end of the arena chunk that new surfaces' strings are
     * cut from (key_bytes), pool_left bytes */
    char *pool;
    size_t pool_left;
    /* doc->mentions.items is this malloc'd buffer while the document is
     * extracted (grown without the arena's zeroing and copies); compact()
     * moves the survivors into the arena. flags.items and mention_key
     * (each mention's key memo entry) grow with it, mention_cap entries. */
    fl_mention *mention_store;
    uint32_t *mention_key;
    size_t mention_cap;
    /* fl_mx_add's limit: the buffer's capacity, or doc->max_mentions when
     * lower */
    size_t mention_room;
} fl_mx;

#define FL_NAME_MARK_JOINED 0x80000000u
/* after the last name mark: above every offset, not joined */
#define FL_NAME_MARK_END 0x7FFFFFFFu

/* Adds a mention of `kind` at prose [off, off+len) in the current sentence
 * with its surface and keys filled (fold flags as fl_fold; codes also get a
 * family). Returns NULL (and sets doc->status) when out of memory or past
 * doc->max_mentions. The pointer is valid until the next fl_mx_add. */
fl_mention *fl_mx_add(fl_mx *mx, fl_mention_kind kind, size_t off, size_t len, unsigned fold_flags);
/* Whether any byte of [off, off+len) is already claimed. */
static inline bool fl_mx_claimed(const fl_mx *mx, size_t off, size_t len)
{
    if (off < mx->s_off || off + len > mx->s_end)
        return true;
    if (off >= mx->claim_hi || off + len <= mx->claim_lo)
        return false;
    const unsigned char *c = mx->claimed + (off - mx->s_off);
    uint64_t v;
    for (; len >= 8; len -= 8, c += 8) {
        memcpy(&v, c, 8);
        if (v)
            return true;
    }
    if (!len)
        return false;
    /* the padding is zero past the sentence */
    return (fl_load8(c) & fl_low_bytes(len)) != 0;
}
void fl_mx_claim(fl_mx *mx, size_t off, size_t len);
/* fl_mx_claimed for [off, off+len) known to lie inside the sentence: no
 * bounds to test. */
static inline bool fl_mx_claimed_in(const fl_mx *mx, size_t off, size_t len)
{
    if (off >= mx->claim_hi || off + len <= mx->claim_lo)
        return false;
    const unsigned char *c = mx->claimed + (off - mx->s_off);
    for (; len >= 8; len -= 8, c += 8)
        if (fl_load8(c))
            return true;
    /* the padding is zero past the sentence */
    return len && (fl_load8(c) & fl_low_bytes(len)) != 0;
}
/* Sets c[0..len) to 1, len > 0. Most claims are short: two overlapping
 * stores of ones (every byte 1, whatever the byte order) instead of a
 * call. */
static inline void fl_claim_ones(unsigned char *c, size_t len)
{
    if (len >= 8 && len <= 16) {
        const uint64_t ones = 0x0101010101010101ull;
        memcpy(c, &ones, 8);
        memcpy(c + len - 8, &ones, 8);
    } else if (len >= 4 && len < 8) {
        const uint32_t ones = 0x01010101u;
        memcpy(c, &ones, 4);
        memcpy(c + len - 4, &ones, 4);
    } else if (len < 4) {
        c[0] = c[len / 2] = c[len - 1] = 1;
    } else {
        memset(c, 1, len);
    }
}

/* fl_mx_claim for [off, off+len) known to lie inside the sentence, in
 * line: no bounds to test (dates and ages, claimed after their test).
 * The range first: then nothing is left to do after the stores (a long
 * claim's memset is a tail call). */
static inline void fl_mx_claim_in(fl_mx *mx, size_t off, size_t len)
{
    if (!len)
        return;
    if (off < mx->claim_lo)
        mx->claim_lo = off;
    if (off + len > mx->claim_hi)
        mx->claim_hi = off + len;
    fl_claim_ones(mx->claimed + (off - mx->s_off), len);
}
/* Runs pattern `id` anchored at `at` within the sentence. Returns the end
 * offset of the match, or 0 when it does not match (or hit its limits). */
size_t fl_mx_match(fl_mx *mx, fl_re_id id, size_t at);
/* Group `g` of the last match: false when unset. */
bool fl_mx_group(const fl_mx *mx, unsigned g, size_t *off, size_t *len);
/* Records a person link to resolve when the sentence's names are known. */
void fl_mx_pending(fl_mx *mx, size_t mention, fl_link_how how, size_t at);
/* The stemmed, lower-cased form of a word, in the arena. */
const char *fl_mx_stem(fl_mx *mx, const char *w, size_t len);

/* ------------------------------------------------------------- helpers */

/* Whether the code point at `at` (not ASCII) is a letter or digit. */
bool fl_mx_alnum_slow(const fl_mx *mx, size_t at);

/* Whether the code point at `at` is a letter or digit (Unicode). */
static inline bool fl_mx_alnum_at(const fl_mx *mx, size_t at)
{
    if (at >= mx->s_end)
        return false;
    unsigned char c = (unsigned char)mx->text[at];
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return fl_mx_alnum_slow(mx, at);
}

/* Whether a byte offset starts a word: the previous code point (if any) is
 * not a letter or digit. */
bool fl_mx_word_start_slow(const fl_mx *mx, size_t at);
static inline bool fl_mx_word_start(const fl_mx *mx, size_t at)
{
    if (at <= mx->s_off)
        return true;
    unsigned char c = (unsigned char)mx->text[at - 1];
    if (c < 0x80)
        return !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    return fl_mx_word_start_slow(mx, at);
}
/* The end of the run of letters and digits starting at `at`. */
size_t fl_mx_scan_word_end(const fl_mx *mx, size_t at);
static inline size_t fl_mx_word_end(const fl_mx *mx, size_t at)
{
    if (mx->wend && at >= mx->s_off && at < mx->s_end) {
        const unsigned char *t = (const unsigned char *)mx->text;
        unsigned char c = t[at], b;
        if (c < 0x80) {
            if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
                return at;
            /* the table holds the ASCII word starts */
            if (at == mx->s_off ||
                ((b = t[at - 1]) < 0x80 &&
                 !((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))))
                return mx->s_off + mx->wend[at - mx->s_off];
        }
    }
    return fl_mx_scan_word_end(mx, at);
}
/* The first word start at or after `at` (s_end when none); a position
 * inside a word moves past that word. */
size_t fl_mx_next_word(const fl_mx *mx, size_t at);
/* The first entry at or after `at` of one of the sentence's lists of word
 * starts (mx->numbers, mx->name_marks: relative to s_off, in order, flag
 * bits masked off), as a prose offset; s_end when none. *cursor (0 at the
 * start of each walk) keeps the place, so a walk that moves forward reads each entry once. */
static inline size_t fl_mx_list_from(const fl_mx *mx, const uint32_t *list, size_t count,
                                     size_t *cursor, size_t at)
{
    const uint32_t mask = ~FL_NAME_MARK_JOINED;
    size_t k = *cursor;
    const size_t rel = at > mx->s_off ? at - mx->s_off : 0;
    while (k > 0 && (list[k - 1] & mask) >= rel)
        k--;
    while (k < count && (list[k] & mask) < rel)
        k++;
    *cursor = k;
    return k < count ? mx->s_off + (list[k] & mask) : mx->s_end;
}
/* The start of the word before `at` (skipping spaces), its length in *len;
 * returns false when there is none in the sentence. */
bool fl_mx_prev_word(const fl_mx *mx, size_t at, size_t *start, size_t *len);
/* The number of ASCII digits from `at` (not past the sentence). The
 * extractors use it to skip a pattern whose digit count cannot match. */
static inline size_t fl_mx_digit_run(const fl_mx *mx, size_t at)
{
    size_t i = at;
    while (i < mx->s_end && mx->text[i] >= '0' && mx->text[i] <= '9')
        i++;
    return i - at;
}
/* The first ASCII digit at or after `at` in the sentence (s_end: none).
 * Money, ages and codes all need a digit, so they skip ahead to the text
 * just before the next one. *cursor (0 at the start of each walk) keeps
 * the place in the sentence's digit runs. */
static inline size_t fl_mx_next_digit(const fl_mx *mx, size_t *cursor, size_t at)
{
    if (!mx->digits) {
        const unsigned char *t = (const unsigned char *)mx->text;
        while (at < mx->s_end && (unsigned)(t[at] - '0') > 9u)
            at++;
        return at;
    }
    size_t k = *cursor;
    const size_t rel = at > mx->s_off ? at - mx->s_off : 0;
    while (k > 0 && mx->digits[2 * k - 1] > rel)
        k--;
    while (k < mx->digit_run_count && mx->digits[2 * k + 1] <= rel)
        k++;
    *cursor = k;
    if (k == mx->digit_run_count)
        return mx->s_end;
    return mx->s_off + (mx->digits[2 * k] > rel ? mx->digits[2 * k] : rel);
}
/* fl_mx_next_digit for a walk that goes forward only (*cursor 0 at its
 * start, at >= s_off): the first ASCII digit at or after `at`, or s_end. */
static inline size_t fl_mx_next_digit_forward(const fl_mx *mx, size_t *cursor, size_t at)
{
    if (!mx->digits)
        return fl_mx_next_digit(mx, cursor, at);
    const size_t rel = at - mx->s_off;
    size_t k = *cursor;
    while (k < mx->digit_run_count && mx->digits[2 * k + 1] <= rel)
        k++;
    *cursor = k;
    if (k == mx->digit_run_count)
        return mx->s_end;
    return mx->s_off + (mx->digits[2 * k] > rel ? mx->digits[2 * k] : rel);
}
/* Could a spelled-out number start at s (avail bytes)? (one..ninety, by
 * its first letters: a cheap filter before fl_scan_number) */
static inline bool fl_spelled_start(const char *s, size_t avail)
{
    if (avail < 3)
        return false;
    char a = (char)(s[0] | 0x20), b = s[1], c = s[2], d = avail > 3 ? s[3] : ' ';
    switch (a) {
    case 'o': /* one */
        return b == 'n' && c == 'e';
    case 't': /* two twelve twenty three thirteen thirty ten */
        return (b == 'w' && (c == 'o' || c == 'e')) || (b == 'h' && c == 'r') ||
               (b == 'h' && c == 'i' && d == 'r') || (b == 'e' && c == 'n');
    case 'f': /* four fourteen forty five fifteen fifty */
        return (b == 'o' && (c == 'u' || (c == 'r' && d == 't'))) ||
               (b == 'i' && (c == 'v' || c == 'f'));
    case 's': /* six sixteen sixty seven seventeen seventy */
        return (b == 'i' && c == 'x') || (b == 'e' && c == 'v' && d == 'e');
    case 'e': /* eight eighteen eighty eleven */
        return (b == 'i' && c == 'g') || (b == 'l' && c == 'e');
    case 'n': /* nine nineteen ninety */
        return b == 'i' && c == 'n';
    default:
        return false;
    }
}
/* Whether c is a character PCRE2's \s matches (no Unicode properties). */
static inline bool fl_re_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}
/* Skips spaces and tabs (and a single line break) from `at`. */
size_t fl_mx_skip_space(const fl_mx *mx, size_t at);

/* A number written with digits ("3,400", "4.5") or in words ("twenty-five",
 * "two hundred"). */
typedef struct fl_number {
    double value;
    uint64_t mantissa; /* digits without separators or point */
    int decimals;      /* digits after the point */
    bool spelled;
    bool grouped; /* has thousands separators */
} fl_number;

/* Reads a number at `at` (not past `end`); returns its length or 0. */
size_t fl_scan_number(const char *t, size_t at, size_t end, fl_number *out);
/* Reads a scale after a number: attached ("bn", "m", "k") or a word after a
 * space ("billion"); returns its length (0: none) and the multiplier. */
size_t fl_scan_scale(const char *t, size_t at, size_t end, double *mult);
/* value * mult computed so that "1.13" * 1e9 is exactly 1130000000. */
double fl_number_scaled(const fl_number *n, double mult);

/* Whether a scale word's letters may end before t[j] (j <= end): the
 * sentence ends, or no ASCII letter or digit follows. */
static inline bool fl_scale_ends(const char *t, size_t j, size_t end)
{
    if (j >= end)
        return true;
    const unsigned char c = (unsigned char)t[j];
    return (unsigned)(c - '0') > 9u && (unsigned)((c | 0x20) - 'a') >= 26u;
}

/* fl_scan_scale, in line (money reads every amount's scale: a call less
 * each) */
static inline size_t fl_scale_at(const char *t, size_t at, size_t end, double *mult)
{
    *mult = 1;
    if (at >= end)
        return 0;
    size_t i = at;
    bool attached = t[i] != ' ';
    if (!attached)
        i++;
    /* every scale starts with b, m or t (attached also k), a word of its
     * own (no letter or digit after it): each is compared where it would
     * be, no letters counted first */
    if (i >= end)
        return 0;
    const char f = t[i], *w = t + i;
    double m = 0;
    size_t n = 0;
    if (attached) {
        /* tn trn bn b mn m k */
        if (fl_scale_ends(t, i + 1, end)) {
            n = 1;
            m = f == 'b' ? 1e9 : f == 'm' ? 1e6 : f == 'k' ? 1e3 : 0;
        } else if (w[1] == 'n' && fl_scale_ends(t, i + 2, end)) {
            n = 2;
            m = f == 't' ? 1e12 : f == 'b' ? 1e9 : f == 'm' ? 1e6 : 0;
        } else if (f == 't' && w[1] == 'r' && i + 2 < end && w[2] == 'n' &&
                   fl_scale_ends(t, i + 3, end)) {
            n = 3;
            m = 1e12;
        }
    } else if (f == 'b' || f == 'm') {
        if (end - i >= 7 && fl_scale_ends(t, i + 7, end)) {
            n = 7;
            /* two overlapping 4-byte loads, exact (memcmp of 7 bytes is
             * a libc call) */
            const uint32_t head = fl_load4(w), tail = fl_load4(w + 3);
            m = tail != fl_load4("lion")   ? 0
                : head == fl_load4("bill") ? 1e9
                : head == fl_load4("mill") ? 1e6
                                           : 0;
        }
    } else if (f == 't') {
        if (end - i >= 8 && fl_scale_ends(t, i + 8, end)) {
            n = 8;
            const uint64_t x = fl_load8(w);
            m = x == fl_load8("trillion") ? 1e12 : x == fl_load8("thousand") ? 1e3 : 0;
        }
    }
    if (m == 0)
        return 0;
    *mult = m;
    return i + n - at;
}

/* A number read once per sentence at one of mx->numbers (see fl_mx).
 * The percents walk, or the quantities walk itself where the percents
 * passed the sentence's digits over, may leave a mark of its own in len
 * for the quantities (NUMBER_PLAIN in mentions_amount.c); no other walk
 * reads the memo after them. */
enum { FL_NUMBER_UNREAD = 0xFFFFFFFFu };
typedef struct fl_number_memo {
    fl_number n;
    double mult;    /* the scale's multiplier */
    uint32_t len;   /* fl_scan_number's length, or FL_NUMBER_UNREAD */
    uint32_t scale; /* fl_scan_scale's length after it, or FL_NUMBER_UNREAD */
} fl_number_memo;

/* The memo entry of the number start `at` (one of mx->numbers, found from
 * *cursor as fl_mx_list_from finds it), or NULL when `at` is none. */
static inline fl_number_memo *fl_mx_number_memo(fl_mx *mx, size_t *cursor, size_t at)
{
    if (!mx->numbers || at >= mx->s_end ||
        fl_mx_list_from(mx, mx->numbers, mx->number_count, cursor, at) != at)
        return NULL;
    return &mx->number_memo[*cursor];
}
/* Which of the FL_WC_* classes `want` w[0..len) has (see fl_word_class);
 * most words are ruled out by their first two letters. */
static inline unsigned fl_mx_word_class(const fl_mx *mx, const char *w, size_t len, unsigned want)
{
    if (len == 0 || len > FL_WORD_MAX)
        return 0;
    const fl_word_table *t = mx->words_table;
    const unsigned k = fl_word_sketch(w, len), word = k >> 6;
    /* the sketch words of the classes wanted (a constant at every call)
     * ORed: one test, not one branch per class */
    const uint64_t any = ((want & FL_WC_COMMON) ? t->sketch[0][word] : 0) |
                         ((want & FL_WC_ROLE) ? t->sketch[1][word] : 0) |
                         ((want & FL_WC_PARTICLE) ? t->sketch[2][word] : 0) |
                         ((want & FL_WC_CALENDAR) ? t->sketch[3][word] : 0) |
                         ((want & FL_WC_REPORTING) ? t->sketch[4][word] : 0);
    if (!((any >> (k & 63)) & 1u))
        return 0;
    return fl_word_class(t, w, len) & want;
}
/* fl_mx_word_class(mx, w, len, FL_WC_COMMON | FL_WC_CALENDAR). No filter
 * by the first two bytes first: most capitalized words passed one, and
 * the sketch's one test rules out the rest about as cheaply. */
static inline unsigned fl_mx_common_or_calendar(const fl_mx *mx, const char *w, size_t len)
{
    return fl_mx_word_class(mx, w, len, FL_WC_COMMON | FL_WC_CALENDAR);
}
/* Whether a word of 1 to 5 bytes starting with a lower-case ASCII letter
 * may be a name particle (FL_WC_PARTICLE: al, bin, de, van, von, y, zu
 * ...) by its first two bytes, a filter before fl_mx_word_class: bit
 * (second & 31) of row (first & 31) for each particle's first two
 * letters, the letters of the one-letter particles in the last row (a
 * test checks every particle of the word table passes). */
static inline bool fl_particle_may(const char *w, size_t len)
{
#define FL_PB(c) (1u << ((c)&31))
    static const uint32_t second[33] = {
        ['a' & 31] = FL_PB('l'),
        ['b' & 31] = FL_PB('i'),
        ['d' & 31] = FL_PB('a') | FL_PB('e') | FL_PB('i') | FL_PB('o') | FL_PB('u'),
        ['e' & 31] = FL_PB('l'),
        ['f' & 31] = FL_PB('o'),
        ['i' & 31] = FL_PB('b'),
        ['l' & 31] = FL_PB('a') | FL_PB('e'),
        ['o' & 31] = FL_PB('f') | FL_PB('p'),
        ['s' & 31] = FL_PB('t'),
        ['t' & 31] = FL_PB('e'),
        ['v' & 31] = FL_PB('a') | FL_PB('o'),
        ['z' & 31] = FL_PB('u'),
        [32] = FL_PB('y'),
    };
#undef FL_PB
    const unsigned a = (unsigned char)w[0];
    if (len < 2)
        return len == 1 && ((second[32] >> (a & 31)) & 1u);
    const unsigned b = (unsigned char)w[1];
    return b >= 'a' && b <= 'z' && ((second[a & 31] >> (b & 31)) & 1u);
}
/* Case-insensitive: a common function word or sentence starter that is
 * never a name or a unit on its own ("the", "however", "even"). */
static inline bool fl_common_word(const fl_mx *mx, const char *w, size_t len)
{
    return fl_mx_word_class(mx, w, len, FL_WC_COMMON) != 0;
}
/* Whether w[0..len) is one of n lower-case words sorted in strcmp order
 * (a binary search): with `fold`, A-Z in w compare as a-z (fl_word_is);
 * without, the bytes must be equal (fl_word_eq). */
bool fl_word_in(const char *w, size_t len, const char *const *sorted, size_t n, bool fold);
#define FL_WORD_IN(w, len, list, fold) fl_word_in(w, len, list, sizeof list / sizeof list[0], fold)
/* Case-insensitive equality of an ASCII word with a lower-case literal. */
bool fl_word_is(const char *w, size_t len, const char *lit);
/* Exact equality of w[0..len) with a literal. */
static inline bool fl_word_eq(const char *w, size_t len, const char *lit)
{
    for (size_t i = 0; i < len; i++)
        if (lit[i] != w[i]) /* also stops at the literal's NUL */
            return false;
    return lit[len] == '\0';
}

/* -------------------------------------------------------------- kinds */

void fl_extract_money(fl_mx *mx);
void fl_extract_percents(fl_mx *mx);
void fl_extract_quantities(fl_mx *mx);
void fl_extract_dates(fl_mx *mx);
void fl_extract_ages(fl_mx *mx);
void fl_extract_codes(fl_mx *mx);
void fl_extract_acronym_defs(fl_mx *mx);
void fl_extract_acronyms(fl_mx *mx);
void fl_extract_titles(fl_mx *mx);
void fl_extract_names(fl_mx *mx);

/* Normalized role text for a title ("CEO" -> "chief executive"), in the
 * arena; `former` prefixes "former ". */
const char *fl_role_text(fl_mx *mx, const char *w, size_t len, const char *modifier);

/* ---------------------------------------------- number memo by its index */

/* The memo entry of mx->numbers[k] with its number read (fl_scan_number
 * at most once per number start; a walk over mx->numbers has k). */
static inline const fl_number_memo *fl_mx_number_read(fl_mx *mx, size_t k)
{
    fl_number_memo *m = &mx->number_memo[k];
    if (m->len == FL_NUMBER_UNREAD)
        m->len = (uint32_t)fl_scan_number(mx->text, mx->s_off + mx->numbers[k], mx->s_end, &m->n);
    return m;
}
/* fl_scan_scale after the number mx->numbers[k] (read: m->len > 0), at
 * most once per number start. */
static inline size_t fl_mx_number_scale_read(fl_mx *mx, size_t k, double *mult)
{
    fl_number_memo *m = &mx->number_memo[k];
    if (m->scale == FL_NUMBER_UNREAD)
        m->scale = (uint32_t)fl_scan_scale(mx->text, mx->s_off + mx->numbers[k] + m->len, mx->s_end,
                                           &m->mult);
    *mult = m->mult;
    return m->scale;
}

/* ------------------------------------------- letters before, by masks */

/* The start of the ASCII letters that end at `at` (s_off <= at <= s_end),
 * from the sentence's masks: past the last byte before `at` in its
 * 64-byte block that is no ASCII letter (another byte or a digit).
 * SIZE_MAX when the masks are off or no such byte is in the block (the
 * letters may reach back past it, or `at` starts the block, as s_end
 * may start the block after the sentence's: the caller scans). */
static inline size_t fl_mx_letters_from(const fl_mx *mx, size_t at)
{
    if (!mx->wend)
        return SIZE_MAX;
    const size_t rel = at - mx->s_off, bit = rel & 63;
    const fl_word_block *bk = &mx->blocks[rel / 64];
    /* the block's bytes before `at` shifted to the top (byte at - 1 to bit
     * 63), so the last of them that stops the letters is at - 1 - its
     * leading zeros */
    const uint64_t stop = (bk->other | bk->digit) << (63 - bit) << 1;
    return stop ? at - (size_t)__builtin_clzll(stop) : SIZE_MAX;
}

#endif

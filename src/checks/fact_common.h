/* fact_common.h - small helpers shared by the fact-date, fact-weekday,
 * fact-age and fact-title checks: token words, sentence cues, entity roots,
 * line numbers and key-sorted buckets. All static inline; no state. */
#ifndef FL_FACT_COMMON_H
#define FL_FACT_COMMON_H

#include "../bytes8.h"
#include "../internal.h"
#include "context.h"

#include <stdlib.h>
#include <string.h>

/* Case-insensitive ASCII equality of s[0..len) and the NUL-terminated w. */
static inline bool fc_eq(const char *s, size_t len, const char *w)
{
    size_t i = 0;
    for (; i < len && w[i]; i++)
        if (fl_ctx_lower(s[i]) != w[i])
            return false;
    return i == len && w[i] == '\0';
}

/* The first min(len, 8) bytes of s[0..len) as fl_load8 reads them, zero
 * past them; `end` ends the text (no byte past it is read). */
static inline uint64_t fc_load8_upto(const char *s, size_t len, const char *end)
{
    uint64_t v = fl_load8_before(s, end);
    return len < 8 ? v & fl_low_bytes(len) : v;
}

/* fc_load8_upto with A-Z lower-cased (fl_ctx_lower on each byte), so
 * that fc_eq(s, len, w) for a w of at most eight bytes is len == strlen(w)
 * and this equal to fc_load8_upto(w, ...). */
static inline uint64_t fc_low8(const char *s, size_t len, const char *end)
{
    uint64_t v = fc_load8_upto(s, len, end);
    uint64_t upper = FL_BYTES_IN(v & FL_BYTES_7F, 'A', 'Z') & ~v; /* ASCII capitals only */
    return v | upper >> 2;
}

/* fc_eq(s, len, w) for a w of length len whose first eight bytes (zero
 * past its end) are w8 and s's are v, as fc_low8 reads them. */
static inline bool fc_eq8(uint64_t v, uint64_t w8, const char *s, size_t len, const char *w)
{
    return v == w8 && (len <= 8 || fc_eq(s + 8, len - 8, w + 8));
}

static inline const char *fc_tok_text(const fl_doc *doc, size_t t)
{
    return doc->prose.text + FL_DOC_TOKEN(doc, t)->off;
}

static inline bool fc_tok_is(const fl_doc *doc, size_t t, const char *w)
{
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    return fc_eq(doc->prose.text + tok->off, tok->len, w);
}

/* Index in the NULL-terminated `words` of token t's text, or -1. */
static inline int fc_tok_in(const fl_doc *doc, size_t t, const char *const *words)
{
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    const char *s = doc->prose.text + tok->off;
    /* fc_eq fails at the first byte for most words: test it here */
    char c0 = tok->len ? fl_ctx_lower(s[0]) : '\0';
    for (int i = 0; words[i]; i++)
        if (words[i][0] == c0 && fc_eq(s, tok->len, words[i]))
            return i;
    return -1;
}

/* A word list (NULL-terminated, lower case) with, per first letter (a-z,
 * then any other byte), the lengths of its words (bit n; bit 15 for 15 or
 * more), so that most tokens are turned away without reading the list,
 * and its words grouped by first letter, so that the others are compared
 * only with the words of their letter and length. Made per run, on the
 * stack. */
enum { FC_WORDS_MAX = 48 };
typedef struct fc_words {
    const char *const *words;
    uint16_t lens[27];
    uint32_t lasts[27];          /* per first letter: the last bytes of its words (fc_last_bit) */
    bool grouped;                /* false: more than FC_WORDS_MAX words, read the list */
    uint8_t start[28];           /* bucket b's words: order[start[b]..start[b + 1]) */
    uint8_t order[FC_WORDS_MAX]; /* indexes in words, by bucket, in list order */
    uint8_t len[FC_WORDS_MAX];   /* their lengths (255 for 255 or more) */
    uint64_t w8[FC_WORDS_MAX];   /* their first eight bytes (fc_load8_upto) */
} fc_words;

static inline unsigned fc_bucket(char c)
{
    return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26u;
}

/* The bit of a word's last byte c in fc_words.lasts: a-z (either case)
 * 0-25, any other byte 26 (a token matches a word only with the same). */
static inline uint32_t fc_last_bit(char c)
{
    unsigned b = (unsigned)((unsigned char)c | 0x20) - 'a';
    return (uint32_t)1 << (b < 26 ? b : 26u);
}

static inline void fc_words_init(fc_words *w, const char *const *words)
{
    w->words = words;
    memset(w->lens, 0, sizeof w->lens);
    memset(w->lasts, 0, sizeof w->lasts);
    memset(w->start, 0, sizeof w->start);
    size_t count = 0;
    for (; words[count]; count++) {
        size_t n = strlen(words[count]);
        unsigned b = fc_bucket(words[count][0]);
        w->lens[b] |= (uint16_t)(1u << (n < 15 ? n : 15));
        w->lasts[b] |= n ? fc_last_bit(words[count][n - 1]) : 0u;
        if (count < FC_WORDS_MAX)
            w->start[b + 1]++;
    }
    w->grouped = count <= FC_WORDS_MAX;
    if (!w->grouped)
        return;
    for (size_t b = 0; b < 27; b++)
        w->start[b + 1] = (uint8_t)(w->start[b + 1] + w->start[b]);
    uint8_t fill[27];
    memcpy(fill, w->start, sizeof fill);
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(words[i]);
        uint8_t at = fill[fc_bucket(words[i][0])]++;
        w->order[at] = (uint8_t)i;
        w->len[at] = (uint8_t)(n < 255 ? n : 255);
        w->w8[at] = fc_load8_upto(words[i], n, words[i] + n);
    }
}

/* fc_words_init as an fl_ctx_list_maker. */
static inline void fc_words_make(void *data, const void *list)
{
    fc_words_init(data, list);
}

/* The fc_words of a static word list, made once per workspace (see
 * fl_ctx_list_data); *local is used without one. */
static inline const fc_words *fc_words_get(const fl_doc *doc, const char *const *words,
                                           fc_words *local)
{
    return fl_ctx_list_data(doc, words, sizeof *local, fc_words_make, local);
}

/* fc_tok_in_words for a token that passed the first-letter and length
 * filter: b is its bucket. Kept out of line: most tokens never get here. */
static __attribute__((noinline, unused)) int fc_tok_in_bucket(const fl_doc *doc, size_t t,
                                                              const fc_words *w, unsigned b)
{
    if (!w->grouped)
        return fc_tok_in(doc, t, w->words);
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    const char *s = doc->prose.text + tok->off;
    size_t len = tok->len < 255 ? tok->len : 255;
    uint64_t v = fc_low8(s, tok->len, doc->prose.text + doc->prose.len);
    /* a bucket's words are in list order: the first that matches is
     * fc_tok_in's */
    for (size_t k = w->start[b]; k < w->start[b + 1]; k++)
        if (w->len[k] == len && fc_eq8(v, w->w8[k], s, tok->len, w->words[w->order[k]]))
            return w->order[k];
    return -1;
}

/* fc_tok_in on a word list with its first letters, lengths and last
 * bytes: the filter inline, as it turns most tokens away. */
static inline __attribute__((always_inline)) int fc_tok_in_words(const fl_doc *doc, size_t t,
                                                                 const fc_words *w)
{
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    /* fc_bucket of the lower-cased first byte: with 0x20 set, only the
     * ASCII letters land in a-z */
    unsigned b = tok->len ? (unsigned)((unsigned char)doc->prose.text[tok->off] | 0x20) - 'a' : 26u;
    b = b < 26 ? b : 26u;
    if (!(w->lens[b] >> (tok->len < 15 ? tok->len : 15) & 1u) ||
        (tok->len && !(w->lasts[b] & fc_last_bit(doc->prose.text[tok->off + tok->len - 1]))))
        return -1;
    return fc_tok_in_bucket(doc, t, w, b);
}

/* The first token in [lo, hi) whose start is at or after prose offset
 * off, or hi. */
static inline size_t fc_token_search(const fl_doc *doc, size_t lo, size_t hi, size_t off)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (FL_DOC_TOKEN(doc, mid)->off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first token whose start is at or after prose offset off. */
static inline size_t fc_token_at(const fl_doc *doc, size_t off)
{
    return fc_token_search(doc, 0, doc->tokens.count, off);
}

/* fc_token_at_in's first guess for offset off in sentence s (a token of
 * the sentence), or SIZE_MAX when its tokens are not to be searched (s
 * out of range, or a sentence of no tokens): see fc_token_at_in. */
static inline __attribute__((always_inline)) size_t fc_token_guess(const fl_doc *doc, size_t s,
                                                                   size_t off)
{
    if (s >= doc->sentences.count)
        return SIZE_MAX;
    const fl_sentence *sen = FL_DOC_SENTENCE(doc, s);
    size_t lo = sen->first_token, hi = lo + sen->token_count;
    if (hi <= lo || hi > doc->tokens.count)
        return SIZE_MAX;
    /* the offset's share of the sentence's len + 1 bytes, clamped to it
     * (so that the guess lies in it with no test); in 32 bits for a
     * sentence of under 64K bytes and tokens (nearly all): a 32-bit
     * division is the shorter wait, and the token load waits on it */
    size_t a = off > sen->off ? off - sen->off : 0;
    a = a < sen->len ? a : sen->len;
    size_t n = hi - lo;
    if ((sen->len | n) < 0x10000)
        return lo + (uint32_t)a * (uint32_t)n / ((uint32_t)sen->len + 1);
    return lo + (size_t)((uint64_t)a * (uint64_t)n / ((uint64_t)sen->len + 1));
}

/* fc_token_at from fc_token_guess's guess g for off (SIZE_MAX: a search
 * of all tokens): a few steps to the answer, the token a with a - 1
 * starting before off and a at or after it (the steps may leave the
 * sentence: tokens before and after it are read only then, where a test
 * that the answer lies in it cost a cache miss or two per call); after
 * eight steps, a search of the tokens not passed. */
static inline __attribute__((always_inline)) size_t fc_token_from_guess(const fl_doc *doc, size_t g,
                                                                        size_t off)
{
    if (g == SIZE_MAX)
        return fc_token_at(doc, off);
    if (FL_DOC_TOKEN(doc, g)->off < off) {
        /* the answer is past g */
        for (int k = 0; k < 8; k++)
            if (++g == doc->tokens.count || FL_DOC_TOKEN(doc, g)->off >= off)
                return g;
        /* every token up to g starts before off */
        return fc_token_search(doc, g + 1, doc->tokens.count, off);
    }
    /* the answer is g or before it */
    for (int k = 0; k < 8; k++) {
        if (g == 0 || FL_DOC_TOKEN(doc, g - 1)->off < off)
            return g;
        g--;
    }
    /* token g starts at or after off */
    return fc_token_search(doc, 0, g, off);
}

/* fc_token_at for an offset in sentence s, searched among its tokens
 * first (the answer is the same: tokens start in order): from a guess of
 * the offset's share of the sentence. The share is of len + 1 bytes (a
 * token and the gap after it take about (len + 1) / n): over len the
 * guess was the answer for 44% of fact-date's dates on mb1 and one token
 * past it for 46%, over len + 1 the answer for 62% (news: 42% -> 50%),
 * which spares steps and their mispredicts. In line: fact-date asks it
 * once per date, and gcc kept it out of line. */
static inline __attribute__((always_inline)) size_t fc_token_at_in(const fl_doc *doc, size_t s,
                                                                   size_t off)
{
    return fc_token_from_guess(doc, fc_token_guess(doc, s, off), off);
}

/* The mention a name corefers with, followed to its end (bounded). */
static inline long fc_root(const fl_doc *doc, long m)
{
    for (size_t steps = 0; m >= 0 && (size_t)m < doc->mentions.count && steps < 64; steps++) {
        long next = FL_DOC_MENTION(doc, m)->entity;
        if (next < 0 || next == m || (size_t)next >= doc->mentions.count)
            break;
        m = next;
    }
    return m;
}

/* The bucketing key of an entity: its root mention's fold (or surface). */
static inline const char *fc_entity_key(const fl_doc *doc, long m)
{
    long r = fc_root(doc, m);
    if (r < 0 || (size_t)r >= doc->mentions.count)
        return NULL;
    const fl_mention *root = FL_DOC_MENTION(doc, r);
    if (root->fold && root->fold[0])
        return root->fold;
    return root->surface;
}

/* A record to bucket: sorted by key, then by prose offset. */
typedef struct fc_item {
    const char *key;
    size_t off;
    size_t mention;
    int aux;
} fc_item;

static inline int fc_item_order(const void *pa, const void *pb)
{
    const fc_item *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    if (a->off != b->off)
        return a->off < b->off ? -1 : 1;
    if (a->aux != b->aux)
        return a->aux - b->aux;
    /* the callers add items in mention order: ties stay in it whether
     * qsort is stable or not */
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

/* Sorts items by fc_item_order: by insertion when there are a few (no
 * qsort set-up and no call per comparison), else by qsort. The order is
 * total, so both give the same result. */
static inline void fc_sort_items(fl_vec *items)
{
    fc_item *it = items->items;
    size_t n = items->count;
    if (n > 16) {
        qsort(it, n, sizeof *it, fc_item_order);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        fc_item x = it[i];
        size_t j = i;
        for (; j > 0 && fc_item_order(&it[j - 1], &x) > 0; j--)
            it[j] = it[j - 1];
        it[j] = x;
    }
}

/* Appends an item for mention `mention` at prose offset off; false when out
 * of memory (the document is then marked). */
static inline bool fc_add_item(fl_doc *doc, fl_vec *items, const char *key, size_t off,
                               size_t mention, int aux)
{
    fc_item *it = fl_vec_push(doc->arena, items);
    if (!it) {
        fl_ctx_oom(doc);
        return false;
    }
    it->key = key;
    it->off = off;
    it->mention = mention;
    it->aux = aux;
    return true;
}

/* Appends key to a vector of keys; false when out of memory (the document
 * is then marked). */
static inline bool fc_add_key(fl_doc *doc, fl_vec *keys, const char *key)
{
    const char **slot = fl_vec_push(doc->arena, keys);
    if (!slot) {
        fl_ctx_oom(doc);
        return false;
    }
    *slot = key;
    return true;
}

static inline int fc_key_order(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether key is in the sorted array keys[0..n). */
static inline bool fc_key_in(const char *const *keys, size_t n, const char *key)
{
    return n && bsearch(&key, keys, n, sizeof *keys, fc_key_order) != NULL;
}

/* Reports that the text at [off, off+len) gives the person `who` a
 * different `what` (age, role) from the text at [roff, roff+rlen), which is
 * the suggestion. False when out of memory (the document is then marked). */
static inline bool fc_report_conflict(fl_doc *doc, const char *rule, const char *what,
                                      const char *who, size_t off, size_t len, size_t roff,
                                      size_t rlen)
{
    const char *msg = fl_arena_printf(
        doc->arena, "`%.*s` (line %zu) gives %s a different %s from `%.*s` (line %zu)", (int)len,
        doc->prose.text + off, fl_ctx_line(doc, off), who, what, (int)rlen, doc->prose.text + roff,
        fl_ctx_line(doc, roff));
    const char *sugg = fl_arena_strndup(doc->arena, doc->prose.text + roff, rlen);
    if (!msg || !sugg ||
        !fl_doc_add_finding(doc, rule, FL_SEV_WARNING, off, len, msg, sugg, &roff, &rlen, 1)) {
        fl_ctx_oom(doc);
        return false;
    }
    return true;
}

#endif

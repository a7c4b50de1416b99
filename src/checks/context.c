/* context.c - helpers shared by the contradiction checks: sentence-context
 * overlap, cue phrases (contrast, change over time, approximation), source
 * lines, and a small word set. See context.h. */
#include "context.h"

#include <stdlib.h>
/* runs of word bytes 16 at a time with SSE2 (FL_NO_SIMD: byte by byte,
 * which the sanitizer build tests) */
#if defined(__SSE2__) && !defined(FL_NO_SIMD)
#include <emmintrin.h>
#define CTX_RUNS_SSE2 1
#endif
#include <string.h>

/* ------------------------------------------------------------ word sets */

static size_t round_pow2(size_t n)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    return cap;
}

bool fl_wordset_init(fl_wordset *set, fl_arena *arena, size_t expected)
{
    set->arena = arena;
    set->count = 0;
    set->cap = round_pow2(expected);
    set->slots = fl_arena_alloc(arena, set->cap * sizeof *set->slots);
    return set->slots != NULL;
}

static size_t slot_of(const char *const *slots, size_t cap, const char *word)
{
    size_t mask = cap - 1;
    size_t i = (size_t)fl_hash64(word, strlen(word), 0) & mask;
    while (slots[i] && strcmp(slots[i], word) != 0)
        i = (i + 1) & mask;
    return i;
}

bool fl_wordset_add(fl_wordset *set, const char *word)
{
    if ((set->count + 1) * 2 > set->cap) {
        size_t cap = set->cap * 2;
        const char **slots = fl_arena_alloc(set->arena, cap * sizeof *slots);
        if (!slots)
            return false;
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i])
                slots[slot_of(slots, cap, set->slots[i])] = set->slots[i];
        set->slots = slots;
        set->cap = cap;
    }
    size_t i = slot_of(set->slots, set->cap, word);
    if (!set->slots[i]) {
        set->slots[i] = word;
        set->count++;
    }
    return true;
}

bool fl_wordset_has(const fl_wordset *set, const char *word)
{
    if (!set->slots)
        return false;
    return set->slots[slot_of(set->slots, set->cap, word)] != NULL;
}

/* --------------------------------------------------- sentence contexts */

static bool skip_word(const char *w, unsigned flags)
{
    if (!(flags & FL_CTX_SKIP_DIGITS))
        return false;
    for (; *w; w++)
        if (*w >= '0' && *w <= '9')
            return true;
    return false;
}

/* fl_ctx_shared counted up to `enough`. */
static size_t shared_upto(const fl_sentence *a, const fl_sentence *b, unsigned flags, size_t enough)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->context_count && j < b->context_count && n < enough) {
        const char *x = a->context[i], *y = b->context[j];
        /* most steps are decided by the first byte (strcmp's order:
         * unsigned bytes) */
        int c = (unsigned char)x[0] - (unsigned char)y[0];
        if (c == 0)
            c = strcmp(x, y);
        if (c == 0) {
            if (!skip_word(x, flags))
                n++;
            i++;
            j++;
        } else if (c < 0) {
            i++;
        } else {
            j++;
        }
    }
    return n;
}

const fl_sentence *fl_ctx_sentence(fl_doc *doc, size_t s)
{
    if (fl_sentence_context(doc, s) != FL_OK)
        fl_ctx_oom(doc);
    return FL_DOC_SENTENCE(doc, s);
}

size_t fl_ctx_shared(fl_doc *doc, size_t a, size_t b, unsigned flags)
{
    return shared_upto(fl_ctx_sentence(doc, a), fl_ctx_sentence(doc, b), flags, SIZE_MAX);
}

bool fl_ctx_shares(fl_doc *doc, size_t a, size_t b, unsigned flags, size_t enough)
{
    return shared_upto(fl_ctx_sentence(doc, a), fl_ctx_sentence(doc, b), flags, enough) >= enough;
}

size_t fl_ctx_shared_with_set(fl_doc *doc, size_t sentence, const fl_wordset *set, unsigned flags)
{
    const fl_sentence *s = fl_ctx_sentence(doc, sentence);
    size_t n = 0;
    for (size_t i = 0; i < s->context_count; i++)
        if (!skip_word(s->context[i], flags) && fl_wordset_has(set, s->context[i]))
            n++;
    return n;
}

bool fl_ctx_add_to_set(fl_wordset *set, fl_doc *doc, size_t sentence, unsigned flags)
{
    const fl_sentence *s = fl_ctx_sentence(doc, sentence);
    for (size_t i = 0; i < s->context_count; i++)
        if (!skip_word(s->context[i], flags) && !fl_wordset_add(set, s->context[i]))
            return false;
    return true;
}

/* --------------------------------------------------------- cue phrases */

const char *const fl_ctx_contrast_phrases[] = {
    "than",
    "versus",
    "vs",
    "v",
    "unlike",
    "compared",
    "comparison",
    "comparable",
    "similar to",
    "smaller",
    "larger",
    "bigger",
    "cheaper",
    "pricier",
    "faster",
    "slower",
    "lighter",
    "heavier",
    "different",
    "successor*",
    "predecessor*",
    "replac*",
    "upgrad*",
    "older",
    "newer",
    "previous",
    "prior",
    "earlier",
    "latest",
    "next-generation",
    "next generation",
    "cut-down",
    "pared-back",
    "scaled-back",
    "watered-down",
    "version of",
    "versions of",
    "instead of",
    "whereas",
    "supersed*",
    "succeed*",
    "as well as",
    "along with",
    "alongside",
    "both",
    "either",
    "neither",
    "or the",
    NULL,
};

const char *const fl_ctx_change_phrases[] = {
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "from ... to",
    "up from",
    "down from",
    "last year",
    "last month",
    "last week",
    "last quarter",
    "a year ago",
    "a year earlier",
    "year earlier",
    "years earlier",
    "previous*",
    "initial*",
    "original*",
    "revis*",
    "cut ... to",
    "cut ... from",
    "cuts ... to",
    "rais* ... to",
    "rais* ... from",
    "increas* ... to",
    "increas* ... from",
    "decreas*",
    "now",
    "grew",
    "grow*",
    "jump*",
    "climb*",
    "slump*",
    "drop*",
    "declin*",
    "doubl*",
    "tripl*",
    "halv*",
    "earlier",
    "boost* ... to",
    "lift* ... to",
    "lower* ... to",
    "reduc* ... to",
    "slash* ... to",
    "trim* ... to",
    "forecast*",
    "estimat*",
    "predict*",
    "than",
    "more",
    "less",
    "higher",
    "lower",
    "current*",
    "aim*",
    "target*",
    "goal*",
    "plan*",
    "hope*",
    "compared",
    "before",
    "since",
    "updat*",
    "correct*",
    "restat*",
    "adjust*",
    "amend*",
    "soar*",
    "surg*",
    "plung*",
    "tumbl*",
    "shrank",
    "shrink*",
    "further",
    "another",
    "extra",
    "additional",
    "later",
    "sought",
    "seek*",
    "offer*",
    "bid",
    "demand*",
    "propos*",
    "then",
    "at the time",
    "so far",
    "to date",
    "until",
    "by the end of",
    "at one point",
    "climbed",
    NULL,
};

const char *const fl_ctx_approx_phrases[] = {
    "about",      "around",     "approximately", "roughly",
    "nearly",     "almost",     "some",          "more than",
    "over",       "up to",      "at least",      "less than",
    "under",      "close to",   "an estimated",  "estimated",
    "upwards of", "as many as", "as much as",    "as high as",
    "as low as",  "at most",    "below",         "above",
    "circa",      "just",       "fewer than",    "in excess of",
    "nearly",     "c",          "some",          "approx",
    NULL,
};

/* Per byte: FL_CTX_BYTE_WORD for ASCII letters and digits and every byte
 * of a multi-byte UTF-8 sequence, FL_CTX_BYTE_SPACE for space, tab, CR
 * and LF, FL_CTX_BYTE_BREAK for , ; : ( ) . ! ? and ". */
// clang-format off
const unsigned char fl_ctx_byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 2, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 4, 4, 0, 0, 0, 0, 0, 4, 4, 0, 0, 4, 0, 4, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 0, 0, 0, 4,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
// clang-format on

#ifdef CTX_RUNS_SSE2
/* Bit k set when byte k of v is no word byte (FL_CTX_BYTE_WORD: ASCII
 * letters and digits, bytes past ASCII): each range test is one signed
 * compare once the range is moved to the bottom (-128 up). */
static inline unsigned non_word16(__m128i v)
{
    __m128i x = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* only letters land in a-z */
    __m128i letter =
        _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 26), _mm_add_epi8(x, _mm_set1_epi8(0x80 - 'a')));
    __m128i digit =
        _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 10), _mm_add_epi8(v, _mm_set1_epi8(0x80 - '0')));
    return ((unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), v))) ^ 0xffffu;
}
#endif

/* The end of the run of word bytes from i in t[0..len). */
static inline size_t word_run_end(const char *t, size_t len, size_t i)
{
#ifdef CTX_RUNS_SSE2
    for (; len - i >= 16; i += 16) {
        unsigned stop = non_word16(_mm_loadu_si128((const __m128i *)(const void *)(t + i)));
        if (stop)
            return i + (unsigned)__builtin_ctz(stop);
    }
#endif
    while (i < len && fl_ctx_word_byte((unsigned char)t[i]))
        i++;
    return i;
}

/* The start of the run of word bytes that ends at e in t[lo..). */
static inline size_t word_run_start(const char *t, size_t lo, size_t e)
{
#ifdef CTX_RUNS_SSE2
    for (; e - lo >= 16; e -= 16) {
        unsigned stop = non_word16(_mm_loadu_si128((const __m128i *)(const void *)(t + e - 16)));
        if (stop) /* past the last byte that is no word byte */
            return e - 16 + (32u - (unsigned)__builtin_clz(stop));
    }
#endif
    while (e > lo && fl_ctx_word_byte((unsigned char)t[e - 1]))
        e--;
    return e;
}

/* The end of the word starting at i: word bytes, with inner hyphens and
 * apostrophes. */
static inline size_t word_end(const char *t, size_t len, size_t i)
{
    for (;;) {
        i = word_run_end(t, len, i);
        /* a hyphen or apostrophe between word bytes joins two runs */
        if (i < len && (t[i] == '-' || t[i] == '\'') && i + 1 < len &&
            fl_ctx_word_byte((unsigned char)t[i + 1]) && i > 0 &&
            fl_ctx_word_byte((unsigned char)t[i - 1])) {
            i++;
            continue;
        }
        return i;
    }
}

/* The start of the next word at or after i, or len. */
static size_t next_word(const char *t, size_t len, size_t i)
{
    while (i < len && !fl_ctx_word_byte((unsigned char)t[i]))
        i++;
    return i;
}

/* Whether the phrase word p[0..plen) matches the text word t[0..tlen). */
static inline bool word_matches(const char *p, size_t plen, const char *t, size_t tlen)
{
    bool prefix = plen > 0 && p[plen - 1] == '*';
    if (prefix)
        plen--;
    if (prefix ? tlen < plen : tlen != plen)
        return false;
    for (size_t k = 0; k < plen; k++)
        if (fl_ctx_lower(t[k]) != p[k])
            return false;
    return true;
}

/* Matches phrase p (from its word at p) against text from word start i;
 * stores the end of the match in *end. */
static bool match_at(const char *t, size_t len, size_t i, const char *p, size_t *end)
{
    while (*p == ' ')
        p++;
    if (!*p) {
        *end = i;
        return true;
    }
    size_t plen = 0;
    while (p[plen] && p[plen] != ' ')
        plen++;
    if (plen == 3 && memcmp(p, "...", 3) == 0) {
        size_t at = i;
        for (int skipped = 0; skipped <= 6 && at < len; skipped++) {
            if (match_at(t, len, at, p + plen, end) && *end > at)
                return true;
            /* words in the gap stay inside one clause */
            size_t we = word_end(t, len, at);
            size_t nw = next_word(t, len, we);
            for (size_t k = we; k < nw; k++)
                if (t[k] == ';' || t[k] == ':' || t[k] == '.' || t[k] == ',')
                    return false;
            at = nw;
        }
        return false;
    }
    if (i >= len)
        return false;
    size_t we = word_end(t, len, i);
    if (!word_matches(p, plen, t + i, we - i))
        return false;
    if (!p[plen]) {
        *end = we;
        return true;
    }
    /* the next phrase word must follow after spaces only */
    size_t k = we;
    while (k < len && (t[k] == ' ' || t[k] == '\n' || t[k] == '\r' || t[k] == '\t'))
        k++;
    if (k == we || k >= len || !fl_ctx_word_byte((unsigned char)t[k]))
        return false;
    return match_at(t, len, k, p + plen + 1, end);
}

/* The bucket of a lower-case first byte: a-z, or 26 for any other. */
static unsigned bucket_of(char c)
{
    return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26u;
}

/* The bit of a word length in a length mask (63: 63 or more). */
static inline uint64_t len_bit(size_t len)
{
    return 1ull << (len < 63 ? len : 63);
}

/* The lengths a phrase word p[0..wlen) matches: its own, or any from
 * wlen - 1 on for a prefix ("increas*"). */
static uint64_t word_lens(const char *p, size_t wlen)
{
    if (wlen > 0 && p[wlen - 1] == '*')
        return ~0ull << (wlen - 1 < 63 ? wlen - 1 : 63);
    return len_bit(wlen);
}

void fl_ctx_phrases_init(fl_ctx_phrases *set, const char *const *phrases)
{
    size_t n = 0;
    while (phrases[n])
        n++;
    set->list = phrases;
    set->indexed = n <= FL_CTX_INDEX_CAP;
    memset(set->head, 0, sizeof set->head);
    memset(set->head2, 0, sizeof set->head2);
    memset(set->any2, 0, sizeof set->any2);
    memset(set->last_len, 0, sizeof set->last_len);
    memset(set->first_lens, 0, sizeof set->first_lens);
    set->last_any = false;
    set->word_counts = 0;
    /* chains in list order: built from the end */
    for (size_t k = n; k-- > 0;) {
        const char *p = phrases[k];
        /* the end of the first word, the start of the last */
        size_t end = strlen(p);
        const char *first_sp = memchr(p, ' ', end);
        size_t plen = first_sp ? (size_t)(first_sp - p) : end, start = 0;
        if (first_sp) {
            const char *last_sp = memrchr(p, ' ', end);
            start = (size_t)(last_sp - p) + 1;
        }
        /* its words: each matches one word of text, a gap any number */
        size_t words = 0;
        bool gap_inside = false;
        for (size_t w = 0; w < end;) {
            while (w < end && p[w] == ' ')
                w++;
            size_t we = w;
            while (we < end && p[we] != ' ')
                we++;
            if (we > w) {
                words++;
                gap_inside |= we - w == 3 && memcmp(p + w, "...", 3) == 0;
            }
            w = we;
        }
        if (gap_inside || words > 255)
            words = 0;
        set->word_counts |= words < 32 ? 1u << words : 1u;
        size_t wlen = end - start;
        if (wlen == 0 || (wlen == 3 && memcmp(p + start, "...", 3) == 0) ||
            (wlen == 1 && p[start] == '*'))
            set->last_any = true;
        else
            set->last_len[bucket_of(p[start])] |= word_lens(p + start, wlen);
        if (!set->indexed)
            continue;
        unsigned b = bucket_of(p[0]);
        set->next[k] = set->head[b];
        set->head[b] = (uint16_t)(k + 1);
        /* the first word, which match_at tries first, unless the phrase
         * starts with a space or a gap */
        bool gap = plen == 3 && memcmp(p, "...", 3) == 0;
        set->first_len[k] = (uint8_t)(p[0] == ' ' || gap || plen > 255 ? 0 : plen);
        set->words[k] = (uint8_t)words;
        set->first_lens[b] |= set->first_len[k] ? word_lens(p, plen) : ~0ull;
        /* the second byte a text word must have for the first word to
         * match (word_matches) */
        size_t fl = set->first_len[k];
        uint16_t *chain = &set->any2[b];
        if (fl == 1 && p[0] != '*')
            chain = &set->head2[b][27];
        else if (fl >= 2 && !(fl == 2 && p[1] == '*'))
            chain = &set->head2[b][bucket_of(p[1])];
        set->next2[k] = *chain;
        *chain = (uint16_t)(k + 1);
    }
}

/* A workspace's phrase sets (fl_workspace.phrase_sets): a few lists, so
 * found by comparing pointers; past PHRASE_SETS_MAX lists a set is made
 * each time instead. */
enum { PHRASE_SETS_MAX = 32, PHRASE_HINTS = 64 };
typedef struct phrase_sets {
    size_t count;
    const char *const *lists[PHRASE_SETS_MAX];
    fl_ctx_phrases *sets[PHRASE_SETS_MAX]; /* malloc'd */
    /* fl_ctx_list_data's, by list and maker */
    size_t data_count;
    const void *data_lists[PHRASE_SETS_MAX];
    fl_ctx_list_maker data_makers[PHRASE_SETS_MAX];
    void *data[PHRASE_SETS_MAX];    /* malloc'd */
    void *memos[FL_CTX_MEMO_COUNT]; /* fl_ctx_ws_memo's, malloc'd */
    /* by a hash of the list's address: its last entry + 1 (0: none), tried
     * before the search (the checks ask for a dozen lists per document) */
    unsigned char set_hint[PHRASE_HINTS], data_hint[PHRASE_HINTS];
} phrase_sets;

/* The hint slot of a list's address. */
static size_t hint_of(const void *list)
{
    uintptr_t a = (uintptr_t)list;
    return (size_t)((a ^ a >> 6 ^ a >> 12) >> 3) & (PHRASE_HINTS - 1);
}

void fl_ctx_phrase_sets_free(void *sets)
{
    phrase_sets *ps = sets;
    if (!ps)
        return;
    for (size_t i = 0; i < ps->count; i++)
        free(ps->sets[i]);
    for (size_t i = 0; i < ps->data_count; i++)
        free(ps->data[i]);
    for (size_t i = 0; i < FL_CTX_MEMO_COUNT; i++)
        free(ps->memos[i]);
    free(ps);
}

/* The phrase sets of doc's workspace, made on first use; NULL without a
 * workspace or memory (then the callers build into their local copy). */
static phrase_sets *ws_sets(const fl_doc *doc)
{
    fl_workspace *ws = doc->ws;
    if (ws && !ws->phrase_sets)
        ws->phrase_sets = calloc(1, sizeof(phrase_sets));
    return ws ? ws->phrase_sets : NULL;
}

void **fl_ctx_ws_memo(const fl_doc *doc, unsigned id)
{
    phrase_sets *ps = id < FL_CTX_MEMO_COUNT ? ws_sets(doc) : NULL;
    return ps ? &ps->memos[id] : NULL;
}

/* fl_ctx_list_data past its hint: the search, or the data made. */
static __attribute__((noinline)) const void *
list_data_made(phrase_sets *ps, const void *list, size_t size, fl_ctx_list_maker make, void *local)
{
    if (ps) {
        size_t h = hint_of(list);
        for (size_t i = 0; i < ps->data_count; i++)
            if (ps->data_lists[i] == list && ps->data_makers[i] == make) {
                ps->data_hint[h] = (unsigned char)(i + 1);
                return ps->data[i];
            }
        void *data = ps->data_count < PHRASE_SETS_MAX ? malloc(size) : NULL;
        if (data) {
            make(data, list);
            ps->data_lists[ps->data_count] = list;
            ps->data_makers[ps->data_count] = make;
            ps->data[ps->data_count++] = data;
            ps->data_hint[h] = (unsigned char)ps->data_count;
            return data;
        }
    }
    make(local, list);
    return local;
}

const void *fl_ctx_list_data(const fl_doc *doc, const void *list, size_t size,
                             fl_ctx_list_maker make, void *local)
{
    /* the hint's answer (nearly every call: a check asks for its lists
     * once per document) without saving the registers that the search
     * and the maker's call take */
    phrase_sets *ps = ws_sets(doc);
    if (ps) {
        size_t k = ps->data_hint[hint_of(list)];
        if (k && ps->data_lists[k - 1] == list && ps->data_makers[k - 1] == make)
            return ps->data[k - 1];
    }
    return list_data_made(ps, list, size, make, local);
}

const fl_ctx_phrases *fl_ctx_phrases_get(const fl_doc *doc, const char *const *phrases,
                                         fl_ctx_phrases *local)
{
    phrase_sets *ps = ws_sets(doc);
    if (ps) {
        size_t h = hint_of(phrases), k = ps->set_hint[h];
        if (k && ps->lists[k - 1] == phrases)
            return ps->sets[k - 1];
        for (size_t i = 0; i < ps->count; i++)
            if (ps->lists[i] == phrases) {
                ps->set_hint[h] = (unsigned char)(i + 1);
                return ps->sets[i];
            }
        fl_ctx_phrases *set = ps->count < PHRASE_SETS_MAX ? malloc(sizeof *set) : NULL;
        if (set) {
            fl_ctx_phrases_init(set, phrases);
            ps->lists[ps->count] = phrases;
            ps->sets[ps->count++] = set;
            ps->set_hint[h] = (unsigned char)ps->count;
            return set;
        }
    }
    fl_ctx_phrases_init(local, phrases);
    return local;
}

/* False when phrase k of an indexed set cannot match at the word
 * t[0..tlen): its first word does not (match_at's first test). */
static bool may_match(const fl_ctx_phrases *set, unsigned k, const char *t, size_t tlen)
{
    size_t plen = set->first_len[k];
    return plen == 0 || word_matches(set->list[k], plen, t, tlen);
}

/* Whether a phrase whose first byte is c matches at word start i (the
 * word ends at we). */
static bool match_bucket(const char *text, size_t len, size_t i, size_t we, char c,
                         const fl_ctx_phrases *set)
{
    size_t end;
    if (!set->indexed) {
        for (size_t k = 0; set->list[k]; k++)
            if (set->list[k][0] == c && match_at(text, len, i, set->list[k], &end))
                return true;
        return false;
    }
    unsigned b = bucket_of(c);
    if (!(set->first_lens[b] & len_bit(we - i)))
        return false;
    /* the phrases whose first word fixes the word's second byte, then
     * those whose first word does not */
    unsigned k = set->head2[b][we - i < 2 ? 27u : bucket_of(fl_ctx_lower(text[i + 1]))];
    for (int chain = 0; chain < 2; chain++, k = set->any2[b])
        for (; k; k = set->next2[k - 1])
            if (set->list[k - 1][0] == c && may_match(set, k - 1, text + i, we - i) &&
                match_at(text, len, i, set->list[k - 1], &end))
                return true;
    return false;
}

bool fl_ctx_text_has_in(const char *text, size_t len, const fl_ctx_phrases *set, size_t *where)
{
    size_t i = next_word(text, len, 0);
    while (i < len) {
        size_t we = word_end(text, len, i);
        if (match_bucket(text, len, i, we, fl_ctx_lower(text[i]), set)) {
            if (where)
                *where = i;
            return true;
        }
        i = next_word(text, len, we);
    }
    return false;
}

bool fl_ctx_text_has(const char *text, size_t len, const char *const *phrases, size_t *where)
{
    fl_ctx_phrases set;
    fl_ctx_phrases_init(&set, phrases);
    return fl_ctx_text_has_in(text, len, &set, where);
}

bool fl_ctx_sentence_has_in(const fl_doc *doc, size_t sentence, const fl_ctx_phrases *set)
{
    if (sentence >= doc->sentences.count)
        return false;
    const fl_sentence *s = FL_DOC_SENTENCE(doc, sentence);
    return fl_ctx_text_has_in(doc->prose.text + s->off, s->len, set, NULL);
}

bool fl_ctx_sentence_has(const fl_doc *doc, size_t sentence, const char *const *phrases)
{
    fl_ctx_phrases local;
    return fl_ctx_sentence_has_in(doc, sentence, fl_ctx_phrases_get(doc, phrases, &local));
}

/* A phrase that ends at `last_end` and starts at word start `start`
 * (text cut at off), `nwords` words before it: phrases starting with a
 * letter only at a word with that letter, the others at any word; of an
 * indexed set only those of nwords words (or with a gap), as a phrase
 * word matches one word of text. *we caches the end of the word at start
 * (0: not known yet). */
static bool ends_at(const char *t, size_t off, size_t start, size_t *we, size_t last_end,
                    size_t nwords, const fl_ctx_phrases *set)
{
    char c = fl_ctx_lower(t[start]);
    size_t end;
    if (!set->indexed) {
        for (size_t k = 0; set->list[k]; k++) {
            char p0 = set->list[k][0];
            if (p0 != c && p0 >= 'a' && p0 <= 'z')
                continue;
            if (match_at(t, off, start, set->list[k], &end) && end == last_end)
                return true;
        }
        return false;
    }
    unsigned b = bucket_of(c);
    for (int pass = 0; pass < 2; pass++) {
        unsigned k = set->head[b];
        if (k && !*we)
            *we = word_end(t, off, start);
        for (; k; k = set->next[k - 1])
            if ((!set->words[k - 1] || set->words[k - 1] == nwords) &&
                may_match(set, k - 1, t + start, *we - start) &&
                match_at(t, off, start, set->list[k - 1], &end) && end == last_end)
                return true;
        if (b == 26)
            break;
        b = 26;
    }
    return false;
}

/* The start of the word ending at e (inside the sentence starting at
 * floor): word bytes, with inner hyphens and apostrophes. */
static size_t word_start_before(const char *t, size_t floor, size_t e)
{
    size_t i = e;
    while (i > floor && (fl_ctx_word_byte((unsigned char)t[i - 1]) ||
                         ((t[i - 1] == '-' || t[i - 1] == '\'') && i - 1 > floor &&
                          fl_ctx_word_byte((unsigned char)t[i - 2]))))
        i--;
    return i;
}

/* Whether some phrase of the set may end with the lower-case first byte
 * c's word of len bytes. */
static bool may_end_with(const fl_ctx_phrases *set, char c, size_t len)
{
    return set->last_any || (set->last_len[bucket_of(c)] >> (len < 63 ? len : 63) & 1u);
}

size_t fl_ctx_before_which(const fl_doc *doc, size_t floor, size_t off,
                           const fl_ctx_phrases *const *sets, size_t nsets)
{
    if (off <= floor)
        return nsets;
    const char *t = doc->prose.text;
    /* the last word before off: only spaces between it and off */
    size_t i = off;
    while (i > floor &&
           (t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '\r' || t[i - 1] == '\t'))
        i--;
    if (i == floor || !fl_ctx_word_byte((unsigned char)t[i - 1]))
        return nsets;
    size_t last_end = i;
    size_t starts[3], n = 0;
    starts[n++] = i = word_start_before(t, floor, last_end);
    /* a phrase match ends with that word: most words end none */
    char c = fl_ctx_lower(t[i]);
    size_t set = 0;
    while (set < nsets && !may_end_with(sets[set], c, last_end - i))
        set++;
    if (set == nsets)
        return nsets;
    /* the starts and ends of the two words before it (where word_end
     * would find them: a word is a run of word bytes joined by single
     * hyphens or apostrophes, whichever way it is read) */
    size_t ends[3] = {last_end, 0, 0};
    while (i > floor && n < 3) {
        while (i > floor && !fl_ctx_word_byte((unsigned char)t[i - 1]))
            i--;
        if (i == floor)
            break;
        ends[n] = i;
        starts[n++] = i = word_start_before(t, floor, i);
    }
    for (; set < nsets; set++)
        for (size_t s = 0; s < n && may_end_with(sets[set], c, last_end - starts[0]); s++)
            if ((!sets[set]->indexed || (sets[set]->word_counts & (1u | 2u << s))) &&
                ends_at(t, off, starts[s], &ends[s], last_end, s + 1, sets[set]))
                return set;
    return nsets;
}

bool fl_ctx_before_has(const fl_doc *doc, size_t floor, size_t off, const char *const *phrases)
{
    fl_ctx_phrases local;
    const fl_ctx_phrases *sets[1] = {fl_ctx_phrases_get(doc, phrases, &local)};
    return fl_ctx_before_which(doc, floor, off, sets, 1) == 0;
}

/* The start of the count-th run of word bytes that meets t[lo..start),
 * counted back from start, or lo when there are fewer. */
static size_t runs_back(const char *t, size_t lo, size_t start, size_t count)
{
    size_t n = 0;
#ifdef CTX_RUNS_SSE2
    /* sixteen bytes at a time, the runs starting at their bytes 1 to 15
     * (whether byte 0 starts one depends on the byte before it: it is
     * left for the next block) */
    while (n < count && start - lo >= 16) {
        unsigned word =
            non_word16(_mm_loadu_si128((const __m128i *)(const void *)(t + start - 16))) ^ 0xffffu;
        for (unsigned starts = word & ~(word << 1) & 0xfffeu; starts;) {
            unsigned k = 31u - (unsigned)__builtin_clz(starts);
            if (++n == count)
                return start - 16 + k;
            starts ^= 1u << k;
        }
        start -= 15;
    }
#endif
    for (; n < count && start > lo; n++) {
        while (start > lo && !fl_ctx_word_byte((unsigned char)t[start - 1]))
            start--;
        start = word_run_start(t, lo, start);
    }
    return start;
}

/* The end of the count-th run of word bytes that meets t[end..hi), or hi
 * when there are fewer. */
static size_t runs_on(const char *t, size_t hi, size_t end, size_t count)
{
    size_t n = 0;
#ifdef CTX_RUNS_SSE2
    /* sixteen bytes at a time, the runs ending at their bytes 0 to 14
     * (byte 15's end depends on the byte after it) */
    while (n < count && hi - end >= 16) {
        unsigned word =
            non_word16(_mm_loadu_si128((const __m128i *)(const void *)(t + end))) ^ 0xffffu;
        for (unsigned ends = word & ~(word >> 1) & 0x7fffu; ends; ends &= ends - 1) {
            if (++n == count)
                return end + (unsigned)__builtin_ctz(ends) + 1;
        }
        end += 15;
    }
#endif
    for (; n < count && end < hi; n++) {
        while (end < hi && !fl_ctx_word_byte((unsigned char)t[end]))
            end++;
        end = word_run_end(t, hi, end);
    }
    return end;
}

bool fl_ctx_window_has_near(const fl_doc *doc, size_t sentence, size_t off, size_t len,
                            size_t before, size_t after, const fl_ctx_phrases *set)
{
    const char *t = doc->prose.text;
    size_t lo = 0, hi = doc->prose.len;
    if (doc->sentences.count) {
        /* the sentence holding off: the last starting at or before it (or
         * the first), which the hint is when it starts at or before off and
         * the next one after it */
        size_t a = 0, b = doc->sentences.count;
        if (sentence < b && FL_DOC_SENTENCE(doc, sentence)->off <= off &&
            (sentence + 1 == b || FL_DOC_SENTENCE(doc, sentence + 1)->off > off))
            a = sentence, b = sentence + 1;
        while (b - a > 1) {
            size_t mid = a + (b - a) / 2;
            if (FL_DOC_SENTENCE(doc, mid)->off <= off)
                a = mid;
            else
                b = mid;
        }
        const fl_sentence *s = FL_DOC_SENTENCE(doc, a);
        lo = s->off;
        hi = s->off + s->len;
        if (off < lo || off + len > hi) {
            lo = off < lo ? off : lo;
            hi = off + len > hi ? off + len : hi;
        }
    }
    size_t start = runs_back(t, lo, off, before), end = runs_on(t, hi, off + len, after);
    return fl_ctx_text_has_in(t + start, end - start, set, NULL);
}

bool fl_ctx_window_has(const fl_doc *doc, size_t off, size_t len, size_t before, size_t after,
                       const char *const *phrases)
{
    fl_ctx_phrases local;
    return fl_ctx_window_has_near(doc, SIZE_MAX, off, len, before, after,
                                  fl_ctx_phrases_get(doc, phrases, &local));
}

/* ------------------------------------------------------ mentions by kind */

typedef fl_ctx_kinds mention_kinds;

/* Each kind's run of the index (the bucket it is listed in): its own, but
 * the amounts (FL_CTX_KINDS_SHARED) share one run, in document order,
 * since they are asked for together */
static const unsigned char kind_bucket[FL_M_KIND_COUNT] = {
    [FL_M_CODE] = FL_M_CODE,       [FL_M_NAME] = FL_M_NAME,
    [FL_M_ACRONYM] = FL_M_ACRONYM, [FL_M_ACRONYM_DEF] = FL_M_ACRONYM_DEF,
    [FL_M_MONEY] = FL_M_MONEY,     [FL_M_QUANTITY] = FL_M_MONEY,
    [FL_M_PERCENT] = FL_M_MONEY,   [FL_M_DATE] = FL_M_DATE,
    [FL_M_AGE] = FL_M_AGE,         [FL_M_TITLE] = FL_M_TITLE,
};
/* per bucket: its kinds (a mask) */
static const unsigned bucket_kinds[FL_M_KIND_COUNT] = {
    [FL_M_CODE] = 1u << FL_M_CODE,
    [FL_M_NAME] = 1u << FL_M_NAME,
    [FL_M_ACRONYM] = 1u << FL_M_ACRONYM,
    [FL_M_ACRONYM_DEF] = 1u << FL_M_ACRONYM_DEF,
    [FL_M_MONEY] = FL_CTX_KINDS_SHARED,
    [FL_M_QUANTITY] = 0,
    [FL_M_PERCENT] = 0,
    [FL_M_DATE] = 1u << FL_M_DATE,
    [FL_M_AGE] = 1u << FL_M_AGE,
    [FL_M_TITLE] = 1u << FL_M_TITLE,
};

/* A mention's kind by the low byte of its fl_mention_kind: the kind, or
 * the last for a byte past them (a kind no mention has: the index stays in
 * bounds whatever a document built by hand holds) */
#define KIND_OF(b) ((b) < FL_M_KIND_COUNT ? (b) : FL_M_KIND_COUNT - 1)
#define KIND_OF_4(b) KIND_OF(b), KIND_OF((b) + 1), KIND_OF((b) + 2), KIND_OF((b) + 3)
#define KIND_OF_16(b) KIND_OF_4(b), KIND_OF_4((b) + 4), KIND_OF_4((b) + 8), KIND_OF_4((b) + 12)
#define KIND_OF_64(b)                                                                              \
    KIND_OF_16(b), KIND_OF_16((b) + 16), KIND_OF_16((b) + 32), KIND_OF_16((b) + 48)
static const unsigned char kind_of_byte[256] = {KIND_OF_64(0), KIND_OF_64(64), KIND_OF_64(128),
                                                KIND_OF_64(192)};
#undef KIND_OF_64
#undef KIND_OF_16
#undef KIND_OF_4
#undef KIND_OF

static const mention_kinds *kinds_get(fl_doc *doc)
{
    mention_kinds *mk = doc->mention_kinds;
    size_t n = doc->mentions.count;
    if (mk && mk->items == doc->mentions.items && mk->count == n)
        return mk;
    /* the index, its kinds bytes and (first made) the header: one block */
    size_t nn = n ? n : 1;
    size_t head = mk ? 0 : (sizeof *mk + sizeof(size_t) - 1) / sizeof(size_t) * sizeof(size_t);
    unsigned char *block = fl_arena_alloc_uninit(doc->arena, head + nn * sizeof(uint32_t) + nn);
    if (!block)
        return NULL;
    if (!mk) {
        mk = (mention_kinds *)(void *)block;
        doc->mention_kinds = mk;
    }
    mk->items = NULL; /* until made */
    mk->index = (uint32_t *)(void *)(block + head);
    /* the kinds read once into bytes: the other passes read those */
    unsigned char *kinds = mk->kinds = block + head + nn * sizeof(uint32_t);
    size_t fill[FL_M_KIND_COUNT + 1] = {0};
    const fl_mention *m = doc->mentions.items;
    /* (counted through a pointer one past fill's start: with fill[k + 1]
     * gcc adds the 1 in a step of its own per mention) */
    size_t *count = fill + 1;
#pragma GCC unroll 8
    for (size_t i = 0; i < n; i++) {
        /* (by its low byte, through a table: two loads, where the clamp of
         * the whole kind took four steps) */
        unsigned k = kind_of_byte[(unsigned char)m[i].kind];
        kinds[i] = (unsigned char)k;
        count[k]++;
    }
    /* runs by bucket: the amounts' kinds share one (their counts moved to
     * the first; the others' runs are empty) */
    fill[FL_M_MONEY + 1] += fill[FL_M_QUANTITY + 1] + fill[FL_M_PERCENT + 1];
    fill[FL_M_QUANTITY + 1] = fill[FL_M_PERCENT + 1] = 0;
    /* (unrolled: a document's fixed cost, which counts on news of a few
     * dozen mentions) */
#pragma GCC unroll 16
    for (size_t k = 0; k < FL_M_KIND_COUNT; k++)
        fill[k + 1] += fill[k];
    memcpy(mk->start, fill, sizeof fill);
    /* two mentions a step, both buckets' places read before either is
     * written: a place written for one mention is read again for the next
     * of its bucket (most are), and each such read waits on the write; in
     * pairs, a pair waits on the pair before (the second of a pair in the
     * first's bucket takes the place after the first's) */
    size_t i = 0;
#pragma GCC unroll 4
    for (; i + 2 <= n; i += 2) {
        size_t b0 = kind_bucket[kinds[i]], b1 = kind_bucket[kinds[i + 1]];
        size_t x0 = fill[b0], y1 = fill[b1];
        size_t x1 = b0 == b1 ? x0 + 1 : y1;
        mk->index[x0] = (uint32_t)i;
        mk->index[x1] = (uint32_t)(i + 1);
        fill[b0] = x0 + 1;
        fill[b1] = x1 + 1;
    }
    if (i < n)
        mk->index[fill[kind_bucket[kinds[i]]]++] = (uint32_t)i;
    mk->items = doc->mentions.items;
    mk->count = n;
    return mk;
}

size_t fl_ctx_mentions_of_made(fl_doc *doc, unsigned kind_mask, const uint32_t **out)
{
    *out = NULL;
    const mention_kinds *mk = kinds_get(doc);
    if (!mk) {
        fl_ctx_oom(doc);
        return 0;
    }
    /* one run (the index just made: each document's first call), as
     * fl_ctx_mentions_of reads it */
    if (fl_ctx_kinds_one_run(kind_mask)) {
        size_t b = (size_t)__builtin_ctz(kind_mask);
        *out = mk->index + mk->start[b];
        return mk->start[b + 1] - mk->start[b];
    }
    /* the buckets asked for: their runs of the index */
    size_t from[FL_M_KIND_COUNT], to[FL_M_KIND_COUNT], runs = 0, total = 0;
    bool partial = false; /* some kinds of a shared bucket only */
    for (size_t b = 0; b < FL_M_KIND_COUNT; b++) {
        unsigned bm = bucket_kinds[b];
        if (!(kind_mask & bm))
            continue;
        partial |= (kind_mask & bm) != bm;
        if (mk->start[b] == mk->start[b + 1])
            continue;
        from[runs] = mk->start[b];
        to[runs] = mk->start[b + 1];
        total += to[runs] - from[runs];
        runs++;
    }
    if (runs <= 1 && !partial) {
        *out = mk->index + (runs ? from[0] : 0);
        return total;
    }
    uint32_t *merged = fl_arena_alloc_uninit(doc->arena, (total ? total : 1) * sizeof *merged);
    if (!merged) {
        fl_ctx_oom(doc);
        return 0;
    }
    /* in document order: a pass over the kinds' bytes (total bounds the
     * count; when some kinds of a bucket are left out, it is more) */
    size_t o = 0;
    for (size_t i = 0, n = mk->count; i < n && o < total; i++)
        if (kind_mask >> mk->kinds[i] & 1u)
            merged[o++] = (uint32_t)i;
    *out = merged;
    return o;
}

/* ------------------------------------------------------------ positions */

size_t fl_ctx_line(const fl_doc *doc, size_t prose_off)
{
    size_t so, sl;
    fl_prose_to_source(&doc->prose, prose_off, 0, &so, &sl);
    const fl_source *src = doc->src;
    size_t len = fl_source_length(src);
    if (so > len)
        so = len;
    /* fl_source_position's line without its column (which counts the
     * code points of the line): the last line starting at or before so */
    size_t lo = 0, hi = fl_source_line_count(src);
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (fl_source_line_offset(src, mid + 1) <= so)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}

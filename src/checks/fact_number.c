/* fact_number.c - one quantity stated with two values: the same measure
 * (money in one currency, a quantity of one unit noun, a percentage) for
 * the same subject with different values.
 *
 * Bucketing: every amount gets up to FL_NUM_MAX_ANCHORS anchor words (the
 * stemmed content words right before and after it, in its clause); items
 * (measure, anchor, amount) are sorted and each (measure, anchor) run is one
 * bucket. Buckets larger than FL_NUM_MAX_BUCKET are generic words and are
 * skipped, so the pairs compared are bounded by a constant per amount. */
#include "blame.h"
#include "../bytes8.h"
#include "context.h"

#include <libstemmer.h>
/* read8 with SSE2 on x86-64 (FL_NO_SIMD: the portable eight-byte path,
 * which the sanitizer build tests) */
#if defined(__SSE2__) && defined(__x86_64__) && !defined(FL_NO_SIMD)
#include <emmintrin.h>
#define FN_READ8_SSE2 1
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    FL_NUM_MAX_ANCHORS = 6,
    FL_NUM_BEFORE = 2, /* content words before an amount */
    FL_NUM_AFTER = 3,  /* content words after it */
    FL_NUM_MAX_OBJECTS = 1,
    FL_NUM_MAX_BUCKET = 6,  /* more amounts than this share a generic anchor */
    FL_NUM_MIN_SHARED = 3,  /* content words the two sentences share */
    FL_NUM_MIN_ANCHORS = 2, /* anchor words the two amounts share */
    FL_NUM_CUE_BEFORE = 10,
    FL_NUM_CUE_AFTER = 8,
    FL_NUM_MAX_NAMES = 24
};

/* How a number is qualified. */
typedef enum approx_kind { EXACT, APPROX, AT_LEAST, AT_MOST, APPROX_UNREAD } approx_kind;

/* Measures and anchor stems are interned (one id per distinct string),
 * so equal strings are equal ids. An amount keeps ids, not strings, in
 * small fields, as a document's amounts are read in several passes: 128
 * bytes, all but words, objects and met (read for reports, object tests
 * and checked pairs) in its first 64 (with strings and size_t fields it
 * took 232, and many more cache misses). */
typedef struct amount {
    size_t mention;
    double value;
    uint64_t anchor_bits;                    /* bit anchor_ids[i] % 64 of each anchor */
    uint32_t measure_id;                     /* "m:USD", "q:peopl", "%" */
    uint32_t anchor_ids[FL_NUM_MAX_ANCHORS]; /* their stems: memo.stems */
    unsigned char anchor_count, object_count;
    signed char sig;         /* significant digits as written; -1 until digits_of reads them */
    bool integer;            /* written without a decimal point (read with sig) */
    unsigned char approx;    /* approx_kind; APPROX_UNREAD until approx_of reads it */
    signed char comparative; /* its sentence states other values of the measure: 1, 0,
                                or -1 not read yet (comparative) */
    signed char cue;         /* a change or footing cue near it: 1, 0, or -1 not read yet */
    bool flagged;
    bool definite; /* written right after "the" (found with its anchors; false without) */
    unsigned char after_count; /* of its anchors, those after it (the first ones) */
    /* their words' slots (the words as written, lower case, in ->word) */
    struct stem_slot *slots[FL_NUM_MAX_ANCHORS];
    uint32_t objects[FL_NUM_MAX_OBJECTS]; /* anchors after on/for/against */
    /* bit q: it was in the q-th checked bucket (q < 64; see check_bucket);
     * set with its anchors */
    uint64_t met;
} amount;
/* (run puts the amounts on 64-byte boundaries: each is two cache lines) */
_Static_assert(sizeof(void *) != 8 || sizeof(amount) == 128, "an amount is two cache lines");

typedef struct item {
    size_t measure; /* id */
    size_t anchor;  /* id */
    const char *anchor_stem;
    size_t amount;
} item;

/* The names (FL_M_NAME mentions) or codes of each sentence, as runs of an
 * index sorted by sentence. */
typedef struct name_index {
    const uint32_t *mention; /* mentions, by sentence */
    size_t count;
} name_index;

/* What the pair tests read, made once per run. */
typedef struct num_ctx {
    const fl_doc *doc;
    amount *amounts; /* the document's, in mention order */
    size_t na;
    const fl_ctx_phrases *bounds[3]; /* more than, up to, about */
    bool indexed;                    /* names and codes made (on first use) */
    /* 64 anchor stems or fewer: their ids are below 64, so an amount's
     * anchor_bits has one bit per anchor, bit i for id i */
    bool anchor_bits_exact;
    name_index names, codes;
    const fl_ctx_phrases *change, *footing; /* the workspace's, or these: */
    fl_ctx_phrases change_local, footing_local, lower_local, upper_local, approx_local;
} num_ctx;

static const char *const lower_bound_phrases[] = {
    "more than",    "over",      "at least",   "above",      "upwards of",
    "in excess of", "just over", "as many as", "as much as", NULL,
};
static const char *const upper_bound_phrases[] = {
    "up to",   "less than", "under",      "fewer than", "nearly",   "almost",
    "at most", "below",     "just under", "as high as", "close to", NULL,
};

/* Cues that put two amounts on different footings even for one subject. */
static const char *const footing_phrases[] = {
    "including",  "excluding",    "includ*",    "exclud*",   "plus",       "net",
    "gross",      "pre-tax",      "after-tax",  "adjusted",  "underlying", "before tax",
    "after tax",  "per share",    "a share",    "each",      "apiece",     "average*",
    "median",     "per head",     "per person", "a head",    "a year",     "a month",
    "a week",     "a day",        "per year",   "per month", "per week",   "annual*",
    "annually",   "monthly",      "weekly",     "daily",     "worth",      "valued",
    "valuing",    "market value", "stake",      "another",   "share of",   "of which",
    "half of",    "third of",     "quarter of", "remaining", "rest",       "total",
    "a total of", "in all",       "altogether", NULL,
};

/* Units of durations, scores and records, by first letter (a-z), each
 * after a byte of its length (at most LETTERED_MAX): sports results, ages
 * and schedules state many values of these for many subjects. */
static const char *const duration_units[26] = {
    ['c' - 'a'] = "\7centuri",
    ['d' - 'a'] = "\3day\5decad",
    ['g' - 'a'] = "\4goal\4game",
    ['h' - 'a'] = "\4hour",
    ['l' - 'a'] = "\3lap",
    ['m' - 'a'] = "\5month\5minut\5match\4metr\1m",
    ['n' - 'a'] = "\5night",
    ['p' - 'a'] = "\5point\5pixel",
    ['r' - 'a'] = "\3run\5round\6record",
    ['s' - 'a'] = "\6second\6stroke\4shot\3set",
    ['t' - 'a'] = "\4time",
    ['w' - 'a'] = "\4week\6wicket",
    ['y' - 'a'] = "\4year\4yard",
};

/* Anchor stems too general to name a subject, by first letter (a-z),
 * each after a byte of its length (at most LETTERED_MAX): year month week
 * day time cent percent per around figur amount number sum valu total
 * level mark record nearly almost less more onli just compar said say
 * accord now also. */
static const char *const generic_anchors[26] = {
    ['a' - 'a'] = "\6around\6amount\6almost\6accord\4also",
    ['c' - 'a'] = "\4cent\6compar",
    ['d' - 'a'] = "\3day",
    ['f' - 'a'] = "\5figur",
    ['j' - 'a'] = "\4just",
    ['l' - 'a'] = "\5level\4less",
    ['m' - 'a'] = "\5month\4mark\4more",
    ['n' - 'a'] = "\6number\6nearly\3now",
    ['o' - 'a'] = "\4onli",
    ['p' - 'a'] = "\7percent\3per",
    ['r' - 'a'] = "\6record",
    ['s' - 'a'] = "\3sum\4said\3say",
    ['t' - 'a'] = "\4time\5total",
    ['v' - 'a'] = "\4valu",
    ['w' - 'a'] = "\4week",
    ['y' - 'a'] = "\4year",
};

/* The longest word of the lists by first letter (duration_units,
 * generic_anchors). */
enum { LETTERED_MAX = 7 };

/* Whether s[0..n) is one of the words of a list by first letter (each
 * word after a byte of its length, as in generic_anchors). */
static bool in_lettered(const char *const lettered[26], const char *s, size_t n)
{
    unsigned c = (unsigned char)s[0] - 'a';
    /* (n past LETTERED_MAX: no word; and the compare below is then one
     * of at most seven bytes, with no memcmp call to keep registers for) */
    if (n == 0 || n > LETTERED_MAX || c >= 26 || !lettered[c])
        return false;
    for (const char *w = lettered[c]; *w; w += 1 + (unsigned char)*w)
        if ((unsigned char)*w == n && fl_bytes_eq(w + 1, s, n))
            return true;
    return false;
}

/* Whether the stem s[0..n) is a generic anchor. */
static bool is_generic_anchor(const char *s, size_t n)
{
    return in_lettered(generic_anchors, s, n);
}

static bool in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == w[0] && strcmp(list[i], w) == 0)
            return true;
    return false;
}

/* Significant digits of the first number written in s, and whether it is
 * written without a decimal point. */
static int significant_digits(const char *s, bool *integer)
{
    while (*s && !(*s >= '0' && *s <= '9'))
        s++;
    char digits[64];
    size_t n = 0;
    bool dot = false;
    for (; *s && n < sizeof digits - 1; s++) {
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
        else if (*s == '.' && s[1] >= '0' && s[1] <= '9' && !dot)
            dot = true;
        else if (*s != ',')
            break;
    }
    digits[n] = '\0';
    size_t lead = 0;
    while (lead < n && digits[lead] == '0')
        lead++;
    size_t end = n;
    if (!dot)
        while (end > lead && digits[end - 1] == '0')
            end--;
    *integer = !dot;
    return end > lead ? (int)(end - lead) : 1;
}

/* The significant digits of amount a as written (read on first use). */
static int digits_of(const fl_doc *doc, amount *a)
{
    if (a->sig < 0)
        a->sig =
            (signed char)significant_digits(FL_DOC_MENTION(doc, a->mention)->surface, &a->integer);
    return a->sig;
}

/* v rounded to `sig` significant digits (v > 0; no libm needed). */
static double round_sig(double v, int sig)
{
    if (!(v > 0.0) || v > 1e18)
        return v;
    int e = 0;
    double scale = 1.0;
    while (v >= scale * 10.0) {
        scale *= 10.0;
        e++;
    }
    while (v < scale) {
        scale /= 10.0;
        e--;
    }
    /* p = 10^(sig - 1 - e) */
    double p = 1.0;
    int k = sig - 1 - e;
    for (int i = 0; i < k; i++)
        p *= 10.0;
    for (int i = 0; i > k; i--)
        p /= 10.0;
    /* 16 or more significant digits (a double holds about 15): nothing to
     * round, and v * p would not fit in a long long */
    if (v * p >= 1e15)
        return v;
    return (double)(long long)(v * p + 0.5) / p;
}

static bool near_equal(double x, double y)
{
    double d = x > y ? x - y : y - x;
    return d <= 1e-9 * (x > y ? x : y);
}

/* How amount a is qualified: the first of the bound phrases (more than,
 * up to, about) right before it; read on first use, as most amounts are
 * never compared. */
static approx_kind approx_of(const num_ctx *cx, amount *a)
{
    static const approx_kind kinds[4] = {AT_LEAST, AT_MOST, APPROX, EXACT};
    if (a->approx == APPROX_UNREAD) {
        const fl_mention *m = FL_DOC_MENTION(cx->doc, a->mention);
        const fl_sentence *s = FL_DOC_SENTENCE(cx->doc, m->sentence);
        a->approx =
            (unsigned char)kinds[fl_ctx_before_which(cx->doc, s->off, m->off, cx->bounds, 3)];
    }
    return (approx_kind)a->approx;
}

/* Whether two written amounts can state one value: equal after rounding
 * to the coarser one's digits (within 5%), or within what an
 * approximation ("about", "more than", "up to") allows. */
static bool consistent(const num_ctx *cx, amount *a, amount *b)
{
    double x = a->value, y = b->value;
    if (x == y)
        return true;
    double hi = x > y ? x : y, lo = x > y ? y : x;
    double rel = (hi - lo) / hi;
    /* (the cheap test first: most values differ by more than 5%, and
     * their digits are not read) */
    if (rel <= 0.05) {
        const amount *coarse = digits_of(cx->doc, a) <= digits_of(cx->doc, b) ? a : b,
                     *fine = coarse == a ? b : a;
        bool small_integers = a->integer && b->integer && hi < 100;
        if (!small_integers && near_equal(round_sig(fine->value, coarse->sig), coarse->value))
            return true;
    }
    for (int k = 0; k < 2; k++) {
        amount *q = k ? b : a, *o = k ? a : b;
        switch (approx_of(cx, q)) {
        case APPROX:
            if (rel <= 0.10)
                return true;
            break;
        case AT_LEAST:
            if (o->value >= q->value)
                return true;
            break;
        case AT_MOST:
            if (o->value <= q->value)
                return true;
            break;
        case EXACT:
        case APPROX_UNREAD:
            break;
        }
    }
    return false;
}

/* The classes of byte c (FL_CTX_BYTE_*): a word byte, a clause break
 * (, ; : ( ) . ! ? "), or neither. */
static unsigned byte_class(char c)
{
    return fl_ctx_byte_class[(unsigned char)c];
}

/* A word t[0..n) lower-cased into buf (NUL-padded to whole 8-byte
 * chunks) with its hash, when it can anchor: 2 to 47 ASCII bytes, no
 * digit. */
enum { LOW_CHUNKS = 6 };
typedef struct low_word {
    union {
        char buf[8 * LOW_CHUNKS];
        uint64_t chunk[LOW_CHUNKS];
    } u;
    size_t n, chunks; /* chunks: up to and including the one with the NUL */
    unsigned hash;
} low_word;

/* The word hash, one lower-cased 8-byte chunk at a time from h = 0
 * (word_mix), then folded to 32 bits (word_hash): lower_word's, and the
 * short and long words' that skip it, must agree. */
static inline uint64_t word_mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9E3779B97F4A7C15ull;
    return h ^ h >> 29;
}
static inline unsigned word_hash(uint64_t h)
{
    return (unsigned)(h >> 32) ^ (unsigned)h;
}

/* The word t[0..n) of a text that ends at `end`, read eight bytes at a
 * time (straight from the text while eight bytes are left in it). */
static inline bool lower_word(const char *t, size_t n, const char *end, low_word *w)
{
    if (n < 2 || n >= sizeof w->u.buf)
        return false;
    size_t chunks = n / 8 + 1;
    uint64_t h = 0;
    size_t k = 0;
    do { /* at least one chunk */
        const char *p = t + 8 * k;
        uint64_t v = fl_load8_before(p, end);
        if (k + 1 == chunks)
            v &= fl_low_bytes(n - 8 * k); /* NUL-padded */
        /* eight bytes at once (every test is per byte): reject non-ASCII
         * and digits, lower-case A-Z */
        uint64_t low7 = v & FL_BYTES_7F;
        uint64_t digit = FL_BYTES_IN(low7, '0', '9');
        if ((v | digit) & FL_BYTES_80)
            return false; /* non-ASCII words and numbers do not anchor */
        uint64_t upper = FL_BYTES_IN(low7, 'A', 'Z');
        v |= upper >> 2;
        fl_store8(&w->u.chunk[k], v);
        h = word_mix(h, v);
    } while (++k < chunks);
    w->n = n;
    w->chunks = chunks;
    w->hash = word_hash(h);
    return true;
}

/* w as lower_word makes it of a word of 2 to 7 ASCII letters: v its
 * lower-cased bytes as fl_load8 reads them, zero past them. */
static inline void lower_short(uint64_t v, size_t n, low_word *w)
{
    fl_store8(&w->u.chunk[0], v);
    w->n = n;
    w->chunks = 1;
    w->hash = word_hash(word_mix(0, v));
}

/* fl_low_bytes(n) for n below 8, read (one load, where the shift takes
 * four operations and a register for the count). */
static const uint64_t word_bytes[8] = {
    0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff,
};

/* Eight bytes of text read for the anchor walk: per byte (bit k for byte
 * k) whether it is no word byte (stop) and whether it is a digit or a
 * byte past ASCII (bad: a word holding one does not anchor), and the bytes
 * with ASCII letters lower-cased (low, as fl_load8 reads them; the other
 * bytes may be changed too: only words of letters are read from low). */
typedef struct bytes_read {
    unsigned stop, bad;
    uint64_t low;
} bytes_read;

#ifdef FN_READ8_SSE2
/* The eight bytes at p with SSE2: each test is one compare of all of them
 * (their constants stay in registers), each mask one movemask. */
static inline bytes_read read8(const char *p)
{
    __m128i v = _mm_loadl_epi64((const __m128i *)(const void *)p);
    /* with 0x20 set, only the ASCII letters land in a-z; a range test is
     * one signed compare once the range is moved to the bottom (-128 up):
     * every other byte lands above it */
    __m128i x = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i letter =
        _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 26), _mm_add_epi8(x, _mm_set1_epi8(0x80 - 'a')));
    __m128i digit =
        _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 10), _mm_add_epi8(v, _mm_set1_epi8(0x80 - '0')));
    bytes_read r;
    r.bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(digit, v));    /* v: bytes past ASCII */
    r.stop = ((unsigned)_mm_movemask_epi8(letter) | r.bad) ^ 0xffu; /* all below 256 */
    /* x: the letters lower-cased, and bit 5 set in every other byte,
     * which the walks never read (a word with a byte that is no letter
     * is cut there or refused) */
    r.low = (uint64_t)_mm_cvtsi128_si64(x);
    return r;
}
#else
/* The bits 7 of the bytes of v that are no word bytes (FL_CTX_BYTE_WORD:
 * ASCII letters and digits and bytes past ASCII); *bad: those of the word
 * bytes that keep a word from anchoring (digits, bytes past ASCII), as
 * lower_word refuses them; *alpha: those of the ASCII letters. */
static inline uint64_t word_masks(uint64_t v, uint64_t *bad, uint64_t *alpha)
{
    uint64_t low7 = v & FL_BYTES_7F;
    uint64_t digit = FL_BYTES_IN(low7, '0', '9');
    *alpha = FL_BYTES_IN(low7 | 0x2020202020202020ull, 'a', 'z');
    *bad = digit | v; /* bit 7 of v: a byte past ASCII */
    return ~(*alpha | *bad) & FL_BYTES_80;
}

/* The bits 7 of the bytes of x as bits 0 to 7. */
static inline unsigned bits7(uint64_t x)
{
    return (unsigned)(((x & FL_BYTES_80) * 0x0002040810204081ull) >> 56);
}

static inline bytes_read read8(const char *p)
{
    uint64_t v = fl_load8(p), bad, alpha;
    uint64_t stop = word_masks(v, &bad, &alpha);
    bytes_read r = {bits7(stop), bits7(bad), v | alpha >> 2};
    return r;
}
#endif

/* Whether the word is lit (eight bytes, NUL-padded). */
static bool low_is(const low_word *w, const char *lit)
{
    return memcmp(w->u.buf, lit, 8) == 0;
}

/* Whether the word is a preposition (for, on, in, of, to, from, at, by,
 * with, into, against, over, under, after, before, than, toward(s));
 * *object tells whether it introduces an object (for, on, against,
 * toward(s)). */
static bool is_preposition(const low_word *w, bool *object)
{
    if (w->n > 7)
        return false;
    *object = false;
    switch (w->u.buf[0]) {
    case 'a':
        return low_is(w, "at\0\0\0\0\0") || (*object = low_is(w, "against")) ||
               low_is(w, "after\0\0");
    case 'b':
        return low_is(w, "by\0\0\0\0\0") || low_is(w, "before\0");
    case 'f':
        return (*object = low_is(w, "for\0\0\0\0")) || low_is(w, "from\0\0\0");
    case 'i':
        return low_is(w, "in\0\0\0\0\0") || low_is(w, "into\0\0\0");
    case 'o':
        return low_is(w, "of\0\0\0\0\0") || (*object = low_is(w, "on\0\0\0\0\0")) ||
               low_is(w, "over\0\0\0");
    case 't':
        return low_is(w, "to\0\0\0\0\0") || low_is(w, "than\0\0\0") ||
               (*object = low_is(w, "toward\0") || low_is(w, "towards"));
    case 'u':
        return low_is(w, "under\0\0");
    case 'w':
        return low_is(w, "with\0\0\0");
    default:
        return false;
    }
}

/* The stems of the words met while looking for anchors: each distinct
 * lower-cased word is stemmed once. Open addressing. The table lives in
 * the workspace across documents (a word's stem, kind and copy depend on
 * the word alone) while it has room; the stem's id and interned copy are
 * the document's own, set on the word's first sight in the document (gen),
 * so they come in the same order as from a table of the document alone.
 * Without a workspace, or once the workspace's table fills up within a
 * document, the document's words go to a table in its arena.
 * A slot's fields come in three 16-byte groups, each within one cache
 * line (the tables are on 16-byte boundaries): what the walks read of a
 * word they meet (stem, stem_id, prep: one line, where two of every four
 * slots had them over two), what a probe reads (head, len, gen), and the
 * copies. A probe for a word of up to 7 bytes decides on head alone,
 * without the load of the word's copy from the pool (another line). */
typedef struct stem_slot {
    const char *stem; /* the document's interned stem; NULL: no anchor */
    uint32_t stem_id;
    uint8_t prep; /* is_preposition: 0 no, 1 yes, 2 one that introduces an object */
    uint8_t cue;  /* a change cue alone (see before_cue): 0 not read yet, 1 no, 2 yes */
    uint16_t raw_len;
    /* the word's first chunk, as in word; 0: an empty slot (a word's
     * first byte is a letter) */
    uint64_t head;
    uint16_t len;
    uint32_t gen;     /* the document run stem and stem_id belong to */
    const char *word; /* NUL-padded to whole 8-byte chunks */
    const char *raw;  /* the stem as stemmed; NULL: no anchor (stopword, generic, unstemmable) */
} stem_slot;
_Static_assert(sizeof(stem_slot) == 48 && offsetof(stem_slot, head) == 16, "three 16-byte groups");

/* The workspace's table: WS_SLOTS slots, words and stems in `pool`;
 * emptied before a document once it holds WS_FULL words or half its pool,
 * and not filled past WS_FULL + WS_ROOM, half its slots (beyond, the
 * arena takes over). */
enum { WS_SLOTS = 16384, WS_FULL = 4096, WS_ROOM = 4096, WS_POOL = 1 << 18 };
enum { WS_STOP_BITS = 9, WS_STOPS = 1 << WS_STOP_BITS };
typedef struct ws_stems {
    uint32_t gen; /* the current document run's */
    size_t count, pool_used;
    /* the stopwords by their first eight bytes (zero past a shorter one;
     * 0: an empty place), with their lengths and indexes in fl_stopwords,
     * open addressing; made with the table: a word is a stopword when one
     * of its first eight bytes and length has its other bytes */
    bool stops_made;
    uint64_t stop_w8[WS_STOPS];
    uint8_t stop_len[WS_STOPS];
    uint16_t stop_index[WS_STOPS];
    /* the run's five phrase sets (the workspace's, kept for its life),
     * once found: bounds (3), change, footing */
    bool sets_made;
    const fl_ctx_phrases *sets[5];
    _Alignas(16) stem_slot slots[WS_SLOTS]; /* (calloc aligns to 16) */
    char pool[WS_POOL];
} ws_stems;
_Static_assert(2 * (WS_FULL + WS_ROOM) <= WS_SLOTS, "the table stays half empty");

/* The place of a word's first eight bytes in ws_stems' stopword table. */
static unsigned stop_place(uint64_t v)
{
    return (unsigned)((v * 0x9E3779B97F4A7C15ull) >> (64 - WS_STOP_BITS));
}

/* Whether the lower-case word w[0..n) (NUL-padded to whole 8-byte chunks,
 * as lower_word makes it) is a stopword, as fl_is_stopword tells, through
 * the workspace's table (a probe or two, where fl_is_stopword searches
 * the whole list). */
static bool ws_is_stopword(const ws_stems *ws, const char *w, size_t n)
{
    uint64_t v = fl_load8(w);
    for (unsigned at = stop_place(v); ws->stop_w8[at]; at = (at + 1) & (WS_STOPS - 1))
        if (ws->stop_w8[at] == v && ws->stop_len[at] == n &&
            (n <= 8 || memcmp(w + 8, fl_stopwords[ws->stop_index[at]] + 8, n - 8) == 0))
            return true;
    return false;
}

enum {
    MEMO_FRONT_BITS = 7,
    MEMO_FRONT = 1 << MEMO_FRONT_BITS,
    MEMO_LONG_BITS = 6,
    MEMO_LONG = 1 << MEMO_LONG_BITS
};
typedef struct stem_memo {
    struct sb_stemmer *stemmer; /* without a workspace */
    stem_slot *slots;
    size_t mask, count;
    ws_stems *ws;          /* the workspace's table while slots is its; else NULL */
    const ws_stems *stops; /* the workspace's table, for its stopwords; or NULL */
    uint32_t gen;
    fl_name_keys stems; /* the distinct anchor stems */
    /* an amount was found right after "the" (one may be definite; false:
     * none is, and check_definite has nothing to test) */
    bool the_seen;
    /* before the table, for words of 2 to 7 bytes: the word last met at
     * each of MEMO_FRONT places (its lower-cased bytes as one number, 0:
     * none) and its slot; cleared when the table grows or changes */
    uint64_t front_word[MEMO_FRONT];
    const stem_slot *front_at[MEMO_FRONT];
    /* the same for words of 8 to 15 bytes: their two lower-cased
     * chunks, at the places whose bit is set in long_set */
    uint64_t long_set;
    uint64_t long_word[MEMO_LONG][2];
    const stem_slot *long_at[MEMO_LONG];
} stem_memo;

/* Empties the memo's front tables (its slots moved or changed). */
static void front_clear(stem_memo *memo)
{
    memset(memo->front_word, 0, sizeof memo->front_word);
    memo->long_set = 0;
}

static bool memo_init(fl_doc *doc, stem_memo *memo, size_t slots)
{
    /* on a 16-byte boundary, as the workspace's (the arena aligns to 8) */
    char *block = fl_arena_alloc(doc->arena, slots * sizeof *memo->slots + 8);
    memo->slots = block ? (stem_slot *)(void *)(block + ((uintptr_t)block & 8)) : NULL;
    memo->mask = slots - 1;
    memo->count = 0;
    memo->ws = NULL;
    return memo->slots != NULL;
}

/* The memo's table: the workspace's when there is one (emptied first when
 * full), else one in the arena; false when out of memory. */
static bool memo_open(fl_doc *doc, stem_memo *memo)
{
    front_clear(memo);
    memo->stops = NULL;
    void **block = doc->ws ? fl_ctx_ws_memo(doc, FL_CTX_MEMO_NUMBER_STEMS) : NULL;
    if (block && !*block)
        *block = calloc(1, sizeof(ws_stems));
    ws_stems *ws = block ? *block : NULL;
    if (ws && !ws->stops_made) {
        /* (the table stays under half full; no stopword is empty) */
        _Static_assert(WS_STOPS <= UINT16_MAX, "indexes fit");
        for (size_t i = 0; i < fl_stopword_count && 2 * i < WS_STOPS; i++) {
            size_t n = strlen(fl_stopwords[i]);
            uint64_t v = 0;
            memcpy(&v, fl_stopwords[i], n < 8 ? n : 8);
            unsigned at = stop_place(v);
            while (ws->stop_w8[at])
                at = (at + 1) & (WS_STOPS - 1);
            ws->stop_w8[at] = v;
            ws->stop_len[at] = (uint8_t)(n < 255 ? n : 255);
            ws->stop_index[at] = (uint16_t)i;
        }
        ws->stops_made = true;
    }
    if (!ws) {
        memo->gen = 1;
        return memo_init(doc, memo, 64);
    }
    if (++ws->gen == 0 || ws->count >= WS_FULL || ws->pool_used >= WS_POOL / 2) {
        memset(ws->slots, 0, sizeof ws->slots);
        ws->count = ws->pool_used = 0;
        if (ws->gen == 0)
            ws->gen = 1;
    }
    memo->ws = ws;
    memo->stops = fl_stopword_count <= WS_STOPS / 2 ? ws : NULL;
    memo->gen = ws->gen;
    memo->slots = ws->slots;
    memo->mask = WS_SLOTS - 1;
    memo->count = ws->count;
    return true;
}

static bool memo_grow(fl_doc *doc, stem_memo *memo)
{
    stem_slot *old = memo->slots;
    size_t old_cap = memo->mask + 1;
    if (!memo_init(doc, memo, old_cap * 2))
        return false;
    front_clear(memo);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].head)
            continue;
        /* the word's hash, as lower_word made it, from its copy's chunks
         * (lower-cased and NUL-padded as lower_word stored them) */
        uint64_t h = 0;
        for (size_t k = 0; k <= old[i].len / 8; k++)
            h = word_mix(h, fl_load8(old[i].word + 8 * k));
        size_t at = word_hash(h) & memo->mask;
        while (memo->slots[at].head)
            at = (at + 1) & memo->mask;
        memo->slots[at] = old[i];
        memo->count++;
    }
    return true;
}

/* The stem of the lower-case word w[0..n) (NUL-terminated), or NULL for a
 * stopword; false when out of memory. With a workspace, the segmenter's
 * stemming (in `out`, or the workspace's cache), else the memo's
 * stemmer. */
static bool stem_word(fl_doc *doc, stem_memo *memo, const char *w, size_t n, const char **stem,
                      size_t *stem_len, char out[64])
{
    if (doc->ws) {
        /* most words are stemmed here as the segmenter stems them, without
         * its cache (putting a word there costs about as much as stemming
         * it, and few of these are looked up there again); the others
         * through the cache */
        *stem = NULL;
        if (memo->stops ? ws_is_stopword(memo->stops, w, n) : fl_is_stopword(w, n))
            return true;
        size_t kept = n < 64 ? fl_stem_without_libstemmer(w, n, out) : 0;
        if (kept) {
            *stem = out;
            *stem_len = kept;
            return true;
        }
        bool stop;
        if (!fl_ws_stem(doc, w, n, &stop, stem, stem_len))
            return false;
        if (stop)
            *stem = NULL;
        return true;
    }
    *stem = NULL;
    if (fl_is_stopword(w, n))
        return true;
    const sb_symbol *st = sb_stemmer_stem(memo->stemmer, (const sb_symbol *)w, (int)n);
    if (!st)
        return true;
    int len = sb_stemmer_length(memo->stemmer);
    if (len < 0)
        return false;
    *stem = (const char *)st;
    *stem_len = (size_t)len;
    return true;
}

/* Room for n bytes (a multiple of 8) in the memo's table's home: the
 * workspace's pool or the arena; NULL when there is none. */
static char *memo_room(fl_doc *doc, stem_memo *memo, size_t n)
{
    if (!memo->ws)
        return fl_arena_alloc_uninit(doc->arena, n);
    if (memo->ws->pool_used + n > WS_POOL)
        return NULL;
    char *p = memo->ws->pool + memo->ws->pool_used;
    memo->ws->pool_used += n;
    return p;
}

/* Sets the slot's document stem (stem, stem_id) for this document run;
 * false when out of memory. The set keeps the slot's own copy of the stem
 * (raw, NUL-terminated), which outlives the run: the workspace's pool is
 * emptied only before a document, and the arena's copies are the
 * document's. */
static bool memo_refresh(fl_doc *doc, stem_memo *memo, stem_slot *sl)
{
    sl->gen = memo->gen;
    sl->stem = NULL;
    if (!sl->raw)
        return true;
    size_t id = fl_name_keys_add(doc, &memo->stems, sl->raw, sl->raw_len, false);
    if (id == FL_NAME_NO_KEY || id > UINT32_MAX)
        return false;
    sl->stem_id = (uint32_t)id;
    sl->stem = memo->stems.keys[id];
    return true;
}

/* memo_stem for a word not in the memo, whose slot would be `at`. */
static const stem_slot *memo_add(fl_doc *doc, stem_memo *memo, const low_word *w, size_t at)
{
    unsigned h = w->hash;
    size_t n = w->n;
    const char *st;
    size_t st_len = 0;
    char out[64];
    if (!stem_word(doc, memo, w->u.buf, n, &st, &st_len, out))
        return NULL;
    /* words are shorter than 48 bytes (lower_word), and so their stems */
    if (st && st_len >= 64)
        return NULL;
    if (st && is_generic_anchor(st, st_len))
        st = NULL;
    const size_t word_room = 8 * w->chunks, stem_room = st ? (st_len + 8) & ~(size_t)7 : 0;
    char *copy = NULL;
    if (memo->ws && memo->ws->count < WS_FULL + WS_ROOM)
        copy = memo_room(doc, memo, word_room + stem_room);
    if (memo->ws && !copy) {
        /* the workspace's table is full: this document's words go to
         * the arena from here on (the stems keep their ids) */
        if (!memo_init(doc, memo, 64))
            return NULL;
        front_clear(memo);
        at = h & memo->mask;
    }
    if ((memo->count + 1) * 2 > memo->mask + 1) {
        if (memo->ws || !memo_grow(doc, memo))
            return NULL; /* the workspace's table never fills past WS_FULL + WS_ROOM */
        at = h & memo->mask;
        while (memo->slots[at].head)
            at = (at + 1) & memo->mask;
    }
    if (!copy && !(copy = memo_room(doc, memo, word_room + stem_room)))
        return NULL;
    memcpy(copy, w->u.buf, word_room);
    char *raw = NULL;
    if (st) {
        raw = copy + word_room;
        memcpy(raw, st, st_len);
        raw[st_len] = '\0';
    }
    bool object = false;
    /* made in place (a copy from the stack took 18 instructions) */
    stem_slot *sl = &memo->slots[at];
    *sl = (stem_slot){.raw_len = (uint16_t)st_len,
                      .head = w->u.chunk[0],
                      .len = (uint16_t)n,
                      .word = copy,
                      .raw = raw};
    if (is_preposition(w, &object))
        sl->prep = object ? 2 : 1;
    if (!memo_refresh(doc, memo, sl)) {
        sl->head = 0; /* left empty */
        return NULL;
    }
    memo->count++;
    if (memo->ws)
        memo->ws->count = memo->count;
    return sl;
}

/* What memo_stem gives out of memory (the document marked so): a word
 * that anchors nothing and is no preposition, so that the walks need not
 * test for it (the run stops at the next amount). */
static const stem_slot no_slot;

/* The slot of the lower-case word w, stemming it on first sight; no_slot
 * when out of memory. */
static inline const stem_slot *memo_stem(fl_doc *doc, stem_memo *memo, const low_word *w)
{
    size_t at = w->hash & memo->mask;
    const uint64_t head = w->u.chunk[0];
    for (; memo->slots[at].head; at = (at + 1) & memo->mask) {
        stem_slot *sl = &memo->slots[at];
        if (sl->head == head && sl->len == w->n) {
            /* slot words are NUL-padded to whole chunks too (the first
             * is head) */
            size_t k = 1;
            while (k < w->chunks && memcmp(sl->word + 8 * k, &w->u.chunk[k], 8) == 0)
                k++;
            if (k == w->chunks) {
                if (sl->gen == memo->gen || memo_refresh(doc, memo, sl))
                    return sl;
                fl_ctx_oom(doc);
                return &no_slot;
            }
        }
    }
    const stem_slot *sl = memo_add(doc, memo, w, at);
    if (sl)
        return sl;
    fl_ctx_oom(doc);
    return &no_slot;
}

/* memo_stem of the word of 2 to 7 ASCII letters whose lower-cased bytes,
 * as fl_load8 reads them and zero past them, are v: through the front
 * table first. */
static inline const stem_slot *memo_short(fl_doc *doc, stem_memo *memo, uint64_t v, size_t n)
{
    size_t f = (size_t)((v * 0x9E3779B97F4A7C15ull) >> (64 - MEMO_FRONT_BITS));
    if (memo->front_word[f] == v)
        return memo->front_at[f];
    low_word w;
    lower_short(v, n, &w);
    const stem_slot *sl = memo_stem(doc, memo, &w);
    memo->front_word[f] = v;
    memo->front_at[f] = sl;
    return sl;
}

/* memo_stem of the word of 8 to 15 ASCII letters whose first eight
 * bytes, lower-cased as fl_load8 reads them, are v0 and whose other bytes
 * (zero past them) are v1: through the long front table first. */
static inline const stem_slot *memo_long(fl_doc *doc, stem_memo *memo, uint64_t v0, uint64_t v1,
                                         size_t n)
{
    /* lower_word's hash of the two chunks */
    const uint64_t h = word_mix(word_mix(0, v0), v1);
    size_t f = (size_t)(h >> (64 - MEMO_LONG_BITS));
    if ((memo->long_set >> f & 1u) && memo->long_word[f][0] == v0 && memo->long_word[f][1] == v1)
        return memo->long_at[f];
    low_word w;
    fl_store8(&w.u.chunk[0], v0);
    fl_store8(&w.u.chunk[1], v1);
    w.n = n;
    w.chunks = 2;
    w.hash = word_hash(h);
    const stem_slot *sl = memo_stem(doc, memo, &w);
    memo->long_set |= 1ull << f;
    memo->long_word[f][0] = v0;
    memo->long_word[f][1] = v1;
    memo->long_at[f] = sl;
    return sl;
}

/* A word of 8 to 15 bytes as long_after and long_before read it: n twice
 * its length, plus 1 when it cannot anchor (digits or bytes past ASCII),
 * else with sl its slot (no_slot when out of memory); n 0 when it is 16
 * bytes or longer (read byte by byte). (Returned in two registers: a slot
 * handed back through a pointer would keep the walks' copy in memory.) */
typedef struct long_read {
    size_t n;
    const stem_slot *sl;
} long_read;

/* The word of 8 to 15 bytes at p (the first eight all word bytes, whose
 * read8 the caller has made: low0 and bad0 its low and bad; `left` bytes
 * left in the clause from p, 8 or more, and at least 16 in the text). Kept
 * out of line: most words are shorter. */
static __attribute__((noinline)) long_read long_after(fl_doc *doc, stem_memo *memo, const char *p,
                                                      uint64_t low0, unsigned bad0, size_t left)
{
    bytes_read r1 = read8(p + 8);
    /* (the bytes past the clause's end are stops: the word ends there) */
    if (left < 16)
        r1.stop |= 0xffu << (left - 8) & 0xffu;
    if (!r1.stop)
        return (long_read){0, NULL};
    size_t n1 = (size_t)__builtin_ctz(r1.stop);
    if (bad0 | (r1.bad & ((1u << n1) - 1)))
        return (long_read){2 * (8 + n1) + 1, NULL};
    return (long_read){2 * (8 + n1), memo_long(doc, memo, low0, r1.low & word_bytes[n1], 8 + n1)};
}

/* long_after for the word of 8 to 15 bytes that ends at p (the eight
 * bytes before p all word bytes, low and bad of their read8; `left` bytes
 * in the sentence before p, 8 or more, and at least 16 in the text). */
static __attribute__((noinline)) long_read long_before(fl_doc *doc, stem_memo *memo, const char *p,
                                                       uint64_t low, unsigned bad, size_t left)
{
    bytes_read r1 = read8(p - 16);
    /* (the bytes before the sentence's start are stops) */
    if (left < 16)
        r1.stop |= (1u << (16 - left)) - 1u;
    if (!r1.stop)
        return (long_read){0, NULL};
    /* its first chunk is the last n1 bytes of r1 and the first 8 - n1 of
     * r (both read and lower-cased already), its second the last n1 bytes
     * of r */
    unsigned past = 32u - (unsigned)__builtin_clz(r1.stop); /* r1's bytes up to its start */
    size_t n1 = 8 - past;
    if ((r1.bad >> past) | bad)
        return (long_read){2 * (8 + n1) + 1, NULL};
    uint64_t first = low, rest = 0;
    if (n1) {
        first = r1.low >> 8 * past | low << 8 * n1;
        rest = low >> 8 * past;
    }
    return (long_read){2 * (8 + n1), memo_long(doc, memo, first, rest, 8 + n1)};
}

/* The places of an amount's anchors, FL_NUM_BEFORE + FL_NUM_AFTER: each
 * one past its anchor_count holds y - FL_NUM_DUMPS (as int32_t) for its
 * dump cell in run's count of buckets. */
enum { FL_NUM_DUMPS = FL_NUM_BEFORE + FL_NUM_AFTER };

/* find_anchors adds at most FL_NUM_BEFORE + FL_NUM_AFTER anchors: room
 * for them all */
_Static_assert(FL_NUM_BEFORE + FL_NUM_AFTER <= FL_NUM_MAX_ANCHORS, "an amount's anchors fit");
/* (and its walks end when their count of anchors reaches these) */
_Static_assert(FL_NUM_BEFORE > 0 && FL_NUM_AFTER > 0, "each walk looks for an anchor");

/* Adds the word of slot sl as an anchor of a unless it is none (a
 * stopword, a generic anchor, the quantity's unit, or one a has);
 * returns whether it did (a has room: find_anchors adds at most
 * FL_NUM_MAX_ANCHORS). */
static inline bool add_anchor(amount *a, const stem_slot *sl, const char *unit)
{
    const char *stem = sl->stem;
    if (!stem)
        return false; /* a stopword or a generic anchor */
    if (unit && unit[0] == stem[0] && strcmp(unit, stem) == 0)
        return false; /* the unit is the measure, not the subject */
    /* a stem it has is in its bit set (bit stem_id % 64): most stems are
     * not */
    uint64_t bit = 1ull << (sl->stem_id & 63);
    if (a->anchor_bits & bit)
        for (size_t i = 0; i < a->anchor_count; i++)
            if (a->anchor_ids[i] == sl->stem_id)
                return false;
    a->anchor_bits |= bit;
    a->anchor_ids[a->anchor_count] = (uint32_t)sl->stem_id;
    a->slots[a->anchor_count] = (stem_slot *)sl; /* (a table's slot: no_slot has no stem) */
    a->anchor_count++;
    return true;
}

/* "the" lower-cased, as fl_load8 reads it, zero past it. */
#define THE_LE ((uint64_t)'t' | (uint64_t)'h' << 8 | (uint64_t)'e' << 16)

/* Whether the word "the" ending at e is the amount's at off's determiner:
 * only spaces and line breaks between them (what check_definite asks;
 * e < off). */
static bool the_before(const char *t, size_t e, size_t off)
{
    for (size_t k = e; k < off; k++)
        if (t[k] != ' ' && t[k] != '\n')
            return false;
    return true;
}

/* The anchor words of an amount: up to FL_NUM_BEFORE content words before
 * it and FL_NUM_AFTER after it, inside its clause (hyphenated words count
 * part by part). */
static void find_anchors(fl_doc *doc, stem_memo *memo, amount *a, size_t lo, size_t hi)
{
    const fl_mention *m = FL_DOC_MENTION(doc, a->mention);
    /* (the unit read whatever the kind, for a select, not a branch: the
     * kinds of successive amounts follow no pattern) */
    const char *unit = m->unit;
    unit = m->kind == FL_M_QUANTITY ? unit : NULL;
    const char *t = doc->prose.text;
    size_t words = 0; /* the walk before the amount's */
    int object = 0;   /* 0 before an object preposition, 1 inside its object, 2 after */
    low_word w;
    long_read lr; /* what long_after and long_before give */
    /* (walked with pointers: one register fewer than t with offsets) */
    const char *p = t + m->off + m->len, *stop = t + hi;
    /* (a has no anchors yet: its count of them is the walk's, tested where
     * it grows, and FL_NUM_AFTER ends the walk) */
    while (p < stop) {
        bytes_read r;
        const char *s;
        if (stop - p > 8 && *p == ' ' && !((r = read8(p + 1)).stop & 1u)) {
            s = ++p; /* one space before the next word (most gaps), read */
        } else {
            unsigned c = 0;
            while (p < stop && !((c = byte_class(*p)) & (FL_CTX_BYTE_WORD | FL_CTX_BYTE_BREAK)))
                p++;
            if (p >= stop || (c & FL_CTX_BYTE_BREAK))
                break;
            s = p;
            r = (bytes_read){0, 0, 0};
            if (stop - s >= 8) {
                r = read8(s);
            } else if (t + doc->prose.len - s >= 8) {
                /* a word within eight bytes of the clause's end (the
                 * sentence's last, most often): read at once as well, the
                 * bytes past the end as stops, where a byte loop and
                 * lower_word would find the same word (and memo_short the
                 * same slot) */
                r = read8(s);
                r.stop |= 0xffu << (stop - s) & 0xffu;
            }
        }
        /* a word that cannot anchor is no preposition either */
        size_t n;
        const stem_slot *sl;
        if (r.stop) {
            /* most words end within eight bytes: found, checked and
             * lower-cased at once (*s is a word byte, so n >= 1) */
            n = (size_t)__builtin_ctz(r.stop);
            p = s + n;
            /* (bad bytes are word bytes, no stop bytes: those before the
             * first stop byte are r.bad & (r.stop - 1); a word of one byte
             * has a stop byte as byte 1: one test for both, which needs
             * no n) */
            if ((r.stop & 2u) | (r.bad & (r.stop - 1)))
                continue;
            sl = memo_short(doc, memo, r.low & word_bytes[n], n);
        } else if ((stop - s >= 16 || t + doc->prose.len - s >= 16) &&
                   (lr = long_after(doc, memo, s, r.low, r.bad, (size_t)(stop - s))).n) {
            /* a word of 8 to 15 bytes (near the clause's end too, as long
             * as the text has 16 bytes from s) */
            p = s + (lr.n >> 1);
            if (lr.n & 1)
                continue;
            sl = lr.sl;
        } else {
            while (p < stop && (byte_class(*p) & FL_CTX_BYTE_WORD))
                p++;
            if (!lower_word(s, (size_t)(p - s), t + doc->prose.len, &w))
                continue;
            sl = memo_stem(doc, memo, &w);
        }
        if (sl->prep) {
            /* "a 25% tariff on steel", "$80 billion for data centers" */
            if (object == 0 && sl->prep == 2)
                object = 1;
            else if (object == 1 && a->object_count)
                object = 2;
            continue;
        }
        if (add_anchor(a, sl, unit)) {
            if (object == 1 && a->object_count < FL_NUM_MAX_OBJECTS)
                a->objects[a->object_count++] = a->anchor_ids[a->anchor_count - 1];
            if (a->anchor_count == FL_NUM_AFTER)
                break;
        }
    }
    a->after_count = a->anchor_count;
    size_t i = m->off;
    words = 0;
    while (i > lo) {
        bytes_read r;
        size_t e;
        if (i - lo > 8 && t[i - 1] == ' ' && !((r = read8(t + i - 9)).stop & 0x80u)) {
            e = --i; /* one space after the word before (most gaps), read */
        } else {
            unsigned c = 0;
            while (i > lo && !((c = byte_class(t[i - 1])) & (FL_CTX_BYTE_WORD | FL_CTX_BYTE_BREAK)))
                i--;
            if (i <= lo || (c & FL_CTX_BYTE_BREAK))
                break;
            e = i;
            r = (bytes_read){0, 0, 0};
            if (e - lo >= 8) {
                r = read8(t + e - 8);
            } else if (e >= 8) {
                /* a word within eight bytes of the sentence's start: read
                 * at once as well, the bytes before the start as stops */
                r = read8(t + e - 8);
                r.stop |= (1u << (8 - (e - lo))) - 1u;
            }
        }
        size_t n;
        const stem_slot *sl;
        if (r.stop) {
            /* the eight bytes up to e hold the word's start: its bytes
             * are those after the last that is no word byte (t[e - 1] is
             * a word byte, so that one is byte 6 at most and n >= 1) */
            /* bytes up to it (clz ^ 31: its bit's index, one instruction) */
            unsigned past = ((unsigned)__builtin_clz(r.stop) ^ 31u) + 1u;
            n = 8 - past;
            i = e - n;
            /* (a word of one byte: byte 6 is a stop byte, byte 7 not) */
            if ((r.stop & 0x40u) | (r.bad >> past))
                continue;
            uint64_t low = r.low >> 8 * past;
            /* (only the "the" next to the amount can pass: one farther
             * back, as in "the cost of the $5 billion charge", must not
             * undo it) */
            if (n == 3 && e < m->off && low == THE_LE && the_before(t, e, m->off))
                a->definite = memo->the_seen = true;
            sl = memo_short(doc, memo, low, n);
        } else if ((e - lo >= 16 || e >= 16) &&
                   (lr = long_before(doc, memo, t + e, r.low, r.bad, e - lo)).n) {
            /* a word of 8 to 15 bytes (near the sentence's start too, as
             * long as the text has 16 bytes before e: e - lo >= 16, the
             * common case, is asked first) */
            i = e - (lr.n >> 1);
            if (lr.n & 1)
                continue;
            sl = lr.sl;
        } else {
            while (i > lo && (byte_class(t[i - 1]) & FL_CTX_BYTE_WORD))
                i--;
            if (!lower_word(t + i, e - i, t + doc->prose.len, &w))
                continue;
            if (e - i == 3 && e < m->off && memcmp(w.u.buf, "the", 3) == 0 &&
                the_before(t, e, m->off))
                a->definite = memo->the_seen = true;
            sl = memo_stem(doc, memo, &w);
        }
        if (add_anchor(a, sl, unit) && ++words == FL_NUM_BEFORE)
            break;
    }
}
/* A document's measures: the first MEASURE_TABLE in `key` (ids 0 up),
 * the others in `more` (ids MEASURE_TABLE up, made on first use); the
 * measures of the mentions seen so far are also memoized by currency,
 * unit text and percent sign, so that a document's few measures are each
 * made once. */
enum { MEASURE_MEMO = 8, MEASURE_TABLE = 16, MEASURE_ROOM = 56 };
typedef struct measure_memo {
    size_t count; /* in key */
    char key[MEASURE_TABLE][MEASURE_ROOM];
    size_t len[MEASURE_TABLE];
    bool more_made;
    fl_name_keys more;
    size_t percent; /* its id, or FL_NAME_NO_KEY - 1 before the first */
    size_t nmoney, nunits;
    char currency[MEASURE_MEMO][4];
    size_t money_id[MEASURE_MEMO];
    const char *unit[MEASURE_MEMO];
    size_t unit_id[MEASURE_MEMO];
} measure_memo;

/* The measure of id `id` (NUL-terminated; one pointer per measure). */
static const char *measure_key(const measure_memo *mm, size_t id)
{
    return id < MEASURE_TABLE ? mm->key[id] : mm->more.keys[id - MEASURE_TABLE];
}

/* How many measures the document has: their ids are below this. */
static size_t measure_count(const measure_memo *mm)
{
    return mm->more_made ? MEASURE_TABLE + mm->more.count : mm->count;
}

/* The id of measure s[0..len) (len < MEASURE_ROOM), added when new, or
 * FL_NAME_NO_KEY when out of memory. */
static size_t measure_intern(fl_doc *doc, measure_memo *mm, const char *s, size_t len)
{
    for (size_t i = 0; i < mm->count; i++)
        if (mm->len[i] == len && fl_bytes_eq(mm->key[i], s, len))
            return i;
    if (mm->count < MEASURE_TABLE) {
        memcpy(mm->key[mm->count], s, len);
        mm->key[mm->count][len] = '\0';
        mm->len[mm->count] = len;
        return mm->count++;
    }
    if (!mm->more_made) {
        if (!fl_name_keys_init(doc, &mm->more))
            return FL_NAME_NO_KEY;
        mm->more_made = true;
    }
    size_t id = fl_name_keys_add(doc, &mm->more, s, len, true);
    return id == FL_NAME_NO_KEY ? id : MEASURE_TABLE + id;
}

/* The measure of a mention ("m:USD", "q:<unit>", "%"): its id, or
 * FL_NAME_NO_KEY when it is not comparable (or out of memory: doc->status
 * tells). */
static size_t measure_of(fl_doc *doc, measure_memo *mm, const fl_mention *m)
{
    char buf[MEASURE_ROOM];
    size_t len;
    switch (m->kind) {
    case FL_M_MONEY:
        if (!m->currency[0])
            return FL_NAME_NO_KEY;
        /* (its first three bytes copied whole, a constant size: no call) */
        len = m->currency[1] ? (m->currency[2] ? 3 : 2) : 1;
        memcpy(buf, "m:", 2);
        memcpy(buf + 2, m->currency, 3);
        len += 2;
        break;
    case FL_M_QUANTITY: {
        if (!m->unit || !*m->unit)
            return FL_NAME_NO_KEY;
        /* "barrel-per-day" measures barrels */
        size_t ul = 0; /* (strcspn's call costs more than a unit's few bytes) */
        while (m->unit[ul] && m->unit[ul] != '-')
            ul++;
        /* (durations before the copy: about half the units met on
         * news-dev are years, months, days, minutes...) */
        if (ul == 0 || ul >= 48 || in_lettered(duration_units, m->unit, ul))
            return FL_NAME_NO_KEY;
        memcpy(buf, "q:", 2);
        memcpy(buf + 2, m->unit, ul);
        buf[2 + ul] = '\0';
        len = 2 + ul;
        break;
    }
    case FL_M_PERCENT:
        buf[0] = '%';
        len = 1;
        break;
    default:
        return FL_NAME_NO_KEY;
    }
    return measure_intern(doc, mm, buf, len);
}

/* measure_of through the memo. */
static size_t measure_memo_of(fl_doc *doc, measure_memo *mm, const fl_mention *m)
{
    size_t id;
    switch (m->kind) {
    case FL_M_MONEY:
        /* the four bytes at once (a currency is NUL-padded; one that is
         * not only misses the memo) */
        for (size_t i = 0; i < mm->nmoney; i++)
            if (memcmp(mm->currency[i], m->currency, 4) == 0)
                return mm->money_id[i];
        id = measure_of(doc, mm, m);
        if (mm->nmoney < MEASURE_MEMO && doc->status == FL_OK) {
            memcpy(mm->currency[mm->nmoney], m->currency, 4);
            mm->money_id[mm->nmoney++] = id;
        }
        return id;
    case FL_M_QUANTITY:
        if (!m->unit)
            return FL_NAME_NO_KEY;
        /* most units are the extractor's static stems: by pointer first */
        for (size_t i = 0; i < mm->nunits; i++)
            if (mm->unit[i] == m->unit)
                return mm->unit_id[i];
        for (size_t i = 0; i < mm->nunits; i++)
            if (mm->unit[i][0] == m->unit[0] && strcmp(mm->unit[i], m->unit) == 0)
                return mm->unit_id[i];
        id = measure_of(doc, mm, m);
        if (mm->nunits < MEASURE_MEMO && doc->status == FL_OK) {
            mm->unit[mm->nunits] = m->unit;
            mm->unit_id[mm->nunits++] = id;
        }
        return id;
    case FL_M_PERCENT:
        if (mm->percent == FL_NAME_NO_KEY - 1)
            mm->percent = measure_of(doc, mm, m);
        return mm->percent;
    default:
        return FL_NAME_NO_KEY;
    }
}

/* Whether an amount sits in parentheses right after another (a currency
 * conversion, "$1.13bn (£600m)"), or is one end of a range. */
static bool conversion_or_range(const fl_doc *doc, const fl_mention *m)
{
    const char *t = doc->prose.text;
    size_t i = m->off;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i > 0) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == '(' || c == '-' || c == '/')
            return true;
        /* an en dash range (its last byte first: most amounts follow a
         * letter) */
        if (c == 0x93 && i >= 3 && memcmp(t + i - 3, "\xe2\x80\x93", 3) == 0)
            return true;
    }
    size_t e = m->off + m->len;
    if (e < doc->prose.len && (t[e] == '-' || t[e] == '/') && e + 1 < doc->prose.len &&
        (t[e + 1] >= '0' && t[e + 1] <= '9'))
        return true;
    return false;
}

/* The years (1900-2099) written in t[0..n), as a bit set over 200 years. */
static void years_in(const char *t, size_t n, uint64_t bits[4])
{
    memset(bits, 0, 4 * sizeof bits[0]);
    for (size_t i = 0; i + 4 <= n;) {
        /* eight starts at once with no '1' or '2' among them are passed */
        if (i + 8 <= n) {
            uint64_t v = fl_load8(t + i);
            if (!(FL_BYTES_IN(v & FL_BYTES_7F, '1', '2') & ~v)) {
                i += 8;
                continue;
            }
        }
        /* the starts [i, stop) one at a time (each with i + 4 <= n) */
        for (size_t stop = i + 8 < n - 3 ? i + 8 : n - 3; i < stop; i++) {
            if (!((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0')))
                continue;
            if ((i > 0 && fl_ctx_word_byte((unsigned char)t[i - 1])) ||
                (i + 4 < n && fl_ctx_word_byte((unsigned char)t[i + 4])))
                continue;
            if (!(t[i + 2] >= '0' && t[i + 2] <= '9' && t[i + 3] >= '0' && t[i + 3] <= '9'))
                continue;
            int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 +
                    (t[i + 3] - '0') - 1900;
            bits[y / 64] |= 1ull << (y % 64);
        }
    }
}

/* Whether both sentences name years and no year is common to both. */
static bool different_years(const fl_doc *doc, const fl_sentence *a, const fl_sentence *b)
{
    uint64_t x[4], y[4];
    years_in(doc->prose.text + a->off, a->len, x);
    years_in(doc->prose.text + b->off, b->len, y);
    bool any_x = false, any_y = false, common = false;
    for (int i = 0; i < 4; i++) {
        any_x |= x[i] != 0;
        any_y |= y[i] != 0;
        common |= (x[i] & y[i]) != 0;
    }
    return any_x && any_y && !common;
}

static bool has_anchor(const amount *a, uint32_t stem)
{
    /* (most stems are not in its bit set) */
    if (!(a->anchor_bits >> (stem & 63) & 1u))
        return false;
    for (size_t i = 0; i < a->anchor_count; i++)
        if (a->anchor_ids[i] == stem)
            return true;
    return false;
}

/* Whether both amounts are for something (on/for/against ...) and neither
 * object word shows up near the other amount. */
static bool different_objects(const amount *a, const amount *b)
{
    if (!a->object_count || !b->object_count)
        return false;
    for (size_t i = 0; i < a->object_count; i++)
        if (has_anchor(b, a->objects[i]))
            return false;
    for (size_t i = 0; i < b->object_count; i++)
        if (has_anchor(a, b->objects[i]))
            return false;
    return true;
}

/* Whether the mentions of an index are in sentence order. */
static bool index_sorted(const fl_doc *doc, const name_index *index)
{
    for (size_t i = 1; i < index->count; i++)
        if (FL_DOC_MENTION(doc, index->mention[i - 1])->sentence >
            FL_DOC_MENTION(doc, index->mention[i])->sentence)
            return false;
    return true;
}

/* The name and the code mentions in document order, for sentence lookups
 * (made on first use, from the document's index by kind); an index is
 * left empty when they are not in sentence order. Returns false when out
 * of memory. */
static bool build_indexes(fl_doc *doc, num_ctx *cx)
{
    cx->names.count = fl_ctx_mentions_of(doc, 1u << FL_M_NAME, &cx->names.mention);
    cx->codes.count = fl_ctx_mentions_of(doc, 1u << FL_M_CODE, &cx->codes.mention);
    if (doc->status != FL_OK)
        return false;
    /* mentions out of sentence order: no sentence test */
    if (!index_sorted(doc, &cx->names))
        cx->names.count = 0;
    if (!index_sorted(doc, &cx->codes))
        cx->codes.count = 0;
    cx->indexed = true;
    return true;
}

/* The mentions of sentence `want` in an index sorted by sentence, as the
 * range [*from, *to) (empty when it has none). */
static void sentence_range(const fl_doc *doc, const name_index *index, size_t want, size_t *from,
                           size_t *to)
{
    size_t lo = 0, hi = index->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (FL_DOC_MENTION(doc, index->mention[mid])->sentence < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < index->count && FL_DOC_MENTION(doc, index->mention[end])->sentence == want)
        end++;
    *from = lo;
    *to = end;
}

/* Whether the two sentences name different things: both name something
 * (a person, company or place) and they share no name. */
static bool different_names(const fl_doc *doc, const name_index *names, size_t sa, size_t sb)
{
    size_t ranges[2][2];
    for (int k = 0; k < 2; k++) {
        sentence_range(doc, names, k ? sb : sa, &ranges[k][0], &ranges[k][1]);
        if (ranges[k][0] == ranges[k][1])
            return false;
    }
    for (size_t i = ranges[0][0]; i < ranges[0][1]; i++) {
        const fl_mention *x = FL_DOC_MENTION(doc, names->mention[i]);
        for (size_t k = ranges[1][0]; k < ranges[1][1]; k++) {
            const fl_mention *y = FL_DOC_MENTION(doc, names->mention[k]);
            if ((x->fold && y->fold && strcmp(x->fold, y->fold) == 0) ||
                (x->entity >= 0 &&
                 (x->entity == y->entity || (size_t)x->entity == names->mention[k])) ||
                (y->entity >= 0 && (size_t)y->entity == names->mention[i]))
                return false;
        }
    }
    return true;
}

/* Whether sentence s starts with a pronoun that points back ("It carries"). */
static bool starts_with_pronoun(const fl_doc *doc, size_t s)
{
    static const char *const pronouns[] = {"it", "its", "they", "their", "this", "these", NULL};
    const fl_sentence *sent = FL_DOC_SENTENCE(doc, s);
    const char *t = doc->prose.text + sent->off;
    size_t n = 0;
    char w[8];
    while (n < sent->len && n < sizeof w - 1 && fl_ctx_word_byte((unsigned char)t[n])) {
        w[n] = fl_ctx_lower(t[n]);
        n++;
    }
    if (n == 0 || n >= sizeof w - 1 || (n < sent->len && t[n] != ' '))
        return false;
    w[n] = '\0';
    return in_list(pronouns, w);
}

/* The code mentions (H100, B200) of sentence s, as a range of the index;
 * a sentence without one borrows its predecessor's ("The H100 began
 * shipping in 2022. It carries 80 gigabytes"). */
static void codes_of(const fl_doc *doc, const name_index *codes, size_t s, size_t *from, size_t *to)
{
    for (int back = 0; back < 2; back++) {
        sentence_range(doc, codes, s - (size_t)back, from, to);
        if (*from < *to || s == 0 || !starts_with_pronoun(doc, s))
            return;
    }
}

/* Whether the two sentences are about different products: both name codes
 * (or their predecessors do) and none is common to both. */
static bool different_codes(const fl_doc *doc, const name_index *codes, size_t sa, size_t sb)
{
    size_t a0, a1, b0, b1;
    codes_of(doc, codes, sa, &a0, &a1);
    codes_of(doc, codes, sb, &b0, &b1);
    if (a0 == a1 || b0 == b1)
        return false;
    for (size_t i = a0; i < a1; i++) {
        const fl_mention *x = FL_DOC_MENTION(doc, codes->mention[i]);
        for (size_t k = b0; k < b1; k++) {
            const fl_mention *y = FL_DOC_MENTION(doc, codes->mention[k]);
            if (x->skeleton && y->skeleton && strcmp(x->skeleton, y->skeleton) == 0)
                return false;
        }
    }
    return true;
}

/* Whether sentences sa and sb name different things (different_names) or
 * different products (different_codes); the indexes are made on first
 * use (out of memory: the document is marked and the answer is true). */
static bool different_things(fl_doc *doc, num_ctx *cx, size_t sa, size_t sb)
{
    if (!cx->indexed && !build_indexes(doc, cx)) {
        fl_ctx_oom(doc);
        return true;
    }
    return different_names(doc, &cx->names, sa, sb) || different_codes(doc, &cx->codes, sa, sb);
}

/* Sorts items (made in amount order) by (measure, anchor, amount), with
 * measure and anchor ids: two stable counting sorts, by anchor
 * into tmp, then by measure back. False when out of memory. */
static bool sort_items(fl_doc *doc, item *items, item *tmp, size_t n, size_t nmeasures,
                       size_t nanchors)
{
    size_t range = nmeasures > nanchors ? nmeasures : nanchors;
    size_t *start = fl_arena_alloc(doc->arena, (range + 1) * sizeof *start);
    if (!start)
        return false;
    for (size_t i = 0; i < n; i++)
        start[items[i].anchor + 1]++;
    for (size_t b = 0; b < nanchors; b++)
        start[b + 1] += start[b];
    for (size_t i = 0; i < n; i++)
        tmp[start[items[i].anchor]++] = items[i];
    memset(start, 0, (nmeasures + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[tmp[i].measure + 1]++;
    for (size_t b = 0; b < nmeasures; b++)
        start[b + 1] += start[b];
    for (size_t i = 0; i < n; i++)
        items[start[tmp[i].measure]++] = tmp[i];
    return true;
}

/* Whether amount a is part of a comparison or a list: another amount of
 * its sentence, at most 31 amounts away, states another value of its
 * measure; counts and percentages only (a money amount often shares its
 * sentence with unrelated sums). Read once per amount, on first use. */
static bool comparative(const num_ctx *cx, amount *a)
{
    if (a->comparative < 0) {
        amount *amounts = cx->amounts;
        size_t j = (size_t)(a - amounts);
        size_t sentence = FL_DOC_MENTION(cx->doc, a->mention)->sentence;
        bool listed = false;
        if (FL_DOC_MENTION(cx->doc, a->mention)->kind != FL_M_MONEY) {
            /* the amounts before it, then after it, in its sentence */
            for (size_t i = j; i > 0 && i + 31 > j && !listed;) {
                i--;
                if (FL_DOC_MENTION(cx->doc, amounts[i].mention)->sentence != sentence)
                    break;
                listed = amounts[i].measure_id == a->measure_id && !consistent(cx, &amounts[i], a);
            }
            for (size_t k = j + 1; k < cx->na && k < j + 32 && !listed; k++) {
                if (FL_DOC_MENTION(cx->doc, amounts[k].mention)->sentence != sentence)
                    break;
                listed = amounts[k].measure_id == a->measure_id && !consistent(cx, a, &amounts[k]);
            }
        }
        a->comparative = listed;
    }
    return a->comparative > 0;
}

/* Whether the word of slot sl is a change cue by itself: a phrase of the
 * change set matches it alone (only a phrase of one word can; read once
 * per word). */
static bool slot_is_cue(const num_ctx *cx, stem_slot *sl)
{
    if (!sl->cue)
        sl->cue = fl_ctx_text_has_in(sl->word, sl->len, cx->change, NULL) ? 2 : 1;
    return sl->cue == 2;
}

/* Whether t[i] (t has n bytes) is a hyphen or apostrophe between word
 * bytes: the phrase search joins the words around it into one. */
static bool joins_words(const char *t, size_t n, size_t i)
{
    return (t[i] == '-' || t[i] == '\'') && i > 0 && i + 1 < n &&
           fl_ctx_word_byte((unsigned char)t[i + 1]) && fl_ctx_word_byte((unsigned char)t[i - 1]);
}

/* A sure yes of near_cue's change window for amount a, without the phrase
 * search: one of the anchor words before it is a change cue by itself
 * ("had risen by 17.8%") and stands, as a whole word of the search (no
 * hyphen or apostrophe joins it to another), among the FL_NUM_CUE_BEFORE
 * runs of word bytes before it in its sentence: the window the search
 * reads when the sentence is the one holding the amount's start. False
 * leaves the answer to the search. */
static bool before_cue(const fl_doc *doc, const num_ctx *cx, const amount *a, const fl_mention *m)
{
    size_t x = a->after_count; /* (set by find_anchors: near_cue is asked of anchored amounts) */
    while (x < a->anchor_count && !slot_is_cue(cx, a->slots[x]))
        x++;
    if (x >= a->anchor_count)
        return false;
    /* the sentence fl_ctx_window_has_near takes for the window */
    size_t sn = m->sentence, count = doc->sentences.count;
    if (sn >= count || FL_DOC_SENTENCE(doc, sn)->off > m->off ||
        (sn + 1 < count && FL_DOC_SENTENCE(doc, sn + 1)->off <= m->off))
        return false;
    const char *t = doc->prose.text;
    size_t lo = FL_DOC_SENTENCE(doc, sn)->off, n = doc->prose.len, start = m->off;
    /* the runs back from the amount, as the window counts them */
    for (size_t run = 0; run < FL_NUM_CUE_BEFORE && start > lo; run++) {
        while (start > lo && !fl_ctx_word_byte((unsigned char)t[start - 1]))
            start--;
        size_t end = start;
        while (start > lo && fl_ctx_word_byte((unsigned char)t[start - 1]))
            start--;
        if (end == start || (start > 0 && joins_words(t, n, start - 1)) ||
            (end < n && joins_words(t, n, end)))
            continue;
        for (size_t y = x; y < a->anchor_count; y++) {
            const stem_slot *sl = a->slots[y];
            if (sl->len != end - start || sl->cue != 2)
                continue;
            size_t k = 0;
            while (k < sl->len && fl_ctx_lower(t[start + k]) == sl->word[k])
                k++;
            if (k == sl->len)
                return true;
        }
    }
    return false;
}

/* Whether a change-over-time or footing cue stands near amount a (read
 * once per amount). */
static bool near_cue(const fl_doc *doc, num_ctx *cx, amount *a)
{
    if (a->cue < 0) {
        const fl_mention *m = FL_DOC_MENTION(doc, a->mention);
        a->cue = before_cue(doc, cx, a, m) ||
                 fl_ctx_window_has_near(doc, m->sentence, m->off, m->len, FL_NUM_CUE_BEFORE,
                                        FL_NUM_CUE_AFTER, cx->change) ||
                 fl_ctx_window_has_near(doc, m->sentence, m->off, m->len, 4, 4, cx->footing);
    }
    return a->cue > 0;
}

static bool conflict(fl_doc *doc, num_ctx *cx, amount *a, amount *b)
{
    const fl_mention *ma = FL_DOC_MENTION(doc, a->mention), *mb = FL_DOC_MENTION(doc, b->mention);
    if (ma->sentence == mb->sentence || ma->sentence >= doc->sentences.count ||
        mb->sentence >= doc->sentences.count)
        return false;
    /* the shared anchors before the values: most pairs of a bucket share
     * its anchor alone on news (496 of 578 that come here on news-dev),
     * and this test reads the two amounts' anchors alone (consistent,
     * approx_of and comparative read text and other amounts; what they
     * note on an amount is the same whichever pair reads it first) */
    if (cx->anchor_bits_exact) {
        /* each bit is one anchor: two bits in common are two anchors */
        _Static_assert(FL_NUM_MIN_ANCHORS == 2, "two bits in common");
        uint64_t common = a->anchor_bits & b->anchor_bits;
        if (!(common & (common - 1)))
            return false;
    } else {
        size_t shared = 0;
        for (size_t i = 0; i < a->anchor_count && shared < FL_NUM_MIN_ANCHORS; i++)
            shared += has_anchor(b, a->anchor_ids[i]);
        if (shared < FL_NUM_MIN_ANCHORS)
            return false;
    }
    if (consistent(cx, a, b) || comparative(cx, a) || comparative(cx, b))
        return false;
    const fl_sentence *sa = FL_DOC_SENTENCE(doc, ma->sentence);
    const fl_sentence *sb = FL_DOC_SENTENCE(doc, mb->sentence);
    /* the cues first: they turn most pairs away, and are read once per
     * amount */
    if (near_cue(doc, cx, a) || near_cue(doc, cx, b))
        return false;
    if (!fl_ctx_shares(doc, ma->sentence, mb->sentence, FL_CTX_SKIP_DIGITS, FL_NUM_MIN_SHARED))
        return false;
    if (different_years(doc, sa, sb) || different_things(doc, cx, ma->sentence, mb->sentence))
        return false;
    /* "a 25% tariff on steel" and "a 10% tariff on aluminium" */
    if (different_objects(a, b))
        return false;
    return true;
}

/* Whether another amount of the measure is the difference of a and b
 * ($1m and $500,000 paid to two agencies, $1.5m in all). */
static bool parts_of_sum(const amount *amounts, size_t na, const amount *a, const amount *b)
{
    double hi = a->value > b->value ? a->value : b->value;
    double diff = hi - (a->value > b->value ? b->value : a->value);
    size_t scanned = 0;
    for (size_t i = 0; i < na && scanned < 256; i++) {
        const amount *o = &amounts[i];
        if (o == a || o == b || o->measure_id != a->measure_id)
            continue;
        scanned++;
        double d = o->value > diff ? o->value - diff : diff - o->value;
        if (d <= 0.005 * hi)
            return true;
    }
    return false;
}

/* Appends s[0..len) at *at. */
static void put_text(char **at, const char *s, size_t len)
{
    memcpy(*at, s, len);
    *at += len;
}

/* Appends v in decimal at *at. */
static void put_number(char **at, size_t v)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *(*at)++ = digits[--n];
}

/* "`W` (line L) and `R` (line M) give two values for one amount (both
 * near `WORD`)", as fl_arena_printf would make it (without its two
 * formatting passes), in the arena; NULL when out of memory. */
static char *message_of(fl_doc *doc, const char *w, size_t wline, const char *r, size_t rline,
                        const char *word)
{
    static const char p1[] = "` (line ", p2[] = ") and `",
                      p3[] = ") give two values for one amount (both near `";
    size_t wl = strlen(w), rl = strlen(r), ol = strlen(word);
    size_t len = 1 + wl + (sizeof p1 - 1) + 20 + (sizeof p2 - 1) + rl + (sizeof p1 - 1) + 20 +
                 (sizeof p3 - 1) + ol + 2;
    char *out = fl_arena_alloc_uninit(doc->arena, len + 1), *at = out;
    if (!out)
        return NULL;
    *at++ = '`';
    put_text(&at, w, wl);
    put_text(&at, p1, sizeof p1 - 1);
    put_number(&at, wline);
    put_text(&at, p2, sizeof p2 - 1);
    put_text(&at, r, rl);
    put_text(&at, p1, sizeof p1 - 1);
    put_number(&at, rline);
    put_text(&at, p3, sizeof p3 - 1);
    put_text(&at, word, ol);
    *at++ = '`';
    *at++ = ')';
    *at = '\0';
    return out;
}

static void report(fl_doc *doc, amount *wrong, const amount *right, const char *word)
{
    const fl_mention *w = FL_DOC_MENTION(doc, wrong->mention);
    const fl_mention *r = FL_DOC_MENTION(doc, right->mention);
    const char *message = message_of(doc, w->surface, fl_ctx_line(doc, w->off), r->surface,
                                     fl_ctx_line(doc, r->off), word);
    size_t off = r->off, len = r->len;
    if (!message || !fl_doc_add_finding(doc, "fact-number", FL_SEV_WARNING, w->off, w->len, message,
                                        r->surface, &off, &len, 1))
        fl_ctx_oom(doc);
    wrong->flagged = true;
}

/* The digits of the first number written in s, without leading zeros (at
 * most cap - 1 of them). */
static size_t written_digits(const char *s, char *out, size_t cap)
{
    while (*s && !(*s >= '0' && *s <= '9'))
        s++;
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        if (*s >= '0' && *s <= '9') {
            if (n || *s != '0')
                out[n++] = *s;
        } else if (!((*s == '.' || *s == ',') && s[1] >= '0' && s[1] <= '9')) {
            break;
        }
    }
    out[n] = '\0';
    return n;
}

/* Whether two written amounts look like one number mistyped: the same
 * digits in a different order (12.5 and 15.2, 46 and 64), or one digit
 * changed in a number of at least two significant digits (411,000 and
 * 441,000, 5.5 and 4.5), within a factor of ten of each other. */
static bool digit_slip(const fl_doc *doc, amount *a, amount *b)
{
    double hi = a->value > b->value ? a->value : b->value;
    double lo = a->value > b->value ? b->value : a->value;
    if (!(lo > 0.0) || hi >= 10.0 * lo)
        return false;
    char x[32], y[32];
    size_t nx = written_digits(FL_DOC_MENTION(doc, a->mention)->surface, x, sizeof x);
    size_t ny = written_digits(FL_DOC_MENTION(doc, b->mention)->surface, y, sizeof y);
    if (nx != ny || nx < 2 || strcmp(x, y) == 0)
        return false;
    size_t diff = 0;
    int count[10] = {0};
    for (size_t i = 0; i < nx; i++) {
        diff += x[i] != y[i];
        count[x[i] - '0']++;
        count[y[i] - '0']--;
    }
    bool permutation = true;
    for (int d = 0; d < 10; d++)
        permutation &= count[d] == 0;
    if (permutation)
        return true;
    /* one digit changed, and not two round numbers (20 and 30) */
    return diff == 1 && (digits_of(doc, a) >= 2 || digits_of(doc, b) >= 2);
}

/* The definite reference rule: "the $4.5 billion charge" after "a charge of
 * $5.5 billion". The amount after "the" presupposes one stated before; when
 * every earlier amount of the measure that shares an anchor with it has one
 * value, that value differs from it only by a digit slip, and no other
 * amount of the document has its value, it is flagged. */
static void check_definite(fl_doc *doc, num_ctx *cx, amount *amounts, size_t na)
{
    for (size_t d = 0; d < na; d++) {
        amount *D = &amounts[d];
        /* definite: read with its anchors (none without them) */
        if (!D->definite || D->flagged || !D->anchor_count)
            continue;
        if (doc->status != FL_OK)
            break; /* (set only by the amounts tested) */
        const fl_mention *md = FL_DOC_MENTION(doc, D->mention);
        const fl_sentence *sd = FL_DOC_SENTENCE(doc, md->sentence);
        if (comparative(cx, D) || approx_of(cx, D) != EXACT)
            continue;
        amount *ante = NULL;
        const char *word = NULL;
        bool ambiguous = false, supported = false;
        size_t scanned = 0;
        for (size_t k = 0; k < na && scanned < 256; k++) {
            amount *A = &amounts[k];
            if (k == d || A->measure_id != D->measure_id)
                continue;
            scanned++;
            if (consistent(cx, A, D)) {
                supported = true;
                break;
            }
            const fl_mention *ma = FL_DOC_MENTION(doc, A->mention);
            if (k > d || ma->sentence == md->sentence)
                continue;
            const char *shared = NULL;
            for (size_t x = 0; x < A->anchor_count && !shared; x++)
                if (has_anchor(D, A->anchor_ids[x]))
                    shared = A->slots[x]->word;
            if (!shared)
                continue;
            if (ante && !consistent(cx, ante, A))
                ambiguous = true;
            if (!ante) {
                ante = A;
                word = shared;
            }
        }
        if (supported || ambiguous || !ante || comparative(cx, ante) || !digit_slip(doc, ante, D))
            continue;
        const fl_mention *ma = FL_DOC_MENTION(doc, ante->mention);
        const fl_sentence *sa = FL_DOC_SENTENCE(doc, ma->sentence);
        if (fl_ctx_window_has_near(doc, md->sentence, md->off, md->len, 3, 4, cx->change) ||
            fl_ctx_window_has_near(doc, md->sentence, md->off, md->len, 4, 4, cx->footing) ||
            different_years(doc, sa, sd) || different_things(doc, cx, ma->sentence, md->sentence))
            continue;
        report(doc, D, ante, word);
    }
}

/* How many amounts of the bucket agree with a. */
static size_t support(const num_ctx *cx, amount *amounts, const item *bucket, size_t n, amount *a)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (consistent(cx, &amounts[bucket[i].amount], a))
            count++;
    return count;
}

/* Checks the pairs of the bucket, the r-th checked one. A pair met in an
 * earlier bucket is settled: it was tested there (conflict and
 * parts_of_sum read the two amounts alone, and give the same answer
 * again) and reported or not, or one of its amounts was flagged (for
 * good). Pairs sharing two anchors or more (all that conflict passes) are
 * in a bucket per shared anchor. */
static void check_bucket(fl_doc *doc, num_ctx *cx, amount *amounts, size_t na, const item *bucket,
                         size_t n, size_t r)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = i + 1; k < n; k++) {
            amount *a = &amounts[bucket[i].amount], *b = &amounts[bucket[k].amount];
            if ((a->met & b->met) || a->flagged || b->flagged || !conflict(doc, cx, a, b) ||
                parts_of_sum(amounts, na, a, b))
                continue;
            size_t sa = support(cx, amounts, bucket, n, a), sb = support(cx, amounts, bucket, n, b);
            /* the minority is wrong; on a tie, the later one */
            bool a_wrong = sa < sb || (sa == sb && bucket[i].amount > bucket[k].amount);
            const char *word = NULL;
            for (size_t x = 0; x < a->anchor_count && !word; x++)
                if (a->anchor_ids[x] == bucket[0].anchor)
                    word = a->slots[x]->word;
            report(doc, a_wrong ? a : b, a_wrong ? b : a, word ? word : bucket[0].anchor_stem);
        }
    }
    if (r < 64)
        for (size_t i = 0; i < n; i++)
            amounts[bucket[i].amount].met |= 1ull << r;
}

/* A checked bucket: items[from..from + count) of one measure and anchor. */
typedef struct bucket_run {
    const char *measure, *anchor;
    size_t from, count;
} bucket_run;

/* Buckets in strcmp order of measure, then anchor (no two have both
 * equal). */
static int run_order(const void *pa, const void *pb)
{
    const bucket_run *a = pa, *b = pb;
    int c = a->measure == b->measure ? 0 : strcmp(a->measure, b->measure);
    if (c)
        return c;
    /* (most anchors differ in their first byte: no call for them) */
    unsigned char x = (unsigned char)a->anchor[0], y = (unsigned char)b->anchor[0];
    return x != y ? (int)x - (int)y : strcmp(a->anchor, b->anchor);
}

/* Puts the runs in run_order: by insertion for a few (most documents
 * have under a dozen; no call per comparison), else qsort. */
static void sort_runs(bucket_run *runs, size_t n)
{
    if (n > 16) {
        qsort(runs, n, sizeof *runs, run_order);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        bucket_run r = runs[i];
        size_t j = i;
        for (; j > 0 && run_order(&runs[j - 1], &r) > 0; j--)
            runs[j] = runs[j - 1];
        runs[j] = r;
    }
}

static void run(fl_doc *doc)
{
    if (doc->sentences.count < 2)
        return;
    /* the amounts, items and tables: scratch, freed when the check ends */
    fl_scratch *made = &doc->scratch;
    const uint32_t *of_kind;
    size_t n = fl_ctx_mentions_of(doc, 1u << FL_M_MONEY | 1u << FL_M_QUANTITY | 1u << FL_M_PERCENT,
                                  &of_kind);
    if (n < 2)
        return;
    /* the amounts and the tables by measure in one arena block (one
     * call, not four, per document): the amounts first, on a 64-byte
     * boundary (the arena aligns to 8 bytes: an amount would mostly
     * straddle three cache lines, its first 64 bytes two), not zeroed
     * (each one's fields are set as it is made), nor first_sentence and
     * first_value (set where seen is first set); seen zeroed */
    char *block = fl_scratch_note(
        made, fl_arena_alloc_uninit(
                  doc->arena, 63 + n * (sizeof(amount) + sizeof(size_t) + sizeof(double) + 1)));
    if (!block) {
        fl_ctx_oom(doc);
        return;
    }
    amount *amounts = (amount *)(void *)(block + (-(uintptr_t)block & 63));
    size_t *first_sentence = (size_t *)(void *)(amounts + n);
    double *first_value = (double *)(void *)(first_sentence + n);
    unsigned char *seen = (unsigned char *)(first_value + n);
    memset(seen, 0, n);
    measure_memo mm;
    mm.count = 0;
    mm.more_made = false;
    mm.percent = FL_NAME_NO_KEY - 1;
    mm.nmoney = mm.nunits = 0;
    /* per measure id: MET (its first sentence and value in first_sentence
     * and first_value), TWO_SENTENCES, TWO_VALUES */
    enum { MET = 1, TWO_SENTENCES = 2, TWO_VALUES = 4, LIVE = MET | TWO_SENTENCES | TWO_VALUES };
    bool paired = false;
    size_t na = 0, ni = 0;
    for (size_t x = 0; x < n; x++) {
        size_t i = of_kind[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (!m->surface || !(m->number > 0) || !(m->number < 1e300) ||
            m->sentence >= doc->sentences.count || conversion_or_range(doc, m))
            continue;
        size_t measure = measure_memo_of(doc, &mm, m);
        if (measure == FL_NAME_NO_KEY) {
            if (doc->status != FL_OK)
                break; /* out of memory (only ever with no measure) */
            continue;
        }
        amount *a = &amounts[na];
        a->mention = i;
        a->value = m->number;
        a->anchor_bits = 0;
        a->measure_id = (uint32_t)measure;
        /* the places past anchor_count: their dump cells in the count
         * loop below (read nowhere else) */
        for (size_t y = 0; y < FL_NUM_DUMPS; y++)
            a->anchor_ids[y] = (uint32_t)((int32_t)y - FL_NUM_DUMPS);
        /* the small fields in their order (gcc merges the stores) */
        a->anchor_count = 0;
        a->object_count = 0;
        a->sig = -1;
        a->integer = false; /* (read with sig) */
        a->approx = APPROX_UNREAD;
        a->comparative = -1;
        a->cue = -1;
        a->flagged = false;
        a->definite = false;
        na++;
        /* a measure stated in two sentences, with two values (ids are
         * below n: each is some earlier amount's) */
        if (!seen[measure]) {
            seen[measure] = MET;
            first_sentence[measure] = m->sentence;
            first_value[measure] = m->number;
        } else if (seen[measure] != LIVE) {
            seen[measure] |= (first_sentence[measure] != m->sentence ? TWO_SENTENCES : 0) |
                             (first_value[measure] != m->number ? TWO_VALUES : 0);
            paired |= seen[measure] == LIVE;
        }
    }
    /* no measure in two sentences with two values: no pair (the rest is
     * made only for documents with one; amounts of one value all agree) */
    if (!paired || doc->status != FL_OK)
        return;
    /* the workspace's stemmer when the checker lends one */
    struct sb_stemmer *own = NULL, *stemmer = doc->ws ? doc->ws->stemmer : NULL;
    if (!stemmer)
        stemmer = own = sb_stemmer_new("english", NULL);
    stem_memo memo;
    memo.stemmer = stemmer;
    memo.the_seen = false;
    if (!stemmer || !memo_open(doc, &memo) || !fl_name_keys_init(doc, &memo.stems)) {
        sb_stemmer_delete(own);
        fl_ctx_oom(doc);
        return;
    }
    num_ctx cx;
    cx.doc = doc;
    cx.amounts = amounts;
    cx.na = na;
    /* tried in this order: the first that matches qualifies the amount
     * (the workspace's sets are looked up once per workspace: kept with
     * its stems) */
    ws_stems *held = memo.ws;
    if (held && held->sets_made) {
        cx.bounds[0] = held->sets[0];
        cx.bounds[1] = held->sets[1];
        cx.bounds[2] = held->sets[2];
        cx.change = held->sets[3];
        cx.footing = held->sets[4];
    } else {
        cx.bounds[0] = fl_ctx_phrases_get(doc, lower_bound_phrases, &cx.lower_local);
        cx.bounds[1] = fl_ctx_phrases_get(doc, upper_bound_phrases, &cx.upper_local);
        cx.bounds[2] = fl_ctx_phrases_get(doc, fl_ctx_approx_phrases, &cx.approx_local);
        cx.change = fl_ctx_phrases_get(doc, fl_ctx_change_phrases, &cx.change_local);
        cx.footing = fl_ctx_phrases_get(doc, footing_phrases, &cx.footing_local);
        /* only the workspace's (a set made into cx's own lives for this run) */
        if (held && cx.bounds[0] != &cx.lower_local && cx.bounds[1] != &cx.upper_local &&
            cx.bounds[2] != &cx.approx_local && cx.change != &cx.change_local &&
            cx.footing != &cx.footing_local) {
            held->sets[0] = cx.bounds[0];
            held->sets[1] = cx.bounds[1];
            held->sets[2] = cx.bounds[2];
            held->sets[3] = cx.change;
            held->sets[4] = cx.footing;
            held->sets_made = true;
        }
    }
    cx.indexed = false;
    /* anchors only for amounts whose measure is in two sentences and has
     * two values: the others meet no amount of their measure in another
     * sentence, or only amounts of their value (which agree with them), so
     * no bucket or definite reference of theirs can hold a pair */
    for (size_t k = 0; k < na; k++) {
        amount *a = &amounts[k];
        if (seen[a->measure_id] != LIVE)
            continue;
        const fl_sentence *s = FL_DOC_SENTENCE(doc, FL_DOC_MENTION(doc, a->mention)->sentence);
        /* (met is read only of amounts in buckets, which have anchors:
         * set here, the first loop writes none of an amount's second
         * cache line) */
        a->met = 0;
        find_anchors(doc, &memo, a, s->off, s->off + s->len);
        ni += a->anchor_count;
        if (doc->status != FL_OK)
            break; /* out of memory (set by find_anchors alone here) */
    }
    /* (measure, anchor, amount) items grouped by (measure id, anchor id),
     * in amount order within a group: counted and listed by measure x
     * anchor when that range is small (a document has a few measures and
     * anchors), else sort_items; the checked groups (2 to
     * FL_NUM_MAX_BUCKET amounts) are then put in strcmp order of measure
     * and anchor, so only they are compared as strings */
    size_t nm = measure_count(&mm), nanch = memo.stems.count;
    bool one_sort = nanch == 0 || nm <= (2 * ni + 1024) / nanch;
    /* (a row per measure: FL_NUM_DUMPS cells the count loop sends an
     * amount's unused anchor places to, then its anchors' cells) */
    size_t stride = FL_NUM_DUMPS + nanch;
    enum { MEMBERS = 8 }; /* places per cell: FL_NUM_MAX_BUCKET or more, a power of 2 */
    _Static_assert((int)MEMBERS >= (int)FL_NUM_MAX_BUCKET && !(MEMBERS & (MEMBERS - 1)), "places");
    size_t range = one_sort ? nm * stride : 0;
    item *items =
        fl_scratch_note(made, fl_arena_alloc_uninit(doc->arena, (one_sort ? ni + 1 : 2 * (ni + 1)) *
                                                                    sizeof *items));
    size_t *counts =
        one_sort ? fl_scratch_note(made, fl_arena_alloc(doc->arena, (range + 1) * sizeof *counts))
                 : NULL;
    if (doc->status != FL_OK || !items || (one_sort && !counts)) {
        sb_stemmer_delete(own);
        fl_ctx_oom(doc);
        return;
    }
    /* the checked buckets (then put in strcmp order) */
    bucket_run *runs = NULL;
    size_t nruns = 0;
    if (one_sort) {
        /* by (measure, anchor): its count, and its first
         * FL_NUM_MAX_BUCKET amounts in amount order (a bucket of more is
         * not checked), noted in one pass over the amounts' anchors; the
         * checked buckets' items are then made from those lists, bucket by
         * bucket, in the order a counting sort gives (most anchors are in
         * no checked bucket: the amounts are not read a second time) */
        uint32_t *members =
            fl_scratch_note(made, fl_arena_alloc_uninit(doc->arena, (range ? range : 1) * MEMBERS *
                                                                        sizeof *members));
        /* its runs, listed as the buckets are read (a checked bucket has
         * two of the ni items or more) */
        runs =
            fl_scratch_note(made, fl_arena_alloc_uninit(doc->arena, (ni / 2 + 1) * sizeof *runs));
        if (!members || !runs) {
            sb_stemmer_delete(own);
            fl_ctx_oom(doc);
            return;
        }
        for (size_t k = 0; k < na; k++) {
            /* (in locals: the stores to members, uint32_t too, would have
             * the amount's count and measure read again for every anchor) */
            const uint32_t *ids = amounts[k].anchor_ids;
            size_t count = amounts[k].anchor_count;
            if (!count)
                continue;
            /* every place, those past count to their dump cells: a fixed
             * number of steps (a loop to count left its end to be
             * guessed, wrongly for most amounts) */
            size_t row = amounts[k].measure_id * stride + FL_NUM_DUMPS;
#pragma GCC unroll 8
            for (size_t y = 0; y < FL_NUM_DUMPS; y++) {
                size_t at = row + (size_t)(ptrdiff_t)(int32_t)ids[y];
                size_t c = counts[at]++;
                /* (no test: a cell's members are read only when it ends
                 * with FL_NUM_MAX_BUCKET or fewer, and then each went to
                 * its own place; past them they wrap around within the
                 * cell's MEMBERS places) */
                members[at * MEMBERS + (c & (MEMBERS - 1))] = (uint32_t)k;
            }
        }
        ni = 0;
        for (size_t ms = 0, b = 0; ms < nm; ms++) {
            /* (a measure not in two sentences with two values has no
             * anchors: its row is all zero) */
            if (seen[ms] != LIVE) {
                b += stride;
                continue;
            }
            b += FL_NUM_DUMPS;
            for (size_t an = 0; an < nanch; an++, b++) {
                size_t count = counts[b];
                if (count < 2 || count > FL_NUM_MAX_BUCKET)
                    continue;
                runs[nruns++] = (bucket_run){measure_key(&mm, ms), memo.stems.keys[an], ni, count};
                for (size_t c = 0; c < count; c++)
                    items[ni++] = (item){ms, an, memo.stems.keys[an], members[b * MEMBERS + c]};
            }
        }
    } else {
        for (size_t k = 0, x = 0; k < na; k++)
            for (size_t y = 0; y < amounts[k].anchor_count; y++)
                items[x++] = (item){amounts[k].measure_id, amounts[k].anchor_ids[y],
                                    memo.stems.keys[amounts[k].anchor_ids[y]], k};
        if (!sort_items(doc, items, items + ni + 1, ni, nm, nanch)) {
            sb_stemmer_delete(own);
            fl_ctx_oom(doc);
            return;
        }
    }
    /* (after sort_items, the runs of the sorted items: counted, then
     * listed) */
    for (size_t pass = 0; pass < 2 && !one_sort; pass++) {
        for (size_t i = 0, r = 0; i < ni;) {
            size_t j = i;
            while (j < ni && items[j].measure == items[i].measure &&
                   items[j].anchor == items[i].anchor)
                j++;
            if (j - i >= 2 && j - i <= FL_NUM_MAX_BUCKET) {
                if (runs)
                    runs[r] = (bucket_run){measure_key(&mm, items[i].measure), items[i].anchor_stem,
                                           i, j - i};
                r++;
            }
            i = j;
            nruns = r;
        }
        if (pass || !nruns)
            break;
        if (!(runs =
                  fl_scratch_note(made, fl_arena_alloc_uninit(doc->arena, nruns * sizeof *runs)))) {
            sb_stemmer_delete(own);
            fl_ctx_oom(doc);
            return;
        }
    }
    sort_runs(runs, nruns);
    cx.anchor_bits_exact = nanch <= 64;
    for (size_t r = 0; r < nruns && doc->status == FL_OK; r++)
        check_bucket(doc, &cx, amounts, na, items + runs[r].from, runs[r].count, r);
    if (doc->status == FL_OK && memo.the_seen)
        check_definite(doc, &cx, amounts, na);
    sb_stemmer_delete(own);
}

const fl_check_def fl_check_fact_number = {
    {"fact-number", "one amount stated with two different values for the same subject",
     FL_SEV_WARNING,
     "OpenAI, SoftBank and Oracle announced the $500 billion Stargate project for data "
     "centers. Construction of the $50 billion Stargate project for data centers starts in "
     "Texas.",
     "OpenAI, SoftBank and Oracle announced the $500 billion Stargate project for data "
     "centers. The budget of the Stargate project for data centers was initially $100 billion.",
     "Every money amount (per currency), quantity (per unit noun) and percentage is keyed by "
     "its anchor words: the stemmed content words just before and after it in its clause "
     "(`charge` in `a charge of $5.5 billion`, `tariff` in `a 25% tariff`). Two amounts with "
     "the same measure and a shared anchor are one quantity when their sentences also share "
     "at least 3 content words and do not name different things (different years, or "
     "disjoint sets of names). Different values are then flagged, the minority (or later) one "
     "pointing at the other. The check is silent when either amount's neighbourhood marks a "
     "change over time (rose, fell, from ... to, up from, last year, previously, initially, "
     "revised, now...), a different footing (including, excluding, per share, a year, stake, "
     "first, second...), on conversions and ranges (`$1.13bn (£600m)`, `$5-6bn`), on amounts "
     "in one sentence, on sentences about different product codes, and on values that agree "
     "once rounding or a qualifier (about, more than, up to) is allowed for. A definite "
     "reference (`the $4.5 billion charge`) whose value is a digit slip (digits swapped, or "
     "one digit changed) of the single earlier value sharing an anchor with it is flagged "
     "even when the sentences share fewer words."},
    run,
    false,
};

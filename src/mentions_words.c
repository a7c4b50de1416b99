/* mentions_words.c - the word lists the extractors consult for every
 * word (common words, the first words of roles, name particles, months and
 * weekdays, reporting verbs), in one hash of lower-case words to their
 * classes: built once with the patterns (fl_patterns_new) and read by
 * every thread, so one probe answers what several list searches did. */
#include "mentions.h"

#include <stdint.h>
#include <string.h>

/* Function words and sentence starters that are never a name or a unit on
 * their own ("the", "however", "even"): FL_WC_COMMON. */
static const char *const common_words[] = {"a",
                                           "about",
                                           "above",
                                           "according",
                                           "across",
                                           "actually",
                                           "additionally",
                                           "after",
                                           "afterwards",
                                           "again",
                                           "against",
                                           "ago",
                                           "ahead",
                                           "all",
                                           "almost",
                                           "along",
                                           "already",
                                           "also",
                                           "although",
                                           "always",
                                           "am",
                                           "amid",
                                           "among",
                                           "amongst",
                                           "an",
                                           "and",
                                           "another",
                                           "any",
                                           "anyone",
                                           "anything",
                                           "anyway",
                                           "are",
                                           "around",
                                           "as",
                                           "asked",
                                           "at",
                                           "back",
                                           "because",
                                           "been",
                                           "before",
                                           "behind",
                                           "being",
                                           "below",
                                           "beside",
                                           "besides",
                                           "between",
                                           "beyond",
                                           "both",
                                           "but",
                                           "by",
                                           "can",
                                           "cannot",
                                           "could",
                                           "currently",
                                           "despite",
                                           "did",
                                           "do",
                                           "does",
                                           "doing",
                                           "done",
                                           "down",
                                           "during",
                                           "each",
                                           "earlier",
                                           "either",
                                           "else",
                                           "elsewhere",
                                           "even",
                                           "eventually",
                                           "ever",
                                           "every",
                                           "everyone",
                                           "everything",
                                           "except",
                                           "few",
                                           "finally",
                                           "first",
                                           "following",
                                           "for",
                                           "from",
                                           "further",
                                           "furthermore",
                                           "given",
                                           "had",
                                           "has",
                                           "have",
                                           "having",
                                           "he",
                                           "hence",
                                           "her",
                                           "here",
                                           "hers",
                                           "herself",
                                           "him",
                                           "himself",
                                           "his",
                                           "how",
                                           "however",
                                           "i",
                                           "if",
                                           "in",
                                           "including",
                                           "indeed",
                                           "initially",
                                           "instead",
                                           "into",
                                           "is",
                                           "it",
                                           "its",
                                           "itself",
                                           "just",
                                           "last",
                                           "later",
                                           "latest",
                                           "less",
                                           "let",
                                           "like",
                                           "many",
                                           "maybe",
                                           "me",
                                           "meanwhile",
                                           "might",
                                           "mine",
                                           "more",
                                           "moreover",
                                           "most",
                                           "mostly",
                                           "much",
                                           "must",
                                           "my",
                                           "myself",
                                           "neither",
                                           "never",
                                           "nevertheless",
                                           "next",
                                           "no",
                                           "nobody",
                                           "none",
                                           "nor",
                                           "not",
                                           "nothing",
                                           "now",
                                           "of",
                                           "off",
                                           "often",
                                           "oh",
                                           "ok",
                                           "on",
                                           "once",
                                           "one",
                                           "only",
                                           "onto",
                                           "or",
                                           "other",
                                           "others",
                                           "otherwise",
                                           "our",
                                           "ours",
                                           "ourselves",
                                           "out",
                                           "over",
                                           "overall",
                                           "own",
                                           "perhaps",
                                           "please",
                                           "plus",
                                           "police",
                                           "previously",
                                           "rather",
                                           "recently",
                                           "regardless",
                                           "same",
                                           "separately",
                                           "several",
                                           "shall",
                                           "she",
                                           "should",
                                           "similarly",
                                           "since",
                                           "so",
                                           "some",
                                           "someone",
                                           "something",
                                           "sometimes",
                                           "soon",
                                           "still",
                                           "such",
                                           "than",
                                           "thanks",
                                           "that",
                                           "the",
                                           "their",
                                           "theirs",
                                           "them",
                                           "themselves",
                                           "then",
                                           "there",
                                           "thereafter",
                                           "therefore",
                                           "these",
                                           "they",
                                           "this",
                                           "those",
                                           "though",
                                           "through",
                                           "throughout",
                                           "thus",
                                           "to",
                                           "today",
                                           "together",
                                           "tomorrow",
                                           "tonight",
                                           "too",
                                           "toward",
                                           "towards",
                                           "under",
                                           "unless",
                                           "unlike",
                                           "until",
                                           "unto",
                                           "up",
                                           "upon",
                                           "us",
                                           "very",
                                           "via",
                                           "was",
                                           "we",
                                           "well",
                                           "were",
                                           "what",
                                           "whatever",
                                           "when",
                                           "whenever",
                                           "where",
                                           "whereas",
                                           "whether",
                                           "which",
                                           "while",
                                           "who",
                                           "whoever",
                                           "whole",
                                           "whom",
                                           "whose",
                                           "why",
                                           "will",
                                           "with",
                                           "within",
                                           "without",
                                           "would",
                                           "yes",
                                           "yesterday",
                                           "yet",
                                           "you",
                                           "your",
                                           "yours",
                                           "yourself"};

/* First words of roles and modifiers (titles try their pattern only after
 * one): FL_WC_ROLE. */
static const char *const role_starts[] = {
    "acting",       "adm",           "ambassador", "analyst",
    "associate",    "attorney",      "business",   "capt",
    "captain",      "ceo",           "cfo",        "chair",
    "chairman",     "chairperson",   "chairwoman", "chancellor",
    "chief",        "cio",           "cmo",        "co",
    "cofounder",    "col",           "commerce",   "commissioner",
    "congressman",  "congresswoman", "coo",        "cto",
    "defence",      "defense",       "deputy",     "det",
    "dr",           "economist",     "energy",     "ex",
    "executive",    "finance",       "first",      "foreign",
    "former",       "founder",       "gen",        "general",
    "gov",          "governor",      "health",     "home",
    "incoming",     "insp",          "interim",    "judge",
    "justice",      "king",          "lawmaker",   "lt",
    "managing",     "mayor",         "minister",   "outgoing",
    "pope",         "pres",          "president",  "press",
    "prime",        "prince",        "princess",   "prof",
    "professor",    "queen",         "rep",        "representative",
    "rev",          "secretary",     "sen",        "senator",
    "sgt",          "shadow",        "sheriff",    "spokesman",
    "spokesperson", "spokeswoman",   "supt",       "then",
    "transport",    "treasury",      "vice"};

/* Lower-case words inside names (von, der, of): FL_WC_PARTICLE. */
static const char *const particles[] = {
    "al",  "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "di",  "dos", "du", "el",
    "for", "ibn", "la",   "le", "of",  "op", "st",  "ten",   "ter", "van", "von", "y",   "zu"};

/* Months and weekdays spelled out: FL_WC_CALENDAR. */
static const char *const calendar_words[] = {
    "april",     "august", "december", "february", "friday",   "january",
    "july",      "june",   "monday",   "november", "october",  "saturday",
    "september", "sunday", "thursday", "tuesday",  "wednesday"};

/* Verbs after a sentence's first word that make it a subject ("Microsoft
 * pledged"): FL_WC_REPORTING. */
static const char *const reporting_verbs[] = {
    "agreed",  "announced", "confirmed", "declined", "denied", "launched", "plans",
    "pledged", "reported",  "said",      "says",     "told",   "unveiled"};

/* w[0..n) (0 < n <= 8) as a little-endian number, zero above: two loads
 * that may overlap (never past w + n), or bytes one by one below four. */
static inline uint64_t load_upto8(const char *w, size_t n)
{
    if (n == 8)
        return fl_load8(w);
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, w, 4);
        memcpy(&b, w + n - 4, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        a = __builtin_bswap32(a);
        b = __builtin_bswap32(b);
#endif
        return (uint64_t)a | (uint64_t)b << (8 * (n - 4)); /* the overlap is equal */
    }
    const unsigned char *u = (const unsigned char *)w;
    return (uint64_t)u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
           (uint64_t)u[n - 1] << (8 * (n - 1));
}

/* One half of pack_word: the n (1 to 8) bytes at w lower-cased in *out;
 * false unless they are all ASCII letters; *caps gets any capital's bit. */
static inline bool pack_half(const char *w, size_t n, uint64_t *out, uint64_t *caps)
{
    const uint64_t x = load_upto8(w, n), valid = n == 8 ? ~0ull : fl_low_bytes(n);
    if (x & FL_BYTES_80)
        return false;
    const uint64_t case_bits = FL_BYTES_01 * 0x20 & valid, lc = x | case_bits;
    if (FL_BYTES_IN(lc, 'a', 'z') != (FL_BYTES_80 & valid))
        return false;
    *caps |= ~x & case_bits;
    *out = lc;
    return true;
}

/* Packs a word, lower-cased, into two words of zero-padded bytes; false
 * when it is longer than FL_WORD_MAX or holds anything but ASCII letters
 * (no list word does). *upper tells whether it had a capital. */
static bool pack_word(const char *w, size_t len, uint64_t *lo, uint64_t *hi, bool *upper)
{
    if (len == 0 || len > FL_WORD_MAX)
        return false;
    uint64_t a = 0, b = 0, caps = 0;
    if (!pack_half(w, len < 8 ? len : 8, &a, &caps) ||
        (len > 8 && !pack_half(w + 8, len - 8, &b, &caps)))
        return false;
    *lo = a;
    *hi = b;
    *upper = caps != 0;
    return true;
}

static size_t slot_of(uint64_t lo, uint64_t hi)
{
    uint64_t h = (lo ^ (hi * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 54); /* FL_WORD_SLOTS = 1024 */
}

static void add_list(fl_word_table *table, const char *const *words, size_t n, unsigned cls)
{
    fl_word_slot *slots = table->slots;
    unsigned bit = 0;
    while (bit + 1 < FL_WC_BITS && !(cls & (1u << bit)))
        bit++;
    for (size_t i = 0; i < n; i++) {
        uint64_t lo, hi;
        bool upper;
        size_t len = strlen(words[i]);
        if (!pack_word(words[i], len, &lo, &hi, &upper))
            continue; /* not in the lists above */
        size_t k = slot_of(lo, hi);
        while (slots[k].lo && (slots[k].lo != lo || slots[k].hi != hi))
            k = (k + 1) & (FL_WORD_SLOTS - 1);
        slots[k].lo = lo;
        slots[k].hi = hi;
        slots[k].classes |= 1u << bit;
        unsigned sk = fl_word_sketch(words[i], len);
        table->sketch[bit][sk >> 6] |= (uint64_t)1 << (sk & 63);
    }
}

#define ADD_LIST(table, list, cls) add_list(table, list, sizeof list / sizeof list[0], cls)

/* Sets bits in the head_pairs row of first byte c (ASCII) and second k
 * (its & 31). */
static void add_head(fl_word_table *table, unsigned c, unsigned k, uint32_t bits)
{
    table->head_pairs[c | k << 8] |= bits;
}

void fl_word_table_build(fl_word_table *table)
{
    memset(table, 0, sizeof *table);
    ADD_LIST(table, common_words, FL_WC_COMMON);
    ADD_LIST(table, role_starts, FL_WC_ROLE);
    ADD_LIST(table, particles, FL_WC_PARTICLE);
    ADD_LIST(table, calendar_words, FL_WC_CALENDAR);
    ADD_LIST(table, reporting_verbs, FL_WC_REPORTING);
    for (size_t i = 0; i < sizeof role_starts / sizeof role_starts[0]; i++) {
        size_t len = strlen(role_starts[i]);
        unsigned char c = (unsigned char)role_starts[i][0];
        if (len >= 2 && len <= 14 && c < 0x80) {
            unsigned second = (unsigned char)role_starts[i][1] & 31u;
            add_head(table, c, second, 1u << len);
            add_head(table, c & ~0x20u, second, 1u << len);
        }
    }
    /* the honorifics (HONORIFICS in patterns.c, as fl_honorific_word
     * spells them; test_honorifics fails when one is missing) by their
     * first two letters and their own length: a bit for every length from
     * 2 to 6 in these rows made a mark of every capitalized word such as
     * "Media", "Since" or "David", which the titles' walk then turned away */
    static const char *const honorifics[] = {"Mr",  "Mrs",    "Ms",  "Mx",
                                             "Mme", "Messrs", "Sir", "Dame"};
    for (size_t i = 0; i < sizeof honorifics / sizeof honorifics[0]; i++) {
        const unsigned char *h = (const unsigned char *)honorifics[i];
        const size_t n = strlen(honorifics[i]);
        add_head(table, h[0], h[1] & 31u, 1u << n | (uint32_t)FL_HEAD_HONORIFIC2 << (n - 2));
    }
    /* the digits, and the first two letters of the spelled numbers (one,
     * two twelve twenty, three thirteen thirty, ten, four, five fifteen,
     * six, seven, eight, eleven, nine), either case: fill_word_ends asks
     * its table of third letters only past these, so they must cover
     * every pair that table holds */
    for (unsigned d = '0'; d <= '9'; d++)
        for (unsigned k = 0; k < 32; k++)
            add_head(table, d, k, FL_HEAD_DIGIT);
    /* with the least length of the numbers spelled so (three, not
     * thousand, which fl_spelled_start turns away) */
    static const struct {
        char head[3];
        unsigned least;
    } spelled_heads[] = {{"on", 3}, {"tw", 3}, {"th", 5}, {"te", 3}, {"fo", 4}, {"fi", 4},
                         {"si", 3}, {"se", 5}, {"ei", 5}, {"el", 6}, {"ni", 4}};
    for (size_t i = 0; i < sizeof spelled_heads / sizeof spelled_heads[0]; i++) {
        const unsigned char *h = (const unsigned char *)spelled_heads[i].head;
        const uint32_t bit = FL_HEAD_SPELLED3 << (spelled_heads[i].least - 3);
        add_head(table, h[0], h[1] & 31u, bit);
        add_head(table, h[0] & ~0x20u, h[1] & 31u, bit);
    }
}

/* The classes of the packed word (lo, hi) with `caps` (its capitals'
 * bits) from the table: in line in each of fl_word_class's two paths, so
 * that of the words of eight bytes or fewer has hi known zero. */
static inline __attribute__((always_inline)) unsigned probe(const fl_word_table *table, uint64_t lo,
                                                            uint64_t hi, uint64_t caps)
{
    for (size_t k = slot_of(lo, hi);; k = (k + 1) & (FL_WORD_SLOTS - 1)) {
        const fl_word_slot *s = &table->slots[k];
        if (s->lo == lo && s->hi == hi)
            return caps ? s->classes & ~(unsigned)FL_WC_PARTICLE : s->classes;
        if (!s->lo)
            return 0;
    }
}

unsigned fl_word_class(const fl_word_table *table, const char *w, size_t len)
{
    if (len == 0 || len > FL_WORD_MAX)
        return 0;
    /* packed as pack_word does, without its test that every byte is an
     * ASCII letter: b | 0x20 is a small letter only when b is a letter,
     * so a word with any other byte finds no list word (all letters) */
    /* 0x20 in each of the first n bytes, by n (a load, not a shift and
     * the test for eight) */
    static const uint64_t case_bits[9] = {
        0,
        0x20,
        0x2020,
        0x202020,
        0x20202020,
        0x2020202020ull,
        0x202020202020ull,
        0x20202020202020ull,
        0x2020202020202020ull,
    };
    /* the bytes in loads that may overlap (never past w + len): two of
     * four bytes for 4 to 8, two of eight for 9 to 16 (the second's
     * bytes from w + 8 on shifted down), one by one below four */
    const unsigned char *u = (const unsigned char *)w;
    uint64_t x0;
    if (len >= 4) {
        if (len > 8) {
            const uint64_t x1 = fl_load8(w + len - 8) >> (8 * (16 - len)), c1 = case_bits[len - 8];
            const uint64_t c0 = case_bits[8];
            x0 = fl_load8(w);
            return probe(table, x0 | c0, x1 | c1, (~x0 & c0) | (~x1 & c1));
        }
        x0 = (uint64_t)fl_load4(w) | (uint64_t)fl_load4(w + len - 4) << (8 * (len - 4));
    } else if (len > 1) {
        /* two or three bytes (most of the words asked: "The", "We"): the
         * first two in one load, the last ORed over them */
        uint16_t x;
        memcpy(&x, w, 2);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap16(x);
#endif
        x0 = (uint64_t)x | (uint64_t)u[len - 1] << (8 * (len - 1));
    } else {
        x0 = u[0];
    }
    const uint64_t c0 = case_bits[len];
    return probe(table, x0 | c0, 0, ~x0 & c0);
}

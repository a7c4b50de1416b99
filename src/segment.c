/* segment.c - paragraphs, sentences and tokens over doc->prose, and the
 * context words of each sentence. One linear pass makes the tokens, one
 * the sentences, one the per-sentence flags; a sentence's context words
 * are made when a check first asks for them (fl_sentence_context), as
 * most sentences are never compared.
 *
 * Tokens (fl_token, spans in prose):
 *  - WORD: starts with a letter; letters, digits and marks, joined across
 *    a hyphen (- U+2010 U+2011) before a letter or digit ("F-35",
 *    "Mar-a-Lago", "GPT-4o"), an apostrophe (' U+2019) before a letter
 *    ("Trump’s", "O'Rourke"), '&' between capitals ("AT&T"), '.' between
 *    digits ("v1.2") and '.' before a lower-case ASCII letter ("Amazon.com").
 *    An abbreviation keeps its period: dotted forms of one- or two-letter
 *    parts ("U.S.", "e.g.", "a.m.", "Ph.D."), the listed abbreviations
 *    ("Mr.", "Sen.", "Inc.", "Jan."; "No.", "Vol." and the like only before a
 *    number) and single capital letters ("J."). "U.S.-based" is one WORD.
 *  - NUMBER: starts with an ASCII digit; ',' before exactly three digits,
 *    '.' before a digit, letters attached ("3,400", "14.32", "4.5bn",
 *    "1990s"). A digit-led token joined by a hyphen ("62-year-old") is a WORD;
 *    digit-hyphen-digit is split ("2010", "-", "2015").
 *  - SYMBOL: one code point of a Unicode symbol category ($ £ € ¥ + = ...)
 *    or % & @ #.
 *  - PUNCT: one code point, except runs of dots ("...") and of ?/! ("?!")
 *    and "--".
 *  Whitespace includes format characters such as the BOM (U+FEFF) and
 *  control characters; CR, LF, CRLF, NEL, FF and U+2028 break lines.
 *
 * Paragraphs: a blank line (or U+2029) starts a new paragraph and always
 * ends the sentence.
 *
 * Sentences end after . ? ! ... or … (plus any closing quotes and brackets
 * attached to it) when whitespace follows and the next word starts a
 * sentence: a capital, a digit, a symbol, or an opening quote/bracket
 * before one. A lower-case next word never starts one, so `"Is it?" she
 * asked.` and "etc. and" stay whole. Inside a double-quoted span that
 * closes within its paragraph no sentence ends (`"It is final. We will
 * not appeal," she said.` is one sentence). After an abbreviation:
 *  - titles, "e.g.", "i.e.", "vs.", "No. 5": never end a sentence;
 *  - single initials ("J. R. R. Tolkien", "George W. Bush"): end one only
 *    when the next word is a typical sentence starter (The, It, He, But...);
 *  - other dotted forms ("U.S.", "U.K.", "a.m."), company suffixes (Inc.,
 *    Corp., Co., Ltd.), months (Jan. ... Dec.; May is a word), states:
 *    end one when the next word is a typical sentence starter or the
 *    abbreviation ends a line. "in the U.S. The firm" splits; "the U.S.
 *    Commerce Department" does not. This prefers a missed boundary to a
 *    false one: a merged sentence costs little, a split name costs a mention.
 * A line break inside a paragraph is whitespace, except that
 *  - a list item ("- x", "* x", "• x", "1. x", "2) x" at a line start)
 *    always starts a sentence, and
 *  - a line that began its sentence and has no final punctuation ends that
 *    sentence at its line break when the next line starts like a sentence
 *    and the line does not end in a lower-case function word ("the", "of").
 *    This catches headlines and list items; a hard-wrapped line that
 *    happens to end just so is split too (known limit).
 *
 * Sentence flags: `headline` is a sentence on its own line(s), without final
 * punctuation and not a list item; `all_caps` when at least four in five of
 * its words have no lower-case letter (two words or more); `title_case` for
 * a headline (not all caps) where at least three in four of the words after
 * the first, small words (a, of, to...) left out, are capitalized.
 *
 * Context words: each WORD token lower-cased (’ as '), the abbreviation's
 * final period dropped, stopwords (stopwords.c) and one-letter words
 * dropped, stemmed with Snowball English (dotted forms such as "u.s" are
 * kept as they are), sorted and unique. Numbers are
 * not context words. Stems are cached in the workspace across documents
 * (fl_ws_stem shares that cache with the checks), so each distinct word is
 * stemmed once per thread; the cache slot also carries the word's stem
 * copied into the current document and the last sentence that took it.
 */
#include "internal.h"
#include "bytes8.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* p[0..n) (n < 8) as a little-endian number, zero padded */
static inline uint64_t load_part(const unsigned char *p, size_t n)
{
    uint64_t v = 0;
    for (size_t k = 0; k < n; k++)
        v |= (uint64_t)p[k] << (8 * k);
    return v;
}

/* The stem cache's hash of a lower-cased word: over its bytes eight at a
 * time (zero padded; the padding tells the length, and a tie goes to the
 * full compare), one multiplication each, so that most words take one.
 * The low bits of the result, which pick a slot, mix the product's top
 * bits (which hang on every bit of the word) into its middle ones. */
#define KEY_MUL 0x9e3779b97f4a7c15ull
static inline uint64_t key_mix(uint64_t h, uint64_t chunk)
{
    return (h ^ chunk) * KEY_MUL;
}

static inline unsigned key_final(uint64_t h)
{
    return (unsigned)(h >> 32) ^ (unsigned)(h >> 51);
}

static unsigned key_hash(const char *key, size_t n)
{
    const unsigned char *p = (const unsigned char *)key;
    uint64_t h = 0;
    size_t k = 0;
    for (; k + 8 <= n; k += 8)
        h = key_mix(h, fl_load8(p + k));
    if (k < n)
        h = key_mix(h, load_part(p + k, n - k));
    return key_final(h);
}

/* ------------------------------------------------------------ characters */

enum {
    C_SPACE,
    C_LINE,
    C_PARA,
    C_UPPER,
    C_LOWER,
    C_LETTER, /* neither upper nor lower case */
    C_DIGIT,  /* ASCII digits; others are C_LETTER */
    C_MARK,
    C_JOINER, /* ZWNJ, ZWJ, soft hyphen: part of a word, else space */
    C_PUNCT,
    C_SYMBOL
};

/* ASCII classes (index ranges are a GNU C extension that GCC and Clang
 * accept). */
// clang-format off
static const unsigned char ascii_class[128] = {
    [0 ... 9] = C_SPACE,
    [10] = C_LINE,
    [11] = C_SPACE,
    [12 ... 13] = C_LINE,
    [14 ... 32] = C_SPACE,
    ['!' ... '"'] = C_PUNCT,
    ['#' ... '&'] = C_SYMBOL,
    ['\'' ... '*'] = C_PUNCT,
    ['+'] = C_SYMBOL,
    [',' ... '/'] = C_PUNCT,
    ['0' ... '9'] = C_DIGIT,
    [':' ... ';'] = C_PUNCT,
    ['<' ... '>'] = C_SYMBOL,
    ['?'] = C_PUNCT,
    ['@'] = C_SYMBOL,
    ['A' ... 'Z'] = C_UPPER,
    ['[' ... ']'] = C_PUNCT,
    ['^'] = C_SYMBOL,
    ['_'] = C_PUNCT,
    ['`'] = C_SYMBOL,
    ['a' ... 'z'] = C_LOWER,
    ['{'] = C_PUNCT,
    ['|'] = C_SYMBOL,
    ['}'] = C_PUNCT,
    ['~'] = C_SYMBOL,
    [127] = C_SPACE,
};
// clang-format on

/* ASCII letters and digits by byte, for the inner loop of a word: what
 * each adds to a packed count of upper-case letters (bits 0-31) and
 * lower-case ones (bits 32-62); digits set bit 63, which is never read,
 * so that only other bytes are 0. */
#define UPPER_1 1ull
#define LOWER_1 (1ull << 32)
#define DIGIT_1 (1ull << 63)
// clang-format off
static const uint64_t alnum_counts[256] = {
    ['0' ... '9'] = DIGIT_1,
    ['A' ... 'Z'] = UPPER_1,
    ['a' ... 'z'] = LOWER_1,
};
// clang-format on
#undef UPPER_1
#undef LOWER_1
#undef DIGIT_1

static int classify_unicode(uint32_t cp)
{
    switch (cp) {
    case 0x85:
    case 0x2028:
        return C_LINE;
    case 0x2029:
        return C_PARA;
    case 0x00AD:
    case 0x200C:
    case 0x200D:
        return C_JOINER;
    default:
        break;
    }
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return C_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return C_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
        return C_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return C_LINE;
    case UTF8PROC_CATEGORY_ZP:
        return C_PARA;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return C_PUNCT;
    default:
        return C_SYMBOL;
    }
}

static inline int classify(uint32_t cp)
{
    return cp < 0x80 ? ascii_class[cp] : classify_unicode(cp);
}

static inline size_t decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    if (s[i] < 0x80) {
        *cp = s[i];
        return 1;
    }
    return fl_utf8_decode(s, len, i, cp);
}

static inline bool is_letter_class(int c)
{
    return c == C_UPPER || c == C_LOWER || c == C_LETTER;
}

static inline bool is_ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_ascii_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* --------------------------------------------------------- abbreviations */

enum {
    AB_NONE,
    AB_NEVER,   /* never ends a sentence: titles, e.g., vs. */
    AB_INITIAL, /* ends one only before a sentence starter */
    AB_AMBIG,   /* ends one before a sentence starter or at a line end */
    AB_NUMBERED /* an abbreviation only before a number, then AB_NEVER */
};

/* Case-sensitive, without the period: titles and name parts before a name
 * and e.g. "vs" are AB_NEVER; "No", "Vol", "p" and the like AB_NUMBERED
 * (only before a number); company suffixes, months and AP-style US states
 * AB_AMBIG. Dotted forms (U.S., e.g.) and single capitals are recognized
 * by shape, not listed. Each word (six bytes at most) is a big-endian
 * number, NUL padded (pack_be's), with its class in the low byte (always
 * zero in the word's number), in the slot of a table of 512 its number
 * hashes to (a multiply and a shift): no two share one (-Woverride-init
 * would stop the build), so a lookup is one probe, where a binary search
 * took four or five. */
#define AB_KEY(a, b, c, d, e, f)                                                                   \
    ((uint64_t)(a) << 56 | (uint64_t)(b) << 48 | (uint64_t)(c) << 40 | (uint64_t)(d) << 32 |       \
     (uint64_t)(e) << 24 | (uint64_t)(f) << 16)
#define AB_SLOT(k) ((size_t)(((k)*0x64214cc722f4e13bull) >> 55))
#define AB(a, b, c, d, e, f, cls)                                                                  \
    [AB_SLOT(AB_KEY(a, b, c, d, e, f))] = AB_KEY(a, b, c, d, e, f) | (cls)
// clang-format off
static const uint64_t abbrevs[512] = {
    AB('A', 'd', 'm', 0, 0, 0, AB_NEVER), AB('A', 'l', 'a', 0, 0, 0, AB_AMBIG),
    AB('A', 'm', 'b', 0, 0, 0, AB_NEVER), AB('A', 'p', 'r', 0, 0, 0, AB_AMBIG),
    AB('A', 'r', 'i', 'z', 0, 0, AB_AMBIG), AB('A', 'r', 'k', 0, 0, 0, AB_AMBIG),
    AB('A', 'r', 't', 0, 0, 0, AB_NUMBERED), AB('A', 's', 's', 'n', 0, 0, AB_AMBIG),
    AB('A', 't', 't', 'y', 0, 0, AB_NEVER), AB('A', 'u', 'g', 0, 0, 0, AB_AMBIG),
    AB('A', 'v', 'e', 0, 0, 0, AB_AMBIG), AB('B', 'l', 'v', 'd', 0, 0, AB_AMBIG),
    AB('B', 'r', 'i', 'g', 0, 0, AB_NEVER), AB('B', 'r', 'o', 's', 0, 0, AB_AMBIG),
    AB('C', 'a', 'l', 'i', 'f', 0, AB_AMBIG), AB('C', 'a', 'p', 't', 0, 0, AB_NEVER),
    AB('C', 'h', 0, 0, 0, 0, AB_NUMBERED), AB('C', 'm', 'd', 'r', 0, 0, AB_NEVER),
    AB('C', 'o', 0, 0, 0, 0, AB_AMBIG), AB('C', 'o', 'l', 0, 0, 0, AB_NEVER),
    AB('C', 'o', 'l', 'o', 0, 0, AB_AMBIG), AB('C', 'o', 'n', 'n', 0, 0, AB_AMBIG),
    AB('C', 'o', 'r', 'p', 0, 0, AB_AMBIG), AB('C', 'o', 's', 0, 0, 0, AB_AMBIG),
    AB('C', 'p', 'l', 0, 0, 0, AB_NEVER), AB('D', 'e', 'c', 0, 0, 0, AB_AMBIG),
    AB('D', 'e', 'l', 0, 0, 0, AB_AMBIG), AB('D', 'e', 'p', 't', 0, 0, AB_AMBIG),
    AB('D', 'e', 't', 0, 0, 0, AB_NEVER), AB('D', 'r', 0, 0, 0, 0, AB_NEVER),
    AB('E', 's', 'q', 0, 0, 0, AB_AMBIG), AB('F', 'e', 'b', 0, 0, 0, AB_AMBIG),
    AB('F', 'i', 'g', 0, 0, 0, AB_NUMBERED), AB('F', 'l', 'a', 0, 0, 0, AB_AMBIG),
    AB('F', 'r', 0, 0, 0, 0, AB_NEVER), AB('F', 't', 0, 0, 0, 0, AB_NEVER),
    AB('G', 'a', 0, 0, 0, 0, AB_AMBIG), AB('G', 'e', 'n', 0, 0, 0, AB_NEVER),
    AB('G', 'o', 'v', 0, 0, 0, AB_NEVER), AB('H', 'o', 'n', 0, 0, 0, AB_NEVER),
    AB('I', 'l', 'l', 0, 0, 0, AB_AMBIG), AB('I', 'n', 'c', 0, 0, 0, AB_AMBIG),
    AB('I', 'n', 'd', 0, 0, 0, AB_AMBIG), AB('I', 'n', 's', 'p', 0, 0, AB_NEVER),
    AB('J', 'a', 'n', 0, 0, 0, AB_AMBIG), AB('J', 'r', 0, 0, 0, 0, AB_AMBIG),
    AB('J', 'u', 'l', 0, 0, 0, AB_AMBIG), AB('J', 'u', 'n', 0, 0, 0, AB_AMBIG),
    AB('K', 'a', 'n', 0, 0, 0, AB_AMBIG), AB('K', 'y', 0, 0, 0, 0, AB_AMBIG),
    AB('L', 'L', 'C', 0, 0, 0, AB_AMBIG), AB('L', 'a', 0, 0, 0, 0, AB_AMBIG),
    AB('L', 't', 0, 0, 0, 0, AB_NEVER), AB('L', 't', 'd', 0, 0, 0, AB_AMBIG),
    AB('M', 'a', 'j', 0, 0, 0, AB_NEVER), AB('M', 'a', 'r', 0, 0, 0, AB_AMBIG),
    AB('M', 'a', 's', 's', 0, 0, AB_AMBIG), AB('M', 'd', 0, 0, 0, 0, AB_AMBIG),
    AB('M', 'e', 's', 's', 'r', 's', AB_NEVER), AB('M', 'i', 'c', 'h', 0, 0, AB_AMBIG),
    AB('M', 'i', 'n', 'n', 0, 0, AB_AMBIG), AB('M', 'i', 's', 's', 0, 0, AB_AMBIG),
    AB('M', 'o', 0, 0, 0, 0, AB_AMBIG), AB('M', 'o', 'n', 't', 0, 0, AB_AMBIG),
    AB('M', 'r', 0, 0, 0, 0, AB_NEVER), AB('M', 'r', 's', 0, 0, 0, AB_NEVER),
    AB('M', 's', 0, 0, 0, 0, AB_NEVER), AB('M', 't', 0, 0, 0, 0, AB_NEVER),
    AB('M', 'x', 0, 0, 0, 0, AB_NEVER), AB('N', 'e', 'b', 0, 0, 0, AB_AMBIG),
    AB('N', 'e', 'v', 0, 0, 0, AB_AMBIG), AB('N', 'o', 0, 0, 0, 0, AB_NUMBERED),
    AB('N', 'o', 's', 0, 0, 0, AB_NUMBERED), AB('N', 'o', 'v', 0, 0, 0, AB_AMBIG),
    AB('O', 'c', 't', 0, 0, 0, AB_AMBIG), AB('O', 'k', 'l', 'a', 0, 0, AB_AMBIG),
    AB('O', 'r', 'e', 0, 0, 0, AB_AMBIG), AB('P', 'L', 'C', 0, 0, 0, AB_AMBIG),
    AB('P', 'a', 0, 0, 0, 0, AB_AMBIG), AB('P', 'l', 'c', 0, 0, 0, AB_AMBIG),
    AB('P', 'r', 'e', 's', 0, 0, AB_NEVER), AB('P', 'r', 'o', 'f', 0, 0, AB_NEVER),
    AB('P', 'v', 't', 0, 0, 0, AB_NEVER), AB('R', 'd', 0, 0, 0, 0, AB_AMBIG),
    AB('R', 'e', 'p', 0, 0, 0, AB_NEVER), AB('R', 'e', 'p', 's', 0, 0, AB_NEVER),
    AB('R', 'e', 'v', 0, 0, 0, AB_NEVER), AB('R', 't', 0, 0, 0, 0, AB_NEVER),
    AB('S', 'e', 'c', 0, 0, 0, AB_NUMBERED), AB('S', 'e', 'n', 0, 0, 0, AB_NEVER),
    AB('S', 'e', 'n', 's', 0, 0, AB_NEVER), AB('S', 'e', 'p', 0, 0, 0, AB_AMBIG),
    AB('S', 'e', 'p', 't', 0, 0, AB_AMBIG), AB('S', 'g', 't', 0, 0, 0, AB_NEVER),
    AB('S', 'r', 0, 0, 0, 0, AB_AMBIG), AB('S', 't', 0, 0, 0, 0, AB_NEVER),
    AB('S', 't', 'e', 0, 0, 0, AB_NEVER), AB('S', 'u', 'p', 't', 0, 0, AB_NEVER),
    AB('T', 'e', 'n', 'n', 0, 0, AB_AMBIG), AB('T', 'e', 'x', 0, 0, 0, AB_AMBIG),
    AB('U', 'n', 'i', 'v', 0, 0, AB_AMBIG), AB('V', 'a', 0, 0, 0, 0, AB_AMBIG),
    AB('V', 'o', 'l', 0, 0, 0, AB_NUMBERED), AB('V', 't', 0, 0, 0, 0, AB_AMBIG),
    AB('W', 'a', 's', 'h', 0, 0, AB_AMBIG), AB('W', 'i', 's', 0, 0, 0, AB_AMBIG),
    AB('W', 'y', 'o', 0, 0, 0, AB_AMBIG), AB('a', 'p', 'p', 'r', 'o', 'x', AB_NEVER),
    AB('c', 'f', 0, 0, 0, 0, AB_NEVER), AB('f', 'i', 'g', 0, 0, 0, AB_NUMBERED),
    AB('n', 'o', 0, 0, 0, 0, AB_NUMBERED), AB('p', 0, 0, 0, 0, 0, AB_NUMBERED),
    AB('p', 'p', 0, 0, 0, 0, AB_NUMBERED), AB('v', 0, 0, 0, 0, 0, AB_NEVER),
    AB('v', 'o', 'l', 0, 0, 0, AB_NUMBERED), AB('v', 's', 0, 0, 0, 0, AB_NEVER),
};
// clang-format on
#undef AB
#undef AB_KEY

/* w[0..len) (1 <= len <= 8) NUL padded as a big-endian number: numbers
 * order as strcmp orders the words (no word holds a NUL) */
static inline uint64_t pack_be(const unsigned char *w, size_t len)
{
    if (len >= 4) {
        /* two loads of four bytes, overlapping when len < 8 (the bytes
         * they share are the same) */
        uint64_t hi = __builtin_bswap32(fl_load4(w)), lo = __builtin_bswap32(fl_load4(w + len - 4));
        return hi << 32 | lo << (32 - 8 * (len - 4));
    }
    /* the first, middle and last bytes, each in its place (one byte
     * three times, or the last twice, when shorter): no loop */
    size_t m = len >> 1;
    return (uint64_t)w[0] << 56 | (uint64_t)w[m] << (56 - 8 * m) |
           (uint64_t)w[len - 1] << (64 - 8 * len);
}

/* For each first byte of a listed abbreviation, the lengths they have (bit
 * n: n bytes): abbrev_class turns most words away here, without the call
 * and the probe. Made from abbrevs: change both together. */
static const unsigned char abbrev_lens[128] = {
    ['A'] = 0x18, ['B'] = 0x10, ['C'] = 0x3c, ['D'] = 0x1c, ['E'] = 0x08, ['F'] = 0x0c,
    ['G'] = 0x0c, ['H'] = 0x08, ['I'] = 0x18, ['J'] = 0x0c, ['K'] = 0x0c, ['L'] = 0x0c,
    ['M'] = 0x5c, ['N'] = 0x0c, ['O'] = 0x18, ['P'] = 0x1c, ['R'] = 0x1c, ['S'] = 0x1c,
    ['T'] = 0x18, ['U'] = 0x10, ['V'] = 0x0c, ['W'] = 0x18, ['a'] = 0x40, ['c'] = 0x04,
    ['f'] = 0x08, ['n'] = 0x04, ['p'] = 0x06, ['v'] = 0x0e};

/* len <= 6: the class of the word w[0..len) (most words: none) */
static __attribute__((noinline)) int abbrev_lookup(const unsigned char *w, size_t len)
{
    uint64_t key = pack_be(w, len), a = abbrevs[AB_SLOT(key)];
    /* an empty slot (0) matches no word: w[0] is no NUL */
    return (a & ~(uint64_t)0xff) == key ? (int)(a & 0xff) : AB_NONE;
}
#undef AB_SLOT

/* The first letters of the lower-case abbreviations listed (approx, cf,
 * fig, no, p, pp, v, vol, vs), as bits from 'a'. */
#define AB_LOWER_FIRST                                                                             \
    ((1u << ('a' - 'a')) | (1u << ('c' - 'a')) | (1u << ('f' - 'a')) | (1u << ('n' - 'a')) |       \
     (1u << ('p' - 'a')) | (1u << ('v' - 'a')))

/* The AB_ class of the word w[0..len) before a period; most such words
 * (the last of a sentence) begin with a small letter no listed
 * abbreviation begins with, and are settled from that. */
static inline int abbrev_class(const unsigned char *w, size_t len)
{
    if (len > 6 || (w[0] >= 'a' && w[0] <= 'z' && !((AB_LOWER_FIRST >> (w[0] - 'a')) & 1)))
        return AB_NONE;
    if (w[0] >= 0x80 || !((abbrev_lens[w[0]] >> len) & 1))
        return AB_NONE;
    return abbrev_lookup(w, len);
}

/* The class ab of the word before the period at s[p], with AB_NUMBERED
 * settled: AB_NEVER when a number follows (spaces or tabs between),
 * else AB_NONE. */
static inline int settle_numbered(const unsigned char *s, size_t len, size_t p, int ab)
{
    if (ab != AB_NUMBERED)
        return ab;
    size_t q = p + 1;
    while (q < len && (s[q] == ' ' || s[q] == '\t'))
        q++;
    return q < len && is_ascii_digit(s[q]) ? AB_NEVER : AB_NONE;
}

/* Capitalized words that typically open a sentence; after an ambiguous
 * abbreviation ("U.S.", "Inc.", an initial) they mark a boundary. Sorted
 * by strcmp (binary search), NUL padded; the two of nine letters apart. */
static const char starters[][8] = {
    "A",      "After",  "All",     "Also",   "Although", "An",    "And",     "Any",
    "As",     "At",     "Because", "Before", "Both",     "But",   "By",      "Despite",
    "During", "Each",   "Earlier", "Even",   "For",      "From",  "He",      "Her",
    "His",    "How",    "However", "I",      "If",       "In",    "Instead", "It",
    "Its",    "Last",   "Later",   "Many",   "Most",     "Now",   "On",      "One",
    "Other",  "Our",    "She",     "Since",  "So",       "Some",  "Still",   "Such",
    "That",   "The",    "Their",   "Then",   "There",    "These", "They",    "This",
    "Those",  "Though", "Under",   "Until",  "We",       "What",  "When",    "Where",
    "While",  "Who",    "Why",     "With",   "Without",  "Yet",   "You",
};

static __attribute__((noinline)) bool is_starter(const unsigned char *w, size_t len)
{
    if (len > 8)
        return len == 9 && (memcmp(w, "According", 9) == 0 || memcmp(w, "Meanwhile", 9) == 0);
    uint64_t key = pack_be(w, len);
    size_t lo = 0, hi = sizeof starters / sizeof starters[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint64_t a = fl_load8_be(starters[mid]);
        if (a == key)
            return true;
        if (a < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Words a title-case headline leaves in lower case (all of four letters or
 * fewer), as big-endian numbers (pack_be's top half), each in the slot of
 * a table of 64 its number hashes to: no two share one (-Woverride-init
 * would stop the build), so a word is one probe. */
#define SMALL_KEY(a, b, c, d)                                                                      \
    ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))
#define SMALL_SLOT(k) ((uint32_t)((k)*0x7b6471e3u) >> 26)
#define SMALL(a, b, c, d) [SMALL_SLOT(SMALL_KEY(a, b, c, d))] = SMALL_KEY(a, b, c, d)
// clang-format off
static const uint32_t small_words[64] = {
    SMALL('a', 0, 0, 0),       SMALL('a', 'n', 0, 0),     SMALL('a', 'n', 'd', 0),
    SMALL('a', 's', 0, 0),     SMALL('a', 't', 0, 0),     SMALL('b', 'u', 't', 0),
    SMALL('b', 'y', 0, 0),     SMALL('f', 'o', 'r', 0),   SMALL('f', 'r', 'o', 'm'),
    SMALL('i', 'n', 0, 0),     SMALL('i', 'n', 't', 'o'), SMALL('n', 'o', 'r', 0),
    SMALL('o', 'f', 0, 0),     SMALL('o', 'f', 'f', 0),   SMALL('o', 'n', 0, 0),
    SMALL('o', 'n', 't', 'o'), SMALL('o', 'r', 0, 0),     SMALL('o', 'u', 't', 0),
    SMALL('o', 'v', 'e', 'r'), SMALL('p', 'e', 'r', 0),   SMALL('s', 'o', 0, 0),
    SMALL('t', 'h', 'a', 'n'), SMALL('t', 'h', 'e', 0),   SMALL('t', 'o', 0, 0),
    SMALL('u', 'p', 0, 0),     SMALL('v', 'i', 'a', 0),   SMALL('v', 's', 0, 0),
    SMALL('w', 'i', 't', 'h'), SMALL('y', 'e', 't', 0),
};
// clang-format on
#undef SMALL

static bool is_small_word(const unsigned char *w, size_t len)
{
    if (len - 1 >= 4)
        return false; /* none, or more than four bytes */
    uint64_t key = pack_be(w, len);
    if (key & FL_BYTES_80)
        return false;
    key |= FL_BYTES_IN(key, 'A', 'Z') >> 2; /* lower-cased */
    uint32_t k = (uint32_t)(key >> 32);
    return small_words[SMALL_SLOT(k)] == k;
}
#undef SMALL_SLOT
#undef SMALL_KEY

/* ---------------------------------------------------------------- tokens */

/* A double quote's kind in seg.quotes. */
enum { Q_STRAIGHT, Q_OPEN, Q_CLOSE };

/* Per-token flags, in each token's `seg` byte. */
enum {
    G_SPACE = 1,    /* whitespace before the token (the bit is inverted in a
                       token's seg byte: S_TIGHT) */
    G_LINE = 2,     /* a line break before it (or the start of the text) */
    G_PARA = 4,     /* a paragraph break before it (or the start of the text) */
    T_NOLOWER = 8,  /* a WORD without a lower-case letter (fast_words' words
                       only counted in seg.nolower: read at a sentence end only) */
    T_AB_SHIFT = 4, /* bits 4-6: the AB_ class of an abbreviation */
    G_JOINED = 128  /* in tokenize's gap only, from fast_words: the word there is
                       ASCII letters before an apostrophe or hyphen (scan_plain
                       leaves it to scan_joined) */
};

/* A token's seg byte holds its gap (the G_ and T_ marks above) with
 * G_SPACE inverted, S_TIGHT: set when no whitespace separates the token
 * from the one before it. Most tokens follow a space, so the fields from
 * kind on that fast_words stores for a word or number after one have no
 * bit in their seg byte. */
enum { S_TIGHT = G_SPACE };

/* The seg byte of a token of gap g. */
static inline uint8_t seg_of(unsigned g)
{
    return (uint8_t)(g ^ G_SPACE);
}

/* Longest context word (lower-cased bytes) */
enum { FL_MAX_CONTEXT_WORD = 48 };

/* A growing array of indexes. */
typedef struct idx_vec {
    size_t *v;
    size_t n, cap;
} idx_vec;

/* A token split_sentences must look at, with the number of WORDs before
 * it without a lower-case letter (T_NOLOWER): a sentence's count for its
 * flags is the difference of two such. (Its WORDs are counted only where
 * all_caps may hold: few_words.) */
typedef struct stop_at {
    size_t tok, nolower;
} stop_at;

typedef struct stop_vec {
    stop_at *v;
    size_t n, cap;
} stop_vec;

/* A word's entry in the stem cache (context section below). */
typedef struct stem_slot stem_slot;
static inline stem_slot *stem_find(const fl_stem_cache *c, const char *low, size_t n, unsigned hash,
                                   uint64_t head);

typedef struct seg {
    const unsigned char *s;
    size_t len;
    fl_arena *arena;
    fl_token *toks; /* in the arena: becomes doc->tokens */
    size_t n, cap;
    /* the tokens split_sentences must look at (a line break before them,
     * an abbreviation, a punctuation mark that may end a sentence), and
     * the double quotes find_quotes pairs, each with the number of
     * paragraphs begun up to it (shifted left two bits: the low two its
     * Q_ kind); malloc'd */
    stop_vec stops;
    idx_vec quotes;
    size_t paras;
    /* of the tokens pushed so far, the WORDs marked T_NOLOWER (fast_words
     * adds its own when it returns, unmarked) */
    size_t nolower;
} seg;

/* Doubles the room of the array *v of *cap items of `size` bytes (256
 * when it has none); false when out of memory (*v is kept). */
static bool room_double(void **v, size_t *cap, size_t size)
{
    size_t n = *cap ? *cap * 2 : 256;
    void *p = realloc(*v, n * size);
    if (!p)
        return false;
    *v = p;
    *cap = n;
    return true;
}

static bool idx_grow(idx_vec *x)
{
    void *v = x->v;
    bool ok = room_double(&v, &x->cap, sizeof *x->v);
    x->v = v;
    return ok;
}

static inline bool idx_push(idx_vec *x, size_t v)
{
    if (x->n == x->cap && !idx_grow(x))
        return false;
    x->v[x->n++] = v;
    return true;
}

/* Doubles the room of x (full); false when out of memory. */
static __attribute__((noinline)) bool stop_grow(stop_vec *x)
{
    void *v = x->v;
    bool ok = room_double(&v, &x->cap, sizeof *x->v);
    x->v = v;
    return ok;
}

/* Notes token `tok` in sg->stops with its counts (stop_at); false when
 * out of memory. */
static inline bool stop_push_at(seg *sg, size_t tok, size_t nolower)
{
    stop_vec *x = &sg->stops;
    if (x->n == x->cap && !stop_grow(x))
        return false;
    x->v[x->n++] = (stop_at){.tok = tok, .nolower = nolower};
    return true;
}

/* Notes token sg->n, about to be pushed, in sg->stops. */
static inline bool stop_push(seg *sg)
{
    return stop_push_at(sg, sg->n, sg->nolower);
}

static inline int ab_of(const seg *sg, size_t i)
{
    return (sg->toks[i].seg >> T_AB_SHIFT) & 7;
}

/* Makes room for more tokens. */
static bool grow_tokens(seg *sg)
{
    /* news prose has about one token per five or six bytes: the first
     * guess usually holds, so the tokens are written once, in place (the
     * memory is not zeroed, so an unused tail costs no work). A third
     * rather than a quarter: fast_words counts its room a byte a token,
     * so the more room, the fewer words it hands back to go on (about
     * 0.1% fewer instructions on news for a third more memory here) */
    size_t cap = sg->cap ? sg->cap * 2 : sg->len / 3 + 16;
    fl_token *t = fl_arena_alloc_uninit(sg->arena, cap * sizeof *t); /* set when pushed */
    if (!t)
        return false;
    if (sg->n)
        memcpy(t, sg->toks, sg->n * sizeof *t);
    sg->toks = t;
    sg->cap = cap;
    return true;
}

/* Notes token sg->n (about to be pushed) in sg->stops if split_sentences
 * must look at it, and counts the paragraphs. */
static bool note_token(seg *sg, size_t off, fl_token_kind kind, uint8_t flags)
{
    if (flags & G_PARA)
        sg->paras++;
    if (flags & (G_LINE | G_PARA | (7 << T_AB_SHIFT)))
        return stop_push(sg);
    /* the marks is_terminal takes: a period, '?', '!' (or a run of them)
     * and the ellipsis (U+2026, E2 80 A6, a token of its own); not the
     * other marks led by 0xE2 (dashes, curly quotes: common in news),
     * which split_sentences would look at for nothing */
    const unsigned char *c = sg->s + off;
    if (kind == FL_TOK_PUNCT && (c[0] == '.' || c[0] == '?' || c[0] == '!' ||
                                 (c[0] == 0xE2 && c[1] == 0x80 && c[2] == 0xA6)))
        return stop_push(sg);
    return true;
}

static inline bool push_token(seg *sg, size_t off, size_t len, fl_token_kind kind, uint8_t flags)
{
    if (sg->n == sg->cap && !grow_tokens(sg))
        return false;
    if (((flags & (G_LINE | G_PARA | (7 << T_AB_SHIFT))) || kind == FL_TOK_PUNCT) &&
        !note_token(sg, off, kind, flags))
        return false;
    fl_token *t = &sg->toks[sg->n];
    t->off = off;
    t->len = len;
    t->kind = kind;
    t->capitalized = false;
    t->all_caps = false;
    t->abbrev = (flags >> T_AB_SHIFT) & 7;
    t->shape = 0;
    t->seg = seg_of(flags);
    sg->nolower += (flags & T_NOLOWER) != 0;
    sg->n++;
    return true;
}

/* End of a dotted abbreviation of one- or two-letter parts at s[i]
 * ("U.S.", "e.g.", "Ph.D."), after its last period; 0 when none. */
static size_t dotted_end(const unsigned char *s, size_t len, size_t i)
{
    size_t p = i, parts = 0, end = 0;
    while (p < len) {
        size_t q = p;
        while (q < len && q - p < 3 && is_ascii_alpha(s[q]))
            q++;
        size_t n = q - p;
        if (n == 0 || n > 2 || q >= len || s[q] != '.')
            break;
        parts++;
        p = q + 1;
        end = p;
    }
    return parts >= 2 ? end : 0;
}

static bool is_hyphen(uint32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* The common word or number at s[i], eight bytes at a time: ASCII letters
 * and digits from an ASCII letter or digit up to a byte that ends every
 * token of its kind (what scan_word would break at at once: a space, a
 * control character, most punctuation and symbols). Pushes it and returns
 * 1; returns 0 (nothing pushed) when scan_word must decide, -1 when out
 * of memory. */
/* Bytes after a run of ASCII letters and digits that end a word (bit 0)
 * or a number (bit 1) at once, for scan_plain; scan_word looks further at
 * the others: '&', '\'', '-', '.', ',' in a number, and non-ASCII. */
// clang-format off
static const unsigned char plain_end[256] = {
    [0 ... '&' - 1] = 3,
    ['('...'+'] = 3,
    [','] = 1,
    ['/' ... 127] = 3,
};
// clang-format on

/* Pushes a WORD or NUMBER token made by scan_plain: flags stored at once,
 * no abbreviation class. */
static inline bool push_plain(seg *sg, size_t off, size_t len, fl_token_kind kind, uint8_t flags,
                              bool capitalized, bool all_caps, unsigned shape)
{
    if (sg->n == sg->cap && !grow_tokens(sg))
        return false;
    if ((flags & (G_LINE | G_PARA)) && !note_token(sg, off, kind, flags))
        return false;
    sg->toks[sg->n] = (fl_token){.off = off,
                                 .len = len,
                                 .kind = kind,
                                 .capitalized = capitalized,
                                 .all_caps = all_caps,
                                 .shape = (uint8_t)shape,
                                 .seg = seg_of(flags)};
    sg->nolower += (flags & T_NOLOWER) != 0;
    sg->n++;
    return true;
}

/* The eight bytes at s: which are ASCII letters (bit 7 of each byte), and
 * which end the run of ASCII letters and digits. */
static inline uint64_t plain_masks(uint64_t w, uint64_t *letter)
{
    uint64_t ascii = ~w & FL_BYTES_80;
    uint64_t w7 = w & ~FL_BYTES_80;
    *letter = FL_BYTES_IN(w7 | 0x2020202020202020ull, 'a', 'z') & ascii;
    return ~(*letter | (FL_BYTES_IN(w7, '0', '9') & ascii)) & FL_BYTES_80;
}

/* Adds one chunk of a run of ASCII letters and digits to its shape: w
 * the eight bytes, letter and stop as plain_masks gave them (the bytes
 * past stop's first byte are not the word's). Small letters go to *lower,
 * digits to *digits, a capital straight after a small letter to *camel;
 * *carry holds whether the chunk ended in a small letter. */
static inline __attribute__((always_inline)) void chunk_shape(uint64_t w, uint64_t stop,
                                                              uint64_t letter, uint64_t *lower,
                                                              uint64_t *digits, uint64_t *camel,
                                                              uint64_t *carry)
{
    uint64_t keep = ~0ull; /* the bytes of the word */
    if (stop) {
        uint64_t bit = stop & -stop;
        letter &= bit - 1;
        keep = (bit >> 7) - 1;
    }
    uint64_t lo = letter & (w << 2); /* bit 5 set: a small letter */
    *lower |= lo;
    *digits |= keep & FL_BYTES_80 & ~letter;
    *camel |= ((lo << 8) | *carry) & letter & ~lo;
    *carry = lo >> 56;
}

/* Whether s[i..p) holds two ASCII letters or more (a word with no small
 * letter is all caps then). s[i..i+8) is readable, and s[i..p) is ASCII
 * (the callers' runs). */
static bool two_letters(const unsigned char *s, size_t i, size_t p)
{
    if (p - i <= 8) {
        /* most ("F-35", "B2B"): the letters of one load (no carry from
         * the bytes past p, which may be past ASCII, reaches those before) */
        uint64_t lt = FL_BYTES_IN(fl_load8(s + i) | 0x2020202020202020ull, 'a', 'z');
        if (p - i < 8)
            lt &= fl_low_bytes(p - i);
        return (lt & (lt - 1)) != 0;
    }
    size_t letters = 0;
    for (size_t k = i; k < p && letters < 2; k++)
        letters += is_ascii_alpha(s[k]);
    return letters >= 2;
}

/* Whether the run s[i..p) of ASCII letters and digits (a number when
 * digit_start) that stops at a byte plain_end does not settle ends its
 * token there all the same, as scan_word would decide: a period not
 * followed by an ASCII letter or digit, after a number or after a word of
 * three bytes or more that is no listed abbreviation (shorter ones may be
 * dotted forms or initials); a comma after a number not followed by a
 * digit. Most sentences end so. */
static bool plain_stop_ends(const unsigned char *s, size_t len, size_t i, size_t p,
                            bool digit_start)
{
    unsigned char c = s[p], nx = p + 1 < len ? s[p + 1] : ' ';
    if (alnum_counts[nx])
        return false;
    if (c == ',')
        return digit_start;
    if (c != '.')
        return false;
    return digit_start || (p - i >= 3 && abbrev_class(s + i, p - i) == AB_NONE);
}

/* The fl_token.shape of a word of ASCII letters and digits in one chunk
 * (first byte a letter): `letter` and `lower` mark its letters and small
 * letters (bit 7 of each byte). */
static inline unsigned plain_shape(bool cap, bool digit, uint64_t letter, uint64_t lower)
{
    return FL_TS_KNOWN | FL_TS_LETTER | (cap ? FL_TS_UPPER0 : 0) | (digit ? FL_TS_DIGIT : 0) |
           ((lower << 8) & letter & ~lower ? FL_TS_CAMEL : 0);
}

/* For scan_plain: s[p..len) (fewer than eight bytes, maybe none) as
 * fl_load8 reads them, zero padded as the NUL at s[len] is: the eight
 * bytes that end at len, shifted (fewer than eight bytes in all, or none
 * left: byte by byte). */
static __attribute__((noinline)) uint64_t load_end(const unsigned char *s, size_t len, size_t p)
{
    if (len < 8 || p == len)
        return load_part(s + p, len - p);
    uint64_t w = fl_load8(s + len - 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return load_part(s + p, len - p);
#else
    return w >> (8 * (8 - (len - p)));
#endif
}

static int scan_plain(seg *sg, size_t i, uint8_t gap, size_t *end)
{
    const unsigned char *s = sg->s;
    size_t len = sg->len, p = i;
    /* near the end of the text (most often a document's last word), the
     * bytes past it as NULs (here and for each chunk below): the run ends
     * at len at the latest, which plain_end takes */
    uint64_t w = len - p < 8 ? load_end(s, len, p) : fl_load8(s + p), letter;
    uint64_t stop = plain_masks(w, &letter);
    bool digit_start = !(letter & 0x80); /* s[i] is a letter or a digit */
    uint64_t lower = 0;
    if (stop && digit_start) {
        /* a short number: nothing to lower-case */
        p += (size_t)__builtin_ctzll(stop) >> 3;
        if (!(plain_end[s[p]] & 2) && !plain_stop_ends(s, len, i, p, true))
            return 0;
        *end = p;
        uint64_t bit = stop & -stop, lt = letter & (bit - 1), lo = lt & (w << 2);
        unsigned shape = FL_TS_KNOWN | FL_TS_DIGIT;
        if (lt)
            shape |= FL_TS_LETTER | ((lo << 8) & lt & ~lo ? FL_TS_CAMEL : 0);
        return push_plain(sg, i, p - i, FL_TOK_NUMBER, gap, false, false, shape) ? 1 : -1;
    }
    if (stop) {
        /* a word shorter than eight bytes, the most common case: one chunk */
        size_t n = (size_t)__builtin_ctzll(stop) >> 3;
        p += n;
        if (!(plain_end[s[p]] & 1) && !plain_stop_ends(s, len, i, p, false))
            return 0;
        uint64_t bit = stop & -stop;
        letter &= bit - 1;
        lower = letter & (w << 2);
        *end = p;
        /* most words: small letters only after the first */
        bool cap = s[i] <= 'Z';
        unsigned shape = FL_TS_KNOWN | FL_TS_LETTER;
        if (cap || ((bit - 1) & FL_BYTES_80) != letter)
            shape = plain_shape(cap, ((bit - 1) & FL_BYTES_80) != letter, letter, lower);
        return push_plain(sg, i, n, FL_TOK_WORD, gap | (lower ? 0 : T_NOLOWER), cap,
                          !lower && (letter & (letter - 1)), shape)
                   ? 1
                   : -1;
    }
    /* for the shape: any letter, any digit, a small letter before a capital
     * (carry: the last byte of the chunk before was a small letter) */
    uint64_t digits = 0, camel = 0, carry = 0;
    for (;;) {
        chunk_shape(w, stop, letter, &lower, &digits, &camel, &carry);
        if (stop) {
            p += (size_t)__builtin_ctzll(stop) >> 3;
            break;
        }
        p += 8;
        w = len - p < 8 ? load_end(s, len, p) : fl_load8(s + p);
        stop = plain_masks(w, &letter);
    }
    if (!(plain_end[s[p]] & (digit_start ? 2 : 1)) && !plain_stop_ends(s, len, i, p, digit_start))
        return 0;
    *end = p;
    if (digit_start)
        return push_plain(sg, i, p - i, FL_TOK_NUMBER, gap, false, false,
                          fl_token_shape((const char *)s + i, p - i))
                   ? 1
                   : -1;
    unsigned shape = FL_TS_KNOWN | FL_TS_LETTER;
    if (s[i] <= 'Z' || digits)
        shape |= (s[i] <= 'Z' ? FL_TS_UPPER0 : 0) | (digits ? FL_TS_DIGIT : 0) |
                 (camel ? FL_TS_CAMEL : 0);
    bool all_caps = !lower && two_letters(s, i, p);
    return push_plain(sg, i, p - i, FL_TOK_WORD, gap | (lower ? 0 : T_NOLOWER), s[i] <= 'Z',
                      all_caps, shape)
               ? 1
               : -1;
}

/* Bytes that end a word of ASCII letters at once: what plain_end marks
 * for a word, less the digits (scan_plain takes those into its run). */
// clang-format off
static const unsigned char word_end[256] = {
    [0 ... '&' - 1] = 1,
    ['(' ... ','] = 1,
    ['/'] = 1,
    [':' ... '@'] = 1,
    ['[' ... '`'] = 1,
    ['{' ... 127] = 1,
};
// clang-format on

static size_t fast_words(seg *sg, size_t i, uint8_t *gap);

/* Scans a WORD or NUMBER at s[i] and pushes it. */
static bool scan_word(seg *sg, size_t i, uint8_t gap, size_t *end)
{
    const unsigned char *s = sg->s;
    size_t len = sg->len;
    bool digit_start = is_ascii_digit(s[i]);
    bool in_number = digit_start; /* only digits and separators so far */
    bool hyphen = false;
    /* letters = upper + lower + other_letters (neither case) */
    size_t letters = 0, upper = 0, lower = 0, other_letters = 0;
    int first_letter = -1;
    int ab = AB_NONE;
    size_t p = i;

    if (!digit_start && ((i + 1 < len && s[i + 1] == '.') || (i + 2 < len && s[i + 2] == '.'))) {
        size_t d = dotted_end(s, len, i);
        if (d) {
            for (size_t k = i; k < d; k++) {
                if (is_ascii_alpha(s[k])) {
                    letters++;
                    bool up = s[k] <= 'Z';
                    upper += up;
                    lower += !up;
                    if (first_letter < 0)
                        first_letter = up ? C_UPPER : C_LOWER;
                }
            }
            p = d;
            bool lower_eg = d - i == 4 && (s[i] == 'e' || s[i] == 'i');
            ab = lower_eg ? AB_NEVER : AB_AMBIG;
            uint32_t h = 0, nx = 0;
            if (p < len) {
                size_t n = decode(s, len, p, &h);
                if (is_hyphen(h) && p + n < len) {
                    decode(s, len, p + n, &nx);
                    int nc = classify(nx);
                    if (is_letter_class(nc) || nc == C_DIGIT) {
                        ab = AB_NONE; /* "U.S.-based": one word, not an abbreviation */
                        hyphen = true;
                        p += n;
                    }
                }
            }
            if (ab != AB_NONE)
                goto done;
        }
    }

    while (p < len) {
        /* a run of ASCII letters and digits first: most of every word; at
         * most 2^30 bytes at a time, so the counts cannot overflow */
        size_t run = p, stop = len - p > ((size_t)1 << 30) ? p + ((size_t)1 << 30) : len;
        uint64_t counts = 0;
        for (; p < stop; p++) {
            uint64_t f = alnum_counts[s[p]];
            if (!f)
                break;
            counts += f;
        }
        size_t run_upper = (size_t)(counts & 0xffffffffu),
               run_lower = (size_t)((counts >> 32) & 0x7fffffffu);
        if (run_upper + run_lower) {
            upper += run_upper;
            lower += run_lower;
            letters = upper + lower + other_letters;
            in_number = false;
            if (first_letter < 0) {
                while (is_ascii_digit(s[run]))
                    run++;
                first_letter = s[run] <= 'Z' ? C_UPPER : C_LOWER;
            }
        }
        if (p >= len || s[p] == ' ') /* a space ends most words */
            break;
        uint32_t cp;
        size_t n = decode(s, len, p, &cp);
        int c = classify(cp);
        if (c == C_DIGIT) {
            p += n;
            continue;
        }
        if (is_letter_class(c) || c == C_MARK || c == C_JOINER) {
            if (is_letter_class(c)) {
                letters++;
                other_letters += c == C_LETTER;
                upper += c == C_UPPER;
                lower += c == C_LOWER;
                if (first_letter < 0)
                    first_letter = c;
            }
            in_number = false;
            p += n;
            continue;
        }
        if (c != C_PUNCT && cp != '&')
            break;
        uint32_t nx = 0;
        int nc = C_SPACE;
        if (p + n < len) {
            decode(s, len, p + n, &nx);
            nc = classify(nx);
        }
        if (is_hyphen(cp)) {
            if (is_letter_class(nc) || (nc == C_DIGIT && !digit_start)) {
                hyphen = true;
                in_number = false;
                p += n;
                continue;
            }
            break;
        }
        if (cp == '\'' || cp == 0x2019) {
            if (is_letter_class(nc)) {
                p += n;
                continue;
            }
            break;
        }
        if (cp == '.') {
            if (nc == C_DIGIT && is_ascii_digit(s[p - 1])) {
                p += n;
                continue;
            }
            if (nc == C_LOWER && nx < 0x80 && !in_number && is_ascii_alpha(s[p - 1])) {
                p += n; /* "Amazon.com" */
                continue;
            }
            break;
        }
        if (cp == ',') {
            if (in_number && p + 3 < len && is_ascii_digit(s[p + 1]) && is_ascii_digit(s[p + 2]) &&
                is_ascii_digit(s[p + 3]) && (p + 4 >= len || !is_ascii_digit(s[p + 4]))) {
                p += 4;
                continue;
            }
            break;
        }
        if (cp == '&' && !digit_start && p > i && s[p - 1] >= 'A' && s[p - 1] <= 'Z' && nx >= 'A' &&
            nx <= 'Z') {
            p += n;
            continue;
        }
        break;
    }

    /* an abbreviation keeps its period */
    if (!digit_start && !hyphen && p < len && s[p] == '.' && !(p + 1 < len && s[p + 1] == '.')) {
        ab = settle_numbered(s, len, p, abbrev_class(s + i, p - i));
        if (ab == AB_NONE && letters == 1 && upper == 1) {
            uint32_t cp;
            if (decode(s, len, i, &cp) == p - i)
                ab = AB_INITIAL;
        }
        if (ab != AB_NONE)
            p++;
    }

done:;
    fl_token_kind kind = digit_start && !hyphen ? FL_TOK_NUMBER : FL_TOK_WORD;
    uint8_t flags = gap | (uint8_t)(ab << T_AB_SHIFT);
    if (kind == FL_TOK_WORD && lower == 0)
        flags |= T_NOLOWER;
    if (!push_token(sg, i, p - i, kind, flags))
        return false;
    fl_token *t = &sg->toks[sg->n - 1];
    t->shape = (uint8_t)fl_token_shape((const char *)s + i, p - i);
    if (kind == FL_TOK_WORD) {
        t->capitalized = first_letter == C_UPPER;
        t->all_caps = letters >= 2 && upper == letters;
    }
    *end = p;
    return true;
}

/* fl_token_shape's bits of each byte; SHAPE_LOWER and SHAPE_UPPER (bits
 * FL_TS_KNOWN and FL_TS_UPPER0 are never a byte's) mark the ASCII letters
 * for FL_TS_CAMEL */
enum { SHAPE_LOWER = 1, SHAPE_UPPER = 2 };
// clang-format off
static const unsigned char shape_of_byte[256] = {
    ['a' ... 'z'] = FL_TS_LETTER | SHAPE_LOWER, ['A' ... 'Z'] = FL_TS_LETTER | SHAPE_UPPER,
    ['0' ... '9'] = FL_TS_DIGIT, ['-'] = FL_TS_HYPHEN, [0x80 ... 0xff] = FL_TS_HIGH,
};
// clang-format on

__attribute__((noinline)) unsigned fl_token_shape(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!len)
        return FL_TS_KNOWN;
    /* the bytes' bits after the first; a small letter before a capital
     * is looked for only when there is a capital after the first byte */
    unsigned first = shape_of_byte[u[0]], rest = 0;
    for (size_t i = 1; i < len; i++)
        rest |= shape_of_byte[u[i]];
    unsigned shape =
        FL_TS_KNOWN | ((first | rest) & (FL_TS_LETTER | FL_TS_DIGIT | FL_TS_HIGH | FL_TS_HYPHEN));
    if (first & SHAPE_UPPER)
        shape |= FL_TS_UPPER0;
    if ((rest & SHAPE_UPPER) && (shape & (FL_TS_UPPER0 | FL_TS_DIGIT))) {
        for (size_t i = 1; i < len; i++) {
            if ((shape_of_byte[u[i]] & SHAPE_UPPER) && (shape_of_byte[u[i - 1]] & SHAPE_LOWER)) {
                shape |= FL_TS_CAMEL;
                break;
            }
        }
    }
    return shape;
}

/* ASCII bytes that are a token of their own, whatever follows, and no
 * quote or mark that may end a sentence: their FL_TOK_ kind + 1. */
// clang-format off
static const unsigned char one_byte_kind[256] = {
    ['#' ... '&'] = FL_TOK_SYMBOL + 1, ['+'] = FL_TOK_SYMBOL + 1, ['<' ... '>'] = FL_TOK_SYMBOL + 1,
    ['@'] = FL_TOK_SYMBOL + 1, ['^'] = FL_TOK_SYMBOL + 1, ['`'] = FL_TOK_SYMBOL + 1,
    ['|'] = FL_TOK_SYMBOL + 1, ['~'] = FL_TOK_SYMBOL + 1,
    ['\''] = FL_TOK_PUNCT + 1, ['('] = FL_TOK_PUNCT + 1, [')'] = FL_TOK_PUNCT + 1,
    ['*'] = FL_TOK_PUNCT + 1, [','] = FL_TOK_PUNCT + 1, ['/'] = FL_TOK_PUNCT + 1,
    [':'] = FL_TOK_PUNCT + 1, [';'] = FL_TOK_PUNCT + 1, ['['] = FL_TOK_PUNCT + 1,
    ['\\'] = FL_TOK_PUNCT + 1, [']'] = FL_TOK_PUNCT + 1, ['_'] = FL_TOK_PUNCT + 1,
    ['{'] = FL_TOK_PUNCT + 1, ['}'] = FL_TOK_PUNCT + 1,
};
// clang-format on

/* Pushes the one-byte token at off (one_byte_kind), with no line break
 * before it: never a stop. */
static inline bool push_one_byte(seg *sg, size_t off, fl_token_kind kind, uint8_t gap)
{
    if (sg->n == sg->cap && !grow_tokens(sg))
        return false;
    sg->toks[sg->n] = (fl_token){.off = off, .len = 1, .kind = kind, .seg = seg_of(gap)};
    sg->n++;
    return true;
}

/* Pushes the period at off, straight after a word or number: a stop, as
 * push_token would note it. */
static inline bool push_period(seg *sg, size_t off)
{
    if ((sg->n == sg->cap && !grow_tokens(sg)) || !stop_push(sg))
        return false;
    sg->toks[sg->n] = (fl_token){.off = off, .len = 1, .kind = FL_TOK_PUNCT, .seg = seg_of(0)};
    sg->n++;
    return true;
}

/* A word of ASCII letters before a period that scan_plain leaves to
 * scan_word: a dotted form ("U.S.", "e.g."), a listed abbreviation
 * ("Mr.", "Sen.", "No. 5"), an initial ("J.") or a word of one or two
 * letters ending a sentence ("it."). Pushes it as scan_word would and
 * returns 1; 0 (nothing pushed) when scan_word must decide: near the end
 * of the text, a hyphen or a byte past ASCII after a dotted form (maybe
 * "U.S.-based"), a small letter ("Amazon.com") or another period after
 * the period; -1 when out of memory. s[i] is an ASCII letter. */
static __attribute__((noinline)) int scan_short(seg *sg, size_t i, uint8_t gap, size_t *end)
{
    const unsigned char *s = sg->s;
    size_t len = sg->len, p = i;
    if (len - i < 16)
        return 0;
    while (p < len && is_ascii_alpha(s[p]))
        p++;
    if (p >= len || s[p] != '.')
        return 0;
    int ab;
    /* a dotted form: more parts of one or two letters, each before a
     * period, after the first */
    const size_t d = p - i <= 2 ? dotted_end(s, len, i) : 0;
    if (d) {
        if (d < len && (s[d] == '-' || s[d] >= 0x80))
            return 0;
        ab = d - i == 4 && (s[i] == 'e' || s[i] == 'i') ? AB_NEVER : AB_AMBIG;
        p = d;
    } else {
        unsigned char nx = p + 1 < len ? s[p + 1] : ' ';
        if ((nx >= 'a' && nx <= 'z') || nx == '.')
            return 0;
        ab = settle_numbered(s, len, p, abbrev_class(s + i, p - i));
        if (ab == AB_NONE && p - i == 1 && s[i] <= 'Z')
            ab = AB_INITIAL;
        if (ab != AB_NONE)
            p++;
    }
    /* ASCII letters and periods only: the shape from the capitals (a small
     * letter straight before a capital noted after a first capital, as
     * fl_token_shape notes it) */
    size_t letters = 0, upper = 0;
    bool cap = s[i] <= 'Z', camel = false;
    for (size_t k = i; k < p; k++) {
        bool up = s[k] != '.' && s[k] <= 'Z';
        letters += s[k] != '.';
        upper += up;
        camel |= up && k > i && s[k - 1] >= 'a';
    }
    uint8_t flags = gap | (uint8_t)(ab << T_AB_SHIFT) | (upper == letters ? T_NOLOWER : 0);
    if (!push_token(sg, i, p - i, FL_TOK_WORD, flags))
        return -1;
    fl_token *t = &sg->toks[sg->n - 1];
    t->shape = (uint8_t)(FL_TS_KNOWN | FL_TS_LETTER |
                         (cap ? FL_TS_UPPER0 | (camel ? FL_TS_CAMEL : 0) : 0));
    t->capitalized = cap;
    t->all_caps = letters >= 2 && upper == letters;
    *end = p;
    return 1;
}

/* The end of the ASCII digits from s[p] on with thousands separators
 * (',' before exactly three digits) and decimal points ('.' before a
 * digit) between them: where a number scan_joined reads ends. */
static size_t digits_end(const unsigned char *s, size_t len, size_t p)
{
    for (;;) {
        while (p < len && is_ascii_digit(s[p]))
            p++;
        if (p + 1 < len && s[p] == '.' && is_ascii_digit(s[p + 1])) {
            p++;
            continue;
        }
        if (p + 3 < len && s[p] == ',' && is_ascii_digit(s[p + 1]) && is_ascii_digit(s[p + 2]) &&
            is_ascii_digit(s[p + 3]) && (p + 4 >= len || !is_ascii_digit(s[p + 4]))) {
            p += 4;
            continue;
        }
        return p;
    }
}

/* For separated_digits_end and fast_words: the bytes of w that are no
 * ASCII digit (bit 7 of each), the bits of ~FL_BYTES_IN(w, '0', '9') &
 * FL_BYTES_80 (~(a & ~b) is ~a | b) written as small_stops (below) writes
 * its own, an OR of the two sums: gcc needs no AND-NOT and NOT then
 * (about three steps fewer a number). */
static inline uint64_t digit_stops_in(uint64_t w, uint64_t bytes80)
{
    return (~(w + (0x80 - '0') * FL_BYTES_01) | (w + (0x7f - '9') * FL_BYTES_01)) & bytes80;
}

static inline uint64_t digit_stops(uint64_t w)
{
    return digit_stops_in(w, FL_BYTES_80);
}

/* digits_end from the separator at s[p] ('.' or ',' after digits, a
 * digit after it), for fast_words: most numbers end in the eight bytes
 * from it, at the next byte no digit, after a period or after a comma
 * and three digits, when that byte is no period or comma (no byte before
 * it carries in the mask); others go on to digits_end. */
static __attribute__((noinline)) size_t separated_digits_end(const unsigned char *s, size_t len,
                                                             size_t p)
{
    if (len - p >= 8) {
        uint64_t w = fl_load8(s + p), nd = digit_stops(w);
        uint64_t nd2 = nd & (nd - 1); /* past the separator's own bit */
        if (nd2) {
            unsigned k = (unsigned)__builtin_ctzll(nd2) >> 3;
            unsigned char t = s[p + k];
            if ((s[p] == '.' || k == 4) && t != '.' && t != ',')
                return p + k;
        }
    }
    return digits_end(s, len, p);
}

/* What scan_plain leaves that scan_word would take in one run and end
 * at once: a word of ASCII letters and digits joined by apostrophes before
 * a letter and hyphens before a letter or digit ("company's", "well-known",
 * "F-35"), or a number of ASCII digits with thousands separators and
 * decimals ("16,652", "72.5"). Pushes it as scan_word would and returns 1;
 * 0 (nothing pushed) when scan_word must decide: an ending scan_word reads
 * further (a letter after a number, '&', a byte past ASCII, a period or
 * comma before a letter or digit...); -1 when out of memory. s[i] is an
 * ASCII letter or digit. */
static __attribute__((noinline)) int scan_joined(seg *sg, size_t i, uint8_t gap, size_t *end)
{
    const unsigned char *s = sg->s;
    size_t len = sg->len, p = i;
    if (is_ascii_digit(s[i])) {
        p = digits_end(s, len, p);
        if (p < len && alnum_counts[s[p]])
            return 0; /* letters attached ("4.5bn") */
        if (p < len && !(plain_end[s[p]] & 2)) {
            /* a period or comma ends the number when no letter or digit
             * follows; anything else goes on to scan_word */
            unsigned char nx = p + 1 < len ? s[p + 1] : ' ';
            if ((s[p] != '.' && s[p] != ',') || alnum_counts[nx])
                return 0;
        }
        *end = p;
        return push_plain(sg, i, p - i, FL_TOK_NUMBER, gap, false, false, FL_TS_KNOWN | FL_TS_DIGIT)
                   ? 1
                   : -1;
    }
    /* scan_word looks for a dotted abbreviation ("U.S.") first */
    if ((i + 1 < len && s[i + 1] == '.') || (i + 2 < len && s[i + 2] == '.'))
        return scan_short(sg, i, gap, end);
    /* the word eight bytes at a time: ASCII letters and digits, and the
     * joiners between them, an apostrophe before a letter or a hyphen
     * before a letter or digit, all told by masks (most joined words,
     * "F-35", "GPT-4o", take one load); for the shape: any small letter,
     * any digit, a small letter straight before a capital */
    uint64_t lower = 0, digits = 0, camel = 0, joins = 0, hyphens = 0;
    uint64_t carry = 0; /* the last chunk ended in a small letter */
    for (;;) {
        if (len - p < 8)
            return 0; /* near the end of the text: scan_word's */
        /* bytes past ASCII may carry into the bytes after them, but every
         * byte up to the first stop is ASCII (and no mask is read past it;
         * the byte after a joiner is read at the first stop or before) */
        uint64_t w = fl_load8(s + p);
        uint64_t letter = FL_BYTES_IN(w | 0x2020202020202020ull, 'a', 'z');
        uint64_t digit = FL_BYTES_IN(w, '0', '9'), alnum = letter | digit;
        uint64_t hy = FL_BYTES_IN(w, '-', '-') & alnum >> 8;
        uint64_t join = hy | (FL_BYTES_IN(w, '\'', '\'') & letter >> 8);
        uint64_t stop = ~(alnum | join) & FL_BYTES_80;
        uint64_t keep = ~0ull; /* the bytes of the word */
        if (stop)
            keep = ((stop & -stop) >> 7) - 1;
        uint64_t lo = letter & (w << 2) & keep; /* bit 5 set: a small letter */
        lower |= lo;
        digits |= digit & keep;
        camel |= ((lo << 8) | carry) & letter & keep & ~lo;
        joins |= join & keep;
        hyphens |= hy & keep;
        carry = lo >> 56;
        if (!stop) {
            p += 8;
            continue;
        }
        p += (size_t)__builtin_ctzll(stop) >> 3;
        if (stop != 1ull << 63)
            break;
        /* a joiner as the chunk's last byte is told by the byte after it */
        if (s[p] == '\'' && is_ascii_alpha(s[p + 1])) {
            joins = 1;
        } else if (s[p] == '-' && alnum_counts[s[p + 1]]) {
            joins = hyphens = 1;
        } else {
            break;
        }
        p++;
        carry = 0;
    }
    bool joined = joins != 0, hyphen = hyphens != 0;
    if (!joined) /* a listed abbreviation ("Sen.")? */
        return s[p] == '.' && !digits ? scan_short(sg, i, gap, end) : 0;
    if (p < len && !(plain_end[s[p]] & 1)) {
        /* a period ends the word when no letter or digit follows (no
         * listed abbreviation holds an apostrophe or hyphen, nor is an
         * initial); anything else goes on to scan_word */
        unsigned char nx = p + 1 < len ? s[p + 1] : ' ';
        if (s[p] != '.' || alnum_counts[nx])
            return 0;
    }
    *end = p;
    bool cap = s[i] <= 'Z', all_caps = !lower && two_letters(s, i, p);
    unsigned shape = FL_TS_KNOWN | FL_TS_LETTER | (cap ? FL_TS_UPPER0 : 0) |
                     (digits ? FL_TS_DIGIT : 0) | (hyphen ? FL_TS_HYPHEN : 0);
    if (camel && (shape & (FL_TS_UPPER0 | FL_TS_DIGIT)))
        shape |= FL_TS_CAMEL;
    return push_plain(sg, i, p - i, FL_TOK_WORD, gap | (lower ? 0 : T_NOLOWER), cap, all_caps,
                      shape)
               ? 1
               : -1;
}

/* Out of line, so that the registers of its loops (fast_words) are its
 * own, not shared with the sentence passes. */
static __attribute__((noinline)) fl_status tokenize(seg *sg)
{
    const unsigned char *s = sg->s;
    size_t len = sg->len;
    uint8_t gap = G_SPACE | G_LINE | G_PARA;
    unsigned breaks = 0;
    size_t i = 0;
    /* the tokens' room from the start (it is taken at the first push
     * anyway), so that fast_words takes the first word too */
    if (!grow_tokens(sg))
        return FL_ENOMEM;
    while (i < len) {
        if (s[i] == ' ') { /* most of the whitespace */
            gap |= G_SPACE;
            i++;
            continue;
        }
        if (alnum_counts[s[i]]) {
            /* plain words, each straight after one space */
            size_t end;
            int r = 1;
            for (;;) {
                size_t at = fast_words(sg, i, &gap);
                if (at == SIZE_MAX)
                    return FL_ENOMEM;
                if (at != i) {
                    i = at;
                    breaks = 0;
                    if (!alnum_counts[s[i]]) {
                        if (s[i] != ' ' || len - i < 2 || !alnum_counts[s[i + 1]])
                            break; /* after a word, or before a token not a word */
                        /* a space and a word after a sentence's last period */
                        i++;
                        gap |= G_SPACE;
                        continue;
                    }
                }
                if (__builtin_expect(gap & G_JOINED, 0)) {
                    gap &= (uint8_t)~G_JOINED;
                    r = 0;
                    break;
                }
                if ((r = scan_plain(sg, i, gap, &end)) <= 0)
                    break;
                i = end;
                gap = 0;
                breaks = 0;
                if (len - i < 2 || s[i] != ' ' || !alnum_counts[s[i + 1]]) {
                    if (i < len && s[i] == '.' && (len - i < 2 || s[i + 1] != '.')) {
                        /* a period after it, as the punctuation path below
                         * pushes it (no run of dots), most often a
                         * sentence's end ("in 2019.") */
                        if (!push_period(sg, i))
                            return FL_ENOMEM;
                        i++;
                        if (len - i >= 2 && s[i] == ' ' && alnum_counts[s[i + 1]])
                            goto space_word;
                    }
                    break;
                }
            space_word:
                i++;
                gap = G_SPACE;
            }
            if (r < 0)
                return FL_ENOMEM;
            if (r)
                continue;
            /* scan_joined or else scan_word decides the word at i */
            if ((r = scan_joined(sg, i, gap, &end)) < 0)
                return FL_ENOMEM;
            if (r) {
                i = end;
                gap = 0;
                breaks = 0;
                continue;
            }
        } else if (one_byte_kind[s[i]] && !(gap & (G_LINE | G_PARA))) {
            /* most punctuation: a comma, a bracket... */
            if (!push_one_byte(sg, i, (fl_token_kind)(one_byte_kind[s[i]] - 1), gap))
                return FL_ENOMEM;
            i++;
            gap = 0;
            breaks = 0;
            continue;
        }
        uint32_t cp;
        size_t n = decode(s, len, i, &cp);
        int c = classify(cp);
        switch (c) {
        case C_SPACE:
        case C_JOINER:
            gap |= G_SPACE;
            i += n;
            continue;
        case C_LINE:
            if (cp == '\r' && i + 1 < len && s[i + 1] == '\n')
                n = 2;
            gap |= G_SPACE | G_LINE;
            if (++breaks >= 2)
                gap |= G_PARA;
            i += n;
            continue;
        case C_PARA:
            gap |= G_SPACE | G_LINE | G_PARA;
            i += n;
            continue;
        default:
            break;
        }
        size_t end = i + n;
        if (c == C_PUNCT) {
            if (cp == '.' || cp == '?' || cp == '!') {
                bool dots = cp == '.';
                while (end < len && (dots ? s[end] == '.' : (s[end] == '?' || s[end] == '!')))
                    end++;
            } else if (cp == '-' && end < len && s[end] == '-') {
                while (end < len && s[end] == '-')
                    end++;
            }
            if (!push_token(sg, i, end - i, FL_TOK_PUNCT, gap))
                return FL_ENOMEM;
            if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB) {
                /* with its paragraph: straight (0), opening (1), closing (2) */
                size_t q = cp == '"' ? Q_STRAIGHT : cp == 0x201C || cp == 0x00AB ? Q_OPEN : Q_CLOSE;
                if (!(idx_push(&sg->quotes, sg->n - 1) &&
                      idx_push(&sg->quotes, sg->paras << 2 | q)))
                    return FL_ENOMEM;
            }
        } else if (c == C_SYMBOL) {
            if (!push_token(sg, i, end - i, FL_TOK_SYMBOL, gap))
                return FL_ENOMEM;
        } else if (!scan_word(sg, i, gap, &end)) {
            return FL_ENOMEM;
        }
        i = end;
        gap = 0;
        breaks = 0;
    }
    return FL_OK;
}

/* ------------------------------------------------------------- sentences */

static inline const unsigned char *tok_text(const seg *sg, size_t i)
{
    return sg->s + sg->toks[i].off;
}

/* The code point of a one-code-point PUNCT or SYMBOL token, else 0. */
static uint32_t mark_cp(const seg *sg, size_t i)
{
    const fl_token *t = &sg->toks[i];
    if (t->kind != FL_TOK_PUNCT && t->kind != FL_TOK_SYMBOL)
        return 0;
    uint32_t cp;
    return decode(sg->s, sg->len, t->off, &cp) == t->len ? cp : 0;
}

static int first_class(const seg *sg, size_t i)
{
    uint32_t cp;
    decode(sg->s, sg->len, sg->toks[i].off, &cp);
    return classify(cp);
}

static inline bool is_terminal(const seg *sg, size_t i)
{
    const fl_token *t = &sg->toks[i];
    if (t->kind == FL_TOK_WORD)
        return ab_of(sg, i) != AB_NONE;
    if (t->kind != FL_TOK_PUNCT)
        return false;
    unsigned char c = tok_text(sg, i)[0];
    return c == '.' || c == '?' || c == '!' || (c == 0xE2 && mark_cp(sg, i) == 0x2026);
}

/* is_closer for a token of more than one byte or one past ASCII. */
static bool is_closer_else(const seg *sg, size_t i)
{
    switch (mark_cp(sg, i)) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x00BB: /* » */
    case 0x203A: /* › */
        return true;
    default:
        return false;
    }
}

/* A closing quote or bracket attached to what precedes it (out of line:
 * the sentence steps' registers are left alone). */
static __attribute__((noinline)) bool is_closer(const seg *sg, size_t i)
{
    const fl_token *t = &sg->toks[i];
    if (!(t->seg & S_TIGHT))
        return false;
    unsigned char c = sg->s[t->off];
    if (t->len == 1 && c < 0x80) {
        /* most: an ASCII mark (mark_cp's code point without decoding) */
        return (t->kind == FL_TOK_PUNCT || t->kind == FL_TOK_SYMBOL) &&
               (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}');
    }
    return is_closer_else(sg, i);
}

static bool is_opener(const seg *sg, size_t i)
{
    switch (mark_cp(sg, i)) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0x00AB: /* « */
    case 0x2039: /* ‹ */
        return true;
    default:
        return false;
    }
}

/* starts_sentence for a token that is no word or number led by an ASCII
 * byte: opening quotes, a symbol, a byte past ASCII (out of line). */
static __attribute__((noinline)) bool starts_sentence_else(const seg *sg, size_t i, size_t *word)
{
    for (int k = 0; k < 3 && i + 1 < sg->n && is_opener(sg, i); k++)
        i++;
    *word = i;
    if (sg->toks[i].kind == FL_TOK_SYMBOL)
        return true;
    int c = first_class(sg, i);
    return c == C_UPPER || c == C_DIGIT || c == C_LETTER;
}

/* Whether token i (after any opening quotes) can begin a sentence. */
static inline bool starts_sentence(const seg *sg, size_t i, size_t *word)
{
    const fl_token *t = &sg->toks[i];
    unsigned char b = sg->s[t->off];
    if ((t->kind == FL_TOK_WORD || t->kind == FL_TOK_NUMBER) && b < 0x80) {
        /* most: a word or number (no opener) led by an ASCII byte */
        *word = i;
        int c = ascii_class[b];
        return c == C_UPPER || c == C_DIGIT || c == C_LETTER;
    }
    return starts_sentence_else(sg, i, word);
}

/* list_marker for a token that is no WORD (out of line). */
static __attribute__((noinline)) size_t list_marker_else(const seg *sg, size_t i)
{
    const fl_token *t = &sg->toks[i];
    size_t m = 0;
    if (t->kind == FL_TOK_PUNCT || t->kind == FL_TOK_SYMBOL) {
        switch (mark_cp(sg, i)) {
        case '-':
        case '*':
        case '+':
        case 0x2022: /* • */
        case 0x2013: /* – */
        case 0x2014: /* — */
        case 0x2023: /* ‣ */
        case 0x25AA: /* ▪ */
        case 0x25E6: /* ◦ */
        case 0x00B7: /* · */
            m = 1;
            break;
        default:
            break;
        }
    } else if (t->kind == FL_TOK_NUMBER && t->len <= 3 && i + 1 < sg->n &&
               (sg->toks[i + 1].seg & S_TIGHT) &&
               (mark_cp(sg, i + 1) == '.' || mark_cp(sg, i + 1) == ')')) {
        const unsigned char *w = tok_text(sg, i);
        m = 2;
        for (size_t k = 0; k < t->len; k++)
            if (!is_ascii_digit(w[k]))
                m = 0;
    }
    if (!m || i + m >= sg->n)
        return 0;
    return !(sg->toks[i + m].seg & (S_TIGHT | G_LINE)) ? m : 0;
}

/* Tokens making the list marker at line-start token i ("-", "1." ...). */
static inline size_t list_marker(const seg *sg, size_t i)
{
    if (!(sg->toks[i].seg & G_LINE) || sg->toks[i].kind == FL_TOK_WORD)
        return 0;
    return list_marker_else(sg, i);
}

/* Finds each double-quoted span ("...", “...”, «...») that closes within
 * its paragraph: the token indexes of its quotes, open and close, in
 * sg->quotes (the spans in order: they do not nest), then SIZE_MAX twice
 * (in_one_quote stops there). An unclosed quote (a quotation running on
 * into the next paragraph) makes none. The tokens are not marked: only
 * split_sentences asks, at a few of them. False when out of memory. */
static bool find_quotes(seg *sg)
{
    size_t *v = sg->quotes.v, spans = 0; /* written behind the reads */
    size_t open = 0, open_para = 0;
    bool is_open = false;
    for (size_t q = 0; q < sg->quotes.n; q += 2) {
        size_t i = v[q], para = v[q + 1] >> 2, kind = v[q + 1] & 3;
        if (para != open_para)
            is_open = false; /* a paragraph began after the opening quote */
        if (kind == Q_STRAIGHT) {
            /* attached to what precedes it, a closing quote; else
             * attached to what follows, an opening one (the tokens read
             * only for a straight quote, and the one after it only when
             * it tells) */
            if (sg->toks[i].seg & S_TIGHT)
                kind = Q_CLOSE;
            else if (i + 1 < sg->n && (sg->toks[i + 1].seg & S_TIGHT))
                kind = Q_OPEN;
        }
        if (kind == Q_OPEN) {
            open = i;
            open_para = para;
            is_open = true;
        } else if (kind == Q_CLOSE && is_open) {
            v[spans++] = open;
            v[spans++] = i;
            is_open = false;
        }
    }
    sg->quotes.n = spans;
    /* the end: a pair that opens and closes past every token */
    if (!idx_push(&sg->quotes, SIZE_MAX))
        return false;
    return idx_push(&sg->quotes, SIZE_MAX);
}

/* Whether tokens term and j (term < j) both lie inside one quotation
 * (find_quotes). *span: the spans from one that ends after the last term
 * asked about on; term must not be smaller (split_sentences asks in
 * order). Two tokens inside quotations with nothing but closing marks
 * between them lie inside one. */
static inline bool in_one_quote(const size_t **span, size_t term, size_t j)
{
    const size_t *q = *span;
    if (term <= q[0])
        return false; /* most: before the next quotation (one test) */
    while (q[1] <= term)
        q += 2;
    *span = q;
    return q[0] < term && j < q[1];
}

/* Whether token w is a WORD that is_starter takes. */
static inline bool starter_at(const seg *sg, size_t w)
{
    return sg->toks[w].kind == FL_TOK_WORD && is_starter(tok_text(sg, w), sg->toks[w].len);
}

/* Does the sentence end before token j, after terminal token term? */
static bool split_before(const seg *sg, const size_t **span, size_t term, size_t j)
{
    if (j >= sg->n)
        return true;
    uint8_t g = sg->toks[j].seg;
    if (g & G_PARA)
        return true;
    if (g & S_TIGHT)
        return false;
    if (in_one_quote(span, term, j))
        return false;
    size_t w;
    if (!starts_sentence(sg, j, &w))
        return false;
    int ab = ab_of(sg, term);
    if (ab == AB_NONE)
        return true; /* most: a period, ? or ! */
    /* the starter list searched only where it decides: not after a
     * title ("Mr. Smith"), nor at a line end after an AB_AMBIG */
    switch (ab) {
    case AB_NEVER:
        return false;
    case AB_INITIAL:
        return starter_at(sg, w);
    case AB_AMBIG:
        return (g & G_LINE) || starter_at(sg, w);
    default:
        return true;
    }
}

static bool lower_stopword(const seg *sg, size_t i)
{
    const fl_token *t = &sg->toks[i];
    if (t->kind != FL_TOK_WORD || t->capitalized || t->len > 32)
        return false;
    char low[32];
    const unsigned char *w = tok_text(sg, i);
    for (size_t k = 0; k < t->len; k++)
        low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] | 0x20 : w[k]);
    return fl_is_stopword(low, t->len);
}

/* At a line break before token i inside the sentence starting at token
 * start, which itself began line_start's line: does the sentence end? */
static bool line_break_ends(const seg *sg, size_t start, size_t line_start, size_t i)
{
    if (list_marker(sg, i))
        return true;
    if (start != line_start)
        return false;
    size_t last = i - 1;
    while (last > start && is_closer(sg, last))
        last--;
    const fl_token *t = &sg->toks[last];
    if (t->kind == FL_TOK_PUNCT)
        return false;
    if (is_terminal(sg, last) || lower_stopword(sg, last))
        return false;
    size_t w;
    return starts_sentence(sg, i, &w);
}

/* The count of a stop (struct stop_at) at a sentence boundary. */
typedef struct counts {
    size_t nolower;
} counts;

static inline void sentence_flags(fl_sentence *st, const seg *sg, size_t nolower, bool terminal);

/* The sentences' room as split_sentences fills it: the next one and the
 * end of the room (doc->sentences.count is set from next at the end). */
typedef struct sentence_room {
    fl_sentence *next, *end;
} sentence_room;

/* A sentence past the room: doc->sentences grows (its count brought up to
 * next first); NULL when out of memory. */
static __attribute__((noinline)) fl_sentence *sentence_grow(fl_doc *doc, fl_sentence *next)
{
    fl_vec *v = &doc->sentences;
    v->count = (size_t)(next - (fl_sentence *)v->items);
    return fl_vec_push(doc->arena, v);
}

/* Adds the sentence of tokens [first, end) with its flags; from and to are
 * the counts at first and at end; terminal: its last token is a terminal
 * mark, or one before a closing quote (no headline then). */
static inline __attribute__((always_inline)) bool
add_sentence(fl_doc *doc, sentence_room *r, size_t first, size_t end, size_t para, const seg *sg,
             counts from, counts to, bool terminal)
{
    /* room reserved by split_sentences, else the vector grows (only then
     * is there a pointer to test) */
    fl_sentence *st;
    if (r->next < r->end) {
        st = r->next++;
    } else {
        if (!(st = sentence_grow(doc, r->next)))
            return false;
        fl_vec *v = &doc->sentences;
        r->next = (fl_sentence *)v->items + v->count;
        r->end = (fl_sentence *)v->items + v->cap;
    }
    size_t off = sg->toks[first].off;
    *st = (fl_sentence){.off = off,
                        .len = sg->toks[end - 1].off + sg->toks[end - 1].len - off,
                        .paragraph = para,
                        .first_token = first,
                        .token_count = end - first};
    sentence_flags(st, sg, to.nolower - from.nolower, terminal);
    return true;
}

/* Whether a word or number led by byte b can begin a sentence, as
 * starts_sentence finds for one led by an ASCII byte. */
static inline bool starts_ascii(unsigned char b)
{
    return b < 0x80 &&
           (ascii_class[b] == C_UPPER || ascii_class[b] == C_DIGIT || ascii_class[b] == C_LETTER);
}

/* Whether token nx (before end) begins a sentence, as starts_sentence
 * finds, in the common cases: a word or number led by an ASCII capital
 * (its shape tells) or another byte starts_ascii takes, or a straight
 * double quote before one ('. "We'); false leaves it to starts_sentence. */
static inline bool next_starts(const seg *sg, const fl_token *nx, const fl_token *end)
{
    /* most: a word led by an ASCII capital (only a WORD's shape has the
     * bit: a PUNCT or SYMBOL token's shape is 0, a NUMBER's has none) */
    if (nx->shape & FL_TS_UPPER0)
        return true;
    if (nx->kind != FL_TOK_WORD && nx->kind != FL_TOK_NUMBER) {
        if (nx->kind != FL_TOK_PUNCT || nx->len != 1 || sg->s[nx->off] != '"' || nx + 1 >= end)
            return false;
        nx++;
        if (nx->kind != FL_TOK_WORD && nx->kind != FL_TOK_NUMBER)
            return false;
    }
    /* a capital first, or a number (led by an ASCII digit); a word whose
     * shape is known, without a digit or a byte past ASCII, is led by a
     * byte starts_ascii declines: the text is read for the others only */
    if ((nx->shape & FL_TS_UPPER0) || nx->kind == FL_TOK_NUMBER)
        return true;
    if ((nx->shape & (FL_TS_KNOWN | FL_TS_DIGIT | FL_TS_HIGH)) == FL_TS_KNOWN)
        return false;
    return starts_ascii(sg->s[nx->off]);
}

/* Whether the sentence ends after a straight double quote attached to
 * terminal token i ('."'), as the steps of split_sentences find: a
 * paragraph break after the quote, or a space and what next_starts takes,
 * not both inside one quotation. False leaves it to those steps. */
static inline bool ends_after_quote(const seg *sg, const size_t **span, size_t i)
{
    const fl_token *q = &sg->toks[i + 1];
    if (q->kind != FL_TOK_PUNCT || q->len != 1 || sg->s[q->off] != '"' || i + 2 >= sg->n)
        return false;
    uint8_t g = q[1].seg;
    if (!(g & G_PARA) && !(!(g & S_TIGHT) && next_starts(sg, q + 1, sg->toks + sg->n) &&
                           !in_one_quote(span, i, i + 2)))
        return false;
    return true;
}

/* Whether the sentence goes on after an abbreviation (a stop with no
 * line break; g its marks) before token nx, as split_before finds: a space
 * and no paragraph break before nx, and either a title ("Mr. Smith":
 * AB_NEVER) or a word or number led by a small ASCII letter ("U.S.
 * officials"), which starts_sentence declines. */
static inline bool ab_goes_on(const seg *sg, uint8_t g, const fl_token *nx)
{
    if (nx->seg & (S_TIGHT | G_PARA))
        return false;
    if (((g >> T_AB_SHIFT) & 7) == AB_NEVER)
        return true;
    if (nx->kind != FL_TOK_WORD)
        return false; /* a number is led by a digit */
    /* a word whose shape holds no capital first, no digit and no byte
     * past ASCII is led by no byte starts_sentence takes (its text not
     * read); else its first byte tells */
    unsigned sh = nx->shape & (FL_TS_KNOWN | FL_TS_UPPER0 | FL_TS_DIGIT | FL_TS_HIGH);
    if (sh == FL_TS_KNOWN)
        return true;
    return !(sh & FL_TS_UPPER0) && (unsigned char)(sg->s[nx->off] - 'a') < 26;
}

static fl_status split_sentences(fl_doc *doc, seg *sg)
{
    if (!find_quotes(sg))
        return FL_ENOMEM;
    const size_t *span = sg->quotes.v; /* in_one_quote's */
    /* a sentence ends at a stop, or at the end: room for about that many
     * (more grow the vector), but no more than one per eight tokens, so
     * that text of nothing but periods reserves little */
    size_t room = sg->stops.n + 1, most = sg->n / 8 + 16;
    if (room > most)
        room = most;
    fl_sentence *items = fl_arena_alloc_uninit(doc->arena, room * sizeof *items); /* set as added */
    if (!items)
        return FL_ENOMEM;
    doc->sentences.items = items;
    doc->sentences.cap = room;
    sentence_room room_at = {items, items + room};
    size_t n = sg->n, start = 0, para = 0, start_para = 0, line_start = 0;
    /* only the tokens in sg->stops can matter: most tokens have no line
     * break before them, are not a word with a period and not punctuation
     * that may end a sentence; i passes those a terminal took along */
    size_t i = 0;
    counts start_at = {0};
    /* (no stops: the vector may have no array, and NULL + 0 is undefined) */
    const stop_at *stops_end = sg->stops.n ? sg->stops.v + sg->stops.n : sg->stops.v;
    for (const stop_at *sp = sg->stops.v; sp < stops_end; sp++) {
        if (sp->tok < i)
            continue;
        i = sp->tok;
        counts at = {sp->nolower};
        const fl_token *t = &sg->toks[i];
        uint8_t g = t->seg;
        if (!(g & (G_LINE | G_PARA | (7 << T_AB_SHIFT))) && i + 1 < n && t->kind == FL_TOK_PUNCT) {
            /* a PUNCT stop is a mark is_terminal takes (note_token), its
             * text not read again here. Most stops: a period (or '?', '!',
             * an ellipsis; no abbreviation's), then a space and a
             * word or number led by an ASCII letter or digit, not both
             * inside one quotation (". Next"), or a paragraph's end: a
             * sentence ends after the period, as the steps below find
             * (term i, j i + 1, split_before true) */
            const fl_token *nx = t + 1;
            uint8_t ng = nx->seg;
            if ((ng & G_PARA) || (!(ng & S_TIGHT) && next_starts(sg, nx, sg->toks + n) &&
                                  !in_one_quote(&span, i, i + 1))) {
                if (!add_sentence(doc, &room_at, start, i + 1, start_para, sg, start_at, at, true))
                    return FL_ENOMEM;
                start = ++i;
                start_at = at;
                start_para = para;
                continue;
            }
            if ((ng & S_TIGHT) && ends_after_quote(sg, &span, i)) {
                /* the same after a closing quote ('."'): the period and
                 * the quote (no PUNCT is T_NOLOWER) */
                if (!add_sentence(doc, &room_at, start, i + 2, start_para, sg, start_at, at, true))
                    return FL_ENOMEM;
                start = i += 2;
                start_at = at;
                start_para = para;
                continue;
            }
        } else if (!(g & (G_LINE | G_PARA)) && (g & (7 << T_AB_SHIFT)) && i + 1 < n &&
                   ab_goes_on(sg, g, t + 1)) {
            /* no sentence ends after the abbreviation, as the steps below
             * find */
            i++;
            continue;
        }
        if (i > 0 && (g & G_PARA)) {
            if (i > start &&
                !add_sentence(doc, &room_at, start, i, start_para, sg, start_at, at, false))
                return FL_ENOMEM;
            start = i;
            start_at = at;
            start_para = ++para;
        } else if (i > start && (g & G_LINE) && line_break_ends(sg, start, line_start, i)) {
            if (!add_sentence(doc, &room_at, start, i, start_para, sg, start_at, at, false))
                return FL_ENOMEM;
            start = i;
            start_at = at;
            start_para = para;
        }
        if (g & G_LINE) {
            line_start = i;
            size_t m = list_marker(sg, i);
            if (m) {
                i += m;
                continue;
            }
        }
        /* a PUNCT stop without a line break is a terminal mark (note_token):
         * its text is not read again */
        if (!(t->kind == FL_TOK_PUNCT && !(g & (G_LINE | G_PARA))) && !is_terminal(sg, i))
            continue;
        size_t term = i, j = i + 1;
        while (j < n && (sg->toks[j].seg & S_TIGHT) && (is_closer(sg, j) || is_terminal(sg, j))) {
            if (is_terminal(sg, j))
                term = j;
            j++;
        }
        if (split_before(sg, &span, term, j) && j < n) {
            /* the counts at j: those at i and the few tokens up to j */
            for (size_t k = i; k < j; k++)
                at.nolower += (sg->toks[k].seg & T_NOLOWER) != 0;
            /* it ends in terminal i and the closers and terminals after it */
            if (!add_sentence(doc, &room_at, start, j, start_para, sg, start_at, at, true))
                return FL_ENOMEM;
            start = j;
            start_at = at;
            start_para = para;
        }
        i = j;
    }
    if (n > start && !add_sentence(doc, &room_at, start, n, start_para, sg, start_at,
                                   (counts){sg->nolower}, false))
        return FL_ENOMEM;
    doc->sentences.count = (size_t)(room_at.next - (fl_sentence *)doc->sentences.items);
    return FL_OK;
}

/* ---------------------------------------------------------------- flags */

/* Sets st->headline. */
static void sentence_headline(fl_sentence *st, const seg *sg)
{
    size_t first = st->first_token, end = first + st->token_count;
    /* most sentences: not on lines of their own */
    st->headline = false;
    if (!(sg->toks[first].seg & G_LINE) || (end < sg->n && !(sg->toks[end].seg & G_LINE)))
        return;
    size_t last = end - 1;
    while (last > first && is_closer(sg, last))
        last--;
    st->headline = !is_terminal(sg, last) && !list_marker(sg, first);
}

/* For caps_sentence: whether sentence st (its tokens set) has no more
 * than nolower * 5 / 4 WORDs; they are counted only until there are more. */
static __attribute__((noinline)) bool few_words(const fl_sentence *st, const seg *sg,
                                                size_t nolower)
{
    size_t words = 0, most = nolower * 5 / 4;
    for (size_t i = st->first_token, end = i + st->token_count; i < end; i++)
        if ((words += sg->toks[i].kind == FL_TOK_WORD) > most)
            return false;
    return true;
}

/* all_caps of sentence st (its tokens set), of which nolower WORDs have no
 * lower-case letter: words >= 2 && nolower * 5 >= words * 4 for its WORDs,
 * tested from nolower first (words >= nolower: nolower >= 2 holds then,
 * and makes words >= 2). Most sentences have at most one word without a
 * small letter: their words are not counted (nor by tokenize as it goes:
 * a count at each stop cost more than these few walks), and most others
 * have too many words for all_caps after the first few. */
static inline bool caps_sentence(const fl_sentence *st, const seg *sg, size_t nolower)
{
    return nolower >= 2 && few_words(st, sg, nolower);
}

/* of the words after the first, small words left out (headlines only),
 * counted and capitalized caps */
static void finish_flags(fl_sentence *st, bool all_caps, size_t counted, size_t caps)
{
    st->all_caps = all_caps;
    st->title_case = st->headline && !all_caps && counted >= 1 && caps * 4 >= counted * 3;
}

/* The sentence's flags, as it is added: nolower, its WORDs without a
 * lower-case letter (from the counts at its stops). Only a headline has
 * its words read again, for title_case. */
static __attribute__((noinline)) void line_sentence_flags(fl_sentence *st, const seg *sg,
                                                          size_t nolower)
{
    sentence_headline(st, sg);
    size_t counted = 0, caps = 0;
    bool all_caps = caps_sentence(st, sg, nolower);
    /* the words are read for title_case only: not for a headline all in
     * capitals, and no further than it can still hold */
    if (st->headline && !all_caps) {
        size_t first = st->first_token, end = first + st->token_count;
        bool later = false; /* a word after the first */
        for (size_t i = first; i < end; i++) {
            const fl_token *t = &sg->toks[i];
            if (t->kind != FL_TOK_WORD)
                continue;
            if (later && !is_small_word(tok_text(sg, i), t->len)) {
                counted++;
                if (t->capitalized) {
                    caps++;
                } else if (3 * (counted - caps) > caps + (end - i - 1)) {
                    /* caps * 4 >= counted * 3 fails even if every token
                     * left is a word counted and capitalized (no more
                     * words are left than tokens): no title case */
                    break;
                }
            }
            later = true;
        }
    }
    finish_flags(st, all_caps, counted, caps);
    st->context_lazy = true;
}

/* sentence_flags in line for most sentences: those not on lines of their
 * own, no headline (sentence_headline's first test), nor those ending in a
 * terminal mark (terminal: sentence_headline's last test, the closing
 * quote passed as is_closer passes it) */
static inline void sentence_flags(fl_sentence *st, const seg *sg, size_t nolower, bool terminal)
{
    size_t first = st->first_token, end = first + st->token_count;
    if (!terminal && (sg->toks[first].seg & G_LINE) &&
        (end >= sg->n || (sg->toks[end].seg & G_LINE))) {
        line_sentence_flags(st, sg, nolower);
        return;
    }
    st->headline = false;
    finish_flags(st, caps_sentence(st, sg, nolower), 0, 0);
    st->context_lazy = true;
}

/* --------------------------------------------------------------- context */

/* The stems of the words seen so far by a workspace (fl_workspace, one per
 * thread), across documents: lower-cased word -> stem, or a stopword mark.
 * Open addressing with linear probing; strings in its own arena. Stemming
 * is a pure function of the word, so the cache changes no result. Bounded:
 * past FL_STEM_CACHE_MAX words it starts over empty.
 *
 * A slot also remembers, for the document being segmented (its `epoch`),
 * the copy of the stem in that document's arena and the last sentence that
 * took it, so a word met again costs one probe: no per-document tables. */
enum { FL_STEM_CACHE_MAX = 1 << 17 };

typedef struct stem_slot {
    unsigned hash;
    unsigned char len; /* 0: empty */
    bool stop;         /* a stopword: no stem */
    unsigned char stem_len;
    unsigned epoch;       /* the run doc_stem and last belong to; 0: none */
    uint64_t head;        /* key_head of the key */
    uint64_t stem_prefix; /* prefix_of the stem (0 for a stopword) */
    const char *tail;     /* the key past its head, zero padded to a multiple of
                             eight bytes, in the cache's arena */
    const char *stem;     /* in the cache's arena; NULL for a stopword */
    const char *doc_stem; /* the stem copied into run `epoch`'s document */
    size_t last;          /* 1 + the last sentence of that run that took it */
} stem_slot;

struct fl_stem_cache {
    fl_arena *arena;
    stem_slot *slots;
    size_t mask, count;
    unsigned epoch; /* the current run; never 0 */
    unsigned gen;   /* changes whenever slots move */
    /* Snowball English for ISO-8859-1, for words all in ASCII: the same
     * algorithm as the UTF-8 one, so the same stems, at about three
     * quarters of the cost; made on first use (NULL: not yet, or failed) */
    struct sb_stemmer *ascii_stemmer;
    bool ascii_tried;
    /* the segmenter's scratch (seg: stops, quotes), kept from one
     * document to the next so that each is not allocated again; malloc'd */
    stop_vec stops;
    idx_vec quotes;
};

void fl_stem_cache_free(fl_stem_cache *cache)
{
    if (!cache)
        return;
    fl_arena_free(cache->arena);
    free(cache->slots);
    free(cache->stops.v);
    free(cache->quotes.v);
    if (cache->ascii_stemmer)
        sb_stemmer_delete(cache->ascii_stemmer);
    free(cache);
}

static bool stem_seed_stopwords(fl_stem_cache *c);

/* Empties the cache (slots: a power of two, room for the stopwords) and
 * puts the stopwords back in. */
static bool stem_cache_reset(fl_stem_cache *c, size_t slots)
{
    fl_arena_free(c->arena);
    free(c->slots);
    c->arena = fl_arena_new();
    c->slots = calloc(slots, sizeof *c->slots);
    c->mask = slots - 1;
    c->count = 0;
    c->gen++;
    return c->arena && c->slots && stem_seed_stopwords(c);
}

static fl_stem_cache *stem_cache_new(void)
{
    fl_stem_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->epoch = 1;
    if (!stem_cache_reset(c, 4096)) {
        fl_stem_cache_free(c);
        return NULL;
    }
    return c;
}

/* Starts a new run: the per-run fields of every slot become stale. */
static void stem_cache_next_epoch(fl_stem_cache *c)
{
    if (++c->epoch == 0) {
        for (size_t i = 0; i <= c->mask; i++)
            c->slots[i].epoch = 0;
        c->epoch = 1;
    }
}

static bool stem_cache_grow(fl_stem_cache *c)
{
    size_t slots = (c->mask + 1) * 2;
    stem_slot *grown = calloc(slots, sizeof *grown);
    if (!grown)
        return false;
    for (size_t i = 0; i <= c->mask; i++) {
        if (!c->slots[i].len)
            continue;
        size_t at = c->slots[i].hash & (slots - 1);
        while (grown[at].len)
            at = (at + 1) & (slots - 1);
        grown[at] = c->slots[i];
    }
    free(c->slots);
    c->slots = grown;
    c->mask = slots - 1;
    c->gen++;
    return true;
}

/* ASCII lower case, as a table */
// clang-format off
#define L4(c) (c), (c) + 1, (c) + 2, (c) + 3
#define L16(c) L4(c), L4((c) + 4), L4((c) + 8), L4((c) + 12)
static const unsigned char ascii_lower[128] = {
    L16(0), L16(16), L16(32), L16(48),
    '@', L4('a'), L4('e'), L4('i'), L4('m'), L4('q'), L4('u'), 'y', 'z', '[', '\\', ']', '^', '_',
    L16(96), L16(112),
};
#undef L16
#undef L4
// clang-format on

/* Lower-cases a word token w[0..len) into out (’ as ', the abbreviation's
 * period dropped) and hashes it (key_hash); returns its length n, or 0
 * when it is not a candidate. out[n..] up to the next multiple of eight is
 * zeroed, so out[0..8) is the word's key_head. w[0..avail) may be read. */
static size_t lower_word(const unsigned char *w, size_t len, size_t avail, bool is_abbrev,
                         char *out, unsigned *hash)
{
    if (is_abbrev && len && w[len - 1] == '.')
        len--;
    if (len < 2)
        return 0;
    if (len < FL_MAX_CONTEXT_WORD) {
        /* all ASCII: lower-case and hash eight bytes at a time */
        uint64_t h = 0;
        size_t k = 0;
        for (; k < len; k += 8) {
            uint64_t c = avail - k >= 8 ? fl_load8(w + k) : load_part(w + k, avail - k);
            if (len - k < 8)
                c &= fl_low_bytes(len - k);
            if (c & FL_BYTES_80)
                break;
            c |= FL_BYTES_IN(c, 'A', 'Z') >> 2;
            fl_store8(out + k, c);
            h = key_mix(h, c);
        }
        if (k >= len) {
            *hash = key_final(h);
            return len;
        }
    }
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = w[i];
        if (c < 0x80) {
            out[o++] = (char)ascii_lower[c];
            i++;
        } else {
            uint32_t cp;
            size_t n = fl_utf8_decode(w, len, i, &cp);
            i += n;
            if (cp == 0x2019) {
                out[o++] = '\'';
            } else {
                if (o + 4 > FL_MAX_CONTEXT_WORD)
                    return 0;
                utf8proc_int32_t lc = utf8proc_tolower((utf8proc_int32_t)cp);
                o += (size_t)utf8proc_encode_char(lc, (utf8proc_uint8_t *)out + o);
            }
        }
        if (o >= FL_MAX_CONTEXT_WORD)
            return 0;
    }
    memset(out + o, 0, 8 - o % 8);
    *hash = key_hash(out, o);
    return o >= 2 ? o : 0;
}

/* Last bytes of a word that no step of Snowball English removes or
 * changes: every suffix it looks at ends in another letter (c d e g i l m
 * n r s t y) or an apostrophe. */
// clang-format off
static const unsigned char stem_keeps_end[256] = {
    ['0' ... '9'] = 1, ['a'] = 1, ['b'] = 1, ['f'] = 1, ['h'] = 1, ['j'] = 1, ['k'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['z'] = 1,
};
// clang-format on

/* The length of the Snowball English stem of the lower-cased ASCII word
 * w[0..n) when it is w itself or w without a plural 's' (after a byte of
 * stem_keeps_end but 'u', with a vowel before that byte; "news", "bias",
 * "atlas" and "cosmos" are the algorithm's exceptions), else 0: then only
 * the stemmer can tell. Checked against libstemmer on every word of the
 * test corpora and on three million random strings. */
static size_t plain_stem(const char *w, size_t n)
{
    const unsigned char *u = (const unsigned char *)w;
    if (n < 3 || u[0] == '\'')
        return 0; /* short words are kept; a leading apostrophe goes */
    if (stem_keeps_end[u[n - 1]])
        return n;
    if (u[n - 1] != 's' || !stem_keeps_end[u[n - 2]] || u[n - 2] == 'u')
        return 0;
    for (size_t k = 0; k + 2 < n; k++) {
        unsigned char c = u[k];
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
            if ((n == 4 && (memcmp(w, "news", 4) == 0 || memcmp(w, "bias", 4) == 0)) ||
                (n == 5 && memcmp(w, "atlas", 5) == 0) || (n == 6 && memcmp(w, "cosmos", 6) == 0))
                return 0;
            return n - 1;
        }
    }
    return 0;
}

/* ----------------------------------------------- Snowball English stems */

/* english_stem: Snowball English (Porter2, as libstemmer 2.2 has it) for
 * the words most text has, so that stemming a new word costs a few hundred
 * instructions instead of about two thousand. Written from the published
 * algorithm; checked against libstemmer on every word of the test corpora,
 * every string of up to four letters and apostrophes, and over twelve
 * million random strings of letters, digits, hyphens, apostrophes and
 * ampersands built from the algorithm's prefixes and suffixes (no
 * difference). */

static inline bool en_vowel(unsigned char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Whether b[0..c) ends in a short syllable: a vowel between non-vowels,
 * the last not w, x or Y; or a vowel and a non-vowel making the whole. */
static bool en_short(const unsigned char *b, size_t c)
{
    if (c >= 3 && !en_vowel(b[c - 3]) && en_vowel(b[c - 2]) && !en_vowel(b[c - 1]) &&
        b[c - 1] != 'w' && b[c - 1] != 'x' && b[c - 1] != 'Y')
        return true;
    return c == 2 && en_vowel(b[0]) && !en_vowel(b[1]);
}

/* Whether b[0..n) ends in suf[0..m), compared from the end (no call) */
static inline bool en_ends(const unsigned char *b, size_t n, const char *suf, size_t m)
{
    if (n < m)
        return false;
    for (size_t k = m; k-- > 0;)
        if (b[n - m + k] != (unsigned char)suf[k])
            return false;
    return true;
}

/* A suffix and what replaces it (NULL: a rule of its own). The tables of
 * steps 2 to 4 are grouped by the suffixes' last letters in alphabetical
 * order (en_find looks only at the group of the word's last letter: two
 * suffixes that end one word end in the same letter), and in each group
 * the longest come first, so that the first that ends a word is the one
 * Snowball's `among` takes. */
typedef struct en_rule {
    const char *suf;
    unsigned char len, to_len, last, prev; /* suf's last byte, the byte before */
    const char *to;
} en_rule;

// clang-format off
#define EN(s, t) {s, sizeof s - 1, sizeof t - 1, (unsigned char)s[sizeof s - 2], (unsigned char)s[sizeof s - 3], t}
#define EN_OWN(s) {s, sizeof s - 1, 0, (unsigned char)s[sizeof s - 2], (unsigned char)s[sizeof s - 3], NULL}
static const en_rule en_step2[] = {
    EN("biliti", "ble"), EN("lessli", "less"), EN("entli", "ent"), EN("aliti", "al"),
    EN("ousli", "ous"), EN("iviti", "ive"), EN("fulli", "ful"), EN("enci", "ence"),
    EN("anci", "ance"), EN("abli", "able"), EN("alli", "al"), EN("bli", "ble"), EN_OWN("ogi"),
    EN_OWN("li"),
    EN("ational", "ate"), EN("tional", "tion"),
    EN("alism", "al"),
    EN("ization", "ize"), EN("ation", "ate"),
    EN("izer", "ize"), EN("ator", "ate"),
    EN("fulness", "ful"), EN("iveness", "ive"), EN("ousness", "ous"),
};
static const en_rule en_step3[] = {
    EN("alize", "al"), EN("icate", "ic"), EN_OWN("ative"),
    EN("iciti", "ic"),
    EN("ational", "ate"), EN("tional", "tion"), EN("ical", "ic"), EN("ful", ""),
    EN("ness", ""),
};
static const en_rule en_step4[] = {
    EN("ic", ""),
    EN("ance", ""), EN("ence", ""), EN("able", ""), EN("ible", ""), EN("ate", ""), EN("ive", ""),
    EN("ize", ""),
    EN("iti", ""),
    EN("al", ""),
    EN("ism", ""),
    EN_OWN("ion"),
    EN("er", ""),
    EN("ous", ""),
    EN("ement", ""), EN("ment", ""), EN("ant", ""), EN("ent", ""),
};
/* whole words with stems of their own (to_len 0: the word itself) */
static const en_rule en_special[] = {
    EN("skis", "ski"), EN("skies", "sky"), EN("dying", "die"), EN("lying", "lie"),
    EN("tying", "tie"), EN("idly", "idl"), EN("gently", "gentl"), EN("ugly", "ugli"),
    EN("early", "earli"), EN("only", "onli"), EN("singly", "singl"), EN("sky", ""),
    EN("news", ""), EN("howe", ""), EN("atlas", ""), EN("cosmos", ""), EN("bias", ""),
    EN("andes", ""),
};
/* words step 1a leaves as they are to be stems */
static const en_rule en_kept[] = {
    EN("inning", ""), EN("outing", ""), EN("canning", ""), EN("herring", ""),
    EN("earring", ""), EN("proceed", ""), EN("exceed", ""), EN("succeed", ""),
};
#undef EN
#undef EN_OWN
// clang-format on

/* The last letters of the suffixes of steps 2, 3 and 4, as bits by letter
 * ('a' bit 0), so that most words need no look at a table. */
#define EN_BIT(c) (1u << ((c) - 'a'))
#define EN_STEP2_ENDS                                                                              \
    (EN_BIT('i') | EN_BIT('l') | EN_BIT('m') | EN_BIT('n') | EN_BIT('r') | EN_BIT('s'))
#define EN_STEP3_ENDS (EN_BIT('e') | EN_BIT('i') | EN_BIT('l') | EN_BIT('s'))
#define EN_STEP4_ENDS                                                                              \
    (EN_BIT('c') | EN_BIT('e') | EN_BIT('i') | EN_BIT('l') | EN_BIT('m') | EN_BIT('n') |           \
     EN_BIT('r') | EN_BIT('s') | EN_BIT('t'))

/* Where each letter's group starts in the tables of steps 2 to 4 (only
 * the letters that end a suffix there are looked up) */
#define EN_AT(c) [(c) - 'a']
static const unsigned char en_step2_at[26] = {
    EN_AT('i') = 0,  EN_AT('l') = 14, EN_AT('m') = 16,
    EN_AT('n') = 17, EN_AT('r') = 19, EN_AT('s') = 21,
};
static const unsigned char en_step3_at[26] = {
    EN_AT('e') = 0,
    EN_AT('i') = 3,
    EN_AT('l') = 4,
    EN_AT('s') = 8,
};
static const unsigned char en_step4_at[26] = {
    EN_AT('c') = 0,  EN_AT('e') = 1,  EN_AT('i') = 8,  EN_AT('l') = 9,  EN_AT('m') = 10,
    EN_AT('n') = 11, EN_AT('r') = 12, EN_AT('s') = 13, EN_AT('t') = 14,
};
#undef EN_AT

/* The first rule whose suffix ends b[0..n), or NULL; ends: the rules'
 * last letters (EN_BIT), at: where each letter's group starts. In line in
 * each of its three steps (no call; the table and its letters constants
 * there). */
static inline __attribute__((always_inline)) const en_rule *
en_find(const en_rule *r, size_t count, unsigned ends, const unsigned char *at,
        const unsigned char *b, size_t n)
{
    /* every suffix has two bytes or more */
    unsigned char z = n >= 2 ? b[n - 1] : 0, y = n >= 2 ? b[n - 2] : 0;
    if (z < 'a' || z > 'z' || !(ends & EN_BIT(z)))
        return NULL;
    for (size_t i = at[z - 'a']; i < count && r[i].last == z; i++)
        if (r[i].prev == y && en_ends(b, n - 2, r[i].suf, r[i].len - 2u))
            return &r[i];
    return NULL;
}

/* The rule for the whole word b[0..n), or NULL. */
static const en_rule *en_whole(const en_rule *r, size_t count, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < count; i++)
        if (r[i].len == n && (unsigned char)r[i].suf[0] == b[0] && en_ends(b, n, r[i].suf, n))
            return &r[i];
    return NULL;
}

/* Replaces the last m bytes of b[0..*n) by to[0..t). */
static inline void en_set(unsigned char *b, size_t *n, size_t m, const char *to, size_t t)
{
    for (size_t k = 0; k < t; k++)
        b[*n - m + k] = (unsigned char)to[k];
    *n = *n - m + t;
}

/* The start of R1 and R2 of b[0..n) (n when empty). */
static void en_regions(const unsigned char *b, size_t n, size_t *p1, size_t *p2)
{
    *p1 = *p2 = n;
    size_t c = 0;
    if (n >= 5 && (memcmp(b, "gener", 5) == 0 || memcmp(b, "arsen", 5) == 0)) {
        c = 5;
    } else if (n >= 6 && memcmp(b, "commun", 6) == 0) {
        c = 6;
    } else {
        while (c < n && !en_vowel(b[c]))
            c++;
        while (c < n && en_vowel(b[c]))
            c++;
        if (c >= n)
            return;
        c++; /* past a vowel and the non-vowel after */
    }
    *p1 = c;
    while (c < n && !en_vowel(b[c]))
        c++;
    while (c < n && en_vowel(b[c]))
        c++;
    if (c < n)
        *p2 = c + 1;
}

/* Step 1b to step 5 on b[0..*len) (regions p1, p2). */
static void en_steps(unsigned char *b, size_t *len, size_t p1, size_t p2)
{
    size_t n = *len, m = 0;
    /* step 1b (its suffixes end in y, d or g) */
    bool eed = false;
    unsigned char e = n ? b[n - 1] : 0;
    if (e != 'y' && e != 'd' && e != 'g')
        m = 0;
    else if (en_ends(b, n, "eedly", 5))
        m = 5, eed = true;
    else if (en_ends(b, n, "ingly", 5))
        m = 5;
    else if (en_ends(b, n, "edly", 4))
        m = 4;
    else if (en_ends(b, n, "eed", 3))
        m = 3, eed = true;
    else if (en_ends(b, n, "ing", 3))
        m = 3;
    else if (en_ends(b, n, "ed", 2))
        m = 2;
    if (eed) {
        if (n - m >= p1)
            en_set(b, &n, m, "ee", 2);
    } else if (m) {
        bool vowel = false;
        for (size_t j = 0; j < n - m; j++)
            vowel |= en_vowel(b[j]);
        if (vowel) {
            n -= m;
            unsigned char z = b[n - 1];
            bool at_bl_iz =
                en_ends(b, n, "at", 2) || en_ends(b, n, "bl", 2) || en_ends(b, n, "iz", 2);
            bool doubled = n >= 2 && b[n - 2] == z &&
                           (z == 'b' || z == 'd' || z == 'f' || z == 'g' || z == 'm' || z == 'n' ||
                            z == 'p' || z == 'r' || z == 't');
            /* at, bl, iz or a short word gain an e; a doubled end loses a letter */
            if (at_bl_iz || (!doubled && n == p1 && en_short(b, n)))
                b[n++] = 'e';
            else if (doubled)
                n--;
        }
    }
    /* step 1c */
    if (n >= 3 && (b[n - 1] == 'y' || b[n - 1] == 'Y') && !en_vowel(b[n - 2]))
        b[n - 1] = 'i';
    /* step 2 */
    const en_rule *r =
        en_find(en_step2, sizeof en_step2 / sizeof en_step2[0], EN_STEP2_ENDS, en_step2_at, b, n);
    if (r && n - r->len >= p1) {
        if (r->to) {
            en_set(b, &n, r->len, r->to, r->to_len);
        } else if (r->len == 3) { /* "ogi" after 'l' */
            if (n >= 4 && b[n - 4] == 'l')
                en_set(b, &n, 3, "og", 2);
        } else if (n >= 3 && b[n - 3] && strchr("cdeghkmnrt", b[n - 3])) { /* "li" */
            n -= 2;
        }
    }
    /* step 3 */
    r = en_find(en_step3, sizeof en_step3 / sizeof en_step3[0], EN_STEP3_ENDS, en_step3_at, b, n);
    if (r && n - r->len >= p1) {
        if (r->to)
            en_set(b, &n, r->len, r->to, r->to_len);
        else if (n - r->len >= p2) /* "ative" in R2 */
            n -= r->len;
    }
    /* step 4 */
    r = en_find(en_step4, sizeof en_step4 / sizeof en_step4[0], EN_STEP4_ENDS, en_step4_at, b, n);
    if (r && n - r->len >= p2) {
        if (r->to)
            n -= r->len;
        else if (n >= 4 && (b[n - 4] == 's' || b[n - 4] == 't')) /* "ion" */
            n -= 3;
    }
    /* step 5 */
    if (n >= 1 && b[n - 1] == 'e') {
        if (n - 1 >= p2 || (n - 1 >= p1 && !en_short(b, n - 1)))
            n--;
    } else if (n >= 2 && b[n - 1] == 'l' && b[n - 2] == 'l' && n - 1 >= p2) {
        n--;
    }
    *len = n;
}

#undef EN_BIT
#undef EN_STEP2_ENDS
#undef EN_STEP3_ENDS
#undef EN_STEP4_ENDS

/* The stem of w[0..n) into out (room for n bytes); its length. w: the
 * words english_stem takes, 255 bytes at most of small ASCII letters,
 * digits, apostrophes, hyphens and ampersands (STEM_EN below). */
static size_t english_stem(const char *w, size_t n, char *out)
{
    unsigned char b[256];
    memcpy(b, w, n);
    /* the special words end in e, g, s or y */
    unsigned char z = n ? b[n - 1] : 0;
    const en_rule *r = n && n <= 6 && (z == 's' || z == 'y' || z == 'g' || z == 'e')
                           ? en_whole(en_special, sizeof en_special / sizeof en_special[0], b, n)
                           : NULL;
    if (r && r->to_len) {
        memcpy(out, r->to, r->to_len);
        return r->to_len;
    }
    if (r || n < 3) {
        memcpy(out, b, n);
        return n;
    }
    /* a leading apostrophe goes; y at the start or after a vowel is a
     * consonant, Y, till the end */
    if (b[0] == '\'')
        memmove(b, b + 1, --n);
    bool y_found = false;
    if (n && b[0] == 'y') {
        b[0] = 'Y';
        y_found = true;
    }
    bool inner_y = n > 1 && memchr(b + 1, 'y', n - 1);
    for (size_t i = 0; inner_y && i + 1 < n; i++) {
        if (en_vowel(b[i]) && b[i + 1] == 'y') {
            b[++i] = 'Y';
            y_found = true;
        }
    }
    size_t p1, p2;
    en_regions(b, n, &p1, &p2);
    /* step 1a (its suffixes end in an apostrophe, then in s or d) */
    unsigned char e = n ? b[n - 1] : 0;
    if (e == '\'' || e == 's') {
        if (en_ends(b, n, "'s'", 3))
            n -= 3;
        else if (en_ends(b, n, "'s", 2))
            n -= 2;
        else if (en_ends(b, n, "'", 1))
            n -= 1;
    }
    e = n ? b[n - 1] : 0;
    if (e != 's' && e != 'd') { // NOLINT(bugprone-branch-clone): empty like "kept" below
        /* none of the rest */
    } else if (en_ends(b, n, "sses", 4)) {
        n -= 2;
    } else if (en_ends(b, n, "ied", 3) || en_ends(b, n, "ies", 3)) {
        n -= n >= 5 ? 2 : 1; /* "cried" -> "cri", "ties" -> "tie" */
    } else if (en_ends(b, n, "us", 2) || en_ends(b, n, "ss", 2)) {
        /* kept */
    } else if (en_ends(b, n, "s", 1)) {
        for (size_t j = 0; j + 2 < n; j++) {
            if (en_vowel(b[j])) { /* a vowel before the letter before the s */
                n--;
                break;
            }
        }
    }
    if (!(n >= 6 && n <= 7 && (b[n - 1] == 'g' || b[n - 1] == 'd') &&
          en_whole(en_kept, sizeof en_kept / sizeof en_kept[0], b, n)))
        en_steps(b, &n, p1, p2);
    if (!y_found) {
        memcpy(out, b, n);
        return n;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(b[i] == 'Y' ? 'y' : b[i]);
    return n;
}

/* Bytes as stem_of sees them (STEM_EN: those english_stem takes) */
enum { STEM_EN = 1, STEM_DOT = 2, STEM_HIGH = 4 };
// clang-format off
static const unsigned char stem_byte[256] = {
    ['a' ... 'z'] = STEM_EN, ['0' ... '9'] = STEM_EN, ['\''] = STEM_EN, ['-'] = STEM_EN,
    ['&'] = STEM_EN, ['.'] = STEM_DOT, [0x80 ... 0xff] = STEM_HIGH,
};
// clang-format on

/* The stem of low[0..n), no stopword (Snowball English; dotted forms such
 * as "u.s" and "amazon.com" are names, not inflected words, and stay as
 * they are). buf (room for n bytes) may hold the stem. ascii (may be NULL)
 * stems words all in ASCII the same at less cost. */
static bool stem_of(struct sb_stemmer *stemmer, struct sb_stemmer *ascii, const char *low, size_t n,
                    const sb_symbol **stem, size_t *sn, char *buf)
{
    *stem = (const sb_symbol *)low;
    *sn = n;
    /* one pass: a period, a byte past ASCII, every byte one english_stem
     * takes (STEM_EN) */
    unsigned all = STEM_EN, any = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned c = stem_byte[(unsigned char)low[k]];
        all &= c;
        any |= c;
    }
    if (any & STEM_DOT)
        return true;
    bool high = any & STEM_HIGH;
    size_t kept = !high ? plain_stem(low, n) : 0;
    if (kept) {
        *sn = kept;
        return true;
    }
    if ((all & STEM_EN) && n <= 255) {
        *sn = english_stem(low, n, buf);
        *stem = (const sb_symbol *)buf;
        return true;
    }
    struct sb_stemmer *by = !high && ascii ? ascii : stemmer;
    *stem = sb_stemmer_stem(by, (const sb_symbol *)low, (int)n);
    if (!*stem)
        return false;
    *sn = (size_t)sb_stemmer_length(by); /* the length of this stem: the stemmer that made it */
    return true;
}

size_t fl_stem_without_libstemmer(const char *w, size_t n, char *out)
{
    /* the order of stem_of, from its one pass over the bytes: none for a
     * period or a byte past ASCII, english_stem for a word of the bytes it
     * takes (STEM_EN) */
    if (n == 0 || n > 255)
        return 0;
    unsigned all = STEM_EN, any = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned c = stem_byte[(unsigned char)w[k]];
        all &= c;
        any |= c;
    }
    if (any & (STEM_DOT | STEM_HIGH))
        return 0;
    size_t kept = plain_stem(w, n);
    if (kept) {
        memcpy(out, w, kept);
        return kept;
    }
    return (all & STEM_EN) ? english_stem(w, n, out) : 0;
}

/* Whether low[0..n) is a stopword, else its stem (stem_of). */
static bool stem_fresh(struct sb_stemmer *stemmer, const char *low, size_t n, bool *stop,
                       const sb_symbol **stem, size_t *sn, char *buf)
{
    *stop = fl_is_stopword(low, n);
    *stem = (const sb_symbol *)low;
    *sn = n;
    return *stop || stem_of(stemmer, NULL, low, n, stem, sn, buf);
}

/* The first eight bytes of s[0..n), zero padded, as a little-endian number
 * (fl_load8, as scan_plain and fast_words make their keys): with the
 * hash and the length, most keys compare in one step. */
static inline uint64_t key_head(const char *s, size_t n)
{
    char b[8] = {0};
    memcpy(b, s, n < 8 ? n : 8);
    return fl_load8(b);
}

/* A context word's stem's first eight bytes as a big-endian number (zero
 * padded), so most comparisons of stems are one. */
static inline uint64_t prefix_of(const char *s, size_t n)
{
    uint64_t p = 0;
    size_t k = n < 8 ? n : 8;
    for (size_t i = 0; i < k; i++)
        p |= (uint64_t)(unsigned char)s[i] << (56 - 8 * i);
    return p;
}

/* The cache slot of low[0..n) (n <= 255; hash: its key_hash, head: its
 * key_head), or NULL when the word is not cached yet. */
static inline stem_slot *stem_find(const fl_stem_cache *c, const char *low, size_t n, unsigned hash,
                                   uint64_t head)
{
    for (size_t at = hash & c->mask; c->slots[at].len; at = (at + 1) & c->mask) {
        stem_slot *sl = &c->slots[at];
        if (sl->hash == hash && sl->len == n && sl->head == head &&
            (n <= 8 || memcmp(sl->tail, low + 8, n - 8) == 0))
            return sl;
    }
    return NULL;
}

/* Puts low[0..n) (n <= 255; hash: its key_hash, head: its key_head) into
 * the cache, not there yet: a stopword, or a word with stem stem[0..sn)
 * (sn <= 255). NULL when out of memory. */
static stem_slot *stem_insert(fl_stem_cache *c, const char *low, size_t n, unsigned hash,
                              uint64_t head, bool stop, const char *stem, size_t sn)
{
    if ((c->count + 1) * 2 > c->mask + 1 && !stem_cache_grow(c))
        return NULL;
    size_t at = hash & c->mask;
    while (c->slots[at].len)
        at = (at + 1) & c->mask;
    /* head holds a key's first eight bytes: only the rest is kept, zero
     * padded to a multiple of eight (fast_words compares eight bytes at
     * once), after the stem (NUL-terminated) in one allocation */
    size_t tn = n > 8 ? n - 8 : 0, tail_size = (tn + 7) & ~(size_t)7;
    size_t stem_size = stop ? 0 : sn + 1;
    char *st = NULL, *tail = NULL;
    if (tail_size + stem_size) {
        char *mem = fl_arena_alloc_uninit(c->arena, stem_size + tail_size); /* all set here */
        if (!mem)
            return NULL;
        if (!stop) {
            memcpy(mem, stem, sn);
            mem[sn] = '\0';
            st = mem;
        }
        if (tn) {
            tail = mem + stem_size;
            memcpy(tail, low + 8, tn);
            memset(tail + tn, 0, tail_size - tn);
        }
    }
    c->slots[at] = (stem_slot){.hash = hash,
                               .len = (unsigned char)n,
                               .stop = stop,
                               .stem_len = (unsigned char)sn,
                               .head = head,
                               .stem_prefix = st ? prefix_of(st, sn) : 0,
                               .tail = tail,
                               .stem = st};
    c->count++;
    return &c->slots[at];
}

/* Every stopword in the cache from the start, so that a word not found
 * there is no stopword: a new word is stemmed without a look at the list. */
static bool stem_seed_stopwords(fl_stem_cache *c)
{
    for (size_t i = 0; i < fl_stopword_count; i++) {
        const char *w = fl_stopwords[i];
        size_t n = strlen(w);
        if (!stem_insert(c, w, n, key_hash(w, n), key_head(w, n), true, NULL, 0))
            return false;
    }
    return true;
}

/* word_stem for a word not in the cache (n <= 255; head: its key_head):
 * stems it and puts it in. */
static bool word_stem_new(fl_stem_cache *c, struct sb_stemmer *stemmer, const char *low, size_t n,
                          unsigned hash, uint64_t head, stem_slot **slot, bool *stop,
                          const sb_symbol **stem, size_t *sn)
{
    *slot = NULL;
    *stop = false;
    if (!c->ascii_tried) {
        c->ascii_tried = true;
        c->ascii_stemmer = sb_stemmer_new("english", "ISO_8859_1");
    }
    char buf[256]; /* the stem, when english_stem makes it: copied below */
    if (!stem_of(stemmer, c->ascii_stemmer, low, n, stem, sn, buf))
        return false;
    if (*sn > 255)
        return true; /* not cached */
    if (c->count >= FL_STEM_CACHE_MAX && !stem_cache_reset(c, 4096))
        return false;
    stem_slot *sl = stem_insert(c, low, n, hash, head, false, (const char *)*stem, *sn);
    if (!sl)
        return false;
    *slot = sl;
    *stem = (const sb_symbol *)sl->stem;
    return true;
}

/* The cache slot of low[0..n) (hash: its key_hash), stemming the word on
 * first sight; *slot is NULL when the word is not cached (too long), then
 * *stop, *stem and *sn tell its stem. False when out of memory. The
 * stopwords are all in the cache (stem_seed_stopwords), so a word not
 * found is none. */
static bool word_stem(fl_stem_cache *c, struct sb_stemmer *stemmer, const char *low, size_t n,
                      unsigned hash, stem_slot **slot, bool *stop, const sb_symbol **stem,
                      size_t *sn)
{
    *slot = NULL;
    *stop = false;
    if (n > 255)
        return stem_of(stemmer, NULL, low, n, stem, sn, NULL); /* no stopword is as long */
    uint64_t head = key_head(low, n);
    stem_slot *sl = stem_find(c, low, n, hash, head);
    if (!sl)
        return word_stem_new(c, stemmer, low, n, hash, head, slot, stop, stem, sn);
    *slot = sl;
    *stop = sl->stop;
    *stem = (const sb_symbol *)sl->stem;
    *sn = sl->stem_len;
    return true;
}

/* Whether the period after the word s[off..off+k) (three to fifteen ASCII
 * letters, small or capitalized) ends it, as plain_stop_ends decides: no
 * ASCII letter, digit or another period after it, and no listed
 * abbreviation. Most sentences end so. */
static inline bool period_ends(const unsigned char *s, size_t len, size_t off, size_t k)
{
    unsigned char nx = off + k + 1 < len ? s[off + k + 1] : ' ';
    return !alnum_counts[nx] && nx != '.' && (k > 6 || abbrev_class(s + off, k) == AB_NONE);
}

/* For fast_words (and hyphen_part): the bytes of w that are no small
 * ASCII letter (bit 7 of each), as ~FL_BYTES_IN(w, 'a', 'z') marks them,
 * written as an OR of the two sums: gcc then needs no copy of a constant
 * for the AND-NOT (about two steps fewer a word). bytes80 is FL_BYTES_80
 * (small_stops), or a value holding it that gcc cannot make again. */
static inline uint64_t small_stops_in(uint64_t w, uint64_t bytes80)
{
    return (~(w + (0x80 - 'a') * FL_BYTES_01) | (w + (0x7f - 'z') * FL_BYTES_01)) & bytes80;
}

static inline uint64_t small_stops(uint64_t w)
{
    return small_stops_in(w, FL_BYTES_80);
}

/* For hyphen_part: s[q] ends a word joined by a hyphen as scan_joined ends
 * it: a space, a comma, a quote, a bracket... or a period that no letter
 * or digit follows (s[q + 1] readable: s[len] is a NUL). The space, most
 * often there, is tested first (word_end holds it too). */
static inline bool part_ends(const unsigned char *s, size_t q)
{
    return s[q] == ' ' || word_end[s[q]] || (s[q] == '.' && !alnum_counts[s[q + 1]]);
}

/* For hyphen_part: the length of the run of one to fifteen ASCII letters
 * at s[p], small but maybe the first ("Baskin-Robbins", "pre-Christmas",
 * "O'Casey": no capital after a small letter, which scan_joined would note
 * as camel case), and no capital on its own; else 0. */
static inline size_t part_run(const unsigned char *s, size_t len, size_t p)
{
    if (len - p < 8)
        return 0;
    /* the first byte's case bit set: a capital there is taken as small */
    uint64_t w = fl_load8(s + p) | 0x20;
    uint64_t stop = small_stops(w | 0x2020202020202020ull);
    if (stop & 0x80)
        return 0;
    if (!stop) {
        /* eight letters or more ("self-confidence "): all small, and up to
         * seven more in a second load */
        if (len - p < 16 || (~w & 0x2020202020202020ull))
            return 0;
        w = fl_load8(s + p + 8);
        stop = small_stops(w | 0x2020202020202020ull);
        if (!stop)
            return 0;
        uint64_t keep = (stop ^ (stop - 1)) >> 8;
        return !(~w & keep & 0x2020202020202020ull) ? 8 + ((unsigned)__builtin_ctzll(stop) >> 3)
                                                    : 0;
    }
    uint64_t keep = (stop ^ (stop - 1)) >> 8; /* the bytes before the stop */
    size_t n = (unsigned)__builtin_ctzll(stop) >> 3;
    /* a capital on its own ("X-Y") is the caller's: with no small letter
     * before the hyphen either, scan_joined makes the word all caps */
    if (n == 1 && !(s[p] & 0x20))
        return 0;
    return !(~w & keep & 0x2020202020202020ull) ? n : 0;
}

/* For hyphen_part: the rest of a word of more parts after the run of n
 * letters at s[p] (s[p + n] no end), as hyphen_part says; else 0. */
static __attribute__((noinline, cold)) size_t more_parts(const unsigned char *s, size_t len,
                                                         size_t p, size_t n)
{
    bool hyphen = s[p - 1] == '-';
    size_t q = p + n;
    for (;;) {
        if (s[q] != '\'' && (s[q] != '-' || !hyphen))
            return 0;
        q++;
        if (!(n = part_run(s, len, q)))
            return 0;
        q += n;
        if (part_ends(s, q))
            return q - p;
    }
}

/* For fast_words: the length of the rest of a word at s[p], after a hyphen
 * or an apostrophe: a run of letters as part_run takes it, ended as
 * part_ends says, or more such runs joined by apostrophes, or by hyphens
 * after a hyphen ("larger-than-expected", "Mercedes-Benz's", "O'Connor's":
 * the caller gives the word the hyphen's bit for its first joiner); else
 * 0. */
static __attribute__((noinline)) size_t hyphen_part(const unsigned char *s, size_t len, size_t p)
{
    size_t n = part_run(s, len, p);
    if (!n || part_ends(s, p + n))
        return n;
    return more_parts(s, len, p, n);
}

/* Where the byte at `field` (an offset in fl_token) sits in a token's
 * fields from kind on read as four bytes (its tail): a shift. */
static inline unsigned tail_shift(size_t field)
{
    size_t b = field - offsetof(fl_token, kind);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    b = 3 - b;
#endif
    return (unsigned)(8 * b);
}

/* A tail with the byte at `field` v and the others 0. */
static inline uint32_t tail_of(size_t field, unsigned v)
{
    return (uint32_t)v << tail_shift(field);
}

/* The tail of token t. */
static inline uint32_t tail_of_token(fl_token t)
{
    uint32_t v;
    memcpy(&v, (const unsigned char *)&t + offsetof(fl_token, kind), sizeof v);
    return v;
}

/* A tail with one flag (a bit-field: capitalized, all_caps, abbrev) set
 * when v, the others 0; the bit is the one the compiler gives the field
 * (a constant: the token is folded away). */
#define TAIL_FLAG(field, v) ((v) ? tail_of_token((fl_token){.field = true}) : 0u)

/* For fast_words: a word of ASCII letters and digits (an ASCII letter
 * first; any capitals, "iPhone" too) of one to seven bytes before a byte
 * of word_end (a space, a comma, a line break...) or a period (which
 * fast_words settles), as scan_plain pushes it:
 * its length (0 when there is none such at s[at], eight bytes readable)
 * and its token's fields from kind on (tail, as fast_words stores them;
 * T_NOLOWER in its seg byte when it has no small letter, after a space).
 * Sixteen bytes, so returned in two registers. */
typedef struct alnum_word {
    size_t len;
    uint32_t tail;
} alnum_word;
static __attribute__((noinline)) alnum_word alnum_word_at(const unsigned char *s, size_t at)
{
    alnum_word r = {0, 0};
    /* bytes past ASCII may carry into the bytes after them, but every
     * byte up to the first stop is an ASCII letter or digit (as in
     * scan_joined: no mask of the ASCII bytes first) */
    uint64_t w = fl_load8(s + at), letter = FL_BYTES_IN(w | 0x2020202020202020ull, 'a', 'z');
    uint64_t stop = ~(letter | FL_BYTES_IN(w, '0', '9')) & FL_BYTES_80;
    if (!stop)
        return r;
    size_t n = (unsigned)__builtin_ctzll(stop) >> 3;
    if (!word_end[s[at + n]] && s[at + n] != '.')
        return r;
    uint64_t bit = stop & -stop;
    letter &= bit - 1;
    uint64_t lower = letter & (w << 2);
    bool cap = s[at] <= 'Z', digit = ((bit - 1) & FL_BYTES_80) != letter;
    unsigned shape =
        cap || digit ? plain_shape(cap, digit, letter, lower) : FL_TS_KNOWN | FL_TS_LETTER;
    /* each field put in its place (no token built in memory, read back) */
    r.tail = tail_of(offsetof(fl_token, kind), FL_TOK_WORD) | TAIL_FLAG(capitalized, cap) |
             TAIL_FLAG(all_caps, !lower && (letter & (letter - 1))) |
             tail_of(offsetof(fl_token, shape), shape) |
             tail_of(offsetof(fl_token, seg), lower ? 0 : T_NOLOWER);
    r.len = n;
    return r;
}

/* For fast_words: a word of ASCII digits, a hyphen and letters ("12-nation",
 * "76-year-old": letters and digits, a hyphen before each letter it
 * joins), at s[at], ended as part_ends says, as scan_word reads it (a
 * word led by a digit: no capital first, no abbreviation): its length (0
 * for none such) and its token's fields from kind on (tail, after a space). */
static __attribute__((noinline)) alnum_word number_joined_at(const unsigned char *s, size_t at)
{
    alnum_word r = {0, 0};
    size_t p = at;
    while (is_ascii_digit(s[p]))
        p++;
    if (s[p] != '-' || !is_ascii_alpha(s[p + 1]))
        return r;
    /* the letters' counts and the first's case, as scan_word counts them;
     * camel: a small letter straight before a capital (fl_token_shape) */
    size_t letters = 0, upper = 0;
    bool first_up = s[p + 1] <= 'Z', camel = false, small = false;
    for (;;) {
        unsigned char c = s[p];
        if (is_ascii_alpha(c)) {
            bool up = c <= 'Z';
            letters++;
            upper += up;
            camel |= up && small;
            small = !up;
        } else if ((c == '-' && is_ascii_alpha(s[p + 1])) || is_ascii_digit(c)) {
            small = false;
        } else {
            break;
        }
        p++;
    }
    if (!part_ends(s, p))
        return r;
    unsigned shape =
        FL_TS_KNOWN | FL_TS_DIGIT | FL_TS_LETTER | FL_TS_HYPHEN | (camel ? FL_TS_CAMEL : 0);
    r.tail = tail_of(offsetof(fl_token, kind), FL_TOK_WORD) | TAIL_FLAG(capitalized, first_up) |
             TAIL_FLAG(all_caps, letters >= 2 && upper == letters) |
             tail_of(offsetof(fl_token, shape), shape) |
             tail_of(offsetof(fl_token, seg), upper == letters ? T_NOLOWER : 0);
    r.len = p - at;
    return r;
}

/* For fast_words: a number of ASCII digits, then letters or digits ("5m",
 * "17th", "1990s"), of one to seven bytes at s[at], as scan_plain pushes
 * it: before a byte of word_end but a comma, or before a comma or a
 * period that no ASCII letter or digit follows (nor a period, after a
 * period): its length (0 for none such, eight bytes readable) and its
 * token's fields from kind on (tail, as fast_words stores them after a
 * space). */
static __attribute__((noinline)) alnum_word number_word_at(const unsigned char *s, size_t len,
                                                           size_t at)
{
    alnum_word r = {0, 0};
    /* as in alnum_word_at: no mask of the ASCII bytes first */
    uint64_t w = fl_load8(s + at), letter = FL_BYTES_IN(w | 0x2020202020202020ull, 'a', 'z');
    uint64_t stop = ~(letter | FL_BYTES_IN(w, '0', '9')) & FL_BYTES_80;
    if (!stop)
        return r;
    size_t n = (unsigned)__builtin_ctzll(stop) >> 3;
    unsigned char t = s[at + n];
    unsigned shape = FL_TS_KNOWN | FL_TS_DIGIT;
    if ((t == '.' || t == ',') && at + n + 1 < len && is_ascii_digit(s[at + n + 1])) {
        /* decimals or thousands first ("1.13bn", "5.65m"), as scan_word
         * reads them: digits_end, then the run of letters and digits
         * (a capital after a small letter: camel) */
        size_t p = digits_end(s, len, at), q = p;
        bool camel = false;
        while (q < len && alnum_counts[s[q]]) {
            camel |= q > p && s[q] <= 'Z' && s[q] >= 'A' && s[q - 1] >= 'a';
            q++;
        }
        if (q == p || q >= len)
            return r;
        n = q - at;
        t = s[q];
        shape |= FL_TS_LETTER | (camel ? FL_TS_CAMEL : 0);
    } else {
        uint64_t bit = stop & -stop, lt = letter & (bit - 1), lo = lt & (w << 2);
        if (lt)
            shape |= FL_TS_LETTER | ((lo << 8) & lt & ~lo ? FL_TS_CAMEL : 0);
    }
    if (t == ',' || t == '.' || !word_end[t]) {
        unsigned char nx = at + n + 1 < len ? s[at + n + 1] : ' ';
        if ((t != ',' && t != '.') || alnum_counts[nx] || (t == '.' && nx == '.'))
            return r;
    }
    r.tail = tail_of(offsetof(fl_token, kind), FL_TOK_NUMBER) |
             tail_of(offsetof(fl_token, shape), shape);
    r.len = n;
    return r;
}

/* For fast_words: the token scan_short makes of the word s[at..at+k) of
 * ASCII letters (the first may be a capital, no other), the period at
 * s[at+k] and, in a dotted form ("U.S.", "e.g.", "Ph.D."), the parts
 * after it, when a space follows the token and the period is its own: a
 * listed abbreviation (AB_NUMBERED settled by what follows), an initial or
 * a dotted form: its length and its fields from kind on (tail, as
 * fast_words stores them, after a space); length 0 for any other
 * (scan_short decides). s[at..at+16) readable. */
typedef struct short_token {
    size_t len;
    uint32_t tail;
} short_token;
static __attribute__((noinline, cold)) short_token short_word(const unsigned char *s, size_t len,
                                                              size_t at, size_t k)
{
    short_token r = {0, 0};
    if (k > 6)
        return r;
    if (k == 1 && is_ascii_alpha(s[at + 2]) && s[at + 3] == '.' && s[at + 4] == ' ') {
        /* most dotted forms ("U.S. ", "U.K. ", "a.m. "): two letters, each
         * before its period, and a space, their fields told at once as
         * below (no small letter straight before a capital: periods
         * between) */
        bool cap = s[at] <= 'Z', no_small = cap && s[at + 2] <= 'Z';
        int ab2 = s[at] == 'e' || s[at] == 'i' ? AB_NEVER : AB_AMBIG;
        r.tail = tail_of(offsetof(fl_token, kind), FL_TOK_WORD) | TAIL_FLAG(capitalized, cap) |
                 TAIL_FLAG(all_caps, no_small) |
                 tail_of(offsetof(fl_token, shape),
                         FL_TS_KNOWN | FL_TS_LETTER | (cap ? FL_TS_UPPER0 : 0)) |
                 TAIL_FLAG(abbrev, 1) |
                 tail_of(offsetof(fl_token, seg),
                         (unsigned)(ab2 << T_AB_SHIFT | (no_small ? T_NOLOWER : 0)));
        r.len = 4;
        return r;
    }
    size_t p = at + k, end;
    int ab;
    if (k <= 2 && is_ascii_alpha(s[p + 1])) {
        /* a dotted form: more parts of one or two letters, each before a
         * period, as scan_short reads them; most have two parts of one
         * letter ("U.S.", "U.K.", "a.m."), read here at once as dotted_end
         * would read them (its third part, none, ends the form) */
        const size_t d =
            k == 1 && s[p + 2] == '.' && !is_ascii_alpha(s[p + 3]) ? p + 3 : dotted_end(s, len, at);
        if (!d || d >= len || s[d] != ' ')
            return r;
        ab = d - at == 4 && (s[at] == 'e' || s[at] == 'i') ? AB_NEVER : AB_AMBIG;
        end = d;
    } else {
        if (s[p + 1] != ' ')
            return r;
        ab = settle_numbered(s, len, p, abbrev_class(s + at, k));
        if (ab == AB_NONE && k == 1 && s[at] <= 'Z')
            ab = AB_INITIAL;
        if (ab == AB_NONE)
            return r;
        /* a listed abbreviation or an initial ("Mr.", "Sen.", "J."): the
         * word's letters small but the first (the caller's), so its fields
         * are told from that one (no small letter only for an initial, no
         * word of capitals, no small letter before a capital) */
        bool cap = s[at] <= 'Z', no_small = cap && k == 1;
        r.tail = tail_of(offsetof(fl_token, kind), FL_TOK_WORD) | TAIL_FLAG(capitalized, cap) |
                 tail_of(offsetof(fl_token, shape),
                         FL_TS_KNOWN | FL_TS_LETTER | (cap ? FL_TS_UPPER0 : 0)) |
                 TAIL_FLAG(abbrev, 1) |
                 tail_of(offsetof(fl_token, seg),
                         (unsigned)(ab << T_AB_SHIFT | (no_small ? T_NOLOWER : 0)));
        r.len = k + 1;
        return r;
    }
    /* letters and periods only: the shape from the capitals, as scan_short
     * finds it; for most (eight bytes or fewer) from one load: bit 7 of
     * each byte marks the letters (bytes from 'A' on: no period), bit 5
     * moved to bit 7 the small ones */
    bool cap = s[at] <= 'Z', camel, no_small, letters2;
    if (end - at <= 8) {
        uint64_t w = fl_load8(s + at);
        if (end - at < 8)
            w &= fl_low_bytes(end - at);
        uint64_t letter = ((w & FL_BYTES_7F) + 0x3f3f3f3f3f3f3f3full) & FL_BYTES_80;
        uint64_t small = (w << 2) & letter;
        camel = (small << 8) & letter & ~small;
        no_small = !small;
        letters2 = (letter & (letter - 1)) != 0; /* two or more */
    } else {
        size_t letters = 0, upper = 0;
        camel = false;
        for (size_t i = at; i < end; i++) {
            bool up = s[i] != '.' && s[i] <= 'Z';
            letters += s[i] != '.';
            upper += up;
            camel |= up && i > at && s[i - 1] >= 'a';
        }
        no_small = upper == letters;
        letters2 = letters >= 2;
    }
    /* the fields from kind on, each put in its place (no token built in
     * memory and read back) */
    unsigned shape =
        FL_TS_KNOWN | FL_TS_LETTER | (cap ? FL_TS_UPPER0 | (camel ? FL_TS_CAMEL : 0) : 0);
    r.tail =
        tail_of(offsetof(fl_token, kind), FL_TOK_WORD) | TAIL_FLAG(capitalized, cap) |
        TAIL_FLAG(all_caps, letters2 && no_small) | tail_of(offsetof(fl_token, shape), shape) |
        TAIL_FLAG(abbrev, 1) |
        tail_of(offsetof(fl_token, seg), (unsigned)(ab << T_AB_SHIFT | (no_small ? T_NOLOWER : 0)));
    r.len = end - at;
    return r;
}

/* For fast_words: notes the straight double quote that is token idx (about
 * to be pushed) for find_quotes, as tokenize does; false when out of
 * memory. In line: a few stores, against a call's moves (news has a
 * quote every fifty tokens or so). */
static inline bool note_quote(seg *sg, size_t idx)
{
    /* quotes go in pairs and the room doubles from 256: when there is
     * room for one there is room for both */
    idx_vec *x = &sg->quotes;
    if (x->n == x->cap && !idx_grow(x))
        return false;
    x->v[x->n] = idx;
    x->v[x->n + 1] = sg->paras << 2 | Q_STRAIGHT;
    x->n += 2;
    return true;
}

/* For fast_words: whether split_sentences passes the abbreviation that
 * short_word made (tail: its fields from kind on) before one space and
 * the byte b, whatever the word there turns out to be, so that it need
 * not be a stop: a word led by a small ASCII letter ("U.S. officials"),
 * or a title (AB_NEVER: "Mr. Smith") before a letter or digit (no
 * paragraph break), as ab_goes_on finds. */
static inline bool ab_passed(unsigned char b, uint32_t tail)
{
    unsigned g = (unsigned)(tail >> tail_shift(offsetof(fl_token, seg))) & 0xff;
    return (unsigned char)(b - 'a') < 26 ||
           (((g >> T_AB_SHIFT) & 7) == AB_NEVER && alnum_counts[b]);
}

/* Writes a token of fast_words at tok: off, len and the fields from kind on
 * (tail); returns the token after it. */
static inline fl_token *put_word(fl_token *tok, size_t off, size_t len, uint32_t tail)
{
    tok->off = off;
    tok->len = len;
    memcpy((unsigned char *)tok + offsetof(fl_token, kind), &tail, 4);
    return tok + 1;
}

/* For fast_words: sets the gap of token fix, written as after a space, to
 * the one seg byte b holds (seg_of; again is harmless). */
static inline void settle(fl_token *fix, uint8_t b)
{
    fix->seg = (uint8_t)((fix->seg & ~S_TIGHT) | b);
}

/* For fast_words: the length of the run of small ASCII letters at s[at]
 * that holds eight or more, up to fifteen; 0 when it is longer or too
 * near the end of the text (at + 8 > last) to tell. */
static inline size_t long_small_run(const unsigned char *s, size_t at, size_t last,
                                    uint64_t bytes80)
{
    if (at + 8 > last)
        return 0;
    uint64_t stop = small_stops_in(fl_load8(s + at + 8), bytes80);
    return stop ? ((unsigned)__builtin_ctzll(stop) + 64) >> 3 : 0; /* 8 on */
}

/* For fast_words: s[at..at+8) as fl_load8 reads it, loaded from s and at
 * themselves (an indexed load) rather than from a pointer formed first:
 * gcc forms s + at for the word's end byte too and loads from it, a step
 * more between one word's load and the next. */
static inline uint64_t load8_at(const unsigned char *s, size_t at)
{
#if defined(__x86_64__) && defined(__GNUC__)
    uint64_t v;
    __asm__("movq (%1,%2), %0"
            : "=r"(v)
            : "r"(s), "r"(at), "m"(*(const unsigned char(*)[8])(s + at)));
    return v;
#else
    return fl_load8(s + at);
#endif
}

/* The most common cases of scan_plain, scan_joined and tokenize in a loop
 * of their own, so that their state stays in registers: words of one to
 * fifteen ASCII letters, all small or capitalized, each ended by a byte of
 * word_end, one space apart; and, less often, common numbers, one-byte
 * tokens, straight double quotes, dashes between spaces, a word and the
 * period that ends its sentence, a line break or blank line after a token
 * and before a word or number, and before a space a possessive
 * ("company's"), two words joined by a hyphen ("well-known"), a word of
 * capitals ("NATO") or of letters then digits ("B200"). Pushes the
 * tokens from s[i] on (s[i] a letter or a digit; the first with gap *gap)
 * and returns where it stopped: at a word or other token left to the
 * caller (*gap its gap so far), or after the last token pushed (*gap 0).
 * SIZE_MAX when out of memory. */
static size_t fast_words(seg *sg, size_t i, uint8_t *gap)
{
    uint8_t g = *gap;
    if (sg->len - i < 8)
        return i;
    size_t first = sg->n;
    if (g & (G_LINE | G_PARA)) {
        /* split_sentences must hear of a line break: noted for the first
         * token, as push_token notes it, and taken back when none is
         * pushed */
        if (sg->cap - sg->n < 2)
            return i;
        if (!note_token(sg, i, FL_TOK_WORD, g))
            return SIZE_MAX;
    }
    /* at: where the next token starts (an offset, which the tokens keep) */
    const unsigned char *s = sg->s;
    size_t at = i, len = sg->len, last = len - 8;
    fl_token *tok = sg->toks + sg->n;
    /* each step pushes one token or two and moves on by as many bytes or
     * more (a word and a space; a word or number, a comma and a space; a
     * number, '%' and a space...; or it ends the loop), so starting no step
     * past at + room - 2 keeps the tokens within their room (at <= last
     * here: len - i >= 8) */
    size_t room = sg->cap - sg->n;
    if (room < 2)
        return i;
    size_t lim = last - at >= room - 2 ? at + (room - 2) : last;
    /* a word's fields from kind on (all but off and len), small or
     * capitalized, with its seg byte, copied as four bytes: one store
     * instead of clearing the token and setting the capital's bytes */
    _Static_assert(sizeof(fl_token) - offsetof(fl_token, kind) == 4, "fl_token tail");
    const fl_token number = {.kind = FL_TOK_NUMBER, .shape = FL_TS_KNOWN | FL_TS_DIGIT},
                   small_word = {.kind = FL_TOK_WORD, .shape = FL_TS_KNOWN | FL_TS_LETTER},
                   cap_word = {.kind = FL_TOK_WORD,
                               .capitalized = true,
                               .shape = FL_TS_KNOWN | FL_TS_LETTER | FL_TS_UPPER0};
    const fl_token caps_word = {.kind = FL_TOK_WORD,
                                .capitalized = true,
                                .all_caps = true,
                                .shape = FL_TS_KNOWN | FL_TS_LETTER | FL_TS_UPPER0},
                   hyphen = {.shape = FL_TS_HYPHEN}; /* the bit a word's tail adds */
    uint32_t number_tail = tail_of_token(number), small_tail = tail_of_token(small_word),
             cap_tail = tail_of_token(cap_word), caps_tail = tail_of_token(caps_word),
             hyphen_tail = tail_of_token(hyphen);
    enum { TAIL = offsetof(fl_token, kind) };
    enum { SEG = offsetof(fl_token, seg), KIND = offsetof(fl_token, kind) };
    /* the tails above are those of tokens after a space, the gap of most
     * tokens here (no bit in the seg byte: S_TIGHT); those attached to what
     * precedes them add `tight`. The last token whose gap may be another,
     * fix_g (as its seg byte holds it), is `fix` (written, or next): its
     * gap is set (settle) once it is written, so that the common steps need
     * not carry the gap */
    const uint32_t tight = tail_of(SEG, seg_of(0)), punct_spaced = tail_of(KIND, FL_TOK_PUNCT),
                   symbol_spaced = tail_of(KIND, FL_TOK_SYMBOL), punct_tail = punct_spaced | tight,
                   symbol_tail = symbol_spaced | tight;
    caps_tail |= tail_of(SEG, T_NOLOWER);
    fl_token *fix = tok;
    uint8_t fix_g = seg_of(g), joined = 0;
    /* sg's count of words without a small letter, kept here as it goes
     * (sg's is brought up to date on the way out): a stop takes it as it is */
    size_t nolower = sg->nolower;
    /* the token whose line break split_sentences has heard of (noted), not
     * pushed yet when it is the next one: the note is taken back on the way
     * out, and the caller's token notes it again */
    size_t noted = g & (G_LINE | G_PARA) ? first : SIZE_MAX;
    uint8_t noted_g = g;
    /* FL_BYTES_80 for the masks of the steps (small_stops_in,
     * digit_stops_in), hidden from gcc: as a constant it is made again
     * (movabs) at every word, the AND writing over it; as a value it stays
     * where gcc keeps it (a register or the stack, which the AND reads) */
    uint64_t bytes80 = FL_BYTES_80;
#if defined(__GNUC__)
    __asm__("" : "+r"(bytes80));
#endif
    for (;;) {
        if (__builtin_expect(at > lim, 0)) {
            /* the room was counted a byte a token, but the steps push
             * fewer tokens than bytes: counted again, once it is used up,
             * rather than handing a word back for want of room */
            size_t left = sg->cap - (size_t)(tok - sg->toks);
            if (lim == last || at > last || left < 2)
                break;
            lim = last - at >= left - 2 ? at + (left - 2) : last;
        }
        /* p: the word's bytes (s + at). Its end byte read at p + k, gcc
         * takes the next word's offset, at + k + 1, in one step rather
         * than forming at + k for the read first: a step fewer a word,
         * and one fewer between a word's load and the next (which
         * load8_at makes from s and at, not from p) */
        const unsigned char *p = s + at;
        uint64_t w = load8_at(s, at), upper = 0;
        uint32_t tail = small_tail;
        size_t k;
        unsigned char t;
        /* most words are small letters, or a capital and small letters,
         * before a space: the run of small letters alone tells them, with
         * fewer steps than the run of letters below (bytes past ASCII may
         * carry into the bytes after them, but every byte up to the first
         * stop is a small ASCII letter). A word that ends at another byte
         * than a letter goes on to word_ended as it would from below: the
         * run of letters ends there too (upper and tail as they would
         * be); a letter there (a capital after small letters) goes on to
         * the run of letters. */
        uint64_t stop = small_stops_in(w, bytes80);
        /* no stop: eight small letters or more, up to fifteen (tested
         * first, on the flags of the mask's AND) */
        if (__builtin_expect(!stop, 0)) {
            if (!(k = long_small_run(s, at, last, bytes80)))
                break;
            goto small_run;
        }
        /* bit 7 clear: s[at] is a small letter (a sign test, which gcc
         * makes in one step) */
        if ((int8_t)stop >= 0) {
            k = (unsigned)__builtin_ctzll(stop) >> 3;
        small_run:
            t = p[k];
            if (__builtin_expect(t == ' ', 1)) {
                tok = put_word(tok, at, k, small_tail);
                at += k + 1;
                continue;
            }
            if (t == ',' && k >= 2 && p[k + 1] == ' ') {
                /* ", " after the word (a NUL at len): the word and the
                 * comma as `ended` pushes them below, without its tests
                 * for the other endings on the way */
                tok = put_word(tok, at, k, small_tail);
                tok = put_word(tok, at + k, 1, punct_tail);
                at += k + 2;
                continue;
            }
            if (t == '.' && k >= 3)
                goto word_period; /* as word_ended takes it below */
            if (!is_ascii_alpha(t))
                goto word_ended; /* as below: no capital */
        } else if ((unsigned char)(w - 'A') >= 26) {
            /* no letter first, as the run of letters below would find
             * (its OR of 0x20 makes no other byte a letter) */
            goto no_letter;
        } else if (!(stop & 0x8000)) {
            /* a capital, then small letters (the stops after the capital
             * tested for none on the flags of the subtraction) */
            uint64_t rest = stop - 0x80;
            if (__builtin_expect(rest != 0, 1))
                k = (unsigned)__builtin_ctzll(rest) >> 3;
            else if (!(k = long_small_run(s, at, last, bytes80)))
                break;
            t = p[k];
            if (t == ' ') {
                tok = put_word(tok, at, k, cap_tail);
                at += k + 1;
                continue;
            }
            if (t == ',' && k >= 2 && p[k + 1] == ' ') {
                /* ", " after the word, as above */
                tok = put_word(tok, at, k, cap_tail);
                tok = put_word(tok, at + k, 1, punct_tail);
                at += k + 2;
                continue;
            }
            if (!is_ascii_alpha(t)) {
                upper = 0x20;
                tail = cap_tail;
                goto word_ended;
            }
        }
        /* the run of letters of either case (every byte up to the first
         * stop an ASCII letter, as above) */
        stop = small_stops_in(w | 0x2020202020202020ull, bytes80);
        if (stop & 0x80) {
        no_letter:;
            /* no letter first: a number of ASCII digits before a space, ", "
             * or '%' as scan_plain and tokenize push it (with the comma or
             * '%'), else the caller's */
            size_t pos = at;
            uint64_t nd = digit_stops_in(w, bytes80);
            if (nd & 0x80) {
                /* a token of one byte ('$', '('...), as tokenize pushes it
                 * (push_one_byte), then on to what follows it at once */
                unsigned char c = (unsigned char)w,
                              nx = (unsigned char)(w >> 8); /* s[at], s[at + 1] */
                unsigned kind = one_byte_kind[c];
                if (!kind) {
                    if (c == '\n' && fix == tok) {
                        /* a line break after a token, or a blank line, then
                         * a word, a number or a straight double quote (a
                         * quotation opening a paragraph): noted for the
                         * token after it, as tokenize gives it its gap and
                         * push_token notes it (note_token, with the counts
                         * so far) */
                        size_t q = at + 1;
                        uint8_t lg = G_SPACE | G_LINE;
                        if (nx == '\n') {
                            q++;
                            lg |= G_PARA;
                        }
                        if (!alnum_counts[s[q]] && s[q] != '"')
                            break; /* a quote: the step below pushes it */
                        noted = (size_t)(tok - sg->toks);
                        sg->paras += (lg & G_PARA) != 0;
                        if (!stop_push_at(sg, noted, nolower))
                            return SIZE_MAX;
                        noted_g = lg;
                        fix_g = seg_of(lg);
                        at = q;
                        continue;
                    }
                    if (c == '-' && nx == ' ') {
                        /* a dash between spaces (" - "), one PUNCT as
                         * tokenize pushes it (a run of hyphens is one
                         * token: not here), then on to the next word */
                        tok = put_word(tok, pos, 1, punct_spaced);
                        settle(fix, fix_g);
                        at += 2;
                        continue;
                    }
                    if (c == 0xC2 && nx == 0xA3) {
                        /* a pound sign ("£300m"), one SYMBOL of two bytes
                         * as tokenize pushes it, then on to what follows */
                        tok = put_word(tok, pos, 2, symbol_spaced);
                        settle(fix, fix_g);
                        fix = tok; /* attached to the next token */
                        fix_g = seg_of(0);
                        at += 2;
                        continue;
                    }
                    /* a straight double quote, as tokenize pushes it and
                     * notes it for find_quotes, whatever follows (a space,
                     * a word, or the '.', ',' or line break after a
                     * quotation's end: the steps above take what they
                     * know, the caller the rest) */
                    if (c != '"') {
                        /* a period, '?' or '!' (no run of them) attached
                         * to the token before it, a quote or a bracket
                         * ("a \"word\".", "(SEC)?"), as tokenize pushes
                         * it (a stop), then on as after a word's period */
                        if (fix != tok ||
                            (c == '.' ? nx == '.'
                                      : (c != '?' && c != '!') || nx == '?' || nx == '!'))
                            break;
                        k = 0;
                        goto dot;
                    }
                    if (!note_quote(sg, (size_t)(tok - sg->toks)))
                        return SIZE_MAX;
                    tok = put_word(tok, pos, 1, punct_spaced);
                    settle(fix, fix_g);
                    at++;
                    if (s[at] == ' ') {
                        at++;
                    } else {
                        fix = tok; /* attached to the next token */
                        fix_g = seg_of(0);
                    }
                    continue;
                }
                tok = put_word(tok, pos, 1, tail_of(KIND, kind - 1));
                settle(fix, fix_g);
                fix = tok; /* attached to the next token */
                fix_g = seg_of(0);
                at++;
                continue;
            }
            /* at most 7: eight digits or more stop at a digit (the caller's) */
            k = (unsigned)__builtin_ctzll(nd | 1ull << 63) >> 3;
            t = s[at + k];
            if ((t == ',' || t == '.') && at + k + 1 < len && is_ascii_digit(s[at + k + 1])) {
                /* thousands or decimals ("16,652", "72.5"), as scan_joined
                 * reads them */
                k = separated_digits_end(s, len, pos + k) - pos;
                t = at + k < len ? s[at + k] : '0';
            }
            bool comma = t == ',', spaced = at + k + 1 < len && s[at + k + 1] == ' ';
            if (t != ' ' && !((comma || t == '%') && spaced)) {
                if (comma && at + k + 1 < len && s[at + k + 1] == '"') {
                    /* ",\"" after it: the number and the comma, then the
                     * quote (above), as after a word */
                    tok = put_word(tok, pos, k, number_tail);
                    tok = put_word(tok, pos + k, 1, punct_tail);
                    settle(fix, fix_g);
                    fix = tok; /* attached to the comma */
                    fix_g = seg_of(0);
                    at += k + 1;
                    continue;
                }
                if (is_ascii_alpha(t)) {
                    /* letters after the digits ("5m", "17th", "1990s") */
                    alnum_word c = number_word_at(s, len, at);
                    if (!c.len)
                        break;
                    k = c.len;
                    tail = c.tail;
                    t = s[at + k];
                    if (t == ' ')
                        goto spaced;
                    if (t == '.')
                        goto period;
                    goto ended;
                }
                if (t == '-' && is_ascii_alpha(s[at + k + 1])) {
                    /* letters joined to the digits by a hyphen ("12-nation",
                     * "76-year-old"), as scan_word pushes the word: on as
                     * after scan_joined's */
                    alnum_word c = number_joined_at(s, at);
                    if (!c.len)
                        break;
                    k = c.len;
                    tail = c.tail;
                    goto joined_end;
                }
                if (t == '-' && is_ascii_digit(s[at + k + 1])) {
                    /* a hyphen and a digit after it (a range or score,
                     * "737-800", "8-1"): the number and the hyphen, as
                     * scan_word (a hyphen before a digit ends a number)
                     * and tokenize push them, then on to the digits,
                     * attached to the hyphen (a NUL at len) */
                    tok = put_word(tok, pos, k, number_tail);
                    tok = put_word(tok, pos + k, 1, punct_tail);
                    settle(fix, fix_g);
                    fix = tok;
                    fix_g = seg_of(0);
                    at += k + 1;
                    continue;
                }
                if (t != '.')
                    break;
                /* a period after it that no letter, digit or period
                 * follows (most often a sentence's end, "in 2019."), as
                 * scan_plain and tokenize push them: on as after a
                 * word's */
                unsigned char nx = at + k + 1 < len ? s[at + k + 1] : ' ';
                if (alnum_counts[nx] || nx == '.')
                    break;
                tail = number_tail;
                goto period;
            }
            tok = put_word(tok, pos, k, number_tail);
            at += k + 1;
            if (t != ' ') {
                tok = put_word(tok, pos + k, 1, comma ? punct_tail : symbol_tail);
                at++;
            }
            continue;
        }
        /* the word's length k; upper marks its capitals */
        if (stop) {
            /* stop - 1 keeps the bytes before the stop and the stop's
             * own low bits: its 0x20 bit lands in upper only when the stop
             * byte lacks it (not ' '), which the path for such a byte
             * clears below */
            k = (unsigned)__builtin_ctzll(stop) >> 3;
            upper = ~w & (stop - 1) & 0x2020202020202020ull;
        } else {
            /* eight letters or more: up to fifteen in a second load */
            if (at + 8 > last)
                break;
            uint64_t w2 = fl_load8(s + at + 8);
            uint64_t stop2 = small_stops_in(w2 | 0x2020202020202020ull, bytes80);
            if (!stop2)
                break;
            uint64_t keep = (stop2 ^ (stop2 - 1)) >> 8;
            k = 8 + ((unsigned)__builtin_ctzll(stop2) >> 3);
            /* the second load's capitals (bit 5) moved to bit 6, which no
             * byte of the first sets: each lies after the first letter */
            upper = (~w & 0x2020202020202020ull) | (~w2 & keep & 0x2020202020202020ull) << 1;
        }
        t = s[at + k];
        tail = upper ? cap_tail : small_tail;
        if (__builtin_expect(t != ' ', 0)) {
            if (!(t & 0x20) && k < 8) {
                upper &= fl_low_bytes(k); /* the stop's bit, if any, off */
                tail = upper ? cap_tail : small_tail;
            }
        word_ended:
            if (!word_end[t] || (upper & ~0x20ull)) {
                if (t == '.' && k >= 3 && !(upper & ~0x20ull)) {
                    /* maybe a sentence's end: the word and the period,
                     * as scan_plain and tokenize push them (room for two
                     * tokens at each step), then on to the next
                     * sentence's first word when a space and a word
                     * follow, else back to the caller */
                word_period:
                    if (!period_ends(s, len, at, k))
                        break;
                period:
                    tok = put_word(tok, at, k, tail);
                dot:
                    /* the period (or '?', '!') at s[at + k]: a stop, as
                     * push_token notes it (sg's count is brought up to
                     * date on the way out) */
                    if (!stop_push_at(sg, (size_t)(tok - sg->toks), nolower))
                        return SIZE_MAX;
                    tok = put_word(tok, at + k, 1, punct_tail);
                    at += k + 1;
                    /* at <= len, s[len] a NUL: s[at + 1] is read only
                     * after a space at s[at] */
                    if (s[at] == ' ' && (alnum_counts[s[at + 1]] || s[at + 1] == '"')) {
                        at++; /* on to the next sentence's first word or quote */
                        continue;
                    }
                    settle(fix, fix_g);
                    fix = tok;
                    fix_g = seg_of(0);
                    if (s[at] == '\n' || s[at] == '"')
                        continue; /* the line break or quote next, as below */
                    break;
                }
                size_t n2;
                if (t == '\'' && !(upper & ~0x20ull) && len - at > k + 2) {
                    unsigned char a = s[at + k + 1];
                    if (s[at + k + 2] == ' ' && (unsigned char)(a - 'a') < 26) {
                        /* a possessive or contraction before a space
                         * ("company's", "don't"), as scan_joined pushes it
                         * (the fields of a word): on to the next word */
                        k += 2;
                        goto spaced;
                    }
                    /* an apostrophe before no letter ("farmers' ",
                     * "'useless'"): its own token after the word, as
                     * scan_word leaves it */
                    if (a < 0x80 && !is_ascii_alpha(a))
                        goto ended;
                }
                if ((t == '-' || t == '\'') && !(upper & ~0x20ull) &&
                    (n2 = hyphen_part(s, len, at + k + 1))) {
                    /* two words joined by a hyphen ("well-known"), or an
                     * apostrophe ("they've", "company's,": a possessive
                     * or contraction before no space), as scan_joined
                     * pushes them: on to the next word */
                    k += 1 + n2;
                    tail |= t == '-' ? hyphen_tail : 0;
                    if (p[k] == ' ')
                        goto spaced;
                    goto joined_end; /* a comma, a period... as after scan_joined */
                }
                if (is_ascii_digit(t) && k < 8) {
                    /* letters, then digits ("B200", "MI308", "Q3"), before a
                     * space, or before a comma, a period, a line break... as
                     * a word is ("... the PS5.", "the A800, and"); and from
                     * below, a word with a capital after a small letter
                     * before a space ("iPhone", "McManus") */
                alnum:;
                    alnum_word c = alnum_word_at(s, at);
                    if (c.len) {
                        k = c.len;
                        tail = c.tail;
                        t = s[at + k];
                        unsigned f = (c.tail & tail_of(SEG, T_NOLOWER)) != 0;
                        if (t == '.') {
                            /* as period_ends settles a word's period (no
                             * listed abbreviation holds a digit) */
                            if (k < 3 || !period_ends(s, len, at, k))
                                break;
                            nolower += f;
                            goto period;
                        }
                        nolower += f;
                        if (t == ' ')
                            goto spaced;
                        goto ended; /* a comma, a line break... */
                    }
                }
                if (t == '\'' || t == '-') {
                    /* other words joined by apostrophes or hyphens ("F-35",
                     * "GPT-4o", "don't", "state-of-the-art"), as scan_joined
                     * pushes them (there is room for its token, which it
                     * writes at tok and counts in sg), then on as after a
                     * word; what it leaves (0) goes back to the caller,
                     * straight to scan_joined and scan_word */
                    sg->n = (size_t)(tok - sg->toks);
                    size_t e;
                    int r = scan_joined(sg, at, G_SPACE, &e);
                    if (r < 0)
                        return SIZE_MAX;
                    if (!r) {
                        joined = G_JOINED;
                        break;
                    }
                    /* its fields as a word's here: counted in nolower
                     * (sg's count, which it took too, is set from nolower
                     * on the way out) and written again below */
                    memcpy(&tail, (const unsigned char *)tok + TAIL, 4);
                    k = e - at;
                joined_end:;
                    unsigned f = (tail & tail_of(SEG, T_NOLOWER)) != 0;
                    t = s[at + k];
                    upper = 0;
                    if (t == '.') {
                        /* period_ends as for a word (no listed abbreviation
                         * holds an apostrophe or a hyphen) */
                        if (!period_ends(s, len, at, k))
                            break;
                        nolower += f;
                        goto period;
                    }
                    nolower += f;
                    if (t == ' ')
                        goto spaced;
                    goto ended;
                }
                if (upper & ~0x20ull) {
                    /* a word of capitals only ("US", "NATO") before a comma,
                     * a period that ends it, a bracket, a line break... as
                     * scan_plain pushes it; others (a capital after a small
                     * letter, eight letters or more) are the caller's */
                    if (k >= 8 || upper != (0x2020202020202020ull & fl_low_bytes(k)))
                        break;
                    if (t == '.') {
                        if (!period_ends(s, len, at, k))
                            break;
                        tail = caps_tail;
                        nolower++;
                        goto period;
                    }
                    if (!word_end[t])
                        break;
                    tail = caps_tail;
                    nolower++;
                    goto ended;
                }
                if (t != '.')
                    break;
                if (!upper && period_ends(s, len, at, k)) {
                    /* a word of one or two small letters and the period
                     * that ends it ("in.", "it.\"", "us.\n"), as scan_short
                     * and tokenize push them */
                    goto period;
                }
                /* a listed abbreviation, an initial or a dotted form and its
                 * period before a space ("Mr.", "Sen.", "J.", "U.S."), as
                 * scan_short pushes it (a stop, as push_token notes it,
                 * unless noted already, the first token after a line
                 * break, or passed by split_sentences whatever follows:
                 * ab_passed), then on to the next word */
                if (len - at < 16)
                    break;
                short_token ab = short_word(s, len, at, k);
                if (!ab.len)
                    break;
                size_t idx = (size_t)(tok - sg->toks);
                if (!ab_passed(s[at + ab.len + 1], ab.tail) &&
                    (!sg->stops.n || sg->stops.v[sg->stops.n - 1].tok != idx) &&
                    !stop_push_at(sg, idx, nolower))
                    return SIZE_MAX;
                tok = put_word(tok, at, ab.len, ab.tail);
                nolower += (ab.tail & tail_of(SEG, T_NOLOWER)) != 0;
                at += ab.len + 1;
                continue;
            }
        ended:
            tok = put_word(tok, at, k, tail);
            if (__builtin_expect(upper && k == 1, 0))
                nolower++;
            at += k;
            if (t == ',' && k >= 2 && s[at + 1] == ' ') { /* a NUL at len */
                /* ", " after the word: the comma as tokenize pushes it
                 * (push_one_byte), then on to the next word */
                tok = put_word(tok, at, 1, punct_tail);
                at += 2;
                continue;
            }
            settle(fix, fix_g);
            if (t == ',' && s[at + 1] == '"') {
                /* ",\"" after the word: the comma, then the quote (below) */
                tok = put_word(tok, at, 1, punct_tail);
                at++;
                t = '"';
            }
            fix = tok; /* attached to the next token */
            fix_g = seg_of(0);
            if (t == '"' || t == '\n' || t == '?' || t == '!')
                continue; /* the quote, line break or '?' next, as above */
            if (!one_byte_kind[t])
                break;
            /* a one-byte token after the word (':', ')', ';'...) as
             * tokenize pushes it (push_one_byte), then on: after a space
             * to the next token, else to what follows it at once */
            tok = put_word(tok, at, 1, tail_of(KIND, one_byte_kind[t] - 1u) | tight);
            if (s[++at] == ' ')
                at++;
            else
                fix = tok;
            continue;
        }
        if (upper & ~0x20ull) {
            /* a capital after the first letter: a word of capitals only
             * ("NATO", "CEO") as scan_plain pushes it, else the caller's */
            if (k >= 8)
                break;
            if (upper != (0x2020202020202020ull & fl_low_bytes(k)))
                goto alnum; /* "iPhone", "McManus": a capital after a small letter */
            tail = caps_tail;
            nolower++;
        } else if (__builtin_expect(upper && k == 1, 0)) {
            nolower++; /* a capital on its own: "I", "A" (T_NOLOWER only
                        * counted: no reader asks a plain word) */
        }
    spaced:
        tok = put_word(tok, at, k, tail);
        at += k + 1;
    }
    sg->n = (size_t)(tok - sg->toks);
    sg->nolower = nolower;
    if (__builtin_expect(sg->n == noted, 0)) {
        sg->stops.n--; /* not pushed: the caller's token notes it */
        sg->paras -= (noted_g & G_PARA) != 0;
    }
    uint8_t next = seg_of(fix_g); /* the gap of the token at `at` */
    if (fix != tok) {
        settle(fix, fix_g);
        next = G_SPACE;
    }
    *gap = next | joined;
    return at;
}

/* The workspace's stem cache, made on first use; NULL when out of memory. */
static fl_stem_cache *ws_stems(fl_workspace *ws)
{
    if (!ws->stems)
        ws->stems = stem_cache_new();
    return ws->stems;
}

bool fl_ws_stem(fl_doc *doc, const char *word, size_t len, bool *stop, const char **stem,
                size_t *stem_len)
{
    fl_workspace *ws = doc->ws;
    const sb_symbol *st = NULL;
    stem_slot *slot = NULL;
    *stem = NULL;
    *stem_len = 0;
    if (!ws) {
        struct sb_stemmer *stemmer = sb_stemmer_new("english", NULL);
        char buf[256];
        bool ok = stemmer && stem_fresh(stemmer, word, len, stop, &st, stem_len, buf);
        if (ok && !*stop)
            ok = (*stem = fl_arena_strndup(doc->arena, (const char *)st, *stem_len)) != NULL;
        if (stemmer)
            sb_stemmer_delete(stemmer);
        return ok;
    }
    if (!ws_stems(ws))
        return false;
    if (!word_stem(ws->stems, ws->stemmer, word, len, key_hash(word, len), &slot, stop, &st,
                   stem_len))
        return false;
    if (*stop) {
        *stem_len = 0;
        return true;
    }
    /* not cached (too long): the stemmer's buffer, copied */
    *stem = slot ? slot->stem : fl_arena_strndup(doc->arena, (const char *)st, *stem_len);
    return *stem != NULL;
}

/* A context word of a sentence: its stem and the stem's prefix_of. */
typedef struct ctx_word {
    uint64_t prefix;
    const char *text;
} ctx_word;

/* strcmp order: equal prefixes mean equal strings when either ends inside
 * them (zero padding), else the rest decides. */
static inline int ctx_cmp(const ctx_word *x, const ctx_word *y)
{
    if (x->prefix != y->prefix)
        return x->prefix < y->prefix ? -1 : 1;
    if ((x->prefix & 0xff) == 0)
        return 0;
    return strcmp(x->text + 8, y->text + 8);
}

static int by_text(const void *a, const void *b)
{
    return ctx_cmp(a, b);
}

typedef struct context_state {
    fl_arena *arena;
    struct sb_stemmer *stemmer;
    fl_stem_cache *cache;
    ctx_word *scratch;
    size_t scratch_cap;
} context_state;

/* A copy of stem[0..n) (prefix: its prefix_of), NUL-terminated, in the
 * document's arena. */
static inline const char *copy_stem(context_state *cx, const char *stem, size_t n, uint64_t prefix)
{
    char *text = fl_arena_alloc_uninit(cx->arena, n + 1); /* eight bytes or more, written here */
    if (!text)
        return NULL;
    if (n < 8) {
        /* the stem is all in its prefix (zero padded): one store */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        uint64_t v = prefix;
#else
        uint64_t v = __builtin_bswap64(prefix);
#endif
        memcpy(text, &v, 8);
    } else {
        /* stem_of never succeeds without a stem */
        // NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker)
        memcpy(text, stem, n);
        text[n] = '\0';
    }
    return text;
}

/* Context words kept in order as they come, up to this many; past it
 * they are sorted at the end. */
enum { FL_CTX_INSERT_MAX = 24 };

/* Makes st->context (st: sentence `index` of doc, its tokens segmented). */
static fl_status make_context(context_state *cx, const fl_doc *doc, fl_sentence *st, size_t index)
{
    st->context_lazy = false;
    st->context = NULL;
    st->context_count = 0;
    size_t first = st->first_token, end = first + st->token_count;
    if (st->token_count > cx->scratch_cap || !cx->scratch) {
        size_t cap = st->token_count < 64 ? 64 : st->token_count;
        ctx_word *grown = realloc(cx->scratch, cap * sizeof *grown);
        if (!grown)
            return FL_ENOMEM;
        cx->scratch = grown;
        cx->scratch_cap = cap;
    }
    ctx_word *w = cx->scratch;
    size_t count = 0;
    char low[FL_MAX_CONTEXT_WORD + 8]; /* lower_word may write past the word */
    unsigned epoch = cx->cache->epoch;
    const unsigned char *text = (const unsigned char *)doc->prose.text;
    for (size_t i = first; i < end; i++) {
        const fl_token *t = FL_DOC_TOKEN(doc, i);
        if (t->kind != FL_TOK_WORD)
            continue;
        unsigned hash = 0;
        size_t n =
            lower_word(text + t->off, t->len, doc->prose.len - t->off, t->abbrev, low, &hash);
        if (!n)
            continue;
        stem_slot *slot = stem_find(cx->cache, low, n, hash, fl_load8(low));
        ctx_word e;
        if (slot && slot->epoch == epoch) {
            /* taken before in this document (so not a stopword) */
            if (slot->last == index + 1)
                continue;
            slot->last = index + 1;
            e = (ctx_word){slot->stem_prefix, slot->doc_stem};
        } else {
            bool stop;
            const sb_symbol *stem;
            size_t sn;
            if (slot) {
                stop = slot->stop;
                stem = (const sb_symbol *)slot->stem;
                sn = slot->stem_len;
            } else if (!word_stem_new(cx->cache, cx->stemmer, low, n, hash, fl_load8(low), &slot,
                                      &stop, &stem, &sn)) {
                return FL_ENOMEM; /* a new word (n < FL_MAX_CONTEXT_WORD), stemmed and cached */
            }
            if (stop)
                continue;
            uint64_t prefix = slot ? slot->stem_prefix : prefix_of((const char *)stem, sn);
            const char *copy = copy_stem(cx, (const char *)stem, sn, prefix);
            if (!copy)
                return FL_ENOMEM;
            if (slot) {
                slot->epoch = epoch;
                slot->doc_stem = copy;
                slot->last = index + 1;
            }
            e = (ctx_word){prefix, copy};
        }
        if (count >= FL_CTX_INSERT_MAX) {
            w[count++] = e; /* sorted below */
            continue;
        }
        /* into place, by the prefixes; words with one stem ("rates",
         * "rate") and words met again after the cache started over are
         * kept once */
        size_t m = count;
        while (m > 0 && w[m - 1].prefix > e.prefix) {
            w[m] = w[m - 1]; /* moved up on the way (a duplicate is rare) */
            m--;
        }
        if (m > 0 && w[m - 1].prefix == e.prefix) {
            /* the prefixes tie (rare): the rest of the stems decides */
            int c = 1;
            while (m > 0 && (c = ctx_cmp(&w[m - 1], &e)) > 0) {
                w[m] = w[m - 1];
                m--;
            }
            if (m > 0 && c == 0) {
                memmove(&w[m], &w[m + 1], (count - m) * sizeof *w);
                continue;
            }
        }
        w[m] = e;
        count++;
    }
    if (!count)
        return FL_OK;
    size_t u = count;
    if (count > FL_CTX_INSERT_MAX) {
        qsort(w, count, sizeof *w, by_text);
        u = 1;
        for (size_t k = 1; k < count; k++)
            if (ctx_cmp(&w[u - 1], &w[k]) != 0)
                w[u++] = w[k];
    }
    const char **ctx = fl_arena_alloc_uninit(cx->arena, u * sizeof *ctx); /* set below */
    if (!ctx)
        return FL_ENOMEM;
    for (size_t k = 0; k < u; k++)
        ctx[k] = w[k].text;
    st->context = ctx;
    st->context_count = u;
    return FL_OK;
}

/* The stem cache and stemmer for making contexts: the workspace's, or
 * for a document without one ones of its own. */
static fl_status context_begin(context_state *cx, fl_doc *doc)
{
    fl_workspace *ws = doc->ws;
    *cx = (context_state){.arena = doc->arena};
    cx->cache = ws ? ws_stems(ws) : stem_cache_new();
    cx->stemmer = ws ? ws->stemmer : sb_stemmer_new("english", NULL);
    if (!cx->stemmer || !cx->cache) {
        if (!ws) {
            if (cx->stemmer)
                sb_stemmer_delete(cx->stemmer);
            fl_stem_cache_free(cx->cache);
        }
        return FL_ENOMEM;
    }
    return FL_OK;
}

static void context_end(context_state *cx, const fl_doc *doc)
{
    free(cx->scratch);
    if (!doc->ws) {
        sb_stemmer_delete(cx->stemmer);
        fl_stem_cache_free(cx->cache);
    }
}

fl_status fl_sentence_context(fl_doc *doc, size_t index)
{
    fl_sentence *st = FL_DOC_SENTENCE(doc, index);
    if (!st->context_lazy)
        return FL_OK;
    context_state cx;
    fl_status status = context_begin(&cx, doc);
    if (status != FL_OK)
        return status;
    status = make_context(&cx, doc, st, index);
    context_end(&cx, doc);
    return status;
}

/* With a workspace, the contexts are made when a check first asks
 * (fl_sentence_context): most sentences are never asked about. Without
 * one (a document built by hand), all of them now, with a stem cache of
 * the document's own. */
static fl_status fill_contexts(fl_doc *doc)
{
    if (doc->ws) {
        /* a new run: the stems copied for earlier documents are stale */
        fl_stem_cache *cache = ws_stems(doc->ws);
        if (!cache)
            return FL_ENOMEM;
        stem_cache_next_epoch(cache);
        return FL_OK;
    }
    context_state cx;
    fl_status status = context_begin(&cx, doc);
    if (status != FL_OK)
        return status;
    for (size_t i = 0; status == FL_OK && i < doc->sentences.count; i++)
        status = make_context(&cx, doc, FL_DOC_SENTENCE(doc, i), i);
    context_end(&cx, doc);
    return status;
}

/* ------------------------------------------------------------------ run */

fl_status fl_segment(fl_doc *doc)
{
    seg sg = {
        .s = (const unsigned char *)doc->prose.text, .len = doc->prose.len, .arena = doc->arena};
    fl_vec_init(&doc->sentences, sizeof(fl_sentence));
    fl_vec_init(&doc->tokens, sizeof(fl_token));
    if ((uint64_t)sg.len > UINT32_MAX)
        return FL_ETOOBIG; /* a token keeps its offset in 32 bits */
    /* with a workspace, the scratch of the documents before */
    fl_stem_cache *keep = doc->ws ? ws_stems(doc->ws) : NULL;
    if (keep) {
        sg.stops = (stop_vec){.v = keep->stops.v, .cap = keep->stops.cap};
        sg.quotes = (idx_vec){.v = keep->quotes.v, .cap = keep->quotes.cap};
    }
    fl_status status = FL_OK;
    if (sg.len)
        status = tokenize(&sg);
    if (status == FL_OK && sg.n) {
        doc->tokens.items = sg.toks;
        doc->tokens.count = sg.n;
        doc->tokens.cap = sg.cap;
    }
    if (status == FL_OK)
        status = split_sentences(doc, &sg);
    if (status == FL_OK)
        status = fill_contexts(doc);
    if (keep) {
        keep->stops = (stop_vec){.v = sg.stops.v, .cap = sg.stops.cap};
        keep->quotes = (idx_vec){.v = sg.quotes.v, .cap = sg.quotes.cap};
    } else {
        free(sg.stops.v);
        free(sg.quotes.v);
    }
    return status;
}

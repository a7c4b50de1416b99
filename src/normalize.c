/* normalize.c - canonical keys for names (fold, skeleton, family) and what
 * separates two surfaces of one name.
 *
 * Every key is built by one routine, build_key(), from a set of stages; the
 * public keys are fixed stage sets, and fl_compare_surfaces() finds which
 * transformation separates two surfaces by leaving out one stage at a time.
 *
 * Pure-ASCII input never reaches utf8proc and never allocates: NFKC and the
 * ignorable, lump and mark stages are the identity on ASCII, so the fold of
 * ASCII is its lowercase with whitespace collapsed, written straight into
 * the caller's buffer. Other input goes through utf8proc_decompose_custom
 * into a stack buffer (heap only for long input). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---------------------------------------------------------------- stages */

enum {
    ST_CASE = 0x001,     /* case fold */
    ST_WIDTH = 0x002,    /* compatibility (NFKC) decomposition: fullwidth... */
    ST_IGNORE = 0x004,   /* drop default-ignorable code points */
    ST_LUMP = 0x008,     /* lump dashes, quotes, spaces; collapse whitespace */
    ST_MARKS = 0x010,    /* strip diacritics */
    ST_POSS = 0x020,     /* drop a trailing 's / ’s */
    ST_PLURAL = 0x040,   /* drop a plural s after the digits of a code */
    ST_XSCRIPT = 0x080,  /* Cyrillic/Greek letters that look Latin -> Latin */
    ST_DIGITMAP = 0x100, /* digit/letter look-alikes inside mixed runs */
    ST_SPACING = 0x200,  /* remove spaces, hyphens, dots */
    ST_KEEPDASH = 0x400, /* (compare only) non-ASCII dashes are not spacing */
};

#define ST_LOOK (ST_XSCRIPT | ST_DIGITMAP)
#define ST_SKELETON (ST_LOOK | ST_SPACING)

static unsigned fold_stages(unsigned flags)
{
    unsigned st = ST_CASE | ST_WIDTH | ST_IGNORE;
    if (!(flags & FL_FOLD_NO_LUMP))
        st |= ST_LUMP;
    if (!(flags & FL_FOLD_KEEP_DIACRITICS))
        st |= ST_MARKS;
    if (!(flags & FL_FOLD_KEEP_POSSESSIVE))
        st |= ST_POSS;
    if (flags & FL_FOLD_CODE)
        st |= ST_PLURAL;
    return st;
}

/* ------------------------------------------------------------- the tables */

/* Look-alikes, sorted by `from`. Cross-script entries map a Cyrillic or
 * Greek letter, as it stands after compatibility decomposition and before
 * case folding, to the Latin letter it looks like, in the case it looks
 * like (the key is case folded afterwards). They are applied before case
 * folding because case changes the look: Greek capital eta (Η) looks like
 * H but small eta (η) like n, and capital mu (Μ) like M while small mu (μ,
 * also the micro sign) is a unit prefix that must not become "m". Entries
 * with why == NULL are confusable in Unicode's UTS #39 confusables.txt
 * (tests/test_normalize.c checks this). The ASCII entries are the
 * digit/letter map used only inside runs that mix letters and digits. */
static const fl_lookalike lookalikes[] = {
    {'b', '8', "OCR and typing confusion of b and 8, not a UTS #39 pair"},
    {'i', '1', "OCR and typing confusion of i and 1 (UTS #39 has only I/l/1)"},
    {'l', '1', "OCR and typing confusion of l and 1 (UTS #39 has 1 -> l)"},
    {'o', '0', "OCR and typing confusion of o and 0 (UTS #39 has 0 -> O, capital only)"},
    {'s', '5', "OCR and typing confusion of s and 5, not a UTS #39 pair"},
    {'z', '2', "OCR and typing confusion of z and 2, not a UTS #39 pair"},
    {0x0391, 'A', NULL}, /* GREEK CAPITAL LETTER ALPHA */
    {0x0392, 'B', NULL}, /* GREEK CAPITAL LETTER BETA */
    {0x0395, 'E', NULL}, /* GREEK CAPITAL LETTER EPSILON */
    {0x0396, 'Z', NULL}, /* GREEK CAPITAL LETTER ZETA */
    {0x0397, 'H', NULL}, /* GREEK CAPITAL LETTER ETA */
    {0x0399, 'I', NULL}, /* GREEK CAPITAL LETTER IOTA */
    {0x039A, 'K', NULL}, /* GREEK CAPITAL LETTER KAPPA */
    {0x039C, 'M', NULL}, /* GREEK CAPITAL LETTER MU */
    {0x039D, 'N', NULL}, /* GREEK CAPITAL LETTER NU */
    {0x039F, 'O', NULL}, /* GREEK CAPITAL LETTER OMICRON */
    {0x03A1, 'P', NULL}, /* GREEK CAPITAL LETTER RHO */
    {0x03A4, 'T', NULL}, /* GREEK CAPITAL LETTER TAU */
    {0x03A5, 'Y', NULL}, /* GREEK CAPITAL LETTER UPSILON */
    {0x03A7, 'X', NULL}, /* GREEK CAPITAL LETTER CHI */
    {0x03B1, 'a', NULL}, /* GREEK SMALL LETTER ALPHA */
    {0x03B3, 'y', NULL}, /* GREEK SMALL LETTER GAMMA */
    {0x03B9, 'i', NULL}, /* GREEK SMALL LETTER IOTA */
    {0x03BD, 'v', NULL}, /* GREEK SMALL LETTER NU */
    {0x03BF, 'o', NULL}, /* GREEK SMALL LETTER OMICRON */
    {0x03C1, 'p', NULL}, /* GREEK SMALL LETTER RHO */
    {0x03C5, 'u', NULL}, /* GREEK SMALL LETTER UPSILON */
    {0x03F3, 'j', NULL}, /* GREEK LETTER YOT */
    {0x0405, 'S', NULL}, /* CYRILLIC CAPITAL LETTER DZE */
    {0x0406, 'I', NULL}, /* CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I */
    {0x0408, 'J', NULL}, /* CYRILLIC CAPITAL LETTER JE */
    {0x0410, 'A', NULL}, /* CYRILLIC CAPITAL LETTER A */
    {0x0412, 'B', NULL}, /* CYRILLIC CAPITAL LETTER VE */
    {0x0415, 'E', NULL}, /* CYRILLIC CAPITAL LETTER IE */
    {0x041A, 'K', NULL}, /* CYRILLIC CAPITAL LETTER KA */
    {0x041C, 'M', NULL}, /* CYRILLIC CAPITAL LETTER EM */
    {0x041D, 'H', NULL}, /* CYRILLIC CAPITAL LETTER EN */
    {0x041E, 'O', NULL}, /* CYRILLIC CAPITAL LETTER O */
    {0x0420, 'P', NULL}, /* CYRILLIC CAPITAL LETTER ER */
    {0x0421, 'C', NULL}, /* CYRILLIC CAPITAL LETTER ES */
    {0x0422, 'T', NULL}, /* CYRILLIC CAPITAL LETTER TE */
    {0x0423, 'Y', NULL}, /* CYRILLIC CAPITAL LETTER U */
    {0x0425, 'X', NULL}, /* CYRILLIC CAPITAL LETTER HA */
    {0x0430, 'a', NULL}, /* CYRILLIC SMALL LETTER A */
    {0x0435, 'e', NULL}, /* CYRILLIC SMALL LETTER IE */
    {0x043E, 'o', NULL}, /* CYRILLIC SMALL LETTER O */
    {0x0440, 'p', NULL}, /* CYRILLIC SMALL LETTER ER */
    {0x0441, 'c', NULL}, /* CYRILLIC SMALL LETTER ES */
    {0x0443, 'y', NULL}, /* CYRILLIC SMALL LETTER U */
    {0x0445, 'x', NULL}, /* CYRILLIC SMALL LETTER HA */
    {0x0455, 's', NULL}, /* CYRILLIC SMALL LETTER DZE */
    {0x0456, 'i', NULL}, /* CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I */
    {0x0458, 'j', NULL}, /* CYRILLIC SMALL LETTER JE */
    {0x04AE, 'Y', NULL}, /* CYRILLIC CAPITAL LETTER STRAIGHT U */
    {0x04BB, 'h', NULL}, /* CYRILLIC SMALL LETTER SHHA */
    {0x04C0, 'I', NULL}, /* CYRILLIC LETTER PALOCHKA */
    {0x04CF, 'l', NULL}, /* CYRILLIC SMALL LETTER PALOCHKA */
    {0x051B, 'q', NULL}, /* CYRILLIC SMALL LETTER QA */
    {0x051C, 'W', NULL}, /* CYRILLIC CAPITAL LETTER WE */
    {0x051D, 'w', NULL}, /* CYRILLIC SMALL LETTER WE */
};

#define LOOKALIKE_COUNT (sizeof lookalikes / sizeof lookalikes[0])

const fl_lookalike *fl_lookalike_table(size_t *count)
{
    *count = LOOKALIKE_COUNT;
    return lookalikes;
}

static uint32_t xscript_map(uint32_t c)
{
    if (c < 0x0391 || c > 0x051D)
        return 0;
    size_t lo = 0, hi = LOOKALIKE_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lookalikes[mid].from < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < LOOKALIKE_COUNT && lookalikes[lo].from == c ? lookalikes[lo].to : 0;
}

/* The digit a letter stands for inside a run mixing letters and digits
 * (either case, so that keys without case folding agree), or 0. */
static const char digit_of[256] = {
    ['b'] = '8', ['B'] = '8', ['i'] = '1', ['I'] = '1', ['l'] = '1', ['L'] = '1',
    ['o'] = '0', ['O'] = '0', ['s'] = '5', ['S'] = '5', ['z'] = '2', ['Z'] = '2',
};
static inline char digit_for(unsigned char c)
{
    return digit_of[c];
}

/* Latin letters whose diacritic is part of the letter (no decomposition):
 * stripped with the other diacritics. */
static uint32_t stroke_base(uint32_t c)
{
    switch (c) {
    case 0x00D8: /* Ø */
        return 'O';
    case 0x00F8: /* ø */
        return 'o';
    case 0x0110: /* Đ */
        return 'D';
    case 0x0111: /* đ */
        return 'd';
    case 0x0126: /* Ħ */
        return 'H';
    case 0x0127: /* ħ */
        return 'h';
    case 0x0131: /* ı dotless i */
        return 'i';
    case 0x0141: /* Ł */
        return 'L';
    case 0x0142: /* ł */
        return 'l';
    case 0x0166: /* Ŧ */
        return 'T';
    case 0x0167: /* ŧ */
        return 't';
    case 0x0180: /* ƀ */
        return 'b';
    case 0x0197: /* Ɨ */
        return 'I';
    case 0x01B5: /* Ƶ */
        return 'Z';
    case 0x01B6: /* ƶ */
        return 'z';
    case 0x01E4: /* Ǥ */
        return 'G';
    case 0x01E5: /* ǥ */
        return 'g';
    case 0x0243: /* Ƀ */
        return 'B';
    case 0x0268: /* ɨ */
        return 'i';
    default:
        return 0;
    }
}

/* Default_Ignorable_Code_Point includes unassigned code points that
 * utf8proc does not flag as ignorable (DerivedCoreProperties.txt, Unicode
 * 15: 2065, FFF0..FFF8, E0000, E0002..E001F, E0080..E00FF, E01F0..E0FFF). */
static bool reserved_ignorable(uint32_t c)
{
    return c == 0x2065 || (c >= 0xFFF0 && c <= 0xFFF8) || c == 0xE0000 ||
           (c >= 0xE0002 && c <= 0xE001F) || (c >= 0xE0080 && c <= 0xE00FF) ||
           (c >= 0xE01F0 && c <= 0xE0FFF);
}

/* Applied by utf8proc to each input code point before decomposing it. */
static utf8proc_int32_t custom_map(utf8proc_int32_t c, void *data)
{
    unsigned st = *(const unsigned *)data;
    if (c < 0xD8)
        return c;
    if ((st & ST_IGNORE) && reserved_ignorable((uint32_t)c))
        return 0x200B; /* ZERO WIDTH SPACE: ignorable, so dropped */
    if (st & ST_MARKS) {
        uint32_t b = stroke_base((uint32_t)c);
        if (b)
            return (utf8proc_int32_t)b;
    }
    return c;
}

/* ----------------------------------------------------------- classifying */

enum { C_OTHER, C_LETTER, C_DIGIT, C_MARK, C_SPACE, C_DASHDOT };

static bool ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int classify(uint32_t c)
{
    if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            return C_LETTER;
        if (c >= '0' && c <= '9')
            return C_DIGIT;
        if (ascii_space((unsigned char)c))
            return C_SPACE;
        if (c == '-' || c == '.')
            return C_DASHDOT;
        return C_OTHER;
    }
    if (c == 0x85)
        return C_SPACE;
    if (c == 0x2212)
        return C_DASHDOT;
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PD:
        return C_DASHDOT;
    default:
        return C_OTHER;
    }
}

/* As classify, under stages `st`. */
static int classify_st(uint32_t c, unsigned st)
{
    int cl = classify(c);
    if (cl == C_DASHDOT && c >= 0x80 && (st & ST_KEEPDASH))
        return C_OTHER;
    return cl;
}

/* Decodes one code point at s[i..n); invalid bytes decode as themselves
 * (one byte) so that keys of bad input are still defined. */
static size_t decode(const char *s, size_t n, size_t i, uint32_t *cp)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
    if (k <= 0) {
        *cp = b;
        return 1;
    }
    *cp = (uint32_t)c;
    return (size_t)k;
}

/* decode and classify_st in one step, ASCII inline (keys of news text are
 * nearly all ASCII; this is the per-byte loop of every key). */
static inline size_t decode_class(const char *s, size_t n, size_t i, unsigned st, int *cl)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
            *cl = C_LETTER;
        else if (b >= '0' && b <= '9')
            *cl = C_DIGIT;
        else if (b == ' ' || (b >= '\t' && b <= '\r'))
            *cl = C_SPACE;
        else if (b == '-' || b == '.')
            *cl = C_DASHDOT;
        else
            *cl = C_OTHER;
        return 1;
    }
    uint32_t c;
    size_t k = decode(s, n, i, &c);
    *cl = classify_st(c, st);
    return k;
}

/* ------------------------------------------------------------ the output */

/* snprintf-style output: counts every byte, stores what fits. */
typedef struct sink {
    char *out;
    size_t cap;
    size_t len;
} sink;

static inline void put(sink *o, char c)
{
    if (o->len + 1 < o->cap)
        o->out[o->len] = c;
    o->len++;
}

static void put_bytes(sink *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(o, s[i]);
}

static void sink_end(sink *o)
{
    if (o->cap)
        o->out[o->len < o->cap ? o->len : o->cap - 1] = '\0';
}

/* ------------------------------------------------------------ the stages */

static bool has_letter_before(const char *s, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return true;
    }
    return false;
}

/* The length of s once a trailing possessive and/or code plural is dropped
 * (as the stages ask); s itself if neither applies. */
static size_t trim_inflection(const char *s, size_t n, unsigned st)
{
    if (!(st & (ST_POSS | ST_PLURAL)))
        return n;
    /* both end in s (or S), past any trailing space */
    if (n && (s[n - 1] | 0x20) != 's' && !ascii_space((unsigned char)s[n - 1]))
        return n;
    size_t end = n;
    while (end && ascii_space((unsigned char)s[end - 1]))
        end--;
    bool cut = false;
    if ((st & ST_POSS) && end >= 3 && (s[end - 1] | 0x20) == 's') {
        if (s[end - 2] == '\'' && !ascii_space((unsigned char)s[end - 3])) {
            end -= 2;
            cut = true;
        } else if (end >= 5 && memcmp(s + end - 4, "\xE2\x80\x99", 3) == 0 &&
                   !ascii_space((unsigned char)s[end - 5])) {
            end -= 4;
            cut = true;
        }
    }
    if ((st & ST_PLURAL) && end >= 3 && s[end - 1] == 's' && s[end - 2] >= '0' &&
        s[end - 2] <= '9' && has_letter_before(s, end - 2)) {
        end -= 1;
        cut = true;
    }
    return cut ? end : n;
}

/* The last stages, on text that is already NFKC case folded (or pure
 * ASCII, lowered here when `lower`): whitespace lumping, spacing removal
 * and the digit/letter map inside runs that mix letters and digits. A run
 * is a maximal span of letters, digits, marks, spaces, hyphens and dots, so
 * that removing spacing never changes which letters are mapped. */
static void post(const char *s, size_t n, unsigned st, bool lower, sink *o)
{
    bool pending_space = false;
    size_t emitted = o->len;
    size_t i = 0;
    while (i < n) {
        size_t run_end = i;
        bool mixed = false;
        if (st & ST_DIGITMAP) {
            bool letter = false, digit = false;
            while (run_end < n) {
                int cl;
                size_t k = decode_class(s, n, run_end, st, &cl);
                if (cl == C_OTHER)
                    break;
                letter |= cl == C_LETTER;
                digit |= cl == C_DIGIT;
                run_end += k;
            }
            mixed = letter && digit;
            if (run_end == i) { /* an "other" character: its own run */
                uint32_t c;
                run_end = i + decode(s, n, i, &c);
            }
        } else {
            run_end = n;
        }
        while (i < run_end) {
            unsigned char b = (unsigned char)s[i];
            int cl;
            size_t k = decode_class(s, n, i, st, &cl);
            if (cl == C_SPACE || cl == C_DASHDOT) {
                if (st & ST_SPACING) {
                    i += k;
                    continue;
                }
                if (cl == C_SPACE && (st & ST_LUMP)) {
                    pending_space = o->len > emitted;
                    i += k;
                    continue;
                }
            }
            if (pending_space) {
                put(o, ' ');
                pending_space = false;
            }
            if (b < 0x80) {
                char ch = (char)b;
                if (lower && b >= 'A' && b <= 'Z')
                    ch = (char)(b | 0x20);
                if (mixed) {
                    char d = digit_for(b);
                    if (d)
                        ch = d;
                }
                put(o, ch);
            } else {
                put_bytes(o, s + i, k);
            }
            i += k;
        }
    }
}

/* Bytes by class for the ASCII pass: 1 << the class decode_class gives an
 * ASCII byte; B_HIGH for a byte of a multi-byte character. */
#define B(c) (1u << (c))
enum { B_HIGH = 1u << 6 };
// clang-format off
static const unsigned char ascii_bits[256] = {
    [0 ... 8] = B(C_OTHER),
    ['\t' ... '\r'] = B(C_SPACE),
    [14 ... 31] = B(C_OTHER),
    [' '] = B(C_SPACE),
    ['!' ... ','] = B(C_OTHER),
    ['-' ... '.'] = B(C_DASHDOT),
    ['/'] = B(C_OTHER),
    ['0' ... '9'] = B(C_DIGIT),
    [':' ... '@'] = B(C_OTHER),
    ['A' ... 'Z'] = B(C_LETTER),
    ['[' ... '`'] = B(C_OTHER),
    ['a' ... 'z'] = B(C_LETTER),
    ['{' ... 127] = B(C_OTHER),
    [128 ... 255] = B_HIGH,
};
// clang-format on

/* ASCII lower case, and ASCII as it is, as tables */
#define L4(c) (c), (c) + 1, (c) + 2, (c) + 3
#define L16(c) L4(c), L4((c) + 4), L4((c) + 8), L4((c) + 12)
static const unsigned char ascii_lower[128] = {
    L16(0),  L16(16), L16(32), L16(48), '@',  L4('a'), L4('e'), L4('i'), L4('m'), L4('q'),
    L4('u'), 'y',     'z',     '[',     '\\', ']',     '^',     '_',     L16(96), L16(112),
};
static const unsigned char ascii_same[128] = {
    L16(0), L16(16), L16(32), L16(48), L16(64), L16(80), L16(96), L16(112),
};
#undef L16
#undef L4
// clang-format on

/* An ASCII letter in lower case, 0 for any other byte (fl_fold_skeleton's
 * walk over the letters of a name: one load and one test a byte) */
// clang-format off
static const unsigned char letter_lower[256] = {
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};
// clang-format on

/* The digit/letter map on the key bytes [from, to) of one run that mixes
 * letters and digits (digit_for ignores case, so the folded letters map as
 * the surface's would; spaces, dashes, dots and digits stay). */
static void map_digits(char *from, const char *to)
{
    for (; from < to; from++) {
        char d = digit_for((unsigned char)*from);
        if (d)
            *from = d;
    }
}

/* post() for s[0..n) when it is pure ASCII and the output has room for n
 * more bytes (a key of ASCII is never longer than its input): the same
 * stages in one pass, a table look-up a byte, written straight to the
 * output. A lumped space is written at once unless one was just written
 * (in lumping mode every space in the output is a lumped one) and taken
 * back at the end; a run found to mix letters and digits is mapped once it
 * ends. False, with nothing stored, at the first non-ASCII byte. */
static bool post_ascii(const unsigned char *s, size_t n, unsigned st, bool lower, sink *o)
{
    char *const start = o->out + o->len;
    char *w = start, *run = start;
    const unsigned char *map = lower ? ascii_lower : ascii_same;
    bool spacing = (st & ST_SPACING) != 0, digitmap = (st & ST_DIGITMAP) != 0;
    unsigned special = B_HIGH;
    if (spacing)
        special |= B(C_SPACE) | B(C_DASHDOT);
    else if (st & ST_LUMP)
        special |= B(C_SPACE);
    if (digitmap)
        special |= B(C_OTHER);
    const unsigned mix = B(C_LETTER) | B(C_DIGIT);
    unsigned seen = 0; /* the classes met in the current run */
    for (size_t i = 0; i < n; i++) {
        unsigned char b = s[i];
        unsigned bit = ascii_bits[b];
        if (!(special & bit)) {
            seen |= bit;
            *w++ = (char)map[b];
            continue;
        }
        if (bit == B_HIGH)
            return false;
        if (bit == B(C_OTHER)) { /* digitmap: ends the run, is a run of its own */
            if ((seen & mix) == mix)
                map_digits(run, w);
            *w++ = (char)map[b];
            run = w;
            seen = 0;
        } else if (!spacing && w > start && w[-1] != ' ') {
            *w++ = ' '; /* a lumped space */
        }
    }
    if (digitmap && (seen & mix) == mix)
        map_digits(run, w);
    if (!spacing && (st & ST_LUMP) && w > start && w[-1] == ' ')
        w--;
    o->len += (size_t)(w - start);
    return true;
}
#undef B

/* Code points for utf8proc, on the stack unless the input is long. */
typedef struct cpbuf {
    utf8proc_int32_t *p;
    size_t cap;
    utf8proc_int32_t stack[256];
} cpbuf;

static void cpbuf_init(cpbuf *b)
{
    b->p = b->stack;
    b->cap = sizeof b->stack / sizeof b->stack[0];
}

static void cpbuf_free(cpbuf *b)
{
    if (b->p != b->stack)
        free(b->p);
}

/* Decomposes s into b and re-encodes it as UTF-8 in place; returns the
 * byte length (the bytes are (char *)b->p) or a negative utf8proc error. */
static utf8proc_ssize_t run_utf8proc(const char *s, size_t n, utf8proc_option_t opts, unsigned st,
                                     bool xscript, cpbuf *b)
{
    utf8proc_ssize_t r;
    for (;;) {
        r = utf8proc_decompose_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, b->p,
                                      (utf8proc_ssize_t)b->cap, opts, custom_map, &st);
        if (r < 0)
            return r;
        if ((size_t)r < b->cap)
            break; /* room for the re-encoding's NUL too */
        utf8proc_int32_t *p = malloc(((size_t)r + 1) * sizeof *p);
        if (!p)
            return UTF8PROC_ERROR_NOMEM;
        cpbuf_free(b);
        b->p = p;
        b->cap = (size_t)r + 1;
    }
    if (xscript) {
        for (utf8proc_ssize_t i = 0; i < r; i++) {
            uint32_t m = xscript_map((uint32_t)b->p[i]);
            if (m)
                b->p[i] = (utf8proc_int32_t)m;
        }
    }
    return utf8proc_reencode(b->p, r, opts);
}

static utf8proc_option_t utf8proc_options(unsigned st)
{
    utf8proc_option_t o = UTF8PROC_STABLE;
    if (st & ST_WIDTH)
        o |= UTF8PROC_COMPAT;
    if (st & ST_IGNORE)
        o |= UTF8PROC_IGNORE;
    if (st & ST_LUMP)
        o |= UTF8PROC_LUMP;
    if (st & ST_MARKS)
        o |= UTF8PROC_STRIPMARK;
    return o;
}

/* Writes the key of s[0..n) under stages `st` into o. */
static void build_key(const char *s, size_t n, unsigned st, sink *o)
{
    n = trim_inflection(s, n, st);
    if (o->len < o->cap && o->cap - o->len > n) {
        if (post_ascii((const unsigned char *)s, n, st, (st & ST_CASE) != 0, o))
            return;
    } else {
        size_t i = 0;
        while (i < n && (unsigned char)s[i] < 0x80)
            i++;
        if (i == n) {
            post(s, n, st, (st & ST_CASE) != 0, o);
            return;
        }
    }
    utf8proc_option_t base = utf8proc_options(st);
    utf8proc_option_t full = base | UTF8PROC_COMPOSE | ((st & ST_CASE) ? UTF8PROC_CASEFOLD : 0);
    cpbuf b1, b2;
    cpbuf_init(&b1);
    cpbuf_init(&b2);
    utf8proc_ssize_t r;
    if (st & ST_XSCRIPT) {
        /* Look-alikes are mapped on decomposed text before case folding
         * (see the table), then the result is folded. */
        r = run_utf8proc(s, n, base | UTF8PROC_DECOMPOSE, st, true, &b1);
        if (r >= 0)
            r = run_utf8proc((const char *)b1.p, (size_t)r, full, st, false, &b2);
        if (r >= 0)
            post((const char *)b2.p, (size_t)r, st, false, o);
    } else {
        r = run_utf8proc(s, n, full, st, false, &b1);
        if (r >= 0)
            post((const char *)b1.p, (size_t)r, st, false, o);
    }
    if (r < 0) /* invalid UTF-8 or no memory: key the bytes as they are */
        post(s, n, st, (st & ST_CASE) != 0, o);
    cpbuf_free(&b1);
    cpbuf_free(&b2);
}

/* ------------------------------------------------------------ public API */

/* ASCII letters in words one space apart (most names), which no stage
 * changes but for case and spacing (see fl_fold_skeleton): into out (room
 * for len + 1 bytes) the fold, the text in lower case (`fold`), or the
 * skeleton, that without the spaces; its length, or SIZE_MAX (out
 * clobbered) for any other text. */
static inline size_t ascii_name_key(const char *s, size_t len, bool fold, char *out)
{
    /* most other keyed text ends in a digit or a dot ("The F-35", "Model
     * Y."): ruled out at once */
    if (len && !letter_lower[(unsigned char)s[len - 1]])
        return SIZE_MAX;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = (unsigned char)s[i], l = letter_lower[c];
        if (l)
            out[n++] = (char)l;
        else if (c == ' ' && i > 0 && i + 1 < len && s[i - 1] != ' ') {
            if (fold)
                out[n++] = ' ';
        } else
            return SIZE_MAX;
    }
    out[n] = '\0';
    return n;
}

size_t fl_fold(const char *s, size_t len, unsigned flags, char *out, size_t cap)
{
    if (s && cap > len) {
        size_t n = ascii_name_key(s, len, true, out);
        if (n != SIZE_MAX)
            return n;
    }
    sink o = {out, cap, 0};
    if (s)
        build_key(s, len, fold_stages(flags), &o);
    sink_end(&o);
    return o.len;
}

/* fold_ascii_pair() below: post_ascii() for the fold's stages (`lump` or
 * not) and for the skeleton's at once, over the bytes kept once the
 * inflection is trimmed. Letters and digits go to both keys lowered; the
 * rest as each post_ascii() would have it. False at a byte past ASCII
 * other than a currency sign's. Without `want_fold` (a constant) only the
 * skeleton is made: fold, *fn, from and lump are not used. */
static inline __attribute__((always_inline)) bool
fold_ascii_pair(const unsigned char *s, size_t n, bool lump, char *fold, size_t *fn, char *skel,
                size_t *kn, size_t from, size_t kfrom, const bool want_fold)
{
#define B(c) (1u << (c))
    /* s[0..from) is done: ASCII letters in words one space apart, in fold
     * as they are and in skel (kfrom bytes) without the spaces */
    char *f = want_fold ? fold + from : NULL, *k = skel + kfrom, *run = skel;
    const unsigned word = B(C_LETTER) | B(C_DIGIT);
    unsigned seen = kfrom ? B(C_LETTER) : 0; /* the classes met in the skeleton's current run */
    for (size_t i = from; i < n; i++) {
        unsigned char b = s[i];
        unsigned bit = ascii_bits[b];
        if (bit & word) {
            char c = (char)ascii_lower[b];
            if (want_fold)
                *f++ = c;
            *k++ = c;
            seen |= bit;
            continue;
        }
        if (bit == B_HIGH) {
            /* the currency signs money surfaces hold (£ € ¥): symbols
             * that no stage changes, each a run of its own */
            size_t sl = 0;
            if (b == 0xC2 && i + 1 < n && (s[i + 1] == 0xA3 || s[i + 1] == 0xA5))
                sl = 2;
            else if (b == 0xE2 && i + 2 < n && s[i + 1] == 0x82 && s[i + 2] == 0xAC)
                sl = 3;
            if (!sl)
                return false;
            if ((seen & word) == word)
                map_digits(run, k);
            if (want_fold) {
                memcpy(f, s + i, sl);
                f += sl;
            }
            memcpy(k, s + i, sl);
            k += sl;
            run = k;
            seen = 0;
            i += sl - 1;
            continue;
        }
        if (bit == B(C_SPACE)) {
            if (!want_fold)
                continue;
            if (!lump)
                *f++ = (char)b;
            else if (f > fold && f[-1] != ' ')
                *f++ = ' ';
            continue;
        }
        if (want_fold)
            *f++ = (char)ascii_lower[b];
        if (bit == B(C_OTHER)) { /* ends the skeleton's run, a run of its own */
            if ((seen & word) == word)
                map_digits(run, k);
            *k++ = (char)ascii_lower[b];
            run = k;
            seen = 0;
        }
    }
    if ((seen & word) == word)
        map_digits(run, k);
    if (want_fold) {
        if (lump && f > fold && f[-1] == ' ')
            f--;
        *fn = (size_t)(f - fold);
    }
    *kn = (size_t)(k - skel);
    return true;
#undef B
}

/* The skeleton of s[0..len) under `flags` into out (room for len + 1
 * bytes) when it is ASCII but for the currency signs that
 * fold_ascii_pair() passes: its length, or SIZE_MAX (out clobbered). */
static size_t ascii_skeleton(const char *s, size_t len, unsigned flags, char *out)
{
    size_t n = trim_inflection(s, len, fold_stages(flags)), kn;
    if (!fold_ascii_pair((const unsigned char *)s, n, false, NULL, NULL, out, &kn, 0, 0, false))
        return SIZE_MAX;
    out[kn] = '\0';
    return kn;
}

size_t fl_skeleton(const char *s, size_t len, unsigned flags, char *out, size_t cap)
{
    if (s && cap > len) {
        size_t n = ascii_name_key(s, len, false, out);
        if (n == SIZE_MAX)
            n = ascii_skeleton(s, len, flags, out);
        if (n != SIZE_MAX)
            return n;
    }
    sink o = {out, cap, 0};
    if (s)
        build_key(s, len, fold_stages(flags) | ST_SKELETON, &o);
    sink_end(&o);
    return o.len;
}

/* fl_fold_skeleton's fast path, below: each ASCII byte in one look-up: in
 * lower case (whitespace as a space, which the lumping fold writes for
 * it) in the low byte, as the digit/letter map of a mixed run leaves that
 * in the next byte, and its class above. */
enum {
    P_LETTER = 0x10000,
    P_DIGIT = 0x20000,
    P_SPACE = 0x40000,  /* whitespace: lumped in the fold, dropped from the skeleton */
    P_DOT = 0x80000,    /* - and .: kept in the fold, dropped from the skeleton */
    P_OTHER = 0x100000, /* kept in both; ends the skeleton's run */
    P_HIGH = 0x200000,  /* past ASCII: the fast path gives up */
    P_SEP = P_SPACE | P_DOT,
};
#define P_SAME(c) ((c) | (c) << 8)
#define PU(c) [c] = P_SAME((c) | 0x20) | P_LETTER, [(c) | 0x20] = P_SAME((c) | 0x20) | P_LETTER
#define PM(c, d)                                                                                   \
    [c] = ((c) | 0x20) | (d) << 8 | P_LETTER, [(c) | 0x20] = ((c) | 0x20) | (d) << 8 | P_LETTER
#define PD(c) [c] = P_SAME(c) | P_DIGIT
#define PO(c) [c] = P_SAME(c) | P_OTHER
// clang-format off
static const uint32_t pair_tab[256] = {
    PO(0), PO(1), PO(2), PO(3), PO(4), PO(5), PO(6), PO(7), PO(8),
    ['\t' ... '\r'] = P_SAME(' ') | P_SPACE,
    PO(14), PO(15), PO(16), PO(17), PO(18), PO(19), PO(20), PO(21), PO(22), PO(23),
    PO(24), PO(25), PO(26), PO(27), PO(28), PO(29), PO(30), PO(31),
    [' '] = P_SAME(' ') | P_SPACE,
    PO('!'), PO('"'), PO('#'), PO('$'), PO('%'), PO('&'), PO('\''), PO('('), PO(')'),
    PO('*'), PO('+'), PO(','),
    ['-'] = P_SAME('-') | P_DOT, ['.'] = P_SAME('.') | P_DOT,
    PO('/'),
    PD('0'), PD('1'), PD('2'), PD('3'), PD('4'), PD('5'), PD('6'), PD('7'), PD('8'), PD('9'),
    PO(':'), PO(';'), PO('<'), PO('='), PO('>'), PO('?'), PO('@'),
    PU('A'), PM('B', '8'), PU('C'), PU('D'), PU('E'), PU('F'), PU('G'), PU('H'), PM('I', '1'),
    PU('J'), PU('K'), PM('L', '1'), PU('M'), PU('N'), PM('O', '0'), PU('P'), PU('Q'), PU('R'),
    PM('S', '5'), PU('T'), PU('U'), PU('V'), PU('W'), PU('X'), PU('Y'), PM('Z', '2'),
    PO('['), PO('\\'), PO(']'), PO('^'), PO('_'), PO('`'),
    PO('{'), PO('|'), PO('}'), PO('~'), PO(127),
    [128 ... 255] = P_HIGH,
};
// clang-format on
#undef PU
#undef PM
#undef PD
#undef PO
#undef P_SAME

/* The length of the currency sign (£ ¥ €) at p (before e), 0 if none. */
static inline size_t currency_len(const unsigned char *p, const unsigned char *e)
{
    if (p[0] == 0xC2 && e - p >= 2 && (p[1] == 0xA3 || p[1] == 0xA5))
        return 2;
    if (p[0] == 0xE2 && e - p >= 3 && p[1] == 0x82 && p[2] == 0xAC)
        return 3;
    return 0;
}

/* fold_ascii_pair() with the lumping fold (the default), for p[0..e):
 * the fold written on from f (fold is its start) and the skeleton from k
 * (skel is its start; k starts a run), with room for a byte per input
 * byte and not NUL-terminated, their lengths in *fn and *kn. One table
 * look-up a byte, in one of four loops by what the skeleton's current run
 * (the bytes since the last "other" byte) holds so far: no letter nor
 * digit, letters only, digits only, or both, where the digit/letter map
 * applies (to the letters before the first digit once it comes, to the
 * others as they are written). Bytes past ASCII go out of line to
 * fold_skeleton_from(), which keys currency signs only (as
 * fold_ascii_pair): false at any other (the caller then takes the
 * general path). */
static bool fold_skeleton_from(const unsigned char *p, const unsigned char *e, char *fold, char *f,
                               char *skel, char *k, size_t *fn, size_t *kn);

static inline __attribute__((always_inline)) bool
fold_skeleton_run(const unsigned char *p, const unsigned char *const e, char *const fold, char *f,
                  char *const skel, char *k, size_t *fn, size_t *kn)
{
    char *run = k;
    uint32_t x;
/* a space or a dash or dot (x & P_SEP): in the fold only, a space lumped */
#define SEP()                                                                                      \
    do {                                                                                           \
        if (!(x & P_SPACE))                                                                        \
            *f++ = (char)x;                                                                        \
        else if (f > fold && f[-1] != ' ')                                                         \
            *f++ = ' ';                                                                            \
    } while (0)
none: /* the run holds no letter nor digit */
    for (; p < e; p++) {
        x = pair_tab[*p];
        if (x & (P_LETTER | P_DIGIT)) {
            *f++ = (char)x;
            *k++ = (char)x;
            p++;
            if (x & P_LETTER)
                goto letters;
            goto digits;
        }
        if (x & P_SEP) {
            SEP();
            continue;
        }
        if (x & P_HIGH)
            goto high;
        *f++ = (char)x;
        *k++ = (char)x;
        run = k;
    }
    goto done;
letters: /* letters only */
    for (; p < e; p++) {
        x = pair_tab[*p];
        if (x & P_LETTER) {
            *f++ = (char)x;
            *k++ = (char)x;
            continue;
        }
        if (x & P_SEP) {
            SEP();
            continue;
        }
        if (x & P_DIGIT) {
            /* the run mixes: the letters so far mapped */
            for (; run < k; run++)
                *run = (char)(pair_tab[(unsigned char)*run] >> 8);
            *f++ = (char)x;
            *k++ = (char)x;
            p++;
            goto mixed;
        }
        if (x & P_HIGH)
            goto high;
        *f++ = (char)x;
        *k++ = (char)x;
        run = k;
        p++;
        goto none;
    }
    goto done;
digits: /* digits only */
    for (; p < e; p++) {
        x = pair_tab[*p];
        if (x & P_DIGIT) {
            *f++ = (char)x;
            *k++ = (char)x;
            continue;
        }
        if (x & P_SEP) {
            SEP();
            continue;
        }
        if (x & P_LETTER) {
            /* the run mixes (the digits stay as they are) */
            *f++ = (char)x;
            *k++ = (char)(x >> 8);
            p++;
            goto mixed;
        }
        if (x & P_HIGH)
            goto high;
        *f++ = (char)x;
        *k++ = (char)x;
        run = k;
        p++;
        goto none;
    }
    goto done;
mixed: /* letters and digits: the letters mapped */
    for (; p < e; p++) {
        x = pair_tab[*p];
        if (x & (P_LETTER | P_DIGIT)) {
            *f++ = (char)x;
            *k++ = (char)(x >> 8);
            continue;
        }
        if (x & P_SEP) {
            SEP();
            continue;
        }
        if (x & P_HIGH)
            goto high;
        *f++ = (char)x;
        *k++ = (char)x;
        run = k;
        p++;
        goto none;
    }
    goto done;
high: /* a currency sign, out of line (most keys have none) */
    return fold_skeleton_from(p, e, fold, f, skel, k, fn, kn);
done:
#undef SEP
    if (f > fold && f[-1] == ' ')
        f--;
    *fn = (size_t)(f - fold);
    *kn = (size_t)(k - skel);
    return true;
}

/* fold_skeleton_run() from the currency sign (£ ¥ €, which no stage
 * changes: a run of its own, as an "other" byte) at p; false at any other
 * byte past ASCII. */
static __attribute__((noinline)) bool fold_skeleton_from(const unsigned char *p,
                                                         const unsigned char *e, char *fold,
                                                         char *f, char *skel, char *k, size_t *fn,
                                                         size_t *kn)
{
    size_t sl = currency_len(p, e);
    if (!sl)
        return false;
    for (size_t i = 0; i < sl; i++)
        *f++ = *k++ = (char)p[i];
    return fold_skeleton_run(p + sl, e, fold, f, skel, k, fn, kn);
}

/* fl_fold_skeleton's general path (fast paths of its own for names and
 * for ASCII with currency signs). */
static __attribute__((noinline)) size_t fold_skeleton_general(const char *s, size_t len,
                                                              unsigned flags, char *fold,
                                                              size_t fold_cap, size_t *fold_len,
                                                              char *skel, size_t skel_cap)
{
    if (s && fold_cap > len && skel_cap > len) {
        /* ASCII letters in words one space apart (most names): the fold
         * is the text in lower case, the skeleton that without the spaces
         * (no stage changes letters; spacing drops the spaces) */
        size_t i = 0, kn = 0;
        for (; i < len; i++) {
            const unsigned char c = (unsigned char)s[i], l = letter_lower[c];
            if (l) {
                fold[i] = skel[kn++] = (char)l;
            } else if (c == ' ' && i > 0 && i + 1 < len && fold[i - 1] != ' ') {
                fold[i] = ' ';
            } else {
                break;
            }
        }
        if (i == len) {
            fold[len] = '\0';
            skel[kn] = '\0';
            *fold_len = len;
            return kn;
        }
        /* the rest from there, unless the inflection trimmed goes back
         * into it */
        unsigned st = fold_stages(flags);
        /* (i < len: a last byte) most text ends in neither s nor a
         * space, which trim_inflection looks for first */
        const unsigned char last = (unsigned char)s[len - 1];
        size_t n = (last | 0x20) == 's' || ascii_space(last) ? trim_inflection(s, len, st) : len,
               fn;
        if (i > n)
            i = kn = 0;
        if (fold_ascii_pair((const unsigned char *)s, n, (st & ST_LUMP) != 0, fold, &fn, skel, &kn,
                            i, kn, true)) {
            fold[fn] = '\0';
            skel[kn] = '\0';
            *fold_len = fn;
            return kn;
        }
    }
    *fold_len = fl_fold(s, len, flags, fold, fold_cap);
    return fl_skeleton(s, len, flags, skel, skel_cap);
}

size_t fl_fold_skeleton(const char *s, size_t len, unsigned flags, char *fold, size_t fold_cap,
                        size_t *fold_len, char *skel, size_t skel_cap)
{
    /* pure ASCII under the lumping fold (most surfaces but plain names,
     * which mentions.c keys from its masks: numbers, money, dates, codes)
     * in one pass from a table */
    if (s && len && fold_cap > len && skel_cap > len && !(flags & FL_FOLD_NO_LUMP)) {
        /* trim_inflection cuts only a space, or an s after an
         * apostrophe, the last byte of U+2019 or a digit: most text ends
         * otherwise */
        const unsigned char last = (unsigned char)s[len - 1];
        size_t n = len, fn, kn;
        if ((last | 0x20) == 's' ? len >= 3 && (s[len - 2] == '\'' || s[len - 2] == '\x99' ||
                                                (s[len - 2] >= '0' && s[len - 2] <= '9'))
                                 : ascii_space(last))
            n = trim_inflection(s, len, fold_stages(flags));
        if (fold_skeleton_run((const unsigned char *)s, (const unsigned char *)s + n, fold, fold,
                              skel, skel, &fn, &kn)) {
            fold[fn] = '\0';
            skel[kn] = '\0';
            *fold_len = fn;
            return kn;
        }
    }
    return fold_skeleton_general(s, len, flags, fold, fold_cap, fold_len, skel, skel_cap);
}

/* The key under `st` in a new heap string (length in *klen), or NULL. */
static char *key_dup(const char *s, size_t n, unsigned st, size_t *klen)
{
    char stack[256];
    sink o = {stack, sizeof stack, 0};
    build_key(s, n, st, &o);
    char *k = malloc(o.len + 1);
    if (!k)
        return NULL;
    if (o.len < sizeof stack) {
        memcpy(k, stack, o.len);
    } else {
        sink o2 = {k, o.len + 1, 0};
        build_key(s, n, st, &o2);
    }
    k[o.len] = '\0';
    *klen = o.len;
    return k;
}

size_t fl_family(const char *s, size_t len, char *out, size_t cap)
{
    sink o = {out, cap, 0};
    char stack[256];
    char *key = stack;
    size_t klen = 0;
    if (s) {
        unsigned st = fold_stages(FL_FOLD_CODE) | ST_XSCRIPT;
        sink k = {stack, sizeof stack, 0};
        build_key(s, len, st, &k);
        klen = k.len;
        if (klen >= sizeof stack) {
            key = key_dup(s, len, st, &klen);
            if (!key)
                klen = 0;
        }
    }
    /* a plural s after digits is not part of the shape: "1990s" is no code */
    if (klen >= 2 && key[klen - 1] == 's' && key[klen - 2] >= '0' && key[klen - 2] <= '9')
        klen--;
    bool letter = false, digit = false, in_digits = false;
    for (size_t i = 0; i < klen;) {
        uint32_t c;
        size_t k = decode(key, klen, i, &c);
        int cl = classify(c);
        if (cl == C_DIGIT) {
            digit = true;
            if (!in_digits)
                put(&o, '#');
            in_digits = true;
        } else if (cl == C_DASHDOT) {
            /* "737-800" is one number; "F-35" is "f#" */
        } else {
            letter |= cl == C_LETTER;
            in_digits = false;
            put_bytes(&o, key + i, k);
        }
        i += k;
    }
    if (key != stack)
        free(key);
    if (!letter || !digit)
        o.len = 0;
    sink_end(&o);
    return o.len;
}

/* ------------------------------------------------------------ comparing */

/* What compare uses: the skeleton of a code (plural s dropped). */
#define ST_COMPARE                                                                                 \
    (ST_CASE | ST_WIDTH | ST_IGNORE | ST_LUMP | ST_MARKS | ST_POSS | ST_PLURAL | ST_SKELETON)

/* One character of a skeleton traced back to the surface: the original
 * code point and its byte offset, the folded character before the
 * look-alike map (`pre`) and after it (`post`). */
typedef struct unit {
    uint32_t orig;
    size_t off;
    uint32_t pre, post;
    int cls;
} unit;

typedef struct unitvec {
    unit *items;
    size_t count, cap;
} unitvec;

static bool unit_push(unitvec *v, unit u)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 32;
        unit *items = realloc(v->items, cap * sizeof *items);
        if (!items)
            return false;
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = u;
    return true;
}

/* Builds the skeleton of s one code point at a time, keeping where each
 * character came from. Composition across code points (Hangul) is not
 * traced; the caller only uses the trace where both traces agree. */
static bool trace_skeleton(const char *s, size_t n, unitvec *v)
{
    unsigned st = ST_COMPARE;
    n = trim_inflection(s, n, st);
    utf8proc_option_t base = utf8proc_options(st) | UTF8PROC_DECOMPOSE;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = decode(s, n, i, &c);
        utf8proc_int32_t d1[32], d2[32];
        utf8proc_int32_t bc = 0;
        utf8proc_int32_t mc = custom_map((utf8proc_int32_t)c, &st);
        utf8proc_ssize_t r1 = utf8proc_decompose_char(mc, d1, 32, base, &bc);
        for (utf8proc_ssize_t j = 0; j < r1 && j < 32; j++) {
            uint32_t m = xscript_map((uint32_t)d1[j]);
            if (m) {
                uint32_t lo = m >= 'A' && m <= 'Z' ? m | 0x20 : m;
                if (!unit_push(v, (unit){c, i, (uint32_t)d1[j], lo, C_LETTER}))
                    return false;
                continue;
            }
            bc = 0;
            utf8proc_ssize_t r2 =
                utf8proc_decompose_char(d1[j], d2, 32, base | UTF8PROC_CASEFOLD, &bc);
            for (utf8proc_ssize_t q = 0; q < r2 && q < 32; q++) {
                uint32_t y = (uint32_t)d2[q];
                if (!unit_push(v, (unit){c, i, y, y, classify(y)}))
                    return false;
            }
        }
        i += k;
    }
    /* the digit/letter map inside mixed runs, then spacing removed */
    size_t out = 0;
    for (size_t i = 0; i < v->count;) {
        size_t e = i;
        bool letter = false, digit = false;
        while (e < v->count && v->items[e].cls != C_OTHER) {
            letter |= v->items[e].cls == C_LETTER;
            digit |= v->items[e].cls == C_DIGIT;
            e++;
        }
        if (e == i)
            e = i + 1;
        for (; i < e; i++) {
            unit u = v->items[i];
            if (u.cls == C_SPACE || u.cls == C_DASHDOT)
                continue;
            if (letter && digit && u.post < 0x80 && digit_for((unsigned char)u.post))
                u.post = (uint32_t)digit_for((unsigned char)u.post);
            v->items[out++] = u;
        }
    }
    v->count = out;
    return true;
}

static bool is_cyrillic(uint32_t c)
{
    return (c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F) ||
           (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F);
}

static bool is_greek(uint32_t c)
{
    return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

/* "the digit 0", "the letter O", "the Cyrillic letter Н" */
static void describe_char(uint32_t c, bool scripts, char *buf, size_t cap)
{
    utf8proc_uint8_t enc[8];
    utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)c, enc);
    enc[k > 0 ? k : 0] = '\0';
    int cl = classify(c);
    const char *what = cl == C_DIGIT ? "digit" : cl == C_LETTER ? "letter" : "character";
    const char *script = "";
    if (scripts && cl == C_LETTER)
        script = is_cyrillic(c) ? "Cyrillic " : is_greek(c) ? "Greek " : "Latin ";
    snprintf(buf, cap, "the %s%s %s", script, what, (const char *)enc);
}

typedef struct seps {
    size_t hyphens, spaces, dots;
} seps;

static seps count_seps(const char *s, size_t n)
{
    seps r = {0, 0, 0};
    bool in_space = false;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = decode(s, n, i, &c);
        int cl = classify(c);
        if (cl == C_SPACE) {
            if (!in_space)
                r.spaces++;
            in_space = true;
        } else {
            in_space = false;
            if (cl == C_DASHDOT) {
                if (c == '.')
                    r.dots++;
                else
                    r.hyphens++;
            }
        }
        i += k;
    }
    return r;
}

typedef struct desc {
    char *buf;
    size_t cap, len;
} desc;

static void add_clause(desc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_clause(desc *d, const char *fmt, ...)
{
    if (d->len + 1 >= d->cap)
        return;
    if (d->len) {
        int k = snprintf(d->buf + d->len, d->cap - d->len, "; ");
        d->len += (size_t)k;
        if (d->len >= d->cap) {
            d->len = d->cap - 1;
            return;
        }
    }
    va_list ap;
    va_start(ap, fmt);
    // clang-tidy 14 forgets va_start/va_copy after the first file of a run
    // NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): ap is started above
    int k = vsnprintf(d->buf + d->len, d->cap - d->len, fmt, ap);
    va_end(ap);
    if (k > 0)
        d->len += (size_t)k;
    if (d->len >= d->cap)
        d->len = d->cap - 1;
}

static void describe_spacing(desc *d, const char *a, size_t alen, const char *b, size_t blen)
{
    seps x = count_seps(a, alen), y = count_seps(b, blen);
    int A = (int)alen, B = (int)blen;
    for (int swap = 0; swap < 2; swap++) {
        const char *p = swap ? b : a, *q = swap ? a : b;
        int P = swap ? B : A, Q = swap ? A : B;
        seps u = swap ? y : x, v = swap ? x : y;
        if (u.hyphens && !v.hyphens && !v.spaces && !v.dots && !u.spaces && !u.dots) {
            add_clause(d, "`%.*s` is hyphenated where `%.*s` is not", P, p, Q, q);
            return;
        }
        if (u.hyphens && !v.hyphens && v.spaces && !u.spaces) {
            add_clause(d, "`%.*s` has %s where `%.*s` has %s", P, p,
                       u.hyphens > 1 ? "hyphens" : "a hyphen", Q, q,
                       v.spaces > 1 ? "spaces" : "a space");
            return;
        }
        if (u.spaces && !v.spaces && !v.hyphens && !v.dots && !u.hyphens && !u.dots) {
            add_clause(d, "`%.*s` has %s where `%.*s` has none", P, p,
                       u.spaces > 1 ? "spaces" : "a space", Q, q);
            return;
        }
        if (u.dots && !v.dots && !v.spaces && !v.hyphens && !u.spaces && !u.hyphens) {
            add_clause(d, "`%.*s` has %s where `%.*s` has none", P, p,
                       u.dots > 1 ? "dots" : "a dot", Q, q);
            return;
        }
    }
    add_clause(d, "`%.*s` and `%.*s` differ in spacing or hyphenation", A, a, B, b);
}

/* Whether a's key under stages sa differs from b's under sb; -1 when out
 * of memory. */
static int keys_differ_as(const char *a, size_t alen, unsigned sa, const char *b, size_t blen,
                          unsigned sb)
{
    size_t la = 0, lb = 0;
    char *ka = key_dup(a, alen, sa, &la);
    char *kb = key_dup(b, blen, sb, &lb);
    int r = !ka || !kb ? -1 : (la != lb || memcmp(ka, kb, la) != 0);
    free(ka);
    free(kb);
    return r;
}

static int keys_differ(const char *a, size_t alen, const char *b, size_t blen, unsigned st)
{
    return keys_differ_as(a, alen, st, b, blen, st);
}

/* Whether leaving `stage` out changes the compare key of s (e.g. s has
 * diacritics when keeping them changes its key). */
static int stage_changes(const char *s, size_t n, unsigned stage)
{
    return keys_differ_as(s, n, ST_COMPARE & ~stage, s, n, ST_COMPARE);
}

/* Names the side that has a feature: "`a` has X where `b` does not". */
static void describe_sided(desc *d, const char *a, size_t alen, const char *b, size_t blen,
                           unsigned stage, const char *what, const char *fallback)
{
    int A = (int)alen, B = (int)blen;
    int ha = stage_changes(a, alen, stage), hb = stage_changes(b, blen, stage);
    if (ha == 1 && hb == 0)
        add_clause(d, "`%.*s` %s where `%.*s` does not", A, a, what, B, b);
    else if (hb == 1 && ha == 0)
        add_clause(d, "`%.*s` %s where `%.*s` does not", B, b, what, A, a);
    else
        add_clause(d, "`%.*s` and `%.*s` %s", A, a, B, b, fallback);
}

static bool same_nfc(const char *a, size_t alen, const char *b, size_t blen)
{
    utf8proc_uint8_t *x = NULL, *y = NULL;
    utf8proc_ssize_t lx = utf8proc_map((const utf8proc_uint8_t *)a, (utf8proc_ssize_t)alen, &x,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    utf8proc_ssize_t ly = utf8proc_map((const utf8proc_uint8_t *)b, (utf8proc_ssize_t)blen, &y,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    bool same = lx >= 0 && ly >= 0 && lx == ly && memcmp(x, y, (size_t)lx) == 0;
    free(x);
    free(y);
    return same;
}

static void find_lookalike(const char *a, size_t alen, const char *b, size_t blen,
                           fl_difference *out, desc *d)
{
    unitvec ua = {0}, ub = {0};
    bool found = false;
    if (trace_skeleton(a, alen, &ua) && trace_skeleton(b, blen, &ub) && ua.count == ub.count) {
        for (size_t i = 0; i < ua.count; i++) {
            unit x = ua.items[i], y = ub.items[i];
            if (x.post != y.post)
                break;
            if (x.pre != y.pre && (x.pre != x.post || y.pre != y.post)) {
                out->a_offset = x.off;
                out->b_offset = y.off;
                out->a_char = x.orig;
                out->b_char = y.orig;
                found = true;
                break;
            }
        }
    }
    free(ua.items);
    free(ub.items);
    int A = (int)alen, B = (int)blen;
    if (!found) {
        add_clause(d, "`%.*s` and `%.*s` differ in look-alike characters", A, a, B, b);
        return;
    }
    bool scripts = is_cyrillic(out->a_char) || is_greek(out->a_char) || is_cyrillic(out->b_char) ||
                   is_greek(out->b_char);
    char ca[64], cb[64];
    describe_char(out->a_char, scripts, ca, sizeof ca);
    describe_char(out->b_char, scripts, cb, sizeof cb);
    add_clause(d, "`%.*s` has %s where `%.*s` has %s", A, a, ca, B, b, cb);
}

fl_status fl_compare_surfaces(const char *a, size_t alen, const char *b, size_t blen,
                              fl_difference *out)
{
    memset(out, 0, sizeof *out);
    desc d = {out->description, sizeof out->description, 0};
    if (!a)
        a = "", alen = 0;
    if (!b)
        b = "", blen = 0;
    int A = (int)alen, B = (int)blen;
    if (alen == blen && memcmp(a, b, alen) == 0) {
        add_clause(&d, "`%.*s` and `%.*s` are identical", A, a, B, b);
        return FL_OK;
    }
    int r = keys_differ(a, alen, b, blen, ST_COMPARE);
    if (r < 0)
        return FL_ENOMEM;
    if (r) {
        out->kinds = FL_DIFF_OTHER;
        add_clause(&d, "`%.*s` and `%.*s` are different names", A, a, B, b);
        return FL_OK;
    }
    static const struct {
        unsigned kind, stages;
    } dims[] = {
        {FL_DIFF_LOOKALIKE, ST_LOOK},   {FL_DIFF_SPACING, ST_SPACING},
        {FL_DIFF_DIACRITIC, ST_MARKS},  {FL_DIFF_WIDTH, ST_WIDTH},
        {FL_DIFF_INVISIBLE, ST_IGNORE}, {FL_DIFF_INFLECTION, ST_POSS | ST_PLURAL},
        {FL_DIFF_PUNCTUATION, ST_LUMP}, {FL_DIFF_CASE, ST_CASE},
    };
    for (size_t i = 0; i < sizeof dims / sizeof dims[0]; i++) {
        unsigned st = ST_COMPARE & ~dims[i].stages;
        if (dims[i].kind == FL_DIFF_PUNCTUATION)
            st |= ST_KEEPDASH; /* "F–35" vs "F-35": an en dash for a hyphen */
        r = keys_differ(a, alen, b, blen, st);
        if (r < 0)
            return FL_ENOMEM;
        if (r)
            out->kinds |= dims[i].kind;
    }
    /* "F–35" vs "F35" is hyphenation, whatever the dash */
    if ((out->kinds & (FL_DIFF_PUNCTUATION | FL_DIFF_SPACING)) ==
        (FL_DIFF_PUNCTUATION | FL_DIFF_SPACING)) {
        r = keys_differ(a, alen, b, blen, ST_COMPARE & ~ST_LUMP);
        if (r < 0)
            return FL_ENOMEM;
        if (!r)
            out->kinds &= ~FL_DIFF_PUNCTUATION;
    }
    if (!out->kinds)
        out->kinds = same_nfc(a, alen, b, blen) ? FL_DIFF_COMPOSITION : FL_DIFF_SPACING;

    if (out->kinds & FL_DIFF_LOOKALIKE)
        find_lookalike(a, alen, b, blen, out, &d);
    if (out->kinds & FL_DIFF_SPACING)
        describe_spacing(&d, a, alen, b, blen);
    if (out->kinds & FL_DIFF_DIACRITIC)
        describe_sided(&d, a, alen, b, blen, ST_MARKS, "has diacritics", "differ in diacritics");
    if (out->kinds & FL_DIFF_WIDTH)
        describe_sided(&d, a, alen, b, blen, ST_WIDTH, "uses fullwidth or compatibility forms",
                       "differ in fullwidth or compatibility forms");
    if (out->kinds & FL_DIFF_INVISIBLE)
        describe_sided(&d, a, alen, b, blen, ST_IGNORE, "contains invisible characters",
                       "differ in invisible characters");
    if (out->kinds & FL_DIFF_INFLECTION) {
        bool poss = stage_changes(a, alen, ST_POSS) == 1 || stage_changes(b, blen, ST_POSS) == 1;
        describe_sided(&d, a, alen, b, blen, ST_POSS | ST_PLURAL,
                       poss ? "has a possessive ending" : "has a plural ending",
                       "differ in their endings");
    }
    if (out->kinds & FL_DIFF_PUNCTUATION)
        add_clause(&d, "`%.*s` and `%.*s` differ in dash or quote style", A, a, B, b);
    if (out->kinds & FL_DIFF_CASE)
        add_clause(&d, "`%.*s` and `%.*s` differ in case", A, a, B, b);
    if (out->kinds & FL_DIFF_COMPOSITION)
        add_clause(&d, "`%.*s` and `%.*s` are one text in different Unicode normal forms", A, a, B,
                   b);
    return FL_OK;
}

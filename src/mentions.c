/* mentions.c - mention extraction: walks the sentences once, runs every
 * extractor per sentence in a fixed order (amounts, dates, ages, codes,
 * quantities, acronym definitions, titles, acronyms, names), resolves person
 * links within the sentence, then settles the document: tentative names,
 * acronyms that are names in capitals, coreference-lite, source order. */
#include "mentions.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__) && !defined(FL_NO_SIMD)
#include <emmintrin.h>
#endif
/* block_masks in 32-byte steps where the CPU has AVX2 (asked at run time
 * when the build does not assume it); FL_NO_AVX2 keeps the SSE2 steps
 * (make valgrind tests them so) */
#if !defined(FL_NO_SIMD) && !defined(FL_NO_AVX2) && defined(__x86_64__) &&                         \
    (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define FL_BLOCK_AVX2 1
#endif

/* w[0..len) against a NUL-terminated literal, as strcmp orders them;
 * `fold` lower-cases A-Z in w first. */
static int cmp_word(const char *w, size_t len, const char *lit, bool fold)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)w[i], b = (unsigned char)lit[i];
        if (fold && a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (b == '\0')
            return 1;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return lit[len] == '\0' ? 0 : -1;
}

bool fl_word_in(const char *w, size_t len, const char *const *sorted, size_t n, bool fold)
{
    size_t lo = 0, hi = n;
    /* most probes part at the first byte: compared here, without a call */
    unsigned char c0 = len ? (unsigned char)w[0] : 0;
    if (fold && c0 >= 'A' && c0 <= 'Z')
        c0 = (unsigned char)(c0 - 'A' + 'a');
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned char b0 = (unsigned char)sorted[mid][0];
        int c = c0 != b0 && len ? (c0 < b0 ? -1 : 1) : cmp_word(w, len, sorted[mid], fold);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool fl_word_is(const char *w, size_t len, const char *lit)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)lit[i]) /* also stops at the literal's NUL */
            return false;
    }
    return lit[len] == '\0';
}

/* ------------------------------------------------------------- numbers */

/* 10^e for small e, without libm: from a table up to 1e22 (each exact,
 * as the products of tens that make them), then by products. */
static double pow10i(int e)
{
    static const double exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (e >= 0 && e < 23)
        return exact[e];
    double v = 1;
    for (int i = 0; i < e; i++)
        v *= 10;
    return v;
}

/* The value of a number word ("seven" 7, "forty" 40, "hundred" 100,
 * "million" 1e6), or 0. w[0..len) holds ASCII letters only. */
static long number_word(const char *w, size_t len)
{
    typedef struct {
        char word[10];
        long value;
    } entry;
    /* by first letter: the words of that letter, ended by an empty word */
    static const entry b_[] = {{"billion", 1000000000}, {"", 0}};
    static const entry e_[] = {
        {"eight", 8}, {"eleven", 11}, {"eighteen", 18}, {"eighty", 80}, {"", 0}};
    static const entry f_[] = {{"four", 4},   {"five", 5},   {"fourteen", 14}, {"fifteen", 15},
                               {"forty", 40}, {"fifty", 50}, {"", 0}};
    static const entry h_[] = {{"hundred", 100}, {"", 0}};
    static const entry m_[] = {{"million", 1000000}, {"", 0}};
    static const entry n_[] = {{"nine", 9}, {"nineteen", 19}, {"ninety", 90}, {"", 0}};
    static const entry o_[] = {{"one", 1}, {"", 0}};
    static const entry s_[] = {{"six", 6},    {"seven", 7},    {"sixteen", 16}, {"seventeen", 17},
                               {"sixty", 60}, {"seventy", 70}, {"", 0}};
    static const entry t_[] = {{"two", 2},     {"three", 3},       {"ten", 10},
                               {"twelve", 12}, {"thirteen", 13},   {"twenty", 20},
                               {"thirty", 30}, {"thousand", 1000}, {"", 0}};
    /* the word in lower case, zero-padded as the entries are: equal
     * words are equal in all ten bytes, two loads each */
    char b[16] = {0};
    if (len < 3 || len > 9)
        return 0;
    for (size_t i = 0; i < len; i++)
        b[i] = (char)(w[i] | 0x20); /* letters only: lower case */
    uint64_t b0, e0;
    uint16_t b1, e1;
    memcpy(&b0, b, 8);
    memcpy(&b1, b + 8, 2);
    const entry *e;
    switch (b[0]) {
    case 'b':
        e = b_;
        break;
    case 'e':
        e = e_;
        break;
    case 'f':
        e = f_;
        break;
    case 'h':
        e = h_;
        break;
    case 'm':
        e = m_;
        break;
    case 'n':
        e = n_;
        break;
    case 'o':
        e = o_;
        break;
    case 's':
        e = s_;
        break;
    case 't':
        e = t_;
        break;
    default:
        return 0;
    }
    for (; e->word[0]; e++) {
        memcpy(&e0, e->word, 8);
        memcpy(&e1, e->word + 8, 2);
        if (e0 == b0 && e1 == b1)
            return e->value;
    }
    return 0;
}

/* fl_scan_number for a number spelled out (t[at] is no digit). */
static __attribute__((noinline)) size_t scan_spelled(const char *t, size_t at, size_t end,
                                                     fl_number *out)
{
    memset(out, 0, sizeof *out);
    size_t i = at;
    /* spelled out: twenty-five, two hundred and fifty thousand, three million */
    enum { NONE, SMALL, TENS, HUNDRED, BIG } last = NONE;
    double total = 0, cur = 0;
    size_t last_end = at;
    while (i < end) {
        size_t j = i;
        while (j < end && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z')))
            j++;
        size_t n = j - i;
        /* only the first word may be capitalized */
        if (n == 0 || (i != at && t[i] >= 'A' && t[i] <= 'Z'))
            break;
        long v = number_word(t + i, n);
        if (v == 0 && last == HUNDRED && fl_word_is(t + i, n, "and") && j < end && t[j] == ' ') {
            /* "two hundred and fifty": only if a number word follows */
            size_t k2 = j + 1, k3 = k2;
            while (k3 < end && t[k3] >= 'a' && t[k3] <= 'z')
                k3++;
            long nv = number_word(t + k2, k3 - k2);
            if (nv > 0 && nv < 100) {
                i = k2;
                continue;
            }
            break;
        }
        if (v <= 0)
            break;
        if (v < 20) {
            if (last == SMALL || last == TENS)
                break;
            cur += (double)v;
            last = SMALL;
        } else if (v < 100) {
            if (last == SMALL || last == TENS)
                break;
            cur += (double)v;
            last = TENS;
            /* twenty-five */
            if (j + 1 < end && t[j] == '-') {
                size_t k2 = j + 1;
                while (k2 < end && t[k2] >= 'a' && t[k2] <= 'z')
                    k2++;
                long u = number_word(t + j + 1, k2 - j - 1);
                if (u > 0 && u < 10) {
                    cur += (double)u;
                    j = k2;
                    last = SMALL;
                }
            }
        } else if (v == 100) {
            if (last != SMALL && last != TENS)
                break;
            cur *= 100;
            last = HUNDRED;
        } else {
            if (last == NONE || last == BIG)
                break;
            total += cur * (double)v;
            cur = 0;
            last = BIG;
        }
        last_end = j;
        if (j < end && t[j] == ' ')
            i = j + 1;
        else
            break;
    }
    if (last == NONE)
        return 0;
    out->value = total + cur;
    out->spelled = true;
    out->decimals = -1;
    return last_end - at;
}

static inline bool ascii_digit(unsigned char c)
{
    return (unsigned)(c - '0') <= 9u;
}

/* fl_scan_number's end for a number t[at..i) of more than 18 digits (no
 * mantissa kept); out of line, so that the common path saves no
 * registers for the call. */
static __attribute__((noinline)) size_t scan_long_number(const char *t, size_t at, size_t i,
                                                         bool grouped, fl_number *out)
{
    *out = (fl_number){strtod(t + at, NULL), 0, -1, false, grouped};
    return i - at;
}

size_t fl_scan_number(const char *t, size_t at, size_t end, fl_number *out)
{
    const unsigned char *u = (const unsigned char *)t;
    if (at >= end || !ascii_digit(u[at]))
        return scan_spelled(t, at, end, out);
    /* the leading digits at once (past 18 the mantissa overflows, and is
     * not kept); then the first 18 digits in all */
    uint64_t mant = 0;
    size_t i = at;
    do {
        mant = mant * 10 + (uint64_t)(u[i] - '0');
        i++;
    } while (i < end && ascii_digit(u[i]));
    size_t digits = i - at;
    int decimals = 0;
    bool grouped = false;
#define ADD_DIGIT(c)                                                                               \
    do {                                                                                           \
        if (digits < 18)                                                                           \
            mant = mant * 10 + (uint64_t)((c) - '0');                                              \
        digits++;                                                                                  \
    } while (0)
    /* thousands groups only after 1-3 leading digits, exactly 3 each */
    if (digits <= 3)
        while (i + 3 < end && u[i] == ',' && ascii_digit(u[i + 1]) && ascii_digit(u[i + 2]) &&
               ascii_digit(u[i + 3]) && (i + 4 >= end || !ascii_digit(u[i + 4]))) {
            ADD_DIGIT(u[i + 1]);
            ADD_DIGIT(u[i + 2]);
            ADD_DIGIT(u[i + 3]);
            grouped = true;
            i += 4;
        }
    if (i + 1 < end && u[i] == '.' && ascii_digit(u[i + 1])) {
        i++;
        do {
            ADD_DIGIT(u[i]);
            decimals++;
            i++;
        } while (i < end && ascii_digit(u[i]));
    }
#undef ADD_DIGIT
    if (digits > 18) /* digits only; separators stop it */
        return scan_long_number(t, at, i, grouped, out);
    /* mant < 10^18 converts as a signed integer (one instruction); a
     * whole number needs no division (by 1, exact) */
    const double v = (double)(int64_t)mant;
    *out = (fl_number){decimals ? v / pow10i(decimals) : v, mant, decimals, false, grouped};
    return i - at;
}

size_t fl_scan_scale(const char *t, size_t at, size_t end, double *mult)
{
    return fl_scale_at(t, at, end, mult);
}

double fl_number_scaled(const fl_number *n, double mult)
{
    if (n->decimals < 0)
        return n->value * mult;
    /* the power of ten in mult: the scales' at once (most numbers have
     * none), others by division (each step exact for a power of ten) */
    int e = 0;
    if (mult == 1)
        e = 0;
    else if (mult == 1e3)
        e = 3;
    else if (mult == 1e6)
        e = 6;
    else if (mult == 1e9)
        e = 9;
    else if (mult == 1e12)
        e = 12;
    else
        for (double m = mult; m >= 10 && e < 30; e++)
            m /= 10;
    if (e >= n->decimals)
        return (double)n->mantissa * pow10i(e - n->decimals);
    return (double)n->mantissa / pow10i(n->decimals - e);
}

/* ---------------------------------------------------------- characters */

static bool cp_alnum(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

bool fl_mx_alnum_slow(const fl_mx *mx, size_t at)
{
    if (at >= mx->s_end)
        return false;
    uint32_t cp;
    fl_utf8_decode((const unsigned char *)mx->text, mx->s_end, at, &cp);
    return cp_alnum(cp);
}

/* The start of the code point that ends just before `at`. */
static size_t prev_cp_start(const fl_mx *mx, size_t at)
{
    size_t i = at - 1;
    while (i > mx->s_off && ((unsigned char)mx->text[i] & 0xC0) == 0x80 && at - i < 4)
        i--;
    return i;
}

bool fl_mx_word_start_slow(const fl_mx *mx, size_t at)
{
    if (at <= mx->s_off)
        return true;
    return !fl_mx_alnum_at(mx, prev_cp_start(mx, at));
}

/* Byte classes for the word walkers: 1 an ASCII letter, 3 an ASCII digit
 * (bit 0: ASCII letter or digit), 2 a byte of a multi-byte code point
 * (decoded), 0 anything else. */
#define A1(c) [c] = 1
#define D3(c) [c] = 3
#define ROW10(c)                                                                                   \
    A1(c), A1(c + 1), A1(c + 2), A1(c + 3), A1(c + 4), A1(c + 5), A1(c + 6), A1(c + 7), A1(c + 8), \
        A1(c + 9)
static const unsigned char byte_class[256] = {
    D3('0'),   D3('1'),   D3('2'),    D3('3'),         D3('4'),   D3('5'),   D3('6'),   D3('7'),
    D3('8'),   D3('9'),   ROW10('A'), ROW10('A' + 10), A1('U'),   A1('V'),   A1('W'),   A1('X'),
    A1('Y'),   A1('Z'),   ROW10('a'), ROW10('a' + 10), A1('u'),   A1('v'),   A1('w'),   A1('x'),
    A1('y'),   A1('z'),
#define R2(c)                                                                                      \
    [c] = 2, [c + 1] = 2, [c + 2] = 2, [c + 3] = 2, [c + 4] = 2, [c + 5] = 2, [c + 6] = 2,         \
    [c + 7] = 2
#define R16(c) R2(c), R2(c + 8)
    R16(0x80), R16(0x90), R16(0xA0),  R16(0xB0),       R16(0xC0), R16(0xD0), R16(0xE0), R16(0xF0)};
#undef A1
#undef D3
#undef ROW10
#undef R2
#undef R16

size_t fl_mx_scan_word_end(const fl_mx *mx, size_t at)
{
    size_t i = at;
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t end = mx->s_end;
    while (i < end) {
        unsigned char k = byte_class[t[i]];
        if (k & 1) {
            i++;
            continue;
        }
        if (k == 0)
            break;
        uint32_t cp;
        size_t n = fl_utf8_decode((const unsigned char *)mx->text, mx->s_end, i, &cp);
        if (!cp_alnum(cp))
            break;
        i += n;
    }
    return i;
}

/* What fill_words asks of a word's first byte: FB_NAME a capital or a
 * byte past ASCII (fl_extract_names), FB_LOWER a lower-case letter (a name
 * when a capital follows), FB_DIGIT, FB_SPELLED the first letter of a
 * spelled number (fl_spelled_start), FB_MARK an honorific's (M, S, D: in
 * blocks with bytes past ASCII, which are rare; NOTE_MARK tests the
 * honorifics' bits of the row of heads, FL_HEAD_HONORIFIC, instead). */
enum { FB_NAME = 1, FB_LOWER = 2, FB_DIGIT = 4, FB_SPELLED = 8, FB_MARK = 16 };
static const unsigned char first_byte[256] = {
    0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0,  0,  0, 0, 0, 0,  0, 0, 0, 0,  0,  0,  0, 0, 0,
    0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0,  0,  0, 0, 0, 4,  4, 4, 4, 4,  4,  4,  4, 4, 4,
    0,  0, 0, 0, 0, 0, 0, 1, 1, 1, 17, 9, 9, 1, 1,  1,  1, 1, 1, 17, 9, 9, 1, 1,  1,  25, 9, 1, 1,
    1,  1, 1, 1, 0, 0, 0, 0, 0, 0, 2,  2, 2, 2, 10, 10, 2, 2, 2, 2,  2, 2, 2, 10, 10, 2,  2, 2, 10,
    10, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0,  0, 1, 1, 1,  1,  1, 1, 1, 1,  1, 1, 1, 1,  1,  1,  1, 1, 1,
    1,  1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  1, 1, 1, 1,  1,  1, 1, 1, 1,  1, 1, 1, 1,  1,  1,  1, 1, 1,
    1,  1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  1, 1, 1, 1,  1,  1, 1, 1, 1,  1, 1, 1, 1,  1,  1,  1, 1, 1,
    1,  1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  1, 1, 1, 1,  1,  1, 1, 1, 1,  1, 1, 1, 1,  1,  1,  1, 1, 1,
    1,  1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  1, 1, 1, 1,  1,  1, 1, 1, 1,  1, 1, 1, 1,
};

/* By the first two letters of a word that may spell a number (FB_SPELLED)
 * & 31, the third letters (& 31) fl_spelled_start lets through: one, two
 * twelve twenty, three thirteen thirty, ten, four fourteen forty, five
 * fifteen fifty, six sixteen sixty, seven seventeen seventy, eight
 * eighteen eighty, eleven, nine nineteen ninety. */
#define SPELLED_THIRDS(X)                                                                          \
    X('o', 'n', THIRD('e'))                                                                        \
    X('t', 'w', THIRD('o') | THIRD('e'))                                                           \
    X('t', 'h', THIRD('r') | THIRD('i'))                                                           \
    X('t', 'e', THIRD('n'))                                                                        \
    X('f', 'o', THIRD('u') | THIRD('r'))                                                           \
    X('f', 'i', THIRD('v') | THIRD('f'))                                                           \
    X('s', 'i', THIRD('x'))                                                                        \
    X('s', 'e', THIRD('v'))                                                                        \
    X('e', 'i', THIRD('g'))                                                                        \
    X('e', 'l', THIRD('e'))                                                                        \
    X('n', 'i', THIRD('n'))
#define THIRD(c) (1u << ((c)&31))
#define PAIR(a, b, third) [((a)&31) * 32 + ((b)&31)] = (third),
static const uint32_t spelled_third[32 * 32] = {SPELLED_THIRDS(PAIR)};
#undef PAIR
#undef THIRD

#if !defined(__SSE2__) || defined(FL_NO_SIMD)
/* Bit 7 of each byte of the result is set where that byte of x is an
 * ASCII letter or digit; *digits gets the bits of the digits. Each byte
 * is lifted to 0x80 | b before a subtraction, so no borrow crosses bytes. */
static inline uint64_t ascii_alnum8(uint64_t x, uint64_t *digits)
{
    const uint64_t ones = FL_BYTES_01, high = FL_BYTES_80;
    const uint64_t ascii = ~x & high, h = x | high, y = h | (ones * 0x20);
    const uint64_t digit = (h - ones * '0') & ~(h - ones * ('9' + 1)) & ascii;
    const uint64_t letter = (y - ones * 'a') & ~(y - ones * ('z' + 1)) & ascii;
    *digits = digit;
    return digit | letter;
}

/* Bit 7 of each byte of m (a little-endian load) gathered into the low
 * eight bits, byte k to bit k. */
static inline uint64_t gather8(uint64_t m)
{
    return ((m >> 7) * 0x0102040810204080ull) >> 56;
}
#endif

/* The masks of the 64 bytes at p (see fl_word_block): ASCII letters
 * and digits in *alnum, commas or first bytes of multi-byte code points
 * (>= 0xC0) in *stop; and the block's upper, digit and high in m[0..3). */
static inline void block_masks(const unsigned char *p, uint64_t *alnum, uint64_t *stop,
                               uint64_t m[3])
{
    uint64_t a = 0, d = 0, s = 0, u = 0, h = 0;
#if defined(__SSE2__) && !defined(FL_NO_SIMD)
    /* range tests in one signed compare each: x in [lo, hi] when
     * x + (128 - lo), wrapped to a signed byte, is below hi - lo + 1 - 128 */
    const __m128i case_bit = _mm_set1_epi8(0x20), a_off = _mm_set1_epi8((char)(128 - 'a')),
                  a_lim = _mm_set1_epi8((char)(26 - 128)), d_off = _mm_set1_epi8((char)(128 - '0')),
                  d_lim = _mm_set1_epi8((char)(10 - 128)), u_off = _mm_set1_epi8((char)(128 - 'A')),
                  comma = _mm_set1_epi8(','), lead = _mm_set1_epi8((char)0xC0);
    for (unsigned i = 0; i < 4; i++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + (size_t)16 * i));
        __m128i is_d = _mm_cmplt_epi8(_mm_add_epi8(x, d_off), d_lim);
        __m128i is_a = _mm_or_si128(
            _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, case_bit), a_off), a_lim), is_d);
        __m128i is_u = _mm_cmplt_epi8(_mm_add_epi8(x, u_off), a_lim);
        __m128i is_s =
            _mm_or_si128(_mm_cmpeq_epi8(x, comma), _mm_cmpeq_epi8(_mm_max_epu8(x, lead), x));
        a |= (uint64_t)(unsigned)_mm_movemask_epi8(is_a) << (16 * i);
        d |= (uint64_t)(unsigned)_mm_movemask_epi8(is_d) << (16 * i);
        s |= (uint64_t)(unsigned)_mm_movemask_epi8(is_s) << (16 * i);
        u |= (uint64_t)(unsigned)_mm_movemask_epi8(is_u) << (16 * i);
        h |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << (16 * i);
    }
#else
    for (unsigned i = 0; i < 8; i++) {
        uint64_t x = fl_load8(p + 8 * i), dg, an = ascii_alnum8(x, &dg);
        uint64_t z = x ^ (FL_BYTES_01 * ',');
        uint64_t c = ~(((z & FL_BYTES_7F) + FL_BYTES_7F) | z) & FL_BYTES_80;
        uint64_t lead = x & (x << 1) & FL_BYTES_80; /* bits 7 and 6 */
        uint64_t up = FL_BYTES_IN(x & FL_BYTES_7F, 'A', 'Z') & ~x;
        a |= gather8(an) << (8 * i);
        d |= gather8(dg) << (8 * i);
        s |= gather8(c | lead) << (8 * i);
        u |= gather8(up) << (8 * i);
        h |= gather8(x & FL_BYTES_80) << (8 * i);
    }
#endif
    *alnum = a;
    *stop = s;
    m[0] = u;
    m[1] = d;
    m[2] = h;
}

#ifdef FL_BLOCK_AVX2
#define MASK_BYTES32(c)                                                                            \
    {                                                                                              \
        (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c),  \
            (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c), (c)                   \
    }
/* half_masks_avx2's constants (as bytes), read from memory through a pointer the
 * compiler cannot see into (see mask_pass): made with _mm256_set1_epi8
 * (or read from here directly, which it folds back into them) they were
 * broadcast again for each block, as two halves' values and eight
 * constants are more than the sixteen registers */
enum { MC_CASE, MC_A_OFF, MC_A_LIM, MC_D_OFF, MC_D_LIM, MC_U_OFF, MC_COMMA, MC_LEAD, MC_N };
static const unsigned char mask_consts[MC_N][32]
    __attribute__((aligned(32))) = {[MC_CASE] = MASK_BYTES32(0x20),
                                    [MC_A_OFF] = MASK_BYTES32(128 - 'a'),
                                    [MC_A_LIM] = MASK_BYTES32(26 - 128 + 256),
                                    [MC_D_OFF] = MASK_BYTES32(128 - '0'),
                                    [MC_D_LIM] = MASK_BYTES32(10 - 128 + 256),
                                    [MC_U_OFF] = MASK_BYTES32(128 - 'A'),
                                    [MC_COMMA] = MASK_BYTES32(','),
                                    [MC_LEAD] = MASK_BYTES32(0xC0)};
#undef MASK_BYTES32

/* The masks of 32 bytes at p with AVX2 (see block_masks): ASCII letters
 * and digits, digits, commas and first bytes of multi-byte code points,
 * capitals, bytes past ASCII, in m[0..5). */
__attribute__((target("avx2"), always_inline)) static inline void
half_masks_avx2(const unsigned char *p, uint32_t m[5], const unsigned char (*mc)[32])
{
#define MC(k) _mm256_load_si256((const __m256i *)(const void *)mc[k])
    const __m256i case_bit = MC(MC_CASE), a_off = MC(MC_A_OFF), a_lim = MC(MC_A_LIM),
                  d_off = MC(MC_D_OFF), d_lim = MC(MC_D_LIM), u_off = MC(MC_U_OFF),
                  comma = MC(MC_COMMA), lead = MC(MC_LEAD);
#undef MC
    __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i is_d = _mm256_cmpgt_epi8(d_lim, _mm256_add_epi8(x, d_off));
    __m256i is_a = _mm256_or_si256(
        _mm256_cmpgt_epi8(a_lim, _mm256_add_epi8(_mm256_or_si256(x, case_bit), a_off)), is_d);
    __m256i is_u = _mm256_cmpgt_epi8(a_lim, _mm256_add_epi8(x, u_off));
    __m256i is_s = _mm256_or_si256(_mm256_cmpeq_epi8(x, comma),
                                   _mm256_cmpeq_epi8(_mm256_max_epu8(x, lead), x));
    m[0] = (uint32_t)_mm256_movemask_epi8(is_a);
    m[1] = (uint32_t)_mm256_movemask_epi8(is_d);
    m[2] = (uint32_t)_mm256_movemask_epi8(is_s);
    m[3] = (uint32_t)_mm256_movemask_epi8(is_u);
    m[4] = (uint32_t)_mm256_movemask_epi8(x);
}

/* block_masks with AVX2: the same masks, the same range tests, in two
 * halves written out (a loop over them kept its shifts and counter). */
__attribute__((target("avx2"))) static inline void block_masks_avx2(const unsigned char *p,
                                                                    uint64_t *alnum, uint64_t *stop,
                                                                    uint64_t m[3],
                                                                    const unsigned char (*mc)[32])
{
    uint32_t lo[5], hi[5];
    half_masks_avx2(p, lo, mc);
    half_masks_avx2(p + 32, hi, mc);
    *alnum = lo[0] | (uint64_t)hi[0] << 32;
    m[1] = lo[1] | (uint64_t)hi[1] << 32;
    *stop = lo[2] | (uint64_t)hi[2] << 32;
    m[0] = lo[3] | (uint64_t)hi[3] << 32;
    m[2] = lo[4] | (uint64_t)hi[4] << 32;
}
#endif

/* The index of the lowest set bit of x (nonzero), as a size_t (no sign
 * extension on the way). */
static inline size_t bit_index(uint64_t x)
{
#if defined(__x86_64__) && defined(__GNUC__)
    /* tzcnt written out: gcc clears the destination before each of its
     * own (against a false dependency that CPUs since Skylake do not
     * have); for a nonzero x, a CPU without BMI runs it as bsf, with the
     * same result */
    uint64_t r;
    __asm__("tzcnt %1, %0" : "=r"(r) : "r"(x) : "cc");
    return r;
#else
    return (unsigned)__builtin_ctzll(x);
#endif
}

/* The end of the ASCII run of letters and digits that reaches the end of
 * block b - 1: the first byte that is none from block b on (the block
 * after the last has every bit of `other` set). */
static size_t run_end(const fl_word_block *blk, size_t b)
{
    uint64_t x;
    while (!(x = blk[b].other))
        b++;
    return 64 * b + bit_index(x);
}

/* How fill_words makes its masks and walks their bits (a constant where
 * it is inlined): with SSE2 or AVX2 (mx->avx2) and the plain instructions;
 * with AVX2, BMI1 and BMI2 (walk_fast); with AVX-512BW too (walk_wide). */
enum { WALK_PLAIN, WALK_FAST, WALK_WIDE };
/* walk_wide where the CPU has AVX-512BW, VBMI and VBMI2 (asked at run time);
 * FL_NO_AVX512 keeps walk_fast (so its tests can run on such a CPU) */
#if defined(FL_BLOCK_AVX2) && !defined(FL_NO_AVX512)
#define FL_BLOCK_AVX512 1
#endif

/* The masks of the nb blocks of the sentence t[0..len) into blk (past
 * len as if zero: read up to t + avail, the end of the prose, else from a
 * padded copy), and its runs of ASCII digits into digits (see
 * fl_mx); returns their number. With `avx2` (a constant where it is
 * inlined), block_masks_avx2 makes the masks. */
static inline __attribute__((always_inline)) size_t
mask_pass(const unsigned char *t, size_t len, size_t avail, size_t nb, fl_word_block *blk,
          uint32_t *digits, uint64_t *acronym_may, uint64_t *high_any, bool avx2)
{
    size_t nd = 0; /* the runs' edges */
    uint64_t carry = 0, dcarry = 0, acr = 0, hi = 0;
    unsigned char pad[64];
#ifdef FL_BLOCK_AVX2
    const unsigned char(*mc)[32] = mask_consts;
    __asm__("" : "+r"(mc)); /* (see mask_consts) */
#endif
    for (size_t b = 0; b < nb; b++) {
        uint64_t a, s, m[3]; /* m: upper, digit, high */
        const unsigned char *from = t + 64 * b;
        /* only the last block may be partial, and only at the end of the
         * prose is it copied (a call, kept out of the way of the others) */
        const bool partial = b + 1 == nb && 64 * b + 64 > len;
        if (partial && __builtin_expect(64 * b + 64 > avail, 0)) {
            memset(pad, 0, sizeof pad);
            memcpy(pad, from, len - 64 * b);
            from = pad;
        }
#ifdef FL_BLOCK_AVX2
        if (avx2)
            block_masks_avx2(from, &a, &s, m, mc);
        else
#endif
            block_masks(from, &a, &s, m);
        if (partial) {
            /* the bytes past the sentence as if zero (before the block's
             * masks are stored: one store each) */
            const uint64_t keep = ((uint64_t)1 << (len - 64 * b)) - 1;
            a &= keep;
            s &= keep;
            m[0] &= keep;
            m[1] &= keep;
            m[2] &= keep;
        }
        const uint64_t d = m[1];
        blk[b].upper = m[0];
        blk[b].digit = d;
        blk[b].high = m[2];
        hi |= m[2];
        const uint64_t after_a = (a << 1) | carry, after_d = (d << 1) | dcarry;
        carry = a >> 63;
        dcarry = d >> 63;
        blk[b].other = ~a;
        blk[b].event = (a & ~after_a) | s;
        /* a capital before a capital or a byte that is no ASCII letter or
         * digit (the byte after the block's last by its own bits: a
         * capital, so kept): a name mark that may start an acronym */
        acr |= m[0] & (uint64_t)((int64_t)(~a | m[0]) >> 1);
        /* the runs' edges (starts and ends, which alternate through the
         * sentence: a run's start, then its end) in one loop */
        for (uint64_t edges = d ^ after_d; edges; edges &= edges - 1)
            digits[nd++] = (uint32_t)(64 * b + bit_index(edges));
    }
    if (nd & 1) /* the last run reaches the end */
        digits[nd++] = (uint32_t)len;
    (void)avx2;
    *acronym_may = acr;
    *high_any = hi;
    return nd / 2;
}

static size_t mask_pass_sse(const unsigned char *t, size_t len, size_t avail, size_t nb,
                            fl_word_block *blk, uint32_t *digits, uint64_t *acronym_may,
                            uint64_t *high_any)
{
    return mask_pass(t, len, avail, nb, blk, digits, acronym_may, high_any, false);
}

#ifdef FL_BLOCK_AVX2
__attribute__((target("avx2"))) static size_t
mask_pass_avx2(const unsigned char *t, size_t len, size_t avail, size_t nb, fl_word_block *blk,
               uint32_t *digits, uint64_t *acronym_may, uint64_t *high_any)
{
    return mask_pass(t, len, avail, nb, blk, digits, acronym_may, high_any, true);
}

#ifdef FL_BLOCK_AVX512
#define WIDE_TARGET "avx512f,avx512bw,avx512vbmi,avx512vbmi2,bmi,bmi2"

/* Lists base + i for each set bit i of bits at out, in order, and returns
 * their number: one compress of the bits' places instead of a loop with
 * a branch a bit (whose exit the CPU mispredicts when the count varies).
 * The first 16 in one store of 16 entries (those past the count are
 * garbage: out needs room for 16); with `flags`, the entries of the bits
 * also set in `flagged` get FL_NAME_MARK_JOINED. */
__attribute__((target(WIDE_TARGET))) static inline size_t
list_bits_wide(uint32_t *out, uint64_t bits, uint64_t flagged, uint32_t base, const bool flags)
{
    const __m512i iota = _mm512_set_epi8(
        63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41,
        40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18,
        17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    __m512i at, first;
    if (flags) {
        /* a flagged place with its top bit set, which the sign extension
         * carries to bit 31 (the mask keeps it and the place) */
        at = _mm512_maskz_compress_epi8(
            bits, _mm512_mask_mov_epi8(iota, flagged,
                                       _mm512_or_si512(iota, _mm512_set1_epi8((char)0x80))));
        first = _mm512_and_si512(_mm512_cvtepi8_epi32(_mm512_castsi512_si128(at)),
                                 _mm512_set1_epi32((int)(FL_NAME_MARK_JOINED | 0x7Fu)));
    } else {
        at = _mm512_maskz_compress_epi8(bits, iota);
        first = _mm512_cvtepu8_epi32(_mm512_castsi512_si128(at));
    }
    _mm512_storeu_si512(out, _mm512_add_epi32(first, _mm512_set1_epi32((int)base)));
    const size_t n = (size_t)__builtin_popcountll(bits);
    if (__builtin_expect(n > 16, 0)) {
        /* the rest one by one: the bits past the first 16 */
        uint64_t rest = bits & ~_pdep_u64(0xFFFF, bits);
        for (size_t k = 16; rest; rest &= rest - 1, k++) {
            const size_t i = bit_index(rest);
            out[k] = (base + (uint32_t)i) | (flags ? (uint32_t)((flagged >> i) & 1) << 31 : 0u);
        }
    }
    return n;
}

/* Of the name marks `at` of the ASCII block at p (at offset base of the
 * sentence), those that get FL_NAME_MARK_JOINED (see joiner_byte): the
 * byte before each read by one masked load (in the first block, from p
 * and shifted: the sentence's first byte has none before it). */
__attribute__((target(WIDE_TARGET))) static inline uint64_t joined_wide(const unsigned char *p,
                                                                        uint64_t at, size_t base)
{
    const unsigned first = base == 0;
    const __m512i x = _mm512_maskz_loadu_epi8(at >> first, p + first - 1);
    return (_mm512_movepi8_mask(x) | _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('-')) |
            _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('\'')))
           << first;
}

/* spelled_third again, by a hash of the pair (a & 31, b & 31) that
 * parts the eleven (-Woverride-init, in -Wextra, fails the build should
 * two meet): rows_wide reads it with a permute, for the words whose row
 * of heads has FL_HEAD_SPELLED (which only these pairs have) */
#define SPELLED_HASH(a, b) (((((a)&31u) * 44u + ((b)&31u)) >> 2) & 15u)
#define THIRD(c) (1u << ((c)&31))
#define HASHED(a, b, third) [SPELLED_HASH(a, b)] = (third),
static const uint32_t spelled_third16[16] __attribute__((aligned(64))) = {SPELLED_THIRDS(HASHED)};
#undef HASHED
#undef THIRD

/* Each place q (the low byte of a 32-bit lane) in the four bytes of its
 * lane; the places q, q + 1, q + 2 and q + 3 (byte permutes' indexes). */
__attribute__((target(WIDE_TARGET))) static inline __m512i spread4(__m512i q)
{
    return _mm512_shuffle_epi8(q, _mm512_set4_epi32(0x0C0C0C0C, 0x08080808, 0x04040404, 0));
}
__attribute__((target(WIDE_TARGET))) static inline __m512i head_at(__m512i q)
{
    return _mm512_add_epi8(spread4(q), _mm512_set1_epi32(0x03020100));
}

/* The four bytes of the block x from each place q (a 32-bit lane each,
 * below 64) on, each byte moved by the byte of `step` (0x03020100: the
 * place and the three after it), by one byte permute (VBMI). A place
 * past the block wraps to its start: no test reads such a byte (a word
 * that ends in the block has its bytes, and the one after it, in it). */
__attribute__((target(WIDE_TARGET))) static inline __m512i dwords_at(__m512i q, __m512i x,
                                                                     uint32_t step)
{
    return _mm512_permutexvar_epi8(_mm512_add_epi8(spread4(q), _mm512_set1_epi32((int)step)), x);
}

/* What walk_wide's block step reads through words_wide, the same for
 * every block of a document. */
typedef struct wide_tables {
    const uint32_t *head_pairs; /* fl_word_table's */
    const uint32_t *role;       /* the role words' sketch, as 32-bit words */
    const uint32_t *by_len;     /* head_words (the same from 15 on) */
} wide_tables;

/* Of words_wide: 16 words (the first n of them live) from their starts
 * and stops in the block x, all at once: each one's first four bytes
 * picked from x (the first two, masked, its key: see fl_word_head), its
 * row of heads (gathered) masked by its length's head_words, then what
 * fill_words' NOTE_MARK and SPELLED_AT ask of it (fl_word_sketch and the
 * role words' filter bit, the spelled numbers' third letter). Returns
 * the marks as bits by number; those that pass the third letter in
 * *spelled (fl_spelled_start left to the caller), and the starts in at. */
__attribute__((target(WIDE_TARGET), always_inline)) static inline uint32_t
rows_wide(__m128i starts, __m128i stops, size_t n, __m512i x, const wide_tables *wt,
          uint32_t at[16], uint32_t *spelled)
{
    const __mmask16 live = (__mmask16)_bzhi_u32(0xFFFF, (unsigned)(n < 16 ? n : 16));
    const __m512i from = _mm512_cvtepu8_epi32(starts), to = _mm512_cvtepu8_epi32(stops),
                  len = _mm512_sub_epi32(to, from), low5 = _mm512_set1_epi32(31),
                  one = _mm512_set1_epi32(1);
    /* fl_word_sketch: the first four bytes and the last four of a word
     * of four or more, else its first, middle and last */
    const __m512i head4 = dwords_at(from, x, 0x03020100u),
                  tail4 = dwords_at(to, x, 0xFFFEFDFCu); /* (-4, -3, -2, -1) */
    const __m512i key = _mm512_and_si512(head4, _mm512_set1_epi32(0x1F7F));
    const __m512i row = _mm512_and_si512(
        _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), live, key, wt->head_pairs, 4),
        _mm512_permutexvar_epi32(_mm512_min_epu32(len, _mm512_set1_epi32(15)),
                                 _mm512_loadu_si512(wt->by_len)));
    _mm512_storeu_si512(at, from);
    const __mmask16 long_word = _mm512_cmpge_epu32_mask(len, _mm512_set1_epi32(4));
    /* a shorter word's last, middle and first bytes by one more byte
     * permute: places from + len - 1, from + 1, from (len + 0xFF is
     * 0x100 + len - 1: no carry), the fourth byte cleared (the middle is
     * the second byte for two and three; a word of one is never a mark) */
    const __m512i short_at =
        _mm512_add_epi32(spread4(from), _mm512_add_epi32(len, _mm512_set1_epi32(0xFF)));
    const __m512i firsts =
        _mm512_permutexvar_epi8(_mm512_mask_blend_epi32(long_word, short_at, head_at(from)), x);
    const __m512i case_bits = _mm512_set1_epi32(0x20202020);
    const __m512i lo =
        _mm512_xor_si512(_mm512_or_si512(_mm512_mask_and_epi32(firsts, (__mmask16)~long_word,
                                                               firsts, _mm512_set1_epi32(0xFFFFFF)),
                                         case_bits),
                         len);
    const __m512i hi = _mm512_or_si512(_mm512_maskz_mov_epi32(long_word, tail4), case_bits);
    /* the top 12 bits of the low 64 of (hi:lo) * K from 32-bit products
     * (no AVX512DQ): the high half of lo * K's low half, plus the low
     * halves of hi * K's low half and of lo * K's high half */
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    const __m512i k_lo = _mm512_set1_epi64((long long)(k & 0xFFFFFFFFu));
    const __m512i even = _mm512_srli_epi64(_mm512_mul_epu32(lo, k_lo), 32),
                  odd = _mm512_mul_epu32(_mm512_srli_epi64(lo, 32), k_lo);
    const __m512i top = _mm512_add_epi32(
        _mm512_mask_blend_epi32(0xAAAA, even, odd),
        _mm512_add_epi32(_mm512_mullo_epi32(hi, _mm512_set1_epi32((int)(uint32_t)k)),
                         _mm512_mullo_epi32(lo, _mm512_set1_epi32((int)(uint32_t)(k >> 32)))));
    const __m512i sk = _mm512_srli_epi32(top, 20);
    const __mmask16 may_mark = _mm512_mask_test_epi32_mask(live, row, _mm512_set1_epi32(0x7FFF));
    const __m512i role_bits =
        _mm512_srlv_epi32(_mm512_mask_i32gather_epi32(_mm512_setzero_si512(), may_mark,
                                                      _mm512_srli_epi32(sk, 5), wt->role, 4),
                          _mm512_and_si512(sk, low5));
    const __mmask16 honorific = _mm512_test_epi32_mask(row, _mm512_set1_epi32(FL_HEAD_HONORIFIC)),
                    role_word = _mm512_test_epi32_mask(role_bits, one);
    /* a spelled number's third letter (SPELLED_AT's table, by
     * SPELLED_HASH) */
    const __mmask16 may_spell =
        _mm512_mask_test_epi32_mask(live, row, _mm512_set1_epi32(FL_HEAD_SPELLED));
    /* (its a * 44 + b by one multiply-add of the key's bytes into 16 bits) */
    const __m512i hash =
        _mm512_srli_epi32(_mm512_maddubs_epi16(_mm512_and_si512(key, _mm512_set1_epi32(0x1F1F)),
                                               _mm512_set1_epi32(0x012C)),
                          2);
    const __m512i third_bits =
        _mm512_srlv_epi32(_mm512_permutexvar_epi32(hash, _mm512_load_si512(spelled_third16)),
                          _mm512_and_si512(_mm512_srli_epi32(head4, 16), low5));
    *spelled = _mm512_mask_test_epi32_mask(may_spell, third_bits, one);
    return may_mark & (honorific | role_word);
}

/* fill_words' step over the words of an ASCII block (at t + base, of
 * the sentence's len bytes) that end in it, for walk_wide, without a
 * branch a word: the first n of its starts st, which its ends close in
 * order. Their starts and ends listed by a compress each, each one's
 * end stored at its start in w (a scatter), and their tests for 16
 * words at once (rows_wide). Returns the marks among them (by
 * place in the block); ORs the starts of the spelled numbers into
 * *spelled; the start of the word that does not end in the block (if
 * any) in *left. */
__attribute__((target(WIDE_TARGET))) static inline uint64_t
words_wide(const unsigned char *t, size_t len, size_t base, uint64_t st, uint64_t ends, uint32_t *w,
           const wide_tables *wt, uint64_t *spelled, uint64_t *left)
{
    const __m512i iota = _mm512_set_epi8(
        63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41,
        40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18,
        17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    const size_t n = (size_t)__builtin_popcountll(ends), rest = len - base;
    const __m512i starts = _mm512_maskz_compress_epi8(st, iota),
                  stops = _mm512_maskz_compress_epi8(ends, iota);
    *left = st & ~_pdep_u64(_bzhi_u64(~0ull, (unsigned)n), st);
    /* the block's bytes (none past the sentence's NUL: a word that ends
     * in the block has the bytes its tests read before its end) */
    const __m512i x =
        _mm512_maskz_loadu_epi8(_bzhi_u64(~0ull, (unsigned)(rest < 64 ? rest : 64)), t + base);
    const __m512i vbase = _mm512_set1_epi32((int)base);
    uint32_t at[32], sp;
    _mm512_mask_i32scatter_epi32(
        w + base, (__mmask16)_bzhi_u32(0xFFFF, (unsigned)(n < 16 ? n : 16)),
        _mm512_cvtepu8_epi32(_mm512_castsi512_si128(starts)),
        _mm512_add_epi32(_mm512_cvtepu8_epi32(_mm512_castsi512_si128(stops)), vbase), 4);
    uint32_t marked =
        rows_wide(_mm512_castsi512_si128(starts), _mm512_castsi512_si128(stops), n, x, wt, at, &sp);
    if (__builtin_expect(n > 16, 0)) { /* (at most 32 words end in a block) */
        const __m128i starts1 = _mm512_extracti32x4_epi32(starts, 1),
                      stops1 = _mm512_extracti32x4_epi32(stops, 1);
        uint32_t more;
        _mm512_mask_i32scatter_epi32(w + base, (__mmask16)_bzhi_u32(0xFFFF, (unsigned)(n - 16)),
                                     _mm512_cvtepu8_epi32(starts1),
                                     _mm512_add_epi32(_mm512_cvtepu8_epi32(stops1), vbase), 4);
        marked |= rows_wide(starts1, stops1, n - 16, x, wt, at + 16, &more) << 16;
        sp |= more << 16;
    }
    for (; sp; sp &= sp - 1) { /* (few: their third letter passed) */
        const size_t i = at[bit_index(sp)], p = base + i;
        if (fl_spelled_start((const char *)t + p, len - p))
            *spelled |= 1ull << i;
    }
    return _pdep_u64(marked, st);
}

/* mask_pass with AVX-512BW, for walk_wide: the 64 bytes of a block in one
 * register and each test straight into a mask register, no halves to
 * join; the last block read by a masked load, which reads nothing past
 * the sentence (no padded copy) and leaves its bytes zero (no masks to
 * clear); the runs' edges listed by list_bits_wide while there is room
 * for its store (digits_room entries). */
__attribute__((target(WIDE_TARGET))) static inline size_t
mask_pass_avx512(const unsigned char *t, size_t len, size_t nb, fl_word_block *blk,
                 uint32_t *digits, size_t digits_room, uint64_t *acronym_may, uint64_t *high_any)
{
    size_t nd = 0; /* the runs' edges */
    uint64_t carry = 0, dcarry = 0, acr = 0, hi = 0;
    const __m512i case_bit = _mm512_set1_epi8(0x20), a_lo = _mm512_set1_epi8('a'),
                  a_n = _mm512_set1_epi8(26), d_lo = _mm512_set1_epi8('0'),
                  d_n = _mm512_set1_epi8(10), comma = _mm512_set1_epi8(','),
                  lead = _mm512_set1_epi8((char)0xC0);
    for (size_t b = 0; b < nb; b++) {
        const size_t rest = len - 64 * b;
        const __mmask64 in = _bzhi_u64(~0ull, (unsigned)(rest < 64 ? rest : 64));
        const __m512i x = _mm512_maskz_loadu_epi8(in, t + 64 * b);
        /* range tests as unsigned compares of x - lo against the range's
         * size */
        const __mmask64 is_d = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, d_lo), d_n);
        const __mmask64 is_l =
            _mm512_cmplt_epu8_mask(_mm512_sub_epi8(_mm512_or_si512(x, case_bit), a_lo), a_n);
        /* a capital: a letter without the case bit */
        const uint64_t u = _mm512_mask_testn_epi8_mask(is_l, x, case_bit);
        const uint64_t s = _mm512_cmpeq_epi8_mask(x, comma) | _mm512_cmpge_epu8_mask(x, lead);
        const uint64_t d = is_d, a = is_l | is_d;
        blk[b].upper = u;
        blk[b].digit = d;
        const uint64_t h = _mm512_movepi8_mask(x);
        blk[b].high = h;
        hi |= h;
        const uint64_t after_a = (a << 1) | carry, after_d = (d << 1) | dcarry;
        carry = a >> 63;
        dcarry = d >> 63;
        blk[b].other = ~a;
        blk[b].event = (a & ~after_a) | s;
        /* (see mask_pass) */
        acr |= u & (uint64_t)((int64_t)(~a | u) >> 1);
        const uint64_t edges = d ^ after_d;
        if (__builtin_expect(nd + 16 <= digits_room, 1))
            nd += list_bits_wide(digits + nd, edges, 0, (uint32_t)(64 * b), false);
        else
            for (uint64_t e = edges; e; e &= e - 1)
                digits[nd++] = (uint32_t)(64 * b + bit_index(e));
    }
    if (nd & 1) /* the last run reaches the end */
        digits[nd++] = (uint32_t)len;
    *acronym_may = acr;
    *high_any = hi;
    return nd / 2;
}
#endif /* FL_BLOCK_AVX512 */
#endif

/* Fills mx->wend and the sentence's word lists (see fl_mx): every
 * extractor walks the sentence word by word, so the words are found once
 * here, from bit masks of the sentence's bytes (fl_word_block). Off for
 * sentences over FL_WEND_MAX bytes, which keeps the tables small. */
enum { FL_WEND_MAX = 1 << 20 };

/* Whether p lies in mx->scratch (then it is not freed on its own). */
static inline bool in_scratch(const fl_mx *mx, const void *p)
{
    const uintptr_t at = (uintptr_t)p, from = (uintptr_t)mx->scratch;
    return p && at >= from && at - from < mx->scratch_size;
}

/* Frees p unless it lies in mx->scratch. */
static void scratch_free(const fl_mx *mx, void *p)
{
    if (!in_scratch(mx, p))
        free(p); // NOLINT(clang-analyzer-unix.Malloc): not in the scratch block
}

/* realloc() for an array that may lie in mx->scratch (then moved to a
 * block of its own, `used` bytes copied). */
static void *scratch_regrow(const fl_mx *mx, void *old, size_t used, size_t bytes)
{
    if (!in_scratch(mx, old))
        return realloc(old, bytes);
    void *p = malloc(bytes);
    if (p && used)
        memcpy(p, old, used);
    return p;
}

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* The first letter or digit of the sentence, which is its first word
 * start (s_end when none). */
static size_t first_word_of(const fl_mx *mx)
{
    size_t i = mx->s_off;
    while (i < mx->s_end && !fl_mx_alnum_at(mx, i))
        i++;
    return i;
}

/* The bytes after which a name mark gets FL_NAME_MARK_JOINED: '-', '\''
 * and every byte past ASCII (the last of U+2019, and any other, which
 * fl_extract_names' skip to a mark would otherwise test). */
static const uint32_t joiner_byte[256] = {['-'] = FL_NAME_MARK_JOINED,
                                          ['\''] = FL_NAME_MARK_JOINED,
                                          [0x80 ... 0xFF] = FL_NAME_MARK_JOINED};

/* fl_head_lengths(wl) by wl, to 63 (the same for longer words) */
#define HL4(n)                                                                                     \
    FL_HEAD_LENGTHS(n), FL_HEAD_LENGTHS((n) + 1), FL_HEAD_LENGTHS((n) + 2), FL_HEAD_LENGTHS((n) + 3)
#define HL16(n) HL4(n), HL4((n) + 4), HL4((n) + 8), HL4((n) + 12)
static const uint32_t head_lengths[64] = {HL16(0), HL16(16), HL16(32), HL16(48)};
/* head_lengths without FL_HEAD_DIGIT, by the length of a word in a block
 * (up to 64) */
#define HW(n) (FL_HEAD_LENGTHS(n) & ~(uint32_t)FL_HEAD_DIGIT)
#define HW4(n) HW(n), HW((n) + 1), HW((n) + 2), HW((n) + 3)
#define HW16(n) HW4(n), HW4((n) + 4), HW4((n) + 8), HW4((n) + 12)
enum { HEAD_WORDS_N = 65 };
static const uint32_t head_words[HEAD_WORDS_N] = {HW16(0), HW16(16), HW16(32), HW16(48), HW(64)};
#undef HW16
#undef HW4
#undef HW
#undef HL16
#undef HL4

/* What fill_words reads of mx that stays the same through a document:
 * read once before the sentences (see walk_body), not once a sentence from
 * an mx that the extractors' calls may have written. */
typedef struct fill_consts {
    uint32_t *w; /* wend_store */
    uint32_t *numbers, *digits, *marks, *names;
    fl_word_block *blk;
    fl_number_memo *memo;
    const fl_word_table *words;
    const uint64_t *role_sketch; /* words->sketch[1] (FL_WC_ROLE) */
    const char *text;
    size_t prose_len;
    /* the entries of digits, names and marks */
    size_t digits_room, names_room, marks_room;
} fill_consts;

static inline fill_consts fill_consts_of(const fl_mx *mx)
{
    return (fill_consts){.w = mx->wend_store,
                         .numbers = mx->numbers_store,
                         .digits = mx->digits_store,
                         .marks = mx->marks_store,
                         .names = mx->name_marks_store,
                         .blk = mx->blocks,
                         .memo = mx->number_memo,
                         .words = mx->words_table,
                         .role_sketch = mx->words_table->sketch[1],
                         .text = mx->text,
                         .prose_len = mx->doc->prose.len,
                         .digits_room = 2 * mx->words_cap,
                         .names_room = mx->words_cap,
                         .marks_room = mx->wend_cap};
}

/* Fills the word tables of the sentence (see above), dc from
 * fill_consts_of(mx); `fast`, a WALK_* (a constant where it is inlined):
 * from WALK_FAST, for a CPU with AVX2, BMI1 and BMI2, the masks made in
 * line and the bit loops in their instructions (see walk_fast); with
 * WALK_WIDE, AVX-512's masks and lists, and the words of each ASCII
 * block tested 16 at a time without a branch a word (words_wide). */
static inline __attribute__((always_inline)) bool fill_words(fl_mx *mx, const int fast,
                                                             const fill_consts *dc)
{
    size_t len = mx->s_end - mx->s_off;
    /* (nothing below reads mx->wend, the last sentence's table, before it
     * is set for this one) */
    if (len > FL_WEND_MAX) {
        /* no tables: the extractors walk the bytes */
        mx->wend = NULL;
        mx->numbers = mx->digits = mx->marks = mx->name_marks = NULL;
        mx->number_count = mx->digit_run_count = mx->mark_count = 0;
        mx->name_mark_count = 0;
        mx->acronym_may = ~(uint64_t)0; /* (no masks to tell) */
        mx->first_word = first_word_of(mx);
        return true;
    }
    /* the blocks, and one of zeros after them (room made by
     * scratch_reserve for the document's longest sentence) */
    const size_t nb = (len + 63) / 64;
    uint32_t *w = dc->w;
    /* head_words, copied just before the word ends by scratch_reserve:
     * the word loop reads it from w, which it holds, instead of making
     * the table's address for each word */
    const uint32_t *const w_heads = w - HEAD_WORDS_N;
    uint32_t *numbers = dc->numbers, *digits = dc->digits;
    uint32_t *marks = dc->marks, *names = dc->names;
    fl_word_block *blk = dc->blk;
    fl_number_memo *memo = dc->memo;
    size_t nn = 0, nd = 0, nm = 0, nnm = 0;
    /* the name marks that may start an acronym (see acronym_may) */
    uint64_t acr, high_any;
    uint64_t mark_words = 0; /* (see fl_mx) */
    const uint64_t *role_sketch = dc->role_sketch;
#ifdef FL_BLOCK_AVX512
    const wide_tables wt = {.head_pairs = dc->words->head_pairs,
                            .role = (const uint32_t *)(const void *)role_sketch,
                            .by_len = w_heads};
#endif
    const fl_word_table *words = dc->words;
    const unsigned char *t = (const unsigned char *)dc->text + mx->s_off;

    /* the masks, and the runs of ASCII digits from their edges */
    const size_t avail = dc->prose_len - mx->s_off;
#ifdef FL_BLOCK_AVX2
#ifdef FL_BLOCK_AVX512
    if (fast == WALK_WIDE)
        nd = mask_pass_avx512(t, len, nb, blk, digits, dc->digits_room, &acr, &high_any);
    else
#endif
        if (fast)
        nd = mask_pass(t, len, avail, nb, blk, digits, &acr, &high_any, true);
    else
        nd = mx->avx2 ? mask_pass_avx2(t, len, avail, nb, blk, digits, &acr, &high_any)
                      : mask_pass_sse(t, len, avail, nb, blk, digits, &acr, &high_any);
#else
    nd = mask_pass_sse(t, len, avail, nb, blk, digits, &acr, &high_any);
    (void)fast;
#endif
    blk[nb] = (fl_word_block){~0ull, 0, 0, 0, 0};

/* a word start p (relative) that may start a number (a spelled one's
 * first three bytes are letters of its word, of wl bytes), or a name */
#define SPELLED_AT(c, p)                                                                           \
    (((spelled_third[((c)&31) * 32 + (t[(p) + 1] & 31)] >> (t[(p) + 2] & 31)) & 1u) &&             \
     fl_spelled_start((const char *)t + (p), len - (p)))
    /* (a new number's memo entry: its len and scale FL_NUMBER_UNREAD in one
     * store of all ones, which gcc otherwise made a load and a store) */
    _Static_assert(offsetof(fl_number_memo, scale) == offsetof(fl_number_memo, len) + 4 &&
                       FL_NUMBER_UNREAD == 0xFFFFFFFFu,
                   "PUSH_NUMBER_AT sets len and scale in one store");
#define PUSH_NUMBER_AT(p)                                                                          \
    do {                                                                                           \
        const uint64_t unread_ = ~(uint64_t)0; /* len and scale FL_NUMBER_UNREAD */                \
        memcpy((char *)&memo[nn] + offsetof(fl_number_memo, len), &unread_, sizeof unread_);       \
        numbers[nn++] = (uint32_t)(p);                                                             \
    } while (0)
#define NUMBER_AT(digit, may_spell, c, p)                                                          \
    do {                                                                                           \
        if ((digit) || ((may_spell) && SPELLED_AT(c, p)))                                          \
            PUSH_NUMBER_AT(p);                                                                     \
    } while (0)
#define PUSH_NUMBER(c, p, wl)                                                                      \
    do {                                                                                           \
        const unsigned fb_ = first_byte[c];                                                        \
        NUMBER_AT((fb_ & FB_DIGIT), (fb_ & FB_SPELLED) && (wl) >= 3, c, p);                        \
    } while (0)
#define PUSH_NAME(p)                                                                               \
    do {                                                                                           \
        names[nnm++] = (uint32_t)(p) | ((p) > 0 ? joiner_byte[t[(p)-1]] : 0u);                     \
    } while (0)

/* the ASCII word [p, e) of wl bytes (ASCII letters and digits up to
 * ascii_end), first byte c, whose row of heads masked with the bits of
 * its length (head_lengths) is `head` (nonzero): a title's word (by the
 * role words' sketch) or an honorific's (by its bit in the row: not every
 * capitalized M, S or D word of a role word's length and first letters,
 * which the titles' walk would turn away) is a mark, in mk; or a
 * number's */
#define NOTE_MARK(p, e, ascii_end, c, head, wl)                                                    \
    do {                                                                                           \
        if ((e) == (ascii_end) && ((head)&0x7FFFu)) {                                              \
            const unsigned sk_ = fl_word_sketch((const char *)t + (p), (wl));                      \
            if (((head)&FL_HEAD_HONORIFIC) || ((role_sketch[sk_ >> 6] >> (sk_ & 63)) & 1u)) {      \
                mk |= 1ull << ((p)-base);                                                          \
                mark_words = 1;                                                                    \
            }                                                                                      \
        }                                                                                          \
    } while (0)
#define NOTE_HEAD(p, e, ascii_end, c, head, wl)                                                    \
    do {                                                                                           \
        NOTE_MARK(p, e, ascii_end, c, head, wl);                                                   \
        NUMBER_AT((head)&FL_HEAD_DIGIT, (head)&FL_HEAD_SPELLED, c, p);                             \
    } while (0)

    /* k: where the next word may start (the words before it are read).
     * Each stop at or after k is the sentence start or follows a code
     * point that is no letter or digit: so an ASCII letter or digit after
     * no ASCII letter or digit is a word start. */
    size_t k = 0;
    for (size_t b = 0; b < nb; b++) {
        const size_t base = 64 * b;
        if (k >= base + 64)
            continue; /* inside a word */
        const fl_word_block *bk = &blk[b];
        const uint64_t from = k > base ? ~0ull << (k - base) : ~0ull;
        if (!bk->high) {
            /* ASCII only: each run of letters and digits from k is a word,
             * ending at the next end of a run (ends before k belong to the
             * word before), or past the block */
            const uint64_t a = ~bk->other, st = bk->event & a & from;
            uint64_t ends = bk->other & (a << 1) & (from << 1);
            uint64_t mk = bk->event & bk->other & from; /* commas */
            /* the words that end in the block, the n-th end closing the
             * n-th start; then the last, which reaches past it. A word
             * that may be a title's or an honorific's (see below) or a
             * number's is found by its first two bytes in one load, its
             * row of heads (zero for most words), and noted in `marked`
             * for a second loop: the loop over all words then holds few
             * values (and keeps them in registers). A word of one byte is
             * neither a mark nor spelled: of its row head_lengths keeps
             * FL_HEAD_DIGIT, set in every column of a digit's row, so the
             * byte after it may pick the column (at the end of the prose
             * its NUL: the prose is NUL-terminated, see fl_prose). A word
             * led by a digit is a number's (FL_HEAD_DIGIT): those are
             * found from the digit mask instead (head_words leaves the
             * bit out), with the spelled ones of `spelled`, in order. */
            uint64_t left = st, marked = 0, spelled = 0;
#ifdef FL_BLOCK_AVX512
            if (fast == WALK_WIDE) {
                const uint64_t marks_at =
                    words_wide(t, len, base, st, ends, w, &wt, &spelled, &left);
                mk |= marks_at;
                mark_words |= marks_at != 0;
            } else
#endif
            {
                /* the marked words' rows, masked, by place in the block:
                 * the second loop reads them here instead of loading them
                 * again */
                uint32_t rows[64];
                for (; ends; ends &= ends - 1, left &= left - 1) {
                    const size_t i = bit_index(left), p = base + i, e = base + bit_index(ends);
                    w[p] = (uint32_t)e;
                    k = e;
                    const uint32_t head = fl_word_head(words, t + p) & w_heads[e - p];
                    if (head) {
                        marked |= left & -left;
                        rows[i] = head;
                    }
                }
                for (; marked; marked &= marked - 1) {
                    const size_t i = bit_index(marked), p = base + i, e = w[p], wl = e - p;
                    const unsigned char c = t[p];
                    const uint32_t head = rows[i];
                    NOTE_MARK(p, e, e, c, head, wl);
                    if ((head & FL_HEAD_SPELLED) && SPELLED_AT(c, p))
                        spelled |= marked & -marked;
                }
            }
            /* (left holds the start of the word reaching past the block,
             * if any, which the test below reads) */
            for (uint64_t nums = (st & bk->digit & ~left) | spelled; nums; nums &= nums - 1)
                PUSH_NUMBER_AT(base + bit_index(nums));
            if (left) { /* one word at most: the last to start in the block */
                const size_t p = base + bit_index(left);
                size_t e = run_end(blk, b + 1);
                const size_t ascii_end = e;
                if (e < len && t[e] >= 0x80)
                    e = fl_mx_scan_word_end(mx, mx->s_off + e) - mx->s_off;
                const unsigned char c = t[p];
                const size_t wl = e - p;
                w[p] = (uint32_t)e;
                k = e;
                const uint32_t head = fl_word_head(words, t + p) & head_lengths[wl < 63 ? wl : 63];
                if (head)
                    NOTE_HEAD(p, e, ascii_end, c, head, wl);
            }
            /* names: a capital first, or a lower-case letter and a capital */
            /* (the next block's first capital: none in the block of zeros
             * after the last, nor past the sentence) */
            const uint64_t next_upper = bk->upper >> 1 | bk[1].upper << 63;
            const uint64_t name_at = st & (bk->upper | (~bk->digit & next_upper));
#ifdef FL_BLOCK_AVX512
            if (fast == WALK_WIDE && __builtin_expect(nnm + 16 <= dc->names_room, 1))
                nnm += list_bits_wide(names + nnm, name_at, joined_wide(t + base, name_at, base),
                                      (uint32_t)base, true);
            else
#endif
                for (uint64_t nmk = name_at; nmk; nmk &= nmk - 1) {
                    const size_t p = base + bit_index(nmk);
                    PUSH_NAME(p);
                }
#ifdef FL_BLOCK_AVX512
            if (fast == WALK_WIDE && __builtin_expect(nm + 16 <= dc->marks_room, 1))
                nm += list_bits_wide(marks + nm, mk, 0, (uint32_t)base, false);
            else
#endif
                for (; mk; mk &= mk - 1)
                    marks[nm++] = (uint32_t)(base + bit_index(mk));
            continue;
        }
        for (uint64_t ev = bk->event & from; ev;) {
            const size_t p = base + bit_index(ev);
            const unsigned char c = t[p];
            size_t e;
            if (c == ',') {
                marks[nm++] = (uint32_t)p;
                e = p + 1;
            } else if (c >= 0x80) {
                if (!fl_mx_alnum_slow(mx, mx->s_off + p)) {
                    e = p + 1;
                    goto next;
                }
                e = fl_mx_scan_word_end(mx, mx->s_off + p) - mx->s_off;
            } else {
                /* the end of the ASCII run (most end in this block), then
                 * maybe more */
                uint64_t x = bk->other >> (p & 63);
                size_t ascii_end = x ? p + bit_index(x) : run_end(blk, b + 1);
                e = ascii_end;
                if (e < len && t[e] >= 0x80)
                    e = fl_mx_scan_word_end(mx, mx->s_off + e) - mx->s_off;
                /* a word of 2 to 14 ASCII letters may be a title's or an
                 * honorific's (fl_extract_titles): by its first two bytes
                 * and length, then the role words' filter, or the first
                 * letters of the honorifics (a word with a digit passing
                 * them is neither, which title_word finds) */
                size_t wl = e - p;
                if (e == ascii_end && wl - 2 < 13 && ((fl_word_head(words, t + p) >> wl) & 1u)) {
                    unsigned sk = fl_word_sketch((const char *)t + p, wl);
                    if ((first_byte[c] & FB_MARK) || ((role_sketch[sk >> 6] >> (sk & 63)) & 1u))
                        marks[nm++] = (uint32_t)p;
                }
                w[p] = (uint32_t)e; /* fl_mx_word_end reads word starts only */
            }
            if (c != ',') {
                /* a word that may open a name (fl_extract_names): a capital or a
                 * byte past ASCII first, or a lower-case letter and a capital */
                const unsigned fb = first_byte[c];
                if ((fb & FB_NAME) ||
                    ((fb & FB_LOWER) && p + 1 < len && (unsigned)(t[p + 1] - 'A') < 26u))
                    PUSH_NAME(p);
                PUSH_NUMBER(c, p, e - p);
            }
        next:
            k = e;
            if (k >= base + 64)
                break;
            ev &= ~0ull << (k - base); /* k > p, so k > base here */
        }
    }
#undef PUSH_NUMBER
#undef PUSH_NAME
#undef NOTE_HEAD
#undef NOTE_MARK
#undef NUMBER_AT
#undef PUSH_NUMBER_AT
#undef SPELLED_AT
    mx->wend = w;
    /* the first word start: the first letter or digit, found from the
     * masks of the first block when it is ASCII and has one (not tracked
     * through the word loops, where it took a test a block) */
    const uint64_t alnum0 = ~blk[0].other;
    mx->first_word = !blk[0].high && alnum0 ? mx->s_off + bit_index(alnum0) : first_word_of(mx);
    /* the lists are where scratch_reserve put them, but after a
     * sentence too long for them */
    if (__builtin_expect(!mx->numbers, 0)) {
        mx->numbers = numbers;
        mx->digits = digits;
        mx->marks = marks;
        mx->name_marks = names;
    }
    mx->number_count = nn;
    mx->digit_run_count = nd;
    mx->mark_count = nm;
    mx->high_any = high_any;
    mx->mark_words = mark_words;
    names[nnm] = FL_NAME_MARK_END; /* past every entry */
    mx->name_mark_count = nnm;
    mx->acronym_may = acr;
    return true;
}

size_t fl_mx_next_word(const fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (at < mx->s_end && !fl_mx_word_start(mx, at) && fl_mx_alnum_at(mx, at))
        at = fl_mx_word_end(mx, at);
    const size_t end = mx->s_end;
    while (at < end) {
        unsigned char k = byte_class[t[at]];
        if (k == 0) {
            at++;
        } else if ((k & 1) || fl_mx_alnum_slow(mx, at)) {
            return at;
        } else {
            at++;
            while (at < mx->s_end && (t[at] & 0xC0) == 0x80)
                at++;
        }
    }
    return mx->s_end;
}

bool fl_mx_prev_word(const fl_mx *mx, size_t at, size_t *start, size_t *len)
{
    size_t i = at;
    while (i > mx->s_off && (mx->text[i - 1] == ' ' || mx->text[i - 1] == '\t' ||
                             mx->text[i - 1] == '\n' || mx->text[i - 1] == '\r'))
        i--;
    size_t e = i;
    const unsigned char *t = (const unsigned char *)mx->text;
    while (i > mx->s_off) {
        unsigned char k = byte_class[t[i - 1]];
        if (k & 1) { /* an ASCII letter or digit */
            i--;
            continue;
        }
        if (k == 0)
            break;
        size_t p = prev_cp_start(mx, i);
        if (!fl_mx_alnum_at(mx, p))
            break;
        i = p;
    }
    if (i == e)
        return false;
    *start = i;
    *len = e - i;
    return true;
}

size_t fl_mx_skip_space(const fl_mx *mx, size_t at)
{
    bool newline = false;
    while (at < mx->s_end) {
        char c = mx->text[at];
        if (c == ' ' || c == '\t') {
            at++;
        } else if ((c == '\n' || c == '\r') && !newline) {
            newline = c == '\n';
            at++;
        } else {
            break;
        }
    }
    return at;
}

/* ------------------------------------------------------------- context */

static const char *key_string(fl_doc *doc,
                              size_t (*fn)(const char *, size_t, unsigned, char *, size_t),
                              const char *s, size_t len, unsigned flags)
{
    char buf[256];
    size_t n = fn(s, len, flags, buf, sizeof buf);
    if (n < sizeof buf)
        return fl_arena_strndup(doc->arena, buf, n);
    char *big = fl_arena_alloc(doc->arena, n + 1);
    if (!big)
        return NULL;
    fn(s, len, flags, big, n + 1);
    return big;
}

static size_t family_fn(const char *s, size_t len, unsigned flags, char *out, size_t cap)
{
    (void)flags;
    return fl_family(s, len, out, cap);
}

/* One surface's keys, shared by every mention of it in the document. */
typedef struct fl_key_memo {
    uint64_t hash; /* first: fl_memo_index reads it */
    /* in fl_mention's order: fl_mx_add copies the four at once */
    const char *surface, *fold, *skeleton, *family;
    size_t len;
    /* fold flags, and KEY_CODE for a code (which has a family), KEY_NAMED
     * for a name or an acronym */
    unsigned tag;
    /* the fold's index among the document's distinct folds: interned for
     * names and acronyms only (KEY_NAMED: settle_document reads no other
     * kind's), FOLD_NONE for the other kinds */
    uint32_t fold_id;
    /* what settle_document reads in a name's surface, found once: SETTLE_*
     * and the fold id of its short form or surname */
    unsigned char settle;
    /* whether the surface has a space: SPACED_* (found once, by
     * settle_document) */
    unsigned char spaced;
    /* the start of the surface's last space-separated word, plus one (1:
     * no space), found where a surface of at most 64 bytes has its keys
     * made from the sentence's masks (fold_skeleton_plain); 0: not known
     * (settle_read looks) */
    unsigned char last_word;
    uint32_t settle_id;
} fl_key_memo;

enum { SPACED_UNKNOWN, SPACED_NO, SPACED_YES };
enum { FOLD_NONE = UINT32_MAX };

/* One distinct fold of the document's mentions: equal folds share one
 * string and one id (the entry's index). */
typedef struct fl_fold_entry {
    uint64_t hash; /* first: fl_memo_index reads it */
    const char *fold;
    size_t len;
} fl_fold_entry;

/* tags beyond the fold flags: a code's keys; a stem (in `fold`); a
 * mention that was in the document before extraction (never looked up);
 * a name's or an acronym's keys, whose fold is interned when they are
 * made (apart from the same surface's in other kinds, so that a surface
 * found needs no test of its fold id) */
enum {
    KEY_CODE = 0x80000000u,
    KEY_STEM = 0x40000000u,
    KEY_OLD = 0x20000000u,
    KEY_NAMED = 0x10000000u
};

enum { SETTLE_UNKNOWN, SETTLE_NONE, SETTLE_SHORT, SETTLE_SURNAME };

/* A hash of s[0..len) for the memo tables, eight bytes at a time. Up to
 * eight bytes it is one-to-one for a given seed and length (every byte is
 * in x, and each step after it can be undone: so equal hashes of equal
 * lengths are equal bytes, which the lookups need not compare: see
 * memo_same). */
static inline uint64_t memo_hash(const char *s, size_t len, uint64_t seed)
{
    uint64_t h = (seed + len) * 0x9E3779B97F4A7C15ull, x = 0;
    /* eight bytes at a time, the last eight (or the last 1 to 7 in two
     * loads) overlapping what came before, never past s + len: the length
     * is in the seed; most surfaces and folds have at most eight bytes,
     * which the hint keeps in line */
    if (__builtin_expect(len > 8, 0)) {
        const char *end = s + len - 8;
        for (; s < end; s += 8) {
            memcpy(&x, s, sizeof x);
            h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 31;
        }
        memcpy(&x, end, sizeof x);
    } else if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + len - 4, 4);
        x = (uint64_t)a << 32 | b;
    } else if (len) {
        x = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[len / 2] << 8 |
            (unsigned char)s[len - 1];
    }
    h = (h ^ x) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
}

/* Whether a memo entry's bytes `entry`, whose hash, seed and length
 * equal those of s[0..len), are s's: compared only past eight bytes (see
 * memo_hash). */
static inline bool memo_same(const char *entry, const char *s, size_t len)
{
    return len <= 8 || fl_bytes_eq(entry, s, len);
}

/* memcpy(dst, src, n) for the short strings of mention keys: up to
 * sixteen bytes in two overlapping loads and stores of each (no call),
 * never outside src[0..n) nor dst[0..n). */
static inline void copy_short(char *dst, const char *src, size_t n)
{
    if (n > 16) {
        memcpy(dst, src, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + n - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
    } else if (n) {
        const char a = src[0], b = src[n / 2], c = src[n - 1];
        dst[0] = a;
        dst[n / 2] = b;
        dst[n - 1] = c;
    }
}

/* Grows an index over `count` entries of `stride` bytes (each starting
 * with its hash) that is half full (key_grow, fold_grow): doubles it (or
 * makes its first capacity) and puts the entries back. */
static __attribute__((noinline)) bool index_grow(const fl_mx *mx, fl_memo_index *ix,
                                                 const void *entries, size_t stride, size_t count,
                                                 size_t first_cap)
{
    if (count >= UINT32_MAX / 2)
        return false;
    size_t cap = ix->cap ? ix->cap * 2 : first_cap;
    /* at most half full once the entries are back: the key memo's count
     * takes in the entries of mentions already in the document, which
     * are put back too (their tag matches no lookup) and may outnumber
     * the doubled index; with a full index the probes below would never
     * end */
    while (cap < 2 * (count + 1))
        cap *= 2;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < count; i++) {
        uint64_t h;
        memcpy(&h, (const char *)entries + i * stride, sizeof h);
        size_t k = (size_t)h & (cap - 1);
        while (slots[k])
            k = (k + 1) & (cap - 1);
        slots[k] = (uint32_t)(i + 1);
    }
    scratch_free(mx, ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    return true;
}

/* Makes room for one more element in a malloc'd array of *alloc
 * elements holding count: the array (moved when grown), or NULL when
 * out of memory (the old array is kept). */
static __attribute__((noinline)) void *array_grow(const fl_mx *mx, void *items, size_t *alloc,
                                                  size_t count, size_t size, size_t first)
{
    size_t cap = *alloc ? *alloc * 2 : first;
    void *grown = scratch_regrow(mx, items, count * size, cap * size);
    if (grown)
        *alloc = cap;
    return grown;
}

static inline void *array_reserve(const fl_mx *mx, void *items, size_t *alloc, size_t count,
                                  size_t size, size_t first)
{
    if (count < *alloc)
        return items;
    return array_grow(mx, items, alloc, count, size, first);
}

/* Looks s[0..len) up in the key memo under `tag`: the entry when known
 * (its index slot in *slot); else NULL with *slot the free slot to fill
 * (its hash in *hash): an add first makes room (key_room), which may move
 * it. */
static inline __attribute__((always_inline)) fl_key_memo *
find_key(fl_mx *mx, const char *s, size_t len, unsigned tag, uint64_t *hash, size_t *slot)
{
    /* the index has a free slot: every add leaves it at most half full
     * (key_room) */
    uint64_t h = memo_hash(s, len, tag);
    size_t mask = mx->key_index.cap - 1, k = (size_t)h & mask;
    for (;; k = (k + 1) & mask) {
        uint32_t v = mx->key_index.slots[k];
        if (!v)
            break;
        fl_key_memo *e = &mx->keys[v - 1];
        if (e->hash == h && e->len == len && e->tag == tag && memo_same(e->surface, s, len)) {
            *slot = k;
            return e;
        }
    }
    *hash = h;
    *slot = k;
    return NULL;
}

/* Makes room in the key index for one more entry (hash h), its free
 * slot found by find_key in *slot: when the index grows, *slot is found
 * again; and room in the memo for the entry and for as many as the index
 * holds at most half full (key_room). False when out of memory. */
static __attribute__((noinline)) bool key_grow(fl_mx *mx, uint64_t h, size_t *slot)
{
    if (!index_grow(mx, &mx->key_index, mx->keys, sizeof *mx->keys, mx->key_count, mx->memo_first))
        return false;
    const size_t mask = mx->key_index.cap - 1;
    size_t k = (size_t)h & mask;
    while (mx->key_index.slots[k])
        k = (k + 1) & mask;
    *slot = k;
    /* (the mentions that were in the document before have entries of
     * their own, not indexed: key_count may be past half the index) */
    while (mx->key_alloc <= mx->key_count || mx->key_alloc < mx->key_index.cap / 2) {
        fl_key_memo *keys = array_grow(mx, mx->keys, &mx->key_alloc, mx->key_count,
                                       sizeof *mx->keys, mx->memo_first / 4);
        if (!keys)
            return false;
        mx->keys = keys;
    }
    return true;
}

/* Makes room for one more key memo entry, indexed (see key_grow): the
 * memo has room for as many entries as the index holds at most half full
 * (key_alloc >= key_index.cap / 2, from scratch_reserve on), so one test
 * of the index makes room in both. */
static inline bool key_room(fl_mx *mx, uint64_t h, size_t *slot)
{
    return (mx->key_count + 1) * 2 <= mx->key_index.cap || key_grow(mx, h, slot);
}

/* Appends entry e to the key memo, in index slot `slot` (SIZE_MAX: not
 * indexed). NULL when out of memory. */
static inline fl_key_memo *add_key(fl_mx *mx, size_t slot, const fl_key_memo *e)
{
    if (slot != SIZE_MAX && !key_room(mx, e->hash, &slot))
        return NULL;
    fl_key_memo *keys = array_reserve(mx, mx->keys, &mx->key_alloc, mx->key_count, sizeof *mx->keys,
                                      mx->memo_first / 4);
    if (!keys)
        return NULL;
    mx->keys = keys;
    mx->keys[mx->key_count++] = *e;
    if (slot != SIZE_MAX)
        mx->key_index.slots[slot] = (uint32_t)mx->key_count;
    return &mx->keys[mx->key_count - 1];
}

/* Makes room for one more fold: grows the fold index (at most half
 * full), and the folds for as many as it holds so (fold_alloc >=
 * fold_index.cap / 2, from scratch_reserve on: one test of the index in
 * find_fold makes room in both). False when out of memory. */
static __attribute__((noinline)) bool fold_grow(fl_mx *mx)
{
    if (!index_grow(mx, &mx->fold_index, mx->folds, sizeof *mx->folds, mx->fold_count,
                    mx->memo_first))
        return false;
    while (mx->fold_alloc <= mx->fold_count || mx->fold_alloc < mx->fold_index.cap / 2) {
        fl_fold_entry *folds = array_grow(mx, mx->folds, &mx->fold_alloc, mx->fold_count,
                                          sizeof *mx->folds, mx->memo_first / 4);
        if (!folds)
            return false;
        mx->folds = folds;
    }
    return true;
}

/* Looks fold s[0..len) up among the interned folds: the interned copy
 * with its id in *id; else NULL, *id UINT32_MAX and, with `room` (room
 * made for one more fold), *slot the free index slot and *hash the hash
 * to add it with (add_fold), *slot SIZE_MAX when there is no room. */
static inline __attribute__((always_inline)) const char *find_fold(fl_mx *mx, const char *s,
                                                                   size_t len, bool room,
                                                                   uint64_t *hash, size_t *slot,
                                                                   uint32_t *id)
{
    *id = UINT32_MAX;
    *slot = SIZE_MAX;
    /* (the index has its first capacity from scratch_reserve on) */
    if (room && (mx->fold_count + 1) * 2 > mx->fold_index.cap && !fold_grow(mx))
        return NULL;
    uint64_t h = memo_hash(s, len, 0);
    size_t mask = mx->fold_index.cap - 1, k = (size_t)h & mask;
    for (;; k = (k + 1) & mask) {
        uint32_t v = mx->fold_index.slots[k];
        if (!v)
            break;
        const fl_fold_entry *e = &mx->folds[v - 1];
        if (e->hash == h && e->len == len && memo_same(e->fold, s, len)) {
            *id = v - 1;
            return e->fold;
        }
    }
    if (room) {
        *hash = h;
        *slot = k;
    }
    return NULL;
}

/* Adds fold `copy` (len bytes, to stay) in the slot find_fold gave; its
 * id. */
static inline uint32_t add_fold(fl_mx *mx, const char *copy, size_t len, uint64_t hash, size_t slot)
{
    uint32_t id = (uint32_t)mx->fold_count++;
    mx->folds[id] = (fl_fold_entry){hash, copy, len};
    mx->fold_index.slots[slot] = id + 1;
    return id;
}

/* The interned copy of fold s[0..len) and its id in *id. With `add`, a
 * fold not met before is copied into the arena (NULL when out of
 * memory); without, NULL and *id UINT32_MAX for a fold no mention has. */
static const char *intern_fold(fl_mx *mx, const char *s, size_t len, bool add, uint32_t *id)
{
    uint64_t h = 0;
    size_t k;
    const char *found = find_fold(mx, s, len, add, &h, &k, id);
    if (found || k == SIZE_MAX)
        return found;
    char *copy = fl_arena_strndup(mx->doc->arena, s, len);
    if (!copy)
        return NULL;
    *id = add_fold(mx, copy, len, h, k);
    return copy;
}

/* The fold of s[0..len) under `flags`, looked up or added (`add`) among
 * the interned folds: see intern_fold. */
static const char *fold_interned(fl_mx *mx, const char *s, size_t len, unsigned flags, bool add,
                                 uint32_t *id)
{
    char buf[256];
    size_t n = fl_fold(s, len, flags, buf, sizeof buf);
    if (n < sizeof buf)
        return intern_fold(mx, buf, n, add, id);
    char *big = malloc(n + 1);
    *id = UINT32_MAX;
    if (!big)
        return NULL;
    fl_fold(s, len, flags, big, n + 1);
    const char *r = intern_fold(mx, big, n, add, id);
    free(big);
    return r;
}

/* New surfaces' strings are cut from arena chunks of POOL_CHUNK bytes
 * (mx->pool), so that each costs no arena call. */
enum { POOL_CHUNK = 2048 };

/* The pool's next `room` bytes (at most POOL_CHUNK), a new chunk taken
 * when fewer are left; pool_take() keeps what is used of them. NULL when
 * out of memory. */
static inline char *pool_room(fl_mx *mx, size_t room)
{
    if (room > mx->pool_left) {
        char *chunk = fl_arena_alloc_uninit(mx->doc->arena, POOL_CHUNK);
        if (!chunk)
            return NULL;
        mx->pool = chunk;
        mx->pool_left = POOL_CHUNK;
    }
    return mx->pool;
}

static inline void pool_take(fl_mx *mx, size_t used)
{
    mx->pool += used;
    mx->pool_left -= used;
}

/* Fills the surface, fold (with fold_id) and skeleton of key memo entry e
 * for s[0..len) the long way: for a long surface, or one whose keys are
 * longer than it. False when out of memory. */
static __attribute__((noinline)) bool keys_long(fl_mx *mx, fl_key_memo *e, const char *s,
                                                size_t len, unsigned flags, bool named)
{
    fl_doc *doc = mx->doc;
    char fbuf[256], kbuf[256];
    size_t fn, kn = fl_fold_skeleton(s, len, flags, fbuf, sizeof fbuf, &fn, kbuf, sizeof kbuf);
    if (fn < sizeof fbuf && kn < sizeof kbuf) {
        /* the surface, a fold not met before and the skeleton in one
         * block; a skeleton equal to the fold is the fold */
        uint64_t fh = 0;
        size_t fk = SIZE_MAX;
        const char *fold = NULL;
        e->fold_id = FOLD_NONE;
        if (named) {
            fold = find_fold(mx, fbuf, fn, true, &fh, &fk, &e->fold_id);
            if (!fold && fk == SIZE_MAX)
                return false;
        }
        bool same = kn == fn && fl_bytes_eq(kbuf, fbuf, fn);
        size_t need = len + 1 + (fold ? 0 : fn + 1) + (same ? 0 : kn + 1);
        char *block = fl_arena_alloc_uninit(doc->arena, need);
        if (!block)
            return false;
        copy_short(block, s, len);
        block[len] = '\0';
        e->surface = block;
        block += len + 1;
        if (!fold) {
            copy_short(block, fbuf, fn + 1);
            fold = block;
            if (named)
                e->fold_id = add_fold(mx, block, fn, fh, fk);
            block += fn + 1;
        }
        e->fold = fold;
        if (same) {
            e->skeleton = fold;
        } else {
            copy_short(block, kbuf, kn + 1);
            e->skeleton = block;
        }
        return true;
    }
    e->surface = fl_arena_strndup(doc->arena, s, len);
    e->fold = fold_interned(mx, s, len, flags, true, &e->fold_id);
    e->skeleton = key_string(doc, fl_skeleton, s, len, flags);
    return e->surface && e->fold && e->skeleton;
}

/* The surface s[0..n) (n >= 1) into dst and with bit 5 of each byte set
 * (ASCII letters and spaces to their fold) into low: eight bytes at a
 * time, the last eight (or four) overlapping, never outside any. */
static inline void copy_lower(char *dst, char *low, const char *src, size_t n)
{
    if (n >= 8) {
        const uint64_t b5 = FL_BYTES_01 * 0x20;
        uint64_t x;
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, src + i, 8);
            memcpy(dst + i, &x, 8);
            x |= b5;
            memcpy(low + i, &x, 8);
        }
        memcpy(&x, src + n - 8, 8);
        memcpy(dst + n - 8, &x, 8);
        x |= b5;
        memcpy(low + n - 8, &x, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, src, 4);
        memcpy(&y, src + n - 4, 4);
        memcpy(dst, &x, 4);
        memcpy(dst + n - 4, &y, 4);
        x |= 0x20202020u;
        y |= 0x20202020u;
        memcpy(low, &x, 4);
        memcpy(low + n - 4, &y, 4);
    } else {
        for (size_t i = 0; i < n; i++) {
            dst[i] = src[i];
            low[i] = (char)(src[i] | 0x20);
        }
    }
}

/* Whether byte c is an ASCII letter. */
static inline bool ascii_letter(char c)
{
    return (unsigned)(((unsigned char)c | 0x20) - 'a') < 26u;
}

/* fl_fold_skeleton's first case read from the sentence's masks: for
 * s[0..len) of the current sentence, ASCII letters in words one space
 * apart (most names) in at most 64 bytes of its masks, and then maybe 's or
 * U+2019 s, which the fold drops (unless `flags` keep it), the surface
 * copied to surf[0..len), the fold (the words in lower case) into fold
 * (its length in *fn; fold has room for len + 1 bytes, and those past its
 * NUL are left as scratch) and the skeleton (the fold without the spaces)
 * into skel, both NUL-terminated, or only *same set when they are equal (no
 * space); returns the skeleton's length. SIZE_MAX for any other text
 * (nothing written), which fl_fold_skeleton folds. */
static inline size_t fold_skeleton_plain(const fl_mx *mx, const char *s, size_t len, unsigned flags,
                                         char *surf, char *fold, size_t *fn, char *skel, bool *same,
                                         unsigned char *last_word)
{
    /* most other surfaces start or end with a digit or a sign */
    if (!len || !ascii_letter(s[0]) || !ascii_letter(s[len - 1]) || !mx->wend ||
        s < mx->text + mx->s_off || s + len > mx->text + mx->s_end)
        return SIZE_MAX;
    /* the words: n bytes, before a possessive the fold drops (as
     * trim_inflection: after a letter, tested below) */
    size_t n = len;
    if (len >= 3 && (s[len - 1] | 0x20) == 's' && !(flags & FL_FOLD_KEEP_POSSESSIVE)) {
        if (s[len - 2] == '\'')
            n = len - 2;
        else if (len >= 5 && memcmp(s + len - 4, "\xE2\x80\x99", 3) == 0)
            n = len - 4;
        if (!ascii_letter(s[n - 1]))
            return SIZE_MAX;
    }
    const size_t r = (size_t)(s - mx->text) - mx->s_off, sh = r & 63;
    if (n > 64)
        return SIZE_MAX;
    const fl_word_block *bk = &mx->blocks[r / 64];
    const uint64_t m = ~(uint64_t)0 >> (64 - n); /* 1 <= n <= 64 */
    /* the bytes that are no ASCII letter, by their index in s: spaces
     * only (not first nor last, as tested), none after another; the
     * next block's masks too when s reaches into it (within the
     * sentence, so that block is filled) */
    uint64_t other = bk->other >> sh, digit = bk->digit >> sh;
    if (sh + n > 64) {
        other |= bk[1].other << (64 - sh);
        digit |= bk[1].digit << (64 - sh);
    }
    const uint64_t gaps = other & m;
    if ((digit & m) || (gaps & (gaps >> 1)))
        return SIZE_MAX;
    for (uint64_t g = gaps; g; g &= g - 1)
        if (s[__builtin_ctzll(g)] != ' ')
            return SIZE_MAX;
    /* the whole surface, possessive too: the fold ends at n (its bytes
     * past n + 1 go back to the pool) */
    copy_lower(surf, fold, s, len);
    fold[n] = '\0';
    *fn = n;
    *same = !gaps;
    /* (the possessive has no space) */
    *last_word = (unsigned char)(gaps ? 64 - __builtin_clzll(gaps) + 1 : 1);
    if (!gaps)
        return n;
    size_t kn = 0, from = 0;
    for (uint64_t g = gaps; g; g &= g - 1) {
        const size_t q = (size_t)__builtin_ctzll(g);
        copy_short(skel + kn, fold + from, q - from);
        kn += q - from;
        from = q + 1;
    }
    copy_short(skel + kn, fold + from, n - from);
    kn += n - from;
    skel[kn] = '\0';
    return kn;
}

#if defined(__SSE2__) && !defined(FL_NO_SIMD)
/* fl_fold_skeleton's fast path for the ASCII surfaces that
 * fold_skeleton_plain leaves (numbers, money, dates: "$5.2 billion",
 * "12%", "March 5, 2024"), in the 16 bytes at s, which the caller has
 * checked lie in the prose: s[0..len), 1 <= len <= 16, of ASCII letters,
 * digits and the bytes from ' ' to '?' or from '`' to DEL (bit 5 set:
 * setting it in every byte lowers the letters and leaves those), spaces
 * one apart and neither first nor last, and no s that trim_inflection
 * would cut. The fold is the surface in lower case; the skeleton is that
 * without its spaces, dashes and dots, and with the letters of each run
 * (between the other bytes but letters and digits) that mixes letters
 * and digits mapped to the digits they look like (normalize.c). Filled
 * as fold_skeleton_plain fills its keys, but for 16 bytes stored at
 * surf, fold and skel whatever len (the caller's room has them); the
 * skeleton's length, or SIZE_MAX for any other text. */
static inline size_t fold_skeleton_ascii(const char *s, size_t len, unsigned flags, char *surf,
                                         char *fold, size_t *fn, char *skel, bool *same)
{
    if (flags & FL_FOLD_NO_LUMP)
        return SIZE_MAX;
    /* trim_inflection cuts an s only after an apostrophe or U+2019 (past
     * ASCII: refused below) or, in a code, after a digit */
    if (len >= 3 && (s[len - 1] | 0x20) == 's' &&
        (s[len - 2] == '\'' || ((flags & FL_FOLD_CODE) && (unsigned)(s[len - 2] - '0') < 10u)))
        return SIZE_MAX;
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s),
                  low = _mm_or_si128(x, _mm_set1_epi8(0x20));
    const unsigned lm = (1u << len) - 1;
#define MASK_OF(v) ((unsigned)_mm_movemask_epi8(v) & lm)
/* range tests as block_masks makes them: v in [lo, lo + n) */
#define IN_RANGE(v, lo, n)                                                                         \
    _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - (lo)))),                             \
                   _mm_set1_epi8((char)((n)-128)))
    const unsigned letters = MASK_OF(IN_RANGE(low, 'a', 26));
    const unsigned digits = MASK_OF(IN_RANGE(x, '0', 10));
    /* bytes past ASCII, and those that bit 5 changes but letters */
    const unsigned refused = MASK_OF(_mm_andnot_si128(x, _mm_cmpeq_epi8(low, x))) ^ lm;
    const unsigned spaces = MASK_OF(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
    const unsigned sep = spaces | MASK_OF(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')),
                                                       _mm_cmpeq_epi8(x, _mm_set1_epi8('.'))));
#undef IN_RANGE
#undef MASK_OF
    if ((refused & ~letters) || (spaces & (1u | 1u << (len - 1) | spaces >> 1)))
        return SIZE_MAX;
    /* the letters of the runs that mix letters and digits */
    unsigned mapped = 0;
    if (letters && digits) {
        const unsigned keep = lm & ~(letters | digits | sep);
        for (unsigned rest = lm, k = keep;; k &= k - 1) {
            const unsigned bit = k & -k, run = rest & (bit - 1); /* bit 0: the last run */
            if ((run & letters) && (run & digits))
                mapped |= run & letters;
            if (!bit)
                break;
            rest &= ~(bit | (bit - 1));
        }
    }
    _mm_storeu_si128((__m128i *)(void *)surf, x);
    _mm_storeu_si128((__m128i *)(void *)fold, low);
    fold[len] = '\0';
    *fn = len;
    *same = !(sep | mapped);
    if (*same)
        return len;
    __m128i k = low;
    if (mapped) {
        /* each letter that may stand for a digit (b i l o s z) swapped for
         * it where mapped */
        const uint64_t spread = 0x0101010101010101ull, sel = 0x8040201008040201ull;
        const __m128i bits = _mm_set_epi64x((long long)((mapped >> 8) * spread & sel),
                                            (long long)((mapped & 0xFFu) * spread & sel)),
                      at = _mm_cmpeq_epi8(bits, _mm_set1_epi64x((long long)sel));
#define LOOKS(c, d)                                                                                \
    k = _mm_xor_si128(k, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(k, _mm_set1_epi8(c)), at),     \
                                       _mm_set1_epi8((c) ^ (d))))
        LOOKS('b', '8');
        LOOKS('i', '1');
        LOOKS('l', '1');
        LOOKS('o', '0');
        LOOKS('s', '5');
        LOOKS('z', '2');
#undef LOOKS
    }
    /* the separators taken out from the last: the bytes from each on
     * move down by one (lanes at or past q: 16 - q bytes of 0xFF) */
    static const unsigned char from_q[32] = {
        [16] = 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF,        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    };
    size_t kn = len;
    for (unsigned g = sep; g; kn--) {
        const unsigned q = 31u - (unsigned)__builtin_clz(g);
        const __m128i from = _mm_loadu_si128((const __m128i *)(const void *)(from_q + 16 - q));
        k = _mm_or_si128(_mm_andnot_si128(from, k), _mm_and_si128(from, _mm_srli_si128(k, 1)));
        g &= ~(1u << q);
    }
    _mm_storeu_si128((__m128i *)(void *)skel, k);
    skel[kn] = '\0';
    return kn;
}
#endif

/* The fold flags in a key memo entry's tag, and whether it is a name's
 * or an acronym's: new_mention_keys reads them from the entry where they
 * are needed (fewer values held across the folds). */
static inline unsigned tag_flags(const fl_key_memo *e)
{
    return e->tag & ~(KEY_CODE | KEY_NAMED);
}

static inline bool tag_named(const fl_key_memo *e)
{
    return (e->tag & KEY_NAMED) != 0;
}

/* mention_keys() for s[0..len) not met before under `tag` (hash h, free
 * index slot k): its keys normalized and remembered, the fold interned
 * for a name or an acronym (KEY_NAMED). In line in add_probed only: the
 * lookups of known surfaces in fl_mx_add need no room for its buffers. */
static inline const fl_key_memo *new_mention_keys(fl_mx *mx, const char *s, size_t len,
                                                  unsigned tag, uint64_t h, size_t k)
{
    fl_doc *doc = mx->doc;
    if (!key_room(mx, h, &k)) /* (room in the memo too) */
        return NULL;
    /* the entry is filled in place and counted once complete */
    fl_key_memo *e = &mx->keys[mx->key_count];
    e->hash = h;
    e->len = len;
    e->last_word = 0;
    e->tag = tag;
    e->settle = SETTLE_UNKNOWN;
    e->spaced = SPACED_UNKNOWN;
    /* (settle_id is read only after settle_read has set it) */
    /* the surface, then the fold and the skeleton made in place in the
     * pool (len + 1 bytes of room each, which most keys fit, and 16 more
     * for fold_skeleton_ascii's stores); what is not used goes back to
     * the pool */
    const size_t room = 3 * len + 3;
    char *block = room <= POOL_CHUNK / 4 ? pool_room(mx, room + 16) : NULL;
    if (room <= POOL_CHUNK / 4 && !block)
        return NULL;
    size_t fn = 0, kn = SIZE_MAX;
    char *fold = NULL, *skel = NULL;
    bool same = false;
    if (block) {
        fold = block + len + 1;
        skel = fold + len + 1;
        kn = fold_skeleton_plain(mx, s, len, tag_flags(e), block, fold, &fn, skel, &same,
                                 &e->last_word);
#if defined(__SSE2__) && !defined(FL_NO_SIMD)
        if (kn == SIZE_MAX && len - 1 < 16 && (size_t)(s - mx->text) + 16 <= doc->prose.len)
            kn = fold_skeleton_ascii(s, len, tag_flags(e), block, fold, &fn, skel, &same);
#endif
        if (kn == SIZE_MAX) {
            kn = fl_fold_skeleton(s, len, tag_flags(e), fold, len + 1, &fn, skel, len + 1);
            if (fn <= len && kn <= len) {
                copy_short(block, s, len);
                same = kn == fn && fl_bytes_eq(skel, fold, fn);
            }
        }
    }
    if (fn <= len && kn <= len) {
        block[len] = '\0';
        e->surface = block;
        const char *met = NULL;
        uint64_t fh = 0;
        size_t fk = SIZE_MAX;
        e->fold_id = FOLD_NONE;
        if (tag_named(e)) {
            met = find_fold(mx, fold, fn, true, &fh, &fk, &e->fold_id);
            if (!met && fk == SIZE_MAX)
                return NULL;
        }
        const char *end;
        if (met) {
            /* the fold met before: the skeleton takes the fold's room
             * (kn + 1 bytes below skel, so they do not overlap) */
            e->fold = met;
            if (same) {
                e->skeleton = met;
                end = fold;
            } else {
                copy_short(fold, skel, kn + 1);
                e->skeleton = fold;
                end = fold + kn + 1;
            }
        } else {
            e->fold = fold;
            if (tag_named(e))
                e->fold_id = add_fold(mx, fold, fn, fh, fk);
            e->skeleton = same ? fold : skel;
            end = same ? fold + fn + 1 : skel + kn + 1;
        }
        pool_take(mx, (size_t)(end - block));
    } else if (!keys_long(mx, e, s, len, tag_flags(e), tag_named(e))) {
        return NULL;
    }
    e->family = e->tag & KEY_CODE ? key_string(doc, family_fn, s, len, 0) : "";
    if (!e->family)
        return NULL;
    mx->key_count++;
    mx->key_index.slots[k] = (uint32_t)mx->key_count;
    return e;
}

/* Sets mx->mention_room: the buffer's capacity, or the document's limit
 * when lower. */
static void set_mention_room(fl_mx *mx)
{
    const fl_doc *doc = mx->doc;
    mx->mention_room = doc->max_mentions && doc->max_mentions < doc->mentions.cap
                           ? doc->max_mentions
                           : doc->mentions.cap;
}

/* Grows the extraction buffer (see fl_mx) to `cap` mentions. */
static bool grow_mentions(fl_mx *mx, size_t cap)
{
    const size_t n = mx->doc->mentions.count;
    fl_mention *m = scratch_regrow(mx, mx->mention_store, n * sizeof *m, cap * sizeof *m);
    if (!m)
        return false;
    mx->mention_store = m;
    mx->doc->mentions.items = m; /* the count stays */
    uint32_t *key = scratch_regrow(mx, mx->mention_key, n * sizeof *key, cap * sizeof *key);
    if (!key)
        return false;
    mx->mention_key = key;
    unsigned char *flags = scratch_regrow(mx, mx->flags.items, n, cap);
    if (!flags)
        return false;
    memset(flags + n, 0, cap - n); /* (see push_mention) */
    mx->flags.items = flags;
    mx->mention_cap = cap;
    mx->doc->mentions.items = m;
    mx->doc->mentions.cap = cap;
    set_mention_room(mx);
    return true;
}

/* fl_mx_add() when the document holds mention_room mentions: false (and
 * doc->status set) at the limit or when out of memory, else the buffer
 * grown. */
static __attribute__((noinline)) bool more_mentions(fl_mx *mx)
{
    fl_doc *doc = mx->doc;
    const size_t n = doc->mentions.count;
    if (doc->status != FL_OK) /* (the first error stays) */
        return false;
    if ((doc->max_mentions && n >= doc->max_mentions) || n >= (size_t)INT32_MAX) {
        doc->status = FL_ELIMIT;
        return false;
    }
    if (n == doc->mentions.cap && !grow_mentions(mx, n ? n * 2 : 64)) {
        doc->status = FL_ENOMEM;
        return false;
    }
    return true;
}

/* A new mention's fields after its kind: no links (person and entity -1),
 * no value (zero, a weekday of -1). */
static const fl_mention fresh_mention = {.person = -1, .entity = -1, .weekday = -1};

/* Appends a mention of `kind` at prose [off, off+len) with the keys of
 * key memo entry `index` to the extraction buffer (see fl_mx): the buffer
 * has room (more_mentions). Its flags byte is zero already: the flags are
 * cleared for the whole buffer when it is made or grown, and mentions are
 * never taken back before settle_document. With `just_made` (a constant),
 * the entry's strings were stored one by one just before: they are read
 * one by one too (gcc reads two at a time, in one 16-byte load, which
 * cannot take its bytes from two stores still on their way to the cache:
 * it waits for them). */
static inline fl_mention *put_mention(fl_mx *mx, const fl_key_memo *keys, uint32_t index,
                                      fl_mention_kind kind, size_t off, size_t len,
                                      const bool just_made)
{
    fl_vec *v = &mx->doc->mentions;
    const size_t n = v->count;
    mx->mention_key[n] = index;
    v->count = n + 1; /* (the flags' count is the mentions') */
    fl_mention *m = &((fl_mention *)v->items)[n];
    /* field by field: a compound literal zeroes the whole struct first,
     * then writes most of it; a field added to fl_mention must be set here
     * too (the assertion below is a reminder on 64-bit hosts) */
    _Static_assert(sizeof(void *) != 8 || sizeof(fl_mention) == 72,
                   "put_mention sets every field of fl_mention");
    const char *surface = keys->surface, *fold = keys->fold, *skeleton = keys->skeleton,
               *family = keys->family;
    if (just_made)
        __asm__("" : "+r"(surface), "+r"(fold), "+r"(skeleton), "+r"(family));
    m->surface = surface;
    m->fold = fold;
    m->skeleton = skeleton;
    m->family = family;
    m->off = (uint32_t)off;
    m->len = (uint32_t)len;
    m->sentence = (uint32_t)mx->sentence;
    m->kind = (uint8_t)kind;
    /* the rest as a new mention has it (no links, no value): the date's
     * small fields, then the 24 bytes from person on copied from
     * fresh_mention */
    m->weekday = -1;
    m->precision = 0;
    _Static_assert(offsetof(fl_mention, person) == offsetof(fl_mention, kind) + 4,
                   "put_mention sets the fields after kind");
    memcpy(&m->person, &fresh_mention.person, sizeof *m - offsetof(fl_mention, person));
    return m;
}

/* fl_mx_add() past its first probe of the key memo (hash h), at index
 * slot k, which did not find the surface at once: the probes again from
 * there, with the bytes compared past eight; a surface not met before has
 * its keys made (new_mention_keys). `kind_tag` holds the mention's kind
 * above its tag (six arguments in registers, so that fl_mx_add's call of
 * this is a jump). */
static __attribute__((noinline)) fl_mention *add_probed(fl_mx *mx, size_t off, size_t len,
                                                        uint64_t kind_tag, uint64_t h, size_t k)
{
    /* the limit and the buffer's room in one test; a document with an
     * error is not tested for it here (more_mentions is: at the room, the
     * first error stays) but in the walk, which stops at the sentence's
     * end: the mentions an extractor may add after its own error are
     * dropped with the document */
    if (mx->doc->mentions.count >= mx->mention_room && !more_mentions(mx))
        return NULL;
    const fl_mention_kind kind = (fl_mention_kind)(kind_tag >> 32);
    const unsigned tag = (unsigned)kind_tag;
    const char *s = mx->text + off;
    const size_t mask = mx->key_index.cap - 1;
    for (;; k = (k + 1) & mask) {
        const uint32_t v = mx->key_index.slots[k];
        if (!v)
            break;
        const fl_key_memo *e = &mx->keys[v - 1];
        if (e->hash == h && e->len == len && e->tag == tag && memo_same(e->surface, s, len))
            return put_mention(mx, e, v - 1, kind, off, len, false);
    }
    const uint32_t index = (uint32_t)mx->key_count; /* the new entry's */
    const fl_key_memo *keys = new_mention_keys(mx, s, len, tag, h, k);
    if (!keys) {
        mx->doc->status = FL_ENOMEM;
        return NULL;
    }
    return put_mention(mx, keys, index, kind, off, len, true);
}

/* fl_mx_add() when its first probe, at index slot k, met an entry with
 * the hash, length and tag of a surface of 9 to 16 bytes (hash h): its
 * bytes compared in two loads each, the mention added when they match
 * (and the buffer has room), else add_probed. Apart from fl_mx_add, whose
 * registers the compare would outnumber, and from add_probed, whose
 * saves it does not need. */
static __attribute__((noinline)) fl_mention *add_met(fl_mx *mx, size_t off, size_t len,
                                                     uint64_t kind_tag, uint64_t h, size_t k)
{
    const uint32_t v = mx->key_index.slots[k];
    const fl_key_memo *e = &mx->keys[v - 1];
    const char *s = mx->text + off;
    if (fl_load8(e->surface) == fl_load8(s) &&
        fl_load8(e->surface + len - 8) == fl_load8(s + len - 8) &&
        mx->doc->mentions.count < mx->mention_room)
        return put_mention(mx, e, v - 1, (fl_mention_kind)(kind_tag >> 32), off, len, false);
    return add_probed(mx, off, len, kind_tag, h, k);
}

/* The tags of the kinds: a code's keys are apart from the same surface's
 * in other kinds (it has a family), and so are a name's or an acronym's
 * (its fold is interned): KEY_CODE or KEY_NAMED. */
static const unsigned kind_tag[FL_M_KIND_COUNT] = {
    [FL_M_CODE] = KEY_CODE, [FL_M_NAME] = KEY_NAMED, [FL_M_ACRONYM] = KEY_NAMED};

/* Most mentions are added here without a call: a surface met before, of
 * up to eight bytes (equal hashes are equal bytes: see memo_hash), found
 * at the first probe, with room in the buffer. The rest jump to add_met
 * or add_probed, so that this path holds no value across a call: gcc
 * saves one callee-saved register on it (where the found entry is added),
 * not the six a call's path needs on every add. */
fl_mention *fl_mx_add(fl_mx *mx, fl_mention_kind kind, size_t off, size_t len, unsigned fold_flags)
{
    /* the kind above the tag: one register for both */
    const uint64_t kt = (uint64_t)kind << 32 | (fold_flags | kind_tag[kind]);
    const uint64_t h = memo_hash(mx->text + off, len, (unsigned)kt);
    /* the first probe (the index has a free slot: every add leaves it at
     * most half full, key_room) */
    const size_t k = (size_t)h & (mx->key_index.cap - 1);
    const uint32_t v = mx->key_index.slots[k];
    if (v) {
        const fl_key_memo *e = &mx->keys[v - 1];
        /* (the buffer's room tested last: the document's count is not
         * held across the lookup) */
        if (e->hash == h && e->len == len && e->tag == (unsigned)kt) {
            if (len > 8)
                return len <= 16 ? add_met(mx, off, len, kt, h, k)
                                 : add_probed(mx, off, len, kt, h, k);
            if (mx->doc->mentions.count < mx->mention_room)
                return put_mention(mx, e, v - 1, (fl_mention_kind)(kt >> 32), off, len, false);
        }
    }
    return add_probed(mx, off, len, kt, h, k);
}

void fl_mx_claim(fl_mx *mx, size_t off, size_t len)
{
    if (off < mx->s_off || off + len > mx->s_end)
        return;
    fl_mx_claim_in(mx, off, len);
}

size_t fl_mx_match(fl_mx *mx, fl_re_id id, size_t at)
{
    if (at >= mx->s_end)
        return 0;
    const pcre2_code *code = fl_patterns_code(mx->patterns, id);
    pcre2_match_context *mctx = fl_patterns_match_context(mx->patterns);
    /* the JIT-compiled pattern straight away (pcre2_match's own checks,
     * which every call here passes, skipped); the interpreter for a
     * pattern without JIT code */
    int rc = pcre2_jit_match(code, (PCRE2_SPTR)mx->text, mx->s_end, at, 0, mx->md, mctx);
    if (rc == PCRE2_ERROR_JIT_BADOPTION)
        rc = pcre2_match(code, (PCRE2_SPTR)mx->text, mx->s_end, at, PCRE2_NO_UTF_CHECK, mx->md,
                         mctx);
    if (rc <= 0) /* no match, or a match/depth limit: treated as no match */
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(mx->md);
    return ov[1] > ov[0] ? ov[1] : 0;
}

bool fl_mx_group(const fl_mx *mx, unsigned g, size_t *off, size_t *len)
{
    if (g >= pcre2_get_ovector_count(mx->md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(mx->md) + 2 * (size_t)g;
    if (ov[0] == PCRE2_UNSET)
        return false;
    *off = ov[0];
    *len = ov[1] - ov[0];
    return true;
}

void fl_mx_pending(fl_mx *mx, size_t mention, fl_link_how how, size_t at)
{
    fl_pending *p = fl_vec_push(mx->doc->arena, &mx->pending);
    if (!p) {
        mx->doc->status = FL_ENOMEM;
        return;
    }
    p->mention = mention;
    p->how = how;
    p->at = at;
}

static const char *stem_word(fl_mx *mx, const char *w, size_t len);

const char *fl_mx_stem(fl_mx *mx, const char *w, size_t len)
{
    /* unit nouns repeat: each stemmed once per document (memo entries of
     * their own, keyed by the word as written in the prose) */
    uint64_t h;
    size_t k;
    const fl_key_memo *found = find_key(mx, w, len, KEY_STEM, &h, &k);
    if (found)
        return found->fold;
    const char *stem = stem_word(mx, w, len);
    if (!stem)
        return NULL;
    fl_key_memo e = {.hash = h,
                     .surface = w,
                     .fold = stem,
                     .len = len,
                     .tag = KEY_STEM,
                     .fold_id = UINT32_MAX,
                     .settle = SETTLE_NONE,
                     .spaced = SPACED_UNKNOWN};
    add_key(mx, k, &e); /* out of memory: not remembered */
    return stem;
}
/* The stemmed, lower-cased form of w[0..len), in the arena. */
static const char *stem_word(fl_mx *mx, const char *w, size_t len)
{
    char buf[64];
    if (len >= sizeof buf)
        return fl_arena_strndup(mx->doc->arena, w, len);
    for (size_t i = 0; i < len; i++)
        buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] - 'A' + 'a') : w[i];
    if (!mx->stemmer)
        return fl_arena_strndup(mx->doc->arena, buf, len);
    const sb_symbol *st = sb_stemmer_stem(mx->stemmer, (const sb_symbol *)buf, (int)len);
    if (!st)
        return fl_arena_strndup(mx->doc->arena, buf, len);
    return fl_arena_strndup(mx->doc->arena, (const char *)st,
                            (size_t)sb_stemmer_length(mx->stemmer));
}

/* ------------------------------------------------------- person links */

static long name_starting_at(const fl_doc *doc, size_t lo, size_t hi, size_t at, bool end)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const fl_mention *m = FL_DOC_MENTION(doc, mid);
        size_t key = end ? m->off + m->len : m->off;
        if (key == at)
            return (long)mid;
        if (key < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static void resolve_links(fl_mx *mx)
{
    fl_doc *doc = mx->doc;
    unsigned char *flags = mx->flags.items;
    for (size_t k = 0; k < mx->pending.count; k++) {
        const fl_pending *p = &((fl_pending *)mx->pending.items)[k];
        long who =
            name_starting_at(doc, mx->name_first, mx->name_end, p->at, p->how == FL_LINK_NAME_ENDS);
        fl_mention *m = FL_DOC_MENTION(doc, p->mention);
        if (who >= 0) {
            m->person = (int32_t)who;
            flags[who] |= FL_MF_CONFIRMED;
        } else if (flags[p->mention] & FL_MF_NEEDS_PERSON) {
            flags[p->mention] |= FL_MF_DEAD;
        }
    }
    mx->pending.count = 0;
}

/* ------------------------------------------------------------ sentences */

static inline __attribute__((always_inline)) void extract_sentence(fl_mx *mx)
{
    fl_extract_money(mx);
    fl_extract_percents(mx);
    fl_extract_dates(mx);
    fl_extract_ages(mx);
    fl_extract_codes(mx);
    fl_extract_quantities(mx);
    fl_extract_acronym_defs(mx);
    fl_extract_titles(mx);
    if (mx->acronym_may) /* (most sentences: no call) */
        fl_extract_acronyms(mx);
    fl_extract_names(mx);
    if (mx->pending.count) /* most sentences link nothing */
        resolve_links(mx);
}

/* ------------------------------------------------------------- the doc */

/* A company suffix and its length (compared first: most last words of
 * names share a first letter with some suffix, few its length too). */
typedef struct company_suffix {
    const char *word;
    size_t len;
} company_suffix;
#define SUFFIX(w)                                                                                  \
    {                                                                                              \
        w, sizeof w - 1                                                                            \
    }

static bool is_company_suffix(const char *w, size_t len)
{
    /* the suffixes by first letter (most last words have none) */
    static const company_suffix a_words[] = {SUFFIX("AG")};
    static const company_suffix c_words[] = {SUFFIX("Corp."), SUFFIX("Corp"), SUFFIX("Corporation"),
                                             SUFFIX("Co."), SUFFIX("Company")};
    static const company_suffix g_words[] = {SUFFIX("Group"), SUFFIX("GmbH")};
    static const company_suffix h_words[] = {SUFFIX("Holdings")};
    static const company_suffix i_words[] = {SUFFIX("Inc."), SUFFIX("Inc"), SUFFIX("Incorporated")};
    static const company_suffix l_words[] = {SUFFIX("Ltd."), SUFFIX("Ltd"), SUFFIX("Limited"),
                                             SUFFIX("LLC"), SUFFIX("LLP")};
    static const company_suffix n_words[] = {SUFFIX("NV")};
    static const company_suffix p_words[] = {SUFFIX("PLC")};
    static const company_suffix s_words[] = {SUFFIX("SA"), SUFFIX("SE")};
    static const company_suffix t_words[] = {SUFFIX("Technologies")};
    static const company_suffix lower_p_words[] = {SUFFIX("plc")};
    const company_suffix *list;
    size_t n;
    if (len < 2 || len > 12)
        return false;
    switch (w[0]) {
    case 'A':
        list = a_words, n = 1;
        break;
    case 'C':
        list = c_words, n = sizeof c_words / sizeof c_words[0];
        break;
    case 'G':
        list = g_words, n = sizeof g_words / sizeof g_words[0];
        break;
    case 'H':
        list = h_words, n = 1;
        break;
    case 'I':
        list = i_words, n = sizeof i_words / sizeof i_words[0];
        break;
    case 'L':
        list = l_words, n = sizeof l_words / sizeof l_words[0];
        break;
    case 'N':
        list = n_words, n = 1;
        break;
    case 'P':
        list = p_words, n = 1;
        break;
    case 'S':
        list = s_words, n = sizeof s_words / sizeof s_words[0];
        break;
    case 'T':
        list = t_words, n = 1;
        break;
    case 'p':
        list = lower_p_words, n = 1;
        break;
    default:
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (list[i].len == len && fl_bytes_eq(list[i].word, w, len))
            return true;
    return false;
}
#undef SUFFIX

/* The last space-separated word of a surface: [*start, len). */
static size_t last_word(const char *s, size_t len, size_t *start)
{
    const char *sp = len ? memrchr(s, ' ', len) : NULL;
    const size_t i = sp ? (size_t)(sp - s) + 1 : 0;
    *start = i;
    return len - i;
}

static int order_cmp(const void *pa, const void *pb)
{
    const fl_mention *a = *(const fl_mention *const *)pa, *b = *(const fl_mention *const *)pb;
    if (a->off != b->off)
        return a->off < b->off ? -1 : 1;
    if (a->len != b->len)
        return a->len > b->len ? -1 : 1;
    return (int)a->kind - (int)b->kind;
}

/* A sentence's run of live mentions, order[run..live), is put in source
 * order as settle_document appends to it (an insertion per mention: a
 * sentence holds few) while it holds at most SORT_INSERT_MAX; a longer run
 * is sorted once complete by qsort with order_cmp_total, so both give the
 * order the insertions would. */
enum { SORT_INSERT_MAX = 32 };

/* order_cmp with ties (same offset, length and kind) in the order they
 * were appended, which is their order in the extraction buffer: the
 * insertions keep that order, and qsort need not be stable (glibc's is
 * only while its merge buffer can be had; other C libraries' are not). */
static int order_cmp_total(const void *pa, const void *pb)
{
    const int c = order_cmp(pa, pb);
    if (c)
        return c;
    const fl_mention *a = *(const fl_mention *const *)pa, *b = *(const fl_mention *const *)pb;
    return a < b ? -1 : a > b;
}

/* Appends live mention m to the run order[run..*live), in its place. */
static inline void order_append(fl_mention **order, size_t run, size_t *live, fl_mention *m)
{
    size_t j = (*live)++;
    if (*live - run <= SORT_INSERT_MAX)
        for (; j > run && order_cmp(&order[j - 1], &m) > 0; j--)
            order[j] = order[j - 1];
    order[j] = m;
}

/* Closes the run order[run..live): sorted when it was too long for
 * order_append (more than SORT_INSERT_MAX), and *longest raised to its
 * length. */
static inline void order_finish(fl_mention **order, size_t run, size_t live, size_t *longest)
{
    if (live - run > SORT_INSERT_MAX)
        // NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
        qsort(order + run, live - run, sizeof *order, order_cmp_total);
    if (live - run > *longest)
        *longest = live - run;
}

/* The links of mention m (copied by compact, with the indexes of the
 * extraction buffer) mapped to the new places: map[old index] (-1 for a
 * dead mention). */
static inline void map_links(fl_mention *m, const int32_t *map)
{
    if (m->person >= 0)
        m->person = map[m->person];
    if (m->entity >= 0)
        m->entity = map[m->entity];
}

/* Where compact() lists the codes, names and acronyms (fl_named_list)
 * as it copies them: the extraction buffer's mentions and their key memo
 * entries (the list is filled upwards from its `at`). */
typedef struct named_out {
    const fl_mention *old;
    const uint32_t *mention_key;
    fl_named_mention *at;
} named_out;

/* Lists mention `from`, at its place i, when it is a code, a name or an
 * acronym: at `at`; returns the list's end (o by value: its fields stay
 * in registers across the copies' stores). */
static inline fl_named_mention *note_named(const named_out o, fl_named_mention *at,
                                           const fl_mention *from, size_t i)
{
    _Static_assert(FL_M_CODE < FL_M_ACRONYM && FL_M_NAME < FL_M_ACRONYM,
                   "codes, names and acronyms are the kinds up to FL_M_ACRONYM");
    if (from->kind > FL_M_ACRONYM)
        return at;
    /* off and len in one load and store */
    memcpy(&at->off, &from->off, 2 * sizeof(uint32_t));
    at->mention = (uint32_t)i;
    at->key = o.mention_key[from - o.old];
    return at + 1;
}

/* compact()'s live mentions in order, its list of those with links and
 * its map from the extraction buffer's indexes to the new places. */
typedef struct copy_args {
    fl_mention *const *order;
    uint32_t *linked;
    int32_t *map;
} copy_args;

#ifdef FL_BLOCK_AVX2
/* copy_live 32 bytes a move with AVX2 (the compiler copies a struct 16
 * bytes a move). */
__attribute__((target("avx2"))) static size_t
copy_live_avx2(fl_mention *items, const copy_args a, size_t i0, size_t i1, size_t nl, named_out *o)
{
    _Static_assert(sizeof(fl_mention) == 72, "copy_live_avx2 copies 72 bytes");
    const named_out out = *o;
    fl_named_mention *at = out.at;
    for (size_t i = i0; i < i1; i++) { /* (in order: see settle_document) */
        const fl_mention *from = a.order[i];
        char *to = (char *)&items[i - i0];
#define COPY32(k)                                                                                  \
    _mm256_storeu_si256((__m256i *)(void *)(to + (k)),                                             \
                        _mm256_loadu_si256((const __m256i *)(const void *)((char *)from + (k))))
        COPY32(0);
        COPY32(32);
#undef COPY32
        memcpy(to + 64, (const char *)from + 64, 8);
        /* most mentions have neither link: both -1, the sign bit of their
         * AND is set only then */
        if ((from->person & from->entity) >= 0)
            a.linked[nl++] = (uint32_t)i;
        at = note_named(out, at, from, i);
        a.map[from - out.old] = (int32_t)i;
    }
    o->at = at;
    return nl;
}
#endif

/* compact()'s copies, most of the work of settling a document: the live
 * mentions order[i0..i1) to `items` on (the first one's place, i0, in the
 * new array, or a buffer for them), each leaving its place i in map (by
 * its index in the extraction buffer o->old). The mentions with links are
 * listed in `linked` from nl on (the new nl returned), the codes, names
 * and acronyms from o->at on (note_named), which is left at the list's
 * end. A mention may be in its place already (compacting in place), never
 * in the place of another that is still to be read. */
static size_t copy_live(const fl_mx *mx, fl_mention *items, const copy_args a, size_t i0, size_t i1,
                        size_t nl, named_out *o)
{
#ifdef FL_BLOCK_AVX2
    if (mx->avx2)
        return copy_live_avx2(items, a, i0, i1, nl, o);
#else
    (void)mx;
#endif
    for (size_t i = i0; i < i1; i++) {
        const fl_mention *from = a.order[i];
        fl_mention *to = &items[i - i0];
        if (to != from)
            *to = *from;
        if ((from->person & from->entity) >= 0)
            a.linked[nl++] = (uint32_t)i;
        o->at = note_named(*o, o->at, from, i);
        a.map[from - o->old] = (int32_t)i;
    }
    return nl;
}

/* copy_live over the live mentions with `items` the extraction buffer
 * itself, run by run: room for the longest run in run_room. */
static size_t copy_runs_in_place(const fl_mx *mx, fl_mention *items, fl_mention *run_room,
                                 const copy_args a, size_t live, named_out *o)
{
    size_t nl = 0;
    for (size_t r = 0; r < live;) {
        /* a run: the live mentions of one stretch of the extraction
         * buffer with one sentence (settle_document's runs, which
         * differ in sentence from the runs next to them). Those before
         * it were no more than the mentions before that stretch, so its
         * places end before it does: copied in order they overwrite only
         * mentions already read when their order in the buffer is their
         * new order, else they are gathered in run_room first. */
        const uint32_t sentence = a.order[r]->sentence;
        bool rising = true;
        size_t end = r + 1;
        for (; end < live && a.order[end]->sentence == sentence; end++)
            if (a.order[end] < a.order[end - 1])
                rising = false;
        if (rising) {
            nl = copy_live(mx, items + r, a, r, end, nl, o);
        } else {
            nl = copy_live(mx, run_room, a, r, end, nl, o);
            memcpy(items + r, run_room, (end - r) * sizeof *items);
        }
        r = end;
    }
    return nl;
}

/* Drops dead mentions and puts the rest in source order, keeping links:
 * `order` holds the `live` live mentions in source order (see
 * order_append), in runs of at most run_max, and each dead one has -1 in
 * `map` (room for every mention). The live ones are copied in order, each
 * leaving its new place in map, through which the links are then mapped
 * (a link to a dead mention becomes -1); `linked` has room for the list
 * of the mentions with links. An extraction buffer of its own (one that
 * grew out of the scratch block: a large document) is compacted in place,
 * so that the document never holds its mentions twice, and then kept
 * (return_mentions); one in the scratch block is copied into the arena.
 * The codes, names and acronyms are listed in `named` (room for `live`),
 * with the first of each key memo entry in `first` (room for every
 * entry); `first` NULL when the list is to be the document's
 * fl_named_list, then both made in the arena (the list in room for
 * `live`: most mentions are not listed, but counting them first, or
 * copying the list at its length, costs more than the room). */
static void compact(fl_mx *mx, fl_mention *const *order, size_t live, size_t run_max,
                    uint32_t *linked, int32_t *map, fl_named_mention *named, uint32_t *first)
{
    fl_doc *doc = mx->doc;
    size_t n = doc->mentions.count;
    if (n == 0)
        return;
    fl_mention *const old = doc->mentions.items;
    const bool in_place = !in_scratch(mx, old);
    fl_mention *items = in_place ? old : fl_arena_alloc_uninit(doc->arena, n * sizeof *items);
    /* in place: room for a run whose mentions change places among
     * themselves */
    fl_mention *run_room = in_place ? malloc(run_max * sizeof *run_room + 1) : NULL;
    /* (by key memo entry: only those of codes, names and acronyms are
     * written, and read) */
    const bool list = !first;
    if (list) {
        first = fl_arena_alloc_uninit(doc->arena, mx->key_count * sizeof *first + 1);
        named = fl_arena_alloc_uninit(doc->arena, live * sizeof *named + 1);
        if (!named)
            first = NULL;
    }
    if (!items || !first || (in_place && !run_room)) {
        free(run_room);
        doc->status = FL_ENOMEM;
        return;
    }
    named_out out = {old, mx->mention_key, named};
    const copy_args args = {order, linked, map};
    size_t nl = in_place ? copy_runs_in_place(mx, items, run_room, args, live, &out)
                         : copy_live(mx, items, args, 0, live, 0, &out);
    free(run_room);
    for (size_t k = 0; k < nl; k++)
        map_links(&items[linked[k]], map);
    /* by key memo entry the first listed mention with it: the list walked
     * back, so the first one's index is stored last */
    for (const fl_named_mention *p = out.at; p-- > named;)
        first[p->key] = p->mention;
    doc->mentions.items = items;
    doc->mentions.count = live;
    doc->mentions.cap = n;
    if (list)
        doc->named = (fl_named_list){items, live, named, (size_t)(out.at - named), first};
}

/* What the document knows of one distinct fold: the first name with this
 * surname or short form (-1: none), and whether a name that stays or an
 * acronym has it. */
typedef struct fold_state {
    long short_form; /* the first company whose short form this is */
    long surname;    /* the first multi-word name with this surname */
    long surname2;   /* ... and the first with another full name */
    bool confirmed;  /* a name not tentative (or one kept) */
    bool acronym;    /* an acronym has this fold */
} fold_state;

/* The short form of a company or the surname of a multi-word name that
 * name mention i (written in ordinary case) offers the rest of the
 * document, found once per surface: SETTLE_NONE when it offers none or no
 * mention has its fold (then nobody can look it up). */
/* The interned fold of the surname m->surface[ws..ws + wl) (with its id
 * in *id), or NULL (as fold_interned without adding). Most surnames are
 * ASCII letters, which fl_fold lowers: when the surface's fold (interned,
 * as long as the surface) ends in just those letters in lower case, that
 * end is the surname's fold, NUL-terminated, and fl_fold is not called. */
static const char *surname_fold(fl_mx *mx, const fl_mention *m, const fl_key_memo *e, size_t ws,
                                size_t wl, uint32_t *id)
{
    const char *s = m->surface + ws;
    if (e->fold_id != FOLD_NONE && mx->folds[e->fold_id].len == m->len) {
        const char *f = e->fold + ws;
        /* a surface of fold_skeleton_plain (last_word known) is ASCII
         * letters and spaces, lowered in its fold (as long as it: no
         * possessive dropped) */
        size_t j = e->last_word ? wl : 0;
        for (; j < wl; j++) {
            const unsigned char l = (unsigned char)s[j] | 0x20;
            if (l < 'a' || l > 'z' || (unsigned char)f[j] != l)
                break;
        }
        if (j == wl)
            return intern_fold(mx, f, wl, false, id);
    }
    return fold_interned(mx, s, wl, 0, false, id);
}

static void settle_read(fl_mx *mx, const fl_mention *m, fl_key_memo *e)
{
    e->settle = SETTLE_NONE;
    size_t ws, wl;
    if (e->last_word) {
        ws = e->last_word - 1;
        wl = m->len - ws;
    } else {
        wl = last_word(m->surface, m->len, &ws);
    }
    /* whether the surface has a space, found here for has_space */
    e->spaced = ws ? SPACED_YES : SPACED_NO;
    if (ws == 0)
        return;
    uint32_t id;
    if (is_company_suffix(m->surface + ws, wl)) {
        size_t sl = ws;
        while (sl > 0 && (m->surface[sl - 1] == ' ' || m->surface[sl - 1] == ','))
            sl--;
        if (sl && fold_interned(mx, m->surface, sl, 0, false, &id)) {
            e->settle = SETTLE_SHORT;
            e->settle_id = id;
        }
        return;
    }
    if (surname_fold(mx, m, e, ws, wl, &id)) {
        e->settle = SETTLE_SURNAME;
        e->settle_id = id;
    }
}

/* Whether mention m's surface (key memo entry e) has a space, found once
 * per surface (a mention that was in the document before, whose length
 * may not be its surface's, has an entry of its own: KEY_OLD). */
static inline bool has_space(fl_key_memo *e, const fl_mention *m)
{
    if (e->spaced == SPACED_UNKNOWN)
        e->spaced = memchr(m->surface, ' ', m->len) ? SPACED_YES : SPACED_NO;
    return e->spaced == SPACED_YES;
}

/* Settles the document; `list`: with its fl_named_list (see compact). */
static void settle_document(fl_mx *mx, bool list)
{
    fl_doc *doc = mx->doc;
    unsigned char *flags = mx->flags.items;
    size_t n = doc->mentions.count;
    /* the folds' states, compact()'s order, the tentative names in order
     * (then compact()'s linked mentions), and compact()'s map */
    const size_t nf = mx->fold_count ? mx->fold_count : 1, nn = n ? n : 1;
    /* and compact()'s list of codes, names and acronyms, with its table
     * by key memo entry, for when the list is not kept (else both are in
     * the arena) */
    const size_t need = nf * sizeof(fold_state) + nn * sizeof(fl_mention *) +
                        2 * nn * sizeof(uint32_t) + nn * sizeof(fl_named_mention) +
                        (list ? 0 : (mx->key_count + 1) * sizeof(uint32_t));
    /* in the extraction buffer's free end when they fit (most documents:
     * it has room for about twice their mentions), which compact() does
     * not read; else a block of their own */
    fold_state *st = (fold_state *)(void *)(mx->mention_store + n), *own = NULL;
    if ((mx->mention_cap - n) * sizeof(fl_mention) < need) {
        st = own = malloc(need);
        if (!st) {
            doc->status = FL_ENOMEM;
            return;
        }
    }
    fl_mention **order = (fl_mention **)(void *)(st + nf);
    /* (filled from its end: tentative[t0..nn) in source order) */
    uint32_t *tentative = (uint32_t *)(void *)(order + nn);
    int32_t *map = (int32_t *)(void *)(tentative + nn);
    fl_named_mention *named = (fl_named_mention *)(void *)(map + nn);
    size_t t0 = nn;
    for (size_t f = 0; f < mx->fold_count; f++)
        st[f] = (fold_state){-1, -1, -1, false, false};
#define FOLD_ID(i) (keys[mention_key[i]].fold_id)
    /* fold ids are below fold_count (handed out in order), which the
     * analyzer cannot see: it takes st[fold id] as unset */
    // NOLINTBEGIN(clang-analyzer-core.UndefinedBinaryOperatorResult)

    /* names written in ordinary case, by fold; acronyms by fold; the long
     * forms: surnames of multi-word names, short forms of companies. The
     * first pass over the mentions goes from the last to the first,
     * which the extractors wrote last, so that it starts on those still in
     * the first-level cache (most documents' mentions take more room than
     * it has); the next and compact() go from the first, which compact()
     * copies in source order: its reads and writes go upwards in memory,
     * as the hardware prefetchers follow best (compact() from the last
     * was 1-1.5% slower in fl_find_mentions' time). Going back, each
     * mention sets the firsts it qualifies for (a mention before it
     * replaces them) */
    fl_mention *const old = doc->mentions.items;
    /* settle_read adds no keys: the memo stays where it is */
    fl_key_memo *const keys = mx->keys;
    const uint32_t *const mention_key = mx->mention_key;
    for (size_t i = n; i-- > 0;) {
        /* names and acronyms told by their keys' tag (KEY_NAMED): the
         * memo's entries are fewer than the mentions and stay in the
         * cache, and the other mentions are not read here (no name or
         * acronym is dead yet: before this pass only resolve_links drops
         * mentions, ages and titles) */
        fl_key_memo *e = &keys[mention_key[i]];
        if (!(e->tag & KEY_NAMED))
            continue;
        const fl_mention *m = &old[i];
        fold_state *f = &st[e->fold_id];
        if (m->kind == FL_M_ACRONYM) {
            f->acronym = true;
            continue;
        }
        if (flags[i] & FL_MF_TENTATIVE) {
            tentative[--t0] = (uint32_t)i;
            continue;
        }
        f->confirmed = true;
        if (e->settle == SETTLE_UNKNOWN)
            settle_read(mx, m, e);
        if (e->settle == SETTLE_SHORT) {
            st[e->settle_id].short_form = (long)i;
        } else if (e->settle == SETTLE_SURNAME) {
            /* surname: the first name with this surname; surname2: the
             * first after it with another fold, which is the first
             * surname so far when a name of another fold comes first */
            fold_state *g = &st[e->settle_id];
            if (g->surname >= 0 && FOLD_ID(g->surname) != e->fold_id)
                g->surname2 = g->surname;
            g->surname = (long)i;
        }
    }
    /* a tentative name stays if the document supports it: the same name
     * elsewhere (also in capitals), a surname, a company short form, or
     * something linking to it */
    for (size_t k = t0; k < nn; k++) {
        const size_t i = tentative[k];
        fold_state *f = &st[FOLD_ID(i)];
        if (!(flags[i] & FL_MF_CONFIRMED) && !f->confirmed && f->surname < 0 && f->short_form < 0 &&
            !f->acronym) {
            flags[i] |= FL_MF_DEAD;
            continue;
        }
        f->confirmed = true;
    }
    /* an acronym that is a name elsewhere is the name in capitals
     * (NVIDIA); coreference-lite; ages and titles whose person was dropped
     * lose the link */
    /* the live mentions in source order for compact(), sentence by
     * sentence: order[run..live) the current one's, the longest run_max
     * long. A link to a dead mention is dropped by compact() (the -1 in
     * its place in map). */
    size_t live = 0, run = 0, run_max = 0, run_sentence = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        fl_mention *m = &old[i];
        if (flags[i] & FL_MF_DEAD) {
            map[i] = -1;
            continue;
        }
        if (m->kind == FL_M_ACRONYM || m->kind == FL_M_NAME) {
            fl_key_memo *e = &keys[mention_key[i]];
            const fold_state *f = &st[e->fold_id];
            /* (a confirmed fold is that of a name that stays) */
            if (m->kind == FL_M_ACRONYM && f->confirmed)
                m->kind = FL_M_NAME;
            if (m->kind == FL_M_NAME && !has_space(e, m)) {
                if (f->short_form >= 0)
                    m->entity = (int32_t)f->short_form;
                else if (f->surname >= 0 && f->surname < (long)i &&
                         !(f->surname2 >= 0 && f->surname2 < (long)i))
                    m->entity = (int32_t)f->surname;
            }
        }
        if (m->sentence != run_sentence) {
            order_finish(order, run, live, &run_max);
            run = live;
            run_sentence = m->sentence;
        }
        order_append(order, run, &live, m);
    }
    order_finish(order, run, live, &run_max);
    // NOLINTEND(clang-analyzer-core.UndefinedBinaryOperatorResult)
#undef FOLD_ID
    compact(mx, order, live, run_max, tentative, map, named,
            list ? NULL : (uint32_t *)(void *)(named + nn));
    free(own);
}

/* Makes the document's first room in one block (mx->scratch): the
 * extraction buffer for `mentions` mentions (with mention_key and flags),
 * the key and fold memos and their indexes at their first capacities
 * (indexes empty), and the per-sentence tables (fill_words) and the
 * claimed bytes (all zero) for sentences of up to `longest` bytes. What
 * grows past its room moves to a block of its own (scratch_regrow). */
/* the zero bytes after the claimed bytes of the longest sentence: 8 for
 * the tests' loads, and room for fl_find_mentions to clear 64 bytes from
 * a sentence's first claim */
enum { CLAIMED_PAD = 64 };

static bool scratch_reserve(fl_mx *mx, size_t longest, size_t mentions)
{
    size_t tl = longest < FL_WEND_MAX ? longest : FL_WEND_MAX;
    size_t cap = tl > 256 ? tl : 256, words = tl / 2 + 2; /* and a sentinel */
    if (words < 128)
        words = 128;
    const size_t n_blocks = cap / 64 + 2, slots = mx->memo_first;
    /* the folds' index a quarter of the keys' (only names and acronyms
     * have their folds interned: about one fold to eight keys), not
     * below 256 slots */
    const size_t fold_slots = slots / 4 > 256 ? slots / 4 : slots < 256 ? slots : 256;
    /* as many key memo entries as the index holds before it grows (see
     * key_room); as many folds for the small documents (larger ones grow
     * the folds as they go), at least half the fold index (see fold_grow) */
    const size_t key_memos = mx->memo_first / 2;
    const size_t memos = mx->memo_first <= 4096 ? mx->memo_first / 2 : mx->memo_first / 4;
    /* 8-byte items first, then 4-byte ones, then bytes */
    size_t o_memo = align8(n_blocks * sizeof(fl_word_block));
    size_t o_mentions = align8(o_memo + words * sizeof(fl_number_memo));
    size_t o_keys = align8(o_mentions + mentions * sizeof(fl_mention));
    size_t o_folds = align8(o_keys + key_memos * sizeof(fl_key_memo));
    size_t o_u32 = align8(o_folds + memos * sizeof(fl_fold_entry));
    size_t o_bytes = o_u32 + (HEAD_WORDS_N + 2 * cap + 4 * words + mentions + slots + fold_slots) *
                                 sizeof(uint32_t);
    size_t bytes = o_bytes + mentions + 1 + longest + CLAIMED_PAD;
    char *p = malloc(bytes);
    if (!p)
        return false;
    mx->scratch = p;
    mx->scratch_size = bytes;
    mx->blocks = (fl_word_block *)(void *)p;
    mx->number_memo = (fl_number_memo *)(void *)(p + o_memo);
    mx->mention_store = (fl_mention *)(void *)(p + o_mentions);
    mx->mention_cap = mentions;
    mx->keys = (fl_key_memo *)(void *)(p + o_keys);
    mx->key_alloc = key_memos;
    mx->folds = (fl_fold_entry *)(void *)(p + o_folds);
    mx->fold_alloc = memos;
    /* head_words just before the word ends (see fill_words) */
    memcpy(p + o_u32, head_words, sizeof head_words);
    mx->wend_store = (uint32_t *)(void *)(p + o_u32) + HEAD_WORDS_N;
    mx->marks_store = mx->wend_store + cap;
    mx->numbers_store = mx->marks_store + cap;
    mx->name_marks_store = mx->numbers_store + words;
    mx->digits_store = mx->name_marks_store + words; /* 2 * words */
    /* the word lists' places, the same for every sentence that has them
     * (fill_words sets them again after one that has none) */
    mx->numbers = mx->numbers_store;
    mx->digits = mx->digits_store;
    mx->marks = mx->marks_store;
    mx->name_marks = mx->name_marks_store;
    mx->mention_key = mx->digits_store + 2 * words;
    mx->key_index.slots = mx->mention_key + mentions;
    mx->key_index.cap = slots;
    mx->fold_index.slots = mx->key_index.slots + slots;
    mx->fold_index.cap = fold_slots;
    memset(mx->key_index.slots, 0, (slots + fold_slots) * sizeof(uint32_t));
    mx->wend_cap = cap;
    mx->words_cap = words;
    mx->flags.items = p + o_bytes;
    /* after a byte that stays zero: claimed[-1] of the sentence's first
     * byte reads as unclaimed (skip_to_mark reads it with no test) */
    mx->claimed = (unsigned char *)p + o_bytes + mentions + 1;
    mx->claimed_cap = longest + CLAIMED_PAD;
    /* the flags (see push_mention), that byte and the claimed bytes, side
     * by side */
    memset(mx->flags.items, 0, mentions + 1 + mx->claimed_cap);
    return true;
}

/* Moves mentions already in the document into the extraction buffer,
 * with room for about one mention per 16 bytes of prose, and gives each a
 * key memo entry of its own. */
static bool take_mentions(fl_mx *mx)
{
    fl_vec *v = &mx->doc->mentions;
    v->size = sizeof(fl_mention);
    const size_t n = v->count;
    const fl_mention *old = v->items;
    v->items = mx->mention_store; /* room for 2 * n + 16 and more */
    v->cap = mx->mention_cap;
    set_mention_room(mx);
    if (n)
        memcpy(mx->mention_store, old, n * sizeof *mx->mention_store);
    memset(mx->flags.items, 0, n);
    mx->flags.count = n;
    for (size_t i = 0; i < n; i++) {
        const fl_mention *m = &mx->mention_store[i];
        const char *surface = m->surface ? m->surface : "", *fold = m->fold ? m->fold : "";
        fl_key_memo e = {.surface = surface,
                         .fold = fold,
                         .skeleton = m->skeleton,
                         .family = m->family,
                         .len = strlen(surface),
                         .tag = KEY_OLD |
                                (m->kind == FL_M_NAME || m->kind == FL_M_ACRONYM ? KEY_NAMED : 0u),
                         .settle = SETTLE_UNKNOWN,
                         .spaced = SPACED_UNKNOWN};
        if (!intern_fold(mx, fold, strlen(fold), true, &e.fold_id))
            return false;
        const fl_key_memo *k = add_key(mx, SIZE_MAX, &e);
        if (!k)
            return false;
        mx->mention_key[i] = (uint32_t)(k - mx->keys);
    }
    return true;
}

/* Hands the document the mentions left in the extraction buffer (compacted
 * in place, none, or an error stopped the run): a buffer of its own is
 * trimmed to them and kept by the arena, one in the scratch block (or one
 * the arena cannot keep) copied into the arena. */
static void return_mentions(fl_mx *mx)
{
    fl_vec *v = &mx->doc->mentions;
    if (v->count && !in_scratch(mx, v->items)) {
        /* (a shrink that fails leaves the block as it was) */
        fl_mention *trimmed = realloc(v->items, v->count * sizeof *trimmed);
        if (trimmed)
            v->items = mx->mention_store = trimmed;
        if (fl_arena_keep(mx->doc->arena, v->items)) {
            v->cap = v->count;
            mx->mention_store = NULL; /* (the arena's now) */
            return;
        }
    }
    fl_mention *items = v->count ? fl_arena_alloc(mx->doc->arena, v->count * sizeof *items) : NULL;
    if (items)
        memcpy(items, v->items, v->count * sizeof *items);
    else
        v->count = 0;
    v->items = items;
    v->cap = v->count;
}

/* The walk over the sentences: each one's word tables (fill_words), its
 * extractors, then its claimed bytes cleared. One function for the whole
 * document, with fill_words in line, so that a sentence costs no call,
 * register saves and frame of its own for its tables; `fast` (a constant
 * where it is inlined) as in fill_words. */
static inline __attribute__((always_inline)) void walk_body(fl_mx *mx, const int fast)
{
    fl_doc *doc = mx->doc;
    const fill_consts dc = fill_consts_of(mx);
    /* (the extractors add mentions, never sentences or prose) */
    const fl_sentence *const sentences = doc->sentences.items;
    const size_t n_sentences = doc->sentences.count, prose_len = dc.prose_len;
    for (size_t i = 0; i < n_sentences && doc->status == FL_OK; i++) {
        const fl_sentence *s = &sentences[i];
        const size_t s_off = s->off;
        size_t s_end = s_off + s->len;
        if (s_end == s_off || s_end > prose_len)
            continue;
        /* never end inside a code point (one test for most sentences: the
         * prose is NUL-terminated, so text[prose_len] is read and ends
         * none) */
        if (((unsigned char)dc.text[s_end] & 0xC0) == 0x80)
            do
                s_end--;
            while (s_end > s_off && ((unsigned char)dc.text[s_end] & 0xC0) == 0x80);
        mx->sentence = i;
        mx->sent = s;
        mx->s_off = s_off;
        mx->s_end = s_end;
        /* all zero between sentences: each clears what it claimed */
        mx->claim_lo = SIZE_MAX;
        mx->claim_hi = 0;
        if (!fill_words(mx, fast, &dc)) {
            doc->status = FL_ENOMEM;
            break;
        }
        mx->caps_sentence = s->all_caps || s->title_case;
        mx->name_first = mx->name_end = doc->mentions.count;
        extract_sentence(mx);
        if (mx->claim_lo < mx->claim_hi) {
            /* most sentences claim less than 64 bytes: four stores, no
             * call (the bytes past claim_hi are zero: unclaimed, or the
             * padding) */
            unsigned char *c = mx->claimed + (mx->claim_lo - mx->s_off);
            const size_t n = mx->claim_hi - mx->claim_lo;
            if (n <= CLAIMED_PAD)
                memset(c, 0, CLAIMED_PAD);
            else
                memset(c, 0, n);
        }
    }
}

static void walk_plain(fl_mx *mx)
{
    walk_body(mx, WALK_PLAIN);
}

#ifdef FL_BLOCK_AVX2
/* The word loops walk bits: BMI's one-instruction lowest-bit clear and
 * count (blsr, tzcnt) and BMI2's shifts by a register take a share of
 * their work per word. */
__attribute__((target("avx2,bmi,bmi2"))) static void walk_fast(fl_mx *mx)
{
    walk_body(mx, WALK_FAST);
}

#ifdef FL_BLOCK_AVX512
/* walk_fast with AVX-512BW, VBMI and VBMI2: the masks by mask_pass_avx512, the
 * lists of digit runs, name marks and marks by list_bits_wide, with no
 * loop over their bits (see there), and the words of the ASCII blocks by
 * words_wide, with no loop over them. */
__attribute__((target("avx2," WIDE_TARGET))) static void walk_wide(fl_mx *mx)
{
    walk_body(mx, WALK_WIDE);
}
#endif
#endif

static void walk_sentences(fl_mx *mx)
{
#ifdef FL_BLOCK_AVX2
    if (mx->bmi2) {
#ifdef FL_BLOCK_AVX512
        if (mx->wide) {
            walk_wide(mx);
            return;
        }
#endif
        walk_fast(mx);
        return;
    }
#endif
    walk_plain(mx);
}

fl_status fl_find_mentions(fl_doc *doc)
{
    doc->named = (fl_named_list){0}; /* (made again, or none) */
    if (!doc->patterns)
        return FL_EUSAGE;
    if (doc->prose.len >= FL_MENTION_PROSE_MAX)
        return doc->status = FL_ETOOBIG;
    fl_mx mx;
    memset(&mx, 0, sizeof mx);
    mx.doc = doc;
    mx.patterns = doc->patterns;
    mx.words_table = fl_patterns_words(doc->patterns);
    mx.text = doc->prose.text;
#ifdef FL_BLOCK_AVX2
    mx.avx2 = __builtin_cpu_supports("avx2") != 0;
    mx.bmi2 = mx.avx2 && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
#ifdef FL_BLOCK_AVX512
    mx.wide = mx.bmi2 && __builtin_cpu_supports("avx512bw") &&
              __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512vbmi2");
#endif
#endif
    fl_vec_init(&mx.pending, sizeof(fl_pending));
    fl_vec_init(&mx.flags, 1);
    /* memo indexes sized for about one distinct surface per 32 bytes */
    mx.memo_first = 64;
    while (mx.memo_first < doc->prose.len / 16 && mx.memo_first < 65536)
        mx.memo_first *= 2;
    /* the checker's per-thread workspace when there is one */
    fl_workspace *own = doc->ws ? NULL : fl_workspace_new();
    fl_workspace *ws = doc->ws ? doc->ws : own;
    if (!ws)
        return FL_ENOMEM;
    mx.md = ws->match_data;
    mx.stemmer = ws->stemmer;
    size_t longest = 0;
    for (size_t i = 0; i < doc->sentences.count; i++) {
        const fl_sentence *s = FL_DOC_SENTENCE(doc, i);
        if (s->len > longest && s->off + s->len <= doc->prose.len)
            longest = s->len;
    }
    /* room for about one mention per 16 bytes of prose, and twice those
     * already in the document */
    const size_t guess = doc->prose.len / 16;
    if (!scratch_reserve(&mx, longest,
                         2 * doc->mentions.count + 16 + (guess < 65536 ? guess : 65536))) {
        fl_workspace_free(own);
        return doc->status = FL_ENOMEM;
    }
    /* a list of the codes, names and acronyms only when every mention is
     * found here: each of those already in the document has a key memo
     * entry of its own (KEY_OLD), however alike their surfaces */
    const bool list = doc->mentions.count == 0;
    if (!take_mentions(&mx)) {
        doc->status = FL_ENOMEM;
        goto done;
    }
    walk_sentences(&mx);
    if (doc->status == FL_OK)
        settle_document(&mx, list);
done:
    if (doc->mentions.items == mx.mention_store)
        return_mentions(&mx);
    scratch_free(&mx, mx.mention_store);
    scratch_free(&mx, mx.mention_key);
    scratch_free(&mx, mx.flags.items);
    scratch_free(&mx, mx.keys);
    scratch_free(&mx, mx.key_index.slots);
    scratch_free(&mx, mx.folds);
    scratch_free(&mx, mx.fold_index.slots);
    free(mx.scratch);
    fl_workspace_free(own);
    return doc->status;
}

/* -------------------------------------------------------------- output */

const char *fl_mention_kind_name(fl_mention_kind kind)
{
    static const char *const names[FL_M_KIND_COUNT] = {
        [FL_M_CODE] = "code",       [FL_M_NAME] = "name",
        [FL_M_ACRONYM] = "acronym", [FL_M_ACRONYM_DEF] = "acronym-definition",
        [FL_M_MONEY] = "money",     [FL_M_QUANTITY] = "quantity",
        [FL_M_PERCENT] = "percent", [FL_M_DATE] = "date",
        [FL_M_AGE] = "age",         [FL_M_TITLE] = "title"};
    return (unsigned)kind < FL_M_KIND_COUNT ? names[kind] : "unknown";
}

static void format_number(char *buf, size_t cap, double v)
{
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
        snprintf(buf, cap, "%.0f", v);
    else
        snprintf(buf, cap, "%.15g", v);
}

static const char *linked_surface(const fl_doc *doc, long index)
{
    if (index < 0 || (size_t)index >= doc->mentions.count)
        return NULL;
    return FL_DOC_MENTION(doc, index)->surface;
}

const char *fl_mention_value_string(fl_doc *doc, const fl_mention *m)
{
    static const char *const weekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                           "thursday", "friday", "saturday"};
    char num[64];
    const char *who;
    switch (m->kind) {
    case FL_M_MONEY:
        format_number(num, sizeof num, m->number);
        return fl_arena_printf(doc->arena, "%s %s", m->currency, num);
    case FL_M_QUANTITY:
        format_number(num, sizeof num, m->number);
        return fl_arena_printf(doc->arena, "%s %s", num, m->unit ? m->unit : "");
    case FL_M_PERCENT:
        format_number(num, sizeof num, m->number);
        return fl_arena_printf(doc->arena, "%s", num);
    case FL_M_AGE:
        format_number(num, sizeof num, m->number);
        who = linked_surface(doc, m->person);
        return who ? fl_arena_printf(doc->arena, "%s -> %s", num, who)
                   : fl_arena_printf(doc->arena, "%s", num);
    case FL_M_TITLE:
        who = linked_surface(doc, m->person);
        return fl_arena_printf(doc->arena, "%s%s%s", m->unit ? m->unit : "", who ? " -> " : "",
                               who ? who : "");
    case FL_M_ACRONYM_DEF:
        return m->expansion ? m->expansion : "";
    case FL_M_NAME:
        who = linked_surface(doc, m->entity);
        return who ? fl_arena_printf(doc->arena, "-> %s", who) : "";
    case FL_M_DATE: {
        char date[32] = "";
        if (m->year)
            snprintf(date, sizeof date, "%04d", m->year);
        else if (m->month)
            snprintf(date, sizeof date, "-");
        if (m->month)
            snprintf(date + strlen(date), sizeof date - strlen(date), "-%02d", m->month);
        if (m->day)
            snprintf(date + strlen(date), sizeof date - strlen(date), "-%02d", m->day);
        const char *prec = m->precision == FL_DATE_DAY     ? "day"
                           : m->precision == FL_DATE_MONTH ? "month"
                                                           : "year";
        return fl_arena_printf(doc->arena, "%s%s%s%s%s", date, *date ? " " : "", prec,
                               m->weekday >= 0 && m->weekday < 7 ? " " : "",
                               m->weekday >= 0 && m->weekday < 7 ? weekdays[m->weekday] : "");
    }
    default:
        return "";
    }
}

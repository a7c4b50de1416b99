/* mentions_code.c - product and model identifiers: letters and digits in
 * one token (H20, H100, A800, B200, MI308, PS5, R1, GPT-4o, F-35,
 * COVID-19, G7, 4G), a head word and a number (RTX 4090, MAX 9, iPhone 15
 * Pro, Section 230, Flight 370, Windows 11), a number and a variant (737
 * MAX, 737 MAX 8). A plural or possessive ending stays on the mention
 * (H20s, H20's) and the fold drops it (FL_FOLD_CODE).
 *
 * Not codes: calendar quarters and halves (Q3, H1 2025), ordinals and
 * decades (3rd, 1990s), numbers glued to units (100MW, 16GB, 5km, 100M),
 * times (3 p.m.) and scores (3-1), which have no letters to begin with. */
#include "mentions.h"

#include <stdint.h>
#include <string.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
    return is_digit(c) || is_alpha(c);
}

/* Measurement units that turn "100MW" into an amount, not a code. */
static bool unit_suffix(const char *s, size_t len)
{
    static const char *const units[] = {
        "MW", "GW", "KW",   "kW",   "GB",   "TB",  "MB",  "KB",  "GHz", "MHz", "mAh", "M",  "K",
        "B",  "BN", "KM",   "KG",   "MPH",  "AM",  "PM",  "AD",  "BC",  "ST",  "ND",  "RD", "TH",
        "Bn", "Mn", "Kbps", "Mbps", "Gbps", "TWh", "GWh", "MWh", "kWh", "C",   "F",   "S"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (fl_word_eq(s, len, units[i]))
            return true;
    return false;
}

/* Whether the alnum-run at `at` of len bytes is a calendar period, no
 * code: a quarter (Q1-Q4) or a half before a year (H1 2025). */
static inline bool period_shape(const fl_mx *mx, size_t at, size_t len)
{
    const char *s = mx->text + at;
    if (len != 2)
        return false;
    /* Q1-Q4: quarters */
    if (s[0] == 'Q' && s[1] >= '1' && s[1] <= '4')
        return true;
    /* H1/H2 before a year: halves */
    if (s[0] == 'H' && (s[1] == '1' || s[1] == '2')) {
        size_t e = at + len;
        if (e + 5 <= mx->s_end && mx->text[e] == ' ' && mx->text[e + 1] == '2' &&
            mx->text[e + 2] == '0' && is_digit(mx->text[e + 3]) && is_digit(mx->text[e + 4]))
            return true;
    }
    return false;
}

/* Whether the alnum-run [s, s+len) (possessive already removed) is a code. */
static bool code_shape(const fl_mx *mx, size_t at, size_t len)
{
    const char *s = mx->text + at;
    bool digit = false, upper = false;
    size_t lead_digits = 0;
    const size_t rel = at - mx->s_off, sh = rel & 63;
    if (mx->wend && len && sh + len <= 64) {
        /* inside one block of the sentence's masks (ASCII digits and
         * capitals): the tests below without a byte loop */
        const fl_word_block *bk = &mx->blocks[rel / 64];
        const uint64_t m = (~(uint64_t)0 >> (64 - len)) << sh; /* 1 <= len <= 64 */
        digit = (bk->digit & m) != 0;
        upper = (bk->upper & m) != 0;
        /* (zero when every byte from `at` to the block's end is a digit) */
        const uint64_t other = ~bk->digit >> sh;
        lead_digits = other ? (size_t)__builtin_ctzll(other) : 64;
        if (lead_digits > len)
            lead_digits = len;
    } else {
        while (lead_digits < len && is_digit(s[lead_digits]))
            lead_digits++;
        for (size_t i = 0; i < len; i++) {
            digit |= is_digit(s[i]);
            upper |= is_upper(s[i]);
        }
    }
    if (!digit || !upper || period_shape(mx, at, len))
        return false;
    /* digits then a unit: 100MW, 16GB, 100M */
    if (lead_digits > 0 && lead_digits < len) {
        bool letters_only = true;
        for (size_t i = lead_digits; i < len; i++)
            letters_only &= is_alpha(s[i]);
        if (letters_only && unit_suffix(s + lead_digits, len - lead_digits))
            return false;
    }
    return true;
}

/* Adds the code [start, end), which lies inside the sentence (every match
 * of the walk ends by s_end): the claimed test and the claim without their
 * bounds tests. */
static void add_code(fl_mx *mx, size_t start, size_t end)
{
    if (fl_mx_claimed_in(mx, start, end - start))
        return;
    if (!fl_mx_add(mx, FL_M_CODE, start, end - start, FL_FOLD_CODE))
        return;
    fl_mx_claim_in(mx, start, end - start);
}

/* The end of the code's core, before a possessive ending. */
static size_t core_end(const fl_mx *mx, size_t start, size_t end)
{
    const char *t = mx->text;
    if (end - start > 2 && t[end - 1] == 's' && t[end - 2] == '\'')
        return end - 2;
    if (end - start > 4 && t[end - 1] == 's' && (unsigned char)t[end - 2] == 0x99 &&
        (unsigned char)t[end - 3] == 0x80 && (unsigned char)t[end - 4] == 0xE2)
        return end - 4;
    return end;
}

/* A word of up to three bytes and its length packed into one key: the
 * heads below are told apart by one switch instead of a string compare
 * each. */
#define HEAD_KEY1(a) (((uint32_t)1 << 24) | (uint32_t)(a))
#define HEAD_KEY2(a, b) (((uint32_t)2 << 24) | ((uint32_t)(a) << 8) | (uint32_t)(b))
#define HEAD_KEY3(a, b, c)                                                                         \
    (((uint32_t)3 << 24) | ((uint32_t)(a) << 16) | ((uint32_t)(b) << 8) | (uint32_t)(c))

static inline __attribute__((always_inline)) bool head_excluded(const char *s, size_t len)
{
    if (len == 0 || len > 3)
        return false; /* none of the heads is longer */
    uint32_t key = (uint32_t)len << 24;
    for (size_t i = 0; i < len; i++)
        key |= (uint32_t)(unsigned char)s[i] << (8 * (len - 1 - i));
    switch (key) {
    case HEAD_KEY2('U', 'S'):
    case HEAD_KEY2('U', 'K'):
    case HEAD_KEY2('E', 'U'):
    case HEAD_KEY2('U', 'N'):
    case HEAD_KEY2('A', 'M'):
    case HEAD_KEY2('P', 'M'):
    case HEAD_KEY2('A', 'D'):
    case HEAD_KEY2('B', 'C'):
    case HEAD_KEY2('N', 'O'):
    case HEAD_KEY2('T', 'V'):
    case HEAD_KEY3('C', 'E', 'O'):
    case HEAD_KEY3('C', 'F', 'O'):
    case HEAD_KEY3('C', 'O', 'O'):
    case HEAD_KEY3('C', 'T', 'O'):
    case HEAD_KEY3('G', 'D', 'P'):
    case HEAD_KEY2('A', 'I'):
    case HEAD_KEY3('U', 'S', 'D'):
    case HEAD_KEY3('G', 'B', 'P'):
    case HEAD_KEY3('E', 'U', 'R'):
    case HEAD_KEY3('J', 'P', 'Y'):
    case HEAD_KEY3('C', 'N', 'Y'):
    case HEAD_KEY2('E', 'T'):
    case HEAD_KEY3('G', 'M', 'T'):
    case HEAD_KEY3('B', 'S', 'T'):
    case HEAD_KEY3('U', 'T', 'C'):
    case HEAD_KEY3('E', 'S', 'T'):
    case HEAD_KEY3('P', 'S', 'T'):
    case HEAD_KEY2('F', 'Y'):
    case HEAD_KEY1('Q'):
    case HEAD_KEY3('N', 'H', 'S'):
    case HEAD_KEY3('B', 'B', 'C'):
    case HEAD_KEY3('V', 'A', 'T'):
        return true;
    default:
        return false;
    }
}

/* The look-ahead NOT_WORD at `at` ((?![\p{L}\p{N}]|[.,][0-9])): 1 when
 * it holds, 0 when not, -1 when a code point past ASCII other than the ’
 * is there, which the pattern's Unicode tables decide. */
static int not_word_at(const fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (at >= mx->s_end)
        return 1;
    const unsigned char b = t[at];
    if (b < 0x80)
        return !(is_alnum((char)b) ||
                 ((b == '.' || b == ',') && at + 1 < mx->s_end && is_digit((char)t[at + 1])));
    if (at + 2 < mx->s_end && b == 0xE2 && t[at + 1] == 0x80 && t[at + 2] == 0x99)
        return 1; /* ’ */
    return -1;
}

/* The tail POSSESSIVE NOT_WORD of the code patterns at `at`, as the
 * pattern tries it: a possessive ('s or ’s) when the look-ahead holds
 * after it, else none when it holds at `at`. The end in *end and 1, 0
 * when the tail fails there, -1 when the pattern must decide. */
static int tail_at(const fl_mx *mx, size_t at, size_t *end)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    size_t p = 0;
    if (at + 1 < mx->s_end && t[at] == '\'' && t[at + 1] == 's')
        p = at + 2;
    else if (at + 3 < mx->s_end && t[at] == 0xE2 && t[at + 1] == 0x80 && t[at + 2] == 0x99 &&
             t[at + 3] == 's')
        p = at + 4;
    int ok;
    if (p && (ok = not_word_at(mx, p)) != 0) {
        *end = p;
        return ok;
    }
    ok = not_word_at(mx, at);
    *end = at;
    return ok;
}

/* Whether the literal lit (a \s in it: any of fl_re_space) is at `at`;
 * its end in *end. (In line: a call per variant tried less.) */
static inline __attribute__((always_inline)) bool variant_at(const fl_mx *mx, size_t at,
                                                             const char *lit, size_t *end)
{
    const char *t = mx->text;
    size_t p = at;
    for (; *lit; lit++, p++) {
        if (p >= mx->s_end)
            return false;
        if (*lit == ' ' ? !fl_re_space(t[p]) : t[p] != *lit)
            return false;
    }
    *end = p;
    return true;
}

/* The variants after the number of FL_RE_CODE_HEADNUM, FL_RE_CODE_NAMENUM
 * and FL_RE_CODE_NUMSUFFIX (patterns.c), in the order each pattern tries
 * them (a space for its \s); test_mentions.c's test_code_words compares
 * them with what the patterns spell (fl_code_hand_words). */
static const char *const headnum_variants[] = {"Ti",  "SUPER", "Super", "XTX",  "XT",   "Pro",
                                               "Max", "Ultra", "Plus",  "Mini", "mini", NULL};
static const char *const namenum_variants[] = {"Pro Max", "Pro", "Max", "Plus", "Ultra", "Mini",
                                               "mini",    "SE",  "XL",  "Fold", "Flip",  NULL};
static const char *const numsuffix_variants[] = {"MAX", "NG", "neo", "XWB"};

/* Whether c is the first letter of a variant of headnum_variants or
 * namenum_variants (F M P S T U X m): after most numbers ("Section 5 of")
 * none is, and head_number_end tries no variant. (test_code_words checks
 * the lists against the patterns through fl_code_hand_words, which gives
 * none when variant_first misses a first letter of one.) */
static inline bool variant_first(char c)
{
    const uint64_t firsts = 1ull << ('F' - 'A') | 1ull << ('M' - 'A') | 1ull << ('P' - 'A') |
                            1ull << ('S' - 'A') | 1ull << ('T' - 'A') | 1ull << ('U' - 'A') |
                            1ull << ('X' - 'A') | 1ull << ('m' - 'A');
    const unsigned f = (unsigned)((unsigned char)c - 'A');
    return f < 64 && ((firsts >> f) & 1);
}

/* Whether variant_first holds for the first letter of each variant of v. */
static bool firsts_known(const char *const *v)
{
    for (; *v; v++)
        if (!variant_first(**v))
            return false;
    return true;
}

size_t fl_code_hand_words(int id, const char *const **words)
{
    *words = NULL;
    switch (id) {
    /* (no variant, which the test refuses, when variant_first misses one) */
    case FL_RE_CODE_HEADNUM:
        *words = headnum_variants;
        return firsts_known(headnum_variants)
                   ? sizeof headnum_variants / sizeof headnum_variants[0] - 1
                   : 0;
    case FL_RE_CODE_NAMENUM:
        *words = namenum_variants;
        return firsts_known(namenum_variants)
                   ? sizeof namenum_variants / sizeof namenum_variants[0] - 1
                   : 0;
    case FL_RE_CODE_NUMSUFFIX:
        *words = numsuffix_variants;
        return sizeof numsuffix_variants / sizeof numsuffix_variants[0];
    default:
        return 0;
    }
}

/* The end of what FL_RE_CODE_HEADNUM (variants: the HEADNUM ones) or
 * FL_RE_CODE_NAMENUM matches at `at`, where its head word ends at `we`
 * and a space and a digit follow (the head is one of the pattern's, and
 * no shorter head can end before a \s), read here as the pattern reads
 * it: at most max_digits digits (more, and no shorter run holds: a digit
 * would follow), an ASCII letter taken when one follows (leaving it, it
 * would follow), then the first variant in the pattern's order after a
 * \s that its tail holds after, else the tail right there. -1 when the
 * pattern must decide (a code point past ASCII in a look-ahead). */
static long head_number_end(const fl_mx *mx, size_t we, size_t max_digits,
                            const char *const *variants)
{
    const char *t = mx->text;
    size_t q = we + 1;
    const size_t run = fl_mx_digit_run(mx, q);
    if (run == 0 || run > max_digits)
        return 0;
    q += run;
    if (q < mx->s_end && is_alpha(t[q]))
        q++;
    size_t end, ve;
    int ok;
    if (q + 1 < mx->s_end && fl_re_space(t[q]) && variant_first(t[q + 1]))
        for (const char *const *v = variants; *v; v++)
            if (variant_at(mx, q + 1, *v, &ve) && (ok = tail_at(mx, ve, &end)) != 0)
                return ok < 0 ? -1 : (long)end;
    ok = tail_at(mx, q, &end);
    return ok < 0 ? -1 : ok ? (long)end : 0;
}

/* FL_RE_CODE_HEADNUM at `at`, a word of two to six capitals that ends at
 * `we` before a space and a digit (head_number_end; the pattern decides
 * when it must). */
static size_t headnum_match(fl_mx *mx, size_t at, size_t we)
{
    const long e = head_number_end(mx, we, 5, headnum_variants);
    return e < 0 ? fl_mx_match(mx, FL_RE_CODE_HEADNUM, at) : (size_t)e;
}

/* FL_RE_CODE_NAMENUM at `at`, a head word (fl_namenum_head) that ends at
 * `we` before a space and a digit (as headnum_match). */
static size_t namenum_match(fl_mx *mx, size_t at, size_t we)
{
    const long e = head_number_end(mx, we, 4, namenum_variants);
    return e < 0 ? fl_mx_match(mx, FL_RE_CODE_NAMENUM, at) : (size_t)e;
}

/* Aircraft makers whose models are bare numbers ("Boeing 777", "Boeing
 * 787-9"): the number is the code, in the family "<maker> #" (what the
 * normalizer's family of "Boeing 777" is). */
static const char *const makers[] = {"Boeing",  "Airbus",  "Embraer",  "Bombardier",
                                     "Antonov", "Tupolev", "Ilyushin", "Cessna"};

/* Whether s[0..len) is one of makers (their list walked: see is_maker). */
static __attribute__((noinline)) bool maker_listed(const char *s, size_t len)
{
    static const unsigned char lengths[] = {6, 6, 7, 10, 7, 7, 8, 6}; /* of makers */
    for (size_t i = 0; i < sizeof makers / sizeof makers[0]; i++)
        if (lengths[i] == len && memcmp(makers[i], s, len) == 0)
            return true;
    return false;
}

/* Whether s[0..len) has the first letter and length of a maker (most
 * words have not: passed at once). */
static inline bool maker_shape(const char *s, size_t len)
{
    enum {
        FIRSTS = 1u << ('A' - 'A') | 1u << ('B' - 'A') | 1u << ('C' - 'A') | 1u << ('E' - 'A') |
                 1u << ('I' - 'A') | 1u << ('T' - 'A')
    };
    const unsigned f = (unsigned)((unsigned char)s[0] - 'A');
    return len >= 6 && len <= 10 && f < 26 && ((FIRSTS >> f) & 1u);
}

/* (the list's walk out of line: the callers save no registers for it) */
static inline __attribute__((always_inline)) bool is_maker(const char *s, size_t len)
{
    return maker_shape(s, len) && maker_listed(s, len);
}

/* A maker or a FL_RE_CODE_NAMENUM head, for a word of a maker's shape
 * (out of line: heads_number keeps nothing across a call otherwise). */
static __attribute__((noinline)) bool maker_or_namenum(const char *s, size_t len)
{
    return maker_listed(s, len) || fl_namenum_head(s, len);
}

/* A model number at `at`: three digits, optionally a hyphen and one to
 * three digits ("777", "787-9", "737-800"), then an optional plural or
 * possessive ending; the end, or 0. *core is the end of the number. */
static size_t model_number(const fl_mx *mx, size_t at, size_t *core)
{
    const char *t = mx->text;
    size_t i = at;
    while (i < mx->s_end && i - at < 4 && is_digit(t[i]))
        i++;
    if (i - at != 3 || t[at] == '0')
        return 0;
    if (i + 1 < mx->s_end && t[i] == '-' && is_digit(t[i + 1])) {
        size_t j = i + 1;
        while (j < mx->s_end && j - i <= 4 && is_digit(t[j]))
            j++;
        if (j - i - 1 > 3)
            return 0;
        i = j;
    }
    *core = i;
    if (i < mx->s_end && t[i] == 's')
        i++;
    else if (i + 1 < mx->s_end && t[i] == '\'' && t[i + 1] == 's')
        i += 2;
    else if (i + 3 < mx->s_end && memcmp(t + i, "\xe2\x80\x99s", 4) == 0)
        i += 4;
    /* no more word, no range or score ("777-9-1"), no decimal ("777.5") */
    if (i < mx->s_end &&
        (fl_mx_alnum_at(mx, i) || t[i] == '-' || t[i] == '/' ||
         ((t[i] == '.' || t[i] == ',') && i + 1 < mx->s_end && is_digit(t[i + 1]))))
        return 0;
    return i;
}

/* Adds the model [start, end) (inside the sentence: model_number ends by
 * s_end), as add_code. */
static void add_model(fl_mx *mx, size_t start, size_t end, const char *family)
{
    if (fl_mx_claimed_in(mx, start, end - start))
        return;
    fl_mention *m = fl_mx_add(mx, FL_M_CODE, start, end - start, FL_FOLD_CODE);
    if (!m)
        return;
    m->family = family;
    fl_mx_claim_in(mx, start, end - start);
}

/* Whether number a[0..al) has the shape of model b[0..bl): the same digit
 * groups, and the same first and last digit ("767" as "777", "787-9" as
 * "777-9"; not "150" as "737"). */
static bool same_model_shape(const char *a, size_t al, const char *b, size_t bl)
{
    while (bl > 0 && !is_digit(b[bl - 1])) /* plural or possessive */
        bl--;
    if (al != bl || al == 0 || a[0] != b[0] || a[al - 1] != b[bl - 1])
        return false;
    for (size_t i = 0; i < al; i++)
        if ((a[i] == '-') != (b[i] == '-'))
            return false;
    return true;
}

enum { FL_MODEL_LOOKBACK = 256 }; /* mentions searched for a maker's model */

/* The family of an earlier maker model ("Boeing 777") whose shape the bare
 * number t[at..core) has, or NULL. */
static const char *earlier_model_family(const fl_mx *mx, size_t at, size_t core)
{
    const fl_doc *doc = mx->doc;
    size_t n = doc->mentions.count;
    size_t lo = n > FL_MODEL_LOOKBACK ? n - FL_MODEL_LOOKBACK : 0;
    for (size_t k = n; k > lo; k--) {
        const fl_mention *m = FL_DOC_MENTION(doc, k - 1);
        if (m->kind != FL_M_CODE || !m->family)
            continue;
        size_t fl = strlen(m->family);
        if (fl < 3 || memcmp(m->family + fl - 2, " #", 2) != 0 || !is_digit(m->surface[0]))
            continue;
        if (same_model_shape(mx->text + at, core - at, m->surface, m->len))
            return m->family;
    }
    return NULL;
}

/* Whether FL_RE_CODE_NUMSUFFIX ("737 MAX", "737-8 MAX") can match at
 * `at`: exactly three digits, then a hyphen or a space. */
static bool numsuffix_shape(const fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    if (at + 3 >= mx->s_end || !is_digit(t[at]) || !is_digit(t[at + 1]) || !is_digit(t[at + 2]) ||
        is_digit(t[at + 3]))
        return false;
    size_t p = at + 3;
    if (p < mx->s_end && t[p] == '-') { /* "737-8": one to three digits */
        size_t run = fl_mx_digit_run(mx, p + 1);
        if (run < 1 || run > 3)
            return false;
        p += 1 + run;
    }
    /* a space, then the first letter of MAX, NG, neo or XWB */
    return p + 1 < mx->s_end && fl_re_space(t[p]) &&
           (t[p + 1] == 'M' || t[p + 1] == 'N' || t[p + 1] == 'n' || t[p + 1] == 'X');
}

/* numsuffix_shape at a whole run of three digits that ends at `re`, where
 * a space or the sentence's end is: the letter after that space. */
static inline bool numsuffix_after(const fl_mx *mx, size_t re)
{
    /* no end test: every call asks for a space at re first, so re + 1 is
     * a byte of the prose; past the sentence this may say yes where the
     * scan's numsuffix_shape then says no (the run is only not stepped
     * over) */
    const char c = mx->text[re + 1];
    return c == 'M' || c == 'N' || c == 'n' || c == 'X';
}

/* FL_RE_CODE_NUMSUFFIX at `at`, where numsuffix_shape holds, read as the
 * pattern reads it (the hyphen's digits, one to three, taken whole: a
 * shorter run leaves a digit before the \s); the pattern decides when it
 * must (tail_at). */
static size_t numsuffix_match(fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    size_t p = at + 3, s = 0, end;
    if (t[p] == '-')
        p += 1 + fl_mx_digit_run(mx, p + 1);
    p++; /* the \s */
    for (size_t k = 0; k < sizeof numsuffix_variants / sizeof numsuffix_variants[0] && !s; k++)
        variant_at(mx, p, numsuffix_variants[k], &s);
    if (!s)
        return 0;
    int ok;
    if (s + 1 < mx->s_end && fl_re_space(t[s])) {
        /* " 8": one or two digits, no third */
        const size_t run = fl_mx_digit_run(mx, s + 1);
        if (run >= 1 && run <= 2 && (ok = tail_at(mx, s + 1 + run, &end)) != 0)
            return ok < 0 ? fl_mx_match(mx, FL_RE_CODE_NUMSUFFIX, at) : end;
    }
    if (s < mx->s_end && is_digit(t[s]))
        return 0;
    ok = tail_at(mx, s, &end);
    return ok < 0 ? fl_mx_match(mx, FL_RE_CODE_NUMSUFFIX, at) : ok ? end : 0;
}

/* A model number after a maker ("Boeing 767") or, when the document has
 * named a maker's model of its shape, after "the", "a" or "an" ("the
 * 787-9"). Returns the end, or 0. */
static size_t maker_model(fl_mx *mx, size_t word, size_t we)
{
    const char *t = mx->text;
    size_t core, e;
    if (we + 1 >= mx->s_end || t[we] != ' ' || !is_digit(t[we + 1]) ||
        !is_maker(t + word, we - word))
        return 0;
    if ((numsuffix_shape(mx, we + 1) && numsuffix_match(mx, we + 1)) ||
        !(e = model_number(mx, we + 1, &core)))
        return 0;
    char family[32];
    size_t k = 0;
    for (size_t i = word; i < we && k + 3 < sizeof family; i++)
        family[k++] = (char)(is_upper(t[i]) ? t[i] - 'A' + 'a' : t[i]);
    memcpy(family + k, " #", 3);
    const char *f = fl_arena_strndup(mx->doc->arena, family, k + 2);
    if (!f) {
        mx->doc->status = FL_ENOMEM;
        return 0;
    }
    add_model(mx, we + 1, e, f);
    return e;
}

static size_t bare_model(fl_mx *mx, size_t at)
{
    size_t ws, wl, core, e;
    const char *t = mx->text;
    /* a space before and three digits (model_number) first: cheaper */
    if (at == mx->s_off || t[at - 1] != ' ' || at + 3 > mx->s_end || !is_digit(t[at + 1]) ||
        !is_digit(t[at + 2]) || (at + 3 < mx->s_end && is_digit(t[at + 3])))
        return 0;
    /* the word before ends right before the space (ws + wl + 1 == at):
     * in the e, a or n of "the", "a", "an" (no call for the rest) */
    if (at < mx->s_off + 2)
        return 0;
    const char last = (char)(t[at - 2] | 0x20);
    if (last != 'e' && last != 'a' && last != 'n')
        return 0;
    if (!fl_mx_prev_word(mx, at, &ws, &wl) || ws + wl + 1 != at || mx->text[at - 1] != ' ' ||
        !(fl_word_is(mx->text + ws, wl, "the") || fl_word_is(mx->text + ws, wl, "a") ||
          fl_word_is(mx->text + ws, wl, "an")))
        return 0;
    if (!(e = model_number(mx, at, &core)))
        return 0;
    const char *family = earlier_model_family(mx, at, core);
    if (!family)
        return 0;
    add_model(mx, at, e, family);
    return e;
}

/* The start of the space-separated token holding `at` (not before lo). */
static size_t token_start(const fl_mx *mx, size_t at, size_t lo)
{
    while (at > lo && mx->text[at - 1] != ' ')
        at--;
    return at;
}

/* Whether the word s[0..len) of ASCII letters, after a space, heads a
 * number after the space that follows it: a maker ("Boeing"), a word of
 * two to six capitals not excluded ("RTX", outside a sentence in
 * capitals) or a FL_RE_CODE_NAMENUM head ("Section", "iPhone"), as the
 * scan of fl_extract_codes tries them at the word. */
static __attribute__((noinline)) bool heads_number(const fl_mx *mx, const char *s, size_t len)
{
    if (!is_upper(s[0]))
        return s[0] == 'i' && fl_namenum_head(s, len);
    if (len < 2)
        return false;     /* one capital: no head of any kind */
    if (is_upper(s[1])) { /* most words have a small second letter */
        bool all_upper = true;
        for (size_t k = 2; k < len; k++)
            all_upper &= is_upper(s[k]);
        if (all_upper)
            return len <= 6 && !mx->sent->all_caps && !head_excluded(s, len);
    }
    return maker_shape(s, len) ? maker_or_namenum(s, len) : fl_namenum_head(s, len);
}

/* Where the scan for a code whose number starts after the space at `sp`
 * begins (not before lo): at the token before the space when it may hold
 * a head word of the number, else after the space. Only the word that
 * ends at the space can be one; the token's other words neither have a
 * digit nor end before a space. A word of ASCII letters after a space is
 * tested as the scan would (heads_number); when in doubt (a byte past
 * ASCII or another byte before the word, or the word reaching back to
 * lo), the whole token. */
static inline __attribute__((always_inline)) size_t head_from(const fl_mx *mx, size_t sp, size_t lo)
{
    const char *t = mx->text;
    /* the ASCII letters before sp, from the sentence's masks (or read) */
    size_t p = fl_mx_letters_from(mx, sp);
    if (p == SIZE_MAX) {
        p = sp;
        while (p > lo && is_alpha(t[p - 1]))
            p--;
    } else if (p < lo) {
        p = lo;
    }
    if (p == sp)
        return sp + 1; /* no letter ends there: no word ends at the space */
    if (p > lo && t[p - 1] == ' ') {
        /* most words start with a small letter other than "i": no head
         * (heads_number), told here without a call */
        if (!is_upper(t[p]) && t[p] != 'i')
            return sp + 1;
        return heads_number(mx, t + p, sp - p) ? p : sp + 1;
    }
    if (p == lo || (unsigned char)t[p - 1] >= 0x80 || is_digit(t[p - 1]) || is_upper(t[p]) ||
        t[p] == 'i')
        return token_start(mx, sp, lo);
    return sp + 1;
}

/* The end of the ASCII letters and digits from `at`: from the sentence's
 * masks when on (to the next byte that is no ASCII letter or digit; past
 * the sentence all are none), else read. */
static inline size_t alnum_end(const fl_mx *mx, size_t at)
{
    if (mx->wend && at < mx->s_end)
        for (;;) {
            const size_t rel = at - mx->s_off;
            const uint64_t stop = mx->blocks[rel / 64].other >> (rel & 63);
            if (stop)
                return at + (size_t)__builtin_ctzll(stop);
            at += 64 - (rel & 63);
        }
    while (at < mx->s_end && is_alnum(mx->text[at]))
        at++;
    return at;
}

/* Whether no letter or digit is at `at` (the look-ahead (?![\p{L}\p{N}])):
 * 1 yes, 0 no, -1 when a code point past ASCII other than the ’ is
 * there, which the Unicode tables of the pattern decide. (In line: it is
 * asked once or twice per code.) */
static inline __attribute__((always_inline)) int no_alnum_at(const fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (at >= mx->s_end)
        return 1;
    if (t[at] < 0x80)
        return !is_alnum((char)t[at]);
    if (at + 2 < mx->s_end && t[at] == 0xE2 && t[at + 1] == 0x80 && t[at + 2] == 0x99)
        return 1; /* ’ */
    return -1;
}

/* Where FL_RE_CODE_ALNUM matches at `at` (an ASCII letter or digit), or
 * 0, as the pattern decides it. The run of letters and digits and each
 * "-x9y" part after it are taken whole: a shorter one leaves a letter or
 * digit next, which nothing after it takes and the look-ahead refuses.
 * After them comes no ASCII letter or digit, so the look-ahead holds
 * there unless a code point past ASCII is next (handed to the pattern,
 * whose Unicode tables decide); a decimal ".5" and a possessive stay when
 * the look-ahead after them holds too, as the pattern backtracks. */
static size_t code_alnum_end(fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    size_t q = alnum_end(mx, at);
    while (q + 1 < mx->s_end && t[q] == '-') {
        size_t p = q + 1;
        while (p < mx->s_end && is_alpha((char)t[p]))
            p++;
        if (p >= mx->s_end || !is_digit((char)t[p]))
            break;
        q = alnum_end(mx, p);
    }
    int ok;
    size_t r = q;
    if (q + 1 < mx->s_end && t[q] == '.' && is_digit((char)t[q + 1])) {
        size_t d = q + 1;
        while (d < mx->s_end && is_digit((char)t[d]))
            d++;
        if ((ok = no_alnum_at(mx, d)) < 0)
            return fl_mx_match(mx, FL_RE_CODE_ALNUM, at);
        if (ok)
            r = d;
    }
    if (r == q && (ok = no_alnum_at(mx, q)) <= 0) /* an ASCII letter or digit cannot be next */
        return ok < 0 ? fl_mx_match(mx, FL_RE_CODE_ALNUM, at) : 0;
    size_t r2 = 0;
    if (r + 1 < mx->s_end && t[r] == '\'' && t[r + 1] == 's')
        r2 = r + 2;
    else if (r + 3 < mx->s_end && t[r] == 0xE2 && t[r + 1] == 0x80 && t[r + 2] == 0x99 &&
             t[r + 3] == 's')
        r2 = r + 4;
    if (r2) {
        if ((ok = no_alnum_at(mx, r2)) < 0)
            return fl_mx_match(mx, FL_RE_CODE_ALNUM, at);
        if (ok)
            return r2;
    }
    return r;
}

/* The bytes after a run of digits that join more to it (lone_run,
 * claimed_run, the walk's word of digits alone): an ASCII letter or
 * digit, a hyphen, any byte past ASCII. One load instead of their tests.
 * At the sentence's end they read the byte after it too (the prose has
 * one, its NUL at the end), where only what follows a run of three digits
 * should tell: when that byte joins, the scan takes the run as it would
 * any, which those shortcuts only repeat. */
static const bool joins_run[256] = {
    ['0' ... '9'] = true, ['A' ... 'Z'] = true,   ['a' ... 'z'] = true,
    ['-'] = true,         [0x80 ... 0xFF] = true,
};

/* Whether the scan of codes_walk, at `lo` with the next digit at the
 * start of the run of digits [rs, re) (rs >= lo), finds nothing before re
 * and steps over the run whole: the run stands alone (as the scan's test
 * of a word of digits alone reads it), and neither its token nor a head
 * word before it adds anything. After a space that holds when the word
 * before may head no number (head_from); after another ASCII byte that
 * is no letter, digit, hyphen, point or apostrophe, the words of the
 * token before the run have no digit (an earlier run would hold it) and
 * no space after them, so none of them is or heads a code; at the
 * sentence's start there is nothing before. Where a head word before the
 * space keeps the run, its start is left in *head: where the scan goes
 * next (as codes_walk's own head_from would find it again). */
static inline bool lone_run(const fl_mx *mx, size_t lo, size_t rs, size_t re, unsigned char b,
                            size_t *head)
{
    /* (b, the byte after the run, joins nothing to it: run_passed) */
    const char *t = mx->text;
    if (rs == mx->s_off)
        return re - rs != 3 || !(fl_re_space((char)b) && numsuffix_after(mx, re));
    const unsigned char p = (unsigned char)t[rs - 1];
    if (p == ' ') {
        /* three digits: no "737 MAX", and no model after "the", "a" or
         * "an" (bare_model: the word before ends with e, a or n) */
        if (re - rs == 3 &&
            ((fl_re_space((char)b) && numsuffix_after(mx, re)) ||
             (rs >= mx->s_off + 2 && ((t[rs - 2] | 0x20) == 'e' || (t[rs - 2] | 0x20) == 'a' ||
                                      (t[rs - 2] | 0x20) == 'n'))))
            return false;
        if (rs == lo)
            return true;
        const size_t h = head_from(mx, rs - 1, lo);
        if (h == rs)
            return true;
        *head = h;
        return false;
    }
    /* right after where the scan is (a run stepped over before it: "4.5",
     * "3,400"), a byte that is no letter or digit holds nothing either (no
     * digit is before a run: the runs are whole) */
    if (p >= 0x80 || is_alpha((char)p) || (rs - 1 != lo && (p == '-' || p == '.' || p == '\'')))
        return false;
    return re - rs != 3 || !(fl_re_space((char)b) && numsuffix_after(mx, re));
}

/* Whether the scan of codes_walk, at `lo` with the next digit at the
 * start of the run of digits [rs, re) (rs >= lo), finds nothing before re
 * and steps over the run whole when its first digit is claimed (money, a
 * percentage, a date, an age): every code the scan may find from lo to
 * re holds that digit (a code has a digit, and none is before rs), which
 * add_code refuses, and it goes on past re only where more joins the
 * run, which the byte after it tells as lone_run reads it: a letter, a
 * digit or a hyphen ("2024-B200"), a byte past ASCII, or "737 MAX". */
static inline bool claimed_run(const fl_mx *mx, size_t rs, size_t re, unsigned char b)
{
    /* (b, the byte after the run, joins nothing to it: run_passed) */
    return re - rs != 3 || !(fl_re_space((char)b) && numsuffix_after(mx, re));
}

/* Whether the walk steps over the run [rs, re) whole: claimed_run when
 * its first digit is claimed (where that fails, so does lone_run: the
 * same "737 MAX" test ends each of its ways), else lone_run; neither when
 * more joins the run (the byte after it, read once for both). *head as
 * lone_run leaves it. */
static inline bool run_passed(const fl_mx *mx, size_t lo, size_t rs, size_t re, size_t *head)
{
    const unsigned char b = (unsigned char)mx->text[re]; /* (see joins_run) */
    if (joins_run[b])
        return false;
    if (mx->claimed[rs - mx->s_off])
        return claimed_run(mx, rs, re, b);
    return lone_run(mx, lo, rs, re, b, head);
}

static __attribute__((noinline)) void codes_walk(fl_mx *mx)
{
    const char *t = mx->text;
    size_t i = mx->s_off;
    size_t next_digit = SIZE_MAX, digit_cursor = 0,
           from = i; /* where the next digit's code could start */
    while (i < mx->s_end) {
        /* every code has a digit: in its own run of letters and digits, or
         * right after its head word and a space ("Boeing 777", "RTX 4090").
         * Words before the token that holds the next digit (or before the
         * token ahead of it, for a head word) add nothing: skip them. A
         * run or a word never crosses a space, so the scan resumes there as
         * it would have. */
        if (next_digit == SIZE_MAX || next_digit < i) {
            size_t head = SIZE_MAX; /* head_from's answer in lone_run */
            if (mx->digits) {
                /* the runs that stand alone (lone_run) are stepped over
                 * here, as the scan below would step over them */
                size_t k = digit_cursor, rs = 0;
                const size_t n = mx->digit_run_count;
                for (; k < n; k++) {
                    rs = mx->s_off + mx->digits[2 * k];
                    const size_t re = mx->s_off + mx->digits[2 * k + 1];
                    if (re <= i)
                        continue;
                    if (rs < i || !run_passed(mx, i, rs, re, &head))
                        break;
                    i = re;
                }
                digit_cursor = k;
                if (k == n)
                    break;
                /* the run k reaches past i: the next digit is its first,
                 * or i inside it (as fl_mx_next_digit_forward finds) */
                next_digit = rs > i ? rs : i;
            } else {
                next_digit = fl_mx_next_digit_forward(mx, &digit_cursor, i);
                if (next_digit >= mx->s_end)
                    break;
            }
            if (head != SIZE_MAX) {
                /* the run k stays for what may head it before its space
                 * ("iPhone 15", "RTX 4090"): the scan starts where
                 * lone_run's head_from said, as the one below would say
                 * again (token_start stops at that space) */
                from = head;
            } else {
                from = token_start(mx, next_digit, i);
                if (from == next_digit && from > i && t[from - 1] == ' ')
                    from = head_from(mx, from - 1, i);
            }
        }
        if (i < from)
            i = from;
        char c = t[i];
        if (!(is_digit(c) || is_alpha(c)) || !fl_mx_word_start(mx, i)) {
            i++;
            continue;
        }
        if (i == next_digit && mx->digits) {
            /* a word of digits alone ("2024", "15,"; the run's end from the
             * sentence's table, where no ASCII letter, digit or hyphen
             * follows): no code but a model number or a "737 MAX" has only
             * digits, and those have three, a model after a space
             * (bare_model) and a "737 MAX" a space or hyphen next */
            size_t de = mx->s_off + mx->digits[2 * digit_cursor + 1];
            unsigned char b = (unsigned char)t[de]; /* (see joins_run) */
            if (!joins_run[b] &&
                (de - i != 3 || ((i == mx->s_off || t[i - 1] != ' ') &&
                                 !(fl_re_space((char)b) && numsuffix_after(mx, de))))) {
                i = de;
                continue;
            }
        }
        size_t start = i;
        /* the ASCII run of letters, digits and inner hyphens */
        size_t run = i;
        bool digit = false, upper = false;
        if (mx->wend) {
            /* from the sentence's masks: each run of letters and digits
             * to the next other byte (past the sentence all are), its
             * digits and capitals from theirs */
            for (;;) {
                const size_t rel = run - mx->s_off, sh = rel & 63;
                const fl_word_block *bk = &mx->blocks[rel / 64];
                const uint64_t stop = bk->other >> sh;
                const size_t n = stop ? (size_t)__builtin_ctzll(stop) : 64 - sh;
                const uint64_t in = n < 64 ? ((uint64_t)1 << n) - 1 : ~(uint64_t)0;
                digit |= ((bk->digit >> sh) & in) != 0;
                upper |= ((bk->upper >> sh) & in) != 0;
                run += n;
                if (!stop)
                    continue;
                /* (run <= s_end: a byte of the prose; a hyphen is no NUL) */
                if (t[run] == '-' && run + 1 < mx->s_end &&
                    (is_digit(t[run + 1]) || is_alpha(t[run + 1])))
                    run++;
                else
                    break;
            }
        } else {
            for (; run < mx->s_end; run++) {
                unsigned char b = (unsigned char)t[run];
                if ((unsigned)(b - '0') < 10u)
                    digit = true;
                else if ((unsigned)(b - 'A') < 26u)
                    upper = true;
                else if ((unsigned)(b - 'a') >= 26u &&
                         !(b == '-' && run + 1 < mx->s_end &&
                           (is_digit(t[run + 1]) || is_alpha(t[run + 1]))))
                    break;
            }
        }
        size_t e;
        if (!upper && is_digit(c) && mx->digits &&
            mx->s_off + mx->digits[2 * digit_cursor + 1] - i != 3) {
            /* a word that starts with digits, not three of them, and has
             * no capital ("10-year", "1990s", "2024-25"): no "737 MAX" and
             * no model (three digits each), no code of letters and digits
             * (a capital), nor a head word (no digit): passed over as the
             * tests below would */
            size_t we = fl_mx_word_end(mx, i);
            size_t next = run > we ? run : we;
            i = next > start ? next : start + 1;
            continue;
        }
        if (is_digit(c) && numsuffix_shape(mx, i) && (e = numsuffix_match(mx, i))) {
            add_code(mx, i, e);
            i = e;
            continue;
        }
        if (digit && !upper && is_digit(c) && (e = bare_model(mx, i))) {
            i = e;
            continue;
        }
        if (digit && upper && (e = code_alnum_end(mx, i))) {
            /* a code that starts with a letter and is the run above whole
             * (most: "B200", "GPT-4o"; no decimal or possessive after it,
             * which a run never holds) has the run's digits and capitals
             * and no digits first: of code_shape's tests only the
             * period's are left */
            if (e == run && !is_digit(c) ? !period_shape(mx, i, e - i)
                                         : code_shape(mx, i, core_end(mx, i, e) - i)) {
                add_code(mx, i, e);
                i = e;
                continue;
            }
        }
        size_t we = fl_mx_word_end(mx, i);
        if (!digit && is_upper(c) && (e = maker_model(mx, i, we))) {
            i = e;
            continue;
        }
        if (we + 1 < mx->s_end && t[we] == ' ' && is_digit(t[we + 1]) && !digit) {
            bool all_upper = true;
            const size_t rel = i - mx->s_off, sh = rel & 63;
            if (mx->wend && we > i && sh + (we - i) <= 64) {
                /* inside one block of the sentence's masks: its capitals
                 * cover the word (we > i: a letter is at i; tested, so
                 * that the shift below is never by 64) */
                const uint64_t m = (~(uint64_t)0 >> (64 - (we - i))) << sh;
                all_upper = (mx->blocks[rel / 64].upper & m) == m;
            } else {
                for (size_t k = i; k < we; k++)
                    all_upper &= is_upper(t[k]);
            }
            if (all_upper && we - i >= 2 && we - i <= 6 && !mx->sent->all_caps &&
                !head_excluded(t + i, we - i) && (e = headnum_match(mx, i, we))) {
                add_code(mx, i, e);
                i = e;
                continue;
            }
            if (!all_upper && fl_namenum_head(t + i, we - i) && (e = namenum_match(mx, i, we))) {
                add_code(mx, i, e);
                i = e;
                continue;
            }
        }
        size_t next = run > we ? run : we;
        i = next > start ? next : start + 1;
    }
}

/* No code without a digit, passed over before the walk's set-up (see
 * fl_extract_money), nor where the first digit of every run is claimed by
 * now (money, a percentage, a date, an age: 2,150 of the 5,162 sentences
 * with digits in news-dev, 2,023 of 8,571 in the generated text's mb1).
 * Every mention the walk adds holds a digit, and starts at a word start:
 * at or before the first digit of that digit's run (a byte inside a run
 * follows a digit), so it holds that first digit, claimed, and add_code
 * and add_model refuse it. */
void fl_extract_codes(fl_mx *mx)
{
    const size_t n = mx->digit_run_count;
    if (n) {
        const uint32_t *run = mx->digits, *const runs_end = run + 2 * n;
        const unsigned char *const claimed = mx->claimed;
        do {
            if (!claimed[run[0]]) {
                codes_walk(mx);
                return;
            }
            run += 2;
        } while (run < runs_end);
    } else if (!mx->digits) { /* runs are listed only with the lists */
        codes_walk(mx);
    }
}

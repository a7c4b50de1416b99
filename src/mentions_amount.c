/* mentions_amount.c - money ("$500 billion", "$4.5bn", "£600m", "€3.2
 * million", "500 million dollars", "USD 5m"), percentages ("25%", "25
 * percent", "25 per cent", "five percent") and counted quantities ("3,400
 * jobs", "12 people", "two million people"), each with a typed value:
 * money in base units with an ISO currency code, quantities with the
 * stemmed unit noun. Numbers that are labels rather than amounts are left
 * alone: page and item numbers ("page 12", "No. 10"), bare years ("in
 * 2024", "2025 fiscal year"), times ("3 p.m.", "10:30"), scores and ranges
 * ("3-1"), ordinals and measurements glued to letters ("3rd", "5km"). */
#include "mentions.h"

#include "bytes8.h"

#include <stdint.h>
#include <string.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

/* ---------------------------------------------------------------- money */

static const char *symbol_currency(const char *sym, size_t sl, const char *pre, size_t pl)
{
    if (sl == 1) { /* $ */
        if (pl == 0 || (pl == 2 && memcmp(pre, "US", 2) == 0) ||
            (pl == 4 && memcmp(pre, "U.S.", 4) == 0))
            return "USD";
        if ((pl == 1 && pre[0] == 'A') || (pl == 2 && memcmp(pre, "AU", 2) == 0))
            return "AUD";
        if ((pl == 1 && pre[0] == 'C') || (pl == 2 && memcmp(pre, "CA", 2) == 0))
            return "CAD";
        if (pl == 2 && memcmp(pre, "HK", 2) == 0)
            return "HKD";
        if (pl == 2 && memcmp(pre, "NZ", 2) == 0)
            return "NZD";
        if (pl == 1 && pre[0] == 'S')
            return "SGD";
        return "USD";
    }
    /* the other symbols are money_before_digit's: a £ or a ¥ (0xC2, then
     * 0xA3 or 0xA5) of two bytes, a € of three; told by their bytes, not
     * by two calls of memcmp */
    if (sl == 3)
        return "EUR";
    return (unsigned char)sym[1] == 0xA3 ? "GBP" : "JPY";
}

static bool glued_letter(const fl_mx *mx, size_t at)
{
    return at < mx->s_end && fl_mx_alnum_at(mx, at);
}

/* (in line at each of its three calls: a call per amount less) */
static inline __attribute__((always_inline)) void add_money(fl_mx *mx, size_t start, size_t end,
                                                            double value, const char *cur)
{
    /* (inside the sentence: every way to money reads up to s_end) */
    if (fl_mx_claimed_in(mx, start, end - start))
        return;
    fl_mention *m = fl_mx_add(mx, FL_M_MONEY, start, end - start, 0);
    if (!m)
        return;
    m->number = value;
    memcpy(m->currency, cur, 3);
    m->currency[3] = '\0';
    fl_mx_claim_in(mx, start, end - start);
}

/* Reads into m the plain run of pl digits at `at` (1 to 18 of them, no
 * comma group nor decimal part after them: plain_number_len) as
 * fl_scan_number would read it, without the call: the run is its own
 * mantissa. */
static inline void plain_number_read(fl_number_memo *m, const char *t, size_t at, size_t pl)
{
    uint64_t mant = 0;
    for (size_t q = at; q < at + pl; q++)
        mant = mant * 10 + (uint64_t)(t[q] - '0');
    m->n = (fl_number){(double)mant, mant, 0, false, false};
    m->len = (uint32_t)pl;
}

static inline size_t plain_number_len(const fl_mx *mx, size_t at);

/* The number at t[no..no+nl), then an optional scale: read once for the
 * sentence when `no` is one of its number starts (*cursor: the walk's
 * place in mx->numbers) and the number read there ends at no + nl (a read
 * that stops at no + nl gives the same then), else read here. */
static bool number_and_scale(fl_mx *mx, size_t *cursor, size_t no, size_t nl, size_t *end,
                             double *value)
{
    fl_number scratch;
    const fl_number *n = &scratch;
    double mult;
    size_t sl;
    fl_number_memo *m = fl_mx_number_memo(mx, cursor, no);
    if (m && m->len == FL_NUMBER_UNREAD) {
        /* (the memo is on: so are the masks plain_number_len reads) */
        if (nl <= 18 && plain_number_len(mx, no) == nl)
            plain_number_read(m, mx->text, no, nl);
        else
            m->len = (uint32_t)fl_scan_number(mx->text, no, mx->s_end, &m->n);
    }
    if (m && m->len == nl) {
        n = &m->n;
        if (m->scale == FL_NUMBER_UNREAD)
            m->scale = (uint32_t)fl_scale_at(mx->text, no + nl, mx->s_end, &m->mult);
        mult = m->mult;
        sl = m->scale;
    } else {
        if (fl_scan_number(mx->text, no, no + nl, &scratch) != nl)
            return false;
        sl = fl_scan_scale(mx->text, no + nl, mx->s_end, &mult);
    }
    *end = no + nl + sl;
    if (glued_letter(mx, *end))
        return false;
    *value = fl_number_scaled(n, mult);
    return true;
}

/* Whether t[at..at+3] is a comma and three digits. */
static inline __attribute__((always_inline)) bool comma_group(const fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    return at + 3 < mx->s_end && t[at] == ',' && is_digit(t[at + 1]) && is_digit(t[at + 2]) &&
           is_digit(t[at + 3]);
}

/* The end of the pattern's NUM at `at` (0: none), as it matches: one to
 * three digits and comma groups not followed by a digit (the last group
 * given back when one is), else all the digits; then a decimal part.
 * The digits the walk found next run from d to r: no digit is before d
 * (up to four bytes before it, where money may start), so a number is
 * at `at` only when `at` is d, and its first digits are that run, not
 * read again. (It, comma_group and money_sym_end are in line where money
 * is read: a call or three less per amount.) */
static inline __attribute__((always_inline)) size_t num_end(const fl_mx *mx, size_t at, size_t d,
                                                            size_t r)
{
    const char *t = mx->text;
    if (at != d)
        return 0;
    const size_t run = r - d;
    size_t e = r;
    if (run <= 3 && comma_group(mx, e)) {
        size_t groups = 0, g = e;
        while (comma_group(mx, g)) {
            g += 4;
            groups++;
        }
        if (g < mx->s_end && is_digit(t[g])) /* ",1234": the last group cannot end there */
            g = groups >= 2 ? g - 4 : 0;
        if (g)
            e = g;
    }
    if (e + 1 < mx->s_end && t[e] == '.' && is_digit(t[e + 1]))
        e += 1 + fl_mx_digit_run(mx, e + 1);
    return e;
}

/* Where FL_RE_MONEY_SYM matches at `start`, the currency symbol of sl
 * bytes at `sym` (start < sym: a country prefix in [A-Z.] before it), as
 * the pattern decides: the prefix is one of its alternatives exactly, an
 * optional space, then the number (its bounds in *no, *nl). */
static inline __attribute__((always_inline)) size_t money_sym_end(const fl_mx *mx, size_t start,
                                                                  size_t sym, size_t sl, size_t d,
                                                                  size_t r, size_t *no, size_t *nl)
{
    static const char *const prefixes[] = {"US", "U.S.", "A", "AU", "C", "CA", "HK", "NZ", "S"};
    const char *t = mx->text;
    if (start < sym) {
        bool known = false;
        for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0] && !known; k++)
            known = strlen(prefixes[k]) == sym - start &&
                    memcmp(prefixes[k], t + start, sym - start) == 0;
        if (!known)
            return 0;
    }
    size_t p = sym + sl;
    if (p < mx->s_end && fl_re_space(t[p]))
        p++;
    size_t e = num_end(mx, p, d, r);
    if (!e)
        return 0;
    *no = p;
    *nl = e - p;
    return e;
}

/* The money at the currency symbol at sym (the digits the walk found
 * next run from d to r: num_end). */
static size_t money_at_symbol(fl_mx *mx, size_t *cursor, size_t sym, size_t d, size_t r)
{
    const char *t = mx->text;
    size_t sl = t[sym] == '$' ? 1 : (unsigned char)t[sym] == 0xC2 ? 2 : 3;
    /* a country prefix glued to the symbol: US$, A$, HK$, U.S.$ */
    size_t start = sym;
    while (start > mx->s_off && sym - start < 4 &&
           ((t[start - 1] >= 'A' && t[start - 1] <= 'Z') || t[start - 1] == '.'))
        start--;
    if (start < sym && !fl_mx_word_start(mx, start))
        start = sym;
    size_t no, nl, end;
    size_t e = money_sym_end(mx, start, sym, sl, d, r, &no, &nl);
    if (!e && start != sym) {
        start = sym;
        e = money_sym_end(mx, start, sym, sl, d, r, &no, &nl);
    }
    if (!e)
        return 0;
    double value;
    if (!number_and_scale(mx, cursor, no, nl, &end, &value))
        return 0;
    add_money(mx, start, end, value,
              symbol_currency(t + sym, sl, start < sym ? t + start : NULL, sym - start));
    return end;
}

/* FL_RE_MONEY_CODE's codes (patterns.c), as the pattern lists them;
 * test_mentions.c's test_code_words compares them with what the pattern
 * spells (fl_money_hand_codes). */
static const char money_codes[][4] = {"USD", "GBP", "EUR", "JPY", "CNY",
                                      "CHF", "AUD", "CAD", "INR"};

size_t fl_money_hand_codes(const char (**codes)[4])
{
    *codes = money_codes;
    return sizeof money_codes / sizeof money_codes[0];
}

/* Where FL_RE_MONEY_CODE matches at `at` (0: none), as the pattern
 * decides: one of its codes, an optional \s, then the number (its bounds
 * in *no, *nl: num_end; without the \s the number would start at a
 * space). */
static size_t money_code_end(const fl_mx *mx, size_t at, size_t d, size_t r, size_t *no, size_t *nl)
{
    const char *t = mx->text;
    if (at + 3 >= mx->s_end)
        return 0;
    bool known = false;
    for (size_t k = 0; k < sizeof money_codes / sizeof money_codes[0] && !known; k++)
        known = memcmp(t + at, money_codes[k], 3) == 0;
    if (!known)
        return 0;
    size_t p = at + 3;
    if (fl_re_space(t[p]))
        p++;
    const size_t e = num_end(mx, p, d, r);
    if (!e)
        return 0;
    *no = p;
    *nl = e - p;
    return e;
}

static size_t money_at_code(fl_mx *mx, size_t *cursor, size_t at, size_t d, size_t r)
{
    size_t no, nl, end;
    if (!money_code_end(mx, at, d, r, &no, &nl))
        return 0;
    double value;
    if (!number_and_scale(mx, cursor, no, nl, &end, &value))
        return 0;
    char cur[4];
    memcpy(cur, mx->text + at, 3);
    cur[3] = '\0';
    add_money(mx, at, end, value, cur);
    return end;
}

/* Whether FL_RE_MONEY_TAIL can match after one space before s (three
 * bytes readable): the first letters of its words (dollars, euros,
 * pounds, rupees, renminbi, francs, yen, yuan, US, U.S., American,
 * Australian, Canadian, Hong Kong, New Zealand, Singapore, Swiss). By
 * one row per first byte, not a switch (whose jump was mispredicted a
 * third of the time): the second and third bytes (the second low),
 * masked, equal one of two pairs, each kept complemented so that a row
 * of zeros (the bytes that start no such word) matches nothing. */
#define MW2(b, c) ((uint16_t) ~((b) | (c) << 8))
static const struct money_word_row {
    uint16_t mask, a, b;
} money_word_rows[256] = {
    ['d'] = {0xFFFF, MW2('o', 'l'), MW2('o', 'l')}, /* dollars */
    ['e'] = {0xFFFF, MW2('u', 'r'), MW2('u', 'r')}, /* euros */
    ['p'] = {0xFFFF, MW2('o', 'u'), MW2('o', 'u')}, /* pounds */
    ['r'] = {0xFFFF, MW2('u', 'p'), MW2('e', 'n')}, /* rupees, renminbi */
    ['f'] = {0xFFFF, MW2('r', 'a'), MW2('r', 'a')}, /* francs */
    ['y'] = {0xFFFF, MW2('e', 'n'), MW2('u', 'a')}, /* yen, yuan */
    ['U'] = {0x00FF, MW2('S', 0), MW2('.', 0)},     /* US, U.S. (the second byte only) */
    ['A'] = {0xFFFF, MW2('m', 'e'), MW2('u', 's')}, /* American, Australian */
    ['C'] = {0xFFFF, MW2('a', 'n'), MW2('a', 'n')}, /* Canadian */
    ['H'] = {0xFFFF, MW2('o', 'n'), MW2('o', 'n')}, /* Hong Kong */
    ['N'] = {0xFFFF, MW2('e', 'w'), MW2('e', 'w')}, /* New Zealand */
    ['S'] = {0xFFFF, MW2('i', 'n'), MW2('w', 'i')}, /* Singapore, Swiss */
};
#undef MW2

static inline __attribute__((always_inline)) bool money_word_start(const char *s)
{
    const struct money_word_row *r = &money_word_rows[(unsigned char)s[0]];
    const uint16_t x = (uint16_t) ~(((unsigned char)s[1] | (unsigned char)s[2] << 8) & r->mask);
    return (x == r->a) | (x == r->b);
}

/* "500 million dollars", "1.3 billion euros", "5m pounds sterling" (in line
 * at its one call, made per number that a scale or a money word follows) */
static inline __attribute__((always_inline)) size_t money_at_number(fl_mx *mx, size_t *cursor,
                                                                    size_t at)
{
    /* the number, then the scale after it, each read once per number
     * start, with one look-up of the memo entry */
    fl_number n;
    size_t nl, sl;
    double mult;
    fl_number_memo *m = fl_mx_number_memo(mx, cursor, at);
    if (m) {
        if (m->len == FL_NUMBER_UNREAD)
            m->len = (uint32_t)fl_scan_number(mx->text, at, mx->s_end, &m->n);
        n = m->n;
        nl = m->len;
        if (!nl || n.spelled)
            return 0;
        if (m->scale == FL_NUMBER_UNREAD)
            m->scale = (uint32_t)fl_scan_scale(mx->text, at + nl, mx->s_end, &m->mult);
        mult = m->mult;
        sl = m->scale;
    } else {
        nl = fl_scan_number(mx->text, at, mx->s_end, &n);
        if (!nl || n.spelled)
            return 0;
        sl = fl_scan_scale(mx->text, at + nl, mx->s_end, &mult);
    }
    size_t w0 = at + nl + sl;
    if (w0 + 3 >= mx->s_end || mx->text[w0] != ' ' || !money_word_start(mx->text + w0 + 1))
        return 0;
    size_t e = fl_mx_match(mx, FL_RE_MONEY_TAIL, w0);
    if (!e)
        return 0;
    size_t wo, wl, po = 0, pl = 0;
    bool has_country = fl_mx_group(mx, 1, &po, &pl);
    if (!fl_mx_group(mx, 2, &wo, &wl))
        return 0;
    const char *w = mx->text + wo;
    const char *cur = NULL;
    if (strncmp(w, "dollar", 6) == 0) {
        cur = "USD";
        if (has_country) {
            const char *p = mx->text + po;
            if (strncmp(p, "Au", 2) == 0)
                cur = "AUD";
            else if (p[0] == 'C')
                cur = "CAD";
            else if (p[0] == 'H')
                cur = "HKD";
            else if (p[0] == 'N')
                cur = "NZD";
            else if (p[0] == 'S')
                cur = "SGD";
        }
    } else if (strncmp(w, "euro", 4) == 0) {
        cur = "EUR";
    } else if (strncmp(w, "pound", 5) == 0) {
        /* "200 pounds" is a weight; money needs a scale or "sterling" */
        if (mult > 1 || memmem(w, wl, "sterling", 8))
            cur = "GBP";
    } else if (strncmp(w, "yen", 3) == 0) {
        cur = "JPY";
    } else if (strncmp(w, "yuan", 4) == 0 || strncmp(w, "renminbi", 8) == 0) {
        cur = "CNY";
    } else if (strncmp(w, "rupee", 5) == 0) {
        cur = "INR";
    } else {
        cur = "CHF";
    }
    if (!cur)
        return 0;
    add_money(mx, at, e, fl_number_scaled(&n, mult), cur);
    return e;
}

/* Whether money_at_number can match at a number whose digits, commas and
 * points run to `p`: the number read there ends at p (else a comma or a
 * point follows it, where no scale and no space are), then comes a scale
 * glued as fl_scale_at reads it (b, m or k alone, or b, m or t before n:
 * "5m", "4.5bn", "2tn", "2trn"; not "5th", "5km", "5kg") or a space and a
 * scale word (billion, million: b or m, then i; trillion, thousand: t,
 * then ri or ho; not "the", "to", "more") or a money word. */
static inline __attribute__((always_inline)) bool money_number_follows(const fl_mx *mx, size_t p)
{
    const char *t = mx->text;
    if (p + 3 >= mx->s_end)
        return false;
    const char c = t[p], c2 = t[p + 1];
    if (c == ' ') {
        const char c3 = t[p + 2];
        if (c2 == 'b' || c2 == 'm')
            return c3 == 'i';
        if (c2 == 't')
            return c3 == 'r' ? t[p + 3] == 'i' : c3 == 'h' && t[p + 3] == 'o';
        return money_word_start(t + p + 1);
    }
    /* b, k, m or t (bits from b) */
    const unsigned g = (unsigned)((unsigned char)c - 'b');
    if (g > 't' - 'b' || !((0x40A01u >> g) & 1u))
        return false;
    return c2 == 'n' || (c == 't' ? c2 == 'r' : fl_scale_ends(t, p + 1, mx->s_end));
}

/* The money at `at`, a byte up to four before the digit d (no digit
 * between; its run ends at r): a currency symbol or code there (0:
 * none). *cursor: the walk's place in mx->numbers. */
static __attribute__((noinline)) size_t money_before_digit(fl_mx *mx, size_t *cursor, size_t at,
                                                           size_t d, size_t r)
{
    const char *t = mx->text;
    unsigned char c = (unsigned char)t[at];
    if (c == '$' ||
        (c == 0xC2 && at + 1 < mx->s_end &&
         ((unsigned char)t[at + 1] == 0xA3 || (unsigned char)t[at + 1] == 0xA5)) ||
        (c == 0xE2 && at + 2 < mx->s_end && (unsigned char)t[at + 1] == 0x82 &&
         (unsigned char)t[at + 2] == 0xAC))
        return money_at_symbol(mx, cursor, at, d, r);
    if (c >= 'A' && c <= 'Z' && at + 3 < mx->s_end && t[at + 1] >= 'A' && t[at + 1] <= 'Z' &&
        t[at + 2] >= 'A' && t[at + 2] <= 'Z' && (t[at + 3] == ' ' || is_digit(t[at + 3])) &&
        fl_mx_word_start(mx, at))
        return money_at_code(mx, cursor, at, d, r);
    return 0;
}

/* The bytes of the four before a digit at `d` (in the sentence) that may
 * start money, a bit (the high one of its byte, byte k for t[d - 4 + k])
 * each: a $, a byte past ASCII (£, ¥, €) or, where a code can start (four
 * and three bytes before: "USD 5", "USD5"), a capital. A few others are
 * marked too (the ASCII bits of a byte past ASCII, a byte after a $): no
 * byte that may start money is missed, and money_may_start tells. */
static inline __attribute__((always_inline)) uint64_t money_window(const char *t, size_t d)
{
    const uint32_t v = fl_load4(t + d - 4), a = v & 0x7F7F7F7Fu, first2 = a & 0xFFFFu;
    /* a byte of a ^ '$' is zero at a $ (less one, its high bit set: a
     * borrow from it may mark the byte after too); the capitals of
     * first2 as FL_BYTES_IN reads them */
    const uint32_t dollar = ((a ^ 0x24242424u) - 0x01010101u) & 0x80808080u,
                   caps = (first2 + 0x3F3Fu) & ~(first2 + 0x2525u) & 0x8080u;
    return (v & 0x80808080u) | dollar | caps;
}

/* Whether money_before_digit may find money at `w`, up to four bytes
 * before the digit at `d`: a $, the first byte of a £, ¥ or €, or three
 * capitals where a code and a space or none end before d ("USD 5",
 * "USD5"; not "GPT-4o", "RTX 4090"'s T, "The 737"). */
static inline bool money_may_start(const char *t, size_t w, size_t d)
{
    const unsigned char c = (unsigned char)t[w];
    return c == '$' || c == 0xC2 || c == 0xE2 ||
           (d - w >= 3 && (unsigned)(c - 'A') < 26u && (unsigned)(t[w + 1] - 'A') < 26u &&
            (unsigned)(t[w + 2] - 'A') < 26u && (w + 3 == d || t[w + 3] == ' '));
}

/* The digits, the comma and the point (number_chars_end). */
static const bool number_char[256] = {['0' ... '9'] = true, [','] = true, ['.'] = true};

/* The end of the digits, commas and points from `p` (money_walk passes
 * over the rest of a number there). */
static inline size_t number_chars_end(const fl_mx *mx, size_t p)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    while (p < mx->s_end && number_char[t[p]])
        p++;
    return p;
}

/* The money whose digits start at `d` (the first digit at or after i, in
 * a run that ends at r), added when one is there: where money_walk goes
 * on. *cursor: the walk's place in mx->numbers. */
static inline __attribute__((always_inline)) size_t money_at_digit(fl_mx *mx, size_t *cursor,
                                                                   size_t i, size_t d, size_t r)
{
    /* every amount has a digit at most four bytes after where it is
     * found: the symbol (and a space), the currency code (and a space),
     * or the number itself; nothing before can match */
    size_t e = 0;
    if (d - i < 4) {
        for (size_t w = i; w < d && !e; w++)
            if (money_may_start(mx->text, w, d))
                e = money_before_digit(mx, cursor, w, d, r);
    } else {
        /* the four bytes before d: only those money_window marks, in
         * order */
        for (uint64_t m = money_window(mx->text, d); m && !e; m &= m - 1) {
            const size_t w = d - 4 + (size_t)__builtin_ctzll(m) / 8;
            if (money_may_start(mx->text, w, d))
                e = money_before_digit(mx, cursor, w, d, r);
        }
    }
    if (e)
        return e;
    /* d is the first digit at or after i: when d > i the byte before it is
     * no digit, and only an ASCII letter there (or a letter past ASCII:
     * fl_mx_word_start) keeps d from starting a word */
    const unsigned char b = d > i ? (unsigned char)mx->text[d - 1] : 0x80;
    if (b < 0x80 ? (unsigned)((b | 0x20u) - 'a') < 26u : !fl_mx_word_start(mx, d))
        return r; /* a digit inside a word starts no amount, nor do the rest */
    const size_t p = number_chars_end(mx, r);
    if (money_number_follows(mx, p))
        e = money_at_number(mx, cursor, d);
    return e ? e : p; /* none: skip the rest of the number */
}

/* money_walk from the sentence's runs of digits (mx->digits set) */
static __attribute__((noinline)) void money_listed(fl_mx *mx)
{
    size_t i = mx->s_off, number_cursor = 0;
    /* (every run ends inside the sentence: once i is at its end, the rest
     * are passed) */
    for (size_t k = 0, n = mx->digit_run_count; k < n;) {
        const size_t rs = mx->s_off + mx->digits[2 * k], re = mx->s_off + mx->digits[2 * k + 1];
        /* the run tried where the walk has not passed it, and tried
         * again (from i) while the walk stops inside it */
        if (re > i && (i = money_at_digit(mx, &number_cursor, i, rs > i ? rs : i, re)) < re)
            continue;
        k++;
    }
}

/* no runs (a very long sentence): the next digit from the bytes */
static __attribute__((noinline)) void money_walk(fl_mx *mx)
{
    size_t i = mx->s_off, digit_cursor = 0, number_cursor = 0;
    while (i < mx->s_end) {
        size_t d = fl_mx_next_digit_forward(mx, &digit_cursor, i);
        if (d >= mx->s_end)
            break;
        i = money_at_digit(mx, &number_cursor, i, d, d + fl_mx_digit_run(mx, d));
    }
}

/* -------------------------------------------------------------- percent */

/* Where FL_RE_PERCENT_TAIL matches at `at` (its end; 0: no match). A %
 * right there or after one space is its first branch, read here; else
 * the pattern runs when, after any spaces, a full-width ％ or the "per"
 * of "per cent", "percent" or the "pc" comes. */
static inline __attribute__((always_inline)) size_t percent_tail(fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    /* (at <= s_end: t[at] is the prose's, and after a space t[at + 1]) */
    if (t[at] == '%')
        return at < mx->s_end ? at + 1 : 0;
    if (fl_re_space(t[at]) && t[at + 1] == '%' && at + 1 < mx->s_end)
        return at + 2;
    size_t p = at;
    while (p < mx->s_end && fl_re_space(t[p]))
        p++;
    if (p + 1 >= mx->s_end)
        return 0;
    unsigned char c = (unsigned char)t[p];
    if (!(c == 0xEF || (c == 'p' && (t[p + 1] == 'c' ||
                                     (t[p + 1] == 'e' && p + 2 < mx->s_end && t[p + 2] == 'r')))))
        return 0;
    return fl_mx_match(mx, FL_RE_PERCENT_TAIL, at);
}

/* The first word start at or after `at` that may start a number (a digit,
 * or fl_spelled_start), from the sentence's list (fl_mx_list_from; *cursor
 * its place in the list). A walk over the words that passes over the
 * others reaches the same ones. */
static size_t number_from(const fl_mx *mx, size_t *cursor, size_t at)
{
    if (!mx->numbers) {
        while ((at = fl_mx_next_word(mx, at)) < mx->s_end && !is_digit(mx->text[at]) &&
               !fl_spelled_start(mx->text + at, mx->s_end - at))
            at = fl_mx_word_end(mx, at);
        return at;
    }
    return fl_mx_list_from(mx, mx->numbers, mx->number_count, cursor, at);
}

/* The number at `at`, mx->numbers[k] when the sentence has the list
 * (read once there), its length in *len. */
static inline const fl_number *number_at(fl_mx *mx, size_t k, size_t at, fl_number *scratch,
                                         size_t *len)
{
    if (!mx->numbers) {
        *len = fl_scan_number(mx->text, at, mx->s_end, scratch);
        return scratch;
    }
    const fl_number_memo *m = fl_mx_number_read(mx, k);
    *len = m->len;
    return &m->n;
}

/* The scale after the number of number_at(mx, k, at) of length nl. Every
 * scale starts with b, m, k or t glued to the number, or with b, m or t
 * after one space (fl_scale_at): most numbers have none of them next, and
 * are told so without the call (the memo's scale then stays unread: only
 * the quantities read it after the percents). */
static inline size_t scale_at(fl_mx *mx, size_t k, size_t at, size_t nl, double *mult)
{
    const char *t = mx->text;
    const size_t p = at + nl;
    /* (p <= s_end: t[p] is a byte of the prose, and after a space it has
     * one more, at worst its closing NUL; past the sentence the scale read
     * this may let through finds none, as this test would say) */
    const char c = t[p], f = c == ' ' ? t[p + 1] : c;
    if (!(f == 'b' || f == 'm' || f == 't' || (f == 'k' && c == 'k'))) {
        *mult = 1;
        return 0;
    }
    if (!mx->numbers)
        return fl_scan_scale(t, p, mx->s_end, mult);
    return fl_mx_number_scale_read(mx, k, mult);
}

/* The length of the number fl_scan_number reads at `at`, a digit that
 * starts one of the sentence's numbers (so a run of digits), when it is
 * that run alone: no comma group or decimal part follows (no ',' or '.'
 * before a digit); else 0. The run's end is read from the sentence's
 * digit masks (valid with its number list; zero past the sentence, and
 * in the block after its last). */
static inline size_t plain_number_len(const fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    const size_t rel = at - mx->s_off;
    size_t b = rel / 64;
    uint64_t x = ~mx->blocks[b].digit >> (rel & 63);
    size_t d;
    if (x) {
        d = at + (size_t)__builtin_ctzll(x);
    } else {
        while (!(x = ~mx->blocks[++b].digit))
            ;
        d = mx->s_off + 64 * b + (size_t)__builtin_ctzll(x);
    }
    /* a comma or a point (',' | 2 is '.', and only they give it; d <= s_end:
     * a byte of the prose) before a digit */
    if ((t[d] | 2) == '.' && d + 1 < mx->s_end && is_digit(t[d + 1]))
        return 0;
    return d - at;
}

/* Whether percent_tail may match at `at`: a % , a p (per cent, percent,
 * pc) or a byte past ASCII (a full-width ％) there or after a space, or a
 * second space (percent_tail reads on). At or past the sentence's end
 * (`at` is at most s_end: these are bytes of the prose) it may say yes
 * where percent_tail then finds nothing: no end tests here. */
/* percent_may's bytes by one table: PN_MAY (a %, a p, a byte past
 * ASCII), PN_SPACE (a space: the next byte tells), else 0 */
enum { PN_MAY = 1, PN_SPACE };
static const unsigned char percent_next[256] = {
    ['%'] = PN_MAY,
    ['p'] = PN_MAY,
    [0x80 ... 0xFF] = PN_MAY,
    [' '] = PN_SPACE,
    ['\t' ... '\r'] = PN_SPACE,
};

static inline bool percent_may(const fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    unsigned k = percent_next[t[at]];
    if (k == PN_SPACE) {
        k = percent_next[t[at + 1]];
        if (k == PN_SPACE)
            return true;
    }
    return k == PN_MAY;
}

/* Whether a quantity may start at the plain run of nl digits at `at`
 * (plain_number_len) as quantities_walk reads it: no year (1800 to
 * 2100), then a letter or a byte past ASCII glued (a scale or a unit
 * symbol), or a hyphen and a lower-case letter (a unit adjective), or a
 * space and a lower-case letter (a scale, a unit noun or an adjective)
 * or a capital that starts a unit symbol (M G T H A V W). */
static inline bool quantity_may(const fl_mx *mx, size_t at, size_t nl)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (nl == 4 && ((t[at] == '1' && t[at + 1] >= '8') ||
                    (t[at] == '2' && (t[at + 1] == '0' ||
                                      (t[at + 1] == '1' && t[at + 2] == '0' && t[at + 3] == '0')))))
        return false;
    const size_t e = at + nl;
    if (e + 1 >= mx->s_end)
        return e < mx->s_end && t[e] != ' ' && t[e] != '-';
    const unsigned c = t[e], c2 = t[e + 1];
    if (c == ' ')
        return (c2 >= 'a' && c2 <= 'z') || c2 == 'M' || c2 == 'G' || c2 == 'T' || c2 == 'H' ||
               c2 == 'A' || c2 == 'V' || c2 == 'W';
    if (c == '-')
        return c2 >= 'a' && c2 <= 'z';
    return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The end of the ASCII letters from `at` (the first word scan_spelled
 * reads), from the sentence's masks: the next byte that is no letter (a
 * digit or another; past the sentence all are others). */
static inline size_t letters_end(const fl_mx *mx, size_t at)
{
    for (;;) {
        const size_t rel = at - mx->s_off;
        const fl_word_block *bk = &mx->blocks[rel / 64];
        const uint64_t stop = (bk->other | bk->digit) >> (rel & 63);
        if (stop)
            return at + (size_t)__builtin_ctzll(stop);
        at += 64 - (rel & 63);
    }
}

/* The words fl_scan_number takes first in a number spelled out (one to
 * nineteen and the tens: "hundred", "million" and "thousand" come only
 * after one), each as its first eight bytes zero-padded (a little-endian
 * load) with its length and value, by SPELLED_SLOT of those bytes (a
 * multiplier that gives each a slot of its own). */
#define SPELLED_SLOT(x) ((size_t)(((x)*0x562529573b27cc91ull) >> 58))
static const struct spelled_word {
    uint64_t x;
    unsigned char len, value;
} spelled_words[64] = {
    [2] = {0x0000000065766966ull, 4, 5},   /* five */
    [3] = {0x00007974656e696eull, 6, 90},  /* ninety */
    [6] = {0x0000007468676965ull, 5, 8},   /* eight */
    [11] = {0x0000000072756f66ull, 4, 4},  /* four */
    [12] = {0x6565746e65766573ull, 9, 17}, /* seventeen */
    [14] = {0x00000000006f7774ull, 3, 2},  /* two */
    [15] = {0x0000006e65766573ull, 5, 7},  /* seven */
    [18] = {0x0000006565726874ull, 5, 3},  /* three */
    [20] = {0x0000000000786973ull, 3, 6},  /* six */
    [21] = {0x0000007974726f66ull, 5, 40}, /* forty */
    [24] = {0x000065766c657774ull, 6, 12}, /* twelve */
    [27] = {0x00000000656e696eull, 4, 9},  /* nine */
    [28] = {0x6e65657472696874ull, 8, 13}, /* thirteen */
    [29] = {0x00000000006e6574ull, 3, 10}, /* ten */
    [32] = {0x006e656574666966ull, 7, 15}, /* fifteen */
    [33] = {0x0000007974666966ull, 5, 50}, /* fifty */
    [35] = {0x0000797472696874ull, 6, 30}, /* thirty */
    [39] = {0x00006e6576656c65ull, 6, 11}, /* eleven */
    [40] = {0x0000000000656e6full, 3, 1},  /* one */
    [44] = {0x6e65657472756f66ull, 8, 14}, /* fourteen */
    [45] = {0x000079746e657774ull, 6, 20}, /* twenty */
    [50] = {0x006e656574786973ull, 7, 16}, /* sixteen */
    [51] = {0x0000007974786973ull, 5, 60}, /* sixty */
    [52] = {0x6e65657468676965ull, 8, 18}, /* eighteen */
    [58] = {0x0000797468676965ull, 6, 80}, /* eighty */
    [61] = {0x6e656574656e696eull, 8, 19}, /* nineteen */
    [62] = {0x0079746e65766573ull, 7, 70}, /* seventy */
};

/* Whether fl_scan_number, at a number word of `value` (spelled_words)
 * that ends at j (at most `end`), reads that word alone: no hyphen after a
 * tens word ("twenty-five"), and no space before a word that goes on with
 * it: "hundred", "thousand", "million" or "billion", its first letter in
 * lower case (its others in either: fl_scan_number folds them), as the
 * whole word of ASCII letters there (up to `end`). Another number word
 * ends it ("one two"), as does any other word ("two months", "three
 * times", "one more": asked of h, t, m or b first only), a capitalized
 * one or no word. */
static inline bool spelled_alone(const char *t, size_t j, size_t end, unsigned value)
{
    if (j >= end)
        return true;
    if (t[j] == '-')
        return value < 20;
    if (t[j] != ' ' || j + 1 >= end)
        return true;
    const char *w = t + j + 1;
    const char c = w[0];
    if (!(c == 'h' || c == 't' || c == 'm' || c == 'b'))
        return true;
    /* the word's letters, nine at most (the four words have seven or
     * eight), read up to end */
    size_t n = 1;
    while (n < 9 && j + 1 + n < end && (unsigned)((w[n] | 0x20) - 'a') < 26u)
        n++;
    if (n == 8)
        return (fl_load8(w) | 0x2020202020202020ull) != fl_load8("thousand");
    if (n != 7)
        return true;
    const uint32_t head = fl_load4(w) | 0x20202020u, tail = fl_load4(w + 3) | 0x20202020u;
    return !(head == fl_load4("hund") ? tail == fl_load4("dred")
                                      : tail == fl_load4("lion") &&
                                            (head == fl_load4("mill") || head == fl_load4("bill")));
}

/* Reads the number start `at` (no digit) into its memo entry m (unread)
 * as fl_scan_number reads it, where that is quick: nothing (length 0, a
 * zeroed number) when the first word (letters_end) is none of
 * spelled_words, as most words that start like a number spelled out are
 * ("through", "several", "election"); that word alone when spelled_alone
 * says so ("one of", "three years"). Else the entry is left unread. Out
 * of line: the percents walk's steps for the digits stay. */
static __attribute__((noinline)) void spelled_read(const fl_mx *mx, fl_number_memo *m, size_t at)
{
    const char *w = mx->text + at;
    const size_t n = letters_end(mx, at) - at;
    if (n >= 3 && n <= 9) {
        uint64_t x;
        if (at + 8 <= mx->s_end) {
            x = fl_load8(w);
        } else {
            x = 0;
            for (size_t k = 0; k < n && k < 8; k++)
                x |= (uint64_t)(unsigned char)w[k] << (8 * k);
        }
        /* the letters in lower case, the bytes after them dropped */
        x |= 0x2020202020202020ull;
        if (n < 8)
            x &= fl_low_bytes(n);
        const struct spelled_word *e = &spelled_words[SPELLED_SLOT(x)];
        if (e->x == x && e->len == n && (n < 9 || ((unsigned char)w[8] | 0x20u) == 'n')) {
            if (spelled_alone(mx->text, at + n, mx->s_end, e->value)) {
                m->n = (fl_number){(double)e->value, 0, -1, true, false};
                m->len = (uint32_t)n;
            }
            return; /* else fl_scan_number reads it */
        }
    }
    m->n = (fl_number){0};
    m->len = 0;
}

/* The mark percents_walk leaves in the memo entry (len) of a number it
 * passes over unread, a plain run of digits (plain_number_len), with its
 * length in the entry's scale. Only quantities_walk reads the memo after
 * the percents: it passes over such a number unread where no quantity
 * may start (quantity_may), else turns the mark back into
 * FL_NUMBER_UNREAD and reads it. (Where no number of digits can take a
 * percentage, the percents pass over them without a look, and
 * quantities_listed marks them so itself.) */
#define NUMBER_PLAIN ((uint32_t)FL_NUMBER_UNREAD - 1u)

/* Whether the sentence's byte at `at` (inside it) is claimed: the
 * claimed bytes lie in [claim_lo, claim_hi), and every other byte of
 * the sentence's table is zero, so it is read at once. */
static inline bool first_claimed(const fl_mx *mx, size_t at)
{
    return mx->claimed[at - mx->s_off] != 0;
}

/* The steps of the percents walks at the number of nl > 0 bytes at `at`
 * (its value; digit: it starts with a digit): where the walk goes on
 * (past at), or 0 when a mention could not be added. */
static inline __attribute__((always_inline)) size_t percent_at(fl_mx *mx, size_t at, size_t nl,
                                                               double value, bool digit)
{
    /* a number whose first byte money claimed starts no percentage */
    if (first_claimed(mx, at))
        return at + nl;
    const size_t e = percent_tail(mx, at + nl);
    /* (inside the sentence: percent_tail reads up to s_end) */
    if (e && !fl_mx_claimed_in(mx, at, e - at) && (digit || !glued_letter(mx, at + nl))) {
        fl_mention *m = fl_mx_add(mx, FL_M_PERCENT, at, e - at, 0);
        if (!m)
            return 0;
        m->number = value;
        fl_mx_claim_in(mx, at, e - at);
        return e;
    }
    return at + nl;
}

/* percents_walk over the sentence's number list (mx->numbers set) from
 * its entry `from`: the same steps, with the list, the memos and the
 * sentence's bounds read once (the walk's calls change none of them).
 * Without `digits` (a constant: no number of digits can take a tail,
 * percents_digits_may) the numbers of digits are passed over, neither
 * read nor marked, and only those spelled out are read (none starts
 * inside a number of digits, whose end the walk would pass to). */
static inline __attribute__((always_inline)) void percents_steps(fl_mx *mx, bool digits,
                                                                 size_t from)
{
    const char *t = mx->text;
    const uint32_t *nums = mx->numbers;
    fl_number_memo *memos = mx->number_memo;
    const size_t count = mx->number_count, s_off = mx->s_off;
    size_t i = s_off; /* the text before i is passed */
    for (size_t k = from; k < count; k++) {
        const size_t at = s_off + nums[k];
        if (at < i)
            continue;
        const bool digit = is_digit(t[at]);
        if (!digits && digit)
            continue;
        fl_number_memo *memo = &memos[k];
        if (memo->len != FL_NUMBER_UNREAD) {
            /* read before (money's amounts) */
        } else if (digit) {
            /* most numbers start no percentage: a plain run of digits
             * that no tail can follow is passed over unread, marked for
             * the quantities with its length (see NUMBER_PLAIN) */
            const size_t pl = plain_number_len(mx, at);
            if (pl && !percent_may(mx, at + pl)) {
                memo->len = NUMBER_PLAIN;
                memo->scale = (uint32_t)pl;
                i = at + pl;
                continue;
            }
            if (pl && pl <= 18)
                plain_number_read(memo, t, at, pl);
        } else {
            spelled_read(mx, memo, at); /* (most such words: read here) */
        }
        /* what fl_mx_number_read does, on the entry at hand (most were
         * read just above) */
        if (memo->len == FL_NUMBER_UNREAD)
            memo->len = (uint32_t)fl_scan_number(t, at, mx->s_end, &memo->n);
        const size_t nl = memo->len;
        if (!nl) {
            i = fl_mx_word_end(mx, at);
            continue;
        }
        if (!(i = percent_at(mx, at, nl, memo->n.value, digit)))
            return;
    }
}

static __attribute__((noinline)) void percents_listed(fl_mx *mx)
{
    percents_steps(mx, true, 0);
}

/* (from: the first number spelled out; none before it starts one) */
static __attribute__((noinline)) void percents_spelled(fl_mx *mx, size_t from)
{
    percents_steps(mx, false, from);
}

/* Whether a percentage may follow the run of digits that ends at `at` (at
 * most s_end): percent_tail's first bytes there, a %, a byte past ASCII,
 * "pc" or "per", or a space and any of them (two spaces: may). By
 * percent_next's classes, a p as PN_MAY. */
static inline bool percent_after_run(const char *t, size_t at)
{
    const unsigned char *u = (const unsigned char *)t + at;
    unsigned k = percent_next[u[0]];
    if (!k)
        return false; /* (most runs: a comma, a point, a letter) */
    if (k == PN_SPACE) {
        u++;
        k = percent_next[u[0]];
        if (k != PN_MAY)
            return k == PN_SPACE;
    }
    return u[0] != 'p' || u[1] == 'c' || (u[1] == 'e' && u[2] == 'r');
}

/* Whether a number of digits may start a percentage in the sentence
 * (mx->digits set). fl_scan_number reads such a number up to the end of
 * one of the sentence's runs of digits (its own, or one after a comma
 * group or a decimal point: it reads nothing but digits, commas and
 * points), where percent_tail then matches only if percent_after_run
 * says it may: when that says no after every run, no such number starts
 * one (most sentences: no %, "per" or "pc" after any run). A test of
 * each run's end, for the percents walk's steps at each number. */
static inline bool percents_digits_may(const fl_mx *mx)
{
    const char *t = mx->text + mx->s_off;
    /* the runs' ends, every other entry */
    for (const uint32_t *e = mx->digits + 1, *stop = e + 2 * mx->digit_run_count; e < stop; e += 2)
        if (percent_next[(unsigned char)t[*e]] && percent_after_run(t, *e))
            return true;
    return false;
}

/* percents_walk over the words of a sentence too long for the lists */
static __attribute__((noinline)) void percents_walk(fl_mx *mx)
{
    const char *t = mx->text;
    size_t i = mx->s_off, cursor = 0, nl;
    fl_number scratch;
    const fl_number *n;
    for (;;) {
        /* every way on below leaves i past the number start: the next is
         * looked for after it */
        if ((i = number_from(mx, &cursor, i)) >= mx->s_end)
            break;
        bool digit = is_digit(t[i]);
        n = number_at(mx, cursor, i, &scratch, &nl);
        if (!nl) {
            i = fl_mx_word_end(mx, i);
            continue;
        }
        if (!(i = percent_at(mx, i, nl, n->value, digit)))
            return;
    }
}

/* ------------------------------------------------------------ quantity */

/* Lists of lower-case words, one row per first letter (NULL after the
 * last of a row), so a word is compared only with those that start with
 * its letter. */
enum { ROW_MAX = 10 };
typedef const char *const word_row[ROW_MAX];

/* Whether w[0..len), A-Z read as a-z, is a word of `rows`. */
static bool word_in_rows(const word_row *rows, const char *w, size_t len)
{
    unsigned char c = len ? (unsigned char)(w[0] | 0x20) : 0;
    if (c < 'a' || c > 'z')
        return false;
    for (const char *const *e = rows[c - 'a']; *e; e++) {
        const char *lit = *e;
        size_t k = 1;
        while (k < len) {
            unsigned char b = (unsigned char)w[k];
            if (b >= 'A' && b <= 'Z')
                b = (unsigned char)(b - 'A' + 'a');
            if (!lit[k] || b != (unsigned char)lit[k])
                break;
            k++;
        }
        if (k == len && lit[len] == '\0')
            return true;
    }
    return false;
}

/* Words before a number that make it a label, not an amount. */
static const word_row labels[26] = {
    ['a' - 'a'] = {"act", "age", "aged", "ages", "apartment", "appendix", "article"},
    ['b' - 'a'] = {"band", "bus"},
    ['c' - 'a'] = {"category", "channel", "chapter", "class", "clause"},
    ['d' - 'a'] = {"district"},
    ['e' - 'a'] = {"episode", "exit"},
    ['f' - 'a'] = {"fig", "figure", "flight", "floor"},
    ['g' - 'a'] = {"gate", "grade"},
    ['h' - 'a'] = {"highway"},
    ['i' - 'a'] = {"interstate", "issue", "item"},
    ['l' - 'a'] = {"lane", "level", "line"},
    ['m' - 'a'] = {"model"},
    ['n' - 'a'] = {"no", "nos", "number"},
    ['p' - 'a'] = {"p", "page", "pages", "paragraph", "part", "phase", "platform", "pp",
                   "precinct"},
    ['r' - 'a'] = {"room", "round", "route", "row", "rule"},
    ['s' - 'a'] = {"season", "seat", "section", "stage", "step", "suite"},
    ['t' - 'a'] = {"table", "tier", "top", "track"},
    ['u' - 'a'] = {"unit"},
    ['v' - 'a'] = {"verse", "version", "vol", "volume"},
    ['w' - 'a'] = {"ward"},
    ['z' - 'a'] = {"zone"},
};

/* Bit e - 'a' of [len][c - 'a']: a label has that length, first letter
 * c and last letter e (most words before a number have none), a filter
 * before the rows. Keep in step with labels (fl_label_shapes_ok checks). */
#define E(e) (1u << ((e) - 'a'))
static const uint32_t label_shapes[11][26] = {
    [1]['p' - 'a'] = E('p'),          [2]['n' - 'a'] = E('o'),
    [2]['p' - 'a'] = E('p'),          [3]['a' - 'a'] = E('e') | E('t'),
    [3]['b' - 'a'] = E('s'),          [3]['f' - 'a'] = E('g'),
    [3]['n' - 'a'] = E('s'),          [3]['r' - 'a'] = E('w'),
    [3]['t' - 'a'] = E('p'),          [3]['v' - 'a'] = E('l'),
    [4]['a' - 'a'] = E('d') | E('s'), [4]['b' - 'a'] = E('d'),
    [4]['e' - 'a'] = E('t'),          [4]['g' - 'a'] = E('e'),
    [4]['i' - 'a'] = E('m'),          [4]['l' - 'a'] = E('e'),
    [4]['p' - 'a'] = E('e') | E('t'), [4]['r' - 'a'] = E('e') | E('m'),
    [4]['s' - 'a'] = E('p') | E('t'), [4]['t' - 'a'] = E('r'),
    [4]['u' - 'a'] = E('t'),          [4]['w' - 'a'] = E('d'),
    [4]['z' - 'a'] = E('e'),          [5]['c' - 'a'] = E('s'),
    [5]['f' - 'a'] = E('r'),          [5]['g' - 'a'] = E('e'),
    [5]['i' - 'a'] = E('e'),          [5]['l' - 'a'] = E('l'),
    [5]['m' - 'a'] = E('l'),          [5]['p' - 'a'] = E('e') | E('s'),
    [5]['r' - 'a'] = E('d') | E('e'), [5]['s' - 'a'] = E('e'),
    [5]['t' - 'a'] = E('e') | E('k'), [5]['v' - 'a'] = E('e'),
    [6]['c' - 'a'] = E('e'),          [6]['f' - 'a'] = E('e') | E('t'),
    [6]['n' - 'a'] = E('r'),          [6]['s' - 'a'] = E('n'),
    [6]['v' - 'a'] = E('e'),          [7]['a' - 'a'] = E('e'),
    [7]['c' - 'a'] = E('l') | E('r'), [7]['e' - 'a'] = E('e'),
    [7]['h' - 'a'] = E('y'),          [7]['s' - 'a'] = E('n'),
    [7]['v' - 'a'] = E('n'),          [8]['a' - 'a'] = E('x'),
    [8]['c' - 'a'] = E('y'),          [8]['d' - 'a'] = E('t'),
    [8]['p' - 'a'] = E('m') | E('t'), [9]['a' - 'a'] = E('t'),
    [9]['p' - 'a'] = E('h'),          [10]['i' - 'a'] = E('e'),
};
#undef E

/* Bit (the next to last letter - 'a') of [the last letter - 'a']: a label
 * of two letters or more ends with those two (most words before a number
 * end otherwise: "employs", "of", "about"), a filter before the letters
 * are counted. Keep in step with labels (fl_label_shapes_ok checks). */
#define P(c) (1u << ((c) - 'a'))
static const uint32_t label_pairs[26] = {
    ['d' - 'a'] = P('e') | P('n') | P('r'),
    ['e' - 'a'] = P('d') | P('g') | P('l') | P('m') | P('n') | P('r') | P('s') | P('t') | P('u'),
    ['g' - 'a'] = P('i'),
    ['h' - 'a'] = P('p'),
    ['k' - 'a'] = P('c'),
    ['l' - 'a'] = P('e') | P('o'),
    ['m' - 'a'] = P('e') | P('o') | P('r'),
    ['n' - 'a'] = P('o'),
    ['o' - 'a'] = P('n'),
    ['p' - 'a'] = P('e') | P('o') | P('p'),
    ['r' - 'a'] = P('e') | P('o'),
    ['s' - 'a'] = P('e') | P('o') | P('s') | P('u'),
    ['t' - 'a'] = P('a') | P('c') | P('h') | P('i') | P('n') | P('r'),
    ['w' - 'a'] = P('o'),
    ['x' - 'a'] = P('i'),
    ['y' - 'a'] = P('a') | P('r'),
};
#undef P

/* Adjectives allowed between a number and its unit noun. */
static const word_row adjectives[26] = {
    ['a' - 'a'] = {"additional", "american"},
    ['b' - 'a'] = {"british"},
    ['c' - 'a'] = {"chinese", "confirmed", "current"},
    ['e' - 'a'] = {"extra"},
    ['f' - 'a'] = {"fewer", "foreign", "former", "full-time", "further"},
    ['k' - 'a'] = {"known"},
    ['l' - 'a'] = {"large", "local"},
    ['m' - 'a'] = {"major", "more"},
    ['n' - 'a'] = {"new"},
    ['o' - 'a'] = {"other"},
    ['p' - 'a'] = {"part-time"},
    ['r' - 'a'] = {"registered"},
    ['s' - 'a'] = {"senior", "separate", "small"},
    ['t' - 'a'] = {"total"},
    ['y' - 'a'] = {"young"},
};

/* As label_shapes, for the adjectives (most words after a number, "up
 * from 73,686 last year", have no adjective's shape). Keep in step with
 * adjectives (fl_label_shapes_ok checks). */
#define E(e) (1u << ((e) - 'a'))
static const uint32_t adjective_shapes[11][26] = {
    [3]['n' - 'a'] = E('w'),          [4]['m' - 'a'] = E('e'),  [5]['e' - 'a'] = E('a'),
    [5]['f' - 'a'] = E('r'),          [5]['k' - 'a'] = E('n'),  [5]['l' - 'a'] = E('e') | E('l'),
    [5]['m' - 'a'] = E('r'),          [5]['o' - 'a'] = E('r'),  [5]['s' - 'a'] = E('l'),
    [5]['t' - 'a'] = E('l'),          [5]['y' - 'a'] = E('g'),  [6]['f' - 'a'] = E('r'),
    [6]['s' - 'a'] = E('r'),          [7]['b' - 'a'] = E('h'),  [7]['c' - 'a'] = E('e') | E('t'),
    [7]['f' - 'a'] = E('n') | E('r'), [8]['a' - 'a'] = E('n'),  [8]['s' - 'a'] = E('e'),
    [9]['c' - 'a'] = E('d'),          [9]['f' - 'a'] = E('e'),  [9]['p' - 'a'] = E('e'),
    [10]['a' - 'a'] = E('l'),         [10]['r' - 'a'] = E('d'),
};
#undef E

/* Whether each word of rows has its bit in shapes (see label_shapes). */
static bool shapes_hold(const word_row *rows, const uint32_t (*shapes)[26])
{
    for (size_t c = 0; c < 26; c++)
        for (const char *const *e = rows[c]; *e; e++) {
            const size_t len = strlen(*e);
            if ((unsigned char)(*e)[0] != 'a' + c || len == 0 || len > 10 ||
                (unsigned char)(*e)[len - 1] < 'a' || (unsigned char)(*e)[len - 1] > 'z' ||
                !((shapes[len][c] >> ((unsigned char)(*e)[len - 1] - 'a')) & 1u))
                return false;
        }
    return true;
}

/* Whether each word of rows of two letters or more has its last two in
 * pairs (see label_pairs). */
static bool pairs_hold(const word_row *rows, const uint32_t *pairs)
{
    for (size_t c = 0; c < 26; c++)
        for (const char *const *e = rows[c]; *e; e++) {
            const size_t len = strlen(*e);
            if (len < 2)
                continue;
            const unsigned a = (unsigned char)(*e)[len - 2] - 'a',
                           b = (unsigned char)(*e)[len - 1] - 'a';
            if (a >= 26 || b >= 26 || !((pairs[b] >> a) & 1u))
                return false;
        }
    return true;
}

/* Whether spelled_words holds the 27 words (one to nineteen, the tens)
 * each in its slot, each a number fl_scan_number reads whole with its
 * value, and whether fl_scan_number reads it alone where spelled_alone
 * says it does. */
static bool spelled_words_hold(void)
{
    static const char *const after[] = {
        "",           " of",      " years",    "-five",      "-year",     " five",
        " twenty",    " Hundred", ",",         " hundred",   " to",       " million",
        " billion",   " and",     "- five",    " thousand",  " tHOUSAND", " hundreds",
        " months",    " times",   " mILLION",  " billions",  " hundred-", " thousands",
        " hundredth", " bullion", " trillion", " thousand,", " Million",  " half"};
    size_t count = 0;
    for (size_t k = 0; k < sizeof spelled_words / sizeof spelled_words[0]; k++) {
        const struct spelled_word *e = &spelled_words[k];
        if (!e->len)
            continue;
        char w[32] = {0};
        fl_store8(w, e->x); /* (the bytes fl_load8 read) */
        if (e->len == 9)
            w[8] = 'n';
        fl_number n;
        if (SPELLED_SLOT(fl_load8(w)) != k || strlen(w) != e->len ||
            fl_scan_number(w, 0, e->len, &n) != e->len || !n.spelled || n.value != e->value ||
            e->value < 1 || e->value > 90)
            return false;
        for (size_t a = 0; a < sizeof after / sizeof after[0]; a++) {
            memcpy(w + e->len, after[a], strlen(after[a]) + 1);
            const size_t len = strlen(w);
            if (spelled_alone(w, e->len, len, e->value) &&
                (fl_scan_number(w, 0, len, &n) != e->len || n.value != e->value || !n.spelled ||
                 n.decimals != -1 || n.mantissa || n.grouped))
                return false;
        }
        count++;
    }
    return count == 27;
}

/* label_shapes, label_pairs and adjective_shapes in step with their words,
 * and spelled_words with fl_scan_number */
bool fl_label_shapes_ok(void)
{
    return shapes_hold(labels, label_shapes) && pairs_hold(labels, label_pairs) &&
           shapes_hold(adjectives, adjective_shapes) && spelled_words_hold();
}

static inline __attribute__((always_inline)) bool label_word(const char *w, size_t len)
{
    if (len == 0 || len > 10)
        return false;
    const unsigned c = ((unsigned char)w[0] | 0x20u) - 'a';
    const unsigned e = ((unsigned char)w[len - 1] | 0x20u) - 'a';
    if (c >= 26 || e >= 26 || !((label_shapes[len][c] >> e) & 1u))
        return false;
    return word_in_rows(labels, w, len);
}

/* (the shape test in line, before the rows' call: most words after a
 * number have no adjective's shape) */
static inline bool quantity_adjective(const char *w, size_t len)
{
    if (len == 0 || len > 10)
        return false;
    const unsigned c = ((unsigned char)w[0] | 0x20u) - 'a';
    const unsigned e = ((unsigned char)w[len - 1] | 0x20u) - 'a';
    if (c >= 26 || e >= 26 || !((adjective_shapes[len][c] >> e) & 1u))
        return false;
    return word_in_rows(adjectives, w, len);
}

/* Words after a number that are not what it counts. */
static bool not_unit(const fl_mx *mx, const char *w, size_t len)
{
    static const word_row words[26] = {
        ['a' - 'a'] = {"am"},
        ['b' - 'a'] = {"bst"},
        ['c' - 'a'] = {"cent"},
        ['d' - 'a'] = {"dollar", "dollars"},
        ['e' - 'a'] = {"est", "et", "euros"},
        ['g' - 'a'] = {"gmt"},
        ['p' - 'a'] = {"per", "percent", "percentage", "pm", "pounds", "pt"},
        ['u' - 'a'] = {"utc"},
        ['y' - 'a'] = {"yen"},
    };
    if (len < 2 || fl_common_word(mx, w, len))
        return true;
    return word_in_rows(words, w, len);
}

/* A lower-case word at `at` (letters and inner hyphens); returns its end. */
static inline __attribute__((always_inline)) size_t lower_word(const fl_mx *mx, size_t at)
{
    size_t i = at;
    if (mx->wend) {
        /* from the sentence's masks: to the next byte that is no
         * lower-case letter (other, a capital or a digit; past the
         * sentence all are other), on past an inner hyphen */
        for (;;) {
            const size_t rel = i - mx->s_off;
            const fl_word_block *bk = &mx->blocks[rel / 64];
            const uint64_t stop = (bk->other | bk->upper | bk->digit) >> (rel & 63);
            if (!stop) {
                i += 64 - (rel & 63);
                continue;
            }
            i += (size_t)__builtin_ctzll(stop);
            /* (i <= s_end: a byte of the prose; a hyphen is no NUL) */
            if (mx->text[i] == '-' && i + 1 < mx->s_end && i > at && is_lower(mx->text[i + 1]))
                i++;
            else
                break;
        }
    } else {
        while (i < mx->s_end &&
               (is_lower(mx->text[i]) ||
                (mx->text[i] == '-' && i > at && i + 1 < mx->s_end && is_lower(mx->text[i + 1]))))
            i++;
    }
    /* a word glued to something else ("p.m.", "km2") is not a unit noun */
    if (i < mx->s_end && (fl_mx_alnum_at(mx, i) ||
                          (mx->text[i] == '.' && i + 1 < mx->s_end && fl_mx_alnum_at(mx, i + 1))))
        return at;
    return i;
}

/* Whether the word of letters and digits that ends at `end` (after no
 * space) is a label word. The ASCII letters before `end` are read here;
 * a digit before them makes a word no label is, a byte past ASCII sends
 * the question to fl_mx_prev_word. */
static bool label_ends_at(const fl_mx *mx, size_t end)
{
    const char *t = mx->text;
    size_t q = fl_mx_letters_from(mx, end); /* from the masks, or read */
    if (q == SIZE_MAX) {
        q = end;
        while (q > mx->s_off && ((t[q - 1] | 0x20) >= 'a' && (t[q - 1] | 0x20) <= 'z'))
            q--;
    }
    if (q > mx->s_off && (unsigned char)t[q - 1] >= 0x80) {
        size_t ws, wl;
        return fl_mx_prev_word(mx, end, &ws, &wl) && ws + wl == end && label_word(t + ws, wl);
    }
    if (q == end || (q > mx->s_off && is_digit(t[q - 1])))
        return false;
    return label_word(t + q, end - q);
}

/* Whether label_ends_at may hold at `end`: with two ASCII letters before
 * it, the word there (of two letters or more, whichever way label_ends_at
 * finds it) is a label only if they end one (most words before a number
 * end otherwise: "employs", "of", "about"); asked before the call. */
static inline bool label_may_end(const fl_mx *mx, size_t end)
{
    const char *t = mx->text;
    if (end < mx->s_off + 2)
        return true;
    const unsigned a = ((unsigned char)t[end - 2] | 0x20u) - 'a',
                   b = ((unsigned char)t[end - 1] | 0x20u) - 'a';
    return a >= 26u || b >= 26u || ((label_pairs[b] >> a) & 1u);
}

static inline __attribute__((always_inline)) bool number_is_label(const fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    size_t p = at;
    while (p > mx->s_off && t[p - 1] == ' ')
        p--;
    if (p == mx->s_off)
        return false;
    char c = t[p - 1];
    if (p == at) /* glued: "#3", "-3", "3-1", "10:30", "$3" */
        return c == '#' || c == '-' || c == '/' || c == ':' || c == '.' || c == '\'' || c == ',' ||
               c == '$' || c == '+';
    if (c == '#')
        return true;
    if (c == '.') /* "No. 10", "p. 12", "Vol. 3" */
        return label_may_end(mx, p - 1) && label_ends_at(mx, p - 1);
    return label_may_end(mx, p) && label_ends_at(mx, p);
}

/* Unit symbols written in capitals or mixed case after a number ("4,500
 * mAh", "60 A", "9.6 kW"), each with the unit noun it stands for, so that
 * "40 amps" and "60 A" are one measure. */
static const struct {
    const char *symbol, *unit;
    unsigned char len; /* of symbol */
} unit_symbols[] = {
    {"mAh", "mah", 3}, {"kW", "kilowatt", 2}, {"MW", "megawatt", 2}, {"GW", "gigawatt", 2},
    {"kWh", "kwh", 3}, {"MWh", "mwh", 3},     {"GWh", "gwh", 3},     {"TWh", "twh", 3},
    {"GHz", "ghz", 3}, {"MHz", "mhz", 3},     {"Hz", "hertz", 2},    {"GB", "gb", 2},
    {"TB", "tb", 2},   {"A", "amp", 1},       {"V", "volt", 1},      {"W", "watt", 1}};

/* Bit (c & 63) set for the first letter c of each of unit_symbols (m k M
 * G T H A V W): a word with another first letter is none of them. */
#define UNIT_FIRST(c) ((uint64_t)1 << ((c)&63))
static const uint64_t unit_first_letters = UNIT_FIRST('m') | UNIT_FIRST('k') | UNIT_FIRST('M') |
                                           UNIT_FIRST('G') | UNIT_FIRST('T') | UNIT_FIRST('H') |
                                           UNIT_FIRST('A') | UNIT_FIRST('V') | UNIT_FIRST('W');
#undef UNIT_FIRST

/* Words after a one-letter symbol that show it is no unit ("3 A grades",
 * "the 2 A roads"). */
static bool letter_symbol_noun(const char *w, size_t len)
{
    /* sorted (strcmp order) */
    static const char *const words[] = {"grade", "grades", "level", "levels", "list",
                                        "road",  "roads",  "star",  "stars",  "team"};
    return FL_WORD_IN(w, len, words, true);
}

/* The unit noun of a unit symbol at `at` (after a space, or glued to the
 * number when `glued`), setting *end; NULL when there is none. */
static inline __attribute__((always_inline)) const char *symbol_unit(const fl_mx *mx, size_t at,
                                                                     bool glued, size_t *end)
{
    const char *t = mx->text;
    /* (at < s_end: both calls ask) */
    if (!((unit_first_letters >> (t[at] & 63)) & 1u))
        return NULL;
    /* the letters from at, four at most (a symbol has three) */
    size_t j = at;
    while (j < mx->s_end && j - at < 4 &&
           ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z')))
        j++;
    size_t n = j - at;
    if (n == 0 || n > 3 || (j < mx->s_end && fl_mx_alnum_at(mx, j)) || mx->sent->all_caps)
        return NULL;
    if (j < mx->s_end && (t[j] == '-' || t[j] == '/' || t[j] == '\'' || t[j] == '&'))
        return NULL;
    for (size_t k = 0; k < sizeof unit_symbols / sizeof unit_symbols[0]; k++) {
        const char *sym = unit_symbols[k].symbol;
        if (unit_symbols[k].len != n || sym[0] != t[at] || memcmp(sym, t + at, n) != 0)
            continue;
        if (n == 1) {
            /* a lone capital is a unit only before punctuation or a
             * lower-case word: "a 60 A breaker", "(40 A)" */
            if (glued)
                return NULL;
            if (j < mx->s_end && t[j] == ' ') {
                size_t w = j + 1, we = w;
                while (we < mx->s_end && t[we] >= 'a' && t[we] <= 'z')
                    we++;
                if (we == w || letter_symbol_noun(t + w, we - w))
                    return NULL;
            } else if ((j < mx->s_end && !strchr(",;:.)", t[j])) ||
                       (j + 1 < mx->s_end && t[j] == '.' && t[j + 1] != ' ')) {
                return NULL; /* not before punctuation, or an abbreviation: "190 A.D." */
            }
        }
        *end = j;
        return unit_symbols[k].unit;
    }
    return NULL;
}

/* Measurement nouns that form an adjective with a hyphen: "a 1.2-gigawatt
 * campus", "a 6.7-inch display". */
static bool hyphen_unit(const char *w, size_t len)
{
    /* sorted (strcmp order) */
    static const char *const units[] = {
        "acre",       "amp",       "bed",       "foot",      "gallon",   "gigawatt", "hectare",
        "horsepower", "inch",      "kilometer", "kilometre", "kilowatt", "liter",    "litre",
        "mah",        "megapixel", "megawatt",  "meter",     "metre",    "mile",     "seat",
        "storey",     "story",     "terawatt",  "ton",       "tonne",    "volt",     "watt"};
    return FL_WORD_IN(w, len, units, true);
}

/* The stem of a unit noun w[0..len) (lower case), from the workspace's
 * stem cache: the mentions are found before any check asks for the
 * sentences' contexts (which stem their words), so the cache holds the
 * words of earlier documents and of earlier units, and a word met for the
 * first time is stemmed here (572 of 834 calls on news-dev); a stopword, a
 * word of 64 bytes or more (fl_mx_stem keeps it as written) or no
 * workspace goes to fl_mx_stem. */
static const char *unit_stem(fl_mx *mx, const char *w, size_t len)
{
    bool stop;
    const char *st;
    size_t sl;
    if (len < 64 && mx->doc->ws && fl_ws_stem(mx->doc, w, len, &stop, &st, &sl) && !stop && st) {
        const char *copy = fl_arena_strndup(mx->doc->arena, st, sl);
        if (!copy)
            mx->doc->status = FL_ENOMEM;
        return copy;
    }
    return fl_mx_stem(mx, w, len);
}

/* Count and measure nouns that news writes after numbers most, each with
 * the stem unit_stem gives it (its Snowball stem), so that such a unit is
 * neither looked up in the lists of not_unit and quantity_adjective (it
 * is in none of them) nor stemmed and copied per mention: the mention
 * points at the static stem. tests/data/mentions/units.txt holds a case
 * for each word, which checks the stem. One row per first letter, each
 * in order of length (a row's scan stops at the first longer word) and,
 * within a length, of how often news-dev writes the word after a number
 * (the scan stops at the word: "years" before "yards", "months" before
 * "medals"). */
enum { KNOWN_ROW_MAX = 30, KNOWN_LEN_MAX = 11 };
typedef struct known_unit_entry {
    unsigned char len; /* 0 after the row's last word */
    /* the word's bytes in the entry (no NUL when it fills them), not
     * behind a pointer: known_unit compares them with no load to wait
     * for first */
    char word[KNOWN_LEN_MAX];
    const char *stem;
} known_unit_entry;
#define U(w, s)                                                                                    \
    {                                                                                              \
        sizeof(w) - 1, w, s                                                                        \
    }
static const known_unit_entry known_units[26][KNOWN_ROW_MAX] = {
    ['a' - 'a'] = {U("amp", "amp"), U("acre", "acr"), U("acres", "acr"), U("awards", "award"),
                   U("adults", "adult"), U("albums", "album"), U("animals", "anim"),
                   U("aircraft", "aircraft"), U("athletes", "athlet"), U("attempts", "attempt"),
                   U("appearances", "appear")},
    ['b' - 'a'] = {U("bed", "bed"), U("boys", "boy"), U("beds", "bed"), U("banks", "bank"),
                   U("books", "book"), U("birds", "bird"), U("babies", "babi"),
                   U("barrels", "barrel"), U("bloggers", "blogger"), U("branches", "branch"),
                   U("buildings", "build"), U("businesses", "busi")},
    ['c' - 'a'] = {U("cars", "car"), U("cats", "cat"), U("cents", "cent"), U("cases", "case"),
                   U("calls", "call"), U("copies", "copi"), U("cities", "citi"),
                   U("cattle", "cattl"), U("changes", "chang"), U("chances", "chanc"),
                   U("children", "children"), U("countries", "countri"), U("companies", "compani"),
                   U("customers", "custom"), U("computers", "comput"), U("centuries", "centuri"),
                   U("categories", "categori"), U("complaints", "complaint"),
                   U("connections", "connect")},
    ['d' - 'a'] = {U("day", "day"), U("days", "day"), U("dogs", "dog"), U("deaths", "death"),
                   U("decades", "decad"), U("devices", "devic"), U("doctors", "doctor"),
                   U("daughters", "daughter")},
    ['e' - 'a'] = {U("events", "event"), U("emails", "email"), U("episodes", "episod"),
                   U("employees", "employe"), U("executives", "execut")},
    ['f' - 'a'] = {U("feet", "feet"), U("fans", "fan"), U("fish", "fish"), U("foot", "foot"),
                   U("firms", "firm"), U("films", "film"), U("farms", "farm"), U("floors", "floor"),
                   U("flights", "flight"), U("families", "famili"), U("factories", "factori")},
    ['g' - 'a'] = {U("games", "game"), U("goals", "goal"), U("girls", "girl"), U("grams", "gram"),
                   U("groups", "group"), U("gallon", "gallon"), U("gadgets", "gadget"),
                   U("gallons", "gallon"), U("gigawatt", "gigawatt"), U("gigabytes", "gigabyt"),
                   U("gigawatts", "gigawatt")},
    ['h' - 'a'] = {U("hour", "hour"), U("hits", "hit"), U("hours", "hour"), U("homes", "home"),
                   U("horses", "hors"), U("houses", "hous"), U("hectare", "hectar"),
                   U("handsets", "handset"), U("hectares", "hectar"), U("hospitals", "hospit"),
                   U("households", "household"), U("horsepower", "horsepow")},
    ['i' - 'a'] = {U("inch", "inch"), U("items", "item"), U("inches", "inch")},
    ['j' - 'a'] = {U("jobs", "job"), U("judges", "judg")},
    ['k' - 'a'] = {U("kids", "kid"), U("kilos", "kilo"), U("kilowatt", "kilowatt"),
                   U("kilograms", "kilogram"), U("kilometer", "kilomet"),
                   U("kilometre", "kilometr"), U("kilowatts", "kilowatt"),
                   U("kilometres", "kilometr"), U("kilometers", "kilomet")},
    ['l' - 'a'] = {U("laps", "lap"), U("lives", "live"), U("lines", "line"), U("liter", "liter"),
                   U("litre", "litr"), U("litres", "litr"), U("levels", "level"),
                   U("liters", "liter"), U("letters", "letter"), U("lawsuits", "lawsuit")},
    ['m' - 'a'] = {U("men", "men"),
                   U("mah", "mah"),
                   U("mile", "mile"),
                   U("miles", "mile"),
                   U("month", "month"),
                   U("metre", "metr"),
                   U("meter", "meter"),
                   U("mines", "mine"),
                   U("months", "month"),
                   U("metres", "metr"),
                   U("movies", "movi"),
                   U("minute", "minut"),
                   U("medals", "medal"),
                   U("meters", "meter"),
                   U("minutes", "minut"),
                   U("matches", "match"),
                   U("members", "member"),
                   U("meetings", "meet"),
                   U("managers", "manag"),
                   U("messages", "messag"),
                   U("megawatt", "megawatt"),
                   U("megapixel", "megapixel"),
                   U("musicians", "musician"),
                   U("megawatts", "megawatt"),
                   U("megapixels", "megapixel")},
    ['n' - 'a'] = {U("nights", "night"), U("nurses", "nurs"), U("nations", "nation"),
                   U("nominations", "nomin")},
    ['o' - 'a'] = {U("orders", "order"), U("officers", "offic"), U("officials", "offici"),
                   U("operations", "oper")},
    ['p' -
        'a'] = {U("pages", "page"),         U("parts", "part"),         U("pence", "penc"),
                U("people", "peopl"),       U("phones", "phone"),       U("pixels", "pixel"),
                U("places", "place"),       U("planes", "plane"),       U("plants", "plant"),
                U("points", "point"),       U("prizes", "prize"),       U("pupils", "pupil"),
                U("persons", "person"),     U("players", "player"),     U("patients", "patient"),
                U("products", "product"),   U("programs", "program"),   U("projects", "project"),
                U("penalties", "penalti"),  U("passengers", "passeng"), U("programmes", "programm"),
                U("properties", "properti")},
    ['q' - 'a'] = {U("quarters", "quarter")},
    ['r' - 'a'] = {U("runs", "run"), U("races", "race"), U("rooms", "room"), U("rounds", "round"),
                   U("regions", "region"), U("residents", "resid")},
    ['s' - 'a'] = {U("sets", "set"),
                   U("sons", "son"),
                   U("seat", "seat"),
                   U("staff", "staff"),
                   U("sides", "side"),
                   U("sites", "site"),
                   U("seats", "seat"),
                   U("shows", "show"),
                   U("songs", "song"),
                   U("sales", "sale"),
                   U("ships", "ship"),
                   U("steps", "step"),
                   U("sheep", "sheep"),
                   U("shops", "shop"),
                   U("story", "stori"),
                   U("shares", "share"),
                   U("states", "state"),
                   U("stores", "store"),
                   U("stages", "stage"),
                   U("storey", "storey"),
                   U("seconds", "second"),
                   U("screens", "screen"),
                   U("seasons", "season"),
                   U("schools", "school"),
                   U("species", "speci"),
                   U("students", "student"),
                   U("soldiers", "soldier"),
                   U("spectators", "spectat"),
                   U("subscribers", "subscrib")},
    ['t' - 'a'] = {U("ton", "ton"), U("tons", "ton"), U("times", "time"), U("tries", "tri"),
                   U("terms", "term"), U("towns", "town"), U("tonne", "tonn"), U("trees", "tree"),
                   U("tonnes", "tonn"), U("titles", "titl"), U("tracks", "track"),
                   U("trucks", "truck"), U("troops", "troop"), U("tickets", "ticket"),
                   U("teachers", "teacher"), U("terawatt", "terawatt")},
    ['u' - 'a'] = {U("units", "unit"), U("users", "user")},
    ['v' - 'a'] = {U("volt", "volt"), U("votes", "vote"), U("voters", "voter"),
                   U("viewers", "viewer"), U("victims", "victim"), U("visitors", "visitor"),
                   U("vehicles", "vehicl")},
    ['w' - 'a'] = {U("wins", "win"), U("week", "week"), U("watt", "watt"), U("weeks", "week"),
                   U("women", "women"), U("words", "word"), U("wells", "well"),
                   U("workers", "worker"), U("wickets", "wicket")},
    ['y' - 'a'] = {U("year", "year"), U("years", "year"), U("yards", "yard")},
};
#undef U

/* Where the words of length n start in row c of known_units (the first
 * of length n or more): known_from[c][n] for n up to KNOWN_LEN_MAX, the
 * longest. Keep in step with the table (fl_known_units_indexed checks). */
static const unsigned char known_from[26][KNOWN_LEN_MAX + 1] = {
    {0, 0, 0, 0, 1, 2, 3, 6, 7, 10, 10, 10},    /* a */
    {0, 0, 0, 0, 1, 3, 6, 7, 8, 10, 11, 12},    /* b */
    {0, 0, 0, 0, 0, 2, 5, 8, 10, 11, 16, 18},   /* c */
    {0, 0, 0, 0, 1, 3, 3, 4, 7, 7, 8, 8},       /* d */
    {0, 0, 0, 0, 0, 0, 0, 2, 2, 3, 4, 5},       /* e */
    {0, 0, 0, 0, 0, 4, 7, 8, 9, 10, 11, 11},    /* f */
    {0, 0, 0, 0, 0, 0, 4, 6, 8, 9, 11, 11},     /* g */
    {0, 0, 0, 0, 0, 2, 4, 6, 7, 9, 10, 12},     /* h */
    {0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3},       /* i */
    {0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2},       /* j */
    {0, 0, 0, 0, 0, 1, 2, 2, 2, 3, 7, 9},       /* k */
    {0, 0, 0, 0, 0, 1, 5, 8, 9, 10, 10, 10},    /* l */
    {0, 0, 0, 0, 2, 3, 8, 14, 17, 21, 24, 25},  /* m */
    {0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 3, 3},       /* n */
    {0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4},       /* o */
    {0, 0, 0, 0, 0, 0, 3, 12, 14, 18, 19, 22},  /* p */
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1},       /* q */
    {0, 0, 0, 0, 0, 1, 3, 4, 5, 5, 6, 6},       /* r */
    {0, 0, 0, 0, 0, 3, 15, 20, 25, 27, 27, 28}, /* s */
    {0, 0, 0, 0, 1, 2, 8, 13, 14, 16, 16, 16},  /* t */
    {0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2},       /* u */
    {0, 0, 0, 0, 0, 1, 2, 3, 5, 7, 7, 7},       /* v */
    {0, 0, 0, 0, 0, 3, 7, 7, 9, 9, 9, 9},       /* w */
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},       /* x */
    {0, 0, 0, 0, 0, 1, 3, 3, 3, 3, 3, 3},       /* y */
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},       /* z */
};

bool fl_known_units_indexed(void)
{
    for (size_t c = 0; c < 26; c++) {
        const known_unit_entry *row = known_units[c];
        if (row[KNOWN_ROW_MAX - 1].len)
            return false; /* no empty entry after the row */
        for (size_t k = 0; row[k].len; k++) {
            const size_t len = strnlen(row[k].word, KNOWN_LEN_MAX);
            if (len != row[k].len || len < 2 || (unsigned char)row[k].word[0] != 'a' + c ||
                (k > 0 && row[k - 1].len > len))
                return false;
        }
        for (size_t n = 0; n <= KNOWN_LEN_MAX; n++) {
            size_t k = 0;
            while (row[k].len && row[k].len < n)
                k++;
            if (known_from[c][n] != k)
                return false;
        }
    }
    return true;
}

/* The stem of w[0..len) (lower-case letters) when it is one of
 * known_units, else NULL. */
static inline __attribute__((always_inline)) const char *known_unit(const char *w, size_t len)
{
    const unsigned c = (unsigned char)w[0] - 'a';
    if (c >= 26 || len < 2 || len > KNOWN_LEN_MAX)
        return NULL;
    /* the row's words of that length (the row ends with an empty entry,
     * of length 0), each compared by overlapping loads (both hold len bytes):
     * the number's unit is most often one of them, whose bytes a loop
     * read one at a time */
    for (const known_unit_entry *k = known_units[c] + known_from[c][len]; k->len == len; k++)
        if (fl_bytes_eq(k->word, w, len))
            return k->stem;
    return NULL;
}

/* The steps of quantities_walk at the number of nl bytes (nl > 0, or a
 * word that reads as none) at i, mx->numbers[cursor] when the sentence
 * has the list: where the walk goes on (past i), or 0 when a mention
 * could not be added. */
static inline __attribute__((always_inline)) size_t
quantity_at(fl_mx *mx, size_t cursor, size_t i, const fl_number *n, size_t nl, bool digit)
{
    const char *t = mx->text;
    size_t next = nl ? i + nl : fl_mx_word_end(mx, i);
    /* (the number, its unit and what fl_mx_claimed_in is asked of below
     * lie inside the sentence: each is read up to s_end) */
    if (!nl || fl_mx_claimed_in(mx, i, nl))
        return next > i ? next : i + 1;
    /* a label's number ("No. 3", "Section 230") is no amount, and
     * the walk goes on after it (next): asked only where that matters,
     * before a quantity is made and where the walk would go on past a
     * scale (e > next) */
    /* "one" alone is rarely a count ("one of", "no one") */
    if (n->spelled && n->value == 1 && nl == 3)
        return next;
    size_t e = i + nl;
    if (digit && !n->grouped && n->decimals == 0 && nl == 4 && n->value >= 1800 &&
        n->value <= 2100) { /* a year, even as an adjective */
        return e;
    }
    double mult = 1;
    if (digit)
        e += scale_at(mx, cursor, i, nl, &mult);
    if (digit && e < mx->s_end) {
        /* a unit symbol, glued or after a space ("4,500mAh", "60 A"),
         * or a measurement adjective ("1.2-gigawatt") */
        const char *unit = NULL;
        size_t ue = 0;
        if (fl_mx_alnum_at(mx, e) && mult == 1)
            unit = symbol_unit(mx, e, true, &ue);
        else if (t[e] == ' ' && e + 1 < mx->s_end)
            unit = symbol_unit(mx, e + 1, false, &ue);
        if (!unit && t[e] == '-' && mult == 1 && e + 1 < mx->s_end) {
            size_t he = lower_word(mx, e + 1);
            if (he > e + 1 && hyphen_unit(t + e + 1, he - e - 1)) {
                if (number_is_label(mx, i))
                    return next;
                ue = he;
                unit = known_unit(t + e + 1, he - e - 1);
                if (!unit)
                    unit = unit_stem(mx, t + e + 1, he - e - 1);
            }
        }
        if (unit && !fl_mx_claimed_in(mx, i, ue - i)) {
            if (number_is_label(mx, i))
                return next;
            fl_mention *m = fl_mx_add(mx, FL_M_QUANTITY, i, ue - i, 0);
            if (!m)
                return 0;
            m->number = fl_number_scaled(n, mult);
            m->unit = unit;
            fl_mx_claim_in(mx, i, ue - i);
            return ue;
        }
    }
    /* where the walk goes on when no quantity starts at i */
    const size_t past = e > next && number_is_label(mx, i) ? next : e;
    /* only a space goes on to a unit noun: glued letters, ranges, scores,
     * times, decimals and the rest end here */
    if (e >= mx->s_end || t[e] != ' ')
        return past;
    size_t u = e + 1;
    size_t ue = lower_word(mx, u);
    /* a known unit is no adjective and passes not_unit */
    const char *known = ue > u ? known_unit(t + u, ue - u) : NULL;
    if (!known && ue > u && quantity_adjective(t + u, ue - u) && ue < mx->s_end && t[ue] == ' ') {
        size_t u2 = ue + 1, ue2 = lower_word(mx, u2);
        const char *known2 = ue2 > u2 ? known_unit(t + u2, ue2 - u2) : NULL;
        if (ue2 > u2 && (known2 || !not_unit(mx, t + u2, ue2 - u2))) {
            u = u2;
            ue = ue2;
            known = known2;
        }
    }
    if (ue == u || (!known && not_unit(mx, t + u, ue - u)) || fl_mx_claimed_in(mx, i, ue - i))
        return past;
    if (past != e || (e == next && number_is_label(mx, i)))
        return next;
    fl_mention *m = fl_mx_add(mx, FL_M_QUANTITY, i, ue - i, 0);
    if (!m)
        return 0;
    m->number = fl_number_scaled(n, mult);
    m->unit = known ? known : unit_stem(mx, t + u, ue - u);
    fl_mx_claim_in(mx, i, ue - i);
    return ue;
}

/* quantities_walk over the sentence's number list (mx->numbers set),
 * with the list, the memos and the claimed table read once. */
static __attribute__((noinline)) void quantities_listed(fl_mx *mx)
{
    const char *t = mx->text;
    const uint32_t *nums = mx->numbers;
    fl_number_memo *memos = mx->number_memo;
    const unsigned char *claimed = mx->claimed;
    const size_t count = mx->number_count, s_off = mx->s_off;
    size_t i = s_off; /* the text before i is passed */
    for (size_t k = 0; k < count; k++) {
        const size_t at = s_off + nums[k];
        if (at < i)
            continue;
        const bool digit = is_digit(t[at]);
        fl_number_memo *m = &memos[k];
        if (digit) {
            /* a plain run of digits the percents passed over unread: one
             * that is claimed, or where no quantity may start, is passed
             * over unread as the tests below would pass it over; else
             * read. (A number the percents did not look at, in a sentence
             * where none could take a percentage, is marked here as they
             * would have.) */
            if (m->len == FL_NUMBER_UNREAD) {
                const size_t pl = plain_number_len(mx, at);
                if (pl) {
                    m->len = NUMBER_PLAIN;
                    m->scale = (uint32_t)pl;
                }
            }
            if (claimed[at - s_off]) {
                /* claimed (most numbers are, by now): passed over as
                 * below, past the number read (a plain run: its length) */
                if (m->len == NUMBER_PLAIN) {
                    i = at + m->scale;
                    continue;
                }
                if (m->len != FL_NUMBER_UNREAD && m->len) {
                    i = at + m->len;
                    continue;
                }
            }
            if (m->len == NUMBER_PLAIN) {
                if (!quantity_may(mx, at, m->scale)) {
                    i = at + m->scale;
                    continue;
                }
                /* read here: a plain run of up to 18 digits is its own
                 * mantissa, as fl_scan_number reads it (longer: by it) */
                const size_t pl = m->scale;
                m->scale = FL_NUMBER_UNREAD;
                if (pl <= 18)
                    plain_number_read(m, t, at, pl);
                else
                    m->len = FL_NUMBER_UNREAD;
            }
        }
        /* what fl_mx_number_read does, on the entry at hand (some were
         * read just above) */
        if (m->len == FL_NUMBER_UNREAD)
            m->len = (uint32_t)fl_scan_number(t, at, mx->s_end, &m->n);
        if (!(i = quantity_at(mx, k, at, &m->n, m->len, digit)))
            return;
    }
}

/* quantities_walk over the words of a sentence too long for the lists */
static __attribute__((noinline)) void quantities_walk(fl_mx *mx)
{
    const char *t = mx->text;
    size_t i = mx->s_off, cursor = 0, nl;
    fl_number scratch;
    for (;;) {
        /* every way on leaves i past the number start (a number or a
         * word there is read whole): the next is looked for after it */
        if ((i = number_from(mx, &cursor, i)) >= mx->s_end)
            break;
        const fl_number *n = number_at(mx, cursor, i, &scratch, &nl);
        if (!(i = quantity_at(mx, cursor, i, n, nl, is_digit(t[i]))))
            return;
    }
}

/* The walks save and restore their registers even where they find
 * nothing, so a sentence without what they need (many have no digit or
 * number start) is passed over before one starts: no money without a
 * digit. */
void fl_extract_money(fl_mx *mx)
{
    if (mx->digit_run_count)
        money_listed(mx);
    else if (!mx->digits) /* runs are listed only with the lists */
        money_walk(mx);
}

/* No percentage without a number start (see fl_extract_money); a number
 * start is listed only where the sentence has its lists. Where no number
 * of digits may start one (percents_digits_may), only those spelled out
 * are walked, when there are any. */
void fl_extract_percents(fl_mx *mx)
{
    const size_t n = mx->number_count;
    if (n) {
        if (percents_digits_may(mx)) {
            percents_listed(mx);
            return;
        }
        const uint32_t *nums = mx->numbers;
        const char *t = mx->text + mx->s_off;
        for (size_t k = 0; k < n; k++)
            if (!is_digit(t[nums[k]])) {
                percents_spelled(mx, k);
                return;
            }
    } else if (!mx->numbers) {
        percents_walk(mx);
    }
}

/* No quantity without a number start (see fl_extract_percents), nor
 * where the first byte of each is claimed by now (money, a percentage, a
 * date, an age or a code: "rose 3% in early trading", "since 2016"):
 * quantity_at refuses a claimed start, and the walk would only pass over
 * each. */
void fl_extract_quantities(fl_mx *mx)
{
    const size_t n = mx->number_count;
    if (n) {
        const uint32_t *nums = mx->numbers;
        const unsigned char *claimed = mx->claimed;
        for (size_t k = 0; k < n; k++)
            if (!claimed[nums[k]]) {
                quantities_listed(mx);
                return;
            }
    } else if (!mx->numbers) {
        quantities_walk(mx);
    }
}

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

/* Whether the alnum-run [s, s+len) (possessive already removed) is a code. */
static bool code_shape(const fl_mx *mx, size_t at, size_t len)
{
    const char *s = mx->text + at;
    bool digit = false, upper = false;
    size_t lead_digits = 0;
    while (lead_digits < len && is_digit(s[lead_digits]))
        lead_digits++;
    for (size_t i = 0; i < len; i++) {
        digit |= is_digit(s[i]);
        upper |= is_upper(s[i]);
    }
    if (!digit || !upper)
        return false;
    /* Q1-Q4: quarters */
    if (len == 2 && s[0] == 'Q' && s[1] >= '1' && s[1] <= '4')
        return false;
    /* H1/H2 before a year: halves */
    if (len == 2 && s[0] == 'H' && (s[1] == '1' || s[1] == '2')) {
        size_t e = at + len;
        if (e + 5 <= mx->s_end && mx->text[e] == ' ' && mx->text[e + 1] == '2' &&
            mx->text[e + 2] == '0' && is_digit(mx->text[e + 3]) && is_digit(mx->text[e + 4]))
            return false;
    }
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

static void add_code(fl_mx *mx, size_t start, size_t end)
{
    if (fl_mx_claimed(mx, start, end - start))
        return;
    if (!fl_mx_add(mx, FL_M_CODE, start, end - start, FL_FOLD_CODE))
        return;
    fl_mx_claim(mx, start, end - start);
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

static bool head_excluded(const char *s, size_t len)
{
    static const char *const heads[] = {"US",  "UK",  "EU",  "UN",  "AM",  "PM",  "AD",  "BC",
                                        "NO",  "TV",  "CEO", "CFO", "COO", "CTO", "GDP", "AI",
                                        "USD", "GBP", "EUR", "JPY", "CNY", "ET",  "GMT", "BST",
                                        "UTC", "EST", "PST", "FY",  "Q",   "NHS", "BBC", "VAT"};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        if (fl_word_eq(s, len, heads[i]))
            return true;
    return false;
}

void fl_extract_codes(fl_mx *mx)
{
    const char *t = mx->text;
    size_t i = mx->s_off;
    while (i < mx->s_end) {
        char c = t[i];
        if (!(is_digit(c) || is_alpha(c)) || !fl_mx_word_start(mx, i)) {
            i++;
            continue;
        }
        size_t start = i;
        /* the ASCII run of letters, digits and inner hyphens */
        size_t run = i;
        bool digit = false, upper = false;
        while (run < mx->s_end && (is_digit(t[run]) || is_alpha(t[run]) ||
                                   (t[run] == '-' && run + 1 < mx->s_end &&
                                    (is_digit(t[run + 1]) || is_alpha(t[run + 1]))))) {
            digit |= is_digit(t[run]);
            upper |= is_upper(t[run]);
            run++;
        }
        size_t e;
        if (is_digit(c) && (e = fl_mx_match(mx, FL_RE_CODE_NUMSUFFIX, i))) {
            add_code(mx, i, e);
            i = e;
            continue;
        }
        if (digit && upper && (e = fl_mx_match(mx, FL_RE_CODE_ALNUM, i))) {
            if (code_shape(mx, i, core_end(mx, i, e) - i)) {
                add_code(mx, i, e);
                i = e;
                continue;
            }
        }
        size_t we = fl_mx_word_end(mx, i);
        if (we + 1 < mx->s_end && t[we] == ' ' && is_digit(t[we + 1]) && !digit) {
            bool all_upper = true;
            for (size_t k = i; k < we; k++)
                all_upper &= is_upper(t[k]);
            if (all_upper && !mx->sent->all_caps && !head_excluded(t + i, we - i) &&
                (e = fl_mx_match(mx, FL_RE_CODE_HEADNUM, i))) {
                add_code(mx, i, e);
                i = e;
                continue;
            }
            if (!all_upper && (e = fl_mx_match(mx, FL_RE_CODE_NAMENUM, i))) {
                add_code(mx, i, e);
                i = e;
                continue;
            }
        }
        size_t next = run > we ? run : we;
        i = next > start ? next : start + 1;
    }
}

/* mentions_date.c - dates and ages.
 *
 * Dates: "March 5, 2024", "5 March 2024", "Mar. 5", "2024-03-05", "Tuesday,
 * March 5, 2024" (weekday kept), "January 2024", "in January", "last
 * Tuesday", "in 2024"; typed as year/month/day with the precision stated.
 * A month or a year on its own is a date only after a preposition ("in",
 * "since", "by", ...): "the 2025 fiscal year" names a period, not the date
 * of an event, and "May" alone is as often a name or a verb. A bare month
 * between a determiner and a noun ("its February release") is a date too.
 * Weekday abbreviations ("Fri.") count beside a day cue or a date.
 *
 * Ages: "Huang, 62,", "the 62-year-old Huang", "aged 62", linked to the
 * person when the name is right there. "Name, 62," (or "Name, 62." ending
 * the sentence) is only an age when a name really ends at the comma, and
 * not after a preposition of place ("in Leeds, 12."). */
#include "mentions.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Whether s[0..n) holds the n bytes of w (short words: no call). */
static inline bool same_bytes(const char *s, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != w[i])
            return false;
    return true;
}

static int month_number(const char *s)
{
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    char b[3] = {(char)(s[0] | 0x20), (char)(s[1] | 0x20), (char)(s[2] | 0x20)};
    for (int i = 0; i < 12; i++)
        if (memcmp(b, abbr[i], 3) == 0)
            return i + 1;
    return 0;
}

static int weekday_number(const char *s)
{
    static const char *const abbr[] = {"su", "mo", "tu", "we", "th", "fr", "sa"};
    char b[2] = {(char)(s[0] | 0x20), (char)(s[1] | 0x20)};
    for (int i = 0; i < 7; i++)
        if (memcmp(b, abbr[i], 2) == 0)
            return i;
    return -1;
}

static int group_int(const fl_mx *mx, unsigned g)
{
    size_t o, l;
    if (!fl_mx_group(mx, g, &o, &l))
        return 0;
    int v = 0;
    for (size_t i = 0; i < l && mx->text[o + i] >= '0' && mx->text[o + i] <= '9'; i++)
        v = v * 10 + (mx->text[o + i] - '0');
    return v;
}

static int group_month(const fl_mx *mx, unsigned g1, unsigned g2)
{
    size_t o, l;
    if (fl_mx_group(mx, g1, &o, &l) || fl_mx_group(mx, g2, &o, &l))
        return month_number(mx->text + o);
    return 0;
}

static int group_weekday(const fl_mx *mx, unsigned g)
{
    size_t o, l;
    return fl_mx_group(mx, g, &o, &l) ? weekday_number(mx->text + o) : -1;
}

/* add_date_in's year when it is the four digits the date starts with (a
 * bare year): read from them after the mention is made, not kept across
 * fl_mx_add's call. */
#define YEAR_AT_START (-1)

/* Adds the date [start, end) (false when its bytes are claimed or it
 * could not be added): in line where most dates are found (a year, a day
 * and month, a month and year, a weekday), add_date below elsewhere. */
static inline __attribute__((always_inline)) bool add_date_in(fl_mx *mx, size_t start, size_t end,
                                                              int y, int m, int d, int wd)
{
    if (fl_mx_claimed_in(mx, start, end - start))
        return false;
    fl_mention *mn = fl_mx_add(mx, FL_M_DATE, start, end - start, 0);
    if (!mn)
        return false;
    /* (told from y as given: YEAR_AT_START is no zero, as no year of
     * 1800 to 2099 is) */
    mn->precision = d || (!m && !y) ? FL_DATE_DAY : m ? FL_DATE_MONTH : FL_DATE_YEAR;
    if (y == YEAR_AT_START) {
        /* the four digits in one load: each pair made a number in its
         * first byte (ten times the first digit and the second: at most
         * 99, no carry into the next byte), then the two pairs */
        const uint32_t v = fl_load4(mx->text + start) - 0x30303030u;
        const uint32_t pairs = (v * 10 + (v >> 8)) & 0x00FF00FFu;
        y = (int)((pairs & 0xFFu) * 100 + (pairs >> 16));
    }
    mn->year = y;
    mn->month = m;
    mn->day = d;
    mn->weekday = wd;
    fl_mx_claim_in(mx, start, end - start); /* inside: fl_mx_claimed_in above */
    return true;
}

/* add_date_in out of line (for the day-month-year dates in words and the
 * ISO ones: each in line costs more code than it saves) */
static __attribute__((noinline)) bool add_date(fl_mx *mx, size_t start, size_t end, int y, int m,
                                               int d, int wd)
{
    return add_date_in(mx, start, end, y, m, d, wd);
}

/* The words of up to seven letters after which a bare month or year is
 * the date of something, each as date_preposition reads it (its bytes
 * from the first, zero past its end), in the slot PREP_SLOT gives it: one
 * multiply, one load and one compare per word tried (no word is zero: an
 * empty slot matches none), where a switch on the length jumped through
 * a table (an indirect branch, mispredicted for a third of the years in
 * the generated text) to up to six compares. The multiplier puts each
 * word in a slot of its own (two in one would override an initializer:
 * -Woverride-init, an error here). */
#define PREP_KEY(a, b, c, d, e, f, g)                                                              \
    ((uint64_t)(unsigned char)(a) | (uint64_t)(unsigned char)(b) << 8 |                            \
     (uint64_t)(unsigned char)(c) << 16 | (uint64_t)(unsigned char)(d) << 24 |                     \
     (uint64_t)(unsigned char)(e) << 32 | (uint64_t)(unsigned char)(f) << 40 |                     \
     (uint64_t)(unsigned char)(g) << 48)
#define PREP_SLOT(key) ((uint64_t)(key)*0x89C08E1C69A36E9Bull >> 59)
#define PREP_WORDS(X)                                                                              \
    X('i', 'n', 0, 0, 0, 0, 0)                                                                     \
    X('b', 'y', 0, 0, 0, 0, 0)                                                                     \
    X('o', 'f', 0, 0, 0, 0, 0)                                                                     \
    X('m', 'i', 'd', 0, 0, 0, 0)                                                                   \
    X('e', 'n', 'd', 0, 0, 0, 0)                                                                   \
    X('t', 'i', 'l', 'l', 0, 0, 0)                                                                 \
    X('f', 'r', 'o', 'm', 0, 0, 0)                                                                 \
    X('l', 'a', 't', 'e', 0, 0, 0)                                                                 \
    X('l', 'a', 's', 't', 0, 0, 0)                                                                 \
    X('n', 'e', 'x', 't', 0, 0, 0)                                                                 \
    X('t', 'h', 'i', 's', 0, 0, 0)                                                                 \
    X('s', 'i', 'n', 'c', 'e', 0, 0)                                                               \
    X('u', 'n', 't', 'i', 'l', 0, 0)                                                               \
    X('e', 'a', 'r', 'l', 'y', 0, 0)                                                               \
    X('a', 'f', 't', 'e', 'r', 0, 0)                                                               \
    X('d', 'u', 'r', 'i', 'n', 'g', 0)                                                             \
    X('b', 'e', 'f', 'o', 'r', 'e', 0)                                                             \
    X('t', 'h', 'r', 'o', 'u', 'g', 'h')                                                           \
    X('b', 'e', 't', 'w', 'e', 'e', 'n')
static const uint64_t prep_keys[32] = {
#define PREP(a, b, c, d, e, f, g)                                                                  \
    [PREP_SLOT(PREP_KEY(a, b, c, d, e, f, g))] = PREP_KEY(a, b, c, d, e, f, g),
    PREP_WORDS(PREP)
#undef PREP
};

/* Words after which a bare month or year is the date of something (in
 * line at its two calls: one per year the walk tries). */
static inline __attribute__((always_inline)) bool date_preposition(const fl_mx *mx, size_t at)
{
    size_t ws, wl;
    size_t p = at;
    const char *t = mx->text;
    if (p == mx->s_off)
        return false;
    unsigned char c = (unsigned char)t[p - 1];
    size_t e;     /* the end of the word before the spaces */
    if (c == '-') /* mid-January */
        e = --p;
    else if (c == ' ')
        e = p - 1;
    else
        return false;
    /* the word before the spaces, as fl_mx_prev_word finds it: read here
     * while it is ASCII letters (a digit in it makes no preposition); a
     * byte above the space is none of them */
    while (e > mx->s_off && (c = (unsigned char)t[e - 1]) <= ' ' &&
           (c == ' ' || c == '\t' || c == '\n' || c == '\r'))
        e--;
    /* from the sentence's masks (or read); a word over ten letters is
     * none of the prepositions either way (the read stops at eleven) */
    ws = fl_mx_letters_from(mx, e);
    if (ws == SIZE_MAX) {
        ws = e;
        while (ws > mx->s_off && e - ws <= 10 && (t[ws - 1] | 0x20) >= 'a' &&
               (t[ws - 1] | 0x20) <= 'z')
            ws--;
    }
    wl = e - ws;
    if (wl > 10 || (ws > mx->s_off && t[ws - 1] >= '0' && t[ws - 1] <= '9'))
        return false;
    if (ws > mx->s_off && (unsigned char)t[ws - 1] >= 0x80 && !fl_mx_prev_word(mx, p, &ws, &wl))
        return false;
    if (wl < 2 || wl > 10)
        return false;
    /* the word's first eight bytes (fewer when shorter) as one number,
     * each | 0x20 (a lower-case letter only where the byte is that letter
     * in either case), looked up in prep_keys */
    uint64_t x = 0;
    if (ws + 8 <= mx->s_end) {
        x = fl_load8(t + ws);
    } else {
        for (size_t k = 0; k < wl && k < 8; k++)
            x |= (uint64_t)(unsigned char)t[ws + k] << (8 * k);
    }
    x |= 0x2020202020202020ull;
    if (wl > 7) /* only "throughout" is longer than seven letters */
        return wl == 10 && x == fl_load8("througho") && (t[ws + 8] | 0x20) == 'u' &&
               (t[ws + 9] | 0x20) == 't';
    x &= fl_low_bytes(wl);
    return prep_keys[PREP_SLOT(x)] == x;
}

/* "its February release", "the March launch": a bare month between a
 * determiner and a lower-case noun dates that thing. */
static bool month_before_noun(const fl_mx *mx, size_t at, size_t end)
{
    static const char *const dets[] = {"its", "their", "his", "her", "our", "the", "a"};
    static const char *const not_nouns[] = {"of", "to",  "and", "or",   "on",    "in",   "for",
                                            "at", "is",  "was", "that", "which", "with", "by",
                                            "as", "has", "had", "have", "will",  "from"};
    const char *t = mx->text;
    size_t ws, wl;
    if (at < mx->s_off + 2 || t[at - 1] != ' ')
        return false;
    /* the determiner ends right before the space: in an s, r, e or a (no
     * call for the other words) */
    const char last = (char)(t[at - 2] | 0x20);
    if (!(last == 's' || last == 'r' || last == 'e' || last == 'a') ||
        !fl_mx_prev_word(mx, at, &ws, &wl) || ws + wl + 1 != at)
        return false;
    bool det = false;
    for (size_t i = 0; i < sizeof dets / sizeof dets[0] && !det; i++)
        det = fl_word_is(t + ws, wl, dets[i]);
    if (!det || end + 1 >= mx->s_end || t[end] != ' ' || t[end + 1] < 'a' || t[end + 1] > 'z')
        return false;
    size_t ne = fl_mx_word_end(mx, end + 1);
    for (size_t i = 0; i < sizeof not_nouns / sizeof not_nouns[0]; i++)
        if (fl_word_is(t + end + 1, ne - end - 1, not_nouns[i]))
            return false;
    return ne - end - 1 >= 3;
}

/* "Fri." and the like stand for a weekday only beside a day cue ("on
 * Fri.", "last Sat.") or a date ("Fri., March 5"): "the Sun." is a paper. */
static bool weekday_abbreviation_ok(const fl_mx *mx, size_t at, size_t end)
{
    const char *t = mx->text;
    size_t ws, wl;
    if (fl_mx_prev_word(mx, at, &ws, &wl) && ws + wl + 1 == at &&
        (fl_word_is(t + ws, wl, "on") || fl_word_is(t + ws, wl, "last") ||
         fl_word_is(t + ws, wl, "next") || fl_word_is(t + ws, wl, "this") ||
         fl_word_is(t + ws, wl, "until") || fl_word_is(t + ws, wl, "since") ||
         fl_word_is(t + ws, wl, "by")))
        return true;
    size_t n = end;
    if (n < mx->s_end && t[n] == ',')
        n++;
    n = fl_mx_skip_space(mx, n);
    return n > end && n + 3 <= mx->s_end && month_number(t + n) && fl_mx_word_end(mx, n) - n >= 3;
}

/* The end of the spaces (\s of the patterns) from `p`. */
static size_t re_spaces_end(const fl_mx *mx, size_t p)
{
    while (p < mx->s_end && fl_re_space(mx->text[p]))
        p++;
    return p;
}

/* Whether a day can follow the space at `p` in FL_RE_DATE_MDY or
 * FL_RE_DATE_DMY: spaces, maybe "the" and spaces, then one or two digits
 * (a longer run of digits is no day). */
static inline __attribute__((always_inline)) bool day_follows(const fl_mx *mx, size_t p)
{
    const char *t = mx->text;
    if (p >= mx->s_end || !fl_re_space(t[p]))
        return false;
    p = re_spaces_end(mx, p);
    if (p + 3 < mx->s_end && t[p] == 't' && t[p + 1] == 'h' && t[p + 2] == 'e' &&
        fl_re_space(t[p + 3]))
        p = re_spaces_end(mx, p + 3);
    size_t run = fl_mx_digit_run(mx, p);
    return run >= 1 && run <= 2;
}

/* Whether a month can follow the space at `p` in FL_RE_DATE_MDY: spaces,
 * then the capital a month starts with. */
static bool month_follows(const fl_mx *mx, size_t p)
{
    if (p >= mx->s_end || !fl_re_space(mx->text[p]))
        return false;
    p = re_spaces_end(mx, p);
    if (p >= mx->s_end)
        return false;
    /* J F M A S O N D, by one mask (no call) */
    const unsigned c = (unsigned)((unsigned char)mx->text[p] - 'A'),
                   months = 1u << ('J' - 'A') | 1u << ('F' - 'A') | 1u << ('M' - 'A') |
                            1u << ('A' - 'A') | 1u << ('S' - 'A') | 1u << ('O' - 'A') |
                            1u << ('N' - 'A') | 1u << ('D' - 'A');
    return c < 26u && ((months >> c) & 1u);
}

/* The three bytes a, b, c as one key, and its slot in cal_prefixes (the
 * multiplier puts each prefix date_word_prefix takes in a slot of its
 * own). DATE_SLOT8 takes the key shifted up a byte, as a four-byte load
 * shifted left leaves it (the fourth byte dropped). */
#define DATE_KEY(a, b, c)                                                                          \
    ((uint32_t)(unsigned char)(a) | (uint32_t)(unsigned char)(b) << 8 |                            \
     (uint32_t)(unsigned char)(c) << 16)
#define DATE_SLOT8(key8) ((uint32_t)((key8)*0x7CC8D335u) >> 27)
#define DATE_SLOT(key) DATE_SLOT8((uint32_t)(key) << 8)

enum { DW_WEEKDAY, DW_WEEKDAY_ABBR, DW_MONTH, DW_MONTH_ABBR };

/* The weekdays and months the date patterns spell, grouped by their first
 * three letters (each group in the order the patterns try them: the full
 * word first). */
static const struct cal_word {
    const char *word;
    unsigned char len, kind;
} cal_words[] = {
    {"January", 7, DW_MONTH},     {"Jan", 3, DW_MONTH_ABBR},     /* 0 */
    {"June", 4, DW_MONTH},        {"Jun", 3, DW_MONTH_ABBR},     /* 2 */
    {"July", 4, DW_MONTH},        {"Jul", 3, DW_MONTH_ABBR},     /* 4 */
    {"February", 8, DW_MONTH},    {"Feb", 3, DW_MONTH_ABBR},     /* 6 */
    {"Friday", 6, DW_WEEKDAY},    {"Fri", 3, DW_WEEKDAY_ABBR},   /* 8 */
    {"March", 5, DW_MONTH},       {"Mar", 3, DW_MONTH_ABBR},     /* 10 */
    {"May", 3, DW_MONTH},                                        /* 12 */
    {"Monday", 6, DW_WEEKDAY},    {"Mon", 3, DW_WEEKDAY_ABBR},   /* 13 */
    {"April", 5, DW_MONTH},       {"Apr", 3, DW_MONTH_ABBR},     /* 15 */
    {"August", 6, DW_MONTH},      {"Aug", 3, DW_MONTH_ABBR},     /* 17 */
    {"September", 9, DW_MONTH},   {"Sept", 4, DW_MONTH_ABBR},    /* 19 */
    {"Sep", 3, DW_MONTH_ABBR},                                   /* 21 */
    {"Saturday", 8, DW_WEEKDAY},  {"Sat", 3, DW_WEEKDAY_ABBR},   /* 22 */
    {"Sunday", 6, DW_WEEKDAY},    {"Sun", 3, DW_WEEKDAY_ABBR},   /* 24 */
    {"October", 7, DW_MONTH},     {"Oct", 3, DW_MONTH_ABBR},     /* 26 */
    {"November", 8, DW_MONTH},    {"Nov", 3, DW_MONTH_ABBR},     /* 28 */
    {"December", 8, DW_MONTH},    {"Dec", 3, DW_MONTH_ABBR},     /* 30 */
    {"Tuesday", 7, DW_WEEKDAY},   {"Tues", 4, DW_WEEKDAY_ABBR},  /* 32 */
    {"Tue", 3, DW_WEEKDAY_ABBR},                                 /* 34 */
    {"Thursday", 8, DW_WEEKDAY},  {"Thurs", 5, DW_WEEKDAY_ABBR}, /* 35 */
    {"Thur", 4, DW_WEEKDAY_ABBR}, {"Thu", 3, DW_WEEKDAY_ABBR},   /* 37 */
    {"Wednesday", 9, DW_WEEKDAY}, {"Wed", 3, DW_WEEKDAY_ABBR},   /* 39 */
};

/* The prefixes date_word_prefix takes: the three letters, their words in
 * cal_words [lo, hi), what month_number and weekday_number say of the
 * prefix, and the fourth letter of its words longer than three (0: none,
 * May). */
#define CAL_PREFIXES(X)                                                                            \
    X('J', 'a', 'n', 0, 2, 1, -1, 'u')                                                             \
    X('J', 'u', 'n', 2, 4, 6, -1, 'e')                                                             \
    X('J', 'u', 'l', 4, 6, 7, -1, 'y')                                                             \
    X('F', 'e', 'b', 6, 8, 2, -1, 'r')                                                             \
    X('F', 'r', 'i', 8, 10, 0, 5, 'd')                                                             \
    X('M', 'a', 'r', 10, 12, 3, -1, 'c')                                                           \
    X('M', 'a', 'y', 12, 13, 5, -1, 0)                                                             \
    X('M', 'o', 'n', 13, 15, 0, 1, 'd')                                                            \
    X('A', 'p', 'r', 15, 17, 4, -1, 'i')                                                           \
    X('A', 'u', 'g', 17, 19, 8, -1, 'u')                                                           \
    X('S', 'e', 'p', 19, 22, 9, -1, 't')                                                           \
    X('S', 'a', 't', 22, 24, 0, 6, 'u')                                                            \
    X('S', 'u', 'n', 24, 26, 0, 0, 'd')                                                            \
    X('O', 'c', 't', 26, 28, 10, -1, 'o')                                                          \
    X('N', 'o', 'v', 28, 30, 11, -1, 'e')                                                          \
    X('D', 'e', 'c', 30, 32, 12, -1, 'e')                                                          \
    X('T', 'u', 'e', 32, 35, 0, 2, 's')                                                            \
    X('T', 'h', 'u', 35, 39, 0, 4, 'r')                                                            \
    X('W', 'e', 'd', 39, 41, 0, 3, 'n')

/* By slot: the prefix (0: none) and the rest of its row above. */
static const struct cal_prefix {
    uint32_t key;
    unsigned char lo, hi;
    short month, weekday;
    char fourth;
} cal_prefixes[32] = {
#define CAL(a, b, c, lo, hi, m, wd, d)                                                             \
    [DATE_SLOT(DATE_KEY(a, b, c))] = {DATE_KEY(a, b, c), lo, hi, m, wd, d},
    CAL_PREFIXES(CAL)
#undef CAL
};

/* The keys of cal_prefixes alone, shifted up a byte (0: none): the one
 * test of each name mark in calendar_word_from (a load, a shift, the
 * slot's key compared), cheaper than the filter on the first two bytes
 * it replaces, and most marks that filter passed ("The", "Ma...") fail
 * here anyway. */
static const uint32_t cal_keys[32] = {
#define CAL(a, b, c, lo, hi, m, wd, d) [DATE_SLOT(DATE_KEY(a, b, c))] = DATE_KEY(a, b, c) << 8,
    CAL_PREFIXES(CAL)
#undef CAL
};

/* The cal_prefixes entry of the word at `at` (three bytes readable), NULL
 * when it starts like no weekday nor month. */
static inline const struct cal_prefix *cal_prefix_at(const fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    const uint32_t key = DATE_KEY(t[at], t[at + 1], t[at + 2]);
    const struct cal_prefix *c = &cal_prefixes[DATE_SLOT(key)];
    return c->key == key ? c : NULL;
}

/* What the date patterns can start with at `at` (a cheap test before they
 * run): a weekday (FL_RE_WEEKDAY; FL_RE_DATE_MDY when a month follows it,
 * FL_RE_DATE_DMY when a day does); a month before spaces, or an
 * abbreviated one before a dot (MDY when a day follows); a full month not
 * followed by a letter (MY). weekday_e: the end of the weekday (and its
 * abbreviation's dot) the first to match, as FL_RE_WEEKDAY's alternatives
 * would find it; month_e: the end of the full month. */
enum {
    DS_WEEKDAY = 1,
    DS_WEEKDAY_MONTH = 2,
    DS_WEEKDAY_DAY = 4,
    DS_MDY_MONTH = 8,
    DS_MDY_DAY = 16,
    DS_MY_MONTH = 32
};
/* (the findings as DS_ bits of one number: date_at_word tests them in a
 * register, where six bools were stored one by one and read back as one) */
typedef struct date_starts {
    unsigned found;
    size_t weekday_e, month_e;
} date_starts;

/* (in line in date_at_word: the struct is not passed back through
 * memory) */
static inline __attribute__((always_inline)) date_starts date_starts_at(const fl_mx *mx, size_t at,
                                                                        const struct cal_prefix *cp)
{
    const char *t = mx->text;
    date_starts d = {0, 0, 0};
    size_t avail = mx->s_end - at;
    for (size_t k = cp->lo; k < cp->hi; k++) {
        size_t n = cal_words[k].len;
        /* the first three bytes are the prefix's */
        if (n > avail || !same_bytes(t + at + 3, cal_words[k].word + 3, n - 3))
            continue;
        size_t p = at + n; /* what follows the word */
        char c = p < mx->s_end ? t[p] : ' ';
        switch (cal_words[k].kind) {
        case DW_WEEKDAY_ABBR:
            if (p >= mx->s_end || c != '.')
                break;
            p++;
            /* fall through */
        case DW_WEEKDAY:
            if (d.found & DS_WEEKDAY)
                break;
            d.found |= DS_WEEKDAY;
            d.weekday_e = p;
            if (p < mx->s_end && t[p] == ',')
                p++;
            if (month_follows(mx, p))
                d.found |= DS_WEEKDAY_MONTH;
            if (day_follows(mx, p))
                d.found |= DS_WEEKDAY_DAY;
            break;
        case DW_MONTH:
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                d.found |= DS_MY_MONTH; /* (one full month per prefix) */
            d.month_e = p;
            if (p < mx->s_end && fl_re_space(c)) {
                d.found |= DS_MDY_MONTH;
                if (day_follows(mx, p))
                    d.found |= DS_MDY_DAY;
            }
            break;
        default: /* DW_MONTH_ABBR */
            if (p < mx->s_end && (c == '.' || fl_re_space(c))) {
                d.found |= DS_MDY_MONTH;
                if (day_follows(mx, c == '.' ? p + 1 : p))
                    d.found |= DS_MDY_DAY;
            }
            break;
        }
        /* the group's later words are abbreviations this word starts
         * with ("Aug" of "August", "Thur" of "Thurs"): each is followed by
         * a letter here, after which none of them starts anything */
        break;
    }
    return d;
}

/* Whether FL_RE_DATE_MY's or FL_RE_WEEKDAY's (?![\\p{L}]) holds at `p`:
 * 1 yes, 0 no, -1 undecided here (a code point past ASCII other than
 * the ’). */
static int no_letter_at(const fl_mx *mx, size_t p)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (p >= mx->s_end)
        return 1;
    unsigned char c = t[p];
    if (c < 0x80)
        return !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return c == 0xE2 && p + 2 < mx->s_end && t[p + 1] == 0x80 && t[p + 2] == 0x99 ? 1 : -1;
}

/* Where FL_RE_DATE_MY matches at `at` (0: not at all), its year in *year
 * (0: none), as the pattern decides: a full month (which ends at `p`, 0:
 * none) not before a letter, then, when they follow, a comma maybe,
 * spaces and a year (18xx, 19xx, 20xx) not before a letter or a digit. A
 * code point past ASCII after the month or the year leaves it to the
 * pattern. */
static size_t date_my_end(fl_mx *mx, size_t at, size_t p, int *year)
{
    const char *t = mx->text;
    *year = 0;
    /* (date_at_word asks at DS_MY_MONTH: no ASCII letter is at p, which
     * leaves no_letter_at only a code point past ASCII to read) */
    int ok = !p ? 0 : p < mx->s_end && (unsigned char)t[p] >= 0x80 ? no_letter_at(mx, p) : 1;
    if (ok <= 0)
        goto pattern;
    size_t q = p;
    if (q < mx->s_end && t[q] == ',')
        q++;
    if (q >= mx->s_end || !fl_re_space(t[q]))
        return p;
    q = re_spaces_end(mx, q);
    if (q + 4 > mx->s_end ||
        !((t[q] == '1' && (t[q + 1] == '8' || t[q + 1] == '9')) ||
          (t[q] == '2' && t[q + 1] == '0')) ||
        !(t[q + 2] >= '0' && t[q + 2] <= '9') || !(t[q + 3] >= '0' && t[q + 3] <= '9'))
        return p;
    if (q + 4 < mx->s_end) {
        unsigned char c = (unsigned char)t[q + 4];
        if (c >= 0x80)
            goto pattern;
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return p;
    }
    *year = (t[q] - '0') * 1000 + (t[q + 1] - '0') * 100 + (t[q + 2] - '0') * 10 + (t[q + 3] - '0');
    return q + 4;
pattern:;
    size_t e = fl_mx_match(mx, FL_RE_DATE_MY, at);
    *year = e ? group_int(mx, 2) : 0;
    return e;
}

/* Where FL_RE_WEEKDAY matches at `at` (0: not at all), as the pattern
 * decides: a weekday, or one of its abbreviations and a dot (which end at
 * `e`, 0: none), not before a letter, then maybe 's or ’s. A code point
 * past ASCII after it other than the ’ leaves it to the pattern. */
static size_t weekday_end(fl_mx *mx, size_t at, size_t e)
{
    const char *t = mx->text;
    if (!e)
        return 0;
    int ok = no_letter_at(mx, e);
    if (ok < 0)
        return fl_mx_match(mx, FL_RE_WEEKDAY, at);
    if (!ok)
        return 0;
    if (e + 1 < mx->s_end && t[e] == '\'' && t[e + 1] == 's')
        return e + 2;
    if (e + 3 < mx->s_end && (unsigned char)t[e] == 0xE2 && (unsigned char)t[e + 1] == 0x80 &&
        (unsigned char)t[e + 2] == 0x99 && t[e + 3] == 's')
        return e + 4;
    return e;
}

/* ------------------------------------------- FL_RE_DATE_MDY and _DMY by hand
 *
 * The two day-month patterns read as they decide on ASCII text, without
 * PCRE2: every part of them is taken or left in one way only there (see
 * each reader). Where a look-ahead meets a code point past ASCII (a
 * letter or a digit or not), DM_PATTERN leaves the match to the pattern. */

#define DM_PATTERN SIZE_MAX
/* dm_weekday's "no match" (its other results are positions). */
#define DM_NONE (SIZE_MAX - 1)

/* What a day-month pattern found: its groups' values as date_at_word and
 * date_at_digit read them (0, or -1 for the weekday, when unset). */
typedef struct dm_match {
    int year, month, day, weekday;
} dm_match;

/* (?![\p{L}\p{N}]) at `p` (`letters_only`: (?![\p{L}])): 1 holds, 0 not,
 * -1 a code point past ASCII. */
static inline int dm_not_word(const fl_mx *mx, size_t p, bool letters_only)
{
    if (p >= mx->s_end)
        return 1;
    const unsigned char c = (unsigned char)mx->text[p];
    if (c >= 0x80)
        return -1;
    return !(((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (!letters_only && c >= '0' && c <= '9'));
}

static inline bool dm_digit(const fl_mx *mx, size_t p)
{
    return p < mx->s_end && mx->text[p] >= '0' && mx->text[p] <= '9';
}

/* DAY at `p`: (3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\p{L}\p{N}]).
 * Its end (0: none, DM_PATTERN) and value. The look-ahead admits no digit
 * after the day's, so the run of digits is the day's, one or two of them
 * (no alternative takes less of it); a suffix is a letter, so without the
 * suffix the look-ahead fails where the suffix's fails. */
static size_t dm_day(const fl_mx *mx, size_t p, int *day)
{
    const char *t = mx->text;
    if (!dm_digit(mx, p))
        return 0;
    size_t q = p + 1;
    int v = t[p] - '0';
    if (dm_digit(mx, q)) {
        if (dm_digit(mx, q + 1))
            return 0;
        v = v * 10 + (t[q] - '0');
        if (v == 0 || v > 31)
            return 0;
        q++;
    } else if (v == 0) {
        return 0;
    }
    if (q + 2 <= mx->s_end &&
        ((t[q] == 's' && t[q + 1] == 't') || (t[q] == 'n' && t[q + 1] == 'd') ||
         (t[q] == 'r' && t[q + 1] == 'd') || (t[q] == 't' && t[q + 1] == 'h')))
        q += 2;
    const int ok = dm_not_word(mx, q, false);
    if (ok < 0)
        return DM_PATTERN;
    *day = v;
    return ok ? q : 0;
}

/* (?:,?\s+YEAR)? at `p`: its end (p when the year is not there, or
 * DM_PATTERN), the year in *year. */
static size_t dm_year_tail(const fl_mx *mx, size_t p, int *year)
{
    const char *t = mx->text;
    size_t q = p;
    if (q < mx->s_end && t[q] == ',')
        q++;
    if (q >= mx->s_end || !fl_re_space(t[q]))
        return p;
    q = re_spaces_end(mx, q);
    if (q + 4 > mx->s_end ||
        !((t[q] == '1' && (t[q + 1] == '8' || t[q + 1] == '9')) ||
          (t[q] == '2' && t[q + 1] == '0')) ||
        !(t[q + 2] >= '0' && t[q + 2] <= '9') || !(t[q + 3] >= '0' && t[q + 3] <= '9'))
        return p;
    const int ok = dm_not_word(mx, q + 4, false);
    if (ok < 0)
        return DM_PATTERN;
    if (!ok)
        return p;
    *year = (t[q] - '0') * 1000 + (t[q + 1] - '0') * 100 + (t[q + 2] - '0') * 10 + (t[q + 3] - '0');
    return q + 4;
}

/* (?:WEEKDAYS,?\s+)? at `at`: where what follows starts (at when no
 * weekday), the weekday's number in *weekday (-1: none). The weekday
 * alternatives are whole names or abbreviations with their dot, of which
 * one at most matches; when the spaces after it are missing, the group
 * is left, and what follows it in either pattern (a month, "the" or a
 * digit) cannot start at a weekday: DM_NONE, no match (not 0, which is
 * `at` for a date that starts the text). */
static size_t dm_weekday(const fl_mx *mx, size_t at, int *weekday)
{
    const char *t = mx->text;
    *weekday = -1;
    if (at + 3 > mx->s_end)
        return at;
    const struct cal_prefix *cp = cal_prefix_at(mx, at);
    if (!cp || cp->weekday < 0)
        return at;
    const size_t avail = mx->s_end - at;
    for (size_t k = cp->lo; k < cp->hi; k++) {
        const size_t n = cal_words[k].len;
        if (n > avail || !same_bytes(t + at + 3, cal_words[k].word + 3, n - 3))
            continue;
        size_t p = at + n;
        if (cal_words[k].kind == DW_WEEKDAY_ABBR) {
            if (p >= mx->s_end || t[p] != '.')
                continue;
            p++;
        }
        if (p < mx->s_end && t[p] == ',')
            p++;
        if (p >= mx->s_end || !fl_re_space(t[p]))
            return DM_NONE;
        *weekday = cp->weekday;
        return re_spaces_end(mx, p);
    }
    return at;
}

/* A month of the patterns at `p`: the full name, else the first of its
 * abbreviations there (Sept before Sep); its end (0: none) and number,
 * *abbr when abbreviated. When the full name is there, each abbreviation
 * of it is followed by a letter, which neither pattern takes after one
 * (a dot, spaces or (?![\p{L}]) come next): the full name's way is the
 * only one. */
static size_t dm_month(const fl_mx *mx, size_t p, int *month, bool *abbr)
{
    const char *t = mx->text;
    if (p + 3 > mx->s_end)
        return 0;
    const struct cal_prefix *cp = cal_prefix_at(mx, p);
    if (!cp || cp->month <= 0)
        return 0;
    const size_t avail = mx->s_end - p;
    for (size_t k = cp->lo; k < cp->hi; k++) {
        const size_t n = cal_words[k].len;
        if (n > avail || !same_bytes(t + p + 3, cal_words[k].word + 3, n - 3))
            continue;
        *month = cp->month;
        *abbr = cal_words[k].kind == DW_MONTH_ABBR;
        return p + n;
    }
    return 0;
}

/* FL_RE_DATE_MDY from `p`, after its weekday group (the weekday's number
 * `weekday`, -1: none): (?:MONTHS_FULL|MONTHS_ABBR\.?)\s+(?:the\s+)?DAY
 * (?:,?\s+YEAR)?. Its end (0: no match, DM_PATTERN). */
static size_t dm_mdy_from(const fl_mx *mx, size_t p, int weekday, dm_match *out)
{
    const char *t = mx->text;
    dm_match m = {0, 0, 0, weekday};
    bool abbr;
    if (!(p = dm_month(mx, p, &m.month, &abbr)))
        return 0;
    /* \.? then \s+: the dot is taken only before a space */
    if (abbr && p + 1 < mx->s_end && t[p] == '.' && fl_re_space(t[p + 1]))
        p++;
    if (p >= mx->s_end || !fl_re_space(t[p]))
        return 0;
    p = re_spaces_end(mx, p);
    /* (?:the\s+)?: with "the" no day at its t */
    if (p + 3 < mx->s_end && t[p] == 't' && t[p + 1] == 'h' && t[p + 2] == 'e' &&
        fl_re_space(t[p + 3]))
        p = re_spaces_end(mx, p + 3);
    size_t e = dm_day(mx, p, &m.day);
    if (!e || e == DM_PATTERN)
        return e;
    e = dm_year_tail(mx, e, &m.year);
    if (e != DM_PATTERN)
        *out = m;
    return e;
}

/* FL_RE_DATE_MDY at `at`: (?:WEEKDAYS,?\s+)?(?:MONTHS_FULL|MONTHS_ABBR\.?)
 * \s+(?:the\s+)?DAY(?:,?\s+YEAR)?. Its end (0: no match, DM_PATTERN). */
static size_t dm_mdy(const fl_mx *mx, size_t at, dm_match *out)
{
    int weekday;
    const size_t p = dm_weekday(mx, at, &weekday);
    return p == DM_NONE ? 0 : dm_mdy_from(mx, p, weekday, out);
}

/* FL_RE_DATE_DMY at `at`: (?:WEEKDAYS,?\s+)?(?:the\s+)?DAY(?:\s+of)?\s+
 * (?:MONTHS_FULL|MONTHS_ABBR\.?)(?![\p{L}])(?:,?\s+YEAR)?. Its end (0: no
 * match, DM_PATTERN). */
static size_t dm_dmy(const fl_mx *mx, size_t at, dm_match *out)
{
    const char *t = mx->text;
    dm_match m = {0, 0, 0, -1};
    size_t p = dm_weekday(mx, at, &m.weekday);
    if (p == DM_NONE)
        return 0;
    if (p + 3 < mx->s_end && t[p] == 't' && t[p + 1] == 'h' && t[p + 2] == 'e' &&
        fl_re_space(t[p + 3]))
        p = re_spaces_end(mx, p + 3);
    p = dm_day(mx, p, &m.day);
    if (!p || p == DM_PATTERN)
        return p;
    if (p >= mx->s_end || !fl_re_space(t[p]))
        return 0;
    p = re_spaces_end(mx, p);
    /* (?:\s+of)?: with "of" no month at its o */
    if (p + 2 < mx->s_end && t[p] == 'o' && t[p + 1] == 'f' && fl_re_space(t[p + 2]))
        p = re_spaces_end(mx, p + 2);
    bool abbr;
    if (!(p = dm_month(mx, p, &m.month, &abbr)))
        return 0;
    int ok;
    if (abbr && p < mx->s_end && t[p] == '.') {
        /* \.? taken when (?![\p{L}]) holds after it, else left: the dot is
         * no letter */
        ok = dm_not_word(mx, p + 1, true);
        if (ok < 0)
            return DM_PATTERN;
        if (ok)
            p++;
    } else {
        ok = dm_not_word(mx, p, true);
        if (ok < 0)
            return DM_PATTERN;
        if (!ok)
            return 0;
    }
    const size_t e = dm_year_tail(mx, p, &m.year);
    if (e != DM_PATTERN)
        *out = m;
    return e;
}

/* FL_RE_DATE_MDY at `at` (dm_mdy_from after the weekday group, which
 * ends at `p` with the weekday's number `weekday`, or the pattern where it
 * leaves the match to it): its end (0: none) and groups. */
static size_t date_mdy(fl_mx *mx, size_t at, size_t p, int weekday, dm_match *dm)
{
    size_t e = dm_mdy_from(mx, p, weekday, dm);
    if (e == DM_PATTERN && (e = fl_mx_match(mx, FL_RE_DATE_MDY, at)) != 0)
        *dm = (dm_match){group_int(mx, 5), group_month(mx, 2, 3), group_int(mx, 4),
                         group_weekday(mx, 1)};
    if (e == DM_PATTERN)
        return 0;
    /* a day that a group of three digits follows is a number's lead
     * ("In June 5,000 people applied"), not a day */
    const unsigned char *t = (const unsigned char *)mx->text;
    if (e && dm->day && !dm->year && e + 4 <= mx->s_end && t[e] == ',' &&
        (unsigned)(t[e + 1] - '0') < 10u && (unsigned)(t[e + 2] - '0') < 10u &&
        (unsigned)(t[e + 3] - '0') < 10u &&
        (e + 4 == mx->s_end || (unsigned)(t[e + 4] - '0') >= 10u))
        return 0;
    return e;
}

/* FL_RE_DATE_DMY at `at`, as date_mdy. */
static size_t date_dmy(fl_mx *mx, size_t at, dm_match *dm)
{
    size_t e = dm_dmy(mx, at, dm);
    if (e == DM_PATTERN && (e = fl_mx_match(mx, FL_RE_DATE_DMY, at)) != 0)
        *dm = (dm_match){group_int(mx, 5), group_month(mx, 3, 4), group_int(mx, 2),
                         group_weekday(mx, 1)};
    return e == DM_PATTERN ? 0 : e;
}

/* The date at `at`, a word that starts like a weekday or a month: cp, its
 * entry in cal_prefixes (cal_prefix_at; not NULL). */
static size_t date_at_word(fl_mx *mx, size_t at, const struct cal_prefix *cp)
{
    const char *t = mx->text;
    size_t e;
    date_starts d = date_starts_at(mx, at, cp);
    if (!(d.found & (DS_WEEKDAY | DS_MDY_MONTH | DS_MY_MONTH)))
        return 0;
    dm_match dm;
    if (d.found & (DS_WEEKDAY_MONTH | DS_MDY_DAY)) {
        /* the weekday group ends where the month starts, as dm_weekday
         * reads it: after a weekday (DS_WEEKDAY_MONTH: its comma and the
         * spaces month_follows found), else at once (a month's prefix) */
        size_t p = at;
        if (cp->weekday >= 0) {
            p = d.weekday_e;
            if (p < mx->s_end && t[p] == ',')
                p++;
            p = re_spaces_end(mx, p);
        }
        if ((e = date_mdy(mx, at, p, cp->weekday, &dm)))
            return add_date(mx, at, e, dm.year, dm.month, dm.day, dm.weekday) ? e : 0;
    }
    if ((d.found & DS_WEEKDAY_DAY) && (e = date_dmy(mx, at, &dm)) && cp->weekday >= 0)
        return add_date(mx, at, e, dm.year, dm.month, dm.day, dm.weekday) ? e : 0;
    if ((d.found & DS_WEEKDAY) && (e = weekday_end(mx, at, d.weekday_e))) {
        size_t start = at, ws, wl;
        if (t[e - 1] == '.' && !weekday_abbreviation_ok(mx, at, e))
            return 0;
        /* "last", "next" or "this" before it: the word fl_mx_prev_word
         * finds ends before the spaces, so in a t or an s (most words
         * before a weekday, "on", do not: no call) */
        size_t b = at;
        while (b > mx->s_off &&
               (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\n' || t[b - 1] == '\r'))
            b--;
        if (b > mx->s_off && ((t[b - 1] | 0x20) == 't' || (t[b - 1] | 0x20) == 's') &&
            fl_mx_prev_word(mx, at, &ws, &wl) &&
            (fl_word_is(t + ws, wl, "last") || fl_word_is(t + ws, wl, "next") ||
             fl_word_is(t + ws, wl, "this")) &&
            !fl_mx_claimed(mx, ws, wl))
            start = ws;
        return add_date_in(mx, start, e, 0, 0, 0, cp->weekday) ? e : 0;
    }
    int y;
    if ((d.found & DS_MY_MONTH) && (e = date_my_end(mx, at, d.month_e, &y))) {
        if (!y && !date_preposition(mx, at) && !month_before_noun(mx, at, e))
            return 0;
        return add_date_in(mx, at, e, y, cp->month, 0, -1) ? e : 0;
    }
    return 0;
}

/* Whether s (3 bytes readable) starts like a weekday or a month as the
 * date patterns spell them (case matters): none of them matches without. */
static bool date_word_prefix(const char *s)
{
    char b = s[1], c = s[2];
    switch (s[0]) {
    case 'J': /* Jan Jun Jul */
        return (b == 'a' && c == 'n') || (b == 'u' && (c == 'n' || c == 'l'));
    case 'F': /* Feb Fri */
        return (b == 'e' && c == 'b') || (b == 'r' && c == 'i');
    case 'M': /* Mar May Mon */
        return (b == 'a' && (c == 'r' || c == 'y')) || (b == 'o' && c == 'n');
    case 'A': /* Apr Aug */
        return (b == 'p' && c == 'r') || (b == 'u' && c == 'g');
    case 'S': /* Sep Sat Sun */
        return (b == 'e' && c == 'p') || (b == 'a' && c == 't') || (b == 'u' && c == 'n');
    case 'O':
        return b == 'c' && c == 't';
    case 'N':
        return b == 'o' && c == 'v';
    case 'D':
        return b == 'e' && c == 'c';
    case 'T': /* Tue Thu */
        return (b == 'u' && c == 'e') || (b == 'h' && c == 'u');
    case 'W':
        return b == 'e' && c == 'd';
    default:
        return false;
    }
}

/* Whether FL_RE_DATE_DMY can match the day of `run` digits at `at`: an
 * ordinal suffix (st, nd, rd, th) or none, spaces, maybe "of" and spaces,
 * then the capital of a month. */
static bool day_month_shape(const fl_mx *mx, size_t at, size_t run)
{
    const char *t = mx->text;
    size_t p = at + run;
    if (p + 2 <= mx->s_end &&
        ((t[p] == 's' && t[p + 1] == 't') || (t[p] == 'n' && t[p + 1] == 'd') ||
         (t[p] == 'r' && t[p + 1] == 'd') || (t[p] == 't' && t[p + 1] == 'h')))
        p += 2;
    if (p >= mx->s_end || !fl_re_space(t[p]))
        return false;
    while (p < mx->s_end && fl_re_space(t[p]))
        p++;
    if (p + 2 < mx->s_end && t[p] == 'o' && t[p + 1] == 'f' && fl_re_space(t[p + 2])) {
        p += 2;
        while (p < mx->s_end && fl_re_space(t[p]))
            p++;
    }
    if (p >= mx->s_end)
        return false;
    /* a capital that starts a month: J F M A S O N D */
    const unsigned c = (unsigned)((unsigned char)t[p] - 'A'),
                   months = 1u << ('J' - 'A') | 1u << ('F' - 'A') | 1u << ('M' - 'A') |
                            1u << ('A' - 'A') | 1u << ('S' - 'A') | 1u << ('O' - 'A') |
                            1u << ('N' - 'A') | 1u << ('D' - 'A');
    return c < 26u && ((months >> c) & 1u);
}

/* Where FL_RE_YEAR matches at `at`, which holds a run of exactly four
 * digits, 18xx to 20xx: its end, or 0. The pattern only looks at what
 * follows; that is read here when it is ASCII: no letter, digit or %, no
 * [.,-/] before a digit, no "fiscal" after spaces. (In line at its only
 * call, once per year tried.) */
/* What year_end makes of the ASCII byte after a year's digits: YA_NONE
 * (no year: a letter, a digit, %), YA_DIGIT (none before a digit: . , - /),
 * YA_SPACE (a space: "fiscal" may follow), else 0. */
enum { YA_NONE = 1, YA_DIGIT, YA_SPACE };
static const unsigned char year_after[128] = {
    ['a' ... 'z'] = YA_NONE, ['A' ... 'Z'] = YA_NONE,    ['0' ... '9'] = YA_NONE, ['%'] = YA_NONE,
    ['.'] = YA_DIGIT,        [','] = YA_DIGIT,           ['-'] = YA_DIGIT,        ['/'] = YA_DIGIT,
    [' '] = YA_SPACE,        ['\t' ... '\r'] = YA_SPACE,
};

static inline __attribute__((always_inline)) size_t year_end(fl_mx *mx, size_t at)
{
    const char *t = mx->text;
    size_t e = at + 4;
    if (e >= mx->s_end)
        return e;
    unsigned char c = (unsigned char)t[e];
    if (c >= 0x80) /* a letter, a digit or an en dash: the pattern knows */
        return fl_mx_match(mx, FL_RE_YEAR, at);
    const unsigned char k = year_after[c];
    if (k == YA_NONE)
        return 0;
    if (k == YA_DIGIT && e + 1 < mx->s_end && t[e + 1] >= '0' && t[e + 1] <= '9')
        return 0;
    if (k == YA_SPACE) {
        size_t p = e;
        while (p < mx->s_end && fl_re_space(t[p]))
            p++;
        if (p + 6 <= mx->s_end && memcmp(t + p, "fiscal", 6) == 0)
            return 0;
    }
    return e;
}

/* Whether a date can start at `at`, which holds a run of `run` digits: a
 * day (one or two digits, its month after it as day_month_shape reads it)
 * or a year (ISO or bare), four digits 18xx-20xx. */
static bool year_digits(const char *q)
{
    return (q[0] == '1' && (q[1] == '8' || q[1] == '9')) || (q[0] == '2' && q[1] == '0');
}

static bool date_digit_shape(const fl_mx *mx, size_t at, size_t run)
{
    if (run <= 2)
        return day_month_shape(mx, at, run);
    return run == 4 && year_digits(mx->text + at);
}

/* The date at `at`, which holds a run of `run` digits of date_digit_shape:
 * its end, or 0 (in line in the walk: a call per year or day tried less;
 * date_at_word in line too costs more than it saves). */
static inline __attribute__((always_inline)) size_t date_at_digit(fl_mx *mx, size_t at, size_t run)
{
    size_t e;
    const char *t = mx->text;
    if (run <= 2) {
        dm_match dm;
        return (e = date_dmy(mx, at, &dm)) && add_date_in(mx, at, e, dm.year, dm.month, dm.day, -1)
                   ? e
                   : 0;
    }
    if (at + 4 < mx->s_end && t[at + 4] == '-' && (e = fl_mx_match(mx, FL_RE_DATE_ISO, at)))
        return add_date(mx, at, e, group_int(mx, 1), group_int(mx, 2), group_int(mx, 3), -1) ? e
                                                                                             : 0;
    if ((e = year_end(mx, at)) && date_preposition(mx, at))
        return add_date_in(mx, at, e, YEAR_AT_START, 0, 0, -1) ? e : 0;
    return 0;
}

/* Whether the run of digits at s_off + p (p > 0) starts a word, as the
 * sentence's number starts say: after an ASCII byte, when that is no
 * letter or digit; after a byte past ASCII (rare), by the list itself. */
static __attribute__((noinline)) bool digits_start_word_slow(const fl_mx *mx, uint32_t p)
{
    size_t lo = 0, hi = mx->number_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (mx->numbers[mid] < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < mx->number_count && mx->numbers[lo] == p;
}

static inline bool digits_start_word(const fl_mx *mx, uint32_t p)
{
    const unsigned char c = (unsigned char)mx->text[mx->s_off + p - 1];
    if (c < 0x80) /* no digit: the runs are whole (a run starts after none) */
        return (unsigned)((c | 0x20u) - 'a') >= 26u;
    return digits_start_word_slow(mx, p);
}

/* The first word at or after `at` that starts with a digit and may start
 * a date (date_digit_shape), or s_end; *run is the length of its run of
 * digits. Read from the sentence's runs of digits: a word that starts
 * with a digit starts a run, which date_digit_shape takes only at one,
 * two or four digits. The walk goes forward only (*dcur 0 at its start,
 * then the run after the one found: the walk passes that before it asks
 * again). */
static inline __attribute__((always_inline)) size_t digit_word_from(const fl_mx *mx, size_t *dcur,
                                                                    size_t at, size_t *run)
{
    const char *t = mx->text + mx->s_off;
    const size_t rel = at > mx->s_off ? at - mx->s_off : 0;
    const uint32_t *runs = mx->digits;
    const size_t n = mx->digit_run_count;
    for (size_t k = *dcur; k < n; k++) {
        const uint32_t p = runs[2 * k];
        const size_t r = runs[2 * k + 1] - p;
        /* a run whose first digit is claimed (money, a percentage, a date
         * before) starts no date: each of date_at_digit's takes that
         * digit, and add_date refuses it, leaving the walk at the next */
        if (p < rel || r == 3 || r > 4 || mx->claimed[p] || (p > 0 && !digits_start_word(mx, p)))
            continue;
        if (r <= 2) {
            /* what day_month_shape needs next: an ordinal suffix's first
             * letter, or a space before a capital, "of" or more space
             * (a plain space tested first: most are) */
            /* (t[q] is a byte of the prose, q at most the sentence's end,
             * and so is the byte after a space: no end tests; past the
             * sentence day_month_shape refuses what passes here) */
            const size_t q = p + r;
            const char c = t[q];
            if (c == ' ' || fl_re_space(c) ? !((t[q + 1] >= 'A' && t[q + 1] <= 'Z') ||
                                               t[q + 1] == 'o' || fl_re_space(t[q + 1]))
                                           : !(c == 's' || c == 'n' || c == 'r' || c == 't'))
                continue;
        }
        /* date_digit_shape, its year test here */
        if (r == 4 ? year_digits(t + p) : day_month_shape(mx, mx->s_off + p, r)) {
            *dcur = k + 1;
            *run = r;
            return mx->s_off + p;
        }
    }
    *dcur = n;
    return mx->s_end;
}

/* Whether the name mark at r (r <= last: three bytes of the sentence
 * there) starts like a month or a weekday: date_word_prefix, by its table
 * of keys; then an ASCII letter after the three, other than the fourth of
 * the prefix's longer words, is in no date ("Novak", "Marketing": the
 * prefix's three-letter words take no letter after them, and
 * date_at_word would find nothing there). Its slot in cal_prefixes in
 * *slot. */
static inline __attribute__((always_inline)) bool calendar_mark(const unsigned char *t, size_t r,
                                                                ptrdiff_t last, uint32_t *slot_out)
{
    /* the word's first four bytes in one load (r + 3 is at most the
     * sentence's end: a byte of the prose, at worst its NUL), the fourth
     * shifted out: DATE_KEY of the three, a byte up */
    const uint32_t key8 = fl_load4(t + r) << 8;
    const uint32_t slot = DATE_SLOT8(key8);
    if (cal_keys[slot] != key8)
        return false;
    *slot_out = slot;
    const unsigned char c4 = (ptrdiff_t)r < last ? t[r + 3] : ' ';
    return (unsigned)((c4 | 0x20u) - 'a') >= 26u || c4 == (unsigned char)cal_prefixes[slot].fourth;
}

/* The first word at or after `at` that starts like a month or a weekday
 * (from the name marks: a capital first), or s_end; its entry in
 * cal_prefixes in *cp. The walk goes forward only (*cursor 0 at its
 * start, then the mark after the one found: the walk passes that before
 * it asks again). */
static inline __attribute__((always_inline)) size_t
calendar_word_from(const fl_mx *mx, size_t *cursor, size_t at, const struct cal_prefix **cp)
{
    const unsigned char *t = (const unsigned char *)mx->text + mx->s_off;
    const size_t rel = at > mx->s_off ? at - mx->s_off : 0;
    /* the last offset three bytes fit before the sentence's end at (a
     * signed compare: below zero in a sentence shorter than that) */
    const ptrdiff_t last = (ptrdiff_t)(mx->s_end - mx->s_off) - 3;
    const uint32_t *marks = mx->name_marks;
    const size_t n = mx->name_mark_count;
    size_t k = *cursor;
    /* the list ends with FL_NAME_MARK_END, past every offset */
    while ((marks[k] & ~FL_NAME_MARK_JOINED) < rel)
        k++;
    for (;; k++) {
        const size_t r = marks[k] & ~FL_NAME_MARK_JOINED;
        if ((ptrdiff_t)r > last) /* FL_NAME_MARK_END, or so is every later mark */
            break;
        uint32_t slot;
        if (calendar_mark(t, r, last, &slot)) {
            *cp = &cal_prefixes[slot];
            *cursor = k + 1;
            return mx->s_off + r;
        }
    }
    *cursor = n;
    return mx->s_end;
}

/* Whether the sentence has a word calendar_word_from finds (the same test
 * of each mark; only whether: fewer values live across the loop than in
 * the walk's, none in the registers a call must save). */
static inline bool calendar_word_in(const fl_mx *mx)
{
    const unsigned char *t = (const unsigned char *)mx->text + mx->s_off;
    const ptrdiff_t last = (ptrdiff_t)(mx->s_end - mx->s_off) - 3;
    for (const uint32_t *m = mx->name_marks;; m++) {
        const size_t r = *m & ~FL_NAME_MARK_JOINED;
        if ((ptrdiff_t)r > last) /* FL_NAME_MARK_END, or so is every later mark */
            return false;
        uint32_t slot;
        if (calendar_mark(t, r, last, &slot))
            return true;
    }
}

/* The dates walk over the sentence's lists (numbers, name marks and runs
 * of digits set): it tries only word starts with a digit or a capital (it
 * passes over the rest of each word), going from one such word of the
 * lists to the next (a digit's only when a date can start there). */
static __attribute__((noinline)) void dates_listed(fl_mx *mx)
{
    size_t i = mx->s_off, dcur = 0, mcur = 0, run = 0;
    const struct cal_prefix *cp = NULL;
    size_t d = digit_word_from(mx, &dcur, i, &run), w = calendar_word_from(mx, &mcur, i, &cp);
    for (;;) {
        if (d < i)
            d = digit_word_from(mx, &dcur, i, &run);
        if (w < i)
            w = calendar_word_from(mx, &mcur, i, &cp);
        size_t at = d < w ? d : w;
        if (at >= mx->s_end)
            return;
        size_t e = at == d ? date_at_digit(mx, at, run) : date_at_word(mx, at, cp);
        i = e > at ? e : at + 1;
    }
}

/* The dates walk over the sentence's bytes (a sentence too long for the
 * lists): the same word starts tried. */
static __attribute__((noinline)) void dates_bytes(fl_mx *mx)
{
    const char *t = mx->text;
    size_t i = mx->s_off;
    while (i < mx->s_end) {
        char c = t[i];
        size_t e = 0;
        if (c >= '0' && c <= '9') {
            size_t run = fl_mx_digit_run(mx, i);
            if (fl_mx_word_start(mx, i) && date_digit_shape(mx, i, run))
                e = date_at_digit(mx, i, run);
            if (!e) {
                while (i < mx->s_end && t[i] >= '0' && t[i] <= '9')
                    i++;
                continue;
            }
        } else if (c >= 'A' && c <= 'Z') {
            const struct cal_prefix *cp;
            if (fl_mx_word_start(mx, i) && i + 3 <= mx->s_end && date_word_prefix(t + i) &&
                (cp = cal_prefix_at(mx, i)))
                e = date_at_word(mx, i, cp);
            if (!e) {
                i = fl_mx_word_end(mx, i);
                continue;
            }
        } else if (c >= 'a' && c <= 'z') {
            i = fl_mx_word_end(mx, i);
            continue;
        }
        i = e > i ? e : i + 1;
    }
}

void fl_extract_dates(fl_mx *mx)
{
    if (mx->digit_run_count == 0) {
        /* no runs of digits: none in the sentence, or no lists at all
         * (a sentence too long for them: the lists are made together) */
        if (!mx->digits) {
            dates_bytes(mx);
            return;
        }
        /* a sentence without a digit (most in news) and without a word
         * that starts like a month or a weekday has no date: passed over
         * before the walk's set-up (the walks save and restore their
         * registers even where they find nothing) */
        if (!calendar_word_in(mx))
            return;
    }
    dates_listed(mx);
}

/* ----------------------------------------------------------------- ages */

static inline __attribute__((always_inline)) void add_age(fl_mx *mx, size_t start, size_t end,
                                                          int years, fl_link_how how,
                                                          size_t link_at, bool link,
                                                          bool needs_person)
{
    if (years < 1 || years > 120 || fl_mx_claimed_in(mx, start, end - start))
        return;
    fl_mention *m = fl_mx_add(mx, FL_M_AGE, start, end - start, 0);
    if (!m)
        return;
    m->number = years;
    size_t index = mx->doc->mentions.count - 1;
    if (needs_person)
        ((unsigned char *)mx->flags.items)[index] |= FL_MF_NEEDS_PERSON;
    if (link)
        fl_mx_pending(mx, index, how, link_at);
    fl_mx_claim_in(mx, start, end - start); /* inside: fl_mx_claimed_in above */
}

/* Whether the word ending at `at` is capitalized (a possible name); its
 * start in *start. */
static inline __attribute__((always_inline)) bool capitalized_before(const fl_mx *mx, size_t at,
                                                                     size_t *start)
{
    size_t ws, wl;
    if (!fl_mx_prev_word(mx, at, &ws, &wl) || ws + wl != at)
        return false;
    *start = ws;
    unsigned char c = (unsigned char)mx->text[ws];
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Whether the capitalized words ending at a comma follow a preposition of
 * place ("in Leeds, 12."): a place, not a person with an age. The last
 * of them starts at `at` (capitalized_before found it: the first of the
 * four words looked at). */
static bool place_before(const fl_mx *mx, size_t at)
{
    static const char *const preps[] = {"in", "at", "from", "near", "to", "into", "outside"};
    size_t p = at, ws, wl;
    for (int k = 1; k < 4 && fl_mx_prev_word(mx, p, &ws, &wl) && ws < p; k++) {
        unsigned char c = (unsigned char)mx->text[ws];
        if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
            p = ws;
            continue;
        }
        for (size_t i = 0; i < sizeof preps / sizeof preps[0]; i++)
            if (fl_word_is(mx->text + ws, wl, preps[i]))
                return true;
        return false;
    }
    return false;
}

/* FL_RE_AGE_YEAROLD at the run of digits [at, e): ([0-9]{1,3})[- ]years?
 * [- ]old(?![\p{L}-]) ("62-year-old", "62 years old"), read by hand on
 * ASCII (the digits are the whole run; "years" then "year" before what
 * follows). Its end, 0 (none) or DM_PATTERN (a code point past ASCII
 * after "old"). */
static inline __attribute__((always_inline)) size_t year_old_end(const fl_mx *mx, size_t at,
                                                                 size_t e)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (e - at > 3 || e + 9 > mx->s_end || (t[e] != '-' && t[e] != ' ') ||
        memcmp(t + e + 1, "year", 4) != 0)
        return 0;
    e += 5;
    if (t[e] == 's')
        e++;
    if (e + 4 > mx->s_end || (t[e] != '-' && t[e] != ' ') || memcmp(t + e + 1, "old", 3) != 0)
        return 0;
    e += 4;
    if (e >= mx->s_end)
        return e;
    const unsigned char c = t[e];
    if (c >= 0x80)
        return DM_PATTERN;
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '-' ? 0 : e;
}

/* The first ASCII digit at or after `at`, as fl_mx_next_digit (s_end:
 * none), and in *end the end of its run of digits, read from the
 * sentence's digit runs when it has them. The walk goes forward only
 * (*cursor 0 at its start). */
static size_t next_digit_run(const fl_mx *mx, size_t *cursor, size_t at, size_t *end)
{
    if (!mx->digits) {
        size_t d = fl_mx_next_digit(mx, cursor, at);
        *end = d + fl_mx_digit_run(mx, d);
        return d;
    }
    const size_t rel = at > mx->s_off ? at - mx->s_off : 0;
    size_t k = *cursor;
    while (k < mx->digit_run_count && mx->digits[2 * k + 1] <= rel)
        k++;
    *cursor = k;
    if (k == mx->digit_run_count) {
        *end = mx->s_end;
        return mx->s_end;
    }
    *end = mx->s_off + mx->digits[2 * k + 1];
    return mx->s_off + (mx->digits[2 * k] > rel ? mx->digits[2 * k] : rel);
}

/* The age whose digits start at `d` (the first digit at or after i; its
 * run ends at de), added when one is there: where the walk goes on. */
/* The value of the run of one to three digits [d, de). */
static int age_digits(const fl_mx *mx, size_t d, size_t de)
{
    int v = 0;
    for (size_t k = d; k < de; k++)
        v = v * 10 + (mx->text[k] - '0');
    return v;
}

/* FL_RE_AGE_AGED at "aged" before the spaces before the run of digits
 * [d, de): aged\s+([0-9]{1,3})(?![\p{N}%-]|[.,][0-9]), read by hand on
 * ASCII (the digits are the whole run: one fewer leaves a digit after
 * them). Its end, 0 (none) or DM_PATTERN (a code point past ASCII after
 * the digits). */
static size_t age_aged_end(const fl_mx *mx, size_t d, size_t de)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (de - d > 3)
        return 0;
    if (de >= mx->s_end)
        return de;
    const unsigned char c = t[de];
    if (c >= 0x80)
        return DM_PATTERN;
    if ((c >= '0' && c <= '9') || c == '%' || c == '-')
        return 0;
    if ((c == '.' || c == ',') && de + 1 < mx->s_end && t[de + 1] >= '0' && t[de + 1] <= '9')
        return 0;
    return de;
}

/* FL_RE_AGE_COMMA at the comma c before a space and the run of digits
 * [d, de): ,\s([0-9]{1,3})(?:,(?![0-9])|\.(?=\s|$)) (ASCII classes and
 * the end of the sentence: no code point past ASCII decides). Its end, or
 * 0. */
static size_t age_comma_end(const fl_mx *mx, size_t d, size_t de)
{
    const char *t = mx->text;
    if (de - d > 3 || de >= mx->s_end)
        return 0;
    if (t[de] == ',')
        return de + 1 < mx->s_end && t[de + 1] >= '0' && t[de + 1] <= '9' ? 0 : de + 1;
    if (t[de] == '.')
        return de + 1 >= mx->s_end || fl_re_space(t[de + 1]) ? de + 1 : 0;
    return 0;
}

/* Whether the run of digits at d goes on a number before it: a digit and
 * a comma or a point right before ("1,012-year-old", "1.5-year-old"),
 * where the run is no count of years of its own. */
static inline bool continues_number(const fl_mx *mx, size_t d)
{
    const char *t = mx->text;
    return d >= mx->s_off + 2 && (t[d - 1] == ',' || t[d - 1] == '.') && t[d - 2] >= '0' &&
           t[d - 2] <= '9';
}

static size_t age_at(fl_mx *mx, size_t i, size_t d, size_t de)
{
    const char *t = mx->text;
    size_t ws = d;
    while (ws > i && fl_re_space(t[ws - 1]))
        ws--;
    size_t e, ns; /* ns: the start of a name's last word (capitalized_before) */
    if (ws < d && ws >= i + 4 && t[ws - 4] == 'a' && memcmp(t + ws - 4, "aged", 4) == 0 &&
        fl_mx_word_start(mx, ws - 4) && (e = age_aged_end(mx, d, de)) != 0) {
        /* "Huang, aged 62": the name before the comma */
        int years = 0;
        if (e != DM_PATTERN)
            years = age_digits(mx, d, de);
        else if ((e = fl_mx_match(mx, FL_RE_AGE_AGED, ws - 4)) != 0)
            years = group_int(mx, 1);
        if (e) {
            size_t p = ws - 4;
            while (p > mx->s_off && t[p - 1] == ' ')
                p--;
            bool link = p > mx->s_off && t[p - 1] == ',' && capitalized_before(mx, p - 1, &ns);
            add_age(mx, ws - 4, e, years, FL_LINK_NAME_ENDS, p - 1, link, false);
            return e;
        }
    }
    size_t c = d - 2; /* the comma of ", 62," */
    if (d >= i + 2 && t[c] == ',' && t[c + 1] == ' ' && c > mx->s_off &&
        capitalized_before(mx, c, &ns) && (e = age_comma_end(mx, d, de)) && !place_before(mx, ns)) {
        add_age(mx, d, de, age_digits(mx, d, de), FL_LINK_NAME_ENDS, c, true, true);
        return e - 1; /* the closing comma may start a title */
    }
    if (fl_mx_word_start(mx, d) && !continues_number(mx, d) && (e = year_old_end(mx, d, de)) != 0) {
        /* "the 62-year-old Huang": the name right after */
        int years = 0;
        if (e != DM_PATTERN)
            years = age_digits(mx, d, de);
        else if ((e = fl_mx_match(mx, FL_RE_AGE_YEAROLD, d)) != 0)
            years = group_int(mx, 1);
        if (e) {
            size_t n = fl_mx_skip_space(mx, e);
            bool link = n > e && n < mx->s_end && t[n] >= 'A' && t[n] <= 'Z';
            add_age(mx, d, e, years, FL_LINK_NAME_STARTS, n, link, false);
            return e;
        }
    }
    /* the other digits of the run follow a digit: no word start, no
     * "aged", no comma */
    return de;
}

/* Whether age_at can find an age at the run of one to three digits
 * [ds, de) (a word start): "year" after a hyphen or a space after it and
 * the "o" of "old" where year_old_end reads it (most numbers before
 * "year" count years, "the next 5 years", and are no age), or ", " before
 * it, or spaces before it after a "d" (of "aged"). */
static inline bool age_may_start_in(const char *t, size_t len, size_t ds, size_t de)
{
    /* (t: the sentence's text, len its length, ds and de offsets in it;
     * t[de] is a byte of the prose, and after a hyphen or a space so is
     * the next: the end test last) */
    if ((t[de] == '-' || t[de] == ' ') && t[de + 1] == 'y' && de + 9 <= len &&
        t[de + 6 + (t[de + 5] == 's')] == 'o')
        return true;
    if (ds < 2)
        return false;
    /* a space first (the most common byte before a number) */
    const char c = t[ds - 1];
    if (c == ' ') {
        /* one space: after the comma or the "d" of "aged" (yes), or
         * after another byte that is no space (no: there are no more
         * spaces to walk back over) */
        const char b = t[ds - 2];
        if (b == ',' || b == 'd')
            return true;
        if (!fl_re_space(b))
            return false;
    } else if (!fl_re_space(c)) {
        return false;
    }
    size_t ws = ds - 1;
    while (ws > 0 && fl_re_space(t[ws - 1]))
        ws--;
    return ws > 0 && t[ws - 1] == 'd';
}

/* age_may_start_in at the run [ds, de) of the prose */
static inline bool age_may_start(const fl_mx *mx, size_t ds, size_t de)
{
    return age_may_start_in(mx->text + mx->s_off, mx->s_end - mx->s_off, ds - mx->s_off,
                            de - mx->s_off);
}

/* Every age has its digits at the start ("62-year-old"), after "aged" and
 * spaces, or after ", ": of the bytes before the next digit d (none of
 * them a digit), only "aged" ending where the spaces before d start, or
 * ", " right before d, can match (age_at). The walk from the sentence's
 * runs of digits (mx->digits set): each pattern takes a whole run of one
 * to three digits, after spaces ("aged", the comma) or before a hyphen or
 * a space ("62-year-old"); the others are passed over as age_at would. */
static __attribute__((noinline)) void ages_listed(fl_mx *mx)
{
    size_t i = mx->s_off;
    const uint32_t *runs = mx->digits;
    for (size_t k = 0, n = mx->digit_run_count; k < n; k++) {
        const size_t ds = mx->s_off + runs[2 * k], de = mx->s_off + runs[2 * k + 1];
        if (de <= i)
            continue;
        /* a run that starts before i (where a match ended) holds no word
         * start; a run whose first digit is claimed (money, a percentage,
         * a date) is in every age age_at may find there, which add_age
         * refuses, and age_at leaves no other run behind (only
         * "-year-old" may be past de) */
        if (ds < i || de - ds > 3 || mx->claimed[ds - mx->s_off] || !age_may_start(mx, ds, de)) {
            i = de;
            continue;
        }
        i = age_at(mx, i, ds, de);
    }
}

/* The same walk from the bytes (a sentence too long for the lists). */
static __attribute__((noinline)) void ages_walk(fl_mx *mx)
{
    size_t i = mx->s_off;
    size_t digit_cursor = 0;
    while (i < mx->s_end) {
        size_t de, d = next_digit_run(mx, &digit_cursor, i, &de);
        if (d >= mx->s_end)
            break;
        i = age_at(mx, i, d, de);
    }
}

/* No age without a digit, passed over before the walk's set-up (see
 * fl_extract_money), nor without a run that ages_listed would try: one to
 * three digits, the first not claimed (money, a percentage, a date),
 * where age_may_start holds (most sentences have none: the walk is made
 * only for those that do, and reads their runs again). */
void fl_extract_ages(fl_mx *mx)
{
    const size_t n = mx->digit_run_count;
    if (n) {
        /* (in the sentence's offsets, and the runs by a pointer to their
         * end, n > 0: fewer values live in the loop, one register saved
         * instead of two) */
        const uint32_t *run = mx->digits, *const runs_end = run + 2 * n;
        const unsigned char *const claimed = mx->claimed;
        const char *t = mx->text + mx->s_off;
        const size_t len = mx->s_end - mx->s_off;
        do {
            const size_t ds = run[0], de = run[1];
            if (!claimed[ds] && de - ds <= 3 && age_may_start_in(t, len, ds, de)) {
                ages_listed(mx);
                return;
            }
            run += 2;
        } while (run < runs_end);
    } else if (!mx->digits) { /* runs are listed only with the lists */
        ages_walk(mx);
    }
}

/* ---------------------------------------------------------- for the tests */

void fl_date_by_hand(const char *text, size_t len, int id, size_t at, fl_date_hand *out)
{
    fl_mx mx = {0};
    mx.text = text;
    mx.s_end = len;
    memset(out, 0, sizeof *out);
    out->weekday = -1;
    size_t e = 0;
    if (id == FL_RE_DATE_MDY || id == FL_RE_DATE_DMY) {
        dm_match m = {0, 0, 0, -1};
        e = id == FL_RE_DATE_MDY ? dm_mdy(&mx, at, &m) : dm_dmy(&mx, at, &m);
        out->year = m.year;
        out->month = m.month;
        out->day = m.day;
        out->weekday = m.weekday;
        /* date_at_word's tests at a weekday or month, date_at_digit's
         * (date_digit_shape) at a day */
        const struct cal_prefix *cp = at + 3 <= len ? cal_prefix_at(&mx, at) : NULL;
        const size_t run = fl_mx_digit_run(&mx, at);
        if (cp) {
            const date_starts d = date_starts_at(&mx, at, cp);
            out->admitted = id == FL_RE_DATE_MDY ? (d.found & (DS_WEEKDAY_MONTH | DS_MDY_DAY)) != 0
                                                 : (d.found & DS_WEEKDAY_DAY) && cp->weekday >= 0;
        } else if (id == FL_RE_DATE_DMY && run) {
            out->admitted = run <= 2 && date_digit_shape(&mx, at, run);
        }
    } else {
        /* age_at's reading: the run of digits [d, de) after "aged" and
         * spaces, after the comma and a space, or at `at` */
        size_t d = at;
        if (id == FL_RE_AGE_AGED) {
            if (at + 4 > len || memcmp(text + at, "aged", 4) != 0)
                return;
            d = re_spaces_end(&mx, at + 4);
            if (d == at + 4)
                return;
        } else if (id == FL_RE_AGE_COMMA) {
            if (at + 2 > len || text[at] != ',' || !fl_re_space(text[at + 1]))
                return;
            d = at + 2;
        } else if (id != FL_RE_AGE_YEAROLD) {
            return;
        }
        const size_t run = fl_mx_digit_run(&mx, d), de = d + run;
        if (!run)
            return;
        e = id == FL_RE_AGE_AGED    ? age_aged_end(&mx, d, de)
            : id == FL_RE_AGE_COMMA ? age_comma_end(&mx, d, de)
                                    : year_old_end(&mx, d, de);
        if (e && e != DM_PATTERN) {
            out->year = age_digits(&mx, d, de);
            out->go = d;
            out->gl = run;
        }
        /* ages_walk's and age_at's tests before the reader */
        out->admitted = run <= 3 && age_may_start(&mx, d, de) &&
                        (id == FL_RE_AGE_COMMA ? text[at + 1] == ' ' : fl_mx_word_start(&mx, at)) &&
                        !(id == FL_RE_AGE_YEAROLD && continues_number(&mx, d));
    }
    out->result = e == DM_PATTERN ? -1 : e != 0;
    out->end = e == DM_PATTERN ? 0 : e;
}

bool fl_date_hand_word(size_t i, const char **word, int *kind)
{
    if (i >= sizeof cal_words / sizeof cal_words[0])
        return false;
    *word = cal_words[i].word;
    *kind = cal_words[i].kind;
    return true;
}

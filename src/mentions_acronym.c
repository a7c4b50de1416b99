/* mentions_acronym.c - acronym definitions and bare acronyms.
 *
 * Definitions: "Full Name (ACR)" and "ACR (Full Name)". The mention is the
 * acronym itself; `expansion` holds the full name. For "Full Name (ACR)"
 * the expansion is the run of words before the bracket whose initials
 * spell the acronym (connectors such as "of", "and", "for" may be skipped,
 * hyphenated words may give one letter per part); when the initials do not
 * fit, a run of at least two capitalized words starting with the acronym's
 * first letter is still taken, so that a check can report the mismatch
 * ("World Trade Organization (WHO)"). "ACR (Full Name)" needs an exact fit.
 *
 * Bare acronyms: two or more capitals (TSMC, NPR, AT&T) or dotted capitals
 * (U.S., U.K.), with a plural or possessive ending attached (EVs, NPR's).
 * Not in all-caps sentences, and not Roman numerals (II, IV, XII). */
#include "mentions.h"

#include <string.h>

typedef struct ew {
    size_t off, end;
} ew;

enum { MAX_EXPANSION_WORDS = 16, MAX_LETTERS = 12 };

static bool is_connector(const char *w, size_t len)
{
    /* sorted (strcmp order) */
    static const char *const words[] = {"&",   "a",   "an",  "and", "at",  "da",  "de", "del",
                                        "der", "des", "du",  "et",  "for", "in",  "la", "le",
                                        "of",  "on",  "the", "to",  "und", "von", "y"};
    return FL_WORD_IN(w, len, words, true);
}

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* The capital letters of an acronym, lower-cased. */
static size_t acronym_letters(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < MAX_LETTERS; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            out[n++] = lower(s[i]);
    return n;
}

/* Up to MAX_EXPANSION_WORDS words ending at `end`, read right to left;
 * words are letters with inner hyphens/apostrophes, or "&". */
static size_t words_before(const fl_mx *mx, size_t end, ew *out)
{
    const char *t = mx->text;
    size_t n = 0, i = end;
    while (n < MAX_EXPANSION_WORDS) {
        while (i > mx->s_off && t[i - 1] == ' ')
            i--;
        if (i == mx->s_off)
            break;
        size_t e = i;
        if (t[i - 1] == '&') {
            i--;
        } else {
            while (i > mx->s_off) {
                size_t p = i - 1;
                while (p > mx->s_off && ((unsigned char)t[p] & 0xC0) == 0x80)
                    p--;
                if (fl_mx_alnum_at(mx, p) || ((t[p] == '-' || t[p] == '\'') && p > mx->s_off &&
                                              i < e && fl_mx_alnum_at(mx, p - 1)))
                    i = p;
                else
                    break;
            }
        }
        if (i == e)
            break;
        out[n].off = i;
        out[n].end = e;
        n++;
    }
    return n;
}

/* Consumes letters[*k], letters[*k-1]... with the initials of the hyphen
 * parts of w (right to left); all or nothing. */
static bool take_parts(const fl_mx *mx, ew w, const char *letters, long *k)
{
    const char *t = mx->text;
    long kk = *k;
    size_t i = w.end;
    while (i > w.off) {
        size_t s = i;
        while (s > w.off && t[s - 1] != '-')
            s--;
        if (kk < 0 || lower(t[s]) != letters[kk])
            return false;
        kk--;
        i = s > w.off ? s - 1 : w.off;
    }
    *k = kk;
    return true;
}

/* Matches letters[0..k] against words[w..] (right to left), trying for
 * each word its hyphen parts, its initial, or skipping it as a connector;
 * sets *start to the first word of the expansion. */
static bool fit(const fl_mx *mx, const ew *words, size_t n, size_t w, const char *letters, long k,
                size_t *start)
{
    if (w >= n)
        return false;
    const char *s = mx->text + words[w].off;
    size_t len = words[w].end - words[w].off;
    if (memchr(s, '-', len)) {
        long kk = k;
        if (take_parts(mx, words[w], letters, &kk)) {
            if (kk < 0) {
                *start = words[w].off;
                return true;
            }
            if (fit(mx, words, n, w + 1, letters, kk, start))
                return true;
        }
    }
    if (lower(s[0]) == letters[k]) {
        if (k == 0) {
            *start = words[w].off;
            return true;
        }
        if (fit(mx, words, n, w + 1, letters, k - 1, start))
            return true;
    }
    return is_connector(s, len) && fit(mx, words, n, w + 1, letters, k, start);
}

/* The start of the expansion of `letters` ending before `end`, or 0 when
 * the initials do not fit. */
static size_t fitting_expansion(const fl_mx *mx, size_t end, const char *letters, size_t nl)
{
    ew words[MAX_EXPANSION_WORDS];
    size_t n = words_before(mx, end, words);
    size_t start = 0;
    if (nl == 0 || !fit(mx, words, n, 0, letters, (long)nl - 1, &start))
        return 0;
    return start;
}

/* A run of capitalized words (connectors between them) before `end` with
 * at least two capitalized words and the acronym's first letter. */
static size_t capitalized_expansion(const fl_mx *mx, size_t end, char first)
{
    ew words[MAX_EXPANSION_WORDS];
    size_t n = words_before(mx, end, words);
    size_t caps = 0, start = 0;
    for (size_t w = 0; w < n; w++) {
        const char *s = mx->text + words[w].off;
        size_t len = words[w].end - words[w].off;
        if (is_connector(s, len))
            continue;
        if (s[0] >= 'A' && s[0] <= 'Z') {
            caps++;
            start = words[w].off;
        } else {
            break;
        }
    }
    if (caps < 2 || lower(mx->text[start]) != first)
        return 0;
    return start;
}

static bool roman_numeral(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != 'I' && s[i] != 'V' && s[i] != 'X')
            return false;
    return true;
}

/* Whether an acronym match at `at` (group 1 the core) looks like one:
 * at least two capitals, mostly capitals. */
static bool acronym_core(const fl_mx *mx, size_t *co, size_t *cl)
{
    if (!fl_mx_group(mx, 1, co, cl))
        return false;
    const char *s = mx->text + *co;
    size_t upper = 0;
    for (size_t i = 0; i < *cl; i++)
        upper += s[i] >= 'A' && s[i] <= 'Z';
    return upper >= 2 && !roman_numeral(s, *cl);
}

static void add_definition(fl_mx *mx, size_t ao, size_t al, size_t xo, size_t xl)
{
    fl_mention *m = fl_mx_add(mx, FL_M_ACRONYM_DEF, ao, al, 0);
    if (!m)
        return;
    m->expansion = fl_arena_strndup(mx->doc->arena, mx->text + xo, xl);
    if (!m->expansion)
        mx->doc->status = FL_ENOMEM;
    fl_mx_claim(mx, ao, al);
}

static void definition_at(fl_mx *mx, size_t open)
{
    const char *t = mx->text;
    char letters[MAX_LETTERS];
    size_t co, cl;
    /* Full Name (ACR) */
    size_t e = fl_mx_match(mx, FL_RE_ACRONYM, open + 1);
    if (e && e < mx->s_end && t[e] == ')' && acronym_core(mx, &co, &cl) &&
        !fl_mx_claimed(mx, open + 1, e - open - 1)) {
        size_t nl = acronym_letters(t + co, cl, letters);
        size_t end = open;
        while (end > mx->s_off && t[end - 1] == ' ')
            end--;
        size_t start = fitting_expansion(mx, end, letters, nl);
        if (!start && nl) /* without an ASCII capital, letters[0] is unset */
            start = capitalized_expansion(mx, end, letters[0]);
        if (start)
            add_definition(mx, open + 1, e - open - 1, start, end - start);
        return;
    }
    /* ACR (Full Name) */
    size_t close = open + 1;
    while (close < mx->s_end && close - open < 120 && t[close] != ')' && t[close] != '(')
        close++;
    if (close >= mx->s_end || t[close] != ')')
        return;
    size_t ws, wl;
    size_t before = open;
    while (before > mx->s_off && t[before - 1] == ' ')
        before--;
    if (!fl_mx_prev_word(mx, before, &ws, &wl))
        return;
    /* dotted acronyms end with a dot the word scan stops at */
    size_t as = ws;
    while (as >= mx->s_off + 2 && t[as - 1] == '.' && t[as - 2] >= 'A' && t[as - 2] <= 'Z')
        as -= 2;
    e = fl_mx_match(mx, FL_RE_ACRONYM, as);
    if (!e || e != before || !acronym_core(mx, &co, &cl) || fl_mx_claimed(mx, as, e - as))
        return;
    size_t nl = acronym_letters(t + co, cl, letters);
    size_t inner_end = close;
    while (inner_end > open + 1 && t[inner_end - 1] == ' ')
        inner_end--;
    size_t start = fitting_expansion(mx, inner_end, letters, nl);
    if (start && start > open) {
        /* the whole bracket must be the expansion */
        size_t first = open + 1;
        while (first < inner_end && t[first] == ' ')
            first++;
        if (start == first)
            add_definition(mx, as, e - as, start, inner_end - start);
    }
}

void fl_extract_acronym_defs(fl_mx *mx)
{
    const char *t = mx->text;
    const char *p = t + mx->s_off;
    const char *end = t + mx->s_end;
    while ((p = memchr(p, '(', (size_t)(end - p))) != NULL) {
        definition_at(mx, (size_t)(p - t));
        p++;
    }
}

/* The end of a bare acronym taken at `i` (a capital that starts a word),
 * or 0. */
static size_t acronym_at(fl_mx *mx, size_t i)
{
    const char *t = mx->text;
    char c2 = i + 1 < mx->s_end ? t[i + 1] : ' ';
    if (!((c2 >= 'A' && c2 <= 'Z') || c2 == '.' || c2 == '&' || (unsigned char)c2 >= 0x80))
        return 0;
    size_t e = fl_mx_match(mx, FL_RE_ACRONYM, i);
    size_t co, cl;
    if (!e || !acronym_core(mx, &co, &cl) || fl_mx_claimed(mx, i, e - i))
        return 0;
    if (!fl_mx_add(mx, FL_M_ACRONYM, i, e - i, 0))
        return 0;
    fl_mx_claim(mx, i, e - i);
    return e;
}

void fl_extract_acronyms(fl_mx *mx)
{
    if (mx->sent->all_caps)
        return;
    const char *t = mx->text;
    size_t i = mx->s_off;
    if (mx->name_marks) {
        /* an acronym starts with a capital at a word's start, and every
         * such word is among the name marks: go from one to the next */
        size_t cursor = 0;
        while ((i = fl_mx_list_from(mx, mx->name_marks, mx->name_mark_count, &cursor, i)) <
               mx->s_end) {
            size_t e = t[i] >= 'A' && t[i] <= 'Z' ? acronym_at(mx, i) : 0;
            if (mx->doc->status != FL_OK)
                return;
            i = e ? e : i + 1;
        }
        return;
    }
    while (i < mx->s_end) {
        char c = t[i];
        if (!(c >= 'A' && c <= 'Z') || !fl_mx_word_start(mx, i)) {
            i++;
            continue;
        }
        size_t e = acronym_at(mx, i);
        if (mx->doc->status != FL_OK)
            return;
        i = e ? e : fl_mx_word_end(mx, i);
    }
}

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

/* Up to MAX_EXPANSION_WORDS words ending at an end, read right to left
 * as they are asked for (most fits look at a few); words are letters
 * with inner hyphens/apostrophes, or "&". */
typedef struct words_back {
    const fl_mx *mx;
    size_t n;  /* the words read: w[0..n) */
    size_t at; /* where the next one ends, or spaces before it */
    bool done; /* no word before w[n - 1] */
    ew w[MAX_EXPANSION_WORDS];
} words_back;

static void words_back_init(words_back *wb, const fl_mx *mx, size_t end)
{
    wb->mx = mx;
    wb->n = 0;
    wb->at = end;
    wb->done = false;
}

/* Whether the k-th word back (0: the one nearest the end) is there,
 * read into wb->w[k] with those before it. */
static bool word_back(words_back *wb, size_t k)
{
    const fl_mx *mx = wb->mx;
    const char *t = mx->text;
    while (wb->n <= k) {
        if (wb->done || wb->n >= MAX_EXPANSION_WORDS)
            return false;
        size_t i = wb->at;
        while (i > mx->s_off && t[i - 1] == ' ')
            i--;
        if (i == mx->s_off) {
            wb->done = true;
            return false;
        }
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
        if (i == e) {
            wb->done = true;
            return false;
        }
        wb->w[wb->n].off = i;
        wb->w[wb->n].end = e;
        wb->n++;
        wb->at = i;
    }
    return true;
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
static bool fit(words_back *words, size_t w, const char *letters, long k, size_t *start)
{
    if (!word_back(words, w))
        return false;
    const fl_mx *mx = words->mx;
    const ew word = words->w[w];
    const char *s = mx->text + word.off;
    size_t len = word.end - word.off;
    if (memchr(s, '-', len)) {
        long kk = k;
        if (take_parts(mx, word, letters, &kk)) {
            if (kk < 0) {
                *start = word.off;
                return true;
            }
            if (fit(words, w + 1, letters, kk, start))
                return true;
        }
    }
    if (lower(s[0]) == letters[k]) {
        if (k == 0) {
            *start = word.off;
            return true;
        }
        if (fit(words, w + 1, letters, k - 1, start))
            return true;
    }
    return is_connector(s, len) && fit(words, w + 1, letters, k, start);
}

/* The start of the expansion of `letters` ending before `end`, or 0 when
 * the initials do not fit. */
static size_t fitting_expansion(const fl_mx *mx, size_t end, const char *letters, size_t nl)
{
    words_back words;
    words_back_init(&words, mx, end);
    size_t start = 0;
    if (nl == 0 || !fit(&words, 0, letters, (long)nl - 1, &start))
        return 0;
    return start;
}

/* A run of capitalized words (connectors between them) before `end` with
 * at least two capitalized words and the acronym's first letter. */
static size_t capitalized_expansion(const fl_mx *mx, size_t end, char first)
{
    words_back words;
    words_back_init(&words, mx, end);
    size_t caps = 0, start = 0;
    for (size_t w = 0; word_back(&words, w); w++) {
        const char *s = mx->text + words.w[w].off;
        size_t len = words.w[w].end - words.w[w].off;
        if (is_connector(s, len))
            continue;
        if (s[0] >= 'A' && s[0] <= 'Z') {
            caps++;
            start = words.w[w].off;
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

/* Whether the core of an acronym match, s[0..len), looks like one: at
 * least two capitals, not a Roman numeral. */
static bool acronym_core(const char *s, size_t len)
{
    size_t upper = 0;
    for (size_t i = 0; i < len; i++)
        upper += s[i] >= 'A' && s[i] <= 'Z';
    return upper >= 2 && !roman_numeral(s, len);
}

static bool ascii_upper(unsigned char b)
{
    return b >= 'A' && b <= 'Z';
}

enum { ACR_NO, ACR_YES, ACR_ASK }; /* ACR_ASK: a byte past ASCII decides */

/* Whether FL_RE_ACRONYM's closing (?![\p{L}\p{N}]) holds at `p`. */
static int acronym_boundary(const fl_mx *mx, size_t p)
{
    if (p >= mx->s_end)
        return ACR_YES;
    unsigned char b = (unsigned char)mx->text[p];
    if (b >= 0x80)
        return ACR_ASK;
    return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ? ACR_NO : ACR_YES;
}

/* FL_RE_ACRONYM's ending after a core that ends at `q`: (s|['\u2019]s)?
 * and the boundary; the end in *end. */
static inline __attribute__((always_inline)) int acronym_tail(const fl_mx *mx, size_t q,
                                                              size_t *end)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    size_t after = 0;
    if (q < mx->s_end && t[q] >= 0x80)
        return ACR_ASK;
    if (q < mx->s_end && t[q] == 's')
        after = q + 1;
    else if (q + 1 < mx->s_end && t[q] == '\'' && t[q + 1] == 's')
        after = q + 2;
    if (after) {
        int r = acronym_boundary(mx, after);
        if (r != ACR_NO) {
            *end = after;
            return r;
        }
    }
    *end = q;
    return acronym_boundary(mx, q);
}

/* FL_RE_ACRONYM at `at` read by hand where only ASCII decides it, as the
 * pattern would match it: its end in *end and its core's in *core_end.
 * ACR_ASK when a byte past ASCII (a \p{Lu} maybe) or a core longer than
 * any acronym (where the pattern's limits might stop it) is met. */
static int ascii_acronym(const fl_mx *mx, size_t at, size_t *end, size_t *core_end)
{
    enum { LONGEST = 48 };
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t s_end = mx->s_end;
    if (at + 1 >= s_end)
        return at < s_end && t[at] >= 0x80 ? ACR_ASK : ACR_NO;
    const unsigned char b0 = t[at], b1 = t[at + 1];
    if (b0 >= 0x80 || b1 >= 0x80)
        return ACR_ASK;
    if (!ascii_upper(b0))
        return ACR_NO;
    size_t q;
    if (b1 == '.') {
        /* (?:\p{Lu}\.){2,}: a shorter run leaves a capital next, which
         * neither the ending nor the boundary takes */
        q = at;
        while (q + 1 < s_end && ascii_upper(t[q]) && t[q + 1] == '.' && q - at < LONGEST)
            q += 2;
        if (q - at >= LONGEST || (q < s_end && t[q] >= 0x80))
            return ACR_ASK;
        if (q - at < 4)
            return ACR_NO;
        *core_end = q;
        return acronym_tail(mx, q, end);
    }
    if (!ascii_upper(b1) && b1 != '&')
        return ACR_NO;
    /* \p{Lu}(?:\p{Lu}|&(?=\p{Lu}))+ */
    q = at + 1;
    for (;;) {
        if (q - at >= LONGEST)
            return ACR_ASK;
        if (q >= s_end)
            break;
        unsigned char b = t[q];
        if (b >= 0x80)
            return ACR_ASK;
        if (ascii_upper(b)) {
            q++;
            continue;
        }
        if (b == '&' && q + 1 < s_end) {
            if (t[q + 1] >= 0x80)
                return ACR_ASK;
            if (ascii_upper(t[q + 1])) {
                q++;
                continue;
            }
        }
        break;
    }
    if (q == at + 1)
        return ACR_NO;
    int r = acronym_tail(mx, q, end);
    if (r != ACR_NO) {
        *core_end = q;
        return r;
    }
    /* a shorter run: only one that stops before an '&' ends at a boundary
     * (one before a capital does not, and neither takes an ending) */
    for (size_t p = q - 1; p >= at + 2; p--)
        if (t[p] == '&') {
            *core_end = *end = p;
            return ACR_YES;
        }
    return ACR_NO;
}

/* FL_RE_ACRONYM at `at` when its core looks like an acronym: the match's
 * end (0: none) and its core in [at, *core_end). */
static size_t acronym_match(fl_mx *mx, size_t at, size_t *core_end)
{
    size_t end = 0;
    int r = ascii_acronym(mx, at, &end, core_end);
    if (r == ACR_ASK) {
        size_t co, cl;
        end = fl_mx_match(mx, FL_RE_ACRONYM, at);
        if (!end || !fl_mx_group(mx, 1, &co, &cl))
            return 0;
        *core_end = co + cl;
        return acronym_core(mx->text + at, *core_end - at) ? end : 0;
    }
    if (r == ACR_NO)
        return 0;
    /* a core read by hand holds two capitals at least (a capital, then
     * one more, or one after each '&'; or two dotted ones): only a Roman
     * numeral is refused */
    return roman_numeral(mx->text + at, *core_end - at) ? 0 : end;
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
    size_t core_end;
    /* Full Name (ACR) */
    size_t e = acronym_match(mx, open + 1, &core_end);
    if (e && e < mx->s_end && t[e] == ')' && !fl_mx_claimed(mx, open + 1, e - open - 1)) {
        size_t nl = acronym_letters(t + open + 1, core_end - open - 1, letters);
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
    /* the first ')' or '(' in reach (the byte at open + 120, where the
     * reach ends, is tested for ')' as well), by two searches */
    const size_t lim = mx->s_end - open > 120 ? open + 120 : mx->s_end;
    const char *shut = memchr(t + open + 1, ')', lim - open - 1);
    const size_t upto = shut ? (size_t)(shut - t) : lim;
    if (memchr(t + open + 1, '(', upto - open - 1))
        return; /* a '(' first */
    const size_t close = upto;
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
    e = acronym_match(mx, as, &core_end);
    if (!e || e != before || fl_mx_claimed(mx, as, e - as))
        return;
    size_t nl = acronym_letters(t + as, core_end - as, letters);
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

static __attribute__((noinline)) void acronym_defs_walk(fl_mx *mx)
{
    const char *t = mx->text;
    /* the next '(' of the prose, looked for again only past the one found
     * (most sentences have none: one search passes over many) */
    if (!mx->paren_known || mx->s_off < mx->paren_from || mx->paren_at < mx->s_off) {
        const size_t n = mx->doc->prose.len;
        const char *q = mx->s_off < n ? memchr(t + mx->s_off, '(', n - mx->s_off) : NULL;
        mx->paren_known = true;
        mx->paren_from = mx->s_off;
        mx->paren_at = q ? (size_t)(q - t) : n;
    }
    if (mx->paren_at >= mx->s_end)
        return;
    const char *p = t + mx->paren_at;
    const char *end = t + mx->s_end;
    while ((p = memchr(p, '(', (size_t)(end - p))) != NULL) {
        definition_at(mx, (size_t)(p - t));
        p++;
    }
}

/* Whether a bare acronym may start at `i`: a capital, then a capital, a
 * dot, an '&' or a byte past ASCII (a \p{Lu} maybe). */
static inline bool acronym_start(const fl_mx *mx, size_t i)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (!ascii_upper(t[i]) || i + 1 >= mx->s_end)
        return false;
    unsigned char c2 = t[i + 1];
    return ascii_upper(c2) || c2 == '.' || c2 == '&' || c2 >= 0x80;
}

/* acronym_at (below) at `i`, its first byte known unclaimed. */
static inline __attribute__((always_inline)) size_t acronym_unclaimed_at(fl_mx *mx, size_t i)
{
    size_t core_end;
    size_t e = acronym_match(mx, i, &core_end);
    if (!e || fl_mx_claimed(mx, i, e - i))
        return 0;
    if (!fl_mx_add(mx, FL_M_ACRONYM, i, e - i, 0))
        return 0;
    fl_mx_claim(mx, i, e - i);
    return e;
}

/* The end of a bare acronym taken at `i` (where acronym_start holds, at
 * a word's start), or 0. */
static inline __attribute__((always_inline)) size_t acronym_at(fl_mx *mx, size_t i)
{
    /* a claimed first byte (a code's: "PS5", "GPT-4o") refuses any match
     * here, so none is tried */
    if (i >= mx->claim_lo && i < mx->claim_hi && mx->claimed[i - mx->s_off])
        return 0;
    return acronym_unclaimed_at(mx, i);
}

/* fl_extract_acronyms' walk over the name marks from mark k on, the
 * first that may start an acronym (acronym_start holds at it, and its
 * first byte is unclaimed). */
static __attribute__((noinline)) void acronyms_from_mark(fl_mx *mx, size_t k)
{
    const uint32_t *marks = mx->name_marks;
    /* mark k first, read without the loop's tests: the caller found
     * acronym_start there and no claim, and nothing before it is taken */
    const size_t first = mx->s_off + (marks[k] & ~FL_NAME_MARK_JOINED),
                 e0 = acronym_unclaimed_at(mx, first);
    if (mx->doc->status != FL_OK)
        return;
    size_t i = e0 ? e0 : first + 1;
    for (size_t n = mx->name_mark_count; ++k < n;) {
        const uint32_t rel = marks[k] & ~FL_NAME_MARK_JOINED;
        /* (as in fl_extract_acronyms) */
        if (!((mx->acronym_may >> (rel & 63)) & 1u))
            continue;
        const size_t at = mx->s_off + rel;
        if (at < i || !acronym_start(mx, at))
            continue; /* inside an acronym, or none */
        size_t e = acronym_at(mx, at);
        if (mx->doc->status != FL_OK)
            return;
        i = e ? e : at + 1;
    }
}

/* fl_extract_acronyms without name marks: the sentence's bytes. */
static __attribute__((noinline)) void acronyms_by_byte(fl_mx *mx)
{
    const char *t = mx->text;
    size_t i = mx->s_off;
    while (i < mx->s_end) {
        char c = t[i];
        if (!(c >= 'A' && c <= 'Z') || !fl_mx_word_start(mx, i)) {
            i++;
            continue;
        }
        size_t e = acronym_start(mx, i) ? acronym_at(mx, i) : 0;
        if (mx->doc->status != FL_OK)
            return;
        i = e ? e : fl_mx_word_end(mx, i);
    }
}

void fl_extract_acronyms(fl_mx *mx)
{
    /* most sentences have no name mark that may start an acronym, by the
     * walk's masks (acronym_may; set in a sentence without the tables):
     * no mark is read there */
    if (!mx->acronym_may)
        return;
    if (!mx->name_marks) {
        if (!mx->sent->all_caps)
            acronyms_by_byte(mx);
        return;
    }
    /* an acronym starts with a capital at a word's start, and every such
     * word is among the name marks: go from one to the next. Most
     * sentences have no mark that may start one: they are passed over
     * here, with no call and so no registers to save, and the walk goes
     * on out of line from the first that may */
    const uint32_t *marks = mx->name_marks;
    const uint64_t may = mx->acronym_may;
    for (size_t k = 0, n = mx->name_mark_count; k < n; k++) {
        const uint32_t rel = marks[k] & ~FL_NAME_MARK_JOINED;
        /* acronym_start needs a capital before a capital, '.', '&' or a
         * byte past ASCII: one that acronym_may has the bit of its place
         * in its block for (the blocks' bits ORed, so a filter). Most
         * marks, a capital before a lower-case letter, have none: one
         * test of a register, no byte read */
        if (!((may >> (rel & 63)) & 1u))
            continue;
        /* a claimed first byte refuses any match (see acronym_at): a
         * sentence whose marks that may start one are all claimed (a
         * code's, a title's) is passed over with no call either (the
         * sentence's claimed bytes are the nonzero ones of mx->claimed) */
        if (!mx->claimed[rel] && acronym_start(mx, mx->s_off + rel)) {
            /* none in an all-caps sentence (asked only here: most
             * sentences have no mark that may start one) */
            if (!mx->sent->all_caps)
                acronyms_from_mark(mx, k);
            return;
        }
    }
}

/* Most sentences hold no '(' (the one found last lies past them): passed
 * over before the walk's set-up (see fl_extract_money). Until paren_known,
 * paren_at is 0 (fl_find_mentions clears mx), before every sentence's
 * end: no test of paren_known is needed here. */
void fl_extract_acronym_defs(fl_mx *mx)
{
    if (mx->paren_at >= mx->s_end && mx->s_off >= mx->paren_from)
        return;
    acronym_defs_walk(mx);
}

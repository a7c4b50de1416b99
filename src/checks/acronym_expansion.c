/* acronym_expansion.c - an acronym defined two ways in one document
 * (`World Health Organization (WHO)` then `World Trade Organization
 * (WHO)`), an expansion that does not fit its letters (`International
 * Renewable Energy Agency (IEA)`), or one a word or two away from the
 * lexicon's expansion of that acronym (`Federal Aviation Agency (FAA)`).
 *
 * Bucketing: the definitions are sorted by the acronym's fold key; each
 * acronym is one bucket, and its definitions are compared with the bucket's
 * chosen expansion only (linear in the bucket). */
#include "context.h"
#include "../lexicon.h"

#include <stdlib.h>
#include <string.h>

enum { FL_ACR_MAX_LETTERS = 16, FL_ACR_MAX_WORDS = 24, FL_ACR_WORD = 32, FL_ACR_TEXT = 256 };

/* Words an acronym may skip (or take a letter from). */
static const char *const small_words[] = {
    "of", "the", "and", "for", "on", "in",  "to",  "a",   "an",  "at", "by", "with", "from", "into",
    "de", "la",  "le",  "les", "du", "des", "del", "der", "und", "et", "y",  "di",   NULL,
};

typedef struct def {
    size_t mention;
    char acronym[FL_ACR_MAX_LETTERS * 4 + 1]; /* as written */
    char key[FL_ACR_MAX_LETTERS * 4 + 1];     /* fold key */
    char norm[FL_ACR_TEXT];                   /* normalized expansion */
    size_t exp_off, exp_len;                  /* expansion span in prose */
    size_t acr_off, acr_len;                  /* acronym span in prose */
    bool listed;                              /* the lexicon lists this expansion */
    bool flagged;
} def;

static bool is_small(const char *w)
{
    /* the small words have one to four letters: a longer word (most of an
     * expansion's) is told apart without a compare, and the others are
     * compared only with the small words of their first letter */
    if (w[0] && w[1] && w[2] && w[3] && w[4])
        return false;
    for (size_t i = 0; small_words[i]; i++)
        if (small_words[i][0] == w[0] && strcmp(small_words[i], w) == 0)
            return true;
    return false;
}

/* --------------------------------------------------------- normalizing */

/* One expansion word in a spelling-neutral form: British -isation, -our,
 * -re, -ence and -mme endings, plural and possessive endings dropped;
 * returns its length. */
static size_t neutral_word(char *w)
{
    size_t n = strlen(w);
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
        w[n -= 2] = '\0';
    else if (n > 1 && w[n - 1] == '\'')
        w[--n] = '\0';
    char *p;
    if (n >= 7 && (p = strstr(w, "isation")) != NULL)
        p[1] = 'z';
    if (n > 5 && strcmp(w + n - 3, "our") == 0) {
        w[n - 2] = 'r';
        w[--n] = '\0';
    }
    /* the whole-word spellings: compared only for their first letter and
     * lengths (one compare at most, none for most words) */
    if (n == 6 || n == 7) {
        if (w[0] == 'c' && (strcmp(w, "centre") == 0 || strcmp(w, "centres") == 0))
            memcpy(w, "center", 7), n = 6;
        else if (w[0] == 't' && strcmp(w, "theatre") == 0)
            memcpy(w, "theater", 8), n = 7;
        else if (w[0] == 'd' && strcmp(w, "defence") == 0)
            memcpy(w, "defense", 8), n = 7;
        else if (w[0] == 'l' && strcmp(w, "licence") == 0)
            memcpy(w, "license", 8), n = 7;
    }
    if (n > 6 && strcmp(w + n - 3, "mme") == 0) /* programme */
        w[n -= 2] = '\0';
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
        w[--n] = '\0';
    return n;
}

/* Splits an expansion into lower-case words (hyphenated parts apart, with
 * `tail` set on every part after the first) and returns the count. */
static size_t split_words(const char *s, size_t len, char words[][FL_ACR_WORD], bool *tail,
                          size_t cap)
{
    size_t n = 0, i = 0;
    while (i < len && n < cap) {
        while (i < len && !fl_ctx_word_byte((unsigned char)s[i]) && s[i] != '&')
            i++;
        if (i >= len)
            break;
        bool hyphen_tail = i > 0 && s[i - 1] == '-' && n > 0;
        size_t w = 0;
        if (s[i] == '&') {
            memcpy(words[n], "and", 4);
            tail[n] = false;
            n++;
            i++;
            continue;
        }
        while (i < len && (fl_ctx_word_byte((unsigned char)s[i]) || s[i] == '\'' ||
                           (s[i] == '.' && i + 1 < len && s[i + 1] != ' '))) {
            if (s[i] != '.' && w < FL_ACR_WORD - 1)
                words[n][w++] = fl_ctx_lower(s[i]);
            i++;
        }
        /* a right single quote as apostrophe */
        words[n][w] = '\0';
        tail[n] = hyphen_tail;
        if (w)
            n++;
    }
    return n;
}

/* The normalized form of an expansion: neutral words joined by spaces,
 * without a leading "the". */
static void normalize_expansion(const char *s, size_t len, char *out, size_t cap)
{
    /* zeroed so the analyzer can see neutral_word's look-back stays inside
     * the NUL-terminated word split_words wrote */
    char words[FL_ACR_MAX_WORDS][FL_ACR_WORD] = {{0}};
    bool tail[FL_ACR_MAX_WORDS];
    size_t n = split_words(s, len, words, tail, FL_ACR_MAX_WORDS);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i == 0 && strcmp(words[i], "the") == 0)
            continue;
        /* as much as fits, NUL-terminated; a word cut short ends it */
        size_t wl = neutral_word(words[i]), need = (used ? 1 : 0) + wl, room = cap - used - 1,
               k = 0;
        char *o = out + used;
        if (used && k < room)
            o[k++] = ' ';
        for (size_t j = 0; j < wl && k < room; j++)
            o[k++] = words[i][j];
        o[k] = '\0';
        if (need > room)
            break;
        used += need;
    }
}

/* Whether every word of a (space separated) is among b's words. */
static bool words_subset(const char *a, const char *b)
{
    const char *p = a;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool found = false;
        for (const char *q = b; *q;) {
            const char *qe = strchr(q, ' ');
            size_t qn = qe ? (size_t)(qe - q) : strlen(q);
            if (qn == n && memcmp(p, q, n) == 0) {
                found = true;
                break;
            }
            q += qn;
            while (*q == ' ')
                q++;
        }
        if (!found)
            return false;
        p += n;
        while (*p == ' ')
            p++;
    }
    return true;
}

/* ---------------------------------------------------------- letter fit */

typedef struct fit_state {
    const char *letters;
    size_t n;
    char (*words)[FL_ACR_WORD];
    const bool *optional;
    size_t m;
} fit_state;

static bool fit_from(const fit_state *st, size_t i, size_t j)
{
    if (j == st->m)
        return i == st->n;
    if (st->optional[j] && fit_from(st, i, j + 1))
        return true;
    const char *w = st->words[j];
    if (i < st->n && w[0] == st->letters[i]) {
        /* the first letter, then any further letters from inside the word */
        size_t more = 0, pos = 1;
        if (fit_from(st, i + 1, j + 1))
            return true;
        while (i + 1 + more < st->n) {
            const char *hit = strchr(w + pos, st->letters[i + 1 + more]);
            if (!hit)
                break;
            pos = (size_t)(hit - w) + 1;
            more++;
            if (fit_from(st, i + 1 + more, j + 1))
                return true;
        }
    }
    return false;
}

/* The acronym's letters, lower case; 0 when it holds digits or symbols
 * that make fitting meaningless. A plural s after capitals is dropped. */
static size_t acronym_letters(const char *acr, char *out, size_t cap)
{
    size_t n = 0, len = strlen(acr);
    if (len > 1 && acr[len - 1] == 's' && acr[len - 2] >= 'A' && acr[len - 2] <= 'Z')
        len--;
    for (size_t i = 0; i < len; i++) {
        char c = acr[i];
        if (c == '.' || c == ' ' || c == '-')
            continue;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) || n + 1 >= cap)
            return 0;
        out[n++] = fl_ctx_lower(c);
    }
    out[n] = '\0';
    return n;
}

/* Whether the expansion fits the acronym's letters. Leading words (up to
 * two, e.g. a country or department name caught with the expansion) may
 * stay out. *initials receives the initials of the required words. */
static bool fits(const char *letters, size_t n, const char *exp, size_t len, char *initials,
                 size_t cap)
{
    char words[FL_ACR_MAX_WORDS][FL_ACR_WORD];
    bool tail[FL_ACR_MAX_WORDS], optional[FL_ACR_MAX_WORDS];
    size_t m = split_words(exp, len, words, tail, FL_ACR_MAX_WORDS);
    size_t k = 0;
    for (size_t j = 0; j < m; j++) {
        optional[j] = tail[j] || is_small(words[j]);
        if (!optional[j] && k + 1 < cap)
            initials[k++] = words[j][0];
    }
    initials[k] = '\0';
    if (m == 0)
        return true;
    for (size_t start = 0; start < m && start <= 2; start++) {
        fit_state st = {letters, n, words + start, optional + start, m - start};
        if (fit_from(&st, 0, 0))
            return true;
    }
    return false;
}

/* Whether the one word the initials have beyond the acronym's letters is
 * a qualifier acronyms commonly leave out: the last word ("Public and
 * Commercial Services Union (PCS)") or an all-caps word such as a country
 * ("Official UK Charts Company (OCC)"). */
static bool qualifier_word(const char *expansion, const char *initials, const char *letters)
{
    size_t n = strlen(initials);
    if (n != strlen(letters) + 1)
        return false;
    for (size_t k = 0; k < n; k++) {
        if (memcmp(initials, letters, k) != 0 || strcmp(initials + k + 1, letters + k) != 0)
            continue;
        if (k == n - 1)
            return true;
        /* an all-caps word starting with the extra letter */
        for (const char *p = expansion; *p;) {
            while (*p == ' ' || *p == '-')
                p++;
            const char *e = p;
            size_t upper = 0, other = 0;
            while (*e && *e != ' ' && *e != '-') {
                if (*e >= 'A' && *e <= 'Z')
                    upper++;
                else if (*e != '.')
                    other++;
                e++;
            }
            if (upper >= 2 && other == 0 && fl_ctx_lower(*p) == initials[k])
                return true;
            p = e;
        }
    }
    return false;
}

/* Optimal string alignment distance of two short ASCII strings, capped. */
static unsigned distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 30 || m > 30)
        return 99;
    unsigned d[32][32];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            unsigned best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

/* ------------------------------------------------------- definitions */

/* Fills the acronym and expansion spans of a definition mention: the
 * mention is the acronym; its expansion stands right before "(ACR)" or
 * inside the brackets after "ACR (". */
static bool parse_def(const fl_doc *doc, const fl_mention *m, def *d)
{
    const char *t = doc->prose.text;
    if (!m->expansion || !*m->expansion || !m->len || m->len >= sizeof d->acronym)
        return false;
    size_t el = strlen(m->expansion);
    size_t ao = m->off, al = m->len;
    memcpy(d->acronym, t + ao, al);
    d->acronym[al] = '\0';
    d->acr_off = ao;
    d->acr_len = al;
    bool found = false;
    size_t i = ao;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i > 0 && t[i - 1] == '(') {
        /* Full Name (ACR) */
        size_t e = i - 1;
        while (e > 0 && t[e - 1] == ' ')
            e--;
        if (e >= el && memcmp(t + e - el, m->expansion, el) == 0) {
            d->exp_off = e - el;
            found = true;
        }
    }
    if (!found) {
        /* ACR (Full Name) */
        size_t from = ao + al, to = from + el + 8;
        if (to > doc->prose.len)
            to = doc->prose.len;
        const char *hit = to > from ? memmem(t + from, to - from, m->expansion, el) : NULL;
        if (!hit)
            return false;
        d->exp_off = (size_t)(hit - t);
    }
    d->exp_len = el;
    size_t kl = fl_fold(d->acronym, al, 0, d->key, sizeof d->key);
    if (kl >= sizeof d->key)
        return false;
    /* "U.N." and "UN" are one acronym */
    size_t w = 0;
    for (size_t r = 0; d->key[r]; r++)
        if (d->key[r] != '.')
            d->key[w++] = d->key[r];
    d->key[w] = '\0';
    normalize_expansion(m->expansion, el, d->norm, sizeof d->norm);
    return d->norm[0] != '\0';
}

/* The lexicon's acronym entry for a definition, or NULL. */
static const fl_lex_entry *lexicon_entry(const fl_doc *doc, const def *d)
{
    if (!doc->lexicon)
        return NULL;
    const fl_lex_entry *e = fl_lexicon_acronym(doc->lexicon, d->key, strlen(d->key));
    if (!e) {
        char folded[sizeof d->key];
        size_t n = fl_fold(d->acronym, strlen(d->acronym), 0, folded, sizeof folded);
        if (n < sizeof folded)
            e = fl_lexicon_acronym(doc->lexicon, folded, n);
    }
    return e;
}

static bool lexicon_lists(const fl_lex_entry *e, const char *norm)
{
    if (!e)
        return false;
    char buf[FL_ACR_TEXT];
    for (size_t i = 0; i < e->alias_count; i++) {
        normalize_expansion(e->aliases[i], strlen(e->aliases[i]), buf, sizeof buf);
        if (strcmp(buf, norm) == 0)
            return true;
    }
    return false;
}

/* A lexicon expansion one or two words away from the document's (same word
 * count, at least two words in common and no more differing than common),
 * or NULL. */
static const char *lexicon_near(const fl_lex_entry *e, const char *norm)
{
    if (!e)
        return NULL;
    char words[FL_ACR_MAX_WORDS][FL_ACR_WORD], other[FL_ACR_MAX_WORDS][FL_ACR_WORD];
    bool tail[FL_ACR_MAX_WORDS];
    size_t n = split_words(norm, strlen(norm), words, tail, FL_ACR_MAX_WORDS);
    const char *found = NULL;
    for (size_t i = 0; i < e->alias_count; i++) {
        char buf[FL_ACR_TEXT];
        normalize_expansion(e->aliases[i], strlen(e->aliases[i]), buf, sizeof buf);
        size_t m = split_words(buf, strlen(buf), other, tail, FL_ACR_MAX_WORDS);
        if (m != n)
            continue;
        size_t same = 0, differ = 0;
        for (size_t k = 0; k < n; k++) {
            if (strcmp(words[k], other[k]) == 0)
                same += !is_small(words[k]);
            else
                differ++;
        }
        if (differ >= 1 && differ <= 2 && same >= 2 && differ <= same) {
            if (found)
                return NULL; /* two candidates: not sure which */
            found = e->aliases[i];
        }
    }
    return found;
}

/* The lexicon's acronym for an expansion ("IRENA" for "International
 * Renewable Energy Agency"), or NULL. */
static const char *known_acronym(const fl_doc *doc, const char *expansion)
{
    if (!doc->lexicon)
        return NULL;
    char key[FL_ACR_TEXT];
    size_t n = fl_fold(expansion, strlen(expansion), 0, key, sizeof key);
    if (n >= sizeof key)
        return NULL;
    const fl_lex_hit *hits = NULL;
    size_t count = fl_lexicon_by_fold(doc->lexicon, key, n, &hits);
    for (size_t i = 0; i < count; i++)
        if (hits[i].entry->kind == FL_LEX_ACRONYM && hits[i].role == FL_LEX_ALIAS)
            return hits[i].entry->canonical;
    return NULL;
}

static int def_order(const void *pa, const void *pb)
{
    const def *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

static const char *expansion_text(fl_doc *doc, const def *d)
{
    return fl_arena_strndup(doc->arena, doc->prose.text + d->exp_off, d->exp_len);
}

static void add(fl_doc *doc, def *d, const char *message, const char *suggestion, const def *other)
{
    size_t off = other ? other->exp_off : 0, len = other ? other->exp_len : 0;
    if (!message || !fl_doc_add_finding(doc, "acronym-expansion", FL_SEV_WARNING, d->exp_off,
                                        d->exp_len, message, suggestion, other ? &off : NULL,
                                        other ? &len : NULL, other ? 1 : 0))
        fl_ctx_oom(doc);
    d->flagged = true;
}

/* One acronym: defs[0..n) in document order. */
static void check_acronym(fl_doc *doc, def *defs, size_t n)
{
    const fl_lex_entry *e = lexicon_entry(doc, &defs[0]);
    for (size_t i = 0; i < n; i++)
        defs[i].listed = lexicon_lists(e, defs[i].norm);

    /* two ways: the right one is listed, else the most frequent, else the
     * first */
    size_t right = 0, right_count = 0;
    for (size_t i = 0; i < n; i++) {
        size_t count = 0;
        for (size_t k = 0; k < n; k++)
            count += strcmp(defs[k].norm, defs[i].norm) == 0;
        count += defs[i].listed ? n + 1 : 0;
        if (count > right_count) {
            right = i;
            right_count = count;
        }
    }
    const def *r = &defs[right];
    for (size_t i = 0; i < n; i++) {
        def *d = &defs[i];
        if (strcmp(d->norm, r->norm) == 0 || d->listed || words_subset(d->norm, r->norm) ||
            words_subset(r->norm, d->norm))
            continue;
        const char *dt = expansion_text(doc, d), *rt = expansion_text(doc, r);
        const char *message = fl_arena_printf(
            doc->arena, "`%s` is expanded as `%s` (line %zu) but as `%s` on line %zu", d->acronym,
            dt ? dt : "", fl_ctx_line(doc, d->exp_off), rt ? rt : "", fl_ctx_line(doc, r->exp_off));
        add(doc, d, message, rt, r);
    }

    for (size_t i = 0; i < n && doc->status == FL_OK; i++) {
        def *d = &defs[i];
        if (d->flagged || d->listed)
            continue;
        const fl_mention *m = FL_DOC_MENTION(doc, d->mention);
        /* a word or two away from the lexicon's expansion */
        const char *near = lexicon_near(e, d->norm);
        if (near) {
            const char *dt = expansion_text(doc, d);
            add(doc, d,
                fl_arena_printf(doc->arena,
                                "`%s` is expanded as `%s` (line %zu); the lexicon expands it as "
                                "`%s`",
                                d->acronym, dt ? dt : "", fl_ctx_line(doc, d->exp_off), near),
                near, NULL);
            continue;
        }
        /* letters that do not fit, nearly: the initials are one edit from
         * the acronym and start with its letter */
        char letters[FL_ACR_MAX_LETTERS + 1], initials[FL_ACR_MAX_WORDS + 1];
        size_t nl = acronym_letters(d->acronym, letters, sizeof letters);
        if (nl < 2)
            continue;
        if (fits(letters, nl, m->expansion, strlen(m->expansion), initials, sizeof initials))
            continue;
        /* an acronym with one letter more than the initials is usually a name
         * cut short ("Industrial and Commercial Bank (ICBC)", "of China"
         * left out); a substituted or an extra word is a slip */
        if (initials[0] != letters[0] || distance(initials, letters) != 1 || strlen(initials) < 2 ||
            strlen(initials) < nl || qualifier_word(m->expansion, initials, letters))
            continue;
        const char *dt = expansion_text(doc, d);
        char upper[FL_ACR_MAX_WORDS + 1];
        size_t k = 0;
        for (; initials[k]; k++)
            upper[k] =
                (char)(initials[k] >= 'a' && initials[k] <= 'z' ? initials[k] - 32 : initials[k]);
        upper[k] = '\0';
        const char *message = fl_arena_printf(
            doc->arena,
            "the expansion `%s` (line %zu) does not fit the letters of `%s` (line %zu; its "
            "initials are %s)",
            dt ? dt : "", fl_ctx_line(doc, d->exp_off), d->acronym, fl_ctx_line(doc, d->acr_off),
            upper);
        /* the lexicon may know the acronym of this expansion (IRENA) */
        const char *acr = known_acronym(doc, m->expansion);
        if (acr) {
            size_t off = d->exp_off, len = d->exp_len;
            if (!message ||
                !fl_doc_add_finding(doc, "acronym-expansion", FL_SEV_WARNING, d->acr_off,
                                    d->acr_len, message, acr, &off, &len, 1))
                fl_ctx_oom(doc);
            d->flagged = true;
        } else {
            add(doc, d, message, NULL, NULL);
        }
    }
}

static void run(fl_doc *doc)
{
    const uint32_t *of_kind;
    size_t n = fl_ctx_mentions_of(doc, 1u << FL_M_ACRONYM_DEF, &of_kind);
    if (n == 0)
        return;
    /* not zeroed here: each is zeroed as it is parsed */
    def *defs = fl_arena_alloc_uninit(doc->arena, n * sizeof *defs);
    if (!defs) {
        fl_ctx_oom(doc);
        return;
    }
    size_t nd = 0;
    for (size_t x = 0; x < n; x++) {
        size_t i = of_kind[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        memset(&defs[nd], 0, sizeof defs[nd]);
        defs[nd].mention = i;
        if (parse_def(doc, m, &defs[nd]))
            nd++;
    }
    if (nd > 1) /* most documents define one acronym: no qsort set-up */
        qsort(defs, nd, sizeof *defs, def_order);
    for (size_t i = 0; i < nd && doc->status == FL_OK;) {
        size_t j = i;
        while (j < nd && strcmp(defs[j].key, defs[i].key) == 0)
            j++;
        check_acronym(doc, defs + i, j - i);
        i = j;
    }
}

const fl_check_def fl_check_acronym_expansion = {
    {"acronym-expansion", "an acronym expanded two ways, or an expansion that does not fit it",
     FL_SEV_WARNING,
     "The World Health Organization (WHO) issued guidance. A week later, officials said the "
     "World Trade Organization (WHO) agreed.",
     "The World Health Organization (WHO) issued guidance. The WHO said the World Health "
     "Organization would review it.",
     "Acronym definitions (`Full Name (ACR)` and `ACR (Full Name)`) are grouped by the "
     "acronym. The check flags a definition whose expansion differs from another definition "
     "of the same acronym in the document (British and American spellings, plurals, a leading "
     "`the` and one expansion holding all words of the other do not count), one that is a "
     "word or two away from the lexicon's expansion of that acronym, and one whose words do "
     "not fit its letters when the initials are one letter away from the acronym "
     "(`International Renewable Energy Agency (IEA)`). Fitting allows small words (of, the, "
     "and, for, on, in, to, a...) to be skipped or used, further letters from inside a word "
     "(NASA, OPEC, Ofcom), hyphenated parts, and up to two leading words outside the "
     "acronym. It is silent whenever the lexicon lists the expansion for that acronym, and "
     "the fit test is skipped for acronyms the lexicon knows (irregular ones such as UNICEF "
     "or FIFA)."},
    run,
    false,
};

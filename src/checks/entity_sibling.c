/* entity_sibling.c - a lone member of a family (H100 among H20s) in the
 * context where the document otherwise discusses another member.
 *
 * Bucketing: the code mentions with a family key (the normalizer's, else
 * the lexicon's product family) are sorted by (family, member); each family
 * is one bucket, each member (skeleton key) one run inside it. Context is
 * compared between a lone member's sentence and the union of the dominant
 * member's sentence contexts (a word set), and against a fixed-size sample
 * of unrelated sentences, so the work is O(n log n) in the mentions plus
 * O(context words) per candidate. */
#include "context.h"
#include "../lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A lone member's sentence must share at least FL_SIB_MIN_SHARED content
 * words with the dominant member's sentences, and FL_SIB_MARGIN more than
 * an average unrelated sentence of the document does (measured on
 * news-dev and corpus/eval; see the explain text). */
enum {
    FL_SIB_DOMINANT_MIN = 3, /* mentions of the member the document is about */
    FL_SIB_LONE_MAX = 2,     /* mentions of a lone member */
    FL_SIB_MIN_SHARED = 3,
    FL_SIB_BASELINE_SAMPLE = 64,
    FL_SIB_MAX_RELATED = 8,
    FL_SIB_LIST_GAP = 24,     /* bytes between two members of one list */
    FL_SIB_NEAR_SENTENCES = 2 /* a plain mention this close to a deliberate one */
};
#define FL_SIB_MARGIN 0.75

typedef struct sib_item {
    const char *family;
    const char *member; /* skeleton key, or the lexicon canonical */
    size_t mention;
    size_t sentence;
} sib_item;

/* strcmp with a shortcut for the shared strings of repeated keys (never
 * NULL: run lists only items whose family and member item_keys found) */
static inline int key_cmp(const char *a, const char *b)
{
    // NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): see above
    return a == b ? 0 : strcmp(a, b);
}

static int item_order(const void *pa, const void *pb)
{
    const sib_item *a = pa, *b = pb;
    int c = key_cmp(a->family, b->family);
    if (c)
        return c;
    c = key_cmp(a->member, b->member);
    if (c)
        return c;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

static int member_order(const void *pa, const void *pb)
{
    const sib_item *a = pa, *b = pb;
    int c = key_cmp(a->member, b->member);
    if (c)
        return c;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

/* The lexicon's product family of a mention, or NULL. */
static const char *lexicon_family(const fl_doc *doc, const fl_mention *m, const char **canonical)
{
    if (!doc->lexicon || !m->fold || !*m->fold)
        return NULL;
    const fl_lex_hit *hits = NULL;
    size_t n = fl_lexicon_by_fold(doc->lexicon, m->fold, strlen(m->fold), &hits);
    for (size_t i = 0; i < n; i++) {
        const fl_lex_entry *e = hits[i].entry;
        if (e->kind == FL_LEX_PRODUCT && e->family && *e->family) {
            *canonical = e->canonical;
            return e->family;
        }
    }
    return NULL;
}

/* The length of a surface without a plural or possessive ending that the
 * fold key dropped ("H20s" -> 3). */
static size_t bare_length(const fl_mention *m)
{
    size_t n = strlen(m->surface);
    const char *s = m->surface;
    size_t fl = m->fold ? strlen(m->fold) : n;
    if (m->fold && fl && m->fold[fl - 1] == 's')
        return n;
    if (n > 4 && memcmp(s + n - 4, "\xe2\x80\x99s", 4) == 0)
        return n - 4;
    if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
        return n - 2;
    if (n > 1 && (s[n - 1] == 's' || s[n - 1] == 'S'))
        return n - 1;
    return n;
}

/* Which form of the dominant member to suggest: the most frequent surface
 * whose fold is its skeleton (no look-alike characters), without a plural
 * ending; ties go to the earlier one. */
static const fl_mention *suggest_form(const fl_doc *doc, const sib_item *it, size_t n)
{
    const fl_mention *best = NULL;
    size_t best_count = 0;
    for (int pass = 0; pass < 2 && !best; pass++) {
        for (size_t i = 0; i < n; i++) {
            const fl_mention *m = FL_DOC_MENTION(doc, it[i].mention);
            if (pass == 0 && m->fold && m->skeleton && strcmp(m->fold, m->skeleton) != 0)
                continue;
            size_t bl = bare_length(m), count = 0;
            for (size_t k = 0; k < n; k++) {
                const fl_mention *o = FL_DOC_MENTION(doc, it[k].mention);
                if (bare_length(o) == bl && memcmp(o->surface, m->surface, bl) == 0)
                    count++;
            }
            if (count > best_count) {
                best = m;
                best_count = count;
            }
        }
    }
    return best;
}

static int by_sentence_order(const void *pa, const void *pb)
{
    const sib_item *a = pa, *b = pb;
    return a->sentence < b->sentence ? -1 : a->sentence > b->sentence;
}

/* The average number of words an unrelated sentence (one without a member
 * of the family) shares with the dominant member's context. */
static double baseline_shared(fl_doc *doc, const sib_item *by_sentence, size_t n,
                              const fl_wordset *dominant)
{
    size_t total = doc->sentences.count;
    size_t step = total / FL_SIB_BASELINE_SAMPLE + 1;
    size_t sum = 0, count = 0, k = 0;
    for (size_t s = 0; s < total; s += step) {
        while (k < n && by_sentence[k].sentence < s)
            k++;
        if (k < n && by_sentence[k].sentence == s)
            continue;
        if (fl_ctx_sentence(doc, s)->context_count == 0)
            continue;
        sum += fl_ctx_shared_with_set(doc, s, dominant, FL_CTX_SKIP_DIGITS);
        count++;
    }
    return count ? (double)sum / (double)count : 0.0;
}

static void report(fl_doc *doc, const sib_item *lone, size_t lone_n, size_t which,
                   const sib_item *dom, size_t dom_n)
{
    const fl_mention *m = FL_DOC_MENTION(doc, lone[which].mention);
    const fl_mention *best = suggest_form(doc, dom, dom_n);
    if (!best)
        return;
    size_t bl = bare_length(best);
    size_t ml = bare_length(m);
    const char *suggestion =
        fl_arena_printf(doc->arena, "%.*s%s", (int)bl, best->surface, m->surface + ml);
    char lines[160];
    size_t used = 0, shown = 0, last = 0;
    lines[0] = '\0';
    for (size_t i = 0; i < dom_n; i++) {
        size_t line = fl_ctx_line(doc, FL_DOC_MENTION(doc, dom[i].mention)->off);
        if (line == last)
            continue;
        if (shown == 6) {
            snprintf(lines + used, sizeof lines - used, ", ...");
            break;
        }
        used +=
            (size_t)snprintf(lines + used, sizeof lines - used, "%s%zu", shown ? ", " : "", line);
        if (used >= sizeof lines)
            break;
        last = line;
        shown++;
    }
    const char *message = fl_arena_printf(
        doc->arena,
        "`%.*s` (line %zu) is mentioned %s where the document otherwise discusses `%.*s` "
        "(%zu mentions, line%s %s); did you mean `%.*s`?",
        (int)ml, m->surface, fl_ctx_line(doc, m->off), lone_n == 1 ? "once" : "twice", (int)bl,
        best->surface, dom_n, shown == 1 ? "" : "s", lines, (int)bl, best->surface);
    size_t rel_n = dom_n < FL_SIB_MAX_RELATED ? dom_n : FL_SIB_MAX_RELATED;
    size_t rel_off[FL_SIB_MAX_RELATED], rel_len[FL_SIB_MAX_RELATED];
    for (size_t i = 0; i < rel_n; i++) {
        const fl_mention *d = FL_DOC_MENTION(doc, dom[i].mention);
        rel_off[i] = d->off;
        rel_len[i] = d->len;
    }
    if (!suggestion || !message ||
        !fl_doc_add_finding(doc, "entity-sibling", FL_SEV_WARNING, m->off, m->len, message,
                            suggestion, rel_off, rel_len, rel_n))
        fl_ctx_oom(doc);
}

/* Whether sentence s holds a mention of `other` within FL_SIB_LIST_GAP
 * bytes of offset off ("F-15s and F-35s"). `by_sentence` as above. */
static bool sentence_has_near(const fl_doc *doc, const sib_item *by_sentence, size_t n, size_t s,
                              const char *member, size_t off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (by_sentence[mid].sentence < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < n && by_sentence[i].sentence == s; i++) {
        if (strcmp(by_sentence[i].member, member) == 0)
            continue;
        size_t o = FL_DOC_MENTION(doc, by_sentence[i].mention)->off;
        if ((o > off ? o - off : off - o) <= FL_SIB_LIST_GAP)
            return true;
    }
    return false;
}

/* Cues right before a member that mark a move from one member to another
 * ("switched to the F-35", "moving to the H200"). */
static const char *const transition_phrases[] = {
    "switch*",   "mov* to", "mov* on to", "transition*", "convert*",         "swap*",
    "trade* in", "instead", "new",        "old",         "first-generation", "second-generation",
    NULL,
};

/* Cues right after a member that make it one of several ("Section 301 or
 * other duties"). */
static const char *const list_phrases[] = {
    "or other", "and other", "or any other", "and similar", "or similar", "etc", NULL,
};

/* Whether occurrence it of a lone member is a deliberate mention: its
 * sentence names the dominant member, another member right next to it (a
 * list), a contrast word, or a move from one member to another. */
static bool deliberate_mention(const fl_doc *doc, const sib_item *it, const sib_item *by_sentence,
                               size_t n, const char *dominant)
{
    size_t s = it->sentence;
    if (s >= doc->sentences.count)
        return true;
    const fl_mention *m = FL_DOC_MENTION(doc, it->mention);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (by_sentence[mid].sentence < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < n && by_sentence[i].sentence == s; i++)
        if (strcmp(by_sentence[i].member, dominant) == 0)
            return true;
    return sentence_has_near(doc, by_sentence, n, s, it->member, m->off) ||
           fl_ctx_sentence_has(doc, s, fl_ctx_contrast_phrases) ||
           fl_ctx_window_has(doc, m->off, m->len, 3, 0, transition_phrases) ||
           fl_ctx_window_has(doc, m->off, m->len, 0, 3, list_phrases);
}

/* Whether occurrence p (plain) sits within FL_SIB_NEAR_SENTENCES of the
 * deliberate occurrence d. */
static bool deliberate_near(const sib_item *d, const sib_item *p)
{
    size_t a = d->sentence, b = p->sentence;
    return (a > b ? a - b : b - a) <= FL_SIB_NEAR_SENTENCES;
}

/* One family: items[0..n) sorted by member then mention. A lone member is
 * judged by its plain mentions only: an H100 introduced as "a pared-back
 * version of the H100" and later written where the H20 is meant is still a
 * slip. */
static void check_family(fl_doc *doc, const sib_item *items, size_t n)
{
    /* members as runs */
    size_t dom_start = 0, dom_n = 0, members = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && key_cmp(items[j].member, items[i].member) == 0)
            j++;
        members++;
        if (j - i > dom_n) {
            dom_start = i;
            dom_n = j - i;
        }
        i = j;
    }
    if (members < 2 || dom_n < FL_SIB_DOMINANT_MIN)
        return;
    const sib_item *dom = items + dom_start;

    sib_item *by_sentence = fl_arena_alloc(doc->arena, n * sizeof *by_sentence);
    bool *plain = fl_arena_alloc(doc->arena, n * sizeof *plain);
    sib_item *lone = fl_arena_alloc(doc->arena, n * sizeof *lone);
    if (!by_sentence || !plain || !lone) {
        fl_ctx_oom(doc);
        return;
    }
    memcpy(by_sentence, items, n * sizeof *items);
    qsort(by_sentence, n, sizeof *by_sentence, by_sentence_order);

    /* a comparison story discusses several members at length (plainly) */
    size_t at_length = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, plain_n = 0;
        while (j < n && key_cmp(items[j].member, items[i].member) == 0) {
            plain[j] =
                i == dom_start || !deliberate_mention(doc, &items[j], by_sentence, n, dom->member);
            j++;
        }
        /* a mention next to a deliberate one continues the comparison */
        for (size_t k = i; k < j && i != dom_start; k++) {
            if (!plain[k])
                continue;
            for (size_t q = i; q < j; q++)
                if (!plain[q] && deliberate_near(&items[q], &items[k])) {
                    plain[k] = false;
                    break;
                }
        }
        for (size_t k = i; k < j; k++)
            plain_n += plain[k];
        if (i != dom_start && plain_n >= FL_SIB_DOMINANT_MIN)
            at_length++;
        i = j;
    }
    if (at_length > 0)
        return;

    fl_wordset dominant;
    bool have_set = false;
    double baseline = 0.0;
    for (size_t i = 0; i < n;) {
        size_t j = i, lone_n = 0;
        while (j < n && key_cmp(items[j].member, items[i].member) == 0)
            j++;
        for (size_t k = i; k < j; k++)
            if (plain[k])
                lone[lone_n++] = items[k];
        if (i == dom_start || lone_n == 0 || lone_n > FL_SIB_LONE_MAX || dom_n < 2 * lone_n) {
            i = j;
            continue;
        }
        if (!have_set) {
            if (!fl_wordset_init(&dominant, doc->arena, 64)) {
                fl_ctx_oom(doc);
                return;
            }
            for (size_t k = 0; k < dom_n; k++)
                if (dom[k].sentence < doc->sentences.count &&
                    !fl_ctx_add_to_set(&dominant, doc, dom[k].sentence, FL_CTX_SKIP_DIGITS)) {
                    fl_ctx_oom(doc);
                    return;
                }
            baseline = baseline_shared(doc, by_sentence, n, &dominant);
            have_set = true;
        }
        /* at least one plain mention must sit in the dominant member's
         * context */
        bool related = false;
        for (size_t k = 0; k < lone_n && !related; k++) {
            size_t shared =
                fl_ctx_shared_with_set(doc, lone[k].sentence, &dominant, FL_CTX_SKIP_DIGITS);
            if (shared >= FL_SIB_MIN_SHARED && (double)shared >= baseline + FL_SIB_MARGIN)
                related = true;
        }
        if (related)
            for (size_t k = 0; k < lone_n; k++)
                report(doc, lone, lone_n, k, dom, dom_n);
        i = j;
    }
}

/* At most this many distinct keys are sorted by counting */
enum { FEW_KEYS = 16 };

/* The key an item is grouped by: its member or its family. */
static const char *group_key(const sib_item *it, bool by_family)
{
    return by_family ? it->family : it->member;
}

/* The index in keys[0..*nk) of key k (by pointer first, then by bytes: a
 * repeated key is mostly the same string), added when new; FEW_KEYS when
 * there is no room. */
static inline __attribute__((always_inline)) size_t key_id(const char **keys, size_t *nk,
                                                           const char *k)
{
    size_t j = 0;
    while (j < *nk && keys[j] != k)
        j++;
    if (j == *nk)
        for (j = 0; j < *nk && strcmp(keys[j], k) != 0;)
            j++;
    if (j == *nk) {
        if (*nk == FEW_KEYS)
            return FEW_KEYS;
        keys[(*nk)++] = k;
    }
    return j;
}

/* The ranks of keys[0..nk) (distinct) in strcmp order. */
static void key_ranks(const char *const *keys, size_t nk, unsigned char *rank)
{
    size_t by_rank[FEW_KEYS] = {0};
    for (size_t j = 0; j < nk; j++) {
        size_t at = j;
        while (at > 0 && strcmp(keys[by_rank[at - 1]], keys[j]) > 0) {
            by_rank[at] = by_rank[at - 1];
            at--;
        }
        by_rank[at] = j;
    }
    for (size_t r = 0; r < nk; r++)
        rank[by_rank[r]] = (unsigned char)r;
}

/* Puts items[0..n), which are in mention order (or, by family, in member
 * then mention order), in key order keeping that order within a key: what
 * qsort with `order` gives, made by a counting sort on the keys' ranks
 * when the keys are few (they usually are), else by qsort. False when out
 * of memory. */
static bool group_sort(fl_doc *doc, sib_item *items, size_t n, bool by_family,
                       int (*order)(const void *, const void *))
{
    const char *keys[FEW_KEYS] = {0}; /* in order of first use; only keys[0..nk) are read */
    size_t nk = 0;
    /* per item: its key's index in keys */
    unsigned char *kid = fl_arena_alloc_uninit(doc->arena, n ? n : 1);
    if (!kid)
        return false;
    for (size_t i = 0; i < n; i++) {
        size_t j = key_id(keys, &nk, group_key(&items[i], by_family));
        if (j == FEW_KEYS) {
            qsort(items, n, sizeof *items, order);
            return true;
        }
        kid[i] = (unsigned char)j;
    }
    if (nk < 2)
        return true;
    /* the keys' ranks in strcmp order (the keys are distinct) */
    size_t start[FEW_KEYS + 1] = {0};
    unsigned char rank[FEW_KEYS] = {0};
    key_ranks(keys, nk, rank);
    /* a counting sort on the ranks keeps the order within a key */
    for (size_t i = 0; i < n; i++)
        start[rank[kid[i]] + 1]++;
    for (size_t r = 0; r < nk; r++)
        start[r + 1] += start[r];
    sib_item *tmp = fl_arena_alloc_uninit(doc->arena, n * sizeof *tmp);
    if (!tmp)
        return false;
    for (size_t i = 0; i < n; i++)
        tmp[start[rank[kid[i]]]++] = items[i];
    memcpy(items, tmp, n * sizeof *items);
    return true;
}

/* Whether mention m is a member's clean form: its fold is its skeleton. */
static inline __attribute__((always_inline)) bool clean_form(const fl_mention *m)
{
    return m->kind == FL_M_CODE && m->fold && m->skeleton && m->family && *m->family &&
           (m->fold == m->skeleton || strcmp(m->fold, m->skeleton) == 0);
}

/* family_order by two sorts: by member (its clean family set), then by
 * family. NULL when out of memory. */
static sib_item *family_order_sorted(fl_doc *doc, sib_item *items, size_t n)
{
    if (!group_sort(doc, items, n, false, member_order))
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        const char *clean = NULL;
        while (j < n && key_cmp(items[j].member, items[i].member) == 0) {
            if (!clean && clean_form(FL_DOC_MENTION(doc, items[j].mention)))
                clean = FL_DOC_MENTION(doc, items[j].mention)->family;
            j++;
        }
        for (size_t k = i; clean && k < j; k++)
            items[k].family = clean;
        i = j;
    }
    /* by family: items are in member then mention order now */
    if (!group_sort(doc, items, n, true, item_order))
        return NULL;
    return items;
}

/* items[0..n), in mention order, each member's family set to its clean
 * form's (the first in mention order) when it has one, then put in family,
 * member, mention order (item_order): when the members and families are
 * few, by one counting sort on their ranks into a new array, else by two
 * sorts in place. The items, or NULL when out of memory. *any tells
 * whether some family may be checked: false when the members and families
 * are few and every family has one member or none with
 * FL_SIB_DOMINANT_MIN items (check_family's first test; most documents
 * with families), and then the items are not sorted. */
static sib_item *family_order(fl_doc *doc, sib_item *items, size_t n, bool *any)
{
    *any = true;
    const char *members[FEW_KEYS] = {0}, *families[FEW_KEYS] = {0};
    const char *clean[FEW_KEYS] = {0};
    /* per member: the keys of a mention found not clean (none yet: NULL) */
    struct not_clean {
        const char *fold, *skeleton, *family;
    } not_clean[FEW_KEYS] = {{0}};
    size_t nm = 0, nf = 0;
    /* per item: its member's id, then (high nibble) its family's */
    unsigned char *id = fl_arena_alloc_uninit(doc->arena, n ? n : 1);
    if (!id)
        return NULL;
    /* the last item's key first: neighbours mostly share it */
    const char *last = NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].member != last || !last) {
            last = items[i].member;
            j = last ? key_id(members, &nm, last) : FEW_KEYS; /* never NULL (see run) */
            if (j == FEW_KEYS)
                return family_order_sorted(doc, items, n);
        }
        id[i] = (unsigned char)j;
        if (clean[j])
            continue;
        /* a mention with the keys of one found not clean is not either */
        const fl_mention *m = FL_DOC_MENTION(doc, items[i].mention);
        if (m->fold == not_clean[j].fold && m->skeleton == not_clean[j].skeleton &&
            m->family == not_clean[j].family && m->kind == FL_M_CODE)
            continue;
        if (clean_form(m))
            clean[j] = m->family;
        else if (m->kind == FL_M_CODE)
            not_clean[j] = (struct not_clean){m->fold, m->skeleton, m->family};
    }
    last = NULL;
    /* by family and member id (family * FEW_KEYS + member): the items */
    uint32_t count[FEW_KEYS * FEW_KEYS] = {0};
    for (size_t i = 0; i < n; i++) {
        if (clean[id[i]])
            items[i].family = clean[id[i]];
        if (items[i].family != last || !last) {
            last = items[i].family;
            j = key_id(families, &nf, last);
            if (j == FEW_KEYS) {
                qsort(items, n, sizeof *items, item_order);
                return items;
            }
        }
        size_t f = j;
        id[i] = (unsigned char)(id[i] | f << 4);
        count[id[i]]++;
    }
    /* check_family stops at once in a family of fewer than two members or
     * whose most frequent member has fewer than FL_SIB_DOMINANT_MIN
     * items: when every family does, nothing is sorted */
    _Static_assert(FEW_KEYS == 16, "a member id is an item's id's low nibble");
    *any = false;
    for (size_t f = 0; f < nf && !*any; f++) {
        size_t met = 0, dom_n = 0;
        for (size_t m = 0; m < nm; m++) {
            size_t c = count[f * FEW_KEYS + m];
            met += c > 0;
            dom_n = c > dom_n ? c : dom_n;
        }
        *any = met >= 2 && dom_n >= FL_SIB_DOMINANT_MIN;
    }
    if (!*any)
        return items;
    unsigned char mrank[FEW_KEYS] = {0}, frank[FEW_KEYS] = {0};
    key_ranks(members, nm, mrank);
    key_ranks(families, nf, frank);
    /* a counting sort on (family rank, member rank) keeps mention order
     * within a member */
    size_t start[FEW_KEYS * FEW_KEYS + 1], keys = nf * nm;
    memset(start, 0, (keys + 1) * sizeof *start);
    /* id[i] becomes the item's bucket (below FEW_KEYS * FEW_KEYS, a byte) */
    _Static_assert(FEW_KEYS * FEW_KEYS <= 256, "a bucket fits in a byte");
    for (size_t i = 0; i < n; i++) {
        id[i] = (unsigned char)(frank[id[i] >> 4] * nm + mrank[id[i] & 15]);
        start[id[i] + 1]++;
    }
    for (size_t r = 0; r < keys; r++)
        start[r + 1] += start[r];
    sib_item *sorted = fl_arena_alloc_uninit(doc->arena, (n ? n : 1) * sizeof *sorted);
    if (!sorted)
        return NULL;
    for (size_t i = 0; i < n; i++)
        sorted[start[id[i]]++] = items[i];
    return sorted;
}

/* What run notes of each member (by key_id) as it counts the items, to
 * tell whether check_family would look into some family before the items
 * are listed and sorted: its items, its family (the first item's), and
 * whether another item has another family. A member whose items share one
 * family keeps it in family_order: its clean form, if any, is one of its
 * items, and gives it the family it has. */
typedef struct member_note {
    size_t items;
    const char *family;
    bool mixed;
} member_note;

/* Notes item (family, member) in notes[*nm] (members[] their keys, *last
 * and *j the last item's member and its index); false when the members
 * are too many to note. */
static inline __attribute__((always_inline)) bool note_member(const char **members, size_t *nm,
                                                              member_note *notes, const char **last,
                                                              size_t *j, const char *family,
                                                              const char *member)
{
    if (member != *last) {
        *last = member;
        *j = key_id(members, nm, member);
        if (*j == FEW_KEYS)
            return false;
    }
    member_note *note = &notes[*j];
    note->items++;
    if (!note->family)
        note->family = family;
    else if (key_cmp(note->family, family) != 0)
        note->mixed = true;
    return true;
}

/* Whether check_family may look into some family, from run's notes: a
 * family with two members, one of FL_SIB_DOMINANT_MIN items or more. True
 * when it cannot be told here (a member's items in two families, which
 * its clean form may join): family_order then tells. */
static bool may_check(const member_note *notes, size_t nm)
{
    for (size_t j = 0; j < nm; j++)
        if (notes[j].mixed)
            return true;
    for (size_t j = 0; j < nm; j++) {
        if (notes[j].items < FL_SIB_DOMINANT_MIN)
            continue;
        for (size_t k = 0; k < nm; k++)
            if (k != j && key_cmp(notes[k].family, notes[j].family) == 0)
                return true;
    }
    return false;
}

/* Whether code mention m is an item, and its family and member keys. */
static inline __attribute__((always_inline)) bool
item_keys(const fl_doc *doc, const fl_mention *m, const char **family, const char **member)
{
    if (!m->surface)
        return false;
    *family = m->family;
    *member = m->skeleton ? m->skeleton : m->fold;
    if (!*family || !**family) {
        const char *canonical = NULL;
        *family = lexicon_family(doc, m, &canonical);
        *member = canonical;
    }
    return *family && **family && *member && **member;
}

static void run(fl_doc *doc)
{
    const uint32_t *of_kind;
    size_t count = fl_ctx_mentions_of(doc, 1u << FL_M_CODE, &of_kind);
    /* the code mentions bound the items (those with a surface, counted
     * below) */
    if (count < FL_SIB_DOMINANT_MIN + 1)
        return;
    /* the members noted as the items are counted: most documents' families
     * have one member each, and are then left before the items are listed
     * (family_order's first pass would find each member's clean form
     * again) */
    const char *members[FEW_KEYS] = {0}, *last = NULL;
    member_note notes[FEW_KEYS] = {{0}};
    size_t nm = 0, last_j = 0;
    bool noted = true;
    size_t n = 0;
    /* the last item's own family and member keys (the mention's pointers;
     * last_family NULL when its family came from the lexicon): a code
     * with the same two pointers is an item of the same member and family,
     * as most are (a document names a code over and over), and is counted
     * without its keys tested again */
    const char *last_family = NULL, *last_member = NULL;
    for (size_t x = 0; x < count; x++) {
        const fl_mention *m = FL_DOC_MENTION(doc, of_kind[x]);
        if (m->family == last_family && last_family &&
            (m->skeleton ? m->skeleton : m->fold) == last_member && m->surface) {
            n++;
            if (noted)
                notes[last_j].items++;
            continue;
        }
        const char *family, *member;
        if (!item_keys(doc, m, &family, &member))
            continue;
        n++;
        noted = noted && note_member(members, &nm, notes, &last, &last_j, family, member);
        last_family = family == m->family ? family : NULL;
        last_member = member;
    }
    if (n < FL_SIB_DOMINANT_MIN + 1 || (noted && !may_check(notes, nm)))
        return;
    sib_item *items = fl_arena_alloc_uninit(doc->arena, n * sizeof *items);
    if (!items) {
        fl_ctx_oom(doc);
        return;
    }
    n = 0;
    for (size_t x = 0; x < count; x++) {
        size_t i = of_kind[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        const char *family, *member;
        if (item_keys(doc, m, &family, &member))
            items[n++] = (sib_item){family, member, i, m->sentence};
    }
    /* one member written with look-alikes ("H2O" for "H20") gets the family
     * of its clean form (the mention whose fold is the skeleton); then the
     * items are put in family, member, mention order */
    bool any;
    items = family_order(doc, items, n, &any);
    if (!items) {
        fl_ctx_oom(doc);
        return;
    }
    if (!any)
        return; /* no family check_family would look into */
    for (size_t i = 0; i < n && doc->status == FL_OK;) {
        size_t j = i;
        while (j < n && key_cmp(items[j].family, items[i].family) == 0)
            j++;
        check_family(doc, items + i, j - i);
        i = j;
    }
}

const fl_check_def fl_check_entity_sibling = {
    {"entity-sibling", "a lone member of a product family where the document discusses another",
     FL_SEV_WARNING,
     "Nvidia may keep selling the H20 to China. The H20 is Nvidia's export chip for China. "
     "Sales of the H20 in China were strong. Permitting Nvidia to keep sending H100 chips to "
     "China drew criticism.",
     "Nvidia may keep selling the H20 to China. The H20 is Nvidia's export chip for China. "
     "Sales of the H20 in China were strong. The H20 is a cut-down version of the H100 sold "
     "elsewhere.",
     "A product family (codes that share a letter prefix and digit shape, such as H20, H100 "
     "and H800, or a family from the lexicon) is checked as one bucket. When one member is "
     "mentioned at least 3 times and another only once or twice, the lone one is flagged if its "
     "sentence shares at least 3 stemmed content words with the dominant member's sentences "
     "and at least 0.75 more than an average unrelated sentence of the same document shares "
     "(thresholds chosen on BBC news and the evaluation corpus). The check is silent on "
     "deliberate comparisons: the dominant member, or another member next to it, in the same "
     "sentence; a sentence with a contrast word "
     "(than, versus, unlike, compared, successor, predecessor, replaced, upgrade, older, newer, "
     "previous, next-generation, cut-down, version of...); and documents that discuss several "
     "members at length (3 or more plain mentions each). A move to another member (switched to "
     "the F-35) or a list (Section 301 or other duties) is deliberate too, and so is a mention "
     "within 2 sentences of a deliberate one; a member is judged by its plain mentions only. "
     "The suggestion is the dominant member."},
    run,
    false,
};

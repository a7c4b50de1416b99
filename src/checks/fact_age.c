/* fact_age.c - one person given two ages.
 *
 * Bucketing: every age mention linked to a person is keyed by that
 * person's entity (the root of the name's coreference chain, so "Huang"
 * joins "Jensen Huang"); the keys are sorted and each run of equal keys is
 * one person. Within a person the most common age wins (ties: the first)
 * and every other age is flagged against it, so the work is O(n log n).
 *
 * Silent when the text lets time pass: a person whose sentences speak of a
 * birthday or turning an age is skipped whole; an age stated as past or
 * with a time cue right beside it ("was 30", "at 23", "29 at the time",
 * "by then", "ten years ago", "in 2019") is left out. An apposition
 * (", 62," or "the 62-year-old") otherwise counts as the age at the time
 * of writing. A bare surname shared by two different full names in the
 * document is not trusted to pick a person. An age with no name that opens
 * its sentence before a leader noun ("The 67-year-old union leader said")
 * belongs to the one person named in its paragraph or the one before. */
#include "fact_common.h"

#include <stdio.h>

enum { MAX_AGE = 130 };

/* A birthday or a changing age ("turned 63", "turns 40 next week"): the
 * person is skipped. */
static const char *const birthday_cues[] = {
    "turn* 1*",    "turn* 2*",    "turn* 3*",    "turn* 4*",    "turn* 5*",    "turn* 6*",
    "turn* 7*",    "turn* 8*",    "turn* 9*",    "birthday*",   "will be 1*",  "will be 2*",
    "will be 3*",  "will be 4*",  "will be 5*",  "will be 6*",  "will be 7*",  "will be 8*",
    "will be 9*",  "would be 1*", "would be 2*", "would be 3*", "would be 4*", "would be 5*",
    "would be 6*", "would be 7*", "would be 8*", "would be 9*", NULL};

/* Near an age, words that put it at another time: this one age is
 * skipped ("Marsh, 29 at the time,", "by then Okonkwo, 60,", "37 ten
 * years ago"). An apposition (", 62,", "the 62-year-old") is otherwise the
 * age at the time of writing, whatever else the sentence dates. */
static const char *const time_cues[] = {
    "when", "while", "ago",    "at the time", "by then", "then",   "at age", "at the age", "until",
    "once", "born",  "became", "youngest",    "oldest",  "in 19*", "in 20*", NULL};

/* Words right before the number that make the age a past or other one:
 * "Huang was 30", "at 23", "age 12". */
static const char *const past_words[] = {"was", "were", "been", "at", "age", "then", NULL};

/* Per-sentence cue cache: 0 unknown, 1 no, 2 yes. */
static bool cached_has(const fl_doc *doc, unsigned char *cache, size_t s, const char *const *cues)
{
    if (!cache[s])
        cache[s] = fl_ctx_sentence_has(doc, s, cues) ? 2 : 1;
    return cache[s] == 2;
}

/* The digits of the age inside its mention ("63" in "63-year-old"). */
static bool age_digits(const fl_doc *doc, const fl_mention *m, size_t *off, size_t *len)
{
    const char *p = doc->prose.text;
    size_t i = m->off, end = m->off + m->len;
    while (i < end && !(p[i] >= '0' && p[i] <= '9'))
        i++;
    size_t j = i;
    while (j < end && p[j] >= '0' && p[j] <= '9')
        j++;
    if (j == i)
        return false;
    *off = i;
    *len = j - i;
    return true;
}

/* Lower-cased last word of a name, or NULL for a one-word name. */
static const char *surname_of(fl_doc *doc, const char *name)
{
    const char *sp = strrchr(name, ' ');
    if (!sp || !sp[1])
        return NULL;
    char *s = fl_arena_strndup(doc->arena, sp + 1, strlen(sp + 1));
    if (s)
        for (char *c = s; *c; c++)
            *c = fl_ctx_lower(*c);
    return s;
}

/* Surnames shared by two or more different multi-word names, sorted into
 * *out. Returns false when out of memory. */
static bool shared_surnames(fl_doc *doc, const char ***out_names, size_t *count)
{
    fl_vec items;
    fl_vec_init(&items, sizeof(fc_item));
    const uint32_t *names;
    size_t nn = fl_ctx_mentions_of(doc, 1u << FL_M_NAME, &names);
    for (size_t x = 0; x < nn; x++) {
        size_t i = names[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (!m->surface || !strchr(m->surface, ' '))
            continue;
        const char *key = fc_entity_key(doc, (long)i);
        const char *sur = surname_of(doc, m->surface);
        if (!key || !sur)
            continue;
        if (!fc_add_item(doc, &items, sur, m->off, i, 0))
            return false;
    }
    fc_sort_items(&items);
    fl_vec out;
    fl_vec_init(&out, sizeof(const char *));
    const fc_item *it = items.items;
    for (size_t a = 0; a < items.count;) {
        size_t b = a + 1;
        bool differ = false;
        const char *k0 = fc_entity_key(doc, (long)it[a].mention);
        for (; b < items.count && strcmp(it[b].key, it[a].key) == 0; b++)
            if (!differ && strcmp(fc_entity_key(doc, (long)it[b].mention), k0) != 0)
                differ = true;
        if (differ) {
            if (!fc_add_key(doc, &out, it[a].key))
                return false;
        }
        a = b;
    }
    *out_names = out.items;
    *count = out.count;
    return true;
}

static bool is_shared_surname(const char **shared, size_t count, const char *surface)
{
    if (!count || !surface || strchr(surface, ' '))
        return false;
    char buf[128];
    size_t n = strlen(surface);
    if (n >= sizeof buf)
        return false;
    for (size_t i = 0; i <= n; i++)
        buf[i] = fl_ctx_lower(surface[i]);
    /* a possessive is not part of the name */
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
        buf[n - 2] = '\0';
    const char *key = buf;
    return bsearch(&key, shared, count, sizeof *shared, fc_key_order) != NULL;
}

/* An age linked to a person, a whole number of years. */
static bool usable_age(const fl_doc *doc, const fl_mention *m, long person)
{
    return m->kind == FL_M_AGE && m->sentence < doc->sentences.count && person >= 0 &&
           (size_t)person < doc->mentions.count && m->number >= 0 && m->number <= MAX_AGE &&
           m->number == (double)(int)m->number;
}

/* Nouns for the person a story is about ("the 67-year-old union leader");
 * not "man", "driver", "suspect" or "victim", who are usually someone
 * new. */
static const char *const leader_nouns[] = {
    "leader",     "chief",      "executive", "president", "founder",     "co-founder",
    "chairman",   "chairwoman", "boss",      "minister",  "senator",     "governor",
    "mayor",      "justice",    "captain",   "coach",     "billionaire", "entrepreneur",
    "politician", "lawmaker",   "veteran",   NULL};

static bool lower_word(const char *p, size_t at, size_t end, size_t *we)
{
    size_t i = at;
    while (i < end && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] == '-' && i > at)))
        i++;
    *we = i;
    return i > at && (i == end || !((p[i] >= 'A' && p[i] <= 'Z') || (unsigned char)p[i] >= 0x80 ||
                                    (p[i] >= '0' && p[i] <= '9')));
}

/* "The 67-year-old union leader said ...": an age with no name that opens
 * its sentence before a leader noun is the person the paragraph and the one
 * before are about, when exactly one person (a name an age or title is
 * linked to elsewhere) is named there before it. Returns the name or -1. */
static long described_person(const fl_doc *doc, size_t i, const char *const *known, size_t nknown)
{
    const fl_mention *m = FL_DOC_MENTION(doc, i);
    const fl_sentence *sen = FL_DOC_SENTENCE(doc, m->sentence);
    const char *p = doc->prose.text;
    size_t end = sen->off + sen->len, at = sen->off;
    if (m->off < at + 4 || !fc_eq(p + at, 3, "the") || m->off != at + 4 || p[at + 3] != ' ')
        return -1;
    if (p[m->off + m->len - 1] != 'd') /* "67-year-old", not "aged 67" */
        return -1;
    size_t w = m->off + m->len, we;
    bool leader = false;
    for (int k = 0; k < 2 && !leader; k++) {
        if (w >= end || p[w] != ' ' || !lower_word(p, w + 1, end, &we))
            return -1;
        for (int x = 0; leader_nouns[x] && !leader; x++)
            leader = fc_eq(p + w + 1, we - w - 1, leader_nouns[x]);
        w = we;
    }
    if (!leader)
        return -1;
    long found = -1;
    const char *found_key = NULL;
    /* a bounded look back: one huge paragraph stays linear */
    for (size_t j = i; j-- > 0 && i - j <= 256;) {
        const fl_mention *c = FL_DOC_MENTION(doc, j);
        if (c->sentence >= doc->sentences.count)
            continue;
        size_t para = FL_DOC_SENTENCE(doc, c->sentence)->paragraph;
        if (para + 1 < sen->paragraph)
            break;
        if (c->kind != FL_M_NAME || c->sentence == m->sentence)
            continue;
        const char *key = fc_entity_key(doc, (long)j);
        if (!key || !fc_key_in(known, nknown, key))
            continue;
        if (found_key && strcmp(found_key, key) != 0)
            return -1;
        if (!found_key) {
            found = (long)j;
            found_key = key;
        }
    }
    return found;
}

/* The person each mention (an age) is about: its link, or the person a
 * described age refers to; *nages counts the age mentions. NULL when out
 * of memory. */
static long *age_persons(fl_doc *doc, size_t *nages)
{
    size_t n = doc->mentions.count;
    /* not zeroed: every entry is set */
    long *who = fl_arena_alloc_uninit(doc->arena, n * sizeof *who);
    fl_vec known;
    fl_vec_init(&known, sizeof(const char *));
    if (!who)
        return NULL;
    bool described = false;
    *nages = 0;
    /* who[] is read for ages only */
    const uint32_t *of_kind;
    size_t nk = fl_ctx_mentions_of(doc, 1u << FL_M_AGE | 1u << FL_M_TITLE, &of_kind);
    for (size_t x = 0; x < nk; x++) {
        size_t i = of_kind[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        who[i] = m->person;
        *nages += m->kind == FL_M_AGE;
        described = described || (m->kind == FL_M_AGE && m->person < 0);
    }
    if (*nages < 2 || !described)
        return who; /* nothing to describe, or no two ages (run stops) */
    /* the people the ages and titles are linked to: listed only for a
     * document with an age to describe (most have none, and their
     * people's keys were looked up for nothing) */
    for (size_t x = 0; x < nk; x++) {
        const fl_mention *m = FL_DOC_MENTION(doc, of_kind[x]);
        if ((m->kind == FL_M_AGE || m->kind == FL_M_TITLE) && m->person >= 0 &&
            (size_t)m->person < n) {
            const char *key = fc_entity_key(doc, m->person);
            if (key && !fc_add_key(doc, &known, key))
                return NULL;
        }
    }
    if (!known.count)
        return who;
    qsort(known.items, known.count, sizeof(const char *), fc_key_order);
    for (size_t x = 0; x < nk; x++) {
        size_t i = of_kind[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (m->kind == FL_M_AGE && m->person < 0 && m->sentence < doc->sentences.count)
            who[i] = described_person(doc, i, known.items, known.count);
    }
    return who;
}

static void run(fl_doc *doc)
{
    size_t n = doc->mentions.count, ns = doc->sentences.count;
    if (!n || !ns)
        return;
    /* a person given two ages needs two ages of different numbers */
    const uint32_t *age_list;
    size_t nlisted = fl_ctx_mentions_of(doc, 1u << FL_M_AGE, &age_list);
    bool two_numbers = false;
    for (size_t x = 1; x < nlisted && !two_numbers; x++)
        two_numbers =
            FL_DOC_MENTION(doc, age_list[x])->number != FL_DOC_MENTION(doc, age_list[0])->number;
    if (!two_numbers)
        return;
    size_t nages;
    long *person = age_persons(doc, &nages);
    if (!person) {
        fl_ctx_oom(doc);
        return;
    }
    if (nages < 2)
        return; /* no two ages to differ */
    /* first the people given two different ages: only their sentences
     * are read for birthdays (keeps the check cheap on long documents) */
    fl_vec ages, cands;
    fl_vec_init(&ages, sizeof(fc_item));
    fl_vec_init(&cands, sizeof(const char *));
    const uint32_t *of_kind;
    size_t nage = fl_ctx_mentions_of(doc, 1u << FL_M_AGE, &of_kind);
    for (size_t x = 0; x < nage; x++) {
        size_t i = of_kind[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (!usable_age(doc, m, person[i]))
            continue;
        const char *key = fc_entity_key(doc, person[i]);
        if (key && !fc_add_item(doc, &ages, key, m->off, i, 0))
            return;
    }
    fc_sort_items(&ages);
    const fc_item *ai = ages.items;
    for (size_t a = 0, b; a < ages.count; a = b) {
        bool differ = false;
        for (b = a + 1; b < ages.count && strcmp(ai[b].key, ai[a].key) == 0; b++)
            differ = differ || FL_DOC_MENTION(doc, ai[b].mention)->number !=
                                   FL_DOC_MENTION(doc, ai[a].mention)->number;
        if (differ && !fc_add_key(doc, &cands, ai[a].key))
            return;
    }
    if (!cands.count)
        return;
    unsigned char *birthday = fl_arena_alloc(doc->arena, ns);
    if (!birthday) {
        fl_ctx_oom(doc);
        return;
    }
    const char *const *cand = cands.items;
    size_t shared_count = 0;
    const char **shared = NULL;
    if (!shared_surnames(doc, &shared, &shared_count)) {
        fl_ctx_oom(doc);
        return;
    }

    /* aux 0: an age; aux 1: a sentence about the person with a birthday */
    fl_vec items;
    fl_vec_init(&items, sizeof(fc_item));
    const uint32_t *ages_names;
    size_t nan = fl_ctx_mentions_of(doc, 1u << FL_M_AGE | 1u << FL_M_NAME, &ages_names);
    for (size_t x = 0; x < nan; x++) {
        size_t i = ages_names[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (m->sentence >= ns)
            continue;
        const char *key = NULL;
        int aux = 0;
        if (m->kind == FL_M_AGE && usable_age(doc, m, person[i])) {
            const fl_mention *who = FL_DOC_MENTION(doc, (size_t)person[i]);
            if (is_shared_surname(shared, shared_count, who->surface))
                continue;
            key = fc_entity_key(doc, person[i]);
            if (!key || !fc_key_in(cand, cands.count, key))
                continue;
            aux = cached_has(doc, birthday, m->sentence, birthday_cues) ? 1 : 0;
        } else if (m->kind == FL_M_NAME) {
            key = fc_entity_key(doc, (long)i);
            if (!key || !fc_key_in(cand, cands.count, key) ||
                !cached_has(doc, birthday, m->sentence, birthday_cues))
                continue;
            aux = 1;
        } else {
            continue;
        }
        if (!fc_add_item(doc, &items, key, m->off, i, aux))
            return;
    }
    fc_sort_items(&items);

    const fc_item *it = items.items;
    size_t count[MAX_AGE + 1];
    /* set when count[v] turns nonzero; zeroed once so the analyzer does not
     * take the entries of other ages for garbage */
    size_t first_at[MAX_AGE + 1] = {0};
    for (size_t a = 0; a < items.count;) {
        size_t b = a;
        bool skip = false;
        while (b < items.count && strcmp(it[b].key, it[a].key) == 0) {
            skip = skip || it[b].aux == 1;
            b++;
        }
        if (skip || b - a < 2) {
            a = b;
            continue;
        }
        /* the ages that count: not looking back or ahead, not "at 23" */
        memset(count, 0, sizeof count);
        size_t used = 0;
        for (size_t k = a; k < b; k++) {
            const fl_mention *m = FL_DOC_MENTION(doc, it[k].mention);
            size_t doff, dlen;
            bool past = false;
            if (age_digits(doc, m, &doff, &dlen)) {
                size_t t = fc_token_at(doc, doff);
                /* "aged 62" keeps its own word; look before it */
                if (t > 0 && fc_tok_is(doc, t - 1, "aged") && doff > m->off)
                    t--;
                past = t > 0 && fc_tok_in(doc, t - 1, past_words) >= 0 &&
                       FL_DOC_TOKEN(doc, t - 1)->off >= FL_DOC_SENTENCE(doc, m->sentence)->off;
            }
            if (past || fl_ctx_window_has(doc, m->off, m->len, 3, 4, time_cues)) {
                ((fc_item *)items.items)[k].aux = 2;
                continue;
            }
            int age = (int)m->number;
            if (!count[age])
                first_at[age] = k;
            count[age]++;
            used++;
        }
        int best = -1;
        for (int v = 0; v <= MAX_AGE; v++)
            if (count[v] && (best < 0 || count[v] > count[best] ||
                             (count[v] == count[best] && first_at[v] < first_at[best])))
                best = v;
        if (best < 0 || count[best] == used) {
            a = b;
            continue;
        }
        for (size_t k = a; k < b; k++) {
            if (it[k].aux == 2)
                continue;
            const fl_mention *m = FL_DOC_MENTION(doc, it[k].mention);
            if ((int)m->number == best)
                continue;
            /* the other side: the first age agreeing with the majority in
             * another sentence */
            const fl_mention *ref = NULL;
            for (size_t r = a; r < b && !ref; r++) {
                const fl_mention *c = FL_DOC_MENTION(doc, it[r].mention);
                if (it[r].aux != 2 && (int)c->number == best && c->sentence != m->sentence)
                    ref = c;
            }
            if (!ref)
                continue;
            size_t off, len, roff, rlen;
            if (!age_digits(doc, m, &off, &len) || !age_digits(doc, ref, &roff, &rlen))
                continue;
            const fl_mention *who = FL_DOC_MENTION(doc, (size_t)person[it[k].mention]);
            if (!fc_report_conflict(doc, "fact-age", "age", who->surface, off, len, roff, rlen))
                return;
        }
        a = b;
    }
}

const fl_check_def fl_check_fact_age = {
    {"fact-age", "one person given two ages", FL_SEV_WARNING,
     "Nvidia chief Jensen Huang, 62, spoke first. Later the 63-year-old Huang took questions.",
     "Jensen Huang, 62, spoke first. Huang, who turned 63 this week, took questions.",
     "An age is a fact about a person at the time of writing, so one person should have one "
     "age throughout a document. Ages are grouped by the person they describe (a surname "
     "alone joins the full name it refers to); an age that differs from the person's most "
     "common age is flagged, with that age as the suggestion. The check stays silent when the "
     "text lets time pass for that person (a birthday, \"turned 63\"), for an age stated as "
     "past or beside a time cue (\"when he was 30\", \"29 at the time\", \"years ago\", \"in "
     "2019 he was\", \"by then\", \"at 23\"), and when a bare surname is shared by two different "
     "full names."},
    run,
    false};

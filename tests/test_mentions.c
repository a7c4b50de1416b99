/* test_mentions.c - mention extraction cases as data (tests/data/mentions,
 * see its README), one runner; plus limits, a pathological line and the
 * news corpus when present. */
#include "internal.h"
#include "mentions.h"
#include "suppress.h"
#include "test_files.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DATA_DIR "tests/data/mentions"
#define NEWS_DIR "../shared/data/news-dev"

enum { MAX_CASES = 1000, MAX_EXPECT = 32 };

typedef struct expect {
    char *kind, *surface;
    char *keys[8], *values[8];
    size_t nkeys;
} expect;

typedef struct mcase {
    char where[128];
    char *input;
    char *kinds; /* NULL: all */
    expect expects[MAX_EXPECT];
    size_t nexpect;
} mcase;

static mcase cases[MAX_CASES];
static size_t ncases;

/* ------------------------------------------------------------- loading */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static void parse_expect(expect *e, char *line)
{
    char *parts[12];
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *bar = strstr(p, " | ");
        if (bar)
            *bar = '\0';
        if (n < 12)
            parts[n++] = trim(p);
        if (!bar)
            break;
        p = bar + 3;
    }
    e->kind = strdup(parts[0]);
    e->surface = strdup(n > 1 ? parts[1] : "");
    for (size_t i = 2; i < n && e->nkeys < 8; i++) {
        char *eq = strchr(parts[i], '=');
        if (!eq)
            continue;
        *eq = '\0';
        e->keys[e->nkeys] = strdup(parts[i]);
        e->values[e->nkeys] = strdup(eq + 1);
        e->nkeys++;
    }
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_file(const char *path, const char *name)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[4096];
    int lineno = 0;
    mcase *c = NULL;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = trim(line);
        if (*s == '#')
            continue;
        if (*s == '\0') {
            c = NULL;
            continue;
        }
        if (s[0] == '>') {
            if (ncases >= MAX_CASES)
                break;
            c = &cases[ncases++];
            memset(c, 0, sizeof *c);
            snprintf(c->where, sizeof c->where, "%s:%d", name, lineno);
            c->input = strdup(trim(s + 1));
            continue;
        }
        if (!c)
            continue;
        if (s[0] == '@') {
            c->kinds = strdup(trim(s + 1));
        } else if (strcmp(s, "none") == 0) {
            /* nothing expected */
        } else if (c->nexpect < MAX_EXPECT) {
            parse_expect(&c->expects[c->nexpect++], s);
        }
    }
    fclose(f);
}

static void load_cases(void)
{
    const char *dir = getenv("FL_MENTION_DATA") ? getenv("FL_MENTION_DATA") : DATA_DIR;
    DIR *d = opendir(dir);
    if (!d)
        return;
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        load_file(path, names[i]);
        free(names[i]);
    }
}

/* ------------------------------------------------------------ running */

typedef struct run {
    fl_patterns *patterns;
    fl_source *src;
    fl_doc doc;
    fl_status status;
} run;

/* Runs the pipeline up to the mentions on text with the given patterns,
 * which r does not own. */
static void run_with(run *r, const fl_patterns *patterns, const char *text, size_t len,
                     size_t max_mentions)
{
    memset(r, 0, sizeof *r);
    fl_error err;
    ck_assert_int_eq(fl_source_new("case.txt", text, len, &r->src, &err), FL_OK);
    fl_doc *doc = &r->doc;
    doc->arena = fl_arena_new();
    ck_assert_ptr_nonnull(doc->arena);
    doc->src = r->src;
    doc->patterns = patterns;
    doc->max_mentions = max_mentions;
    fl_vec_init(&doc->sentences, sizeof(fl_sentence));
    fl_vec_init(&doc->tokens, sizeof(fl_token));
    fl_vec_init(&doc->mentions, sizeof(fl_mention));
    fl_vec_init(&doc->findings, sizeof(fl_finding));
    fl_vec_init(&doc->directives, sizeof(fl_directive));
    ck_assert_int_eq(fl_extract_text(doc), FL_OK);
    ck_assert_int_eq(fl_segment(doc), FL_OK);
    r->status = fl_find_mentions(doc);
}

/* As run_with, with patterns of its own. */
static void run_text(run *r, const char *text, size_t len, size_t max_mentions)
{
    fl_patterns *patterns;
    fl_error err;
    ck_assert_int_eq(fl_patterns_new(&patterns, &err), FL_OK);
    run_with(r, patterns, text, len, max_mentions);
    r->patterns = patterns;
}

static void run_free(run *r)
{
    fl_arena_free(r->doc.arena);
    fl_source_free(r->src);
    fl_patterns_free(r->patterns);
}

static bool kind_wanted(const mcase *c, const char *kind)
{
    if (!c->kinds)
        return true;
    const char *p = c->kinds;
    size_t n = strlen(kind);
    while ((p = strstr(p, kind)) != NULL) {
        bool start = p == c->kinds || p[-1] == ' ' || p[-1] == ',';
        bool end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';
        if (start && end)
            return true;
        p += n;
    }
    return false;
}

static const char *linked(const fl_doc *doc, long i)
{
    return i < 0 ? "-" : FL_DOC_MENTION(doc, i)->surface;
}

static const char *key_value(fl_doc *doc, const fl_mention *m, const char *key, char *buf,
                             size_t cap)
{
    if (strcmp(key, "value") == 0)
        return fl_mention_value_string(doc, m);
    if (strcmp(key, "fold") == 0)
        return m->fold;
    if (strcmp(key, "skeleton") == 0)
        return m->skeleton;
    if (strcmp(key, "family") == 0)
        return m->family;
    if (strcmp(key, "unit") == 0)
        return m->unit ? m->unit : "";
    if (strcmp(key, "expansion") == 0)
        return m->expansion ? m->expansion : "";
    if (strcmp(key, "person") == 0)
        return linked(doc, m->person);
    if (strcmp(key, "entity") == 0)
        return linked(doc, m->entity);
    if (strcmp(key, "sentence") == 0) {
        snprintf(buf, cap, "%zu", (size_t)m->sentence);
        return buf;
    }
    return "(unknown key)";
}

static void describe(fl_doc *doc, const mcase *c, char *out, size_t cap)
{
    size_t n = 0;
    n += (size_t)snprintf(out + n, cap - n, "found:");
    for (size_t i = 0; i < doc->mentions.count && n < cap; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (!kind_wanted(c, fl_mention_kind_name(m->kind)))
            continue;
        n += (size_t)snprintf(out + n, cap - n, "\n  %s | %s | value=%s | person=%s | entity=%s",
                              fl_mention_kind_name(m->kind), m->surface,
                              fl_mention_value_string(doc, m), linked(doc, m->person),
                              linked(doc, m->entity));
    }
}

START_TEST(test_case)
{
    ck_assert_msg((size_t)_i < ncases, "no case %d", _i);
    const mcase *c = &cases[_i];
    run r;
    run_text(&r, c->input, strlen(c->input), 100000);
    ck_assert_msg(r.status == FL_OK, "%s: status %d", c->where, r.status);
    fl_doc *doc = &r.doc;
    char found[4096];
    describe(doc, c, found, sizeof found);
    size_t k = 0;
    for (size_t i = 0; i < doc->mentions.count; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        const char *kind = fl_mention_kind_name(m->kind);
        if (!kind_wanted(c, kind))
            continue;
        ck_assert_msg(k < c->nexpect, "%s: unexpected %s \"%s\"\n%s", c->where, kind, m->surface,
                      found);
        const expect *e = &c->expects[k++];
        ck_assert_msg(strcmp(e->kind, kind) == 0 && strcmp(e->surface, m->surface) == 0,
                      "%s: expected %s \"%s\", got %s \"%s\"\n%s", c->where, e->kind, e->surface,
                      kind, m->surface, found);
        /* the span is the surface, at its place in the input */
        ck_assert_msg(m->off + m->len <= strlen(c->input) &&
                          memcmp(c->input + m->off, m->surface, m->len) == 0,
                      "%s: span of \"%s\"", c->where, m->surface);
        for (size_t j = 0; j < e->nkeys; j++) {
            char buf[32];
            const char *got = key_value(doc, m, e->keys[j], buf, sizeof buf);
            ck_assert_msg(strcmp(got, e->values[j]) == 0, "%s: %s \"%s\": %s is \"%s\", not \"%s\"",
                          c->where, kind, m->surface, e->keys[j], got, e->values[j]);
        }
    }
    ck_assert_msg(k == c->nexpect, "%s: missing %s \"%s\"\n%s", c->where, c->expects[k].kind,
                  c->expects[k].surface, found);
    run_free(&r);
}
END_TEST

START_TEST(test_enough_cases)
{
    ck_assert_msg(ncases >= 150, "only %zu mention cases", ncases);
}
END_TEST

/* A document with more mentions than the extraction buffer's first room
 * (a large one) has them compacted in place (see compact in mentions.c),
 * a small one copied into the arena: the same paragraph repeated until
 * the buffer grows gives, in every copy, the mentions the paragraph gives
 * alone (kind, place, surface, the surfaces of the links), in offset
 * order, with links to mentions of the same kind as alone. The paragraph
 * mixes sentences of one mention with ones whose extractors find theirs
 * out of offset order, links within a sentence (an age, a title) and
 * across (a surname), and a tentative name. */
START_TEST(test_compact_in_place)
{
    static const char para[] =
        "Maria Lopez, 52, the finance minister of Ruritania, said on March 3, 2024 that "
        "the H20 chips cost $4.5 million, up 5% from 2023. Prices rose 7%. Lopez said the "
        "IMF (International Monetary Fund) agreed with Nvidia and AMD on Tuesday. Chief "
        "executive John Okafor, 61, disagreed. Golden Harvest Trading denied it.\n\n";
    const size_t pl = sizeof para - 1;
    run one;
    run_text(&one, para, pl, 0);
    ck_assert_int_eq(one.status, FL_OK);
    const fl_doc *d1 = &one.doc;
    const size_t per = d1->mentions.count;
    ck_assert_uint_ge(per, 12);
    /* past the buffer's first room (at most 65,536 + 16 mentions) */
    const size_t copies = 70000 / per + 1;
    size_t len;
    char *text = repeat_text(para, pl, copies, &len);
    ck_assert_ptr_nonnull(text);
    run many;
    run_with(&many, one.patterns, text, len, 0);
    ck_assert_int_eq(many.status, FL_OK);
    const fl_doc *d = &many.doc;
    ck_assert_uint_eq(d->mentions.count, copies * per);
    size_t linked_seen = 0;
    for (size_t i = 0; i < d->mentions.count; i++) {
        const fl_mention *m = FL_DOC_MENTION(d, i), *a = FL_DOC_MENTION(d1, i % per);
        const size_t shift = i / per * pl;
        ck_assert_int_eq(m->kind, a->kind);
        ck_assert_uint_eq(m->off, a->off + shift);
        ck_assert_uint_eq(m->len, a->len);
        ck_assert_str_eq(m->surface, a->surface);
        ck_assert_str_eq(linked(d, m->person), linked(d1, a->person));
        ck_assert_str_eq(linked(d, m->entity), linked(d1, a->entity));
        if (m->person >= 0)
            ck_assert_int_eq(FL_DOC_MENTION(d, m->person)->kind,
                             FL_DOC_MENTION(d1, a->person)->kind);
        if (m->entity >= 0)
            ck_assert_int_eq(FL_DOC_MENTION(d, m->entity)->kind,
                             FL_DOC_MENTION(d1, a->entity)->kind);
        linked_seen += m->person >= 0 || m->entity >= 0;
    }
    /* the paragraph's links were found and kept in every copy */
    ck_assert_uint_gt(linked_seen, 0);
    ck_assert_uint_eq(linked_seen % copies, 0);
    run_free(&many);
    run_free(&one);
    free(text);
}
END_TEST

START_TEST(test_max_mentions)
{
    const char *text = "Nvidia sold H20 chips to Acme and Globex in Paris, Berlin and Rome.";
    run r;
    run_text(&r, text, strlen(text), 3);
    ck_assert_int_eq(r.status, FL_ELIMIT);
    ck_assert_int_eq(r.doc.status, FL_ELIMIT);
    run_free(&r);
    run_text(&r, text, strlen(text), 100);
    ck_assert_int_eq(r.status, FL_OK);
    ck_assert_uint_gt(r.doc.mentions.count, 3);
    run_free(&r);
}
END_TEST

/* A document that comes with more mentions than the memo's first index
 * holds (fl_find_mentions run again over its own output: each mention
 * already there has a memo entry of its own, not indexed) is read in
 * bounded time, and keeps them. */
START_TEST(test_mentions_already_there)
{
    char text[8192];
    size_t n = 0;
    for (int i = 0; n + 16 < sizeof text; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "$%d%s", 100 + i,
                              i % 12 == 11 ? ".\n" : ", ");
    run r;
    run_text(&r, text, n, 100000);
    ck_assert_int_eq(r.status, FL_OK);
    size_t first = r.doc.mentions.count;
    ck_assert_uint_gt(first, 2 * 512); /* past twice the memo's first index */
    ck_assert_int_eq(fl_find_mentions(&r.doc), FL_OK);
    ck_assert_uint_ge(r.doc.mentions.count, first);
    run_free(&r);
}
END_TEST

START_TEST(test_kind_names)
{
    ck_assert_str_eq(fl_mention_kind_name(FL_M_CODE), "code");
    ck_assert_str_eq(fl_mention_kind_name(FL_M_ACRONYM_DEF), "acronym-definition");
    ck_assert_str_eq(fl_mention_kind_name(FL_M_TITLE), "title");
    ck_assert_str_eq(fl_mention_kind_name(FL_M_KIND_COUNT), "unknown");
}
END_TEST

/* The word-class table answers as the lists: case folded except for
 * particles, whole words only, letters only. */
START_TEST(test_word_classes)
{
    fl_word_table *t = malloc(sizeof *t);
    ck_assert_ptr_nonnull(t);
    fl_word_table_build(t);
    fl_mx mx;
    memset(&mx, 0, sizeof mx);
    mx.words_table = t;
    ck_assert(fl_common_word(&mx, "The", 3));
    ck_assert(fl_common_word(&mx, "HOWEVER", 7));
    ck_assert(!fl_common_word(&mx, "Theory", 6));
    ck_assert(!fl_common_word(&mx, "th", 2));
    ck_assert(!fl_common_word(&mx, "the-", 4));
    ck_assert_uint_eq(fl_mx_word_class(&mx, "von", 3, FL_WC_PARTICLE), FL_WC_PARTICLE);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "Von", 3, FL_WC_PARTICLE), 0);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "of", 2, FL_WC_PARTICLE | FL_WC_COMMON),
                      FL_WC_PARTICLE | FL_WC_COMMON);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "CEO", 3, FL_WC_ROLE), FL_WC_ROLE);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "representative", 14, FL_WC_ROLE), FL_WC_ROLE);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "chief", 5, FL_WC_COMMON), 0);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "Wednesday", 9, FL_WC_CALENDAR), FL_WC_CALENDAR);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "said", 4, FL_WC_REPORTING), FL_WC_REPORTING);
    ck_assert_uint_eq(fl_mx_word_class(&mx,
                                       "sa\xc3\xaf"
                                       "d",
                                       5, FL_WC_REPORTING),
                      0);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "whateverwhatever", 16, FL_WC_COMMON), 0);
    ck_assert_uint_eq(fl_mx_word_class(&mx, "whateverwhatevers", 17, FL_WC_COMMON), 0);
    free(t);
}
END_TEST

/* fl_particle_may, the filter before the particle lookup of the names'
 * walk, lets every particle of the word table through (each slot's word
 * lower-cased, byte k at bits 8k of lo), and rules out common words that
 * follow names. */
START_TEST(test_particle_filter)
{
    fl_word_table *t = malloc(sizeof *t);
    ck_assert_ptr_nonnull(t);
    fl_word_table_build(t);
    size_t particles = 0;
    for (size_t k = 0; k < FL_WORD_SLOTS; k++) {
        const fl_word_slot *s = &t->slots[k];
        if (!s->lo || !(s->classes & FL_WC_PARTICLE))
            continue;
        char w[17] = {0};
        size_t n = 0;
        for (; n < 8 && ((s->lo >> (8 * n)) & 0xFF); n++)
            w[n] = (char)((s->lo >> (8 * n)) & 0xFF);
        for (size_t j = 0; n >= 8 && j < 8 && ((s->hi >> (8 * j)) & 0xFF); j++)
            w[n++] = (char)((s->hi >> (8 * j)) & 0xFF);
        ck_assert_msg(n <= 5, "particle \"%s\" longer than the names' walk looks", w);
        ck_assert_msg(fl_particle_may(w, n), "particle \"%s\" ruled out", w);
        particles++;
    }
    ck_assert_uint_ge(particles, 20);
    static const char *const others[] = {"said", "and", "has", "is", "was", "to", "in", "on", "at"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        ck_assert_msg(!fl_particle_may(others[i], strlen(others[i])), "%s", others[i]);
    ck_assert(fl_particle_may("y", 1));
    ck_assert(!fl_particle_may("a", 1));
    free(t);
}
END_TEST

/* The head_pairs row of first byte c (ASCII) and second k (its & 31, as
 * fl_word_head indexes it). */
static uint32_t head_row(const fl_word_table *t, unsigned c, unsigned k)
{
    return t->head_pairs[c | (k & 31) << 8];
}

/* The word table's filters: fl_mx_common_or_calendar (the sketch, then
 * the class) lets every common or calendar word through (each slot's word
 * lower-cased, byte k at bits 8k of lo, also capitalized), and
 * fill_word_ends' heads mark the digits and every spelled number's first
 * two letters, in either case. */
START_TEST(test_word_heads)
{
    fl_word_table *t = malloc(sizeof *t);
    ck_assert_ptr_nonnull(t);
    fl_word_table_build(t);
    fl_mx mx;
    memset(&mx, 0, sizeof mx);
    mx.words_table = t;
    size_t words = 0;
    for (size_t k = 0; k < FL_WORD_SLOTS; k++) {
        const fl_word_slot *s = &t->slots[k];
        if (!s->lo || !(s->classes & (FL_WC_COMMON | FL_WC_CALENDAR)))
            continue;
        char w[17] = {0};
        size_t n = 0;
        for (; n < 8 && ((s->lo >> (8 * n)) & 0xFF); n++)
            w[n] = (char)((s->lo >> (8 * n)) & 0xFF);
        for (size_t j = 0; n >= 8 && j < 8 && ((s->hi >> (8 * j)) & 0xFF); j++)
            w[n++] = (char)((s->hi >> (8 * j)) & 0xFF);
        ck_assert_msg(fl_mx_common_or_calendar(&mx, w, n), "\"%s\" ruled out", w);
        w[0] = (char)(w[0] - 'a' + 'A');
        ck_assert_msg(fl_mx_common_or_calendar(&mx, w, n), "\"%s\" ruled out", w);
        words++;
    }
    ck_assert_uint_ge(words, 200);
    ck_assert(!fl_mx_common_or_calendar(&mx, "Smith", 5));
    ck_assert(!fl_mx_common_or_calendar(&mx, "Thomas", 6));
    ck_assert(fl_mx_common_or_calendar(&mx, "Monday", 6));
    static const char *const spelled[] = {
        "one",     "two",     "three",     "four",     "five",     "six",      "seven",
        "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",   "thirty",
        "forty",   "fifty",   "sixty",     "seventy",  "eighty",   "ninety"};
    for (size_t i = 0; i < sizeof spelled / sizeof spelled[0]; i++) {
        const unsigned char *w = (const unsigned char *)spelled[i];
        const uint32_t keep = fl_head_lengths(strlen(spelled[i])) & FL_HEAD_SPELLED;
        ck_assert_msg(head_row(t, w[0], w[1]) & keep, "%s", spelled[i]);
        ck_assert_msg(head_row(t, w[0] - 'a' + 'A', w[1]) & keep, "%s", spelled[i]);
        /* with a digit after it too ("two3"), not one byte shorter */
        ck_assert(head_row(t, w[0], w[1]) & fl_head_lengths(strlen(spelled[i]) + 1));
    }
    /* the words shorter than every number spelled with their first two
     * letters keep no bit of their row: "the", "on", "for", "see" */
    static const char *const short_words[] = {"the", "that", "on",   "for",
                                              "fit", "see",  "eigh", "else"};
    for (size_t i = 0; i < sizeof short_words / sizeof short_words[0]; i++) {
        const unsigned char *w = (const unsigned char *)short_words[i];
        ck_assert_msg(!(head_row(t, w[0], w[1]) & fl_head_lengths(strlen(short_words[i])) &
                        (FL_HEAD_DIGIT | FL_HEAD_SPELLED)),
                      "%s", short_words[i]);
    }
    for (size_t wl = 0; wl < 64; wl++)
        ck_assert(fl_head_lengths(wl) & FL_HEAD_DIGIT);
    ck_assert_uint_eq(fl_head_lengths(1) & ~FL_HEAD_DIGIT, 0);
    for (unsigned d = '0'; d <= '9'; d++)
        for (unsigned k = 0; k < 32; k++)
            ck_assert(head_row(t, d, k) & FL_HEAD_DIGIT);
    ck_assert(!(head_row(t, 'a', 0) & (FL_HEAD_DIGIT | FL_HEAD_SPELLED)));
    free(t);
}
END_TEST

/* One long line without sentence ends: linear time, bounded regex work. */
START_TEST(test_long_line)
{
    const char *unit = "Nvidia sold 3,400 H20 chips worth $4.5bn to Acme Corp and U.S. firms "
                       "on March 5, 2024 while Jensen Huang, 62, watched 25% gains ";
    size_t ul = strlen(unit), reps = 16000; /* about 2 MB */
    char *text = malloc(ul * reps + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ul, unit, ul);
    text[ul * reps] = '\0';
    clock_t t0 = clock();
    run r;
    run_text(&r, text, ul * reps, 10000000);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_int_eq(r.status, FL_OK);
    ck_assert_uint_ge(r.doc.mentions.count, reps * 8);
    /* generous: a quadratic step would take minutes; valgrind is slow anyway */
    ck_assert_msg(secs < 20 || getenv("VALGRIND"), "2 MB line took %.1f s", secs);
    run_free(&r);
    free(text);
}
END_TEST

/* Pathological input for the patterns: long runs of what they look for. */
START_TEST(test_pathological)
{
    static const char *const pieces[] = {"A", "$", "1,", "(", ", ", "Mar-a-", "H2", "Sen. "};
    for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
        size_t pl = strlen(pieces[p]), reps = 200000 / pl;
        char *text = malloc(pl * reps + 1);
        ck_assert_ptr_nonnull(text);
        for (size_t i = 0; i < reps; i++)
            memcpy(text + i * pl, pieces[p], pl);
        text[pl * reps] = '\0';
        clock_t t0 = clock();
        run r;
        run_text(&r, text, pl * reps, 10000000);
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        ck_assert_int_eq(r.status, FL_OK);
        ck_assert_msg(secs < 10 || getenv("VALGRIND"), "\"%s\" repeated took %.1f s", pieces[p],
                      secs);
        run_free(&r);
        free(text);
    }
}
END_TEST

/* Acronym definitions in sentences apart, with sentences between them
 * that hold no '(' and one that holds a '(' with no definition: each
 * definition is found (fl_extract_acronym_defs looks for the next '('
 * once for the sentences before it). */
START_TEST(test_acronym_defs_apart)
{
    static const char text[] =
        "The World Health Organization (WHO) issued a warning. It rained in Paris. Prices "
        "rose (again) in May. Shares fell. The Federal Aviation Administration (FAA) "
        "grounded the jets. (OECD) The Organisation for Economic Co-operation and "
        "Development (OECD) cut its forecast.";
    run r;
    run_text(&r, text, strlen(text), 100000);
    ck_assert_int_eq(r.status, FL_OK);
    const char *want[] = {"WHO", "FAA", "OECD"};
    size_t found = 0;
    for (size_t i = 0; i < r.doc.mentions.count; i++) {
        const fl_mention *m = FL_DOC_MENTION(&r.doc, i);
        if (m->kind != FL_M_ACRONYM_DEF)
            continue;
        ck_assert_uint_lt(found, 3);
        ck_assert_str_eq(m->surface, want[found]);
        found++;
    }
    ck_assert_uint_eq(found, 3);
    run_free(&r);
}
END_TEST

/* Every name's keys are those fl_fold and fl_skeleton make of its surface,
 * whichever way new_mention_keys took: short ASCII names (made in place in
 * the key pool, over many chunks), a fold met before under another surface
 * (Nvidia's, Nvidia), a fold longer than the surface (Ka\u00BDo Group:
 * the half is 1/2), surfaces too long for the pool (and for the stack
 * buffers), and the names of ASCII letters and single spaces whose keys
 * come from the sentence's masks (fold_skeleton_plain: one to four words,
 * short and long, some across a 64-byte block, some before 's or U+2019 s). */
START_TEST(test_name_keys)
{
    size_t cap = 64 * 1024, n = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    n +=
        (size_t)snprintf(text + n, cap - n,
                         "Analysts said Nvidia's chips beat Nvidia and the \xC4\xB0stanbul "
                         "Exchange on Monday. Then Ka\xC2\xBDo Group fell. Ida, Jo Kim, "
                         "Mary Ann Beth Smith, Al and Dr Ola Ng met the Arturo Benedetti "
                         "Michelangeli Foundation, Jo  Ann and Ed-Lee. Then Ola Ng's aide met Mary "
                         "Ann Beth\xE2\x80\x99s son and Kai Tan's. ");
    for (unsigned i = 0; i < 300; i++)
        n += (size_t)snprintf(text + n, cap - n, "Reporters met Karl Zeta%c%c%c in Berlin. ",
                              'a' + i % 26, 'a' + i / 26 % 26, 'a' + i % 7);
    n += (size_t)snprintf(text + n, cap - n, "Investors liked");
    for (unsigned i = 0; i < 40; i++)
        n += (size_t)snprintf(text + n, cap - n, " Longname%c", 'a' + i % 26);
    n += (size_t)snprintf(text + n, cap - n, " a lot. Traders liked");
    for (unsigned i = 0; i < 20; i++)
        n += (size_t)snprintf(text + n, cap - n, " Midname%c", 'a' + i);
    n += (size_t)snprintf(text + n, cap - n, " too.");
    run r;
    run_text(&r, text, n, 1000000);
    ck_assert_int_eq(r.status, FL_OK);
    size_t names = 0, longest = 0;
    char want[4096];
    for (size_t i = 0; i < r.doc.mentions.count; i++) {
        const fl_mention *m = FL_DOC_MENTION(&r.doc, i);
        ck_assert_uint_eq(strlen(m->surface), m->len);
        ck_assert(memcmp(m->surface, r.doc.prose.text + m->off, m->len) == 0);
        if (m->kind != FL_M_NAME)
            continue;
        names++;
        if (m->len > longest)
            longest = m->len;
        ck_assert_uint_lt(fl_fold(m->surface, m->len, 0, want, sizeof want), sizeof want);
        ck_assert_str_eq(m->fold, want);
        ck_assert_uint_lt(fl_skeleton(m->surface, m->len, 0, want, sizeof want), sizeof want);
        ck_assert_str_eq(m->skeleton, want);
    }
    ck_assert_uint_ge(names, 304);
    ck_assert_uint_gt(longest, 300);
    run_free(&r);
    free(text);
}
END_TEST

/* The keys of numbers, amounts, dates and codes (most of them made in one
 * 16-byte pass in mentions.c, the rest by normalize.c): every mention's
 * fold and skeleton as fl_fold and fl_skeleton give them for its surface,
 * for surfaces of every length up to past 16 bytes, with letters that
 * look like digits, separators, signs and a plural s, anywhere in the
 * prose and at its very end (where fewer than 16 bytes follow). */
START_TEST(test_number_keys)
{
    static const char *const pieces[] = {
        "$5",
        "$5.2bn",
        "$1,250,000",
        "\xC2\xA3"
        "40m",
        "\xE2\x82\xAC"
        "3.5 billion",
        "12%",
        "12.75%",
        "40 per cent",
        "H20",
        "H2O",
        "B200s",
        "MI308X",
        "F-35",
        "A-10C",
        "Q3",
        "737 MAX",
        "ISO 9001",
        "BiLZ-5O",
        "Z80",
        "iPhone 15",
        "March 5",
        "5 March 2024",
        "March 5, 2024",
        "2024",
        "Sept. 9",
        "1990s",
        "70kg",
        "12 miles",
        "300,000 barrels",
        "3.5 km",
        "aged 62",
        "62-year-old",
        "No. 5",
        "Boeing 787-9",
        "GPT-4o",
        "SO2",
        "Li-ion 18650",
        "Model S",
        "X.25",
        "RTX 4090 Ti",
    };
    static const char *const after[] = {" rose.", ", analysts said.", ".", ""};
    const size_t np = sizeof pieces / sizeof pieces[0];
    char text[512], want[512];
    size_t checked = 0;
    fl_patterns *patterns;
    fl_error err;
    ck_assert_int_eq(fl_patterns_new(&patterns, &err), FL_OK);
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < np; j++)
            for (size_t a = 0; a < sizeof after / sizeof after[0]; a++) {
                int n = snprintf(text, sizeof text, "The %s deal and the %s plan%s Then %s%s",
                                 pieces[i], pieces[j], a & 1 ? " soon." : ".", pieces[(i + j) % np],
                                 after[a]);
                ck_assert(n > 0 && (size_t)n < sizeof text);
                run r;
                run_with(&r, patterns, text, (size_t)n, 100000);
                ck_assert_int_eq(r.status, FL_OK);
                for (size_t k = 0; k < r.doc.mentions.count; k++) {
                    const fl_mention *m = FL_DOC_MENTION(&r.doc, k);
                    if (m->kind == FL_M_NAME)
                        continue; /* test_name_keys */
                    const unsigned flags = m->kind == FL_M_CODE ? FL_FOLD_CODE : 0;
                    ck_assert_uint_lt(fl_fold(m->surface, m->len, flags, want, sizeof want),
                                      sizeof want);
                    ck_assert_msg(strcmp(m->fold, want) == 0,
                                  "fold of \"%s\" in \"%s\": %s, not %s", m->surface, text, m->fold,
                                  want);
                    ck_assert_uint_lt(fl_skeleton(m->surface, m->len, flags, want, sizeof want),
                                      sizeof want);
                    ck_assert_msg(strcmp(m->skeleton, want) == 0,
                                  "skeleton of \"%s\" in \"%s\": %s, not %s", m->surface, text,
                                  m->skeleton, want);
                    checked++;
                }
                run_free(&r);
            }
    fl_patterns_free(patterns);
    ck_assert_uint_gt(checked, 10000);
}
END_TEST

START_TEST(test_news_corpus)
{
    DIR *d = opendir(NEWS_DIR);
    if (!d)
        return; /* the corpus is optional */
    struct dirent *de;
    size_t files = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", NEWS_DIR, de->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        run r;
        run_text(&r, buf, n, 1000000);
        ck_assert_msg(r.status == FL_OK, "%s: status %d", path, r.status);
        for (size_t i = 0; i < r.doc.mentions.count; i++) {
            const fl_mention *m = FL_DOC_MENTION(&r.doc, i);
            ck_assert(m->off + m->len <= n && m->len > 0);
            ck_assert(memcmp(buf + m->off, m->surface, m->len) == 0);
            ck_assert(m->person < (long)r.doc.mentions.count);
            ck_assert(m->entity < (long)r.doc.mentions.count);
            if (i)
                ck_assert(FL_DOC_MENTION(&r.doc, i - 1)->off <= m->off);
        }
        run_free(&r);
        files++;
    }
    closedir(d);
    ck_assert_uint_gt(files, 0);
}
END_TEST

/* ------------------------------------------- the title patterns' words */

/* The title prefilters (mentions_title.c: honorific_start, starts_role,
 * pre_candidate, post_candidate) and the role words' class
 * (mentions_words.c) repeat facts of the lists in patterns.c. These tests
 * read the patterns themselves, spell out every string their lists match
 * and run the extraction on each in a sentence, so that a new honorific or
 * a longer role the prefilters would turn away fails here. */

typedef struct strs {
    char **v;
    size_t n, cap;
} strs;

static void strs_push(strs *s, const char *a, size_t al, const char *b, size_t bl)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        ck_assert_ptr_nonnull(s->v);
    }
    char *c = malloc(al + bl + 1);
    ck_assert_ptr_nonnull(c);
    memcpy(c, a, al);
    memcpy(c + al, b, bl);
    c[al + bl] = '\0';
    s->v[s->n++] = c;
    ck_assert_msg(s->n < 100000, "pattern spells too many strings");
}

static strs strs_one(const char *a, size_t al)
{
    strs s = {0};
    strs_push(&s, a, al, "", 0);
    return s;
}

static void strs_free(strs *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* Every a[i] followed by every b[j]; frees both. */
static strs strs_cross(strs *a, strs *b)
{
    strs out = {0};
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            strs_push(&out, a->v[i], strlen(a->v[i]), b->v[j], strlen(b->v[j]));
    strs_free(a);
    strs_free(b);
    return out;
}

/* A reader of the subset of PCRE2 syntax the title patterns use, which
 * spells one string per choice: alternatives and classes one per
 * alternative or member (a range its two ends), `?` one without and one with, `+` one
 * repetition, `*` and {m,n} m, lookarounds, \b and anchors nothing, \s a
 * space, \p{Lu} "A", \p{L} "a", \p{N} "0". Any other syntax fails the
 * test, so that a new construct in a pattern is noticed here. */
typedef struct rx {
    const char *p, *pattern;
    int groups;  /* capture groups opened so far */
    strs *looks; /* when set, what each look-ahead's body spells is added */
} rx;

static strs rx_alt(rx *r);

static size_t utf8_len(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* \p{...} at r->p (after the backslash and p): its stand-in letter. */
static const char *rx_property(rx *r)
{
    static const struct {
        const char *name, *letter;
    } props[] = {{"{Lu}", "A"}, {"{L}", "a"}, {"{N}", "0"}};
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
        if (strncmp(r->p, props[i].name, strlen(props[i].name)) == 0) {
            r->p += strlen(props[i].name);
            return props[i].letter;
        }
    ck_abort_msg("unknown property at \"%s\" in %s", r->p, r->pattern);
    return "";
}

/* An escape at r->p (after the backslash) as one string. */
static strs rx_escape(rx *r)
{
    char c = *r->p++;
    if (c == 's')
        return strs_one(" ", 1);
    if (c == 'b')
        return strs_one("", 0);
    if (c == 'p') {
        const char *l = rx_property(r);
        return strs_one(l, strlen(l));
    }
    ck_assert_msg(c && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9'),
                  "unknown escape \\%c in %s", c, r->pattern);
    return strs_one(r->p - 1, 1);
}

static strs rx_class(rx *r)
{
    strs out = {0};
    bool first = true;
    while (*r->p != ']') {
        ck_assert_msg(*r->p, "unclosed class in %s", r->pattern);
        if (*r->p == '\\') {
            r->p++;
            strs e = rx_escape(r);
            strs_push(&out, e.v[0], strlen(e.v[0]), "", 0);
            strs_free(&e);
        } else if (r->p[1] == '-' && r->p[2] != ']') {
            /* a range of ASCII: its two ends */
            ck_assert_msg((unsigned char)r->p[0] < 0x80 && (unsigned char)r->p[2] < 0x80 &&
                              r->p[0] < r->p[2],
                          "class range in %s", r->pattern);
            strs_push(&out, r->p, 1, "", 0);
            strs_push(&out, r->p + 2, 1, "", 0);
            r->p += 3;
        } else {
            ck_assert_msg(*r->p != '-' || first || r->p[1] == ']', "class range in %s", r->pattern);
            ck_assert_msg(*r->p != '^' || !first, "negated class in %s", r->pattern);
            size_t l = utf8_len(r->p);
            strs_push(&out, r->p, l, "", 0);
            r->p += l;
        }
        first = false;
    }
    r->p++;
    return out;
}

static strs rx_atom(rx *r)
{
    const char *p = r->p;
    if (*p == '(') {
        static const char *const looks[] = {"(?=", "(?!", "(?<=", "(?<!"};
        for (size_t i = 0; i < 4; i++)
            if (strncmp(p, looks[i], strlen(looks[i])) == 0) {
                r->p += strlen(looks[i]);
                strs inner = rx_alt(r);
                for (size_t j = 0; r->looks && i < 2 && j < inner.n; j++)
                    strs_push(r->looks, inner.v[j], strlen(inner.v[j]), "", 0);
                strs_free(&inner);
                ck_assert_msg(*r->p == ')', "unclosed group in %s", r->pattern);
                r->p++;
                return strs_one("", 0);
            }
        if (strncmp(p, "(?:", 3) == 0 || strncmp(p, "(?i:", 4) == 0)
            r->p += p[2] == ':' ? 3 : 4;
        else if (p[1] == '?')
            ck_abort_msg("unknown group at \"%s\" in %s", p, r->pattern);
        else {
            r->p++;
            r->groups++;
        }
        strs inner = rx_alt(r);
        ck_assert_msg(*r->p == ')', "unclosed group in %s", r->pattern);
        r->p++;
        return inner;
    }
    if (*p == '[') {
        r->p++;
        return rx_class(r);
    }
    if (*p == '\\') {
        r->p++;
        return rx_escape(r);
    }
    if (*p == '$' || *p == '^') {
        r->p++;
        return strs_one("", 0);
    }
    ck_assert_msg(!strchr(".*+?{})|", *p), "unexpected '%c' at \"%s\" in %s", *p, p, r->pattern);
    size_t l = utf8_len(p);
    r->p += l;
    return strs_one(p, l);
}

/* An atom and its quantifier. */
static strs rx_piece(rx *r)
{
    strs a = rx_atom(r);
    char q = *r->p;
    if (q == '?') {
        r->p++;
        strs_push(&a, "", 0, "", 0);
    } else if (q == '+') {
        r->p++;
    } else if (q == '*' || q == '{') {
        int m = 0;
        if (q == '*')
            r->p++;
        else {
            char *e;
            m = (int)strtol(r->p + 1, &e, 10);
            ck_assert_msg(e > r->p + 1 && (*e == ',' || *e == '}'), "bad {} in %s", r->pattern);
            r->p = strchr(r->p, '}') + 1;
        }
        strs out = strs_one("", 0);
        for (int i = 0; i < m; i++) {
            strs copy = {0};
            for (size_t j = 0; j < a.n; j++)
                strs_push(&copy, a.v[j], strlen(a.v[j]), "", 0);
            out = strs_cross(&out, &copy);
        }
        strs_free(&a);
        a = out;
    } else
        return a;
    ck_assert_msg(*r->p != '?' && *r->p != '+', "lazy or possessive quantifier in %s", r->pattern);
    return a;
}

static strs rx_seq(rx *r)
{
    strs out = strs_one("", 0);
    while (*r->p && *r->p != '|' && *r->p != ')') {
        strs piece = rx_piece(r);
        out = strs_cross(&out, &piece);
    }
    return out;
}

static strs rx_alt(rx *r)
{
    strs out = rx_seq(r);
    while (*r->p == '|') {
        r->p++;
        strs more = rx_seq(r);
        for (size_t i = 0; i < more.n; i++)
            strs_push(&out, more.v[i], strlen(more.v[i]), "", 0);
        strs_free(&more);
    }
    return out;
}

/* A pattern as its top-level pieces, each spelled out, and whether each
 * holds a capture group. */
enum { MAX_PIECES = 16 };
typedef struct spelled {
    strs piece[MAX_PIECES];
    bool captures[MAX_PIECES];
    size_t n;
    strs looks; /* what the bodies of its look-aheads spell */
} spelled;

static void spell(spelled *s, fl_re_id id)
{
    memset(s, 0, sizeof *s);
    const char *pattern = fl_pattern_source(id);
    ck_assert_ptr_nonnull(pattern);
    rx r = {.p = pattern, .pattern = pattern, .looks = &s->looks};
    while (*r.p) {
        ck_assert_msg(*r.p != '|' && *r.p != ')' && s->n < MAX_PIECES, "top level of %s", pattern);
        int before = r.groups;
        s->piece[s->n] = rx_piece(&r);
        s->captures[s->n++] = r.groups > before;
    }
}

static void spelled_free(spelled *s)
{
    for (size_t i = 0; i < s->n; i++)
        strs_free(&s->piece[i]);
    strs_free(&s->looks);
}

/* One string the pattern matches: every combination of the pieces that
 * hold a capture group (or of all when none does) is one `index`; the
 * other pieces take their choices in turn. Writes the text to out and
 * the span of the capturing pieces to *from, *to and the start of the
 * last of them to *last; false past the last index. */
static bool spelled_case(const spelled *s, size_t index, char *out, size_t cap, size_t *from,
                         size_t *last, size_t *to)
{
    bool any = false;
    for (size_t i = 0; i < s->n; i++)
        any |= s->captures[i];
    size_t rest = index, n = 0;
    *from = *last = *to = 0;
    bool seen = false;
    for (size_t i = 0; i < s->n; i++) {
        const strs *p = &s->piece[i];
        size_t pick;
        if (s->captures[i] || !any) {
            pick = rest % p->n;
            rest /= p->n;
        } else
            pick = index % p->n;
        size_t l = strlen(p->v[pick]);
        ck_assert(n + l < cap);
        if (s->captures[i] && !seen) {
            *from = n;
            seen = true;
        }
        if (s->captures[i])
            *last = n;
        memcpy(out + n, p->v[pick], l);
        n += l;
        if (s->captures[i])
            *to = n;
    }
    out[n] = '\0';
    return rest == 0;
}

/* The mention of `kind` at [off, end), or NULL. */
static const fl_mention *mention_at(const fl_doc *doc, fl_mention_kind kind, size_t off, size_t end)
{
    for (size_t i = 0; i < doc->mentions.count; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (m->kind == kind && m->off == off && m->off + m->len == end)
            return m;
    }
    return NULL;
}

/* A title the pattern spells in the sentence before + title + after is
 * found, from its modifier to the role's end (from the role when the
 * modifier is then-, which the title leaves out), with its person "Jane
 * Smith". */
static void expect_titles(fl_re_id id, const char *before, const char *after, bool capitalize)
{
    fl_patterns *patterns;
    fl_error err;
    ck_assert_int_eq(fl_patterns_new(&patterns, &err), FL_OK);
    spelled s;
    spell(&s, id);
    char phrase[256], text[512];
    size_t from, last, to, tried = 0;
    for (size_t k = 0; spelled_case(&s, k, phrase, sizeof phrase, &from, &last, &to); k++) {
        if (capitalize && phrase[0] >= 'a' && phrase[0] <= 'z')
            phrase[0] = (char)(phrase[0] - 'a' + 'A');
        int n = snprintf(text, sizeof text, "%s%s%s", before, phrase, after);
        size_t at = strlen(before);
        run r;
        run_with(&r, patterns, text, (size_t)n, 1000);
        ck_assert_int_eq(r.status, FL_OK);
        if (r.doc.sentences.count != 1) {
            /* the segmenter ends a sentence at "former-Sen.", as at
             * "anti-U.S.": a hyphenated abbreviation is no sentence's */
            ck_assert_msg(strchr(phrase, '-') && phrase[to - 1] == '.', "\"%s\" is split", text);
            run_free(&r);
            continue;
        }
        size_t start = strncasecmp(phrase + from, "then", 4) == 0 ? last : from;
        const fl_mention *m = mention_at(&r.doc, FL_M_TITLE, at + start, at + to);
        ck_assert_msg(m, "no title \"%.*s\" in \"%s\"", (int)(to - from), phrase + from, text);
        ck_assert_msg(m->person >= 0 &&
                          strcmp(FL_DOC_MENTION(&r.doc, m->person)->surface, "Jane Smith") == 0,
                      "title \"%s\" in \"%s\" has no person Jane Smith", m->surface, text);
        run_free(&r);
        tried++;
    }
    ck_assert_uint_gt(tried, 100);
    spelled_free(&s);
    fl_patterns_free(patterns);
}

START_TEST(test_role_canon_sorted)
{
    ck_assert(fl_role_canon_sorted());
    ck_assert(fl_role_last_words_indexed());
    ck_assert(fl_role_alternatives_indexed());
    ck_assert(fl_known_units_indexed());
    ck_assert(fl_label_shapes_ok());
}
END_TEST

START_TEST(test_title_pre_roles)
{
    expect_titles(FL_RE_TITLE_PRE, "She met ", "Jane Smith on Monday.", false);
    expect_titles(FL_RE_TITLE_PRE, "", "Jane Smith spoke on Monday.", true);
}
END_TEST

START_TEST(test_title_post_roles)
{
    expect_titles(FL_RE_TITLE_POST, "She met Jane Smith", ", on Monday.", false);
    expect_titles(FL_RE_TITLE_POST, "Jane Smith", " in Paris spoke on Monday.", false);
}
END_TEST

/* A capitalized role after a comma is a title (post_candidate asks the
 * word only when it is the first mark after the comma); a capitalized
 * word that starts no role, before one, is none. */
START_TEST(test_title_post_capitals)
{
    const char *text = "Jane Smith, Chief Executive of Acme, spoke on Monday. Tom Lee, "
                       "President of Acme, spoke. Ann Hart, Paris, President Joe Roe said.";
    run r;
    run_text(&r, text, strlen(text), 1000);
    ck_assert_int_eq(r.status, FL_OK);
    const char *ce = strstr(text, "Chief Executive"), *pr = strstr(text, "President of");
    ck_assert_ptr_nonnull(mention_at(&r.doc, FL_M_TITLE, (size_t)(ce - text),
                                     (size_t)(ce - text) + strlen("Chief Executive")));
    ck_assert_ptr_nonnull(mention_at(&r.doc, FL_M_TITLE, (size_t)(pr - text),
                                     (size_t)(pr - text) + strlen("President")));
    size_t titles = 0;
    for (size_t i = 0; i < r.doc.mentions.count; i++)
        titles += FL_DOC_MENTION(&r.doc, i)->kind == FL_M_TITLE;
    ck_assert_uint_eq(titles, 3); /* and "President" before Joe Roe */
    run_free(&r);
}
END_TEST

/* ------------------------------------- the title patterns read by hand */

/* fl_extract_titles reads FL_RE_TITLE_PRE and FL_RE_TITLE_POST by hand
 * for ASCII text, from lists of mentions_title.c that spell ROLES,
 * ROLE_ABBR and ROLE_MODIFIER (patterns.c) out again. These tests give
 * both readings many ASCII sentences, made from what the patterns
 * themselves spell (their roles, modifiers, look-aheads, the words around
 * them) and from the hand matcher's own words, and want one answer: a
 * match or none, its end and its groups; and every match let through by
 * the prefilters. A role, abbreviation, modifier or look-ahead word added
 * to, dropped from or moved in one side only fails here. Conditions are
 * tested before ck_abort_msg (ck_assert marks a point per call, slow over
 * the hundreds of thousands of sentences). */

/* The checks the hand matchers and readers share, against pcre2_match's
 * rc at `at` (md its match data): the hand's result (0 or 1; anything
 * else leaves ASCII text to the pattern) and end must be the pattern's.
 * Returns the ovector when both match, NULL when neither does. */
static const PCRE2_SIZE *hand_agrees(pcre2_match_data *md, const char *name, const char *who,
                                     const char *text, size_t at, int rc, int result, size_t end)
{
    if (rc <= 0 && rc != PCRE2_ERROR_NOMATCH)
        ck_abort_msg("%s \"%s\" at %zu: pcre2_match returns %d", name, text, at, rc);
    if (result != 0 && result != 1)
        ck_abort_msg("%s \"%s\" at %zu: the %s leaves ASCII text to the pattern", name, text, at,
                     who);
    if (rc == PCRE2_ERROR_NOMATCH) {
        if (result)
            ck_abort_msg("%s \"%s\" at %zu: the pattern does not match, the %s matches \"%.*s\"",
                         name, text, at, who, (int)(end - at), text + at);
        return NULL;
    }
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (!result)
        ck_abort_msg("%s \"%s\" at %zu: the pattern matches \"%.*s\", the %s does not", name, text,
                     at, (int)(ov[1] - at), text + at, who);
    if (end != ov[1])
        ck_abort_msg("%s \"%s\" at %zu: the pattern matches \"%.*s\", the %s \"%.*s\"", name, text,
                     at, (int)(ov[1] - at), text + at, who, (int)(end - at), text + at);
    return ov;
}

/* The patterns (in *patterns) and match data for pattern id, for the
 * by-hand differential tests. */
static pcre2_match_data *diff_match_data(fl_re_id id, fl_patterns **patterns)
{
    fl_error err;
    ck_assert_int_eq(fl_patterns_new(patterns, &err), FL_OK);
    pcre2_match_data *md =
        pcre2_match_data_create_from_pattern(fl_patterns_code(*patterns, id), NULL);
    ck_assert_ptr_nonnull(md);
    return md;
}

typedef struct title_diff {
    const fl_patterns *patterns;
    pcre2_match_data *md;
    fl_re_id id;
    size_t tried, matched;
} title_diff;

static void title_diff_at(title_diff *d, const char *text, size_t at)
{
    const size_t len = strlen(text);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] >= 0x80)
            return; /* U+2019 of the possessive: the pattern decides */
    const bool post = d->id == FL_RE_TITLE_POST;
    const char *name = post ? "FL_RE_TITLE_POST" : "FL_RE_TITLE_PRE";
    const int rc = pcre2_match(fl_patterns_code(d->patterns, d->id), (PCRE2_SPTR)text, len, at, 0,
                               d->md, fl_patterns_match_context(d->patterns));
    fl_title_hand h;
    fl_title_by_hand(d->patterns, text, len, post, at, &h);
    d->tried++;
    const PCRE2_SIZE *ov = hand_agrees(d->md, name, "hand matcher", text, at, rc, h.result, h.end);
    if (!ov)
        return;
    d->matched++;
    if (!h.admitted)
        ck_abort_msg("%s \"%s\" at %zu: the prefilters turn away the pattern's match \"%.*s\"",
                     name, text, at, (int)(ov[1] - at), text + at);
    const bool mod = rc > 1 && ov[2] != PCRE2_UNSET;
    if (mod != h.has_mod || (mod && (ov[2] != h.mo || ov[3] - ov[2] != h.ml)))
        ck_abort_msg("%s \"%s\" at %zu: the modifiers differ (pattern %s, hand %s)", name, text, at,
                     mod ? "one" : "none", h.has_mod ? "one" : "none");
    size_t ro = SIZE_MAX, rl = 0;
    for (int g = 2; g <= 3; g++)
        if (rc > g && ov[2 * g] != PCRE2_UNSET) {
            ro = ov[2 * g];
            rl = ov[2 * g + 1] - ov[2 * g];
        }
    if (ro != h.ro || rl != h.rl)
        ck_abort_msg(
            "%s \"%s\" at %zu: the pattern's role is \"%.*s\", the hand matcher's \"%.*s\"", name,
            text, at, (int)rl, ro == SIZE_MAX ? "" : text + ro, (int)h.rl, text + h.ro);
}

/* s[0..n) into out with its ASCII letters as `how` says: 0 as they are,
 * 1 the first a capital, 2 each word's first (after a space or hyphen),
 * 3 all capitals, 4 all small. */
static void recase(char *out, size_t cap, const char *s, size_t n, int how)
{
    ck_assert(n < cap);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        const bool first = i == 0 || s[i - 1] == ' ' || s[i - 1] == '-';
        if ((how == 3 || (how == 1 && i == 0) || (how == 2 && first)) && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        else if (how == 4 && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        out[i] = c;
    }
    out[n] = '\0';
}

static void strs_add(strs *s, const char *a)
{
    strs_push(s, a, strlen(a), "", 0);
}

/* a + b[0..bl) added to s unless s has it. */
static void strs_add_new(strs *s, const char *a, const char *b, size_t bl)
{
    const size_t al = strlen(a);
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->v[i]) == al + bl && memcmp(s->v[i], a, al) == 0 &&
            memcmp(s->v[i] + al, b, bl) == 0)
            return;
    strs_push(s, a, al, b, bl);
}

/* Runs title_diff_at over the sentences prefix + core + tail: the cores
 * are the modifier and role of every string the pattern spells and every
 * role and abbreviation of the hand matcher (after no modifier or each
 * of its modifiers), each as it is, cut short by a byte, with an "s" or a
 * hyphen after, and in other cases; the prefixes and tails are what the
 * pattern spells around them, its look-aheads' bodies, the hand matcher's
 * words after "justice" and a few more. */
static void title_diff_run(fl_re_id id, const char *lead, const char *const *more_tails)
{
    title_diff d = {.id = id};
    fl_patterns *patterns;
    d.md = diff_match_data(id, &patterns);
    d.patterns = patterns;
    const bool post = id == FL_RE_TITLE_POST;
    spelled s;
    spell(&s, id);
    strs cores = {0}, prefixes = {0}, tails = {0};
    char phrase[256], buf[256];
    size_t from, last, to;
    for (size_t k = 0; spelled_case(&s, k, phrase, sizeof phrase, &from, &last, &to); k++) {
        strs_push(&cores, phrase + from, to - from, "", 0);
        strs_add_new(&prefixes, lead, phrase, from);
        strs_add_new(&tails, "", phrase + to, strlen(phrase + to));
    }
    for (size_t i = 0; i < s.looks.n; i++) {
        strs_add(&tails, s.looks.v[i]);
        strs_push(&tails, " ", 1, s.looks.v[i], strlen(s.looks.v[i]));
        strs_push(&tails, s.looks.v[i], strlen(s.looks.v[i]), " Jane Smith", 11);
    }
    const char *const *words;
    const size_t nbodies = fl_title_hand_words(4, &words);
    for (size_t i = 0; i < nbodies; i++) {
        recase(buf, sizeof buf, words[i], strlen(words[i]), 1);
        strs_push(&tails, " ", 1, buf, strlen(buf));
        strs_push(&tails, " ", 1, words[i], strlen(words[i]));
        strs_push(&tails, " ", 1, buf, strlen(buf) - 1);
        strs_push(&tails, " ", 1, buf, strlen(buf));
        strs_push(&tails, tails.v[tails.n - 1], strlen(tails.v[tails.n - 1]), "s", 1);
    }
    for (const char *const *t = more_tails; *t; t++)
        strs_add(&tails, *t);
    /* the hand matcher's roles and abbreviations, after its modifiers */
    const char *const *mods;
    const size_t nmods = fl_title_hand_words(3, &mods);
    for (unsigned list = 0; list < 3; list++) {
        if (list == (post ? 1u : 2u))
            continue;
        const size_t n = fl_title_hand_words(list, &words);
        for (size_t i = 0; i < n; i++) {
            strs_add(&cores, words[i]);
            strs_push(&cores, "ex-", 3, words[i], strlen(words[i]));
            for (size_t m = 0; m < nmods; m++) {
                snprintf(buf, sizeof buf, "%s%c", mods[m], (i + m) % 2 ? ' ' : '-');
                strs_push(&cores, buf, strlen(buf), words[i], strlen(words[i]));
            }
        }
    }
    if (!post)
        strs_add(&prefixes, "");
    char core[256], text[768];
    for (size_t c = 0; c < cores.n; c++) {
        const char *w = cores.v[c];
        const size_t wl = strlen(w);
        for (int mut = 0; mut < 4; mut++) {
            if (mut == 1 && wl < 2)
                continue;
            const size_t cl = mut == 1 ? wl - 1 : wl;
            for (int how = 0; how < 5; how++) {
                recase(core, sizeof core - 2, w, cl, how);
                if (mut >= 2)
                    strcat(core, mut == 2 ? "s" : "-");
                const bool all = mut == 0 && how == 0;
                for (size_t t = 0; t < (all ? tails.n : 1); t++) {
                    const size_t ti = all ? t : (c * 7 + (size_t)mut * 5 + (size_t)how) % tails.n;
                    const size_t pi = (c + t + (size_t)mut + (size_t)how) % prefixes.n;
                    snprintf(text, sizeof text, "%s%s%s", prefixes.v[pi], core, tails.v[ti]);
                    title_diff_at(&d, text, post ? strlen(lead) : strlen(prefixes.v[pi]));
                }
                for (size_t p = 0; all && p < prefixes.n; p++) {
                    snprintf(text, sizeof text, "%s%s%s", prefixes.v[p], core,
                             tails.v[(c + p) % tails.n]);
                    title_diff_at(&d, text, post ? strlen(lead) : strlen(prefixes.v[p]));
                }
            }
        }
    }
    ck_assert_uint_gt(d.tried, 100000);
    ck_assert_uint_gt(d.matched, 10000);
    strs_free(&cores);
    strs_free(&prefixes);
    strs_free(&tails);
    spelled_free(&s);
    pcre2_match_data_free(d.md);
    fl_patterns_free(patterns);
}

START_TEST(test_title_pre_by_hand)
{
    static const char *const tails[] = {
        " Jane Smith said", "  Jane", " jane",  "",       ".",       ",",
        "-Smith",           " 1",     "s Jane", "\tJane", " (Jane)", NULL};
    title_diff_run(FL_RE_TITLE_PRE, "She met ", tails);
}
END_TEST

START_TEST(test_title_post_by_hand)
{
    static const char *const tails[] = {"",         ",",   ".",        ";",   ":",       ")",
                                        " of Acme", " at", " for",     " in", " inside", " off",
                                        " said",    "  ,", " Jane",    "s",   " of",     " in_",
                                        " for2",    "\t,", " at-home", NULL};
    title_diff_run(FL_RE_TITLE_POST, "Jane Smith", tails);
}
END_TEST

/* The strings piece `index` of pattern `id` spells, in order, but the
 * empty one of an optional piece, each without a leading space (\s). */
static strs piece_words(fl_re_id id, size_t index)
{
    spelled s;
    spell(&s, id);
    ck_assert_uint_lt(index, s.n);
    strs out = {0};
    for (size_t i = 0; i < s.piece[index].n; i++) {
        const char *w = s.piece[index].v[i];
        if (*w)
            strs_add(&out, *w == ' ' ? w + 1 : w);
    }
    spelled_free(&s);
    return out;
}

/* mentions_code.c and mentions_amount.c read the variants after a code's
 * number and the currency codes by hand from lists of their own: each
 * list is what its pattern spells, in the pattern's order. The head words
 * of FL_RE_CODE_NAMENUM are each taken by fl_namenum_head (as
 * fl_patterns_new checks), and no word one letter off one of them is. */
START_TEST(test_code_words)
{
    static const struct {
        fl_re_id id;
        size_t piece; /* the (?:\s(?:...))? after the number */
    } lists[] = {{FL_RE_CODE_HEADNUM, 3}, {FL_RE_CODE_NAMENUM, 3}, {FL_RE_CODE_NUMSUFFIX, 3}};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        strs p = piece_words(lists[l].id, lists[l].piece);
        const char *const *words;
        const size_t n = fl_code_hand_words(lists[l].id, &words);
        ck_assert_msg(n == p.n, "pattern %d spells %zu variants, the hand list has %zu",
                      (int)lists[l].id, p.n, n);
        for (size_t i = 0; i < n; i++)
            ck_assert_msg(strcmp(words[i], p.v[i]) == 0,
                          "pattern %d: variant %zu is \"%s\", the hand list's \"%s\"",
                          (int)lists[l].id, i, p.v[i], words[i]);
        strs_free(&p);
    }
    strs codes = piece_words(FL_RE_MONEY_CODE, 0);
    const char(*hand)[4];
    const size_t nc = fl_money_hand_codes(&hand);
    ck_assert_msg(nc == codes.n, "FL_RE_MONEY_CODE spells %zu codes, the hand list has %zu",
                  codes.n, nc);
    for (size_t i = 0; i < nc; i++)
        ck_assert_msg(strcmp(hand[i], codes.v[i]) == 0,
                      "code %zu is \"%s\", the hand list's \"%s\"", i, codes.v[i], hand[i]);
    strs_free(&codes);
    strs heads = piece_words(FL_RE_CODE_NAMENUM, 0);
    ck_assert_uint_gt(heads.n, 10);
    for (size_t i = 0; i < heads.n; i++) {
        const char *h = heads.v[i];
        const size_t hl = strlen(h);
        ck_assert_msg(fl_namenum_head(h, hl), "\"%s\" is no head for fl_namenum_head", h);
        char w[64];
        ck_assert_uint_lt(hl + 2, sizeof w);
        for (size_t k = 0; k <= hl; k++) {
            /* cut, changed or doubled at k */
            memcpy(w, h, k);
            memcpy(w + k, h + k + (k < hl), hl - k - (k < hl));
            bool other = false;
            for (size_t j = 0; j < heads.n; j++)
                other |= strlen(heads.v[j]) == hl - (k < hl) &&
                         memcmp(heads.v[j], w, hl - (k < hl)) == 0;
            ck_assert_msg(other || !fl_namenum_head(w, hl - (k < hl)), "\"%.*s\" is a head",
                          (int)(hl - (k < hl)), w);
            if (k == hl)
                continue;
            memcpy(w, h, hl);
            w[k] = w[k] == 'x' ? 'y' : 'x';
            ck_assert_msg(!fl_namenum_head(w, hl), "\"%.*s\" is a head", (int)hl, w);
            memcpy(w, h, k + 1);
            memcpy(w + k + 1, h + k, hl - k);
            ck_assert_msg(!fl_namenum_head(w, hl + 1), "\"%.*s\" is a head", (int)hl + 1, w);
        }
    }
    strs_free(&heads);
}
END_TEST

/* Every head, number and variant the code patterns spell, and every
 * currency code with a number, is found in a sentence as the pattern
 * matches it: the hand readings' prefilters (the variants' first letters
 * in numsuffix_shape and numsuffix_after, a capital before a code in
 * money_may_start) repeat facts of the lists too. */
START_TEST(test_code_words_found)
{
    static const struct {
        fl_re_id id;
        fl_mention_kind kind;
        size_t head, variants; /* pieces; head SIZE_MAX: heads[] */
        const char *number;    /* between head and variant */
    } shapes[] = {
        {FL_RE_CODE_NAMENUM, FL_M_CODE, 0, 3, " 5"},
        {FL_RE_CODE_NAMENUM, FL_M_CODE, 0, 3, " 12X"},
        {FL_RE_CODE_HEADNUM, FL_M_CODE, SIZE_MAX, 3, " 4090"},
        {FL_RE_CODE_NUMSUFFIX, FL_M_CODE, SIZE_MAX, 3, "380"},
        {FL_RE_CODE_NUMSUFFIX, FL_M_CODE, SIZE_MAX, 3, "737-800"},
        {FL_RE_MONEY_CODE, FL_M_MONEY, 0, SIZE_MAX, ""},
    };
    static const char *const heads[] = {"", "RTX", "GTX"};
    fl_patterns *patterns;
    fl_error err;
    ck_assert_int_eq(fl_patterns_new(&patterns, &err), FL_OK);
    size_t tried = 0;
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        spelled s;
        spell(&s, shapes[k].id);
        strs none = strs_one("", 0);
        const strs *hs = shapes[k].head == SIZE_MAX ? NULL : &s.piece[shapes[k].head];
        const strs *vs = shapes[k].variants == SIZE_MAX ? &none : &s.piece[shapes[k].variants];
        const size_t nh = hs ? hs->n : sizeof heads / sizeof heads[0];
        pcre2_match_data *md =
            pcre2_match_data_create_from_pattern(fl_patterns_code(patterns, shapes[k].id), NULL);
        for (size_t h = 0; h < nh; h++)
            for (size_t v = 0; v < vs->n; v++) {
                const char *head = hs ? hs->v[h] : heads[h];
                if (!hs && (shapes[k].id == FL_RE_CODE_NUMSUFFIX) != (h == 0))
                    continue; /* no head before NUMSUFFIX's number, one before HEADNUM's */
                char text[256];
                const char *lead = "They saw the ";
                const char *var = vs->v[v];
                const bool numsuffix = shapes[k].id == FL_RE_CODE_NUMSUFFIX;
                int n = snprintf(text, sizeof text, "%s%s%s%s%s on Monday.", lead, head,
                                 shapes[k].number, numsuffix ? " " : "",
                                 shapes[k].id == FL_RE_MONEY_CODE ? " 5" : var);
                const size_t at = strlen(lead);
                int rc = pcre2_match(fl_patterns_code(patterns, shapes[k].id), (PCRE2_SPTR)text,
                                     (size_t)n, at, 0, md, fl_patterns_match_context(patterns));
                ck_assert_msg(rc > 0, "pattern %d does not match \"%s\"", (int)shapes[k].id, text);
                const size_t end = pcre2_get_ovector_pointer(md)[1];
                run r;
                run_with(&r, patterns, text, (size_t)n, 1000);
                ck_assert_int_eq(r.status, FL_OK);
                if (!mention_at(&r.doc, shapes[k].kind, at, end)) {
                    char found[1024];
                    describe(&r.doc, &(mcase){0}, found, sizeof found);
                    ck_abort_msg("\"%s\": no mention \"%.*s\"; %s", text, (int)(end - at),
                                 text + at, found);
                }
                run_free(&r);
                tried++;
            }
        pcre2_match_data_free(md);
        strs_free(&none);
        spelled_free(&s);
    }
    ck_assert_uint_gt(tried, 200);
    fl_patterns_free(patterns);
}
END_TEST

/* ------------------------------ the date and age patterns read by hand */

/* mentions_date.c reads FL_RE_DATE_MDY, FL_RE_DATE_DMY and the three age
 * patterns by hand on ASCII text (dm_mdy, dm_dmy, year_old_end,
 * age_aged_end, age_comma_end), with words and forms of its own: a month
 * abbreviation or an age form changed in patterns.c only, or in the
 * reader only, would go unnoticed. These tests give both many ASCII
 * sentences and want one answer: a match or none, its end, what the
 * extractor takes from the groups, and every match let through by the
 * extractor's tests before the reader. The sentences are made from the
 * pattern's own pieces (the expander), each piece's every choice paired
 * with every choice of every other piece, with the hand readers' words
 * and digits at their limits added to the pieces, then followed by
 * letters, digits, punctuation or nothing, and cut, with bytes dropped
 * or changed. Conditions are tested before ck_abort_msg (fast). */

typedef struct date_diff {
    const fl_patterns *patterns;
    pcre2_match_data *md;
    fl_re_id id;
    const char *name;
    size_t tried, matched;
} date_diff;

/* What the extractor reads of group g (date_at_word's group_int,
 * group_month, group_weekday): its digits' value, its month's or
 * weekday's number; unset is 0 (-1 for a weekday). */
static int group_value(const char *text, const PCRE2_SIZE *ov, int rc, int g, int what)
{
    if (rc <= g || ov[2 * g] == PCRE2_UNSET)
        return what == 2 ? -1 : 0;
    const char *s = text + ov[2 * g];
    if (what == 0) {
        int v = 0;
        for (size_t i = 0; i < ov[2 * g + 1] - ov[2 * g] && s[i] >= '0' && s[i] <= '9'; i++)
            v = v * 10 + (s[i] - '0');
        return v;
    }
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    static const char *const days[] = {"su", "mo", "tu", "we", "th", "fr", "sa"};
    const char b[3] = {(char)(s[0] | 0x20), (char)(s[1] | 0x20), (char)(s[2] | 0x20)};
    for (int i = 0; what == 1 && i < 12; i++)
        if (memcmp(b, months[i], 3) == 0)
            return i + 1;
    for (int i = 0; what == 2 && i < 7; i++)
        if (memcmp(b, days[i], 2) == 0)
            return i;
    return what == 2 ? -1 : 0;
}

static void date_diff_at(date_diff *d, const char *text, size_t at)
{
    const size_t len = strlen(text);
    const char *name = d->name;
    const int rc = pcre2_match(fl_patterns_code(d->patterns, d->id), (PCRE2_SPTR)text, len, at, 0,
                               d->md, fl_patterns_match_context(d->patterns));
    fl_date_hand h;
    fl_date_by_hand(text, len, d->id, at, &h);
    d->tried++;
    const PCRE2_SIZE *ov = hand_agrees(d->md, name, "hand reader", text, at, rc, h.result, h.end);
    if (!ov)
        return;
    d->matched++;
    /* FL_RE_DATE_DMY's "the" is read at the day (date_at_digit) or after
     * a weekday, never where it starts; ages_walk and age_at take only a
     * space after the comma, where the pattern takes any \s */
    const unsigned char c0 = (unsigned char)text[at];
    const bool tested = d->id == FL_RE_DATE_DMY
                            ? (c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9')
                        : d->id == FL_RE_AGE_COMMA ? text[at + 1] == ' '
                                                   : true;
    if (tested && !h.admitted)
        ck_abort_msg(
            "%s \"%s\" at %zu: the extractor's tests turn away the pattern's match \"%.*s\"", name,
            text, at, (int)(ov[1] - at), text + at);
    int want[4], got[4] = {h.year, h.month, h.day, h.weekday};
    if (d->id == FL_RE_DATE_MDY || d->id == FL_RE_DATE_DMY) {
        const bool mdy = d->id == FL_RE_DATE_MDY;
        want[0] = group_value(text, ov, rc, 5, 0);
        want[1] = group_value(text, ov, rc, mdy ? 2 : 3, 1);
        if (!want[1])
            want[1] = group_value(text, ov, rc, mdy ? 3 : 4, 1);
        want[2] = group_value(text, ov, rc, mdy ? 4 : 2, 0);
        want[3] = group_value(text, ov, rc, 1, 2);
    } else {
        want[0] = group_value(text, ov, rc, 1, 0);
        want[1] = want[2] = 0;
        want[3] = -1;
        if (rc < 2 || ov[2] != h.go || ov[3] - ov[2] != h.gl)
            ck_abort_msg(
                "%s \"%s\" at %zu: the pattern's digits differ from the hand reader's \"%.*s\"",
                name, text, at, (int)h.gl, text + h.go);
    }
    if (memcmp(want, got, sizeof want) != 0)
        ck_abort_msg("%s \"%s\" at %zu: the pattern reads year %d month %d day %d weekday %d, "
                     "the hand reader %d %d %d %d",
                     name, text, at, want[0], want[1], want[2], want[3], got[0], got[1], got[2],
                     got[3]);
}

/* Runs date_diff_at on prefix + text + each tail, on it cut at each byte
 * and, when `mutate`, with each byte dropped, changed or doubled (and,
 * when `mutate` > 1, with each two bytes dropped), each followed by one
 * of the tails in turn. */
static void date_diff_text(date_diff *d, const char *prefix, const char *core,
                           const char *const *tails, int mutate)
{
    char text[256], m[160];
    const size_t pl = strlen(prefix), cl = strlen(core);
    ck_assert_uint_lt(pl + cl + 32, sizeof text);
    for (const char *const *t = tails; *t; t++) {
        snprintf(text, sizeof text, "%s%s%s", prefix, core, *t);
        date_diff_at(d, text, pl);
    }
    for (size_t k = 0; k < cl; k++) {
        snprintf(text, sizeof text, "%s%.*s", prefix, (int)k, core);
        date_diff_at(d, text, pl);
    }
    if (!mutate)
        return;
    size_t nt = 0, turn = 0;
    while (tails[nt])
        nt++;
    static const char changes[] = "x.,- 0\t";
    for (size_t k = 0; k < cl; k++) {
        /* dropped */
        memcpy(m, core, k);
        memcpy(m + k, core + k + 1, cl - k);
        snprintf(text, sizeof text, "%s%s%s", prefix, m, tails[turn++ % nt]);
        date_diff_at(d, text, pl);
        for (size_t j = k + 1; mutate > 1 && j < cl; j++) {
            memcpy(m, core, k);
            memcpy(m + k, core + k + 1, j - k - 1);
            memcpy(m + j - 1, core + j + 1, cl - j);
            snprintf(text, sizeof text, "%s%s%s", prefix, m, tails[turn++ % nt]);
            date_diff_at(d, text, pl);
        }
        /* changed: another case, or one of `changes` */
        memcpy(m, core, cl + 1);
        const char c = core[k];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            m[k] = (char)(c ^ 0x20);
            snprintf(text, sizeof text, "%s%s%s", prefix, m, tails[turn++ % nt]);
            date_diff_at(d, text, pl);
        }
        for (const char *x = changes; *x; x++) {
            if (*x == c)
                continue;
            m[k] = *x;
            snprintf(text, sizeof text, "%s%s%s", prefix, m, tails[turn++ % nt]);
            date_diff_at(d, text, pl);
        }
        /* doubled */
        memcpy(m, core, k + 1);
        memcpy(m + k + 1, core + k, cl - k + 1);
        snprintf(text, sizeof text, "%s%s%s", prefix, m, tails[turn++ % nt]);
        date_diff_at(d, text, pl);
    }
}

/* What a piece of a pattern gets besides what it spells. */
typedef struct piece_more {
    size_t piece;
    const char *must; /* a string the piece spells (its shape is checked) */
    const char *const *more;
} piece_more;

/* Adds to s what it lacks of a, each with each of `after` appended. */
static void strs_add_after(strs *s, const char *a, const char *const *after)
{
    for (const char *const *x = after; *x; x++)
        strs_add_new(s, a, *x, strlen(*x));
}

/* The hand readers' weekdays (kinds 0 and 1) or months (2 and 3) as the
 * pattern's piece would spell them. */
static void add_hand_words(strs *s, bool weekdays)
{
    static const char *const full_wd[] = {" ", ", ", NULL}, *const abbr_wd[] = {". ", "., ", NULL},
                             *const full_m[] = {"", NULL}, *const abbr_m[] = {"", ".", NULL};
    const char *w;
    int kind;
    for (size_t i = 0; fl_date_hand_word(i, &w, &kind); i++) {
        if (weekdays != (kind < 2))
            continue;
        strs_add_after(s, w,
                       kind == 0   ? full_wd
                       : kind == 1 ? abbr_wd
                       : kind == 2 ? full_m
                                   : abbr_m);
    }
}

/* Every pair of pieces' every pair of choices (the other pieces taking
 * theirs in turn), through date_diff_text after each prefix; one
 * combination in `every` also dropped and changed (mutate). */
static void date_diff_run(fl_re_id id, const char *name, const piece_more *more, size_t nmore,
                          int weekdays_piece, int months_piece, const char *const *prefixes,
                          const char *const *tails, size_t every, int mutate, size_t min_tried)
{
    date_diff d = {.id = id, .name = name};
    fl_patterns *patterns;
    d.md = diff_match_data(id, &patterns);
    d.patterns = patterns;
    spelled s;
    spell(&s, id);
    static const char *const as_is[] = {"", NULL};
    for (size_t i = 0; i < nmore; i++) {
        strs *p = &s.piece[more[i].piece];
        bool found = false;
        for (size_t j = 0; j < p->n; j++)
            found |= strcmp(p->v[j], more[i].must) == 0;
        ck_assert_msg(found && more[i].piece < s.n, "%s: piece %zu does not spell \"%s\"", name,
                      more[i].piece, more[i].must);
        for (const char *const *x = more[i].more; *x; x++)
            strs_add_after(p, *x, as_is);
    }
    if (weekdays_piece >= 0)
        add_hand_words(&s.piece[weekdays_piece], true);
    if (months_piece >= 0)
        add_hand_words(&s.piece[months_piece], false);
    char core[128];
    size_t combos = 0;
    for (size_t i = 0; i < s.n; i++)
        for (size_t j = i + 1; j < s.n; j++)
            for (size_t ci = 0; ci < s.piece[i].n; ci++)
                for (size_t cj = 0; cj < s.piece[j].n; cj++) {
                    size_t n = 0;
                    for (size_t k = 0; k < s.n; k++) {
                        const strs *p = &s.piece[k];
                        const size_t pick = k == i ? ci
                                            : k == j
                                                ? cj
                                                : (ci * 7 + cj * 13 + k * 5 + i * 3 + j) % p->n;
                        const size_t l = strlen(p->v[pick]);
                        ck_assert_uint_lt(n + l, sizeof core);
                        memcpy(core + n, p->v[pick], l);
                        n += l;
                    }
                    core[n] = '\0';
                    const char *prefix = prefixes[combos % 3 == 0 ? 0 : 1 + combos % 2];
                    date_diff_text(&d, prefix, core, tails, combos % every == 0 ? mutate : 0);
                    combos++;
                }
    ck_assert_uint_gt(d.tried, min_tried);
    ck_assert_uint_gt(d.matched, min_tried / 20);
    spelled_free(&s);
    pcre2_match_data_free(d.md);
    fl_patterns_free(patterns);
}

static const char *const date_tails[] = {
    "",      ".",  ",",  " ", "a", "A",  "s",   "0",  "5",  " and", ", 2024", " 2024",
    ",2024", ".5", ",5", "-", "%", "st", " of", "'s", "\t", " the", ". 1999", NULL};

/* days at their limits, and years (after what YEAR's group spells before
 * it) */
static const char *const day_shapes[] = {"0",  "00", "1",  "01", "9",  "09", "10",  "19",
                                         "29", "30", "31", "32", "39", "99", "100", NULL};
static const char *const year_tails[] = {
    " 1799", " 1800",  " 1899",   " 1900",  " 2099", " 2100",   " 0999",  " 999", " 20999",
    " 19",   ", 2000", ",  1900", "\t2024", ",2024", ", 2024a", " 2024.", NULL};

START_TEST(test_date_mdy_by_hand)
{
    /* (?:WEEKDAYS,?\s+)? MONTHS \s+ (?:the\s+)? DAY (?:st|nd|rd|th)? (?!) (?:,?\s+YEAR)? */
    static const char *const suffixes[] = {"ST", "Th", "s", "x", "rd.", NULL};
    static const char *const spaces[] = {"  ", "\t", " \n", NULL};
    static const char *const the[] = {"the  ", "The ", "th ", NULL};
    const piece_more more[] = {{2, " ", spaces},
                               {3, "the ", the},
                               {4, "1", day_shapes},
                               {5, "st", suffixes},
                               {7, " 2000", year_tails}};
    static const char *const prefixes[] = {"", " ", "On ", "(", NULL};
    date_diff_run(FL_RE_DATE_MDY, "FL_RE_DATE_MDY", more, sizeof more / sizeof more[0], 0, 1,
                  prefixes, date_tails, 5, 1, 200000);
}
END_TEST

START_TEST(test_date_dmy_by_hand)
{
    /* (?:WEEKDAYS,?\s+)? (?:the\s+)? DAY (?:st|nd|rd|th)? (?!) (?:\s+of)? \s+ MONTHS (?!)
     * (?:,?\s+YEAR)? */
    static const char *const suffixes[] = {"ST", "Th", "s", "x", NULL};
    static const char *const spaces[] = {"  ", "\t", " \n", NULL};
    static const char *const the[] = {"the  ", "The ", "th ", NULL};
    static const char *const of[] = {"  of", " Of", " o", " off", NULL};
    const piece_more more[] = {{1, "the ", the}, {2, "1", day_shapes}, {3, "st", suffixes},
                               {5, " of", of},   {6, " ", spaces},     {9, " 2000", year_tails}};
    static const char *const prefixes[] = {"", " ", "On ", "(", NULL};
    date_diff_run(FL_RE_DATE_DMY, "FL_RE_DATE_DMY", more, sizeof more / sizeof more[0], 0, 7,
                  prefixes, date_tails, 5, 1, 200000);
}
END_TEST

static const char *const age_digits[] = {"0",   "1",   "9",    "10",   "62", "99",
                                         "100", "999", "1000", "0001", NULL};
static const char *const age_tails[] = {"",     ".",  ",",  " ",  "a",  "A",   "s",   "0", "5",
                                        " and", ".5", ",5", ". ", ".a", ",a",  "-",   "%", "-a",
                                        "'s",   "\t", ";",  ":",  ")",  ".\t", ", 3", NULL};

START_TEST(test_age_yearold_by_hand)
{
    /* ([0-9]{1,3}) [- ] y e a r s? [- ] o l d (?![\p{L}-]) */
    static const char *const sep[] = {"_", "\t", "", NULL};
    const piece_more more[] = {{0, "0", age_digits}, {1, "-", sep}, {7, " ", sep}};
    static const char *const prefixes[] = {"", "the ", "He, ", NULL};
    date_diff_run(FL_RE_AGE_YEAROLD, "FL_RE_AGE_YEAROLD", more, sizeof more / sizeof more[0], -1,
                  -1, prefixes, age_tails, 1, 2, 20000);
}
END_TEST

START_TEST(test_age_aged_by_hand)
{
    /* a g e d \s+ ([0-9]{1,3}) (?![\p{N}%-]|[.,][0-9]) */
    static const char *const spaces[] = {"  ", "\t", "\n ", "", NULL};
    const piece_more more[] = {{4, " ", spaces}, {5, "0", age_digits}};
    static const char *const prefixes[] = {"", "Smith, ", "He ", NULL};
    date_diff_run(FL_RE_AGE_AGED, "FL_RE_AGE_AGED", more, sizeof more / sizeof more[0], -1, -1,
                  prefixes, age_tails, 1, 2, 5000);
}
END_TEST

START_TEST(test_age_comma_by_hand)
{
    /* , \s ([0-9]{1,3}) (?:,(?![0-9])|\.(?=\s|$)) */
    static const char *const spaces[] = {"\t", "  ", "", NULL};
    static const char *const ends[] = {";", ":", "", ".,", ",,", NULL};
    const piece_more more[] = {{1, " ", spaces}, {2, "0", age_digits}, {3, ",", ends}};
    static const char *const prefixes[] = {"", "Jane Smith", "Smith", NULL};
    date_diff_run(FL_RE_AGE_COMMA, "FL_RE_AGE_COMMA", more, sizeof more / sizeof more[0], -1, -1,
                  prefixes, age_tails, 1, 2, 2000);
}
END_TEST

/* Every honorific the pattern spells is split off the name after it. */
START_TEST(test_honorifics)
{
    static const char *const shapes[][2] = {{"She met ", "Jane Smith on Monday."},
                                            {"", "Jane Smith spoke on Monday."}};
    fl_patterns *patterns;
    fl_error err;
    ck_assert_int_eq(fl_patterns_new(&patterns, &err), FL_OK);
    spelled s;
    spell(&s, FL_RE_HONORIFIC);
    char phrase[64], text[256];
    size_t from, last, to, tried = 0;
    for (size_t k = 0; spelled_case(&s, k, phrase, sizeof phrase, &from, &last, &to); k++)
        for (size_t j = 0; j < 2; j++) {
            int n = snprintf(text, sizeof text, "%s%s%s", shapes[j][0], phrase, shapes[j][1]);
            size_t at = strlen(shapes[j][0]) + strlen(phrase);
            run r;
            run_with(&r, patterns, text, (size_t)n, 1000);
            ck_assert_int_eq(r.status, FL_OK);
            if (!mention_at(&r.doc, FL_M_NAME, at, at + strlen("Jane Smith"))) {
                char found[1024];
                describe(&r.doc, &(mcase){.kinds = "name"}, found, sizeof found);
                ck_abort_msg("\"%s\": no name \"Jane Smith\"; %s", text, found);
            }
            run_free(&r);
            tried++;
        }
    ck_assert_uint_ge(tried, 16);
    spelled_free(&s);
    fl_patterns_free(patterns);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    load_cases();
    Suite *s = suite_create("mentions");
    TCase *tc = tcase_create("cases");
    tcase_add_test(tc, test_enough_cases);
    tcase_add_loop_test(tc, test_case, 0, (int)(ncases ? ncases : 1));
    suite_add_tcase(s, tc);
    TCase *limits = tcase_create("limits");
    tcase_set_timeout(limits, 120);
    tcase_add_test(limits, test_kind_names);
    tcase_add_test(limits, test_word_classes);
    tcase_add_test(limits, test_particle_filter);
    tcase_add_test(limits, test_word_heads);
    tcase_add_test(limits, test_honorifics);
    tcase_add_test(limits, test_role_canon_sorted);
    tcase_add_test(limits, test_title_pre_roles);
    tcase_add_test(limits, test_title_post_roles);
    tcase_add_test(limits, test_title_post_capitals);
    tcase_add_test(limits, test_title_pre_by_hand);
    tcase_add_test(limits, test_title_post_by_hand);
    tcase_add_test(limits, test_code_words);
    tcase_add_test(limits, test_code_words_found);
    tcase_add_test(limits, test_date_mdy_by_hand);
    tcase_add_test(limits, test_date_dmy_by_hand);
    tcase_add_test(limits, test_age_yearold_by_hand);
    tcase_add_test(limits, test_age_aged_by_hand);
    tcase_add_test(limits, test_age_comma_by_hand);
    tcase_add_test(limits, test_max_mentions);
    tcase_add_test(limits, test_mentions_already_there);
    tcase_add_test(limits, test_compact_in_place);
    tcase_add_test(limits, test_long_line);
    tcase_add_test(limits, test_pathological);
    tcase_add_test(limits, test_acronym_defs_apart);
    tcase_add_test(limits, test_name_keys);
    tcase_add_test(limits, test_number_keys);
    tcase_add_test(limits, test_news_corpus);
    suite_add_tcase(s, limits);
    return s;
}

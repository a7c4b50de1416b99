/* fact_weekday.c - a weekday that does not fall on its date.
 *
 * Only a date mention that carries its own weekday is checked (the
 * mention layer sets `weekday` when the weekday is part of the date, as in
 * "Tuesday, March 6, 2024"; "on Tuesday. March 6 is..." are two mentions
 * and stay unchecked). The year is the date's own; else the most common
 * year of the document's full dates, when two full dates or a dateline (a
 * full date in the first two sentences) support it; else the check is
 * silent. When the year was taken from the document, a weekday that fits
 * another year the document dates things in (or the next/previous year for
 * a January date in a story dated in December, and the reverse) is
 * accepted. One pass over the mentions. */
#include "fact_common.h"

#include <stdio.h>

static const char *const weekday_full[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                            "Thursday", "Friday", "Saturday"};

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Sakamoto's method; Sunday = 0. */
static int day_of_week(int y, int m, int d)
{
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static bool valid_date(int y, int m, int d)
{
    return y >= 1583 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Finds the weekday word inside the mention: a token starting with the
 * first three letters of a weekday name. */
static bool find_weekday_word(const fl_doc *doc, const fl_mention *m, size_t *off, size_t *len)
{
    for (size_t t = fc_token_at(doc, m->off); t < doc->tokens.count; t++) {
        const fl_token *tok = FL_DOC_TOKEN(doc, t);
        if (tok->off >= m->off + m->len)
            break;
        if (tok->kind != FL_TOK_WORD || tok->len < 3)
            continue;
        const char *s = doc->prose.text + tok->off;
        for (int w = 0; w < 7; w++) {
            const char *name = weekday_full[w];
            size_t n = strlen(name);
            if (tok->len > n)
                continue;
            bool same = true;
            for (size_t i = 0; i < tok->len && same; i++)
                same = fl_ctx_lower(s[i]) == fl_ctx_lower(name[i]);
            if (same) {
                *off = tok->off;
                *len = tok->len;
                return true;
            }
        }
    }
    return false;
}

/* The right weekday written like the wrong one: full or three letters,
 * capitalized or all capitals. */
static const char *styled_weekday(fl_doc *doc, int wd, int written, const char *as, size_t as_len)
{
    const char *name = weekday_full[wd];
    size_t n = strlen(name);
    /* an abbreviation of the written weekday gets the three-letter form */
    size_t want = as_len >= strlen(weekday_full[written]) ? n : 3;
    char buf[16];
    bool caps = as_len >= 2 && as[1] >= 'A' && as[1] <= 'Z';
    for (size_t i = 0; i < want; i++)
        buf[i] = caps ? (char)(name[i] >= 'a' ? name[i] - 32 : name[i]) : name[i];
    buf[want] = '\0';
    return fl_arena_strndup(doc->arena, buf, want);
}

typedef struct year_count {
    int year;
    size_t count;
    size_t first;     /* mention index of its first full date */
    bool early, late; /* dates in January-February, November-December */
} year_count;

static void run(fl_doc *doc)
{
    const uint32_t *dates;
    size_t n = fl_ctx_mentions_of(doc, 1u << FL_M_DATE, &dates);
    /* the document's years: full dates for the default, any dated year
     * with a month for the alternatives */
    /* the dates with a weekday, a month and a day: the first few listed,
     * and the first and last of them (the others are not read again: most
     * documents have none, and no date then needs a year; the others have
     * few among many dates) */
    enum { FEW = 8 };
    uint32_t few[FEW];
    size_t nw = 0, first = n, last = n;
    bool any_undated = false;
    for (size_t x = 0; x < n; x++) {
        const fl_mention *m = FL_DOC_MENTION(doc, dates[x]);
        if (m->weekday >= 0 && m->month && m->day) {
            if (nw < FEW)
                few[nw] = dates[x];
            nw++;
            first = first < x ? first : x;
            last = x;
            any_undated = any_undated || !m->year;
        }
    }
    if (first == n)
        return;
    fl_vec years;
    fl_vec_init(&years, sizeof(year_count));
    if (any_undated) {
        for (size_t x = 0; x < n; x++) {
            size_t i = dates[x];
            const fl_mention *m = FL_DOC_MENTION(doc, i);
            if (!m->year || !m->month)
                continue;
            year_count *yc = NULL;
            for (size_t k = 0; k < years.count; k++)
                if (((year_count *)years.items)[k].year == m->year)
                    yc = &((year_count *)years.items)[k];
            if (!yc) {
                if (years.count >= 64)
                    continue; /* enough to choose from; keeps this linear */
                yc = fl_vec_push(doc->arena, &years);
                if (!yc) {
                    fl_ctx_oom(doc);
                    return;
                }
                yc->year = m->year;
                yc->first = (size_t)-1;
            }
            yc->early = yc->early || m->month <= 2;
            yc->late = yc->late || m->month >= 11;
            if (m->day) {
                if (yc->count == 0)
                    yc->first = i;
                yc->count++;
            }
        }
    }
    const year_count *best = NULL;
    for (size_t k = 0; k < years.count; k++) {
        const year_count *yc = &((year_count *)years.items)[k];
        if (yc->count && (!best || yc->count > best->count ||
                          (yc->count == best->count && yc->first < best->first)))
            best = yc;
    }
    /* one full date deep in the text may be history ("beat them on 16
     * January 2002"): the year needs two full dates or a dateline (a full
     * date in the document's first two sentences) */
    if (best && best->count < 2 && FL_DOC_MENTION(doc, best->first)->sentence >= 2)
        best = NULL;

    /* the listed dates, or when they are more, all from the first to the
     * last */
    const uint32_t *to_read = nw <= FEW ? few : dates + first;
    size_t count = nw <= FEW ? nw : last - first + 1;
    for (size_t c = 0; c < count; c++) {
        const fl_mention *m = FL_DOC_MENTION(doc, to_read[c]);
        if (m->weekday < 0 || m->weekday > 6 || !m->month || !m->day)
            continue;
        int year = m->year;
        const fl_mention *year_from = NULL;
        if (!year) {
            if (!best)
                continue;
            year = best->year;
            year_from = FL_DOC_MENTION(doc, best->first);
        }
        if (!valid_date(year, m->month, m->day))
            continue;
        int actual = day_of_week(year, m->month, m->day);
        if (actual == m->weekday)
            continue;
        if (year_from) {
            bool fits = false;
            for (size_t k = 0; k < years.count && !fits; k++) {
                int y = ((year_count *)years.items)[k].year;
                fits = valid_date(y, m->month, m->day) &&
                       day_of_week(y, m->month, m->day) == m->weekday;
            }
            /* a January date in a December story may be next year's */
            int y = 0;
            if (m->month <= 2 && best->late)
                y = year + 1;
            else if (m->month >= 11 && best->early)
                y = year - 1;
            if (y)
                fits = fits || (valid_date(y, m->month, m->day) &&
                                day_of_week(y, m->month, m->day) == m->weekday);
            if (fits)
                continue;
        }
        size_t woff, wlen;
        if (!find_weekday_word(doc, m, &woff, &wlen))
            continue;
        /* the date part: the mention without the weekday and its comma */
        size_t doff = m->off, dlen = m->len;
        if (woff == m->off) {
            size_t skip = wlen;
            const char *p = doc->prose.text + m->off;
            while (skip < m->len && (p[skip] == ',' || p[skip] == '.' || p[skip] == ' '))
                skip++;
            if (skip < m->len) {
                doff = m->off + skip;
                dlen = m->len - skip;
            }
        }
        const char *wrong = fl_arena_strndup(doc->arena, doc->prose.text + woff, wlen);
        const char *date = fl_arena_strndup(doc->arena, doc->prose.text + doff, dlen);
        const char *right = styled_weekday(doc, actual, m->weekday, doc->prose.text + woff, wlen);
        if (!wrong || !date || !right) {
            fl_ctx_oom(doc);
            return;
        }
        char *msg;
        size_t rel_off[2] = {doff, 0}, rel_len[2] = {dlen, 0};
        size_t rel_count = 1;
        if (year_from) {
            msg = fl_arena_printf(doc->arena,
                                  "`%s` (line %zu) does not fall on `%s` (line %zu): in %d, the "
                                  "year of the document's dates (line %zu), that is a %s",
                                  wrong, fl_ctx_line(doc, woff), date, fl_ctx_line(doc, doff), year,
                                  fl_ctx_line(doc, year_from->off), weekday_full[actual]);
            rel_off[1] = year_from->off;
            rel_len[1] = year_from->len;
            rel_count = 2;
        } else {
            msg = fl_arena_printf(doc->arena,
                                  "`%s` (line %zu) does not fall on `%s` (line %zu), "
                                  "which is a %s",
                                  wrong, fl_ctx_line(doc, woff), date, fl_ctx_line(doc, doff),
                                  weekday_full[actual]);
        }
        if (!msg || !fl_doc_add_finding(doc, "fact-weekday", FL_SEV_ERROR, woff, wlen, msg, right,
                                        rel_off, rel_len, rel_count)) {
            fl_ctx_oom(doc);
            return;
        }
    }
}

const fl_check_def fl_check_fact_weekday = {
    {"fact-weekday", "a weekday that does not fall on its date", FL_SEV_ERROR,
     "The vote is set for Tuesday, March 6, 2024, in the capital.",
     "The vote is set for Wednesday, March 6, 2024, in the capital.",
     "A date written with its weekday states the same day twice, and the two must agree. "
     "The check computes the weekday of the date (Sakamoto's method, Gregorian calendar) and "
     "flags a weekday that does not match, suggesting the right one. The year is the date's "
     "own; when the date has none, the most common year among the document's full dates (such "
     "as a dateline) is used, and a weekday that fits another year the document dates things "
     "in, or the neighbouring year for a date near New Year, is accepted. Without any year the "
     "check is silent, and a weekday in a separate phrase from the date (\"on Tuesday. March 6 "
     "is...\") is not compared."},
    run,
    false};

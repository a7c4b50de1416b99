/* suppress.c - inline suppressions: finding directives in comments or on
 * lines of their own, dropping the findings they cover, and reporting the
 * ones that cover nothing (rule `unused-suppression`). */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FL_MAX_DIRECTIVE_RULES = 32 };

static const char unused_rule[] = "unused-suppression";

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Parses "factlint-disable rule, rule -- reason" in s[0..n) and records a
 * directive for the source span [off, off+len). Returns true when s was a
 * directive. */
static bool parse_directive(fl_doc *doc, const char *s, size_t n, size_t off, size_t len)
{
    static const struct {
        const char *word;
        fl_directive_kind kind;
    } words[] = {{"factlint-disable-next-line", FL_DIRECTIVE_NEXT_LINE},
                 {"factlint-disable", FL_DIRECTIVE_DISABLE},
                 {"factlint-enable", FL_DIRECTIVE_ENABLE}};
    size_t i = 0;
    while (i < n && is_space(s[i]))
        i++;
    while (n > i && is_space(s[n - 1]))
        n--;
    int which = -1;
    for (int w = 0; w < 3; w++) {
        size_t wl = strlen(words[w].word);
        if (n - i >= wl && memcmp(s + i, words[w].word, wl) == 0 &&
            (n - i == wl || is_space(s[i + wl]) || s[i + wl] == ',')) {
            which = w;
            i += wl;
            break;
        }
    }
    if (which < 0)
        return false;
    const char *rules[FL_MAX_DIRECTIVE_RULES];
    size_t count = 0;
    while (i < n) {
        while (i < n && (is_space(s[i]) || s[i] == ','))
            i++;
        if (i + 1 < n && s[i] == '-' && s[i + 1] == '-')
            break; /* the rest explains why */
        size_t start = i;
        while (i < n && !is_space(s[i]) && s[i] != ',')
            i++;
        if (i > start && count < FL_MAX_DIRECTIVE_RULES) {
            rules[count] = fl_arena_strndup(doc->arena, s + start, i - start);
            if (!rules[count]) {
                doc->status = FL_ENOMEM;
                return true;
            }
            count++;
        }
    }
    fl_directive *d = fl_vec_push(doc->arena, &doc->directives);
    const char **copy = count ? fl_arena_alloc(doc->arena, count * sizeof *copy) : NULL;
    if (!d || (count && !copy)) {
        doc->status = FL_ENOMEM;
        return true;
    }
    if (count)
        memcpy(copy, rules, count * sizeof *copy);
    d->kind = words[which].kind;
    d->off = off;
    d->len = len;
    d->rules = copy;
    d->rule_count = count;
    return true;
}

static const char *find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m > n)
        return NULL;
    return memmem(hay, n, needle, m);
}

void fl_suppress_scan_comments(fl_doc *doc, size_t off, size_t len)
{
    const char *base = fl_source_bytes(doc->src);
    size_t total = fl_source_length(doc->src);
    if (off > total || len > total - off)
        return;
    const char *p = base + off, *end = base + off + len;
    while (p < end) {
        const char *open = find_bytes(p, (size_t)(end - p), "<!--", 4);
        if (!open)
            return;
        const char *inner = open + 4;
        const char *close = find_bytes(inner, (size_t)(end - inner), "-->", 3);
        if (!close)
            return;
        if (find_bytes(inner, (size_t)(close - inner), "factlint-", 9))
            parse_directive(doc, inner, (size_t)(close - inner), (size_t)(open - base),
                            (size_t)(close + 3 - open));
        p = close + 3;
    }
}

void fl_suppress_scan_lines(fl_doc *doc)
{
    const char *base = fl_source_bytes(doc->src);
    size_t total = fl_source_length(doc->src);
    const char *p = base, *end = base + total;
    while (p < end) {
        /* "factlint-" found by its hyphen (memchr is much faster than
         * memmem, and hyphens are rare in prose) */
        const char *dash = memchr(p, '-', (size_t)(end - p));
        if (!dash)
            return;
        if (dash - p < 8 || memcmp(dash - 8, "factlint", 8) != 0) {
            p = dash + 1;
            continue;
        }
        const char *hit = dash - 8;
        const char *ls = hit, *le = hit;
        while (ls > base && ls[-1] != '\n' && ls[-1] != '\r')
            ls--;
        while (le < end && *le != '\n' && *le != '\r')
            le++;
        /* the line, trimmed, maybe wrapped in a comment */
        const char *a = ls, *b = le;
        while (a < b && is_space(*a))
            a++;
        while (b > a && is_space(b[-1]))
            b--;
        const char *ia = a, *ib = b;
        if (ib - ia >= 7 && memcmp(ia, "<!--", 4) == 0 && memcmp(ib - 3, "-->", 3) == 0) {
            ia += 4;
            ib -= 3;
        }
        if (a == hit || ia < hit) {
            const char *t = ia;
            while (t < ib && is_space(*t))
                t++;
            if (t == hit)
                parse_directive(doc, ia, (size_t)(ib - ia), (size_t)(a - base), (size_t)(b - a));
        }
        p = le;
    }
}

/* ---------------------------------------------------------------- apply */

typedef struct region {
    size_t start, end;
} region;

static bool line_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i]))
            return false;
    return true;
}

static region next_line_region(const fl_doc *doc, const fl_directive *d)
{
    const fl_source *src = doc->src;
    const char *base = fl_source_bytes(src);
    size_t total = fl_source_length(src);
    size_t line, col;
    fl_source_position(src, d->off + (d->len ? d->len - 1 : 0), &line, &col);
    size_t lines = fl_source_line_count(src);
    for (size_t l = line + 1; l <= lines; l++) {
        size_t s = fl_source_line_offset(src, l);
        size_t e = l + 1 <= lines ? fl_source_line_offset(src, l + 1) : total;
        if (!line_blank(base + s, e - s))
            return (region){s, e};
    }
    return (region){total, total};
}

static bool names_rule(const fl_directive *d, const char *rule)
{
    if (d->rule_count == 0)
        return true;
    for (size_t i = 0; i < d->rule_count; i++)
        if (strcmp(d->rules[i], rule) == 0)
            return true;
    return false;
}

static bool shares_rule(const fl_directive *a, const fl_directive *b)
{
    if (a->rule_count == 0 || b->rule_count == 0)
        return true;
    for (size_t i = 0; i < b->rule_count; i++)
        if (names_rule(a, b->rules[i]))
            return true;
    return false;
}

static int directive_order(const void *pa, const void *pb)
{
    const fl_directive *a = pa, *b = pb;
    return a->off < b->off ? -1 : a->off > b->off;
}

static long registry_index(const char *id)
{
    for (size_t i = 0; i < fl_check_count; i++)
        if (strcmp(fl_checks[i]->info.id, id) == 0)
            return (long)i;
    return -1;
}

static bool add_source_finding(fl_doc *doc, const char *rule, fl_severity severity, size_t off,
                               size_t len, const char *message)
{
    fl_finding *f = fl_vec_push(doc->arena, &doc->findings);
    if (!f)
        return false;
    f->rule = rule;
    f->severity = severity;
    f->offset = off;
    f->length = len;
    f->text = fl_arena_strndup(doc->arena, fl_source_bytes(doc->src) + off, len);
    f->message = fl_arena_strndup(doc->arena, message, strlen(message));
    uint64_t h = fl_hash64(rule, strlen(rule), 0);
    h = fl_hash64(f->text ? f->text : "", len, h);
    h = fl_hash64(message, strlen(message), h);
    f->fingerprint = fl_arena_printf(doc->arena, "%016llx", (unsigned long long)h);
    return f->text && f->message && f->fingerprint;
}

static bool report_unused(fl_doc *doc, const fl_directive *d, const bool *enabled,
                          fl_severity severity, const char *rule_id)
{
    char msg[512];
    bool any_enabled = d->rule_count == 0;
    for (size_t i = 0; i < d->rule_count; i++) {
        long k = registry_index(d->rules[i]);
        if (k < 0) {
            snprintf(msg, sizeof msg, "unknown rule `%.64s` in a suppression; see --list-rules",
                     d->rules[i]);
            if (!add_source_finding(doc, rule_id, severity, d->off, d->len, msg))
                return false;
        } else if (!enabled || enabled[k]) {
            any_enabled = true;
        }
    }
    if (d->used || !any_enabled)
        return true;
    if (d->rule_count == 0) {
        snprintf(msg, sizeof msg, "this suppression of every rule suppresses nothing; remove it");
    } else {
        char names[256];
        size_t n = 0;
        names[0] = '\0';
        for (size_t i = 0; i < d->rule_count && n < sizeof names - 64; i++) {
            int w = snprintf(names + n, sizeof names - n, "%s`%.48s`", i ? ", " : "", d->rules[i]);
            if (w > 0)
                n += (size_t)w;
        }
        snprintf(msg, sizeof msg, "this suppression of %s suppresses nothing; remove it", names);
    }
    return add_source_finding(doc, rule_id, severity, d->off, d->len, msg);
}

fl_status fl_suppress_apply(fl_doc *doc, const bool *enabled, const fl_severity *severity)
{
    size_t nd = doc->directives.count;
    if (nd == 0)
        return FL_OK;
    fl_directive *dirs = doc->directives.items;
    qsort(dirs, nd, sizeof *dirs, directive_order);
    region *regions = fl_arena_alloc(doc->arena, nd * sizeof *regions);
    if (!regions)
        return FL_ENOMEM;
    size_t total = fl_source_length(doc->src);
    for (size_t i = 0; i < nd; i++) {
        const fl_directive *d = &dirs[i];
        if (d->kind == FL_DIRECTIVE_NEXT_LINE) {
            regions[i] = next_line_region(doc, d);
        } else if (d->kind == FL_DIRECTIVE_DISABLE) {
            regions[i] = (region){d->off + d->len, total};
            for (size_t k = i + 1; k < nd; k++) {
                if (dirs[k].kind == FL_DIRECTIVE_ENABLE && shares_rule(d, &dirs[k])) {
                    regions[i].end = dirs[k].off;
                    break;
                }
            }
        } else {
            regions[i] = (region){0, 0};
        }
    }
    fl_finding *f = doc->findings.items;
    size_t kept = 0;
    for (size_t j = 0; j < doc->findings.count; j++) {
        bool drop = false;
        for (size_t i = 0; i < nd; i++) {
            if (dirs[i].kind == FL_DIRECTIVE_ENABLE)
                continue;
            if (f[j].offset >= regions[i].start && f[j].offset < regions[i].end &&
                names_rule(&dirs[i], f[j].rule)) {
                dirs[i].used++;
                drop = true;
            }
        }
        if (!drop)
            f[kept++] = f[j];
    }
    doc->findings.count = kept;

    long ui = registry_index(unused_rule);
    if (ui < 0 || (enabled && !enabled[ui]))
        return FL_OK;
    fl_severity sev = severity ? severity[ui] : fl_checks[ui]->info.severity;
    const char *rule_id = fl_checks[ui]->info.id;
    for (size_t i = 0; i < nd; i++) {
        if (dirs[i].kind == FL_DIRECTIVE_ENABLE)
            continue;
        if (!report_unused(doc, &dirs[i], enabled, sev, rule_id))
            return FL_ENOMEM;
    }
    return FL_OK;
}

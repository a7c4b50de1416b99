/* blame.c - name forms, grouping and blame shared by name-variant,
 * name-casing and name-spelling (see blame.h). */
#include "blame.h"

#include "../lexicon.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_RELATED = 3 };

static bool ends_with(const char *s, size_t len, const char *tail)
{
    size_t n = strlen(tail);
    return len >= n && memcmp(s + len - n, tail, n) == 0;
}

bool fl_name_use_init(fl_doc *doc, size_t i, fl_name_use *use)
{
    const fl_mention *m = FL_DOC_MENTION(doc, i);
    memset(use, 0, sizeof *use);
    if (!m->surface)
        return false;
    size_t len = strlen(m->surface);
    if (len > m->len)
        len = m->len;
    const char *s = m->surface;
    /* possessive: Nvidia's, Nvidia’s, Jones' */
    if (ends_with(s, len, "'s") || ends_with(s, len, "'S"))
        len -= 2;
    else if (ends_with(s, len, "\xe2\x80\x99s") || ends_with(s, len, "\xe2\x80\x99S"))
        len -= 4;
    else if (ends_with(s, len, "s'"))
        len -= 1;
    else if (ends_with(s, len, "s\xe2\x80\x99"))
        len -= 3;
    size_t suffix = 0;
    if (m->kind == FL_M_CODE && len >= 2 && s[len - 1] == 's' &&
        ((s[len - 2] >= '0' && s[len - 2] <= '9') || (s[len - 2] >= 'A' && s[len - 2] <= 'Z')))
        suffix = 1;
    if (len <= suffix)
        return false;
    use->mention = i;
    use->sentence = m->sentence;
    use->off = m->off;
    use->len = len;
    use->form = s;
    use->form_len = len - suffix;
    use->suffix = suffix ? "s" : "";
    return true;
}

bool fl_name_use_set_key(fl_doc *doc, fl_name_use *use,
                         size_t (*key_of)(const char *, size_t, unsigned, char *, size_t),
                         bool *keyed)
{
    char key[256];
    size_t klen = key_of(use->form, use->form_len, 0, key, sizeof key);
    *keyed = klen > 0 && klen < sizeof key;
    if (!*keyed)
        return true;
    use->key = fl_arena_strndup(doc->arena, key, klen);
    if (!use->key) {
        doc->status = FL_ENOMEM;
        return false;
    }
    return true;
}

size_t fl_name_uses_run(const fl_name_use *uses, size_t count, size_t r, bool *several)
{
    size_t end = r + 1;
    *several = false;
    while (end < count && strcmp(uses[end].key, uses[r].key) == 0) {
        if (uses[end].form_len != uses[r].form_len ||
            memcmp(uses[end].form, uses[r].form, uses[r].form_len) != 0)
            *several = true;
        end++;
    }
    return end;
}

size_t fl_name_use_line(const fl_doc *doc, const fl_name_use *use)
{
    size_t so, sl, line, col;
    fl_prose_to_source(&doc->prose, use->off, use->len, &so, &sl);
    fl_source_position(doc->src, so, &line, &col);
    return line;
}

static int use_order(const void *pa, const void *pb)
{
    const fl_name_use *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    size_t n = a->form_len < b->form_len ? a->form_len : b->form_len;
    c = memcmp(a->form, b->form, n);
    if (c)
        return c;
    if (a->form_len != b->form_len)
        return a->form_len < b->form_len ? -1 : 1;
    if (a->off != b->off)
        return a->off < b->off ? -1 : 1;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

void fl_name_uses_sort(fl_name_use *uses, size_t count)
{
    if (count > 1)
        qsort(uses, count, sizeof *uses, use_order);
}

int fl_blame_lexicon_status(const fl_doc *doc, const char *form, size_t len)
{
    if (!doc->lexicon)
        return 0;
    char key[512];
    size_t klen = fl_fold(form, len, 0, key, sizeof key);
    if (klen >= sizeof key)
        return 0;
    const fl_lex_hit *hits;
    size_t n = fl_lexicon_by_fold(doc->lexicon, key, klen, &hits);
    for (size_t i = 0; i < n; i++)
        if (strlen(hits[i].form) == len && memcmp(hits[i].form, form, len) == 0)
            return 1;
    n = fl_lexicon_by_misspelling(doc->lexicon, key, klen, &hits);
    for (size_t i = 0; i < n; i++)
        if (strlen(hits[i].form) == len && memcmp(hits[i].form, form, len) == 0)
            return -1;
    return 0;
}

size_t fl_name_forms(fl_doc *doc, fl_name_use *uses, size_t count, fl_name_form **forms)
{
    *forms = NULL;
    /* drop a span listed twice (one mention found as two kinds) */
    size_t w = 0;
    for (size_t r = 0; r < count; r++) {
        if (w && uses[w - 1].off == uses[r].off && uses[w - 1].form_len == uses[r].form_len &&
            memcmp(uses[w - 1].form, uses[r].form, uses[r].form_len) == 0)
            continue;
        uses[w++] = uses[r];
    }
    count = w;
    size_t n = 0;
    for (size_t r = 0; r < count; r++)
        if (r == 0 || uses[r].form_len != uses[r - 1].form_len ||
            memcmp(uses[r].form, uses[r - 1].form, uses[r].form_len) != 0)
            n++;
    fl_name_form *out = fl_arena_alloc(doc->arena, (n ? n : 1) * sizeof *out);
    if (!out) {
        doc->status = FL_ENOMEM;
        return 0;
    }
    size_t k = 0;
    for (size_t r = 0; r < count;) {
        size_t end = r + 1;
        while (end < count && uses[end].form_len == uses[r].form_len &&
               memcmp(uses[end].form, uses[r].form, uses[r].form_len) == 0)
            end++;
        fl_name_form *f = &out[k++];
        f->text = fl_arena_strndup(doc->arena, uses[r].form, uses[r].form_len);
        if (!f->text) {
            doc->status = FL_ENOMEM;
            return 0;
        }
        f->len = uses[r].form_len;
        f->uses = &uses[r];
        f->count = end - r;
        f->lexicon = fl_blame_lexicon_status(doc, f->text, f->len);
        r = end;
    }
    *forms = out;
    return n;
}

static size_t only_one(const fl_name_form *forms, size_t n, bool (*pred)(const fl_name_form *))
{
    size_t found = n;
    for (size_t i = 0; i < n; i++)
        if (pred(&forms[i])) {
            if (found != n)
                return n;
            found = i;
        }
    return found;
}

static bool is_lexicon_form(const fl_name_form *f)
{
    return f->lexicon > 0;
}

static bool is_not_misspelling(const fl_name_form *f)
{
    return f->lexicon >= 0;
}

static bool fits_shape(const fl_name_form *f)
{
    return f->shape;
}

size_t fl_blame_pick(const fl_name_form *forms, size_t n, fl_blame_reason *reason)
{
    size_t i = only_one(forms, n, is_lexicon_form);
    if (i == n && n == 2)
        i = only_one(forms, n, is_not_misspelling);
    if (i < n) {
        *reason = FL_BLAME_LEXICON;
        return i;
    }
    i = only_one(forms, n, fits_shape);
    if (i < n) {
        *reason = FL_BLAME_SHAPE;
        return i;
    }
    size_t best = 0;
    bool tie = false;
    for (i = 1; i < n; i++) {
        if (forms[i].count > forms[best].count) {
            best = i;
            tie = false;
        } else if (forms[i].count == forms[best].count) {
            tie = true;
        }
    }
    if (!tie) {
        *reason = FL_BLAME_MAJORITY;
        return best;
    }
    /* the most frequent forms tie: the one used first among them */
    size_t top = forms[best].count;
    best = n;
    for (i = 0; i < n; i++)
        if (forms[i].count == top && (best == n || forms[i].uses[0].off < forms[best].uses[0].off))
            best = i;
    *reason = FL_BLAME_FIRST;
    return best;
}

const char *fl_blame_times(fl_doc *doc, size_t count)
{
    return count == 1 ? "once" : fl_arena_printf(doc->arena, "%zu times", count);
}

const char *fl_blame_where(fl_doc *doc, const fl_name_form *form)
{
    if (form->count == 1)
        return fl_arena_printf(doc->arena, "line %zu", fl_name_use_line(doc, &form->uses[0]));
    return fl_arena_printf(doc->arena, "line %zu, %zu times", fl_name_use_line(doc, &form->uses[0]),
                           form->count);
}

const char *fl_blame_reason_text(fl_doc *doc, fl_blame_reason reason, const fl_name_form *right)
{
    switch (reason) {
    case FL_BLAME_LEXICON:
        return " (the lexicon's form)";
    case FL_BLAME_SHAPE:
        return right && right->shape_peer
                   ? fl_arena_printf(doc->arena, " (the form that fits `%s`)", right->shape_peer)
                   : " (the form that fits its family)";
    case FL_BLAME_MAJORITY:
        return " (the more frequent form)";
    case FL_BLAME_FIRST:
        return " (the form used first)";
    case FL_BLAME_SCRIPT:
        return " (the form written in one script)";
    }
    return "";
}

void fl_blame_report(fl_doc *doc, const char *rule, fl_severity severity, const fl_name_form *wrong,
                     const char *right_text, const fl_name_form *right, const char *message)
{
    if (!message) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t rel_off[MAX_RELATED], rel_len[MAX_RELATED], nrel = 0;
    for (size_t i = 0; right && i < right->count && nrel < MAX_RELATED; i++) {
        rel_off[nrel] = right->uses[i].off;
        rel_len[nrel] = right->uses[i].form_len;
        nrel++;
    }
    for (size_t i = 0; i < wrong->count; i++) {
        const fl_name_use *u = &wrong->uses[i];
        const char *suggestion =
            u->suffix[0] ? fl_arena_printf(doc->arena, "%s%s", right_text, u->suffix) : right_text;
        if (!suggestion || !fl_doc_add_finding(doc, rule, severity, u->off, u->len, message,
                                               suggestion, rel_off, rel_len, nrel)) {
            doc->status = FL_ENOMEM;
            return;
        }
    }
}

bool fl_name_sentence_initial(const fl_doc *doc, const fl_mention *m)
{
    if (m->sentence >= doc->sentences.count)
        return false;
    const fl_sentence *s = FL_DOC_SENTENCE(doc, m->sentence);
    for (size_t t = s->first_token; t < s->first_token + s->token_count; t++) {
        const fl_token *tok = FL_DOC_TOKEN(doc, t);
        if (tok->kind == FL_TOK_PUNCT)
            continue;
        return m->off <= tok->off;
    }
    return m->off <= s->off;
}

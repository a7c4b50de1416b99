/* name_casing.c - one name cased two ways in one document (`Nvidia` and
 * `NVIDIA`). Only inconsistency is flagged: a document that writes `Nasa`
 * throughout follows a house style. Mentions in all-caps or title-case
 * headings are not evidence, and neither is a form seen only at the start
 * of sentences (`Who`, `Us`, `EBay`). */
#include "blame.h"

#include <string.h>

static const char RULE[] = "name-casing";

static bool wanted(const fl_doc *doc, const fl_mention *m)
{
    if (m->kind != FL_M_CODE && m->kind != FL_M_NAME && m->kind != FL_M_ACRONYM)
        return false;
    if (m->sentence < doc->sentences.count) {
        const fl_sentence *s = FL_DOC_SENTENCE(doc, m->sentence);
        if (s->all_caps || s->title_case)
            return false;
    }
    return true;
}

static bool all_caps_word(const char *s, size_t len)
{
    size_t letters = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return false;
        letters += s[i] >= 'A' && s[i] <= 'Z';
    }
    return letters >= 2;
}

/* An all-caps mention inside a run of all-caps words ("DEAD OR ALIVE
 * ULTIMATE" as a run-in heading) is shouting, not a casing of the name. */
static bool in_caps_run(const fl_doc *doc, const fl_mention *m)
{
    if (!all_caps_word(m->surface, strlen(m->surface)) || m->sentence >= doc->sentences.count)
        return false;
    const fl_sentence *s = FL_DOC_SENTENCE(doc, m->sentence);
    for (size_t t = s->first_token; t < s->first_token + s->token_count; t++) {
        const fl_token *tok = FL_DOC_TOKEN(doc, t);
        bool before = tok->off + tok->len <= m->off && tok->off + tok->len + 2 >= m->off;
        bool after = tok->off >= m->off + m->len && tok->off <= m->off + m->len + 2;
        if ((before || after) && tok->kind == FL_TOK_WORD &&
            all_caps_word(doc->prose.text + tok->off, tok->len))
            return true;
    }
    return false;
}

static void compare_group(fl_doc *doc, fl_name_use *uses, size_t count, const bool *initial)
{
    fl_name_form *all;
    size_t n = fl_name_forms(doc, uses, count, &all);
    /* keep forms seen at least once away from a sentence start */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool mid = false;
        for (size_t u = 0; u < all[i].count && !mid; u++)
            mid = !initial[all[i].uses[u].mention];
        if (mid)
            all[k++] = all[i];
    }
    n = k;
    if (n < 2)
        return;
    fl_blame_reason reason;
    size_t best = fl_blame_pick(all, n, &reason);
    const fl_name_form *right = &all[best];
    for (size_t i = 0; i < n && doc->status == FL_OK; i++) {
        if (i == best)
            continue;
        const fl_name_form *wrong = &all[i];
        fl_difference diff;
        if (fl_compare_surfaces(wrong->text, wrong->len, right->text, right->len, &diff) != FL_OK)
            continue;
        if (!(diff.kinds & FL_DIFF_CASE) ||
            (diff.kinds &
             ~(FL_DIFF_CASE | FL_DIFF_INFLECTION | FL_DIFF_PUNCTUATION | FL_DIFF_COMPOSITION)))
            continue;
        const char *message = fl_arena_printf(
            doc->arena, "`%s` (%s) is cased differently from `%s` (%s); write `%s`%s", wrong->text,
            fl_blame_times(doc, wrong->count), right->text, fl_blame_where(doc, right), right->text,
            fl_blame_reason_text(doc, reason, right));
        fl_blame_report(doc, RULE, FL_SEV_WARNING, wrong, right->text, right, message);
    }
}

static void run(fl_doc *doc)
{
    size_t total = doc->mentions.count;
    if (total < 2)
        return;
    fl_name_use *uses = fl_arena_alloc(doc->arena, total * sizeof *uses);
    bool *initial = fl_arena_alloc(doc->arena, total * sizeof *initial);
    if (!uses || !initial) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t n = 0;
    char key[256];
    for (size_t i = 0; i < total; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (!wanted(doc, m) || in_caps_run(doc, m) || !fl_name_use_init(doc, i, &uses[n]))
            continue;
        fl_name_use *u = &uses[n];
        size_t klen = fl_fold(u->form, u->form_len, 0, key, sizeof key);
        if (klen == 0 || klen >= sizeof key)
            continue;
        u->key = fl_arena_strndup(doc->arena, key, klen);
        if (!u->key) {
            doc->status = FL_ENOMEM;
            return;
        }
        initial[i] = fl_name_sentence_initial(doc, m);
        n++;
    }
    fl_name_uses_sort(uses, n);
    for (size_t r = 0; r < n && doc->status == FL_OK;) {
        size_t end = r + 1;
        bool several = false;
        while (end < n && strcmp(uses[end].key, uses[r].key) == 0) {
            if (uses[end].form_len != uses[r].form_len ||
                memcmp(uses[end].form, uses[r].form, uses[r].form_len) != 0)
                several = true;
            end++;
        }
        if (several)
            compare_group(doc, uses + r, end - r, initial);
        r = end;
    }
}

const fl_check_def fl_check_name_casing = {
    {"name-casing", "one name cased two ways", FL_SEV_WARNING,
     "Shares in Nvidia rose after record sales. Analysts said NVIDIA would keep growing.",
     "NASA launched the probe on Monday. NASA said the probe was healthy.",
     "Flags a name written with two casings in one document, such as Nvidia and NVIDIA or "
     "YouTube and Youtube. Only inconsistency is flagged: a document that writes Nasa "
     "throughout follows a house style and is left alone. Mentions inside all-caps headlines "
     "and title-case headings are not counted, and a form seen only at the start of sentences "
     "is not evidence either. The suggested form is the lexicon's, else the more frequent, else "
     "the first used."},
    run};

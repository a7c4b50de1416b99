/* name_variant.c - one name written with look-alike characters or with
 * different spacing, hyphenation or width (`H2O` vs `H20`, `F-35` vs
 * `F35`). Mentions are bucketed by skeleton key; only forms sharing a
 * skeleton are compared. Case-only differences belong to name-casing. */
#include "blame.h"

#include <stdlib.h>
#include <string.h>

static const char RULE[] = "name-variant";

typedef struct family_use {
    const char *family;
    const char *skeleton;
    const char *form;
} family_use;

static int family_order(const void *pa, const void *pb)
{
    const family_use *a = pa, *b = pb;
    int c = strcmp(a->family, b->family);
    return c ? c : strcmp(a->skeleton, b->skeleton);
}

/* Another code in the document (a different name) with this family key,
 * or NULL. */
static const char *family_peer(const family_use *fams, size_t n, const char *family,
                               const char *skeleton)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(fams[mid].family, family) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && strcmp(fams[lo].family, family) == 0; lo++)
        if (strcmp(fams[lo].skeleton, skeleton) != 0)
            return fams[lo].form;
    return NULL;
}

static bool has_digit_and_letter(const char *s, size_t len)
{
    bool digit = false, letter = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            letter = true;
    }
    return digit && letter;
}

static bool ascii_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Inserts counts after the quoted forms in the normalizer's description,
 * with single quotes throughout; NULL when the forms are not found. */
static const char *annotate(fl_doc *doc, const char *desc, const fl_name_form *wrong,
                            const char *wrong_note, const fl_name_form *right,
                            const char *right_note)
{
    static const char *const quotes[][2] = {
        {"`", "`"}, {"'", "'"}, {"\xe2\x80\x98", "\xe2\x80\x99"}, {"\"", "\""}};
    const char *forms[2] = {wrong->text, right->text};
    const char *notes[2] = {wrong_note, right_note};
    const char *at[2] = {NULL, NULL};
    size_t qlen[2] = {0, 0};
    for (int side = 0; side < 2; side++) {
        for (size_t q = 0; q < sizeof quotes / sizeof quotes[0]; q++) {
            char *needle =
                fl_arena_printf(doc->arena, "%s%s%s", quotes[q][0], forms[side], quotes[q][1]);
            if (!needle)
                return NULL;
            const char *p = strstr(desc, needle);
            if (p && (!at[side] || p < at[side])) {
                at[side] = p;
                qlen[side] = strlen(needle);
            }
        }
        if (!at[side])
            return NULL;
    }
    /* the description may name either form first */
    int first = at[0] < at[1] ? 0 : 1, second = 1 - first;
    if (at[first] + qlen[first] > at[second])
        return NULL;
    return fl_arena_printf(doc->arena, "%.*s'%s' (%s)%.*s'%s' (%s)%s", (int)(at[first] - desc),
                           desc, forms[first], notes[first],
                           (int)(at[second] - (at[first] + qlen[first])), at[first] + qlen[first],
                           forms[second], notes[second], at[second] + qlen[second]);
}

static void compare_group(fl_doc *doc, fl_name_use *uses, size_t count, const family_use *fams,
                          size_t nfam)
{
    fl_name_form *forms;
    size_t n = fl_name_forms(doc, uses, count, &forms);
    if (n < 2)
        return;
    char fam[128];
    for (size_t i = 0; i < n; i++) {
        size_t flen = fl_family(forms[i].text, forms[i].len, fam, sizeof fam);
        if (flen == 0 || flen >= sizeof fam)
            continue;
        forms[i].shape_peer = family_peer(fams, nfam, fam, forms[i].uses[0].key);
        forms[i].shape = forms[i].shape_peer != NULL;
    }
    fl_blame_reason reason;
    size_t best = fl_blame_pick(forms, n, &reason);
    const fl_name_form *right = &forms[best];
    for (size_t i = 0; i < n && doc->status == FL_OK; i++) {
        if (i == best)
            continue;
        const fl_name_form *wrong = &forms[i];
        /* two forms the lexicon accepts (U.S. and US) are a style choice */
        if (wrong->lexicon > 0 && right->lexicon > 0)
            continue;
        fl_difference diff;
        if (fl_compare_surfaces(wrong->text, wrong->len, right->text, right->len, &diff) != FL_OK)
            continue;
        /* case is name-casing's; endings, quote style and Unicode
         * composition are not a different spelling */
        unsigned kinds = diff.kinds & ~(FL_DIFF_CASE | FL_DIFF_INFLECTION | FL_DIFF_PUNCTUATION |
                                        FL_DIFF_COMPOSITION);
        if (!kinds || (kinds & FL_DIFF_OTHER))
            continue;
        /* a digit standing for a letter only counts inside codes that mix
         * letters and digits on both sides (E5 is not ES) */
        if ((kinds & FL_DIFF_LOOKALIKE) && (ascii_digit(diff.a_char) || ascii_digit(diff.b_char)) &&
            !(has_digit_and_letter(wrong->text, wrong->len) &&
              has_digit_and_letter(right->text, right->len)))
            continue;
        fl_severity severity =
            (kinds & (FL_DIFF_LOOKALIKE | FL_DIFF_INVISIBLE)) ? FL_SEV_ERROR : FL_SEV_WARNING;
        const char *wrong_note = fl_blame_times(doc, wrong->count);
        const char *right_note = fl_blame_where(doc, right);
        const char *why = fl_blame_reason_text(doc, reason, right);
        const char *body = annotate(doc, diff.description, wrong, wrong_note, right, right_note);
        char *message;
        if (body)
            message = fl_arena_printf(doc->arena, "%s; write '%s'%s", body, right->text, why);
        else if (diff.description[0])
            message = fl_arena_printf(doc->arena,
                                      "'%s' (%s) and '%s' (%s) are one name written "
                                      "two ways: %s; write '%s'%s",
                                      wrong->text, wrong_note, right->text, right_note,
                                      diff.description, right->text, why);
        else
            message =
                fl_arena_printf(doc->arena,
                                "'%s' (%s) and '%s' (%s) are one name written "
                                "two ways; write '%s'%s",
                                wrong->text, wrong_note, right->text, right_note, right->text, why);
        /* the normalizer quotes with backticks: one quoting style throughout */
        for (char *p = message; p && *p; p++)
            if (*p == '`')
                *p = '\'';
        fl_blame_report(doc, RULE, severity, wrong, right->text, right, message);
    }
}

static bool wanted(const fl_mention *m)
{
    return m->kind == FL_M_CODE || m->kind == FL_M_NAME || m->kind == FL_M_ACRONYM;
}

static void run(fl_doc *doc)
{
    size_t total = doc->mentions.count;
    if (total < 2)
        return;
    fl_name_use *uses = fl_arena_alloc(doc->arena, total * sizeof *uses);
    family_use *fams = fl_arena_alloc(doc->arena, total * sizeof *fams);
    if (!uses || !fams) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t n = 0, nfam = 0;
    char key[256];
    for (size_t i = 0; i < total; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (!wanted(m) || !fl_name_use_init(doc, i, &uses[n]))
            continue;
        fl_name_use *u = &uses[n];
        size_t klen = fl_skeleton(u->form, u->form_len, 0, key, sizeof key);
        if (klen == 0 || klen >= sizeof key)
            continue;
        u->key = fl_arena_strndup(doc->arena, key, klen);
        if (!u->key) {
            doc->status = FL_ENOMEM;
            return;
        }
        n++;
        if (m->kind != FL_M_CODE)
            continue;
        size_t flen = fl_family(u->form, u->form_len, key, sizeof key);
        if (flen == 0 || flen >= sizeof key)
            continue;
        const char *form = fl_arena_strndup(doc->arena, u->form, u->form_len);
        const char *family = fl_arena_strndup(doc->arena, key, flen);
        if (!form || !family) {
            doc->status = FL_ENOMEM;
            return;
        }
        fams[nfam++] = (family_use){family, u->key, form};
    }
    if (nfam > 1)
        qsort(fams, nfam, sizeof *fams, family_order);
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
            compare_group(doc, uses + r, end - r, fams, nfam);
        r = end;
    }
}

const fl_check_def fl_check_name_variant = {
    {"name-variant", "one name written with look-alike characters or different spacing",
     FL_SEV_ERROR,
     "Nvidia ships the H20 to China. The H2O is a cut-down part, and the H100 is not for export.",
     "Water is H2O. The lab measured H2O levels in the samples before the H2O was heated.",
     "Flags a name or code written two ways in one document where the two forms share a "
     "skeleton key: the same characters once look-alikes (the digit 0 and the letter O, a "
     "Cyrillic Н and a Latin H) and spacing, hyphens and dots inside the name are set aside. "
     "Look-alike characters inside codes are errors (H2O for H20); spacing and hyphenation "
     "differences (F-35 and F35, Time Warner and TimeWarner) are warnings. The suggested form "
     "is the lexicon's, else the one that fits the shape of its family in the document (H20 "
     "beside H100), else the more frequent, else the first used. Case-only differences are "
     "left to name-casing."},
    run};

/* test_name_checks.c - name-variant, name-casing and name-spelling on
 * documents whose mentions are given by the test (so each check is tested
 * apart from the mention extractor), plus one end-to-end run of the seed
 * article when it is present. */
#include "lexicon.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct mspec {
    const char *surface;
    fl_mention_kind kind;
} mspec;

#define CODE(s)                                                                                    \
    {                                                                                              \
        s, FL_M_CODE                                                                               \
    }
#define NAME(s)                                                                                    \
    {                                                                                              \
        s, FL_M_NAME                                                                               \
    }
#define ACR(s)                                                                                     \
    {                                                                                              \
        s, FL_M_ACRONYM                                                                            \
    }

typedef struct tdoc {
    fl_doc doc;
    fl_source *src;
} tdoc;

static fl_lexicon *builtin_lex;

static void setup(void)
{
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build(true, NULL, 0, &builtin_lex, &err), FL_OK);
}

static void teardown(void)
{
    fl_lexicon_free(builtin_lex);
    builtin_lex = NULL;
}

static bool is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

static bool has_lower(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return true;
    return false;
}

/* Sentences: lines, split further after ". "; a line without final
 * punctuation is a headline, all caps when it has no lower case letter,
 * title case when most of its words are capitalized. */
static void segment(fl_doc *doc)
{
    const char *t = doc->prose.text;
    size_t len = doc->prose.len, start = 0, para = 0;
    for (size_t i = 0; i <= len; i++) {
        bool end_line = i == len || t[i] == '\n';
        bool end_sent = i + 1 < len && t[i] == '.' && t[i + 1] == ' ';
        if (!end_line && !end_sent)
            continue;
        size_t stop = end_sent ? i + 1 : i;
        while (start < stop && t[start] == ' ')
            start++;
        if (stop > start) {
            fl_sentence *s = fl_vec_push(doc->arena, &doc->sentences);
            s->off = start;
            s->len = stop - start;
            s->paragraph = para;
            s->first_token = doc->tokens.count;
            size_t words = 0, caps = 0;
            for (size_t k = start; k < stop;) {
                if (!is_word_byte(t[k])) {
                    fl_token *tok = fl_vec_push(doc->arena, &doc->tokens);
                    *tok = (fl_token){.off = k, .len = 1, .kind = FL_TOK_PUNCT};
                    k++;
                    if (t[k - 1] == ' ')
                        doc->tokens.count--;
                    continue;
                }
                size_t w = k;
                while (w < stop && (is_word_byte(t[w]) || t[w] == '-'))
                    w++;
                fl_token *tok = fl_vec_push(doc->arena, &doc->tokens);
                bool cap = t[k] >= 'A' && t[k] <= 'Z';
                *tok = (fl_token){.off = k,
                                  .len = w - k,
                                  .kind = FL_TOK_WORD,
                                  .capitalized = cap,
                                  .all_caps = cap && !has_lower(t + k, w - k)};
                words++;
                caps += cap;
                k = w;
            }
            s->token_count = doc->tokens.count - s->first_token;
            /* context: the sentence's words lower-cased (unstemmed; the
             * checks match stems by prefix) */
            s->context = fl_arena_alloc(doc->arena, (s->token_count + 1) * sizeof *s->context);
            s->context_count = 0;
            for (size_t k = s->first_token; k < doc->tokens.count; k++) {
                const fl_token *tok = FL_DOC_TOKEN(doc, k);
                if (tok->kind != FL_TOK_WORD)
                    continue;
                char *wd = fl_arena_strndup(doc->arena, t + tok->off, tok->len);
                for (char *c = wd; *c; c++)
                    if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c - 'A' + 'a');
                s->context[s->context_count++] = wd;
            }
            char last = t[stop - 1];
            bool headline = end_line && last != '.' && last != '?' && last != '!' && last != '"';
            s->headline = headline;
            s->all_caps = headline && !has_lower(t + start, stop - start);
            s->title_case = headline && !s->all_caps && words >= 3 && caps * 3 >= words * 2;
        }
        start = stop + (end_sent ? 1 : 1);
        if (end_line)
            para++;
    }
}

static size_t sentence_of(const fl_doc *doc, size_t off)
{
    size_t best = 0;
    for (size_t i = 0; i < doc->sentences.count; i++)
        if (FL_DOC_SENTENCE(doc, i)->off <= off)
            best = i;
    return best;
}

static int mention_order(const void *pa, const void *pb)
{
    const fl_mention *a = pa, *b = pb;
    return a->off < b->off ? -1 : a->off > b->off;
}

/* A document over `text` with a mention at every word-bounded occurrence
 * of each spec's surface. */
static tdoc *make_doc(const char *text, const mspec *specs, size_t n, const fl_lexicon *lex)
{
    tdoc *t = calloc(1, sizeof *t);
    fl_error err;
    ck_assert_int_eq(fl_source_new("doc.txt", text, strlen(text), &t->src, &err), FL_OK);
    fl_doc *doc = &t->doc;
    doc->arena = fl_arena_new();
    doc->src = t->src;
    doc->prose.text = fl_source_bytes(t->src);
    doc->prose.len = fl_source_length(t->src);
    doc->lexicon = lex;
    fl_vec_init(&doc->sentences, sizeof(fl_sentence));
    fl_vec_init(&doc->tokens, sizeof(fl_token));
    fl_vec_init(&doc->mentions, sizeof(fl_mention));
    fl_vec_init(&doc->findings, sizeof(fl_finding));
    segment(doc);
    const char *p = doc->prose.text;
    for (size_t i = 0; i < n; i++) {
        size_t sl = strlen(specs[i].surface);
        for (const char *at = strstr(p, specs[i].surface); at;
             at = strstr(at + 1, specs[i].surface)) {
            size_t off = (size_t)(at - p);
            if ((off > 0 && is_word_byte(p[off - 1])) || is_word_byte(p[off + sl]))
                continue;
            fl_mention *m = fl_vec_push(doc->arena, &doc->mentions);
            m->kind = specs[i].kind;
            m->off = off;
            m->len = sl;
            m->surface = fl_arena_strndup(doc->arena, at, sl);
            char key[256];
            unsigned flags = m->kind == FL_M_CODE ? FL_FOLD_CODE : 0;
            m->fold = fl_arena_strndup(doc->arena, key, fl_fold(at, sl, flags, key, sizeof key));
            m->skeleton =
                fl_arena_strndup(doc->arena, key, fl_skeleton(at, sl, flags, key, sizeof key));
            m->family = fl_arena_strndup(doc->arena, key, fl_family(at, sl, key, sizeof key));
            m->sentence = sentence_of(doc, off);
            m->entity = -1;
            m->person = -1;
        }
    }
    if (doc->mentions.count > 1)
        qsort(doc->mentions.items, doc->mentions.count, sizeof(fl_mention), mention_order);
    return t;
}

static void free_doc(tdoc *t)
{
    fl_arena_free(t->doc.arena);
    fl_source_free(t->src);
    free(t);
}

static const fl_check_def *check_named(const char *id)
{
    for (size_t i = 0; i < fl_check_count; i++)
        if (strcmp(fl_checks[i]->info.id, id) == 0)
            return fl_checks[i];
    ck_abort_msg("no check %s", id);
    return NULL;
}

/* Runs the three name checks; returns the findings of `rule`. */
static size_t run_rule(tdoc *t, const char *rule, const fl_finding **out)
{
    static const char *const ids[] = {"name-variant", "name-casing", "name-spelling"};
    if (t->doc.findings.count == 0)
        for (size_t i = 0; i < 3; i++)
            check_named(ids[i])->run(&t->doc);
    ck_assert_int_eq(t->doc.status, FL_OK);
    size_t n = 0;
    for (size_t i = 0; i < t->doc.findings.count; i++) {
        const fl_finding *f = &((const fl_finding *)t->doc.findings.items)[i];
        if (strcmp(f->rule, rule) == 0) {
            if (out && n < 16)
                out[n] = f;
            n++;
        }
    }
    return n;
}

static size_t total_findings(tdoc *t)
{
    run_rule(t, "name-variant", NULL);
    return t->doc.findings.count;
}

static void dump(tdoc *t)
{
    for (size_t i = 0; i < t->doc.findings.count; i++) {
        const fl_finding *f = &((const fl_finding *)t->doc.findings.items)[i];
        fprintf(stderr, "  %s @%zu '%s': %s\n", f->rule, f->offset, f->text, f->message);
    }
}

#define EXPECT_NONE(t)                                                                             \
    do {                                                                                           \
        size_t n_ = total_findings(t);                                                             \
        if (n_)                                                                                    \
            dump(t);                                                                               \
        ck_assert_uint_eq(n_, 0);                                                                  \
    } while (0)

/* ----------------------------------------------------------- name-variant */

static const char SEED_LIKE[] =
    "Nvidia agreed to bypass limits on its H2O AI processors.\n"
    "The H2O is the fastest chip approved for export. Many worried that H20s might face limits.\n"
    "Senators asked for limits on the H20. The administration had planned H2O export controls.\n"
    "Sending H100 chips to China is another matter.\n";

/* H2O the chemical and H20 the chip, each meant where it stands: silent */
START_TEST(variant_formula_and_code_both_meant)
{
    static const char text[] =
        "The heat goes into water, or into H2O circulating through cold plates.\n"
        "Operators in China built clusters around the H20, the chip Nvidia designed for export.\n"
        "Pure H2O is a poor conductor, but coolant picks up dissolved minerals.\n";
    mspec specs[] = {CODE("H2O"), CODE("H20")};
    tdoc *t = make_doc(text, specs, 2, builtin_lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 0);
    free_doc(t);
}
END_TEST

/* in a water article, the code form is the slip */
START_TEST(variant_code_written_for_formula)
{
    static const char text[] = "Hard water is ordinary water (H2O) with dissolved calcium.\n"
                               "Pure H2O contains no minerals at all.\n"
                               "The H20 itself does not react with the dissolved ions.\n";
    mspec specs[] = {CODE("H2O"), CODE("H20")};
    tdoc *t = make_doc(text, specs, 2, builtin_lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "H20");
    ck_assert_str_eq(f[0]->suggestion, "H2O");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`H20` (once) has the digit 0"));
    free_doc(t);
}
END_TEST

/* a sentence start explains a capital first letter, not a word in capitals */
START_TEST(casing_initial_all_caps)
{
    static const char text[] = "Shares in Nvidia rose. Analysts like Nvidia.\n"
                               "NVIDIA declined to comment. Rivals trail Nvidia.\n";
    mspec specs[] = {NAME("Nvidia"), NAME("NVIDIA")};
    tdoc *t = make_doc(text, specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-casing", f), 1);
    ck_assert_str_eq(f[0]->text, "NVIDIA");
    free_doc(t);
}
END_TEST

/* a dateline writes the place in capitals */
START_TEST(casing_dateline_silent)
{
    static const char text[] = "PORTLAND, Maine - Two banks agreed to merge.\n"
                               "The bank will keep offices in Portland and Bangor.\n";
    mspec specs[] = {NAME("PORTLAND"), NAME("Portland")};
    tdoc *t = make_doc(text, specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-casing", f), 0);
    free_doc(t);
}
END_TEST

START_TEST(variant_lookalike_in_code)
{
    mspec specs[] = {CODE("H2O"), CODE("H20s"), CODE("H20"), CODE("H100")};
    tdoc *t = make_doc(SEED_LIKE, specs, 4, builtin_lex);
    const fl_finding *f[16];
    size_t n = run_rule(t, "name-variant", f);
    ck_assert_uint_eq(n, 3);
    for (size_t i = 0; i < n; i++) {
        ck_assert_str_eq(f[i]->text, "H2O");
        ck_assert_str_eq(f[i]->suggestion, "H20");
        ck_assert_int_eq(f[i]->severity, FL_SEV_ERROR);
        ck_assert_uint_ge(f[i]->related_count, 1);
        ck_assert_str_eq(f[i]->related[0].text, "H20");
        ck_assert_msg(strstr(f[i]->message, "`H2O` (3 times) has the letter O where `H20` (line "
                                            "2, 2 times) has the digit 0; write `H20`") != NULL,
                      "%s", f[i]->message);
    }
    free_doc(t);
}
END_TEST

START_TEST(variant_shape_without_lexicon)
{
    /* no lexicon: H20 wins because it fits H100's letter+digits shape,
     * though H2O is more frequent */
    mspec specs[] = {CODE("H2O"), CODE("H20s"), CODE("H20"), CODE("H100")};
    tdoc *t = make_doc(SEED_LIKE, specs, 4, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 3);
    ck_assert_str_eq(f[0]->suggestion, "H20");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "fits `H100`"));
    free_doc(t);
}
END_TEST

START_TEST(variant_plural_keeps_suffix)
{
    mspec specs[] = {CODE("H2Os"), CODE("H20")};
    tdoc *t =
        make_doc("The H20 ships today. The H20 is cut down. Buyers want H2Os.\n", specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "H2Os");
    ck_assert_str_eq(f[0]->suggestion, "H20s");
    free_doc(t);
}
END_TEST

START_TEST(variant_chemistry_is_clean)
{
    mspec specs[] = {CODE("H2O"), CODE("CO2"), CODE("H2O2")};
    tdoc *t = make_doc("Water is H2O. Peroxide is H2O2, not H2O. Plants take in CO2 and give off "
                       "H2O vapour.\n",
                       specs, 3, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(variant_cyrillic_letter)
{
    mspec specs[] = {CODE("H20"), CODE("\xd0\x9d"
                                       "20")};
    tdoc *t = make_doc("The H20 is a chip. The \xd0\x9d"
                       "20 sold well. The H20 is cut down.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->suggestion, "H20");
    ck_assert_int_eq(f[0]->severity, FL_SEV_ERROR);
    ck_assert_ptr_nonnull(strstr(f[0]->message, "Cyrillic"));
    free_doc(t);
}
END_TEST

START_TEST(variant_spacing_is_warning)
{
    mspec specs[] = {NAME("Time Warner"), NAME("TimeWarner")};
    tdoc *t = make_doc("Time Warner said profits rose. Shares in Time Warner fell. Analysts said "
                       "TimeWarner had done well. Time Warner declined to comment.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "TimeWarner");
    ck_assert_str_eq(f[0]->suggestion, "Time Warner");
    ck_assert_int_eq(f[0]->severity, FL_SEV_WARNING);
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`Time Warner` (line 1, 3 times)"));
    ck_assert_uint_eq(f[0]->related_count, 3);
    free_doc(t);
}
END_TEST

START_TEST(variant_digit_for_letter_needs_codes)
{
    /* E5 and ES: a digit and a letter, but ES is no code */
    mspec specs[] = {CODE("E5"), NAME("ES"), CODE("F-35"), CODE("F35")};
    tdoc *t = make_doc("The Lexus ES sold well. Intel's E5 chips and the ES line differ.\n", specs,
                       4, NULL);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(variant_quote_style_is_not_a_variant)
{
    mspec specs[] = {NAME("O'Rourke"), NAME("O\xe2\x80\x99Rourke")};
    tdoc *t = make_doc("Beto O'Rourke spoke. Later O\xe2\x80\x99Rourke left.\n", specs, 2, NULL);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

/* ---------------------------------------- name-variant over token runs */

/* a spaced run that no extractor took for a name, beside the mention */
START_TEST(variant_run_beside_camel_case_mention)
{
    mspec specs[] = {NAME("QuillDB")};
    tdoc *t = make_doc("QuillDB is a database. Install QuillDB first. Older drivers for Quill DB "
                       "fail.\n",
                       specs, 1, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "Quill DB");
    ck_assert_str_eq(f[0]->suggestion, "QuillDB");
    ck_assert_int_eq(f[0]->severity, FL_SEV_WARNING);
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`QuillDB` (line 1, 2 times)"));
    free_doc(t);
}
END_TEST

/* a spaced run with digits whose skeleton's first or last byte is a
 * letter turned into its look-alike digit (s -> 5, l -> 1): find_runs'
 * byte filter lets it through */
START_TEST(variant_run_with_digits_beside_mention)
{
    static const char *const forms[][2] = {{"Sol9Box", "Sol9 Box"}, {"Box9Sol", "Box9 Sol"}};
    for (size_t i = 0; i < 2; i++) {
        char text[160];
        snprintf(text, sizeof text, "%s is a tool. Install %s first. Older drivers for %s fail.\n",
                 forms[i][0], forms[i][0], forms[i][1]);
        mspec specs[] = {NAME(forms[i][0])};
        tdoc *t = make_doc(text, specs, 1, NULL);
        const fl_finding *f[16];
        ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
        ck_assert_str_eq(f[0]->text, forms[i][1]);
        ck_assert_str_eq(f[0]->suggestion, forms[i][0]);
        free_doc(t);
    }
}
END_TEST

/* one hyphenated token beside a spaced code mention */
START_TEST(variant_hyphenated_token_beside_spaced_code)
{
    mspec specs[] = {CODE("737 MAX")};
    tdoc *t = make_doc("Boeing delivered the 737 MAX. Analysts said the 737-MAX numbers were "
                       "good. The 737 MAX sold well.\n",
                       specs, 1, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "737-MAX");
    ck_assert_str_eq(f[0]->suggestion, "737 MAX");
    free_doc(t);
}
END_TEST

/* the slip sits inside a longer mention; the run is compared word by word */
START_TEST(variant_run_inside_longer_mention)
{
    mspec specs[] = {NAME("Kinsei-Hartwell"), NAME("Shares of Kinsei Hartwell")};
    tdoc *t = make_doc("Kinsei-Hartwell bought the mine. Kinsei-Hartwell will pay cash. Shares "
                       "of Kinsei Hartwell were flat.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "Kinsei Hartwell");
    ck_assert_str_eq(f[0]->suggestion, "Kinsei-Hartwell");
    free_doc(t);
}
END_TEST

/* both spellings only inside longer mentions: a camel-case token meets the
 * spaced run of another name */
START_TEST(variant_joined_words_between_longer_mentions)
{
    mspec specs[] = {NAME("Consumer Electronics Show"), NAME("ConsumerElectronics Association")};
    tdoc *t = make_doc("The Consumer Electronics Show opened. Visitors filled the Consumer "
                       "Electronics Show halls. The ConsumerElectronics Association runs it.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "ConsumerElectronics");
    ck_assert_str_eq(f[0]->suggestion, "Consumer Electronics");
    free_doc(t);
}
END_TEST

/* a Cyrillic М in a code that no extractor found */
START_TEST(variant_cyrillic_token_beside_code)
{
    mspec specs[] = {CODE("M4")};
    tdoc *t = make_doc("The M4 is fast. In our test the \xd0\x9c"
                       "4 settled at 80%. The M4 stays cool.\n",
                       specs, 1, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "\xd0\x9c"
                                 "4");
    ck_assert_str_eq(f[0]->suggestion, "M4");
    ck_assert_int_eq(f[0]->severity, FL_SEV_ERROR);
    ck_assert_ptr_nonnull(strstr(f[0]->message, "Cyrillic"));
    free_doc(t);
}
END_TEST

/* a mixed-script word inside a longer mention: flagged once, by the word,
 * with the normalizer's description; name-spelling stays out */
START_TEST(variant_mixed_script_word_in_longer_mention)
{
    mspec specs[] = {NAME("Helioform"), NAME("Heli\xd0\xbe"
                                             "form Energy")};
    tdoc *t = make_doc("Helioform signed the deal. Helioform will build it. Heli\xd0\xbe"
                       "form Energy is based in Phoenix.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->text, "Heli\xd0\xbe"
                                 "form");
    ck_assert_str_eq(f[0]->suggestion, "Helioform");
    ck_assert_int_eq(f[0]->severity, FL_SEV_ERROR);
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`Heli\xd0\xbe"
                                                "form` (once) has the Cyrillic"));
    ck_assert_uint_eq(run_rule(t, "name-spelling", NULL), 0);
    free_doc(t);
}
END_TEST

/* a word mixing scripts is never the suggestion, even when used first */
START_TEST(variant_mixed_script_never_suggested)
{
    mspec specs[] = {NAME("Cast\xd0\xb5"
                          "llanos"),
                     NAME("Castellanos")};
    tdoc *t = make_doc("Justice Cast\xd0\xb5"
                       "llanos dissented. Castellanos wrote at length.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_str_eq(f[0]->suggestion, "Castellanos");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "one script"));
    ck_assert_uint_eq(run_rule(t, "name-spelling", NULL), 0);
    free_doc(t);
}
END_TEST

/* a look-alike is name-variant's even where name-spelling would see one
 * letter off a more frequent spelling */
START_TEST(spelling_leaves_lookalikes_to_variant)
{
    mspec specs[] = {NAME("Castellanos"), NAME("Cast\xd0\xb5"
                                               "llanos")};
    tdoc *t = make_doc("Castellanos dissented. Castellanos wrote at length. Scholars said "
                       "Cast\xd0\xb5"
                       "llanos was right.\n",
                       specs, 2, NULL);
    ck_assert_uint_eq(run_rule(t, "name-spelling", NULL), 0);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_ptr_nonnull(strstr(f[0]->message, "has the Cyrillic"));
    free_doc(t);
}
END_TEST

/* common words that join into a word are not a name written two ways */
START_TEST(variant_common_words_do_not_join)
{
    mspec specs[] = {NAME("Airport"), NAME("Everyone"), NAME("Online"), NAME("Air Port Authority")};
    tdoc *t = make_doc("The Air Port Authority met. Airport staff were slow. Every One trained. "
                       "Everyone agreed. On Line sales grew. Online shops won. every one of "
                       "them went on line.\n",
                       specs, 4, NULL);
    ck_assert_uint_eq(run_rule(t, "name-variant", NULL), 0);
    free_doc(t);
}
END_TEST

/* a number and a unit, a lone letter, a lower-case run, an all-caps
 * headline and a hyphen alone are not spacing variants */
START_TEST(variant_runs_that_are_not_names)
{
    mspec specs[] = {CODE("2GB"), CODE("A4"), NAME("QuillDB"), NAME("Long-Term Plan"),
                     NAME("Long Term Capital")};
    tdoc *t = make_doc("QUILL DB SHIPS\n"
                       "The 2GB card is cheap. The phone has 2 GB of memory. Print on A4 paper. "
                       "She got an A 4 times. QuillDB is fast. The quill db folder is small. "
                       "The Long-Term Plan was read. Long Term Capital failed.\n",
                       specs, 5, NULL);
    ck_assert_uint_eq(run_rule(t, "name-variant", NULL), 0);
    free_doc(t);
}
END_TEST

/* a word written wholly in Greek or Cyrillic is not a look-alike slip */
START_TEST(variant_single_script_words_are_clean)
{
    mspec specs[] = {ACR("ABBA")};
    tdoc *t = make_doc("ABBA sang in Athens. The Greek press wrote \xce\x91\xce\x92\xce\x92\xce\x91"
                       " on its front page. ABBA won.\n",
                       specs, 1, NULL);
    ck_assert_uint_eq(run_rule(t, "name-variant", NULL), 0);
    free_doc(t);
}
END_TEST

/* ------------------------------------------------------------ name-casing */

START_TEST(casing_flags_minority_form)
{
    mspec specs[] = {NAME("Nvidia"), ACR("NVIDIA")};
    tdoc *t = make_doc("Nvidia declined to comment. Analysts like Nvidia. NVIDIA's pledge was "
                       "welcome. Critics said NVIDIA had won. Nvidia shares rose.\n",
                       specs, 2, builtin_lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-casing", f), 2);
    ck_assert_str_eq(f[0]->text, "NVIDIA");
    ck_assert_str_eq(f[0]->suggestion, "Nvidia");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`NVIDIA` (2 times)"));
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`Nvidia` (line 1, 3 times)"));
    ck_assert_uint_eq(run_rule(t, "name-variant", NULL), 0);
    ck_assert_uint_eq(run_rule(t, "name-spelling", NULL), 0);
    free_doc(t);
}
END_TEST

START_TEST(casing_lexicon_beats_majority)
{
    mspec specs[] = {NAME("YouTube"), NAME("Youtube")};
    tdoc *t = make_doc("Videos on Youtube grew. Creators left Youtube. Then YouTube changed.\n",
                       specs, 2, builtin_lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-casing", f), 2);
    ck_assert_str_eq(f[0]->suggestion, "YouTube");
    free_doc(t);
}
END_TEST

START_TEST(casing_all_caps_headline)
{
    mspec specs[] = {NAME("Apple"), ACR("APPLE")};
    tdoc *t = make_doc("APPLE UNVEILS A NEW PHONE\nApple said on Monday that sales rose. Apple "
                       "shares fell.\n",
                       specs, 2, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(casing_title_case_heading)
{
    mspec specs[] = {NAME("Youtube"), NAME("YouTube")};
    tdoc *t = make_doc("How Youtube Changed Music Forever\nYouTube said on Monday that views "
                       "rose. Critics of YouTube disagreed.\n",
                       specs, 2, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(casing_consistent_house_styles)
{
    mspec specs[] = {NAME("Nasa"), ACR("NASA")};
    tdoc *t =
        make_doc("Nasa launched the probe. Nasa said it was healthy.\n", specs, 2, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
    t = make_doc("NASA launched the probe. NASA said it was healthy.\n", specs, 2, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(casing_sentence_initial)
{
    /* "Who" only at a sentence start is not evidence against "WHO" */
    mspec specs[] = {ACR("WHO"), NAME("Who"), NAME("eBay"), NAME("EBay")};
    tdoc *t = make_doc("The WHO issued a warning. Who will pay? The WHO did not say. EBay "
                       "shares rose. Sellers on eBay were pleased.\n",
                       specs, 4, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

/* ---------------------------------------------------------- name-spelling */

START_TEST(spelling_lexicon_misspelling)
{
    mspec specs[] = {NAME("Mar-a-Largo"), NAME("Trump")};
    tdoc *t =
        make_doc("Trump hosted a dinner at his Mar-a-Largo property.\n", specs, 2, builtin_lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-spelling", f), 1);
    ck_assert_str_eq(f[0]->text, "Mar-a-Largo");
    ck_assert_str_eq(f[0]->suggestion, "Mar-a-Lago");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "known misspelling of `Mar-a-Lago`"));
    free_doc(t);
}
END_TEST

START_TEST(spelling_casing_misspelling_left_to_casing)
{
    /* NVIDIA is listed as a misspelling of Nvidia, but it is a casing
     * matter, and one form used throughout is a house style */
    mspec specs[] = {ACR("NVIDIA"), NAME("Mar-A-Lago")};
    tdoc *t =
        make_doc("NVIDIA said so. NVIDIA shares rose at Mar-A-Lago.\n", specs, 2, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

static fl_lexicon *custom_lexicon(const char *text)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/fl-names-%d.lex", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    const char *paths[] = {path};
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build(false, paths, 1, &lex, &err), FL_OK);
    unlink(path);
    return lex;
}

START_TEST(spelling_near_lexicon_name)
{
    fl_lexicon *lex = custom_lexicon("Zanzibarville | place\nRussia | place\nIsrael | place\n"
                                     "Pittsburgh | place\n");
    mspec specs[] = {NAME("Zanzibarvile"), NAME("Russian"), NAME("Israeli"), NAME("Pittsburg")};
    tdoc *t = make_doc("Residents of Zanzibarvile voted. A Russian envoy and an Israeli minister "
                       "met in Pittsburg.\n",
                       specs, 4, lex);
    const fl_finding *f[16];
    size_t n = run_rule(t, "name-spelling", f);
    if (n != 1)
        dump(t);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(f[0]->suggestion, "Zanzibarville");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "one letter off the known name"));
    free_doc(t);
    fl_lexicon_free(lex);
}
END_TEST

START_TEST(spelling_two_edits_only_for_long_names)
{
    mspec specs[] = {NAME("Cincinati"), NAME("Cincinnati"), NAME("Ohio")};
    /* Cincinati is listed; check a 2-edit near miss instead */
    fl_lexicon *lex = custom_lexicon("Cincinnati | place\nMadrid | place\n");
    mspec specs2[] = {NAME("Cincinatti"), NAME("Mardis")};
    tdoc *t = make_doc("Fans in Cincinatti cheered. Mardis was quiet.\n", specs2, 2, lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-spelling", f), 1);
    ck_assert_str_eq(f[0]->suggestion, "Cincinnati");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "two letters off"));
    free_doc(t);
    fl_lexicon_free(lex);
    (void)specs;
}
END_TEST

START_TEST(spelling_more_frequent_in_document)
{
    mspec specs[] = {NAME("Satya Nadella"), NAME("Nadella"), NAME("Satya Nadela")};
    tdoc *t = make_doc("Microsoft chief Satya Nadella spoke. Nadella said AI mattered. Later "
                       "Nadella left. Satya Nadela then returned.\n",
                       specs, 3, NULL);
    const fl_finding *f[16];
    size_t n = run_rule(t, "name-spelling", f);
    if (n != 1)
        dump(t);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(f[0]->text, "Satya Nadela");
    ck_assert_str_eq(f[0]->suggestion, "Satya Nadella");
    ck_assert_uint_ge(f[0]->related_count, 1);
    free_doc(t);
}
END_TEST

/* The three-line Nadella text with the name mentions specs[0..n): one
 * name-spelling finding, Satya Nadela towards Satya Nadella, citing
 * Nadella's four uses from line 2. */
static void expect_nadela_typo(const mspec *specs, size_t n)
{
    tdoc *t = make_doc("Satya Nadella spoke. Satya Nadella left.\n"
                       "Anna Nadella said AI mattered. Anna Nadella smiled.\n"
                       "Satya Nadela then returned.\n",
                       specs, n, NULL);
    const fl_finding *f[16];
    size_t got = run_rule(t, "name-spelling", f);
    if (got != 1)
        dump(t);
    ck_assert_uint_eq(got, 1);
    ck_assert_str_eq(f[0]->text, "Satya Nadela");
    ck_assert_str_eq(f[0]->suggestion, "Satya Nadella");
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`Nadella` (line 2, 4 times)"));
    free_doc(t);
}

/* A span listed twice (two mentions at one place: the names' offsets do
 * not rise) counts once: each of the four uses of Nadella is counted
 * once, as without the second listing. */
START_TEST(spelling_span_listed_twice_counts_once)
{
    mspec specs[] = {NAME("Satya Nadella"), NAME("Anna Nadella"), NAME("Anna Nadella"),
                     NAME("Satya Nadela")};
    expect_nadela_typo(specs, 4);
}
END_TEST

/* The word a typo is corrected towards is cited from the most used name
 * holding it, the first by fold on a tie (Anna Nadella before Satya
 * Nadella, though Satya Nadella comes first). */
START_TEST(spelling_tie_cites_first_name_by_fold)
{
    mspec specs[] = {NAME("Satya Nadella"), NAME("Anna Nadella"), NAME("Satya Nadela")};
    expect_nadela_typo(specs, 3);
}
END_TEST

START_TEST(spelling_lexicon_person)
{
    mspec specs[] = {NAME("Jensen Huang"), NAME("Jenson Huang"), NAME("Huang")};
    tdoc *t = make_doc("Nvidia boss Jensen Huang spoke. Huang said chips mattered. Jenson Huang "
                       "later left.\n",
                       specs, 3, builtin_lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-spelling", f), 1);
    ck_assert_str_eq(f[0]->text, "Jenson Huang");
    ck_assert_str_eq(f[0]->suggestion, "Jensen Huang");
    ck_assert_uint_eq(f[0]->related_count, 1);
    ck_assert_str_eq(f[0]->related[0].text, "Jensen Huang");
    free_doc(t);
}
END_TEST

START_TEST(spelling_smith_and_smyth)
{
    mspec specs[] = {NAME("John Smith"), NAME("Jane Smyth"), NAME("Smith"), NAME("Smyth")};
    tdoc *t = make_doc("John Smith met Jane Smyth. Smith said yes. Smith left. Smyth stayed.\n",
                       specs, 4, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(spelling_johnson_and_johnston)
{
    mspec specs[] = {NAME("Boris Johnson"), NAME("Mark Johnston"), NAME("Johnson"),
                     NAME("Johnston")};
    tdoc *t = make_doc("Boris Johnson met Mark Johnston. Johnson said yes. Johnson left. "
                       "Johnson wrote. Johnston stayed.\n",
                       specs, 4, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(spelling_pittsburg_kansas)
{
    mspec specs[] = {NAME("Pittsburgh"), NAME("Pittsburg"), NAME("Kansas")};
    tdoc *t = make_doc("Pittsburgh grew. Pittsburgh voted. Pittsburgh won. A team from "
                       "Pittsburg, Kansas, lost.\n",
                       specs, 3, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(spelling_morphology_is_not_a_typo)
{
    mspec specs[] = {NAME("Russia"),    NAME("Russian"),   NAME("Texas"),   NAME("Texan"),
                     NAME("Argentina"), NAME("Argentine"), NAME("Marxism"), NAME("Marxist")};
    tdoc *t = make_doc("Russia said no. Russia left. Russia won. A Russian spoke. Texas grew. "
                       "Texas won. A Texan spoke. Argentina won. Argentina lost. An Argentine "
                       "spoke. Marxism rose. Marxism fell. A Marxist spoke.\n",
                       specs, 8, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(spelling_real_names_near_lexicon_names)
{
    /* surnames and words one letter from lexicon names are names too */
    mspec specs[] = {NAME("Davis"),   NAME("Cameron"), NAME("Marvel"),
                     NAME("Goodman"), NAME("Kharkov"), NAME("Heroes")};
    tdoc *t = make_doc("Mr Davis met David Cameron at the Marvel studio. Goodman said Kharkov "
                       "would host Heroes.\n",
                       specs, 6, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(spelling_suggests_the_matched_alias)
{
    fl_lexicon *lex = custom_lexicon("Activision Blizzard | org | | Activision\n");
    mspec specs[] = {NAME("Activison")};
    tdoc *t = make_doc("Games from Activison sold well.\n", specs, 1, lex);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-spelling", f), 1);
    ck_assert_str_eq(f[0]->suggestion, "Activision");
    free_doc(t);
    fl_lexicon_free(lex);
}
END_TEST

START_TEST(variant_accepted_lexicon_forms)
{
    mspec specs[] = {ACR("U.S."), ACR("US")};
    tdoc *t =
        make_doc("The U.S. said no. Later the US said yes. The US left.\n", specs, 2, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

START_TEST(variant_description_order)
{
    /* the normalizer may name the right form first; counts still attach to
     * the right forms */
    mspec specs[] = {NAME("S.T.A.L.K.E.R."), NAME("Stalker")};
    tdoc *t = make_doc("The game S.T.A.L.K.E.R. is late. Fans of S.T.A.L.K.E.R. wait. Stalker "
                       "fans wait.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    ck_assert_uint_eq(run_rule(t, "name-variant", f), 1);
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`Stalker` (once)"));
    ck_assert_ptr_nonnull(strstr(f[0]->message, "`S.T.A.L.K.E.R.` (line 1, 2 times)"));
    free_doc(t);
}
END_TEST

/* A word of a longer name is a slip against the word written alone
 * (Biovantis inside a name beside BioVantis), but only while the words
 * met stay within the bound of 4 per mention and 16 more. */
START_TEST(casing_parts_within_bound)
{
    static const char *const names[] = {
        "Alpha Biovantis Team",
        "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November "
        "Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu Biovantis"};
    for (size_t k = 0; k < 2; k++) {
        char text[512];
        snprintf(text, sizeof text,
                 "Shares of BioVantis rose. Analysts like BioVantis. The board met the %s "
                 "today.\n",
                 names[k]);
        mspec specs[] = {NAME("BioVantis"), NAME(names[k])};
        tdoc *t = make_doc(text, specs, 2, NULL);
        const fl_finding *f[16];
        size_t n = run_rule(t, "name-casing", f);
        if (n != 1 - k)
            dump(t);
        ck_assert_uint_eq(n, 1 - k);
        if (n)
            ck_assert_str_eq(f[0]->text, "Biovantis");
        free_doc(t);
    }
}
END_TEST

/* Words with a capital first that are no parts (a digit inside) do not
 * count against the bound: the part after them is still a slip. */
START_TEST(casing_parts_bound_counts_parts_only)
{
    const char *name = "Alpha1 Bravo2 Charlie3 Delta4 Echo5 Foxtrot6 Golf7 Hotel8 India9 Juliet1 "
                       "Kilo2 Lima3 Mike4 November5 Oscar6 Papa7 Quebec8 Romeo9 Sierra1 Tango2 "
                       "Uniform3 Victor4 Whiskey5 Xray6 Yankee7 Zulu8 Biovantis";
    char text[512];
    snprintf(text, sizeof text,
             "Shares of BioVantis rose. Analysts like BioVantis. The board met the %s today.\n",
             name);
    mspec specs[] = {NAME("BioVantis"), NAME(name)};
    tdoc *t = make_doc(text, specs, 2, NULL);
    const fl_finding *f[16];
    size_t n = run_rule(t, "name-casing", f);
    if (n != 1)
        dump(t);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(f[0]->text, "Biovantis");
    free_doc(t);
}
END_TEST

/* A name repeated whole brings its words again: each use of the part is
 * a slip (the repeats' uses are made once the key is known to be written
 * two ways), and so are both uses of a variant repeated in one form. */
START_TEST(casing_repeated_name_parts)
{
    mspec specs[] = {NAME("BioVantis"), NAME("Alpha Biovantis Team")};
    tdoc *t = make_doc("Shares of BioVantis rose. Analysts like BioVantis. Investors like "
                       "BioVantis. The Alpha Biovantis Team met. Later the Alpha Biovantis Team "
                       "left.\n",
                       specs, 2, NULL);
    const fl_finding *f[16];
    size_t n = run_rule(t, "name-casing", f);
    if (n != 2)
        dump(t);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(f[0]->text, "Biovantis");
    ck_assert_str_eq(f[1]->text, "Biovantis");
    ck_assert_uint_ne(f[0]->offset, f[1]->offset);
    free_doc(t);
}
END_TEST

START_TEST(casing_all_caps_run_in_heading)
{
    mspec specs[] = {NAME("Alive"), ACR("ALIVE")};
    tdoc *t = make_doc("Dead or Alive sold well. Released in March. DEAD OR ALIVE ULTIMATE is "
                       "back.\n",
                       specs, 2, builtin_lex);
    EXPECT_NONE(t);
    free_doc(t);
}
END_TEST

/* --------------------------------------------------------------- seed */

START_TEST(seed_article_end_to_end)
{
    const char *path = "/work/shared/seed/h20-export-article.txt";
    if (access(path, R_OK) != 0)
        return; /* skip cleanly */
    fl_checker *checker;
    fl_error err;
    ck_assert_int_eq(fl_checker_new(NULL, &checker, &err), FL_OK);
    fl_source *src;
    ck_assert_int_eq(fl_source_read_file(path, path, 0, &src, &err), FL_OK);
    fl_result *result;
    ck_assert_int_eq(fl_check(checker, src, FL_FORMAT_TEXT, &result, &err), FL_OK);
    size_t variant = 0, casing = 0, spelling = 0;
    for (size_t i = 0; i < fl_result_count(result); i++) {
        const fl_finding *f = fl_result_get(result, i);
        if (!strcmp(f->rule, "name-variant")) {
            ck_assert_str_eq(f->text, "H2O");
            ck_assert_str_eq(f->suggestion, "H20");
            variant++;
        } else if (!strcmp(f->rule, "name-casing")) {
            ck_assert_str_eq(f->text, "NVIDIA");
            ck_assert_str_eq(f->suggestion, "Nvidia");
            casing++;
        } else if (!strcmp(f->rule, "name-spelling")) {
            ck_assert_str_eq(f->text, "Mar-a-Largo");
            ck_assert_str_eq(f->suggestion, "Mar-a-Lago");
            spelling++;
        }
    }
    if (fl_result_mention_count(result) > 0) { /* the mention extractor has landed */
        ck_assert_uint_eq(variant, 3);
        ck_assert_uint_eq(casing, 2);
        ck_assert_uint_eq(spelling, 1);
    }
    fl_result_free(result);
    fl_source_free(src);
    fl_checker_free(checker);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("name_checks");
    TCase *tc = tcase_create("name_checks");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, variant_lookalike_in_code);
    tcase_add_test(tc, casing_initial_all_caps);
    tcase_add_test(tc, casing_dateline_silent);
    tcase_add_test(tc, variant_formula_and_code_both_meant);
    tcase_add_test(tc, variant_code_written_for_formula);
    tcase_add_test(tc, variant_shape_without_lexicon);
    tcase_add_test(tc, variant_plural_keeps_suffix);
    tcase_add_test(tc, variant_chemistry_is_clean);
    tcase_add_test(tc, variant_cyrillic_letter);
    tcase_add_test(tc, variant_spacing_is_warning);
    tcase_add_test(tc, variant_digit_for_letter_needs_codes);
    tcase_add_test(tc, variant_quote_style_is_not_a_variant);
    tcase_add_test(tc, variant_run_beside_camel_case_mention);
    tcase_add_test(tc, variant_run_with_digits_beside_mention);
    tcase_add_test(tc, variant_hyphenated_token_beside_spaced_code);
    tcase_add_test(tc, variant_run_inside_longer_mention);
    tcase_add_test(tc, variant_joined_words_between_longer_mentions);
    tcase_add_test(tc, variant_cyrillic_token_beside_code);
    tcase_add_test(tc, variant_mixed_script_word_in_longer_mention);
    tcase_add_test(tc, variant_mixed_script_never_suggested);
    tcase_add_test(tc, spelling_leaves_lookalikes_to_variant);
    tcase_add_test(tc, variant_common_words_do_not_join);
    tcase_add_test(tc, variant_runs_that_are_not_names);
    tcase_add_test(tc, variant_single_script_words_are_clean);
    tcase_add_test(tc, casing_flags_minority_form);
    tcase_add_test(tc, casing_lexicon_beats_majority);
    tcase_add_test(tc, casing_all_caps_headline);
    tcase_add_test(tc, casing_title_case_heading);
    tcase_add_test(tc, casing_consistent_house_styles);
    tcase_add_test(tc, casing_sentence_initial);
    tcase_add_test(tc, spelling_lexicon_misspelling);
    tcase_add_test(tc, spelling_casing_misspelling_left_to_casing);
    tcase_add_test(tc, spelling_near_lexicon_name);
    tcase_add_test(tc, spelling_two_edits_only_for_long_names);
    tcase_add_test(tc, spelling_more_frequent_in_document);
    tcase_add_test(tc, spelling_span_listed_twice_counts_once);
    tcase_add_test(tc, spelling_lexicon_person);
    tcase_add_test(tc, spelling_smith_and_smyth);
    tcase_add_test(tc, spelling_johnson_and_johnston);
    tcase_add_test(tc, spelling_pittsburg_kansas);
    tcase_add_test(tc, spelling_morphology_is_not_a_typo);
    tcase_add_test(tc, spelling_real_names_near_lexicon_names);
    tcase_add_test(tc, spelling_suggests_the_matched_alias);
    tcase_add_test(tc, variant_accepted_lexicon_forms);
    tcase_add_test(tc, variant_description_order);
    tcase_add_test(tc, casing_all_caps_run_in_heading);
    tcase_add_test(tc, casing_parts_within_bound);
    tcase_add_test(tc, casing_parts_bound_counts_parts_only);
    tcase_add_test(tc, casing_repeated_name_parts);
    tcase_add_test(tc, spelling_tie_cites_first_name_by_fold);
    tcase_add_test(tc, seed_article_end_to_end);
    suite_add_tcase(s, tc);
    return s;
}

/* test_name_spelling_memo.c - name-spelling's near-lexicon answers, kept
 * in a workspace across documents, are the answers of the lexicon each
 * document is checked with: a workspace that outlives one lexicon and
 * meets another (here built at the freed one's address, as malloc hands
 * it out again) must not answer from the first. */
#include "lexicon.h"
#include "suppress.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static fl_lexicon *lexicon_of(const char *text)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/fl-memo-%d.lex", (int)getpid());
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    const char *paths[] = {path};
    fl_lexicon *lex;
    fl_error err;
    ck_assert_int_eq(fl_lexicon_build(false, paths, 1, &lex, &err), FL_OK);
    unlink(path);
    return lex;
}

extern const fl_check_def fl_check_name_spelling;

/* The name-spelling findings on `text` (their suggestions joined by ';'
 * in out) with the lexicon and workspace given: the mention pass as
 * fl_check_with runs it, then the check alone. */
static size_t spelling_findings(const char *text, const fl_lexicon *lex, const fl_patterns *pat,
                                fl_workspace *ws, char *out, size_t cap)
{
    fl_error err;
    fl_source *src;
    ck_assert_int_eq(fl_source_new("doc.txt", text, strlen(text), &src, &err), FL_OK);
    fl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = fl_arena_new();
    doc.src = src;
    doc.lexicon = lex;
    doc.patterns = pat;
    doc.ws = ws;
    fl_vec_init(&doc.sentences, sizeof(fl_sentence));
    fl_vec_init(&doc.tokens, sizeof(fl_token));
    fl_vec_init(&doc.mentions, sizeof(fl_mention));
    fl_vec_init(&doc.findings, sizeof(fl_finding));
    fl_vec_init(&doc.directives, sizeof(fl_directive));
    ck_assert_int_eq(fl_extract_text(&doc), FL_OK);
    ck_assert_int_eq(fl_segment(&doc), FL_OK);
    ck_assert_int_eq(fl_find_mentions(&doc), FL_OK);
    fl_check_name_spelling.run(&doc);
    ck_assert_int_eq(doc.status, FL_OK);
    out[0] = '\0';
    for (size_t i = 0; i < doc.findings.count; i++) {
        const fl_finding *f = &((const fl_finding *)doc.findings.items)[i];
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s;", f->suggestion ? f->suggestion : "");
    }
    size_t n = doc.findings.count;
    fl_arena_free(doc.arena);
    fl_source_free(src);
    return n;
}

static const char DOC[] = "The vote in Zanzibarvile was close, officials said on Tuesday.\n";

START_TEST(memo_follows_the_lexicon)
{
    fl_patterns *pat;
    fl_error err;
    ck_assert_int_eq(fl_patterns_new(&pat, &err), FL_OK);
    fl_workspace *ws = fl_workspace_new();
    ck_assert_ptr_nonnull(ws);
    char found[512];
    /* lexicons built and freed in turn, checked with one workspace: one
     * with a name of Zanzibarvile's shape and letters but none near it
     * (the lookup is made and answers none), one where it is one letter
     * off a name. malloc soon hands a freed lexicon's address out again:
     * the workspace's memo must answer for the lexicon at hand. */
    enum { ROUNDS = 32 };
    const void *seen[ROUNDS];
    size_t reused = 0;
    for (size_t r = 0; r < ROUNDS; r++) {
        const bool near = r % 2 == 1;
        fl_lexicon *lex = lexicon_of(near ? "Zanzibarville | place\n" : "Zanzivrabile | place\n");
        for (size_t k = 0; k < r; k++)
            reused += seen[k] == (const void *)lex && k % 2 != r % 2;
        seen[r] = lex;
        ck_assert_uint_eq(spelling_findings(DOC, lex, pat, ws, found, sizeof found), near);
        if (near)
            ck_assert_str_eq(found, "Zanzibarville;");
        fl_lexicon_free(lex);
    }
    if (!reused)
        fprintf(stderr, "note: no lexicon was built at another's address\n");
    fl_workspace_free(ws);
    fl_patterns_free(pat);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("name_spelling_memo");
    TCase *tc = tcase_create("memo");
    tcase_add_test(tc, memo_follows_the_lexicon);
    suite_add_tcase(s, tc);
    return s;
}

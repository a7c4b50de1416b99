/* test_segment.c - sentences, tokens and context words (src/segment.c).
 * The sentence-splitting cases are data: the .txt files in tests/data/sentences. */
#include "internal.h"
#include "test_files.h"

#include <check.h>
#include <libstemmer.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------- helpers */

static fl_doc *segment(const char *text, size_t len)
{
    fl_doc *doc = calloc(1, sizeof *doc);
    ck_assert_ptr_nonnull(doc);
    doc->arena = fl_arena_new();
    ck_assert_ptr_nonnull(doc->arena);
    doc->prose.text = text;
    doc->prose.len = len;
    fl_vec_init(&doc->sentences, sizeof(fl_sentence));
    fl_vec_init(&doc->tokens, sizeof(fl_token));
    fl_vec_init(&doc->mentions, sizeof(fl_mention));
    fl_vec_init(&doc->findings, sizeof(fl_finding));
    ck_assert_int_eq(fl_segment(doc), FL_OK);
    return doc;
}

static fl_doc *segment_str(const char *text)
{
    return segment(text, strlen(text));
}

static void doc_free(fl_doc *doc)
{
    fl_arena_free(doc->arena);
    free(doc);
}

/* The structural promises of fl_segment, on any input. */
static void check_invariants(const fl_doc *doc)
{
    size_t prev_end = 0, next_token = 0, prev_para = 0;
    for (size_t i = 0; i < doc->tokens.count; i++) {
        const fl_token *t = FL_DOC_TOKEN(doc, i);
        ck_assert_uint_gt(t->len, 0);
        ck_assert_uint_ge(t->off, prev_end);
        ck_assert_uint_le(t->off + t->len, doc->prose.len);
        prev_end = t->off + t->len;
    }
    for (size_t s = 0; s < doc->sentences.count; s++) {
        const fl_sentence *st = FL_DOC_SENTENCE(doc, s);
        ck_assert_uint_eq(st->first_token, next_token);
        ck_assert_uint_gt(st->token_count, 0);
        const fl_token *a = FL_DOC_TOKEN(doc, st->first_token);
        const fl_token *b = FL_DOC_TOKEN(doc, st->first_token + st->token_count - 1);
        ck_assert_uint_eq(st->off, a->off);
        ck_assert_uint_eq(st->off + st->len, b->off + b->len);
        ck_assert_uint_ge(st->paragraph, prev_para);
        ck_assert_uint_le(st->paragraph, prev_para + (s ? 1 : 0) + st->paragraph);
        prev_para = st->paragraph;
        next_token += st->token_count;
        for (size_t k = 1; k < st->context_count; k++)
            ck_assert_int_lt(strcmp(st->context[k - 1], st->context[k]), 0);
    }
    ck_assert_uint_eq(next_token, doc->tokens.count);
}

static bool sentence_is(const fl_doc *doc, size_t i, const char *want)
{
    const fl_sentence *st = FL_DOC_SENTENCE(doc, i);
    return st->len == strlen(want) && memcmp(doc->prose.text + st->off, want, st->len) == 0;
}

/* Tokens of text, as "a|b|c". */
static char *token_string(const fl_doc *doc)
{
    size_t cap = doc->prose.len * 2 + 2, n = 0;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    for (size_t i = 0; i < doc->tokens.count; i++) {
        const fl_token *t = FL_DOC_TOKEN(doc, i);
        if (i)
            out[n++] = '|';
        memcpy(out + n, doc->prose.text + t->off, t->len);
        n += t->len;
    }
    out[n] = '\0';
    return out;
}

static void expect_tokens(const char *text, const char *want)
{
    fl_doc *doc = segment_str(text);
    check_invariants(doc);
    char *got = token_string(doc);
    ck_assert_msg(strcmp(got, want) == 0, "tokens of \"%s\":\n got  %s\n want %s", text, got, want);
    free(got);
    doc_free(doc);
}

static const fl_token *find_token(const fl_doc *doc, const char *text)
{
    for (size_t i = 0; i < doc->tokens.count; i++) {
        const fl_token *t = FL_DOC_TOKEN(doc, i);
        if (t->len == strlen(text) && memcmp(doc->prose.text + t->off, text, t->len) == 0)
            return t;
    }
    ck_abort_msg("no token \"%s\"", text);
    return NULL;
}

static bool has_context(const fl_sentence *st, const char *word)
{
    for (size_t i = 0; i < st->context_count; i++)
        if (strcmp(st->context[i], word) == 0)
            return true;
    return false;
}

/* make valgrind runs the tests some 20 times slower */
static double time_scale(void)
{
    const char *scale = getenv("FL_TEST_TIME_SCALE");
    return scale && atof(scale) > 1 ? atof(scale) : 1.0;
}

static double cpu_seconds(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

/* --------------------------------------------- sentence cases from data */

static void unescape(const char *s, char *out)
{
    while (*s) {
        if (s[0] == '\\' && s[1]) {
            char c = s[1];
            *out++ = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
            s += 2;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

typedef struct sentence_case {
    char input[4096];
    char expect[32][512];
    size_t count;
    int line;
    bool explicit_input;
} sentence_case;

/* Runs one case; returns the number of mismatches (reported on stderr). */
static int run_case(const char *file, sentence_case *c)
{
    if (!c->explicit_input) {
        size_t n = 0;
        for (size_t i = 0; i < c->count; i++) {
            n += (size_t)snprintf(c->input + n, sizeof c->input - n, "%s%s", i ? " " : "",
                                  c->expect[i]);
        }
    }
    fl_doc *doc = segment_str(c->input);
    check_invariants(doc);
    bool ok = doc->sentences.count == c->count;
    for (size_t i = 0; ok && i < c->count; i++)
        ok = sentence_is(doc, i, c->expect[i]);
    if (!ok) {
        fprintf(stderr, "%s:%d: sentences differ\n", file, c->line);
        for (size_t i = 0; i < c->count; i++)
            fprintf(stderr, "  - want: %s\n", c->expect[i]);
        for (size_t i = 0; i < doc->sentences.count; i++) {
            const fl_sentence *st = FL_DOC_SENTENCE(doc, i);
            fprintf(stderr, "  + got:  %.*s\n", (int)st->len, doc->prose.text + st->off);
        }
    }
    doc_free(doc);
    return ok ? 0 : 1;
}

static int run_sentence_file(const char *path, size_t *cases, size_t *sentences)
{
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s (run from the repository root or set FL_SRCDIR)",
                  path);
    static sentence_case c;
    memset(&c, 0, sizeof c);
    char line[4096];
    int lineno = 0, failures = 0;
    bool more = true;
    while (more) {
        more = fgets(line, sizeof line, f) != NULL;
        lineno++;
        if (more) {
            line[strcspn(line, "\n")] = '\0';
            if (line[0] == '#')
                continue;
        }
        if (!more || line[0] == '\0') {
            if (c.count) {
                failures += run_case(path, &c);
                (*cases)++;
                *sentences += c.count;
            }
            memset(&c, 0, sizeof c);
            continue;
        }
        ck_assert_msg((line[0] == '<' || line[0] == '>') && line[1] == ' ', "%s:%d: bad line", path,
                      lineno);
        if (!c.line)
            c.line = lineno;
        if (line[0] == '<') {
            unescape(line + 2, c.input);
            c.explicit_input = true;
        } else {
            ck_assert_uint_lt(c.count, 32);
            unescape(line + 2, c.expect[c.count++]);
        }
    }
    fclose(f);
    return failures;
}

START_TEST(sentence_data)
{
    char dir[1024];
    data_path("tests/data/sentences", dir, sizeof dir);
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    size_t cases = 0, sentences = 0;
    int failures = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        failures += run_sentence_file(path, &cases, &sentences);
    }
    closedir(d);
    ck_assert_msg(failures == 0, "%d of %zu sentence cases failed (see above)", failures, cases);
    ck_assert_uint_ge(sentences, 60);
}
END_TEST

/* -------------------------------------------------------------- tokens */

START_TEST(tokens_words_and_numbers)
{
    expect_tokens("Exports rose 3,400 to 14.32 and $4.5bn.",
                  "Exports|rose|3,400|to|14.32|and|$|4.5bn|.");
    expect_tokens("£600m, €3.2 million and ¥100", "£|600m|,|€|3.2|million|and|¥|100");
    expect_tokens("Trump’s H20s and O'Rourke's F-35 at Mar-a-Lago.",
                  "Trump’s|H20s|and|O'Rourke's|F-35|at|Mar-a-Lago|.");
    expect_tokens("the U.S.-based GPT-4o, AT&T and S&P 500",
                  "the|U.S.-based|GPT-4o|,|AT&T|and|S&P|500");
    expect_tokens("the 62-year-old in 2010-2015", "the|62-year-old|in|2010|-|2015");
    expect_tokens("25% of 1,000,000 (12,34)", "25|%|of|1,000,000|(|12|,|34|)");
    expect_tokens("analysts' view", "analysts|'|view");
    expect_tokens("He waited... then…", "He|waited|...|then|…");
    expect_tokens("Really?! Yes -- no", "Really|?!|Yes|--|no");
    expect_tokens("Visit Amazon.com today.", "Visit|Amazon.com|today|.");
    expect_tokens("“Quoted” words", "“|Quoted|”|words");
}
END_TEST

START_TEST(tokens_abbreviations_keep_period)
{
    expect_tokens("Mr. Smith of Acme Inc. met J. R. R. Tolkien in the U.S. at 9 a.m.",
                  "Mr.|Smith|of|Acme|Inc.|met|J.|R.|R.|Tolkien|in|the|U.S.|at|9|a.m.");
    expect_tokens("No. 10 and No.5 but no. No.", "No.|10|and|No.|5|but|no|.|No|.");
    expect_tokens("e.g. lithium, i.e. metals", "e.g.|lithium|,|i.e.|metals");
    expect_tokens("Jan. 5 and May. Then", "Jan.|5|and|May|.|Then");
    expect_tokens("Sen. Roe, Ph.D., said", "Sen.|Roe|,|Ph.D.|,|said");
    expect_tokens("the end.Next", "the|end|.|Next");
    /* the listed abbreviations in lower case */
    expect_tokens("approx. 5, cf. the, fig. 3, vol. 2, pp. 4, p. 7, vs. them and v. Wade",
                  "approx.|5|,|cf.|the|,|fig.|3|,|vol.|2|,|pp.|4|,|p.|7|,|vs.|them|and|v.|Wade");
    expect_tokens("the last fig. But", "the|last|fig|.|But");
}
END_TEST

/* Every listed abbreviation keeps its period (before a number, as the
 * numbered ones ask), and a word one letter longer does not. */
START_TEST(listed_abbreviations_keep_period)
{
    static const char *const listed[] = {
        "Adm",  "Ala",  "Amb",  "Apr",    "Ariz", "Ark",  "Art",  "Assn", "Atty",   "Aug",  "Ave",
        "Blvd", "Brig", "Bros", "Calif",  "Capt", "Ch",   "Cmdr", "Co",   "Col",    "Colo", "Conn",
        "Corp", "Cos",  "Cpl",  "Dec",    "Del",  "Dept", "Det",  "Dr",   "Esq",    "Feb",  "Fig",
        "Fla",  "Fr",   "Ft",   "Ga",     "Gen",  "Gov",  "Hon",  "Ill",  "Inc",    "Ind",  "Insp",
        "Jan",  "Jr",   "Jul",  "Jun",    "Kan",  "Ky",   "LLC",  "La",   "Lt",     "Ltd",  "Maj",
        "Mar",  "Mass", "Md",   "Messrs", "Mich", "Minn", "Miss", "Mo",   "Mont",   "Mr",   "Mrs",
        "Ms",   "Mt",   "Mx",   "Neb",    "Nev",  "No",   "Nos",  "Nov",  "Oct",    "Okla", "Ore",
        "PLC",  "Pa",   "Plc",  "Pres",   "Prof", "Pvt",  "Rd",   "Rep",  "Reps",   "Rev",  "Rt",
        "Sec",  "Sen",  "Sens", "Sep",    "Sept", "Sgt",  "Sr",   "St",   "Ste",    "Supt", "Tenn",
        "Tex",  "Univ", "Va",   "Vol",    "Vt",   "Wash", "Wis",  "Wyo",  "approx", "cf",   "fig",
        "no",   "p",    "pp",   "v",      "vol",  "vs"};
    for (size_t k = 0; k < sizeof listed / sizeof listed[0]; k++) {
        char text[96], word[16];
        snprintf(text, sizeof text, "Then %s. 5 and the rest of the text.", listed[k]);
        snprintf(word, sizeof word, "%s.", listed[k]);
        fl_doc *doc = segment_str(text);
        const fl_token *t = FL_DOC_TOKEN(doc, 1);
        ck_assert_msg(t->abbrev && t->len == strlen(word) &&
                          memcmp(doc->prose.text + t->off, word, t->len) == 0,
                      "%s", listed[k]);
        doc_free(doc);
        snprintf(text, sizeof text, "Then %sx. 5 and the rest of the text.", listed[k]);
        doc = segment_str(text);
        ck_assert_msg(!FL_DOC_TOKEN(doc, 1)->abbrev, "%sx", listed[k]);
        doc_free(doc);
    }
}
END_TEST

START_TEST(token_flags)
{
    fl_doc *doc = segment_str("Nvidia NVIDIA iPhone H20 U.S. MI308 a 4.5bn");
    ck_assert(find_token(doc, "Nvidia")->capitalized);
    ck_assert(!find_token(doc, "Nvidia")->all_caps);
    ck_assert(find_token(doc, "NVIDIA")->all_caps);
    ck_assert(!find_token(doc, "iPhone")->capitalized);
    ck_assert(find_token(doc, "H20")->capitalized);
    ck_assert(!find_token(doc, "H20")->all_caps); /* one letter */
    ck_assert(find_token(doc, "U.S.")->all_caps);
    ck_assert(find_token(doc, "MI308")->all_caps);
    ck_assert(!find_token(doc, "a")->capitalized);
    ck_assert_int_eq(find_token(doc, "4.5bn")->kind, FL_TOK_NUMBER);
    ck_assert_int_eq(find_token(doc, "H20")->kind, FL_TOK_WORD);
    doc_free(doc);

    doc = segment_str("$ £ € ¥ % , . — É");
    const fl_token_kind kinds[] = {FL_TOK_SYMBOL, FL_TOK_SYMBOL, FL_TOK_SYMBOL,
                                   FL_TOK_SYMBOL, FL_TOK_SYMBOL, FL_TOK_PUNCT,
                                   FL_TOK_PUNCT,  FL_TOK_PUNCT,  FL_TOK_WORD};
    ck_assert_uint_eq(doc->tokens.count, 9);
    for (size_t i = 0; i < 9; i++)
        ck_assert_int_eq(FL_DOC_TOKEN(doc, i)->kind, kinds[i]);
    ck_assert(FL_DOC_TOKEN(doc, 8)->capitalized);
    doc_free(doc);
}
END_TEST

/* fl_token_shape byte by byte, as it was first written */
static unsigned shape_by_bytes(const unsigned char *u, size_t len)
{
    unsigned bits = 0;
    bool camel = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            bits |= FL_TS_LETTER;
        if (c >= '0' && c <= '9')
            bits |= FL_TS_DIGIT;
        if (c >= 0x80)
            bits |= FL_TS_HIGH;
        if (c == '-')
            bits |= FL_TS_HYPHEN;
        if (i && c >= 'A' && c <= 'Z' && u[i - 1] >= 'a' && u[i - 1] <= 'z')
            camel = true;
    }
    unsigned shape = FL_TS_KNOWN | bits;
    if (len && u[0] >= 'A' && u[0] <= 'Z')
        shape |= FL_TS_UPPER0;
    if (camel && (shape & (FL_TS_UPPER0 | FL_TS_DIGIT)))
        shape |= FL_TS_CAMEL;
    return shape;
}

START_TEST(token_shape_matches_bytes)
{
    /* random strings over bytes that matter (letters at the case edges,
     * digits, hyphens, bytes past ASCII, NUL), every length to 40 */
    static const unsigned char alphabet[] = "aAzZbY09-@[`{/:\x80\xC3\xE2\xFF \0";
    unsigned seed = 12345;
    unsigned char buf[48];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % 41);
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[k] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        ck_assert_uint_eq(fl_token_shape((const char *)buf, len), shape_by_bytes(buf, len));
    }
    const char *camel[] = {"iPhone",           "H20",       "McDonald", "abcdefgH",
                           "abcdefghIjklmnop", "ABCDEFGhIJ"};
    for (size_t k = 0; k < sizeof camel / sizeof camel[0]; k++)
        ck_assert_uint_eq(fl_token_shape(camel[k], strlen(camel[k])),
                          shape_by_bytes((const unsigned char *)camel[k], strlen(camel[k])));
}
END_TEST

/* A word's tokens the same whether the segmenter's eight-byte paths read
 * them (text follows) or its byte-by-byte scan_word does (at the end of the
 * text, where fewer than eight bytes remain). */
/* Words at a line's start: fast_words notes the line break for the
 * first token it pushes and takes the note back when it pushes none
 * ("NATO-led", "U.S.": the slower paths' words), so the sentences split
 * as before. Each case: the text, then its sentences, NULL-ended. */
START_TEST(line_start_words)
{
    static const char *const cases[][5] = {
        {"Chip exports rise\nNATO-led talks began on Monday.\n\nU.S. officials said so.",
         "Chip exports rise", "NATO-led talks began on Monday.", "U.S. officials said so.", NULL},
        {"Sales of the chips rose\nthe company said on Monday, as expected.\nProfit fell\nUp.",
         "Sales of the chips rose\nthe company said on Monday, as expected.", "Profit fell", "Up.",
         NULL},
        {"Paris talks end\n\n2019 was a good year for the company, analysts said.\nOil fell.",
         "Paris talks end", "2019 was a good year for the company, analysts said.", "Oil fell.",
         NULL},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        fl_doc *doc = segment_str(cases[c][0]);
        check_invariants(doc);
        size_t n = 0;
        while (cases[c][n + 1])
            n++;
        ck_assert_uint_eq(doc->sentences.count, n);
        for (size_t k = 0; k < n; k++) {
            const fl_sentence *st = FL_DOC_SENTENCE(doc, k);
            const char *want = cases[c][k + 1];
            ck_assert_msg(st->len == strlen(want) && !memcmp(cases[c][0] + st->off, want, st->len),
                          "%s: sentence %zu is not \"%s\"", cases[c][0], k, want);
        }
        doc_free(doc);
    }
}
END_TEST

/* Abbreviations before a space: fast_words notes one for split_sentences
 * only when a sentence may end after it (not "U.S. officials", nor "Mr. X"
 * before a letter or digit), scan_word every one; the sentences are the
 * same either way: each case alone (its abbreviation fewer than sixteen
 * bytes before the end: scan_word's) and before a long last sentence
 * (fast_words'). Each case: the text, then its sentences. */
START_TEST(abbreviation_sentences_either_way)
{
    static const char *const cases[][4] = {
        {"Mr. Smith ran.", "Mr. Smith ran.", NULL},
        {"U.S. firms ran.", "U.S. firms ran.", NULL},
        {"U.S. The firm.", "U.S.", "The firm.", NULL},
        {"No. 5 is it.", "No. 5 is it.", NULL},
        {"It is No. 5. Go.", "It is No. 5.", "Go.", NULL},
        {"Mr. \"X\" ran.", "Mr. \"X\" ran.", NULL},
        {"J. R. Smith.", "J. R. Smith.", NULL},
        {"J. The end.", "J.", "The end.", NULL},
        {"Mr. (X) ran.", "Mr. (X) ran.", NULL},
        {"Mr.\n\nSmith ran.", "Mr.", "Smith ran.", NULL},
        {"Mr. \n\nSmith ran.", "Mr.", "Smith ran.", NULL},
        {"e.g. x ran.", "e.g. x ran.", NULL},
        {"Inc. and so.", "Inc. and so.", NULL},
        {"Inc. So.", "Inc.", "So.", NULL},
    };
    static const char tail[] = " A long last sentence comes after it.";
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = 0;
        while (n + 1 < 4 && cases[c][n + 1])
            n++;
        for (int fast = 0; fast < 2; fast++) {
            char text[128];
            snprintf(text, sizeof text, "%s%s", cases[c][0], fast ? tail : "");
            fl_doc *doc = segment_str(text);
            check_invariants(doc);
            ck_assert_msg(doc->sentences.count == n + (size_t)fast, "%s: %zu sentences", text,
                          doc->sentences.count);
            for (size_t k = 0; k < n; k++) {
                const fl_sentence *st = FL_DOC_SENTENCE(doc, k);
                const char *want = cases[c][k + 1];
                ck_assert_msg(st->len == strlen(want) && !memcmp(text + st->off, want, st->len),
                              "%s: sentence %zu is not \"%s\"", text, k, want);
            }
            doc_free(doc);
        }
    }
}
END_TEST

/* mark_quotes marks every token of a quoted span, whatever its length
 * (eight flags at a time, the last eight overlapping): a period inside
 * the quotation, wherever it stands, ends no sentence. */
START_TEST(quoted_spans_every_length)
{
    for (size_t n = 2; n <= 24; n++) {
        for (size_t p = 1; p < n; p++) {
            char quoted[256], plain[512];
            size_t q = 0;
            for (size_t k = 1; k <= n; k++)
                q += (size_t)snprintf(quoted + q, sizeof quoted - q, "%s%s%s", k == 1 ? "" : " ",
                                      k == p + 1 ? "Next" : "word", k == p ? "." : "");
            snprintf(plain, sizeof plain, "He said %s and left.", quoted);
            fl_doc *a = segment_str(plain);
            check_invariants(a);
            ck_assert_uint_eq(a->sentences.count, 2); /* unquoted: split at the period */
            doc_free(a);
            char text[600];
            snprintf(text, sizeof text, "He said \"%s\" and left.", quoted);
            fl_doc *b = segment_str(text);
            check_invariants(b);
            ck_assert_msg(b->sentences.count == 1, "%s: %zu sentences", text, b->sentences.count);
            doc_free(b);
        }
    }
}
END_TEST

/* The last words include those with a capital past the eighth letter
 * (the fast path's second load) and the dashes and quotes it takes in
 * line; the shortest of them (eight bytes or fewer) put what they test
 * in the last eight bytes of `last`, which the byte-by-byte paths read. */
START_TEST(joined_words_same_either_way)
{
    static const char *const words[] = {"company's",
                                        "Baskin-Robbins",
                                        "pre-Christmas",
                                        "T-Mobile",
                                        "X-Y",
                                        "X-Yz",
                                        "I've",
                                        "they've",
                                        "We're",
                                        "O'Casey",
                                        "D'Souza,",
                                        "BP's",
                                        "EU-based",
                                        "year-earlier,",
                                        "think-tank.",
                                        "high-impact\"",
                                        "mid-morning.x",
                                        "self-confidence,",
                                        "737-800",
                                        "8-1.",
                                        "2005-6,",
                                        "1-1)",
                                        "5--6",
                                        "76-year-old,",
                                        "12-nation",
                                        "1,000-strong",
                                        "12-year-10",
                                        "3-iPhone",
                                        "7-Up",
                                        "larger-than-expected",
                                        "Mercedes-Benz's",
                                        "O'Connor's",
                                        "hat-trick'",
                                        "like-for-Like",
                                        "state-of-the-art.",
                                        "a-b'c-d",
                                        "well-known",
                                        "F-35",
                                        "O'Rourke's",
                                        "iPhone-maker",
                                        "McDonald's",
                                        "ABC-TV's",
                                        "X-rays",
                                        "rock'n'roll",
                                        "16,652",
                                        "72.5",
                                        "1,000.50",
                                        "12,34",
                                        "4.5bn",
                                        "3,400.",
                                        "e-mail.",
                                        "co-op.com",
                                        "A-1",
                                        "U.S.-based",
                                        "don't,",
                                        "non-U.S.",
                                        "I'm.",
                                        "it's...",
                                        "Jones's.",
                                        "ABCDEFGHIJ-KLMNOPQRS",
                                        "abcdefghijklmnopq'rstuvwxyz",
                                        "1,2345",
                                        "2010-2015",
                                        "62-year-old",
                                        "x-'y",
                                        "a'-b",
                                        "B2B-a",
                                        "1.2.3",
                                        "7,000,000.",
                                        "N.Y.-area",
                                        "well-known-",
                                        "don't'",
                                        "aB-Cd",
                                        "ab-Cd",
                                        "42-",
                                        "5,000bn",
                                        "0.5,",
                                        "AT&T's",
                                        "Mr. X",
                                        "U.S. X",
                                        "U.S. the",
                                        "e.g. x",
                                        "i.e. X",
                                        "J. X",
                                        "No. 5",
                                        "No. x",
                                        "no.\t7",
                                        "it. X",
                                        "Ph.D. x",
                                        "Ab.cD. X",
                                        "aB.c. X",
                                        "Sen. Warren",
                                        "Sept. 5",
                                        "Dr. X",
                                        "(Mr. X",
                                        "St. Louis",
                                        "Messrs. X",
                                        "Calif. The",
                                        "Calif. the",
                                        "approx. 5",
                                        "p. 7 x",
                                        "p. x",
                                        "pp. 4",
                                        "Mr.  X",
                                        "Mr. (X",
                                        "Mr. Dr. X",
                                        "A. B. X",
                                        "a. b",
                                        "x\nMr. X",
                                        "Abcdefg. X",
                                        "Sens. X",
                                        "N.Y.C. x",
                                        "U.S.A. x",
                                        "J.R.R. X",
                                        "x.y.z. w",
                                        "U.S., x",
                                        "U.S.) x",
                                        "A.B.C.D.E.F.G.H.I. x",
                                        "i.e. x",
                                        "U.S.S.R. The",
                                        "Ab.C. x",
                                        "a.m. The",
                                        "U.S.-led x",
                                        "U.S.\xe2\x80\x91led x",
                                        "Mr.X y",
                                        "it.com x",
                                        "ok.. x",
                                        "Mr.. x",
                                        "N.Y. x",
                                        "A.B.C.D. x",
                                        "abc.d. x",
                                        "Ltd.5 x",
                                        "US. X",
                                        "February. X",
                                        "Abcdefghijklmno. X",
                                        "abcdefghijklmnop. X",
                                        "Reuters.com x",
                                        "bread, butter",
                                        "ab, Cd",
                                        "a, b",
                                        "jam,  x",
                                        "jam,\nx",
                                        "jam,x y",
                                        "jam, 5",
                                        "jam, \"x\"",
                                        "Jam, Mr. X",
                                        "5 x",
                                        "5, x",
                                        "5,x y",
                                        "15% x",
                                        "15%x y",
                                        "15%, x",
                                        "15% 16% x",
                                        "72.5% x",
                                        "1,000.50, x",
                                        "1,000.50. X",
                                        "12345678 x",
                                        "1234567 x",
                                        "123456789, x",
                                        "1234567,000 x",
                                        "1234567, x",
                                        "3.5bn x",
                                        "2020. X",
                                        "7,000,000 x",
                                        "1,23 x",
                                        "12,345,6 x",
                                        "5.x y",
                                        "5.. x",
                                        "5,, x",
                                        "5, 6, 7 x",
                                        "5  x",
                                        "5\n x",
                                        "1990s x",
                                        "5-6 x",
                                        "5\xe2\x80\x93 6 x",
                                        "$5 x",
                                        "($5) x",
                                        "( x",
                                        "$ 5 x",
                                        "5 $x y",
                                        "x (y) z",
                                        "'x' y",
                                        "5 (6) x",
                                        "5 $, x",
                                        "5 #, x",
                                        "5 ((x y",
                                        "5 (\"x\" y",
                                        "5 (\xe2\x80\x9cx y",
                                        "5 (.x y",
                                        "company's x",
                                        "Moreau's",
                                        "I's",
                                        "the end.",
                                        "B200.",
                                        "Moreau's x",
                                        "I's x",
                                        "abcdefghijklmno's x",
                                        "abcdefghijklmnop's x",
                                        "Jones's, x",
                                        "its's. X",
                                        "x'sy z",
                                        "x's\ny",
                                        "x's  y",
                                        "x'S y",
                                        "NATO's x",
                                        "B200. X",
                                        "NATO. The",
                                        "F35. x",
                                        "Q3.. X",
                                        "Mr. Moreau's x",
                                        "the end. Then x",
                                        "the end. then x",
                                        "the end.\nThen x",
                                        "the end.  Then x",
                                        "the end. \"Then x",
                                        "the end. 5 x",
                                        "the Inc. Then x",
                                        "the end.. Then x",
                                        "the end.5 x",
                                        "NATO x",
                                        "NATO",
                                        "AB x",
                                        "ABCDEFG x",
                                        "ABCDEFGH x",
                                        "NATO's x",
                                        "NATO-led x",
                                        "NATO, x",
                                        "NATO. X",
                                        "ABc x",
                                        "well-known x",
                                        "Well-known x",
                                        "well-known",
                                        "X-rays x",
                                        "well-Known x",
                                        "abcdefghijk-abcdefg x",
                                        "abc-abcdefgh x",
                                        "ab-cd-ef x",
                                        "ab-cd's x",
                                        "ab-c5 x",
                                        "ab-cd, x",
                                        "ab-cd. X",
                                        "ab-\xc3\xa9t x",
                                        "AB-cd x",
                                        "ab-cd\nx",
                                        "word\tx",
                                        "Word\tx",
                                        "A\tx",
                                        "wOrd\tx",
                                        "NATO\tx",
                                        "word\nx",
                                        "Word\nX",
                                        "Word\n\nX",
                                        "Word[x",
                                        "word@x",
                                        "Word_x",
                                        "Abcdefghij\tx",
                                        "abcdefghiJ\tx",
                                        "Word\xc3\xa9 x",
                                        "word\xc2\xa0x",
                                        "ab- cd x",
                                        "B200 x",
                                        "MI308 x",
                                        "Q3 x",
                                        "B2B x",
                                        "b2b x",
                                        "iPhone5 x",
                                        "H20s x",
                                        "abc12de x",
                                        "Ab1 x",
                                        "A123456 x",
                                        "A1234567 x",
                                        "B200, x",
                                        "B200-a x",
                                        "abcdefgh1 x",
                                        "B200",
                                        "\"quoted words\" here",
                                        "said \"We think x",
                                        "\"x\", y",
                                        "word\". X",
                                        "word\" y",
                                        "word\"\" y",
                                        "\"\" x",
                                        "\" x",
                                        "\"\n x",
                                        "\"5 x",
                                        "5 \"x y",
                                        "ab\"cd ef",
                                        "abc \"NATO\" x",
                                        "BusinessWeek x",
                                        "abcdefghIj x",
                                        "abcdefghijklmNo x",
                                        "Abcdefghijklmno x",
                                        "abcdefghijklmnoP x",
                                        "x - y",
                                        "x -- y",
                                        "word,\" x",
                                        "word,\"x y",
                                        "word.\n\nWord x",
                                        "word\n\n5 x",
                                        "end. \"We x",
                                        "MI308. The x",
                                        "PS5.\nX y",
                                        "A800,\" x",
                                        "Ab1. X",
                                        "ab12. x",
                                        "Q3. X",
                                        "B200.5 x",
                                        "B200.. X",
                                        "B200.\" x",
                                        "B200., x",
                                        "B200.a x",
                                        "A123456. X",
                                        "A1234567. X",
                                        "MI308,5 x",
                                        "MI308,x y",
                                        "A320neo. X",
                                        "F-35. X",
                                        "GPT-4o,\" x",
                                        "GPT-4o, x",
                                        "don't, x",
                                        "state-of-the-art x",
                                        "F-35.\nX y",
                                        "rock'n'roll. The x",
                                        "F-35.. x",
                                        "F-35.5 x",
                                        "McDonald's. X",
                                        "don't\nx y",
                                        "iPhone-maker) x",
                                        "ab-cd-ef\" x",
                                        "x\nF-35 y",
                                        "x\n\ndon't y",
                                        "(don't x",
                                        "F-35\xc3\xa9 x",
                                        "ab'cd. X",
                                        "ABC-DEF. X",
                                        "A800\nX y",
                                        "A800\n\nX y",
                                        "A800) x",
                                        "B200\" x",
                                        "MI308: x",
                                        "PS5\t x",
                                        "A800/x y",
                                        "word.\n\n\"We x",
                                        "word\n\"We x",
                                        "word.\n\" x",
                                        "word.\n\"\" x",
                                        "word,\n\n\"5 x",
                                        "\xc2\xa3"
                                        "300m x",
                                        "(\xc2\xa3"
                                        "5 x",
                                        "\xc2\xa3 x",
                                        "x \xc2\xa3"
                                        "5bn, y",
                                        "x \xc2\xa3\xc2\xa3 y",
                                        "x \xc2\xa3\n5 y",
                                        "x \xc2\xa2 y",
                                        "x.\" Y",
                                        "x.\"\nY",
                                        "x.\"\n\nY",
                                        "x.\"\" y",
                                        "x.\") y",
                                        "x\". Y",
                                        "x\".\nY",
                                        "x\", y",
                                        "x\"\ty",
                                        "x\"\r\ny",
                                        "\"x\"\n\ny",
                                        "\"\"\"x y",
                                        "5. X y",
                                        "5. the",
                                        "5.\nX y",
                                        "5.\" X",
                                        "5.) x",
                                        "$5. X",
                                        "5.\tX y",
                                        "5.! x",
                                        "3.5. X",
                                        "12345. X",
                                        "5,\" he",
                                        "5,\"x y",
                                        "5,\"\n x",
                                        "ab: \"x",
                                        "ab) x",
                                        "ab), x",
                                        "ab); x",
                                        "ab)) x",
                                        "ab:x y",
                                        "ab/x y",
                                        "ab] x",
                                        "ab$ x",
                                        "ab)\n\nX",
                                        "US, x",
                                        "UK. The",
                                        "UK.\nThe",
                                        "US. x",
                                        "MAX. X",
                                        "INC. X",
                                        "NATO) x",
                                        "NATO\n x",
                                        "BBC: x",
                                        "BBC:\"x",
                                        "AbC, x",
                                        "iPod 15",
                                        "McD x",
                                        "VoIP x",
                                        "DVDs x",
                                        "PCs x",
                                        "aBcDe x",
                                        "aBc\n x",
                                        "iPod's",
                                        "\"x\". X",
                                        "\"x\".\nX",
                                        "\"x\".. x",
                                        "(x). X",
                                        "(x).\" x",
                                        "(x)? X",
                                        "\"x\"? y",
                                        "\"x\"?! X",
                                        "\"x\"!? X",
                                        "x? If",
                                        "x?\" he",
                                        "x!\nX y",
                                        "x?? X",
                                        "x?x y",
                                        "(a).5 x",
                                        "it. X y",
                                        "it.\nX y",
                                        "it.\" X",
                                        "it.) x",
                                        "it.. X",
                                        "it.x y",
                                        "p. 5 x",
                                        "no. 5 x",
                                        "no. X y",
                                        "a. X y",
                                        "p. X y",
                                        "v. X y",
                                        "cf. X y",
                                        "pp.\nX y",
                                        "US. X y",
                                        "US.\" x",
                                        "UK.\nX y",
                                        "Al. X y",
                                        "A. X y",
                                        "1,234 x",
                                        "1.5 x",
                                        "1.25% x",
                                        "1,234, x",
                                        "1.5.6 x",
                                        "1,2345 x",
                                        "9.99bn",
                                        "1.5,000",
                                        "1,234.5",
                                        "1.5\xc2\xa3 x",
                                        "1,234' x",
                                        "5m x",
                                        "5m, x",
                                        "5m. X y",
                                        "5m.. X",
                                        "5m.x y",
                                        "5m,5 x",
                                        "5m) x",
                                        "5m\n x",
                                        "17th x",
                                        "1990s. X",
                                        "5mX x",
                                        "5m's x",
                                        "5m-6 x",
                                        "5bn\" x",
                                        "1234567a x",
                                        "5\xc3\xa9 x",
                                        "ab' x",
                                        "ab', x",
                                        "ab'. X",
                                        "ab'\nX y",
                                        "ab'5 x",
                                        "ab'\xc3\xa9 x",
                                        "'ab' x",
                                        "Ab' x",
                                        "AB' x",
                                        "aB' x",
                                        "ab''s x",
                                        "ab's' x",
                                        "1.5bn x",
                                        "1.5bn, x",
                                        "1.5bn. X",
                                        "1.5bn.x y",
                                        "1.5bn) x",
                                        "1,234m x",
                                        "12,34m x",
                                        "1.5bN x",
                                        "1.5Bn x",
                                        "1.5m2 x",
                                        "1.5m-a x",
                                        "1.5m's x",
                                        "1.5m\xc3\xa9 x",
                                        "1.5m&a x",
                                        "1.5m\n x",
                                        "5.65m",
                                        "1.5.6m x",
                                        "don't x",
                                        "I'm x",
                                        "Don't x",
                                        "it'd x",
                                        "it'S x",
                                        "it'sx y",
                                        "we're x",
                                        "it't, x",
                                        "it't.",
                                        "o'k x",
                                        "iPo\xc3\xa9 x",
                                        "B2\xff x",
                                        "B2\xb0, x",
                                        "Moreau, x",
                                        "Ab, x",
                                        "I, x",
                                        "A, b",
                                        "Ab,  x",
                                        "Ab,\nx",
                                        "Ab,x y",
                                        "Ab,\" x",
                                        "Abcdefg, x",
                                        "Abcdefgh, x",
                                        "abcdefgh, x",
                                        "abcdefghijklmno, x",
                                        "Abcdefghijklmno, x",
                                        "abcdefghijklmnop, x",
                                        "Abcdefghijklmnop, x",
                                        "abcdefghijklmnop x",
                                        "Abcdefghijklmnop x",
                                        "abcdefghijklmnopq x",
                                        "Abcdefghijklmnopq x",
                                        "abcdefghijklmnop. X",
                                        "abcdefghijklmnop\nX y",
                                        "abcdefghijklmnoP x",
                                        "abcdefghijklmnop\xc3\xa9 x",
                                        "Abcdefghijklmnop's x",
                                        "etc. The x",
                                        "vs. x y",
                                        "abc. x",
                                        "abcdefgh. X",
                                        "abcdefghijklmno.\" x",
                                        "abcdefghijklmno.\nx",
                                        "abcd.e x",
                                        "abcd.. x",
                                        "abcd.5 x",
                                        "abcd.\xc3\xa9 x",
                                        "abcdefg.",
                                        "abcdefg,",
                                        "Abcdefg.",
                                        "Abcdefg,",
                                        "abcdef\".",
                                        "self-confidence x",
                                        "Anglo-abcdefghijklmno x",
                                        "ab-abcdefghijklmnop x",
                                        "ab-abcdefgh, x",
                                        "ab-abcdefghiJ x",
                                        "ab-abcdEfghij x",
                                        "ab-abcdefghij\xc3\xa9 x",
                                        "abcdefghij-abcdefghij x"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        char inner[128], last[64];
        snprintf(inner, sizeof inner, "Then %s and the rest of it.", words[k]);
        snprintf(last, sizeof last, "Then %s", words[k]);
        fl_doc *a = segment_str(inner), *b = segment_str(last);
        check_invariants(a);
        check_invariants(b);
        /* the tokens of b, all but the last, which may take in what follows */
        for (size_t i = 0; i + 1 < b->tokens.count; i++) {
            const fl_token *x = FL_DOC_TOKEN(a, i), *y = FL_DOC_TOKEN(b, i);
            ck_assert_msg(x->off == y->off && x->len == y->len && x->kind == y->kind &&
                              x->capitalized == y->capitalized && x->all_caps == y->all_caps &&
                              x->shape == y->shape && x->abbrev == y->abbrev,
                          "token %zu of \"%s\"", i, words[k]);
            /* an abbreviation's class (seg bits 4-6, segment.c's T_AB_SHIFT),
             * which decides where its sentence ends */
            ck_assert_msg(((x->seg ^ y->seg) & 0x70) == 0, "class of token %zu of \"%s\"", i,
                          words[k]);
            /* and the gap before it (seg bits 0-2: a space, a line break, a
             * paragraph break), which decides where sentences split */
            ck_assert_msg(((x->seg ^ y->seg) & 0x07) == 0, "gap of token %zu of \"%s\"", i,
                          words[k]);
        }
        const fl_token *x = FL_DOC_TOKEN(a, b->tokens.count - 1),
                       *y = FL_DOC_TOKEN(b, b->tokens.count - 1);
        if (x->len == y->len)
            ck_assert_msg(x->kind == y->kind && x->capitalized == y->capitalized &&
                              x->all_caps == y->all_caps && x->shape == y->shape &&
                              x->abbrev == y->abbrev,
                          "last token of \"%s\"", words[k]);
        doc_free(a);
        doc_free(b);
    }
}
END_TEST

/* "Then ", `unit` REPEAT times, "end." (malloc'ed, NUL-terminated); its
 * length in *len. */
static char *dense_text(const char *unit, size_t repeat, size_t *len)
{
    size_t n = strlen(unit);
    *len = 5 + repeat * n + 4;
    char *text = malloc(*len + 1);
    ck_assert_ptr_nonnull(text);
    memcpy(text, "Then ", 5);
    for (size_t r = 0; r < repeat; r++)
        memcpy(text + 5 + r * n, unit, n);
    memcpy(text + 5 + repeat * n, "end.", 5);
    return text;
}

/* Numbers, commas and '%' as dense as they come (more tokens than the
 * first guess of the token room holds): each token where it belongs. */
START_TEST(dense_numbers)
{
    static const char unit[] = "$5, 12% (7,000) 3.5, ";
    static const struct {
        const char *text;
        fl_token_kind kind;
    } want[] = {{"$", FL_TOK_SYMBOL},     {"5", FL_TOK_NUMBER}, {",", FL_TOK_PUNCT},
                {"12", FL_TOK_NUMBER},    {"%", FL_TOK_SYMBOL}, {"(", FL_TOK_PUNCT},
                {"7,000", FL_TOK_NUMBER}, {")", FL_TOK_PUNCT},  {"3.5", FL_TOK_NUMBER},
                {",", FL_TOK_PUNCT}};
    enum { REPEAT = 3000 };
    size_t len;
    char *text = dense_text(unit, REPEAT, &len);
    fl_doc *doc = segment(text, len);
    check_invariants(doc);
    size_t per = sizeof want / sizeof want[0];
    ck_assert_uint_eq(doc->tokens.count, 1 + REPEAT * per + 2);
    ck_assert_uint_eq(doc->sentences.count, 1);
    for (size_t i = 0; i < REPEAT * per; i++) {
        const fl_token *t = FL_DOC_TOKEN(doc, 1 + i);
        const char *w = want[i % per].text;
        ck_assert_msg(t->kind == want[i % per].kind && t->len == strlen(w) &&
                          memcmp(text + t->off, w, t->len) == 0 && !t->capitalized &&
                          !t->all_caps && !t->abbrev,
                      "token %zu", 1 + i);
        if (t->kind == FL_TOK_NUMBER)
            ck_assert_uint_eq(t->shape, FL_TS_KNOWN | FL_TS_DIGIT);
        else
            ck_assert_uint_eq(t->shape, 0);
    }
    doc_free(doc);
    free(text);
}
END_TEST

/* Sentences of one word and a period as dense as they come, with a
 * possessive, a word of capitals and a hyphenated word between them (more
 * tokens than the first guess of the token room holds): each token where
 * it belongs, each sentence its own. */
START_TEST(dense_periods)
{
    static const char unit[] = "Abc. Def's NATO well-known ";
    enum { UP = FL_TS_KNOWN | FL_TS_LETTER | FL_TS_UPPER0 };
    static const struct {
        const char *text;
        fl_token_kind kind;
        bool capitalized, all_caps;
        unsigned shape;
    } want[] = {
        {"Abc", FL_TOK_WORD, true, false, UP},
        {".", FL_TOK_PUNCT, false, false, 0},
        {"Def's", FL_TOK_WORD, true, false, UP},
        {"NATO", FL_TOK_WORD, true, true, UP},
        {"well-known", FL_TOK_WORD, false, false, FL_TS_KNOWN | FL_TS_LETTER | FL_TS_HYPHEN}};
    enum { REPEAT = 3000 };
    size_t len;
    char *text = dense_text(unit, REPEAT, &len);
    fl_doc *doc = segment(text, len);
    check_invariants(doc);
    size_t per = sizeof want / sizeof want[0];
    ck_assert_uint_eq(doc->tokens.count, 1 + REPEAT * per + 2);
    ck_assert_uint_eq(doc->sentences.count, REPEAT + 1);
    for (size_t i = 0; i < REPEAT * per; i++) {
        const fl_token *t = FL_DOC_TOKEN(doc, 1 + i);
        const char *w = want[i % per].text;
        ck_assert_msg(t->kind == want[i % per].kind && t->len == strlen(w) &&
                          memcmp(text + t->off, w, t->len) == 0 &&
                          t->capitalized == want[i % per].capitalized &&
                          t->all_caps == want[i % per].all_caps &&
                          t->shape == want[i % per].shape && !t->abbrev,
                      "token %zu", 1 + i);
    }
    doc_free(doc);
    free(text);
}
END_TEST

/* ----------------------------------------------- whitespace and limits */

START_TEST(empty_and_blank_input)
{
    fl_doc *doc = segment("", 0);
    ck_assert_uint_eq(doc->tokens.count, 0);
    ck_assert_uint_eq(doc->sentences.count, 0);
    doc_free(doc);
    doc = segment_str(" \t\r\n\n  \xEF\xBB\xBF\xC2\xA0\xE2\x80\xA8 \n");
    ck_assert_uint_eq(doc->tokens.count, 0);
    ck_assert_uint_eq(doc->sentences.count, 0);
    doc_free(doc);
    doc = segment(NULL, 0);
    ck_assert_uint_eq(doc->sentences.count, 0);
    doc_free(doc);
}
END_TEST

/* A token keeps its offset and length in 32 bits: longer prose is
 * refused before a byte of it is read (the text here is never read). */
START_TEST(prose_over_4gb_refused)
{
    if (SIZE_MAX <= UINT32_MAX)
        return;
    fl_doc *doc = calloc(1, sizeof *doc);
    ck_assert_ptr_nonnull(doc);
    doc->arena = fl_arena_new();
    ck_assert_ptr_nonnull(doc->arena);
    doc->prose.text = "x";
    doc->prose.len = (size_t)UINT32_MAX + 1;
    ck_assert_int_eq(fl_segment(doc), FL_ETOOBIG);
    ck_assert_uint_eq(doc->tokens.count, 0);
    ck_assert_uint_eq(doc->sentences.count, 0);
    doc_free(doc);
}
END_TEST

START_TEST(bom_is_whitespace)
{
    const char *text = "\xEF\xBB\xBFNvidia declined to comment.";
    fl_doc *doc = segment_str(text);
    check_invariants(doc);
    ck_assert_uint_eq(doc->sentences.count, 1);
    ck_assert_uint_eq(FL_DOC_TOKEN(doc, 0)->off, 3);
    ck_assert(FL_DOC_TOKEN(doc, 0)->capitalized);
    ck_assert(sentence_is(doc, 0, "Nvidia declined to comment."));
    doc_free(doc);
}
END_TEST

START_TEST(crlf_lines_and_paragraphs)
{
    fl_doc *doc = segment_str("Prices rose.\r\nThey fell.\r\n\r\nA new day\r\nbegan here.");
    check_invariants(doc);
    ck_assert_uint_eq(doc->sentences.count, 3);
    ck_assert(sentence_is(doc, 0, "Prices rose."));
    ck_assert(sentence_is(doc, 1, "They fell."));
    ck_assert(sentence_is(doc, 2, "A new day\r\nbegan here."));
    ck_assert_uint_eq(FL_DOC_SENTENCE(doc, 0)->paragraph, 0);
    ck_assert_uint_eq(FL_DOC_SENTENCE(doc, 1)->paragraph, 0);
    ck_assert_uint_eq(FL_DOC_SENTENCE(doc, 2)->paragraph, 1);
    doc_free(doc);
    /* lone CR, and U+2029 as a paragraph break */
    doc = segment_str("One two\r\rThree four\xE2\x80\xA9"
                      "Five six");
    ck_assert_uint_eq(doc->sentences.count, 3);
    ck_assert_uint_eq(FL_DOC_SENTENCE(doc, 2)->paragraph, 2);
    doc_free(doc);
}
END_TEST

/* unit repeated to at most `total` bytes */
static char *repeat(const char *unit, size_t total, size_t *len)
{
    char *buf = repeat_text(unit, strlen(unit), total / strlen(unit), len);
    ck_assert_ptr_nonnull(buf);
    return buf;
}

START_TEST(megabyte_line_without_punctuation)
{
    size_t len;
    char *text = repeat("semiconductor export rules ", 1 << 20, &len);
    double t0 = cpu_seconds();
    fl_doc *doc = segment(text, len);
    double dt = cpu_seconds() - t0;
    ck_assert_uint_eq(doc->sentences.count, 1);
    ck_assert_uint_eq(FL_DOC_SENTENCE(doc, 0)->context_count, 3);
    ck_assert_msg(dt < 2.0 * time_scale(), "1 MB line took %.2fs", dt);
    check_invariants(doc);
    doc_free(doc);
    free(text);
}
END_TEST

START_TEST(pathological_inputs_are_linear)
{
    static const char *const units[] = {"a",  "U.S. ", "\"", "...", "-",     "1,",
                                        "\n", "- x\n", ".",  "A. ", "J.R.R."};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t len;
        char *text = repeat(units[k], 1 << 20, &len);
        double t0 = cpu_seconds();
        fl_doc *doc = segment(text, len);
        double dt = cpu_seconds() - t0;
        ck_assert_msg(dt < 2.0 * time_scale(), "1 MB of \"%s\" took %.2fs", units[k], dt);
        check_invariants(doc);
        doc_free(doc);
        free(text);
    }
}
END_TEST

/* ------------------------------------------------------ sentence flags */

START_TEST(headline_and_case_flags)
{
    fl_doc *doc = segment_str("Nvidia Wins Approval for H20 Sales\n\n"
                              "Ad sales boost Time Warner profit\n\n"
                              "NVIDIA WINS APPROVAL\n\n"
                              "Nvidia declined to comment.\n\n"
                              "- a list item\n"
                              "The last line.");
    check_invariants(doc);
    ck_assert_uint_eq(doc->sentences.count, 6);
    const fl_sentence *s0 = FL_DOC_SENTENCE(doc, 0), *s1 = FL_DOC_SENTENCE(doc, 1),
                      *s2 = FL_DOC_SENTENCE(doc, 2), *s3 = FL_DOC_SENTENCE(doc, 3),
                      *s4 = FL_DOC_SENTENCE(doc, 4), *s5 = FL_DOC_SENTENCE(doc, 5);
    ck_assert(s0->headline && s0->title_case && !s0->all_caps);
    ck_assert(s1->headline && !s1->title_case && !s1->all_caps);
    ck_assert(s2->headline && s2->all_caps && !s2->title_case);
    ck_assert(!s3->headline && !s3->title_case && !s3->all_caps);
    ck_assert(!s4->headline);
    ck_assert(!s5->headline);
    ck_assert_uint_eq(s3->paragraph, 3);
    ck_assert_uint_eq(s4->paragraph, 4);
    ck_assert_uint_eq(s5->paragraph, 4);
    doc_free(doc);
    /* every small word is left out of the count, in any case; others not */
    doc = segment_str("Word a an and as at but by for from in into nor of off on onto or out over "
                      "per so than the to up via vs with yet End\n\n"
                      "Word A AN AND WITH YET Then End\n\n"
                      "Word bits End\n\n"
                      "Word a ant End");
    ck_assert_uint_eq(doc->sentences.count, 4);
    ck_assert(FL_DOC_SENTENCE(doc, 0)->title_case);
    ck_assert(FL_DOC_SENTENCE(doc, 1)->title_case);
    ck_assert(!FL_DOC_SENTENCE(doc, 2)->title_case);
    ck_assert(!FL_DOC_SENTENCE(doc, 3)->title_case);
    doc_free(doc);
}
END_TEST

/* all_caps as counted from the tokens (ASCII text): the segmenter counts
 * them as it goes */
static void check_all_caps(const fl_doc *doc)
{
    for (size_t s = 0; s < doc->sentences.count; s++) {
        const fl_sentence *st = FL_DOC_SENTENCE(doc, s);
        size_t words = 0, nolower = 0;
        for (size_t i = st->first_token; i < st->first_token + st->token_count; i++) {
            const fl_token *t = FL_DOC_TOKEN(doc, i);
            if (t->kind != FL_TOK_WORD)
                continue;
            words++;
            bool lower = false;
            for (size_t k = 0; k < t->len; k++)
                lower |= doc->prose.text[t->off + k] >= 'a' && doc->prose.text[t->off + k] <= 'z';
            nolower += !lower;
        }
        ck_assert_msg(st->all_caps == (words >= 2 && nolower * 5 >= words * 4),
                      "all_caps of sentence %zu", s);
    }
}

START_TEST(all_caps_counts)
{
    static const char *const texts[] = {
        "GO TO THE U.S. The firm left. WE WON, I SAW (IT). I am here.",
        "A B C D e. THE END?! \"YES.\" NO WAY... OK\nTHE LINE\n\nI A B c d\n- IT IS\n- it is",
        "Mr. SMITH WENT TO WASHINGTON. J. R. R. TOLKIEN WROTE IT. The 3 BIG DOGS RAN 4.5 MILES.",
        "US, UK AND EU said no. NATO AND THE UN AGREE; G7 TOO. a b c D E F G H.",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        fl_doc *doc = segment_str(texts[k]);
        check_invariants(doc);
        check_all_caps(doc);
        doc_free(doc);
    }
    fl_doc *doc = segment_str(texts[0]);
    ck_assert_uint_eq(doc->sentences.count, 4);
    ck_assert(sentence_is(doc, 0, "GO TO THE U.S."));
    ck_assert(FL_DOC_SENTENCE(doc, 0)->all_caps);
    ck_assert(!FL_DOC_SENTENCE(doc, 1)->all_caps);
    ck_assert(FL_DOC_SENTENCE(doc, 2)->all_caps);
    ck_assert(!FL_DOC_SENTENCE(doc, 3)->all_caps);
    doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------- context */

START_TEST(context_words)
{
    fl_doc *doc = segment_str("Exports of chips to China rose 25% in 2024. "
                              "The U.S. said Nvidia’s H20 chips were exported.");
    ck_assert_uint_eq(doc->sentences.count, 2);
    const fl_sentence *st = FL_DOC_SENTENCE(doc, 0);
    ck_assert(has_context(st, "export"));
    ck_assert(has_context(st, "chip"));
    ck_assert(has_context(st, "china"));
    ck_assert(has_context(st, "rose"));
    ck_assert(!has_context(st, "of"));
    ck_assert(!has_context(st, "to"));
    ck_assert(!has_context(st, "in"));
    ck_assert(!has_context(st, "2024"));
    ck_assert(!has_context(st, "25"));
    ck_assert_uint_eq(st->context_count, 4);
    check_invariants(doc);
    st = FL_DOC_SENTENCE(doc, 1);
    ck_assert(has_context(st, "nvidia"));
    ck_assert(has_context(st, "h20"));
    ck_assert(has_context(st, "u.s"));
    ck_assert(has_context(st, "export"));
    ck_assert(!has_context(st, "said"));
    ck_assert(!has_context(st, "the"));
    /* "chips" twice would be one word; export/exported share a stem */
    ck_assert_uint_eq(st->context_count, 5);
    /* stems are interned: equal words share one pointer across sentences */
    const char *a = NULL, *b = NULL;
    for (size_t i = 0; i < FL_DOC_SENTENCE(doc, 0)->context_count; i++)
        if (!strcmp(FL_DOC_SENTENCE(doc, 0)->context[i], "chip"))
            a = FL_DOC_SENTENCE(doc, 0)->context[i];
    for (size_t i = 0; i < st->context_count; i++)
        if (!strcmp(st->context[i], "chip"))
            b = st->context[i];
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_eq(a, b);
    doc_free(doc);

    doc = segment_str("It is what it was, and we said so.");
    ck_assert_uint_eq(FL_DOC_SENTENCE(doc, 0)->context_count, 0);
    doc_free(doc);

    doc = segment_str("Über Étoile façades.");
    ck_assert(has_context(FL_DOC_SENTENCE(doc, 0), "über"));
    ck_assert(has_context(FL_DOC_SENTENCE(doc, 0), "étoil"));
    doc_free(doc);
}
END_TEST

START_TEST(ws_stem_shares_the_cache)
{
    /* with a workspace: the segmenter's cache; without: copied to the arena */
    fl_workspace *ws = fl_workspace_new();
    ck_assert_ptr_nonnull(ws);
    for (int with_ws = 0; with_ws < 2; with_ws++) {
        fl_doc *doc = calloc(1, sizeof *doc);
        ck_assert_ptr_nonnull(doc);
        doc->arena = fl_arena_new();
        doc->ws = with_ws ? ws : NULL;
        bool stop = true;
        const char *stem = NULL;
        size_t n = 0;
        ck_assert(fl_ws_stem(doc, "exported!", 8, &stop, &stem, &n));
        ck_assert(!stop);
        ck_assert_uint_eq(n, 6);
        ck_assert_str_eq(stem, "export");
        ck_assert(fl_ws_stem(doc, "the", 3, &stop, &stem, &n));
        ck_assert(stop);
        ck_assert_ptr_null(stem);
        ck_assert(fl_ws_stem(doc, "u.s", 3, &stop, &stem, &n));
        ck_assert(!stop);
        ck_assert_str_eq(stem, "u.s");
        /* a word the segmenter stemmed: the same answer from the cache */
        doc->prose.text = "Rates rose.";
        doc->prose.len = strlen(doc->prose.text);
        ck_assert_int_eq(fl_segment(doc), FL_OK);
        ck_assert(fl_ws_stem(doc, "rates", 5, &stop, &stem, &n));
        ck_assert_str_eq(stem, "rate");
        /* with a workspace the context is made when asked for */
        ck_assert(FL_DOC_SENTENCE(doc, 0)->context_lazy == (with_ws != 0));
        ck_assert_int_eq(fl_sentence_context(doc, 0), FL_OK);
        ck_assert(!FL_DOC_SENTENCE(doc, 0)->context_lazy);
        ck_assert(has_context(FL_DOC_SENTENCE(doc, 0), "rate"));
        fl_arena_free(doc->arena);
        free(doc);
    }
    ck_assert_ptr_nonnull(ws->stems);
    fl_workspace_free(ws);
}
END_TEST

/* The context words made on demand (with a workspace, asked for in any
 * order, over documents that share the workspace's stem cache) are those
 * made at once for a document without one. */
START_TEST(lazy_context_matches_eager)
{
    static const char *const texts[] = {
        "Exports of chips to China rose 25% in 2024. The U.S. said Nvidia’s H20 chips were "
        "exported. Mr. Huang met Sen. Warren in Washington.",
        "Rates rose, rates fell; the rate held. Über Étoile façades. It is what it was.",
        /* more than FL_CTX_INSERT_MAX context words, some twice: sorted at the end */
        "Semiconductor makers, regulators, lawmakers, analysts, investors, customers, "
        "suppliers, distributors, engineers, designers, economists, officials, diplomats, "
        "negotiators, traders, brokers, bankers, lenders, borrowers, exporters, importers, "
        "shippers, carriers, insurers, auditors, makers and regulators met on Tuesday. "
        "A supercalifragilisticexpialidociousnesses-like word is too long to be one.",
    };
    fl_workspace *ws = fl_workspace_new();
    ck_assert_ptr_nonnull(ws);
    for (int pass = 0; pass < 2; pass++) /* the second pass meets a warm cache */
        for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
            fl_doc *eager = segment_str(texts[k]);
            fl_doc *lazy = calloc(1, sizeof *lazy);
            ck_assert_ptr_nonnull(lazy);
            lazy->arena = fl_arena_new();
            ck_assert_ptr_nonnull(lazy->arena);
            lazy->prose.text = texts[k];
            lazy->prose.len = strlen(texts[k]);
            lazy->ws = ws;
            ck_assert_int_eq(fl_segment(lazy), FL_OK);
            ck_assert_uint_eq(lazy->sentences.count, eager->sentences.count);
            ck_assert_uint_gt(eager->sentences.count, 1);
            for (size_t i = lazy->sentences.count; i-- > 0;) {
                ck_assert(FL_DOC_SENTENCE(lazy, i)->context_lazy);
                ck_assert(!FL_DOC_SENTENCE(eager, i)->context_lazy);
                ck_assert_int_eq(fl_sentence_context(lazy, i), FL_OK);
                ck_assert_int_eq(fl_sentence_context(lazy, i), FL_OK); /* made once */
                const fl_sentence *a = FL_DOC_SENTENCE(eager, i), *b = FL_DOC_SENTENCE(lazy, i);
                ck_assert_uint_eq(a->context_count, b->context_count);
                for (size_t w = 0; w < a->context_count; w++)
                    ck_assert_str_eq(a->context[w], b->context[w]);
            }
            ck_assert(has_context(FL_DOC_SENTENCE(lazy, 0), "export") ||
                      has_context(FL_DOC_SENTENCE(lazy, 0), "rate") ||
                      has_context(FL_DOC_SENTENCE(lazy, 0), "semiconductor"));
            check_invariants(lazy);
            /* the next document must not see this one's stems (freed) */
            fl_arena_free(lazy->arena);
            free(lazy);
            doc_free(eager);
        }
    fl_workspace_free(ws);
}
END_TEST

/* Words libstemmer stems (not english_stem: a byte it does not take, or
 * past ASCII), one after another from the two stemmers the cache keeps:
 * each stem must be libstemmer's, of its own length (the length was once
 * read from the other stemmer, which read past the stem). */
START_TEST(ws_stem_libstemmer_words)
{
    static const char *const words[] = {
        "façades", "running_mates",   "naïvetés", "x_ray_scanners",
        "années",  "ab/cdefinitions", "ü",        "over_the_counter_sales"};
    struct sb_stemmer *ref = sb_stemmer_new("english", NULL);
    ck_assert_ptr_nonnull(ref);
    fl_workspace *ws = fl_workspace_new();
    ck_assert_ptr_nonnull(ws);
    fl_doc *doc = calloc(1, sizeof *doc);
    ck_assert_ptr_nonnull(doc);
    doc->arena = fl_arena_new();
    doc->ws = ws;
    for (int round = 0; round < 2; round++) /* first sight, then the cache */
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
            size_t len = strlen(words[i]), n = 0;
            const sb_symbol *want = sb_stemmer_stem(ref, (const sb_symbol *)words[i], (int)len);
            ck_assert_ptr_nonnull(want);
            size_t want_len = (size_t)sb_stemmer_length(ref);
            bool stop = true;
            const char *stem = NULL;
            ck_assert(fl_ws_stem(doc, words[i], len, &stop, &stem, &n));
            ck_assert(!stop);
            ck_assert_msg(n == want_len && memcmp(stem, want, n) == 0, "%s: %.*s, want %.*s",
                          words[i], (int)n, stem, (int)want_len, (const char *)want);
        }
    fl_arena_free(doc->arena);
    free(doc);
    fl_workspace_free(ws);
    sb_stemmer_delete(ref);
}
END_TEST

START_TEST(stopword_list_sorted)
{
    ck_assert_uint_ge(fl_stopword_count, 150);
    for (size_t i = 1; i < fl_stopword_count; i++)
        ck_assert_msg(strcmp(fl_stopwords[i - 1], fl_stopwords[i]) < 0, "%s before %s",
                      fl_stopwords[i - 1], fl_stopwords[i]);
    ck_assert(fl_is_stopword("the", 3));
    ck_assert(fl_is_stopword("they're", 7));
    ck_assert(fl_is_stopword("a", 1));
    ck_assert(!fl_is_stopword("th", 2));
    ck_assert(!fl_is_stopword("thee", 4));
    ck_assert(!fl_is_stopword("chip", 4));
    ck_assert(fl_is_stopword("yourselves", 10));
}
END_TEST

/* --------------------------------------------------------- the articles */

/* The sentence holding byte off. */
static size_t sentence_of(const fl_doc *doc, size_t off)
{
    for (size_t i = 0; i < doc->sentences.count; i++) {
        const fl_sentence *st = FL_DOC_SENTENCE(doc, i);
        if (off >= st->off && off < st->off + st->len)
            return i;
    }
    ck_abort_msg("offset %zu in no sentence", off);
    return 0;
}

static void assert_same_sentence(const fl_doc *doc, const char *phrase)
{
    const char *at = strstr(doc->prose.text, phrase);
    ck_assert_msg(at != NULL, "phrase not found: %s", phrase);
    size_t off = (size_t)(at - doc->prose.text);
    ck_assert_msg(sentence_of(doc, off) == sentence_of(doc, off + strlen(phrase) - 1),
                  "sentence boundary inside \"%s\"", phrase);
}

START_TEST(seed_article)
{
    size_t len;
    char path[1024];
    char *text =
        read_all(data_path("../shared/seed/h20-export-article.txt", path, sizeof path), &len);
    if (!text)
        text = read_all("/work/shared/seed/h20-export-article.txt", &len);
    if (!text)
        return; /* the seed article is not part of the repository */
    char *z = realloc(text, len + 1);
    ck_assert_ptr_nonnull(z);
    z[len] = '\0';
    fl_doc *doc = segment(z, len);
    check_invariants(doc);
    assert_same_sentence(doc, "approved for export from the U.S. to China");
    assert_same_sentence(doc, "U.S.-based AI laboratories");
    assert_same_sentence(doc, "ensuring U.S. supremacy");
    assert_same_sentence(doc, "outside the U.S., including");
    for (size_t i = 0; i < doc->sentences.count; i++) {
        const fl_sentence *st = FL_DOC_SENTENCE(doc, i);
        ck_assert(st->len > 0);
    }
    doc_free(doc);
    free(z);
}
END_TEST

START_TEST(seed_sentence_inline)
{
    fl_doc *doc = segment_str("The H2O, the highest-performing chip approved for export from "
                              "the U.S. to China, was exempt. Nvidia declined to comment.");
    ck_assert_uint_eq(doc->sentences.count, 2);
    doc_free(doc);
}
END_TEST

/* News articles from the development set, when present: no error, the
 * structural promises hold. */
START_TEST(news_dev_runs)
{
    const char *dir = "../shared/data/news-dev";
    DIR *d = opendir(dir);
    if (!d)
        d = opendir(dir = "/work/shared/data/news-dev");
    if (!d)
        return;
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *text = read_all(path, &len);
        if (!text)
            continue;
        fl_doc *doc = segment(text, len);
        check_invariants(doc);
        ck_assert_uint_gt(doc->sentences.count, 0);
        doc_free(doc);
        free(text);
        files++;
    }
    closedir(d);
    ck_assert_uint_gt(files, 0);
}
END_TEST

/* ------------------------------------ english_stem against libstemmer */

/* segment.c stems most ASCII words itself (plain_stem, english_stem) and
 * leaves the rest to libstemmer: both must give the same stems, or the
 * context words of a sentence would depend on which path a word took.
 * This also fails if the host's libstemmer changes the algorithm. */

static void stem_agrees(struct sb_stemmer *lib, const char *w, size_t n, size_t *checked)
{
    char mine[256];
    size_t got = fl_stem_without_libstemmer(w, n, mine);
    if (!got)
        return;
    const sb_symbol *ref = sb_stemmer_stem(lib, (const sb_symbol *)w, (int)n);
    ck_assert_ptr_nonnull(ref);
    size_t rn = (size_t)sb_stemmer_length(lib);
    ck_assert_msg(got == rn && memcmp(mine, ref, rn) == 0,
                  "stem of \"%.*s\": \"%.*s\", libstemmer \"%.*s\"", (int)n, w, (int)got, mine,
                  (int)rn, (const char *)ref);
    (*checked)++;
}

/* The lower-cased words of a text: runs of ASCII letters, digits and ' - &. */
static void stem_text_words(struct sb_stemmer *lib, const char *text, size_t len, size_t *checked)
{
    char w[256];
    size_t n = 0;
    for (size_t i = 0; i <= len; i++) {
        unsigned char c = i < len ? (unsigned char)text[i] : ' ';
        bool in = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '\'' || c == '-' || c == '&';
        if (in && n < sizeof w) {
            w[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        if (n)
            stem_agrees(lib, w, n, checked);
        n = 0;
    }
}

START_TEST(own_stems_match_libstemmer)
{
    struct sb_stemmer *lib = sb_stemmer_new("english", "UTF_8");
    ck_assert_ptr_nonnull(lib);
    size_t checked = 0;
    /* stems and endings that reach every step of the algorithm, its
     * exceptions and its regions */
    static const char *const bases[] = {
        "",       "a",       "b",        "ab",      "abc",     "y",      "yell",   "gener",
        "commun", "arsen",   "nation",   "connect", "relat",   "hop",    "hope",   "run",
        "cri",    "tie",     "happ",     "sky",     "say",     "play",   "toy",    "enjoy",
        "beauti", "agree",   "feed",     "bled",    "plaster", "fil",    "fail",   "luxur",
        "abat",   "abil",    "condit",   "fizz",    "troubl",  "sing",   "inn",    "out",
        "can",    "herr",    "earr",     "proce",   "exce",    "succe",  "ski",    "dy",
        "ly",     "ty",      "id",       "gent",    "ug",      "earl",   "on",     "singl",
        "news",   "how",     "atlas",    "cosm",    "bias",    "and",    "dat",    "wh",
        "1",      "a1",      "x-",       "&",       "o'",      "'",      "eye",    "bye",
        "qu",     "ro",      "rhythm",   "crwth",   "sh",      "tri",    "radi",   "posit",
        "opt",    "sens",    "ecolog",   "hopeful", "motiv",   "electr", "formal", "adopt",
        "oper",   "conduct", "dependen", "irrit"};
    static const char *const ends[] = {
        "",        "s",     "'s",     "'",     "'s'",   "sses",  "ied",     "ies",   "us",
        "ss",      "eed",   "eedly",  "ed",    "edly",  "ing",   "ingly",   "at",    "bl",
        "iz",      "y",     "tional", "enci",  "anci",  "abli",  "entli",   "izer",  "ization",
        "ational", "ation", "ator",   "alism", "aliti", "alli",  "fulness", "ousli", "ousness",
        "iveness", "iviti", "biliti", "bli",   "ogi",   "fulli", "lessli",  "li",    "alize",
        "icate",   "iciti", "ical",   "ful",   "ness",  "ative", "al",      "ance",  "ence",
        "er",      "ic",    "able",   "ible",  "ant",   "ement", "ment",    "ent",   "ism",
        "ate",     "iti",   "ous",    "ive",   "ize",   "sion",  "tion",    "ion",   "e",
        "l",       "ll",    "ly",     "le",    "ings",  "ers",   "yed",     "ys"};
    static const char *const tails[] = {"", "s", "ly", "ness", "ing", "ed", "'s"};
    char w[256];
    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++)
        for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
            for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
                int n = snprintf(w, sizeof w, "%s%s%s", bases[b], ends[e], tails[t]);
                stem_agrees(lib, w, (size_t)n, &checked);
            }
    /* strings from a small alphabet, every length up to twelve */
    static const char alphabet[] = "aeiouybcdlnrstgz'-&1";
    uint32_t seed = 12345;
    for (int k = 0; k < 40000; k++) {
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 16) % 12;
        for (size_t j = 0; j < n; j++) {
            seed = seed * 1103515245u + 12345u;
            w[j] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        stem_agrees(lib, w, n, &checked);
    }
    /* the words of the bundled articles */
    char dir[512], path[1024];
    data_path("corpus/eval", dir, sizeof dir);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (!strstr(ent->d_name, ".txt"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        size_t len = 0;
        char *text = read_all(path, &len);
        ck_assert_ptr_nonnull(text);
        stem_text_words(lib, text, len, &checked);
        free(text);
    }
    closedir(d);
    ck_assert_uint_gt(checked, 50000);
    sb_stemmer_delete(lib);
}
END_TEST

Suite *fl_test_suite(void);
Suite *fl_test_suite(void)
{
    Suite *s = suite_create("segment");
    TCase *tc = tcase_create("segment");
    /* wall time: pathological_inputs_are_linear's invariant walks take
     * about 20 s under make san, and a busy machine doubles that */
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, sentence_data);
    tcase_add_test(tc, tokens_words_and_numbers);
    tcase_add_test(tc, tokens_abbreviations_keep_period);
    tcase_add_test(tc, token_flags);
    tcase_add_test(tc, empty_and_blank_input);
    tcase_add_test(tc, prose_over_4gb_refused);
    tcase_add_test(tc, bom_is_whitespace);
    tcase_add_test(tc, crlf_lines_and_paragraphs);
    tcase_add_test(tc, megabyte_line_without_punctuation);
    tcase_add_test(tc, pathological_inputs_are_linear);
    tcase_add_test(tc, headline_and_case_flags);
    tcase_add_test(tc, all_caps_counts);
    tcase_add_test(tc, token_shape_matches_bytes);
    tcase_add_test(tc, joined_words_same_either_way);
    tcase_add_test(tc, abbreviation_sentences_either_way);
    tcase_add_test(tc, quoted_spans_every_length);
    tcase_add_test(tc, line_start_words);
    tcase_add_test(tc, dense_numbers);
    tcase_add_test(tc, dense_periods);
    tcase_add_test(tc, listed_abbreviations_keep_period);
    tcase_add_test(tc, context_words);
    tcase_add_test(tc, lazy_context_matches_eager);
    tcase_add_test(tc, stopword_list_sorted);
    tcase_add_test(tc, ws_stem_shares_the_cache);
    tcase_add_test(tc, ws_stem_libstemmer_words);
    tcase_add_test(tc, seed_article);
    tcase_add_test(tc, seed_sentence_inline);
    tcase_add_test(tc, news_dev_runs);
    tcase_add_test(tc, own_stems_match_libstemmer);
    suite_add_tcase(s, tc);
    return s;
}

/* test_normalize.c - the normalizer: fold, skeleton and family keys, the
 * difference between two surfaces, conformance with Unicode's NFKC_CF data
 * and the look-alike table against UTS #39 confusables.txt. */
#include "internal.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static char *fold(const char *s, unsigned flags)
{
    static _Thread_local char buf[512];
    size_t n = fl_fold(s, strlen(s), flags, buf, sizeof buf);
    ck_assert_uint_lt(n, sizeof buf);
    return buf;
}

static char *skel(const char *s, unsigned flags)
{
    static _Thread_local char buf[512];
    size_t n = fl_skeleton(s, strlen(s), flags, buf, sizeof buf);
    ck_assert_uint_lt(n, sizeof buf);
    return buf;
}

static char *family(const char *s)
{
    static _Thread_local char buf[512];
    size_t n = fl_family(s, strlen(s), buf, sizeof buf);
    ck_assert_uint_lt(n, sizeof buf);
    ck_assert_uint_eq(n, strlen(buf));
    return buf;
}

#define CODE FL_FOLD_CODE
#define RAW (FL_FOLD_KEEP_DIACRITICS | FL_FOLD_NO_LUMP)

/* ------------------------------------------------------------ fold keys */

static const struct {
    const char *in;
    unsigned flags;
    const char *want;
} fold_cases[] = {
    {"H20", 0, "h20"},
    {"H2O", 0, "h2o"},
    {"Ｈ２０", 0, "h20"}, /* fullwidth, through NFKC */
    {"H20s", CODE, "h20"},
    {"H20s", 0, "h20s"},
    {"H20’s", 0, "h20"},
    {"H20's", 0, "h20"},
    {"H20's", FL_FOLD_KEEP_POSSESSIVE, "h20's"},
    {"H20’s", FL_FOLD_KEEP_POSSESSIVE, "h20's"}, /* ’ lumped to ' */
    {"H20’s", FL_FOLD_KEEP_POSSESSIVE | FL_FOLD_NO_LUMP, "h20’s"},
    {"NVIDIA'S", 0, "nvidia"},
    {"Nvidia", 0, "nvidia"},
    {"NVIDIA", 0, "nvidia"},
    {"nVidia", 0, "nvidia"},
    {"Ørsted", 0, "orsted"},
    {"Ørsted", FL_FOLD_KEEP_DIACRITICS, "ørsted"},
    {"caf\xC3\xA9", 0, "cafe"},          /* NFC */
    {"cafe\xCC\x81", 0, "cafe"},         /* NFD */
    {"caf\xC3\xA9", RAW, "caf\xC3\xA9"}, /* NFD and NFC fold to NFC */
    {"cafe\xCC\x81", RAW, "caf\xC3\xA9"},
    {"Łódź", 0, "lodz"},
    {"H\xE2\x80\x8D"
     "20",
     0, "h20"}, /* ZWJ */
    {"H\xE2\x80\x8C"
     "20",
     0, "h20"}, /* ZWNJ */
    {"H\xC2\xAD"
     "20",
     0, "h20"}, /* soft hyphen */
    {"F\xE2\x80\x93"
     "35",
     0, "f-35"}, /* en dash lumped */
    {"F\xE2\x80\x93"
     "35",
     FL_FOLD_NO_LUMP,
     "f\xE2\x80\x93"
     "35"},
    {"Mar\xC2\xA0"
     "a Lago",
     0, "mar a lago"}, /* no-break space lumped */
    {"  Boeing \t\n 737  ", 0, "boeing 737"},
    {"ﬁnance", 0, "finance"},         /* ligature, NFKC */
    {"Straße", 0, "strasse"},         /* full case folding */
    {"1990s", CODE, "1990s"},         /* not a code: no letter */
    {"iPhone 4S", CODE, "iphone 4s"}, /* a capital S is a model, not a plural */
    {"F-35s", CODE, "f-35"},
    {"Cats", CODE, "cats"},
    {"James's", 0, "james"},
    {"'s", 0, "'s"}, /* nothing before it: not a possessive */
    {"", 0, ""},
};

START_TEST(fold_table)
{
    for (size_t i = 0; i < sizeof fold_cases / sizeof fold_cases[0]; i++) {
        const char *got = fold(fold_cases[i].in, fold_cases[i].flags);
        ck_assert_msg(strcmp(got, fold_cases[i].want) == 0, "fold(%s, %#x) = '%s', want '%s'",
                      fold_cases[i].in, fold_cases[i].flags, got, fold_cases[i].want);
    }
}
END_TEST

/* -------------------------------------------------------- skeleton keys */

static const struct {
    const char *in;
    unsigned flags;
    const char *want;
} skeleton_cases[] = {
    {"H20", 0, "h20"},
    {"H2O", 0, "h20"},
    {"h2o", 0, "h20"},
    {"Ｈ２０", 0, "h20"},
    {"\xD0\x9D"
     "20",
     0, "h20"}, /* Cyrillic capital EN */
    {"H-20", 0, "h20"},
    {"H 20", 0, "h20"},
    {"H.20", 0, "h20"},
    {"H20s", CODE, "h20"},
    {"H20’s", 0, "h20"},
    {"H20's", 0, "h20"},
    {"F-35", 0, "f35"},
    {"F35", 0, "f35"},
    {"F 35", 0, "f35"},
    {"Mar-a-Lago", 0, "maralago"},
    {"Mar a Lago", 0, "maralago"},
    {"Mar-a-Largo", 0, "maralargo"},
    {"B2B", 0, "828"},
    {"B2O", 0, "820"},
    {"Bill", 0, "bill"}, /* no digit: never mapped */
    {"Bi11", 0, "8111"}, /* mixed: b and i map too */
    {"all", 0, "all"},
    {"\xCE\x97\xCE\xA1", 0, "hp"}, /* Greek capital eta, rho */
    {"\xCE\xBC"
     "m",
     0,
     "\xCE\xBC"
     "m"}, /* micro: small mu is not m */
    {"\xC2\xB5"
     "m",
     0,
     "\xCE\xBC"
     "m"}, /* MICRO SIGN -> mu (NFKC), still not m */
    {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", 0,
     "moc\xD0\xBA\xD0\xB2"
     "a"}, /* Москва: only look-alikes change */
    {"U.S.", 0, "us"},
    {"O'Brien", 0, "o'brien"},
};

START_TEST(skeleton_table)
{
    for (size_t i = 0; i < sizeof skeleton_cases / sizeof skeleton_cases[0]; i++) {
        const char *got = skel(skeleton_cases[i].in, skeleton_cases[i].flags);
        ck_assert_msg(strcmp(got, skeleton_cases[i].want) == 0,
                      "skeleton(%s, %#x) = '%s', want '%s'", skeleton_cases[i].in,
                      skeleton_cases[i].flags, got, skeleton_cases[i].want);
    }
}
END_TEST

/* Pairs that must share a skeleton (one name written two ways) or must not
 * (different names that look close). */
static const struct {
    const char *a, *b;
    int same;
} pair_cases[] = {
    {"H20", "H2O", 1},
    {"H20", "h2o", 1},
    {"H20", "Ｈ２０", 1},
    {"H20",
     "\xD0\x9D"
     "20",
     1},
    {"H20", "H-20", 1},
    {"H20", "H 20", 1},
    {"H20", "H20’s", 1},
    {"H20", "H20's", 1},
    {"Nvidia", "NVIDIA", 1},
    {"Nvidia", "nVidia", 1},
    {"Mar-a-Lago", "Mar a Lago", 1},
    {"Mar-a-Lago", "Mar-a-Largo", 0},
    {"Ørsted", "Orsted", 1},
    {"caf\xC3\xA9", "cafe\xCC\x81", 1},
    {"F-35", "F35", 1},
    {"H20",
     "H\xE2\x80\x8D"
     "20",
     1},
    {"H20",
     "H\xE2\x80\x8C"
     "20",
     1},
    {"H20",
     "H\xC2\xAD"
     "20",
     1},
    {"Nvidia",
     "Nvi\xE2\x80\x8B"
     "dia",
     1}, /* zero width space */
    {"H2O", "H2O2", 0},
    {"B2B", "B2O", 0},
    {"Section 230", "Section 203", 0},
    {"Section 230", "Section230", 1},
    {"Windows 11", "Windows11", 1}, /* spacing never changes which letters map */
    {"bill", "bi11", 0},            /* 1 vs l in plain words: never mapped */
    {"all", "a11", 0},
    {"Iowa", "lowa", 0},
    {"H100", "H800", 0},
    {"A100", "A800", 0},
    {"iPhone 15", "iPhone 16", 0},
    {"Boeing 737", "Boeing 747", 0},
    {"COVID-19", "C0VID-19", 1},
    {"COVID-19", "COVlD-19", 1},
    {"X\xCE\x91"
     "1",
     "XA1", 1}, /* Greek capital alpha */
    {"\xD0\xA0"
     "ay\xD0\xA0"
     "al",
     "PayPal", 1}, /* Cyrillic ER */
    {"5 \xCE\xBC"
     "m",
     "5 mm", 0}, /* micrometre is not millimetre */
    {"Straße", "Strasse", 1},
    {"1990", "1990s", 0},
};

START_TEST(pair_table)
{
    for (size_t i = 0; i < sizeof pair_cases / sizeof pair_cases[0]; i++) {
        char a[512], b[512];
        ck_assert_uint_lt(fl_skeleton(pair_cases[i].a, strlen(pair_cases[i].a), 0, a, sizeof a),
                          sizeof a);
        ck_assert_uint_lt(fl_skeleton(pair_cases[i].b, strlen(pair_cases[i].b), 0, b, sizeof b),
                          sizeof b);
        int same = strcmp(a, b) == 0;
        ck_assert_msg(same == pair_cases[i].same, "'%s' ('%s') vs '%s' ('%s'): want %s",
                      pair_cases[i].a, a, pair_cases[i].b, b,
                      pair_cases[i].same ? "same" : "different");
    }
}
END_TEST

/* ---------------------------------------------------------- family keys */

static const struct {
    const char *in, *want;
} family_cases[] = {
    {"H20", "h#"},
    {"H100", "h#"},
    {"H800", "h#"},
    {"H20s", "h#"},
    {"H2O", "h#o"}, /* the molecule's shape is not the chip's */
    {"A100", "a#"},
    {"A800", "a#"},
    {"iPhone 15", "iphone #"},
    {"iPhone 16", "iphone #"},
    {"Boeing 737", "boeing #"},
    {"Boeing 747", "boeing #"},
    {"Boeing 737-800", "boeing #"},
    {"737 MAX", "# max"},
    {"F-35", "f#"},
    {"Ｈ２０", "h#"},
    {"\xD0\x9D"
     "20",
     "h#"},
    {"Nvidia", ""},
    {"2024", ""},
    {"1990s", ""},
    {"", ""},
};

START_TEST(family_table)
{
    for (size_t i = 0; i < sizeof family_cases / sizeof family_cases[0]; i++) {
        const char *got = family(family_cases[i].in);
        ck_assert_msg(strcmp(got, family_cases[i].want) == 0, "family(%s) = '%s', want '%s'",
                      family_cases[i].in, got, family_cases[i].want);
    }
}
END_TEST

/* ---------------------------------------------------------- differences */

static const struct {
    const char *a, *b;
    unsigned kinds;
    const char *description; /* exact, or NULL */
} diff_cases[] = {
    {"H2O", "H20", FL_DIFF_LOOKALIKE, "`H2O` has the letter O where `H20` has the digit 0"},
    {"H20", "H2O", FL_DIFF_LOOKALIKE, "`H20` has the digit 0 where `H2O` has the letter O"},
    {"F-35", "F35", FL_DIFF_SPACING, "`F-35` is hyphenated where `F35` is not"},
    {"F35", "F-35", FL_DIFF_SPACING, "`F-35` is hyphenated where `F35` is not"},
    {"Nvidia", "NVIDIA", FL_DIFF_CASE, "`Nvidia` and `NVIDIA` differ in case"},
    {"Mar-a-Lago", "Mar a Lago", FL_DIFF_SPACING,
     "`Mar-a-Lago` has hyphens where `Mar a Lago` has spaces"},
    {"Mar-a-Lago", "Mar-a-Largo", FL_DIFF_OTHER, NULL},
    {"H20", "H20", 0, NULL},
    {"Ørsted", "Orsted", FL_DIFF_DIACRITIC, "`Ørsted` has diacritics where `Orsted` does not"},
    {"Ｈ２０", "H20", FL_DIFF_WIDTH,
     "`Ｈ２０` uses fullwidth or compatibility forms where `H20` does not"},
    {"\xD0\x9D"
     "20",
     "H20", FL_DIFF_LOOKALIKE,
     "`\xD0\x9D"
     "20` has the Cyrillic letter \xD0\x9D where `H20` has the Latin letter H"},
    {"H\xE2\x80\x8D"
     "20",
     "H20", FL_DIFF_INVISIBLE, NULL},
    {"H20s", "H20", FL_DIFF_INFLECTION, "`H20s` has a plural ending where `H20` does not"},
    {"H20's", "H20", FL_DIFF_INFLECTION, "`H20's` has a possessive ending where `H20` does not"},
    {"O’Brien", "O'Brien", FL_DIFF_PUNCTUATION, NULL},
    {"F\xE2\x80\x93"
     "35",
     "F-35", FL_DIFF_PUNCTUATION,
     "`F\xE2\x80\x93"
     "35` and `F-35` differ in dash or quote style"},
    {"F\xE2\x80\x93"
     "35",
     "F35", FL_DIFF_SPACING, NULL},
    {"H\xE2\x82\x82O", "H20", FL_DIFF_LOOKALIKE | FL_DIFF_WIDTH, NULL}, /* subscript two */
    {"Windows 11", "Windows11", FL_DIFF_SPACING,
     "`Windows 11` has a space where `Windows11` has none"},
    {"NVIDIA’s", "Nvidia", FL_DIFF_INFLECTION | FL_DIFF_CASE, NULL},
    {"\xCE\x97\xCE\xA1", "HP", FL_DIFF_LOOKALIKE,
     "`\xCE\x97\xCE\xA1` has the Greek letter \xCE\x97 where `HP` has the Latin letter H"},
    {"caf\xC3\xA9", "cafe\xCC\x81", FL_DIFF_COMPOSITION, NULL},
    {"h2o", "H20", FL_DIFF_LOOKALIKE | FL_DIFF_CASE, NULL},
    {"H2O", "H2O2", FL_DIFF_OTHER, NULL},
    {"B2B", "B2O", FL_DIFF_OTHER, NULL},
    {"Section 230", "Section 203", FL_DIFF_OTHER, NULL},
    {"U.S.", "US", FL_DIFF_SPACING, "`U.S.` has dots where `US` has none"},
};

START_TEST(difference_table)
{
    for (size_t i = 0; i < sizeof diff_cases / sizeof diff_cases[0]; i++) {
        fl_difference d;
        const char *a = diff_cases[i].a, *b = diff_cases[i].b;
        ck_assert_int_eq(fl_compare_surfaces(a, strlen(a), b, strlen(b), &d), FL_OK);
        ck_assert_msg(d.kinds == diff_cases[i].kinds, "%s vs %s: kinds %#x, want %#x (%s)", a, b,
                      d.kinds, diff_cases[i].kinds, d.description);
        ck_assert_msg(d.description[0] != '\0', "%s vs %s: no description", a, b);
        if (diff_cases[i].description)
            ck_assert_msg(strcmp(d.description, diff_cases[i].description) == 0,
                          "%s vs %s: '%s', want '%s'", a, b, d.description,
                          diff_cases[i].description);
    }
}
END_TEST

START_TEST(difference_positions)
{
    fl_difference d;
    ck_assert_int_eq(fl_compare_surfaces("the H2O chip", 12, "the H20 chip", 12, &d), FL_OK);
    ck_assert_uint_eq(d.kinds, FL_DIFF_LOOKALIKE);
    ck_assert_uint_eq(d.a_offset, 6);
    ck_assert_uint_eq(d.b_offset, 6);
    ck_assert_uint_eq(d.a_char, 'O');
    ck_assert_uint_eq(d.b_char, '0');
    /* a multi-byte character before the pair: offsets are bytes */
    const char *a = "\xC3\x98rsted X2O", *b = "Orsted X20";
    ck_assert_int_eq(fl_compare_surfaces(a, strlen(a), b, strlen(b), &d), FL_OK);
    ck_assert_uint_eq(d.kinds, FL_DIFF_LOOKALIKE | FL_DIFF_DIACRITIC);
    ck_assert_uint_eq(d.a_offset, 10);
    ck_assert_uint_eq(d.b_offset, 9);
    const char *c = "\xD0\x9D"
                    "20";
    ck_assert_int_eq(fl_compare_surfaces(c, strlen(c), "H20", 3, &d), FL_OK);
    ck_assert_uint_eq(d.a_char, 0x041D);
    ck_assert_uint_eq(d.b_char, 'H');
    ck_assert_uint_eq(d.a_offset, 0);
}
END_TEST

START_TEST(difference_long_surfaces)
{
    char a[600], b[600];
    memset(a, 'x', sizeof a);
    memcpy(b, a, sizeof b);
    a[0] = 'X';
    fl_difference d;
    ck_assert_int_eq(fl_compare_surfaces(a, sizeof a, b, sizeof b, &d), FL_OK);
    ck_assert_uint_eq(d.kinds, FL_DIFF_CASE);
    ck_assert_uint_lt(strlen(d.description), sizeof d.description);
}
END_TEST

/* ------------------------------------------------------------- contract */

START_TEST(snprintf_contract)
{
    char out[4];
    memset(out, '!', sizeof out);
    ck_assert_uint_eq(fl_fold("NVIDIA", 6, 0, out, sizeof out), 6);
    ck_assert_str_eq(out, "nvi");
    ck_assert_uint_eq(fl_skeleton("Mar-a-Lago", 10, 0, out, sizeof out), 8);
    ck_assert_str_eq(out, "mar");
    ck_assert_uint_eq(fl_fold("Ｈ２０", strlen("Ｈ２０"), 0, out, 1), 3);
    ck_assert_str_eq(out, "");
    ck_assert_uint_eq(fl_fold("Ｈ２０", strlen("Ｈ２０"), 0, NULL, 0), 3);
    ck_assert_uint_eq(fl_family("iPhone 15", 9, out, sizeof out), 8);
    ck_assert_str_eq(out, "iph");
    /* not NUL-terminated input: only len bytes are read */
    ck_assert_uint_eq(fl_fold("H20s and more", 4, CODE, out, sizeof out), 3);
    ck_assert_str_eq(out, "h20");
}
END_TEST

START_TEST(long_input)
{
    /* longer than the stack buffers on both paths */
    size_t n = 5000;
    char *s = malloc(n * 2 + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 2 * i, "\xD0\x9E", 2); /* Cyrillic capital O */
    s[2 * n] = '\0';
    char *out = malloc(n + 1);
    ck_assert_uint_eq(fl_skeleton(s, 2 * n, 0, out, n + 1), n);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(out[i], 'o');
    ck_assert_uint_eq(fl_family(s, 2 * n, out, n + 1), 0);
    free(out);
    free(s);
}
END_TEST

START_TEST(invalid_utf8_is_keyed)
{
    char out[16];
    ck_assert_uint_eq(fl_fold("AB\xFF", 3, 0, out, sizeof out), 3);
    ck_assert_int_eq(memcmp(out, "ab\xFF", 3), 0);
}
END_TEST

START_TEST(skeleton_of_fold_is_skeleton)
{
    /* a key of a key is the key: skeletons and folds are fixed points */
    const char *samples[] = {"H2O",
                             "Ｈ２０",
                             "Mar-a-Lago",
                             "Ørsted",
                             "\320\23520", /* Cyrillic capital en, then 20 */
                             "Boeing 737 MAX",
                             "H20’s",
                             "F–35",
                             "ΗΡ"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        char f[256], f2[256], s1[256], s2[256];
        fl_fold(samples[i], strlen(samples[i]), 0, f, sizeof f);
        fl_fold(f, strlen(f), 0, f2, sizeof f2);
        ck_assert_str_eq(f, f2);
        fl_skeleton(samples[i], strlen(samples[i]), 0, s1, sizeof s1);
        fl_skeleton(s1, strlen(s1), 0, s2, sizeof s2);
        ck_assert_str_eq(s1, s2);
    }
}
END_TEST

/* ------------------------------------------------ conformance: NFKC_CF */

static size_t parse_hex_list(const char *p, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        char *end;
        unsigned long v = strtoul(p, &end, 16);
        if (end == p || n == max)
            return n;
        out[n++] = (uint32_t)v;
        p = end;
    }
}

START_TEST(nfkc_casefold_conformance)
{
    const char *path = "/usr/share/unicode/DerivedNormalizationProps.txt";
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "test_normalize: %s absent; NFKC_CF conformance skipped\n", path);
        return;
    }
    char line[1024];
    size_t checked = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *prop = strstr(line, "; NFKC_CF;");
        if (!prop)
            continue;
        unsigned long lo, hi;
        char *end;
        lo = strtoul(line, &end, 16);
        hi = (end[0] == '.' && end[1] == '.') ? strtoul(end + 2, NULL, 16) : lo;
        char *hash = strchr(prop, '#');
        if (hash)
            *hash = '\0';
        uint32_t want[32];
        size_t nwant = parse_hex_list(prop + strlen("; NFKC_CF;"), want, 32);
        char wbuf[128];
        size_t wlen = 0;
        for (size_t i = 0; i < nwant; i++)
            wlen += (size_t)utf8proc_encode_char((utf8proc_int32_t)want[i],
                                                 (utf8proc_uint8_t *)wbuf + wlen);
        for (unsigned long c = lo; c <= hi; c++) {
            char in[8], got[128];
            utf8proc_ssize_t ilen =
                utf8proc_encode_char((utf8proc_int32_t)c, (utf8proc_uint8_t *)in);
            size_t glen = fl_fold(in, (size_t)ilen, RAW | FL_FOLD_KEEP_POSSESSIVE, got, sizeof got);
            checked++;
            if (glen != wlen || memcmp(got, wbuf, wlen) != 0) {
                if (failed < 10)
                    fprintf(stderr, "NFKC_CF U+%04lX: got %zu bytes, want %zu\n", c, glen, wlen);
                failed++;
            }
        }
    }
    fclose(f);
    fprintf(stderr, "test_normalize: NFKC_CF conformance: %zu code points checked, %zu failed\n",
            checked, failed);
    ck_assert_uint_gt(checked, 10000);
    ck_assert_uint_eq(failed, 0);
}
END_TEST

/* --------------------------------------- look-alikes against UTS #39 */

typedef struct proto {
    uint32_t from;
    uint32_t to[8];
    size_t n;
} proto;

static int proto_cmp(const void *a, const void *b)
{
    uint32_t x = ((const proto *)a)->from, y = ((const proto *)b)->from;
    return x < y ? -1 : x > y;
}

/* The UTS #39 prototype of one code point (itself when unmapped). */
static size_t prototype(const proto *table, size_t count, uint32_t c, uint32_t *out)
{
    proto key = {.from = c};
    const proto *p = bsearch(&key, table, count, sizeof *table, proto_cmp);
    if (!p) {
        out[0] = c;
        return 1;
    }
    memcpy(out, p->to, p->n * sizeof *out);
    return p->n;
}

static FILE *open_confusables(char *path, size_t cap)
{
    const char *dir = getenv("FL_SHARED_DATA");
    if (dir && *dir) {
        snprintf(path, cap, "%s/confusables.txt", dir);
        FILE *f = fopen(path, "r");
        if (f)
            return f;
    }
    snprintf(path, cap, "../shared/data/confusables.txt");
    return fopen(path, "r");
}

START_TEST(lookalikes_are_confusable)
{
    char path[1024];
    FILE *f = open_confusables(path, sizeof path);
    if (!f) {
        fprintf(stderr, "test_normalize: confusables.txt absent; UTS #39 check skipped\n");
        return;
    }
    size_t cap = 8192, count = 0;
    proto *table = malloc(cap * sizeof *table);
    ck_assert_ptr_nonnull(table);
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || !strchr(line, ';'))
            continue;
        char *end;
        unsigned long from = strtoul(line[0] == '\xEF' ? line + 3 : line, &end, 16);
        char *semi = strchr(line, ';');
        char *semi2 = strchr(semi + 1, ';');
        if (!semi2)
            continue;
        *semi2 = '\0';
        if (count == cap) {
            cap *= 2;
            table = realloc(table, cap * sizeof *table);
            ck_assert_ptr_nonnull(table);
        }
        table[count].from = (uint32_t)from;
        table[count].n = parse_hex_list(semi + 1, table[count].to, 8);
        count++;
    }
    fclose(f);
    ck_assert_uint_gt(count, 1000);
    qsort(table, count, sizeof *table, proto_cmp);

    size_t n, tested = 0;
    const fl_lookalike *pairs = fl_lookalike_table(&n);
    ck_assert_uint_gt(n, 40);
    for (size_t i = 0; i < n; i++) {
        if (i)
            ck_assert_msg(pairs[i - 1].from < pairs[i].from, "table not sorted at %zu", i);
        if (pairs[i].why) {
            ck_assert(strlen(pairs[i].why) > 10);
            continue;
        }
        uint32_t pa[8], pb[8];
        size_t na = prototype(table, count, pairs[i].from, pa);
        size_t nb = prototype(table, count, pairs[i].to, pb);
        ck_assert_msg(na == nb && memcmp(pa, pb, na * sizeof *pa) == 0,
                      "U+%04X and U+%04X are not confusable in %s", pairs[i].from, pairs[i].to,
                      path);
        tested++;
    }
    free(table);
    fprintf(stderr, "test_normalize: %zu look-alike pairs confusable in UTS #39\n", tested);
}
END_TEST

START_TEST(lookalike_table_drives_skeleton)
{
    size_t n;
    const fl_lookalike *pairs = fl_lookalike_table(&n);
    for (size_t i = 0; i < n; i++) {
        char in[16], out[16], want[16];
        size_t k = 0;
        if (pairs[i].why) {
            /* digit/letter entries: inside a mixed run */
            snprintf(in, sizeof in, "x%c9", (char)pairs[i].from);
            snprintf(want, sizeof want, "x%c9", (char)pairs[i].to);
        } else {
            in[k++] = '9';
            k += (size_t)utf8proc_encode_char((utf8proc_int32_t)pairs[i].from,
                                              (utf8proc_uint8_t *)in + k);
            in[k] = '\0';
            snprintf(want, sizeof want, "9%c", (char)(pairs[i].to | 0x20));
            if (strchr("oOlLiIsSzZbB", (int)pairs[i].to))
                continue; /* mapped on to a digit too: covered by the tables */
        }
        fl_skeleton(in, strlen(in), 0, out, sizeof out);
        ck_assert_msg(strcmp(out, want) == 0, "entry %zu: skeleton '%s', want '%s'", i, out, want);
    }
}
END_TEST

/* Pure-ASCII keys take a one-pass path when the output has room for the
 * whole input, else the general one: with an output one byte short both
 * must agree on the length and on the bytes that fit. Strings with other
 * bytes must come out the same whichever way they went. */
START_TEST(ascii_fast_path_matches_general)
{
    /* with the bytes of "é", so that some strings leave the ASCII path;
     * every fourth string of ASCII letters and spaces only (names, which
     * fl_fold and fl_skeleton key in one pass when the output has room) */
    static const char alphabet[] = " \t-.aAbBiIlLoOsSzZxY0123589'!(/\xC3\xA9";
    static const char letters[] = "  aAbBiIlLoOsSzZxYqW";
    static const unsigned flag_sets[] = {0, FL_FOLD_CODE, FL_FOLD_NO_LUMP, FL_FOLD_KEEP_POSSESSIVE,
                                         FL_FOLD_NO_LUMP | FL_FOLD_CODE};
    unsigned seed = 12345;
    for (int round = 0; round < 20000; round++) {
        char in[24], big[64], small[24];
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 16) % 20;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            in[i] = round % 4 ? alphabet[(seed >> 16) % (sizeof alphabet - 1)]
                              : letters[(seed >> 16) % (sizeof letters - 1)];
        }
        for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++) {
            for (int skel = 0; skel < 2; skel++) {
                size_t (*key)(const char *, size_t, unsigned, char *, size_t) =
                    skel ? fl_skeleton : fl_fold;
                size_t a = key(in, n, flag_sets[f], big, sizeof big);
                size_t b = key(in, n, flag_sets[f], small, n);
                ck_assert_msg(a == b, "'%.*s' flags %u skeleton %d: %zu vs %zu", (int)n, in,
                              flag_sets[f], skel, a, b);
                size_t fit = a < n - 1 ? a : n - 1;
                ck_assert_msg(memcmp(big, small, fit) == 0 && small[fit] == '\0',
                              "'%.*s' flags %u skeleton %d: '%s' vs '%s'", (int)n, in, flag_sets[f],
                              skel, big, small);
            }
        }
    }
}
END_TEST

/* fl_fold_skeleton takes shortcuts (ASCII letter names, one-pass ASCII
 * pairs) and must give what fl_fold and fl_skeleton give separately: on
 * generated strings of names, spaces, apostrophes, curly quotes, digits,
 * currency signs and letters past ASCII, under every flag combination and
 * with outputs both roomy and too small for the whole input. */
START_TEST(fold_skeleton_matches_fold_and_skeleton)
{
    static const char *const pieces[] = {"a",
                                         "B",
                                         "z",
                                         "Q",
                                         "e",
                                         "S",
                                         "s",
                                         " ",
                                         " ",
                                         " ",
                                         "  ",
                                         "'",
                                         "'s",
                                         "0",
                                         "1",
                                         "5",
                                         "9",
                                         "-",
                                         ".",
                                         ",",
                                         "$",
                                         "\t",
                                         "\xE2\x80\x99",
                                         "\xE2\x80\x98",
                                         "\xE2\x80\x9C",
                                         "\xE2\x80\x93",
                                         "\xE2\x82\xAC",
                                         "\xC2\xA3",
                                         "\xC3\xA9",
                                         "\xC3\x89",
                                         "\xC3\xBC",
                                         "e\xCC\x81",
                                         "\xCE\xB1",
                                         "\xD0\x9E",
                                         "\xEF\xBC\xA1",
                                         "\xC3\x9F",
                                         "l",
                                         "O",
                                         "o",
                                         "I",
                                         "x"};
    enum { NPIECES = sizeof pieces / sizeof pieces[0] };
    unsigned seed = 987654321u;
    for (int round = 0; round < 40000; round++) {
        char in[96];
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        /* mostly letters (the fast paths) with the odd other piece */
        unsigned mix = (seed >> 16) % 4;
        seed = seed * 1103515245u + 12345u;
        size_t count = 1 + (seed >> 16) % 14;
        for (size_t p = 0; p < count; p++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % 1000;
            size_t pick = mix == 0 ? r % 9 : mix == 1 ? r % 20 : r % NPIECES;
            size_t pl = strlen(pieces[pick]);
            if (n + pl >= sizeof in)
                break;
            memcpy(in + n, pieces[pick], pl);
            n += pl;
        }
        in[n] = '\0';
        for (unsigned flags = 0; flags < 16; flags++) {
            char want_f[512], want_k[512], got_f[512], got_k[512];
            size_t wf = fl_fold(in, n, flags, want_f, sizeof want_f);
            size_t wk = fl_skeleton(in, n, flags, want_k, sizeof want_k);
            ck_assert_uint_lt(wf, sizeof want_f);
            ck_assert_uint_lt(wk, sizeof want_k);
            /* roomy outputs, then outputs of exactly the input's length
             * (the fast paths need len + 1) */
            size_t caps[2] = {sizeof got_f, n + 1};
            for (int c = 0; c < 2; c++) {
                size_t gf = SIZE_MAX;
                memset(got_f, 0x55, sizeof got_f);
                memset(got_k, 0x55, sizeof got_k);
                size_t gk = fl_fold_skeleton(in, n, flags, got_f, caps[c], &gf, got_k, caps[c]);
                ck_assert_msg(gf == wf && gk == wk,
                              "'%s' flags %u cap %zu: lengths %zu/%zu, want %zu/%zu", in, flags,
                              caps[c], gf, gk, wf, wk);
                if (wf < caps[c])
                    ck_assert_msg(strcmp(got_f, want_f) == 0,
                                  "'%s' flags %u cap %zu: fold '%s', want '%s'", in, flags, caps[c],
                                  got_f, want_f);
                if (wk < caps[c])
                    ck_assert_msg(strcmp(got_k, want_k) == 0,
                                  "'%s' flags %u cap %zu: skeleton '%s', want '%s'", in, flags,
                                  caps[c], got_k, want_k);
            }
        }
    }
}
END_TEST

/* fl_fold_skeleton against fl_fold and fl_skeleton on ASCII text s[0..n),
 * under every flag set: each key as the roomy call makes it (the ASCII
 * one-pass paths) and as the call with an output one byte short of the
 * input makes it (the general path), which must agree on the length and
 * the bytes that fit. */
static void check_ascii_pair(const char *s, size_t n)
{
    for (unsigned flags = 0; flags < 16; flags++) {
        char want_f[256], want_k[256], short_f[256], short_k[256], got_f[256], got_k[256];
        size_t wf = fl_fold(s, n, flags, want_f, sizeof want_f);
        size_t wk = fl_skeleton(s, n, flags, want_k, sizeof want_k);
        ck_assert_uint_le(wf, n);
        ck_assert_uint_le(wk, n);
        if (n) {
            size_t sf = fl_fold(s, n, flags, short_f, n);
            size_t sk = fl_skeleton(s, n, flags, short_k, n);
            size_t ff = wf < n - 1 ? wf : n - 1, fk = wk < n - 1 ? wk : n - 1;
            ck_assert_msg(sf == wf && memcmp(short_f, want_f, ff) == 0,
                          "'%.*s' flags %u: fold '%s' (%zu), general '%s' (%zu)", (int)n, s, flags,
                          want_f, wf, short_f, sf);
            ck_assert_msg(sk == wk && memcmp(short_k, want_k, fk) == 0,
                          "'%.*s' flags %u: skeleton '%s' (%zu), general '%s' (%zu)", (int)n, s,
                          flags, want_k, wk, short_k, sk);
        }
        /* outputs of exactly len + 1 bytes (the fast path's room) */
        memset(got_f, 0x55, sizeof got_f);
        memset(got_k, 0x55, sizeof got_k);
        size_t gf = SIZE_MAX;
        size_t gk = fl_fold_skeleton(s, n, flags, got_f, n + 1, &gf, got_k, n + 1);
        ck_assert_msg(gf == wf && gk == wk && strcmp(got_f, want_f) == 0 &&
                          strcmp(got_k, want_k) == 0,
                      "'%.*s' flags %u: pair '%s'/'%s' (%zu/%zu), want '%s'/'%s' (%zu/%zu)", (int)n,
                      s, flags, got_f, got_k, gf, gk, want_f, want_k, wf, wk);
        /* nothing written past the keys' NULs */
        ck_assert_int_eq(got_f[n + 1], 0x55);
        ck_assert_int_eq(got_k[n + 1], 0x55);
    }
}

/* fl_fold_skeleton's pass over ASCII text (numbers, money, percents,
 * dates, codes) gives the keys fl_fold and fl_skeleton give: on every
 * printable ASCII byte alone, in pairs and between a letter and a digit,
 * on edge cases, and on random strings of the pieces such surfaces are
 * made of. */
START_TEST(fold_skeleton_ascii_surfaces)
{
    static const char *const cases[] = {
        "",
        " ",
        "  ",
        "s",
        "S",
        "'s",
        "'S",
        "a's",
        "1's",
        "a 's",
        "A1s",
        "a1s",
        "1s",
        "a 1s",
        "a1s ",
        "a1s  ",
        "x ",
        " x",
        "a  b",
        "a \t b",
        "a\n",
        "$592 million",
        "$69.0 billion",
        "38%",
        "6 years",
        "193,740 people",
        "Monday, November 16, 2020",
        "F-35",
        "F-35s",
        "F-35's",
        "737-800",
        "B-52",
        "Boeing 737s",
        "1990s",
        "the 1990s",
        "COVID-19",
        "H2O",
        "O2 lol",
        "sol5",
        "5os",
        "b8",
        "8b",
        "i1l",
        "z2",
        "10.5%",
        "2.5 km",
        "$1.2bn",
        "Nov. 3",
        "3 Nov.",
        "(2020)",
        "#1",
        "a/b 1",
        "x:1",
        "A1-B2.C3 d4",
        "--",
        "..",
        "-1",
        "s's",
        "'",
        "''s",
        "a's s",
        "1 s",
        "12 o'clock",
        "9/11",
        "1,000s",
        "USD 5",
        "5 USD",
        "\302\243600m",
        "\302\2435.7bn",
        "\342\202\2541.2bn",
        "\302\24510,000",
        "5\xC2\xA3s",
        "a\302\243b1",
        "\xC2",
        "1\xC2",
        "\xE2\x82",
        "1\xE2\x82",
        "\xC2\xA3's",
        "\xC2\xA3 5 ",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_ascii_pair(cases[i], strlen(cases[i]));
    char in[4];
    for (int a = 32; a < 127; a++) {
        in[0] = (char)a;
        check_ascii_pair(in, 1);
        for (int b = 32; b < 127; b += (b % 7) + 1) {
            in[1] = (char)b;
            check_ascii_pair(in, 2);
        }
        const char *ctx[] = {"a1", "1a", "s1", "1s", "o ", " o", "l.", "1 "};
        for (size_t c = 0; c < sizeof ctx / sizeof ctx[0]; c++) {
            in[0] = ctx[c][0];
            in[1] = (char)a;
            in[2] = ctx[c][1];
            check_ascii_pair(in, 3);
        }
    }
    static const char *const pieces[] = {
        "$",        "592",      " ",        "million",
        "38",       "%",        ",",        "Monday",
        "November", "16",       "2020",     "6",
        "years",    "'s",       "s",        "S",
        "-",        ".",        "F",        "35",
        "people",   "  ",       "\t",       "O",
        "l",        "I",        "B",        "Z",
        "0",        "1",        "5",        "8",
        "2",        "bil",      "(",        ")",
        "/",        "#",        "'",        "x",
        "Q",        ":",        "\xC2\xA3", "\xE2\x82\xAC",
        "\xC2\xA5", "\xC2\xA2", "\xC2",     "\xE2\x82",
        "bn",       "m",
    };
    enum { NPIECES = sizeof pieces / sizeof pieces[0] };
    unsigned seed = 24680u;
    for (int round = 0; round < 6000; round++) {
        char buf[64];
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        size_t count = 1 + (seed >> 16) % 9;
        for (size_t p = 0; p < count; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % NPIECES];
            size_t pl = strlen(piece);
            if (n + pl >= sizeof buf)
                break;
            memcpy(buf + n, piece, pl);
            n += pl;
        }
        check_ascii_pair(buf, n);
    }
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("normalize");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fold_table);
    tcase_add_test(tc, skeleton_table);
    tcase_add_test(tc, pair_table);
    tcase_add_test(tc, family_table);
    tcase_add_test(tc, difference_table);
    tcase_add_test(tc, difference_positions);
    tcase_add_test(tc, difference_long_surfaces);
    tcase_add_test(tc, snprintf_contract);
    tcase_add_test(tc, long_input);
    tcase_add_test(tc, invalid_utf8_is_keyed);
    tcase_add_test(tc, skeleton_of_fold_is_skeleton);
    tcase_add_test(tc, nfkc_casefold_conformance);
    tcase_add_test(tc, lookalikes_are_confusable);
    tcase_add_test(tc, lookalike_table_drives_skeleton);
    tcase_add_test(tc, ascii_fast_path_matches_general);
    tcase_add_test(tc, fold_skeleton_matches_fold_and_skeleton);
    tcase_add_test(tc, fold_skeleton_ascii_surfaces);
    suite_add_tcase(s, tc);
    return s;
}

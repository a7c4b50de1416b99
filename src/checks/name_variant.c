/* name_variant.c - one name written with look-alike characters or with
 * different spacing, hyphenation or width (`H2O` vs `H20`, `F-35` vs
 * `F35`). Mentions, and the runs of tokens that share a mention's key
 * (see find_runs), are bucketed by skeleton key; only forms sharing a
 * skeleton are compared. Case-only differences belong to name-casing. */
#include "blame.h"
#include "context.h"

#include "../bytes8.h"

#include <stdlib.h>
#include <string.h>
/* run_bits: 32 tokens a step where the CPU has AVX2 (asked at run time),
 * else 4 with SSE2 (FL_NO_AVX2: make valgrind tests them so), or one by
 * one (FL_NO_SIMD: the sanitizer build) */
#if defined(__SSE2__) && !defined(FL_NO_SIMD)
#include <emmintrin.h>
#define NV_BITS_SSE2 1
#endif
#if !defined(FL_NO_SIMD) && !defined(FL_NO_AVX2) && defined(__x86_64__) &&                         \
    (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define NV_BITS_AVX2 1
#endif

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
        size_t flen = strlen(forms[side]);
        for (size_t q = 0; q < sizeof quotes / sizeof quotes[0]; q++) {
            /* the quoted form; one of 256 bytes or more is longer than any
             * description (fl_difference.description) */
            char needle[256];
            size_t ql = strlen(quotes[q][0]), qr = strlen(quotes[q][1]);
            if (ql + flen + qr >= sizeof needle)
                continue;
            memcpy(needle, quotes[q][0], ql);
            memcpy(needle + ql, forms[side], flen);
            memcpy(needle + ql + flen, quotes[q][1], qr + 1);
            const char *p = strstr(desc, needle);
            if (p && (!at[side] || p < at[side])) {
                at[side] = p;
                qlen[side] = ql + flen + qr;
            }
        }
        if (!at[side])
            return NULL;
    }
    /* the description may name either form first */
    int first = at[0] < at[1] ? 0 : 1, second = 1 - first;
    if (at[first] + qlen[first] > at[second])
        return NULL;
    return fl_arena_printf(doc->arena, "%.*s`%s` (%s)%.*s`%s` (%s)%s", (int)(at[first] - desc),
                           desc, forms[first], notes[first],
                           (int)(at[second] - (at[first] + qlen[first])), at[first] + qlen[first],
                           forms[second], notes[second], at[second] + qlen[second]);
}

/* ---- a chemical formula beside a look-alike code (H2O water, H20 chip) */

/* Element symbols, each padded to two characters. */
static const char ELEMENTS[] =
    "H HeLiBeB C N O F NeNaMgAlSiP S ClArK CaScTiV CrMnFeCoNiCuZnGaGeAsSeBrKrRbSrY ZrNbMoTcRuRh"
    "PdAgCdInSnSbTeI XeCsBaLaCePrNdPmSmEuGdTbDyHoErTmYbLuHfTaW ReOsIrPtAuHgTlPbBiPoAtRnFrRaAcTh"
    "PaU NpPuAmCmBkCfEsFmMdNoLrRfDbSgBhHsMtDsRgCnNhFlMcLvTsOg";

static bool element(const char *s, size_t len)
{
    for (size_t i = 0; i + 1 < sizeof ELEMENTS; i += 2)
        if (ELEMENTS[i] == s[0] && (len == 1 ? ELEMENTS[i + 1] == ' ' : ELEMENTS[i + 1] == s[1]))
            return true;
    return false;
}

/* Written like a formula: two or more element symbols, each with an
 * optional count (H2O, CO2, CH4); ASCII only. */
static bool formula_shaped(const char *s, size_t len)
{
    size_t symbols = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
        size_t k = i + 1 < len && s[i + 1] >= 'a' && s[i + 1] <= 'z' ? 2 : 1;
        if (!element(s + i, k))
            return false;
        i += k;
        symbols++;
        if (i < len && s[i] == '0')
            return false;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return symbols >= 2;
}

/* Stem prefixes that place a sentence in chemistry or water, and in
 * products, trade and computing. */
static const char *const CHEMICAL_CUES[] = {
    "water",  "liquid", "cool",  "cold",    "heat",    "hot",   "molecul",  "hydrogen",
    "oxygen", "vapour", "vapor", "steam",   "ice",     "litr",  "liter",    "ml",
    "gallon", "drink",  "pure",  "dissolv", "miner",   "chemi", "formula",  "circulat",
    "evapor", "boil",   "freez", "humid",   "moistur", "rain",  "ocean",    "sea",
    "river",  "distil", "ion",   "calcium", "salt",    "atom",  "reaction", "react",
    "acid",   "solut",  "gas",   "carbon",  "emiss",   "wet",   "fluid",    "conduct"};
static const char *const PRODUCT_CUES[] = {
    "chip",    "export",  "processor", "gpu",      "nvidia",    "semiconductor", "ai",
    "acceler", "comput",  "server",    "datacent", "model",     "train",         "sale",
    "sell",    "ship",    "licens",    "restrict", "ban",       "product",       "market",
    "revenu",  "custom",  "buyer",     "price",    "launch",    "part",          "devic",
    "softwar", "hardwar", "perform",   "flagship", "smartphon", "car",           "aircraft"};

static bool has_prefix(const char *w, const char *p)
{
    return strncmp(w, p, strlen(p)) == 0;
}

static int cue_count(const fl_sentence *s, const char *const *cues, size_t ncues)
{
    int n = 0;
    for (size_t i = 0; i < s->context_count; i++)
        for (size_t c = 0; c < ncues; c++)
            if (has_prefix(s->context[i], cues[c])) {
                n++;
                break;
            }
    return n;
}

enum { SENSE_UNKNOWN, SENSE_CHEMICAL, SENSE_PRODUCT };

static int use_sense(fl_doc *doc, const fl_name_use *u)
{
    /* a use found among the tokens has no mention, only its sentence */
    if (u->sentence >= doc->sentences.count)
        return SENSE_UNKNOWN;
    const fl_sentence *s = fl_ctx_sentence(doc, u->sentence);
    int chem = cue_count(s, CHEMICAL_CUES, sizeof CHEMICAL_CUES / sizeof CHEMICAL_CUES[0]);
    int prod = cue_count(s, PRODUCT_CUES, sizeof PRODUCT_CUES / sizeof PRODUCT_CUES[0]);
    return chem > prod ? SENSE_CHEMICAL : prod > chem ? SENSE_PRODUCT : SENSE_UNKNOWN;
}

/* Flags the uses of `from` whose sentence fits the other form's sense. */
static void report_senses(fl_doc *doc, const fl_name_form *from, const fl_name_form *to,
                          const int *sense, int wrong_sense, const char *about)
{
    fl_name_use *picked = fl_arena_alloc(doc->arena, from->count * sizeof *picked);
    if (!picked) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t k = 0;
    for (size_t u = 0; u < from->count; u++)
        if (sense[u] == wrong_sense)
            picked[k++] = from->uses[u];
    if (!k)
        return;
    fl_name_form wrong = *from;
    wrong.uses = picked;
    wrong.count = k;
    fl_difference diff;
    if (fl_compare_surfaces(wrong.text, wrong.len, to->text, to->len, &diff) != FL_OK)
        return;
    const char *body = annotate(doc, diff.description, &wrong, fl_blame_times(doc, k), to,
                                fl_blame_where(doc, to));
    const char *message =
        body ? fl_arena_printf(doc->arena, "%s; write `%s` (its sentence is about %s)", body,
                               to->text, about)
             : fl_arena_printf(doc->arena,
                               "`%s` is written where its sentence is about %s; "
                               "write `%s`",
                               wrong.text, about, to->text);
    fl_blame_report(doc, RULE, FL_SEV_ERROR, &wrong, to->text, to, message);
}

/* A chemical formula (H2O) and a code one look-alike away (H20) may both
 * be meant in one document. Each use is read from its sentence: a use of
 * one form in a sentence that fits the other form's sense is flagged.
 * Returns false (nothing decided) when no sentence reads as chemistry, so
 * a document only about chips gets the ordinary comparison. The two forms'
 * comparison is left in *pair (*paired: made), for report_group. */
static bool compare_senses(fl_doc *doc, const fl_name_form *forms, size_t n, fl_difference *pair,
                           bool *paired)
{
    *paired = false;
    if (n != 2)
        return false;
    fl_difference *diff = pair;
    if (fl_compare_surfaces(forms[0].text, forms[0].len, forms[1].text, forms[1].len, diff) !=
        FL_OK)
        return false;
    *paired = true;
    if (diff->kinds != FL_DIFF_LOOKALIKE)
        return false;
    bool a_letter = !ascii_digit(diff->a_char), b_letter = !ascii_digit(diff->b_char);
    if (a_letter == b_letter)
        return false;
    const fl_name_form *chem = a_letter ? &forms[0] : &forms[1];
    const fl_name_form *code = a_letter ? &forms[1] : &forms[0];
    if (!formula_shaped(chem->text, chem->len))
        return false;
    int *sc = fl_arena_alloc(doc->arena, (chem->count + code->count) * sizeof *sc);
    if (!sc) {
        doc->status = FL_ENOMEM;
        return true;
    }
    int *sp = sc + chem->count;
    bool any_chem = false, any_prod = false;
    for (size_t u = 0; u < chem->count; u++) {
        sc[u] = use_sense(doc, &chem->uses[u]);
        any_chem |= sc[u] == SENSE_CHEMICAL;
        any_prod |= sc[u] == SENSE_PRODUCT;
    }
    for (size_t u = 0; u < code->count; u++) {
        sp[u] = use_sense(doc, &code->uses[u]);
        any_chem |= sp[u] == SENSE_CHEMICAL;
        any_prod |= sp[u] == SENSE_PRODUCT;
    }
    if (!any_chem)
        return false;
    /* a use with no telling words takes the document's sense when the
     * document has only one */
    if (!any_prod) {
        for (size_t u = 0; u < code->count; u++)
            if (sp[u] == SENSE_UNKNOWN)
                sp[u] = SENSE_CHEMICAL;
    }
    report_senses(doc, chem, code, sc, SENSE_PRODUCT, "a product, not the chemical");
    if (doc->status == FL_OK)
        report_senses(doc, code, chem, sp, SENSE_CHEMICAL, "the chemical, not a product");
    return true;
}

/* ---- scripts */

static bool cyrillic_or_greek(uint32_t c)
{
    return c >= 0x370 && c <= 0x52f;
}

/* Latin letters or digits mixed with Cyrillic or Greek letters in one
 * word (Heliоform with a Cyrillic о, М4 with a Cyrillic М). */
static bool mixed_script(const char *s, size_t len)
{
    /* fast path: Greek and Cyrillic (U+0370..U+052F) start with bytes
     * 0xCD..0xD4 in UTF-8 */
    size_t i0 = 0;
    while (i0 < len && !((unsigned char)s[i0] >= 0xCD && (unsigned char)s[i0] <= 0xD4))
        i0++;
    if (i0 == len)
        return false;
    bool latin = false, other = false;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += fl_utf8_decode((const unsigned char *)s, len, i, &c);
        if (c < 0x80)
            latin |= (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        else
            other |= cyrillic_or_greek(c);
    }
    return latin && other;
}

/* ---- reporting, in two passes over the groups */

typedef struct span {
    size_t off, len;
} span;

/* One group of uses sharing a skeleton key, with its forms and the form
 * chosen as right. */
typedef struct group {
    fl_name_form *forms;
    size_t n, best;
    fl_blame_reason reason;
    /* by form: its difference from the right one, made by the first pass
     * and read by the second (valid where compared[i]) */
    fl_difference *diffs;
    bool *compared;
    /* forms[0] against forms[1], made by compare_senses, or NULL: the
     * first pass's comparison of forms[0] with the right one when that is
     * forms[1] (read only by the first pass, right after prepare_group) */
    const fl_difference *pair;
} group;

typedef struct nv_state {
    fl_vec reported; /* span: wrong uses already flagged */
} nv_state;

static bool overlaps_reported(const nv_state *st, size_t off, size_t len)
{
    const span *sp = st->reported.items;
    for (size_t i = 0; i < st->reported.count; i++)
        if (off < sp[i].off + sp[i].len && sp[i].off < off + len)
            return true;
    return false;
}

static void note_reported(fl_doc *doc, nv_state *st, const fl_name_form *wrong)
{
    for (size_t i = 0; i < wrong->count; i++) {
        span *sp = fl_vec_push(doc->arena, &st->reported);
        if (!sp) {
            doc->status = FL_ENOMEM;
            return;
        }
        *sp = (span){wrong->uses[i].off, wrong->uses[i].len};
    }
}

/* Forms of one group and the right one; false when nothing is to be
 * compared (one form, or the senses of a formula and a code decided). */
static bool prepare_group(fl_doc *doc, fl_name_use *uses, size_t count, family_use *fams,
                          size_t nfam, bool *fams_sorted, group *g, fl_difference *pair)
{
    g->diffs = NULL;
    g->compared = NULL;
    g->pair = NULL;
    g->n = fl_name_forms(doc, uses, count, &g->forms);
    bool paired = false;
    if (g->n < 2 || compare_senses(doc, g->forms, g->n, pair, &paired))
        return false;
    if (paired)
        g->pair = pair;
    fl_name_form *forms = g->forms;
    size_t n = g->n;
    char fam[128];
    /* the codes by family, sorted when a group first asks */
    if (!*fams_sorted && nfam > 1)
        qsort(fams, nfam, sizeof *fams, family_order);
    *fams_sorted = true;
    for (size_t i = 0; i < n; i++) {
        size_t flen = fl_family(forms[i].text, forms[i].len, fam, sizeof fam);
        if (flen == 0 || flen >= sizeof fam)
            continue;
        forms[i].shape_peer = family_peer(fams, nfam, fam, forms[i].uses[0].key);
        forms[i].shape = forms[i].shape_peer != NULL;
    }
    g->best = fl_blame_pick(forms, n, &g->reason);
    /* a word mixing scripts is never the right form beside one in a
     * single script */
    if (mixed_script(forms[g->best].text, forms[g->best].len)) {
        size_t alt = n;
        for (size_t i = 0; i < n; i++)
            if (!mixed_script(forms[i].text, forms[i].len) &&
                (alt == n || forms[i].count > forms[alt].count))
                alt = i;
        if (alt < n) {
            g->best = alt;
            g->reason = FL_BLAME_SCRIPT;
        }
    } else if (g->reason == FL_BLAME_FIRST) {
        /* a tie broken by order says less than the script does */
        for (size_t i = 0; i < n; i++)
            if (mixed_script(forms[i].text, forms[i].len))
                g->reason = FL_BLAME_SCRIPT;
    }
    return true;
}

/* Reports the wrong forms of a group. Pass 0 flags the uses that are
 * mentions; pass 1 the uses found among the tokens, unless a flagged span
 * already covers them (Heliоform inside Heliоform Energy). */
static void report_group(fl_doc *doc, nv_state *st, group *g, int pass)
{
    const fl_name_form *forms = g->forms;
    const fl_name_form *right = &forms[g->best];
    for (size_t i = 0; i < g->n && doc->status == FL_OK; i++) {
        if (i == g->best)
            continue;
        const fl_name_form *all = &forms[i];
        /* two forms the lexicon accepts (U.S. and US) are a style choice */
        if (all->lexicon > 0 && right->lexicon > 0)
            continue;
        /* the comparison, made once for both passes */
        if (pass == 0) {
            if (!g->diffs) {
                g->diffs = fl_arena_alloc_uninit(doc->arena, g->n * sizeof *g->diffs);
                g->compared = fl_arena_alloc(doc->arena, g->n * sizeof *g->compared);
                if (!g->diffs || !g->compared) {
                    doc->status = FL_ENOMEM;
                    return;
                }
            }
            if (g->pair && i == 0 && g->best == 1) {
                /* (compare_senses compared the two already) */
                g->diffs[0] = *g->pair;
                g->compared[0] = true;
            } else {
                g->compared[i] = fl_compare_surfaces(all->text, all->len, right->text, right->len,
                                                     &g->diffs[i]) == FL_OK;
            }
        }
        if (!g->diffs || !g->compared[i])
            continue;
        const fl_difference *diff = &g->diffs[i];
        /* case is name-casing's; endings, quote style and Unicode
         * composition are not a different spelling */
        unsigned kinds = diff->kinds & ~(FL_DIFF_CASE | FL_DIFF_INFLECTION | FL_DIFF_PUNCTUATION |
                                         FL_DIFF_COMPOSITION);
        if (!kinds || (kinds & FL_DIFF_OTHER))
            continue;
        /* a digit standing for a letter only counts inside codes that mix
         * letters and digits on both sides (E5 is not ES) */
        if ((kinds & FL_DIFF_LOOKALIKE) &&
            (ascii_digit(diff->a_char) || ascii_digit(diff->b_char)) &&
            !(has_digit_and_letter(all->text, all->len) &&
              has_digit_and_letter(right->text, right->len)))
            continue;
        /* the uses this pass flags */
        fl_name_use *picked = fl_arena_alloc(doc->arena, all->count * sizeof *picked);
        if (!picked) {
            doc->status = FL_ENOMEM;
            return;
        }
        size_t k = 0;
        for (size_t u = 0; u < all->count; u++) {
            const fl_name_use *use = &all->uses[u];
            bool is_run = use->mention == FL_NAME_NO_MENTION;
            if (is_run != (pass == 1))
                continue;
            if (is_run && overlaps_reported(st, use->off, use->len))
                continue;
            picked[k++] = *use;
        }
        if (!k)
            continue;
        fl_name_form wrong = *all;
        wrong.uses = picked;
        wrong.count = k;
        fl_severity severity =
            (kinds & (FL_DIFF_LOOKALIKE | FL_DIFF_INVISIBLE)) ? FL_SEV_ERROR : FL_SEV_WARNING;
        const char *wrong_note = fl_blame_times(doc, wrong.count);
        const char *right_note = fl_blame_where(doc, right);
        const char *why = fl_blame_reason_text(doc, g->reason, right);
        const char *body = annotate(doc, diff->description, &wrong, wrong_note, right, right_note);
        char *message;
        if (body)
            message = fl_arena_printf(doc->arena, "%s; write `%s`%s", body, right->text, why);
        else if (diff->description[0])
            message = fl_arena_printf(doc->arena,
                                      "`%s` (%s) and `%s` (%s) are one name written "
                                      "two ways: %s; write `%s`%s",
                                      wrong.text, wrong_note, right->text, right_note,
                                      diff->description, right->text, why);
        else
            message =
                fl_arena_printf(doc->arena,
                                "`%s` (%s) and `%s` (%s) are one name written "
                                "two ways; write `%s`%s",
                                wrong.text, wrong_note, right->text, right_note, right->text, why);
        fl_blame_report(doc, RULE, severity, &wrong, right->text, right, message);
        if (doc->status == FL_OK)
            note_reported(doc, st, &wrong);
    }
}

/* ---- names written with other spacing among the tokens
 *
 * The mention extractors split names their own way: `Quill DB` beside the
 * mention QuillDB, `Kinsei Hartwell` inside the mention "Shares of Kinsei
 * Hartwell", a token `737-MAX` beside the mention 737 MAX, `М4` with a
 * Cyrillic М that no extractor takes for a code. Runs of one to three
 * adjacent tokens whose skeleton is the key of a mention become uses of
 * that key too (a hash of the mention keys; linear in the tokens). A run
 * of several tokens needs each token capitalized or holding a digit, must
 * not start with a bare number (2 GB is a quantity), and joins only a key
 * whose mentions are themselves multi-part (spaced, hyphenated, camel-case
 * or with digits: `Air Port` never joins the plain word Airport). A single
 * token joins only when it is hyphenated, camel-case, mixes letters and
 * digits or mixes scripts. */

/* The keys of the mentions and of the tokens that are names on their own,
 * and for each (by id) whether runs of several tokens may join it: JOIN_YES
 * once a token or a mention's form written in parts (multi_part) makes it
 * joinable; the mentions' forms are looked at only for a key a run of
 * several tokens has (key_joinable), then JOIN_FORMS_SEEN. The set starts
 * as a copy of the fold keys (most first mentions' skeleton key is their
 * fold key: its id there, with no probe), so it holds keys that are no
 * mention's or token's: KEY_USED marks those that are, and only those are
 * in the set for the lookups. */
enum { JOIN_YES = 1, JOIN_FORMS_SEEN = 2, KEY_USED = 4 };
typedef struct name_keys {
    fl_name_keys set;
    unsigned char *joinable; /* by key id, jcap of them */
    size_t jcap;
    /* the bits run_joins_nothing reads, of the keys KEY_USED (note_ends) */
    uint64_t ends[4], ends3[16];
} name_keys;

static unsigned ends_bit(unsigned char first, unsigned char last)
{
    return (unsigned)((first * 31u + last) & 255u);
}

static unsigned ends3_bit(unsigned char first, unsigned char second, unsigned char last)
{
    return (unsigned)((first * 961u + second * 31u + last) & 1023u);
}

/* Sets the bits of key k[0..kl) (kl > 0) in keys->ends and ends3, where
 * it is made KEY_USED and its bytes are at hand: a walk over all the keys
 * before find_runs read each key's bytes again and skipped those not
 * used by a branch that mispredicted once a key or so on news (the copy
 * of the fold keys holds many that no use has: the names of several
 * words, whose skeleton drops the spaces). */
static inline void note_ends(name_keys *keys, const char *key, size_t kl)
{
    const unsigned char *k = (const unsigned char *)key;
    unsigned b = ends_bit(k[0], k[kl - 1]);
    keys->ends[b >> 6] |= (uint64_t)1 << (b & 63);
    if (kl >= 2) {
        b = ends3_bit(k[0], k[1], k[kl - 1]);
        keys->ends3[b >> 6] |= (uint64_t)1 << (b & 63);
    }
}

/* The room run gives keys->joinable (in the block of its arrays), zeroed
 * per document: 64 bytes (4 stores) hold the keys of all but about 1% of
 * news articles; a larger document doubles it in joinable_grow. */
enum { JOIN_ROOM = 64 };

/* Doubles the room of keys->joinable (to JOIN_ROOM when none); false when
 * out of memory. */
static __attribute__((noinline)) bool joinable_grow(fl_doc *doc, name_keys *keys)
{
    size_t cap = keys->jcap ? 2 * keys->jcap : JOIN_ROOM;
    unsigned char *more = fl_arena_alloc(doc->arena, cap);
    if (!more) {
        doc->status = FL_ENOMEM;
        return false;
    }
    if (keys->jcap)
        memcpy(more, keys->joinable, keys->jcap);
    keys->joinable = more;
    keys->jcap = cap;
    return true;
}

/* Adds key s[0..len) (copied when `copy`), KEY_USED; returns its id, or
 * FL_NAME_NO_KEY when out of memory. */
static inline size_t add_key(fl_doc *doc, name_keys *keys, const char *s, size_t len, bool copy,
                             bool joinable)
{
    size_t id = fl_name_keys_add(doc, &keys->set, s, len, copy);
    if (id == FL_NAME_NO_KEY)
        return id;
    if (id == keys->jcap && !joinable_grow(doc, keys))
        return FL_NAME_NO_KEY;
    keys->joinable[id] |= joinable ? KEY_USED | JOIN_YES : KEY_USED;
    return id;
}

/* multi_part's class of a byte: 1 a break between parts (space, hyphen,
 * dot, digit), 2 a capital, 4 a small letter (ASCII). */
static const unsigned char part_class[256] = {
    [' '] = 1, ['-'] = 1, ['.'] = 1, ['0' ... '9'] = 1, ['A' ... 'Z'] = 2, ['a' ... 'z'] = 4};

/* A mention form that is written in parts: spaces, hyphens or dots,
 * camel case, or digits. */
static bool multi_part(const char *s, size_t len)
{
    unsigned stop = 1; /* a break; after a small letter, a capital too */
    for (size_t i = 0; i < len; i++) {
        unsigned c = part_class[(unsigned char)s[i]];
        if (c & stop)
            return true;
        stop = 1 | (c & 4) >> 1;
    }
    return false;
}

/* What a token holds (its fl_token.shape) and whether it mixes scripts. */
enum {
    TC_UPPER0 = FL_TS_UPPER0, /* starts with an ASCII capital */
    TC_DIGIT = FL_TS_DIGIT,   /* an ASCII digit */
    TC_LETTER = FL_TS_LETTER, /* an ASCII letter */
    TC_HIGH = FL_TS_HIGH,     /* a byte past ASCII */
    TC_HYPHEN = FL_TS_HYPHEN, /* a hyphen */
    TC_CAMEL = FL_TS_CAMEL,   /* a capital after a small letter */
    TC_MIXED = 128            /* Latin mixed with Cyrillic or Greek (mixed_script) */
};

/* The class of a WORD or NUMBER token: 0 for one that neither starts with
 * a capital nor holds a digit or a byte past ASCII (ACT_RUN is not set
 * for it either way). */
static unsigned token_class(const char *text, const fl_token *tok)
{
    unsigned c = tok->shape;
    if (!(c & FL_TS_KNOWN))
        c = fl_token_shape(text + tok->off, tok->len);
    if (!(c & (TC_UPPER0 | TC_DIGIT | TC_HIGH)))
        return 0;
    if ((c & TC_HIGH) && mixed_script(text + tok->off, tok->len))
        c |= TC_MIXED;
    return c;
}

/* Drops a possessive ending ('s, ’s, s'). */
static inline size_t without_possessive(const char *s, size_t len)
{
    /* most words end with neither s nor S: one test turns them away */
    if (len <= 2 || (s[len - 1] | 0x20) != 's')
        return len;
    if (s[len - 2] == '\'')
        return len - 2;
    if (len > 4 && memcmp(s + len - 4, "\xe2\x80\x99", 3) == 0)
        return len - 4;
    return len;
}

/* The shape bits that tell a PLAIN token: (shape & PLAIN_MASK) is
 * FL_TS_KNOWN for a token known to start with no capital and to hold no
 * digit and no byte past ASCII, which takes part in no run. */
#define PLAIN_MASK (FL_TS_KNOWN | TC_UPPER0 | TC_DIGIT | TC_HIGH)

/* What scan_tokens asks of a token, as bits of shape_info: ACT_PLAIN, its
 * shape is PLAIN; ACT_CAP, it is a plain capitalized word (known, ASCII,
 * a capital first, no digit, hyphen or camel case); and of its class c (token_class): ACT_RUN, it
 * may take part in a run of several (capitalized, holding a digit, or mixing scripts); ACT_START,
 * it may start one, or be a use on its own, where it follows no candidate (it holds a letter or a
 * hyphen, or mixes scripts: a bare number only continues a run); ACT_SINGLE, it may be a use on its
 * own (capitalized or holding a digit, and hyphenated, camel case or
 * mixing letters and digits; or mixing scripts). */
enum {
    ACT_RUN = 1,
    ACT_START = 2,
    ACT_SINGLE = 4,
    ACT_SLOW = 8,
    ACT_PLAIN = 16,
    ACT_CAP = 32,
    ACT_BARE = 64
};
/* The shape bits that tell a bare number (ACT_BARE): known, with no
 * letter, byte past ASCII or hyphen (its class then has no ACT_START, and
 * it is no ACT_SLOW token); with a digit when it may run. */
#define BARE_MASK (FL_TS_KNOWN | TC_LETTER | TC_HIGH | TC_HYPHEN | 128)
#define ACT_OF(c)                                                                                  \
    ((((c) & (TC_UPPER0 | TC_DIGIT | TC_MIXED)) ? ACT_RUN : 0) |                                   \
     (((c) & (TC_LETTER | TC_MIXED | TC_HYPHEN)) ? ACT_START : 0) |                                \
     (((c)&TC_MIXED) || (((c) & (TC_UPPER0 | TC_DIGIT)) &&                                         \
                         (((c) & (TC_HYPHEN | TC_CAMEL)) || (((c)&TC_DIGIT) && ((c)&TC_LETTER))))  \
          ? ACT_SINGLE                                                                             \
          : 0))
/* By a token's shape: ACT_PLAIN for a PLAIN one; ACT_OF its class, which
 * is the shape itself for a known shape with no byte past ASCII, and
 * ACT_SLOW for the others (made by hand, or perhaps mixing scripts:
 * token_class reads their bytes). One load and test a question: in
 * scan_tokens' tight walk, where the mask and compare of the shape take
 * one instruction more (and gcc a copy of the shape to keep it for the
 * tests after the walk), and after it, where the shape's bits took two to
 * five. */
#define ACT_SHAPE(s)                                                                               \
    ((((s)&PLAIN_MASK) == FL_TS_KNOWN ? ACT_PLAIN : 0) |                                           \
     (((s) & (PLAIN_MASK | TC_HYPHEN | TC_CAMEL)) == (FL_TS_KNOWN | TC_UPPER0) ? ACT_CAP : 0) |    \
     (((s)&BARE_MASK) == FL_TS_KNOWN ? ACT_BARE : 0) |                                             \
     (((s)&FL_TS_KNOWN) && !((s) & (TC_HIGH | 128)) ? ACT_OF(s) : ACT_SLOW))
#define ACT_4(s) ACT_SHAPE(s), ACT_SHAPE((s) + 1), ACT_SHAPE((s) + 2), ACT_SHAPE((s) + 3)
#define ACT_16(s) ACT_4(s), ACT_4((s) + 4), ACT_4((s) + 8), ACT_4((s) + 12)
#define ACT_64(s) ACT_16(s), ACT_16((s) + 16), ACT_16((s) + 32), ACT_16((s) + 48)
static const unsigned char shape_info[256] = {ACT_64(0), ACT_64(64), ACT_64(128), ACT_64(192)};
#undef ACT_64
#undef ACT_16
#undef ACT_4
#undef ACT_SHAPE

/* Whether token t may be listed as a candidate, but for its length (one
 * of one byte is not): a WORD or NUMBER whose shape is not known to hold
 * no capital first, digit or byte past ASCII (not PLAIN). The others take
 * part in nothing. */
static inline bool token_may_run(const fl_token *t)
{
    return !(shape_info[t->shape] & ACT_PLAIN) && t->kind <= FL_TOK_NUMBER;
}

/* may (token_may_run, a bit a token) less the plain capitalized words
 * (ACT_CAP) and bare numbers (ACT_BARE), the `alone` ones, whose
 * neighbours in the same word of 64 may not run: such a word follows no
 * candidate and no candidate may follow it, and such a number follows no
 * candidate and starts nothing, so neither takes part in anything
 * (scan_tokens). A neighbour in another word counts as one that may run
 * (scan_tokens then decides). (A bare number would need only its token
 * before to be one that may not run; one mask for both rules saves a
 * third mask's steps, which cost more than the few numbers before a
 * capitalized word or a code take in visits.) */
static inline uint64_t drop_isolated(uint64_t may, uint64_t alone)
{
    uint64_t before = may << 1 | 1, after = may >> 1 | (uint64_t)1 << 63;
    return may & ~(alone & ~before & ~after);
}

/* run_bits reads a token's kind and shape as its third 32-bit word: kind
 * in the low byte, shape in the high one (RB_SHAPE places shape bits
 * there, for the SSE2 steps, which test four tokens at once in 32-bit
 * lanes). */
#define RB_SHAPE(bits) ((int)((unsigned)(bits) << 24))
_Static_assert(sizeof(fl_token) == 12 && offsetof(fl_token, kind) == 8 &&
                   offsetof(fl_token, shape) == 11 && FL_TOK_WORD == 0 && FL_TOK_NUMBER == 1,
               "run_bits reads a token's kind and shape as its third 32-bit word");

#ifdef NV_BITS_AVX2
/* The third 32-bit words of the eight tokens at p, those of tokens 0, 2,
 * 4, 6 in 128-bit lane 0, of 1, 3, 5, 7 in lane 1: words 2, 8, 14, 20 and
 * 5, 11, 17, 23 of their 96 bytes, in one gather. */
__attribute__((target("avx2"), always_inline)) static inline __m256i rb_gather8(const fl_token *p)
{
    const __m256i words = _mm256_setr_epi32(2, 8, 14, 20, 5, 11, 17, 23);
    return _mm256_i32gather_epi32((const int *)(const void *)p, words, 4);
}

/* Two gathers' words as 16-bit ones, shape in the low byte and kind in
 * the high one: by lane, a's four, then b's (the tests then take one
 * instruction for 16 tokens, where they took one for eight). */
__attribute__((target("avx2"), always_inline)) static inline __m256i rb_words16(__m256i a,
                                                                                __m256i b)
{
    const __m256i shape_kind = _mm256_setr_epi8(
        3, 0, -1, -1, 7, 4, -1, -1, 11, 8, -1, -1, 15, 12, -1, -1, /* (lane 1 the same) */
        3, 0, -1, -1, 7, 4, -1, -1, 11, 8, -1, -1, 15, 12, -1, -1);
    return _mm256_packus_epi32(_mm256_shuffle_epi8(a, shape_kind),
                               _mm256_shuffle_epi8(b, shape_kind));
}

/* may and alone (drop_isolated) of rb_words16's tokens, 16-bit lanes all
 * ones or zero */
__attribute__((target("avx2"), always_inline)) static inline void rb_test16(__m256i w, __m256i *may,
                                                                            __m256i *alone)
{
    const __m256i known = _mm256_set1_epi16(FL_TS_KNOWN);
    __m256i plain = _mm256_cmpeq_epi16(_mm256_and_si256(w, _mm256_set1_epi16(PLAIN_MASK)), known);
    /* kind <= FL_TOK_NUMBER (1): no bit of the word from bit 9 on (a
     * shift: no constant to keep in a register) */
    __m256i low_kind = _mm256_cmpeq_epi16(_mm256_srli_epi16(w, 9), _mm256_setzero_si256());
    *may = _mm256_andnot_si256(plain, low_kind);
    __m256i cap = _mm256_cmpeq_epi16(
        _mm256_and_si256(w, _mm256_set1_epi16(PLAIN_MASK | TC_HYPHEN | TC_CAMEL)),
        _mm256_set1_epi16(FL_TS_KNOWN | TC_UPPER0));
    __m256i bare = _mm256_cmpeq_epi16(_mm256_and_si256(w, _mm256_set1_epi16(BARE_MASK)), known);
    *alone = _mm256_or_si256(cap, bare);
}

/* The 32 bits, in token order, of the tests x and y of rb_words16(a, b)
 * and rb_words16(c, d), the gathers of tokens 0-7, 8-15, 16-23, 24-31:
 * packed to bytes by lane (lane 0 the even tokens, lane 1 the odd
 * ones), the two lanes' halves brought together and interleaved. */
__attribute__((target("avx2"), always_inline)) static inline uint32_t rb_bits32(__m256i x,
                                                                                __m256i y)
{
    __m256i bytes = _mm256_packs_epi16(x, y);
    /* lane 0: the even then the odd tokens of a and b; lane 1 of c, d */
    __m256i halves = _mm256_permute4x64_epi64(bytes, 0xd8);
    return (uint32_t)_mm256_movemask_epi8(
        _mm256_unpacklo_epi8(halves, _mm256_srli_si256(halves, 8)));
}

/* run_bits' words for toks[0..n) 32 tokens a step (the last fewer than
 * 32 too, with the tokens before them, when n >= 32; else eight a step,
 * the last fewer than eight with the tokens before them when n >= 8): the
 * whole words in bits, the bits of the tokens of the last part word made
 * so far in *may and *alone; returns how many tokens were done. */
__attribute__((target("avx2"))) static size_t
run_bits_avx2(const fl_token *toks, size_t n, uint64_t *bits, uint64_t *may, uint64_t *alone)
{
    size_t t = 0;
    uint64_t m = 0, a = 0;
    size_t g = 0; /* of the word at t */
    for (;;) {
        __m256i m0, m1, a0, a1;
        if (n - t - g >= 32) {
            const fl_token *p = toks + t + g;
            rb_test16(rb_words16(rb_gather8(p), rb_gather8(p + 8)), &m0, &a0);
            rb_test16(rb_words16(rb_gather8(p + 16), rb_gather8(p + 24)), &m1, &a1);
            m |= (uint64_t)rb_bits32(m0, m1) << g;
            a |= (uint64_t)rb_bits32(a0, a1) << g;
            g += 32;
        } else if (n - t - g > 0 && n >= 32) {
            /* the last few (under 32, after steps of 32: g is 0 or 32)
             * as the last 32, of which the bits of those done before
             * are dropped */
            size_t left = n - t - g;
            const fl_token *p = toks + t + g + left - 32;
            rb_test16(rb_words16(rb_gather8(p), rb_gather8(p + 8)), &m0, &a0);
            rb_test16(rb_words16(rb_gather8(p + 16), rb_gather8(p + 24)), &m1, &a1);
            m |= (uint64_t)(rb_bits32(m0, m1) >> (32 - left)) << g;
            a |= (uint64_t)(rb_bits32(a0, a1) >> (32 - left)) << g;
            g += left;
        } else if (n - t - g >= 8 || (n - t - g > 0 && n >= 8)) {
            /* eight tokens (the low eight bits of a step of their gather
             * four times); the last few as the last eight, of which the
             * bits of those done before are dropped */
            size_t left = n - t - g < 8 ? n - t - g : 8;
            __m256i q = rb_gather8(toks + t + g + left - 8);
            rb_test16(rb_words16(q, q), &m0, &a0);
            m |= (uint64_t)((rb_bits32(m0, m0) & 0xff) >> (8 - left)) << g;
            a |= (uint64_t)((rb_bits32(a0, a0) & 0xff) >> (8 - left)) << g;
            g += left;
        } else
            break;
        if (g == 64) {
            bits[t / 64] = drop_isolated(m, a);
            t += 64;
            m = a = 0;
            g = 0;
        }
    }
    *may = m;
    *alone = a;
    return t + g;
}
#endif

/* Sets in bits[0..(n + 63) / 64) the bit of each of the tokens
 * toks[0..n) that scan_tokens visits, bit t % 64 of bits[t / 64], the
 * others cleared: those that token_may_run, but for plain capitalized
 * words and bare numbers on their own (drop_isolated). The walk over all
 * tokens that this replaces stopped at each that is not PLAIN, after runs
 * of about two PLAIN words, and mispredicted about once a stop
 * (name-variant had the most mispredicts an instruction of the program);
 * the bits are made without branches, 32 tokens a step with AVX2 (`avx2`:
 * the CPU has it), else 4 with SSE2, and the walk visits the few tokens
 * they mark. */
static __attribute__((noinline)) void run_bits(const fl_token *toks, size_t n, uint64_t *bits,
                                               bool avx2)
{
    size_t t = 0;
    uint64_t may = 0, alone = 0; /* of the tokens of the word at t made so far */
#ifdef NV_BITS_AVX2
    if (avx2)
        t = run_bits_avx2(toks, n, bits, &may, &alone);
#else
    (void)avx2;
#endif
#ifdef NV_BITS_SSE2
    if (t == 0) {
        const __m128i shape_plain = _mm_set1_epi32(RB_SHAPE(PLAIN_MASK));
        const __m128i shape_known = _mm_set1_epi32(RB_SHAPE(FL_TS_KNOWN));
        const __m128i shape_capm = _mm_set1_epi32(RB_SHAPE(PLAIN_MASK | TC_HYPHEN | TC_CAMEL));
        const __m128i shape_cap = _mm_set1_epi32(RB_SHAPE(FL_TS_KNOWN | TC_UPPER0));
        const __m128i shape_barem = _mm_set1_epi32(RB_SHAPE(BARE_MASK));
        const __m128i kind_high = _mm_set1_epi32(0xfe);
        const __m128i zero = _mm_setzero_si128();
        for (; t + 64 <= n; t += 64) {
            uint64_t word = 0, alones = 0;
            for (unsigned g = 0; g < 64; g += 4) {
                const float *p = (const float *)(const void *)(toks + t + g);
                /* word 2 of tokens 0, 1, 2 and 3: words 2, 5, 8 and 11 of
                 * their 48 bytes (2 and 5 from the first two loads, 8 and
                 * 11 from the third) */
                __m128 ab = _mm_shuffle_ps(_mm_loadu_ps(p), _mm_loadu_ps(p + 4), 0x5a);
                __m128 c = _mm_loadu_ps(p + 8);
                __m128 cd = _mm_shuffle_ps(c, c, 0xcc);
                __m128i ks = _mm_castps_si128(_mm_shuffle_ps(ab, cd, 0x48));
                __m128i plain = _mm_cmpeq_epi32(_mm_and_si128(ks, shape_plain), shape_known);
                __m128i low_kind = _mm_cmpeq_epi32(_mm_and_si128(ks, kind_high), zero);
                __m128i m = _mm_andnot_si128(plain, low_kind);
                __m128i a =
                    _mm_or_si128(_mm_cmpeq_epi32(_mm_and_si128(ks, shape_capm), shape_cap),
                                 _mm_cmpeq_epi32(_mm_and_si128(ks, shape_barem), shape_known));
                word |= (uint64_t)_mm_movemask_ps(_mm_castsi128_ps(m)) << g;
                alones |= (uint64_t)_mm_movemask_ps(_mm_castsi128_ps(a)) << g;
            }
            bits[t / 64] = drop_isolated(word, alones);
        }
    }
#endif
    for (; t < n; t++) {
        may |= (uint64_t)token_may_run(&toks[t]) << (t % 64);
        alone |= (uint64_t)((shape_info[toks[t].shape] & (ACT_CAP | ACT_BARE)) != 0) << (t % 64);
        if (t % 64 == 63) {
            bits[t / 64] = drop_isolated(may, alone);
            may = alone = 0;
        }
    }
    if (n % 64)
        bits[n / 64] = drop_isolated(may, alone);
}
#undef RB_SHAPE

/* The tokens that may start a run or continue one (ACT_RUN), in
 * document order, with their sentence, class and, for a token that is a
 * use on its own (ACT_SINGLE) and repeats no mention, the id of its
 * key. */
typedef struct candidate {
    /* key: CAND_NO_KEY when none, or when the token repeats a mention */
    uint32_t token, sentence, key;
    unsigned char cls;
    /* whether the next candidate is the next token, in the same sentence,
     * one space after this one: the run goes on to it */
    bool joins;
    /* whether it may start a run: it has a key, or joins the next */
    bool starts;
} candidate; /* 16 bytes */

#define CAND_NO_KEY UINT32_MAX

/* The mentions' uses by offset, to tell a token run that only repeats a
 * mention (same start, same bytes): fl_name_forms drops such a run as a
 * span listed twice, so it is never made. The folds' entries
 * (fl_name_folds.entries: one per code, name or acronym with a use, in
 * mention order, sorted here when that is not offset order), read in
 * offset order: a mention that repeats an earlier one's surface has that
 * one's use (its form), at its own offset; its use here is that of its
 * first, use_of[first] - 1 (0: it has none here, no key).
 *
 * A walk over the entries in offset order, for lookups at offsets that
 * never go back (tokens and runs in document order): a merge, which
 * costs less than a hash of the offsets to build and to probe. The
 * entries end with one at offset SIZE_MAX, past any token, so that the
 * walk needs no test of their end. */
typedef struct span_cursor {
    const fl_name_entry *at;
    const uint32_t *use_of; /* by first mention: the index of its use + 1 */
} span_cursor;

static int span_order(const void *pa, const void *pb)
{
    const fl_name_entry *a = pa, *b = pb;
    return a->off < b->off ? -1 : a->off > b->off;
}

/* The index of the use of a mention that starts at `off` with the form
 * text[off..off+len), or FL_NAME_NO_KEY; `off` no less than the one asked
 * about before with this cursor. */
static inline __attribute__((always_inline)) size_t
span_find(span_cursor *c, const fl_name_use *uses, const char *text, size_t off, size_t len)
{
    /* (in this form gcc makes the walk four instructions an entry, not
     * five) */
    const fl_name_entry *at = c->at;
    if (at->off < off) {
        do
            at++;
        while (at->off < off);
        c->at = at;
    }
    for (const fl_name_entry *e = at; e->off == off; e++) {
        const uint32_t use = c->use_of[e->first];
        if (!use)
            continue;
        const fl_name_use *u = &uses[use - 1];
        if (u->form_len == len && fl_bytes_eq(u->form, text + off, len))
            return use - 1;
    }
    return FL_NAME_NO_KEY;
}

/* How many tokens past the word of a sentence's end scan_tokens has
 * run_bits make at once (a multiple of 64): 16 KB of tokens, which are
 * still in the cache when the walk visits some of them. */
enum { RUN_BITS_AHEAD = 1024 };

/* The first token from i on whose bit is set, or one at e or past it
 * when none is before e (i <= e <= the tokens' count). */
static inline size_t next_run_token(const uint64_t *bits, size_t i, size_t e)
{
    uint64_t w = bits[i / 64] >> (i % 64);
    while (!w) {
        i = (i | 63) + 1;
        if (i >= e)
            return e;
        w = bits[i / 64];
    }
    return i + (size_t)__builtin_ctzll(w);
}

/* Classes every token of the sentences not in capitals, lists the
 * candidates and adds the keys of the tokens that can stand for a name on
 * their own (TimeWarner, Kilroy-Silk, 1990s, М4), so that two spellings
 * both found among the tokens (ConsumerElectronics inside one mention,
 * Consumer Electronics inside another) meet. A token that repeats a
 * mention has that mention's key. Returns the candidates (in document
 * order; but for those with no key and no candidate beside them) or NULL. */
static candidate *scan_tokens(fl_doc *doc, name_keys *keys, span_cursor spans,
                              const fl_name_use *uses, size_t *count, signed char *caps_sentence)
{
    const char *text = doc->prose.text;
    /* room for a candidate per token whose bits are made at first (a
     * document of up to some thousand tokens: room for all of them, never
     * grown) */
    size_t k = 0, cap = (doc->tokens.count < RUN_BITS_AHEAD + 64 ? doc->tokens.count
                                                                 : RUN_BITS_AHEAD + 64) +
                        16;
    char key[256];
    const fl_token *toks = doc->tokens.items;
    size_t ntoks = doc->tokens.count;
    /* the tokens' bits (run_bits), and a word past the last token's,
     * which next_run_token reads at the end when the tokens fill their
     * words; then the candidates (one arena block, not two) */
    uint64_t *bits = fl_scratch_note(
        &doc->scratch, fl_arena_alloc_uninit(doc->arena, (ntoks / 64 + 1) * sizeof *bits +
                                                             cap * sizeof(candidate)));
    if (!bits) {
        doc->status = FL_ENOMEM;
        return NULL;
    }
    candidate *cands = (candidate *)(void *)(bits + ntoks / 64 + 1);
    bits[ntoks / 64] = 0;
    const bool avx2 = __builtin_cpu_supports("avx2");
    /* the tokens whose bits are made (a multiple of 64, or ntoks): made
     * a way ahead of the sentence walked, not all at once, so that the
     * tokens the walk visits are still in the cache from run_bits (the
     * tokens of a long document do not all fit: made at once, the walk's
     * D1 misses on mb1 were 17K more) */
    size_t made = 0;
    /* the first marked token from the one after the last visited on (or
     * from a sentence's first), as next_run_token found it with the bits
     * made: a sentence before it has none, and is passed with one test
     * (its walk took a load and a test or two, and mispredicted the end
     * of that walk about once a sentence); at or past made when none is
     * before made */
    size_t next = 0;
    bool linked = false; /* the last candidate's token follows the one before's */
    /* the token after the last candidate's (NULL: none yet) */
    const fl_token *follow = NULL;
    /* (in locals: the stores to the candidates might change doc for all
     * gcc knows) */
    const fl_sentence *sentences = doc->sentences.items;
    const size_t nsentences = doc->sentences.count;
    /* (noted for the checks after, which then need not read every
     * sentence again: fl_name_folds.caps_sentence) */
    *caps_sentence = 0;
    for (size_t si = 0; si < nsentences; si++) {
        const fl_sentence *s = &sentences[si];
        if (s->all_caps) {
            *caps_sentence = 1;
            continue;
        }
        /* only the tokens marked in bits: the others take part in
         * nothing */
        size_t e = s->first_token + s->token_count;
        if (e >= made && made < ntoks) {
            size_t upto = (e / 64 + 1) * 64 + RUN_BITS_AHEAD;
            if (upto > ntoks)
                upto = ntoks;
            /* room for a candidate per token from this sentence's first to
             * the last whose bits are made: the sentences walked before
             * the next bits are made list no more (so none is checked for
             * room, and the test is made once per bits made, not per
             * sentence) */
            if (upto - s->first_token > cap - k) {
                size_t need = k + (upto - s->first_token);
                size_t more_cap = 2 * cap > need ? 2 * cap : need;
                candidate *more = fl_arena_alloc_uninit(doc->arena, more_cap * sizeof *more);
                if (!more) {
                    doc->status = FL_ENOMEM;
                    *caps_sentence = -1; /* not every sentence was seen */
                    return NULL;
                }
                memcpy(more, cands, k * sizeof *more);
                /* (the room before given back: a block of its own unless
                 * it lies in the bits' block, which release leaves alone) */
                fl_arena_release(doc->arena, cands);
                cands = more;
                cap = more_cap;
            }
            run_bits(toks + made, upto - made, bits + made / 64, avx2);
            made = upto;
            /* (next_run_token reads the word of made: the next bits made
             * write it whole) */
            if (made < ntoks)
                bits[made / 64] = 0;
            next = next_run_token(bits, s->first_token, made);
        } else if (next < s->first_token) {
            /* (a marked token of a sentence in capitals, or of none) */
            next = next_run_token(bits, s->first_token, made);
        }
        for (size_t i = next; i < e; i = next) {
            /* (found first: whether the next token is marked is the
             * ACT_CAP test's) */
            next = next_run_token(bits, i + 1, made);
            const fl_token *tok = toks + i;
            /* a plain capitalized word (ASCII, no digit, hyphen or camel
             * case: no use on its own) that follows no candidate and that
             * no token that may be one follows takes part in nothing: it
             * would be listed only to be dropped (most sentence-initial
             * words and one-word names); the candidate before it keeps
             * its fate, settled by the next one listed. (Most of them
             * have no bit; a token of one byte after one counts as one
             * that may follow here: the word is then listed and dropped,
             * with the same findings.) */
            unsigned c = tok->shape, act = shape_info[c];
            /* (the three tests in one branch: whether a token is a plain
             * capitalized word follows the text, and its own branch
             * mispredicted more than any other of this walk) */
            const bool next_marked = (next == i + 1) & (next < e);
            if (((act & ACT_CAP) != 0) & (follow != tok) & !next_marked)
                continue;
            /* a token of one byte neither is a use on its own nor takes
             * part in a run of several (find_runs stops at it) */
            if (tok->len < 2)
                continue;
            if (__builtin_expect(act & ACT_SLOW, 0)) {
                c = token_class(text, tok);
                act = ACT_OF(c);
            }
            if (!(act & ACT_RUN))
                continue;
            bool adjacent = follow == tok;
            /* a bare number (no letter) only continues a run, or is a use
             * on its own when hyphenated (ACT_SINGLE): one that is neither
             * takes part in nothing when it follows no candidate (and the
             * candidate before it keeps its own fate) */
            if (!adjacent && !(act & ACT_START))
                continue;
            /* the last candidate with no key and no candidate token on
             * either side takes part in nothing: find_runs would pass over
             * it, so it is dropped (most sentence-initial words) */
            if (k > 0 && !adjacent && !linked && cands[k - 1].key == CAND_NO_KEY)
                k--;
            if (adjacent) {
                /* the candidate before, at the token before (none was
                 * dropped since), joins this one when both are in this
                 * sentence, one space apart */
                const fl_token *prev = tok - 1;
                cands[k - 1].joins = cands[k - 1].sentence == si &&
                                     tok->off == prev->off + prev->len + 1 &&
                                     text[prev->off + prev->len] == ' ';
                cands[k - 1].starts |= cands[k - 1].joins;
            }
            linked = adjacent;
            candidate *cand = &cands[k++];
            *cand = (candidate){(uint32_t)(tok - toks), (uint32_t)si, CAND_NO_KEY,
                                (unsigned char)c,       false,        false};
            follow = tok + 1;
            if (!(act & ACT_SINGLE))
                continue;
            size_t len = without_possessive(text + tok->off, tok->len);
            /* a hyphen alone does not invite runs: Long-Term beside Long
             * Term Capital is two names (a possessive ending holds no
             * digit and no capital after a small letter, but a Latin s) */
            bool joinable =
                (c & (TC_CAMEL | TC_DIGIT)) ||
                ((c & TC_MIXED) && (len == tok->len || mixed_script(text + tok->off, len)));
            size_t same = span_find(&spans, uses, text, tok->off, len);
            if (same != FL_NAME_NO_KEY) {
                /* the mention's key (the same bytes), which the token
                 * makes no more joinable than it is; the token is no use
                 * of its own (it repeats the mention), so its candidate
                 * keeps no key */
                keys->joinable[uses[same].group] |= joinable ? JOIN_YES : 0;
                continue;
            }
            size_t klen = fl_skeleton(text + tok->off, len, 0, key, sizeof key);
            if (klen == 0 || klen >= sizeof key)
                continue;
            size_t id = add_key(doc, keys, key, klen, true, joinable);
            if (id == FL_NAME_NO_KEY)
                return NULL;
            note_ends(keys, key, klen);
            cand->key = (uint32_t)id;
            cand->starts = true;
        }
    }
    if (k > 0 && !linked && cands[k - 1].key == CAND_NO_KEY)
        k--;
    *count = k;
    return cands;
}

static bool bit_set(const uint64_t *bits, unsigned b)
{
    return (bits[b >> 6] >> (b & 63)) & 1;
}

/* The skeleton's byte for ASCII letter or digit c (lower case) inside a
 * run of letters and digits that mixes both: the digit a letter looks like
 * (normalize.c's digit_of), else c. */
static unsigned char mixed_look(unsigned char c)
{
    switch (c) {
    case 'b':
        return '8';
    case 'i':
    case 'l':
        return '1';
    case 'o':
        return '0';
    case 's':
        return '5';
    case 'z':
        return '2';
    default:
        return c;
    }
}

/* By byte: an ASCII letter in lower case, an ASCII digit itself, or 0
 * (a load where the range tests took five or six steps and two or three
 * branches per byte) */
#define AL_UPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define AL_KEPT(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9'))
#define ALNUM_LOW(c) (AL_UPPER(c) ? (c) | 0x20 : AL_KEPT(c) ? (c) : 0)
#define ALNUM_LOW_4(c) ALNUM_LOW(c), ALNUM_LOW((c) + 1), ALNUM_LOW((c) + 2), ALNUM_LOW((c) + 3)
#define ALNUM_LOW_16(c)                                                                            \
    ALNUM_LOW_4(c), ALNUM_LOW_4((c) + 4), ALNUM_LOW_4((c) + 8), ALNUM_LOW_4((c) + 12)
#define ALNUM_LOW_64(c)                                                                            \
    ALNUM_LOW_16(c), ALNUM_LOW_16((c) + 16), ALNUM_LOW_16((c) + 32), ALNUM_LOW_16((c) + 48)
static const unsigned char alnum_low[256] = {ALNUM_LOW_64(0), ALNUM_LOW_64(64), ALNUM_LOW_64(128),
                                             ALNUM_LOW_64(192)};
#undef ALNUM_LOW_64
#undef ALNUM_LOW_16
#undef ALNUM_LOW_4
#undef ALNUM_LOW
#undef AL_KEPT
#undef AL_UPPER

/* An ASCII letter or digit in lower case, or 0. */
static unsigned char alnum_lower(unsigned char c)
{
    return alnum_low[c];
}

/* Whether no joinable key can be the skeleton (flags 0) of the ASCII run
 * s[0..len) (two tokens or more, one space apart, the first holding a
 * letter; no possessive 's at its end, without_possessive took it off).
 * The skeleton lowers letters and digits, drops spaces, hyphens and dots,
 * and trims one more possessive 's; inside a stretch of letters and
 * digits (ended only by other punctuation) that mixes both, it turns
 * b i l o s z into 8 1 1 0 5 2 (mixed_look). So its first byte is s[0]'s
 * and its last s[len - 1]'s, lowered and, with a digit in the run,
 * perhaps turned; and with no digit and s[1] a letter, its second byte
 * is s[1]'s. ends holds a bit for each (first, last) byte pair of the
 * joinable keys, ends3 for each (first, second, last) of those of two
 * bytes or more. */
static bool run_joins_nothing(const char *s, size_t len, bool digits, const uint64_t *ends,
                              const uint64_t *ends3)
{
    unsigned char a = alnum_lower((unsigned char)s[0]), z = alnum_lower((unsigned char)s[len - 1]);
    if (!a || !z || (z == 's' && s[len - 2] == '\''))
        return false;
    if (!digits) {
        unsigned char a2 = (unsigned char)s[1];
        if (alnum_low[a2] >= 'a') /* an ASCII letter */
            return !bit_set(ends3, ends3_bit(a, (unsigned char)(a2 | 0x20), z));
        return !bit_set(ends, ends_bit(a, z));
    }
    unsigned char a1 = mixed_look(a), z1 = mixed_look(z);
    return !bit_set(ends, ends_bit(a, z)) && !bit_set(ends, ends_bit(a1, z)) &&
           !bit_set(ends, ends_bit(a, z1)) && !bit_set(ends, ends_bit(a1, z1));
}

/* Whether runs of several tokens may join key id: a token made it
 * joinable, or one of the mentions' forms with that key (uses[0..n), one
 * per surface) is written in parts; the forms looked at once per key. */
static bool key_joinable(name_keys *keys, size_t id, const fl_name_use *uses, size_t n)
{
    if (!(keys->joinable[id] & (JOIN_YES | JOIN_FORMS_SEEN))) {
        for (size_t i = 0; i < n; i++)
            if (uses[i].group == id && multi_part(uses[i].form, uses[i].form_len)) {
                keys->joinable[id] |= JOIN_YES;
                break;
            }
        keys->joinable[id] |= JOIN_FORMS_SEEN;
    }
    return keys->joinable[id] & JOIN_YES;
}

/* Appends to *out (the mentions' uses, nmention of them, which the spans
 * index) the token runs that share a mention's key, but for those that
 * repeat a mention. */
static void find_runs(fl_doc *doc, const candidate *cands, size_t ncand, name_keys *keys,
                      span_cursor spans, fl_name_use_list *out, size_t nmention)
{
    const char *text = doc->prose.text;
    /* (in a local: the stores to the uses might change doc for all gcc
     * knows) */
    const fl_token *toks = doc->tokens.items;
    char key[256];
    /* the bits run_joins_nothing reads, of every key used (whether a key
     * is joinable is found only for one a run has) */
    const uint64_t *ends = keys->ends, *ends3 = keys->ends3;
    for (size_t c = 0; c < ncand; c++) {
        /* a candidate with no key that joins no next one starts nothing
         * (the last word of most names) */
        if (!cands[c].starts)
            continue;
        size_t t = cands[c].token, si = cands[c].sentence;
        const fl_token *first = &toks[t];
        bool bare_number = !(cands[c].cls & (TC_LETTER | TC_MIXED));
        unsigned run_cls = cands[c].cls;
        for (size_t k = 0; k < 3; k++) {
            const fl_token *last = &toks[t + k];
            size_t id, len;
            if (k > 0) {
                /* the next token is a run token when the candidate before
                 * joins it (it is then candidate c + k) */
                if (!cands[c + k - 1].joins)
                    break;
                /* a bare number starts a quantity (2 GB); a lone letter
                 * is a word (an A 4 times), but no candidate */
                if (bare_number)
                    break;
                run_cls |= cands[c + k].cls;
                len = without_possessive(text + first->off, last->off + last->len - first->off);
                if (!(run_cls & TC_HIGH) &&
                    run_joins_nothing(text + first->off, len, (run_cls & TC_DIGIT) != 0, ends,
                                      ends3))
                    continue;
                if (span_find(&spans, out->items, text, first->off, len) != FL_NAME_NO_KEY)
                    continue;
                size_t klen = fl_skeleton(text + first->off, len, 0, key, sizeof key);
                if (klen == 0 || klen >= sizeof key)
                    continue;
                id = fl_name_keys_find(&keys->set, key, klen);
                if (id == FL_NAME_NO_KEY || !(keys->joinable[id] & KEY_USED) ||
                    !key_joinable(keys, id, out->items, nmention))
                    continue;
            } else {
                /* a token on its own: scan_tokens found its key, and
                 * that it repeats no mention */
                if (cands[c].key == CAND_NO_KEY)
                    continue;
                id = cands[c].key;
                len = without_possessive(text + first->off, first->len);
            }
            fl_name_use *u = fl_name_use_list_push(doc, out); /* written whole below */
            if (!u)
                return;
            *u = (fl_name_use){.mention = FL_NAME_NO_MENTION,
                               .sentence = si,
                               .off = first->off,
                               .len = len,
                               .form = text + first->off,
                               .form_len = len,
                               .suffix = "",
                               .key = keys->set.keys[id],
                               .key_len = (uint32_t)keys->set.lens[id],
                               .group = id};
        }
    }
}

/* The family key of each code mention that has a use (use_of[f] - 1 in
 * uses, f the first mention of its surface), in mention order, with its
 * use's skeleton key and form; NULL when out of memory (doc->status
 * set). */
static family_use *code_families(fl_doc *doc, const fl_name_folds *folds, const fl_name_use *uses,
                                 const uint32_t *use_of, size_t ncodes, size_t *nfam)
{
    family_use *fams = fl_arena_alloc_uninit(doc->arena, (ncodes + 1) * sizeof *fams);
    if (!fams) {
        doc->status = FL_ENOMEM;
        return NULL;
    }
    char key[256];
    size_t k = 0;
    for (size_t i = 0; i < doc->mentions.count; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        /* (use_of is set for the first mentions with a use only) */
        if (m->kind != FL_M_CODE || !folds->inited[i] || !use_of[folds->same[i]])
            continue;
        const fl_name_use *u = &uses[use_of[folds->same[i]] - 1];
        const char *form, *family;
        if (m->family && u->form == m->surface && u->form_len == m->len) {
            /* the whole surface: the mention's own family key */
            size_t flen = strlen(m->family);
            if (flen == 0 || flen >= sizeof key)
                continue;
            form = m->surface;
            family = m->family;
        } else {
            size_t flen = fl_family(u->form, u->form_len, key, sizeof key);
            if (flen == 0 || flen >= sizeof key)
                continue;
            form = fl_arena_strndup(doc->arena, u->form, u->form_len);
            family = fl_arena_strndup(doc->arena, key, flen);
            if (!form || !family) {
                doc->status = FL_ENOMEM;
                return NULL;
            }
        }
        fams[k++] = (family_use){family, u->key, form};
    }
    *nfam = k;
    return fams;
}

static void run(fl_doc *doc)
{
    size_t total = doc->mentions.count;
    if (total < 2)
        return;
    /* scratch, freed when the check ends (the findings hold no pointer
     * into it: their texts are copies) */
    fl_scratch *scratch = &doc->scratch;
    /* the uses as fl_name_use_init makes them, shared with the fold-keyed
     * name checks (the same kinds of mention) */
    fl_name_folds *folds = fl_name_folds_get(doc);
    if (!folds)
        return;
    size_t nwanted = folds->named;
    /* the mentions' uses, then the token runs */
    fl_name_use_list all;
    if (!fl_name_use_list_init(doc, &all, nwanted + nwanted / 2 + 16))
        return;
    fl_scratch_note(scratch, all.items);
    /* in one arena block (one call, not two, per document): by mention
     * (set for the first mentions of their surfaces with a use), the
     * index of its use here + 1 (0: none); and the keys' first JOIN_ROOM
     * joinable bytes, zeroed */
    uint32_t *use_of = fl_scratch_note(
        scratch, fl_arena_alloc_uninit(doc->arena, (total + 1) * sizeof(uint32_t) + JOIN_ROOM));
    if (!use_of) {
        doc->status = FL_ENOMEM;
        return;
    }
    unsigned char *join_room = (unsigned char *)(use_of + total + 1);
    memset(join_room, 0, JOIN_ROOM);
    fl_name_use *uses = all.items;
    /* n: the uses made (one per surface: a mention that repeats one
     * brings no form of its own, and its use is made only for a key
     * written in several forms) */
    size_t n = 0;
    /* the keys of the mentions and of the tokens that are names on their
     * own (camel case, hyphenated, codes, mixed scripts), unique */
    name_keys keys;
    keys.joinable = join_room;
    keys.jcap = JOIN_ROOM;
    memset(keys.ends, 0, sizeof keys.ends);
    memset(keys.ends3, 0, sizeof keys.ends3);
    /* the fold keys (KEY_USED once a use has one), and about as many
     * skeleton keys again as fold keys, and some tokens' */
    if (!fl_name_keys_init_copy(doc, &keys.set, &folds->set,
                                folds->set.count + doc->tokens.count / 64))
        return;
    while (keys.jcap < folds->set.count)
        if (!joinable_grow(doc, &keys))
            return;
    /* (in locals: the stores to the uses might change folds and doc for
     * all gcc knows) */
    const fl_mention *mentions = doc->mentions.items;
    /* the first mentions of their surfaces only (the folds' list): a
     * later one has the first's use but for the place (its form is the
     * first's, so the key is already as joinable as it makes it), and
     * its entry among the folds' */
    const uint32_t *firsts = folds->firsts;
    const size_t nfirsts = folds->nfirsts;
    for (size_t f = 0; f < nfirsts; f++) {
        const size_t i = firsts[f];
        use_of[i] = 0;
        const fl_mention *m = &mentions[i];
        const fl_name_use *fu = &folds->uses[i];
        fl_name_use *u = &uses[n];
        *u = *fu;
        u->key_is_fold = false;
        /* the fold key is the mention's own fold, and its skeleton is
         * that string (one memo entry): the same key, with its id in the
         * copy of the fold keys (u->group, as fu's) */
        if (!fu->key || fu->key != m->skeleton) {
            u->key = NULL;
            bool keyed;
            /* fl_name_use_set_key with fl_skeleton, knowing the use is
             * the folds' of mention i (its form starts the surface, a
             * suffix only on a code); a key made, not the mention's own,
             * was made with the fold key where the mention has its own
             * fold and skeleton (the folds refused the own fold for the
             * same reasons) */
            if (!fl_name_use_own_key(m, u, m->skeleton, false, &keyed)) {
                if (m->fold && m->skeleton) {
                    const fl_name_skel *sk = &folds->skels[i];
                    keyed = sk->key != NULL;
                    if (keyed) {
                        u->key = sk->key;
                        u->key_len = (uint32_t)sk->len;
                    }
                } else if (!fl_name_use_make_key(doc, u, fl_skeleton, &keyed)) {
                    return;
                }
            }
            if (!keyed)
                continue;
            /* (the fold key itself, sk's: its id, u->group, as above) */
            if (u->key != fu->key) {
                /* (whether its form makes the key joinable: found only
                 * for a key a run has, key_joinable) */
                size_t id = add_key(doc, &keys, u->key, u->key_len, false, false);
                if (id == FL_NAME_NO_KEY)
                    return;
                u->group = (uint32_t)id;
            }
        }
        keys.joinable[u->group] |= KEY_USED;
        note_ends(&keys, u->key, u->key_len);
        use_of[i] = (uint32_t)(n + 1);
        n++;
    }
    if (n == 0)
        return;
    all.count = n;

    /* the entries in offset order (a copy, sorted, when the mentions are
     * not: the folds' are shared) */
    const fl_name_entry *entries = folds->entries;
    const size_t nentries = folds->nentries;
    if (folds->entries_unsorted) {
        fl_name_entry *sorted = fl_scratch_note(
            scratch, fl_arena_alloc_uninit(doc->arena, (nentries + 1) * sizeof *sorted));
        if (!sorted) {
            doc->status = FL_ENOMEM;
            return;
        }
        memcpy(sorted, entries, (nentries + 1) * sizeof *sorted);
        qsort(sorted, nentries, sizeof *sorted, span_order);
        entries = sorted;
    }
    const span_cursor spans = {entries, use_of};
    size_t ncand = 0;
    candidate *cands = fl_scratch_note(
        scratch, scan_tokens(doc, &keys, spans, uses, &ncand, &folds->caps_sentence));
    if (!cands)
        return;
    find_runs(doc, cands, ncand, &keys, spans, &all, n);
    if (doc->status != FL_OK)
        return;
    /* only a key written in several forms is compared: the mentions that
     * repeat a surface join the uses of those keys alone (in any order:
     * the uses are sorted by key, form, offset and mention) */
    size_t any;
    const bool *marked = fl_name_uses_several(doc, all.items, all.count, &keys.set, &any);
    if (!marked || !any)
        return;
    /* the codes' families, for the groups compared (sorted only if some
     * group asks) */
    size_t nfam;
    family_use *fams = code_families(doc, folds, all.items, use_of, folds->codes, &nfam);
    if (!fams)
        return;
    bool fams_sorted = false;
    for (size_t e = 0; e < nentries; e++) {
        const fl_name_entry *se = &entries[e];
        const uint32_t use = use_of[se->first];
        if (se->first == se->mention || !use || !marked[all.items[use - 1].group])
            continue;
        fl_name_use *u = fl_name_use_list_push(doc, &all);
        if (!u)
            return;
        *u = all.items[use - 1];
        u->mention = se->mention;
        u->sentence = (uint32_t)FL_DOC_MENTION(doc, se->mention)->sentence;
        u->off = se->off;
    }
    uses = all.items;
    n = fl_name_uses_keep_marked(doc, uses, all.count, &keys.set, marked);
    if (n == FL_NAME_NO_KEY)
        return;
    size_t nkeys = keys.set.count;
    group *groups =
        fl_scratch_note(scratch, fl_arena_alloc_uninit(doc->arena, (n + 1) * sizeof *groups));
    if (!groups) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t ng = 0;
    fl_difference pair; /* prepare_group's for the group made last */
    nv_state st;
    fl_vec_init(&st.reported, sizeof(span));
    for (size_t r = 0; r < n && doc->status == FL_OK;) {
        bool several;
        size_t end = fl_name_uses_run(uses, n, r, &several);
        if (ng < nkeys &&
            prepare_group(doc, uses + r, end - r, fams, nfam, &fams_sorted, &groups[ng], &pair)) {
            report_group(doc, &st, &groups[ng], 0);
            ng++;
        }
        r = end;
    }
    for (size_t i = 0; i < ng && doc->status == FL_OK; i++)
        report_group(doc, &st, &groups[i], 1);
    /* (the list as it ends, when it grew) */
    fl_scratch_note(scratch, all.items);
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
     "differences (F-35 and F35, Time Warner and TimeWarner) are warnings. Besides the "
     "extracted names, runs of one to three capitalized or numbered words that spell a name "
     "of the document another way are compared (Quill DB beside QuillDB, Kinsei Hartwell "
     "inside a longer name beside Kinsei-Hartwell, a Cyrillic М4 beside M4); a run of "
     "several words joins only a name written in parts or in camel case, so Air Port is "
     "never compared with the word Airport. The suggested form is the lexicon's, else the "
     "one that fits the shape of its family in the document (H20 beside H100), else the more "
     "frequent, else the first used; a word mixing Latin with Cyrillic or Greek letters is "
     "never suggested. Case-only differences are left to name-casing."},
    run,
    true};

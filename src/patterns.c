/* patterns.c - the mention patterns: compiled once per checker (PCRE2 with
 * JIT), anchored, and shared read-only across threads. Each match call is
 * bounded by a match-context limit; per-document match data is created by
 * the caller (fl_find_mentions). */
#include "mentions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Regex work allowed per match call. The patterns are anchored and only
 * tried at candidate positions, so real text needs a tiny fraction of it. */
enum { FL_MATCH_LIMIT = 200000, FL_DEPTH_LIMIT = 2000 };

struct fl_patterns {
    pcre2_code *code[FL_RE_COUNT];
    pcre2_match_context *mctx;
    fl_word_table words; /* fl_word_table_build */
};

/* ------------------------------------------------------- building blocks */

#define NUM "(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\\.[0-9]+)?"
#define WEEKDAYS                                                                                   \
    "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"                                    \
    "|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\\.)"
#define MONTHS_FULL                                                                                \
    "(January|February|March|April|May|June|July|August|September|October|November|December)"
#define MONTHS_ABBR "(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
#define DAY "(3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])"
#define YEAR_RAW "(1[89][0-9][0-9]|20[0-9][0-9])"
#define YEAR YEAR_RAW "(?![\\p{L}\\p{N}])"
#define POSSESSIVE "(?:['\u2019]s)?"
#define NOT_WORD "(?![\\p{L}\\p{N}]|[.,][0-9])"

/* Roles, longest first: an alternative that is a prefix of another must
 * come after it ("chief executive officer" before "chief executive"). */
#define ROLES                                                                                      \
    "(?i:chief executive officer|chief executive|chief financial officer"                          \
    "|chief operating officer|chief technology officer|chief technical officer"                    \
    "|chief information officer|chief marketing officer|chief scientist|chief economist"           \
    "|chief strategist|chief of staff|chief justice|associate justice|chief minister"              \
    "|first officer|general counsel|justice (?:minister|secretary)"                                \
    "|justice(?!\\s+(?:Department|Ministry|Division|Committee|Commission|Party|League|Court"       \
    "|Council|Office|Service|System|Select|Reform|Centre|Center)\\b)|captain"                      \
    "|vice[- ]president|vice[- ]chair(?:man|woman|person)?|deputy prime minister"                  \
    "|prime minister|first minister|foreign minister|finance minister|defen[cs]e minister"         \
    "|health minister|foreign secretary|home secretary|health secretary|business secretary"        \
    "|treasury secretary|commerce secretary|defen[cs]e secretary|energy secretary"                 \
    "|transport secretary|press secretary|secretary of state"                                      \
    "|secretary of (?:commerce|defen[cs]e|energy|the treasury|the interior|labor"                  \
    "|transportation|agriculture)"                                                                 \
    "|secretary[- ]general|attorney general|managing director|executive director"                  \
    "|general manager|shadow chancellor|chancellor|president|chair(?:man|woman|person)?"           \
    "|co-?founder|founder|senator|congress(?:man|woman)|representative|governor|mayor"             \
    "|minister|secretary|ambassador|commissioner|spokes(?:man|woman|person)|analyst"               \
    "|economist|professor|king|queen|prince|princess|pope|judge|sheriff|lawmaker)"
#define ROLE_ABBR                                                                                  \
    "CEO|CFO|COO|CTO|CIO|CMO|Sen\\.|Rep\\.|Gov\\.|Gen\\.|Lt\\.|Col\\.|Capt\\.|Sgt\\.|Adm\\."       \
    "|Dr\\.?|Prof\\.?|Rev\\.|Pres\\.|Supt\\.|Det\\.|Insp\\."
#define ROLE_MODIFIER "(?:((?i:former|acting|interim|outgoing|incoming|then)[ -]|(?i:ex)-))?"

/* The head words of FL_RE_CODE_NAMENUM and FL_RE_HONORIFIC, also spelled
 * out in their prefilters (fl_namenum_head, fl_honorific_word, which
 * fl_patterns_new checks take each of them): a head is followed by a
 * space or a dot, so it is a whole word of the text. */
#define NAMENUM_HEADS                                                                              \
    "Section|Flight|Article|Windows|iPhone|iPad|Galaxy|Pixel|Model|Apollo|"                        \
    "Artemis|Falcon|Xbox|PlayStation|Surface|Android|Llama|Route|"                                 \
    "Interstate|Proposition|Amendment"
#define HONORIFICS "Mr|Mrs|Ms|Mx|Mme|Messrs|Sir|Dame"

static const char *const pattern_source[FL_RE_COUNT] = {
    [FL_RE_MONEY_SYM] = "(US|U\\.S\\.|A|AU|C|CA|HK|NZ|S)?(\\$|\u00a3|\u20ac|\u00a5)\\s?(" NUM ")",
    [FL_RE_MONEY_CODE] = "(USD|GBP|EUR|JPY|CNY|CHF|AUD|CAD|INR)\\s?(" NUM ")",
    [FL_RE_MONEY_TAIL] = "\\s+(?:(US|U\\.S\\.|American|Australian|Canadian|Hong\\sKong|New\\s"
                         "Zealand|Singapore)\\s+)?(dollars?|euros?|pounds?\\s+sterling|pounds?|"
                         "yen|yuan|renminbi|rupees?|(?:Swiss\\s+)?francs?)(?![\\p{L}])",
    [FL_RE_PERCENT_TAIL] = "(?:\\s?%|\\s?\uff05|\\s+per\\s?cent(?![\\p{L}])|\\s+percent(?![\\p{"
                           "L}])|pc(?![\\p{L}]))",
    [FL_RE_DATE_MDY] = "(?:" WEEKDAYS ",?\\s+)?(?:" MONTHS_FULL "|" MONTHS_ABBR
                       "\\.?)\\s+(?:the\\s+)?" DAY "(?:,?\\s+" YEAR ")?",
    [FL_RE_DATE_DMY] = "(?:" WEEKDAYS ",?\\s+)?(?:the\\s+)?" DAY "(?:\\s+of)?\\s+(?:" MONTHS_FULL
                       "|" MONTHS_ABBR "\\.?)(?![\\p{L}])(?:,?\\s+" YEAR ")?",
    [FL_RE_DATE_MY] = MONTHS_FULL "(?![\\p{L}])(?:,?\\s+" YEAR ")?",
    [FL_RE_DATE_ISO] = YEAR_RAW "-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(?![\\p{N}-])",
    [FL_RE_YEAR] = YEAR_RAW "(?![\\p{L}\\p{N}%]|[.,][0-9]|\\s+fiscal|[-\u2013/][0-9])",
    [FL_RE_WEEKDAY] = WEEKDAYS "(?![\\p{L}])" POSSESSIVE,
    [FL_RE_AGE_YEAROLD] = "([0-9]{1,3})[- ]years?[- ]old(?![\\p{L}-])",
    [FL_RE_AGE_AGED] = "aged\\s+([0-9]{1,3})(?![\\p{N}%-]|[.,][0-9])",
    [FL_RE_AGE_COMMA] = ",\\s([0-9]{1,3})(?:,(?![0-9])|\\.(?=\\s|$))",
    [FL_RE_CODE_ALNUM] = "[A-Za-z0-9]+(?:-[A-Za-z]*[0-9][A-Za-z0-9]*)*(?:\\.[0-9]+(?![0-9]))?"
                         "(?![\\p{L}\\p{N}])" POSSESSIVE "(?![\\p{L}\\p{N}])",
    [FL_RE_CODE_HEADNUM] = "(\\p{Lu}{2,6})\\s([0-9]{1,5}[A-Za-z]?)(?:\\s(?:Ti|SUPER|Super|XTX|XT|"
                           "Pro|Max|Ultra|Plus|Mini|mini))?" POSSESSIVE NOT_WORD,
    [FL_RE_CODE_NAMENUM] =
        "(?:" NAMENUM_HEADS ")\\s([0-9]{1,4}[A-Za-z]?)(?:\\s(?:"
        "Pro\\sMax|Pro|Max|Plus|Ultra|Mini|mini|SE|XL|Fold|Flip))?" POSSESSIVE NOT_WORD,
    [FL_RE_CODE_NUMSUFFIX] = "([0-9]{3})(?:-[0-9]{1,3})?\\s(?:MAX|NG|neo|XWB)(?:\\s[0-9]{1,2})?"
                             "(?![0-9])" POSSESSIVE NOT_WORD,
    [FL_RE_TITLE_PRE] = ROLE_MODIFIER "(?:(" ROLE_ABBR ")|(" ROLES "))\\s+(?=\\p{Lu})",
    [FL_RE_HONORIFIC] = "(?:" HONORIFICS ")\\.?\\s+(?=\\p{Lu})",
    [FL_RE_TITLE_POST] =
        ",\\s+(?:(?:the|its|his|her|their|a|an)\\s+|(?:\\p{Lu}[\\p{L}\\p{N}&.-]*"
        "\\s+){0,3}\\p{Lu}[\\p{L}\\p{N}&.-]*(?:'s|\u2019s)\\s+)?" ROLE_MODIFIER
        "(?:(CEO|CFO|COO|CTO|CIO|CMO)|(" ROLES "))(?=\\s*[,.;:)]|\\s+(?:of|at|for|in)\\b|\\s*$)",
    [FL_RE_ACRONYM] = "((?:\\p{Lu}\\.){2,}|\\p{Lu}(?:\\p{Lu}|&(?=\\p{Lu}))+)(s|['\u2019]s)?(?![\\p{"
                      "L}\\p{N}])",
};

/* Whether accepts() takes every |-separated word of alternatives. */
static bool takes_all(bool (*accepts)(const char *, size_t), const char *alternatives)
{
    for (const char *a = alternatives;;) {
        const char *bar = strchr(a, '|');
        size_t n = bar ? (size_t)(bar - a) : strlen(a);
        if (!accepts(a, n))
            return false;
        if (!bar)
            return true;
        a = bar + 1;
    }
}

/* ------------------------------------------------------------- lifecycle */

fl_status fl_patterns_new(fl_patterns **out, fl_error *err)
{
    *out = NULL;
    const char *no_jit_env = getenv("FACTLINT_NO_JIT");
    bool no_jit = no_jit_env && *no_jit_env;
    fl_patterns *p = calloc(1, sizeof *p);
    if (!p)
        return FL_ENOMEM;
    p->mctx = pcre2_match_context_create(NULL);
    if (!p->mctx) {
        fl_patterns_free(p);
        return FL_ENOMEM;
    }
    pcre2_set_match_limit(p->mctx, FL_MATCH_LIMIT);
    pcre2_set_depth_limit(p->mctx, FL_DEPTH_LIMIT);
    fl_word_table_build(&p->words);
    if (!takes_all(fl_namenum_head, NAMENUM_HEADS) || !takes_all(fl_honorific_word, HONORIFICS)) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = FL_EPATTERN;
            snprintf(err->message, sizeof err->message,
                     "built-in head words disagree with their patterns");
        }
        fl_patterns_free(p);
        return FL_EPATTERN;
    }
    for (int i = 0; i < FL_RE_COUNT; i++) {
        int code;
        PCRE2_SIZE at;
        p->code[i] =
            pcre2_compile((PCRE2_SPTR)pattern_source[i], PCRE2_ZERO_TERMINATED,
                          PCRE2_UTF | PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, &code, &at, NULL);
        if (!p->code[i]) {
            if (err) {
                memset(err, 0, sizeof *err);
                err->status = FL_EPATTERN;
                char msg[160];
                pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof msg);
                snprintf(err->message, sizeof err->message,
                         "built-in pattern %d does not compile at offset %zu: %s", i, (size_t)at,
                         msg);
            }
            fl_patterns_free(p);
            return FL_EPATTERN;
        }
        /* without JIT support the interpreter runs the same patterns;
         * FACTLINT_NO_JIT makes that choice for valgrind, which cannot
         * follow JIT-compiled code and reports its reads as uninitialised */
        if (!no_jit)
            (void)pcre2_jit_compile(p->code[i], PCRE2_JIT_COMPLETE);
    }
    *out = p;
    return FL_OK;
}

void fl_patterns_free(fl_patterns *patterns)
{
    if (!patterns)
        return;
    for (int i = 0; i < FL_RE_COUNT; i++)
        pcre2_code_free(patterns->code[i]);
    pcre2_match_context_free(patterns->mctx);
    free(patterns);
}

pcre2_code *fl_patterns_code(const fl_patterns *patterns, fl_re_id id)
{
    return patterns->code[id];
}

pcre2_match_context *fl_patterns_match_context(const fl_patterns *patterns)
{
    return patterns->mctx;
}

const fl_word_table *fl_patterns_words(const fl_patterns *patterns)
{
    return &patterns->words;
}

const char *fl_pattern_source(int id)
{
    return id >= 0 && id < FL_RE_COUNT ? pattern_source[id] : NULL;
}

/* Whether w[0..len) is the literal lit. */
static bool word_is(const char *w, size_t len, const char *lit)
{
    return strlen(lit) == len && memcmp(w, lit, len) == 0;
}

/* The head words by their first letter, as NAMENUM_HEADS lists them (the
 * lists are checked against each other when the patterns are built). */
bool fl_namenum_head(const char *w, size_t len)
{
    if (len < 4 || len > 11)
        return false;
    switch (w[0]) {
    case 'A':
        return word_is(w, len, "Article") || word_is(w, len, "Apollo") ||
               word_is(w, len, "Artemis") || word_is(w, len, "Android") ||
               word_is(w, len, "Amendment");
    case 'F':
        return word_is(w, len, "Flight") || word_is(w, len, "Falcon");
    case 'G':
        return word_is(w, len, "Galaxy");
    case 'I':
        return word_is(w, len, "Interstate");
    case 'L':
        return word_is(w, len, "Llama");
    case 'M':
        return word_is(w, len, "Model");
    case 'P':
        return word_is(w, len, "Pixel") || word_is(w, len, "PlayStation") ||
               word_is(w, len, "Proposition");
    case 'R':
        return word_is(w, len, "Route");
    case 'S':
        return word_is(w, len, "Section") || word_is(w, len, "Surface");
    case 'W':
        return word_is(w, len, "Windows");
    case 'X':
        return word_is(w, len, "Xbox");
    case 'i':
        return word_is(w, len, "iPhone") || word_is(w, len, "iPad");
    default:
        return false;
    }
}

/* The honorifics by their length, as HONORIFICS lists them (checked as
 * fl_namenum_head's words are). */
bool fl_honorific_word(const char *w, size_t len)
{
    switch (len) {
    case 2:
        return w[0] == 'M' && (w[1] == 'r' || w[1] == 's' || w[1] == 'x');
    case 3:
        return word_is(w, len, "Mrs") || word_is(w, len, "Mme") || word_is(w, len, "Sir");
    case 4:
        return word_is(w, len, "Dame");
    case 6:
        return word_is(w, len, "Messrs");
    default:
        return false;
    }
}

/* fact_date.c - one event dated two ways.
 *
 * An event is an event word (a verb or its noun: released/release,
 * signed/signing, died/death, founded, filed/filing...) attached to a date
 * mention, plus its subject: the named entities (names, codes, acronyms)
 * between the event word and the date, or else the one nearest the event
 * word in the sentence; a name after a preposition ("in Lisbon", "on PC")
 * is a place, platform or time and never the subject. Attachment: the event word a few words before
 * the date
 * ("released its model, Corvid-2, in January"), the noun right after it
 * ("its February release"), or the first event word after a date that
 * opens the sentence ("In February, Kestrel recalled...").
 *
 * A field line ("Released: March 4, 2025") dates its event; other
 * headlines are not read. A date between a determiner and its event noun
 * ("after the March 14 release") dates that event whatever bounds it.
 *
 * Left out: dates in ranges and limits (from, between, until, by, before,
 * after, "to"), and sentences that plan, negate, repeat or hedge (scheduled,
 * expected, delayed, originally, will, not, again, first...). An event word
 * in a sentence that says an event moved (delayed, postponed, rescheduled,
 * originally) silences that kind of event for the whole document.
 *
 * Bucketing: one record per (event kind, subject entity) and date; the
 * records are sorted by that key and each run is one event. A dated event
 * without a named subject is keyed by the noun before its word ("the round
 * closed"); such events, and those with no subject at all, join the event
 * kind's only named subject when it has exactly one; otherwise noun-keyed
 * events are compared among themselves and subjectless ones not at all. Within an event, the year,
 * then the month, then the day that most records agree on (ties: the first) wins and a record that
 * differs from it in another sentence is flagged. Three or more different values at one level mean
 * several events, and the bucket is left alone. */
#include "fact_common.h"

#include <stdio.h>

enum {
    EV_NONE,
    EV_RELEASE,
    EV_LAUNCH,
    EV_SIGN,
    EV_DEATH,
    EV_BIRTH,
    EV_FOUND,
    EV_ANNOUNCE,
    EV_UNVEIL,
    EV_OPEN,
    EV_CLOSE,
    EV_FILE,
    EV_APPROVE,
    EV_ELECT,
    EV_ARREST,
    EV_DECIDE,
    EV_RULE,
    EV_SUSPEND,
    EV_GROUND,
    EV_RESIGN,
    EV_PUBLISH,
    EV_RECALL,
    EV_WALKOUT,
    EV_CRASH,
    EV_MARRY,
    EV_CONVICT,
    EV_COMPLETE,
    EV_COUNT
};

static const char *const kind_name[EV_COUNT] = {"",
                                                "release",
                                                "launch",
                                                "signing",
                                                "death",
                                                "birth",
                                                "founding",
                                                "announcement",
                                                "unveiling",
                                                "opening",
                                                "closing",
                                                "filing",
                                                "approval",
                                                "election",
                                                "arrest",
                                                "decision",
                                                "ruling",
                                                "suspension",
                                                "groundbreaking",
                                                "resignation",
                                                "publication",
                                                "recall",
                                                "walkout",
                                                "crash",
                                                "wedding",
                                                "conviction",
                                                "completion"};

/* Event words, sorted by `word` (a first letter's words are one run):
 * past-tense verbs and nouns
 * date an event; base forms only show that a kind of event moved ("was due
 * to open in 2020"). */
typedef enum event_form { EW_VERB, EW_NOUN, EW_BASE } event_form;

typedef struct event_word {
    const char *word;
    int kind;
    event_form form;
} event_word;

static const event_word event_words[] = {
    {"announce", EV_ANNOUNCE, EW_BASE},
    {"announced", EV_ANNOUNCE, EW_VERB},
    {"announcement", EV_ANNOUNCE, EW_NOUN},
    {"approval", EV_APPROVE, EW_NOUN},
    {"approve", EV_APPROVE, EW_BASE},
    {"approved", EV_APPROVE, EW_VERB},
    {"arrest", EV_ARREST, EW_NOUN},
    {"arrested", EV_ARREST, EW_VERB},
    {"birth", EV_BIRTH, EW_NOUN},
    {"born", EV_BIRTH, EW_VERB},
    {"close", EV_CLOSE, EW_BASE},
    {"closed", EV_CLOSE, EW_VERB},
    {"closes", EV_CLOSE, EW_BASE},
    {"closing", EV_CLOSE, EW_NOUN},
    {"complete", EV_COMPLETE, EW_BASE},
    {"completed", EV_COMPLETE, EW_VERB},
    {"completion", EV_COMPLETE, EW_NOUN},
    {"convicted", EV_CONVICT, EW_VERB},
    {"conviction", EV_CONVICT, EW_NOUN},
    {"crash", EV_CRASH, EW_NOUN},
    {"crashed", EV_CRASH, EW_VERB},
    {"death", EV_DEATH, EW_NOUN},
    {"debut", EV_LAUNCH, EW_NOUN},
    {"debuted", EV_LAUNCH, EW_VERB},
    {"decide", EV_DECIDE, EW_BASE},
    {"decided", EV_DECIDE, EW_VERB},
    {"decision", EV_DECIDE, EW_NOUN},
    {"died", EV_DEATH, EW_VERB},
    {"elect", EV_ELECT, EW_BASE},
    {"elected", EV_ELECT, EW_VERB},
    {"file", EV_FILE, EW_BASE},
    {"filed", EV_FILE, EW_VERB},
    {"filing", EV_FILE, EW_NOUN},
    {"founded", EV_FOUND, EW_VERB},
    {"founding", EV_FOUND, EW_NOUN},
    {"groundbreaking", EV_GROUND, EW_NOUN},
    {"launch", EV_LAUNCH, EW_NOUN},
    {"launched", EV_LAUNCH, EW_VERB},
    {"launches", EV_LAUNCH, EW_BASE},
    {"married", EV_MARRY, EW_VERB},
    {"open", EV_OPEN, EW_BASE},
    {"opened", EV_OPEN, EW_VERB},
    {"opening", EV_OPEN, EW_NOUN},
    {"opens", EV_OPEN, EW_BASE},
    {"publication", EV_PUBLISH, EW_NOUN},
    {"publish", EV_PUBLISH, EW_BASE},
    {"published", EV_PUBLISH, EW_VERB},
    {"recall", EV_RECALL, EW_BASE},
    {"recalled", EV_RECALL, EW_VERB},
    {"release", EV_RELEASE, EW_NOUN},
    {"released", EV_RELEASE, EW_VERB},
    {"releases", EV_RELEASE, EW_BASE},
    {"resign", EV_RESIGN, EW_BASE},
    {"resignation", EV_RESIGN, EW_NOUN},
    {"resigned", EV_RESIGN, EW_VERB},
    {"rule", EV_RULE, EW_BASE},
    {"ruled", EV_RULE, EW_VERB},
    {"ruling", EV_RULE, EW_NOUN},
    {"sign", EV_SIGN, EW_BASE},
    {"signed", EV_SIGN, EW_VERB},
    {"signing", EV_SIGN, EW_NOUN},
    {"signs", EV_SIGN, EW_BASE},
    {"suspended", EV_SUSPEND, EW_VERB},
    {"suspension", EV_SUSPEND, EW_NOUN},
    {"unveil", EV_UNVEIL, EW_BASE},
    {"unveiled", EV_UNVEIL, EW_VERB},
    {"unveiling", EV_UNVEIL, EW_NOUN},
    {"walkout", EV_WALKOUT, EW_NOUN},
    {"wedding", EV_MARRY, EW_NOUN},
};

/* A sentence that plans, negates, repeats or hedges an event. */
static const char *const unsure_cues[] = {"schedul*",    "plan",
                                          "plans",       "planned",
                                          "planning",    "expect*",
                                          "due",         "delay*",
                                          "postpon*",    "original*",
                                          "initial*",    "reschedul*",
                                          "pushed back", "brought forward",
                                          "will",        "would",
                                          "could",       "might",
                                          "should",      "set to",
                                          "aim*",        "hope*",
                                          "target*",     "deadline*",
                                          "estimat*",    "forecast*",
                                          "project*",    "tentativ*",
                                          "if",          "unless",
                                          "suppos*",     "intend*",
                                          "was to",      "were to",
                                          "not",         "never",
                                          "didn't",      "wasn't",
                                          "hasn't",      "haven't",
                                          "again",       "first",
                                          "second",      "third",
                                          "latest",      "previous*",
                                          "earlier",     "another",
                                          "each",        "every",
                                          "annual*",     "re-*",
                                          "or",          "either",
                                          "rumo*",       "reportedly",
                                          "believed",    "thought to",
                                          "said to",     "claim*",
                                          "alleg*",      "wrongly",
                                          "mistaken*",   NULL};

/* A sentence saying an event moved: that kind of event is left alone. */
static const char *const moved_cues[] = {
    "delay*",          "postpon*",        "reschedul*", "pushed back",
    "brought forward", "moved",           "original*",  "initial*",
    "correct*",        "earlier version", NULL};

/* A cheap first look for moved_cues: a word starting with the stem of
 * one (delay, postpon, reschedul, pushed, brought, moved, original,
 * initial, correct, earlier). */
static bool moved_cue_word(const fl_doc *doc, const fl_sentence *sen)
{
#define STEM(s)                                                                                    \
    {                                                                                              \
        s, sizeof s - 1                                                                            \
    }
    static const struct {
        const char *stem;
        size_t len;
    } stems[] = {STEM("delay"),   STEM("postpon"), STEM("reschedul"), STEM("pushed"),
                 STEM("brought"), STEM("moved"),   STEM("original"),  STEM("initial"),
                 STEM("correct"), STEM("earlier")};
#undef STEM
    /* their first letters, d p r b m o i c e, as bits c - 'a' */
    const uint32_t firsts = 1u << ('d' - 'a') | 1u << ('p' - 'a') | 1u << ('r' - 'a') |
                            1u << ('b' - 'a') | 1u << ('m' - 'a') | 1u << ('o' - 'a') |
                            1u << ('i' - 'a') | 1u << ('c' - 'a') | 1u << ('e' - 'a');
    for (size_t t = sen->first_token; t < sen->first_token + sen->token_count; t++) {
        const fl_token *tok = FL_DOC_TOKEN(doc, t);
        if (tok->kind != FL_TOK_WORD || tok->len < 5)
            continue;
        const char *w = doc->prose.text + tok->off;
        char c = fl_ctx_lower(w[0]);
        unsigned b = (unsigned)(unsigned char)c - 'a';
        if (b >= 26 || !(firsts >> b & 1u))
            continue;
        for (size_t k = 0; k < sizeof stems / sizeof stems[0]; k++) {
            size_t n = stems[k].len;
            if (stems[k].stem[0] != c || tok->len < n)
                continue;
            size_t i = 1;
            while (i < n && fl_ctx_lower(w[i]) == stems[k].stem[i])
                i++;
            if (i == n)
                return true;
        }
    }
    return false;
}

/* Words right before a date that make it a bound, not the event's date. */
static const char *const bound_words[] = {
    "until",  "till",  "through", "thru",       "between", "from", "to",   "by",
    "before", "after", "than",    "and",        "or",      "nor",  "next", "last",
    "every",  "each",  "within",  "throughout", "pre",     "post", NULL};

/* Words right after a date that make it one end of a range or list. */
static const char *const range_words[] = {"to",  "through", "thru", "until", "till",
                                          "and", "or",      "nor",  NULL};

/* Words that end the search for an event word before the date. */
static const char *const stop_words[] = {
    "said", "says",     "say",    "told", "tells", "added", "adds",  "noted", "according",
    "that", "which",    "who",    "whom", "whose", "when",  "where", "while", "because",
    "but",  "although", "though", "as",   "and",   "so",    "then",  "than",  NULL};

/* Modifiers that may stand between a preposition and its date. */
static const char *const date_modifiers[] = {"early", "late", "mid", "the", NULL};

/* Event words (and "ground", "out", "off") by first letter a-z: the
 * lengths (bit n) they have, and by first letter, length and last byte
 * (back_last, with the stop words'), so that most words are turned away
 * at once, and where each letter's run of event_words starts. */
enum { EV_WORDS = sizeof event_words / sizeof event_words[0] };
/* (stop_words has 26 words: the table stays under half full) */
enum { STOP_SLOT_BITS = 6, STOP_SLOTS = 1 << STOP_SLOT_BITS };
#define BACK_EV 0xffffffffull
#define BACK_STOP (BACK_EV << 32)
typedef struct ev_filter {
    /* the event words of first letter c and length n (3 to 14):
     * by_shape[at[16 * c + n]..at[16 * c + n + 1]) */
    uint8_t at[16 * 26 + 1];
    uint8_t by_shape[EV_WORDS];
    uint8_t len[EV_WORDS]; /* the event words' lengths */
    uint64_t w8[EV_WORDS]; /* their first eight bytes (fc_load8_upto) */
    /* by fc_bucket and length (15 for 15 or more): the last bytes
     * (fc_last_bit) of the event words, "ground", "out" and "off" (bits 0
     * to 31, BACK_EV), and of the stop_words (the same bits 32 up,
     * BACK_STOP), so that a word is looked up only in a list that may hold
     * it, and attach's walks test a word for both lists at once */
    uint64_t back_last[27][16];
    /* by byte: fc_last_bit of it as a word's last byte (in both halves,
     * as back_last), and its fc_bucket (either case) as a word's first */
    uint64_t last_bit[256];
    uint8_t bucket[256];
    /* the stop_words by their first eight bytes (fc_low8; 0: an empty
     * place) with their lengths, open addressing: a word past back_last's
     * stop filter is one probe or two from its answer */
    uint64_t stop_w8[STOP_SLOTS];
    uint8_t stop_len[STOP_SLOTS], stop_index[STOP_SLOTS];
    /* by fc_bucket: the middle byte of the stop word of three bytes with
     * that first letter (0: none; each first letter has one at most) */
    char stop_mid3[27];
    /* by first letter and length as `at` (with "ground", "out" and
     * "off"): the second bytes of those words (bits fc_bucket), for
     * attach's walks */
    uint32_t second[16 * 26];
} ev_filter;

/* The place of a word's first eight bytes (fc_low8) in ev_filter's stop
 * table. */
static unsigned stop_slot(uint64_t v)
{
    return (unsigned)((v * 0x9E3779B97F4A7C15ull) >> (64 - STOP_SLOT_BITS));
}

static void ev_filter_add(ev_filter *f, const char *w)
{
    size_t n = strlen(w);
    f->back_last[w[0] - 'a'][n] |= fc_last_bit(w[n - 1]);
    f->second[16 * (size_t)(w[0] - 'a') + n] |= 1u << fc_bucket(w[1]);
}

/* Fills the event word filter (an fl_ctx_list_maker for event_words). */
static void ev_filter_make(void *data, const void *list)
{
    ev_filter *f = data;
    (void)list; /* event_words */
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < EV_WORDS; i++) {
        ev_filter_add(f, event_words[i].word);
        f->at[16 * (size_t)(event_words[i].word[0] - 'a') + strlen(event_words[i].word) + 1]++;
        f->len[i] = (uint8_t)strlen(event_words[i].word);
        f->w8[i] = fc_load8_upto(event_words[i].word, f->len[i], event_words[i].word + f->len[i]);
    }
    for (size_t k = 0; k < (size_t)16 * 26; k++)
        f->at[k + 1] = (uint8_t)(f->at[k + 1] + f->at[k]);
    uint8_t fill[16 * 26];
    memcpy(fill, f->at, sizeof fill);
    for (size_t i = 0; i < EV_WORDS; i++)
        f->by_shape[fill[16 * (size_t)(event_words[i].word[0] - 'a') + f->len[i]]++] = (uint8_t)i;
    ev_filter_add(f, "ground");
    ev_filter_add(f, "out");
    ev_filter_add(f, "off");
    for (const char *const *w = stop_words; *w; w++) {
        size_t n = strlen(*w);
        f->back_last[fc_bucket((*w)[0])][n < 15 ? n : 15] |=
            (uint64_t)(n ? fc_last_bit((*w)[n - 1]) : 0u) << 32;
        uint64_t v = fc_load8_upto(*w, n, *w + n);
        unsigned at = stop_slot(v);
        while (f->stop_w8[at])
            at = (at + 1) & (STOP_SLOTS - 1);
        f->stop_w8[at] = v;
        f->stop_len[at] = (uint8_t)n;
        f->stop_index[at] = (uint8_t)(w - stop_words);
        if (n == 3)
            f->stop_mid3[fc_bucket((*w)[0])] = (*w)[1];
    }
    for (unsigned c = 0; c < 256; c++) {
        unsigned b = (c | 0x20) - 'a';
        f->last_bit[c] = (uint64_t)fc_last_bit((char)c) << 32 | fc_last_bit((char)c);
        f->bucket[c] = (uint8_t)(b < 26 ? b : 26);
    }
}

/* The word lists read per token. */
enum { W_STOP, W_MODIFIERS, W_BOUNDS, W_RANGES, W_PREPS, W_AUXES, W_DETS, W_COUNT };

/* The tokens [first, past) of a date mention (first == past: none). */
typedef struct date_span {
    size_t first, past;
} date_span;

typedef struct ev_ctx {
    fl_doc *doc;
    /* the date mentions' tokens, in the order of fl_ctx_mentions_of
     * (`mentions`): run makes each date's own as it reads it, and spans
     * holds, below `made`, those that date_tok_at and date_tok_from read
     * ahead of it (all of them once date_tok is made); when they are in
     * token order without overlap (as fl_find_mentions makes them),
     * date_tok is NULL and whether a token lies in a date is told from
     * them (date_tok_at); otherwise date_tok marks each such token */
    date_span *spans;
    size_t nspans, made;
    const uint32_t *mentions;
    unsigned char *date_tok;
    size_t *sent_first;    /* per sentence: first entry in sent_mentions (made by
                              group_mentions on the first event) */
    size_t *sent_mentions; /* mention indices grouped by sentence */
    bool moved[EV_COUNT];
    /* the word lists: bounds, ranges and dets NULL until a date has an
     * event word, stop, preps and auxes until a kind is dated twice */
    const fc_words *stop, *modifiers, *bounds, *ranges, *preps, *auxes, *dets;
    const ev_filter *ev;
    /* without a workspace: made here */
    fc_words local_words[W_COUNT];
    ev_filter local_filter;
} ev_ctx;

/* event_word_at for a word that passed the filter: the event words of
 * its first letter (c0, 0-25) read in turn. */
static const event_word *event_word_lookup(const ev_ctx *cx, size_t t, const fl_token *tok,
                                           const char *w, unsigned c0)
{
    static const event_word ground = {"ground", EV_GROUND, EW_VERB};
    static const event_word walkout = {"out", EV_WALKOUT, EW_VERB};
    const fl_doc *doc = cx->doc;
    if (c0 == 'g' - 'a' && fc_eq(w, tok->len, "ground"))
        return t > 0 && fc_tok_is(doc, t - 1, "broke") ? &ground : NULL;
    if (c0 == 'o' - 'a' && (fc_eq(w, tok->len, "out") || fc_eq(w, tok->len, "off")))
        return t > 0 && fc_tok_is(doc, t - 1, "walked") ? &walkout : NULL;
    uint64_t v = fc_low8(w, tok->len, doc->prose.text + doc->prose.len);
    /* the event words of its first letter and length (event_word_at
     * keeps tok->len within 3 to 14) */
    size_t k = (size_t)16 * c0 + tok->len;
    for (size_t j = cx->ev->at[k]; j < cx->ev->at[k + 1]; j++) {
        size_t i = cx->ev->by_shape[j];
        if (fc_eq8(v, cx->ev->w8[i], w, tok->len, event_words[i].word))
            return &event_words[i];
    }
    return NULL;
}

/* The event word at token t, or NULL ("broke ground" and "walked out/off"
 * count as event words on their last token). */
static inline const event_word *event_word_at(const ev_ctx *cx, size_t t)
{
    const fl_doc *doc = cx->doc;
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    if (tok->kind != FL_TOK_WORD)
        return NULL;
    const char *w = doc->prose.text + tok->off;
    /* most words are turned away by their first letter, length and last
     * byte (event words are lower-case ASCII, 3 to 14 bytes: the mask is
     * empty for a word of another length, which then has no last byte
     * read) */
    unsigned b = cx->ev->bucket[(unsigned char)w[0]];
    uint64_t lasts = cx->ev->back_last[b][tok->len < 15 ? tok->len : 15] & BACK_EV;
    if (!lasts || !(lasts & cx->ev->last_bit[(unsigned char)w[tok->len - 1]]))
        return NULL;
    return event_word_lookup(cx, t, tok, w, b);
}

/* The kind of event dated by the word at token t (a verb or noun), or
 * EV_NONE; *noun tells whether it may follow its date. */
static inline int event_kind_at(const ev_ctx *cx, size_t t, bool *noun)
{
    const event_word *e = event_word_at(cx, t);
    if (!e || e->form == EW_BASE)
        return EV_NONE;
    *noun = e->form == EW_NOUN;
    return e->kind;
}

static bool is_punct(const fl_doc *doc, size_t t, char c)
{
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    return tok->kind == FL_TOK_PUNCT && tok->len >= 1 && doc->prose.text[tok->off] == c;
}

static inline __attribute__((always_inline)) bool is_hard_stop(const fl_doc *doc, size_t t)
{
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    if (tok->kind != FL_TOK_PUNCT)
        return false;
    char c = doc->prose.text[tok->off];
    return c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '?' || c == '!' ||
           (unsigned char)c == 0xe2; /* dashes and curly quotes */
}

/* Whether the word token t, past walk_word's stop filter (it has the
 * first letter, last letter and length of a stop word), is one of
 * stop_words, as fc_tok_in_words(doc, t, cx->stop) >= 0 tells: by its
 * first eight bytes, lower-cased, in the filter's table. Kept out of
 * line: few words get past the stop filter. */
static __attribute__((noinline)) bool stop_word_at(const fl_doc *doc, size_t t, const ev_filter *f)
{
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    const char *w = doc->prose.text + tok->off;
    size_t len = tok->len;
    /* a word that passed the stop filter has a stop word's first letter,
     * last letter and length: of two bytes it is that word ("as", "so"),
     * of three the one with its middle byte ("and", "who", "but", "say") */
    if (len <= 3)
        return len < 3 || fl_ctx_lower(w[1]) == f->stop_mid3[f->bucket[(unsigned char)w[0]]];
    uint64_t v = fc_low8(w, len, doc->prose.text + doc->prose.len);
    for (unsigned at = stop_slot(v); f->stop_w8[at]; at = (at + 1) & (STOP_SLOTS - 1))
        if (f->stop_w8[at] == v && f->stop_len[at] == len)
            return len <= 8 || fc_eq(w + 8, len - 8, stop_words[f->stop_index[at]] + 8);
    return false;
}

/* What the word token t is to attach's walks: the kind of the event it
 * dates (event_kind_at), else -1 for a stop word, else EV_NONE. */
static inline __attribute__((always_inline)) int walk_word(const ev_ctx *cx, size_t t)
{
    const fl_doc *doc = cx->doc;
    const fl_token *tok = FL_DOC_TOKEN(doc, t);
    const char *w = doc->prose.text + tok->off;
    size_t len = tok->len;
    /* by its first letter, length and last byte, for both lists at once
     * (a word matches only a word of the same three): most words are
     * neither an event word nor a stop word, and this test turns nearly
     * all of them away, where one of the first letter and length alone
     * let half through, unpredictably (no word of the lists is empty: a
     * token of no bytes has empty masks; its first byte is read for its
     * last) */
    unsigned b = cx->ev->bucket[(unsigned char)w[0]];
    uint64_t both = cx->ev->back_last[b][len < 15 ? len : 15] &
                    cx->ev->last_bit[(unsigned char)w[len ? len - 1 : 0]];
    if (!both)
        return EV_NONE;
    /* an event word's second byte too, before its bytes are compared:
     * most words with an event word's first letter, length and last byte
     * ("been", "Orsted") have another (b is a letter and the length 3 to
     * 14 here, as event_word_at asks) */
    if ((both & BACK_EV) &&
        cx->ev->second[16 * b + (unsigned)len] >> fc_bucket(fl_ctx_lower(w[1])) & 1u) {
        const event_word *e = event_word_lookup(cx, t, tok, w, b);
        if (e && e->form != EW_BASE)
            return e->kind;
    }
    if ((both & BACK_STOP) && stop_word_at(doc, t, cx->ev))
        return -1;
    return EV_NONE;
}

/* The tokens of date mention m: the first returned, the end in *past.
 * In line: run makes each date's tokens right before its reading, so
 * that the walks find its tokens (and its sentence) in the cache. */
static inline __attribute__((always_inline)) size_t span_of(const fl_doc *doc, const fl_mention *m,
                                                            size_t *past)
{
    size_t first = fc_token_at_in(doc, m->sentence, m->off), p = first;
    while (p < doc->tokens.count && FL_DOC_TOKEN(doc, p)->off < m->off + m->len)
        p++;
    *past = p;
    return first;
}

/* span_of for a date whose first token fc_token_guess guessed (g). */
static inline __attribute__((always_inline)) size_t
span_from(const fl_doc *doc, const fl_mention *m, size_t g, size_t *past)
{
    size_t first = fc_token_from_guess(doc, g, m->off), p = first;
    while (p < doc->tokens.count && FL_DOC_TOKEN(doc, p)->off < m->off + m->len)
        p++;
    *past = p;
    return first;
}

/* Makes cx->spans up to x. */
static __attribute__((noinline)) void spans_make_to(ev_ctx *cx, size_t x)
{
    for (; cx->made <= x; cx->made++) {
        const fl_mention *m = FL_DOC_MENTION(cx->doc, cx->mentions[cx->made]);
        cx->spans[cx->made].first = span_of(cx->doc, m, &cx->spans[cx->made].past);
    }
}

/* cx->spans[j] of a date j after date x, which run is reading (run reads
 * the spans of no date before x: those of the dates from x + 1 to j are
 * made here, rarely, for a date read past another's end). */
static inline const date_span *span_after(ev_ctx *cx, size_t x, size_t j)
{
    if (j >= cx->made) {
        if (cx->made <= x)
            cx->made = x + 1;
        spans_make_to(cx, j);
    }
    return &cx->spans[j];
}

/* Whether token t, at or past the end of the tokens of date x (the date
 * mention cx->spans[x]), lies in a date mention. In token order, only the
 * dates after x may hold it, and the first of those with tokens that
 * starts past t ends the search. */
static bool date_tok_at(ev_ctx *cx, size_t x, size_t t)
{
    if (cx->date_tok)
        return cx->date_tok[t];
    for (size_t j = x + 1; j < cx->nspans; j++) {
        const date_span *sp = span_after(cx, x, j);
        if (sp->past == sp->first)
            continue;
        if (sp->first > t)
            break;
        if (t < sp->past)
            return true;
    }
    return false;
}

/* The first token of [de, se) that lies in a date mention, or se; de is
 * the end of the tokens of date x, or se. */
static size_t date_tok_from(ev_ctx *cx, size_t x, size_t de, size_t se)
{
    if (cx->date_tok) {
        while (de < se && !cx->date_tok[de])
            de++;
        return de;
    }
    /* in token order: the first date with tokens after x */
    for (size_t j = x + 1; j < cx->nspans; j++) {
        const date_span *sp = span_after(cx, x, j);
        if (sp->past != sp->first)
            return sp->first < se ? sp->first : se;
    }
    return se;
}

/* Finds the event word of date x whose tokens are [ds, de) in sentence
 * tokens [sf, se), where no token of [floor, ds) lies in a date mention
 * and token floor - 1, when floor > sf, does. Returns its kind and stores
 * its token in *ev. In line (forced): run's one call, which gcc put out
 * of line once run's loop read the next date ahead (mb1 +110K
 * instructions). */
static inline __attribute__((always_inline)) int
attach(ev_ctx *cx, size_t x, size_t floor, size_t ds, size_t de, size_t sf, size_t se, size_t *ev)
{
    const fl_doc *doc = cx->doc;
    bool noun;
    /* the noun right after the date: "its February release" */
    if (de < se) {
        int k = event_kind_at(cx, de, &noun);
        if (k != EV_NONE && noun) {
            *ev = de;
            return k;
        }
    }
    /* before the date, within a few words; stopped tells that the walk
     * met a hard stop or a stop word (in [sf, ds), as floor >= sf): then
     * the date opens no sentence below, as no modifier is either */
    size_t words = 0;
    bool stopped = false;
    for (size_t t = ds; t > floor && words < 9;) {
        t--;
        fl_token_kind kind = FL_DOC_TOKEN(doc, t)->kind;
        if (kind == FL_TOK_PUNCT && is_hard_stop(doc, t)) {
            stopped = true;
            break;
        }
        if (kind == FL_TOK_WORD) {
            int k = walk_word(cx, t);
            if (k > EV_NONE) {
                *ev = t;
                return k;
            }
            if (k < 0) {
                stopped = true;
                break;
            }
            words++;
        }
    }
    /* a date set off before its verb: "Valdovinos on Friday, June 27,
     * signed ..." */
    if (de + 1 < se && is_punct(doc, de, ',')) {
        int k = event_kind_at(cx, de + 1, &noun);
        if (k != EV_NONE && !noun) {
            *ev = de + 1;
            return k;
        }
    }
    /* a date opening the sentence: "In February, Kestrel recalled ..."
     * (the sentence's first word is looked at before the modifiers
     * between it and the date are passed over: most sentences open with a
     * word of another length; "in" and "on" are no modifiers) */
    if (stopped || ds <= sf || FL_DOC_TOKEN(doc, sf)->len != 2 ||
        !(fc_tok_is(doc, sf, "in") || fc_tok_is(doc, sf, "on")))
        return EV_NONE;
    size_t p = ds;
    while (p > sf + 1 && fc_tok_in_words(doc, p - 1, cx->modifiers) >= 0)
        p--;
    if (p == sf + 1) {
        words = 0;
        size_t next_date = date_tok_from(cx, x, de, se);
        for (size_t t = de; t < next_date && words < 10; t++) {
            if (is_hard_stop(doc, t))
                break;
            if (FL_DOC_TOKEN(doc, t)->kind != FL_TOK_WORD)
                continue;
            int k = walk_word(cx, t);
            if (k > EV_NONE) {
                *ev = t;
                return k;
            }
            if (k < 0)
                break;
            words++;
        }
    }
    return EV_NONE;
}

/* A date between a determiner and its event noun ("after the March 14
 * release", "its February release") dates that event whatever the words
 * before it bound. */
static bool premodifier(const ev_ctx *cx, size_t ds, size_t de, size_t sf, size_t se)
{
    bool noun = false;
    return ds > sf && de < se && fc_tok_in_words(cx->doc, ds - 1, cx->dets) >= 0 &&
           event_kind_at(cx, de, &noun) != EV_NONE && noun;
}

/* Whether date x is a bound or part of a range or list. */
static bool bound_or_range(ev_ctx *cx, size_t x, size_t ds, size_t de, size_t sf, size_t se)
{
    const fl_doc *doc = cx->doc;
    size_t p = ds;
    while (p > sf && fc_tok_in_words(doc, p - 1, cx->modifiers) >= 0)
        p--;
    if (p > sf && fc_tok_in_words(doc, p - 1, cx->bounds) >= 0 && !premodifier(cx, ds, de, sf, se))
        return true;
    if (p > sf && (is_punct(doc, p - 1, '-') || is_punct(doc, p - 1, '/')))
        return true;
    if (de < se) {
        /* "March 3 and March 13", "2019 to 2021", "July 4 to 9" */
        bool next_date = false;
        for (size_t t = de + 1; t < se && t <= de + 2 && !next_date; t++)
            next_date = date_tok_at(cx, x, t) || FL_DOC_TOKEN(doc, t)->kind == FL_TOK_NUMBER;
        if ((next_date && fc_tok_in_words(doc, de, cx->ranges) >= 0) || is_punct(doc, de, '-') ||
            is_punct(doc, de, '/') ||
            (unsigned char)doc->prose.text[FL_DOC_TOKEN(doc, de)->off] == 0xe2)
            return true;
        /* "March 3, March 13" lists */
        if (is_punct(doc, de, ',') && de + 1 < se && date_tok_at(cx, x, de + 1))
            return true;
    }
    return false;
}

/* The bucketing key of a subject mention, or NULL. */
static const char *subject_key(const fl_doc *doc, size_t i)
{
    const fl_mention *m = FL_DOC_MENTION(doc, i);
    switch (m->kind) {
    case FL_M_NAME:
        return fc_entity_key(doc, (long)i);
    case FL_M_CODE:
        return m->skeleton && m->skeleton[0] ? m->skeleton : m->fold;
    case FL_M_ACRONYM:
        return m->fold;
    default:
        return NULL;
    }
}

typedef struct ev_rec {
    size_t date; /* mention index */
    int kind;
    const char *subject;    /* "" when none */
    const char *object;     /* the object noun, "" when none */
    size_t subject_mention; /* for the message, or (size_t)-1 */
} ev_rec;

static int rec_order(const void *pa, const void *pb)
{
    const ev_rec *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    int c = strcmp(a->subject, b->subject);
    if (c)
        return c;
    return a->date < b->date ? -1 : a->date > b->date;
}

static bool push_rec(fl_doc *doc, fl_vec *recs, size_t date, int kind, const char *subject,
                     const char *object, size_t subject_mention)
{
    ev_rec *r = fl_vec_push(doc->arena, recs);
    if (!r)
        return false;
    r->date = date;
    r->kind = kind;
    r->subject = subject;
    r->object = object;
    r->subject_mention = subject_mention;
    return true;
}

/* Words after which a name is a place or time, not the event's object. */
static const char *const prepositions[] = {"in",     "at",     "on",   "from",  "near", "to",
                                           "for",    "with",   "of",   "by",    "into", "outside",
                                           "inside", "across", "over", "under", NULL};

/* The object noun between an event word and its date ("signed the wage
 * agreement on"): the last lower-case content word, plural s dropped. */
static const char *object_word(const ev_ctx *cx, size_t ev, size_t ds)
{
    fl_doc *doc = cx->doc;
    for (size_t t = ds; t > ev + 1;) {
        t--;
        const fl_token *tok = FL_DOC_TOKEN(doc, t);
        if (tok->kind != FL_TOK_WORD || tok->capitalized || tok->len < 3)
            continue;
        const char *w = doc->prose.text + tok->off;
        if (fl_is_stopword(w, tok->len) || fc_tok_in_words(doc, t, cx->preps) >= 0 ||
            fc_tok_in_words(doc, t, cx->modifiers) >= 0)
            continue;
        char *o = fl_arena_strndup(doc->arena, w, tok->len);
        if (!o)
            return NULL;
        size_t n = tok->len;
        for (size_t i = 0; i < n; i++)
            o[i] = fl_ctx_lower(o[i]);
        if (n > 3 && o[n - 1] == 's' && o[n - 2] != 's')
            o[n - 1] = '\0';
        return o;
    }
    return "";
}

/* Verbs that may stand between a subject noun and its event word. */
static const char *const auxiliaries[] = {
    "was", "were",  "is",         "are",      "has",     "have", "had",           "been",
    "be",  "being", "officially", "formally", "finally", "only", "provisionally", NULL};

/* The key of an unnamed subject: "~" and the lower-case noun right before
 * the event word ("the round closed", "the bridge was opened"), or "" when
 * there is none. */
static const char *subject_noun(const ev_ctx *cx, size_t ev, size_t first)
{
    fl_doc *doc = cx->doc;
    size_t t = ev;
    /* "broke ground", "walked out": the noun stands before the phrase */
    if (t > first && (fc_tok_is(doc, t - 1, "broke") || fc_tok_is(doc, t - 1, "walked")))
        t--;
    while (t > first && fc_tok_in_words(doc, t - 1, cx->auxes) >= 0)
        t--;
    if (t == first)
        return "";
    const fl_token *tok = FL_DOC_TOKEN(doc, t - 1);
    const char *w = doc->prose.text + tok->off;
    if (tok->kind != FL_TOK_WORD || tok->capitalized || tok->len < 3 ||
        fl_is_stopword(w, tok->len) || fc_tok_in_words(doc, t - 1, cx->stop) >= 0)
        return "";
    char *key = fl_arena_alloc(doc->arena, tok->len + 2);
    if (!key)
        return NULL;
    key[0] = '~';
    for (size_t i = 0; i < tok->len; i++)
        key[i + 1] = fl_ctx_lower(w[i]);
    return key;
}

/* Groups the mentions by sentence (a counting sort) into cx->sent_first
 * and cx->sent_mentions; false when out of memory. */
static bool group_mentions(ev_ctx *cx)
{
    fl_doc *doc = cx->doc;
    size_t n = doc->mentions.count, ns = doc->sentences.count;
    size_t *first = fl_arena_alloc(doc->arena, (ns + 1) * sizeof *first);
    size_t *fill = fl_arena_alloc_uninit(doc->arena, (ns + 1) * sizeof *fill);
    size_t *grouped = fl_arena_alloc_uninit(doc->arena, (n + 1) * sizeof *grouped);
    if (!first || !fill || !grouped)
        return false;
    for (size_t i = 0; i < n; i++) {
        size_t s = FL_DOC_MENTION(doc, i)->sentence;
        if (s < ns)
            first[s + 1]++;
    }
    for (size_t s = 0; s < ns; s++)
        first[s + 1] += first[s];
    memcpy(fill, first, (ns + 1) * sizeof *fill);
    for (size_t i = 0; i < n; i++) {
        size_t s = FL_DOC_MENTION(doc, i)->sentence;
        if (s < ns)
            grouped[fill[s]++] = i;
    }
    cx->sent_first = first;
    cx->sent_mentions = grouped;
    return true;
}

/* Adds the records of one dated event: its subjects, or none. */
static bool add_event(ev_ctx *cx, fl_vec *recs, size_t date, int kind, size_t ev_tok)
{
    fl_doc *doc = cx->doc;
    if (!cx->sent_first && !group_mentions(cx))
        return false;
    const fl_mention *d = FL_DOC_MENTION(doc, date);
    size_t s = d->sentence;
    size_t ev_off = FL_DOC_TOKEN(doc, ev_tok)->off;
    bool before = ev_off < d->off;
    const char *object = "";
    if (before) {
        object = object_word(cx, ev_tok, fc_token_at_in(doc, s, d->off));
        if (!object)
            return false;
    }
    size_t nearest = (size_t)-1, best_gap = (size_t)-1;
    size_t added = 0;
    for (size_t k = cx->sent_first[s]; k < cx->sent_first[s + 1]; k++) {
        size_t i = cx->sent_mentions[k];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        const char *key = subject_key(doc, i);
        if (!key || !key[0])
            continue;
        if (before && m->off > ev_off && m->off < d->off) {
            /* a named object: not one after a preposition (a place) */
            size_t t = fc_token_at_in(doc, s, m->off);
            if (t > ev_tok + 1 && fc_tok_in_words(doc, t - 1, cx->preps) >= 0)
                continue;
            if (!push_rec(doc, recs, date, kind, key, object, i))
                return false;
            added++;
            continue;
        }
        /* the subject of "released ... in January" stands before the date */
        if (before && m->off > d->off)
            continue;
        /* a name after a preposition is a place, platform or time */
        size_t mt = fc_token_at_in(doc, s, m->off);
        if (mt > FL_DOC_SENTENCE(doc, s)->first_token &&
            fc_tok_in_words(doc, mt - 1, cx->preps) >= 0)
            continue;
        size_t gap = m->off + m->len <= ev_off ? ev_off - (m->off + m->len) : m->off - ev_off;
        if (gap < best_gap) {
            best_gap = gap;
            nearest = i;
        }
    }
    /* a named object between the word and the date is the event's subject
     * ("Pell Audio released the Echo 3 in 2023" dates the Echo 3) */
    if (!added && nearest != (size_t)-1 && best_gap < 80) {
        if (!push_rec(doc, recs, date, kind, subject_key(doc, nearest), object, nearest))
            return false;
        added++;
    }
    if (!added) {
        /* no name: the noun before the word ("the round closed on") */
        const char *noun = subject_noun(cx, ev_tok, FL_DOC_SENTENCE(doc, s)->first_token);
        if (!noun || !push_rec(doc, recs, date, kind, noun, object, (size_t)-1))
            return false;
    }
    return true;
}

typedef struct level_value {
    int value;
    size_t count;
    size_t first; /* position in the bucket */
} level_value;

enum { MAX_VALUES = 2 };

/* The value of a date at a level: 0 year, 1 month, 2 day. */
static int level_of(const fl_mention *m, int level)
{
    return level == 0 ? m->year : level == 1 ? m->month : m->day;
}

/* Reports the records of one event bucket that disagree with it. */
static bool judge(ev_ctx *cx, const ev_rec *const *b, size_t n, bool *flagged)
{
    fl_doc *doc = cx->doc;
    if (n < 2)
        return true;
    int winner[3] = {0, 0, 0};
    for (int level = 0; level < 3; level++) {
        level_value vals[MAX_VALUES];
        size_t nv = 0;
        for (size_t k = 0; k < n; k++) {
            const fl_mention *m = FL_DOC_MENTION(doc, b[k]->date);
            int v = level_of(m, level);
            if (!v)
                continue;
            /* compare only within the winning coarser values */
            bool fits = true;
            for (int up = 0; up < level; up++)
                if (winner[up] && level_of(m, up) && level_of(m, up) != winner[up])
                    fits = false;
            if (!fits || (level == 2 && !m->month))
                continue;
            size_t j = 0;
            while (j < nv && vals[j].value != v)
                j++;
            if (j == nv) {
                if (nv == MAX_VALUES)
                    return true; /* several events: leave the bucket alone */
                vals[nv].value = v;
                vals[nv].count = 0;
                vals[nv].first = k;
                nv++;
            }
            vals[j].count++;
        }
        if (!nv)
            continue;
        const level_value *best = &vals[0];
        for (size_t j = 1; j < nv; j++)
            if (vals[j].count > best->count ||
                (vals[j].count == best->count && vals[j].first < best->first))
                best = &vals[j];
        winner[level] = best->value;
        if (nv < 2)
            continue;
        /* the first two dates with the winning value, in two sentences */
        const ev_rec *refs[2] = {NULL, NULL};
        for (size_t q = 0; q < n && !refs[1]; q++) {
            const fl_mention *c = FL_DOC_MENTION(doc, b[q]->date);
            if (level_of(c, level) != best->value)
                continue;
            if (!refs[0])
                refs[0] = b[q];
            else if (FL_DOC_MENTION(doc, refs[0]->date)->sentence != c->sentence)
                refs[1] = b[q];
        }
        for (size_t k = 0; k < n; k++) {
            const fl_mention *m = FL_DOC_MENTION(doc, b[k]->date);
            int v = level_of(m, level);
            if (!v || v == best->value || flagged[b[k]->date])
                continue;
            bool fits = true;
            for (int up = 0; up < level; up++)
                if (winner[up] && level_of(m, up) && level_of(m, up) != winner[up])
                    fits = false;
            if (!fits)
                continue;
            /* the other side: a date with the winning value in another
             * sentence */
            const ev_rec *ref = refs[0];
            if (ref && FL_DOC_MENTION(doc, ref->date)->sentence == m->sentence)
                ref = refs[1];
            if (!ref)
                continue;
            const fl_mention *r = FL_DOC_MENTION(doc, ref->date);
            const ev_rec *named = b[k]->subject_mention != (size_t)-1 ? b[k] : ref;
            const char *what;
            if (named->subject_mention != (size_t)-1) {
                const fl_mention *who = FL_DOC_MENTION(doc, named->subject_mention);
                long root = who->kind == FL_M_NAME ? fc_root(doc, (long)named->subject_mention)
                                                   : (long)named->subject_mention;
                what = fl_arena_printf(doc->arena, "%s's %s", FL_DOC_MENTION(doc, root)->surface,
                                       kind_name[b[k]->kind]);
            } else {
                what = fl_arena_printf(doc->arena, "the %s", kind_name[b[k]->kind]);
            }
            const char *msg =
                what ? fl_arena_printf(doc->arena,
                                       "`%s` (line %zu) dates %s differently from `%s` (line %zu)",
                                       m->surface, fl_ctx_line(doc, m->off), what, r->surface,
                                       fl_ctx_line(doc, r->off))
                     : NULL;
            size_t roff = r->off, rlen = r->len;
            if (!msg || !fl_doc_add_finding(doc, "fact-date", FL_SEV_WARNING, m->off, m->len, msg,
                                            r->surface, &roff, &rlen, 1))
                return false;
            flagged[b[k]->date] = true;
        }
    }
    return true;
}

enum { MAX_OBJECTS = 8 };

/* Judges a bucket (one subject's event, in document order) per object:
 * dates of one object, or of no object when at most one object is named,
 * are one event. */
static bool judge_objects(ev_ctx *cx, const ev_rec **b, size_t n, bool *flagged,
                          const ev_rec **scratch)
{
    const char *objects[MAX_OBJECTS];
    size_t no = 0;
    for (size_t k = 0; k < n; k++) {
        if (!b[k]->object[0])
            continue;
        size_t j = 0;
        while (j < no && strcmp(objects[j], b[k]->object) != 0)
            j++;
        if (j == no) {
            if (no == MAX_OBJECTS)
                return true; /* many different things dated: leave them */
            objects[no++] = b[k]->object;
        }
    }
    if (no <= 1)
        return judge(cx, b, n, flagged);
    for (size_t j = 0; j <= no; j++) {
        const char *want = j < no ? objects[j] : "";
        size_t m = 0;
        for (size_t k = 0; k < n; k++)
            if (strcmp(b[k]->object, want) == 0)
                scratch[m++] = b[k];
        if (!judge(cx, scratch, m, flagged))
            return false;
    }
    return true;
}

static int rec_date_order(const void *pa, const void *pb)
{
    const ev_rec *a = *(const ev_rec *const *)pa, *b = *(const ev_rec *const *)pb;
    return a->date < b->date ? -1 : a->date > b->date;
}

/* Puts a bucket in document order, one record per date, and judges it. */
static bool judge_dated(ev_ctx *cx, const ev_rec **b, size_t n, bool *flagged,
                        const ev_rec **scratch)
{
    if (n > 1)
        // NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
        qsort(b, n, sizeof *b, rec_date_order);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (!m || b[m - 1]->date != b[k]->date)
            b[m++] = b[k];
    return judge_objects(cx, b, m, flagged, scratch);
}

/* A date with an event: its mention and its event. */
typedef struct date_read {
    size_t mention;
    size_t ev;  /* the event word's token */
    int kind;   /* the event's kind */
    bool field; /* dated by a field line ("Released: March 4, 2025") */
} date_read;

/* Date mentions out of token order or overlapping (not as
 * fl_find_mentions makes them): every date's tokens made, and each token
 * of a date marked in cx->date_tok. False when out of memory. */
static __attribute__((noinline)) bool mark_date_tokens(ev_ctx *cx, size_t nt)
{
    unsigned char *marks = fl_arena_alloc(cx->doc->arena, nt);
    if (!marks)
        return false;
    cx->made = 0;
    if (cx->nspans)
        spans_make_to(cx, cx->nspans - 1);
    for (size_t x = 0; x < cx->nspans; x++)
        for (size_t t = cx->spans[x].first; t < cx->spans[x].past; t++)
            marks[t] = 1;
    cx->date_tok = marks;
    return true;
}

/* Counts one more date of `kind` in dated[] (bytes, held at 2: less to
 * clear); whether the kind is now dated twice. */
static inline bool count_dated(uint8_t *dated, int kind)
{
    if (dated[kind] < 2)
        dated[kind]++;
    return dated[kind] == 2;
}

static void run(fl_doc *doc)
{
    size_t n = doc->mentions.count, ns = doc->sentences.count, nt = doc->tokens.count;
    if (!n || !ns || !nt)
        return;
    const uint32_t *date_mentions;
    size_t ndm = fl_ctx_mentions_of(doc, 1u << FL_M_DATE, &date_mentions);
    /* a bucket is judged on two values of a year, month or day: none when
     * the dates to read state one each (the first stated of each kept
     * until two differ) */
    bool differ = false;
    int year = 0, month = 0, day = 0;
    for (size_t x = 0; x < ndm && !differ; x++) {
        const fl_mention *m = FL_DOC_MENTION(doc, date_mentions[x]);
        if (!((m->month || m->year) && m->sentence < ns))
            continue;
        differ = (m->year && year && m->year != year) || (m->month && month && m->month != month) ||
                 (m->day && day && m->day != day);
        year = year ? year : m->year;
        month = month ? month : m->month;
        day = day ? day : m->day;
    }
    if (!differ)
        return;
    ev_ctx cx;
    cx.doc = doc;
    cx.sent_first = cx.sent_mentions = NULL;
    memset(cx.moved, 0, sizeof cx.moved);
    static const char *const dets[] = {"the", "its", "their", "his", "her", "our", "a", NULL};
    cx.modifiers = fc_words_get(doc, date_modifiers, &cx.local_words[W_MODIFIERS]);
    /* the lists of later steps, got when a date first reaches them (most
     * documents' dates never do) */
    cx.stop = cx.bounds = cx.ranges = cx.dets = cx.preps = cx.auxes = NULL;
    cx.ev = fl_ctx_list_data(doc, event_words, sizeof cx.local_filter, ev_filter_make,
                             &cx.local_filter);
    /* the dates with an event (room for all the dates: counting them
     * first would cost a pass), then the dates' tokens: one arena block
     * (one call, not two, per document) */
    date_read *dates = fl_arena_alloc_uninit(doc->arena, ndm * (sizeof *dates + sizeof(date_span)));
    if (!dates) {
        fl_ctx_oom(doc);
        return;
    }
    cx.spans = (date_span *)(dates + ndm);
    cx.nspans = ndm;
    cx.made = 0;
    cx.mentions = date_mentions;
    cx.date_tok = NULL;
    /* each date's event word and kind first; the rest of its reading
     * (the hedges near it, its subjects) only for the kinds that two dates
     * have: a kind dated once has no bucket of two dates to judge */
    /* per kind: its dates, counted up to 2 (bytes: less to clear) */
    uint8_t dated[EV_COUNT] = {0};
    bool twice_dated = false; /* some kind dated twice */
    size_t ndates = 0;
    /* one pass makes each date's tokens and reads it at once, while its
     * mention, sentence and tokens are in the cache. When the dates with
     * tokens are in token order without overlap, each date's walk back
     * stops where the last of them before it ends (ends): no per-token
     * marks to clear and read. A date out of that order (not as
     * fl_find_mentions makes them) sends the pass round again, with every
     * date token marked. */
    const unsigned char *marks = NULL;
    for (;;) {
        size_t ends = 0;
        bool in_order = true;
        /* each date's first token is guessed (fc_token_guess) while the
         * date before it is read, and the guessed token fetched: the
         * chain of loads from mention to sentence to token overlaps with
         * that reading (whose mispredicted branches kept it from starting
         * early). (A prefetch of the sentence of the date after it as
         * well cost 88K instructions on mb1 for no time.) ndm >= 2 here:
         * dates that differ. */
        const fl_mention *m0 = FL_DOC_MENTION(doc, date_mentions[0]);
        size_t guess = fc_token_guess(doc, m0->sentence, m0->off);
        for (size_t x = 0; x < ndm; x++) {
            const fl_mention *m = FL_DOC_MENTION(doc, date_mentions[x]);
            size_t g = guess;
            if (x + 1 < ndm) {
                const fl_mention *m1 = FL_DOC_MENTION(doc, date_mentions[x + 1]);
                guess = fc_token_guess(doc, m1->sentence, m1->off);
                __builtin_prefetch(FL_DOC_TOKEN(doc, guess != SIZE_MAX ? guess : 0));
            }
            size_t past, ds = span_from(doc, m, g, &past), floor = ends;
            if (past > ds && !marks) {
                if (ds < ends) {
                    in_order = false;
                    break;
                }
                ends = past;
            }
            if (!((m->month || m->year) && m->sentence < ns))
                continue;
            const fl_sentence *sen = FL_DOC_SENTENCE(doc, m->sentence);
            size_t sf = sen->first_token, se = sf + sen->token_count, de = past < se ? past : se;
            if (ds >= de)
                continue;
            if (marks) {
                /* the token after the last date token before it in its
                 * sentence, or the sentence's first */
                floor = ds;
                while (floor > sf && !marks[floor - 1])
                    floor--;
            }
            size_t ev;
            int kind;
            bool field = false;
            if (sen->headline) {
                /* a field line, "Released: March 4, 2025", dates its event;
                 * other headlines are left alone */
                bool noun;
                if (!(ds == sf + 2 && de == se && is_punct(doc, sf + 1, ':')))
                    continue;
                kind = event_kind_at(&cx, sf, &noun);
                if (kind == EV_NONE)
                    continue;
                ev = sf;
                field = true;
            } else {
                /* most dates have no event word: that is found first, and
                 * only a date that has one is asked whether it is a bound
                 * or in a range (both only read) */
                kind = attach(&cx, x, floor > sf ? floor : sf, ds, de, sf, se, &ev);
                if (kind == EV_NONE)
                    continue;
                if (!cx.bounds) {
                    cx.bounds = fc_words_get(doc, bound_words, &cx.local_words[W_BOUNDS]);
                    cx.ranges = fc_words_get(doc, range_words, &cx.local_words[W_RANGES]);
                    cx.dets = fc_words_get(doc, dets, &cx.local_words[W_DETS]);
                }
                if (bound_or_range(&cx, x, ds, de, sf, se))
                    continue;
            }
            date_read *d = &dates[ndates++];
            d->mention = date_mentions[x];
            d->ev = ev;
            d->kind = kind;
            d->field = field;
            twice_dated |= count_dated(dated, kind);
        }
        if (in_order || marks)
            break;
        if (!mark_date_tokens(&cx, nt)) {
            fl_ctx_oom(doc);
            return;
        }
        marks = cx.date_tok;
        ndates = 0;
        twice_dated = false;
        memset(dated, 0, sizeof dated);
    }
    if (!twice_dated)
        return;
    cx.stop = fc_words_get(doc, stop_words, &cx.local_words[W_STOP]);
    cx.preps = fc_words_get(doc, prepositions, &cx.local_words[W_PREPS]);
    cx.auxes = fc_words_get(doc, auxiliaries, &cx.local_words[W_AUXES]);
    fl_ctx_phrases unsure_local, moved_local;
    const fl_ctx_phrases *unsure = fl_ctx_phrases_get(doc, unsure_cues, &unsure_local);
    const fl_ctx_phrases *moved = fl_ctx_phrases_get(doc, moved_cues, &moved_local);
    fl_vec recs;
    fl_vec_init(&recs, sizeof(ev_rec));
    for (size_t q = 0; q < ndates; q++) {
        size_t i = dates[q].mention, ev = dates[q].ev;
        int kind = dates[q].kind;
        if (dated[kind] < 2)
            continue;
        if (!dates[q].field) {
            /* plans, hedges, negation and repeats near the event and its
             * date */
            const fl_mention *m = FL_DOC_MENTION(doc, i);
            const fl_token *et = FL_DOC_TOKEN(doc, ev);
            size_t lo = et->off < m->off ? et->off : m->off;
            size_t hi = et->off + et->len > m->off + m->len ? et->off + et->len : m->off + m->len;
            if (fl_ctx_window_has_near(doc, m->sentence, lo, hi - lo, 4, 1, unsure))
                continue;
        }
        if (!add_event(&cx, &recs, i, kind, ev)) {
            fl_ctx_oom(doc);
            return;
        }
    }
    if (recs.count < 2)
        return;
    /* kinds of events that the document says moved: a cue near the event
     * word, in any of its forms ("was due to open", "delayed the launch");
     * read only when some kind has two dated events */
    size_t per_kind[EV_COUNT] = {0};
    bool twice = false;
    for (size_t q = 0; q < recs.count; q++)
        twice = ++per_kind[((ev_rec *)recs.items)[q].kind] > 1 || twice;
    if (!twice)
        return;
    for (size_t s = 0; s < ns; s++) {
        const fl_sentence *sen = FL_DOC_SENTENCE(doc, s);
        if (!moved_cue_word(doc, sen))
            continue;
        int checked = 0; /* 0 not yet, 1 no cue in the sentence, 2 a cue */
        for (size_t t = sen->first_token; t < sen->first_token + sen->token_count; t++) {
            const event_word *e = event_word_at(&cx, t);
            int k = e ? e->kind : EV_NONE;
            if (k == EV_NONE || per_kind[k] < 2 || cx.moved[k])
                continue;
            if (!checked)
                checked = fl_ctx_sentence_has_in(doc, s, moved) ? 2 : 1;
            if (checked == 1)
                break;
            const fl_token *tok = FL_DOC_TOKEN(doc, t);
            if (fl_ctx_window_has_near(doc, s, tok->off, tok->len, 5, 5, moved))
                cx.moved[k] = true;
        }
    }
    qsort(recs.items, recs.count, sizeof(ev_rec), rec_order);
    bool *flagged = fl_arena_alloc(doc->arena, n * sizeof *flagged);

    const ev_rec *r = recs.items;
    // NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
    const ev_rec **bucket = fl_arena_alloc(doc->arena, recs.count * sizeof *bucket);
    // NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
    const ev_rec **scratch = fl_arena_alloc(doc->arena, recs.count * sizeof *scratch);
    if (!bucket || !scratch || !flagged) {
        fl_ctx_oom(doc);
        return;
    }
    for (size_t a = 0; a < recs.count;) {
        /* one event kind: [a, z); unnamed ("") first, names, then nouns
         * ("~round") */
        size_t z = a;
        while (z < recs.count && r[z].kind == r[a].kind)
            z++;
        if (cx.moved[r[a].kind]) {
            a = z;
            continue;
        }
        size_t names = 0, name_at = z;
        for (size_t q = a; q < z; q++)
            if (r[q].subject[0] && r[q].subject[0] != '~' &&
                (q == a || strcmp(r[q].subject, r[q - 1].subject) != 0)) {
                names++;
                name_at = q;
            }
        if (names == 1) {
            /* the kind's one named subject: unnamed dates join it */
            size_t nb = 0;
            for (size_t q = a; q < z; q++)
                if (!r[q].subject[0] || r[q].subject[0] == '~' ||
                    strcmp(r[q].subject, r[name_at].subject) == 0)
                    bucket[nb++] = &r[q];
            if (!judge_dated(&cx, bucket, nb, flagged, scratch)) {
                fl_ctx_oom(doc);
                return;
            }
            a = z;
            continue;
        }
        /* otherwise each subject alone; dates with no subject at all may
         * date anything and are not compared */
        for (size_t q = a; q < z;) {
            size_t e = q;
            while (e < z && strcmp(r[e].subject, r[q].subject) == 0)
                e++;
            if (r[q].subject[0]) {
                size_t nb = 0;
                for (size_t u = q; u < e; u++)
                    bucket[nb++] = &r[u];
                if (!judge_dated(&cx, bucket, nb, flagged, scratch)) {
                    fl_ctx_oom(doc);
                    return;
                }
            }
            q = e;
        }
        a = z;
    }
}

const fl_check_def fl_check_fact_date = {
    {"fact-date", "one event dated two ways", FL_SEV_WARNING,
     "Corvid Labs released Corvid-2 in January. Since its release on February 2, Corvid-2 "
     "has been downloaded 400,000 times.",
     "Corvid-2 was scheduled for release in January but was delayed. Corvid Labs released "
     "Corvid-2 in February.",
     "An event happens once, so a document should give it one date. An event is an event word "
     "(released, launched, signed, died, born, founded, announced, unveiled, opened, closed, "
     "filed, approved, elected, arrested...) attached to a date, together with its subject: "
     "the named things between the word and the date and the one nearest the word. Dates of "
     "one event that disagree in year, month or day are flagged against the date most of its "
     "mentions agree on. The check is silent for different subjects or event words, for dates "
     "that bound a range (from, until, between, by), for sentences that plan, hedge, negate or "
     "repeat an event (scheduled, expected, will, not, again, first), and for an event the "
     "document says moved (delayed, postponed, rescheduled, originally)."},
    run,
    false};

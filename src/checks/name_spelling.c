/* name_spelling.c - a name one or two edits from a lexicon name
 * (`Mar-a-Largo`, `Cincinatti`) or from a more frequent name in the same
 * document (`Satya Nadela` beside `Nadella`).
 *
 * Conservative by design: a typo here changes one word of the name, keeps
 * that word's first and last letters (so `Russian`/`Russia`, `Texan`/`Texas`
 * and `Pittsburg`/`Pittsburgh` are never typos of each other), and words
 * shorter than 5 letters (6 inside one document) are corrected only by
 * exact lexicon misspellings (`Smith`/`Smyth`). Two names the lexicon knows
 * are never typos of each other; nor are two surnames each introduced with
 * a different full name (`Boris Johnson`, `Mark Johnston`); nor a place
 * named with its region (`Pittsburg, Kansas`). */
#include "blame.h"
#include "context.h"

#include "../bytes8.h"
#include "../lexicon.h"

#include <stdlib.h>
#include <string.h>

static const char RULE[] = "name-spelling";

/* LEX_MIN_WORD: the shortest word corrected towards a lexicon name when
 * the name has no other word to vouch for it: real names one letter from
 * a lexicon name are common (Davis/Davos, Cameron/Cameroon, Marvel/
 * Marvell), long ones rare. */
enum {
    KEY_CAP = 256,
    MAX_WORDS = 8,
    LEX_MIN_WORD = 8,
    LEX_MIN_SHARED = 5,
    DOC_MIN_WORD = 6,
    TWO_EDITS_MIN = 9
};

typedef struct word_ref {
    const char *s; /* folded, NUL-terminated */
    size_t len;
} word_ref;

/* The document's wanted uses listed by fold key: each key's in mention
 * order from `head` through `next`. */
typedef struct use_lists {
    const fl_doc *doc;
    const fl_name_folds *folds; /* the shared uses, by mention */
    const uint32_t *keep;       /* the wanted mentions, in mention order */
    size_t count;               /* of keep */
    const uint32_t *head;       /* by key id: its first use's index in keep */
    size_t nkeys;
    /* by index in keep: the key's next use there; NULL until first asked
     * (list_links) */
    uint32_t *next;
} use_lists;

/* The use of the wanted mention keep[k] (fl_name_folds_use: in *tmp
 * when it is a later mention of a surface). */
static inline const fl_name_use *list_use(const use_lists *l, size_t k, fl_name_use *tmp)
{
    return fl_name_folds_use(l->doc, l->folds, l->keep[k], tmp);
}

/* The `mention` of keep[k]'s use (fl_name_folds_use). */
static inline uint32_t list_mention(const use_lists *l, size_t k)
{
    size_t i = l->keep[k], j = l->folds->same[i];
    return j == i || !l->folds->inited[i] ? l->folds->uses[j].mention : (uint32_t)i;
}

/* The shared use of keep[k]'s surface (all of its fields but the place
 * are keep[k]'s). */
static inline fl_name_use *list_first(const use_lists *l, size_t k)
{
    return &l->folds->uses[l->folds->same[l->keep[k]]];
}

/* l->next, made when first asked: most documents walk no key's uses (a
 * group's are walked only when it is reported or asked about past the
 * lexicon's first tests). NULL when out of memory (doc->status set). */
static const uint32_t *list_links(fl_doc *doc, use_lists *l)
{
    if (l->next)
        return l->next;
    uint32_t *next = fl_arena_alloc_uninit(doc->arena, (l->count + 1) * sizeof *next);
    uint32_t *tail = fl_arena_alloc_uninit(doc->arena, (l->nkeys + 1) * sizeof *tail);
    if (!next || !tail) {
        doc->status = FL_ENOMEM;
        return NULL;
    }
    for (size_t k = 0; k < l->count; k++) {
        const fl_name_use *u = list_first(l, k);
        if (!u->key)
            continue;
        const size_t id = u->group;
        if (k != l->head[id])
            next[tail[id]] = (uint32_t)k;
        tail[id] = (uint32_t)k;
    }
    l->next = next;
    return next;
}

/* The use of keep[k] in memory that lasts: the shared one, else a copy
 * (the place is its own) in the arena; NULL when out of memory. */
static fl_name_use *lasting_use(fl_doc *doc, const use_lists *l, size_t k)
{
    size_t i = l->keep[k];
    if (l->folds->same[i] == i)
        return &l->folds->uses[i];
    fl_name_use *u = fl_arena_alloc_uninit(doc->arena, sizeof *u);
    if (!u) {
        doc->status = FL_ENOMEM;
        return NULL;
    }
    list_use(l, k, u); /* a later mention: written to u */
    return u;
}

/* One distinct name (fold key) in the document. */
typedef struct name_group {
    /* in form order once `sorted`; before, in mention order, or NULL
     * until first asked (group_uses) */
    fl_name_use *uses;
    size_t count;
    bool sorted;
    use_lists *lists; /* its uses listed from head (an index in keep) */
    uint32_t head;
    /* its most frequent exact form: main_form, NULL until made (group_main);
     * until the group is sorted, main_form.uses is only the form's first
     * use (not the run of them) */
    const fl_name_form *main;
    const char *fold;
    size_t fold_len;
    size_t nwords;
    /* the lexicon's misspellings with this fold key (none looked up when known) */
    const fl_lex_hit *misspellings;
    size_t nmisspellings;
    bool known;            /* a lexicon canonical form or alias */
    signed char qualified; /* followed by ", Region" somewhere; -1: not yet known */
    bool reported;
    /* (the words, then the main form, made for few groups, last: the
     * fields make_group writes lie on fewer cache lines) */
    word_ref words[MAX_WORDS];
    fl_name_form main_form;
} name_group;

/* One distinct word of the document's names. */
typedef struct name_word {
    const char *fold;
    size_t len;
    size_t freq;          /* uses of names containing it */
    size_t first_group;   /* a group containing it, for related spans */
    uint32_t first, last; /* its first and last code points, once it may be paired */
    size_t ncps;
    /* for a word of ASCII letters (`ascii`: its code points its bytes)
     * that may be paired: a bit (c & 31) for each of its letters c, else 0 */
    uint32_t letters;
    bool ascii;
} name_word;

/* Whether two words' letters (name_word.letters) rule out their being
 * `allowed` edits (1 or 2) apart: one has letters of more than `allowed`
 * kinds the other lacks. Exact as a test that turns away: every letter
 * of a kind the other word lacks is deleted or substituted, one edit
 * each (a transposition moves letters, it adds none), and two letters of
 * one bit are one kind at least. */
static bool letters_too_far(uint32_t a, uint32_t b, unsigned allowed)
{
    const uint32_t only_a = a & ~b, only_b = b & ~a;
    /* x & (x - 1): x without its lowest bit; more than `allowed` bits */
    const uint32_t a2 = only_a & (only_a - 1), b2 = only_b & (only_b - 1);
    if (allowed == 1)
        return a2 || b2;
    return (a2 & (a2 - 1)) || (b2 & (b2 - 1));
}

static bool is_sep(char c)
{
    return c == ' ' || c == '-';
}

/* Splits s into words at spaces and hyphens; returns the count (more than
 * cap: too many). */
static inline size_t split_words(const char *s, size_t len, word_ref *words, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && is_sep(s[i]))
            i++;
        if (i == len)
            break;
        size_t start = i;
        while (i < len && !is_sep(s[i]))
            i++;
        if (n < cap)
            words[n] = (word_ref){s + start, i - start};
        n++;
    }
    return n;
}

/* Bytes that end a word of a fold key: a separator or its NUL. */
static const unsigned char WORD_STOP[256] = {[0] = 1, [' '] = 1, ['-'] = 1};

/* A word's bit among 256 for its first and last bytes. */
static unsigned byte_ends_bit(word_ref w)
{
    return ((unsigned char)w.s[0] * 31u + (unsigned char)w.s[w.len - 1]) & 255u;
}

/* The words of DOC_MIN_WORD bytes or more of the document's names, as
 * check_document first sifts them: a bit for each (first, last) byte
 * (byte_ends_bit) of those met, with the first word met for it, and a bit
 * for each of two words that differ (only such a word can be paired: two
 * words paired share their first and last bytes), and their count. Noted
 * as make_group splits each fold key (no second walk over the groups'
 * words). A group of more than MAX_WORDS words (never compared) has its
 * first MAX_WORDS noted too: that only lets more words through the sieve,
 * and the count stays a bound. Bit 256 stands for every shorter word: it
 * is set in `two` from the start, so such a word is passed over. */
typedef struct long_words {
    uint64_t once[5], two[5];
    word_ref first[257]; /* by bit: the first word met, where once is set */
    size_t count;
} long_words;

/* Notes the word w in lw; returns whether it is long, for the count. */
static inline bool note_long(long_words *lw, word_ref w)
{
    const bool is_long = w.len >= DOC_MIN_WORD;
    const unsigned b = is_long ? byte_ends_bit(w) : 256;
    const uint64_t bit = (uint64_t)1 << (b & 63);
    if (lw->two[b >> 6] & bit)
        return is_long; /* a short word, or two differ already */
    if (lw->once[b >> 6] & bit) {
        const word_ref f = lw->first[b];
        if (f.len != w.len || !fl_bytes_eq(f.s, w.s, w.len))
            lw->two[b >> 6] |= bit;
    } else {
        lw->once[b >> 6] |= bit;
        lw->first[b] = w;
    }
    return is_long;
}

/* Bit 7 of each byte of v that is a separator, and maybe of bytes above
 * one (a borrow runs on from a byte that matched): the lowest bit set is
 * exact. */
static inline uint64_t sep_bytes(uint64_t v)
{
    const uint64_t sp = v ^ (' ' * FL_BYTES_01), hy = v ^ ('-' * FL_BYTES_01);
    return (((sp - FL_BYTES_01) & ~sp) | ((hy - FL_BYTES_01) & ~hy)) & FL_BYTES_80;
}

/* The index of the first separator of s[0..len) (len at least 4), or len
 * when it has none: eight bytes at a time (four and four for a key of
 * four to eight), the last load overlapping bytes already known not to be
 * separators, none read past len. */
static size_t first_sep(const char *s, size_t len)
{
    uint64_t m;
    if (len <= 8) {
        if ((m = sep_bytes(fl_load4(s))))
            return (size_t)__builtin_ctzll(m) / 8;
        m = sep_bytes(fl_load4(s + len - 4));
        return m ? len - 4 + (size_t)__builtin_ctzll(m) / 8 : len;
    }
    for (size_t i = 0; i + 8 < len; i += 8)
        if ((m = sep_bytes(fl_load8(s + i))))
            return i + (size_t)__builtin_ctzll(m) / 8;
    m = sep_bytes(fl_load8(s + len - 8));
    return m ? len - 8 + (size_t)__builtin_ctzll(m) / 8 : len;
}

/* split_words for a fold key, which ends with a NUL at s[len] (fold keys
 * are NUL-terminated strings of strlen len), whose first separator is at
 * `sep` (first_sep: the first word, when sep is not 0, is not walked
 * again): the NUL stops the walks, so a word's bytes are tested once
 * each, against one table. Each word kept is noted in lw. */
static size_t split_fold(const char *s, size_t len, size_t sep, word_ref *words, size_t cap,
                         long_words *lw)
{
    size_t n = 0, i = sep, nlong = 0;
    if (sep) {
        words[0] = (word_ref){s, sep};
        nlong += note_long(lw, words[0]);
        n = 1;
    }
    for (;;) {
        while (s[i] == ' ' || s[i] == '-')
            i++;
        if (i >= len)
            break;
        size_t start = i;
        while (!WORD_STOP[(unsigned char)s[i]])
            i++;
        if (n < cap) {
            const word_ref w = {s + start, i - start};
            words[n] = w;
            nlong += note_long(lw, w);
        }
        n++;
    }
    lw->count += nlong;
    return n;
}

static bool word_eq(word_ref a, word_ref b)
{
    return a.len == b.len && fl_bytes_eq(a.s, b.s, a.len);
}

static bool all_letters(const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cps[i] < 0x80 && !((cps[i] | 0x20) >= 'a' && (cps[i] | 0x20) <= 'z') && cps[i] != '\'')
            return false;
    return true;
}

/* Whether the eight bytes of v are ASCII letters and apostrophes. */
static bool letters8(uint64_t v)
{
    if (v & FL_BYTES_80)
        return false;
    return (FL_BYTES_IN(v | 0x20 * FL_BYTES_01, 'a', 'z') | FL_BYTES_IN(v, '\'', '\'')) ==
           FL_BYTES_80;
}

/* Whether s[0..len) is ASCII letters and apostrophes, at most
 * FL_NEAR_MAX_CPS of them: then its code points are its bytes, and
 * all_letters holds of them (no decoding needed to tell). Eight bytes at a
 * time, overlapping (four and four for a word of four to eight). */
static bool ascii_letter_word(const char *s, size_t len)
{
    if (len > FL_NEAR_MAX_CPS)
        return false;
    if (len < 4) {
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            if ((unsigned char)((c | 0x20) - 'a') > 'z' - 'a' && c != '\'')
                return false;
        }
        return true;
    }
    if (len <= 8)
        return letters8(fl_load4(s) | (uint64_t)fl_load4(s + len - 4) << 32);
    for (size_t i = 0; i + 8 < len; i += 8)
        if (!letters8(fl_load8(s + i)))
            return false;
    return letters8(fl_load8(s + len - 8));
}

/* Whether word a could be a typo of word b: edits within the allowance
 * for its length, same first and last letters, the shorter word at least
 * min_len code points. Returns the edits or 0. */
static unsigned word_typo(word_ref a, word_ref b, size_t min_len)
{
    uint32_t ca[FL_NEAR_MAX_CPS], cb[FL_NEAR_MAX_CPS];
    size_t na = fl_near_decode(a.s, a.len, ca, FL_NEAR_MAX_CPS);
    size_t nb = fl_near_decode(b.s, b.len, cb, FL_NEAR_MAX_CPS);
    if (na > FL_NEAR_MAX_CPS || nb > FL_NEAR_MAX_CPS || na < 2 || nb < 2)
        return 0;
    size_t shorter = na < nb ? na : nb;
    if (shorter < min_len || !all_letters(ca, na) || !all_letters(cb, nb))
        return 0;
    if (ca[0] != cb[0] || ca[na - 1] != cb[nb - 1])
        return 0;
    unsigned allowed = shorter >= TWO_EDITS_MIN ? 2 : 1;
    unsigned d = fl_edit_distance(ca, na, cb, nb, allowed);
    if (d < 1 || d > allowed)
        return 0;
    /* one skeleton: a look-alike (Castеllanos with a Cyrillic е), which
     * name-variant reports */
    char ka[KEY_CAP], kb[KEY_CAP];
    size_t la = fl_skeleton(a.s, a.len, 0, ka, sizeof ka);
    size_t lb = fl_skeleton(b.s, b.len, 0, kb, sizeof kb);
    if (la == lb && la < sizeof ka && memcmp(ka, kb, la) == 0)
        return 0;
    return d;
}

/* Whether name a (folded words) could be a typo of name b: one word
 * differs, as word_typo allows. Sets *which to that word's index. */
static unsigned name_typo(const word_ref *a, size_t na, const word_ref *b, size_t nb,
                          size_t min_len, size_t *which)
{
    if (na != nb || na == 0 || na > MAX_WORDS)
        return 0;
    size_t diff = na;
    for (size_t i = 0; i < na; i++) {
        if (word_eq(a[i], b[i]))
            continue;
        if (diff != na)
            return 0;
        diff = i;
    }
    if (diff == na)
        return 0;
    *which = diff;
    return word_typo(a[diff], b[diff], min_len);
}

static const char *edits_text(unsigned edits)
{
    return edits == 1 ? "one letter" : "two letters";
}

static size_t fold_into(const char *s, size_t len, char *key)
{
    size_t n = fl_fold(s, len, 0, key, KEY_CAP);
    return n < KEY_CAP ? n : 0;
}

static bool lexicon_knows(const fl_doc *doc, const char *fold, size_t len)
{
    const fl_lex_hit *hits;
    return fl_lexicon_by_fold(doc->lexicon, fold, len, &hits) > 0;
}

/* The document's groups, in the order of their fold keys' ids in the
 * shared fold set (first met), and by id the group with that key. */
typedef struct group_table {
    name_group *items;
    size_t count;
    const fl_name_keys *keys; /* the fold set */
    const uint32_t *of;       /* by key id: group index + 1; 0: none */
} group_table;

/* The group whose fold key is fold[0..len), or NULL. */
static name_group *find_group(const group_table *t, const char *fold, size_t len)
{
    size_t id = fl_name_keys_find(t->keys, fold, len);
    if (id == FL_NAME_NO_KEY || !t->of[id])
        return NULL;
    return &t->items[t->of[id] - 1];
}

static bool make_main(fl_doc *doc, name_group *g);

/* Makes the group's main form when not yet done. False when out of
 * memory. */
static bool group_main(fl_doc *doc, name_group *g)
{
    return g->main || make_main(doc, g);
}

/* The exact form with its word `which` replaced by `word`; NULL when the
 * form's words do not line up with its fold key's. */
static const char *replace_word(fl_doc *doc, const fl_name_form *form, size_t nwords, size_t which,
                                const char *word)
{
    word_ref w[MAX_WORDS];
    if (split_words(form->text, form->len, w, MAX_WORDS) != nwords)
        return NULL;
    size_t start = (size_t)(w[which].s - form->text);
    return fl_arena_printf(doc->arena, "%.*s%s%s", (int)start, form->text, word,
                           w[which].s + w[which].len);
}

/* The word as first written in the document: its original case. */
static const char *original_word(fl_doc *doc, name_group *g, size_t which)
{
    if (!group_main(doc, g))
        return NULL;
    word_ref w[MAX_WORDS];
    if (split_words(g->main->text, g->main->len, w, MAX_WORDS) != g->nwords)
        return NULL;
    return fl_arena_strndup(doc->arena, w[which].s, w[which].len);
}

/* Whether two uses have one form: most repeats of a name share their
 * mention's surface (fl_name_folds_get copies the first use's form), so
 * the pointers are compared before the bytes. */
static bool same_form(const fl_name_use *a, const fl_name_use *b)
{
    return a->form_len == b->form_len &&
           (a->form == b->form || fl_bytes_eq(a->form, b->form, a->form_len));
}

/* Copies the group's uses from their list (in mention order) when not
 * yet done (one use: the shared one when it is its mention's own). False
 * when out of memory. */
static bool group_uses(fl_doc *doc, name_group *g)
{
    if (g->uses)
        return true;
    if (g->count == 1) {
        /* the shared use (not written: one use is sorted), or a copy */
        g->uses = lasting_use(doc, g->lists, g->head);
        return g->uses != NULL;
    }
    fl_name_use *uses = fl_arena_alloc_uninit(doc->arena, g->count * sizeof *uses);
    if (!uses) {
        doc->status = FL_ENOMEM;
        return false;
    }
    const use_lists *l = g->lists;
    const uint32_t *next = list_links(doc, g->lists);
    if (!next)
        return false;
    for (size_t i = 0, k = g->head;; k = next[k]) {
        fl_name_use tmp;
        uses[i] = *list_use(l, k, &tmp);
        if (++i == g->count)
            break;
    }
    g->uses = uses;
    return true;
}

/* Puts the group's uses in form order (made lazily: most groups are never
 * reported), its main form's uses then the run of them. False when out of
 * memory. */
static bool sort_group(fl_doc *doc, name_group *g)
{
    if (!group_main(doc, g))
        return false;
    if (g->sorted)
        return group_uses(doc, g); /* one use: made when first asked */
    if (!group_uses(doc, g) || !fl_name_uses_sort_group(doc, g->uses, g->count))
        return false;
    g->sorted = true;
    fl_name_form *f = &g->main_form;
    for (size_t r = 0; r < g->count; r++)
        if (g->uses[r].form_len == f->len && memcmp(g->uses[r].form, f->text, f->len) == 0) {
            f->uses = &g->uses[r];
            break;
        }
    return true;
}

static void report_group(fl_doc *doc, name_group *g, const char *right_text, name_group *right,
                         const char *message)
{
    if (!sort_group(doc, g) || (right && !sort_group(doc, right)))
        return;
    fl_name_form whole = {
        .text = g->main->text, .len = g->main->len, .uses = g->uses, .count = g->count};
    fl_blame_report(doc, RULE, FL_SEV_WARNING, &whole, right_text, right ? right->main : NULL,
                    message);
    g->reported = true;
}

/* "Pittsburg, Kansas": a place named with its region is meant. */
static bool followed_by_region(const fl_doc *doc, const fl_name_use *u)
{
    const fl_mention *m = FL_DOC_MENTION(doc, u->mention);
    size_t at = m->off + m->len;
    const char *t = doc->prose.text;
    return at + 2 < doc->prose.len && t[at] == ',' && t[at + 1] == ' ' && t[at + 2] >= 'A' &&
           t[at + 2] <= 'Z';
}

/* Whether one of the group's uses is followed by a region (found when
 * first asked). */
static bool qualified(fl_doc *doc, name_group *g)
{
    if (g->qualified < 0) {
        g->qualified = 0;
        if (g->uses) {
            for (size_t i = 0; i < g->count && !g->qualified; i++)
                g->qualified = followed_by_region(doc, &g->uses[i]);
            return g->qualified;
        }
        /* from the list (the uses not copied) */
        const use_lists *l = g->lists;
        const uint32_t *next = g->count > 1 ? list_links(doc, g->lists) : NULL;
        if (g->count > 1 && !next) {
            g->qualified = 1; /* out of memory (doc->status set): no report */
            return true;
        }
        for (size_t i = 0, k = g->head; i < g->count && !g->qualified; i++) {
            g->qualified = followed_by_region(doc, &(fl_name_use){.mention = list_mention(l, k)});
            if (next && i + 1 < g->count) /* (next: set whenever there is a next use) */
                k = next[k];
        }
    }
    return g->qualified;
}

/* ------------------------------------------------------- lexicon checks */

static void check_misspelling(fl_doc *doc, name_group *g, const group_table *groups)
{
    const fl_lex_hit *hits = g->misspellings;
    size_t n = g->nmisspellings;
    char a[KEY_CAP], b[KEY_CAP];
    if (!group_main(doc, g))
        return;
    for (size_t i = 0; i < n; i++) {
        const char *canon = hits[i].entry->canonical;
        /* casing and spacing slips belong to name-casing and name-variant */
        size_t la = fl_skeleton(g->main->text, g->main->len, 0, a, sizeof a);
        size_t lb = fl_skeleton(canon, strlen(canon), 0, b, sizeof b);
        if (la == lb && memcmp(a, b, la) == 0)
            continue;
        size_t cl = fold_into(canon, strlen(canon), a);
        name_group *right = cl ? find_group(groups, a, cl) : NULL;
        if (right && !group_main(doc, right))
            return;
        const char *message =
            right ? fl_arena_printf(doc->arena,
                                    "`%s` (%s) is a known misspelling of `%s` (%s); write `%s`",
                                    g->main->text, fl_blame_times(doc, g->count), canon,
                                    fl_blame_where(doc, right->main), canon)
                  : fl_arena_printf(doc->arena,
                                    "`%s` (%s) is a known misspelling of `%s`; write `%s`",
                                    g->main->text, fl_blame_times(doc, g->count), canon, canon);
        report_group(doc, g, canon, right, message);
        return;
    }
}

/* The skeleton key (fl_skeleton, flags 0) of the group's main form in
 * *key, with its length as fl_skeleton returns it: the mention's own
 * skeleton when the form is its whole surface (mentions.c keys every kind
 * but codes with flags 0), else made in buf (cap bytes). */
static size_t main_skeleton(const fl_doc *doc, const name_group *g, char *buf, size_t cap,
                            const char **key)
{
    *key = buf;
    const fl_name_use *u = g->main->uses;
    if (u->mention != FL_NAME_NO_MENTION && u->mention < doc->mentions.count) {
        const fl_mention *m = FL_DOC_MENTION(doc, u->mention);
        if (m->skeleton && m->kind != FL_M_CODE && u->form == m->surface && u->form_len == m->len &&
            !u->suffix[0]) {
            size_t n = strlen(m->skeleton);
            if (n < cap) {
                *key = m->skeleton;
                return n;
            }
        }
    }
    return fl_skeleton(g->main->text, g->main->len, 0, buf, cap);
}

/* Whether the lexicon has a name with the group's words but word i in
 * place (others: the sum of their fl_near_word_mix, 0 for one word) and
 * at i a word that word_typo may take for word i's right spelling: all
 * letters, the same first and last code points, the shorter of the two
 * at least min_len code points long and their counts within the edits
 * allowed. */
static bool typo_shaped(const fl_doc *doc, const name_group *g, size_t i, uint64_t others,
                        size_t min_len)
{
    uint32_t cps[FL_NEAR_MAX_CPS];
    const char *ws = g->words[i].s;
    size_t n = g->words[i].len;
    /* a word of one name asks for its letters (fl_near_letters), which
     * tell whether it is ASCII letters too; another word asks only that */
    uint32_t letters = FL_NEAR_ANY_LETTERS;
    if (g->nwords == 1 && n <= FL_NEAR_MAX_CPS)
        letters = fl_near_letters(ws, n);
    if (letters != FL_NEAR_ANY_LETTERS || (g->nwords > 1 && ascii_letter_word(ws, n))) {
        /* only the first and last code points are read below */
        if (n < 2 || n < min_len)
            return false;
        cps[0] = (unsigned char)ws[0];
        cps[n - 1] = (unsigned char)ws[n - 1];
    } else {
        n = fl_near_decode(ws, n, cps, FL_NEAR_MAX_CPS);
        if (n > FL_NEAR_MAX_CPS || n < 2 || n < min_len || !all_letters(cps, n))
            return false;
    }
    /* a word one shorter or longer (or as long) with the shorter at least
     * min_len; two off only when the shorter is long enough for two edits */
    size_t lo = n - 1 >= min_len ? n - 1 : n, hi = n + 1;
    if (n >= TWO_EDITS_MIN)
        hi = n + 2;
    if (n - 2 >= TWO_EDITS_MIN && n - 2 >= min_len)
        lo = n - 2;
    /* (the letters, for a name of one word, allow as many edits as
     * word_typo could: two where the word is long enough) */
    return fl_lexicon_near_typo(doc->lexicon, g->nwords, i, others, cps[0], cps[n - 1], lo, hi,
                                letters, n >= TWO_EDITS_MIN ? 2 : 1);
}

/* fl_lexicon_near's answers, kept in the workspace across documents
 * (names recur from one news story to the next): a direct-mapped table of
 * the keys looked up, each with its count of results and, when it has no
 * more than NEAR_MEMO_HITS, the results (an answer with more is not
 * kept). The answers are those of one lexicon, told by its address and
 * stamp (fl_lexicon_stamp; the address alone could be a freed lexicon's
 * and another's later); a document with another lexicon empties it. */
enum { NEAR_MEMO_SLOTS = 1024, NEAR_MEMO_KEY = 48, NEAR_MEMO_HITS = 2 };
typedef struct near_memo_slot {
    uint64_t hash;
    uint32_t len, max_edits, found;
    char key[NEAR_MEMO_KEY];
    fl_lex_near near[NEAR_MEMO_HITS];
} near_memo_slot;

typedef struct near_memo {
    const fl_lexicon *lex;
    uint64_t stamp;
    /* a bit for each slot filled: the slots themselves are not cleared
     * (some 150 KB, where a document fills a few) */
    uint64_t used[NEAR_MEMO_SLOTS / 64];
    near_memo_slot slots[NEAR_MEMO_SLOTS];
} near_memo;

static uint64_t near_memo_hash(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull ^ len;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

/* fl_lexicon_near(doc->lexicon, ...) through the workspace's memo. */
static size_t lexicon_near(fl_doc *doc, const char *key, size_t len, unsigned max_edits,
                           fl_lex_near *out, size_t cap)
{
    void **block = doc->lexicon && len > 0 && len < NEAR_MEMO_KEY && cap >= NEAR_MEMO_HITS
                       ? fl_ctx_ws_memo(doc, FL_CTX_MEMO_NAME_NEAR)
                       : NULL;
    if (block && !*block) {
        /* (calloc: a block this large comes as fresh zeroed pages, no
         * clearing; the slots are read only once marked used) */
        near_memo *made = calloc(1, sizeof *made);
        *block = made;
    }
    if (!block || !*block)
        return fl_lexicon_near(doc->lexicon, key, len, max_edits, out, cap);
    near_memo *memo = *block;
    const uint64_t stamp = fl_lexicon_stamp(doc->lexicon);
    if (memo->lex != doc->lexicon || memo->stamp != stamp) {
        memset(memo->used, 0, sizeof memo->used);
        memo->lex = doc->lexicon;
        memo->stamp = stamp;
    }
    uint64_t h = near_memo_hash(key, len);
    const size_t at = h & (NEAR_MEMO_SLOTS - 1);
    const uint64_t bit = (uint64_t)1 << (at & 63);
    near_memo_slot *sl = &memo->slots[at];
    if ((memo->used[at >> 6] & bit) && sl->hash == h && sl->len == len &&
        sl->max_edits == max_edits && memcmp(sl->key, key, len) == 0) {
        memcpy(out, sl->near, sl->found * sizeof *out);
        return sl->found;
    }
    size_t n = fl_lexicon_near(doc->lexicon, key, len, max_edits, out, cap);
    if (n <= NEAR_MEMO_HITS) {
        memo->used[at >> 6] |= bit;
        sl->hash = h;
        sl->len = (uint32_t)len;
        sl->max_edits = max_edits;
        sl->found = (uint32_t)n;
        memcpy(sl->key, key, len);
        memcpy(sl->near, out, n * sizeof *out);
    }
    return n;
}

static void check_lexicon_near(fl_doc *doc, name_group *g, const group_table *groups)
{
    /* a single word shorter than LEX_MIN_WORD can match nothing below */
    if (g->nwords == 1 && g->words[0].len < LEX_MIN_WORD)
        return;
    /* a lexicon name it is a typo of has the same words but one, in place
     * (name_typo): without them, no lookup */
    if (g->nwords == 0)
        return;
    size_t missing = 0; /* words not in place */
    bool placed[MAX_WORDS] = {false};
    uint64_t word_hash[MAX_WORDS]; /* set for every word when several */
    for (size_t i = 0; i < g->nwords && g->nwords > 1; i++) {
        placed[i] = fl_lexicon_near_word_hash(doc->lexicon, g->nwords, i, g->words[i].s,
                                              g->words[i].len, &word_hash[i]);
        /* a word not in place is the one that differs: not when another
         * is already, nor when it has fewer bytes than LEX_MIN_SHARED code
         * points (never typo_shaped) */
        if (!placed[i] && (missing++ || g->words[i].len < LEX_MIN_SHARED))
            return;
    }
    /* and one lexicon name has the other words in place and, for the word
     * that differs (the one not in place, if any), a word that word_typo
     * may take */
    uint64_t mix[MAX_WORDS], all = 0;
    for (size_t i = 0; i < g->nwords && g->nwords > 1; i++) {
        mix[i] = fl_near_word_mix_hashed(i, word_hash[i]);
        all += mix[i];
    }
    size_t min_len = g->nwords > 1 ? LEX_MIN_SHARED : LEX_MIN_WORD;
    bool shaped = false;
    for (size_t i = 0; i < g->nwords && !shaped; i++)
        if (!placed[i] || !missing)
            shaped = typo_shaped(doc, g, i, g->nwords > 1 ? all - mix[i] : 0, min_len);
    if (!shaped)
        return;
    /* a place named with its region is meant (asked only now: the tests
     * above are cheaper and turn most groups away) */
    if (qualified(doc, g))
        return;
    char buf[KEY_CAP];
    const char *skel;
    if (!group_main(doc, g))
        return;
    size_t sl = main_skeleton(doc, g, buf, sizeof buf, &skel);
    if (sl == 0 || sl >= sizeof buf)
        return;
    enum { CAP = 16 };
    fl_lex_near near[CAP];
    /* two edits only where some word is long enough to allow them */
    unsigned max_edits = 1;
    for (size_t i = 0; i < g->nwords; i++)
        if (g->words[i].len >= TWO_EDITS_MIN)
            max_edits = 2;
    size_t n = lexicon_near(doc, skel, sl, max_edits, near, CAP);
    if (n > CAP)
        return;
    const fl_lex_entry *match = NULL;
    const char *form = NULL;
    unsigned edits = 0;
    size_t which = 0;
    char fold[KEY_CAP];
    for (size_t i = 0; i < n; i++) {
        const fl_lex_entry *e = near[i].hit.entry;
        if (e->kind == FL_LEX_ACRONYM)
            continue;
        size_t fl = fold_into(near[i].hit.form, strlen(near[i].hit.form), fold);
        word_ref w[MAX_WORDS];
        size_t nw = split_words(fold, fl, w, MAX_WORDS);
        size_t k;
        /* another word of the name that matches vouches for a shorter one
         * (Sao Paolo, Jenson Huang) */
        unsigned d = name_typo(g->words, g->nwords, w, nw,
                               g->nwords > 1 ? LEX_MIN_SHARED : LEX_MIN_WORD, &k);
        if (!d)
            continue;
        if (match && match != e)
            return; /* near two different names: no way to tell which */
        if (!match) {
            match = e;
            form = near[i].hit.form;
            edits = d;
            which = k;
        }
    }
    if (!match)
        return;
    (void)which;
    /* the form that matched: an alias (Activision) rather than the
     * canonical form (Activision Blizzard) */
    const char *right_text = form;
    size_t cl = fold_into(right_text, strlen(right_text), fold);
    name_group *right = cl ? find_group(groups, fold, cl) : NULL;
    if (right && !group_main(doc, right))
        return;
    const char *message =
        right ? fl_arena_printf(doc->arena,
                                "`%s` (%s) is %s off the known name `%s` (%s); "
                                "write `%s`",
                                g->main->text, fl_blame_times(doc, g->count), edits_text(edits),
                                right_text, fl_blame_where(doc, right->main), right_text)
              : fl_arena_printf(doc->arena, "`%s` (%s) is %s off the known name `%s`; write `%s`",
                                g->main->text, fl_blame_times(doc, g->count), edits_text(edits),
                                right_text, right_text);
    report_group(doc, g, right_text, right, message);
}

/* ----------------------------------------------------- document checks */

/* The targets of check_document by their first and last code points
 * (the two a typo keeps): an open-addressing table from the pair to a
 * chain of the targets with it. A lookup's answer does not depend on the
 * chain's order (see check_document). */
typedef struct ends_index {
    uint64_t *keys;  /* ends_key; set where heads is not 0 */
    uint32_t *heads; /* word + 1; 0: an empty slot */
    uint32_t *next;  /* by word: the next word + 1 with its ends; 0: none */
    size_t mask;
} ends_index;

static uint64_t ends_key(const name_word *w)
{
    return (uint64_t)w->first << 32 | w->last;
}

static bool ends_index_init(fl_doc *doc, ends_index *ix, size_t items, size_t nw)
{
    size_t cap = 8;
    while (cap < 2 * items)
        cap *= 2;
    /* one arena block, not three: the keys (8 bytes each), the heads
     * (zeroed), then the links */
    unsigned char *block = fl_arena_alloc_uninit(
        doc->arena, cap * (sizeof *ix->keys + sizeof *ix->heads) + (nw + 1) * sizeof *ix->next);
    if (!block) {
        doc->status = FL_ENOMEM;
        return false;
    }
    ix->keys = (uint64_t *)(void *)block;
    ix->heads = (uint32_t *)(void *)(ix->keys + cap);
    ix->next = ix->heads + cap;
    memset(ix->heads, 0, cap * sizeof *ix->heads);
    ix->mask = cap - 1;
    return true;
}

static size_t ends_slot(const ends_index *ix, uint64_t key)
{
    /* the key's bits mixed (its code points alone fill a narrow band of
     * slots, and linear probing would run long) */
    size_t at = (size_t)((key * 0x9e3779b97f4a7c15ull) >> 32) & ix->mask;
    while (ix->heads[at] && ix->keys[at] != key)
        at = (at + 1) & ix->mask;
    return at;
}

static void ends_index_add(ends_index *ix, const name_word *words, size_t word)
{
    const uint64_t key = ends_key(&words[word]);
    const size_t at = ends_slot(ix, key);
    ix->keys[at] = key;
    ix->next[word] = ix->heads[at];
    ix->heads[at] = (uint32_t)(word + 1);
}

/* strcmp order of two words (no NUL inside): bytes, then length. */
static int word_order(const name_word *a, const name_word *b)
{
    int c = memcmp(a->fold, b->fold, a->len < b->len ? a->len : b->len);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

/* A query word and its one correction, with the edits between them. */
typedef struct typo_match {
    const name_word *query, *right;
    unsigned edits;
} typo_match;

/* typo_match in the queries' strcmp order. */
static int match_order(const void *pa, const void *pb)
{
    return word_order(((const typo_match *)pa)->query, ((const typo_match *)pb)->query);
}

/* Whether w and v name different people: each word appears in a full
 * name, and no full name with w becomes a full name with v by swapping
 * the word. */
static bool full_names_disagree(const name_group *groups, size_t ng, word_ref w, word_ref v)
{
    bool w_full = false, v_full = false, paired = false;
    for (size_t i = 0; i < ng; i++) {
        const name_group *g = &groups[i];
        if (g->nwords < 2)
            continue;
        for (size_t k = 0; k < g->nwords; k++) {
            if (word_eq(g->words[k], v))
                v_full = true;
            if (!word_eq(g->words[k], w))
                continue;
            w_full = true;
            for (size_t j = 0; j < ng && !paired; j++) {
                const name_group *h = &groups[j];
                if (h->nwords != g->nwords)
                    continue;
                bool same = word_eq(h->words[k], v);
                for (size_t x = 0; x < g->nwords && same; x++)
                    same = x == k || word_eq(g->words[x], h->words[x]);
                paired = same;
            }
        }
    }
    return w_full && v_full && !paired;
}

/* The shapes of the document's words (first and last code points, code
 * point count), each with the highest use count among the words that may
 * be corrected towards (targets) and the lowest among the words that may
 * be corrected (queries). Keys are exact. */
typedef struct shape_slot {
    uint64_t key; /* 0: empty */
    size_t max_target, min_query;
} shape_slot;

typedef struct shape_table {
    shape_slot *slots;
    size_t mask;
} shape_table;

static uint64_t shape_key(const name_word *w, size_t ncps)
{
    return (uint64_t)w->first << 27 | (uint64_t)w->last << 6 | ncps;
}

static bool bit_is_set(const uint64_t *bits, unsigned b)
{
    return (bits[b >> 6] >> (b & 63)) & 1;
}

/* A word's bit among 256 for its first and last code points. */
static unsigned ends_bit(const name_word *w)
{
    return (unsigned)((w->first * 31u + w->last) & 255u);
}

static bool shape_table_init(fl_doc *doc, shape_table *t, size_t words)
{
    size_t cap = 16;
    while (cap < 2 * words)
        cap *= 2;
    t->slots = fl_arena_alloc(doc->arena, cap * sizeof *t->slots);
    t->mask = cap - 1;
    if (!t->slots)
        doc->status = FL_ENOMEM;
    return t->slots != NULL;
}

static size_t shape_at(const shape_table *t, uint64_t key)
{
    uint64_t h = key * 0x9e3779b97f4a7c15ull;
    size_t at = (size_t)(h >> 32) & t->mask;
    while (t->slots[at].key && t->slots[at].key != key)
        at = (at + 1) & t->mask;
    return at;
}

static void shape_note(shape_table *t, uint64_t key, bool query, bool target, size_t freq)
{
    shape_slot *sl = &t->slots[shape_at(t, key)];
    if (!sl->key)
        *sl = (shape_slot){key, 0, SIZE_MAX};
    if (target && freq > sl->max_target)
        sl->max_target = freq;
    if (query && freq < sl->min_query)
        sl->min_query = freq;
}

static const shape_slot *shape_find(const shape_table *t, uint64_t key)
{
    const shape_slot *sl = &t->slots[shape_at(t, key)];
    return sl->key ? sl : NULL;
}

/* The distinct words of the document's names (not NUL-terminated) of at
 * least DOC_MIN_WORD bytes (no shorter word is compared), in the order
 * first met, with the uses of the names containing them and the
 * most used such name (the first in strcmp order of folds on a tie). Returns the
 * count; *out is NULL when out of memory. */
static size_t distinct_words(fl_doc *doc, const name_group *groups, size_t ng, size_t total,
                             const uint64_t *paired, name_word **out)
{
    *out = NULL;
    /* the words by their bit and the low bits of their length (few share
     * both): a chain from head[slot] (word + 1, set where `inited` has the
     * slot's bit) through next */
    /* (one arena block, not two: the words, then their links) */
    name_word *words =
        fl_arena_alloc_uninit(doc->arena, (total + 1) * (sizeof *words + sizeof(uint32_t)));
    if (!words) {
        doc->status = FL_ENOMEM;
        return 0;
    }
    uint32_t *next = (uint32_t *)(void *)(words + total + 1);
    uint32_t head[1024];
    uint64_t inited[16];
    memset(inited, 0, sizeof inited);
    size_t nw = 0;
    for (size_t i = 0; i < ng; i++)
        for (size_t k = 0; k < groups[i].nwords; k++) {
            const word_ref wr = groups[i].words[k];
            if (wr.len < DOC_MIN_WORD)
                continue;
            const unsigned b = byte_ends_bit(wr);
            if (!bit_is_set(paired, b))
                continue;
            const unsigned h = b | (unsigned)(wr.len & 3) << 8;
            uint32_t t = 0;
            if (bit_is_set(inited, h)) {
                for (t = head[h]; t; t = next[t - 1])
                    if (words[t - 1].len == wr.len && fl_bytes_eq(words[t - 1].fold, wr.s, wr.len))
                        break;
            } else {
                inited[h >> 6] |= (uint64_t)1 << (h & 63);
                head[h] = 0;
            }
            if (!t) {
                /* a new word (at most total of them: the long words) */
                name_word *w = &words[nw];
                w->fold = wr.s;
                w->len = wr.len;
                w->freq = groups[i].count;
                w->first_group = i;
                next[nw] = head[h];
                head[h] = (uint32_t)++nw;
                continue;
            }
            name_word *w = &words[t - 1];
            w->freq += groups[i].count;
            /* the most used, the first by fold on a tie */
            const name_group *was = &groups[w->first_group];
            if (groups[i].count > was->count ||
                (groups[i].count == was->count && strcmp(groups[i].fold, was->fold) < 0))
                w->first_group = i;
        }
    *out = words;
    return nw;
}

static void check_document(fl_doc *doc, name_group *groups, size_t ng, const long_words *lw)
{
    /* the distinct words of the document's names, with frequencies: only
     * those of DOC_MIN_WORD bytes or more, and whose first and last bytes
     * some other word has (a word is only ever paired with one of its
     * first and last letters): lw's bits. No two such words with one bit:
     * none can be paired (lw->count bounds the count of those that are) */
    const uint64_t *two = lw->two;
    if (!(two[0] | two[1] | two[2] | two[3]))
        return;
    name_word *words;
    size_t nw = distinct_words(doc, groups, ng, lw->count, two, &words);
    if (!words)
        return;
    /* A word is looked up (a query) when used at most twice and unknown
     * to the lexicon; it can only be a typo of a word used more often, so
     * only words used at least twice are tried (targets), and only those
     * with the shape of some query. */
    unsigned char *role = fl_arena_alloc_uninit(doc->arena, nw + 1);
    if (!role) {
        doc->status = FL_ENOMEM;
        return;
    }
    enum { QUERY = 1, TARGET = 2 };
    /* the words word_typo can pair, and their shapes: a word is only ever
     * paired with one of the same first and last letters and nearly its
     * length, used more often; first a bit for each (first, last) code
     * point of the queries and of the targets */
    uint64_t query_ends[4] = {0, 0, 0, 0}, target_ends[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < nw; i++) {
        name_word *w = &words[i];
        role[i] = 0;
        if (w->len < DOC_MIN_WORD) { /* fewer bytes than code points needed */
            w->ncps = w->len;
            continue;
        }
        w->ascii = ascii_letter_word(w->fold, w->len);
        if (w->ascii) {
            /* the code points are the bytes */
            w->ncps = w->len;
            w->first = (unsigned char)w->fold[0];
            w->last = (unsigned char)w->fold[w->len - 1];
        } else {
            uint32_t cps[FL_NEAR_MAX_CPS];
            w->ncps = fl_near_decode(w->fold, w->len, cps, FL_NEAR_MAX_CPS);
            if (w->ncps < DOC_MIN_WORD || w->ncps > FL_NEAR_MAX_CPS || !all_letters(cps, w->ncps))
                continue;
            w->first = cps[0];
            w->last = cps[w->ncps - 1];
        }
        role[i] = (w->freq <= 2 ? QUERY : 0) | (w->freq >= 2 ? TARGET : 0);
        unsigned b = ends_bit(w);
        if (role[i] & QUERY)
            query_ends[b >> 6] |= (uint64_t)1 << (b & 63);
        if (role[i] & TARGET)
            target_ends[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    /* only a word with a word of the other role and its first and last
     * letters can be paired (or tell another's shape) */
    size_t paired = 0;
    for (size_t i = 0; i < nw; i++) {
        if (!role[i])
            continue;
        unsigned b = ends_bit(&words[i]);
        bool query = (role[i] & QUERY) && ((target_ends[b >> 6] >> (b & 63)) & 1);
        bool target = (role[i] & TARGET) && ((query_ends[b >> 6] >> (b & 63)) & 1);
        if (!query && !target)
            role[i] = 0;
        else
            paired++;
    }
    if (paired == 0)
        return;
    shape_table shapes;
    if (!shape_table_init(doc, &shapes, paired))
        return;
    for (size_t i = 0; i < nw; i++)
        if (role[i]) {
            name_word *w = &words[i];
            shape_note(&shapes, shape_key(w, w->ncps), role[i] & QUERY, role[i] & TARGET, w->freq);
        }
    size_t ntarget = 0;
    for (size_t i = 0; i < nw; i++) {
        name_word *w = &words[i];
        if (!role[i])
            continue;
        bool query = false, target = false;
        for (size_t m = w->ncps - 2; m <= w->ncps + 2; m++) {
            const shape_slot *sl = shape_find(&shapes, shape_key(w, m));
            if (!sl)
                continue;
            query |= (role[i] & QUERY) && sl->max_target > w->freq;
            target |= (role[i] & TARGET) && sl->min_query < w->freq;
        }
        role[i] =
            (query && !lexicon_knows(doc, w->fold, w->len) ? QUERY : 0) | (target ? TARGET : 0);
        ntarget += target;
        w->letters = 0;
        if (role[i] && w->ascii)
            for (size_t c = 0; c < w->len; c++)
                w->letters |= (uint32_t)1 << (w->fold[c] & 31);
    }
    if (ntarget == 0)
        return;
    /* the targets by their first and last letters, which each query's
     * candidates share: few (a handful in a news story, where some query
     * has one), so word_typo is asked directly of each with the query's
     * shape, not through an index of their deletion variants (whose
     * making cost more than the words it spared; it found the same
     * words: any two that word_typo pairs share a variant) */
    ends_index ix;
    if (!ends_index_init(doc, &ix, ntarget, nw))
        return;
    for (size_t i = 0; i < nw; i++)
        if (role[i] & TARGET)
            ends_index_add(&ix, words, i);

    /* each query's correction, when it has exactly one (found in any
     * order: the search reads nothing the reports write), then those in
     * the queries' strcmp order, the order findings are made in */
    size_t nq = 0;
    for (size_t i = 0; i < nw; i++)
        nq += (role[i] & QUERY) != 0;
    typo_match *matches = fl_arena_alloc_uninit(doc->arena, (nq + 1) * sizeof *matches);
    if (!matches) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t nm = 0;
    for (size_t i = 0; i < nw; i++) {
        if (!(role[i] & QUERY))
            continue;
        const name_word *w = &words[i];
        /* every word that is a typo of w and more used than w: exactly
         * one is a correction, more are ambiguous, whatever their order;
         * a typo keeps its first and last letters and is within two of
         * its length */
        size_t best = nw;
        unsigned best_edits = 0;
        bool ambiguous = false;
        for (uint32_t t = ix.heads[ends_slot(&ix, ends_key(w))]; t; t = ix.next[t - 1]) {
            const size_t j = t - 1;
            const name_word *v = &words[j];
            if (j == i || v->freq <= w->freq || v->ncps + 2 < w->ncps || w->ncps + 2 < v->ncps)
                continue;
            /* the edits word_typo allows these two (by the shorter) */
            const unsigned allowed =
                (v->ncps < w->ncps ? v->ncps : w->ncps) >= TWO_EDITS_MIN ? 2 : 1;
            if (w->letters && v->letters && letters_too_far(w->letters, v->letters, allowed))
                continue;
            unsigned d =
                word_typo((word_ref){w->fold, w->len}, (word_ref){v->fold, v->len}, DOC_MIN_WORD);
            if (!d)
                continue;
            if (best != nw)
                ambiguous = true;
            if (best == nw || v->freq > words[best].freq) {
                best = j;
                best_edits = d;
            }
        }
        if (best != nw && !ambiguous)
            matches[nm++] = (typo_match){w, &words[best], best_edits};
    }
    qsort(matches, nm, sizeof *matches, match_order);
    for (size_t q = 0; q < nm && doc->status == FL_OK; q++) {
        const name_word *w = matches[q].query;
        const unsigned best_edits = matches[q].edits;
        const name_word *v = matches[q].right;
        if (full_names_disagree(groups, ng, (word_ref){w->fold, w->len},
                                (word_ref){v->fold, v->len}))
            continue;
        name_group *right = &groups[v->first_group];
        /* (its first use in form order is named below) */
        if (!sort_group(doc, right))
            return;
        size_t rk = 0;
        while (rk < right->nwords && !(right->words[rk].len == v->len &&
                                       memcmp(right->words[rk].s, v->fold, v->len) == 0))
            rk++;
        const char *right_word = rk < right->nwords ? original_word(doc, right, rk) : NULL;
        if (!right_word)
            continue;
        for (size_t g = 0; g < ng && doc->status == FL_OK; g++) {
            name_group *grp = &groups[g];
            if (grp->reported || grp->known)
                continue;
            size_t which = grp->nwords;
            for (size_t x = 0; x < grp->nwords; x++)
                if (grp->words[x].len == w->len && memcmp(grp->words[x].s, w->fold, w->len) == 0)
                    which = x;
            if (which == grp->nwords || qualified(doc, grp))
                continue;
            if (!group_main(doc, grp))
                return;
            const char *fixed = replace_word(doc, grp->main, grp->nwords, which, right_word);
            if (!fixed)
                continue;
            const char *where =
                v->freq == 1 ? fl_arena_printf(doc->arena, "line %zu",
                                               fl_name_use_line(doc, &right->uses[0]))
                             : fl_arena_printf(doc->arena, "line %zu, %zu times",
                                               fl_name_use_line(doc, &right->uses[0]), v->freq);
            const char *message = fl_arena_printf(
                doc->arena,
                "`%s` (%s) is %s off `%s` (%s), the more frequent spelling in this document; "
                "write `%s`",
                grp->main->text, fl_blame_times(doc, grp->count), edits_text(best_edits),
                right_word, where, fixed);
            report_group(doc, grp, fixed, right, message);
        }
    }
}

/* ------------------------------------------------------------------ run */

/* A name outside all-caps sentences (sentences[0..nsentences), the
 * document's: passed in, as the stores to keep[] in run's walk might
 * change doc's fields for all gcc knows). */
static bool wanted(const fl_sentence *sentences, size_t nsentences, const fl_mention *m)
{
    return !(m->sentence < nsentences && sentences[m->sentence].all_caps);
}

/* The forms of a key's uses in mention order, when their offsets rise
 * strictly (no span is listed twice) and they have at most FEW_FORMS
 * forms: the shared use of each (its form), the index in keep of its
 * first use and its count. Returns how many forms; 0 otherwise. */
enum { FEW_FORMS = 8 };
static size_t count_forms(const use_lists *l, const uint32_t *next, size_t head, size_t count,
                          const fl_name_use **forms, size_t *firsts, size_t *counts)
{
    size_t nforms = 0, last = 0, off = 0;
    for (size_t i = 0, at = head; i < count; i++) {
        /* the shared use (its form) and the offset of keep[at]'s own
         * (fl_name_folds_use, not copied) */
        size_t u_at = at, m = l->keep[at];
        const fl_name_use *u = list_first(l, at);
        size_t u_off = l->folds->same[m] == m || !l->folds->inited[m]
                           ? u->off
                           : FL_DOC_MENTION(l->doc, m)->off;
        if (i + 1 < count)
            at = next[at];
        if (i > 0 && u_off <= off)
            return 0;
        off = u_off;
        size_t k = last;
        if (nforms == 0 || !same_form(u, forms[k])) {
            for (k = 0; k < nforms && !same_form(u, forms[k]); k++)
                ;
            if (k == nforms) {
                if (nforms == FEW_FORMS)
                    return 0;
                forms[nforms] = u;
                firsts[nforms] = u_at;
                counts[nforms++] = 0;
            }
            last = k;
        }
        counts[k]++;
    }
    return nforms;
}

/* Makes g's main form from the uses of its fold key (in mention order),
 * as fl_name_forms would split them, keeping only what this check reads:
 * a span listed twice (a mention of two kinds) counts once, and the most
 * frequent exact form (the first in form order on a tie) is the group's
 * main form. The uses are sorted only when that cannot be told from
 * mention order (else when the group is reported). False when out of
 * memory. */
static bool make_main(fl_doc *doc, name_group *g)
{
    const use_lists *lists = g->lists;
    size_t head = g->head, count = g->count;
    const fl_name_use *forms[FEW_FORMS], *u;
    size_t firsts[FEW_FORMS], counts[FEW_FORMS], best_count = 1;
    const uint32_t *next = count > 1 ? list_links(doc, g->lists) : NULL;
    if (count > 1 && !next)
        return false;
    size_t nforms = count > 1 ? count_forms(lists, next, head, count, forms, firsts, counts) : 1;
    if (count > 1 && nforms) {
        /* no span twice: the count stands; the most used form, the first
         * in form order on a tie; its first use is its first in mention
         * order (the offsets rise) */
        size_t best = 0;
        for (size_t k = 1; k < nforms; k++)
            if (counts[k] > counts[best] ||
                (counts[k] == counts[best] && fl_name_form_text_order(forms[k], forms[best]) < 0))
                best = k;
        u = lasting_use(doc, lists, firsts[best]);
        if (!u)
            return false;
        best_count = counts[best];
    } else if (count > 1) {
        if (!group_uses(doc, g) || !fl_name_uses_sort_group(doc, g->uses, count))
            return false;
        g->sorted = true;
        fl_name_use *uses = g->uses;
        size_t w = 1;
        for (size_t r = 1; r < count; r++) {
            if (uses[w - 1].off == uses[r].off && same_form(&uses[w - 1], &uses[r]))
                continue;
            if (w != r) /* moved only once a use was dropped */
                uses[w] = uses[r];
            w++;
        }
        count = w;
        size_t best = 0;
        best_count = 0;
        for (size_t r = 0; r < count;) {
            size_t end = r + 1;
            while (end < count && same_form(&uses[end], &uses[r]))
                end++;
            if (end - r > best_count) {
                best = r;
                best_count = end - r;
            }
            r = end;
        }
        u = &uses[best];
        g->count = count;
    } else {
        /* one use: the group's */
        if (!group_uses(doc, g))
            return false;
        u = g->uses;
    }
    /* a mention's form is its surface, a string at least form_len long:
     * when it ends there, it is the text */
    const char *text = u->mention != FL_NAME_NO_MENTION && !u->part && u->form[u->form_len] == '\0'
                           ? u->form
                           : fl_arena_strndup(doc->arena, u->form, u->form_len);
    if (!text) {
        doc->status = FL_ENOMEM;
        return false;
    }
    g->main_form = (fl_name_form){.text = text, .len = u->form_len, .uses = u, .count = best_count};
    g->main = &g->main_form;
    return true;
}

/* Fills g from the uses of one fold key (in mention order): its count,
 * words and lexicon entries. Its main form (make_main) is made here when
 * `rising` is false (the names' offsets do not rise strictly: a span may
 * be listed twice, and the count stands only once make_main has dropped
 * it), else when first asked (group_main; most groups are never
 * reported). Its words are noted in lw (for check_document). False when
 * out of memory. */
static bool make_group(fl_doc *doc, name_group *g, use_lists *lists, size_t head, size_t count,
                       bool rising, long_words *lw, const uint64_t *filter)
{
    const fl_name_use *u = list_first(lists, head); /* but for its place */
    g->lists = lists;
    g->head = (uint32_t)head;
    g->count = count;
    /* one use: made when first asked (group_uses) */
    g->uses = NULL;
    g->sorted = count == 1;
    g->main = NULL;
    if (!rising && !make_main(doc, g))
        return false;
    g->qualified = -1;
    g->reported = false;
    g->fold = u->key;
    g->fold_len = u->key_len ? u->key_len : strlen(u->key);
    /* the lexicon's fold filter, asked before the words are split: its
     * word (a table of 8 KB, often out of D1) is loaded while they are */
    const bool maybe_in_lexicon = !filter || fl_lex_fold_filter_has(filter, g->fold, g->fold_len);
    /* a key shorter than DOC_MIN_WORD bytes has no word either comparison
     * takes (one word: under LEX_MIN_WORD and DOC_MIN_WORD; several: each
     * under LEX_MIN_SHARED): not split, compared as no words */
    g->nwords = 0;
    if (g->fold_len >= DOC_MIN_WORD) {
        const size_t sep = first_sep(g->fold, g->fold_len);
        if (sep < g->fold_len) {
            g->nwords = split_fold(g->fold, g->fold_len, sep, g->words, MAX_WORDS, lw);
        } else {
            /* one word (most keys): the key, with no walk over its bytes */
            g->words[0] = (word_ref){g->fold, g->fold_len};
            g->nwords = 1;
            lw->count += note_long(lw, g->words[0]);
        }
    }
    if (g->nwords > MAX_WORDS)
        g->nwords = 0; /* a run of more words than a name has: not compared */
    /* the lexicon's fold filter in line: it turns most keys away; a known
     * name's misspellings are never read (run skips the group) */
    const fl_lex_hit *folds = NULL;
    size_t nfolds = 0;
    g->misspellings = NULL;
    g->nmisspellings = 0;
    if (maybe_in_lexicon)
        fl_lexicon_by_fold_else_misspelling(doc->lexicon, g->fold, g->fold_len, &folds, &nfolds,
                                            &g->misspellings, &g->nmisspellings);
    g->known = nfolds > 0;
    return true;
}

static void run(fl_doc *doc)
{
    /* the names (in mention order), and of them those wanted */
    const uint32_t *names;
    size_t nnames = fl_ctx_mentions_of(doc, 1u << FL_M_NAME, &names), wanted_count = 0;
    if (nnames == 0)
        return;
    fl_name_folds *folds = fl_name_folds_get(doc);
    if (!folds)
        return;
    /* the shared uses with their fold keys (KEY_CAP is
     * fl_name_use_set_key's cap too), grouped by key in the order of the
     * keys' ids (no key order is needed: groups are found by id, and ties
     * between them are broken by their folds where it matters) */
    size_t nkeys = folds->set.count, ng = 0;
    /* by key id: its count of uses, then its group's index + 1 (zeroed);
     * and its first use, set with the count's first (one arena block,
     * not two) */
    uint32_t *group_of = fl_arena_alloc_uninit(doc->arena, 2 * (nkeys + 1) * sizeof *group_of);
    if (!group_of) {
        doc->status = FL_ENOMEM;
        return;
    }
    uint32_t *head = group_of + nkeys + 1;
    memset(group_of, 0, (nkeys + 1) * sizeof *group_of);
    /* whether the wanted names' offsets rise strictly (they do when the
     * mention pass made them): then no span is listed twice; and each
     * key's count of uses and first (the links from each use to its key's
     * next are made only when some group's uses are walked: list_links) */
    int64_t last_off = -1; /* before any offset (32 bits) */
    bool rising = true;
    /* the names wanted: those outside all-caps sentences (the index by
     * kind lists only names). The mentions (some 72 bytes each, out of
     * the cache by now) are read only in a document with an all-caps
     * sentence: their offsets as the folds copied them */
    const fl_sentence *sentences = doc->sentences.items;
    const size_t nsentences = doc->sentences.count;
    bool any_caps = folds->caps_sentence > 0;
    if (folds->caps_sentence < 0) /* not noted by name-variant */
        for (size_t si = 0; si < nsentences; si++)
            any_caps |= sentences[si].all_caps;
    const uint32_t *keep = names; /* all of them: the index's list itself */
    wanted_count = nnames;
    if (any_caps) {
        uint32_t *kept = fl_arena_alloc_uninit(doc->arena, (nnames + 1) * sizeof *kept);
        if (!kept) {
            doc->status = FL_ENOMEM;
            return;
        }
        wanted_count = 0;
        for (size_t k = 0; k < nnames; k++)
            if (wanted(sentences, nsentences, FL_DOC_MENTION(doc, names[k])))
                kept[wanted_count++] = names[k];
        keep = kept;
    }
    const fl_name_span *spans = folds->spans;
    for (size_t at = 0; at < wanted_count; at++) {
        const size_t i = keep[at];
        const uint32_t off = spans[i].off;
        rising &= (int64_t)off > last_off;
        last_off = off;
        const fl_name_use *u = &folds->uses[folds->same[i]]; /* but for its place */
        if (!u->key)
            continue;
        size_t id = u->group;
        if (!group_of[id]) {
            head[id] = (uint32_t)at;
            ng++;
        }
        group_of[id]++;
    }
    if (wanted_count == 0)
        return;
    name_group *groups = fl_arena_alloc_uninit(doc->arena, (ng ? ng : 1) * sizeof *groups);
    if (!groups) {
        doc->status = FL_ENOMEM;
        return;
    }
    use_lists lists = {doc, folds, keep, wanted_count, head, nkeys, NULL};
    long_words lw;
    memset(lw.once, 0, sizeof lw.once);
    memset(lw.two, 0, sizeof lw.two);
    lw.two[4] = 1; /* bit 256: the short words */
    lw.count = 0;
    const uint64_t *filter = fl_lexicon_fold_filter(doc->lexicon);
    for (size_t id = 0, k = 0; id < nkeys; id++) {
        if (!group_of[id])
            continue;
        size_t count = group_of[id];
        group_of[id] = (uint32_t)(k + 1);
        if (!make_group(doc, &groups[k++], &lists, head[id], count, rising, &lw, filter))
            return;
    }
    group_table table = {groups, ng, &folds->set, group_of};
    for (size_t i = 0; i < ng && doc->status == FL_OK; i++) {
        name_group *g = &groups[i];
        if (g->known) /* (make_group leaves no group of more than MAX_WORDS words) */
            continue;
        if (g->nmisspellings)
            check_misspelling(doc, g, &table);
        /* check_lexicon_near's first tests before the call (the region's
         * test comes inside, after the cheaper lexicon word tests) */
        if (!g->reported && g->nwords > 0 && (g->nwords > 1 || g->words[0].len >= LEX_MIN_WORD))
            check_lexicon_near(doc, g, &table);
    }
    if (doc->status == FL_OK)
        check_document(doc, groups, ng, &lw);
}

const fl_check_def fl_check_name_spelling = {
    {"name-spelling", "a name one or two letters off a known name or a more frequent one",
     FL_SEV_WARNING, "Trump hosted the dinner at his Mar-a-Largo resort in Florida.",
     "Pittsburg, Kansas, is a small city. Its mayor once visited Pittsburgh.",
     "Flags a name that is a known misspelling in the lexicon (Mar-a-Largo for Mar-a-Lago), one "
     "or two letters off a lexicon name (Cincinatti for Cincinnati), or one or two letters off "
     "a more frequent spelling in the same document (Satya Nadela beside Nadella). It is "
     "conservative: the slip must change one word of the name and keep that word's first and "
     "last letters, short words are corrected only by exact lexicon entries, and names the "
     "lexicon knows, surnames introduced with different full names (Boris Johnson and Mark "
     "Johnston) and places named with their region (Pittsburg, Kansas) are left alone."},
    run,
    true};

/* name_casing.c - one name cased two ways in one document (`Nvidia` and
 * `NVIDIA`). Only inconsistency is flagged: a document that writes `Nasa`
 * throughout follows a house style. Mentions in all-caps or title-case
 * headings are not evidence, and neither is a form seen only at the start
 * of sentences (`Who`, `Us`, `EBay`). */
#include "blame.h"
#include "context.h"

#include "../bytes8.h"

#include <string.h>

static const char RULE[] = "name-casing";

/* A code, name or acronym (the caller tells the kind) outside all-caps
 * and title-case sentences. */
static bool wanted(const fl_doc *doc, const fl_mention *m)
{
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

/* all_caps_word of a NUL-terminated string, without its length first:
 * most mentions stop at their second byte. */
static bool all_caps_cstr(const char *s)
{
    size_t letters = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            return false;
        letters += *s >= 'A' && *s <= 'Z';
    }
    return letters >= 2;
}
/* Whether t[a..b) holds only small ASCII letters, spaces and line
 * breaks: none is a byte of a word in capitals (no small letter), nor a
 * token's first or last byte but for a small letter. */
static const unsigned char QUIET[256] = {['a' ... 'z'] = 1, [' '] = 1, ['\n'] = 1};

static bool quiet_bytes(const char *t, size_t a, size_t b)
{
    for (; a < b; a++)
        if (!QUIET[(unsigned char)t[a]])
            return false;
    return true;
}

/* An all-caps mention inside a run of all-caps words ("DEAD OR ALIVE
 * ULTIMATE" as a run-in heading) is shouting, not a casing of the name.
 * `caps`: whether the mention's surface is all caps (all_caps_cstr). */
static bool in_caps_run(const fl_doc *doc, const fl_mention *m, bool caps)
{
    if (!caps || m->sentence >= doc->sentences.count)
        return false;
    /* a word within two bytes before the mention ends in the three bytes
     * before it, one within two bytes after starts in the three after:
     * when those bytes are small letters and spaces (most mentions, "the
     * NASA said"), the last byte of the one and the first of the other
     * is a small letter (or there is none), so neither is in capitals */
    size_t end = m->off + m->len, len = doc->prose.len;
    if (end <= len && quiet_bytes(doc->prose.text, m->off >= 3 ? m->off - 3 : 0, m->off) &&
        quiet_bytes(doc->prose.text, end, end + 3 <= len ? end + 3 : len))
        return false;
    const fl_sentence *s = FL_DOC_SENTENCE(doc, m->sentence);
    /* the tokens are in text order: the first that ends within two bytes
     * before the mention (or later), by bisection; the loop stops past two
     * bytes after it */
    size_t lo = s->first_token, hi = s->first_token + s->token_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const fl_token *tok = FL_DOC_TOKEN(doc, mid);
        if (tok->off + tok->len + 2 < m->off)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t t = lo; t < s->first_token + s->token_count; t++) {
        const fl_token *tok = FL_DOC_TOKEN(doc, t);
        if (tok->off > m->off + m->len + 2)
            break;
        bool before = tok->off + tok->len <= m->off && tok->off + tok->len + 2 >= m->off;
        bool after = tok->off >= m->off + m->len && tok->off <= m->off + m->len + 2;
        if ((before || after) && tok->kind == FL_TOK_WORD &&
            all_caps_word(doc->prose.text + tok->off, tok->len))
            return true;
    }
    return false;
}

static bool only_parts(const fl_name_form *f)
{
    for (size_t u = 0; u < f->count; u++)
        if (!f->uses[u].part)
            return false;
    return true;
}

/* A dateline (LONDON - ..., PARIS (Reuters) ...) writes a place in
 * capitals at the start of a paragraph. */
static bool dateline(const fl_doc *doc, const fl_name_use *u)
{
    const char *t = doc->prose.text;
    size_t at = u->off + u->len, end = doc->prose.len;
    while (at < end && t[at] == ' ')
        at++;
    if (at >= end || t[at] == ',' || t[at] == '-' || t[at] == '(' || t[at] == ':' ||
        (at + 2 < end && (unsigned char)t[at] == 0xe2 && (unsigned char)t[at + 1] == 0x80))
        return true;
    /* a list item run in with a word in capitals (- BRENTFORD are...) */
    for (size_t b = u->off; b > 0 && t[b - 1] != '\n'; b--)
        if (t[b - 1] == '-' || t[b - 1] == '*' || (unsigned char)t[b - 1] >= 0x80)
            return true;
    return false;
}

static void compare_group(fl_doc *doc, fl_name_use *uses, size_t count, const bool *initial)
{
    fl_name_form *all;
    size_t n = fl_name_forms(doc, uses, count, &all);
    /* keep forms seen at least once away from a sentence start; a sentence
     * start explains a capital first letter, not a word in capitals */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool mid = false;
        bool caps = all_caps_word(all[i].text, all[i].len) && all[i].len >= 3;
        for (size_t u = 0; u < all[i].count && !mid; u++)
            mid = !initial[all[i].uses[u].mention] ||
                  (all[i].uses[u].part &&
                   all[i].uses[u].off != FL_DOC_MENTION(doc, all[i].uses[u].mention)->off) ||
                  (caps && !all[i].uses[u].part && !dateline(doc, &all[i].uses[u]));
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
        /* a word of a longer name is evidence for its casing, never a
         * slip itself; against it only a word in capitals counts, and not
         * an acronym the lexicon knows */
        if (only_parts(wrong) && (only_parts(right) || all_caps_word(wrong->text, wrong->len)))
            continue;
        if (only_parts(right) &&
            (!all_caps_word(wrong->text, wrong->len) || wrong->len < 4 || wrong->lexicon > 0))
            continue;
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

/* The capitalized words (4+ letters, some lower case) of a name of
 * several words, as uses marked `part`: evidence for a word's casing, and
 * a slip themselves only against the word written alone elsewhere
 * (Shares of Biovantis beside BioVantis). */
/* A bit for each (length, first byte, last byte) of the fold keys: a
 * word whose bit is clear has no key in the set, and is never looked up. */
typedef struct key_filter {
    uint64_t bits[4];
} key_filter;

static unsigned filter_bit(size_t len, unsigned char first, unsigned char last)
{
    return ((unsigned)len * 37u + first * 11u + last) & 255u; /* the low bits of len do */
}

static void key_filter_init(key_filter *kf, const fl_name_keys *set)
{
    memset(kf, 0, sizeof *kf);
    for (size_t id = 0; id < set->count; id++) {
        size_t len = set->lens[id];
        const unsigned char *k = (const unsigned char *)set->keys[id];
        unsigned b = filter_bit(len, k[0], k[len - 1]);
        kf->bits[b >> 6] |= (uint64_t)1 << (b & 63);
    }
}

static bool key_filter_may(const key_filter *kf, size_t len, unsigned char first,
                           unsigned char last)
{
    unsigned b = filter_bit(len, first, last);
    return (kf->bits[b >> 6] >> (b & 63)) & 1;
}

/* Appends a part (the word s[a..a+klen) of mention i, m) with fold key
 * id to uses; false when out of memory. */
static bool push_part(fl_doc *doc, const fl_name_folds *folds, const fl_mention *m, size_t i,
                      const char *s, size_t a, size_t klen, size_t id, fl_name_use_list *uses)
{
    fl_name_use *u = fl_name_use_list_push(doc, uses);
    if (!u)
        return false;
    memset(u, 0, sizeof *u);
    u->mention = i;
    u->off = m->off + a;
    u->len = klen;
    u->form = s + a;
    u->form_len = klen;
    u->suffix = "";
    u->part = true;
    u->group = id;
    u->key = folds->set.keys[id];
    u->key_len = (uint32_t)klen;
    u->key_is_fold = true;
    return true;
}

/* Whether the 8 bytes of v are all ASCII letters; *small gets the bits
 * (0x80 of a byte) of the small ones. */
static inline bool letters_in8(uint64_t v, uint64_t *small)
{
    /* (FL_BYTES_IN asks for bytes below 0x80: the others are no letter) */
    const uint64_t high = v & FL_BYTES_80, low7 = v & FL_BYTES_7F;
    *small |= FL_BYTES_IN(low7, 'a', 'z') & ~high;
    return (FL_BYTES_IN(low7 | 0x20 * FL_BYTES_01, 'a', 'z') & ~high) == FL_BYTES_80;
}

/* Whether w[1..n) is all ASCII letters with some small ones, for a word
 * w[0..n) of four bytes or more whose first is an ASCII capital (a
 * letter, and no small one: the word is tested whole, four and four or
 * eight bytes at a time, the last load overlapping, none read past n; a
 * byte loop's exit mispredicted about once a word). */
static inline bool title_word(const char *w, size_t n)
{
    uint64_t small = 0;
    if (n <= 8)
        return letters_in8(fl_load4(w) | (uint64_t)fl_load4(w + n - 4) << 32, &small) && small;
    for (size_t c = 0; c + 8 < n; c += 8)
        if (!letters_in8(fl_load8(w + c), &small))
            return false;
    return letters_in8(fl_load8(w + n - 8), &small) && small;
}

/* Whether some byte of the 8 in v is a space (exact: no byte's borrow
 * reaches a byte that is not zero once the spaces are made zero). */
static inline bool space_in8(uint64_t v)
{
    v ^= 0x20 * FL_BYTES_01;
    return ((v - FL_BYTES_01) & ~v & FL_BYTES_80) != 0;
}

/* Whether s[0..len) holds a space: a name's bytes by overlapping loads,
 * with no call (most names are short). */
static inline bool has_space(const char *s, size_t len)
{
    if (len >= 8) {
        for (size_t i = 0; i + 8 < len; i += 8)
            if (space_in8(fl_load8(s + i)))
                return true;
        return space_in8(fl_load8(s + len - 8));
    }
    if (len >= 4)
        return space_in8((uint64_t)fl_load4(s) << 32 | fl_load4(s + len - 4));
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ')
            return true;
    return false;
}

/* The bits (0x80 of a byte) of the spaces in the 8 bytes of v, exact
 * for the lowest (the first in text order). */
static inline uint64_t spaces_in8(uint64_t v)
{
    v ^= 0x20 * FL_BYTES_01;
    return (v - FL_BYTES_01) & ~v & FL_BYTES_80;
}

/* The next word of s[0..len) from *b (words are split by spaces): its
 * start in *a, its end in *b; false when none is left. */
static inline bool next_part(const char *s, size_t len, size_t *a, size_t *b)
{
    size_t x = *b;
    while (x < len && s[x] == ' ')
        x++;
    if (x >= len)
        return false;
    size_t y = x + 1;
    /* the first space from y on, eight bytes at a time within s (the
     * last eight of s, shifted, for the last few): a byte loop's exit
     * mispredicted about once a word */
    if (len >= 8) {
        for (;;) {
            const size_t left = len - y;
            if (left >= 8) {
                const uint64_t sp = spaces_in8(fl_load8(s + y));
                if (sp) {
                    y += (size_t)__builtin_ctzll(sp) >> 3;
                    break;
                }
                y += 8;
            } else {
                /* (the bytes shifted in are zeros, no spaces) */
                const uint64_t sp =
                    left ? spaces_in8(fl_load8(s + len - 8) >> (8 * (8 - left))) : 0;
                y = sp ? y + ((size_t)__builtin_ctzll(sp) >> 3) : len;
                break;
            }
        }
    } else {
        while (y < len && s[y] != ' ')
            y++;
    }
    *a = x;
    *b = y;
    return true;
}

enum { PART_KEY_MAX = 256 };

/* The fold key id of the ASCII letters w[0..n), n < PART_KEY_MAX (the
 * fold key of ASCII letters is the letters lower-cased), or
 * FL_NAME_NO_KEY. */
static inline size_t part_key_id(const fl_name_folds *folds, const char *w, size_t n)
{
    char key[PART_KEY_MAX];
    /* (n is 4 or more: eight or four bytes at a time, the last load
     * overlapping, none read past n; a byte loop's exit mispredicted
     * about once a word) */
    if (n >= 8) {
        uint64_t v;
        for (size_t c = 0; c + 8 < n; c += 8) {
            memcpy(&v, w + c, 8);
            v |= 0x20 * FL_BYTES_01;
            memcpy(key + c, &v, 8);
        }
        memcpy(&v, w + n - 8, 8);
        v |= 0x20 * FL_BYTES_01;
        memcpy(key + n - 8, &v, 8);
    } else {
        uint32_t a, b;
        memcpy(&a, w, 4);
        memcpy(&b, w + n - 4, 4);
        a |= 0x20202020u;
        b |= 0x20202020u;
        memcpy(key, &a, 4);
        memcpy(key + n - 4, &b, 4);
    }
    return fl_name_keys_find(&folds->set, key, n);
}

/* Appends the parts of mention i (m) to uses: its words of four bytes or
 * more, an ASCII capital first, then ASCII letters with some small ones.
 * A part whose fold key no mention has is dropped: a group of parts alone
 * is never flagged (compare_group), so it can only matter beside a
 * mention's use of its key. *nv counts against `bound` (the one this
 * check has always kept):
 *  - `exact`: every part met, kept or not; the walk stops at the bound;
 *  - else every word of four bytes or more with a capital first (the
 *    parts, and more), so that only such a word whose key the filter may
 *    hold is read letter by letter. Returns false at once when that count
 *    reaches `bound`: the exact one might too, and the caller starts over
 *    with `exact`. */
static bool add_parts(fl_doc *doc, const fl_name_folds *folds, const key_filter *kf,
                      const fl_mention *m, size_t i, fl_name_use_list *uses, size_t *nv,
                      size_t bound, bool exact)
{
    const char *s = doc->prose.text + m->off;
    size_t len = m->len;
    if (!has_space(s, len))
        return true;
    for (size_t a, b = 0; (!exact || *nv < bound) && next_part(s, len, &a, &b);) {
        size_t klen = b - a;
        if (klen < 4 || klen >= PART_KEY_MAX || !(s[a] >= 'A' && s[a] <= 'Z'))
            continue;
        if (exact) {
            if (!title_word(s + a, klen))
                continue;
            (*nv)++;
        } else if (++*nv >= bound) {
            return false;
        }
        if (!key_filter_may(kf, klen, (unsigned char)(s[a] | 0x20),
                            (unsigned char)(s[b - 1] | 0x20)) ||
            (!exact && !title_word(s + a, klen)))
            continue;
        size_t id = part_key_id(folds, s + a, klen);
        if (id != FL_NAME_NO_KEY && !push_part(doc, folds, m, i, s, a, klen, id, uses))
            return true; /* doc->status is set */
    }
    return true;
}

/* Appends mention i's shared fold-keyed use (group: its key's id) to
 * uses; false when out of memory. */
static inline bool push_own(fl_doc *doc, const fl_name_folds *folds, size_t i,
                            fl_name_use_list *uses)
{
    fl_name_use *own = fl_name_use_list_push(doc, uses);
    if (!own)
        return false;
    /* the first's use with i's place (fl_name_folds_use, copied once) */
    size_t j = folds->same[i];
    *own = folds->uses[j];
    if (j != i && folds->inited[i]) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        own->mention = (uint32_t)i;
        own->sentence = m->sentence;
        own->off = m->off;
    }
    return true;
}

/* By fold key id: the first form met (NULL: none yet), for may_differ. */
typedef struct first_form {
    const char *form;
    size_t len;
} first_form;

/* Whether form[0..len) with key id differs from the first form met with
 * that key (noted when it is the first). */
static inline bool form_differs(first_form *ff, size_t id, const char *form, size_t len)
{
    first_form *f = &ff[id];
    if (!f->form) {
        *f = (first_form){form, len};
        return false;
    }
    return f->len != len || (f->form != form && !fl_bytes_eq(f->form, form, len));
}

/* Whether a part of the name s[0..len) (as add_parts finds them, none
 * cut) has a form that differs from its key's first. */
static inline __attribute__((always_inline)) bool parts_differ(const fl_name_folds *folds,
                                                               const key_filter *kf, first_form *ff,
                                                               const char *s, size_t len)
{
    if (!has_space(s, len))
        return false;
    for (size_t a, b = 0; next_part(s, len, &a, &b);) {
        size_t klen = b - a;
        if (klen < 4 || klen >= PART_KEY_MAX || !(s[a] >= 'A' && s[a] <= 'Z') ||
            !key_filter_may(kf, klen, (unsigned char)(s[a] | 0x20),
                            (unsigned char)(s[b - 1] | 0x20)) ||
            !title_word(s + a, klen))
            continue;
        size_t id = part_key_id(folds, s + a, klen);
        if (id != FL_NAME_NO_KEY && form_differs(ff, id, s + a, klen))
            return true;
    }
    return false;
}

/* Whether some fold key may be written in more than one form among the
 * uses run lists: here every code, name and acronym with a key, wanted or
 * not, once per surface, and the parts of every name, once per text, none
 * cut by the bound. These are a superset of run's uses (which only drops
 * some, and adds later ones with forms already among them): when no key
 * has two forms here, none has there, and nothing is compared (most
 * documents). True also when out of memory (doc->status is then set). */
static bool may_differ(fl_doc *doc, const fl_name_folds *folds, const key_filter *kf)
{
    const char *text = doc->prose.text;
    first_form *ff = fl_arena_alloc(doc->arena, (folds->set.count + 1) * sizeof *ff);
    if (!ff) {
        doc->status = FL_ENOMEM;
        return true;
    }
    if (folds->listed) {
        /* folds made from the mention pass's list: a later mention's
         * text is its first's (fl_name_folds.listed), so each surface's
         * first mention alone, with its parts when it is no code (a
         * name's; an acronym's too, which a name may repeat: parts the
         * walk by kind below would not compare, which can only make the
         * answer true more often), and no walk over every mention */
        const fl_name_span *spans = folds->spans;
        const uint32_t *firsts = folds->firsts;
        for (size_t k = 0; k < folds->nfirsts; k++) {
            const size_t i = firsts[k];
            const fl_name_use *u = &folds->uses[i];
            if (!u->key)
                continue;
            if (form_differs(ff, u->group, u->form, u->form_len) ||
                (folds->kinds[i] != FL_M_CODE &&
                 parts_differ(folds, kf, ff, text + spans[i].off, spans[i].len)))
                return true;
        }
        return false;
    }
    /* by kind, from the index by kind (made with the folds): the order
     * of the uses does not matter here */
    for (unsigned kind = FL_M_CODE; kind <= FL_M_ACRONYM; kind++) {
        const uint32_t *of_kind;
        size_t count = fl_ctx_mentions_of(doc, 1u << kind, &of_kind);
        if (kind != FL_M_NAME) {
            /* a code or an acronym: its own use, once per surface */
            for (size_t x = 0; x < count; x++) {
                size_t i = of_kind[x];
                const fl_name_use *u = &folds->uses[i];
                if (folds->same[i] == (uint32_t)i && u->key &&
                    form_differs(ff, u->group, u->form, u->form_len))
                    return true;
            }
            continue;
        }
        /* (the mentions unread: their kinds, offsets and lengths as the
         * folds copied them) */
        const fl_name_span *spans = folds->spans;
        for (size_t x = 0; x < count; x++) {
            size_t i = of_kind[x], j = folds->same[i];
            const fl_name_use *u = &folds->uses[j]; /* i's but for its place */
            if (j != i) {
                /* a later mention of a surface: its own use is the
                 * first's, and so are its parts when the first is a name
                 * of the same text (the same length: one memo entry) */
                if ((folds->kinds[j] == FL_M_NAME &&
                     fl_bytes_eq(text + spans[i].off, text + spans[j].off, spans[i].len)) ||
                    !u->key)
                    continue;
            } else {
                if (!u->key)
                    continue;
                if (form_differs(ff, u->group, u->form, u->form_len))
                    return true;
            }
            if (parts_differ(folds, kf, ff, text + spans[i].off, spans[i].len))
                return true;
        }
    }
    return false;
}

/* Where the parts of one mention went among the uses. */
typedef struct part_run {
    uint32_t start, kept, counted; /* first, how many kept, how many counted (nv) */
    bool done;                     /* all made, none cut by the bound */
    bool own;                      /* its own use is among the uses */
    unsigned char caps;            /* CAPS_*: whether its surface is all_caps_cstr */
} part_run;

enum { CAPS_UNKNOWN, CAPS_NO, CAPS_YES };

static void run(fl_doc *doc)
{
    size_t total = doc->mentions.count;
    if (total < 2)
        return;
    /* The bound this check has always kept: the wanted mentions and the
     * words (spaces + 1) of those that are names, but at most 4 * total +
     * 16. Only the second can cut anything: nv never passes the first,
     * and reaches it only once every wanted mention is counted. */
    size_t bound = 4 * total + 16;
    fl_name_folds *folds = fl_name_folds_get(doc);
    if (!folds)
        return;
    /* room for the mentions of the kinds wanted (wanted or not, as
     * counted when the folds were made) and some words of longer names
     * (grows) */
    size_t named = folds->named;
    if (named == 0)
        return;
    key_filter filter;
    key_filter_init(&filter, &folds->set);
    /* most documents write each name one way: then nothing below can be
     * compared */
    if (!may_differ(doc, folds, &filter) || doc->status != FL_OK)
        return;
    /* by mention: first whether it is wanted (set and read in the walk
     * below), then whether it opens a sentence (set for the uses
     * compared); made only now, for the few documents that get here */
    bool *initial = fl_arena_alloc_uninit(doc->arena, total * sizeof *initial);
    if (!initial) {
        doc->status = FL_ENOMEM;
        return;
    }
    fl_name_use_list list;
    if (!fl_name_use_list_init(doc, &list, named + named / 4 + 16))
        return;
    /* by mention: where its parts went, to copy for a later mention of
     * the same name */
    part_run *parts = fl_arena_alloc_uninit(doc->arena, total * sizeof *parts);
    if (!parts) {
        doc->status = FL_ENOMEM;
        return;
    }
    /* the mentions that repeat an earlier one's surface whose uses (its
     * own and, for a name, its parts) bring no form of their own: they are
     * made only for the keys written in several forms */
    uint32_t *later = fl_arena_alloc_uninit(doc->arena, (named + 1) * sizeof *later);
    if (!later) {
        doc->status = FL_ENOMEM;
        return;
    }
    size_t nlater = 0;
    /* list.count: the uses kept; nv: those the bound counts (dropped
     * parts too). First with add_parts' quick count, at least the exact
     * one: while it stays below the bound, the exact one does too, and
     * the bound cuts nothing; once it could reach the bound (a document
     * of long names, never news), over again with the exact count. */
    size_t nv = 0;
    bool exact = false;
    for (size_t i = 0; i < total; i++) {
        if (nv >= bound) {
            if (exact)
                break;
            goto start_over;
        }
        /* only a code, name or acronym is wanted (told by its kind byte,
         * the mention unread); the others' parts and `initial` are never
         * read */
        if (folds->kinds[i] > FL_M_ACRONYM)
            continue;
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        /* set before any later mention reads them */
        parts[i].done = false;
        parts[i].own = false;
        parts[i].caps = CAPS_UNKNOWN;
        /* the shared fold-keyed use (group: its key's id) */
        initial[i] = wanted(doc, m);
        if (!initial[i] || !folds->uses[folds->same[i]].key)
            continue;
        /* whether the surface is all caps: at once when one of its first
         * two bytes is a small letter (most names), else found once per
         * surface (at the first of its mentions asked about) */
        size_t j = folds->same[i];
        const char *sf = m->surface;
        if (!((unsigned char)(sf[0] - 'a') <= 'z' - 'a' ||
              (sf[0] && (unsigned char)(sf[1] - 'a') <= 'z' - 'a'))) {
            if (parts[j].caps == CAPS_UNKNOWN)
                parts[j].caps = all_caps_cstr(sf) ? CAPS_YES : CAPS_NO;
            if (in_caps_run(doc, m, parts[j].caps == CAPS_YES))
                continue;
        }
        /* a repeat of a surface whose first use is among the uses: its
         * own use (and its parts, when they are that one's) made later if
         * at all (its forms are that one's) */
        bool repeat = j != i && parts[j].own;
        parts[i].own = true;
        nv++;
        if (m->kind != FL_M_NAME) {
            if (repeat)
                later[nlater++] = (uint32_t)i;
            else if (!push_own(doc, folds, i, &list))
                return;
            continue;
        }
        const fl_mention *mj = FL_DOC_MENTION(doc, j);
        if (j != i && parts[j].done &&
            fl_bytes_eq(doc->prose.text + m->off, doc->prose.text + mj->off, m->len)) {
            if (nv + parts[j].counted <= bound) {
                /* the same words as mention j's, all within the bound */
                later[nlater++] = (uint32_t)i;
                nv += parts[j].counted;
                continue;
            }
            if (!exact)
                goto start_over;
        }
        if (!push_own(doc, folds, i, &list))
            return;
        size_t n = list.count;
        size_t nv0 = nv;
        if (!add_parts(doc, folds, &filter, m, i, &list, &nv, bound, exact))
            goto start_over;
        if (doc->status != FL_OK)
            return;
        /* all its parts made: none cut by the bound */
        if (nv < bound)
            parts[i] = (part_run){
                (uint32_t)n,  (uint32_t)(list.count - n), (uint32_t)(nv - nv0), true, true,
                parts[i].caps};
        continue;
    start_over:
        if (doc->status != FL_OK)
            return;
        exact = true;
        list.count = 0;
        nlater = 0;
        nv = 0;
        i = (size_t)-1; /* the loop's i++ makes it 0 */
    }
    /* only a key written in several forms is compared: the uses put off
     * join those of such keys (in any order: the uses are sorted by key,
     * form, offset and mention) */
    size_t any;
    const bool *marked = fl_name_uses_several(doc, list.items, list.count, &folds->set, &any);
    if (!marked || !any)
        return;
    for (size_t r = 0; r < nlater; r++) {
        size_t i = later[r], j = folds->same[i];
        const fl_mention *m = FL_DOC_MENTION(doc, i), *mj = FL_DOC_MENTION(doc, j);
        if (marked[folds->uses[j].group] && !push_own(doc, folds, i, &list))
            return;
        if (m->kind != FL_M_NAME)
            continue;
        for (size_t k = 0; k < parts[j].kept; k++) {
            if (!marked[list.items[parts[j].start + k].group])
                continue;
            fl_name_use *u = fl_name_use_list_push(doc, &list);
            if (!u)
                return;
            *u = list.items[parts[j].start + k];
            u->mention = (uint32_t)i;
            u->off = u->off - mj->off + m->off;
            u->form = doc->prose.text + u->off;
        }
    }
    fl_name_use *uses = list.items;
    size_t n = fl_name_uses_keep_marked(doc, uses, list.count, &folds->set, marked);
    if (n == FL_NAME_NO_KEY)
        return;
    for (size_t r = 0; r < n; r++)
        initial[uses[r].mention] =
            fl_name_sentence_initial(doc, FL_DOC_MENTION(doc, uses[r].mention));
    for (size_t r = 0; r < n && doc->status == FL_OK;) {
        bool several;
        size_t end = fl_name_uses_run(uses, n, r, &several);
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
    run,
    true};

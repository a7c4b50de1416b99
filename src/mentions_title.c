/* mentions_title.c - titles and roles linked to a person: before a name
 * ("Chief Executive Jensen Huang", "CEO Jensen Huang", "Sen. Jane Roe",
 * "former President Joe Biden") or in an apposition after it ("Huang,
 * Nvidia's chief executive,"). A title is kept only when its person is
 * found; its role text is normalized ("CEO" -> "chief executive") and says
 * "former" when the text does. Honorifics (Mr., Ms.) are split off names
 * without a mention of their own. */
#include "mentions.h"

#include <stdint.h>
#include <string.h>

/* Whether a word may start a role or modifier: a cheap filter before the
 * pattern runs. */
static inline bool starts_role(const fl_mx *mx, const char *w, size_t len)
{
    return len >= 2 && len <= 14 && fl_mx_word_class(mx, w, len, FL_WC_ROLE);
}

/* starts_role for a word that is one of mx->marks: the mask pass made it
 * one by the role words' sketch that fl_mx_word_class tests first (or as
 * an honorific's, which few are), so the table is asked straight. */
static inline bool marked_role(const fl_mx *mx, const char *w, size_t len)
{
    return len >= 2 && len <= 14 && (fl_word_class(mx->words_table, w, len) & FL_WC_ROLE);
}

/* Role texts written in a short or variant form and their canonical
 * form, sorted by `from` in strcmp order (fl_role_canon_sorted checks it)
 * for fl_role_text's binary search; with their lengths. */
typedef struct role_canon {
    const char *from, *to;
    unsigned char from_len, to_len;
} role_canon;
#define CANON(f, t)                                                                                \
    {                                                                                              \
        f, t, sizeof f - 1, sizeof t - 1                                                           \
    }
static const role_canon canon[] = {CANON("adm.", "admiral"),
                                   CANON("capt.", "captain"),
                                   CANON("ceo", "chief executive"),
                                   CANON("cfo", "chief financial officer"),
                                   CANON("chairman", "chair"),
                                   CANON("chairperson", "chair"),
                                   CANON("chairwoman", "chair"),
                                   CANON("chief executive officer", "chief executive"),
                                   CANON("chief technical officer", "chief technology officer"),
                                   CANON("cio", "chief information officer"),
                                   CANON("cmo", "chief marketing officer"),
                                   CANON("cofounder", "co-founder"),
                                   CANON("col.", "colonel"),
                                   CANON("congressman", "representative"),
                                   CANON("congresswoman", "representative"),
                                   CANON("coo", "chief operating officer"),
                                   CANON("cto", "chief technology officer"),
                                   CANON("defense minister", "defence minister"),
                                   CANON("defense secretary", "defence secretary"),
                                   CANON("det.", "detective"),
                                   CANON("dr", "doctor"),
                                   CANON("dr.", "doctor"),
                                   CANON("gen.", "general"),
                                   CANON("gov.", "governor"),
                                   CANON("insp.", "inspector"),
                                   CANON("lt.", "lieutenant"),
                                   CANON("pres.", "president"),
                                   CANON("prof", "professor"),
                                   CANON("prof.", "professor"),
                                   CANON("rep.", "representative"),
                                   CANON("rev.", "reverend"),
                                   CANON("secretary-general", "secretary general"),
                                   CANON("sen.", "senator"),
                                   CANON("sgt.", "sergeant"),
                                   CANON("spokesman", "spokesperson"),
                                   CANON("spokeswoman", "spokesperson"),
                                   CANON("supt.", "superintendent"),
                                   CANON("vice chairman", "vice chair"),
                                   CANON("vice chairwoman", "vice chair"),
                                   CANON("vice-chair", "vice chair"),
                                   CANON("vice-president", "vice president")};
#undef CANON

/* bit n of [c - 'a']: some form in canon has the first letter c and the
 * length n (fl_role_canon_sorted checks it), so most roles ("president",
 * "chief executive") are known to have none without the search */
static const uint32_t canon_lengths[26] = {
    0x10, 0x0, 0x802f38, 0x3001c, 0x0,  0x0,     0x10, 0x0, 0x20,   0x0, 0x0, 0x8, 0x0,
    0x0,  0x0, 0x30,     0x0,     0x10, 0x20a30, 0x0,  0x0, 0xe400, 0x0, 0x0, 0x0, 0x0};

bool fl_role_canon_sorted(void)
{
    const size_t n = sizeof canon / sizeof canon[0];
    uint32_t lengths[26] = {0};
    for (size_t i = 0; i < n; i++) {
        const role_canon *c = &canon[i];
        if (i > 0 && strcmp(canon[i - 1].from, c->from) >= 0)
            return false;
        if (strlen(c->from) != c->from_len || strlen(c->to) != c->to_len || c->from_len >= 32 ||
            c->from[0] < 'a' || c->from[0] > 'z')
            return false;
        lengths[c->from[0] - 'a'] |= (uint32_t)1 << c->from_len;
    }
    return memcmp(lengths, canon_lengths, sizeof lengths) == 0;
}

const char *fl_role_text(fl_mx *mx, const char *w, size_t len, const char *modifier)
{
    char buf[96];
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; i++) {
        char c = w[i];
        if ((unsigned char)c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < sizeof buf)
            buf[n++] = ' ';
        space = false;
        buf[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    buf[n] = '\0';
    const role_canon *known = NULL;
    /* the froms are sorted and distinct: a binary search, when one has
     * the first letter and the length */
    const unsigned f = (unsigned char)buf[0] - 'a';
    if (f < 26 && n < 32 && ((canon_lengths[f] >> n) & 1)) {
        for (size_t lo = 0, hi = sizeof canon / sizeof canon[0]; lo < hi;) {
            size_t mid = lo + (hi - lo) / 2;
            const unsigned char c = (unsigned char)canon[mid].from[0], b0 = (unsigned char)buf[0];
            int cmp = b0 != c ? (int)b0 - (int)c : strcmp(buf, canon[mid].from);
            if (cmp == 0) {
                known = &canon[mid];
                break;
            }
            if (cmp < 0)
                hi = mid;
            else
                lo = mid + 1;
        }
    }
    /* modifier and role, as "%s%s" would print them; a canonical form
     * alone is its own (static) text */
    const size_t mod_len = modifier && *modifier ? strlen(modifier) : 0; /* most: "" */
    if (known && !mod_len)
        return known->to;
    const char *role = known ? known->to : buf;
    const size_t role_len = known ? known->to_len : n;
    char *out = fl_arena_alloc_uninit(mx->doc->arena, mod_len + role_len + 1);
    if (!out)
        return NULL;
    if (mod_len)
        memcpy(out, modifier, mod_len);
    memcpy(out + mod_len, role, role_len);
    out[mod_len + role_len] = '\0';
    return out;
}

/* "former " for former/ex-, "acting " etc. for the others, "" for then-. */
static const char *modifier_text(const fl_mx *mx, size_t off, size_t len)
{
    const char *m = mx->text + off;
    size_t n = len;
    while (n > 0 && (m[n - 1] == ' ' || m[n - 1] == '-'))
        n--;
    if (fl_word_is(m, n, "former") || fl_word_is(m, n, "ex"))
        return "former ";
    if (fl_word_is(m, n, "acting"))
        return "acting ";
    if (fl_word_is(m, n, "interim"))
        return "interim ";
    if (fl_word_is(m, n, "outgoing"))
        return "outgoing ";
    if (fl_word_is(m, n, "incoming"))
        return "incoming ";
    return "";
}

/* Whether a byte of the sentence's [at, at+n) is past ASCII: from the
 * sentence's masks when the bytes lie in one block, else read. */
static inline bool high_in(const fl_mx *mx, size_t at, size_t n)
{
    if (mx->wend) {
        const size_t rel = at - mx->s_off, bit = rel & 63;
        if (bit + n < 64)
            return (mx->blocks[rel / 64].high >> bit) & (((uint64_t)1 << n) - 1);
    }
    for (size_t k = at; k < at + n; k++)
        if ((unsigned char)mx->text[k] >= 0x80)
            return true;
    return false;
}

/* The end of the word at `at`, inside the sentence after a space (a
 * word's start, if any): from the word table, which holds the end of
 * every word start, when an ASCII letter or digit is there. */
static inline size_t word_end_after_space(const fl_mx *mx, size_t at)
{
    const unsigned char c = (unsigned char)mx->text[at];
    if (mx->wend && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
        return mx->s_off + mx->wend[at - mx->s_off];
    return fl_mx_word_end(mx, at);
}

/* Whether the word [at, we) may start a role (as starts_role), or holds a
 * byte past ASCII, which the pattern's caseless roles might still match. */
static bool role_word_in(const fl_mx *mx, size_t at, size_t we)
{
    if (we == at)
        return false;
    if (starts_role(mx, mx->text + at, we - at))
        return true;
    return high_in(mx, at, we - at);
}

/* role_word_in for the word at `at` */
static bool role_word_at(const fl_mx *mx, size_t at)
{
    return role_word_in(mx, at, fl_mx_word_end(mx, at));
}

/* The first byte after the ASCII spaces (PCRE2's \s) from `at`; `at`
 * itself when there are none. */
static size_t skip_re_space(const fl_mx *mx, size_t at)
{
    while (at < mx->s_end && fl_re_space(mx->text[at]))
        at++;
    return at;
}

/* The end of the ASCII letters from `q` (one there), from the sentence's
 * masks when on: to the next byte of q's block that is none (past the
 * sentence's end all are), or the block's end. */
static inline size_t past_letters(const fl_mx *mx, size_t q)
{
    if (!mx->wend)
        return q + 1;
    const size_t rel = q - mx->s_off;
    const fl_word_block *bk = &mx->blocks[rel / 64];
    const uint64_t stop = (bk->other | bk->digit) >> (rel & 63);
    return q + (stop ? (size_t)__builtin_ctzll(stop) : 64 - (rel & 63));
}

/* past_letters, stopping at a byte past ASCII too. */
static inline size_t past_ascii_letters(const fl_mx *mx, size_t q)
{
    if (!mx->wend)
        return q + 1;
    const size_t rel = q - mx->s_off;
    const fl_word_block *bk = &mx->blocks[rel / 64];
    const uint64_t stop = (bk->other | bk->digit | bk->high) >> (rel & 63);
    return q + (stop ? (size_t)__builtin_ctzll(stop) : 64 - (rel & 63));
}

/* Whether FL_RE_TITLE_POST may match through its possessive branch at a
 * capitalized word `w`: up to four words of [\p{L}\p{N}&.-] that start
 * with a capital, the last ending in 's or U+2019 s, spaces, then a word
 * that may start a role. Anything else rules it out. */
static bool possessive_role(const fl_mx *mx, size_t w)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t end = mx->s_end;
    for (int word = 0; word < 4; word++) {
        if (w >= end || (t[w] < 0x80 && !(t[w] >= 'A' && t[w] <= 'Z')))
            return false;
        size_t q = w;
        while (q < end && !fl_re_space((char)t[q])) {
            unsigned char b = t[q];
            if ((unsigned)((b | 0x20u) - 'a') < 26u) { /* an ASCII letter, the most */
                q = past_letters(mx, q);
                continue;
            }
            size_t ap = 0;
            if (b == '\'')
                ap = 1;
            else if (b == 0xE2 && q + 2 < end && t[q + 1] == 0x80 && t[q + 2] == 0x99)
                ap = 3;
            if (ap) {
                /* no word of the pattern holds an apostrophe but its last */
                size_t s = q + ap;
                if (s + 1 >= end || t[s] != 's' || !fl_re_space((char)t[s + 1]))
                    return false;
                return role_word_at(mx, skip_re_space(mx, s + 1));
            }
            if (b < 0x80 && !((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ||
                              b == '&' || b == '.' || b == '-'))
                return false;
            q++;
        }
        w = skip_re_space(mx, q);
    }
    return false;
}

/* Whether w[0..n) is one of FL_RE_TITLE_POST's determiners (the, its,
 * his, her, their, a, an), ASCII letters compared without case (b | 0x20
 * equals a small letter only for that letter in either case). */
static bool determiner(const char *w, size_t n)
{
    /* the bytes | 0x20 as a little-endian number, compared with the
     * words' (a byte | 0x20 is a small letter only for that letter) */
#define DET3(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)
    const unsigned char *u = (const unsigned char *)w;
    switch (n) {
    case 1:
        return (u[0] | 0x20) == 'a';
    case 2:
        return (u[0] | 0x20) == 'a' && (u[1] | 0x20) == 'n';
    case 3: {
        const uint32_t x = DET3(u[0], u[1], u[2]) | 0x202020u;
        return x == DET3('t', 'h', 'e') || x == DET3('i', 't', 's') || x == DET3('h', 'i', 's') ||
               x == DET3('h', 'e', 'r');
    }
    case 5:
        return (fl_load4(u) | 0x20202020u) == (DET3('t', 'h', 'e') | (uint32_t)'i' << 24) &&
               (u[4] | 0x20) == 'r';
    default:
        return false;
    }
#undef DET3
}

static bool post_role_ends(const fl_mx *mx, size_t r);

/* Whether FL_RE_TITLE_POST may match at the comma: the word after ", "
 * starts a role, or is a determiner before one, or (capitalized) starts
 * an organization's possessive before one (in line in title_comma, its
 * one call, made per comma that may open a title). `next_mark`: the
 * first entry of mx->marks after the comma, as a prose offset (SIZE_MAX:
 * no marks). */
static inline __attribute__((always_inline)) bool post_candidate(const fl_mx *mx, size_t comma,
                                                                 size_t next_mark)
{
    size_t w = comma + 1;
    while (w < mx->s_end && mx->text[w] == ' ')
        w++;
    if (w == comma + 1 || w >= mx->s_end)
        return false;
    char c = mx->text[w];
    if (c >= 'A' && c <= 'Z') {
        /* a word that is no mark starts no role (mx->marks has each
         * first word of ASCII letters), unless a byte past ASCII is in it
         * (such words are never marks: a mark holds none) */
        const size_t we = word_end_after_space(mx, w);
        const bool role = w == next_mark          ? marked_role(mx, mx->text + w, we - w)
                          : next_mark != SIZE_MAX ? high_in(mx, w, we - w)
                                                  : role_word_in(mx, w, we);
        if (role && post_role_ends(mx, w))
            return true;
        /* a word of letters and digits before one space and a byte that
         * is no capital, no space and no byte past ASCII ("June 21",
         * "Moreau said") is the whole of what possessive_role reads: it
         * has no apostrophe, and no capitalized word follows */
        const unsigned char b = we + 1 < mx->s_end ? (unsigned char)mx->text[we + 1] : 'A';
        if (mx->text[we] == ' ' && b < 0x80 && !(b >= 'A' && b <= 'Z') && !fl_re_space((char)b))
            return false;
        return possessive_role(mx, w);
    }
    if (w != next_mark && next_mark != SIZE_MAX) {
        /* no role's first word (mx->marks has each), so a determiner or
         * nothing: the, their, its, his, her, a, an */
        const char f = (char)(c | 0x20);
        if (f != 't' && f != 'i' && f != 'h' && f != 'a')
            return false;
    }
    size_t we = word_end_after_space(mx, w);
    const char *s = mx->text + w;
    size_t n = we - w;
    if (determiner(s, n)) {
        size_t r = skip_re_space(mx, we);
        /* (the word after the spaces, from the word table as there) */
        return r > we && r < mx->s_end && role_word_in(mx, r, word_end_after_space(mx, r)) &&
               post_role_ends(mx, r);
    }
    /* a role's first word is among the marks */
    return (w == next_mark ? marked_role(mx, s, n)
                           : next_mark == SIZE_MAX && starts_role(mx, s, n)) &&
           post_role_ends(mx, w);
}

/* Adds the title of a match: its modifier at [mo, mo+ml) when has_mod,
 * its role (abbreviation or words) at [ro, ro+rl). In line in the two
 * below, one for each `how`, so neither tests it. */
static inline __attribute__((always_inline)) void title_at(fl_mx *mx, bool has_mod, size_t mo,
                                                           size_t ml, size_t ro, size_t rl,
                                                           fl_link_how how, size_t link_at)
{
    size_t start = has_mod ? mo : ro;
    size_t end = ro + rl;
    const char *modifier = has_mod ? modifier_text(mx, mo, ml) : "";
    if (has_mod && !*modifier) /* then-President: the role without the modifier */
        start = ro;
    if (fl_mx_claimed(mx, start, end - start))
        return;
    /* a title after a comma needs a name that ends at the comma, and no
     * name takes in a claimed byte (claims only grow): when the byte
     * before the comma is claimed already ("Whitfield, 68, the
     * spokeswoman": the age's), resolve_links would drop the title for
     * want of a person, so it only claims its bytes, as it would have */
    if (how == FL_LINK_NAME_ENDS && fl_mx_claimed_in(mx, link_at - 1, 1)) {
        fl_mx_claim(mx, start, end - start);
        return;
    }
    fl_mention *m = fl_mx_add(mx, FL_M_TITLE, start, end - start, 0);
    if (!m)
        return;
    m->unit = fl_role_text(mx, mx->text + ro, rl, modifier);
    size_t index = mx->doc->mentions.count - 1;
    ((unsigned char *)mx->flags.items)[index] |= FL_MF_NEEDS_PERSON;
    fl_mx_pending(mx, index, how, link_at);
    fl_mx_claim(mx, start, end - start);
}

/* title_at for a title before a name, which starts at link_at */
static __attribute__((noinline)) void add_title_pre(fl_mx *mx, bool has_mod, size_t mo, size_t ml,
                                                    size_t ro, size_t rl, size_t link_at)
{
    title_at(mx, has_mod, mo, ml, ro, rl, FL_LINK_NAME_STARTS, link_at);
}

/* title_at for a title after a name, which ends at the comma link_at */
static __attribute__((noinline)) void add_title_post(fl_mx *mx, bool has_mod, size_t mo, size_t ml,
                                                     size_t ro, size_t rl, size_t link_at)
{
    title_at(mx, has_mod, mo, ml, ro, rl, FL_LINK_NAME_ENDS, link_at);
}

/* Adds the title from the last match: groups 1 modifier, 2 abbreviation,
 * 3 role words. */
static void add_title(fl_mx *mx, fl_link_how how, size_t link_at)
{
    size_t mo = 0, ml = 0, ro, rl;
    bool has_mod = fl_mx_group(mx, 1, &mo, &ml);
    if (!fl_mx_group(mx, 2, &ro, &rl) && !fl_mx_group(mx, 3, &ro, &rl))
        return;
    if (how == FL_LINK_NAME_ENDS)
        add_title_post(mx, has_mod, mo, ml, ro, rl, link_at);
    else
        add_title_pre(mx, has_mod, mo, ml, ro, rl, link_at);
}

/* The last words of FL_RE_TITLE_PRE's roles (ROLES and ROLE_ABBR in
 * patterns.c; of a hyphenated one its last part: vice-president,
 * co-founder), lower case, in strcmp order: a match ends with one of them
 * before its \s+ and capital. Keep in step with those lists (and with
 * role_last_from; fl_role_canon_sorted checks both). Each is padded to
 * 16 bytes with NULs, so a word's length is read from its bytes. */
static const char role_last_words[][16] = {"adm.",
                                           "agriculture",
                                           "ambassador",
                                           "analyst",
                                           "capt.",
                                           "captain",
                                           "ceo",
                                           "cfo",
                                           "chair",
                                           "chairman",
                                           "chairperson",
                                           "chairwoman",
                                           "chancellor",
                                           "cio",
                                           "cmo",
                                           "cofounder",
                                           "col.",
                                           "commerce",
                                           "commissioner",
                                           "congressman",
                                           "congresswoman",
                                           "coo",
                                           "counsel",
                                           "cto",
                                           "defence",
                                           "defense",
                                           "det.",
                                           "director",
                                           "dr",
                                           "dr.",
                                           "economist",
                                           "energy",
                                           "executive",
                                           "founder",
                                           "gen.",
                                           "general",
                                           "gov.",
                                           "governor",
                                           "insp.",
                                           "interior",
                                           "judge",
                                           "justice",
                                           "king",
                                           "labor",
                                           "lawmaker",
                                           "lt.",
                                           "manager",
                                           "mayor",
                                           "minister",
                                           "officer",
                                           "pope",
                                           "pres.",
                                           "president",
                                           "prince",
                                           "princess",
                                           "prof",
                                           "prof.",
                                           "professor",
                                           "queen",
                                           "rep.",
                                           "representative",
                                           "rev.",
                                           "scientist",
                                           "secretary",
                                           "sen.",
                                           "senator",
                                           "sgt.",
                                           "sheriff",
                                           "spokesman",
                                           "spokesperson",
                                           "spokeswoman",
                                           "staff",
                                           "state",
                                           "strategist",
                                           "supt.",
                                           "transportation",
                                           "treasury"};

/* Where the words of role_last_words with the first letter 'a' + c start:
 * those of c run to role_last_from[c + 1]. */
static const unsigned char role_last_from[27] = {0,  4,  4,  24, 30, 33, 34, 38, 38,
                                                 40, 42, 43, 46, 49, 49, 50, 58, 59,
                                                 62, 75, 77, 77, 77, 77, 77, 77, 77};

bool fl_role_last_words_indexed(void)
{
    const size_t n = sizeof role_last_words / sizeof role_last_words[0];
    if (role_last_from[26] != n || role_last_from[0] != 0)
        return false;
    for (size_t c = 0; c < 26; c++)
        if (role_last_from[c] > role_last_from[c + 1])
            return false;
    for (size_t i = 0; i < n; i++) {
        const char *w = role_last_words[i];
        const size_t len = strlen(w);
        if (len < 2 || len > 14 || w[0] < 'a' || w[0] > 'z')
            return false;
        if (i > 0 && strcmp(role_last_words[i - 1], w) >= 0)
            return false;
        const unsigned c = (unsigned)(w[0] - 'a');
        if (i < role_last_from[c] || i >= role_last_from[c + 1])
            return false;
    }
    return true;
}

/* Whether w[0..n), the last word before a run of \s and a capital, may
 * end a role: one of role_last_words, or with a byte past ASCII (which
 * the pattern's caseless letters may match: U+212A, U+017F). */
/* Whether a word of ASCII letters w[0..n) has the length and the first
 * letter of one of role_last_words (a cheap filter before the list). */
static inline bool role_last_shape(const unsigned char *w, size_t n)
{
    /* bit c - 'a' of [n]: a word of role_last_words has length n and the
     * first letter c (most words before a capital have none) */
    static const uint32_t first_letters[15] = {
        0x0000000, 0x0000000, 0x0000008, 0x000080c, 0x006844d, 0x0059b04, 0x0008010, 0x004526d,
        0x008994c, 0x0048014, 0x0040005, 0x0040005, 0x0040004, 0x0000004, 0x00a0000};
    if (n < 2 || n > 14)
        return false;
    const unsigned c = (w[0] | 0x20u) - 'a';
    return c < 26 && ((first_letters[n] >> c) & 1u);
}

static bool role_last_word(const fl_mx *mx, size_t at, size_t n)
{
    const unsigned char *w = (const unsigned char *)mx->text + at;
    if (!role_last_shape(w, n))
        return high_in(mx, at, n);
    /* the words of w's first letter (a few), those of its length (n is 2
     * to 14: the 16 bytes hold a NUL at n) compared with A-Z as a-z */
    const unsigned c = (w[0] | 0x20u) - 'a';
    for (unsigned k = role_last_from[c]; k < role_last_from[c + 1]; k++) {
        const char *r = role_last_words[k];
        if (r[n] != '\0' || r[n - 1] == '\0')
            continue;
        size_t i = 1;
        while (i < n) {
            unsigned char b = w[i];
            if (b >= 'A' && b <= 'Z')
                b = (unsigned char)(b + ('a' - 'A'));
            if (b != (unsigned char)r[i])
                break;
            i++;
        }
        if (i == n)
            return true;
    }
    return high_in(mx, at, n);
}

/* Whether FL_RE_TITLE_POST's closing look-ahead may hold at `q`, after
 * its role: \s* and one of , . ; : ) or the end, or \s+ and "of", "at",
 * "for" or "in" as a whole word (\s and \b are ASCII there). A byte
 * past ASCII is left to the pattern. */
static bool post_end_may(const fl_mx *mx, size_t q)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t end = mx->s_end;
    size_t p = skip_re_space(mx, q);
    if (p >= end || t[p] >= 0x80)
        return true;
    const unsigned char c = t[p];
    if (c == ',' || c == '.' || c == ';' || c == ':' || c == ')')
        return true;
    if (p == q)
        return false;
    size_t a = p;
    while (a < end && (unsigned)((t[a] | 0x20u) - 'a') < 26u)
        a++;
    if (a < end && (t[a] >= 0x80 || t[a] == '_' || (t[a] >= '0' && t[a] <= '9')))
        return a - p <= 3; /* a word character or more: no \b at a, maybe */
    const unsigned f = t[p] | 0x20u, g = a - p > 1 ? t[p + 1] | 0x20u : 0;
    if (a - p == 2)
        return (f == 'o' && g == 'f') || (f == 'a' && g == 't') || (f == 'i' && g == 'n');
    return a - p == 3 && f == 'f' && g == 'o' && (t[p + 2] | 0x20u) == 'r';
}

/* Whether FL_RE_TITLE_POST's modifier and role, starting at `r` (after
 * the comma and any determiner or possessive), may end where its
 * look-ahead holds. They are at most six words of letters (a modifier,
 * "secretary of the treasury"), each after a single space or a hyphen,
 * and the role ends with one of role_last_words (the pattern's roles are
 * FL_RE_TITLE_PRE's, and its abbreviations among them): some word of
 * their shape (role_last_shape) must be followed by what post_end_may
 * takes. A byte
 * past ASCII (a caseless letter, a Unicode space) is left to the
 * pattern. */
static bool post_role_ends(const fl_mx *mx, size_t r)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t end = mx->s_end;
    size_t q = r;
    for (int word = 0; word < 6; word++) {
        const size_t ws = q;
        while (q < end && (unsigned)((t[q] | 0x20u) - 'a') < 26u)
            q = past_ascii_letters(mx, q);
        if (q < end && t[q] >= 0x80)
            return true;
        if (q == ws)
            return false;
        if (role_last_shape(t + ws, q - ws) && post_end_may(mx, q))
            return true;
        if (!(q + 1 < end && (t[q] == ' ' || t[q] == '-')))
            return false;
        q++;
    }
    return false;
}

/* Whether w[0..n), a word before a single space inside FL_RE_TITLE_PRE's
 * match, may be one: a modifier (former, acting, interim, outgoing,
 * incoming, then) or a word of ROLES (patterns.c) that another follows
 * (chief, executive, financial, operating, technology, technical,
 * information, marketing, of, associate, first, general, justice, vice,
 * deputy, prime, foreign, finance, defence, defense, health, home,
 * business, treasury, commerce, energy, transport, press, secretary, the,
 * attorney, managing, shadow), by their lengths and first letters; a
 * byte past ASCII is left to the pattern. Keep in step with ROLES (the
 * title tests spell out each of its roles). */
static bool role_inner_word(const fl_mx *mx, size_t at, size_t n)
{
    const unsigned char *w = (const unsigned char *)mx->text + at;
    /* bit c - 'a' of [n]: one of the words above has length n and the
     * first letter c */
    static const uint32_t first_letters[12] = {0x0000000, 0x0000000, 0x0004000, 0x0080000,
                                               0x0280080, 0x0008024, 0x00400b9, 0x0000368,
                                               0x0085107, 0x00c5031, 0x0080000, 0x0000100};
    /* (the shape first: every first word of a role that goes on has it) */
    const unsigned c = (w[0] | 0x20u) - 'a';
    if (n >= 2 && n <= 11 && c < 26 && ((first_letters[n] >> c) & 1u))
        return true;
    return high_in(mx, at, n);
}

/* The words that may open FL_RE_TITLE_PRE's match and go on after a
 * single space, lower case, in strcmp order, with the first letters of
 * the word that may follow (bit c - 'a'): the first words of its roles of
 * more words (role_alternatives), and its modifiers (PRE_MODIFIER: a
 * role's first word, any). fl_role_alternatives_indexed checks both
 * against role_alternatives and modifiers, and pre_next_from. */
enum { PRE_MODIFIER = 1u << 26 };
#define PL(c) (1u << ((c) - 'a'))
static const struct pre_next_word {
    char word[10];
    uint32_t next;
} pre_next_words[] = {
    {"acting", PRE_MODIFIER},
    {"associate", PL('j')},
    {"attorney", PL('g')},
    {"business", PL('s')},
    {"chief", PL('e') | PL('f') | PL('i') | PL('j') | PL('m') | PL('o') | PL('s') | PL('t')},
    {"commerce", PL('s')},
    {"defence", PL('m') | PL('s')},
    {"defense", PL('m') | PL('s')},
    {"deputy", PL('p')},
    {"energy", PL('s')},
    {"executive", PL('d')},
    {"finance", PL('m')},
    {"first", PL('m') | PL('o')},
    {"foreign", PL('m') | PL('s')},
    {"former", PRE_MODIFIER},
    {"general", PL('c') | PL('m')},
    {"health", PL('m') | PL('s')},
    {"home", PL('s')},
    {"incoming", PRE_MODIFIER},
    {"interim", PRE_MODIFIER},
    {"justice", PL('m') | PL('s')},
    {"managing", PL('d')},
    {"outgoing", PRE_MODIFIER},
    {"press", PL('s')},
    {"prime", PL('m')},
    {"secretary", PL('g') | PL('o')},
    {"shadow", PL('c')},
    {"then", PRE_MODIFIER},
    {"transport", PL('s')},
    {"treasury", PL('s')},
    {"vice", PL('c') | PL('p')},
};
#undef PL

/* Where the words of pre_next_words with the first letter 'a' + c start:
 * those of c run to pre_next_from[c + 1]. */
static const unsigned char pre_next_from[27] = {0,  3,  4,  6,  9,  11, 15, 16, 18,
                                                20, 21, 21, 21, 22, 22, 23, 25, 25,
                                                25, 27, 30, 30, 31, 31, 31, 31, 31};

/* Of the word w[0..n) (ASCII letters), the entry's `next` in
 * pre_next_words; 0 for a word that is none of them (all have 4 to 9
 * letters). Its first eight bytes, lower-cased and zero-padded, are
 * compared with an entry's in one load (the NULs after a shorter entry
 * word included), the ninth byte apart. */
static inline uint32_t pre_next_of(const unsigned char *w, size_t n)
{
    if (n < 4 || n > 9)
        return 0;
    const unsigned c = (w[0] | 0x20u) - 'a';
    uint64_t key;
    unsigned char ninth = 0;
    if (n >= 8) {
        key = fl_load8(w) | FL_BYTES_01 * 0x20;
        if (n == 9)
            ninth = (unsigned char)(w[8] | 0x20u);
    } else {
        /* two loads that overlap, as the word's 4 to 7 bytes */
        key = ((uint64_t)fl_load4(w) | (uint64_t)fl_load4(w + n - 4) << (8 * (n - 4))) |
              (FL_BYTES_01 * 0x20 >> (8 * (8 - n)));
    }
    for (unsigned k = pre_next_from[c]; k < pre_next_from[c + 1]; k++) {
        const char *r = pre_next_words[k].word;
        if (fl_load8(r) == key && (unsigned char)r[8] == ninth)
            return pre_next_words[k].next;
    }
    return 0;
}

/* Whether FL_RE_TITLE_PRE's match at `start` may go on past its first
 * word [start, start+n) (ASCII letters) over the single space before
 * `q`, at which the next word starts (when a capital follows, the first
 * word ends no role): only a modifier before a role's first word, or the
 * first word of a role of more words before that role's next word, by
 * its first letter. `next_mark`: the first of mx->marks after the word, as a
 * prose offset (every word of ASCII letters that may start a role is
 * one), or SIZE_MAX, which leaves it to starts_role. A byte past ASCII
 * (a caseless letter such as U+212A, U+017F) is left to the pattern. */
static bool pre_goes_on(const fl_mx *mx, size_t start, size_t n, size_t q, size_t next_mark)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const unsigned x = (t[q] | 0x20u) - 'a';
    if (x >= 26)
        return true; /* no ASCII letter: the walk decides */
    const uint32_t next = pre_next_of(t + start, n);
    if (!(next & PRE_MODIFIER))
        return (next >> x) & 1u;
    if (q == next_mark || q >= mx->s_end)
        return true; /* (past the sentence: no word there to read, and the walk ends) */
    const size_t xe = word_end_after_space(mx, q);
    return high_in(mx, q, xe - q) ||
           (next_mark == SIZE_MAX && starts_role(mx, (const char *)t + q, xe - q));
}

/* Whether FL_RE_TITLE_PRE may match at `start`, whose first word ends at
 * `at` (a role's first word, by starts_role): its role words (ASCII
 * letters, spaces, hyphens and dots, or bytes past ASCII, which caseless
 * letters such as U+212A may be) end in \s+ before a capital, so within
 * reach of `at` a run of \s must be followed by A-Z or a byte past ASCII
 * (a \p{Lu} maybe) with only such bytes before it, and the word before
 * that run (after its last hyphen) must end a role. The longest modifier
 * and role are under 40 letters, at most three bytes each. Inside them
 * words are parted by a single space (or a hyphen), at most four times
 * ("former secretary of the treasury"), each after a word that may be
 * followed by another (role_inner_word): any other run of \s, or a
 * fifth, must be the last, before the capital. */
static bool pre_candidate(const fl_mx *mx, size_t start, size_t at, size_t next_mark)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t end = mx->s_end, reach = end - at > 128 ? at + 128 : end;
    size_t q = at, word = start; /* word: where the last word (or part) starts */
    unsigned inner = 0;
    while (q < reach) {
        unsigned char b = t[q];
        if ((unsigned)((b | 0x20u) - 'a') < 26u) { /* an ASCII letter, the most */
            q = past_letters(mx, q);
            continue;
        }
        if (fl_re_space((char)b)) {
            const size_t run = q;
            while (q < end && fl_re_space((char)t[q]))
                q++;
            if (q < end && ((t[q] >= 'A' && t[q] <= 'Z') || t[q] >= 0x80) &&
                role_last_word(mx, word, run - word))
                return true;
            if (q - run != 1 || b != ' ' || ++inner > 4)
                return false;
            /* the first word (ASCII letters, by starts_role) and one space:
             * whether the next word may follow it is asked first (most
             * first words stop there: "Energy plans") */
            if (run == at && !pre_goes_on(mx, start, at - start, q, next_mark))
                return false;
            if (!role_inner_word(mx, word, run - word))
                return false;
            word = q;
            continue;
        }
        if (!(b >= 0x80 || b == '-' || b == '.'))
            return false;
        q++;
        if (b == '-')
            word = q;
    }
    return false;
}

/* Whether w[0..len) may be an honorific (HONORIFICS in patterns.c: Mr,
 * Mrs, Ms, Mx, Mme, Messrs, Sir, Dame) by its first two letters, a cheap
 * filter before fl_honorific_word. */
static inline bool honorific_start(const char *w, size_t len)
{
    if (len < 2)
        return false;
    switch (w[0]) {
    case 'M':
        return w[1] == 'r' || w[1] == 's' || w[1] == 'x' || w[1] == 'm' || w[1] == 'e';
    case 'S':
        return w[1] == 'i';
    case 'D':
        return w[1] == 'a';
    default:
        return false;
    }
}

/* Where FL_RE_HONORIFIC ("(?:Mr|...)\.?\s+(?=\p{Lu})") matches at `i`,
 * whose word [i, we) is one of its honorifics; 0 when it does not. No
 * shorter honorific fits there (a letter or digit follows it), so the
 * match is the word, a dot maybe and the whole run of ASCII spaces after
 * it (a shorter run is followed by a space, no capital), when a capital
 * follows the run. A code point past ASCII there is left to the pattern's
 * \p{Lu}. */
static size_t honorific_end(fl_mx *mx, size_t i, size_t we)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t end = mx->s_end;
    size_t q = we < end && t[we] == '.' ? we + 1 : we, r = q;
    while (r < end && fl_re_space((char)t[r]))
        r++;
    if (r == q || r >= end)
        return 0;
    if (t[r] >= 0x80)
        return fl_mx_match(mx, FL_RE_HONORIFIC, i);
    return t[r] >= 'A' && t[r] <= 'Z' ? r : 0;
}

/* ------------------------------------------------ the role patterns by hand
 *
 * FL_RE_TITLE_PRE and FL_RE_TITLE_POST read as PCRE2 reads them, for the
 * text of ASCII they meet; a byte past ASCII where a class, a caseless
 * letter or a look-ahead is decided hands the match to the pattern
 * (TITLE_ASK). Their ROLE_MODIFIER, ROLE_ABBR and ROLES (patterns.c) are
 * written out below, each alternative of an inner (?:...)? or [...] in
 * the order the pattern tries it; keep them in step (test_mentions.c's
 * test_title_pre_by_hand and test_title_post_by_hand compare the two
 * readings on sentences spelled from both, through fl_title_by_hand). */

enum { TITLE_NO = 0, TITLE_YES = 1, TITLE_ASK = -1 };

/* ROLES, caseless, by their first letters: each in the pattern's order
 * among those with its first letter (no two with different first
 * letters match at one place), those with the letter c from
 * role_from[c - 'a'] to role_from[c - 'a' + 1] (fl_role_alternatives_indexed
 * checks). "justice" has a look-ahead of its own (justice_refused). */
static const char justice_role[] = "justice";
static const char *const role_alternatives[] = {"associate justice",
                                                "attorney general",
                                                "ambassador",
                                                "analyst",
                                                "business secretary",
                                                "chief executive officer",
                                                "chief executive",
                                                "chief financial officer",
                                                "chief operating officer",
                                                "chief technology officer",
                                                "chief technical officer",
                                                "chief information officer",
                                                "chief marketing officer",
                                                "chief scientist",
                                                "chief economist",
                                                "chief strategist",
                                                "chief of staff",
                                                "chief justice",
                                                "chief minister",
                                                "captain",
                                                "commerce secretary",
                                                "chancellor",
                                                "chairman",
                                                "chairwoman",
                                                "chairperson",
                                                "chair",
                                                "co-founder",
                                                "cofounder",
                                                "congressman",
                                                "congresswoman",
                                                "commissioner",
                                                "deputy prime minister",
                                                "defence minister",
                                                "defense minister",
                                                "defence secretary",
                                                "defense secretary",
                                                "energy secretary",
                                                "executive director",
                                                "economist",
                                                "first officer",
                                                "first minister",
                                                "foreign minister",
                                                "finance minister",
                                                "foreign secretary",
                                                "founder",
                                                "general counsel",
                                                "general manager",
                                                "governor",
                                                "health minister",
                                                "home secretary",
                                                "health secretary",
                                                "justice minister",
                                                "justice secretary",
                                                justice_role,
                                                "judge",
                                                "king",
                                                "lawmaker",
                                                "managing director",
                                                "mayor",
                                                "minister",
                                                "prime minister",
                                                "press secretary",
                                                "president",
                                                "professor",
                                                "prince",
                                                "princess",
                                                "pope",
                                                "queen",
                                                "representative",
                                                "secretary of state",
                                                "secretary of commerce",
                                                "secretary of defence",
                                                "secretary of defense",
                                                "secretary of energy",
                                                "secretary of the treasury",
                                                "secretary of the interior",
                                                "secretary of labor",
                                                "secretary of transportation",
                                                "secretary of agriculture",
                                                "secretary-general",
                                                "secretary general",
                                                "shadow chancellor",
                                                "senator",
                                                "secretary",
                                                "spokesman",
                                                "spokeswoman",
                                                "spokesperson",
                                                "sheriff",
                                                "treasury secretary",
                                                "transport secretary",
                                                "vice-president",
                                                "vice president",
                                                "vice-chairman",
                                                "vice-chairwoman",
                                                "vice-chairperson",
                                                "vice-chair",
                                                "vice chairman",
                                                "vice chairwoman",
                                                "vice chairperson",
                                                "vice chair"};
static const unsigned char role_from[27] = {0,  4,  5,  31, 36,  39,  45,  48,  51,
                                            51, 55, 56, 57, 60,  60,  60,  67,  68,
                                            69, 88, 90, 90, 100, 100, 100, 100, 100};

/* Of each of role_alternatives, how many of its first bytes it shares
 * with the one before it in its row (0 for a row's first): a scan that
 * saw the one before fail at byte p passes over those that share more
 * than p bytes with it, which fail there too, and compares the others
 * from the bytes they share (fl_role_alternatives_indexed checks). */
static const unsigned char role_shared[] = {
    0,  1,  1,  1,  0, 0, 15, 6, 6, 6, 11, 6, 6, 6, 6, 6, 6, 6, 6,  1,  1,  1,  3,  5,  5,
    5,  1,  2,  2,  8, 2, 0,  2, 5, 5, 5,  0, 1, 1, 0, 6, 1, 1, 1,  2,  0,  8,  1,  0,  1,
    1,  0,  8,  7,  2, 0, 0,  0, 2, 1, 0,  2, 4, 2, 2, 6, 1, 0, 0,  0,  13, 13, 18, 13, 13,
    17, 13, 13, 13, 9, 9, 1,  1, 2, 1, 6,  6, 1, 0, 2, 0, 4, 4, 10, 10, 10, 4,  10, 10, 10};

/* The modifiers of ROLE_MODIFIER, caseless, with what follows each. */
static const char *const modifiers[] = {"former",   "acting", "interim", "outgoing",
                                        "incoming", "then",   NULL};

bool fl_role_alternatives_indexed(void)
{
    const size_t n = sizeof role_alternatives / sizeof role_alternatives[0];
    if (role_from[26] != n || sizeof role_shared != n)
        return false;
    for (size_t c = 0; c < 26; c++) {
        if (role_from[c] > role_from[c + 1])
            return false;
        for (size_t k = role_from[c]; k < role_from[c + 1]; k++) {
            const char *w = role_alternatives[k],
                       *pw = k > role_from[c] ? role_alternatives[k - 1] : "";
            size_t same = 0;
            while (pw[same] && pw[same] == w[same])
                same++;
            if ((unsigned char)w[0] != 'a' + c || role_shared[k] != same)
                return false;
        }
    }
    /* pre_next_words: sorted, indexed, and taking every role's second
     * word after its first and a space, and every modifier's role */
    const size_t np = sizeof pre_next_words / sizeof pre_next_words[0];
    if (pre_next_from[26] != np || pre_next_from[0] != 0)
        return false;
    for (size_t i = 0; i < np; i++) {
        const char *w = pre_next_words[i].word;
        const size_t len = strlen(w);
        if (len < 2 || len >= sizeof pre_next_words[i].word || w[0] < 'a' || w[0] > 'z' ||
            (i > 0 && strcmp(pre_next_words[i - 1].word, w) >= 0))
            return false;
        const unsigned c = (unsigned)(w[0] - 'a');
        if (i < pre_next_from[c] || i >= pre_next_from[c + 1] ||
            pre_next_of((const unsigned char *)w, len) != pre_next_words[i].next)
            return false;
    }
    for (size_t k = 0; k < n; k++) {
        const char *w = role_alternatives[k], *sp = strchr(w, ' ');
        if (sp &&
            (sp[1] < 'a' || sp[1] > 'z' ||
             !((pre_next_of((const unsigned char *)w, (size_t)(sp - w)) >> (sp[1] - 'a')) & 1u)))
            return false;
    }
    for (const char *const *m = modifiers; *m; m++)
        if (pre_next_of((const unsigned char *)*m, strlen(*m)) != PRE_MODIFIER)
            return false;
    return true;
}

/* ROLE_ABBR (TITLE_PRE), as written. */
static const char *const pre_abbreviations[] = {
    "CEO",  "CFO",  "COO",   "CTO",   "CIO",  "CMO",   "Sen.", "Rep.", "Gov.",
    "Gen.", "Lt.",  "Col.",  "Capt.", "Sgt.", "Adm.",  "Dr.",  "Dr",   "Prof.",
    "Prof", "Rev.", "Pres.", "Supt.", "Det.", "Insp.", NULL};

/* TITLE_POST's abbreviations, as written. */
static const char *const post_abbreviations[] = {"CEO", "CFO", "COO", "CTO", "CIO", "CMO", NULL};

/* Words the look-ahead after "justice" refuses, caseless. */
static const char *const justice_bodies[] = {
    "department", "ministry", "division", "committee", "commission", "party",
    "league",     "court",    "council",  "office",    "service",    "system",
    "select",     "reform",   "centre",   "center",    NULL};

/* Whether lit is at `at`: 1 yes (its end in *end), 0 no, TITLE_ASK when a
 * byte past ASCII is met where lit has a letter (a caseless letter such
 * as U+212A may match it). Letters of lit (lower case) are compared
 * without case when `caseless`, other bytes as they are. */
static inline int literal_at(const fl_mx *mx, size_t at, const char *lit, bool caseless,
                             size_t *end)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    size_t p = at;
    for (; *lit; lit++, p++) {
        if (p >= mx->s_end)
            return TITLE_NO;
        const unsigned char b = t[p], l = (unsigned char)*lit;
        if (caseless && l >= 'a' && l <= 'z') {
            if (b >= 0x80)
                return TITLE_ASK;
            if ((b | 0x20) != l)
                return TITLE_NO;
        } else if (b != l) {
            return TITLE_NO;
        }
    }
    *end = p;
    return TITLE_YES;
}

/* literal_at for lit from its byte `from` at `at` + from (the bytes
 * before are known to be there); *seen: how many of lit's bytes are
 * there (to the first that is not, or all). */
static inline int literal_from(const fl_mx *mx, size_t at, const char *lit, size_t from,
                               size_t *seen, size_t *end)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    size_t k = from;
    for (; lit[k]; k++) {
        const size_t p = at + k;
        if (p >= mx->s_end)
            break;
        const unsigned char b = t[p], l = (unsigned char)lit[k];
        if (l >= 'a' && l <= 'z') {
            if (b >= 0x80)
                return TITLE_ASK;
            if ((b | 0x20) != l)
                break;
        } else if (b != l) {
            break;
        }
    }
    *seen = k;
    if (lit[k])
        return TITLE_NO;
    *end = at + k;
    return TITLE_YES;
}

/* Whether \b holds after an ASCII word character at `at` (its next byte):
 * 1 yes, 0 no, TITLE_ASK for a byte past ASCII. */
static int boundary_after(const fl_mx *mx, size_t at)
{
    if (at >= mx->s_end)
        return TITLE_YES;
    const unsigned char b = (unsigned char)mx->text[at];
    if (b >= 0x80)
        return TITLE_ASK;
    return !((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || b == '_');
}

/* The look-ahead after "justice" (ending at `at`): 1 when it refuses
 * (spaces and one of justice_bodies as a whole word follow), 0 when it
 * holds, TITLE_ASK. */
static int justice_refused(const fl_mx *mx, size_t at)
{
    const size_t q = skip_re_space(mx, at);
    if (q == at)
        return TITLE_NO;
    int asked = TITLE_NO;
    for (const char *const *w = justice_bodies; *w; w++) {
        size_t e;
        int r = literal_at(mx, q, *w, true, &e);
        if (r == TITLE_YES)
            r = boundary_after(mx, e);
        if (r == TITLE_YES)
            return TITLE_YES;
        if (r == TITLE_ASK)
            asked = TITLE_ASK;
    }
    return asked;
}

/* The continuation of a role match: where the whole match ends (in *end)
 * after the role that ends at `at`. */
typedef int (*title_rest)(const fl_mx *mx, size_t at, size_t *end);

/* A role match found: its groups. */
typedef struct title_groups {
    bool has_mod;
    size_t mo, ml, ro, rl;
} title_groups;

/* ROLE_MODIFIER, then an abbreviation of `abbrs` or a role of
 * role_alternatives, then rest, from `at`: 1 (the match's end in *end,
 * its groups in *g), 0, or TITLE_ASK. */
static int role_match(const fl_mx *mx, size_t at, const char *const *abbrs, title_rest rest,
                      size_t *end, title_groups *g)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    size_t mod_end = 0, e = 0, re = 0;
    int r;
    /* the modifier, when one is there (the pattern tries it first): one
     * of them starts with each of f, a, i, o, t, e */
    if (at >= mx->s_end)
        return TITLE_NO;
    if (t[at] >= 0x80)
        return TITLE_ASK; /* a caseless letter, maybe */
    const unsigned m0 = t[at] | 0x20u;
    const bool may_mod = m0 == 'f' || m0 == 'a' || m0 == 'i' || m0 == 'o' || m0 == 't' || m0 == 'e';
    for (const char *const *m = modifiers; may_mod && *m && !mod_end; m++) {
        if ((unsigned char)(*m)[0] != m0)
            continue; /* each has another first letter but interim, incoming */
        r = literal_at(mx, at, *m, true, &e);
        if (r == TITLE_ASK)
            return TITLE_ASK;
        if (r == TITLE_YES && e < mx->s_end && (t[e] == ' ' || t[e] == '-'))
            mod_end = e + 1;
    }
    if (may_mod && !mod_end) {
        r = literal_at(mx, at, "ex-", true, &e);
        if (r == TITLE_ASK)
            return TITLE_ASK;
        if (r == TITLE_YES)
            mod_end = e;
    }
    for (int pass = 0; pass < 2; pass++) {
        const bool has_mod = pass == 0;
        if (has_mod && !mod_end)
            continue;
        const size_t ro = has_mod ? mod_end : at;
        /* every abbreviation starts with a capital: most words none */
        const bool may_abbr = ro < mx->s_end && t[ro] >= 'A' && t[ro] <= 'Z';
        for (const char *const *a = abbrs; may_abbr && *a; a++) {
            /* most have another first byte: passed over before the call */
            if ((unsigned char)(*a)[0] != t[ro] || literal_at(mx, ro, *a, false, &e) != TITLE_YES)
                continue;
            if ((r = rest(mx, e, &re)) == TITLE_ASK)
                return TITLE_ASK;
            if (r == TITLE_YES) {
                *g = (title_groups){has_mod, at, mod_end - at, ro, e - ro};
                *end = re;
                return TITLE_YES;
            }
        }
        /* the roles with the first letter there (caseless; a byte past
         * ASCII may be a caseless letter) */
        if (ro >= mx->s_end)
            continue;
        const unsigned f = t[ro] | 0x20u;
        if (t[ro] >= 0x80)
            return TITLE_ASK;
        if (f < 'a' || f > 'z')
            continue;
        size_t seen = 0;
        for (size_t k = role_from[f - 'a'], kn = role_from[f - 'a' + 1]; k < kn; k++) {
            const char *a = role_alternatives[k];
            if (role_shared[k] > seen)
                continue; /* fails where the one before did */
            if ((r = literal_from(mx, ro, a, role_shared[k], &seen, &e)) == TITLE_ASK)
                return TITLE_ASK;
            if (r == TITLE_NO)
                continue;
            if (a == justice_role && (r = justice_refused(mx, e)) != TITLE_NO) {
                if (r == TITLE_ASK)
                    return TITLE_ASK;
                continue;
            }
            if ((r = rest(mx, e, &re)) == TITLE_ASK)
                return TITLE_ASK;
            if (r == TITLE_YES) {
                *g = (title_groups){has_mod, at, mod_end - at, ro, e - ro};
                *end = re;
                return TITLE_YES;
            }
        }
    }
    return TITLE_NO;
}

/* TITLE_PRE's end: \s+(?=\p{Lu}). */
static int pre_rest(const fl_mx *mx, size_t at, size_t *end)
{
    const size_t q = skip_re_space(mx, at);
    if (q == at || q >= mx->s_end)
        return TITLE_NO;
    const unsigned char b = (unsigned char)mx->text[q];
    if (b >= 0x80)
        return TITLE_ASK;
    *end = q;
    return b >= 'A' && b <= 'Z';
}

/* TITLE_POST's end: (?=\s*[,.;:)]|\s+(?:of|at|for|in)\b|\s*$), the match
 * ending at `at`. */
static int post_rest(const fl_mx *mx, size_t at, size_t *end)
{
    static const char *const words[] = {"of", "at", "for", "in", NULL};
    const char *t = mx->text;
    const size_t q = skip_re_space(mx, at);
    *end = at;
    if (q >= mx->s_end)
        return TITLE_YES;
    if (t[q] == ',' || t[q] == '.' || t[q] == ';' || t[q] == ':' || t[q] == ')')
        return TITLE_YES;
    if (q == at)
        return TITLE_NO;
    int asked = TITLE_NO;
    for (const char *const *w = words; *w; w++) {
        size_t e;
        if (literal_at(mx, q, *w, false, &e) != TITLE_YES)
            continue;
        const int r = boundary_after(mx, e);
        if (r == TITLE_YES)
            return TITLE_YES;
        if (r == TITLE_ASK)
            asked = TITLE_ASK;
    }
    return asked;
}

/* FL_RE_TITLE_PRE at `at`: 1 (end, groups), 0, TITLE_ASK. */
static int title_pre_match(const fl_mx *mx, size_t at, size_t *end, title_groups *g)
{
    return role_match(mx, at, pre_abbreviations, pre_rest, end, g);
}

/* The end of a word of TITLE_POST's possessive branch from `at`
 * (\p{Lu}[\p{L}\p{N}&.-]*): 0 when none starts there, SIZE_MAX for a
 * byte past ASCII. */
static size_t post_word_end(const fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (at >= mx->s_end)
        return 0;
    if (t[at] >= 0x80)
        return SIZE_MAX;
    if (!(t[at] >= 'A' && t[at] <= 'Z'))
        return 0;
    size_t q = at + 1;
    for (; q < mx->s_end; q++) {
        const unsigned char b = t[q];
        if (b == 0xE2 && q + 2 < mx->s_end && t[q + 1] == 0x80 && t[q + 2] == 0x99)
            break; /* ’ */
        if (b >= 0x80)
            return SIZE_MAX;
        if (!((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || b == '&' ||
              b == '.' || b == '-'))
            break;
    }
    return q;
}

/* FL_RE_TITLE_POST at the comma `at`: 1 (end, groups), 0, TITLE_ASK. */
static int title_post_match(const fl_mx *mx, size_t at, size_t *end, title_groups *g)
{
    static const char *const determiners[] = {"the", "its", "his", "her", "their", "a", "an", NULL};
    const unsigned char *t = (const unsigned char *)mx->text;
    if (at >= mx->s_end || t[at] != ',')
        return TITLE_NO;
    const size_t q = skip_re_space(mx, at + 1);
    if (q == at + 1)
        return TITLE_NO;
    int r;
    size_t e;
    /* (the|its|his|her|their|a|an)\s+ */
    for (const char *const *d = determiners; *d; d++) {
        if (literal_at(mx, q, *d, false, &e) != TITLE_YES)
            continue;
        const size_t w = skip_re_space(mx, e);
        if (w == e)
            continue;
        if ((r = role_match(mx, w, post_abbreviations, post_rest, end, g)) != TITLE_NO)
            return r;
    }
    /* (?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,3}\p{Lu}[\p{L}\p{N}&.-]*(?:'s|’s)\s+:
     * the words up to the first that ends in an apostrophe, the fourth at
     * most (a word ends at a byte outside its class, so only that one can
     * be the last) */
    size_t w = q;
    for (int k = 0; k < 4; k++) {
        const size_t we = post_word_end(mx, w);
        if (we == SIZE_MAX)
            return TITLE_ASK;
        if (!we)
            break;
        size_t s = 0;
        if (we + 1 < mx->s_end && t[we] == '\'' && t[we + 1] == 's')
            s = we + 2;
        else if (we + 3 < mx->s_end && t[we] == 0xE2 && t[we + 1] == 0x80 && t[we + 2] == 0x99 &&
                 t[we + 3] == 's')
            s = we + 4;
        if (s) {
            const size_t rs = skip_re_space(mx, s);
            if (rs > s &&
                (r = role_match(mx, rs, post_abbreviations, post_rest, end, g)) != TITLE_NO)
                return r;
            break;
        }
        const size_t ns = skip_re_space(mx, we);
        if (ns == we)
            break;
        w = ns;
    }
    return role_match(mx, q, post_abbreviations, post_rest, end, g);
}

/* The title tests of the word [i, we) (an ASCII letter at a word start;
 * its end from the caller, which has it from the word table at a mark;
 * next_mark as pre_candidate takes it); returns where the walk goes on. */
static size_t title_word(fl_mx *mx, size_t i, size_t we, size_t next_mark)
{
    const char *t = mx->text;
    /* the word lies inside the sentence: no bounds tests (nor for the
     * honorific's claim below, which ends by its dot at most) */
    if (fl_mx_claimed_in(mx, i, we - i))
        return we;
    if (honorific_start(t + i, we - i) && fl_honorific_word(t + i, we - i)) {
        size_t e = honorific_end(mx, i, we);
        if (e) {
            size_t hl = we - i;
            if (we < mx->s_end && t[we] == '.')
                hl++;
            fl_mx_claim_in(mx, i, hl);
            return e;
        }
    }
    /* a word before one space and a small letter: pre_candidate asks
     * pre_goes_on first, which refuses it unless a role's next word or
     * any word (after a modifier) may start with that letter; refused
     * here before the word's class is looked up (most role words in
     * running text: "first time", "minister said", "Energy plans") */
    if (we + 1 < mx->s_end && t[we] == ' ' && (unsigned)(t[we + 1] - 'a') < 26u) {
        const uint32_t next = pre_next_of((const unsigned char *)t + i, we - i);
        if (!(next & PRE_MODIFIER) && !((next >> (t[we + 1] - 'a')) & 1u))
            return we;
    }
    if ((next_mark != SIZE_MAX ? marked_role(mx, t + i, we - i) : starts_role(mx, t + i, we - i)) &&
        pre_candidate(mx, i, we, next_mark)) {
        size_t e = 0;
        title_groups g = {0};
        const int r = title_pre_match(mx, i, &e, &g);
        if (r == TITLE_YES) {
            add_title_pre(mx, g.has_mod, g.mo, g.ml, g.ro, g.rl, e);
            return e;
        }
        if (r == TITLE_ASK && (e = fl_mx_match(mx, FL_RE_TITLE_PRE, i))) {
            add_title(mx, FL_LINK_NAME_STARTS, e);
            return e;
        }
    }
    return we;
}

/* The title tests at a comma; returns where the walk goes on. */
static size_t title_comma(fl_mx *mx, size_t i, size_t next_mark)
{
    if (i > mx->s_off && fl_mx_alnum_at(mx, i - 1) && post_candidate(mx, i, next_mark)) {
        size_t e = 0;
        title_groups g = {0};
        const int r = title_post_match(mx, i, &e, &g);
        if (r == TITLE_YES) {
            add_title_post(mx, g.has_mod, g.mo, g.ml, g.ro, g.rl, i);
            return e;
        }
        if (r == TITLE_ASK && (e = fl_mx_match(mx, FL_RE_TITLE_POST, i))) {
            add_title(mx, FL_LINK_NAME_ENDS, i);
            return e;
        }
    }
    return i + 1;
}

/* Whether the word at `w` (a byte that is no capital or space first) may
 * be one of post_candidate's determiners before a space (the, its, his,
 * her, their, a, an: determiner), by its first bytes; a byte past ASCII
 * after its first leaves it open. */
static inline bool determiner_may(const unsigned char *t, size_t w, size_t end)
{
    if (w + 1 >= end)
        return false; /* no space after it */
    const unsigned f = t[w] | 0x20u, b = t[w + 1], g = b | 0x20u;
    switch (f) {
    case 'a': /* a, an */
        if (g == 'n')
            return w + 2 < end &&
                   (t[w + 2] >= 0x80 || !((t[w + 2] >= '0' && t[w + 2] <= '9') ||
                                          ((t[w + 2] | 0x20) >= 'a' && (t[w + 2] | 0x20) <= 'z')));
        return b >= 0x80 || !((b >= '0' && b <= '9') || (g >= 'a' && g <= 'z'));
    case 't': /* the, their */
        return g == 'h' || b >= 0x80;
    case 'i': /* its */
        return g == 't' || b >= 0x80;
    case 'h': /* his, her */
        return g == 'i' || g == 'e' || b >= 0x80;
    default:
        return false;
    }
}

static __attribute__((noinline)) void titles_walk(fl_mx *mx)
{
    if (mx->marks) {
        /* only the commas and the words that may be a title's or an
         * honorific's, in order; the others would end at their ends */
        const char *t = mx->text;
        size_t i = mx->s_off;
        for (size_t k = 0; k < mx->mark_count; k++) {
            size_t at = mx->s_off + mx->marks[k];
            if (at < i)
                continue; /* inside a match */
            if (t[at] != ',') {
                /* a mark is a word start the table holds the end of */
                const size_t next =
                    k + 1 < mx->mark_count ? mx->s_off + mx->marks[k + 1] : mx->s_end;
                i = title_word(mx, at, mx->s_off + mx->wend[at - mx->s_off], next);
                continue;
            }
            /* post_candidate needs a space after the comma, then more
             * space, a capital, a role's first word (a mark) or the first
             * letter of a determiner (t, i, h, a): most commas have none
             * of them, and title_comma would go on after the comma */
            if (at + 2 >= mx->s_end || t[at + 1] != ' ') {
                i = at + 1;
                continue;
            }
            /* the word after the comma is a mark when it may start a role
             * (asked last: most commas are decided by their next bytes) */
            const size_t next = k + 1 < mx->mark_count ? mx->s_off + mx->marks[k + 1] : mx->s_end;
            /* by the byte after the space: 1 a space or a capital, 2 the
             * first letter of a determiner (determiner_may), 0 neither */
            static const unsigned char after_comma[256] = {
                [' '] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
                ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1,
                ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
                ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 2,
                ['h'] = 2, ['i'] = 2, ['t'] = 2};
            const unsigned c2 = after_comma[(unsigned char)t[at + 2]];
            if (!(c2 == 1 ||
                  (c2 == 2 && determiner_may((const unsigned char *)t, at + 2, mx->s_end)) ||
                  at + 2 == next)) {
                i = at + 1;
                continue;
            }
            i = title_comma(mx, at, next);
        }
        return;
    }
    /* no word tables (a very long sentence): walk the bytes */
    const char *t = mx->text;
    size_t i = mx->s_off;
    while (i < mx->s_end) {
        unsigned char c = (unsigned char)t[i];
        if (c == ',')
            i = title_comma(mx, i, SIZE_MAX);
        else if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && fl_mx_word_start(mx, i))
            i = title_word(mx, i, fl_mx_word_end(mx, i), SIZE_MAX);
        else
            i++;
    }
}

/* No title in a sentence without a comma or a word that may start a role
 * or an honorific, passed over before the walk's set-up (see
 * fl_extract_money). */
void fl_extract_titles(fl_mx *mx)
{
    if (mx->marks) {
        /* a title needs a word that may start a role or an honorific:
         * every such word of ASCII letters is a mark (a title before a
         * name is only looked for at one), and so is any after a comma
         * (post_candidate and possessive_role find no other but by a byte
         * past ASCII, which the pattern's caseless letters may be). So a
         * sentence whose marks are all commas and whose bytes are all
         * ASCII (most of those with a comma and no such word) holds none:
         * the walk over its commas is passed over; as is one with no
         * mark at all. fill_words tells both (mark_words: a word's mark in
         * an ASCII block; one in another block has high_any set) */
        if (mx->mark_count == 0 || !(mx->high_any | mx->mark_words))
            return;
    }
    titles_walk(mx);
}

void fl_title_by_hand(const fl_patterns *patterns, const char *text, size_t len, bool post,
                      size_t at, fl_title_hand *out)
{
    fl_mx mx = {0};
    mx.patterns = patterns;
    mx.words_table = fl_patterns_words(patterns);
    mx.text = text;
    mx.s_end = len;
    memset(out, 0, sizeof *out);
    title_groups g = {0};
    if (post) {
        out->admitted = at > 0 && at < len && text[at] == ',' && fl_mx_alnum_at(&mx, at - 1) &&
                        post_candidate(&mx, at, SIZE_MAX);
        out->result = title_post_match(&mx, at, &out->end, &g);
    } else {
        const size_t we = fl_mx_word_end(&mx, at);
        out->admitted =
            we > at && starts_role(&mx, text + at, we - at) && pre_candidate(&mx, at, we, SIZE_MAX);
        out->result = title_pre_match(&mx, at, &out->end, &g);
    }
    out->has_mod = g.has_mod;
    out->mo = g.mo;
    out->ml = g.ml;
    out->ro = g.ro;
    out->rl = g.rl;
}

size_t fl_title_hand_words(unsigned which, const char *const **words)
{
    static const char *const *const lists[] = {role_alternatives, pre_abbreviations,
                                               post_abbreviations, modifiers, justice_bodies};
    if (which >= sizeof lists / sizeof lists[0]) {
        *words = NULL;
        return 0;
    }
    *words = lists[which];
    if (which == 0)
        return sizeof role_alternatives / sizeof role_alternatives[0];
    size_t n = 0;
    while (lists[which][n])
        n++;
    return n;
}

/* mentions_name.c - names: runs of capitalized words ("Jensen Huang",
 * "Taiwan Semiconductor Manufacturing Company", "Nvidia Corp.") and single
 * proper nouns, with particles inside (Ursula von der Leyen, Bank of
 * England), hyphens (Mar-a-Lago, Rolls-Royce; "Nvidia-developed" gives
 * Nvidia), apostrophes (O'Rourke), initials (J. R. R. Tolkien) and a
 * possessive ending kept on the mention (Trump's; the fold drops it).
 *
 * Titles and honorifics were claimed before this pass, so they split off.
 * Words in capitals are acronyms here (a later document pass turns NVIDIA
 * into a name when Nvidia is one). Capitalization by position is not
 * evidence: a single capitalized word that opens a sentence, or any name
 * in a title-case headline, is tentative and survives only if the rest of
 * the document supports it (the same name elsewhere, a surname, a company
 * short form) or something links to it; common sentence starters ("The",
 * "However", "Even") are never names. */
#include "mentions.h"

#include <string.h>
#include <utf8proc.h>

typedef enum wkind {
    W_OTHER,    /* ends a name */
    W_CAP,      /* a capitalized word */
    W_INITIAL,  /* "J." before another capitalized word */
    W_PARTICLE, /* von, der, of ... between capitalized words */
} wkind;

typedef struct nword {
    size_t off, end; /* the part that belongs to a name */
    size_t next;     /* where scanning resumes */
    wkind kind;
    bool possessive;  /* ends in 's: the name ends here */
    bool truncated;   /* "Nvidia-developed": the name ends here */
    bool inner_upper; /* DeepSeek, OpenAI, iPhone */
} nword;

static bool is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool is_lower_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

static uint32_t cp_at(const fl_mx *mx, size_t at, size_t *len)
{
    uint32_t cp;
    size_t n = fl_utf8_decode((const unsigned char *)mx->text, mx->s_end, at, &cp);
    if (len)
        *len = n;
    return cp;
}

/* An apostrophe at `at` (' or U+2019); its length in bytes, or 0. */
static size_t apostrophe(const fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (at < mx->s_end && t[at] == '\'')
        return 1;
    if (at + 2 < mx->s_end && t[at] == 0xE2 && t[at + 1] == 0x80 && t[at + 2] == 0x99)
        return 3;
    return 0;
}

/* Abbreviations that keep their dot inside a name. */
static bool dotted_abbreviation(const char *w, size_t len)
{
    static const char *const abbr[] = {"Corp", "Inc", "Ltd", "Co", "Jr", "Sr", "Bros", "Mt", "Ft"};
    /* most words are none by their first letter and length */
    if (len < 2 || len > 4)
        return false;
    switch (w[0]) {
    case 'B':
    case 'C':
    case 'F':
    case 'I':
    case 'J':
    case 'L':
    case 'M':
    case 'S':
        break;
    default:
        return false;
    }
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (fl_word_eq(w, len, abbr[i]))
            return true;
    return false;
}

static bool caps_suffix(const char *w, size_t len)
{
    static const char *const words[] = {"PLC", "LLC", "AG", "SA", "NV", "SE", "LLP", "LP"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (fl_word_eq(w, len, words[i]))
            return true;
    return false;
}

/* ASCII letters and digits by what read_word asks of them. */
enum { AC_ALNUM = 1, AC_DIGIT = 2, AC_LOWER = 4, AC_UPPER = 8 };
static const unsigned char ascii_class[128] = {
    ['0' ... '9'] = AC_ALNUM | AC_DIGIT,
    ['a' ... 'z'] = AC_ALNUM | AC_LOWER,
    ['A' ... 'Z'] = AC_ALNUM | AC_UPPER,
};

/* What the walk over a word's letters, hyphens and apostrophes found. */
typedef struct wscan {
    size_t raw_end;            /* the end of the raw extent */
    size_t first_seg_end;      /* the end of the first segment (0: none) */
    size_t last_upper_seg_end; /* the end of the last segment with a capital first */
    size_t next;               /* where scanning resumes (at: raw_end) */
    bool first_upper, any_lower, digit, apos_t, inner, possessive;
} wscan;

/* What scan_plain finds in a word: PLAIN_WORD (it is one), PLAIN_DIGIT (it
 * holds a digit), PLAIN_LOWER (a lower-case letter), PLAIN_INNER (a
 * capital after a lower-case letter: DeepSeek), PLAIN_POSSESSIVE ('s
 * after it). */
enum { PLAIN_WORD = 1, PLAIN_DIGIT = 2, PLAIN_LOWER = 4, PLAIN_INNER = 8, PLAIN_POSSESSIVE = 16 };

/* The PLAIN_* flags of the letters and digits [at, we) (a capital first),
 * 0 when one is past ASCII. Within the word a byte is a digit when bit 6
 * is clear, else a letter, lower-case when bit 5 is set. `table`: the
 * caller knows mx->wend is set (a constant at each call). */
static inline __attribute__((always_inline)) unsigned plain_letters(const fl_mx *mx, size_t at,
                                                                    size_t we, bool table)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t end = mx->s_end;
    uint64_t lower_any = 0, inner = 0, prev_lower = 0;
    const size_t r = at - mx->s_off, wl = we - at;
    if ((table || mx->wend) && (r & 63) + wl <= 64) {
        /* a word inside one block of the sentence's masks (fill_word_ends
         * made them with wend): its bytes are letters and digits */
        const fl_word_block *bk = &mx->blocks[r >> 6];
        const uint64_t m = (~(uint64_t)0 >> ((64 - wl) & 63)) << (r & 63); /* 1 <= wl <= 64 */
        if (bk->high & m)
            return 0; /* a letter past ASCII */
        if (bk->digit & m)
            return PLAIN_WORD | PLAIN_DIGIT;
        const uint64_t upper = bk->upper & m, lower = m & ~upper;
        /* at is a capital: no lower-case letter before it counts */
        inner = upper & (lower << 1);
        return PLAIN_WORD | (lower ? PLAIN_LOWER : 0u) | (inner ? PLAIN_INNER : 0u);
    }
    for (size_t i = at; i < we;) {
        size_t n = we - i;
        uint64_t v;
        if (n >= 8) {
            n = 8;
            v = fl_load8(t + i);
        } else if (i + 8 <= end) {
            v = fl_load8(t + i) & fl_low_bytes(n);
        } else {
            v = 0;
            for (size_t k = 0; k < n; k++)
                v |= (uint64_t)t[i + k] << (8 * k);
        }
        if (v & FL_BYTES_80)
            return 0; /* a letter past ASCII */
        const uint64_t m = n == 8 ? FL_BYTES_01 : FL_BYTES_01 & fl_low_bytes(n);
        const uint64_t b6 = (v >> 6) & m, b5 = (v >> 5) & m;
        if (b6 != m)
            return PLAIN_WORD | PLAIN_DIGIT; /* a digit: no part of a name */
        const uint64_t lower = b5, upper = m & ~b5;
        inner |= upper & ((lower << 8) | prev_lower);
        lower_any |= lower;
        prev_lower = (lower & ~(m >> 8)) != 0; /* the last byte's */
        i += n;
    }
    return PLAIN_WORD | (lower_any ? PLAIN_LOWER : 0u) | (inner ? PLAIN_INNER : 0u);
}

/* The common word: a capital, then ASCII letters and digits to the end of
 * the word (its end in *we), and no hyphen nor apostrophe after it, as
 * scan_word would read it (one segment, a capital first), or such a word
 * with lower-case letters and no digit, of two letters or more, and 's
 * after it ("Trump's": scan_word ends it there, a possessive). The
 * PLAIN_* flags, 0 for any other word. */
static inline unsigned scan_plain(const fl_mx *mx, size_t at, bool start, size_t *we_out)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    /* at a word's start (an ASCII capital), the table has its end */
    const size_t end = mx->s_end, we = start && mx->wend ? mx->s_off + mx->wend[at - mx->s_off]
                                                         : fl_mx_word_end(mx, at);
    unsigned poss = 0;
    if (we < end) {
        const unsigned char c = t[we];
        if (c == '-')
            return 0;
        size_t ap;
        if ((c == '\'' || c == 0xE2) && (ap = apostrophe(mx, we)) != 0) {
            const size_t after = we + ap;
            if (after >= end || t[after] != 's' || fl_mx_alnum_at(mx, after + 1))
                return 0;
            poss = PLAIN_POSSESSIVE;
        }
    }
    *we_out = we;
    const unsigned f = plain_letters(mx, at, we, false);
    if (!poss)
        return f;
    if ((f & (PLAIN_WORD | PLAIN_DIGIT | PLAIN_LOWER)) != (PLAIN_WORD | PLAIN_LOWER) || we - at < 2)
        return 0;
    return f | poss;
}

/* The raw extent of the word at `at`: alnum runs joined by hyphens and
 * apostrophes. */
static void scan_word(const fl_mx *mx, size_t at, wscan *out)
{
    const char *t = mx->text;
    size_t i = at, seg_count = 0, last_upper_seg_end = 0, next = at;
    bool first_upper = false, any_lower = false, digit = false, apos_t = false, inner = false,
         possessive = false;
    size_t first_seg_end = 0;
    while (i < mx->s_end) {
        size_t seg = i, cl;
        uint32_t first =
            (unsigned char)t[seg] < 0x80 ? (unsigned char)t[seg] : cp_at(mx, seg, NULL);
        bool prev_lower = false;
        const size_t end = mx->s_end;
        for (;;) {
            if (i + 8 <= end) {
                /* eight ASCII bytes at a time up to the first that is no
                 * ASCII letter or digit */
                const uint64_t v = fl_load8(t + i), ascii = ~v & FL_BYTES_80;
                const uint64_t lo = FL_BYTES_IN(v & FL_BYTES_7F, 'a', 'z') & ascii;
                const uint64_t up = FL_BYTES_IN(v & FL_BYTES_7F, 'A', 'Z') & ascii;
                const uint64_t dg = FL_BYTES_IN(v & FL_BYTES_7F, '0', '9') & ascii;
                const uint64_t stop = ~(lo | up | dg) & FL_BYTES_80;
                const unsigned n = stop ? (unsigned)__builtin_ctzll(stop) >> 3 : 8;
                const uint64_t m = n == 8 ? ~(uint64_t)0 : fl_low_bytes(n);
                /* a capital after a lower-case letter: DeepSeek */
                if (up & m & ((lo << 8) | (prev_lower ? 0x80u : 0u)))
                    inner = true;
                digit |= (dg & m) != 0;
                any_lower |= (lo & m) != 0;
                if (n) {
                    prev_lower = (lo >> (8 * n - 1)) & 1;
                    i += n;
                }
                if (n == 8)
                    continue;
            } else {
                unsigned c;
                while (i < end && (unsigned char)t[i] < 0x80 &&
                       (c = ascii_class[(unsigned char)t[i]]) != 0) {
                    digit |= (c & AC_DIGIT) != 0;
                    if ((c & AC_UPPER) && prev_lower)
                        inner = true;
                    prev_lower = (c & AC_LOWER) != 0;
                    any_lower |= prev_lower;
                    i++;
                }
            }
            if (i >= end || (unsigned char)t[i] < 0x80 || !fl_mx_alnum_slow(mx, i))
                break;
            uint32_t cp = cp_at(mx, i, &cl);
            bool lower = is_lower_cp(cp);
            any_lower |= lower;
            if (is_upper_cp(cp) && prev_lower)
                inner = true;
            prev_lower = lower;
            i += cl;
        }
        if (i == seg)
            break;
        if (seg_count == 0) {
            first_upper = is_upper_cp(first);
            first_seg_end = i;
        }
        if (is_upper_cp(first)) {
            last_upper_seg_end = i;
            if (seg > at) /* Rolls-Royce, O'Rourke: capitals inside */
                inner = true;
        }
        seg_count++;
        size_t ap = apostrophe(mx, i);
        if (i < mx->s_end && t[i] == '-' && i + 1 < mx->s_end && fl_mx_alnum_at(mx, i + 1)) {
            i++;
            continue;
        }
        if (ap && i + ap < mx->s_end && fl_mx_alnum_at(mx, i + ap)) {
            /* 's ends the word; n't is a contraction */
            size_t after = i + ap;
            size_t e2 = fl_mx_word_end(mx, after);
            if (e2 - after == 1 && t[after] == 's') {
                possessive = true;
                next = e2;
                break;
            }
            if (e2 - after == 1 && t[after] == 't') {
                apos_t = true;
                next = e2;
                break;
            }
            i = after;
            seg_count--; /* O'Rourke: one segment for the hyphen logic */
            if (seg_count == 0)
                first_seg_end = 0;
            continue;
        }
        break;
    }
    *out = (wscan){.raw_end = i,
                   .first_seg_end = first_seg_end,
                   .last_upper_seg_end = last_upper_seg_end,
                   .next = next == at ? i : next,
                   .first_upper = first_upper,
                   .any_lower = any_lower,
                   .digit = digit,
                   .apos_t = apos_t,
                   .inner = inner,
                   .possessive = possessive};
}

/* w for the word of one capital letter at `at` (ending at raw_end): an
 * initial ("J. R. R. Tolkien") or nothing. */
static nword initial_or_not(const fl_mx *mx, nword w, size_t at, size_t raw_end, bool in_name)
{
    const char *t = mx->text;
    if (raw_end + 2 < mx->s_end && t[raw_end] == '.' && t[raw_end + 1] == ' ' &&
        is_upper_cp(cp_at(mx, raw_end + 2, NULL))) {
        w.kind = W_INITIAL;
        w.end = w.next = raw_end + 1;
    } else if (in_name && t[at] != 'A' && t[at] != 'I' && raw_end + 2 < mx->s_end &&
               t[raw_end] == ' ' && t[raw_end + 1] >= 'A' && t[raw_end + 1] <= 'Z' &&
               t[raw_end + 2] >= 'a' && t[raw_end + 2] <= 'z') {
        /* a middle initial without its dot: George W Bush */
        w.kind = W_INITIAL;
        w.end = raw_end;
    }
    return w;
}

static nword read_other_word(const fl_mx *mx, size_t at, bool in_name);

/* Reads the word at `at` (`start`: known to start a word) and classifies
 * it for names. */
static nword read_word(const fl_mx *mx, size_t at, bool in_name, bool start)
{
    const char *t = mx->text;
    size_t we;
    unsigned pf;
    if ((unsigned char)t[at] >= 'A' && (unsigned char)t[at] <= 'Z' &&
        (pf = scan_plain(mx, at, start, &we)) != 0) {
        /* what the rest of this function makes of the word scan_word
         * would read as one segment with a capital first, no possessive */
        nword w = {at, at, we, W_OTHER, false, false, false};
        const size_t len = we - at;
        if (pf & PLAIN_POSSESSIVE) {
            /* as the rest of this function makes of the word and its 's */
            w.possessive = true;
            w.end = we;
            w.next = we + apostrophe(mx, we) + 1;
            if (fl_mx_common_or_calendar(mx, t + at, len))
                return w;
            w.end = w.next;
            w.kind = W_CAP;
            w.inner_upper = (pf & PLAIN_INNER) != 0;
            return w;
        }
        if (pf & PLAIN_DIGIT)
            return w;
        if (len == 1)
            return initial_or_not(mx, w, at, we, in_name);
        if (!(pf & PLAIN_LOWER)) {
            if (in_name && caps_suffix(t + at, len)) {
                w.kind = W_CAP;
                w.end = we;
            }
            return w;
        }
        w.end = we;
        if (fl_mx_common_or_calendar(mx, t + at, len))
            return w;
        if (we < mx->s_end && t[we] == '.' && dotted_abbreviation(t + at, len))
            w.end = w.next = we + 1;
        w.kind = W_CAP;
        w.inner_upper = (pf & PLAIN_INNER) != 0;
        return w;
    }
    return read_other_word(mx, at, in_name);
}

/* read_word for a word the plain path does not read (out of line: it
 * keeps the walk's registers for the common words) */
static __attribute__((noinline)) nword read_other_word(const fl_mx *mx, size_t at, bool in_name)
{
    const char *t = mx->text;
    wscan sc;
    scan_word(mx, at, &sc);
    nword w = {at, at, sc.next, W_OTHER, sc.possessive, false, false};
    const size_t raw_end = sc.raw_end, first_seg_end = sc.first_seg_end,
                 last_upper_seg_end = sc.last_upper_seg_end;
    if (raw_end == at || sc.digit || sc.apos_t)
        return w;
    const char *s = t + at;
    size_t len = raw_end - at;
    if (!sc.first_upper) {
        /* iPhone, eBay */
        if (len >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'A' && s[1] <= 'Z' && !w.possessive) {
            w.kind = W_CAP;
            w.inner_upper = true;
            w.end = raw_end;
            return w;
        }
        if (in_name && !w.possessive && len <= 5 && fl_mx_word_class(mx, s, len, FL_WC_PARTICLE)) {
            w.kind = W_PARTICLE;
            w.end = raw_end;
            return w;
        }
        /* al-Assad, d'Estaing: a particle glued to a capitalized part */
        if (in_name && first_seg_end && last_upper_seg_end == raw_end && first_seg_end - at <= 5 &&
            fl_mx_word_class(mx, s, first_seg_end - at, FL_WC_PARTICLE)) {
            w.kind = W_CAP;
            w.end = raw_end;
        }
        return w;
    }
    /* one capital letter: an initial ("J. R. R. Tolkien") or nothing */
    size_t l1 = 1;
    if ((unsigned char)s[0] >= 0x80)
        cp_at(mx, at, &l1);
    if (len == l1)
        return initial_or_not(mx, w, at, raw_end, in_name);
    /* all capitals: an acronym, unless a company suffix inside a name */
    if (!sc.any_lower) {
        if (in_name && caps_suffix(s, len)) {
            w.kind = W_CAP;
            w.end = raw_end;
        }
        return w;
    }
    w.end = raw_end;
    if (last_upper_seg_end && last_upper_seg_end < raw_end) {
        w.end = last_upper_seg_end;
        w.truncated = true;
        w.possessive = false;
    }
    size_t core = w.end - at;
    if (fl_mx_common_or_calendar(mx, s, core))
        return w;
    if (!w.truncated && !w.possessive && w.end < mx->s_end && t[w.end] == '.' &&
        dotted_abbreviation(s, core))
        w.end = w.next = w.end + 1;
    if (w.possessive)
        w.end = w.next;
    w.kind = W_CAP;
    w.inner_upper = sc.inner;
    return w;
}

/* Whether the gap between two words keeps them in one name. */
static bool joins(const fl_mx *mx, size_t from, size_t to)
{
    if (to - from == 1)
        return mx->text[from] == ' ' || mx->text[from] == '\n';
    if (to - from == 3) /* " & " */
        return mx->text[from] == ' ' && mx->text[from + 1] == '&' && mx->text[from + 2] == ' ';
    return false;
}

typedef struct nseq {
    size_t start, end;
    size_t words; /* capitalized words */
    size_t parts; /* words and initials */
    bool inner_upper, possessive, open;
} nseq;

/* The open name the walk's in-line read hands on to the long way: the
 * words [start, end), `parts` of them. */
static inline nseq open_seq(size_t start, size_t end, size_t parts, bool inner_upper)
{
    return (nseq){.start = start,
                  .end = end,
                  .words = parts,
                  .parts = parts,
                  .inner_upper = inner_upper,
                  .open = true};
}

/* Whether a title of this sentence starts right after `end` ("Nvidia CEO
 * Jensen Huang": the word before the title is an organization's name).
 * In line: most calls end at the first test. */
static inline __attribute__((always_inline)) bool title_follows(const fl_mx *mx, size_t end)
{
    /* a title claims its bytes (fl_extract_titles) */
    if (end + 1 >= mx->s_end || !mx->claimed[end + 1 - mx->s_off])
        return false;
    const fl_doc *doc = mx->doc;
    for (size_t i = doc->mentions.count; i > 0; i--) {
        const fl_mention *m = FL_DOC_MENTION(doc, i - 1);
        if (m->sentence != mx->sentence)
            break;
        if (m->kind == FL_M_TITLE && m->off == end + 1)
            return true;
    }
    return false;
}

/* Adds the name [start, end) of `parts` words and initials (flush's
 * work once a capitalized word is in it). In line where the walk's
 * in-line read ends a name (most names: before a word in lower case, at
 * a comma or a stop, a possessive); add_name below for flush. */
static inline __attribute__((always_inline)) void
add_name_in(fl_mx *mx, size_t start, size_t end, size_t parts, bool inner_upper, bool possessive)
{
    /* the walk found each word unclaimed: one word is the whole name */
    if (parts > 1 && fl_mx_claimed_in(mx, start, end - start))
        return;
    const char *t = mx->text;
    bool tentative = false;
    if (mx->caps_sentence && !inner_upper)
        tentative = true;
    if (start == mx->first_word && parts == 1 && !inner_upper && !possessive &&
        !title_follows(mx, end)) {
        tentative = true;
        /* "Microsoft pledged ...": a subject before a reporting verb */
        size_t v = end;
        if (v + 1 < mx->s_end && t[v] == ' ' && t[v - 1] != 's') {
            /* after the space a word starts: an ASCII letter's word
             * ends where the table says */
            const unsigned char c = (unsigned char)t[v + 1];
            const size_t ve = mx->wend && (unsigned)((c | 0x20u) - 'a') < 26u
                                  ? mx->s_off + mx->wend[v + 1 - mx->s_off]
                                  : fl_mx_word_end(mx, v + 1);
            if (fl_mx_word_class(mx, t + v + 1, ve - v - 1, FL_WC_REPORTING) && !mx->caps_sentence)
                tentative = false;
        }
    }
    if (!fl_mx_add(mx, FL_M_NAME, start, end - start, 0))
        return;
    if (tentative)
        ((unsigned char *)mx->flags.items)[mx->doc->mentions.count - 1] |= FL_MF_TENTATIVE;
}

/* add_name_in out of line, for flush (in line there too, it costs the
 * walk more than the calls it saves: mb1 +252K, news +555K) */
static __attribute__((noinline)) void add_name(fl_mx *mx, size_t start, size_t end, size_t parts,
                                               bool inner_upper, bool possessive)
{
    add_name_in(mx, start, end, parts, inner_upper, possessive);
}

static void flush(fl_mx *mx, nseq *q)
{
    /* q->open is set at each sentence's start; the other fields only when
     * a name opens (both ways of opening one set them all), and they are
     * not read before */
    // cppcheck-suppress ctuuninitvar
    if (!q->open)
        return;
    q->open = false;
    if (q->words)
        add_name(mx, q->start, q->end, q->parts, q->inner_upper, q->possessive);
}

/* A word that starts with a lower-case ASCII letter not followed by a
 * capital ("iPhone") nor joined to more by a hyphen or an apostrophe:
 * outside a name read_word takes it for W_OTHER, resuming at its end.
 * Returns that end (past `at`), or 0 for any other word (`start`: `at` is
 * known to start a word). */
static size_t plain_lower_word(const fl_mx *mx, size_t at, bool start)
{
    const char *t = mx->text;
    if (t[at] < 'a' || t[at] > 'z')
        return 0;
    if (at + 1 < mx->s_end && t[at + 1] >= 'A' && t[at + 1] <= 'Z')
        return 0;
    /* at a word's start the table has its end */
    size_t we = start && mx->wend ? mx->s_off + mx->wend[at - mx->s_off] : fl_mx_word_end(mx, at);
    if (we >= mx->s_end)
        return we;
    unsigned char c = (unsigned char)t[we];
    return c != '-' && c != '\'' && c != 0xE2 ? we : 0;
}

/* Whether the word w[0..len) of 1 to 5 bytes, a lower-case ASCII letter
 * first, is a name particle (FL_WC_PARTICLE). "of" (Bank of England), by
 * far the most met, is known without the word table's lookup. */
static inline bool particle_word(const fl_mx *mx, const char *w, size_t len)
{
    return fl_particle_may(w, len) && ((len == 2 && w[0] == 'o' && w[1] == 'f') ||
                                       fl_mx_word_class(mx, w, len, FL_WC_PARTICLE));
}

/* The first claimed byte in [from, to) of the sentence, `to` when none:
 * eight bytes of mx->claimed at a time (zero past the sentence). */
static size_t first_claimed(const fl_mx *mx, size_t from, size_t to)
{
    size_t lo = from > mx->claim_lo ? from : mx->claim_lo;
    const size_t hi = to < mx->claim_hi ? to : mx->claim_hi;
    for (; lo < hi; lo += 8) {
        uint64_t v = fl_load8(mx->claimed + (lo - mx->s_off));
        if (v) {
            size_t at = lo + ((unsigned)__builtin_ctzll(v) >> 3);
            return at < hi ? at : to;
        }
    }
    return to;
}

/* While no name is open, every word up to the next that may open one
 * (mx->name_marks) only closes what is not open: the walk may go straight
 * to that word when it would reach it the same way, that is from outside a
 * word, over no claimed byte, and not into a word a hyphen or an
 * apostrophe joins to the one before. *cursor keeps the place in the
 * marks. Returns where the walk goes on. */
static inline size_t past_claimed(const fl_mx *mx, size_t at);
static size_t past_claimed_mark(const fl_mx *mx, size_t at);

/* (*start: true when the walk goes on at a mark, a word's start, whose
 * first byte is unclaimed: a claimed word at a mark is stepped past here,
 * as the long way steps past one while no name is open) */
static size_t skip_to_mark(const fl_mx *mx, size_t *cursor, size_t i, bool *start)
{
    const unsigned char *t = (const unsigned char *)mx->text;
top:;
    {
        /* the next mark, straight, when no step of the walk can carry it
         * past that mark: the byte before it is ASCII (no letter nor
         * digit: a word starts there) and unclaimed, so every word, claimed
         * run and code point the walk meets before it ends before it, and
         * no word before it opens a name; with no mark left, nothing
         * opens one in the rest of the sentence */
        const size_t rel = i - mx->s_off;
        size_t k = *cursor;
        uint32_t m;
        while (((m = mx->name_marks[k]) & ~FL_NAME_MARK_JOINED) < rel)
            k++;
        *cursor = k;
        if (m == FL_NAME_MARK_END) { /* after the last mark */
            *start = false;
            return mx->s_end;
        }
        /* (the byte before ASCII: the mark is not joined, which a byte
         * past ASCII before it makes it; and unclaimed: the claimed byte
         * before the sentence's first, read for a mark at 0, is zero) */
        while (!(m & FL_NAME_MARK_JOINED) && mx->claimed[(ptrdiff_t)m - 1] == 0) {
            /* a claimed word at the mark (an honorific's, an acronym's, a
             * code's: "Mr.", "U.S.", "F-35") the walk steps past to the
             * first byte that is neither claimed nor a letter or digit,
             * which lies before the next mark when the byte before that
             * mark is unclaimed (a word's start follows no letter or
             * digit): it goes on at that mark as from here, or at the
             * sentence's end after the last */
            if (mx->claimed[m]) {
                /* (after the last mark, the byte before the sentence's
                 * first is read: zero) */
                const uint32_t m2 = mx->name_marks[k + 1];
                const size_t at2 = m2 == FL_NAME_MARK_END ? 0 : m2 & ~FL_NAME_MARK_JOINED;
                if (!((m2 & FL_NAME_MARK_JOINED) | mx->claimed[(ptrdiff_t)at2 - 1])) {
                    k++;
                    m = m2;
                    if (m == FL_NAME_MARK_END) {
                        *start = false;
                        *cursor = k;
                        return mx->s_end;
                    }
                    continue;
                }
                /* else the walk steps past the claimed word, and goes on
                 * from there */
                *cursor = k + 1;
                i = past_claimed_mark(mx, mx->s_off + m);
                if (i >= mx->s_end)
                    return i;
                goto top;
            }
            *start = true;
            *cursor = k + 1;
            return mx->s_off + m;
        }
        *cursor = k;
    }
again:;
    unsigned char c = t[i];
    while (c >= 0x80) {
        /* a code point past ASCII that is no letter or digit (a curly
         * quote, a dash): the walk steps over it */
        if (fl_mx_alnum_slow(mx, i))
            return i;
        size_t l;
        cp_at(mx, i, &l);
        i += l;
        if (i >= mx->s_end)
            return i;
        c = t[i];
    }
    bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (alnum && i > mx->s_off) { /* only from a word's start */
        unsigned char b = t[i - 1];
        if (b >= 0x80 || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))
            return i;
    }
    const size_t rel = i - mx->s_off;
    size_t k = *cursor;
    while ((mx->name_marks[k] & ~FL_NAME_MARK_JOINED) < rel) /* to FL_NAME_MARK_END at most */
        k++;
    *cursor = k;
    size_t to = mx->s_end;
    if (k < mx->name_mark_count) {
        if (mx->name_marks[k] & FL_NAME_MARK_JOINED)
            return i;
        to = mx->s_off + mx->name_marks[k];
    }
    if (to == i) {
        /* the walk leaves the mark behind: the next look starts past it */
        *start = k < mx->name_mark_count;
        *cursor = k + *start;
        goto at_mark;
    }
    size_t at = first_claimed(mx, i, to);
    if (at < to) {
        /* as far as the first claimed byte, when the walk would stop
         * there: a byte that no word before joins (not a hyphen nor an
         * apostrophe), outside a word or at a word's start */
        const unsigned char a = t[at]; /* ASCII when at == i (c) */
        const bool word = (a >= '0' && a <= '9') || ((a | 0x20) >= 'a' && (a | 0x20) <= 'z');
        if (at > i) {
            const unsigned char b = t[at - 1];
            if (a >= 0x80 || a == '-' || a == '\'')
                return i;
            if (word && (b >= 0x80 || b == '-' || b == '\'' || (b >= '0' && b <= '9') ||
                         ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')))
                return i;
        }
        /* what the walk does there with no name open: steps over the
         * byte (no letter nor digit), or past the claimed word; then it
         * comes back here */
        i = word ? past_claimed(mx, at) : at + 1;
        if (i >= mx->s_end)
            return i;
        goto again;
    }
    *start = k < mx->name_mark_count;
    *cursor = k + *start;
    i = to;
at_mark:
    /* a claimed word at the mark: the walk steps past it, and goes on
     * from there (fl_extract_names meets no claimed mark) */
    if (*start && mx->claimed[i - mx->s_off]) {
        *start = false;
        i = past_claimed_mark(mx, i);
        if (i >= mx->s_end)
            return i;
        goto top;
    }
    return i;
}

/* The first byte from the claimed byte `at` that is neither claimed nor
 * a letter or digit (byte by byte, as fl_mx_claimed and fl_mx_alnum_at
 * would say): the claimed bytes of the sentence are the nonzero ones of
 * mx->claimed. */
static inline size_t past_claimed(const fl_mx *mx, size_t at)
{
    const unsigned char *t = (const unsigned char *)mx->text, *c = mx->claimed;
    const size_t off = mx->s_off, end = mx->s_end;
    while (at < end) {
        /* to the first unclaimed byte, eight at a time (the bytes past
         * the sentence are zero, so it is found at `end` at the latest) */
        for (;;) {
            const uint64_t v = fl_load8(c + (at - off));
            const uint64_t zero = (v - FL_BYTES_01) & ~v & FL_BYTES_80;
            if (zero) {
                at += (unsigned)__builtin_ctzll(zero) >> 3;
                break;
            }
            at += 8;
        }
        if (at >= end)
            return end;
        unsigned char b = t[at];
        if (b < 0x80 ? !ascii_class[b] : !fl_mx_alnum_slow(mx, at))
            return at;
        at++;
    }
    return at;
}

/* past_claimed out of line, for skip_to_mark (few marks are claimed words
 * it does not step over without it) */
static __attribute__((noinline)) size_t past_claimed_mark(const fl_mx *mx, size_t at)
{
    return past_claimed(mx, at);
}

/* The bytes after a word that keep scan_plain from reading it alone: a
 * hyphen, an apostrophe, any byte past ASCII. */
static const bool joins_word[256] = {['-'] = true, ['\''] = true, [0x80 ... 0xFF] = true};

/* Whether the word ending at `we` has neither a hyphen nor an apostrophe
 * (nor any code point past ASCII) after it: scan_plain reads it alone, and
 * no possessive. */
static inline bool plain_after(const fl_mx *mx, size_t we)
{
    return we >= mx->s_end || !joins_word[(unsigned char)mx->text[we]];
}

/* How the long way starts (long_way's `how`): at a word's start with no
 * name open (LW_START), anywhere with no name open (LW_ANY, qend the
 * entry of mx->name_marks at skip_to_mark's cursor, or 0), or after the
 * open name [qstart, qend) of `parts` words (LW_OPEN, LW_INNER when a
 * capital follows a small letter in it) where a word may join it. */
enum { LW_START = 1, LW_ANY = 2, LW_OPEN = 4, LW_INNER = 8 };

/* The walk's long way from `i`: every word read by read_word, names kept
 * in q until a word closes them, as long as one is open (or while the
 * sentence has no name marks); then where the walk over the marks goes on
 * (the sentence's end at most, where the open name is added). Out of
 * line: the walk over the marks keeps its registers for the common words. */
static __attribute__((noinline)) size_t long_way(fl_mx *mx, size_t i, size_t qstart, size_t qend,
                                                 size_t parts, unsigned how)
{
    const fl_doc *const doc = mx->doc;
    nseq q;
    q.open = false;
    size_t prev_end = 0;
    bool joined = false, start = (how & LW_START) != 0;
    if (how & LW_OPEN) {
        q = open_seq(qstart, qend, parts, (how & LW_INNER) != 0);
        prev_end = i;
        goto after_word;
    }
    if (start)
        goto word;
    if (qend & FL_NAME_MARK_JOINED) {
        /* LW_ANY before a mark joined to a word before it (after a
         * hyphen, an apostrophe or a byte past ASCII: "pre-Christmas"),
         * the entry qend of the marks where skip_to_mark stopped short:
         * it stops at each word on the way, which the walk would read
         * one at a time; they are all read here, as far as that mark
         * (its word read too), before the walk goes back to the marks */
        qend = mx->s_off + (qend & ~FL_NAME_MARK_JOINED);
    } else {
        qend = 0;
    }
    goto any;
    /* (doc->status: as in fl_extract_names) */
    while (i < mx->s_end) {
        /* (qend: where the walk may go back to the marks at the earliest:
         * as above for LW_ANY; for LW_OPEN the open name's end, which the
         * walk is past; else 0) */
        if (!q.open && mx->name_marks && i >= qend)
            return i; /* on to the next mark */
        start = false;
    any:
        if (!start && !fl_mx_alnum_at(mx, i)) {
            size_t l = 1;
            if ((unsigned char)mx->text[i] >= 0x80)
                cp_at(mx, i, &l);
            i += l;
            /* with no name open, on to the next word here rather than
             * back to the marks: skip_to_mark stopped short of its mark
             * (one joined to a word before by a hyphen or an apostrophe,
             * a claimed byte, a code point past ASCII) and would stop at
             * the next byte again; what it skips, the walk does as well */
            if (!q.open) {
                if (i < mx->s_end)
                    goto any;
                return i;
            }
            continue;
        }
        joined = q.open && joins(mx, prev_end, i);
    word: /* a letter or digit at i */
        if (mx->claimed[i - mx->s_off]) {
            flush(mx, &q);
            i = past_claimed(mx, i);
            continue;
        }
        size_t we = plain_lower_word(mx, i, start);
        if (we) {
            /* what read_word says of it: no part of a name, or inside
             * one a particle (von, of) */
            if (joined && we - i <= 5 && particle_word(mx, mx->text + i, we - i) &&
                !fl_mx_claimed_in(mx, i, we - i)) {
                prev_end = i = we;
                goto after_word;
            }
            flush(mx, &q);
            i = we;
            continue;
        }
        nword w = read_word(mx, i, joined, start);
        if (w.kind != W_OTHER && w.end > w.off && fl_mx_claimed_in(mx, w.off, w.end - w.off))
            w.kind = W_OTHER;
        if (q.open && !joined)
            flush(mx, &q);
        switch (w.kind) {
        case W_CAP:
        case W_INITIAL:
            if (!q.open) {
                q = (nseq){0};
                q.open = true;
                q.start = w.off;
            }
            q.end = w.end;
            q.parts++;
            if (w.kind == W_CAP)
                q.words++;
            q.inner_upper |= w.inner_upper;
            q.possessive |= w.possessive;
            prev_end = w.end;
            if (w.possessive || w.truncated)
                flush(mx, &q);
            break;
        case W_PARTICLE:
            if (q.open)
                prev_end = w.end; /* kept only if a capitalized word follows */
            break;
        default:
            flush(mx, &q);
            break;
        }
        i = w.next > i ? w.next : fl_mx_word_end(mx, i);
        if (i <= w.off)
            i = w.off + 1;
    after_word:
        if (q.open && i == prev_end) {
            /* the next word joins this name only after
             * one space or line break, or " & "; the walk goes straight
             * there (joined to the name, as joins() would find), or
             * closes the name, which that word would close */
            const unsigned char *t = (const unsigned char *)mx->text;
            if (i + 1 < mx->s_end && (t[i] == ' ' || t[i] == '\n') && fl_mx_alnum_at(mx, i + 1))
                i++;
            else if (i + 3 < mx->s_end && t[i] == ' ' && t[i + 1] == '&' && t[i + 2] == ' ' &&
                     fl_mx_alnum_at(mx, i + 3))
                i += 3;
            else
                flush(mx, &q);
            if (q.open && doc->status == FL_OK) {
                /* after a space: a word's start */
                joined = start = true;
                goto word;
            }
        }
    }
    flush(mx, &q);
    return i;
}

/* The capitalized word at j (unclaimed, its end in the table) that joins
 * the open name [qstart, qend) of `parts` words (after one space, or a
 * particle and one space), when the walk's in-line read takes no more:
 * one of a single letter, or one with a hyphen, an apostrophe or a byte
 * past ASCII after it. What the long way makes of the most frequent two,
 * in line: a single capital letter that is no initial ("Model Y has",
 * "Plan B,") ends the name before it, the walk going on after it; a word
 * with 's ("Boris Johnson's") of a lower-case letter and no digit,
 * unclaimed and no common word, ends the name after its s. Returns where
 * the walk goes on, or 0 for the long way (any other word). Out of line,
 * and its call marked unlikely: the walk keeps its registers and layout
 * (in line, or tested without the hint: mb1 +14K..+112K). */
static __attribute__((noinline)) size_t name_word_ends(fl_mx *mx, size_t qstart, size_t parts,
                                                       bool inner, size_t j, size_t qend)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    const size_t we = mx->s_off + mx->wend[j - mx->s_off];
    if (we - j == 1) {
        /* as read_word and initial_or_not read it inside a name: an
         * initial before a space and a capitalized word (not A nor I), or
         * before a dot, a space and a capital, is left to the long way,
         * as is a letter with a hyphen or an apostrophe after it */
        const unsigned char c = t[we];
        if (c == ' ') {
            if (t[j] != 'A' && t[j] != 'I' && we + 2 < mx->s_end &&
                (unsigned)(t[we + 1] - 'A') < 26u && (unsigned)(t[we + 2] - 'a') < 26u)
                return 0;
        } else if (c == '.') {
            if (we + 2 < mx->s_end && t[we + 1] == ' ' && is_upper_cp(cp_at(mx, we + 2, NULL)))
                return 0;
        } else if (!plain_after(mx, we)) {
            return 0;
        }
        add_name(mx, qstart, qend, parts, inner, false);
        return we;
    }
    /* (the plain apostrophe, the most, without apostrophe's call) */
    const size_t ap = t[we] == '\'' ? 1 : apostrophe(mx, we), s = we + ap;
    if (!ap || s >= mx->s_end || t[s] != 's' || fl_mx_alnum_at(mx, s + 1))
        return 0;
    const unsigned pf = plain_letters(mx, j, we, true);
    if ((pf & (PLAIN_WORD | PLAIN_DIGIT | PLAIN_LOWER)) != (PLAIN_WORD | PLAIN_LOWER) ||
        fl_mx_common_or_calendar(mx, mx->text + j, we - j) || fl_mx_claimed_in(mx, j, s + 1 - j))
        return 0;
    add_name(mx, qstart, s + 1, parts + 1, inner || (pf & PLAIN_INNER), true);
    return s + 1;
}

/* The bytes after a name's space that close it as the long way would
 * (after_word), the walk going on at the space: ASCII but no letter
 * (which may join the name) nor '&' (" & " may): a digit (its word is no
 * part of a name), a space, punctuation. */
static const bool closes_name[256] = {[0 ... '&' - 1] = true,
                                      ['&' + 1 ... 'A' - 1] = true,
                                      ['Z' + 1 ... 'a' - 1] = true,
                                      ['z' + 1 ... 0x7F] = true};

/* The word [i, we) at a mark, ASCII letters and digits with an apostrophe
 * after them that no letter nor digit follows ("the Workers' union", a
 * closing quote): scan_word ends it before the apostrophe, and read_word
 * takes it for a one-word name that ends there when it is of two letters
 * or more, a lower-case one and no digit, no common word and unclaimed
 * (as the in-line read takes a word before any byte that is no letter),
 * for no part of a name else. Adds that name; returns where the walk goes
 * on (we, as the long way's), or 0 for a letter past ASCII in the word,
 * which the long way reads. Out of line: the walk keeps its registers. */
static size_t word_before_quote(fl_mx *mx, size_t i, size_t we)
{
    const size_t len = we - i;
    if (len == 1)
        return we; /* one capital and no dot: no initial */
    const unsigned pf = plain_letters(mx, i, we, true);
    if (!pf)
        return 0;
    if ((pf & (PLAIN_DIGIT | PLAIN_LOWER)) == PLAIN_LOWER &&
        !fl_mx_common_or_calendar(mx, mx->text + i, len) && !fl_mx_claimed_in(mx, i, len))
        add_name(mx, i, we, 1, (pf & PLAIN_INNER) != 0, false);
    return we;
}

/* The end of a joined word's second part, from j (after its hyphen or
 * apostrophe), when it starts with one of the 26 ASCII letters from
 * `first` ('a' or 'A') and no hyphen, apostrophe nor byte past ASCII
 * joins more to it; else 0 (an end is past j: never 0). */
static size_t second_part_end(const fl_mx *mx, size_t j, unsigned char first)
{
    const unsigned char *t = (const unsigned char *)mx->text;
    if (j >= mx->s_end || (unsigned)(t[j] - first) >= 26u)
        return 0;
    const size_t we2 = mx->s_off + mx->wend[j - mx->s_off];
    if (we2 < mx->s_end && (t[we2] >= 0x80 || t[we2] == '-' || t[we2] == '\''))
        return 0;
    return we2;
}

/* The word at a mark of two parts, [i, we) of ASCII letters (a capital
 * first) and after a hyphen one of lower-case ASCII letters, before a
 * byte that joins no more to it (no hyphen, apostrophe nor byte past
 * ASCII): "Nvidia-developed", "CEO-designate". read_word takes the first
 * part for a name, truncated there, unless it is a common word or
 * claimed, and the walk goes on after the second part. Adds that name;
 * returns where the walk goes on, or 0 for any other word (a digit in
 * it, more parts ...), which the long way reads. Out of line: the walk
 * keeps its registers. */
static size_t hyphen_lower_word(fl_mx *mx, size_t i, size_t we)
{
    const size_t j = we + 1, we2 = second_part_end(mx, j, 'a');
    if (!we2)
        return 0;
    /* (a capital after a lower-case letter: the second part is all lower
     * case when it has no PLAIN_INNER) */
    const unsigned pf = plain_letters(mx, i, we, true), pf2 = plain_letters(mx, j, we2, true);
    if (!pf || (pf & PLAIN_DIGIT) || pf2 != (PLAIN_WORD | PLAIN_LOWER))
        return 0;
    const size_t len = we - i;
    if (!fl_mx_common_or_calendar(mx, mx->text + i, len) && !fl_mx_claimed_in(mx, i, len))
        add_name(mx, i, we, 1, (pf & PLAIN_INNER) != 0, false);
    return we2;
}

/* As hyphen_lower_word, the second part, from j after a hyphen or an
 * apostrophe (we + 1), capitalized ("Rolls-Royce", "O'Connor"): read_word
 * takes the whole word for a name's first (a capital inside), unless it
 * has a digit, no lower-case letter, or is claimed, and the long way goes
 * on after it with that name open, as it would after reading it. */
static size_t joined_upper_word(fl_mx *mx, size_t i, size_t we, size_t j)
{
    const size_t we2 = second_part_end(mx, j, 'A');
    if (!we2)
        return 0;
    const unsigned pf = plain_letters(mx, i, we, true), pf2 = plain_letters(mx, j, we2, true);
    if (!pf || !pf2 || ((pf | pf2) & PLAIN_DIGIT))
        return 0;
    if (!((pf | pf2) & PLAIN_LOWER) || fl_mx_common_or_calendar(mx, mx->text + i, we2 - i) ||
        fl_mx_claimed_in(mx, i, we2 - i))
        return we2; /* no part of a name */
    return long_way(mx, we2, i, we2, 1, LW_OPEN | LW_INNER);
}

/* The word [i, we) at a mark before an apostrophe of `ap` bytes (0: none)
 * or another byte that joins more to it, neither a possessive nor "I'm":
 * word_before_quote, hyphen_lower_word or joined_upper_word for the words
 * they read, 0 for the long way. */
static __attribute__((noinline)) size_t joined_word(fl_mx *mx, size_t i, size_t we, size_t ap)
{
    if (ap) {
        if (!fl_mx_alnum_at(mx, we + ap))
            return word_before_quote(mx, i, we);
        /* (the table holds the end of a word after an ASCII apostrophe) */
        return ap == 1 ? joined_upper_word(mx, i, we, we + 1) : 0;
    }
    if (mx->text[we] != '-')
        return 0;
    const size_t pe = hyphen_lower_word(mx, i, we);
    return pe ? pe : joined_upper_word(mx, i, we, we + 1);
}

void fl_extract_names(fl_mx *mx)
{
    mx->name_first = mx->doc->mentions.count;
    if (mx->sent->all_caps) {
        mx->name_end = mx->name_first;
        return;
    }
    /* from mark to mark, no name open here (the long way keeps one until
     * it closes); once doc->status is no longer FL_OK (out of memory, the
     * mention limit), fl_mx_add adds nothing: the walk ends with the
     * sentence, which the caller then leaves */
    size_t i = mx->s_off, mark = 0;
    while (i < mx->s_end) {
        bool start = false;
        if (!mx->name_marks) {
            long_way(mx, i, 0, 0, 0, LW_ANY); /* to the sentence's end */
            break;
        }
        i = skip_to_mark(mx, &mark, i, &start);
        if (!start) {
            if (i >= mx->s_end)
                break;
            /* (the mark at the cursor: see long_way) */
            i = long_way(mx, i, 0, mx->name_marks[mark], 0, LW_ANY);
            continue;
        }
        /* a mark, inside the sentence: the common word there, as read_word
         * reads it outside a name: an unclaimed ASCII capital first, its
         * end from the table, and no hyphen nor apostrophe after it (the
         * sentence has name marks, which fill_word_ends makes with the
         * table, so mx->wend is set) */
        const unsigned char *t = (const unsigned char *)mx->text;
        size_t we;
        size_t ap;
        /* (skip_to_mark stepped past a claimed word at a mark: what the
         * long way does with one while no name is open) */
        if ((unsigned)(t[i] - 'A') >= 26u) {
            /* the long way */
        } else if (!plain_after(mx, we = mx->s_off + mx->wend[i - mx->s_off])) {
            /* a possessive ("Labour's"), as scan_plain and read_word
             * read it: of two letters or more, a lower-case one and
             * no digit, a name that ends after its s unless a common
             * word or claimed */
            if ((ap = apostrophe(mx, we)) != 0 && we + ap < mx->s_end && t[we + ap] == 's' &&
                !fl_mx_alnum_at(mx, we + ap + 1)) {
                const size_t len = we - i, next = we + ap + 1;
                const unsigned pf = len > 1 ? plain_letters(mx, i, we, true) : 0;
                if ((pf & (PLAIN_WORD | PLAIN_DIGIT | PLAIN_LOWER)) == (PLAIN_WORD | PLAIN_LOWER)) {
                    if (!fl_mx_common_or_calendar(mx, mx->text + i, len) &&
                        !fl_mx_claimed_in(mx, i, next - i))
                        add_name_in(mx, i, next, 1, (pf & PLAIN_INNER) != 0, true);
                    i = next;
                    continue;
                }
            } else if (ap && we == i + 1 && we + ap < mx->s_end &&
                       (unsigned)(t[we + ap] - 'a') < 26u) {
                /* one capital, an apostrophe and a word in lower case
                 * (I'm, I've, I'd): scan_word reads them as one word
                 * that ends after the capital (a truncated name), a
                 * common word ("I") no part of a name, resuming at the
                 * word's end when nothing joins more to it */
                const size_t a2 = we + ap, e2 = fl_mx_word_end(mx, a2);
                if (!(e2 == a2 + 1 && t[a2] == 's') &&
                    (e2 >= mx->s_end || (t[e2] < 0x80 && t[e2] != '-' && t[e2] != '\'')) &&
                    fl_mx_common_or_calendar(mx, mx->text + i, 1)) {
                    i = e2;
                    continue;
                }
            } else {
                /* a closing quote, a hyphen ("Nvidia-developed"): out of
                 * line */
                const size_t pe = joined_word(mx, i, we, ap);
                if (pe) {
                    i = pe;
                    continue;
                }
            }
        } else {
            const size_t len = we - i;
            const unsigned char c = we < mx->s_end ? t[we] : 0;
            /* one capital but an initial (a dot after it: outside a
             * name no other), or a common or calendar word (ASCII
             * letters, which no branch of read_word keeps outside a
             * name): no part of a name */
            if (len == 1 ? c != '.' : fl_mx_common_or_calendar(mx, mx->text + i, len) != 0) {
                i = we;
                continue;
            }
            const unsigned pf = len > 1 ? plain_letters(mx, i, we, true) : 0;
            if (pf && !(c == '.' && dotted_abbreviation(mx->text + i, len))) {
                /* a digit, or all capitals outside a name, or a
                 * claimed byte: no part of a name either */
                if ((pf & (PLAIN_DIGIT | PLAIN_LOWER)) != PLAIN_LOWER ||
                    fl_mx_claimed_in(mx, i, len)) {
                    i = we;
                    continue;
                }
                /* a name opens with the word (as the switch below
                 * would open q: in q when the walk goes on there) */
                const size_t qstart = i;
                size_t parts = 1;
                bool inner = (pf & PLAIN_INNER) != 0;
                i = we;
                /* what after_word makes of the words that follow (the
                 * prose's text can be read at the sentence's end, its
                 * NUL or the next sentence's first byte: a space there
                 * leaves j past the end, which stops the loop) */
                while (t[i] == ' ') {
                    size_t j = i + 1;
                    if (j >= mx->s_end)
                        break;
                    if (mx->claimed[j - mx->s_off]) {
                        /* a claimed word (a title's, a date's) closes the
                         * name, as the long way would close it there; the
                         * walk goes on at the space */
                        add_name_in(mx, qstart, i, parts, inner, false);
                        goto next;
                    }
                    const unsigned char a = t[j];
                    if ((unsigned)(a - 'a') < 26u) {
                        /* a word in lower case that plain_lower_word
                         * reads and no particle: it closes the name
                         * (a capital after its first letter, or at the
                         * sentence's end, hands the name to the long
                         * way, which reads the same there) */
                        const unsigned char b = t[j + 1];
                        if ((unsigned)(b - 'A') < 26u)
                            break;
                        if ((unsigned)(b - 'a') < 26u && !fl_particle_may((const char *)t + j, 2)) {
                            /* two letters that start no particle: the
                             * long way reads no part of a name in the
                             * word, whatever follows them (no particle,
                             * nor one joined to a capital: al-Assad), so
                             * the name closes before it; the walk goes on
                             * at the word with no name open, as from its
                             * end, without reading where it ends (at the
                             * sentence's end b is the prose's: a one-letter
                             * word closes the name there all the same) */
                            add_name_in(mx, qstart, i, parts, inner, false);
                            i = j;
                            goto next;
                        }
                        const size_t we2 = mx->s_off + mx->wend[j - mx->s_off];
                        if (!plain_after(mx, we2))
                            break;
                        if (we2 - j <= 5 && particle_word(mx, mx->text + j, we2 - j) &&
                            !fl_mx_claimed_in(mx, j, we2 - j)) {
                            /* a particle (Bank of England): kept only
                             * if a capitalized word follows, as the
                             * long way keeps it in q; read on here when
                             * that word follows one space and is one
                             * the capital's branch below reads */
                            j = we2 + 1;
                            if (j < mx->s_end && t[we2] == ' ' && (unsigned)(t[j] - 'A') < 26u &&
                                !mx->claimed[j - mx->s_off])
                                goto capital; /* j past i + 1: after a particle */
                            i = long_way(mx, we2, qstart, i, parts,
                                         LW_OPEN | (inner ? LW_INNER : 0u));
                            goto next;
                        }
                        add_name_in(mx, qstart, i, parts, inner, false);
                        i = we2;
                        goto next;
                    }
                    if ((unsigned)(a - 'A') >= 26u)
                        break;
                capital:;
                    /* a capitalized word joined to the name, as
                     * read_word reads it inside one (of two letters or
                     * more, a lower-case one, no digit, no common
                     * word, no abbreviation's dot, unclaimed) */
                    const size_t we2 = mx->s_off + mx->wend[j - mx->s_off], len2 = we2 - j;
                    if (__builtin_expect(len2 < 2 || !plain_after(mx, we2), 0)) {
                        /* a single letter or a possessive: the name
                         * ends here, anything else goes the long way */
                        const size_t pe = name_word_ends(mx, qstart, parts, inner, j, i);
                        if (!pe)
                            goto no_capital;
                        i = pe;
                        goto next;
                    }
                    const unsigned pf2 = plain_letters(mx, j, we2, true);
                    const unsigned char c2 = we2 < mx->s_end ? t[we2] : 0;
                    if ((pf2 & (PLAIN_WORD | PLAIN_DIGIT | PLAIN_LOWER)) !=
                            (PLAIN_WORD | PLAIN_LOWER) ||
                        fl_mx_common_or_calendar(mx, mx->text + j, len2) ||
                        (c2 == '.' && dotted_abbreviation(mx->text + j, len2)) ||
                        fl_mx_claimed_in(mx, j, len2))
                        goto no_capital;
                    parts++;
                    inner |= (pf2 & PLAIN_INNER) != 0;
                    i = we2;
                    continue;
                no_capital:
                    if (j != i + 1) {
                        /* the word after a particle (at j - 1) that
                         * the branch above does not read: the long way
                         * reads it */
                        i = long_way(mx, j - 1, qstart, i, parts,
                                     LW_OPEN | (inner ? LW_INNER : 0u));
                        goto next;
                    }
                    break;
                }
                if (i >= mx->s_end || (t[i] != ' ' && t[i] != '\n')) {
                    /* no space nor line break after the name: it ends */
                    add_name_in(mx, qstart, i, parts, inner, false);
                    continue;
                }
                /* a space and a byte that is no letter (a digit, a
                 * dash, a bracket; the byte read at the sentence's end is
                 * the prose's, as above): the name closes there, as the
                 * long way would close it, and the walk goes on at the
                 * space; a byte past ASCII, "&" or a letter, which may
                 * join more, and a line break go the long way */
                if (closes_name[(unsigned char)t[i + 1]] && t[i] == ' ' && i + 1 < mx->s_end) {
                    add_name(mx, qstart, i, parts, inner, false);
                    continue;
                }
                i = long_way(mx, i, qstart, i, parts, LW_OPEN | (inner ? LW_INNER : 0u));
                continue;
            }
        }
        /* the long way, at a word's start */
        i = long_way(mx, i, 0, 0, 0, LW_START);
    next:;
    }
    mx->name_end = mx->doc->mentions.count;
}

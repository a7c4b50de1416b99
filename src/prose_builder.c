/* prose_builder.c - prose text plus a piece map back to the source, for
 * the Markdown and HTML extractors; HTML character reference decoding. */
#include "prose_builder.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

void fl_pb_init(fl_prose_builder *pb)
{
    memset(pb, 0, sizeof *pb);
}

void fl_pb_free(fl_prose_builder *pb)
{
    free(pb->text);
    free(pb->pieces);
    pb->text = NULL;
    pb->pieces = NULL;
}

static bool reserve_text(fl_prose_builder *pb, size_t n)
{
    if (pb->failed)
        return false;
    if (pb->cap - pb->len >= n)
        return true;
    size_t cap = pb->cap ? pb->cap : 4096;
    while (cap - pb->len < n)
        cap *= 2;
    char *grown = realloc(pb->text, cap);
    if (!grown) {
        pb->failed = true;
        return false;
    }
    pb->text = grown;
    pb->cap = cap;
    return true;
}

static fl_piece *push_piece(fl_prose_builder *pb)
{
    if (pb->count == pb->piece_cap) {
        size_t cap = pb->piece_cap ? pb->piece_cap * 2 : 256;
        fl_piece *grown = realloc(pb->pieces, cap * sizeof *grown);
        if (!grown) {
            pb->failed = true;
            return NULL;
        }
        pb->pieces = grown;
        pb->piece_cap = cap;
    }
    fl_piece *p = &pb->pieces[pb->count++];
    p->prose_off = pb->len;
    return p;
}

static void append_raw(fl_prose_builder *pb, const char *s, size_t n, size_t src_off,
                       size_t src_len, bool verbatim)
{
    if (n == 0 || !reserve_text(pb, n))
        return;
    fl_piece *last = pb->count ? &pb->pieces[pb->count - 1] : NULL;
    bool extend = verbatim && last && last->verbatim &&
                  last->src_off + (pb->len - last->prose_off) == src_off;
    if (!extend) {
        fl_piece *p = push_piece(pb);
        if (!p)
            return;
        p->src_off = src_off;
        p->src_len = verbatim ? n : src_len;
        p->verbatim = verbatim;
    } else {
        last->src_len += n;
    }
    memcpy(pb->text + pb->len, s, n);
    pb->len += n;
}

static void flush_break(fl_prose_builder *pb)
{
    fl_break kind = pb->pending;
    pb->pending = FL_BREAK_NONE;
    if (kind == FL_BREAK_NONE || pb->len == 0)
        return;
    static const char *const text[] = {"", " ", "\n", "\n\n"};
    append_raw(pb, text[kind], strlen(text[kind]), pb->src_end, 0, false);
}

void fl_pb_verbatim(fl_prose_builder *pb, const char *s, size_t n, size_t src_off)
{
    if (n == 0)
        return;
    flush_break(pb);
    append_raw(pb, s, n, src_off, n, true);
    pb->src_end = src_off + n;
}

void fl_pb_mapped(fl_prose_builder *pb, const char *s, size_t n, size_t src_off, size_t src_len)
{
    if (n == 0)
        return;
    flush_break(pb);
    append_raw(pb, s, n, src_off, src_len, false);
    pb->src_end = src_off + src_len;
}

void fl_pb_break(fl_prose_builder *pb, fl_break kind)
{
    if (kind > pb->pending)
        pb->pending = kind;
}

void fl_pb_truncate(fl_prose_builder *pb, size_t len, size_t count)
{
    if (len > pb->len || count > pb->count)
        return;
    pb->len = len;
    pb->count = count;
    if (count) {
        /* a verbatim piece may have been extended past `len` */
        fl_piece *last = &pb->pieces[count - 1];
        if (last->verbatim && last->prose_off + last->src_len > len)
            last->src_len = len - last->prose_off;
    }
    pb->pending = FL_BREAK_NONE;
}

fl_status fl_pb_finish(fl_prose_builder *pb, fl_doc *doc)
{
    if (pb->failed)
        return FL_ENOMEM;
    char *text = fl_arena_alloc(doc->arena, pb->len + 1);
    size_t count = pb->count ? pb->count : 1;
    fl_piece *pieces = fl_arena_alloc(doc->arena, count * sizeof *pieces);
    if (!text || !pieces)
        return FL_ENOMEM;
    if (pb->len)
        memcpy(text, pb->text, pb->len);
    text[pb->len] = '\0';
    if (pb->count)
        memcpy(pieces, pb->pieces, pb->count * sizeof *pieces);
    /* an empty prose keeps one (empty) piece so lookups stay in bounds */
    doc->prose.text = text;
    doc->prose.len = pb->len;
    doc->prose.pieces = pieces;
    doc->prose.piece_count = count;
    return FL_OK;
}

/* ------------------------------------------------------------ entities */

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The references editorial text uses most; the rest go through gumbo. */
static const struct {
    const char *name;
    uint32_t cp;
} common_entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"copy", 0xA9},     {"reg", 0xAE},
    {"trade", 0x2122}, {"euro", 0x20AC},  {"pound", 0xA3},    {"yen", 0xA5},      {"cent", 0xA2},
    {"deg", 0xB0},     {"times", 0xD7},   {"divide", 0xF7},   {"middot", 0xB7},   {"bull", 0x2022},
    {"sect", 0xA7},    {"para", 0xB6},    {"shy", 0xAD},      {"thinsp", 0x2009}, {"ensp", 0x2002},
    {"emsp", 0x2003},  {"zwj", 0x200D},   {"zwnj", 0x200C},   {"eacute", 0xE9},   {"egrave", 0xE8},
    {"aacute", 0xE1},  {"agrave", 0xE0},  {"iacute", 0xED},   {"oacute", 0xF3},   {"uacute", 0xFA},
    {"ntilde", 0xF1},  {"ccedil", 0xE7},  {"auml", 0xE4},     {"ouml", 0xF6},     {"uuml", 0xFC},
    {"Auml", 0xC4},    {"Ouml", 0xD6},    {"Uuml", 0xDC},     {"szlig", 0xDF},    {"Eacute", 0xC9},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"plusmn", 0xB1},  {"minus", 0x2212}, {"prime", 0x2032},  {"Prime", 0x2033},  {"sup2", 0xB2},
    {"sup3", 0xB3},    {"micro", 0xB5},   {"larr", 0x2190},   {"rarr", 0x2192},
};

static size_t decode_with_gumbo(const char *s, size_t n, char *out)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, s, n);
    if (!g)
        return 0;
    size_t len = 0;
    const GumboNode *node = g->root;
    /* html > body > text: walk down first children to the first text */
    for (int depth = 0; node && depth < 4; depth++) {
        if (node->type == GUMBO_NODE_TEXT) {
            const char *t = node->v.text.text;
            len = strlen(t);
            if (len > 8)
                len = 0;
            else
                memcpy(out, t, len);
            break;
        }
        if (node->type != GUMBO_NODE_ELEMENT)
            break;
        const GumboVector *kids = &node->v.element.children;
        node = NULL;
        for (unsigned i = 0; i < kids->length; i++) {
            const GumboNode *k = kids->data[i];
            if (k->type == GUMBO_NODE_TEXT ||
                (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_BODY)) {
                node = k;
                break;
            }
        }
    }
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return len;
}

size_t fl_decode_entity(const char *s, size_t n, char *out)
{
    if (n < 3 || s[0] != '&')
        return 0;
    size_t end = s[n - 1] == ';' ? n - 1 : n;
    if (s[1] == '#') {
        uint32_t cp = 0;
        size_t i = 2;
        bool hex = i < end && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        if (i >= end)
            return 0;
        for (; i < end; i++) {
            char c = s[i];
            int d = c >= '0' && c <= '9'                            ? c - '0'
                    : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                    : -1;
            if (d < 0)
                return 0;
            cp = cp * (hex ? 16u : 10u) + (uint32_t)d;
            if (cp > 0x10FFFF)
                cp = 0x110000; /* stays out of range */
        }
        return utf8_encode(cp, out);
    }
    size_t name_len = end - 1;
    for (size_t i = 0; i < sizeof common_entities / sizeof common_entities[0]; i++) {
        const char *name = common_entities[i].name;
        if (strlen(name) == name_len && memcmp(name, s + 1, name_len) == 0)
            return utf8_encode(common_entities[i].cp, out);
    }
    if (n > 40)
        return 0;
    return decode_with_gumbo(s, n, out);
}

/* ----------------------------------------------------------------- URLs */

static bool url_char(unsigned char c)
{
    return c > ' ' && c != '<' && c != '>' && c != '"' && c != '`' && c != 0x7F;
}

static bool word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || c == '_' || c == '-' || c == '.' || c == '+';
}

/* Blanks the URL around position `at` (the start of "://" or "www."),
 * whose scheme starts at `start`; returns where to continue. */
static size_t blank_url(fl_prose_builder *pb, size_t start, size_t at)
{
    unsigned char *t = (unsigned char *)pb->text;
    size_t e = at;
    while (e < pb->len && url_char(t[e]))
        e++;
    /* a sentence's closing punctuation is not part of the URL */
    while (e > at && (t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ';' || t[e - 1] == ':' ||
                      t[e - 1] == '!' || t[e - 1] == '?' || t[e - 1] == ')' || t[e - 1] == '\'' ||
                      t[e - 1] == ']'))
        e--;
    for (size_t i = start; i < e; i++)
        t[i] = ' ';
    return e > at ? e : at + 1;
}

void fl_pb_blank_urls(fl_prose_builder *pb)
{
    if (pb->failed || pb->len < 4)
        return;
    unsigned char *t = (unsigned char *)pb->text;
    /* the next ':' and "www." at or after i, each searched again only when
     * passed, so the scan stays linear */
    const size_t none = (size_t)-1;
    size_t i = 0, colon = 0, www = 0;
    bool searched = false;
    while (i + 3 < pb->len) {
        if (!searched || (colon != none && colon < i)) {
            const unsigned char *h = memchr(t + i, ':', pb->len - i);
            colon = h ? (size_t)(h - t) : none;
        }
        if (!searched || (www != none && www < i)) {
            const unsigned char *h = memmem(t + i, pb->len - i, "www.", 4);
            www = h ? (size_t)(h - t) : none;
        }
        searched = true;
        size_t at = colon < www ? colon : www;
        if (at == none)
            return;
        if (t[at] == ':') {
            if (at + 2 < pb->len && t[at + 1] == '/' && t[at + 2] == '/') {
                size_t s = at;
                while (s > 0 && ((t[s - 1] | 0x20) >= 'a' && (t[s - 1] | 0x20) <= 'z'))
                    s--;
                if (s < at) {
                    i = blank_url(pb, s, at);
                    continue;
                }
            }
            i = at + 1;
        } else {
            if (at == 0 || !word_char(t[at - 1]))
                i = blank_url(pb, at, at);
            else
                i = at + 4;
        }
    }
}

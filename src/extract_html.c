/* extract_html.c - prose from HTML with gumbo.
 *
 * Prose is the text of the body plus the `alt` and `title` attributes;
 * script, style, pre, code, kbd, samp, tt, template, noscript, textarea,
 * svg and math are left out, and so are all other attributes. Block
 * elements are joined with a blank line so the segmenter ends sentences
 * at their ends; whitespace inside text becomes spaces, as a browser shows
 * it. gumbo decodes character references; each text is aligned with its
 * original bytes (GumboText.original_text) so decoded references become
 * mapped pieces and everything else maps back byte for byte. The tree is
 * walked with an explicit stack: nesting depth costs no C stack. */
#include "prose_builder.h"
#include "suppress.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct html_state {
    fl_doc *doc;
    fl_prose_builder pb;
    const char *base;
    size_t total;
} html_state;

static bool in_source(const html_state *st, const char *p, size_t n)
{
    return p && p >= st->base && p <= st->base + st->total &&
           n <= (size_t)(st->base + st->total - p);
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends dec[0..n) verbatim from src_off with whitespace made spaces. */
static void emit_run(html_state *st, const char *dec, size_t n, size_t src_off)
{
    if (n == 0)
        return;
    fl_pb_verbatim(&st->pb, dec, n, src_off);
    if (st->pb.failed)
        return;
    char *t = st->pb.text + st->pb.len - n;
    for (size_t i = 0; i < n; i++)
        if (is_ws(t[i]))
            t[i] = ' ';
}

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* How well raw[0..rn) and dec[0..dn) agree from their starts: bytes alike
 * before the first difference, with a bonus when both end together or the
 * raw text reaches its next reference. */
static size_t agreement(const char *raw, size_t rn, const char *dec, size_t dn)
{
    size_t k = 0;
    while (k < 16 && k < rn && k < dn && raw[k] == dec[k] && raw[k] != '&')
        k++;
    if ((k == rn && k == dn) || (k < rn && raw[k] == '&') || k == 16)
        k += 100;
    return k;
}

/* At raw[0] == '&': how many raw bytes (*rl) became how many decoded
 * bytes (*dl). A reference the parser left alone is *rl = *dl = 1. */
static void reference_extent(const char *raw, size_t rn, const char *dec, size_t dn, size_t *rl,
                             size_t *dl)
{
    *rl = 1;
    *dl = 1;
    if (dn == 0)
        return;
    size_t one = utf8_len((unsigned char)dec[0]);
    if (one > dn)
        one = dn;
    if (rn >= 3 && raw[1] == '#') {
        size_t i = 2;
        bool hex = raw[i] == 'x' || raw[i] == 'X';
        if (hex)
            i++;
        size_t digits = i;
        while (i < rn && (hex ? is_alnum(raw[i]) &&
                                    ((raw[i] | 0x20) <= 'f' || (raw[i] >= '0' && raw[i] <= '9'))
                              : raw[i] >= '0' && raw[i] <= '9'))
            i++;
        if (i > digits) {
            if (i < rn && raw[i] == ';')
                i++;
            *rl = i;
            *dl = one;
        }
        return;
    }
    size_t run = 1;
    while (run < rn && run < 40 && is_alnum(raw[run]))
        run++;
    if (run < rn && raw[run] == ';')
        run++;
    size_t best = dec[0] == '&' ? agreement(raw + 1, rn - 1, dec + 1, dn - 1) : 0;
    size_t two = one < dn ? one + utf8_len((unsigned char)dec[one]) : one;
    if (two > dn)
        two = dn;
    for (size_t e = run; e >= 2; e--) {
        size_t cands[2] = {one, two};
        for (int c = 0; c < (two > one ? 2 : 1); c++) {
            size_t a = agreement(raw + e, rn - e, dec + cands[c], dn - cands[c]);
            if (a > best) {
                best = a;
                *rl = e;
                *dl = cands[c];
            }
        }
    }
}

/* Appends decoded text dec[0..dn) whose original bytes are raw[0..rn) at
 * source offset off. */
static void emit_aligned(html_state *st, const char *raw, size_t rn, const char *dec, size_t dn,
                         size_t off)
{
    size_t i = 0, j = 0;
    while (i < rn && j < dn) {
        size_t k = 0;
        while (i + k < rn && j + k < dn && raw[i + k] == dec[j + k] && raw[i + k] != '&' &&
               raw[i + k] != '\r')
            k++;
        emit_run(st, dec + j, k, off + i);
        i += k;
        j += k;
        if (i >= rn || j >= dn)
            break;
        if (raw[i] == '&') {
            size_t rl, dl;
            reference_extent(raw + i, rn - i, dec + j, dn - j, &rl, &dl);
            if (rl == 1 && dl == 1)
                emit_run(st, dec + j, 1, off + i);
            else
                fl_pb_mapped(&st->pb, dec + j, dl, off + i, rl);
            i += rl;
            j += dl;
        } else if (raw[i] == '\r') {
            size_t rl = i + 1 < rn && raw[i + 1] == '\n' && dec[j] == '\n' ? 2 : 1;
            fl_pb_mapped(&st->pb, " ", 1, off + i, rl);
            i += rl;
            j += 1;
        } else {
            break; /* the parser dropped or changed something: map the rest whole */
        }
    }
    if (j < dn) {
        size_t at = i < rn ? i : rn;
        fl_pb_mapped(&st->pb, dec + j, dn - j, off + at, rn - at);
        char *t = st->pb.text + st->pb.len - (dn - j);
        for (size_t q = 0; !st->pb.failed && q < dn - j; q++)
            if (is_ws(t[q]))
                t[q] = ' ';
    }
}

static void emit_text(html_state *st, const GumboText *t)
{
    const char *dec = t->text;
    size_t dn = strlen(dec);
    if (dn == 0)
        return;
    if (in_source(st, t->original_text.data, t->original_text.length))
        emit_aligned(st, t->original_text.data, t->original_text.length, dec, dn,
                     (size_t)(t->original_text.data - st->base));
    else
        fl_pb_mapped(&st->pb, dec, dn, t->start_pos.offset, 0);
}

static void emit_attribute(html_state *st, const GumboAttribute *a)
{
    size_t dn = strlen(a->value);
    if (dn == 0)
        return;
    const char *raw = a->original_value.data;
    size_t rn = a->original_value.length;
    if (rn >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[rn - 1] == raw[0]) {
        raw++;
        rn -= 2;
    }
    fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
    if (in_source(st, raw, rn))
        emit_aligned(st, raw, rn, a->value, dn, (size_t)(raw - st->base));
    else
        fl_pb_mapped(&st->pb, a->value, dn, a->value_start.offset, 0);
    fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
}

static bool skipped_tag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
        return true;
    default:
        return false;
    }
}

/* Block elements gumbo 0.10 does not know by enum. */
static bool unknown_block(const GumboElement *e)
{
    static const char *const names[] = {"main", "figure", "figcaption", "details", "summary",
                                        "menu", "hgroup", "dialog",     "search"};
    GumboStringPiece t = e->original_tag;
    if (!t.data || t.length < 2)
        return false;
    gumbo_tag_from_original_text(&t);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == t.length && strncasecmp(names[i], t.data, t.length) == 0)
            return true;
    return false;
}

static bool block_tag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_IMG:
        return true;
    default:
        return false;
    }
}

typedef struct frame {
    const GumboNode *node;
    unsigned next;               /* next child to visit */
    size_t link_len, link_count; /* an <a>'s prose start, to drop a URL shown as text */
    fl_break pending;            /* the break owed there */
} frame;

static const char *attr(const GumboElement *e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
    return a ? a->value : NULL;
}

/* An <a> whose text is its own target (with or without the scheme). */
static void drop_url_text(html_state *st, const frame *f)
{
    const char *href = attr(&f->node->v.element, "href");
    if (!href || st->pb.len <= f->link_len)
        return;
    const char *text = st->pb.text + f->link_len;
    size_t n = st->pb.len - f->link_len, hn = strlen(href);
    while (n && is_ws(*text)) { /* a break flushed before the text */
        text++;
        n--;
    }
    if (hn < n || memcmp(href + hn - n, text, n) != 0)
        return;
    static const char *const schemes[] = {"", "http://", "https://", "mailto:"};
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
        if (hn - n == strlen(schemes[i]) && memcmp(href, schemes[i], hn - n) == 0) {
            fl_pb_truncate(&st->pb, f->link_len, f->link_count);
            fl_pb_break(&st->pb, f->pending);
            fl_pb_break(&st->pb, FL_BREAK_SPACE);
            return;
        }
    }
}

static void enter_element(html_state *st, const GumboNode *node, bool in_body)
{
    const GumboElement *e = &node->v.element;
    if (!in_body)
        return;
    if (block_tag(e->tag) || (e->tag == GUMBO_TAG_UNKNOWN && unknown_block(e)))
        fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
    else if (e->tag == GUMBO_TAG_BR)
        fl_pb_break(&st->pb, FL_BREAK_LINE);
    for (unsigned i = 0; i < e->attributes.length; i++) {
        const GumboAttribute *a = e->attributes.data[i];
        if (strcmp(a->name, "alt") == 0 || strcmp(a->name, "title") == 0)
            emit_attribute(st, a);
    }
}

static fl_status walk(html_state *st, const GumboNode *root)
{
    size_t cap = 64, depth = 0;
    frame *stack = malloc(cap * sizeof *stack);
    if (!stack)
        return FL_ENOMEM;
    stack[depth++] = (frame){root, 0, 0, 0, FL_BREAK_NONE};
    size_t body_depth = 0; /* depth of the body frame, 0 when outside */
    while (depth) {
        frame *f = &stack[depth - 1];
        const GumboNode *node = f->node;
        const GumboVector *kids =
            node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
            : node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE
                ? &node->v.element.children
                : NULL;
        if (!kids || f->next >= kids->length) {
            if (node->type == GUMBO_NODE_ELEMENT && body_depth) {
                if (node->v.element.tag == GUMBO_TAG_A)
                    drop_url_text(st, f);
                if (block_tag(node->v.element.tag) ||
                    (node->v.element.tag == GUMBO_TAG_UNKNOWN && unknown_block(&node->v.element)))
                    fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
            }
            if (body_depth == depth)
                body_depth = 0;
            depth--;
            continue;
        }
        const GumboNode *kid = kids->data[f->next++];
        switch (kid->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
            if (body_depth)
                emit_text(st, &kid->v.text);
            break;
        case GUMBO_NODE_WHITESPACE:
            if (body_depth)
                fl_pb_break(&st->pb, FL_BREAK_SPACE);
            break;
        case GUMBO_NODE_COMMENT: {
            const GumboStringPiece *o = &kid->v.text.original_text;
            if (in_source(st, o->data, o->length))
                fl_suppress_scan_comments(st->doc, (size_t)(o->data - st->base), o->length);
            break;
        }
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
            GumboTag tag = kid->v.element.tag;
            if (kid->type == GUMBO_NODE_TEMPLATE || skipped_tag(tag)) {
                if (body_depth)
                    fl_pb_break(&st->pb, block_tag(tag) || tag == GUMBO_TAG_PRE ? FL_BREAK_PARAGRAPH
                                                                                : FL_BREAK_SPACE);
                break;
            }
            if (depth == cap) {
                frame *grown = realloc(stack, cap * 2 * sizeof *stack);
                if (!grown) {
                    free(stack);
                    return FL_ENOMEM;
                }
                stack = grown;
                cap *= 2;
            }
            stack[depth++] = (frame){kid, 0, 0, 0, FL_BREAK_NONE};
            if (tag == GUMBO_TAG_BODY && !body_depth)
                body_depth = depth;
            enter_element(st, kid, body_depth != 0);
            stack[depth - 1].link_len = st->pb.len;
            stack[depth - 1].link_count = st->pb.count;
            stack[depth - 1].pending = st->pb.pending;
            break;
        }
        default:
            break;
        }
    }
    free(stack);
    return FL_OK;
}

/* gumbo looks through its stack of open elements for each tag, so a
 * document nested N elements deep costs N squared (100,000 nested divs
 * took 45 s). Real pages nest a few hundred deep. Tags past
 * FL_HTML_MAX_DEPTH open elements are blanked with spaces in a copy of the
 * input (offsets stay those of the source, and the text is kept), so such
 * a document is still checked, as if its innermost elements were one. */
enum { FL_HTML_MAX_DEPTH = 2048 };

static bool tag_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Elements with no end tag or whose end tag is often left out: they do not
 * count towards the depth. */
static bool depth_neutral(const char *name, size_t n)
{
    static const char *const names[] = {
        "area",  "base",     "br",      "col",    "embed",    "hr",  "img", "input", "link",
        "meta",  "param",    "source",  "track",  "wbr",      "p",   "li",  "td",    "th",
        "tr",    "dt",       "dd",      "option", "optgroup", "rp",  "rt",  "tbody", "thead",
        "tfoot", "colgroup", "caption", "html",   "head",     "body"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
            return true;
    return false;
}

/* NULL when the input nests no deeper than the limit, else a malloc'd copy
 * with the deeper tags blanked (*failed on out of memory). */
static char *flatten_deep_tags(const char *s, size_t n, bool *failed)
{
    char *copy = NULL;
    size_t depth = 0;
    *failed = false;
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        size_t rest = (size_t)(end - p);
        if (rest >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *close = memmem(p + 4, rest - 4, "-->", 3);
            if (!close)
                break;
            p = close + 3;
            continue;
        }
        bool closing = rest >= 2 && p[1] == '/';
        const char *name = p + (closing ? 2 : 1);
        if (name >= end || !tag_letter(*name)) {
            p++;
            continue;
        }
        size_t len = 0;
        while (name + len < end &&
               (tag_letter(name[len]) || (name[len] >= '0' && name[len] <= '9')))
            len++;
        const char *gt = memchr(name + len, '>', (size_t)(end - name - len));
        if (!gt)
            break;
        if (!depth_neutral(name, len)) {
            bool self_closing = !closing && gt[-1] == '/';
            if (!closing && !self_closing)
                depth++;
            if (depth > FL_HTML_MAX_DEPTH && !self_closing) {
                if (!copy) {
                    copy = malloc(n ? n : 1);
                    if (!copy) {
                        *failed = true;
                        return NULL;
                    }
                    memcpy(copy, s, n);
                }
                memset(copy + (p - s), ' ', (size_t)(gt - p) + 1);
            }
            if (closing && depth > 0)
                depth--;
        }
        p = gt + 1;
    }
    return copy;
}

/* gumbo 0.10 adds up the digits of a numeric character reference in an
 * int without a bound, and some overflowed values make it read outside its
 * tables (a crash found by fuzz_html: `&#33333333333000000000000002301ip`).
 * No valid reference has more than 7 decimal or 6 hex significant digits
 * (U+10FFFF), so in longer ones the `#` becomes `?` in the copy and the
 * text stays as written. Returns the copy (made on first need), or NULL
 * with *failed on out of memory. */
static char *defuse_long_char_refs(const char *s, size_t n, char *copy, bool *failed)
{
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '&', (size_t)(end - p))) != NULL) {
        const char *q = p + 1;
        if (q >= end || *q != '#') {
            p = q;
            continue;
        }
        q++;
        bool hex = q < end && (*q == 'x' || *q == 'X');
        if (hex)
            q++;
        while (q < end && *q == '0')
            q++;
        size_t digits = 0;
        while (q < end && ((*q >= '0' && *q <= '9') ||
                           (hex && ((*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F'))))) {
            digits++;
            q++;
        }
        if (digits > (hex ? 6u : 7u)) {
            if (!copy) {
                copy = malloc(n);
                if (!copy) {
                    *failed = true;
                    return NULL;
                }
                memcpy(copy, s, n);
            }
            copy[p + 1 - s] = '?';
        }
        p = q;
    }
    return copy;
}

fl_status fl_extract_html(fl_doc *doc)
{
    html_state st;
    memset(&st, 0, sizeof st);
    st.doc = doc;
    st.base = fl_source_bytes(doc->src);
    st.total = fl_source_length(doc->src);
    bool failed;
    char *flat = flatten_deep_tags(st.base, st.total, &failed);
    if (!failed)
        flat = defuse_long_char_refs(flat ? flat : st.base, st.total, flat, &failed);
    if (failed) {
        free(flat);
        return FL_ENOMEM;
    }
    if (flat)
        st.base = flat;
    fl_pb_init(&st.pb);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; /* parse errors are not reported; do not keep them */
    GumboOutput *out = gumbo_parse_with_options(&options, st.base, st.total);
    if (!out) {
        free(flat);
        return FL_ENOMEM;
    }
    fl_status status = walk(&st, out->document);
    gumbo_destroy_output(&options, out);
    if (status == FL_OK) {
        fl_pb_blank_urls(&st.pb);
        status = fl_pb_finish(&st.pb, doc);
    }
    if (status == FL_OK && doc->status != FL_OK)
        status = doc->status;
    fl_pb_free(&st.pb);
    free(flat);
    return status;
}

/* extract_markdown.c - prose from Markdown with md4c (CommonMark, tables,
 * strikethrough, permissive autolinks).
 *
 * Prose comes from paragraphs, headings, list items, table cells, link
 * text and image alt text; code blocks, code spans, raw HTML, autolinks and
 * bare URLs, and YAML (---) or TOML (+++) front matter are left out (the
 * front matter's title and description are kept when doc->front_matter is
 * set). md4c's text callbacks point into the buffer it parses, which is
 * the source itself, so every byte of prose maps back by pointer
 * difference; entities are decoded into mapped pieces. Blocks are joined
 * with a blank line so the segmenter ends sentences at block ends. */
#include "prose_builder.h"
#include "suppress.h"

#include <md4c.h>
#include <stdlib.h>
#include <string.h>

enum { FL_MD_LINK_DEPTH = 8, FL_MD_HREF_MAX = 1024 };

typedef struct link_frame {
    size_t prose_len, piece_count;
    fl_break pending; /* the break owed when the link began */
    char href[FL_MD_HREF_MAX];
    size_t href_len; /* > FL_MD_HREF_MAX: too long to compare */
} link_frame;

typedef struct md_state {
    fl_doc *doc;
    fl_prose_builder pb;
    const char *base; /* the source */
    size_t total;
    link_frame links[FL_MD_LINK_DEPTH];
    size_t link_depth; /* may exceed FL_MD_LINK_DEPTH; deeper frames are not kept */
    size_t html_start, html_end;
    bool html_open;
} md_state;

static bool in_source(const md_state *st, const char *p, size_t n)
{
    return p >= st->base && p <= st->base + st->total && n <= (size_t)(st->base + st->total - p);
}

static void flush_html(md_state *st)
{
    if (st->html_open)
        fl_suppress_scan_comments(st->doc, st->html_start, st->html_end - st->html_start);
    st->html_open = false;
}

static void note_html(md_state *st, const char *p, size_t n)
{
    if (!in_source(st, p, n))
        return;
    size_t s = (size_t)(p - st->base), e = s + n;
    if (st->html_open && s >= st->html_end) {
        bool gap_blank = true;
        for (size_t i = st->html_end; i < s && gap_blank; i++) {
            char c = st->base[i];
            gap_blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>';
        }
        if (gap_blank) {
            st->html_end = e;
            return;
        }
    }
    flush_html(st);
    st->html_start = s;
    st->html_end = e;
    st->html_open = true;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *user)
{
    (void)type;
    (void)detail;
    md_state *st = user;
    flush_html(st);
    fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
    return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *user)
{
    (void)type;
    (void)detail;
    md_state *st = user;
    flush_html(st);
    fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
    return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *user)
{
    md_state *st = user;
    if (type == MD_SPAN_CODE) {
        fl_pb_break(&st->pb, FL_BREAK_SPACE);
    } else if (type == MD_SPAN_A) {
        if (st->link_depth < FL_MD_LINK_DEPTH) {
            link_frame *f = &st->links[st->link_depth];
            const MD_SPAN_A_DETAIL *a = detail;
            f->prose_len = st->pb.len;
            f->piece_count = st->pb.count;
            f->pending = st->pb.pending;
            f->href_len = a->href.size;
            /* an empty destination, [a link](), comes with a NULL text */
            if (a->href.size && a->href.size <= FL_MD_HREF_MAX)
                memcpy(f->href, a->href.text, a->href.size);
        }
        st->link_depth++;
    }
    return 0;
}

static bool ends_with(const char *s, size_t n, const char *t, size_t m)
{
    return n >= m && memcmp(s + n - m, t, m) == 0;
}

/* An autolink (<https://...>, a bare URL or e-mail address) shows its own
 * target as its text. */
static bool is_autolink(const md_state *st, const link_frame *f)
{
    if (f->href_len > FL_MD_HREF_MAX || st->pb.len < f->prose_len)
        return false;
    size_t n = st->pb.len - f->prose_len;
    if (n == 0) /* no text (the prose may not even be allocated yet) */
        return false;
    const char *text = st->pb.text + f->prose_len;
    while (n && (*text == ' ' || *text == '\n')) { /* a break flushed before the text */
        text++;
        n--;
    }
    if (n == 0 || !ends_with(f->href, f->href_len, text, n))
        return false;
    size_t prefix = f->href_len - n;
    static const char *const schemes[] = {"", "http://", "https://", "mailto:"};
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
        if (prefix == strlen(schemes[i]) && memcmp(f->href, schemes[i], prefix) == 0)
            return true;
    return false;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *user)
{
    (void)detail;
    md_state *st = user;
    if (type == MD_SPAN_CODE) {
        fl_pb_break(&st->pb, FL_BREAK_SPACE);
    } else if (type == MD_SPAN_A && st->link_depth > 0) {
        st->link_depth--;
        if (st->link_depth < FL_MD_LINK_DEPTH) {
            const link_frame *f = &st->links[st->link_depth];
            if (is_autolink(st, f)) {
                fl_pb_truncate(&st->pb, f->prose_len, f->piece_count);
                fl_pb_break(&st->pb, f->pending);
                fl_pb_break(&st->pb, FL_BREAK_SPACE);
            }
        }
    }
    return 0;
}

/* The source position of the line break after the last text appended. */
static void line_break_at(const md_state *st, size_t *off, size_t *len)
{
    size_t i = st->pb.src_end, limit = i + 256;
    while (i < st->total && i < limit && st->base[i] != '\n' && st->base[i] != '\r')
        i++;
    if (i < st->total && (st->base[i] == '\n' || st->base[i] == '\r')) {
        *off = i;
        *len = st->base[i] == '\r' && i + 1 < st->total && st->base[i + 1] == '\n' ? 2 : 1;
    } else {
        *off = st->pb.src_end;
        *len = 0;
    }
}

static int text(MD_TEXTTYPE type, const MD_CHAR *p, MD_SIZE size, void *user)
{
    md_state *st = user;
    switch (type) {
    case MD_TEXT_NORMAL:
        if (in_source(st, p, size))
            fl_pb_verbatim(&st->pb, p, size, (size_t)(p - st->base));
        else
            fl_pb_mapped(&st->pb, p, size, st->pb.src_end, 0);
        break;
    case MD_TEXT_ENTITY: {
        char buf[8];
        size_t n = fl_decode_entity(p, size, buf);
        if (!in_source(st, p, size))
            break;
        if (n)
            fl_pb_mapped(&st->pb, buf, n, (size_t)(p - st->base), size);
        else
            fl_pb_verbatim(&st->pb, p, size, (size_t)(p - st->base));
        break;
    }
    case MD_TEXT_NULLCHAR:
        fl_pb_mapped(&st->pb, "\xEF\xBF\xBD", 3, st->pb.src_end, 0);
        break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR: {
        size_t off, len;
        line_break_at(st, &off, &len);
        fl_pb_mapped(&st->pb, "\n", 1, off, len);
        break;
    }
    case MD_TEXT_HTML:
        note_html(st, p, size);
        break;
    default: /* code, LaTeX math */
        break;
    }
    return 0;
}

/* ---------------------------------------------------------- front matter */

static size_t line_end(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != '\n' && s[i] != '\r')
        i++;
    return i;
}

static size_t next_line(const char *s, size_t n, size_t i)
{
    i = line_end(s, n, i);
    if (i < n && s[i] == '\r')
        i++;
    if (i < n && s[i] == '\n')
        i++;
    return i;
}

/* Whether s[a..b) is `delim` followed only by blanks. */
static bool is_fence(const char *s, size_t a, size_t b, const char *delim)
{
    if (b - a < 3 || memcmp(s + a, delim, 3) != 0)
        return false;
    for (size_t i = a + 3; i < b; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* Adds the value of a `title` or `description` line in front matter to
 * the prose, as a paragraph of its own. */
static void front_matter_field(md_state *st, size_t a, size_t b, bool toml)
{
    const char *s = st->base;
    static const char *const keys[] = {"title", "description"};
    for (size_t k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        if (b - a <= kl || memcmp(s + a, keys[k], kl) != 0)
            continue;
        size_t i = a + kl;
        while (i < b && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= b || s[i] != (toml ? '=' : ':'))
            continue;
        i++;
        while (i < b && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t e = b;
        while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        if (e - i >= 2 && (s[i] == '"' || s[i] == '\'') && s[e - 1] == s[i]) {
            i++;
            e--;
        } else if (i < e && (s[i] == '|' || s[i] == '>')) {
            continue; /* block scalars are left out */
        }
        if (e > i) {
            fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
            fl_pb_verbatim(&st->pb, s + i, e - i, i);
            fl_pb_break(&st->pb, FL_BREAK_PARAGRAPH);
        }
    }
}

/* Returns where the Markdown starts after front matter beginning at
 * `start` (start itself when there is none). */
static size_t skip_front_matter(md_state *st, size_t start)
{
    const char *s = st->base;
    size_t n = st->total;
    size_t e = line_end(s, n, start);
    const char *delim = is_fence(s, start, e, "---")   ? "---"
                        : is_fence(s, start, e, "+++") ? "+++"
                                                       : NULL;
    if (!delim)
        return start;
    bool toml = delim[0] == '+';
    size_t body = next_line(s, n, start);
    for (size_t i = body; i < n; i = next_line(s, n, i)) {
        size_t le = line_end(s, n, i);
        if (is_fence(s, i, le, delim) || (!toml && is_fence(s, i, le, "..."))) {
            if (st->doc->front_matter)
                for (size_t j = body; j < i; j = next_line(s, n, j))
                    front_matter_field(st, j, line_end(s, n, j), toml);
            return next_line(s, n, i);
        }
        if (le == n)
            break;
    }
    return start; /* no closing fence: not front matter */
}

fl_status fl_extract_markdown(fl_doc *doc)
{
    md_state *st = calloc(1, sizeof *st);
    if (!st)
        return FL_ENOMEM;
    st->doc = doc;
    st->base = fl_source_bytes(doc->src);
    st->total = fl_source_length(doc->src);
    fl_pb_init(&st->pb);
    size_t start = 0;
    if (st->total >= 3 && memcmp(st->base, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    start = skip_front_matter(st, start);

    MD_PARSER parser;
    memset(&parser, 0, sizeof parser);
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = text;
    fl_status status = FL_OK;
    if (st->total > start &&
        md_parse(st->base + start, (MD_SIZE)(st->total - start), &parser, st) != 0)
        status = FL_ENOMEM; /* md4c fails only when out of memory */
    flush_html(st);
    if (status == FL_OK) {
        fl_pb_blank_urls(&st->pb);
        status = fl_pb_finish(&st->pb, doc);
    }
    if (status == FL_OK && doc->status != FL_OK)
        status = doc->status;
    fl_pb_free(&st->pb);
    free(st);
    return status;
}

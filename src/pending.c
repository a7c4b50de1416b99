/* pending.c - TEMPORARY: minimal stand-ins for stages being written in
 * their own files (normalize.c, segment.c, mentions.c, lexicon.c,
 * patterns.c, extract_markdown.c, extract_html.c). Each owner deletes its
 * part when the real module lands; this file goes away entirely. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* normalize.c */
static size_t copy_out(const char *s, size_t len, char *out, size_t cap)
{
    if (cap) {
        size_t n = len < cap - 1 ? len : cap - 1;
        memcpy(out, s, n);
        out[n] = '\0';
    }
    return len;
}
size_t fl_fold(const char *s, size_t len, unsigned flags, char *out, size_t cap)
{
    (void)flags;
    return copy_out(s, len, out, cap);
}
size_t fl_skeleton(const char *s, size_t len, unsigned flags, char *out, size_t cap)
{
    (void)flags;
    return copy_out(s, len, out, cap);
}
size_t fl_family(const char *s, size_t len, char *out, size_t cap)
{
    (void)s;
    (void)len;
    return copy_out("", 0, out, cap);
}
fl_status fl_compare_surfaces(const char *a, size_t alen, const char *b, size_t blen,
                              fl_difference *out)
{
    memset(out, 0, sizeof *out);
    out->kinds = (alen == blen && memcmp(a, b, alen) == 0) ? 0 : FL_DIFF_OTHER;
    return FL_OK;
}

/* segment.c */
fl_status fl_segment(fl_doc *doc)
{
    (void)doc;
    return FL_OK;
}

/* mentions.c */
fl_status fl_find_mentions(fl_doc *doc)
{
    (void)doc;
    return FL_OK;
}
const char *fl_mention_value_string(fl_doc *doc, const fl_mention *m)
{
    (void)doc;
    (void)m;
    return "";
}
const char *fl_mention_kind_name(fl_mention_kind kind)
{
    (void)kind;
    return "unknown";
}

/* patterns.c */
struct fl_patterns {
    int unused;
};
fl_status fl_patterns_new(fl_patterns **out, fl_error *err)
{
    (void)err;
    *out = calloc(1, sizeof **out);
    return *out ? FL_OK : FL_ENOMEM;
}
void fl_patterns_free(fl_patterns *patterns)
{
    free(patterns);
}

/* lexicon.c */
struct fl_lexicon {
    int unused;
};
fl_status fl_lexicon_build(bool builtin, const char *const *paths, size_t path_count,
                           fl_lexicon **out, fl_error *err)
{
    (void)builtin;
    (void)paths;
    (void)path_count;
    (void)err;
    *out = calloc(1, sizeof **out);
    return *out ? FL_OK : FL_ENOMEM;
}
void fl_lexicon_free(fl_lexicon *lexicon)
{
    free(lexicon);
}

/* extract_markdown.c, extract_html.c: plain text until they land */
fl_status fl_extract_markdown(fl_doc *doc)
{
    return fl_extract_text(doc);
}
fl_status fl_extract_html(fl_doc *doc)
{
    return fl_extract_text(doc);
}

/* pending.c - TEMPORARY: minimal stand-ins for stages being written in
 * their own files (normalize.c, segment.c, mentions.c, lexicon.c,
 * patterns.c, extract_markdown.c, extract_html.c). Each owner deletes its
 * part when the real module lands; this file goes away entirely. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

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

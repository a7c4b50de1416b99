/* test_files.h - a test's documents: the repository's data files (tests run
 * from the repository root, or with FL_SRCDIR set to it), long texts made
 * by repetition, and a document taken through the stages up to its
 * mentions. */
#ifndef FL_TEST_FILES_H
#define FL_TEST_FILES_H

#include "internal.h"
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* rel (a path from the repository root) as the test should open it */
static inline const char *data_path(const char *rel, char *buf, size_t cap)
{
    const char *dir = getenv("FL_SRCDIR");
    snprintf(buf, cap, "%s%s%s", dir ? dir : "", dir ? "/" : "", rel);
    return buf;
}

/* The whole file in a malloc'd buffer (*len its bytes), or NULL when it
 * cannot be opened or read into memory. */
static inline char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown)
                free(buf);
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        *len = n;
    return buf;
}

/* `copies` copies of unit[0..ulen) in a malloc'd buffer, NUL-terminated
 * (*len its bytes), or NULL when out of memory. */
static inline char *repeat_text(const char *unit, size_t ulen, size_t copies, size_t *len)
{
    char *buf = malloc(copies * ulen + 1);
    if (!buf)
        return NULL;
    for (size_t i = 0; i < copies; i++)
        memcpy(buf + i * ulen, unit, ulen);
    buf[copies * ulen] = '\0';
    *len = copies * ulen;
    return buf;
}

/* Sets doc up for src (a new arena, which the caller frees with
 * fl_arena_free; the lexicon and patterns the caller's) and runs it
 * through extraction as text, segmentation and the mention pass: the
 * first status that is not FL_OK, else FL_OK. */
static inline fl_status run_to_mentions(fl_doc *doc, const fl_source *src, const fl_lexicon *lex,
                                        const fl_patterns *patterns)
{
    memset(doc, 0, sizeof *doc);
    doc->arena = fl_arena_new();
    if (!doc->arena)
        return FL_ENOMEM;
    doc->src = src;
    doc->lexicon = lex;
    doc->patterns = patterns;
    doc->max_mentions = 1000000;
    fl_vec_init(&doc->sentences, sizeof(fl_sentence));
    fl_vec_init(&doc->tokens, sizeof(fl_token));
    fl_vec_init(&doc->mentions, sizeof(fl_mention));
    fl_vec_init(&doc->findings, sizeof(fl_finding));
    fl_vec_init(&doc->directives, sizeof(fl_directive));
    fl_status st = fl_extract_text(doc);
    if (st == FL_OK)
        st = fl_segment(doc);
    if (st == FL_OK)
        st = fl_find_mentions(doc);
    return st;
}

#endif

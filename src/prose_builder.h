/*
 * prose_builder.h - builds an fl_prose with its piece map for extractors
 * that remove markup (Markdown, HTML). Not installed.
 *
 * Bytes are appended either verbatim (each prose byte maps to one source
 * byte) or mapped (the whole run stands for one source span: a decoded
 * entity, an inserted break). Breaks are deferred: a request for a
 * paragraph break is written only before the next text, and several
 * requests collapse into the strongest, so the prose never starts or ends
 * with a break and never holds two in a row.
 */
#ifndef FL_PROSE_BUILDER_H
#define FL_PROSE_BUILDER_H

#include "internal.h"

typedef enum fl_break {
    FL_BREAK_NONE = 0,
    FL_BREAK_SPACE = 1,     /* " " */
    FL_BREAK_LINE = 2,      /* "\n" */
    FL_BREAK_PARAGRAPH = 3, /* "\n\n": ends a sentence */
} fl_break;

typedef struct fl_prose_builder {
    char *text;
    size_t len, cap;
    fl_piece *pieces;
    size_t count, piece_cap;
    size_t src_end; /* source offset just past the last byte appended */
    fl_break pending;
    bool failed; /* out of memory */
} fl_prose_builder;

void fl_pb_init(fl_prose_builder *pb);
/* Frees the builder's buffers (after fl_pb_finish or on failure). */
void fl_pb_free(fl_prose_builder *pb);
/* Appends s[0..n) verbatim from source offset src_off. */
void fl_pb_verbatim(fl_prose_builder *pb, const char *s, size_t n, size_t src_off);
/* Appends s[0..n) standing for the source span [src_off, src_off+src_len). */
void fl_pb_mapped(fl_prose_builder *pb, const char *s, size_t n, size_t src_off, size_t src_len);
/* Requests a break before the next text (the strongest request wins). */
void fl_pb_break(fl_prose_builder *pb, fl_break kind);
/* Forgets everything appended after the prose was `len` bytes long with
 * `count` pieces (to roll back an autolink's text). */
void fl_pb_truncate(fl_prose_builder *pb, size_t len, size_t count);
/* Replaces URLs in the prose (http://, https://, ftp://, www.) with
 * spaces, keeping the piece map, so no check reads a name inside one. */
void fl_pb_blank_urls(fl_prose_builder *pb);
/* Copies the prose into doc's arena and sets doc->prose; FL_ENOMEM when
 * something failed on the way. The builder still needs fl_pb_free. */
fl_status fl_pb_finish(fl_prose_builder *pb, fl_doc *doc);

/* Decodes one HTML character reference s[0..n) ("&amp;", "&#x41;",
 * "&eacute;") into out (at least 8 bytes); returns the UTF-8 length, or 0
 * when the name is not one this table knows. */
size_t fl_decode_entity(const char *s, size_t n, char *out);

#endif

/*
 * report.h - helpers shared by the output formats (src/report_*.c).
 * Internal; not installed.
 */
#ifndef FL_REPORT_H
#define FL_REPORT_H

#include "internal.h"

#include <jansson.h>

/* Where a source span starts and ends, in the units each format wants.
 * Lines are 1-based; columns are 1-based and counted in code points (col),
 * UTF-16 code units (col16, SARIF) or bytes (colb, reviewdog); the end
 * position is the one just past the span (exclusive). */
typedef struct fl_span_pos {
    size_t line, col, col16, colb;
    size_t end_line, end_col, end_col16, end_colb;
} fl_span_pos;

void fl_span_position(const fl_source *src, size_t off, size_t len, fl_span_pos *out);

/* A JSON string for s, with any byte that is not valid UTF-8 (a file name
 * from a foreign file system) replaced by U+FFFD, so jansson accepts it.
 * Returns a new reference, or NULL when out of memory. */
json_t *fl_json_text(const char *s);

/* `path` as reports name it: leading "./" removed. Points into path. */
const char *fl_report_path(const char *path);

/* `path` as a URI reference relative to the working directory (an absolute
 * path under it loses that prefix; another absolute path becomes a file://
 * URI), percent-encoded as RFC 3986 asks. malloc'd; NULL when out of
 * memory. */
char *fl_path_uri(const char *path);

/* One finding as the JSON contract's finding object (new reference, NULL
 * when out of memory); shared by the json format and the JSON-lines mode. */
json_t *fl_finding_json(const fl_source *src, const fl_finding *f);

/* Writes a JSON value (compact but spaced, keys in insertion order). */
int fl_json_write(json_t *value, FILE *out);

#endif

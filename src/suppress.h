/*
 * suppress.h - inline suppressions: directives found in a document and the
 * pass that drops the findings they cover. Not installed.
 *
 *   <!-- factlint-disable [rule, rule] -->   until factlint-enable or the end
 *   <!-- factlint-enable [rule, rule] -->
 *   <!-- factlint-disable-next-line [rule, rule] -->  the next non-blank line
 *
 * Plain text takes the same words on a line of their own, with or without
 * the comment marks. No rule named means every rule. A directive that
 * suppresses nothing is reported as `unused-suppression`.
 */
#ifndef FL_SUPPRESS_H
#define FL_SUPPRESS_H

#include "internal.h"

typedef enum fl_directive_kind {
    FL_DIRECTIVE_DISABLE,
    FL_DIRECTIVE_ENABLE,
    FL_DIRECTIVE_NEXT_LINE
} fl_directive_kind;

typedef struct fl_directive {
    fl_directive_kind kind;
    size_t off, len;    /* the directive in the source (comment or line) */
    const char **rules; /* rule ids as written; none: every rule */
    size_t rule_count;
    size_t used; /* findings suppressed */
} fl_directive;

/* Looks for directives in the HTML comments inside source bytes
 * [off, off+len) (raw HTML from Markdown, or one HTML comment node) and
 * adds them to doc->directives. Sets doc->status when out of memory. */
void fl_suppress_scan_comments(fl_doc *doc, size_t off, size_t len);

/* Looks for directives on lines of their own anywhere in the source
 * (plain text). */
void fl_suppress_scan_lines(fl_doc *doc);

/* Drops findings covered by doc->directives and, when the registry's
 * `unused-suppression` rule is enabled, reports the directives that
 * suppressed nothing. `enabled` and `severity` are per registry index;
 * a directive whose rules are all disabled is not reported as unused. */
fl_status fl_suppress_apply(fl_doc *doc, const bool *enabled, const fl_severity *severity);

#endif

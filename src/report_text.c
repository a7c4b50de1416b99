/* report_text.c - `path:line:column: severity: message [rule-id]`, the form
 * compilers use, so editors' quickfix lists read it. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define COLOR_BOLD "\033[1m"
#define COLOR_RED "\033[1;31m"
#define COLOR_YELLOW "\033[1;33m"
#define COLOR_CYAN "\033[1;36m"
#define COLOR_DIM "\033[2m"
#define COLOR_OFF "\033[0m"

static const char *severity_color(fl_severity s)
{
    return s == FL_SEV_ERROR ? COLOR_RED : s == FL_SEV_WARNING ? COLOR_YELLOW : COLOR_CYAN;
}

/* Room in a finding's line for all but its path, message and rule: the
 * two numbers (20 digits each at most), six colour codes (7 bytes each at
 * most), the severity's name (16 at most) and ten bytes of punctuation. */
enum { TEXT_LINE_REST = 2 * 20 + 6 * 7 + 16 + 10 };

static char *put(char *p, const char *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}

static char *put_decimal(char *p, size_t v)
{
    char digits[20], *d = digits + sizeof digits;
    do {
        *--d = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return put(p, d, (size_t)(digits + sizeof digits - d));
}

static void text_file(fl_report *r, const char *path, const fl_source *src, const fl_result *result,
                      const fl_error *err)
{
    int color = (r->flags & FL_REPORT_COLOR) != 0;
    if (err) {
        FILE *d = r->diag ? r->diag : r->out;
        if (err->line)
            fprintf(d, "%s%s:%zu:%zu:%s %serror:%s %s\n", color ? COLOR_BOLD : "", path, err->line,
                    err->column, color ? COLOR_OFF : "", color ? COLOR_RED : "",
                    color ? COLOR_OFF : "", err->message);
        else
            fprintf(d, "%s%s:%s %serror:%s %s\n", color ? COLOR_BOLD : "", path,
                    color ? COLOR_OFF : "", color ? COLOR_RED : "", color ? COLOR_OFF : "",
                    err->message);
        return;
    }
    if (!result || !src || fl_result_count(result) == 0)
        return; /* (most files: nothing to set up) */
    const char *bold = color ? COLOR_BOLD : "", *off = color ? COLOR_OFF : "";
    const char *dim = color ? COLOR_DIM : "";
    size_t path_len = strlen(path);
    for (size_t i = 0; i < fl_result_count(result); i++) {
        const fl_finding *f = fl_result_get(result, i);
        size_t line, col;
        fl_source_position(src, f->offset, &line, &col);
        const char *sev = color ? severity_color(f->severity) : "";
        const char *sev_name = fl_severity_name(f->severity);
        size_t msg_len = strlen(f->message), rule_len = strlen(f->rule);
        /* the line built in a buffer and written at once: fprintf with a
         * dozen arguments cost some 3,400 instructions a line (its format
         * parsing and a locked write per argument); a line too long for
         * the buffer still goes through it */
        char buf[512];
        if (path_len + msg_len + rule_len + TEXT_LINE_REST > sizeof buf) {
            fprintf(r->out, "%s%s:%zu:%zu:%s %s%s:%s %s %s[%s]%s\n", bold, path, line, col, off,
                    sev, sev_name, off, f->message, dim, f->rule, off);
            continue;
        }
        char *p = put(buf, bold, strlen(bold));
        p = put(p, path, path_len);
        *p++ = ':';
        p = put_decimal(p, line);
        *p++ = ':';
        p = put_decimal(p, col);
        *p++ = ':';
        p = put(p, off, strlen(off));
        *p++ = ' ';
        p = put(p, sev, strlen(sev));
        p = put(p, sev_name, strlen(sev_name));
        *p++ = ':';
        p = put(p, off, strlen(off));
        *p++ = ' ';
        p = put(p, f->message, msg_len);
        *p++ = ' ';
        p = put(p, dim, strlen(dim));
        *p++ = '[';
        p = put(p, f->rule, rule_len);
        *p++ = ']';
        p = put(p, off, strlen(off));
        *p++ = '\n';
        fwrite(buf, 1, (size_t)(p - buf), r->out);
    }
}

const fl_formatter fl_format_text = {"text", NULL, text_file, NULL};

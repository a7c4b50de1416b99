/* report_text.c - `path:line:column: severity: message [rule-id]`, the form
 * compilers use, so editors' quickfix lists read it. */
#include "internal.h"

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
    if (!result || !src)
        return;
    for (size_t i = 0; i < fl_result_count(result); i++) {
        const fl_finding *f = fl_result_get(result, i);
        size_t line, col;
        fl_source_position(src, f->offset, &line, &col);
        fprintf(r->out, "%s%s:%zu:%zu:%s %s%s:%s %s %s[%s]%s\n", color ? COLOR_BOLD : "", path,
                line, col, color ? COLOR_OFF : "", color ? severity_color(f->severity) : "",
                fl_severity_name(f->severity), color ? COLOR_OFF : "", f->message,
                color ? COLOR_DIM : "", f->rule, color ? COLOR_OFF : "");
    }
}

const fl_formatter fl_format_text = {"text", NULL, text_file, NULL};

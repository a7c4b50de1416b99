/* report_github.c - GitHub Actions workflow commands, which the runner turns
 * into annotations on the pull request:
 *   ::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=factlint RULE::MESSAGE
 * Escaping is GitHub's: in the message, % CR LF become %25 %0D %0A; in
 * properties also : and , become %3A and %2C. Columns count code points;
 * endColumn is the column of the span's last character. */
#include "report.h"

#include <string.h>

static void escape(FILE *out, const char *s, int property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%':
            fputs("%25", out);
            break;
        case '\r':
            fputs("%0D", out);
            break;
        case '\n':
            fputs("%0A", out);
            break;
        case ':':
            fputs(property ? "%3A" : ":", out);
            break;
        case ',':
            fputs(property ? "%2C" : ",", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

static const char *command(fl_severity s)
{
    return s == FL_SEV_ERROR ? "error" : s == FL_SEV_WARNING ? "warning" : "notice";
}

static void github_file(fl_report *r, const char *path, const fl_source *src,
                        const fl_result *result, const fl_error *err)
{
    const char *name = fl_report_path(path);
    if (err) {
        fputs("::error file=", r->out);
        escape(r->out, name, 1);
        if (err->line)
            fprintf(r->out, ",line=%zu", err->line);
        if (err->line && err->column)
            fprintf(r->out, ",col=%zu", err->column);
        fputs(",title=factlint::", r->out);
        escape(r->out, err->message, 0);
        fputc('\n', r->out);
        return;
    }
    for (size_t i = 0; result && src && i < fl_result_count(result); i++) {
        const fl_finding *f = fl_result_get(result, i);
        fl_span_pos p;
        fl_span_position(src, f->offset, f->length, &p);
        size_t end_col = p.end_col > 1 && f->length ? p.end_col - 1 : p.end_col;
        if (p.end_line > p.line && end_col == p.end_col && p.end_col == 1) {
            /* the span ends with a line break: end on the line before */
            p.end_line--;
        }
        fprintf(r->out, "::%s file=", command(f->severity));
        escape(r->out, name, 1);
        fprintf(r->out, ",line=%zu,col=%zu,endLine=%zu,endColumn=%zu,title=", p.line, p.col,
                p.end_line, end_col);
        escape(r->out, "factlint ", 1);
        escape(r->out, f->rule, 1);
        fputs("::", r->out);
        escape(r->out, f->message, 0);
        fputc('\n', r->out);
    }
}

const fl_formatter fl_format_github = {"github", NULL, github_file, NULL};

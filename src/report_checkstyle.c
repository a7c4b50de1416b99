/* report_checkstyle.c - Checkstyle's XML, which Jenkins, GitLab code
 * quality converters and reviewdog read. Text is escaped for XML 1.0
 * attributes: & < > " ' as entities, tab and line breaks as character
 * references (so they survive attribute normalization), and the C0
 * controls XML 1.0 cannot carry as U+FFFD. */
#include "report.h"

static void xml_escape(FILE *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&apos;", out);
            break;
        case '\t':
            fputs("&#9;", out);
            break;
        case '\n':
            fputs("&#10;", out);
            break;
        case '\r':
            fputs("&#13;", out);
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                fputs(c == 0x7F ? "&#127;" : "\xEF\xBF\xBD", out);
            else
                fputc(c, out);
        }
    }
}

static void checkstyle_begin(fl_report *r)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", r->out);
}

static void checkstyle_file(fl_report *r, const char *path, const fl_source *src,
                            const fl_result *result, const fl_error *err)
{
    fputs("<file name=\"", r->out);
    xml_escape(r->out, fl_report_path(path));
    fputs("\">\n", r->out);
    if (err) {
        fprintf(r->out, "<error line=\"%zu\"", err->line ? err->line : 1);
        if (err->column)
            fprintf(r->out, " column=\"%zu\"", err->column);
        fputs(" severity=\"error\" message=\"", r->out);
        xml_escape(r->out, err->message);
        fputs("\" source=\"factlint.input-error\"/>\n", r->out);
    }
    for (size_t i = 0; !err && result && src && i < fl_result_count(result); i++) {
        const fl_finding *f = fl_result_get(result, i);
        size_t line, col;
        fl_source_position(src, f->offset, &line, &col);
        fprintf(r->out, "<error line=\"%zu\" column=\"%zu\" severity=\"%s\" message=\"", line, col,
                fl_severity_name(f->severity));
        xml_escape(r->out, f->message);
        fputs("\" source=\"factlint.", r->out);
        xml_escape(r->out, f->rule);
        fputs("\"/>\n", r->out);
    }
    fputs("</file>\n", r->out);
}

static void checkstyle_finish(fl_report *r)
{
    fputs("</checkstyle>\n", r->out);
}

const fl_formatter fl_format_checkstyle = {"checkstyle", checkstyle_begin, checkstyle_file,
                                           checkstyle_finish};

/* report.c - the formatter interface: picks one src/report_<name>.c. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

extern const fl_formatter fl_format_text;

static const fl_formatter *const formatters[] = {&fl_format_text};

static const char *const format_names[] = {"text", NULL};

const char *const *fl_report_formats(void)
{
    return format_names;
}

fl_status fl_report_new(const char *format, FILE *out, FILE *diag, unsigned flags,
                        fl_report **report)
{
    *report = NULL;
    for (size_t i = 0; i < sizeof formatters / sizeof formatters[0]; i++) {
        if (strcmp(formatters[i]->name, format) != 0)
            continue;
        fl_report *r = calloc(1, sizeof *r);
        if (!r)
            return FL_ENOMEM;
        r->fmt = formatters[i];
        r->out = out;
        r->diag = diag;
        r->flags = flags;
        if (r->fmt->begin)
            r->fmt->begin(r);
        *report = r;
        return FL_OK;
    }
    return FL_EUSAGE;
}

fl_status fl_report_file(fl_report *report, const char *path, const fl_source *src,
                         const fl_result *result, const fl_error *err)
{
    report->fmt->file(report, path, src, result, err);
    report->files++;
    return ferror(report->out) ? FL_EIO : FL_OK;
}

fl_status fl_report_finish(fl_report *report)
{
    if (report->fmt->finish)
        report->fmt->finish(report);
    return fflush(report->out) == 0 && !ferror(report->out) ? FL_OK : FL_EIO;
}

void fl_report_free(fl_report *report)
{
    if (!report)
        return;
    free(report->state);
    free(report);
}

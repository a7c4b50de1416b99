/* report.c - the formatter interface: picks one src/report_<name>.c. */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern const fl_formatter fl_format_text;
extern const fl_formatter fl_format_json;
extern const fl_formatter fl_format_sarif;
extern const fl_formatter fl_format_github;
extern const fl_formatter fl_format_checkstyle;
extern const fl_formatter fl_format_rdjsonl;

static const fl_formatter *const formatters[] = {&fl_format_text,       &fl_format_json,
                                                 &fl_format_sarif,      &fl_format_github,
                                                 &fl_format_checkstyle, &fl_format_rdjsonl};

static const char *const format_names[] = {"text",       "json",    "sarif", "github",
                                           "checkstyle", "rdjsonl", NULL};

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

/* ------------------------------------------------ helpers for the formats */

/* The byte column of `offset`: bytes since the line's start (a leading BOM
 * not counted), plus one. */
static size_t byte_column(const fl_source *src, size_t offset, size_t line)
{
    size_t start = fl_source_line_offset(src, line);
    if (line == 1 && fl_source_length(src) >= 3 &&
        memcmp(fl_source_bytes(src), "\xEF\xBB\xBF", 3) == 0)
        start = offset >= 3 ? 3 : offset;
    return offset - start + 1;
}

void fl_span_position(const fl_source *src, size_t off, size_t len, fl_span_pos *out)
{
    size_t end = off + len;
    if (end > fl_source_length(src))
        end = fl_source_length(src);
    if (off > end)
        off = end;
    fl_source_position(src, off, &out->line, &out->col);
    fl_source_position(src, end, &out->end_line, &out->end_col);
    out->col16 = fl_source_utf16_column(src, off);
    out->end_col16 = fl_source_utf16_column(src, end);
    out->colb = byte_column(src, off, out->line);
    out->end_colb = byte_column(src, end, out->end_line);
}

json_t *fl_json_text(const char *s)
{
    size_t len = strlen(s), bad;
    if (fl_utf8_valid(s, len, &bad))
        return json_stringn(s, len);
    /* each bad byte becomes U+FFFD (3 bytes) */
    char *clean = malloc(len * 3 + 1);
    if (!clean)
        return NULL;
    size_t n = 0, i = 0;
    while (i < len) {
        size_t rest = len - i;
        if (fl_utf8_valid(s + i, rest, &bad)) {
            memcpy(clean + n, s + i, rest);
            n += rest;
            break;
        }
        memcpy(clean + n, s + i, bad);
        n += bad;
        // NOLINTNEXTLINE(bugprone-not-null-terminated-result): sized, for json_stringn
        memcpy(clean + n, "\xEF\xBF\xBD", 3);
        n += 3;
        i += bad + 1;
    }
    json_t *v = json_stringn(clean, n);
    free(clean);
    return v;
}

const char *fl_report_path(const char *path)
{
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/')
            path++;
    }
    return *path ? path : ".";
}

static int uri_unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '/';
}

char *fl_path_uri(const char *path)
{
    const char *rel = fl_report_path(path);
    const char *prefix = "";
    char cwd[4096];
    if (rel[0] == '/') {
        prefix = "file://";
        if (getcwd(cwd, sizeof cwd)) {
            size_t n = strlen(cwd);
            if (n > 1 && strncmp(rel, cwd, n) == 0 && rel[n] == '/' && rel[n + 1]) {
                rel += n + 1;
                prefix = "";
            }
        }
    }
    size_t plen = strlen(prefix), len = strlen(rel);
    char *uri = malloc(plen + len * 3 + 1);
    if (!uri)
        return NULL;
    memcpy(uri, prefix, plen);
    size_t n = plen;
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)rel[i];
        if (uri_unreserved(c)) {
            uri[n++] = (char)c;
        } else {
            uri[n++] = '%';
            uri[n++] = hex[c >> 4];
            uri[n++] = hex[c & 15];
        }
    }
    uri[n] = '\0';
    return uri;
}

int fl_json_write(json_t *value, FILE *out)
{
    return json_dumpf(value, out, JSON_PRESERVE_ORDER);
}

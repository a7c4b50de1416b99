/* jsonl.c - the streaming mode: documents in as JSON lines, results out as
 * JSON lines, one for one and in order, so the same binary runs under GNU
 * parallel, Hadoop Streaming or Spark's pipe() across many machines. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static fl_input_format format_named(const char *name, int *ok)
{
    *ok = 1;
    if (!name || !strcmp(name, "text"))
        return FL_FORMAT_TEXT;
    if (!strcmp(name, "markdown") || !strcmp(name, "md"))
        return FL_FORMAT_MARKDOWN;
    if (!strcmp(name, "html"))
        return FL_FORMAT_HTML;
    *ok = 0;
    return FL_FORMAT_TEXT;
}

/* Writes {"id": id, "error": error|null, "findings": [...]} and a newline.
 * Steals `id`. Returns 0, or -1 when writing failed. */
static int write_result(FILE *out, json_t *id, const char *error, const fl_source *src,
                        const fl_result *result)
{
    json_t *o = json_object();
    json_t *findings = json_array();
    int bad = !o || !findings;
    if (!bad) {
        json_object_set_new(o, "id", id ? id : json_null());
        id = NULL;
        json_object_set_new(o, "error", error ? fl_json_text(error) : json_null());
        for (size_t i = 0; result && i < fl_result_count(result); i++) {
            json_t *f = fl_finding_json(src, fl_result_get(result, i));
            if (!f || json_array_append_new(findings, f) != 0) {
                bad = 1;
                break;
            }
        }
        json_object_set_new(o, "findings", findings);
        findings = NULL;
    }
    if (!bad)
        bad = fl_json_write(o, out) != 0 || fputc('\n', out) == EOF;
    json_decref(id);
    json_decref(findings);
    json_decref(o);
    return bad ? -1 : 0;
}

fl_status fl_jsonl_run(const fl_checker *checker, FILE *in, FILE *out, size_t max_size,
                       fl_jsonl_stats *stats)
{
    fl_jsonl_stats counts = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    size_t lineno = 0; /* physical line, for messages */
    fl_status status = FL_OK;
    while ((n = getline(&line, &cap, in)) >= 0) {
        size_t len = (size_t)n;
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue; /* blank lines carry no document */
        counts.documents++;
        char msg[300];
        json_t *id = NULL;
        const char *error = NULL;
        fl_source *src = NULL;
        fl_result *result = NULL;
        json_error_t jerr;
        json_t *doc = NULL;
        if (max_size && len > max_size) {
            snprintf(msg, sizeof msg, "line %zu: document too large (%zu bytes; the limit is %zu)",
                     lineno, len, max_size);
            error = msg;
        } else {
            doc = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
        }
        counts.lines++;
        if (!error && !json_is_object(doc)) {
            snprintf(msg, sizeof msg, "line %zu: not a JSON object%s%s", lineno, doc ? "" : ": ",
                     doc ? "" : jerr.text);
            error = msg;
        }
        const char *name = "";
        fl_input_format format = FL_FORMAT_TEXT;
        if (!error) {
            id = json_incref(json_object_get(doc, "id"));
            json_t *text = json_object_get(doc, "text");
            json_t *fmt = json_object_get(doc, "format");
            int ok = 1;
            if (json_is_string(id)) /* the macro tests for NULL */
                name = json_string_value(id);
            if (fmt && !json_is_string(fmt))
                ok = 0;
            else
                format = format_named(fmt ? json_string_value(fmt) : NULL, &ok);
            if (!json_is_string(text)) {
                snprintf(msg, sizeof msg, "line %zu: \"text\" must be a string", lineno);
                error = msg;
            } else if (!ok) {
                snprintf(msg, sizeof msg,
                         "line %zu: \"format\" must be \"text\", \"markdown\" or \"html\"", lineno);
                error = msg;
            } else {
                fl_error ferr;
                fl_status st = fl_source_new(name, json_string_value(text),
                                             json_string_length(text), &src, &ferr);
                if (st == FL_OK)
                    st = fl_check(checker, src, format, &result, &ferr);
                if (st != FL_OK) {
                    snprintf(msg, sizeof msg, "%s", ferr.message);
                    error = msg;
                }
            }
        }
        if (error)
            counts.errors++;
        else
            counts.findings += fl_result_count(result);
        if (write_result(out, id, error, src, result) != 0)
            status = FL_EIO;
        fl_result_free(result);
        fl_source_free(src);
        json_decref(doc);
        if (status != FL_OK)
            break;
    }
    free(line);
    if (status == FL_OK && ferror(in))
        status = FL_EIO;
    if (status == FL_OK && fflush(out) != 0)
        status = FL_EIO;
    if (stats)
        *stats = counts;
    return status;
}

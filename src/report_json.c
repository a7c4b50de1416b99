/* report_json.c - the JSON contract (DESIGN.md, factlint(1)): one object a
 * run, {"version": 1, "files": [{"path", "error", "findings": [...]}]},
 * built with jansson and written one file object a line, so memory stays
 * bounded by the largest file rather than the whole run. */
#include "report.h"

#include <string.h>

/* Adds a value to an object, stealing the reference; returns -1 when the
 * value could not be made. */
static int set(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

json_t *fl_finding_json(const fl_source *src, const fl_finding *f)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    fl_span_pos p;
    fl_span_position(src, f->offset, f->length, &p);
    int bad = 0;
    bad |= set(o, "rule", fl_json_text(f->rule));
    bad |= set(o, "severity", json_string(fl_severity_name(f->severity)));
    bad |= set(o, "line", json_integer((json_int_t)p.line));
    bad |= set(o, "column", json_integer((json_int_t)p.col));
    bad |= set(o, "end_line", json_integer((json_int_t)p.end_line));
    bad |= set(o, "end_column", json_integer((json_int_t)p.end_col));
    bad |= set(o, "offset", json_integer((json_int_t)f->offset));
    bad |= set(o, "length", json_integer((json_int_t)f->length));
    bad |= set(o, "text", fl_json_text(f->text ? f->text : ""));
    bad |= set(o, "message", fl_json_text(f->message ? f->message : ""));
    bad |= set(o, "suggestion", f->suggestion ? fl_json_text(f->suggestion) : json_null());
    json_t *related = json_array();
    for (size_t i = 0; related && i < f->related_count; i++) {
        const fl_related *r = &f->related[i];
        json_t *ro = json_object();
        size_t line, col;
        fl_source_position(src, r->offset, &line, &col);
        if (!ro || json_array_append_new(related, ro) != 0) {
            bad = -1;
            break;
        }
        bad |= set(ro, "line", json_integer((json_int_t)line));
        bad |= set(ro, "column", json_integer((json_int_t)col));
        bad |= set(ro, "offset", json_integer((json_int_t)r->offset));
        bad |= set(ro, "length", json_integer((json_int_t)r->length));
        bad |= set(ro, "text", fl_json_text(r->text ? r->text : ""));
    }
    bad |= set(o, "related", related);
    bad |= set(o, "fingerprint", json_string(f->fingerprint ? f->fingerprint : ""));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static void json_begin(fl_report *r)
{
    fputs("{\"version\": 1, \"files\": [", r->out);
}

static void json_file(fl_report *r, const char *path, const fl_source *src, const fl_result *result,
                      const fl_error *err)
{
    json_t *file = json_object();
    json_t *findings = json_array();
    int bad = !file || !findings;
    if (!bad) {
        bad |= set(file, "path", fl_json_text(fl_report_path(path)));
        bad |= set(file, "error", err ? fl_json_text(err->message) : json_null());
        bad |= json_object_set(file, "findings", findings);
    }
    for (size_t i = 0; !bad && !err && result && src && i < fl_result_count(result); i++) {
        json_t *f = fl_finding_json(src, fl_result_get(result, i));
        bad |= !f || json_array_append_new(findings, f) != 0;
    }
    fputs(r->files ? ",\n" : "\n", r->out);
    if (bad || fl_json_write(file, r->out) != 0) {
        /* out of memory: still a valid document, naming the failure */
        fputs("{\"path\": \"\", \"error\": \"out of memory\", \"findings\": []}", r->out);
    }
    json_decref(findings);
    json_decref(file);
}

static void json_finish(fl_report *r)
{
    fputs(r->files ? "\n]}\n" : "]}\n", r->out);
}

const fl_formatter fl_format_json = {"json", json_begin, json_file, json_finish};

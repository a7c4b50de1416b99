/* report_rdjsonl.c - reviewdog's diagnostic format as JSON Lines: one
 * Diagnostic object a line with message, location (path, range), severity,
 * source, code and suggestions. reviewdog counts columns in UTF-8 bytes,
 * 1-based, and range ends are exclusive. */
#include "report.h"

static int set(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

static json_t *position(size_t line, size_t column)
{
    json_t *p = json_object();
    if (!p)
        return NULL;
    int bad = set(p, "line", json_integer((json_int_t)line));
    if (column)
        bad |= set(p, "column", json_integer((json_int_t)column));
    if (bad) {
        json_decref(p);
        return NULL;
    }
    return p;
}

static json_t *range(const fl_span_pos *p)
{
    json_t *r = json_object();
    if (!r)
        return NULL;
    int bad = set(r, "start", position(p->line, p->colb));
    bad |= set(r, "end", position(p->end_line, p->end_colb));
    if (bad) {
        json_decref(r);
        return NULL;
    }
    return r;
}

static const char *severity(fl_severity s)
{
    return s == FL_SEV_ERROR ? "ERROR" : s == FL_SEV_WARNING ? "WARNING" : "INFO";
}

static json_t *source_json(void)
{
    json_t *s = json_object();
    if (s && set(s, "name", json_string("factlint")) != 0) {
        json_decref(s);
        return NULL;
    }
    return s;
}

static void emit(fl_report *r, json_t *d)
{
    if (d && fl_json_write(d, r->out) == 0)
        fputc('\n', r->out);
    json_decref(d);
}

static void rdjsonl_file(fl_report *r, const char *path, const fl_source *src,
                         const fl_result *result, const fl_error *err)
{
    const char *name = fl_report_path(path);
    if (err) {
        json_t *d = json_object(), *loc = json_object();
        int bad = !d || !loc;
        if (!bad) {
            bad |= set(d, "message", fl_json_text(err->message));
            bad |= set(loc, "path", fl_json_text(name));
            if (err->line) {
                json_t *rg = json_object();
                bad |= set(rg, "start", position(err->line, 0));
                bad |= set(loc, "range", rg);
            }
            bad |= set(d, "location", loc);
            loc = NULL;
            bad |= set(d, "severity", json_string("ERROR"));
            bad |= set(d, "source", source_json());
        }
        json_decref(loc);
        if (bad) {
            json_decref(d);
            d = NULL;
        }
        emit(r, d);
        return;
    }
    for (size_t i = 0; result && src && i < fl_result_count(result); i++) {
        const fl_finding *f = fl_result_get(result, i);
        fl_span_pos p;
        fl_span_position(src, f->offset, f->length, &p);
        json_t *d = json_object(), *loc = json_object(), *code = json_object();
        int bad = !d || !loc || !code;
        if (!bad) {
            bad |= set(d, "message", fl_json_text(f->message));
            bad |= set(loc, "path", fl_json_text(name));
            bad |= set(loc, "range", range(&p));
            bad |= set(d, "location", loc);
            loc = NULL;
            bad |= set(d, "severity", json_string(severity(f->severity)));
            bad |= set(d, "source", source_json());
            bad |= set(code, "value", fl_json_text(f->rule));
            bad |= set(d, "code", code);
            code = NULL;
            if (f->suggestion) {
                json_t *sugs = json_array(), *s = json_object();
                bad |= !sugs || !s;
                if (!bad) {
                    bad |= set(s, "range", range(&p));
                    bad |= set(s, "text", fl_json_text(f->suggestion));
                    bad |= json_array_append_new(sugs, s);
                    s = NULL;
                }
                json_decref(s);
                bad |= set(d, "suggestions", sugs);
            }
        }
        json_decref(loc);
        json_decref(code);
        if (bad) {
            json_decref(d);
            d = NULL;
        }
        emit(r, d);
    }
}

const fl_formatter fl_format_rdjsonl = {"rdjsonl", NULL, rdjsonl_file, NULL};

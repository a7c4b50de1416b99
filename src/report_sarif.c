/* report_sarif.c - SARIF 2.1.0, as GitHub code scanning reads it: one run,
 * the tool's rules from the registry, one result a finding with UTF-16
 * columns (SARIF's default columnKind), the other side of a conflict as
 * relatedLocations, the fingerprint as a partialFingerprint and the
 * suggestion as a fix. Input errors become toolExecutionNotifications.
 * Results are written as they come, so memory is bounded by one file. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA                                                                               \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
/* Where users read about the tool; change it with the project's home. */
#define FL_INFORMATION_URI "https://github.com/factlint/factlint"

typedef struct sarif_state {
    size_t results;
    json_t *notifications;
    int failed; /* an input error was met */
} sarif_state;

static int set(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

static const char *sarif_level(fl_severity s)
{
    return s == FL_SEV_ERROR ? "error" : s == FL_SEV_WARNING ? "warning" : "note";
}

static json_t *text_object(const char *text)
{
    json_t *o = json_object();
    if (o && set(o, "text", fl_json_text(text ? text : "")) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *rule_json(const fl_rule_info *rule)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    const char *explain = rule->explain && *rule->explain ? rule->explain : rule->summary;
    char *help = NULL;
    size_t n = strlen(explain) + strlen(rule->positive ? rule->positive : "") +
               strlen(rule->negative ? rule->negative : "") + 64;
    help = malloc(n);
    if (help)
        snprintf(help, n, "%s\n\nFlagged: %s\nNot flagged: %s", explain,
                 rule->positive ? rule->positive : "", rule->negative ? rule->negative : "");
    json_t *config = json_object();
    int bad = !help || !config;
    bad |= set(o, "id", fl_json_text(rule->id));
    bad |= set(o, "name", fl_json_text(rule->id));
    bad |= set(o, "shortDescription", text_object(rule->summary));
    bad |= set(o, "fullDescription", text_object(explain));
    bad |= set(o, "help", text_object(help ? help : ""));
    if (config) {
        bad |= set(config, "level", json_string(sarif_level(rule->severity)));
        bad |= set(o, "defaultConfiguration", config);
    }
    free(help);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *tool_json(void)
{
    json_t *tool = json_object(), *driver = json_object(), *rules = json_array();
    int bad = !tool || !driver || !rules;
    for (size_t i = 0; !bad && i < fl_rule_count(); i++) {
        json_t *rj = rule_json(fl_rule_get(i));
        bad |= !rj || json_array_append_new(rules, rj) != 0;
    }
    if (driver) {
        bad |= set(driver, "name", json_string("factlint"));
        bad |= set(driver, "version", json_string(FL_VERSION));
        bad |= set(driver, "semanticVersion", json_string(FL_VERSION));
        bad |= set(driver, "informationUri", json_string(FL_INFORMATION_URI));
        bad |= set(driver, "rules", rules);
        rules = NULL;
    }
    if (tool) {
        bad |= set(tool, "driver", driver);
        driver = NULL;
    }
    json_decref(rules);
    json_decref(driver);
    if (bad) {
        json_decref(tool);
        return NULL;
    }
    return tool;
}

/* {"physicalLocation": {"artifactLocation": {"uri"}, "region": {...}}} */
static json_t *location_json(const char *uri, const fl_source *src, size_t off, size_t len,
                             const char *snippet)
{
    fl_span_pos p;
    fl_span_position(src, off, len, &p);
    json_t *loc = json_object(), *phys = json_object(), *art = json_object(),
           *region = json_object();
    int bad = !loc || !phys || !art || !region;
    if (!bad) {
        bad |= set(art, "uri", fl_json_text(uri));
        bad |= set(region, "startLine", json_integer((json_int_t)p.line));
        bad |= set(region, "startColumn", json_integer((json_int_t)p.col16));
        bad |= set(region, "endLine", json_integer((json_int_t)p.end_line));
        bad |= set(region, "endColumn", json_integer((json_int_t)p.end_col16));
        if (snippet)
            bad |= set(region, "snippet", text_object(snippet));
        bad |= set(phys, "artifactLocation", art);
        art = NULL;
        bad |= set(phys, "region", region);
        region = NULL;
        bad |= set(loc, "physicalLocation", phys);
        phys = NULL;
    }
    json_decref(art);
    json_decref(region);
    json_decref(phys);
    if (bad) {
        json_decref(loc);
        return NULL;
    }
    return loc;
}

static json_t *fix_json(const char *uri, const fl_source *src, const fl_finding *f)
{
    fl_span_pos p;
    fl_span_position(src, f->offset, f->length, &p);
    json_t *fix = json_object(), *changes = json_array(), *change = json_object(),
           *art = json_object(), *repls = json_array(), *repl = json_object(),
           *region = json_object();
    char desc[512];
    snprintf(desc, sizeof desc, "Replace with '%s'", f->suggestion);
    int bad = !fix || !changes || !change || !art || !repls || !repl || !region;
    if (!bad) {
        bad |= set(region, "startLine", json_integer((json_int_t)p.line));
        bad |= set(region, "startColumn", json_integer((json_int_t)p.col16));
        bad |= set(region, "endLine", json_integer((json_int_t)p.end_line));
        bad |= set(region, "endColumn", json_integer((json_int_t)p.end_col16));
        bad |= set(repl, "deletedRegion", region);
        region = NULL;
        bad |= set(repl, "insertedContent", text_object(f->suggestion));
        bad |= json_array_append_new(repls, repl);
        repl = NULL;
        bad |= set(art, "uri", fl_json_text(uri));
        bad |= set(change, "artifactLocation", art);
        art = NULL;
        bad |= set(change, "replacements", repls);
        repls = NULL;
        bad |= json_array_append_new(changes, change);
        change = NULL;
        bad |= set(fix, "description", text_object(desc));
        bad |= set(fix, "artifactChanges", changes);
        changes = NULL;
    }
    json_decref(region);
    json_decref(repl);
    json_decref(repls);
    json_decref(art);
    json_decref(change);
    json_decref(changes);
    if (bad) {
        json_decref(fix);
        return NULL;
    }
    return fix;
}

static json_t *result_json(const char *uri, const fl_source *src, const fl_finding *f)
{
    json_t *res = json_object(), *locs = json_array(), *fps = json_object();
    int bad = !res || !locs || !fps;
    if (bad)
        goto done;
    bad |= set(res, "ruleId", fl_json_text(f->rule));
    for (size_t i = 0; i < fl_rule_count(); i++)
        if (strcmp(fl_rule_get(i)->id, f->rule) == 0)
            bad |= set(res, "ruleIndex", json_integer((json_int_t)i));
    bad |= set(res, "level", json_string(sarif_level(f->severity)));
    bad |= set(res, "message", text_object(f->message));
    json_t *loc = location_json(uri, src, f->offset, f->length, f->text);
    bad |= !loc || json_array_append_new(locs, loc) != 0;
    bad |= set(res, "locations", locs);
    locs = NULL;
    if (f->related_count) {
        json_t *rel = json_array();
        bad |= !rel;
        for (size_t i = 0; rel && i < f->related_count; i++) {
            const fl_related *r = &f->related[i];
            json_t *rl = location_json(uri, src, r->offset, r->length, r->text);
            if (!rl) {
                bad = 1;
                break;
            }
            bad |= set(rl, "id", json_integer((json_int_t)i + 1));
            bad |= set(rl, "message", text_object(r->text));
            bad |= json_array_append_new(rel, rl);
        }
        bad |= set(res, "relatedLocations", rel);
    }
    bad |= set(fps, "factlint/v1", json_string(f->fingerprint ? f->fingerprint : ""));
    bad |= set(res, "partialFingerprints", fps);
    fps = NULL;
    if (f->suggestion) {
        json_t *fixes = json_array(), *fix = fix_json(uri, src, f);
        bad |= !fixes || !fix || json_array_append_new(fixes, fix) != 0;
        if (!fixes)
            json_decref(fix);
        bad |= set(res, "fixes", fixes);
    }
done:
    json_decref(locs);
    json_decref(fps);
    if (bad) {
        json_decref(res);
        return NULL;
    }
    return res;
}

static json_t *notification_json(const char *uri, const fl_error *err)
{
    json_t *n = json_object();
    int bad = !n;
    if (!bad) {
        bad |= set(n, "level", json_string("error"));
        bad |= set(n, "message", text_object(err->message));
        json_t *locs = json_array(), *loc = json_object(), *phys = json_object(),
               *art = json_object();
        bad |= !locs || !loc || !phys || !art;
        if (!bad) {
            bad |= set(art, "uri", fl_json_text(uri));
            bad |= json_object_set_new(phys, "artifactLocation", art);
            art = NULL;
            if (err->line) {
                json_t *region = json_object();
                bad |= set(region, "startLine", json_integer((json_int_t)err->line));
                if (region && err->column)
                    bad |= set(region, "startColumn", json_integer((json_int_t)err->column));
                bad |= set(phys, "region", region);
            }
            bad |= json_object_set_new(loc, "physicalLocation", phys);
            phys = NULL;
            bad |= json_array_append_new(locs, loc);
            loc = NULL;
            bad |= json_object_set_new(n, "locations", locs);
            locs = NULL;
        }
        json_decref(locs);
        json_decref(loc);
        json_decref(phys);
        json_decref(art);
    }
    if (bad) {
        json_decref(n);
        return NULL;
    }
    return n;
}

static void sarif_begin(fl_report *r)
{
    sarif_state *st = calloc(1, sizeof *st);
    r->state = st;
    if (st)
        st->notifications = json_array();
    json_t *tool = tool_json();
    fprintf(r->out,
            "{\"$schema\": \"%s\", \"version\": \"2.1.0\", \"runs\": [{\"tool\": ", SARIF_SCHEMA);
    if (!tool || fl_json_write(tool, r->out) != 0)
        fputs("{\"driver\": {\"name\": \"factlint\"}}", r->out);
    json_decref(tool);
    fputs(", \"columnKind\": \"utf16CodeUnits\", \"results\": [", r->out);
}

static void sarif_file(fl_report *r, const char *path, const fl_source *src,
                       const fl_result *result, const fl_error *err)
{
    sarif_state *st = r->state;
    char *uri = fl_path_uri(path);
    if (!st || !uri) {
        free(uri);
        return;
    }
    if (err) {
        st->failed = 1;
        json_t *n = notification_json(uri, err);
        if (n && st->notifications)
            json_array_append_new(st->notifications, n);
        else
            json_decref(n);
    }
    for (size_t i = 0; !err && result && src && i < fl_result_count(result); i++) {
        json_t *res = result_json(uri, src, fl_result_get(result, i));
        if (!res)
            continue;
        fputs(st->results++ ? ",\n" : "\n", r->out);
        fl_json_write(res, r->out);
        json_decref(res);
    }
    free(uri);
}

static void sarif_finish(fl_report *r)
{
    sarif_state *st = r->state;
    fputs(st && st->results ? "\n], " : "], ", r->out);
    json_t *inv = json_object();
    if (inv) {
        set(inv, "executionSuccessful", json_boolean(!st || !st->failed));
        if (st && st->notifications) {
            json_object_set(inv, "toolExecutionNotifications", st->notifications);
        }
    }
    fputs("\"invocations\": [", r->out);
    if (!inv || fl_json_write(inv, r->out) != 0)
        fputs("{\"executionSuccessful\": false}", r->out);
    fputs("]}]}\n", r->out);
    json_decref(inv);
    if (st) {
        json_decref(st->notifications);
        st->notifications = NULL;
    }
}

const fl_formatter fl_format_sarif = {"sarif", sarif_begin, sarif_file, sarif_finish};

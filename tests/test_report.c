/* test_report.c - the output formats (JSON contract, SARIF's required
 * fields, escaping in github/checkstyle/rdjsonl), baselines, fixes and
 * fingerprints. Findings are built by hand, so these tests do not depend
 * on what the checks find. */
#include "internal.h"
#include "report.h"

#include <check.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* fl_result is opaque to the library's users; these tests build results by
 * hand, with the layout checker.c gives it. */

static fl_source *make_source(const char *name, const char *text)
{
    fl_source *src = NULL;
    fl_error err;
    ck_assert_int_eq(fl_source_new(name, text, strlen(text), &src, &err), FL_OK);
    return src;
}

static fl_result *new_result(void)
{
    fl_result *r = calloc(1, sizeof *r);
    ck_assert_ptr_nonnull(r);
    r->doc.arena = fl_arena_new();
    fl_vec_init(&r->doc.findings, sizeof(fl_finding));
    return r;
}

/* Adds a finding at the first occurrence of `text` in src (the n-th when
 * nth > 0); `related` is another text whose first occurrence is related. */
static fl_finding *add(fl_result *r, const fl_source *src, const char *rule, fl_severity sev,
                       const char *text, int nth, const char *message, const char *suggestion,
                       const char *related)
{
    const char *bytes = fl_source_bytes(src);
    const char *at = strstr(bytes, text);
    for (int i = 0; at && i < nth; i++)
        at = strstr(at + 1, text);
    ck_assert_msg(at != NULL, "'%s' not in the source", text);
    fl_finding *f = fl_vec_push(r->doc.arena, &r->doc.findings);
    f->rule = rule;
    f->severity = sev;
    f->offset = (size_t)(at - bytes);
    f->length = strlen(text);
    f->text = text;
    f->message = message;
    f->suggestion = suggestion;
    f->fingerprint = "0123456789abcdef";
    if (related) {
        fl_related *rel = fl_arena_alloc(r->doc.arena, sizeof *rel);
        const char *rat = strstr(bytes, related);
        ck_assert_ptr_nonnull(rat);
        rel->offset = (size_t)(rat - bytes);
        rel->length = strlen(related);
        rel->text = related;
        f->related = rel;
        f->related_count = 1;
    }
    return f;
}

/* Runs one format over (path, src, result) and, when err_path is set, one
 * file with an input error; returns the output (malloc'd). */
static char *render(const char *format, const char *path, const fl_source *src,
                    const fl_result *result, const char *err_path, const char *err_message)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    FILE *diag = fopen("/dev/null", "w");
    fl_report *rep;
    ck_assert_int_eq(fl_report_new(format, out, diag, 0, &rep), FL_OK);
    if (path)
        ck_assert_int_eq(fl_report_file(rep, path, src, result, NULL), FL_OK);
    if (err_path) {
        fl_error err;
        memset(&err, 0, sizeof err);
        err.status = FL_EUTF8;
        err.line = 2;
        err.column = 1;
        snprintf(err.message, sizeof err.message, "%s", err_message);
        fl_report_file(rep, err_path, NULL, NULL, &err);
    }
    ck_assert_int_eq(fl_report_finish(rep), FL_OK);
    fl_report_free(rep);
    fclose(out);
    fclose(diag);
    return buf;
}

static json_t *parse(const char *text)
{
    json_error_t jerr;
    json_t *v = json_loads(text, 0, &jerr);
    ck_assert_msg(v != NULL, "invalid JSON (%s at line %d): %s", jerr.text, jerr.line, text);
    return v;
}

static json_int_t int_at(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_integer(v), "'%s' is not an integer", key);
    return json_integer_value(v);
}

static const char *str_at(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_string(v), "'%s' is not a string", key);
    return json_string_value(v);
}

/* A message and a suggestion with every character the formats escape. */
#define NASTY "50% of \"chips\", a:b <x> & 'y'\r\nnext line\ttab"

/* ------------------------------------------------------------------ JSON */

START_TEST(json_shape)
{
    /* é is 2 bytes, 1 code point: columns count code points */
    fl_source *src = make_source("a.txt", "Caf\xC3\xA9 NVIDIA and Nvidia.\nH2O here.\n");
    fl_result *r = new_result();
    add(r, src, "name-casing", FL_SEV_WARNING, "NVIDIA", 0, NASTY, "Nvidia", "Nvidia");
    add(r, src, "name-variant", FL_SEV_ERROR, "H2O", 0, "plain", NULL, NULL);
    char *out = render("json", "./a.txt", src, r, NULL, NULL);
    json_t *root = parse(out);
    ck_assert_int_eq(json_object_size(root), 2);
    ck_assert_int_eq(int_at(root, "version"), 1);
    json_t *files = json_object_get(root, "files");
    ck_assert(json_is_array(files));
    ck_assert_int_eq(json_array_size(files), 1);
    json_t *file = json_array_get(files, 0);
    ck_assert_int_eq(json_object_size(file), 3);
    ck_assert_str_eq(str_at(file, "path"), "a.txt");
    ck_assert(json_is_null(json_object_get(file, "error")));
    json_t *fs = json_object_get(file, "findings");
    ck_assert_int_eq(json_array_size(fs), 2);
    json_t *f = json_array_get(fs, 0);
    static const char *const keys[] = {"rule",       "severity", "line",       "column", "end_line",
                                       "end_column", "offset",   "length",     "text",   "message",
                                       "suggestion", "related",  "fingerprint"};
    ck_assert_int_eq(json_object_size(f), sizeof keys / sizeof keys[0]);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        ck_assert_msg(json_object_get(f, keys[i]) != NULL, "no key '%s'", keys[i]);
    ck_assert_str_eq(str_at(f, "rule"), "name-casing");
    ck_assert_str_eq(str_at(f, "severity"), "warning");
    ck_assert_int_eq(int_at(f, "line"), 1);
    ck_assert_int_eq(int_at(f, "column"), 6);
    ck_assert_int_eq(int_at(f, "end_line"), 1);
    ck_assert_int_eq(int_at(f, "end_column"), 12); /* exclusive */
    ck_assert_int_eq(int_at(f, "offset"), 6);
    ck_assert_int_eq(int_at(f, "length"), 6);
    ck_assert_str_eq(str_at(f, "text"), "NVIDIA");
    ck_assert_str_eq(str_at(f, "message"), NASTY); /* round-trips exactly */
    ck_assert_str_eq(str_at(f, "suggestion"), "Nvidia");
    ck_assert_str_eq(str_at(f, "fingerprint"), "0123456789abcdef");
    json_t *rel = json_object_get(f, "related");
    ck_assert_int_eq(json_array_size(rel), 1);
    json_t *r0 = json_array_get(rel, 0);
    ck_assert_int_eq(json_object_size(r0), 5);
    ck_assert_int_eq(int_at(r0, "line"), 1);
    ck_assert_int_eq(int_at(r0, "column"), 17);
    ck_assert_int_eq(int_at(r0, "offset"), 17);
    ck_assert_int_eq(int_at(r0, "length"), 6);
    ck_assert_str_eq(str_at(r0, "text"), "Nvidia");
    json_t *g = json_array_get(fs, 1);
    ck_assert(json_is_null(json_object_get(g, "suggestion")));
    ck_assert_int_eq(json_array_size(json_object_get(g, "related")), 0);
    ck_assert_int_eq(int_at(g, "line"), 2);
    ck_assert_str_eq(str_at(g, "severity"), "error");
    json_decref(root);
    free(out);
    fl_result_free(r);
    fl_source_free(src);
}
END_TEST

START_TEST(json_errors_and_empty)
{
    char *out = render("json", NULL, NULL, NULL, "bad\xFF.txt", "invalid UTF-8 (byte 0xFF)");
    json_t *root = parse(out);
    json_t *file = json_array_get(json_object_get(root, "files"), 0);
    ck_assert_str_eq(str_at(file, "path"), "bad\xEF\xBF\xBD.txt"); /* U+FFFD */
    ck_assert_str_eq(str_at(file, "error"), "invalid UTF-8 (byte 0xFF)");
    ck_assert_int_eq(json_array_size(json_object_get(file, "findings")), 0);
    json_decref(root);
    free(out);
    out = render("json", NULL, NULL, NULL, NULL, NULL);
    root = parse(out);
    ck_assert_int_eq(json_array_size(json_object_get(root, "files")), 0);
    json_decref(root);
    free(out);
}
END_TEST

/* ----------------------------------------------------------------- SARIF */

START_TEST(sarif_required_fields)
{
    /* U+1F600 is one code point but two UTF-16 units */
    fl_source *src = make_source("d/a b.txt", "\xF0\x9F\x98\x80 NVIDIA, Nvidia.\n");
    fl_result *r = new_result();
    add(r, src, "name-casing", FL_SEV_INFO, "NVIDIA", 0, NASTY, "Nvidia", "Nvidia");
    char *out = render("sarif", "./d/a b%.txt", src, r, "gone.txt", "cannot open");
    json_t *root = parse(out);
    ck_assert(json_is_string(json_object_get(root, "$schema")));
    ck_assert_str_eq(str_at(root, "version"), "2.1.0");
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    ck_assert_ptr_nonnull(run);
    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    ck_assert_str_eq(str_at(driver, "name"), "factlint");
    ck_assert_str_eq(str_at(driver, "version"), FL_VERSION);
    ck_assert(strncmp(str_at(driver, "informationUri"), "https://", 8) == 0);
    json_t *rules = json_object_get(driver, "rules");
    ck_assert(json_is_array(rules));
    ck_assert_int_eq(json_array_size(rules), fl_rule_count());
    for (size_t i = 0; i < json_array_size(rules); i++) {
        json_t *rule = json_array_get(rules, i);
        ck_assert_str_eq(str_at(rule, "id"), fl_rule_get(i)->id);
        str_at(json_object_get(rule, "shortDescription"), "text");
        str_at(json_object_get(rule, "fullDescription"), "text");
        str_at(json_object_get(rule, "help"), "text");
        const char *level = str_at(json_object_get(rule, "defaultConfiguration"), "level");
        ck_assert(!strcmp(level, "error") || !strcmp(level, "warning") || !strcmp(level, "note"));
    }
    json_t *results = json_object_get(run, "results");
    ck_assert_int_eq(json_array_size(results), 1);
    json_t *res = json_array_get(results, 0);
    ck_assert_str_eq(str_at(res, "ruleId"), "name-casing");
    ck_assert_str_eq(str_at(res, "level"), "note");
    ck_assert_str_eq(str_at(json_object_get(res, "message"), "text"), NASTY);
    json_t *phys =
        json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
    ck_assert_str_eq(str_at(json_object_get(phys, "artifactLocation"), "uri"), "d/a%20b%25.txt");
    json_t *region = json_object_get(phys, "region");
    ck_assert_int_eq(int_at(region, "startLine"), 1);
    ck_assert_int_eq(int_at(region, "startColumn"), 4); /* emoji (2 units) + space */
    ck_assert_int_eq(int_at(region, "endLine"), 1);
    ck_assert_int_eq(int_at(region, "endColumn"), 10);
    json_t *rel = json_object_get(res, "relatedLocations");
    ck_assert_int_eq(json_array_size(rel), 1);
    json_t *relreg =
        json_object_get(json_object_get(json_array_get(rel, 0), "physicalLocation"), "region");
    ck_assert_int_eq(int_at(relreg, "startColumn"), 12);
    ck_assert_str_eq(str_at(json_object_get(res, "partialFingerprints"), "factlint/v1"),
                     "0123456789abcdef");
    json_t *fix = json_array_get(json_object_get(res, "fixes"), 0);
    ck_assert_ptr_nonnull(fix);
    json_t *change = json_array_get(json_object_get(fix, "artifactChanges"), 0);
    json_t *repl = json_array_get(json_object_get(change, "replacements"), 0);
    ck_assert_str_eq(str_at(json_object_get(repl, "insertedContent"), "text"), "Nvidia");
    ck_assert_int_eq(int_at(json_object_get(repl, "deletedRegion"), "startColumn"), 4);
    /* the input error */
    json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
    ck_assert(json_is_false(json_object_get(inv, "executionSuccessful")));
    json_t *note = json_array_get(json_object_get(inv, "toolExecutionNotifications"), 0);
    ck_assert_str_eq(str_at(json_object_get(note, "message"), "text"), "cannot open");
    ck_assert_str_eq(str_at(note, "level"), "error");
    json_decref(root);
    free(out);
    fl_result_free(r);
    fl_source_free(src);
}
END_TEST

START_TEST(sarif_no_fix_without_suggestion)
{
    fl_source *src = make_source("a.txt", "H100 here.\n");
    fl_result *r = new_result();
    add(r, src, "entity-sibling", FL_SEV_WARNING, "H100", 0, "lone", NULL, NULL);
    char *out = render("sarif", "a.txt", src, r, NULL, NULL);
    json_t *root = parse(out);
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    json_t *res = json_array_get(json_object_get(run, "results"), 0);
    ck_assert_ptr_null(json_object_get(res, "fixes"));
    ck_assert_ptr_null(json_object_get(res, "relatedLocations"));
    json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
    ck_assert(json_is_true(json_object_get(inv, "executionSuccessful")));
    json_decref(root);
    free(out);
    fl_result_free(r);
    fl_source_free(src);
}
END_TEST

START_TEST(sarif_uri_forms)
{
    char cwd[4096], abs[4200];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    snprintf(abs, sizeof abs, "%s/x/y.md", cwd);
    char *u = fl_path_uri(abs);
    ck_assert_str_eq(u, "x/y.md");
    free(u);
    u = fl_path_uri("/elsewhere/a#b.md");
    if (strcmp(cwd, "/") != 0)
        ck_assert_str_eq(u, "file:///elsewhere/a%23b.md");
    free(u);
    u = fl_path_uri("././caf\xC3\xA9.md");
    ck_assert_str_eq(u, "caf%C3%A9.md");
    free(u);
}
END_TEST

/* ---------------------------------------------------------------- github */

START_TEST(github_escaping)
{
    fl_source *src = make_source("x", "Say NVIDIA.\n");
    fl_result *r = new_result();
    add(r, src, "name-casing", FL_SEV_ERROR, "NVIDIA", 0, NASTY, "Nvidia", NULL);
    add(r, src, "name-casing", FL_SEV_INFO, "NVIDIA", 0, "m", NULL, NULL);
    char *out = render("github", "we,ird:50%.md", src, r, "b,ad.txt", "bad: 1%\nx");
    const char *want =
        "::error file=we%2Cird%3A50%25.md,line=1,col=5,endLine=1,endColumn=10,"
        "title=factlint name-casing::50%25 of \"chips\", a:b <x> & 'y'%0D%0Anext line\ttab\n"
        "::notice file=we%2Cird%3A50%25.md,line=1,col=5,endLine=1,endColumn=10,"
        "title=factlint name-casing::m\n"
        "::error file=b%2Cad.txt,line=2,col=1,title=factlint::bad: 1%25%0Ax\n";
    ck_assert_str_eq(out, want);
    free(out);
    fl_result_free(r);
    fl_source_free(src);
}
END_TEST

/* ------------------------------------------------------------ checkstyle */

START_TEST(checkstyle_escaping)
{
    fl_source *src = make_source("x", "Say NVIDIA.\n");
    fl_result *r = new_result();
    add(r, src, "name-casing", FL_SEV_WARNING, "NVIDIA", 0, NASTY "\x01", "Nvidia", NULL);
    char *out = render("checkstyle", "a&<\"'>.md", src, r, NULL, NULL);
    const char *want =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        "<file name=\"a&amp;&lt;&quot;&apos;&gt;.md\">\n"
        "<error line=\"1\" column=\"5\" severity=\"warning\" message=\"50% of "
        "&quot;chips&quot;, a:b &lt;x&gt; &amp; &apos;y&apos;&#13;&#10;next line&#9;tab"
        "\xEF\xBF\xBD\" source=\"factlint.name-casing\"/>\n"
        "</file>\n</checkstyle>\n";
    ck_assert_str_eq(out, want);
    free(out);
    fl_result_free(r);
    fl_source_free(src);
}
END_TEST

/* --------------------------------------------------------------- rdjsonl */

START_TEST(rdjsonl_lines)
{
    /* é is two bytes: reviewdog columns count bytes */
    fl_source *src = make_source("x", "\xC3\xA9 NVIDIA.\n");
    fl_result *r = new_result();
    add(r, src, "name-casing", FL_SEV_WARNING, "NVIDIA", 0, NASTY, "Nvi\"dia", NULL);
    char *out = render("rdjsonl", "./p,a:t%h<&>.md", src, r, "e.md", "bad\n\"x\"");
    char *nl = strchr(out, '\n');
    ck_assert_ptr_nonnull(nl);
    *nl = '\0';
    json_t *d = parse(out);
    ck_assert_str_eq(str_at(d, "message"), NASTY);
    json_t *loc = json_object_get(d, "location");
    ck_assert_str_eq(str_at(loc, "path"), "p,a:t%h<&>.md");
    json_t *range = json_object_get(loc, "range");
    ck_assert_int_eq(int_at(json_object_get(range, "start"), "line"), 1);
    ck_assert_int_eq(int_at(json_object_get(range, "start"), "column"), 4);
    ck_assert_int_eq(int_at(json_object_get(range, "end"), "column"), 10);
    ck_assert_str_eq(str_at(d, "severity"), "WARNING");
    ck_assert_str_eq(str_at(json_object_get(d, "code"), "value"), "name-casing");
    ck_assert_str_eq(str_at(json_object_get(d, "source"), "name"), "factlint");
    json_t *sug = json_array_get(json_object_get(d, "suggestions"), 0);
    ck_assert_str_eq(str_at(sug, "text"), "Nvi\"dia");
    ck_assert_int_eq(int_at(json_object_get(json_object_get(sug, "range"), "start"), "column"), 4);
    json_decref(d);
    char *second = nl + 1;
    char *nl2 = strchr(second, '\n');
    ck_assert_ptr_nonnull(nl2);
    ck_assert_str_eq(nl2 + 1, ""); /* one object a line, nothing after */
    *nl2 = '\0';
    d = parse(second);
    ck_assert_str_eq(str_at(d, "message"), "bad\n\"x\"");
    ck_assert_str_eq(str_at(d, "severity"), "ERROR");
    json_decref(d);
    free(out);
    fl_result_free(r);
    fl_source_free(src);
}
END_TEST

START_TEST(formats_listed)
{
    const char *const *names = fl_report_formats();
    FILE *sink = fopen("/dev/null", "w");
    const char *want[] = {"text", "json", "sarif", "github", "checkstyle", "rdjsonl"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int found = 0;
        for (size_t k = 0; names[k]; k++)
            found |= strcmp(names[k], want[i]) == 0;
        ck_assert_msg(found, "format %s not listed", want[i]);
        fl_report *rep;
        ck_assert_int_eq(fl_report_new(want[i], sink, sink, 0, &rep), FL_OK);
        ck_assert_int_eq(fl_report_finish(rep), FL_OK);
        fl_report_free(rep);
    }
    fclose(sink);
}
END_TEST

/* -------------------------------------------------------------- baseline */

static char tmpdir[64];

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/fl-report-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void remove_tmpdir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(baseline_roundtrip)
{
    make_tmpdir();
    fl_source *src = make_source("x", "NVIDIA and NVIDIA, H2O.\n");
    fl_result *r = new_result();
    fl_finding *a = add(r, src, "name-casing", FL_SEV_WARNING, "NVIDIA", 0, "m", "Nvidia", NULL);
    fl_finding *b = add(r, src, "name-casing", FL_SEV_WARNING, "NVIDIA", 1, "m", "Nvidia", NULL);
    fl_finding *c = add(r, src, "name-variant", FL_SEV_WARNING, "H2O", 0, "m", "H20", NULL);
    a->fingerprint = b->fingerprint = "aaaaaaaaaaaaaaaa"; /* two identical findings */
    c->fingerprint = "cccccccccccccccc";
    fl_baseline *bl = fl_baseline_new();
    ck_assert_int_eq(fl_baseline_add(bl, "./doc \"1\".md", a), FL_OK); /* only one of two */
    ck_assert_int_eq(fl_baseline_add(bl, "doc \"1\".md", c), FL_OK);
    char path[128];
    snprintf(path, sizeof path, "%s/base.json", tmpdir);
    fl_error err;
    ck_assert_int_eq(fl_baseline_write(bl, path, &err), FL_OK);
    fl_baseline_free(bl);
    ck_assert_int_eq(fl_baseline_load(path, &bl, &err), FL_OK);
    ck_assert_int_eq(fl_baseline_count(bl), 2);
    /* another file's findings are not covered */
    fl_result *other = new_result();
    fl_finding *o = add(other, src, "name-variant", FL_SEV_WARNING, "H2O", 0, "m", NULL, NULL);
    o->fingerprint = "cccccccccccccccc";
    ck_assert_int_eq(fl_baseline_filter(bl, "other.md", other), 0);
    ck_assert_int_eq(fl_result_count(other), 1);
    /* the baselined ones go; the second identical finding stays */
    ck_assert_int_eq(fl_baseline_filter(bl, "doc \"1\".md", r), 2);
    ck_assert_int_eq(fl_result_count(r), 1);
    ck_assert_str_eq(fl_result_get(r, 0)->rule, "name-casing");
    ck_assert_uint_eq(fl_result_get(r, 0)->offset, 11);
    fl_baseline_free(bl);
    fl_result_free(r);
    fl_result_free(other);
    fl_source_free(src);
    remove_tmpdir();
}
END_TEST

START_TEST(baseline_rejects_garbage)
{
    make_tmpdir();
    char path[128];
    snprintf(path, sizeof path, "%s/bad.json", tmpdir);
    FILE *f = fopen(path, "w");
    fputs("{\"version\": 2, \"findings\": []}", f);
    fclose(f);
    fl_baseline *bl = NULL;
    fl_error err;
    ck_assert_int_eq(fl_baseline_load(path, &bl, &err), FL_EUSAGE);
    ck_assert_ptr_null(bl);
    ck_assert_ptr_nonnull(strstr(err.message, "not a factlint baseline"));
    f = fopen(path, "w");
    fputs("not json", f);
    fclose(f);
    ck_assert_int_eq(fl_baseline_load(path, &bl, &err), FL_EUSAGE);
    snprintf(path, sizeof path, "%s/missing.json", tmpdir);
    ck_assert_int_eq(fl_baseline_load(path, &bl, &err), FL_EIO);
    remove_tmpdir();
}
END_TEST

/* ----------------------------------------------------------- fingerprint */

/* A document of plain text whose sentences are given by the caller, so
 * fl_doc_add_finding can be exercised without the segmenter. */
static void doc_with_sentences(fl_doc *doc, fl_source *src, const char *const *sentences, size_t n)
{
    memset(doc, 0, sizeof *doc);
    doc->arena = fl_arena_new();
    doc->src = src;
    doc->prose.text = fl_source_bytes(src);
    doc->prose.len = fl_source_length(src);
    fl_vec_init(&doc->sentences, sizeof(fl_sentence));
    fl_vec_init(&doc->findings, sizeof(fl_finding));
    const char *at = fl_source_bytes(src);
    for (size_t i = 0; i < n; i++) {
        const char *s = strstr(at, sentences[i]);
        ck_assert_ptr_nonnull(s);
        fl_sentence *sent = fl_vec_push(doc->arena, &doc->sentences);
        sent->off = (size_t)(s - fl_source_bytes(src));
        sent->len = strlen(sentences[i]);
        at = s + sent->len;
    }
}

static const char *fingerprint_of(const char *text, const char *const *sentences, size_t n,
                                  const char *flagged, const char *related)
{
    static char out[32];
    fl_source *src = make_source("t.txt", text);
    fl_doc doc;
    doc_with_sentences(&doc, src, sentences, n);
    size_t off = (size_t)(strstr(text, flagged) - text);
    size_t roff = (size_t)(strstr(text, related) - text), rlen = strlen(related);
    fl_finding *f = fl_doc_add_finding(&doc, "name-variant", FL_SEV_WARNING, off, strlen(flagged),
                                       "m", "H20", &roff, &rlen, 1);
    ck_assert_ptr_nonnull(f);
    snprintf(out, sizeof out, "%s", f->fingerprint);
    fl_arena_free(doc.arena);
    fl_source_free(src);
    return out;
}

START_TEST(fingerprint_survives_moves)
{
    const char *s1[] = {"The H20 ships.", "Sales of H2O chips fell."};
    char a[32], b[32], c[32], d[32];
    snprintf(a, sizeof a, "%s",
             fingerprint_of("The H20 ships.\n\nSales of H2O chips fell.\n", s1, 2, "H2O", "H20"));
    /* the paragraph moved to the top, with other text around it */
    const char *s2[] = {"Sales of H2O chips fell.", "Intro.", "The H20 ships."};
    snprintf(b, sizeof b, "%s",
             fingerprint_of("Sales of H2O chips fell.\n\nIntro.\n\nThe H20 ships.\n", s2, 3, "H2O",
                            "H20"));
    ck_assert_str_eq(a, b);
    /* re-wrapped: a line break inside the sentence */
    const char *s3[] = {"The H20 ships.", "Sales of H2O\nchips fell."};
    snprintf(c, sizeof c, "%s",
             fingerprint_of("The H20 ships.\n\nSales of H2O\nchips fell.\n", s3, 2, "H2O", "H20"));
    ck_assert_str_eq(a, c);
    /* another sentence: another finding */
    const char *s4[] = {"The H20 ships.", "Sales of H2O chips rose."};
    snprintf(d, sizeof d, "%s",
             fingerprint_of("The H20 ships.\n\nSales of H2O chips rose.\n", s4, 2, "H2O", "H20"));
    ck_assert_str_ne(a, d);
    ck_assert_int_eq(strlen(a), 16);
}
END_TEST

/* ------------------------------------------------------------------- fix */

START_TEST(fix_applies_only_unambiguous)
{
    const char *text = "NVIDIA, H2O, Mar-a-Largo, H100, A<b, NVIDIA.\n";
    fl_source *src = make_source("x", text);
    fl_result *r = new_result();
    add(r, src, "name-casing", FL_SEV_WARNING, "NVIDIA", 0, "m", "Nvidia", NULL);
    add(r, src, "name-casing", FL_SEV_WARNING, "NVIDIA", 1, "m", "Nvidia", NULL);
    add(r, src, "name-variant", FL_SEV_WARNING, "H2O", 0, "m", "H20", NULL);
    add(r, src, "name-variant", FL_SEV_WARNING, "H2O", 0, "m", "H20", NULL); /* duplicate */
    add(r, src, "name-spelling", FL_SEV_WARNING, "Mar-a-Largo", 0, "m", "Mar-a-Lago", NULL);
    /* two rules disagree about one span: neither applies */
    add(r, src, "name-spelling", FL_SEV_WARNING, "Largo", 0, "m", "Lago", NULL);
    add(r, src, "entity-sibling", FL_SEV_WARNING, "H100", 0, "m", "H20", NULL); /* not a fix */
    add(r, src, "name-casing", FL_SEV_WARNING, "A<b", 0, "m", "a<b", NULL);     /* markup */
    char *out;
    size_t len, n;
    ck_assert_int_eq(fl_fix_apply(src, r, &out, &len, &n), FL_OK);
    ck_assert_str_eq(out, "Nvidia, H20, Mar-a-Largo, H100, A<b, Nvidia.\n");
    ck_assert_uint_eq(len, strlen(out));
    ck_assert_uint_eq(n, 3);
    free(out);
    fl_result_free(r);
    r = new_result();
    ck_assert_int_eq(fl_fix_apply(src, r, &out, &len, &n), FL_OK);
    ck_assert_str_eq(out, text);
    ck_assert_uint_eq(n, 0);
    free(out);
    fl_result_free(r);
    fl_source_free(src);
}
END_TEST

static char *diff_of(const char *a, const char *b, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ck_assert_int_eq(fl_fix_diff(path, a, strlen(a), b, strlen(b), out), FL_OK);
    fclose(out);
    return buf;
}

START_TEST(diff_unified)
{
    const char *a = "1\n2\n3\n4 NVIDIA\n5\n6\n7\n8\n9\n10\n11\n12\n13 H2O\n14";
    const char *b = "1\n2\n3\n4 Nvidia\n5\n6\n7\n8\n9\n10\n11\n12\n13 H20\n14";
    char *d = diff_of(a, b, "s.txt");
    ck_assert_str_eq(d, "--- s.txt\n+++ s.txt\n"
                        "@@ -1,7 +1,7 @@\n 1\n 2\n 3\n-4 NVIDIA\n+4 Nvidia\n 5\n 6\n 7\n"
                        "@@ -10,5 +10,5 @@\n 10\n 11\n 12\n-13 H2O\n+13 H20\n 14\n"
                        "\\ No newline at end of file\n");
    free(d);
    /* close changes share a hunk */
    d = diff_of("a\nX\nb\nY\nc\n", "a\nx\nb\ny\nc\n", "t");
    ck_assert_str_eq(d, "--- t\n+++ t\n@@ -1,5 +1,5 @@\n a\n-X\n+x\n b\n-Y\n+y\n c\n");
    free(d);
    d = diff_of("same\n", "same\n", "t");
    ck_assert_str_eq(d, "");
    free(d);
}
END_TEST

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(fix_write_atomic_and_refusing)
{
    make_tmpdir();
    char path[128], link[128];
    snprintf(path, sizeof path, "%s/a.txt", tmpdir);
    snprintf(link, sizeof link, "%s/link.txt", tmpdir);
    const char *old = "NVIDIA here.\n";
    write_file(path, old);
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(symlink("a.txt", link), 0);
    fl_file_stamp stamp;
    fl_error err;
    ck_assert_int_eq(fl_file_stamp_get(link, old, strlen(old), &stamp, &err), FL_OK);
    ck_assert_int_eq(fl_fix_write(link, &stamp, "Nvidia here.\n", 13, &err), FL_OK);
    ck_assert_str_eq(read_all(path), "Nvidia here.\n");
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode)); /* the link stays a link */
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
    /* a stale stamp: the file changed since it was read */
    ck_assert_int_eq(fl_fix_write(path, &stamp, "other\n", 6, &err), FL_EIO);
    ck_assert_int_eq(err.sys_errno, ESTALE);
    ck_assert_ptr_nonnull(strstr(err.message, "changed since it was read"));
    ck_assert_str_eq(read_all(path), "Nvidia here.\n");
    /* same size and mtime, other content: the hash catches it */
    const char *now = "Nvidia here.\n";
    ck_assert_int_eq(fl_file_stamp_get(path, now, strlen(now), &stamp, &err), FL_OK);
    stamp.hash ^= 1;
    ck_assert_int_eq(fl_fix_write(path, &stamp, "x\n", 2, &err), FL_EIO);
    ck_assert_str_eq(read_all(path), now);
    /* no temporary files left behind */
    char cmd[256];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 2", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
    remove_tmpdir();
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, json_shape);
    tcase_add_test(tc, json_errors_and_empty);
    tcase_add_test(tc, sarif_required_fields);
    tcase_add_test(tc, sarif_no_fix_without_suggestion);
    tcase_add_test(tc, sarif_uri_forms);
    tcase_add_test(tc, github_escaping);
    tcase_add_test(tc, checkstyle_escaping);
    tcase_add_test(tc, rdjsonl_lines);
    tcase_add_test(tc, formats_listed);
    suite_add_tcase(s, tc);
    TCase *tb = tcase_create("baseline");
    tcase_add_test(tb, baseline_roundtrip);
    tcase_add_test(tb, baseline_rejects_garbage);
    tcase_add_test(tb, fingerprint_survives_moves);
    suite_add_tcase(s, tb);
    TCase *tf = tcase_create("fix");
    tcase_add_test(tf, fix_applies_only_unambiguous);
    tcase_add_test(tf, diff_unified);
    tcase_add_test(tf, fix_write_atomic_and_refusing);
    suite_add_tcase(s, tf);
    return s;
}

/* test_config.c - .factlint.ini (src/config.c): parsing with exact
 * "file:line: message" errors, per-file resolution with rule and glob
 * sections, glob matching, and discovery up to the repository root. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long rule(const char *id)
{
    for (size_t i = 0; i < fl_rule_count(); i++)
        if (strcmp(fl_rule_get(i)->id, id) == 0)
            return (long)i;
    ck_abort_msg("no rule %s", id);
    return -1;
}

/* Parses text and asserts the errors are exactly `want` (NULL-ended). */
static fl_config *parse_expect(const char *text, const char *const *want)
{
    fl_config *cfg = NULL;
    fl_status st = fl_config_parse("/tmp/x/.factlint.ini", text, &cfg);
    ck_assert_ptr_nonnull(cfg);
    size_t n = 0;
    while (want && want[n])
        n++;
    ck_assert_msg(fl_config_error_count(cfg) == n, "%zu errors, want %zu; first: %s",
                  fl_config_error_count(cfg), n,
                  fl_config_error_count(cfg) ? fl_config_error(cfg, 0) : "none");
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(fl_config_error(cfg, i), want[i]);
    ck_assert_int_eq(st, n ? FL_ECONFIG : FL_OK);
    return cfg;
}

START_TEST(valid_config_resolves)
{
    const char *text = "; comment\n"
                       "fail-level = error\n"
                       "format = text\n"
                       "ignore = vendor, drafts/*.md\n"
                       "front-matter = yes\n"
                       "\n"
                       "[rule name-casing]\n"
                       "severity = info\n"
                       "\n"
                       "[rule name-spelling]\n"
                       "enabled = false\n"
                       "\n"
                       "[*.md]\n"
                       "name-variant = warning\n"
                       "name-spelling = on\n"
                       "fail-level = warning\n";
    fl_config *cfg = parse_expect(text, NULL);
    ck_assert_str_eq(fl_config_format(cfg), "text");
    fl_file_settings fs;
    ck_assert_int_eq(fl_config_resolve(cfg, "notes.txt", &fs), FL_OK);
    ck_assert_int_eq(fs.fail_level, FL_SEV_ERROR);
    ck_assert_str_eq(fs.fail_level_from, "/tmp/x/.factlint.ini:2");
    ck_assert(fs.front_matter);
    ck_assert_int_eq(fs.severity[rule("name-casing")], FL_SEV_INFO);
    ck_assert_str_eq(fs.severity_from[rule("name-casing")],
                     "/tmp/x/.factlint.ini:8 [rule name-casing]");
    ck_assert(!fs.enabled[rule("name-spelling")]);
    ck_assert_int_eq(fs.severity[rule("name-variant")], FL_SEV_ERROR);
    ck_assert_str_eq(fs.severity_from[rule("name-variant")], "default");
    ck_assert(!fs.ignored);
    fl_file_settings_free(&fs);

    ck_assert_int_eq(fl_config_resolve(cfg, "docs/a.md", &fs), FL_OK);
    ck_assert_int_eq(fs.fail_level, FL_SEV_WARNING);
    ck_assert_str_eq(fs.fail_level_from, "/tmp/x/.factlint.ini:16 [*.md]");
    ck_assert_int_eq(fs.severity[rule("name-variant")], FL_SEV_WARNING);
    ck_assert(fs.enabled[rule("name-spelling")]);
    fl_file_settings_free(&fs);

    ck_assert_int_eq(fl_config_resolve(cfg, "vendor/lib/a.md", &fs), FL_OK);
    ck_assert(fs.ignored);
    ck_assert_str_eq(fs.ignored_from, "/tmp/x/.factlint.ini:4");
    fl_file_settings_free(&fs);
    ck_assert_int_eq(fl_config_resolve(cfg, "drafts/a.md", &fs), FL_OK);
    ck_assert(fs.ignored);
    fl_file_settings_free(&fs);
    ck_assert_int_eq(fl_config_resolve(cfg, "final/drafts.md", &fs), FL_OK);
    ck_assert(!fs.ignored);
    fl_file_settings_free(&fs);
    fl_config_free(cfg);
}
END_TEST

START_TEST(errors_name_file_and_line)
{
    const char *const want[] = {
        "/tmp/x/.factlint.ini:2: unknown key 'colour' (fail-level, format, lexicon, "
        "default-lexicon, ignore, front-matter, input-format, or a [rule ID] or [GLOB] section)",
        "/tmp/x/.factlint.ini:3: invalid fail-level 'loud' (info, warning, error, none)",
        "/tmp/x/.factlint.ini:4: unknown format 'yaml'",
        "/tmp/x/.factlint.ini:5: cannot read lexicon 'missing.lex': No such file or directory",
        "/tmp/x/.factlint.ini:7: unknown rule 'name-casng'; see factlint --list-rules",
        "/tmp/x/.factlint.ini:11: invalid severity 'loud' (info, warning, error)",
        "/tmp/x/.factlint.ini:12: invalid value 'maybe' for enabled (true or false)",
        "/tmp/x/.factlint.ini:13: unknown key 'level' in [rule name-variant] (enabled, severity)",
        "/tmp/x/.factlint.ini:15: unknown key 'nosuch-rule' in [*.md] (a rule id, fail-level, "
        "front-matter, input-format)",
        "/tmp/x/.factlint.ini:16: invalid value 'sometimes' for name-casing (on, off, info, "
        "warning, error)",
        "/tmp/x/.factlint.ini:17: syntax error (expected [section] or key = value)",
        NULL};
    const char *text = "fail-level = warning\n"
                       "colour = never\n"
                       "fail-level = loud\n"
                       "format = yaml\n"
                       "lexicon = missing.lex\n"
                       "\n"
                       "[rule name-casng]\n"
                       "severity = info\n"
                       "\n"
                       "[rule name-variant]\n"
                       "severity = loud\n"
                       "enabled = maybe\n"
                       "level = 3\n"
                       "[*.md]\n"
                       "nosuch-rule = off\n"
                       "name-casing = sometimes\n"
                       "this line has no equals sign\n";
    fl_config *cfg = NULL;
    fl_status st = fl_config_parse("/tmp/x/.factlint.ini", text, &cfg);
    ck_assert_int_eq(st, FL_ECONFIG);
    /* inih reports only its first syntax error, after the handler's */
    size_t n = 0;
    while (want[n])
        n++;
    ck_assert_uint_eq(fl_config_error_count(cfg), n);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(fl_config_error(cfg, i), want[i]);
    fl_config_free(cfg);
}
END_TEST

START_TEST(lexicon_paths_are_relative_to_the_config)
{
    char dir[] = "/tmp/fl-config-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256], lex[256], ini[256];
    snprintf(lex, sizeof lex, "%s/house.lex", dir);
    FILE *f = fopen(lex, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    snprintf(ini, sizeof ini, "%s/.factlint.ini", dir);
    f = fopen(ini, "w");
    fputs("lexicon = house.lex\ndefault-lexicon = false\n", f);
    fclose(f);
    fl_config *cfg = NULL;
    ck_assert_int_eq(fl_config_load(ini, &cfg), FL_OK);
    ck_assert_uint_eq(fl_config_lexicon_count(cfg), 1);
    ck_assert_str_eq(fl_config_lexicon(cfg, 0), lex);
    ck_assert(!fl_config_default_lexicon(cfg));
    fl_config_free(cfg);
    snprintf(path, sizeof path, "%s/missing.ini", dir);
    ck_assert_int_eq(fl_config_load(path, &cfg), FL_EIO);
    ck_assert_ptr_nonnull(strstr(fl_config_error(cfg, 0), "cannot read config"));
    fl_config_free(cfg);
    unlink(lex);
    unlink(ini);
    rmdir(dir);
}
END_TEST

START_TEST(globs)
{
    static const struct {
        const char *glob, *path;
        bool match;
    } cases[] = {
        {"*.md", "a.md", true},
        {"*.md", "docs/a.md", true},
        {"*.md", "a.mdx", false},
        {"vendor", "vendor/x/a.md", true},
        {"vendor", "src/vendor/a.md", true},
        {"vendor", "vendors/a.md", false},
        {"docs/drafts", "docs/drafts/a.md", true},
        {"docs/drafts/", "docs/drafts/x/a.md", true},
        {"docs/*.md", "docs/a.md", true},
        {"docs/*.md", "docs/x/a.md", false},
        {"docs/**/*.md", "docs/x/y/a.md", true},
        {"docs/**/*.md", "docs/a.md", true},
        {"**/a.md", "a.md", true},
        {"./docs/a.md", "docs/a.md", true},
        {"/docs/a.md", "./docs/a.md", true},
        {"docs", "doc/a.md", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(fl_glob_match(cases[i].glob, cases[i].path) == cases[i].match,
                      "%s ~ %s: want %d", cases[i].glob, cases[i].path, cases[i].match);
}
END_TEST

static void touch(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

START_TEST(discovery_stops_at_the_repository_root)
{
    char root[] = "/tmp/fl-find-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(root));
    char p[512], repo[128], deep[192], doc[512];
    snprintf(p, sizeof p, "%s/.factlint.ini", root); /* above the repository */
    touch(p, "");
    snprintf(repo, sizeof repo, "%s/repo", root);
    mkdir(repo, 0700);
    snprintf(p, sizeof p, "%s/.git", repo);
    mkdir(p, 0700);
    snprintf(deep, sizeof deep, "%s/a", repo);
    mkdir(deep, 0700);
    snprintf(deep, sizeof deep, "%s/a/b", repo);
    mkdir(deep, 0700);
    snprintf(doc, sizeof doc, "%s/doc.md", deep);
    touch(doc, "x");
    char *found = fl_config_find(doc);
    ck_assert_ptr_null(found); /* the one above .git is not the repository's */
    snprintf(p, sizeof p, "%s/.factlint.ini", repo);
    touch(p, "");
    found = fl_config_find(doc);
    ck_assert_ptr_nonnull(found);
    ck_assert_ptr_nonnull(strstr(found, "/repo/.factlint.ini"));
    free(found);
    char nearer[600];
    snprintf(nearer, sizeof nearer, "%s/a/.factlint.ini", repo);
    touch(nearer, "");
    found = fl_config_find(doc);
    ck_assert_ptr_nonnull(strstr(found, "/repo/a/.factlint.ini"));
    free(found);
    unlink(nearer);
    unlink(p);
    unlink(doc);
    rmdir(deep);
    snprintf(p, sizeof p, "%s/a", repo);
    rmdir(p);
    snprintf(p, sizeof p, "%s/.git", repo);
    rmdir(p);
    rmdir(repo);
    snprintf(p, sizeof p, "%s/.factlint.ini", root);
    unlink(p);
    rmdir(root);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("config");
    TCase *t = tcase_create("config");
    tcase_add_test(t, valid_config_resolves);
    tcase_add_test(t, errors_name_file_and_line);
    tcase_add_test(t, lexicon_paths_are_relative_to_the_config);
    tcase_add_test(t, globs);
    tcase_add_test(t, discovery_stops_at_the_repository_root);
    suite_add_tcase(s, t);
    return s;
}

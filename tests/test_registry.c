/* test_registry.c - walks the check registry: every registered check has a
 * complete descriptor with a unique id, fires on its positive example and
 * stays silent on its negative one (through the whole pipeline, with the
 * built-in lexicon). Checks added later are covered without editing this
 * file. */
#include "internal.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

static size_t findings_of(const fl_checker *checker, const char *rule, const char *text)
{
    fl_source *src;
    fl_error err;
    ck_assert_int_eq(fl_source_new("example.txt", text, strlen(text), &src, &err), FL_OK);
    fl_result *result;
    fl_status st = fl_check(checker, src, FL_FORMAT_TEXT, &result, &err);
    ck_assert_msg(st == FL_OK, "%s: %s", rule, err.message);
    size_t n = 0;
    for (size_t i = 0; i < fl_result_count(result); i++)
        if (strcmp(fl_result_get(result, i)->rule, rule) == 0)
            n++;
    fl_result_free(result);
    fl_source_free(src);
    return n;
}

START_TEST(descriptors_are_complete)
{
    ck_assert_uint_eq(fl_rule_count(), fl_check_count);
    ck_assert_ptr_null(fl_checks[fl_check_count]);
    for (size_t i = 0; i < fl_rule_count(); i++) {
        const fl_rule_info *r = fl_rule_get(i);
        ck_assert_ptr_nonnull(r);
        ck_assert_msg(r->id && r->id[0], "check %zu has no id", i);
        for (const char *p = r->id; *p; p++)
            ck_assert_msg((*p >= 'a' && *p <= 'z') || *p == '-', "bad id '%s'", r->id);
        ck_assert_msg(r->summary && r->summary[0], "%s: no summary", r->id);
        ck_assert_msg(r->positive && r->positive[0], "%s: no positive example", r->id);
        ck_assert_msg(r->negative && r->negative[0], "%s: no negative example", r->id);
        ck_assert_msg(r->explain && strlen(r->explain) > strlen(r->summary), "%s: no explanation",
                      r->id);
        ck_assert_msg(r->severity <= FL_SEV_ERROR, "%s: bad severity", r->id);
        ck_assert_ptr_nonnull(fl_checks[i]->run);
        ck_assert_ptr_eq(fl_rule_find(r->id), r);
        for (size_t j = 0; j < i; j++)
            ck_assert_msg(strcmp(fl_rule_get(j)->id, r->id) != 0, "duplicate id %s", r->id);
    }
    ck_assert_ptr_null(fl_rule_get(fl_rule_count()));
    ck_assert_ptr_null(fl_rule_find("no-such-rule"));
}
END_TEST

START_TEST(each_check_fires_on_positive_and_not_on_negative)
{
    fl_checker *checker;
    fl_error err;
    ck_assert_int_eq(fl_checker_new(NULL, &checker, &err), FL_OK);
    /* every failing check is named, not only the first */
    char failures[4096] = "";
    size_t len = 0;
    for (size_t i = 0; i < fl_rule_count(); i++) {
        const fl_rule_info *r = fl_rule_get(i);
        size_t pos = findings_of(checker, r->id, r->positive);
        size_t neg = findings_of(checker, r->id, r->negative);
        if (pos == 0 && len < sizeof failures)
            len +=
                (size_t)snprintf(failures + len, sizeof failures - len,
                                 "\n  %s: silent on its positive example: %s", r->id, r->positive);
        if (neg > 0 && len < sizeof failures)
            len += (size_t)snprintf(failures + len, sizeof failures - len,
                                    "\n  %s: %zu finding(s) on its negative example: %s", r->id,
                                    neg, r->negative);
    }
    ck_assert_msg(failures[0] == '\0', "%s", failures);
    fl_checker_free(checker);
}
END_TEST

Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("registry");
    TCase *tc = tcase_create("registry");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, descriptors_are_complete);
    tcase_add_test(tc, each_check_fires_on_positive_and_not_on_negative);
    suite_add_tcase(s, tc);
    return s;
}

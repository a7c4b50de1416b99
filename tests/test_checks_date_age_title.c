/* test_checks_date_age_title.c - fact-date, fact-weekday, fact-age and
 * fact-title: what each flags, what it suggests, and the traps it must
 * leave alone. Each text runs through the whole pipeline with only the
 * rule under test enabled. */
#include "factlint.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct run {
    fl_source *src;
    fl_checker *checker;
    fl_result *result;
} run;

static void run_rule(run *r, const char *rule, const char *text)
{
    fl_error err;
    fl_options *opts = fl_options_new();
    ck_assert_ptr_nonnull(opts);
    for (size_t i = 0; i < fl_rule_count(); i++)
        fl_options_enable_rule(opts, fl_rule_get(i)->id, strcmp(fl_rule_get(i)->id, rule) == 0);
    ck_assert_int_eq(fl_checker_new(opts, &r->checker, &err), FL_OK);
    fl_options_free(opts);
    ck_assert_int_eq(fl_source_new("t.txt", text, strlen(text), &r->src, &err), FL_OK);
    ck_assert_int_eq(fl_check(r->checker, r->src, FL_FORMAT_TEXT, &r->result, &err), FL_OK);
}

static void done(run *r)
{
    fl_result_free(r->result);
    fl_source_free(r->src);
    fl_checker_free(r->checker);
}

/* Expects exactly one finding on `text` with the given suggestion, and
 * its message naming both sides' lines. */
static void expect_one(const char *rule, const char *text, const char *flagged,
                       const char *suggestion)
{
    run r;
    run_rule(&r, rule, text);
    ck_assert_msg(fl_result_count(r.result) == 1, "%s: %zu findings on: %s", rule,
                  fl_result_count(r.result), text);
    const fl_finding *f = fl_result_get(r.result, 0);
    ck_assert_str_eq(f->rule, rule);
    ck_assert_str_eq(f->text, flagged);
    ck_assert_ptr_nonnull(f->suggestion);
    ck_assert_str_eq(f->suggestion, suggestion);
    ck_assert_ptr_nonnull(strstr(f->message, "(line "));
    ck_assert_uint_ge(f->related_count, 1);
    done(&r);
}

static void expect_none(const char *rule, const char *text)
{
    run r;
    run_rule(&r, rule, text);
    if (fl_result_count(r.result)) {
        const fl_finding *f = fl_result_get(r.result, 0);
        ck_abort_msg("%s: unexpected finding `%s`: %s\non: %s", rule, f->text, f->message, text);
    }
    done(&r);
}

/* ------------------------------------------------------------ fact-date */

START_TEST(date_month_noun)
{
    expect_one("fact-date",
               "Corvane Labs released its Tern-3 model in January.\n"
               "Since its release on February 2, Tern-3 has been downloaded 400,000 times.\n",
               "February 2", "January");
}
END_TEST

START_TEST(date_day)
{
    expect_one("fact-date",
               "Harlow Freight signed the agreement on March 3, 2025, ending the dispute.\n"
               "The deal raises wages by 4% a year.\n"
               "Harlow Freight signed the agreement on March 13 in Leeds.\n",
               "March 13", "March 3, 2025");
}
END_TEST

START_TEST(date_founded_year)
{
    expect_one("fact-date",
               "Brightwater Analytics was founded in 2011 by two bank traders.\n"
               "The firm employs 400 people.\n"
               "Brightwater Analytics, founded in 2013, sells risk software to insurers.\n",
               "2013", "2011");
}
END_TEST

START_TEST(date_different_subjects)
{
    expect_none("fact-date", "Corvane Labs released the Tern-3 in January.\n"
                             "Its rival Lumex released the Pike-2 in February.\n");
}
END_TEST

START_TEST(date_different_verbs)
{
    expect_none("fact-date", "Halcyon Bio filed its application in March.\n"
                             "Regulators approved the Halcyon Bio application in June.\n");
}
END_TEST

START_TEST(date_planned)
{
    expect_none("fact-date",
                "The Skyward-2 satellite was scheduled to launch in May but launched in June.\n"
                "Skyward-2 launched in June from the Kourou spaceport.\n");
}
END_TEST

START_TEST(date_delayed)
{
    expect_none("fact-date", "The Arden Bridge opened in 2022 after flooding delayed work.\n"
                             "Planners had hoped the Arden Bridge opened in 2020.\n"
                             "Traffic on the Arden Bridge, opened in 2022, is heavy.\n");
}
END_TEST

START_TEST(date_range)
{
    expect_none("fact-date", "The Meltwater festival opened on July 4 and closed on July 9.\n"
                             "Meltwater opened on July 4 with a parade.\n"
                             "Meltwater was open from July 4 to July 9.\n");
}
END_TEST

START_TEST(date_precision)
{
    expect_none("fact-date", "Norvik released the Atlas update in March.\n"
                             "Norvik released the Atlas update on March 14, 2024.\n");
}
END_TEST

START_TEST(date_noun_subject)
{
    expect_one("fact-date",
               "The round closed on September 9, the company said.\n"
               "Since the round closed on September 19, Tallgrass has hired 40 people.\n",
               "September 19", "September 9");
}
END_TEST

START_TEST(date_no_subject)
{
    /* a listings page: each line dates a different product */
    expect_none("fact-date", "Released 25 February on PC.\n"
                             "Released 1 March on PC.\n"
                             "Released 11 March on Xbox.\n");
}
END_TEST

START_TEST(date_walkout)
{
    expect_one("fact-date",
               "Members of the Harbour Workers Union walked off the job on Tuesday, June 3, 2025.\n"
               "Since the June 13 walkout, shipping lines have diverted 40 vessels.\n",
               "June 13", "Tuesday, June 3, 2025");
}
END_TEST

/* ---------------------------------------------------------- fact-weekday */

START_TEST(weekday_wrong)
{
    /* March 6, 2024 was a Wednesday */
    expect_one("fact-weekday", "The vote was held on Tuesday, March 6, 2024, in the capital.\n",
               "Tuesday", "Wednesday");
}
END_TEST

START_TEST(weekday_dmy)
{
    /* 6 June 2025 was a Friday */
    expect_one("fact-weekday", "The strike began on Thursday 6 June 2025 at dawn.\n", "Thursday",
               "Friday");
}
END_TEST

START_TEST(weekday_year_from_document)
{
    /* June 10, 2025 was a Tuesday */
    expect_one("fact-weekday",
               "PORT CALDER, June 12, 2025 - The council met again.\n"
               "The budget passed on Monday, June 10, after a long session.\n",
               "Monday", "Tuesday");
}
END_TEST

START_TEST(weekday_right)
{
    expect_none("fact-weekday", "The vote was held on Wednesday, March 6, 2024.\n"
                                "Results came on Friday, March 8, 2024.\n");
}
END_TEST

START_TEST(weekday_separate)
{
    expect_none("fact-weekday", "The talks resume on Tuesday. March 6 is the deadline, 2024 "
                                "budget papers say.\n");
}
END_TEST

START_TEST(weekday_no_year)
{
    expect_none("fact-weekday", "The vote was held on Tuesday, March 6.\n");
}
END_TEST

START_TEST(weekday_new_year)
{
    /* January 3, 2025 was a Friday; the document's year is 2024 */
    expect_none("fact-weekday", "The review closed on December 18, 2024.\n"
                                "The next round opens on Friday, January 3.\n");
}
END_TEST

START_TEST(weekday_history_year)
{
    /* one full date, deep in the text and long past: not the year */
    expect_none("fact-weekday", "The replay is on Tuesday, 1 March.\n"
                                "Fans still talk about the last meeting.\n"
                                "Southampton lost that tie on 16 January 2002.\n");
}
END_TEST

/* ------------------------------------------------------------- fact-age */

START_TEST(age_two)
{
    expect_one("fact-age",
               "Nvidia chief executive Jensen Huang, 62, spoke first.\n"
               "Later the 63-year-old Huang took questions from analysts.\n",
               "63", "62");
}
END_TEST

START_TEST(age_majority)
{
    expect_one("fact-age",
               "Maria Lindqvist, 54, runs the plant.\n"
               "Lindqvist, 54, joined in 1998.\n"
               "The 45-year-old Lindqvist says output will rise.\n",
               "45", "54");
}
END_TEST

START_TEST(age_birthday)
{
    expect_none("fact-age", "Jensen Huang, 62, spoke first.\n"
                            "Huang, who turned 63 this week, took questions.\n");
}
END_TEST

START_TEST(age_past)
{
    expect_none("fact-age", "Jensen Huang, 62, spoke first.\n"
                            "When he founded the company, Huang was 30.\n");
}
END_TEST

START_TEST(age_two_people)
{
    expect_none("fact-age", "Tomas Reyes, 64, runs the farm.\n"
                            "His son Luis Reyes, 31, handles sales.\n"
                            "Reyes, 31, hopes to expand.\n");
}
END_TEST

START_TEST(age_was)
{
    expect_none("fact-age", "Owen Barclay, 47, is a teacher.\n"
                            "Barclay was 37 when he first ran for the council.\n");
}
END_TEST

/* ----------------------------------------------------------- fact-title */

START_TEST(title_ceo_cfo)
{
    expect_one("fact-title",
               "Chief Executive Satya Nadella opened the meeting.\n"
               "Shareholders applauded.\n"
               "Chief Financial Officer Satya Nadella then took questions.\n",
               "Chief Financial Officer", "Chief Executive");
}
END_TEST

START_TEST(title_sen_rep)
{
    expect_one("fact-title",
               "Sen. Jane Roe introduced the bill on Monday.\n"
               "Rep. Jane Roe said the bill would pass.\n",
               "Rep.", "Sen.");
}
END_TEST

START_TEST(title_compatible)
{
    expect_none("fact-title", "Chairman and Chief Executive Satya Nadella opened the meeting.\n"
                              "CEO Satya Nadella took questions.\n"
                              "Chief Executive Officer Satya Nadella closed it.\n");
}
END_TEST

START_TEST(title_former)
{
    expect_none("fact-title", "Chief Executive Satya Nadella opened the meeting.\n"
                              "Former Chief Financial Officer Satya Nadella was not there.\n");
}
END_TEST

START_TEST(title_change)
{
    expect_none("fact-title", "CFO Amy Hood was named chief executive in 2023.\n"
                              "Chief Executive Amy Hood spoke first.\n");
}
END_TEST

START_TEST(title_abbreviations)
{
    expect_none("fact-title", "Rep. Jane Roe introduced the bill.\n"
                              "Congresswoman Jane Roe said it would pass.\n"
                              "Representative Jane Roe thanked her staff.\n");
}
END_TEST

START_TEST(title_change_names_one_role)
{
    /* taking over as CEO does not explain a later "CFO" */
    expect_one("fact-title",
               "Chief Executive Helena Marsh spoke first.\n"
               "Marsh took over as CEO in 2022.\n"
               "Chief Financial Officer Helena Marsh answered questions.\n",
               "Chief Financial Officer", "Chief Executive");
}
END_TEST

/* ------------------------------------------------------------- registry */

START_TEST(descriptors)
{
    const char *ids[] = {"fact-date", "fact-weekday", "fact-age", "fact-title"};
    for (size_t i = 0; i < 4; i++) {
        const fl_rule_info *info = fl_rule_find(ids[i]);
        ck_assert_ptr_nonnull(info);
        ck_assert_ptr_nonnull(info->summary);
        ck_assert_ptr_nonnull(info->explain);
        run r;
        run_rule(&r, ids[i], info->positive);
        ck_assert_msg(fl_result_count(r.result) >= 1, "%s: positive example not flagged", ids[i]);
        done(&r);
        run_rule(&r, ids[i], info->negative);
        ck_assert_msg(fl_result_count(r.result) == 0, "%s: negative example flagged", ids[i]);
        done(&r);
    }
    ck_assert_int_eq(fl_rule_find("fact-weekday")->severity, FL_SEV_ERROR);
    ck_assert_int_eq(fl_rule_find("fact-date")->severity, FL_SEV_WARNING);
}
END_TEST

/* A long document of one repeated event stays fast (bucketed, not pairs). */
START_TEST(linear)
{
    const char *para = "Tomas Reyes, 64, said Harlow Freight signed the agreement on March 3, "
                       "2025. Sen. Jane Roe spoke on Wednesday, March 5, 2025.\n";
    size_t n = 20000, pl = strlen(para);
    char *text = malloc(n * pl + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * pl, para, pl);
    text[n * pl] = '\0';
    const char *ids[] = {"fact-date", "fact-weekday", "fact-age", "fact-title"};
    for (size_t i = 0; i < 4; i++) {
        run r;
        run_rule(&r, ids[i], text);
        ck_assert_uint_eq(fl_result_count(r.result), 0);
        done(&r);
    }
    free(text);
}
END_TEST

START_TEST(title_role_words_split_off)
{
    expect_one("fact-title",
               "Writing for the majority, Chief Justice Miriam Okonkwo said the law applies.\n"
               "The court sent the case back.\n"
               "Associate Justice Miriam Okonkwo also wrote that the trial may proceed.\n",
               "Associate Justice", "Chief Justice");
    expect_one("fact-title",
               "Captain Andrea Solberg, 52, told passengers they were safe.\n"
               "The crew dumped fuel over the ocean.\n"
               "Passengers applauded First Officer Andrea Solberg after landing.\n",
               "First Officer", "Captain");
    expect_one("fact-title",
               "Association chief executive Priya Venkataraman rejected the demand.\n"
               "Talks stalled.\n"
               "Association general counsel Priya Venkataraman said employers were ready.\n",
               "general counsel", "chief executive");
}
END_TEST
START_TEST(title_role_words_two_people)
{
    expect_none("fact-title", "Chief Justice Miriam Okonkwo wrote for the majority.\n"
                              "Justice Ramon Castellanos dissented.\n"
                              "Captain Andrea Solberg flew with first officer Miguel Arce.\n"
                              "Okonkwo and Castellanos have served since 2019.\n");
}
END_TEST
START_TEST(date_month_before_noun)
{
    expect_one("fact-date",
               "Corvid Labs released its model, Corvid-2, in January.\n"
               "Testers had four weeks of access.\n"
               "Since its February release, Corvid-2 has been downloaded widely.\n",
               "February", "January");
}
END_TEST
START_TEST(date_month_not_before_noun)
{
    expect_none("fact-date", "Corvid Labs released its model, Corvid-2, in January.\n"
                             "The March of Dimes raised money for research.\n"
                             "Officials said May would decide on the release.\n");
}
END_TEST
START_TEST(age_sentence_end)
{
    expect_one("fact-age",
               "The company is led by Jane Roe, 58.\n"
               "Investors cheered the results.\n"
               "Roe, 85, said more growth was coming.\n",
               "85", "58");
    expect_none("fact-age", "The plant is in Leeds, 12.\n"
                            "Jane Roe, 58, runs it.\n"
                            "The depot is in Leeds, 14.\n");
}
END_TEST
START_TEST(age_among_numbers)
{
    /* the age's run of digits among others the walk passes over: years,
     * long runs, digits inside words, amounts, decimals */
    expect_one("fact-age",
               "Nvidia chief executive Jensen Huang, aged 62, sold 1200000 shares of H100 "
               "stock in 2024 at $135.50 each.\n"
               "Later the 63-year-old Huang, who owns 3.5% of Nvidia, took 12 questions.\n",
               "63", "62");
    expect_one("fact-age",
               "Jensen Huang, 62, sold 1,200 shares and 5 options.\n"
               "Later the 63 years old Huang spoke for 90 minutes to 3,000 people.\n",
               "63", "62");
}
END_TEST
START_TEST(age_described)
{
    expect_one("fact-age",
               "Union president Marisol Ybarra, 61, said members would not return.\n"
               "Employers said no jobs would be lost.\n\n"
               "Ybarra has led the union since 2016.\n\n"
               "The 67-year-old union leader said members had voted to strike.\n",
               "67", "61");
}
END_TEST
START_TEST(age_described_traps)
{
    /* two people named before it: no antecedent */
    expect_none("fact-age", "Union president Marisol Ybarra, 61, met Jon Park, 55.\n\n"
                            "The 55-year-old union leader said talks failed.\n");
    /* not a leader noun: someone new */
    expect_none("fact-age", "Police chief Jon Park, 55, gave details.\n\n"
                            "The 35-year-old driver was charged.\n");
    /* a name in between that is no one's: still one person */
    expect_none("fact-age", "Jane Roe, 58, founded Acme.\n\n"
                            "The 58-year-old founder said Acme would grow.\n");
}
END_TEST
START_TEST(date_field_line)
{
    expect_one("fact-date",
               "# Tessel CLI 3.0 release notes\n\n"
               "Released: March 4, 2025\n\n"
               "Every command accepts JSON output, which makes Tessel easier to script.\n\n"
               "Tessel 2.9 gets security fixes for six months after the March 14 release of "
               "version 3.0.\n",
               "March 14", "March 4, 2025");
}
END_TEST
START_TEST(date_field_line_traps)
{
    /* a headline that is not a field line, a field that is no event, and
     * a bound before a date that no event noun follows */
    expect_none("fact-date", "Tessel released on March 4, 2025\n\n"
                             "Updated: March 9, 2025\n\n"
                             "Tessel released version 3.0 on March 4, 2025.\n\n"
                             "Fixes continue until the March 14 deadline for version 3.0.\n");
}
END_TEST
Suite *fl_test_suite(void);

Suite *fl_test_suite(void)
{
    Suite *s = suite_create("checks_date_age_title");
    TCase *tc = tcase_create("date");
    tcase_add_test(tc, date_month_noun);
    tcase_add_test(tc, date_day);
    tcase_add_test(tc, date_founded_year);
    tcase_add_test(tc, date_different_subjects);
    tcase_add_test(tc, date_different_verbs);
    tcase_add_test(tc, date_planned);
    tcase_add_test(tc, date_delayed);
    tcase_add_test(tc, date_range);
    tcase_add_test(tc, date_precision);
    tcase_add_test(tc, date_noun_subject);
    tcase_add_test(tc, date_no_subject);
    tcase_add_test(tc, date_walkout);
    tcase_add_test(tc, date_month_before_noun);
    tcase_add_test(tc, date_month_not_before_noun);
    tcase_add_test(tc, date_field_line);
    tcase_add_test(tc, date_field_line_traps);
    suite_add_tcase(s, tc);
    tc = tcase_create("weekday");
    tcase_add_test(tc, weekday_wrong);
    tcase_add_test(tc, weekday_dmy);
    tcase_add_test(tc, weekday_year_from_document);
    tcase_add_test(tc, weekday_right);
    tcase_add_test(tc, weekday_separate);
    tcase_add_test(tc, weekday_no_year);
    tcase_add_test(tc, weekday_new_year);
    tcase_add_test(tc, weekday_history_year);
    suite_add_tcase(s, tc);
    tc = tcase_create("age");
    tcase_add_test(tc, age_two);
    tcase_add_test(tc, age_majority);
    tcase_add_test(tc, age_birthday);
    tcase_add_test(tc, age_past);
    tcase_add_test(tc, age_two_people);
    tcase_add_test(tc, age_was);
    tcase_add_test(tc, age_sentence_end);
    tcase_add_test(tc, age_among_numbers);
    tcase_add_test(tc, age_described);
    tcase_add_test(tc, age_described_traps);
    suite_add_tcase(s, tc);
    tc = tcase_create("title");
    tcase_add_test(tc, title_ceo_cfo);
    tcase_add_test(tc, title_sen_rep);
    tcase_add_test(tc, title_compatible);
    tcase_add_test(tc, title_former);
    tcase_add_test(tc, title_change);
    tcase_add_test(tc, title_abbreviations);
    tcase_add_test(tc, title_change_names_one_role);
    tcase_add_test(tc, title_role_words_split_off);
    tcase_add_test(tc, title_role_words_two_people);
    suite_add_tcase(s, tc);
    tc = tcase_create("registry");
    tcase_add_test(tc, descriptors);
    tcase_add_test(tc, linear);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    return s;
}

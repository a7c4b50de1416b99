/* main.c - the one main of every Check test binary: each tests/test_*.c
 * defines fl_test_suite(). */
#include <check.h>
#include <stdlib.h>

Suite *fl_test_suite(void);

int main(void)
{
    SRunner *runner = srunner_create(fl_test_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* registry.c - every check, once. Adding a check is one file plus one line
 * here; rule ids are never reused. */
#include "../internal.h"

#define FL_CHECK_LIST(X)                                                                           \
    X(fl_check_name_variant)                                                                       \
    X(fl_check_name_casing)                                                                        \
    X(fl_check_name_spelling)                                                                      \
    X(fl_check_entity_sibling)                                                                     \
    X(fl_check_fact_number)                                                                        \
    X(fl_check_acronym_expansion)                                                                  \
    X(fl_check_fact_date)                                                                          \
    X(fl_check_fact_weekday)                                                                       \
    X(fl_check_fact_age)                                                                           \
    X(fl_check_fact_title)                                                                         \
    X(fl_check_unused_suppression)

#define FL_DECLARE(name) extern const fl_check_def name;
FL_CHECK_LIST(FL_DECLARE)
#undef FL_DECLARE

#define FL_ADDRESS(name) &name,
const fl_check_def *const fl_checks[] = {FL_CHECK_LIST(FL_ADDRESS) NULL};
#undef FL_ADDRESS

const size_t fl_check_count = sizeof fl_checks / sizeof fl_checks[0] - 1;

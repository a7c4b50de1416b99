/* unused_suppression.c - the descriptor of `unused-suppression`. The work
 * happens in the suppression pass (src/suppress.c), after every other
 * check has run, so this check's own run does nothing. */
#include "../internal.h"

static void run(fl_doc *doc)
{
    (void)doc;
}

const fl_check_def fl_check_unused_suppression = {
    {"unused-suppression", "an inline suppression that suppresses nothing", FL_SEV_INFO,
     "factlint-disable-next-line name-variant\nThe committee met on Monday.",
     "Write factlint-disable-next-line on a line of its own to silence a rule.",
     "Reports a factlint-disable or factlint-disable-next-line directive that did not hide "
     "any finding, or that names a rule factlint does not know, so stale suppressions are "
     "cleaned up when the text they guarded changes. In Markdown and HTML the directives are "
     "comments (<!-- factlint-disable-next-line name-variant -->); in plain text they are lines "
     "of their own. A directive for a rule that is turned off is not reported."},
    run,
    false};

/* fuzz_jsonl.c - libFuzzer harness: the JSON-lines reader of the streaming
 * mode, whole (parse, check, write). Output goes to /dev/null. */
#include "factlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static fl_checker *checker;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fl_error err;
    if (!checker && fl_checker_new(NULL, &checker, &err) != FL_OK)
        abort();
    if (size == 0)
        return 0;
    FILE *in = fmemopen((void *)data, size, "r");
    FILE *out = fopen("/dev/null", "w");
    if (!in || !out)
        abort();
    fl_jsonl_stats stats;
    if (fl_jsonl_run(checker, in, out, 1 << 20, &stats) == FL_OK &&
        stats.errors > stats.documents)
        abort();
    fclose(in);
    fclose(out);
    return 0;
}

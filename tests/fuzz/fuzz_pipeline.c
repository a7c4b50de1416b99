/* fuzz_pipeline.c - libFuzzer harness: the whole pipeline on one document.
 * Built three times with FL_FUZZ_FORMAT set to the input format (text,
 * Markdown, HTML); for HTML the first byte also picks the options (rules
 * on or off), so option combinations are explored too. */
#include "factlint.h"

#include <stdint.h>
#include <stdlib.h>

#ifndef FL_FUZZ_FORMAT
#define FL_FUZZ_FORMAT FL_FORMAT_TEXT
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static fl_checker *checkers[2];

static fl_checker *checker_for(unsigned variant)
{
    if (!checkers[variant]) {
        fl_options *opts = fl_options_new();
        if (!opts)
            abort();
        if (variant == 1) {
            /* every other rule off, a small mention cap */
            for (size_t i = 0; i < fl_rule_count(); i += 2)
                fl_options_enable_rule(opts, fl_rule_get(i)->id, 0);
            fl_options_set_max_mentions(opts, 64);
        }
        fl_error err;
        if (fl_checker_new(opts, &checkers[variant], &err) != FL_OK)
            abort();
        fl_options_free(opts);
    }
    return checkers[variant];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned variant = 0;
    if (FL_FUZZ_FORMAT == FL_FORMAT_HTML && size > 0) {
        variant = data[0] & 1u;
        data++;
        size--;
    }
    fl_source *src = NULL;
    fl_error err;
    if (fl_source_new("fuzz", (const char *)data, size, &src, &err) != FL_OK)
        return 0;
    fl_result *res = NULL;
    if (fl_check(checker_for(variant), src, FL_FUZZ_FORMAT, &res, &err) == FL_OK) {
        /* touch every finding and position, as a reporter would */
        for (size_t i = 0; i < fl_result_count(res); i++) {
            const fl_finding *f = fl_result_get(res, i);
            size_t line, col;
            fl_source_position(src, f->offset + f->length, &line, &col);
            if (f->offset + f->length > fl_source_length(src))
                abort();
            for (size_t k = 0; k < f->related_count; k++)
                if (f->related[k].offset + f->related[k].length > fl_source_length(src))
                    abort();
        }
        for (size_t i = 0; i < fl_result_mention_count(res); i++) {
            fl_mention_info m;
            if (fl_result_mention(res, i, &m) != FL_OK ||
                m.offset + m.length > fl_source_length(src))
                abort();
        }
    }
    fl_result_free(res);
    fl_source_free(src);
    return 0;
}

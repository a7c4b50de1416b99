/* fuzz_config.c - libFuzzer harness: the .factlint.ini parser and the
 * resolution of its settings for a file. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    fl_config *cfg = NULL;
    fl_config_parse("/tmp/fuzz/.factlint.ini", text, &cfg);
    if (cfg) {
        for (size_t i = 0; i < fl_config_error_count(cfg); i++)
            if (!fl_config_error(cfg, i))
                abort();
        fl_file_settings fs;
        if (fl_config_resolve(cfg, "/tmp/fuzz/docs/story.md", &fs) == FL_OK)
            fl_file_settings_free(&fs);
    }
    fl_config_free(cfg);
    free(text);
    return 0;
}

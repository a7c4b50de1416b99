/* fuzz_lexicon.c - libFuzzer harness: the lexicon parser and index build on
 * a user lexicon file (handed over through a memfd, as --lexicon would read
 * it), then a few lookups. */
#include "internal.h"
#include "lexicon.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("lexicon", 0);
    if (fd < 0)
        abort();
    if (size && write(fd, data, size) != (ssize_t)size)
        abort();
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    const char *paths[] = {path};
    fl_lexicon *lex = NULL;
    fl_error err;
    if (fl_lexicon_build(false, paths, 1, &lex, &err) == FL_OK) {
        const fl_lex_hit *hits;
        for (size_t i = 0; i < fl_lexicon_entry_count(lex) && i < 16; i++) {
            const fl_lex_entry *e = fl_lexicon_entry(lex, i);
            (void)e;
        }
        fl_lexicon_by_fold(lex, "nvidia", 6, &hits);
        fl_lexicon_acronym(lex, "WHO", 3);
        fl_lex_near near[4];
        fl_lexicon_near(lex, "mar-a-largo", 11, 2, near, 4);
    }
    fl_lexicon_free(lex);
    close(fd);
    return 0;
}

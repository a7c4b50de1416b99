/* fuzz_normalize.c - libFuzzer harness: fold, skeleton, family and the
 * difference of two surfaces (the input split at its first NUL byte, or in
 * half). Invalid UTF-8 is skipped, as the source stage rejects it. */
#include "factlint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *nul = memchr(s, '\0', size);
    size_t alen = nul ? (size_t)(nul - s) : size / 2;
    const char *b = s + alen + (nul ? 1 : 0);
    size_t blen = size - alen - (nul ? 1 : 0);
    if (!fl_utf8_valid(s, alen, NULL) || !fl_utf8_valid(b, blen, NULL))
        return 0;
    char small[8], big[4096];
    unsigned flags[] = {0, FL_FOLD_KEEP_DIACRITICS | FL_FOLD_NO_LUMP, FL_FOLD_CODE};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        size_t n = fl_fold(s, alen, flags[i], big, sizeof big);
        size_t m = fl_fold(s, alen, flags[i], small, sizeof small);
        if (n != m || (n < sizeof big && strlen(big) != n))
            abort(); /* the length does not depend on the buffer */
        fl_skeleton(s, alen, flags[i], big, sizeof big);
        fl_skeleton(s, alen, flags[i], small, sizeof small);
    }
    fl_family(s, alen, big, sizeof big);
    fl_family(s, alen, small, sizeof small);
    fl_difference d;
    fl_compare_surfaces(s, alen, b, blen, &d);
    if (strlen(d.description) >= sizeof d.description)
        abort();
    if (alen == blen && memcmp(s, b, alen) == 0 && d.kinds != 0)
        abort(); /* a surface does not differ from itself */
    return 0;
}

/* test_files.h - a test's documents: the repository's data files (tests run
 * from the repository root, or with FL_SRCDIR set to it), and long texts
 * made by repetition. */
#ifndef FL_TEST_FILES_H
#define FL_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* rel (a path from the repository root) as the test should open it */
static inline const char *data_path(const char *rel, char *buf, size_t cap)
{
    const char *dir = getenv("FL_SRCDIR");
    snprintf(buf, cap, "%s%s%s", dir ? dir : "", dir ? "/" : "", rel);
    return buf;
}

/* The whole file in a malloc'd buffer (*len its bytes), or NULL when it
 * cannot be opened or read into memory. */
static inline char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown)
                free(buf);
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        *len = n;
    return buf;
}

/* `copies` copies of unit[0..ulen) in a malloc'd buffer, NUL-terminated
 * (*len its bytes), or NULL when out of memory. */
static inline char *repeat_text(const char *unit, size_t ulen, size_t copies, size_t *len)
{
    char *buf = malloc(copies * ulen + 1);
    if (!buf)
        return NULL;
    for (size_t i = 0; i < copies; i++)
        memcpy(buf + i * ulen, unit, ulen);
    buf[copies * ulen] = '\0';
    *len = copies * ulen;
    return buf;
}

#endif

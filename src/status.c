/* status.c - status codes, severities and small shared helpers. */
#include "internal.h"

#include <string.h>

const char *fl_strerror(fl_status status)
{
    switch (status) {
    case FL_OK:
        return "success";
    case FL_ENOMEM:
        return "out of memory";
    case FL_EIO:
        return "input/output error";
    case FL_EUTF8:
        return "invalid UTF-8";
    case FL_EBINARY:
        return "binary file";
    case FL_ETOOBIG:
        return "file too large";
    case FL_EUSAGE:
        return "invalid argument";
    case FL_ECONFIG:
        return "configuration error";
    case FL_ELEXICON:
        return "lexicon error";
    case FL_ELIMIT:
        return "work limit reached";
    case FL_EPATTERN:
        return "pattern error";
    }
    return "unknown error";
}

const char *fl_severity_name(fl_severity severity)
{
    switch (severity) {
    case FL_SEV_INFO:
        return "info";
    case FL_SEV_WARNING:
        return "warning";
    case FL_SEV_ERROR:
        return "error";
    case FL_SEV_NONE:
        return "none";
    }
    return "unknown";
}

fl_status fl_severity_parse(const char *name, fl_severity *out)
{
    static const fl_severity all[] = {FL_SEV_INFO, FL_SEV_WARNING, FL_SEV_ERROR, FL_SEV_NONE};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(name, fl_severity_name(all[i])) == 0) {
            *out = all[i];
            return FL_OK;
        }
    }
    return FL_EUSAGE;
}

uint64_t fl_hash64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ull ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

size_t fl_utf8_decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned char c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > len) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t v = c & (0x7F >> n);
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    *cp = v;
    return n;
}

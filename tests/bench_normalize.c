/* bench_normalize.c - micro-benchmark of the normalizer: fold, skeleton and
 * family keys per second, on one core, for short ASCII names and for a
 * mixed set with non-ASCII names (diacritics, Cyrillic and Greek
 * look-alikes, fullwidth forms, invisible characters). `make
 * bench-normalize` builds it with -O2 against build/libfactlint.a. */
#include "factlint.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const ascii_names[] = {
    "H20",          "H2O",         "H100",          "Nvidia",   "NVIDIA's",
    "Mar-a-Lago",   "F-35",        "Boeing 737",    "737 MAX",  "iPhone 15",
    "Jensen Huang", "Section 230", "A800",          "H20s",     "Commerce Department",
    "US",           "Beijing",     "Gina Raimondo", "COVID-19", "B-52",
};

static const char *const mixed_names[] = {
    "H20",
    "\xC3\x98rsted" /* Ørsted */,
    "\xD0\x9D"
    "20" /* Cyrillic EN */,
    "\xEF\xBC\xA8\xEF\xBC\x92\xEF\xBC\x90" /* fullwidth H20 */,
    "caf\xC3\xA9",
    "cafe\xCC\x81" /* NFD */,
    "\xC5\x81\xC3\xB3\x64\xC5\xBA" /* Łódź */,
    "Z\xC3\xBCrich",
    "S\xC3\xA3o Paulo",
    "H\xE2\x80\x8D"
    "20" /* ZWJ */,
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0" /* Москва */,
    "\xCE\x97\xCE\xA1" /* Greek HP */,
    "Nvidia",
    "Mar-a-Lago",
    "H20\xE2\x80\x99s" /* H20’s */,
    "F\xE2\x80\x93"
    "35" /* en dash */,
    "Boeing 737",
    "iPhone 15",
    "Jensen Huang",
    "A100",
};

/* the non-ASCII half of mixed_names alone: the utf8proc path */
static const char *const unicode_names[] = {
    "\xC3\x98rsted",
    "\xD0\x9D"
    "20",
    "\xEF\xBC\xA8\xEF\xBC\x92\xEF\xBC\x90",
    "caf\xC3\xA9",
    "cafe\xCC\x81",
    "\xC5\x81\xC3\xB3\x64\xC5\xBA",
    "Z\xC3\xBCrich",
    "S\xC3\xA3o Paulo",
    "H\xE2\x80\x8D"
    "20",
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
    "\xCE\x97\xCE\xA1",
    "H20\xE2\x80\x99s",
    "F\xE2\x80\x93"
    "35",
};

typedef size_t (*keyfn)(const char *s, size_t len, char *out, size_t cap);

static size_t do_fold(const char *s, size_t len, char *out, size_t cap)
{
    return fl_fold(s, len, 0, out, cap);
}

static size_t do_skeleton(const char *s, size_t len, char *out, size_t cap)
{
    return fl_skeleton(s, len, 0, out, cap);
}

static size_t do_family(const char *s, size_t len, char *out, size_t cap)
{
    return fl_family(s, len, out, cap);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile size_t sink;

/* Runs fn over the names for about `seconds`; returns calls per second. */
static double rate(keyfn fn, const char *const *names, size_t count, double seconds)
{
    size_t lens[64];
    for (size_t i = 0; i < count; i++)
        lens[i] = strlen(names[i]);
    char out[128];
    size_t calls = 0, total = 0;
    double start = now(), elapsed;
    do {
        for (int rep = 0; rep < 1000; rep++)
            for (size_t i = 0; i < count; i++)
                total += fn(names[i], lens[i], out, sizeof out);
        calls += 1000 * count;
        elapsed = now() - start;
    } while (elapsed < seconds);
    sink = total;
    return (double)calls / elapsed;
}

int main(void)
{
    static const struct {
        const char *name;
        keyfn fn;
    } keys[] = {{"fold", do_fold}, {"skeleton", do_skeleton}, {"family", do_family}};
    static const struct {
        const char *name;
        const char *const *names;
        size_t count;
    } sets[] = {
        {"ascii", ascii_names, sizeof ascii_names / sizeof ascii_names[0]},
        {"mixed", mixed_names, sizeof mixed_names / sizeof mixed_names[0]},
        {"non-ascii", unicode_names, sizeof unicode_names / sizeof unicode_names[0]},
    };
    printf("normalizations per second, one core (%zu ASCII names; %zu mixed names, "
           "13 of them non-ASCII)\n",
           sets[0].count, sets[1].count);
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++)
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            printf("%-9s %-9s %12.0f /s\n", sets[s].name, keys[k].name,
                   rate(keys[k].fn, sets[s].names, sets[s].count, 0.5));
    /* the difference of two surfaces, as the checks ask for it */
    size_t pairs = 0;
    double start = now(), elapsed;
    do {
        for (int rep = 0; rep < 1000; rep++) {
            fl_difference d;
            fl_compare_surfaces("H2O", 3, "H20", 3, &d);
            fl_compare_surfaces("Nvidia", 6, "NVIDIA", 6, &d);
            pairs += 2;
        }
        elapsed = now() - start;
    } while (elapsed < 0.5);
    printf("%-9s %-9s %12.0f /s\n", "ascii", "compare", (double)pairs / elapsed);
    return 0;
}

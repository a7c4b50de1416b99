/* bytes8.h - eight bytes at a time: loads and per-byte tests on a
 * uint64_t (internal; shared by the segmenter, the mention extractors and
 * the checks). */
#ifndef FL_BYTES8_H
#define FL_BYTES8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FL_BYTES_01 0x0101010101010101ull
#define FL_BYTES_7F 0x7f7f7f7f7f7f7f7full
#define FL_BYTES_80 0x8080808080808080ull

/* p[0..8) as a little-endian number: byte k of the text is bits 8k..8k+7
 * on every host, so masks of the low bytes and count-trailing-zeros find
 * the first bytes. */
static inline uint64_t fl_load8(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* p[0..4) as a little-endian number, as fl_load8. */
static inline uint32_t fl_load4(const void *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

/* p[0..8) as a big-endian number: numbers compare as the bytes do. */
static inline uint64_t fl_load8_be(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* Stores v at p[0..8) little-endian: the inverse of fl_load8, so bytes
 * worked on in a loaded number go back in text order on every host. */
static inline void fl_store8(void *p, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    memcpy(p, &v, 8);
}

/* Whether a[0..len) and b[0..len) hold the same bytes: short strings (the
 * keys and names most callers compare) by overlapping loads, with no call. */
static inline int fl_bytes_eq(const void *a, const void *b, size_t len)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    if (len > 16)
        return memcmp(x, y, len) == 0;
    if (len >= 8)
        return fl_load8(x) == fl_load8(y) && fl_load8(x + len - 8) == fl_load8(y + len - 8);
    if (len >= 4)
        return fl_load4(x) == fl_load4(y) && fl_load4(x + len - 4) == fl_load4(y + len - 4);
    return len == 0 || (x[0] == y[0] && x[len / 2] == y[len / 2] && x[len - 1] == y[len - 1]);
}

/* The low n bytes (n < 8) of a little-endian load. */
static inline uint64_t fl_low_bytes(size_t n)
{
    return ((uint64_t)1 << (8 * n)) - 1;
}

/* Eight bytes from p as fl_load8 reads them, with those at or past `end`
 * zero (none of them is read). */
static inline uint64_t fl_load8_before(const void *p, const void *end)
{
    const unsigned char *b = p;
    if ((const unsigned char *)end - b >= 8)
        return fl_load8(b);
    unsigned char tail[8] = {0};
    memcpy(tail, b, (size_t)((const unsigned char *)end - b));
    return fl_load8(tail);
}

/* Bit 7 of each byte of v (every byte below 0x80) that lies in [lo, hi];
 * each byte is lifted by 0x80 - lo, so no carry crosses bytes. */
#define FL_BYTES_IN(v, lo, hi)                                                                     \
    (((v) + (0x80 - (lo)) * FL_BYTES_01) & ~((v) + (0x7f - (hi)) * FL_BYTES_01) & FL_BYTES_80)

#endif

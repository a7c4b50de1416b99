/* source.c - a document's bytes: UTF-8 validation and the line index. */
#include "internal.h"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#if defined(__SSE2__) && !defined(FL_NO_SIMD)
#include <emmintrin.h>
/* scan_source in 32-byte loads where the CPU has AVX2 (asked at run time);
 * FL_NO_AVX2 keeps the SSE2 steps (make valgrind tests them so) */
#if !defined(FL_NO_AVX2) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define FL_SCAN_AVX2 1
#endif
#endif

enum { FL_LINES_INLINE = 64 };

struct fl_source {
    char *name;  /* in the source's own allocation, after it */
    char *bytes; /* len + 1 bytes, NUL-terminated */
    size_t len;
    size_t *line_starts; /* line_count entries */
    size_t line_count;
    /* a file read whole (fl_source_read_file) has its bytes after the
     * name, in the same allocation; most texts have their line starts in
     * `first_lines`: one allocation for a small file, not three */
    bool bytes_inside;
    size_t room; /* bytes in the allocation, from the struct on */
    size_t first_lines[FL_LINES_INLINE];
    size_t bom; /* 3 when the text starts with a UTF-8 BOM */
    /* column marks inside long lines, in offset order: a column is counted
     * from the nearest mark, not from the line start, so positions on a
     * 100 MB line cost at most FL_COLUMN_STEP bytes of counting each */
    struct fl_column_mark *marks;
    size_t mark_count;
};

enum { FL_COLUMN_STEP = 4096 };

/* At `off` (a character start), `chars` code points and `units` UTF-16
 * units lie between the line's first column and `off`. */
typedef struct fl_column_mark {
    size_t off, chars, units;
} fl_column_mark;

int fl_utf8_valid(const char *bytes, size_t len, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            /* ASCII runs eight bytes at a time */
            uint64_t w;
            while (i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ull) == 0))
                i += 8;
            while (i < len && s[i] < 0x80)
                i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0) {
            if (bad_offset)
                *bad_offset = i;
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

/* Line starts after LF, after CR not followed by LF, and after CRLF. */
static fl_status build_line_index(fl_source *src)
{
    size_t cap = 64, count = 0;
    size_t *starts = malloc(cap * sizeof *starts);
    if (!starts)
        return FL_ENOMEM;
    starts[count++] = 0;
    const char *p = src->bytes, *end = src->bytes + src->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *cr = memchr(p, '\r', (size_t)((nl ? nl : end) - p));
        const char *brk = cr ? cr : nl;
        if (!brk)
            break;
        p = brk + 1;
        if (brk == cr && p < end && *p == '\n')
            p++;
        if (count == cap) {
            size_t *grown = realloc(starts, cap * 2 * sizeof *starts);
            if (!grown) {
                free(starts);
                return FL_ENOMEM;
            }
            starts = grown;
            cap *= 2;
        }
        starts[count++] = (size_t)(p - src->bytes);
    }
    src->line_starts = starts;
    src->line_count = count;
    return FL_OK;
}

#if defined(__SSE2__) && !defined(FL_NO_SIMD)
/* The line starts being collected by scan_source. */
typedef struct line_list {
    size_t *v, cap, count;
    size_t *first;  /* the source's first_lines, where v starts */
    size_t longest; /* the most bytes between two starts so far */
} line_list;

/* Appends line start `at`; false when out of memory. */
static bool push_line(line_list *x, size_t at)
{
    if (x->count == x->cap) {
        size_t *grown = x->v == x->first ? malloc(x->cap * 2 * sizeof *x->v)
                                         : realloc(x->v, x->cap * 2 * sizeof *x->v);
        if (!grown)
            return false;
        if (x->v == x->first)
            memcpy(grown, x->v, x->count * sizeof *x->v);
        x->v = grown;
        x->cap *= 2;
    }
    if (at - x->v[x->count - 1] > x->longest)
        x->longest = at - x->v[x->count - 1];
    x->v[x->count++] = at;
    return true;
}

/* scan_source's work on the bytes at base + the set bits of m (bytes below
 * 14 or past ASCII): line breaks are noted, UTF-8 sequences checked and
 * passed. *next: bytes below it are taken (the rest of a sequence, or the
 * LF of a CRLF). FL_EUTF8 at a NUL or bad UTF-8. */
static fl_status scan_marks(const unsigned char *s, size_t len, size_t base, uint64_t m,
                            size_t *next, line_list *lines)
{
    while (m) {
        size_t k = base + (unsigned)__builtin_ctzll(m);
        m &= m - 1;
        if (k < *next)
            continue;
        unsigned char c = s[k];
        if (c == '\n' || c == '\r') {
            size_t at = k + 1;
            if (c == '\r' && at < len && s[at] == '\n')
                at++;
            *next = at;
            if (!push_line(lines, at))
                return FL_ENOMEM;
        } else if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = utf8proc_iterate(s + k, (utf8proc_ssize_t)(len - k), &cp);
            if (n < 0)
                return FL_EUTF8;
            *next = k + (size_t)n;
        } else if (c == 0) {
            return FL_EUTF8;
        }
    }
    return FL_OK;
}

#ifdef FL_SCAN_AVX2
/* One 64-byte step of scan_avx2 at base b, its bytes in lo and hi. A block
 * whose marks are all LFs (most of prose's blocks with a mark), with
 * nothing of an earlier mark inside it, has its line starts noted here,
 * the first against the longest line (the others are less than 64 bytes
 * apart), at some 8 instructions a line instead of scan_marks' 50. */
__attribute__((target("avx2,popcnt"), always_inline)) static inline fl_status
scan_block_avx2(const unsigned char *s, size_t len, size_t b, __m256i lo, __m256i hi, size_t *next,
                line_list *lines)
{
    const __m256i lim = _mm256_set1_epi8(14); /* signed: bytes 0..13 and 0x80.. */
    const __m256i lf = _mm256_set1_epi8('\n');
    __m256i x = _mm256_cmpgt_epi8(lim, lo), y = _mm256_cmpgt_epi8(lim, hi);
    if (!_mm256_movemask_epi8(_mm256_or_si256(x, y)))
        return FL_OK;
    uint64_t m = (uint64_t)(uint32_t)_mm256_movemask_epi8(x) |
                 (uint64_t)(uint32_t)_mm256_movemask_epi8(y) << 32;
    uint64_t lfs = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, lf)) |
                   (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, lf)) << 32;
    if (m == lfs && *next <= b && lines->cap - lines->count >= (size_t)__builtin_popcountll(m)) {
        size_t *v = lines->v, count = lines->count;
        size_t at = b + (unsigned)__builtin_ctzll(m) + 1;
        if (at - v[count - 1] > lines->longest)
            lines->longest = at - v[count - 1];
        do {
            v[count++] = b + (unsigned)__builtin_ctzll(m) + 1;
            m &= m - 1;
        } while (m);
        lines->count = count;
        return FL_OK;
    }
    return scan_marks(s, len, b, m, next, lines);
}

/* scan_source's 64-byte steps from *base in two AVX2 loads (half the
 * instructions of four SSE2 ones), the last (partial) block read from a
 * copy padded with spaces (no marks); *base: where they stopped (len
 * unless they failed). */
__attribute__((target("avx2,popcnt"))) static fl_status
scan_avx2(const unsigned char *s, size_t len, size_t *base, size_t *next, line_list *lines)
{
    fl_status st = FL_OK;
    size_t b = *base;
    for (; len - b >= 64; b += 64) {
        __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)(s + b));
        __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(s + b + 32));
        st = scan_block_avx2(s, len, b, lo, hi, next, lines);
        if (st != FL_OK) {
            *base = b;
            return st;
        }
    }
    if (b < len) {
        unsigned char pad[64];
        memset(pad, ' ', sizeof pad);
        memcpy(pad, s + b, len - b);
        __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)pad);
        __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(pad + 32));
        st = scan_block_avx2(s, len, b, lo, hi, next, lines);
        if (st == FL_OK)
            b = len;
    }
    *base = b;
    return st;
}
#endif

/* build_line_index, the NUL search and fl_utf8_valid in one pass over
 * 32 bytes at a time: a block of ASCII text above CR (most) costs one
 * test. Builds the line index and returns FL_OK for text with no NUL and
 * valid UTF-8; for other text returns FL_EUTF8 with no index (the caller
 * takes the slow passes, which find and report the first fault in their
 * order), FL_ENOMEM when out of memory. *long_lines: whether a line is
 * longer than FL_COLUMN_STEP bytes (else no column marks are needed). */
static fl_status scan_source(fl_source *src, bool *long_lines)
{
    line_list lines = {.v = src->first_lines, .cap = FL_LINES_INLINE, .first = src->first_lines};
    lines.v[lines.count++] = 0;
    const unsigned char *s = (const unsigned char *)src->bytes;
    size_t len = src->len, next = 0, base = 0;
    const __m128i lim = _mm_set1_epi8(14); /* signed: bytes 0..13 and 0x80.. */
    fl_status st = FL_OK;
#define FL_MARKS16(at)                                                                             \
    _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + (at))), lim)
    /* 64 bytes a step: in prose few blocks hold a mark (one in seven of
     * news' 64-byte blocks), so the test of a block is most of the cost */
#ifdef FL_SCAN_AVX2
    if (__builtin_cpu_supports("avx2"))
        st = scan_avx2(s, len, &base, &next, &lines);
#endif
    for (; st == FL_OK && len - base >= 64; base += 64) {
        __m128i a = FL_MARKS16(base), b = FL_MARKS16(base + 16);
        __m128i c = FL_MARKS16(base + 32), d = FL_MARKS16(base + 48);
        if (!_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))))
            continue;
        uint64_t m = (uint64_t)(unsigned)_mm_movemask_epi8(a) |
                     (uint64_t)(unsigned)_mm_movemask_epi8(b) << 16 |
                     (uint64_t)(unsigned)_mm_movemask_epi8(c) << 32 |
                     (uint64_t)(unsigned)_mm_movemask_epi8(d) << 48;
        st = scan_marks(s, len, base, m, &next, &lines);
        if (st != FL_OK)
            break;
    }
    if (st == FL_OK && len - base >= 32) {
        __m128i a = FL_MARKS16(base), b = FL_MARKS16(base + 16);
        unsigned m = (unsigned)_mm_movemask_epi8(a) | (unsigned)_mm_movemask_epi8(b) << 16;
        st = scan_marks(s, len, base, m, &next, &lines);
        base += 32;
    }
#undef FL_MARKS16
    for (; st == FL_OK && base < len; base += 16) {
        unsigned char tail[16] = {0};
        size_t n = len - base < 16 ? len - base : 16;
        memcpy(tail, s + base, n);
        __m128i a = _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(const void *)tail), lim);
        unsigned m = (unsigned)_mm_movemask_epi8(a) & ((1u << n) - 1);
        st = scan_marks(s, len, base, m, &next, &lines);
    }
    if (st != FL_OK) {
        if (lines.v != lines.first)
            free(lines.v);
        return st;
    }
    src->line_starts = lines.v;
    src->line_count = lines.count;
    *long_lines = lines.longest > FL_COLUMN_STEP || len - lines.v[lines.count - 1] > FL_COLUMN_STEP;
    return FL_OK;
}
#endif

static size_t line_start_for_columns(const fl_source *src, size_t line);

/* Marks every FL_COLUMN_STEP bytes inside lines longer than that. */
static fl_status build_column_marks(fl_source *src)
{
    size_t cap = 0, count = 0;
    fl_column_mark *marks = NULL;
    for (size_t l = 0; l < src->line_count; l++) {
        size_t start = line_start_for_columns(src, l);
        size_t end = l + 1 < src->line_count ? src->line_starts[l + 1] : src->len;
        if (end <= start || end - start <= FL_COLUMN_STEP)
            continue;
        size_t chars = 0, units = 0, next = start + FL_COLUMN_STEP;
        for (size_t i = start; i < end; i++) {
            unsigned char c = (unsigned char)src->bytes[i];
            if ((c & 0xC0) == 0x80)
                continue;
            if (i >= next) {
                if (count == cap) {
                    size_t ncap = cap ? cap * 2 : 64;
                    fl_column_mark *grown = realloc(marks, ncap * sizeof *marks);
                    if (!grown) {
                        free(marks);
                        return FL_ENOMEM;
                    }
                    marks = grown;
                    cap = ncap;
                }
                marks[count++] = (fl_column_mark){i, chars, units};
                next = i + FL_COLUMN_STEP;
            }
            chars++;
            units += c >= 0xF0 ? 2 : 1;
        }
    }
    src->marks = marks;
    src->mark_count = count;
    return FL_OK;
}

static void set_error(fl_error *err, fl_status status, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void set_error(fl_error *err, fl_status status, size_t offset, const char *fmt, ...)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->status = status;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    // clang-tidy 14 forgets va_start/va_copy after the first file of a run
    // NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): ap is started above
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* Frees what a source holds outside its own allocation. */
static void source_clear(fl_source *src)
{
    if (!src->bytes_inside)
        free(src->bytes);
    if (src->line_starts != src->first_lines)
        free(src->line_starts);
    free(src->marks);
}

/* A source named `name` (copied right after it), with room for `cap` bytes
 * after the name when cap > 0 (then src->bytes points there): `spare`
 * (taken; NULL for none) when its allocation is large enough, else a new
 * one. NULL when out of memory. */
static fl_source *source_alloc(const char *name, size_t cap, fl_source *spare)
{
    if (!name)
        name = "";
    size_t name_len = strlen(name);
    if (name_len >= SIZE_MAX / 2 || cap >= SIZE_MAX / 2) {
        fl_source_free(spare);
        return NULL;
    }
    size_t room = sizeof(fl_source) + name_len + 1 + cap;
    fl_source *src = spare;
    if (spare && spare->room >= room) {
        source_clear(spare);
    } else {
        fl_source_free(spare);
        src = malloc(room);
        if (!src)
            return NULL;
        src->room = room;
    }
    src->name = (char *)(src + 1);
    memcpy(src->name, name, name_len + 1);
    src->bytes = cap ? src->name + name_len + 1 : NULL;
    src->bytes_inside = cap > 0;
    return src;
}

/* fl_source_new on src (from source_alloc) and buf[0..len), with room for
 * one byte more: buf is src->bytes, or malloc'd and taken by the source.
 * Frees both when it fails. */
static fl_status source_take(fl_source *src, char *buf, size_t len, fl_source **out, fl_error *err)
{
    *out = NULL;
    bool inside = buf == src->bytes && src->bytes_inside;
    /* all but the name and the first_lines' contents */
    src->bytes = buf;
    src->line_starts = NULL;
    src->line_count = 0;
    src->bom = 0;
    src->marks = NULL;
    src->mark_count = 0;
    src->bytes_inside = inside;
    src->bytes[len] = '\0';
    src->len = len;
    if (len >= 3 && memcmp(src->bytes, "\xEF\xBB\xBF", 3) == 0)
        src->bom = 3;
#if defined(__SSE2__) && !defined(FL_NO_SIMD)
    /* most text: one pass, and nothing left to check */
    bool long_lines = false;
    fl_status st = scan_source(src, &long_lines);
    if (st == FL_OK && long_lines)
        st = build_column_marks(src);
    if (st == FL_OK) {
        *out = src;
        return FL_OK;
    }
    if (st == FL_EUTF8) /* a NUL or bad UTF-8: find which, as below */
        st = build_line_index(src);
#else
    fl_status st = build_line_index(src);
#endif
    if (st == FL_OK)
        st = build_column_marks(src);
    if (st != FL_OK) {
        fl_source_free(src);
        set_error(err, st, 0, "out of memory");
        return st;
    }
    const char *nul = memchr(src->bytes, '\0', len);
    if (nul) {
        size_t off = (size_t)(nul - src->bytes);
        set_error(err, FL_EBINARY, off, "binary file (NUL byte at offset %zu), skipped", off);
        if (err)
            fl_source_position(src, off, &err->line, &err->column);
        fl_source_free(src);
        return FL_EBINARY;
    }
    size_t bad;
    if (!fl_utf8_valid(src->bytes, len, &bad)) {
        set_error(err, FL_EUTF8, bad, "invalid UTF-8 (byte 0x%02X at offset %zu)",
                  (unsigned char)src->bytes[bad], bad);
        if (err)
            fl_source_position(src, bad, &err->line, &err->column);
        fl_source_free(src);
        return FL_EUTF8;
    }
    *out = src;
    return FL_OK;
}

fl_status fl_source_new(const char *name, const char *bytes, size_t len, fl_source **out,
                        fl_error *err)
{
    *out = NULL;
    fl_source *src = len < SIZE_MAX / 2 ? source_alloc(name, len + 1, NULL) : NULL;
    if (!src) {
        set_error(err, FL_ENOMEM, 0, "out of memory");
        return FL_ENOMEM;
    }
    if (len)
        memcpy(src->bytes, bytes, len);
    return source_take(src, src->bytes, len, out, err);
}

/* fl_source_read_file's buffer `buf` of len bytes, grown to cap bytes:
 * realloc'd, or copied out of the source's own allocation. */
static char *buffer_grow(fl_source *src, char *buf, size_t len, size_t cap)
{
    if (buf != src->bytes || !src->bytes_inside)
        return realloc(buf, cap);
    char *grown = malloc(cap);
    if (grown && len)
        memcpy(grown, buf, len);
    return grown;
}

/* Frees a source that source_take has not seen, and buf. */
static void buffer_drop(fl_source *src, char *buf)
{
    if (buf != src->bytes || !src->bytes_inside)
        free(buf);
    free(src);
}

fl_status fl_source_read_file(const char *path, const char *name, size_t max_size, fl_source **out,
                              fl_error *err)
{
    return fl_source_read_file_reusing(NULL, path, name, max_size, out, err);
}

fl_status fl_source_read_file_reusing(fl_source *spare, const char *path, const char *name,
                                      size_t max_size, fl_source **out, fl_error *err)
{
    return fl_source_read_file_at(spare, AT_FDCWD, path, name ? name : path, max_size, out, err);
}

fl_status fl_source_read_file_at(fl_source *spare, int dir_fd, const char *path, const char *name,
                                 size_t max_size, fl_source **out, fl_error *err)
{
    *out = NULL;
    int fd = openat(dir_fd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        fl_source_free(spare);
        set_error(err, FL_EIO, 0, "cannot open: %s", strerror(e));
        if (err)
            err->sys_errno = e;
        return FL_EIO;
    }
    struct stat st;
    bool stat_failed = fstat(fd, &st) != 0;
    if (stat_failed || S_ISDIR(st.st_mode)) {
        /* (st is unset when fstat failed: its errno, not a guess from st) */
        int e = stat_failed ? errno : EISDIR;
        close(fd);
        fl_source_free(spare);
        set_error(err, FL_EIO, 0, "cannot read: %s", strerror(e));
        if (err)
            err->sys_errno = e;
        return FL_EIO;
    }
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    if (max_size && S_ISREG(st.st_mode) && (size_t)st.st_size > max_size) {
        close(fd);
        fl_source_free(spare);
        set_error(err, FL_ETOOBIG, 0, "file too large (%lld bytes; the limit is %zu)",
                  (long long)st.st_size, max_size);
        return FL_ETOOBIG;
    }
    /* the bytes in the source's own allocation (moved out if they grow) */
    fl_source *src = source_alloc(name, cap, spare);
    if (!src) {
        close(fd);
        set_error(err, FL_ENOMEM, 0, "out of memory");
        return FL_ENOMEM;
    }
    char *buf = src->bytes;
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            char *grown = buffer_grow(src, buf, len, cap * 2);
            if (!grown) {
                buffer_drop(src, buf);
                close(fd);
                set_error(err, FL_ENOMEM, 0, "out of memory");
                return FL_ENOMEM;
            }
            buf = grown;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            buffer_drop(src, buf);
            close(fd);
            set_error(err, FL_EIO, 0, "cannot read: %s", strerror(e));
            if (err)
                err->sys_errno = e;
            return FL_EIO;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        /* a regular file read to the size fstat gave, with room left for
         * more (it asked for one byte past it): at its end, so the read
         * that would return 0 is not made (one system call per file) */
        if (S_ISREG(st.st_mode) && len == (size_t)st.st_size && len < cap)
            break;
        if (max_size && len > max_size) {
            buffer_drop(src, buf);
            close(fd);
            set_error(err, FL_ETOOBIG, 0, "file too large (over %zu bytes)", max_size);
            return FL_ETOOBIG;
        }
    }
    close(fd);
    if (len == cap) { /* no room for the NUL source_take adds (a pipe, or a file that grew) */
        char *grown = buffer_grow(src, buf, len, cap + 1);
        if (!grown) {
            buffer_drop(src, buf);
            set_error(err, FL_ENOMEM, 0, "out of memory");
            return FL_ENOMEM;
        }
        buf = grown;
    }
    return source_take(src, buf, len, out, err);
}

void fl_source_free(fl_source *src)
{
    if (!src)
        return;
    source_clear(src);
    free(src);
}

const char *fl_source_name(const fl_source *src)
{
    return src->name;
}

const char *fl_source_bytes(const fl_source *src)
{
    return src->bytes;
}

size_t fl_source_length(const fl_source *src)
{
    return src->len;
}

size_t fl_source_line_count(const fl_source *src)
{
    return src->line_count;
}

/* The index of the line holding `offset` (binary search). */
static size_t line_of(const fl_source *src, size_t offset)
{
    size_t lo = 0, hi = src->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static size_t line_start_for_columns(const fl_source *src, size_t line)
{
    size_t start = src->line_starts[line];
    return line == 0 ? start + src->bom : start;
}

/* Counts the code points and UTF-16 units from the start of line `l`'s
 * columns to `offset`, starting at the nearest column mark. */
static void count_columns(const fl_source *src, size_t l, size_t offset, size_t *chars,
                          size_t *units)
{
    size_t start = line_start_for_columns(src, l);
    size_t from = start, c = 0, u = 0;
    if (offset > start && offset - start > FL_COLUMN_STEP && src->mark_count) {
        /* the last mark at or before offset; marks of this line lie after start */
        size_t lo = 0, hi = src->mark_count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (src->marks[mid].off <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0 && src->marks[lo - 1].off > start) {
            from = src->marks[lo - 1].off;
            c = src->marks[lo - 1].chars;
            u = src->marks[lo - 1].units;
        }
    }
    size_t i = from;
    /* eight bytes a step: a code point per byte that is no continuation
     * (10xxxxxx), and a second UTF-16 unit per four-byte lead (1111xxxx);
     * bit 7 of each byte of the masks tells, and a multiply sums them */
    const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
    for (; i < offset && offset - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, src->bytes + i, 8);
        if (!(w & high)) {
            c += 8;
            u += 8;
            continue;
        }
        uint64_t cont = w & ~(w << 1) & high;
        uint64_t four = w & (w << 1) & (w << 2) & (w << 3) & high;
        size_t n = 8 - (size_t)(((cont >> 7) * ones) >> 56);
        c += n;
        u += n + (size_t)(((four >> 7) * ones) >> 56);
    }
    for (; i < offset; i++) {
        unsigned char b = (unsigned char)src->bytes[i];
        if ((b & 0xC0) != 0x80) {
            c++;
            u += b >= 0xF0 ? 2 : 1;
        }
    }
    *chars = c;
    *units = u;
}

void fl_source_position(const fl_source *src, size_t offset, size_t *line, size_t *column)
{
    if (offset > src->len)
        offset = src->len;
    size_t l = line_of(src, offset), chars, units;
    count_columns(src, l, offset, &chars, &units);
    *line = l + 1;
    *column = chars + 1;
}

size_t fl_source_utf16_column(const fl_source *src, size_t offset)
{
    if (offset > src->len)
        offset = src->len;
    size_t chars, units;
    count_columns(src, line_of(src, offset), offset, &chars, &units);
    return units + 1;
}

size_t fl_source_line_offset(const fl_source *src, size_t line)
{
    if (line == 0)
        return 0;
    if (line > src->line_count)
        return src->len;
    return src->line_starts[line - 1];
}

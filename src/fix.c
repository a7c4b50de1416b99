/* fix.c - --fix and --diff: applying unambiguous respellings, writing a
 * file atomically without losing a concurrent edit, and unified diffs. */
#include "fix.h"

#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ----------------------------------------------------------- the edits */

int fl_fix_rule_fixable(const char *rule)
{
    return strcmp(rule, "name-variant") == 0 || strcmp(rule, "name-casing") == 0 ||
           strcmp(rule, "name-spelling") == 0;
}

/* A replacement could be markup in Markdown or HTML, or could join lines:
 * such an edit is never "unambiguous". */
static int safe_text(const char *s)
{
    return s[strcspn(s, "<>&`*_[]\\\r\n")] == '\0';
}

typedef struct edit {
    size_t off, len;
    const char *text;
    int bad; /* overlaps an edit with another replacement */
} edit;

static int edit_order(const void *pa, const void *pb)
{
    const edit *a = pa, *b = pb;
    if (a->off != b->off)
        return a->off < b->off ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return strcmp(a->text, b->text);
}

fl_status fl_fix_apply(const fl_source *src, const fl_result *result, char **out, size_t *out_len,
                       size_t *applied)
{
    *out = NULL;
    *out_len = 0;
    if (applied)
        *applied = 0;
    const char *bytes = fl_source_bytes(src);
    size_t len = fl_source_length(src);
    size_t n = result ? fl_result_count(result) : 0;
    edit *edits = n ? malloc(n * sizeof *edits) : NULL;
    if (n && !edits)
        return FL_ENOMEM;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        const fl_finding *f = fl_result_get(result, i);
        if (!fl_fix_rule_fixable(f->rule) || !f->suggestion || !*f->suggestion || !f->length ||
            f->offset + f->length > len || !f->text)
            continue;
        if (strlen(f->text) != f->length || memcmp(bytes + f->offset, f->text, f->length) != 0)
            continue;
        if (strcmp(f->suggestion, f->text) == 0 || !safe_text(f->text) || !safe_text(f->suggestion))
            continue;
        edits[count++] = (edit){f->offset, f->length, f->suggestion, 0};
    }
    if (count > 1)
        qsort(edits, count, sizeof *edits, edit_order);
    /* drop exact duplicates (two rules suggesting the same thing) */
    size_t uniq = 0;
    for (size_t i = 0; i < count; i++) {
        if (uniq && edits[uniq - 1].off == edits[i].off && edits[uniq - 1].len == edits[i].len &&
            strcmp(edits[uniq - 1].text, edits[i].text) == 0)
            continue;
        edits[uniq++] = edits[i];
    }
    /* overlapping edits disagree about the text: apply neither; edits are
     * sorted by offset, so one pass with the furthest end seen suffices */
    size_t reach = 0, reach_idx = 0;
    for (size_t i = 0; i < uniq; i++) {
        if (i && edits[i].off < reach) {
            edits[i].bad = 1;
            edits[reach_idx].bad = 1;
        }
        if (edits[i].off + edits[i].len > reach) {
            reach = edits[i].off + edits[i].len;
            reach_idx = i;
        }
    }
    size_t size = len + 1, done = 0;
    for (size_t i = 0; i < uniq; i++)
        if (!edits[i].bad)
            size += strlen(edits[i].text);
    char *buf = malloc(size);
    if (!buf) {
        free(edits);
        return FL_ENOMEM;
    }
    size_t w = 0, r = 0;
    for (size_t i = 0; i < uniq; i++) {
        if (edits[i].bad)
            continue;
        memcpy(buf + w, bytes + r, edits[i].off - r);
        w += edits[i].off - r;
        size_t t = strlen(edits[i].text);
        memcpy(buf + w, edits[i].text, t);
        w += t;
        r = edits[i].off + edits[i].len;
        done++;
    }
    memcpy(buf + w, bytes + r, len - r);
    w += len - r;
    buf[w] = '\0';
    free(edits);
    *out = buf;
    *out_len = w;
    if (applied)
        *applied = done;
    return FL_OK;
}

/* ------------------------------------------------------------- writing */

static void set_err(fl_error *err, fl_status st, int sys, const char *fmt, const char *a,
                    const char *b)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->status = st;
    err->sys_errno = sys;
    snprintf(err->message, sizeof err->message, fmt, a, b);
}

fl_status fl_file_stamp_get(const char *path, const char *bytes, size_t len, fl_file_stamp *out,
                            fl_error *err)
{
    struct stat st;
    memset(out, 0, sizeof *out);
    if (stat(path, &st) != 0) {
        int e = errno;
        set_err(err, FL_EIO, e, "cannot stat %s: %s", path, strerror(e));
        return FL_EIO;
    }
    out->size = len;
    out->mtime_sec = (int64_t)st.st_mtim.tv_sec;
    out->mtime_nsec = st.st_mtim.tv_nsec;
    out->hash = fl_hash64(bytes, len, 0);
    return FL_OK;
}

/* Checks that the open file `fd` still matches `stamp`; 0 when it does,
 * ESTALE when it changed, another errno when it cannot be read. */
static int stamp_matches(int fd, const fl_file_stamp *stamp)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return errno;
    if ((uint64_t)st.st_size != stamp->size || (int64_t)st.st_mtim.tv_sec != stamp->mtime_sec ||
        st.st_mtim.tv_nsec != stamp->mtime_nsec)
        return ESTALE;
    uint64_t h = 1469598103934665603ull; /* FNV-1a, as fl_hash64 with seed 0 */
    char buf[65536];
    uint64_t total = 0;
    if (lseek(fd, 0, SEEK_SET) < 0)
        return errno;
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (got == 0)
            break;
        for (ssize_t i = 0; i < got; i++) {
            h ^= (unsigned char)buf[i];
            h *= 1099511628211ull;
        }
        total += (uint64_t)got;
    }
    return total == stamp->size && h == stamp->hash ? 0 : ESTALE;
}

static int write_all(int fd, const char *bytes, size_t len)
{
    while (len) {
        ssize_t w = write(fd, bytes, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        bytes += w;
        len -= (size_t)w;
    }
    return 0;
}

fl_status fl_write_atomic(const char *path, const fl_file_stamp *stamp, const char *bytes,
                          size_t len, fl_error *err)
{
    /* follow a symbolic link, so the link stays and its target changes */
    char target[PATH_MAX];
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists) {
        if (!realpath(path, target)) {
            int e = errno;
            set_err(err, FL_EIO, e, "%s: %s", path, strerror(e));
            return FL_EIO;
        }
        if (!S_ISREG(st.st_mode)) {
            set_err(err, FL_EIO, EINVAL, "%s: %s", path, "not a regular file");
            return FL_EIO;
        }
    } else if (stamp || strlen(path) >= sizeof target) {
        int e = stamp ? errno : ENAMETOOLONG;
        set_err(err, FL_EIO, e, "%s: %s", path, strerror(e));
        return FL_EIO;
    } else {
        snprintf(target, sizeof target, "%s", path);
    }
    if (stamp) {
        int fd = open(target, O_RDONLY | O_CLOEXEC);
        int e = fd < 0 ? errno : stamp_matches(fd, stamp);
        if (fd >= 0)
            close(fd);
        if (e) {
            set_err(err, FL_EIO, e, "%s: %s", path,
                    e == ESTALE ? "changed since it was read; not written" : strerror(e));
            return FL_EIO;
        }
    }
    /* the temporary file: ".NAME.factlint-XXXXXX" in the same folder, so
     * rename is atomic */
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target) : 0;
    const char *base = slash ? slash + 1 : target;
    char tmp[PATH_MAX + 32], dir[PATH_MAX];
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(dirlen ? dirlen : 1), target);
    else
        snprintf(dir, sizeof dir, ".");
    if (snprintf(tmp, sizeof tmp, "%s/.%s.factlint-XXXXXX", dir, base) >= (int)sizeof tmp) {
        set_err(err, FL_EIO, ENAMETOOLONG, "%s: %s", path, strerror(ENAMETOOLONG));
        return FL_EIO;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        set_err(err, FL_EIO, e, "%s: cannot create a temporary file: %s", path, strerror(e));
        return FL_EIO;
    }
    mode_t mode = exists ? st.st_mode & 07777 : 0644;
    if (!exists) {
        mode_t mask = umask(0);
        umask(mask);
        mode &= ~mask;
    }
    int e = 0;
    if (write_all(fd, bytes, len) != 0 || fchmod(fd, mode) != 0)
        e = errno;
    if (!e && exists && (st.st_uid != geteuid() || st.st_gid != getegid()))
        (void)!fchown(fd, st.st_uid, st.st_gid); /* keep the owner when permitted */
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && stamp) {
        /* check again as late as possible: an edit made while we wrote wins */
        int rfd = open(target, O_RDONLY | O_CLOEXEC);
        e = rfd < 0 ? errno : stamp_matches(rfd, stamp);
        if (rfd >= 0)
            close(rfd);
    }
    if (!e && rename(tmp, target) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        set_err(err, FL_EIO, e, "%s: %s", path,
                e == ESTALE ? "changed since it was read; not written" : strerror(e));
        return FL_EIO;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd); /* the rename itself reaches the disk */
        close(dfd);
    }
    return FL_OK;
}

fl_status fl_fix_write(const char *path, const fl_file_stamp *stamp, const char *bytes, size_t len,
                       fl_error *err)
{
    if (!stamp) {
        set_err(err, FL_EUSAGE, 0, "%s: %s", path, "no stamp given");
        return FL_EUSAGE;
    }
    return fl_write_atomic(path, stamp, bytes, len, err);
}

/* ---------------------------------------------------------------- diff */

typedef struct line {
    const char *s;
    size_t len; /* with its terminator */
} line;

static line *split_lines(const char *s, size_t len, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    n += 1;
    line *lines = malloc(n * sizeof *lines);
    if (!lines)
        return NULL;
    size_t k = 0, start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') {
            lines[k++] = (line){s + start, i + 1 - start};
            start = i + 1;
        }
    }
    if (start < len)
        lines[k++] = (line){s + start, len - start};
    *count = k;
    return lines;
}

static int same(const line *a, const line *b)
{
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* A run of changed lines: old[o, o+on) became new[n, n+nn). */
typedef struct block {
    size_t o, on, n, nn;
} block;

static void put_line(FILE *out, char mark, const line *l)
{
    fputc(mark, out);
    fwrite(l->s, 1, l->len, out);
    if (!l->len || l->s[l->len - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", out);
}

static void range_header(FILE *out, char sign, size_t start, size_t count)
{
    /* an empty range names the line before it */
    fprintf(out, "%c%zu", sign, count ? start + 1 : start);
    if (count != 1)
        fprintf(out, ",%zu", count);
}

fl_status fl_fix_diff(const char *path, const char *old, size_t old_len, const char *new_text,
                      size_t new_len, FILE *out)
{
    if (old_len == new_len && memcmp(old, new_text, old_len) == 0)
        return FL_OK;
    enum { CONTEXT = 3 };
    size_t on = 0, nn = 0; /* split_lines leaves them unset when it fails */
    line *a = split_lines(old, old_len, &on);
    line *b = split_lines(new_text, new_len, &nn);
    block *blocks = malloc((on + nn + 1) * sizeof *blocks);
    if (!a || !b || !blocks) {
        free(a);
        free(b);
        free(blocks);
        return FL_ENOMEM;
    }
    /* common prefix and suffix; in between, lines pair one to one when the
     * counts agree (a fix never adds or removes a line), otherwise the
     * middle is one replaced block */
    size_t pre = 0;
    while (pre < on && pre < nn && same(&a[pre], &b[pre]))
        pre++;
    size_t suf = 0;
    while (suf < on - pre && suf < nn - pre && same(&a[on - 1 - suf], &b[nn - 1 - suf]))
        suf++;
    size_t nblocks = 0;
    size_t am = on - pre - suf, bm = nn - pre - suf;
    if (am == bm) {
        for (size_t i = 0; i < am; i++) {
            size_t k = pre + i;
            if (same(&a[k], &b[k]))
                continue;
            if (nblocks && blocks[nblocks - 1].o + blocks[nblocks - 1].on == k) {
                blocks[nblocks - 1].on++;
                blocks[nblocks - 1].nn++;
            } else {
                blocks[nblocks++] = (block){k, 1, k, 1};
            }
        }
    } else {
        blocks[nblocks++] = (block){pre, am, pre, bm};
    }
    fprintf(out, "--- %s\n+++ %s\n", path, path);
    size_t i = 0;
    while (i < nblocks) {
        /* blocks closer than two contexts share a hunk */
        size_t j = i;
        while (j + 1 < nblocks &&
               blocks[j + 1].o - (blocks[j].o + blocks[j].on) <= 2 * (size_t)CONTEXT)
            j++;
        size_t ostart = blocks[i].o > CONTEXT ? blocks[i].o - CONTEXT : 0;
        size_t delta = blocks[i].n - blocks[i].o; /* same before the first block */
        size_t oend = blocks[j].o + blocks[j].on + CONTEXT;
        if (oend > on)
            oend = on;
        size_t nstart = ostart + delta;
        size_t nend = oend + (blocks[j].n + blocks[j].nn) - (blocks[j].o + blocks[j].on);
        fputs("@@ ", out);
        range_header(out, '-', ostart, oend - ostart);
        fputc(' ', out);
        range_header(out, '+', nstart, nend - nstart);
        fputs(" @@\n", out);
        size_t o = ostart;
        for (size_t k = i; k <= j; k++) {
            for (; o < blocks[k].o; o++)
                put_line(out, ' ', &a[o]);
            for (size_t x = 0; x < blocks[k].on; x++)
                put_line(out, '-', &a[blocks[k].o + x]);
            for (size_t x = 0; x < blocks[k].nn; x++)
                put_line(out, '+', &b[blocks[k].n + x]);
            o = blocks[k].o + blocks[k].on;
        }
        for (; o < oend; o++)
            put_line(out, ' ', &a[o]);
        i = j + 1;
    }
    free(a);
    free(b);
    free(blocks);
    return ferror(out) ? FL_EIO : FL_OK;
}

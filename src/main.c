/* main.c - the command line: arguments, file walking, threads, exit code.
 * Everything else is in libfactlint. */
#include "factlint.h"
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static const char *const default_exts[] = {".txt", ".md", ".markdown", ".html", ".htm", NULL};

typedef struct job {
    char *path; /* as given or found; "-" for stdin */
    char *name; /* as reported */
    bool is_stdin;
    bool path_shared; /* path lies in one of the list's blocks (walk) */
    /* walk's jobs: where the file's name starts in path (0: opened by its
     * whole path) and their directory's number (1 + its block's index; 0
     * for paths given as such), to open it relative to the directory */
    uint16_t name_at;
    uint32_t dir;
    fl_error err;
    bool failed;
    fl_source *src;
    fl_result *result;
    bool done;
    /* configuration (config.h): the settings for this file, and the
     * checker of its config when that config names lexicons */
    fl_file_settings fs;
    bool has_fs, skip; /* skip: ignored by the config */
    bool fs_shared;    /* fs is a copy of the config_state's, which owns it */
    const fl_checker *checker;
    fl_file_stamp stamp; /* --fix: the file as read */
    char *fixed;         /* --diff: the fixed text */
    size_t fixed_len, fixes;
} job;

typedef struct settings {
    const char *format;
    fl_severity fail_level;
    const char *stdin_filename;
    char **exts;
    size_t max_file_size;
    bool skip_binary;
    fl_input_format input_format;
    long jobs;
    int color;                 /* -1 auto */
    bool fix, diff;            /* --fix, --diff */
    fl_baseline *baseline;     /* --baseline: findings to leave out */
    fl_baseline *new_baseline; /* --write-baseline: findings recorded */
    bool no_progress;          /* --no-progress */
} settings;

typedef struct job_list {
    job *items;
    size_t count, cap;
    int trouble; /* a walking error was met */
    /* the paths walk found, a directory's in one block each: freed with
     * the list, not one by one with their jobs */
    char **blocks;
    size_t block_count;
} job_list;

/* ----------------------------------------------------------------- help */

static void usage(FILE *out)
{
    fprintf(out, "usage: factlint [options] PATH...\n"
                 "       factlint normalize [--format=text|json] STRING...\n"
                 "       factlint mentions [--format=text|json] PATH...\n"
                 "\n"
                 "Checks that each document agrees with itself: names written two ways,\n"
                 "a lone sibling product, amounts, dates, weekdays, ages, titles and acronym\n"
                 "expansions stated two different ways. PATH may be a file, a directory\n"
                 "(walked recursively) or - for standard input.\n"
                 "\n"
                 "options:\n"
                 "  -f, --format=FORMAT      output format: text (default), json, sarif,\n"
                 "                           github, checkstyle, rdjsonl\n"
                 "      --fail-level=LEVEL   exit 1 when a finding is at or above LEVEL:\n"
                 "                           info, warning (default), error, none\n"
                 "      --stdin-filename=NAME  name standard input in reports (and pick its\n"
                 "                           input format by NAME's extension)\n"
                 "      --input-format=FMT   text, markdown, html or auto (default: by\n"
                 "                           extension)\n"
                 "      --ext=LIST           extensions to check in directories, comma-\n"
                 "                           separated (default .txt,.md,.markdown,.html,.htm)\n"
                 "      --lexicon=FILE       add a lexicon file (repeatable)\n"
                 "      --no-default-lexicon do not use the lexicon built into factlint\n"
                 "      --disable=RULE       turn a rule off (repeatable)\n"
                 "      --enable-only=RULE   run only the named rules (repeatable)\n"
                 "      --max-file-size=N    skip files larger than N bytes (default 67108864;\n"
                 "                           suffixes k, M, G)\n"
                 "      --skip-binary        skip files with NUL bytes without an error\n"
                 "      --max-mentions=N     report a document with more than N mentions as\n"
                 "                           an error instead of checking it (default 1000000)\n"
                 "  -j, --jobs=N             check N files at once (default: online CPUs)\n"
                 "      --no-progress        no progress line on a terminal for long runs\n"
                 "      --stdin-jsonl        streaming mode: read one JSON object a line from\n"
                 "                           standard input ({\"id\", \"text\", \"format\"}),\n"
                 "                           write one JSON result line per document\n"
                 "      --color=WHEN         auto (default), always, never; NO_COLOR turns\n"
                 "                           colour off\n"
                 "      --baseline=FILE      report only findings not recorded in FILE\n"
                 "      --write-baseline=FILE  record the current findings in FILE\n"
                 "      --fix                apply unambiguous name fixes (name-variant,\n"
                 "                           name-casing, name-spelling) in place\n"
                 "      --diff               print the fixes as a unified diff; write nothing\n"
                 "      --config=FILE        use FILE instead of the .factlint.ini found from\n"
                 "                           each document's folder up to the repository root\n"
                 "      --print-config=PATH  show the settings that apply to PATH and where\n"
                 "                           each one comes from, then exit\n"
                 "      --list-rules         list rule ids, severities and summaries\n"
                 "      --explain=RULE       explain one rule with examples\n"
                 "  -h, --help               show this help\n"
                 "  -V, --version            show the version\n"
                 "\n"
                 "exit status: 0 no finding at or above the fail level, 1 findings,\n"
                 "2 usage, configuration or input error (other files are still checked).\n");
}

static void die_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "factlint: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'factlint --help'.\n");
    exit(EXIT_TROUBLE);
}

/* ------------------------------------------------------------- walking */

/* Adds a job for `path`, which it takes (malloc'd; freed when out of
 * memory), reported as `name` (copied), or as its path when name is NULL
 * (the job's name is then its path, freed once, as free_job does). */
/* Makes room for `more` jobs in all; -1 when out of memory. */
static int reserve_jobs(job_list *list, size_t more)
{
    if (list->cap - list->count >= more)
        return 0;
    size_t cap = list->cap ? list->cap * 2 : 64;
    if (cap - list->count < more)
        cap = list->count + more;
    job *items = realloc(list->items, cap * sizeof *items);
    if (!items)
        return -1;
    list->items = items;
    list->cap = cap;
    return 0;
}

static int push_job_taking(job_list *list, char *path, const char *name, bool is_stdin)
{
    if (reserve_jobs(list, 1) != 0) {
        free(path);
        return -1;
    }
    char *own_name = name ? strdup(name) : path;
    if (!own_name) {
        free(path);
        return -1;
    }
    list->items[list->count++] = (job){.path = path, .name = own_name, .is_stdin = is_stdin};
    return 0;
}

static int push_job(job_list *list, const char *path, const char *name, bool is_stdin)
{
    char *copy = strdup(path);
    return copy ? push_job_taking(list, copy, name == path ? NULL : name, is_stdin) : -1;
}

static bool has_ext(const char *name, char **exts)
{
    size_t n = strlen(name);
    for (size_t i = 0; exts[i]; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
            return true;
    }
    return false;
}

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

/* Walk keeps a directory's entries in one block, each as a byte (1 when
 * readdir knows it is a regular file: no symbolic link, so it needs no
 * stat) and then its path (the directory, a slash unless it ends in one,
 * the name); they are sorted by their names (all after the same prefix). */
static int name_order(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Frees the list's jobs' storage (not the jobs' own allocations). */
static void free_job_list(job_list *list)
{
    for (size_t i = 0; i < list->block_count; i++)
        free(list->blocks[i]);
    free(list->blocks);
    free(list->items);
}

/* Walks a directory depth-first in name order. `stack` holds the (dev, ino)
 * of the directories on the current path, so a symlink loop is seen. */
static void walk(job_list *list, const char *dir, char **exts, dir_id *stack, size_t depth)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        fprintf(stderr, "%s: error: %s\n", dir, strerror(errno));
        list->trouble = 1;
        return;
    }
    for (size_t i = 0; i < depth; i++) {
        if (stack[i].dev == st.st_dev && stack[i].ino == st.st_ino) {
            fprintf(stderr, "%s: warning: directory loop (symbolic link), not followed\n", dir);
            return;
        }
    }
    if (depth >= 256) {
        fprintf(stderr, "%s: error: directories nested too deep, not followed\n", dir);
        list->trouble = 1;
        return;
    }
    stack[depth].dev = st.st_dev;
    stack[depth].ino = st.st_ino;
    char **blocks = realloc(list->blocks, (list->block_count + 1) * sizeof *blocks);
    if (!blocks) {
        fprintf(stderr, "%s: error: %s\n", dir, strerror(ENOMEM));
        list->trouble = 1;
        return;
    }
    list->blocks = blocks;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: error: %s\n", dir, strerror(errno));
        list->trouble = 1;
        return;
    }
    size_t dir_len = strlen(dir);
    size_t prefix = dir_len + (dir_len && dir[dir_len - 1] == '/' ? 0 : 1);
    /* the entries' offsets in the block while it grows */
    size_t *offs = NULL, count = 0, cap = 0;
    size_t used = 0, room = 4096;
    char *block = malloc(room);
    if (!block) {
        closedir(d);
        fprintf(stderr, "%s: error: %s\n", dir, strerror(ENOMEM));
        list->trouble = 1;
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .. and hidden files and folders (.git) */
        size_t n = strlen(e->d_name);
        size_t need = 1 + prefix + n + 1;
        if (count == cap || room - used < need) {
            /* out of memory: the entries so far are walked, the rest
             * reported as not read */
            size_t ncap = count == cap ? (cap ? cap * 2 : 32) : cap;
            size_t *grown = ncap == cap ? offs : realloc(offs, ncap * sizeof *grown);
            if (grown) {
                offs = grown;
                cap = ncap;
            }
            size_t nroom = room;
            while (nroom - used < need)
                nroom *= 2;
            char *bigger = nroom == room ? block : realloc(block, nroom);
            if (bigger) {
                block = bigger;
                room = nroom;
            }
            if (!grown || !bigger) {
                fprintf(stderr, "%s: error: %s (some entries not read)\n", dir, strerror(ENOMEM));
                list->trouble = 1;
                break;
            }
        }
        char *entry = block + used;
#ifdef _DIRENT_HAVE_D_TYPE
        entry[0] = e->d_type == DT_REG;
#else
        entry[0] = 0;
#endif
        // NOLINTNEXTLINE(bugprone-not-null-terminated-result): the name and its NUL follow
        memcpy(entry + 1, dir, dir_len);
        if (prefix > dir_len)
            entry[1 + dir_len] = '/';
        memcpy(entry + 1 + prefix, e->d_name, n + 1);
        offs[count++] = used;
        used += need;
    }
    closedir(d);
    list->blocks[list->block_count++] = block;
    /* the names, sorted (the block no longer moves) */
    char **names = malloc((count ? count : 1) * sizeof *names);
    if (!names) {
        free(offs);
        fprintf(stderr, "%s: error: %s\n", dir, strerror(ENOMEM));
        list->trouble = 1;
        return;
    }
    for (size_t i = 0; i < count; i++)
        names[i] = block + offs[i] + 1 + prefix;
    free(offs);
    if (count > 1)
        qsort(names, count, sizeof *names, name_order);
    /* room for every entry's job: no growing (and copying) one by one */
    reserve_jobs(list, count);
    /* the directory's files open relative to it (check_job), when its
     * path fits the buffer it is copied to and it has a number */
    uint32_t dir_no = list->block_count <= UINT32_MAX ? (uint32_t)list->block_count : 0;
    uint16_t name_at = prefix < PATH_MAX && dir_no ? (uint16_t)prefix : 0;
    for (size_t i = 0; i < count; i++) {
        const char *name = names[i];
        char *path = names[i] - prefix;
        bool regular = path[-1] != 0;
        /* a regular file is no directory: no stat needed (a symbolic
         * link or an entry of unknown type is looked at) */
        if (!regular && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(list, path, exts, stack, depth + 1);
        } else if (has_ext(name, exts) && reserve_jobs(list, 1) == 0) {
            /* a broken link reports itself */
            list->items[list->count++] = (job){
                .path = path, .name = path, .path_shared = true, .name_at = name_at, .dir = dir_no};
        }
    }
    free(names);
}

/* --------------------------------------------------------------- checking */

typedef struct progress {
    bool on;
    size_t total, done, bytes;
    struct timespec start, last;
} progress;

/* How many spent sources and results a run keeps for reuse, the longest
 * source kept, and the longest text whose result is kept (its memory is
 * some 24 times the text). */
enum { FL_SPARES = 8, FL_SPARE_SOURCE_MAX = 1024 * 1024, FL_SPARE_RESULT_TEXT = 64 * 1024 };

typedef struct pool {
    job_list *jobs;
    const fl_checker *checker;
    const settings *set;
    fl_report *report;
    progress *prog;
    int status;      /* the exit status so far (written by the reporter) */
    size_t next;     /* the next job a thread takes */
    size_t reported; /* jobs reported and freed so far */
    size_t window;   /* how far checking may run ahead of the report */
    bool reporting;  /* a thread is reporting finished jobs */
    bool alone;      /* one thread (-j1): nothing to lock against */
    size_t waiting;  /* threads waiting for room in the window */
    pthread_mutex_t lock;
    pthread_cond_t space_cond;
    /* sources and results reported and done with, for the next files to
     * be read into (fl_source_read_file_reusing) and checked in
     * (fl_check_reusing): no allocation and free of each per file */
    fl_source *spares[FL_SPARES];
    size_t spare_count;
    fl_result *spare_results[FL_SPARES];
    size_t spare_result_count;
} pool;

static int read_stdin(char **buf, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    if (!b)
        return -1;
    for (;;) {
        if (n == cap) {
            char *g = realloc(b, cap * 2);
            if (!g) {
                free(b);
                return -1;
            }
            b = g;
            cap *= 2;
        }
        size_t got = fread(b + n, 1, cap - n, stdin);
        n += got;
        if (got == 0) {
            if (ferror(stdin)) {
                free(b);
                return -1;
            }
            break;
        }
    }
    *buf = b;
    *len = n;
    return 0;
}

/* --fix and --diff: computes the fixed text; --diff keeps it for the
 * report loop, --fix writes it (atomically, refusing a file changed since
 * it was read) and checks the new text, so the report's positions are
 * those of the file as it now is. */
static void fix_job(job *j, const fl_checker *checker, const settings *set,
                    fl_input_format input_format, const fl_run_settings *run)
{
    char *fixed;
    size_t len, n;
    if (fl_fix_apply(j->src, j->result, &fixed, &len, &n) != FL_OK) {
        memset(&j->err, 0, sizeof j->err);
        j->err.status = FL_ENOMEM;
        snprintf(j->err.message, sizeof j->err.message, "out of memory");
        j->failed = true;
        return;
    }
    if (n == 0 || set->diff) {
        j->fixed = n ? fixed : NULL;
        j->fixed_len = len;
        j->fixes = n;
        if (!n)
            free(fixed);
        return;
    }
    if (j->is_stdin) {
        free(fixed);
        memset(&j->err, 0, sizeof j->err);
        j->err.status = FL_EUSAGE;
        snprintf(j->err.message, sizeof j->err.message,
                 "cannot fix standard input in place; use --diff");
        j->failed = true;
        return;
    }
    if (fl_fix_write(j->path, &j->stamp, fixed, len, &j->err) != FL_OK) {
        free(fixed);
        j->failed = true;
        return;
    }
    j->fixes = n;
    fl_source *src = NULL;
    fl_result *result = NULL;
    fl_status st = fl_source_new(j->name, fixed, len, &src, &j->err);
    free(fixed);
    if (st == FL_OK)
        st = fl_check_with(checker, src, input_format, run, &result, &j->err);
    fl_result_free(j->result);
    fl_source_free(j->src);
    j->src = src;
    j->result = result;
    if (st != FL_OK)
        j->failed = true;
}

/* A checking thread's open directory: the files walk found are opened
 * relative to it, so the kernel does not look up every component of their
 * paths again for each (open's path walk was ~0.3% of a run over the
 * generated corpus); a directory's files are mostly checked in a row. */
typedef struct dir_cache {
    uint32_t dir; /* the number of the directory (job's dir); 0: none */
    int fd;       /* open on it; AT_FDCWD: none (or its open failed) */
    size_t keep;  /* all ones when open: how much of job's name_at to skip */
} dir_cache;

/* Opens job j's directory in dc, in place of the one open there. When j
 * has none, or the open fails, the directory's files are opened by their
 * whole paths (as the others, with the same errors). */
static __attribute__((noinline)) void dir_cache_open(dir_cache *dc, const job *j)
{
    if (dc->fd >= 0)
        close(dc->fd);
    dc->dir = j->dir;
    dc->fd = AT_FDCWD;
    dc->keep = 0;
    if (!j->name_at)
        return;
    char dir[PATH_MAX];
    memcpy(dir, j->path, j->name_at); /* with its slash: "/" or "a/" */
    dir[j->name_at] = 0;
    int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        dc->fd = fd;
        dc->keep = SIZE_MAX;
    }
}

/* Checks job j; reads its file into *spare and builds its result in
 * *spare_result when there are (each set to NULL when taken). */
static void check_job(job *j, const fl_checker *checker, const settings *set, fl_source **spare,
                      fl_result **spare_result, dir_cache *dc)
{
    fl_status st;
    if (j->skip)
        return;
    if (j->checker)
        checker = j->checker;
    fl_run_settings run = {
        .enabled = j->fs.enabled, .severity = j->fs.severity, .front_matter = j->fs.front_matter};
    if (j->is_stdin) {
        char *buf;
        size_t len;
        if (read_stdin(&buf, &len) != 0) {
            memset(&j->err, 0, sizeof j->err);
            j->err.status = FL_EIO;
            snprintf(j->err.message, sizeof j->err.message, "cannot read standard input: %s",
                     strerror(errno));
            j->failed = true;
            return;
        }
        if (set->max_file_size && len > set->max_file_size) {
            free(buf);
            memset(&j->err, 0, sizeof j->err);
            j->err.status = FL_ETOOBIG;
            snprintf(j->err.message, sizeof j->err.message,
                     "file too large (%zu bytes; the limit is %zu)", len, set->max_file_size);
            j->failed = true;
            return;
        }
        st = fl_source_new(j->name, buf, len, &j->src, &j->err);
        free(buf);
    } else {
        if (j->dir != dc->dir)
            dir_cache_open(dc, j);
        st = fl_source_read_file_at(*spare, dc->fd, j->path + (j->name_at & dc->keep), j->name,
                                    set->max_file_size, &j->src, &j->err);
        *spare = NULL;
    }
    if (st == FL_EBINARY && set->skip_binary) {
        return; /* skipped quietly */
    }
    if (st != FL_OK) {
        j->failed = true;
        return;
    }
    if (set->fix && !set->diff && !j->is_stdin &&
        fl_file_stamp_get(j->path, fl_source_bytes(j->src), fl_source_length(j->src), &j->stamp,
                          &j->err) != FL_OK) {
        j->failed = true;
        return;
    }
    fl_input_format input_format = j->has_fs ? j->fs.input_format : set->input_format;
    const fl_run_settings *file_run = j->has_fs ? &run : NULL;
    st = fl_check_reusing(checker, j->src, input_format, file_run, *spare_result, &j->result,
                          &j->err);
    *spare_result = NULL;
    if (st != FL_OK)
        j->failed = true;
    else if (set->fix || set->diff)
        fix_job(j, checker, set, input_format, file_run);
}

/* A progress line on stderr for long runs: only on a terminal, only for
 * human output, and off with --no-progress. Redrawn at most 5 times a
 * second; erased at the end. */

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_start(progress *pr, const settings *set, size_t total)
{
    memset(pr, 0, sizeof *pr);
    pr->on = !set->no_progress && total >= 20 && strcmp(set->format, "text") == 0 &&
             isatty(STDERR_FILENO);
    pr->total = total;
    clock_gettime(CLOCK_MONOTONIC, &pr->start);
    pr->last = pr->start;
}

static void progress_update(progress *pr, size_t bytes)
{
    pr->done++;
    pr->bytes += bytes;
    if (!pr->on)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (seconds_between(&pr->last, &now) < 0.2 && pr->done < pr->total)
        return;
    pr->last = now;
    double secs = seconds_between(&pr->start, &now);
    fprintf(stderr, "\r\033[Kfactlint: %zu/%zu files, %.1f MB/s", pr->done, pr->total,
            secs > 0 ? (double)pr->bytes / 1e6 / secs : 0.0);
}

static void progress_end(progress *pr)
{
    if (pr->on)
        fputs("\r\033[K", stderr);
}

static void free_job(job *j)
{
    if (!j->fs_shared)
        fl_file_settings_free(&j->fs);
    free(j->fixed);
    j->fixed = NULL;
    fl_result_free(j->result);
    fl_source_free(j->src);
    if (j->name != j->path)
        free(j->name);
    if (!j->path_shared)
        free(j->path);
    j->result = NULL;
    j->src = NULL;
    j->path = j->name = NULL;
}

/* Reports one checked job and frees it but for its source and result,
 * which it leaves in *src and *result; the status goes to p->status.
 * Called for the jobs in input order, by one thread at a time. */
static void report_job(pool *p, job *j, fl_source **src, fl_result **result)
{
    const settings *set = p->set;
    progress_update(p->prog, j->src ? fl_source_length(j->src) : 0);
    if (j->failed) {
        p->status = EXIT_TROUBLE;
        fl_report_file(p->report, j->name, j->src, NULL, &j->err);
    } else if (set->diff) {
        if (j->fixed && fl_fix_diff(j->name, fl_source_bytes(j->src), fl_source_length(j->src),
                                    j->fixed, j->fixed_len, stdout) != FL_OK)
            p->status = EXIT_TROUBLE;
        if (j->fixed && p->status == 0)
            p->status = EXIT_FINDINGS;
    } else if (j->result) {
        if (j->fixes)
            fprintf(stderr, "%s: fixed %zu finding%s\n", j->name, j->fixes,
                    j->fixes == 1 ? "" : "s");
        if (set->new_baseline &&
            fl_baseline_add_result(set->new_baseline, j->name, j->result) != FL_OK)
            p->status = EXIT_TROUBLE;
        if (set->baseline)
            fl_baseline_filter(set->baseline, j->name, j->result);
        if (fl_report_file(p->report, j->name, j->src, j->result, NULL) != FL_OK)
            p->status = EXIT_TROUBLE;
        for (size_t k = 0; k < fl_result_count(j->result); k++)
            if (set->fail_level != FL_SEV_NONE &&
                fl_result_get(j->result, k)->severity >=
                    (j->has_fs ? j->fs.fail_level : set->fail_level) &&
                p->status == 0)
                p->status = EXIT_FINDINGS;
    }
    *src = j->src;
    *result = j->result;
    j->src = NULL;
    j->result = NULL;
    free_job(j);
}

/* Keeps a spent source and result (either may be NULL) for later files
 * while there is room, else frees them. Under the pool's lock. */
static void keep_spares(pool *p, fl_source *src, fl_result *result)
{
    if (src && p->spare_count < FL_SPARES)
        p->spares[p->spare_count++] = src;
    else
        fl_source_free(src);
    if (result && p->spare_result_count < FL_SPARES)
        p->spare_results[p->spare_result_count++] = result;
    else
        fl_result_free(result);
}

/* The pool's lock, taken only when other threads run: -j1 checks and
 * reports each file in turn on one thread (4 lock calls a file saved). */
static void pool_lock(pool *p)
{
    if (!p->alone)
        pthread_mutex_lock(&p->lock);
}

static void pool_unlock(pool *p)
{
    if (!p->alone)
        pthread_mutex_unlock(&p->lock);
}

/* The loop of every checking thread, the main one included: take the next
 * job, check it, and if no other thread is reporting, report the finished
 * jobs that are next in input order. Nobody waits for a result: a thread
 * only waits when checking has run a window ahead of the report (finished
 * results wait in memory until reported, so memory stays bounded by a few
 * files). The reporting flag and the done marks change under the lock,
 * so a job finished while another thread reports is seen by that thread
 * before it stops reporting. */
static void *pool_run(void *arg)
{
    pool *p = arg;
    job_list *jobs = p->jobs;
    dir_cache dc = {.fd = AT_FDCWD};
    pool_lock(p);
    for (;;) {
        while (p->next < jobs->count && p->next >= p->reported + p->window) {
            p->waiting++;
            pthread_cond_wait(&p->space_cond, &p->lock);
            p->waiting--;
        }
        if (p->next >= jobs->count)
            break;
        job *j = &jobs->items[p->next++];
        fl_source *spare = p->spare_count ? p->spares[--p->spare_count] : NULL;
        fl_result *spare_result =
            p->spare_result_count ? p->spare_results[--p->spare_result_count] : NULL;
        pool_unlock(p);
        check_job(j, p->checker, p->set, &spare, &spare_result, &dc);
        pool_lock(p);
        /* not used: back */
        keep_spares(p, spare, spare_result);
        j->done = true;
        if (p->reporting)
            continue;
        p->reporting = true;
        while (p->reported < jobs->count && jobs->items[p->reported].done) {
            job *r = &jobs->items[p->reported];
            pool_unlock(p);
            fl_source *src;
            fl_result *result;
            report_job(p, r, &src, &result);
            pool_lock(p);
            if (result && (!src || fl_source_length(src) > FL_SPARE_RESULT_TEXT)) {
                fl_result_free(result); /* too large to keep */
                result = NULL;
            }
            if (src && fl_source_length(src) > FL_SPARE_SOURCE_MAX) {
                fl_source_free(src);
                src = NULL;
            }
            keep_spares(p, src, result);
            p->reported++;
            if (p->waiting)
                pthread_cond_broadcast(&p->space_cond);
        }
        p->reporting = false;
    }
    pool_unlock(p);
    if (dc.fd >= 0)
        close(dc.fd);
    return NULL;
}

/* Checks every job on N threads (the calling one and N - 1 more) and
 * reports in input order. Returns the exit status. */
static int run_jobs(job_list *jobs, const fl_checker *checker, const settings *set,
                    fl_report *report)
{
    long nthreads = set->jobs;
    if ((size_t)nthreads > jobs->count)
        nthreads = (long)jobs->count;
    if (nthreads < 1)
        nthreads = 1;
    progress prog;
    progress_start(&prog, set, jobs->count);
    pool p = {.jobs = jobs,
              .checker = checker,
              .set = set,
              .report = report,
              .prog = &prog,
              .status = jobs->trouble ? EXIT_TROUBLE : 0,
              .window = (size_t)nthreads * 4,
              .alone = nthreads == 1};
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.space_cond, NULL);
    pthread_t *threads = NULL;
    long started = 0;
    if (nthreads > 1) {
        threads = calloc((size_t)nthreads - 1, sizeof *threads);
        for (long t = 0; threads && t < nthreads - 1; t++)
            if (pthread_create(&threads[t], NULL, pool_run, &p) == 0)
                started++;
    }
    pool_run(&p);
    for (long t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    progress_end(&prog);
    while (p.spare_count)
        fl_source_free(p.spares[--p.spare_count]);
    while (p.spare_result_count)
        fl_result_free(p.spare_results[--p.spare_result_count]);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.space_cond);
    return p.status;
}

/* Streaming mode: JSON lines in, JSON lines out (fl_jsonl_run). Exit 2
 * when a line had an error, 1 when there were findings (unless the fail
 * level is none), else 0. Takes `opts`. */
static int run_jsonl(fl_options *opts, const settings *set)
{
    fl_checker *checker;
    fl_error err;
    fl_status st = fl_checker_new(opts, &checker, &err);
    fl_options_free(opts);
    if (st != FL_OK) {
        fprintf(stderr, "factlint: %s\n", err.message);
        return EXIT_TROUBLE;
    }
    fl_jsonl_stats stats;
    st = fl_jsonl_run(checker, stdin, stdout, set->max_file_size, &stats);
    fl_checker_free(checker);
    if (st != FL_OK) {
        if (errno != EPIPE)
            fprintf(stderr, "factlint: --stdin-jsonl: %s\n", fl_strerror(st));
        return EXIT_TROUBLE;
    }
    if (stats.errors)
        return EXIT_TROUBLE;
    return stats.findings && set->fail_level != FL_SEV_NONE ? EXIT_FINDINGS : 0;
}

/* ---------------------------------------------------------- configuration */

typedef struct config_state config_state;
static void config_state_free(config_state *cs);
static void free_exts(char **exts);

/* What main() holds before the run starts, freed on every early return. */
static void cli_free(config_state *cs, fl_options *opts, char **exts)
{
    config_state_free(cs);
    fl_options_free(opts);
    free_exts(exts);
}

/* The configs a run uses: --config, or the .factlint.ini found for each
 * document, each loaded once, with a checker of its own when it names
 * lexicons; and what the command line said, which wins over any config. */
typedef struct loaded_config {
    char *path;
    fl_config *cfg;
    fl_checker *checker; /* NULL: the run's checker */
    bool bad;
    /* the settings of all its documents, when they do not depend on the
     * path (fl_config_same_for_all): resolved once, shared by the jobs */
    fl_file_settings fs;
    bool fs_made;
} loaded_config;

struct config_state {
    const char *given; /* --config */
    bool format_given, fail_given, input_format_given, no_default_lexicon;
    bool only_mode;
    bool *disabled, *only; /* per rule */
    const char **lexicons; /* --lexicon */
    size_t lexicon_count;
    loaded_config *items;
    size_t count;
    char *last_dir; /* the folder last looked up, and its config */
    long last_index;
    fl_file_settings none_fs; /* as loaded_config's fs, for no config */
    bool none_fs_made;
};

static void config_state_free(config_state *cs)
{
    for (size_t i = 0; i < cs->count; i++) {
        free(cs->items[i].path);
        fl_file_settings_free(&cs->items[i].fs);
        fl_config_free(cs->items[i].cfg);
        fl_checker_free(cs->items[i].checker);
    }
    free(cs->items);
    free(cs->disabled);
    free(cs->only);
    free(cs->lexicons);
    free(cs->last_dir);
    fl_file_settings_free(&cs->none_fs);
}

/* Loads the config at `path` once; returns its index, or -1 when out of
 * memory. A config with errors is reported once and marked bad. */
static long load_config(config_state *cs, const char *path)
{
    for (size_t i = 0; i < cs->count; i++)
        if (strcmp(cs->items[i].path, path) == 0)
            return (long)i;
    loaded_config *grown = realloc(cs->items, (cs->count + 1) * sizeof *grown);
    if (!grown)
        return -1;
    cs->items = grown;
    loaded_config *lc = &grown[cs->count];
    memset(lc, 0, sizeof *lc);
    lc->path = strdup(path);
    if (!lc->path)
        return -1;
    fl_status st = fl_config_load(path, &lc->cfg);
    if (!lc->cfg) {
        free(lc->path);
        return -1;
    }
    cs->count++;
    if (st != FL_OK) {
        for (size_t i = 0; i < fl_config_error_count(lc->cfg); i++)
            fprintf(stderr, "%s\n", fl_config_error(lc->cfg, i));
        lc->bad = true;
    }
    return (long)(cs->count - 1);
}

/* The index of the config for a document, -1 for none, -2 out of memory. */
static long config_for(config_state *cs, const char *doc_path)
{
    if (cs->given)
        return load_config(cs, cs->given);
    const char *slash = strrchr(doc_path, '/');
    size_t n = slash ? (size_t)(slash - doc_path) : 0;
    if (cs->last_dir && strlen(cs->last_dir) == n && strncmp(cs->last_dir, doc_path, n) == 0)
        return cs->last_index;
    char *found = fl_config_find(doc_path);
    long index = found ? load_config(cs, found) : -1;
    free(found);
    if (found && index < 0)
        return -2;
    free(cs->last_dir);
    cs->last_dir = strndup(doc_path, n);
    cs->last_index = index;
    return index;
}

/* The checker for a config: the run's, unless the config names lexicons or
 * turns the built-in one off. */
static int config_checker(config_state *cs, loaded_config *lc)
{
    if (lc->checker || lc->bad || !lc->cfg ||
        (fl_config_lexicon_count(lc->cfg) == 0 && fl_config_default_lexicon(lc->cfg)))
        return 0;
    fl_options *o = fl_options_new();
    if (!o)
        return -1;
    fl_options_use_default_lexicon(o,
                                   !cs->no_default_lexicon && fl_config_default_lexicon(lc->cfg));
    for (size_t i = 0; i < cs->lexicon_count; i++)
        fl_options_add_lexicon(o, cs->lexicons[i]);
    for (size_t i = 0; i < fl_config_lexicon_count(lc->cfg); i++)
        fl_options_add_lexicon(o, fl_config_lexicon(lc->cfg, i));
    fl_error err;
    fl_status st = fl_checker_new(o, &lc->checker, &err);
    fl_options_free(o);
    if (st != FL_OK) {
        fprintf(stderr, "%s: error: %s\n", lc->path, err.message);
        lc->bad = true;
        lc->checker = NULL;
    }
    return 0;
}

/* The command line's word wins over the config's. */
static void apply_command_line(const config_state *cs, const settings *set, fl_file_settings *fs)
{
    static const char cli[] = "command line";
    for (size_t i = 0; i < fl_rule_count(); i++) {
        if (cs->only_mode) {
            fs->enabled[i] = cs->only[i];
            fs->enabled_from[i] = cli;
        }
        if (cs->disabled[i]) {
            fs->enabled[i] = false;
            fs->enabled_from[i] = cli;
        }
    }
    if (cs->fail_given) {
        fs->fail_level = set->fail_level;
        fs->fail_level_from = cli;
    }
    if (cs->input_format_given) {
        fs->input_format = set->input_format;
        fs->input_format_from = cli;
    }
}

/* Resolves every job's settings. Returns EXIT_TROUBLE when a config was
 * bad (its files are reported as not checked), else 0. */
static int configure_jobs(config_state *cs, job_list *jobs, const settings *set)
{
    int status = 0;
    /* the config of the last job walk found, by its directory's number: a
     * document's config depends on its directory alone (config_for), so
     * the files of one directory (in a row) take it with no path compare */
    uint32_t last_dir = 0;
    long last_index = -1;
    for (size_t k = 0; k < jobs->count; k++) {
        job *j = &jobs->items[k];
        const char *where =
            j->is_stdin ? (set->stdin_filename ? set->stdin_filename : "-") : j->path;
        long index = last_index;
        if (!j->dir || j->dir != last_dir) {
            index = config_for(cs, where);
            if (j->dir) {
                last_dir = j->dir;
                last_index = index;
            }
        }
        loaded_config *lc = index >= 0 ? &cs->items[index] : NULL;
        if (index == -2 || (lc && config_checker(cs, lc) != 0)) {
            fprintf(stderr, "factlint: out of memory\n");
            return EXIT_TROUBLE;
        }
        if (lc && lc->bad) {
            j->skip = true;
            fprintf(stderr, "%s: error: not checked: configuration error in %s\n", j->name,
                    lc->path);
            status = EXIT_TROUBLE;
            continue;
        }
        const fl_config *cfg = lc ? lc->cfg : NULL;
        if (fl_config_same_for_all(cfg)) {
            /* one resolution for all the config's documents (most runs:
             * every document), not one allocation and rule loop each */
            fl_file_settings *fs = lc ? &lc->fs : &cs->none_fs;
            bool *made = lc ? &lc->fs_made : &cs->none_fs_made;
            if (!*made) {
                if (fl_config_resolve(cfg, where, fs) != FL_OK) {
                    fprintf(stderr, "factlint: out of memory\n");
                    return EXIT_TROUBLE;
                }
                apply_command_line(cs, set, fs);
                *made = true;
            }
            j->fs = *fs;
            j->fs_shared = true;
        } else {
            if (fl_config_resolve(cfg, where, &j->fs) != FL_OK) {
                fprintf(stderr, "factlint: out of memory\n");
                return EXIT_TROUBLE;
            }
            apply_command_line(cs, set, &j->fs);
        }
        j->has_fs = true;
        j->skip = j->fs.ignored;
        j->checker = lc ? lc->checker : NULL;
    }
    return status;
}

/* factlint --print-config PATH */
static int print_config(config_state *cs, const settings *set, const char *path)
{
    long index = config_for(cs, path);
    if (index == -2) {
        fprintf(stderr, "factlint: out of memory\n");
        return EXIT_TROUBLE;
    }
    loaded_config *lc = index >= 0 ? &cs->items[index] : NULL;
    if (lc && lc->bad)
        return EXIT_TROUBLE;
    const fl_config *cfg = lc ? lc->cfg : NULL;
    fl_file_settings fs;
    if (fl_config_resolve(cfg, path, &fs) != FL_OK) {
        fprintf(stderr, "factlint: out of memory\n");
        return EXIT_TROUBLE;
    }
    apply_command_line(cs, set, &fs);
    const char *format = set->format, *format_from = "command line";
    if (!cs->format_given) {
        format = cfg && fl_config_format(cfg) ? fl_config_format(cfg) : "text";
        format_from = cfg && fl_config_format(cfg) ? fl_config_path(cfg) : "default";
    }
    size_t n = cs->lexicon_count + fl_config_lexicon_count(cfg);
    const char **lex = calloc(n + 1, sizeof *lex), **from = calloc(n + 1, sizeof *from);
    if (!lex || !from) {
        free(lex);
        free(from);
        fl_file_settings_free(&fs);
        return EXIT_TROUBLE;
    }
    for (size_t i = 0; i < cs->lexicon_count; i++) {
        lex[i] = cs->lexicons[i];
        from[i] = "command line";
    }
    for (size_t i = 0; i < fl_config_lexicon_count(cfg); i++) {
        lex[cs->lexicon_count + i] = fl_config_lexicon(cfg, i);
        from[cs->lexicon_count + i] = fl_config_path(cfg);
    }
    bool builtin = !cs->no_default_lexicon && fl_config_default_lexicon(cfg);
    const char *builtin_from = cs->no_default_lexicon                   ? "command line"
                               : cfg && !fl_config_default_lexicon(cfg) ? fl_config_path(cfg)
                                                                        : "default";
    fl_status st = fl_file_settings_write(stdout, path, cfg, &fs, format, format_from, lex, from, n,
                                          builtin, builtin_from);
    free(lex);
    free(from);
    fl_file_settings_free(&fs);
    return st == FL_OK ? 0 : EXIT_TROUBLE;
}

/* ------------------------------------------------------------ subcommands */

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* Reads the leading --format=json / --format=text options of a subcommand
 * (the last wins) and, when `dashdash`, a "--" that ends them; any other
 * "--..." is a usage error (`unknown` is its message). Returns the index of
 * the first operand. */
static int format_options(int argc, char **argv, bool dashdash, const char *unknown, bool *json)
{
    int first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1] == '-'; first++) {
        if (strcmp(argv[first], "--format=json") == 0)
            *json = true;
        else if (strcmp(argv[first], "--format=text") == 0)
            *json = false;
        else if (dashdash && strcmp(argv[first], "--") == 0)
            return first + 1;
        else
            die_usage(unknown, argv[first]);
    }
    return first;
}

static int cmd_normalize(int argc, char **argv)
{
    bool json = false;
    int first = format_options(argc, argv, true, "normalize: unknown option '%s'", &json);
    if (first >= argc)
        die_usage("%s", "normalize: give at least one STRING");
    if (json)
        printf("[");
    for (int i = first; i < argc; i++) {
        const char *s = argv[i];
        size_t n = strlen(s);
        if (!fl_utf8_valid(s, n, NULL)) {
            fprintf(stderr, "factlint: normalize: argument %d is not valid UTF-8\n", i - first + 1);
            return EXIT_TROUBLE;
        }
        char fold[1024], skel[1024], fam[1024];
        /* keys as the mention finder makes them: codes drop a plural s */
        unsigned flags = fl_family(s, n, fam, sizeof fam) ? FL_FOLD_CODE : 0;
        fl_fold(s, n, flags, fold, sizeof fold);
        fl_skeleton(s, n, flags, skel, sizeof skel);
        if (json) {
            printf("%s{\"surface\": ", i > first ? ", " : "");
            json_string(stdout, s);
            printf(", \"fold\": ");
            json_string(stdout, fold);
            printf(", \"skeleton\": ");
            json_string(stdout, skel);
            printf(", \"family\": ");
            json_string(stdout, fam);
            printf("}");
        } else {
            printf("%s\t%s\t%s\t%s\n", s, fold, skel, fam);
        }
    }
    if (json)
        printf("]\n");
    return fflush(stdout) == 0 ? 0 : EXIT_TROUBLE;
}

static int cmd_mentions(int argc, char **argv)
{
    bool json = false;
    int first = format_options(argc, argv, false, "mentions: unknown option '%s'", &json);
    if (first >= argc)
        die_usage("%s", "mentions: give at least one PATH");
    fl_checker *checker;
    fl_error err;
    if (fl_checker_new(NULL, &checker, &err) != FL_OK) {
        fprintf(stderr, "factlint: %s\n", err.message);
        return EXIT_TROUBLE;
    }
    int status = 0;
    if (json)
        printf("[");
    for (int i = first; i < argc; i++) {
        fl_source *src = NULL;
        fl_result *res = NULL;
        fl_status st;
        if (strcmp(argv[i], "-") == 0) {
            char *buf;
            size_t len;
            if (read_stdin(&buf, &len) != 0) {
                fprintf(stderr, "-: error: cannot read standard input\n");
                status = EXIT_TROUBLE;
                continue;
            }
            st = fl_source_new("-", buf, len, &src, &err);
            free(buf);
        } else {
            st = fl_source_read_file(argv[i], argv[i], 0, &src, &err);
        }
        if (st == FL_OK)
            st = fl_check(checker, src, FL_FORMAT_AUTO, &res, &err);
        if (st != FL_OK) {
            fprintf(stderr, "%s: error: %s\n", argv[i], err.message);
            status = EXIT_TROUBLE;
            fl_source_free(src);
            continue;
        }
        if (json)
            printf("%s{\"path\": ", i > first ? ", " : "");
        if (json)
            json_string(stdout, argv[i]);
        if (json)
            printf(", \"mentions\": [");
        for (size_t k = 0; k < fl_result_mention_count(res); k++) {
            fl_mention_info m;
            fl_result_mention(res, k, &m);
            size_t line, col;
            fl_source_position(src, m.offset, &line, &col);
            if (json) {
                printf("%s{\"kind\": \"%s\", \"line\": %zu, \"column\": %zu, \"offset\": %zu, "
                       "\"length\": %zu, \"sentence\": %zu, \"surface\": ",
                       k ? ", " : "", m.kind, line, col, m.offset, m.length, m.sentence);
                json_string(stdout, m.surface);
                printf(", \"fold\": ");
                json_string(stdout, m.fold);
                printf(", \"skeleton\": ");
                json_string(stdout, m.skeleton);
                printf(", \"family\": ");
                json_string(stdout, m.family);
                printf(", \"value\": ");
                json_string(stdout, m.value);
                printf("}");
            } else {
                printf("%s:%zu:%zu\t%s\t%s\tfold=%s\tskeleton=%s\tfamily=%s\tvalue=%s\ts%zu\n",
                       argv[i], line, col, m.kind, m.surface, m.fold, m.skeleton, m.family, m.value,
                       m.sentence);
            }
        }
        if (json)
            printf("]}");
        fl_result_free(res);
        fl_source_free(src);
    }
    if (json)
        printf("]\n");
    fl_checker_free(checker);
    return status;
}

static int list_rules(void)
{
    for (size_t i = 0; i < fl_rule_count(); i++) {
        const fl_rule_info *r = fl_rule_get(i);
        printf("%-20s %-8s %s\n", r->id, fl_severity_name(r->severity), r->summary);
    }
    return 0;
}

static int explain_rule(const char *id)
{
    const fl_rule_info *r = fl_rule_find(id);
    if (!r) {
        fprintf(stderr, "factlint: unknown rule '%s'; see --list-rules\n", id);
        return EXIT_TROUBLE;
    }
    printf("%s (default severity: %s)\n\n%s\n\n", r->id, fl_severity_name(r->severity), r->summary);
    if (r->explain && *r->explain)
        printf("%s\n\n", r->explain);
    printf("Flagged:\n  %s\n\nNot flagged:\n  %s\n\n", r->positive, r->negative);
    printf("To silence it: --disable=%s on the command line; `[rule %s]` with\n"
           "`enabled = false` in .factlint.ini; or, for one place, a comment\n"
           "<!-- factlint-disable-next-line %s --> (in plain text, the same words\n"
           "on a line of their own) before the line.\n",
           r->id, r->id, r->id);
    return 0;
}

/* ------------------------------------------------------------------ main */

static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        die_usage("invalid size '%s'", s);
    unsigned long long mult = 1;
    if (*end == 'k' || *end == 'K')
        mult = 1024ull, end++;
    else if (*end == 'M')
        mult = 1024ull * 1024, end++;
    else if (*end == 'G')
        mult = 1024ull * 1024 * 1024, end++;
    if (*end)
        die_usage("invalid size '%s'", s);
    return (size_t)(v * mult);
}

static void free_exts(char **exts)
{
    if (!exts)
        return;
    for (size_t i = 0; exts[i]; i++)
        free(exts[i]);
    free(exts);
}

static char **parse_exts(const char *list)
{
    size_t n = 1;
    for (const char *p = list; *p; p++)
        n += *p == ',';
    char **exts = calloc(n + 1, sizeof *exts);
    char *copy = strdup(list);
    if (!exts || !copy)
        die_usage("%s", "out of memory");
    size_t k = 0;
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        size_t len = strlen(tok);
        exts[k] = malloc(len + 2);
        if (!exts[k])
            die_usage("%s", "out of memory");
        snprintf(exts[k], len + 2, "%s%s", tok[0] == '.' ? "" : ".", tok);
        k++;
    }
    free(copy);
    return exts;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN); /* a closed pipe is an EPIPE write error */
#ifdef __GLIBC__
    /* Each file's run allocates and frees a few hundred kilobytes. With
     * glibc's defaults the larger pieces are mapped and unmapped for every
     * file and the freed heap top is handed back, so each file pays fresh
     * page faults (0.13 of 0.80 s CPU on 20 MB in 1,000 files). Keeping
     * up to 16 MB for the next file, and mapping only pieces from 4 MB up,
     * cut that to 0.02 s for about 1 MB more peak memory. */
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
#endif
    if (argc > 1 && strcmp(argv[1], "normalize") == 0)
        return cmd_normalize(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "mentions") == 0)
        return cmd_mentions(argc - 1, argv + 1);

    settings set = {.format = "text",
                    .fail_level = FL_SEV_WARNING,
                    .max_file_size = (size_t)64 * 1024 * 1024,
                    .jobs = sysconf(_SC_NPROCESSORS_ONLN),
                    .color = -1};
    fl_options *opts = fl_options_new();
    if (!opts)
        die_usage("%s", "out of memory");
    bool only_mode = false;

    enum {
        OPT_FAIL = 256,
        OPT_STDIN_NAME,
        OPT_INPUT_FORMAT,
        OPT_EXT,
        OPT_LEXICON,
        OPT_NO_LEXICON,
        OPT_DISABLE,
        OPT_ONLY,
        OPT_MAX_SIZE,
        OPT_SKIP_BINARY,
        OPT_COLOR,
        OPT_LIST,
        OPT_EXPLAIN,
        OPT_BASELINE,
        OPT_WRITE_BASELINE,
        OPT_FIX,
        OPT_DIFF,
        OPT_CONFIG,
        OPT_PRINT_CONFIG,
        OPT_NO_PROGRESS,
        OPT_STDIN_JSONL,
        OPT_MAX_MENTIONS
    };
    config_state cs = {0};
    const char *print_config_path = NULL;
    bool stdin_jsonl = false;
    cs.disabled = calloc(fl_rule_count() + 1, sizeof *cs.disabled);
    cs.only = calloc(fl_rule_count() + 1, sizeof *cs.only);
    cs.lexicons = calloc((size_t)argc + 1, sizeof *cs.lexicons);
    if (!cs.disabled || !cs.only || !cs.lexicons)
        die_usage("%s", "out of memory");
    const char *baseline_path = NULL, *write_baseline_path = NULL;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"fail-level", required_argument, NULL, OPT_FAIL},
        {"stdin-filename", required_argument, NULL, OPT_STDIN_NAME},
        {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
        {"ext", required_argument, NULL, OPT_EXT},
        {"lexicon", required_argument, NULL, OPT_LEXICON},
        {"no-default-lexicon", no_argument, NULL, OPT_NO_LEXICON},
        {"disable", required_argument, NULL, OPT_DISABLE},
        {"enable-only", required_argument, NULL, OPT_ONLY},
        {"max-file-size", required_argument, NULL, OPT_MAX_SIZE},
        {"skip-binary", no_argument, NULL, OPT_SKIP_BINARY},
        {"jobs", required_argument, NULL, 'j'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"list-rules", no_argument, NULL, OPT_LIST},
        {"explain", required_argument, NULL, OPT_EXPLAIN},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
        {"fix", no_argument, NULL, OPT_FIX},
        {"diff", no_argument, NULL, OPT_DIFF},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"print-config", required_argument, NULL, OPT_PRINT_CONFIG},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"max-mentions", required_argument, NULL, OPT_MAX_MENTIONS},
        {"stdin-jsonl", no_argument, NULL, OPT_STDIN_JSONL},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "f:j:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            set.format = optarg;
            cs.format_given = true;
            break;
        case OPT_FAIL:
            if (fl_severity_parse(optarg, &set.fail_level) != FL_OK)
                die_usage("invalid fail level '%s' (info, warning, error, none)", optarg);
            cs.fail_given = true;
            break;
        case OPT_STDIN_NAME:
            set.stdin_filename = optarg;
            break;
        case OPT_INPUT_FORMAT:
            cs.input_format_given = true;
            if (!strcmp(optarg, "text"))
                set.input_format = FL_FORMAT_TEXT;
            else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
                set.input_format = FL_FORMAT_MARKDOWN;
            else if (!strcmp(optarg, "html"))
                set.input_format = FL_FORMAT_HTML;
            else if (!strcmp(optarg, "auto"))
                set.input_format = FL_FORMAT_AUTO;
            else
                die_usage("invalid input format '%s' (text, markdown, html, auto)", optarg);
            break;
        case OPT_EXT:
            free_exts(set.exts);
            set.exts = parse_exts(optarg);
            break;
        case OPT_LEXICON:
            if (fl_options_add_lexicon(opts, optarg) != FL_OK)
                die_usage("%s", "out of memory");
            cs.lexicons[cs.lexicon_count++] = optarg;
            break;
        case OPT_NO_LEXICON:
            fl_options_use_default_lexicon(opts, 0);
            cs.no_default_lexicon = true;
            break;
        case OPT_DISABLE:
            if (fl_options_enable_rule(opts, optarg, 0) != FL_OK)
                die_usage("unknown rule '%s'; see --list-rules", optarg);
            for (size_t r = 0; r < fl_rule_count(); r++)
                if (strcmp(fl_rule_get(r)->id, optarg) == 0)
                    cs.disabled[r] = true;
            break;
        case OPT_ONLY:
            if (!fl_rule_find(optarg))
                die_usage("unknown rule '%s'; see --list-rules", optarg);
            if (!only_mode) {
                for (size_t i = 0; i < fl_rule_count(); i++)
                    fl_options_enable_rule(opts, fl_rule_get(i)->id, 0);
                only_mode = true;
            }
            fl_options_enable_rule(opts, optarg, 1);
            cs.only_mode = true;
            for (size_t r = 0; r < fl_rule_count(); r++)
                if (strcmp(fl_rule_get(r)->id, optarg) == 0)
                    cs.only[r] = true;
            break;
        case OPT_CONFIG:
            cs.given = optarg;
            break;
        case OPT_PRINT_CONFIG:
            print_config_path = optarg;
            break;
        case OPT_NO_PROGRESS:
            set.no_progress = true;
            break;
        case OPT_MAX_MENTIONS:
            fl_options_set_max_mentions(opts, parse_size(optarg));
            break;
        case OPT_STDIN_JSONL:
            stdin_jsonl = true;
            break;
        case OPT_MAX_SIZE:
            set.max_file_size = parse_size(optarg);
            break;
        case OPT_SKIP_BINARY:
            set.skip_binary = true;
            break;
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 256)
                die_usage("invalid job count '%s' (1 to 256)", optarg);
            set.jobs = v;
            break;
        }
        case OPT_COLOR:
            if (!strcmp(optarg, "auto"))
                set.color = -1;
            else if (!strcmp(optarg, "always"))
                set.color = 1;
            else if (!strcmp(optarg, "never"))
                set.color = 0;
            else
                die_usage("invalid colour choice '%s' (auto, always, never)", optarg);
            break;
        case OPT_BASELINE:
            baseline_path = optarg;
            break;
        case OPT_WRITE_BASELINE:
            write_baseline_path = optarg;
            break;
        case OPT_FIX:
            set.fix = true;
            break;
        case OPT_DIFF:
            set.diff = true;
            break;
        case OPT_LIST:
            cli_free(&cs, opts, set.exts);
            return list_rules();
        case OPT_EXPLAIN: {
            int rc = explain_rule(optarg);
            cli_free(&cs, opts, set.exts);
            return rc;
        }
        case 'h':
            usage(stdout);
            cli_free(&cs, opts, set.exts);
            return 0;
        case 'V':
            printf("factlint %s\n", FL_VERSION);
            cli_free(&cs, opts, set.exts);
            return 0;
        default:
            fprintf(stderr, "Try 'factlint --help'.\n");
            cli_free(&cs, opts, set.exts);
            return EXIT_TROUBLE;
        }
    }
    if (print_config_path) {
        int rc = print_config(&cs, &set, print_config_path);
        config_state_free(&cs);
        fl_options_free(opts);
        free_exts(set.exts);
        return rc;
    }
    if (stdin_jsonl) {
        if (optind < argc) {
            fl_options_free(opts);
            die_usage("%s", "--stdin-jsonl reads documents from standard input; give no PATH");
        }
        config_state_free(&cs);
        free_exts(set.exts);
        return run_jsonl(opts, &set);
    }
    if (optind >= argc) {
        fl_options_free(opts);
        die_usage("%s", "no PATH given (use - for standard input)");
    }
    if (!cs.format_given) {
        /* the output format of the config for the first PATH */
        const char *first = strcmp(argv[optind], "-") == 0 && set.stdin_filename
                                ? set.stdin_filename
                                : argv[optind];
        struct stat fst;
        long index = -1;
        if (stat(first, &fst) == 0 && S_ISDIR(fst.st_mode)) {
            size_t n = strlen(first) + 3;
            char *inside = malloc(n);
            if (inside) {
                snprintf(inside, n, "%s/x", first);
                index = config_for(&cs, inside);
                free(inside);
            }
        } else {
            index = config_for(&cs, first);
        }
        if (index >= 0 && fl_config_format(cs.items[index].cfg))
            set.format = fl_config_format(cs.items[index].cfg);
    }
    if (set.jobs < 1)
        set.jobs = 1;
    const char *no_color = getenv("NO_COLOR");
    bool color = set.color == 1 ||
                 (set.color == -1 && isatty(STDOUT_FILENO) && strcmp(set.format, "text") == 0);
    if (no_color && *no_color)
        color = false;

    if (set.diff && strcmp(set.format, "text") != 0) {
        fl_options_free(opts);
        die_usage("%s", "--diff prints a diff and takes no --format");
    }
    if (baseline_path) {
        fl_error berr;
        if (fl_baseline_load(baseline_path, &set.baseline, &berr) != FL_OK) {
            fprintf(stderr, "factlint: %s\n", berr.message);
            cli_free(&cs, opts, set.exts);
            return EXIT_TROUBLE;
        }
    }
    if (write_baseline_path && !(set.new_baseline = fl_baseline_new())) {
        fl_options_free(opts);
        die_usage("%s", "out of memory");
    }

    fl_report *report;
    if (fl_report_new(set.format, stdout, stderr, color ? FL_REPORT_COLOR : 0, &report) != FL_OK) {
        fl_options_free(opts);
        die_usage("unknown format '%s'", set.format);
    }
    fl_checker *checker;
    fl_error err;
    if (fl_checker_new(opts, &checker, &err) != FL_OK) {
        fprintf(stderr, "factlint: %s\n", err.message);
        fl_report_free(report);
        fl_baseline_free(set.baseline);
        fl_baseline_free(set.new_baseline);
        cli_free(&cs, opts, set.exts);
        return EXIT_TROUBLE;
    }
    fl_options_free(opts);

    char **exts = set.exts ? set.exts : (char **)default_exts;
    job_list jobs = {0};
    dir_id stack[257];
    int stdin_seen = 0;
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") == 0) {
            if (stdin_seen++)
                continue;
            push_job(&jobs, "-", set.stdin_filename ? set.stdin_filename : "-", true);
        } else if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(&jobs, argv[i], exts, stack, 0);
        } else {
            push_job(&jobs, argv[i], argv[i], false);
        }
    }
    int status = configure_jobs(&cs, &jobs, &set);
    int run_status = run_jobs(&jobs, checker, &set, report);
    if (run_status > status)
        status = run_status;
    if (fl_report_finish(report) != FL_OK && errno != EPIPE)
        status = EXIT_TROUBLE;
    if (set.new_baseline) {
        fl_error berr;
        if (fl_baseline_write(set.new_baseline, write_baseline_path, &berr) != FL_OK) {
            fprintf(stderr, "factlint: cannot write the baseline: %s\n", berr.message);
            status = EXIT_TROUBLE;
        }
    }
    fl_baseline_free(set.baseline);
    fl_baseline_free(set.new_baseline);
    fl_report_free(report);
    fl_checker_free(checker);
    config_state_free(&cs);
    free_job_list(&jobs);
    free_exts(set.exts);
    return status;
}

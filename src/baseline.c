/* baseline.c - accepted findings by (path, fingerprint), so a team can
 * adopt factlint on an existing archive and fail CI only on new problems.
 * The file is JSON (jansson), one entry a line, sorted. */
#include "fix.h"
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The library never exits: an allocation failure inside uthash leaves the
 * item out of the table and sets `hash_oom`, a variable of the function
 * that adds (see build_index), which then returns FL_ENOMEM. */
#define HASH_NONFATAL_OOM 1
#define uthash_nonfatal_oom(obj)                                                                   \
    do {                                                                                           \
        (void)(obj);                                                                               \
        hash_oom = true;                                                                           \
    } while (0)
#include <uthash.h>

typedef struct entry {
    char *path, *rule, *fingerprint, *text;
} entry;

/* How many entries a (fingerprint, path) key has left to match. */
typedef struct slot {
    char *key; /* fingerprint "\n" path */
    size_t left;
    UT_hash_handle hh;
} slot;

struct fl_baseline {
    entry *entries;
    size_t count, cap;
    slot *index; /* built on the first filter */
    int indexed;
};

fl_baseline *fl_baseline_new(void)
{
    return calloc(1, sizeof(fl_baseline));
}

static void free_index(fl_baseline *b)
{
    /* drop the table first, then walk the items' own list: cheaper than
     * HASH_DEL one by one, and clang-analyzer cannot follow uthash's
     * invariants through HASH_DEL (it reported a use after free there) */
    slot *s = b->index;
    HASH_CLEAR(hh, b->index);
    while (s) {
        slot *next = s->hh.next;
        free(s->key);
        free(s);
        s = next;
    }
    b->indexed = 0;
}

void fl_baseline_free(fl_baseline *b)
{
    if (!b)
        return;
    free_index(b);
    for (size_t i = 0; i < b->count; i++) {
        free(b->entries[i].path);
        free(b->entries[i].rule);
        free(b->entries[i].fingerprint);
        free(b->entries[i].text);
    }
    free(b->entries);
    free(b);
}

size_t fl_baseline_count(const fl_baseline *b)
{
    return b->count;
}

static fl_status add_entry(fl_baseline *b, const char *path, const char *rule,
                           const char *fingerprint, const char *text)
{
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        entry *grown = realloc(b->entries, cap * sizeof *grown);
        if (!grown)
            return FL_ENOMEM;
        b->entries = grown;
        b->cap = cap;
    }
    entry *e = &b->entries[b->count];
    e->path = strdup(fl_report_path(path));
    e->rule = strdup(rule ? rule : "");
    e->fingerprint = strdup(fingerprint);
    e->text = strdup(text ? text : "");
    if (!e->path || !e->rule || !e->fingerprint || !e->text) {
        free(e->path);
        free(e->rule);
        free(e->fingerprint);
        free(e->text);
        return FL_ENOMEM;
    }
    b->count++;
    if (b->indexed)
        free_index(b); /* rebuilt on the next filter */
    return FL_OK;
}

fl_status fl_baseline_add(fl_baseline *b, const char *path, const fl_finding *f)
{
    return add_entry(b, path, f->rule, f->fingerprint ? f->fingerprint : "", f->text);
}

fl_status fl_baseline_add_result(fl_baseline *b, const char *path, const fl_result *result)
{
    for (size_t i = 0; result && i < fl_result_count(result); i++) {
        fl_status st = fl_baseline_add(b, path, fl_result_get(result, i));
        if (st != FL_OK)
            return st;
    }
    return FL_OK;
}

static char *make_key(const char *fingerprint, const char *path)
{
    size_t a = strlen(fingerprint), p = strlen(path);
    char *key = malloc(a + p + 2);
    if (key) {
        // NOLINTNEXTLINE(bugprone-not-null-terminated-result): path copy adds NUL
        memcpy(key, fingerprint, a);
        key[a] = '\n';
        memcpy(key + a + 1, path, p + 1);
    }
    return key;
}

static fl_status build_index(fl_baseline *b)
{
    bool hash_oom = false; /* set by uthash_nonfatal_oom */
    for (size_t i = 0; i < b->count; i++) {
        char *key = make_key(b->entries[i].fingerprint, b->entries[i].path);
        if (!key)
            return FL_ENOMEM;
        slot *s;
        HASH_FIND_STR(b->index, key, s);
        if (s) {
            s->left++;
            free(key);
            continue;
        }
        s = calloc(1, sizeof *s);
        if (!s) {
            free(key);
            return FL_ENOMEM;
        }
        s->key = key;
        s->left = 1;
        HASH_ADD_KEYPTR(hh, b->index, s->key, strlen(s->key), s);
        if (hash_oom) {
            /* s is not in the table */
            free(key);
            free(s);
            return FL_ENOMEM;
        }
    }
    b->indexed = 1;
    return FL_OK;
}

typedef struct filter_ctx {
    fl_baseline *b;
    const char *path;
    size_t dropped;
} filter_ctx;

static int keep_new(const fl_finding *f, void *arg)
{
    filter_ctx *ctx = arg;
    char *key = make_key(f->fingerprint ? f->fingerprint : "", ctx->path);
    if (!key)
        return 1; /* out of memory: report rather than hide */
    slot *s;
    HASH_FIND_STR(ctx->b->index, key, s);
    free(key);
    if (s && s->left) {
        s->left--;
        ctx->dropped++;
        return 0;
    }
    return 1;
}

size_t fl_baseline_filter(fl_baseline *b, const char *path, fl_result *result)
{
    if (!b || !result || !b->count)
        return 0;
    if (!b->indexed && build_index(b) != FL_OK) {
        free_index(b);
        return 0;
    }
    filter_ctx ctx = {b, fl_report_path(path), 0};
    fl_result_filter(result, keep_new, &ctx);
    return ctx.dropped;
}

/* ------------------------------------------------------------- the file */

static void load_error(fl_error *err, fl_status st, const char *path, const char *what)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->status = st;
    snprintf(err->message, sizeof err->message, "%s: %s", path, what);
}

fl_status fl_baseline_load(const char *path, fl_baseline **out, fl_error *err)
{
    *out = NULL;
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        if (json_error_code(&jerr) == json_error_cannot_open_file) {
            int e = errno;
            load_error(err, FL_EIO, path, "cannot read the baseline");
            if (err)
                err->sys_errno = e;
            return FL_EIO;
        }
        char what[200];
        snprintf(what, sizeof what, "not a factlint baseline (line %d: %s)", jerr.line, jerr.text);
        load_error(err, FL_EUSAGE, path, what);
        return FL_EUSAGE;
    }
    json_t *version = json_object_get(root, "version");
    json_t *findings = json_object_get(root, "findings");
    if (!json_is_integer(version) || json_integer_value(version) != 1 || !json_is_array(findings)) {
        json_decref(root);
        load_error(err, FL_EUSAGE, path,
                   "not a factlint baseline (want {\"version\": 1, \"findings\": [...]})");
        return FL_EUSAGE;
    }
    fl_baseline *b = fl_baseline_new();
    if (!b) {
        json_decref(root);
        load_error(err, FL_ENOMEM, path, "out of memory");
        return FL_ENOMEM;
    }
    size_t i;
    json_t *item;
    json_array_foreach(findings, i, item)
    {
        const char *p = json_string_value(json_object_get(item, "path"));
        const char *fp = json_string_value(json_object_get(item, "fingerprint"));
        if (!p || !fp) {
            char what[160];
            snprintf(what, sizeof what, "finding %zu lacks a \"path\" or \"fingerprint\" string",
                     i + 1);
            load_error(err, FL_EUSAGE, path, what);
            fl_baseline_free(b);
            json_decref(root);
            return FL_EUSAGE;
        }
        fl_status st = add_entry(b, p, json_string_value(json_object_get(item, "rule")), fp,
                                 json_string_value(json_object_get(item, "text")));
        if (st != FL_OK) {
            fl_baseline_free(b);
            json_decref(root);
            load_error(err, st, path, "out of memory");
            return st;
        }
    }
    json_decref(root);
    *out = b;
    return FL_OK;
}

static int entry_order(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    if (!c)
        c = strcmp(a->rule, b->rule);
    if (!c)
        c = strcmp(a->fingerprint, b->fingerprint);
    if (!c)
        c = strcmp(a->text, b->text);
    return c;
}

fl_status fl_baseline_write(const fl_baseline *b, const char *path, fl_error *err)
{
    entry *sorted = b->count ? malloc(b->count * sizeof *sorted) : NULL;
    if (b->count && !sorted) {
        load_error(err, FL_ENOMEM, path, "out of memory");
        return FL_ENOMEM;
    }
    if (b->count) {
        memcpy(sorted, b->entries, b->count * sizeof *sorted);
        qsort(sorted, b->count, sizeof *sorted, entry_order);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        free(sorted);
        load_error(err, FL_ENOMEM, path, "out of memory");
        return FL_ENOMEM;
    }
    int bad = 0;
    fputs("{\"version\": 1, \"findings\": [", mem);
    for (size_t i = 0; i < b->count; i++) {
        json_t *o = json_object();
        bad |= !o;
        if (o) {
            json_t *v;
            bad |= (v = fl_json_text(sorted[i].path)) ? json_object_set_new(o, "path", v) : -1;
            bad |= (v = fl_json_text(sorted[i].rule)) ? json_object_set_new(o, "rule", v) : -1;
            bad |= (v = fl_json_text(sorted[i].fingerprint))
                       ? json_object_set_new(o, "fingerprint", v)
                       : -1;
            bad |= (v = fl_json_text(sorted[i].text)) ? json_object_set_new(o, "text", v) : -1;
            fputs(i ? ",\n" : "\n", mem);
            bad |= fl_json_write(o, mem);
            json_decref(o);
        }
    }
    fputs(b->count ? "\n]}\n" : "]}\n", mem);
    bad |= fclose(mem) != 0;
    free(sorted);
    if (bad || !buf) {
        free(buf);
        load_error(err, FL_ENOMEM, path, "out of memory");
        return FL_ENOMEM;
    }
    fl_status st = fl_write_atomic(path, NULL, buf, len, err);
    free(buf);
    return st;
}

/* checker.c - options, the shared checker, and one document's run through
 * the pipeline: extract, segment, mentions, checks. */
#include "internal.h"
#include "config.h"
#include "suppress.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libstemmer.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FL_DEFAULT_MAX_MENTIONS = 1000000 };

/* The first arena block of a run (fl_check_with): so many bytes per byte
 * of text and a fixed part; a text this long or longer gets the largest
 * first block fl_arena_new_sized gives. */
enum { FL_RUN_BYTES_PER_BYTE = 24, FL_RUN_BYTES_FIXED = 4096, FL_RUN_LEN_MAX = 1024 * 1024 };

struct fl_options {
    bool *enabled;         /* per registry index */
    fl_severity *severity; /* per registry index */
    bool builtin_lexicon;
    char **lexicon_paths;
    size_t lexicon_count;
    size_t max_mentions;
};

struct fl_checker {
    fl_options opts; /* a deep copy */
    fl_lexicon *lexicon;
    fl_patterns *patterns;
    /* Workspaces (stemmer, match data, stem cache) lent to runs: a run
     * takes one from the free list or makes one, and gives it back, so
     * there are as many as runs ever went at once (about one per thread)
     * and the expensive per-document set-up happens once per thread. */
    pthread_mutex_t pool_lock;
    fl_workspace *pool;
};

/* --------------------------------------------------------------- rules */

size_t fl_rule_count(void)
{
    return fl_check_count;
}

const fl_rule_info *fl_rule_get(size_t i)
{
    return i < fl_check_count ? &fl_checks[i]->info : NULL;
}

static long rule_index(const char *id)
{
    for (size_t i = 0; i < fl_check_count; i++)
        if (strcmp(fl_checks[i]->info.id, id) == 0)
            return (long)i;
    return -1;
}

const fl_rule_info *fl_rule_find(const char *id)
{
    long i = rule_index(id);
    return i < 0 ? NULL : &fl_checks[i]->info;
}

/* ------------------------------------------------------------- options */

fl_options *fl_options_new(void)
{
    fl_options *opts = calloc(1, sizeof *opts);
    if (!opts)
        return NULL;
    size_t n = fl_check_count ? fl_check_count : 1;
    opts->enabled = calloc(n, sizeof *opts->enabled);
    opts->severity = calloc(n, sizeof *opts->severity);
    if (!opts->enabled || !opts->severity) {
        fl_options_free(opts);
        return NULL;
    }
    for (size_t i = 0; i < fl_check_count; i++) {
        opts->enabled[i] = true;
        opts->severity[i] = fl_checks[i]->info.severity;
    }
    opts->builtin_lexicon = true;
    opts->max_mentions = FL_DEFAULT_MAX_MENTIONS;
    return opts;
}

/* Frees the arrays an fl_options owns (not the struct itself). */
static void free_option_arrays(fl_options *opts)
{
    free(opts->enabled);
    free(opts->severity);
    for (size_t i = 0; i < opts->lexicon_count; i++)
        free(opts->lexicon_paths[i]);
    free(opts->lexicon_paths);
}

void fl_options_free(fl_options *opts)
{
    if (!opts)
        return;
    free_option_arrays(opts);
    free(opts);
}

fl_status fl_options_enable_rule(fl_options *opts, const char *rule, int enabled)
{
    long i = rule_index(rule);
    if (i < 0)
        return FL_EUSAGE;
    opts->enabled[i] = enabled != 0;
    return FL_OK;
}

fl_status fl_options_set_severity(fl_options *opts, const char *rule, fl_severity severity)
{
    long i = rule_index(rule);
    if (i < 0 || severity > FL_SEV_ERROR)
        return FL_EUSAGE;
    opts->severity[i] = severity;
    return FL_OK;
}

void fl_options_use_default_lexicon(fl_options *opts, int use)
{
    opts->builtin_lexicon = use != 0;
}

fl_status fl_options_add_lexicon(fl_options *opts, const char *path)
{
    char **grown = realloc(opts->lexicon_paths, (opts->lexicon_count + 1) * sizeof *grown);
    if (!grown)
        return FL_ENOMEM;
    opts->lexicon_paths = grown;
    grown[opts->lexicon_count] = strdup(path);
    if (!grown[opts->lexicon_count])
        return FL_ENOMEM;
    opts->lexicon_count++;
    return FL_OK;
}

void fl_options_set_max_mentions(fl_options *opts, size_t max)
{
    opts->max_mentions = max ? max : FL_DEFAULT_MAX_MENTIONS;
}

/* ------------------------------------------------------------- checker */

fl_status fl_checker_new(const fl_options *opts, fl_checker **out, fl_error *err)
{
    *out = NULL;
    fl_checker *checker = calloc(1, sizeof *checker);
    fl_options *copy = fl_options_new();
    if (!checker || !copy) {
        free(checker);
        fl_options_free(copy);
        return FL_ENOMEM;
    }
    if (opts) {
        memcpy(copy->enabled, opts->enabled, fl_check_count * sizeof *copy->enabled);
        memcpy(copy->severity, opts->severity, fl_check_count * sizeof *copy->severity);
        copy->builtin_lexicon = opts->builtin_lexicon;
        copy->max_mentions = opts->max_mentions;
        for (size_t i = 0; i < opts->lexicon_count; i++) {
            if (fl_options_add_lexicon(copy, opts->lexicon_paths[i]) != FL_OK) {
                fl_options_free(copy);
                free(checker);
                return FL_ENOMEM;
            }
        }
    }
    checker->opts = *copy;
    free(copy); /* its arrays now belong to checker->opts */
    if (pthread_mutex_init(&checker->pool_lock, NULL) != 0) {
        free_option_arrays(&checker->opts);
        free(checker);
        return FL_ENOMEM;
    }
    fl_status st = fl_lexicon_build(checker->opts.builtin_lexicon,
                                    (const char *const *)checker->opts.lexicon_paths,
                                    checker->opts.lexicon_count, &checker->lexicon, err);
    if (st == FL_OK)
        st = fl_patterns_new(&checker->patterns, err);
    if (st != FL_OK) {
        fl_checker_free(checker);
        return st;
    }
    *out = checker;
    return FL_OK;
}

void fl_checker_free(fl_checker *checker)
{
    if (!checker)
        return;
    fl_lexicon_free(checker->lexicon);
    fl_patterns_free(checker->patterns);
    while (checker->pool) {
        fl_workspace *ws = checker->pool;
        checker->pool = ws->next;
        fl_workspace_free(ws);
    }
    pthread_mutex_destroy(&checker->pool_lock);
    free_option_arrays(&checker->opts);
    free(checker);
}

/* ---------------------------------------------------------- workspaces */

fl_workspace *fl_workspace_new(void)
{
    fl_workspace *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->stemmer = sb_stemmer_new("english", NULL);
    ws->match_data = pcre2_match_data_create(16, NULL);
    if (!ws->stemmer || !ws->match_data) {
        fl_workspace_free(ws);
        return NULL;
    }
    return ws;
}

void fl_workspace_free(fl_workspace *ws)
{
    if (!ws)
        return;
    if (ws->stemmer)
        sb_stemmer_delete(ws->stemmer);
    pcre2_match_data_free(ws->match_data);
    fl_stem_cache_free(ws->stems);
    fl_ctx_phrase_sets_free(ws->phrase_sets);
    free(ws);
}

/* The checker is const to its users; only the pool (behind its lock)
 * changes, and nothing a run computes depends on which workspace it got. */
static fl_workspace *workspace_take(const fl_checker *checker)
{
    fl_checker *c = (fl_checker *)checker;
    fl_workspace *ws = NULL;
    pthread_mutex_lock(&c->pool_lock);
    if (c->pool) {
        ws = c->pool;
        c->pool = ws->next;
    }
    pthread_mutex_unlock(&c->pool_lock);
    if (!ws)
        ws = fl_workspace_new();
    if (ws)
        ws->next = NULL;
    return ws;
}

static void workspace_give(const fl_checker *checker, fl_workspace *ws)
{
    if (!ws)
        return;
    fl_checker *c = (fl_checker *)checker;
    pthread_mutex_lock(&c->pool_lock);
    ws->next = c->pool;
    c->pool = ws;
    pthread_mutex_unlock(&c->pool_lock);
}

/* ------------------------------------------------------------ findings */

void fl_prose_to_source(const fl_prose *prose, size_t off, size_t len, size_t *src_off,
                        size_t *src_len)
{
    if (!prose->pieces) {
        *src_off = off;
        *src_len = len;
        return;
    }
    /* the last piece starting at or before a prose offset */
    size_t lo, hi;
    const fl_piece *pc = prose->pieces;
#define FIND_PIECE(x, idx)                                                                         \
    do {                                                                                           \
        lo = 0;                                                                                    \
        hi = prose->piece_count;                                                                   \
        while (hi - lo > 1) {                                                                      \
            size_t mid = lo + (hi - lo) / 2;                                                       \
            if (pc[mid].prose_off <= (x))                                                          \
                lo = mid;                                                                          \
            else                                                                                   \
                hi = mid;                                                                          \
        }                                                                                          \
        (idx) = lo;                                                                                \
    } while (0)
    size_t a, b;
    FIND_PIECE(off, a);
    size_t last = len ? off + len - 1 : off;
    FIND_PIECE(last, b);
#undef FIND_PIECE
    size_t start = pc[a].verbatim ? pc[a].src_off + (off - pc[a].prose_off) : pc[a].src_off;
    size_t end = pc[b].verbatim ? pc[b].src_off + (last - pc[b].prose_off) + (len ? 1 : 0)
                                : pc[b].src_off + pc[b].src_len;
    *src_off = start;
    *src_len = end > start ? end - start : 0;
}

static const char *source_slice(fl_doc *doc, size_t off, size_t len)
{
    return fl_arena_strndup(doc->arena, fl_source_bytes(doc->src) + off, len);
}

/* Hashes s[0..len) word by word, so runs of white space (a re-wrapped
 * paragraph, a line break inside a name) do not change the hash. */
static bool is_hash_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

enum { FL_FINGERPRINT_REACH = 1024 };

static uint64_t hash_words(const char *s, size_t len, uint64_t seed)
{
    uint64_t h = seed;
    size_t i = 0;
    while (i < len) {
        while (i < len && is_hash_space(s[i]))
            i++;
        size_t start = i;
        while (i < len && !is_hash_space(s[i]))
            i++;
        if (i > start)
            h = fl_hash64(s + start, i - start, h);
    }
    return h;
}

/* Folded (case, width, dashes), space-collapsed text for fingerprints. */
static uint64_t hash_normalized(const char *s, uint64_t seed)
{
    char buf[256];
    size_t n = fl_fold(s, strlen(s), 0, buf, sizeof buf);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    return hash_words(buf, n, seed);
}

static size_t sentence_at(const fl_doc *doc, size_t off)
{
    size_t lo = 0, hi = doc->sentences.count;
    if (hi == 0)
        return 0;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (FL_DOC_SENTENCE(doc, mid)->off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

fl_finding *fl_doc_add_finding(fl_doc *doc, const char *rule, fl_severity severity, size_t off,
                               size_t len, const char *message, const char *suggestion,
                               const size_t *rel_off, const size_t *rel_len, size_t rel_count)
{
    fl_finding *f = fl_vec_push(doc->arena, &doc->findings);
    if (!f)
        return NULL;
    size_t so, sl;
    fl_prose_to_source(&doc->prose, off, len, &so, &sl);
    f->rule = rule;
    f->severity = severity;
    f->offset = so;
    f->length = sl;
    f->text = source_slice(doc, so, sl);
    f->message = fl_arena_strndup(doc->arena, message, strlen(message));
    f->suggestion =
        suggestion ? fl_arena_strndup(doc->arena, suggestion, strlen(suggestion)) : NULL;
    uint64_t h = fl_hash64(rule, strlen(rule), 0);
    h = hash_normalized(f->text ? f->text : "", h);
    uint64_t related_sum = 0;
    if (rel_count) {
        fl_related *rel = fl_arena_alloc(doc->arena, rel_count * sizeof *rel);
        if (!rel)
            return NULL;
        for (size_t i = 0; i < rel_count; i++) {
            fl_prose_to_source(&doc->prose, rel_off[i], rel_len[i], &rel[i].offset, &rel[i].length);
            rel[i].text = source_slice(doc, rel[i].offset, rel[i].length);
            /* a sum, so the order of the related spans does not matter */
            related_sum += hash_normalized(rel[i].text ? rel[i].text : "", 0);
        }
        f->related = rel;
        f->related_count = rel_count;
        h = fl_hash64(&related_sum, sizeof related_sum, h);
    }
    /* the sentence's words, not its position: moving or re-wrapping a
     * paragraph keeps the fingerprint, so baselines survive edits */
    if (doc->sentences.count) {
        const fl_sentence *s = FL_DOC_SENTENCE(doc, sentence_at(doc, off));
        size_t from = s->off, to = s->off + s->len;
        /* a sentence longer than any in prose (a list or table without
         * stops, a machine-made line) hashes only the words within
         * FL_FINGERPRINT_REACH bytes of the finding: hashing all of it for
         * each of many findings would cost its length squared */
        if (s->len > 2 * (size_t)FL_FINGERPRINT_REACH) {
            const char *t = doc->prose.text;
            if (off > from + FL_FINGERPRINT_REACH) {
                from = off - FL_FINGERPRINT_REACH;
                while (from < off && !is_hash_space(t[from - 1]))
                    from++;
            }
            if (off + len + FL_FINGERPRINT_REACH < to) {
                to = off + len + FL_FINGERPRINT_REACH;
                while (to > off + len && !is_hash_space(t[to]))
                    to--;
            }
        }
        h = hash_words(doc->prose.text + from, to - from, h);
    }
    /* "%016llx" by hand: printf's parsing costs more than the digits */
    char *fp = fl_arena_alloc_uninit(doc->arena, 17);
    if (fp) {
        static const char hex[] = "0123456789abcdef";
        for (int i = 15; i >= 0; i--, h >>= 4)
            fp[i] = hex[h & 15];
        fp[16] = '\0';
    }
    f->fingerprint = fp;
    if (!f->text || !f->message || !f->fingerprint)
        return NULL;
    return f;
}

static int finding_order(const void *pa, const void *pb)
{
    const fl_finding *a = pa, *b = pb;
    if (a->offset != b->offset)
        return a->offset < b->offset ? -1 : 1;
    int c = strcmp(a->rule, b->rule);
    if (c)
        return c;
    return strcmp(a->message, b->message);
}

/* --------------------------------------------------------------- a run */

/* Whether the extension ext[0..n) (after the dot) is the lower-case lit,
 * ASCII letters compared without case (strcasecmp in the C locale). */
static bool ext_is(const char *ext, size_t n, const char *lit)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)ext[i];
        if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != (unsigned char)lit[i])
            return false;
    }
    return lit[n] == '\0';
}

static fl_input_format format_for(const char *name, fl_input_format format)
{
    if (format != FL_FORMAT_AUTO)
        return format;
    /* the extension: after the last dot, which no slash follows (one
     * pass from the end; most names end in ".txt", no match) */
    size_t len = strlen(name), dot = len;
    while (dot > 0 && name[dot - 1] != '.' && name[dot - 1] != '/')
        dot--;
    if (dot == 0 || name[dot - 1] != '.')
        return FL_FORMAT_TEXT;
    const char *ext = name + dot;
    size_t n = len - dot;
    switch (n) {
    case 2:
        return ext_is(ext, n, "md") ? FL_FORMAT_MARKDOWN : FL_FORMAT_TEXT;
    case 3:
        return ext_is(ext, n, "mdx")   ? FL_FORMAT_MARKDOWN
               : ext_is(ext, n, "htm") ? FL_FORMAT_HTML
                                       : FL_FORMAT_TEXT;
    case 4:
        return ext_is(ext, n, "html") ? FL_FORMAT_HTML : FL_FORMAT_TEXT;
    case 5:
        return ext_is(ext, n, "xhtml") ? FL_FORMAT_HTML : FL_FORMAT_TEXT;
    case 8:
        return ext_is(ext, n, "markdown") ? FL_FORMAT_MARKDOWN : FL_FORMAT_TEXT;
    default:
        return FL_FORMAT_TEXT;
    }
}

fl_status fl_check(const fl_checker *checker, const fl_source *src, fl_input_format format,
                   fl_result **out, fl_error *err)
{
    return fl_check_with(checker, src, format, NULL, out, err);
}

fl_status fl_check_with(const fl_checker *checker, const fl_source *src, fl_input_format format,
                        const fl_run_settings *run, fl_result **out, fl_error *err)
{
    return fl_check_reusing(checker, src, format, run, NULL, out, err);
}

fl_status fl_check_reusing(const fl_checker *checker, const fl_source *src, fl_input_format format,
                           const fl_run_settings *run, fl_result *spare, fl_result **out,
                           fl_error *err)
{
    *out = NULL;
    const bool *enabled = run && run->enabled ? run->enabled : checker->opts.enabled;
    const fl_severity *severity = run && run->severity ? run->severity : checker->opts.severity;
    /* a run takes about FL_RUN_BYTES_PER_BYTE times its text's length in
     * arena (news: 15-28x, generated text 20-22x): one block of that size,
     * which also holds the arena and the result, spares most runs the
     * allocations (and frees) of growing blocks, one by one */
    size_t len = fl_source_length(src);
    size_t first =
        len < FL_RUN_LEN_MAX ? len * FL_RUN_BYTES_PER_BYTE + FL_RUN_BYTES_FIXED : SIZE_MAX;
    if (spare && !spare->doc.result_in_arena) {
        fl_result_free(spare); /* not from here: nothing to reuse */
        spare = NULL;
    }
    fl_arena *arena = fl_arena_renew_sized(spare ? spare->doc.arena : NULL, first);
    fl_result *result = arena ? fl_arena_alloc(arena, sizeof *result) : NULL;
    if (!result) {
        fl_arena_free(arena);
        return FL_ENOMEM;
    }
    fl_doc *doc = &result->doc;
    doc->arena = arena;
    doc->result_in_arena = true;
    doc->src = src;
    doc->lexicon = checker->lexicon;
    doc->patterns = checker->patterns;
    doc->max_mentions = checker->opts.max_mentions;
    fl_vec_init(&doc->sentences, sizeof(fl_sentence));
    fl_vec_init(&doc->tokens, sizeof(fl_token));
    fl_vec_init(&doc->mentions, sizeof(fl_mention));
    fl_vec_init(&doc->findings, sizeof(fl_finding));
    fl_vec_init(&doc->directives, sizeof(fl_directive));
    doc->front_matter = run && run->front_matter;
    doc->ws = workspace_take(checker);
    if (!doc->ws) {
        fl_result_free(result);
        return FL_ENOMEM;
    }

    fl_status st;
    fl_input_format chosen = format_for(fl_source_name(src), format);
    switch (chosen) {
    case FL_FORMAT_MARKDOWN:
        st = fl_extract_markdown(doc);
        break;
    case FL_FORMAT_HTML:
        st = fl_extract_html(doc);
        break;
    default:
        st = fl_extract_text(doc);
        break;
    }
    if (st == FL_OK && chosen != FL_FORMAT_MARKDOWN && chosen != FL_FORMAT_HTML)
        fl_suppress_scan_lines(doc); /* Markdown and HTML extractors find comments */
    if (st == FL_OK)
        st = doc->status;
    if (st == FL_OK)
        st = fl_segment(doc);
    if (st == FL_OK)
        st = fl_find_mentions(doc);
    /* the last check that reads the name checks' shared uses: they are
     * freed after it, so that the checks after it take their pages */
    size_t last_folds = SIZE_MAX;
    for (size_t i = 0; i < fl_check_count; i++)
        if (enabled[i] && fl_checks[i]->name_folds)
            last_folds = i;
    for (size_t i = 0; st == FL_OK && i < fl_check_count; i++) {
        if (!enabled[i])
            continue;
        size_t before = doc->findings.count;
        fl_checks[i]->run(doc);
        fl_scratch_release(doc->arena, &doc->scratch);
        if (i == last_folds)
            fl_name_folds_drop(doc);
        /* a check may grade its own findings (name-variant: look-alikes are
         * errors, spacing warnings); a severity the user chose applies to all */
        if (severity[i] != fl_checks[i]->info.severity)
            for (size_t k = before; k < doc->findings.count; k++)
                ((fl_finding *)doc->findings.items)[k].severity = severity[i];
        st = doc->status;
    }
    if (st == FL_OK)
        st = fl_suppress_apply(doc, enabled, severity);
    workspace_give(checker, doc->ws);
    doc->ws = NULL;
    if (st != FL_OK) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = st;
            if (st == FL_ELIMIT)
                snprintf(err->message, sizeof err->message,
                         "too many mentions to check (over %zu; --max-mentions raises the "
                         "limit)",
                         doc->max_mentions);
            else
                snprintf(err->message, sizeof err->message, "%s", fl_strerror(st));
        }
        fl_result_free(result);
        return st;
    }
    if (doc->findings.count > 1)
        qsort(doc->findings.items, doc->findings.count, sizeof(fl_finding), finding_order);
    *out = result;
    return FL_OK;
}

size_t fl_result_count(const fl_result *result)
{
    return result->doc.findings.count;
}

const fl_finding *fl_result_get(const fl_result *result, size_t i)
{
    if (i >= result->doc.findings.count)
        return NULL;
    return &((const fl_finding *)result->doc.findings.items)[i];
}

void fl_result_free(fl_result *result)
{
    if (!result)
        return;
    bool own = !result->doc.result_in_arena;
    fl_arena_free(result->doc.arena);
    if (own)
        free(result);
}

fl_status fl_result_filter(fl_result *result, int (*keep)(const fl_finding *f, void *ctx),
                           void *ctx)
{
    fl_finding *items = result->doc.findings.items;
    size_t kept = 0;
    for (size_t i = 0; i < result->doc.findings.count; i++)
        if (keep(&items[i], ctx))
            items[kept++] = items[i];
    result->doc.findings.count = kept;
    return FL_OK;
}

size_t fl_result_mention_count(const fl_result *result)
{
    return result->doc.mentions.count;
}

size_t fl_result_sentence_count(const fl_result *result)
{
    return result->doc.sentences.count;
}

fl_status fl_result_mention(const fl_result *result, size_t i, fl_mention_info *out)
{
    fl_doc *doc = (fl_doc *)&result->doc; /* value strings go into the arena */
    if (i >= doc->mentions.count)
        return FL_EUSAGE;
    const fl_mention *m = FL_DOC_MENTION(doc, i);
    out->kind = fl_mention_kind_name(m->kind);
    fl_prose_to_source(&doc->prose, m->off, m->len, &out->offset, &out->length);
    out->surface = m->surface;
    out->fold = m->fold ? m->fold : "";
    out->skeleton = m->skeleton ? m->skeleton : "";
    out->family = m->family ? m->family : "";
    const char *v = fl_mention_value_string(doc, m);
    out->value = v ? v : "";
    out->sentence = m->sentence;
    return FL_OK;
}

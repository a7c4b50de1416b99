/* lexicon.c - parses lexicon files (the built-in data and the user's) and
 * indexes them for the name checks: by fold key, by misspelling, by
 * skeleton, by family, and a deletion-neighbourhood index for names within
 * one or two edits.
 *
 * File format (documented for users in corpus/lexicon/README.md): one
 * entry a line, `canonical | kind | family | aliases | misspellings`;
 * lists separated by `,`; `\|`, `\,` and `\\` escape; `#` starts a comment
 * line; trailing empty fields may be left out. In the built-in data a line
 * `#@file NAME` says which file the following lines came from. */
#include "lexicon.h"

#include "bytes8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

extern const char fl_builtin_lexicon[];
extern const size_t fl_builtin_lexicon_len;

enum { KEY_CAP = 512 };

/* Which index a record belongs to. */
enum { IX_FOLD, IX_MISSPELLING, IX_SKELETON, IX_FAMILY, IX_COUNT };

typedef struct lex_record {
    unsigned index;
    const char *key;
    size_t key_len;
    fl_lex_hit hit;
} lex_record;

typedef fl_lex_slot lex_slot;
typedef fl_lex_near_item near_item;

struct fl_lexicon {
    fl_arena *arena;
    fl_lex_entry *entries;
    size_t entry_count, entry_cap;
    fl_lex_hit *hits; /* parallel to records, for handing out ranges */
    /* the records: the image's where the lexicon is an image's (`image`,
     * with `records` NULL: not copied), else its own (record_at) */
    lex_record *records;
    size_t record_count, record_cap;
    const fl_lex_image *image;
    /* the slots and the near index are malloc'd, or an image's (borrowed) */
    const lex_slot *slots;
    size_t slot_mask;
    fl_lex_hit *near_hits; /* parallel to near_cps */
    const fl_lex_near_cps *near_cps;
    size_t near_form_count;
    const near_item *near_items;
    size_t near_item_count;
    const size_t *near_buckets; /* by the top FL_NEAR_BUCKET_BITS of the hash: first item */
    /* the near forms' words and shapes (see build_near_words), in one
     * block of near_word_count words: a header, the word set's pairs of
     * 32-bit slots (near_pairs), then the shape set's slots (near_shapes);
     * 0: an empty slot */
    const uint64_t *near_words;
    size_t near_word_count;
    const uint64_t *near_pairs;
    size_t near_pair_mask; /* of the 32-bit slots, two a pair */
    const uint64_t *near_shapes;
    size_t near_shape_mask;
    /* a bit for each fold and misspelling key (fl_lex_fold_filter_bit): a key
     * whose bit is clear is in neither index (see
     * fl_lexicon_by_fold_and_misspelling); NULL: none made */
    const uint64_t *fold_filter;
    bool borrowed;
    bool near_words_borrowed; /* near_words and fold_filter are an image's */
    uint64_t stamp;           /* fl_lexicon_stamp */
};

/* A new lexicon's stamp: random, so no other lexicon of the process has
 * it (but by a 2^-64 chance), not even one later built at its address
 * (a clock's reading where the system gives no random bytes). */
static uint64_t new_stamp(void)
{
    uint64_t v;
    if (getrandom(&v, sizeof v, GRND_NONBLOCK) == (ssize_t)sizeof v)
        return v;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec) * 0x9e3779b97f4a7c15ull;
}

enum { NEAR_BUCKET_BITS = FL_NEAR_BUCKET_BITS };

static const char *const kind_names[FL_LEX_KIND_COUNT] = {"org",     "product", "person", "place",
                                                          "acronym", "event",   "law"};

const char *fl_lex_kind_name(fl_lex_kind kind)
{
    return kind < FL_LEX_KIND_COUNT ? kind_names[kind] : "unknown";
}

/* ---------------------------------------------------------------- errors */

static fl_status lex_error(fl_error *err, const char *file, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static fl_status lex_error(fl_error *err, const char *file, size_t line, const char *fmt, ...)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = FL_ELEXICON;
        err->line = line;
        char what[200];
        va_list ap;
        va_start(ap, fmt);
        // clang-tidy 14 forgets va_start/va_copy after the first file of a run
        // NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): ap is started above
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        if (line)
            snprintf(err->message, sizeof err->message, "%s:%zu: %s", file, line, what);
        else
            snprintf(err->message, sizeof err->message, "%s: %s", file, what);
    }
    return FL_ELEXICON;
}

/* --------------------------------------------------------------- parsing */

typedef struct field {
    const char *s;
    size_t len;
} field;

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static field trim(const char *s, size_t len)
{
    while (len && is_blank(*s)) {
        s++;
        len--;
    }
    while (len && is_blank(s[len - 1]))
        len--;
    return (field){s, len};
}

/* Splits s[0..len) at unescaped `sep`; returns the number of parts (which
 * may exceed cap; only cap are stored). */
static size_t split(const char *s, size_t len, char sep, field *parts, size_t cap)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] == '\\' && i + 1 < len) {
            i++;
            continue;
        }
        if (i == len || s[i] == sep) {
            if (n < cap)
                parts[n] = trim(s + start, i - start);
            n++;
            start = i + 1;
        }
    }
    return n;
}

/* Copies a field into the arena with escapes resolved; NULL and *bad set
 * to the offending character on an unknown escape. */
static char *unescape(fl_arena *arena, field f, char *bad)
{
    char *out = fl_arena_alloc(arena, f.len + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < f.len; i++) {
        char c = f.s[i];
        if (c == '\\') {
            char next = i + 1 < f.len ? f.s[i + 1] : '\0';
            if (next != '|' && next != ',' && next != '\\') {
                *bad = next;
                return NULL;
            }
            c = next;
            i++;
        }
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

typedef struct parse_state {
    fl_lexicon *lex;
    const char *file;
    size_t line;
    fl_error *err;
} parse_state;

static fl_status parse_list(parse_state *ps, field f, const char *what, const char *const **out,
                            size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!f.len)
        return FL_OK;
    size_t n = split(f.s, f.len, ',', NULL, 0);
    field *parts = fl_arena_alloc(ps->lex->arena, n * sizeof *parts);
    const char **items = fl_arena_alloc(ps->lex->arena, n * sizeof *items);
    if (!parts || !items)
        return FL_ENOMEM;
    split(f.s, f.len, ',', parts, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!parts[i].len)
            continue; /* "a, , b" and a trailing comma are harmless */
        char bad = 0;
        const char *item = unescape(ps->lex->arena, parts[i], &bad);
        if (!item) {
            if (bad || parts[i].len)
                return lex_error(ps->err, ps->file, ps->line,
                                 "unknown escape '\\%c' in %s (use \\|, \\, or \\\\)",
                                 bad ? bad : ' ', what);
            return FL_ENOMEM;
        }
        items[k++] = item;
    }
    *out = items;
    *count = k;
    return FL_OK;
}

static size_t fold_key(const char *s, char *buf)
{
    size_t n = fl_fold(s, strlen(s), 0, buf, KEY_CAP);
    return n < KEY_CAP ? n : KEY_CAP - 1;
}

static fl_status add_entry(parse_state *ps, fl_lex_entry *entry)
{
    fl_lexicon *lex = ps->lex;
    /* replacement of earlier definitions is resolved after parsing
     * (dedupe_entries) */
    if (lex->entry_count == lex->entry_cap) {
        size_t cap = lex->entry_cap ? lex->entry_cap * 2 : 1024;
        fl_lex_entry *grown = realloc(lex->entries, cap * sizeof *grown);
        if (!grown)
            return FL_ENOMEM;
        lex->entries = grown;
        lex->entry_cap = cap;
    }
    lex->entries[lex->entry_count++] = *entry;
    return FL_OK;
}

static fl_status parse_line(parse_state *ps, const char *s, size_t len)
{
    size_t bad_off;
    if (!fl_utf8_valid(s, len, &bad_off))
        return lex_error(ps->err, ps->file, ps->line, "invalid UTF-8 (byte 0x%02X)",
                         (unsigned char)s[bad_off]);
    field fields[5];
    size_t n = split(s, len, '|', fields, 5);
    if (n > 5)
        return lex_error(ps->err, ps->file, ps->line,
                         "too many fields (%zu); expected 'canonical | kind | family | aliases | "
                         "misspellings' (escape a literal bar as \\|)",
                         n);
    if (n < 2)
        return lex_error(ps->err, ps->file, ps->line,
                         "expected at least 'canonical | kind' (fields are separated by ' | ')");
    fl_lex_entry e;
    memset(&e, 0, sizeof e);
    char bad = 0;
    if (!fields[0].len)
        return lex_error(ps->err, ps->file, ps->line, "empty canonical form");
    e.canonical = unescape(ps->lex->arena, fields[0], &bad);
    if (!e.canonical)
        return bad ? lex_error(ps->err, ps->file, ps->line,
                               "unknown escape '\\%c' in the canonical form (use \\|, \\, or \\\\)",
                               bad)
                   : FL_ENOMEM;
    size_t k;
    for (k = 0; k < FL_LEX_KIND_COUNT; k++)
        if (strlen(kind_names[k]) == fields[1].len &&
            memcmp(kind_names[k], fields[1].s, fields[1].len) == 0)
            break;
    if (k == FL_LEX_KIND_COUNT) {
        if (!fields[1].len)
            return lex_error(ps->err, ps->file, ps->line,
                             "missing kind for '%s' (org, product, person, place, acronym, event "
                             "or law)",
                             e.canonical);
        return lex_error(ps->err, ps->file, ps->line,
                         "unknown kind '%.*s' (org, product, person, place, acronym, event or "
                         "law)",
                         (int)(fields[1].len > 40 ? 40 : fields[1].len), fields[1].s);
    }
    e.kind = (fl_lex_kind)k;
    e.family = "";
    if (n > 2 && fields[2].len) {
        e.family = unescape(ps->lex->arena, fields[2], &bad);
        if (!e.family)
            return bad ? lex_error(ps->err, ps->file, ps->line,
                                   "unknown escape '\\%c' in the family (use \\|, \\, or \\\\)",
                                   bad)
                       : FL_ENOMEM;
    }
    fl_status st = FL_OK;
    if (n > 3)
        st = parse_list(ps, fields[3], "the aliases", &e.aliases, &e.alias_count);
    if (st == FL_OK && n > 4)
        st = parse_list(ps, fields[4], "the misspellings", &e.misspellings, &e.misspelling_count);
    if (st != FL_OK)
        return st;
    e.file = ps->file;
    e.line = ps->line;
    return add_entry(ps, &e);
}

/* Parses one file's text; `builtin` honours `#@file NAME` lines. */
static fl_status parse_text(fl_lexicon *lex, const char *name, const char *text, size_t len,
                            bool builtin, fl_error *err)
{
    parse_state ps = {lex, name, 0, err};
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *s = text + i;
        size_t n = end - i;
        i = end + 1;
        ps.line++;
        if (n && s[n - 1] == '\r')
            n--;
        if (builtin && n > 7 && memcmp(s, "#@file ", 7) == 0) {
            ps.file = fl_arena_strndup(lex->arena, s + 7, n - 7);
            if (!ps.file)
                return FL_ENOMEM;
            ps.line = 0;
            continue;
        }
        field t = trim(s, n);
        if (!t.len || t.s[0] == '#')
            continue;
        fl_status st = parse_line(&ps, t.s, t.len);
        if (st != FL_OK)
            return st;
    }
    return FL_OK;
}

static fl_status parse_file(fl_lexicon *lex, const char *path, fl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        lex_error(err, path, 0, "cannot open lexicon: %s", strerror(e));
        if (err)
            err->sys_errno = e;
        return FL_ELEXICON;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 65536) {
            cap = cap ? cap * 2 : 65536;
            char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                return FL_ENOMEM;
            }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return lex_error(err, path, 0, "cannot read lexicon");
    }
    const char *name = fl_arena_strndup(lex->arena, path, strlen(path));
    fl_status st = name ? parse_text(lex, name, buf, len, false, err) : FL_ENOMEM;
    free(buf);
    return st;
}

/* --------------------------------------------------------------- indexes */

static fl_status add_record(fl_lexicon *lex, unsigned index, const char *key, size_t key_len,
                            const fl_lex_entry *entry, const char *form, fl_lex_role role)
{
    if (lex->record_count == lex->record_cap) {
        size_t cap = lex->record_cap ? lex->record_cap * 2 : 4096;
        lex_record *grown = realloc(lex->records, cap * sizeof *grown);
        if (!grown)
            return FL_ENOMEM;
        lex->records = grown;
        lex->record_cap = cap;
    }
    const char *copy = fl_arena_strndup(lex->arena, key, key_len);
    if (!copy)
        return FL_ENOMEM;
    lex->records[lex->record_count++] = (lex_record){index, copy, key_len, {entry, form, role}};
    return FL_OK;
}

/* A hash of s[0..len), eight bytes at a time (little-endian loads: the
 * same on every host, as the built-in image's slots need). */
static inline uint64_t text_hash(const char *s, size_t len)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (uint64_t)len * 0xc2b2ae3d27d4eb4full;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        h = (h ^ fl_load8(s + i)) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    size_t rest = len - i;
    if (rest) {
        uint64_t w;
        if (len >= 8) /* the last eight bytes, less those already hashed */
            w = fl_load8(s + len - 8) >> (8 * (8 - rest));
        else if (rest >= 4) /* the first four and the last four, overlapping */
            w = fl_load4(s + i) | (uint64_t)fl_load4(s + len - 4) << 32;
        else /* the first, middle and last bytes of one to three */
            w = (uint64_t)(unsigned char)s[i] | (uint64_t)(unsigned char)s[i + rest / 2] << 8 |
                (uint64_t)(unsigned char)s[len - 1] << 16;
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    return h;
}

/* The slot hash of a key (its text_hash th) in one index. */
static uint64_t slot_hash(uint64_t th, unsigned index)
{
    uint64_t h = (th ^ (uint64_t)(index + 1) * 0x9e3779b97f4a7c15ull) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

static uint64_t key_hash(unsigned index, const char *key, size_t len)
{
    return slot_hash(text_hash(key, len), index);
}

static bool same_key(const lex_record *a, const lex_record *b)
{
    return a->index == b->index && a->key_len == b->key_len &&
           memcmp(a->key, b->key, a->key_len) == 0;
}

/* Groups the records by (index, key) into ranges, each found by a hash
 * slot. Within a range: canonical forms first, then aliases, then
 * misspellings, each in file order (the order they were added), with
 * exact duplicates (one entry listing a form twice) dropped. Linear: the
 * slots group the records, a stable scatter lays the groups out. */
static fl_status build_map(fl_lexicon *lex)
{
    size_t n = lex->record_count;
    if (n > UINT32_MAX)
        return FL_ENOMEM;
    size_t slots = 16;
    while (slots < n * 2)
        slots *= 2;
    lex_slot *table = calloc(slots, sizeof *table);
    lex->slots = table;
    lex->hits = malloc((n ? n : 1) * sizeof *lex->hits);
    size_t *slot_of_rec = malloc((n ? n : 1) * sizeof *slot_of_rec);
    size_t *next = malloc((n ? n : 1) * sizeof *next);
    lex_record *grouped = malloc((n ? n : 1) * sizeof *grouped);
    lex_record *scratch = malloc((n ? n : 1) * sizeof *scratch);
    if (!table || !lex->hits || !slot_of_rec || !next || !grouped || !scratch) {
        free(slot_of_rec);
        free(next);
        free(grouped);
        free(scratch);
        return FL_ENOMEM;
    }
    lex->slot_mask = slots - 1;
    /* each group's slot; `start` is its first record for now */
    for (size_t r = 0; r < n; r++) {
        const lex_record *rec = &lex->records[r];
        uint64_t h = key_hash(rec->index, rec->key, rec->key_len);
        size_t at = (size_t)h & lex->slot_mask;
        for (; table[at].count; at = (at + 1) & lex->slot_mask)
            if (table[at].hash == h && same_key(&lex->records[table[at].start], rec))
                break;
        if (!table[at].count)
            table[at] = (lex_slot){h, (uint32_t)r, 0};
        table[at].count++;
        slot_of_rec[r] = at;
    }
    /* the groups one after another, in the order they were first met;
     * next[first record] is where the group's next record goes */
    size_t used = 0;
    for (size_t r = 0; r < n; r++) {
        lex_slot *sl = &table[slot_of_rec[r]];
        if (sl->start == r) {
            next[r] = used;
            used += sl->count;
        }
        grouped[next[sl->start]++] = lex->records[r];
    }
    free(lex->records);
    lex->records = grouped;
    for (size_t at = 0; at <= lex->slot_mask; at++) {
        lex_slot *sl = &table[at];
        if (!sl->count)
            continue;
        size_t start = next[sl->start] - sl->count, count = sl->count;
        lex_record *g = grouped + start;
        /* stable by role (a counting sort through the scratch) */
        size_t by_role[3] = {0, 0, 0};
        /* every record in grouped was copied from lex->records above */
        for (size_t k = 0; k < count; k++)
            by_role[g[k].hit.role]++; // NOLINT(clang-analyzer-core.uninitialized.ArraySubscript)
        if (by_role[0] != count && by_role[1] != count && by_role[2] != count) {
            size_t at_role[3] = {0, by_role[0], by_role[0] + by_role[1]};
            for (size_t k = 0; k < count; k++)
                scratch[at_role[g[k].hit.role]++] = g[k];
            memcpy(g, scratch, count * sizeof *g);
        }
        size_t w = 0;
        for (size_t k = 0; k < count; k++) {
            if (w && g[w - 1].hit.role == g[k].hit.role && g[w - 1].hit.entry == g[k].hit.entry &&
                strcmp(g[w - 1].hit.form, g[k].hit.form) == 0)
                continue;
            g[w++] = g[k];
        }
        sl->start = (uint32_t)start;
        sl->count = (uint32_t)w;
    }
    for (size_t r = 0; r < n; r++)
        lex->hits[r] = grouped[r].hit;
    free(slot_of_rec);
    free(scratch);
    free(next);
    return FL_OK;
}

/* Record r of the lexicon (its own, or made from its image's). */
static lex_record record_at(const fl_lexicon *lex, size_t r)
{
    if (lex->records)
        return lex->records[r];
    const fl_lex_image_record *ir = &lex->image->records[r];
    return (lex_record){ir->index, lex->image->strings + ir->key, ir->key_len, lex->hits[r]};
}

/* Whether record r is key[0..len) in index `index` (as record_at, with
 * nothing copied). */
static inline bool record_is(const fl_lexicon *lex, size_t r, unsigned index, const char *key,
                             size_t len)
{
    if (lex->records) {
        const lex_record *rec = &lex->records[r];
        return rec->index == index && rec->key_len == len && memcmp(rec->key, key, len) == 0;
    }
    const fl_lex_image_record *ir = &lex->image->records[r];
    return ir->index == index && ir->key_len == len &&
           memcmp(lex->image->strings + ir->key, key, len) == 0;
}

/* The hits of key[0..len) (text hash th) in one index. */
static inline size_t lookup_hashed(const fl_lexicon *lex, unsigned index, uint64_t th,
                                   const char *key, size_t len, const fl_lex_hit **hits)
{
    *hits = NULL;
    if (!lex || !lex->slots)
        return 0;
    uint64_t h = slot_hash(th, index);
    for (size_t at = (size_t)h & lex->slot_mask; lex->slots[at].count;
         at = (at + 1) & lex->slot_mask) {
        const lex_slot *s = &lex->slots[at];
        if (s->hash == h && record_is(lex, s->start, index, key, len)) {
            *hits = &lex->hits[s->start];
            return s->count;
        }
    }
    return 0;
}

static size_t lookup(const fl_lexicon *lex, unsigned index, const char *key, size_t len,
                     const fl_lex_hit **hits)
{
    *hits = NULL;
    if (!lex || !lex->slots)
        return 0;
    return lookup_hashed(lex, index, text_hash(key, len), key, len, hits);
}

/* Later definitions of a canonical form with the same kind replace earlier
 * ones: keep the last of each (fold key, kind). */
static fl_status dedupe_entries(fl_lexicon *lex)
{
    size_t n = lex->entry_count;
    if (n < 2)
        return FL_OK;
    size_t slots = 16;
    while (slots < n * 2)
        slots *= 2;
    struct seen {
        uint64_t hash;
        size_t entry_plus_one;
    } *table = calloc(slots, sizeof *table);
    bool *drop = calloc(n, sizeof *drop);
    if (!table || !drop) {
        free(table);
        free(drop);
        return FL_ENOMEM;
    }
    char key[KEY_CAP], other[KEY_CAP];
    for (size_t i = n; i-- > 0;) { /* last first: the survivor */
        size_t klen = fold_key(lex->entries[i].canonical, key);
        uint64_t h = fl_hash64(key, klen, lex->entries[i].kind + 1);
        size_t at = (size_t)h & (slots - 1);
        for (; table[at].entry_plus_one; at = (at + 1) & (slots - 1)) {
            const fl_lex_entry *e = &lex->entries[table[at].entry_plus_one - 1];
            if (table[at].hash == h && e->kind == lex->entries[i].kind &&
                fold_key(e->canonical, other) == klen && memcmp(other, key, klen) == 0) {
                drop[i] = true;
                break;
            }
        }
        if (!drop[i])
            table[at] = (struct seen){h, i + 1};
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!drop[i])
            lex->entries[w++] = lex->entries[i];
    lex->entry_count = w;
    free(table);
    free(drop);
    return FL_OK;
}

static int near_order(const void *pa, const void *pb)
{
    const near_item *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->form < b->form ? -1 : a->form > b->form;
}

/* Indexes the form whose skeleton key is skel[0..slen). */
static fl_status near_add(fl_lexicon *lex, size_t *cap_forms, size_t *cap_items,
                          const fl_lex_entry *e, const char *form, fl_lex_role role,
                          const char *skel, size_t slen, uint64_t *variants)
{
    uint32_t cps[FL_NEAR_MAX_CPS];
    size_t n = fl_near_decode(skel, slen, cps, FL_NEAR_MAX_CPS);
    if (n < 5 || n > FL_NEAR_MAX_CPS)
        return FL_OK;
    fl_lex_near_cps *forms = (fl_lex_near_cps *)lex->near_cps;
    if (lex->near_form_count == *cap_forms) {
        *cap_forms = *cap_forms ? *cap_forms * 2 : 1024;
        fl_lex_hit *hits = realloc(lex->near_hits, *cap_forms * sizeof *hits);
        if (!hits)
            return FL_ENOMEM;
        lex->near_hits = hits;
        fl_lex_near_cps *grown = realloc(forms, *cap_forms * sizeof *forms);
        if (!grown)
            return FL_ENOMEM; /* lex->near_cps still holds (and frees) the old array */
        forms = grown;
        lex->near_cps = forms;
    }
    size_t id = lex->near_form_count++;
    lex->near_hits[id] = (fl_lex_hit){e, form, role};
    memset(&forms[id], 0, sizeof forms[id]);
    memcpy(forms[id].cps, cps, n * sizeof *cps);
    forms[id].n = (uint32_t)n;
    size_t v = fl_near_variants(cps, n, n >= 9 ? 2 : 1, variants);
    near_item *items = (near_item *)lex->near_items;
    if (lex->near_item_count + v > *cap_items) {
        while (lex->near_item_count + v > *cap_items)
            *cap_items = *cap_items ? *cap_items * 2 : 16384;
        near_item *grown = realloc(items, *cap_items * sizeof *items);
        if (!grown)
            return FL_ENOMEM; /* lex->near_items still holds (and frees) the old array */
        items = grown;
        lex->near_items = items;
    }
    for (size_t i = 0; i < v; i++)
        items[lex->near_item_count++] = (near_item){variants[i], id};
    return FL_OK;
}

/* Sorts the near items by (hash, form) and fills the bucket starts, so a
 * lookup scans a few items instead of a binary search over all of them.
 * A counting sort on the bucket (the top NEAR_BUCKET_BITS of the hash),
 * stable, so items of one hash keep their form order (near_add appends
 * forms in id order); then each bucket, a handful of items, by hash. */
static fl_status sort_near_items(fl_lexicon *lex)
{
    size_t nb = (size_t)1 << NEAR_BUCKET_BITS, count = lex->near_item_count;
    size_t *start = calloc(nb + 1, sizeof *start);
    near_item *sorted = malloc((count ? count : 1) * sizeof *sorted);
    if (!start || !sorted) {
        free(start);
        free(sorted);
        return FL_ENOMEM;
    }
    const near_item *items = lex->near_items;
    for (size_t i = 0; i < count; i++)
        start[(size_t)(items[i].hash >> (64 - NEAR_BUCKET_BITS)) + 1]++;
    for (size_t b = 0; b < nb; b++)
        start[b + 1] += start[b];
    /* start[b] is bucket b's first slot; each placement moves it on, so
     * afterwards start[b] is where bucket b + 1 begins */
    for (size_t i = 0; i < count; i++)
        sorted[start[(size_t)(items[i].hash >> (64 - NEAR_BUCKET_BITS))]++] = items[i];
    for (size_t b = nb; b > 0; b--)
        start[b] = start[b - 1];
    start[0] = 0;
    for (size_t b = 0; b < nb; b++) {
        near_item *first = sorted + start[b];
        size_t n = start[b + 1] - start[b];
        if (n > 32) {
            qsort(first, n, sizeof *first, near_order);
            continue;
        }
        for (size_t k = 1; k < n; k++) { /* stable: equal hashes keep form order */
            near_item e = first[k];
            size_t m = k;
            for (; m > 0 && first[m - 1].hash > e.hash; m--)
                first[m] = first[m - 1];
            first[m] = e;
        }
    }
    free((void *)lex->near_items);
    lex->near_items = sorted;
    lex->near_buckets = start;
    return FL_OK;
}

/* The words of the near forms' fold keys, split at spaces and hyphens as
 * name-spelling splits a name: the hash of (word count, position, word). */
static uint64_t near_word_hash_th(size_t nwords, size_t pos, uint64_t th)
{
    uint64_t h = th ^ ((uint64_t)nwords << 8 | pos);
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
    return h ? h : 1;
}

static uint64_t near_word_hash(size_t nwords, size_t pos, const char *word, size_t len)
{
    return near_word_hash_th(nwords, pos, text_hash(word, len));
}

/* The shape of such a word: its first and last code points and their
 * count (2 to FL_NEAR_MAX_CPS), hashed apart from the words. */
static uint64_t near_shape_hash(size_t nwords, size_t pos, uint32_t first, uint32_t last,
                                size_t ncps)
{
    uint64_t h = ((uint64_t)first << 32 | last) * 0x9e3779b97f4a7c15ull;
    h ^= ((uint64_t)nwords << 16 | (uint64_t)pos << 8 | ncps) * 0xc2b2ae3d27d4eb4full;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h ? h : 1;
}

/* The word's code points in cps; their count, or 0 when under 2 or over
 * FL_NEAR_MAX_CPS. */
static size_t near_word_cps(const char *word, size_t len, uint32_t *cps)
{
    size_t n = fl_near_decode(word, len, cps, FL_NEAR_MAX_CPS);
    return n < 2 || n > FL_NEAR_MAX_CPS ? 0 : n;
}

static bool near_word_sep(char c)
{
    return c == ' ' || c == '-';
}

enum { NEAR_WORDS_MAX = 8 }; /* name-spelling compares names of up to 8 words */

/* A word's share of the other-words hash: its bytes and position. */
uint64_t fl_near_word_mix(size_t pos, const char *word, size_t len)
{
    return fl_near_word_mix_hashed(pos, text_hash(word, len));
}

uint64_t fl_near_word_mix_hashed(size_t pos, uint64_t word_hash)
{
    uint64_t h = (word_hash ^ (uint64_t)(pos + 1) * 0xd6e8feb86659fd93ull) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}

/* The shape of the word at `pos` together with the other words (the sum
 * of their fl_near_word_mix; 0 for a name of one word: the shape alone). */
static uint64_t near_typo_hash(size_t nwords, size_t pos, uint64_t others, uint32_t first,
                               uint32_t last, size_t ncps)
{
    uint64_t h = near_shape_hash(nwords, pos, first, last, ncps);
    if (!others)
        return h;
    h = (h ^ others) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
    return h ? h : 1;
}

/* A shape entry's first slot in the shape set: from its high half alone,
 * so the entries of a one-word shape (near_shape_entry) all start at one
 * slot and a probe from there meets every one of them. */
static inline size_t near_shapes_slot(uint64_t h, size_t mask)
{
    return (size_t)(h >> 32) & mask;
}

static void near_shapes_put(uint64_t *set, size_t mask, uint64_t h)
{
    size_t at = near_shapes_slot(h, mask);
    while (set[at] && set[at] != h)
        at = (at + 1) & mask;
    set[at] = h;
}

/* The word set keeps of a word's hash (near_word_hash) a 32-bit slot
 * value, its first slot from the hash's high half: 4 bytes a slot, not 8,
 * and the words apart from the shapes, so that the set most lookups probe
 * is 64 KB (the built-in lexicon's 2,834 words), not a share of a 256 KB
 * table of both (most lookups find no word, and their first load missed
 * the cache: some 70% of fl_lexicon_near_word_hash's time). A value met
 * by a hash that is not a word's only makes name-spelling look further
 * (as a 64-bit one could). The slots are kept two to a 64-bit word (slot 2k in
 * word k's low half: the image holds 64-bit words) and read where they
 * lie in memory (NEAR_HALF_SWAP: the low half comes second on a
 * big-endian host). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
enum { NEAR_HALF_SWAP = 1 };
#else
enum { NEAR_HALF_SWAP = 0 };
#endif

static inline uint32_t near_word_value(uint64_t h)
{
    return (uint32_t)h | 1; /* never 0 */
}

static inline uint32_t near_word_slot(const uint64_t *set, size_t at)
{
    uint32_t v;
    memcpy(&v, (const char *)set + 4 * (at ^ NEAR_HALF_SWAP), 4);
    return v;
}

static void near_word_put(uint64_t *set, size_t mask, uint64_t h)
{
    const uint32_t v = near_word_value(h);
    size_t at = (size_t)(h >> 32) & mask;
    for (uint32_t e; (e = near_word_slot(set, at)) != 0; at = (at + 1) & mask)
        if (e == v)
            return;
    set[at / 2] |= (uint64_t)v << (at % 2 * 32);
}

static bool near_word_has(const uint64_t *set, size_t mask, uint64_t h)
{
    const uint32_t v = near_word_value(h);
    for (size_t at = (size_t)(h >> 32) & mask;; at = (at + 1) & mask) {
        const uint32_t e = near_word_slot(set, at);
        if (e == v)
            return true;
        if (!e)
            return false;
    }
}

/* The smallest power of two no less than `per` * n and 16. */
static size_t near_set_size(size_t n, size_t per)
{
    size_t size = 16;
    while (size < per * n)
        size *= 2;
    return size;
}

/* Points lex's word and shape sets into the block `words` of `count`
 * words (build_near_words' layout); false when it is not one. */
static bool near_words_attach(fl_lexicon *lex, const uint64_t *words, size_t count)
{
    if (count < 1)
        return false;
    const size_t pairs = (uint32_t)words[0], shapes = words[0] >> 32;
    if (!pairs || !shapes || (pairs & (pairs - 1)) || (shapes & (shapes - 1)) ||
        1 + pairs + shapes != count)
        return false;
    lex->near_words = words;
    lex->near_word_count = count;
    lex->near_pairs = words + 1;
    lex->near_pair_mask = 2 * pairs - 1;
    lex->near_shapes = words + 1 + pairs;
    lex->near_shape_mask = shapes - 1;
    return true;
}

/* A growing list of 64-bit values. */
typedef struct u64_list {
    uint64_t *items;
    size_t count, cap;
} u64_list;

static bool u64_list_add(u64_list *l, uint64_t v)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 1024;
        uint64_t *more = realloc(l->items, cap * sizeof *more);
        if (!more)
            return false;
        l->items = more;
        l->cap = cap;
    }
    l->items[l->count++] = v;
    return true;
}

/* A form's word's entry for fl_lexicon_near_typo: the hash of its shape
 * but for its length (near_typo_hash with ncps 0) in the high half, and
 * in the low half its code point count less one (bits 27 to 31: 1 to
 * FL_NEAR_MAX_CPS - 1, so the entry is never 0) and its letters
 * (fl_near_letters, bits 0 to 26; FL_NEAR_ANY_LETTERS for a word of a
 * name of several words, which is asked without them). All the words of
 * one such hash start at one slot (near_shapes_slot): one probe meets them
 * all, whatever their lengths and letters. */
enum { SHAPE_NCPS_SHIFT = 27 };
static uint64_t near_shape_entry(uint64_t shape, size_t ncps, uint32_t letters)
{
    return (shape & ~(uint64_t)UINT32_MAX) | (uint64_t)(ncps - 1) << SHAPE_NCPS_SHIFT | letters;
}

uint32_t fl_near_letters(const char *word, size_t len)
{
    uint32_t bits = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if ((unsigned char)((c | 0x20) - 'a') > 'z' - 'a' && c != '\'')
            return FL_NEAR_ANY_LETTERS;
        bits |= (uint32_t)1 << (c & 31);
    }
    return bits ? bits : FL_NEAR_ANY_LETTERS;
}

/* Whether two words' letters (fl_near_letters) allow them to be `edits`
 * or fewer edits apart: neither has letters of more than `edits` kinds
 * the other lacks (every letter of a kind the other word lacks is deleted
 * or substituted, one edit each). */
static bool near_letters_within(uint32_t a, uint32_t b, unsigned edits)
{
    if ((a | b) & FL_NEAR_ANY_LETTERS)
        return true;
    uint32_t only_a = a & ~b, only_b = b & ~a;
    for (unsigned k = 0; k < edits; k++) { /* drop the lowest bit */
        only_a &= only_a - 1;
        only_b &= only_b - 1;
    }
    return !(only_a | only_b);
}

static int u64_order(const void *pa, const void *pb)
{
    const uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

/* Drops the values of l met before (sorting it). */
static void u64_list_unique(u64_list *l)
{
    if (l->count < 2)
        return;
    qsort(l->items, l->count, sizeof *l->items, u64_order);
    size_t w = 1;
    for (size_t i = 1; i < l->count; i++)
        if (l->items[i] != l->items[w - 1])
            l->items[w++] = l->items[i];
    l->count = w;
}

/* From the fold records (every canonical form and alias, and more: a
 * superset of the near forms' fold keys), so nothing is folded again.
 * Keys of 1 to NEAR_WORDS_MAX words: the shape of each word, and for keys
 * of several words the word itself (fl_lexicon_near_word is asked about
 * names of several words only). The words and the shapes are two sets,
 * each at most a quarter full, in one block (near_words_attach): a header
 * (the word set's pairs, low half; the shape set's slots, high half), the
 * pairs, the shape slots. */
static fl_status build_near_words(fl_lexicon *lex)
{
    u64_list word_list = {NULL, 0, 0}, shape_list = {NULL, 0, 0};
    /* and the fold filter: the bit of every fold and misspelling key */
    uint64_t *bits = calloc(FL_LEX_FOLD_FILTER_WORDS, sizeof *bits);
    if (!bits)
        return FL_ENOMEM;
    lex->fold_filter = bits;
    bool ok = true;
    for (size_t r = 0; r < lex->record_count && ok; r++) {
        const lex_record record = record_at(lex, r), *rec = &record;
        if (rec->index == IX_FOLD || rec->index == IX_MISSPELLING) {
            size_t b = fl_lex_fold_filter_bit(rec->key, rec->key_len);
            bits[b >> 6] |= (uint64_t)1 << (b & 63);
        }
        if (rec->index != IX_FOLD)
            continue;
        const char *key = rec->key;
        size_t klen = rec->key_len, start[NEAR_WORDS_MAX + 1], end[NEAR_WORDS_MAX + 1], n = 0;
        for (size_t i = 0; i < klen && n <= NEAR_WORDS_MAX;) {
            while (i < klen && near_word_sep(key[i]))
                i++;
            if (i == klen)
                break;
            start[n] = i;
            while (i < klen && !near_word_sep(key[i]))
                i++;
            end[n++] = i;
        }
        if (n < 1 || n > NEAR_WORDS_MAX)
            continue;
        uint64_t mix[NEAR_WORDS_MAX], all = 0;
        for (size_t k = 0; k < n && n > 1; k++) {
            mix[k] = fl_near_word_mix(k, key + start[k], end[k] - start[k]);
            all += mix[k];
        }
        for (size_t k = 0; k < n && ok; k++) {
            uint32_t cps[FL_NEAR_MAX_CPS];
            size_t nc = near_word_cps(key + start[k], end[k] - start[k], cps);
            /* a one-word form is asked by its shape and letters (most
             * one-word names asked about have a lexicon name's shape, few
             * its letters too), a longer one by its words and typos */
            if (nc && n == 1)
                ok = u64_list_add(
                    &shape_list,
                    near_shape_entry(near_shape_hash(n, k, cps[0], cps[nc - 1], 0), nc,
                                     fl_near_letters(key + start[k], end[k] - start[k])));
            if (n > 1) {
                ok = u64_list_add(&word_list,
                                  near_word_hash(n, k, key + start[k], end[k] - start[k]));
                if (ok && nc)
                    ok = u64_list_add(
                        &shape_list,
                        near_shape_entry(near_typo_hash(n, k, all - mix[k], cps[0], cps[nc - 1], 0),
                                         nc, FL_NEAR_ANY_LETTERS));
            }
        }
    }
    /* (sized by the values apart: many words recur across names) */
    u64_list_unique(&word_list);
    u64_list_unique(&shape_list);
    /* at most a quarter of the slots used (a lookup, which most often
     * finds nothing, probes about 1.3 slots; 2.5 at half full: on
     * news-dev 21K instructions more for the shapes alone); the word
     * set's slots are 32-bit, two to a pair */
    const size_t pairs = near_set_size(word_list.count, 4) / 2,
                 shapes = near_set_size(shape_list.count, 4);
    uint64_t *block = ok ? calloc(1 + pairs + shapes, sizeof *block) : NULL;
    if (block) {
        block[0] = (uint64_t)pairs | (uint64_t)shapes << 32;
        for (size_t i = 0; i < word_list.count; i++)
            near_word_put(block + 1, 2 * pairs - 1, word_list.items[i]);
        for (size_t i = 0; i < shape_list.count; i++)
            near_shapes_put(block + 1 + pairs, shapes - 1, shape_list.items[i]);
        near_words_attach(lex, block, 1 + pairs + shapes);
    }
    free(word_list.items);
    free(shape_list.items);
    return block ? FL_OK : FL_ENOMEM;
}

static fl_status build_indexes(fl_lexicon *lex)
{
    fl_status st = dedupe_entries(lex);
    if (st != FL_OK)
        return st;
    char key[KEY_CAP];
    size_t cap_forms = 0, cap_items = 0;
    uint64_t *variants = malloc(FL_NEAR_MAX_VARIANTS * sizeof *variants);
    if (!variants)
        return FL_ENOMEM;
    for (size_t i = 0; st == FL_OK && i < lex->entry_count; i++) {
        const fl_lex_entry *e = &lex->entries[i];
        size_t forms = 1 + e->alias_count + e->misspelling_count;
        for (size_t f = 0; st == FL_OK && f < forms; f++) {
            const char *form = f == 0                ? e->canonical
                               : f <= e->alias_count ? e->aliases[f - 1]
                                                     : e->misspellings[f - 1 - e->alias_count];
            fl_lex_role role = f == 0                ? FL_LEX_CANONICAL
                               : f <= e->alias_count ? FL_LEX_ALIAS
                                                     : FL_LEX_MISSPELLING;
            size_t flen = strlen(form);
            size_t klen = fl_fold(form, flen, 0, key, sizeof key);
            if (klen < sizeof key)
                st = add_record(lex, role == FL_LEX_MISSPELLING ? IX_MISSPELLING : IX_FOLD, key,
                                klen, e, form, role);
            klen = fl_skeleton(form, flen, 0, key, sizeof key);
            if (st == FL_OK && klen < sizeof key)
                st = add_record(lex, IX_SKELETON, key, klen, e, form, role);
            if (st == FL_OK && klen < sizeof key && role != FL_LEX_MISSPELLING &&
                e->kind != FL_LEX_ACRONYM)
                st = near_add(lex, &cap_forms, &cap_items, e, form, role, key, klen, variants);
        }
        if (st == FL_OK && e->family[0])
            st = add_record(lex, IX_FAMILY, e->family, strlen(e->family), e, e->canonical,
                            FL_LEX_CANONICAL);
    }
    free(variants);
    if (st != FL_OK)
        return st;
    st = sort_near_items(lex);
    if (st == FL_OK)
        st = build_near_words(lex);
    if (st != FL_OK)
        return st;
    return build_map(lex);
}

fl_status fl_lexicon_build_parsed(bool builtin, const char *const *paths, size_t path_count,
                                  fl_lexicon **out, fl_error *err)
{
    *out = NULL;
    fl_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return FL_ENOMEM;
    lex->stamp = new_stamp();
    lex->arena = fl_arena_new();
    fl_status st = lex->arena ? FL_OK : FL_ENOMEM;
    if (st == FL_OK && builtin)
        st = parse_text(lex, "<built-in lexicon>", fl_builtin_lexicon, fl_builtin_lexicon_len, true,
                        err);
    for (size_t i = 0; st == FL_OK && i < path_count; i++)
        st = parse_file(lex, paths[i], err);
    if (st == FL_OK)
        st = build_indexes(lex);
    if (st != FL_OK) {
        if (st == FL_ENOMEM && err) {
            memset(err, 0, sizeof *err);
            err->status = st;
            snprintf(err->message, sizeof err->message, "out of memory reading the lexicon");
        }
        fl_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return FL_OK;
}

fl_status fl_lexicon_build(bool builtin, const char *const *paths, size_t path_count,
                           fl_lexicon **out, fl_error *err)
{
    /* the built-in lexicon alone was indexed at build time */
    if (builtin && path_count == 0 && fl_builtin_lexicon_image.entry_count) {
        fl_status st = fl_lexicon_from_image(&fl_builtin_lexicon_image, out);
        if (st != FL_OK && err) {
            memset(err, 0, sizeof *err);
            err->status = st;
            snprintf(err->message, sizeof err->message, "out of memory reading the lexicon");
        }
        return st;
    }
    return fl_lexicon_build_parsed(builtin, paths, path_count, out, err);
}

/* ----------------------------------------------------------------- image */

typedef struct string_pool {
    char *s;
    size_t len, cap;
    bool failed;
} string_pool;

/* Appends s[0..len) and a NUL; returns its offset. */
static uint32_t pool_add(string_pool *p, const char *s, size_t len)
{
    if (p->failed || p->len + len + 1 > UINT32_MAX) {
        p->failed = true;
        return 0;
    }
    if (p->len + len + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 65536;
        while (p->len + len + 1 > cap)
            cap *= 2;
        char *grown = realloc(p->s, cap);
        if (!grown) {
            p->failed = true;
            return 0;
        }
        p->s = grown;
        p->cap = cap;
    }
    if (!p->s) { /* cannot happen (cap > 0 means allocated); keeps analyzers sure */
        p->failed = true;
        return 0;
    }
    uint32_t off = (uint32_t)p->len;
    memcpy(p->s + p->len, s, len);
    p->s[p->len + len] = '\0';
    p->len += len + 1;
    return off;
}

/* The image of a hit: its form as the offset its entry's form got. */
static fl_lex_image_hit image_hit(const fl_lexicon *lex, const fl_lex_image_entry *ie,
                                  const uint32_t *lists, fl_lex_hit hit)
{
    size_t e = (size_t)(hit.entry - lex->entries);
    fl_lex_image_hit out = {(uint32_t)e, ie[e].canonical, (uint32_t)hit.role};
    const fl_lex_entry *entry = hit.entry;
    if (hit.form == entry->canonical)
        return out;
    for (size_t i = 0; i < entry->alias_count; i++)
        if (hit.form == entry->aliases[i])
            out.form = lists[ie[e].aliases + i];
    for (size_t i = 0; i < entry->misspelling_count; i++)
        if (hit.form == entry->misspellings[i])
            out.form = lists[ie[e].misspellings + i];
    return out;
}

fl_status fl_lex_image_make(const fl_lexicon *lex, fl_lex_image *image)
{
    memset(image, 0, sizeof *image);
    string_pool pool = {0};
    size_t nlists = 0;
    for (size_t i = 0; i < lex->entry_count; i++)
        nlists += lex->entries[i].alias_count + lex->entries[i].misspelling_count;
    size_t nb = (size_t)1 << NEAR_BUCKET_BITS;
    fl_lex_image_entry *entries = calloc(lex->entry_count + 1, sizeof *entries);
    uint32_t *lists = calloc(nlists + 1, sizeof *lists);
    fl_lex_image_record *records = calloc(lex->record_count + 1, sizeof *records);
    fl_lex_slot *slots = malloc((lex->slot_mask + 1) * sizeof *slots);
    fl_lex_image_hit *near_hits = calloc(lex->near_form_count + 1, sizeof *near_hits);
    fl_lex_near_cps *near_cps = malloc((lex->near_form_count + 1) * sizeof *near_cps);
    fl_lex_near_item *near_items = malloc((lex->near_item_count + 1) * sizeof *near_items);
    size_t *near_buckets = calloc(nb + 1, sizeof *near_buckets);
    image->entries = entries;
    image->lists = lists;
    image->records = records;
    image->slots = slots;
    image->near_hits = near_hits;
    image->near_cps = near_cps;
    image->near_items = near_items;
    image->near_buckets = near_buckets;
    if (!entries || !lists || !records || !slots || !near_hits || !near_cps || !near_items ||
        !near_buckets || !lex->slots) {
        fl_lex_image_free(image);
        return FL_ENOMEM;
    }
    size_t at = 0;
    const char *file = NULL;
    uint32_t file_off = 0;
    for (size_t i = 0; i < lex->entry_count; i++) {
        const fl_lex_entry *e = &lex->entries[i];
        fl_lex_image_entry *ie = &entries[i];
        ie->canonical = pool_add(&pool, e->canonical, strlen(e->canonical));
        ie->kind = (uint32_t)e->kind;
        ie->family = pool_add(&pool, e->family, strlen(e->family));
        if (e->file != file || !i) {
            file = e->file;
            file_off = file ? pool_add(&pool, file, strlen(file)) : pool_add(&pool, "", 0);
        }
        ie->file = file_off;
        ie->line = (uint32_t)e->line;
        ie->aliases = (uint32_t)at;
        ie->alias_count = (uint32_t)e->alias_count;
        for (size_t k = 0; k < e->alias_count; k++)
            lists[at++] = pool_add(&pool, e->aliases[k], strlen(e->aliases[k]));
        ie->misspellings = (uint32_t)at;
        ie->misspelling_count = (uint32_t)e->misspelling_count;
        for (size_t k = 0; k < e->misspelling_count; k++)
            lists[at++] = pool_add(&pool, e->misspellings[k], strlen(e->misspellings[k]));
    }
    for (size_t r = 0; r < lex->record_count; r++) {
        const lex_record record = record_at(lex, r), *rec = &record;
        records[r] =
            (fl_lex_image_record){rec->index, pool_add(&pool, rec->key, rec->key_len),
                                  (uint32_t)rec->key_len, image_hit(lex, entries, lists, rec->hit)};
    }
    for (size_t i = 0; i < lex->near_form_count; i++)
        near_hits[i] = image_hit(lex, entries, lists, lex->near_hits[i]);
    memcpy(slots, lex->slots, (lex->slot_mask + 1) * sizeof *slots);
    if (lex->near_form_count)
        memcpy(near_cps, lex->near_cps, lex->near_form_count * sizeof *near_cps);
    if (lex->near_item_count)
        memcpy(near_items, lex->near_items, lex->near_item_count * sizeof *near_items);
    if (lex->near_buckets)
        memcpy(near_buckets, lex->near_buckets, (nb + 1) * sizeof *near_buckets);
    image->strings = pool.s;
    if (pool.failed) {
        fl_lex_image_free(image);
        return FL_ENOMEM;
    }
    image->strings_len = pool.len;
    image->entry_count = lex->entry_count;
    image->list_count = nlists;
    image->record_count = lex->record_count;
    image->slot_count = lex->slot_mask + 1;
    image->near_form_count = lex->near_form_count;
    image->near_item_count = lex->near_item_count;
    if (lex->near_words && lex->fold_filter) {
        size_t nw = lex->near_word_count;
        uint64_t *words = malloc(nw * sizeof *words);
        uint64_t *filter = malloc(FL_LEX_FOLD_FILTER_WORDS * sizeof *filter);
        image->near_words = words;
        image->fold_filter = filter;
        if (!words || !filter) {
            fl_lex_image_free(image);
            return FL_ENOMEM;
        }
        memcpy(words, lex->near_words, nw * sizeof *words);
        memcpy(filter, lex->fold_filter, FL_LEX_FOLD_FILTER_WORDS * sizeof *filter);
        image->near_word_count = nw;
    }
    return FL_OK;
}

void fl_lex_image_free(fl_lex_image *image)
{
    if (!image)
        return;
    free((void *)image->strings);
    free((void *)image->entries);
    free((void *)image->lists);
    free((void *)image->records);
    free((void *)image->slots);
    free((void *)image->near_hits);
    free((void *)image->near_cps);
    free((void *)image->near_items);
    free((void *)image->near_buckets);
    free((void *)image->near_words);
    free((void *)image->fold_filter);
    memset(image, 0, sizeof *image);
}

static fl_lex_hit hit_of(const fl_lexicon *lex, const fl_lex_image *image, fl_lex_image_hit h)
{
    return (fl_lex_hit){&lex->entries[h.entry], image->strings + h.form, (fl_lex_role)h.role};
}

fl_status fl_lexicon_from_image(const fl_lex_image *image, fl_lexicon **out)
{
    *out = NULL;
    fl_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return FL_ENOMEM;
    lex->borrowed = true;
    lex->stamp = new_stamp();
    lex->arena = fl_arena_new();
    size_t n = image->entry_count, nr = image->record_count, nf = image->near_form_count;
    lex->entries = malloc((n ? n : 1) * sizeof *lex->entries);
    const char **lists =
        lex->arena ? fl_arena_alloc_uninit(lex->arena, (image->list_count + 1) * sizeof *lists)
                   : NULL;
    /* the records are read from the image in place (record_at) */
    lex->image = image;
    lex->hits = malloc((nr ? nr : 1) * sizeof *lex->hits);
    lex->near_hits = malloc((nf ? nf : 1) * sizeof *lex->near_hits);
    if (!lex->arena || !lex->entries || !lists || !lex->hits || !lex->near_hits) {
        fl_lexicon_free(lex);
        return FL_ENOMEM;
    }
    const char *strings = image->strings;
    for (size_t i = 0; i < image->list_count; i++)
        lists[i] = strings + image->lists[i];
    for (size_t i = 0; i < n; i++) {
        const fl_lex_image_entry *ie = &image->entries[i];
        lex->entries[i] = (fl_lex_entry){
            .canonical = strings + ie->canonical,
            .kind = (fl_lex_kind)ie->kind,
            .family = strings + ie->family,
            .aliases = ie->alias_count ? lists + ie->aliases : NULL,
            .alias_count = ie->alias_count,
            .misspellings = ie->misspelling_count ? lists + ie->misspellings : NULL,
            .misspelling_count = ie->misspelling_count,
            .file = strings + ie->file,
            .line = ie->line,
        };
    }
    lex->entry_count = lex->entry_cap = n;
    for (size_t r = 0; r < nr; r++)
        lex->hits[r] = hit_of(lex, image, image->records[r].hit);
    lex->record_count = lex->record_cap = nr;
    for (size_t i = 0; i < nf; i++)
        lex->near_hits[i] = hit_of(lex, image, image->near_hits[i]);
    lex->near_form_count = nf;
    lex->near_cps = image->near_cps;
    lex->slots = image->slots;
    lex->slot_mask = image->slot_count - 1;
    lex->near_items = image->near_items;
    lex->near_item_count = image->near_item_count;
    lex->near_buckets = image->near_buckets;
    if (image->near_words && image->fold_filter &&
        near_words_attach(lex, image->near_words, image->near_word_count)) {
        /* made at build time (tools/lexgen.c) */
        lex->fold_filter = image->fold_filter;
        lex->near_words_borrowed = true;
    } else if (build_near_words(lex) != FL_OK) {
        fl_lexicon_free(lex);
        return FL_ENOMEM;
    }
    *out = lex;
    return FL_OK;
}

void fl_lexicon_free(fl_lexicon *lex)
{
    if (!lex)
        return;
    free(lex->entries);
    free(lex->records);
    free(lex->hits);
    free(lex->near_hits);
    if (!lex->near_words_borrowed) {
        free((void *)lex->near_words);
        free((void *)lex->fold_filter);
    }
    if (!lex->borrowed) {
        free((void *)lex->slots);
        free((void *)lex->near_cps);
        free((void *)lex->near_items);
        free((void *)lex->near_buckets);
    }
    fl_arena_free(lex->arena);
    free(lex);
}

/* --------------------------------------------------------------- lookups */

uint64_t fl_lexicon_stamp(const fl_lexicon *lex)
{
    return lex ? lex->stamp : 0;
}

size_t fl_lexicon_entry_count(const fl_lexicon *lex)
{
    return lex ? lex->entry_count : 0;
}

const fl_lex_entry *fl_lexicon_entry(const fl_lexicon *lex, size_t i)
{
    return lex && i < lex->entry_count ? &lex->entries[i] : NULL;
}

size_t fl_lexicon_by_fold(const fl_lexicon *lex, const char *key, size_t len,
                          const fl_lex_hit **hits)
{
    return lookup(lex, IX_FOLD, key, len, hits);
}

size_t fl_lexicon_by_misspelling(const fl_lexicon *lex, const char *key, size_t len,
                                 const fl_lex_hit **hits)
{
    return lookup(lex, IX_MISSPELLING, key, len, hits);
}

/* The two lookups of fl_lexicon_by_fold_and_misspelling for a key the
 * fold filter let through (the second only when `both` or the first
 * found nothing): out of line, as the filter turns most keys away, and
 * those then save and restore no registers. */
static __attribute__((noinline)) void by_fold_and_misspelling(const fl_lexicon *lex,
                                                              const char *key, size_t len,
                                                              const fl_lex_hit **folds, size_t *nf,
                                                              const fl_lex_hit **misspellings,
                                                              size_t *nm, bool both)
{
    uint64_t th = text_hash(key, len);
    *nf = lookup_hashed(lex, IX_FOLD, th, key, len, folds);
    if (both || !*nf)
        *nm = lookup_hashed(lex, IX_MISSPELLING, th, key, len, misspellings);
}

/* The lookups of both functions below: all misspellings when `both`. */
static inline void by_fold_filtered(const fl_lexicon *lex, const char *key, size_t len,
                                    const fl_lex_hit **folds, size_t *nf,
                                    const fl_lex_hit **misspellings, size_t *nm, bool both)
{
    *folds = *misspellings = NULL;
    *nf = *nm = 0;
    if (!lex || !lex->slots)
        return;
    if (lex->fold_filter && !fl_lex_fold_filter_has(lex->fold_filter, key, len))
        return; /* in neither index */
    by_fold_and_misspelling(lex, key, len, folds, nf, misspellings, nm, both);
}

void fl_lexicon_by_fold_and_misspelling(const fl_lexicon *lex, const char *key, size_t len,
                                        const fl_lex_hit **folds, size_t *nf,
                                        const fl_lex_hit **misspellings, size_t *nm)
{
    by_fold_filtered(lex, key, len, folds, nf, misspellings, nm, true);
}

void fl_lexicon_by_fold_else_misspelling(const fl_lexicon *lex, const char *key, size_t len,
                                         const fl_lex_hit **folds, size_t *nf,
                                         const fl_lex_hit **misspellings, size_t *nm)
{
    by_fold_filtered(lex, key, len, folds, nf, misspellings, nm, false);
}

const uint64_t *fl_lexicon_fold_filter(const fl_lexicon *lex)
{
    return lex ? lex->fold_filter : NULL;
}

size_t fl_lexicon_by_skeleton(const fl_lexicon *lex, const char *key, size_t len,
                              const fl_lex_hit **hits)
{
    return lookup(lex, IX_SKELETON, key, len, hits);
}

size_t fl_lexicon_family(const fl_lexicon *lex, const char *family, size_t len,
                         const fl_lex_hit **hits)
{
    return lookup(lex, IX_FAMILY, family, len, hits);
}

const fl_lex_entry *fl_lexicon_acronym(const fl_lexicon *lex, const char *key, size_t len)
{
    const fl_lex_hit *hits;
    size_t n = lookup(lex, IX_FOLD, key, len, &hits);
    for (size_t i = 0; i < n; i++)
        if (hits[i].entry->kind == FL_LEX_ACRONYM && hits[i].role == FL_LEX_CANONICAL)
            return hits[i].entry;
    return NULL;
}

static int near_result_order(const void *pa, const void *pb)
{
    const fl_lex_near *a = pa, *b = pb;
    if (a->edits != b->edits)
        return a->edits < b->edits ? -1 : 1;
    return strcmp(a->hit.form, b->hit.form);
}

size_t fl_lexicon_near(const fl_lexicon *lex, const char *key, size_t len, unsigned max_edits,
                       fl_lex_near *out, size_t cap)
{
    if (!lex || !lex->near_item_count || max_edits == 0)
        return 0;
    if (max_edits > 2)
        max_edits = 2;
    uint32_t cps[FL_NEAR_MAX_CPS];
    size_t n = fl_near_decode(key, len, cps, FL_NEAR_MAX_CPS);
    if (n < 4 || n > FL_NEAR_MAX_CPS)
        return 0;
    if (n < 9)
        max_edits = 1; /* as for the indexed forms */
    uint64_t variants[FL_NEAR_MAX_VARIANTS];
    size_t v = fl_near_variants(cps, n, max_edits, variants);
    /* candidate forms, deduplicated in a small sorted list */
    enum { MAX_CANDIDATES = 256 };
    size_t cand[MAX_CANDIDATES], nc = 0;
    for (size_t i = 0; i < v; i++) {
        size_t b = (size_t)(variants[i] >> (64 - NEAR_BUCKET_BITS));
        size_t lo = lex->near_buckets[b], hi = lex->near_buckets[b + 1];
        /* the first item with this hash: a bucket holds a few items (the
         * index has about two per bucket), so a scan beats a search */
        while (lo < hi && lex->near_items[lo].hash < variants[i])
            lo++;
        for (; lo < hi && lex->near_items[lo].hash == variants[i]; lo++) {
            size_t id = lex->near_items[lo].form, k = nc;
            while (k > 0 && cand[k - 1] > id)
                k--;
            if ((k > 0 && cand[k - 1] == id) || nc == MAX_CANDIDATES)
                continue;
            memmove(cand + k + 1, cand + k, (nc - k) * sizeof *cand);
            cand[k] = id;
            nc++;
        }
    }
    size_t found = 0;
    for (size_t i = 0; i < nc; i++) {
        const fl_lex_near_cps *nf = &lex->near_cps[cand[i]];
        unsigned d = fl_edit_distance(cps, n, nf->cps, nf->n, max_edits);
        if (d == 0 || d > max_edits)
            continue;
        if (found < cap)
            out[found] = (fl_lex_near){lex->near_hits[cand[i]], d};
        found++;
    }
    if (found > 1)
        qsort(out, found < cap ? found : cap, sizeof *out, near_result_order);
    return found;
}

/* Whether a word has an entry (near_shape_entry) of the hash `shape`,
 * min_cps to max_cps code points and letters within `edits` of
 * `letters`. */
static bool near_shape_has(const fl_lexicon *lex, uint64_t shape, size_t min_cps, size_t max_cps,
                           uint32_t letters, unsigned edits)
{
    const uint64_t high = shape & ~(uint64_t)UINT32_MAX;
    for (size_t at = near_shapes_slot(shape, lex->near_shape_mask); lex->near_shapes[at];
         at = (at + 1) & lex->near_shape_mask) {
        const uint64_t e = lex->near_shapes[at];
        if ((e & ~(uint64_t)UINT32_MAX) != high)
            continue;
        const size_t ncps = (size_t)((uint32_t)e >> SHAPE_NCPS_SHIFT) + 1;
        if (ncps >= min_cps && ncps <= max_cps &&
            near_letters_within((uint32_t)e & (((uint32_t)1 << SHAPE_NCPS_SHIFT) - 1), letters,
                                edits))
            return true;
    }
    return false;
}

bool fl_lexicon_near_word(const fl_lexicon *lex, size_t nwords, size_t pos, const char *word,
                          size_t len)
{
    if (!lex || !lex->near_words)
        return false;
    return near_word_has(lex->near_pairs, lex->near_pair_mask,
                         near_word_hash(nwords, pos, word, len));
}

bool fl_lexicon_near_word_hash(const fl_lexicon *lex, size_t nwords, size_t pos, const char *word,
                               size_t len, uint64_t *word_hash)
{
    *word_hash = text_hash(word, len);
    if (!lex || !lex->near_words)
        return false;
    return near_word_has(lex->near_pairs, lex->near_pair_mask,
                         near_word_hash_th(nwords, pos, *word_hash));
}

bool fl_lexicon_near_typo(const fl_lexicon *lex, size_t nwords, size_t pos, uint64_t others,
                          uint32_t first, uint32_t last, size_t min_cps, size_t max_cps,
                          uint32_t letters, unsigned edits)
{
    if (!lex || !lex->near_words)
        return false;
    if (min_cps < 2)
        min_cps = 2;
    /* one probe for every length (build_near_words); a name of several
     * words asks without letters */
    if (nwords == 1)
        return near_shape_has(lex, near_shape_hash(1, 0, first, last, 0), min_cps, max_cps, letters,
                              edits);
    return near_shape_has(lex, near_typo_hash(nwords, pos, others, first, last, 0), min_cps,
                          max_cps, FL_NEAR_ANY_LETTERS, edits);
}

/* ----------------------------------------------------- edit primitives */

size_t fl_near_decode(const char *s, size_t len, uint32_t *cps, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (n == cap)
            return cap + 1;
        uint32_t cp;
        if ((unsigned char)s[i] < 0x80) {
            cp = (unsigned char)s[i];
            i++;
        } else {
            i += fl_utf8_decode((const unsigned char *)s, len, i, &cp);
        }
        cps[n++] = cp;
    }
    return n;
}

/* Deletion-neighbourhood hashes: a polynomial hash over mixed code
 * points, so the hash of the string with one or two positions deleted
 * comes from prefix hashes in O(1) instead of rehashing the whole word
 * (the index holds O(n^2) variants per form). Equal strings give equal
 * hashes; the final mix spreads the bits for the bucket index. */
static const uint64_t near_base = 0x9e3779b97f4a7c15ull; /* odd */

static uint64_t cp_mix(uint32_t c)
{
    uint64_t z = (uint64_t)c + 0x632be59bd9b4e019ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t near_final(uint64_t h, size_t len)
{
    h ^= (uint64_t)len * 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

size_t fl_near_variants(const uint32_t *cps, size_t n, unsigned max_del, uint64_t *out)
{
    if (n > FL_NEAR_MAX_CPS)
        n = FL_NEAR_MAX_CPS;
    /* pre[i]: hash of cps[0..i); pw[k]: base^k */
    uint64_t pre[FL_NEAR_MAX_CPS + 1], pw[FL_NEAR_MAX_CPS + 1];
    pre[0] = 0;
    pw[0] = 1;
    for (size_t i = 0; i < n; i++) {
        pre[i + 1] = pre[i] * near_base + cp_mix(cps[i]);
        pw[i + 1] = pw[i] * near_base;
    }
/* hash of cps[a..b) */
#define RANGE(a, b) (pre[b] - pre[a] * pw[(b) - (a)])
    size_t k = 0;
    out[k++] = near_final(pre[n], n);
    if (max_del >= 1)
        for (size_t i = 0; i < n; i++) {
            if (i > 0 && cps[i] == cps[i - 1])
                continue; /* deleting either of a double letter gives one string */
            out[k++] = near_final(pre[i] * pw[n - 1 - i] + RANGE(i + 1, n), n - 1);
        }
    if (max_del >= 2)
        for (size_t i = 0; i < n; i++) {
            uint64_t head = pre[i];
            for (size_t j = i + 1; j < n; j++) {
                /* cps[0..i) cps[i+1..j) cps[j+1..n) */
                uint64_t h =
                    (head * pw[j - i - 1] + RANGE(i + 1, j)) * pw[n - 1 - j] + RANGE(j + 1, n);
                out[k++] = near_final(h, n - 2);
            }
        }
#undef RANGE
    return k;
}

unsigned fl_edit_distance(const uint32_t *a, size_t alen, const uint32_t *b, size_t blen,
                          unsigned max)
{
    size_t diff = alen > blen ? alen - blen : blen - alen;
    if (diff > max)
        return max + 1;
    if (alen > (size_t)FL_NEAR_MAX_CPS * 4 || blen > (size_t)FL_NEAR_MAX_CPS * 4)
        return max + 1;
    /* three rows of the optimal-string-alignment table */
    unsigned rows[3][FL_NEAR_MAX_CPS * 4 + 1];
    unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= blen; j++)
        prev[j] = (unsigned)j;
    for (size_t i = 1; i <= alen; i++) {
        cur[0] = (unsigned)i;
        unsigned row_min = cur[0];
        for (size_t j = 1; j <= blen; j++) {
            unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            unsigned v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (row_min > max)
            return max + 1;
        unsigned *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[blen] > max ? max + 1 : prev[blen];
}

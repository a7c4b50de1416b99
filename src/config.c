/* config.c - .factlint.ini: discovery from a document's folder upward,
 * parsing with inih (line numbers counted by our own line reader, since
 * inih's handler does not get them), validation with "file:line: message"
 * errors, and resolution of the settings that apply to one document. */
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FL_CONFIG_MAX_LINE = 4096 };

typedef struct rule_setting {
    int enabled;  /* -1 unset, else 0/1 */
    int severity; /* -1 unset, else fl_severity */
    const char *enabled_from, *severity_from;
} rule_setting;

typedef struct glob_section {
    char *glob;
    rule_setting *rules;
    int fail_level, front_matter, input_format; /* -1 unset */
    const char *fail_level_from, *front_matter_from, *input_format_from;
} glob_section;

typedef enum section_kind { SEC_GLOBAL, SEC_RULE, SEC_GLOB, SEC_BAD } section_kind;

struct fl_config {
    char *path, *dir;
    char **errors;
    size_t error_count;
    char **strings; /* origins and other owned strings */
    size_t string_count;

    int fail_level, default_lexicon, front_matter, input_format; /* -1 unset */
    const char *fail_level_from, *default_lexicon_from, *front_matter_from, *input_format_from;
    char *format;
    const char *format_from;
    char **lexicons;
    size_t lexicon_count;
    char **ignores;
    const char **ignore_from;
    size_t ignore_count;
    rule_setting *rules; /* from [rule ID] */
    glob_section *globs;
    size_t glob_count;

    /* parser state */
    const char *text;
    size_t pos, line;
    section_kind kind;
    long rule;     /* SEC_RULE: registry index */
    size_t glob;   /* SEC_GLOB: index in globs */
    char *section; /* the current section's name, trimmed */
    bool oom;
};

/* --------------------------------------------------------------- helpers */

static char *keep(fl_config *cfg, char *s)
{
    if (!s) {
        cfg->oom = true;
        return NULL;
    }
    char **grown = realloc(cfg->strings, (cfg->string_count + 1) * sizeof *grown);
    if (!grown) {
        free(s);
        cfg->oom = true;
        return NULL;
    }
    cfg->strings = grown;
    grown[cfg->string_count++] = s;
    return s;
}

static char *format_string(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    // clang-tidy 14 forgets va_start/va_copy after the first file of a run
    // NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): copy is made just above
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static char *kept_printf(fl_config *cfg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static char *kept_printf(fl_config *cfg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = format_string(fmt, ap);
    va_end(ap);
    return keep(cfg, s);
}

static void error_at(fl_config *cfg, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_at(fl_config *cfg, size_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = format_string(fmt, ap);
    va_end(ap);
    char *full = NULL;
    if (msg) {
        size_t n = strlen(cfg->path) + strlen(msg) + 32;
        full = malloc(n);
        if (full) {
            if (line)
                snprintf(full, n, "%s:%zu: %s", cfg->path, line, msg);
            else
                snprintf(full, n, "%s: %s", cfg->path, msg);
        }
    }
    free(msg);
    char **grown = full ? realloc(cfg->errors, (cfg->error_count + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(full);
        cfg->oom = true;
        return;
    }
    cfg->errors = grown;
    grown[cfg->error_count++] = full;
}

static const char *origin(fl_config *cfg)
{
    if (cfg->kind == SEC_GLOBAL)
        return kept_printf(cfg, "%s:%zu", cfg->path, cfg->line);
    return kept_printf(cfg, "%s:%zu [%s]", cfg->path, cfg->line, cfg->section);
}

static long rule_index(const char *id)
{
    for (size_t i = 0; i < fl_rule_count(); i++)
        if (strcmp(fl_rule_get(i)->id, id) == 0)
            return (long)i;
    return -1;
}

static rule_setting *new_rules(fl_config *cfg)
{
    size_t n = fl_rule_count() ? fl_rule_count() : 1;
    rule_setting *r = malloc(n * sizeof *r);
    if (!r) {
        cfg->oom = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        r[i] = (rule_setting){-1, -1, NULL, NULL};
    return r;
}

static int parse_bool(const char *v)
{
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};
    for (int i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return 1;
        if (strcasecmp(v, no[i]) == 0)
            return 0;
    }
    return -1;
}

static int parse_rule_severity(const char *v)
{
    fl_severity s;
    if (fl_severity_parse(v, &s) != FL_OK || s == FL_SEV_NONE)
        return -1;
    return (int)s;
}

static int parse_input_format(const char *v)
{
    static const char *const names[] = {"auto", "text", "markdown", "html"};
    for (int i = 0; i < 4; i++)
        if (strcmp(v, names[i]) == 0)
            return i; /* FL_FORMAT_AUTO .. FL_FORMAT_HTML */
    if (strcmp(v, "md") == 0)
        return FL_FORMAT_MARKDOWN;
    return -1;
}

static bool known_format(const char *v)
{
    for (const char *const *f = fl_report_formats(); *f; f++)
        if (strcmp(*f, v) == 0)
            return true;
    return false;
}

static char *trimmed(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    char *out = malloc(n + 1);
    if (out) {
        memcpy(out, s, n);
        out[n] = '\0';
    }
    return out;
}

/* Calls fn(cfg, item) for each comma-separated item of v, trimmed. */
static void each_item(fl_config *cfg, const char *v, void (*fn)(fl_config *, const char *))
{
    while (*v) {
        const char *comma = strchr(v, ',');
        size_t n = comma ? (size_t)(comma - v) : strlen(v);
        char *item = trimmed(v, n);
        if (!item) {
            cfg->oom = true;
            return;
        }
        if (*item)
            fn(cfg, item);
        free(item);
        v += n;
        if (*v == ',')
            v++;
    }
}

static char *resolve_path(const fl_config *cfg, const char *p)
{
    if (p[0] == '/' || !cfg->dir || !*cfg->dir)
        return strdup(p);
    size_t n = strlen(cfg->dir) + strlen(p) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%s", cfg->dir, p);
    return out;
}

static void add_lexicon(fl_config *cfg, const char *item)
{
    char *path = resolve_path(cfg, item);
    if (!path) {
        cfg->oom = true;
        return;
    }
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || access(path, R_OK) != 0) {
        int e = errno;
        error_at(cfg, cfg->line, "cannot read lexicon '%s': %s", item,
                 stat(path, &st) == 0 && !S_ISREG(st.st_mode) ? "not a regular file" : strerror(e));
        free(path);
        return;
    }
    char **grown = realloc(cfg->lexicons, (cfg->lexicon_count + 1) * sizeof *grown);
    if (!grown) {
        free(path);
        cfg->oom = true;
        return;
    }
    cfg->lexicons = grown;
    grown[cfg->lexicon_count++] = path;
}

static void add_ignore(fl_config *cfg, const char *item)
{
    char *glob = keep(cfg, strdup(item));
    const char *from = origin(cfg);
    char **grown = realloc(cfg->ignores, (cfg->ignore_count + 1) * sizeof *grown);
    const char **fgrown =
        grown ? realloc(cfg->ignore_from, (cfg->ignore_count + 1) * sizeof *fgrown) : NULL;
    /* keep both grown arrays even when something else failed: realloc may
     * have moved them and freed the old blocks */
    if (grown)
        cfg->ignores = grown;
    if (fgrown)
        cfg->ignore_from = fgrown;
    if (!glob || !from || !grown || !fgrown) {
        cfg->oom = true;
        return;
    }
    grown[cfg->ignore_count] = glob;
    fgrown[cfg->ignore_count++] = from;
}

/* ---------------------------------------------------------------- parser */

static void begin_section(fl_config *cfg, const char *name, size_t n)
{
    free(cfg->section);
    cfg->section = trimmed(name, n);
    if (!cfg->section) {
        cfg->oom = true;
        cfg->kind = SEC_BAD;
        return;
    }
    const char *s = cfg->section;
    if (strncmp(s, "rule", 4) == 0 && (s[4] == ' ' || s[4] == '\t' || s[4] == '\0')) {
        const char *id = s + 4;
        while (*id == ' ' || *id == '\t')
            id++;
        if (!*id) {
            error_at(cfg, cfg->line, "section [rule] needs a rule id, as in [rule name-casing]");
            cfg->kind = SEC_BAD;
            return;
        }
        cfg->rule = rule_index(id);
        if (cfg->rule < 0) {
            error_at(cfg, cfg->line, "unknown rule '%s'; see factlint --list-rules", id);
            cfg->kind = SEC_BAD;
            return;
        }
        cfg->kind = SEC_RULE;
        return;
    }
    if (!*s) {
        error_at(cfg, cfg->line, "empty section name");
        cfg->kind = SEC_BAD;
        return;
    }
    glob_section *grown = realloc(cfg->globs, (cfg->glob_count + 1) * sizeof *grown);
    if (!grown) {
        cfg->oom = true;
        cfg->kind = SEC_BAD;
        return;
    }
    cfg->globs = grown;
    glob_section *g = &grown[cfg->glob_count];
    memset(g, 0, sizeof *g);
    g->glob = keep(cfg, strdup(s));
    g->rules = new_rules(cfg);
    g->fail_level = g->front_matter = g->input_format = -1;
    if (!g->glob || !g->rules) {
        free(g->rules);
        cfg->kind = SEC_BAD;
        return;
    }
    cfg->glob = cfg->glob_count++;
    cfg->kind = SEC_GLOB;
}

/* An fgets-like reader over the text that counts lines and notices
 * section headers, so the handler knows where each key is. */
static char *read_line(char *buf, int num, void *stream)
{
    fl_config *cfg = stream;
    const char *t = cfg->text;
    if (!t[cfg->pos])
        return NULL;
    size_t start = cfg->pos, end = start;
    while (t[end] && t[end] != '\n')
        end++;
    cfg->pos = t[end] ? end + 1 : end;
    cfg->line++;
    size_t n = end - start;
    if (n && t[start + n - 1] == '\r')
        n--;
    if (num < 3 || n > (size_t)num - 2) {
        error_at(cfg, cfg->line, "line too long (at most %d characters)", num - 3);
        n = 0; /* read as a blank line */
    }
    memcpy(buf, t + start, n);
    buf[n] = '\n';
    buf[n + 1] = '\0';
    /* a section header: "[name]" after blanks */
    size_t i = 0;
    while (i < n && (buf[i] == ' ' || buf[i] == '\t'))
        i++;
    if (i < n && buf[i] == '[') {
        const char *close = memchr(buf + i, ']', n - i);
        if (close)
            begin_section(cfg, buf + i + 1, (size_t)(close - (buf + i + 1)));
    }
    return buf;
}

static void set_rule(fl_config *cfg, rule_setting *r, const char *name, const char *value)
{
    if (strcmp(name, "enabled") == 0) {
        int b = parse_bool(value);
        if (b < 0) {
            error_at(cfg, cfg->line, "invalid value '%s' for enabled (true or false)", value);
            return;
        }
        r->enabled = b;
        r->enabled_from = origin(cfg);
    } else if (strcmp(name, "severity") == 0) {
        int s = parse_rule_severity(value);
        if (s < 0) {
            error_at(cfg, cfg->line, "invalid severity '%s' (info, warning, error)", value);
            return;
        }
        r->severity = s;
        r->severity_from = origin(cfg);
    } else {
        error_at(cfg, cfg->line, "unknown key '%s' in [%s] (enabled, severity)", name,
                 cfg->section);
    }
}

/* Shared keys of the global and glob sections; returns false when `name`
 * is none of them. */
static bool set_common(fl_config *cfg, const char *name, const char *value, int *fail_level,
                       const char **fail_from, int *front_matter, const char **fm_from,
                       int *input_format, const char **if_from)
{
    if (strcmp(name, "fail-level") == 0) {
        fl_severity s;
        if (fl_severity_parse(value, &s) != FL_OK)
            error_at(cfg, cfg->line, "invalid fail-level '%s' (info, warning, error, none)", value);
        else {
            *fail_level = (int)s;
            *fail_from = origin(cfg);
        }
    } else if (strcmp(name, "front-matter") == 0) {
        int b = parse_bool(value);
        if (b < 0)
            error_at(cfg, cfg->line, "invalid value '%s' for front-matter (true or false)", value);
        else {
            *front_matter = b;
            *fm_from = origin(cfg);
        }
    } else if (strcmp(name, "input-format") == 0) {
        int f = parse_input_format(value);
        if (f < 0)
            error_at(cfg, cfg->line, "invalid input-format '%s' (auto, text, markdown, html)",
                     value);
        else {
            *input_format = f;
            *if_from = origin(cfg);
        }
    } else {
        return false;
    }
    return true;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    (void)section; /* the reader tracks sections, with their lines */
    fl_config *cfg = user;
    switch (cfg->kind) {
    case SEC_BAD:
        break; /* reported at the section header */
    case SEC_RULE:
        set_rule(cfg, &cfg->rules[cfg->rule], name, value);
        break;
    case SEC_GLOB: {
        glob_section *g = &cfg->globs[cfg->glob];
        if (set_common(cfg, name, value, &g->fail_level, &g->fail_level_from, &g->front_matter,
                       &g->front_matter_from, &g->input_format, &g->input_format_from))
            break;
        long r = rule_index(name);
        if (r < 0) {
            error_at(cfg, cfg->line,
                     "unknown key '%s' in [%s] (a rule id, fail-level, front-matter, "
                     "input-format)",
                     name, cfg->section);
            break;
        }
        int b = parse_bool(value), s = parse_rule_severity(value);
        if (b < 0 && s < 0) {
            error_at(cfg, cfg->line, "invalid value '%s' for %s (on, off, info, warning, error)",
                     value, name);
            break;
        }
        const char *from = origin(cfg);
        g->rules[r].enabled = b < 0 ? 1 : b;
        g->rules[r].enabled_from = from;
        if (s >= 0) {
            g->rules[r].severity = s;
            g->rules[r].severity_from = from;
        }
        break;
    }
    case SEC_GLOBAL:
        if (set_common(cfg, name, value, &cfg->fail_level, &cfg->fail_level_from,
                       &cfg->front_matter, &cfg->front_matter_from, &cfg->input_format,
                       &cfg->input_format_from))
            break;
        if (strcmp(name, "format") == 0) {
            if (!known_format(value)) {
                error_at(cfg, cfg->line, "unknown format '%s'", value);
                break;
            }
            free(cfg->format);
            cfg->format = strdup(value);
            if (!cfg->format)
                cfg->oom = true;
            cfg->format_from = origin(cfg);
        } else if (strcmp(name, "lexicon") == 0) {
            each_item(cfg, value, add_lexicon);
        } else if (strcmp(name, "default-lexicon") == 0) {
            int b = parse_bool(value);
            if (b < 0)
                error_at(cfg, cfg->line, "invalid value '%s' for default-lexicon (true or false)",
                         value);
            else {
                cfg->default_lexicon = b;
                cfg->default_lexicon_from = origin(cfg);
            }
        } else if (strcmp(name, "ignore") == 0) {
            each_item(cfg, value, add_ignore);
        } else {
            error_at(cfg, cfg->line,
                     "unknown key '%s' (fail-level, format, lexicon, default-lexicon, ignore, "
                     "front-matter, input-format, or a [rule ID] or [GLOB] section)",
                     name);
        }
        break;
    }
    return 1;
}

/* ------------------------------------------------------------- loading */

static fl_config *config_new(const char *path)
{
    fl_config *cfg = calloc(1, sizeof *cfg);
    if (!cfg)
        return NULL;
    cfg->path = strdup(path);
    const char *slash = strrchr(path, '/');
    cfg->dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    cfg->rules = new_rules(cfg);
    cfg->fail_level = cfg->default_lexicon = cfg->front_matter = cfg->input_format = -1;
    if (!cfg->path || !cfg->dir || !cfg->rules) {
        fl_config_free(cfg);
        return NULL;
    }
    return cfg;
}

fl_status fl_config_parse(const char *path, const char *text, fl_config **out)
{
    fl_config *cfg = config_new(path);
    *out = cfg;
    if (!cfg)
        return FL_ENOMEM;
    cfg->text = text;
    cfg->kind = SEC_GLOBAL;
    int rc = ini_parse_stream(read_line, cfg, handler, cfg);
    if (rc > 0)
        error_at(cfg, (size_t)rc, "syntax error (expected [section] or key = value)");
    else if (rc < 0)
        cfg->oom = true;
    cfg->text = NULL;
    free(cfg->section);
    cfg->section = NULL;
    if (cfg->oom) {
        fl_config_free(cfg);
        *out = NULL;
        return FL_ENOMEM;
    }
    return cfg->error_count ? FL_ECONFIG : FL_OK;
}

fl_status fl_config_load(const char *path, fl_config **out)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0;
    int e = 0;
    if (f) {
        size_t cap = 4096;
        text = malloc(cap);
        while (text) {
            size_t got = fread(text + len, 1, cap - len - 1, f);
            len += got;
            if (got == 0)
                break;
            if (cap - len - 1 == 0) {
                char *g = realloc(text, cap * 2);
                if (!g) {
                    free(text);
                    text = NULL;
                    break;
                }
                text = g;
                cap *= 2;
            }
        }
        if (ferror(f))
            e = errno ? errno : EIO;
        fclose(f);
        if (!text) {
            return FL_ENOMEM;
        }
        text[len] = '\0';
    } else {
        e = errno;
    }
    if (!f || e) {
        free(text);
        fl_config *cfg = config_new(path);
        if (!cfg)
            return FL_ENOMEM;
        error_at(cfg, 0, "cannot read config: %s", strerror(e));
        *out = cfg;
        return FL_EIO;
    }
    if (memchr(text, '\0', len)) {
        free(text);
        fl_config *cfg = config_new(path);
        if (!cfg)
            return FL_ENOMEM;
        error_at(cfg, 0, "not a text file (holds a NUL byte)");
        *out = cfg;
        return FL_ECONFIG;
    }
    fl_status st = fl_config_parse(path, text, out);
    free(text);
    return st;
}

void fl_config_free(fl_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->error_count; i++)
        free(cfg->errors[i]);
    free(cfg->errors);
    for (size_t i = 0; i < cfg->string_count; i++)
        free(cfg->strings[i]);
    free(cfg->strings);
    for (size_t i = 0; i < cfg->lexicon_count; i++)
        free(cfg->lexicons[i]);
    free(cfg->lexicons);
    free(cfg->ignores);
    free(cfg->ignore_from);
    for (size_t i = 0; i < cfg->glob_count; i++)
        free(cfg->globs[i].rules);
    free(cfg->globs);
    free(cfg->rules);
    free(cfg->format);
    free(cfg->section);
    free(cfg->path);
    free(cfg->dir);
    free(cfg);
}

size_t fl_config_error_count(const fl_config *cfg)
{
    return cfg ? cfg->error_count : 0;
}

const char *fl_config_error(const fl_config *cfg, size_t i)
{
    return cfg && i < cfg->error_count ? cfg->errors[i] : NULL;
}

const char *fl_config_path(const fl_config *cfg)
{
    return cfg ? cfg->path : NULL;
}

const char *fl_config_format(const fl_config *cfg)
{
    return cfg ? cfg->format : NULL;
}

size_t fl_config_lexicon_count(const fl_config *cfg)
{
    return cfg ? cfg->lexicon_count : 0;
}

const char *fl_config_lexicon(const fl_config *cfg, size_t i)
{
    return cfg && i < cfg->lexicon_count ? cfg->lexicons[i] : NULL;
}

bool fl_config_default_lexicon(const fl_config *cfg)
{
    return !cfg || cfg->default_lexicon != 0;
}

/* ----------------------------------------------------------- discovery */

static bool exists(const char *dir, const char *name, bool want_dir_or_file)
{
    (void)want_dir_or_file;
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (!p)
        return false;
    snprintf(p, n, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
    struct stat st;
    bool ok = stat(p, &st) == 0;
    free(p);
    return ok;
}

char *fl_config_find(const char *doc_path)
{
    char *dir = NULL;
    const char *slash = strcmp(doc_path, "-") == 0 ? NULL : strrchr(doc_path, '/');
    char *given =
        slash ? strndup(doc_path, slash == doc_path ? 1 : (size_t)(slash - doc_path)) : strdup(".");
    if (!given)
        return NULL;
    struct stat st;
    /* a folder given as the document: start inside it */
    if (strcmp(doc_path, "-") != 0 && stat(doc_path, &st) == 0 && S_ISDIR(st.st_mode)) {
        free(given);
        given = strdup(doc_path);
        if (!given)
            return NULL;
    }
    dir = realpath(given, NULL);
    free(given);
    if (!dir)
        return NULL;
    for (;;) {
        if (exists(dir, ".factlint.ini", false)) {
            size_t n = strlen(dir) + 16;
            char *p = malloc(n);
            if (p)
                snprintf(p, n, "%s/.factlint.ini", strcmp(dir, "/") == 0 ? "" : dir);
            free(dir);
            return p;
        }
        if (exists(dir, ".git", true) || strcmp(dir, "/") == 0)
            break;
        char *cut = strrchr(dir, '/');
        if (cut == dir)
            cut[1] = '\0';
        else
            *cut = '\0';
    }
    free(dir);
    return NULL;
}

/* --------------------------------------------------------------- globs */

static bool match_components(const char *glob, const char *path)
{
    const char *p = path;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        char comp[NAME_MAX + 1];
        if (n <= NAME_MAX) {
            memcpy(comp, p, n);
            comp[n] = '\0';
            if (fnmatch(glob, comp, 0) == 0)
                return true;
        }
        if (!slash)
            return false;
        p = slash + 1;
    }
}

bool fl_glob_match(const char *glob, const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    while (glob[0] == '.' && glob[1] == '/')
        glob += 2;
    if (glob[0] == '/')
        glob++;
    size_t gl = strlen(glob);
    while (gl > 1 && glob[gl - 1] == '/')
        gl--;
    char g[PATH_MAX];
    if (gl >= sizeof g)
        return false;
    memcpy(g, glob, gl);
    g[gl] = '\0';
    if (!strchr(g, '/'))
        return match_components(g, path);
    bool deep = strstr(g, "**") != NULL;
    int flags = deep ? 0 : FNM_PATHNAME;
    if (fnmatch(g, path, flags) == 0)
        return true;
    if (deep) {
        /* also with each double star and its slash standing for no folder */
        char h[PATH_MAX];
        size_t k = 0;
        for (size_t i = 0; g[i] && k + 1 < sizeof h; i++) {
            if (g[i] == '*' && g[i + 1] == '*' && g[i + 2] == '/' && (i == 0 || g[i - 1] == '/')) {
                i += 2;
                continue;
            }
            h[k++] = g[i];
        }
        h[k] = '\0';
        if (fnmatch(h, path, 0) == 0)
            return true;
    }
    /* a folder and everything in it */
    char prefix[PATH_MAX];
    size_t pl = strlen(path);
    if (pl >= sizeof prefix)
        return false;
    memcpy(prefix, path, pl + 1);
    for (char *s = strrchr(prefix, '/'); s; s = strrchr(prefix, '/')) {
        *s = '\0';
        if (fnmatch(g, prefix, flags) == 0)
            return true;
    }
    return false;
}

/* ------------------------------------------------------------ resolving */

/* The path of a document relative to the config's folder, or as given
 * when it lies outside. Returns a malloc'd string. */
static char *relative_path(const fl_config *cfg, const char *path)
{
    if (!cfg || strcmp(path, "-") == 0)
        return strdup(path);
    char *abs = NULL;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    char *dir_abs = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    char *cfg_dir = realpath(cfg->dir, NULL);
    if (dir_abs) {
        const char *base = slash ? slash + 1 : path;
        size_t n = strlen(dir_abs) + strlen(base) + 2;
        abs = malloc(n);
        if (abs)
            snprintf(abs, n, "%s/%s", strcmp(dir_abs, "/") == 0 ? "" : dir_abs, base);
    }
    char *out = NULL;
    if (abs && cfg_dir) {
        size_t cl = strlen(cfg_dir);
        if (strcmp(cfg_dir, "/") == 0)
            out = strdup(abs + 1);
        else if (strncmp(abs, cfg_dir, cl) == 0 && abs[cl] == '/')
            out = strdup(abs + cl + 1);
    }
    if (!out)
        out = strdup(path);
    free(abs);
    free(dir_abs);
    free(cfg_dir);
    return out;
}

static const char default_from[] = "default";

/* Applies the settings a section sets (those not -1) over out, with
 * their origins. */
static void apply_section(fl_file_settings *out, const glob_section *g)
{
    if (g->fail_level >= 0) {
        out->fail_level = (fl_severity)g->fail_level;
        out->fail_level_from = g->fail_level_from;
    }
    if (g->front_matter >= 0) {
        out->front_matter = g->front_matter;
        out->front_matter_from = g->front_matter_from;
    }
    if (g->input_format >= 0) {
        out->input_format = (fl_input_format)g->input_format;
        out->input_format_from = g->input_format_from;
    }
    for (size_t i = 0; i < fl_rule_count(); i++) {
        const rule_setting *r = &g->rules[i];
        if (r->enabled >= 0) {
            out->enabled[i] = r->enabled;
            out->enabled_from[i] = r->enabled_from;
        }
        if (r->severity >= 0) {
            out->severity[i] = (fl_severity)r->severity;
            out->severity_from[i] = r->severity_from;
        }
    }
}

fl_status fl_config_resolve(const fl_config *cfg, const char *path, fl_file_settings *out)
{
    memset(out, 0, sizeof *out);
    size_t n = fl_rule_count() ? fl_rule_count() : 1;
    size_t bytes = n * (sizeof(bool) + sizeof(fl_severity) + 2 * sizeof(const char *)) + 64;
    out->storage = calloc(1, bytes);
    if (!out->storage)
        return FL_ENOMEM;
    char *p = out->storage;
    out->enabled_from = (const char **)(void *)p;
    p += n * sizeof(const char *);
    out->severity_from = (const char **)(void *)p;
    p += n * sizeof(const char *);
    out->severity = (fl_severity *)(void *)p;
    p += n * sizeof(fl_severity);
    out->enabled = (bool *)p;
    for (size_t i = 0; i < fl_rule_count(); i++) {
        out->enabled[i] = true;
        out->severity[i] = fl_rule_get(i)->severity;
        out->enabled_from[i] = out->severity_from[i] = default_from;
    }
    out->fail_level = FL_SEV_WARNING;
    out->input_format = FL_FORMAT_AUTO;
    out->fail_level_from = out->input_format_from = out->front_matter_from = default_from;
    out->ignored_from = default_from;
    if (!cfg)
        return FL_OK;
    /* the file's global settings: a section matching every path */
    const glob_section top = {.rules = cfg->rules,
                              .fail_level = cfg->fail_level,
                              .front_matter = cfg->front_matter,
                              .input_format = cfg->input_format,
                              .fail_level_from = cfg->fail_level_from,
                              .front_matter_from = cfg->front_matter_from,
                              .input_format_from = cfg->input_format_from};
    apply_section(out, &top);
    char *rel = relative_path(cfg, path);
    if (!rel) {
        fl_file_settings_free(out);
        return FL_ENOMEM;
    }
    for (size_t k = 0; k < cfg->ignore_count; k++) {
        if (fl_glob_match(cfg->ignores[k], rel)) {
            out->ignored = true;
            out->ignored_from = cfg->ignore_from[k];
            break;
        }
    }
    for (size_t k = 0; k < cfg->glob_count; k++) {
        const glob_section *g = &cfg->globs[k];
        if (!fl_glob_match(g->glob, rel))
            continue;
        apply_section(out, g);
    }
    free(rel);
    return FL_OK;
}

bool fl_config_same_for_all(const fl_config *cfg)
{
    return !cfg || (cfg->ignore_count == 0 && cfg->glob_count == 0);
}

void fl_file_settings_free(fl_file_settings *s)
{
    if (!s)
        return;
    free(s->storage);
    memset(s, 0, sizeof *s);
}

static const char *input_format_name(fl_input_format f)
{
    static const char *const names[] = {"auto", "text", "markdown", "html"};
    return (unsigned)f < 4 ? names[f] : "auto";
}

fl_status fl_file_settings_write(FILE *out, const char *path, const fl_config *cfg,
                                 const fl_file_settings *s, const char *format,
                                 const char *format_from, const char *const *lexicons,
                                 const char *const *lexicons_from, size_t lexicon_count,
                                 bool default_lexicon, const char *default_lexicon_from)
{
    fprintf(out, "; settings for %s\n", path);
    fprintf(out, "; config: %s\n", cfg ? cfg->path : "none (defaults)");
    fprintf(out, "%-32s ; %s\n", s->ignored ? "ignored = true" : "ignored = false",
            s->ignored_from);
    char buf[512];
#define SETTING(fmt, value, from)                                                                  \
    do {                                                                                           \
        snprintf(buf, sizeof buf, fmt, value);                                                     \
        fprintf(out, "%-32s ; %s\n", buf, from);                                                   \
    } while (0)
    SETTING("fail-level = %s", fl_severity_name(s->fail_level), s->fail_level_from);
    SETTING("format = %s", format, format_from);
    SETTING("input-format = %s", input_format_name(s->input_format), s->input_format_from);
    SETTING("front-matter = %s", s->front_matter ? "true" : "false", s->front_matter_from);
    SETTING("default-lexicon = %s", default_lexicon ? "true" : "false", default_lexicon_from);
    for (size_t i = 0; i < lexicon_count; i++)
        SETTING("lexicon = %s", lexicons[i], lexicons_from[i]);
    for (size_t i = 0; i < fl_rule_count(); i++) {
        fprintf(out, "\n[rule %s]\n", fl_rule_get(i)->id);
        SETTING("enabled = %s", s->enabled[i] ? "true" : "false", s->enabled_from[i]);
        SETTING("severity = %s", fl_severity_name(s->severity[i]), s->severity_from[i]);
    }
#undef SETTING
    return fflush(out) == 0 && !ferror(out) ? FL_OK : FL_EIO;
}

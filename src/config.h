/*
 * config.h - .factlint.ini: finding, reading and applying configuration,
 * and running a check with per-file rule settings. Internal to factlint
 * (the command line uses it); not installed.
 *
 * A config file (parsed with inih):
 *
 *   fail-level = warning          ; info, warning, error, none
 *   format = text                 ; an output format
 *   lexicon = house.lex, more.lex ; relative to this file
 *   default-lexicon = true
 *   ignore = vendor, drafts         ; globs, relative to this file
 *   front-matter = false          ; check front matter title/description
 *   input-format = auto           ; auto, text, markdown, html
 *
 *   [rule name-casing]
 *   enabled = true
 *   severity = info
 *
 *   [*.md]                        ; files matching a glob
 *   name-casing = off             ; on, off, info, warning, error
 *   fail-level = error
 *
 * Unknown keys, rules and values are errors "file:line: message".
 */
#ifndef FL_CONFIG_H
#define FL_CONFIG_H

#include "factlint.h"

#include <stdbool.h>
#include <stdio.h>

/* Settings for one run of the checker over one document. */
typedef struct fl_run_settings {
    const bool *enabled;         /* per rule (fl_rule_get order); NULL: checker's */
    const fl_severity *severity; /* per rule; NULL: checker's */
    bool front_matter;           /* Markdown: check front matter title/description */
} fl_run_settings;

/* As fl_check, with per-document rule settings (run may be NULL). */
fl_status fl_check_with(const fl_checker *checker, const fl_source *src, fl_input_format format,
                        const fl_run_settings *run, fl_result **out, fl_error *err);

/* As fl_source_read_file, building the source in `spare` when it is large
 * enough: a source the caller is done with (taken in any case; NULL for
 * none), so that a run over many files need not allocate one for each. */
fl_status fl_source_read_file_reusing(fl_source *spare, const char *path, const char *name,
                                      size_t max_size, fl_source **out, fl_error *err);
/* As fl_source_read_file_reusing, opening `path` relative to the
 * directory open as `dir_fd` (openat; AT_FDCWD: the working directory);
 * `name`, which names the source, must be given. */
fl_status fl_source_read_file_at(fl_source *spare, int dir_fd, const char *path, const char *name,
                                 size_t max_size, fl_source **out, fl_error *err);

/* As fl_check_with, building the result in the memory of `spare` when it
 * is large enough: a result the caller is done with (taken in any case;
 * NULL for none). */
fl_status fl_check_reusing(const fl_checker *checker, const fl_source *src, fl_input_format format,
                           const fl_run_settings *run, fl_result *spare, fl_result **out,
                           fl_error *err);

/* One parsed .factlint.ini. */
typedef struct fl_config fl_config;

/* Reads the config file at `path`. Returns FL_OK, or FL_ECONFIG when the
 * file has errors (each one in fl_config_error) or FL_EIO when it cannot
 * be read; in both cases *out is a config holding the errors (free it).
 * FL_ENOMEM leaves *out NULL. */
fl_status fl_config_load(const char *path, fl_config **out);
/* As fl_config_load, from memory; `path` names the text in messages and
 * relative paths resolve against its folder. */
fl_status fl_config_parse(const char *path, const char *text, fl_config **out);
void fl_config_free(fl_config *cfg);
size_t fl_config_error_count(const fl_config *cfg);
/* "file:line: message" */
const char *fl_config_error(const fl_config *cfg, size_t i);
const char *fl_config_path(const fl_config *cfg);

/* Looks for .factlint.ini in the folder of `doc_path` and its parents,
 * stopping after a folder holding .git (the repository root) or at the
 * root. Returns a malloc'd path, or NULL when there is none. For "-" the
 * search starts in the current folder. */
char *fl_config_find(const char *doc_path);

/* Run-wide settings a config may set (NULL or false when it does not). */
const char *fl_config_format(const fl_config *cfg);
/* Lexicon paths (resolved against the config's folder) and whether the
 * built-in lexicon is used. */
size_t fl_config_lexicon_count(const fl_config *cfg);
const char *fl_config_lexicon(const fl_config *cfg, size_t i);
bool fl_config_default_lexicon(const fl_config *cfg);

/* Where a setting came from: "default", "command line", or
 * "file:line" with the section ("file:line [*.md]"). */
typedef struct fl_file_settings {
    bool *enabled;         /* per rule */
    fl_severity *severity; /* per rule */
    const char **enabled_from, **severity_from;
    fl_severity fail_level;
    const char *fail_level_from;
    fl_input_format input_format;
    const char *input_format_from;
    bool front_matter;
    const char *front_matter_from;
    bool ignored;
    const char *ignored_from;
    char *storage; /* owns the arrays */
} fl_file_settings;

/* The settings for document `path` under `cfg` (which may be NULL: the
 * defaults). Strings point into cfg or are static. FL_ENOMEM on failure.
 * Free with fl_file_settings_free. */
fl_status fl_config_resolve(const fl_config *cfg, const char *path, fl_file_settings *out);
void fl_file_settings_free(fl_file_settings *s);
/* Whether fl_config_resolve gives every path the same settings under cfg
 * (NULL, or a config with no ignore globs and no glob sections). */
bool fl_config_same_for_all(const fl_config *cfg);

/* Writes the settings (as INI, each with where it came from in a comment)
 * for `path` to `out`; `format`, `format_from`, the lexicons and their
 * origins are the run's. Returns FL_EIO on a write error. */
fl_status fl_file_settings_write(FILE *out, const char *path, const fl_config *cfg,
                                 const fl_file_settings *s, const char *format,
                                 const char *format_from, const char *const *lexicons,
                                 const char *const *lexicons_from, size_t lexicon_count,
                                 bool default_lexicon, const char *default_lexicon_from);

/* Whether `path` (relative to the folder the glob is written in) matches
 * `glob`: a glob without '/' matches any one path component (`*.md`,
 * `vendor`), one with '/' matches the path or a folder leading it
 * (`docs/drafts`, `docs/x*.md`); a double star matches across folders. */
bool fl_glob_match(const char *glob, const char *path);

#endif

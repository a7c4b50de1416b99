/*
 * factlint.h - public interface of libfactlint, a fact-consistency checker
 * for edited prose.
 *
 * Ownership: every fl_*_new / fl_*_create returns an object the caller frees
 * with the matching fl_*_free; every fl_*_free(NULL) is a no-op. Strings
 * handed in are (pointer, length) and need not be NUL-terminated. Strings
 * handed out are NUL-terminated and owned by the object they came from.
 * The library never prints and keeps no global mutable state: distinct
 * handles may be used from distinct threads at once, and one fl_checker may
 * be shared read-only by any number of threads.
 */
#ifndef FACTLINT_H
#define FACTLINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FL_VERSION "0.1.0"

/* ---------------------------------------------------------------- status */

typedef enum fl_status {
    FL_OK = 0,
    FL_ENOMEM = -1,   /* out of memory */
    FL_EIO = -2,      /* file could not be read or written (see errno) */
    FL_EUTF8 = -3,    /* input is not valid UTF-8 */
    FL_EBINARY = -4,  /* input holds a NUL byte */
    FL_ETOOBIG = -5,  /* input larger than the configured maximum */
    FL_EUSAGE = -6,   /* bad argument */
    FL_ECONFIG = -7,  /* configuration error */
    FL_ELEXICON = -8, /* lexicon file error */
    FL_ELIMIT = -9,   /* a work limit (mentions, regex work) was reached */
    FL_EPATTERN = -10 /* a pattern failed to compile or match */
} fl_status;

/* A static English description of a status; never NULL. */
const char *fl_strerror(fl_status status);

/* Details of a failure. Functions that take an fl_error * fill it when they
 * fail and it is not NULL. `message` is a complete sentence without a
 * trailing newline (e.g. "invalid UTF-8 (byte 0xFF at offset 3)"). For
 * input errors, line and column (1-based, code points) locate the problem. */
typedef struct fl_error {
    fl_status status;
    size_t offset;
    size_t line;
    size_t column;
    int sys_errno;
    char message[256];
} fl_error;

typedef enum fl_severity {
    FL_SEV_INFO = 0,
    FL_SEV_WARNING = 1,
    FL_SEV_ERROR = 2,
    FL_SEV_NONE = 3 /* only as a fail level: never fail */
} fl_severity;

/* "info", "warning", "error", "none". */
const char *fl_severity_name(fl_severity severity);
/* Parses a name as above; returns FL_OK or FL_EUSAGE. */
fl_status fl_severity_parse(const char *name, fl_severity *out);

/* ---------------------------------------------------------------- source */

/* A document's bytes, validated as UTF-8, with a line index. */
typedef struct fl_source fl_source;

/* Copies `len` bytes of `bytes` into a new source named `name` (used in
 * reports; copied). Fails with FL_EUTF8 on invalid UTF-8, FL_EBINARY on a
 * NUL byte (unless allow_nul), filling `err` with the offending offset,
 * line and column. CRLF, CR and LF all end lines; a leading UTF-8 BOM is
 * not counted in columns but offsets still count it. */
fl_status fl_source_new(const char *name, const char *bytes, size_t len, fl_source **out,
                        fl_error *err);

/* Reads a whole file ("-" is not special here) with one read, refusing
 * files larger than max_size bytes (0: no limit), then as fl_source_new. */
fl_status fl_source_read_file(const char *path, const char *name, size_t max_size, fl_source **out,
                              fl_error *err);

void fl_source_free(fl_source *src);

const char *fl_source_name(const fl_source *src);
const char *fl_source_bytes(const fl_source *src); /* NUL-terminated copy */
size_t fl_source_length(const fl_source *src);
size_t fl_source_line_count(const fl_source *src);

/* Maps a byte offset (clamped to the length) to a 1-based line and a
 * 1-based column counted in code points. */
void fl_source_position(const fl_source *src, size_t offset, size_t *line, size_t *column);
/* The 1-based column of `offset` counted in UTF-16 code units (SARIF). */
size_t fl_source_utf16_column(const fl_source *src, size_t offset);
/* The byte offset where 1-based `line` starts, or the length if past it. */
size_t fl_source_line_offset(const fl_source *src, size_t line);

/* Checks that `len` bytes are valid UTF-8 (no overlongs, surrogates or
 * code points past U+10FFFF). Returns 1 if valid; otherwise 0 and the
 * offset of the first bad byte in *bad_offset. */
int fl_utf8_valid(const char *bytes, size_t len, size_t *bad_offset);

/* ------------------------------------------------------------ normalizer */

/* Flags for fl_fold (the default, 0, is what keys use). */
#define FL_FOLD_KEEP_DIACRITICS 0x1u /* do not strip combining marks */
#define FL_FOLD_NO_LUMP 0x2u         /* do not lump dashes, quotes, spaces */
#define FL_FOLD_CODE 0x4u            /* the surface is a code: drop plural s */
/* FL_FOLD_CODE drops a lowercase s right after a digit when a letter comes
 * before it ("H20s" -> "h20", "F-35s" -> "f35"; "1990s" and "iPhone 4S"
 * keep theirs). */
#define FL_FOLD_KEEP_POSSESSIVE 0x8u /* keep a trailing 's / ’s */

/* Writes the fold key of s[0..len) into out (at most cap bytes including a
 * NUL) and returns the key's length; if that is >= cap the key was cut and
 * the caller may retry with a larger buffer (as snprintf). */
size_t fl_fold(const char *s, size_t len, unsigned flags, char *out, size_t cap);

/* As fl_fold, but the skeleton key: fold, then look-alikes mapped to one
 * representative and spacing inside the name removed. Cyrillic and Greek
 * letters that look Latin become Latin (mapped before case folding, as case
 * changes the look: Greek capital eta looks like H, small eta like n); the
 * digit/letter map (o->0, i/l->1, s->5, z->2, b->8) applies only inside a
 * run of letters and digits (spaces, hyphens, dots included) that has
 * both, so plain words never change. Examples: "H2O", "Н20" (Cyrillic),
 * "Ｈ２０", "H-20" -> "h20"; "Mar-a-Lago" -> "maralago". */
size_t fl_skeleton(const char *s, size_t len, unsigned flags, char *out, size_t cap);

/* As fl_fold, but the family key of a code: the fold (plural s dropped,
 * Cyrillic/Greek look-alikes made Latin, hyphens and dots removed) with
 * each run of digits written "#": "h#" for H20 and H100, "iphone #" for
 * iPhone 15, "# max" for 737 MAX. Returns 0 (and writes "") when the
 * surface is not a code (has no letter or no digit). */
size_t fl_family(const char *s, size_t len, char *out, size_t cap);

/* What separates two surfaces (bits of fl_difference.kinds). */
#define FL_DIFF_CASE 0x01u
#define FL_DIFF_SPACING 0x02u   /* spaces, hyphens, dots inside the name */
#define FL_DIFF_LOOKALIKE 0x04u /* digit/letter or cross-script look-alike */
#define FL_DIFF_DIACRITIC 0x08u
#define FL_DIFF_WIDTH 0x10u        /* fullwidth/compatibility forms */
#define FL_DIFF_INVISIBLE 0x20u    /* default-ignorable code points */
#define FL_DIFF_INFLECTION 0x40u   /* plural or possessive ending */
#define FL_DIFF_OTHER 0x80u        /* different skeletons: not one name */
#define FL_DIFF_PUNCTUATION 0x100u /* dash or quote style only (’ vs ', – vs -) */
#define FL_DIFF_COMPOSITION 0x200u /* one text, composed vs decomposed (NFC/NFD) */

typedef struct fl_difference {
    unsigned kinds;
    /* the first look-alike pair, when FL_DIFF_LOOKALIKE is set: byte
     * offsets into a and b and the two code points */
    size_t a_offset, b_offset;
    uint32_t a_char, b_char;
    /* e.g. "`H2O` has the letter O where `H20` has the digit 0" */
    char description[256];
} fl_difference;

/* Compares two surfaces and fills *out: FL_DIFF_OTHER when their
 * skeletons (as codes, FL_FOLD_CODE) differ, otherwise every kind of
 * difference between them (none when the bytes are equal). Returns FL_OK,
 * or FL_ENOMEM. */
fl_status fl_compare_surfaces(const char *a, size_t alen, const char *b, size_t blen,
                              fl_difference *out);

/* --------------------------------------------------------------- checker */

typedef struct fl_options fl_options;

/* Options for a checker: which rules run, their severities, lexicons. */
fl_options *fl_options_new(void);
void fl_options_free(fl_options *opts);
/* Enables or disables one rule; FL_EUSAGE for an unknown rule id. */
fl_status fl_options_enable_rule(fl_options *opts, const char *rule, int enabled);
/* Overrides one rule's severity; FL_EUSAGE for an unknown rule id. */
fl_status fl_options_set_severity(fl_options *opts, const char *rule, fl_severity severity);
/* Uses (1, default) or drops (0) the lexicon compiled into the library. */
void fl_options_use_default_lexicon(fl_options *opts, int use);
/* Adds a user lexicon file (path copied; read by fl_checker_new). */
fl_status fl_options_add_lexicon(fl_options *opts, const char *path);
/* Caps the number of mentions per document (0: default, 1,000,000). */
void fl_options_set_max_mentions(fl_options *opts, size_t max);

/* Input formats: FL_FORMAT_AUTO picks by the source name's extension. */
typedef enum fl_input_format {
    FL_FORMAT_AUTO = 0,
    FL_FORMAT_TEXT,
    FL_FORMAT_MARKDOWN,
    FL_FORMAT_HTML
} fl_input_format;

/* Compiled patterns and lexicons; immutable after creation, shareable
 * across threads. */
typedef struct fl_checker fl_checker;

fl_status fl_checker_new(const fl_options *opts, fl_checker **out, fl_error *err);
void fl_checker_free(fl_checker *checker);

typedef struct fl_related {
    size_t offset, length; /* bytes in the source */
    const char *text;
} fl_related;

typedef struct fl_finding {
    const char *rule;
    fl_severity severity;
    size_t offset, length; /* bytes in the source */
    const char *text;      /* the flagged text */
    const char *message;
    const char *suggestion; /* replacement for text, or NULL */
    const fl_related *related;
    size_t related_count;
    const char *fingerprint; /* 16 hex digits, stable when lines move */
} fl_finding;

/* Findings of one document, in source order. */
typedef struct fl_result fl_result;

/* Checks one source. The result is the caller's (fl_result_free); it
 * refers to `src`, which must outlive it. */
fl_status fl_check(const fl_checker *checker, const fl_source *src, fl_input_format format,
                   fl_result **out, fl_error *err);
size_t fl_result_count(const fl_result *result);
const fl_finding *fl_result_get(const fl_result *result, size_t i);
void fl_result_free(fl_result *result);

/* The mentions found in the checked document (a debugging aid: what the
 * checks compared). Strings are owned by the result. `value` renders the
 * typed value ("USD 500000000", "2024-03-05 day", "62") or is "". */
typedef struct fl_mention_info {
    const char *kind;      /* "code", "name", "money", ... */
    size_t offset, length; /* bytes in the source */
    const char *surface, *fold, *skeleton, *family, *value;
    size_t sentence;
} fl_mention_info;

size_t fl_result_mention_count(const fl_result *result);
/* Fills *out for mention i; FL_EUSAGE when i is out of range. */
fl_status fl_result_mention(const fl_result *result, size_t i, fl_mention_info *out);
size_t fl_result_sentence_count(const fl_result *result);

/* ---------------------------------------------------------------- reports */

/* A report in one output format ("text", "json", ...), written to `out`
 * (findings) and `diag` (input errors in human formats). The caller owns
 * both streams. */
typedef struct fl_report fl_report;

#define FL_REPORT_COLOR 0x1u /* ANSI colours in human formats */

/* FL_EUSAGE for an unknown format name. */
fl_status fl_report_new(const char *format, FILE *out, FILE *diag, unsigned flags,
                        fl_report **report);
/* Reports one file: its findings (result may be NULL) or its input error
 * (err not NULL). `src` may be NULL when the file could not be read. */
fl_status fl_report_file(fl_report *report, const char *path, const fl_source *src,
                         const fl_result *result, const fl_error *err);
/* Ends the report (closes JSON, SARIF...). */
fl_status fl_report_finish(fl_report *report);
void fl_report_free(fl_report *report);
/* Names of the formats, NULL-terminated. */
const char *const *fl_report_formats(void);

/* ------------------------------------------------------------ JSON lines */

typedef struct fl_jsonl_stats {
    size_t lines;     /* non-blank input lines */
    size_t documents; /* documents read (one a line) */
    size_t errors;    /* lines that gave an error result */
    size_t findings;
} fl_jsonl_stats;

/* Streaming mode: reads one JSON object a line from `in`,
 * {"id": any, "text": "...", "format": "text"|"markdown"|"html"}, and
 * writes one line a document to `out`, in order:
 * {"id": ..., "error": null|"...", "findings": [...]} with findings in the
 * JSON format's shape. A bad line gives an error result and the run goes
 * on. Lines longer than max_size bytes (0: no limit) are refused. Returns
 * FL_OK, or FL_EIO when reading or writing failed; fills *stats when not
 * NULL. */
fl_status fl_jsonl_run(const fl_checker *checker, FILE *in, FILE *out, size_t max_size,
                       fl_jsonl_stats *stats);

/* ----------------------------------------------------------------- rules */

typedef struct fl_rule_info {
    const char *id;
    const char *summary;
    fl_severity severity; /* default */
    const char *positive; /* a text the rule flags */
    const char *negative; /* a near miss it leaves alone */
    const char *explain;  /* longer explanation, several sentences */
} fl_rule_info;

/* The number of rules and the i-th rule's description (static). */
size_t fl_rule_count(void);
const fl_rule_info *fl_rule_get(size_t i);
/* The rule with this id, or NULL. */
const fl_rule_info *fl_rule_find(const char *id);

/* --------------------------------------------------------------- results */

/* Keeps the findings of `result` for which keep(finding, ctx) returns
 * non-zero and drops the others, preserving order. Dropped findings'
 * strings stay valid until fl_result_free. Returns FL_OK. */
fl_status fl_result_filter(fl_result *result, int (*keep)(const fl_finding *f, void *ctx),
                           void *ctx);

/* -------------------------------------------------------------- baseline */

/* A baseline: the findings a team has accepted, by file path and
 * fingerprint (rule, the normalized text of both sides and a hash of the
 * sentence; not the line), kept as a multiset, so two identical findings
 * need two entries. The file is JSON, one finding a line, sorted, so it
 * diffs well under version control:
 *   {"version": 1, "findings": [
 *   {"path": "a.md", "rule": "name-variant", "fingerprint": "...", "text": "H2O"},
 *   ...]}
 * Not thread-safe: one baseline per thread, or a lock. */
typedef struct fl_baseline fl_baseline;

/* An empty baseline; NULL when out of memory. */
fl_baseline *fl_baseline_new(void);
/* Reads a baseline file. FL_EIO when it cannot be read, FL_EUSAGE (with a
 * message naming the problem) when it is not a factlint baseline. */
fl_status fl_baseline_load(const char *path, fl_baseline **out, fl_error *err);
/* Records one finding of the file named `path` (as reported). */
fl_status fl_baseline_add(fl_baseline *baseline, const char *path, const fl_finding *finding);
/* Records every finding of a result. */
fl_status fl_baseline_add_result(fl_baseline *baseline, const char *path, const fl_result *result);
/* Drops from `result` the findings the baseline holds for `path`, each
 * baseline entry matching at most one finding. Returns how many were
 * dropped. */
size_t fl_baseline_filter(fl_baseline *baseline, const char *path, fl_result *result);
/* Writes the baseline to `path` atomically (a temporary file beside it,
 * then rename). FL_EIO with errno in err->sys_errno on failure. */
fl_status fl_baseline_write(const fl_baseline *baseline, const char *path, fl_error *err);
size_t fl_baseline_count(const fl_baseline *baseline);
void fl_baseline_free(fl_baseline *baseline);

/* ------------------------------------------------------------------- fix */

/* Rules whose suggestions fl_fix_apply applies: a pure respelling of one
 * name (name-variant, name-casing, name-spelling). */
int fl_fix_rule_fixable(const char *rule);

/* Builds the fixed text of `src` from the unambiguous suggestions in
 * `result`: findings of a fixable rule with a suggestion that differs from
 * the flagged text, neither holding a line break or markup characters
 * (< > & ` * _ [ ] \), and not overlapping a finding with a different
 * suggestion. The text (malloc'd, NUL-terminated, the caller frees) goes
 * to *out and its length to *out_len; *applied (may be NULL) counts the
 * findings fixed. When nothing applies, *out is a copy of the source. */
fl_status fl_fix_apply(const fl_source *src, const fl_result *result, char **out, size_t *out_len,
                       size_t *applied);

/* What a file looked like when it was read: size, modification time and a
 * hash of its content, to refuse writing over a change made since. */
typedef struct fl_file_stamp {
    uint64_t size;
    int64_t mtime_sec;
    long mtime_nsec;
    uint64_t hash;
} fl_file_stamp;

/* Stamps `path` as it is now, hashing `bytes` (the content as read) rather
 * than re-reading: call it right after reading the file. FL_EIO when the
 * file cannot be stat'ed. */
fl_status fl_file_stamp_get(const char *path, const char *bytes, size_t len, fl_file_stamp *out,
                            fl_error *err);

/* Replaces the file at `path` (a symbolic link is followed) with `len`
 * bytes atomically: a temporary file in the same folder, written, given
 * the old file's mode (and owner when permitted), fsync'ed, then renamed
 * over the old one and the folder fsync'ed. Refuses, writing nothing, when
 * the file's size, modification time or content no longer match `stamp`:
 * FL_EIO with err->sys_errno set to ESTALE. On any failure the old file is
 * untouched (a temporary file may be left only if the process is killed). */
fl_status fl_fix_write(const char *path, const fl_file_stamp *stamp, const char *bytes, size_t len,
                       fl_error *err);

/* Writes a unified diff (3 lines of context) from `old` to `new_text` to
 * `out`, both sides labelled `path`. Writes nothing when they are equal.
 * FL_EIO on a write error. */
fl_status fl_fix_diff(const char *path, const char *old, size_t old_len, const char *new_text,
                      size_t new_len, FILE *out);

#ifdef __cplusplus
}
#endif
#endif

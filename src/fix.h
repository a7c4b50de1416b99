/*
 * fix.h - file helpers shared by fix.c and baseline.c. Internal.
 */
#ifndef FL_FIX_H
#define FL_FIX_H

#include "factlint.h"

/* Replaces `path` with len bytes atomically (see fl_fix_write). With a
 * stamp, refuses when the file no longer matches it; without one, the file
 * may be new (mode 0644 less the umask) or replaced whatever it holds. */
fl_status fl_write_atomic(const char *path, const fl_file_stamp *stamp, const char *bytes,
                          size_t len, fl_error *err);

#endif

/* pending.c - TEMPORARY: minimal stand-ins for stages being written in
 * their own files (normalize.c, segment.c, mentions.c, lexicon.c,
 * patterns.c, extract_markdown.c, extract_html.c). Each owner deletes its
 * part when the real module lands; this file goes away entirely. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* extract_text.c - plain text is its own prose (identity map); a leading
 * BOM is left out of the prose but offsets still count it. */
#include "internal.h"

fl_status fl_extract_text(fl_doc *doc)
{
    const char *bytes = fl_source_bytes(doc->src);
    size_t len = fl_source_length(doc->src);
    doc->prose.pieces = NULL;
    doc->prose.piece_count = 0;
    doc->prose.text = bytes;
    doc->prose.len = len;
    return FL_OK;
}

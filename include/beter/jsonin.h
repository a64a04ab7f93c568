/* jsonin.h - reading a JSON document from outside input.
 *
 * Every reader of JSON files goes through jsonin_parse: the text must be
 * valid UTF-8 without NUL bytes, no string may hold \u0000 (text is kept as C
 * strings), the document is one value, and only white space may follow it.
 * Messages name the place: "FILE:LINE:COLUMN: reason".
 */
#ifndef BETER_JSONIN_H
#define BETER_JSONIN_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "beter/err.h"

/* Parse len bytes of data; *doc gets the document (cJSON_Delete it).
 * BETER_DATAERR with a message when the text is not such a document. */
int jsonin_parse(const char *name, const char *data, size_t len, cJSON **doc, struct beter_err *err);

/* Line and column (in characters, both from 1) of byte off of data. */
void jsonin_line_col(const char *data, size_t off, long *line, long *col);

#endif

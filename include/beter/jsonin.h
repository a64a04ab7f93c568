/* jsonin.h - reading a JSON document from outside input.
 *
 * Every reader of JSON files goes through jsonin_parse (or, for a document
 * too large to hold, struct jsonrd below): the text must be
 * valid UTF-8 without NUL bytes, no string may hold \u0000 (text is kept as C
 * strings), the document is one value, and only white space may follow it.
 * Messages name the place: "FILE:LINE:COLUMN: reason".
 */
#ifndef BETER_JSONIN_H
#define BETER_JSONIN_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>

#include "beter/err.h"
#include "beter/util.h"

/* Parse len bytes of data; *doc gets the document (cJSON_Delete it).
 * BETER_DATAERR with a message when the text is not such a document. */
int jsonin_parse(const char *name, const char *data, size_t len, cJSON **doc, struct beter_err *err);

/* Line and column (in characters, both from 1) of byte off of data. */
void jsonin_line_col(const char *data, size_t off, long *line, long *col);

/* Line and column after data[0..len), counted on from line, col. */
void jsonin_advance(const char *data, size_t len, long *line, long *col);

/* A document read piece by piece from a stream, for files too large to hold
 * as one tree: the structure around the values is walked here, each value
 * is read whole and parsed with the same rules as jsonin_parse, and the
 * messages name the same places. Memory holds one value at a time. */
struct jsonrd {
	FILE *fp;
	const char *name;
	struct beter_err *err;
	char buf[65536];
	size_t pos, len;
	int eof;
	long line, col;   /* where buf[pos] is */
	long tline, tcol; /* just after the last text read (not white space) */
	struct strbuf val; /* the text of the last value read */
};

void jsonrd_init(struct jsonrd *r, FILE *fp, const char *name, struct beter_err *err);
void jsonrd_release(struct jsonrd *r);
/* The next byte after white space (not consumed), or -1 at the end of the
 * input; -2 when reading failed (the error is set). */
int jsonrd_peek(struct jsonrd *r);
/* Consume ch, after white space; else "not valid JSON here". */
int jsonrd_expect(struct jsonrd *r, int ch);
/* After a member or element: 1 when a ',' was consumed, 0 at the closing
 * ch (consumed too), else an error status (negative). */
int jsonrd_next(struct jsonrd *r, int close);
/* A member's name and its ':'; *key is decoded (a C string). */
int jsonrd_key(struct jsonrd *r, struct strbuf *key);
/* One whole value, parsed; *v gets it (cJSON_Delete it). */
int jsonrd_value(struct jsonrd *r, cJSON **v);
/* Nothing but white space may follow. */
int jsonrd_end(struct jsonrd *r);
/* Where the reader is, for messages: "FILE:LINE:COL". */
int jsonrd_error(struct jsonrd *r, const char *what);

#endif

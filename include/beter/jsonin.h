/* jsonin.h - reading a JSON document from outside input.
 *
 * Every reader of JSON files goes through jsonin_parse (or, for a document
 * too large to hold, struct jsonrd below). The text must be one JSON value
 * by the grammar of RFC 8259, read strictly (by jansson) into the cJSON
 * tree that the rest of the code reads; anything else is BETER_DATAERR
 * with a message that names the place, "FILE:LINE:COLUMN: reason", and the
 * caller writes nothing:
 *
 * - the text is UTF-8 without NUL bytes; a UTF-8 byte order mark at the
 *   very start is skipped (places are counted after it);
 * - white space is space, tab, LF and CR only (no form feed, vertical tab
 *   or other control character); nothing but white space follows the value;
 * - no comments, no single quotes, no trailing comma in an array or object;
 * - the words are true, false and null (no NaN, Infinity, True);
 * - numbers: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, so no
 *   leading zeros, '+', '.5', '2.' or '-.5'; a number must lie within the
 *   range of a double, +-1.7e308 (RFC 8259 section 9 allows such a limit);
 * - strings: no raw control character (U+0000-U+001F: write \n, \t or
 *   \uXXXX), escapes only \" \\ \/ \b \f \n \r \t and \u with four hex
 *   digits; a surrogate escape must be a pair (\uD83D\uDE00: the grammar
 *   allows a lone one, but it is no character and is refused); no \u0000,
 *   as text is kept as C strings;
 * - no name appears twice in one object ("duplicate name 'x'", at the
 *   second one);
 * - at most 1000 levels of nesting.
 */
#ifndef BETER_JSONIN_H
#define BETER_JSONIN_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>

#include "beter/err.h"
#include "beter/i18n.h"
#include "beter/util.h"

/* Parse len bytes of data; *doc gets the document (cJSON_Delete it).
 * BETER_DATAERR with a message when the text is not such a document. */
int jsonin_parse(const char *name, const char *data, size_t len, cJSON **doc, struct beter_err *err);

/* The check of jsonin_parse on len bytes of text that start at line0,
 * col0 of the file name: 0 and, when doc is not NULL, *doc the value
 * (cJSON_Delete it); or BETER_DATAERR and the message. Nesting is not
 * limited here (see jsonin_depth_fault). */
int jsonin_check(const char *name, const char *text, size_t len, long line0, long col0, cJSON **doc,
		 struct beter_err *err);

/* Messages both readers give (marked: translate them with _()). */
#define JSONIN_TOO_DEEP N_("nested too deeply (at most 1000 levels)")
#define JSONIN_VALUE_EXPECTED N_("a value expected (a string, number, object, array, true, false or null)")

/* The offset of the first '[' or '{' in text that opens level 1001, or len
 * when there is none before the first bracket that closes another kind or
 * none (brackets in strings aside). */
size_t jsonin_depth_fault(const char *text, size_t len);

/* Why byte c cannot stand outside a string (a control character, a quote
 * or '/'), in buf, or NULL when c is not such a byte. */
const char *jsonin_byte_reason(int c, char *buf, size_t n);

/* The reason for a name that is twice in an object, as written in the
 * file (raw[0..len), without the quotes), into buf. */
void jsonin_dup_key_reason(const char *raw, size_t len, char *buf, size_t n);

/* Line and column (in characters, both from 1) of byte off of data. */
void jsonin_line_col(const char *data, size_t off, long *line, long *col);

/* Line and column after data[0..len), counted on from line, col. */
void jsonin_advance(const char *data, size_t len, long *line, long *col);

/* A document read piece by piece from a stream, for files too large to hold
 * as one tree: the structure around the values is walked here, by the same
 * rules (white space, commas, no trailing comma, a byte order mark only at
 * the start; a name given twice is the caller's to find, jsonrd_dup_key
 * names it), each value is read whole and parsed as by jsonin_parse, and
 * the messages name the same places. Memory holds one value at a time. */
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
	int started;       /* the first bytes were read (a byte order mark skipped) */
	int last;          /* the last byte of structure taken, 0 after a value */
	long kline, kcol;  /* where the last member name starts */
	struct strbuf key; /* that name as written, without quotes */
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
/* The last member name read is a name given before in its object:
 * "FILE:LINE:COL: duplicate name 'x' ...", at that name. BETER_DATAERR. */
int jsonrd_dup_key(struct jsonrd *r);
/* Where the reader is, for messages: "FILE:LINE:COL". */
int jsonrd_error(struct jsonrd *r, const char *what);

#endif

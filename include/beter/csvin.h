/* csvin.h - the reader every import uses: rows of text fields from a CSV
 * file (libcsv) or a sheet of an Excel workbook (.xlsx, see xlsxin.h).
 *
 * CSV: ',' ';' or tab as separator (detected from the header line), a UTF-8
 * BOM, LF or CRLF line ends and quoted fields with newlines. A file that is
 * not UTF-8 (Excel's "CSV (gescheiden door lijstscheidingsteken)") is read
 * as Windows-1252, said in one line in the notes. Every field is checked to
 * be UTF-8 without NUL bytes and at most CSVIN_FIELD_MAX bytes.
 *
 * .xlsx: a file that is a zip container (whatever its name) is read as a
 * workbook: the first sheet, or the one named in csvin_opts. Its rows are
 * the sheet's rows; missing cells are empty fields.
 *
 * Both: a record whose fields are all empty is skipped (Excel's ";;;"
 * lines), and so are the empty fields of columns whose header is empty at
 * the end of the header. Errors read "file:line:column: reason" (line
 * of the record's start, column counting fields from 1; for a sheet its row
 * number and the column's letter with the header's name) and carry
 * BETER_DATAERR, or BETER_IOERR when the file cannot be read. Memory does
 * not grow with the number of records.
 */
#ifndef BETER_CSVIN_H
#define BETER_CSVIN_H

#include <csv.h>
#include <stdio.h>

#include "beter/err.h"
#include "beter/util.h"

#define CSVIN_FIELD_MAX (256 * 1024)
#define CSVIN_LINE_MAX (16 * 1024 * 1024)

struct csvin_rec {
	struct strbuf data; /* the fields, each NUL-terminated */
	size_t *offs;
	size_t n, alloc;
	long line;
};

struct xlsxin;

struct csvin_opts {
	const char *sheet;     /* .xlsx: the sheet by name (NULL: the first); a CSV file with it is refused */
	struct strbuf *notes;  /* gets a line when a CSV file is read as Windows-1252 */
};

struct csvin {
	char *name;        /* for messages */
	FILE *fp;
	int own_fp;
	struct csv_parser p;
	int p_ready;
	char delim;        /* detected separator */
	long line;         /* physical lines read */
	long rec_line;     /* line where the record being parsed started */
	int eof;
	long records;      /* records handed out so far */

	/* records parsed but not yet handed out (a line may end several) */
	struct csvin_rec *q;
	size_t qn, qalloc, qhead;
	struct csvin_rec cur; /* being assembled by the libcsv callbacks */

	/* the record handed out by csvin_read */
	struct csvin_rec *rec;

	int width;         /* if > 0: every record must have this many fields */
	size_t head_n;     /* fields of the header, with its empty ones at the end */
	int failed;
	struct beter_err *err;

	char *linebuf;
	size_t linecap;

	/* CSV not in UTF-8: each line converted from Windows-1252 */
	int utf8_seen, recode;
	void *cd;          /* iconv_t */
	char *conv;
	size_t convcap;
	struct strbuf *notes;

	/* a workbook's sheet instead of CSV text */
	struct xlsxin *x;
	char *xdata;       /* the workbook when it came through a pipe */
	struct csvin_rec head; /* its header, to name columns in messages */
};

/* path "-" reads stdin. o may be NULL. */
int csvin_open(struct csvin *r, const char *path, struct beter_err *err);
int csvin_open_opts(struct csvin *r, const char *path, const struct csvin_opts *o, struct beter_err *err);
/* Read from memory (tests, fuzzing); name is used in messages. */
int csvin_open_mem(struct csvin *r, const char *name, const char *data, size_t len, struct beter_err *err);
int csvin_open_mem_opts(struct csvin *r, const char *name, const char *data, size_t len, const struct csvin_opts *o,
			struct beter_err *err);
void csvin_close(struct csvin *r);

/* 1 when a record is ready (csvin_nfields, csvin_field), 0 at the end, -1 on
 * an error (message in err, already prefixed with file:line:column). */
int csvin_read(struct csvin *r);

size_t csvin_nfields(const struct csvin *r);
const char *csvin_field(const struct csvin *r, size_t i); /* "" past the end */
size_t csvin_field_len(const struct csvin *r, size_t i);  /* its length in bytes, without strlen */
long csvin_line(const struct csvin *r);

/* Report an error about field i (0-based) of the current record:
 * "file:line:column: reason". Returns BETER_DATAERR. */
int csvin_error(struct csvin *r, size_t i, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Prefix err's message with the place of field i of the current record. */
void csvin_err_prefix(const struct csvin *r, size_t i, struct beter_err *err);
/* The place of field i of the current record ("file:line:column") in buf. */
void csvin_where(const struct csvin *r, size_t i, char *buf, size_t size);

/* Find a header column by any of the names (case-insensitive, trimmed,
 * NULL-terminated list); -1 if none. */
int csvin_find(const struct csvin *r, const char *const *names);

#endif

/* out.h - the one output writer every command prints its data through.
 *
 * A command declares its columns, then writes rows of typed cells; the
 * renderer chosen by --format turns them into an aligned table (buffered per
 * table, UTF-8 aware), JSON or CSV/TSV (both streamed: memory does not grow
 * with the number of rows). The same columns appear in every format.
 *
 *   out_list(o, cols, n);             a list: JSON array, table, CSV rows
 *   out_text(o, "JDV"); out_int(o, 3); ... out_row_end(o);
 *   out_end(o);
 *
 *   out_record(o, cols, n);           one record: JSON object, key/value
 *   out_text(o, ...); ...             lines, CSV header plus one row
 *   out_end(o);
 *
 * A document holds several named sections (a board, a team with its members):
 *   out_doc_begin(o, all_cols, n);    all_cols: every column of every section,
 *   out_section(o, "members", "Members");   used as the CSV header after a
 *   out_list(o, cols, n); ... out_end(o);   leading "section" column
 *   out_doc_end(o);
 * JSON renders a document as one object with a key per section; a table
 * renders each section under its title.
 *
 * A capture (out_capture_init) renders nothing: it keeps every list and
 * record in memory as typed cells under the columns as declared, so that a
 * caller (the progress report) reads the same rows a command prints.
 */
#ifndef BETER_OUT_H
#define BETER_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "beter/err.h"
#include "beter/util.h"

struct out_xlsx;

/* OUT_XLSX: a workbook (lib/out_xlsx.c), one worksheet per list or section,
 * written whole by out_xlsx_finish. OUT_HTML and OUT_MD are pages a command
 * renders itself (one that declares it, SUB_HTML); a list written through
 * the writer in them reads as a table. */
enum out_format { OUT_TABLE, OUT_JSON, OUT_CSV, OUT_TSV, OUT_XLSX, OUT_HTML, OUT_MD };
/* OUT_T_DATE: a YYYY-MM-DD text, written with out_text; text in every format
 * but xlsx, where it is a date cell. */
enum out_type { OUT_T_TEXT, OUT_T_INT, OUT_T_REAL, OUT_T_BOOL, OUT_T_DATE };

struct out_col {
	const char *name; /* snake_case key, also the table header (through
			     gettext when the interface is Dutch: mark it N_()) */
	enum out_type type;
	int prec;         /* reals: decimals in a table (0: as short as exact);
			     JSON and CSV always carry the exact number */
};

/* A captured cell: text lists and rendered values are kept as their CSV text. */
enum out_ctype { OUT_C_NULL, OUT_C_INT, OUT_C_REAL, OUT_C_TEXT, OUT_C_BOOL };
struct out_cell {
	enum out_ctype t;
	int64_t i;        /* OUT_C_INT, OUT_C_BOOL (0/1) */
	double d;         /* OUT_C_REAL */
	char *s;          /* OUT_C_TEXT */
};

/* One list or record as it was written. */
struct out_block {
	char *section;    /* the key of its section in a document, else NULL */
	int record;
	size_t ncols;
	char **names;     /* the declared column names */
	size_t nrows;     /* a record: 1 */
	struct out_cell *cells; /* row-major: nrows * ncols */
	size_t acells;
};

struct out_capture {
	struct out_block *blocks;
	size_t n, a;
};

struct out {
	FILE *fp;
	enum out_format fmt;
	int excel; /* CSV for spreadsheets: ';', a BOM, formula cells neutralised,
		      decimal commas and ja/nee */
	/* nl (below): the interface is Dutch (set by the language code): tables
	 * show decimal commas and translated headings; JSON, CSV never change */
	const char *name; /* what the output is called ("goal list"): the
			     worksheet of a list outside a document */
	struct out_xlsx *xlsx; /* the workbook being written (OUT_XLSX) */

	/* current list or record */
	const struct out_col *cols;
	size_t ncols;
	size_t cell;     /* next cell in the current row */
	int active;      /* 1 list, 2 record */
	size_t rows;     /* rows written in the current list */
	int header_done; /* CSV header written */
	int bom_done;

	/* table buffer: cells of the current table, row-major */
	char **tcells;
	size_t ntcells, atcells;

	/* document state */
	int in_doc;
	size_t sections; /* sections begun in this document */
	const char *section;
	const char *section_title;
	char *shown_title; /* the last heading written (text tables) */
	const struct out_col *dcols; /* CSV union columns */
	size_t ndcols;
	size_t *map;  /* current section's column -> union column */
	char **drow;  /* CSV row being assembled in a document */
	int *dquote;  /* whether a drow cell is text (for excel neutralising) */

	struct strbuf tmp;
	struct out_capture *cap; /* set: the rows are captured, not rendered */
	const char *cap_section;
	int nl;
};

void out_init(struct out *o, FILE *fp, enum out_format fmt);
void out_release(struct out *o);
/* Parse "table", "json", "csv", "tsv", "xlsx", "html", "md"; -1 if unknown. */
int out_format_parse(const char *s);

void out_list(struct out *o, const struct out_col *cols, size_t ncols);
void out_record(struct out *o, const struct out_col *cols, size_t ncols);
void out_text(struct out *o, const char *s); /* NULL writes null */
void out_int(struct out *o, int64_t v);
void out_real(struct out *o, double v);      /* NaN writes null */
void out_bool(struct out *o, int v);
void out_null(struct out *o);
/* A list of texts held as one string split by sep ("A|B"): a JSON array of
 * strings ([] for "", null for NULL), in a table the items split by ", ",
 * in CSV the string as it is. */
void out_text_list(struct out *o, const char *s, char sep);
/* One value rendered three ways, for a value with structure: json is written
 * as it is (valid JSON: an array, an object, a string literal or null), csv
 * in CSV and TSV, table in a table. NULL writes null / an empty cell. */
void out_rendered(struct out *o, const char *json, const char *csv, const char *table);
void out_row_end(struct out *o);
void out_end(struct out *o);

void out_doc_begin(struct out *o, const struct out_col *all, size_t nall);
void out_section(struct out *o, const char *key, const char *title);
void out_doc_end(struct out *o);

/* The workbook of OUT_XLSX, written whole: to path atomically (a temporary
 * file, then a rename; nothing is left on failure) or, path NULL, to o->fp.
 * *wrote is 0 when nothing was written through o (no list or record: no
 * workbook). 0 or BETER_IOERR. out_release drops an unfinished workbook. */
int out_xlsx_finish(struct out *o, const char *path, int *wrote, struct beter_err *err);

/* Flush and report write errors (a full disk): 0 or -1 with errno set. */
int out_flush(struct out *o);

/* Format a double the shortest way that reads back exactly. */
void out_format_real(char *buf, size_t size, double v);
/* Write s as a JSON string literal (with quotes) to fp, or append it to sb:
 * the one JSON string escaper. */
void out_json_string(FILE *fp, const char *s);
void out_json_strbuf(struct strbuf *sb, const char *s);

/* Capture into c (empty) instead of rendering; release o with out_release
 * and c with out_capture_release. */
void out_capture_init(struct out *o, struct out_capture *c);
void out_capture_release(struct out_capture *c);
/* The first block of the section key (NULL: the first block), or NULL. */
const struct out_block *out_capture_block(const struct out_capture *c, const char *key);
/* The index of column name in b, -1 when b is NULL or has none: resolve the
 * columns once, then read the cells by index. */
int out_block_col(const struct out_block *b, const char *name);
/* Resolve n names into idx (-1 for a column b lacks). */
void out_block_cols(const struct out_block *b, const char *const *names, int *idx, size_t n);
/* The cell of row and column col; a null cell for col -1. */
const struct out_cell *out_block_cell(const struct out_block *b, size_t row, int col);
/* A cell's number (integers and reals; NaN otherwise), text (NULL when not
 * text) and truth (a true boolean). */
double out_cell_num(const struct out_cell *c);
const char *out_cell_text(const struct out_cell *c);
int out_cell_true(const struct out_cell *c);

#endif

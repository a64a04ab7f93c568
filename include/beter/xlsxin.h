/* xlsxin.h - one sheet of an Excel workbook (.xlsx) as rows of text cells,
 * on libzip (the container) and expat (the XML parts).
 *
 * The reader behind csvin for .xlsx files: importers never call it. The
 * sheet is the first in the workbook's order, or the one named. Its cells
 * come as text, the way a CSV export of the same sheet would hold them:
 * shared and inline strings as they are, whole numbers as "12" (not
 * "12.0"), other numbers with up to 15 significant digits, dates in
 * date-formatted cells as YYYY-MM-DD (with " HH:MM:SS" when the format has
 * a time), booleans as true/false. The sheet is read in chunks: memory
 * holds the shared strings and one chunk of rows, not the whole sheet.
 *
 * Safety: a part is refused when it unpacks to more than XLSXIN_PART_MAX
 * bytes, or to more than XLSXIN_RATIO_MAX times its packed size past
 * XLSXIN_RATIO_FROM bytes (a zip bomb); the bytes really read are counted
 * too. The shared strings are capped at XLSXIN_STRINGS_MAX bytes. An XML
 * part with a DTD is refused before any entity is expanded. Every refusal
 * is BETER_DATAERR.
 */
#ifndef BETER_XLSXIN_H
#define BETER_XLSXIN_H

#include <stddef.h>

#include "beter/err.h"

#define XLSXIN_PART_MAX (256u << 20)
#define XLSXIN_RATIO_MAX 100
#define XLSXIN_RATIO_FROM (4u << 20)
#define XLSXIN_STRINGS_MAX (64u << 20)
#define XLSXIN_CELL_MAX (256 * 1024)    /* longer cells are cut at one byte more */
#define XLSXIN_COLS_MAX 16384           /* XFD, Excel's last column */
#define XLSXIN_ROWS_MAX 1048576

struct xlsxin;

/* Where the rows go. cell: a cell's text in the sheet's row (1-based),
 * columns (0-based) ascending within a row, empty cells left out; row: the
 * end of a row. A non-zero return stops the reader (-1 from
 * xlsxin_pump; the sink keeps its own message). */
struct xlsxin_sink {
	void *arg;
	int (*cell)(void *arg, long row, size_t col, const char *s, size_t len);
	int (*row)(void *arg, long row);
};

/* Open the workbook in the seekable file fd (duplicated; the caller keeps
 * fd) or, with fd < 0, in memory (data, len; kept until xlsxin_close).
 * sheet NULL: the first sheet. name names the file in messages. */
int xlsxin_open(struct xlsxin **xp, const char *name, int fd, const void *data, size_t len, const char *sheet,
		const struct xlsxin_sink *sink, struct beter_err *err);
/* Parse the next chunk of the sheet, handing its rows to the sink: 1 while
 * there is more, 0 at the end, -1 on an error. */
int xlsxin_pump(struct xlsxin *x);
void xlsxin_close(struct xlsxin *x);

/* What a number format shows: 0 a number, else the sum of XLSXIN_DATE and
 * XLSXIN_TIME. By a built-in id (code NULL) or a format code. */
#define XLSXIN_DATE 1
#define XLSXIN_TIME 2
int xlsxin_numfmt_kind(int id, const char *code);
/* The text of a cell's value v (as stored) shown in a format of kind. */
void xlsxin_value_text(const char *v, int kind, int date1904, char *buf, size_t size);

/* "A", "B", ... "XFD" for a 0-based column. */
void xlsxin_col_name(size_t col, char buf[8]);

#endif

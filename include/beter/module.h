/* module.h - the loadable modules: the code on libraries only a few
 * commands need, kept out of the binary so that every other command does not
 * pay for loading them (libical with ICU, libzip with libcrypto,
 * libxlsxwriter, libpq).
 *
 * A module is beter-NAME.so in $BETER_MODULE_DIR when that is set, else
 * beside the binary (the build tree), else in the installed module
 * directory (BETER_MODULE_DIR_INSTALLED, ${libdir}/beter). It is loaded on
 * first use and exports one symbol, beter_module_NAME, a function that
 * returns its table of functions. The tables hold plain data and callbacks;
 * a module calls nothing in the binary. Programs that link a module's code
 * directly (the unit tests, the fuzz targets) use it without loading.
 */
#ifndef BETER_MODULE_H
#define BETER_MODULE_H

#include <stddef.h>

#include "beter/calendar.h"
#include "beter/err.h"
#include "beter/xlsxin.h"

/* Raised whenever a table changes, so that a stale installed module is
 * refused instead of called wrongly. */
#define BETER_MODULE_ABI 1

/* beter-xlsxin: .xlsx reading (libzip, expat); see xlsxin.h. */
struct beter_xlsxin_ops {
	int abi;
	int (*open)(struct xlsxin **xp, const char *name, int fd, const void *data, size_t len, const char *sheet,
		    const struct xlsxin_sink *sink, struct beter_err *err);
	int (*pump)(struct xlsxin *x);
	void (*close)(struct xlsxin *x);
};

/* One event calendar export writes: all-day from day to last (inclusive)
 * when minutes < 0, else at minutes past midnight for length minutes. */
struct ics_event {
	const char *uid_kind, *uid;
	const char *summary, *description, *category;
	int day, last;
	int minutes;
	int length;
};

/* beter-ics: iCalendar reading and writing (libical). */
struct beter_ics_ops {
	int abi;
	/* see calendar_ics_parse in calendar.h */
	int (*parse)(const char *text, size_t len, const char *file, const char *kind, struct cal_events *ev,
		     struct beter_err *err);
	/* a VCALENDAR with this PRODID, DTSTAMP midnight UTC of stamp_day */
	void *(*cal_new)(const char *prodid, int stamp_day);
	void (*cal_add)(void *cal, const struct ics_event *e);
	char *(*cal_text)(void *cal); /* malloc'ed */
	void (*cal_free)(void *cal);
};

/* beter-xlsxout: the workbook writer (libxlsxwriter) behind --format xlsx:
 * a thin layer, the layout is out_xlsx.c's. Errors are libxlsxwriter's
 * codes, 0 none; a NULL format is the default one. */
#define XLSXW_ROW_MAX 1048576
struct beter_xlsxout_ops {
	int abi;
	int err_tmpfile, err_sheetname; /* two of the codes */
	void *(*wb_new)(const char *path);
	void *(*format)(void *wb, int bold, const char *num_format);
	void *(*sheet)(void *wb, const char *name);
	int (*string)(void *ws, unsigned row, unsigned col, const char *s, void *fmt);
	int (*number)(void *ws, unsigned row, unsigned col, double d, void *fmt);
	int (*date)(void *ws, unsigned row, unsigned col, int y, int m, int d, void *fmt);
	int (*boolean)(void *ws, unsigned row, unsigned col, int b, void *fmt);
	int (*width)(void *ws, unsigned col, double w);
	void (*freeze)(void *ws, unsigned row, unsigned col);
	int (*filter)(void *ws, unsigned row1, unsigned col1, unsigned row2, unsigned col2);
	int (*close)(void *wb); /* writes the file and frees */
	void (*discard)(void *wb);
	const char *(*strerror)(int e);
};

/* beter-pg: the client library of PostgreSQL (libpq), a thin layer under
 * the PostgreSQL engine of the store (lib/store_pg.c). Connections and
 * results are libpq's, as opaque pointers. */
enum { PGM_COMMAND = 0, PGM_TUPLES = 1, PGM_FAILED = -1 };
struct beter_pg_ops {
	int abi;
	/* PQconnectdbParams with expand_dbname: the first value (dbname) may be
	 * a URI or a conninfo string; later keys override what it says */
	void *(*connect)(const char *const *keys, const char *const *values);
	int (*ok)(void *conn); /* connected */
	const char *(*conn_error)(void *conn);
	void (*finish)(void *conn);
	/* PQexecParams (text results); nparams < 0: PQexec (several statements) */
	void *(*exec)(void *conn, const char *sql, int nparams, const unsigned *types, const char *const *values,
		      const int *lengths, const int *formats);
	int (*status)(void *res); /* PGM_* */
	const char *(*field)(void *res, int code); /* PQresultErrorField */
	const char *(*message)(void *res);
	int (*ntuples)(void *res);
	int (*nfields)(void *res);
	unsigned (*ftype)(void *res, int col);
	const char *(*value)(void *res, int row, int col);
	int (*length)(void *res, int row, int col);
	int (*isnull)(void *res, int row, int col);
	const char *(*cmd_tuples)(void *res);
	void (*clear)(void *res);
	unsigned char *(*unescape)(const unsigned char *s, size_t *len); /* PQunescapeBytea */
	void (*freemem)(void *p);
	int (*in_transaction)(void *conn); /* PQtransactionStatus is not idle */
	int (*server_version)(void *conn);
	const char *(*user)(void *conn);
	const char *(*db)(void *conn);
};

/* The module's table, loaded on first use; NULL with err set
 * (BETER_IOERR, naming the file and why) when it cannot be loaded. */
const struct beter_xlsxin_ops *module_xlsxin(struct beter_err *err);
const struct beter_ics_ops *module_ics(struct beter_err *err);
const struct beter_xlsxout_ops *module_xlsxout(struct beter_err *err);
const struct beter_pg_ops *module_pg(struct beter_err *err);

/* The entry points, in the modules. */
const struct beter_xlsxin_ops *beter_module_xlsxin(void);
const struct beter_ics_ops *beter_module_ics(void);
const struct beter_xlsxout_ops *beter_module_xlsxout(void);
const struct beter_pg_ops *beter_module_pg(void);

#endif

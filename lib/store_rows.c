/* store_rows.c - stepping through a query's rows, with the final status
 * checked: a read error never passes as the end of the rows.
 *
 * store_next is the loop every reader uses; store_rows writes a whole query
 * through the output writer by the columns it declares. For tests,
 * $BETER_TEST_READ_ERROR=N makes the N-th step of the process fail as a
 * disk read error would (SQLITE_IOERR), so that a test can show a command
 * that meets one exits non-zero and prints nothing it did not finish.
 */
#include "beter/i18n.h"
#include "beter/store.h"

#include <stdlib.h>

static long fault_at = -1; /* the step that fails; 0: none; -1: not read yet */
static long steps;

static int fault_now(void)
{
	if (fault_at < 0) {
		const char *s = getenv("BETER_TEST_READ_ERROR");
		fault_at = s ? atol(s) : 0;
	}
	return fault_at > 0 && ++steps == fault_at;
}

int store_next(struct store *db, struct store_stmt *st, int *rc, const char *what, struct beter_err *err)
{
	int fault = fault_now();
	int r = fault ? 266 /* the engine's code of a failed read */ : store_step(st);

	if (r == STORE_ROW) {
		*rc = 0;
		return 1;
	}
	*rc = r == STORE_DONE ? 0 : store_fail(fault ? NULL : db, r, err, what);
	return 0;
}

static void cell(struct out *o, struct store_stmt *st, int i, enum out_type t)
{
	if (store_col_null(st, i)) {
		out_null(o);
		return;
	}
	switch (t) {
	case OUT_T_INT: out_int(o, store_col_int(st, i)); break;
	case OUT_T_REAL: out_real(o, store_col_real(st, i)); break;
	case OUT_T_BOOL: out_bool(o, store_col_int(st, i) != 0); break;
	case OUT_T_TEXT:
	case OUT_T_DATE: out_text(o, store_col(st, i)); break;
	}
}

int store_rows(struct store *db, struct store_stmt *st, struct out *o, const struct out_col *cols, size_t ncols,
	       int list,
	       const char *what, struct beter_err *err)
{
	int rc;
	size_t n = 0;

	if (list)
		out_list(o, cols, ncols);
	while (store_next(db, st, &rc, what, err)) {
		if (!list && n++) {
			rc = beter_err_set(err, BETER_IOERR, _("%s: more than one record"), _(what));
			break;
		}
		if (!list)
			out_record(o, cols, ncols);
		for (size_t i = 0; i < ncols; i++)
			cell(o, st, (int)i, cols[i].type);
		if (list)
			out_row_end(o);
		else
			out_end(o);
	}
	store_finalize(st);
	if (!rc && list)
		out_end(o);
	if (!rc && !list && !n)
		rc = beter_err_set(err, BETER_FAIL, _("%s: not found"), _(what));
	return rc;
}

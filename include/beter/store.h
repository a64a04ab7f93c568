/* store.h - the SQLite store: open, migrate, transactions, small query helpers.
 *
 * One file, WAL mode, foreign keys on, a busy timeout, mode 0600, the schema
 * version in PRAGMA user_version and migrations from share/sql embedded in the
 * binary, applied in one transaction.
 */
#ifndef BETER_STORE_H
#define BETER_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

#define BETER_APPLICATION_ID 0x62657472 /* "betr" */

enum store_open_flags {
	STORE_CREATE = 1,   /* create the file (and its directories) if missing; a
			     * command makes a new store with store_new.h instead,
			     * which puts it in place whole */
	STORE_MEMORY = 2,   /* an in-memory store (tests) */
	STORE_SCRATCH = 4,  /* a private file being built (store_new.h): the rollback
			     * journal in memory, no syncs, no WAL; thrown away if
			     * anything goes wrong, synced before it is put in place */
};

struct migration {
	int version;
	const char *name;
	const char *sql;
};

/* The embedded migrations, in version order (generated at build time). */
extern const struct migration beter_migrations[];
extern const int beter_migrations_count;

/* The schema version this binary writes. */
int store_schema_version(void);

/* Resolve the store path: explicit, else $BETER_DB, else
 * $XDG_DATA_HOME/beter/beter.db (or ~/.local/share/beter/beter.db).
 * Returns a malloc'd string. */
char *store_default_path(const char *explicit_path);

int store_open(const char *path, int flags, sqlite3 **out, struct beter_err *err);

/* mkdir -p of the directory part of path (mode 0700 for what it creates). */
int store_make_dirs(const char *path, struct beter_err *err);
void store_close(sqlite3 *db);

/* BEGIN IMMEDIATE, waiting up to the busy timeout; BETER_BUSY if still locked. */
int store_begin(sqlite3 *db, struct beter_err *err);
int store_commit(sqlite3 *db, struct beter_err *err);
void store_rollback(sqlite3 *db);

/*
 * Read what follows from one snapshot of the store, so that a view made of
 * several queries (a board, a report) never mixes states when another
 * process writes meanwhile: begins a read transaction unless one is open.
 * *began says whether this call began it; pass it to store_read_end.
 */
int store_read_begin(sqlite3 *db, int *began, struct beter_err *err);
void store_read_end(sqlite3 *db, int began);

/* Map a SQLite result code to a beter status with a message naming what failed. */
int store_fail(sqlite3 *db, int rc, struct beter_err *err, const char *what);

/* Prepare or fail with a message (a failed prepare is a programming or store error). */
int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct beter_err *err);

/* Run SQL with no result rows. */
int store_exec(sqlite3 *db, const char *sql, struct beter_err *err);

/* The single integer a query returns (first column of the first row), or def. */
int64_t store_int(sqlite3 *db, const char *sql, int64_t def);

/* The same with one integer parameter ?1. */
int64_t store_int_bind(sqlite3 *db, const char *sql, int64_t arg, int64_t def);

/* Step a statement that returns no rows and finalize it; a failure is
 * reported as store_fail(what). */
int store_step_done(sqlite3 *db, sqlite3_stmt *st, const char *what, struct beter_err *err);

/* The next row of st: 1 while there is one; 0 at the end, with *rc 0, or
 * on a failure, with *rc the status (store_fail(what)). The loop every
 * reader uses, so that a read error never passes as the end of the rows:
 *   while (store_next(db, st, &rc, "reading teams", err)) { ... }
 *   sqlite3_finalize(st);
 *   if (rc) return rc;
 * $BETER_TEST_READ_ERROR=N (tests only) fails the process's N-th step. */
int store_next(sqlite3 *db, sqlite3_stmt *st, int *rc, const char *what, struct beter_err *err);

/* The row writer: every row of st written through o by cols (the query's
 * columns in order: OUT_T_INT integers, OUT_T_REAL reals, OUT_T_BOOL 0/1,
 * OUT_T_TEXT text; NULL as null), as a list (list 1: out_list ... out_end)
 * or as one record (list 0: BETER_FAIL "what: not found" without a row).
 * Finalizes st; a read error is returned, never taken for the end. */
int store_rows(sqlite3 *db, sqlite3_stmt *st, struct out *o, const struct out_col *cols, size_t ncols, int list,
	       const char *what, struct beter_err *err);

/* Bind a day number as 'YYYY-MM-DD'. */
void store_bind_day(sqlite3_stmt *st, int i, int day);

/* Column i as text, NULL for null. */
static inline const char *store_col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Write column i as an integer or real cell, null for null. */
void store_out_int(struct out *o, sqlite3_stmt *st, int i);
void store_out_real(struct out *o, sqlite3_stmt *st, int i);

/* Bind helpers: text NULL binds null. */
void store_bind_text(sqlite3_stmt *st, int i, const char *s);

/* The text of column i, never NULL ("" for null). */
const char *store_col_text(sqlite3_stmt *st, int i);

#endif

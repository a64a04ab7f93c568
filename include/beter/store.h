/* store.h - the store: open, migrate, transactions, queries and their rows.
 *
 * The seam between beter and its database engine. Every module speaks this
 * API: a connection (struct store), prepared statements (struct store_stmt),
 * binds, steps and column reads, and status codes of its own (STORE_ROW,
 * STORE_DONE, STORE_CONSTRAINT, ...). Only the engine's own files see the
 * engine: lib/store*.c, and the few that must reach SQLite itself through
 * store_sqlite.h (SQL functions written in C for check, the online backup,
 * the allocator, the schema's catalogue). A second engine is one more file
 * behind these functions.
 *
 * The SQLite engine: one file, WAL mode, foreign keys on, a busy timeout,
 * mode 0600, the schema version in PRAGMA user_version and migrations from
 * share/sql embedded in the binary, applied in one transaction.
 */
#ifndef BETER_STORE_H
#define BETER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

#define BETER_APPLICATION_ID 0x62657472 /* "betr" */

struct store;      /* a connection to the store */
struct store_stmt; /* a prepared statement */

/* Status codes of a step or a statement (the primary code: rc & 0xff). */
enum {
	STORE_OK = 0,
	STORE_ERROR = 1,
	STORE_BUSY = 5,
	STORE_CONSTRAINT = 19,
	STORE_ROW = 100,
	STORE_DONE = 101,
};

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
/* PostgreSQL's own (share/sql/pg): compat (version 0), whole schemas
 * (NNNN-schema) and migrations that differ from the shared one. */
extern const struct migration beter_pg_migrations[];
extern const int beter_pg_migrations_count;

/* The schema version this binary writes. */
int store_schema_version(void);

/* Resolve the store path: explicit, else $BETER_DB, else
 * $XDG_DATA_HOME/beter/beter.db (or ~/.local/share/beter/beter.db).
 * Returns a malloc'd string. */
char *store_default_path(const char *explicit_path);

/* The address names a PostgreSQL store (postgresql://..., postgres://...,
 * or a libpq conninfo string such as "service=beter"): the engine of
 * lib/store_pg*.c, in the module beter-pg. Any other is a SQLite file. */
int store_pg_address(const char *address);

int store_open(const char *path, int flags, struct store **out, struct beter_err *err);

/* 1 when db is a PostgreSQL store: for the few queries that read the
 * engine's own catalogue (lib/schema.c) and the commands that differ. */
int store_on_pg(struct store *db);
/* 0 on SQLite and for the owner of a PostgreSQL store (or a superuser);
 * BETER_FAIL, saying whose command it is, for a login (beter person grant),
 * which does not read every row: export and backup ask it. */
int store_need_owner(struct store *db, const char *command, struct beter_err *err);

/* $BETER_BUSY_TIMEOUT in ms (default 10000): how long a command waits for a
 * lock another holds, and for how long one that failed to serialise runs
 * again (lib/store.c). */
int store_busy_timeout_ms(void);

/* The last transaction failed to serialise with another (PostgreSQL: a
 * serialisation failure or deadlock, reported as BETER_BUSY): running the
 * command again from the start may succeed. */
int store_retryable(struct store *db);

/* The schema version of the store (PRAGMA user_version on SQLite, the
 * table beter_schema_version on PostgreSQL). */
int64_t store_user_version(struct store *db);

/* mkdir -p of the directory part of path (mode 0700 for what it creates). */
int store_make_dirs(const char *path, struct beter_err *err);
void store_close(struct store *db);

/* BEGIN IMMEDIATE, waiting up to the busy timeout; BETER_BUSY if still locked. */
int store_begin(struct store *db, struct beter_err *err);
int store_commit(struct store *db, struct beter_err *err);
void store_rollback(struct store *db);

/*
 * Read what follows from one snapshot of the store, so that a view made of
 * several queries (a board, a report) never mixes states when another
 * process writes meanwhile: begins a read transaction unless one is open.
 * *began says whether this call began it; pass it to store_read_end.
 */
int store_read_begin(struct store *db, int *began, struct beter_err *err);
void store_read_end(struct store *db, int began);

/* Map a SQLite result code to a beter status with a message naming what failed.
 * what, here and in store_step_done, store_next and store_rows, is English
 * marked N_() by the caller; it is translated only when something failed. */
int store_fail(struct store *db, int rc, struct beter_err *err, const char *what);

/* Prepare or fail with a message (a failed prepare is a programming or store error). */
int store_prepare(struct store *db, const char *sql, struct store_stmt **st, struct beter_err *err);

/* Run SQL with no result rows. */
int store_exec(struct store *db, const char *sql, struct beter_err *err);

/* The single integer a query returns (first column of the first row), or def. */
int64_t store_int(struct store *db, const char *sql, int64_t def);

/* The same with one integer parameter ?1. */
int64_t store_int_bind(struct store *db, const char *sql, int64_t arg, int64_t def);

/* Step a statement that returns no rows and finalize it; a failure is
 * reported as store_fail(what). */
int store_step_done(struct store *db, struct store_stmt *st, const char *what, struct beter_err *err);

/* The next row of st: 1 while there is one; 0 at the end, with *rc 0, or
 * on a failure, with *rc the status (store_fail(what)). The loop every
 * reader uses, so that a read error never passes as the end of the rows:
 *   while (store_next(db, st, &rc, "reading teams", err)) { ... }
 *   store_finalize(st);
 *   if (rc) return rc;
 * $BETER_TEST_READ_ERROR=N (tests only) fails the process's N-th step. */
int store_next(struct store *db, struct store_stmt *st, int *rc, const char *what, struct beter_err *err);

/* The row writer: every row of st written through o by cols (the query's
 * columns in order: OUT_T_INT integers, OUT_T_REAL reals, OUT_T_BOOL 0/1,
 * OUT_T_TEXT text; NULL as null), as a list (list 1: out_list ... out_end)
 * or as one record (list 0: BETER_FAIL "what: not found" without a row).
 * Finalizes st; a read error is returned, never taken for the end. */
int store_rows(struct store *db, struct store_stmt *st, struct out *o, const struct out_col *cols, size_t ncols,
	       int list,
	       const char *what, struct beter_err *err);

/* Bind a day number as 'YYYY-MM-DD'. */
void store_bind_day(struct store_stmt *st, int i, int day);

/* ---- statements: binds (parameters from 1), steps, columns (from 0) ---- */

void store_bind_int(struct store_stmt *st, int i, int64_t v);
void store_bind_real(struct store_stmt *st, int i, double v);
void store_bind_null(struct store_stmt *st, int i);
void store_bind_blob(struct store_stmt *st, int i, const void *p, size_t n); /* copied */
void store_bind_textn(struct store_stmt *st, int i, const char *s, size_t n); /* n bytes of s, copied */
/* One step: STORE_ROW, STORE_DONE or a failure (store_fail names it). */
int store_step(struct store_stmt *st);
void store_reset(struct store_stmt *st);
void store_clear(struct store_stmt *st); /* every parameter back to null */
void store_finalize(struct store_stmt *st); /* NULL is fine */

int64_t store_col_int(struct store_stmt *st, int i);
double store_col_real(struct store_stmt *st, int i);
/* Column i as text, NULL for null (valid until the next step). */
const char *store_col(struct store_stmt *st, int i);
const void *store_col_blob(struct store_stmt *st, int i);
int store_col_bytes(struct store_stmt *st, int i);
int store_col_null(struct store_stmt *st, int i);
/* The column's type: STORE_T_INT, STORE_T_REAL, STORE_T_TEXT, STORE_T_BLOB
 * or STORE_T_NULL. */
enum { STORE_T_INT = 1, STORE_T_REAL = 2, STORE_T_TEXT = 3, STORE_T_BLOB = 4, STORE_T_NULL = 5 };
int store_col_type(struct store_stmt *st, int i);
int store_col_count(struct store_stmt *st);

/* A column's value as it is, to bind elsewhere unchanged (valid until the
 * next step of its statement). */
struct store_value;
const struct store_value *store_col_value(struct store_stmt *st, int i);
void store_bind_value(struct store_stmt *st, int i, const struct store_value *v);
int store_param_count(struct store_stmt *st);
int store_stmt_readonly(struct store_stmt *st); /* writes nothing */

/* SQL text built as printf does, with two more conversions: %w an
 * identifier's name (to go inside double quotes), %Q a literal string in
 * single quotes (NULL: NULL). store_sqlf returns it malloc'd; store_sqlf_add
 * appends it to sb. */
char *store_sqlf(const char *fmt, ...);
void store_sqlf_add(struct strbuf *sb, const char *fmt, ...);

/* ---- the connection ---- */

int64_t store_last_id(struct store *db); /* of the last INSERT */
int store_changes(struct store *db);     /* rows the last statement changed */
const char *store_errmsg(struct store *db);
int store_errcode(struct store *db);    /* of the last call that failed */
/* The SQL functions the check's queries use (lib/store_fn.c): beter_uid,
 * beter_answers_given, beter_item_limits, beter_answer_over, beter_bad_text,
 * beter_blank. STORE_OK or the engine's failure. */
int store_fn_register(struct store *db);
const char *store_engine_version(void); /* "sqlite 3.40.1" */

/* Write column i as an integer or real cell, null for null. */
void store_out_int(struct out *o, struct store_stmt *st, int i);
void store_out_real(struct out *o, struct store_stmt *st, int i);

/* Bind helpers: text NULL binds null. */
void store_bind_text(struct store_stmt *st, int i, const char *s);

/* The text of column i, never NULL ("" for null). */
const char *store_col_text(struct store_stmt *st, int i);

#endif

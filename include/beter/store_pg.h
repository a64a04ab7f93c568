/* store_pg.h - the PostgreSQL engine behind store.h (lib/store_pg*.c), for
 * the store layer's own files, which hand every call on a PostgreSQL
 * connection or statement to it.
 *
 * A connection or statement of this engine is told from SQLite's by its
 * pointer: the engine's own structure with the lowest bit set (SQLite's
 * are aligned, their lowest bit clear). Nothing outside lib/store*.c reads
 * through either.
 */
#ifndef BETER_STORE_PG_H
#define BETER_STORE_PG_H

#include <stdint.h>

#include "beter/store.h"

static inline int store_is_pg(const void *p)
{
	return ((uintptr_t)p & 1u) != 0;
}

int pg_open(const char *address, int flags, struct store **out, struct beter_err *err);
void pg_close(struct store *db);
int pg_prepare(struct store *db, const char *sql, struct store_stmt **st, struct beter_err *err);
int pg_exec_sql(struct store *db, const char *sql, struct beter_err *err);
int pg_begin(struct store *db, int write, struct beter_err *err);
int pg_commit(struct store *db, struct beter_err *err);
void pg_rollback(struct store *db);
int pg_in_transaction(struct store *db);
const char *pg_errmsg(struct store *db);
int pg_errcode(struct store *db);
int64_t pg_last_id(struct store *db);
int pg_changes(struct store *db);
/* A serialisation failure or deadlock ended the last transaction: the
 * command may be run again from the start. */
int pg_retryable(struct store *db);

void pg_bind(struct store_stmt *st, int i, int type, const void *p, size_t n);
int pg_step(struct store_stmt *st);
void pg_reset(struct store_stmt *st);
void pg_clear(struct store_stmt *st);
void pg_finalize(struct store_stmt *st);
int64_t pg_col_int(struct store_stmt *st, int i);
double pg_col_real(struct store_stmt *st, int i);
const char *pg_col(struct store_stmt *st, int i);
const void *pg_col_blob(struct store_stmt *st, int i);
int pg_col_bytes(struct store_stmt *st, int i);
int pg_col_type(struct store_stmt *st, int i);
int pg_col_count(struct store_stmt *st);
int pg_param_count(struct store_stmt *st);
int pg_stmt_readonly(struct store_stmt *st);
const struct store_value *pg_col_value(struct store_stmt *st, int i);

/* The SQL of beter, written for SQLite, as PostgreSQL runs it (malloc'd):
 * ?N parameters as $N, IS [NOT] x as IS [NOT] DISTINCT FROM, NULLs first in
 * ascending order as SQLite sorts them, INSERT OR IGNORE as ON CONFLICT DO
 * NOTHING, LIKE as ILIKE and GLOB as SIMILAR TO. *nparams: the highest
 * parameter number. */
char *pg_sql(const char *sql, int *nparams);

/* The same, with what it found of each parameter (from 0) in *flags
 * (malloc'd): PG_PARAM_USED where it appears, PG_PARAM_TESTED where an IS
 * [NOT] NULL follows it (the server must know its type there). Parameters
 * nulls[i] non-zero are written as NULL. */
enum { PG_PARAM_USED = 1, PG_PARAM_TESTED = 2 };
char *pg_sql_params(const char *sql, int *nparams, unsigned char **flags, const unsigned char *nulls);

/* The tables of the store that sql inserts into (INSERT [OR x] INTO t),
 * as "t1,t2" (malloc'd), NULL for none; temp tables left out. */
char *pg_sql_inserts(const char *sql);

#endif

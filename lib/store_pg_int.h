/* store_pg_int.h - inside the PostgreSQL engine (lib/store_pg*.c). */
#ifndef BETER_STORE_PG_INT_H
#define BETER_STORE_PG_INT_H

#include <stddef.h>

#include "beter/module.h"
#include "beter/store_pg.h"

/* SQLite's primary codes, which store_fail reads, for the server's errors */
enum { PGC_ERROR = 1, PGC_PERM = 3, PGC_BUSY = 5, PGC_IOERR = 10, PGC_FULL = 13, PGC_CONSTRAINT = 19 };

struct pgconn {
	const struct beter_pg_ops *m;
	void *conn;
	char *address; /* as messages show it: without a password */
	char *errmsg;
	int errcode;
	int retry;   /* the last failure was a serialisation failure or deadlock */
	int changes; /* rows the last statement changed */
	int writing; /* in a write transaction (pg_begin) */
	char *seqs;  /* the sequences before the write drew from them: "(oid::oid, n::bigint), ..." */
	char *noted; /* the tables whose sequences are in seqs: ",t1,t2," */
};

/* A column's value (store_col_value), to bind elsewhere. */
struct pgvalue {
	int type; /* STORE_T_* */
	const char *p;
	size_t n;
};

struct store *pg_tag(struct pgconn *c);
struct pgconn *pg_conn(struct store *db);
int pg_fail_result(struct pgconn *c, void *res);
int pg_run(struct pgconn *c, const char *sql);

/* The sequences of a write (lib/store_pg_seq.c): note those of the tables
 * ("t1,t2", pg_sql_inserts) before the write first inserts into them; set
 * back what a rolled-back write drew; forget them when the write is over. */
void pg_seqs_note(struct pgconn *c, const char *tables);
void pg_seqs_back(struct pgconn *c);
void pg_seqs_forget(struct pgconn *c);

/* Bring the database to this beter's schema (lib/store_pg_open.c). */
int pg_migrate(struct store *db, int flags, struct beter_err *err);

#endif

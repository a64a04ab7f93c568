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
	char *seqs;  /* the sequences when the write began: "('name', n), ..." */
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

/* Bring the database to this beter's schema (lib/store_pg_open.c). */
int pg_migrate(struct store *db, int flags, struct beter_err *err);

#endif

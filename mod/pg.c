/* pg.c - the module beter-pg: libpq, PostgreSQL's client library, under the
 * PostgreSQL engine of the store (lib/store_pg.c). A thin layer: each
 * function is one call to libpq; what the engine does with it is there. */
#include <libpq-fe.h>

#include "beter/module.h"

/* the server's notices (a DROP ... IF EXISTS that had nothing to drop) are
 * not for the person at the terminal */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static void *pg_connect(const char *const *keys, const char *const *values)
{
	PGconn *conn = PQconnectdbParams(keys, values, 1);

	if (conn)
		PQsetNoticeProcessor(conn, quiet, NULL);
	return conn;
}

static int pg_ok(void *conn)
{
	return PQstatus(conn) == CONNECTION_OK;
}

static const char *pg_conn_error(void *conn)
{
	return PQerrorMessage(conn);
}

static void pg_finish(void *conn)
{
	PQfinish(conn);
}

static void *pg_exec(void *conn, const char *sql, int n, const unsigned *types, const char *const *values,
		     const int *lengths, const int *formats)
{
	if (n < 0)
		return PQexec(conn, sql);
	return PQexecParams(conn, sql, n, (const Oid *)types, values, lengths, formats, 0);
}

static int pg_status(void *res)
{
	switch (PQresultStatus(res)) {
	case PGRES_COMMAND_OK:
	case PGRES_EMPTY_QUERY:
		return PGM_COMMAND;
	case PGRES_TUPLES_OK:
		return PGM_TUPLES;
	default:
		return PGM_FAILED;
	}
}

static const char *pg_field(void *res, int code)
{
	return PQresultErrorField(res, code);
}

static const char *pg_message(void *res)
{
	return PQresultErrorMessage(res);
}

static int pg_ntuples(void *res)
{
	return PQntuples(res);
}

static int pg_nfields(void *res)
{
	return PQnfields(res);
}

static unsigned pg_ftype(void *res, int col)
{
	return PQftype(res, col);
}

static const char *pg_value(void *res, int row, int col)
{
	return PQgetvalue(res, row, col);
}

static int pg_length(void *res, int row, int col)
{
	return PQgetlength(res, row, col);
}

static int pg_isnull(void *res, int row, int col)
{
	return PQgetisnull(res, row, col);
}

static const char *pg_cmd_tuples(void *res)
{
	return PQcmdTuples(res);
}

static void pg_clear(void *res)
{
	PQclear(res);
}

static unsigned char *pg_unescape(const unsigned char *s, size_t *len)
{
	return PQunescapeBytea(s, len);
}

static void pg_freemem(void *p)
{
	PQfreemem(p);
}

static int pg_in_transaction(void *conn)
{
	return PQtransactionStatus(conn) != PQTRANS_IDLE;
}

static int pg_server_version(void *conn)
{
	return PQserverVersion(conn);
}

static const char *pg_user(void *conn)
{
	return PQuser(conn);
}

static const char *pg_db(void *conn)
{
	return PQdb(conn);
}

static const struct beter_pg_ops ops = {
	.abi = BETER_MODULE_ABI,
	.connect = pg_connect,
	.ok = pg_ok,
	.conn_error = pg_conn_error,
	.finish = pg_finish,
	.exec = pg_exec,
	.status = pg_status,
	.field = pg_field,
	.message = pg_message,
	.ntuples = pg_ntuples,
	.nfields = pg_nfields,
	.ftype = pg_ftype,
	.value = pg_value,
	.length = pg_length,
	.isnull = pg_isnull,
	.cmd_tuples = pg_cmd_tuples,
	.clear = pg_clear,
	.unescape = pg_unescape,
	.freemem = pg_freemem,
	.in_transaction = pg_in_transaction,
	.server_version = pg_server_version,
	.user = pg_user,
	.db = pg_db,
};

/* The module's entry point (module.h). */
__attribute__((visibility("default"))) const struct beter_pg_ops *beter_module_pg(void)
{
	return &ops;
}

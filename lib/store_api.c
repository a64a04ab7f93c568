/* store_api.c - statements of the SQLite engine behind store.h: binds,
 * steps and column reads, one call each to SQLite. */
#include "beter/i18n.h"
#include "beter/store_sqlite.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "beter/util.h"

#define S(st) store_sqlite_stmt(st)

void store_bind_int(struct store_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(S(st), i, v);
}

void store_bind_real(struct store_stmt *st, int i, double v)
{
	sqlite3_bind_double(S(st), i, v);
}

void store_bind_null(struct store_stmt *st, int i)
{
	sqlite3_bind_null(S(st), i);
}

void store_bind_blob(struct store_stmt *st, int i, const void *p, size_t n)
{
	sqlite3_bind_blob64(S(st), i, p, n, SQLITE_TRANSIENT);
}

void store_bind_textn(struct store_stmt *st, int i, const char *s, size_t n)
{
	sqlite3_bind_text64(S(st), i, s, n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

int store_step(struct store_stmt *st)
{
	return sqlite3_step(S(st));
}

void store_reset(struct store_stmt *st)
{
	sqlite3_reset(S(st));
}

void store_clear(struct store_stmt *st)
{
	sqlite3_clear_bindings(S(st));
}

void store_finalize(struct store_stmt *st)
{
	sqlite3_finalize(S(st));
}

int64_t store_col_int(struct store_stmt *st, int i)
{
	return sqlite3_column_int64(S(st), i);
}

double store_col_real(struct store_stmt *st, int i)
{
	return sqlite3_column_double(S(st), i);
}

const char *store_col(struct store_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(S(st), i);
}

const void *store_col_blob(struct store_stmt *st, int i)
{
	return sqlite3_column_blob(S(st), i);
}

int store_col_bytes(struct store_stmt *st, int i)
{
	return sqlite3_column_bytes(S(st), i);
}

int store_col_null(struct store_stmt *st, int i)
{
	return sqlite3_column_type(S(st), i) == SQLITE_NULL;
}

int store_col_type(struct store_stmt *st, int i)
{
	switch (sqlite3_column_type(S(st), i)) {
	case SQLITE_INTEGER: return STORE_T_INT;
	case SQLITE_FLOAT: return STORE_T_REAL;
	case SQLITE_TEXT: return STORE_T_TEXT;
	case SQLITE_BLOB: return STORE_T_BLOB;
	default: return STORE_T_NULL;
	}
}

int store_col_count(struct store_stmt *st)
{
	return sqlite3_column_count(S(st));
}

int64_t store_last_id(struct store *db)
{
	return sqlite3_last_insert_rowid(store_sqlite(db));
}

int store_changes(struct store *db)
{
	return sqlite3_changes(store_sqlite(db));
}

const char *store_errmsg(struct store *db)
{
	return sqlite3_errmsg(store_sqlite(db));
}

int store_errcode(struct store *db)
{
	return sqlite3_extended_errcode(store_sqlite(db));
}

const char *store_engine_version(void)
{
	static char v[64];
	if (!v[0])
		snprintf(v, sizeof(v), "sqlite %s", sqlite3_libversion());
	return v;
}

const struct store_value *store_col_value(struct store_stmt *st, int i)
{
	return (const struct store_value *)(void *)sqlite3_column_value(S(st), i);
}

void store_bind_value(struct store_stmt *st, int i, const struct store_value *v)
{
	sqlite3_bind_value(S(st), i, (const sqlite3_value *)(const void *)v);
}

int store_param_count(struct store_stmt *st)
{
	return sqlite3_bind_parameter_count(S(st));
}

int store_stmt_readonly(struct store_stmt *st)
{
	return sqlite3_stmt_readonly(S(st));
}

static char *vsqlf(const char *fmt, va_list ap)
{
	char *t = sqlite3_vmprintf(fmt, ap);
	if (!t) {
		fputs(_("beter: out of memory\n"), stderr);
		abort();
	}
	return t;
}

char *store_sqlf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = vsqlf(fmt, ap);
	va_end(ap);
	char *r = xstrdup(t);
	sqlite3_free(t);
	return r;
}

void store_sqlf_add(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = vsqlf(fmt, ap);
	va_end(ap);
	strbuf_adds(sb, t);
	sqlite3_free(t);
}

/* store_api.c - statements of the SQLite engine behind store.h: binds,
 * steps and column reads, one call each to SQLite. */
#include "beter/i18n.h"
#include "beter/store_sqlite.h"
#include "beter/store_pg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "beter/util.h"
#include "store_pg_int.h"

#define S(st) store_sqlite_stmt(st)

void store_bind_int(struct store_stmt *st, int i, int64_t v)
{
	if (store_is_pg(st)) {
		char buf[24];
		pg_bind(st, i, STORE_T_INT, buf, (size_t)snprintf(buf, sizeof(buf), "%lld", (long long)v));
		return;
	}
	sqlite3_bind_int64(S(st), i, v);
}

void store_bind_real(struct store_stmt *st, int i, double v)
{
	if (store_is_pg(st)) {
		char buf[40];
		pg_bind(st, i, STORE_T_REAL, buf, (size_t)snprintf(buf, sizeof(buf), "%.17g", v));
		return;
	}
	sqlite3_bind_double(S(st), i, v);
}

void store_bind_null(struct store_stmt *st, int i)
{
	if (store_is_pg(st)) {
		pg_bind(st, i, STORE_T_NULL, NULL, 0);
		return;
	}
	sqlite3_bind_null(S(st), i);
}

void store_bind_blob(struct store_stmt *st, int i, const void *p, size_t n)
{
	if (store_is_pg(st)) {
		pg_bind(st, i, STORE_T_BLOB, p ? p : "", n);
		return;
	}
	sqlite3_bind_blob64(S(st), i, p, n, SQLITE_TRANSIENT);
}

void store_bind_textn(struct store_stmt *st, int i, const char *s, size_t n)
{
	if (store_is_pg(st)) {
		pg_bind(st, i, STORE_T_TEXT, s, n);
		return;
	}
	sqlite3_bind_text64(S(st), i, s, n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

int store_step(struct store_stmt *st)
{
	if (store_is_pg(st))
		return pg_step(st);
	return sqlite3_step(S(st));
}

void store_reset(struct store_stmt *st)
{
	if (store_is_pg(st)) {
		pg_reset(st);
		return;
	}
	sqlite3_reset(S(st));
}

void store_clear(struct store_stmt *st)
{
	if (store_is_pg(st)) {
		pg_clear(st);
		return;
	}
	sqlite3_clear_bindings(S(st));
}

void store_finalize(struct store_stmt *st)
{
	if (st && store_is_pg(st)) {
		pg_finalize(st);
		return;
	}
	sqlite3_finalize(S(st));
}

int64_t store_col_int(struct store_stmt *st, int i)
{
	if (store_is_pg(st))
		return pg_col_int(st, i);
	return sqlite3_column_int64(S(st), i);
}

double store_col_real(struct store_stmt *st, int i)
{
	if (store_is_pg(st))
		return pg_col_real(st, i);
	return sqlite3_column_double(S(st), i);
}

const char *store_col(struct store_stmt *st, int i)
{
	if (store_is_pg(st))
		return pg_col(st, i);
	return (const char *)sqlite3_column_text(S(st), i);
}

const void *store_col_blob(struct store_stmt *st, int i)
{
	if (store_is_pg(st))
		return pg_col_blob(st, i);
	return sqlite3_column_blob(S(st), i);
}

int store_col_bytes(struct store_stmt *st, int i)
{
	if (store_is_pg(st))
		return pg_col_bytes(st, i);
	return sqlite3_column_bytes(S(st), i);
}

int store_col_null(struct store_stmt *st, int i)
{
	if (store_is_pg(st))
		return pg_col_type(st, i) == STORE_T_NULL;
	return sqlite3_column_type(S(st), i) == SQLITE_NULL;
}

int store_col_type(struct store_stmt *st, int i)
{
	if (store_is_pg(st))
		return pg_col_type(st, i);
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
	if (store_is_pg(st))
		return pg_col_count(st);
	return sqlite3_column_count(S(st));
}

int64_t store_last_id(struct store *db)
{
	if (store_is_pg(db))
		return pg_last_id(db);
	return sqlite3_last_insert_rowid(store_sqlite(db));
}

int store_changes(struct store *db)
{
	if (store_is_pg(db))
		return pg_changes(db);
	return sqlite3_changes(store_sqlite(db));
}

const char *store_errmsg(struct store *db)
{
	if (store_is_pg(db))
		return pg_errmsg(db);
	return sqlite3_errmsg(store_sqlite(db));
}

int store_errcode(struct store *db)
{
	if (store_is_pg(db))
		return pg_errcode(db);
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
	if (store_is_pg(st))
		return pg_col_value(st, i);
	return (const struct store_value *)(void *)sqlite3_column_value(S(st), i);
}

/* A value of either engine, bound in a statement of either. */
void store_bind_value(struct store_stmt *st, int i, const struct store_value *v)
{
	if (!store_is_pg(v) && !store_is_pg(st)) {
		sqlite3_bind_value(S(st), i, (const sqlite3_value *)(const void *)v);
		return;
	}
	int type;
	const void *p;
	size_t n;
	if (store_is_pg(v)) {
		const struct pgvalue *pv = (const struct pgvalue *)((uintptr_t)v & ~(uintptr_t)1);
		type = pv->type, p = pv->p, n = pv->n;
	} else {
		sqlite3_value *sv = (sqlite3_value *)(void *)v;
		switch (sqlite3_value_type(sv)) {
		case SQLITE_INTEGER: type = STORE_T_INT; p = sqlite3_value_text(sv); break;
		case SQLITE_FLOAT: type = STORE_T_REAL; p = sqlite3_value_text(sv); break;
		case SQLITE_BLOB: type = STORE_T_BLOB; p = sqlite3_value_blob(sv); break;
		case SQLITE_NULL: type = STORE_T_NULL; p = NULL; break;
		default: type = STORE_T_TEXT; p = sqlite3_value_text(sv); break;
		}
		n = (size_t)sqlite3_value_bytes(sv);
	}
	switch (type) {
	case STORE_T_NULL: store_bind_null(st, i); break;
	case STORE_T_INT: store_bind_int(st, i, strtoll(p, NULL, 10)); break;
	case STORE_T_REAL: store_bind_real(st, i, strtod(p, NULL)); break;
	case STORE_T_BLOB: store_bind_blob(st, i, p, n); break;
	default: store_bind_textn(st, i, p, n); break;
	}
}

int store_param_count(struct store_stmt *st)
{
	if (store_is_pg(st))
		return pg_param_count(st);
	return sqlite3_bind_parameter_count(S(st));
}

int store_stmt_readonly(struct store_stmt *st)
{
	if (store_is_pg(st))
		return pg_stmt_readonly(st);
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

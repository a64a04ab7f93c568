/* store_pg.c - the PostgreSQL engine behind store.h: connections,
 * transactions and statements over libpq (the module beter-pg).
 *
 * A statement runs when it is first stepped: its SQL, rewritten once at
 * prepare (store_pg_sql.c), goes to the server with the parameters bound
 * so far, untyped, as text (blobs as bytea), so that the server gives
 * each the type its place in the query asks, as SQLite takes a literal.
 * The whole result comes back at once; each step reads one row of it.
 * Columns read as SQLite's would: a boolean as 1 or 0, a numeric without
 * a fraction as an integer, a real with its ".0".
 *
 * Errors keep SQLite's primary codes, which store_fail turns into beter's
 * statuses: a broken rule is SQLITE_CONSTRAINT with SQLite's words ("UNIQUE
 * constraint failed: team.school_id, team.name"), a serialisation failure
 * or deadlock SQLITE_BUSY (and the command may run again: pg_retryable), a
 * refusal of the server's rights SQLITE_PERM.
 */
#include "beter/store_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/i18n.h"
#include "beter/module.h"
#include "beter/util.h"
#include "store_pg_int.h"

/* PostgreSQL's type numbers (pg_type.oid) beter reads */
enum { OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_OID = 26,
       OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

struct pgstmt {
	struct pgconn *c;
	char *orig; /* as beter wrote it */
	char *sql;  /* as PostgreSQL runs it */
	char *ins;  /* the tables it inserts into (pg_sql_inserts), or NULL */
	int np;
	unsigned char *flags; /* PG_PARAM_* of each parameter */
	unsigned char *kind;  /* STORE_T_* of each bound value */
	char **vals;
	int *lens, *fmts;
	unsigned *types;
	void *res;
	int row, nrows, nf;
	int readonly;
	char **cell;         /* a column as SQLite would write it, when it differs */
	struct pgvalue *val; /* store_col_value's */
};

#define C(db) ((struct pgconn *)((uintptr_t)(db) & ~(uintptr_t)1))
#define S(st) ((struct pgstmt *)((uintptr_t)(st) & ~(uintptr_t)1))

struct store *pg_tag(struct pgconn *c)
{
	return (struct store *)((uintptr_t)c | 1u);
}

struct pgconn *pg_conn(struct store *db)
{
	return C(db);
}

/* ---- errors ---- */

static void set_error(struct pgconn *c, int code, const char *msg)
{
	free(c->errmsg);
	c->errmsg = xstrdup(msg ? msg : "");
	size_t n = strlen(c->errmsg);
	while (n && (c->errmsg[n - 1] == '\n' || c->errmsg[n - 1] == ' '))
		c->errmsg[--n] = '\0';
	c->errcode = code;
}

/* "Key (school_id, name)=(1, x) already exists." -> "team.school_id, team.name" */
static void unique_columns(struct strbuf *sb, const char *table, const char *detail)
{
	const char *open = detail ? strstr(detail, "Key (") : NULL;
	const char *close = open ? strstr(open, ")=") : NULL;

	if (!open || !close || !table) {
		strbuf_adds(sb, table ? table : "?");
		return;
	}
	open += 5;
	while (open < close) {
		const char *comma = memchr(open, ',', (size_t)(close - open));
		const char *end = comma ? comma : close;
		/* a key over lower(x) is SQLite's COLLATE NOCASE key over x */
		if (!strncmp(open, "lower(", 6) && end - open > 7 && end[-1] == ')')
			strbuf_addf(sb, "%s.%.*s", table, (int)(end - open - 7), open + 6);
		else
			strbuf_addf(sb, "%s.%.*s", table, (int)(end - open), open);
		if (!comma)
			break;
		strbuf_adds(sb, ", ");
		open = comma + 1;
		while (*open == ' ')
			open++;
	}
}

/* The expression of the CHECK named name (PostgreSQL's table_column_check)
 * as share/sql/pg's CREATE TABLE writes it in the column's line, in SQLite's
 * words (SQLite's message quotes it), or NULL. Free it. */
static char *check_expr(const char *table, const char *name)
{
	size_t tn = table ? strlen(table) : 0;
	const char *suffix = name ? strstr(name, "_check") : NULL;

	if (!suffix || strncmp(name, table, tn) || name[tn] != '_' || suffix <= name + tn + 1)
		return NULL;
	char *col = xstrndup(name + tn + 1, (size_t)(suffix - name - tn - 1));
	char *head = store_sqlf("CREATE TABLE public.%s (", table), *line = store_sqlf("\n\t%s ", col);
	char *expr = NULL;
	for (int i = 0; i < beter_pg_migrations_count; i++) {
		const char *t = strstr(beter_pg_migrations[i].sql, head);
		const char *end = t ? strstr(t, "\n);") : NULL;
		const char *l = t ? strstr(t, line) : NULL;
		if (!l || l > end)
			continue;
		const char *eol = strchr(l + 1, '\n');
		const char *c = strstr(l, "CHECK (");
		if (!c || (eol && c > eol))
			continue;
		const char *open = c + 7, *p = open;
		int depth = 1;
		for (; *p && depth; p++) {
			if (*p == '\'')
				for (p++; *p && *p != '\''; p++)
					;
			if (!*p)
				break;
			depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		}
		if (depth)
			continue;
		/* back in SQLite's words */
		struct strbuf sb = STRBUF_INIT;
		for (const char *q = open; q < p - 1;) {
			if (!strncmp(q, "beter_compat.", 13)) {
				q += 13;
			} else if (!strncmp(q, " IS NOT DISTINCT FROM ", 22)) {
				strbuf_adds(&sb, " IS ");
				q += 22;
			} else if (!strncmp(q, " IS DISTINCT FROM ", 18)) {
				strbuf_adds(&sb, " IS NOT ");
				q += 18;
			} else {
				strbuf_addc(&sb, *q++);
			}
		}
		free(expr);
		expr = strbuf_detach(&sb);
	}
	free(col);
	free(head);
	free(line);
	return expr;
}

/* The failed result res, as SQLite's code and words. */
int pg_fail_result(struct pgconn *c, void *res)
{
	const struct beter_pg_ops *m = c->m;
	const char *state = res ? m->field(res, 'C') : NULL;
	const char *msg = res ? m->field(res, 'M') : NULL;
	const char *table = res ? m->field(res, 't') : NULL;
	struct strbuf sb = STRBUF_INIT;
	int code = PGC_ERROR;

	if (!msg)
		msg = res ? m->message(res) : m->conn_error(c->conn);
	if (!state)
		state = "";
	c->retry = 0;
	if (!strcmp(state, "23505")) {
		strbuf_adds(&sb, "UNIQUE constraint failed: ");
		unique_columns(&sb, table, m->field(res, 'D'));
		code = PGC_CONSTRAINT;
	} else if (!strcmp(state, "23503")) {
		strbuf_adds(&sb, "FOREIGN KEY constraint failed");
		code = PGC_CONSTRAINT;
	} else if (!strcmp(state, "23502")) {
		const char *col = m->field(res, 'c');
		strbuf_addf(&sb, "NOT NULL constraint failed: %s.%s", table ? table : "?", col ? col : "?");
		code = PGC_CONSTRAINT;
	} else if (!strcmp(state, "23514")) {
		const char *name = m->field(res, 'n');
		char *expr = check_expr(table, name);
		strbuf_addf(&sb, "CHECK constraint failed: %s", expr ? expr : name ? name : "?");
		free(expr);
		code = PGC_CONSTRAINT;
	} else if (!strncmp(state, "23", 2)) {
		strbuf_adds(&sb, msg);
		code = PGC_CONSTRAINT;
	} else if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03")) {
		strbuf_adds(&sb, msg);
		code = PGC_BUSY;
		c->retry = state[0] == '4';
	} else if (!strcmp(state, "42501") || !strncmp(state, "28", 2)) {
		strbuf_adds(&sb, msg);
		code = PGC_PERM;
	} else if (!strncmp(state, "53", 2)) {
		strbuf_adds(&sb, msg);
		code = PGC_FULL;
	} else if (!strncmp(state, "08", 2) || !strncmp(state, "57", 2) || !strncmp(state, "58", 2) || !*state) {
		strbuf_adds(&sb, msg);
		code = PGC_IOERR;
	} else {
		strbuf_adds(&sb, msg);
	}
	set_error(c, code, strbuf_str(&sb));
	strbuf_release(&sb);
	return code;
}

const char *pg_errmsg(struct store *db)
{
	struct pgconn *c = C(db);
	return c->errmsg ? c->errmsg : "not an error";
}

int pg_errcode(struct store *db)
{
	return C(db)->errcode;
}

int pg_retryable(struct store *db)
{
	return store_is_pg(db) && C(db)->retry;
}

/* ---- running SQL ---- */

/* Run sql (several statements, no parameters); 0 or SQLite's code. */
int pg_run(struct pgconn *c, const char *sql)
{
	void *res = c->m->exec(c->conn, sql, -1, NULL, NULL, NULL, NULL);
	int rc = 0;

	if (!res || c->m->status(res) == PGM_FAILED)
		rc = pg_fail_result(c, res);
	else
		c->changes = atoi(c->m->cmd_tuples(res));
	c->m->clear(res);
	return rc;
}

int pg_exec_sql(struct store *db, const char *sql, struct beter_err *err)
{
	char *q = pg_sql(sql, NULL);
	char *ins = pg_sql_inserts(sql);

	pg_seqs_note(C(db), ins);
	int rc = pg_run(C(db), q);

	free(ins);
	free(q);
	return rc ? store_fail(db, rc, err, N_("writing the store")) : 0;
}

int pg_begin(struct store *db, int write, struct beter_err *err)
{
	int rc = pg_run(C(db), write ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
	pg_seqs_forget(C(db));
	C(db)->writing = !rc && write;
	return rc ? store_fail(db, rc, err, write ? N_("the change") : N_("reading the store")) : 0;
}

int pg_commit(struct store *db, struct beter_err *err)
{
	int rc = pg_run(C(db), "COMMIT");
	pg_seqs_forget(C(db));
	if (rc) {
		int status = store_fail(db, rc, err, N_("the change"));
		pg_rollback(db);
		return status;
	}
	return 0;
}

void pg_rollback(struct store *db)
{
	struct pgconn *c = C(db);
	if (c->m->in_transaction(c->conn)) {
		int retry = c->retry;
		void *res = c->m->exec(c->conn, "ROLLBACK", -1, NULL, NULL, NULL, NULL);
		c->m->clear(res);
		/* not when the command runs again: others write at the same time */
		if (!retry)
			pg_seqs_back(c);
		c->retry = retry;
	}
	pg_seqs_forget(c);
}

int pg_in_transaction(struct store *db)
{
	struct pgconn *c = C(db);
	return c->m->in_transaction(c->conn);
}

int64_t pg_last_id(struct store *db)
{
	struct pgconn *c = C(db);
	void *res = c->m->exec(c->conn, "SELECT lastval()", 0, NULL, NULL, NULL, NULL);
	int64_t v = 0;

	if (res && c->m->status(res) == PGM_TUPLES && c->m->ntuples(res) == 1)
		v = strtoll(c->m->value(res, 0, 0), NULL, 10);
	c->m->clear(res);
	return v;
}

int pg_changes(struct store *db)
{
	return C(db)->changes;
}

void pg_close(struct store *db)
{
	struct pgconn *c = C(db);

	c->m->finish(c->conn);
	free(c->errmsg);
	pg_seqs_forget(c);
	free(c->address);
	free(c);
}

/* ---- statements ---- */

static int starts_read(const char *sql)
{
	while (*sql == ' ' || *sql == '\n' || *sql == '\t' || *sql == '(')
		sql++;
	return !strncasecmp(sql, "SELECT", 6) || !strncasecmp(sql, "WITH", 4) || !strncasecmp(sql, "VALUES", 6);
}

int pg_prepare(struct store *db, const char *sql, struct store_stmt **out, struct beter_err *err)
{
	struct pgstmt *st = xcalloc(1, sizeof(*st));

	(void)err;
	st->c = C(db);
	st->orig = xstrdup(sql);
	st->sql = pg_sql_params(sql, &st->np, &st->flags, NULL);
	st->ins = pg_sql_inserts(sql);
	st->readonly = starts_read(sql) && !strcasestr(sql, "INSERT") && !strcasestr(sql, "UPDATE ") &&
		       !strcasestr(sql, "DELETE");
	if (st->np) {
		st->vals = xcalloc((size_t)st->np, sizeof(*st->vals));
		st->lens = xcalloc((size_t)st->np, sizeof(*st->lens));
		st->fmts = xcalloc((size_t)st->np, sizeof(*st->fmts));
		st->types = xcalloc((size_t)st->np, sizeof(*st->types));
		st->kind = xcalloc((size_t)st->np, 1);
	}
	st->row = -1;
	*out = (struct store_stmt *)((uintptr_t)st | 1u);
	return 0;
}

static void drop_result(struct pgstmt *st)
{
	if (st->cell) {
		for (int i = 0; i < st->nf; i++)
			free(st->cell[i]);
		free(st->cell);
		st->cell = NULL;
	}
	free(st->val);
	st->val = NULL;
	if (st->res)
		st->c->m->clear(st->res);
	st->res = NULL;
	st->row = -1;
	st->nrows = st->nf = 0;
}

void pg_bind(struct store_stmt *stmt, int i, int type, const void *p, size_t n)
{
	struct pgstmt *st = S(stmt);

	if (i < 1 || i > st->np)
		return;
	i--;
	free(st->vals[i]);
	st->vals[i] = NULL;
	st->lens[i] = st->fmts[i] = 0;
	st->kind[i] = STORE_T_NULL;
	if (type == STORE_T_NULL || !p)
		return;
	st->kind[i] = (unsigned char)type;
	st->vals[i] = xmalloc(n + 1);
	memcpy(st->vals[i], p, n);
	st->vals[i][n] = '\0';
	st->lens[i] = (int)n;
	if (type == STORE_T_BLOB)
		st->fmts[i] = 1;
}

/*
 * The types the parameters go with. SQLite takes a parameter as it takes a
 * literal; so does PostgreSQL with one of no type (0): it gives it the type
 * its place asks (id = $1 a bigint, name = $1 a text). But it must know the
 * type where IS NULL tests it, and of one the query does not use: those go
 * with the type of their value (bigint, double precision, text), and a NULL
 * tested so is written into the query as NULL (returned, malloc'd; NULL
 * when the query is as prepared).
 */
static char *param_types(struct pgstmt *st)
{
	static const unsigned oid[] = { [STORE_T_INT] = OID_INT8, [STORE_T_REAL] = OID_FLOAT8,
					[STORE_T_TEXT] = 25, [STORE_T_BLOB] = OID_BYTEA, [STORE_T_NULL] = 25 };
	unsigned char *nulls = NULL;

	for (int i = 0; i < st->np; i++) {
		int k = st->kind[i] ? st->kind[i] : STORE_T_NULL;
		int typed = (st->flags[i] & PG_PARAM_TESTED) || !(st->flags[i] & PG_PARAM_USED);
		st->types[i] = k == STORE_T_BLOB || typed ? oid[k] : 0;
		if (k == STORE_T_NULL && (st->flags[i] & PG_PARAM_TESTED)) {
			if (!nulls)
				nulls = xcalloc((size_t)st->np, 1);
			nulls[i] = 1;
		}
	}
	if (!nulls)
		return NULL;
	char *sql = pg_sql_params(st->orig, NULL, NULL, nulls);
	free(nulls);
	return sql;
}

int pg_step(struct store_stmt *stmt)
{
	struct pgstmt *st = S(stmt);
	const struct beter_pg_ops *m = st->c->m;

	if (!st->res) {
		pg_seqs_note(st->c, st->ins);
		char *sql = st->np ? param_types(st) : NULL;
		st->res = m->exec(st->c->conn, sql ? sql : st->sql, st->np, st->types, (const char *const *)st->vals,
				  st->lens, st->fmts);
		free(sql);
		int s = st->res ? m->status(st->res) : PGM_FAILED;
		if (s == PGM_FAILED) {
			int rc = pg_fail_result(st->c, st->res);
			m->clear(st->res);
			st->res = NULL;
			return rc;
		}
		st->c->changes = atoi(m->cmd_tuples(st->res));
		st->nrows = s == PGM_TUPLES ? m->ntuples(st->res) : 0;
		st->nf = s == PGM_TUPLES ? m->nfields(st->res) : 0;
		st->row = -1;
	}
	if (st->cell)
		for (int i = 0; i < st->nf; i++) {
			free(st->cell[i]);
			st->cell[i] = NULL;
		}
	if (st->row < st->nrows)
		st->row++;
	return st->row < st->nrows ? STORE_ROW : STORE_DONE;
}

void pg_reset(struct store_stmt *stmt)
{
	drop_result(S(stmt));
}

void pg_clear(struct store_stmt *stmt)
{
	struct pgstmt *st = S(stmt);
	for (int i = 1; i <= st->np; i++)
		pg_bind(stmt, i, STORE_T_NULL, NULL, 0);
}

void pg_finalize(struct store_stmt *stmt)
{
	struct pgstmt *st = S(stmt);

	drop_result(st);
	for (int i = 0; i < st->np; i++)
		free(st->vals[i]);
	free(st->vals);
	free(st->lens);
	free(st->fmts);
	free(st->types);
	free(st->kind);
	free(st->flags);
	free(st->sql);
	free(st->ins);
	free(st->orig);
	free(st);
}

int pg_param_count(struct store_stmt *st)
{
	return S(st)->np;
}

int pg_stmt_readonly(struct store_stmt *st)
{
	return S(st)->readonly;
}

/* ---- columns ---- */

static int has_cell(struct pgstmt *st, int i)
{
	return st->res && st->row >= 0 && st->row < st->nrows && i >= 0 && i < st->nf;
}

static int is_null(struct pgstmt *st, int i)
{
	return !has_cell(st, i) || st->c->m->isnull(st->res, st->row, i);
}

static const char *raw(struct pgstmt *st, int i)
{
	return st->c->m->value(st->res, st->row, i);
}

int pg_col_type(struct store_stmt *stmt, int i)
{
	struct pgstmt *st = S(stmt);

	if (is_null(st, i))
		return STORE_T_NULL;
	switch (st->c->m->ftype(st->res, i)) {
	case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
		return STORE_T_INT;
	case OID_FLOAT4: case OID_FLOAT8:
		return STORE_T_REAL;
	case OID_NUMERIC:
		return strchr(raw(st, i), '.') ? STORE_T_REAL : STORE_T_INT;
	case OID_BYTEA:
		return STORE_T_BLOB;
	default:
		return STORE_T_TEXT;
	}
}

int64_t pg_col_int(struct store_stmt *stmt, int i)
{
	struct pgstmt *st = S(stmt);

	if (is_null(st, i))
		return 0;
	const char *v = raw(st, i);
	switch (st->c->m->ftype(st->res, i)) {
	case OID_BOOL: return v[0] == 't';
	case OID_FLOAT4: case OID_FLOAT8: case OID_NUMERIC: return (int64_t)strtod(v, NULL);
	default: return strtoll(v, NULL, 10);
	}
}

double pg_col_real(struct store_stmt *stmt, int i)
{
	struct pgstmt *st = S(stmt);

	if (is_null(st, i))
		return 0.0;
	if (st->c->m->ftype(st->res, i) == OID_BOOL)
		return raw(st, i)[0] == 't';
	return strtod(raw(st, i), NULL);
}

/* A real as SQLite writes it: 15 significant digits, ".0" when whole. */
static char *real_text(double d)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.15g", d);
	if (!strpbrk(buf, ".eni"))
		strcat(buf, ".0");
	return xstrdup(buf);
}

static char **cell_slot(struct pgstmt *st, int i)
{
	if (!st->cell)
		st->cell = xcalloc((size_t)st->nf, sizeof(*st->cell));
	return &st->cell[i];
}

const char *pg_col(struct store_stmt *stmt, int i)
{
	struct pgstmt *st = S(stmt);

	if (is_null(st, i))
		return NULL;
	const char *v = raw(st, i);
	char **slot;
	switch (st->c->m->ftype(st->res, i)) {
	case OID_BOOL:
		return v[0] == 't' ? "1" : "0";
	case OID_FLOAT4: case OID_FLOAT8:
		slot = cell_slot(st, i);
		if (!*slot)
			*slot = real_text(strtod(v, NULL));
		return *slot;
	case OID_NUMERIC:
		if (!strchr(v, '.'))
			return v;
		slot = cell_slot(st, i);
		if (!*slot)
			*slot = real_text(strtod(v, NULL));
		return *slot;
	case OID_BYTEA:
		slot = cell_slot(st, i);
		if (!*slot) {
			size_t n = 0;
			unsigned char *b = st->c->m->unescape((const unsigned char *)v, &n);
			*slot = xmalloc(n + 1);
			if (b)
				memcpy(*slot, b, n);
			(*slot)[n] = '\0';
			st->c->m->freemem(b);
		}
		return *slot;
	default:
		return v;
	}
}

const void *pg_col_blob(struct store_stmt *stmt, int i)
{
	return pg_col(stmt, i);
}

int pg_col_bytes(struct store_stmt *stmt, int i)
{
	struct pgstmt *st = S(stmt);

	if (is_null(st, i))
		return 0;
	if (st->c->m->ftype(st->res, i) == OID_BYTEA) {
		const char *v = raw(st, i);
		/* \x and two hex digits a byte */
		return v[0] == '\\' && v[1] == 'x' ? (int)(strlen(v) - 2) / 2 : (int)strlen(pg_col(stmt, i));
	}
	return (int)strlen(pg_col(stmt, i));
}

int pg_col_count(struct store_stmt *stmt)
{
	struct pgstmt *st = S(stmt);
	return st->res ? st->c->m->nfields(st->res) : 0;
}

const struct store_value *pg_col_value(struct store_stmt *stmt, int i)
{
	struct pgstmt *st = S(stmt);

	if (!st->val)
		st->val = xcalloc((size_t)(st->nf ? st->nf : 1), sizeof(*st->val));
	if (i < 0 || i >= st->nf)
		i = 0;
	struct pgvalue *v = &st->val[i];
	v->type = pg_col_type(stmt, i);
	v->p = v->type == STORE_T_NULL ? NULL : pg_col(stmt, i);
	v->n = v->type == STORE_T_NULL ? 0 : (size_t)pg_col_bytes(stmt, i);
	return (const struct store_value *)((uintptr_t)v | 1u);
}

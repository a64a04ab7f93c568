/* store_pg_open.c - opening a PostgreSQL store and bringing its schema to
 * this beter's version.
 *
 * The schema version is the one row of beter_schema_version (SQLite keeps
 * it in PRAGMA user_version). An empty database becomes a store when a
 * command creates one (init, import): the SQLite functions beter's SQL uses
 * (share/sql/pg/compat.sql), the schema at the version of its file
 * (share/sql/pg/NNNN-*.sql), then every later migration of share/sql, the
 * same SQL on both engines, unless share/sql/pg has a file of that number.
 * All of it in one transaction, under an advisory lock, so that two
 * commands that find the same empty database do not both build it.
 */
#include "store_pg_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/util.h"

#define SEARCH_PATH "-c search_path=beter_compat,pg_catalog,public"

int store_pg_address(const char *a)
{
	size_t n;

	if (!a)
		return 0;
	if (!strncmp(a, "postgresql:", 11) || !strncmp(a, "postgres:", 9))
		return 1;
	n = strspn(a, "abcdefghijklmnopqrstuvwxyz_");
	return n > 0 && a[n] == '=';
}

/* The address without a password, for messages. */
static char *shown(const char *a)
{
	const char *scheme = strstr(a, "://");
	const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;

	if (!colon)
		return xstrdup(a);
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, a, (size_t)(colon - a));
	strbuf_adds(&sb, at);
	return strbuf_detach(&sb);
}

/* The schema version of the database, -1 when it has none (not a store yet),
 * -2 on another failure (c's error says it). Outside a transaction one
 * query does: a missing table is its error (42P01). Inside one, that error
 * would end the transaction, so the table is looked for first. */
static long long schema_version(struct pgconn *c)
{
	void *res = NULL;
	long long v = -2;

	if (c->m->in_transaction(c->conn)) {
		res = c->m->exec(c->conn, "SELECT to_regclass('public.beter_schema_version') IS NULL", 0, NULL, NULL,
				 NULL, NULL);
		if (res && c->m->status(res) == PGM_TUPLES && c->m->ntuples(res) == 1 &&
		    c->m->value(res, 0, 0)[0] == 't')
			v = -1;
		else if (!res || c->m->status(res) != PGM_TUPLES)
			pg_fail_result(c, res);
		c->m->clear(res);
		if (v == -1 || !res)
			return v;
		v = -2;
	}
	res = c->m->exec(c->conn, "SELECT version FROM public.beter_schema_version", 0, NULL, NULL, NULL, NULL);
	if (res && c->m->status(res) == PGM_TUPLES) {
		v = c->m->ntuples(res) ? strtoll(c->m->value(res, 0, 0), NULL, 10) : 0;
	} else {
		const char *state = res ? c->m->field(res, 'C') : NULL;
		if (state && !strcmp(state, "42P01"))
			v = -1;
		else
			pg_fail_result(c, res);
	}
	c->m->clear(res);
	return v;
}

static const struct migration *pg_file(int version)
{
	for (int i = 0; i < beter_pg_migrations_count; i++)
		if (beter_pg_migrations[i].version == version)
			return &beter_pg_migrations[i];
	return NULL;
}

/* Run one migration's SQL (one of share/sql, shared with SQLite, as the
 * engine rewrites beter's SQL; one of PostgreSQL's own as it is); a failure
 * names it. */
static int run_migration(struct store *db, const struct migration *m, int shared, struct beter_err *err)
{
	struct pgconn *c = pg_conn(db);
	char *sql = shared ? pg_sql(m->sql, NULL) : NULL;
	int rc = pg_run(c, sql ? sql : m->sql);

	free(sql);
	if (rc)
		return beter_err_set(err, BETER_IOERR, _("cannot upgrade the store '%s' to schema %d (%s): %s; the store is unchanged"),
				     c->address, m->version, m->name, c->errmsg);
	return 0;
}

/* Inside the transaction: from version have (-1: nothing) to this beter's. */
static int upgrade(struct store *db, long long have, struct beter_err *err)
{
	int base = 0, rc;

	/* the functions first: CREATE OR REPLACE, they may have changed */
	for (int i = 0; i < beter_pg_migrations_count; i++)
		if (!strcmp(beter_pg_migrations[i].name, "compat") && (rc = run_migration(db, &beter_pg_migrations[i], 0, err)))
			return rc;
	if (have < 0) {
		/* the newest whole schema of PostgreSQL's own (NNNN-schema.sql),
		 * not a step from the one before */
		for (int i = 0; i < beter_pg_migrations_count; i++) {
			const struct migration *m = &beter_pg_migrations[i];
			size_t n = strlen(m->name);
			if (m->version > base && n > 7 && !strcmp(m->name + n - 7, "-schema"))
				base = m->version;
		}
		const struct migration *m = pg_file(base);
		if (m && (rc = run_migration(db, m, 0, err)))
			return rc;
		have = base;
	}
	for (int i = 0; i < beter_migrations_count; i++) {
		const struct migration *m = &beter_migrations[i];
		if (m->version <= have)
			continue;
		const struct migration *own = pg_file(m->version);
		if ((rc = run_migration(db, own ? own : m, !own, err)))
			return rc;
	}
	/* then the files of no number but compat (security.sql: the roles and
	 * policies), again on every upgrade: they are written to run again */
	for (int i = 0; i < beter_pg_migrations_count; i++) {
		const struct migration *m = &beter_pg_migrations[i];
		if (m->version == 0 && strcmp(m->name, "compat") && (rc = run_migration(db, m, 0, err)))
			return rc;
	}
	char sql[128];
	snprintf(sql, sizeof(sql), "UPDATE public.beter_schema_version SET version = %d", store_schema_version());
	if ((rc = pg_run(pg_conn(db), sql)))
		return store_fail(db, rc, err, N_("writing the store"));
	return 0;
}

int pg_migrate(struct store *db, int flags, struct beter_err *err)
{
	struct pgconn *c = pg_conn(db);
	long long have = schema_version(c);
	int want = store_schema_version();
	int rc;

	if (have == -2)
		return store_fail(db, c->errcode, err, N_("opening the store"));
	if (have > want)
		return beter_err_set(err, BETER_IOERR,
				     _("the store '%s' has schema version %lld, newer than this beter understands (%d); "
				       "upgrade beter to use it"), c->address, have, want);
	if (have == want)
		return 0;
	if (have < 0 && !(flags & STORE_CREATE))
		return beter_err_set(err, BETER_IOERR,
				     _("no store at '%s'; create one with 'beter init --school NAME' "
				       "or name one with --db or $BETER_DB"), c->address);
	if ((rc = pg_begin(db, 1, err)))
		return rc;
	if ((rc = pg_run(c, "SELECT pg_advisory_xact_lock(1650815090)"))) {
		pg_rollback(db);
		return store_fail(db, rc, err, N_("opening the store"));
	}
	/* read again under the lock: another command may have done it */
	have = schema_version(c);
	if (have == -2) {
		rc = store_fail(db, c->errcode, err, N_("opening the store"));
	} else if (have < want) {
		rc = upgrade(db, have, err);
	}
	if (rc) {
		pg_rollback(db);
		return rc;
	}
	return pg_commit(db, err);
}

int pg_open(const char *address, int flags, struct store **out, struct beter_err *err)
{
	const struct beter_pg_ops *m = module_pg(err);
	static const char *const keys[] = { "dbname", "options", "application_name", "client_encoding", NULL };
	char options[160];
	const char *vals[] = { address, options, "beter", "UTF8", NULL };
	struct pgconn *c;
	int rc;

	*out = NULL;
	if (!m)
		return err ? err->status : BETER_IOERR;
	/* a lock another session holds is waited for as SQLite's busy timeout
	 * waits ($BETER_BUSY_TIMEOUT ms, 10 s), then the command exits 75 */
	snprintf(options, sizeof(options), "%s -c lock_timeout=%d", SEARCH_PATH, store_busy_timeout_ms());
	c = xcalloc(1, sizeof(*c));
	c->m = m;
	c->address = shown(address);
	c->conn = m->connect(keys, vals);
	if (!c->conn || !m->ok(c->conn)) {
		char *why = xstrdup(c->conn ? m->conn_error(c->conn) : "out of memory");
		size_t n = strlen(why);
		while (n && (why[n - 1] == '\n' || why[n - 1] == ' '))
			why[--n] = '\0';
		beter_err_set(err, BETER_IOERR, _("cannot open the store '%s': %s"), c->address, why);
		free(why);
		pg_close(pg_tag(c));
		return BETER_IOERR;
	}
	if ((rc = pg_migrate(pg_tag(c), flags, err))) {
		pg_close(pg_tag(c));
		return rc;
	}
	*out = pg_tag(c);
	return 0;
}

/* store_migrate.c - carry a store forward to the schema of this beter: the
 * migrations share/sql/NNNN-*.sql that it has not had yet, all in one
 * transaction.
 *
 * A migration may build a table anew to add a constraint (SQLite's way, see
 * sqlite.org lang_altertable "Making Other Kinds Of Table Schema Changes"):
 * foreign keys are off while the migrations run (the pragma is a no-op inside
 * a transaction, so it is set around it) and PRAGMA foreign_key_check runs
 * before COMMIT. A migration that finds rows breaking its new rules lists
 * them in temp.migration_problem (record, problem) before it builds the
 * tables; when it fails, those rows are the message, and the store is left
 * as it was.
 */
#include "beter/store_sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/util.h"

#define PROBLEMS_SHOWN 10

/* Add one problem to the list in sb; *n counts them all. */
static void problem_add(struct strbuf *sb, long *n, const char *record, const char *problem)
{
	if (++*n <= PROBLEMS_SHOWN)
		strbuf_addf(sb, "%s%s: %s", *n > 1 ? "; " : "", record, problem);
}

/* The rows a migration listed in temp.migration_problem. */
static void listed_problems(sqlite3 *db, struct strbuf *sb, long *n)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT record, problem FROM temp.migration_problem ORDER BY rowid", -1, &st,
			       NULL) != SQLITE_OK)
		return; /* the migration keeps no list */
	while (sqlite3_step(st) == SQLITE_ROW)
		problem_add(sb, n, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
}

/* The column list of foreign key fkid of table t ("team_id, school_id"),
 * NULL if it has one column: a link of one column that is broken was broken
 * before the migration ('beter check' reports it), not by it. */
static char *composite_key(sqlite3 *db, const char *t, int fkid, char **parent)
{
	sqlite3_stmt *st;
	struct strbuf sb = STRBUF_INIT;
	int n = 0;
	char *sql = sqlite3_mprintf("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(%Q) WHERE id = %d "
				    "ORDER BY seq", t, fkid);

	*parent = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			strbuf_addf(&sb, "%s%s", n++ ? ", " : "", (const char *)sqlite3_column_text(st, 0));
			if (!*parent)
				*parent = xstrdup((const char *)sqlite3_column_text(st, 1));
		}
		sqlite3_finalize(st);
	}
	sqlite3_free(sql);
	if (n < 2) {
		free(*parent);
		*parent = NULL;
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* Links of more than one column that PRAGMA foreign_key_check finds broken:
 * a record that names a person, team, ... of another school. */
static void broken_links(sqlite3 *db, struct strbuf *sb, long *n)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		char *parent, *cols = composite_key(db, t, sqlite3_column_int(st, 3), &parent);
		if (!cols)
			continue;
		char *record = store_sqlf("%s %lld", t, (long long)sqlite3_column_int64(st, 1));
		char *problem = store_sqlf(_("(%s) names a %s of another school"), cols, parent);
		problem_add(sb, n, record, problem);
		free(problem);
		free(record);
		free(cols);
		free(parent);
	}
	sqlite3_finalize(st);
}

/* The migration failed (at m, errmsg) or left problems: say which records
 * break its rules, else what SQLite said. */
static int refuse(sqlite3 *db, const char *path, const struct migration *m, const char *errmsg, int links,
		  struct beter_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	long n = 0;

	listed_problems(db, &sb, &n);
	if (links)
		broken_links(db, &sb, &n);
	if (n > PROBLEMS_SHOWN)
		strbuf_addf(&sb, _("; and %ld more"), n - PROBLEMS_SHOWN);
	if (n)
		beter_err_set(err, BETER_IOERR,
			      P_("cannot upgrade the store '%s' to schema %d (%s): %ld record breaks its rules; the store is "
				 "unchanged: correct it with the beter that wrote the store (or sqlite3) and run beter again: %s",
				 "cannot upgrade the store '%s' to schema %d (%s): %ld records break its rules; the store is "
				 "unchanged: correct them with the beter that wrote the store (or sqlite3) and run beter again: "
				 "%s", n),
			      path, m->version, m->name, n, strbuf_str(&sb));
	else
		beter_err_set(err, BETER_IOERR, _("cannot upgrade the store '%s' to schema %d (%s): %s; the store is unchanged"),
			      path, m->version, m->name, errmsg ? errmsg : "?");
	strbuf_release(&sb);
	return BETER_IOERR;
}

/* Run the migrations after version have, inside the caller's transaction. */
static int run(struct store *conn, const char *path, int64_t have, struct beter_err *err)
{
	sqlite3 *db = store_sqlite(conn);
	const struct migration *last = NULL;

	for (int i = 0; i < beter_migrations_count; i++) {
		const struct migration *m = &beter_migrations[i];
		char *errmsg = NULL;
		if (m->version <= have)
			continue;
		last = m;
		if (sqlite3_exec(db, m->sql, NULL, NULL, &errmsg) != SQLITE_OK) {
			int rc = refuse(db, path, m, errmsg, 0, err);
			sqlite3_free(errmsg);
			return rc;
		}
	}
	if (!last)
		return 0;
	/* problems listed but not failed on, or links made into keys of more
	 * than one column that the rows do not meet */
	struct strbuf sb = STRBUF_INIT;
	long n = 0;
	listed_problems(db, &sb, &n);
	broken_links(db, &sb, &n);
	strbuf_release(&sb);
	if (n)
		return refuse(db, path, last, NULL, 1, err);
	return store_exec(conn, "DROP TABLE IF EXISTS temp.migration_problem", err);
}

int store_migrate(struct store *conn, const char *path, struct beter_err *err)
{
	sqlite3 *db = store_sqlite(conn);
	int64_t have = store_int(conn, "PRAGMA user_version", 0);
	int64_t app = store_int(conn, "PRAGMA application_id", 0);
	int want = store_schema_version();
	int rc;

	if (app != 0 && app != BETER_APPLICATION_ID)
		return beter_err_set(err, BETER_IOERR, _("'%s' is a SQLite file but not a beter store"), path);
	if (have > want)
		return beter_err_set(err, BETER_IOERR,
				     _("the store '%s' has schema version %lld, newer than this beter understands (%d); "
				       "upgrade beter to use it"), path, (long long)have, want);
	if (have == want)
		return 0;
	if ((rc = store_exec(conn, "PRAGMA foreign_keys = OFF", err)))
		return rc;
	if ((rc = store_begin(conn, err)))
		goto out;
	/* read again under the write lock: another process may have migrated */
	have = store_int(conn, "PRAGMA user_version", 0);
	if ((rc = run(conn, path, have, err))) {
		store_rollback(conn);
		goto out;
	}
	char sql[128];
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d; PRAGMA application_id = %d;", want,
		 BETER_APPLICATION_ID);
	if ((rc = store_exec(conn, sql, err))) {
		store_rollback(conn);
		goto out;
	}
	rc = store_commit(conn, err);
out:
	/* the temporary list goes with the rollback; on again for every command */
	sqlite3_exec(db, "DROP TABLE IF EXISTS temp.migration_problem; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return rc;
}

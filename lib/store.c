#include "beter/i18n.h"
#include "beter/store_sqlite.h"
#include "beter/store_pg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/sqlmem.h"
#include "beter/util.h"

int store_schema_version(void)
{
	return beter_migrations_count ? beter_migrations[beter_migrations_count - 1].version : 0;
}

char *store_default_path(const char *explicit_path)
{
	const char *env;
	struct strbuf sb = STRBUF_INIT;

	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	env = getenv("BETER_DB");
	if (env && *env)
		return xstrdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env && *env) {
		strbuf_addf(&sb, "%s/beter/beter.db", env);
	} else {
		const char *home = getenv("HOME");
		strbuf_addf(&sb, "%s/.local/share/beter/beter.db", home && *home ? home : ".");
	}
	return strbuf_detach(&sb);
}

/* mkdir -p of the directory part of path, mode 0700 for what we create. */
int store_make_dirs(const char *path, struct beter_err *err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				int e = errno;
				beter_err_set(err, BETER_IOERR, _("cannot create directory '%s': %s"), dir, strerror(e));
				free(dir);
				return BETER_IOERR;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return 0;
}

int store_fail(struct store *conn, int rc, struct beter_err *err, const char *what)
{
	int prim = rc & 0xff;
	const char *msg = conn ? store_errmsg(conn) : sqlite3_errstr(rc);

	/* what is marked N_() where it is passed: translated here, only when
	 * something failed, not for every row read */
	if (what)
		what = _(what);
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return beter_err_set(err, BETER_BUSY,
				     _("the store is busy (another beter is writing); %s did not happen, try again"), what);
	if (prim == SQLITE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, C_(NC_("store refused", "%s: %s")), what, msg);
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return beter_err_set(err, BETER_IOERR, _("%s: the store is damaged or not a beter store (%s); run 'beter check'"), what, msg);
	/* SQLite's own text, in English, after what failed said in the
	 * interface's language (in English: what, then SQLite's text) */
	if (prim == SQLITE_IOERR)
		return beter_err_set(err, BETER_IOERR, C_(NC_("store i/o", "%s: %s")), what, msg);
	if (prim == SQLITE_FULL)
		return beter_err_set(err, BETER_IOERR, C_(NC_("store full", "%s: %s")), what, msg);
	if (prim == SQLITE_READONLY || prim == SQLITE_PERM || prim == SQLITE_CANTOPEN || prim == SQLITE_AUTH)
		return beter_err_set(err, BETER_IOERR, C_(NC_("store access", "%s: %s")), what, msg);
	return beter_err_set(err, BETER_IOERR, C_(NC_("store error", "%s: %s")), what, msg);
}

int store_prepare(struct store *conn, const char *sql, struct store_stmt **st, struct beter_err *err)
{
	if (store_is_pg(conn))
		return pg_prepare(conn, sql, st, err);
	sqlite3 *db = store_sqlite(conn);
	int rc = sqlite3_prepare_v2(db, sql, -1, (sqlite3_stmt **)st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(conn, rc, err, N_("reading the store"));
	return 0;
}

int store_exec(struct store *conn, const char *sql, struct beter_err *err)
{
	if (store_is_pg(conn))
		return pg_exec_sql(conn, sql, err);
	sqlite3 *db = store_sqlite(conn);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(conn, rc, err, N_("writing the store"));
	return 0;
}

/* The first column of the first row of sql (?1 bound to arg when bind). */
static int64_t first_int(struct store *conn, const char *sql, int bind, int64_t arg, int64_t def)
{
	struct store_stmt *st;
	int64_t v = def;

	if (store_is_pg(conn)) {
		if (pg_prepare(conn, sql, &st, NULL))
			return def;
	} else if (sqlite3_prepare_v2(store_sqlite(conn), sql, -1, (sqlite3_stmt **)&st, NULL) != SQLITE_OK) {
		return def;
	}
	if (bind)
		store_bind_int(st, 1, arg);
	if (store_step(st) == STORE_ROW && !store_col_null(st, 0))
		v = store_col_int(st, 0);
	store_finalize(st);
	return v;
}

int64_t store_int(struct store *conn, const char *sql, int64_t def)
{
	return first_int(conn, sql, 0, 0, def);
}

int64_t store_int_bind(struct store *conn, const char *sql, int64_t arg, int64_t def)
{
	return first_int(conn, sql, 1, arg, def);
}

int store_step_done(struct store *conn, struct store_stmt *stmt, const char *what, struct beter_err *err)
{
	int rc = store_step(stmt);
	store_finalize(stmt);
	return rc == STORE_DONE ? 0 : store_fail(conn, rc, err, what);
}

void store_bind_day(struct store_stmt *stmt, int i, int day)
{
	char buf[11];
	date_format(day, buf);
	store_bind_textn(stmt, i, buf, 10);
}

void store_out_int(struct out *o, struct store_stmt *st, int i)
{
	if (store_col_null(st, i))
		out_null(o);
	else
		out_int(o, store_col_int(st, i));
}

void store_out_real(struct out *o, struct store_stmt *st, int i)
{
	if (store_col_null(st, i))
		out_null(o);
	else
		out_real(o, store_col_real(st, i));
}

void store_bind_text(struct store_stmt *st, int i, const char *s)
{
	if (s)
		store_bind_textn(st, i, s, strlen(s));
	else
		store_bind_null(st, i);
}

const char *store_col_text(struct store_stmt *st, int i)
{
	const char *s = store_col(st, i);
	return s ? s : "";
}

int store_begin(struct store *conn, struct beter_err *err)
{
	if (store_is_pg(conn))
		return pg_begin(conn, 1, err);
	sqlite3 *db = store_sqlite(conn);
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(conn, rc, err, N_("the change"));
	return 0;
}

int store_commit(struct store *conn, struct beter_err *err)
{
	if (store_is_pg(conn))
		return pg_commit(conn, err);
	sqlite3 *db = store_sqlite(conn);
	int rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int status = store_fail(conn, rc, err, N_("the change"));
		store_rollback(conn);
		return status;
	}
	return 0;
}

void store_rollback(struct store *conn)
{
	if (store_is_pg(conn)) {
		pg_rollback(conn);
		return;
	}
	sqlite3 *db = store_sqlite(conn);
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int store_read_begin(struct store *conn, int *began, struct beter_err *err)
{
	*began = 0;
	if (store_is_pg(conn)) {
		if (pg_in_transaction(conn))
			return 0;
		int rc = pg_begin(conn, 0, err);
		*began = !rc;
		return rc;
	}
	sqlite3 *db = store_sqlite(conn);
	if (!sqlite3_get_autocommit(db))
		return 0;
	int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(conn, rc, err, N_("reading the store"));
	*began = 1;
	return 0;
}

void store_read_end(struct store *conn, int began)
{
	if (store_is_pg(conn)) {
		if (began && pg_in_transaction(conn))
			pg_commit(conn, NULL);
		return;
	}
	sqlite3 *db = store_sqlite(conn);
	if (began && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
}

int store_busy_timeout_ms(void)
{
	const char *s = getenv("BETER_BUSY_TIMEOUT");
	int64_t v;

	if (s && parse_int64(s, &v) == 0 && v >= 0 && v < 3600000)
		return (int)v;
	return 10000;
}

/*
 * beter runs one thread: SQLite needs no mutexes and no count of the memory in
 * use (which it would keep under a global lock on every allocation), and gets
 * an allocator that reuses its many small blocks (sqlmem.h). A statement
 * that may fail after changing some rows (one INSERT of many rows, as the
 * survey import writes) keeps the pages it changes in a statement journal:
 * in memory up to 1 MiB instead of SQLite's 64 KiB, past which it goes to a
 * temporary file (20,000 writes for one import of 30,000 rows). This must
 * happen before SQLite initialises; SQLite refuses later calls and nothing
 * changes.
 */
#define STMT_JOURNAL_MEMORY (1024 * 1024)

static void store_config(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_MALLOC, sqlmem_methods());
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMT_JOURNAL_MEMORY);
}

/*
 * An existing empty file is not a store: SQLite would write a schema into it
 * and keep the file's mode, which someone else chose (often 0644, readable by
 * every user of the machine). A command that reads refuses it (BETER_IOERR,
 * like a missing store). init (STORE_CREATE) takes it only when it can make
 * it 0600 first, as if it had created the file itself; else it refuses too.
 * A scratch file (STORE_SCRATCH) is empty because this process just made it.
 * A file whose -wal holds data is not empty: SQLite reads it from there.
 */
static int empty_file(const char *path, int flags, struct beter_err *err)
{
	struct stat st;
	char *wal = sqlite3_mprintf("%s-wal", path);
	int has_wal = stat(wal, &st) == 0 && st.st_size > 0;

	sqlite3_free(wal);
	if (has_wal)
		return 0;
	if (!(flags & (STORE_CREATE | STORE_SCRATCH)))
		return beter_err_set(err, BETER_IOERR,
				     _("'%s' is an empty file, not a beter store; create a store with 'beter init --school "
				       "NAME' or name another with --db or $BETER_DB"), path);
	if (chmod(path, 0600) != 0)
		return beter_err_set(err, BETER_IOERR,
				     _("'%s' is an empty file that cannot be made private (mode 0600): %s; remove it or "
				       "name a new file with --db"), path, strerror(errno));
	return 0;
}

int store_open(const char *path, int flags, struct store **out, struct beter_err *err)
{
	sqlite3 *db = NULL;
	int rc;
	int memory = (flags & STORE_MEMORY) != 0;
	int scratch = (flags & STORE_SCRATCH) != 0;

	*out = NULL;
	if (!memory && store_pg_address(path))
		return pg_open(path, flags, out, err);
	store_config();
	if (!memory) {
		struct stat st;
		if (stat(path, &st) != 0) {
			if (errno != ENOENT)
				return beter_err_set(err, BETER_IOERR, _("cannot open the store '%s': %s"), path, strerror(errno));
			if (!(flags & STORE_CREATE))
				return beter_err_set(err, BETER_IOERR,
						     _("no store at '%s'; create one with 'beter init --school NAME' "
						       "or name one with --db or $BETER_DB"), path);
			if ((rc = store_make_dirs(path, err)))
				return rc;
			int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
			if (fd < 0 && errno != EEXIST)
				return beter_err_set(err, BETER_IOERR, _("cannot create the store '%s': %s"), path, strerror(errno));
			if (fd >= 0)
				close(fd);
		} else if (S_ISDIR(st.st_mode)) {
			return beter_err_set(err, BETER_IOERR, _("'%s' is a directory, not a store file"), path);
		} else if (S_ISREG(st.st_mode) && st.st_size == 0 && (rc = empty_file(path, flags, err))) {
			return rc;
		}
	}
	rc = sqlite3_open_v2(memory ? ":memory:" : path, &db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (memory ? SQLITE_OPEN_MEMORY : 0), NULL);
	if (rc != SQLITE_OK) {
		beter_err_set(err, BETER_IOERR, _("cannot open the store '%s': %s"), path,
			      db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return BETER_IOERR;
	}
	sqlite3_busy_timeout(db, store_busy_timeout_ms());
	sqlite3_extended_result_codes(db, 1);
	/* fails with SQLITE_NOTADB on a file that is not a database */
	rc = sqlite3_exec(db, memory ? "PRAGMA foreign_keys = ON"
			      : scratch ? "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON"
				        : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
				          "PRAGMA journal_size_limit = 4194304",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			beter_err_set(err, BETER_IOERR, _("'%s' is not a beter store (not a SQLite database)"), path);
		else
			store_fail(store_of(db), rc, err, N_("opening the store"));
		sqlite3_close(db);
		return err ? err->status : BETER_IOERR;
	}
	if (!memory && !scratch) {
		/* keep the -wal and -shm files beside the store when it closes
		 * (the WAL emptied by the checkpoint at close): every command
		 * then opens them instead of creating and deleting two files */
		int on = 1;
		sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
	}
	if ((rc = store_migrate(store_of(db), memory ? ":memory:" : path, err))) {
		sqlite3_close(db);
		return rc;
	}
	*out = store_of(db);
	return 0;
}

int store_retryable(struct store *db)
{
	return db && pg_retryable(db);
}

int store_on_pg(struct store *db)
{
	return db && store_is_pg(db);
}

int64_t store_user_version(struct store *db)
{
	return store_int(db, store_is_pg(db) ? "SELECT version FROM public.beter_schema_version" : "PRAGMA user_version", 0);
}

void store_close(struct store *conn)
{
	if (conn && store_is_pg(conn)) {
		pg_close(conn);
		return;
	}
	sqlite3 *db = store_sqlite(conn);
	if (!db)
		return;
	sqlite3_close_v2(db);
}

/* schema.c - introspect the store's tables for export, import and check. */
#include "beter/schema.h"

#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

/* SQLite's rules for the affinity of a declared type. */
static int affinity(const char *type)
{
	char *t = str_upper(xstrdup(type ? type : ""));
	int aff;

	if (strstr(t, "INT"))
		aff = AFF_INT;
	else if (strstr(t, "CHAR") || strstr(t, "CLOB") || strstr(t, "TEXT"))
		aff = AFF_TEXT;
	else if (strstr(t, "BLOB") || !*t)
		aff = *t ? AFF_BLOB : AFF_NONE;
	else if (strstr(t, "REAL") || strstr(t, "FLOA") || strstr(t, "DOUB"))
		aff = AFF_REAL;
	else
		aff = AFF_NUMERIC;
	free(t);
	return aff;
}

int schema_find(const struct schema *s, const char *name)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->t[i].name, name))
			return i;
	return -1;
}

int schema_col_find(const struct schema_table *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (!strcmp(t->cols[i].name, name))
			return i;
	return -1;
}

int schema_key(const struct schema_table *t, int *idx)
{
	int n = 0;

	if (t->uid >= 0) {
		idx[0] = t->uid;
		return 1;
	}
	if (t->npk > 0) {
		for (int k = 1; k <= t->npk; k++)
			for (int i = 0; i < t->ncols; i++)
				if (t->cols[i].pk == k)
					idx[n++] = i;
		return n;
	}
	for (int i = 0; i < t->ncols; i++)
		idx[n++] = i;
	return n;
}

/*
 * The catalogue of PostgreSQL, in the shapes of SQLite's pragmas: the
 * tables of the schema public in the order they were made (that of
 * sqlite_master), a table's columns as PRAGMA table_info (cid, name, type
 * as SQLite's, notnull, default, pk), its links as PRAGMA foreign_key_list
 * (id, seq, table, from, to).
 */
#define PG_TABLES \
	"SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " \
	"WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('beter_schema_version', 'beter_login') ORDER BY c.oid"
#define PG_COLUMNS \
	"SELECT a.attnum - 1, a.attname, CASE format_type(a.atttypid, NULL) WHEN 'bigint' THEN 'INTEGER' " \
	"WHEN 'text' THEN 'TEXT' WHEN 'double precision' THEN 'REAL' WHEN 'bytea' THEN 'BLOB' " \
	"ELSE upper(format_type(a.atttypid, NULL)) END, " \
	"CASE WHEN a.attnotnull AND a.attidentity = '' THEN 1 ELSE 0 END, NULL, " \
	"coalesce(array_position(i.indkey::int2[], a.attnum) + 1 - array_lower(i.indkey::int2[], 1), 0), " \
	"a.attidentity <> '' " \
	"FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary " \
	"WHERE a.attrelid = ('public.' || quote_ident(%Q))::regclass AND a.attnum > 0 AND NOT a.attisdropped " \
	"ORDER BY a.attnum"
#define PG_LINKS \
	"SELECT k.id, k.seq, k.tab, a.attname, b.attname FROM (SELECT row_number() OVER (ORDER BY c.oid DESC) - 1 AS id, " \
	"x.n - 1 AS seq, c.confrelid::regclass::text AS tab, c.conrelid, c.confrelid, x.f, x.t " \
	"FROM pg_constraint c, unnest(c.conkey, c.confkey) WITH ORDINALITY AS x(f, t, n) " \
	"WHERE c.contype = 'f' AND c.conrelid = ('public.' || quote_ident(%Q))::regclass) k " \
	"JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.f " \
	"JOIN pg_attribute b ON b.attrelid = k.confrelid AND b.attnum = k.t ORDER BY k.id, k.seq"

static int load_columns(struct store *db, struct schema_table *t, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, alloc = 0;
	int pg = store_on_pg(db);
	char *sql = pg ? store_sqlf(PG_COLUMNS, t->name) : store_sqlf("PRAGMA main.table_info(\"%w\")", t->name);

	rc = store_prepare(db, sql, &st, err);
	free(sql);
	if (rc)
		return rc;
	t->uid = t->rowid = -1;
	while (store_next(db, st, &rc, N_("reading the schema"), err)) {
		if (t->ncols == alloc) {
			alloc = alloc ? alloc * 2 : 8;
			t->cols = xrealloc(t->cols, (size_t)alloc * sizeof(*t->cols));
		}
		struct schema_col *c = &t->cols[t->ncols];
		memset(c, 0, sizeof(*c));
		c->name = xstrdup(store_col_text(st, 1));
		c->aff = affinity(store_col_text(st, 2));
		c->notnull = (int)store_col_int(st, 3);
		c->pk = (int)store_col_int(st, 5);
		c->ref = -1;
		c->rowid = pg && store_col_int(st, 6); /* an identity: the record number */
		if (c->rowid)
			t->rowid = t->ncols;
		if (c->pk)
			t->npk++;
		if (!strcmp(c->name, "uid"))
			t->uid = t->ncols;
		t->ncols++;
	}
	store_finalize(st);
	if (rc)
		return rc;
	/* an INTEGER PRIMARY KEY of a rowid table is the record number */
	if (t->npk == 1 && !pg) {
		for (int i = 0; i < t->ncols; i++) {
			if (t->cols[i].pk != 1)
				continue;
			char *q = store_sqlf("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = %Q "
						  "AND sql NOT LIKE '%%WITHOUT ROWID%%'", t->name);
			char *type = NULL;
			struct store_stmt *ti;
			char *s2 = store_sqlf("PRAGMA main.table_info(\"%w\")", t->name);
			if (!(rc = store_prepare(db, s2, &ti, err))) {
				while (store_next(db, ti, &rc, N_("reading the schema"), err))
					if ((int)store_col_int(ti, 0) == i && !type)
						type = str_upper(xstrdup(store_col_text(ti, 2)));
				store_finalize(ti);
			}
			free(s2);
			if (rc) {
				free(type);
				free(q);
				return rc;
			}
			if (type && !strcmp(type, "INTEGER") && store_int(db, q, 0)) {
				t->cols[i].rowid = 1;
				t->rowid = i;
			}
			free(type);
			free(q);
		}
	}
	return 0;
}

static void add_dep(struct schema_table *t, int d)
{
	for (int i = 0; i < t->ndeps; i++)
		if (t->deps[i] == d)
			return;
	t->deps = xrealloc(t->deps, (size_t)(t->ndeps + 1) * sizeof(int));
	t->deps[t->ndeps++] = d;
}

static int load_links(struct store *db, struct schema *s, int ti, struct beter_err *err)
{
	struct schema_table *t = &s->t[ti];
	struct store_stmt *st;
	int rc;
	char *sql = store_on_pg(db) ? store_sqlf(PG_LINKS, t->name)
				    : store_sqlf("PRAGMA main.foreign_key_list(\"%w\")", t->name);

	rc = store_prepare(db, sql, &st, err);
	free(sql);
	if (rc)
		return rc;
	/* rows: id, seq, table, from, to; a key of one column has only seq 0 */
	int last_id = -1, last_col = -1, last_parent = -1, multi = 0;
	for (;;) {
		int more = store_next(db, st, &rc, N_("reading the schema"), err);
		int id = more ? (int)store_col_int(st, 0) : -2;
		if (id != last_id && last_id >= 0) {
			if (!multi && last_col >= 0 && last_parent >= 0)
				t->cols[last_col].ref = last_parent;
			multi = 0;
		}
		if (!more)
			break;
		if (id == last_id) {
			multi = 1;
			continue;
		}
		last_id = id;
		int parent = schema_find(s, store_col_text(st, 2));
		const char *to = store_col(st, 4);
		last_col = schema_col_find(t, store_col_text(st, 3));
		last_parent = -1;
		if (parent >= 0) {
			add_dep(t, parent);
			struct schema_table *p = &s->t[parent];
			if (p->uid >= 0 && p->rowid >= 0 && (!to || !strcmp(to, p->cols[p->rowid].name)))
				last_parent = parent;
			if (parent == ti)
				t->selfref = 1;
		}
	}
	store_finalize(st);
	return rc;
}

void schema_release(struct schema *s)
{
	for (int i = 0; i < s->n; i++) {
		for (int c = 0; c < s->t[i].ncols; c++)
			free(s->t[i].cols[c].name);
		free(s->t[i].cols);
		free(s->t[i].deps);
		free(s->t[i].name);
	}
	free(s->t);
	s->t = NULL;
	s->n = 0;
}

/* Order tables so that referenced ones come first (creation order among
 * equals); cycles other than a table with itself keep creation order. */
static void sort_tables(struct schema *s)
{
	int n = s->n;
	struct schema_table *out = xcalloc((size_t)n ? (size_t)n : 1, sizeof(*out));
	int *placed = xcalloc((size_t)n + 1, sizeof(int));
	int *newidx = xcalloc((size_t)n + 1, sizeof(int));
	int k = 0;

	while (k < n) {
		int pick = -1;
		for (int i = 0; i < n && pick < 0; i++) {
			if (placed[i])
				continue;
			int ready = 1;
			for (int d = 0; d < s->t[i].ndeps; d++)
				if (s->t[i].deps[d] != i && !placed[s->t[i].deps[d]])
					ready = 0;
			if (ready)
				pick = i;
		}
		if (pick < 0) /* a cycle: take the first left */
			for (int i = 0; i < n && pick < 0; i++)
				if (!placed[i])
					pick = i;
		placed[pick] = 1;
		newidx[pick] = k;
		out[k++] = s->t[pick];
	}
	for (int i = 0; i < n; i++) {
		for (int c = 0; c < out[i].ncols; c++)
			if (out[i].cols[c].ref >= 0)
				out[i].cols[c].ref = newidx[out[i].cols[c].ref];
		for (int d = 0; d < out[i].ndeps; d++)
			out[i].deps[d] = newidx[out[i].deps[d]];
	}
	free(s->t);
	s->t = out;
	free(placed);
	free(newidx);
}

/* Move each table that sql makes (CREATE TABLE [IF NOT EXISTS] [public.]NAME)
 * to the next place from *k, in the order it is made. */
static void scan_made(const char *sql, struct schema *s, int *k)
{
	const char *p = sql;

	while ((p = strstr(p, "CREATE TABLE "))) {
		p += strlen("CREATE TABLE ");
		if (!strncmp(p, "IF NOT EXISTS ", 14))
			p += 14;
		if (!strncmp(p, "public.", 7))
			p += 7;
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
		for (int i = *k; i < s->n; i++) {
			if (strlen(s->t[i].name) != n || strncmp(s->t[i].name, p, n))
				continue;
			struct schema_table t = s->t[i];
			memmove(&s->t[*k + 1], &s->t[*k], (size_t)(i - *k) * sizeof(*s->t));
			s->t[(*k)++] = t;
			break;
		}
		p += n;
	}
}

/*
 * On PostgreSQL the catalogue's order (pg_class.oid) is the order the tables
 * were made in only until the database is restored from a dump: pg_restore
 * makes them in an order of its own. The tables therefore take the order in
 * which this binary makes a new store (the newest whole schema of
 * share/sql/pg, then the migrations after it, as lib/store_pg_open.c runs
 * them), those it does not make after them in the catalogue's order, so that
 * export and check read a store the same way before and after a restore.
 */
static void pg_made_order(struct schema *s)
{
	const struct migration *whole = NULL;
	int base = 0, k = 0;

	for (int i = 0; i < beter_pg_migrations_count; i++) {
		const struct migration *m = &beter_pg_migrations[i];
		size_t n = strlen(m->name);
		if (m->version > base && n > 7 && !strcmp(m->name + n - 7, "-schema")) {
			base = m->version;
			whole = m;
		}
	}
	if (whole)
		scan_made(whole->sql, s, &k);
	for (int i = 0; i < beter_migrations_count; i++) {
		const struct migration *m = &beter_migrations[i];
		if (m->version <= base)
			continue;
		for (int j = 0; j < beter_pg_migrations_count; j++)
			if (beter_pg_migrations[j].version == m->version)
				m = &beter_pg_migrations[j];
		scan_made(m->sql, s, &k);
	}
}

int schema_load(struct store *db, struct schema *s, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, alloc = 0;

	memset(s, 0, sizeof(*s));
	if ((rc = store_prepare(db, store_on_pg(db) ? PG_TABLES
					 : "SELECT name FROM main.sqlite_master WHERE type = 'table' AND "
					   "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid", &st, err)))
		return rc;
	while (store_next(db, st, &rc, N_("reading the schema"), err)) {
		if (s->n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			s->t = xrealloc(s->t, (size_t)alloc * sizeof(*s->t));
		}
		memset(&s->t[s->n], 0, sizeof(s->t[s->n]));
		s->t[s->n++].name = xstrdup(store_col_text(st, 0));
	}
	store_finalize(st);
	if (!rc && store_on_pg(db))
		pg_made_order(s);
	if (rc) {
		schema_release(s);
		return rc;
	}
	for (int i = 0; i < s->n; i++)
		if ((rc = load_columns(db, &s->t[i], err))) {
			schema_release(s);
			return rc;
		}
	for (int i = 0; i < s->n; i++)
		if ((rc = load_links(db, s, i, err))) {
			schema_release(s);
			return rc;
		}
	sort_tables(s);
	return 0;
}

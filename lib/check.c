/* check.c - the store's integrity, links and invariants. */
#include "beter/check.h"

#include <stdlib.h>
#include <string.h>

#include "beter/schema.h"
#include "beter/store.h"
#include "beter/util.h"

/* beter's own invariants, one row per rule. SQL: (record, detail). */
const struct check_rule check_rules[] = {
	{ "school-exists", "school", "SELECT '-', NULL WHERE NOT EXISTS (SELECT 1 FROM school)",
	  "the store has no school (a store starts with 'beter init --school NAME')" },
	{ "school-name", "school", "SELECT uid, quote(name) FROM school WHERE length(trim(name)) = 0",
	  "a school needs a name" },
	{ "school-sector", "school",
	  "SELECT name, quote(sector) FROM school WHERE sector IS NOT NULL AND sector NOT IN ('po', 'vo', 'mbo', 'so')",
	  "unknown sector (po, vo, mbo or so)" },
	{ "school-brin", "school",
	  "SELECT name, quote(brin) FROM school WHERE brin IS NOT NULL AND "
	  "(length(brin) NOT IN (4, 6) OR brin GLOB '*[^0-9A-Z]*')",
	  "not a BRIN code (4 or 6 capitals or digits)" },
	{ "school-created", "school", "SELECT name, quote(created) FROM school WHERE date(created) IS NOT created",
	  "created is not a date (YYYY-MM-DD)" },
	{ "person-code", "person",
	  "SELECT 'number ' || id, quote(code) FROM person WHERE length(code) NOT BETWEEN 2 AND 8 "
	  "OR code GLOB '*[^0-9A-Z]*'",
	  "not a person code (2-8 capitals or digits)" },
	{ "person-code-unique", "person",
	  "SELECT upper(code), count(*) || ' people' FROM person GROUP BY school_id, upper(code) HAVING count(*) > 1",
	  "the code is used more than once in a school" },
	{ "person-name", "person", "SELECT code, NULL FROM person WHERE length(trim(name)) = 0 OR length(name) > 200",
	  "a name must be 1-200 bytes" },
	{ "person-role", "person",
	  "SELECT code, quote(role) FROM person WHERE role NOT IN "
	  "('leraar', 'schoolcoach', 'schoolleider', 'expertcoach', 'ib', 'mt', 'other')",
	  "unknown role" },
	{ "team-name", "team", "SELECT uid, NULL FROM team WHERE length(trim(name)) = 0", "a team needs a name" },
	{ "team-kind", "team",
	  "SELECT name, quote(kind) FROM team WHERE kind NOT IN ('leraren', 'leerkracht', 'mt', 'tiv')",
	  "unknown team kind (leraren, leerkracht, mt or tiv)" },
	{ "team-member-role", "team_member",
	  "SELECT t.name || ' / ' || p.code, quote(m.role) FROM team_member m JOIN team t ON t.id = m.team_id "
	  "JOIN person p ON p.id = m.person_id WHERE m.role NOT IN "
	  "('lid', 'leraar', 'schoolcoach', 'schoolleider', 'expertcoach', 'ib', 'mt', 'other')",
	  "unknown role in the team" },
	{ "team-member-school", "team_member",
	  "SELECT t.name || ' / ' || p.code, NULL FROM team_member m JOIN team t ON t.id = m.team_id "
	  "JOIN person p ON p.id = m.person_id WHERE t.school_id <> p.school_id",
	  "the person and the team are in different schools" },
	{ NULL, NULL, NULL, NULL }
};

struct runner {
	sqlite3 *db;
	check_report_fn *fn;
	void *arg;
	long problems;
};

static void report(struct runner *r, const char *check, const char *table, const char *record, const char *problem)
{
	r->problems++;
	r->fn(r->arg, check, table, record, problem);
}

/* Run one rule's SQL; a query that fails (a damaged store) is a problem too. */
static void run_sql(struct runner *r, const char *check, const char *table, const char *sql, const char *message)
{
	sqlite3_stmt *st;
	struct strbuf sb = STRBUF_INIT;
	int rc = sqlite3_prepare_v2(r->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			strbuf_reset(&sb);
			strbuf_adds(&sb, message);
			if (sqlite3_column_type(st, 1) != SQLITE_NULL)
				strbuf_addf(&sb, ": %s", store_col_text(st, 1));
			report(r, check, table, store_col_text(st, 0), strbuf_str(&sb));
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "cannot be checked: %s", sqlite3_errmsg(r->db));
		report(r, check, table, "-", strbuf_str(&sb));
	}
	strbuf_release(&sb);
}

/* How a row of t is named in a message: its uid, else its key columns. */
static char *record_expr(const struct schema_table *t)
{
	int *key = xcalloc((size_t)t->ncols + 1, sizeof(int));
	int n = schema_key(t, key);
	sqlite3_str *s = sqlite3_str_new(NULL);

	for (int i = 0; i < n; i++) {
		char *label = sqlite3_mprintf("%s%s", t->cols[key[i]].name, "=");
		sqlite3_str_appendf(s, "%s%Q || coalesce(c.\"%w\", 'null')", i ? " || ', ' || " : "",
				    n > 1 || t->uid < 0 ? label : "", t->cols[key[i]].name);
		sqlite3_free(label);
	}
	free(key);
	return sqlite3_str_finish(s);
}

static void generic_checks(struct runner *r, const struct schema *s)
{
	for (int i = 0; i < s->n; i++) {
		const struct schema_table *t = &s->t[i];
		char *rec = record_expr(t);
		char *sql;

		if (t->uid >= 0) {
			const char *rowid = t->rowid >= 0 ? t->cols[t->rowid].name : "rowid";
			sql = sqlite3_mprintf("SELECT 'number ' || c.\"%w\", quote(c.uid) FROM \"%w\" c WHERE c.uid IS NULL "
					      "OR typeof(c.uid) <> 'text' OR length(c.uid) <> 32 OR c.uid GLOB '*[^0-9a-f]*'",
					      rowid, t->name);
			run_sql(r, "uid", t->name, sql, "the uid is not 32 lowercase hex digits");
			sqlite3_free(sql);
			sql = sqlite3_mprintf("SELECT c.uid, count(*) || ' rows' FROM \"%w\" c GROUP BY c.uid HAVING count(*) > 1",
					      t->name);
			run_sql(r, "uid-unique", t->name, sql, "the uid is not unique");
			sqlite3_free(sql);
		}
		for (int c = 0; c < t->ncols; c++) {
			if (t->cols[c].ref < 0)
				continue;
			const struct schema_table *p = &s->t[t->cols[c].ref];
			char *msg = sqlite3_mprintf("'%s' refers to a %s that is not in the store", t->cols[c].name, p->name);
			sql = sqlite3_mprintf("SELECT %s, c.\"%w\" FROM \"%w\" c WHERE c.\"%w\" IS NOT NULL AND NOT EXISTS "
					      "(SELECT 1 FROM \"%w\" p WHERE p.\"%w\" = c.\"%w\")",
					      rec, t->cols[c].name, t->name, t->cols[c].name, p->name, p->cols[p->rowid].name,
					      t->cols[c].name);
			run_sql(r, "link", t->name, sql, msg);
			sqlite3_free(sql);
			sqlite3_free(msg);
		}
		sqlite3_free(rec);
	}
}

int check_run(sqlite3 *db, int flags, check_report_fn *fn, void *arg, long *problems, struct beter_err *err)
{
	struct runner r = { db, fn, arg, 0 };
	struct schema s;
	int rc;

	*problems = 0;
	if (flags & CHECK_INTEGRITY) {
		long before = r.problems, structural = 0;
		sqlite3_stmt *st;
		rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(100)", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				/* one problem per line, without SQLite's "*** in database main ***" */
				char *text = xstrdup(store_col_text(st, 0)), *save = NULL;
				for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
					if (!strcmp(l, "ok") || !strncmp(l, "*** in database", 15))
						continue;
					/* broken constraints are named record by record by the rules below */
					int content = !strncmp(l, "CHECK constraint failed", 23) || !strncmp(l, "NULL value in", 13) ||
						      !strncmp(l, "non-unique entry", 16);
					structural += !content;
					char *m = sqlite3_mprintf("%s%s", content ? "" : "damaged: ", l);
					report(&r, "integrity", "-", "-", m);
					sqlite3_free(m);
				}
				free(text);
			}
			sqlite3_finalize(st);
		}
		if (rc != SQLITE_DONE && r.problems == before) {
			char *m = sqlite3_mprintf("damaged: %s", sqlite3_errmsg(db));
			report(&r, "integrity", "-", "-", m);
			sqlite3_free(m);
			structural++;
		}
		if (structural) {
			/* the rest would only repeat the damage in other words */
			*problems = r.problems;
			return 0;
		}
	}
	if ((rc = schema_load(db, &s, err)))
		return rc;
	generic_checks(&r, &s);
	long links = r.problems;
	for (const struct check_rule *c = check_rules; c->name; c++)
		if (schema_find(&s, c->table) >= 0)
			run_sql(&r, c->name, c->table, c->sql, c->message);
	/* SQLite's own view of the links, for keys the generic checks do not cover */
	if (links == 0) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK) {
			while (sqlite3_step(st) == SQLITE_ROW) {
				char *rec = sqlite3_mprintf("row %s", sqlite3_column_type(st, 1) == SQLITE_NULL
									  ? "?" : store_col_text(st, 1));
				char *msg = sqlite3_mprintf("refers to a %s that is not in the store", store_col_text(st, 2));
				report(&r, "link", store_col_text(st, 0), rec, msg);
				sqlite3_free(rec);
				sqlite3_free(msg);
			}
			sqlite3_finalize(st);
		}
	}
	schema_release(&s);
	*problems = r.problems;
	return 0;
}

static const struct out_col check_cols[] = {
	{ "check", OUT_T_TEXT }, { "table", OUT_T_TEXT }, { "record", OUT_T_TEXT }, { "problem", OUT_T_TEXT },
};

/* A table shows nothing when the store is sound; JSON and CSV show an
 * empty list. */
static void begin(struct out *o, int *started)
{
	if (!*started)
		out_list(o, check_cols, sizeof(check_cols) / sizeof(*check_cols));
	*started = 1;
}

struct lazy {
	struct out *o;
	int started;
};

static void to_out(void *arg, const char *check, const char *table, const char *record, const char *problem)
{
	struct lazy *l = arg;
	struct out *o = l->o;

	begin(o, &l->started);
	out_text(o, check);
	out_text(o, table);
	out_text(o, record);
	out_text(o, problem);
	out_row_end(o);
}

int check_store(sqlite3 *db, struct out *o, long *problems, struct beter_err *err)
{
	int rc;

	struct lazy l = { o, 0 };

	if (o->fmt != OUT_TABLE)
		begin(o, &l.started);
	rc = check_run(db, CHECK_INTEGRITY, to_out, &l, problems, err);
	if (l.started)
		out_end(o);
	if (rc)
		return rc;
	if (*problems)
		return beter_err_set(err, BETER_FAIL, "%ld problem%s found", *problems, *problems == 1 ? "" : "s");
	return 0;
}

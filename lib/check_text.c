/* check_text.c - the check's rules on stored text: every text value is
 * valid UTF-8 and every JSON column holds valid JSON, so that what the store
 * holds can be printed, exported and reported. A store written behind
 * beter's back (the sqlite3 shell with its CHECK constraints ignored) can
 * hold either; the reports would then fail or print garbage. */
#include "beter/check_text.h"
#include "check_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "beter/phase.h"
#include "beter/store.h"
#include "beter/survey.h"
#include "beter/util.h"


/* The JSON columns beter writes, also when a store's schema was rewritten
 * without their CHECK constraints. */
static const char *const json_known[][2] = {
	{ "visit_framework", "doc" },
	{ "survey_instrument", "definition" },
	{ "phase_model", "definition" },
};

/* The JSON columns of a table: those above, and those its CREATE TABLE
 * checks with json_valid(col). Sets json[i] for each; returns how many.
 * When the CREATE TABLE cannot be read, only the known ones: the table's
 * own query then meets the same damage and reports it. */
static int json_columns(struct store *db, const struct schema_table *t, int *json)
{
	struct store_stmt *st;
	int n = 0;

	for (size_t k = 0; k < sizeof(json_known) / sizeof(*json_known); k++) {
		int c = strcmp(json_known[k][0], t->name) ? -1 : schema_col_find(t, json_known[k][1]);
		if (c >= 0 && !json[c]) {
			json[c] = 1;
			n++;
		}
	}

	/* PostgreSQL: the table's CHECKs as its catalogue writes them */
	if (store_prepare(db, store_on_pg(db) ? "SELECT string_agg(pg_get_constraintdef(oid), ' ') FROM pg_constraint "
						"WHERE conrelid = ('public.' || quote_ident(?1))::regclass AND contype = 'c'"
					      : "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1",
			  &st, NULL) != STORE_OK)
		return n;
	store_bind_text(st, 1, t->name);
	if (store_step(st) == STORE_ROW) {
		const char *sql = store_col_text(st, 0);
		for (const char *p = sql; p && (p = strstr(p, "json_valid(")) != NULL;) {
			p += strlen("json_valid(");
			while (*p == ' ' || *p == '"')
				p++;
			size_t len = 0;
			while (isalnum((unsigned char)p[len]) || p[len] == '_')
				len++;
			for (int c = 0; c < t->ncols; c++)
				if (!json[c] && strlen(t->cols[c].name) == len && !strncmp(t->cols[c].name, p, len)) {
					json[c] = 1;
					n++;
				}
		}
	}
	store_finalize(st);
	return n;
}

/* The query for one table: (record, column with bad text from 1 or 0,
 * JSON column with bad JSON from 1 or 0), one row per bad row. */
/* The query for one table: (record, column with bad text from 1 or 0,
 * JSON column with bad JSON from 1 or 0), one row per bad row. The tests
 * are written again in WHERE, where PostgreSQL cannot see the names of the
 * results (SQLite works them out for the rows it returns only). Text in
 * PostgreSQL is valid UTF-8 without NUL: there it looks at JSON only. */
static char *table_sql(struct store *db, const struct schema_table *t, const char *rec, const int *json, int njson)
{
	struct strbuf *bad = strbuf_new(), *badjson = strbuf_new();

	if (store_on_pg(db)) {
		strbuf_adds(bad, "0");
	} else {
		strbuf_adds(bad, "beter_bad_text(");
		for (int c = 0; c < t->ncols; c++)
			store_sqlf_add(bad, "%sc.\"%w\"", c ? ", " : "", t->cols[c].name);
		strbuf_adds(bad, ")");
	}
	if (njson) {
		strbuf_adds(badjson, "CASE");
		for (int c = 0; c < t->ncols; c++)
			if (json[c])
				store_sqlf_add(badjson, " WHEN NOT json_valid(c.\"%w\") THEN %d", t->cols[c].name, c + 1);
		strbuf_adds(badjson, " ELSE 0 END");
	} else {
		strbuf_adds(badjson, "0");
	}
	char *b = strbuf_finish(bad), *j = strbuf_finish(badjson);
	struct strbuf *s = strbuf_new();
	store_sqlf_add(s, "SELECT %s, %s, %s FROM main.\"%w\" c WHERE %s > 0 OR %s > 0", rec, b, j, t->name, b, j);
	if (t->rowid >= 0)
		store_sqlf_add(s, " ORDER BY c.\"%w\"", t->cols[t->rowid].name);
	free(b);
	free(j);
	return strbuf_finish(s);
}

long check_text_table(struct store *db, const struct schema_table *t, const char *rec, int people, check_report_fn *fn,
		      void *arg)
{
	int *json = xcalloc((size_t)t->ncols + 1, sizeof(int));
	int njson = json_columns(db, t, json);
	struct store_stmt *st;
	long problems = 0;
	int rc;

	if (!njson && store_on_pg(db)) {
		free(json);
		return 0; /* nothing to look at */
	}
	char *sql = table_sql(db, t, rec, json, njson);
	free(json);
	rc = store_prepare(db, sql, &st, NULL);
	free(sql);
	/* a damaged store is what the check looks for: a failed step is reported
	 * as a problem of the table, so the steps are checked here, not by
	 * store_next, which would end the whole check with an error */
	if (rc == STORE_OK) {
		while ((rc = store_step(st)) == STORE_ROW) {
			int bad = (int)store_col_int(st, 1), badjson = (int)store_col_int(st, 2);
			const char *record = store_col_text(st, 0);
			char *m = NULL;
			if (bad > 0 && bad <= t->ncols)
				m = store_sqlf(check_tr(people, N_("column '%s' is not valid UTF-8 text (write it again "
								   "with 'beter', or restore a backup)")),
					       t->cols[bad - 1].name);
			else if (badjson > 0 && badjson <= t->ncols)
				m = store_sqlf(check_tr(people, N_("column '%s' is not valid JSON (import the document "
								   "again, or restore a backup)")),
					       t->cols[badjson - 1].name);
			if (!m)
				continue;
			/* a record named by its text would carry the bad bytes along */
			fn(arg, bad ? "text" : "json", t->name, utf8_valid(record, strlen(record), NULL) ? record : "?", m);
			free(m);
			problems++;
		}
		store_finalize(st);
	}
	if (rc != STORE_DONE) {
		char *m = store_sqlf(check_tr(people, N_("cannot be checked: %s")), store_errmsg(db));
		fn(arg, "text", t->name, "-", m);
		free(m);
		problems++;
	}
	return problems;
}

/* ---- the documents: each parses as what it is ---- */

static int parse_instrument(const char *name, const char *text, size_t len, struct beter_err *err)
{
	struct survey_instrument in;
	int rc = survey_instrument_parse(name, text, len, &in, err);
	if (rc == 0)
		survey_instrument_release(&in);
	return rc;
}

static int parse_model(const char *name, const char *text, size_t len, struct beter_err *err)
{
	return phase_model_validate(text, len, name, err);
}

static const struct {
	const char *table, *column, *message; /* message: the column, then why */
	int (*parse)(const char *name, const char *text, size_t len, struct beter_err *err);
} documents[] = {
	{ "survey_instrument", "definition",
	  N_("column '%s' is not a survey instrument (%s); import it again, or restore a backup"), parse_instrument },
	{ "phase_model", "definition", N_("column '%s' is not a phase model (%s); import it again, or restore a backup"),
	  parse_model },
	/* visit_framework.doc: the rule visit-framework-doc (check.c) */
};

long check_documents(struct store *db, const struct schema *s, int people, check_report_fn *fn, void *arg)
{
	long problems = 0;

	for (size_t d = 0; d < sizeof(documents) / sizeof(*documents); d++) {
		int t = schema_find(s, documents[d].table);
		if (t < 0 || schema_col_find(&s->t[t], documents[d].column) < 0)
			continue;
		struct store_stmt *st;
		const struct schema_table *tt = &s->t[t];
		const char *rowid = tt->rowid >= 0 ? tt->cols[tt->rowid].name : "rowid";
		char *sql = store_sqlf("SELECT \"%w\", \"%w\" FROM main.\"%w\" WHERE json_valid(\"%w\") ORDER BY 1", rowid,
				       documents[d].column, documents[d].table, documents[d].column);
		int rc = store_prepare(db, sql, &st, NULL);
		free(sql);
		if (rc != STORE_OK)
			continue; /* the text rules above have said why */
		/* as in the text rules, a failed step is a problem found, not the end */
		while ((rc = store_step(st)) == STORE_ROW) {
			struct beter_err err = { 0 };
			const char *text = store_col_text(st, 1);
			if (documents[d].parse(documents[d].column, text, (size_t)store_col_bytes(st, 1), &err) == 0)
				continue;
			char *rec = store_sqlf("number %lld", (long long)store_col_int(st, 0));
			char *m = store_sqlf(check_tr(people, documents[d].message), documents[d].column, err.msg);
			fn(arg, "document", documents[d].table, rec, m);
			free(rec);
			free(m);
			problems++;
		}
		store_finalize(st);
		if (rc != STORE_DONE) {
			char *m = store_sqlf(check_tr(people, N_("cannot be checked: %s")), store_errmsg(db));
			fn(arg, "document", documents[d].table, "-", m);
			free(m);
			problems++;
		}
	}
	return problems;
}

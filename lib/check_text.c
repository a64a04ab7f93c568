/* check_text.c - the check's rules on stored text: every text value is
 * valid UTF-8 and every JSON column holds valid JSON, so that what the store
 * holds can be printed, exported and reported. A store written behind
 * beter's back (the sqlite3 shell with its CHECK constraints ignored) can
 * hold either; the reports would then fail or print garbage. */
#include "beter/check_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "beter/phase.h"
#include "beter/store.h"
#include "beter/survey.h"
#include "beter/util.h"

/* beter_bad_text(v1, v2, ...): the position (from 1) of the first argument
 * that is text and not valid UTF-8 (or holds a NUL byte), else 0. One call
 * per row reads every column once: the check is one pass over each table. */
static void fn_bad_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) != SQLITE_TEXT)
			continue;
		const char *s = (const char *)sqlite3_value_text(argv[i]);
		if (!utf8_valid(s, (size_t)sqlite3_value_bytes(argv[i]), NULL)) {
			sqlite3_result_int(ctx, i + 1);
			return;
		}
	}
	sqlite3_result_int(ctx, 0);
}

/* beter_blank(x): 1 when x is text of only white space (str_blank). */
static void fn_blank(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int(ctx, str_blank((const char *)sqlite3_value_text(argv[0])));
}

int check_text_register(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
	int rc = sqlite3_create_function_v2(db, "beter_bad_text", -1, flags, NULL, fn_bad_text, NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "beter_blank", 1, flags, NULL, fn_blank, NULL, NULL, NULL);
	return rc;
}

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
static int json_columns(sqlite3 *db, const struct schema_table *t, int *json)
{
	sqlite3_stmt *st;
	int n = 0;

	for (size_t k = 0; k < sizeof(json_known) / sizeof(*json_known); k++) {
		int c = strcmp(json_known[k][0], t->name) ? -1 : schema_col_find(t, json_known[k][1]);
		if (c >= 0 && !json[c]) {
			json[c] = 1;
			n++;
		}
	}

	if (sqlite3_prepare_v2(db, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *sql = store_col_text(st, 0);
		for (const char *p = sql; (p = strstr(p, "json_valid(")) != NULL;) {
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
	sqlite3_finalize(st);
	return n;
}

/* The query for one table: (record, column with bad text from 1 or 0,
 * JSON column with bad JSON from 1 or 0), one row per bad row. */
static char *table_sql(const struct schema_table *t, const char *rec, const int *json, int njson)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	int first = 1;

	sqlite3_str_appendf(s, "SELECT %s, beter_bad_text(", rec);
	for (int c = 0; c < t->ncols; c++) {
		sqlite3_str_appendf(s, "%sc.\"%w\"", first ? "" : ", ", t->cols[c].name);
		first = 0;
	}
	sqlite3_str_appendall(s, ") AS bad, ");
	if (njson) {
		sqlite3_str_appendall(s, "CASE");
		for (int c = 0; c < t->ncols; c++)
			if (json[c])
				sqlite3_str_appendf(s, " WHEN NOT json_valid(c.\"%w\") THEN %d", t->cols[c].name, c + 1);
		sqlite3_str_appendall(s, " ELSE 0 END");
	} else {
		sqlite3_str_appendall(s, "0");
	}
	sqlite3_str_appendf(s, " AS badjson FROM main.\"%w\" c WHERE bad > 0 OR badjson > 0", t->name);
	if (t->rowid >= 0)
		sqlite3_str_appendf(s, " ORDER BY c.\"%w\"", t->cols[t->rowid].name);
	return sqlite3_str_finish(s);
}

long check_text_table(sqlite3 *db, const struct schema_table *t, const char *rec, check_report_fn *fn, void *arg)
{
	int *json = xcalloc((size_t)t->ncols + 1, sizeof(int));
	int njson = json_columns(db, t, json);
	char *sql = table_sql(t, rec, json, njson);
	sqlite3_stmt *st;
	long problems = 0;
	int rc;

	free(json);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	sqlite3_free(sql);
	/* a damaged store is what the check looks for: a failed step is reported
	 * as a problem of the table, so the steps are checked here, not by
	 * store_next, which would end the whole check with an error */
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int bad = sqlite3_column_int(st, 1), badjson = sqlite3_column_int(st, 2);
			const char *record = store_col_text(st, 0);
			char *m = NULL;
			if (bad > 0 && bad <= t->ncols)
				m = sqlite3_mprintf("column '%s' is not valid UTF-8 text (write it again with 'beter', "
						    "or restore a backup)", t->cols[bad - 1].name);
			else if (badjson > 0 && badjson <= t->ncols)
				m = sqlite3_mprintf("column '%s' is not valid JSON (import the document again, "
						    "or restore a backup)", t->cols[badjson - 1].name);
			if (!m)
				continue;
			/* a record named by its text would carry the bad bytes along */
			fn(arg, bad ? "text" : "json", t->name, utf8_valid(record, strlen(record), NULL) ? record : "?", m);
			sqlite3_free(m);
			problems++;
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		char *m = sqlite3_mprintf("cannot be checked: %s", sqlite3_errmsg(db));
		fn(arg, "text", t->name, "-", m);
		sqlite3_free(m);
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
	const char *table, *column, *what;
	int (*parse)(const char *name, const char *text, size_t len, struct beter_err *err);
} documents[] = {
	{ "survey_instrument", "definition", "a survey instrument", parse_instrument },
	{ "phase_model", "definition", "a phase model", parse_model },
	/* visit_framework.doc: the rule visit-framework-doc (check.c) */
};

long check_documents(sqlite3 *db, const struct schema *s, check_report_fn *fn, void *arg)
{
	long problems = 0;

	for (size_t d = 0; d < sizeof(documents) / sizeof(*documents); d++) {
		int t = schema_find(s, documents[d].table);
		if (t < 0 || schema_col_find(&s->t[t], documents[d].column) < 0)
			continue;
		sqlite3_stmt *st;
		char *sql = sqlite3_mprintf("SELECT rowid, \"%w\" FROM main.\"%w\" WHERE json_valid(\"%w\") ORDER BY rowid",
					    documents[d].column, documents[d].table, documents[d].column);
		int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
		sqlite3_free(sql);
		if (rc != SQLITE_OK)
			continue; /* the text rules above have said why */
		/* as in the text rules, a failed step is a problem found, not the end */
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct beter_err err = { 0 };
			const char *text = store_col_text(st, 1);
			if (documents[d].parse(documents[d].column, text, (size_t)sqlite3_column_bytes(st, 1), &err) == 0)
				continue;
			char *rec = sqlite3_mprintf("number %lld", (long long)sqlite3_column_int64(st, 0));
			char *m = sqlite3_mprintf("column '%s' is not %s (%s); import it again, or restore a backup",
						  documents[d].column, documents[d].what, err.msg);
			fn(arg, "document", documents[d].table, rec, m);
			sqlite3_free(rec);
			sqlite3_free(m);
			problems++;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			char *m = sqlite3_mprintf("cannot be checked: %s", sqlite3_errmsg(db));
			fn(arg, "document", documents[d].table, "-", m);
			sqlite3_free(m);
			problems++;
		}
	}
	return problems;
}

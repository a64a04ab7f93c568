/* exchange_export.c - the store, or one school's part of it, as a JSON
 * document of every table the schema declares. */
#include "beter/exchange.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/schema.h"
#include "beter/store.h"
#include "beter/util.h"

/* The condition that keeps a table's rows to one school (bound as ?1), or
 * NULL for tables that belong to no school. */
static char **school_scopes(const struct schema *s)
{
	char **cond = xcalloc((size_t)s->n + 1, sizeof(char *));
	int sc = schema_find(s, "school"), changed = 1;

	if (sc < 0 || s->t[sc].rowid < 0)
		return cond;
	cond[sc] = sqlite3_mprintf("t.\"%w\" = ?1", s->t[sc].cols[s->t[sc].rowid].name);
	while (changed) {
		changed = 0;
		for (int i = 0; i < s->n; i++) {
			const struct schema_table *t = &s->t[i];
			sqlite3_str *q;
			int any = 0;
			if (cond[i])
				continue;
			q = sqlite3_str_new(NULL);
			for (int c = 0; c < t->ncols; c++) {
				int r = t->cols[c].ref;
				if (r < 0 || r == i || !cond[r])
					continue;
				sqlite3_str_appendf(q, "%st.\"%w\" IN (SELECT t.\"%w\" FROM \"%w\" t WHERE %s)", any ? " OR " : "",
						    t->cols[c].name, s->t[r].cols[s->t[r].rowid].name, s->t[r].name, cond[r]);
				any = 1;
			}
			char *sql = sqlite3_str_finish(q);
			if (any) {
				cond[i] = sqlite3_mprintf("(%s)", sql);
				changed = 1;
			}
			sqlite3_free(sql);
		}
	}
	return cond;
}

static char *select_sql(const struct schema *s, const struct schema_table *t, const char *cond)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	int *key = xcalloc((size_t)t->ncols + 1, sizeof(int));
	int nkey = schema_key(t, key);

	sqlite3_str_appendall(q, "SELECT ");
	for (int c = 0; c < t->ncols; c++) {
		const struct schema_col *col = &t->cols[c];
		if (c)
			sqlite3_str_appendall(q, ", ");
		if (col->ref >= 0) {
			const struct schema_table *p = &s->t[col->ref];
			sqlite3_str_appendf(q, "(SELECT p.uid FROM \"%w\" p WHERE p.\"%w\" = t.\"%w\")", p->name,
					    p->cols[p->rowid].name, col->name);
		} else {
			sqlite3_str_appendf(q, "t.\"%w\"", col->name);
		}
	}
	sqlite3_str_appendf(q, " FROM \"%w\" t", t->name);
	if (cond)
		sqlite3_str_appendf(q, " WHERE %s", cond);
	sqlite3_str_appendall(q, " ORDER BY ");
	for (int i = 0; i < nkey; i++)
		sqlite3_str_appendf(q, "%s%d", i ? ", " : "", key[i] + 1);
	free(key);
	return sqlite3_str_finish(q);
}

static void write_value(FILE *fp, sqlite3_stmt *st, int i)
{
	char buf[64];

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		fprintf(fp, "%lld", (long long)sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT: {
		double v = sqlite3_column_double(st, i);
		if (!isfinite(v)) {
			fputs("null", fp);
			break;
		}
		out_format_real(buf, sizeof(buf), v);
		fputs(buf, fp);
		break;
	}
	case SQLITE_TEXT:
		out_json_string(fp, (const char *)sqlite3_column_text(st, i));
		break;
	case SQLITE_BLOB: {
		size_t n = (size_t)sqlite3_column_bytes(st, i);
		size_t m = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
		char *b64 = xmalloc(m);
		const void *data = sqlite3_column_blob(st, i);
		sodium_bin2base64(b64, m, data ? data : (const void *)"", n, sodium_base64_VARIANT_ORIGINAL);
		out_json_string(fp, b64);
		free(b64);
		break;
	}
	default:
		fputs("null", fp);
	}
}

int exchange_export(sqlite3 *db, int64_t school, struct out *o, struct beter_err *err)
{
	FILE *fp = o->fp;
	struct schema s;
	char **cond = NULL;
	char school_uid[64] = "";
	int rc = 0;

	if ((rc = schema_load(db, &s, err)))
		return rc;
	if (school) {
		sqlite3_stmt *st;
		cond = school_scopes(&s);
		if ((rc = store_prepare(db, "SELECT uid FROM school WHERE id = ?1", &st, err)))
			goto done;
		sqlite3_bind_int64(st, 1, school);
		if (store_next(db, st, &rc, "reading the school", err))
			snprintf(school_uid, sizeof(school_uid), "%s", store_col_text(st, 0));
		sqlite3_finalize(st);
		if (rc)
			goto done;
	}
	/* one read transaction: every table from the same moment */
	if ((rc = store_exec(db, "BEGIN", err)))
		goto done;
	fprintf(fp, "{\n  \"format\": \"%s\",\n  \"format_version\": %d,\n  \"schema_version\": %lld,\n  \"school\": ",
		EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION, (long long)store_int(db, "PRAGMA user_version", 0));
	if (school)
		out_json_string(fp, school_uid);
	else
		fputs("null", fp);
	fputs(",\n  \"tables\": {", fp);
	for (int i = 0; i < s.n && !rc; i++) {
		const struct schema_table *t = &s.t[i];
		char *sql = select_sql(&s, t, cond ? cond[i] : NULL);
		sqlite3_stmt *st;
		long rows = 0;

		rc = store_prepare(db, sql, &st, err);
		sqlite3_free(sql);
		if (rc)
			break;
		if (cond && cond[i])
			sqlite3_bind_int64(st, 1, school);
		fputs(i ? ",\n    " : "\n    ", fp);
		out_json_string(fp, t->name);
		fputs(": [", fp);
		while (store_next(db, st, &rc, "exporting the store", err)) {
			fputs(rows++ ? ",\n      {" : "\n      {", fp);
			for (int c = 0; c < t->ncols; c++) {
				if (c)
					fputs(", ", fp);
				out_json_string(fp, t->cols[c].name);
				fputs(": ", fp);
				write_value(fp, st, c);
			}
			putc('}', fp);
		}
		sqlite3_finalize(st);
		if (rc)
			break;
		fputs(rows ? "\n    ]" : "]", fp);
	}
	if (!rc)
		fputs("\n  }\n}\n", fp);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
done:
	if (cond) {
		for (int i = 0; i < s.n; i++)
			sqlite3_free(cond[i]);
		free(cond);
	}
	schema_release(&s);
	return rc;
}

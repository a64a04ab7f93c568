/* exchange.c - export the store as JSON and merge such a document back,
 * for every table the schema declares. */
#include "beter/exchange.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/check.h"
#include "beter/csvin.h"
#include "beter/jsonin.h"
#include "beter/schema.h"
#include "beter/store.h"
#include "beter/util.h"

#define TEXT_MAX CSVIN_FIELD_MAX

/* ---- export ---- */

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
		if (!store_prepare(db, "SELECT uid FROM school WHERE id = ?1", &st, NULL)) {
			sqlite3_bind_int64(st, 1, school);
			if (sqlite3_step(st) == SQLITE_ROW)
				snprintf(school_uid, sizeof(school_uid), "%s", store_col_text(st, 0));
			sqlite3_finalize(st);
		}
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
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
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
		if (step != SQLITE_DONE) {
			rc = store_fail(db, step, err, "exporting the store");
			break;
		}
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

/* ---- import ---- */

struct cache {
	uint64_t mask;
	int keep_id;
	sqlite3_stmt *upd, *sel, *ins;
};

/* A row that links to a row not imported yet. */
struct later {
	int ti;
	long n;
	cJSON *row;
};

struct imp {
	sqlite3 *db;
	const char *name;
	struct schema s;
	struct beter_err *err;
	struct exchange_stats *st;
	sqlite3_stmt **find;    /* per table with a uid: SELECT its number by uid */
	sqlite3_stmt **scratch; /* per table: SELECT ?1, ?2, ...: a row's values, converted */
	int *fresh;             /* per table: empty and never used, so record numbers are kept */
	int *given;             /* per table: in the document already */
	struct cache *cache;    /* per table */
	sqlite3_stmt *seen;     /* duplicate rows in the file */
	struct later *later;    /* rows waiting for the rows they link to */
	size_t nlater, alater;
};

enum { ROW_DONE = 0, ROW_LATER = -1 };

static int row_error(struct imp *im, int ti, const char *label, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int row_error(struct imp *im, int ti, const char *label, const char *field, const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (field)
		return beter_err_set(im->err, BETER_DATAERR, "%s: table '%s', row '%s': field '%s': %s", im->name,
				     im->s.t[ti].name, label, field, what);
	return beter_err_set(im->err, BETER_DATAERR, "%s: table '%s', row '%s': %s", im->name, im->s.t[ti].name, label,
			     what);
}

/* A value from the file as the message shows it: text as it is, the rest as JSON. */
static void show_value(struct strbuf *sb, const cJSON *v)
{
	if (!v) {
		strbuf_adds(sb, "null");
		return;
	}
	if (cJSON_IsString(v)) {
		strbuf_addf(sb, "'%.80s'", v->valuestring);
		return;
	}
	char *j = cJSON_PrintUnformatted(v);
	strbuf_addf(sb, "%.80s", j ? j : "?");
	cJSON_free(j);
}

static int is_word(int ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

/* The first column of the table named as a whole word in text, -1 if none. */
static int col_in(const struct schema_table *t, const char *text)
{
	int best = -1;
	const char *at = NULL;
	for (int c = 0; c < t->ncols; c++) {
		size_t n = strlen(t->cols[c].name);
		for (const char *p = strstr(text, t->cols[c].name); p; p = strstr(p + 1, t->cols[c].name))
			if ((p == text || (!is_word(p[-1]) && p[-1] != '\'')) && !is_word(p[n]) && (!at || p < at)) {
				at = p;
				best = c;
				break;
			}
	}
	return best;
}

/* A failed constraint in the words of the row: the field, its value and what
 * to do; for a clash also the record already in the store. */
static int constraint_error(struct imp *im, int ti, const char *label, const cJSON *const *vals,
			    const sqlite3_value *const *bound)
{
	const struct schema_table *t = &im->s.t[ti];
	const char *msg = sqlite3_errmsg(im->db);
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (!strncmp(msg, "CHECK constraint failed: ", 25)) {
		const char *expr = msg + 25;
		int c = col_in(t, expr);
		if (c < 0)
			return row_error(im, ti, label, NULL, "a value is not allowed (CHECK %s)", expr);
		show_value(&sb, vals[c]);
		rc = row_error(im, ti, label, t->cols[c].name, "value %s is not allowed (CHECK %s)", strbuf_str(&sb), expr);
		strbuf_release(&sb);
		return rc;
	}
	if (!strncmp(msg, "NOT NULL constraint failed: ", 28)) {
		const char *dot = strchr(msg + 28, '.');
		return row_error(im, ti, label, dot ? dot + 1 : msg + 28, "a value is required here, not null");
	}
	if (strncmp(msg, "UNIQUE constraint failed: ", 26))
		return row_error(im, ti, label, NULL, "%s", msg);

	/* "UNIQUE constraint failed: t.a, t.b" */
	int cols[64], n = 0;
	for (const char *p = msg + 26; *p && n < 64;) {
		const char *dot = strchr(p, '.'), *end = strstr(p, ", ");
		if (!dot)
			break;
		if (!end)
			end = p + strlen(p);
		char name[128];
		snprintf(name, sizeof(name), "%.*s", (int)(end - dot - 1), dot + 1);
		int c = schema_col_find(t, name);
		if (c < 0)
			break;
		cols[n++] = c;
		p = *end ? end + 2 : end;
	}
	if (!n)
		return row_error(im, ti, label, NULL, "%s", msg);
	for (int k = 0; k < n; k++)
		strbuf_addf(&sb, "%s'%s'", k ? ", " : "", t->cols[cols[k]].name);
	strbuf_adds(&sb, n > 1 ? ": values " : ": value ");
	for (int k = 0; k < n; k++) {
		if (k)
			strbuf_adds(&sb, ", ");
		show_value(&sb, vals[cols[k]]);
	}
	/* the record in the store that has them */
	char other[64] = "";
	if (t->uid >= 0) {
		sqlite3_str *q = sqlite3_str_new(NULL);
		sqlite3_stmt *st;
		sqlite3_str_appendf(q, "SELECT \"%w\" FROM \"%w\" WHERE ", t->cols[t->uid].name, t->name);
		for (int k = 0; k < n; k++)
			sqlite3_str_appendf(q, "%s\"%w\" IS ?%d", k ? " AND " : "", t->cols[cols[k]].name, k + 1);
		char *sql = sqlite3_str_finish(q);
		if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) == SQLITE_OK) {
			for (int k = 0; k < n; k++)
				if (bound[cols[k]])
					sqlite3_bind_value(st, k + 1, bound[cols[k]]);
			if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
				snprintf(other, sizeof(other), "%s", (const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
		sqlite3_free(sql);
	}
	if (*other)
		strbuf_addf(&sb, " already belong%s to the record '%s' in the store", n > 1 ? "" : "s", other);
	else
		strbuf_addf(&sb, " already belong%s to another record", n > 1 ? "" : "s");
	strbuf_addf(&sb, " (the same %s created in two stores?); change %s in the file, or merge the two records by "
		    "hand and export again", t->name, n > 1 ? "one of them" : "it");
	rc = beter_err_set(im->err, BETER_DATAERR, "%s: table '%s', row '%s': field%s %s", im->name, t->name, label,
			   n > 1 ? "s" : "", strbuf_str(&sb));
	strbuf_release(&sb);
	return rc;
}

static void cache_clear(struct cache *c)
{
	sqlite3_finalize(c->upd);
	sqlite3_finalize(c->sel);
	sqlite3_finalize(c->ins);
	memset(c, 0, sizeof(*c));
}

/* Build the statements for rows that give the columns in mask. Parameters
 * are numbered by column (?1 is the first column). */
static int prepare_row(struct imp *im, int ti, const cJSON **vals, uint64_t mask, int keep_id)
{
	const struct schema_table *t = &im->s.t[ti];
	struct cache *c = &im->cache[ti];
	int key[256], nkey = schema_key(t, key), nset = 0, rc = 0;

	if (c->upd && c->mask == mask && c->keep_id == keep_id && t->ncols <= 64)
		return 0;
	sqlite3_str *upd = sqlite3_str_new(NULL), *same = sqlite3_str_new(NULL), *ins = sqlite3_str_new(NULL),
		    *insv = sqlite3_str_new(NULL), *where = sqlite3_str_new(NULL);
	cache_clear(c);
	for (int i = 0; i < nkey; i++)
		sqlite3_str_appendf(where, "%s\"%w\" IS ?%d", i ? " AND " : "", t->cols[key[i]].name, key[i] + 1);
	for (int i = 0; i < t->ncols; i++) {
		int is_key = 0;
		if (!vals[i])
			continue;
		for (int k = 0; k < nkey; k++)
			is_key |= key[k] == i;
		if (!(i == t->rowid && !keep_id)) {
			int n = sqlite3_str_length(insv);
			sqlite3_str_appendf(ins, "%s\"%w\"", n ? ", " : "", t->cols[i].name);
			sqlite3_str_appendf(insv, "%s?%d", n ? ", " : "", i + 1);
		}
		if (is_key || i == t->rowid)
			continue;
		sqlite3_str_appendf(upd, "%s\"%w\" = ?%d", nset ? ", " : "", t->cols[i].name, i + 1);
		sqlite3_str_appendf(same, "%s\"%w\" IS ?%d COLLATE BINARY", nset ? " AND " : "", t->cols[i].name, i + 1);
		nset++;
	}
	char *w = sqlite3_str_finish(where), *u = sqlite3_str_finish(upd), *sm = sqlite3_str_finish(same);
	char *in = sqlite3_str_finish(ins), *iv = sqlite3_str_finish(insv);
	char *q = nset ? sqlite3_mprintf("UPDATE \"%w\" SET %s WHERE %s AND NOT (%s)", t->name, u, w, sm)
		       : sqlite3_mprintf("SELECT 0 WHERE 0");
	rc = store_prepare(im->db, q, &c->upd, im->err);
	sqlite3_free(q);
	if (!rc) {
		q = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE %s", t->name, w);
		rc = store_prepare(im->db, q, &c->sel, im->err);
		sqlite3_free(q);
	}
	if (!rc) {
		q = sqlite3_mprintf("INSERT INTO \"%w\" (%s) VALUES (%s)", t->name, in, iv);
		rc = store_prepare(im->db, q, &c->ins, im->err);
		sqlite3_free(q);
	}
	sqlite3_free(w);
	sqlite3_free(u);
	sqlite3_free(sm);
	sqlite3_free(in);
	sqlite3_free(iv);
	c->mask = t->ncols <= 64 ? mask : 0;
	c->keep_id = keep_id;
	if (rc)
		cache_clear(c);
	return rc;
}

static void bind_all(sqlite3_stmt *st, const sqlite3_value **bound, int n)
{
	int np = sqlite3_bind_parameter_count(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (int i = 0; i < n && i < np; i++)
		if (bound[i])
			sqlite3_bind_value(st, i + 1, bound[i]);
}

/* Turn one JSON value into the SQL value for column c (in a one-row
 * scratch statement's result), or report what is wrong with it. */
static int convert(struct imp *im, int ti, const char *label, int c, const cJSON *v, sqlite3_stmt *scratch, int *later)
{
	const struct schema_table *t = &im->s.t[ti];
	const struct schema_col *col = &t->cols[c];
	int slot = c + 1;

	if (cJSON_IsNull(v)) {
		if (col->notnull || col->rowid)
			return row_error(im, ti, label, col->name, "null is not allowed here");
		sqlite3_bind_null(scratch, slot);
		return 0;
	}
	if (col->ref >= 0) {
		const struct schema_table *p = &im->s.t[col->ref];
		if (!cJSON_IsString(v) || !uid_valid(v->valuestring))
			return row_error(im, ti, label, col->name, "expected the uid of a %s (32 hex digits)", p->name);
		sqlite3_stmt *f = im->find[col->ref];
		sqlite3_reset(f);
		sqlite3_bind_text(f, 1, v->valuestring, -1, SQLITE_STATIC);
		int rc = sqlite3_step(f);
		if (rc == SQLITE_ROW) {
			sqlite3_bind_int64(scratch, slot, sqlite3_column_int64(f, 0));
			sqlite3_reset(f);
			return 0;
		}
		sqlite3_reset(f);
		if (rc != SQLITE_DONE)
			return store_fail(im->db, rc, im->err, "importing");
		if (later) {
			*later = 1;
			return 0;
		}
		return row_error(im, ti, label, col->name, "no %s with uid '%s' in the file or the store", p->name,
				 v->valuestring);
	}
	if (col->rowid) {
		if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < 1 ||
		    v->valuedouble > 9007199254740992.0)
			return row_error(im, ti, label, col->name, "expected a record number (a whole number from 1)");
		sqlite3_bind_int64(scratch, slot, (sqlite3_int64)v->valuedouble);
		return 0;
	}
	switch (col->aff) {
	case AFF_TEXT:
		if (!cJSON_IsString(v))
			return row_error(im, ti, label, col->name, "expected a string");
		break;
	case AFF_BLOB:
		if (!cJSON_IsString(v))
			return row_error(im, ti, label, col->name, "expected base64 text");
		{
			size_t n = strlen(v->valuestring), got = 0;
			unsigned char *bin = xmalloc(n + 1);
			if (sodium_base642bin(bin, n + 1, v->valuestring, n, NULL, &got, NULL,
					      sodium_base64_VARIANT_ORIGINAL) != 0) {
				free(bin);
				return row_error(im, ti, label, col->name, "not valid base64");
			}
			sqlite3_bind_blob(scratch, slot, bin, (int)got, free);
		}
		return 0;
	case AFF_INT:
	case AFF_REAL:
	case AFF_NUMERIC:
		if (cJSON_IsBool(v)) {
			if (col->aff == AFF_REAL)
				return row_error(im, ti, label, col->name, "expected a number");
			sqlite3_bind_int64(scratch, slot, cJSON_IsTrue(v));
			return 0;
		}
		if (!cJSON_IsNumber(v))
			return row_error(im, ti, label, col->name, "expected a number");
		if (col->aff == AFF_INT && (v->valuedouble != floor(v->valuedouble) || fabs(v->valuedouble) > 9007199254740992.0))
			return row_error(im, ti, label, col->name, "expected a whole number");
		break;
	default:
		break;
	}
	if (cJSON_IsString(v)) {
		size_t n = strlen(v->valuestring);
		if (n > TEXT_MAX)
			return row_error(im, ti, label, col->name, "longer than %d bytes", TEXT_MAX);
		if (!utf8_valid(v->valuestring, n, NULL))
			return row_error(im, ti, label, col->name, "not valid UTF-8");
		sqlite3_bind_text(scratch, slot, v->valuestring, (int)n, SQLITE_STATIC);
	} else if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;
		if (col->aff != AFF_REAL && d == floor(d) && fabs(d) <= 9007199254740992.0)
			sqlite3_bind_int64(scratch, slot, (sqlite3_int64)d);
		else
			sqlite3_bind_double(scratch, slot, d);
	} else if (cJSON_IsBool(v)) {
		sqlite3_bind_int64(scratch, slot, cJSON_IsTrue(v));
	} else {
		return row_error(im, ti, label, col->name, "expected a %s, not an %s", col->aff == AFF_TEXT ? "string" : "value",
				 cJSON_IsArray(v) ? "array" : "object");
	}
	return 0;
}

/* Apply one row. Returns 0, ROW_LATER when it links to a row of its own
 * table not yet imported, or an error status. */
static int apply_row(struct imp *im, int ti, const cJSON *row, long n, int may_wait)
{
	const struct schema_table *t = &im->s.t[ti];
	struct exchange_count *cnt = &im->st->t[ti];
	const cJSON *vals[256] = { 0 };
	char label[64];
	uint64_t mask = 0;
	int key[256], nkey, rc = 0, later = 0;

	if (t->ncols > 256)
		return beter_err_set(im->err, BETER_IOERR, "table '%s' has too many columns", t->name);
	snprintf(label, sizeof(label), "#%ld", n);
	if (t->uid >= 0) {
		const cJSON *u = cJSON_GetObjectItemCaseSensitive(row, "uid");
		if (cJSON_IsString(u) && uid_valid(u->valuestring))
			snprintf(label, sizeof(label), "%s", u->valuestring);
	}
	if (!cJSON_IsObject(row))
		return row_error(im, ti, label, NULL, "expected an object");
	for (const cJSON *f = row->child; f; f = f->next) {
		int c = schema_col_find(t, f->string);
		if (c < 0)
			return row_error(im, ti, label, f->string, "unknown field (the table's columns are in "
						     "'beter export')");
		if (vals[c])
			return row_error(im, ti, label, f->string, "given twice");
		vals[c] = f;
		if (c < 64)
			mask |= (uint64_t)1 << c;
	}
	nkey = schema_key(t, key);
	for (int k = 0; k < nkey; k++)
		if (!vals[key[k]])
			return row_error(im, ti, label, t->cols[key[k]].name, "missing");
	if (t->uid >= 0 && !(cJSON_IsString(vals[t->uid]) && uid_valid(vals[t->uid]->valuestring)))
		return row_error(im, ti, label, "uid", "expected 32 lowercase hex digits");

	/* the values, converted and checked, bound to the table's scratch statement */
	if (!im->scratch[ti]) {
		sqlite3_str *q = sqlite3_str_new(NULL);
		sqlite3_str_appendall(q, "SELECT ");
		for (int c = 0; c < t->ncols; c++)
			sqlite3_str_appendf(q, "%s?%d", c ? ", " : "", c + 1);
		char *sql = sqlite3_str_finish(q);
		rc = store_prepare(im->db, sql, &im->scratch[ti], im->err);
		sqlite3_free(sql);
		if (rc)
			return rc;
	}
	sqlite3_stmt *scratch = im->scratch[ti];
	sqlite3_reset(scratch);
	sqlite3_clear_bindings(scratch);
	for (int c = 0; c < t->ncols && !rc; c++)
		if (vals[c])
			rc = convert(im, ti, label, c, vals[c], scratch, may_wait && t->cols[c].ref >= 0 ? &later : NULL);
	if (rc || later)
		return rc ? rc : ROW_LATER;
	if (sqlite3_step(scratch) != SQLITE_ROW)
		return store_fail(im->db, sqlite3_errcode(im->db), im->err, "importing");
	const sqlite3_value *bound[256] = { 0 };
	for (int c = 0; c < t->ncols; c++)
		if (vals[c])
			bound[c] = sqlite3_column_value(scratch, c);

	/* a row twice in the file is a mistake, not an update */
	{
		struct strbuf kb = STRBUF_INIT;
		for (int k = 0; k < nkey; k++)
			strbuf_addf(&kb, "%s%s", k ? "\x1f" : "", (const char *)sqlite3_column_text(scratch, key[k]) ?
							     (const char *)sqlite3_column_text(scratch, key[k]) : "");
		sqlite3_reset(im->seen);
		sqlite3_bind_text(im->seen, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(im->seen, 2, strbuf_str(&kb), -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(im->seen);
		sqlite3_reset(im->seen);
		strbuf_release(&kb);
		if (rc != SQLITE_DONE)
			return row_error(im, ti, label, NULL, "the same row is in the file twice");
	}

	int keep_id = im->fresh[ti] && t->rowid >= 0 && vals[t->rowid];
	if ((rc = prepare_row(im, ti, vals, mask, keep_id)))
		return rc;
	struct cache *c = &im->cache[ti];
	if (im->fresh[ti]) {
		/* the table was empty: a row can only be new */
		bind_all(c->ins, bound, t->ncols);
		if ((rc = sqlite3_step(c->ins)) == SQLITE_DONE)
			cnt->added++;
	} else if (bind_all(c->upd, bound, t->ncols), (rc = sqlite3_step(c->upd)) == SQLITE_DONE &&
		   sqlite3_changes(im->db) > 0 && sqlite3_stmt_readonly(c->upd) == 0) {
		cnt->changed++;
	} else if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		bind_all(c->sel, bound, t->ncols);
		rc = sqlite3_step(c->sel);
		if (rc == SQLITE_DONE) {
			bind_all(c->ins, bound, t->ncols);
			rc = sqlite3_step(c->ins);
			if (rc == SQLITE_DONE)
				cnt->added++;
		} else if (rc == SQLITE_ROW) {
			rc = SQLITE_DONE;
		}
	}
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			constraint_error(im, ti, label, vals, bound);
		else
			store_fail(im->db, rc, im->err, "importing");
	}
	sqlite3_reset(c->upd);
	sqlite3_reset(c->sel);
	sqlite3_reset(c->ins);
	sqlite3_reset(scratch);
	if (rc != SQLITE_DONE)
		return im->err->status;
	cnt->rows++;
	return 0;
}

static int check_header(const char *name, const cJSON *doc, struct beter_err *err);

static int not_document(struct imp *im)
{
	return beter_err_set(im->err, BETER_DATAERR, "%s: expected a JSON object (a document from 'beter export')",
			     im->name);
}

/* Apply a row read from the file; the row is the importer's from here on.
 * A row that links to one not imported yet waits in im->later. */
static int import_row(struct imp *im, int ti, cJSON *row, long n)
{
	int rc = apply_row(im, ti, row, n, 1);

	if (rc == ROW_LATER) {
		if (im->nlater == im->alater) {
			im->alater = im->alater ? 2 * im->alater : 64;
			im->later = xrealloc(im->later, im->alater * sizeof(*im->later));
		}
		im->later[im->nlater++] = (struct later){ ti, n, row };
		return 0;
	}
	cJSON_Delete(row);
	return rc;
}

/* The rows that waited: as often as one gets in, then the first that cannot
 * says why. */
static int import_later(struct imp *im)
{
	int progress = 1, rc = 0;

	while (progress && im->nlater && !rc) {
		size_t k = 0;
		progress = 0;
		for (size_t i = 0; i < im->nlater; i++) {
			struct later l = im->later[i];
			if (!rc) {
				rc = apply_row(im, l.ti, l.row, l.n, 1);
				if (rc == ROW_LATER) {
					rc = 0;
				} else {
					cJSON_Delete(l.row);
					progress = 1;
					continue;
				}
			}
			im->later[k++] = l;
		}
		im->nlater = k;
	}
	for (size_t i = 0; i < im->nlater && !rc; i++)
		rc = apply_row(im, im->later[i].ti, im->later[i].row, im->later[i].n, 0);
	return rc;
}

static int unknown_table(struct imp *im, const char *table)
{
	struct strbuf names = STRBUF_INIT;
	int rc;

	for (int i = 0; i < im->s.n; i++)
		strbuf_addf(&names, "%s%s", i ? ", " : "", im->s.t[i].name);
	rc = beter_err_set(im->err, BETER_DATAERR, "%s: unknown table '%s' (this beter's tables: %s)", im->name, table,
			   strbuf_str(&names));
	strbuf_release(&names);
	return rc;
}

/* The table a name in "tables" stands for, or -1 with the error set. */
/* The table named name; r, when the name was read from it, names the place
 * of a table given twice. */
static int table_of(struct imp *im, const char *name, struct jsonrd *r)
{
	int ti = schema_find(&im->s, name);

	if (ti < 0) {
		unknown_table(im, name);
		return -1;
	}
	if (im->given[ti]++) {
		if (r)
			jsonrd_dup_key(r);
		else
			beter_err_set(im->err, BETER_DATAERR, "%s: table '%s' is in the document twice", im->name, name);
		return -1;
	}
	return ti;
}

static int not_rows(struct imp *im, int ti)
{
	return beter_err_set(im->err, BETER_DATAERR, "%s: table '%s': expected an array of rows", im->name, im->s.t[ti].name);
}

static int not_tables(struct imp *im)
{
	return beter_err_set(im->err, BETER_DATAERR, "%s: field 'tables': expected an object of tables", im->name);
}

/* "tables" held in memory (when it came before the header). */
static int import_tables_json(struct imp *im, cJSON *tables)
{
	if (!cJSON_IsObject(tables))
		return not_tables(im);
	for (cJSON *t = tables->child; t; t = t->next) {
		int ti = table_of(im, t->string, NULL), rc = 0;
		long n = 0;
		if (ti < 0)
			return im->err->status;
		if (!cJSON_IsArray(t))
			return not_rows(im, ti);
		for (cJSON *row = t->child, *next; row && !rc; row = next) {
			next = row->next;
			rc = import_row(im, ti, cJSON_DetachItemViaPointer(t, row), ++n);
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* Read past a value that is not what its place needs: the fault in its
 * syntax if it has one, else 0 and the caller says what was expected. */
static int skip_value(struct jsonrd *r)
{
	cJSON *v;
	int rc = jsonrd_value(r, &v);

	cJSON_Delete(v);
	return rc;
}

/* "tables" read row by row from the stream. */
static int import_tables_stream(struct imp *im, struct jsonrd *r)
{
	struct strbuf key = STRBUF_INIT;
	int rc = 0, more = 1;

	if (jsonrd_peek(r) != '{')
		return skip_value(r) ? im->err->status : not_tables(im);
	if ((rc = jsonrd_expect(r, '{')))
		return rc;
	if (jsonrd_peek(r) == '}')
		return jsonrd_expect(r, '}');
	while (more && !rc) {
		long n = 0;
		int ti;
		if ((rc = jsonrd_key(r, &key)))
			break;
		if ((ti = table_of(im, strbuf_str(&key), r)) < 0) {
			rc = im->err->status;
			break;
		}
		if (jsonrd_peek(r) != '[') {
			rc = skip_value(r) ? im->err->status : not_rows(im, ti);
			break;
		}
		if ((rc = jsonrd_expect(r, '[')))
			break;
		if (jsonrd_peek(r) == ']') {
			rc = jsonrd_expect(r, ']');
		} else {
			for (int row_more = 1; row_more && !rc;) {
				cJSON *row;
				if ((rc = jsonrd_value(r, &row)) || (rc = import_row(im, ti, row, ++n)))
					break;
				if ((row_more = jsonrd_next(r, ']')) < 0)
					rc = -row_more;
			}
		}
		if (!rc && (more = jsonrd_next(r, '}')) < 0)
			rc = -more;
	}
	strbuf_release(&key);
	return rc;
}

/* The header is complete enough to judge once these are read. */
static int header_known(const cJSON *head)
{
	return cJSON_GetObjectItemCaseSensitive(head, "format") && cJSON_GetObjectItemCaseSensitive(head, "format_version") &&
	       cJSON_GetObjectItemCaseSensitive(head, "schema_version");
}

/* The document: the header first (as 'beter export' writes it), then the
 * tables row by row. Tables that come before the header are held in memory
 * until it is read. */
static int import_document(struct imp *im, struct jsonrd *r)
{
	static const char *const known[] = { "format", "format_version", "schema_version", "school", "tables", NULL };
	cJSON *head = cJSON_CreateObject(), *tables = NULL;
	struct strbuf key = STRBUF_INIT;
	int c = jsonrd_peek(r), rc = 0, more = 1, streamed = 0;

	if (c == -1)
		rc = beter_err_set(im->err, BETER_DATAERR, "%s: the file is empty (expected a document from 'beter export')",
				   im->name);
	else if (c == -2)
		rc = BETER_IOERR;
	else if (c != '{')
		rc = skip_value(r) ? im->err->status : not_document(im);
	else if (!(rc = jsonrd_expect(r, '{')) && jsonrd_peek(r) == '}')
		rc = jsonrd_expect(r, '}');
	else
		while (more && !rc) {
			int ok = 0;
			if ((rc = jsonrd_key(r, &key)))
				break;
			const char *k = strbuf_str(&key);
			for (int i = 0; known[i]; i++)
				ok |= !strcmp(k, known[i]);
			if (!ok) {
				rc = beter_err_set(im->err, BETER_DATAERR, "%s: unknown field '%s' (a document from 'beter export' "
						   "has format, format_version, schema_version, school and tables)", im->name, k);
				break;
			}
			if (cJSON_GetObjectItemCaseSensitive(head, k) || (!strcmp(k, "tables") && (tables || streamed))) {
				rc = jsonrd_dup_key(r);
				break;
			}
			if (strcmp(k, "tables")) {
				cJSON *v;
				if (!(rc = jsonrd_value(r, &v)))
					cJSON_AddItemToObject(head, k, v);
			} else if (header_known(head)) {
				if (!(rc = check_header(im->name, head, im->err)))
					rc = import_tables_stream(im, r);
				streamed = 1;
			} else {
				rc = jsonrd_value(r, &tables);
			}
			if (!rc && (more = jsonrd_next(r, '}')) < 0)
				rc = -more;
		}
	if (!rc)
		rc = jsonrd_end(r);
	if (!rc)
		rc = check_header(im->name, head, im->err);
	if (!rc && !streamed)
		rc = tables ? import_tables_json(im, tables) : not_tables(im);
	if (!rc)
		rc = import_later(im);
	strbuf_release(&key);
	cJSON_Delete(head);
	cJSON_Delete(tables);
	return rc;
}

static int check_header(const char *name, const cJSON *doc, struct beter_err *err)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(doc, "format");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "format_version");
	const cJSON *sv = cJSON_GetObjectItemCaseSensitive(doc, "schema_version");
	const cJSON *sch = cJSON_GetObjectItemCaseSensitive(doc, "school");

	if (!cJSON_IsString(f) || strcmp(f->valuestring, EXCHANGE_FORMAT))
		return beter_err_set(err, BETER_DATAERR, "%s: field 'format': expected \"%s\" (a document from 'beter export')",
				     name, EXCHANGE_FORMAT);
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < 1)
		return beter_err_set(err, BETER_DATAERR, "%s: field 'format_version': expected a whole number", name);
	if (v->valuedouble > EXCHANGE_FORMAT_VERSION)
		return beter_err_set(err, BETER_DATAERR, "%s: format version %g is newer than this beter reads (%d); "
				     "upgrade beter", name, v->valuedouble, EXCHANGE_FORMAT_VERSION);
	if (!cJSON_IsNumber(sv) || sv->valuedouble != floor(sv->valuedouble) || sv->valuedouble < 0)
		return beter_err_set(err, BETER_DATAERR, "%s: field 'schema_version': expected a whole number", name);
	if (sv->valuedouble > store_schema_version())
		return beter_err_set(err, BETER_DATAERR, "%s: written by a store with schema version %g, newer than this "
				     "beter knows (%d); upgrade beter", name, sv->valuedouble, store_schema_version());
	if (sch && !cJSON_IsNull(sch) && !(cJSON_IsString(sch) && uid_valid(sch->valuestring)))
		return beter_err_set(err, BETER_DATAERR, "%s: field 'school': expected null or a school's uid", name);
	return 0;
}

struct first_problem {
	long n;
	struct strbuf sb;
};

static void note_problem(void *arg, const char *check, const char *table, const char *record, const char *problem)
{
	struct first_problem *fp = arg;
	(void)check;
	if (fp->n++ == 0)
		strbuf_addf(&fp->sb, "table '%s', record '%s': %s", table, record, problem);
}

static int imp_setup(struct imp *im, sqlite3 *db, const char *name, struct exchange_stats *st, struct beter_err *err)
{
	int rc;

	memset(im, 0, sizeof(*im));
	im->db = db;
	im->name = name;
	im->err = err;
	im->st = st;
	if ((rc = schema_load(db, &im->s, err)))
		return rc;
	st->n = im->s.n;
	st->t = xcalloc((size_t)im->s.n + 1, sizeof(*st->t));
	im->find = xcalloc((size_t)im->s.n + 1, sizeof(*im->find));
	im->scratch = xcalloc((size_t)im->s.n + 1, sizeof(*im->scratch));
	im->fresh = xcalloc((size_t)im->s.n + 1, sizeof(*im->fresh));
	im->given = xcalloc((size_t)im->s.n + 1, sizeof(*im->given));
	im->cache = xcalloc((size_t)im->s.n + 1, sizeof(*im->cache));
	for (int i = 0; i < im->s.n && !rc; i++) {
		const struct schema_table *t = &im->s.t[i];
		st->t[i].table = t->name;
		if (t->uid >= 0 && t->rowid >= 0) {
			char *q = sqlite3_mprintf("SELECT \"%w\" FROM \"%w\" WHERE uid = ?1", t->cols[t->rowid].name, t->name);
			rc = store_prepare(db, q, &im->find[i], err);
			sqlite3_free(q);
		}
		if (t->rowid >= 0) {
			char *q = sqlite3_mprintf("SELECT NOT EXISTS (SELECT 1 FROM \"%w\") AND NOT EXISTS (SELECT 1 FROM "
						  "sqlite_sequence WHERE name = %Q AND seq > 0)", t->name, t->name);
			im->fresh[i] = (int)store_int(db, q, 0);
			sqlite3_free(q);
		}
	}
	if (!rc)
		rc = store_exec(db, "CREATE TEMP TABLE IF NOT EXISTS import_seen(tbl TEXT, key TEXT, PRIMARY KEY (tbl, key)); "
				    "DELETE FROM temp.import_seen", err);
	if (!rc)
		rc = store_prepare(db, "INSERT INTO temp.import_seen(tbl, key) VALUES (?1, ?2)", &im->seen, err);
	return rc;
}

static void imp_release(struct imp *im)
{
	struct exchange_stats *st = im->st;

	if (im->seen)
		sqlite3_finalize(im->seen);
	sqlite3_exec(im->db, "DROP TABLE IF EXISTS temp.import_seen", NULL, NULL, NULL);
	for (int i = 0; i < im->s.n; i++) {
		if (im->find)
			sqlite3_finalize(im->find[i]);
		if (im->scratch)
			sqlite3_finalize(im->scratch[i]);
		if (im->cache)
			cache_clear(&im->cache[i]);
	}
	for (size_t i = 0; i < im->nlater; i++)
		cJSON_Delete(im->later[i].row);
	free(im->later);
	free(im->find);
	free(im->scratch);
	free(im->fresh);
	free(im->given);
	free(im->cache);
	/* the stats keep the table names */
	for (int i = 0; i < st->n; i++)
		st->t[i].table = xstrdup(st->t[i].table ? st->t[i].table : "");
	schema_release(&im->s);
}

static int import_fp(sqlite3 *db, const char *name, FILE *fp, struct exchange_stats *st, struct beter_err *err)
{
	struct imp im;
	struct jsonrd r;
	int rc;

	memset(st, 0, sizeof(*st));
	jsonrd_init(&r, fp, name, err);
	if (!(rc = imp_setup(&im, db, name, st, err)))
		rc = import_document(&im, &r);
	if (!rc) {
		/* the result must pass the invariants 'beter check' tests */
		struct first_problem fp1 = { 0, STRBUF_INIT };
		long problems = 0;
		rc = check_run(db, 0, note_problem, &fp1, &problems, err);
		if (!rc && problems)
			rc = beter_err_set(err, BETER_DATAERR, "%s: the store would not pass 'beter check' after this import: %s%s",
					   name, strbuf_str(&fp1.sb), problems > 1 ? " (and more)" : "");
		strbuf_release(&fp1.sb);
	}
	imp_release(&im);
	jsonrd_release(&r);
	return rc;
}

int exchange_import_mem(sqlite3 *db, const char *name, const char *data, size_t len, struct exchange_stats *st,
			struct beter_err *err)
{
	FILE *fp;
	int rc;

	memset(st, 0, sizeof(*st));
	if (len == 0)
		return beter_err_set(err, BETER_DATAERR, "%s: the file is empty (expected a document from 'beter export')", name);
	if (!(fp = fmemopen((void *)data, len, "r")))
		return beter_err_set(err, BETER_IOERR, "%s: %s", name, strerror(errno));
	rc = import_fp(db, name, fp, st, err);
	fclose(fp);
	return rc;
}

int exchange_import(sqlite3 *db, const char *path, struct exchange_stats *st, struct beter_err *err)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	const char *name = strcmp(path, "-") ? path : "stdin";
	int rc;

	memset(st, 0, sizeof(*st));
	if (!fp)
		return beter_err_set(err, errno == ENOENT ? BETER_FAIL : BETER_IOERR, "cannot read '%s': %s", path,
				     strerror(errno));
	rc = import_fp(db, name, fp, st, err);
	if (fp != stdin)
		fclose(fp);
	return rc;
}

void exchange_stats_release(struct exchange_stats *st)
{
	for (int i = 0; i < st->n; i++)
		free((char *)st->t[i].table);
	free(st->t);
	st->t = NULL;
	st->n = 0;
}

void exchange_stats_out(const struct exchange_stats *st, struct out *o)
{
	static const struct out_col cols[] = {
		{ "table", OUT_T_TEXT }, { "rows", OUT_T_INT }, { "added", OUT_T_INT }, { "changed", OUT_T_INT },
	};
	out_list(o, cols, 4);
	for (int i = 0; i < st->n; i++) {
		/* the tables the document has rows for */
		if (!st->t[i].rows && !st->t[i].added && !st->t[i].changed)
			continue;
		out_text(o, st->t[i].table);
		out_int(o, st->t[i].rows);
		out_int(o, st->t[i].added);
		out_int(o, st->t[i].changed);
		out_row_end(o);
	}
	out_end(o);
}

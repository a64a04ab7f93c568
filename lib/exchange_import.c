/* exchange_import.c - merge an exported document back into the store:
 * read as a stream, row by row, checked as a whole before it is kept. */
#include "exchange_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/check.h"
#include "beter/jsonin.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

static int check_header(const char *name, const cJSON *doc, struct beter_err *err);

static int not_document(struct imp *im)
{
	return beter_err_set(im->err, BETER_DATAERR, _("%s: expected a JSON object (a document from 'beter export')"),
			     im->name);
}

/* Apply a row read from the file; the row is the importer's from here on.
 * A row that links to one not imported yet waits in im->later. */
static int import_row(struct imp *im, int ti, cJSON *row, long n)
{
	int rc = exchange_apply_row(im, ti, row, n, 1);

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
				rc = exchange_apply_row(im, l.ti, l.row, l.n, 1);
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
		rc = exchange_apply_row(im, im->later[i].ti, im->later[i].row, im->later[i].n, 0);
	return rc;
}

static int unknown_table(struct imp *im, const char *table)
{
	struct strbuf names = STRBUF_INIT;
	int rc;

	for (int i = 0; i < im->s.n; i++)
		strbuf_addf(&names, "%s%s", i ? ", " : "", im->s.t[i].name);
	rc = beter_err_set(im->err, BETER_DATAERR, _("%s: unknown table '%s' (this beter's tables: %s)"), im->name, table,
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
			beter_err_set(im->err, BETER_DATAERR, _("%s: table '%s' is in the document twice"), im->name, name);
		return -1;
	}
	return ti;
}

static int not_rows(struct imp *im, int ti)
{
	return beter_err_set(im->err, BETER_DATAERR, _("%s: table '%s': expected an array of rows"), im->name, im->s.t[ti].name);
}

static int not_tables(struct imp *im)
{
	return beter_err_set(im->err, BETER_DATAERR, _("%s: field 'tables': expected an object of tables"), im->name);
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
		rc = beter_err_set(im->err, BETER_DATAERR, _("%s: the file is empty (expected a document from 'beter export')"),
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
				rc = beter_err_set(im->err, BETER_DATAERR, _("%s: unknown field '%s' (a document from 'beter export' "
						     "has format, format_version, schema_version, school and tables)"), im->name, k);
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
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'format': expected \"%s\" (a document from 'beter export')"),
				     name, EXCHANGE_FORMAT);
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < 1)
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'format_version': expected a whole number"), name);
	if (v->valuedouble > EXCHANGE_FORMAT_VERSION)
		return beter_err_set(err, BETER_DATAERR, _("%s: format version %g is newer than this beter reads (%d); "
				       "upgrade beter"), name, v->valuedouble, EXCHANGE_FORMAT_VERSION);
	if (!cJSON_IsNumber(sv) || sv->valuedouble != floor(sv->valuedouble) || sv->valuedouble < 0)
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'schema_version': expected a whole number"), name);
	if (sv->valuedouble > store_schema_version())
		return beter_err_set(err, BETER_DATAERR, _("%s: written by a store with schema version %g, newer than this "
				       "beter knows (%d); upgrade beter"), name, sv->valuedouble, store_schema_version());
	if (sch && !cJSON_IsNull(sch) && !(cJSON_IsString(sch) && uid_valid(sch->valuestring)))
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'school': expected null or a school's uid"), name);
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
		strbuf_addf(&fp->sb, _("table '%s', record '%s': %s"), table, record, problem);
}

static int imp_setup(struct imp *im, struct store *db, const char *name, struct exchange_stats *st,
		     struct beter_err *err)
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
			char *q = store_sqlf("SELECT \"%w\" FROM \"%w\" WHERE uid = ?1", t->cols[t->rowid].name, t->name);
			rc = store_prepare(db, q, &im->find[i], err);
			free(q);
		}
		if (t->rowid >= 0) {
			/* a table that never had a row: its rows keep their numbers */
			char *q = store_on_pg(db)
					  ? store_sqlf("SELECT NOT EXISTS (SELECT 1 FROM \"%w\") AND pg_sequence_last_value("
						       "pg_get_serial_sequence(%Q, %Q)) IS NULL", t->name, t->name,
						       t->cols[t->rowid].name)
					  : store_sqlf("SELECT NOT EXISTS (SELECT 1 FROM \"%w\") AND NOT EXISTS (SELECT 1 FROM "
						       "sqlite_sequence WHERE name = %Q AND seq > 0)", t->name, t->name);
			im->fresh[i] = (int)store_int(db, q, 0);
			free(q);
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
		store_finalize(im->seen);
	store_exec(im->db, "DROP TABLE IF EXISTS temp.import_seen", NULL);
	for (int i = 0; i < im->s.n; i++) {
		if (im->find)
			store_finalize(im->find[i]);
		if (im->scratch)
			store_finalize(im->scratch[i]);
		if (im->cache)
			exchange_cache_clear(&im->cache[i]);
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

/* PostgreSQL: a row that kept its number leaves the table's sequence
 * behind it; the next number comes after the highest there is (SQLite's
 * AUTOINCREMENT does that itself). */
static int advance_numbers(struct imp *im)
{
	int rc = 0;

	if (!store_on_pg(im->db))
		return 0;
	for (int i = 0; i < im->s.n && !rc; i++) {
		const struct schema_table *t = &im->s.t[i];
		if (!im->fresh[i] || t->rowid < 0)
			continue;
		char *q = store_sqlf("SELECT setval(pg_get_serial_sequence(%Q, %Q), max(\"%w\")) FROM \"%w\" "
				     "HAVING max(\"%w\") IS NOT NULL", t->name, t->cols[t->rowid].name,
				     t->cols[t->rowid].name, t->name, t->cols[t->rowid].name);
		struct store_stmt *st;
		if (!(rc = store_prepare(im->db, q, &st, im->err))) {
			int r = store_step(st);
			store_finalize(st);
			if (r != STORE_ROW && r != STORE_DONE)
				rc = store_fail(im->db, r, im->err, N_("writing the store"));
		}
		free(q);
	}
	return rc;
}

static int import_fp(struct store *db, const char *name, FILE *fp, struct exchange_stats *st, struct beter_err *err)
{
	struct imp im;
	struct jsonrd r;
	int rc;

	memset(st, 0, sizeof(*st));
	jsonrd_init(&r, fp, name, err);
	if (!(rc = imp_setup(&im, db, name, st, err)))
		rc = import_document(&im, &r);
	if (!rc)
		rc = advance_numbers(&im);
	if (!rc) {
		/* the result must pass the invariants 'beter check' tests */
		struct first_problem fp1 = { 0, STRBUF_INIT };
		long problems = 0;
		rc = check_run(db, CHECK_FOR_PEOPLE, note_problem, &fp1, &problems, err);
		if (!rc && problems)
			rc = beter_err_set(err, BETER_DATAERR,
					   problems > 1 ? _("%s: the store would not pass 'beter check' after this import: "
							    "%s (and more)")
							: _("%s: the store would not pass 'beter check' after this import: %s"),
					   name, strbuf_str(&fp1.sb));
		strbuf_release(&fp1.sb);
	}
	imp_release(&im);
	jsonrd_release(&r);
	return rc;
}

int exchange_import_mem(struct store *db, const char *name, const char *data, size_t len, struct exchange_stats *st,
			struct beter_err *err)
{
	FILE *fp;
	int rc;

	memset(st, 0, sizeof(*st));
	if (len == 0)
		return beter_err_set(err, BETER_DATAERR, _("%s: the file is empty (expected a document from 'beter export')"), name);
	if (!(fp = fmemopen((void *)data, len, "r")))
		return beter_err_set(err, BETER_IOERR, "%s: %s", name, strerror(errno));
	rc = import_fp(db, name, fp, st, err);
	fclose(fp);
	return rc;
}

int exchange_import(struct store *db, const char *path, struct exchange_stats *st, struct beter_err *err)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	const char *name = strcmp(path, "-") ? path : "stdin";
	int rc;

	memset(st, 0, sizeof(*st));
	if (!fp)
		return beter_err_set(err, errno == ENOENT ? BETER_FAIL : BETER_IOERR, _("cannot read '%s': %s"), path,
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
		{ N_("table"), OUT_T_TEXT }, { N_("rows"), OUT_T_INT }, { N_("added"), OUT_T_INT }, { N_("changed"), OUT_T_INT },
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

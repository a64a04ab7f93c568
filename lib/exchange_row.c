/* exchange_row.c - one row of an imported document: its values checked
 * and converted, then added or changed in the store; a failed constraint
 * told in the words of the row. */
#include "exchange_int.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/csvin.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

#define TEXT_MAX CSVIN_FIELD_MAX

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
		return beter_err_set(im->err, BETER_DATAERR, _("%s: table '%s', row '%s': field '%s': %s"), im->name,
				     im->s.t[ti].name, label, field, what);
	return beter_err_set(im->err, BETER_DATAERR, _("%s: table '%s', row '%s': %s"), im->name, im->s.t[ti].name, label,
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
			    const struct store_value *const *bound)
{
	const struct schema_table *t = &im->s.t[ti];
	const char *msg = store_errmsg(im->db);
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (!strncmp(msg, "CHECK constraint failed: ", 25)) {
		const char *expr = msg + 25;
		int c = col_in(t, expr);
		if (c < 0)
			return row_error(im, ti, label, NULL, _("a value is not allowed (CHECK %s)"), expr);
		show_value(&sb, vals[c]);
		rc = row_error(im, ti, label, t->cols[c].name, _("value %s is not allowed (CHECK %s)"), strbuf_str(&sb), expr);
		strbuf_release(&sb);
		return rc;
	}
	if (!strncmp(msg, "NOT NULL constraint failed: ", 28)) {
		const char *dot = strchr(msg + 28, '.');
		return row_error(im, ti, label, dot ? dot + 1 : msg + 28, _("a value is required here, not null"));
	}
	if (!strncmp(msg, "FOREIGN KEY constraint failed", 29)) /* such as (team_id, school_id) */
		return row_error(im, ti, label, NULL, _("a link names a record that is missing or of another school (%s)"),
				 msg);
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
	struct strbuf shown = STRBUF_INIT;
	for (int k = 0; k < n; k++) {
		if (k)
			strbuf_adds(&shown, ", ");
		show_value(&shown, vals[cols[k]]);
	}
	/* the record in the store that has them */
	char other[64] = "";
	if (t->uid >= 0) {
		struct strbuf *q = strbuf_new();
		struct store_stmt *st;
		store_sqlf_add(q, "SELECT \"%w\" FROM \"%w\" WHERE ", t->cols[t->uid].name, t->name);
		for (int k = 0; k < n; k++)
			store_sqlf_add(q, "%s\"%w\" IS ?%d", k ? " AND " : "", t->cols[cols[k]].name, k + 1);
		char *sql = strbuf_finish(q);
		/* only the message needs the record: a failed read leaves "another record" */
		if (store_prepare(im->db, sql, &st, NULL) == STORE_OK) {
			for (int k = 0; k < n; k++)
				if (bound[cols[k]])
					store_bind_value(st, k + 1, bound[cols[k]]);
			if (store_step(st) == STORE_ROW && store_col(st, 0))
				snprintf(other, sizeof(other), "%s", store_col(st, 0));
			store_finalize(st);
		}
		free(sql);
	}
	if (*other)
		rc = beter_err_set(im->err, BETER_DATAERR,
				   P_("%s: table '%s', row '%s': field %s: value %s already belongs to the record '%s' in "
				      "the store (the same %s created in two stores?); change it in the file, or merge the "
				      "two records by hand and export again",
				      "%s: table '%s', row '%s': fields %s: values %s already belong to the record '%s' in "
				      "the store (the same %s created in two stores?); change one of them in the file, or "
				      "merge the two records by hand and export again", n),
				   im->name, t->name, label, strbuf_str(&sb), strbuf_str(&shown), other, t->name);
	else
		rc = beter_err_set(im->err, BETER_DATAERR,
				   P_("%s: table '%s', row '%s': field %s: value %s already belongs to another record (the "
				      "same %s created in two stores?); change it in the file, or merge the two records by "
				      "hand and export again",
				      "%s: table '%s', row '%s': fields %s: values %s already belong to another record (the "
				      "same %s created in two stores?); change one of them in the file, or merge the two "
				      "records by hand and export again", n),
				   im->name, t->name, label, strbuf_str(&sb), strbuf_str(&shown), t->name);
	strbuf_release(&shown);
	strbuf_release(&sb);
	return rc;
}

void exchange_cache_clear(struct cache *c)
{
	store_finalize(c->upd);
	store_finalize(c->sel);
	store_finalize(c->ins);
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
	struct strbuf *upd = strbuf_new(), *same = strbuf_new(), *ins = strbuf_new(),
		    *insv = strbuf_new(), *where = strbuf_new();
	exchange_cache_clear(c);
	for (int i = 0; i < nkey; i++)
		store_sqlf_add(where, "%s\"%w\" IS ?%d", i ? " AND " : "", t->cols[key[i]].name, key[i] + 1);
	for (int i = 0; i < t->ncols; i++) {
		int is_key = 0;
		if (!vals[i])
			continue;
		for (int k = 0; k < nkey; k++)
			is_key |= key[k] == i;
		if (!(i == t->rowid && !keep_id)) {
			int n = strbuf_length(insv);
			store_sqlf_add(ins, "%s\"%w\"", n ? ", " : "", t->cols[i].name);
			store_sqlf_add(insv, "%s?%d", n ? ", " : "", i + 1);
		}
		if (is_key || i == t->rowid)
			continue;
		store_sqlf_add(upd, "%s\"%w\" = ?%d", nset ? ", " : "", t->cols[i].name, i + 1);
		/* text compares byte by byte (a column's NOCASE would hide a change of case) */
		store_sqlf_add(same, "%s\"%w\" IS ?%d%s", nset ? " AND " : "", t->cols[i].name, i + 1,
			       t->cols[i].aff == AFF_TEXT ? " COLLATE \"BINARY\"" : "");
		nset++;
	}
	char *w = strbuf_finish(where), *u = strbuf_finish(upd), *sm = strbuf_finish(same);
	char *in = strbuf_finish(ins), *iv = strbuf_finish(insv);
	char *q = nset ? store_sqlf("UPDATE \"%w\" SET %s WHERE %s AND NOT (%s)", t->name, u, w, sm)
		       : store_sqlf("SELECT 0 WHERE 0 = 1");
	rc = store_prepare(im->db, q, &c->upd, im->err);
	free(q);
	if (!rc) {
		q = store_sqlf("SELECT 1 FROM \"%w\" WHERE %s", t->name, w);
		rc = store_prepare(im->db, q, &c->sel, im->err);
		free(q);
	}
	if (!rc) {
		q = store_sqlf("INSERT INTO \"%w\" (%s) VALUES (%s)", t->name, in, iv);
		rc = store_prepare(im->db, q, &c->ins, im->err);
		free(q);
	}
	free(w);
	free(u);
	free(sm);
	free(in);
	free(iv);
	c->mask = t->ncols <= 64 ? mask : 0;
	c->keep_id = keep_id;
	if (rc)
		exchange_cache_clear(c);
	return rc;
}

static void bind_all(struct store_stmt *st, const struct store_value **bound, int n)
{
	int np = store_param_count(st);
	store_reset(st);
	store_clear(st);
	for (int i = 0; i < n && i < np; i++)
		if (bound[i])
			store_bind_value(st, i + 1, bound[i]);
}

/* Turn one JSON value into the SQL value for column c (in a one-row
 * scratch statement's result), or report what is wrong with it. */
static int convert(struct imp *im, int ti, const char *label, int c, const cJSON *v, struct store_stmt *scratch,
		   int *later)
{
	const struct schema_table *t = &im->s.t[ti];
	const struct schema_col *col = &t->cols[c];
	int slot = c + 1;

	if (cJSON_IsNull(v)) {
		if (col->notnull || col->rowid)
			return row_error(im, ti, label, col->name, _("null is not allowed here"));
		store_bind_null(scratch, slot);
		return 0;
	}
	if (col->ref >= 0) {
		const struct schema_table *p = &im->s.t[col->ref];
		if (!cJSON_IsString(v) || !uid_valid(v->valuestring))
			return row_error(im, ti, label, col->name, _("expected the uid of a %s (32 hex digits)"), p->name);
		struct store_stmt *f = im->find[col->ref];
		store_reset(f);
		store_bind_text(f, 1, v->valuestring);
		int rc = store_step(f);
		if (rc == STORE_ROW) {
			store_bind_int(scratch, slot, store_col_int(f, 0));
			store_reset(f);
			return 0;
		}
		store_reset(f);
		if (rc != STORE_DONE)
			return store_fail(im->db, rc, im->err, N_("importing"));
		if (later) {
			*later = 1;
			return 0;
		}
		return row_error(im, ti, label, col->name, _("no %s with uid '%s' in the file or the store"), p->name,
				 v->valuestring);
	}
	if (col->rowid) {
		if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < 1 ||
		    v->valuedouble > 9007199254740992.0)
			return row_error(im, ti, label, col->name, _("expected a record number (a whole number from 1)"));
		store_bind_int(scratch, slot, (int64_t)v->valuedouble);
		return 0;
	}
	switch (col->aff) {
	case AFF_TEXT:
		if (!cJSON_IsString(v))
			return row_error(im, ti, label, col->name, _("expected a string"));
		break;
	case AFF_BLOB:
		if (!cJSON_IsString(v))
			return row_error(im, ti, label, col->name, _("expected base64 text"));
		{
			size_t n = strlen(v->valuestring), got = 0;
			unsigned char *bin = xmalloc(n + 1);
			if (sodium_base642bin(bin, n + 1, v->valuestring, n, NULL, &got, NULL,
					      sodium_base64_VARIANT_ORIGINAL) != 0) {
				free(bin);
				return row_error(im, ti, label, col->name, _("not valid base64"));
			}
			store_bind_blob(scratch, slot, bin, (size_t)got);
			free(bin); /* the store took a copy */
		}
		return 0;
	case AFF_INT:
	case AFF_REAL:
	case AFF_NUMERIC:
		if (cJSON_IsBool(v)) {
			if (col->aff == AFF_REAL)
				return row_error(im, ti, label, col->name, _("expected a number"));
			store_bind_int(scratch, slot, cJSON_IsTrue(v));
			return 0;
		}
		if (!cJSON_IsNumber(v))
			return row_error(im, ti, label, col->name, _("expected a number"));
		if (col->aff == AFF_INT && (v->valuedouble != floor(v->valuedouble) || fabs(v->valuedouble) > 9007199254740992.0))
			return row_error(im, ti, label, col->name, _("expected a whole number"));
		break;
	default:
		break;
	}
	if (cJSON_IsString(v)) {
		size_t n = strlen(v->valuestring);
		if (n > TEXT_MAX)
			return row_error(im, ti, label, col->name, _("longer than %d bytes"), TEXT_MAX);
		if (!utf8_valid(v->valuestring, n, NULL))
			return row_error(im, ti, label, col->name, _("not valid UTF-8"));
		store_bind_textn(scratch, slot, v->valuestring, n);
	} else if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;
		if (col->aff != AFF_REAL && d == floor(d) && fabs(d) <= 9007199254740992.0)
			store_bind_int(scratch, slot, (int64_t)d);
		else
			store_bind_real(scratch, slot, d);
	} else if (cJSON_IsBool(v)) {
		store_bind_int(scratch, slot, cJSON_IsTrue(v));
	} else {
		return row_error(im, ti, label, col->name, col->aff == AFF_TEXT ? (cJSON_IsArray(v) ? _("expected a string, not an array")
								    : _("expected a string, not an object"))
				 : (cJSON_IsArray(v) ? _("expected a value, not an array") : _("expected a value, not an object")));
	}
	return 0;
}

/* The row's fields by column (vals) and the mask of those given, checked
 * against the table: known, once, every key and a valid uid. */
static int row_fields(struct imp *im, int ti, const cJSON *row, const char *label, const cJSON **vals, uint64_t *mask)
{
	const struct schema_table *t = &im->s.t[ti];
	int key[256], nkey;

	if (!cJSON_IsObject(row))
		return row_error(im, ti, label, NULL, _("expected an object"));
	for (const cJSON *f = row->child; f; f = f->next) {
		int c = schema_col_find(t, f->string);
		if (c < 0)
			return row_error(im, ti, label, f->string, _("unknown field (the table's columns are in "
						     "'beter export')"));
		if (vals[c])
			return row_error(im, ti, label, f->string, _("given twice"));
		vals[c] = f;
		if (c < 64)
			*mask |= (uint64_t)1 << c;
	}
	nkey = schema_key(t, key);
	for (int k = 0; k < nkey; k++)
		if (!vals[key[k]])
			return row_error(im, ti, label, t->cols[key[k]].name, _("missing"));
	if (t->uid >= 0 && !(cJSON_IsString(vals[t->uid]) && uid_valid(vals[t->uid]->valuestring)))
		return row_error(im, ti, label, "uid", _("expected 32 lowercase hex digits"));
	return 0;
}

/* The values, converted and checked, as the row of the table's scratch
 * statement (stepped to it); *later when a link waits for its row. */
static int bind_values(struct imp *im, int ti, const char *label, const cJSON **vals, int may_wait, int *later)
{
	const struct schema_table *t = &im->s.t[ti];
	int rc = 0;

	if (!im->scratch[ti]) {
		struct strbuf *q = strbuf_new();
		strbuf_adds(q, "SELECT ");
		for (int c = 0; c < t->ncols; c++)
			store_sqlf_add(q, "%s?%d", c ? ", " : "", c + 1);
		char *sql = strbuf_finish(q);
		rc = store_prepare(im->db, sql, &im->scratch[ti], im->err);
		free(sql);
		if (rc)
			return rc;
	}
	struct store_stmt *scratch = im->scratch[ti];
	store_reset(scratch);
	store_clear(scratch);
	for (int c = 0; c < t->ncols && !rc; c++)
		if (vals[c])
			rc = convert(im, ti, label, c, vals[c], scratch,
				     may_wait && t->cols[c].ref >= 0 ? later : NULL);
	if (rc || *later)
		return rc;
	if (store_step(scratch) != STORE_ROW)
		return store_fail(im->db, store_errcode(im->db), im->err, N_("importing"));
	return 0;
}

/* A row twice in the file is a mistake, not an update. */
static int check_seen(struct imp *im, int ti, const char *label)
{
	const struct schema_table *t = &im->s.t[ti];
	struct store_stmt *scratch = im->scratch[ti];
	struct strbuf kb = STRBUF_INIT;
	int key[256], nkey = schema_key(t, key), rc;

	for (int k = 0; k < nkey; k++)
		strbuf_addf(&kb, "%s%s", k ? "\x1f" : "", store_col(scratch, key[k]) ?
						     store_col(scratch, key[k]) : "");
	store_reset(im->seen);
	store_bind_text(im->seen, 1, t->name);
	store_bind_text(im->seen, 2, strbuf_str(&kb));
	rc = store_step(im->seen);
	store_reset(im->seen);
	strbuf_release(&kb);
	if (rc == STORE_DONE)
		return 0;
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return row_error(im, ti, label, NULL, _("the same row is in the file twice"));
	return store_fail(im->db, rc, im->err, N_("importing"));
}

/* Add the row or change the stored one; STORE_DONE when done. */
static int write_row(struct imp *im, int ti, const struct store_value **bound)
{
	const struct schema_table *t = &im->s.t[ti];
	struct exchange_count *cnt = &im->st->t[ti];
	struct cache *c = &im->cache[ti];
	int rc;

	if (im->fresh[ti]) {
		/* the table was empty: a row can only be new */
		bind_all(c->ins, bound, t->ncols);
		if ((rc = store_step(c->ins)) == STORE_DONE)
			cnt->added++;
	} else if (bind_all(c->upd, bound, t->ncols), (rc = store_step(c->upd)) == STORE_DONE &&
		   store_changes(im->db) > 0 && store_stmt_readonly(c->upd) == 0) {
		cnt->changed++;
	} else if (rc == STORE_DONE || rc == STORE_ROW) {
		bind_all(c->sel, bound, t->ncols);
		rc = store_step(c->sel);
		if (rc == STORE_DONE) {
			bind_all(c->ins, bound, t->ncols);
			rc = store_step(c->ins);
			if (rc == STORE_DONE)
				cnt->added++;
		} else if (rc == STORE_ROW) {
			rc = STORE_DONE;
		}
	}
	return rc;
}

int exchange_apply_row(struct imp *im, int ti, const cJSON *row, long n, int may_wait)
{
	const struct schema_table *t = &im->s.t[ti];
	const cJSON *vals[256] = { 0 };
	char label[64];
	uint64_t mask = 0;
	int rc = 0, later = 0;

	if (t->ncols > 256)
		return beter_err_set(im->err, BETER_IOERR, _("table '%s' has too many columns"), t->name);
	snprintf(label, sizeof(label), "#%ld", n);
	if (t->uid >= 0) {
		const cJSON *u = cJSON_GetObjectItemCaseSensitive(row, "uid");
		if (cJSON_IsString(u) && uid_valid(u->valuestring))
			snprintf(label, sizeof(label), "%s", u->valuestring);
	}
	if ((rc = row_fields(im, ti, row, label, vals, &mask)) || (rc = bind_values(im, ti, label, vals, may_wait,
	    &later)))
		return rc;
	if (later)
		return ROW_LATER;
	struct store_stmt *scratch = im->scratch[ti];
	const struct store_value *bound[256] = { 0 };
	for (int c = 0; c < t->ncols; c++)
		if (vals[c])
			bound[c] = store_col_value(scratch, c);
	if ((rc = check_seen(im, ti, label)))
		return rc;

	int keep_id = im->fresh[ti] && t->rowid >= 0 && vals[t->rowid];
	if ((rc = prepare_row(im, ti, vals, mask, keep_id)))
		return rc;
	struct cache *c = &im->cache[ti];
	/* PostgreSQL ends a transaction at its first error: a savepoint keeps it
	 * open to find the record a clash is with */
	int pg = store_on_pg(im->db);
	if (pg && (rc = store_exec(im->db, "SAVEPOINT beter_row", NULL)) != STORE_OK)
		return store_fail(im->db, rc, im->err, N_("importing"));
	rc = write_row(im, ti, bound);
	if (rc != STORE_DONE) {
		if ((rc & 0xff) == STORE_CONSTRAINT) {
			if (pg)
				store_exec(im->db, "ROLLBACK TO SAVEPOINT beter_row", NULL);
			constraint_error(im, ti, label, vals, bound);
		} else {
			store_fail(im->db, rc, im->err, N_("importing"));
		}
	} else if (pg && store_exec(im->db, "RELEASE SAVEPOINT beter_row", NULL) != STORE_OK) {
		rc = store_fail(im->db, store_errcode(im->db), im->err, N_("importing"));
	}
	store_reset(c->upd);
	store_reset(c->sel);
	store_reset(c->ins);
	store_reset(scratch);
	if (rc != STORE_DONE)
		return im->err->status;
	im->st->t[ti].rows++;
	return 0;
}

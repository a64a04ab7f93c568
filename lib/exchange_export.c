/* exchange_export.c - the store, or one school's part of it, as a JSON
 * document of every table the schema declares. */
#include "beter/i18n.h"
#include "beter/exchange.h"

#include <math.h>
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
	cond[sc] = store_sqlf("t.\"%w\" = ?1", s->t[sc].cols[s->t[sc].rowid].name);
	while (changed) {
		changed = 0;
		for (int i = 0; i < s->n; i++) {
			const struct schema_table *t = &s->t[i];
			struct strbuf *q;
			int any = 0;
			if (cond[i])
				continue;
			q = strbuf_new();
			for (int c = 0; c < t->ncols; c++) {
				int r = t->cols[c].ref;
				if (r < 0 || r == i || !cond[r])
					continue;
				store_sqlf_add(q, "%st.\"%w\" IN (SELECT t.\"%w\" FROM \"%w\" t WHERE %s)", any ? " OR " : "",
						    t->cols[c].name, s->t[r].cols[s->t[r].rowid].name, s->t[r].name, cond[r]);
				any = 1;
			}
			char *sql = strbuf_finish(q);
			if (any) {
				cond[i] = store_sqlf("(%s)", sql);
				changed = 1;
			}
			free(sql);
		}
	}
	return cond;
}

static char *select_sql(const struct schema *s, const struct schema_table *t, const char *cond)
{
	struct strbuf *q = strbuf_new();
	int *key = xcalloc((size_t)t->ncols + 1, sizeof(int));
	int nkey = schema_key(t, key);

	strbuf_adds(q, "SELECT ");
	for (int c = 0; c < t->ncols; c++) {
		const struct schema_col *col = &t->cols[c];
		if (c)
			strbuf_adds(q, ", ");
		store_sqlf_add(q, "t.\"%w\"", col->name);
	}
	store_sqlf_add(q, " FROM \"%w\" t", t->name);
	if (cond)
		store_sqlf_add(q, " WHERE %s", cond);
	strbuf_adds(q, " ORDER BY ");
	for (int i = 0; i < nkey; i++) {
		const struct schema_col *col = &t->cols[key[i]];
		const struct schema_table *p = col->ref >= 0 ? &s->t[col->ref] : NULL;
		if (p) /* a link is ordered by the uid it is written as */
			store_sqlf_add(q, "%s(SELECT p.uid FROM \"%w\" p WHERE p.\"%w\" = t.\"%w\")", i ? ", " : "",
					    p->name, p->cols[p->rowid].name, col->name);
		else
			store_sqlf_add(q, "%s%d", i ? ", " : "", key[i] + 1);
	}
	free(key);
	return strbuf_finish(q);
}

/* A blob as a JSON string of its base64 (RFC 4648, with padding), which
 * needs no escaping. Not libsodium's constant-time encoder: the export
 * writes the store's content out in the clear, so the time it takes to
 * encode a blob can tell nothing the output does not show. */
static void write_base64(FILE *fp, const unsigned char *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char buf[4096];
	size_t k = 0;

	putc('"', fp);
	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)p[i] << 16 | (i + 1 < n ? (unsigned long)p[i + 1] << 8 : 0) |
				  (i + 2 < n ? p[i + 2] : 0);
		buf[k++] = tab[v >> 18 & 63];
		buf[k++] = tab[v >> 12 & 63];
		buf[k++] = i + 1 < n ? tab[v >> 6 & 63] : '=';
		buf[k++] = i + 2 < n ? tab[v & 63] : '=';
		if (k > sizeof(buf) - 4) {
			fwrite(buf, 1, k, fp);
			k = 0;
		}
	}
	fwrite(buf, 1, k, fp);
	putc('"', fp);
}

static void write_value(FILE *fp, struct store_stmt *st, int i)
{
	char buf[64];

	switch (store_col_type(st, i)) {
	case STORE_T_INT:
		fprintf(fp, "%lld", (long long)store_col_int(st, i));
		break;
	case STORE_T_REAL: {
		double v = store_col_real(st, i);
		if (!isfinite(v)) {
			fputs("null", fp);
			break;
		}
		out_format_real(buf, sizeof(buf), v);
		fputs(buf, fp);
		break;
	}
	case STORE_T_TEXT:
		out_json_string(fp, store_col(st, i));
		break;
	case STORE_T_BLOB:
		write_base64(fp, store_col_blob(st, i), (size_t)store_col_bytes(st, i));
		break;
	default:
		fputs("null", fp);
	}
}

/* The uids of a linked table's records by number, read once for the whole
 * export, when the first link to it is written, rather than looked up row
 * by row (ids ascending). A uid that is not text, in a damaged store, is
 * looked up by find like a link that is not a whole number, so that both
 * are written exactly as stored; so are all links to a table of more than
 * UIDMAP_MAX records, which keeps the memory the export needs flat. */
#define UIDMAP_MAX 65536
struct uidmap {
	int loaded;
	int big; /* more than UIDMAP_MAX records: every link by find */
	size_t n;
	int64_t *id;
	char **uid;         /* NULL for a null uid, ODD_UID for one not text */
	struct store_stmt *find; /* SELECT the uid of the record numbered ?1 */
};
static char odd_uid[1];
#define ODD_UID odd_uid

static void uidmap_free(struct uidmap *m)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->uid[i] != ODD_UID)
			free(m->uid[i]);
	free(m->id);
	free(m->uid);
	m->id = NULL;
	m->uid = NULL;
	m->n = 0;
}

static int uidmap_load(struct store *db, const struct schema_table *p, struct uidmap *m, struct beter_err *err)
{
	struct store_stmt *st;
	size_t a = 0;
	int rc;
	char *sql = store_sqlf("SELECT \"%w\", uid FROM \"%w\" ORDER BY 1", p->cols[p->rowid].name, p->name);

	m->loaded = 1;
	rc = store_prepare(db, sql, &st, err);
	free(sql);
	if (rc)
		return rc;
	while (store_next(db, st, &rc, N_("exporting the store"), err)) {
		if (m->n == UIDMAP_MAX) {
			m->big = 1;
			break;
		}
		if (m->n == a) {
			a = a ? 2 * a : 256;
			m->id = xrealloc(m->id, a * sizeof(*m->id));
			m->uid = xrealloc(m->uid, a * sizeof(*m->uid));
		}
		int type = store_col_type(st, 1);
		m->id[m->n] = store_col_int(st, 0);
		m->uid[m->n++] = type == STORE_T_NULL ? NULL : type == STORE_T_TEXT ? xstrdup(store_col_text(st,
											      1)) : ODD_UID;
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (m->big)
		uidmap_free(m);
	sql = store_sqlf("SELECT p.uid FROM \"%w\" p WHERE p.\"%w\" = ?1", p->name, p->cols[p->rowid].name);
	rc = store_prepare(db, sql, &m->find, err);
	free(sql);
	return rc;
}

static void uidmap_release(struct uidmap *m)
{
	uidmap_free(m);
	store_finalize(m->find);
}

/* A link, column i of st, as the uid of the record it links to (null when
 * there is none), as the subquery SELECT p.uid ... WHERE p.id = t.col. */
static int write_link(FILE *fp, struct store *db, struct store_stmt *st, int i, const struct schema_table *p,
		      struct uidmap *m,
		      struct beter_err *err)
{
	int type = store_col_type(st, i), rc;

	if (type == STORE_T_NULL) {
		fputs("null", fp);
		return 0;
	}
	if (!m->loaded && (rc = uidmap_load(db, p, m, err)))
		return rc;
	if (type == STORE_T_INT && !m->big) {
		int64_t v = store_col_int(st, i);
		size_t lo = 0, hi = m->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (m->id[mid] < v)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == m->n || m->id[lo] != v || !m->uid[lo]) {
			fputs("null", fp);
			return 0;
		}
		if (m->uid[lo] != ODD_UID) {
			out_json_string(fp, m->uid[lo]);
			return 0;
		}
	}
	store_reset(m->find);
	store_bind_value(m->find, 1, store_col_value(st, i));
	if (store_next(db, m->find, &rc, N_("exporting the store"), err))
		write_value(fp, m->find, 0);
	else if (!rc)
		fputs("null", fp);
	store_reset(m->find);
	return rc;
}

/* Table ti as "name": [rows]; maps holds the uids of linked tables. */
static int export_table(struct store *db, const struct schema *s, int ti, const char *cond, int64_t school,
			struct uidmap *maps, FILE *fp, struct beter_err *err)
{
	const struct schema_table *t = &s->t[ti];
	char *sql = select_sql(s, t, cond), **names = xcalloc((size_t)t->ncols + 1, sizeof(char *));
	struct store_stmt *st;
	long rows = 0;
	int rc = store_prepare(db, sql, &st, err);

	free(sql);
	if (rc) {
		free(names);
		return rc;
	}
	/* each field's name as JSON, once: "name": */
	for (int c = 0; c < t->ncols; c++) {
		size_t len;
		FILE *m = open_memstream(&names[c], &len);
		fputs(c ? ", " : "", m);
		out_json_string(m, t->cols[c].name);
		fputs(": ", m);
		fclose(m);
	}
	if (cond)
		store_bind_int(st, 1, school);
	fputs(ti ? ",\n    " : "\n    ", fp);
	out_json_string(fp, t->name);
	fputs(": [", fp);
	while (!rc && store_next(db, st, &rc, N_("exporting the store"), err)) {
		fputs(rows++ ? ",\n      {" : "\n      {", fp);
		for (int c = 0; c < t->ncols && !rc; c++) {
			fputs(names[c], fp);
			if (t->cols[c].ref >= 0)
				rc = write_link(fp, db, st, c, &s->t[t->cols[c].ref], &maps[t->cols[c].ref], err);
			else
				write_value(fp, st, c);
		}
		putc('}', fp);
	}
	store_finalize(st);
	for (int c = 0; c < t->ncols; c++)
		free(names[c]);
	free(names);
	if (!rc)
		fputs(rows ? "\n    ]" : "]", fp);
	return rc;
}

int exchange_export(struct store *db, int64_t school, struct out *o, struct beter_err *err)
{
	FILE *fp = o->fp;
	struct schema s;
	struct uidmap *maps;
	char **cond = NULL;
	char school_uid[64] = "";
	int rc = 0;

	if ((rc = schema_load(db, &s, err)))
		return rc;
	maps = xcalloc((size_t)s.n + 1, sizeof(*maps));
	if (school) {
		struct store_stmt *st;
		cond = school_scopes(&s);
		if ((rc = store_prepare(db, "SELECT uid FROM school WHERE id = ?1", &st, err)))
			goto done;
		store_bind_int(st, 1, school);
		if (store_next(db, st, &rc, N_("reading the school"), err))
			snprintf(school_uid, sizeof(school_uid), "%s", store_col_text(st, 0));
		store_finalize(st);
		if (rc)
			goto done;
	}
	/* one read transaction: every table from the same moment */
	if ((rc = store_exec(db, "BEGIN", err)))
		goto done;
	fprintf(fp, "{\n  \"format\": \"%s\",\n  \"format_version\": %d,\n  \"schema_version\": %lld,\n  \"school\": ",
		EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION, (long long)store_user_version(db));
	if (school)
		out_json_string(fp, school_uid);
	else
		fputs("null", fp);
	fputs(",\n  \"tables\": {", fp);
	for (int i = 0; i < s.n && !rc; i++)
		rc = export_table(db, &s, i, cond ? cond[i] : NULL, school, maps, fp, err);
	if (!rc)
		fputs("\n  }\n}\n", fp);
	for (int i = 0; i < s.n; i++)
		uidmap_release(&maps[i]);
	store_exec(db, "COMMIT", NULL);
done:
	free(maps);
	if (cond) {
		for (int i = 0; i < s.n; i++)
			free(cond[i]);
		free(cond);
	}
	schema_release(&s);
	return rc;
}

/* store_pg_seq.c - record numbers a rolled-back write gave back, on
 * PostgreSQL as in SQLite. */
#include <stdlib.h>
#include <string.h>

#include "beter/store.h"
#include "beter/util.h"
#include "store_pg_int.h"

/* A record number that a change took and gave back is free again in SQLite
 * (its AUTOINCREMENT counter is part of the transaction) but used up in a
 * PostgreSQL sequence. So a write notes where a table's sequence stood
 * before its first INSERT into that table, and a rollback sets back those
 * it alone moved on (none that another session drew from since, none below
 * a number in the table). The table is locked against writers while its
 * sequence is set back (NOWAIT: when another session is writing it, the
 * numbers stay used): a session that drew a number it has not committed
 * yet holds a lock that conflicts, so no number handed out is ever handed
 * out again.
 *
 * A table's sequence is public.TABLE_id_seq, as PostgreSQL names that of
 * an identity column id; of a table whose identity column has another
 * (a table renamed), the catalogue says which (SEQS_OWNED). Noting each
 * table on first use, by name, keeps a write from reading every sequence
 * of the store (the view pg_sequences: some 2-3 ms of the server's CPU in
 * a new backend). */
#define SEQ_VALUE(s) "CASE WHEN has_sequence_privilege(" s ", 'SELECT,USAGE') THEN pg_sequence_last_value(" s ") END"
#define SEQS_NOTE \
	"SELECT x.t, x.s::oid, " SEQ_VALUE("x.s") ", x.s IS NULL AND EXISTS (SELECT 1 FROM pg_attribute a " \
	"WHERE a.attrelid = to_regclass('public.' || quote_ident(x.t)) AND a.attidentity <> '' AND NOT a.attisdropped) " \
	"FROM (SELECT t, to_regclass('public.' || quote_ident(t || '_id_seq')) AS s " \
	"FROM unnest(string_to_array($1, ',')) AS t) AS x"
#define SEQS_OWNED \
	"SELECT c.oid, " SEQ_VALUE("c.oid") " FROM pg_depend d JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S' " \
	"WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass " \
	"AND d.refobjid = to_regclass('public.' || quote_ident($1)) AND d.deptype IN ('a', 'i')"
#define SEQS_BACK \
	"DO $beter$ DECLARE r record; cur bigint; mine bigint; top bigint; tab regclass; col name; BEGIN " \
	"FOR r IN SELECT * FROM (VALUES %s) AS v(s, v) LOOP BEGIN " \
	"cur := pg_sequence_last_value(r.s::regclass); " \
	"CONTINUE WHEN cur IS NOT DISTINCT FROM r.v; " \
	"mine := currval(r.s::regclass); " \
	"CONTINUE WHEN mine IS DISTINCT FROM cur; " \
	"SELECT d.refobjid::regclass, a.attname INTO tab, col FROM pg_depend d JOIN pg_attribute a " \
	"ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid WHERE d.objid = r.s::regclass " \
	"AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'); " \
	"CONTINUE WHEN tab IS NULL; " \
	"EXECUTE format('LOCK TABLE %%s IN SHARE ROW EXCLUSIVE MODE NOWAIT', tab); " \
	"EXECUTE format('SELECT max(%%I) FROM %%s', col, tab) INTO top; " \
	"top := greatest(coalesce(r.v, 0), coalesce(top, 0)); " \
	"IF top > 0 THEN PERFORM setval(r.s::regclass, top, true); " \
	"ELSE PERFORM setval(r.s::regclass, 1, false); END IF; " \
	"EXCEPTION WHEN others THEN NULL; END; END LOOP; END $beter$"

/* Add rows (oid, last value or NULL) of res to the sequences noted. */
static void seqs_add(struct pgconn *c, void *res, int col)
{
	struct strbuf sb = STRBUF_INIT;

	if (c->seqs)
		strbuf_adds(&sb, c->seqs);
	for (int i = 0; res && c->m->status(res) == PGM_TUPLES && i < c->m->ntuples(res); i++) {
		if (c->m->isnull(res, i, col))
			continue;
		strbuf_addf(&sb, "%s(%s::oid, %s::bigint)", sb.len ? ", " : "", c->m->value(res, i, col),
			    c->m->isnull(res, i, col + 1) ? "NULL" : c->m->value(res, i, col + 1));
	}
	free(c->seqs);
	c->seqs = sb.len ? strbuf_detach(&sb) : NULL;
	strbuf_release(&sb);
}

/* In a write, before the statement that inserts into tables (pg_sql_inserts'
 * "t1,t2"): note the sequences of those not noted yet. */
void pg_seqs_note(struct pgconn *c, const char *tables)
{
	struct strbuf want = STRBUF_INIT, noted = STRBUF_INIT;

	if (!c->writing || !tables)
		return;
	strbuf_adds(&noted, c->noted ? c->noted : ",");
	for (const char *t = tables; *t;) {
		size_t n = strcspn(t, ",");
		char *name = store_sqlf(",%.*s,", (int)n, t);
		if (!strstr(strbuf_str(&noted), name)) {
			strbuf_addf(&want, "%s%.*s", want.len ? "," : "", (int)n, t);
			strbuf_addf(&noted, "%.*s,", (int)n, t);
		}
		free(name);
		t += n + (t[n] == ',');
	}
	free(c->noted);
	c->noted = strbuf_detach(&noted);
	if (!want.len)
		return;
	const char *arg = strbuf_str(&want);
	void *res = c->m->exec(c->conn, SEQS_NOTE, 1, NULL, &arg, NULL, NULL);
	seqs_add(c, res, 1);
	for (int i = 0; res && c->m->status(res) == PGM_TUPLES && i < c->m->ntuples(res); i++) {
		if (c->m->value(res, i, 3)[0] != 't')
			continue;
		const char *table = c->m->value(res, i, 0);
		void *own = c->m->exec(c->conn, SEQS_OWNED, 1, NULL, &table, NULL, NULL);
		seqs_add(c, own, 0);
		c->m->clear(own);
	}
	c->m->clear(res);
	strbuf_release(&want);
}

void pg_seqs_back(struct pgconn *c)
{
	if (!c->seqs)
		return;
	char *q = store_sqlf(SEQS_BACK, c->seqs);
	void *res = c->m->exec(c->conn, q, -1, NULL, NULL, NULL, NULL);
	c->m->clear(res);
	free(q);
}

/* The write is over: nothing noted. */
void pg_seqs_forget(struct pgconn *c)
{
	free(c->seqs);
	c->seqs = NULL;
	free(c->noted);
	c->noted = NULL;
	c->writing = 0;
}

/* store_pg_seq.c - numbers a rolled-back transaction drew, given back.
 *
 * SQLite keeps a table's next number in a table (sqlite_sequence, or the
 * largest rowid), so a transaction that is rolled back (a dry run, bad input
 * found halfway) leaves the next record the number it would have had. A
 * PostgreSQL sequence keeps what was drawn from it. So the engine notes each
 * table a write transaction inserts into, with the value of its sequence
 * before the first insert, and after a ROLLBACK sets each such sequence
 * back, unless another connection drew from it since (pg_seq_restore).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/store.h"
#include "beter/util.h"
#include "store_pg_int.h"

struct pgseq {
	char *table; /* as the INSERT names it */
	char *seq;   /* its sequence (qualified, quoted as needed); NULL: none */
	char *last;  /* its last value before; NULL: none drawn yet */
	char *start; /* its first value */
};

static int word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

/* The length of the table's name at t (a word or a quoted name, once
 * qualified: "main"."x", pg_temp.x); 0 if none is there. Only such a name
 * goes to the server, whose to_regclass would fail the transaction on a
 * malformed one. */
static size_t table_name(const char *t)
{
	size_t n = 0;

	for (int part = 0; part < 2; part++) {
		if (t[n] == '"') {
			size_t q = n + 1;
			while (t[q] && t[q] != '"')
				q++;
			if (t[q] != '"' || q == n + 1)
				return 0;
			n = q + 1;
		} else if (word_char(t[n]) && !(t[n] >= '0' && t[n] <= '9')) {
			while (word_char(t[n]))
				n++;
		} else {
			return 0;
		}
		if (t[n] != '.')
			return n;
		n++;
	}
	return 0;
}

static int noted(const struct pgconn *c, const char *t, size_t n)
{
	for (size_t i = 0; i < c->nseq; i++)
		if (strlen(c->seqs[i].table) == n && !memcmp(c->seqs[i].table, t, n))
			return 1;
	return 0;
}

static char *cell(const struct beter_pg_ops *m, void *res, int col)
{
	return m->isnull(res, 0, col) ? NULL : xstrdup(m->value(res, 0, col));
}

/* Note the table t (n bytes) with its sequence's value now. */
static void note(struct pgconn *c, const char *t, size_t n)
{
	static const char q[] =
		"SELECT s.seqrelid::regclass::text, CASE WHEN has_sequence_privilege(s.seqrelid, 'SELECT') THEN "
		"pg_sequence_last_value(s.seqrelid) END, s.seqstart, has_sequence_privilege(s.seqrelid, 'SELECT') "
		"AND has_sequence_privilege(s.seqrelid, 'UPDATE') FROM pg_catalog.pg_depend d JOIN "
		"pg_catalog.pg_sequence s ON s.seqrelid = d.objid WHERE d.classid = 'pg_catalog.pg_class'::regclass "
		"AND d.refobjid = to_regclass($1) AND d.deptype IN ('a', 'i')";
	const struct beter_pg_ops *m = c->m;
	struct pgseq *p;
	char *name = xstrndup(t, n);
	const char *vals[1] = { name };
	void *res = m->exec(c->conn, q, 1, NULL, vals, NULL, NULL);

	if (c->nseq == c->aseq) {
		c->aseq = c->aseq ? 2 * c->aseq : 8;
		c->seqs = xrealloc(c->seqs, c->aseq * sizeof(*c->seqs));
	}
	p = &c->seqs[c->nseq++];
	memset(p, 0, sizeof(*p));
	p->table = name;
	/* one sequence, which this connection may read and set */
	if (res && m->status(res) == PGM_TUPLES && m->ntuples(res) == 1 && !strcmp(m->value(res, 0, 3), "t")) {
		p->seq = cell(m, res, 0);
		p->last = cell(m, res, 1);
		p->start = cell(m, res, 2);
	}
	m->clear(res);
}

void pg_seq_note(struct pgconn *c, const char *sql)
{
	if (!c->m->in_transaction(c->conn))
		return;
	for (const char *s = sql; (s = strcasestr(s, "INSERT")); s += 6) {
		const char *t = s + 6;
		size_t n;
		if ((s > sql && (word_char(s[-1]) || s[-1] == '"')) || word_char(s[6]))
			continue;
		while (*t == ' ' || *t == '\n' || *t == '\t')
			t++;
		if (strncasecmp(t, "INTO", 4) || word_char(t[4]))
			continue;
		t += 4;
		while (*t == ' ' || *t == '\n' || *t == '\t')
			t++;
		if ((n = table_name(t)) && !noted(c, t, n))
			note(c, t, n);
	}
}

static void forget(struct pgconn *c)
{
	for (size_t i = 0; i < c->nseq; i++) {
		free(c->seqs[i].table);
		free(c->seqs[i].seq);
		free(c->seqs[i].last);
		free(c->seqs[i].start);
	}
	c->nseq = 0;
}

void pg_seq_keep(struct pgconn *c)
{
	forget(c);
}

/*
 * Set each sequence back, if no-one else drew from it since (its last value
 * is this connection's). ALTER SEQUENCE holds off other connections' draws
 * until the check and the setting are done (a nextval between the two would
 * hand out a number twice); a sequence another transaction holds past a
 * short wait, or this connection may not alter, keeps its numbers drawn.
 * After a serialisation failure (contention: the command runs again) the
 * numbers stay drawn too.
 */
void pg_seq_restore(struct pgconn *c)
{
	const struct beter_pg_ops *m = c->m;

	for (size_t i = 0; i < c->nseq && !c->retry; i++) {
		const struct pgseq *p = &c->seqs[i];
		if (!p->seq)
			continue;
		char *q = store_sqlf("DO $beter$ BEGIN PERFORM set_config('lock_timeout', '100ms', true); "
				     "ALTER SEQUENCE %s NO CYCLE; "
				     "IF pg_sequence_last_value(%Q::regclass) = currval(%Q::regclass) THEN "
				     "PERFORM setval(%Q::regclass, %s, %s); END IF; EXCEPTION WHEN "
				     "object_not_in_prerequisite_state OR lock_not_available OR insufficient_privilege "
				     "THEN NULL; END $beter$",
				     p->seq, p->seq, p->seq, p->seq, p->last ? p->last : p->start, p->last ? "true" : "false");
		m->clear(m->exec(c->conn, q, -1, NULL, NULL, NULL, NULL));
		free(q);
	}
	forget(c);
}

void pg_seq_free(struct pgconn *c)
{
	forget(c);
	free(c->seqs);
	c->seqs = NULL;
	c->aseq = 0;
}

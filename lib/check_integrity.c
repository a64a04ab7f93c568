/* check_integrity.c - SQLite's integrity check, summarised per table and
 * index for 'beter check'. */
#include "check_int.h"

#include <stdlib.h>
#include <string.h>

#include "beter/store.h"
#include "beter/util.h"

#define INTEGRITY_MAX 100 /* lines asked of SQLite */
#define RAW_MAX 10        /* lines shown as they are when their place is unknown */
#define STR_(x) #x
#define XSTR(x) STR_(x)

struct damage {
	char *name;  /* the table or index, NULL when unknown */
	long page;   /* the page the line names, 0 if none */
	char *line;
	int content; /* a broken constraint: named record by record by the rules */
};

/* The page a line of integrity_check names ("On tree page 9 cell 5: ...",
 * "Page 7: ..."), 0 if none. */
static long line_page(const char *l)
{
	const char *p = strstr(l, "age ");
	if (!p || (p > l && p[-1] != 'p' && p[-1] != 'P'))
		return 0;
	return strtol(p + 4, NULL, 10);
}

/* The index a line names ("row 12 missing from index X", "wrong # of entries
 * in index X"), NULL if none. */
static char *line_index(const char *l)
{
	const char *p = strstr(l, " index ");
	if (!p)
		return NULL;
	p += 7;
	size_t n = strcspn(p, " ");
	return n ? xstrndup(p, n) : NULL;
}

/* Name the pages: every page's b-tree from the dbstat table; without it, the
 * table or index whose root page is the nearest below. The names only make
 * the messages clearer: a page whose read fails stays unnamed. */
static void name_pages(struct store *db, struct damage *d, int n)
{
	struct store_stmt *st;
	int need = 0;

	for (int i = 0; i < n; i++)
		need += !d[i].name && d[i].page > 0;
	if (!need)
		return;
	if (store_prepare(db, "SELECT name, pageno FROM dbstat", &st, NULL) == STORE_OK) {
		while (store_step(st) == STORE_ROW) {
			long page = (long)store_col_int(st, 1);
			for (int i = 0; i < n; i++)
				if (!d[i].name && d[i].page == page)
					d[i].name = xstrdup(store_col_text(st, 0));
		}
		store_finalize(st);
		return;
	}
	if (store_prepare(db, "SELECT name FROM sqlite_schema WHERE rootpage BETWEEN 1 AND ?1 "
				   "ORDER BY rootpage DESC LIMIT 1", &st, NULL) != STORE_OK)
		return;
	for (int i = 0; i < n; i++) {
		if (d[i].name || d[i].page <= 0)
			continue;
		store_reset(st);
		store_bind_int(st, 1, d[i].page);
		if (store_step(st) == STORE_ROW)
			d[i].name = xstrdup(store_col_text(st, 0));
	}
	store_finalize(st);
}

/* SQLite's integrity check, one problem per line in d (up to INTEGRITY_MAX;
 * its failure is one more line when there are none); returns the number of
 * lines and sets *nlines to those of the check itself. The check runs on
 * damaged files, so a failed step is a finding here, not an error. */
static int integrity_lines(struct store *db, struct damage *d, int *nlines)
{
	int n = 0, rc;
	struct store_stmt *st;

	rc = store_prepare(db, "PRAGMA integrity_check(" XSTR(INTEGRITY_MAX) ")", &st, NULL);
	if (rc == STORE_OK) {
		while ((rc = store_step(st)) == STORE_ROW) {
			/* one problem per line, without SQLite's "*** in database main ***" */
			char *text = xstrdup(store_col_text(st, 0)), *save = NULL;
			for (char *l = strtok_r(text, "\n", &save); l && n < INTEGRITY_MAX; l = strtok_r(NULL, "\n", &save)) {
				if (!strcmp(l, "ok") || !strncmp(l, "*** in database", 15))
					continue;
				struct damage *x = &d[n++];
				x->content = !strncmp(l, "CHECK constraint failed", 23) || !strncmp(l, "NULL value in", 13) ||
					     !strncmp(l, "non-unique entry", 16);
				x->line = xstrdup(l);
				x->page = line_page(l);
				x->name = x->content ? NULL : line_index(l);
			}
			free(text);
		}
		store_finalize(st);
	}
	*nlines = n;
	if (rc != STORE_DONE && n == 0) {
		d[n].content = 0;
		d[n].page = 0;
		d[n].name = NULL;
		d[n++].line = xstrdup(store_errmsg(db));
	}
	return n;
}

/* A broken constraint as SQLite words it ("CHECK constraint failed in
 * team"): in Dutch for people, SQLite's own English words otherwise (JSON,
 * CSV and the English interface). malloc'd. */
static char *constraint_line(int people, const char *l)
{
	static const struct {
		const char *sqlite, *msgid;
	} forms[] = {
		{ "CHECK constraint failed in ", N_("a value breaks a rule of the table %s (CHECK constraint failed)") },
		{ "NULL value in ", N_("a value is missing where one is required: %s (NULL value)") },
		{ "non-unique entry in index ", N_("a value that must be unique is there twice: index %s (non-unique entry)") },
	};
	for (size_t i = 0; i < sizeof(forms) / sizeof(*forms); i++) {
		size_t n = strlen(forms[i].sqlite);
		const char *t = check_tr(people, forms[i].msgid);
		if (!strncmp(l, forms[i].sqlite, n) && t != forms[i].msgid)
			return store_sqlf(t, l + n);
	}
	return xstrdup(l);
}

const char *check_damaged_prefix(int people)
{
	return check_tr(people, N_("damaged: "));
}

/* What SQLite calls a damaged b-tree ("table", "index"), as the problem names it. */
static const char *damaged_kind(int people, const char *kind)
{
	if (kind && !strcmp(kind, "table"))
		return check_tr(people, N_("table"));
	if (kind && !strcmp(kind, "index"))
		return check_tr(people, N_("index"));
	return kind ? kind : "b-tree";
}

void check_integrity(struct runner *r, long *structural)
{
	/* PostgreSQL keeps its files and the schema's constraints itself: a
	 * healthy store reads as one */
	if (store_on_pg(r->db))
		return;
	struct damage d[INTEGRITY_MAX + 1];
	struct store_stmt *st;
	int nlines, n = integrity_lines(r->db, d, &nlines);

	/* in a damaged file the broken constraints are symptoms of the damage:
	 * counted with their table, not shown one by one */
	int damaged = 0;
	for (int i = 0; i < n; i++)
		damaged |= !d[i].content;
	for (int i = 0; i < n && damaged; i++) {
		if (!d[i].content)
			continue;
		const char *in = strstr(d[i].line, " in ");
		d[i].content = 0;
		if (!strncmp(d[i].line, "non-unique entry", 16))
			d[i].name = line_index(d[i].line);
		else if (in)
			d[i].name = xstrndup(in + 4, strcspn(in + 4, ". "));
	}
	name_pages(r->db, d, n);

	/* broken constraints as they are; damage once per table or index */
	int raw = 0, unplaced = 0;
	for (int i = 0; i < n; i++) {
		if (d[i].content) {
			char *m = constraint_line(r->people, d[i].line);
			check_report(r, "integrity", "-", "-", m);
			free(m);
			continue;
		}
		++*structural;
		if (!d[i].name) {
			if (raw++ < RAW_MAX) {
				char *m = store_sqlf("%s%s", check_damaged_prefix(r->people), d[i].line);
				check_report(r, "integrity", "-", "-", m);
				free(m);
			} else {
				unplaced++;
			}
			continue;
		}
		int seen = 0;
		for (int j = 0; j < i && !seen; j++)
			seen = !d[j].content && d[j].name && !strcmp(d[j].name, d[i].name);
		if (seen)
			continue;
		long count = 0;
		for (int j = i; j < n; j++)
			count += !d[j].content && d[j].name && !strcmp(d[j].name, d[i].name);
		char *table = NULL, *kind = NULL;
		if (store_prepare(r->db, "SELECT tbl_name, type FROM sqlite_schema WHERE name = ?1", &st, NULL) ==
		    STORE_OK) {
			store_bind_text(st, 1, d[i].name);
			if (store_step(st) == STORE_ROW) {
				table = xstrdup(store_col_text(st, 0));
				kind = xstrdup(store_col_text(st, 1));
			}
			store_finalize(st);
		}
		char *what = count == 1 ? store_sqlf("%s '%s': %s", damaged_kind(r->people, kind), d[i].name, d[i].line)
					: store_sqlf(check_tr(r->people, N_("%s '%s': %ld problems, the first: %s")),
						     damaged_kind(r->people, kind), d[i].name, count, d[i].line);
		char *m = store_sqlf("%s%s", check_damaged_prefix(r->people), what);
		free(what);
		check_report(r, "integrity", table ? table : (!strncmp(d[i].name, "sqlite_", 7) ? d[i].name : "-"), "-", m);
		free(m);
		free(table);
		free(kind);
	}
	if (unplaced) {
		char *more = store_sqlf(r->people ? P_("%d more problem like these", "%d more problems like these", unplaced)
					: unplaced == 1 ? "%d more problem like these" : "%d more problems like these",
					unplaced);
		char *m = store_sqlf("%s%s", check_damaged_prefix(r->people), more);
		free(more);
		check_report(r, "integrity", "-", "-", m);
		free(m);
	}
	if (nlines >= INTEGRITY_MAX && *structural) {
		/* a note, not one more problem */
		char *note = store_sqlf(check_tr(r->people, N_("the integrity check stopped after %d problems; there may "
							       "be more")), INTEGRITY_MAX);
		char *m = store_sqlf("%s%s", check_damaged_prefix(r->people), note);
		r->fn(r->arg, "integrity", "-", "-", m);
		free(m);
		free(note);
	}
	for (int i = 0; i < n; i++) {
		free(d[i].name);
		free(d[i].line);
	}
}

/* survey_columns.c - survey import: which column of a form tool's export is
 * which item, the team column and its teams. The rest of the import (cells,
 * keys, rows) is in survey.c. */
#include "beter/i18n.h"
#include "beter/survey_columns.h"

#include <stdlib.h>
#include <string.h>

#include "beter/team.h"

/* The ASCII form of a typographic character at s ("’" -> '\''), with its
 * length in *len; 0 if s starts with none. Form tools and word processors
 * turn the apostrophe of "Collega's" into "’" in a question's text. */
static char typographic(const unsigned char *s, size_t *len)
{
	*len = 2;
	if (s[0] == 0xca && s[1] == 0xbc) /* ʼ */
		return '\'';
	if (s[0] == 0xc2 && s[1] == 0xb4) /* ´ */
		return '\'';
	*len = 3;
	if (s[0] != 0xe2 || s[1] != 0x80)
		return 0;
	switch (s[2]) {
	case 0x98: case 0x99: case 0x9a: case 0x9b: case 0xb2: /* ‘ ’ ‚ ‛ ′ */
		return '\'';
	case 0x9c: case 0x9d: case 0x9e: case 0x9f: case 0xb3: /* “ ” „ ‟ ″ */
		return '"';
	case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: /* ‐ ‑ ‒ – — */
		return '-';
	}
	return 0;
}

void survey_header_norm(const char *s, char *buf, size_t size)
{
	size_t n = 0, k;
	int space = 0;

	while (*s && n + 1 < size) {
		unsigned char c = (unsigned char)*s;
		char ascii;
		if ((k = str_space_len(s)) > 0) {
			space = n > 0;
			s += k;
			continue;
		}
		if (space && n + 2 < size)
			buf[n++] = ' ';
		space = 0;
		if (c >= 0x80 && (ascii = typographic((const unsigned char *)s, &k)) != 0) {
			buf[n++] = ascii;
			s += k;
			continue;
		}
		if (c == '`')
			c = '\'';
		else if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 'a' - 'A');
		buf[n++] = (char)c;
		s++;
	}
	while (n && strchr("?.:!* ", buf[n - 1]))
		n--;
	buf[n] = '\0';
}

static int identifying(const char *h)
{
	static const char *const names[] = {
		"id", "naam", "name", "full name", "volledige naam", "voornaam", "achternaam", "e-mail", "email",
		"e-mailadres", "emailadres", "email address", "e-mail address", "respondent", "respondent id",
		"respondentnummer", "leerlingnummer", "personeelsnummer", "start time", "starttijd", "begintijd",
		"completion time", "tijd van voltooien", "voltooiingstijd", "eindtijd", "last modified time",
		"tijd van laatste wijziging", "tijdstip van laatste wijziging", "laatst gewijzigd", "timestamp", "tijdstempel", "ip address", "ip-adres",
		NULL
	};
	for (int i = 0; names[i]; i++)
		if (!strcmp(h, names[i]))
			return 1;
	return 0;
}

static int find_col(struct csvin *r, const char *spec)
{
	int64_t num;
	char a[512], b[512];
	if (parse_int64(spec, &num) == 0)
		return num >= 1 && (size_t)num <= csvin_nfields(r) ? (int)num - 1 : -1;
	survey_header_norm(spec, a, sizeof(a));
	for (size_t i = 0; i < csvin_nfields(r); i++) {
		survey_header_norm(csvin_field(r, i), b, sizeof(b));
		if (!strcmp(a, b))
			return (int)i;
	}
	return -1;
}

static int find_item(const struct survey_instrument *in, const char *id)
{
	for (int i = 0; i < in->nitems; i++)
		if (in->items[i].id && !strcmp(in->items[i].id, id))
			return i;
	return -1;
}

static int set_col(struct imp *m, struct csvin *r, int col, enum col_kind kind, int item, struct beter_err *err)
{
	if (m->plan[col].kind != COL_NONE)
		return beter_err_set(err, BETER_DATAERR, _("%s:1:%d: column '%s' is mapped twice"), r->name, col + 1,
				     csvin_field(r, (size_t)col));
	for (size_t i = 0; kind == COL_ITEM && i < m->ncols; i++)
		if (m->plan[i].kind == COL_ITEM && m->plan[i].item == item)
			return beter_err_set(err, BETER_DATAERR, _("%s:1:%d: item '%s' already has column %zu"), r->name,
					     col + 1, m->in.items[item].id, i + 1);
	m->plan[col].kind = kind;
	m->plan[col].item = item;
	if (kind == COL_TEAM)
		m->team_col = col;
	if (kind == COL_RATER)
		m->rater_col = col;
	return 0;
}

static int apply_map(struct imp *m, struct csvin *r, const char *path, struct beter_err *err)
{
	struct csvin mr;
	int rc, cc, ci;
	static const char *const n_col[] = { "column", "kolom", NULL };
	static const char *const n_item[] = { "item", "vraag", NULL };

	if ((rc = csvin_open(&mr, path, err)))
		return rc;
	if ((rc = csvin_read(&mr)) <= 0) {
		rc = rc == 0 ? beter_err_set(err, BETER_DATAERR, _("%s: the file is empty"), mr.name) : err->status;
		goto out;
	}
	cc = csvin_find(&mr, n_col);
	ci = csvin_find(&mr, n_item);
	if (cc < 0 || ci < 0) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s:1: the header needs the columns column and item"), mr.name);
		goto out;
	}
	mr.width = (int)csvin_nfields(&mr);
	while ((rc = csvin_read(&mr)) == 1) {
		const char *spec = csvin_field(&mr, (size_t)cc), *target = csvin_field(&mr, (size_t)ci);
		int col = find_col(r, spec), item = -1;
		enum col_kind kind = COL_ITEM;
		if (col < 0) {
			rc = csvin_error(&mr, (size_t)cc, _("column: '%s' is not a column of %s"), spec, r->name);
			goto out;
		}
		if (!strcmp(target, "team"))
			kind = COL_TEAM;
		else if (!strcmp(target, "rater"))
			kind = COL_RATER;
		else if (!strcmp(target, "ignore"))
			kind = COL_IGNORE;
		else if ((item = find_item(&m->in, target)) < 0) {
			rc = csvin_error(&mr, (size_t)ci, _("item: '%s' is not an item of '%s' (nor team, rater or ignore)"),
					 target, m->in.id);
			goto out;
		}
		if ((rc = set_col(m, r, col, kind, item, err))) {
			beter_err_prefix(err, "%s:%ld", mr.name, csvin_line(&mr));
			goto out;
		}
	}
	rc = rc < 0 ? err->status : 0;
out:
	csvin_close(&mr);
	return rc;
}

/* --ignore-column COL (header text or number): not imported, not warned about. */
static int ignore_columns(struct imp *m, struct csvin *r, const struct survey_import_opts *o, struct beter_err *err)
{
	for (int i = 0; i < o->nignore; i++) {
		int col = find_col(r, o->ignore_columns[i]);
		if (col < 0)
			return beter_err_set(err, BETER_DATAERR, _("--ignore-column: no column '%s' in %s"), o->ignore_columns[i],
					     r->name);
		if (m->plan[col].kind != COL_NONE && m->plan[col].kind != COL_IGNORE)
			return beter_err_set(err, BETER_DATAERR, _("--ignore-column: column '%s' is mapped or the --id-column"),
					     o->ignore_columns[i]);
		m->plan[col].kind = COL_IGNORE;
	}
	return 0;
}

int survey_plan_columns(struct imp *m, struct csvin *r, const struct survey_import_opts *o, struct strbuf *notes,
			struct beter_err *err)
{
	char h[1024], q[1024];
	int rc;

	m->ncols = csvin_nfields(r);
	m->plan = xcalloc(m->ncols, sizeof(*m->plan));
	m->id_col = m->team_col = m->rater_col = -1;
	if (o->map_path && (rc = apply_map(m, r, o->map_path, err)))
		return rc;
	if (o->id_column) {
		m->id_col = find_col(r, o->id_column);
		if (m->id_col < 0)
			return beter_err_set(err, BETER_DATAERR, _("--id-column: no column '%s' in %s"), o->id_column, r->name);
		if (m->plan[m->id_col].kind != COL_NONE && m->plan[m->id_col].kind != COL_IGNORE)
			return beter_err_set(err, BETER_DATAERR, _("--id-column: column '%s' is mapped to an item"), o->id_column);
		m->plan[m->id_col].kind = COL_ID;
	}
	if ((rc = ignore_columns(m, r, o, err)))
		return rc;
	for (size_t c = 0; c < m->ncols; c++) {
		int found = -1;
		if (m->plan[c].kind != COL_NONE)
			continue;
		survey_header_norm(csvin_field(r, c), h, sizeof(h));
		for (int i = 0; i < m->in.nitems && found < 0; i++) {
			survey_header_norm(m->in.items[i].text, q, sizeof(q));
			if (!strcmp(h, q) || !strcmp(h, m->in.items[i].id))
				found = i;
		}
		if (found >= 0) {
			if ((rc = set_col(m, r, (int)c, COL_ITEM, found, err)))
				return rc;
			continue;
		}
		if (m->in.team_question)
			survey_header_norm(m->in.team_question, q, sizeof(q));
		if (m->team_col < 0 && (!strcmp(h, "team") || (m->in.team_question && !strcmp(h, q)))) {
			set_col(m, r, (int)c, COL_TEAM, -1, err);
			continue;
		}
		if (m->in.rater_question)
			survey_header_norm(m->in.rater_question, q, sizeof(q));
		if (m->in.nraters && m->rater_col < 0 &&
		    (!strcmp(h, "rater") || !strcmp(h, "beoordelaar") || (m->in.rater_question && !strcmp(h, q)))) {
			set_col(m, r, (int)c, COL_RATER, -1, err);
			continue;
		}
		m->plan[c].kind = COL_IGNORE;
		/* a question without an item loses its answers: said even under --quiet */
		if (!identifying(h)) {
			char at[512];
			csvin_where(r, c, at, sizeof(at));
			strbuf_addf(o->warnings ? o->warnings : notes, _("%s: column '%.80s' matches no item of '%s'; "
				    "not imported (map it with --map, or name it with --ignore-column)\n"),
				    at, csvin_field(r, c), m->in.id);
		}
	}
	int matched = 0, missing = 0;
	struct strbuf miss = STRBUF_INIT;
	for (int i = 0; i < m->in.nitems; i++) {
		int has = 0;
		for (size_t c = 0; c < m->ncols; c++)
			has |= m->plan[c].kind == COL_ITEM && m->plan[c].item == i;
		matched += has;
		if (!has)
			strbuf_addf(&miss, "%s%s", missing++ ? ", " : "", m->in.items[i].id);
	}
	if (matched && missing)
		strbuf_addf(notes, P_("%s: an item without a column, answers stay empty: %s\n",
			       "%s: items without a column, answers stay empty: %s\n", missing), r->name,
			    strbuf_str(&miss));
	strbuf_release(&miss);
	if (!matched)
		return beter_err_set(err, BETER_DATAERR, _("%s:1: no column matches an item of '%s' by id or text "
				     "(see 'beter survey instrument show %s', or use --map)"), r->name, m->in.id, m->in.id);
	if (m->in.nraters && m->rater_col < 0)
		return beter_err_set(err, BETER_DATAERR, _("%s:1: a 360-degree feedback needs a rater column ('rater' or '%s')"),
				     r->name, m->in.rater_question ? m->in.rater_question : _("rater"));
	if (m->team && m->team_col >= 0)
		m->plan[m->team_col].kind = COL_IGNORE; /* a team's survey: every response is the team's */
	if (m->team)
		m->team_col = -1;
	return 0;
}

#define TEAMS_UNKNOWN_MAX 64

/* An unknown team with --skip-unknown-team: count the row, keep the first
 * place and a few names for the warning. */
static void skip_row(struct imp *m, struct csvin *r, size_t col, const char *name)
{
	struct team_skips *s = &m->skips;
	char quoted[300];

	if (!s->rows++) {
		s->line = csvin_line(r);
		s->col = col + 1;
	}
	snprintf(quoted, sizeof(quoted), "'%s'", name);
	if (strstr(strbuf_str(&s->names), quoted))
		return;
	if (s->nnames < 3)
		strbuf_addf(&s->names, "%s%s", s->nnames++ ? ", " : "", quoted);
	else
		s->more = 1;
}

int survey_team_lookup(struct imp *m, struct csvin *r, size_t col, const char *name,
		       const struct survey_import_opts *o, int64_t *id, struct beter_err *err)
{
	size_t i;

	(void)err;
	for (i = 0; i < m->teams.n && strcmp(m->teams.names[i], name); i++)
		;
	if (i < m->teams.n) {
		*id = m->teams.ids[i];
	} else {
		/* the first time: look it up and remember it, 0 when it is not in
		 * the store (a few of those: a column of anything is no team column) */
		if (team_find(m->db, m->school, name, id, NULL) != 0)
			*id = 0;
		if (*id || m->teams.n < TEAMS_UNKNOWN_MAX) {
			m->teams.names = xrealloc(m->teams.names, (m->teams.n + 1) * sizeof(char *));
			m->teams.ids = xrealloc(m->teams.ids, (m->teams.n + 1) * sizeof(int64_t));
			m->teams.names[m->teams.n] = xstrdup(name);
			m->teams.ids[m->teams.n++] = *id;
		}
	}
	if (*id)
		return 0;
	if (!o->skip_unknown_team)
		return csvin_error(r, col, _("no team named '%s' (see 'beter team list'; --skip-unknown-team imports the "
				   "other rows)"), name);
	skip_row(m, r, col, name);
	return 1;
}

void survey_team_skips_note(struct imp *m, const char *file, const struct survey_import_opts *o,
			    struct strbuf *notes)
{
	const struct team_skips *s = &m->skips;

	if (!s->rows)
		return;
	strbuf_addf(o->warnings ? o->warnings : notes,
		    P_("%s: %ld row skipped, with a team that is not in the store: %s%s (the first at %s:%ld:%zu; see "
		       "'beter team list')\n",
		       "%s: %ld rows skipped, with a team that is not in the store: %s%s (the first at %s:%ld:%zu; see "
		       "'beter team list')\n", s->rows), file, s->rows,
		    strbuf_str(&s->names), s->more ? ", ..." : "", file, s->line, s->col);
}

/* board session add --edit: the session in the standard order, with the
 * book's question at each step, written in $VISUAL/$EDITOR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "board_cmd.h"
#include "visit_edit.h"

void board_edit_release(struct board_edit *ed)
{
	struct opt_list *l[] = { &ed->checkins, &ed->successes, &ed->measures, &ed->done, &ed->actions,
				 &ed->notdone, &ed->vdone, &ed->vmissed, &ed->agenda };
	for (size_t i = 0; i < sizeof(l) / sizeof(*l); i++)
		opt_list_release(l[i]);
	free(ed->text);
	memset(ed, 0, sizeof(*ed));
}

/* The open actions of the team (step 4), as comments. */
static void action_lines(struct ctx *c, const char *team_name, struct strbuf *sb)
{
	struct store_stmt *st;
	struct beter_err e = { 0 };
	int rc;

	if (!store_prepare(c->db, "SELECT a.id, a.what, a.due FROM board_action a JOIN team t ON t.id = a.team_id "
				  "WHERE t.name = ?1 AND a.done IS NULL AND a.removed IS NULL ORDER BY a.due, a.id", &st, &e)) {
		store_bind_text(st, 1, team_name);
		while (store_next(c->db, st, &rc, N_("reading actions"), &e))
			strbuf_addf(sb, _("#    open: %s  %s (due %s)\n"), store_col(st, 0), store_col(st, 1), store_col(st, 2));
		store_finalize(st);
	}
}

/* This week's visits of the team that are not recorded (step 5), as comments. */
static void visit_lines(struct ctx *c, const char *team_name, int day, struct strbuf *sb)
{
	struct store_stmt *st;
	struct beter_err e = { 0 };
	int rc;

	if (!store_prepare(c->db, "SELECT v.id, v.date, o.code, p.code FROM visit v JOIN person o ON o.id = v.observer_id "
				  "JOIN person p ON p.id = v.teacher_id JOIN team t ON t.id = v.team_id WHERE t.name = ?1 "
				  "AND v.cancelled IS NULL AND v.recorded IS NULL AND v.date BETWEEN date(?2, '-6 days') AND ?2 "
				  "ORDER BY v.date, v.id", &st, &e)) {
		store_bind_text(st, 1, team_name);
		store_bind_day(st, 2, day);
		while (store_next(c->db, st, &rc, N_("reading visits"), &e))
			strbuf_addf(sb, _("#    visit %s on %s: %s visits %s\n"), store_col(st, 0), store_col(st, 1),
				    store_col(st, 2), store_col(st, 3));
		store_finalize(st);
	}
}

static void question(struct strbuf *sb, int i, const char *how)
{
	strbuf_addf(sb, "\n# %s: %s\n# %s\n", _(board_steps[i].title), _(board_steps[i].question), how);
}

static void template(struct ctx *c, const char *team_name, int day, struct strbuf *sb)
{
	char d[11];

	date_format(day, d);
	strbuf_addf(sb, _("# Board session of %s, in the standard order of the improvement board.\n"
			  "# Lines starting with '#' do not count. Write under each heading; leave empty what does not apply.\n"),
		    team_name);
	strbuf_addf(sb, "datum: %s\nleider:\nonderwerp:\n", d);
	question(sb, 0, _("one line per person: CODE=SCORE (1-10), e.g. ODW=8"));
	strbuf_adds(sb, "check-in:\n");
	question(sb, 1, _("one success per line"));
	strbuf_adds(sb, "successen:\n");
	question(sb, 2, _("one line per goal: GOAL=SCORE (1-10), e.g. 2=6.5"));
	strbuf_adds(sb, "voortgang:\n");
	question(sb, 3, _("done: an action number per line; not done: N=reason; new: CODE|what|due"));
	action_lines(c, team_name, sb);
	strbuf_adds(sb, "gedaan:\nniet-gedaan:\nnieuw:\n");
	question(sb, 4, _("werksessie: topic=minutes per line; lesson visits that took place or not: a number per line"));
	visit_lines(c, team_name, day, sb);
	strbuf_adds(sb, "werksessie:\nlesbezoek-gelukt:\nlesbezoek-niet-gelukt:\nnotitie:\n");
}

static void push(struct opt_list *l, const char *s)
{
	l->v = xrealloc(l->v, sizeof(*l->v) * (size_t)(l->n + 1));
	l->v[l->n++] = s;
}

/* Parse the edited text in place into ed. */
static int parse(struct ctx *c, const char *path, struct board_edit *ed)
{
	struct { const char *key; struct opt_list *l; char **one; } keys[] = {
		{ "datum", NULL, &ed->date }, { "leider", NULL, &ed->leader }, { "onderwerp", NULL, &ed->topic },
		{ "notitie", NULL, &ed->note }, { "check-in", &ed->checkins, NULL }, { "successen", &ed->successes, NULL },
		{ "voortgang", &ed->measures, NULL }, { "gedaan", &ed->done, NULL }, { "niet-gedaan", &ed->notdone, NULL },
		{ "nieuw", &ed->actions, NULL }, { "werksessie", &ed->agenda, NULL },
		{ "lesbezoek-gelukt", &ed->vdone, NULL }, { "lesbezoek-niet-gelukt", &ed->vmissed, NULL },
	};
	struct opt_list *cur = NULL;
	int lineno = 0, any = 0;

	for (char *line = ed->text, *next; line && *line; line = next) {
		char *nl = strchr(line, '\n'), *colon, *v;
		next = nl ? nl + 1 : NULL;
		if (nl)
			*nl = 0;
		lineno++;
		while (*line == ' ' || *line == '\t')
			line++;
		for (size_t n = strlen(line); n && (line[n - 1] == ' ' || line[n - 1] == '\r' || line[n - 1] == '\t');)
			line[--n] = 0;
		if (!*line || *line == '#')
			continue;
		size_t k = sizeof(keys) / sizeof(*keys);
		if ((colon = strchr(line, ':'))) {
			for (k = 0; k < sizeof(keys) / sizeof(*keys); k++)
				if ((size_t)(colon - line) == strlen(keys[k].key) && !strncmp(line, keys[k].key, strlen(keys[k].key)))
					break;
		}
		if (k < sizeof(keys) / sizeof(*keys)) {
			for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
				;
			cur = keys[k].l;
			if (keys[k].one)
				*keys[k].one = *v ? v : NULL;
			else if (*v)
				push(cur, v);
			any |= *v != 0 && strcmp(keys[k].key, "datum");
			continue;
		}
		if (!cur)
			return beter_err_set(&c->err, BETER_DATAERR, _("%s:%d: '%s' is not under a heading (check-in:, "
								      "successen:, voortgang:, gedaan:, ...)"), path, lineno, line);
		push(cur, line);
		any = 1;
	}
	if (!any)
		return beter_err_set(&c->err, BETER_FAIL, "%s", _("--edit: nothing was written; aborting (no session added)"));
	return 0;
}

int board_edit_done(struct ctx *c, char **pathp, int rc)
{
	if (!*pathp)
		return rc;
	if (rc == 0 || rc == BETER_FAIL)
		unlink(*pathp);
	else {
		char msg[sizeof(c->err.msg)];
		snprintf(msg, sizeof(msg), _("%s; your text is kept in %s"), c->err.msg, *pathp);
		memcpy(c->err.msg, msg, sizeof(msg));
	}
	free(*pathp);
	*pathp = NULL;
	return rc;
}

int board_cmd_edit(struct ctx *c, const char *team_name, int day, struct board_edit *ed, char **path)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	memset(ed, 0, sizeof(*ed));
	template(c, team_name, day, &sb);
	rc = edit_text(c, strbuf_str(&sb), &ed->text, path);
	strbuf_release(&sb);
	return rc ? rc : parse(c, *path ? *path : "--edit", ed);
}

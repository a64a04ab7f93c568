/* beter board: the team's improvement board, its items, actions and weekly sessions. */
#include <stdlib.h>
#include <string.h>

#include "beter/board.h"
#include "beter/board_html.h"
#include "beter/date.h"
#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/person.h"
#include "beter/report.h"
#include "beter/team.h"
#include "beter/i18n.h"
#include "board_cmd.h"
#include "cmd.h"

struct bopts {
	const char *team, *school, *week, *date, *ambition, *story, *start, *end, *goal, *what, *due, *leader, *topic,
		*note, *from, *on;
	int all, team_action, open, overdue;
	struct opt_list agreements, who, checkins, successes, measures, done;
	struct opt_list actions, notdone, vdone, vmissed, agenda; /* session add, board_session.c */
	int edit;
	int64_t school_id, team_id;
	char team_name[256]; /* the team's name, also when --team gave its number */
	int day;
};
#define OPT_STRUCT struct bopts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))
#define OPT_TEAM OPT_STRING("team", team, "TEAM", N_("the team (its name or number)"))
#define OPT_DATE OPT_STRING("date", date, "DATE", N_("the day this happens on the board (default today)"))
#define OPT_WEEK OPT_STRING("week", week, "WEEK", N_("the board as it stood at the end of this ISO week, e.g. 2026-W47"))

static const struct opt show_opts[] = { OPT_TEAM, OPT_WEEK, OPT_SCHOOL, OPT_END };
static const struct opt export_opts[] = {
	OPT_TEAM,
	OPT_FLAG("all", all, N_("every team of the school that has a board")),
	OPT_STRING("week", week, "WEEK", N_("the ISO week to export, e.g. 2026-W47 (default this week)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt set_opts[] = {
	OPT_TEAM,
	OPT_STRING("ambition", ambition, "TEXT", N_("the team's ambition (replaces the current one)")),
	OPT_STRING("story", story, "TEXT", N_("the inspiration story (replaces the current one)")),
	OPT_LIST("agreement", agreements, "TEXT", N_("add a team agreement (may be repeated)")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt item_add_opts[] = { OPT_TEAM, OPT_DATE, OPT_SCHOOL, OPT_END };
static const struct opt theme_add_opts[] = {
	OPT_TEAM,
	OPT_STRING("start", start, "DATE", N_("the first day of the theme's period")),
	OPT_STRING("end", end, "DATE", N_("the last day of the theme's period")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt success_add_opts[] = {
	OPT_TEAM,
	OPT_STRING("goal", goal, "N", N_("the team goal this success belongs to")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt rhythm_add_opts[] = {
	OPT_TEAM,
	OPT_STRING("on", on, "DATE", N_("the day of the planned session (required)")),
	OPT_STRING("leader", leader, "CODE", N_("who leads it (required)")),
	OPT_STRING("topic", topic, "TEXT", N_("its topic")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt list_opts[] = { OPT_TEAM, OPT_WEEK, OPT_SCHOOL, OPT_END };
static const struct opt rm_opts[] = { OPT_DATE, OPT_SCHOOL, OPT_END };
static const struct opt action_add_opts[] = {
	OPT_TEAM,
	OPT_LIST("who", who, "CODE", N_("who does it (a team action: several codes, repeated or comma-separated)")),
	OPT_STRING("what", what, "TEXT", N_("what is done (required)")),
	OPT_STRING("due", due, "DATE", N_("when it is done by (required)")),
	OPT_STRING("goal", goal, "N", N_("the team goal it serves")),
	OPT_FLAG("team-action", team_action, N_("an action for the team (andere acties) instead of one in class")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt action_list_opts[] = {
	OPT_TEAM,
	OPT_FLAG("open", open, N_("only actions not yet done")),
	OPT_FLAG("overdue", overdue, N_("only open actions past their due day")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt session_add_opts[] = {
	OPT_TEAM,
	OPT_STRING("date", date, "DATE", N_("the day of the session (required)")),
	OPT_STRING("leader", leader, "CODE", N_("who led it (required)")),
	OPT_STRING("topic", topic, "TEXT", N_("the session's programme")),
	OPT_LIST("checkin", checkins, "CODE=SCORE", N_("1. check-in: how someone stands, 1-10 (repeat per person)")),
	OPT_LIST("success", successes, "TEXT", N_("2. a success to celebrate (repeatable)")),
	OPT_LIST("measure", measures, "GOAL=SCORE", N_("3. a result for a team goal, 1-10 (repeatable)")),
	OPT_LIST("done", done, "N", N_("4. an action that is done (repeatable)")),
	OPT_LIST("not-done", notdone, "N=REASON", N_("4. an action that is not done, and why (repeatable)")),
	OPT_LIST("action", actions, "CODE|WHAT|DUE",
		 N_("4. a new action: who (CODE, several as CODE,CODE or team:CODE for a team action), what, due day "
		    "(repeatable)")),
	OPT_STRING("note", note, "TEXT", N_("5. a note on the programme, changes, lesson visits")),
	OPT_LIST("agenda", agenda, "TOPIC=MINUTES", N_("5. the werksessie's programme: a topic and its minutes (repeatable)")),
	OPT_LIST("visit-done", vdone, "N", N_("5. a lesson visit of this week that took place: held, not missed "
					      "(repeatable)")),
	OPT_LIST("visit-missed", vmissed, "N", N_("5. a lesson visit of this week that did not take place: missed "
						  "from now on (repeatable)")),
	OPT_FLAG("edit", edit, N_("write the session in $VISUAL/$EDITOR on a template in the standard order, with the "
				  "book's questions")),
	OPT_STRING("from", from, "FILE", N_("read the whole session from a JSON document ('-': stdin)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt team_opts[] = { OPT_TEAM, OPT_SCHOOL, OPT_END };
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

static void bopts_release(struct bopts *o)
{
	opt_list_release(&o->agreements);
	opt_list_release(&o->who);
	opt_list_release(&o->checkins);
	opt_list_release(&o->successes);
	opt_list_release(&o->measures);
	opt_list_release(&o->done);
	opt_list_release(&o->actions);
	opt_list_release(&o->notdone);
	opt_list_release(&o->vdone);
	opt_list_release(&o->vmissed);
	opt_list_release(&o->agenda);
}

/* Parse options and arguments, resolve school, team (when given or needed)
 * and --date (default today). */
static int prologue(struct ctx *c, struct optparse *p, struct bopts *o, int min, int max, const char *what,
		    int need_team)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, min, max, what)))
		return rc;
	if (need_team && !o->team)
		return cmd_usage(c, _("which team? give --team TEAM (usage: %s)"), cmd_usage_line(c));
	o->day = date_today();
	if (o->date && (rc = date_parse(o->date, &o->day, "--date", &c->err)))
		return rc;
	if ((rc = cmd_school(c, o->school, &o->school_id)))
		return rc;
	if (o->team && (rc = team_find(c->db, o->school_id, o->team, &o->team_id, &c->err)))
		return rc;
	if (o->team)
		team_name(c->db, o->team_id, o->team_name, sizeof(o->team_name));
	return 0;
}

/* --week: its Monday and Sunday; without it this week */
static int week_range(struct ctx *c, const char *week, int *from, int *to)
{
	int rc;
	if (!week) {
		int y, w;
		date_iso_week(date_today(), &y, &w);
		*from = date_week_monday(y, w);
		*to = *from + 6;
		return 0;
	}
	if (!strstr(week, "-W"))
		return beter_err_set(&c->err, BETER_DATAERR, _("--week: '%s' is not an ISO week like 2026-W47"), week);
	if ((rc = date_period_parse(week, from, to, "--week", &c->err)))
		return rc;
	return 0;
}

/* the day a list shows: the end of --week (capped at today), else today */
static int view_day(struct ctx *c, const struct bopts *o, int *day)
{
	int from, to, rc, today = date_today();
	if (!o->week) {
		*day = today;
		return 0;
	}
	if ((rc = week_range(c, o->week, &from, &to)))
		return rc;
	*day = to < today ? to : today; /* a future week: as it stands today */
	return 0;
}

static int goal_number(struct ctx *c, const struct bopts *o, const char *what, const char *s, int64_t *goal)
{
	struct goal_info g;
	int rc;
	if ((rc = cmd_number(c, what, s, goal)))
		return rc == BETER_USAGE ? beter_err_set(&c->err, BETER_DATAERR, _("%s: '%s' is not a goal number"), what, s)
					 : rc;
	return goal_find(c->db, o->school_id, *goal, &g, &c->err);
}

/* ---- show and export ---- */

/* the board as one HTML page, to stdout or --out FILE (whole, then renamed over it) */
static int show_page(struct ctx *c, const struct bopts *o, int from, int to)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (c->fmt != OUT_HTML && c->fmt_given) {
		strbuf_release(&sb);
		return cmd_usage(c, _("--out: the board is written to a file as an html page; give --format html"));
	}
	if (c->out_path && !*c->out_path)
		return cmd_usage(c, _("--out needs a file name"));
	rc = board_html(c->db, o->school_id, o->team_id, from, to, &sb, &c->err);
	if (!rc && c->out_path) {
		if (!(rc = report_write_file(c->out_path, sb.buf, sb.len, &c->err)))
			cmd_note(c, _("wrote the board to %s"), c->out_path);
	} else if (!rc) {
		fwrite(sb.buf, 1, sb.len, c->out.fp);
	}
	strbuf_release(&sb);
	return rc;
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int from, to, rc;

	if (!(rc = prologue(c, p, &o, 0, 0, "nothing", 1))) {
		if (o.week) {
			rc = week_range(c, o.week, &from, &to);
		} else {
			rc = week_range(c, NULL, &from, &to);
			to = date_today();
		}
	}
	if (!rc && c->fmt == OUT_MD)
		rc = cmd_usage(c, _("--format: the board is a table, json, csv, tsv or an html page, not md"));
	else if (!rc && (c->fmt == OUT_HTML || (c->out_path && c->fmt != OUT_XLSX)))
		rc = show_page(c, &o, from, to);
	else if (!rc)
		rc = board_render(c->db, o.school_id, o.team_id, from, to, 0, &c->out, &c->err);
	bopts_release(&o);
	return rc;
}

static int run_export(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int from, to, rc;

	if ((rc = prologue(c, p, &o, 0, 0, "nothing", 0)))
		goto out;
	if (!o.team == !o.all) {
		rc = cmd_usage(c, _("give either --team TEAM or --all (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = week_range(c, o.week, &from, &to)))
		goto out;
	if (c->out.fmt == OUT_TABLE) {
		if (c->fmt_given) {
			rc = cmd_usage(c, _("--format: the export is json, csv or tsv, not table (see 'board show' for a "
				       "table)"));
			goto out;
		}
		c->out.fmt = OUT_JSON;
	}
	rc = board_render(c->db, o.school_id, o.all ? 0 : o.team_id, from, to, 1, &c->out, &c->err);
out:
	bopts_release(&o);
	return rc;
}

/* ---- set: ambition, story, agreements ---- */

static int run_set(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, "nothing", 1)))
		goto out;
	if (!o.ambition && !o.story && !o.agreements.n) {
		rc = cmd_usage(c, _("nothing to set: give --ambition, --story or --agreement"));
		goto out;
	}
	if ((o.ambition && (rc = board_item_set(c->db, o.team_id, "ambitie", o.ambition, o.day, &c->err))) ||
	    (o.story && (rc = board_item_set(c->db, o.team_id, "inspiratieverhaal", o.story, o.day, &c->err))))
		goto out;
	for (int i = 0; i < o.agreements.n; i++)
		if ((rc = board_item_add(c->db, o.team_id, "teamafspraken", o.agreements.v[i], o.day, NULL, &c->err)))
			goto out;
	cmd_note(c, _("the board of '%s' is updated"), o.team_name);
out:
	bopts_release(&o);
	return rc;
}

/* ---- text sections: add, list, rm ---- */

static int item_add(struct ctx *c, struct optparse *p, const char *section)
{
	struct board_item_new n;
	struct bopts o;
	int64_t id;
	int rc;

	memset(&n, 0, sizeof(n));
	if ((rc = prologue(c, p, &o, 1, 1, N_("the text"), 1)))
		goto out;
	n.section = section;
	n.text = p->args[0];
	n.day = o.day;
	if (o.start || o.end) {
		if (!o.start || !o.end) {
			rc = cmd_usage(c, _("a theme's period needs both --start and --end"));
			goto out;
		}
		if ((rc = date_parse(o.start, &n.period_start, "--start", &c->err)) ||
		    (rc = date_parse(o.end, &n.period_end, "--end", &c->err)))
			goto out;
		n.has_period = 1;
	}
	if (o.goal && (rc = goal_number(c, &o, "--goal", o.goal, &n.goal)))
		goto out;
	if ((rc = board_item_add_ex(c->db, o.team_id, &n, &id, &c->err)))
		goto out;
	cmd_note(c, _("added item %lld to the board of '%s'"), (long long)id, o.team_name);
out:
	bopts_release(&o);
	return rc;
}

static int item_list(struct ctx *c, struct optparse *p, const char *section)
{
	struct bopts o;
	int day, rc;

	if (!(rc = prologue(c, p, &o, 0, 0, "nothing", 1)) && !(rc = view_day(c, &o, &day)))
		rc = board_item_list(c->db, o.team_id, section, day, &c->out, &c->err);
	bopts_release(&o);
	return rc;
}

static int item_rm(struct ctx *c, struct optparse *p, const char *section)
{
	struct bopts o;
	int64_t id;
	int rc;

	if (!(rc = prologue(c, p, &o, 1, 1, N_("the item's number"), 0)) &&
	    !(rc = cmd_number(c, "item", p->args[0], &id)) &&
	    !(rc = board_item_rm(c->db, o.school_id, section, id, o.day, &c->err)))
		cmd_note(c, _("took item %lld off the board"), (long long)id);
	bopts_release(&o);
	return rc;
}

#define ITEM_RUNS(name, section)                                                                             \
	static int run_##name##_add(struct ctx *c, struct optparse *p) { return item_add(c, p, section); }   \
	static int run_##name##_list(struct ctx *c, struct optparse *p) { return item_list(c, p, section); } \
	static int run_##name##_rm(struct ctx *c, struct optparse *p) { return item_rm(c, p, section); }

ITEM_RUNS(agreement, "teamafspraken")
ITEM_RUNS(theme, "jaarbord")
ITEM_RUNS(arena, "uitkomst_leerlingarena")
ITEM_RUNS(park, "parkeren")
ITEM_RUNS(success, "successen")
static int run_rhythm_list(struct ctx *c, struct optparse *p) { return item_list(c, p, "perioderitmiek"); }
static int run_rhythm_rm(struct ctx *c, struct optparse *p) { return item_rm(c, p, "perioderitmiek"); }

static int run_rhythm_add(struct ctx *c, struct optparse *p)
{
	struct board_item_new n;
	struct bopts o;
	int64_t id;
	int rc;

	memset(&n, 0, sizeof(n));
	if ((rc = prologue(c, p, &o, 0, 0, "nothing", 1)))
		goto out;
	if (!o.on || !o.leader) {
		rc = cmd_usage(c, _("a planned session needs --on DATE and --leader CODE (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = date_parse(o.on, &n.on_date, "--on", &c->err)) ||
	    (rc = person_find(c->db, o.school_id, o.leader, &n.person, &c->err)))
		goto out;
	n.section = "perioderitmiek";
	n.text = o.topic;
	n.day = o.day;
	if ((rc = board_item_add_ex(c->db, o.team_id, &n, &id, &c->err)))
		goto out;
	cmd_note(c, _("planned session %lld on the board of '%s'"), (long long)id, o.team_name);
out:
	bopts_release(&o);
	return rc;
}

/* ---- actions ---- */

static int run_action_add(struct ctx *c, struct optparse *p)
{
	struct board_action_new a;
	struct bopts o;
	int64_t *who = NULL, id;
	int nwho = 0, rc;

	memset(&a, 0, sizeof(a));
	if ((rc = prologue(c, p, &o, 0, 0, "nothing", 1)))
		goto out;
	if (!o.who.n || !o.what || !o.due) {
		rc = cmd_usage(c, _("an action needs --who, --what and --due (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = date_parse(o.due, &a.due, "--due", &c->err)))
		goto out;
	for (int i = 0; i < o.who.n; i++) {
		char *copy = xstrdup(o.who.v[i]), *save = NULL;
		for (char *tok = strtok_r(copy, ", ", &save); tok && !rc; tok = strtok_r(NULL, ", ", &save)) {
			who = xrealloc(who, sizeof(*who) * (size_t)(nwho + 1));
			rc = person_find(c->db, o.school_id, tok, &who[nwho++], &c->err);
		}
		free(copy);
		if (rc)
			goto out;
	}
	if (o.goal && (rc = goal_number(c, &o, "--goal", o.goal, &a.goal)))
		goto out;
	a.team_action = o.team_action;
	a.what = o.what;
	a.who = who;
	a.nwho = nwho;
	a.day = o.day;
	if ((rc = board_action_add(c->db, o.team_id, &a, &id, &c->err)))
		goto out;
	cmd_note(c, _("added action %lld to the board of '%s'"), (long long)id, o.team_name);
out:
	free(who);
	bopts_release(&o);
	return rc;
}

static int run_action_done(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int64_t id;
	int rc;

	if (!(rc = prologue(c, p, &o, 1, 1, N_("the action's number"), 0)) &&
	    !(rc = cmd_number(c, "action", p->args[0], &id)) &&
	    !(rc = board_action_done(c->db, o.school_id, id, o.day, 0, &c->err)))
		cmd_note(c, _("action %lld is done"), (long long)id);
	bopts_release(&o);
	return rc;
}

static int run_action_rm(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int64_t id;
	int rc;

	if (!(rc = prologue(c, p, &o, 1, 1, N_("the action's number"), 0)) &&
	    !(rc = cmd_number(c, "action", p->args[0], &id)) &&
	    !(rc = board_action_rm(c->db, o.school_id, id, o.day, &c->err)))
		cmd_note(c, _("took action %lld off the board"), (long long)id);
	bopts_release(&o);
	return rc;
}

static int run_action_list(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int rc;

	if (!(rc = prologue(c, p, &o, 0, 0, "nothing", 1)))
		rc = board_action_list(c->db, o.team_id, o.open, o.overdue, date_today(), &c->out, &c->err);
	bopts_release(&o);
	return rc;
}

/* ---- sessions ---- */

static int session_from_options(struct ctx *c, struct bopts *o, struct board_session_new *s)
{
	int rc;

	if (!o->team || !o->date || !o->leader)
		return cmd_usage(c, _("a session needs --team, --date and --leader, or --from FILE (usage: %s)"),
				 cmd_usage_line(c));
	s->team = o->team_id;
	s->date = o->day;
	if ((rc = person_find(c->db, o->school_id, o->leader, &s->leader, &c->err)))
		return rc;
	s->topic = o->topic ? xstrdup(o->topic) : NULL;
	s->note = o->note ? xstrdup(o->note) : NULL;
	for (int i = 0; i < o->checkins.n; i++) {
		const char *eq = strchr(o->checkins.v[i], '=');
		char code[64];
		int64_t person, score;
		if (!eq || eq == o->checkins.v[i] || (size_t)(eq - o->checkins.v[i]) >= sizeof(code))
			return beter_err_set(&c->err, BETER_DATAERR, _("--checkin: '%s' is not CODE=SCORE"),
					     o->checkins.v[i]);
		snprintf(code, sizeof(code), "%.*s", (int)(eq - o->checkins.v[i]), o->checkins.v[i]);
		/* name the pair: with several check-ins "11 is outside" does not say whose */
		if (parse_int64(eq + 1, &score) != 0)
			return beter_err_set(&c->err, BETER_DATAERR, _("--checkin: %s: the score is not a whole number "
					     "1-10"), o->checkins.v[i]);
		if (score < 1 || score > 10)
			return beter_err_set(&c->err, BETER_DATAERR, _("--checkin: %s: the score is outside 1-10"),
					     o->checkins.v[i]);
		if ((rc = person_find(c->db, o->school_id, code, &person, &c->err)))
			return rc;
		board_session_checkin(s, person, (int)score);
	}
	for (int i = 0; i < o->successes.n; i++)
		board_session_success(s, o->successes.v[i]);
	for (int i = 0; i < o->measures.n; i++) {
		const char *eq = strchr(o->measures.v[i], '=');
		char num[32];
		int64_t goal;
		double score;
		if (!eq || eq == o->measures.v[i] || (size_t)(eq - o->measures.v[i]) >= sizeof(num))
			return beter_err_set(&c->err, BETER_DATAERR, _("--measure: '%s' is not GOAL=SCORE"),
					     o->measures.v[i]);
		snprintf(num, sizeof(num), "%.*s", (int)(eq - o->measures.v[i]), o->measures.v[i]);
		if ((rc = cmd_real(c, "--measure", eq + 1, 1, 10, &score)) ||
		    (rc = goal_number(c, o, "--measure", num, &goal)))
			return rc;
		board_session_measure(s, goal, score);
	}
	for (int i = 0; i < o->done.n; i++) {
		int64_t action;
		if ((rc = cmd_number(c, "--done", o->done.v[i], &action)))
			return beter_err_set(&c->err, BETER_DATAERR, _("--done: '%s' is not an action number"),
					     o->done.v[i]);
		board_session_done(s, action);
	}
	return 0;
}

/* --edit: the template's answers join the options given (the lists point
 * into ed's text) */
static int session_edit(struct ctx *c, struct bopts *o, struct board_edit *ed, char **path)
{
	struct opt_list *from[] = { &ed->checkins, &ed->successes, &ed->measures, &ed->done, &ed->actions,
				    &ed->notdone, &ed->vdone, &ed->vmissed, &ed->agenda };
	struct opt_list *to[] = { &o->checkins, &o->successes, &o->measures, &o->done, &o->actions,
				  &o->notdone, &o->vdone, &o->vmissed, &o->agenda };
	int rc;

	if (!o->team)
		return cmd_usage(c, _("which team? give --team TEAM (usage: %s)"), cmd_usage_line(c));
	if ((rc = board_cmd_edit(c, o->team_name, o->date ? o->day : date_today(), ed, path)))
		return rc;
	if (!o->date && ed->date && (rc = date_parse(ed->date, &o->day, "datum", &c->err)))
		return rc;
	if (!o->date)
		o->date = ed->date ? ed->date : "today";
	o->leader = o->leader ? o->leader : ed->leader;
	o->topic = o->topic ? o->topic : ed->topic;
	o->note = o->note ? o->note : ed->note;
	for (size_t i = 0; i < sizeof(from) / sizeof(*from); i++)
		for (int k = 0; k < from[i]->n; k++) {
			to[i]->v = xrealloc(to[i]->v, sizeof(*to[i]->v) * (size_t)(to[i]->n + 1));
			to[i]->v[to[i]->n++] = from[i]->v[k];
		}
	return 0;
}

static int run_session_add(struct ctx *c, struct optparse *p)
{
	struct board_session_new s;
	struct board_session_extra x = { 0 };
	struct board_edit ed = { 0 };
	char *path = NULL;
	struct bopts o;
	int64_t id;
	int rc;

	board_session_init(&s);
	if ((rc = prologue(c, p, &o, 0, 0, "nothing", 0)))
		goto out;
	if (o.edit && !o.from && (rc = session_edit(c, &o, &ed, &path)))
		goto out;
	if (o.from) {
		if (o.date || o.leader || o.topic || o.note || o.checkins.n || o.successes.n || o.measures.n || o.done.n ||
		    o.actions.n || o.notdone.n || o.vdone.n || o.vmissed.n || o.agenda.n || o.edit) {
			rc = cmd_usage(c, _("--from FILE holds the whole session; give no other session options with it"));
			goto out;
		}
		rc = board_session_read(c->db, o.school_id, o.from, o.team, &s, &c->err);
	} else {
		struct board_extra_opts e = { &o.actions, &o.notdone, &o.vdone, &o.vmissed, &o.agenda };
		if (!(rc = session_from_options(c, &o, &s)))
			rc = board_cmd_extra(c, o.school_id, &e, &x);
	}
	if (rc || (rc = board_session_add(c->db, o.school_id, &s, &id, &c->err)) ||
	    (rc = board_session_extra_add(c->db, o.school_id, s.team, id, s.date, &x, &c->err)))
		goto out;
	if (!c->quiet)
		rc = board_session_show(c->db, o.school_id, id, &c->out, &c->err);
out:
	if (path)
		rc = board_edit_done(c, &path, rc);
	board_edit_release(&ed);
	board_extra_release(&x);
	board_session_release(&s);
	bopts_release(&o);
	return rc;
}

static int run_session_list(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int rc;

	if (!(rc = prologue(c, p, &o, 0, 0, "nothing", 1)))
		rc = board_session_list(c->db, o.team_id, &c->out, &c->err);
	bopts_release(&o);
	return rc;
}

static int run_session_show(struct ctx *c, struct optparse *p)
{
	struct bopts o;
	int64_t id;
	int rc;

	if (!(rc = prologue(c, p, &o, 1, 1, N_("the session's number"), 0)) &&
	    !(rc = cmd_number(c, "session", p->args[0], &id)))
		rc = board_session_show(c->db, o.school_id, id, &c->out, &c->err);
	bopts_release(&o);
	return rc;
}

/* ---- tables ---- */

/* the summaries whole, so that each is one message to translate */
#define ITEM_SUBS(name, add_help, list_help, rm_help, addopts)                                                   \
	static const struct subcmd name##_subs[] = {                                                             \
		{ "add", "add --team TEAM TEXT [--date DATE]", add_help, addopts, run_##name##_add, SUB_WRITES, \
		  NULL },                                                                                         \
		{ "list", "list --team TEAM [--week WEEK]", list_help, list_opts, run_##name##_list, 0, NULL },  \
		{ "rm", "rm N [--date DATE]", rm_help, rm_opts, run_##name##_rm, SUB_WRITES, NULL },             \
		{ 0 }                                                                                            \
	};

ITEM_SUBS(agreement, N_("put a team agreement on the board"),
	  N_("list a team agreement (as it stood at the end of --week)"),
	  N_("take a team agreement off the board (its history is kept)"), item_add_opts)
ITEM_SUBS(arena, N_("put an outcome of the pupil arena on the board"),
	  N_("list an outcome of the pupil arena (as it stood at the end of --week)"),
	  N_("take an outcome of the pupil arena off the board (its history is kept)"), item_add_opts)
ITEM_SUBS(park, N_("put a topic for the parking lot on the board"),
	  N_("list a topic for the parking lot (as it stood at the end of --week)"),
	  N_("take a topic for the parking lot off the board (its history is kept)"), item_add_opts)

static const struct subcmd theme_subs[] = {
	{ "add", "add --team TEAM TEXT [--start DATE --end DATE] [--date DATE]",
	  N_("put a theme of the year (with its period) on the year board"), theme_add_opts, run_theme_add, SUB_WRITES,
	  NULL },
	{ "list", "list --team TEAM [--week WEEK]", N_("list the year board's themes"), list_opts, run_theme_list, 0, NULL },
	{ "rm", "rm N [--date DATE]", N_("take a theme off the year board"), rm_opts, run_theme_rm, SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd success_subs[] = {
	{ "add", "add --team TEAM TEXT [--goal N] [--date DATE]", N_("put a success on the board"), success_add_opts,
	  run_success_add, SUB_WRITES, NULL },
	{ "list", "list --team TEAM [--week WEEK]", N_("list the successes"), list_opts, run_success_list, 0, NULL },
	{ "rm", "rm N [--date DATE]", N_("take a success off the board"), rm_opts, run_success_rm, SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd rhythm_subs[] = {
	{ "add", "add --team TEAM --on DATE --leader CODE [--topic TEXT] [--date DATE]",
	  N_("plan a session in the period rhythm"), rhythm_add_opts, run_rhythm_add, SUB_WRITES, NULL },
	{ "list", "list --team TEAM [--week WEEK]", N_("list the planned sessions"), list_opts, run_rhythm_list, 0, NULL },
	{ "rm", "rm N [--date DATE]", N_("take a planned session off the board"), rm_opts, run_rhythm_rm, SUB_WRITES,
	  NULL },
	{ 0 }
};

static const struct subcmd action_subs[] = {
	{ "add", "add --team TEAM --who CODE --what TEXT --due DATE [--goal N] [--team-action] [--date DATE]",
	  N_("add an action in class (one teacher) or, with --team-action, for the team"), action_add_opts,
	  run_action_add, SUB_WRITES, NULL },
	{ "done", "done N [--date DATE]", N_("mark an action done"), rm_opts, run_action_done, SUB_WRITES, NULL },
	{ "list", "list --team TEAM [--open] [--overdue]", N_("list a team's actions; status open, done or overdue"),
	  action_list_opts, run_action_list, 0, NULL },
	{ "rm", "rm N [--date DATE]", N_("take an action off the board"), rm_opts, run_action_rm, SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd session_subs[] = {
	{ "add",
	  "add --team TEAM --date DATE --leader CODE [--topic TEXT] [--checkin CODE=SCORE]... [--success TEXT]... "
	  "[--measure GOAL=SCORE]... [--done N]... [--not-done N=REASON]... [--action CODE|WHAT|DUE]... [--note TEXT] "
	  "[--agenda TOPIC=MINUTES]... [--visit-done N]... [--visit-missed N]...\n"
	  "add --team TEAM --edit [--date DATE] [--leader CODE]\n"
	  "add --from FILE|- [--team TEAM]",
	  N_("record a weekly session in the standard order, in one transaction"), session_add_opts, run_session_add,
	  SUB_WRITES, NULL },
	{ "list", "list --team TEAM", N_("list a team's sessions"), team_opts, run_session_list, 0, NULL },
	{ "show", "show N", N_("show a session in the standard order"), school_opts, run_session_show, 0, NULL },
	{ 0 }
};

const struct subcmd board_subs[] = {
	{ "show", "show --team TEAM [--week WEEK] [--format html [--out FILE]]",
	  N_("show the whole board, section by section, or as one page for the digibord"), show_opts, run_show, SUB_HTML,
	  NULL },
	{ "export", "export --team TEAM | --all [--week WEEK]", N_("the weekly export of one board or all (JSON or CSV)"),
	  export_opts, run_export, 0, NULL },
	{ "set", "set --team TEAM [--ambition TEXT] [--story TEXT] [--agreement TEXT]... [--date DATE]",
	  N_("set the ambition and inspiration story, add team agreements"), set_opts, run_set, SUB_WRITES, NULL },
	{ "agreement", NULL, N_("team agreements (teamafspraken)"), NULL, NULL, 0, agreement_subs },
	{ "theme", NULL, N_("the year board's themes (jaarbord)"), NULL, NULL, 0, theme_subs },
	{ "arena", NULL, N_("outcomes of the pupil arena (uitkomst leerlingarena)"), NULL, NULL, 0, arena_subs },
	{ "park", NULL, N_("the parking lot (parkeren)"), NULL, NULL, 0, park_subs },
	{ "action", NULL, N_("actions in class and team actions"), NULL, NULL, 0, action_subs },
	{ "success", NULL, N_("successes (successen)"), NULL, NULL, 0, success_subs },
	{ "rhythm", NULL, N_("the period rhythm: planned sessions (perioderitmiek)"), NULL, NULL, 0, rhythm_subs },
	{ "session", NULL, N_("the weekly board session (bordsessie)"), NULL, NULL, 0, session_subs },
	{ 0 }
};

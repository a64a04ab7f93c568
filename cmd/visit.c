/* beter visit: lesson visits, feedback talks, duo rounds, coverage and
 * framework scores. This file: add, record, feedback, list and show, the
 * options they share and the command's table; the rest is in visit_plan.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/design.h"
#include "beter/i18n.h"
#include "beter/person.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/team.h"
#include "beter/visit.h"
#include "visit_cmd.h"
#include "visit_edit.h"

#define OPT_OBS                                                                                               \
	OPT_STRING("seen", seen, "TEXT", N_("what the teacher did: facts, no judgement (\"I saw you ...\")")),     \
	OPT_STRING("effect", effect, "TEXT", N_("what the pupils did in response")),                               \
	OPT_LIST("score", scores, "ITEM=VALUE", N_("a score on a framework item (repeatable)")),                  \
	OPT_LIST("reached", reached, "STEP=ja|deels|nee[:TEXT]",                                                    \
		 N_("a visit to a lesson from a design: whether the gewenst effect of step STEP was seen, and what " \
		    "was seen (repeatable)")),                                                                          \
	OPT_FLAG("edit", edit,                                                                                      \
		 N_("write it in $VISUAL/$EDITOR on a template with the feedback model's prompts")),                 \
	OPT_STRING("from", input, "FILE",                                                                           \
		   N_("read it as JSON from FILE ('-': stdin), for scripts without a terminal")),                      \
	OPT_STRING("text-from", textfrom, "FILE",                                                                   \
		   N_("read it from FILE ('-': stdin) in the editor's text format, e.g. the text --edit kept after "   \
		      "an error"))

static const struct opt add_opts[] = {
	OPT_STRING("observer", observer, "CODE", N_("who visits (required)")),
	OPT_STRING("teacher", teacher, "CODE", N_("whose lesson is visited (required)")),
	OPT_STRING("date", date, "DATE", N_("the day of the lesson (required)")),
	OPT_STRING("time", time, "HH:MM", N_("when the lesson starts")),
	OPT_STRING("group", group, "GROUP", N_("the class or group, e.g. \"5 havo\" or \"groep 6\"")),
	OPT_STRING("subject", subject, "TEXT", N_("the subject or lesson")),
	OPT_STRING("lesson-goal", goal, "TEXT", N_("what pupils should learn in the lesson")),
	OPT_LIST("focus", focuses, "FOCUS",
		 N_("goal:N (a board goal), item:ID (a framework item), points (the teacher's development points) "
		    "or design:N (a lesson from lesson design N, as --design N); repeatable")),
	OPT_STRING("round", round, "NAME", N_("the round the visit belongs to (made when new)")),
	OPT_STRING("replaces", replaces, "N", N_("a make-up visit for missed visit N: it takes its place in coverage")),
	OPT_STRING("team", team, "TEAM", N_("the team (default: the teacher's teacher team when there is one)")),
	OPT_STRING("framework", framework, "KEY", N_("the framework to score on (default leskwaliteit when scored)")),
	OPT_STRING("design", design, "N",
		   N_("a lesson given from this design (see 'beter design'); the teacher is one of its authors or a "
		      "member of its team")),
	OPT_OBS,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt record_opts[] = {
	OPT_OBS,
	OPT_FLAG("replace", replace, N_("write a visit that is recorded already again: the text and scores given "
		 "replace the old ones (with --edit the template holds them)")),
	OPT_STRING("framework", framework, "KEY",
		   N_("the framework to score on, when the visit has none (default leskwaliteit)")),
	OPT_STRING("date", date, "DATE", N_("the day it is written down (default today)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt feedback_opts[] = {
	OPT_STRING("date", date, "DATE", N_("the day of the feedback talk (default today)")),
	OPT_STRING("agreed", agreed, "TEXT", N_("what was agreed (required)")),
	OPT_LIST("point", points, "TEXT", N_("a new development point for the teacher (repeatable)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt list_opts[] = {
	OPT_STRING("teacher", teacher, "CODE", N_("only visits to this teacher")),
	OPT_STRING("observer", observer, "CODE", N_("only visits by this observer")),
	OPT_STRING("team", team, "TEAM", N_("only visits in this team")),
	OPT_STRING("round", round, "NAME", N_("only visits of this round")),
	OPT_STRING("status", status, "STATUS", N_("planned, held, missed, replaced, done, feedback-due, closed or cancelled")),
	OPT_STRING("from", from, "DATE", N_("only visits on or after this day")),
	OPT_STRING("to", to, "DATE", N_("only visits on or before this day")),
	OPT_FBDAYS,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt show_opts[] = { OPT_FBDAYS, OPT_SCHOOL, OPT_END };
void vopts_release(struct vopts *o)
{
	opt_list_release(&o->scores);
	opt_list_release(&o->points);
	opt_list_release(&o->reached);
	opt_list_release(&o->focuses);
}

int vopts_parse(struct ctx *c, struct optparse *p, struct vopts *o, int min, int max, const char *what,
		int64_t *school)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, min, max, what)))
		return rc;
	return cmd_school(c, o->school, school);
}

int vopts_person(struct ctx *c, int64_t school, const char *opt, const char *code, int64_t *id)
{
	int rc = person_find(c->db, school, code, id, &c->err);
	if (rc == BETER_FAIL)
		beter_err_prefix(&c->err, "%s", opt);
	return rc;
}

int vopts_filter(struct ctx *c, int64_t school, const struct vopts *o, struct visit_filter *f)
{
	int rc;
	int64_t v;

	visit_filter_init(f);
	if (o->teacher && (rc = vopts_person(c, school, "--teacher", o->teacher, &f->teacher)))
		return rc;
	if (o->observer && (rc = vopts_person(c, school, "--observer", o->observer, &f->observer)))
		return rc;
	if (o->team && (rc = team_find(c->db, school, o->team, &f->team, &c->err)))
		return rc;
	f->round = o->round;
	if (o->from || o->to) {
		int a, b;
		f->from = -1000000;
		f->to = 1000000;
		if (o->from && (rc = date_period_parse(o->from, &f->from, &b, "--from", &c->err)))
			return rc;
		if (o->to && (rc = date_period_parse(o->to, &a, &f->to, "--to", &c->err)))
			return rc;
		if (f->from > f->to)
			return beter_err_set(&c->err, BETER_DATAERR, _("--to: %s is before --from %s"), o->to, o->from);
	}
	if (o->status && (f->status = visit_status_parse(o->status)) < 0)
		return beter_err_set(&c->err, BETER_DATAERR, _("--status: unknown status '%s' (use planned, held, "
				     "missed, replaced, done, feedback-due, closed or cancelled)"), o->status);
	if (o->fbdays) {
		if ((rc = cmd_int(c, "--feedback-days", o->fbdays, 0, 365, &v)))
			return rc;
		f->feedback_days = (int)v;
	}
	return 0;
}

/* ---- writes outside the dispatcher's transaction: the editor may take
 * minutes, and the store must not stay locked meanwhile ---- */

static int tx_begin(struct ctx *c)
{
	return store_begin(c->db, &c->err);
}

static int tx_end(struct ctx *c, int rc)
{
	if (rc == 0 && !c->dry_run)
		return store_commit(c->db, &c->err);
	store_rollback(c->db);
	if (rc == 0)
		cmd_note(c, _("dry run: nothing was written"));
	return rc;
}

/* What was observed: from --edit (on a template holding cur, may be NULL),
 * --from, --text-from or the options. *given tells whether anything was given
 * at all; *path gets the editor's file, kept until obs_done. */
static int read_obs_text(struct ctx *c, int64_t school, const struct vopts *o, const char *header, int64_t design,
			 const struct visit_obs *cur, struct visit_obs *obs, int *given, char **path)
{
	int rc = 0;

	memset(obs, 0, sizeof(*obs));
	*path = NULL;
	*given = o->edit || o->input || o->textfrom || o->seen || o->effect || o->scores.n || o->reached.n;
	if (o->edit + !!o->input + !!o->textfrom > 1)
		return cmd_usage(c, _("give one of --edit, --from and --text-from"));
	if ((o->edit || o->input || o->textfrom) && (o->seen || o->effect || o->scores.n))
		return cmd_usage(c, o->edit ? _("--seen, --effect and --score go in the editor, not beside it")
				 : o->input ? _("--seen, --effect and --score go in the JSON file, not beside it")
					    : _("--seen, --effect and --score go in the text file, not beside it"));
	if (o->edit) {
		struct strbuf tmpl = STRBUF_INIT;
		char *text = NULL;
		if (!(rc = visit_template(c->db, school, header, o->framework, cur, &tmpl, &c->err)) &&
		    !(design && (rc = design_visit_template(c->db, design, cur ? cur->reached : NULL,
							     cur ? cur->nreached : 0, &tmpl, &c->err))) &&
		    !(rc = edit_text(c, strbuf_str(&tmpl), &text, path))) {
			const char *base = strrchr(*path, '/');
			rc = visit_obs_parse_text(base ? base + 1 : *path, text, obs, &c->err);
			if (rc == BETER_FAIL) { /* an empty text: nothing to keep */
				unlink(*path);
				free(*path);
				*path = NULL;
			}
		}
		free(text);
		strbuf_release(&tmpl);
		return rc;
	}
	if (o->input || o->textfrom) {
		const char *file = o->input ? o->input : o->textfrom;
		const char *name = strcmp(file, "-") ? file : "stdin";
		char *text = NULL;
		size_t len = 0;
		if (!(rc = share_read_file(file, 1024 * 1024, &text, &len, &c->err)))
			rc = o->input ? visit_obs_parse_json(name, text, len, obs, &c->err)
				      : visit_obs_parse_text(name, text, obs, &c->err);
		free(text);
		/* the text --edit kept: it goes once stored, as the editor's file would */
		if (!rc && o->textfrom && edit_kept_file(file))
			*path = xstrdup(file);
		return rc;
	}
	if (o->seen && (rc = (obs->seen = xstrdup(o->seen), 0)))
		return rc;
	if (o->effect)
		obs->effect = xstrdup(o->effect);
	for (int i = 0; i < o->scores.n && !rc; i++)
		rc = visit_obs_add_score(obs, o->scores.v[i], "--score", &c->err);
	if (!rc && *given && (!obs->seen || !*obs->seen))
		rc = cmd_usage(c, _("recording a visit needs --seen and --effect (or --edit)"));
	if (!rc && *given && (!obs->effect || !*obs->effect))
		rc = cmd_usage(c, _("recording a visit needs --seen and --effect (or --edit)"));
	if (rc)
		visit_obs_release(obs);
	return rc;
}

/* read_obs_text, then the steps of --reached */
static int read_obs(struct ctx *c, int64_t school, const struct vopts *o, const char *header, int64_t design,
		    const struct visit_obs *cur, struct visit_obs *obs, int *given, char **path)
{
	int rc = read_obs_text(c, school, o, header, design, cur, obs, given, path);

	if (rc || !o->reached.n)
		return rc;
	if (obs->nreached)
		return cmd_usage(c, _("give the steps with --reached or in the file, not both"));
	for (int i = 0; i < o->reached.n && !rc; i++)
		rc = design_reach_parse(o->reached.v[i], "--reached", &obs->reached, &obs->nreached, &c->err);
	return rc;
}

static int show_visit(struct ctx *c, int64_t id, const struct vopts *o, int64_t school)
{
	struct visit_filter f;
	int rc;
	if (c->quiet)
		return 0;
	if ((rc = vopts_filter(c, school, o, &f)))
		return rc;
	return visit_show(c->db, id, &f, &c->out, &c->err);
}

/* --replaces N: checked and linked in the add's transaction */
static int add_replaces(struct ctx *c, int64_t school, const char *arg, int64_t id)
{
	int64_t missed;
	int rc;

	if ((rc = cmd_number(c, "--replaces", arg, &missed)))
		return rc;
	return visit_set_replaces(c->db, school, id, missed, date_today(), &c->err);
}

/* A make-up visit without --round goes in the round of the visit it
 * replaces, so that it takes that one's place in the round's coverage
 * (left empty when there is none; a bad N is reported by add_replaces). */
static void replaced_round(struct ctx *c, int64_t school, const char *arg, char *name, size_t size)
{
	struct store_stmt *st;
	struct beter_err e = { 0 };
	int64_t n;
	int rc;

	*name = 0;
	if (parse_int64(*arg == '#' ? arg + 1 : arg, &n) != 0 ||
	    store_prepare(c->db, "SELECT r.name FROM visit v JOIN visit_round r ON r.id = v.round_id "
				 "WHERE v.id = ?1 AND v.school_id = ?2", &st, &e))
		return;
	store_bind_int(st, 1, n);
	store_bind_int(st, 2, school);
	if (store_next(c->db, st, &rc, N_("reading the visit"), &e))
		snprintf(name, size, "%s", store_col_text(st, 0));
	store_finalize(st);
}

/* --focus design:N is --design N: the visit observes a lesson from design N.
 * Such focuses leave o->focuses and set o->design; a second design, by
 * --focus or --design, is refused (exit 2), the same focus twice too (exit 65). */
static int focus_design(struct ctx *c, struct vopts *o)
{
	int64_t design = 0, n, given = 0;
	const char *prev = NULL;
	char other[64];
	int k = 0;

	if (o->design && parse_int64(*o->design == '#' ? o->design + 1 : o->design, &given) != 0)
		given = 0; /* reported with --design */
	for (int i = 0; i < o->focuses.n; i++) {
		const char *f = o->focuses.v[i];
		if (strncmp(f, "design:", 7)) {
			o->focuses.v[k++] = f;
			continue;
		}
		if (parse_int64(f + 7, &n) != 0 || n <= 0)
			return beter_err_set(&c->err, BETER_DATAERR, _("--focus: '%s' needs a design number, e.g. design:3 "
								       "(see 'beter design list')"), f);
		if (n == design)
			return beter_err_set(&c->err, BETER_DATAERR, _("--focus: '%s' is given twice"), f);
		if (design || (given && n != given)) {
			if (prev)
				snprintf(other, sizeof(other), "--focus %s", prev);
			else
				snprintf(other, sizeof(other), "--design %s", o->design);
			return cmd_usage(c, _("--focus %s and %s name different designs; a visit observes a lesson from "
					      "one design"), f, other);
		}
		design = n;
		prev = f;
		if (!o->design)
			o->design = f + 7;
	}
	o->focuses.n = k;
	return 0;
}

/* The visit written in one transaction (the slot rule read in it, before
 * the write); when it fails to serialise on PostgreSQL (another command
 * came first, perhaps with the same slot) it runs again, as the dispatcher
 * runs a SUB_WRITES command again, with what was observed read once. */
static int add_tx(struct ctx *c, int64_t school, const struct visit_new *v, const struct vopts *o,
		  const struct visit_obs *obs, int64_t *id)
{
	int rc;

	for (int attempt = 1;; attempt++) {
		if ((rc = tx_begin(c)))
			return rc;
		rc = visit_add(c->db, school, v, id, &c->err);
		if (!rc && o->replaces)
			rc = add_replaces(c, school, o->replaces, *id);
		for (int i = 1; !rc && i < o->focuses.n; i++)
			rc = visit_focus_add(c->db, school, *id, o->focuses.v[i], &c->err);
		if (!rc && obs)
			rc = visit_record(c->db, school, *id, obs, o->framework, date_today(), 0, &c->err);
		rc = tx_end(c, rc);
		if (rc != BETER_BUSY || !store_retryable(c->db) || cmd_retry_wait(attempt))
			return rc;
		memset(&c->err, 0, sizeof(c->err));
	}
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	struct visit_new v;
	struct visit_obs obs;
	int64_t school, id = 0;
	int rc, given = 0;
	char header[300], round[512], *path = NULL;

	memset(&obs, 0, sizeof(obs));
	memset(&v, 0, sizeof(v));
	if ((rc = vopts_parse(c, p, &o, 0, 0, "nothing", &school)))
		goto out;
	if (!o.observer || !o.teacher || !o.date) {
		rc = cmd_usage(c, _("a visit needs --observer, --teacher and --date (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	v.time = -1;
	if ((rc = vopts_person(c, school, "--observer", o.observer, &v.observer)) ||
	    (rc = vopts_person(c, school, "--teacher", o.teacher, &v.teacher)) ||
	    (rc = date_parse(o.date, &v.day, "--date", &c->err)) ||
	    (o.time && (rc = time_parse(o.time, &v.time, "--time", &c->err))) ||
	    (o.team && (rc = team_find(c->db, school, o.team, &v.team, &c->err))))
		goto out;
	if (v.observer == v.teacher) {
		rc = beter_err_set(&c->err, BETER_DATAERR, _("--observer: %s cannot visit themself; the observer must be "
				   "someone else"), o.observer);
		goto out;
	}
	v.group = o.group;
	v.subject = o.subject;
	v.lesson_goal = o.goal;
	if ((rc = focus_design(c, &o)))
		goto out;
	v.focus = o.focuses.n ? o.focuses.v[0] : NULL;
	v.round = o.round;
	if (o.replaces && !o.round) {
		replaced_round(c, school, o.replaces, round, sizeof(round));
		v.round = *round ? round : NULL;
	}
	v.framework = o.framework;
	/* the group as given ("groep 3", "5 havo"); a bare number ("3", "7/8") is a groep */
	char grp[160] = "";
	if (o.group && *o.group && o.group[strspn(o.group, "0123456789/-")] == '\0')
		snprintf(grp, sizeof(grp), _("group %s"), o.group);
	else if (o.group)
		snprintf(grp, sizeof(grp), "%s", o.group);
	if (o.group)
		snprintf(header, sizeof(header), _("Lesson visit by %s to %s on %s, %s"), o.observer, o.teacher, o.date, grp);
	else
		snprintf(header, sizeof(header), _("Lesson visit by %s to %s on %s"), o.observer, o.teacher, o.date);
	/* a visit that is recorded took place: not after today (asked before the editor opens) */
	if (o.reached.n && !o.design) {
		rc = beter_err_set(&c->err, BETER_DATAERR, _("--reached: only a visit to a lesson from a design has "
							       "steps; give --design N"));
		goto out;
	}
	if (o.design) {
		const char *d = *o.design == '#' ? o.design + 1 : o.design;
		if (parse_int64(d, &v.design) != 0 || v.design <= 0)
			rc = beter_err_set(&c->err, BETER_DATAERR, _("--design: '%s' is not a design number (see "
								 "'beter design list')"), o.design);
		else
			rc = design_find(c->db, school, v.design, &c->err);
		if (rc)
			goto out;
	}
	if ((o.edit || o.input || o.textfrom || o.seen || o.effect || o.scores.n || o.reached.n) &&
	    (rc = date_not_future(v.day, "--date", &c->err)))
		goto out;
	if ((rc = read_obs(c, school, &o, header, v.design, NULL, &obs, &given, &path)))
		goto out;
	if ((rc = obs_done(c, &path, add_tx(c, school, &v, &o, given ? &obs : NULL, &id))))
		goto out;
	if (!c->dry_run) {
		cmd_note(c, given ? _("recorded visit %lld") : _("planned visit %lld"), (long long)id);
		rc = show_visit(c, id, &o, school);
	}
out:
	rc = obs_done(c, &path, rc);
	visit_obs_release(&obs);
	vopts_release(&o);
	return rc;
}

static int visit_arg(struct ctx *c, struct optparse *p, int64_t school, int64_t *id)
{
	int rc;
	if ((rc = cmd_number(c, _("visit"), p->args[0], id)))
		return rc;
	return visit_find(c->db, school, *id, &c->err);
}

/* What was observed written in one transaction, run again as add_tx runs
 * its own when it fails to serialise on PostgreSQL. */
static int record_tx(struct ctx *c, int64_t school, int64_t id, const struct visit_obs *obs, const struct vopts *o,
		     int day, int *again)
{
	int rc;

	for (int attempt = 1;; attempt++) {
		if ((rc = tx_begin(c)))
			return rc;
		*again = visit_may_record(c->db, id, 0, NULL) != 0;
		rc = tx_end(c, visit_record(c->db, school, id, obs, o->framework, day, o->replace, &c->err));
		if (rc != BETER_BUSY || !store_retryable(c->db) || cmd_retry_wait(attempt))
			return rc;
		memset(&c->err, 0, sizeof(c->err));
	}
}

static int run_record(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	struct visit_obs obs, cur;
	int64_t school, id;
	int rc, given, again = 0, day = date_today();
	char header[64], *path = NULL;

	memset(&obs, 0, sizeof(obs));
	memset(&cur, 0, sizeof(cur));
	if ((rc = vopts_parse(c, p, &o, 1, 1, N_("the visit's number"), &school)) || (rc = visit_arg(c, p, school, &id)) ||
	    (o.date && (rc = date_parse(o.date, &day, "--date", &c->err))))
		goto out;
	if (!(o.edit || o.input || o.textfrom || o.seen || o.effect || o.scores.n || o.reached.n)) {
		rc = cmd_usage(c, _("give --seen and --effect, --edit, --from FILE or --text-from FILE (usage: %s)"),
			       cmd_usage_line(c));
		goto out;
	}
	/* asked before the editor opens: what was observed is not overwritten unasked */
	if ((rc = visit_may_record(c->db, id, o.replace, &c->err)))
		goto out;
	if (o.edit && o.replace && (rc = visit_obs_load(c->db, id, &cur, &c->err)))
		goto out;
	snprintf(header, sizeof(header), _("Lesson visit %lld"), (long long)id);
	if ((rc = read_obs(c, school, &o, header, store_int_bind(c->db, "SELECT design_id FROM visit WHERE id = ?1", id, 0),
			   &cur, &obs, &given, &path)))
		goto out;
	(void)given;
	rc = obs_done(c, &path, record_tx(c, school, id, &obs, &o, day, &again));
	if (rc || c->dry_run)
		goto out;
	cmd_note(c, again ? _("recorded again visit %lld") : _("recorded visit %lld"), (long long)id);
	rc = show_visit(c, id, &o, school);
out:
	rc = obs_done(c, &path, rc);
	visit_obs_release(&cur);
	visit_obs_release(&obs);
	vopts_release(&o);
	return rc;
}

static int run_feedback(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school, id;
	int rc, day = date_today();

	if ((rc = vopts_parse(c, p, &o, 1, 1, N_("the visit's number"), &school)) || (rc = visit_arg(c, p, school, &id)) ||
	    (o.date && (rc = date_parse(o.date, &day, "--date", &c->err))))
		goto out;
	if (!o.agreed) {
		rc = cmd_usage(c, _("a feedback talk needs --agreed TEXT (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = visit_feedback(c->db, id, day, o.agreed, (char *const *)o.points.v, o.points.n, &c->err)))
		goto out;
	cmd_note(c, o.points.n ? _("feedback talk of visit %lld recorded, with new development points")
			       : _("feedback talk of visit %lld recorded"), (long long)id);
	rc = show_visit(c, id, &o, school);
out:
	vopts_release(&o);
	return rc;
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	struct visit_filter f;
	int64_t school;
	int rc;

	if (!(rc = vopts_parse(c, p, &o, 0, 0, "nothing", &school)) && !(rc = vopts_filter(c, school, &o, &f)))
		rc = visit_list(c->db, school, &f, &c->out, &c->err);
	vopts_release(&o);
	return rc;
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school, id;
	int rc;

	if (!(rc = vopts_parse(c, p, &o, 1, 1, N_("the visit's number"), &school)) && !(rc = visit_arg(c, p, school, &id))) {
		int q = c->quiet;
		c->quiet = 0;
		rc = show_visit(c, id, &o, school);
		c->quiet = q;
	}
	vopts_release(&o);
	return rc;
}

static const struct subcmd visit_subs[] = {
	{ "add",
	  "add --observer CODE --teacher CODE --date DATE [--time HH:MM] [--group GROUP] [--subject TEXT] "
	  "[--lesson-goal TEXT] [--focus goal:N|item:ID|points|design:N]... [--round NAME] [--design N] [--replaces N]\n"
	  "add ... --edit | --from FILE | --text-from FILE | --seen TEXT --effect TEXT [--score ITEM=VALUE]... "
	  "[--reached STEP=ja|deels|nee[:TEXT]]...",
	  N_("plan a visit, or record one that took place"), add_opts, run_add, 0, NULL },
	{ "record",
	  "record N --seen TEXT --effect TEXT [--score ITEM=VALUE]... [--reached STEP=ja|deels|nee[:TEXT]]... "
	  "[--replace]\nrecord N --edit [--replace]\n"
	  "record N --from FILE|- | --text-from FILE|- [--replace]",
	  N_("write down what was observed: what the teacher did, what pupils did in response, scores"), record_opts,
	  run_record, 0, NULL },
	{ "feedback", "feedback N --agreed TEXT [--date DATE] [--point TEXT]...",
	  N_("record the feedback talk (nagesprek), what was agreed and new development points"), feedback_opts,
	  run_feedback, SUB_WRITES, NULL },
	{ "list",
	  "list [--teacher CODE] [--observer CODE] [--team TEAM] [--round NAME] [--status STATUS] [--from DATE] "
	  "[--to DATE]",
	  N_("list visits by date with their status"), list_opts, run_list, SUB_DEFAULT, NULL },
	{ "show", "show N", N_("one visit: what was seen, scores, feedback and development points"), show_opts, run_show, 0,
	  NULL },
	{ "plan", "plan --team TEAM --round NAME [--mode duo|rotation|observer [--observer CODE]] [--from DATE --to DATE] "
		  "[--framework KEY]",
	  N_("plan a team's round: duos, a rotation, or one observer who visits everyone"), visit_cmd_plan_opts, visit_cmd_plan, SUB_WRITES, NULL },
	{ "cancel", "cancel N [--reason TEXT]", N_("call off a planned visit: it is neither missed nor done"),
	  visit_cmd_cancel_opts, visit_cmd_cancel, SUB_WRITES, NULL },
	{ "move", "move N --date DATE [--time HH:MM]", N_("move a planned visit to another day"), visit_cmd_move_opts,
	  visit_cmd_move, SUB_WRITES, NULL },
	{ "coverage", "coverage [--round NAME | --from DATE --to DATE] [--team TEAM] [--require PERCENT]",
	  N_("per teacher: visits planned, missed and done, by whom, feedback held"), visit_cmd_coverage_opts, visit_cmd_coverage, 0, NULL },
	{ "scores", "scores [--team TEAM] [--round NAME | --year YEAR]",
	  N_("mean framework scores per item and domain for a team or the school (never per teacher)"), visit_cmd_scores_opts,
	  visit_cmd_scores, 0, NULL },
	{ "points", NULL, N_("a teacher's development points (ontwikkelpunten)"), NULL, NULL, 0, visit_cmd_points_subs },
	{ "framework", NULL, N_("observation frameworks (kijkwijzers)"), NULL, NULL, 0, visit_cmd_framework_subs },
	{ 0 }
};

const struct command_def def_visit = {
	.description =
		N_("Lesson visits (lesbezoek) and the feedback talk after them (nagesprek). A visit is planned "
		"(observer, teacher, date), then recorded: what the teacher did and what the pupils did in response, "
		"as facts without judgement, with optional scores on the items of an observation framework "
		"(kijkwijzer). The feedback talk closes it: what was agreed and any new development point "
		"(ontwikkelpunt) for the teacher. A visit can focus on a board goal (goal:N), a framework item "
		"(item:ID), the teacher's open development points (points) or a lesson from a lesson design "
		"(design:N, the same as --design N; a second design is refused, exit 2).\n\n"
		"Status: planned until recorded; missed when its day has passed without a record (the visit still "
		"counts as not done: record it, or plan a new one); done once recorded; feedback-due when recorded and more than "
		"--feedback-days (default 7) have passed since the visit date without a feedback talk; closed once "
		"the talk is held. The board session says which of the week's visits took place ('beter board session add "
		"--visit-done N' or '--visit-missed N'), and the latest session's word counts: a visit it says did not "
		"take place is missed from that session on, even before its day (so a make-up visit can replace it); "
		"one it says took place is held from its day on: it is not missed, it counts as done in coverage, "
		"and its observations can still be recorded. A record wins over what any session said. A cancelled "
		"visit is cancelled; a missed one made up for is replaced.\n\n"
		"An observer is in one lesson at a time. A visit with a time (--time HH:MM, when the lesson starts) "
		"takes its observer's slot, that date at that time: 'visit add' and 'visit move' refuse a second visit "
		"of the same observer in the slot, whoever the teacher (exit 65, naming the visit that has it). Two "
		"observers in one teacher's lesson are fine; a cancelled visit frees its slot, and a visit without a "
		"time is in none. Of commands that take one slot at the same moment only one succeeds, on PostgreSQL "
		"too. 'beter import' keeps the visits a file holds, two in one slot among them.\n\n"
		"'visit plan' plans a team's round (by code, deterministically). --mode duo (the default) forms duos "
		"that visit each other, as the book does, with one trio in a team of odd size; --mode rotation has "
		"each member visit the next, so that nobody visits the one who visits them; --mode observer "
		"--observer CODE has one person (the school leader, a coach) visit every member. Everyone is visited "
		"once, nobody visits themself, and duos of the team's previous round are avoided where the team's "
		"size allows. The visits are spread over the school days of --from to --to: weekdays that are no "
		"holiday, study day or day off of 'beter calendar'. Plans are for the future: a range that lies in the "
		"past, starts before today or holds no school day is refused (exit 65). Without --from/--to a new "
		"round runs four weeks from today; in an existing round the team's visits go on the round's days from "
		"today on, and a round that is over or spans a single day (one made by 'visit add --round') gets four "
		"weeks from today. A round's period widens to hold every visit added to it. Planning a round again "
		"replaces the team's visits in it that were not recorded (nor cancelled); when it holds recorded "
		"visits, only the members not yet visited are planned, by members who do not visit yet.\n\n"
		"'visit cancel N' calls off a planned visit (a sick teacher, a school trip): it is then neither missed "
		"nor done, and coverage does not count it. 'visit move N --date D' moves a planned visit. A visit that "
		"took place (is recorded) or was cancelled is neither cancelled nor moved (exit 65). 'visit add "
		"--replaces N' plans a make-up visit for a missed one: it takes its place, so the missed visit no "
		"longer counts as missed (its status is replaced). --focus may be given more than once; the same "
		"focus twice is refused. "
		"'visit coverage' lists per teacher whether they were visited, by whom and whether the feedback "
		"talk was held; without --round, --from and --to it counts the visits of the current school year (1 "
		"August to 31 July around today); with --require PERCENT it exits 1 when coverage is lower, for cron. "
		"'visit scores' gives mean scores per item and domain for a whole round (--round) or a whole "
		"school year (--year; default the current one), of one team (--team) or of the school; never per "
		"teacher, per observer or for a stretch of dates (--teacher, --observer, --from and --to are refused, "
		"exit 2): two overlapping periods, or a team and the school, could otherwise be subtracted to give "
		"one teacher's scores. A visit of a round counts in the school year the round starts in; one without "
		"a round in the year of its date. The rule, in every format: a mean that rests on the visits of fewer "
		"than 3 different teachers is suppressed (the number of scores and of teachers is shown, the mean is "
		"null and suppressed is true). More means are suppressed where needed so that no sum or difference of "
		"the shown means of the same school year (any round or the year, any team or the school) gives away "
		"the scores of fewer than 3 teachers: this is decided once for the whole year, so every selection "
		"shows the same decision, and a suppressed mean can be one resting on many teachers. A domain's mean "
		"is suppressed when one of its items' is. The figures change as visits are recorded: comparing them "
		"before and after one visit is recorded shows that visit's scores, so share them at the end of a "
		"round rather than during it.\n\n"
		"--edit opens $VISUAL (else $EDITOR) on a template in the language of the interface with the sections "
		"'seen:' (what was seen; the Dutch template says 'gezien:'), 'effect:' and 'scores:' (one ITEM=VALUE a "
		"line), for a visit to a lesson from a design 'stappen:' (or 'steps:'; one STEP=ja|deels|nee[: what was "
		"seen] a line, the design's steps listed below it), and the feedback model's prompts as '#' lines. "
		"Either language's section words are read, whatever the interface language, so a text written in "
		"one works in the other; '#' lines are "
		"dropped and an empty text aborts with nothing written (exit 1). A line that is only a word and a "
		"colon must be one of the section headers: a misspelled one ('score:') is refused (exit 65) rather "
		"than read as text. When anything fails after the editor closed (a bad score, a busy store), the "
		"file is kept and its path is shown; --text-from FILE ('-' for stdin) reads that text format from a "
		"file, so the corrected text can be written again; once it is stored, the kept file is removed (only a file "
		"that --edit kept: $TMPDIR/beter-visit-XXXXXX.txt, else in /tmp, this user's and readable by no one "
		"else; any other file stays). Without a terminal, --from FILE "
		"('-' for stdin) reads the same as JSON: {\"seen\": \"...\", \"effect\": \"...\", \"scores\": "
		"{\"klimaat.1\": 3, \"uitleg.2\": 4}}.\n\n"
		"A visit to a lesson given from a lesson design (--design N, see 'beter design') records per step of "
		"the design whether its gewenst effect was seen: --reached STEP=ja|deels|nee, optionally followed by "
		"':' and what was seen (facts), repeatable; STEP is the step's number in the design ('beter design "
		"step list N'), and a step the design does not have is refused (exit 65). In --from's JSON: "
		"\"reached\": {\"1\": \"ja\", \"2\": {\"reached\": \"deels\", \"seen\": \"...\"}}. The visit is to one "
		"of the design's authors or a member of its team, and gets the design's team, group and subject "
		"unless given.\n\n"
		"A visit is recorded once: recording it again is refused (exit 65) unless --replace is given; then "
		"the text, scores and steps given replace what was recorded (scores and steps not given again are "
		"removed), and "
		"--edit opens the template filled with the recorded text and scores to edit.\n\n"
		"Frameworks ship in the share directory (frameworks/KEY.json; found through $BETER_SHARE, else the "
		"installed data directory, else the source tree): leskwaliteit (six domains of lesson quality) and "
		"leerresultaten (explanation, climate, differentiation). A school imports its own as JSON of the "
		"same shape ({\"key\", \"title\", \"description\", \"scale\": {\"min\", \"max\", \"labels\": [...]}, "
		"\"domains\": [{\"id\", \"title\", \"items\": [{\"id\", \"text\"}]}]}) or as CSV (',' ';' or tab) "
		"with a header row and one row per item: domain (the domain's title), item_id, item (the item's "
		"text) and optionally domain_id; Dutch headers domein, code and omschrijving work too. Ids are 1-64 "
		"of a-z 0-9 . _ -. For CSV, --scale MIN-MAX (default 1-4) and --labels give the scale, --key "
		"(default the file name) and --title name it. Importing a key again replaces the framework, as long "
		"as every item that has scores stays."),
	.subs = visit_subs,
	.examples = N_("beter visit add --observer SJN --teacher PDB --date 2026-11-18 --group \"groep 3\" --focus item:uitleg.1\n"
		    "beter visit record 4 --seen \"I saw you ...\" --effect \"pupils then ...\" --score uitleg.1=3\n"
		    "beter visit record 4 --edit\n"
		    "beter visit feedback 4 --agreed \"try the check with wisbordjes\" --point \"check understanding of all pupils\"\n"
		    "beter visit plan --team \"Team Onderbouw\" --round \"ronde 2\" --from 2026-11-23 --to 2026-12-11\n"
		    "beter visit coverage --round \"ronde 2\" --require 90\n"
		    "beter --json visit scores --team \"Team Onderbouw\"\n"
		    "beter visit framework import kijkwijzer.csv --scale 1-4 --labels \"zwak|matig|goed|sterk\""),
};

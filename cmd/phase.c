/* beter phase: improvement trajectories along a phase model. */
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/period.h"
#include "beter/phase.h"
#include "beter/team.h"
#include "cmd.h"

struct popts {
	const char *team, *school, *date, *went_well, *improve, *reason, *from, *to, *period;
	int schoolwide, undo, no_retro;
	int64_t school_id, scope;
	int day;
};
#define OPT_STRUCT struct popts

#define OPT_TEAM OPT_STRING("team", team, "TEAM", N_("the team's trajectory"))
#define OPT_SCHOOLWIDE OPT_OPTARG("school", school, schoolwide, "[SCHOOL]", \
	N_("the whole school's trajectory (--school=NAME picks a school when the store holds several)"))

static const struct opt scope_opts[] = { OPT_TEAM, OPT_SCHOOLWIDE, OPT_END };
static const struct opt start_opts[] = {
	OPT_TEAM, OPT_SCHOOLWIDE,
	OPT_STRING("date", date, "DATE", N_("the day the first phase starts (default today)")),
	OPT_END
};
static const struct opt check_opts[] = {
	OPT_TEAM, OPT_SCHOOLWIDE,
	OPT_FLAG("undo", undo, N_("mark the item as not done again")),
	OPT_STRING("date", date, "DATE", N_("the day it was done (default today)")),
	OPT_END
};
static const struct opt next_opts[] = {
	OPT_TEAM, OPT_SCHOOLWIDE,
	OPT_STRING("went-well", went_well, "TEXT", N_("retrospective: what went well in this phase")),
	OPT_STRING("improve", improve, "TEXT", N_("retrospective: what to do better in the next phase")),
	OPT_FLAG("no-retro", no_retro, N_("close without a retrospective (needs --reason)")),
	OPT_STRING("reason", reason, "TEXT", N_("why there was no retrospective")),
	OPT_STRING("date", date, "DATE", N_("the day the phase closes and the next starts (default today)")),
	OPT_END
};
static const struct opt school_only_opts[] = {
	OPT_STRING("school", school, "SCHOOL", N_("the school (name, BRIN or number) when the store holds several")),
	OPT_END
};
static const struct opt cond_opts[] = {
	OPT_STRING("school", school, "SCHOOL", N_("the school (name, BRIN or number) when the store holds several")),
	OPT_STRING("from", from, "DATE", N_("count from this day (default: the start of the school year)")),
	OPT_STRING("to", to, "DATE", N_("count up to this day (default today)")),
	OPT_STRING("period", period, "PERIOD", N_("count over an improvement period (see 'beter period list')")),
	OPT_END
};

/* Parse options, check the argument count, resolve the school, the scope
 * (a team, the school or, when neither is given, dflt) and --date. */
static int prologue(struct ctx *c, struct optparse *p, struct popts *o, int min, int max, const char *what,
		    int64_t dflt)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, min, max, what)))
		return rc;
	/* --school is a flag (with an optional school) where a scope is chosen:
	 * schoolwide is set only there */
	if (o->team && o->schoolwide)
		return cmd_usage(c, _("give --team TEAM or --school, not both"));
	o->day = date_today();
	if (o->date && (rc = date_parse(o->date, &o->day, "--date", &c->err)))
		return rc;
	if ((rc = cmd_school(c, o->school, &o->school_id)))
		return rc;
	o->scope = dflt;
	if (o->team) {
		if ((rc = team_find(c->db, o->school_id, o->team, &o->scope, &c->err)))
			return rc;
	} else if (o->schoolwide) {
		o->scope = PHASE_SCHOOL;
	}
	return 0;
}

static int run_models(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), PHASE_ANY)))
		return rc;
	return phase_model_list(c->db, o.school_id, &c->out, &c->err);
}

static int run_model_show(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the model's id"), PHASE_ANY)))
		return rc;
	return phase_model_show(c->db, o.school_id, p->args[0], &c->out, &c->err);
}

static int run_model_import(struct ctx *c, struct optparse *p)
{
	struct popts o;
	char *key = NULL;
	int rc, changed;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the model file (JSON; - reads stdin)"), PHASE_ANY)) ||
	    (rc = phase_model_import(c->db, o.school_id, p->args[0], date_today(), &key, &changed, &c->err))) {
		free(key);
		return rc;
	}
	cmd_note(c, changed ? _("imported the phase model '%s'") : _("the phase model '%s' is already up to date"), key);
	free(key);
	return 0;
}

static int run_start(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t tid;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the model's id (see 'beter phase models')"), PHASE_ANY)))
		return rc;
	if (o.scope == PHASE_ANY)
		return cmd_usage(c, _("for whom? give --team TEAM or --school"));
	if ((rc = phase_start(c->db, o.school_id, o.scope, p->args[0], o.day, &tid, &c->err)))
		return rc;
	cmd_note(c, _("started trajectory #%lld (%s)"), (long long)tid, p->args[0]);
	return c->quiet ? 0 : phase_status(c->db, tid, date_today(), &c->out, &c->err);
}

static int run_status(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t tid;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), PHASE_ANY)) ||
	    (rc = phase_active(c->db, o.school_id, o.scope, &tid, &c->err)))
		return rc;
	return phase_status(c->db, tid, date_today(), &c->out, &c->err);
}

static int run_check(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t tid;
	char item[64];
	int rc, changed;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the checklist item (its id or number in 'beter phase status')"), PHASE_ANY)))
		return rc;
	if (o.undo && o.date)
		return cmd_usage(c, _("--undo takes no --date"));
	if ((rc = phase_active(c->db, o.school_id, o.scope, &tid, &c->err)) ||
	    (rc = phase_check(c->db, tid, p->args[0], o.undo, o.day, &changed, item, sizeof(item), &c->err)))
		return rc;
	if (!changed)
		cmd_note(c, o.undo ? _("'%s' was not done; nothing changed") : _("'%s' was already done; nothing changed"),
			 item);
	else
		cmd_note(c, o.undo ? _("'%s' is open again") : _("'%s' is done"), item);
	return 0;
}

static int run_next(struct ctx *c, struct optparse *p)
{
	struct popts o;
	struct phase_retro r = { 0 };
	struct phase_next_result res;
	int64_t tid;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), PHASE_ANY)))
		return rc;
	if (o.no_retro && (o.went_well || o.improve))
		return cmd_usage(c, _("--no-retro closes without a retrospective; leave out --went-well and --improve"));
	if (o.no_retro && !o.reason)
		return cmd_usage(c, _("--no-retro needs --reason TEXT: why was there no retrospective?"));
	if (o.reason && !o.no_retro)
		return cmd_usage(c, _("--reason goes with --no-retro"));
	if (!o.no_retro && !o.went_well && !o.improve)
		return cmd_usage(c, _("a phase closes with its retrospective: give --went-well TEXT and --improve TEXT "
				    "(or --no-retro --reason TEXT)"));
	if (!o.no_retro && (!o.went_well || !o.improve))
		return cmd_usage(c, _("a retrospective has both parts: give --went-well TEXT and --improve TEXT"));
	r.went_well = o.went_well;
	r.improve = o.improve;
	r.no_retro_reason = o.no_retro ? o.reason : NULL;
	if ((rc = phase_active(c->db, o.school_id, o.scope, &tid, &c->err)) ||
	    (rc = phase_next(c->db, tid, &r, o.day, &res, &c->err)))
		return rc;
	if (res.open_items)
		cmd_note(c, P_("closed '%s' with %d checklist item not done", "closed '%s' with %d checklist items not done",
			       res.open_items),
			 res.closed, res.open_items);
	else
		cmd_note(c, _("closed '%s'"), res.closed);
	if (!res.opened[0]) {
		cmd_note(c, _("trajectory #%lld is complete"), (long long)tid);
		return 0;
	}
	cmd_note(c, _("now in '%s'"), res.opened);
	return c->quiet ? 0 : phase_status(c->db, tid, date_today(), &c->out, &c->err);
}

static int run_history(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), PHASE_ANY)))
		return rc;
	return phase_history(c->db, o.school_id, o.scope, date_today(), &c->out, &c->err);
}

static int run_retro_list(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), PHASE_ANY)))
		return rc;
	return phase_retro_list(c->db, o.school_id, o.scope, &c->out, &c->err);
}

static int run_conditions(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int from, to, rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), PHASE_ANY)))
		return rc;
	if (o.period) {
		int64_t id;
		if (o.from || o.to)
			return cmd_usage(c, _("--period counts over the period's dates; leave out --from and --to"));
		if ((rc = cmd_number(c, "--period", o.period, &id)) ||
		    (rc = period_find(c->db, o.school_id, id, &c->err)))
			return rc;
		return phase_conditions_period(c->db, o.school_id, id, date_today(), &c->out, &c->err);
	}
	to = date_today();
	from = date_from_ymd(date_school_year(to), 8, 1);
	if ((o.from && (rc = date_parse(o.from, &from, "--from", &c->err))) ||
	    (o.to && (rc = date_parse(o.to, &to, "--to", &c->err))))
		return rc;
	if (from > to)
		return beter_err_set(&c->err, BETER_DATAERR, _("--from: %s is after --to %s"), o.from ? o.from : "",
				     o.to ? o.to : _("today"));
	return phase_conditions_list(c->db, o.school_id, from, to, &c->out, &c->err);
}

static const struct subcmd model_subs[] = {
	{ "show", "show ID", N_("show a model: its phases, who is involved, typical length and checklist"),
	  school_only_opts, run_model_show, 0, NULL },
	{ "import", "import FILE", N_("import (or update) the school's own model from a JSON file"), school_only_opts,
	  run_model_import, SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd retro_subs[] = {
	{ "list", "list [--team TEAM | --school]", N_("the retrospectives of closed phases"), scope_opts, run_retro_list,
	  SUB_DEFAULT, NULL },
	{ 0 }
};

static const struct subcmd phase_subs[] = {
	{ "models", "models", N_("list the phase models: shipped ones and the school's own"), school_only_opts,
	  run_models, 0, NULL },
	{ "model", NULL, N_("phase models"), NULL, NULL, 0, model_subs },
	{ "start", "start MODEL (--team TEAM | --school) [--date DATE]", N_("start a trajectory in its first phase"),
	  start_opts, run_start, SUB_WRITES, NULL },
	{ "status", "status [--team TEAM | --school]",
	  N_("the current phase, its checklist with what is done, and days in phase; the running period's cycle "
	     "in a phase that repeats each period, and the model's targets met or open"), scope_opts, run_status,
	  SUB_DEFAULT, NULL },
	{ "check", "check ITEM [--team TEAM | --school] [--undo] [--date DATE]",
	  N_("tick off an activity of the current phase (by its id or number)"), check_opts, run_check, SUB_WRITES, NULL },
	{ "next", "next [--team TEAM | --school] --went-well TEXT --improve TEXT [--date DATE]\n"
		  "next [--team TEAM | --school] --no-retro --reason TEXT [--date DATE]",
	  N_("close the current phase with its retrospective and start the next"), next_opts, run_next, SUB_WRITES, NULL },
	{ "history", "history [--team TEAM | --school]", N_("every phase of the trajectories, with dates and retrospectives"),
	  scope_opts, run_history, 0, NULL },
	{ "retro", NULL, N_("retrospectives"), NULL, NULL, 0, retro_subs },
	{ "conditions", "conditions [--from DATE] [--to DATE]\nconditions --period PERIOD",
	  N_("the three conditions per team: ambition, rhythm and retrospective (over a period of the jaarbord "
	     "with --period)"), cond_opts, run_conditions, 0, NULL },
	{ 0 }
};

const struct command_def def_phase = {
	.description =
		N_("Improvement trajectories along a phase model: the leerKRACHT approach (Voorbereiding, Startfase, "
		"Startdag, Aan de slag, Verbindingssessie, Uitbouwen), the six-phase lesson-quality trajectory, the "
		"six steps to better quality and the four steps of stimulating teachers' learning ship with beter; a "
		"school can import its own. Each phase has a checklist of activities (with stable ids), who is "
		"involved and a typical length in days.\n\n"
		"A team, or the whole school (--school), follows one trajectory at a time. 'phase start' copies the "
		"model's phases and checklist into the store. 'phase check' ticks off an activity of the current phase. "
		"'phase next' closes the current phase with its retrospective (what went well, what to do better) and "
		"starts the next; closing without a retrospective is refused unless --no-retro --reason says why. "
		"Without --team or --school, status, check and next use the only active trajectory; history and "
		"retro list show all.\n\n"
		"'phase conditions' shows the three conditions of the method per team and for the school over a "
		"period (default: the school year up to today). Ambition: an ambition is on the team's improvement "
		"board on the period's last day. Rhythm: the share of school weeks in which the team held at least "
		"one board session, counted from the team's start (its first board session, or 'beter team edit "
		"--start') and never past today. A school week is an ISO week (Monday-Sunday) with at least one "
		"school day in the period: a weekday that is no holiday, study day or day off of the school "
		"calendar ('beter calendar'); without a calendar a week whose Monday to Friday fall in the summer "
		"holiday (15 July - 31 August) while no team held a session in it is not counted either. A week in "
		"which the team held a session always counts. Retrospective: the share of phases closed in the period that had a retrospective. "
		"The school row: ambition is true when every teacher team has one (teams_with_ambition of "
		"teacher_teams), rhythm is the mean of the teacher teams' rhythms and weeks_with_session counts "
		"weeks with a session of any team. Rhythm is null when the team has not started or the period holds no school week. The rhythm "
		"of gezamenlijk lesontwerp (GL) is counted the same way: design_rhythm is the share of school weeks "
		"with a lesson given from one of the team's lesson designs (a day of 'beter design'; for the school: "
		"of any team), weeks_with_design their number.\n\n"
		"'phase conditions --period PERIOD' counts over an improvement period ('beter period'), from its "
		"first day up to its last and never past today, per team and for the school: ambition_on_board (an "
		"ambition on the team's board on that day), ambition_checked (the team's retrospective of the period, "
		"'beter period retro', checked the ambition) and ambition (both); rhythm, school_weeks and "
		"weeks_with_session as above; designs (the team's lesson designs given in the period), visits "
		"(lesson visits recorded in the period) and feedback_talks (their talks held in it); retrospective "
		"(the team held its retrospective of the period) and goal_reached. The school row: ambition and "
		"retrospective are true when every teacher team has them (teams_with_ambition, "
		"teams_with_retrospective of teacher_teams), the counts are sums. A candidate period without dates "
		"has no conditions.\n\n"
		"A phase with \"cycle\": \"period\" repeats each improvement period and does not close: in the "
		"leerKRACHT model that is Uitbouwen, where the trajectory is after the first verbindingssessie. "
		"There 'phase status' shows the running period (the earliest not closed that has begun, else the next "
		"one planned) and its cycle, each step done or open as the records show it: the theme prepared (the "
		"period has a TIV and a datamuur, 'beter wall'), the goals set (every teacher team, or the "
		"trajectory's team, has a goal added in the period), the work (board sessions; done when the period's "
		"last day has passed), the retrospectives (every team held one) and the verbindingssessie ('beter "
		"period connect' closed the period). 'phase next' refuses to close such a phase.\n\n"
		"A model may carry targets, counted from the records from the trajectory's start up to today, for "
		"the trajectory's team or the whole school, and shown in 'phase status' as met or open: "
		"board-sessions (board sessions held; for the school the days on which a team held one), study-days "
		"(study days of the school calendar), designs (lesson designs given), visits-with-talk (lesson visits "
		"with their feedback talk) and teachers-with-talk (teachers with such a visit; without min: every "
		"teacher). The targets and the cycle follow the model as it is now, also for a trajectory started "
		"before it changed.\n\n"
		"A model file is JSON: {\"id\": \"our-model\", \"name\": \"...\", \"description\": \"...\", "
		"\"source\": \"...\", \"phases\": [{\"id\": \"start\", \"name\": \"...\", \"purpose\": \"...\", "
		"\"who\": [\"schoolleiding\", \"leraren\"], \"typical_days\": 42, \"activities\": [{\"id\": "
		"\"kickoff\", \"text\": \"...\"}]}], \"targets\": [{\"id\": \"studiedag\", \"text\": \"...\", "
		"\"count\": \"study-days\", \"min\": 1}]}. Ids are 1-40 characters a-z, 0-9 and '-', unique within their "
		"list; typical_days is 1-730; description, source and purpose are optional; only the last phase may "
		"have \"cycle\": \"period\"; targets (at most 20) are optional, min is 1-1000; other fields are refused."),
	.subs = phase_subs,
	.examples = N_("beter phase models\n"
		    "beter phase model show leerkracht\n"
		    "beter phase start leerkracht --school --date 2026-08-24\n"
		    "beter phase check draagvlaksessie --school\n"
		    "beter phase next --school --went-well \"goede start\" --improve \"eerder plannen\"\n"
		    "beter phase start leskwaliteit --team \"Team Bovenbouw\"\n"
		    "beter phase conditions --period 1\n"
		    "beter --json phase history"),
	.files = N_("Shipped models are read from $BETER_SHARE/models/ID.json, else from the installed share directory "
		 "(share/beter/models)."),
};

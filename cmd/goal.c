/* beter goal: goals set the 4-step way, the impact matrix, personal development goals. */
#include <string.h>

#include <stdlib.h>

#include "beter/arena.h"
#include "beter/date.h"
#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/period.h"
#include "beter/person.h"
#include "beter/team.h"
#include "cmd.h"

struct gopts {
	const char *team, *school, *date, *impact, *feas, *text, *pupils, *weeks, *norm, *baseline, *cand, *problem,
		*facts, *causes, *person, *score, *status, *standard, *reason, *kind, *note, *arena, *period;
	int personal;
	int64_t school_id, team_id, person_id, goal;
	int day;
};
#define OPT_STRUCT struct gopts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))
#define OPT_TEAM OPT_STRING("team", team, "TEAM", N_("the team (its name or number)"))
#define OPT_DATE OPT_STRING("date", date, "DATE", N_("the day it happens (default today)"))

static const struct opt cand_add_opts[] = {
	OPT_TEAM,
	OPT_STRING("impact", impact, "1-5", N_("impact on pupils (required)")),
	OPT_STRING("feasibility", feas, "1-5", N_("how feasible it is (required)")),
	OPT_STRING("from-arena", arena, "N",
		   N_("pick the outcome of leerlingarena N (its text when TEXT is left out; its team "
		   "when --team is)")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt team_opts[] = { OPT_TEAM, OPT_SCHOOL, OPT_END };
static const struct opt add_opts[] = {
	OPT_TEAM,
	OPT_STRING("text", text, "TEXT", N_("what pupils know, can, do or feel when it is reached (required)")),
	OPT_STRING("pupils", pupils, "TEXT", N_("for which pupils, e.g. \"groep 7 en 8\"")),
	OPT_STRING("weeks", weeks, "4-8", N_("how many weeks the team works on it (required)")),
	OPT_STRING("norm", norm, "1-10", N_("where the team wants to be after those weeks (required)")),
	OPT_STRING("baseline", baseline, "1-10", N_("the 0-meting: where the team stands now (required)")),
	OPT_STRING("from-candidate", cand, "N", N_("the candidate improvement it was chosen from")),
	OPT_STRING("problem", problem, "TEXT", N_("kaizen: the problem and how big it is")),
	OPT_STRING("facts", facts, "TEXT", N_("kaizen: the facts")),
	OPT_STRING("causes", causes, "TEXT", N_("kaizen: the causes")),
	OPT_FLAG("personal", personal, N_("a personal development goal of one teacher (with --person and --text)")),
	OPT_STRING("person", person, "CODE", N_("the teacher of a personal goal")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt measure_opts[] = {
	OPT_STRING("score", score, "1-10", N_("the result (required)")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt list_opts[] = {
	OPT_TEAM,
	OPT_STRING("person", person, "CODE", N_("the personal goals of this teacher")),
	OPT_FLAG("personal", personal, N_("only personal goals")),
	OPT_STRING("status", status, "STATUS", N_("active, achieved or dropped")),
	OPT_STRING("period", period, "PERIOD", N_("only goals set within the dates of this period")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt achieve_opts[] = {
	OPT_STRING("standard", standard, "TEXT", N_("the \"zo werken wij\" standard it becomes (required for team goals)")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt drop_opts[] = {
	OPT_STRING("reason", reason, "TEXT", N_("why it is dropped (required for team goals)")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt activity_opts[] = {
	OPT_STRING("kind", kind, "KIND",
	  N_("bijblijven (keeping up to date), anderen (learning from others), experimenteren (learning by doing), "
	  "reflectie or samenwerking (required)")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt talk_opts[] = {
	OPT_STRING("note", note, "TEXT", N_("what was talked about and agreed (required)")),
	OPT_DATE,
	OPT_SCHOOL,
	OPT_END
};
static const struct opt date_opts[] = { OPT_DATE, OPT_SCHOOL, OPT_END };
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

/* options, arguments, school, team and person; with goal_arg: the goal number in args[0] */
static int prologue(struct ctx *c, struct optparse *p, struct gopts *o, int min, int max, const char *what,
		    int goal_arg)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, min, max, what)))
		return rc;
	o->day = date_today();
	if (o->date && (rc = date_parse(o->date, &o->day, "--date", &c->err)))
		return rc;
	if ((rc = cmd_school(c, o->school, &o->school_id)))
		return rc;
	if (o->team && (rc = team_find(c->db, o->school_id, o->team, &o->team_id, &c->err)))
		return rc;
	if (o->person && (rc = person_find(c->db, o->school_id, o->person, &o->person_id, &c->err)))
		return rc;
	if (goal_arg) {
		struct goal_info g;
		if ((rc = cmd_number(c, _("goal"), p->args[0], &o->goal)) ||
		    (rc = goal_find(c->db, o->school_id, o->goal, &g, &c->err)))
			return rc;
	}
	return 0;
}

static int need_team(struct ctx *c, const struct gopts *o)
{
	if (!o->team)
		return cmd_usage(c, _("which team? give --team TEAM (usage: %s)"), cmd_usage_line(c));
	return 0;
}

static int run_cand_add(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int64_t impact, feas, id, arena = 0, arena_team = 0;
	char *outcome = NULL;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 1, N_("the candidate improvement"), 0)))
		return rc;
	if (o.arena) {
		if ((rc = cmd_number(c, "--from-arena", o.arena, &arena)) ||
		    (rc = arena_outcome_get(c->db, o.school_id, arena, &arena_team, &outcome, &c->err)))
			return rc;
		if (!o.team_id)
			o.team_id = arena_team;
	} else if (p->nargs == 0) {
		return cmd_args(c, p, 1, 1, N_("the candidate improvement"));
	}
	if (!o.team_id && (rc = need_team(c, &o)))
		goto out;
	if (!o.impact || !o.feas) {
		rc = cmd_usage(c, _("a candidate needs --impact and --feasibility (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = cmd_int(c, "--impact", o.impact, GOAL_MATRIX_MIN, GOAL_MATRIX_MAX, &impact)) ||
	    (rc = cmd_int(c, "--feasibility", o.feas, GOAL_MATRIX_MIN, GOAL_MATRIX_MAX, &feas)) ||
	    (rc = goal_candidate_add(c->db, o.team_id, p->nargs ? p->args[0] : outcome, (int)impact, (int)feas, o.day,
				     &id, &c->err)) ||
	    (arena && (rc = goal_candidate_set_arena(c->db, id, arena, &c->err))))
		goto out;
	cmd_note(c, _("added candidate %lld: %s"), (long long)id, _(goal_quadrant((int)impact, (int)feas)));
out:
	free(outcome);
	return rc;
}

static int run_cand_list(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int rc;
	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), 0)) || (rc = need_team(c, &o)))
		return rc;
	return goal_candidate_list(c->db, o.team_id, &c->out, &c->err);
}

static int run_matrix(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int rc;
	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), 0)) || (rc = need_team(c, &o)))
		return rc;
	return goal_matrix(c->db, o.team_id, &c->out, &c->err);
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	struct goal_new g;
	int64_t id, weeks;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), 0)))
		return rc;
	if (!o.text)
		return cmd_usage(c, _("a goal needs --text (usage: %s)"), cmd_usage_line(c));
	if (o.personal || o.person) {
		if (!o.personal || !o.person || o.team)
			return cmd_usage(c, _("a personal goal takes --personal --person CODE --text TEXT and no --team"));
		if (o.pupils || o.weeks || o.norm || o.baseline || o.cand || o.problem || o.facts || o.causes)
			return cmd_usage(c, _("a personal goal has only --person, --text and --date"));
		if ((rc = goal_personal_add(c->db, o.school_id, o.person_id, o.text, o.day, &id, &c->err)))
			return rc;
		return c->quiet ? 0 : goal_show(c->db, id, &c->out, &c->err);
	}
	if ((rc = need_team(c, &o)))
		return rc;
	if (!o.weeks || !o.norm || !o.baseline)
		return cmd_usage(c, _("a team goal needs --weeks, --norm and --baseline (usage: %s)"), cmd_usage_line(c));
	memset(&g, 0, sizeof(g));
	if ((rc = cmd_int(c, "--weeks", o.weeks, GOAL_WEEKS_MIN, GOAL_WEEKS_MAX, &weeks)) ||
	    (rc = cmd_real(c, "--norm", o.norm, GOAL_SCORE_MIN, GOAL_SCORE_MAX, &g.norm)) ||
	    (rc = cmd_real(c, "--baseline", o.baseline, GOAL_SCORE_MIN, GOAL_SCORE_MAX, &g.baseline)))
		return rc;
	if (o.cand && (rc = cmd_number(c, "--from-candidate", o.cand, &g.candidate)))
		return rc;
	g.team = o.team_id;
	g.text = o.text;
	g.pupils = o.pupils;
	g.weeks = (int)weeks;
	g.problem = o.problem;
	g.facts = o.facts;
	g.causes = o.causes;
	g.day = o.day;
	if ((rc = goal_add(c->db, o.school_id, &g, &id, &c->err)))
		return rc;
	return c->quiet ? 0 : goal_show(c->db, id, &c->out, &c->err);
}

static int run_measure(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	double score;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the goal's number"), 1)))
		return rc;
	if (!o.score)
		return cmd_usage(c, _("give the result with --score (usage: %s)"), cmd_usage_line(c));
	if ((rc = cmd_real(c, "--score", o.score, GOAL_SCORE_MIN, GOAL_SCORE_MAX, &score)) ||
	    (rc = goal_measure(c->db, o.goal, score, o.day, 0, NULL, &c->err)))
		return rc;
	return c->quiet ? 0 : goal_progress(c->db, o.goal, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int rc;
	if ((rc = prologue(c, p, &o, 1, 1, N_("the goal's number"), 1)))
		return rc;
	return goal_show(c->db, o.goal, &c->out, &c->err);
}

static int run_progress(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int rc;
	if ((rc = prologue(c, p, &o, 1, 1, N_("the goal's number"), 1)))
		return rc;
	return goal_progress(c->db, o.goal, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	struct goal_filter f;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), 0)))
		return rc;
	if (o.team && o.person)
		return cmd_usage(c, _("give --team TEAM for a team's goals or --person CODE for a teacher's personal goals, "
				 "not both (usage: %s)"), cmd_usage_line(c));
	memset(&f, 0, sizeof(f));
	f.team = o.team_id;
	f.person = o.person_id;
	f.personal = o.personal || o.person ? 1 : o.team ? -1 : 0;
	f.status = o.status;
	if (o.period && ((rc = cmd_number(c, "--period", o.period, &f.period)) ||
			 (rc = period_find(c->db, o.school_id, f.period, &c->err))))
		return rc;
	return goal_list(c->db, o.school_id, &f, &c->out, &c->err);
}

static int run_achieve(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int rc;
	struct goal_info g;
	if ((rc = prologue(c, p, &o, 1, 1, N_("the goal's number"), 1)) ||
	    (rc = goal_find(c->db, o.school_id, o.goal, &g, &c->err)))
		return rc;
	if (g.team && !o.standard)
		return cmd_usage(c, _("an achieved team goal becomes a 'zo werken wij' standard: give it with --standard "
				 "TEXT (usage: %s)"), cmd_usage_line(c));
	if ((rc = goal_achieve(c->db, o.goal, o.standard, o.day, &c->err)))
		return rc;
	cmd_note(c, _("goal %lld is achieved"), (long long)o.goal);
	return 0;
}

static int run_drop(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int rc;
	if ((rc = prologue(c, p, &o, 1, 1, N_("the goal's number"), 1)))
		return rc;
	if (!o.reason)
		return cmd_usage(c, _("say why the goal is dropped with --reason TEXT (usage: %s)"), cmd_usage_line(c));
	if ((rc = goal_drop(c->db, o.goal, o.reason, o.day, &c->err)))
		return rc;
	cmd_note(c, _("goal %lld is dropped"), (long long)o.goal);
	return 0;
}

static int run_standards(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int rc;
	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), 0)))
		return rc;
	return goal_standards(c->db, o.school_id, o.team_id, &c->out, &c->err);
}

static int run_activity_add(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int64_t id;
	int rc;

	if ((rc = prologue(c, p, &o, 2, 2, N_("the goal's number and the activity"), 1)))
		return rc;
	if (!o.kind)
		return cmd_usage(c, _("which kind of learning activity? give --kind (usage: %s)"), cmd_usage_line(c));
	if ((rc = goal_activity_add(c->db, o.goal, o.kind, p->args[1], o.day, &id, &c->err)))
		return rc;
	cmd_note(c, _("added learning activity %lld to goal %lld"), (long long)id, (long long)o.goal);
	return 0;
}

static int run_activity_done(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int64_t act;
	int rc;

	if ((rc = prologue(c, p, &o, 2, 2, N_("the goal's number and the activity's number"), 1)) ||
	    (rc = cmd_number(c, _("activity"), p->args[1], &act)) ||
	    (rc = goal_activity_done(c->db, o.goal, act, o.day, &c->err)))
		return rc;
	cmd_note(c, _("learning activity %lld is done"), (long long)act);
	return 0;
}

static int run_talk(struct ctx *c, struct optparse *p)
{
	struct gopts o;
	int64_t id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the goal's number"), 1)))
		return rc;
	if (!o.note)
		return cmd_usage(c, _("a progress conversation needs --note (usage: %s)"), cmd_usage_line(c));
	if ((rc = goal_talk_add(c->db, o.goal, o.day, o.note, &id, &c->err)))
		return rc;
	cmd_note(c, _("added progress conversation %lld to goal %lld"), (long long)id, (long long)o.goal);
	return 0;
}

static const struct subcmd cand_subs[] = {
	{ "add", "add --team TEAM TEXT --impact 1-5 --feasibility 1-5 [--date DATE]\n"
		 "add --from-arena N [--team TEAM] [TEXT] --impact 1-5 --feasibility 1-5",
	  N_("add a candidate improvement, scored on impact on pupils and feasibility"), cand_add_opts, run_cand_add,
	  SUB_WRITES, NULL },
	{ "list", "list --team TEAM", N_("list candidates with their quadrant of the impact matrix"), team_opts,
	  run_cand_list, 0, NULL },
	{ 0 }
};

static const struct subcmd activity_subs[] = {
	{ "add", "add N --kind KIND TEXT [--date DATE]", N_("add a learning activity to a personal goal"), activity_opts,
	  run_activity_add, SUB_WRITES, NULL },
	{ "done", "done N ACTIVITY [--date DATE]", N_("mark a learning activity done"), date_opts, run_activity_done,
	  SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd goal_subs[] = {
	{ "candidate", NULL, N_("step 1: candidate improvements"), NULL, NULL, 0, cand_subs },
	{ "matrix", "matrix --team TEAM", N_("the impact matrix: impact on pupils against feasibility"), team_opts,
	  run_matrix, 0, NULL },
	{ "add",
	  "add --team TEAM --text TEXT [--pupils TEXT] --weeks 4-8 --norm 1-10 --baseline 1-10 [--from-candidate N] "
	  "[--problem TEXT] [--facts TEXT] [--causes TEXT] [--date DATE]\n"
	  "add --personal --person CODE --text TEXT [--date DATE]",
	  N_("set a team goal (steps 2 and 3), or a teacher's personal development goal"), add_opts, run_add, SUB_WRITES,
	  NULL },
	{ "measure", "measure N --score 1-10 [--date DATE]", N_("add a result P1, P2, ... to a team goal"), measure_opts,
	  run_measure, SUB_WRITES, NULL },
	{ "list", "list [--team TEAM | --person CODE | --personal] [--status active|achieved|dropped] [--period PERIOD]", N_("list goals"),
	  list_opts, run_list, SUB_DEFAULT, NULL },
	{ "show", "show N", N_("show a goal with its results, actions, learning activities and conversations"),
	  school_opts, run_show, 0, NULL },
	{ "progress", "progress N", N_("P0 (the 0-meting) .. Pn against the norm"), school_opts, run_progress, 0, NULL },
	{ "achieve", "achieve N --standard TEXT [--date DATE]", N_("the goal is met; its way of working becomes a standard"),
	  achieve_opts, run_achieve, SUB_WRITES, NULL },
	{ "drop", "drop N --reason TEXT [--date DATE]", N_("stop working on a goal"), drop_opts, run_drop, SUB_WRITES, NULL },
	{ "standards", "standards [--team TEAM]", N_("the \"zo werken wij\" standards of achieved goals"), team_opts,
	  run_standards, 0, NULL },
	{ "activity", NULL, N_("learning activities of a personal goal"), NULL, NULL, 0, activity_subs },
	{ "talk", "talk N --note TEXT [--date DATE]", N_("record a progress conversation about a personal goal"), talk_opts,
	  run_talk, SUB_WRITES, NULL },
	{ 0 }
};

const struct command_def def_goal = {
	.description =
		N_("Goals set the 4-step way. 1. Candidates: each improvement the team could make is scored on its impact "
		"on pupils and its feasibility, 1-5; 'goal matrix' places them in the impact matrix (3-5 counts as "
		"high), as a 2x2 grid in the table format and, in JSON and CSV, one row per candidate with "
		"impact_level, feasibility_level and quadrant. 2. The goal: what pupils know, can, do or feel once it "
		"is reached, and for which pupils. 3. Over how many weeks (4-8), the norm (where the team wants to be) "
		"and the 0-meting (--baseline, where it stands now), both on a 1-10 scale, the norm above the 0-meting; a "
		"candidate becomes one goal at most (--from-candidate). 4. Actions in class and for "
		"the team go on the board (see beter-board). Results P1, P2, ... are added with 'goal measure' or in "
		"a board session. A team goal may carry the kaizen questions: the problem, the facts, the causes.\n\n"
		"An achieved team goal becomes a \"zo werken wij\" standard, given with --standard ('goal standards' "
		"lists them); a dropped goal keeps its reason, given with --reason. A result ('goal measure') cannot "
		"be dated after today.\n\n"
		"Personal development goals (ontwikkelpunten) belong to one teacher: 'goal add --personal --person "
		"CODE --text TEXT'. They get learning activities of five kinds: bijblijven (keeping up to date with "
		"training, reading, conferences), anderen (learning from the ideas and practice of others), "
		"experimenteren (learning by doing and experimenting), reflectie (learning by reflection) and "
		"samenwerking (learning by working together), and progress conversations ('goal talk').\n\n"
		"Goals are numbered across the school. Scores outside 1-10, weeks outside 4-8 and impact or "
		"feasibility outside 1-5 exit 65; unknown teams, people and goals exit 1; nothing is written then."),
	.subs = goal_subs,
	.examples = N_("beter goal candidate add --team \"Team Bovenbouw\" \"Leerlingen vatten een tekst samen\" --impact 5 "
		    "--feasibility 4\n"
		    "beter goal matrix --team \"Team Bovenbouw\"\n"
		    "beter goal add --team \"Team Bovenbouw\" --text \"Leerlingen kunnen de kern van een tekst in eigen "
		    "woorden vertellen\" --pupils \"groep 7 en 8\" --weeks 6 --norm 8 --baseline 5 --from-candidate 1\n"
		    "beter goal measure 1 --score 6.5\n"
		    "beter goal add --personal --person ODW --text \"Betere vragen stellen bij de instructie\"\n"
		    "beter goal activity add 2 --kind anderen \"Lesbezoek bij MKP\"\n"
		    "beter goal talk 2 --date 2026-11-12 --note \"Gaat goed; volgende stap: wachttijd\""),
};

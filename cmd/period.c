/* beter period: the improvement periods on the school's jaarbord. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/period.h"
#include "beter/store.h"
#include "beter/team.h"
#include "cmd.h"
#include "period_cmd.h"

#define OPT_STRUCT struct popts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))

static const struct opt add_opts[] = {
	OPT_STRING("theme", theme, "TEXT", N_("the verbeterthema (required)")),
	OPT_STRING("from", from, "DATE", N_("the period's first day (without dates: a candidate theme)")),
	OPT_STRING("to", to, "DATE", N_("the period's last day")),
	OPT_STRING("tiv", tiv, "TEAM", N_("the Team Inhoudelijke Voorbereiding: a team of kind tiv")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

int period_arg(struct ctx *c, const char *school_opt, const char *arg, int64_t *school, int64_t *id)
{
	int rc;

	if ((rc = cmd_number(c, "period", arg, id)) || (rc = cmd_school(c, school_opt, school)))
		return rc;
	return period_find(c->db, *school, *id, &c->err);
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct popts o = { 0 };
	int64_t school, id, tiv = 0;
	int from = 0, to = 0, rc;

	if ((rc = cmd_parse(c, p, &o, 0, 0, N_("nothing"))))
		return rc;
	if (!o.theme)
		return cmd_usage(c, _("give --theme TEXT (usage: %s)"), cmd_usage_line(c));
	if ((o.from && (rc = date_parse(o.from, &from, "--from", &c->err))) ||
	    (o.to && (rc = date_parse(o.to, &to, "--to", &c->err))))
		return rc;
	if ((rc = cmd_school(c, o.school, &school)) ||
	    (o.tiv && (rc = team_find(c->db, school, o.tiv, &tiv, &c->err))) ||
	    (rc = period_add(c->db, school, o.theme, from, to, tiv, &id, &c->err)))
		return rc;
	if (c->quiet)
		return 0;
	return period_show(c->db, id, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct popts o = { 0 };
	int64_t school;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 0, 0, N_("nothing"))) || (rc = cmd_school(c, o.school, &school)))
		return rc;
	return period_list(c->db, school, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct popts o = { 0 };
	int64_t school, id;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the period's number"))) ||
	    (rc = period_arg(c, o.school, p->args[0], &school, &id)))
		return rc;
	return period_show(c->db, id, &c->out, &c->err);
}

static const struct subcmd period_subs[] = {
	{ "add", "add --theme TEXT [--from DATE --to DATE] [--tiv TEAM]",
	  N_("add a period to the jaarbord (without dates: a candidate theme)"), add_opts, run_add, SUB_WRITES, NULL },
	{ "list", "list", N_("the school's periods and candidate themes"), school_opts, run_list, SUB_DEFAULT, NULL },
	{ "show", "show NUMBER", N_("one period: theme, dates, TIV, datamuur, retrospectives, verbindingssessie"),
	  school_opts, run_show, 0, NULL },
	PERIOD_MORE_SUBS
	{ 0 }
};

const struct command_def def_period = {
	.description = N_(
		"The improvement period: the school year runs in periods of about 6-8 weeks, each with a "
		"verbeterthema from the school's jaarbord. A period has its dates and its TIV (Team Inhoudelijke "
		"Voorbereiding: a team of kind tiv with a member of the leerKRACHT-team and two others), which "
		"prepares the datamuur ('beter wall') and a leerlingarena. A theme without dates is a candidate on "
		"the jaarbord. Periods of one school do not overlap.\n\n"
		"Before a period ends each team holds its retrospective on its goal and checks its ambition "
		"('period retro'); the verbindingssessie ('period connect') shares the successes, records the "
		"'zo werken wij'-standaarden, closes the period and opens the next."),
	.subs = period_subs,
	.examples = N_("beter period add --theme \"Begrijpend lezen\" --from 2026-08-31 --to 2026-10-16 --tiv \"TIV Lezen\"\n"
		       "beter period add --theme \"Rekenen in de context\"\n"
		       "beter period list\n"
		       "beter period show 1"),
};

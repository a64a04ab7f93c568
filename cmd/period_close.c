/* beter period retro and connect: a team's retrospective on the period and
 * the verbindingssessie that closes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/period.h"
#include "beter/phase.h"
#include "beter/store.h"
#include "beter/team.h"
#include "cmd.h"
#include "period_cmd.h"

#define OPT_STRUCT struct popts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))

const struct opt period_retro_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("the team whose retrospective it is (required)")),
	OPT_STRING("went-well", went_well, "TEXT", N_("what went well")),
	OPT_STRING("improve", improve, "TEXT", N_("what can be better")),
	OPT_STRING("goal-reached", reached, "ja|deels|nee", N_("whether the team reached its goal (required)")),
	OPT_STRING("ambition", ambition, "TEXT", N_("the check on the ambition: does it still hold?")),
	OPT_STRING("date", date, "DATE", N_("the day of the retrospective (default today)")),
	OPT_SCHOOL,
	OPT_END
};
const struct opt period_connect_opts[] = {
	OPT_STRING("date", date, "DATE", N_("the day of the verbindingssessie (required)")),
	OPT_LIST("success", successes, "TEXT", N_("a success shared (may be repeated)")),
	OPT_LIST("standard", standards, "GOAL=TEXT", N_("a 'zo werken wij'-standaard from goal GOAL (may be repeated)")),
	OPT_STRING("story", story, "TEXT", N_("the school leader's look ahead")),
	OPT_STRING("next", next, "PERIOD", N_("the period the verbindingssessie opens")),
	OPT_STRING("next-from", from, "DATE", N_("the first day of the next period, when it is a candidate")),
	OPT_STRING("next-to", to, "DATE", N_("the last day of the next period, when it is a candidate")),
	OPT_SCHOOL,
	OPT_END
};

void period_opts_release(struct popts *o)
{
	opt_list_release(&o->successes);
	opt_list_release(&o->standards);
}

int period_run_retro(struct ctx *c, struct optparse *p)
{
	struct popts o = { 0 };
	struct period_retro r = { 0 };
	int64_t school, id;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the period's number"))))
		return rc;
	if (!o.team || !o.reached)
		return cmd_usage(c, _("give --team TEAM and --goal-reached ja|deels|nee (usage: %s)"), cmd_usage_line(c));
	r.day = date_today();
	r.went_well = o.went_well;
	r.improve = o.improve;
	r.reached = o.reached;
	r.ambition = o.ambition;
	if ((o.date && (rc = date_parse(o.date, &r.day, "--date", &c->err))) ||
	    (rc = period_arg(c, o.school, p->args[0], &school, &id)) ||
	    (rc = team_find(c->db, school, o.team, &r.team, &c->err)) || (rc = period_retro_add(c->db, id, &r, &c->err)))
		return rc;
	if (c->quiet)
		return 0;
	return period_show(c->db, id, &c->out, &c->err);
}

/* "GOAL=TEXT" (a goal of the school) or a text without a goal. */
static int standard_arg(struct ctx *c, int64_t school, const char *arg, struct period_standard *s)
{
	const char *eq = strchr(arg, '=');
	char num[24];
	int64_t n;
	struct goal_info g;
	int rc;

	s->goal = 0;
	s->text = arg;
	if (!eq || (size_t)(eq - arg) >= sizeof(num))
		return 0;
	snprintf(num, sizeof(num), "%.*s", (int)(eq - arg), arg);
	if (parse_int64(num, &n))
		return 0;
	if ((rc = goal_find(c->db, school, n, &g, &c->err)))
		return rc;
	s->goal = g.id;
	s->text = eq + 1;
	return 0;
}

static char *join(const struct opt_list *l)
{
	struct strbuf sb = STRBUF_INIT;
	if (!l->n)
		return NULL;
	for (int i = 0; i < l->n; i++)
		strbuf_addf(&sb, "%s%s", i ? "; " : "", l->v[i]);
	return strbuf_detach(&sb);
}

/* The school's trajectory goes on in the phase that repeats each period
 * once its Verbindingssessie phase is closed. */
static int connect_hint(struct ctx *c, int64_t school)
{
	char now[256], next[256];
	int found, rc = phase_before_cycle(c->db, school, &found, now, sizeof(now), next, sizeof(next), &c->err);

	if (!rc && found)
		cmd_note(c, _("the school's trajectory is in '%s': close it with its retrospective ('beter phase next "
			      "--school') and it goes on in '%s', period by period"), now, next);
	return rc;
}

int period_run_connect(struct ctx *c, struct optparse *p)
{
	struct popts o = { 0 };
	struct period_connect x = { 0 };
	struct period_standard *st = NULL;
	int64_t school, id;
	char *successes = NULL;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the period's number"))))
		goto done;
	if (!o.date) {
		rc = cmd_usage(c, _("give --date DATE (usage: %s)"), cmd_usage_line(c));
		goto done;
	}
	if ((rc = date_parse(o.date, &x.day, "--date", &c->err)) ||
	    (o.from && (rc = date_parse(o.from, &x.next_from, "--next-from", &c->err))) ||
	    (o.to && (rc = date_parse(o.to, &x.next_to, "--next-to", &c->err))) ||
	    (o.next && (rc = cmd_number(c, "--next", o.next, &x.next))) ||
	    (rc = period_arg(c, o.school, p->args[0], &school, &id)))
		goto done;
	st = xcalloc((size_t)o.standards.n + 1, sizeof(*st));
	for (int i = 0; i < o.standards.n; i++)
		if ((rc = standard_arg(c, school, o.standards.v[i], &st[i])))
			goto done;
	x.standards = st;
	x.nstandards = (size_t)o.standards.n;
	successes = join(&o.successes);
	x.successes = successes;
	x.story = o.story;
	if ((rc = period_connect(c->db, school, id, &x, &c->err)) || (rc = connect_hint(c, school)) || c->quiet)
		goto done;
	rc = period_show(c->db, id, &c->out, &c->err);
done:
	free(st);
	free(successes);
	period_opts_release(&o);
	return rc;
}

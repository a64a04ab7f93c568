/* beter visit cancel and move: plans that change. */
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "visit_cmd.h"

const struct opt visit_cmd_cancel_opts[] = {
	OPT_STRING("reason", reason, "TEXT", N_("why it is called off, e.g. \"Schoolreis\"")),
	OPT_SCHOOL,
	OPT_END
};
const struct opt visit_cmd_move_opts[] = {
	OPT_STRING("date", date, "DATE", N_("the new day (required)")),
	OPT_STRING("time", time, "HH:MM", N_("the new time (default: the time it had)")),
	OPT_SCHOOL,
	OPT_END
};

static int number(struct ctx *c, struct optparse *p, struct vopts *o, int64_t *school, int64_t *id)
{
	int rc;

	if ((rc = vopts_parse(c, p, o, 1, 1, "the visit's number", school)))
		return rc;
	return cmd_number(c, "visit", p->args[0], id);
}

int visit_cmd_cancel(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school, id;
	int rc;

	if (!(rc = number(c, p, &o, &school, &id)) && !(rc = visit_cancel(c->db, school, id, o.reason, &c->err)))
		cmd_note(c, _("visit %lld is cancelled"), (long long)id);
	vopts_release(&o);
	return rc;
}

int visit_cmd_move(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school, id;
	int rc, day, time = -1;

	if ((rc = number(c, p, &o, &school, &id)))
		goto out;
	if (!o.date) {
		rc = cmd_usage(c, _("give the new day with --date (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = date_parse(o.date, &day, "--date", &c->err)) ||
	    (o.time && (rc = time_parse(o.time, &time, "--time", &c->err))) ||
	    (rc = visit_move(c->db, school, id, day, time, &c->err)))
		goto out;
	if (time >= 0)
		cmd_note(c, _("visit %lld is moved to %s at %02d:%02d"), (long long)id, o.date, time / 60 % 24, time % 60);
	else
		cmd_note(c, _("visit %lld is moved to %s"), (long long)id, o.date);
out:
	vopts_release(&o);
	return rc;
}

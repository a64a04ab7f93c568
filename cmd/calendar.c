/* beter calendar: the school's holidays, study days and days off; iCalendar
 * import and export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/calendar.h"
#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/person.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/team.h"
#include "cmd.h"

#define ICS_MAX (16u << 20)

struct copts {
	const char *from, *to, *kind, *name, *region, *year, *team, *person, *school;
};
#define OPT_STRUCT struct copts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))

static const struct opt add_opts[] = {
	OPT_STRING("from", from, "DATE", N_("the first day off (required)")),
	OPT_STRING("to", to, "DATE", N_("the last day off (default: --from)")),
	OPT_STRING("kind", kind, "KIND", N_("vakantie (a holiday), studiedag (a study day) or vrij (another day off)")),
	OPT_STRING("name", name, "TEXT", N_("what the days are called (required)")),
	OPT_STRING("region", region, "REGION", N_("a holiday of one region only: noord, midden or zuid")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt list_opts[] = {
	OPT_STRING("year", year, "YEAR", N_("the school year (2026-2027), a week or a day (default: this school year)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt import_opts[] = {
	OPT_STRING("kind", kind, "KIND", N_("the kind of events whose CATEGORIES name none (default vakantie)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt export_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("only what concerns this team")),
	OPT_STRING("person", person, "CODE", N_("only what concerns this person")),
	OPT_STRING("from", from, "DATE", N_("the first day (default: the school year's first)")),
	OPT_STRING("to", to, "DATE", N_("the last day (default: the school year's last)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

/* [from, to] from --from/--to, else the school year of today. */
static int range(struct ctx *c, const struct copts *o, int *from, int *to)
{
	int rc, y = date_school_year(date_today());

	*from = date_from_ymd(y, 8, 1);
	*to = date_from_ymd(y + 1, 7, 31);
	if ((o->from && (rc = date_parse(o->from, from, "--from", &c->err))) ||
	    (o->to && (rc = date_parse(o->to, to, "--to", &c->err))))
		return rc;
	if (*to < *from) {
		char f[11], t[11];
		date_format(*from, f);
		date_format(*to, t);
		return beter_err_set(&c->err, BETER_DATAERR, _("--to: %s is before --from %s"), t, f);
	}
	return 0;
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct copts o = { 0 };
	int64_t school, id;
	int from, to, rc;

	if ((rc = cmd_parse(c, p, &o, 0, 0, N_("nothing"))))
		return rc;
	if (!o.from || !o.name)
		return cmd_usage(c, _("give at least --from DATE and --name TEXT (usage: %s)"), cmd_usage_line(c));
	if ((rc = date_parse(o.from, &from, "--from", &c->err)))
		return rc;
	to = from;
	if (o.to && (rc = date_parse(o.to, &to, "--to", &c->err)))
		return rc;
	if ((rc = cmd_school(c, o.school, &school)) ||
	    (rc = calendar_add(c->db, school, from, to, o.kind ? o.kind : "vrij", o.name, o.region, &id, &c->err)))
		return rc;
	if (c->quiet)
		return 0;
	return calendar_list(c->db, school, from, to, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct copts o = { 0 };
	int64_t school;
	int from, to, rc;

	if ((rc = cmd_parse(c, p, &o, 0, 0, N_("nothing"))))
		return rc;
	range(c, &o, &from, &to);
	if (o.year && (rc = date_period_parse(o.year, &from, &to, "--year", &c->err)))
		return rc;
	if ((rc = cmd_school(c, o.school, &school)))
		return rc;
	if (store_int_bind(c->db, "SELECT region IS NULL AND EXISTS (SELECT 1 FROM calendar_day WHERE school_id = ?1 "
				  "AND region IS NOT NULL) FROM school WHERE id = ?1", school, 0))
		cmd_note(c, "%s", _("the school has no holiday region, so regional holidays do not apply; "
				    "set it with 'beter school edit --region noord|midden|zuid'"));
	return calendar_list(c->db, school, from, to, &c->out, &c->err);
}

static const struct out_col import_cols[] = {
	{ N_("file"), OUT_T_TEXT }, { N_("added"), OUT_T_INT }, { N_("updated"), OUT_T_INT },
	{ N_("unchanged"), OUT_T_INT }, { N_("skipped"), OUT_T_INT },
};

static int run_import(struct ctx *c, struct optparse *p)
{
	struct copts o = { 0 };
	struct cal_events ev;
	struct calendar_import_stats s;
	int64_t school;
	char *text;
	size_t len;
	FILE *fp;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the .ics file"))))
		return rc;
	if (o.kind && !calendar_kind_valid(o.kind))
		return beter_err_set(&c->err, BETER_DATAERR, _("--kind: unknown kind '%s' (use vakantie, studiedag or vrij)"),
				     o.kind);
	if ((rc = cmd_school(c, o.school, &school)))
		return rc;
	/* a missing file is "not found" (1), as for every input file */
	if (strcmp(p->args[0], "-") && (rc = input_open(p->args[0], &fp, &c->err)))
		return rc;
	if (strcmp(p->args[0], "-"))
		fclose(fp);
	if ((rc = share_read_file(p->args[0], ICS_MAX, &text, &len, &c->err)))
		return rc;
	rc = calendar_ics_parse(text, len, p->args[0], o.kind, &ev, &c->err);
	free(text);
	if (rc)
		return rc;
	rc = calendar_import(c->db, school, &ev, &s, &c->err);
	cal_events_release(&ev);
	if (rc)
		return rc;
	if (c->quiet)
		return 0;
	out_record(&c->out, import_cols, sizeof(import_cols) / sizeof(*import_cols));
	out_text(&c->out, p->args[0]);
	out_int(&c->out, s.added);
	out_int(&c->out, s.updated);
	out_int(&c->out, s.unchanged);
	out_int(&c->out, s.skipped);
	out_end(&c->out);
	return 0;
}

static int run_export(struct ctx *c, struct optparse *p)
{
	struct copts o = { 0 };
	struct calendar_export_opts x = { 0 };
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 0, 0, N_("nothing"))) || (rc = range(c, &o, &x.from, &x.to)))
		return rc;
	if (o.team && o.person)
		return cmd_usage(c, "%s", _("give --team or --person, not both"));
	if ((rc = cmd_school(c, o.school, &x.school)) ||
	    (o.team && (rc = team_find(c->db, x.school, o.team, &x.team, &c->err))) ||
	    (o.person && (rc = person_find(c->db, x.school, o.person, &x.person, &c->err))))
		return rc;
	if (!(rc = calendar_export(c->db, &x, &sb, &c->err)))
		fwrite(sb.buf, 1, sb.len, c->out.fp);
	strbuf_release(&sb);
	return rc;
}

static int run_rm(struct ctx *c, struct optparse *p)
{
	struct copts o = { 0 };
	int64_t school, id;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the calendar day's number"))) ||
	    (rc = cmd_number(c, "calendar day", p->args[0], &id)) || (rc = cmd_school(c, o.school, &school)) ||
	    (rc = calendar_rm(c->db, school, id, &c->err)))
		return rc;
	cmd_note(c, _("removed calendar day %lld"), (long long)id);
	return 0;
}

static const struct subcmd calendar_subs[] = {
	{ "add", "add --from DATE [--to DATE] --kind vakantie|studiedag|vrij --name TEXT [--region REGION]",
	  N_("add a holiday, study day or other days off"), add_opts, run_add, SUB_WRITES, NULL },
	{ "list", "list [--year YEAR]", N_("the days off of a school year, with the region they apply to"), list_opts,
	  run_list, SUB_DEFAULT, NULL },
	{ "import", "import FILE.ics [--kind KIND]", N_("read holidays and days off from an iCalendar file"), import_opts,
	  run_import, SUB_WRITES, NULL },
	{ "export", "export [--team TEAM | --person CODE] [--from DATE --to DATE]",
	  N_("write visits, board sessions, feedback talks due and days off as iCalendar"), export_opts, run_export, 0,
	  NULL },
	{ "rm", "rm NUMBER", N_("remove a calendar day"), school_opts, run_rm, SUB_WRITES, NULL },
	{ 0 }
};

const struct command_def def_calendar = {
	.description = N_(
		"The school calendar: holidays per region (noord, midden, zuid), study days and other days off. "
		"A school day is a weekday that no day off covers; a school week has at least one school day. "
		"The board's rhythm counts school weeks only, and visit plans skip days off.\n\n"
		"A holiday of one region applies when the school's region (set with 'beter init --region' or "
		"'beter school edit --region') is that region; a day off without a region applies to every school.\n\n"
		"'calendar import' reads iCalendar (RFC 5545) with libical. Every all-day event is a day off: SUMMARY "
		"is its name, DTSTART its first day and DTEND (exclusive) or DURATION its end. CATEGORIES (or "
		"X-BETER-KIND and X-BETER-REGION) give the kind (vakantie, studiedag, vrij) and the region (noord, "
		"midden, zuid, also as 'regio noord'); an event naming several regions is a day off of each. Events "
		"with a time of day or a repeat rule are agenda items and are skipped. Days are known by the event's "
		"UID: importing the same file again changes nothing, a changed event is updated.\n\n"
		"'calendar export' writes iCalendar with libical for Outlook, Google Calendar and the like: lesson "
		"visits (with their time when they have one), feedback talks due a week after a visit written down, "
		"board sessions held and planned on the period rhythm, the periods (themes) of the year boards, "
		"verbindingssessies and the days off. Every "
		"event's UID comes from the record it shows, so a calendar that loads the file again updates its "
		"events. Cancelled visits are left out, and so are those a board session said do not take place "
		"('board session add --visit-missed') unless they were recorded after all."),
	.subs = calendar_subs,
	.examples = N_("beter calendar import share/calendar/schoolvakanties-2026-2027.ics\n"
		    "beter calendar add --from 2027-02-12 --kind studiedag --name \"Studiedag leskwaliteit\"\n"
		    "beter calendar list --year 2026-2027\n"
		    "beter calendar export --team \"Team Bovenbouw\" > bovenbouw.ics"),
};

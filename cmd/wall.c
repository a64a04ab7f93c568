/* beter wall: the datamuur of a period. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/period.h"
#include "beter/store.h"
#include "cmd.h"
#include "period_cmd.h"

struct wopts {
	const char *indicator, *group, *value, *norm, *unit, *source, *date, *previous, *sheet, *school;
};
#define OPT_STRUCT struct wopts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))

static const struct opt add_opts[] = {
	OPT_STRING("indicator", indicator, "TEXT", N_("what is measured, e.g. \"Begrijpend lezen M\" (required)")),
	OPT_STRING("group", group, "GROUP", N_("the group the value is of, e.g. \"groep 7\" (required)")),
	OPT_STRING("value", value, "NUMBER", N_("the value (required)")),
	OPT_STRING("norm", norm, "NUMBER", N_("the norm to hold the value against")),
	OPT_STRING("unit", unit, "UNIT", N_("the unit: % (0-100), score, ...")),
	OPT_STRING("source", source, "TEXT", N_("where the value comes from")),
	OPT_STRING("date", date, "DATE", N_("the day of the measurement")),
	OPT_STRING("previous", previous, "NUMBER", N_("the previous measurement")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt note_opts[] = {
	OPT_STRING("source", source, "TEXT", N_("where the insight comes from")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt import_opts[] = {
	OPT_STRING("date", date, "DATE", N_("the day of the measurement")),
	OPT_STRING("sheet", sheet, "NAME", N_("the sheet of an .xlsx workbook (default: the first)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

static int real_opt(struct ctx *c, const char *name, const char *s, double *v)
{
	*v = NAN;
	return s ? cmd_real(c, name, s, -1e12, 1e12, v) : 0;
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct wopts o = { 0 };
	struct wall_value v = { 0 };
	int64_t school, id;
	int changed, rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the period's number"))))
		return rc;
	if (!o.indicator || !o.group || !o.value)
		return cmd_usage(c, _("give --indicator, --group and --value (usage: %s)"), cmd_usage_line(c));
	v.indicator = o.indicator;
	v.measure = "";
	v.group = o.group;
	v.unit = o.unit;
	v.source = o.source;
	v.n = -1;
	if ((rc = real_opt(c, "--value", o.value, &v.value)) || (rc = real_opt(c, "--norm", o.norm, &v.norm)) ||
	    (rc = real_opt(c, "--previous", o.previous, &v.previous)) ||
	    (o.date && (rc = date_parse(o.date, &v.day, "--date", &c->err))) ||
	    (rc = period_arg(c, o.school, p->args[0], &school, &id)) || (rc = wall_put(c->db, id, &v, &changed, &c->err)))
		return rc;
	if (c->quiet)
		return 0;
	return wall_show(c->db, id, &c->out, &c->err);
}

static int run_note(struct ctx *c, struct optparse *p)
{
	struct wopts o = { 0 };
	int64_t school, id;
	int added, rc;

	if ((rc = cmd_parse(c, p, &o, 2, 2, N_("the period's number and the note"))) ||
	    (rc = period_arg(c, o.school, p->args[0], &school, &id)) ||
	    (rc = wall_note_add(c->db, id, p->args[1], o.source, date_today(), &added, &c->err)))
		return rc;
	if (!added)
		cmd_note(c, "%s", _("the datamuur has that note already"));
	return 0;
}

static const struct out_col import_cols[] = {
	{ N_("file"), OUT_T_TEXT },      { N_("per_pupil"), OUT_T_BOOL },  { N_("added"), OUT_T_INT },
	{ N_("updated"), OUT_T_INT },    { N_("unchanged"), OUT_T_INT },   { N_("groups_suppressed"), OUT_T_INT },
};

static int run_import(struct ctx *c, struct optparse *p)
{
	struct wopts o = { 0 };
	struct wall_import_stats s;
	struct strbuf notes = STRBUF_INIT;
	int64_t school, id;
	int day = 0, rc;

	if ((rc = cmd_parse(c, p, &o, 2, 2, N_("the period's number and the file"))) ||
	    (o.date && (rc = date_parse(o.date, &day, "--date", &c->err))) ||
	    (rc = period_arg(c, o.school, p->args[0], &school, &id)))
		return rc;
	rc = wall_import(c->db, id, p->args[1], o.sheet, day, &s, &notes, &c->err);
	if (notes.len)
		cmd_note(c, "%s", strbuf_str(&notes));
	strbuf_release(&notes);
	if (rc)
		return rc;
	if (s.suppressed)
		cmd_note(c, P_("%lld group has fewer than 5 pupils and is left out",
			       "%lld groups have fewer than 5 pupils and are left out", (unsigned long)s.suppressed),
			 (long long)s.suppressed);
	if (c->quiet)
		return 0;
	out_record(&c->out, import_cols, sizeof(import_cols) / sizeof(*import_cols));
	out_text(&c->out, p->args[1]);
	out_bool(&c->out, s.per_pupil);
	out_int(&c->out, s.added);
	out_int(&c->out, s.updated);
	out_int(&c->out, s.unchanged);
	out_int(&c->out, s.suppressed);
	out_end(&c->out);
	return 0;
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct wopts o = { 0 };
	int64_t school, id;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the period's number"))) ||
	    (rc = period_arg(c, o.school, p->args[0], &school, &id)))
		return rc;
	return wall_show(c->db, id, &c->out, &c->err);
}

static const struct subcmd wall_subs[] = {
	{ "add", "add PERIOD --indicator TEXT --group GROUP --value NUMBER [--norm NUMBER] [--unit UNIT] "
		 "[--source TEXT] [--date DATE] [--previous NUMBER]",
	  N_("put a value of an indicator for one group on the datamuur"), add_opts, run_add, SUB_WRITES, NULL },
	{ "note", "note PERIOD TEXT [--source TEXT]", N_("an insight from research on the datamuur"), note_opts,
	  run_note, SUB_WRITES, NULL },
	{ "import", "import PERIOD FILE [--date DATE] [--sheet NAME]",
	  N_("read a group-level (or per-pupil) export of the pupil tracking system"), import_opts, run_import,
	  SUB_WRITES, NULL },
	{ "show", "show PERIOD", N_("the datamuur: per indicator the groups against norm and previous value"),
	  school_opts, run_show, 0, NULL },
	{ 0 }
};

const struct command_def def_wall = {
	.description = N_(
		"The datamuur of a period: school data per indicator and group (with norm, unit, source, date and "
		"the previous measurement) and insights from research, prepared by the period's TIV.\n\n"
		"'wall import' reads the group-level exports of a pupil tracking system (ParnasSys, ESIS, Magister) "
		"as CSV (',' ';' or tab, a BOM, CRLF, Windows-1252) or .xlsx, with Dutch headers: groep, toets, "
		"moment, the levels I..V or A..E (counts, or percentages when they add up to 100 or end in %), "
		"gemiddelde and aantal. The indicator is the test and the moment (\"Begrijpend lezen M\").\n\n"
		"No pupil enters the store: a file with one row per pupil (a column leerling, naam or "
		"leerlingnummer, with niveau and/or score) is aggregated on import to its groups (number of pupils, "
		"share per level, mean score); a group under 5 pupils is left out, and the pupil column is never "
		"stored. A percentage outside 0-100 or an unknown column is refused with file:line:column and "
		"nothing is written. Importing the same file again changes nothing."),
	.subs = wall_subs,
	.examples = N_("beter wall add 1 --indicator \"Begrijpend lezen M\" --group \"groep 7\" --value 58 --norm 65 "
		       "--unit % --source \"Cito LOVS\" --date 2026-02-01\n"
		       "beter wall import 1 lovs-groepen.csv\n"
		       "beter wall note 1 \"Hardop denkend voordoen helpt zwakke lezers\" --source \"NRO leidraad begrijpend lezen\"\n"
		       "beter wall show 1"),
};

/* beter school: the schools of a school board in one store. */
#include "beter/calendar.h"
#include "beter/i18n.h"
#include "beter/school.h"
#include "cmd.h"

struct add_opts {
	const char *brin, *sector, *region;
};
#define OPT_STRUCT struct add_opts

static const struct opt add_opts[] = {
	OPT_STRING("brin", brin, "CODE", N_("the school's BRIN code, e.g. 12AB")),
	OPT_STRING("sector", sector, "SECTOR", N_("po, vo, mbo or so (any case)")),
	OPT_END
};

static const struct opt no_opts[] = { OPT_END };
static const struct opt edit_opts[] = {
	OPT_STRING("region", region, "REGION", N_("the school's holiday region: noord, midden or zuid (the calendar)")),
	OPT_END
};

static int run_edit(struct ctx *c, struct optparse *p)
{
	struct add_opts o = { 0 };
	int64_t id;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 0, 1, N_("the school"))))
		return rc;
	if (!o.region)
		return cmd_usage(c, "%s", _("nothing to change: give --region"));
	if ((rc = school_resolve(c->db, p->nargs ? p->args[0] : NULL, &id, &c->err)) ||
	    (rc = calendar_set_region(c->db, id, o.region, &c->err)))
		return rc;
	cmd_note(c, _("the school's holiday region is now %s"), o.region);
	return c->quiet ? 0 : school_show(c->db, id, &c->out, &c->err);
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct add_opts o = { 0 };
	int64_t id;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 1, 1, N_("the school's name"))))
		return rc;
	if ((rc = school_add(c->db, p->args[0], o.brin, o.sector, &id, &c->err)))
		return rc;
	return c->quiet ? 0 : school_show(c->db, id, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	int rc;

	if ((rc = cmd_parse(c, p, NULL, 0, 0, N_("nothing"))))
		return rc;
	return school_list(c->db, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	int64_t id;
	int rc;

	if ((rc = cmd_parse(c, p, NULL, 0, 1, N_("the school"))))
		return rc;
	if ((rc = school_resolve(c->db, p->nargs ? p->args[0] : NULL, &id, &c->err)))
		return rc;
	return school_show(c->db, id, &c->out, &c->err);
}

static const struct subcmd school_subs[] = {
	{ "add", "add NAME [--brin CODE] [--sector po|vo|mbo|so]", N_("add another school to the store"), add_opts, run_add,
	  SUB_WRITES, NULL },
	{ "list", "list", N_("list the schools with their numbers of people and teams"), no_opts, run_list, SUB_DEFAULT, NULL },
	{ "edit", "edit [NAME|BRIN|NUMBER] --region noord|midden|zuid", N_("change a school's holiday region"), edit_opts,
	  run_edit, SUB_WRITES, NULL },
	{ "show", "show [NAME|BRIN|NUMBER]", N_("show one school (the only one when not named)"), no_opts, run_show, 0, NULL },
	{ 0 }
};

const struct command_def def_school = {
	.description =
		N_("A store can hold the schools of a school board. When it holds one school, commands use it "
		"without being told; with more, name one with --school NAME (a name, BRIN code or number)."),
	.subs = school_subs,
	.examples = N_("beter school add \"CBS De Wegwijzer\" --brin 34CD --sector po\nbeter --json school list"),
};

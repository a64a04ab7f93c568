/* beter school: the schools of a school board in one store. */
#include "beter/school.h"
#include "cmd.h"

enum { O_BRIN = 256, O_SECTOR };

static const struct opt add_opts[] = {
	{ "brin", O_BRIN, "CODE", "the school's BRIN code, e.g. 12AB" },
	{ "sector", O_SECTOR, "SECTOR", "po, vo, mbo or so (any case)" },
	OPT_END
};

static const struct opt no_opts[] = { OPT_END };

static int run_add(struct ctx *c, struct optparse *p)
{
	const char *brin = NULL, *sector = NULL;
	int64_t id;
	int key, rc;

	while ((key = cmd_opt(c, p)) > 0) {
		if (key == O_BRIN)
			brin = p->arg;
		else if (key == O_SECTOR)
			sector = p->arg;
	}
	if (key < 0)
		return BETER_USAGE;
	if ((rc = cmd_args(c, p, 1, 1, "the school's name")))
		return rc;
	if ((rc = school_add(c->db, p->args[0], brin, sector, &id, &c->err)))
		return rc;
	return c->quiet ? 0 : school_show(c->db, id, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	int key, rc;

	while ((key = cmd_opt(c, p)) > 0)
		;
	if (key < 0)
		return BETER_USAGE;
	if ((rc = cmd_args(c, p, 0, 0, "nothing")))
		return rc;
	return school_list(c->db, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	int64_t id;
	int key, rc;

	while ((key = cmd_opt(c, p)) > 0)
		;
	if (key < 0)
		return BETER_USAGE;
	if ((rc = cmd_args(c, p, 0, 1, "the school")))
		return rc;
	if ((rc = school_resolve(c->db, p->nargs ? p->args[0] : NULL, &id, &c->err)))
		return rc;
	return school_show(c->db, id, &c->out, &c->err);
}

static const struct subcmd school_subs[] = {
	{ "add", "add NAME [--brin CODE] [--sector po|vo|mbo|so]", "add another school to the store", add_opts, run_add,
	  SUB_WRITES, NULL },
	{ "list", "list", "list the schools with their numbers of people and teams", no_opts, run_list, SUB_DEFAULT, NULL },
	{ "show", "show [NAME|BRIN|NUMBER]", "show one school (the only one when not named)", no_opts, run_show, 0, NULL },
	{ 0 }
};

const struct command_def def_school = {
	.description =
		"A store can hold the schools of a school board. When it holds one school, commands use it "
		"without being told; with more, name one with --school NAME (a name, BRIN code or number).",
	.subs = school_subs,
	.examples = "beter school add \"CBS De Wegwijzer\" --brin 34CD --sector po\nbeter --json school list",
};

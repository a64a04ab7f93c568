/* beter check: the store's integrity, links and invariants. */
#include "beter/check.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "cmd.h"

static const struct opt check_opts[] = { OPT_END };

static int run_check(struct ctx *c, struct optparse *p)
{
	long problems = 0;
	int rc;

	if ((rc = cmd_parse(c, p, NULL, 0, 0, N_("nothing"))) || (rc = store_need_owner(c->db, "check", &c->err)))
		return rc;
	rc = check_store(c->db, &c->out, &problems, &c->err);
	if (rc == BETER_FAIL && problems)
		c->keep_output = 1; /* the problems are the result, not a failure to check */
	if (!rc)
		cmd_note(c, _("the store is sound"));
	return rc;
}

static const struct subcmd check_subs[] = {
	{ "", "", N_("check the store's integrity, links and rules"), check_opts, run_check, 0, NULL },
	{ 0 }
};

const struct command_def def_check = {
	.description =
		N_("Checks that the store is sound: SQLite's integrity check (every page and index readable and "
		"consistent), every link between records (a team member whose team is gone), every uid (32 lowercase "
		"hex digits, unique), every stored text (valid UTF-8, check 'text') and JSON document (valid JSON, check "
		"'json'; a report could not read it), every survey instrument and phase model as a report reads it "
		"(check 'document') and beter's own rules (person codes, roles, team kinds, schools, and the rules "
		"of boards, goals, visits, arenas, surveys, trajectories, lesson designs and improvement periods: periods of "
		"one school that overlap, a TIV that is not of kind tiv, a verbindingssessie before its period or more than "
		"six weeks after it, a retrospective or standard of another school, a percentage on the datamuur outside "
		"0-100, a group of fewer than 5 pupils on it).\n\n"
		"Prints one line per problem with the check, the table, the record and what is wrong, and exits with "
		"1 when there is any; with 0 and nothing on stdout when the store is sound. In JSON and CSV a problem "
		"that belongs to no table or record has null there. Damage to the file itself is summed up in one line "
		"per damaged table or index (how many problems, and the first); SQLite stops looking after 100 "
		"problems, which a last line says. A file that is not a "
		"store, or too damaged to open, gives exit 74. Restore a damaged store from a backup "
		"('beter backup') or rebuild it from an export ('beter import'). On a PostgreSQL store only its owner (the "
		"role that ran 'beter init') or a superuser checks it: a person's login reads only part of the store and "
		"is told so (exit 1)."),
	.subs = check_subs,
	.examples = N_("beter check\nbeter --json check | jq '.[].problem'"),
};

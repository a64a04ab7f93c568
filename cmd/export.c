/* beter export: the whole store (or one school) as one JSON document. */
#include "beter/exchange.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "cmd.h"

struct export_opts {
	const char *school;
};
#define OPT_STRUCT struct export_opts

static const struct opt export_opts[] = {
	OPT_STRING("school", school, "SCHOOL",
		   N_("only this school's records (name, BRIN or number) and what they link to")),
	OPT_END
};

static int run_export(struct ctx *c, struct optparse *p)
{
	struct export_opts o = { 0 };
	int64_t school = 0;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 0, 0, N_("nothing"))))
		return rc;
	if ((rc = store_need_owner(c->db, "export", &c->err)) || (o.school && (rc = cmd_school(c, o.school, &school))))
		return rc;
	return exchange_export(c->db, school, &c->out, &c->err);
}

static const struct subcmd export_subs[] = {
	{ "", "[--school S] > store.json", N_("write the store as one JSON document to stdout"), export_opts, run_export, 0,
	  NULL },
	{ 0 }
};

const struct command_def def_export = {
	.description =
		N_("Writes the whole store to stdout as one JSON document, for a backup that people and other tools can "
		"read, and to bring two stores together with 'beter import' (a laptop used during lesson visits and "
		"the school's store). --format does not apply: the output is always this document.\n\n"
		"The document is an object: \"format\": \"beter-export\", \"format_version\": 1, \"schema_version\" "
		"(the store's schema), \"school\" (null, or the uid of the school when --school is given) and "
		"\"tables\": an object with every table of the store, tables that others link to first. Each table is "
		"an array of rows, one per line; a row is an object with every column under its own name. Numbers "
		"are JSON numbers, an unknown value is null, text is a string and binary data a base64 string. "
		"Every record has a uid; a column that links to another record (school_id, team_id, ...) holds that "
		"record's uid, never its number, so documents from different stores can be merged. Records are "
		"sorted by uid and link tables by their key: the same store always gives the same bytes.\n\n"
		"With --school only that school's records are written, with what they link to; tables that belong to "
		"no school (shared data) are written whole. On a PostgreSQL store only its owner (the role that ran "
		"'beter init') or a superuser exports it: a person's login reads only part of the store and is told so "
		"(exit 1)."),
	.subs = export_subs,
	.examples = N_("beter export > store.json\n"
		    "beter export --school 12AB > regenboog.json\n"
		    "beter export | jq '.tables.person | length'"),
};

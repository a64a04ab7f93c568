/* beter init: create a store with its first school. */
#include <string.h>

#include "beter/school.h"
#include "beter/store.h"
#include "cmd.h"

enum { O_SCHOOL = 256, O_BRIN, O_SECTOR };

static const struct opt init_opts[] = {
	{ "school", O_SCHOOL, "NAME", "the school's name (required)" },
	{ "brin", O_BRIN, "CODE", "the school's BRIN code, e.g. 12AB" },
	{ "sector", O_SECTOR, "SECTOR", "po, vo, mbo or so (any case)" },
	OPT_END
};

static int run_init(struct ctx *c, struct optparse *p)
{
	const char *name = NULL, *brin = NULL, *sector = NULL;
	int64_t id;
	int key, rc;

	while ((key = cmd_opt(c, p)) > 0) {
		switch (key) {
		case O_SCHOOL: name = p->arg; break;
		case O_BRIN: brin = p->arg; break;
		case O_SECTOR: sector = p->arg; break;
		}
	}
	if (key < 0)
		return BETER_USAGE;
	if ((rc = cmd_args(c, p, 0, 0, "nothing")))
		return rc;
	if (!name || !*name)
		return cmd_usage(c, "a store starts with a school: beter init --school NAME [--brin CODE] [--sector po|vo|mbo|so]");
	if (sector && !school_sector_valid(sector))
		return beter_err_set(&c->err, BETER_DATAERR, "--sector: unknown sector '%s' (use po, vo, mbo or so)", sector);

	c->db_path = store_default_path(c->db_opt);
	if ((rc = store_open(c->db_path, STORE_CREATE, &c->db, &c->err)))
		return rc;
	if (store_int(c->db, "SELECT count(*) FROM school", 0) > 0)
		return beter_err_set(&c->err, BETER_FAIL,
				     "the store '%s' already has a school; add another with 'beter school add'", c->db_path);
	if ((rc = store_begin(c->db, &c->err)))
		return rc;
	if ((rc = school_add(c->db, name, brin, sector, &id, &c->err))) {
		store_rollback(c->db);
		return rc;
	}
	if (c->dry_run) {
		store_rollback(c->db);
		cmd_note(c, "dry run: nothing was written");
		return 0;
	}
	if ((rc = store_commit(c->db, &c->err)))
		return rc;
	cmd_note(c, "created the store '%s' for %s", c->db_path, name);
	if (!c->quiet)
		return school_show(c->db, id, &c->out, &c->err);
	return 0;
}

static const struct subcmd init_subs[] = {
	{ "", "--school NAME [--brin CODE] [--sector po|vo|mbo|so]", "create the store and its first school",
	  init_opts, run_init, 0, NULL },
	{ 0 }
};

const struct command_def def_init = {
	.description =
		"Creates a new store (one SQLite file, mode 0600, WAL mode) with its first school. "
		"The store is the file named by --db, else $BETER_DB, else $XDG_DATA_HOME/beter/beter.db; "
		"missing directories are created. An existing empty file is taken only when it can be made mode 0600 "
		"(other commands refuse an empty file with status 74 instead of writing a store into it). "
		"A school board keeps more schools in the same store: "
		"add them with 'beter school add'.",
	.subs = init_subs,
	.examples = "beter --db /tmp/s.db init --school \"OBS De Regenboog\" --brin 12AB --sector po",
};

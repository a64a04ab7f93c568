/* beter init: create a store with its first school. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "beter/calendar.h"
#include "beter/i18n.h"
#include "beter/school.h"
#include "beter/store.h"
#include "beter/store_new.h"
#include "cmd.h"

struct init_opts {
	const char *name, *brin, *sector, *region;
};
#define OPT_STRUCT struct init_opts

static const struct opt init_opts[] = {
	OPT_STRING("school", name, "NAME", N_("the school's name (required)")),
	OPT_STRING("brin", brin, "CODE", N_("the school's BRIN code, e.g. 12AB")),
	OPT_STRING("sector", sector, "SECTOR", N_("po, vo, mbo or so (any case)")),
	OPT_STRING("region", region, "REGION", N_("the school's holiday region: noord, midden or zuid")),
	OPT_END
};

/* Add the first school in one transaction; BETER_FAIL when the store has one. */
static int add_first_school(struct ctx *c, struct store *db, const struct init_opts *o, int64_t *id)
{
	int rc;

	if ((rc = store_begin(db, &c->err)))
		return rc;
	/* counted under the write lock: two inits never both add a first school */
	if (store_int(db, "SELECT count(*) FROM school", 0) > 0)
		rc = beter_err_set(&c->err, BETER_FAIL,
				   _("the store '%s' already has a school; add another with 'beter school add'"), c->db_path);
	if (!rc)
		rc = school_add(db, o->name, o->brin, o->sector, id, &c->err);
	if (!rc && o->region)
		rc = calendar_set_region(db, *id, o->region, &c->err);
	if (rc || c->dry_run) {
		store_rollback(db);
		return rc;
	}
	return store_commit(db, &c->err);
}

/* A new store is built aside and appears whole (store_new.h): a kill leaves
 * none, and one that another beter made meanwhile is kept (STORE_NEW_EXISTS). */
static int init_new(struct ctx *c, const struct init_opts *o, int64_t *id)
{
	struct store_new sn;
	struct store *db;
	int rc;

	if ((rc = store_new_begin(&sn, c->db_path, &db, &c->err)))
		return rc;
	if ((rc = add_first_school(c, db, o, id)) || c->dry_run) {
		store_new_abort(&sn);
		return rc;
	}
	return store_new_finish(&sn, &c->err);
}

static int run_init(struct ctx *c, struct optparse *p)
{
	struct init_opts o = { 0 };
	struct stat sb;
	int64_t id;
	int rc;

	if ((rc = cmd_parse(c, p, &o, 0, 0, N_("nothing"))))
		return rc;
	if (!o.name || !*o.name)
		return cmd_usage(c, "%s",
				 _("a store starts with a school: beter init --school NAME [--brin CODE] [--sector po|vo|mbo|so]"));
	if (o.sector && !school_sector_valid(o.sector))
		return beter_err_set(&c->err, BETER_DATAERR, _("--sector: unknown sector '%s' (use po, vo, mbo or so)"), o.sector);
	if (o.region && !calendar_region_valid(o.region))
		return beter_err_set(&c->err, BETER_DATAERR, _("--region: unknown region '%s' (use noord, midden or zuid)"),
				     o.region);

	c->db_path = store_default_path(c->db_opt);
	rc = STORE_NEW_EXISTS;
	if (!store_pg_address(c->db_path) && stat(c->db_path, &sb) != 0 && errno == ENOENT)
		rc = init_new(c, &o, &id);
	if (rc == STORE_NEW_EXISTS) {
		/* an empty file (made private first), or a store that appeared meanwhile */
		if ((rc = store_open(c->db_path, STORE_CREATE, &c->db, &c->err)))
			return rc;
		rc = add_first_school(c, c->db, &o, &id);
	}
	if (rc)
		return rc;
	if (c->dry_run) {
		cmd_note(c, "%s", _("dry run: nothing was written"));
		return 0;
	}
	cmd_note(c, _("created the store '%s' for %s"), c->db_path, o.name);
	if (!c->quiet) {
		if (!c->db && (rc = store_open(c->db_path, 0, &c->db, &c->err)))
			return rc;
		return school_show(c->db, id, &c->out, &c->err);
	}
	return 0;
}

static const struct subcmd init_subs[] = {
	{ "", "--school NAME [--brin CODE] [--sector po|vo|mbo|so] [--region noord|midden|zuid]", N_("create the store and its first school"),
	  init_opts, run_init, 0, NULL },
	{ 0 }
};

const struct command_def def_init = {
	.description = N_(
		"Creates a new store (one SQLite file, mode 0600, WAL mode) with its first school. "
		"The store is built beside its path and appears there whole; it never replaces a file that is there. "
		"The store is the file named by --db, else $BETER_DB, else $XDG_DATA_HOME/beter/beter.db; "
		"missing directories are created. An existing empty file is taken only when it can be made mode 0600 "
		"(other commands refuse an empty file with status 74 instead of writing a store into it). "
		"A school board keeps more schools in the same store: "
		"add them with 'beter school add'."),
	.subs = init_subs,
	.examples = N_("beter --db /tmp/s.db init --school \"OBS De Regenboog\" --brin 12AB --sector po"),
};
